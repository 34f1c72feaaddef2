"""Score CVs against role profiles with a TF-IDF model.

:class:`RoleScorer` follows scikit-learn's estimator conventions: ``__init__`` only stores
keyword arguments, ``fit`` learns from role profiles and returns ``self``, learned
attributes end in ``_``. Each role profile becomes one TF-IDF document over the terms
``skill:<id>`` and ``phrase:<text>`` (term frequency = keyword weight), so terms that
single out a role (``skill:mlflow``) weigh more than terms every role shares
(``skill:python``).

A CV's score for a role (0-100) blends four parts, each explained term by term:

* similarity: TF-IDF cosine between the CV and the role (scaled, capped at 1);
* essential coverage: weighted share of the role's essential keywords the CV has;
* desirable coverage: the same for desirable skills and responsibility phrases;
* title: the CV's headline or a job title names the role.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from sklearn.base import BaseEstimator
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.utils.validation import check_is_fitted

from .profiles import Keyword, RoleProfile

__all__ = ["CvFeatures", "KeywordMatch", "RoleFit", "RoleScorer"]


def _identity(terms: list[str]) -> list[str]:
    return terms


@dataclass(frozen=True)
class CvFeatures:
    """What scoring needs from a CV.

    ``skills`` maps skill id to credit: the number of credited mentions (hidden text and
    keyword dumps excluded), with ``listed_only`` naming skills never shown in use.
    ``text`` is the visible normalised text for phrase look-up, ``headline`` the
    normalised name line, headline and job-title lines.
    """

    skills: Mapping[str, int]
    listed_only: frozenset[str] = frozenset()
    text: str = ""
    headline: str = ""

    def has_phrase(self, phrase: str) -> bool:
        return f" {phrase} " in self.text or f" {phrase}s " in self.text


@dataclass(frozen=True)
class KeywordMatch:
    """One keyword of a role and what it contributed to the CV's score (in score points)."""

    keyword: str
    kind: str  # "skill", "group" or "phrase"
    essential: bool
    weight: float
    matched: bool
    skills: tuple[str, ...] = ()  # the CV's skill ids that satisfied it
    contribution: float = 0.0

    def to_dict(self) -> dict[str, object]:
        return {
            "keyword": self.keyword,
            "kind": self.kind,
            "essential": self.essential,
            "weight": self.weight,
            "matched": self.matched,
            "skills": list(self.skills),
            "contribution": round(self.contribution, 2),
        }


@dataclass(frozen=True)
class RoleFit:
    """How well a CV fits one role, and why."""

    role: str
    title: str
    score: float
    similarity: float
    essential_coverage: float
    desirable_coverage: float
    title_match: bool
    keywords: tuple[KeywordMatch, ...] = field(default=())

    @property
    def matched(self) -> list[str]:
        return [k.keyword for k in self.keywords if k.matched]

    @property
    def missing(self) -> list[str]:
        return [k.keyword for k in self.keywords if not k.matched]

    @property
    def missing_essential(self) -> list[str]:
        return [k.keyword for k in self.keywords if not k.matched and k.essential]

    def to_dict(self) -> dict[str, object]:
        return {
            "role": self.role,
            "title": self.title,
            "score": self.score,
            "matched": self.matched,
            "missing": self.missing,
            "missing_essential": self.missing_essential,
            "components": {
                "similarity": round(self.similarity, 4),
                "essential_coverage": round(self.essential_coverage, 4),
                "desirable_coverage": round(self.desirable_coverage, 4),
                "title_match": self.title_match,
            },
            "contributions": [k.to_dict() for k in self.keywords if k.contribution > 0],
        }


