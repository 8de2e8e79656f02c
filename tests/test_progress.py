"""What a run shows while it works: live progress on a terminal, plain lines otherwise, --quiet, --log-json, Ctrl-C."""

from __future__ import annotations

import json
import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SAMPLES, interruptible
from fakes.openai_server import FakeOpenAIServer, quoting_reply
from test_resume import course_folder

pytestmark = pytest.mark.usefixtures("mechanics_only")


EXE = Path(sys.executable).with_name("seekh-convert")
ENV_EXTRA = {"OPENAI_API_KEY": "sk-progress", "COLUMNS": "160"}


def _env() -> dict:
    """The environment of a CLI run, taken when it starts (the tests' isolated user folders included)."""
    return {**os.environ, **ENV_EXTRA}


def _args(folder: Path, out: Path, url: str, *extra: str) -> list[str]:
    args = [str(EXE), "convert", str(folder), "-o", str(out), "--model", "gpt-4o-mini", "--base-url", url]
    return [*args, "--cache-dir", str(out.parent / "cache"), "--concurrency", "2", *extra]


def test_plain_lines_when_not_on_a_terminal_and_a_json_event_log(tmp_path):
    folder, log = course_folder(tmp_path), tmp_path / "events.jsonl"
    with FakeOpenAIServer(responder=quoting_reply) as server:
        run = subprocess.run(
            _args(folder, tmp_path / "out", server.url, "--log-json", str(log)), capture_output=True, text=True, env=_env()
        )
        sent = len(server.requests)
    assert run.returncode in (0, 1), run.stderr[-2000:]
    assert "05-alliance.pdf: success, 3/3 guide(s)" in run.stderr and "\x1b[" not in run.stderr  # no live display, no colours
    events = [json.loads(line) for line in log.read_text().splitlines()]
    kinds = [e["event"] for e in events]
    assert kinds.count("loaded") == kinds.count("done") == 6
    requests = [e for e in events if e["event"] == "request"]
    assert sum(e["phase"] == "sent" for e in requests) == sum(e["phase"] == "done" for e in requests) == sent
    done = [e for e in requests if e["phase"] == "done"]
    assert all(e["input_tokens"] == 100 and e["output_tokens"] == 50 and e["cost_usd"] > 0 and e["seconds"] >= 0 for e in done)
    assert {e["step"] for e in done} >= {"guide_content"} and all(e["input"] and e["topic"] >= 1 for e in done)
    topics = [e for e in events if e["event"] == "topic"]
    assert len(topics) == sum(e["topics"] for e in events if e["event"] == "loaded") and all("folder" in e for e in topics)


def test_quiet_prints_errors_and_one_line(tmp_path):
    missing = tmp_path / "missing.md"
    args = [
        str(EXE),
        "convert",
        str(SAMPLES / "memory-lecture.vtt"),
        str(missing),
        "-o",
        str(tmp_path / "out"),
        "-e",
        "offline",
        "-q",
    ]
    run = subprocess.run(args, capture_output=True, text=True)
    assert run.returncode == 1
    assert run.stderr.splitlines() == [f"error: {missing}: no such file; check the path", "1/2 input(s) converted completely"]


def _read_terminal(fd: int, process: subprocess.Popen, seconds: float = 120.0) -> bytes:
    """Everything the process writes to its terminal until it exits."""
    output, end = b"", time.monotonic() + seconds
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                output += os.read(fd, 65536)
            except OSError:  # the process closed its end
                break
        elif process.poll() is not None:
            break
    return output


def test_live_progress_on_a_terminal(tmp_path):
    folder = course_folder(tmp_path)
    with FakeOpenAIServer(responder=quoting_reply, delay=0.3) as server:
        main, terminal = pty.openpty()
        process = subprocess.Popen(
            _args(folder, tmp_path / "out", server.url), stdin=terminal, stdout=terminal, stderr=terminal, env=_env()
        )
        os.close(terminal)
        shown = _read_terminal(main, process)
        process.wait(timeout=120)
        os.close(main)
    text = shown.decode("utf-8", "replace")
    assert process.returncode in (0, 1)
    for part in ("inputs", "topics", "requests", "in flight", "tokens in", "$"):
        assert part in text, part


def test_ctrl_c_says_what_finished_and_how_to_resume(tmp_path):
    folder, out = course_folder(tmp_path), tmp_path / "out"
    with FakeOpenAIServer(responder=quoting_reply, delay=0.3) as server:
        process = subprocess.Popen(
            _args(folder, out, server.url),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(),
            preexec_fn=interruptible,
        )
        deadline = time.monotonic() + 60
        while not list(out.glob("*/index.json")) and time.monotonic() < deadline:  # an input completely written
            time.sleep(0.05)
        time.sleep(0.3)  # its record in the manifest follows its index.json
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
        assert process.returncode == 130, stderr[-2000:]
        interrupted = json.loads((out / "report.json").read_text())
        resumed = subprocess.run(_args(folder, out, server.url), capture_output=True, text=True, env=_env())
    assert "Traceback" not in stderr and "interrupted:" in stderr and "of 6 input(s) finished" in stderr
    assert "to resume, run the same command again" in stderr
    assert interrupted["interrupted"] and not interrupted["finished"]
    assert any(entry["status"] == "not finished" for entry in interrupted["inputs"])
    finished = sum(entry["status"] != "not finished" for entry in interrupted["inputs"])
    converted = sum(entry["status"] == "success" for entry in interrupted["inputs"])
    assert converted >= 1 and f"{finished} of 6 input(s) finished" in stderr
    assert resumed.returncode in (0, 1)
    assert resumed.stderr.count("converted by an earlier run, skipped") == converted  # exactly those are not redone
    assert json.loads((out / "report.json").read_text())["finished"]
