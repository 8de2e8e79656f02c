"""What the openai engine sends for the judged Word and PowerPoint documents, against what ``estimate`` said.

The judged exchange (../shared/judged/llm/exchange) holds a capable model's first drafts of both documents. The
fake server answers every guide request with the drafts' items whose quotes are in the requested topic (the
topics are cut as today's splitter cuts them), and every repair request with the failing items unchanged; the
real pipeline and quality gate run in between. Printed per document: source tokens (the topics' text as sent),
requests (first pass / repairs), input tokens sent (as the relay counts them, about 4 characters a token, and
with cl100k_base), the tokens of each request's ``response_format`` JSON Schema as sent (compact JSON, cl100k; an
API that bills the schema as input counts them too), the ratios to the source of the messages and of messages plus
schemas, and the estimate's requests and input tokens.

Run: ``.venv/bin/python bench/llm_tokens.py`` (needs ../shared). Another recorded run: ``SEEKH_EXCHANGE=<its
exchange folder> SEEKH_DOCUMENTS=<its documents> bench/llm_tokens.py`` (relay run 3: /work/relay-run-3/exchange and
/work/judge-docs/D); ``SEEKH_BENCH_OUT=<folder>`` keeps the guides and quality.json files the replay wrote.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
SHARED = Path(os.environ.get("SEEKH_CORPUS", ROOT.parent / "shared" / "corpus")).parent
EXCHANGE = Path(os.environ.get("SEEKH_EXCHANGE", SHARED / "judged" / "llm" / "exchange"))
DOCUMENTS = Path(os.environ.get("SEEKH_DOCUMENTS", SHARED / "judged" / "documents"))
INPUTS = (
    sorted(p.name for p in DOCUMENTS.iterdir() if p.suffix != ".md")
    if "SEEKH_DOCUMENTS" in os.environ
    else ["bios14-ch1-quantitative-analysis.docx", "esslli22-langevo-lecture3-cultural-evolution.pptx"]
)
EXE = ROOT / ".venv" / "bin" / "seekh-convert"
LISTS = ("key_takeaways", "learn_next", "prerequisites", "applications", "flashcards", "questions")


def _drafts() -> dict[str, list[dict]]:
    """The recorded first drafts (guide replies) by document title."""
    from seekh_convert.clean.common import SYMBOL_FONT

    found: dict[str, list[dict]] = {}
    for req in sorted(EXCHANGE.glob("req-*.json")):
        body = json.loads(req.read_text())
        if body["response_format"]["json_schema"]["name"] != "guide_content":
            continue
        user = body["messages"][1]["content"]
        title = user[user.rindex("<document>") :].split("<document_title>")[1].split("</document_title>")[0]
        reply = req.with_name(req.name.replace("req", "resp").replace(".json", ".txt")).read_text()
        draft = json.loads(reply.translate(SYMBOL_FONT))  # the model copied the glyphs it was sent; today's cleaner sends →
        draft["_asked"] = " ".join(user[user.rindex("<document>") :].split("<topic_title>")[1].split("</topic_title>")[0].split())
        found.setdefault(title, []).append(draft)
    return found


def _recorded_notes() -> list[tuple[str, list[str]]]:
    """The recorded replies to notes requests (map-reduce parts of a long topic) with their quotes."""
    found = []
    for req in sorted(EXCHANGE.glob("req-*.json")):
        if json.loads(req.read_text())["response_format"]["json_schema"]["name"] != "chunk_notes":
            continue
        reply = req.with_name(req.name.replace("req", "resp").replace(".json", ".txt")).read_text()
        found.append((reply, [n.get("quote", "") for n in json.loads(reply).get("notes", [])]))
    return found


def _responder(drafts: dict[str, list[dict]]):
    from fakes.openai_server import document_of, schema_kind

    from seekh_convert.text.normalize import normalize_ws

    notes = _recorded_notes()

    def reply(body: dict) -> str:
        user = body["messages"][1]["content"]  # a retry appends the feedback after the reply
        if schema_kind(body) == "chunk_notes":  # a long topic's part: the recorded notes of the part holding its quotes
            text = normalize_ws(document_of(body))
            best = max(notes, key=lambda n: sum(normalize_ws(q) in text for q in n[1]), default=None)
            return best[0] if best else json.dumps({"notes": []})
        if schema_kind(body) == "repair_items":  # the failing items unchanged
            entries = json.loads(user.split("<failing_items>")[1].split("</failing_items>")[0])
            return json.dumps({e["position"]: e["item"] for e in entries if "position" in e})
        data = user[user.rindex("<document>") :]
        text = normalize_ws(document_of(body))
        if "<document_title>" not in data:  # a section's repair: the drafts' items of that section quoting this text
            section = body["response_format"]["json_schema"]["name"].removeprefix("section_")
            every = [i for pool in drafts.values() for d in pool for i in _listed(d, section)]
            found = [i for i in every if normalize_ws(i["source"]["quote"]) in text]
            if section == "summary":
                return json.dumps({"value": {"text": " ".join(i["text"] for i in found[:3]), "sentences": found[:3]}})
            return json.dumps({"value": found[0] if section == "definition" and found else found[:3] or None})
        title = data.split("<document_title>")[1].split("</document_title>")[0]
        pool = drafts.get(title) or max(drafts.values(), key=lambda p: sum(_quoted(d, text) for d in p))  # a retitled deck
        asked = " ".join(data.split("<topic_title>")[1].split("</topic_title>")[0].split())
        same = next((d for d in pool if d["_asked"] == asked), None)
        if same is None:  # a topic retitled since (a deck's cover read whole): the draft all of whose quotes it holds
            same = next((d for d in pool if _all_quoted(d, text)), None)
        if same is not None:  # today's splitter cut this topic as the recorded run did: its first draft as it was
            return json.dumps({k: v for k, v in same.items() if k != "_asked"}, ensure_ascii=False)

        def here(item: dict) -> bool:
            return normalize_ws(item["source"]["quote"]) in text

        guide = {k: pool[0][k] for k in ("subject", "level", "study_time_minutes")}
        guide["topic"] = data.split("<topic_title>")[1].split("</topic_title>")[0][:300]
        guide["definition"] = next((d["definition"] for d in pool if d.get("definition") and here(d["definition"])), None)
        sentences = [s for d in pool for s in d["summary"]["sentences"] if here(s)][:6] or [_sentence_of(text)]
        guide["summary"] = {"text": " ".join(s["text"] for s in sentences), "sentences": sentences}
        for section in LISTS:
            guide[section] = [i for d in pool for i in d.get(section, []) if here(i)][:6]
        empty = [s for s in ("definition", *LISTS) if not guide[s]]
        guide["empty_sections"] = [{"section": s, "reason": "The source offers nothing for it."} for s in empty]
        return json.dumps(guide, ensure_ascii=False)

    return reply


def _all_quoted(draft: dict, text: str) -> bool:
    """Every quote of a recorded draft (each part of a joined one) is in ``text``."""
    from seekh_convert.text.normalize import normalize_ws

    items = [i for section in ("definition", "summary", *LISTS) for i in _listed(draft, section)]
    parts = [p for i in items for p in i["source"]["quote"].split(" … ")]
    return bool(parts) and all(normalize_ws(p) in text for p in parts)


def _quoted(draft: dict, text: str) -> int:
    """Items of a recorded draft whose quote is in ``text``."""
    from seekh_convert.text.normalize import normalize_ws

    items = [i for section in ("definition", "summary", *LISTS) for i in _listed(draft, section)]
    return sum(normalize_ws(i["source"]["quote"]) in text for i in items)


def _sentence_of(text: str) -> dict:
    """A summary sentence quoting the topic, for a topic none of the drafts' sentences is in (today's splitter cuts
    finer than the recorded run): what a model would write, so the bench does not count a repair that is ours."""
    import re

    plain = re.sub(r"\[[^\]]*\]", " ", text)
    found = [s.strip() for s in re.split(r"(?<=[.!?])\s+", plain) if len(s.split()) >= 6]
    quote = (found or [plain.strip()])[0][:300]
    return {"text": quote, "source": {"quote": quote}}


def _listed(draft: dict, section: str) -> list[dict]:
    value = draft["summary"]["sentences"] if section == "summary" else draft.get(section)
    return [value] if isinstance(value, dict) else list(value or [])


def _source_tokens(path: Path) -> int:
    from seekh_convert.generate.openai import load_settings
    from seekh_convert.generate.openai.mapreduce import plan_parts, render_part
    from seekh_convert.pipeline.run import Options, load_document
    from seekh_convert.text.tokens import count_tokens

    chunk = load_settings({"model": "x"}).chunk_tokens
    doc = load_document(path, Options(chunk_tokens=chunk))
    return sum(count_tokens(render_part(p)) for t in doc.topics for p in plan_parts(t, chunk))


def main() -> None:
    from fakes.openai_server import FakeOpenAIServer, document_of, schema_kind

    from seekh_convert.text.tokens import count_tokens

    drafts = _drafts()
    rows = []
    keep = os.environ.get("SEEKH_BENCH_OUT")
    with tempfile.TemporaryDirectory() as scratch, FakeOpenAIServer(responder=_responder(drafts), counted_usage=True) as server:
        env = {**os.environ, "OPENAI_API_KEY": "sk-bench"}
        tmp = keep or scratch
        for name in INPUTS:
            before = len(server.requests)
            args = [str(EXE), "convert", str(DOCUMENTS / name), "-o", f"{tmp}/{name}", "--model", "fake-model"]
            args += ["--base-url", server.url, "--no-cache", "--concurrency", "2"]
            subprocess.run(args, capture_output=True, text=True, env=env, check=False)
            sent = server.requests[before:]
            if os.environ.get("SEEKH_BENCH_DEBUG"):
                print(name, [schema_kind(b) for b in sent], file=sys.stderr)
                for b in sent:
                    user = b["messages"][1]["content"]
                    if "<failing_items>" in user:
                        fail = user.split("<failing_items>")[1].split("</failing_items>")[0]
                        why = [(e["position"], e["reasons"][0][:40]) for e in json.loads(fail.replace("\\u003c", "<"))]
                        print(
                            "  repair", count_tokens(user), count_tokens(fail), count_tokens(document_of(b)), why, file=sys.stderr
                        )
            repairs = sum(schema_kind(b) == "repair_items" for b in sent)
            relay = sum(len(m["content"]) for b in sent for m in b["messages"]) // 4
            tokens = sum(count_tokens(m["content"]) for b in sent for m in b["messages"])
            schema = sum(_schema_tokens(b) for b in sent)
            first_pass = sum(count_tokens(m["content"]) for b in sent if schema_kind(b) != "repair_items" for m in b["messages"])
            est = json.loads(
                subprocess.run(
                    [str(EXE), "estimate", str(DOCUMENTS / name), "--json"], capture_output=True, text=True, env=env
                ).stdout
            )["total"]
            rows.append(
                (name, _source_tokens(DOCUMENTS / name), len(sent) - repairs, repairs, relay, tokens, schema, first_pass, est)
            )
    _table(rows)


def _schema_tokens(body: dict) -> int:
    """cl100k tokens of the request's JSON Schema as it goes over the wire (httpx sends compact JSON)."""
    from seekh_convert.text.tokens import count_tokens

    rf = body.get("response_format") or {}
    schema = (rf.get("json_schema") or {}).get("schema") or rf.get("schema")
    return count_tokens(json.dumps(schema, ensure_ascii=False, separators=(",", ":"))) if schema else 0


