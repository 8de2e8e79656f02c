"""The gradable items of a guide, and rebuilding a guide from the items that survived."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeVar

from seekh_convert.model.guide import (
    LIST_SECTIONS,
    Flashcard,
    Grounded,
    GuideContent,
    LearnNext,
    MultipleChoice,
    Prerequisite,
    ShortAnswer,
    Summary,
    TrueFalse,
)

SECTIONS = ("definition", "summary", *LIST_SECTIONS)

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
    items = [Item("definition", None, content.definition)]
    items += [Item("summary", i, s) for i, s in enumerate(content.summary.sentences)]
    for section in LIST_SECTIONS:
        items += [Item(section, i, m) for i, m in enumerate(getattr(content, section))]
    return items


def claim_text(model: Grounded) -> str:
    """The part of an item its quote must support: the answer, the card's back, the statement..."""
    if isinstance(model, MultipleChoice):
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


def rebuild(content: C, kept: list[Item]) -> C | None:
    """``content`` with only the ``kept`` items (already fixed); None when a required section is empty."""
    by_section: dict[str, list[Grounded]] = {s: [] for s in SECTIONS}
    for item in kept:
        by_section[item.section].append(item.model)
    if not all(by_section.values()):
        return None
    sentences = by_section["summary"]
    summary_text = content.summary.text
    if len(sentences) != len(content.summary.sentences):
        summary_text = " ".join(s.text for s in sentences)  # type: ignore[attr-defined]
    update = {s: by_section[s] for s in LIST_SECTIONS}
    update["definition"] = by_section["definition"][0]
    update["summary"] = Summary(text=summary_text, sentences=sentences)
    data = {name: getattr(content, name) for name in type(content).model_fields}
    data.update(update)
    return type(content).model_validate(data)
