"""The run's state on disk, so the same command after Ctrl-C, ``kill -9`` or a power cut resumes.

``<output>/.seekh/manifest.sqlite`` records per input (by absolute path): its output folder, the content hash
and options it was last converted with, how far it got (``stage``) and how it ended (``status`` and the result,
as JSON), plus what it added to the run-level de-duplication; and for the whole output folder, the money
spent so far (``--budget`` counts it). Every change is committed at once (SQLite's journal makes that
durable), so a killed run loses at most the work in flight.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from seekh_convert.errors import OutputError

STATE_DIR = ".seekh"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS inputs (
    path TEXT PRIMARY KEY,
    folder TEXT NOT NULL UNIQUE,
    sha256 TEXT,
    options TEXT,
    stage TEXT NOT NULL,
    status TEXT,
    result TEXT,
    dedup TEXT,
    updated REAL NOT NULL
);
"""


@dataclass(frozen=True)
class InputRecord:
    """What the manifest knows of one input."""

    path: str
    folder: str
    sha256: str | None
    options: str | None
    stage: str  # planned | reading | generating | written
    status: str | None  # success | partial | failure, once written
    result: dict | None
    dedup: dict | None  # {"before": digest of the de-duplication it met, "added": what it registered}

    def finished(self, sha256: str, options: str) -> bool:
        """Converted completely from these very bytes with these options."""
        return self.stage == "written" and self.status == "success" and self.sha256 == sha256 and self.options == options


class Manifest:
    """The manifest of one output folder (created on first use)."""

    def __init__(self, out_dir: Path):
        self.path = out_dir / STATE_DIR / "manifest.sqlite"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, check_same_thread=False)  # used by one thread at a time
            self._db.executescript(_SCHEMA)
            self._db.commit()
        except (OSError, sqlite3.Error) as exc:
            raise OutputError(f"cannot keep the run state in {self.path} ({exc}); check the output folder (-o)") from None

    def close(self) -> None:
        self._db.close()

    def records(self) -> dict[str, InputRecord]:
        rows = self._db.execute("SELECT path, folder, sha256, options, stage, status, result, dedup FROM inputs").fetchall()
        return {row[0]: _record(row) for row in rows}

    def plan(self, path: str, folder: str, sha256: str | None, options: str) -> None:
        """``path`` is part of this run, written to ``folder``; its earlier outcome is kept until it is redone."""
        self._write(
            "INSERT INTO inputs (path, folder, sha256, options, stage, updated) VALUES (?, ?, ?, ?, 'planned', ?)"
            " ON CONFLICT(path) DO UPDATE SET folder = excluded.folder, updated = excluded.updated",
            (path, folder, sha256, options, time.time()),
        )

    def stage(self, path: str, stage: str, sha256: str | None = None, options: str | None = None) -> None:
        """``path`` reached ``stage`` (reading, generating); its earlier outcome no longer holds."""
        self._write(
            "UPDATE inputs SET stage = ?, sha256 = ?, options = ?, status = NULL, result = NULL, dedup = NULL,"
            " updated = ? WHERE path = ?",
            (stage, sha256, options, time.time(), path),
        )

    def finish(self, path: str, status: str, result: dict, dedup: dict) -> None:
        """``path`` is written: its outcome, and the run-level de-duplication it met (``before``) and added."""
        self._write(
            "UPDATE inputs SET stage = 'written', status = ?, result = ?, dedup = ?, updated = ? WHERE path = ?",
            (status, json.dumps(result, ensure_ascii=False), json.dumps(dedup, ensure_ascii=False), time.time(), path),
        )

    def spent(self) -> float:
        """USD paid for requests into this output folder so far."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'spent_usd'").fetchone()
        return float(row[0]) if row else 0.0

    def add_spent(self, usd: float) -> None:
        self._write(
            "INSERT INTO meta (key, value) VALUES ('spent_usd', ?)"
            " ON CONFLICT(key) DO UPDATE SET value = CAST(value AS REAL) + CAST(excluded.value AS REAL)",
            (repr(usd),),
        )

    def _write(self, sql: str, params: tuple) -> None:
        try:
            self._db.execute(sql, params)
            self._db.commit()
        except sqlite3.Error as exc:
            raise OutputError(f"cannot update the run state in {self.path} ({exc}); check free space") from None


def _record(row: tuple) -> InputRecord:
    path, folder, sha256, options, stage, status, result, dedup = row
    return InputRecord(
        path, folder, sha256, options, stage, status, json.loads(result) if result else None, json.loads(dedup) if dedup else None
    )
