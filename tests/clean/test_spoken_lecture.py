"""Transcripts as a teacher reads them: disfluencies and asides out, topic titles from what a part is about
(generated captions always; the CS50 lecture from ../shared when present)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS

from seekh_convert.clean.speech import tidy_speech
from seekh_convert.clean.transcript import TranscriptCleaner
from seekh_convert.model.document import Cue, Document, SourceKind
from seekh_convert.pipeline.run import load_document
from seekh_convert.split.windows import UNNAMING

CS50 = CORPUS.parent / "judged" / "documents" / "cs50-lecture3-algorithms.srt"


def _cues(lines: list[str], step: float = 6.0) -> list[Cue]:
    return [Cue(i * step, i * step + step - 0.5, text) for i, text in enumerate(lines)]


def test_fillers_repeats_and_asides_are_taken_out():
    lines = [
        "All right.",
        "Can everyone hear me?",
        "Um, so the the idea of binary search is, you know, simple.",
        "Yeah, it divides the sorted list in half, uh, at every step.",
        "There are at least, like, five-- four steps in the worst case.",
        "Sorry for the video glitches.",
    ]
    doc = TranscriptCleaner()(Document(path=Path("x.srt"), kind=SourceKind.TRANSCRIPT, cues=_cues(lines)))
    text = " ".join(b.text for b in doc.blocks)
    assert text == (
        "So the idea of binary search is simple. It divides the sorted list in half at every step. "
        "There are at least four steps in the worst case."
    )
    assert doc.blocks[0].start == 12.0  # the block starts with its first kept sentence
    assert tidy_speech("I had had enough of the list.") == "I had had enough of the list."  # English, not a stutter


def _lecture() -> list[str]:
    parts = {
        "binary search": "Binary search looks at the middle element of a sorted array and discards one half.",
        "bubble sort": "Bubble sort swaps each pair of elements that are out of order in the array.",
        "insertion sort": "Insertion sort inserts each element into its place in the sorted part of the array.",
    }
    lines = []
    for sentence in parts.values():
        for k in range(26):
            lines.append(sentence if k % 3 == 0 else "We take half, half, half of it, five, five, five, minus plus.")
            lines.append(f"Then we compare element number {k} with the element after it in the array.")
    return lines


def test_transcript_topics_are_named_by_what_they_are_about():
    doc = Document(path=Path("x.srt"), kind=SourceKind.TRANSCRIPT, cues=_cues(_lecture(), step=8.0))
    from seekh_convert.pipeline.run import Options, prepare_document

    titles = [t.title for t in prepare_document(doc, Options()).topics]
    assert len(titles) == 3
    assert titles == ["Binary Search", "Bubble Sort", "Insertion Sort"], titles


@pytest.mark.corpus
def test_cs50_lecture_titles_and_speech():
    if not CS50.is_file():
        pytest.skip(f"judged transcript not found at {CS50} (../shared absent; set SEEKH_CORPUS)")
    doc = load_document(CS50)
    for topic in doc.topics:
        words = topic.title.lower().split()
        assert len(set(words)) == len(words) and not set(words) <= UNNAMING, topic.title
    assert "Selection Sort" in {t.title for t in doc.topics}
    text = " ".join(b.text for b in doc.blocks).lower()
    assert " um " not in text and " uh " not in text and ", you know," not in text and ", like," not in text
