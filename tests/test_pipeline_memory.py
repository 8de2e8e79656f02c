"""Where the offline engine's weight lives during a run (issue 18): spaCy, the word lists and the language
detector's model stay out of the main process, which every input's guides pass through; an offline run
never imports the OpenAI SDK (reading the engine settings did, through the engine package)."""

from __future__ import annotations

import json
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
