"""Clean a PDF's raw lines into plain-text blocks: furniture out, paragraphs and headings back in."""

from __future__ import annotations

import dataclasses
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Annotated

from seekh_convert.clean.common import dehyphenate, normalize_text
from seekh_convert.document import Block, BlockKind, Document, Line, normalize_ws

_DIGITS = re.compile(r"\d+")
_EDGE_ROMAN = re.compile(r"^[ivxlcdm]+\b|\b[ivxlcdm]+$")
_PAGE_NUMBER = re.compile(
    r"^[-\u2013\u2014(\[]?\s*(page|p\.|seite)?\s*(\d{1,4}|[ivxlcdm]{1,7})(\s*(/|of|von)\s*\d{1,4})?\s*[-\u2013\u2014)\]]?$",
    re.IGNORECASE,
)
_CROP_MARK = re.compile(r"^[SR]?\d{1,2}[SR]?$")
_SLUG = re.compile(r"\.(qxd|qxp|indd|fm)\b.*\d|^\d+(st|nd|rd|th) pass( pages)?$|^\s*[|+\u2013\u2014_]+\s*$", re.IGNORECASE)
_BULLET = re.compile(r"^([\u2022\u25cf\u25aa\u25a0\u2023\u2043\u25e6\u2219\u00b7*\u2013\u2014-])\s+")
_NUMBERED = re.compile(r"^(\d{1,2}|[a-z])[.)]\s+\S")
_SENTENCE_END = re.compile(r"[.!?:;)\"\u201d\u2019]$")
_STRONG_END = re.compile(r"[.!?)\"\u201d]$")
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
_FIGURE = re.compile(
    r"^(figure|fig\.|table|image|photo|illustration|abbildung|abb\.|tabelle)\s*[\dIVX]+[\d.\-:a-z]*[.:)]?(\s|$)"
    r"|^\(?(photo |image )?credit[s]?\s*[:(]|^(photo|image) (by|courtesy)\b|^source:\s",
    re.IGNORECASE,
)
_HYPHEN_KEEP = re.compile(r"([^\W\d_]+)-\n([a-z][^\W\d_]*)")
_DOUBLE_HYPHEN = re.compile(r"(\w)-\n-(\w)")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_STOPWORDS = frozenset("a an and are as at be by for from in is it of on or that the to was were with".split())
_TERM_STRIP = " \t.,;:!?()[]{}\"'\u201c\u201d\u2018\u2019\u2013\u2014-*\u2022"


@dataclass
class _Piece:
    """A line kept for the body, with its page and what clean decided about it."""

    page: int
    line: Line
    heading: int = 0  # heading level, 0 for body text


@dataclass
class _Layout:
    """Typical line pitch per font size, and typical line length per page (for files without positions)."""

    pitches: dict[float, float]
    widths: dict[int, float]

    @classmethod
    def of(cls, pieces: list[_Piece]) -> _Layout:
        gaps: dict[float, list[float]] = {}
        lengths: dict[int, list[int]] = {}
        for prev, cur in zip(pieces, pieces[1:]):
            a, b = prev.line, cur.line
            if prev.page == cur.page and a.size == b.size and a.y is not None and b.y is not None:
                if 0 < a.y - b.y < 3 * max(b.size, 1.0):
                    gaps.setdefault(b.size, []).append(a.y - b.y)
        for piece in pieces:
            if not piece.heading:
                lengths.setdefault(piece.page, []).append(len(piece.line.text))
        pitches = {size: statistics.median(values) for size, values in gaps.items()}
        widths = {page: sorted(v)[int(len(v) * 0.75)] for page, v in lengths.items()}
        return cls(pitches, widths)

    def pitch(self, size: float) -> float:
        if size in self.pitches:
            return self.pitches[size]
        return max(self.pitches.values(), default=1.2 * size) if size <= 0 else 1.25 * size


@dataclass
class _Draft:
    page: int
    pieces: list[_Piece] = field(default_factory=list)


