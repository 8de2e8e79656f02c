"""Benchmarks: wall time and peak memory of whole conversions with the offline engine.

Each case runs ``seekh-convert convert`` in a fresh process (so peak RSS is the conversion's own) a few
times and reports the median. Results go to bench/RESULTS.md; run with ``make bench``.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("SEEKH_CORPUS", ROOT.parent / "shared" / "corpus"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))

CASES = {
    "samples (PDF 4 p. + VTT 6 min)": [
        ROOT / "samples" / "therapeutic-alliance-notes.pdf",
        ROOT / "samples" / "memory-lecture.vtt",
    ],
    "3 textbook chapters (51k words)": sorted((CORPUS / "text").glob("*.md")),
    "MIT lecture (39 min, 406 cues)": [CORPUS / "transcripts" / "mit-ocw-5.111sc-lec02-atomic-structure.DERIVED.vtt"],
    "book, 352 pages": [CORPUS / "pdf" / "freeculture-352-pages.pdf"],
}


# Runs the CLI in a fresh interpreter and writes that process's own peak RSS (KiB) to the file in argv[1].
_CHILD = (
    "import atexit, resource, sys\n"
    "report = sys.argv.pop(1)\n"
    "atexit.register(lambda: open(report, 'w').write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)))\n"
    "sys.argv[0] = 'seekh-convert'\n"
    "from seekh_convert.cli import main\n"
    "main()\n"
)


def _run(paths: list[Path]) -> tuple[float, float, int]:
    """Seconds, peak RSS in MiB, guides written."""
    with tempfile.TemporaryDirectory() as out:
        report = Path(out) / "maxrss"
        start = time.perf_counter()
        proc = subprocess.run(
            [
                sys.executable,
                "-c",
                _CHILD,
                str(report),
                "convert",
                *map(str, paths),
                "-o",
                f"{out}/guides",
                "--engine",
                "offline",
            ],
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - start
        if proc.returncode != 0:
            raise SystemExit(f"conversion failed: {proc.stderr[-2000:]}")
        peak = int(report.read_text()) / 1024
        guides = len(list(Path(out).glob("guides/*/*/guide.json")))
    return seconds, peak, guides


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
        f"offline engine, whole CLI process (start-up included), median of {RUNS} runs; peak RSS of that process.",
        "",
        "| case | wall time | peak RSS | guides |",
        "|---|---:|---:|---:|",
        *(f"| {n} | {s:.2f} s | {m:.0f} MiB | {g} |" for n, s, m, g in rows),
        "",
    ]
    results = ROOT / "bench" / "RESULTS.md"
    previous = results.read_text(encoding="utf-8") if results.exists() else ""
    sections = previous[previous.find("\n## ") :] if "\n## " in previous else ""  # hand-written sections stay
    text = "\n".join(lines)
    if sections:
        text += "\n" + sections.lstrip("\n")
    results.write_text(text)


if __name__ == "__main__":
    main()
