"""What the NLP stage finds in a CV: skill mentions and quantified achievements.

These frozen records are produced by the spaCy components in :mod:`cvscan.nlp` and consumed
by scoring, flags and the report.
"""

from __future__ import annotations

from dataclasses import dataclass

from .document import Section

__all__ = ["Achievement", "Metric", "SkillMention"]


@dataclass(frozen=True, slots=True)
class SkillMention:
    """One place a CV names a skill.

    ``listed`` is true where the skill is only listed (skills section, a keyword line);
    ``evidenced`` where it is shown in use (a sentence or bullet in experience, projects or
    the summary). ``hidden`` mentions sit in hidden text and are never credited.
    """

    skill_id: str
    name: str
    category: str
    surface: str
    section: Section
    unit: str  # the sentence, bullet or line the mention stands in
    start_char: int
    end_char: int
    listed: bool
    evidenced: bool
    hidden: bool = False

    def to_dict(self) -> dict[str, object]:
        return {
            "skill_id": self.skill_id,
            "name": self.name,
            "category": self.category,
            "surface": self.surface,
            "section": self.section.value,
            "unit": self.unit,
            "start_char": self.start_char,
            "end_char": self.end_char,
            "listed": self.listed,
            "evidenced": self.evidenced,
            "hidden": self.hidden,
        }


@dataclass(frozen=True, slots=True)
class Metric:
    """A measured quantity in an achievement.

    ``kind`` is one of ``percent``, ``points`` (percentage points), ``money``, ``count``,
    ``duration``, ``multiplier``, ``rank``, ``ratio`` (a score such as AUC 0.81).
    ``unit`` is e.g. ``"%"``, a currency code (``"GBP"``), ``"ms"``, ``"x"``, or what a count
    counts (``"users"``). ``direction`` is ``"increase"``, ``"decrease"`` or ``None``.
    ``baseline``/``target``/``change`` are set for before-to-after statements
    ("from 85% to 92%" gives baseline 85, target 92, change +7).
    """

    value: float
    unit: str | None
    kind: str
    text: str
    direction: str | None = None
    baseline: float | None = None
    target: float | None = None
    change: float | None = None
    counted: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "value": self.value,
            "unit": self.unit,
            "kind": self.kind,
            "text": self.text,
            "direction": self.direction,
            "baseline": self.baseline,
            "target": self.target,
            "change": self.change,
            "counted": self.counted,
        }


@dataclass(frozen=True, slots=True)
class Achievement:
    """A bullet or sentence that states a measured result or scope of the candidate's work."""

    text: str
    metrics: tuple[Metric, ...]
    verb: str | None
    section: Section
    start_char: int
    end_char: int
    hidden: bool = False

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "metrics": [m.to_dict() for m in self.metrics],
            "verb": self.verb,
            "section": self.section.value,
            "hidden": self.hidden,
        }
