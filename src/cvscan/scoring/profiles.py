"""Role profiles: the weighted keywords that define each ML role.

A profile is a YAML file (format in ``lexicons/README.md``) with essential and desirable
skills (single skills or "any of" groups), responsibility phrases and job titles. The ten
shipped roles live in ``lexicons/roles/``; users add their own files or folders.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import LexiconError
from ..lexicon import Lexicon, load_lexicon, read_yaml, yaml_files
from ..nlp.normalize import word_key
from ..resources import lexicon_path

__all__ = ["Keyword", "RoleProfile", "load_roles", "normalise_phrase", "parse_role"]

_SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_ROLE_KEYS = {"slug", "title", "description", "essential", "desirable", "responsibilities", "titles"}
_WORD_RE = re.compile(r"[a-z0-9+#]+(?:[-'][a-z0-9+#]+)*")


def normalise_phrase(text: str) -> str:
    """Lower-case words with spelling folded, single-spaced, for phrase look-up."""
    return " ".join(word_key(w) for w in _WORD_RE.findall(text.lower()))


@dataclass(frozen=True, slots=True)
class Keyword:
    """One weighted keyword of a role: a skill, an "any of" skill group, or a phrase."""

    label: str
    weight: float
    essential: bool
    skills: tuple[str, ...] = ()  # skill ids; any one satisfies the keyword
    phrase: str | None = None  # normalised responsibility phrase

    @property
    def term_ids(self) -> tuple[str, ...]:
        """The model's feature names for this keyword."""
        if self.phrase is not None:
            return (f"phrase:{self.phrase}",)
        return tuple(f"skill:{s}" for s in self.skills)

    @property
    def kind(self) -> str:
        if self.phrase is not None:
            return "phrase"
        return "group" if len(self.skills) > 1 else "skill"


@dataclass(frozen=True)
class RoleProfile:
    """A role to score CVs against (one of the ten shipped roles, a user role, or a job ad)."""

    slug: str
    title: str
    description: str
    keywords: tuple[Keyword, ...]
    titles: tuple[str, ...] = ()  # normalised job titles that name this role

    @property
    def essential(self) -> tuple[Keyword, ...]:
        return tuple(k for k in self.keywords if k.essential and k.phrase is None)

    @property
    def desirable(self) -> tuple[Keyword, ...]:
        return tuple(k for k in self.keywords if not k.essential and k.phrase is None)

    @property
    def phrases(self) -> tuple[Keyword, ...]:
        return tuple(k for k in self.keywords if k.phrase is not None)


def _weight(item: dict[str, Any], path: str, line: int) -> float:
    weight = item.get("weight", 1)
    if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not 0 < weight <= 10:
        raise LexiconError(f"weight must be a number in (0, 10], got {weight!r}", path=path, line=line)
    return float(weight)


def _skill_keywords(items: Any, essential: bool, lexicon: Lexicon, path: str, line: int) -> list[Keyword]:
    if items is None:
        return []
    if not isinstance(items, list):
        raise LexiconError("'essential' and 'desirable' must be lists", path=path, line=line)
    out = []
    for item in items:
        if not isinstance(item, dict):
            raise LexiconError("each keyword must be a mapping like {skill: python, weight: 2}",
                               path=path, line=line)
        at = int(item.get("__line__", line))
        if "skill" in item:
            ids = [item["skill"]]
        elif "any" in item and isinstance(item["any"], list):
            ids = item["any"]
        else:
            raise LexiconError("a keyword needs 'skill: ID' or 'any: [ID, ...]'", path=path, line=at)
        resolved = []
        for skill_id in ids:
            if not isinstance(skill_id, str) or skill_id not in lexicon:
                found = lexicon.resolve(str(skill_id))
                if found is None:
                    raise LexiconError(f"unknown skill id {skill_id!r}", path=path, line=at)
                skill_id = found
            resolved.append(skill_id)
        label = item.get("label") or (lexicon[resolved[0]].name if len(resolved) == 1
                                      else " / ".join(lexicon[s].name for s in resolved))
        out.append(Keyword(label=str(label), weight=_weight(item, path, at), essential=essential,
                           skills=tuple(dict.fromkeys(resolved))))
    return out


def parse_role(data: Any, lexicon: Lexicon, path: str = "<role>") -> RoleProfile:
    """Validate one role mapping (as read from YAML) into a :class:`RoleProfile`."""
    if not isinstance(data, dict):
        raise LexiconError("a role file must be a mapping with slug, title and keywords", path=path, line=1)
    line = int(data.get("__line__", 1))
    unknown = set(data) - _ROLE_KEYS - {"__line__"}
    if unknown:
        raise LexiconError(f"unknown key(s): {', '.join(sorted(map(str, unknown)))}", path=path, line=line)
    slug, title = data.get("slug"), data.get("title")
    if not isinstance(slug, str) or not _SLUG_RE.match(slug):
        raise LexiconError(f"'slug' must be lower-case letters, digits and hyphens, got {slug!r}",
                           path=path, line=line)
    if not isinstance(title, str) or not title.strip():
        raise LexiconError("missing 'title'", path=path, line=line)
    keywords = _skill_keywords(data.get("essential"), True, lexicon, path, line)
    keywords += _skill_keywords(data.get("desirable"), False, lexicon, path, line)
    for item in data.get("responsibilities") or []:
        at = int(item.get("__line__", line)) if isinstance(item, dict) else line
        if not isinstance(item, dict) or not isinstance(item.get("phrase"), str):
            raise LexiconError("a responsibility must be {phrase: ..., weight: ...}", path=path, line=at)
        keywords.append(Keyword(label=item["phrase"], weight=_weight(item, path, at), essential=False,
                                phrase=normalise_phrase(item["phrase"])))
    if not any(k.essential for k in keywords):
        raise LexiconError("a role needs at least one essential keyword", path=path, line=line)
    titles = data.get("titles") or [title]
    if not isinstance(titles, list) or not all(isinstance(t, str) for t in titles):
        raise LexiconError("'titles' must be a list of job titles", path=path, line=line)
    return RoleProfile(
        slug=slug,
        title=title.strip(),
        description=str(data.get("description") or "").strip(),
        keywords=tuple(keywords),
        titles=tuple(dict.fromkeys(normalise_phrase(t) for t in titles)),
    )


def load_roles(extra: Sequence[str | os.PathLike[str]] = (), *, lexicon: Lexicon | None = None) -> list[RoleProfile]:
    """The shipped role profiles plus user ones; a user role with a shipped slug replaces it."""
    lexicon = lexicon or load_lexicon()
    if not extra and lexicon is load_lexicon():
        return list(_shipped_roles())
    return _load(yaml_files([lexicon_path("roles"), *extra], "role"), lexicon)


@lru_cache(maxsize=1)
def _shipped_roles() -> tuple[RoleProfile, ...]:
    return tuple(_load(yaml_files([lexicon_path("roles")], "role"), load_lexicon()))


def _load(files: list[Path], lexicon: Lexicon) -> list[RoleProfile]:
    roles: dict[str, RoleProfile] = {}
    for file in files:
        role = parse_role(read_yaml(file), lexicon, str(file))
        roles[role.slug] = role
    return list(roles.values())
