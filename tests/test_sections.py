"""Headings map to canonical sections; blocks inherit the section they fall under."""

from __future__ import annotations

import pytest

from cvscan.document import Block, BlockKind, Section
from cvscan.parse.contact import extract_contact
from cvscan.parse.sections import assign_sections, section_for_heading


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("Work History", Section.EXPERIENCE),
        ("PROFESSIONAL EXPERIENCE", Section.EXPERIENCE),
        ("Employment", Section.EXPERIENCE),
        ("Technical Skills", Section.SKILLS),
        ("Toolbox", Section.SKILLS),
        ("Core Competencies", Section.SKILLS),
        ("Skills & Expertise", Section.SKILLS),
        ("Education & Training", Section.EDUCATION),
        ("Selected Projects", Section.PROJECTS),
        ("Licenses & Certifications", Section.CERTIFICATIONS),
        ("Selected Publications", Section.PUBLICATIONS),
        ("Honours and Awards", Section.AWARDS),
        ("Hobbies & Interests", Section.INTERESTS),
        ("References", Section.REFERENCES),
        ("Professional Summary", Section.SUMMARY),
        ("About", Section.SUMMARY),
        ("Contact", Section.CONTACT),
        ("Research Experience", Section.EXPERIENCE),
    ],
)
def test_heading_names_map_to_sections(heading: str, section: Section) -> None:
    assert section_for_heading(heading) is section


@pytest.mark.parametrize("heading", ["NLP Engineer — Quillpoint Legal Tech", "Senior Data Scientist, Acme 2019 – 2021"])
def test_job_titles_are_not_sections(heading: str) -> None:
    assert section_for_heading(heading) is None


def _blocks() -> list[Block]:
    return [
        Block("Ada Lovelace", BlockKind.HEADING, font_size=20),
        Block("ada@example.com | +44 7700 900123 | London, UK | github.com/ada"),
        Block("Experience", BlockKind.HEADING),
        Block("ML Engineer — Analytical Engines Ltd", BlockKind.HEADING),
        Block("Built a PyTorch model serving 2M users.", BlockKind.LIST_ITEM),
        Block("Skills", BlockKind.PARAGRAPH),  # an unstyled heading line is promoted
        Block("Languages", BlockKind.HEADING),  # a sub-heading inside skills
        Block("Python, SQL"),
        Block("References"),
        Block("Available on request."),
    ]


def test_blocks_inherit_sections_and_subheadings_keep_them() -> None:
    blocks = assign_sections(_blocks())
    sections = [b.section for b in blocks]
    assert sections[:2] == [Section.CONTACT, Section.CONTACT]
    assert sections[2:5] == [Section.EXPERIENCE] * 3
    assert sections[5:8] == [Section.SKILLS] * 3
    assert blocks[5].kind is BlockKind.HEADING
    assert sections[8:] == [Section.REFERENCES] * 2


def test_contact_details_and_where_they_were_found() -> None:
    blocks = assign_sections(_blocks())
    contact = extract_contact(blocks)
    assert contact.name is not None and contact.name.value == "Ada Lovelace"
    assert contact.email is not None and contact.email.value == "ada@example.com"
    assert contact.email.found_in == "body"
    assert contact.phone is not None and contact.phone.value == "+44 7700 900123"
    assert contact.location is not None and contact.location.value == "London, UK"
    assert [link.value for link in contact.links] == ["github.com/ada"]


def test_contact_only_in_page_header_is_reported_as_such() -> None:
    blocks = assign_sections([
        Block("jo@example.org · 020 7946 0958", BlockKind.HEADER),
        Block("Jo Bloggs", BlockKind.HEADING),
        Block("Experience", BlockKind.HEADING),
        Block("Did things for 3 years.", BlockKind.LIST_ITEM),
    ])
    contact = extract_contact(blocks)
    assert contact.email is not None and contact.email.found_in == "header"
    assert contact.phone is not None and contact.phone.found_in == "header"


def _manifest() -> list[dict[str, object]]:
    import yaml

    data = yaml.safe_load((SAMPLES / "manifest.yaml").read_text(encoding="utf-8"))
    entries = data["files"] if isinstance(data, dict) else data
    return [e for e in entries if not e.get("expect_error")]


SAMPLES = __import__("pathlib").Path(__file__).resolve().parents[1] / "sample_cvs"


@pytest.mark.parametrize("entry", _manifest(), ids=lambda e: str(e["file"]))
def test_sample_cvs_have_their_sections(entry: dict[str, object]) -> None:
    from cvscan import load_document

    document = load_document(SAMPLES / str(entry["file"]))
    found = {b.section.value for b in document.blocks if not b.hidden}
    expected = set(entry.get("expect_sections") or [])  # type: ignore[arg-type]
    assert expected <= found, f"missing {sorted(expected - found)}"
    assert document.contact.email is not None
