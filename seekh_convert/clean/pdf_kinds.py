"""PDF block kinds: references, licence boilerplate and figure captions are marked so no item is drawn from them."""

from __future__ import annotations

import re

from ..document import Block, BlockKind

_REFERENCE_HEADING = re.compile(
    r"^(\d+(\.\d+)*\.?\s+)?(references|bibliography|works cited|literature( cited)?|sources|further reading|"
    r"notes|endnotes|literatur(verzeichnis)?|quellen)$",
    re.IGNORECASE,
)
_CITATION = re.compile(
    r"^(\[\d+\]\s*)?[A-Z][\w'\u2019\u00c0-\u024f-]+,\s+(?:[A-Z]\.\s*(?:-\s*)?)+.{0,300}?\((?:19|20)\d\d[a-z]?\)"
    r"|^\[\d+\]\s+.{0,200}(?:19|20)\d\d"
    r"|\bdoi:\s*10\.\d{4,}|\bhttps?://doi\.org/",
)
_BOILERPLATE = re.compile(
    r"\u00a9|\(c\)\s*\d{4}|copyright\s+(\(c\)|\d{4})|all rights reserved|creative commons|\bCC[ -]+BY\b|licen[cs]ed under|"
    r"this (work|document) is licen[cs]ed|permission is granted",
    re.IGNORECASE,
)
FIGURE_CAPTION = re.compile(
    r"^(figure|fig\.|table|image|photo|illustration|abbildung|abb\.|tabelle)\s*[\dIVX]+[\d.\-:a-z]*([.:)\u2013\u2014]|\s*$)"
    r"|^\(?(photo |image )?credit[s]?\s*[:(]|^(photo|image) (by|courtesy)\b|^source:\s",
    re.IGNORECASE,
)


def assign_kinds(blocks: list[Block]) -> list[Block]:
    """Mark references, boilerplate and figure captions; fill every block's ``section``."""
    section = ""
    in_refs: int | None = None  # heading level of the References section we are in
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            if in_refs is not None and block.level <= in_refs:
                in_refs = None
            if _REFERENCE_HEADING.match(block.text):
                in_refs = block.level
            section = block.text
            block.section = section
            continue
        block.section = section
        if in_refs is not None or _CITATION.search(block.text):
            block.kind = BlockKind.REFERENCE
        elif FIGURE_CAPTION.match(block.text):
            block.kind = BlockKind.FIGURE
        elif _BOILERPLATE.search(block.text) and len(block.text.split()) <= 40:
            block.kind = BlockKind.BOILERPLATE
    return blocks
