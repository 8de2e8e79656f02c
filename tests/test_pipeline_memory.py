"""Where the offline engine's weight lives during a run (issue 18): spaCy, the word lists and the language
detector's model stay out of the main process, which every input's guides pass through."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

_CODE = """
import asyncio, json, sys
from pathlib import Path
from seekh_convert.pipeline import Converter, build_engine
out, inputs = Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]]
results = asyncio.run(Converter(build_engine("offline", {}), out).convert_all(inputs))
heavy = ("spacy", "py3langid", "wordfreq", "lemminflect")
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
