"""Render CV content to a real PDF with reportlab platypus (for scoring and flag tests).

``render_cv`` takes (kind, text) pairs, e.g. taken from a parsed sample CV, so tests can
make variants of one CV: with a keyword dump added, with a hidden white keyword block.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

from cvscan import load_document
from cvscan.document import BlockKind

Item = tuple[str, str]  # (kind, text): kind is "heading", "paragraph", "bullet" or "hidden"

_BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13)
_HEADING = ParagraphStyle("heading", fontName="Helvetica-Bold", fontSize=13, leading=17, spaceBefore=6)
_HIDDEN = ParagraphStyle("hidden", parent=_BODY, textColor=colors.white)


def render_cv(path: Path, items: Sequence[Item]) -> Path:
    """Write ``items`` as a one-column PDF; "hidden" items are drawn in white."""
    story: list[object] = []
    for kind, text in items:
        safe = escape(text)
        if kind == "heading":
            story.append(Paragraph(safe, _HEADING))
        elif kind == "bullet":
            story.append(ListFlowable([ListItem(Paragraph(safe, _BODY))], bulletType="bullet", start="•"))
        elif kind == "hidden":
            story.append(Paragraph(safe, _HIDDEN))
        else:
            story.append(Paragraph(safe, _BODY))
        story.append(Spacer(1, 3))
    SimpleDocTemplate(str(path), pagesize=A4, title="CV", author="cvscan tests", invariant=1).build(story)
    return path


def items_from(sample: Path) -> list[Item]:
    """The visible content of a parsed CV as (kind, text) pairs."""
    kinds = {BlockKind.HEADING: "heading", BlockKind.LIST_ITEM: "bullet"}
    return [(kinds.get(b.kind, "paragraph"), b.text) for b in load_document(sample).blocks if not b.hidden]
