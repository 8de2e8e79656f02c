"""PDF block kinds: references, licence boilerplate and figure captions are marked so no item is drawn from them."""

from __future__ import annotations

import re

from seekh_convert.clean.common import section_kind, teaching_question_sections
from seekh_convert.model.document import Block, BlockKind

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


#: A numbered sub-section's title on a line of its own ("3.2.4 Molecularity of a Reaction").
_NUMBERED_LINE = re.compile(r"^\d{1,2}(?:\.\d{1,2}){1,3}\s+[A-Z][a-z]")


def _heading_kind(title: str) -> BlockKind | None:
    """References (also German titles), the source's own questions and its summaries; glossaries stay prose
    (PDF glossary lines are not split into term and definition)."""
    if _REFERENCE_HEADING.match(title):
        return BlockKind.REFERENCE
    kind = section_kind(title)
    return kind if kind in (BlockKind.REFERENCE, BlockKind.QUESTION, BlockKind.SUMMARY) else None


def assign_kinds(blocks: list[Block]) -> list[Block]:
    """Mark references, own questions, summaries, boilerplate and figure captions; fill every block's ``section``."""
    section = ""
    special: tuple[int, BlockKind] | None = None  # (heading level, kind) of the special section we are in
    headings = [(i, b.level, b.text) for i, b in enumerate(blocks) if b.kind is BlockKind.HEADING]
    teaching = teaching_question_sections(headings, [len(b.text.split()) for b in blocks])
    for index, block in enumerate(blocks):
        if block.kind is BlockKind.HEADING:
            if special is not None and block.level <= special[0]:
                special = None
            kind = None if index in teaching else _heading_kind(block.text)
            if kind is not None:
                special = (block.level, kind)
            section = block.text
            block.section = section
            continue
        block.section = section
        if special is not None and _NUMBERED_LINE.match(block.text) and len(block.text.split()) <= 12:
            special = None  # "3.2.4 Molecularity of a Reaction", a heading read as a line, ends a worked
            # example's "Solution" (set 39's NCERT chapter: the section after it was read as the example's answer)
        if special is not None:
            block.kind = special[1]
        elif _CITATION.search(block.text):
            block.kind = BlockKind.REFERENCE
        elif FIGURE_CAPTION.match(block.text):
            block.kind = BlockKind.FIGURE
        elif _BOILERPLATE.search(block.text) and len(block.text.split()) <= 40:
            block.kind = BlockKind.BOILERPLATE
    return blocks
