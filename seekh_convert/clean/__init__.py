"""Stage 2, clean: a document's raw layer -> plain-text ``blocks`` with page / slide / time / section and kind.

One cleaner per raw layer; ``clean`` picks it by the document's kind.
"""

from __future__ import annotations

from seekh_convert.clean.aims import mark_aims
from seekh_convert.clean.matter import mark_matter
from seekh_convert.errors import InputError
from seekh_convert.model.document import Document, SourceKind
from seekh_convert.text.language import detect_language, sample
from seekh_convert.text.normalize import normalize_ws
from seekh_convert.text.words import word_count

#: A document with fewer usable words than this has too little text to make a study guide from.
MIN_WORDS = 20


def clean(doc: Document) -> Document:
    """Fill ``doc.blocks`` from the raw layer the reader filled, front and back matter marked; refuse a document
    with too little text."""
    doc = _cleaner(doc)(doc)
    mark_aims(mark_matter(doc.blocks))
    _enough_text(doc)
    doc.language = detect_language(sample([b.text for b in doc.blocks if b.usable]))
    return doc


def _cleaner(doc: Document):
    """The cleaner of the document's raw layer."""
    if doc.kind is SourceKind.PDF:
        from seekh_convert.clean.pdf import PdfCleaner

        return PdfCleaner()
    if doc.kind is SourceKind.TRANSCRIPT:
        from seekh_convert.clean.transcript import TranscriptCleaner

        return TranscriptCleaner()
    if doc.kind is SourceKind.SLIDES:
        from seekh_convert.clean.slides import SlidesCleaner

        return SlidesCleaner()
    if doc.kind in (SourceKind.DOCX, SourceKind.HTML, SourceKind.EPUB):
        from seekh_convert.clean.structured import StructuredCleaner

        return StructuredCleaner()
    from seekh_convert.clean.markdown import MarkdownCleaner

    return MarkdownCleaner()


def _enough_text(doc: Document) -> None:
    """A file that opens (or decrypts) to a few words is refused for what it is: too little text."""
    text = " ".join(b.text for b in doc.blocks if b.usable)
    words = word_count(text)
    if words < MIN_WORDS:
        shown = normalize_ws(text)
        quote = f": \u201c{shown[:60]}{'...' if len(shown) > 60 else ''}\u201d" if shown else ""
        raise InputError(
            f"{doc.path.name} has too little text to study ({words} word{'s' if words != 1 else ''}{quote}); "
            f"a study guide needs at least {MIN_WORDS} words of prose"
        )
