"""Stage 2, clean: a document's raw layer -> plain-text ``blocks`` with page / time / section and kind.

One cleaner per raw layer; ``clean`` picks it by the document's kind.
"""

from __future__ import annotations

from seekh_convert.clean.matter import mark_matter
from seekh_convert.model.document import Document, SourceKind


def clean(doc: Document) -> Document:
    """Fill ``doc.blocks`` from the raw layer the reader filled, front and back matter marked."""
    doc = _cleaner(doc)(doc)
    mark_matter(doc.blocks)
    return doc


def _cleaner(doc: Document):
    """The cleaner of the document's raw layer."""
    if doc.kind is SourceKind.PDF:
        from seekh_convert.clean.pdf import PdfCleaner

        return PdfCleaner()
    if doc.kind is SourceKind.TRANSCRIPT:
        from seekh_convert.clean.transcript import TranscriptCleaner

        return TranscriptCleaner()
    from seekh_convert.clean.markdown import MarkdownCleaner

    return MarkdownCleaner()
