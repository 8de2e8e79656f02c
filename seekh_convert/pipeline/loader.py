"""Reading inputs off the event loop, and how many may be held in memory at once.

With several inputs, large files are read in worker processes, so a long PDF (and later OCR) is read while the
LLM requests of other inputs are in flight; small files, and a single input, are read in a thread (a worker
process costs more to start than they take to read).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from seekh_convert.errors import InputError
from seekh_convert.model.document import Document


def reader_processes() -> int:
    """Worker processes for reading: one per core, at most four."""
    return max(1, min(4, os.cpu_count() or 1))


class DocumentLoader:
    """``load(path, options)`` runs ``read`` (a picklable function) in a worker process, or a thread with ``processes=0``."""

    def __init__(self, read: Callable[..., Document], processes: int):
        self.read = read
        self.processes = processes
        self._pool: Executor | None = None
        self._in_thread: asyncio.Lock | None = None
        self._lock = threading.Lock()

    #: Files smaller than this are read in a thread.
    process_bytes: int = 256 << 10

    async def load(self, path: Path, options: object) -> Document:
        if self.processes <= 0 or file_size(path) < self.process_bytes:
            # one at a time, in input order: threads share one core (the GIL), so reading side by side only delays
            # the first input, whose topics could be sent meanwhile
            self._in_thread = self._in_thread or asyncio.Lock()
            async with self._in_thread:
                return await asyncio.to_thread(self.read, path, options)
        try:
            # submit from a thread: starting a worker process waits on the fork server, which must not stall the loop
            future = await asyncio.to_thread(lambda: self._executor().submit(self.read, path, options))
            return await asyncio.wrap_future(future)
        except BrokenProcessPool:
            self.close()  # the next input gets a fresh pool
            raise InputError(
                f"{path}: the reader process died while reading it (out of memory?); convert it on its own"
            ) from None

    def _executor(self) -> Executor:
        with self._lock:
            if self._pool is None:
                method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
                context = multiprocessing.get_context(method)
                if method == "forkserver":
                    context.set_forkserver_preload([self.read.__module__])
                self._pool = ProcessPoolExecutor(self.processes, mp_context=context, initializer=_ignore_interrupts)
            return self._pool

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None


def file_size(path: Path) -> int:
    """Bytes of ``path`` (0 for a folder or a file that cannot be read)."""
    try:
        return path.stat().st_size if path.is_file() else 0
    except OSError:
        return 0


def _ignore_interrupts() -> None:
    """Readers leave Ctrl-C to the main process, which stops the run and reports what finished."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class Window:
    """Inputs held in memory (being read, generated or waiting to be written): at most ``documents`` and about
    ``size_bytes`` of source files at once, always at least one; admitted first come, first served."""

    def __init__(self, documents: int, size_bytes: int):
        self.documents = documents
        self.size_bytes = size_bytes
        self._held: list[int] = []
        self._queue: deque[tuple[int, asyncio.Future[None]]] = deque()

    def _fits(self, size: int) -> bool:
        return not self._held or (len(self._held) < self.documents and sum(self._held) + size <= self.size_bytes)

    async def acquire(self, size: int) -> None:
        if not self._queue and self._fits(size):
            self._held.append(size)
            return
        fut: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._queue.append((size, fut))
        await fut  # the slot is booked for us by release()

    def release(self, size: int) -> None:
        self._held.remove(size)
        while self._queue and self._fits(self._queue[0][0]):
            size, fut = self._queue.popleft()
            if not fut.done():  # else its task was cancelled
                self._held.append(size)
                fut.set_result(None)
