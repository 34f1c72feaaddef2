"""Build cvscan's spaCy pipeline and turn a Document into evidence.

The pipeline is ``spacy.blank("en")`` plus the sentencizer and cvscan's own rule
components, so nothing is downloaded. Build it once and reuse it: loading the lexicon and
compiling the matcher happens at build time, never per CV.
"""

from __future__ import annotations

import contextlib
import threading
import weakref
from collections.abc import Sequence
from dataclasses import dataclass

import spacy
from spacy.language import Language

from ..document import Document, Section
from ..evidence import Achievement, SkillMention
from . import achievements as _achievements  # noqa: F401 - registers the factory
from . import skills as _skills  # noqa: F401 - registers the factory
from .context import iter_units, make_cv_doc

__all__ = ["NlpResult", "build_pipeline", "run_pipeline"]


def build_pipeline(*, extra_lexicons: Sequence[str] = ()) -> Language:
    """A blank English pipeline with cvscan's skills and achievements components.

    No sentencizer: units are bullets, cells and the sentences of paragraph blocks, split by
    :mod:`cvscan.nlp.context` on the block text (cheaper than a per-token pass, and it knows
    abbreviations and initials). A user pipeline with its own sentencizer or parser is
    followed instead.
    """
    nlp = spacy.blank("en")
    nlp.max_length = 2_000_000
    nlp.add_pipe("cvscan_skills", config={"extra_lexicons": [str(p) for p in extra_lexicons]})
    nlp.add_pipe("cvscan_achievements")
    return nlp


@dataclass(frozen=True)
class NlpResult:
    """What the NLP stage found in one CV."""

    mentions: tuple[SkillMention, ...]
    achievements: tuple[Achievement, ...]
    n_units: int
    n_tokens: int


_LOCKS: weakref.WeakKeyDictionary[Language, threading.Lock] = weakref.WeakKeyDictionary()
_LOCKS_GUARD = threading.Lock()


def _lock_for(nlp: Language) -> threading.Lock:
    with _LOCKS_GUARD:
        lock = _LOCKS.get(nlp)
        if lock is None:
            lock = _LOCKS[nlp] = threading.Lock()
        return lock


def run_pipeline(nlp: Language, document: Document) -> NlpResult:
    """Run ``nlp`` over ``document`` and collect skill mentions and achievements."""
    # A memory zone (spaCy >= 3.8) frees the strings each CV adds to the shared vocabulary, so
    # a long-lived Analyzer does not grow with every new word it meets. Results are plain
    # records, never spaCy objects, so nothing outlives the zone.
    # Zones are not thread-safe (one thread's zone would free strings another is using), so
    # runs of one pipeline are serialised; the NLP stage is pure Python and holds the GIL anyway.
    zone = nlp.memory_zone() if hasattr(nlp, "memory_zone") else contextlib.nullcontext()
    with _lock_for(nlp), zone:
        doc = make_cv_doc(nlp, document)
        return NlpResult(
            mentions=tuple(doc._.skills or ()),
            achievements=tuple(a for a in (doc._.achievements or ()) if a.section is not Section.REFERENCES),
            n_units=len(iter_units(doc)),
            n_tokens=len(doc),
        )
