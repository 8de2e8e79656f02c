"""The fake server's OpenAI Batch API: ``/v1/files`` (upload, content) and ``/v1/batches`` (create, retrieve).

A batch stays ``in_progress`` until ``delay`` seconds have passed and ``hold`` (when set) is released; the
first poll after that answers every line with the server's responder and writes the output file (and an
error file for the first ``fail_lines`` lines of all batches, answered with HTTP 500). Every created batch,
every line it answered and every poll is recorded.
"""

from __future__ import annotations

import email.parser
import itertools
import json
import threading
import time
from dataclasses import dataclass, field


@dataclass
class FakeBatch:
    id: str
    input_file_id: str
    lines: list[dict]
    created: float
    status: str = "in_progress"
    output_file_id: str | None = None
    error_file_id: str | None = None
    polls: int = 0
    failed: int = 0

    def json(self) -> dict:
        done = len(self.lines) if self.status == "completed" else 0
        return {
            "id": self.id,
            "object": "batch",
            "endpoint": "/v1/chat/completions",
            "input_file_id": self.input_file_id,
            "completion_window": "24h",
            "created_at": int(self.created),
            "status": self.status,
            "output_file_id": self.output_file_id,
            "error_file_id": self.error_file_id,
            "request_counts": {"total": len(self.lines), "completed": done - self.failed, "failed": self.failed},
        }


@dataclass
class BatchService:
    """State of the fake's Batch API; ``answer(body)`` makes a chat completion for one line."""

    answer: object
    delay: float = 0.0
    hold: threading.Event | None = None
    fail_lines: int = 0
    files: dict[str, bytes] = field(default_factory=dict)
    batches: dict[str, FakeBatch] = field(default_factory=dict)
    answered: list[dict] = field(default_factory=list)  # every line answered, in order
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def upload(self, content_type: str, raw: bytes) -> tuple[int, dict]:
        """``POST /v1/files`` (multipart: purpose, file)."""
        message = email.parser.BytesParser().parsebytes(b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + raw)
        parts = {part.get_param("name", header="content-disposition"): part for part in message.get_payload()}
        if "file" not in parts or parts.get("purpose") is None or parts["purpose"].get_payload(decode=True) != b"batch":
            return 400, {"error": {"message": "expected a file with purpose=batch"}}
        data = parts["file"].get_payload(decode=True)
        with self._lock:
            file_id = f"file-{next(self._ids)}"
            self.files[file_id] = data
        body = {"id": file_id, "object": "file", "bytes": len(data), "created_at": int(time.time())}
        return 200, body | {"filename": parts["file"].get_filename() or "batch.jsonl", "purpose": "batch", "status": "processed"}

    def content(self, file_id: str) -> tuple[int, bytes | dict]:
        """``GET /v1/files/{id}/content``."""
        if file_id not in self.files:
            return 404, {"error": {"message": f"no file {file_id}"}}
        return 200, self.files[file_id]

    def create(self, body: dict) -> tuple[int, dict]:
        """``POST /v1/batches``."""
        data = self.files.get(body.get("input_file_id", ""))
        if data is None or body.get("endpoint") != "/v1/chat/completions":
            return 400, {"error": {"message": "unknown input_file_id or endpoint"}}
        lines = [json.loads(line) for line in data.decode().splitlines() if line.strip()]
        with self._lock:
            batch = FakeBatch(f"batch_{next(self._ids)}", body["input_file_id"], lines, time.time())
            self.batches[batch.id] = batch
        return 200, batch.json()

    def retrieve(self, batch_id: str) -> tuple[int, dict]:
        """``GET /v1/batches/{id}``: a poll; the batch completes on the first poll it may."""
        batch = self.batches.get(batch_id)
        if batch is None:
            return 404, {"error": {"message": f"no batch {batch_id}"}}
        with self._lock:
            batch.polls += 1
            ready = time.time() - batch.created >= self.delay and (self.hold is None or self.hold.is_set())
            if batch.status == "in_progress" and ready:
                self._complete(batch)
        return 200, batch.json()

    def _complete(self, batch: FakeBatch) -> None:
        out, errors = [], []
        for n, line in enumerate(batch.lines):
            self.answered.append(line)
            if self.fail_lines > 0:
                self.fail_lines -= 1
                batch.failed += 1
                response = {"status_code": 500, "request_id": f"req_{n}", "body": {"error": {"message": "server busy"}}}
                errors.append({"id": f"batch_req_{n}", "custom_id": line["custom_id"], "response": response, "error": None})
                continue
            response = {"status_code": 200, "request_id": f"req_{n}", "body": self.answer(line["body"])}
            out.append({"id": f"batch_req_{n}", "custom_id": line["custom_id"], "response": response, "error": None})
        batch.output_file_id = self._store(out)
        batch.error_file_id = self._store(errors) if errors else None
        batch.status = "completed"

    def _store(self, lines: list[dict]) -> str:
        file_id = f"file-{next(self._ids)}"
        self.files[file_id] = "".join(json.dumps(line) + "\n" for line in lines).encode()
        return file_id
