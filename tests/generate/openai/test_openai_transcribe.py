"""The OpenAI-compatible transcriber against the fake server over real HTTP: pieces, retries, cache, stitching."""

from __future__ import annotations

import asyncio

import pytest
from fakes.openai_server import TEST_KEY, FakeOpenAIServer, Scripted
from fakes.transcription import RATE, Timeline, tones, write_audio
from pydantic import SecretStr

from seekh_convert.errors import ConfigError, EngineError, InputError
from seekh_convert.generate.openai import EngineSettings, OpenAIEngine
from seekh_convert.generate.openai.transcribe import OpenAITranscriber
from seekh_convert.model.document import PieceLimits
from seekh_convert.model.engine import work_order
from seekh_convert.pipeline.transcribe import NEEDS_SERVER, transcribe_document
from seekh_convert.read import ReadOptions, read

LAYOUT = [(0.7, 2.0), (1.0, 1.6), (0.8, 2.4), (1.2, 1.8), (0.9, 2.2), (1.0, 1.5), (0.7, 2.6), (1.1, 1.9)] * 2
LIMITS = PieceLimits(max_bytes=300_000, max_seconds=600, overlap=0.75)  # the upload limit: about 9 s of 16 kHz audio


@pytest.fixture(scope="module")
def lecture(tmp_path_factory):
    """About 45 s of tone 'sentences': five pieces or more under a 300 kB upload limit."""
    samples, script = tones(LAYOUT)
    return write_audio(tmp_path_factory.mktemp("rec") / "lecture.flac", samples), samples, script


def _settings(server: FakeOpenAIServer, tmp_path, **overrides) -> EngineSettings:
    values = dict(
        transcribe_model="whisper-1",
        base_url=server.url,
        api_key=SecretStr(TEST_KEY),
        timeout=5.0,
        max_retries=3,
        retry_wait=0.01,
        retry_max_wait=0.2,
        cache_dir=tmp_path / "cache",
    )
    values.update(overrides)
    return EngineSettings(**values)


def _transcribe(path, settings, language=None, limits=LIMITS, engine=None):
    """Read ``path``, transcribe it through a fresh transcriber (sharing ``engine``'s client if given), close it."""
    doc = read(path, options=ReadOptions(pieces=limits))

    async def main():
        transcriber = OpenAITranscriber.from_settings(settings, engine.client if engine else None)
        try:
            usage = await transcribe_document(doc, transcriber, language)
        finally:
            await transcriber.aclose()
        return usage

    return doc, asyncio.run(main())


def test_pieces_are_uploaded_and_their_segments_stitched_back_in_place(lecture, tmp_path):
    path, samples, script = lecture
    timeline = Timeline(samples, script)
    with FakeOpenAIServer(api_key=TEST_KEY, transcriber=timeline) as server:
        doc, usage = _transcribe(path, _settings(server, tmp_path))
    pieces = read(path, options=ReadOptions(pieces=LIMITS)).audio.pieces
    assert len(pieces) >= 5 and len(server.transcriptions) == len(pieces)
    for upload in server.transcriptions:
        assert upload["model"] == "whisper-1" and upload["response_format"] == "verbose_json"
        assert upload["timestamp_granularities[]"] == "segment" and "language" not in upload
        assert upload["file"][:4] == b"fLaC" and len(upload["file"]) <= LIMITS.max_bytes
    assert sorted(timeline.offsets) == pytest.approx([p.start for p in pieces], abs=1e-3)
    # every sentence once, at its own time, although pieces overlap
    assert [c.text for c in doc.cues] == [s.text for s in script]
    for cue, said in zip(doc.cues, script):
        assert cue.start == pytest.approx(said.start, abs=0.02) and cue.end == pytest.approx(said.end, abs=0.02)
    assert doc.metadata["language"] == "english"
    duration = len(samples) / RATE + LIMITS.overlap * 2 * (len(pieces) - 1)  # overlaps are sent twice
    assert usage.calls == len(pieces) and usage.cached_calls == 0
    assert usage.cost_usd == pytest.approx(duration / 60 * 0.006, rel=0.01)
    assert not doc.audio.folder.exists()  # the pieces' temporary files are gone


def test_a_second_run_sends_nothing_and_gives_the_same_cues(lecture, tmp_path):
    path, samples, script = lecture
    with FakeOpenAIServer(transcriber=Timeline(samples, script)) as server:
        first, _ = _transcribe(path, _settings(server, tmp_path))
        sent = len(server.transcriptions)
        again, usage = _transcribe(path, _settings(server, tmp_path))
        assert len(server.transcriptions) == sent  # nothing sent the second time
        assert again.cues == first.cues and usage.cached_calls == usage.calls == sent and usage.cost_usd == 0
        _transcribe(path, _settings(server, tmp_path), language="en")  # the language is part of the key
        assert len(server.transcriptions) == 2 * sent
        assert all(u["language"] == "en" for u in server.transcriptions[sent:])


