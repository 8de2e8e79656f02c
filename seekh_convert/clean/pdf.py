"""Clean a PDF's raw lines into plain-text blocks: furniture out, paragraphs and headings back in."""

from __future__ import annotations

import dataclasses
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Annotated

from rapidfuzz import fuzz, process

from seekh_convert.clean.common import normalize_text
from seekh_convert.clean.pdf_kinds import FIGURE_CAPTION, assign_kinds
from seekh_convert.clean.pdf_layout import PageLayout
from seekh_convert.clean.pdf_lineno import LineNumbers
from seekh_convert.clean.pdf_math import label_like, repair_accents, set_maths_aside
from seekh_convert.clean.pdf_text import dehyphenate_lines, emphasis_terms, footnote_marks, repair_spacing, vocabulary
from seekh_convert.model.document import Block, BlockKind, Document, Line
from seekh_convert.text.normalize import normalize_ws

_TITLE_WORD = re.compile(r"[^\W\d_]{2,}")
_DIGITS = re.compile(r"\d+")
_EDGE_ROMAN = re.compile(r"^[ivxlcdm]+\b|\b[ivxlcdm]+$")
_PAGE_NUMBER = re.compile(
    r"^[-\u2013\u2014(\[]?\s*(page|p\.|seite)?\s*(\d{1,4}|[ivxlcdm]{1,7})(\s*(/|of|von)\s*\d{1,4})?\s*[-\u2013\u2014)\]]?$",
    re.IGNORECASE,
)
_CROP_MARK = re.compile(r"^[SR]?\d{1,2}[SR]?$")
_SLUG = re.compile(r"\.(qxd|qxp|indd|fm)\b.*\d|^\d+(st|nd|rd|th) pass( pages)?$|^\s*[|+\u2013\u2014_]+\s*$", re.IGNORECASE)
#: A list item's mark: dots, squares, dashes; the hollow circle and triangles of a second level ("○ Conservation
#: Biology: study of ...", "▷ Stewardship: an ethic ...", set 67's notes, whose definitions went unread behind them).
_BULLET = re.compile(
    r"^([\u2022\u25cf\u25aa\u25a0\u2023\u2043\u25e6\u2219\u00b7*\u2013\u2014\u25cb\u25b7\u25ba\u25b8\u27a2\u27a4\u2756\u25c6-])\s+"
)
_NUMBERED = re.compile(r"^(\d{1,2}|[a-z])[.)]\s+\S")
_CLAUSE_END = re.compile(r"[.!?:;)\"\u201d\u2019]$")
_STRONG_END = re.compile(r"[.!?)\"\u201d]$")
_LABEL = re.compile(
    r"^(definition|theorem|lemma|corollary|proposition|example|exercise|remark|proof|note|figure|table|listing|algorithm|"
    r"satz|beispiel|bemerkung|definition|aufgabe)\b",
    re.IGNORECASE,
)
_SECTION_NUMBER = re.compile(r"^\d{1,2}(\.\d{1,2})+\.?\s+[A-Z\u00c0-\u00de][^.!?]*$")
#: A bold numbered title at body size; its own line may end a sentence ("3.3 What a network looks like.").
_BOLD_NUMBERED = re.compile(r"^\d{1,2}(\.\d{1,2})*\.?\s+[A-Z\u00c0-\u00de][^,;:]*[^,;:\s-]\s*$")
#: A section number and a title in capitals, a question's mark allowed ("5.2 WHERE DO RIGHTS COME FROM?").
_CAPS_NUMBERED = re.compile(r"^\d{1,2}(\.\d{1,2})+\.?\s+[A-Z][A-Z0-9\u2019' ,&:-]*[A-Z]\??$")
_HEAD_WORDS = 12  # running heads and footers are short lines
_OUTLINE_NUMBER = re.compile(r"^((chapter|part|section|kapitel|teil)\s+)?([\divxlc]+|[a-z])([.:]\d+)*[.:]?\s+", re.IGNORECASE)


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
    tight: dict[float, float] = field(default_factory=dict)  # lower-quartile pitch: lines inside one paragraph

    @classmethod
    def of(cls, pieces: list[_Piece]) -> _Layout:
        gaps: dict[float, list[float]] = {}
        lengths: dict[int, list[int]] = {}
        for prev, cur in zip(pieces, pieces[1:]):
            a, b = prev.line, cur.line
            same_run = prev.page == cur.page and a.size == b.size and a.y is not None and b.y is not None
            if same_run and 0 < a.y - b.y < 3 * max(b.size, 1.0):
                gaps.setdefault(b.size, []).append(a.y - b.y)
        for piece in pieces:
            if not piece.heading:
                lengths.setdefault(piece.page, []).append(len(piece.line.text))
        pitches = {size: statistics.median(values) for size, values in gaps.items()}
        widths = {page: sorted(v)[int(len(v) * 0.75)] for page, v in lengths.items()}
        tight = {size: sorted(values)[len(values) // 4] for size, values in gaps.items()}
        return cls(pitches, widths, tight)

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
        layout = PageLayout(_size_mode(line for _, lines in pages for line in lines))
        pages = LineNumbers()([(number, layout(lines)) for number, lines in pages])
        furniture = self._furniture(pages)
        pieces = [
            _Piece(number, line)
            for number, lines in pages
            for line in lines
            if line.text and not _is_junk_line(line.text, furniture)
        ]
        self._mark_headings(pieces, doc, _Layout.of(pieces))
        _carry_hyphen_across_pages(pieces)
        vocab = vocabulary(pieces)
        blocks = [part for draft in self._drafts(pieces) for part in set_maths_aside(self._block(draft, vocab))]
        doc.blocks = assign_kinds(_finish_sentences_across_pages([b for b in blocks if b.text]))
        doc.title = doc.title or _running_title(pages, furniture, layout.body) or _typographic_title(doc)
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
        found = {key for key, n in counts.items() if n >= needed or (n >= 3 and "#" in key)}
        return found | _near_repeats([k for k in counts if k not in found and "#" in k], counts, needed)

    # -- headings -----------------------------------------------------------------------------------------

    def _mark_headings(self, pieces: list[_Piece], doc: Document, layout: _Layout) -> None:
        """Headings: a size ranked among the document's heading sizes, a bookmark title, or a standalone bold/numbered title."""
        body = _body_size(pieces)
        outline = {(e.page, _loose(_OUTLINE_NUMBER.sub("", e.title))): e.level for e in doc.outline}
        used: Counter[float] = Counter()
        letters: Counter[float] = Counter()
        for i, p in enumerate(pieces):
            if self._big(p.line, body) and self._candidate(pieces, i, layout):
                used[p.line.size] += 1
                letters[p.line.size] += sum(c.isalpha() for c in p.line.text)
        top = max(used, default=0.0)
        # a heading size recurs (or is the title's); one-off big lines are author names, drop caps, labels
        sizes = sorted((z for z in used if letters[z] >= 8 and (used[z] >= 2 or z == top)), reverse=True)
        for i, piece in enumerate(pieces):
            line = piece.line
            if not self._candidate(pieces, i, layout):
                continue
            if self._big(line, body) and line.size in sizes:
                piece.heading = min(3, sizes.index(line.size) + 1)
            elif (level := _outline_level(piece, outline)) is not None:
                piece.heading = min(3, level + (1 if sizes else 0))
            elif self._titleish(line, body) and (_stands_alone(pieces, i, layout) or _between_sentences(pieces, i, body)):
                piece.heading = min(3, len(sizes) + 1)
            elif self._titleish(line, body) and (lines := self._set_above(pieces, i, layout)):
                for p in pieces[i : i + lines]:
                    p.heading = min(3, len(sizes) + 1)

    def _set_above(self, pieces: list[_Piece], i: int, layout: _Layout) -> int:
        """How many lines (one, or two when wrapped) make a bold body-size title set apart by space above and run
        tight into its paragraph, whose first line is not bold and starts a sentence ("... Did the entire class gain
        something from this exercise?" / space / "Specification of decision making powers" / "A constitution is a body
        of ...", set 66's NCERT chapter, whose section titles had run into their paragraphs); 0 when it is not one."""
        line, prev = pieces[i].line, pieces[i - 1] if i else None
        if prev is None or prev.page != pieces[i].page or prev.line.y is None or line.y is None:
            return 0
        if prev.line.y - line.y <= layout.pitch(line.size) * self.gap_ratio or not _STRONG_END.search(prev.line.text):
            return 0
        lines = 1
        wrapped = pieces[i + 1].line if i + 1 < len(pieces) and pieces[i + 1].page == pieces[i].page else None
        if wrapped is not None and wrapped.bold and wrapped.text[:1].islower() and wrapped.size == line.size:
            lines = 2  # "Limitations on the" / "powers of government" in a narrow column
        title = " ".join(p.line.text for p in pieces[i : i + lines])
        nxt = pieces[i + lines] if i + lines < len(pieces) else None
        if nxt is None or nxt.page != pieces[i].page or nxt.line.bold or len(title.split()) > 10 or _CLAUSE_END.search(title):
            return 0
        last = pieces[i + lines - 1].line
        tight = nxt.line.y is not None and last.y is not None and 0 < last.y - nxt.line.y <= layout.pitch(line.size) * 1.1
        return lines if tight and nxt.line.text[:1].isupper() and abs(nxt.line.size - line.size) < 0.5 else 0

    def _big(self, line: Line, body: float) -> bool:
        return bool(body) and line.size >= body * self.heading_ratio and line.size - body >= 1.0

    def _headingish(self, line: Line) -> bool:
        words = line.text.split()
        return (
            0 < len(words) <= self.heading_max_words
            and any(c.isalpha() for c in line.text)
            and not _BULLET.match(line.text)
            and not line.text.endswith((",", "-"))
            and line.text.count(",") < 3  # a list of names
            and not label_like(line.text)  # maths, axis and figure labels
        )

    def _candidate(self, pieces: list[_Piece], i: int, layout: _Layout) -> bool:
        """Heading-shaped, not a label ("Definition B.2: ..."), and not the last line of a wrapped paragraph."""
        line = pieces[i].line
        if not self._headingish(line) or _LABEL.match(line.text):
            return False
        prev = pieces[i - 1] if i else None
        if prev is None or prev.page != pieces[i].page or prev.line.size != line.size or prev.line.y is None or line.y is None:
            return True
        close = 0 < prev.line.y - line.y <= layout.pitch(line.size) * self.gap_ratio
        return not (close and not self._headingish(prev.line))

    def _titleish(self, line: Line, body: float) -> bool:
        """A body-size line that reads like a title: bold or section-numbered, short, no sentence punctuation."""
        caps = line.bold and line.text.isupper() and sum(c.isalpha() for c in line.text) >= 8
        if caps and body and 0.6 * body <= line.size <= body + 1.0 and not _CLAUSE_END.search(line.text):
            return True  # "EVOLUTION OF PSYCHOLOGY" in bold capitals, smaller than the text (set 20's NCERT chapter)
        numbered_caps = _CAPS_NUMBERED.match(line.text) and sum(c.isalpha() for c in line.text) >= 8
        if numbered_caps and body and 0.6 * body <= line.size <= body + 1.0:
            return True  # "5.1 WHAT ARE RIGHTS?" in coloured capitals, not bold, smaller than the text (set 27's NCERT)
        small = body and 0.6 * body <= line.size < body - 0.2
        if small and line.bold and _SECTION_NUMBER.match(line.text) and len(line.text.split()) <= 10:
            return True  # "1.1 IntroductIon" in bold small capitals, smaller than the text (set 28's NCERT chapter)
        if not body or not (-0.2 <= line.size - body <= 1.0):
            return False
        if line.bold and _BOLD_NUMBERED.match(line.text) and len(line.text.split()) <= 14:
            return True  # "4 Power cuts and tipping points", "2. Where does electricity come from ...?"
        if len(line.text.split()) > 10:
            return False
        if _SECTION_NUMBER.match(line.text):
            return True
        return line.bold and line.text[:1].isupper() and not _CLAUSE_END.search(line.text)

    # -- paragraphs ---------------------------------------------------------------------------------------

    def _drafts(self, pieces: list[_Piece]) -> list[_Draft]:
        """Group lines into paragraphs; a paragraph cut by a float (figure, footnote) resumes after it."""
        layout = _Layout.of(pieces)
        body = _body_size(pieces)
        drafts: list[_Draft] = []
        floats: list[_Draft] = []  # set aside while the paragraph they interrupted goes on
        prev: _Piece | None = None
        for i, piece in enumerate(pieces):
            nxt = pieces[i + 1] if i + 1 < len(pieces) else None
            if prev is None or self._breaks(prev, piece, nxt, layout):
                resumed = _resumable(drafts, piece, body)
                if resumed is None:
                    drafts.extend(floats)
                    floats = []
                    drafts.append(_Draft(page=piece.page))
                else:
                    floats = drafts[resumed + 1 :] + floats
                    del drafts[resumed + 1 :]
            drafts[-1].pieces.append(piece)
            prev = piece
        return drafts + floats

    def _breaks(self, prev: _Piece, cur: _Piece, nxt: _Piece | None, layout: _Layout) -> bool:
        """Does ``cur`` start a new paragraph? Uses line spacing and indents when known, else line lengths."""
        if prev.page != cur.page or prev.heading != cur.heading:
            return True
        if cur.heading:  # a heading wrapped over two lines stays one heading, unless the next is numbered
            return prev.line.size != cur.line.size or bool(
                _BOLD_NUMBERED.match(cur.line.text) and prev.line.text.rstrip().endswith((".", "?"))
            )
        text = cur.line.text
        if _BULLET.match(text) or _NUMBERED.match(text) or FIGURE_CAPTION.match(text):
            return True
        if abs(prev.line.size - cur.line.size) >= 1.0 and not self._inline_size_change(prev, cur, layout):
            return True
        if _capitals(text) and not _capitals(prev.line.text):
            return True  # "ETHICS, INTEGRITY, AND APTITUDE (1:42 PM)" after a bullet's last line (set 55's class notes)
        starts_new = not text[:1].islower()
        ended = bool(_CLAUSE_END.search(prev.line.text))
        a, b = prev.line, cur.line
        if a.y is not None and b.y is not None and a.x is not None and b.x is not None:
            dy = a.y - b.y
            if dy > layout.pitch(max(a.size, b.size)) * self.gap_ratio:  # a smaller line inside a paragraph keeps its pitch
                return True
            if dy < -0.5:  # jumped up: a new column or a text box; only a lower-case word carries the paragraph on
                return ended or not (text[:1].islower() or a.text.endswith("-"))
            if not (starts_new and _STRONG_END.search(a.text)):
                return False
            if b.x < a.x - 3:  # outdent: next entry of a hanging-indent list
                return True
            n = nxt.line if nxt is not None and nxt.page == cur.page else None
            hanging = bool(_STRONG_END.search(b.text)) or (n is not None and n.x is not None and abs(n.x - b.x) < 1)
            return b.x > a.x + 3 and not hanging  # first-line indent
        short = len(a.text) < self.short_line * layout.widths.get(prev.page, 0)
        return ended and short and starts_new

    def _inline_size_change(self, prev: _Piece, cur: _Piece, layout: _Layout) -> bool:
        """A line set in another size inside a sentence: the next line of the paragraph at the usual pitch and indent,
        after a line that ends no clause ("You can then run" / "git checkout [branch_name] or git switch ..." in a
        smaller code font; relay run 12's notes moved it below the paragraph as if it were a footnote)."""
        a, b = prev.line, cur.line
        if a.y is None or b.y is None or a.x is None or b.x is None or _CLAUSE_END.search(a.text):
            return False
        dy = a.y - b.y
        return 0 < dy <= layout.pitch(max(a.size, b.size)) * self.gap_ratio and abs(a.x - b.x) <= 12

    def _block(self, draft: _Draft, vocab: Counter[str]) -> Block:
        raw = "\n".join(p.line.text for p in draft.pieces)
        text = footnote_marks(repair_spacing(normalize_ws(dehyphenate_lines(raw, vocab)), vocab), vocab)
        first = draft.pieces[0]
        kind = BlockKind.PARAGRAPH
        if first.heading and _displayed_sentence(text):
            for piece in draft.pieces:
                piece.heading = 0
        if first.heading:
            kind = BlockKind.HEADING
        elif match := _BULLET.match(text):
            kind, text = BlockKind.LIST_ITEM, text[match.end() :]
        elif _NUMBERED.match(text):
            kind = BlockKind.LIST_ITEM
        emphasis = () if first.heading else emphasis_terms(draft.pieces, text, vocab)
        return Block(text=text, kind=kind, page=draft.page, level=first.heading, emphasis=emphasis)


# -- helpers ----------------------------------------------------------------------------------------------


def _capitals(text: str) -> bool:
    """A line in capitals of two words or more: a heading or a banner, never the next line of a sentence."""
    return text.isupper() and len(text.split()) >= 2 and sum(c.isalpha() for c in text) >= 8


def _displayed_sentence(text: str) -> bool:
    """A sentence set large or bold for emphasis, never a title: an exclamation of five words or more, or a full
    stop after twelve (a book's "This identity is almost certainly the most important formula in the whole of
    mathematics!", over two lines, became the parent title of four topics)."""
    words, end = len(text.split()), text.rstrip()[-1:]
    return (words >= 5 and end == "!") or (words >= 12 and end == ".")


def _resumable(drafts: list[_Draft], piece: _Piece, body: float) -> int | None:
    """Index of the unfinished paragraph that ``piece`` continues past floats (figures, captions, footnotes), if any."""
    line = piece.line
    if piece.heading or not line.text[:1].islower() or abs(line.size - body) >= 0.5:
        return None
    for k in range(len(drafts) - 1, max(-1, len(drafts) - 12), -1):
        draft = drafts[k]
        if draft.page != piece.page or draft.pieces[0].heading:
            return None
        if _is_float(draft, body) or (k + 1 < len(drafts) and _captions(draft, drafts[k + 1])):
            continue  # a float, or a figure's body just above its caption
        last = draft.pieces[-1].line
        if k == len(drafts) - 1 or _STRONG_END.search(last.text) or abs(last.size - body) >= 0.5:
            return None
        return k
    return None


def _is_caption(draft: _Draft) -> bool:
    return bool(FIGURE_CAPTION.match(draft.pieces[0].line.text))


def _captions(figure: _Draft, caption: _Draft) -> bool:
    """Is ``caption`` the caption right below ``figure`` (its body: code, a table, labels)?"""
    if not _is_caption(caption):
        return False
    a, b = figure.pieces[-1].line, caption.pieces[0].line
    return a.y is None or b.y is None or 0 < a.y - b.y <= 4 * max(b.size, 1.0)


def _is_float(draft: _Draft, body: float) -> bool:
    """Figure captions and small print (footnotes, figure labels) that may sit inside a paragraph's run."""
    return _is_caption(draft) or abs(draft.pieces[0].line.size - body) >= 0.5


def _between_sentences(pieces: list[_Piece], i: int, body: float) -> bool:
    """A bold title a point above the text, set tight between a sentence's end and a new sentence ("... with one
    another." / "Physical Dimension" / "Physical dimension refers to ...", set 29's NCERT chapter, whose headings ran
    into their paragraphs: "What does physical Dimension Physical dimension mean?")."""
    line = pieces[i].line
    if not (line.bold and body and line.size >= body + 0.5 and len(line.text.split()) <= 8):
        return False
    prev = pieces[i - 1] if i else None
    nxt = pieces[i + 1] if i + 1 < len(pieces) else None
    ended = prev is None or prev.page != pieces[i].page or prev.line.text.rstrip().endswith((".", "!", "?", ":"))
    return ended and nxt is not None and nxt.line.text[:1].isupper() and nxt.line.size < line.size


def _stands_alone(pieces: list[_Piece], i: int, layout: _Layout) -> bool:
    """Is the line set apart by space above and below (or unknown positions)?"""
    line = pieces[i].line
    if line.y is None:
        return True
    limit = layout.tight.get(line.size, layout.pitch(line.size)) * 1.3
    for j in (i - 1, i + 1):
        other = pieces[j].line if 0 <= j < len(pieces) and pieces[j].page == pieces[i].page else None
        if other is not None and other.y is not None and abs(other.y - line.y) <= limit:
            return False
    return True


def _size_mode(lines) -> float:
    """The font size carrying most characters."""
    weights: Counter[float] = Counter()
    for line in lines:
        if line.size > 0:
            weights[line.size] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 0.0


def _running_title(pages: list[tuple[int, list[Line]]], furniture: set[str], body: float) -> str:
    """A title set large at the top of every page ("Version Control with git" over each page of a set of notes,
    whose biggest first-page text is the section heading "Foreword"): the first line of the first page when it is
    a repeated line of words above body size."""
    lines = next((lines for _, lines in pages if lines), [])
    first = lines[0] if lines else None
    if first is None or _key(first.text) not in furniture or "#" in _key(first.text) or not body:
        return ""
    return first.text if first.size >= body * 1.15 and len(_TITLE_WORD.findall(first.text)) >= 2 else ""


def _typographic_title(doc: Document) -> str:
    """The biggest text on the first pages with text (a title wrapped over several lines joined) when it stands
    out from the body text, else the file name."""
    body = _size_mode(line for page in doc.pages[:20] for line in page.lines)
    for page in doc.pages[:3]:
        lines = [line for line in page.lines if _TITLE_WORD.search(line.text) and len(line.text) <= 150]
        if not lines:
            continue
        biggest = max(line.size for line in lines)
        if biggest <= 0 or biggest < body * 1.15:
            break
        start = next(i for i, line in enumerate(page.lines) if line in lines and line.size == biggest)
        parts = []
        for line in page.lines[start : start + 3]:
            if line.size != biggest:
                break
            parts.append(line.text)
        return normalize_ws(" ".join(parts))
    return doc.path.stem


def _near_repeats(keys: list[str], counts: Counter[str], needed: float) -> set[str]:
    """Running heads that OCR spells differently on each page (``VICKSBURG``/``VICKSBUEG``): fuzzy repeats.

    Only short lines can be running heads; all pairs are scored at once (rapidfuzz), so a long book with
    numbers on every page edge stays fast.
    """
    letters = {k: re.sub(r"[^a-z]", "", k) for k in keys}
    keys = [k for k in keys if len(letters[k]) >= 8 and len(k.split()) <= _HEAD_WORDS]
    if len(keys) < 2:
        return set()
    texts = [letters[k] for k in keys]
    scores = process.cdist(texts, texts, scorer=fuzz.ratio, score_cutoff=85, workers=1)
    found: set[str] = set()
    for i, key in enumerate(keys):
        similar = [keys[j] for j in scores[i].nonzero()[0]]
        if sum(counts[o] for o in similar) >= needed and len(similar) >= 2:
            found.add(key)
    return found


#: A line opening on a glyph its font maps to no character, then a space: a bullet ("\x00 Language overall is ...",
#: the sub-bullets of set 58's LaTeX notes, which ran into the bullet above them).
_UNMAPPED_BULLET = re.compile(r"^\s*[\x00-\x08\x0b-\x1f\ufffd]\s+(?=\S)")


#: A footnote's number set against its first word ("5The effect of activity on deficit is called ...", "6For example",
#: set 65's lecture notes): a superscript the text layer runs into the word.
_FOOTNOTE_MARK = re.compile(
    r"^\d{1,2}(?=(?:The|This|These|That|For|In|It|A|An|See|On|As|Note|We|If|Some|There|When|Although|However|Here)\s)"
)


def _normalized(line: Line) -> Line:
    text = _one_layer(repair_accents(normalize_ws(normalize_text(_UNMAPPED_BULLET.sub("\u2022 ", line.text)))))
    text = _FOOTNOTE_MARK.sub("", text)
    spans = tuple(_one_layer(repair_accents(normalize_ws(normalize_text(s)))) for s in line.bold_spans)
    return dataclasses.replace(line, text=text, bold_spans=spans)


#: A run of text printed three times or more over ("3.4 Temperature3.4 Temperature3.4 Temperature"): a shadowed
#: heading's layers, each its own text object (set 39's NCERT chemistry chapter).
_LAYERS = re.compile(r"(\S.{2,40}?)\1{2,}")


def _one_layer(text: str) -> str:
    """``text`` with each layered run printed once; runs without a word (a table's "0.5 0.5 0.5") stay."""
    return _LAYERS.sub(lambda m: m.group(1) if re.search(r"[A-Za-z]{3}", m.group(1)) else m.group(0), text)


def _key(text: str) -> str:
    key = _DIGITS.sub("#", text.lower())
    return normalize_ws(_EDGE_ROMAN.sub("#", key)) if len(key.split()) <= 6 else key


def _is_junk_line(text: str, furniture: set[str]) -> bool:
    return bool(_PAGE_NUMBER.match(text) or _CROP_MARK.match(text) or _SLUG.search(text) or _key(text) in furniture)


def _body_size(pieces: list[_Piece]) -> float:
    return _size_mode(p.line for p in pieces)


def _loose(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


def _outline_level(piece: _Piece, outline: dict[tuple[int, str], int]) -> int | None:
    """Level of the bookmark on this page whose title this line is (ignoring numbering like "B.1")."""
    loose = _loose(piece.line.text)
    for (page, title), level in outline.items():
        near = loose.endswith(" " + title) and len(loose.split()) <= len(title.split()) + 3  # "CHAPTER THREE: Catalogs"
        if page == piece.page and title and (loose == title or near):
            return level
    return None


#: The end of a paragraph's first sentence: an end stop before a capital, a bracket or a quotation mark, or the end.
_FIRST_SENTENCE_END = re.compile(r"[.!?][\"\u201d\u2019)]?(?=\s+[\"\u201c(\[]?[A-Z0-9]|\s*$)")


#: A paragraph's last word that never ends a sentence: the next page goes on with it, capital or not.
_DANGLING = re.compile(r"\b(?:in|of|the|a|an|and|or|to|for|with|by|on|at|from|that|which|as|is|are|was|were|its|their)\s*$")


def _finish_sentences_across_pages(blocks: list[Block]) -> list[Block]:
    """A sentence a page break cut ("... unless you are" / "given permission to. In this case, ...") ends on the
    page it started: the next page's paragraph gives up the words up to its first end stop, so a quote of that
    sentence is whole and one block (the page-8 block read "given permission to." before)."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        joined = (
            prev is not None
            and prev.kind is block.kind is BlockKind.PARAGRAPH
            and prev.page is not None
            and block.page == prev.page + 1
            and not _CLAUSE_END.search(prev.text)
            and (block.text[:1].islower() or _DANGLING.search(prev.text) is not None and block.text[:1].isupper())
        )  # "... The Republic Day parade in" / "Delhi symbolises ..." (set 53): a word that never ends a sentence
        if not joined:
            out.append(block)
            continue
        end = _FIRST_SENTENCE_END.search(block.text)
        cut = end.end() if end else len(block.text)
        prev.text = f"{prev.text} {block.text[:cut].strip()}"
        rest = block.text[cut:].strip()
        if rest:
            block.text = rest
            out.append(block)
    return out


def _carry_hyphen_across_pages(pieces: list[_Piece]) -> None:
    """``super-`` at the foot of one page + ``visors use`` on the next: move ``visors`` back up (``Cannon-`` +
    ``Bard theory`` too: two names' compound)."""
    for prev, cur in zip(pieces, pieces[1:]):
        if prev.page == cur.page or prev.heading or cur.heading:
            continue
        names = re.search(r"\b[A-Z][a-z]+-$", prev.line.text) and re.match(r"[A-Z][a-z]+\b", cur.line.text)
        if re.search(r"[^\W\d_]-$", prev.line.text) and (cur.line.text[:1].islower() or names):
            head, _, rest = cur.line.text.partition(" ")
            prev.line = dataclasses.replace(prev.line, text=prev.line.text + "\n" + head)
            cur.line = dataclasses.replace(cur.line, text=rest)
    pieces[:] = [p for p in pieces if p.line.text]
