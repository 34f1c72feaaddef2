"""Locate the data files that ship with cvscan (the top-level ``lexicons/`` folder).

In an installed wheel the folder lives at ``cvscan/lexicons`` inside the package and is
read with :mod:`importlib.resources`; in an editable checkout it is the repository's own
``lexicons/`` folder.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

__all__ = ["lexicon_dir", "lexicon_path"]


@lru_cache(maxsize=1)
def lexicon_dir() -> Path:
    """The directory holding the shipped lexicons."""
    packaged = resources.files("cvscan").joinpath("lexicons")
    if packaged.is_dir():
        return Path(str(packaged))
    source_tree = Path(__file__).resolve().parents[2] / "lexicons"
    if source_tree.is_dir():
        return source_tree
    raise FileNotFoundError("cvscan's lexicons are missing: the installation is incomplete")


def lexicon_path(*parts: str) -> Path:
    """Path of a shipped lexicon file, e.g. ``lexicon_path("verbs.yaml")``."""
    return lexicon_dir().joinpath(*parts)
