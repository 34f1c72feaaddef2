"""What every format parser returns before sections and contact details are added."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Block, DocumentMetadata, DocumentWarning

__all__ = ["ParsedDocument"]


@dataclass
class ParsedDocument:
    """Blocks in reading order, file metadata and warnings, straight from a parser."""

    blocks: list[Block]
    metadata: DocumentMetadata
    warnings: list[DocumentWarning] = field(default_factory=list)
