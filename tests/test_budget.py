"""--budget stops a run before it would cross the budget and a larger one continues it; estimate sends nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPUS, SAMPLES
from fakes.openai_server import FakeOpenAIServer, quoting_reply, schema_kind
from test_resume import course_folder

from seekh_convert.text.tokens import count_tokens

pytestmark = pytest.mark.usefixtures("mechanics_only")


def _schema_tokens(body: dict) -> int:
    """The request's JSON Schema as sent (compact JSON)."""
    schema = body["response_format"]["json_schema"]["schema"]
    return count_tokens(json.dumps(schema, ensure_ascii=False, separators=(",", ":")))


EXE = Path(sys.executable).with_name("seekh-convert")
#: $1 per million tokens in and out; the fake server counts about a token per 4 characters (counted_usage).
CONFIG = "[engine]\nmax_tokens = 256\nretry_wait = 0.01\n[engine.prices]\nfake-model = [1.0, 1.0]\n[quality]\nrubric = false\n"


def _convert(cwd: Path, folder: Path, out: Path, url: str, *extra: str) -> subprocess.CompletedProcess:
    args = [str(EXE), "convert", str(folder), "-o", str(out), "--model", "fake-model", "--base-url", url]
    args += ["--cache-dir", str(cwd / "cache"), "--concurrency", "2", *extra]
    env = {**os.environ, "OPENAI_API_KEY": "sk-budget", "SOURCE_DATE_EPOCH": "1700000000"}
    return subprocess.run(args, capture_output=True, text=True, timeout=300, cwd=cwd, env=env)


def _guides(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.glob("*/*/guide.json"))}


def test_a_budget_stops_the_run_and_a_larger_one_continues_it(tmp_path):
    (tmp_path / "seekh.toml").write_text(CONFIG)
    folder = course_folder(tmp_path)
    with FakeOpenAIServer(responder=quoting_reply, counted_usage=True) as server:
        clean = _convert(tmp_path, folder, tmp_path / "clean", server.url, "--no-cache")
        needed = len(server.requests)
        assert clean.returncode in (0, 1), clean.stderr[-2000:]
        cost = json.loads((tmp_path / "clean" / "report.json").read_text())["usage"]["cost_usd"]
        budget = f"{cost / 2:.4f}"  # half of what the whole run costs

        before = len(server.requests)
        stopped = _convert(tmp_path, folder, tmp_path / "out", server.url, "--budget", budget)
        first = len(server.requests) - before
        assert stopped.returncode == 3, stopped.stderr[-2000:]
        assert f"run stopped: budget of ${float(budget):.4f} reached" in stopped.stderr and "larger --budget" in stopped.stderr
        assert 0 < first < needed, (first, needed)
        report = json.loads((tmp_path / "out" / "report.json").read_text())
        assert report["stopped"].startswith(f"budget of ${float(budget):.4f} reached") and not report["finished"]
        assert 0 < report["spent_usd_in_folder"] <= float(budget)  # no request started that could cross the budget
        assert report["spent_usd_in_folder"] == pytest.approx(report["usage"]["cost_usd"], abs=1e-6)  # 6 decimals
        written = _guides(tmp_path / "out")
        assert written  # what was complete is written

        before = len(server.requests)
        more = _convert(tmp_path, folder, tmp_path / "out", server.url, "--budget", "1.0")
        assert more.returncode == clean.returncode, more.stderr[-2000:]
        assert len(server.requests) - before == needed - first  # nothing paid twice
    assert _guides(tmp_path / "out") == _guides(tmp_path / "clean")  # as if the run had never stopped


def test_a_budget_needs_a_price(tmp_path):
    with FakeOpenAIServer(responder=quoting_reply) as server:
        result = _convert(tmp_path, course_folder(tmp_path), tmp_path / "out", server.url, "--budget", "5")
    assert result.returncode == 2 and not server.requests
    assert "error: --budget needs the price of model 'fake-model'; add it under [engine.prices] in seekh.toml" in result.stderr


