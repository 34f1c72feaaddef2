"""Build small, realistic CV PDFs with reportlab for the PDF parser's tests and benchmark.

Every builder writes a real PDF to ``path`` and returns the path; nothing is mocked. The
layouts mimic what CV tools produce: a sidebar CV with a coloured column, bullet lists
with glyphs, drawn dots or no glyph at all, hidden text tricks, running headers/footers.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from pathlib import Path

import reportlab
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

__all__ = [
    "PAGE_H",
    "PAGE_W",
    "build",
    "glyph_bullets_pdf",
    "glyphless_bullets_pdf",
    "header_footer_pdf",
    "hidden_text_pdf",
    "image_only_pdf",
    "mixed_image_pdf",
    "one_column_pdf",
    "two_column_pdf",
    "unicode_pdf",
    "vera_font",
    "wrap",
]

PAGE_W, PAGE_H = A4
Draw = Callable[[Canvas], None]


def vera_font() -> str:
    """Register reportlab's bundled Vera TrueType fonts (they have ligature glyphs)."""
    base = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
    if "Vera" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Vera", os.path.join(base, "Vera.ttf")))
        pdfmetrics.registerFont(TTFont("Vera-Bold", os.path.join(base, "VeraBd.ttf")))
    return "Vera"


def build(path: str | Path, pages: Sequence[Draw], **canvas_kwargs: object) -> Path:
    """Write a PDF whose pages are drawn by ``pages`` (one callable per page)."""
    path = Path(path)
    canvas = Canvas(str(path), pagesize=A4, **canvas_kwargs)
    canvas.setTitle("Test CV")
    canvas.setCreator("cvscan tests")
    for draw in pages:
        draw(canvas)
        canvas.showPage()
    canvas.save()
    return path


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap, like a word processor."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and pdfmetrics.stringWidth(candidate, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


class _Pen:
    """Writes lines top-down, tracking the y position (reportlab's origin is bottom-left)."""

    def __init__(self, canvas: Canvas, x: float, top: float, width: float) -> None:
        self.c, self.x, self.y, self.width = canvas, x, PAGE_H - top, width

    def text(self, text: str, font: str = "Helvetica", size: float = 10, lead: float = 1.25,
             color: tuple[float, float, float] = (0, 0, 0), dx: float = 0) -> None:
        self.c.setFont(font, size)
        self.c.setFillColorRGB(*color)
        self.c.drawString(self.x + dx, self.y, text)
        self.y -= size * lead

    def para(self, text: str, font: str = "Helvetica", size: float = 10, lead: float = 1.25,
             indent: float = 0, first_dx: float = 0) -> None:
        for i, line in enumerate(wrap(text, font, size, self.width - indent)):
            self.text(line, font, size, lead, dx=(first_dx if i == 0 else indent))

    def bullet(self, text: str, glyph: str | None = "\u2022", font: str = "Helvetica",
               size: float = 10, indent: float = 12, dot: bool = False) -> None:
        lines = wrap(text, font, size, self.width - indent)
        if dot:
            self.c.setFillColorRGB(0.1, 0.1, 0.1)
            self.c.circle(self.x + 3, self.y + size * 0.3, 1.4, stroke=0, fill=1)
        elif glyph:
            self.c.setFont(font, size)
            self.c.setFillColorRGB(0, 0, 0)
            self.c.drawString(self.x, self.y, glyph)
        for line in lines:
            self.text(line, font, size, dx=indent)

    def gap(self, points: float) -> None:
        self.y -= points


SUMMARY = (
    "Machine learning engineer with six years of experience building recommendation and "
    "forecasting systems in Python. I enjoy turning research prototypes into reliable "
    "services and mentoring junior engineers."
)
JOB_BULLETS = [
    "Built a real-time fraud detection model with XGBoost and Kafka that cut chargebacks by 23% "
    "across 4 million monthly transactions.",
    "Migrated 40 batch pipelines from cron to Airflow on Kubernetes, reducing failed runs from "
    "12 a week to fewer than 2.",
    "Led a team of three engineers shipping an end-to-end experimentation platform used by "
    "every product squad.",
]


def one_column_pdf(path: str | Path) -> Path:
    """A plain single-column CV: name, headings, a paragraph, bullets with glyphs."""

    def page(c: Canvas) -> None:
        pen = _Pen(c, 60, 60, PAGE_W - 120)
        pen.text("Alex Morgan", "Helvetica-Bold", 22)
        pen.text("alex.morgan@example.com | +44 7700 900123 | London", size=9.5)
        pen.gap(12)
        pen.text("SUMMARY", "Helvetica-Bold", 12)
        pen.para(SUMMARY)
        pen.gap(10)
        pen.text("EXPERIENCE", "Helvetica-Bold", 12)
        pen.text("Senior ML Engineer, Acme Payments", "Helvetica-Bold", 10.5)
        pen.text("2020 - 2024", "Helvetica-Oblique", 9.5)
        for b in JOB_BULLETS:
            pen.bullet(b)
        pen.gap(10)
        pen.text("EDUCATION", "Helvetica-Bold", 12)
        pen.text("MSc Computer Science, University of Leeds")

    return build(path, [page])


