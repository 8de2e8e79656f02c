"""Where a quote sits in the source: sentence-level references, and whether a claimed location holds.

Every engine builds its items' ``SourceRef`` here, from the blocks a quote was found in, so pages, sections
and transcript times are the source's own from the moment an item is made.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from seekh_convert.model.document import Block
from seekh_convert.model.guide import SourceRef
from seekh_convert.text.normalize import normalize_ws
from seekh_convert.text.quotes import QuoteIndex, Span
from seekh_convert.text.words import key_string

#: The marks and symbols before a quote's first word and after its last.
_OUTER_TAIL = re.compile(r"[^\w]*$")
_OUTER_HEAD = re.compile(r"[^\w]*")

#: Seconds a transcript quote's time range may miss a block's range and still count as "at that location".
TIME_SLACK = 2.0


def ref_at(block: Block, begin: int, end: int, quote: str) -> SourceRef:
    """The reference of ``block.text[begin:end]``: page, section and the times of the sentences it spans."""
    times = block.time_at(begin, end)
    return SourceRef(
        quote=quote,
        page=block.page,
        slide=block.slide,
        start=times[0] if times else None,
        end=times[1] if times else None,
        section=block.section[:300].strip() or None,
    )


def has_location(ref: SourceRef) -> bool:
    """True when ``ref`` claims a page, a slide, a time range or a section."""
    return ref.page is not None or ref.slide is not None or ref.start is not None or bool(ref.section)


def at_location(block: Block, ref: SourceRef) -> bool:
    """True when ``block`` sits where ``ref`` says (page, slide, overlapping time range, or section)."""
    if ref.page is not None:
        return block.page == ref.page
    if ref.slide is not None:
        return block.slide == ref.slide
    if ref.start is not None and ref.end is not None:
        if block.start is None or block.end is None:
            return False
        return block.start <= ref.end + TIME_SLACK and ref.start <= block.end + TIME_SLACK
    if ref.section:
        return key_string(block.section) == key_string(ref.section)
    return True


#: Blocks one quote may span: a sentence the reader split around a removed equation or figure ("(often denoted
#: as", "),", "and a link function", "that places ...") is still one quote.
MAX_QUOTE_BLOCKS = 6


class SourceFinder:
    """Finds quotes in a run of blocks (a topic, a document) and makes their references."""

    def __init__(self, blocks: Sequence[Block]):
        self.blocks = list(blocks)
        self._index = QuoteIndex([b.shown for b in self.blocks], max_texts=MAX_QUOTE_BLOCKS)

    def find_all(self, quote: str) -> list[Span]:
        """Every place ``quote`` occurs (see ``text.quotes``)."""
        return self._index.find_all(quote)

    def find(self, quote: str) -> Span | None:
        """The first place ``quote`` occurs, or None."""
        return self._index.find(quote)

    def blocks_of(self, span: Span) -> list[Block]:
        return [self.blocks[i] for i in span.texts]

    def verbatim(self, span: Span, quote: str = "") -> str | None:
        """The source text a one-block span covers (white space collapsed), with the punctuation ``quote`` has
        around its words where the source has it too; None for a span over several blocks."""
        if len(span.texts) != 1:
            return None
        text = self.blocks[span.first].shown
        # the marks and symbols around the quote's first and last words ("call it G≺.": the "≺" is no word; run 15)
        tail = _OUTER_TAIL.search(quote).group()  # type: ignore[union-attr]
        head = _OUTER_HEAD.match(quote).group()  # type: ignore[union-attr]
        end = _edge_end(text, span.end, tail)
        start = len(text) - _edge_end(text[::-1], len(text) - span.start, head[::-1])
        return normalize_ws(text[start:end])

    def ref(self, span: Span, quote: str) -> SourceRef:
        """The reference of a found quote: the first block's page and section, the times of the sentences it spans."""
        first, last = self.blocks[span.first], self.blocks[span.last]
        ref = ref_at(first, span.start, span.end if first is last else len(first.shown), quote)
        if first is not last and ref.start is not None:
            tail = last.time_at(0, span.end)
            if tail is not None:
                ref = ref.model_copy(update={"start": min(ref.start, tail[0]), "end": max(ref.end or tail[1], tail[1])})
        return ref


def _edge_end(text: str, end: int, edge: str) -> int:
    """Where ``text`` ends once the punctuation ``edge`` (the quote's, after its last word) is taken on from
    ``end`` where the source has it too, white space aside ("ℙ(𝐸)ℙ(𝐹 )." quoted as "ℙ(𝐸)ℙ(𝐹 )." keeps its " ).")."""
    for mark in edge.replace(" ", ""):
        after = end
        while after < len(text) and text[after].isspace():
            after += 1
        if after >= len(text) or text[after] != mark:
            break
        end = after + 1
    return end
