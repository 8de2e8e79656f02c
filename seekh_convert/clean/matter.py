"""Front and back matter, for every input kind: tables of contents, lists of figures and tables, indexes, licence
pages and reference lists are marked so that they are never a topic nor a source of items.

Signals, each enough on its own: a section title ("Contents", "List of Tables", "Index", "Licence",
"Inhaltsverzeichnis"...), the shape of a block (dot leaders, runs of "1.2 Title 17" entries, "term, 12, 45" index
entries), lines repeating the document's own headings (a contents list without page numbers), licence vocabulary
filling a page or section (a CC BY-SA page: "Share — copy and redistribute..."), and a copyright statement on a
short page or section (a book's copyright page). A contents region ends at the next heading or paragraph of prose.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from seekh_convert.model.document import Block, BlockKind
from seekh_convert.text.normalize import normalize_ws

_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.|chapter\s+\d+[.:]?)\s+", re.IGNORECASE)
_CONTENTS_TITLE = re.compile(
    r"^(?:(?:table of )?contents|brief contents|inhalt|inhaltsverzeichnis|list of (?:figures|tables|illustrations|plates|"
    r"maps|abbreviations|symbols|algorithms|listings)|abbildungsverzeichnis|tabellenverzeichnis|symbolverzeichnis|abkürzungsverzeichnis|verzeichnis der \w+)$",
    re.IGNORECASE,
)
_INDEX_TITLE = re.compile(r"^(?:(?:subject |author |name |general )?index|stichwortverzeichnis|sachverzeichnis|register)$", re.I)
_LICENCE_TITLE = re.compile(
    r"^(?:licen[cs]e|copyright(?: page| notice)?|legal notice|terms of use|impressum|colophon|about this licen[cs]e)$", re.I
)
_REFERENCE_TITLE = re.compile(r"^(?:references|bibliography|works cited|literature cited|literaturverzeichnis|literatur)$", re.I)
#: Dot leaders before a page number; spaced dots count only before one too, as maths writes "S[1 . . . n]" (relay
#: run 23: a problem statement read as a contents entry never reached the model).
_LEADER = re.compile(r"(?:\.\s?){4,}\s*[\dIVXLCivxlc]+|(?:\s\.){3,}\s*(?:\d{1,4}|[ivxlcIVXLC]{1,7})(?=\s|$)|…{2,}\s*\d+")
_TOC_ENTRY = re.compile(r"(?:^|\s)\d{1,2}(?:\.\d{1,2})+\.?\s+[^\d.]{3,80}?\s+\d{1,4}(?=\s|$)")
_INDEX_ENTRY = re.compile(r"[A-Za-zÀ-ÿ][^,;:.\d]{1,50},\s*\d{1,4}(?:\s*[-–]\s*\d{1,4})?(?:,\s*\d{1,4}(?:\s*[-–]\s*\d{1,4})?)*")
_LICENCE_WORD = re.compile(
    r"\b(?:share|adapt|attribution|sharealike|share-alike|share alike|noncommercial|non-commercial|noderivatives|"
    r"no derivatives|licensor|licen[cs]e[sd]?|remix|redistribute|creative commons|cc by|all rights reserved|"
    r"warranties|public domain|commercial purposes|same license|original)\b",
    re.IGNORECASE,
)
_KIND_OF_TITLE: list[tuple[re.Pattern[str], BlockKind]] = [
    (_CONTENTS_TITLE, BlockKind.CONTENTS),
    (_INDEX_TITLE, BlockKind.INDEX),
    (_LICENCE_TITLE, BlockKind.BOILERPLATE),
    (_REFERENCE_TITLE, BlockKind.REFERENCE),
]
#: Distinct licence words from which a page or section is a licence statement, not prose about licences.
LICENCE_WORDS = 5


def _title_kind(text: str) -> BlockKind | None:
    title = _NUMBERING.sub("", normalize_ws(text)).strip(" .:")
    return next((kind for pattern, kind in _KIND_OF_TITLE if pattern.match(title)), None)


def shape_kind(text: str) -> BlockKind | None:
    """CONTENTS for a block of dot leaders or "1.2 Title 17" entries, INDEX for a block of "term, 12, 45" entries."""
    words = len(text.split())
    if len(_LEADER.findall(text)) >= 2 or _LEADER.search(text) and words <= 25:
        return BlockKind.CONTENTS
    if len(_TOC_ENTRY.findall(text)) >= 3:
        return BlockKind.CONTENTS
    entries = _INDEX_ENTRY.findall(text)
    if len(entries) >= 4 and sum(len(e) for e in entries) >= 0.6 * len(text):
        return BlockKind.INDEX
    return None


def _licence_words(blocks: list[Block]) -> int:
    return len({w.lower() for b in blocks for w in _LICENCE_WORD.findall(b.text)})


def _mark_titled(blocks: list[Block]) -> None:
    """Blocks under a contents / index / licence / references title, up to the next title of the same or a higher
    level; a contents or index region also ends at any heading and at the first paragraph of prose, so a Contents
    title above a document's only headings of a lower level never swallows its body."""
    kind: BlockKind | None = None
    level = 0
    for block in blocks:
        titled = _title_kind(block.text) if len(block.text.split()) <= 6 else None
        if block.kind is BlockKind.HEADING or titled is not None:
            this_level = block.level or 1
            listing = kind in (BlockKind.CONTENTS, BlockKind.INDEX)
            if kind is not None and block.kind is BlockKind.HEADING and (this_level <= level or listing) and titled is None:
                kind = None
            if titled is not None:
                kind, level = titled, this_level
                if block.kind is not BlockKind.HEADING:
                    block.kind = titled
            continue
        if kind in (BlockKind.CONTENTS, BlockKind.INDEX) and is_prose(block.text):
            kind = None
        if kind is not None and block.usable:
            block.kind = kind


