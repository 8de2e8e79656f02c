"""A lecture video from the corpus, end to end through the CLI: transcription and chat over real HTTP to the fake
server, transcript.vtt beside the guides, guides citing times, a second run sending nothing."""

from __future__ import annotations

import json

import pytest
import webvtt
from fakes.openai_server import FakeOpenAIServer, quoting_reply
from fakes.transcription import Said, Timeline, decode
from typer.testing import CliRunner

from seekh_convert.cli import app
from seekh_convert.pipeline.transcribe import NEEDS_SERVER

KEY = "sk-audio-SECRET-24680"
VIDEO = "audio/auto-editor-example-video-speech-then-silence.mp4"
FOLDER = "auto-editor-example-video-speech-then-silence"
#: What the speaker says (the MANIFEST's rough transcript), placed on the speech the audio track holds.
SCRIPT = [
    Said(0.1, 0.6, "Hello."),
    Said(1.1, 5.0, "This is an example video that shows how the editor handles speech and silence."),
    Said(5.2, 9.2, "You are allowed to use this video for any purpose, including commercial use."),
    Said(9.3, 13.2, "On the bottom right of the screen you can see the time of the recording."),
    Said(13.9, 17.3, "When the time reaches forty seconds, I will say the word banana."),
    Said(39.9, 40.6, "Banana."),
]


@pytest.fixture(scope="module")
def timeline(corpus):
    return Timeline(decode(corpus / VIDEO), SCRIPT)


pytestmark = pytest.mark.usefixtures("mechanics_only")


def _convert(corpus, out, cache, server, *extra):
    args = ["convert", str(corpus / VIDEO), "-o", str(out), "--base-url", server.url, "--api-key", KEY, "--cache-dir", str(cache)]
    return CliRunner().invoke(app, [*args, *extra])


def test_the_corpus_video_becomes_a_transcript_and_guides_citing_times(corpus, tmp_path, timeline):
    with FakeOpenAIServer(api_key=KEY, responder=quoting_reply, transcriber=timeline) as server:
        first = _convert(
            corpus, tmp_path / "a", tmp_path / "cache", server, "--model", "fake-model", "--transcribe-model", "whisper-1"
        )
        assert first.exit_code == 0, first.output
        uploads, chats = len(server.transcriptions), len(server.requests)
        assert uploads == 1 and chats >= 1
        second = _convert(
            corpus, tmp_path / "b", tmp_path / "cache", server, "--model", "fake-model", "--transcribe-model", "whisper-1"
        )
        assert second.exit_code == 0, second.output
        assert (len(server.transcriptions), len(server.requests)) == (uploads, chats), "a re-run must send nothing"
    folder = tmp_path / "a" / FOLDER
    captions = webvtt.read(str(folder / "transcript.vtt")).captions
    assert [c.text for c in captions] == [s.text for s in SCRIPT]
    assert [round(c.start_in_seconds + c.start_time.milliseconds / 1000, 1) for c in captions] == [s.start for s in SCRIPT]
    assert (folder / "transcript.vtt").read_bytes() == (tmp_path / "b" / FOLDER / "transcript.vtt").read_bytes()
    index = json.loads((folder / "index.json").read_text())
    assert index["status"] == "success" and index["language"] == "en" and index["declared_language"] == "en"
    assert index["transcript"] == "transcript.vtt" and index["transcription"]["calls"] == 1
    assert index["transcription"]["cost_usd"] == pytest.approx(42.41 / 60 * 0.006, rel=0.01)
    guides = sorted(folder.glob("*/guide.json"))
    assert guides
    spoken = " ".join(s.text for s in SCRIPT)
    for path in guides:
        guide = json.loads(path.read_text())
        assert guide["provenance"]["source_kind"] == "transcript" and guide["provenance"]["time_range"]
        sources = [guide["definition"]["source"], *(item["source"] for item in guide["key_takeaways"])]
        for source in sources:
            assert source["quote"] in spoken
            said = next(s for s in SCRIPT if source["quote"] in s.text or s.text in source["quote"])
            assert source["start"] <= said.start + 0.05 and source["end"] >= said.end - 0.05
        assert "00:0" in (path.parent / "guide.md").read_text()  # the readable guide cites minutes and seconds
    for path in [*(tmp_path / "a").rglob("*"), *(tmp_path / "cache").rglob("*")]:
        if path.is_file():
            assert KEY.encode() not in path.read_bytes(), path


