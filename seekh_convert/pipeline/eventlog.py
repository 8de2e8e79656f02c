"""``--log-json FILE``: every event of a run as one JSON object per line, written as it happens.

Each line has ``time`` (ISO 8601, UTC), ``event`` (loaded, topic, done, failed, resumed, not started, request,
warning, run) and ``input`` (the input's path), plus the event's own fields: a request's phase, step,
tokens, cost and seconds; a topic's index, title, folder and error; an input's status, guides and usage.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime
from pathlib import Path

from seekh_convert.errors import OutputError
from seekh_convert.model.document import Document
from seekh_convert.model.engine import RequestEvent
from seekh_convert.pipeline.results import ConversionResult, TopicResult


class JsonEventLog:
    """Callable as a Converter's ``on_event``; ``close()`` at the end."""

    def __init__(self, path: Path):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._file = path.open("a", encoding="utf-8", buffering=1)  # line-buffered: a killed run keeps its lines
        except OSError as exc:
            raise OutputError(f"cannot write the event log {path} ({exc.strerror or exc}); pass another --log-json") from None

    def __call__(self, kind: str, path: Path | None, payload: object = None) -> None:
        line = {"time": datetime.now(UTC).isoformat(timespec="milliseconds"), "event": kind, "input": str(path) if path else None}
        line.update(fields(payload))
        self._file.write(json.dumps(line, ensure_ascii=False, default=str) + "\n")

    def close(self) -> None:
        self._file.close()


def fields(payload: object) -> dict:
    """The JSON fields of an event's payload."""
    if isinstance(payload, RequestEvent):
        data = dataclasses.asdict(payload)
        data["input_index"], data["topic"] = data.pop("order")
        return data
    if isinstance(payload, TopicResult):
        folder = payload.folder.name if payload.folder else None
        return {
            "topic": payload.index,
            "title": payload.title,
            "folder": folder,
            "error": payload.error,
            "skipped": payload.skipped,
        }
    if isinstance(payload, ConversionResult):
        return {
            "status": payload.status.value,
            "resumed": payload.resumed,
            "topics": len(payload.topics),
            "guides": len(payload.guides),
            "errors": payload.errors,
            "seconds": round(payload.seconds, 3),
            "usage": payload.usage.model_dump(),
        }
    if isinstance(payload, Document):
        return {"topics": len(payload.topics), "warnings": payload.warnings}
    if isinstance(payload, dict):
        return payload
    return {} if payload is None else {"message": str(payload)}
