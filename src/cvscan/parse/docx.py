"""Parse a DOCX CV into blocks: body, tables, text boxes, headers and footers, hidden runs.

The zip is checked before python-docx touches it: entry count, declared sizes and
compression ratios (zip bombs), and every XML part is refused if it declares a DOCTYPE or
ENTITY (external entities, billion laughs; Word never writes a DTD). python-docx then opens
the package and resolves parts and relationships; the content itself is read by walking the
WordprocessingML tree, because python-docx does not expose text boxes, content controls
(``w:sdt``), tracked insertions or the style hierarchy of run properties.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
import zlib
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Iterable, Iterator

from lxml import etree

from ..document import RGB, Block, BlockKind, DocumentMetadata, DocumentWarning, HiddenReason, ParseLimits
from ..errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    NoTextLayerError,
)
from .base import ParsedDocument, TextBudget

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

__all__ = ["parse_docx"]

logger = logging.getLogger("cvscan")

# ---------------------------------------------------------------------------------------
# Archive guards
# ---------------------------------------------------------------------------------------

MAX_ZIP_ENTRIES = 5_000
"""More parts than any real CV has; more means a hostile or broken archive."""
MAX_COMPRESSION_RATIO = 150
"""XML deflates 5-30x; a part that shrinks more than this is padding, not content."""
_RATIO_MIN_BYTES = 2 * 1024 * 1024  # small parts may compress well without being a bomb
MAX_XML_TAGS = 1_000_000
"""Tags (``<`` characters) allowed across all XML parts. A CV has ~25,000; lxml needs
~170 bytes per element, so 20 MB of ``<w:p/>`` (a 1.6 MB file) took 440 MB and 36 s."""
"""Blocks read before the rest is dropped with a warning (a CV has a few hundred)."""
_CHUNK = 1 << 20
_DTD_RE = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)

_SAFE_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
)


def _check_archive(data: bytes, limits: ParseLimits) -> None:
    """Refuse zip bombs and XML parts with a DTD before any XML parser sees the file."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise CorruptDocumentError(f"The DOCX is not a readable zip archive: {exc}") from exc
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_ENTRIES:
            raise DocumentTooLargeError(
                f"The DOCX holds {len(infos)} parts, over the limit of {MAX_ZIP_ENTRIES} (a zip bomb?)"
            )
        total = sum(info.file_size for info in infos)
        if total > limits.max_decompressed_bytes:
            raise DocumentTooLargeError(
                f"The DOCX expands to {total / 1_048_576:.1f} MB, over the "
                f"{limits.max_decompressed_bytes / 1_048_576:.1f} MB limit (a zip bomb?); "
                "raise ParseLimits.max_decompressed_bytes to allow it"
            )
        for info in infos:
            ratio_limit = MAX_COMPRESSION_RATIO * max(info.compress_size, 1)
            if info.file_size > _RATIO_MIN_BYTES and info.file_size > ratio_limit:
                raise DocumentTooLargeError(
                    f"The DOCX part {info.filename!r} expands {info.file_size // max(info.compress_size, 1)}x "
                    f"({info.file_size / 1_048_576:.1f} MB): a zip bomb, refused"
                )
            if info.flag_bits & 0x1:
                raise EncryptedDocumentError("The DOCX zip entries are password-protected")
        content_types = _content_types(archive, limits)
        budget = [limits.max_decompressed_bytes, MAX_XML_TAGS]
        for info in infos:
            if info.is_dir() or info.filename == "[Content_Types].xml":
                continue
            if _is_xml_part(info.filename, content_types):
                _scan_for_dtd(archive, info, budget)


def _content_types(archive: zipfile.ZipFile, limits: ParseLimits) -> tuple[dict[str, str], dict[str, str]]:
    """Return (defaults by extension, overrides by lower-case part name) from [Content_Types].xml."""
    try:
        info = archive.getinfo("[Content_Types].xml")
    except KeyError as exc:
        raise CorruptDocumentError(
            "The DOCX has no [Content_Types].xml: it is not a Word document or it is damaged"
        ) from exc
    blob = _scan_for_dtd(archive, info, [limits.max_decompressed_bytes, MAX_XML_TAGS])
    try:
        root = etree.fromstring(blob, _SAFE_PARSER)
    except etree.XMLSyntaxError as exc:
        raise CorruptDocumentError(f"The DOCX content-type list is malformed XML: {exc}") from exc
    defaults: dict[str, str] = {}
    overrides: dict[str, str] = {}
    for el in root:
        if not isinstance(el.tag, str):
            continue
        local = etree.QName(el).localname
        if local == "Default":
            defaults[(el.get("Extension") or "").lower()] = el.get("ContentType") or ""
        elif local == "Override":
            overrides[(el.get("PartName") or "").lstrip("/").lower()] = el.get("ContentType") or ""
    return defaults, overrides


