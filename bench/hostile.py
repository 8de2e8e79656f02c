"""Fuzz/soak target (issue 19): the adversarial trial's categories replayed against the CLI, one case a process.

Each case runs ``seekh-convert convert <hostile> good.md`` under a 4 GB address-space limit (as the trial did)
and records the exit code, wall time, peak RSS of the whole process tree (this process is a child subreaper, so
the fork server and reader workers are reaped here and counted), whether the good file converted and the hostile
input's line. Server cases run against the fake OpenAI-compatible server of tests/fakes. Writes a Markdown table
to stdout; ``--write`` replaces the section in bench/RESULTS.md.

    .venv/bin/python bench/hostile.py [--only NAME] [--write]
"""

from __future__ import annotations

import argparse
import ctypes
import os
import resource
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fakes import hostile_files as hostile  # noqa: E402
from fakes.openai_server import FakeOpenAIServer, Scripted  # noqa: E402

LIMIT = 4 << 30
GOOD = "# Photosynthesis\n\n" + "Plants turn light, water and carbon dioxide into sugar and oxygen in their leaves. " * 12
P = hostile._P


def _pptx(path: Path, megabytes: int) -> Path:
    from pptx import Presentation

    deck = Presentation()
    deck.slides.add_slide(deck.slide_layouts[1]).shapes.title.text = "Vectors"
    base = path.with_suffix(".base.pptx")
    deck.save(base)
    shape = b"<a:p><a:r><a:t>A vector has a magnitude and a direction.</a:t></a:r></a:p>"
    hostile._replace(base, path, "ppt/slides/slide1.xml", [b"<x>", *[shape * ((1 << 20) // len(shape))] * megabytes, b"</x>"])
    return path


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


FILES = {
    "docx-100MB-body": lambda d: hostile.docx(d / "h.docx", body=P, repeat=(100 << 20) // len(P)),
    "docx-950MB-body": lambda d: hostile.docx(d / "h.docx", body=P, repeat=(950 << 20) // len(P)),
    "pptx-100MB-slide": lambda d: _pptx(d / "h.pptx", 100),
    "pptx-950MB-slide": lambda d: _pptx(d / "h.pptx", 950),
    "epub-12MB-text-node": lambda d: hostile.epub(
        d / "h.epub", [hostile.chapter("Light makes ATP. " * 20), hostile.huge_text_chapter(12)]
    ),
    "epub-19000-chapters": lambda d: hostile.many_chapters_epub(d / "h.epub", 19_000),
    "epub-billion-laughs": lambda d: hostile.laughs_epub(d / "h.epub"),
    "zip-header-1000B-real-3.9GB": lambda d: hostile.lying_member(d / "h.docx", 1000, 3900 << 20),
    "zip-20001-parts": lambda d: hostile.many_parts(d / "h.docx"),
    "html-200MB": lambda d: hostile.sparse_page(d / "h.html", 200 << 20),
    "fifo-argument": lambda d: _fifo(d / "h.md"),
}
REPLY_OK = None  # the fake's default reply
SERVERS = {
    "server-trickle-1B-per-2s": [Scripted(content="{}", trickle=2.0)] * 5,
    "server-300MB-reply": [Scripted(filler=300 << 20)] * 5,
    "server-gzip-bomb": "bomb",
    "server-text-html-200": [Scripted(body="<html><body>Welcome to nginx!</body></html>", content_type="text/html")] * 20,
    "server-nested-json": [Scripted(content="[" * 200_000 + "]" * 200_000)] * 20,
    "server-dropped-connection": [Scripted(drop=True)] * 20,
}


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))


def _measure(args: list[str], cwd: Path, timeout: float) -> tuple[int, float, int, str]:
    """Exit code, seconds, peak RSS (bytes, largest process of the tree) and stderr of one CLI run."""
    started = time.monotonic()
    err_path = cwd / "stderr.txt"
    with err_path.open("w") as err:
        proc = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err, preexec_fn=_limits)
        deadline = started + timeout
        peak, code = 0, None
        while True:
            try:
                pid, status, usage = os.wait4(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                if time.monotonic() > deadline and code is None:
                    proc.kill()
                    code = -9
                time.sleep(0.05)
                continue
            peak = max(peak, usage.ru_maxrss * 1024)
            if pid == proc.pid:
                code = code if code is not None else os.waitstatus_to_exitcode(status)
                proc.returncode = code
    return code if code is not None else -1, time.monotonic() - started, peak, err_path.read_text()


def _line(stderr: str, server: bool) -> str:
    lines = [s for s in stderr.splitlines() if s.startswith("error:") and (server or "good.md" not in s)]
    return (lines[0] if lines else "(no error line)")[:150].replace("|", "/")


def run_case(name: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "good.md").write_text(GOOD)
        cli = [str(ROOT / ".venv/bin/seekh-convert"), "convert"]
        if name in FILES:
            made = FILES[name](folder)
            rc, seconds, peak, err = _measure([*cli, made.name, "good.md", "-o", "out", "--read-timeout", "120"], folder, 600)
        else:
            script = SERVERS[name]
            if script == "bomb":
                bomb = zlib.compressobj(9, zlib.DEFLATED, 31)
                body = bomb.compress(b"\0" * (1 << 30)) + bomb.flush()
                script = [Scripted(body=body, headers={"content-encoding": "gzip"})] * 20
            with FakeOpenAIServer() as server:
                server.script(*script)
                args = [*cli, "good.md", "-o", "out", "--engine", "openai", "--base-url", server.url, "--model", "fake-model"]
                args += ["--api-key", "test-key", "--timeout", "10", "--cache-dir", "cache"]
                rc, seconds, peak, err = _measure(args, folder, 600)
        good = any((folder / "out" / "good").glob("*/guide.json"))
        bad = "Traceback" in err or "please report" in err
        return {
            "name": name,
            "rc": rc,
            "seconds": seconds,
            "peak": peak,
            "good": good,
            "line": _line(err, name in SERVERS),
            "bad": bad,
        }


def table(rows: list[dict]) -> str:
    out = ["| case | rc | wall | peak RSS | good file | line |", "|---|---:|---:|---:|---|---|"]
    for r in rows:
        good = "converted" if r["good"] else ("n/a (server)" if r["name"].startswith("server") else "NOT converted")
        line = ("TRACEBACK " if r["bad"] else "") + r["line"]
        out.append(f"| {r['name']} | {r['rc']} | {r['seconds']:.1f} s | {r['peak'] / 2**20:.0f} MiB | {good} | {line} |")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", action="append")
    parser.add_argument("--write", action="store_true")
    options = parser.parse_args()
    ctypes.CDLL(None).prctl(36, 1)  # PR_SET_CHILD_SUBREAPER: the fork server and workers are reaped (and counted) here
    rows = []
    for name in options.only or [*FILES, *SERVERS]:
        rows.append(run_case(name))
        print(table(rows[-1:]).splitlines()[-1], flush=True)
    print(table(rows))
    if options.write:
        _write(table(rows))


def _write(text: str) -> None:
    results = ROOT / "bench" / "RESULTS.md"
    head = "## Hostile inputs and servers (issue 19, bench/hostile.py)"
    body = results.read_text()
    before = body.split(head)[0].rstrip()
    intro = (
        "Each case: `seekh-convert convert <hostile> good.md` (server cases: good.md against the fake server, "
        "`--timeout 10`), in a fresh process under a 4 GB address-space limit; peak RSS = the largest process of the "
        "tree (CLI, fork server, reader workers); rc 1 = some input failed, as expected.\n\n"
    )
    results.write_text(f"{before}\n\n{head}\n\n{intro}{text}\n")


if __name__ == "__main__":
    main()
