"""Benchmarks: wall time and peak memory of whole conversions with the offline engine.

Each case runs ``seekh-convert convert`` in a fresh process (so peak RSS is the conversion's own) a few
times and reports the median. Results go to bench/RESULTS.md; run with ``make bench``.
"""

from __future__ import annotations

import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("SEEKH_CORPUS", ROOT.parent / "shared" / "corpus"))
EXE = Path(sys.executable).with_name("seekh-convert")
RUNS = int(os.environ.get("BENCH_RUNS", "3"))

CASES = {
    "samples (PDF 4 p. + VTT 6 min)": [ROOT / "samples" / "therapeutic-alliance-notes.pdf", ROOT / "samples" / "memory-lecture.vtt"],
    "3 textbook chapters (51k words)": sorted((CORPUS / "text").glob("*.md")),
    "MIT lecture (39 min, 406 cues)": [CORPUS / "transcripts" / "mit-ocw-5.111sc-lec02-atomic-structure.DERIVED.vtt"],
    "book, 352 pages": [CORPUS / "pdf" / "freeculture-352-pages.pdf"],
}


def _run(paths: list[Path]) -> tuple[float, float, int]:
    """Seconds, peak RSS in MiB, guides written."""
    with tempfile.TemporaryDirectory() as out:
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        proc = subprocess.run([str(EXE), "convert", *map(str, paths), "-o", out, "--engine", "offline"], capture_output=True, text=True)
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        if proc.returncode != 0:
            raise SystemExit(f"conversion failed: {proc.stderr[-2000:]}")
        guides = len(list(Path(out).glob("*/*/guide.json")))
    return seconds, max(peak, before) / 1024, guides


def main() -> None:
    rows = []
    for name, paths in CASES.items():
        results = [_run(paths) for _ in range(RUNS)]
        seconds = statistics.median(r[0] for r in results)
        peak = max(r[1] for r in results)
        rows.append((name, seconds, peak, results[0][2]))
        print(f"{name}: {seconds:.2f} s, peak {peak:.0f} MiB, {results[0][2]} guides", flush=True)
    lines = [
        "# Benchmarks",
        "",
        f"`make bench` on {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"offline engine, whole CLI process, median of {RUNS} runs (peak RSS is the max over processes so far).",
        "",
        "| case | wall time | peak RSS | guides |",
        "|---|---:|---:|---:|",
        *(f"| {n} | {s:.2f} s | {m:.0f} MiB | {g} |" for n, s, m, g in rows),
        "",
    ]
    (ROOT / "bench" / "RESULTS.md").write_text("\n".join(lines))


if __name__ == "__main__":
    main()