class PdfCleaner:
    """Fill ``doc.blocks`` from ``doc.pages``."""

    edge_lines: Annotated[int, "lines at the top and bottom of a page searched for running headers/footers"] = 3
    repeat_share: Annotated[float, "a header/footer repeats on at least this share of pages"] = 0.3
    heading_ratio: Annotated[float, "a heading's font is at least this many times the body size"] = 1.15
    heading_max_words: Annotated[int, "longer lines are never headings"] = 16
    short_line: Annotated[float, "without positions: a line shorter than this share of the usual width may end a paragraph"] = 0.8
    gap_ratio: Annotated[float, "a gap above a line larger than this many line pitches starts a paragraph"] = 1.3

    def __call__(self, doc: Document) -> Document:
        pages = [(p.number, [_normalized(line) for line in p.lines]) for p in doc.pages]
        furniture = self._furniture(pages)
        pieces = [
            _Piece(number, line)
            for number, lines in pages
            for line in lines
            if line.text and not _is_junk_line(line.text, furniture)
        ]
        self._mark_headings(pieces, doc)
        _carry_hyphen_across_pages(pieces)
        vocab = _vocabulary(pieces)
        blocks = [self._block(draft, vocab) for draft in self._drafts(pieces)]
        doc.blocks = _assign_kinds([b for b in blocks if b.text])
        return doc

    # -- furniture ----------------------------------------------------------------------------------------

    def _furniture(self, pages: list[tuple[int, list[Line]]]) -> set[str]:
        """Keys (digits masked) of lines repeated at page edges across many pages."""
        counts: Counter[str] = Counter()
        for _, lines in pages:
            texts = [line.text for line in lines if line.text and not _is_junk_line(line.text, set())]
            edges = texts[: self.edge_lines] + texts[-self.edge_lines :]
            counts.update({_key(t) for t in edges if len(t) <= 160})
        needed = max(2, math.ceil(self.repeat_share * len(pages))) if len(pages) > 1 else math.inf
        return {key for key, n in counts.items() if n >= needed or (n >= 3 and "#" in key)}

    # -- headings -----------------------------------------------------------------------------------------

    def _mark_headings(self, pieces: list[_Piece], doc: Document) -> None:
        body = _body_size(pieces)
        outline = {(e.page, _loose(e.title)): e.level for e in doc.outline}
        used: Counter[float] = Counter()
        for p in pieces:
            if self._big(p.line, body) and self._headingish(p.line):
                used[p.line.size] += sum(c.isalpha() for c in p.line.text)
        sizes = sorted((size for size, n in used.items() if n >= 12), reverse=True)  # skip stray figure labels
        for piece in pieces:
            line = piece.line
            if not self._headingish(line):
                continue
            if self._big(line, body):
                piece.heading = min(3, sizes.index(line.size) + 1) if line.size in sizes else 3
            elif (level := _outline_level(piece, outline)) is not None:
                piece.heading = min(3, level + (1 if sizes else 0))
            elif line.bold and body and abs(line.size - body) <= 1.0 and not _SENTENCE_END.search(line.text):
                piece.heading = min(3, len(sizes) + 1)

    def _big(self, line: Line, body: float) -> bool:
        return bool(body) and line.size >= body * self.heading_ratio and line.size - body >= 1.0

    def _headingish(self, line: Line) -> bool:
        words = line.text.split()
        return (
            0 < len(words) <= self.heading_max_words
            and any(c.isalpha() for c in line.text)
            and not _BULLET.match(line.text)
            and not line.text.endswith((",", "-"))
        )

    # -- paragraphs ---------------------------------------------------------------------------------------

    def _drafts(self, pieces: list[_Piece]) -> list[_Draft]:
        layout = _Layout.of(pieces)
        drafts: list[_Draft] = []
        prev: _Piece | None = None
        for i, piece in enumerate(pieces):
            nxt = pieces[i + 1] if i + 1 < len(pieces) else None
            if prev is None or self._breaks(prev, piece, nxt, layout):
                drafts.append(_Draft(page=piece.page))
            drafts[-1].pieces.append(piece)
            prev = piece
        return drafts

    def _breaks(self, prev: _Piece, cur: _Piece, nxt: _Piece | None, layout: _Layout) -> bool:
        """Does ``cur`` start a new paragraph? Uses line spacing and indents when known, else line lengths."""
        if prev.page != cur.page or prev.heading != cur.heading:
            return True
        if cur.heading:  # a heading wrapped over two lines stays one heading
            return prev.line.size != cur.line.size
        text = cur.line.text
        if _BULLET.match(text) or _NUMBERED.match(text) or _FIGURE.match(text):
            return True
        if abs(prev.line.size - cur.line.size) >= 1.0:
            return True
        starts_new = not text[:1].islower()
        ended = bool(_SENTENCE_END.search(prev.line.text))
        a, b = prev.line, cur.line
        if a.y is not None and b.y is not None and a.x is not None and b.x is not None:
            dy = a.y - b.y
            if dy > layout.pitch(b.size) * self.gap_ratio:
                return True
            if dy < -0.5:  # jumped up: a new column or a text box
                return ended and starts_new
            if not (starts_new and _STRONG_END.search(a.text)):
                return False
            if b.x < a.x - 3:  # outdent: next entry of a hanging-indent list
                return True
            n = nxt.line if nxt is not None and nxt.page == cur.page else None
            hanging = bool(_STRONG_END.search(b.text)) or (n is not None and n.x is not None and abs(n.x - b.x) < 1)
            return b.x > a.x + 3 and not hanging  # first-line indent
        short = len(a.text) < self.short_line * layout.widths.get(prev.page, 0)
        return ended and short and starts_new

    def _block(self, draft: _Draft, vocab: set[str]) -> Block:
        raw = "\n".join(p.line.text for p in draft.pieces)
        text = normalize_ws(_dehyphenate(raw, vocab))
        first = draft.pieces[0]
        kind = BlockKind.PARAGRAPH
        if first.heading:
            kind = BlockKind.HEADING
        elif match := _BULLET.match(text):
            kind, text = BlockKind.LIST_ITEM, text[match.end() :]
        elif _NUMBERED.match(text):
            kind = BlockKind.LIST_ITEM
        emphasis = () if first.heading else _emphasis(draft.pieces, text, vocab)
        return Block(text=text, kind=kind, page=draft.page, level=first.heading, emphasis=emphasis)