def _is_xml_part(name: str, content_types: tuple[dict[str, str], dict[str, str]]) -> bool:
    """Whether python-docx may parse this entry as XML (images and HTML chunks excluded)."""
    defaults, overrides = content_types
    lower = name.lower()
    ctype = overrides.get(lower)
    if ctype is None:
        ctype = defaults.get(lower.rsplit(".", 1)[-1] if "." in lower else "")
    if ctype is None:
        return lower.endswith((".xml", ".rels"))
    ctype = ctype.lower()
    return not ctype.startswith("image/") and ctype.endswith("xml")


def _scan_for_dtd(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: list[int]) -> bytes:
    """Read one part in chunks, refusing a DTD or entity declaration; return its bytes.

    ``budget`` is ``[bytes left, XML tags left]`` across the parts read so far.
    """
    chunks: list[bytes] = []
    tail = b""
    try:
        with archive.open(info) as stream:
            while True:
                chunk = stream.read(_CHUNK)
                if not chunk:
                    break
                budget[0] -= len(chunk)
                if budget[0] < 0:
                    raise DocumentTooLargeError("The DOCX expands beyond the decompressed-size limit (a zip bomb?)")
                budget[1] -= chunk.count(b"<")
                if budget[1] < 0:
                    raise DocumentTooLargeError(
                        f"The DOCX XML holds over {MAX_XML_TAGS:,} tags, far more than a CV; refused"
                    )
                window = tail + chunk.replace(b"\x00", b"")  # NUL-stripping also covers UTF-16 parts
                if _DTD_RE.search(window):
                    raise CorruptDocumentError(
                        f"The DOCX part {info.filename!r} declares a DOCTYPE or ENTITY, which Word never "
                        "writes (external-entity or entity-expansion attack); refused"
                    )
                tail = window[-32:]
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
        raise CorruptDocumentError(f"The DOCX part {info.filename!r} cannot be decompressed: {exc}") from exc
    return b"".join(chunks)


# ---------------------------------------------------------------------------------------
# WordprocessingML helpers
# ---------------------------------------------------------------------------------------

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
_M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_V_NS = "urn:schemas-microsoft-com:vml"
_RT_APP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
_RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"


def _w(local: str) -> str:
    return f"{{{_W_NS}}}{local}"


W_P, W_R, W_T, W_TBL, W_TR, W_TC = _w("p"), _w("r"), _w("t"), _w("tbl"), _w("tr"), _w("tc")
W_PPR, W_RPR, W_TCPR, W_TBLPR = _w("pPr"), _w("rPr"), _w("tcPr"), _w("tblPr")
W_SDT, W_SDTCONTENT, W_CUSTOMXML, W_TXBX = _w("sdt"), _w("sdtContent"), _w("customXml"), _w("txbxContent")
W_VAL = _w("val")
MC_ALT, MC_CHOICE, MC_FALLBACK = f"{{{_MC_NS}}}AlternateContent", f"{{{_MC_NS}}}Choice", f"{{{_MC_NS}}}Fallback"
M_T = f"{{{_M_NS}}}t"

# Elements below a paragraph that can yield text, a text box or an image.
_CONTENT_TAGS = (W_T, M_T, _w("sym"), _w("drawing"), _w("pict"), _w("object"), W_TXBX)
# Inline wrappers whose runs are part of the paragraph text.
_INLINE_CONTAINERS = frozenset(
    _w(t) for t in ("hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple", "dir", "bdo", "sdtContent")
)
# Block wrappers whose paragraphs and tables are part of the flow.
_BLOCK_CONTAINERS = frozenset(_w(t) for t in ("sdtContent", "customXml", "ins", "moveTo"))
_FALSE = frozenset({"0", "false", "off", "none"})
_HIGHLIGHT: dict[str, RGB] = {
    "black": (0.0, 0.0, 0.0), "blue": (0.0, 0.0, 1.0), "cyan": (0.0, 1.0, 1.0), "green": (0.0, 1.0, 0.0),
    "magenta": (1.0, 0.0, 1.0), "red": (1.0, 0.0, 0.0), "yellow": (1.0, 1.0, 0.0), "white": (1.0, 1.0, 1.0),
    "darkBlue": (0.0, 0.0, 0.5), "darkCyan": (0.0, 0.5, 0.5), "darkGreen": (0.0, 0.5, 0.0),
    "darkMagenta": (0.5, 0.0, 0.5), "darkRed": (0.5, 0.0, 0.0), "darkYellow": (0.5, 0.5, 0.0),
    "darkGray": (0.5, 0.5, 0.5), "lightGray": (0.75, 0.75, 0.75),
}
_THEME_LIGHT = frozenset({"background1", "light1", "bg1", "lt1"})
_THEME_DARK = frozenset({"text1", "dark1", "tx1", "dk1"})
_WHITE: RGB = (1.0, 1.0, 1.0)

