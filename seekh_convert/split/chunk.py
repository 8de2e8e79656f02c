"""Chunk: split each topic into token-bounded chunks of whole blocks, keeping page / time spans.

Only blocks that generators may use are chunked (no references, figure credits, the source's own
questions or boilerplate), so an LLM never reads them and every source token is sent about once.
"""

from __future__ import annotations

import re
from typing import Annotated

from seekh_convert.model.document import Block, BlockKind, Chunk, Document, Topic
from seekh_convert.text.tokens import count_tokens, encoding

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(\u201c])")


class Chunker:
    """Fills ``topic.chunks`` for every topic of a document."""

    max_tokens: Annotated[int, "upper bound of a chunk, in cl100k_base tokens"] = 1500

    def __init__(self, max_tokens: int = 1500):
        if max_tokens < 50:
            raise ValueError("max_tokens must be at least 50")
        self.max_tokens = max_tokens

    def __call__(self, doc: Document) -> Document:
        for topic in doc.topics:
            topic.chunks = self.chunk_topic(topic)
        return doc

    def chunk_topic(self, topic: Topic) -> list[Chunk]:
        chunks: list[Chunk] = []
        pending: list[tuple[int, str, int]] = []  # (block index, text, tokens)
        size = 0
        for index, block in enumerate(topic.blocks):
            if not (block.usable or block.kind is BlockKind.HEADING):
                continue
            for piece in self._pieces(block.text):
                tokens = count_tokens(piece)
                if pending and size + tokens > self.max_tokens:
                    chunks.append(_make_chunk(topic.blocks, pending))
                    pending, size = [], 0
                pending.append((index, piece, tokens))
                size += tokens
        if pending:
            chunks.append(_make_chunk(topic.blocks, pending))
        return [c for c in chunks if any(topic.blocks[i].usable for i in c.block_indices)]

    def _pieces(self, text: str) -> list[str]:
        """The text whole if it fits, else sentence groups that fit, else raw token windows."""
        if count_tokens(text) <= self.max_tokens:
            return [text]
        pieces: list[str] = []
        current = ""
        for sentence in _SENTENCE_END.split(text):
            if count_tokens(sentence) > self.max_tokens:
                if current:
                    pieces.append(current)
                    current = ""
                pieces.extend(_token_windows(sentence, self.max_tokens))
                continue
            candidate = f"{current} {sentence}".strip()
            if current and count_tokens(candidate) > self.max_tokens:
                pieces.append(current)
                current = sentence
            else:
                current = candidate
        if current:
            pieces.append(current)
        return pieces


def _token_windows(text: str, max_tokens: int) -> list[str]:
    enc = encoding()
    ids = enc.encode(text, disallowed_special=())
    return [enc.decode(ids[i : i + max_tokens]) for i in range(0, len(ids), max_tokens)]


def _make_chunk(blocks: list[Block], pending: list[tuple[int, str, int]]) -> Chunk:
    indices = sorted({i for i, _, _ in pending})
    pages = [blocks[i].page for i in indices if blocks[i].page is not None]
    starts = [blocks[i].start for i in indices if blocks[i].start is not None]
    ends = [blocks[i].end for i in indices if blocks[i].end is not None]
    return Chunk(
        text="\n\n".join(text for _, text, _ in pending),
        tokens=sum(t for _, _, t in pending),
        block_indices=indices,
        page_start=min(pages) if pages else None,
        page_end=max(pages) if pages else None,
        time_start=min(starts) if starts else None,
        time_end=max(ends) if ends else None,
    )
