"""Transport failures against the fake server: what is retried, what fails at once, and how it reads."""

from __future__ import annotations

import asyncio
import socket
import time

import pytest
from fakes.openai_server import FakeOpenAIServer, Scripted, run_engine, sample_document, settings_for

from seekh_convert.errors import ConfigError, EngineError
from seekh_convert.generate.openai import OpenAIEngine
from seekh_convert.model.guide import GuideContent


@pytest.mark.parametrize(
    "failure",
    [
        Scripted(429, {"error": {"message": "slow down"}}, headers={"Retry-After": "0.3"}),
        Scripted(500, {"error": {"message": "boom"}}),
        Scripted(503, "<html>unavailable</html>"),
        Scripted(delay=1.2),  # stalls past the 0.5 s timeout
        Scripted(drop=True),
    ],
    ids=["429-retry-after", "500", "503-html", "stall", "dropped"],
)
def test_transient_failure_is_retried_then_succeeds(tmp_path, failure):
    document, topic = sample_document()
    with FakeOpenAIServer() as server:
        server.script(failure)
        started = time.monotonic()
        generation, _ = run_engine(settings_for(server, tmp_path, timeout=0.5, retry_max_wait=1.0), topic, document)
        elapsed = time.monotonic() - started
    assert isinstance(generation.content, GuideContent)
    assert len(server.requests) == 2
    if failure.status == 429:
        assert elapsed >= 0.3  # Retry-After was honoured


def test_retries_run_out_with_a_clear_error(tmp_path):
    document, topic = sample_document()
    with FakeOpenAIServer() as server:
        server.script(*[Scripted(500, {"error": {"message": "still broken"}})] * 5)
        with pytest.raises(EngineError, match=r"HTTP 500 after 3 attempt\(s\): .*still broken"):
            run_engine(settings_for(server, tmp_path, max_retries=2), topic, document)
        assert len(server.requests) == 3


def test_bad_key_fails_at_once_with_one_line(tmp_path):
    document, topic = sample_document()
    with FakeOpenAIServer(api_key="the-right-key") as server:
        with pytest.raises(ConfigError) as info:
            run_engine(settings_for(server, tmp_path), topic, document)
        assert len(server.requests) == 1
    assert str(info.value) == f"API key rejected by {server.url}; set OPENAI_API_KEY or --api-key"


@pytest.mark.parametrize("status", [400, 403, 404])
def test_client_errors_are_not_retried(tmp_path, status):
    document, topic = sample_document()
    with FakeOpenAIServer() as server:
        server.script(Scripted(status, {"error": {"message": "nope"}}))
        with pytest.raises((ConfigError, EngineError)):
            run_engine(settings_for(server, tmp_path), topic, document)
        assert len(server.requests) == 1


