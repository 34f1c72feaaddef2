"""Load the small word lists that ship in ``lexicons/``: action verbs, buzzwords, first names.

Each loader reads its file once (results are cached) through
:func:`cvscan.resources.lexicon_path`; pass ``path`` to read a file of your own in the same
format instead. A missing or malformed file raises :class:`~cvscan.errors.LexiconError`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import LexiconError
from ..resources import lexicon_path

__all__ = ["Verbs", "load_buzzwords", "load_first_names", "load_verbs"]

logger = logging.getLogger("cvscan")


@dataclass(frozen=True, slots=True)
class Verbs:
    """Action verbs: ``strong`` single words (base and past forms, lower-case) and ``weak``
    openers (lower-case phrases such as "responsible for"), longest first."""

    strong: frozenset[str]
    weak: tuple[str, ...]

    @property
    def weak_words(self) -> frozenset[str]:
        """First words of the weak openers that are verbs ("helped", "worked", "assisted")."""
        return frozenset(p.split()[0] for p in self.weak if p.split()[0] not in _NOT_VERBS)


_NOT_VERBS = frozenset({
    "responsible", "duties", "duty", "member", "part", "role", "exposure", "experience",
    "familiar", "knowledge", "my", "i", "the", "a", "an", "was", "were", "am", "have", "had",
    "been", "in", "on", "for", "with", "as", "some", "various", "day-to-day", "job",
})


def _read_yaml(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except FileNotFoundError as exc:
        raise LexiconError(f"word list not found: {path}") from exc
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"cannot read word list {path}: {exc}") from exc


def _strings(data: Any, key: str, path: Path) -> list[str]:
    items = data.get(key) if isinstance(data, dict) else None
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise LexiconError(f"{path}: '{key}' must be a list of strings")
    return [" ".join(i.lower().split()) for i in items if i.strip()]


@lru_cache(maxsize=8)
def load_verbs(path: str | Path | None = None) -> Verbs:
    """Strong action verbs and weak openers from ``verbs.yaml`` (or ``path``)."""
    file = Path(path) if path is not None else lexicon_path("verbs.yaml")
    data = _read_yaml(file)
    strong = frozenset(_strings(data, "strong", file))
    weak = tuple(sorted(set(_strings(data, "weak", file)), key=lambda p: (-len(p), p)))
    logger.debug("loaded %d strong verbs and %d weak openers from %s", len(strong), len(weak), file)
    return Verbs(strong=strong, weak=weak)


@lru_cache(maxsize=8)
def load_buzzwords(path: str | Path | None = None) -> dict[str, float]:
    """Buzzwords and clichés from ``buzzwords.yaml`` (or ``path``): lower-case phrase -> weight.

    An entry is a phrase (weight 1.0) or a one-item mapping ``{phrase: weight}``. The cache
    hands every caller the same dict: treat it as read-only.
    """
    file = Path(path) if path is not None else lexicon_path("buzzwords.yaml")
    data = _read_yaml(file)
    items = data.get("buzzwords") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise LexiconError(f"{file}: 'buzzwords' must be a list")
    out: dict[str, float] = {}
    for item in items:
        if isinstance(item, str):
            phrase, weight = item, 1.0
        elif isinstance(item, dict) and len(item) == 1:
            phrase, raw = next(iter(item.items()))
            if not isinstance(phrase, str) or isinstance(raw, bool) or not isinstance(raw, (int, float)):
                raise LexiconError(f"{file}: bad buzzword entry {item!r}")
            weight = float(raw)
        else:
            raise LexiconError(f"{file}: bad buzzword entry {item!r}")
        phrase = " ".join(phrase.lower().split())
        if phrase:
            out[phrase] = weight
    return out


@lru_cache(maxsize=8)
def load_first_names(path: str | Path | None = None) -> frozenset[str]:
    """First names from ``first_names.txt`` (or ``path``), as written (title case: "Ray").

    One name per line; blank lines and text after ``#`` are ignored.
    """
    file = Path(path) if path is not None else lexicon_path("first_names.txt")
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"cannot read first names {file}: {exc}") from exc
    names = {line.split("#", 1)[0].strip() for line in text.splitlines()}
    names.discard("")
    return frozenset(names)
