"""Map CV headings to canonical sections and tag every block with its section.

Headings come from the parsers (bold, larger or upper-case lines in PDFs; heading styles
and bold paragraphs in DOCX; underlined or upper-case lines in text). A short paragraph
whose whole text is a known section name is promoted to a heading too. A heading that
names no known section ("NLP Engineer — Acme", "Languages" inside a skills block) is a
sub-heading and keeps the current section.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..document import Block, BlockKind, Section
from .contact import EMAIL_RE, LINK_RE, PHONE_RE

__all__ = ["assign_sections", "section_for_heading"]

_EXACT: dict[Section, tuple[str, ...]] = {
    Section.CONTACT: (
        "contact", "contacts", "contact details", "contact information", "contact info",
        "personal details", "personal information", "details", "get in touch",
    ),
    Section.SUMMARY: (
        "summary", "profile", "professional summary", "personal statement", "about",
        "about me", "objective", "career objective", "overview", "executive summary",
        "professional profile", "career summary", "introduction", "personal profile",
        "research interests", "research summary", "highlights", "summary of qualifications",
    ),
    Section.EXPERIENCE: (
        "experience", "work experience", "professional experience", "employment",
        "employment history", "work history", "career history", "career", "relevant experience",
        "research experience", "industry experience", "positions held", "professional background",
        "leadership experience", "teaching experience", "consulting experience", "engagements",
        "selected engagements", "volunteer experience", "volunteering", "positions",
        "professional history", "appointments", "work",
    ),
    Section.EDUCATION: (
        "education", "education and training", "academic background", "qualifications",
        "academic qualifications", "degrees", "training", "academic history",
        "education and qualifications", "academic record", "studies",
    ),
    Section.SKILLS: (
        "skills", "technical skills", "toolbox", "core competencies", "competencies",
        "key skills", "technologies", "tech stack", "tools", "tools and technologies",
        "expertise", "areas of expertise", "skills and tools", "technical expertise",
        "programming languages", "skill set", "skillset", "core skills", "technical toolkit",
        "stack", "toolkit", "technical proficiencies", "proficiencies", "capabilities",
        "skills and technologies", "technical summary", "key competencies", "strengths",
        "specialisms", "specialisms and tools", "specialities", "specialties", "focus areas",
        "areas of focus", "technical specialisms",
    ),
    Section.PROJECTS: (
        "projects", "selected projects", "personal projects", "side projects", "open source",
        "open source contributions", "open source work", "portfolio", "key projects",
        "software", "research projects", "project experience", "project highlights",
    ),
    Section.CERTIFICATIONS: (
        "certifications", "certificates", "certification", "licences", "licenses",
        "licenses and certifications", "licences and certifications", "accreditations",
        "professional development", "courses", "training and certifications",
        "certifications and training", "professional qualifications",
    ),
    Section.PUBLICATIONS: (
        "publications", "selected publications", "papers", "talks", "invited talks",
        "presentations", "patents", "conference talks", "publications and talks",
        "talks and publications", "writing",
    ),
    Section.AWARDS: (
        "awards", "honours", "honors", "achievements", "awards and honours", "awards and honors",
        "prizes", "scholarships", "competitions", "key achievements", "accomplishments",
        "honours and awards", "honors and awards", "selected achievements",
    ),
    Section.INTERESTS: (
        "interests", "hobbies", "hobbies and interests", "personal interests", "outside work",
        "activities", "extracurricular", "extracurricular activities", "other interests",
    ),
    Section.REFERENCES: ("references", "referees", "reference"),
    Section.OTHER: (
        "languages", "spoken languages", "service", "memberships", "professional memberships",
        "additional information", "other", "miscellaneous", "affiliations", "leadership",
    ),
}

_EXACT_LOOKUP = {name: section for section, names in _EXACT.items() for name in names}

# Fallback: a short heading that contains one of these stems.
_STEMS: tuple[tuple[str, Section], ...] = (
    ("reference", Section.REFERENCES),
    ("referee", Section.REFERENCES),
    ("experience", Section.EXPERIENCE),
    ("employment", Section.EXPERIENCE),
    ("work history", Section.EXPERIENCE),
    ("career", Section.EXPERIENCE),
    ("education", Section.EDUCATION),
    ("academic", Section.EDUCATION),
    ("skill", Section.SKILLS),
    ("competenc", Section.SKILLS),
    ("toolbox", Section.SKILLS),
    ("expertise", Section.SKILLS),
    ("project", Section.PROJECTS),
    ("certif", Section.CERTIFICATIONS),
    ("licen", Section.CERTIFICATIONS),
    ("publication", Section.PUBLICATIONS),
    ("award", Section.AWARDS),
    ("honour", Section.AWARDS),
    ("honor", Section.AWARDS),
    ("achievement", Section.AWARDS),
    ("interest", Section.INTERESTS),
    ("hobb", Section.INTERESTS),
    ("summary", Section.SUMMARY),
    ("profile", Section.SUMMARY),
    ("objective", Section.SUMMARY),
)

_NON_WORD = re.compile(r"[^a-z ]+")
_SPACES = re.compile(r"\s+")


def _normalise(text: str) -> str:
    text = text.lower().replace("&", " and ")
    return _SPACES.sub(" ", _NON_WORD.sub(" ", text)).strip()


def section_for_heading(text: str) -> Section | None:
    """The canonical section a heading names, or None for a sub-heading / job title."""
    key = _normalise(text)
    if not key:
        return None
    if key in _EXACT_LOOKUP:
        return _EXACT_LOOKUP[key]
    words = key.split()
    if len(words) > 4 or re.search(r"[—–|@\d,]", text):
        return None
    for stem, section in _STEMS:
        if stem in key:
            return section
    return None


def _signature(block: Block) -> tuple[float | None, bool, bool]:
    """How a heading looks: rounded font size, bold, upper case."""
    size = round(block.font_size * 2) / 2 if block.font_size else None
    return size, block.bold, block.text.isupper()


def _looks_like_heading(block: Block) -> bool:
    text = block.text.strip()
    return 0 < len(text) <= 40 and len(text.split()) <= 5 and not text.endswith((".", ","))


def assign_sections(blocks: list[Block]) -> list[Block]:
    """Return ``blocks`` with ``section`` set from the heading each falls under.

    Blocks before the first section heading are contact details (short lines) or summary
    (longer paragraphs); so is the top of a new column on the same page. Page headers and footers keep ``Section.CONTACT`` when they hold
    contact-like text, else ``Section.OTHER``; they never change the current section.
    """
    # Headings that look like the recognised section headings (same size, weight and case)
    # are section headings too, even when their name is unknown ("Specialisms"): they start
    # Section.OTHER rather than passing as a sub-heading of the section before.
    top_level = {
        _signature(b) for b in blocks
        if b.kind == BlockKind.HEADING and section_for_heading(b.text) not in (None, Section.OTHER)
    }
    top_level.discard((None, False, False))  # no styling to go on (plain text)
    out: list[Block] = []
    current: Section | None = None
    column = (1, 0)
    for block in blocks:
        if (block.page, block.column) != column:
            if block.page == column[0]:
                current = None  # a new column on the same page starts afresh (sidebar -> main)
            column = (block.page, block.column)
        if block.kind in (BlockKind.HEADER, BlockKind.FOOTER):
            contact_like = EMAIL_RE.search(block.text) or LINK_RE.search(block.text) or PHONE_RE.search(block.text)
            out.append(replace(block, section=Section.CONTACT if contact_like else Section.OTHER))
            continue
        section = None
        if block.kind == BlockKind.HEADING or (not block.hidden and _looks_like_heading(block)):
            section = section_for_heading(block.text)
            if section is Section.OTHER and current is Section.SKILLS and _normalise(block.text) in (
                "languages", "programming languages", "tools", "other"
            ):
                section = Section.SKILLS  # a "Languages" sub-heading inside a skills block
            if section is not None and block.kind != BlockKind.HEADING:
                block = replace(block, kind=BlockKind.HEADING)
        if section is None and block.kind == BlockKind.HEADING and current is not None \
                and _signature(block) in top_level:
            section = Section.OTHER
        if section is not None:
            current = section
            out.append(replace(block, section=section))
            continue
        if current is None:
            top = Section.SUMMARY if len(block.text.split()) > 25 else Section.CONTACT
            out.append(replace(block, section=top))
        else:
            out.append(replace(block, section=current))
    return out
