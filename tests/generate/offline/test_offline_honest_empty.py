"""Issue 17 (judge set A): an empty section's note says what the engine checked, never a claim about the source it
cannot know ("the topic explains its own terms", "builds on no earlier topic", "marks no key term")."""

from __future__ import annotations

import asyncio
from pathlib import Path

from seekh_convert.generate.offline import OfflineEngine
from seekh_convert.model.document import Block, BlockKind, Document, SourceKind, Topic

_FALSE_CLAIMS = (
    "builds on no earlier topic",
    "explains its own terms",
    "points to nothing further",
    "takes up this topic's terms",
    "marks, defines or repeats no key term",
)


def test_empty_section_notes_make_no_claim_about_the_source():
    title = "Euler's formula"
    blocks = [Block(title, BlockKind.HEADING, level=1, section=title, start=0.0, end=1.0)]
    blocks += [
        Block("Based on lecture two, this polynomial now takes an imaginary input and rotates it.", start=1.0, end=9.0),
        Block("Plug in the numbers and see what happens to the sum as more terms come in.", start=9.0, end=18.0),
    ]
    doc = Document(path=Path("lecture.srt"), kind=SourceKind.TRANSCRIPT, title="Lecture", blocks=blocks)
    doc.topics = [Topic(1, title, blocks)]
    content = asyncio.run(OfflineEngine().generate(doc.topics[0], doc)).content
    reasons = " ".join(e.reason for e in content.empty_sections)
    assert reasons
    for claim in _FALSE_CLAIMS:
        assert claim not in reasons, reasons
