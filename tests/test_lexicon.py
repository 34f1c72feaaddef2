"""The skills lexicon: shipped data, validation errors naming file and line, user overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from cvscan.errors import LexiconError
from cvscan.lexicon import load_lexicon
from cvscan.nlp.normalize import strip_version, term_key, version_candidates


def _write(tmp_path: Path, text: str, name: str = "mine.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_lexicon_is_large_and_covers_every_area() -> None:
    lexicon = load_lexicon()
    technical = lexicon.technical
    assert len(technical) >= 1000
    categories = {s.category for s in technical}
    assert {"language", "cloud", "mlops", "nlp", "cv", "security", "product", "statistics"} <= categories
    assert any(s.is_soft for s in lexicon.skills.values())


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("sklearn", "scikit-learn"),
        ("scikit learn", "scikit-learn"),
        ("sci-kit learn", "scikit-learn"),
        ("k8s", "Kubernetes"),
        ("nodejs", "Node.js"),
        ("cpp", "C++"),
        ("CI-CD", "CI/CD"),
        ("optimization", "optimisation"),
    ],
)
def test_aliases_and_spellings_resolve_to_one_skill(alias: str, canonical: str) -> None:
    lexicon = load_lexicon()
    assert lexicon.resolve(alias) is not None
    assert lexicon.resolve(alias) == lexicon.resolve(canonical)


def test_keys_fold_spacing_case_and_spelling() -> None:
    assert term_key("Sci-kit Learn") == term_key("scikitlearn")
    assert term_key("tokenisation") == term_key("Tokenization")
    assert term_key("modelling") == term_key("modeling")
    assert term_key("C++") != term_key("C")
    assert "yolo" in version_candidates("yolov8")
    assert strip_version("python311") == "python"
    assert strip_version("k3s") is None


def test_error_names_file_and_line_for_unknown_category(tmp_path: Path) -> None:
    path = _write(tmp_path, "- id: foo\n  name: Foo\n  category: language\n- id: bar\n  name: Bar\n  category: wizardry\n")
    with pytest.raises(LexiconError) as info:
        load_lexicon([path])
    assert info.value.path == str(path)
    assert info.value.line == 4
    assert "wizardry" in str(info.value)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("- id: Foo Bar\n  name: Foo\n  category: tool\n", 1, "id"),
        ("- id: foo\n  category: tool\n", 1, "name"),
        ("- id: foo\n  name: Foo\n  category: tool\n  colour: red\n", 1, "unknown key"),
        ("- id: foo\n  name: Foo\n  category: tool\n- id: foo\n  name: Foo2\n  category: tool\n", 4, "duplicate id"),
        ("- id: foo\n  name: Foo\n  category: tool\n  aliases: [bar, [baz]]\n", 1, "aliases"),
        ("- id: foo\n  name: Foo\n  category: tool\n  aliases: [\n", 5, "invalid YAML"),
    ],
)
def test_malformed_entries_raise_with_location(tmp_path: Path, text: str, line: int, words: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(LexiconError, match=words) as info:
        load_lexicon([path])
    assert info.value.line == line
    assert str(path) in str(info.value)


def test_alias_claimed_by_two_skills_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "- id: my-tool\n  name: My Tool\n  category: tool\n  aliases: [sklearn]\n")
    with pytest.raises(LexiconError, match="already used"):
        load_lexicon([path])


def test_user_file_adds_and_overrides_entries(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "- id: acme-flow\n  name: AcmeFlow\n  category: mlops\n  aliases: [acme flow]\n"
        "- id: python\n  name: Python\n  category: language\n  aliases: [py3k-special]\n",
    )
    lexicon = load_lexicon([path])
    assert lexicon.resolve("acme flow") == "acme-flow"
    assert lexicon.resolve("py3k-special") == "python"
    assert len(lexicon) == len(load_lexicon()) + 1
    assert "acme-flow" not in load_lexicon()  # the shipped lexicon is untouched