@pytest.mark.corpus
def test_estimate_is_within_15_percent_of_the_tokens_a_run_sends(tmp_path):
    """The first pass as estimated (the expected repairs left out: this fake's guides go back only for grounding)
    against what the run sends, with notes as full as a capable model writes them."""
    from generate.openai.test_openai_requests import _full_notes

    from seekh_convert.generate.openai import load_settings
    from seekh_convert.generate.openai.estimate import first_pass
    from seekh_convert.pipeline.run import Options, load_document

    text = CORPUS / "text"
    args = [str(EXE), "estimate", str(text), "--model", "gpt-4o-mini", "--json"]
    estimate = subprocess.run(args, capture_output=True, text=True, cwd=tmp_path)
    assert estimate.returncode == 0, estimate.stderr
    found = json.loads(estimate.stdout)
    settings = load_settings({"model": "gpt-4o-mini"})
    estimated = 0.0
    for path in sorted(p for p in text.iterdir() if p.is_file()):
        doc = load_document(path, Options(chunk_tokens=settings.chunk_tokens))
        estimated += sum(first_pass(topic, doc, settings).input_tokens for topic in doc.topics)
    assert found["total"]["input_tokens"] > estimated  # the total adds the expected repairs
    with FakeOpenAIServer(
        responder=lambda body: _full_notes(body) if schema_kind(body) == "chunk_notes" else quoting_reply(body)
    ) as server:
        _convert(tmp_path, text, tmp_path / "out", server.url, "--no-cache")
        first = [body for body in server.requests if schema_kind(body) != "repair_items"]
        sent = sum(count_tokens(m["content"]) for body in first for m in body["messages"])
        sent += sum(_schema_tokens(body) for body in first)  # the schema each request carries counts as input too
    assert abs(estimated - sent) / sent <= 0.15, (estimated, sent)
    costs = found["cost_usd"]["gpt-4o-mini"]
    assert costs["batch_api"] == pytest.approx(costs["standard"] / 2, abs=1e-6) and list(found["cost_usd"])[0] == "gpt-4o-mini"
    table = subprocess.run([str(EXE), "estimate", str(text)], capture_output=True, text=True, cwd=tmp_path).stdout
    assert "Estimate (nothing sent)" in table and "total" in table and "with --batch-api" in table


def test_estimate_counts_the_minutes_of_recordings_and_their_transcription(tmp_path):
    folder = tmp_path / "course"
    folder.mkdir()
    (folder / "lecture.vtt").write_bytes((SAMPLES / "memory-lecture.vtt").read_bytes())
    (folder / "talk.mp4").write_bytes((CORPUS / "audio" / "auto-editor-example-video-speech-then-silence.mp4").read_bytes())
    (folder / "broken.mp3").write_bytes(b"ID3 not really an mp3")
    args = [str(EXE), "estimate", str(folder), "--model", "gpt-4o-mini"]
    found = subprocess.run([*args, "--json"], capture_output=True, text=True, cwd=tmp_path)
    assert found.returncode == 1  # the broken recording
    data = json.loads(found.stdout)
    by_name = {Path(i["input"]).name: i for i in data["inputs"]}
    talk = by_name["talk.mp4"]
    assert talk["recording"] and talk["error"] is None and 0.1 < talk["minutes"] < 5 and talk["requests"] == 0
    assert by_name["broken.mp3"]["error"].startswith("broken.mp3: not a readable audio or video file")
    assert by_name["lecture.vtt"]["requests"] > 0 and not by_name["lecture.vtt"]["recording"]
    speech = data["transcription"]
    assert speech["model"] == "whisper-1" and speech["minutes"] == talk["minutes"]
    assert speech["cost_usd"] == pytest.approx(talk["minutes"] * 0.006, rel=0.05)
    table = subprocess.run(args, capture_output=True, text=True, cwd=tmp_path)
    assert f"Recordings: {talk['minutes']:,.1f} min of audio; transcribing them with whisper-1: $" in " ".join(
        table.stdout.split()
    )
    assert "broken.mp3: not a readable audio or video file" in table.stderr