def test_the_quality_gate_can_be_rerun_against_the_transcript(corpus, tmp_path, timeline):
    with FakeOpenAIServer(responder=quoting_reply, transcriber=timeline) as server:
        done = _convert(
            corpus, tmp_path / "a", tmp_path / "cache", server, "--model", "fake-model", "--transcribe-model", "whisper-1"
        )
        assert done.exit_code == 0, done.output
    folder = tmp_path / "a" / FOLDER
    guide = next(folder.glob("*/guide.json"))
    checked = CliRunner().invoke(app, ["check", str(guide), "--source", str(folder / "transcript.vtt")])
    assert checked.exit_code == 0, checked.output
    assert "grounded at their source" in checked.output and "(100%)" in checked.output


def test_offline_guides_from_a_transcription_server(corpus, tmp_path, timeline):
    with FakeOpenAIServer(transcriber=timeline) as server:
        done = _convert(
            corpus, tmp_path / "a", tmp_path / "cache", server, "--engine", "offline", "--transcribe-model", "whisper-1"
        )
        assert not server.requests  # no chat model: guides made offline
    assert len(server.transcriptions) == 1
    assert (tmp_path / "a" / FOLDER / "transcript.vtt").is_file()
    assert done.exit_code == 0, done.output


def test_without_a_server_or_the_built_in_recogniser_a_recording_gets_one_line(corpus, tmp_path, monkeypatch):
    from seekh_convert.generate.offline.transcribe import OfflineTranscriber

    monkeypatch.setattr(OfflineTranscriber, "available", staticmethod(lambda: False))  # as without the asr extra
    result = CliRunner().invoke(app, ["convert", str(corpus / VIDEO), "-o", str(tmp_path / "out"), "--engine", "offline"])
    assert result.exit_code == 1
    assert f"{VIDEO.split('/')[1]}: {NEEDS_SERVER}" in " ".join(result.output.split())
    assert "Traceback" not in result.output


def test_a_batch_reads_the_recording_in_a_worker_process_beside_other_inputs(corpus, tmp_path, timeline):
    from conftest import SAMPLES

    with FakeOpenAIServer(transcriber=timeline) as server:
        args = ["convert", str(corpus / VIDEO), str(SAMPLES / "memory-lecture.vtt"), "-o", str(tmp_path / "out")]
        done = CliRunner().invoke(
            app, [*args, "--engine", "offline", "--transcribe-model", "whisper-1", "--base-url", server.url]
        )
    assert done.exit_code == 0, done.output
    assert len(server.transcriptions) == 1
    assert (tmp_path / "out" / FOLDER / "transcript.vtt").is_file()
    assert not (tmp_path / "out" / "memory-lecture" / "transcript.vtt").exists()
    assert list((tmp_path / "out" / "memory-lecture").glob("*/guide.json"))


def test_the_upload_limit_from_seekh_toml_cuts_the_video_into_pieces_stitched_back(corpus, tmp_path, timeline, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seekh.toml").write_text("[engine]\ntranscribe_max_mb = 0.5\n")
    with FakeOpenAIServer(transcriber=timeline) as server:
        done = _convert(
            corpus, tmp_path / "a", tmp_path / "cache", server, "--engine", "offline", "--transcribe-model", "whisper-1"
        )
    assert done.exit_code == 0, done.output
    assert len(server.transcriptions) >= 2 and all(len(u["file"]) <= 500_000 for u in server.transcriptions)
    captions = webvtt.read(str(tmp_path / "a" / FOLDER / "transcript.vtt")).captions
    assert [c.text for c in captions] == [s.text for s in SCRIPT]  # nothing lost or repeated at the cuts