BULLET_CHARS = (
    "•●▪■◦○◆◇♦►▶▸➢➤✓✔✗☐◾◽⦿⁃‣∙·"
    "\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf0e0\uf06e\uf0de"  # Symbol / Wingdings bullets (private use area)
)
_BULLET_RE = re.compile(rf"^\s*(?:[{BULLET_CHARS}]+|[-*–—](?=\s))\s*")
_PUA_RE = re.compile("[\ue000-\uf8ff]")
_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH_RE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
_HEADING_NAME_RE = re.compile(r"^(?:heading\s*[1-9]|title)$")  # style names and ids, lower-cased
_MAX_HEADING_WORDS = 25
_BOLD_HEADING_MAX_WORDS = 5
_BOLD_HEADING_MAX_CHARS = 60


def _on(el: etree._Element | None) -> bool | None:
    """Value of an OOXML toggle property element (``w:b``, ``w:vanish``), None when absent."""
    if el is None:
        return None
    return (el.get(W_VAL) or "true").lower() not in _FALSE


def _hex_rgb(value: str | None) -> RGB | None:
    """``"1F3B57"`` (or ``"#fff"``, ``"white"``, ``"black"``) as an RGB triple; None for ``auto``."""
    if not value:
        return None
    value = {"white": "FFFFFF", "black": "000000"}.get(value.lower(), value).lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    if len(value) != 6:
        return None
    try:
        num = int(value, 16)
    except ValueError:
        return None
    return ((num >> 16) / 255.0, ((num >> 8) & 0xFF) / 255.0, (num & 0xFF) / 255.0)


def _luminance(rgb: RGB) -> float:
    """WCAG relative luminance."""

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def _contrast(a: RGB, b: RGB) -> float:
    la, lb = _luminance(a), _luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def _is_dark(rgb: RGB | None) -> bool:
    """Whether white text on this background would be readable."""
    return rgb is not None and _contrast(rgb, _WHITE) >= 2.0


def _shading(el: etree._Element | None) -> RGB | None:
    """Background colour of a ``w:shd`` element (None when clear/auto)."""
    if el is None:
        return None
    pattern = (el.get(W_VAL) or "clear").lower()
    fill = _hex_rgb(el.get(_w("fill")))
    if fill is None and (el.get(_w("themeFill")) or "") in _THEME_DARK:
        fill = (0.0, 0.0, 0.0)
    if pattern in ("clear", "nil"):
        return fill
    colour = _hex_rgb(el.get(_w("color"))) or (0.0, 0.0, 0.0)
    if pattern == "solid":
        return colour
    match = re.fullmatch(r"pct(\d+)", pattern)
    if match:
        share = min(int(match.group(1)), 100) / 100.0
        (r0, g0, b0), (r1, g1, b1) = fill or _WHITE, colour
        return (r0 + (r1 - r0) * share, g0 + (g1 - g0) * share, b0 + (b1 - b0) * share)
    return fill


