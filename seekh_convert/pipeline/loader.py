"""Reading inputs off the event loop, and how many may be held in memory at once.

Large files, and every file a parser may choke on (PDFs, Office packages, e-books, web pages, recordings), are
read in worker processes: a long PDF (and later OCR) is read while the LLM requests of other inputs are in
flight, a reader that takes longer than the time limit is killed (its input fails with one line), and Ctrl-C
or the end of the main process (even by ``kill -9``) ends the workers too. Small text files are read in a thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
import tomllib
from collections import deque
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from seekh_convert.errors import ConfigError, InputError
from seekh_convert.files import find_config
from seekh_convert.model.document import Document
from seekh_convert.text.language import release as release_language_model
from seekh_convert.text.normalize import printable_name

#: Seconds one input may take to be read, cleaned and split (``--read-timeout``, ``[run] read_timeout``): generous,
#: a 1,000-page scan is read by OCR well within it.
READ_TIMEOUT = 1800.0
#: Plain text read in a thread when small (every other type goes to a worker process).
_TEXT = frozenset({".md", ".markdown", ".txt", ".text", ".vtt", ".srt"})


def configured_read_timeout(config_file: Path | None = None) -> float:
    """``read_timeout`` of the ``[run]`` table of ``seekh.toml`` (seconds), else ``READ_TIMEOUT``."""
    path = config_file or find_config()
    if path is None:
        return READ_TIMEOUT
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8")).get("run", {})
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from None
    value = table.get("read_timeout", READ_TIMEOUT) if isinstance(table, dict) else None
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise ConfigError(f"{path}: [run] read_timeout must be a number of seconds above 0")
    return float(value)


def reader_processes() -> int:
    """Worker processes for reading: one per core, at most four."""
    return max(1, min(4, os.cpu_count() or 1))


class DocumentLoader:
    """``load(path, options)`` runs ``read`` (a picklable function) in a worker process, or a thread with ``processes=0``;
    a read that takes longer than ``time_limit`` seconds fails with one line."""

    def __init__(self, read: Callable[..., Document], processes: int, time_limit: float | None = READ_TIMEOUT):
        self.read = read
        self.processes = processes
        self.time_limit = time_limit
        self._pool: ProcessPoolExecutor | None = None
        self._generation = 0  # bumped whenever the pool is killed: reads it carried are tried again in the next
        self._thread_turn: asyncio.Lock | None = None
        self._lock = threading.Lock()

    #: Text files smaller than this are read in a thread.
    process_bytes: int = 256 << 10

    async def load(self, path: Path, options: object) -> Document:
        if self.processes <= 0 or (path.suffix.lower() in _TEXT and file_size(path) < self.process_bytes):
            return await self._in_thread(path, options)
        while True:
            # submit from a thread: starting a worker process waits on the fork server, which must not stall the loop
            pool, generation = await asyncio.to_thread(self._executor)
            try:
                future = pool.submit(self.read, path, options)
            except RuntimeError:  # the pool was killed meanwhile (for another input's time limit)
                continue
            try:
                return await asyncio.wait_for(asyncio.wrap_future(future), self.time_limit)
            except TimeoutError:
                self.kill(generation)  # the only way to stop a parser; other inputs in the pool are read again
                raise InputError(self._too_slow(path)) from None
            except BrokenProcessPool:
                if generation != self._generation:
                    continue  # killed for another input: read this one in a fresh pool
                self.kill(generation)  # the next input gets a fresh pool
                raise InputError(
                    f"{printable_name(path.name)}: the reader process died while reading it (out of memory?); "
                    "convert it on its own"
                ) from None

    async def _in_thread(self, path: Path, options: object) -> Document:
        # one at a time, in input order: threads share one core (the GIL), so reading side by side only delays
        # the first input, whose topics could be sent meanwhile
        self._thread_turn = self._thread_turn or asyncio.Lock()
        async with self._thread_turn:
            try:
                return await asyncio.wait_for(asyncio.to_thread(self.read, path, options), self.time_limit)
            except TimeoutError:
                raise InputError(self._too_slow(path)) from None
            finally:
                self._thread_reads_done()

    def _thread_reads_done(self) -> None:
        """Free the language model in this (the main) process once no thread read waits: generating needs the memory."""
        if self._thread_turn is not None and not getattr(self._thread_turn, "_waiters", None):
            release_language_model()

    def _too_slow(self, path: Path) -> str:
        return (
            f"{printable_name(path.name)}: reading took longer than {self.time_limit:g} s, stopped; raise --read-timeout "
            "if the file is sound, or split it"
        )

    def _executor(self) -> tuple[Executor, int]:
        with self._lock:
            if self._pool is None:
                method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
                context = multiprocessing.get_context(method)
                if method == "forkserver":
                    context.set_forkserver_preload([self.read.__module__])
                self._pool = ProcessPoolExecutor(
                    self.processes, mp_context=context, initializer=_worker_setup, initargs=(os.getpid(),)
                )
            return self._pool, self._generation

    def kill(self, generation: int | None = None) -> None:
        """Stop the worker processes at once (a running parser with them); the next read starts a fresh pool."""
        with self._lock:
            if self._pool is None or (generation is not None and generation != self._generation):
                return
            pool, self._pool = self._pool, None
            self._generation += 1
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            if process.is_alive():
                process.kill()
        pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        """The end of the run (also on Ctrl-C): the workers go with it, whatever they are doing."""
        self.kill()


def file_size(path: Path) -> int:
    """Bytes of ``path`` (0 for a folder or a file that cannot be read)."""
    try:
        return path.stat().st_size if path.is_file() else 0
    except OSError:
        return 0


def _worker_setup(main_pid: int) -> None:
    """A reader worker leaves Ctrl-C to the main process (which stops the run and reports what finished) and ends
    when its parent ends, even by ``kill -9``: the kernel kills it with its parent (Linux), and a thread watches
    the main process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    threading.Thread(target=_watch, args=(main_pid,), name="parent-watch", daemon=True).start()


def _watch(main_pid: int) -> None:
    while True:
        time.sleep(0.5)
        try:
            os.kill(main_pid, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:  # the pid now belongs to someone else: the main process is gone
            os._exit(1)


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
