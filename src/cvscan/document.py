"""The parsed form of a CV: text in reading order, split into styled blocks.

Every parser (PDF, DOCX, text) produces the same :class:`Document`, so later stages never
need to know which format a CV came in.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

__all__ = [
    "Block",
    "BlockKind",
    "Contact",
    "ContactItem",
    "Document",
    "DocumentMetadata",
    "DocumentWarning",
    "HiddenReason",
    "ParseLimits",
    "Section",
]


class BlockKind(str, enum.Enum):
    """What a block is on the page."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_CELL = "table_cell"
    HEADER = "header"
    FOOTER = "footer"


class Section(str, enum.Enum):
    """Canonical CV sections that headings are mapped to."""

    CONTACT = "contact"
    SUMMARY = "summary"
    EXPERIENCE = "experience"
    EDUCATION = "education"
    SKILLS = "skills"
    PROJECTS = "projects"
    CERTIFICATIONS = "certifications"
    PUBLICATIONS = "publications"
    AWARDS = "awards"
    INTERESTS = "interests"
    REFERENCES = "references"
    OTHER = "other"


class HiddenReason(str, enum.Enum):
    """Why a block is invisible to a human reader."""

    WHITE_TEXT = "white_text"  # filled in white or near-white on a white page
    INVISIBLE_RENDER = "invisible_render"  # PDF text render mode 3 (or 7)
    TINY_FONT = "tiny_font"  # below 2 pt
    OFF_PAGE = "off_page"  # outside the page box
    WORD_HIDDEN = "word_hidden"  # Word's hidden font attribute (w:vanish)


BBox = tuple[float, float, float, float]
"""(x0, top, x1, bottom) in points, origin at the top-left corner of the page."""

RGB = tuple[float, float, float]
"""A colour as red, green, blue in 0..1."""


@dataclass(frozen=True, slots=True)
class Block:
    """A contiguous piece of text: a heading, paragraph, bullet, table cell, header or footer.

    ``section`` is filled in by section detection after parsing; parsers leave it as
    ``Section.OTHER``. In a PDF block, lines are joined with spaces and hyphenation at
    line ends is undone.
    """

    text: str
    kind: BlockKind = BlockKind.PARAGRAPH
    page: int = 1
    bbox: BBox | None = None
    font_size: float | None = None
    bold: bool = False
    color: RGB | None = None
    hidden: bool = False
    hidden_reason: HiddenReason | None = None
    section: Section = Section.OTHER
    column: int = 0

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "kind": self.kind.value,
            "page": self.page,
            "bbox": list(self.bbox) if self.bbox else None,
            "font_size": self.font_size,
            "bold": self.bold,
            "color": list(self.color) if self.color else None,
            "hidden": self.hidden,
            "hidden_reason": self.hidden_reason.value if self.hidden_reason else None,
            "section": self.section.value,
            "column": self.column,
        }


@dataclass(frozen=True, slots=True)
class DocumentWarning:
    """Something a reader of the report should know, e.g. a page with no text layer."""

    code: str
    message: str
    page: int | None = None

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code, "message": self.message, "page": self.page}


@dataclass(frozen=True, slots=True)
class DocumentMetadata:
    """Facts about the file itself."""

    format: str  # "pdf", "docx" or "txt"
    pages: int
    producer: str | None = None
    creator: str | None = None
    encoding: str | None = None  # text files: the encoding the bytes were decoded with

    def to_dict(self) -> dict[str, object]:
        return {
            "format": self.format,
            "pages": self.pages,
            "producer": self.producer,
            "creator": self.creator,
            "encoding": self.encoding,
        }


@dataclass(frozen=True, slots=True)
class ContactItem:
    """One contact detail and where it was found: "body", "header" or "footer"."""

    value: str
    found_in: str = "body"
    page: int = 1

    def to_dict(self) -> dict[str, object]:
        return {"value": self.value, "found_in": self.found_in, "page": self.page}


@dataclass(frozen=True, slots=True)
class Contact:
    """Contact details extracted from a CV. ``links`` are profile URLs (LinkedIn, GitHub...)."""

    name: ContactItem | None = None
    email: ContactItem | None = None
    phone: ContactItem | None = None
    location: ContactItem | None = None
    links: tuple[ContactItem, ...] = ()

    def items(self) -> list[tuple[str, ContactItem]]:
        """All details found, as (field, item) pairs."""
        out = [(name, item) for name in ("name", "email", "phone", "location")
               if (item := getattr(self, name)) is not None]
        out.extend(("link", link) for link in self.links)
        return out

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name.to_dict() if self.name else None,
            "email": self.email.to_dict() if self.email else None,
            "phone": self.phone.to_dict() if self.phone else None,
            "location": self.location.to_dict() if self.location else None,
            "links": [link.to_dict() for link in self.links],
        }


@dataclass(frozen=True, slots=True)
class ParseLimits:
    """Limits that keep hostile or huge files from exhausting time or memory.

    ``max_bytes``: size of the file itself. ``max_pages``: PDF pages. ``max_decompressed_bytes``:
    total size of the parts inside a DOCX zip (zip-bomb guard). ``max_chars``: text kept.
    """

    max_bytes: int = 20 * 1024 * 1024
    max_pages: int = 30
    max_decompressed_bytes: int = 200 * 1024 * 1024
    max_chars: int = 1_000_000

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_pages", "max_decompressed_bytes", "max_chars"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise ValueError(f"ParseLimits.{name} must be a positive integer, got {value!r}")


@dataclass(frozen=True)
class Document:
    """A parsed CV.

    ``text`` is the visible text in reading order (blocks joined by blank lines);
    ``blocks`` keeps every block, hidden ones included and flagged, so later stages can
    report hidden text and refuse to credit it.
    """

    blocks: tuple[Block, ...]
    metadata: DocumentMetadata
    warnings: tuple[DocumentWarning, ...] = ()
    contact: Contact = field(default_factory=Contact)
    path: str | None = None
    sha256: str | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks if not b.hidden)

    @property
    def hidden_blocks(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.hidden)

    @property
    def format(self) -> str:
        return self.metadata.format

    @property
    def pages(self) -> int:
        return self.metadata.pages

    def sections(self) -> dict[Section, list[Block]]:
        """Visible blocks grouped by canonical section, in reading order."""
        grouped: dict[Section, list[Block]] = {}
        for block in self.blocks:
            if not block.hidden:
                grouped.setdefault(block.section, []).append(block)
        return grouped

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "sha256": self.sha256,
            "metadata": self.metadata.to_dict(),
            "contact": self.contact.to_dict(),
            "warnings": [w.to_dict() for w in self.warnings],
            "blocks": [b.to_dict() for b in self.blocks],
        }
