"""Reading inputs off the event loop, and how many may be held in memory at once.

Large files, and every file a parser may choke on (PDFs, Office packages, e-books, web pages, recordings), are
read in worker processes: a long PDF (and later OCR) is read while the LLM requests of other inputs are in
flight, a reader that takes longer than the time limit is killed (its input fails with one line), and Ctrl-C
or the end of the main process (even by ``kill -9``) ends the workers too. Small text files are read in a thread,
unless every input goes to a worker (``in_processes``: the language detector's model stays out of the main process).
The time limit counts from when a worker takes the input up. ``call`` runs other work (the offline engine's
generation, see ``drafting.py``) in the same workers, without a time limit.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import itertools
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
import tomllib
import weakref
from collections import deque
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from seekh_convert.errors import ConfigError, InputError
from seekh_convert.files import find_config
from seekh_convert.model.document import Document
from seekh_convert.text.language import release as release_language_model
from seekh_convert.text.language import unload_after_use
from seekh_convert.text.normalize import printable_name

log = logging.getLogger(__name__)

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

    def __init__(
        self,
        read: Callable[..., Any],
        processes: int,
        time_limit: float | None = READ_TIMEOUT,
        *,
        in_processes: bool = False,
        reads_per_process: int | None = None,
    ):
        self.read = read
        self.processes = processes
        self.time_limit = time_limit
        self.in_processes = in_processes  # small text files too (their language is detected there)
        self.reads_per_process = reads_per_process  # a fresh worker after that many tasks (None: kept to the end)
        self._pool: ProcessPoolExecutor | None = None
        self._generation = 0  # bumped whenever the pool is killed: reads it carried are tried again in the next
        self._thread_turn: asyncio.Lock | None = None
        self._lock = threading.Lock()
        self._tokens = itertools.count(1)
        self._started: dict[int, tuple[asyncio.AbstractEventLoop, asyncio.Event]] = {}  # token -> set when taken up
        self._done_pipe: tuple[Connection, Connection] | None = None

    #: Text files smaller than this are read in a thread.
    process_bytes: int = 256 << 10

    async def load(self, path: Path, options: object) -> Any:
        small_text = path.suffix.lower() in _TEXT and file_size(path) < self.process_bytes
        if self.processes <= 0 or (small_text and not self.in_processes):
            return await self._in_thread(path, options)
        return await self._in_process(self.read, path, (path, options), self.time_limit)

    async def call(self, function: Callable[..., Any], path: Path, *args: object) -> Any:
        """``function(*args)`` (about input ``path``) in a worker process, without a time limit."""
        return await self._in_process(function, path, args, None)

    async def _in_process(self, function: Callable[..., Any], path: Path, args: tuple, limit: float | None) -> Any:
        while True:
            # submit from a thread: starting a worker process waits on the fork server, which must not stall the loop
            pool, generation = await asyncio.to_thread(self._executor)
            token, started = next(self._tokens), asyncio.Event()
            self._started[token] = (asyncio.get_running_loop(), started)
            try:
                future = pool.submit(_call, function, token, *args)
            except RuntimeError:  # the pool was killed meanwhile (for another input's time limit)
                self._started.pop(token, None)
                continue
            try:
                return await self._result(future, started, limit)
            except TimeoutError:
                self.kill(generation)  # the only way to stop a parser; other inputs in the pool are read again
                raise InputError(self._too_slow(path)) from None
            except asyncio.CancelledError:
                if (task := asyncio.current_task()) is not None and task.cancelling():
                    raise  # this run stops (Ctrl-C)
                continue  # still waiting in a pool killed for another input: read it in a fresh pool
            except BrokenProcessPool:
                if generation != self._generation:
                    continue  # killed for another input: read this one in a fresh pool
                self.kill(generation)  # the next input gets a fresh pool
                raise InputError(
                    f"{printable_name(path.name)}: the reader process died while reading it (out of memory?); "
                    "convert it on its own"
                ) from None
            finally:
                self._started.pop(token, None)

    async def _result(self, submitted: Future, started: asyncio.Event, limit: float | None) -> Any:
        """The worker's answer; ``TimeoutError`` when it has not answered within ``limit`` seconds from when a worker
        took it up (waiting for a free worker does not count)."""
        future = asyncio.wrap_future(submitted)
        waiting = asyncio.ensure_future(started.wait())
        try:
            await asyncio.wait({future, waiting}, return_when=asyncio.FIRST_COMPLETED)
        except asyncio.CancelledError:
            future.cancel()
            raise
        finally:
            waiting.cancel()
        return await asyncio.wait_for(future, limit)  # cancels the future when over the limit

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
                if self._done_pipe is None:
                    self._done_pipe = context.Pipe(duplex=False)
                    threading.Thread(target=self._listen, args=(self._done_pipe[0],), name="reads-done", daemon=True).start()
                self._pool = ProcessPoolExecutor(
                    self.processes,
                    mp_context=context,
                    max_tasks_per_child=self.reads_per_process,
                    initializer=_worker_setup,
                    initargs=(os.getpid(), self._done_pipe[1], self.reads_per_process == 1),
                )
            return self._pool, self._generation

    def _listen(self, receiver: Connection) -> None:
        """Tokens of the tasks the workers took up, until ``close`` sends 0."""
        with contextlib.suppress(EOFError, OSError):
            while token := receiver.recv():
                loop, started = self._started.get(token, (None, None))
                if loop is not None and started is not None:
                    with contextlib.suppress(RuntimeError):  # the loop is closed: nobody waits any more
                        loop.call_soon_threadsafe(started.set)

    def kill(self, generation: int | None = None) -> None:
        """Stop the worker processes at once (a running parser with them); the next read starts a fresh pool."""
        with self._lock:
            if self._pool is None or (generation is not None and generation != self._generation):
                return
            pool, self._pool = self._pool, None
            self._generation += 1
        _quiet_manager(pool)
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            if process.is_alive():
                process.kill()
        pool.shutdown(wait=False, cancel_futures=True)

    def finish(self) -> None:
        """The run's reads are all done: the pool ends in order (its manager thread joined before the pool lets go
        of its workers, so a worker that ended its last task is never replaced during shutdown)."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    def close(self) -> None:
        """The end of the run (also on Ctrl-C): the workers go with it, whatever they are doing."""
        self.kill()
        if self._done_pipe is not None:
            with contextlib.suppress(OSError):
                self._done_pipe[1].send(0)  # one small message: written at once, whatever the killed workers did
            self._done_pipe = None


