"""Slide-deck raw blocks -> ``Block``s that cite their slide.

Besides the section rules every structured source gets (``clean.markdown.build_blocks``), a deck needs three
things only the whole deck shows: text repeated on most slides (a footer typed into a text box, a course
name, a logo caption) is dropped; a title repeated on the next slide ("Models", "Models (cont.)") continues
the section instead of starting a new one, so slide titles drive segmentation without cutting a topic per
slide; licence and acknowledgement slides or notes (Creative Commons, copyright) are never a source.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from typing import Annotated

from seekh_convert.clean.markdown import build_blocks
from seekh_convert.clean.structured import plain_text
from seekh_convert.errors import InputError
from seekh_convert.model.document import BlockKind, Document, RawBlock
from seekh_convert.text.words import key_string

_CONTINUED = re.compile(r"\s*(\((?:cont(?:inued|'d|\.)?)\)|[-–:]?\s*cont(?:inued|'d|\.)|\(\d+\)|\d+/\d+)\s*$", re.I)
_CREDIT_TITLE = re.compile(
    r"^(?:(?:acknowledge?ments?|credits?|licen[cs]es?|copyright|attributions?)\b.*|(?:thank you|thanks|(?:any )?questions)\W*)$",
    re.I,
)
_LICENCE_TEXT = re.compile(r"creative commons|\bcc[- ]by\b|copyright\s*(?:©|\(c\)|\d{4})|©\s*\d{4}|all rights reserved", re.I)


class SlidesCleaner:
    """Fill ``doc.blocks`` from a deck's raw blocks (each carrying its slide number)."""

    repeated_share: Annotated[float, "text on at least this share of the slides (and 3 or more) is page furniture"] = 0.5
    repeated_words: Annotated[int, "only text this short counts as furniture"] = 15

    def __call__(self, doc: Document) -> Document:
        raw = self._drop_repeated(doc.raw_blocks)
        raw = _continue_titles(raw)
        raw = _mark_credits(raw)
        doc.blocks = build_blocks(raw, strip=plain_text)
        if not any(b.text for b in doc.blocks if b.kind is not BlockKind.HEADING):
            raise InputError(f"{doc.path.name}: no text found on any slide; the deck holds only pictures (export its text)")
        doc.title = doc.title or next((b.text for b in doc.blocks if b.kind is BlockKind.HEADING), "") or doc.path.stem
        return doc

    def _drop_repeated(self, raw: list[RawBlock]) -> list[RawBlock]:
        slides = {b.slide for b in raw if b.slide is not None}
        on = Counter(
            key for key, _ in {(key_string(b.text), b.slide) for b in raw if _furniture_candidate(b, self.repeated_words)}
        )
        limit = max(3, self.repeated_share * len(slides))
        repeated = {k for k, n in on.items() if k and n >= limit}
        return [b for b in raw if not (_furniture_candidate(b, self.repeated_words) and key_string(b.text) in repeated)]


def _furniture_candidate(block: RawBlock, max_words: int) -> bool:
    return block.kind is not BlockKind.HEADING and not block.notes and len(block.text.split()) <= max_words


def _continue_titles(raw: list[RawBlock]) -> list[RawBlock]:
    """Drop a slide title that repeats the previous slide's title: the section goes on."""
    out: list[RawBlock] = []
    previous = ""
    for block in raw:
        if block.kind is BlockKind.HEADING:
            key = key_string(_CONTINUED.sub("", block.text))
            if key and key == previous:
                continue
            previous = key
        out.append(block)
    return out


def _mark_credits(raw: list[RawBlock]) -> list[RawBlock]:
    """Acknowledgement / licence / thank-you slides, and licence lines anywhere (notes too), become boilerplate."""
    credit_slides = {b.slide for b in raw if b.kind is BlockKind.HEADING and _CREDIT_TITLE.match(b.text)}
    out = []
    for block in raw:
        if block.kind is not BlockKind.HEADING and (block.slide in credit_slides or _LICENCE_TEXT.search(block.text)):
            block = dataclasses.replace(block, kind=BlockKind.BOILERPLATE, forced=True)
        out.append(block)
    return out
