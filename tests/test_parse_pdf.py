"""PDF parsing on real PDFs built with reportlab (no mocks of pdfminer)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

pytest.importorskip("reportlab")

import pdf_builders as pb  # noqa: E402

from cvscan.document import BlockKind, Document, HiddenReason, ParseLimits  # noqa: E402
from cvscan.errors import (  # noqa: E402
    CorruptDocumentError,
    DocumentTooLargeError,
    EncryptedDocumentError,
    NoTextLayerError,
)
from cvscan.parse import load_document  # noqa: E402
from cvscan.parse.pdf import _dehyphenate, _join, parse_pdf  # noqa: E402


def texts(doc: Document, *, hidden: bool = False) -> list[str]:
    return [b.text for b in doc.blocks if b.hidden == hidden]


def index_of(items: list[str], needle: str) -> int:
    for i, text in enumerate(items):
        if needle in text:
            return i
    raise AssertionError(f"{needle!r} not found in {items!r}")


def block_with(doc: Document, needle: str):  # type: ignore[no-untyped-def]
    matches = [b for b in doc.blocks if needle in b.text]
    assert len(matches) == 1, f"{needle!r} in {len(matches)} blocks: {[b.text for b in doc.blocks]}"
    return matches[0]


@pytest.fixture(scope="module")
def one_column(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return load_document(pb.one_column_pdf(tmp_path_factory.mktemp("pdf") / "one.pdf"))


@pytest.fixture(scope="module")
def two_column(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return load_document(pb.two_column_pdf(tmp_path_factory.mktemp("pdf") / "two.pdf"))


@pytest.fixture(scope="module")
def hidden_doc(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return load_document(pb.hidden_text_pdf(tmp_path_factory.mktemp("pdf") / "hidden.pdf"))


# --------------------------------------------------------------------------- reading order

def test_one_column_reads_top_to_bottom(one_column: Document) -> None:
    order = texts(one_column)
    expected = ["Alex Morgan", "alex.morgan@example.com", "SUMMARY", "Machine learning engineer",
                "EXPERIENCE", "Senior ML Engineer", "2020 - 2024", "Built a real-time", "Migrated 40",
                "Led a team", "EDUCATION", "MSc Computer Science"]
    positions = [index_of(order, e) for e in expected]
    assert positions == sorted(positions)
    assert all(b.column == 0 for b in one_column.blocks)
    assert one_column.metadata.format == "pdf"
    assert one_column.metadata.pages == 1
    assert one_column.metadata.producer and "ReportLab" in one_column.metadata.producer
    assert one_column.metadata.creator == "cvscan tests"


def test_block_geometry_and_style(one_column: Document) -> None:
    name = block_with(one_column, "Alex Morgan")
    assert name.kind is BlockKind.HEADING and name.bold and name.font_size == 22.0
    assert name.page == 1 and name.color == (0.0, 0.0, 0.0)
    x0, top, x1, bottom = name.bbox
    assert x0 == pytest.approx(60, abs=1) and 35 < top < 60 < bottom < 70 and x1 > x0
    body = block_with(one_column, "Machine learning engineer")
    assert body.kind is BlockKind.PARAGRAPH and not body.bold and body.font_size == 10.0
    assert body.bbox[1] > name.bbox[3]


def test_two_column_reads_column_by_column(two_column: Document) -> None:
    order = texts(two_column)
    sidebar = ["CONTACT", "sam.lee@example.com", "SKILLS", "Python, SQL, Scala", "PyTorch, TensorFlow",
               "EDUCATION", "Stanford University", "2014 - 2016"]
    main = ["Sam Lee", "Profile", "Machine learning engineer", "Experience",
            "Built a real-time", "Migrated 40", "Led a team", "Projects", "Open-source churn toolkit"]
    side_pos = [index_of(order, s) for s in sidebar]
    main_pos = [index_of(order, m) for m in main]
    assert side_pos == sorted(side_pos)
    assert main_pos == sorted(main_pos)
    assert max(side_pos) < min(main_pos), "sidebar and main column are interleaved"
    for needle in sidebar:
        assert block_with(two_column, needle).column == 0
    for needle in main:
        assert block_with(two_column, needle).column == 1
    # Drawn dot bullets in the main column: one list item per bullet, wrapped lines joined.
    item = block_with(two_column, "Built a real-time")
    assert item.kind is BlockKind.LIST_ITEM
    assert item.text.endswith("across 4 million monthly transactions.")


def test_banner_above_two_columns(tmp_path: Path) -> None:
    doc = load_document(pb.banner_two_column_pdf(tmp_path / "banner.pdf"))
    order = texts(doc)
    assert order[0].startswith("Jamie Fox") and order[1].startswith("Ten years")
    sidebar_end = index_of(order, "2014 - 2016")
    assert index_of(order, "CONTACT") < sidebar_end < index_of(order, "Experience")
    assert [b.text for b in doc.blocks if b.kind is BlockKind.LIST_ITEM] == pb.JOB_BULLETS
    assert {b.column for b in doc.blocks if b.kind is BlockKind.LIST_ITEM} == {1}


def test_dates_beside_titles_read_row_by_row(tmp_path: Path) -> None:
    doc = load_document(pb.date_column_pdf(tmp_path / "dates.pdf"))
    order = texts(doc)
    assert "2020 - 2024 Lead Data Scientist, Orbit Bank" in order
    assert "2016 - 2020 Data Scientist, Nimbus Retail" in order
    assert index_of(order, "Orbit Bank") < index_of(order, "Built a real-time") < index_of(order, "Nimbus")


def test_skills_table_rows_stay_together(tmp_path: Path) -> None:
    doc = load_document(pb.skills_table_pdf(tmp_path / "table.pdf"))
    order = texts(doc)
    for row in ("Languages Python, SQL, Rust", "Frameworks PyTorch, JAX, scikit-learn", "Cloud AWS, GCP"):
        assert row in order
    assert index_of(order, "SKILLS") < index_of(order, "Languages") < index_of(order, "EXPERIENCE")


def test_white_text_on_dark_sidebar_is_visible(tmp_path: Path) -> None:
    doc = load_document(pb.two_column_pdf(tmp_path / "dark.pdf", dark_sidebar=True))
    contact = block_with(doc, "sam.lee@example.com")
    assert not contact.hidden
    assert contact.color == (1.0, 1.0, 1.0)
    assert "sam.lee@example.com" in doc.text
    assert not doc.hidden_blocks


# --------------------------------------------------------------------------- blocks

@pytest.mark.parametrize("glyphs", [("\u2022", "\u25aa", "\u2013", "-", "*")])
def test_glyph_bullets_are_single_list_items(tmp_path: Path, glyphs: tuple[str, ...]) -> None:
    doc = load_document(pb.glyph_bullets_pdf(tmp_path / "bullets.pdf", glyphs))
    items = [b for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    assert len(items) == len(glyphs)
    for item, source in zip(items, pb.JOB_BULLETS * 2):
        assert item.text == source  # glyph stripped, wrapped lines joined with spaces
    assert block_with(doc, "Experience").kind is BlockKind.HEADING


@pytest.mark.parametrize("hanging", [False, True])
def test_glyphless_bullets_are_single_list_items(tmp_path: Path, hanging: bool) -> None:
    doc = load_document(pb.glyphless_bullets_pdf(tmp_path / "plain.pdf", hanging=hanging))
    items = [b for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    assert [b.text for b in items] == pb.JOB_BULLETS


def test_headings_bold_and_upper_case(one_column: Document) -> None:
    for heading in ("SUMMARY", "EXPERIENCE", "EDUCATION", "Senior ML Engineer, Acme Payments"):
        assert block_with(one_column, heading).kind is BlockKind.HEADING
    assert block_with(one_column, "MSc Computer Science").kind is BlockKind.PARAGRAPH


def test_upper_case_heading_in_regular_weight(tmp_path: Path) -> None:
    def page(c):  # type: ignore[no-untyped-def]
        c.setFont("Helvetica", 10)
        c.drawString(60, 780, "TECHNICAL SKILLS")
        c.drawString(60, 766, "Python, SQL and Spark for batch pipelines on Databricks.")

    doc = load_document(pb.build(tmp_path / "upper.pdf", [page]))
    assert block_with(doc, "TECHNICAL SKILLS").kind is BlockKind.HEADING
    assert block_with(doc, "Python, SQL").kind is BlockKind.PARAGRAPH


# --------------------------------------------------------------------------- hidden text

@pytest.mark.parametrize(("needle", "reason"), [
    ("WhiteKeyword", HiddenReason.WHITE_TEXT),
    ("InvisibleKeyword", HiddenReason.INVISIBLE_RENDER),
    ("TinyKeyword", HiddenReason.TINY_FONT),
    ("OffPageKeyword", HiddenReason.OFF_PAGE),
])
def test_hidden_text_is_flagged_in_its_own_block(hidden_doc: Document, needle: str, reason: HiddenReason) -> None:
    block = block_with(hidden_doc, needle)
    assert block.hidden and block.hidden_reason is reason
    assert needle not in hidden_doc.text


def test_hidden_text_does_not_leak_into_visible_blocks(hidden_doc: Document) -> None:
    visible = texts(hidden_doc)
    for needle in ("Kubernetes TensorFlow", "PyTorch Spark", "Airflow Docker", "LangChain"):
        assert not any(needle in t for t in visible)
    assert block_with(hidden_doc, "Built forecasting models").text.endswith("80 stores.")
    banner = block_with(hidden_doc, "Banner on navy")  # white on a dark box: visible
    assert not banner.hidden
    assert "Education" in visible and "BSc Mathematics, University of Bristol" in visible
    assert len(hidden_doc.hidden_blocks) == 4


def test_hidden_block_sits_in_reading_order(hidden_doc: Document) -> None:
    order = [b.text for b in hidden_doc.blocks]
    assert index_of(order, "Built forecasting") < index_of(order, "WhiteKeyword") < index_of(order, "Banner on navy")


# --------------------------------------------------------------------------- headers / footers

def test_repeated_header_and_page_footer(tmp_path: Path) -> None:
    doc = load_document(pb.header_footer_pdf(tmp_path / "hf.pdf", pages=3))
    assert doc.pages == 3
    headers = [b for b in doc.blocks if b.kind is BlockKind.HEADER]
    footers = [b for b in doc.blocks if b.kind is BlockKind.FOOTER]
    assert [b.page for b in headers] == [1, 2, 3]
    assert all(b.text == "Riley Chen - Curriculum Vitae" for b in headers)
    assert [b.text for b in footers] == ["Page 1 of 3", "Page 2 of 3", "Page 3 of 3"]
    title = [b for b in doc.blocks if b.text == "Riley Chen"]
    assert len(title) == 1 and title[0].kind is BlockKind.HEADING
    for page in (1, 2, 3):
        page_blocks = [b for b in doc.blocks if b.page == page]
        assert page_blocks[0].kind is BlockKind.HEADER and page_blocks[-1].kind is BlockKind.FOOTER


def test_name_at_top_of_one_page_cv_is_not_a_header(one_column: Document) -> None:
    assert not any(b.kind in (BlockKind.HEADER, BlockKind.FOOTER) for b in one_column.blocks)


def test_single_page_small_footer(tmp_path: Path) -> None:
    def page(c):  # type: ignore[no-untyped-def]
        c.setFont("Helvetica-Bold", 18)
        c.drawString(60, 780, "Pat Quinn")
        c.setFont("Helvetica", 10)
        c.drawString(60, 760, "Data analyst with SQL and Tableau experience.")
        c.setFont("Helvetica", 7)
        c.drawString(60, 20, "References available on request")

    doc = load_document(pb.build(tmp_path / "footer.pdf", [page]))
    assert block_with(doc, "References available").kind is BlockKind.FOOTER
    assert block_with(doc, "Pat Quinn").kind is BlockKind.HEADING


# --------------------------------------------------------------------------- text normalisation

def test_ligatures_unicode_and_hyphenation(tmp_path: Path) -> None:
    doc = load_document(pb.unicode_pdf(tmp_path / "uni.pdf"))
    first = block_with(doc, "finance")
    assert "the finance workflow" in first.text
    assert "\ufb01" not in doc.text and "\ufb02" not in doc.text
    assert "£40k" in first.text and "2019\u20132023" in first.text
    assert "café" in first.text and "São Paulo" in first.text and "Zürich" in first.text
    second = block_with(doc, "optimisation")
    assert second.text == ("Led the optimisation of an end-to-end pipeline built on scikit-learn "
                           "with real-time monitoring.")


@pytest.mark.parametrize(("left", "right", "joined"), [
    ("the optimis-", "ation of", "the optimisation of"),
    ("data classifi-", "cation work", "data classification work"),
    ("man-", "agement", "management"),
    ("an end-to-", "end pipeline", "an end-to-end pipeline"),
    ("scikit-", "learn models", "scikit-learn models"),
    ("real-", "time scoring", "real-time scoring"),
    ("cloud-", "based tools", "cloud-based tools"),
    ("billing-", "dispute features", "billing-dispute features"),
    ("COVID-", "19 dashboards", "COVID-19 dashboards"),
    ("Scots-", "English text", "Scots-English text"),
])
def test_hyphenation_heuristic(left: str, right: str, joined: str) -> None:
    assert _join([left, right], set()) == joined


def test_hyphenation_uses_document_vocabulary() -> None:
    assert _dehyphenate("data-", "set", {"dataset"})
    assert not _dehyphenate("pre-", "processing", {"pre-processing"})


# --------------------------------------------------------------------------- no text layer

def test_image_only_page_warns(tmp_path: Path) -> None:
    doc = load_document(pb.mixed_image_pdf(tmp_path / "mixed.pdf"))
    assert doc.pages == 2
    assert [(w.code, w.page) for w in doc.warnings] == [("no_text_layer", 2)]
    assert "Casey Jones" in doc.text


def test_all_image_pdf_raises(tmp_path: Path) -> None:
    with pytest.raises(NoTextLayerError, match="no text layer"):
        load_document(pb.image_only_pdf(tmp_path / "scan.pdf", pages=2))


def test_blank_pdf_raises(tmp_path: Path) -> None:
    with pytest.raises(NoTextLayerError):
        load_document(pb.build(tmp_path / "blank.pdf", [lambda c: None]))


# --------------------------------------------------------------------------- errors and limits

def test_user_password_pdf_is_encrypted_error(tmp_path: Path) -> None:
    path = pb.encrypted_pdf(tmp_path / "locked.pdf", "user")
    with pytest.raises(EncryptedDocumentError, match="password protected") as info:
        load_document(path)
    assert "remove the password" in str(info.value).lower()


def test_owner_password_only_pdf_reads(tmp_path: Path) -> None:
    doc = load_document(pb.encrypted_pdf(tmp_path / "owner.pdf", "", canPrint=0))
    assert "Morgan Avery" in doc.text


@pytest.mark.parametrize("fraction", [0.3, 0.6, 0.9])
def test_truncated_pdf_is_corrupt(tmp_path: Path, fraction: float) -> None:
    data = pb.one_column_pdf(tmp_path / "whole.pdf").read_bytes()
    with pytest.raises(CorruptDocumentError):
        load_document(data[: int(len(data) * fraction)])


def test_garbage_after_header_is_corrupt() -> None:
    with pytest.raises(CorruptDocumentError):
        load_document(b"%PDF-1.7\n" + bytes(range(256)) * 8)


def test_too_many_pages(tmp_path: Path) -> None:
    path = pb.pages_pdf(tmp_path / "pages.pdf", 3)
    with pytest.raises(DocumentTooLargeError, match="more than 2 pages"):
        load_document(path, limits=ParseLimits(max_pages=2))
    assert load_document(path, limits=ParseLimits(max_pages=3)).pages == 3


def test_char_limit_truncates_with_warning(tmp_path: Path) -> None:
    data = pb.header_footer_pdf(tmp_path / "long.pdf", pages=3).read_bytes()
    parsed = parse_pdf(data, ParseLimits(max_chars=500))
    assert any(w.code == "text_truncated" for w in parsed.warnings)
    assert sum(len(b.text) for b in parsed.blocks) < 1500


def test_page_tree_loop_does_not_hang(tmp_path: Path) -> None:
    data = pb.one_column_pdf(tmp_path / "loop.pdf").read_bytes()
    # Make the page tree's Kids point back at the Pages node itself, plus the real page.
    text = data.decode("latin-1")
    pages = re.search(r"(\d+) 0 obj\s*<<\s*/Count 1 /Kids \[ (\d+) 0 R \]", text)
    assert pages is not None
    looped = text.replace(pages.group(0), pages.group(0).replace(
        f"[ {pages.group(2)} 0 R ]", f"[ {pages.group(1)} 0 R {pages.group(2)} 0 R ]"))
    assert looped != text
    doc = load_document(looped.encode("latin-1"))
    assert doc.pages == 1 and "Alex Morgan" in doc.text


def test_parse_pdf_direct_returns_parsed_document(tmp_path: Path) -> None:
    parsed = parse_pdf(pb.one_column_pdf(tmp_path / "p.pdf").read_bytes(), ParseLimits())
    assert parsed.metadata.pages == 1
    assert parsed.blocks[0].text == "Alex Morgan"


# --------------------------------------------------------------------------- hostile input

TEXT_PAGE = b"BT /F1 11 Tf 60 760 Td (Robin Hale, Python and SQL developer.) Tj ET"


def test_raw_pdf_helper_reads() -> None:
    doc = load_document(pb.raw_pdf([TEXT_PAGE]))
    assert doc.text == "Robin Hale, Python and SQL developer."


def test_form_xobject_bomb_is_bounded() -> None:
    # X9 invokes X8 ten times, ... X0 draws one word: 10**9 draws if nothing stops it.
    forms = {"X0": b"BT /F1 9 Tf 60 500 Td (lol) Tj ET"}
    for level in range(1, 10):
        forms[f"X{level}"] = b" ".join([b"/X%d Do" % (level - 1)] * 10)
    start = time.perf_counter()
    doc = load_document(pb.raw_pdf([TEXT_PAGE, b"/X9 Do"], forms))
    assert time.perf_counter() - start < 20
    assert "Robin Hale" in doc.text
    assert any(w.code == "page_truncated" and w.page == 2 for w in doc.warnings)


def test_operator_flood_is_bounded() -> None:
    start = time.perf_counter()
    doc = load_document(pb.raw_pdf([TEXT_PAGE, b"q Q\n" * 3_000_000]))
    assert time.perf_counter() - start < 20
    assert "Robin Hale" in doc.text
    assert any(w.code == "page_truncated" and w.page == 2 for w in doc.warnings)


def test_rotated_page_reads(tmp_path: Path) -> None:
    def page(c):  # type: ignore[no-untyped-def]
        c.setPageRotation(90)
        c.setFont("Helvetica", 11)
        c.drawString(60, 400, "Rotated page: Kubernetes and Terraform.")

    doc = load_document(pb.build(tmp_path / "rot.pdf", [page]))
    assert "Rotated page: Kubernetes and Terraform." in doc.text


def test_unmapped_font_is_no_text_layer() -> None:
    # A CID font with no ToUnicode map and no embedded font: glyph ids only.
    font = (b"<< /Type /Font /Subtype /Type0 /BaseFont /Mystery /Encoding /Identity-H "
            b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Mystery "
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
            b"/FontDescriptor << /Type /FontDescriptor /FontName /Mystery /Flags 4 "
            b"/FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 "
            b"/StemV 80 >> /DW 500 >>] >>")
    data = pb.raw_pdf([b"BT /F1 12 Tf 60 760 Td <0011002200330044> Tj ET"], font=font)
    with pytest.raises(NoTextLayerError, match="Unicode"):
        load_document(data)


def test_ocr_text_layer_over_scan_is_visible(tmp_path: Path) -> None:
    from reportlab.lib.utils import ImageReader

    def page(c):  # type: ignore[no-untyped-def]
        c.drawImage(ImageReader(pb._png()), 0, 0, pb.PAGE_W, pb.PAGE_H)
        t = c.beginText(60, 760)
        t.setFont("Helvetica", 11)
        t.setTextRenderMode(3)
        t.textLine("Scanned CV of Lee Park, Python developer.")
        c.drawText(t)

    doc = load_document(pb.build(tmp_path / "ocr.pdf", [page]))
    assert doc.text == "Scanned CV of Lee Park, Python developer."
    assert not doc.hidden_blocks and not doc.warnings


def test_colours_from_gray_and_cmyk(tmp_path: Path) -> None:
    def page(c):  # type: ignore[no-untyped-def]
        c.setFont("Helvetica", 11)
        c.setFillGray(0.5)
        c.drawString(60, 780, "Gray line of text about Python.")
        c.setFillColorCMYK(1, 0, 0, 0)
        c.drawString(60, 740, "Cyan line of text about SQL.")
        c.setFillColorCMYK(0, 0, 0, 0)
        c.drawString(60, 700, "Hidden CMYK white line about Spark.")

    doc = load_document(pb.build(tmp_path / "colours.pdf", [page]))
    assert block_with(doc, "Gray line").color == (0.5, 0.5, 0.5)
    assert block_with(doc, "Cyan line").color == (0.0, 1.0, 1.0)
    white = block_with(doc, "Hidden CMYK")
    assert white.hidden and white.hidden_reason is HiddenReason.WHITE_TEXT


def test_metadata_unicode_creator(tmp_path: Path) -> None:
    def page(c):  # type: ignore[no-untyped-def]
        c.setCreator("Zo\u00eb's CV Studio \u2013 2024")
        c.setFont("Helvetica", 11)
        c.drawString(60, 780, "Zoe Quinn, data engineer.")

    doc = load_document(pb.build(tmp_path / "meta.pdf", [page]))
    assert doc.metadata.creator == "Zo\u00eb's CV Studio \u2013 2024"


def test_clean_drops_cid_debris_and_expands_ligatures() -> None:
    from cvscan.parse.pdf import _clean

    assert _clean("(cid:12)Built the \ufb01rst e\ufb03cient \ufb02ow\u00a0 (cid:3)") == "Built the first efficient flow"
    assert _clean("caf\u0065\u0301 \u2013 \u00a340k") == "caf\u00e9 \u2013 \u00a340k"


def test_invisible_layer_over_outlined_glyphs_is_visible() -> None:
    # Glyphs drawn as filled paths (here: small boxes), with an invisible text layer on top.
    outlines = b"".join(b"%d 760 5 7 re f\n" % (60 + 6 * i) for i in range(60))
    layer = b"BT 3 Tr /F1 11 Tf 60 760 Td (Drew Lane, Kubernetes engineer.) Tj ET"
    doc = load_document(pb.raw_pdf([outlines + layer]))
    assert doc.text == "Drew Lane, Kubernetes engineer."
    assert not doc.hidden_blocks
