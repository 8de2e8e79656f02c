"""Relay run 3: a quote of two verbatim pieces joined by " … ", further apart than one passage, was dropped as an
"invented quote" before the gate saw it; a piece the topic does not have still is."""

from __future__ import annotations

from pathlib import Path

from seekh_convert.generate.openai.relocate import TopicQuotes
from seekh_convert.model.document import Block, Document, SourceKind, Topic


def _topic() -> tuple[Document, Topic]:
    blocks = [Block("now() gives the current time as a date-time object", slide=4, section="Arithmetic")]
    blocks += [Block(f"Bullet {n} on periods and durations in lubridate", slide=5 + n, section="Arithmetic") for n in range(9)]
    blocks.append(Block("Calculate the time in 123456789 seconds from now", slide=15, section="Arithmetic"))
    doc = Document(path=Path("deck.pptx"), kind=SourceKind.SLIDES, title="Deck", sha256="0" * 64, blocks=blocks)
    doc.topics = [Topic(1, "Arithmetic", blocks)]
    return doc, doc.topics[0]


def test_verbatim_pieces_far_apart_are_located_at_the_first_a_made_up_piece_is_not():
    doc, topic = _topic()
    quotes = TopicQuotes(topic, doc)
    found = quotes.find("now() gives the current time as a date-time object … Calculate the time in 123456789 seconds from now")
    assert found is not None and found.ref.slide == 4
    assert quotes.find("now() gives the current time as a date-time object … Calculate the age of everyone in days") is None
