"""The run's one request pool and rate limiter: shared across documents, earliest work first, paced by the server."""

from __future__ import annotations

import asyncio

import pytest
from fakes.openai_server import FakeOpenAIServer, Scripted, quoting_reply, settings_for

from seekh_convert.check import GateSettings
from seekh_convert.generate.openai import OpenAIEngine
from seekh_convert.generate.openai.limits import RateLimiter, parse_reset
from seekh_convert.generate.openai.pool import RequestPool
from seekh_convert.pipeline import Converter, Options


def test_a_free_slot_goes_to_the_earliest_work_waiting():
    async def main():
        pool, served = RequestPool(1), []
        release = asyncio.Event()

        async def request(order, name):
            async with pool.slot(order):
                served.append(name)
                await release.wait()

        first = asyncio.create_task(request((5, 1), "holder"))
        await asyncio.sleep(0)
        waiting = [asyncio.create_task(request(order, name)) for order, name in [((3, 2), "c"), ((1, 4), "a"), ((3, 1), "b")]]
        await asyncio.sleep(0)
        assert pool.in_flight == 1 and pool.waiting == 3
        release.set()
        await asyncio.gather(first, *waiting)
        return served

    assert asyncio.run(main()) == ["holder", "a", "b", "c"]


def test_a_cancelled_waiter_gives_its_turn_away():
    async def main():
        pool = RequestPool(1)
        gate = asyncio.Event()

        async def hold():
            async with pool.slot((0, 0)):
                await gate.wait()

        holder = asyncio.create_task(hold())
        await asyncio.sleep(0)
        quitter = asyncio.create_task(hold())
        await asyncio.sleep(0)
        quitter.cancel()
        gate.set()
        await holder
        async with pool.slot((9, 9)):
            return pool.in_flight

    assert asyncio.run(main()) == 1


@pytest.mark.parametrize(
    "value, seconds",
    [("1s", 1.0), ("6m0s", 360.0), ("120ms", 0.12), ("1h2m3.5s", 3723.5), ("0.25", 0.25), ("soon", None), (None, None)],
)
def test_rate_limit_reset_values(value, seconds):
    assert parse_reset(value) == (pytest.approx(seconds) if seconds is not None else None)


def test_limiter_waits_for_the_window_the_server_reported_empty():
    now = [100.0]
    limiter = RateLimiter(clock=lambda: now[0])
    first, second = asyncio.run(limiter.admit(10)), asyncio.run(limiter.admit(10))
    limiter.observe(first, {"x-ratelimit-remaining-requests": "1", "x-ratelimit-reset-requests": "2s"})
    assert limiter.delay(10) == pytest.approx(2.0)  # one request left, but the second was sent after that reply
    now[0] += 2.5
    assert limiter.delay(10) == 0.0
    limiter.observe(second, {"x-ratelimit-remaining-tokens": "500", "x-ratelimit-reset-tokens": "1s"})
    assert limiter.delay(400) == 0.0 and limiter.delay(600) == pytest.approx(1.0)
    limiter.pause(3.0)
    assert limiter.delay(1) == pytest.approx(3.0)


def _inputs(tmp_path, n):
    paths = []
    for i in range(n):
        path = tmp_path / f"input-{i}.md"
        path.write_text(
            f"# Topic {i}\n\nSubject number {i} is about the fourth moon of a planet called Zeta{i}. "
            f"The moon Zeta{i} orbits once every {i + 3} days around its planet. "
            f"Scientists measured the surface temperature of Zeta{i} with a probe in the year 20{i}0.\n"
        )
        paths.append(path)
    return paths


def _convert(server, tmp_path, paths, **settings):
    engine = OpenAIEngine.from_settings(settings_for(server, tmp_path, **settings))

    async def main():
        try:
            options = Options(single_topic=True, gate=GateSettings(rubric=False))  # the pool's mechanics, not the rubric
            return await Converter(engine, tmp_path / "out", options).convert_all(paths)
        finally:
            await engine.aclose()

    return asyncio.run(main())


def test_the_pool_fills_across_document_boundaries(tmp_path):
    """Eight one-request inputs at concurrency 8: all eight requests are in flight together.

    The server holds each request until eight are in flight; a pool that works a few documents at a
    time never gets there and its requests wait out the 5 s hold.
    """
    with FakeOpenAIServer(responder=quoting_reply, hold_until=8) as server:
        results = _convert(server, tmp_path, _inputs(tmp_path, 8), concurrency=8, no_cache=True, timeout=20.0)
    assert server.max_in_flight == 8 and server.held_too_long == 0
    assert all(r.guides for r in results)


def test_retry_after_pauses_every_new_request(tmp_path):
    """A 429 with Retry-After holds back the whole run's new requests, not only the one retried."""
    with FakeOpenAIServer(responder=quoting_reply) as server:
        server.script(Scripted(429, {"error": {"message": "slow down"}}, headers={"Retry-After": "0.6"}))
        _convert(server, tmp_path, _inputs(tmp_path, 4), concurrency=1, no_cache=True, retry_max_wait=2.0)
    refused_at = server.timeline[0][1]
    later = sorted(start for start, _ in server.timeline[1:])
    assert later and later[0] >= refused_at + 0.55


def test_rate_limit_headers_hold_requests_until_the_window_resets(tmp_path):
    """A reply saying no request is left in the window: the next one starts only when it resets."""

    def headers(n):
        return {"x-ratelimit-remaining-requests": "0", "x-ratelimit-reset-requests": "600ms"} if n == 0 else {}

    with FakeOpenAIServer(responder=quoting_reply, reply_headers=headers) as server:
        _convert(server, tmp_path, _inputs(tmp_path, 3), concurrency=1, no_cache=True)
    first_reply = server.timeline[0][1]
    assert min(start for start, _ in server.timeline[1:]) >= first_reply + 0.55
