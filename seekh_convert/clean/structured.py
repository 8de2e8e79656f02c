"""Plain-text raw blocks (Word, web pages, e-books) -> ``Block``s with section, page and kind.

The readers of these formats already deliver plain text (no inline markup) with the writer's bold terms, so
cleaning is Unicode normalisation plus the section rules Markdown uses (references, exercises, summaries,
glossaries, licence lines); see ``clean.markdown.build_blocks``.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from seekh_convert.clean.common import normalize_text
from seekh_convert.clean.markdown import build_blocks
from seekh_convert.clean.tex import render_tex
from seekh_convert.errors import InputError
from seekh_convert.model.document import Block, BlockKind, Document, RawBlock
from seekh_convert.text.lexicon import zipf
from seekh_convert.text.normalize import normalize_ws

_HYPHENATED = re.compile(r"\b([A-Za-z][a-z]+)-([a-z]{2,})\b")
_FRAGMENT = 1.5  # Zipf frequency below which a piece of a word is no word of its own ("tored")
_WHOLE = 3.0  # and from which the joined pieces are a word of their own ("monitored")


def plain_text(raw: str) -> tuple[str, tuple[str, ...]]:
    """Normalised text of a plain-text block (no markup to strip, no terms of its own)."""
    return normalize_ws(normalize_text(raw)), ()


def structured_blocks(raw_blocks: list[RawBlock]) -> list[Block]:
    """Blocks of plain-text raw blocks: sections, kinds, the reader's bold runs as the block's key terms."""
    return build_blocks(raw_blocks, strip=plain_text)


def pasted_hyphens(raw_blocks: list[RawBlock]) -> list[RawBlock]:
    """Words a line-end hyphen split in the PDF a text was pasted from, joined: "moni-tored", "de-tails",
    "Re-sources" in Word notes. Joined only where the document writes the word whole elsewhere, or a piece is no
    word at all and the whole is one; "well-being" and "long-term" stay."""
    vocab = Counter(w.lower() for b in raw_blocks for w in re.findall(r"[A-Za-z]+", b.text))

    def join(match: re.Match[str]) -> str:
        left, right = match.groups()
        whole = left + right
        if vocab[whole.lower()] or (min(zipf(left), zipf(right)) < _FRAGMENT and zipf(whole) >= _WHOLE):
            return whole
        return match.group(0)

    out = []
    for b in raw_blocks:
        text = _HYPHENATED.sub(join, b.text) if "-" in b.text and b.kind is not BlockKind.CODE else b.text
        out.append(b if text == b.text else dataclasses.replace(b, text=text))
    return out


class StructuredCleaner:
    """Fill ``doc.blocks`` from plain-text ``doc.raw_blocks``; refuse a document with no text."""

    def __call__(self, doc: Document) -> Document:
        doc.blocks = structured_blocks(pasted_hyphens(doc.raw_blocks))
        if not any(b.text for b in doc.blocks if b.kind is not BlockKind.HEADING):
            raise InputError(f"{doc.path.name}: no text found; the document is empty or holds only images")
        heading = next((b.text for b in doc.blocks if b.kind is BlockKind.HEADING), "")
        doc.title = render_tex(doc.title) or heading or doc.path.stem
        return doc
