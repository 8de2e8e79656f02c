"""Stage 1, read: a source file -> a ``Document`` holding its raw layer (pages, cues, raw blocks or audio).

One reader per file type; ``read`` picks it by the file's suffix. A new input format is a reader module
here, listed in ``_READERS`` (and, when its raw layer is new, a cleaner in ``clean``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from seekh_convert.errors import InputError
from seekh_convert.model.document import Document, PieceLimits

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
    **dict.fromkeys(
        ".mp3 .wav .flac .m4a .aac .ogg .oga .opus .wma .mp4 .m4v .mov .avi .mkv .webm .wmv .mpg .mpeg".split(),
        ("audio", "AudioExtractor"),
    ),
}
SUPPORTED = sorted(_READERS)
#: Recordings (audio, or video with an audio track): transcribed between read and clean.
AUDIO = frozenset(s for s, (module, _) in _READERS.items() if module == "audio")


@dataclass(frozen=True)
class ReadOptions:
    """What a reader may need besides the file: a PDF password, OCR mode, limits, how recordings are cut."""

    password: str | None = None
    ocr: str = "auto"  # auto | always | never (PDFs)
    max_pages: int | None = None  # refuse longer PDFs / decks
    max_bytes: int | None = None  # refuse bigger files
    language: str | None = None  # the user's --language (OCR reads that language when its data is installed)
    pieces: PieceLimits | None = None  # recordings: the pieces uploaded for transcription


def read(path: Path, *, password: str | None = None, options: ReadOptions | None = None) -> Document:
    """The raw ``Document`` of ``path``; ``InputError`` (one line naming the file and the fix) when it cannot be read."""
    options = options or ReadOptions(password=password)
    entry = _READERS.get(path.suffix.lower())
    if entry is None:
        raise InputError(f"{path.name}: unsupported file type '{path.suffix or '(none)'}'; use one of {', '.join(SUPPORTED)}")
    _check_size(path, options.max_bytes)
    module, name = entry
    reader = getattr(_reader_module(module), name)
    if module == "pdf":
        return reader()(path, password=options.password, ocr=options.ocr, max_pages=options.max_pages, language=options.language)
    if module == "pptx":
        return reader()(path, max_pages=options.max_pages)
    if module == "audio":
        return reader(options.pieces)(path)
    return reader()(path)


def _reader_module(module: str):
    """The reader's module, imported when first needed (import statements: the import rules see them)."""
    if module == "pdf":
        from seekh_convert.read import pdf as found
    elif module == "markdown":
        from seekh_convert.read import markdown as found
    elif module == "subtitles":
        from seekh_convert.read import subtitles as found
    elif module == "docx":
        from seekh_convert.read import docx as found
    elif module == "pptx":
        from seekh_convert.read import pptx as found
    elif module == "html":
        from seekh_convert.read import html as found
    elif module == "epub":
        from seekh_convert.read import epub as found
    elif module == "audio":
        from seekh_convert.read import audio as found
    else:  # a new entry in _READERS needs its branch here
        raise ValueError(f"no reader module {module!r}")
    return found


def _check_size(path: Path, max_bytes: int | None) -> None:
    """An empty file, or one above the byte limit, is refused before any parser sees it."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"{path.name}: cannot read the file ({exc.strerror or exc}); check the path") from exc
    if size == 0:
        raise InputError(f"{path.name} is empty (0 bytes); nothing to convert")
    if max_bytes is not None and size > max_bytes:
        raise InputError(
            f"{path.name} is too large ({_megabytes(size)}, more than --max-bytes {_megabytes(max_bytes)}); "
            "raise --max-bytes or split the file"
        )


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"
