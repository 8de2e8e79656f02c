"""SubtitleExtractor: WebVTT/SRT files -> transcript Documents with raw cues."""

from __future__ import annotations

from pathlib import Path

import pytest

from seekh_convert.errors import InputError
from seekh_convert.model.document import SourceKind
from seekh_convert.read.subtitles import SubtitleExtractor, parse_timestamp, title_from_name

T = "transcripts/"


@pytest.mark.corpus
def test_mit_lecture_cues(corpus):
    doc = SubtitleExtractor()(corpus / T / "mit-ocw-5.111sc-lec02-atomic-structure.DERIVED.vtt")
    assert doc.kind is SourceKind.TRANSCRIPT and len(doc.cues) == 406 and not doc.warnings
    first = doc.cues[0]
    assert (first.start, first.end) == (0.09, 3.85)
    assert first.text == "The following content is provided under a Creative Commons license."
    assert doc.cues[-1].end == pytest.approx(38 * 60 + 50.09)
    assert doc.title == "Mit ocw 5.111sc lec02 atomic structure"


@pytest.mark.corpus
def test_gb2312_srt_is_decoded(corpus):
    doc = SubtitleExtractor()(corpus / T / "chinese-gb2312-encoded.srt")
    assert [c.text for c in doc.cues] == [
        "宇宙守护神  保护我们远离邪恶",
        "他能徒手抓住子弹  拦住疾速的火车",
        "轻轻一跳就能飞跃高楼",
    ]
    assert (doc.cues[0].start, doc.cues[0].end) == (27.0, 30.73)


@pytest.mark.corpus
def test_missing_header_is_read_with_a_warning(corpus):
    doc = SubtitleExtractor()(corpus / T / "malformed-missing-WEBVTT-header.vtt")
    assert [c.text for c in doc.cues] == [f"Caption text #{n}" for n in range(1, 8)]
    assert len(doc.warnings) == 1 and "WEBVTT" in doc.warnings[0]


@pytest.mark.corpus
def test_invalid_timestamp_keeps_the_cue_and_warns(corpus):
    doc = SubtitleExtractor()(corpus / T / "malformed-invalid-timestamp.vtt")
    assert [c.text for c in doc.cues] == [f"Caption text #{n}" for n in range(1, 8)]
    second = doc.cues[1]
    assert (second.start, second.end) == (7.0, 11.89)  # end taken from the next cue's start
    assert len(doc.warnings) == 1
    assert "line 6" in doc.warnings[0] and "00:00:1d.890" in doc.warnings[0]


@pytest.mark.corpus
def test_youtube_cues_keep_raw_tags_for_the_cleaner(corpus):
    doc = SubtitleExtractor()(corpus / T / "youtube-autocaption-inline-word-timing.vtt")
    assert len(doc.cues) == 4
    assert doc.cues[2].start == pytest.approx(304.08)
    assert "<00:05:04.199>" in doc.cues[2].text


def test_srt_content_in_vtt_file_and_utf16(tmp_path):
    src = tmp_path / "lecture.vtt"
    src.write_text("1\n00:00:01,000 --> 00:00:02,500\nHello there.\n", encoding="utf-16")
    doc = SubtitleExtractor()(src)
    assert [(c.start, c.end, c.text) for c in doc.cues] == [(1.0, 2.5, "Hello there.")]


def test_broken_files_raise_one_line_input_errors(tmp_path):
    bad_srt = tmp_path / "bad.srt"
    bad_srt.write_text("1\n00:00:01,000 --> nonsense\nHello\n\n2\nxx\n", encoding="utf-8")
    empty = tmp_path / "empty.vtt"
    empty.write_text("WEBVTT\n\n", encoding="utf-8")
    for path in (bad_srt, empty, tmp_path / "absent.vtt"):
        with pytest.raises(InputError) as info:
            SubtitleExtractor()(path)
        message = str(info.value)
        assert message.startswith(path.name + ":") and "\n" not in message


def test_helpers():
    assert parse_timestamp("01:02:03.5") == pytest.approx(3723.5)
    assert parse_timestamp("02:03,250") == pytest.approx(123.25)
    assert parse_timestamp("00:00:1d.890") is None
    assert title_from_name(Path("memory-lecture.vtt")) == "Memory lecture"
    assert title_from_name(Path("MIT_Lecture-02.DERIVED.srt")) == "MIT Lecture 02"
    # set P's captions: the file's kind and language code are no part of the title the guide and the model see
    assert title_from_name(Path("physics-barber-pole-polarized-light-captions.srt")) == "Physics barber pole polarized light"
    assert title_from_name(Path("game-theory-auctions-lecture.en.srt")) == "Game theory auctions lecture"
    assert title_from_name(Path("captions.srt")) == "Captions"  # nothing else to go by


def test_cues_an_editor_left_unsynced_at_99_59_59_follow_the_cue_before(tmp_path):
    """Amara's captions of a 9-minute lecture end on '00:08:54,040 --> 99:59:59,000' and '99:59:59,000 -->
    99:59:59,000': read as they are, the transcript ran 6,000 minutes and split into five topics."""
    path = tmp_path / "kneser-ney.srt"
    path.write_text(
        "1\n00:08:51,006 --> 00:08:54,040\nIt's very commonly used in speech recognition and\n\n"
        "2\n00:08:54,040 --> 99:59:59,000\nmachine translation and yet it has a very\n\n"
        "3\n99:59:59,000 --> 99:59:59,000\nbeautiful and elegant intuition.\n",
        encoding="utf-8",
    )
    doc = SubtitleExtractor()(path)
    first, second, third = ((round(c.start, 2), round(c.end, 2)) for c in doc.cues)
    assert first == (531.01, 534.04) and second[0] == 534.04 and 535 < second[1] < 538  # 8 words: about 3 s
    assert third[0] == second[1] and third[0] < third[1] < 540
    assert len([w for w in doc.warnings if "99:59:59" in w]) == 2


def test_whisper_cpp_printed_lines_are_cues(tmp_path):
    """whisper.cpp prints one timed line per word or phrase ("[00:00:10.420 --> 00:00:10.880]  Hi,"); saved as .srt
    (a recorded MIT lecture found for set 20) it was refused as "not a readable SubRip file"."""
    words = "Hi, everyone, and welcome back to the class on urban energy systems.".split()
    lines = [f"[00:00:{10 + i:02d}.000 --> 00:00:{10 + i:02d}.500]  {w}" for i, w in enumerate(words)]
    path = tmp_path / "lecture.srt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    doc = SubtitleExtractor()(path)
    assert [c.text for c in doc.cues] == words
    assert doc.cues[0].start == 10.0 and doc.cues[-1].end == 10 + len(words) - 1 + 0.5
    assert any("whisper.cpp" in w for w in doc.warnings)
