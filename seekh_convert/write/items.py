"""The items of a guide, each with an identity derived from its content (not its position).

Review decisions and Anki note GUIDs are keyed by these identities, so they survive a re-run of the
conversion that reorders items, and change only when the item itself changes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from seekh_convert.model.guide import (
    LIST_SECTIONS,
    Application,
    Definition,
    Flashcard,
    LearnNext,
    MultipleChoice,
    Prerequisite,
    ShortAnswer,
    StudyGuide,
    Summary,
    Takeaway,
    TrueFalse,
)

#: Sections holding one item, then the list sections, in page order.
SINGLE_SECTIONS = ("definition", "summary")
SECTIONS = SINGLE_SECTIONS + LIST_SECTIONS

SECTION_TITLES = {
    "definition": "Definition",
    "summary": "Summary",
    "key_takeaways": "Key Takeaways",
    "learn_next": "What to Learn Next",
    "prerequisites": "Prerequisites",
    "applications": "Real World Applications",
    "flashcards": "Flashcards",
    "questions": "Practice Questions",
}

#: What a student reads where a section is empty. The reason a guide records (the engine's, or the quality
#: gate's note on what it dropped) is for editors: guide.json, quality.json and the review pages keep it.
EMPTY_NOTES = {
    "definition": "This guide gives no definition for this topic; the summary says what it covers.",
    "summary": "This guide has no summary for this topic.",
    "key_takeaways": "This guide has no key takeaways for this topic.",
    "learn_next": "This guide suggests no next topics.",
    "prerequisites": "This guide lists no prerequisites for this topic.",
    "applications": "This guide has no real-world applications for this topic.",
    "flashcards": "No flashcards for this topic.",
    "questions": "No practice questions for this topic.",
}

_MODELS: dict[str, type[BaseModel]] = {
    "definition": Definition,
    "summary": Summary,
    "key_takeaways": Takeaway,
    "learn_next": LearnNext,
    "prerequisites": Prerequisite,
    "applications": Application,
    "flashcards": Flashcard,
}
_QUESTION_MODELS: dict[str, type[BaseModel]] = {
    "multiple_choice": MultipleChoice,
    "true_false": TrueFalse,
    "short_answer": ShortAnswer,
}


def digest(*parts: str, length: int = 16) -> str:
    """A short, stable hex digest of text parts (joined unambiguously)."""
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()[:length]


#: Optional fields added after identities were first stored: left out of an identity while unset, so that
#: review decisions made before them still find their items. A printed page label follows from the page: never part.
_LATER_FIELDS = {"accept": []}
_DERIVED_FIELDS = {"page_label"}


def _identity_dump(value: object) -> object:
    if isinstance(value, dict):
        return {
            k: _identity_dump(v)
            for k, v in value.items()
            if k not in _DERIVED_FIELDS and not (k in _LATER_FIELDS and v == _LATER_FIELDS[k])
        }
    if isinstance(value, list):
        return [_identity_dump(v) for v in value]
    return value


def item_id(section: str, item: BaseModel) -> str:
    """The identity of an item: its section and its whole content, source included."""
    data = _identity_dump(item.model_dump(mode="json"))
    return digest(section, json.dumps(data, sort_keys=True, ensure_ascii=False))


def item_model(section: str, kind: str | None = None) -> type[BaseModel]:
    """The pydantic model of an item of ``section`` (questions by their ``kind``)."""
    if section == "questions":
        return _QUESTION_MODELS[kind or "multiple_choice"]
    return _MODELS[section]


@dataclass(frozen=True)
class Item:
    """One item of a guide: where it sits, and what it is."""

    section: str
    index: int  # position in its section (0 for the single sections)
    item: BaseModel
    id: str


def iter_items(guide: StudyGuide) -> Iterator[Item]:
    """Every item of a guide in page order; sections left empty (or unset) yield nothing."""
    for section in SECTIONS:
        value = getattr(guide, section, None)
        if value is None:
            continue
        values = value if isinstance(value, list) else [value]
        for i, item in enumerate(values):
            yield Item(section, i, item, item_id(section, item))


def empty_note(generated: StudyGuide, shown: StudyGuide, section: str, hide_held: bool = True) -> str | None:
    """The student-facing note for ``section`` of ``shown`` when it is empty; None when it holds items, or (with
    ``hide_held``) when the review emptied it (nothing approved there yet, or all rejected): pages leave it out."""
    if getattr(shown, section, None):
        return None
    if hide_held and getattr(generated, section, None):
        return None
    return EMPTY_NOTES[section]


def has_items(guide: StudyGuide) -> bool:
    """Whether any section of ``guide`` holds an item (after review: whether anything was approved)."""
    return next(iter_items(guide), None) is not None
