"""Long topics: token-bounded parts rendered with location markers (map), notes joined for one reduce call.

Every usable source token is sent about once: in the single call of a small topic, or in the map
call of its part; the reduce call reads only the notes.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from seekh_convert.generate.openai.relocate import TopicQuotes
from seekh_convert.model.document import Block, Topic
from seekh_convert.model.guide import format_timestamp
from seekh_convert.text.normalize import normalize_ws
from seekh_convert.text.tokens import pack

Part = list[tuple[Block, str]]  # blocks of one chunk with the text each contributes

_DELIMITER = re.compile(r"<(\s*/?\s*document)", re.IGNORECASE)


class Note(BaseModel):
    """One fact taken from a part, with the verbatim quote it rests on."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    kind: Literal["definition", "fact", "example", "application", "prerequisite"]
    point: str = Field(min_length=1, max_length=600)
    quote: str = Field(min_length=1, max_length=1200)


class ChunkNotes(BaseModel):
    """What the map step returns for one part."""

    model_config = ConfigDict(extra="forbid")
    notes: list[Note] = Field(max_length=40)


def neutralise(text: str) -> str:
    """Defuse ``<document>`` look-alikes inside source text so it cannot close the data delimiter."""
    return _DELIMITER.sub(r"‹\1", text)


def plan_parts(topic: Topic, max_tokens: int) -> list[Part]:
    """The topic's chunks as parts (readable blocks only: usable, and context a model may quote); chunk the topic here when the chunker has not."""
    if topic.chunks:
        parts = [_part_of_chunk(topic, c) for c in topic.chunks]
    else:
        parts = _chunk(topic, max_tokens)
    return [p for p in parts if p]


def _part_of_chunk(topic: Topic, chunk) -> Part:
    blocks = [topic.blocks[i] for i in chunk.block_indices if 0 <= i < len(topic.blocks)]
    usable = [b for b in blocks if b.readable and b.text.strip()]
    text = normalize_ws(chunk.text)
    if usable and all(normalize_ws(b.text) in text for b in usable):  # whole blocks: keep per-block locations
        return [(b, b.text) for b in usable]
    first = usable[0] if usable else None  # a slice of one long block
    return [(first, chunk.text)] if first else []


def _chunk(topic: Topic, max_tokens: int) -> list[Part]:
    """Parts of a topic the chunker has not cut (usable blocks packed by tokens)."""
    usable = [b for b in topic.blocks if b.readable and b.text.strip()]
    return [[(usable[i], piece) for i, piece, _ in group] for group in pack([b.text for b in usable], max_tokens)]


def render_part(part: Part) -> str:
    """Part text with ``[section: ...]``, ``[p. N]``, ``[slide N]`` and ``[hh:mm:ss-hh:mm:ss]`` markers where they change."""
    lines, section, page = [], None, None
    for block, text in part:
        if block.section and block.section != section:
            section = block.section
            lines.append(f"[section: {neutralise(normalize_ws(section))}]")
        marker = ""
        if block.start is not None and block.end is not None:
            marker = f"[{format_timestamp(block.start)}-{format_timestamp(block.end)}] "
        elif block.page is not None and block.page != page:
            page = block.page
            marker = f"[p. {page}] "
        elif block.slide is not None and block.slide != page:
            page = block.slide
            marker = f"[slide {page}] "
        shown = block.shown if text == block.text else text  # a whole glossary entry is shown with its term
        lines.append(marker + neutralise(shown.strip()))
    return "\n\n".join(lines)


def kept_notes(notes: ChunkNotes, index: TopicQuotes) -> list[tuple[Note, Block]]:
    """Notes whose quote is really in the topic, with the block it was found in."""
    kept = []
    for note in notes.notes:
        found = index.find(note.quote)
        if found:
            kept.append((note.model_copy(update={"quote": found.quote}), found.block))
    return kept


def render_notes(notes: list[tuple[Note, Block]]) -> str:
    """Notes as the reduce step's document: location marker, kind, point, then the quote on its own line."""
    lines = []
    for note, block in notes:
        if block.start is not None and block.end is not None:
            where = f"[{format_timestamp(block.start)}-{format_timestamp(block.end)}]"
        else:
            where = (
                f"[p. {block.page}]" if block.page is not None else f"[slide {block.slide}]" if block.slide is not None else ""
            )
        section = f"[section: {neutralise(normalize_ws(block.section))}] " if block.section else ""
        lines.append(f"{where} {section}{note.kind}: {neutralise(note.point)}\nquote: {neutralise(note.quote)}".strip())
    return "\n\n".join(lines)


def support_text(notes: list[tuple[Note, Block]]) -> str:
    """What a guide written from ``notes`` may rest on: their verbatim quotes, each once, one per paragraph."""
    return "\n\n".join(dict.fromkeys(note.quote for note, _ in notes))
