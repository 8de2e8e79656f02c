"""Stage 1, read: a source file -> a ``Document`` holding its raw layer (pages, cues or raw blocks).

One reader per file type; ``read`` picks it by the file's suffix. A new input format is a reader module
here, listed in ``_READERS`` (and, when its raw layer is new, a cleaner in ``clean``).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from seekh_convert.errors import InputError
from seekh_convert.model.document import Document

#: suffix -> (module in this package, extractor class); modules are imported when first needed
_READERS = {
    ".pdf": ("pdf", "PdfExtractor"),
    ".md": ("markdown", "TextExtractor"),
    ".markdown": ("markdown", "TextExtractor"),
    ".txt": ("markdown", "TextExtractor"),
    ".text": ("markdown", "TextExtractor"),
    ".vtt": ("subtitles", "SubtitleExtractor"),
    ".srt": ("subtitles", "SubtitleExtractor"),
    ".docx": ("docx", "DocxExtractor"),
    ".pptx": ("pptx", "PptxExtractor"),
    ".html": ("html", "HtmlExtractor"),
    ".htm": ("html", "HtmlExtractor"),
    ".xhtml": ("html", "HtmlExtractor"),
    ".epub": ("epub", "EpubExtractor"),
}
SUPPORTED = sorted(_READERS)


@dataclass(frozen=True)
class ReadOptions:
    """What a reader may need besides the file: a PDF password, OCR mode, the page limit."""

    password: str | None = None
    ocr: str = "auto"  # auto | always | never (PDFs)
    max_pages: int | None = None  # refuse longer PDFs / decks


def read(path: Path, *, password: str | None = None, options: ReadOptions | None = None) -> Document:
    """The raw ``Document`` of ``path``; ``InputError`` (one line naming the file and the fix) when it cannot be read."""
    options = options or ReadOptions(password=password)
    entry = _READERS.get(path.suffix.lower())
    if entry is None:
        raise InputError(f"{path.name}: unsupported file type '{path.suffix or '(none)'}'; use one of {', '.join(SUPPORTED)}")
    module, name = entry
    extractor = getattr(importlib.import_module(f"seekh_convert.read.{module}"), name)()
    if module == "pdf":
        return extractor(path, password=options.password, ocr=options.ocr, max_pages=options.max_pages)
    if module == "pptx":
        return extractor(path, max_pages=options.max_pages)
    return extractor(path)
