"""transcript.vtt: the timed transcript of a recording, beside its guides, as WebVTT.

Cue text is already WebVTT-safe (``model.transcriber.stitch`` escapes what the server heard); it is
checked again here, and the NOTE naming the source loses anything that could end or forge a block.
"""

from __future__ import annotations

import re
from pathlib import Path

from seekh_convert.files import atomic_write_text
from seekh_convert.model.document import Document
from seekh_convert.model.transcriber import vtt_text
from seekh_convert.text.normalize import strip_controls

_UNSAFE_NOTE = re.compile(r"-->|[\r\n]")
_UNSAFE_TEXT = re.compile(r"[<>\r\n\x00-\x08\x0b-\x1f\x7f-\x9f]")  # markup or a line break: not escaped yet


def timestamp(seconds: float) -> str:
    """``3723.5`` -> ``01:02:03.500``."""
    ms = max(0, round(seconds * 1000))
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


class TranscriptWriter:
    """Writes ``transcript.vtt`` from a document's cues (a transcribed recording)."""

    filename = "transcript.vtt"

    def __call__(self, doc: Document, folder: Path, model: str | None = None) -> Path:
        lines = ["WEBVTT", ""]
        note = f"Transcript of {doc.path.name}"
        if model:
            note += f" by {model}"
        if doc.metadata.get("language"):
            note += f"; language: {doc.metadata['language']}"
        lines += ["NOTE " + _UNSAFE_NOTE.sub(" ", strip_controls(note)), ""]
        for n, cue in enumerate(doc.cues, start=1):
            text = vtt_text(cue.text) if _UNSAFE_TEXT.search(cue.text) else cue.text
            lines += [str(n), f"{timestamp(cue.start)} --> {timestamp(max(cue.end, cue.start))}", text, ""]
        path = folder / self.filename
        atomic_write_text(path, "\n".join(lines))
        return path
