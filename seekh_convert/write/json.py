"""guide.json: the study guide, validated again on write."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from seekh_convert.files import atomic_write_text
from seekh_convert.model.guide import StudyGuide


def dump_model(model: BaseModel) -> str:
    """Stable, human-diffable JSON (field order from the schema, 2-space indent, trailing newline)."""
    return model.model_dump_json(indent=2) + "\n"


class JsonWriter:
    """Writes ``guide.json``; refuses to write a guide that does not validate."""

    filename = "guide.json"

    def __call__(self, guide: StudyGuide, folder: Path) -> Path:
        text = dump_model(guide)
        StudyGuide.model_validate(json.loads(text))  # what is on disk must load back as a valid guide
        path = folder / self.filename
        atomic_write_text(path, text)
        return path
