"""Checks before any work, each failure one line: the output folder takes files, the engine's server answers
and accepts the key (one cheap request that costs no tokens), and every input can be read.

A failing output folder or engine stops the run before it starts; an unreadable input fails on its own.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from seekh_convert.errors import InputError, SeekhError
from seekh_convert.model.engine import Engine, MeteredEngine
from seekh_convert.read import SUPPORTED
from seekh_convert.text.normalize import printable_name


@dataclass
class PreflightReport:
    problems: list[str] = field(default_factory=list)  # the run cannot start
    warnings: list[str] = field(default_factory=list)
    rejected: dict[int, str] = field(default_factory=dict)  # input index -> why it cannot be read


def check_readable(path: Path) -> None:
    """``InputError`` (one line) when ``path`` is missing, an empty folder or unreadable."""
    if not path.exists():
        raise InputError(f"{path}: no such file; check the path")
    if path.is_dir():
        raise InputError(f"{path}: folder holds no supported files ({', '.join(SUPPORTED)})")
    if not path.is_file():  # opening a named pipe (FIFO) waits for a writer forever; a device never ends
        raise InputError(f"{printable_name(str(path))}: not a regular file (a pipe, socket or device); save it as a file")
    try:
        path.open("rb").close()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}); check its permissions") from exc


def check_input(path: Path) -> None:
    """``check_readable``, and a reader exists for the file's type."""
    check_readable(path)
    if path.suffix.lower() not in SUPPORTED:
        raise InputError(f"{path.name}: unsupported file type '{path.suffix or '(none)'}'; use one of {', '.join(SUPPORTED)}")


def check_output(out_dir: Path) -> str | None:
    """Why files cannot be written into ``out_dir`` (created if missing), or None."""
    if out_dir.exists() and not out_dir.is_dir():
        return f"output {out_dir} is a file; pass a folder to -o"
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".seekh-probe-", dir=out_dir)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        return f"output folder {out_dir} is not writable ({exc.strerror or exc}); fix its permissions or pass another -o"
    return None


async def preflight(out_dir: Path, engine: Engine, paths: list[Path]) -> PreflightReport:
    """Run every check; a metered engine's ``check()`` returns warnings or raises a one-line error."""
    report = PreflightReport()
    if (problem := check_output(out_dir)) is not None:
        report.problems.append(problem)
    for i, path in enumerate(paths):
        try:
            check_input(path)
        except InputError as exc:
            report.rejected[i] = str(exc)
    if isinstance(engine, MeteredEngine):
        try:
            report.warnings += await engine.check()
        except SeekhError as exc:
            report.problems.append(str(exc))
    return report
