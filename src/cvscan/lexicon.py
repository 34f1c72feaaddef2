"""Load and validate the skills lexicon (``lexicons/skills/*.yaml``).

The format is documented in ``lexicons/README.md``. Every entry is validated on load and
a problem raises :class:`~cvscan.errors.LexiconError` naming the file and line. Users add
or override entries with files of their own: an entry whose id already exists replaces it.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .errors import LexiconError
from .nlp.normalize import term_key, version_candidates
from .resources import lexicon_path

__all__ = ["CATEGORIES", "Lexicon", "Skill", "load_lexicon", "read_yaml", "yaml_files"]

logger = logging.getLogger("cvscan")

CATEGORIES = frozenset({
    "language", "library", "framework", "cloud", "database", "data", "mlops", "devops", "ml",
    "deep-learning", "nlp", "cv", "statistics", "security", "product", "tool", "application",
    "soft",
})
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9+#.\-]*$")
_SKILL_KEYS = {"id", "name", "category", "aliases", "ambiguous", "cues", "not_before", "not_after"}

try:  # libyaml is several times faster; fall back to the pure-Python loader
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader


class _LineLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A safe YAML loader that records each mapping's line as ``__line__``."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


def read_yaml(path: str | os.PathLike[str]) -> Any:
    """Parse a YAML file safely; mappings carry their line number under ``__line__``."""
    path = Path(path)
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_LineLoader)  # noqa: S506 - a safe loader subclass
    except OSError as exc:
        raise LexiconError(f"cannot read file: {exc.strerror or exc}", path=str(path)) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise LexiconError(f"invalid YAML: {problem}", path=str(path), line=line) from exc
    except UnicodeDecodeError as exc:
        raise LexiconError("file is not UTF-8 text", path=str(path)) from exc


@dataclass(frozen=True, slots=True)
class Skill:
    """One skill: canonical id, display name, category, aliases and context rule.

    ``ambiguous`` lists surface forms that are also ordinary words or names ("Go", "R",
    "Excel"): they match only with that exact case and are credited only in context
    (``cues`` in the sentence, a skills list, or other skills nearby) and never when a
    ``not_before`` / ``not_after`` word follows or precedes them.
    """

    id: str
    name: str
    category: str
    aliases: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()
    cues: frozenset[str] = frozenset()
    not_before: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    origin: str = ""

    @property
    def is_soft(self) -> bool:
        return self.category == "soft"

    def surface_forms(self) -> tuple[str, ...]:
        """The name and every alias, ambiguous forms included."""
        seen: dict[str, None] = {}
        for form in (self.name, *self.aliases, *self.ambiguous):
            seen.setdefault(form, None)
        return tuple(seen)


def _str_list(entry: Mapping[str, Any], key: str, path: str, line: int) -> tuple[str, ...]:
    value = entry.get(key, [])
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise LexiconError(f"'{key}' must be a list of strings", path=path, line=line)
    out = tuple(str(v).strip() for v in value)
    if any(not v for v in out):
        raise LexiconError(f"'{key}' contains an empty string", path=path, line=line)
    return out


def _parse_skill(entry: Any, path: str, fallback_line: int) -> Skill:
    if not isinstance(entry, dict):
        raise LexiconError("each entry must be a mapping with id, name and category", path=path,
                           line=fallback_line)
    line = int(entry.get("__line__", fallback_line))
    unknown = set(entry) - _SKILL_KEYS - {"__line__"}
    if unknown:
        raise LexiconError(f"unknown key(s): {', '.join(sorted(map(str, unknown)))}", path=path, line=line)
    for key in ("id", "name", "category"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise LexiconError(f"missing or empty '{key}'", path=path, line=line)
    skill_id = entry["id"].strip()
    if not _ID_RE.match(skill_id):
        raise LexiconError(f"id {skill_id!r} must be lower-case letters, digits and + # . -",
                           path=path, line=line)
    category = entry["category"].strip()
    if category not in CATEGORIES:
        raise LexiconError(f"unknown category {category!r} (one of {', '.join(sorted(CATEGORIES))})",
                           path=path, line=line)
    name = entry["name"].strip()
    aliases = _str_list(entry, "aliases", path, line)
    ambiguous = _str_list(entry, "ambiguous", path, line)
    for form in (name, *aliases, *ambiguous):
        if not term_key(form):
            raise LexiconError(f"{form!r} has no letters or digits to match", path=path, line=line)
    return Skill(
        id=skill_id,
        name=name,
        category=category,
        aliases=aliases,
        ambiguous=ambiguous,
        cues=frozenset(c.lower() for c in _str_list(entry, "cues", path, line)),
        not_before=tuple(w.lower() for w in _str_list(entry, "not_before", path, line)),
        not_after=tuple(w.lower() for w in _str_list(entry, "not_after", path, line)),
        origin=f"{path}:{line}",
    )


def _read_skill_file(path: Path) -> list[Skill]:
    data = read_yaml(path)
    if data is None:
        return []
    if not isinstance(data, list):
        raise LexiconError("a skills file must be a YAML list of entries", path=str(path), line=1)
    skills = [_parse_skill(entry, str(path), 1) for entry in data]
    seen: dict[str, str] = {}
    for skill in skills:
        if skill.id in seen:
            raise LexiconError(f"duplicate id {skill.id!r} (first at {seen[skill.id]})",
                               path=str(path), line=int(skill.origin.rsplit(":", 1)[1]))
        seen[skill.id] = skill.origin
    return skills


def yaml_files(paths: Iterable[str | os.PathLike[str]], what: str = "lexicon") -> list[Path]:
    """The YAML files named by ``paths``: files as given, folders expanded (sorted)."""
    files: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml")))
        elif path.exists():
            files.append(path)
        else:
            raise LexiconError(f"no such {what} file or directory", path=str(path))
    return files


@dataclass(frozen=True)
class Lexicon:
    """All skills by id, with a resolver from any name or alias to the canonical id."""

    skills: Mapping[str, Skill]
    keys: Mapping[str, str]  # normalised name/alias -> skill id (ambiguous forms excluded)

    def resolve(self, name: str) -> str | None:
        """The canonical id for a skill name or alias ("sklearn" -> "scikit-learn").

        Also tries the name without a bracketed note ("SageMaker (AWS)"), its singular
        ("CNNs") and a glued version ("YOLOv8"), and the exact forms of ambiguous skills.
        """
        bare = re.sub(r"\s*\([^)]*\)\s*", " ", name).strip() or name
        for candidate in dict.fromkeys((name, bare)):
            key = term_key(candidate)
            for variant in (key, *_singulars(key), *version_candidates(key)):
                if variant and variant in self.keys:
                    return self.keys[variant]
        return next((s.id for s in self.skills.values() if name in s.ambiguous or bare in s.ambiguous), None)

    def __len__(self) -> int:
        return len(self.skills)

    def __contains__(self, skill_id: object) -> bool:
        return skill_id in self.skills

    def __getitem__(self, skill_id: str) -> Skill:
        return self.skills[skill_id]

    @property
    def technical(self) -> list[Skill]:
        return [s for s in self.skills.values() if not s.is_soft]


def _singulars(key: str) -> tuple[str, ...]:
    if key.endswith("ies"):
        return (key[:-3] + "y",)
    if key.endswith("es"):
        return (key[:-2], key[:-1])
    if key.endswith("s"):
        return (key[:-1],)
    return ()


def build_lexicon(skills: Sequence[Skill]) -> Lexicon:
    """Index skills by id (later entries override earlier ones) and by normalised alias."""
    by_id: dict[str, Skill] = {}
    for skill in skills:
        if skill.id in by_id:
            logger.debug("skill %s from %s overrides %s", skill.id, skill.origin, by_id[skill.id].origin)
        by_id[skill.id] = skill
    keys: dict[str, str] = {}
    for skill in by_id.values():
        ambiguous = {term_key(f) for f in skill.ambiguous}
        for form in (skill.name, *skill.aliases):
            key = term_key(form)
            if key in ambiguous and form in skill.ambiguous:
                continue
            owner = keys.get(key)
            if owner is not None and owner != skill.id:
                where = skill.origin.rsplit(":", 1)
                raise LexiconError(
                    f"alias {form!r} of {skill.id!r} is already used by {owner!r} ({by_id[owner].origin})",
                    path=where[0], line=int(where[1]) if len(where) == 2 else None,
                )
            keys[key] = skill.id
    return Lexicon(skills=by_id, keys=keys)


def load_lexicon(extra: Sequence[str | os.PathLike[str]] = ()) -> Lexicon:
    """The shipped skills lexicon plus any user files or folders in ``extra``.

    A user entry with an id that already exists replaces the shipped one.
    """
    if not extra:
        return _default_lexicon()
    shipped = _read_files(tuple(yaml_files([lexicon_path("skills")])))
    user = [s for f in yaml_files(extra) for s in _read_skill_file(f)]
    overridden = {s.id for s in user}
    return build_lexicon([s for s in shipped if s.id not in overridden] + user)


@lru_cache(maxsize=1)
def _default_lexicon() -> Lexicon:
    return build_lexicon(_read_files(tuple(yaml_files([lexicon_path("skills")]))))


@lru_cache(maxsize=4)
def _read_files(files: tuple[Path, ...]) -> list[Skill]:
    skills: list[Skill] = []
    origins: dict[str, str] = {}
    for file in files:
        for skill in _read_skill_file(file):
            if skill.id in origins:
                path, line = skill.origin.rsplit(":", 1)
                raise LexiconError(f"duplicate id {skill.id!r} (first at {origins[skill.id]})",
                                   path=path, line=int(line))
            origins[skill.id] = skill.origin
            skills.append(skill)
    return skills
