"""Normalise skill names and CV text to one matching key.

Two spellings of a term get the same key when they differ only in case, in spaces,
hyphens, dots, underscores or slashes inside the term ("scikit learn", "scikit-learn",
"CI/CD", "Node.js"), or in British versus American spelling (-ise/-ize, -isation/-ization,
-yse/-yze, -elling/-eling). ``+`` and ``#`` are kept, so "C++" and "C#" stay apart from "C".
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["plural_keys", "strip_version", "term_key", "version_candidates", "word_key"]

_DROP = re.compile(r"[\s\-‐‑‒–—_./\\'’`,:;()\[\]{}\"*!?]+")
_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), repl)
    for pattern, repl in (
        (r"isation", "ization"),
        (r"ise(s|d|r|rs)?$", r"ize\1"),
        (r"ising$", "izing"),
        (r"yse(s|d|r|rs)?$", r"yze\1"),
        (r"ysing$", "yzing"),
        (r"elling$", "eling"),
        (r"elled$", "eled"),
        (r"eller(s)?$", r"eler\1"),
        (r"ogue(s)?$", r"og\1"),
    )
)
_WORD_SPLIT = re.compile(r"[\s\-‐‑‒–—_./\\]+")


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """Key of one token: lower-cased, separators dropped, spelling folded."""
    key = _DROP.sub("", word.lower())
    if len(key) > 4 and key.isalpha():
        for pattern, repl in _FOLDS:
            key = pattern.sub(repl, key)
    return key


def term_key(term: str) -> str:
    """Key of a whole term, e.g. ``term_key("Sci-kit Learn") == "scikitlearn"``."""
    return "".join(word_key(w) for w in _WORD_SPLIT.split(term) if w)


def plural_keys(key: str) -> tuple[str, ...]:
    """Regular plural forms of a key ("cnn" -> "cnns"; "library" -> "libraries")."""
    if len(key) < 3 or not key[-1].isalpha():
        return ()
    if key.endswith(("s", "x", "ch", "sh")):
        return (key + "es",)
    if key.endswith("y") and key[-2:-1] not in ("a", "e", "i", "o", "u"):
        return (key[:-1] + "ies", key + "s")
    return (key + "s",)


def strip_version(key: str) -> str | None:
    """The key without a glued version suffix ("yolov8" -> "yolo", "python311" -> "python").

    Plain string scanning, no regex: a word glued to a long digit run must stay linear.
    """
    base = key[:-1] if key.endswith("x") and key[-2:-1].isdigit() else key
    stripped = base.rstrip("0123456789.")
    if stripped == base or len(stripped) < 2 or not stripped[-1].isalpha() and stripped[-1] not in "+#":
        return None
    if stripped.endswith("version") and len(stripped) > 8:
        return stripped[:-7]
    return stripped


def version_candidates(key: str) -> tuple[str, ...]:
    """Keys to try for a word with a glued version: "yolov8" -> ("yolov", "yolo")."""
    stripped = strip_version(key)
    if stripped is None:
        return ()
    if stripped.endswith("v") and len(stripped) > 3:
        return (stripped, stripped[:-1])
    return (stripped,)
