"""Load: read one file into a segmented, chunked ``Document`` (extract -> clean -> segment -> chunk).

The stage order lives here, in one place; which extractor and cleaner run depends on the file type.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from seekh_convert.split.chunk import Chunker
from seekh_convert.model.document import Document
from seekh_convert.errors import InputError
from seekh_convert.split.segment import Segmenter

PDF_SUFFIXES = {".pdf"}
TEXT_SUFFIXES = {".md", ".markdown", ".txt", ".text"}
SUBTITLE_SUFFIXES = {".vtt", ".srt"}
SUPPORTED = sorted(PDF_SUFFIXES | TEXT_SUFFIXES | SUBTITLE_SUFFIXES)


@dataclass
class Options:
    """How inputs are read and converted (the CLI options that are not about the engine)."""

    max_topics: int | None = None
    single_topic: bool = False
    chunk_tokens: int = 1500
    password: str | None = None
    strict: bool = False  # fail a guide whose quality report misses the thresholds


def _stages(path: Path, options: Options) -> tuple[Callable[[Document], Document], ...]:
    """The stage order after extraction, per source kind."""
    suffix = path.suffix.lower()
    segment = Segmenter(max_topics=options.max_topics, single_topic=options.single_topic)
    chunk = Chunker(max_tokens=options.chunk_tokens)
    if suffix in PDF_SUFFIXES:
        from seekh_convert.clean.pdf import PdfCleaner

        return (PdfCleaner(), segment, chunk)
    if suffix in SUBTITLE_SUFFIXES:
        from seekh_convert.clean.transcript import TranscriptCleaner

        return (TranscriptCleaner(), segment, chunk)
    return (segment, chunk)


def _extract(path: Path, options: Options) -> Document:
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        from seekh_convert.read.pdf import PdfExtractor

        return PdfExtractor()(path, password=options.password)
    if suffix in SUBTITLE_SUFFIXES:
        from seekh_convert.read.subtitles import SubtitleExtractor

        return SubtitleExtractor()(path)
    if suffix in TEXT_SUFFIXES:
        from seekh_convert.read.markdown import TextExtractor

        return TextExtractor()(path)
    raise InputError(f"{path.name}: unsupported file type '{path.suffix or '(none)'}'; use one of {', '.join(SUPPORTED)}")


def expand_inputs(paths: list[Path]) -> list[Path]:
    """Folders become the supported files inside them (recursively, sorted, hidden ones skipped).

    Files named explicitly are kept whatever their type, so an unsupported one gets its own error.
    """
    out: list[Path] = []
    for path in paths:
        if not path.is_dir():
            out.append(path)
            continue
        found = sorted(
            p for p in path.rglob("*")
            if p.is_file() and p.suffix.lower() in SUPPORTED and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        out.extend(found or [path])  # an empty folder stays, to be reported
    return out


def load_document(path: Path, options: Options | None = None) -> Document:
    """Extract, clean, segment and chunk one file."""
    options = options or Options()
    if not path.exists():
        raise InputError(f"{path}: no such file; check the path")
    if path.is_dir():
        raise InputError(f"{path}: folder holds no supported files ({', '.join(SUPPORTED)})")
    try:
        path.open("rb").close()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}); check its permissions") from exc
    doc = _extract(path, options)
    if not doc.sha256:
        doc.sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    for stage in _stages(path, options):
        doc = stage(doc)
    return doc
