"""Content-addressed response cache in SQLite: a re-run with the same inputs sends no request.

The key hashes the model, prompt versions, schema hash and the full request (messages and
parameters); the API key and base URL are never part of a key or a stored value.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from seekh_convert.errors import ConfigError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CachedReply:
    text: str
    finish_reason: str
    input_tokens: int
    output_tokens: int


def cache_key(*, model: str, prompt_refs: list[str], schema_hash: str, messages: list[dict], params: dict) -> str:
    """sha256 of everything that decides the reply."""
    payload = {"model": model, "prompts": sorted(prompt_refs), "schema": schema_hash, "messages": messages, "params": params}
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


class ResponseCache:
    """``replies.sqlite`` under ``folder``; safe to share between asyncio tasks of one process."""

    def __init__(self, folder: Path):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self.path = folder / "replies.sqlite"
            self._db = sqlite3.connect(self.path, check_same_thread=False)
            # write-ahead log: a commit is one append and sync of the log (about 0.3 ms; 1.3 ms with the rollback
            # journal, on the event loop for every reply), still durable; readers never wait for a writer
            self._db.execute("PRAGMA journal_mode=WAL").fetchone()
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS replies (key TEXT PRIMARY KEY, text TEXT, finish_reason TEXT,"
                " input_tokens INTEGER, output_tokens INTEGER, created REAL)"
            )
            self._db.commit()
        except (OSError, sqlite3.Error) as exc:
            raise ConfigError(f"cannot open the response cache in {folder}: {exc}; set --cache-dir or --no-cache") from None
        self._lock = threading.Lock()

    def get(self, key: str) -> CachedReply | None:
        """The stored reply, or None: also for a row that is not a reply (edited, damaged), which is then deleted."""
        try:
            with self._lock:
                row = self._db.execute(
                    "SELECT text, finish_reason, input_tokens, output_tokens FROM replies WHERE key = ?", (key,)
                ).fetchone()
        except sqlite3.Error as exc:
            log.warning("response cache %s unreadable (%s); asking the server", self.path, exc)
            return None
        if not row:
            return None
        text, finish, tokens_in, tokens_out = row
        if isinstance(text, str) and isinstance(finish, str) and _count(tokens_in) and _count(tokens_out):
            return CachedReply(text, finish, tokens_in, tokens_out)
        log.warning("response cache %s: a damaged row, dropped; asking the server", self.path)
        self.drop(key)
        return None

    def put(self, key: str, reply: CachedReply) -> None:
        try:
            with self._lock:
                self._db.execute(
                    "INSERT OR REPLACE INTO replies VALUES (?, ?, ?, ?, ?, ?)",
                    (key, reply.text, reply.finish_reason, reply.input_tokens, reply.output_tokens, time.time()),
                )
                self._db.commit()
        except sqlite3.Error as exc:  # a damaged cache file: the run goes on without storing
            log.warning("response cache %s not written (%s)", self.path, exc)

    def drop(self, key: str) -> None:
        """Forget the reply stored under ``key`` (a reply that no longer passes validation)."""
        try:
            with self._lock:
                self._db.execute("DELETE FROM replies WHERE key = ?", (key,))
                self._db.commit()
        except sqlite3.Error:
            pass

    def close(self) -> None:
        with self._lock:
            self._db.close()


def _count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0
