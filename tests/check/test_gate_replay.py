"""The judged LLM run replayed: does the gate leave alone what a teacher keeps? (corpus-dependent)

The Word and PowerPoint documents of ``../shared/judged/documents`` are converted with ``--engine openai``
through the fake server (real HTTP). Guide requests are answered with the capable model's recorded first
drafts (``judged/llm/exchange``, matched by topic title); repair requests with the failing items unchanged, so
nothing a repair writes can hide what the gate did. Of the first-draft cards and questions the teacher keeps
(``judged/llm/judged-llm-items.jsonl``), at most 10% may be flagged or changed; every published summary
paragraph says its sentences.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from conftest import ROOT
from fakes.openai_server import FakeOpenAIServer, schema_kind
from typer.testing import CliRunner

from seekh_convert.cli import app
from seekh_convert.text.words import key_string

pytestmark = pytest.mark.corpus
_SHARED = Path(os.environ.get("SEEKH_CORPUS", ROOT.parent / "shared" / "corpus")).parent
JUDGED = Path(os.environ.get("SEEKH_JUDGED", _SHARED / "judged"))
EXCHANGE = JUDGED / "llm" / "exchange"
DOCUMENTS = ("bios14-ch1-quantitative-analysis.docx", "esslli22-langevo-lecture3-cultural-evolution.pptx")
_TITLE = re.compile(r"^<topic_title>([^<\n]*)</topic_title>", re.MULTILINE)
_PROMPT_FIELDS = ("front", "back", "statement", "question", "answer", "options", "text", "title", "topic")


def _title(body: dict) -> str | None:
    for message in body.get("messages", []):
        if message.get("role") == "user" and (m := _TITLE.search(message.get("content") or "")):
            return " ".join(m.group(1).split())
    return None


def _first_drafts() -> dict[str, dict]:
    """Topic title -> the model's recorded first draft (the replies to the recorded guide requests)."""
    drafts = {}
    for request in sorted(EXCHANGE.glob("req-*.json")):
        body = json.loads(request.read_text(encoding="utf-8"))
        if schema_kind(body) != "guide_content":
            continue
        reply = (EXCHANGE / request.name.replace("req-", "resp-").replace(".json", ".txt")).read_text(encoding="utf-8")
        drafts[_title(body)] = json.loads(reply)
    return drafts


def _item(draft: dict, position: str) -> dict:
    if position == "definition":
        return draft["definition"]
    section, index = position.rsplit("_", 1)
    items = draft["summary"]["sentences"] if section == "summary" else draft[section]
    return items[int(index)]


def replay_responder(drafts: dict[str, dict]):
    """Guide requests: the recorded first draft of the topic; repair requests: the failing items unchanged."""

    def reply(body: dict) -> str:
        title = _title(body)
        assert title in drafts, f"no recorded draft for topic {title!r}"
        draft = drafts[title]
        if schema_kind(body) == "guide_content":
            return json.dumps(draft)
        positions = body["response_format"]["json_schema"]["schema"]["properties"]
        return json.dumps({p: _item(draft, p) for p in positions})

    return reply


def _said(item: dict) -> str:
    """The text of an item a student sees, for matching a published item with the first draft."""
    return key_string(" ".join(json.dumps(item.get(k), ensure_ascii=False) for k in _PROMPT_FIELDS if k in item))


@pytest.fixture(scope="module")
def replayed(tmp_path_factory):
    if not EXCHANGE.is_dir():
        pytest.skip(f"the judged LLM exchange is not at {EXCHANGE} (../shared absent)")
    out = tmp_path_factory.mktemp("replay")
    with FakeOpenAIServer(api_key="sk-replay", responder=replay_responder(_first_drafts())) as server:
        for name in DOCUMENTS:
            args = ["convert", str(JUDGED / "documents" / name), "-o", str(out), "--model", "fake-model"]
            args += ["--base-url", server.url, "--api-key", "sk-replay", "--cache-dir", str(out / ".cache")]
            result = CliRunner().invoke(app, args)
            assert result.exit_code == 0, result.output
    return out


def test_replay_leaves_what_teachers_keep(replayed):
    rows = [json.loads(line) for line in (JUDGED / "llm" / "judged-llm-items.jsonl").read_text().splitlines()]
    keeps = [r for r in rows if r["verdict_original"] == "keep"]
    touched = []
    for row in keeps:
        folder = next(replayed.glob(f"*/{row['topic_folder']}"))
        guide = json.loads((folder / "guide.json").read_text())
        quality = json.loads((folder / "quality.json").read_text())
        published = {_said(i) for i in guide[row["section"]]}
        index = row.get("original_index", row["index"])
        flagged = [
            f
            for f in quality["findings"]
            if (f["section"], f["index"]) == (row["section"], index) and f["action"] not in ("fixed",)
        ]
        if _said(row["original_item"]) not in published or flagged:
            touched.append((row["judgment_ref"], [f["reason"] for f in flagged]))
    assert len(keeps) >= 30
    assert len(touched) <= 0.10 * len(keeps), touched


def test_replay_publishes_summary_paragraphs_that_say_their_sentences(replayed):
    guides = sorted(replayed.glob("*/*/guide.json"))
    assert len(guides) == 6
    for path in guides:
        summary = json.loads(path.read_text())["summary"]
        paragraph = key_string(summary["text"])
        assert all(key_string(s["text"]) in paragraph for s in summary["sentences"]), path
