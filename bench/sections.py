"""Sections of bench/RESULTS.md written by the scripts other than run.py, between markers, kept by run.py."""

from __future__ import annotations

import re
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
_SECTION = re.compile(r"<!-- begin (?P<name>[\w-]+) -->\n.*?<!-- end (?P=name) -->\n", re.DOTALL)


def write_section(name: str, lines: list[str]) -> None:
    """Put ``lines`` into RESULTS.md as section ``name`` (replacing it, or appended at the end)."""
    text = RESULTS.read_text() if RESULTS.exists() else "# Benchmarks\n"
    block = f"<!-- begin {name} -->\n" + "\n".join(lines).rstrip("\n") + f"\n<!-- end {name} -->\n"
    found = next((m for m in _SECTION.finditer(text) if m["name"] == name), None)
    if found:
        text = text[: found.start()] + block + text[found.end() :]
    else:
        text = text.rstrip("\n") + "\n\n" + block
    RESULTS.write_text(text)


def kept_sections() -> list[str]:
    """The marked sections now in RESULTS.md (run.py appends them when it rewrites the file)."""
    text = RESULTS.read_text() if RESULTS.exists() else ""
    return [m.group(0) for m in _SECTION.finditer(text)]
