"""The OpenAI Batch API (``--batch-api``): requests go out in batches, at half the price, for users who can wait.

Requests that arrive while the run works are gathered; once none has come for ``window`` seconds they are
written as JSONL, uploaded (``POST /v1/files``), submitted (``POST /v1/batches``) and polled
(``GET /v1/batches/{id}``) until the batch ends; the answers (``GET /v1/files/{id}/content``) go into the
response cache and back to the requests waiting for them, which go on through the same validation, repair
and writers; the repairs they cause form the next batch. A request already in a batch that has not ended
(the run was killed while polling) waits for that batch instead of being submitted again. Failed lines with
a transient status (429, 5xx) go into the next batch, up to the retry limit (``retry.py``).
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable

import openai

from seekh_convert.errors import ConfigError, EngineError
from seekh_convert.generate.openai.ledger import FINISHED, BatchLedger
from seekh_convert.generate.openai.retry import Backoff, retry_line, with_transport_retries

log = logging.getLogger(__name__)


class BatchQueue:
    """``ask(custom_id, body)`` answers one chat request through the Batch API."""

    def __init__(
        self,
        client: openai.AsyncOpenAI,
        ledger: BatchLedger,
        *,
        window: float,
        poll: float,
        policy: Backoff,
        store: Callable[[str, dict], None],
        status: Callable[[str], None],
    ):
        self._client, self._ledger, self._policy = client, ledger, policy
        self.window, self.poll = window, poll
        self._store, self._status = store, status  # an answer into the response cache; a line for the user
        self._waiting: dict[str, list[asyncio.Future[dict]]] = {}  # custom_id -> requests waiting for its answer
        self._bodies: dict[str, dict] = {}
        self._attempts: dict[str, int] = {}
        self._pending: list[str] = []  # custom_ids for the next batch
        self._members: dict[str, set[str]] = {}  # batch id -> custom_ids waiting in it
        self._tasks: set[asyncio.Task] = set()
        self._flush: asyncio.Task | None = None
        self._last = 0.0

    async def ask(self, custom_id: str, body: dict) -> dict:
        """The chat completion (JSON) answering ``body``, once its batch has ended."""
        fut: asyncio.Future[dict] = asyncio.get_running_loop().create_future()
        waiters = self._waiting.setdefault(custom_id, [])
        waiters.append(fut)
        if len(waiters) == 1:
            self._bodies[custom_id] = body
            batch_id = self._ledger.pending_batch(custom_id)
            if batch_id is not None:  # submitted by an earlier run that did not see it end
                self._follow(batch_id, {custom_id})
            else:
                self._queue(custom_id)
        return await fut

    async def aclose(self) -> None:
        for task in [*self._tasks, *([self._flush] if self._flush else [])]:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    def _queue(self, custom_id: str) -> None:
        self._pending.append(custom_id)
        self._last = asyncio.get_running_loop().time()
        if self._flush is None or self._flush.done():
            self._flush = asyncio.create_task(self._submit_when_quiet())

    async def _submit_when_quiet(self) -> None:
        """Submit what is pending once no request has come for ``window`` seconds; again for what came meanwhile."""
        loop = asyncio.get_running_loop()
        while self._pending:
            while (wait := self._last + self.window - loop.time()) > 0:
                await asyncio.sleep(wait)
            ids, self._pending = self._pending, []
            try:
                batch_id = await self._submit(ids)
            except (openai.APIError, ConfigError, EngineError) as exc:
                self._fail(ids, _error(exc, "submitting a batch"))
                continue
            self._follow(batch_id, set(ids))

    async def _submit(self, ids: list[str]) -> str:
        lines = [{"custom_id": c, "method": "POST", "url": "/v1/chat/completions", "body": self._bodies[c]} for c in ids]
        data = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode()
        upload = await with_transport_retries(
            lambda: self._client.files.create(file=("requests.jsonl", data, "application/jsonl"), purpose="batch"), self._policy
        )
        batch = await with_transport_retries(
            lambda: self._client.batches.create(
                input_file_id=upload.id, endpoint="/v1/chat/completions", completion_window="24h"
            ),
            self._policy,
        )
        self._ledger.submitted(batch.id, ids)
        self._status(f"batch {batch.id}: {len(ids)} request(s) submitted; polling every {self.poll:g} s")
        return batch.id

    def _follow(self, batch_id: str, ids: set[str]) -> None:
        members = self._members.get(batch_id)
        if members is not None:
            members |= ids
            return
        self._members[batch_id] = set(ids)
        task = asyncio.create_task(self._poll_until_done(batch_id))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _poll_until_done(self, batch_id: str) -> None:
        try:
            batch = await self._wait_for(batch_id)
            answers = await self._lines(batch.output_file_id) + await self._lines(batch.error_file_id)
            for line in answers:  # into the cache first: a kill from here on loses nothing
                body = (line.get("response") or {}).get("body")
                if (line.get("response") or {}).get("status_code") == 200 and isinstance(body, dict):
                    self._store(line["custom_id"], body)
            self._ledger.status(batch_id, batch.status)
        except (openai.APIError, ConfigError, EngineError) as exc:
            self._fail(sorted(self._members.pop(batch_id, set())), _error(exc, f"following batch {batch_id}"))
            return
        self._dispatch(batch, answers)

    async def _wait_for(self, batch_id: str):
        last = None
        while True:
            batch = await with_transport_retries(lambda: self._client.batches.retrieve(batch_id), self._policy)
            counts = batch.request_counts
            now = f"{batch.status}" + (f", {counts.completed + counts.failed}/{counts.total} done" if counts else "")
            if now != last:
                self._status(f"batch {batch_id}: {now}")
                last = now
            if batch.status in FINISHED:
                return batch
            await asyncio.sleep(self.poll)

    async def _lines(self, file_id: str | None) -> list[dict]:
        if not file_id:
            return []
        content = await with_transport_retries(lambda: self._client.files.content(file_id), self._policy)
        return [json.loads(line) for line in content.text.splitlines() if line.strip()]

    def _dispatch(self, batch, answers: list[dict]) -> None:
        """Answers to their requests; transient failures and lines the batch never reached go into the next batch."""
        members = self._members.pop(batch.id, set())
        if batch.status == "failed":  # the server refused the batch itself: the next one would fare no better
            why = f"batch {batch.id} failed{_batch_errors(batch)}; check --model and that the server supports /v1/batches"
            self._fail(sorted(members), ConfigError(why))
            return
        for line in answers:
            custom_id, response = line.get("custom_id"), line.get("response") or {}
            if custom_id not in self._waiting:
                continue
            members.discard(custom_id)
            status, body = response.get("status_code"), response.get("body")
            if status == 200 and isinstance(body, dict):
                self._resolve(custom_id, body)
            else:
                self._retry_or_fail(custom_id, status, _message(line), batch.id)
        for custom_id in sorted(members):  # an expired, cancelled or failed batch: no line for these
            self._retry_or_fail(custom_id, None, f"batch {batch.status}{_batch_errors(batch)}", batch.id)

    def _retry_or_fail(self, custom_id: str, status: int | None, message: str, batch_id: str) -> None:
        attempts = self._attempts[custom_id] = self._attempts.get(custom_id, 0) + 1
        if retry_line(status, attempts, self._policy):
            log.warning("batch %s: request failed (%s); resubmitting it", batch_id, message)
            self._queue(custom_id)
            return
        error: Exception
        if status in (401, 403, 404):
            error = ConfigError(f"the Batch API refused the requests of batch {batch_id}: {message}")
        else:
            error = EngineError(
                f"batch {batch_id} answered HTTP {status} after {attempts} attempt(s): {message}", attempts=attempts
            )
        self._fail([custom_id], error)

    def _resolve(self, custom_id: str, body: dict) -> None:
        for fut in self._waiting.pop(custom_id, []):
            if not fut.done():
                fut.set_result(body)

    def _fail(self, ids: list[str], error: Exception) -> None:
        for custom_id in ids:
            for fut in self._waiting.pop(custom_id, []):
                if not fut.done():
                    fut.set_exception(error)


def _message(line: dict) -> str:
    body = (line.get("response") or {}).get("body") or {}
    error = line.get("error") or (body.get("error") if isinstance(body, dict) else None) or {}
    return " ".join(str(error.get("message", "no answer")).split())[:300]


def _batch_errors(batch) -> str:
    errors = getattr(getattr(batch, "errors", None), "data", None) or []
    return (": " + "; ".join(str(e.message) for e in errors[:3])) if errors else ""


def _error(exc: Exception, doing: str) -> Exception:
    if isinstance(exc, (ConfigError, EngineError)):
        return exc
    if isinstance(exc, (openai.AuthenticationError, openai.PermissionDeniedError, openai.NotFoundError)):
        return ConfigError(
            f"the Batch API refused {doing} (HTTP {exc.status_code}); check the key, --model and that the server has /v1/batches"
        )
    return EngineError(f"{doing} failed: {type(exc).__name__}: {' '.join(str(exc).split())[:300]}")
