"""The chat call: cache lookup, structured-output mode detection, the run's request pool and rate limiter,
the budget, request events, error mapping."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import openai
from openai.types.chat import ChatCompletion
from pydantic import BaseModel

from seekh_convert.errors import BudgetError, ConfigError, EngineError
from seekh_convert.generate.openai.batch import BatchQueue
from seekh_convert.generate.openai.cache import CachedReply, ResponseCache, cache_key
from seekh_convert.generate.openai.config import EngineSettings
from seekh_convert.generate.openai.ledger import BatchLedger
from seekh_convert.generate.openai.limits import RateLimiter
from seekh_convert.generate.openai.pool import RequestPool
from seekh_convert.generate.openai.prompts import load_prompt
from seekh_convert.generate.openai.retry import Backoff, Reply, is_transient, retry_after, with_transport_retries
from seekh_convert.generate.openai.structured import Mode, response_format, schema_hash, strict_schema
from seekh_convert.generate.openai.transport import ReplyRefused, bounded_http_client, dropped
from seekh_convert.generate.openai.usage import BATCH_DISCOUNT, Budget, cost_usd
from seekh_convert.model.engine import RequestEvent, work_order
from seekh_convert.text.tokens import count_tokens

log = logging.getLogger(__name__)

#: Words by which an error is about the structured-output request.
_NAMES_SCHEMA = re.compile(r"response_format|json_schema", re.IGNORECASE)


class ChatClient:
    """One per engine and run: owns the HTTP client, the request pool, the rate limiter, the cache and the output mode."""

    def __init__(self, settings: EngineSettings):
        self.settings = settings
        self.base_url = safe_url(settings.base_url)
        self._secret = settings.api_key.get_secret_value() if settings.api_key else None
        self._client = openai.AsyncOpenAI(
            api_key=settings.key(),
            base_url=settings.base_url,
            timeout=settings.timeout,
            max_retries=0,
            http_client=bounded_http_client(),
        )
        self._policy = Backoff(settings.max_retries, settings.retry_wait, settings.retry_max_wait)
        self._cache = None if settings.no_cache else ResponseCache(settings.resolved_cache_dir())
        self._mode: Mode | None = None if settings.response_format == "auto" else settings.response_format
        self._pool: RequestPool | None = None
        self.limiter = RateLimiter(max_wait=settings.retry_max_wait)
        self.budget: Budget | None = None
        self.on_request: Callable[[RequestEvent], None] | None = None
        self._fatal: ConfigError | BudgetError | None = None
        self._detect: asyncio.Lock | None = None
        self.state_dir: Path | None = None  # where the Batch API ledger lives (default: beside the cache)
        self.on_status: Callable[[str], None] | None = None  # Batch API progress, one line each
        self._batch: BatchQueue | None = None
        self._ledger: BatchLedger | None = None

    @property
    def pool(self) -> RequestPool:
        """The run's request pool (made in the running event loop)."""
        self._pool = self._pool or RequestPool(self.settings.concurrency)
        return self._pool

    @property
    def mode(self) -> Mode | None:
        """The structured-output mode in use (``None`` until the first request in ``auto``)."""
        return self._mode

    async def chat(
        self,
        messages: list[dict],
        model: type[BaseModel],
        name: str,
        max_tokens: int,
        prompt_refs: list[str],
        accept: Callable[[str], bool] | None = None,
    ) -> Reply:
        """One completion for ``messages`` constrained to ``model``'s schema; served from the cache when possible.
        A reply is stored only when complete and, with ``accept``, accepted (one that fails validation never is)."""
        params = {"temperature": self.settings.temperature, "max_tokens": max_tokens, "schema_name": name}
        key = cache_key(
            model=self.settings.model, prompt_refs=prompt_refs, schema_hash=schema_hash(model), messages=messages, params=params
        )
        # on the event loop, not in a thread: no await may split the lookup from the hand-over to the batch queue (a
        # finished batch's answers reach the cache meanwhile, batch.py), and a reply is stored as soon as it is returned
        # (SQLite with a write-ahead log: a lookup takes microseconds, a durable store about 0.3 ms)
        hit = self._cache.get(key) if self._cache else None
        if hit and accept is not None and not accept(hit.text):  # e.g. a Batch API answer, stored before validation
            self._cache.drop(key)
            hit = None
        if hit:
            self._emit("cached", name, hit.input_tokens, hit.output_tokens)
            return Reply(hit.text, hit.finish_reason, hit.input_tokens, hit.output_tokens, cached=True)
        if self.settings.batch_api:
            reply = await self._send_batch(messages, model, name, max_tokens, key)
        else:
            reply = await self._send(messages, model, name, max_tokens)
        if self._cache and reply.finish_reason == "stop" and (accept is None or accept(reply.text)):
            self._cache.put(key, CachedReply(reply.text, reply.finish_reason, reply.input_tokens, reply.output_tokens))
        return reply

    # -- shared with the transcription client (transcribe.py): one cache and retry policy per run --
    @property
    def cache(self) -> ResponseCache | None:
        return self._cache

    @property
    def policy(self) -> Backoff:
        return self._policy

    async def check(self) -> list[str]:
        """Preflight: one ``GET /models`` (no tokens). Raises ``ConfigError`` when the server cannot be reached or
        rejects the key; returns warnings (the model is not in the server's list)."""
        try:
            page = await self._client.models.list(timeout=min(self.settings.timeout, 30.0))
        except openai.NotFoundError:
            return []  # a server without /models: it answered, so it is reachable
        except (openai.AuthenticationError, openai.PermissionDeniedError, openai.APIConnectionError) as exc:
            raise self._fail(exc) from None
        except openai.APIError as exc:
            return [f"{self.base_url} answered the preflight request with an error ({type(exc).__name__}); trying anyway"]
        names = [m.id for m in getattr(page, "data", [])]
        if names and self.settings.model not in names:
            shown = ", ".join(names[:5]) + (" ..." if len(names) > 5 else "")
            return [f"model {self.settings.model!r} is not in the list of {self.base_url} ({shown}); check --model"]
        return []

    async def aclose(self) -> None:
        if self._batch is not None:
            await self._batch.aclose()
        if self._ledger is not None:
            self._ledger.close()
        await self._client.close()
        if self._cache:
            self._cache.close()

    async def _send_batch(self, messages: list[dict], model: type[BaseModel], name: str, max_tokens: int, key: str) -> Reply:
        """One request through the Batch API (``batch.py``), waiting for the batch that answers it."""
        if self._fatal is not None:
            raise self._fatal
        mode = self._mode or "json_schema"  # no probe: batch servers (OpenAI, vLLM, SGLang) take json_schema
        sent = _with_schema_hint(messages, model) if mode == "json_object" else messages
        body = {"model": self.settings.model, "messages": sent, "temperature": self.settings.temperature}
        body |= {"max_tokens": max_tokens, "response_format": response_format(model, name, mode)}
        prompt = prompt_tokens(sent)
        reservation = self._reserve(prompt, max_tokens)
        self._emit("sent", name, prompt, 0)
        started = time.monotonic()
        try:
            data = await self._batch_queue().ask(key, body)
        except BaseException as exc:
            self._settle(reservation, None)
            self._emit("failed", name, prompt, 0, seconds=time.monotonic() - started)
            if isinstance(exc, ConfigError):
                self._fatal = self._fatal or exc
            raise
        resp = ChatCompletion.model_validate(data)
        tokens_in, tokens_out = _tokens_of(resp, sent)
        cost = self.price(tokens_in, tokens_out)
        self._settle(reservation, cost)
        self._emit("done", name, tokens_in, tokens_out, cost=cost, seconds=time.monotonic() - started)
        return _reply_of(resp, sent)

    def price(self, input_tokens: int, output_tokens: int) -> float | None:
        """What this many tokens cost with this model: the list price, or the Batch API's share of it."""
        cost = cost_usd(self.settings.model or "", input_tokens, output_tokens, self.settings.prices)
        return None if cost is None else round(cost * (BATCH_DISCOUNT if self.settings.batch_api else 1.0), 6)

    def _batch_queue(self) -> BatchQueue:
        if self._batch is None:
            self._ledger = BatchLedger(self.state_dir or self.settings.resolved_cache_dir())
            self._batch = BatchQueue(
                self._client,
                self._ledger,
                window=self.settings.batch_window,
                poll=self.settings.batch_poll,
                policy=self._policy,
                store=self._store_answer,
                status=lambda line: self.on_status(line) if self.on_status else log.info("%s", line),
            )
        return self._batch

    def _store_answer(self, key: str, body: dict) -> None:
        """A Batch API answer into the response cache, whether or not this run asked for it yet."""
        try:
            resp = ChatCompletion.model_validate(body)
        except ValueError:
            return
        if self._cache and resp.choices and resp.choices[0].finish_reason == "stop":
            tokens_in, tokens_out = _tokens_of(resp, [])
            self._cache.put(key, CachedReply(resp.choices[0].message.content or "", "stop", tokens_in, tokens_out))

    async def _send(self, messages: list[dict], model: type[BaseModel], name: str, max_tokens: int) -> Reply:
        if self._mode is None:
            self._detect = self._detect or asyncio.Lock()
            if self._detect.locked():  # a probe is in flight: go along in json_schema, which most servers take
                try:
                    return await self._request(messages, model, name, max_tokens, "json_schema", probe=True)
                except openai.APIStatusError:  # a definitive rejection: wait for the probe to settle the mode
                    pass
            async with self._detect:
                if self._mode is None:
                    return await self._probe(messages, model, name, max_tokens)
        return await self._request(messages, model, name, max_tokens, self._mode)

    async def _probe(self, messages: list[dict], model: type[BaseModel], name: str, max_tokens: int) -> Reply:
        """First request in ``auto``: strict ``json_schema``, or ``json_object`` after a definitive rejection.

        The mode is settled by a successful reply only: if the ``json_object`` request fails as well,
        the next request probes again.
        """
        try:
            reply = await self._request(messages, model, name, max_tokens, "json_schema", probe=True)
        except openai.APIStatusError as exc:  # only a definitive rejection gets here (see _rejects_schema)
            log.info("%s rejected response_format json_schema (HTTP %d); using json_object", self.base_url, exc.status_code)
            reply = await self._request(messages, model, name, max_tokens, "json_object")
            self._mode = "json_object"
            return reply
        self._mode = "json_schema"
        return reply

    async def _request(self, messages, model, name, max_tokens, mode: Mode, *, probe: bool = False) -> Reply:
        """One request in ``mode`` with transport retries; with ``probe`` a schema rejection is re-raised as is."""
        sent = _with_schema_hint(messages, model) if mode == "json_object" else messages
        rf = response_format(model, name, mode)

        async def _once():
            async with self.pool.slot(work_order.get()):
                if self._fatal is not None:  # a rejected key, an unreachable server, the budget: do not ask again
                    raise self._fatal
                return await self._send_now(sent, rf, name, max_tokens)

        transient = _transient_unless_rejected if probe else is_transient
        try:
            resp = await with_transport_retries(_once, self._policy, transient=transient)
        except openai.APIStatusError as exc:
            if probe and _rejects_schema(exc):
                raise
            raise self._fail(exc) from None
        except openai.APIError as exc:
            raise self._fail(exc) from None
        return _reply_of(resp, sent)

    async def _send_now(self, sent: list[dict], rf: dict, name: str, max_tokens: int):
        """One HTTP request, holding a pool slot: budget reservation, rate limit, headers observed, events."""
        prompt = prompt_tokens(sent)
        reservation = self._reserve(prompt, max_tokens)
        try:
            ticket = await self.limiter.admit(prompt + max_tokens)
        except BaseException:
            self._settle(reservation, None)
            raise
        self._emit("sent", name, prompt, 0)
        started = time.monotonic()
        try:
            # The body is complete here, so it goes as extra_body: the SDK would otherwise walk its typed
            # parameters (messages, the schema) for every request, milliseconds of the event loop's time each.
            body = {"messages": sent, "temperature": self.settings.temperature, "max_tokens": max_tokens, "response_format": rf}
            raw = await self._client.chat.completions.with_raw_response.create(
                model=self.settings.model or "", messages=[], extra_body=body
            )
        except BaseException as exc:
            response = getattr(exc, "response", None)
            self.limiter.observe(ticket, response.headers if response is not None else None)
            if getattr(exc, "status_code", None) == 429:
                self.limiter.pause(retry_after(exc) or self._policy.initial)
            self._settle(reservation, None)
            self._emit("failed", name, prompt, 0, seconds=time.monotonic() - started)
            raise
        self.limiter.observe(ticket, raw.headers)
        resp = _completion(raw, self.base_url)
        tokens_in, tokens_out = _tokens_of(resp, sent)
        cost = self.price(tokens_in, tokens_out)
        self._settle(reservation, cost)
        self._emit("done", name, tokens_in, tokens_out, cost=cost, seconds=time.monotonic() - started)
        return resp

    def _reserve(self, prompt: int, max_tokens: int) -> float:
        if self.budget is None:
            return 0.0
        try:
            return self.budget.reserve(prompt, max_tokens)
        except BudgetError as exc:
            self._fatal = self._fatal or exc
            raise

    def _settle(self, reservation: float, cost: float | None) -> None:
        if self.budget is not None:
            self.budget.settle(reservation, cost)

    def _emit(
        self, phase, step: str, tokens_in: int, tokens_out: int, *, cost: float | None = None, seconds: float = 0.0
    ) -> None:
        if self.on_request is not None:
            self.on_request(RequestEvent(phase, work_order.get(), step, tokens_in, tokens_out, cost, seconds))

    def _fail(self, exc: openai.APIError) -> Exception:
        """The domain error for ``exc``; a configuration error also stops every later request of the run."""
        error = self._mapped(exc)
        if isinstance(error, ConfigError):
            self._fatal = self._fatal or error
        return error

    def _mapped(self, exc: openai.APIError) -> Exception:
        """A one-line domain error for an API failure, with the key redacted."""
        tries = self._policy.max_retries + 1
        if isinstance(exc, openai.AuthenticationError):
            return ConfigError(f"API key rejected by {self.base_url}; set OPENAI_API_KEY or --api-key")
        if isinstance(exc, openai.PermissionDeniedError):
            return ConfigError(f"access denied by {self.base_url} (HTTP 403); check the API key's permissions or --model")
        if isinstance(exc, openai.NotFoundError):
            return ConfigError(
                f"model {self.settings.model!r} or endpoint not found at {self.base_url}; check --model and --base-url"
            )
        if isinstance(exc, openai.APITimeoutError):
            return EngineError(
                f"no complete reply from {self.base_url} within {self.settings.timeout:g}s after {tries} attempt(s); "
                "raise --timeout",
                attempts=tries,
            )
        if isinstance(exc, ReplyRefused):
            return EngineError(f"{self.base_url}: {exc.message}", attempts=1)
        if isinstance(exc, openai.APIConnectionError) and dropped(exc):
            return EngineError(
                f"{self.base_url} dropped the connection before its reply was complete, after {tries} attempt(s); "
                "check the server (its log, its memory)",
                attempts=tries,
            )
        if isinstance(exc, openai.APIConnectionError):
            return ConfigError(f"cannot reach {self.base_url}; start the server or set OPENAI_BASE_URL or --base-url")
        status = getattr(exc, "status_code", "?")
        return EngineError(
            self._redact(
                f"{self.base_url} answered HTTP {status} after {tries} attempt(s): {' '.join(exc.message.split())[:300]}"
            ),
            attempts=tries,
        )

    def _redact(self, text: str) -> str:
        return text.replace(self._secret, "***") if self._secret else text


