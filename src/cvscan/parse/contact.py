"""Extract contact details (name, email, phone, location, profile links) from blocks.

Each detail records where it was found: the body, or a page header or footer (an ATS that
skips headers and footers would miss the latter).
"""

from __future__ import annotations

import re

from ..document import Block, BlockKind, Contact, ContactItem, Section

__all__ = ["extract_contact", "EMAIL_RE", "PHONE_RE", "LINK_RE"]

EMAIL_RE = re.compile(  # bounded local part: linear on a long run of word characters
    r"(?<![\w.%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}\b"
)
PHONE_RE = re.compile(
    r"(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d[\d .-]{6,16}\d(?![\w-])"
)
LINK_RE = re.compile(
    r"(?<![@\w])(?:https?://)?(?:www\.)?"
    r"(?:linkedin\.com/(?:in|pub)/[\w%-]+|github\.com/[\w-]+|gitlab\.com/[\w-]+|kaggle\.com/[\w-]+"
    r"|scholar\.google\.[a-z.]+/citations\?user=[\w-]+|twitter\.com/\w+|x\.com/\w+|medium\.com/@?[\w-]+"
    r"|huggingface\.co/[\w-]+|orcid\.org/[\d-]+X?|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:dev|io|me|org|com|net|ai|co\.uk)(?:/[\w/-]*)?)",
    re.IGNORECASE,
)
_LOCATION_RE = re.compile(
    r"^(?:[A-Z][a-zA-Z'’.-]+(?: [A-Z][a-zA-Z'’.-]+){0,2}), (?:[A-Z]{2,3}|[A-Z][a-zA-Z]+(?: [A-Z][a-zA-Z]+){0,2})$"
)
_LOCATION_LABEL_RE = re.compile(r"\b(?:location|based in|address)\s*[:\-]\s*([^|•·;]+)", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s*(?:[|•·;\t]|\s[–—-]\s|\s{3,})\s*")
_NAME_RE = re.compile(r"^(?:(?:Dr|Prof|Mr|Mrs|Ms|Mx)\.? )?[A-ZÀ-Ý][\w'’.-]+(?: [A-ZÀ-Ý][\w'’.-]+){1,3}$")
_DATE_LIKE = re.compile(r"\b(?:19|20)\d{2}\s*[-–]\s*(?:(?:19|20)\d{2}|present)\b", re.IGNORECASE)


def _found_in(block: Block) -> str:
    if block.kind == BlockKind.HEADER:
        return "header"
    if block.kind == BlockKind.FOOTER:
        return "footer"
    return "body"


def _phone_in(text: str) -> str | None:
    for match in PHONE_RE.finditer(text):
        candidate = match.group(0).strip()
        digits = re.sub(r"\D", "", candidate)
        if 9 <= len(digits) <= 15 and not _DATE_LIKE.search(candidate):
            return candidate
    return None


def _is_contact_area(block: Block) -> bool:
    return block.section in (Section.CONTACT, Section.OTHER) or block.kind in (
        BlockKind.HEADER, BlockKind.FOOTER
    )


def extract_contact(blocks: list[Block]) -> Contact:
    """Find the candidate's contact details; body occurrences win over header/footer ones."""
    found: dict[str, ContactItem] = {}
    links: dict[str, ContactItem] = {}

    def keep(field: str, value: str, block: Block) -> None:
        item = ContactItem(value=value, found_in=_found_in(block), page=block.page)
        current = found.get(field)
        if current is None or (current.found_in != "body" and item.found_in == "body"):
            found[field] = item

    visible = [b for b in blocks if not b.hidden]
    for block in visible:
        text = block.text
        if (email := EMAIL_RE.search(text)) is not None:
            keep("email", email.group(0), block)
        if _is_contact_area(block) or EMAIL_RE.search(text):
            if (phone := _phone_in(text)) is not None:
                keep("phone", phone, block)
        for match in LINK_RE.finditer(text):
            url = match.group(0).rstrip("/.,)")
            if "@" in text[max(0, match.start() - 1):match.start()]:
                continue
            key = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.lower())
            if key.count(".") == 0 or (key.split("/")[0].endswith(".com") and "/" not in key
                                       and not _is_contact_area(block)):
                continue
            item = ContactItem(value=url, found_in=_found_in(block), page=block.page)
            if key not in links or (links[key].found_in != "body" and item.found_in == "body"):
                links[key] = item
        if _is_contact_area(block):
            location = _location_in(text)
            if location:
                keep("location", location, block)
    name = _name_in(visible)
    if name is not None:
        keep("name", _strip_title(name.text.strip()), name)
    return Contact(
        name=found.get("name"),
        email=found.get("email"),
        phone=found.get("phone"),
        location=found.get("location"),
        links=tuple(links.values()),
    )


def _location_in(text: str) -> str | None:
    labelled = _LOCATION_LABEL_RE.search(text)
    if labelled:
        return labelled.group(1).strip()
    for piece in _SEPARATORS.split(text):
        piece = piece.strip()
        if piece and _LOCATION_RE.match(piece) and not EMAIL_RE.search(piece):
            return piece
    return None


_TITLE_WORDS = frozenset(
    "engineer scientist manager developer consultant analyst specialist researcher architect "
    "lead director officer designer administrator intern fellow student teacher chef".split()
)
_TITLE_MODIFIERS = frozenset(
    "senior junior principal staff chief head data machine learning ml ai nlp research product "
    "security software platform applied lead cloud computer vision mlops devops".split()
)


def _strip_title(name: str) -> str:
    """"Eleanor Fairweather Data Scientist" -> "Eleanor Fairweather" (a header often runs both together)."""
    words = name.split()
    if len(words) < 3 or words[-1].lower() not in _TITLE_WORDS:
        return name
    cut = len(words) - 1
    while cut > 2 and words[cut - 1].lower() in _TITLE_MODIFIERS | _TITLE_WORDS:
        cut -= 1
    return " ".join(words[:cut])


def _name_in(blocks: list[Block]) -> Block | None:
    """The candidate's name: a 2-4 word capitalised line near the top, largest font first."""
    candidates = [
        b for b in blocks[:40]
        if b.page == 1 and b.kind not in (BlockKind.LIST_ITEM, BlockKind.TABLE_CELL)
        and _NAME_RE.match(b.text.strip()) and not re.search(r"\d|@", b.text)
        and b.section in (Section.CONTACT, Section.OTHER, Section.SUMMARY)
    ]
    if not candidates:
        return None
    sized = [b for b in candidates if b.font_size]
    if sized:
        return max(sized, key=lambda b: (b.font_size or 0.0, -blocks.index(b)))
    return candidates[0]
