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

from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..document import BlockKind, Section
from ..evidence import SkillMention
from ..lexicon import Lexicon, Skill, load_lexicon
from .context import Unit, doc_text, iter_units, register_extensions
from .normalize import plural_keys, term_key, version_candidates, word_key

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
    prefixes: frozenset[str]  # every leading part of every key: lets a match attempt stop early


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
        prefixes=frozenset(k[:n] for k in forms for n in range(1, len(k) + 1)),
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


class _TokenTable:
    """Per-Doc token facts as plain lists: the matcher's hot loop never builds Token objects."""

    __slots__ = ("breaks", "connector", "digits", "keys", "texts", "whitespace")

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        text = doc.text if text is None else text
        rows = doc.to_array([IDX, LENGTH, SPACY, IS_SPACE, IS_PUNCT]).tolist() if len(doc) else []
        self.texts = [text[i:i + n] for i, n, _, _, _ in rows]
        self.whitespace = [" " if sp else "" for _, _, sp, _, _ in rows]
        self.keys = [word_key(t) for t in self.texts]
        self.connector = [t in _CONNECTORS for t in self.texts]
        self.breaks = [bool(space) or (bool(punct) and t not in _CONNECTORS and t not in ("#", "+"))
                       for t, (_, _, _, space, punct) in zip(self.texts, rows)]
        self.digits = [any(c.isdigit() for c in t) for t in self.texts]

    def surface(self, start: int, stop: int) -> str:
        parts = [self.texts[k] + self.whitespace[k] for k in range(start, stop - 1)]
        return "".join(parts) + self.texts[stop - 1]


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
        text = doc_text(doc)
        table = _TokenTable(doc, text)
        for unit in iter_units(doc):
            unit_text = text[unit.span.start_char:unit.span.end_char]
            for match, listed, evidenced in self._unit_mentions(unit, table, unit_text):
                span = doc[match.start:match.end]
                mentions.append(SkillMention(
                    skill_id=match.skill.id,
                    name=match.skill.name,
                    category=match.skill.category,
                    surface=text[span.start_char:span.end_char],
                    section=unit.section,
                    unit=unit_text,
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

    def match_tokens(self, tokens: Span, table: _TokenTable | None = None) -> list[_Match]:
        """All raw matches in a span, longest first, not overlapping."""
        table = table or _TokenTable(tokens.doc)
        out: list[_Match] = []
        i, end = tokens.start, tokens.end
        while i < end:
            if table.breaks[i] and table.texts[i] != ".":
                i += 1
                continue
            found = self._longest(table, i, end)
            if found is None:
                i += 1
                continue
            out.append(found)
            i = found.end
        return out

    def _longest(self, table: _TokenTable, i: int, end: int) -> _Match | None:
        forms = self.compiled.forms
        prefixes = self.compiled.prefixes
        keys: list[tuple[int, str]] = []
        key = ""
        j = i
        limit = min(end, i + MAX_TOKENS)
        while j < limit:
            if table.breaks[j]:  # spaces (line breaks are space tokens) and punctuation
                break
            key += table.keys[j]
            if not table.connector[j]:
                keys.append((j + 1, key))
            if key not in prefixes:
                break  # no longer key starts this way (a glued version is still tried below)
            j += 1
        for stop, candidate in reversed(keys):
            entries = forms.get(candidate)
            if entries is None and table.digits[stop - 1]:
                entries = next((forms[k] for k in version_candidates(candidate) if k in forms), None)
            if entries is not None:
                match = self._pick(table, i, stop, entries)
                if match is not None:
                    return match
        return None

    @staticmethod
    def _pick(table: _TokenTable, start: int, stop: int, entries: tuple[_Form, ...]) -> _Match | None:
        for entry in entries:
            if entry.exact is None:
                return _Match(start, stop, entry.skill, False)
        surface = table.surface(start, stop)
        for entry in entries:
            if entry.exact == surface:
                return _Match(start, stop, entry.skill, True)
        return None

    # -- context ----------------------------------------------------------------------

    def _unit_mentions(self, unit: Unit, table: _TokenTable, text: str) -> list[tuple[_Match, bool, bool]]:
        section = unit.section
        if section in UNCREDITED_SECTIONS or self._is_title_line(unit, text):
            return []
        matches = self.match_tokens(unit.span, table)
        if not matches:
            return []
        if section is Section.INTERESTS and len(matches) < 2:
            return []  # "my ball python": a lone word in a hobby line is not a claim
        offset = unit.span.start_char
        listy = self._is_list_like(unit, matches, text)
        listed = listy or section in (Section.SKILLS, Section.CONTACT, Section.CERTIFICATIONS) \
            or unit.kind not in _SENTENCE_KINDS
        evidenced = not listed and section in _EVIDENCE_SECTIONS
        anchors = sum(1 for m in matches if not m.ambiguous and not m.skill.is_soft)
        words = {table.texts[k].lower() for k in range(unit.span.start, unit.span.end)}
        out = []
        for match in matches:
            if self._blocked(text, offset, match, unit):
                continue
            if match.ambiguous and not self._ambiguous_ok(match, unit, listy, anchors, words, table):
                continue
            out.append((match, listed, evidenced))
        return out

    @staticmethod
    def _is_title_line(unit: Unit, text: str) -> bool:
        """A job-title / employer line in experience ("ML Engineer, Conversational AI — Acme")."""
        if unit.section is not Section.EXPERIENCE:
            return False
        if unit.kind is BlockKind.HEADING:
            return True
        return len(text.split()) <= 14 and not text.rstrip().endswith(".") and bool(_TITLE_LINE.search(text))

    def _is_list_like(self, unit: Unit, matches: list[_Match], text: str) -> bool:
        if unit.section is Section.SKILLS and unit.kind != BlockKind.PARAGRAPH:
            return True
        items = [p.strip() for p in _LIST_SPLIT.split(_LABEL_LINE.sub("", text)) if p.strip()]
        if len(items) < 3:
            return False
        short = sum(1 for p in items if len(p.split()) <= 4)
        return short / len(items) >= 0.75 and len(matches) >= 2

    def _ambiguous_ok(self, match: _Match, unit: Unit, listy: bool, anchors: int, words: set[str],
                      table: _TokenTable) -> bool:
        doc = unit.span.doc
        skill = match.skill
        if self._in_person_name(doc, match, unit, table):
            return False
        if words & skill.cues:
            return True
        if unit.section is Section.INTERESTS:
            return anchors > 0
        if listy or unit.section is Section.SKILLS:
            return True
        return anchors > 0

    @staticmethod
    def _blocked(text: str, offset: int, match: _Match, unit: Unit) -> bool:
        """A blocker word right after or before the mention ("go hiking", "ball python")."""
        skill = match.skill
        doc = unit.span.doc
        last = doc[match.end - 1]
        start = doc[match.start].idx - offset
        end = last.idx + len(last) - offset
        after, before = text[end:], text[:start]
        if match.ambiguous and end - start == 1 and (after.startswith("-") or before.endswith("-")):
            return True  # "C-suite", "R-CNN", "Plan-B"
        if not (skill.not_before or skill.not_after):
            return False
        after_words = after.lstrip(" -").lower()
        before_words = before.rstrip(" -").lower()
        for phrase in skill.not_before:
            if after_words.startswith(phrase) and not after_words[len(phrase):len(phrase) + 1].isalnum():
                return True
        for phrase in skill.not_after:
            if before_words.endswith(phrase) and not before_words[-len(phrase) - 1:-len(phrase)].isalnum():
                return True
        return False

    def _in_person_name(self, doc: Doc, match: _Match, unit: Unit, table: _TokenTable) -> bool:
        names = self.compiled.first_names
        if not names:
            return False
        prev = _neighbour(doc, match.start - 1, unit)
        nxt = _neighbour(doc, match.end, unit)
        if prev is not None and prev.text in names and prev.is_title:
            return True
        surface = doc[match.start:match.end].text
        if surface in names and nxt is not None and nxt.is_title and nxt.is_alpha:
            nxt_matches = self.match_tokens(doc[nxt.i:min(nxt.i + MAX_TOKENS, unit.span.end)], table)
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