# -- helpers ----------------------------------------------------------------------------------------------


def _normalized(line: Line) -> Line:
    text = normalize_ws(normalize_text(line.text))
    spans = tuple(normalize_ws(normalize_text(s)) for s in line.bold_spans)
    return dataclasses.replace(line, text=text, bold_spans=spans)


def _key(text: str) -> str:
    key = _DIGITS.sub("#", text.lower())
    return normalize_ws(_EDGE_ROMAN.sub("#", key)) if len(key.split()) <= 6 else key


def _is_junk_line(text: str, furniture: set[str]) -> bool:
    return bool(_PAGE_NUMBER.match(text) or _CROP_MARK.match(text) or _SLUG.search(text) or _key(text) in furniture)


def _body_size(pieces: list[_Piece]) -> float:
    weights: Counter[float] = Counter()
    for piece in pieces:
        if piece.line.size > 0:
            weights[piece.line.size] += len(piece.line.text)
    return weights.most_common(1)[0][0] if weights else 0.0


def _loose(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


def _outline_level(piece: _Piece, outline: dict[tuple[int, str], int]) -> int | None:
    """Level of the bookmark on this page whose title this line is (ignoring numbering like "B.1")."""
    loose = _loose(piece.line.text)
    for (page, title), level in outline.items():
        if page == piece.page and title and (loose == title or loose.endswith(" " + title)):
            return level
    return None


def _carry_hyphen_across_pages(pieces: list[_Piece]) -> None:
    """``super-`` at the foot of one page + ``visors use`` on the next: move ``visors`` back up."""
    for prev, cur in zip(pieces, pieces[1:]):
        if prev.page == cur.page or prev.heading or cur.heading:
            continue
        if re.search(r"[^\W\d_]-$", prev.line.text) and cur.line.text[:1].islower():
            head, _, rest = cur.line.text.partition(" ")
            prev.line = dataclasses.replace(prev.line, text=prev.line.text + "\n" + head)
            cur.line = dataclasses.replace(cur.line, text=rest)
    pieces[:] = [p for p in pieces if p.line.text]


def _vocabulary(pieces: list[_Piece]) -> set[str]:
    """Every word of the document, lower-cased, including hyphenated compounds, to judge line-end hyphens."""
    return {w.lower() for p in pieces for w in _WORD.findall(p.line.text)}


def _dehyphenate(text: str, vocab: set[str]) -> str:
    """Join ``infor-\\nmation``; keep the hyphen of a compound the document spells with one elsewhere."""
    text = _DOUBLE_HYPHEN.sub(r"\1-\2", text)

    def keep(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        hyphenated = f"{left}-{right}".lower() in vocab
        if hyphenated and (left + right).lower() not in vocab:
            return f"{left}-{right}"
        return match.group(0)

    return dehyphenate(_HYPHEN_KEEP.sub(keep, text))


def _emphasis(pieces: list[_Piece], text: str, vocab: set[str]) -> tuple[str, ...]:
    """The block's bold runs as terms: runs wrapped over a line break are joined, each term occurs in ``text``."""
    runs: list[str] = []
    joinable = False
    for piece in pieces:
        line = piece.line
        spans = list(line.bold_spans)
        if spans and joinable and runs and line.text.startswith(spans[0]):
            runs[-1] = _dehyphenate(runs[-1] + "\n" + spans.pop(0), vocab)
        runs.extend(spans)
        joinable = bool(line.bold_spans) and line.text.endswith(line.bold_spans[-1])
    terms: list[str] = []
    for run in runs:
        term = _strip_term(normalize_ws(run))
        if _is_term(term, text) and term not in terms:
            terms.append(term)
    return tuple(terms)


def _strip_term(term: str) -> str:
    """Trim punctuation around a bold run; a bracket is kept when the term opens or closes it."""
    while True:
        trimmed = term.strip(_TERM_STRIP)
        if trimmed.count("(") > trimmed.count(")") and term.rstrip(_TERM_STRIP.replace(")", "")).endswith(")"):
            trimmed += ")"
        if trimmed == term:
            return term
        term = trimmed


def _is_term(term: str, text: str) -> bool:
    letters = sum(c.isalpha() for c in term)
    return (
        letters >= 2
        and len(term.split()) <= 8
        and term.lower() not in _STOPWORDS
        and term != text.strip(_TERM_STRIP)
        and term in text
    )


def _assign_kinds(blocks: list[Block]) -> list[Block]:
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
        elif _FIGURE.match(block.text):
            block.kind = BlockKind.FIGURE
        elif _BOILERPLATE.search(block.text) and len(block.text.split()) <= 40:
            block.kind = BlockKind.BOILERPLATE
    return blocks
