"""Issue 8: merged topics follow the bookmark hierarchy and take the parent's title; titles are unique; transcript
topics are titled from their content."""

from __future__ import annotations

from pathlib import Path

from seekh_convert.model.document import Block, BlockKind, Document, OutlineEntry, SourceKind
from seekh_convert.split.segment import Segmenter


def _para(words: int, seed: str, **kw) -> Block:
    return Block(" ".join(f"{seed}{i % 17}" for i in range(words)) + ".", **kw)


def _book() -> Document:
    """Two parts, each with three chapters of one page, bookmarked part > chapter."""
    blocks, outline = [], []
    page = 1
    for part in ("Piracy", "Property"):
        outline.append(OutlineEntry(part, 1, page))
        for ch in range(3):
            outline.append(OutlineEntry(f"{part} chapter {ch}", 2, page))
            blocks.append(_para(400, f"{part[:3].lower()}{ch}w", page=page))
            page += 1
    return Document(path=Path("book.pdf"), kind=SourceKind.PDF, title="Book", blocks=blocks, outline=outline)


def test_max_topics_merges_within_a_part_and_takes_its_title():
    doc = Segmenter(max_topics=2)(_book())
    assert [t.title for t in doc.topics] == ["Piracy", "Property"]
    assert [t.pages for t in doc.topics] == [[1, 2, 3], [4, 5, 6]]


def test_no_two_topics_share_a_title():
    blocks = []
    for parent in ("Web security", "Network security"):
        blocks.append(Block(parent, BlockKind.HEADING, level=1))
        blocks.append(Block("Countermeasures", BlockKind.HEADING, level=2))
        blocks += [_para(1600, f"{parent[:3].lower()}w")]  # each part is too long for one topic
        blocks.append(Block("Attacks", BlockKind.HEADING, level=2))
        blocks += [_para(1600, f"{parent[:3].lower()}a")]
    doc = Segmenter()(Document(path=Path("notes.md"), kind=SourceKind.MARKDOWN, title="Notes", blocks=blocks))
    titles = [t.title for t in doc.topics]
    assert len(set(titles)) == len(titles), titles
    assert "Countermeasures (Network security)" in titles


def test_transcript_topics_are_titled_from_their_content():
    topics = ["heuristic evaluation", "usability testing", "paper prototype"]
    blocks = []
    for i, phrase in enumerate(topics):
        for j in range(12):
            start = (i * 12 + j) * 40.0
            text = (
                f"The {phrase} step {j} matters because the {phrase} finds problems early in the interface design. "
                f"Teams repeat the {phrase} with new users, compare notes and fix the screens before they build them."
            )
            blocks.append(Block(text, start=start, end=start + 40.0))
    doc = Segmenter()(Document(path=Path("hci.vtt"), kind=SourceKind.TRANSCRIPT, title="hci", blocks=blocks))
    titles = [t.title for t in doc.topics]
    assert titles == ["Heuristic Evaluation", "Usability Testing", "Paper Prototype"], titles
