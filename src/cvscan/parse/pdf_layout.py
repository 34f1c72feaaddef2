"""Geometry for the PDF parser: characters to lines, columns, and blocks in reading order.

The PDF device in :mod:`cvscan.parse.pdf` collects positioned characters (top-left origin,
points). This module turns them into blocks a person would read:

1. ``mark_hidden``: flag characters nobody can see (white on white, render mode 3, tiny,
   off the page).
2. ``build_segments``: characters on one baseline, split at wide gaps and where hidden
   status changes.
3. ``page_regions``: find column gutters from the x-distribution of segments and order
   the page as full-width bands and columns (``Region``), each holding ``Line`` objects.
4. ``region_blocks``: split each region's lines into blocks (headings, paragraphs, list
   items) from vertical gaps, style changes, bullets and where lines end.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..document import BlockKind, HiddenReason

__all__ = [
    "Char",
    "FontStyle",
    "Line",
    "PageContent",
    "RawBlock",
    "Region",
    "Segment",
    "Shape",
    "build_segments",
    "estimate_leading",
    "make_lines",
    "mark_hidden",
    "page_regions",
    "region_blocks",
]

RGB = tuple[float, float, float]
Box = tuple[float, float, float, float]

SEG_GAP_EM = 1.0  # a horizontal gap wider than this (in font sizes) splits a segment
SPACE_GAP_EM = 0.12  # a gap wider than this between two glyphs is a word space
MIN_GUTTER = 9.0  # points; narrowest whitespace strip accepted as a column gutter
BULLET_GLYPHS = frozenset("•▪■□◦●○►▶▸‣⁃∙·–—-*✓✔➢➤→»◆◇♦❖⦁⚫◾◽✦✧☐❑")
UNMAPPED = "\ufffd"  # stands for a glyph with no Unicode mapping
_NUMBERED = re.compile(r"^(?:\d{1,2}[.)]|[a-h][.)]|[A-H]\))\s")


@dataclass(frozen=True, slots=True)
class FontStyle:
    """What the parser needs to know about a font."""

    bold: bool = False
    italic: bool = False
    symbolic: bool = False  # Symbol, Wingdings, Dingbats: glyphs used as bullets


class Char:
    """One glyph on the page, in points with the origin at the top-left corner."""

    __slots__ = ("baseline", "bottom", "color", "hidden", "render", "seq", "size", "style",
                 "text", "top", "upright", "x0", "x1")

    def __init__(self, text: str, x0: float, top: float, x1: float, bottom: float,
                 baseline: float, size: float, style: FontStyle, color: RGB | None,
                 render: int, seq: int, upright: bool = True) -> None:
        self.text = text
        self.x0, self.top, self.x1, self.bottom = x0, top, x1, bottom
        self.baseline = baseline
        self.size = size
        self.style = style
        self.color = color
        self.render = render
        self.seq = seq
        self.upright = upright
        self.hidden: HiddenReason | None = None


@dataclass(slots=True)
class Shape:
    """A filled path or an image (``color`` None) that text may sit on."""

    x0: float
    top: float
    x1: float
    bottom: float
    color: RGB | None
    seq: int


@dataclass
class PageContent:
    """Everything the device collected on one page."""

    number: int
    width: float
    height: float
    crop: Box
    chars: list[Char] = field(default_factory=list)
    shapes: list[Shape] = field(default_factory=list)
    marks: list[Box] = field(default_factory=list)  # small filled shapes: drawn bullets
    images: int = 0
    paths: int = 0
    truncated: bool = False


# --------------------------------------------------------------------------- hidden text

def _light(color: RGB | None) -> bool:
    return color is not None and 0.299 * color[0] + 0.587 * color[1] + 0.114 * color[2] >= 0.6


def _background(char: Char, shapes: Sequence[Shape]) -> Shape | None:
    cx, cy = (char.x0 + char.x1) / 2, (char.top + char.bottom) / 2
    best: Shape | None = None
    for shape in shapes:
        if shape.seq > char.seq:
            break
        if shape.x0 <= cx <= shape.x1 and shape.top <= cy <= shape.bottom:
            best = shape
    return best


def mark_hidden(page: PageContent) -> None:
    """Set ``Char.hidden`` for glyphs a reader cannot see."""
    cx0, ctop, cx1, cbottom = page.crop
    shapes = sorted(page.shapes, key=lambda s: s.seq)
    images = [s for s in shapes if s.color is None]
    # OCR'd scans, and PDFs that draw glyphs as outlines, put an invisible text layer over
    # the picture of the text: that layer is what a reader sees, so it is not hidden.
    invisible = sum(1 for ch in page.chars if ch.render in (3, 7))
    text_layer = invisible >= 0.9 * len(page.chars) and (page.images > 0 or page.paths >= 50)
    for ch in page.chars:
        mx, my = (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2
        if ch.render in (3, 7):
            if not text_layer and not any(s.x0 <= mx <= s.x1 and s.top <= my <= s.bottom for s in images):
                ch.hidden = HiddenReason.INVISIBLE_RENDER
        elif mx < cx0 - 1 or mx > cx1 + 1 or my < ctop - 1 or my > cbottom + 1:
            ch.hidden = HiddenReason.OFF_PAGE
        elif ch.size < 2.0 and ch.text.strip():
            ch.hidden = HiddenReason.TINY_FONT
        elif _light(ch.color):
            bg = _background(ch, shapes)
            if bg is None or bg.color is not None:
                back = (1.0, 1.0, 1.0) if bg is None else bg.color
                assert ch.color is not None and back is not None
                if max(abs(a - b) for a, b in zip(ch.color, back)) <= 0.12:
                    ch.hidden = HiddenReason.WHITE_TEXT


# --------------------------------------------------------------------------- segments

class Segment:
    """Glyphs on one baseline with no wide gap between them, all equally hidden or not."""

    __slots__ = ("baseline", "bottom", "chars", "hidden", "size", "text", "top", "x0", "x1")

    def __init__(self, chars: list[Char]) -> None:
        self.chars = chars
        self.x0 = chars[0].x0
        self.x1 = max(c.x1 for c in chars)
        self.top = min(c.top for c in chars)
        self.bottom = max(c.bottom for c in chars)
        self.baseline = chars[0].baseline
        self.size = max(c.size for c in chars)
        self.hidden = chars[0].hidden
        self.text = _chars_text(chars)


def _chars_text(chars: Sequence[Char]) -> str:
    out: list[str] = []
    prev: Char | None = None
    for ch in chars:
        if prev is not None and ch.text != " " and prev.text != " " \
                and ch.x0 - prev.x1 > SPACE_GAP_EM * max(ch.size, prev.size):
            out.append(" ")
        out.append(ch.text)
        prev = ch
    return "".join(out)


def _baseline_groups(chars: list[Char]) -> list[list[Char]]:
    chars = sorted(chars, key=lambda c: c.baseline)
    groups: list[list[Char]] = []
    current: list[Char] = []
    base = tol = 0.0
    for ch in chars:
        if current and ch.baseline - base <= tol:
            current.append(ch)
            tol = max(tol, 0.35 * ch.size)
        else:
            if current:
                groups.append(current)
            current, base, tol = [ch], ch.baseline, max(1.0, 0.35 * ch.size)
    if current:
        groups.append(current)
    return groups


def build_segments(chars: list[Char]) -> list[Segment]:
    """Group characters into segments, dropping overprinted duplicates (fake bold)."""
    segments: list[Segment] = []
    upright = [c for c in chars if c.upright and c.text]
    for group in _baseline_groups(upright):
        by_status: dict[HiddenReason | None, list[Char]] = {}
        for ch in group:
            by_status.setdefault(ch.hidden, []).append(ch)
        for run in by_status.values():
            run.sort(key=lambda c: c.x0)
            current: list[Char] = []
            for ch in run:
                if current:
                    prev = current[-1]
                    if ch.text == prev.text and abs(ch.x0 - prev.x0) < 0.6:
                        continue
                    if ch.x0 - prev.x1 > SEG_GAP_EM * max(ch.size, prev.size, 4.0):
                        segments.append(Segment(current))
                        current = []
                current.append(ch)
            if current:
                segments.append(Segment(current))
    # Rotated text: keep it, one segment per run of glyphs drawn together.
    rotated = [c for c in chars if not c.upright and c.text]
    run_chars: list[Char] = []
    for ch in rotated:
        if run_chars and (ch.seq != run_chars[-1].seq or ch.hidden != run_chars[-1].hidden):
            segments.append(Segment(run_chars))
            run_chars = []
        run_chars.append(ch)
    if run_chars:
        segments.append(Segment(run_chars))
    return [s for s in segments if s.text.strip()]


# --------------------------------------------------------------------------- lines

class Line:
    """A line of text inside one region (column or band), with the style facts blocks need."""

    __slots__ = ("baseline", "bold", "bottom", "bullet", "color", "first_word", "hidden",
                 "italic", "numbered", "segments", "size", "space_w", "text", "text_x0", "top",
                 "x0", "x1")

    def __init__(self, segments: list[Segment]) -> None:
        self.segments = segments
        chars = [c for s in segments for c in s.chars]
        self.x0 = segments[0].x0
        self.x1 = max(s.x1 for s in segments)
        self.top = min(s.top for s in segments)
        self.bottom = max(s.bottom for s in segments)
        self.baseline = max(segments, key=lambda s: len(s.chars)).baseline
        self.hidden = segments[0].hidden
        inked = [c for c in chars if c.text != " "] or chars
        sizes: dict[float, int] = {}
        colors: dict[RGB | None, int] = {}
        bold = italic = 0
        space_w = 0.0
        for c in chars:
            if c.text == " ":
                if not space_w and c.x1 > c.x0:
                    space_w = c.x1 - c.x0
                continue
            key = round(c.size * 2) / 2
            sizes[key] = sizes.get(key, 0) + 1
            colors[c.color] = colors.get(c.color, 0) + 1
            bold += c.style.bold
            italic += c.style.italic
        n = max(1, len(chars) - sum(1 for c in chars if c.text == " "))
        self.size = max(sizes, key=sizes.__getitem__) if sizes else round(chars[0].size * 2) / 2
        self.color = max(colors, key=colors.__getitem__) if colors else chars[0].color
        self.bold = bold / n
        self.italic = italic / n
        self.space_w = space_w or 0.25 * self.size
        self.bullet = False
        text = " ".join(s.text.strip() for s in segments)
        # A bullet glyph: a symbol first, set apart from the text after it.
        first = inked[0]
        after = next((c for c in inked[1:]), None)
        if (first.text in BULLET_GLYPHS or first.text == UNMAPPED or first.style.symbolic
                or "\ue000" <= first.text <= "\uf8ff") and after is not None \
                and after.x0 - first.x1 > 0.15 * self.size:
            self.bullet = True
            text = text.lstrip()[len(first.text):].lstrip()
            self.text_x0 = after.x0
            inked = inked[1:]
        else:
            self.text_x0 = first.x0
        self.text = text
        self.numbered = bool(_NUMBERED.match(text))
        # Width of the first word: would it have fitted on the line before?
        word_end = inked[0].x1
        prev = inked[0]
        for ch in chars[chars.index(inked[0]) + 1:]:
            if ch.text == " " or ch.x0 - prev.x1 > SPACE_GAP_EM * ch.size:
                break
            word_end, prev = ch.x1, ch
        self.first_word = word_end - self.text_x0

    def __repr__(self) -> str:
        return f"<Line {self.x0:.0f},{self.top:.0f} {self.text[:40]!r}>"


def make_lines(segments: Iterable[Segment]) -> list[Line]:
    """Merge segments on a shared baseline into lines (hidden ones stay separate)."""
    segs = list(segments)
    lines: list[Line] = []
    # Group segments by baseline, reusing the char grouping on each segment's first glyph.
    by_first = {id(s.chars[0]): s for s in segs}
    for group in _baseline_groups([s.chars[0] for s in segs]):
        members = sorted((by_first[id(c)] for c in group), key=lambda s: s.x0)
        current: list[Segment] = []
        for seg in members:
            if current and seg.hidden != current[-1].hidden:
                lines.append(Line(current))
                current = []
            current.append(seg)
        if current:
            lines.append(Line(current))
    lines.sort(key=lambda ln: (ln.baseline, ln.x0))
    return lines


# --------------------------------------------------------------------------- columns

@dataclass
class Region:
    """Lines read together: one column of a band, or a full-width band."""

    lines: list[Line]
    column: int = 0
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0


def _find_gutter(segs: Sequence[Segment]) -> tuple[float, float] | None:
    """Find the most convincing vertical whitespace strip splitting ``segs`` into columns."""
    if len(segs) < 6:
        return None
    xmin = min(s.x0 for s in segs)
    xmax = max(s.x1 for s in segs)
    width = int(xmax - xmin) + 2
    if not 3 * MIN_GUTTER <= width <= 20_000:  # too narrow to split, or not a sane page
        return None
    diff = [0] * (width + 2)
    for s in segs:
        diff[int(s.x0 - xmin)] += 1
        diff[min(width + 1, int(s.x1 - xmin) + 1)] -= 1
    cover: list[int] = []
    level = 0
    for i in range(width + 1):
        level += diff[i]
        cover.append(level)
    # Prefer a strip no segment crosses; then allow a few crossings (a full-width title).
    for allowed in range(0, max(1, len(segs) // 12) + 1):
        best: tuple[int, float, float, float] | None = None
        start = -1
        for i, c in enumerate(cover + [allowed + 1]):
            if c <= allowed:
                if start < 0:
                    start = i
                continue
            if start < 0:
                continue
            a, b, start = start, i, -1
            if b - a < MIN_GUTTER or a == 0:
                continue
            g0, g1 = xmin + a, xmin + b
            left = sum(1 for s in segs if s.x1 <= g1 + 1)  # may poke into the gutter
            right = sum(1 for s in segs if s.x1 > g1 + 1 and s.x0 >= g0 - 1)
            if left < 3 or right < 3 or len(segs) - left - right > allowed:
                continue
            if best is None or (min(left, right), b - a) > best[:2]:
                best = (min(left, right), b - a, g0, g1)
        if best is not None:
            return best[2], best[3]
    return None


def _is_columns(left: list[Segment], right: list[Segment]) -> bool:
    """Decide whether two sides of a gutter are columns (read one after the other) or the
    cells of rows (a table, or dates set against job titles) read line by line."""
    if not left or not right:
        return True
    small, large = (left, right) if len(left) <= len(right) else (right, left)

    def partnered(side: list[Segment], other: list[Segment]) -> float:
        bases = sorted(s.baseline for s in other)
        hits = 0
        for s in side:
            i = bisect.bisect_left(bases, s.baseline - 0.4 * s.size)
            hits += i < len(bases) and bases[i] <= s.baseline + 0.4 * s.size
        return hits / len(side)

    small_rows = partnered(small, large)
    if small_rows < 0.6:
        return True
    base = sorted({round(s.baseline, 1) for s in small})
    gaps = [b - a for a, b in zip(base, base[1:])]
    size = sorted(s.size for s in small)[len(small) // 2]
    sparse = bool(gaps) and sorted(gaps)[len(gaps) // 2] > 2.2 * size
    if sparse:
        return False
    return not (partnered(large, small) >= 0.6 and len(large) <= 10)


def _bounds(segs: Sequence[Segment]) -> Box:
    return (min(s.x0 for s in segs), min(s.top for s in segs),
            max(s.x1 for s in segs), max(s.bottom for s in segs))


def _layout(segs: list[Segment], depth: int) -> list[tuple[list[Segment], int]]:
    """Order segments into (segments, column) groups, splitting at gutters recursively."""
    gutter = _find_gutter(segs) if depth < 3 else None
    if gutter is None:
        return [(segs, 0)]
    g0, g1 = gutter
    out: list[tuple[list[Segment], int]] = []
    band_left: list[Segment] = []
    band_right: list[Segment] = []
    spanning: list[Segment] = []

    def flush_band() -> None:
        if not band_left and not band_right:
            return
        if _is_columns(band_left, band_right):
            left_parts = _layout(list(band_left), depth + 1) if band_left else []
            shift = 1 + max((c for _, c in left_parts), default=-1)
            out.extend(left_parts)
            if band_right:
                out.extend((part, col + shift) for part, col in _layout(list(band_right), depth + 1))
        else:
            out.append((band_left + band_right, 0))
        band_left.clear()
        band_right.clear()

    for seg in sorted(segs, key=lambda s: s.top):
        if seg.x1 <= g1 + 1:
            if spanning:
                out.append((spanning[:], 0))
                spanning.clear()
            band_left.append(seg)
        elif seg.x0 >= g0 - 1:
            if spanning:
                out.append((spanning[:], 0))
                spanning.clear()
            band_right.append(seg)
        else:
            flush_band()
            spanning.append(seg)
    flush_band()
    if spanning:
        out.append((spanning, 0))
    return out


def page_regions(body: list[Segment], hidden: list[Segment]) -> list[Region]:
    """Split a page's body into regions in reading order; hidden segments join the region
    they sit in (or a final region) but never influence the layout."""
    parts = _layout(sorted(body, key=lambda s: s.top), 0) if body else []
    boxes = [_bounds(segs) for segs, _ in parts]
    members: list[list[Segment]] = [list(segs) for segs, _ in parts]
    leftovers: list[Segment] = []
    for seg in hidden:
        cx, cy = (seg.x0 + seg.x1) / 2, (seg.top + seg.bottom) / 2
        inside = [i for i, b in enumerate(boxes) if b[0] - 2 <= cx <= b[2] + 2]
        home = next((i for i in inside if boxes[i][1] - 2 <= cy <= boxes[i][3] + 2), None)
        if home is None and inside:
            home = min(inside, key=lambda i: min(abs(cy - boxes[i][1]), abs(cy - boxes[i][3])))
        if home is None:
            leftovers.append(seg)
        else:
            members[home].append(seg)
    columns = [col for _, col in parts]
    if leftovers:
        members.append(leftovers)
        columns.append(0)
    regions: list[Region] = []
    for segs, col in zip(members, columns):
        x0, top, x1, bottom = _bounds(segs)
        regions.append(Region(make_lines(segs), col, x0, x1, top, bottom))
    return regions


# --------------------------------------------------------------------------- blocks

@dataclass
class RawBlock:
    """Lines that form one block, before its text is normalised."""

    lines: list[Line]
    kind: BlockKind
    column: int


def estimate_leading(regions: Iterable[Region]) -> float:
    """Typical baseline-to-baseline distance as a multiple of the font size."""
    ratios: list[float] = []
    for region in regions:
        lines = [ln for ln in region.lines if ln.hidden is None]
        for a, b in zip(lines, lines[1:]):
            pitch = b.baseline - a.baseline
            if abs(a.size - b.size) < 0.3 and 0.8 * a.size < pitch < 2.2 * a.size:
                ratios.append(pitch / a.size)
    if len(ratios) < 3:
        return 1.2
    ratios.sort()
    return ratios[len(ratios) // 3]


def _pure_change(a: float, b: float) -> bool:
    return (a >= 0.8 and b <= 0.2) or (a <= 0.2 and b >= 0.8)


def _color_change(a: RGB | None, b: RGB | None) -> bool:
    if a is None or b is None:
        return False
    return max(abs(x - y) for x, y in zip(a, b)) > 0.15


def _wrap_width(lines: Sequence[Line]) -> float:
    """Estimate the width lines wrap at: the right edge of lines that start at the margin."""
    if not lines:
        return 0.0
    left = min(ln.x0 for ln in lines)
    right = max(ln.x1 for ln in lines)
    sizes = sorted(ln.size for ln in lines)
    median = sizes[len(sizes) // 2]
    edges = [ln.x1 for ln in lines if ln.x0 <= left + 0.3 * (right - left) and ln.size <= 1.3 * median]
    return max(edges, default=right)


_SEPARATORS = ("|", ",", ";", "\u00b7", "\u2022", "/", "-", "\u2013", "\u2014", ":")
_LABEL = re.compile(r"^[A-Z][\w&/+#. -]{0,28}:\s+\S")
_MINOR_WORDS = frozenset("a an and as at by for in of on or the to with & -".split())
_PHONE = re.compile(r"[+(]?\d[\d ().-]{6,}\d")


def _standalone(line: Line) -> bool:
    """An e-mail address, link or phone number alone on its line: always its own block."""
    text = line.text.strip()
    if " " not in text:
        return "@" in text or "/" in text or text.lower().startswith("www.")
    return _PHONE.fullmatch(text) is not None


def _is_heading(lines: list[Line], body_size: float, alone: bool) -> bool:
    text = " ".join(ln.text for ln in lines).strip()
    words = text.split()
    if not words or len(lines) > 3 or len(words) > 14 or text.endswith((".", ",", ";")):
        return False
    size = max(ln.size for ln in lines)
    letters = [c for c in text if c.isalpha()]
    if size >= body_size * 1.15 + 0.3:
        return True
    if sum(ln.bold * len(ln.text) for ln in lines) / max(1, len(text)) >= 0.8 and len(words) <= 12:
        return True
    if len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.9 * len(letters) \
            and len(words) <= 6 and "," not in text:
        return True
    title_case = all(w[0].isupper() or w.lower() in _MINOR_WORDS for w in words)
    return alone and len(lines) == 1 and len(words) <= 4 and title_case \
        and not any(ch.isdigit() or ch in "@|/:,;" for ch in text)


def region_blocks(region: Region, leading: float, body_size: float) -> list[RawBlock]:
    """Split a region's lines into blocks and decide each block's kind."""
    lines = region.lines
    if not lines:
        return []
    wrap_at = _wrap_width([ln for ln in lines if ln.hidden is None])
    groups: list[list[Line]] = []
    starts: list[str] = []  # why each group started: first, gap, style, bullet, break
    for ln in lines:
        reason = "first"
        if groups:
            block = groups[-1]
            prev = block[-1]
            in_list = starts[-1] == "break" or (len(starts) > 1 and starts[-2] == "break")
            reason = _split_reason(block, prev, ln, leading, wrap_at, in_list)
        if reason:
            groups.append([ln])
            starts.append(reason)
        else:
            groups[-1].append(ln)
    out: list[RawBlock] = []
    for i, group in enumerate(groups):
        bullet = group[0].bullet or group[0].numbered
        gap_before = starts[i] in ("first", "gap")
        gap_after = i + 1 >= len(groups) or starts[i + 1] == "gap"
        if bullet:
            kind = BlockKind.LIST_ITEM
        elif group[0].hidden is not None:
            kind = BlockKind.PARAGRAPH  # hidden text is reported, never structure
        elif _is_heading(group, body_size, gap_before and gap_after):
            kind = BlockKind.HEADING
        elif _glyphless_item(groups, starts, i):
            kind = BlockKind.LIST_ITEM
        else:
            kind = BlockKind.PARAGRAPH
        out.append(RawBlock(group, kind, region.column))
    return out


def _split_reason(block: list[Line], prev: Line, ln: Line, leading: float, wrap_at: float,
                  in_list: bool) -> str:
    """Return why ``ln`` starts a new block after ``prev`` ('' to continue the block).

    ``in_list`` says the lines around are already known to be glyphless list items, so a
    sentence ending a line is enough to end an item.
    """
    if ln.hidden != prev.hidden:
        return "style"
    if ln.bullet or ln.numbered:
        return "bullet"
    pitch = ln.baseline - prev.baseline
    size = max(ln.size, prev.size)
    if pitch > leading * size * 1.3 + 1.0 or pitch < 0.5 * min(ln.size, prev.size):
        return "gap"
    if abs(ln.size - prev.size) > max(1.0, 0.12 * size) or _pure_change(prev.bold, ln.bold) \
            or _pure_change(prev.italic, ln.italic) or _color_change(prev.color, ln.color):
        return "style"
    if _standalone(prev) or (_standalone(ln) and not prev.text.rstrip().endswith(_SEPARATORS)):
        return "break"
    if _LABEL.match(ln.text) and not prev.text.rstrip().endswith((",", ":", "&", "/")):
        return "break"  # "Languages: Python, SQL" lines
    hyphenated = prev.text.endswith(("-", "\u00ad"))
    if not hyphenated and prev.x1 + prev.space_w + ln.first_word < wrap_at - 0.5:
        return "break"  # the next word would have fitted: the line break was deliberate
    first = block[0]
    margin = min(first.text_x0 if first.bullet else first.x0, *(b.x0 for b in block[1:]), prev.x0)
    if len(block) >= 2 and ln.x0 < prev.x0 - 2:
        return "break"  # out-dent after a hanging indent: a new item
    if in_list and not first.bullet and prev.text.rstrip().endswith((".", "!", "?")) \
            and ln.text[:1].isupper() and ln.x0 <= margin + 2:
        return "break"
    if len(block) >= 2 and ln.x0 > prev.x0 + 3 and abs(prev.x0 - block[1].x0) < 1:
        return "break"  # deeper indent mid-block: a sub-item
    return ""


def _glyphless_item(groups: list[list[Line]], starts: list[str], i: int) -> bool:
    """A block without a bullet glyph that is still one item of a list."""
    group = groups[i]
    if len(group) >= 2 and group[1].x0 - group[0].x0 >= 3 and group[0].hidden is None:
        return True  # hanging indent
    words = sum(len(ln.text.split()) for ln in group)
    if words < 4:
        return False

    def sibling(j: int) -> bool:
        return 0 <= j < len(groups) and sum(len(ln.text.split()) for ln in groups[j]) >= 4 \
            and abs(groups[j][0].x0 - group[0].x0) <= 2 and not groups[j][0].bullet

    return (starts[i] == "break" and sibling(i - 1)) or \
        (i + 1 < len(groups) and starts[i + 1] == "break" and sibling(i + 1))
