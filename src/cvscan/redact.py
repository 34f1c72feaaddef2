"""Remove personal details from a report: names, emails, phone numbers, addresses, links.

CVs are personal data. ``redact_report`` blanks the contact block and replaces, in every
free text of the report (achievements, flag messages and evidence, warnings), the
candidate's email addresses, phone numbers, profile links, location and name with
``[redacted]``. The file path is kept: it is the caller's own key for the file.
"""

from __future__ import annotations

import dataclasses
import enum
import re
from collections.abc import Callable
from typing import Any

from .document import Contact
from .parse.contact import EMAIL_RE, LINK_RE
from .report import Report

__all__ = ["REDACTED", "redact_report", "redactor"]

REDACTED = "[redacted]"
_PHONE_RE = re.compile(r"(?:\+|\b00)?\(?\d[\d\s().\-]{7,}\d\b")
_URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def _phone(match: re.Match[str]) -> str:
    digits = sum(ch.isdigit() for ch in match.group())
    return REDACTED if 9 <= digits <= 15 else match.group()


def redactor(contact: Contact) -> Callable[[str], str]:
    """A function that scrubs ``contact``'s details, and any email, phone or link, from text."""
    exact = sorted({item.value for _, item in contact.items() if item.value.strip()}, key=len, reverse=True)
    parts = [p for p in re.split(r"[\s,]+", contact.name.value) if len(p) > 1] if contact.name else []
    name_re = re.compile("|".join(rf"(?<![^\W\d_]){re.escape(p)}(?![^\W\d_])" for p in parts),
                         re.IGNORECASE) if parts else None

    def redact(text: str) -> str:
        for value in exact:
            text = text.replace(value, REDACTED)
        text = EMAIL_RE.sub(REDACTED, text)
        text = _URL_RE.sub(REDACTED, text)
        text = LINK_RE.sub(lambda m: REDACTED if "/" in m.group() else m.group(), text)
        text = _PHONE_RE.sub(_phone, text)
        if name_re is not None:
            text = name_re.sub(REDACTED, text)
        return text

    return redact


def _scrub(obj: Any, fn: Callable[[str], str]) -> Any:
    if isinstance(obj, enum.Enum):
        return obj
    if isinstance(obj, str):
        return fn(obj)
    if isinstance(obj, tuple):
        return tuple(_scrub(x, fn) for x in obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {f.name: _scrub(getattr(obj, f.name), fn) for f in dataclasses.fields(obj) if f.init}
        return dataclasses.replace(obj, **changes)
    return obj


def redact_report(report: Report) -> Report:
    """A copy of ``report`` with no personal details in it (see the module docstring)."""
    fn = redactor(report.contact)
    return dataclasses.replace(
        report,
        contact=Contact(),
        achievements=_scrub(report.achievements, fn),
        flags=_scrub(report.flags, fn),
        warnings=_scrub(report.warnings, fn),
    )