_killed_managers: weakref.WeakSet[threading.Thread] = weakref.WeakSet()


def _quiet_manager(pool: ProcessPoolExecutor) -> None:
    """A killed pool's manager thread may fail while replacing a worker that ended its last task (the pool's
    ``max_tasks_per_child``) as the others are killed: nothing is lost, so its error is logged, not printed."""
    thread = getattr(pool, "_executor_manager_thread", None)
    if thread is None:
        return
    _killed_managers.add(thread)
    if getattr(threading.excepthook, "__name__", "") != "_excepthook":
        previous = threading.excepthook

        def _excepthook(args: threading.ExceptHookArgs) -> None:
            if args.thread in _killed_managers:
                log.debug("a killed reader pool's manager thread: %r", args.exc_value)
                return
            previous(args)

        threading.excepthook = _excepthook


def file_size(path: Path) -> int:
    """Bytes of ``path`` (0 for a folder or a file that cannot be read)."""
    try:
        return path.stat().st_size if path.is_file() else 0
    except OSError:
        return 0


_started: Connection | None = None  # in a worker: where it says which task it took up


def _call(function: Callable[..., Any], token: int, *args: object) -> Any:
    if _started is not None:
        with contextlib.suppress(OSError):
            _started.send(token)  # a few bytes: one atomic write, shared by the workers without a lock
    return function(*args)


#: glibc's ``mallopt`` setting, and the size from which a worker's allocations get pages of their own, given back
#: to the system when freed. glibc raises this threshold (up to 32 MiB) each time such a block is freed, after which
#: the parser's working arrays and the reader's buffers stay in the heap and keep its pages resident: the demo's
#: generating worker peaked at 142 MiB with it moving, 135 with it fixed.
_M_MMAP_THRESHOLD = -3
_MMAP_THRESHOLD = 128 << 10


def _worker_setup(main_pid: int, started: Connection | None = None, one_task: bool = False) -> None:
    """A reader worker leaves Ctrl-C to the main process (which stops the run and reports what finished) and ends
    when its parent ends, even by ``kill -9``: the kernel kills it with its parent (Linux), and a thread watches
    the main process. A worker that runs one task drops the language model once it has used it. Large blocks are
    always mapped apart from the heap (``_MMAP_THRESHOLD``): freed, they go back to the system."""
    global _started
    _started = started
    if one_task:
        unload_after_use()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None).mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD)
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
