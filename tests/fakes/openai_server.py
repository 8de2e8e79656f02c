"""A fake OpenAI-compatible server on 127.0.0.1 (real HTTP, stdlib), scriptable per request.

Serves ``POST /v1/chat/completions``, ``POST /v1/audio/transcriptions`` (multipart, see ``transcriber`` and
``script_audio``), ``GET /v1/models`` and the Batch API (``/v1/files``, ``/v1/batches``: see batch_api.py).
Each chat request takes the next
``Scripted`` response from the queue (status, headers, body, stall, dropped connection); with
an empty queue the default responder answers a valid reply built from the request: a guide,
notes, a section or repair items whose quotes are sentences of the ``<document>`` part. Every request body is
recorded, and so is the highest number of requests in flight.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from fakes.batch_api import BatchService

_DOC = re.compile(r"<document>\n?(.*?)\n?</document>", re.DOTALL)
_TITLES = re.compile(r"^<(topic|document)_title>.*?</\1_title>\n?", re.MULTILINE)
_MARKER = re.compile(r"^(\[[^\]]*\]\s*)+")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_SECTIONS = ("definition", "summary", "key_takeaways", "learn_next", "prerequisites", "applications", "flashcards", "questions")

#: llama-cpp-python's answer to ``response_format: json_schema``: its route handler turns FastAPI's request
#: validation error into an HTTP 500 whose message is that error's text, which names ``response_format``.
LLAMA_CPP_SCHEMA_ERROR = {
    "error": {
        "message": "1 validation error:\n  {'type': 'literal_error', 'loc': ('body', 'response_format', 'type'), "
        "'msg': \"Input should be 'text' or 'json_object'\", 'input': 'json_schema', "
        "'ctx': {'expected': \"'text' or 'json_object'\"}}\n",
        "type": "internal_server_error",
        "param": None,
        "code": None,
    }
}


@dataclass
class Scripted:
    """One scripted answer. ``content`` is a shortcut for a 200 completion carrying that text."""

    status: int = 200
    body: object = None
    headers: dict = field(default_factory=dict)
    content: str | None = None
    finish_reason: str = "stop"
    delay: float = 0.0  # seconds to stall before answering
    drop: bool = False  # close the connection without an answer
    trickle: float = 0.0  # seconds between the single bytes of the body (a server that never quite answers)
    filler: int = 0  # a body of this many bytes, streamed (a reply too large to hold)
    content_type: str = "application/json"


class FakeOpenAIServer:
    """Start with ``with FakeOpenAIServer() as server:``; point the client at ``server.url``."""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        reject_json_schema: int | None = None,
        responder: Callable[[dict], str] | None = None,
        delay: float = 0.0,
        reply_headers: Callable[[int], dict] | None = None,
        hold_until: int = 0,
        transcriber: Callable[[dict], dict] | None = None,
        batch_delay: float = 0.0,
        counted_usage: bool = False,
    ):
        self.api_key = api_key
        self.reject_json_schema = reject_json_schema  # status of LLAMA_CPP_SCHEMA_ERROR: 500 like llama-cpp-python
        self.responder = responder or default_reply
        self.delay = delay
        self.reply_headers = reply_headers  # headers of the default reply to the n-th request (0-based)
        self.hold_until = hold_until  # hold the first requests until this many are in flight (or 5 s pass)
        self.held_too_long = 0  # requests answered after waiting 5 s for the others
        self._held_open = False
        self._in_flight_changed = threading.Condition()
        self.queue: deque[Scripted] = deque()
        # /audio/transcriptions: ``transcriber(fields)`` answers (fields: the form's fields, "file" as bytes) unless
        # ``audio_queue`` holds a scripted answer; every upload is recorded in ``transcriptions``
        self.transcriber = transcriber
        self.audio_queue: deque[Scripted] = deque()
        self.transcriptions: list[dict] = []
        # usage in replies: (100, 50) tokens, or with ``counted_usage`` about a token per 4 characters of the
        # request's messages and of the reply, as a real server counts them (so costs follow the work)
        self.counted_usage = counted_usage
        self.batch = BatchService(self._batch_answer, delay=batch_delay)  # /v1/files and /v1/batches
        self.requests: list[dict] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.timeline: list[tuple[float, float]] = []  # (start, reply sent) of every chat request, time.monotonic()
        self._lock = threading.Lock()
        self._httpd = _Server(("127.0.0.1", 0), _handler(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def script(self, *responses: Scripted) -> None:
        self.queue.extend(responses)

    def script_audio(self, *responses: Scripted) -> None:
        self.audio_queue.extend(responses)

    def _answer_audio(self, fields: dict, auth: str) -> Scripted:
        with self._lock:
            self.transcriptions.append(fields)
            if self.api_key is not None and auth != f"Bearer {self.api_key}":
                return Scripted(401, {"error": {"message": "Incorrect API key provided", "code": "invalid_api_key"}})
            if self.audio_queue:
                return self.audio_queue.popleft()
        if self.transcriber is None:
            return Scripted(404, {"error": {"message": "this server has no audio API"}})
        return Scripted(body=self.transcriber(fields), delay=self.delay)

    def __enter__(self) -> FakeOpenAIServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def _answer(self, body: dict, auth: str) -> Scripted:
        with self._lock:
            self.requests.append(body)
            if self.api_key is not None and auth != f"Bearer {self.api_key}":
                return Scripted(
                    401,
                    {
                        "error": {
                            "message": "Incorrect API key provided",
                            "type": "invalid_request_error",
                            "code": "invalid_api_key",
                        }
                    },
                )
            rf = body.get("response_format") or {}
            if self.reject_json_schema and rf.get("type") == "json_schema":
                return Scripted(self.reject_json_schema, LLAMA_CPP_SCHEMA_ERROR)
            if self.queue:
                return self.queue.popleft()
            n = len(self.requests) - 1
        headers = self.reply_headers(n) if self.reply_headers else {}
        return Scripted(content=self.responder(body), delay=self.delay, headers=headers)

    @staticmethod
    def usage_of(body: dict, content: str) -> tuple[int, int]:
        """(prompt, completion) tokens, about one per 4 characters."""
        prompt = sum(len(m.get("content") or "") for m in body.get("messages", []))
        return max(1, prompt // 4), max(1, len(content) // 4)

    def _batch_answer(self, body: dict) -> dict:
        """A batch line's chat completion, from the same responder as live requests."""
        return completion(self.responder(body))

    def _hold(self) -> None:
        """Hold the first requests until ``hold_until`` of them are in flight together (5 s at most); later ones pass."""
        with self._in_flight_changed:
            self._held_open = self._held_open or self.in_flight >= self.hold_until
            self._in_flight_changed.notify_all()
            if not self._in_flight_changed.wait_for(lambda: self._held_open, timeout=5.0):
                self.held_too_long += 1


