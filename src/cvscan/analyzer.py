"""The analyser: parse, find evidence, score and flag one CV, or many.

Build an :class:`Analyzer` once (lexicon, matchers, TF-IDF model) and reuse it; the
module-level :func:`analyze` keeps one default analyser per process.
"""

from __future__ import annotations

import logging
import os
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .document import BlockKind, Document, ParseLimits, Section
from .evidence import SkillMention
from .flags import compute_flags
from .lexicon import load_lexicon
from .nlp.pipeline import build_pipeline, run_pipeline
from .parse import DocumentSource, load_document
from .parse.sections import assign_sections
from .parse.text import parse_text
from .redact import redact_report
from .report import Report, SkillSummary, SourceInfo
from .scoring import CvFeatures, RoleFit, RoleProfile, RoleScorer, job_profile, load_roles
from .scoring.profiles import normalise_phrase
from .stuffing import find_keyword_dumps

if TYPE_CHECKING:  # for analyze_many
    from collections.abc import Iterable, Iterator
    from concurrent.futures import Executor

    from .batch import BatchResult, BatchSource

__all__ = ["Analyzer", "JobSource", "analyze"]

logger = logging.getLogger("cvscan")

JobSource = str | os.PathLike[str] | bytes | Document


class Analyzer:
    """Analyse CVs against the ML role profiles (and optionally a job description).

    Parameters
    ----------
    roles:
        Role slugs to score against (default: every role).
    job:
        A job description: text, a path to a .txt/.pdf/.docx file, bytes, or a Document.
    extra_lexicons, extra_roles:
        User skill files or folders, and user role files or folders (a user entry with an
        existing id or slug replaces the shipped one).
    limits:
        Parsing limits (file size, pages, decompressed size).
    scorer:
        An unfitted :class:`RoleScorer` with custom parameters.
    redact:
        Remove names, emails, phone numbers, locations and profile links from every report
        (see :mod:`cvscan.redact`).
    """

    def __init__(
        self,
        *,
        roles: Sequence[str] | None = None,
        job: JobSource | None = None,
        extra_lexicons: Sequence[str | os.PathLike[str]] = (),
        extra_roles: Sequence[str | os.PathLike[str]] = (),
        limits: ParseLimits | None = None,
        scorer: RoleScorer | None = None,
        redact: bool = False,
    ) -> None:
        self.redact = redact
        self.limits = limits or ParseLimits()
        self.extra_lexicons = tuple(str(p) for p in extra_lexicons)
        self.extra_roles = tuple(str(p) for p in extra_roles)
        self.lexicon = load_lexicon(self.extra_lexicons)
        self.nlp = build_pipeline(extra_lexicons=self.extra_lexicons)
        self.profiles = load_roles(self.extra_roles, lexicon=self.lexicon)
        known = {p.slug for p in self.profiles}
        unknown = [r for r in roles or () if r not in known]
        if unknown:
            raise ValueError(f"unknown role(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        self.roles = tuple(roles) if roles else None
        self._scorer_params = (scorer or RoleScorer()).get_params()
        self.scorer = RoleScorer(**self._scorer_params).fit(self.profiles)
        self.job: RoleProfile | None = None
        self._job_scorer: RoleScorer | None = None
        if job is not None:
            self.job, self._job_scorer = self._job_model(job)

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # Rebuild in the receiving process (pickling spaCy pipelines is slow and large).
        return (_rebuild, (self.roles, self.job, self.extra_lexicons, self.extra_roles,
                           self.limits, self._scorer_params, self.redact))

    # -- job descriptions --------------------------------------------------------------

    def _job_document(self, job: JobSource) -> Document:
        """A job description as a Document: a path or bytes are loaded, other text parsed as text."""
        if isinstance(job, Document):
            return job
        is_path = isinstance(job, os.PathLike) or (
            isinstance(job, str) and "\n" not in job and len(job) < 1024 and Path(job).is_file())
        if is_path or isinstance(job, bytes):
            return load_document(job, limits=self.limits)
        if isinstance(job, str):
            parsed = parse_text(job.encode("utf-8"), self.limits)
            return Document(blocks=tuple(assign_sections(parsed.blocks)), metadata=parsed.metadata)
        raise TypeError(f"job must be text, a path, bytes or a Document, not {type(job).__name__}")

    def _job_model(self, job: JobSource | RoleProfile) -> tuple[RoleProfile, RoleScorer]:
        profile = job if isinstance(job, RoleProfile) else job_profile(
            self._job_document(job), self.nlp, self.lexicon, self.profiles)
        scorer = RoleScorer(**self._scorer_params).fit([*self.profiles, profile])
        return profile, scorer

    # -- analysis ------------------------------------------------------------------------

    def analyze(self, source: DocumentSource, *, job: JobSource | None = None) -> Report:
        """Analyse one CV (a path, bytes or binary file object)."""
        document = load_document(source, limits=self.limits)
        return self.analyze_document(document, job=job)

    def analyze_many(
        self,
        sources: Iterable[BatchSource],
        *,
        workers: int | None = None,
        executor: Executor | None = None,
        ordered: bool = False,
        timeout: float | None = 60.0,
    ) -> Iterator[BatchResult]:
        """Analyse many CVs in parallel, yielding a result per file as each finishes.

        A worker pool (one process per CPU by default, or any ``concurrent.futures``
        executor, e.g. a Dask ``client.get_executor()``) with this analyser built once per
        worker. A file that fails, exceeds ``timeout`` seconds or crashes its worker becomes
        a failed :class:`~cvscan.batch.BatchResult`; the batch goes on. See
        :func:`cvscan.batch.analyze_many`.
        """
        from .batch import analyze_many

        return analyze_many(self, sources, workers=workers, executor=executor, ordered=ordered, timeout=timeout)

    def analyze_document(self, document: Document, *, job: JobSource | None = None) -> Report:
        """Analyse an already parsed CV."""
        result = run_pipeline(self.nlp, document)
        mentions = result.mentions
        dumps = find_keyword_dumps(mentions)
        dump_units = {d.unit for d in dumps}
        features = _features(document, mentions, dump_units)
        fits = self.scorer.score(features, self.roles)
        job_fit: RoleFit | None = None
        if job is not None:
            profile, scorer = self._job_model(job)
            job_fit = scorer.score(features, [profile.slug])[0]
        elif self.job is not None and self._job_scorer is not None:
            job_fit = self._job_scorer.score(features, [self.job.slug])[0]
        summary = compute_flags(document, mentions, result.achievements, dumps)
        technical, soft = _skill_summaries(mentions)
        report = Report(
            source=SourceInfo(path=document.path, sha256=document.sha256,
                              format=document.format, pages=document.pages),
            skills=technical,
            soft_skills=soft,
            achievements=tuple(a for a in result.achievements if not a.hidden),
            roles=tuple(fits),
            job=job_fit,
            flags=summary.flags,
            overstuffed=summary.overstuffed,
            warnings=document.warnings,
            contact=document.contact,
            stats={
                "words": summary.n_words,
                "experience_bullets": summary.n_bullets,
                "quantified_share": summary.quantified_share,
                "buzzwords": summary.buzzword_hits,
                "hidden_blocks": len(document.hidden_blocks),
            },
        )
        return redact_report(report) if self.redact else report


def _rebuild(*args: object) -> Analyzer:
    roles, job, extra_lexicons, extra_roles, limits, params, redact = args
    return Analyzer(roles=roles, job=job, extra_lexicons=extra_lexicons,  # type: ignore[arg-type]
                    extra_roles=extra_roles, limits=limits, scorer=RoleScorer(**params),  # type: ignore[arg-type]
                    redact=bool(redact))


def _features(document: Document, mentions: Sequence[SkillMention], dump_units: set[str]) -> CvFeatures:
    counts: dict[str, int] = defaultdict(int)
    shown: set[str] = set()
    for m in mentions:
        if m.hidden or m.category == "soft" or m.unit in dump_units:
            continue
        counts[m.skill_id] += 1
        if m.evidenced:
            shown.add(m.skill_id)
    visible = [b for b in document.blocks if not b.hidden and b.text not in dump_units]
    text = " ".join(normalise_phrase(b.text) for b in visible)
    head = [b.text for b in visible if b.section is Section.CONTACT or b.kind is BlockKind.HEADER]
    head += [b.text for b in visible if b.section is Section.EXPERIENCE and b.kind == BlockKind.HEADING][:2]
    summary = next((b.text for b in visible if b.section is Section.SUMMARY and b.kind != BlockKind.HEADING), "")
    head.append(summary.split(".")[0])
    return CvFeatures(
        skills=dict(counts),
        listed_only=frozenset(s for s in counts if s not in shown),
        text=f" {text} ",
        headline=" | ".join(normalise_phrase(h) for h in head),
    )


def _skill_summaries(mentions: Sequence[SkillMention]) -> tuple[tuple[SkillSummary, ...], tuple[SkillSummary, ...]]:
    grouped: dict[str, list[SkillMention]] = defaultdict(list)
    for m in mentions:
        grouped[m.skill_id].append(m)
    technical, soft = [], []
    for skill_id, found in grouped.items():
        visible = [m for m in found if not m.hidden]
        summary = SkillSummary(
            id=skill_id,
            name=found[0].name,
            category=found[0].category,
            count=len(visible),
            sections=tuple(dict.fromkeys(m.section.value for m in visible)),
            evidenced=any(m.evidenced for m in visible),
            hidden=len(visible) < len(found),
            hidden_count=len(found) - len(visible),
        )
        (soft if summary.category == "soft" else technical).append(summary)
    key = lambda s: (-s.count, s.name.lower())  # noqa: E731
    return tuple(sorted(technical, key=key)), tuple(sorted(soft, key=key))


@lru_cache(maxsize=8)
def _shared_analyzer(roles: tuple[str, ...] | None, redact: bool) -> Analyzer:
    return Analyzer(roles=roles, redact=redact)


def analyze(source: DocumentSource, *, roles: Sequence[str] | None = None,
            job: JobSource | None = None, redact: bool = False) -> Report:
    """Analyse one CV with a shared analyser (built on first use, then reused)."""
    return _shared_analyzer(tuple(roles) if roles else None, redact).analyze(source, job=job)
