"""Stage 1, read: a source file -> a ``Document`` holding its raw layer (pages, cues or raw blocks).

One reader per file type; ``read`` picks it by the file's suffix. A new input format is a reader module
here, listed in ``_READERS`` (and, when its raw layer is new, a cleaner in ``clean``).
"""

from __future__ import annotations

from pathlib import Path

from seekh_convert.errors import InputError
from seekh_convert.model.document import Document, PieceLimits

#: suffix -> reader name (readers are imported when first needed)
_READERS = {
    ".pdf": "pdf",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "markdown",
    ".text": "markdown",
    ".vtt": "subtitles",
    ".srt": "subtitles",
    **dict.fromkeys((".mp3", ".m4a", ".wav", ".flac", ".ogg", ".mp4", ".mov", ".webm", ".mkv"), "audio"),
}
SUPPORTED = sorted(_READERS)
AUDIO = frozenset(s for s, kind in _READERS.items() if kind == "audio")  # recordings: transcribed before clean


def read(path: Path, *, password: str | None = None, pieces: PieceLimits | None = None) -> Document:
    """The raw ``Document`` of ``path``; ``InputError`` (one line naming the file and the fix) when it cannot be read.

    ``pieces`` bounds the pieces a recording is cut into for transcription uploads.
    """
    kind = _READERS.get(path.suffix.lower())
    if kind == "pdf":
        from seekh_convert.read.pdf import PdfExtractor

        return PdfExtractor()(path, password=password)
    if kind == "subtitles":
        from seekh_convert.read.subtitles import SubtitleExtractor

        return SubtitleExtractor()(path)
    if kind == "markdown":
        from seekh_convert.read.markdown import TextExtractor

        return TextExtractor()(path)
    if kind == "audio":
        from seekh_convert.read.audio import AudioExtractor

        return AudioExtractor(pieces)(path)
    raise InputError(f"{path.name}: unsupported file type '{path.suffix or '(none)'}'; use one of {', '.join(SUPPORTED)}")