def _rejects_schema(exc: BaseException) -> bool:
    """Whether ``exc`` is a server's definitive "no" to ``response_format: json_schema``.

    400 and 422 always are (the request is refused as malformed, and the schema is the part a server
    may not know); 404 and 5xx only when the error names ``response_format`` or ``json_schema`` (a bare
    404 is a missing model, a bare 5xx a fault; llama-cpp-python answers json_schema with a 500 whose
    pydantic validation error names ``response_format``). Never 401/403, 408/409/429, a 5xx that does
    not name them, a timeout or a dropped connection: those are mapped or retried and keep the mode.
    """
    if not isinstance(exc, openai.APIStatusError):
        return False
    if exc.status_code in (400, 422):
        return True
    if exc.status_code == 404 or exc.status_code >= 500:
        return _NAMES_SCHEMA.search(f"{exc.message} {exc.body}") is not None
    return False


def _transient_unless_rejected(exc: BaseException) -> bool:
    """During the probe a schema rejection surfaces at once; every other transient fault is retried."""
    return is_transient(exc) and not _rejects_schema(exc)


def _with_schema_hint(messages: list[dict], model: type[BaseModel]) -> list[dict]:
    """In ``json_object`` mode the schema also goes into the system message (never document text)."""
    hint = load_prompt("schema_hint").render(schema=json.dumps(strict_schema(model), separators=(",", ":")))
    first, *rest = messages
    return [{**first, "content": f"{first['content']}\n\n{hint}"}, *rest]