def is_prose(text: str) -> bool:
    """A paragraph of running text, never a contents or index entry: 20 words or more ending a sentence, no dot
    leaders, no page number at its end."""
    text = text.strip()
    return len(text.split()) >= 20 and text[-1:] in '.!?"”’)' and not _LEADER.search(text) and not _TRAILING_PAGE.search(text)


_TRAILING_PAGE = re.compile(r"\s\d{1,4}\s*$")


def _groups(blocks: list[Block]) -> list[list[Block]]:
    """Pages of a PDF, else sections, else the whole text."""
    key: Callable[[Block], object]
    if any(b.page is not None for b in blocks):
        key = lambda b: b.page  # noqa: E731
    else:
        key = lambda b: b.section  # noqa: E731
    groups: dict[object, list[Block]] = {}
    for b in blocks:
        groups.setdefault(key(b), []).append(b)
    return list(groups.values())


def _mark_licence_pages(blocks: list[Block]) -> None:
    """A page or section whose text is a licence statement (many distinct licence words, little else)."""
    for group in _groups(blocks):
        words = sum(len(b.text.split()) for b in group if b.usable)
        if words and _licence_words(group) >= LICENCE_WORDS and words <= 600:
            for b in group:
                if b.usable:
                    b.kind = BlockKind.BOILERPLATE


_ENTRY_LINE = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?[A-Z“\"'][^.!?]{1,80}?\s+\d{1,4}\s*$")


def _mark_contents_pages(blocks: list[Block]) -> None:
    """A page (or section) made of "Title 287" entry lines is a table of contents, even without leaders or a title."""
    for group in _groups(blocks):
        usable = [b for b in group if b.usable]
        entries = [b for b in usable if _ENTRY_LINE.match(b.text)]
        if len(entries) >= 4 and len(entries) >= 0.6 * len(usable):
            for b in usable:
                b.kind = BlockKind.CONTENTS


