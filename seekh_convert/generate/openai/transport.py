"""The HTTP transport under the OpenAI SDK: every reply bounded in size and in time.

A server (or anything posing as one) must not fill the memory or hold a request forever: a reply body stops at
``MAX_REPLY_BYTES`` (counted after decompression, which happens here, in small steps, so a gzip bomb inflates
no further than the limit), and ``--timeout`` is the deadline of the whole request, body included (the SDK's own
timeout restarts with every byte, so a server trickling a byte a second never times out).
"""

from __future__ import annotations

import asyncio
import time
import zlib
from collections.abc import AsyncIterator

import httpx2
import openai

#: Largest reply body taken (a chat reply is a few kB; a Batch API result file of thousands of replies, some MB).
MAX_REPLY_BYTES = 64 << 20
_CHUNK = 1 << 16


class ReplyRefused(openai.APIConnectionError):
    """A reply too large, or in an encoding that cannot be bounded: not worth another try."""

    def __init__(self, message: str, request: httpx2.Request):
        super().__init__(message=message, request=request)


class BoundedTransport(httpx2.AsyncBaseTransport):
    """``httpx2.AsyncHTTPTransport`` whose replies are decompressed here, at most ``max_bytes``, within the deadline."""

    def __init__(self, max_bytes: int = MAX_REPLY_BYTES, inner: httpx2.AsyncBaseTransport | None = None):
        self.max_bytes = max_bytes
        self._inner = inner or httpx2.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        request.headers["Accept-Encoding"] = "gzip, deflate"  # what can be inflated in bounded steps
        deadline = _deadline(request)
        try:
            async with asyncio.timeout_at(deadline):
                response = await self._inner.handle_async_request(request)
        except TimeoutError:
            raise httpx2.ReadTimeout("no complete reply within the timeout", request=request) from None
        encoding = response.headers.get("content-encoding", "identity").strip().lower()
        if encoding not in ("identity", "", "gzip", "x-gzip", "deflate"):
            await response.aclose()
            raise ReplyRefused(f"the server sent its reply in an unsupported encoding ({encoding[:40]})", request)
        headers = [(k, v) for k, v in response.headers.raw if k.lower() not in (b"content-encoding", b"content-length")]
        stream = _BoundedStream(response.stream, request, self.max_bytes, encoding not in ("identity", ""), deadline)
        return httpx2.Response(response.status_code, headers=headers, stream=stream, extensions=response.extensions)

    async def aclose(self) -> None:
        await self._inner.aclose()


def _deadline(request: httpx2.Request) -> float | None:
    timeout = request.extensions.get("timeout") or {}
    seconds = [v for v in (timeout.get("read"), timeout.get("connect")) if v is not None]
    return asyncio.get_running_loop().time() + max(seconds) if seconds else None


class _BoundedStream(httpx2.AsyncByteStream):
    def __init__(self, raw, request: httpx2.Request, max_bytes: int, compressed: bool, deadline: float | None):
        self._raw = raw
        self._request = request
        self._max = max_bytes
        self._inflate = zlib.decompressobj(47) if compressed else None  # 47: gzip or zlib header
        self._deadline = deadline
        self._seen = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        started = time.monotonic()
        raw = self._raw.__aiter__()
        while True:
            try:
                async with asyncio.timeout_at(self._deadline):
                    chunk = await raw.__anext__()
            except StopAsyncIteration:
                break
            except TimeoutError:
                raise httpx2.ReadTimeout(
                    f"the reply was still coming after {time.monotonic() - started:.0f} s", request=self._request
                ) from None
            for piece in self._pieces(chunk):
                yield piece

    def _pieces(self, chunk: bytes):
        while chunk:
            if self._inflate is None:
                piece, chunk = chunk, b""
            else:
                piece = self._inflate.decompress(chunk, min(_CHUNK, self._max - self._seen + 1))
                chunk = self._inflate.unconsumed_tail
            self._seen += len(piece)
            if self._seen > self._max:
                raise ReplyRefused(
                    f"the server's reply is larger than {self._max >> 20} MB (a chat reply is a few kB); check --base-url",
                    self._request,
                )
            yield piece

    async def aclose(self) -> None:
        await self._raw.aclose()


def bounded_http_client() -> httpx2.AsyncClient:
    """The SDK's default HTTP client over a ``BoundedTransport``."""
    return openai.DefaultAsyncHttpxClient(transport=BoundedTransport())


def dropped(exc: BaseException) -> bool:
    """Whether a connection error is a server closing the connection mid-reply (not a server that cannot be reached)."""
    cause = exc.__cause__ or exc.__context__
    while cause is not None:
        if isinstance(cause, httpx2.RemoteProtocolError | httpx2.ReadError):
            return True
        cause = cause.__cause__ or cause.__context__
    return False
