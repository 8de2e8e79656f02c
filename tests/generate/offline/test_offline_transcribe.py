"""The built-in recogniser (Whisper tiny.en from the asr extra): a short spoken lecture converts offline into a guide."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
import webvtt
from rapidfuzz import fuzz
from typer.testing import CliRunner

from seekh_convert.cli import app
from seekh_convert.generate.offline.transcribe import OfflineTranscriber

pytestmark = [
    pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed (.ci/run installs it)"),
    pytest.mark.skipif(not OfflineTranscriber.available(), reason="the asr extra is not installed"),
]

LECTURE = (
    "Today we look at how memory works. "
    "Working memory is the small amount of information we can hold in mind and use at one time. "
    "Most adults can keep about four chunks of information active before older items start to fade. "
    "Rehearsal, repeating an item silently, keeps it available for longer. "
    "Long term memory, by contrast, has no known limit on how much it can store. "
    "Information moves into long term memory more easily when we connect it to what we already know. "
    "This is why teachers link each new idea to an example that students have met before. "
    "Sleep also helps, because the brain replays the day's learning at night. "
    "Testing yourself is one of the best ways to make a memory last. "
    "Each time you recall a fact, the path to it becomes stronger."
)


@pytest.fixture(scope="module")
def spoken(tmp_path_factory):
    wav = tmp_path_factory.mktemp("spoken") / "memory-lecture.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(wav), LECTURE], check=True, capture_output=True)
    return wav


def test_a_spoken_lecture_converts_offline_into_a_guide_citing_times(spoken, tmp_path):
    result = CliRunner().invoke(app, ["convert", str(spoken), "-o", str(tmp_path / "out"), "--engine", "offline"])
    assert result.exit_code == 0, result.output
    folder = tmp_path / "out" / "memory-lecture"
    captions = webvtt.read(str(folder / "transcript.vtt")).captions
    heard = " ".join(c.text for c in captions)
    assert fuzz.ratio(heard.lower(), LECTURE.lower()) > 85, heard  # a few words misheard at most
    assert captions[-1].end_in_seconds <= 60
    index = json.loads((folder / "index.json").read_text())
    assert index["status"] == "success" and index["language"] == "en"
    assert index["transcription"]["calls"] == 0  # no request: nothing to pay
    [guide_path] = folder.glob("*/guide.json")
    guide = json.loads(guide_path.read_text())
    assert guide["provenance"]["engine"] == "offline" and guide["provenance"]["time_range"]
    definition = [guide["definition"]["source"]] if guide["definition"] else []  # may be empty, with its reason
    sources = [*definition, *(s["source"] for s in guide["summary"]["sentences"]), *(i["source"] for i in guide["key_takeaways"])]
    assert len(sources) >= 3
    for source in sources:
        assert " ".join(source["quote"].split()) in " ".join(heard.split())
        assert 0 <= source["start"] < source["end"] <= captions[-1].end_in_seconds + 1


def test_other_languages_are_sent_to_a_server(spoken, tmp_path):
    result = CliRunner().invoke(
        app, ["convert", str(spoken), "-o", str(tmp_path / "out"), "--engine", "offline", "--language", "fr"]
    )
    assert result.exit_code == 1
    assert "the built-in recogniser knows English only, not 'fr'" in " ".join(result.output.split())


def test_a_second_run_transcribes_nothing(spoken, tmp_path, monkeypatch):
    args = ["convert", str(spoken), "--engine", "offline", "--cache-dir", str(tmp_path / "cache")]
    first = CliRunner().invoke(app, [*args, "-o", str(tmp_path / "a")])
    assert first.exit_code == 0, first.output

    def no_recognising(self, piece):
        raise AssertionError("the cache should have answered")

    monkeypatch.setattr(OfflineTranscriber, "_run", no_recognising)
    second = CliRunner().invoke(app, [*args, "-o", str(tmp_path / "b")])
    assert second.exit_code == 0, second.output
    vtt = "memory-lecture/transcript.vtt"
    assert (tmp_path / "a" / vtt).read_bytes() == (tmp_path / "b" / vtt).read_bytes()
