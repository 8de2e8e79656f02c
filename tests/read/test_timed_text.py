"""Plain-text transcripts whose lines carry times ("(00:12) welcome ...") are read as transcripts, not as prose."""

from __future__ import annotations

from seekh_convert.model.document import SourceKind
from seekh_convert.pipeline import load_document
from seekh_convert.read.markdown import TextExtractor

#: The opening of set 47's lecture (a YouTube transcript as exported: a time, then the automatic captions).
_LECTURE = [
    "(00:00) [Music]",
    "(00:12) welcome this is a series in which I am",
    "(00:16) going to endeavor to put together pretty",
    "(00:20) much all of my work my name is John",
    "(00:23) I am an assistant professor at",
    "(00:26) the University of Toronto I'm in the",
    "(00:28) psychology department and in the",
]


def test_lines_opening_with_a_time_are_cues(tmp_path):
    path = tmp_path / "awakening-ep1-transcript.txt"
    path.write_text("\n".join(_LECTURE) + "\n", encoding="utf-8")
    doc = TextExtractor()(path)
    assert doc.kind is SourceKind.TRANSCRIPT and doc.title == "Awakening ep1"
    assert [c.text for c in doc.cues][1:3] == [
        "welcome this is a series in which I am",
        "going to endeavor to put together pretty",
    ]
    assert [(c.start, c.end) for c in doc.cues][1:3] == [(12.0, 16.0), (16.0, 20.0)]
    assert doc.cues[-1].start == 28.0 and doc.cues[-1].end > 28.0
    assert any("opening with a time" in w for w in doc.warnings)


def test_a_time_alone_on_its_line_times_the_lines_below(tmp_path):
    """YouTube's transcript panel copied: "0:12" on one line, the words on the next."""
    path = tmp_path / "talk.txt"
    path.write_text("0:00\nhello\n0:04\nthen\n0:09\nits range\n1:02:05\nend\n0:59\nback\n0:30\nagain\n", encoding="utf-8")
    assert TextExtractor()(path).kind is SourceKind.TEXT  # times running backwards: not a transcript
    path.write_text(
        "0:00\nhello everyone\n0:04\ntoday we look at\nthe niche of a species\n0:09\nits range\n0:15\nand its limits\n"
        "1:02:05\nand that is all\n",
        encoding="utf-8",
    )
    doc = TextExtractor()(path)
    assert doc.kind is SourceKind.TRANSCRIPT
    assert [(c.start, c.text) for c in doc.cues] == [
        (0.0, "hello everyone"),
        (4.0, "today we look at the niche of a species"),
        (9.0, "its range"),
        (15.0, "and its limits"),
        (3725.0, "and that is all"),
    ]


def test_notes_with_a_few_times_stay_prose(tmp_path):
    path = tmp_path / "week-plan.txt"
    path.write_text(
        "Week 4: the niche\n\n10:30 Lecture in room 2.\n\nThe niche of a species is the set of conditions in which it can"
        " persist. Hutchinson defined it as an n-dimensional hypervolume.\n\n12:00 Lab.\n\nBring your field notes.\n",
        encoding="utf-8",
    )
    doc = TextExtractor()(path)
    assert doc.kind is SourceKind.TEXT and doc.raw_blocks


def test_a_timed_transcript_as_text_is_converted_as_a_lecture(tmp_path):
    """Set 47's transcript (an hour of captions) stopped with "unexpected ValueError" when read as one paragraph."""
    said = "species {0} persists where conditions {0} allow it and grows in habitat {0} across the valley {0}"
    lines = [f"({m // 60:02d}:{m % 60:02d}) {said.format(m)}" for m in range(0, 3600, 20)]
    path = tmp_path / "ecology-lecture.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    doc = load_document(path)
    assert doc.kind is SourceKind.TRANSCRIPT and len(doc.topics) >= 3
    assert doc.topics[0].blocks[0].start == 0.0


def test_bracketed_times_without_fractions_are_cues(tmp_path):
    """Set 62's podcast transcript (faster-whisper's printout under a few "#" lines): "[00:03 --> 00:06] Hello, ..."
    was refused as "timed lines with no words" because its times have no fraction of a second."""
    path = tmp_path / "history-of-rome-ep004-transcript.txt"
    path.write_text(
        "# 20100225 - 004- The Public Thing\n# Detected language: en\n\n"
        "[00:03 --> 00:06] Hello, and welcome to the History of Rome.\n"
        "[00:08 --> 00:12] It had been 200 years since the founding of Rome, and since that time the Romans had\n"
        "[00:12 --> 00:14] undergone a massive transformation.\n"
        + "".join(f"[00:{20 + i} --> 00:{21 + i}] and they had gone on to a new place number {i}.\n" for i in range(20))
        + "[01:02:03 --> 01:02:05.500] They had gone from upstart village to regional capital.\n",
        encoding="utf-8",
    )
    doc = TextExtractor()(path)
    assert doc.kind is SourceKind.TRANSCRIPT
    times = [(c.start, c.end) for c in doc.cues]
    assert times[:4] == [(3.0, 6.0), (8.0, 12.0), (12.0, 14.0), (20.0, 21.0)] and times[-1] == (3723.0, 3725.5)
    assert doc.cues[0].text == "Hello, and welcome to the History of Rome."
