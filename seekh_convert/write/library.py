"""An output folder as a library: every guide in ``OUT/<input>/<NN-topic>/guide.json``, validated.

Also the one place that turns a schema error into ``file: $.json.path: message`` lines.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from seekh_convert.errors import InputError
from seekh_convert.model.guide import StudyGuide
from seekh_convert.text.normalize import normalize_ws, strip_controls
from seekh_convert.write.review import Decisions, apply, load_decisions

_QUESTION_KINDS = {"multiple_choice", "true_false", "short_answer"}


class GuideInvalid(InputError):
    """A guide.json that does not validate; ``lines`` holds one ``$.path: message`` per error."""

    def __init__(self, path: Path, lines: list[str]):
        self.path = path
        self.lines = lines
        more = f" (+{len(lines) - 1} more)" if len(lines) > 1 else ""
        super().__init__(f"{path}: {lines[0]}{more}")


def json_path(loc: tuple[Any, ...]) -> str:
    """A pydantic error location as a JSON path: ``$.questions[2].options``."""
    out = "$"
    for i, part in enumerate(loc):
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in _QUESTION_KINDS and i > 0 and isinstance(loc[i - 1], int):
            continue  # the discriminator pydantic adds for tagged unions
        else:
            out += f".{part}"
    return out


def validation_lines(exc: ValidationError) -> list[str]:
    """One ``$.path: message`` line per schema error."""
    return [f"{json_path(tuple(e['loc']))}: {strip_controls(e['msg'])}" for e in exc.errors()]


def read_guide(path: Path) -> StudyGuide:
    """Read and validate one guide.json. Raises GuideInvalid (schema or JSON errors) or InputError."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror}); check the path") from None
    except UnicodeDecodeError:
        raise GuideInvalid(path, ["$: not UTF-8 text"]) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise GuideInvalid(path, [f"$: invalid JSON at line {exc.lineno} column {exc.colno} ({exc.msg})"]) from None
    try:
        return StudyGuide.model_validate(data)
    except ValidationError as exc:
        raise GuideInvalid(path, validation_lines(exc)) from None


@dataclass
class Entry:
    """One topic's guide in the library."""

    input: str  # the input's folder name under the output folder
    folder: Path  # the topic folder
    guide: StudyGuide  # as written by the conversion (or by hand)
    decisions: Decisions
    quality: dict = field(default_factory=dict)  # quality.json as read, unvalidated ({} when absent)

    @property
    def key(self) -> str:
        """``<input>/<NN-topic>``: the guide's address inside the output folder."""
        return f"{self.input}/{self.folder.name}"

    def reviewed(self, approved_only: bool = False) -> StudyGuide:
        """The guide with the editor's decisions applied."""
        return apply(self.guide, self.decisions, approved_only)


@dataclass
class Document:
    """The guides of one input, in topic order."""

    input: str
    title: str
    entries: list[Entry]


@dataclass
class Library:
    root: Path
    documents: list[Document]
    errors: list[str]  # one line per guide that could not be loaded

    @property
    def entries(self) -> list[Entry]:
        return [e for d in self.documents for e in d.entries]

    def find(self, key: str) -> Entry | None:
        """The entry whose key is exactly ``key`` (never a path lookup)."""
        return next((e for e in self.entries if e.key == key), None)

    def by_topic(self) -> dict[str, Entry]:
        """Entries by normalised topic title (first wins), to link learn-next and prerequisite topics."""
        out: dict[str, Entry] = {}
        for entry in self.entries:
            out.setdefault(topic_key(entry.guide.topic), entry)
        return out


def topic_key(title: str) -> str:
    return normalize_ws(title).casefold()


def _json_or_empty(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def load_library(root: Path) -> Library:
    """Every guide under ``root`` (``root/<input>/<topic>/guide.json``); bad ones become error lines."""
    if not root.is_dir():
        raise InputError(f"{root}: not a folder; pass the output folder of a conversion (-o)")
    documents: list[Document] = []
    errors: list[str] = []
    for input_dir in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        entries: list[Entry] = []
        for path in sorted(input_dir.glob("*/guide.json")):
            try:
                guide = read_guide(path)
                decisions = load_decisions(path.parent)
            except GuideInvalid as exc:
                errors.extend(f"{exc.path}: {line}" for line in exc.lines)
                continue
            except InputError as exc:
                errors.append(str(exc))
                continue
            entries.append(Entry(input_dir.name, path.parent, guide, decisions, _json_or_empty(path.parent / "quality.json")))
        if entries:
            title = _json_or_empty(input_dir / "index.json").get("title")
            documents.append(
                Document(input_dir.name, title if isinstance(title, str) and title.strip() else input_dir.name, entries)
            )
    return Library(root, documents, errors)
