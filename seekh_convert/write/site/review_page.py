"""The review pages: every item of a guide beside its source quote, with approve / reject / edit controls."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from seekh_convert.write.items import SECTION_TITLES, Item, iter_items
from seekh_convert.write.library import Entry, Library
from seekh_convert.write.review import Verdict, edited_item
from seekh_convert.write.site.assets import content_security_policy, environment

LABELS = {None: "Not reviewed", Verdict.APPROVED: "Approved", Verdict.REJECTED: "Rejected", Verdict.EDITED: "Edited (approved)"}
_CHOICES = {
    "importance": ["high", "medium", "low"],
    "level": ["beginner", "intermediate", "advanced"],
    "answer_index": ["0", "1", "2", "3"],
}
_LONG = {"text", "why", "back", "explanation", "statement", "question", "front"}


@dataclass
class Field:
    name: str
    label: str
    value: Any
    widget: str  # text, textarea, select, list
    choices: list[str] | None = None


def editable_fields(item: BaseModel) -> list[Field]:
    """The fields an editor may change (everything but the source and the kind), with their widgets."""
    fields = []
    for name, value in item.model_dump(mode="json").items():
        if name in ("source", "kind", "sentences"):
            continue
        label = name.replace("_", " ").capitalize()
        if isinstance(value, list):
            fields.append(Field(name, label, value, "list"))
        elif isinstance(value, bool):
            fields.append(Field(name, label, "true" if value else "false", "select", ["true", "false"]))
        elif name in _CHOICES:
            fields.append(Field(name, label, str(value), "select", _CHOICES[name]))
        else:
            fields.append(Field(name, label, "" if value is None else str(value), "textarea" if name in _LONG else "text"))
    return fields


def shown_edit(item: Item, edit: dict[str, Any]) -> BaseModel:
    """The editor's version of an item, validated (typed fields stay typed); the item itself if it no longer fits."""
    try:
        return edited_item(item, edit)
    except ValueError:
        return item.item


def shown_text(item: Item) -> list[tuple[str, str]]:
    """What the item says, field by field (for the left column)."""
    return [(f.name, " · ".join(f.value) if isinstance(f.value, list) else str(f.value)) for f in editable_fields(item.item)]


def gate_notes(quality: dict) -> dict[tuple[str, int], list[str]]:
    """The quality gate's notes (items it kept as they are, with a problem for the editor to weigh), by the place of
    the item in the written guide; a summary's notes go on the summary."""
    notes: dict[tuple[str, int], list[str]] = {}
    for finding in quality.get("findings", []) if isinstance(quality, dict) else []:
        if not isinstance(finding, dict) or finding.get("action") != "noted":
            continue
        section = str(finding.get("section", ""))
        place = 0 if section in ("definition", "summary") else finding.get("shown")
        if isinstance(place, int):
            notes.setdefault((section, place), []).append(f"{finding.get('reason', '')}: {finding.get('detail', '')}")
    return notes


def review_page(entry: Entry, endpoint: str = "/api/decision") -> str:
    """One guide's review page, with the decisions stored so far and the gate's notes on each item."""
    notes = gate_notes(entry.quality)
    rows = []
    for item in iter_items(entry.guide):
        verdict = entry.decisions.verdict(item)
        decision = entry.decisions.items.get(item.id) if verdict else None
        shown = item.item
        if verdict is Verdict.EDITED and decision and decision.edit:
            shown = shown_edit(item, decision.edit)
        sources = [s.source for s in item.item.sentences] if item.section == "summary" else [item.item.source]  # type: ignore[attr-defined]
        rows.append(
            {
                "item": item,
                "title": SECTION_TITLES[item.section],
                "verdict": verdict.value if verdict else "none",
                "label": LABELS[verdict],
                "shown": shown_text(Item(item.section, item.index, shown, item.id)),
                "fields": editable_fields(shown),
                "sources": sources,
                "notes": notes.get((item.section, item.index), []),
            }
        )
    data = {"guide": entry.key, "endpoint": endpoint}
    template = environment().get_template("review.html.j2")
    return template.render(
        csp=content_security_policy(review=True), root="/", home="", g=entry.guide, entry=entry, rows=rows, data=data
    )


def review_index(library: Library) -> str:
    """The list of guides to review, with how far each has got."""
    topics = []
    for entry in library.entries:
        items = list(iter_items(entry.guide))
        verdicts = [entry.decisions.verdict(i) for i in items]
        topics.append(
            {
                "entry": entry,
                "count": len(items),
                "approved": sum(v in (Verdict.APPROVED, Verdict.EDITED) for v in verdicts),
                "rejected": sum(v is Verdict.REJECTED for v in verdicts),
            }
        )
    template = environment().get_template("review_index.html.j2")
    return template.render(csp=content_security_policy(review=True), root="/", home="", topics=topics, errors=library.errors)
