"""read/audio.py: recordings decoded in a stream, cut at silences into pieces under the upload limit."""

from __future__ import annotations

import shutil
import subprocess

import av
import numpy as np
import pytest
from fakes.transcription import decode, tones, write_audio
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seekh_convert.errors import InputError
from seekh_convert.model.document import PieceLimits, SourceKind
from seekh_convert.read import SUPPORTED, ReadOptions, read
from seekh_convert.read.audio import RATE, AudioExtractor, quiet_point

LAYOUT = [(0.6, 2.0), (0.9, 1.6), (0.7, 2.4), (1.2, 1.8), (0.8, 2.2), (1.0, 1.5), (0.6, 2.6), (1.1, 1.9)] * 3


@pytest.fixture(scope="module")
def recording(tmp_path_factory):
    samples, script = tones(LAYOUT)
    return write_audio(tmp_path_factory.mktemp("audio") / "tones.flac", samples), samples, script


def test_every_recording_type_is_registered():
    for suffix in (".mp3", ".m4a", ".wav", ".flac", ".ogg", ".mp4", ".mov", ".webm", ".mkv"):
        assert suffix in SUPPORTED


def test_a_long_recording_is_cut_into_pieces_under_the_limits_at_silences(recording):
    path, samples, script = recording
    limits = PieceLimits(max_bytes=400_000, max_seconds=10.0, overlap=0.5)
    doc = read(path, options=ReadOptions(pieces=limits))
    track = doc.audio
    assert doc.kind is SourceKind.TRANSCRIPT and not doc.cues
    assert track.duration == pytest.approx(len(samples) / RATE, abs=0.01)
    assert len(track.pieces) >= 7
    for piece in track.pieces:
        assert piece.size <= limits.max_bytes and piece.path.stat().st_size == piece.size
        assert piece.end - piece.start <= limits.max_seconds + 1e-6
        assert piece.start <= piece.keep_start < piece.keep_end <= piece.end
    # keep ranges tile the recording; neighbours overlap by the overlap on each side of the cut
    assert track.pieces[0].keep_start == 0 and track.pieces[-1].keep_end == pytest.approx(track.duration)
    for a, b in zip(track.pieces, track.pieces[1:]):
        assert a.keep_end == b.keep_start
        assert a.end - a.keep_end == pytest.approx(0.5) and b.keep_start - b.start == pytest.approx(0.5)
    # every cut falls in a silence, never inside a tone burst
    for piece in track.pieces[:-1]:
        assert not any(s.start - 0.05 < piece.keep_end < s.end + 0.05 for s in script), piece
    # each piece holds exactly the recording's samples from its start (lossless, no drift)
    for piece in track.pieces:
        got = decode(piece.path)
        first = round(piece.start * RATE)
        assert np.array_equal(got, samples[first : first + len(got)])
    track_folder = track.folder
    assert track_folder.is_dir()


def test_the_byte_limit_alone_bounds_pieces(recording):
    path, _, _ = recording
    limits = PieceLimits(max_bytes=200_000, max_seconds=3600, overlap=1.0)
    pieces = read(path, options=ReadOptions(pieces=limits)).audio.pieces
    assert len(pieces) > 5
    assert all(p.size <= 200_000 and (p.end - p.start) * RATE * 2 <= 200_000 for p in pieces)


def test_a_short_recording_is_one_piece_and_the_corpus_video_reads(corpus):
    doc = read(corpus / "audio" / "auto-editor-example-video-speech-then-silence.mp4")
    assert doc.audio.duration == pytest.approx(42.41, abs=0.02)
    [piece] = doc.audio.pieces
    assert (piece.start, piece.keep_start) == (0, 0) and piece.end == piece.keep_end == doc.audio.duration
    assert doc.metadata["declared_language"] == "en"
    assert doc.title == "Auto editor example video speech then silence"


def test_silent_stretches_are_marked_and_a_silent_file_is_refused(corpus, tmp_path):
    doc = read(
        corpus / "audio" / "auto-editor-example-video-speech-then-silence.mp4",
        options=ReadOptions(pieces=PieceLimits(max_seconds=8, overlap=0.5)),
    )
    silent = [p for p in doc.audio.pieces if p.silent]
    assert silent and all(p.start > 17.5 and p.end < 40 for p in silent)  # the digital silence between 17 s and 40 s
    quiet = write_audio(tmp_path / "quiet.wav", np.zeros(RATE * 3, np.int16))
    with pytest.raises(InputError, match=r"^quiet.wav: the audio track is silent"):
        read(quiet)


