"""An editor's review decisions: ``review.json`` next to ``guide.json``, keyed by item identity.

A decision is ``approved``, ``rejected`` or ``edited`` (approved with the editor's version of the item).
Decisions are keyed by the content identity of the item as generated, so they survive a re-run of the
conversion whenever the item comes out unchanged; decisions about items that are gone are kept too (the
item may come back). The file is always written atomically.
"""

from __future__ import annotations

import enum
import json
import threading
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from seekh_convert.errors import InputError
from seekh_convert.files import atomic_write_text
from seekh_convert.model.guide import StudyGuide
from seekh_convert.write.items import SECTIONS, SINGLE_SECTIONS, Item, item_model, iter_items

FILENAME = "review.json"
_lock = threading.Lock()


class Verdict(str, enum.Enum):
    APPROVED = "approved"
    REJECTED = "rejected"
    EDITED = "edited"


class Decision(BaseModel):
    model_config = ConfigDict(extra="forbid")

    section: str
    verdict: Verdict
    edit: dict[str, Any] | None = Field(default=None, description="The editor's version of the item (verdict 'edited').")


class Decisions(BaseModel):
    """Everything decided about one guide's items, by item identity."""

    model_config = ConfigDict(extra="forbid")

    version: int = 1
    items: dict[str, Decision] = Field(default_factory=dict)

    def verdict(self, item: Item) -> Verdict | None:
        decision = self.items.get(item.id)
        return decision.verdict if decision and decision.section == item.section else None


def load_decisions(folder: Path) -> Decisions:
    """The decisions stored beside a guide; none when there is no file. Raises InputError on a damaged file."""
    path = folder / FILENAME
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Decisions()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        return Decisions.model_validate(json.loads(text))
    except (ValueError, ValidationError) as exc:
        raise InputError(f"{path}: not a valid review file ({str(exc).splitlines()[0]}); fix or remove it") from None


def edited_item(item: Item, edit: dict[str, Any]) -> BaseModel:
    """The editor's version of ``item``: its fields overridden by ``edit``, validated. Raises ValueError."""
    data = {**item.item.model_dump(mode="json"), **edit}
    data["source"] = item.item.model_dump(mode="json").get("source")  # the source is the document's, not editable
    if item.section == "summary":
        data["sentences"] = item.item.model_dump(mode="json")["sentences"]
    model = item_model(item.section, data.get("kind"))
    for key, value in list(data.items()):
        if value == "" and key in model.model_fields and not model.model_fields[key].is_required():
            data[key] = None  # an emptied optional field (a prerequisite's reason) is left out
    if item.section == "questions" and data.get("kind") != getattr(item.item, "kind", None):
        raise ValueError("kind: a question's kind cannot be changed")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or item.section
        raise ValueError(f"{where}: {first['msg']}") from None


def record(folder: Path, guide: StudyGuide, item_key: str, verdict: Verdict, edit: dict[str, Any] | None) -> Decision | None:
    """Store one decision about the item ``item_key`` of ``guide`` (atomically); return the item's decision now.

    An edit that changes nothing records nothing (the decision so far stays, None when there is none); an edit
    back to the item as generated makes an edited item approved. Raises KeyError / ValueError.
    """
    item = next((i for i in iter_items(guide) if i.id == item_key), None)
    if item is None:
        raise KeyError(item_key)
    with _lock:
        decisions = load_decisions(folder)
        before = decisions.items.get(item_key)
        if before is not None and before.section != item.section:
            before = None
        if verdict is Verdict.EDITED:
            if not isinstance(edit, dict):
                raise ValueError("edit: the edited item is missing")
            edit = {k: v for k, v in edited_item(item, edit).model_dump(mode="json").items() if k != "source"}
            as_generated = edit == {k: v for k, v in item.item.model_dump(mode="json").items() if k != "source"}
            if before is not None and before.verdict is Verdict.EDITED and edit == before.edit:
                return before  # the same edit again
            if as_generated:
                if before is None or before.verdict is not Verdict.EDITED:
                    return before  # "Save edit" without a change
                verdict, edit = Verdict.APPROVED, None  # the edit undone: the item as generated, approved
        else:
            edit = None
        decision = Decision(section=item.section, verdict=verdict, edit=edit)
        decisions.items[item_key] = decision
        atomic_write_text(folder / FILENAME, decisions.model_dump_json(indent=2) + "\n")
    return decision


def apply(guide: StudyGuide, decisions: Decisions, approved_only: bool = False) -> StudyGuide:
    """The guide as the editor left it: edits applied, rejected items removed.

    With ``approved_only`` only approved and edited items stay. Sections may come out empty (and the single
    sections ``None``): renderers show an honest note there. The result is not re-validated.
    """
    kept: dict[str, list[BaseModel]] = {section: [] for section in SECTIONS}
    for item in iter_items(guide):
        decision = decisions.items.get(item.id)
        verdict = decision.verdict if decision and decision.section == item.section else None
        if verdict is Verdict.REJECTED or (approved_only and verdict is None):
            continue
        if verdict is Verdict.EDITED and decision and decision.edit is not None:
            try:
                kept[item.section].append(edited_item(item, decision.edit))
                continue
            except ValueError:
                pass  # an edit that no longer fits: the item as generated
        kept[item.section].append(item.item)
    update: dict[str, Any] = {s: (kept[s][0] if kept[s] else None) for s in SINGLE_SECTIONS}
    update.update({s: kept[s] for s in SECTIONS if s not in SINGLE_SECTIONS})
    return guide.model_copy(update=update)