SIDEBAR = [
    ("CONTACT", "h"),
    ("sam.lee@example.com", "t"),
    ("+1 415 555 0100", "t"),
    ("San Francisco, CA", "t"),
    ("SKILLS", "h"),
    ("Languages", "b"),
    ("Python, SQL, Scala", "t"),
    ("Frameworks", "b"),
    ("PyTorch, TensorFlow, scikit-learn", "t"),
    ("Cloud", "b"),
    ("AWS SageMaker, GCP Vertex AI", "t"),
    ("EDUCATION", "h"),
    ("MSc Statistics", "b"),
    ("Stanford University", "t"),
    ("2014 - 2016", "t"),
]


def two_column_pdf(path: str | Path, *, dark_sidebar: bool = False) -> Path:
    """A sidebar CV: a shaded left column (x < 190pt) and a main column; same line pitch."""

    def page(c: Canvas) -> None:
        c.setFillColorRGB(*((0.12, 0.2, 0.35) if dark_sidebar else (0.93, 0.95, 0.96)))
        c.rect(0, 0, 190, PAGE_H, stroke=0, fill=1)
        fg = (1.0, 1.0, 1.0) if dark_sidebar else (0.1, 0.1, 0.1)
        side = _Pen(c, 24, 60, 150)
        for text, kind in SIDEBAR:
            if kind == "h":
                side.gap(6)
                side.text(text, "Helvetica-Bold", 11, color=fg)
            else:
                side.text(text, "Helvetica-Bold" if kind == "b" else "Helvetica", 9, color=fg)
        main = _Pen(c, 215, 60, PAGE_W - 215 - 40)
        main.text("Sam Lee", "Helvetica-Bold", 22)
        main.text("Data Scientist", size=12, color=(0.2, 0.4, 0.6))
        main.gap(8)
        main.text("Profile", "Helvetica-Bold", 12)
        main.para(SUMMARY, size=9)
        main.gap(8)
        main.text("Experience", "Helvetica-Bold", 12)
        main.text("Data Scientist, Brightside Health", "Helvetica-Bold", 9.5)
        for b in JOB_BULLETS:
            main.bullet(b, glyph=None, dot=True, size=9)
        main.gap(8)
        main.text("Projects", "Helvetica-Bold", 12)
        main.para("Open-source churn toolkit with 900 GitHub stars and weekly releases.", size=9)

    return build(path, [page])


def glyph_bullets_pdf(path: str | Path, glyphs: Sequence[str] = ("\u2022", "\u25aa", "\u2013", "-", "*")) -> Path:
    """A list whose multi-line bullets start with assorted glyphs (TrueType font for the glyphs)."""
    font = vera_font()

    def page(c: Canvas) -> None:
        pen = _Pen(c, 60, 60, 380)
        pen.text("Experience", "Vera-Bold", 13)
        for i, glyph in enumerate(glyphs):
            pen.bullet(JOB_BULLETS[i % len(JOB_BULLETS)], glyph=glyph, font=font, size=10)

    return build(path, [page])


def glyphless_bullets_pdf(path: str | Path, *, hanging: bool = False) -> Path:
    """Bullets drawn with no glyph: each item starts at the margin after a sentence ends.

    With ``hanging`` the continuation lines are indented (a hanging indent).
    """

    def page(c: Canvas) -> None:
        pen = _Pen(c, 60, 60, 380)
        pen.text("Experience", "Helvetica-Bold", 13)
        for text in JOB_BULLETS:
            lines = wrap(text, "Helvetica", 10, 380 - (14 if hanging else 0))
            for i, line in enumerate(lines):
                pen.text(line, dx=(14 if hanging and i else 0))

    return build(path, [page])


