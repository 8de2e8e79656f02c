"""Plain-text raw blocks (Word, web pages, e-books) -> ``Block``s with section, page and kind.

The readers of these formats already deliver plain text (no inline markup) with the writer's bold terms, so
cleaning is Unicode normalisation plus the section rules Markdown uses (references, exercises, summaries,
glossaries, licence lines); see ``clean.markdown.build_blocks``.
"""

from __future__ import annotations

from seekh_convert.clean.common import normalize_text
from seekh_convert.clean.markdown import build_blocks
from seekh_convert.clean.tex import render_tex
from seekh_convert.errors import InputError
from seekh_convert.model.document import Block, BlockKind, Document, RawBlock
from seekh_convert.text.normalize import normalize_ws


def plain_text(raw: str) -> tuple[str, tuple[str, ...]]:
    """Normalised text of a plain-text block (no markup to strip, no terms of its own)."""
    return normalize_ws(normalize_text(raw)), ()


def structured_blocks(raw_blocks: list[RawBlock]) -> list[Block]:
    """Blocks of plain-text raw blocks: sections, kinds, the reader's bold runs as the block's key terms."""
    return build_blocks(raw_blocks, strip=plain_text)


class StructuredCleaner:
    """Fill ``doc.blocks`` from plain-text ``doc.raw_blocks``; refuse a document with no text."""

    def __call__(self, doc: Document) -> Document:
        doc.blocks = structured_blocks(doc.raw_blocks)
        if not any(b.text for b in doc.blocks if b.kind is not BlockKind.HEADING):
            raise InputError(f"{doc.path.name}: no text found; the document is empty or holds only images")
        heading = next((b.text for b in doc.blocks if b.kind is BlockKind.HEADING), "")
        doc.title = render_tex(doc.title) or heading or doc.path.stem
        return doc
