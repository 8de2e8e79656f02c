"""A glossary entry ("Backup: The process of copying data ...", a slide's "Term: explanation" line, a Word or HTML
definition list) keeps its term apart from its text: the model is shown the entry with its term, and a quote that
includes the term is found where the entry is (relay run 6: the model saw "The process of copying data ..." with
every slide's defined term stripped, and had to guess which term a definition belonged to)."""

from __future__ import annotations

from pathlib import Path

from seekh_convert.generate.openai.mapreduce import plan_parts, render_part
from seekh_convert.generate.openai.relocate import TopicQuotes
from seekh_convert.model.document import Block, BlockKind, Document, SourceKind, Topic
from seekh_convert.split.chunk import Chunker

_BACKUP = "The process of copying data to a second form of storage in order to protect data."
_RESTORE = "Restore: The process of copying backup data to its original storage location."


def _deck() -> tuple[Document, Topic]:
    blocks = [
        Block("Key Definitions", kind=BlockKind.HEADING, slide=13, level=1),
        Block(_BACKUP, kind=BlockKind.GLOSSARY, term="Backup", slide=13, section="Key Definitions"),
        Block(_RESTORE, kind=BlockKind.GLOSSARY, term="Restore", slide=13, section="Key Definitions"),
        Block("Incremental backups are faster and need less storage.", slide=14, section="Key Definitions"),
    ]
    doc = Document(path=Path("deck.pptx"), kind=SourceKind.SLIDES, title="Deck", sha256="0" * 64, blocks=blocks)
    doc.topics = [Topic(1, "Backup and restore", blocks)]
    return doc, doc.topics[0]


def test_a_glossary_entry_is_sent_with_its_term_once():
    doc, topic = _deck()
    for chunked in (False, True):
        if chunked:
            Chunker(1500)(doc)
        sent = "\n".join(render_part(p) for p in plan_parts(topic, 1500))
        assert f"Backup: {_BACKUP}" in sent, chunked
        assert "Restore: Restore:" not in sent and _RESTORE in sent  # a term the text already opens with is not doubled
        assert "Incremental backups are faster" in sent


def test_a_quote_with_the_entry_s_term_is_found_at_the_entry_and_one_without_it_still_is():
    doc, topic = _deck()
    quotes = TopicQuotes(topic, doc)
    with_term = quotes.find(f"Backup: {_BACKUP}")
    assert with_term is not None and with_term.ref.slide == 13 and with_term.quote.startswith("Backup: The process")
    assert quotes.find(_BACKUP) is not None
    assert quotes.find("Archive: The process of copying data to a second form of storage") is None