def hidden_text_pdf(path: str | Path) -> Path:
    """Visible CV text plus each hiding trick: white, invisible mode, tiny, off-page, and
    white text on a dark box (which is visible)."""

    def page(c: Canvas) -> None:
        pen = _Pen(c, 60, 60, 450)
        pen.text("Jordan Blake", "Helvetica-Bold", 20)
        pen.text("EXPERIENCE", "Helvetica-Bold", 12)
        pen.para("Built forecasting models in Python for a retail chain with 80 stores.")
        pen.gap(20)
        pen.text("WhiteKeyword Kubernetes TensorFlow", color=(1, 1, 1))
        pen.gap(20)
        c.saveState()  # the render mode is graphics state: keep it to this text
        t = c.beginText(60, pen.y)
        t.setFont("Helvetica", 10)
        t.setTextRenderMode(3)
        t.textLine("InvisibleKeyword PyTorch Spark")
        c.drawText(t)
        c.restoreState()
        pen.gap(30)
        pen.text("TinyKeyword Airflow Docker", size=1)
        pen.gap(20)
        c.setFillColorRGB(0.05, 0.15, 0.3)
        c.rect(55, pen.y - 6, 300, 22, stroke=0, fill=1)
        pen.text("Banner on navy: Certified Kubernetes Administrator", color=(1, 1, 1))
        pen.gap(20)
        c.setFont("Helvetica", 10)
        c.setFillColorRGB(0, 0, 0)
        c.drawString(PAGE_W + 50, 400, "OffPageKeyword LangChain")
        pen.text("Education", "Helvetica-Bold", 12)
        pen.text("BSc Mathematics, University of Bristol")

    return build(path, [page])


def header_footer_pdf(path: str | Path, pages: int = 3) -> Path:
    """A multi-page CV with a running header and a 'Page N of M' footer on every page."""

    def make(n: int) -> Draw:
        def page(c: Canvas) -> None:
            c.setFont("Helvetica", 8)
            c.setFillColorRGB(0.4, 0.4, 0.4)
            c.drawString(60, PAGE_H - 30, "Riley Chen - Curriculum Vitae")
            c.drawRightString(PAGE_W - 60, 25, f"Page {n} of {pages}")
            pen = _Pen(c, 60, 70, 450)
            if n == 1:
                pen.text("Riley Chen", "Helvetica-Bold", 20)
            pen.text(f"SECTION {n}", "Helvetica-Bold", 12)
            for _ in range(3):
                pen.para(SUMMARY)
                pen.gap(6)

        return page

    return build(path, [make(n) for n in range(1, pages + 1)])


def unicode_pdf(path: str | Path) -> Path:
    """Ligatures, hyphenation at line ends, £, en dashes and accents (Vera TrueType)."""
    font = vera_font()

    def page(c: Canvas) -> None:
        pen = _Pen(c, 60, 60, 450)
        pen.text("Projects", "Vera-Bold", 13)
        pen.text("Improved the e\ufb03ciency of the \ufb01nance work\ufb02ow and cut costs by £40k,", font)
        pen.text("now used in 2019\u20132023 by the caf\u00e9 chain in S\u00e3o Paulo and Z\u00fcrich.", font)
        pen.gap(12)
        pen.text("Led the optimis-", font)
        pen.text("ation of an end-to-", font)
        pen.text("end pipeline built on scikit-", font)
        pen.text("learn with real-", font)
        pen.text("time monitoring.", font)

    return build(path, [page])


def _png(width: int = 120, height: int = 80) -> io.BytesIO:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (width, height), (90, 90, 90)).save(buf, format="PNG")
    buf.seek(0)
    return buf


def image_only_pdf(path: str | Path, pages: int = 1) -> Path:
    """A 'scanned' CV: every page is just an image, no text layer."""
    from reportlab.lib.utils import ImageReader

    def page(c: Canvas) -> None:
        c.drawImage(ImageReader(_png()), 40, 40, PAGE_W - 80, PAGE_H - 80)

    return build(path, [page] * pages)


def mixed_image_pdf(path: str | Path) -> Path:
    """Page 1 has text, page 2 is only an image."""
    from reportlab.lib.utils import ImageReader

    def text_page(c: Canvas) -> None:
        pen = _Pen(c, 60, 60, 450)
        pen.text("Casey Jones", "Helvetica-Bold", 20)
        pen.para(SUMMARY)

    def image_page(c: Canvas) -> None:
        c.drawImage(ImageReader(_png()), 40, 40, PAGE_W - 80, PAGE_H - 80)

    return build(path, [text_page, image_page])


def encrypted_pdf(path: str | Path, user: str, owner: str = "owner", **perms: int) -> Path:
    """``one_column``-style content encrypted with reportlab's standard security handler."""
    enc = StandardEncryption(user, ownerPassword=owner, **perms)

    def page(c: Canvas) -> None:
        pen = _Pen(c, 60, 60, 450)
        pen.text("Morgan Avery", "Helvetica-Bold", 20)
        pen.para(SUMMARY)

    return build(path, [page], encrypt=enc)


