"""The run's one rate limiter: new requests wait while the server says they would be refused.

Two signals, from every reply (success or error) of the whole run: ``Retry-After`` on a 429 pauses every
new request until then; the ``x-ratelimit-remaining-requests/-tokens`` and ``x-ratelimit-reset-*`` headers
(OpenAI, Azure, vLLM behind a gateway...) give what is left of the current window and when it refills.
Requests started after the reply was sent are subtracted from what it says is left, since the server may
not have counted them yet. Retrying a failed request stays in ``retry.py``; this only paces new ones.
"""

from __future__ import annotations

import asyncio
import itertools
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

_DURATION = re.compile(r"(\d+(?:\.\d+)?)(ms|h|m|s)")
_UNIT = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0}


def parse_reset(value: str | None) -> float | None:
    """Seconds in an ``x-ratelimit-reset-*`` value: ``1s``, ``6m0s``, ``120ms``, ``1h2m3.5s`` or a bare number."""
    if value is None:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    parts = _DURATION.findall(value)
    if not parts or "".join(n + u for n, u in parts) != value.replace(" ", ""):
        return None
    return sum(float(n) * _UNIT[u] for n, u in parts)


def _number(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


@dataclass
class _Window:
    """What the server said is left of one quota, and when it refills (monotonic seconds)."""

    remaining: float | None = None
    reset_at: float = 0.0

    def wait(self, need: float, now: float) -> float:
        if self.remaining is None or self.remaining >= need or self.reset_at <= now:
            return 0.0
        return self.reset_at - now


class RateLimiter:
    """``admit`` before each request (waits while the server would refuse it); ``observe`` each reply's headers."""

    def __init__(self, *, max_wait: float = 60.0, clock: Callable[[], float] = time.monotonic):
        self.max_wait = max_wait
        self.paused_seconds = 0.0  # total time new requests were held back
        self._clock = clock
        self._paused_until = 0.0
        self._requests = _Window()
        self._tokens = _Window()
        self._started: dict[int, int] = {}  # ticket -> tokens, for requests not answered yet
        self._tickets = itertools.count()

    def delay(self, tokens: int) -> float:
        """Seconds a request of ``tokens`` (prompt plus reply budget) must wait now."""
        now = self._clock()
        return max(self._paused_until - now, self._requests.wait(1, now), self._tokens.wait(tokens, now), 0.0)

    async def admit(self, tokens: int) -> int:
        """Wait until a request of ``tokens`` may start; returns its ticket for ``observe``."""
        while (wait := self.delay(tokens)) > 0:
            wait = min(wait, self.max_wait)
            self.paused_seconds += wait
            await asyncio.sleep(wait)
        ticket = next(self._tickets)
        self._started[ticket] = tokens
        for window, used in ((self._requests, 1), (self._tokens, tokens)):
            if window.remaining is not None and window.reset_at > self._clock():
                window.remaining -= used
        return ticket

    def observe(self, ticket: int, headers: Mapping[str, str] | None) -> None:
        """The reply to ``ticket`` arrived (or failed) with ``headers``."""
        self._started.pop(ticket, None)
        if not headers:
            return
        later = [tokens for t, tokens in self._started.items() if t > ticket]
        now = self._clock()
        for window, name, pending in ((self._requests, "requests", len(later)), (self._tokens, "tokens", sum(later))):
            remaining = _number(headers.get(f"x-ratelimit-remaining-{name}"))
            if remaining is None:
                continue
            reset = parse_reset(headers.get(f"x-ratelimit-reset-{name}"))
            window.remaining = remaining - pending
            window.reset_at = now + (1.0 if reset is None else reset)

    def pause(self, seconds: float) -> None:
        """Hold every new request back for ``seconds`` (a 429's ``Retry-After``)."""
        self._paused_until = max(self._paused_until, self._clock() + min(seconds, self.max_wait))
