"""The command line with --model: the openai engine over real HTTP to a fake server on 127.0.0.1."""

import json

import pytest
from conftest import SAMPLES
from fakes.openai_server import FakeOpenAIServer, Scripted, offline_replies, topic_responder
from typer.testing import CliRunner

from seekh_convert.cli import app

KEY = "sk-cli-SECRET-987654321"
SAMPLE = SAMPLES / "therapeutic-alliance-notes.pdf"


@pytest.fixture(scope="module")
def model_replies():
    """What a good model would answer per topic: the offline engine's content for that topic."""
    return offline_replies(SAMPLE)


def _convert(server, out, cache, *extra):
    args = [
        "convert",
        str(SAMPLE),
        "-o",
        str(out),
        "--model",
        "fake-model",
        "--base-url",
        server.url,
        "--api-key",
        KEY,
        "--cache-dir",
        str(cache),
        *extra,
    ]
    return CliRunner().invoke(app, args)


def test_openai_engine_end_to_end_then_served_from_cache(tmp_path, model_replies):
    with FakeOpenAIServer(api_key=KEY, responder=topic_responder(model_replies)) as server:
        first = _convert(server, tmp_path / "a", tmp_path / "cache")
        assert first.exit_code == 0, first.output
        calls = len(server.requests)
        assert calls >= len(model_replies)
        assert "LLM usage" in first.output
        second = _convert(server, tmp_path / "b", tmp_path / "cache")
        assert second.exit_code == 0, second.output
        assert len(server.requests) == calls, "a re-run must be served from the cache"
    guides = sorted((tmp_path / "a").glob("*/*/guide.json"))
    assert len(guides) == len(model_replies)
    for path in guides:
        guide = json.loads(path.read_text())
        assert guide["provenance"]["engine"] == "openai" and guide["provenance"]["model"] == "fake-model"
        assert guide["provenance"]["usage"]["calls"] >= 1
    for path in [*(tmp_path / "a").rglob("*"), *(tmp_path / "cache").rglob("*")]:
        if path.is_file():
            assert KEY.encode() not in path.read_bytes(), path
    assert KEY not in first.output


def test_transient_faults_on_the_first_request_keep_strict_json_schema(tmp_path, model_replies, monkeypatch):
    """429, 500 and a dropped connection before the first reply are retried; every topic is written in json_schema mode."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seekh.toml").write_text("[engine]\nretry_wait = 0.01\nretry_max_wait = 0.1\n")
    with FakeOpenAIServer(api_key=KEY, responder=topic_responder(model_replies)) as server:
        server.script(
            Scripted(429, {"error": {"message": "slow down"}}), Scripted(500, {"error": {"message": "boom"}}), Scripted(drop=True)
        )
        result = _convert(server, tmp_path / "out", tmp_path / "cache")
    assert result.exit_code == 0, result.output
    assert len(sorted((tmp_path / "out").glob("*/*/guide.json"))) == len(model_replies)
    assert len(server.requests) >= 3 + len(model_replies)
    assert {r["response_format"]["type"] for r in server.requests} == {"json_schema"}
    assert all(r["response_format"]["json_schema"]["strict"] for r in server.requests)


def test_bad_key_is_one_clear_line(tmp_path, model_replies):
    with FakeOpenAIServer(api_key="sk-the-right-one", responder=topic_responder(model_replies)) as server:
        result = _convert(server, tmp_path / "out", tmp_path / "cache", str(SAMPLE), "--concurrency", "1")
    assert result.exit_code == 2
    assert "Traceback" not in result.output and KEY not in result.output
    assert "API key rejected" in result.output
    assert not server.requests  # the preflight found it with GET /models: no completion was asked for
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("guide.json"))


def test_missing_key_for_openai_says_what_to_set(tmp_path):
    result = CliRunner().invoke(
        app, ["convert", str(SAMPLE), "-o", str(tmp_path), "--engine", "openai", "--model", "gpt-4o-mini"]
    )
    assert result.exit_code == 2
    assert "OPENAI_API_KEY" in result.output and "Traceback" not in result.output


def test_verbose_logs_carry_no_credentials(tmp_path, model_replies):
    """-v shows every call, but never a key or a password inside --base-url."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    with FakeOpenAIServer(responder=topic_responder(model_replies)) as server:
        url = server.url.replace("http://", "http://user:URLSECRET@")
        exe = Path(sys.executable).with_name("seekh-convert")
        proc = subprocess.run(
            [
                str(exe),
                "convert",
                str(SAMPLE),
                "-o",
                str(tmp_path / "out"),
                "-v",
                "--model",
                "fake-model",
                "--base-url",
                url,
                "--cache-dir",
                str(tmp_path / "cache"),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "OPENAI_API_KEY": KEY},
        )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "tokens in" in proc.stderr  # the per-call log is there
    assert "URLSECRET" not in proc.stderr + proc.stdout and KEY not in proc.stderr + proc.stdout


def test_a_model_gives_short_answers_with_accepted_answers_and_the_quiz_exports_grade_them(tmp_path, model_replies):
    """The strict schema asks for ``accept``; what the model lists reaches guide.json, GIFT and QTI."""
    replies = json.loads(json.dumps(model_replies))
    for reply in replies:  # the offline engine writes no short answers now: a model would; a card becomes one
        cards = [c for c in reply["flashcards"] if c["kind"] == "basic"]
        if len(reply["flashcards"]) > 1 and cards:
            card = cards[0]
            reply["flashcards"].remove(card)
            reply["questions"].append(
                {
                    "kind": "short_answer",
                    "question": card["front"],
                    "answer": card["back"],
                    "explanation": card["back"],
                    "source": card["source"],
                }
            )
    shorts = [q for r in replies for q in r["questions"] if q["kind"] == "short_answer"]
    assert shorts
    for q in shorts:
        q["accept"] = ["working alliance", "the alliance"]
    with FakeOpenAIServer(api_key=KEY, responder=topic_responder(replies)) as server:
        result = _convert(server, tmp_path / "out", tmp_path / "cache", "--format", "json,gift,qti")
        assert result.exit_code == 0, result.output
        schemas = [json.dumps(body.get("response_format", {})) for body in server.requests]
    assert any('"accept"' in s for s in schemas)
    kept = [
        q
        for p in (tmp_path / "out").glob("*/*/guide.json")
        for q in json.loads(p.read_text())["questions"]
        if q["kind"] == "short_answer"
    ]
    assert kept and all(q["accept"] == ["working alliance", "the alliance"] for q in kept)
    gift = next((tmp_path / "out").glob("*/*.gift")).read_text()
    assert gift.count("=working alliance\n=the alliance\n") == len(kept)