def _children(el: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Children with ``tag``, looking through content controls and custom XML wrappers."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in (W_SDT, W_CUSTOMXML):
            inner = child.find(W_SDTCONTENT) if child.tag == W_SDT else child
            if inner is not None:
                yield from _children(inner, tag)


def _pick_alternate(alt: etree._Element, want: str | None = None) -> etree._Element | None:
    """The one branch of ``mc:AlternateContent`` to read (never both Choice and Fallback).

    With ``want`` (a tag), the first branch containing that tag is taken.
    """
    branches = [c for c in alt if c.tag in (MC_CHOICE, MC_FALLBACK)]
    if want is not None:
        for branch in branches:
            if next(branch.iter(want), None) is not None:
                return branch
    return branches[0] if branches else None


def _outer_textboxes(nodes: Iterable[etree._Element]) -> list[etree._Element]:
    """Outermost ``w:txbxContent`` elements in ``nodes`` and below, one copy per AlternateContent."""
    found: list[etree._Element] = []
    for child in nodes:
        if child.tag == W_TXBX:
            found.append(child)
        elif child.tag == MC_ALT:
            branch = _pick_alternate(child, W_TXBX)
            if branch is not None:
                found.extend(_outer_textboxes(branch))
        elif isinstance(child.tag, str):
            found.extend(_outer_textboxes(child))
    return found


def _textbox_fill(txbx: etree._Element) -> RGB | None:
    """Solid fill of the shape holding a text box (DrawingML or VML), None when unknown."""
    node = txbx.getparent()
    for _ in range(8):
        if node is None:
            return None
        tag = node.tag
        if tag == f"{{{_WPS_NS}}}wsp":
            sppr = node.find(f"{{{_WPS_NS}}}spPr")
            solid = sppr.find(f"{{{_A_NS}}}solidFill") if sppr is not None else None
            if solid is None:
                return None
            srgb = solid.find(f"{{{_A_NS}}}srgbClr")
            if srgb is not None:
                return _hex_rgb(srgb.get("val"))
            scheme = solid.find(f"{{{_A_NS}}}schemeClr")
            if scheme is not None:  # theme colours: accents and text colours are dark enough
                return _WHITE if scheme.get("val") in ("bg1", "lt1", "bg2", "lt2") else (0.2, 0.2, 0.2)
            return None
        if isinstance(tag, str) and tag.startswith(f"{{{_V_NS}}}") and tag != f"{{{_V_NS}}}textbox":
            if (node.get("filled") or "t").lower() in ("f", "false"):
                return None
            return _hex_rgb((node.get("fillcolor") or "").split(" ")[0])
        node = node.getparent()
    return None


def _has_dark_backdrop(roots: Iterable[etree._Element]) -> bool:
    """A dark filled shape placed behind the text (design templates put white text on it)."""
    for root in roots:
        for anchor in root.iter(f"{{{_WP_NS}}}anchor"):
            if (anchor.get("behindDoc") or "0") not in ("1", "true"):
                continue
            for solid in anchor.iter(f"{{{_A_NS}}}solidFill"):
                srgb = solid.find(f"{{{_A_NS}}}srgbClr")
                if srgb is not None and _is_dark(_hex_rgb(srgb.get("val"))):
                    return True
        for shape in root.iter(*(f"{{{_V_NS}}}{t}" for t in ("rect", "shape", "roundrect"))):
            style = (shape.get("style") or "").replace(" ", "")
            if "z-index:-" in style and _is_dark(_hex_rgb((shape.get("fillcolor") or "").split(" ")[0])):
                return True
    return False


# ---------------------------------------------------------------------------------------
# Styles
# ---------------------------------------------------------------------------------------


class _Styles:
    """The style hierarchy of ``styles.xml``: run properties resolved through basedOn chains."""

    def __init__(self, styles_el: etree._Element | None) -> None:
        self._by_id: dict[str, etree._Element] = {}
        self._default_para: str | None = None
        self._defaults_rpr: etree._Element | None = None
        self._chains: dict[str, list[etree._Element]] = {}
        if styles_el is None:
            return
        for style in styles_el.iter(_w("style")):
            sid = style.get(_w("styleId"))
            if sid is None:
                continue
            self._by_id.setdefault(sid, style)
            is_default = (style.get(_w("default")) or "").lower() in ("1", "true", "on")
            if is_default and style.get(_w("type")) == "paragraph" and self._default_para is None:
                self._default_para = sid
        defaults = styles_el.find(_w("docDefaults"))
        if defaults is not None:
            self._defaults_rpr = defaults.find(f"{_w('rPrDefault')}/{W_RPR}")

    def chain(self, style_id: str | None) -> list[etree._Element]:
        """The style and its basedOn ancestors, nearest first (cycle-safe)."""
        if style_id is None:
            return []
        cached = self._chains.get(style_id)
        if cached is not None:
            return cached
        out: list[etree._Element] = []
        seen: set[str] = set()
        sid: str | None = style_id
        while sid is not None and sid not in seen and len(out) < 32:
            seen.add(sid)
            style = self._by_id.get(sid)
            if style is None:
                break
            out.append(style)
            based = style.find(_w("basedOn"))
            sid = based.get(W_VAL) if based is not None else None
        self._chains[style_id] = out
        return out

    def para_style_id(self, ppr: etree._Element | None) -> str | None:
        pstyle = ppr.find(_w("pStyle")) if ppr is not None else None
        if pstyle is not None and pstyle.get(W_VAL):
            return pstyle.get(W_VAL)
        return self._default_para

    def names(self, style_id: str | None) -> list[str]:
        """Lower-cased names (and ids) of a style and its ancestors."""
        out: list[str] = []
        for style in self.chain(style_id):
            name = style.find(_w("name"))
            if name is not None and name.get(W_VAL):
                out.append(name.get(W_VAL, "").lower())
            out.append((style.get(_w("styleId")) or "").lower())
        return out

    def ppr_chain(self, style_id: str | None) -> list[etree._Element]:
        return [p for s in self.chain(style_id) if (p := s.find(W_PPR)) is not None]

    def rpr_chain(self, run_rpr: etree._Element | None, para_style: str | None) -> list[etree._Element]:
        """Run properties in priority order: direct, character style, paragraph style, defaults."""
        out: list[etree._Element] = []
        if run_rpr is not None:
            out.append(run_rpr)
            rstyle = run_rpr.find(_w("rStyle"))
            if rstyle is not None:
                out.extend(r for s in self.chain(rstyle.get(W_VAL)) if (r := s.find(W_RPR)) is not None)
        out.extend(r for s in self.chain(para_style) if (r := s.find(W_RPR)) is not None)
        if self._defaults_rpr is not None:
            out.append(self._defaults_rpr)
        return out

    def has_dark_fill(self, style_id: str | None) -> bool:
        """Whether a (table) style shades anything in a dark colour."""
        return any(_is_dark(_shading(shd)) for s in self.chain(style_id) for shd in s.iter(_w("shd")))


def _first(chain: list[etree._Element], tag: str) -> etree._Element | None:
    for props in chain:
        el = props.find(tag)
        if el is not None:
            return el
    return None


# ---------------------------------------------------------------------------------------
# Content walk
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Ctx:
    """Where the walk is: header/footer, inside a table cell, and what lies behind the text."""

    area: BlockKind | None = None  # HEADER / FOOTER, None for the body
    in_cell: bool = False
    background: RGB | None = None  # None = the white page
    dark_backdrop: bool = False


@dataclass
class _Seg:
    """A run's text with its resolved formatting and why it is hidden (None when visible)."""

    text: str
    reason: HiddenReason | None
    bold: bool
    size: float
    color: RGB | None


@dataclass
class _Collector:
    """Walks WordprocessingML content and collects blocks in reading order."""

    styles: _Styles
    limits: ParseLimits
    blocks: list[Block] = field(default_factory=list)
    warnings: list[DocumentWarning] = field(default_factory=list)
    has_images: bool = False

    def __post_init__(self) -> None:
        self.budget = TextBudget(self.limits, "The DOCX", self.warnings)

    # -- block level ----------------------------------------------------------------------

    def walk(self, container: etree._Element, ctx: _Ctx) -> None:
        for child in container:
            if self.budget.truncated:
                return
            tag = child.tag
            if tag == W_P:
                self.paragraph(child, ctx)
            elif tag == W_TBL:
                self.table(child, ctx)
            elif tag == W_SDT:
                content = child.find(W_SDTCONTENT)
                if content is not None:
                    self.walk(content, ctx)
            elif tag in _BLOCK_CONTAINERS:
                self.walk(child, ctx)
            elif tag == MC_ALT:
                branch = _pick_alternate(child)
                if branch is not None:
                    self.walk(branch, ctx)

    def table(self, tbl: etree._Element, ctx: _Ctx) -> None:
        tbl_pr = tbl.find(W_TBLPR)
        background = ctx.background
        dark_style = False
        if tbl_pr is not None:
            background = _shading(tbl_pr.find(_w("shd"))) or background
            style = tbl_pr.find(_w("tblStyle"))
            dark_style = style is not None and self.styles.has_dark_fill(style.get(W_VAL))
        for row in _children(tbl, W_TR):
            for cell in _children(row, W_TC):
                tc_pr = cell.find(W_TCPR)
                cell_bg = background
                if tc_pr is not None:
                    vmerge = tc_pr.find(_w("vMerge"))
                    if vmerge is not None and (vmerge.get(W_VAL) or "continue") == "continue":
                        continue  # continuation of a vertically merged cell: its text is above
                    hmerge = tc_pr.find(_w("hMerge"))
                    if hmerge is not None and (hmerge.get(W_VAL) or "continue") == "continue":
                        continue
                    cell_bg = _shading(tc_pr.find(_w("shd"))) or cell_bg
                self.walk(cell, replace(ctx, in_cell=True, background=cell_bg,
                                        dark_backdrop=ctx.dark_backdrop or dark_style))

    # -- paragraphs -----------------------------------------------------------------------

    def paragraph(self, p: etree._Element, ctx: _Ctx) -> None:
        if next(p.iter(*_CONTENT_TAGS), None) is None:
            return  # nothing that yields text, a text box or an image: skip the style work
        ppr = p.find(W_PPR)
        style_id = self.styles.para_style_id(ppr)
        background = ctx.background
        if ppr is not None:
            background = _shading(ppr.find(_w("shd"))) or background
        segs: list[_Seg] = []
        textboxes: list[etree._Element] = []
        self._collect(p, style_id, background, ctx, segs, textboxes)
        self._emit_paragraph(ppr, style_id, segs, ctx)
        for box in textboxes:
            fill = _textbox_fill(box)
            self.walk(box, replace(ctx, in_cell=False, background=fill if fill is not None else ctx.background))

    def _collect(
        self, el: etree._Element, style_id: str | None, background: RGB | None, ctx: _Ctx,
        segs: list[_Seg], textboxes: list[etree._Element],
    ) -> None:
        for child in el:
            tag = child.tag
            if tag == W_R:
                self._run(child, style_id, background, ctx, segs, textboxes)
            elif tag == W_SDT:
                content = child.find(W_SDTCONTENT)
                if content is not None:
                    self._collect(content, style_id, background, ctx, segs, textboxes)
            elif tag in _INLINE_CONTAINERS:
                self._collect(child, style_id, background, ctx, segs, textboxes)
            elif tag == MC_ALT:
                branch = _pick_alternate(child, W_TXBX) or _pick_alternate(child)
                if branch is not None:
                    self._collect(branch, style_id, background, ctx, segs, textboxes)
            elif tag in (f"{{{_M_NS}}}oMath", f"{{{_M_NS}}}oMathPara"):
                text = "".join(t.text or "" for t in child.iter(M_T))
                if text:
                    segs.append(_Seg(text, None, False, 10.0, None))

    def _run(
        self, r: etree._Element, style_id: str | None, background: RGB | None, ctx: _Ctx,
        segs: list[_Seg], textboxes: list[etree._Element],
    ) -> None:
        parts: list[str] = []
        for child in r:
            tag = child.tag
            if tag == W_T:
                parts.append(child.text or "")
            elif tag in (_w("tab"), _w("ptab")):
                parts.append("\t")
            elif tag == _w("br"):
                parts.append(" " if child.get(_w("type")) in ("page", "column") else "\n")
            elif tag == _w("cr"):
                parts.append("\n")
            elif tag == _w("noBreakHyphen"):
                parts.append("-")
            elif tag == _w("sym"):
                try:
                    parts.append(chr(int(child.get(_w("char")) or "", 16)))
                except ValueError:
                    pass
            elif tag in (_w("drawing"), _w("pict"), _w("object"), MC_ALT):
                boxes = _outer_textboxes([child])
                textboxes.extend(boxes)
                if not boxes and (next(child.iter(f"{{{_A_NS}}}blip"), None) is not None
                                  or next(child.iter(f"{{{_V_NS}}}imagedata"), None) is not None):
                    self.has_images = True
        text = "".join(parts)
        if not text:
            return
        chain = self.styles.rpr_chain(r.find(W_RPR), style_id)
        bold = bool(_on(_first(chain, _w("b"))))
        size_el = _first(chain, _w("sz"))
        size = 10.0
        if size_el is not None:
            try:
                size = int(size_el.get(W_VAL) or "20") / 2.0
            except ValueError:
                pass
        color_el = _first(chain, _w("color"))
        color: RGB | None = None
        if color_el is not None:
            color = _hex_rgb(color_el.get(W_VAL))
            theme = color_el.get(_w("themeColor")) or ""
            if color is None and theme in _THEME_LIGHT:
                color = _WHITE
        run_bg = background
        direct = r.find(W_RPR)
        if direct is not None:
            highlight = direct.find(_w("highlight"))
            if highlight is not None and highlight.get(W_VAL) in _HIGHLIGHT:
                run_bg = _HIGHLIGHT[highlight.get(W_VAL, "")]
            run_bg = _shading(direct.find(_w("shd"))) or run_bg
        reason: HiddenReason | None = None
        if _on(_first(chain, _w("vanish"))):
            reason = HiddenReason.WORD_HIDDEN
        elif color is not None and _is_invisible_colour(color, run_bg, ctx):
            reason = HiddenReason.WHITE_TEXT
        elif size < 2.0:
            reason = HiddenReason.TINY_FONT
        segs.append(_Seg(text, reason, bold, size, color))

    def _emit_paragraph(
        self, ppr: etree._Element | None, style_id: str | None, segs: list[_Seg], ctx: _Ctx,
    ) -> None:
        """Add the paragraph's visible block(s), then one hidden block per hiding reason."""
        visible_parts: list[str] = []
        hidden: dict[HiddenReason, list[_Seg]] = {}
        gap = False
        for seg in segs:
            if seg.reason is None or not seg.text.strip():
                if gap and visible_parts and not visible_parts[-1][-1:].isspace() and not seg.text[:1].isspace():
                    visible_parts.append(" ")
                visible_parts.append(seg.text)
                gap = False
            else:
                hidden.setdefault(seg.reason, []).append(seg)
                # white or tiny text still takes up room on the line; Word's hidden text does not
                gap = gap or seg.reason is not HiddenReason.WORD_HIDDEN
        visible_segs = [s for s in segs if s.reason is None or not s.text.strip()]
        raw = "".join(visible_parts)
        kind = self._kind(ppr, style_id, raw, visible_segs, ctx)
        if raw.strip():
            lines = [ln for ln in (_clean_line(x) for x in raw.split("\n")) if ln]
            if len(lines) > 1 and any(_BULLET_RE.match(ln) for ln in lines[1:]):
                for line in lines:  # manual bullets separated by line breaks: one block each
                    line_kind = kind
                    if _BULLET_RE.match(line) and kind in (BlockKind.PARAGRAPH, BlockKind.TABLE_CELL):
                        line_kind = BlockKind.LIST_ITEM
                    self._add(_strip_bullet(line), line_kind, visible_segs, hidden_reason=None)
            else:
                text = "\n".join(lines)
                if kind is BlockKind.LIST_ITEM:
                    text = _strip_bullet(text)
                self._add(text, kind, visible_segs, hidden_reason=None)
        hidden_kind = kind
        if kind is BlockKind.HEADING:  # hidden text never heads a section
            hidden_kind = BlockKind.TABLE_CELL if ctx.in_cell else BlockKind.PARAGRAPH
        for reason, hsegs in hidden.items():
            pieces: list[str] = []
            for seg in hsegs:
                if pieces and not pieces[-1][-1:].isspace() and not seg.text[:1].isspace():
                    pieces.append(" ")
                pieces.append(seg.text)
            text = "\n".join(ln for ln in (_clean_line(x) for x in "".join(pieces).split("\n")) if ln)
            if text:
                self._add(text, hidden_kind, hsegs, hidden_reason=reason)

    def _kind(
        self, ppr: etree._Element | None, style_id: str | None, text: str, segs: list[_Seg], ctx: _Ctx
    ) -> BlockKind:
        if ctx.area is not None:
            return ctx.area
        names = self.styles.names(style_id)
        pprs = ([ppr] if ppr is not None else []) + self.styles.ppr_chain(style_id)
        words = len(text.split())
        if words <= _MAX_HEADING_WORDS:
            if any(_HEADING_NAME_RE.match(n) for n in names):
                return BlockKind.HEADING
            outline = _first(pprs, _w("outlineLvl"))
            level = outline.get(W_VAL) or "9" if outline is not None else "9"
            if level.isdigit() and int(level) < 9:  # 9 is body text
                return BlockKind.HEADING
        num_id = next((n for props in pprs if (n := props.find(f"{_w('numPr')}/{_w('numId')}")) is not None), None)
        if num_id is not None and (num_id.get(W_VAL) or "0") != "0":  # numId 0 switches numbering off
            return BlockKind.LIST_ITEM
        if any(n.startswith("list") for n in names) or _BULLET_RE.match(text):
            return BlockKind.LIST_ITEM
        if _is_bold_heading(text, segs, ctx.in_cell):
            return BlockKind.HEADING
        return BlockKind.TABLE_CELL if ctx.in_cell else BlockKind.PARAGRAPH

    def _add(self, text: str, kind: BlockKind, segs: list[_Seg], hidden_reason: HiddenReason | None) -> None:
        text = self.budget.take(text)
        if not text:
            return
        weights: dict[float, int] = {}
        colors: dict[RGB | None, int] = {}
        bold_chars = total = 0
        for seg in segs:
            n = len(seg.text.strip())
            if not n:
                continue
            total += n
            weights[seg.size] = weights.get(seg.size, 0) + n
            colors[seg.color] = colors.get(seg.color, 0) + n
            bold_chars += n if seg.bold else 0
        self.blocks.append(Block(
            text=text,
            kind=kind,
            page=1,
            bbox=None,
            font_size=max(weights, key=weights.__getitem__) if weights else None,
            bold=total > 0 and bold_chars == total,
            color=max(colors, key=colors.__getitem__) if colors else None,
            hidden=hidden_reason is not None,
            hidden_reason=hidden_reason,
        ))


def _is_invisible_colour(color: RGB, background: RGB | None, ctx: _Ctx) -> bool:
    """White or near-white text on a white or light background."""
    if _luminance(color) < 0.85:
        return False
    if background is None and ctx.dark_backdrop:
        return False  # a dark shape or table style sits behind the text
    return _contrast(color, background or _WHITE) < 1.5


def _is_bold_heading(text: str, segs: list[_Seg], in_cell: bool) -> bool:
    stripped = text.strip()
    visible = [s for s in segs if s.text.strip()]
    if not stripped or not visible or not all(s.bold for s in visible):
        return False
    if len(stripped) > _BOLD_HEADING_MAX_CHARS or len(stripped.split()) > _BOLD_HEADING_MAX_WORDS or "\n" in stripped:
        return False
    if stripped[-1] in ".,;" or any(ch.isdigit() for ch in stripped) or any(c in stripped for c in "@|/\\"):
        return False
    if in_cell:  # bold cells are often just emphasised values: only all-caps labels count
        letters = [c for c in stripped if c.isalpha()]
        return bool(letters) and all(c.isupper() for c in letters)
    return True


def _clean_line(line: str) -> str:
    """Collapse whitespace, drop zero-width characters and stray private-use symbols (keeps a leading bullet)."""
    line = _ZERO_WIDTH_RE.sub("", line)
    line = _SPACES_RE.sub(" ", line).strip()
    match = _BULLET_RE.match(line)
    head, rest = (line[: match.end()], line[match.end():]) if match else ("", line)
    rest = _PUA_RE.sub("", rest)
    return _SPACES_RE.sub(" ", head + rest).strip()


def _strip_bullet(text: str) -> str:
    stripped = _BULLET_RE.sub("", text, count=1)
    return _PUA_RE.sub("", stripped).strip() or text


# ---------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------


def parse_docx(data: bytes, limits: ParseLimits) -> ParsedDocument:
    """Parse DOCX bytes into blocks in reading order.

    Raises :class:`DocumentTooLargeError` (zip bomb), :class:`CorruptDocumentError` (not a
    valid DOCX, or an XML part with a DTD), :class:`EmptyDocumentError` (no text) and
    :class:`NoTextLayerError` (images only).
    """
    _check_archive(data, limits)
    document = _open(data)
    root = document.element
    if root.getroottree().docinfo.internalDTD is not None:  # belt and braces after the scan
        raise CorruptDocumentError("The DOCX main part declares a DTD; refused")
    body = root.find(_w("body"))
    if body is None:
        raise CorruptDocumentError("The DOCX main part has no body")
    styles_el = _styles_element(document)
    collector = _Collector(_Styles(styles_el), limits)
    page_bg = None
    background = root.find(_w("background"))
    if background is not None:
        page_bg = _hex_rgb(background.get(_w("color")))
    headers, footers = _header_footer_parts(document, body)
    base = _Ctx(background=page_bg, dark_backdrop=_has_dark_backdrop([body, *headers, *footers]))
    for part_el in headers:
        collector.walk(part_el, replace(base, area=BlockKind.HEADER))
    collector.walk(body, base)
    for part_el in footers:
        collector.walk(part_el, replace(base, area=BlockKind.FOOTER))
    blocks = _dedupe_headers(collector.blocks)

    if not blocks:
        if collector.has_images or next(body.iter(f"{{{_A_NS}}}blip"), None) is not None:
            raise NoTextLayerError("The DOCX holds only images and no text (a scanned or pasted-in CV?)")
        raise EmptyDocumentError("The DOCX contains no text")
    app = _app_properties(document)
    pages = 1
    try:
        pages = max(1, int(app.get("Pages") or 1))
    except ValueError:
        pass
    application = app.get("Application") or None
    metadata = DocumentMetadata(format="docx", pages=pages, producer=application, creator=application)
    logger.debug("docx: %d blocks, %d hidden", len(blocks), sum(b.hidden for b in blocks))
    return ParsedDocument(blocks=blocks, metadata=metadata, warnings=collector.warnings)


def _open(data: bytes) -> DocxDocument:
    """Open the package with python-docx, turning its errors into CorruptDocumentError."""
    import docx  # imported here: python-docx is only needed for DOCX files

    try:
        return docx.Document(io.BytesIO(data))
    except ValueError as exc:
        found = re.search(r"content type is '([^']*)'", str(exc))
        what = f" (its main part is {found.group(1)})" if found else f" ({exc})"
        raise CorruptDocumentError(f"The file is an Office package but not a Word document{what}") from exc
    except KeyError as exc:
        raise CorruptDocumentError(
            f"The DOCX is missing a required part ({exc}); it is damaged or not a Word document"
        ) from exc
    except etree.XMLSyntaxError as exc:
        if "Excessive depth" in str(exc):  # lxml's nesting guard (256 levels without huge_tree)
            raise CorruptDocumentError("The DOCX XML is nested too deeply to read (over 256 levels)") from exc
        raise CorruptDocumentError(f"The DOCX contains malformed XML: {exc}") from exc
    except zipfile.BadZipFile as exc:
        raise CorruptDocumentError(f"The DOCX is not a readable zip archive: {exc}") from exc
    except (MemoryError, RecursionError):
        raise
    except Exception as exc:  # python-docx on a malformed package: anything can happen
        raise CorruptDocumentError(
            f"The DOCX package is malformed and cannot be opened ({type(exc).__name__}: {exc})"
        ) from exc


def _styles_element(document: DocxDocument) -> etree._Element | None:
    """The ``w:styles`` root, None when the package has no usable styles part."""
    try:
        part = document.part.part_related_by(_RT_STYLES)
    except KeyError:
        return None
    element = getattr(part, "element", None)  # a styles part of the wrong content type has no tree
    if element is not None and element.getroottree().docinfo.internalDTD is not None:
        raise CorruptDocumentError("The DOCX styles part declares a DTD; refused")
    return element


def _header_footer_parts(
    document: DocxDocument, body: etree._Element
) -> tuple[list[etree._Element], list[etree._Element]]:
    """Header and footer roots of every section, each part once, in section order."""
    headers: list[etree._Element] = []
    footers: list[etree._Element] = []
    seen: set[str] = set()
    related = document.part.related_parts
    order = {"default": 0, "first": 1, "even": 2}
    for sect in body.iter(_w("sectPr")):
        for tag, bucket in (("headerReference", headers), ("footerReference", footers)):
            refs = sorted(sect.findall(_w(tag)), key=lambda ref: order.get(ref.get(_w("type")) or "default", 3))
            for ref in refs:
                rid = ref.get(f"{{{_R_NS}}}id")
                part = related.get(rid) if rid else None
                if part is None or str(part.partname) in seen:
                    continue
                seen.add(str(part.partname))
                element = getattr(part, "element", None)
                if element is None:
                    continue
                if element.getroottree().docinfo.internalDTD is not None:
                    raise CorruptDocumentError("A DOCX header or footer declares a DTD; refused")
                bucket.append(element)
    return headers, footers


def _dedupe_headers(blocks: list[Block]) -> list[Block]:
    """Drop header/footer blocks repeated by later sections."""
    out: list[Block] = []
    seen: set[tuple[BlockKind, str, bool]] = set()
    for block in blocks:
        if block.kind in (BlockKind.HEADER, BlockKind.FOOTER):
            key = (block.kind, block.text, block.hidden)
            if key in seen:
                continue
            seen.add(key)
        out.append(block)
    return out


def _app_properties(document: DocxDocument) -> dict[str, str]:
    """Text fields of docProps/app.xml (Application, Pages...), empty when absent."""
    try:
        for rel in document.part.package.rels.values():
            if rel.reltype == _RT_APP and not rel.is_external:
                root = etree.fromstring(rel.target_part.blob, _SAFE_PARSER)
                return {etree.QName(el).localname: (el.text or "").strip()
                        for el in root if isinstance(el.tag, str) and len(el) == 0}
    except (etree.XMLSyntaxError, KeyError, AttributeError, ValueError):
        logger.debug("docx: app.xml unreadable", exc_info=True)
    return {}
