"""What every format parser returns, and the budget that bounds how much text it keeps."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Block, DocumentMetadata, DocumentWarning, ParseLimits

__all__ = ["MAX_BLOCKS", "ParsedDocument", "TextBudget"]

#: Blocks a DOCX or text parser keeps; a CV has a few hundred at most.
MAX_BLOCKS = 20_000


@dataclass
class ParsedDocument:
    """Blocks in reading order, file metadata and warnings, straight from a parser."""

    blocks: list[Block]
    metadata: DocumentMetadata
    warnings: list[DocumentWarning] = field(default_factory=list)


@dataclass
class TextBudget:
    """Caps the blocks and characters a parser keeps, with one ``truncated`` warning when it cuts.

    ``what`` names the document in the warning ("The DOCX", "The text").
    """

    limits: ParseLimits
    what: str
    warnings: list[DocumentWarning]
    blocks: int = 0
    chars: int = 0
    truncated: bool = False

    def take(self, text: str) -> str:
        """The part of ``text`` that fits ("" once the budget is spent)."""
        if not text or self.truncated:
            return ""
        if self.blocks >= MAX_BLOCKS:
            self._cut(f"{self.what} has over {MAX_BLOCKS:,} paragraphs; the rest was not read")
            return ""
        room = self.limits.max_chars - self.chars
        if len(text) > room:
            text = text[:max(room, 0)].rstrip()
            self._cut(f"{self.what} text is over {self.limits.max_chars} characters; the rest was not read")
        if text:
            self.blocks += 1
            self.chars += len(text)
        return text

    def _cut(self, message: str) -> None:
        self.truncated = True
        self.warnings.append(DocumentWarning("truncated", message))
