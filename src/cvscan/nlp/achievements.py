"""The ``cvscan_achievements`` spaCy component: bullets and sentences that state measured results.

A unit (see :mod:`cvscan.nlp.context`) is an achievement when it sits in a section about the
candidate's work, is not a heading, and states at least one qualifying quantity (see
:mod:`cvscan.nlp.metrics`): "Cut cloud spend by £38k a year" is one; "Python 3.11",
"Sep 2019 – Present" or "14 years in retail" alone are not. The component sets
``doc._.achievements`` to a list of :class:`~cvscan.evidence.Achievement` records, hidden
units included but flagged ``hidden=True``::

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("cvscan_achievements")
    doc = nlp("Cut release time from 2 weeks to 1 day. Enjoy hiking.")
    [a.text for a in doc._.achievements]  # ['Cut release time from 2 weeks to 1 day.']
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from ..document import BlockKind, Section
from ..evidence import Achievement
from .context import Unit, doc_text, iter_units, register_extensions
from .metrics import find_metrics, has_number
from .wordlists import load_verbs

__all__ = ["DEFAULT_SECTIONS", "AchievementFinder", "leading_verb", "make_achievement_finder"]

logger = logging.getLogger("cvscan")

DEFAULT_SECTIONS: tuple[str, ...] = ("summary", "experience", "projects", "awards", "other")
"""Sections whose units can be achievements. ``other`` covers unrecognised headings
("Leadership", "Volunteering") and plain-text Docs without blocks."""

_SKIP_KINDS = frozenset({BlockKind.HEADING, BlockKind.HEADER, BlockKind.FOOTER})
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_TOKEN = re.compile(r"[^\W_]+")
_VERB_WINDOW = 6
_SUBJECTS = frozenset({"i", "we", "they", "you", "to", "also", "then"})
_DETERMINERS = frozenset({"a", "an", "the", "this", "these", "those", "my", "our", "their",
                          "its", "his", "her", "each", "every", "some", "many", "few", "all"})
_TITLE_NOUNS = frozenset("""manager managers scientist scientists engineer engineers analyst analysts
lead leads director assistant associate officer specialist consultant intern developer developers
architect administrator coordinator executive head owner designer researcher fellow""".split())
_IRREGULAR_PAST = frozenset("""cut set put hit led ran won built rebuilt grew drove sold held kept
spent wrote rewrote taught began gave found made took brought stood oversaw sped shot struck
upheld""".split())
# a job or project header line: "Acme Ltd (120 staff) | London | 2019 – Present"
_HEADER_LINE = re.compile(r"\s[|·•]\s|(?:19|20)\d{2}\s*(?:[-–—]|to)\s*"
                          r"(?:(?:19|20)?\d{2}\b|(?i:present|now|current|date|today))")


def leading_verb(text: str, verbs: Iterable[str] | frozenset[str]) -> str | None:
    """The unit's action verb as written: its first word if that is a known verb ("Cut"),
    else the first known verb among its first few words ("Most recently I cut" -> "cut")."""
    known = verbs if isinstance(verbs, frozenset) else frozenset(verbs)
    words: list[str] = _WORD.findall(text[:160])[:_VERB_WINDOW]
    if not words:
        return None
    first = words[0].lower()
    title = len(words) > 1 and words[1].lower() in _TITLE_NOUNS  # "Store manager ..."
    past = len(first) > 4 and first.endswith("ed") and words[0][0].isupper()
    if (first in known and not title) or past:
        return words[0]  # "Cut ...", or a past tense the list lacks ("Reconciled ...")
    prev = first
    for word in words[1:]:
        low = word.lower().rstrip("'’")
        if low in known and (low.endswith("ed") or low in _IRREGULAR_PAST or prev in _SUBJECTS):
            return word  # "I have built", "Most recently I cut", "we ship"
        if (low.endswith("s") and prev not in _DETERMINERS and low not in known
                and _third_person_base(low) in known):
            return word  # "a package that turns", "my programme saves"
        prev = low
    return None


def _third_person_base(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("es") and word[-3] in "sxzh":
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


class AchievementFinder:
    """Find the units of a Doc that state a measured result or scope of work.

    ``sections`` are the section names (see :class:`~cvscan.document.Section`) whose units are
    eligible; ``min_words`` is the fewest words a unit needs; ``extra_verbs`` are added to
    the action verbs of ``lexicons/verbs.yaml``.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "cvscan_achievements",
        *,
        sections: Sequence[str] = DEFAULT_SECTIONS,
        min_words: int = 3,
        extra_verbs: Sequence[str] = (),
    ) -> None:
        self.nlp = nlp
        self.name = name
        try:
            self.sections = frozenset(Section(s) for s in sections)
        except ValueError as exc:
            raise ValueError(f"{name}: unknown section in {list(sections)!r}") from exc
        self.min_words = min_words
        verbs = load_verbs()
        self.verbs = verbs.strong | verbs.weak_words | {v.lower() for v in extra_verbs}
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc._.achievements``."""
        found = self.find(doc)
        doc._.achievements = found
        logger.debug("%s: %d achievement(s)", self.name, len(found))
        return doc

    def find(self, doc: Doc) -> list[Achievement]:
        """The achievements among the Doc's units, in document order."""
        out: list[Achievement] = []
        for unit in iter_units(doc):
            if unit.kind in _SKIP_KINDS or unit.section not in self.sections:
                continue
            achievement = self.unit_achievement(unit)
            if achievement is not None:
                out.append(achievement)
        return out

    def unit_achievement(self, unit: Unit) -> Achievement | None:
        """The unit as an Achievement, or None if it states no qualifying result."""
        if unit.kind in _SKIP_KINDS or unit.section not in self.sections:
            return None
        span = unit.span
        text = doc_text(span.doc)[span.start_char:span.end_char]
        if not has_number(text) or len(_TOKEN.findall(text)) < self.min_words:
            return None
        metrics = find_metrics(text)
        if not metrics:
            return None
        verb = leading_verb(text, self.verbs)
        if verb is None and all(m.kind == "count" for m in metrics) and _HEADER_LINE.search(text):
            return None  # "Acme Analytics (Series B, 120 staff) | London | 2019 – Present"
        return Achievement(
            text=text,
            metrics=tuple(metrics),
            verb=verb,
            section=unit.section,
            start_char=unit.span.start_char,
            end_char=unit.span.end_char,
            hidden=unit.hidden,
        )


@Language.factory(
    "cvscan_achievements",
    default_config={"sections": list(DEFAULT_SECTIONS), "min_words": 3, "extra_verbs": []},
    assigns=["doc._.achievements"],
)
def make_achievement_finder(
    nlp: Language,
    name: str,
    sections: list[str],
    min_words: int,
    extra_verbs: list[str],
) -> AchievementFinder:
    """Build the ``cvscan_achievements`` component (its arguments are its config keys)."""
    return AchievementFinder(nlp, name, sections=sections, min_words=min_words,
                             extra_verbs=extra_verbs)
