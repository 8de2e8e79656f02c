"""``OpenAITranscriber``: pieces of a recording -> timed segments, from any server speaking ``/v1/audio/transcriptions``
(OpenAI Whisper, faster-whisper and whisper.cpp servers), behind ``model.transcriber.Transcriber``.

One multipart upload per piece asking for ``verbose_json`` with segment timestamps. With the chat engine
of the same run it shares the request pool, the rate limiter (when both talk to the same server), the
response cache, the transport retries, the budget and the request events; alone (offline guides from a
transcribed lecture) it has its own. Replies are cached by the piece's content hash, model, language and
prompt, so a second run sends nothing. Audio is priced per minute (``usage.AUDIO_PRICES``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable

import openai

from seekh_convert.errors import BudgetError, ConfigError, EngineError, InputError
from seekh_convert.generate.openai.cache import CachedReply, ResponseCache
from seekh_convert.generate.openai.client import ChatClient, safe_url
from seekh_convert.generate.openai.config import EngineSettings
from seekh_convert.generate.openai.limits import RateLimiter
from seekh_convert.generate.openai.pool import RequestPool
from seekh_convert.generate.openai.retry import Backoff, retry_after, with_transport_retries
from seekh_convert.generate.openai.transport import bounded_http_client
from seekh_convert.generate.openai.usage import Budget, audio_cost_usd
from seekh_convert.model.document import AudioPiece, PieceLimits
from seekh_convert.model.engine import RequestEvent, work_order
from seekh_convert.model.guide import Usage
from seekh_convert.model.transcriber import PieceTranscript, Segment

log = logging.getLogger(__name__)

_STEP = "transcribe"
#: Whisper's own test for a segment that is silence, not speech (no_speech_prob above, avg_logprob below).
_NO_SPEECH, _LOW_LOGPROB = 0.6, -1.0


class OpenAITranscriber:
    """One per run; ``transcribe(piece, language)`` sends a piece (or answers it from the cache)."""

    name = "openai"

    def __init__(self, settings: EngineSettings, chat: ChatClient | None = None, prompt: str = ""):
        settings.check_transcribe_ready()
        self.settings = settings
        self.model: str | None = settings.transcribe_model
        self.prompt = prompt
        self.base_url = safe_url(settings.transcribe_url())
        self._secret = settings.api_key.get_secret_value() if settings.api_key else None
        self._client = openai.AsyncOpenAI(
            api_key=settings.key(),
            base_url=settings.transcribe_url(),
            timeout=settings.timeout,
            max_retries=0,
            http_client=bounded_http_client(),
        )
        self._chat = chat
        same_server = chat is not None and settings.transcribe_url() == settings.base_url
        self._policy = chat.policy if chat else Backoff(settings.max_retries, settings.retry_wait, settings.retry_max_wait)
        self._own_cache = None if chat or settings.no_cache else ResponseCache(settings.resolved_cache_dir())
        self.limiter = chat.limiter if same_server and chat else RateLimiter(max_wait=settings.retry_max_wait)
        self._pool: RequestPool | None = None
        self.budget: Budget | None = None  # alone; with a chat client, its budget
        self.on_request: Callable[[RequestEvent], None] | None = None  # alone; with a chat client, its callback
        self._fatal: ConfigError | BudgetError | None = None

    @classmethod
    def from_settings(cls, settings: EngineSettings, chat: ChatClient | None = None) -> OpenAITranscriber:
        """The transcriber of a run, sharing ``chat`` (the OpenAI-compatible engine's client) when there is one."""
        return cls(settings, chat)

    @property
    def piece_limits(self) -> PieceLimits:
        """How large the pieces of a recording may be for this server (``transcribe_max_mb``)."""
        return PieceLimits(max_bytes=int(self.settings.transcribe_max_mb * 1_000_000))

    @property
    def pool(self) -> RequestPool:
        if self._chat is not None:
            return self._chat.pool
        self._pool = self._pool or RequestPool(self.settings.concurrency)
        return self._pool

    @property
    def cache(self) -> ResponseCache | None:
        return self._chat.cache if self._chat is not None else self._own_cache

    async def transcribe(self, piece: AudioPiece, language: str | None) -> PieceTranscript:
        seconds = piece.end - piece.start
        key = transcription_key(model=self.model or "", piece_sha256=piece.sha256, language=language, prompt=self.prompt)
        if self.cache and (hit := self.cache.get(key)):
            self._emit("cached", 0.0)
            return _transcript_of(json.loads(hit.text), Usage(calls=1, cached_calls=1, cost_usd=0.0))
        text = await self._send(piece, language, seconds)
        data = _parsed(text, self.base_url)
        if self.cache:
            self.cache.put(key, CachedReply(json.dumps(data, sort_keys=True), "stop", 0, 0))
        return _transcript_of(
            data, Usage(calls=1, cost_usd=audio_cost_usd(self.model or "", seconds, self.settings.audio_prices))
        )

    async def aclose(self) -> None:
        await self._client.close()
        if self._own_cache:
            self._own_cache.close()

    async def _send(self, piece: AudioPiece, language: str | None, seconds: float) -> str:
        async def once() -> str:
            async with self.pool.slot(work_order.get()):
                if self._fatal is not None:
                    raise self._fatal
                return await self._send_now(piece, language, seconds)

        try:
            return await with_transport_retries(once, self._policy)
        except openai.APIError as exc:
            raise self._fail(exc, piece) from None

    async def _send_now(self, piece: AudioPiece, language: str | None, seconds: float) -> str:
        """One upload, holding a pool slot: budget, rate limit, headers observed, events."""
        budget = self._chat.budget if self._chat is not None else self.budget
        worst = audio_cost_usd(self.model or "", seconds, self.settings.audio_prices) or 0.0
        reservation = self._reserve(budget, worst)
        ticket = await self.limiter.admit(1)
        self._emit("sent", 0.0)
        started = time.monotonic()
        extra = {k: v for k, v in (("language", language), ("prompt", self.prompt)) if v}
        try:
            raw = await self._client.audio.transcriptions.with_raw_response.create(
                model=self.model or "",
                file=(piece.path.name, piece.path.read_bytes(), "audio/flac"),
                response_format="verbose_json",
                timestamp_granularities=["segment"],
                temperature=0.0,
                **extra,
            )
        except BaseException as exc:
            response = getattr(exc, "response", None)
            self.limiter.observe(ticket, response.headers if response is not None else None)
            if getattr(exc, "status_code", None) == 429:
                self.limiter.pause(retry_after(exc) or self._policy.initial)
            if budget is not None:
                budget.settle(reservation, None)
            self._emit("failed", 0.0, seconds=time.monotonic() - started)
            raise
        self.limiter.observe(ticket, raw.headers)
        cost = audio_cost_usd(self.model or "", seconds, self.settings.audio_prices)
        if budget is not None:
            budget.settle(reservation, cost)
        self._emit("done", cost, seconds=time.monotonic() - started)
        return raw.text

    def _reserve(self, budget: Budget | None, worst: float) -> float:
        if budget is None:
            return 0.0
        try:
            return budget.reserve_usd(worst, "transcription")
        except BudgetError as exc:
            self._fatal = self._fatal or exc
            raise

    def _emit(self, phase, cost: float | None, *, seconds: float = 0.0) -> None:
        callback = self._chat.on_request if self._chat is not None else self.on_request
        if callback is not None:
            callback(RequestEvent(phase, work_order.get(), _STEP, 0, 0, cost, seconds))

    def _fail(self, exc: openai.APIError, piece: AudioPiece) -> Exception:
        """A one-line domain error; a configuration error also stops every later transcription of the run."""
        error = self._mapped(exc, piece)
        if isinstance(error, ConfigError):
            self._fatal = self._fatal or error
        return error

    def _mapped(self, exc: openai.APIError, piece: AudioPiece) -> Exception:
        tries = self._policy.max_retries + 1
        where = self.base_url
        if isinstance(exc, openai.AuthenticationError):
            return ConfigError(f"API key rejected by {where}; set OPENAI_API_KEY or --api-key")
        if isinstance(exc, openai.PermissionDeniedError):
            return ConfigError(f"access denied by {where} (HTTP 403); check the API key's permissions or --transcribe-model")
        if isinstance(exc, openai.NotFoundError):
            return ConfigError(
                f"transcription model {self.model!r} or /audio/transcriptions not found at {where}; "
                "check --transcribe-model and --base-url (a server with the OpenAI audio API)"
            )
        if isinstance(exc, openai.APITimeoutError):
            return EngineError(
                f"no transcription from {where} within {self.settings.timeout:g}s after {tries} attempt(s); raise --timeout"
            )
        if isinstance(exc, openai.APIConnectionError):
            return ConfigError(f"cannot reach the transcription server {where}; start it or set --base-url")
        status = getattr(exc, "status_code", "?")
        if status == 413:
            return InputError(
                f"{where} refused a {piece.size / 1e6:.1f} MB piece as too large; lower transcribe_max_mb in seekh.toml"
            )
        message = " ".join(str(exc.message).split())[:300]
        if self._secret:
            message = message.replace(self._secret, "***")
        return EngineError(
            f"{where} answered HTTP {status} to a transcription after {tries} attempt(s): {message}", attempts=tries
        )


def transcription_key(*, model: str, piece_sha256: str, language: str | None, prompt: str) -> str:
    """sha256 of everything that decides a transcription: the piece's bytes (by hash), model, language, prompt."""
    payload = {
        "kind": "audio.transcriptions",
        "model": model,
        "piece": piece_sha256,
        "language": language or "",
        "prompt": prompt,
        "format": "verbose_json/segment",
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def _parsed(text: str, where: str) -> dict:
    """The reply as a dict with ``segments`` (start, end, text), ``language`` and ``text``; ``EngineError`` when unusable."""
    try:
        data = json.loads(text)
    except ValueError:
        raise EngineError(
            f"{where} answered a transcription with something that is not JSON; is it an OpenAI-compatible server?"
        ) from None
    if not isinstance(data, dict):
        raise EngineError(f"{where} answered a transcription with JSON that is not an object")
    segments = []
    for raw in data.get("segments") or []:
        try:
            start, end, said = float(raw["start"]), float(raw["end"]), str(raw.get("text") or "")
        except (KeyError, TypeError, ValueError):
            raise EngineError(f"{where} answered a transcription segment without start/end times") from None
        if float(raw.get("no_speech_prob") or 0) > _NO_SPEECH and float(raw.get("avg_logprob") or 0) < _LOW_LOGPROB:
            continue  # Whisper heard silence and made words up
        segments.append({"start": start, "end": end, "text": said})
    if not segments and str(data.get("text") or "").strip():
        raise EngineError(f"{where} answered a transcription without segment times; it must support verbose_json segments")
    return {"segments": segments, "language": data.get("language"), "text": str(data.get("text") or "")}


def _transcript_of(data: dict, usage: Usage) -> PieceTranscript:
    segments = [Segment(s["start"], s["end"], s["text"]) for s in data["segments"]]
    language = data.get("language")
    return PieceTranscript(segments=segments, language=str(language) if language else None, usage=usage)
