"""A verbless slide bullet (clean's FRAGMENT) is context the offline engine does not quote, but the model reads the
slide: it is sent, chunked and found like any other block; headings and reference entries still are not quotable."""

from __future__ import annotations

from pathlib import Path

from seekh_convert.generate.openai.mapreduce import plan_parts, render_part
from seekh_convert.generate.openai.relocate import TopicQuotes
from seekh_convert.model.document import Block, BlockKind, Document, SourceKind, Topic
from seekh_convert.split.chunk import Chunker


def _deck() -> tuple[Document, Topic]:
    blocks = [
        Block("Simplifying assumptions", kind=BlockKind.HEADING, slide=7, level=1),
        Block("The basic model of iterated learning makes two simplifications.", slide=7, section="Simplifying assumptions"),
        Block("Only one cultural parent for each cultural child", kind=BlockKind.FRAGMENT, slide=7),
        Block("No horizontal transmission", kind=BlockKind.FRAGMENT, slide=7),
        Block("Kirby, S., Cornish, H. (2008). Cumulative cultural evolution.", kind=BlockKind.REFERENCE, slide=7),
    ]
    doc = Document(path=Path("deck.pptx"), kind=SourceKind.SLIDES, title="Deck", sha256="0" * 64, blocks=blocks)
    doc.topics = [Topic(1, "Iterated learning", blocks)]
    return doc, doc.topics[0]


def test_slide_bullets_are_sent_and_found_but_references_are_not():
    doc, topic = _deck()
    for chunked in (False, True):
        if chunked:
            Chunker(1500)(doc)
        sent = "\n".join(render_part(p) for p in plan_parts(topic, 1500))
        assert "Only one cultural parent for each cultural child" in sent, chunked
        assert "No horizontal transmission" in sent
        assert "Kirby" not in sent
    quotes = TopicQuotes(topic, doc)
    assert quotes.find("Only one cultural parent for each cultural child") is not None
    assert quotes.find("Kirby, S., Cornish, H. (2008). Cumulative cultural evolution.") is None
