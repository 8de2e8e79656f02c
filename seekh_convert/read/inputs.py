"""Which files a run reads: folders expanded, and every file left out listed with its reason.

Files named on the command line are always attempted (an unsupported one gets its own error). Inside a
folder, a file is left out when it is hidden, excluded by ``--include``/``--exclude`` globs, of a type no
reader handles (audio and video say so), or a byte-for-byte copy of a file already in the run (converted
once, under the first name). Nothing is left out silently: each gets a ``Skipped`` line.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from pathlib import Path

from seekh_convert.files import sha256_file
from seekh_convert.read import SUPPORTED


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


def find_inputs(paths: list[Path], selection: Selection | None = None) -> tuple[list[Path], list[Skipped]]:
    """The files to convert, in order (folders recursively, sorted), and the files left out with their reasons."""
    selection = selection or Selection()
    found: list[Path] = []
    skipped: list[Skipped] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        inside = _folder(path, selection, skipped)
        found.extend(inside or [path])  # a folder with nothing to convert stays, to be reported
    return _unique(found, skipped)


def _folder(folder: Path, selection: Selection, skipped: list[Skipped]) -> list[Path]:
    out: list[Path] = []
    for path in sorted(folder.rglob("*")):
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
            skipped.append(Skipped(path, f"{path.name}: same content as {seen[digest].name}, converted once"))
            continue
        if digest is not None:
            seen[digest] = path
        out.append(path)
    return out, skipped


def _shown(folder: Path, path: Path) -> str:
    return f"{folder.name}/{path.relative_to(folder).as_posix()}"