def test_transient_faults_are_retried(lecture, tmp_path):
    path, samples, script = lecture
    with FakeOpenAIServer(transcriber=Timeline(samples, script)) as server:
        server.script_audio(
            Scripted(500, {"error": {"message": "overloaded"}}),
            Scripted(429, {"error": {"message": "slow down"}}, headers={"retry-after": "0.05"}),
            Scripted(drop=True),
        )
        doc, usage = _transcribe(path, _settings(server, tmp_path))
    pieces = read(path, options=ReadOptions(pieces=LIMITS)).audio.pieces
    assert len(server.transcriptions) == len(pieces) + 3
    assert [c.text for c in doc.cues] == [s.text for s in script]
    assert usage.calls == len(pieces)


def test_a_rejected_key_is_one_line_and_stops_the_other_pieces(lecture, tmp_path):
    path, _, _ = lecture
    with FakeOpenAIServer(api_key="sk-the-right-one", transcriber=lambda f: {}) as server:
        settings = _settings(server, tmp_path, concurrency=1)
        with pytest.raises(ConfigError) as info:
            _transcribe(path, settings)
    message = str(info.value)
    assert message.startswith("API key rejected by http://127.0.0.1:") and "\n" not in message
    assert TEST_KEY not in message
    assert len(server.transcriptions) == 1  # the other pieces were never sent


def test_a_server_without_the_audio_api_says_what_to_check(lecture, tmp_path):
    path, _, _ = lecture
    with FakeOpenAIServer() as server, pytest.raises(ConfigError, match="check --transcribe-model and --base-url"):
        _transcribe(path, _settings(server, tmp_path))


def test_a_reply_without_segment_times_is_refused(lecture, tmp_path):
    path, _, _ = lecture
    refusal = pytest.raises(EngineError, match="without segment times; it must support verbose_json segments")
    with FakeOpenAIServer(transcriber=lambda fields: {"text": "Hello there."}) as server, refusal:
        _transcribe(path, _settings(server, tmp_path, no_cache=True))


def test_whisper_silence_hallucinations_are_dropped(lecture, tmp_path):
    path, _, _ = lecture

    def reply(fields):
        return {
            "language": "english",
            "text": "Real words. Thank you.",
            "segments": [
                {"start": 0.5, "end": 2.0, "text": " Real words.", "no_speech_prob": 0.1, "avg_logprob": -0.2},
                {"start": 3.0, "end": 4.0, "text": " Thank you.", "no_speech_prob": 0.9, "avg_logprob": -1.4},
            ],
        }

    with FakeOpenAIServer(transcriber=reply) as server:
        doc, _ = _transcribe(path, _settings(server, tmp_path), limits=PieceLimits(max_seconds=600))
    assert [c.text for c in doc.cues] == ["Real words."]


def test_text_from_the_server_is_made_safe_webvtt(lecture, tmp_path):
    path, _, _ = lecture
    said = "x <b>bold</b> --> y & z\n\nNEXT"
    with FakeOpenAIServer(transcriber=lambda f: {"segments": [{"start": 1, "end": 2, "text": said}]}) as server:
        doc, _ = _transcribe(path, _settings(server, tmp_path), limits=PieceLimits(max_seconds=600))
    assert [c.text for c in doc.cues] == ["x &lt;b&gt;bold&lt;/b&gt; --&gt; y &amp; z NEXT"]


def test_without_a_transcriber_recordings_are_refused_in_one_line(lecture):
    path, _, _ = lecture
    doc = read(path)
    with pytest.raises(InputError) as info:
        asyncio.run(transcribe_document(doc, None))
    assert str(info.value) == f"lecture.flac: {NEEDS_SERVER}"
    assert not doc.audio.folder.exists()


def test_with_the_chat_engine_the_pool_cache_and_events_are_shared(lecture, tmp_path):
    path, samples, script = lecture
    with FakeOpenAIServer(transcriber=Timeline(samples, script)) as server:
        server.delay = 0.2  # long enough for uploads to overlap
        settings = _settings(server, tmp_path, model="fake-model", concurrency=2)
        engine = OpenAIEngine.from_settings(settings)
        events = []
        engine.on_request = events.append

        async def main():
            transcriber = OpenAITranscriber.from_settings(settings, engine.client if engine else None)
            assert transcriber.pool is engine.client.pool and transcriber.cache is engine.client.cache
            assert transcriber.limiter is engine.client.limiter
            work_order.set((3, 0))
            doc = read(path, options=ReadOptions(pieces=LIMITS))
            await transcribe_document(doc, transcriber)
            await transcriber.aclose()
            await engine.aclose()
            return doc

        asyncio.run(main())
    done = [e for e in events if e.phase == "done"]
    assert len(done) == len(server.transcriptions) and all(e.step == "transcribe" and e.order == (3, 0) for e in done)
    assert all(e.cost_usd and e.cost_usd > 0 for e in done)
    assert server.max_in_flight == 2


def test_a_piece_too_large_for_the_server_says_which_setting_to_lower(lecture, tmp_path):
    path, _, _ = lecture
    with FakeOpenAIServer(transcriber=lambda f: {}) as server:
        server.script_audio(Scripted(413, {"error": {"message": "Maximum content size limit exceeded"}}))
        with pytest.raises(InputError, match=r"refused a 0\.\d MB piece as too large; lower transcribe_max_mb in seekh.toml$"):
            _transcribe(path, _settings(server, tmp_path, max_retries=0), limits=PieceLimits(max_seconds=600))
