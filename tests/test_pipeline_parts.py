"""A long document's topics drafted by the offline engine in several worker processes at once (``offline_parts``):
the same drafts as one process makes, in topic order, and only where the document is long enough to gain."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from seekh_convert.model.document import Block, Document, SourceKind, Topic
from seekh_convert.pipeline.drafting import WORDS_PER_PART, draft_offline, offline_parts
from seekh_convert.pipeline.run import Options, load_for_conversion, prepare_document

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "therapeutic-alliance-notes.pdf"


def _doc(words: int, topics: int) -> Document:
    blocks = [Block(text=" ".join(["word"] * (words // topics))) for _ in range(topics)]
    topics = [Topic(index=i + 1, title=f"T{i}", blocks=[b]) for i, b in enumerate(blocks)]
    return Document(path=Path("long.pdf"), kind=SourceKind.PDF, title="Long", blocks=blocks, topics=topics)


def test_a_document_is_drafted_in_one_process_per_forty_thousand_words_at_most_one_per_worker():
    assert offline_parts(_doc(WORDS_PER_PART - 100, 12), 4) == 1  # the demo, a lecture, a chapter: one process
    assert offline_parts(_doc(104_000, 67), 2) == 2  # the 352-page book on two cores
    assert offline_parts(_doc(104_000, 67), 4) == 3
    assert offline_parts(_doc(104_000, 67), 1) == 1
    assert offline_parts(_doc(400_000, 2), 4) == 2  # never more processes than topics


def test_drafts_made_in_parts_are_the_drafts_of_one_process_in_topic_order():
    options = Options()
    doc = prepare_document(load_for_conversion(SAMPLE, options), options)
    assert len(doc.topics) >= 2
    whole = draft_offline(doc, None)
    merged: list = [None] * len(doc.topics)
    for k in range(2):
        merged[k::2] = draft_offline(doc, None, k, 2)

    def dump(drafts):
        return [(tr.index, tr.title, tr.error, content.model_dump_json() if content else None) for tr, content in drafts]

    assert dump(merged) == dump(whole)
    assert [tr.index for tr, _ in merged] == [t.index for t in doc.topics]


_PARTS = """
import asyncio, json, os, sys
from pathlib import Path
from seekh_convert.pipeline import Converter, build_engine, drafting, loader
drafting.WORDS_PER_PART = int(sys.argv[2])
calls = []
call = loader.DocumentLoader.call
async def recording(self, function, path, *args):
    if function.__name__ == "draft_offline":
        calls.append(list(args[2:]))
    return await call(self, function, path, *args)
loader.DocumentLoader.call = recording
out = Path(sys.argv[1])
results = asyncio.run(Converter(build_engine("offline", {}), out).convert_all([Path(sys.argv[3])]))
def timeless(value):
    if isinstance(value, dict):
        return {k: timeless(v) for k, v in value.items() if k != "generated_at"}
    return [timeless(v) for v in value] if isinstance(value, list) else value
guides = {str(g.relative_to(out)): timeless(json.loads(g.read_text())) for g in sorted(out.rglob("guide.json"))}
print(json.dumps({"calls": calls, "status": [r.status.value for r in results], "guides": guides}))
"""


def _convert(tmp_path: Path, name: str, words_per_part: int) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", _PARTS, str(tmp_path / name), str(words_per_part), str(SAMPLE)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_a_run_drafts_a_long_documents_topics_in_two_workers_and_writes_the_same_guides(tmp_path):
    one = _convert(tmp_path, "one", WORDS_PER_PART)
    two = _convert(tmp_path, "two", 100)  # the sample counts as long
    assert one["calls"] == [[0, 1]]
    assert two["calls"] == [[0, 2], [1, 2]]
    assert one["status"] == two["status"] == ["success"]
    assert len(one["guides"]) >= 2
    assert two["guides"] == one["guides"]
