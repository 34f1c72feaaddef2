"""DOCX parsing: real files built with python-docx at test time, read through load_document."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path
from typing import Callable

import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt, RGBColor
from docx_builders import (
    add_hyperlink,
    add_text_box,
    build_zip,
    convert_with_soffice,
    new_document,
    rewrite_part,
    save,
    set_shading,
    tiny_png,
    xml_element,
    zip_bomb,
)

from cvscan import load_document
from cvscan.document import Block, BlockKind, Document, HiddenReason, ParseLimits
from cvscan.errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    NoTextLayerError,
    UnsupportedFormatError,
)
from cvscan.parse.docx import parse_docx


def _texts(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks]


def _block(doc: Document, text: str) -> Block:
    matches = [b for b in doc.blocks if b.text == text]
    assert len(matches) == 1, f"{text!r} found {len(matches)} times in {_texts(doc)}"
    return matches[0]


def _parse(path: Path) -> list[Block]:
    """Blocks straight from the parser (section detection may re-label kinds later)."""
    return parse_docx(path.read_bytes(), ParseLimits()).blocks


# -- order, tables, headers ---------------------------------------------------------------


def test_paragraphs_and_tables_in_document_order(tmp_path: Path) -> None:
    d = new_document()
    d.add_paragraph("Jane Doe")
    d.add_paragraph("Before the table.")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Languages"
    table.cell(0, 1).text = "Python, SQL"
    table.cell(1, 0).text = "Cloud"
    table.cell(1, 1).text = "AWS, GCP"
    d.add_paragraph("After the table.")
    doc = load_document(save(d, tmp_path / "order.docx"))
    assert _texts(doc) == ["Jane Doe", "Before the table.", "Languages", "Python, SQL", "Cloud", "AWS, GCP",
                           "After the table."]
    assert _block(doc, "Python, SQL").kind is BlockKind.TABLE_CELL
    assert doc.metadata.format == "docx"
    assert doc.metadata.pages == 1
    assert all(b.page == 1 and b.bbox is None for b in doc.blocks)


def test_nested_table_cells_are_read_inside_their_parent_cell(tmp_path: Path) -> None:
    d = new_document()
    outer = d.add_table(rows=1, cols=2)
    left = outer.cell(0, 0)
    left.text = "Skills"
    inner = left.add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "PyTorch"
    inner.cell(0, 1).text = "JAX"
    outer.cell(0, 1).text = "Experience"
    doc = load_document(save(d, tmp_path / "nested.docx"))
    texts = _texts(doc)
    assert texts.index("Skills") < texts.index("PyTorch") < texts.index("JAX") < texts.index("Experience")
    assert texts.count("PyTorch") == 1
    assert _block(doc, "JAX").kind is BlockKind.TABLE_CELL


def test_merged_cells_are_not_duplicated(tmp_path: Path) -> None:
    d = new_document()
    table = d.add_table(rows=2, cols=3)
    wide = table.cell(0, 0).merge(table.cell(0, 2))
    wide.text = "Machine learning engineer with MLOps focus"
    tall = table.cell(1, 0).merge(table.cell(1, 1))
    tall.text = "Kubernetes"
    table.cell(1, 2).text = "Terraform"
    doc = load_document(save(d, tmp_path / "merged.docx"))
    assert _texts(doc).count("Machine learning engineer with MLOps focus") == 1
    assert _texts(doc).count("Kubernetes") == 1
    assert "Terraform" in _texts(doc)


def test_cell_with_several_paragraphs_and_bullets(tmp_path: Path) -> None:
    d = new_document()
    cell = d.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = "Data Engineer, Acme"
    cell.add_paragraph("Built Airflow pipelines for 40 sources", style="List Bullet")
    cell.add_paragraph("Cut load time by 30%", style="List Bullet")
    blocks = _parse(save(d, tmp_path / "cell.docx"))
    assert [(b.text, b.kind) for b in blocks] == [
        ("Data Engineer, Acme", BlockKind.TABLE_CELL),
        ("Built Airflow pipelines for 40 sources", BlockKind.LIST_ITEM),
        ("Cut load time by 30%", BlockKind.LIST_ITEM),
    ]


def test_headers_and_footers_of_every_section_deduplicated(tmp_path: Path) -> None:
    d = new_document()
    first = d.sections[0]
    first.header.paragraphs[0].text = "Jane Doe | jane@example.com"
    first.footer.paragraphs[0].text = "Page footer"
    d.add_paragraph("Body text of section one.")
    second = d.add_section()
    second.header.is_linked_to_previous = False  # a second header part with the same text
    second.header.paragraphs[0].text = "Jane Doe | jane@example.com"
    second.footer.is_linked_to_previous = False
    second.footer.paragraphs[0].text = "Second footer"
    d.add_paragraph("Body text of section two.")
    doc = load_document(save(d, tmp_path / "hf.docx"))
    header = _block(doc, "Jane Doe | jane@example.com")
    assert header.kind is BlockKind.HEADER
    assert _block(doc, "Page footer").kind is BlockKind.FOOTER
    assert _block(doc, "Second footer").kind is BlockKind.FOOTER
    texts = _texts(doc)
    assert texts.index("Jane Doe | jane@example.com") < texts.index("Body text of section one.")
    assert texts.index("Body text of section two.") < texts.index("Page footer")


def test_no_header_definition_is_invented(tmp_path: Path) -> None:
    d = new_document()
    d.add_paragraph("Only body text.")
    assert _texts(load_document(save(d, tmp_path / "plain.docx"))) == ["Only body text."]


# -- text boxes, hyperlinks, lists, headings ------------------------------------------------


def test_text_box_read_once_not_twice(tmp_path: Path) -> None:
    d = new_document()
    anchor = d.add_paragraph("Summary paragraph in the body.")
    add_text_box(anchor, ["Sidebar skills: Docker, Kubernetes", "Second line of the box"])
    d.add_paragraph("After the box.")
    doc = load_document(save(d, tmp_path / "textbox.docx"))
    assert _texts(doc) == ["Summary paragraph in the body.", "Sidebar skills: Docker, Kubernetes",
                           "Second line of the box", "After the box."]


def test_white_text_in_dark_text_box_is_visible(tmp_path: Path) -> None:
    d = new_document()
    add_text_box(d.add_paragraph("Body."), ["Python, Spark"], fill="1F3B57", white_text=True)
    add_text_box(d.add_paragraph("More body."), ["Hidden keywords"], white_text=True)
    doc = load_document(save(d, tmp_path / "darkbox.docx"))
    assert not _block(doc, "Python, Spark").hidden
    assert _block(doc, "Hidden keywords").hidden_reason is HiddenReason.WHITE_TEXT


def test_libreoffice_text_frame(tmp_path: Path) -> None:
    fodt = tmp_path / "frame.fodt"
    fodt.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
        'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
        'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">'
        "<office:body><office:text><text:p>Body paragraph before the frame."
        '<draw:frame draw:name="Frame1" text:anchor-type="paragraph" svg:width="6cm" svg:height="3cm">'
        "<draw:text-box><text:p>Framed skills: Kubernetes and Terraform</text:p></draw:text-box>"
        "</draw:frame></text:p><text:p>Body paragraph after.</text:p></office:text></office:body></office:document>",
        encoding="utf-8",
    )
    converted = convert_with_soffice(fodt, tmp_path)
    if converted is None:
        pytest.skip("LibreOffice (soffice) is not available")
    doc = load_document(converted)
    assert _texts(doc) == ["Body paragraph before the frame.", "Framed skills: Kubernetes and Terraform",
                           "Body paragraph after."]
    assert doc.metadata.producer and "LibreOffice" in doc.metadata.producer


def test_hyperlink_text_is_kept(tmp_path: Path) -> None:
    d = new_document()
    p = d.add_paragraph("GitHub: ")
    add_hyperlink(p, "https://github.com/janedoe", "github.com/janedoe")
    p.add_run(" (open source)")
    doc = load_document(save(d, tmp_path / "link.docx"))
    assert _texts(doc) == ["GitHub: github.com/janedoe (open source)"]


def test_list_items_from_styles_numbering_and_glyphs(tmp_path: Path) -> None:
    d = new_document()
    d.add_paragraph("Deployed 12 models with MLflow", style="List Bullet")
    d.add_paragraph("Reduced latency by 40%", style="List Number")
    d.add_paragraph("• Wrote Terraform modules")
    d.add_paragraph("A plain sentence about work.")
    blocks = _parse(save(d, tmp_path / "lists.docx"))
    assert [(b.text, b.kind) for b in blocks] == [
        ("Deployed 12 models with MLflow", BlockKind.LIST_ITEM),
        ("Reduced latency by 40%", BlockKind.LIST_ITEM),
        ("Wrote Terraform modules", BlockKind.LIST_ITEM),
        ("A plain sentence about work.", BlockKind.PARAGRAPH),
    ]


def test_manual_bullets_split_on_line_breaks(tmp_path: Path) -> None:
    d = new_document()
    d.add_paragraph("Highlights\n• Shipped a RAG assistant\n• Fine-tuned Llama 3 on 2M tickets")
    blocks = _parse(save(d, tmp_path / "breaks.docx"))
    assert [(b.text, b.kind) for b in blocks] == [
        ("Highlights", BlockKind.PARAGRAPH),
        ("Shipped a RAG assistant", BlockKind.LIST_ITEM),
        ("Fine-tuned Llama 3 on 2M tickets", BlockKind.LIST_ITEM),
    ]


def test_heading_styles_and_bold_headings(tmp_path: Path) -> None:
    d = new_document()
    d.add_heading("Jane Doe", level=0)  # Title style
    d.add_heading("Experience", level=1)
    d.add_heading("Publications", level=3)
    bold = d.add_paragraph()
    bold.add_run("Technical Skills").bold = True
    mixed = d.add_paragraph()
    mixed.add_run("Languages:").bold = True
    mixed.add_run(" Python, Go")
    long_bold = d.add_paragraph()
    long_bold.add_run("Senior Machine Learning Engineer at a large retail bank in London").bold = True
    blocks = {b.text: b for b in _parse(save(d, tmp_path / "headings.docx"))}
    for text in ("Jane Doe", "Experience", "Publications", "Technical Skills"):
        assert blocks[text].kind is BlockKind.HEADING, text
    assert blocks["Technical Skills"].bold
    assert blocks["Experience"].font_size is not None and blocks["Experience"].font_size > 11
    assert blocks["Languages: Python, Go"].kind is BlockKind.PARAGRAPH
    assert not blocks["Languages: Python, Go"].bold
    assert blocks["Senior Machine Learning Engineer at a large retail bank in London"].kind is BlockKind.PARAGRAPH


def test_font_size_bold_and_colour_of_a_block(tmp_path: Path) -> None:
    d = new_document()
    run = d.add_paragraph().add_run("Blue fourteen point text")
    run.font.size = Pt(14)
    run.font.color.rgb = RGBColor(0x1F, 0x3B, 0x57)
    block = _block(load_document(save(d, tmp_path / "style.docx")), "Blue fourteen point text")
    assert block.font_size == 14.0
    assert block.color == pytest.approx((0x1F / 255, 0x3B / 255, 0x57 / 255))
    assert not block.bold


# -- hidden text -----------------------------------------------------------------------------


def test_hidden_run_is_split_into_its_own_hidden_block(tmp_path: Path) -> None:
    d = new_document()
    p = d.add_paragraph()
    p.add_run("Built ML pipelines in Python.")
    hidden = p.add_run(" TensorFlow Keras PyTorch JAX")
    hidden.font.hidden = True
    d.add_paragraph("Next paragraph.")
    doc = load_document(save(d, tmp_path / "hidden.docx"))
    assert _texts(doc) == ["Built ML pipelines in Python.", "TensorFlow Keras PyTorch JAX", "Next paragraph."]
    visible, secret = doc.blocks[0], doc.blocks[1]
    assert not visible.hidden
    assert secret.hidden and secret.hidden_reason is HiddenReason.WORD_HIDDEN
    assert "TensorFlow" not in doc.text
    assert doc.hidden_blocks == (secret,)


def test_hidden_font_through_a_character_style(tmp_path: Path) -> None:
    d = new_document()
    style = d.styles.add_style("Secret", WD_STYLE_TYPE.CHARACTER)
    style.font.hidden = True
    p = d.add_paragraph("Visible words. ")
    p.add_run("Kubernetes Kubernetes Kubernetes", style="Secret")
    doc = load_document(save(d, tmp_path / "hidden_style.docx"))
    assert _block(doc, "Kubernetes Kubernetes Kubernetes").hidden_reason is HiddenReason.WORD_HIDDEN
    assert doc.text == "Visible words."


def test_white_on_white_is_flagged(tmp_path: Path) -> None:
    d = new_document()
    p = d.add_paragraph("Data scientist.")
    white = p.add_run(" Python SQL Spark Hadoop")
    white.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    near = d.add_paragraph().add_run("Snowflake dbt Airflow")
    near.font.color.rgb = RGBColor(0xFA, 0xFB, 0xFC)
    doc = load_document(save(d, tmp_path / "white.docx"))
    assert _block(doc, "Python SQL Spark Hadoop").hidden_reason is HiddenReason.WHITE_TEXT
    assert _block(doc, "Snowflake dbt Airflow").hidden_reason is HiddenReason.WHITE_TEXT
    assert doc.text == "Data scientist."


def test_white_text_on_dark_shading_is_visible(tmp_path: Path) -> None:
    d = new_document()
    p = d.add_paragraph()
    set_shading(p, "1F3B57")
    p.add_run("Profile").font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    cell = d.add_table(rows=1, cols=1).cell(0, 0)
    set_shading(cell, "222222")
    cell.paragraphs[0].add_run("Skills: PyTorch").font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    light = d.add_table(rows=1, cols=1).cell(0, 0)
    set_shading(light, "EEF2F6")
    light.paragraphs[0].add_run("Stuffed on a pale cell").font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    doc = load_document(save(d, tmp_path / "dark.docx"))
    assert not _block(doc, "Profile").hidden
    assert not _block(doc, "Skills: PyTorch").hidden
    assert _block(doc, "Stuffed on a pale cell").hidden_reason is HiddenReason.WHITE_TEXT


def test_tiny_font_is_flagged(tmp_path: Path) -> None:
    d = new_document()
    p = d.add_paragraph("Normal text.")
    tiny = p.add_run(" LangChain LlamaIndex")
    tiny.font.size = Pt(1)
    doc = load_document(save(d, tmp_path / "tiny.docx"))
    assert _texts(doc) == ["Normal text.", "LangChain LlamaIndex"]
    assert doc.blocks[1].hidden_reason is HiddenReason.TINY_FONT


def test_white_run_between_visible_runs_leaves_a_word_gap(tmp_path: Path) -> None:
    d = new_document()
    p = d.add_paragraph()
    p.add_run("Python")
    p.add_run("Rust").font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    p.add_run("SQL")
    blocks = _parse(save(d, tmp_path / "gap.docx"))
    assert [(b.text, b.hidden) for b in blocks] == [("Python SQL", False), ("Rust", True)]


# -- hostile and broken files ------------------------------------------------------------------


def _minimal_docx(tmp_path: Path) -> Path:
    d = new_document()
    d.add_paragraph("Jane Doe, ML engineer.")
    return save(d, tmp_path / "base.docx")


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    bomb = zip_bomb(_minimal_docx(tmp_path), megabytes=300)
    assert len(bomb) < 2 * 1024 * 1024  # small on disk
    start = time.perf_counter()
    with pytest.raises(DocumentTooLargeError, match="zip bomb"):
        load_document(bomb)
    assert time.perf_counter() - start < 2.0


def test_highly_compressed_part_under_the_size_limit_is_refused(tmp_path: Path) -> None:
    bomb = zip_bomb(_minimal_docx(tmp_path), megabytes=20)
    with pytest.raises(DocumentTooLargeError):
        load_document(bomb)


def test_too_many_parts_is_refused(tmp_path: Path) -> None:
    with zipfile.ZipFile(_minimal_docx(tmp_path)) as src:
        parts: dict[str, bytes | str] = {name: src.read(name) for name in src.namelist()}
    parts.update({f"word/media/p{i}.bin": b"x" for i in range(6000)})
    with pytest.raises(DocumentTooLargeError, match="parts"):
        load_document(build_zip(parts))


def _inject_doctype(entity_decl: str, body_text: str) -> Callable[[bytes], bytes]:
    def transform(xml: bytes) -> bytes:
        text = xml.decode("utf-8")
        decl_end = text.index("?>") + 2
        text = text[:decl_end] + f"\n<!DOCTYPE w:document [{entity_decl}]>" + text[decl_end:]
        return text.replace("Jane Doe, ML engineer.", body_text).encode("utf-8")

    return transform


def test_external_entity_is_refused_and_never_read(tmp_path: Path) -> None:
    data = rewrite_part(_minimal_docx(tmp_path), "word/document.xml",
                        _inject_doctype('<!ENTITY xxe SYSTEM "file:///etc/passwd">', "&xxe;"))
    with pytest.raises(CorruptDocumentError, match="DOCTYPE") as info:
        load_document(data)
    assert "root:" not in str(info.value)


def test_billion_laughs_is_refused_quickly(tmp_path: Path) -> None:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10)
    )
    data = rewrite_part(_minimal_docx(tmp_path), "word/document.xml", _inject_doctype(entities, "&lol9;"))
    start = time.perf_counter()
    with pytest.raises(CorruptDocumentError):
        load_document(data)
    assert time.perf_counter() - start < 2.0


def test_doctype_in_a_utf16_part_is_refused(tmp_path: Path) -> None:
    def to_utf16(xml: bytes) -> bytes:
        text = _inject_doctype('<!ENTITY x "y">', "&x;")(xml).decode("utf-8")
        return text.replace("encoding='UTF-8'", "encoding='UTF-16'").replace(
            'encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")

    data = rewrite_part(_minimal_docx(tmp_path), "word/document.xml", to_utf16)
    with pytest.raises(CorruptDocumentError, match="DOCTYPE"):
        load_document(data)


@pytest.mark.parametrize(
    "part", ["word/styles.xml", "[Content_Types].xml", "word/_rels/document.xml.rels", "docProps/app.xml"]
)
def test_doctype_in_any_xml_part_is_refused(tmp_path: Path, part: str) -> None:
    def transform(xml: bytes) -> bytes:
        text = xml.decode("utf-8")
        end = text.index("?>") + 2
        return (text[:end] + '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/hostname">]>' + text[end:]).encode()

    data = rewrite_part(_minimal_docx(tmp_path), part, transform)
    with pytest.raises(CorruptDocumentError, match="DOCTYPE"):
        load_document(data)


def test_not_a_zip_is_corrupt() -> None:
    with pytest.raises(CorruptDocumentError):
        load_document(b"PK\x03\x04" + b"\x00garbage" * 50)


def test_truncated_docx_is_corrupt(tmp_path: Path) -> None:
    data = _minimal_docx(tmp_path).read_bytes()
    with pytest.raises(CorruptDocumentError):
        load_document(data[: len(data) // 2])


def test_random_binary_is_unsupported() -> None:
    import random

    rng = random.Random(7)
    with pytest.raises(UnsupportedFormatError, match="binary"):
        load_document(bytes(rng.randrange(256) for _ in range(4096)))


def test_zip_without_document_part(tmp_path: Path) -> None:
    office_zip = build_zip({"[Content_Types].xml": "<Types/>", "word/styles.xml": "<w:styles/>"})
    with pytest.raises(CorruptDocumentError):
        load_document(office_zip)
    with pytest.raises(CorruptDocumentError):  # the parser on its own says the same
        parse_docx(office_zip, ParseLimits())


def test_document_xml_without_package_plumbing_is_corrupt() -> None:
    data = build_zip({"word/document.xml": "<w:document/>"})
    with pytest.raises(CorruptDocumentError):
        load_document(data)


def test_malformed_document_xml_is_corrupt(tmp_path: Path) -> None:
    data = rewrite_part(_minimal_docx(tmp_path), "word/document.xml", lambda x: x[: len(x) // 2])
    with pytest.raises(CorruptDocumentError):
        load_document(data)


def test_empty_document(tmp_path: Path) -> None:
    d = new_document()
    d.add_paragraph("")
    d.add_paragraph("   ")
    with pytest.raises(EmptyDocumentError):
        load_document(save(d, tmp_path / "empty.docx"))


def test_max_chars_truncates_with_a_warning(tmp_path: Path) -> None:
    d = new_document()
    for i in range(50):
        d.add_paragraph(f"Paragraph number {i} with some words in it.")
    doc = load_document(save(d, tmp_path / "long.docx"), limits=ParseLimits(max_chars=200))
    assert sum(len(b.text) for b in doc.blocks) <= 200
    assert [w.code for w in doc.warnings] == ["truncated"]


# -- structures python-docx does not expose ---------------------------------------------------


def test_content_controls_block_and_inline(tmp_path: Path) -> None:
    d = new_document()
    p = d.add_paragraph("Skills: ")
    p._p.append(xml_element("<w:sdt><w:sdtContent><w:r><w:t>Airflow</w:t></w:r></w:sdtContent></w:sdt>"))
    p._p.addnext(xml_element(
        '<w:sdt><w:sdtPr><w:alias w:val="Summary"/></w:sdtPr><w:sdtContent>'
        "<w:p><w:r><w:t>Inside a block content control.</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    ))
    d.add_paragraph("Last.")
    assert _texts(load_document(save(d, tmp_path / "sdt.docx"))) == [
        "Skills: Airflow", "Inside a block content control.", "Last."]


def test_tracked_insertions_kept_deletions_dropped(tmp_path: Path) -> None:
    d = new_document()
    p = d.add_paragraph("Used ")
    p._p.append(xml_element(
        '<w:ins w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r><w:t>PyTorch</w:t></w:r></w:ins>'))
    p._p.append(xml_element(
        '<w:del w:id="2" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>Theano</w:delText></w:r></w:del>'))
    assert _texts(load_document(save(d, tmp_path / "tracked.docx"))) == ["Used PyTorch"]


def test_line_breaks_kept_inside_a_block(tmp_path: Path) -> None:
    d = new_document()
    d.add_paragraph("Acme Ltd\nLondon, 2019 – 2023")
    assert _texts(load_document(save(d, tmp_path / "br.docx"))) == ["Acme Ltd\nLondon, 2019 – 2023"]


def test_hidden_paragraph_style(tmp_path: Path) -> None:
    d = new_document()
    style = d.styles.add_style("Invisible", WD_STYLE_TYPE.PARAGRAPH)
    style.font.hidden = True
    d.add_paragraph("Visible summary.")
    d.add_paragraph("keyword keyword keyword", style="Invisible")
    doc = load_document(save(d, tmp_path / "hidden_para_style.docx"))
    assert _block(doc, "keyword keyword keyword").hidden_reason is HiddenReason.WORD_HIDDEN
    assert doc.text == "Visible summary."


def test_white_text_in_a_dark_table_style_is_visible(tmp_path: Path) -> None:
    d = new_document()
    table = d.add_table(rows=1, cols=1)
    table.style = d.styles["Dark List Accent 1"]
    table.cell(0, 0).paragraphs[0].add_run("Core skills").font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    assert not _block(load_document(save(d, tmp_path / "dark_style.docx")), "Core skills").hidden


def test_image_only_document_has_no_text_layer(tmp_path: Path) -> None:
    png = tmp_path / "scan.png"
    png.write_bytes(tiny_png())
    d = new_document()
    d.add_picture(str(png))
    with pytest.raises(NoTextLayerError):
        load_document(save(d, tmp_path / "scan.docx"))


def test_first_page_header_identical_to_default_is_kept_once(tmp_path: Path) -> None:
    d = new_document()
    section = d.sections[0]
    section.different_first_page_header_footer = True
    section.header.paragraphs[0].text = "Jane Doe — CV"
    section.first_page_header.paragraphs[0].text = "Jane Doe — CV"
    d.add_paragraph("Body.")
    assert _texts(load_document(save(d, tmp_path / "first.docx"))) == ["Jane Doe — CV", "Body."]
