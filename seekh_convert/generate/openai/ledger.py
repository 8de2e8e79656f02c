"""Which batch each request went into, so a killed run polls the same batch again instead of submitting it twice.

``batches.sqlite`` (in the output folder's run state, else beside the response cache) maps each request's
``custom_id`` (its cache key) to the batch it was submitted in, and records each batch's last known status.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from seekh_convert.errors import ConfigError

#: Batch statuses after which it holds no more answers to wait for.
FINISHED = frozenset({"completed", "failed", "expired", "cancelled"})
_SCHEMA = """
CREATE TABLE IF NOT EXISTS batches (id TEXT PRIMARY KEY, status TEXT NOT NULL, created REAL NOT NULL);
CREATE TABLE IF NOT EXISTS lines (custom_id TEXT PRIMARY KEY, batch_id TEXT NOT NULL);
"""


class BatchLedger:
    """Requests -> batches, durable (each change committed at once)."""

    def __init__(self, folder: Path):
        self.path = folder / "batches.sqlite"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, check_same_thread=False)
            self._db.executescript(_SCHEMA)
            self._db.commit()
        except (OSError, sqlite3.Error) as exc:
            raise ConfigError(f"cannot keep the Batch API state in {self.path} ({exc}); check the output folder") from None
        self._lock = threading.Lock()

    def submitted(self, batch_id: str, custom_ids: list[str]) -> None:
        """``custom_ids`` went into the new batch ``batch_id``."""
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO batches VALUES (?, 'validating', ?)", (batch_id, time.time()))
            self._db.executemany("INSERT OR REPLACE INTO lines VALUES (?, ?)", [(c, batch_id) for c in custom_ids])
            self._db.commit()

    def pending_batch(self, custom_id: str) -> str | None:
        """The batch ``custom_id`` waits in, unless that batch finished (its answers are then in the cache)."""
        with self._lock:
            row = self._db.execute(
                "SELECT b.id, b.status FROM lines l JOIN batches b ON b.id = l.batch_id WHERE l.custom_id = ?", (custom_id,)
            ).fetchone()
        return row[0] if row and row[1] not in FINISHED else None

    def status(self, batch_id: str, status: str) -> None:
        with self._lock:
            self._db.execute("UPDATE batches SET status = ? WHERE id = ?", (status, batch_id))
            self._db.commit()

    def close(self) -> None:
        with self._lock:
            self._db.close()
