"""Issue 17: none of the items a teacher dropped from the offline engine's drafts (../shared/judged/offline/) is
produced again as it was; the items the teacher kept that are still produced are counted (reported, not asserted)."""

from __future__ import annotations

import asyncio
import json

import pytest
from conftest import CORPUS

from seekh_convert.generate.offline import OfflineEngine
from seekh_convert.pipeline import load_document

pytestmark = pytest.mark.corpus

JUDGED = CORPUS.parent / "judged"


def identity(section: str, item: dict) -> tuple:
    """What makes an item "the same as it was": its section and its words (not its position)."""
    words = [item.get(k) for k in ("kind", "front", "back", "question", "statement", "answer", "answer_index")]
    return (section, *words, tuple(item.get("options") or ()))


async def _produced(doc) -> set[tuple]:
    engine = OfflineEngine()
    out: set[tuple] = set()
    try:
        for topic in doc.topics:
            content = (await engine.generate(topic, doc)).content
            for section in ("flashcards", "questions"):
                out |= {identity(section, m.model_dump(mode="json")) for m in getattr(content, section)}
    finally:
        await engine.aclose()
    return out


@pytest.fixture(scope="module")
def judged() -> tuple[list[dict], set[tuple]]:
    if not (JUDGED / "offline" / "judged-items.jsonl").is_file():
        pytest.skip(f"teacher-judged drafts not found at {JUDGED} (../shared absent)")
    rows = [json.loads(line) for line in (JUDGED / "offline" / "judged-items.jsonl").read_text().splitlines() if line]
    produced: set[tuple] = set()
    for name in sorted({r["document"] for r in rows}):
        produced |= asyncio.run(_produced(load_document(JUDGED / "documents" / name)))
    return rows, produced


def test_no_dropped_item_is_produced_again(judged):
    rows, produced = judged
    dropped = [r for r in rows if r["verdict"] == "drop"]
    assert len(dropped) == 59
    again = [r["judgment_ref"] for r in dropped if identity(r["section"], r["item"]) in produced]
    assert not again, again


def test_kept_items_still_produced(judged, capsys):
    rows, produced = judged
    kept = [r for r in rows if r["verdict"] == "keep"]
    still = [r["judgment_ref"] for r in kept if identity(r["section"], r["item"]) in produced]
    with capsys.disabled():
        print(f"\nteacher-kept items still produced as they were: {len(still)} of {len(kept)}: {still}")
    assert len(kept) == 19
