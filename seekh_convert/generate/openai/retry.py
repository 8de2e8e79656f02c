"""All retry logic, on two separate paths.

Transport: 429 (honouring Retry-After), 5xx, timeouts and dropped connections wait with
exponential backoff plus jitter and are sent again; other 4xx fail at once. A Batch API line that failed
with a transient status goes into the next batch (``retry_line``).
Validation: a reply that does not parse or validate goes back to the model with the error
appended as a user message, a bounded number of times; a reply cut off at ``max_tokens`` is
asked again once with double the budget. Out of attempts -> ``EngineError``.
"""

from __future__ import annotations

import email.utils
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

import openai
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt, wait_exponential_jitter

from seekh_convert.errors import EngineError
from seekh_convert.generate.openai.structured import InvalidReply
from seekh_convert.generate.openai.transport import ReplyRefused

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class Backoff:
    """Transport retry policy; tests use tiny waits."""

    max_retries: int = 4
    initial: float = 1.0
    maximum: float = 60.0


def transient_status(status: int) -> bool:
    """429, 5xx and 408/409 are worth another try."""
    return status in (408, 409, 429) or status >= 500


def is_transient(exc: BaseException) -> bool:
    """Transient statuses, timeouts and connection failures are worth another try."""
    if isinstance(exc, openai.APIConnectionError):  # includes APITimeoutError; not a reply refused for its size
        return not isinstance(exc, ReplyRefused)
    if isinstance(exc, openai.APIStatusError):
        return transient_status(exc.status_code)
    return False


def retry_line(status: int | None, attempts: int, policy: Backoff) -> bool:
    """Whether a Batch API line that failed with ``status`` (None: its batch expired or was cancelled before
    answering it) after ``attempts`` goes into the next batch."""
    return attempts <= policy.max_retries and (status is None or transient_status(status))


def retry_after(exc: BaseException | None) -> float | None:
    """Seconds asked for by a ``Retry-After`` / ``retry-after-ms`` header, if any."""
    response = getattr(exc, "response", None)
    if response is None:
        return None
    headers = response.headers
    if (ms := headers.get("retry-after-ms")) is not None:
        try:
            return max(0.0, float(ms) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value) if value else None
        return max(0.0, parsed.timestamp() - time.time()) if parsed else None


class _Wait:
    """Retry-After when the server gives one (capped), else exponential backoff with jitter."""

    def __init__(self, policy: Backoff):
        self._policy = policy
        self._exp = wait_exponential_jitter(multiplier=policy.initial, max=policy.maximum, jitter=policy.initial)

    def __call__(self, state: RetryCallState) -> float:
        asked = retry_after(state.outcome.exception() if state.outcome else None)
        if asked is not None:
            return min(asked, self._policy.maximum)
        return self._exp(state)


def _log_retry(state: RetryCallState) -> None:
    exc = state.outcome.exception() if state.outcome else None
    wait = state.next_action.sleep if state.next_action else 0
    log.warning("request failed (%s); retry %d in %.2fs", type(exc).__name__, state.attempt_number, wait)


async def with_transport_retries(
    send: Callable[[], Awaitable[T]], policy: Backoff, *, transient: Callable[[BaseException], bool] = is_transient
) -> T:
    """Run ``send`` until it succeeds, a non-transient error is raised, or retries run out (last error re-raised)."""
    retrying = AsyncRetrying(
        stop=stop_after_attempt(policy.max_retries + 1),
        wait=_Wait(policy),
        retry=retry_if_exception(transient),
        before_sleep=_log_retry,
        reraise=True,
    )
    async for attempt in retrying:
        with attempt:
            return await send()
    raise AssertionError("unreachable")  # pragma: no cover


@dataclass(frozen=True)
class Reply:
    """One chat completion: the text, why it stopped, token counts, and whether the cache answered."""

    text: str
    finish_reason: str
    input_tokens: int
    output_tokens: int
    cached: bool = False


async def with_repairs(
    send: Callable[[list[dict], int], Awaitable[Reply]],
    messages: list[dict],
    parse: Callable[[str], T],
    *,
    max_repairs: int,
    max_tokens: int,
    feedback: Callable[[str], str],
    usage: Callable[[], object],
    what: str,
) -> T:
    """Ask, parse, and on ``InvalidReply`` send the error back; ``feedback(error)`` words the user message."""
    msgs, budget, raised, attempts, last = list(messages), max_tokens, False, 0, None
    repairs = 0
    while True:
        attempts += 1
        reply = await send(msgs, budget)
        last = reply.text
        if reply.finish_reason == "length":
            if raised:
                raise EngineError(
                    f"{what}: the reply was cut off at max_tokens={budget} twice; the topic is too long for one reply",
                    attempts=attempts,
                    usage=usage(),
                    last_reply=last,
                )
            log.info("%s: reply cut off at max_tokens=%d; asking again with %d", what, budget, budget * 2)
            budget, raised = budget * 2, True
            continue
        try:
            return parse(reply.text)
        except InvalidReply as exc:
            if repairs >= max_repairs:
                raise EngineError(
                    f"{what}: no valid reply after {attempts} attempt(s): {exc}",
                    attempts=attempts,
                    usage=usage(),
                    last_reply=last,
                ) from None
            repairs += 1
            log.info("%s: invalid reply (%s); repair %d of %d", what, exc, repairs, max_repairs)
            msgs = [*msgs, {"role": "assistant", "content": reply.text}, {"role": "user", "content": feedback(str(exc))}]
