"""Hostile servers (issue 19): trickling, huge, gzip-bombed, non-JSON, nested, dropping replies; a damaged cache.

Each ends in one clear line (an ``EngineError`` the run reports per topic), never "unexpected ... please report
this", within the time asked, with memory bounded; replies that fail validation are never cached.
"""

from __future__ import annotations

import sqlite3
import time
import zlib

import pytest
from fakes.openai_server import FakeOpenAIServer, Scripted, default_reply, run_engine, sample_document, settings_for

from seekh_convert.errors import EngineError
from seekh_convert.model.guide import GuideContent


def _fails(tmp_path, *script: Scripted, **settings) -> tuple[str, float, FakeOpenAIServer]:
    document, topic = sample_document()
    with FakeOpenAIServer() as server:
        server.script(*script)
        started = time.monotonic()
        with pytest.raises(EngineError) as caught:
            run_engine(settings_for(server, tmp_path, **{"max_retries": 0, **settings}), topic, document)
        elapsed = time.monotonic() - started  # not the server's own shutdown (it trickles on to a closed socket)
    return str(caught.value), elapsed, server


def test_a_server_trickling_one_byte_at_a_time_meets_the_timeout_as_a_total_deadline(tmp_path):
    message, elapsed, _ = _fails(tmp_path, Scripted(content="{}", trickle=0.3), timeout=2.0)
    assert "no complete reply" in message and "within 2s" in message
    assert elapsed < 8  # the reply would take ~25 s; each byte came well within the per-read timeout


def test_a_300_mb_reply_is_refused_at_the_size_limit(tmp_path):
    message, _, server = _fails(tmp_path, Scripted(filler=300 << 20), timeout=60.0, max_retries=3)
    assert "reply is larger than 64 MB" in message and "\n" not in message
    assert len(server.requests) == 1  # not retried: the same server would send it again


def test_a_gzip_bombed_reply_inflates_no_further_than_the_limit(tmp_path):
    bomb = zlib.compressobj(9, zlib.DEFLATED, 31)
    body = bomb.compress(b"\0" * (256 << 20)) + bomb.flush()
    assert len(body) < 1 << 20
    message, _, _ = _fails(tmp_path, Scripted(body=body, headers={"content-encoding": "gzip"}), timeout=60.0)
    assert "reply is larger than 64 MB" in message


def test_a_web_page_with_status_200_is_one_line_about_the_base_url(tmp_path):
    page = Scripted(body="<html><body>Welcome to nginx!</body></html>", content_type="text/html")
    message, _, _ = _fails(tmp_path, page)
    assert "answered with text/html, not JSON" in message and "--base-url" in message
    assert "unexpected" not in message


def test_deeply_nested_json_is_one_line_and_never_cached(tmp_path):
    nested = Scripted(content="[" * 200_000 + "]" * 200_000)
    message, _, _ = _fails(tmp_path, nested, nested, nested, nested, max_repairs=1)
    assert "unexpected" not in message and "please report" not in message
    with sqlite3.connect(tmp_path / "cache" / "replies.sqlite") as db:
        assert db.execute("SELECT count(*) FROM replies").fetchone()[0] == 0
    document, topic = sample_document()
    with FakeOpenAIServer() as healthy:  # the next run, against a healthy server, converts
        generation, _ = run_engine(settings_for(healthy, tmp_path), topic, document)
    assert isinstance(generation.content, GuideContent)


def test_a_tampered_cache_row_is_dropped_and_asked_again(tmp_path):
    document, topic = sample_document()
    with FakeOpenAIServer() as server:
        run_engine(settings_for(server, tmp_path), topic, document)
        first = len(server.requests)
    with sqlite3.connect(tmp_path / "cache" / "replies.sqlite") as db:
        db.execute("UPDATE replies SET text = NULL, input_tokens = 'lots'")
    with FakeOpenAIServer() as server:
        generation, _ = run_engine(settings_for(server, tmp_path), topic, document)
        assert len(server.requests) == first  # every damaged row asked again
    assert isinstance(generation.content, GuideContent)


def test_a_stored_reply_that_fails_validation_is_never_served_from_the_cache(tmp_path):
    """The Batch API stores answers as they arrive, before any validation: a failing one is dropped when read."""
    document, topic = sample_document()
    with FakeOpenAIServer() as server:
        run_engine(settings_for(server, tmp_path), topic, document)
        first = len(server.requests)
    with sqlite3.connect(tmp_path / "cache" / "replies.sqlite") as db:
        db.execute("UPDATE replies SET text = ?", ('{"topic": 1}',))  # JSON, but not a guide
    with FakeOpenAIServer() as server:
        generation, _ = run_engine(settings_for(server, tmp_path), topic, document)
        assert len(server.requests) == first  # asked again, not repaired from the bad row
    assert isinstance(generation.content, GuideContent)
    with sqlite3.connect(tmp_path / "cache" / "replies.sqlite") as db:
        assert db.execute("SELECT count(*) FROM replies WHERE text = ?", ('{"topic": 1}',)).fetchone()[0] == 0


def test_a_dropped_connection_says_so_not_cannot_reach(tmp_path):
    message, _, _ = _fails(tmp_path, Scripted(drop=True), Scripted(drop=True), max_retries=1)
    assert "dropped the connection" in message and "cannot reach" not in message


def test_replies_that_pass_validation_are_still_cached(tmp_path):
    document, topic = sample_document()
    with FakeOpenAIServer() as server:
        server.responder = default_reply
        run_engine(settings_for(server, tmp_path), topic, document)
    with sqlite3.connect(tmp_path / "cache" / "replies.sqlite") as db:
        assert db.execute("SELECT count(*) FROM replies").fetchone()[0] >= 1
