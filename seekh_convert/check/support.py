"""Whether an item's quote supports it: the item's content words must occur in or near the quote."""

from __future__ import annotations

from seekh_convert.model.sources import SourceFinder
from seekh_convert.text.quotes import Span
from seekh_convert.text.words import content_stems, coverage


def context_stems(finder: SourceFinder, span: Span, quote: str, radius: int = 1) -> set[str]:
    """Stemmed content words of the quote, the blocks it lies in and ``radius`` neighbouring blocks."""
    lo = max(0, span.first - radius)
    hi = min(len(finder.blocks), span.last + radius + 1)
    parts = [quote]
    for block in finder.blocks[lo:hi]:
        parts += [block.text, block.term or ""]
    return set(content_stems(" ".join(parts)))


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