def pages_pdf(path: str | Path, pages: int) -> Path:
    """``pages`` simple text pages."""

    def make(n: int) -> Draw:
        def page(c: Canvas) -> None:
            c.setFont("Helvetica", 11)
            c.drawString(60, PAGE_H - 80, f"Page body {n}: Python and SQL experience.")

        return page

    return build(path, [make(n) for n in range(1, pages + 1)])


__all__ += ["encrypted_pdf", "pages_pdf"]


def raw_pdf(pages: Sequence[bytes], forms: dict[str, bytes] | None = None, *, compress: bool = True,
            font: bytes = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>") -> bytes:
    """Write a minimal PDF by hand: one content stream per page and optional form XObjects
    (each form can invoke the others by name). Used for hostile inputs reportlab won't make."""
    import zlib

    forms = forms or {}
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes, extra: bytes = b"") -> bytes:
        if compress:
            data = zlib.compress(data, 9)
            extra += b" /Filter /FlateDecode"
        return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"

    font_id = add(font)
    names = list(forms)
    form_ids = {name: len(objects) + 1 + i for i, name in enumerate(names)}
    xobjects = b"<< " + b" ".join(b"/%s %d 0 R" % (n.encode(), form_ids[n]) for n in names) + b" >>"
    resources = b"<< /Font << /F1 %d 0 R >> /XObject %s >>" % (font_id, xobjects)
    for name in names:
        add(stream(forms[name], b" /Type /XObject /Subtype /Form /BBox [0 0 600 800] /Resources " + resources))
    pages_id = len(objects) + 1 + 2 * len(pages)
    kids = []
    for content in pages:
        content_id = add(stream(content))
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources %s /Contents %d 0 R >>"
                        % (pages_id, resources, content_id)))
    kid_refs = b" ".join(b"%d 0 R" % k for k in kids)
    assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kid_refs, len(kids))) == pages_id
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    return bytes(out)


__all__ += ["raw_pdf"]


def banner_two_column_pdf(path: str | Path) -> Path:
    """A full-width banner (name, contact, one-line summary) above a sidebar and a main column."""

    def page(c: Canvas) -> None:
        top = _Pen(c, 40, 50, PAGE_W - 80)
        top.text("Jamie Fox - Senior Machine Learning Engineer - jamie@example.com - London, UK",
                 "Helvetica-Bold", 12)
        top.text("Ten years building ranking, search and forecasting systems at scale.", size=10)
        side = _Pen(c, 40, 100, 140)
        for text, kind in SIDEBAR:
            side.text(text, "Helvetica" if kind == "t" else "Helvetica-Bold", 9)
        main = _Pen(c, 220, 100, PAGE_W - 260)
        main.text("Experience", "Helvetica-Bold", 12)
        for b in JOB_BULLETS:
            main.bullet(b, size=9)

    return build(path, [page])


def date_column_pdf(path: str | Path) -> Path:
    """Dates in a narrow left column set against job titles in the main column."""

    def page(c: Canvas) -> None:
        pen = _Pen(c, 150, 60, 380)
        pen.text("Casey Rivers", "Helvetica-Bold", 20)
        pen.gap(10)
        for years, title in [("2020 - 2024", "Lead Data Scientist, Orbit Bank"),
                             ("2016 - 2020", "Data Scientist, Nimbus Retail")]:
            c.setFont("Helvetica", 9)
            c.drawString(60, pen.y, years)
            pen.text(title, "Helvetica-Bold", 10)
            for b in JOB_BULLETS:
                pen.bullet(b, size=9)
            pen.gap(8)

    return build(path, [page])


def skills_table_pdf(path: str | Path) -> Path:
    """A single-column CV with a two-column skills table (label, values) in the middle."""

    def page(c: Canvas) -> None:
        pen = _Pen(c, 60, 60, 450)
        pen.text("Alex Kim", "Helvetica-Bold", 20)
        pen.para(SUMMARY)
        pen.gap(8)
        pen.text("SKILLS", "Helvetica-Bold", 12)
        for label, values in [("Languages", "Python, SQL, Rust"), ("Frameworks", "PyTorch, JAX, scikit-learn"),
                              ("Cloud", "AWS, GCP"), ("Tools", "Docker, Kubernetes, Airflow")]:
            c.setFont("Helvetica-Bold", 10)
            c.drawString(60, pen.y, label)
            pen.text(values, dx=120)
        pen.gap(8)
        pen.text("EXPERIENCE", "Helvetica-Bold", 12)
        for b in JOB_BULLETS:
            pen.bullet(b)

    return build(path, [page])


__all__ += ["banner_two_column_pdf", "date_column_pdf", "skills_table_pdf"]