def completion(content: str, finish_reason: str = "stop", model: str = "fake-model", usage: tuple[int, int] = (100, 50)) -> dict:
    prompt, done = usage
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": finish_reason}],
        "usage": {"prompt_tokens": prompt, "completion_tokens": done, "total_tokens": prompt + done},
    }


class _Server(ThreadingHTTPServer):
    """A listen backlog for a whole request pool opening its connections at once (the default, 5, drops some)."""

    request_queue_size = 256


class _Handler(BaseHTTPRequestHandler):
    """HTTP/1.1 routes of the fake; ``fake`` is the server's state (set per server by ``_handler``)."""

    protocol_version = "HTTP/1.1"
    #: TCP_NODELAY, as real servers set it: with Nagle's algorithm the body waited for the client's delayed ACK of
    #: the headers, 40 ms on every reply
    disable_nagle_algorithm = True
    fake: FakeOpenAIServer

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def _authorized(self) -> bool:
        key = self.fake.api_key
        if key is None or self.headers.get("authorization", "") == f"Bearer {key}":
            return True
        self._send(401, {"error": {"message": "Incorrect API key provided", "code": "invalid_api_key"}})
        return False

    def do_GET(self) -> None:
        if not self._authorized():
            return
        path = self.path.rstrip("/")
        if path.endswith("/models"):
            self._send(200, {"object": "list", "data": [{"id": "fake-model", "object": "model", "owned_by": "tests"}]})
        elif (m := re.search(r"/files/([^/]+)/content$", path)) is not None:
            self._send(*self.fake.batch.content(m.group(1)))
        elif (m := re.search(r"/batches/([^/]+)$", path)) is not None:
            self._send(*self.fake.batch.retrieve(m.group(1)))
        else:
            self._send(404, {"error": {"message": "not found"}})

    def do_POST(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        raw = self.rfile.read(length)
        path = self.path.rstrip("/")
        if path.endswith("/chat/completions"):
            self._chat(json.loads(raw or b"{}"))
        elif path.endswith("/audio/transcriptions"):
            self._audio(raw)  # checks the key itself
        elif not self._authorized():
            return
        elif path.endswith("/files"):
            self._send(*self.fake.batch.upload(self.headers.get("content-type", ""), raw))
        elif path.endswith("/batches"):
            self._send(*self.fake.batch.create(json.loads(raw or b"{}")))
        else:
            self._send(404, {"error": {"message": "not found"}})

    def _chat(self, body: dict) -> None:
        self._serve(lambda: self.fake._answer(body, self.headers.get("authorization", "")), chat=True, body=body)

    def _audio(self, raw: bytes) -> None:
        fields = multipart_fields(self.headers.get("content-type", ""), raw)
        self._serve(lambda: self.fake._answer_audio(fields, self.headers.get("authorization", "")), chat=False)

    def _serve(self, answer_of: Callable[[], Scripted], *, chat: bool, body: dict | None = None) -> None:
        """Answer one request (counted in flight; chat requests may be held and go into the timeline)."""
        fake = self.fake
        with fake._lock:
            fake.in_flight += 1
            fake.max_in_flight = max(fake.max_in_flight, fake.in_flight)
        started = answered = time.monotonic()
        try:
            if chat and fake.hold_until:
                fake._hold()
            answer = answer_of()
            if answer.delay:
                time.sleep(answer.delay)
            if answer.drop:
                self.close_connection = True
                self.connection.close()
                return
            if answer.content is None:
                payload = answer.body
            else:
                usage = fake.usage_of(body or {}, answer.content) if fake.counted_usage else (100, 50)
                payload = completion(answer.content, answer.finish_reason, usage=usage)
            answered = time.monotonic()  # the reply leaves now: a thread slowed after writing it must not move it later
            if answer.filler or answer.trickle:
                self._stream(answer, payload)
            else:
                self._send(answer.status, payload, answer.headers, answer.content_type)
        except OSError:  # the client gave up (timeout) while we stalled
            pass
        finally:
            with fake._lock:
                fake.in_flight -= 1
                if chat:
                    fake.timeline.append((started, answered))

    def _stream(self, answer: Scripted, payload: object) -> None:
        """A body of ``filler`` bytes in 1 MB writes, or ``payload`` a byte every ``trickle`` seconds."""
        data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        self.send_response(answer.status)
        self.send_header("content-type", answer.content_type)
        self.send_header("content-length", str(answer.filler or len(data)))
        self.end_headers()
        if answer.filler:
            block = b" " * (1 << 20)
            for start in range(0, answer.filler, len(block)):
                self.wfile.write(block[: answer.filler - start])
            return
        for byte in data:
            self.wfile.write(bytes([byte]))
            self.wfile.flush()
            time.sleep(answer.trickle)

    def _send(self, status: int, payload: object, headers: dict | None = None, content_type: str = "application/json") -> None:
        data = (
            payload
            if isinstance(payload, bytes)
            else payload.encode()
            if isinstance(payload, str)
            else json.dumps(payload).encode()
        )
        self.send_response(status)
        self.send_header("content-type", content_type)
        self.send_header("content-length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)


def _handler(server: FakeOpenAIServer) -> type[_Handler]:
    return type("Handler", (_Handler,), {"fake": server})


def multipart_fields(content_type: str, raw: bytes) -> dict:
    """The fields of a ``multipart/form-data`` body: text fields as str (repeated ones as lists), files as bytes."""
    import email.parser
    import email.policy

    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + raw
    )
    fields: dict = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        value = part.get_payload(decode=True)
        if part.get_filename() is None:
            value = value.decode()
        if name in fields:
            fields[name] = [*(fields[name] if isinstance(fields[name], list) else [fields[name]]), value]
        else:
            fields[name] = value
    return fields


# -- the default responder: a valid reply built from the request -------------------------------------------


def document_of(body: dict) -> str:
    """The source text between ``<document>`` tags in the request's user messages (without the title lines)."""
    for message in body.get("messages", []):
        if message.get("role") == "user" and (m := _DOC.search(message.get("content", ""))):
            return _TITLES.sub("", m.group(1))
    return ""


def sentences_of(body: dict) -> list[str]:
    """Quotable sentences of the document (notes' ``quote:`` lines when the document is a set of notes)."""
    text = document_of(body)
    quotes = [line[len("quote: ") :] for line in text.splitlines() if line.startswith("quote: ")]
    if quotes:
        return quotes
    found = []
    for para in text.split("\n\n"):
        para = _MARKER.sub("", para.strip())
        found += [s for s in _SENTENCE.split(para) if len(s) >= 20]
    return found or ["(no sentences)"]


def schema_kind(body: dict) -> str:
    rf = body.get("response_format") or {}
    if rf.get("type") == "json_schema":
        return rf["json_schema"]["name"]
    props = (rf.get("schema") or {}).get("properties", {})
    if props and all(re.fullmatch(r"[a-z_]+_\d+|definition", name) for name in props):
        return "repair_items"
    if "notes" in props:
        return "chunk_notes"
    if "value" in props:
        return "section_" + json.dumps(props["value"])
    return "guide_content"


def default_reply(body: dict) -> str:
    return _reply(body, quoting=False, notes=3, point=80)


def quoting_reply(body: dict) -> str:
    """Like ``default_reply``, but every item says what its quote says, so most items pass the quality gate."""
    return _reply(body, quoting=True, notes=8, point=200)


def _reply(body: dict, *, quoting: bool, notes: int, point: int) -> str:
    """What the request's schema asks for, built from the document's sentences."""
    s = sentences_of(body)
    kind = schema_kind(body)
    if kind == "chunk_notes":
        return json.dumps({"notes": [{"kind": "fact", "point": q[:point], "quote": q} for q in s[:notes]]})
    guide = make_guide(s, quoting=quoting)
    if kind == "repair_items":  # a replacement for every position asked for: the first item of its section
        positions = (body["response_format"].get("json_schema") or body["response_format"])["schema"]["properties"]
        return json.dumps({p: _first_item(guide, p) for p in positions})
    if kind.startswith("section_"):
        section = next(k for k in _SECTIONS if k in kind or k.rstrip("s").replace("_", "") in kind.lower())
        return json.dumps({"value": guide[section]})
    return json.dumps(guide)


def _first_item(guide: dict, position: str) -> dict:
    section = position.rsplit("_", 1)[0] if position[-1].isdigit() else position
    if section == "definition":
        return guide["definition"]
    return guide["summary"]["sentences"][0] if section == "summary" else guide[section][0]


def make_guide(s: list[str], *, quoting: bool = False) -> dict:
    """A schema-valid guide whose every quote is one of the sentences ``s`` (``quoting``: items restate it)."""

    def src(i: int) -> dict:
        return {"quote": s[i % len(s)], "page": None, "start": None, "end": None, "section": None}

    if quoting:
        return _quoting_guide(s, src)

    return {
        "topic": "Fake topic",
        "subject": "Other",
        "level": "beginner",
        "study_time_minutes": 30,
        "definition": {"text": "A definition.", "source": src(0)},
        "summary": {
            "text": "A summary.",
            "sentences": [{"text": "First point.", "source": src(0)}, {"text": "Second point.", "source": src(1)}],
        },
        "key_takeaways": [
            {"title": f"Point {i}", "text": "A takeaway.", "importance": "high", "source": src(i)} for i in range(3)
        ],
        "learn_next": [{"topic": "More", "why": "It follows.", "level": "intermediate", "source": src(1)}],
        "prerequisites": [{"topic": "Basics", "why": None, "source": src(2)}],
        "applications": [{"title": "Use", "text": "It is used.", "source": src(0)}],
        "flashcards": [{"kind": "basic", "front": "Q?", "back": "A.", "source": src(i)} for i in range(2)],
        "questions": [
            {
                "kind": "multiple_choice",
                "question": "Which?",
                "options": ["a", "b", "c", "d"],
                "answer_index": 1,
                "explanation": "Because.",
                "source": src(0),
            },
            {"kind": "true_false", "statement": "It is so.", "answer": True, "explanation": "Because.", "source": src(1)},
        ],
    }


def _quoting_guide(s: list[str], src) -> dict:
    """Items whose text is their own quote: grounded and supported."""

    def said(i: int) -> str:
        return s[i % len(s)][:300]

    def words(i: int) -> list[str]:
        return [w.strip(".,;:()\"'") for w in said(i).split() if len(w.strip(".,;:()\"'")) > 3]

    n = min(max(len(s), 3), 6)
    return {
        "topic": said(0)[:80],
        "subject": "Other",
        "level": "beginner",
        "study_time_minutes": 30,
        "definition": {"text": said(0), "source": src(0)},
        "summary": {
            "text": " ".join(said(i) for i in range(min(n, 3))),
            "sentences": [{"text": said(i), "source": src(i)} for i in range(min(n, 3))],
        },
        "key_takeaways": [{"title": said(i)[:60], "text": said(i), "importance": "high", "source": src(i)} for i in range(n)],
        "learn_next": [
            {"topic": " ".join(words(i)[:3]) or "More", "why": "It follows.", "level": "intermediate", "source": src(i)}
            for i in range(2)
        ],
        "prerequisites": [{"topic": " ".join(words(i + 1)[:2]) or "Basics", "why": None, "source": src(i + 1)} for i in range(2)],
        "applications": [{"title": "Use", "text": said(i), "source": src(i)} for i in range(2)],
        "flashcards": [
            {"kind": "basic", "front": f"What does the text say ({i + 1})?", "back": said(i), "source": src(i)} for i in range(n)
        ],
        "questions": [
            {"kind": "true_false", "statement": said(i), "answer": True, "explanation": said(i), "source": src(i)}
            for i in range(n)
        ],
    }


# -- shared test data ------------------------------------------------------------------------------------

TEST_KEY = "sk-test-SECRET-0123456789"


def sample_document(extra: str | None = None):
    """A small two-page document with one topic; ``extra`` adds a paragraph on page 4."""
    from pathlib import Path

    from seekh_convert.model.document import Block, BlockKind, Document, SourceKind, Topic

    blocks = [
        Block("Photosynthesis", kind=BlockKind.HEADING, page=3, level=1, section="Photosynthesis"),
        Block(
            "Photosynthesis is the process by which plants convert light energy into chemical energy. "
            "It takes place in the chloroplasts of leaf cells.",
            page=3,
            section="Photosynthesis",
        ),
        Block("Chlorophyll absorbs mostly blue and red light, which is why leaves look green to us.", page=4, section="Pigments"),
        Block(
            "1. Which pigment is green? Answer: chlorophyll is the answer to this review question.",
            kind=BlockKind.QUESTION,
            page=4,
            section="Review",
        ),
    ]
    if extra:
        blocks.append(Block(extra, page=4, section="Pigments"))
    topic = Topic(index=1, title="Photosynthesis", blocks=blocks)
    return Document(Path("biology.pdf"), SourceKind.PDF, title="Biology", blocks=blocks, topics=[topic]), topic


def offline_replies(path) -> list[dict]:
    """What a good model would answer per topic of the input ``path``: the offline engine's guide content."""
    import asyncio

    from seekh_convert.generate.offline import OfflineEngine
    from seekh_convert.pipeline import load_document

    document, engine = load_document(path), OfflineEngine()
    return [json.loads(asyncio.run(engine.generate(t, document)).content.model_dump_json()) for t in document.topics]


def topic_responder(replies: list[dict]) -> Callable[[dict], str]:
    """A responder that answers each request with the reply whose first summary quote is in its document (the
    definition may be null since issue 8)."""

    def reply(body: dict) -> str:
        text = " ".join(document_of(body).split())
        for content in replies:
            if " ".join(content["summary"]["sentences"][0]["source"]["quote"].split()) in text:
                return json.dumps(content)
        raise AssertionError("request did not carry a known topic")

    return reply


def settings_for(server: FakeOpenAIServer, tmp_path, **overrides):
    from pydantic import SecretStr

    from seekh_convert.generate.openai import EngineSettings

    values = dict(
        model="fake-model",
        base_url=server.url,
        api_key=SecretStr(TEST_KEY),
        timeout=2.0,
        max_retries=3,
        retry_wait=0.01,
        retry_max_wait=0.2,
        cache_dir=tmp_path / "cache",
        response_format="json_schema",
    )
    values.update(overrides)
    return EngineSettings(**values)


def run_engine(settings, topic, document):
    """Generate one topic with a fresh engine and close it; returns (generation, engine)."""
    import asyncio

    from seekh_convert.generate.openai import OpenAIEngine

    async def main():
        engine = OpenAIEngine.from_settings(settings)
        try:
            return await engine.generate(topic, document), engine
        finally:
            await engine.aclose()

    return asyncio.run(main())


def without_rubric() -> None:
    """A user seekh.toml (in the isolated config dir) that turns the review rubric off.

    For tests of the run's mechanics (pools, caches, transcripts) that answer with ``quoting_reply``: its items
    restate their quotes, which the rubric rightly rejects as drafts nobody would keep.
    """
    import platformdirs

    folder = Path(platformdirs.user_config_dir("seekh-convert"))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "seekh.toml").write_text("[quality]\nrubric = false\n", encoding="utf-8")
