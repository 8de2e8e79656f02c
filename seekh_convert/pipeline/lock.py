"""One run at a time per output folder: a lock held for the run, naming its holder (pid, host, start time).

Two runs writing one folder would mix their topic folders, index and manifest. The lock is an advisory
``flock`` on a file in the run-state folder: the kernel releases it when the holder ends, even by ``kill -9``,
so a stale lock never blocks the next run.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
from datetime import UTC, datetime
from pathlib import Path

from seekh_convert.errors import PreflightError
from seekh_convert.pipeline.manifest import STATE_DIR


class OutputLock:
    """``acquire()`` raises ``PreflightError`` (one line naming the holder) while another run holds ``out_dir``."""

    def __init__(self, out_dir: Path):
        self.out_dir = out_dir
        self.path = out_dir / STATE_DIR / "run.lock"
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise PreflightError([f"cannot lock the output folder {self.out_dir} ({exc.strerror or exc}); check -o"]) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = _holder(fd)
            os.close(fd)
            raise PreflightError(
                [f"output folder {self.out_dir} is in use by another run ({holder}); wait for it to end or pass another -o"]
            ) from None
        me = {"pid": os.getpid(), "host": socket.gethostname(), "started": datetime.now(UTC).isoformat(timespec="seconds")}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(me).encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            os.close(self._fd)  # closing releases the flock
            self._fd = None


def _holder(fd: int) -> str:
    try:
        info = json.loads(os.pread(fd, 4096, 0) or b"{}")
        return f"pid {int(info['pid'])} on {str(info['host'])[:80]}, started {str(info['started'])[:40]}"
    except (OSError, ValueError, KeyError, TypeError):
        return "holder unknown"
