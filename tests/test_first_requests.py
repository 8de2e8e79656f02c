"""Through the openai engine, requests start as soon as the first topic is ready: they do not wait for the other
inputs to be read, nor for the first reply (which settles the structured-output mode)."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from conftest import SAMPLES
from fakes.openai_server import FakeOpenAIServer, quoting_reply
from typer.testing import CliRunner

from seekh_convert.cli import app

pytestmark = pytest.mark.usefixtures("mechanics_only")


def _run(tmp_path, delay: float, **server_options) -> tuple[list[dict], list[dict]]:
    folder = tmp_path / "course"
    folder.mkdir()
    lecture = (SAMPLES / "memory-lecture.vtt").read_text(encoding="utf-8")
    for n in range(4):  # four inputs (a file given twice is converted once)
        (folder / f"lecture-{n}.vtt").write_text(f"{lecture}\nNOTE copy {n}\n", encoding="utf-8")
    log = tmp_path / "events.jsonl"
    with FakeOpenAIServer(responder=quoting_reply, delay=delay, **server_options) as server:
        args = ["convert", str(folder), "-o", str(tmp_path / "out"), "--model", "fake-model", "--base-url", server.url]
        args += ["--api-key", "k", "--cache-dir", str(tmp_path / "cache"), "--log-json", str(log), "--concurrency", "8"]
        result = CliRunner().invoke(app, args)
    assert result.exit_code in (0, 1), result.output
    return [json.loads(line) for line in log.read_text().splitlines()], server.requests


def _at(event: dict) -> float:
    return datetime.fromisoformat(event["time"]).timestamp()


def test_requests_go_out_side_by_side_before_the_first_reply(tmp_path):
    events, _ = _run(tmp_path, delay=1.5)
    requests = [e for e in events if e["event"] == "request"]
    first_reply = next(i for i, e in enumerate(requests) if e["phase"] == "done")
    sent_before = [e for e in requests[:first_reply] if e["phase"] == "sent"]
    assert len(sent_before) >= 2, [(e["input"], e["phase"]) for e in requests[:6]]  # not one probe alone
    loaded = [_at(e) for e in events if e["event"] == "loaded"]
    first_sent = min(_at(e) for e in requests if e["phase"] == "sent")
    assert len(loaded) == 4 and first_sent < max(loaded)  # the first request does not wait for the last input


def test_a_server_without_json_schema_still_answers_every_request(tmp_path):
    """The requests sent beside the probe are refused too; each is sent again once the probe settles json_object."""
    events, requests = _run(tmp_path, 0.5, reject_json_schema=400)
    assert [e for e in events if e["event"] == "done"] and not [e for e in events if e["event"] == "failed"]
    answered = [r for r in requests if (r.get("response_format") or {}).get("type") == "json_object"]
    assert len(answered) >= 4, [(r.get("response_format") or {}).get("type") for r in requests]
