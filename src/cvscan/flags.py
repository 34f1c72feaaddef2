"""Flags: what an applicant tracking system or a recruiter would hold against a CV.

Three families, each flag with a code, a severity (``info``, ``warning``, ``critical``), a
message and evidence: overstuffing (repetition, keyword dumps, skills listed but never
shown, buzzwords, hidden text), ATS readability (no text layer, contact only in a page
header or footer, columns or tables, missing or non-standard sections, length) and impact
(share of bullets with a measurable result, weak opening verbs).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .document import BlockKind, Document, Section
from .evidence import Achievement, SkillMention
from .nlp.wordlists import load_buzzwords, load_verbs
from .parse.sections import section_for_heading
from .stuffing import KeywordDump, repeated_keywords

__all__ = ["Flag", "FlagSummary", "compute_flags"]

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_MIN_WORDS, _MAX_WORDS, _MAX_PAGES = 200, 1500, 3
_BUZZWORD_WARNING = 6.0  # weighted buzzword hits that make a CV read as filler
_LOW_IMPACT_SHARE = 0.3
_MIN_HIDDEN_LETTERS = 12


@dataclass(frozen=True)
class Flag:
    """One problem found in a CV."""

    code: str
    severity: str
    message: str
    evidence: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code, "severity": self.severity, "message": self.message,
                "evidence": list(self.evidence)}


@dataclass(frozen=True)
class FlagSummary:
    """All flags of a CV, the overall stuffing verdict and the impact figures."""

    flags: tuple[Flag, ...]
    overstuffed: bool
    n_words: int
    n_bullets: int
    quantified_share: float
    buzzword_hits: int


def _snippet(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _phrase_hits(text: str, phrases: dict[str, float]) -> Counter[str]:
    lowered = f" {' '.join(_WORD_RE.findall(text.lower()))} "
    hits: Counter[str] = Counter()
    for phrase, key in _phrase_keys(tuple(phrases)):
        n = lowered.count(key)
        if n:
            hits[phrase] = n
    return hits


@lru_cache(maxsize=4)
def _phrase_keys(phrases: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Each phrase with its space-delimited word key, computed once per word list."""
    keys = ((p, " ".join(_WORD_RE.findall(p.lower()))) for p in phrases)
    return tuple((p, f" {k} ") for p, k in keys if k)


