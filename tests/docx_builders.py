"""Build DOCX test files at test time with python-docx (plus raw XML where it has no API)."""

from __future__ import annotations

import io
import re
import shutil
import struct
import subprocess
import zipfile
import zlib
from pathlib import Path
from typing import Callable

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.table import _Cell
from docx.text.paragraph import Paragraph

__all__ = [
    "add_hyperlink",
    "add_text_box",
    "build_zip",
    "convert_with_soffice",
    "new_document",
    "rewrite_part",
    "save",
    "set_shading",
    "tiny_png",
    "xml_element",
    "zip_bomb",
]

_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_VML = "urn:schemas-microsoft-com:vml"


def new_document() -> DocxDocument:
    """A blank document from python-docx's default template."""
    return docx.Document()


def save(document: DocxDocument, path: Path) -> Path:
    document.save(str(path))
    return path


def add_hyperlink(paragraph: Paragraph, url: str, text: str) -> None:
    """Append a ``w:hyperlink`` holding one run of ``text`` that points at ``url``."""
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = parse_xml(
        f'<w:hyperlink {nsdecls("w", "r")} r:id="{r_id}"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr>'
        f"<w:t xml:space=\"preserve\">{text}</w:t></w:r></w:hyperlink>"
    )
    paragraph._p.append(link)


def xml_element(xml: str, prefixes: tuple[str, ...] = ("w",)) -> BaseOxmlElement:
    """Parse a WordprocessingML fragment, declaring the namespaces of ``prefixes`` on its root."""
    name_end = re.search(r"[\s/>]", xml[1:])
    assert name_end is not None
    at = name_end.start() + 1
    return parse_xml(xml[:at] + " " + nsdecls(*prefixes) + xml[at:])


def tiny_png() -> bytes:
    """A valid 1x1 black PNG."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x00"))
            + chunk(b"IEND", b""))


def set_shading(target: Paragraph | _Cell, fill: str) -> None:
    """Shade a paragraph (``w:pPr/w:shd``) or a table cell (``w:tcPr/w:shd``) with ``fill`` (hex)."""
    shd = parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>')
    if isinstance(target, Paragraph):
        target._p.get_or_add_pPr().append(shd)
    else:
        target._tc.get_or_add_tcPr().append(shd)


def add_text_box(paragraph: Paragraph, lines: list[str], *, fill: str | None = None, white_text: bool = False) -> None:
    """Anchor a text box to ``paragraph`` the way Word writes it.

    Word stores the box twice in ``mc:AlternateContent``: a DrawingML shape (``mc:Choice``)
    and a VML fallback (``mc:Fallback``), each with its own ``w:txbxContent``.
    """
    colour = '<w:rPr><w:color w:val="FFFFFF"/></w:rPr>' if white_text else ""
    paras = "".join(f"<w:p><w:r>{colour}<w:t xml:space=\"preserve\">{line}</w:t></w:r></w:p>" for line in lines)
    solid = f'<a:solidFill><a:srgbClr val="{fill}"/></a:solidFill>' if fill else "<a:noFill/>"
    vml_fill = f'fillcolor="#{fill}"' if fill else 'filled="f"'
    run = parse_xml(
        f'<w:r {nsdecls("w", "wp", "a")} xmlns:mc="{_MC}" xmlns:wps="{_WPS}" xmlns:v="{_VML}">'
        "<mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor behindDoc="0" distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="2" '
        'locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="2160000" cy="900000"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:wrapSquare wrapText="bothSides"/><wp:docPr id="101" name="Text Box 1"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>'
        '<a:xfrm><a:off x="0" y="0"/><a:ext cx="2160000" cy="900000"/></a:xfrm>'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{solid}</wps:spPr>'
        f"<wps:txbx><w:txbxContent>{paras}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict>"
        f'<v:rect style="position:absolute;width:170pt;height:71pt" {vml_fill}>'
        f"<v:textbox><w:txbxContent>{paras}</w:txbxContent></v:textbox></v:rect>"
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    paragraph._p.append(run)


def rewrite_part(path: Path, part: str, transform: Callable[[bytes], bytes]) -> bytes:
    """The bytes of the DOCX at ``path`` with ``part`` replaced by ``transform(old)``."""
    out = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == part:
                data = transform(data)
            dst.writestr(info.filename, data)
    return out.getvalue()


def build_zip(parts: dict[str, bytes | str]) -> bytes:
    """A deflated zip holding ``parts``."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def zip_bomb(base_docx: Path, megabytes: int = 300) -> bytes:
    """A valid DOCX plus one part of ``megabytes`` MB of zeros (a few hundred KB deflated)."""
    out = io.BytesIO()
    with zipfile.ZipFile(base_docx) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
        with dst.open("word/media/padding.bin", "w", force_zip64=True) as stream:
            chunk = bytes(1 << 20)
            for _ in range(megabytes):
                stream.write(chunk)
    return out.getvalue()


def convert_with_soffice(source: Path, outdir: Path, fmt: str = "docx") -> Path | None:
    """Convert ``source`` with LibreOffice (own profile dir, so parallel runs don't clash).

    Returns the converted file, or None when LibreOffice is not installed or fails.
    """
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    profile = (outdir / "lo-profile").resolve().as_uri()
    try:
        subprocess.run(
            [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", fmt,
             "--outdir", str(outdir), str(source)],
            check=True, capture_output=True, timeout=120,
        )
    except (subprocess.SubprocessError, OSError):
        return None
    result = outdir / f"{source.stem}.{fmt}"
    return result if result.exists() else None
