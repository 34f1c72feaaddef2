"""The analysis report: frozen dataclasses with ``to_dict()``, JSON, and a flat CSV row.

The JSON form is a public contract (its schema ships as ``cvscan/report.schema.json``):
scripts rely on the keys ``source``, ``skills``, ``achievements``, ``roles``, ``job``,
``flags``, ``overstuffed`` and ``warnings``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .document import Contact, DocumentWarning
from .evidence import Achievement
from .flags import Flag
from .scoring.model import RoleFit

__all__ = ["CSV_BASE_COLUMNS", "Report", "SkillSummary", "SourceInfo", "csv_columns", "report_schema"]

SCHEMA_VERSION = "1.0"
CSV_BASE_COLUMNS = ("path", "sha256", "ok", "error_type", "error_message", "best_role", "best_score")
CSV_TAIL_COLUMNS = ("overstuffed", "n_skills", "n_achievements", "n_flags", "quantified_share")


def csv_columns(role_slugs: list[str]) -> list[str]:
    """CSV header for a batch scored against ``role_slugs`` (one ``score_<slug>`` column each)."""
    return [*CSV_BASE_COLUMNS, *(f"score_{s}" for s in role_slugs), "job_score", *CSV_TAIL_COLUMNS]


def report_schema() -> dict[str, Any]:
    """The JSON Schema of :meth:`Report.to_dict`."""
    return json.loads((Path(__file__).parent / "report.schema.json").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class SourceInfo:
    """Where the CV came from."""

    path: str | None
    sha256: str | None
    format: str
    pages: int

    def to_dict(self) -> dict[str, object]:
        return {"path": self.path, "sha256": self.sha256, "format": self.format, "pages": self.pages}


@dataclass(frozen=True)
class SkillSummary:
    """One skill the CV names: how often (visible mentions), where, and whether shown in use."""

    id: str
    name: str
    category: str
    count: int
    sections: tuple[str, ...]
    evidenced: bool
    hidden: bool  # named in hidden text (and then never credited)
    hidden_count: int = 0

    @property
    def claimed(self) -> bool:
        """Named in visible text."""
        return self.count > 0

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "category": self.category,
            "count": self.count,
            "sections": list(self.sections),
            "evidenced": self.evidenced,
            "hidden": self.hidden,
            "hidden_count": self.hidden_count,
        }


@dataclass(frozen=True)
class Report:
    """Everything cvscan found in one CV."""

    source: SourceInfo
    skills: tuple[SkillSummary, ...]
    soft_skills: tuple[SkillSummary, ...]
    achievements: tuple[Achievement, ...]
    roles: tuple[RoleFit, ...]
    flags: tuple[Flag, ...]
    overstuffed: bool
    warnings: tuple[DocumentWarning, ...] = ()
    job: RoleFit | None = None
    contact: Contact = field(default_factory=Contact)
    stats: dict[str, float] = field(default_factory=dict)

    @property
    def best_role(self) -> RoleFit | None:
        return self.roles[0] if self.roles else None

    @property
    def claimed_skills(self) -> tuple[SkillSummary, ...]:
        """Technical skills named in visible text (hidden-only ones excluded)."""
        return tuple(s for s in self.skills if s.claimed)

    @property
    def has_hidden_text(self) -> bool:
        return any(f.code == "hidden_text" for f in self.flags)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "source": self.source.to_dict(),
            "contact": self.contact.to_dict(),
            "skills": [s.to_dict() for s in self.skills],
            "soft_skills": [s.to_dict() for s in self.soft_skills],
            "achievements": [a.to_dict() for a in self.achievements],
            "roles": [r.to_dict() for r in self.roles],
            "job": self.job.to_dict() if self.job else None,
            "flags": [f.to_dict() for f in self.flags],
            "overstuffed": self.overstuffed,
            "stats": dict(self.stats),
            "warnings": [w.to_dict() for w in self.warnings],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def csv_row(self, role_slugs: list[str] | None = None) -> dict[str, object]:
        """One flat row for a batch CSV (see :func:`csv_columns`)."""
        slugs = role_slugs if role_slugs is not None else [r.role for r in self.roles]
        scores = {r.role: r.score for r in self.roles}
        best = self.best_role
        row: dict[str, object] = {
            "path": self.source.path or "",
            "sha256": self.source.sha256 or "",
            "ok": True,
            "error_type": "",
            "error_message": "",
            "best_role": best.role if best else "",
            "best_score": best.score if best else "",
        }
        for slug in slugs:
            row[f"score_{slug}"] = scores.get(slug, "")
        row["job_score"] = self.job.score if self.job else ""
        row["overstuffed"] = self.overstuffed
        row["n_skills"] = len(self.claimed_skills)
        row["n_achievements"] = sum(1 for a in self.achievements if not a.hidden)
        row["n_flags"] = len(self.flags)
        row["quantified_share"] = self.stats.get("quantified_share", "")
        return row
