"""ZIP-based inputs (Word, PowerPoint, EPUB): checked before a parser opens them, and their failures as one line.

A .docx, .pptx or .epub is a ZIP archive of XML parts. Before python-docx, python-pptx or ebooklib sees one,
it must be a readable archive whose parts do not unpack to absurd sizes (a "zip bomb" would otherwise fill
the memory); anything the parser then raises on a damaged file becomes one ``InputError`` naming the file.
"""

from __future__ import annotations

import logging
import re
import zipfile
import zlib
from pathlib import Path

from seekh_convert.errors import InputError
from seekh_convert.model.document import BlockKind, RawBlock
from seekh_convert.text.normalize import normalize_ws, printable_name

log = logging.getLogger(__name__)

#: Most bytes the parts of one archive may unpack to (counted while inflating, not taken from the headers).
MAX_UNPACKED = 1 << 30
#: Most bytes one XML part (a Word body, a slide, a chapter) may unpack to: parsed into a tree, it takes several
#: times its size in memory (64 MB is a Word document of some 20,000 pages).
MAX_XML_PART = 64 << 20
#: Most parts one archive may hold.
MAX_PARTS = 20_000
_XML_PART = re.compile(r"\.(xml|rels|xhtml|html?|opf|ncx|svg)$", re.I)
_CHUNK = 1 << 16


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
    if len(infos) > MAX_PARTS:
        raise InputError(f"{path.name} holds {len(infos):,} parts, more than {MAX_PARTS:,}; it is not a normal {what}")
    _inflate_all(path, what)


def _inflate_all(path: Path, what: str) -> None:
    """Inflate every part in small steps, counting the bytes that really come out (a header may lie about them)."""
    total = 0
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                size = 0
                xml = _XML_PART.search(info.filename) is not None
                with archive.open(info) as part:
                    while chunk := part.read(_CHUNK):
                        if xml and size == 0 and b"<!ENTITY" in chunk:
                            raise InputError(
                                f"{path.name}: its part {printable_name(info.filename)[:120]} declares XML entities "
                                f"(an entity bomb?); it is not a normal {what}"
                            )
                        size += len(chunk)
                        total += len(chunk)
                        if total > MAX_UNPACKED:
                            raise InputError(
                                f"{path.name} unpacks to more than {MAX_UNPACKED >> 20} MB; it is not a normal {what}"
                            )
                        if size > MAX_XML_PART and xml:
                            raise InputError(
                                f"{path.name}: its part {printable_name(info.filename)[:120]} unpacks to more than "
                                f"{MAX_XML_PART >> 20} MB of XML; split the {what} into smaller files"
                            )
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise InputError(
            f"{path.name} is not a readable {what} (a damaged ZIP package: {one_line(exc)}); open and save it again"
        ) from exc


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
