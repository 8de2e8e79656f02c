"""Where the offline engine's weight lives during a run (issue 18): spaCy, the word lists and the language
detector's model stay out of the main process, which every input's guides pass through; an offline run
never imports the OpenAI SDK (reading the engine settings did, through the engine package)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

_CODE = """
import asyncio, json, sys
from pathlib import Path
from seekh_convert.pipeline import Converter, build_engines
out, inputs = Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]]
engine, _ = build_engines("offline", {})  # as the CLI builds them: the engine and the speech transcriber
results = asyncio.run(Converter(engine, out).convert_all(inputs))
heavy = ("spacy", "py3langid", "wordfreq", "lemminflect", "openai")
print(json.dumps({"guides": sum(len(r.guides) for r in results),
                  "loaded": sorted(m for m in heavy if m in sys.modules)}))
"""


def test_the_main_process_of_an_offline_run_holds_no_parser_word_list_or_language_model(tmp_path):
    inputs = [str(p) for p in (*sorted(SAMPLES.glob("*.pdf")), *sorted(SAMPLES.glob("*.vtt")))]
    proc = subprocess.run(
        [sys.executable, "-c", _CODE, str(tmp_path / "out"), *inputs], capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout.strip().splitlines()[-1])
    assert found["guides"] == 4
    assert found["loaded"] == []


_SENT = """
import asyncio, json, sys
from pathlib import Path
from seekh_convert.pipeline import Converter, build_engine, loader
sent = []
call = loader.DocumentLoader.call
async def recording(self, function, path, *args):
    if function.__name__ == "draft_offline":
        doc = args[0]
        sent.append([len(doc.pages), len(doc.cues), len(doc.raw_blocks), len(doc.blocks) > 0, len(doc.topics) > 0])
    return await call(self, function, path, *args)
loader.DocumentLoader.call = recording
out, inputs = Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]]
results = asyncio.run(Converter(build_engine("offline", {}), out).convert_all(inputs))
print(json.dumps({"guides": sum(len(r.guides) for r in results), "sent": sent}))
"""


def test_the_generating_worker_gets_the_document_without_its_raw_layer(tmp_path):
    """The PDF's page lines and the transcript's cues are not read by generation: they stay in the main process."""
    inputs = [str(p) for p in (*sorted(SAMPLES.glob("*.pdf")), *sorted(SAMPLES.glob("*.vtt")))]
    proc = subprocess.run(
        [sys.executable, "-c", _SENT, str(tmp_path / "out"), *inputs], capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout.strip().splitlines()[-1])
    assert found["guides"] == 4
    assert found["sent"] == [[0, 0, 0, True, True]] * 2


_PROBE = '''
import os


def kept_after_free():
    """MiB still resident after 40 blocks of 1 MiB were freed (small blocks between them stay)."""
    def rss():
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    big = b"b" * (8 << 20)
    del big  # glibc's moving threshold would now put blocks under 8 MiB in the heap
    start = rss()
    blocks, pins = [], []
    for i in range(40):
        blocks.append(bytes([i % 251]) * (1 << 20))
        pins.append(b"p" * 2000 + bytes([i]))
    del blocks
    return rss() - start


def read(path, options):
    return None
'''

_WORKER = """
import asyncio, sys
from pathlib import Path
import probe
from seekh_convert.pipeline.loader import DocumentLoader
loader = DocumentLoader(probe.read, 1)
try:
    print(asyncio.run(loader.call(probe.kept_after_free, Path("x"))))
finally:
    loader.close()
"""


def test_a_worker_gives_large_freed_blocks_back_to_the_system(tmp_path):
    """Worker processes map every block of 128 KiB or more apart from the heap: freed, it is no longer resident
    (glibc's moving threshold kept such blocks in the heap: the generating worker 142 -> 135 MiB on the demo)."""
    if not sys.platform.startswith("linux"):
        return
    (tmp_path / "probe.py").write_text(_PROBE)
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", _WORKER], capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert float(proc.stdout.strip().splitlines()[-1]) < 4


_FREEZE_PROBE = """
import gc, json, sys
from pathlib import Path
from seekh_convert.pipeline.run import Options, load_for_conversion, prepare_document
from seekh_convert.pipeline.drafting import draft_offline
options = Options()
doc = prepare_document(load_for_conversion(Path(sys.argv[1]), options), options)
import seekh_convert.pipeline.drafting as drafting
full, frozen = [], []
gc.callbacks.append(lambda phase, info: full.append(gc.get_freeze_count()) if phase == "start" and info["generation"] == 2 else None)
one_topic = drafting.draft
async def draft(*args):
    frozen.append(gc.get_freeze_count())  # when the topic starts: what the previous topics left frozen
    return await one_topic(*args)
drafting.draft = draft
drafts = draft_offline(doc, None)
print(json.dumps({"topics": len(drafts), "full": full, "frozen_after_topic": frozen, "after": gc.get_freeze_count()}))
"""


def test_the_generating_worker_keeps_the_document_and_models_out_of_every_later_collection(tmp_path):
    """After the first topic, a full collection walks only what later topics made: the document and the loaded
    models are frozen (the book's full collections cost 11.6 s of CPU before), and unfrozen at the end; and no full
    collection is forced after each topic (reference counting frees a topic's parses: 0.5 s on the book)."""
    sample = Path(__file__).resolve().parents[1] / "samples" / "therapeutic-alliance-notes.pdf"
    out = subprocess.run([sys.executable, "-c", _FREEZE_PROBE, str(sample)], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["topics"] >= 2
    assert result["frozen_after_topic"][-1] > 10_000  # a later topic's collection would skip the document and models
    assert result["after"] == 0
    assert len(result["full"]) < result["topics"]
