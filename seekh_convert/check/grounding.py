"""Find an item's quote in the cleaned source, at the location it claims, and check it supports the item."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from seekh_convert.model.document import Block
from seekh_convert.model.guide import SourceRef
from seekh_convert.text.words import MatchKey, content_stems, coverage, match_key, quote_fragments

#: Seconds a transcript quote's time range may miss a block's range and still count as "at that location".
TIME_SLACK = 2.0


@dataclass
class Match:
    """Where a quote was found: indices of the blocks it spans."""

    blocks: list[int]

    @property
    def first(self) -> int:
        return self.blocks[0]


class SourceIndex:
    """The match keys of a run of blocks (a topic or a whole document), searchable as one text."""

    def __init__(self, blocks: list[Block]):
        self.blocks = blocks
        parts: list[str] = []
        starts: list[bool] = []
        ends: list[bool] = []
        self._offsets: list[int] = []  # offset in ``chars`` where each block begins
        pos = 0
        for block in blocks:
            key: MatchKey = match_key(block.text)
            self._offsets.append(pos)
            parts.append(key.chars)
            starts.extend(key.starts)
            ends.extend(key.ends)
            pos += len(key.chars)
        self.chars = "".join(parts)
        self._starts = starts
        self._ends = ends

    def _block_at(self, pos: int) -> int:
        return bisect.bisect_right(self._offsets, pos) - 1

    def _occurrences(self, key: str, start: int = 0):
        """Word-bounded occurrences of ``key`` from ``start``: (begin, end) offsets, end exclusive."""
        i = self.chars.find(key, start)
        while i >= 0:
            j = i + len(key)
            if self._starts[i] and self._ends[j - 1]:
                yield i, j
            i = self.chars.find(key, i + 1)

    def find_all(self, quote: str) -> list[Match]:
        """Every place the quote occurs (ellipsis-separated fragments in order, within 3 blocks)."""
        fragments = [match_key(f).chars for f in quote_fragments(quote)]
        if not fragments:
            return []
        found: list[Match] = []
        for begin, end in self._occurrences(fragments[0]):
            last = end
            for frag in fragments[1:]:
                nxt = next(self._occurrences(frag, last), None)
                if nxt is None:
                    last = -1
                    break
                last = nxt[1]
            if last < 0:
                continue
            first_block, last_block = self._block_at(begin), self._block_at(last - 1)
            if last_block - first_block > 2:
                continue
            found.append(Match(list(range(first_block, last_block + 1))))
        return found

    def context_stems(self, match: Match, quote: str, radius: int = 1) -> set[str]:
        """Stemmed content words of the quote, its blocks and ``radius`` neighbouring blocks."""
        lo = max(0, match.first - radius)
        hi = min(len(self.blocks), match.blocks[-1] + radius + 1)
        parts = [quote]
        for block in self.blocks[lo:hi]:
            parts += [block.text, block.term or ""]
        return set(content_stems(" ".join(parts)))


def at_location(block: Block, ref: SourceRef) -> bool:
    """True when ``block`` sits where ``ref`` says (page, overlapping time range, or section)."""
    if ref.page is not None:
        return block.page == ref.page
    if ref.start is not None and ref.end is not None:
        if block.start is None or block.end is None:
            return False
        return block.start <= ref.end + TIME_SLACK and ref.start <= block.end + TIME_SLACK
    if ref.section:
        return _same_section(block.section, ref.section)
    return True


def has_location(ref: SourceRef) -> bool:
    return ref.page is not None or ref.start is not None or bool(ref.section)


def _same_section(a: str, b: str) -> bool:
    return match_key(a).chars == match_key(b).chars


def location_of(blocks: list[Block], ref: SourceRef) -> dict[str, object]:
    """The corrected location fields for a quote found in ``blocks`` (same style as ``ref`` where possible)."""
    first = blocks[0]
    update: dict[str, object] = {}
    if first.page is not None:
        update["page"] = first.page
    times = [(b.start, b.end) for b in blocks if b.start is not None and b.end is not None]
    if times:
        update["start"] = min(t[0] for t in times)
        update["end"] = max(t[1] for t in times)
    if first.section:
        update["section"] = first.section
    elif not update and ref.section:
        update["section"] = None
    return update


def support(claim: str, context: set[str]) -> tuple[float, list[str]]:
    """Share of the claim's content words found in ``context`` and the missing ones."""
    needles = content_stems(claim)
    missing = [n for n in needles if n not in context]
    return coverage(needles, context), missing


def support_threshold(claim: str, base: float) -> float:
    """Required support share: stricter for short claims (a one-word answer must be there)."""
    n = len(content_stems(claim))
    if n <= 2:
        return 1.0
    if n <= 4:
        return max(base, 0.6)
    return base
