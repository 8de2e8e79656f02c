"""``seekh-convert review OUT/``: the review pages served on 127.0.0.1, decisions saved next to each guide.

Every request is untrusted: guides are found only by their exact key among the guides of the output
folder (never by building a path from the request), request bodies are size-limited JSON validated by a
schema, the Host and Origin headers must name this server (no DNS rebinding, no cross-site posts), and
every answer carries a Content-Security-Policy.
"""

from __future__ import annotations

import json
import logging
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from seekh_convert.errors import SeekhError
from seekh_convert.write.library import load_library
from seekh_convert.write.review import Verdict, record
from seekh_convert.write.site.assets import content_security_policy
from seekh_convert.write.site.review_page import LABELS, review_index, review_page

log = logging.getLogger(__name__)
HOST = "127.0.0.1"
MAX_BODY = 256 * 1024
ENDPOINT = "/api/decision"


class DecisionRequest(BaseModel):
    """What the review page posts."""

    model_config = ConfigDict(extra="forbid")

    guide: str = Field(max_length=400)
    item: str = Field(pattern=r"^[0-9a-f]{16}$")
    verdict: Verdict
    edit: dict[str, Any] | None = None


class _Refused(Exception):
    def __init__(self, status: HTTPStatus, message: str):
        super().__init__(message)
        self.status = status


class ReviewHandler(BaseHTTPRequestHandler):
    server: ReviewServer
    server_version = "seekh-review"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:
        log.info("%s %s", self.address_string(), format % args)

    def _send(self, status: HTTPStatus, body: str, content_type: str) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Content-Security-Policy", content_security_policy(review=True))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)

    def _json(self, status: HTTPStatus, payload: dict) -> None:
        self._send(status, json.dumps(payload), "application/json; charset=utf-8")

    def _check_host(self) -> None:
        if self.headers.get("Host") not in self.server.hosts:
            raise _Refused(HTTPStatus.FORBIDDEN, "unknown Host")
        origin = self.headers.get("Origin")
        if origin is not None and origin not in self.server.origins:
            raise _Refused(HTTPStatus.FORBIDDEN, "cross-origin request refused")

    def do_GET(self) -> None:
        try:
            self._check_host()
            path = unquote(urlsplit(self.path).path)
            library = load_library(self.server.root)
            if path == "/":
                return self._send(HTTPStatus.OK, review_index(library), "text/html; charset=utf-8")
            entry = library.find(path.removeprefix("/review/")) if path.startswith("/review/") else None
            if entry is None:
                raise _Refused(HTTPStatus.NOT_FOUND, "no such page")
            self._send(HTTPStatus.OK, review_page(entry, ENDPOINT), "text/html; charset=utf-8")
        except _Refused as exc:
            self._send(exc.status, str(exc), "text/plain; charset=utf-8")
        except SeekhError as exc:
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, str(exc), "text/plain; charset=utf-8")
        except Exception as exc:  # a bug: one line to the browser, details in the -v log
            log.debug("review page failed", exc_info=True)
            self._send(
                HTTPStatus.INTERNAL_SERVER_ERROR,
                f"unexpected {type(exc).__name__}; please report this",
                "text/plain; charset=utf-8",
            )

    def do_POST(self) -> None:
        try:
            self._check_host()
            if urlsplit(self.path).path != ENDPOINT:
                raise _Refused(HTTPStatus.NOT_FOUND, "no such endpoint")
            request = self._read_request()
            entry = load_library(self.server.root).find(request.guide)
            if entry is None:
                raise _Refused(HTTPStatus.NOT_FOUND, "no such guide")
            before = entry.decisions.items.get(request.item)
            try:
                decision = record(entry.folder, entry.guide, request.item, request.verdict, request.edit)
            except KeyError:
                raise _Refused(
                    HTTPStatus.NOT_FOUND, "no such item in this guide (was it re-generated? reload the page)"
                ) from None
            except ValueError as exc:
                raise _Refused(HTTPStatus.BAD_REQUEST, f"not saved: {exc}") from None
            verdict = decision.verdict if decision else None
            label = LABELS[verdict] + (" (nothing changed)" if decision == before and verdict is not request.verdict else "")
            self._json(HTTPStatus.OK, {"verdict": verdict.value if verdict else "none", "label": label})
        except _Refused as exc:
            self._json(exc.status, {"error": str(exc)})
        except SeekhError as exc:
            self._json(HTTPStatus.INTERNAL_SERVER_ERROR, {"error": str(exc)})
        except Exception as exc:
            log.debug("saving a decision failed", exc_info=True)
            self._json(HTTPStatus.INTERNAL_SERVER_ERROR, {"error": f"unexpected {type(exc).__name__}; please report this"})

    def _read_request(self) -> DecisionRequest:
        if self.headers.get_content_type() != "application/json":
            raise _Refused(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send JSON")
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            raise _Refused(HTTPStatus.LENGTH_REQUIRED, "Content-Length required") from None
        if not 0 < length <= MAX_BODY:
            raise _Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "request too large")
        try:
            return DecisionRequest.model_validate_json(self.rfile.read(length))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "request"
            raise _Refused(HTTPStatus.BAD_REQUEST, f"bad request: {where}: {first['msg']}") from None


class ReviewServer(ThreadingHTTPServer):
    """The review site of one output folder, on 127.0.0.1 only."""

    daemon_threads = True

    def __init__(self, root: Path, port: int = 0):
        self.root = root
        super().__init__((HOST, port), ReviewHandler)
        port = self.server_address[1]
        self.hosts = {f"{HOST}:{port}", f"localhost:{port}"}
        self.origins = {f"http://{h}" for h in self.hosts}

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}/"

    def start(self) -> threading.Thread:
        """Serve in a background thread (tests; the CLI calls serve_forever)."""
        thread = threading.Thread(target=self.serve_forever, name="seekh-review", daemon=True)
        thread.start()
        return thread
