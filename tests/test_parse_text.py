"""Plain-text and Markdown CV parsing: encodings, block splitting, refusal of binary data."""

from __future__ import annotations

import random

import pytest

from cvscan import load_document
from cvscan.document import Block, BlockKind, Document, ParseLimits
from cvscan.errors import EmptyDocumentError, UnsupportedFormatError
from cvscan.parse.text import decode_text, parse_text

CV = """Jane Doe
jane.doe@example.com | +44 7700 900123 | github.com/janedoe

PROFILE
Machine learning engineer with six years of experience building recommender
systems and NLP services in Python. I like owning models from notebook to
production.

Experience
==========
Senior ML Engineer — Acme Retail
2021 – Present | London, UK
- Built a two-tower retrieval model in PyTorch that lifted click-through
  rate by 12% across 3 markets.
* Cut inference cost by 40% by moving to ONNX Runtime on CPU.
• Mentored 4 junior engineers.
1. Led the migration to Kubernetes.
2) Wrote the on-call runbook.

Education
---------
MSc Computer Science, UCL

Skills:
Python, SQL, Spark, Docker
"""


def _kinds(doc: Document | list[Block]) -> list[tuple[str, BlockKind]]:
    blocks = doc.blocks if isinstance(doc, Document) else doc
    return [(b.text, b.kind) for b in blocks]


def _parse(text: str) -> list[Block]:
    """Blocks straight from the parser (section detection may re-label kinds later)."""
    return parse_text(text.encode("utf-8"), ParseLimits()).blocks


def test_realistic_cv_is_split_into_headings_bullets_and_paragraphs() -> None:
    assert _kinds(_parse(CV)) == [
        ("Jane Doe", BlockKind.PARAGRAPH),
        ("jane.doe@example.com | +44 7700 900123 | github.com/janedoe", BlockKind.PARAGRAPH),
        ("PROFILE", BlockKind.HEADING),
        ("Machine learning engineer with six years of experience building recommender systems and NLP "
         "services in Python. I like owning models from notebook to production.", BlockKind.PARAGRAPH),
        ("Experience", BlockKind.HEADING),
        ("Senior ML Engineer — Acme Retail", BlockKind.PARAGRAPH),
        ("2021 – Present | London, UK", BlockKind.PARAGRAPH),
        ("Built a two-tower retrieval model in PyTorch that lifted click-through rate by 12% across 3 markets.",
         BlockKind.LIST_ITEM),
        ("Cut inference cost by 40% by moving to ONNX Runtime on CPU.", BlockKind.LIST_ITEM),
        ("Mentored 4 junior engineers.", BlockKind.LIST_ITEM),
        ("Led the migration to Kubernetes.", BlockKind.LIST_ITEM),
        ("Wrote the on-call runbook.", BlockKind.LIST_ITEM),
        ("Education", BlockKind.HEADING),
        ("MSc Computer Science, UCL", BlockKind.PARAGRAPH),
        ("Skills:", BlockKind.HEADING),
        ("Python, SQL, Spark, Docker", BlockKind.PARAGRAPH),
    ]


def test_load_document_metadata_and_text() -> None:
    doc = load_document(CV.encode("utf-8"))
    assert doc.metadata.format == "txt"
    assert doc.metadata.pages == 1
    assert doc.metadata.encoding == "utf-8"
    assert all(b.page == 1 and not b.hidden for b in doc.blocks)
    assert "lifted click-through rate by 12%" in doc.text


def test_markdown_headings_emphasis_and_links() -> None:
    md = (
        "# Jane Doe\n\n"
        "## Skills\n"
        "- **Languages**: Python, __Go__\n"
        "- `PyTorch` and [Hugging Face](https://huggingface.co)\n\n"
        "**Projects**\n\n"
        "| Tool | Years |\n|---|---|\n| Spark | 3 |\n\n"
        "---\n\n"
        "### Interests ###\n"
    )
    blocks = _parse(md)
    assert _kinds(blocks) == [
        ("Jane Doe", BlockKind.HEADING),
        ("Skills", BlockKind.HEADING),
        ("Languages: Python, Go", BlockKind.LIST_ITEM),
        ("PyTorch and Hugging Face (https://huggingface.co)", BlockKind.LIST_ITEM),
        ("Projects", BlockKind.HEADING),
        ("Tool", BlockKind.TABLE_CELL),
        ("Years", BlockKind.TABLE_CELL),
        ("Spark", BlockKind.TABLE_CELL),
        ("3", BlockKind.TABLE_CELL),
        ("Interests", BlockKind.HEADING),
    ]
    assert blocks[4].bold


