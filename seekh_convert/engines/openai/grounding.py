"""Attach real locations to generated items: find each quote in the topic's usable blocks.

Locations come from the block the quote is found in, whatever the model claimed; items whose
quote is not in the topic are dropped. Sections left empty are reported for a repair request.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from ...document import Block, Topic, normalize_ws
from ...schema import GuideContent, SourceRef

log = logging.getLogger(__name__)

#: Grounded list fields of ``GuideContent`` (each needs at least one item).
LIST_FIELDS = ("key_takeaways", "learn_next", "prerequisites", "applications", "flashcards", "questions")
_QUOTE_MARKS = "\"'“”‘’«»` "
_ELLIPSIS = re.compile(r"^(\.\.\.|…)\s*|\s*(\.\.\.|…)$")
_TYPOGRAPHY = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})


@dataclass(frozen=True)
class Located:
    quote: str  # the exact (whitespace-normalised) source text
    block: Block


class QuoteIndex:
    """Whitespace-normalised texts of a topic's usable blocks, searchable for quotes."""

    def __init__(self, topic: Topic):
        self._blocks = [(normalize_ws(b.text), b) for b in topic.blocks if b.usable and b.text.strip()]
        self._folded = [(_fold(text), text, b) for text, b in self._blocks]

    def find(self, quote: str) -> Located | None:
        """The block holding ``quote``: exact after whitespace normalisation, else ignoring case and typography."""
        wanted = _ELLIPSIS.sub("", normalize_ws(quote).strip(_QUOTE_MARKS))
        if len(wanted) < 8:
            return None
        for text, block in self._blocks:
            if wanted in text:
                return Located(wanted, block)
        folded = _fold(wanted)
        for ftext, text, block in self._folded:
            at = ftext.find(folded)
            if at >= 0 and len(ftext) == len(text):
                return Located(text[at : at + len(folded)], block)
        return None


def _fold(text: str) -> str:
    return text.translate(_TYPOGRAPHY).lower()


def ground(content: GuideContent, index: QuoteIndex) -> tuple[dict, list[str]]:
    """Re-locate every item; returns the kept content as data and the sections left empty."""
    data = content.model_dump(exclude_computed_fields=True)
    empty: list[str] = []
    if not _relocate(data["definition"], index):
        empty.append("definition")
    data["summary"]["sentences"] = [s for s in data["summary"]["sentences"] if _relocate(s, index)]
    if not data["summary"]["sentences"]:
        empty.append("summary")
    for name in LIST_FIELDS:
        kept = [item for item in data[name] if _relocate(item, index)]
        if len(kept) < len(data[name]):
            log.info("dropped %d %s item(s) whose quote is not in the source", len(data[name]) - len(kept), name)
        data[name] = kept
        if not kept:
            empty.append(name)
    return data, empty


def _relocate(item: dict, index: QuoteIndex) -> bool:
    found = index.find(item["source"]["quote"])
    if found is None:
        return False
    item["source"] = location(found).model_dump()
    return True


def location(found: Located) -> SourceRef:
    """A ``SourceRef`` for a found quote, located by its block."""
    b = found.block
    times = (b.start, b.end) if b.start is not None and b.end is not None else (None, None)
    return SourceRef(quote=found.quote, page=b.page, start=times[0], end=times[1], section=b.section[:300] or None)


def relocate_section(data: object, index: QuoteIndex) -> object:
    """Re-locate a repaired section (one item dict or a list of them); returns what survives or ``None``."""
    if isinstance(data, list):
        kept = [item for item in data if _relocate(item, index)]
        return kept or None
    return data if _relocate(data, index) else None
