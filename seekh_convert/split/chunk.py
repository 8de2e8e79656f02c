"""Chunk: split each topic into token-bounded chunks of whole blocks, keeping page / time spans.

Only blocks that generators may use are chunked (no references, figure credits, the source's own
questions or boilerplate), so an LLM never reads them and every source token is sent about once.
"""

from __future__ import annotations

from typing import Annotated

from seekh_convert.model.document import Block, BlockKind, Chunk, Document, Topic
from seekh_convert.text.tokens import Piece, pack


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
        chosen = [i for i, b in enumerate(topic.blocks) if b.readable or b.kind is BlockKind.HEADING]
        groups = pack([topic.blocks[i].text for i in chosen], self.max_tokens)
        chunks = [_make_chunk(topic.blocks, [(chosen[j], text, n) for j, text, n in group]) for group in groups]
        return [c for c in chunks if any(topic.blocks[i].readable for i in c.block_indices)]


def _make_chunk(blocks: list[Block], pieces: list[Piece]) -> Chunk:
    indices = sorted({i for i, _, _ in pieces})
    pages = [blocks[i].page for i in indices if blocks[i].page is not None]
    starts = [blocks[i].start for i in indices if blocks[i].start is not None]
    ends = [blocks[i].end for i in indices if blocks[i].end is not None]
    return Chunk(
        text="\n\n".join(text for _, text, _ in pieces),
        tokens=sum(t for _, _, t in pieces),
        block_indices=indices,
        page_start=min(pages) if pages else None,
        page_end=max(pages) if pages else None,
        time_start=min(starts) if starts else None,
        time_end=max(ends) if ends else None,
    )
