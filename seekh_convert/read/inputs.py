"""Which files a run reads: folders expanded, and every file left out listed with its reason.

Files named on the command line are always attempted (an unsupported one gets its own error). Inside a
folder, a file is left out when it is hidden, excluded by ``--include``/``--exclude`` globs, of a type no
reader handles (audio and video say so), a byte-for-byte copy of a file already in the run (converted
once, under the first name), a symbolic link to a folder or to a file outside the folder (never followed), or
something a run wrote (the output folder, or the outputs of an earlier run in the same folder). Nothing is left
out silently: each gets a ``Skipped`` line (an output folder one line for all its files).
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from pathlib import Path

from seekh_convert.files import sha256_file
from seekh_convert.read import SUPPORTED
from seekh_convert.text.normalize import printable_name

#: The run-state folder every output folder holds (``pipeline.manifest.STATE_DIR``): it marks an output folder.
_STATE = ".seekh"
#: What a run writes at the top of its output folder (the rest goes into one folder per input, with an index.json).
_RUN_FILES = frozenset({"report.md", "report.json", "index.html", "qa.html"})


@dataclass(frozen=True)
class Skipped:
    """A file a run does not convert, and why (one line naming the file)."""

    path: Path
    reason: str


@dataclass(frozen=True)
class Selection:
    """``--include`` / ``--exclude`` globs, matched against a file's path inside its folder and its name."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def reason(self, relative: str) -> str | None:
        name = relative.rsplit("/", 1)[-1]
        hits = lambda globs: [g for g in globs if fnmatch.fnmatch(relative, g) or fnmatch.fnmatch(name, g)]  # noqa: E731
        excluded = hits(self.exclude)
        if excluded:
            return f"excluded by --exclude '{excluded[0]}'"
        if self.include and not hits(self.include):
            return "not matched by --include " + " ".join(f"'{g}'" for g in self.include)
        return None


def find_inputs(
    paths: list[Path], selection: Selection | None = None, *, output: Path | None = None
) -> tuple[list[Path], list[Skipped]]:
    """The files to convert, in order (folders recursively, sorted), and the files left out with their reasons;
    ``output``: the run's output folder, never read even when it is (or is inside) an input folder."""
    selection = selection or Selection()
    found: list[Path] = []
    skipped: list[Skipped] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        inside = _folder(path, selection, skipped, output.resolve() if output is not None else None)
        found.extend(inside or [path])  # a folder with nothing to convert stays, to be reported
    return _unique(found, skipped)


def _folder(folder: Path, selection: Selection, skipped: list[Skipped], output: Path | None) -> list[Path]:
    out: list[Path] = []
    outputs: set[Path] = set()  # output folders met, each reported once
    for path in sorted(folder.rglob("*")):
        if any(parent in outputs and parent != folder for parent in path.parents):
            continue  # inside an output folder already reported
        written = _run_output(path, folder, output)
        if written is not None:
            if written not in outputs:
                outputs.add(written)
                what = "output files of a run" if written == folder else "an output folder of a run"
                skipped.append(Skipped(written, f"{_shown(folder, written)}: {what} (report, guides, site), not read"))
            continue
        if path.is_symlink() and (why := _link_reason(folder, path)):
            skipped.append(Skipped(path, f"{_shown(folder, path)}: {why}"))
            continue
        relative = path.relative_to(folder)
        hidden = next((i for i, part in enumerate(relative.parts) if part.startswith(".")), None)
        if hidden is not None:
            if hidden == len(relative.parts) - 1:  # the hidden file or folder itself; not what is inside
                kind = "folder" if path.is_dir() else "file"
                skipped.append(Skipped(path, f"{_shown(folder, path)}: hidden {kind}, skipped"))
            continue
        if not path.is_file():
            continue
        why = selection.reason(relative.as_posix()) or _type_reason(path)
        if why:
            skipped.append(Skipped(path, f"{_shown(folder, path)}: {why}"))
        else:
            out.append(path)
    return out


def _run_output(path: Path, folder: Path, output: Path | None) -> Path | None:
    """The output folder (this run's ``output``, or one marked by its run-state folder) that ``path`` was written
    into, if any; in an input folder that is also an output folder, only what runs write there counts."""
    for parent in path.parents:
        if (parent / _STATE).is_dir() or (output is not None and parent.resolve() == output):
            parts = path.relative_to(parent).parts
            if parent != folder:
                return parent
            if (len(parts) == 1 and parts[0] in _RUN_FILES) or (parent / parts[0] / "index.json").is_file():
                return parent
        if parent == folder:
            return None
    return None


def _link_reason(folder: Path, path: Path) -> str | None:
    """Why a symbolic link is not followed (a folder, a loop, a file outside the folder), or None."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return "broken symbolic link or link loop, skipped"
    if target.is_dir():
        return "symbolic link to a folder, not followed"
    if not target.is_relative_to(folder.resolve()):
        return "symbolic link to a file outside the folder, not followed"
    return None


def _type_reason(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in SUPPORTED:
        return None
    return f"unsupported file type '{suffix or '(none)'}' (supported: {', '.join(SUPPORTED)})"


def _unique(paths: list[Path], skipped: list[Skipped]) -> tuple[list[Path], list[Skipped]]:
    """Drop byte-for-byte copies: the first file with some content is converted, later copies are listed."""
    seen: dict[str, Path] = {}
    out: list[Path] = []
    for path in paths:
        try:
            digest = sha256_file(path) if path.is_file() else None
        except OSError:
            digest = None  # unreadable: load_document reports it
        if digest is not None and digest in seen:
            skipped.append(
                Skipped(path, f"{printable_name(path.name)}: same content as {printable_name(seen[digest].name)}, converted once")
            )
            continue
        if digest is not None:
            seen[digest] = path
        out.append(path)
    return out, skipped


def _shown(folder: Path, path: Path) -> str:
    if path == folder:
        return printable_name(folder.name or str(folder))
    return printable_name(f"{folder.name}/{path.relative_to(folder).as_posix()}")
