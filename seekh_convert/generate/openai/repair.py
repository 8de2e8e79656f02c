"""Repair requests: replacement items for exactly the positions the quality gate failed.

The reply is one object with a key per failing position (``questions_1``, ``definition``...), each
validated as that section's item type; replacements are put in place of the failing items, which
otherwise stay as they were (so the gate drops them).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, create_model

from seekh_convert.generate.openai.mapreduce import plan_parts, render_part
from seekh_convert.generate.openai.parse import ITEM_TYPES
from seekh_convert.generate.openai.relocate import TopicQuotes
from seekh_convert.generate.openai.reply_size import MIN_ITEMS
from seekh_convert.model.document import Block, Topic
from seekh_convert.model.findings import Finding, Reason
from seekh_convert.model.guide import LIST_SECTIONS, GuideContent, put_item
from seekh_convert.text.tokens import count_tokens

#: Most tokens of one failing item's passage when its section, slide or page is longer (a window around its quote).
PASSAGE_TOKENS = 800
_PLACE = re.compile(r"^(definition|[a-z_]+\[\d+\]): ")
#: Sections whose other items are listed so a replacement does not repeat them (every section with siblings: a
#: replaced summary sentence or application must not say what its neighbours say).
_DISTINCT = ("summary", *LIST_SECTIONS)
#: Reasons not worth a round trip: the item repeats what the guide already holds, so dropping it loses nothing.
DROP_ONLY = frozenset({Reason.REPEATS_FLASHCARD, Reason.DUPLICATE, Reason.DUPLICATE_ACROSS_RUN})
#: Passing items a list section keeps before its failing items are dropped rather than repaired (others: 1, a
#: section is not left empty): the takeaways the prompt asks for at least.
FLOOR = {"key_takeaways": MIN_ITEMS}


@dataclass
class Slot:
    """One failing position: ``section`` and ``index`` (None for the definition) with why it failed."""

    section: str
    index: int | None
    reasons: list[str] = field(default_factory=list)
    kinds: set[Reason] = field(default_factory=set)

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
        slot.kinds |= {finding.reason, *finding.also}
    return list(slots.values())


def worth_repairing(content: GuideContent, slots: list[Slot]) -> list[Slot]:
    """The slots worth a repair request: the definition and summary sentences (the paragraph must stay whole),
    and a list section's failing items only when dropping them leaves it below its ``FLOOR``; never an item that
    only repeats another. The rest are dropped by the gate: a round trip costs the rubric and passages again,
    for an item the guide does without (the judged relay runs: 6 topics of 8 went back, repairs half the tokens)."""
    failing = Counter(slot.section for slot in slots)
    chosen = []
    for slot in slots:
        if slot.kinds and slot.kinds <= DROP_ONLY:
            continue
        if slot.section in ("definition", "summary"):
            chosen.append(slot)
            continue
        left = len(getattr(content, slot.section, None) or []) - failing[slot.section]
        if left < FLOOR.get(slot.section, 1):
            chosen.append(slot)
    return chosen


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
    """The failing items with their reasons as a JSON list, one compact line per item (the source's quote only);
    ``<`` is escaped so no text can close a delimiter."""
    lines = []
    for slot in slots:
        item = _item(content, slot.section, slot.index).model_dump(mode="json")
        item["source"] = {"quote": item["source"]["quote"]}  # the passage below carries the locations
        reasons = [_PLACE.sub("", reason) for reason in slot.reasons]  # "questions[2]: " repeats the position
        lines.append(json.dumps({"position": slot.key, "reasons": reasons, "item": item}, ensure_ascii=False))
    return _escaped("[\n" + ",\n".join(lines) + "\n]")


def render_distinct(content: GuideContent, slots: list[Slot]) -> str:
    """Once per section of a failing card or question, the other items a replacement must not repeat (JSON)."""
    failing = {(slot.section, slot.index) for slot in slots}
    distinct = {
        section: [_prompt_text(item) for i, item in enumerate(_siblings(content, section)) if (section, i) not in failing]
        for section in _DISTINCT
        if any(slot.section == section for slot in slots)
    }
    return _escaped(json.dumps({k: v for k, v in distinct.items() if v}, ensure_ascii=False))


def _siblings(content: GuideContent, section: str) -> list:
    return content.summary.sentences if section == "summary" else getattr(content, section)


def _escaped(text: str) -> str:
    return text.replace("<", "\\u003c")


def quotes_of(item: BaseModel) -> list[str]:
    """The quotes an item rests on (``source.quote``, and ``sources`` when an item carries several)."""
    refs = [getattr(item, "source", None), *(getattr(item, "sources", None) or [])]
    return [ref.quote for ref in refs if ref is not None and getattr(ref, "quote", None)]


def repair_source(topic: Topic, content: GuideContent, slots: list[Slot], index: TopicQuotes, chunk_tokens: int) -> str:
    """The text the failing items rest on, every block at most once and in topic order: each quote's whole
    passage (``passage``); the whole topic when no quote is found and it fits one request, else its first part."""
    blocks = [b for b in topic.blocks if b.readable and b.text.strip()]
    position = {id(b): i for i, b in enumerate(blocks)}
    chosen: set[int] = set()
    for slot in slots:
        for quote in quotes_of(_item(content, slot.section, slot.index)):
            if (found := index.find(quote)) is not None and id(found.block) in position:
                chosen |= passage(blocks, position[id(found.block)])
    if chosen:
        return render_part([(blocks[i], blocks[i].text) for i in sorted(chosen)])
    parts = plan_parts(topic, chunk_tokens)
    return render_part(parts[0]) if parts else ""


def passage(blocks: list[Block], at: int, max_tokens: int = PASSAGE_TOKENS) -> set[int]:
    """Indices of the passage around ``blocks[at]``: its slide, else its section, else its page (a table on the
    slide, the sentences before and after), cut to a window of ``max_tokens`` around it when longer; without
    any of them (a transcript) the window itself."""
    key = _unit_key(blocks[at])
    if key is None:  # a transcript: the minutes around the quote
        return _window(blocks, at, max_tokens)
    lo = hi = at
    while lo > 0 and _unit_key(blocks[lo - 1]) == key:
        lo -= 1
    while hi + 1 < len(blocks) and _unit_key(blocks[hi + 1]) == key:
        hi += 1
    if sum(count_tokens(blocks[i].text) for i in range(lo, hi + 1)) <= max_tokens:
        return set(range(lo, hi + 1))
    return _window(blocks, at, max_tokens)


def _unit_key(block: Block) -> tuple | None:
    if block.slide is not None:
        return ("slide", block.slide)
    if block.section:
        return ("section", block.section)
    return ("page", block.page) if block.page is not None else None


def _window(blocks: list[Block], at: int, max_tokens: int) -> set[int]:
    """``blocks[at]`` and its neighbours, one after and one before in turn, while they fit ``max_tokens``."""
    lo = hi = at
    used = count_tokens(blocks[at].text)
    open_sides = {1, -1}
    while open_sides:
        for side in sorted(open_sides, reverse=True):
            i = hi + 1 if side == 1 else lo - 1
            size = count_tokens(blocks[i].text) if 0 <= i < len(blocks) else max_tokens + 1
            if used + size > max_tokens:
                open_sides.discard(side)
                continue
            used += size
            lo, hi = min(lo, i), max(hi, i)
    return set(range(lo, hi + 1))


def put_in_place(content: GuideContent, replacements: dict[str, dict], slots: list[Slot]) -> GuideContent:
    """``content`` with each slot's replacement (schema data) where the failing item was."""
    data = content.model_dump(mode="json")
    for slot in slots:
        new = replacements.get(slot.key)
        if new is None:
            continue
        put_item(data, slot.section, slot.index, new)
    return type(content).model_validate(data)
