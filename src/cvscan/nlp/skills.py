"""The ``cvscan_skills`` spaCy component: find the skills a CV claims.

Matching runs on normalised keys (see :mod:`cvscan.nlp.normalize`), so spacing, hyphens,
dots, case, plurals, British/American spelling and glued versions ("YOLOv8") all fold to
the lexicon's canonical skill. Longest match wins. Names that are also ordinary words
("Go", "R", "Excel", "Spark", "pandas") are credited only in context: in a skills list,
next to a cue word or another skill, never in a person's name, never when a blocker word
follows ("go hiking", "excel at"). Mentions in References never count; hidden text is
recorded as hidden and never credited.

Results: ``doc._.skills`` (a list of :class:`~cvscan.evidence.SkillMention`) and the span
group ``doc.spans["skills"]`` labelled with skill ids.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..document import BlockKind, Section
from ..evidence import SkillMention
from ..lexicon import Lexicon, Skill, load_lexicon
from .context import Unit, iter_units, register_extensions
from .normalize import plural_keys, strip_version, term_key, word_key

__all__ = ["SkillMatcher", "compile_matcher", "make_skill_matcher"]

MAX_TOKENS = 8
_CONNECTORS = frozenset({"-", "/", ".", "&", "+", "#", "_", "–"})
_LIST_SPLIT = re.compile(r"[,;|•·●▪]| and | & |\s/\s")
_LABEL_LINE = re.compile(r"^[A-Z][\w &/+-]{1,40}:\s")
_EVIDENCE_SECTIONS = frozenset({
    Section.EXPERIENCE, Section.PROJECTS, Section.SUMMARY, Section.AWARDS, Section.PUBLICATIONS,
    Section.EDUCATION, Section.OTHER,
})
_SENTENCE_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM})
#: Sections whose mentions are not claims: a degree title or thesis topic, a paper title,
#: a referee's name. They are still seen (for context) but never reported.
UNCREDITED_SECTIONS = frozenset({Section.EDUCATION, Section.PUBLICATIONS, Section.REFERENCES})
# "Senior ML Engineer — Acme AI", "Data Scientist | Brightpath | 2019 – 2021": a job or
# organisation line, whose words name an employer or a title rather than a skill used.
_TITLE_LINE = re.compile(r"\s[—–|@]\s|\s-\s|,\s*(?:19|20)\d\d")


@dataclass(frozen=True, slots=True)
class _Form:
    skill: Skill
    exact: str | None  # the exact surface required for an ambiguous form


@dataclass(frozen=True)
class CompiledSkills:
    """A lexicon compiled for matching: normalised key -> candidate forms."""

    lexicon: Lexicon
    forms: dict[str, tuple[_Form, ...]]
    first_names: frozenset[str]


def compile_matcher(lexicon: Lexicon, first_names: Iterable[str] = ()) -> CompiledSkills:
    """Index every name, alias, plural and ambiguous form of ``lexicon`` by its key."""
    forms: dict[str, list[_Form]] = {}
    plurals: dict[str, list[_Form]] = {}
    for skill in lexicon.skills.values():
        ambiguous = set(skill.ambiguous)
        for surface in skill.surface_forms():
            key = term_key(surface)
            if surface in ambiguous:
                forms.setdefault(key, []).append(_Form(skill, surface))
                continue
            forms.setdefault(key, []).append(_Form(skill, None))
            for plural in plural_keys(key):
                plurals.setdefault(plural, []).append(_Form(skill, None))
    for key, entries in plurals.items():
        forms.setdefault(key, entries)
    return CompiledSkills(
        lexicon=lexicon,
        forms={k: tuple(_dedupe(v)) for k, v in forms.items()},
        first_names=frozenset(first_names),
    )


def _dedupe(entries: list[_Form]) -> list[_Form]:
    seen: set[tuple[str, str | None]] = set()
    out = []
    for entry in entries:
        if (entry.skill.id, entry.exact) not in seen:
            seen.add((entry.skill.id, entry.exact))
            out.append(entry)
    return out


@lru_cache(maxsize=8)
def _compiled(extra_lexicons: tuple[str, ...]) -> CompiledSkills:
    from .wordlists import load_first_names

    return compile_matcher(load_lexicon(extra_lexicons), load_first_names())


@dataclass(frozen=True, slots=True)
class _Match:
    start: int  # token indices in the Doc
    end: int
    skill: Skill
    ambiguous: bool


class SkillMatcher:
    """Find skill mentions per unit (bullet, sentence, cell) and decide which count."""

    def __init__(self, nlp: Language, name: str = "cvscan_skills", *,
                 extra_lexicons: Sequence[str] = (), compiled: CompiledSkills | None = None) -> None:
        self.name = name
        self.extra_lexicons = tuple(str(p) for p in extra_lexicons)
        self.compiled = compiled or _compiled(self.extra_lexicons)
        register_extensions()

    @property
    def lexicon(self) -> Lexicon:
        return self.compiled.lexicon

    def __call__(self, doc: Doc) -> Doc:
        mentions: list[SkillMention] = []
        spans: list[Span] = []
        for unit in iter_units(doc):
            for match, listed, evidenced in self._unit_mentions(unit):
                span = doc[match.start:match.end]
                mentions.append(SkillMention(
                    skill_id=match.skill.id,
                    name=match.skill.name,
                    category=match.skill.category,
                    surface=span.text,
                    section=unit.section,
                    unit=unit.span.text,
                    start_char=span.start_char,
                    end_char=span.end_char,
                    listed=listed,
                    evidenced=evidenced,
                    hidden=unit.hidden,
                ))
                spans.append(Span(doc, match.start, match.end, label=match.skill.id))
        doc._.skills = mentions
        doc.spans["skills"] = spans
        return doc

    # -- matching ---------------------------------------------------------------------

    def match_tokens(self, tokens: Span) -> list[_Match]:
        """All raw matches in a span, longest first, not overlapping."""
        forms = self.compiled.forms
        doc = tokens.doc
        out: list[_Match] = []
        i, end = tokens.start, tokens.end
        while i < end:
            token = doc[i]
            if token.is_space or token.is_punct and token.text not in ("#", "+", ".", "C++"):
                i += 1
                continue
            found = self._longest(doc, i, end, forms)
            if found is None:
                i += 1
                continue
            out.append(found)
            i = found.end
        return out

    def _longest(self, doc: Doc, i: int, end: int, forms: dict[str, tuple[_Form, ...]]) -> _Match | None:
        keys: list[tuple[int, str]] = []
        key = ""
        j = i
        while j < end and j - i < MAX_TOKENS:
            token = doc[j]
            if token.is_space or (j > i and doc[j - 1].whitespace_ and "\n" in doc[j - 1].whitespace_):
                break
            if token.is_punct and token.text not in _CONNECTORS and token.text not in ("#", "+"):
                break
            key += word_key(token.text)
            if token.text not in _CONNECTORS:
                keys.append((j + 1, key))
            j += 1
        for stop, candidate in reversed(keys):
            match = self._pick(doc, i, stop, forms.get(candidate))
            if match is None and any(c.isdigit() for c in doc[stop - 1].text):
                stripped = strip_version(candidate)
                if stripped:
                    match = self._pick(doc, i, stop, forms.get(stripped))
            if match is not None:
                return match
        return None

    @staticmethod
    def _pick(doc: Doc, start: int, stop: int, entries: tuple[_Form, ...] | None) -> _Match | None:
        if not entries:
            return None
        surface = doc[start:stop].text
        for entry in entries:
            if entry.exact is None:
                return _Match(start, stop, entry.skill, False)
        for entry in entries:
            if entry.exact == surface:
                return _Match(start, stop, entry.skill, True)
        return None

    # -- context ----------------------------------------------------------------------

    def _unit_mentions(self, unit: Unit) -> list[tuple[_Match, bool, bool]]:
        section = unit.section
        if section in UNCREDITED_SECTIONS or self._is_title_line(unit):
            return []
        matches = self.match_tokens(unit.span)
        if not matches:
            return []
        if section is Section.INTERESTS and len(matches) < 2:
            return []  # "my ball python": a lone word in a hobby line is not a claim

        listy = self._is_list_like(unit, matches)
        listed = listy or section in (Section.SKILLS, Section.CONTACT, Section.CERTIFICATIONS) \
            or unit.kind not in _SENTENCE_KINDS
        evidenced = not listed and section in _EVIDENCE_SECTIONS
        anchors = sum(1 for m in matches if not m.ambiguous and not m.skill.is_soft)
        words = {t.lower_ for t in unit.span}
        out = []
        for match in matches:
            if match.ambiguous and not self._ambiguous_ok(match, unit, listy, anchors, words):
                continue
            out.append((match, listed, evidenced))
        return out

    @staticmethod
    def _is_title_line(unit: Unit) -> bool:
        """A job-title / employer line in experience ("ML Engineer, Conversational AI — Acme")."""
        if unit.section is not Section.EXPERIENCE:
            return False
        text = unit.span.text
        if unit.kind is BlockKind.HEADING:
            return True
        return len(text.split()) <= 14 and not text.rstrip().endswith(".") and bool(_TITLE_LINE.search(text))

    def _is_list_like(self, unit: Unit, matches: list[_Match]) -> bool:
        text = unit.span.text
        if unit.section is Section.SKILLS and unit.kind != BlockKind.PARAGRAPH:
            return True
        items = [p.strip() for p in _LIST_SPLIT.split(_LABEL_LINE.sub("", text)) if p.strip()]
        if len(items) < 3:
            return False
        short = sum(1 for p in items if len(p.split()) <= 4)
        return short / len(items) >= 0.75 and len(matches) >= 2

    def _ambiguous_ok(self, match: _Match, unit: Unit, listy: bool, anchors: int, words: set[str]) -> bool:
        doc = unit.span.doc
        skill = match.skill
        if self._blocked(doc, match, skill, unit):
            return False
        if self._in_person_name(doc, match, unit):
            return False
        if words & skill.cues:
            return True
        if unit.section is Section.INTERESTS:
            return anchors > 0
        if listy or unit.section is Section.SKILLS:
            return True
        return anchors > 0

    @staticmethod
    def _blocked(doc: Doc, match: _Match, skill: Skill, unit: Unit) -> bool:
        after = doc.text[doc[match.end - 1].idx + len(doc[match.end - 1]):unit.span.end_char]
        before = doc.text[unit.span.start_char:doc[match.start].idx]
        glued_after = after.startswith("-")
        glued_before = before.endswith("-")
        if len(doc[match.start:match.end].text) == 1 and (glued_after or glued_before):
            return True  # "C-suite", "R-CNN", "Plan-B"
        after_words = after.lstrip(" -").lower()
        before_words = before.rstrip(" -").lower()
        for phrase in skill.not_before:
            if after_words.startswith(phrase) and not after_words[len(phrase):len(phrase) + 1].isalnum():
                return True
        for phrase in skill.not_after:
            if before_words.endswith(phrase) and not before_words[-len(phrase) - 1:-len(phrase)].isalnum():
                return True
        return False

    def _in_person_name(self, doc: Doc, match: _Match, unit: Unit) -> bool:
        names = self.compiled.first_names
        if not names:
            return False
        prev = _neighbour(doc, match.start - 1, unit)
        nxt = _neighbour(doc, match.end, unit)
        if prev is not None and prev.text in names and prev.is_title:
            return True
        surface = doc[match.start:match.end].text
        if surface in names and nxt is not None and nxt.is_title and nxt.is_alpha:
            nxt_matches = self.match_tokens(doc[nxt.i:min(nxt.i + MAX_TOKENS, unit.span.end)])
            starts_skill = any(m.start == nxt.i and not m.ambiguous for m in nxt_matches)
            return not starts_skill
        return False


def _neighbour(doc: Doc, i: int, unit: Unit) -> Token | None:
    if unit.span.start <= i < unit.span.end:
        token = doc[i]
        if not token.is_space and not token.is_punct:
            return token
    return None


@Language.factory(
    "cvscan_skills",
    default_config={"extra_lexicons": []},
)
def make_skill_matcher(nlp: Language, name: str, extra_lexicons: list[str]) -> SkillMatcher:
    """spaCy factory: ``nlp.add_pipe("cvscan_skills", config={"extra_lexicons": [...]})``."""
    return SkillMatcher(nlp, name, extra_lexicons=extra_lexicons)
