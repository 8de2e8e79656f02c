"""Memory on a long PDF: a synthetic 1,000-page PDF converts offline with peak memory under 500 MB.

Writes the PDF (50 chapters of 20 pages, 11 pt text with an 18 pt chapter heading, deterministic prose) to a
temporary folder, converts it with ``seekh-convert convert --engine offline`` in a fresh process, measures that
process's peak RSS, and writes the figures into the "1,000-page PDF" section of bench/RESULTS.md (the rest of
the file is left as it is). Exits 1 when the conversion fails or the peak reaches the limit.

    .venv/bin/python bench/big_pdf.py [--pages 1000]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIMIT_MIB = 500
SECTION = "## 1,000-page PDF"

_CHILD = (
    "import atexit, resource, sys\n"
    "report = sys.argv.pop(1)\n"
    "atexit.register(lambda: open(report, 'w').write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)))\n"
    "sys.argv[0] = 'seekh-convert'\n"
    "from seekh_convert.cli import main\n"
    "main()\n"
)

_NOUNS = """cell membrane protein enzyme molecule tissue organ signal receptor channel gradient pathway
    nucleus ribosome vesicle hormone neuron synapse muscle fibre vessel valve lung kidney liver gene""".split()
_VERBS = "controls moves carries blocks releases stores builds breaks binds shapes".split()
_ADJECTIVES = "small large active passive inner outer rapid slow stable fragile".split()


def _chapter_text(rng: random.Random, chapter: int, words: int) -> list[str]:
    """Paragraphs of plain prose for one chapter: definitions of its own terms, then facts that use them."""
    terms = [f"{rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)} type {chapter}-{i}" for i in range(6)]
    paragraphs, count = [], 0
    while count < words:
        sentences = []
        for _ in range(5):
            term, other = rng.sample(terms, 2)
            kind = rng.random()
            if kind < 0.3:
                sentence = f"A {term} is a {rng.choice(_NOUNS)} that {rng.choice(_VERBS)} the {rng.choice(_NOUNS)}."
            elif kind < 0.6:
                sentence = (
                    f"The {term} {rng.choice(_VERBS)} the {other} when the {rng.choice(_NOUNS)} is {rng.choice(_ADJECTIVES)}."
                )
            else:
                sentence = (
                    f"Because the {term} {rng.choice(_VERBS)} the {rng.choice(_NOUNS)}, the {other} "
                    f"{rng.choice(_VERBS)} the {rng.choice(_NOUNS)} in the {rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)}."
                )
            sentences.append(sentence[0].upper() + sentence[1:])
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return paragraphs


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _page_stream(heading: str | None, lines: list[str], number: int) -> bytes:
    parts = ["BT"]
    y = 740
    if heading:
        parts.append(f"/F1 18 Tf 1 0 0 1 72 {y} Tm ({_escape(heading)}) Tj")
        y -= 36
    parts.append("/F1 11 Tf")
    for line in lines:
        parts.append(f"1 0 0 1 72 {y} Tm ({_escape(line)}) Tj")
        y -= 14
    parts.append(f"/F1 9 Tf 1 0 0 1 300 40 Tm ({number}) Tj ET")
    return "\n".join(parts).encode("latin-1")


def write_pdf(path: Path, pages: int = 1000, per_chapter: int = 20) -> None:
    """A text PDF of ``pages`` pages, written object by object (streamed to disk, never whole in memory)."""
    rng = random.Random(1000)
    lines_per_page = 48
    chapters = (pages + per_chapter - 1) // per_chapter
    font, pages_obj, first_page = 1, 2, 4
    offsets: list[int] = []
    with path.open("wb") as out:
        out.write(b"%PDF-1.4\n")

        def obj(number: int, body: bytes) -> None:
            while len(offsets) < number:
                offsets.append(0)
            offsets[number - 1] = out.tell()
            out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")

        obj(font, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        number = 0
        for chapter in range(1, chapters + 1):
            text = _chapter_text(rng, chapter, words=per_chapter * lines_per_page * 12)
            lines = [line for para in text for line in [*textwrap.wrap(para, 92), ""]]
            for k in range(per_chapter):
                if number == pages:
                    break
                number += 1
                heading = f"Chapter {chapter}: Body systems {chapter}" if k == 0 else None
                body = lines[k * lines_per_page : (k + 1) * lines_per_page - (3 if heading else 0)]
                stream = _page_stream(heading, body, number)
                page_id = first_page + 2 * (number - 1)
                obj(
                    page_id,
                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 1 0 R >> >> "
                    b"/Contents %d 0 R >>" % (page_id + 1),
                )
                obj(page_id + 1, b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids = b" ".join(b"%d 0 R" % (first_page + 2 * i) for i in range(number))
        obj(pages_obj, b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % number)
        obj(3, b"<< /Type /Catalog /Pages 2 0 R >>")
        xref = out.tell()
        out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1))
        out.write(b"".join(b"%010d 00000 n \n" % o for o in offsets))
        out.write(b"trailer\n<< /Size %d /Root 3 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(offsets) + 1, xref))


def convert(pdf: Path, out: Path) -> tuple[float, float, int, str]:
    """Seconds, peak RSS (MiB), guides written, stderr tail of one offline conversion in a fresh process."""
    report = out / "maxrss"
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, str(report), "convert", str(pdf), "-o", str(out / "guides"), "--engine", "offline"],
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"conversion failed ({proc.returncode}): {proc.stderr[-3000:]}")
    guides = len(list((out / "guides").glob("*/*/guide.json")))
    return seconds, int(report.read_text()) / 1024, guides, proc.stderr


def _write_results(pages: int, size: int, seconds: float, peak: float, guides: int) -> None:
    path = ROOT / "bench" / "RESULTS.md"
    text = path.read_text() if path.exists() else "# Benchmarks\n"
    section = "\n".join(
        [
            SECTION,
            "",
            f"`bench/big_pdf.py` on {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}: "
            f"a synthetic {pages:,}-page text PDF ({size / 1e6:.1f} MB, 50 chapters), converted offline in a fresh "
            "process; peak RSS of that process.",
            "",
            "| pages | wall time | peak RSS | limit | guides |",
            "|---:|---:|---:|---:|---:|",
            f"| {pages:,} | {seconds:.1f} s | {peak:.0f} MiB | {LIMIT_MIB} MiB | {guides} |",
            "",
        ]
    )
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.S | re.M)
    text = pattern.sub(lambda _: section + "\n", text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
    path.write_text(text.rstrip("\n") + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / f"synthetic-{args.pages}-pages.pdf"
        write_pdf(pdf, args.pages)
        seconds, peak, guides, _ = convert(pdf, Path(folder))
        size = pdf.stat().st_size
    print(f"{args.pages} pages ({size / 1e6:.1f} MB): {seconds:.1f} s, peak {peak:.0f} MiB, {guides} guides", flush=True)
    if args.pages == 1000:
        _write_results(args.pages, size, seconds, peak, guides)
    if peak >= LIMIT_MIB:
        raise SystemExit(f"peak memory {peak:.0f} MiB is not under {LIMIT_MIB} MiB")


if __name__ == "__main__":
    main()
