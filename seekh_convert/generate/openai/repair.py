"""Repair requests: replacement items for exactly the positions the quality gate failed.

The reply is one object with a key per failing position (``questions_1``, ``definition``...), each
validated as that section's item type; replacements are put in place of the failing items, which
otherwise stay as they were (so the gate drops them).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, create_model

from seekh_convert.generate.openai.mapreduce import plan_parts, render_part
from seekh_convert.generate.openai.parse import ITEM_TYPES
from seekh_convert.generate.openai.relocate import TopicQuotes
from seekh_convert.model.document import Topic
from seekh_convert.model.findings import Finding
from seekh_convert.model.guide import LIST_SECTIONS, GuideContent

#: Source parts sent with a repair request of a long topic.
MAX_PARTS = 3
#: Sections whose other items are listed so a replacement does not repeat them.
_DISTINCT = ("flashcards", "questions")


@dataclass
class Slot:
    """One failing position: ``section`` and ``index`` (None for the definition) with why it failed."""

    section: str
    index: int | None
    reasons: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.section if self.index is None else f"{self.section}_{self.index}"


def slots_of(content: GuideContent, findings: list[Finding]) -> list[Slot]:
    """The positions of ``content`` the dropped findings point at (one slot per item, reasons merged)."""
    slots: dict[tuple[str, int | None], Slot] = {}
    for finding in findings:
        if finding.action != "dropped" or not _exists(content, finding.section, finding.index):
            continue
        slot = slots.setdefault((finding.section, finding.index), Slot(finding.section, finding.index))
        slot.reasons.append(finding.describe())
        slot.reasons += [f"also: {r.value}" for r in finding.also]
    return list(slots.values())


def _exists(content: GuideContent, section: str, index: int | None) -> bool:
    if section == "definition":
        return index is None
    items = (
        content.summary.sentences
        if section == "summary"
        else getattr(content, section, None)
        if section in LIST_SECTIONS
        else None
    )
    return items is not None and index is not None and 0 <= index < len(items)


def reply_model(slots: list[Slot]) -> type[BaseModel]:
    """``{"<position>": <item of that section>, ...}`` for exactly ``slots``."""
    fields = {slot.key: (ITEM_TYPES[slot.section], ...) for slot in slots}
    return create_model("RepairItems", __config__=ConfigDict(extra="forbid"), **fields)  # type: ignore[call-overload]


def _item(content: GuideContent, section: str, index: int | None):
    if section == "definition":
        return content.definition
    if section == "summary":
        return content.summary.sentences[index]  # type: ignore[index]
    return getattr(content, section)[index]


def _prompt_text(model: BaseModel) -> str:
    for name in ("question", "front", "statement", "title", "topic", "text"):
        if isinstance(value := getattr(model, name, None), str):
            return value
    return ""


def render_failing(content: GuideContent, slots: list[Slot]) -> str:
    """The failing items with their reasons as JSON; ``<`` is escaped so no text can close a delimiter."""
    listed = []
    for slot in slots:
        entry: dict = {
            "position": slot.key,
            "reasons": slot.reasons,
            "item": _item(content, slot.section, slot.index).model_dump(mode="json"),
        }
        if slot.section in _DISTINCT:
            others = [i for i in range(len(getattr(content, slot.section))) if i != slot.index]
            entry["keep_distinct_from"] = [_prompt_text(_item(content, slot.section, i)) for i in others]
        listed.append(entry)
    return json.dumps(listed, ensure_ascii=False, indent=1).replace("<", "\\u003c")


def repair_source(topic: Topic, content: GuideContent, slots: list[Slot], index: TopicQuotes, chunk_tokens: int) -> str:
    """The topic text to send: all of it when it fits one part, else the parts the failing quotes come from."""
    parts = plan_parts(topic, chunk_tokens)
    if len(parts) > 1:
        blocks = [found.block for slot in slots if (found := index.find(_item(content, slot.section, slot.index).source.quote))]
        chosen = [p for p in parts if any(b is block for b, _ in p for block in blocks)][:MAX_PARTS]
        parts = chosen or parts[:1]
    return "\n\n".join(render_part(p) for p in parts)


def put_in_place(content: GuideContent, replacements: dict[str, dict], slots: list[Slot]) -> GuideContent:
    """``content`` with each slot's replacement (schema data) where the failing item was."""
    data = content.model_dump(mode="json")
    for slot in slots:
        new = replacements.get(slot.key)
        if new is None:
            continue
        if slot.section == "definition":
            data["definition"] = new
        elif slot.section == "summary":
            data["summary"]["sentences"][slot.index] = new
        else:
            data[slot.section][slot.index] = new
    return type(content).model_validate(data)