class RoleScorer(BaseEstimator):  # type: ignore[misc]
    """TF-IDF role scorer.

    Parameters
    ----------
    similarity_weight, essential_weight, desirable_weight, title_weight : float
        Shares of the 0-100 score; they must sum to 1.
    similarity_scale : float
        Cosine similarity that counts as a full match (similarity is divided by it, capped at 1).
    listed_credit : float
        Credit for a keyword the CV only lists (skills section) rather than shows in use.
    max_repeats : int
        Mentions beyond this add nothing (repetition saturates).
    """

    def __init__(
        self,
        *,
        similarity_weight: float = 0.35,
        essential_weight: float = 0.35,
        desirable_weight: float = 0.15,
        title_weight: float = 0.15,
        similarity_scale: float = 0.5,
        listed_credit: float = 0.7,
        max_repeats: int = 3,
    ) -> None:
        self.similarity_weight = similarity_weight
        self.essential_weight = essential_weight
        self.desirable_weight = desirable_weight
        self.title_weight = title_weight
        self.similarity_scale = similarity_scale
        self.listed_credit = listed_credit
        self.max_repeats = max_repeats

    def fit(self, profiles: Sequence[RoleProfile], y: object = None) -> RoleScorer:
        """Learn term weights (IDF) from the role profiles."""
        total = self.similarity_weight + self.essential_weight + self.desirable_weight + self.title_weight
        if not np.isclose(total, 1.0):
            raise ValueError(f"the four weights must sum to 1, not {total:.3f}")
        if not profiles:
            raise ValueError("RoleScorer.fit needs at least one role profile")
        self.vectorizer_ = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, lowercase=False)
        role_docs = [self._profile_terms(p) for p in profiles]
        self.role_matrix_ = self.vectorizer_.fit_transform(role_docs).toarray()
        self.vocabulary_ = self.vectorizer_.vocabulary_
        self.phrase_terms_ = tuple(t for t in self.vocabulary_ if t.startswith("phrase:"))
        self.profiles_ = tuple(profiles)
        self.slugs_ = tuple(p.slug for p in profiles)
        return self

    @staticmethod
    def _profile_terms(profile: RoleProfile) -> list[str]:
        terms: list[str] = []
        for keyword in profile.keywords:
            repeat = max(1, round(keyword.weight * (2 if keyword.essential else 1)))
            for term in keyword.term_ids:
                terms.extend([term] * repeat)
        return terms

    def cv_vector(self, cv: CvFeatures) -> np.ndarray:
        """The CV's L2-normalised TF-IDF vector in the model's vocabulary."""
        check_is_fitted(self, "vectorizer_")
        terms: list[str] = []
        for skill_id, count in cv.skills.items():
            if count > 0:
                terms.extend([f"skill:{skill_id}"] * min(int(count), self.max_repeats))
        terms.extend(t for t in self.phrase_terms_ if cv.has_phrase(t[7:]))
        if not terms:
            return np.zeros(len(self.vocabulary_))
        return np.asarray(self.vectorizer_.transform([terms]).toarray()[0])

    def score(self, cv: CvFeatures, roles: Sequence[str] | None = None) -> list[RoleFit]:  # type: ignore[override]
        """Fit of ``cv`` to every fitted role (or the slugs in ``roles``), best first."""
        check_is_fitted(self, "vectorizer_")
        vector = self.cv_vector(cv)
        wanted = set(roles) if roles else None
        fits = [
            self._fit_one(cv, vector, i, profile)
            for i, profile in enumerate(self.profiles_)
            if wanted is None or profile.slug in wanted
        ]
        return sorted(fits, key=lambda f: (-f.score, f.role))

    def _credit(self, cv: CvFeatures, keyword: Keyword) -> tuple[float, tuple[str, ...]]:
        if keyword.phrase is not None:
            return (1.0 if cv.has_phrase(keyword.phrase) else 0.0), ()
        have = tuple(s for s in keyword.skills if cv.skills.get(s, 0) > 0)
        if not have:
            return 0.0, ()
        shown = any(s not in cv.listed_only for s in have)
        return (1.0 if shown else self.listed_credit), have

    def _fit_one(self, cv: CvFeatures, vector: np.ndarray, index: int, profile: RoleProfile) -> RoleFit:
        role_vector = self.role_matrix_[index]
        products = vector * role_vector
        cosine = float(products.sum())
        scale = self.similarity_scale
        similarity = min(1.0, cosine / scale)
        shrink = similarity / (cosine / scale) if cosine > 0 else 0.0  # share kept after the cap

        essential = [k for k in profile.keywords if k.essential]
        desirable = [k for k in profile.keywords if not k.essential]
        ess_total = sum(k.weight for k in essential) or 1.0
        des_total = sum(k.weight for k in desirable) or 1.0
        ess_cov = des_cov = 0.0
        matches = []
        for keyword in profile.keywords:
            credit, have = self._credit(cv, keyword)
            part = 0.0
            if credit:
                share = keyword.weight * credit
                if keyword.essential:
                    ess_cov += share / ess_total
                    part += 100 * self.essential_weight * share / ess_total
                else:
                    des_cov += share / des_total
                    part += 100 * self.desirable_weight * share / des_total
                for term in keyword.term_ids:
                    j = self.vocabulary_.get(term)
                    if j is not None:
                        part += 100 * self.similarity_weight * float(products[j]) / scale * shrink
            matches.append(KeywordMatch(
                keyword=keyword.label, kind=keyword.kind, essential=keyword.essential,
                weight=keyword.weight, matched=bool(credit), skills=have, contribution=part,
            ))
        title = any(f" {t} " in f" {cv.headline} " for t in profile.titles)
        score = 100 * (self.similarity_weight * similarity + self.essential_weight * ess_cov
                       + self.desirable_weight * des_cov + self.title_weight * float(title))
        matches.sort(key=lambda m: (not m.matched, -m.contribution, not m.essential, -m.weight))
        return RoleFit(
            role=profile.slug,
            title=profile.title,
            score=round(min(100.0, max(0.0, score)), 1),
            similarity=cosine,
            essential_coverage=ess_cov,
            desirable_coverage=des_cov,
            title_match=title,
            keywords=tuple(matches),
        )
