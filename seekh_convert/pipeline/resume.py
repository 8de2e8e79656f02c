"""Resuming a run: where each input is written, which inputs are already done, and topic folders that an
earlier run with other options (or another version of the file) left behind.

An input is skipped when the manifest says it was converted completely from the same bytes with the same
options and its guides are still there; ``--force`` redoes it. Topic folders left by a run with other
options are never mixed silently with new ones: ``--stale error`` (the default) fails that input with one
line saying what to do, ``remove`` deletes them first, ``keep`` keeps them beside the new ones. No policy
deletes an editor's decisions: ``remove`` moves a topic folder holding a review.json into ``earlier-reviews/``.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from seekh_convert import __version__
from seekh_convert.files import sha256_file, slugify
from seekh_convert.pipeline.manifest import InputRecord, Manifest
from seekh_convert.write.review import FILENAME as REVIEW_FILE

STALE_POLICIES = ("error", "remove", "keep")
#: Where ``--stale remove`` puts topic folders holding an editor's review.json (inside the input's folder).
SET_ASIDE = "earlier-reviews"
_TOPIC_FOLDER = re.compile(r"^\d{2,}-")


@dataclass
class InputPlan:
    """One input of the run: its manifest key, output folder, content hash and what to do with it."""

    path: Path
    key: str
    folder: Path
    sha256: str | None = None  # None: unreadable (the reader says why)
    done: InputRecord | None = None  # finished earlier with the same bytes and options: skipped
    refused: str | None = None  # stale topic folders and --stale error: the one-line reason
    stale: list[Path] = field(default_factory=list)  # topic folders found from an earlier run (kept or removed)
    set_aside: list[Path] = field(default_factory=list)  # removed stale folders with review decisions: moved here


def fingerprint(settings: dict) -> str:
    """The options that decide an input's output, as stable JSON (the tool version included)."""
    return json.dumps({**settings, "tool_version": __version__}, sort_keys=True, default=str)


def plan_run(
    paths: list[Path], out_dir: Path, manifest: Manifest, options: Callable[[Path], str], *, force: bool, stale: str
) -> list[InputPlan]:
    """Decide folder, skip or redo, and stale folders for every input, before any work (``options``: the
    fingerprint of the options that decide that input's output)."""
    records = manifest.records()
    keys = _keys(paths)
    claimed = {r.folder for k, r in records.items() if k not in keys}  # other inputs' folders stay theirs
    plans = []
    for path, key in zip(paths, keys):
        record = records.get(key)
        name = record.folder if record is not None else _free_name(path, claimed)
        claimed.add(name)
        plan = InputPlan(path, key, out_dir / name, _hash(path))
        _decide(plan, record, options(path), force=force, stale=stale)
        if plan.refused is None:
            manifest.plan(key, name, plan.sha256, options(path))
        plans.append(plan)
    return plans


def _keys(paths: list[Path]) -> list[str]:
    """Manifest keys: the absolute path as a JSON string (control characters escaped), numbered when the same
    file is given twice."""
    keys, seen = [], {}
    for path in paths:
        base = json.dumps(str(path.resolve()))
        seen[base] = seen.get(base, 0) + 1
        keys.append(base if seen[base] == 1 else f"{base}#{seen[base]}")
    return keys


def _free_name(path: Path, claimed: set[str]) -> str:
    base = slugify(path.stem, fallback="document")
    name, n = base, 1
    while name in claimed:
        n += 1
        name = f"{base}-{n}"
    return name


def _hash(path: Path) -> str | None:
    try:
        return sha256_file(path) if path.is_file() else None
    except OSError:
        return None


def _decide(plan: InputPlan, record: InputRecord | None, options: str, *, force: bool, stale: str) -> None:
    if record is not None and plan.sha256 is not None and not force and _still_there(record, plan, options):
        plan.done = record
        return
    found = topic_folders(plan.folder)
    same_run = record is not None and record.sha256 == plan.sha256 and record.options == options
    if found and not same_run:
        plan.stale = found
        if stale == "remove":
            for folder in found:
                if (folder / REVIEW_FILE).exists():  # an editor's decisions are never deleted
                    plan.set_aside.append(_set_aside(folder))
                else:
                    shutil.rmtree(folder, ignore_errors=True)
        elif stale != "keep":
            plan.refused = (
                f"{plan.folder}: {len(found)} topic folder(s) from an earlier run with other options or another "
                f"version of {plan.path.name}; pass --stale remove to delete them or --stale keep to keep them"
            )
    for leftover in plan.folder.rglob(".*.tmp") if plan.folder.is_dir() else []:  # a write cut short by a kill
        leftover.unlink(missing_ok=True)


def _set_aside(folder: Path) -> Path:
    """Move a stale topic folder with review decisions to ``<input>/earlier-reviews/<topic>[-N]``."""
    target = folder.parent / SET_ASIDE / folder.name
    n = 1
    while target.exists():
        n += 1
        target = folder.parent / SET_ASIDE / f"{folder.name}-{n}"
    target.parent.mkdir(parents=True, exist_ok=True)
    folder.rename(target)
    return target


def _still_there(record: InputRecord, plan: InputPlan, options: str) -> bool:
    """Finished from these bytes with these options, and every guide it wrote is still on disk."""
    topics = (record.result or {}).get("topics", [])
    return record.finished(plan.sha256 or "", options) and all(
        (plan.folder / t["folder"] / "guide.json").is_file() for t in topics
    )


def topic_folders(folder: Path) -> list[Path]:
    """The topic folders (``NN-slug`` holding a guide or a quality report) inside an input's folder."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_dir() and _TOPIC_FOLDER.match(p.name) and ((p / "guide.json").exists() or (p / "quality.json").exists())
    )