def test_bullet_continuation_without_indent_joins_lowercase_lines() -> None:
    text = "- Designed the feature store used by\nthree product teams\n- Second bullet\n"
    assert _kinds(_parse(text)) == [
        ("Designed the feature store used by three product teams", BlockKind.LIST_ITEM),
        ("Second bullet", BlockKind.LIST_ITEM),
    ]


def test_short_lines_stay_separate_blocks() -> None:
    text = "Jane Doe\nData Scientist\nLondon\n"
    assert [b.text for b in _parse(text)] == ["Jane Doe", "Data Scientist", "London"]


def test_separator_line_after_a_sentence_is_not_a_heading() -> None:
    text = "I build things that work.\n---\nNext part\n"
    assert _kinds(_parse(text)) == [
        ("I build things that work.", BlockKind.PARAGRAPH),
        ("Next part", BlockKind.PARAGRAPH),
    ]


# -- encodings ----------------------------------------------------------------------------


SAMPLE = "Zoë Brontë — £45k saving, café data\nSKILLS\n- Python\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (b"\xff\xfe" + SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),  # no BOM: found by its NUL bytes
        (SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (SAMPLE.encode("cp1252"), "cp1252"),
    ],
)
def test_encodings(data: bytes, encoding: str) -> None:
    doc = load_document(data)
    assert doc.metadata.encoding == encoding
    assert doc.blocks[0].text == "Zoë Brontë — £45k saving, café data"
    assert [b.text for b in doc.blocks[1:]] == ["SKILLS", "Python"]


def test_cp1252_pound_and_accent() -> None:
    text, encoding = decode_text("Salary £50,000 — résumé".encode("cp1252"))
    assert (text, encoding) == ("Salary £50,000 — résumé", "cp1252")


def test_windows_and_old_mac_newlines() -> None:
    data = b"SKILLS\r\n- Python\r\n- SQL\r\rEDUCATION\rBSc Physics\r"
    assert [b.text for b in load_document(data).blocks] == ["SKILLS", "Python", "SQL", "EDUCATION", "BSc Physics"]


# -- refusals -----------------------------------------------------------------------------


def test_binary_garbage_is_unsupported() -> None:
    rng = random.Random(1)
    with pytest.raises(UnsupportedFormatError, match="binary data"):
        load_document(bytes(rng.randrange(256) for _ in range(2048)))


def test_text_with_nul_bytes_is_binary() -> None:
    with pytest.raises(UnsupportedFormatError, match="binary data"):
        parse_text(b"ELF\x00\x00\x00\x01\x02some text" * 20, ParseLimits())


def test_undecodable_bytes_are_unsupported() -> None:
    with pytest.raises(UnsupportedFormatError):
        parse_text(b"caf\x81\x8d\x8f\x90\x9d " * 10, ParseLimits())


@pytest.mark.parametrize("data", [b"   \n\n\t  \r\n", "\ufeff\n".encode("utf-8"), b"-----\n=====\n"])
def test_whitespace_only_is_empty(data: bytes) -> None:
    with pytest.raises(EmptyDocumentError):
        load_document(data)


def test_max_chars_truncates_with_a_warning() -> None:
    text = "\n\n".join(f"Paragraph {i} with a few words." for i in range(100))
    result = parse_text(text.encode(), ParseLimits(max_chars=100))
    assert sum(len(b.text) for b in result.blocks) <= 100
    assert [w.code for w in result.warnings] == ["truncated"]


def test_a_stray_nul_byte_is_dropped_not_fatal() -> None:
    data = ("Jane Doe\n\n" + "Experienced data scientist working with Python and SQL.\n" * 10).encode() + b"\x00"
    doc = load_document(data)
    assert doc.blocks[0].text == "Jane Doe"
    assert "\x00" not in doc.text
