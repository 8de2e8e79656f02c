"""Junk sources: blocks and quotes that must never yield an item (references, credits, ToC, licences...)."""

from __future__ import annotations

import re

from seekh_convert.model.document import CONTEXT_KINDS, JUNK_KINDS, Block

_AUTHOR = r"[A-Z][\w'\u2019\-]+,\s+(?:[A-Z]\.[\s\-]*){1,3}"
_REFERENCE_ENTRY = re.compile(rf"^\s*(?:\d+\.\s*|\[\d+\]\s*)?{_AUTHOR}.*?\(\d{{4}}[a-z]?\)", re.S)
_AUTHOR_YEAR = re.compile(rf"{_AUTHOR}(?:,?\s*(?:&|and)?\s*{_AUTHOR})*\s*\(\d{{4}}[a-z]?\)\.")
_STRONG = [
    (re.compile(r"\b(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?10\.\d{4,9}/\S+", re.I), "DOI"),
    (re.compile(r"\bdoi:", re.I), "DOI"),
    (re.compile(r"\(?\b(?:image |photo |figure )?credits?\s*(?::|\bby\b)", re.I), "credit line"),
    (re.compile(r"(?:\.\s?){4,}\s*\d+\s*$|(?:\.\s?){6,}"), "table-of-contents leader"),
    # licence statements, not prose about licences (a book on copyright may discuss "all rights reserved")
    (
        re.compile(
            r"\b(?:is|are|been|be)\s+(?:licen[cs]ed|released|distributed|available)\s+under\b|"
            r"(?:\u00a9|\(c\)|\bcopyright\b)\s*(?:\d{4}|by\b).{0,120}?\ball rights reserved\b|"
            r"^\W*all rights reserved\W*$|\bCC[ -]BY(?:[ -](?:SA|NC|ND))*[ -]?\d\.\d\b|"
            r"\bcreative commons (?:attribution|licen[cs]e)\b",
            re.I | re.S,
        ),
        "licence text",
    ),
    (re.compile(r"\bISBN(?:-1[03])?:?\s*[\d\-X]{10,}", re.I), "ISBN"),
    (re.compile(r"\bRetrieved (?:from|on)\b", re.I), "retrieval note"),
    (re.compile(r"\bwhich of the following\b", re.I), "source's own question"),
]
_WEAK = [
    re.compile(r"\bet al\.", re.I),
    re.compile(r"\(\d{4}[a-z]?\)\."),
    re.compile(r"\b(?:pp?|Vol|No)\.\s*\d+", re.I),
    re.compile(r"\b\d+\s*\(\d+\),\s*\d+\s*[\u2013\-]\s*\d+"),  # 22(4), 332-339
    re.compile(r"https?://\S+"),
]


def junk_kind(blocks: list[Block]) -> str | None:
    """The junk kind of the first junk block among ``blocks`` (as classified by clean), if any.

    Context kinds (a verbless slide bullet, a formula) are not junk here: clean marks them so the offline
    engine does not draw an item from a bare label, but a model that reads the slide may rest an item on one
    ("Only one cultural parent for each cultural child"); the content checks judge that item.
    """
    for block in blocks:
        if block.kind in JUNK_KINDS and block.kind not in CONTEXT_KINDS:
            return block.kind.value
    return None


def citation_like(text: str) -> str | None:
    """Why ``text`` looks like a citation, credit, ToC line or licence, or None when it does not."""
    for pattern, why in _STRONG:
        if pattern.search(text):
            return why
    if _REFERENCE_ENTRY.search(text) or _AUTHOR_YEAR.search(text):
        return "reference entry"
    weak = sum(1 for p in _WEAK if p.search(text))
    if weak >= 2:
        return "citation"
    return None


def junk_reason(quote: str, blocks: list[Block]) -> str | None:
    """Why a quote found in ``blocks`` comes from junk: a junk block, or citation-like quote or block."""
    kind = junk_kind(blocks)
    if kind is not None:
        return f"quote lies in a {kind} block"
    why = citation_like(quote)
    if why is not None:
        return f"quote looks like a {why}"
    for block in blocks:
        if _REFERENCE_ENTRY.match(block.text):
            return "quote lies in a reference entry"
    return None