def prompt_tokens(messages: list[dict]) -> int:
    """A quick upper estimate of a prompt's tokens (UTF-8 bytes / 3, about 4 characters of English per token), for
    pacing and budget reservations; the server's count replaces it once the reply is in."""
    return sum(len(m["content"].encode("utf-8")) // 3 + 4 for m in messages)


def _tokens_of(resp, sent: list[dict]) -> tuple[int, int]:
    """Tokens in and out as the server counted them; else counted here."""
    usage = resp.usage
    if usage and usage.prompt_tokens is not None:
        return usage.prompt_tokens, usage.completion_tokens or 0
    text = (resp.choices[0].message.content or "") if resp.choices else ""
    return sum(count_tokens(m["content"]) for m in sent), count_tokens(text)


def _completion(raw, base_url: str) -> ChatCompletion:
    """The reply as a chat completion; ``EngineError`` (one line) for anything else a server may send with 200: a web
    page (the wrong --base-url), JSON of another shape, JSON nested too deeply to parse."""
    kind = raw.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if kind and kind != "application/json" and not kind.endswith("+json"):
        raise EngineError(
            f"{base_url} answered with {kind[:60]}, not JSON: is --base-url the API's address (often ending in /v1)?"
        )
    try:
        resp = raw.parse()
    except (ValueError, RecursionError, TypeError) as exc:
        raise EngineError(f"{base_url} sent a reply that is not a chat completion ({type(exc).__name__})") from None
    if not isinstance(resp, ChatCompletion):
        raise EngineError(f"{base_url} sent a reply that is not a chat completion; check --base-url")
    return resp


def _reply_of(resp, sent: list[dict]) -> Reply:
    if not resp.choices:
        raise EngineError("the server returned no choices")
    choice = resp.choices[0]
    text = choice.message.content or ""
    tokens_in, tokens_out = _tokens_of(resp, sent)
    return Reply(text, choice.finish_reason or "stop", tokens_in, tokens_out)


def safe_url(url: str) -> str:
    """``url`` without user info, query or fragment (they may carry credentials)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))