def _table(rows: list[tuple]) -> None:
    print(
        "| input | source tokens | requests (first / repairs) | input sent (relay count) | cl100k | schemas | "
        "sent / source (first pass) | with schemas | estimate: requests, input tokens |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    total = [0.0] * 9
    for name, source, first, repairs, relay, tokens, schema, first_pass, est in rows:
        values = (source, first, repairs, relay, tokens, schema, first_pass, est["requests"], est["input_tokens"])
        total = [t + v for t, v in zip(total, values, strict=True)]
        print(_row(name, *values))
    print(_row("all", *total))
    source, first, repairs, relay, tokens, schema, first_pass, req, inp = total
    print(
        f"estimate vs sent: requests {(req - first - repairs) / (first + repairs):+.0%}, input tokens "
        f"{(inp - tokens - schema) / (tokens + schema):+.0%} (cl100k, messages and schemas)"
    )


def _row(name, source, first, repairs, relay, tokens, schema, first_pass, req, inp) -> str:
    return (
        f"| {name} | {source:,.0f} | {first:.0f} / {repairs:.0f} | {relay:,.0f} | {tokens:,.0f} | {schema:,.0f} | "
        f"{tokens / source:.2f}x ({first_pass / source:.2f}x) | {(tokens + schema) / source:.2f}x | {req:.0f}, {inp:,.0f} |"
    )


if __name__ == "__main__":
    main()
