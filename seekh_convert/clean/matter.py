"""Front and back matter, for every input kind: tables of contents, lists of figures and tables, indexes, licence
pages and reference lists are marked so that they are never a topic nor a source of items.

Three signals, each enough on its own: a section title ("Contents", "List of Tables", "Index", "Licence",
"Inhaltsverzeichnis"...), the shape of a block (dot leaders, runs of "1.2 Title 17" entries, "term, 12, 45" index
entries), and licence vocabulary filling a page or section (a CC BY-SA page: "Share — copy and redistribute...").
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
_LEADER = re.compile(r"(?:\.\s?){4,}\s*[\dIVXLCivxlc]+|(?:\s\.){3,}|…{2,}\s*\d+")
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
    """Blocks under a contents / index / licence / references title, up to the next title of the same or a higher level."""
    kind: BlockKind | None = None
    level = 0
    for block in blocks:
        titled = _title_kind(block.text) if len(block.text.split()) <= 6 else None
        if block.kind is BlockKind.HEADING or titled is not None:
            this_level = block.level or 1
            if kind is not None and block.kind is BlockKind.HEADING and this_level <= level and titled is None:
                kind = None
            if titled is not None:
                kind, level = titled, this_level
                if block.kind is not BlockKind.HEADING:
                    block.kind = titled
            continue
        if kind is not None and block.usable:
            block.kind = kind


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


def mark_matter(blocks: list[Block]) -> list[Block]:
    """Mark the front and back matter among ``blocks`` (in place) and return them."""
    _mark_titled(blocks)
    for block in blocks:
        if block.usable and (kind := shape_kind(block.text)) is not None:
            block.kind = kind
    _mark_contents_pages(blocks)
    _mark_licence_pages(blocks)
    return blocks
