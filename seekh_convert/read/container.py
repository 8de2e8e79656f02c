"""ZIP-based inputs (Word, PowerPoint, EPUB): checked before a parser opens them, and their failures as one line.

A .docx, .pptx or .epub is a ZIP archive of XML parts. Before python-docx, python-pptx or ebooklib sees one,
it must be a readable archive whose parts do not unpack to absurd sizes (a "zip bomb" would otherwise fill
the memory); anything the parser then raises on a damaged file becomes one ``InputError`` naming the file.
"""

from __future__ import annotations

import logging
import re
import zipfile
from pathlib import Path

from seekh_convert.errors import InputError
from seekh_convert.model.document import BlockKind, RawBlock
from seekh_convert.text.normalize import normalize_ws

log = logging.getLogger(__name__)

#: Most bytes the parts of one archive may unpack to.
MAX_UNPACKED = 1 << 30
#: Most parts one archive may hold.
MAX_PARTS = 20_000


def check_archive(path: Path, what: str) -> None:
    """Raise ``InputError`` unless ``path`` is a readable ZIP archive of sane size (``what``: "Word document"...)."""
    if path.stat().st_size == 0:
        raise InputError(f"{path.name} is empty (0 bytes); export the {what} again")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise InputError(
            f"{path.name} is not a readable {what} (not a ZIP package: {one_line(exc)}); open and save it again"
        ) from exc
    if len(infos) > MAX_PARTS or sum(i.file_size for i in infos) > MAX_UNPACKED:
        raise InputError(f"{path.name} unpacks to more than {MAX_UNPACKED >> 20} MB; it is not a normal {what}")


def damaged(path: Path, what: str, exc: BaseException) -> InputError:
    """The one-line error for a file its parser could not read (the traceback goes to the debug log)."""
    log.debug("cannot parse %s", path, exc_info=exc)
    return InputError(f"{path.name} is damaged or not a valid {what} ({one_line(exc)}); open it and save it again")


def one_line(exc: BaseException) -> str:
    """An exception as a short single line."""
    return (normalize_ws(str(exc)) or type(exc).__name__)[:160]


def package_title(declared: str | None, blocks: list[RawBlock], placeholder: str) -> str:
    """The title a package declares (its core properties), unless it is an application's placeholder (``placeholder``:
    a regex, e.g. "untitled"); else its first heading."""
    title = normalize_ws(declared or "")
    if title and not re.search(placeholder, title, re.I):
        return title
    return next((b.text for b in blocks if b.kind is BlockKind.HEADING), "")