@pytest.mark.parametrize("suffix", [".wav", ".mp3", ".m4a", ".ogg", ".webm", ".mkv"])
def test_common_formats_decode(tmp_path, suffix):
    samples, _ = tones([(0.3, 1.0), (0.3, 1.0)])
    doc = read(write_audio(tmp_path / f"talk{suffix}", samples))
    assert doc.audio.duration == pytest.approx(len(samples) / RATE, abs=0.1)
    assert len(doc.audio.pieces) == 1 and not doc.audio.pieces[0].silent


def test_a_video_without_sound_gets_one_line(tmp_path):
    path = tmp_path / "slides.mp4"
    with av.open(str(path), "w") as out:
        stream = out.add_stream("mpeg4", rate=5)
        stream.width, stream.height, stream.pix_fmt = 64, 48, "yuv420p"
        for i in range(5):
            frame = av.VideoFrame.from_ndarray(np.full((48, 64, 3), i * 40, np.uint8), format="rgb24")
            out.mux(stream.encode(frame))
        out.mux(stream.encode(None))
    with pytest.raises(InputError, match=r"^slides.mp4: has no audio track; nothing to transcribe$"):
        read(path)


def test_unreadable_files_get_one_line_and_leave_no_temporary_files(tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    bad = tmp_path / "lecture.m4a"
    bad.write_bytes(b"this is not a recording at all" * 10)
    with pytest.raises(InputError) as info:
        read(bad)
    assert str(info.value).startswith("lecture.m4a: not a readable audio or video file (")
    assert "\n" not in str(info.value)
    assert list((tmp_path / "tmp").iterdir()) == []


def test_the_quiet_point_is_the_middle_of_the_longest_pause():
    rng = np.random.default_rng(1)
    loud = (rng.normal(0, 8000, RATE * 10)).astype(np.int16)
    loud[int(5.0 * RATE) : int(5.2 * RATE)] = 0  # a short pause
    loud[int(7.0 * RATE) : int(8.0 * RATE)] = 0  # a long pause
    cut = quiet_point(loud, low=RATE * 4, high=RATE * 9)
    assert 7.3 * RATE < cut < 7.7 * RATE


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(min_size=0, max_size=4096), suffix=st.sampled_from([".mp3", ".wav", ".mp4", ".ogg", ".webm", ".flac"]))
def test_random_bytes_end_in_one_line_not_a_traceback(tmp_path, data, suffix):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        doc = AudioExtractor()(path)
    except InputError as exc:
        message = str(exc)
        assert message.startswith(f"fuzz{suffix}: ") and "\n" not in message
    else:  # random bytes that happen to decode (raw formats) must still give a well-formed track
        assert doc.audio.pieces


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed (.ci/run installs it)")
def test_spoken_lecture_is_cut_in_the_pauses_between_words(tmp_path):
    text = (
        "Working memory is the small amount of information we can hold in mind at one time. "
        "Most adults can keep about four chunks active before older items fade. "
        "Rehearsal keeps an item available for longer. "
        "Long term memory has no known limit on how much it can store."
    )
    wav = tmp_path / "lecture.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(wav), text], check=True, capture_output=True)
    samples = decode(wav)
    pieces = read(wav, options=ReadOptions(pieces=PieceLimits(max_seconds=6.5, overlap=0.3))).audio.pieces
    assert len(pieces) >= 3
    for piece in pieces[:-1]:
        at = round(piece.keep_end * RATE)
        around = samples[at - RATE // 50 : at + RATE // 50].astype(np.float64)  # 20 ms each side of the cut
        assert np.sqrt((around**2).mean()) < 300, f"cut at {piece.keep_end:.2f} s is not in a pause"


def test_a_damaged_track_gets_one_line_naming_where_decoding_stopped(tmp_path):
    samples, _ = tones([(0.3, 2.0)] * 5)
    data = bytearray(write_audio(tmp_path / "talk.m4a", samples).read_bytes())
    for i in range(len(data) // 3, len(data) // 3 + 200):  # garble the middle of the AAC stream
        data[i] = (data[i] * 7 + 13) % 256
    damaged = tmp_path / "damaged.m4a"
    damaged.write_bytes(bytes(data))
    with pytest.raises(InputError) as info:
        read(damaged)
    assert str(info.value).startswith("damaged.m4a: the audio track cannot be decoded past ") and "\n" not in str(info.value)
