"""Turn a job description into a role profile of its own.

The job ad's skills become keywords; cue words set their weights: "required", "must",
"essential" make a skill essential (weight 3); "nice to have", "bonus", "desirable", "a plus"
make it desirable (weight 1); other mentions are essential with weight 2. Cues are read
from the sentence itself, else from the heading it sits under ("Requirements", "Nice to
have"). Responsibility phrases of the shipped roles that the ad uses become phrases.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.language import Language

from ..document import BlockKind, Document
from ..errors import JobDescriptionError
from ..lexicon import Lexicon
from ..nlp.context import make_cv_doc
from .profiles import Keyword, RoleProfile, normalise_phrase

__all__ = ["job_profile"]

_REQUIRED = re.compile(
    r"\b(?:required|requirements?|must|essential|mandatory|you (?:will )?(?:have|bring)|"
    r"what you(?:'ll)? need|minimum|strong (?:experience|knowledge)|proficien\w+|expert\w*)\b",
    re.IGNORECASE,
)
_NICE = re.compile(
    r"\b(?:nice[ -]to[ -]have|bonus|desirable|a plus|plus if|preferred|ideally|advantage\w*|"
    r"would be great|not required|optional|good to have)\b",
    re.IGNORECASE,
)


def _cue(text: str) -> str | None:
    if _NICE.search(text):
        return "nice"
    if _REQUIRED.search(text):
        return "required"
    return None


def job_profile(document: Document, nlp: Language, lexicon: Lexicon,
                roles: Sequence[RoleProfile], *, slug: str = "job") -> RoleProfile:
    """Build a :class:`RoleProfile` from a parsed job description."""
    doc = make_cv_doc(nlp, document)
    heading_cue: dict[int, str | None] = {}
    current: str | None = None
    for ref in doc._.cv_blocks or []:
        text = ref.block.text.strip()
        if ref.block.kind == BlockKind.HEADING or (
            ref.block.kind == BlockKind.PARAGRAPH and len(text.split()) <= 6 and not text.endswith(".")
        ):
            current = _cue(text)
        heading_cue[ref.start_char] = current
    starts = sorted(heading_cue)

    def cue_at(char: int, unit: str) -> str | None:
        own = _cue(unit)
        if own:
            return own
        before = [s for s in starts if s <= char]
        return heading_cue[before[-1]] if before else None

    weights: dict[str, tuple[float, bool]] = {}
    for mention in doc._.skills or []:
        if mention.hidden or mention.category == "soft":
            continue
        cue = cue_at(mention.start_char, mention.unit)
        weight, essential = {"required": (3.0, True), "nice": (1.0, False)}.get(cue or "", (2.0, True))
        old = weights.get(mention.skill_id)
        if old is None or (essential, weight) > (old[1], old[0]):
            weights[mention.skill_id] = (weight, essential)
    if not weights:
        raise JobDescriptionError("the job description names no skills cvscan knows, so nothing can be matched")
    keywords = [Keyword(label=lexicon[s].name, weight=w, essential=e, skills=(s,))
                for s, (w, e) in weights.items()]
    text = f" {normalise_phrase(document.text)} "
    phrases = {k.phrase: k.label for role in roles for k in role.phrases if k.phrase}
    keywords += [Keyword(label=label, weight=1.0, essential=False, phrase=p)
                 for p, label in phrases.items() if f" {p} " in text]
    if not any(k.essential for k in keywords):
        keywords = [Keyword(k.label, k.weight, True, k.skills, k.phrase) if k.phrase is None else k
                    for k in keywords]
    first = next((b.text.strip() for b in document.blocks if b.text.strip() and not b.hidden), "Job")
    title = first if len(first.split()) <= 8 else "Job description"
    return RoleProfile(slug=slug, title=title, description=_summary(document.text),
                       keywords=tuple(keywords), titles=(normalise_phrase(title),) if title != "Job description" else ())


def _summary(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
