"""--batch-api end to end over real HTTP: /v1/files and /v1/batches of the fake server, repairs in a follow-up
batch, a run killed while polling that resumes the same batch instead of submitting again."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from fakes.openai_server import FakeOpenAIServer, quoting_reply, schema_kind
from test_resume import course_folder

pytestmark = pytest.mark.usefixtures("mechanics_only")


EXE = Path(sys.executable).with_name("seekh-convert")
CONFIG = '[engine]\nrepair = "all"\nbatch_window = 0.3\nbatch_poll = 0.1\nretry_wait = 0.01\n[quality]\nrubric = false\n'
ENV_EXTRA = {"OPENAI_API_KEY": "sk-batch", "SOURCE_DATE_EPOCH": "1700000000"}


def _env() -> dict:
    """The environment of a CLI run, taken when it starts (the tests' isolated user folders included)."""
    return {**os.environ, **ENV_EXTRA}


def flawed_reply(body: dict) -> str:
    """Like quoting_reply, but each guide's first flashcard says something its quote does not: the gate asks for a repair."""
    reply = json.loads(quoting_reply(body))
    if schema_kind(body) == "guide_content":
        reply["flashcards"][0]["back"] = "Zebras juggle quantum pineapples on Tuesdays."
    return json.dumps(reply)


def _args(folder: Path, out: Path, url: str, *extra: str) -> list[str]:
    args = [str(EXE), "convert", str(folder), "-o", str(out), "--model", "gpt-4o-mini", "--base-url", url]
    return [*args, "--cache-dir", str(out.parent / f"cache-{out.name}"), *extra]


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    (cwd / "seekh.toml").write_text(CONFIG)
    return subprocess.run(list(args), capture_output=True, text=True, timeout=300, cwd=cwd, env=_env())


def _guides(out: Path) -> dict[str, dict]:
    """Every guide's content, without the usage in its provenance (the Batch API costs half)."""
    found = {}
    for path in sorted(out.glob("*/*/guide.json")):
        guide = json.loads(path.read_text())
        guide["provenance"].pop("usage")
        found[str(path.relative_to(out))] = guide
    return found


def _submitted(server: FakeOpenAIServer) -> list[str]:
    return [line["custom_id"] for batch in server.batch.batches.values() for line in batch.lines]


def test_a_batch_run_end_to_end_with_repairs_in_a_follow_up_batch(tmp_path):
    folder = course_folder(tmp_path)
    with FakeOpenAIServer(responder=flawed_reply) as server:
        live = _run(tmp_path, *_args(folder, tmp_path / "live", server.url, "--no-cache"))
        assert live.returncode in (0, 1), live.stderr[-2000:]
        live_requests = len(server.requests)
        batched = _run(tmp_path, *_args(folder, tmp_path / "batched", server.url, "--batch-api"))
        assert batched.returncode == live.returncode, batched.stderr[-2000:]
        assert len(server.requests) == live_requests  # nothing went to /v1/chat/completions
    batches = list(server.batch.batches.values())
    assert len(batches) >= 2 and all(b.status == "completed" and b.polls >= 1 for b in batches)
    first, *later = batches
    assert {schema_kind(line["body"]) for line in first.lines} <= {"guide_content", "chunk_notes"}
    assert any(schema_kind(line["body"]) == "repair_items" for b in later for line in b.lines)  # the follow-up batch
    assert len(_submitted(server)) == len(set(_submitted(server))) == live_requests  # each request once
    assert _guides(tmp_path / "batched") == _guides(tmp_path / "live")  # same validation, repair and writers
    assert "submitted; polling every 0.1 s" in batched.stderr and "completed" in batched.stderr
    live_report = json.loads((tmp_path / "live" / "report.json").read_text())
    batch_report = json.loads((tmp_path / "batched" / "report.json").read_text())
    assert batch_report["usage"]["cost_usd"] * 2 == pytest.approx(live_report["usage"]["cost_usd"], rel=0.05)  # half the price


def test_killed_while_polling_resumes_the_same_batch(tmp_path):
    folder = course_folder(tmp_path)
    out = tmp_path / "out"
    with FakeOpenAIServer(responder=flawed_reply) as server:
        server.batch.hold = threading.Event()  # batches stay in progress until released
        (tmp_path / "seekh.toml").write_text(CONFIG)
        process = subprocess.Popen(
            _args(folder, out, server.url, "--batch-api"), cwd=tmp_path, env=_env(), stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 120
        while not any(b.polls >= 2 for b in server.batch.batches.values()) and time.monotonic() < deadline:
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait()
        [(first_id, first)] = list(server.batch.batches.items())
        polls_before = first.polls
        server.batch.hold.set()
        resumed = _run(tmp_path, *_args(folder, out, server.url, "--batch-api"))
        assert resumed.returncode in (0, 1), resumed.stderr[-2000:]
        assert first.polls > polls_before  # the resumed run followed the batch it had submitted
        assert f"batch {first_id}: completed" in resumed.stderr
        assert len(_submitted(server)) == len(set(_submitted(server)))  # no request submitted twice
        assert not server.requests
        clean = _run(tmp_path, *_args(folder, tmp_path / "clean", server.url, "--batch-api"))
    assert clean.returncode == resumed.returncode
    assert _guides(out) == _guides(tmp_path / "clean")


def test_a_failed_line_goes_into_the_next_batch(tmp_path):
    folder = course_folder(tmp_path)
    with FakeOpenAIServer(responder=quoting_reply) as server:
        server.batch.fail_lines = 1
        result = _run(tmp_path, *_args(folder, tmp_path / "out", server.url, "--batch-api"))
    assert result.returncode in (0, 1), result.stderr[-2000:]
    submitted = _submitted(server)
    assert len(submitted) == len(set(submitted)) + 1  # the failed line, once more, in a later batch
    failed = next(iter(server.batch.batches.values())).lines[0]["custom_id"]
    assert any(line["custom_id"] == failed for b in list(server.batch.batches.values())[1:] for line in b.lines)
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert all(entry["status"] == "success" for entry in report["inputs"])


def test_a_server_without_the_batch_api_stops_the_run_with_one_line(tmp_path):
    with FakeOpenAIServer(responder=quoting_reply) as server:
        server.batch.upload = lambda content_type, raw: (404, {"error": {"message": "Not Found"}})
        result = _run(tmp_path, *_args(course_folder(tmp_path), tmp_path / "out", server.url, "--batch-api"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "run stopped: the Batch API refused submitting a batch (HTTP 404)" in result.stderr
    assert "/v1/batches" in result.stderr and not server.requests
