"""PowerPoint (.pptx) -> raw blocks, one run of blocks per slide, with python-pptx.

Each slide gives, in reading order: its title (a heading), then its shapes top to bottom and left to right
(body placeholders and text boxes one block per paragraph, tables one block per row, grouped shapes in their
own order, SmartArt text from its data part), then its speaker notes (blocks marked ``notes``). Footer,
date and slide-number placeholders are dropped here; footers typed into ordinary text boxes are dropped by
the cleaner, which sees every slide. Every block carries its slide number.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path

from seekh_convert.errors import InputError
from seekh_convert.model.document import BlockKind, Document, RawBlock, SourceKind
from seekh_convert.read.container import check_archive, damaged, package_title
from seekh_convert.read.subtitles import title_from_name
from seekh_convert.text.normalize import normalize_ws
from seekh_convert.text.words import content_stems

_WHAT = "PowerPoint deck"
_SLIDE_NUMBER = re.compile(r"^(?:(?:slide|page|p\.)\s*)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?$", re.I)
_CODE_LINE = re.compile(
    r"^\s*(?:>>>|\.\.\.\s|\$ |#|def |class |for |while |if |elif |else:|import |from \S+ import|return\b|print\(|Traceback)"
    r"|^\s*[\w.\[\]]+\s*[-+*/]?=\s*(?![A-Za-z]+(?:\s+[A-Za-z]+)*\s*$)\S|[;{}]\s*$|^\s*\w+\(.*\)\s*$"
)
_TYPED_BULLET = re.compile(r"^[-–•▪◦*]\s+(?=\S)")  # a bullet typed into the text ("- Integers are...")
_DIAGRAM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"


class PptxExtractor:
    """Read a ``.pptx`` deck into a ``Document`` whose raw blocks carry slide numbers."""

    def __call__(self, path: Path, max_pages: int | None = None) -> Document:
        path = Path(path)
        check_archive(path, _WHAT)
        try:
            from pptx import Presentation

            deck = Presentation(str(path))
            slides = list(deck.slides)
            if max_pages is not None and len(slides) > max_pages:
                raise InputError(
                    f"{path.name} has {len(slides)} slides, more than --max-pages {max_pages}; raise --max-pages or split the deck"
                )
            doc = Document(path=path, kind=SourceKind.SLIDES)
            for number, slide in enumerate(slides, 1):
                doc.raw_blocks.extend(_slide_blocks(slide, number))
            doc.title = _title(deck, doc.raw_blocks) or title_from_name(path)
            doc.metadata["slides"] = str(len(slides))
        except InputError:
            raise
        except Exception as exc:  # python-pptx on a damaged package: KeyError, lxml errors, ValueError...
            raise damaged(path, _WHAT, exc) from exc
        return doc


#: Titles PowerPoint and its templates leave in the core properties: never the deck's own.
_PLACEHOLDER_TITLE = r"^(untitled|powerpoint presentation|presentation\d*|slide \d+|title layout|title slide)$|\.pptx?$"


def _title(deck, blocks: list[RawBlock]) -> str:
    """The core properties' title, unless a placeholder or stale (``_stale``); else the title of the first slide with
    text ("" when it has none, and the file's name titles the deck: set Q's deck opened on body text and was titled by slide 4's "Estimates and Actuals")."""
    declared = deck.core_properties.title
    first = next((b.slide for b in blocks if not b.notes), None)
    opening = [b for b in blocks if b.slide == first]  # a deck's title is on its first slide, not a later slide's heading
    return package_title(None if _stale(declared or "", blocks) else declared, opening, _PLACEHOLDER_TITLE)


def _stale(declared: str, blocks: list[RawBlock]) -> bool:
    """Whether the core title belongs to another deck: it shares no content word with the slides, or it names what
    no slide says while the slides have a title (a deck copied from "Lecture 10: Threats and Malware, CS 07351 ..."
    whose first slide says "Lecture 4, CS 07351 ...")."""
    own = {w for w in content_stems(declared) if not w.isdigit()}
    if not own:
        return False
    deck = {w for b in blocks for w in content_stems(b.text)}
    if not own & deck:
        return True
    first = next((b.text for b in blocks if b.kind is BlockKind.HEADING), "")
    # ... or names what no slide says where the slides have a title of their own (a template's leftover "Introduction
    # to Computer Architecture" over a first slide "Digital Logic Design": relay run 21)
    return bool(content_stems(first)) and not own <= deck


def _slide_blocks(slide, number: int) -> list[RawBlock]:
    """The blocks of one slide: title, content in reading order, speaker notes."""
    blocks: list[RawBlock] = []
    title_shape = _title_shape(slide)
    if title_shape is not None:
        title = normalize_ws(title_shape.text_frame.text.replace("\x0b", " "))
        if title:
            blocks.append(RawBlock(BlockKind.HEADING, title, level=1, slide=number))
    for shape in _reading_order(slide.shapes):
        if (title_shape is not None and shape._element is title_shape._element) or _is_chrome(shape):
            continue
        blocks.extend(_shape_blocks(shape, slide))
    if not blocks or blocks[0].kind is not BlockKind.HEADING:
        _promote_title(blocks)
    blocks.extend(_notes_blocks(slide))
    for block in blocks:
        block.slide = number
    return blocks


def _promote_title(blocks: list[RawBlock]) -> None:
    """A slide without a title placeholder whose first text is a short label ("Exercise") is titled by it."""
    if blocks and blocks[0].kind is BlockKind.PARAGRAPH:
        text = blocks[0].text
        if len(text.split()) <= 6 and text[-1:].isalnum() and text[:1].isupper():
            blocks[0] = RawBlock(BlockKind.HEADING, text, level=1)


def _title_shape(slide):
    for shape in slide.placeholders:
        if shape.placeholder_format.type is not None and shape.placeholder_format.type.name in (
            "TITLE",
            "CENTER_TITLE",
            "VERTICAL_TITLE",
        ):
            return shape if shape.has_text_frame else None
    return None


def _is_chrome(shape) -> bool:
    """Footer, date and slide-number placeholders: the same on every slide, never content."""
    if not shape.is_placeholder:
        return False
    kind = shape.placeholder_format.type
    return kind is not None and kind.name in ("FOOTER", "DATE", "SLIDE_NUMBER", "HEADER")


def _reading_order(shapes) -> list:
    """Shapes top to bottom, then left to right (rows of shapes whose tops are close count as one row)."""
    placed = [
        (shape.top if shape.top is not None else 0, shape.left if shape.left is not None else 0, i, shape)
        for i, shape in enumerate(shapes)
    ]
    band = 180_000  # EMU, about 0.5 cm: tops closer than this are one row
    placed.sort(key=lambda t: (t[0] // band, t[1], t[2]))
    return [shape for *_, shape in placed]


def _shape_blocks(shape, slide) -> Iterator[RawBlock]:
    if shape.shape_type is not None and shape.shape_type.name == "GROUP":
        for child in _reading_order(shape.shapes):
            if not _is_chrome(child):
                yield from _shape_blocks(child, slide)
        return
    if getattr(shape, "has_table", False) and shape.has_table:
        yield from _table_blocks(shape.table)
        return
    if getattr(shape, "has_text_frame", False) and shape.has_text_frame:
        yield from _text_blocks(shape)
        return
    yield from _diagram_blocks(shape, slide)


def _text_blocks(shape) -> Iterator[RawBlock]:
    paragraphs = [p.text.replace("\x0b", "\n") for p in shape.text_frame.paragraphs]
    lines = [p for p in paragraphs if p.strip()]
    if not lines:
        return
    if len(lines) == 1 and _SLIDE_NUMBER.match(lines[0].strip()):
        return
    if not shape.is_placeholder and _looks_like_code(lines):
        yield RawBlock(BlockKind.CODE, "\n".join(lines), forced=True)
        return
    held: RawBlock | None = None
    for para in shape.text_frame.paragraphs:
        text = normalize_ws(para.text.replace("\x0b", " "))
        typed = _TYPED_BULLET.match(text)
        if typed:
            text = text[typed.end() :]
        if not text:
            continue
        if held is not None and _goes_on(held.text, text):  # one sentence typed over several lines
            held = dataclasses.replace(
                held, text=f"{held.text} {text}", terms=held.terms + _bold_runs(para), bold=held.bold and _all_bold(para)
            )
            continue
        if held is not None:
            yield held
        bullet = 1 + (para.level or 0) if shape.is_placeholder or typed else 0
        held = RawBlock(BlockKind.PARAGRAPH, text, terms=_bold_runs(para), bullet=bullet, bold=_all_bold(para))
    if held is not None:
        yield held


def _goes_on(line: str, after: str) -> bool:
    """True when ``after`` continues the sentence ``line`` leaves open: "Accounting consists of three basic
    activities—it" / "identifies," / "records, and" / "communicates" / "the economic events of ... users.". The next
    line opens in lower case; the open line has no closing mark and ends on a word that cannot end a sentence (or a
    comma or dash), or the next line closes the sentence. Lower-case items under a line ("Two loops" / "for" /
    "while") stay items."""
    end = line.rstrip()
    if not after[:1].islower() or end.endswith(_CLOSING):
        return False
    last = end.split()[-1].lower().strip("—–-") if end.split() else ""
    words = len(end.split())
    open_end = end.endswith((",", "—", "–")) or words >= 2 and (last in _OPEN_WORDS or end.endswith(("—it", "–it")))
    return open_end or words >= 3 and after.rstrip().endswith((".", "!", "?"))


#: Words after which a line's sentence goes on.
_OPEN_WORDS = frozenset(
    "a an the and or but of to in on at by for with from into that which who whose whom it its is are was were be "
    "been being has have had as than their his her our your this these those such".split()
)


#: Marks that end a line's own statement (a heading's colon too: the items under it stay items).
_CLOSING = (".", "!", "?", ":", ";", "…", ")", '"', "”")


def _looks_like_code(lines: list[str]) -> bool:
    """A text box of program code or a console session (most of its lines look like code)."""
    every = [line for text in lines for line in text.splitlines() if line.strip()]
    return bool(every) and sum(1 for line in every if _CODE_LINE.search(line)) * 2 >= len(every)


def _all_bold(para) -> bool:
    """True when every run with text is bold (a quiz slide's revealed answer, set 59's deck)."""
    runs = [r for r in para.runs if r.text.strip()]
    return bool(runs) and all(r.font.bold for r in runs)


def _bold_runs(para) -> tuple[str, ...]:
    terms = [normalize_ws(r.text).strip(" .,;:") for r in para.runs if r.font.bold]
    return tuple(t for t in terms if t and any(c.isalnum() for c in t) and len(t.split()) <= 6)


def _table_blocks(table) -> Iterator[RawBlock]:
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            if cell.is_spanned:  # covered by a merged cell: its text is the merge origin's
                continue
            text = normalize_ws(cell.text.replace("\x0b", " "))
            if text:
                cells.append(text)
        if cells:
            yield RawBlock(BlockKind.PARAGRAPH, " | ".join(cells))


def _diagram_blocks(shape, slide) -> Iterator[RawBlock]:
    """SmartArt: its text lives in a separate diagram-data part the graphic frame points at."""
    element = shape._element
    for rel_ids in element.iter(f"{{{_DIAGRAM}}}relIds"):
        rid = rel_ids.get(f"{{{_REL_NS}}}dm")
        if not rid:
            continue
        from pptx.oxml import parse_xml

        part = slide.part.related_part(rid)
        tree = parse_xml(part.blob)
        for para in tree.iter(f"{{{_A_NS}}}p"):
            text = normalize_ws("".join(t.text or "" for t in para.iter(f"{{{_A_NS}}}t")))
            if text and not list_number(text):
                yield RawBlock(BlockKind.PARAGRAPH, text)


def list_number(text: str) -> bool:
    """A numbered SmartArt list's number shape ("1", "2."): set apart from its item, it is no content (set L's deck
    sent "Ease of insertion and deletion", "1", "Traversal and searching still quite slow", "2")."""
    return re.fullmatch(r"\d{1,2}[.)]?", text.strip()) is not None


def _notes_blocks(slide) -> list[RawBlock]:
    if not slide.has_notes_slide:
        return []
    frame = slide.notes_slide.notes_text_frame
    if frame is None:
        return []
    out = []
    for para in frame.paragraphs:
        text = normalize_ws(para.text.replace("\x0b", " "))
        if text and not _SLIDE_NUMBER.match(text):
            out.append(RawBlock(BlockKind.PARAGRAPH, text, notes=True))
    return out