def compute_flags(document: Document, mentions: Sequence[SkillMention],
                  achievements: Sequence[Achievement], dumps: Sequence[KeywordDump]) -> FlagSummary:
    """Every flag for one analysed CV, and the ``overstuffed`` verdict."""
    visible_text = document.text
    n_words = len(_WORD_RE.findall(visible_text))
    flags: list[Flag] = []

    # -- overstuffing ----------------------------------------------------------------
    hidden_blocks = [b for b in document.blocks if b.hidden and b.text.strip()]
    hidden_skills = sorted({m.name for m in mentions if m.hidden})
    hidden_letters = sum(c.isalpha() for b in hidden_blocks for c in b.text)
    if hidden_skills or hidden_letters >= _MIN_HIDDEN_LETTERS:  # a stray white dot is not a trick
        reasons = sorted({b.hidden_reason.value for b in hidden_blocks if b.hidden_reason})
        flags.append(Flag(
            "hidden_text", "critical",
            f"{len(hidden_blocks)} block(s) of hidden text ({', '.join(reasons)})"
            + (f" holding {len(hidden_skills)} skill keyword(s); hidden text is never credited"
               if hidden_skills else ""),
            tuple(_snippet(b.text) for b in hidden_blocks[:5]),
        ))
    visible_dumps = [d for d in dumps if not d.hidden]
    if visible_dumps:
        flags.append(Flag(
            "keyword_dump", "warning",
            f"{len(visible_dumps)} context-free keyword list(s); keywords there earn no score",
            tuple(f"{d.reason}: {_snippet(d.unit)}" for d in visible_dumps[:5]),
        ))
    repeated = repeated_keywords(mentions, n_words)
    if repeated:
        names = {m.skill_id: m.name for m in mentions}
        flags.append(Flag(
            "keyword_repetition", "warning",
            "keyword(s) repeated far beyond need: " + ", ".join(
                f"{names[s]} ×{n}" for s, n in sorted(repeated.items(), key=lambda x: -x[1])),
            tuple(f"{names[s]}: {n} mentions in {n_words} words" for s, n in repeated.items()),
        ))
    credited = [m for m in mentions if not m.hidden and m.category != "soft"]
    shown = {m.skill_id for m in credited if m.evidenced}
    listed_only = sorted({m.name for m in credited if m.listed and m.skill_id not in shown})
    listed_all = {m.skill_id for m in credited if m.listed}
    if listed_only:
        share = len(listed_only) / max(len(listed_all), 1)
        severe = len(listed_only) >= 10 and share >= 0.6
        flags.append(Flag(
            "listed_not_shown", "warning" if severe else "info",
            f"{len(listed_only)} of {len(listed_all)} listed skills never appear in experience or projects",
            tuple(listed_only[:25]),
        ))
    buzzwords = load_buzzwords()
    buzz = _phrase_hits(visible_text, buzzwords)
    buzz_score = sum(buzzwords[p] * n for p, n in buzz.items())
    if buzz:
        severe = buzz_score >= _BUZZWORD_WARNING
        flags.append(Flag(
            "buzzwords", "warning" if severe else "info",
            f"{sum(buzz.values())} buzzword(s) and cliché(s)" + (": reads as filler" if severe else ""),
            tuple(f"{p} ×{n}" if n > 1 else p for p, n in buzz.most_common(12)),
        ))
    overstuffed = bool(hidden_skills or visible_dumps or repeated) or buzz_score >= _BUZZWORD_WARNING

    # -- ATS readability ---------------------------------------------------------------
    for warning in document.warnings:
        if warning.code == "no_text_layer":
            flags.append(Flag("no_text_layer", "critical",
                              f"page {warning.page} is an image with no text layer: an ATS reads nothing there",
                              (warning.message,)))
    contact = document.contact
    for field_name, item in contact.items():
        if item.found_in != "body" and field_name in ("email", "phone"):
            flags.append(Flag("contact_in_header_footer", "warning",
                              f"the {field_name} appears only in the page {item.found_in}; many ATS skip headers and footers",
                              (item.value,)))
    if contact.email is None and contact.phone is None:
        flags.append(Flag("missing_contact", "warning", "no email address or phone number found"))
    visible_blocks = [b for b in document.blocks if not b.hidden]
    if any(b.column > 0 for b in visible_blocks):
        flags.append(Flag("multi_column_layout", "info",
                          "two-column layout: cvscan reads it column by column, but some ATS interleave the columns"))
    cells = [b for b in visible_blocks if b.kind == BlockKind.TABLE_CELL]
    if len(cells) >= 6 and len(cells) >= 0.3 * len(visible_blocks):
        flags.append(Flag("table_layout", "warning",
                          f"{len(cells)} of {len(visible_blocks)} text blocks sit in tables, which many ATS read out of order"))
    present = {b.section for b in visible_blocks}
    missing = [s.value for s in (Section.EXPERIENCE, Section.EDUCATION, Section.SKILLS) if s not in present]
    if missing:
        flags.append(Flag("missing_sections", "warning",
                          "no standard section heading for: " + ", ".join(missing), tuple(missing)))
    odd = [b.text for b in visible_blocks if b.kind == BlockKind.HEADING and b.text.isupper()
           and section_for_heading(b.text) is None and len(b.text.split()) <= 4]
    if odd:
        flags.append(Flag("nonstandard_headings", "info",
                          "section heading(s) an ATS may not recognise: " + ", ".join(odd[:6]), tuple(odd[:6])))
    if n_words < _MIN_WORDS:
        flags.append(Flag("too_short", "warning", f"only {n_words} words: too little for an ATS or a recruiter to go on"))
    elif n_words > _MAX_WORDS or document.pages > _MAX_PAGES:
        flags.append(Flag("too_long", "info",
                          f"{n_words} words over {document.pages} page(s): two pages is the usual limit"))

    # -- impact ---------------------------------------------------------------------------
    bullets = [b for b in visible_blocks if b.section is Section.EXPERIENCE and b.kind == BlockKind.LIST_ITEM]
    quantified_texts = {a.text for a in achievements if not a.hidden and a.section is Section.EXPERIENCE}
    n_quant = sum(1 for b in bullets if any(t in b.text or b.text in t for t in quantified_texts))
    share = n_quant / len(bullets) if bullets else 0.0
    if bullets and share < _LOW_IMPACT_SHARE:
        flags.append(Flag("low_impact", "warning",
                          f"only {n_quant} of {len(bullets)} experience bullets state a measurable result",
                          tuple(_snippet(b.text, 80) for b in bullets if b.text not in quantified_texts)[:5]))
    weak = _weak_openers(bullets)
    if weak:
        flags.append(Flag("weak_verbs", "info",
                          f"{len(weak)} bullet(s) open with a weak verb; lead with what you did",
                          tuple(_snippet(t, 80) for t in weak[:5])))
    return FlagSummary(
        flags=tuple(flags),
        overstuffed=overstuffed,
        n_words=n_words,
        n_bullets=len(bullets),
        quantified_share=round(share, 3),
        buzzword_hits=sum(buzz.values()),
    )


def _weak_openers(bullets: Sequence[object]) -> list[str]:
    weak = load_verbs().weak
    out = []
    for block in bullets:
        text = getattr(block, "text", "").lower().lstrip("-•* ")
        if any(text.startswith(w + " ") or text == w for w in weak):
            out.append(getattr(block, "text", ""))
    return out
