"""Find keyword stuffing: context-free keyword dumps and over-repeated keywords.

Shared by scoring (stuffed text earns nothing) and flags (stuffed text is reported).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .evidence import SkillMention

__all__ = ["KeywordDump", "find_keyword_dumps", "repeated_keywords"]

_SEPARATORS = re.compile(r"[,;|•·/()]")

#: A unit with this many skill mentions is a dump whatever its punctuation.
DUMP_MENTIONS = 20
#: A unit with this many mentions and almost no separators is a space-separated keyword blob.
BLOB_MENTIONS = 10
#: The same skill this many times in one unit.
UNIT_REPEATS = 3
#: A keyword with at least this many surplus mentions ...
REPEAT_MIN = 10
#: ... making up at least this share of the CV's words is over-repeated.
REPEAT_DENSITY = 0.02


@dataclass(frozen=True)
class KeywordDump:
    """A bullet, line or paragraph that is a context-free list of keywords."""

    unit: str
    mentions: int
    distinct: int
    reason: str
    hidden: bool


def find_keyword_dumps(mentions: Iterable[SkillMention]) -> list[KeywordDump]:
    """Units that are keyword dumps: very long keyword lists, blobs or in-line repetition."""
    by_unit: dict[tuple[str, bool], list[SkillMention]] = {}
    for mention in mentions:
        by_unit.setdefault((mention.unit, mention.hidden), []).append(mention)
    dumps = []
    for (unit, hidden), found in by_unit.items():
        counts = Counter(m.skill_id for m in found)
        top, top_count = counts.most_common(1)[0]
        separators = len(_SEPARATORS.findall(unit))
        reason = None
        if len(found) >= DUMP_MENTIONS:
            reason = f"{len(found)} keywords in one line"
        elif len(found) >= BLOB_MENTIONS and separators <= len(found) // 4:
            reason = f"{len(found)} keywords run together without punctuation"
        elif top_count >= UNIT_REPEATS and len(found) >= 5:
            name = next(m.name for m in found if m.skill_id == top)
            reason = f"'{name}' repeated {top_count} times in one line"
        if reason:
            dumps.append(KeywordDump(unit=unit, mentions=len(found), distinct=len(counts),
                                     reason=reason, hidden=hidden))
    return dumps


def repeated_keywords(mentions: Iterable[SkillMention], n_words: int) -> dict[str, int]:
    """Skills repeated beyond the density bound: id -> visible mention count.

    Use is not repetition: one mention in each bullet or sentence that shows the skill in
    use is never surplus, so a CV that really uses PyTorch in ten bullets is not stuffed.
    Surplus mentions are the others: repeats inside one line and mentions in lists,
    headlines and summaries.
    """
    visible = [m for m in mentions if not m.hidden]
    counts = Counter(m.skill_id for m in visible)
    shown_units: dict[str, set[str]] = {}
    for m in visible:
        if m.evidenced:
            shown_units.setdefault(m.skill_id, set()).add(m.unit)
    floor = max(REPEAT_MIN, REPEAT_DENSITY * max(n_words, 1))
    return {skill: n for skill, n in counts.items() if n - len(shown_units.get(skill, ())) >= floor}