def test_unreachable_server_says_what_to_set(tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again: nothing listens there
    document, topic = sample_document()

    class _Nowhere:
        url = f"http://127.0.0.1:{port}/v1"

    with pytest.raises(ConfigError, match=r"cannot reach http://127\.0\.0\.1:\d+/v1; .*OPENAI_BASE_URL or --base-url"):
        run_engine(settings_for(_Nowhere, tmp_path, max_retries=1), topic, document)


def test_auto_mode_falls_back_to_json_object_once(tmp_path):
    """llama-cpp-python answers json_schema with HTTP 500: detect once, then send json_object + schema."""
    document, topic = sample_document()
    with FakeOpenAIServer(reject_json_schema=500) as server:
        settings = settings_for(server, tmp_path, response_format="auto", no_cache=True)

        async def main():
            engine = OpenAIEngine.from_settings(settings)
            try:
                await engine.generate(topic, document)
                await engine.generate(topic, document)
                return engine.response_mode
            finally:
                await engine.aclose()

        mode = asyncio.run(main())
    kinds = [r["response_format"]["type"] for r in server.requests]
    assert mode == "json_object" and kinds == ["json_schema", "json_object", "json_object"]
    fallback = server.requests[1]
    assert "properties" in fallback["response_format"]["schema"]
    assert '"key_takeaways"' in fallback["messages"][0]["content"]  # the schema is described in the system message


def test_auto_mode_keeps_json_schema_when_supported(tmp_path):
    document, topic = sample_document()
    with FakeOpenAIServer() as server:
        _, engine = run_engine(settings_for(server, tmp_path, response_format="auto"), topic, document)
    assert engine.response_mode == "json_schema"
    assert [r["response_format"]["type"] for r in server.requests] == ["json_schema"]


def _auto(server, tmp_path, **overrides):
    return settings_for(server, tmp_path, response_format="auto", no_cache=True, **overrides)


def _kinds(server) -> list[str]:
    return [r["response_format"]["type"] for r in server.requests]


def test_transient_faults_during_the_probe_keep_json_schema(tmp_path):
    """429, 500 and a dropped connection on the first request are retried; they say nothing about json_schema."""
    document, topic = sample_document()
    with FakeOpenAIServer() as server:
        server.script(
            Scripted(429, {"error": {"message": "slow down"}}), Scripted(500, {"error": {"message": "boom"}}), Scripted(drop=True)
        )
        generation, engine = run_engine(_auto(server, tmp_path), topic, document)
    assert isinstance(generation.content, GuideContent)
    assert engine.response_mode == "json_schema"
    assert len(server.requests) >= 4 and set(_kinds(server)) == {"json_schema"}


@pytest.mark.parametrize(
    "failure",
    [
        Scripted(500, {"error": {"message": "CUDA error: out of memory", "type": "internal_server_error"}}),
        Scripted(502, "<html>Bad Gateway</html>"),
    ],
    ids=["500-generic", "502-html"],
)
def test_probe_retries_a_5xx_that_does_not_name_response_format(tmp_path, failure):
    document, topic = sample_document()
    with FakeOpenAIServer() as server:
        server.script(failure)
        _, engine = run_engine(_auto(server, tmp_path), topic, document)
    assert engine.response_mode == "json_schema"
    assert _kinds(server)[:2] == ["json_schema", "json_schema"] and "json_object" not in _kinds(server)


@pytest.mark.parametrize(
    "rejection",
    [
        Scripted(400, {"error": {"message": "Invalid schema for response_format 'guide_content'", "param": "response_format"}}),
        Scripted(422, {"detail": [{"loc": ["body", "response_format", "type"], "msg": "unexpected value"}]}),
        Scripted(404, {"error": {"message": "json_schema response format is not supported"}}),
    ],
    ids=["400", "422", "404-naming-json_schema"],
)
def test_probe_falls_back_on_a_definitive_rejection(tmp_path, rejection):
    document, topic = sample_document()
    with FakeOpenAIServer() as server:
        server.script(rejection)
        generation, engine = run_engine(_auto(server, tmp_path), topic, document)
    assert isinstance(generation.content, GuideContent)
    assert engine.response_mode == "json_object"
    assert _kinds(server)[:2] == ["json_schema", "json_object"] and _kinds(server).count("json_schema") == 1


def test_probe_reports_a_missing_model_instead_of_falling_back(tmp_path):
    """A 404 that does not name response_format is a missing model or endpoint, not a schema rejection."""
    document, topic = sample_document()
    with FakeOpenAIServer() as server:
        server.script(Scripted(404, {"error": {"message": "The model `fake-model` does not exist", "code": "model_not_found"}}))
        with pytest.raises(ConfigError, match="not found"):
            run_engine(_auto(server, tmp_path), topic, document)
    assert _kinds(server) == ["json_schema"]


def test_probe_settles_the_mode_only_on_a_successful_reply(tmp_path):
    """A 400 that is not about the schema fails the json_object request too; the next request probes again."""
    document, topic = sample_document()
    too_long = Scripted(
        400, {"error": {"message": "This model's maximum context length is 2048 tokens", "code": "context_length_exceeded"}}
    )
    with FakeOpenAIServer() as server:
        server.script(too_long, too_long)

        async def main():
            engine = OpenAIEngine.from_settings(_auto(server, tmp_path))
            try:
                with pytest.raises(EngineError, match="maximum context length"):
                    await engine.generate(topic, document)
                assert engine.response_mode is None
                await engine.generate(topic, document)
                return engine.response_mode
            finally:
                await engine.aclose()

        mode = asyncio.run(main())
    assert mode == "json_schema"
    assert _kinds(server)[:3] == ["json_schema", "json_object", "json_schema"]