_COPYRIGHT = re.compile(
    r"©|\(c\)\s*\d{4}|\bcopyright\b\s*(?:©\s*)?(?:\d{4}|by\b)|all rights reserved|\bISBN(?:-1[03])?:?\s*[\d-]{10}|"
    r"no part of this (?:publication|book|work) may be|published by\b|first (?:published|edition)\b.{0,40}\d{4}|"
    r"cataloging-in-publication|printed and bound in\b",
    re.IGNORECASE,
)
#: A page or section this short holding a copyright statement is a copyright page, not content.
COPYRIGHT_PAGE_WORDS = 250


def _mark_copyright_pages(blocks: list[Block]) -> None:
    """A copyright page (a title page's section or a PDF page with two copyright statements: the copyright line,
    the publisher, "All rights reserved", an ISBN) is boilerplate as a whole, its author line and dedication too."""
    for i, group in enumerate(_groups(blocks)):
        usable = [b for b in group if b.usable]
        words = sum(len(b.text.split()) for b in usable)
        # a notice already set aside as boilerplate ("All rights reserved. No part of this book ...") still tells what
        # the page is (set 69's MIT Press page kept its ISBN and "MIT Press books may be purchased ..."), provided one
        # signal at least is in the text left: a set-aside notice alone does not make a content page a copyright page
        told = [b for b in group if b.usable or b.kind is BlockKind.BOILERPLATE]
        signals = {m.group(0).casefold()[:8] for b in told for m in _COPYRIGHT.finditer(b.text)}
        if not any(_COPYRIGHT.search(b.text) for b in usable):
            signals = set()
        # one "©" is a credit line, not a page; on a short first page before any heading it is the title page's
        # ("Procedural Due Process: The Missing Casebook Chapter", "Paul Gowder", ..., "Copyright 2013, Paul Gowder.")
        title_page = i == 0 and signals and not any(b.kind is BlockKind.HEADING for b in group)
        # four notices and more make a publisher's long page one too (set 72's Wiley page: 330 words of offices and
        # cataloguing data around "All rights reserved", the ISBNs, "first published")
        limit = COPYRIGHT_PAGE_WORDS * (2 if len(signals) >= 4 else 1)
        if usable and words <= limit and (len(signals) >= 2 or title_page):
            for b in usable:
                b.kind = BlockKind.BOILERPLATE


_HEADING_NUMBER = re.compile(r"^(?:(?:chapter|part|section|unit|lecture|module)\s+)?(?:\d+(?:\.\d+)*|[IVXLC]+)[.:)]?\s+", re.I)
#: Entries repeating the document's headings, from which a list of them is a table of contents.
CONTENTS_ENTRIES = 3


def _entry_key(text: str) -> str:
    return normalize_ws(_HEADING_NUMBER.sub("", normalize_ws(text)).rstrip(" .:0123456789")).casefold()


def _mark_heading_lists(blocks: list[Block]) -> None:
    """A table of contents without a title or page numbers (a Word or web page's list of links): a page or section
    most of whose short lines repeat the titles of the document's headings."""
    titles = {_entry_key(b.text) for b in blocks if b.kind is BlockKind.HEADING}
    titles.discard("")
    for group in _groups(blocks):
        usable = [b for b in group if b.usable]
        entries = [b for b in usable if len(b.text.split()) <= 14 and _entry_key(b.text) in titles]
        if len(entries) >= CONTENTS_ENTRIES and len(entries) >= 0.6 * len(usable):
            for b in usable:
                if not is_prose(b.text):
                    b.kind = BlockKind.CONTENTS


def mark_matter(blocks: list[Block]) -> list[Block]:
    """Mark the front and back matter among ``blocks`` (in place) and return them."""
    _mark_titled(blocks)
    for block in blocks:
        if block.usable and (kind := shape_kind(block.text)) is not None:
            block.kind = kind
    _mark_contents_pages(blocks)
    _mark_heading_lists(blocks)
    _mark_licence_pages(blocks)
    _mark_copyright_pages(blocks)
    return blocks
