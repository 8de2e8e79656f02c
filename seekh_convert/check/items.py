"""The gradable items of a guide, and rebuilding a guide from the items that survived."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeVar

from seekh_convert.model.guide import (
    LIST_SECTIONS,
    EmptySection,
    Flashcard,
    Grounded,
    GuideContent,
    LearnNext,
    MultipleChoice,
    Prerequisite,
    ShortAnswer,
    Summary,
    TrueFalse,
    put_item,
)
from seekh_convert.text.words import key_string

SECTIONS = ("definition", "summary", *LIST_SECTIONS)
#: Sections the gate may leave empty (saying why) when every item fails; any other section left empty makes
#: the guide unwritable (a page without a summary, key takeaways, flashcards or questions is not worth keeping).
GATE_MAY_EMPTY = ("definition", "learn_next", "prerequisites", "applications")
#: Sections the gate may leave empty when every item failed a grounding or key check (never the rubric alone):
#: an honest empty section, with the reason, beats no guide at all. Only the summary must hold items.
MUST_HOLD = ("summary",)

GAP = re.compile(r"_{3,}")
C = TypeVar("C", bound=GuideContent)


@dataclass
class Item:
    """One grounded item: where it sits in the guide and the model itself."""

    section: str
    index: int | None
    model: Grounded

    @property
    def where(self) -> str:
        return self.section if self.index is None else f"{self.section}[{self.index}]"


def iter_items(content: GuideContent) -> list[Item]:
    """Every grounded item, in page order (summary items are its sentences)."""
    items = [Item("definition", None, content.definition)] if content.definition is not None else []
    items += [Item("summary", i, s) for i, s in enumerate(content.summary.sentences)]
    for section in LIST_SECTIONS:
        items += [Item(section, i, m) for i, m in enumerate(getattr(content, section))]
    return items


NOT_STEM = re.compile(r"\b(?:NOT|EXCEPT)\b")


def claim_text(model: Grounded) -> str:
    """The part of an item its quote must support: the answer, the card's back, the statement..."""
    if isinstance(model, MultipleChoice):
        if NOT_STEM.search(model.question):  # "Which is NOT ...?": the key is the odd one out, the others are facts
            return " ".join(o for i, o in enumerate(model.options) if i != model.answer_index)
        return model.answer
    if isinstance(model, ShortAnswer):
        return model.answer
    if isinstance(model, TrueFalse):
        return model.statement
    if isinstance(model, Flashcard):
        return fill_cloze(model.front, model.back) if model.kind == "cloze" else model.back
    if isinstance(model, (LearnNext, Prerequisite)):
        return model.topic  # ``why`` is about the link, not a fact of the source
    return getattr(model, "text", "")


def fill_cloze(front: str, back: str) -> str:
    """The cloze front with its first gap filled by ``back``."""
    return GAP.sub(lambda _: back, front, count=1)


def rebuild(content: C, kept: list[Item], dropped: dict[str, list[str]] | None = None) -> C | None:
    """``content`` with only the ``kept`` items (already fixed); None when a section that must hold items is empty.

    A section the engine left empty keeps its reason; one the gate emptied (``GATE_MAY_EMPTY`` only) gets a
    reason naming why its items failed (``dropped``: section -> reasons of its dropped items).
    """
    by_section: dict[str, list[Grounded]] = {s: [] for s in SECTIONS}
    for item in kept:
        by_section[item.section].append(item.model)
    empty = [e for e in content.empty_sections if not by_section[e.section]]
    for section in SECTIONS:
        if by_section[section] or any(e.section == section for e in empty):
            continue
        if section in MUST_HOLD:
            return None
        empty.append(EmptySection(section=section, reason=gate_emptied((dropped or {}).get(section, []))))
    sentences = by_section["summary"]
    summary_text = content.summary.text
    if len(sentences) != len(content.summary.sentences) or not paragraph_matches(summary_text, sentences):
        summary_text = " ".join(s.text for s in sentences)  # type: ignore[attr-defined]
    update: dict[str, object] = {s: by_section[s] for s in LIST_SECTIONS}
    update["definition"] = (by_section["definition"] or [None])[0]
    update["summary"] = Summary(text=summary_text, sentences=sentences)
    update["empty_sections"] = sorted(empty, key=lambda e: SECTIONS.index(e.section))
    data = {name: getattr(content, name) for name in type(content).model_fields}
    data.update(update)
    return type(content).model_validate(data)


def paragraph_matches(paragraph: str, sentences: list) -> bool:
    """True when the summary paragraph says every one of its sentences (a repaired sentence must reach it)."""
    text = key_string(paragraph)
    return all(key_string(s.text) in text for s in sentences)


def keep_unflagged(before: C, after: C, places: set[tuple[str, int | None]]) -> C:
    """``after`` (an engine's repair of ``before``) with every item outside ``places`` as it was in ``before``:
    a repair replaces the items the gate failed, and nothing else (no quote changes without a finding)."""
    old = {(i.section, i.index): i.model for i in iter_items(before)}
    data = after.model_dump(mode="json")
    changed = False
    for item in iter_items(after):
        place = (item.section, item.index)
        if place in places or place not in old or old[place] == item.model:
            continue
        changed = True
        put_item(data, item.section, item.index, old[place].model_dump(mode="json"))
    return type(after).model_validate(data) if changed else after


def gate_emptied(reasons: list[str]) -> str:
    """The reason written for a section the gate emptied: what was wrong with its items."""
    named = ", ".join(dict.fromkeys(reasons)) or "failed checks"
    return f"No item of this section passed the quality gate ({named})."[:300]


def missing_sections(content: GuideContent, kept: list[Item]) -> list[str]:
    """Sections that must hold items but hold none after the gate (why ``rebuild`` returned None)."""
    present = {item.section for item in kept} | {e.section for e in content.empty_sections}
    return [s for s in MUST_HOLD if s not in present]
