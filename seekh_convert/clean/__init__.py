"""Stage 2, clean: a document's raw layer -> plain-text ``blocks`` with page / slide / time / section and kind.

One cleaner per raw layer; ``clean`` picks it by the document's kind.
"""

from __future__ import annotations

from seekh_convert.model.document import Document, SourceKind


def clean(doc: Document) -> Document:
    """Fill ``doc.blocks`` from the raw layer the reader filled."""
    if doc.kind is SourceKind.PDF:
        from seekh_convert.clean.pdf import PdfCleaner

        return PdfCleaner()(doc)
    if doc.kind is SourceKind.TRANSCRIPT:
        from seekh_convert.clean.transcript import TranscriptCleaner

        return TranscriptCleaner()(doc)
    if doc.kind is SourceKind.SLIDES:
        from seekh_convert.clean.slides import SlidesCleaner

        return SlidesCleaner()(doc)
    if doc.kind in (SourceKind.DOCX, SourceKind.HTML, SourceKind.EPUB):
        from seekh_convert.clean.structured import StructuredCleaner

        return StructuredCleaner()(doc)
    from seekh_convert.clean.markdown import MarkdownCleaner

    return MarkdownCleaner()(doc)
