"""Word (.docx) -> raw blocks, with python-docx.

Headings come from the paragraph's outline level (its own, or its style's, or a style it is based on) and from
"Heading N" style names; list paragraphs become list items, code styles code, glossary pairs ("Definition
Term" + "Definition") glossary entries, tables one block per row with the cells as text. Footnotes, comments,
headers and footers are separate parts of the file and never enter the body; tracked deletions neither.
Pages are counted where the document marks them (Word's own page-break marks, else explicit page breaks).
Equations (OMML) are kept as linear text (``read/omml.py``); a sentence that runs on through equations set as
paragraphs of their own ("denoted" / σ^2 / "), and ...") is one block again, so a quote across it is found.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path

from seekh_convert.errors import InputError
from seekh_convert.model.document import BlockKind, Document, RawBlock, SourceKind
from seekh_convert.read.container import check_archive, damaged, package_title
from seekh_convert.read.omml import is_math, linear
from seekh_convert.text.normalize import normalize_ws

_WHAT = "Word document"
_HEADING_NAME = re.compile(r"^heading\s*([1-9])$", re.I)
_CODE_STYLE = re.compile(r"source code|\bcode\b|preformatted|plain text|verbatim|macro text", re.I)
_LIST_STYLE = re.compile(r"^(list|compact)\b|\blist (bullet|number|continue|paragraph)", re.I)
_FIGURE_STYLE = re.compile(r"caption|^figure|image", re.I)
_SKIP_STYLE = re.compile(r"^(toc\b|table of contents|index \d|author|date|subtitle|header|footer)", re.I)
_TERM_STYLE = re.compile(r"^definition term$", re.I)
_DEFINITION_STYLE = re.compile(r"^definition$", re.I)
_MAX_HEADING_CHARS = 200
_SENTENCE_END = re.compile(r"[.!?]['\"”’)\]]*$")
_RUNS_ON = re.compile(r"^[a-z()\],.;:]")
_SPACE_BEFORE, _SPACE_AFTER = re.compile(r"\s+([)\],.;:!?])"), re.compile(r"([(\[])\s+")


_M = "http://schemas.openxmlformats.org/officeDocument/2006/math"


@functools.cache
def _ns(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


class DocxExtractor:
    """Read a ``.docx`` file into a ``Document`` of plain-text raw blocks."""

    def __call__(self, path: Path) -> Document:
        path = Path(path)
        check_archive(path, _WHAT)
        try:
            import docx

            word = docx.Document(str(path))
            doc = Document(path=path, kind=SourceKind.DOCX)
            body = _Body(word)
            doc.raw_blocks = run_in_headings(infer_headings(list(body.blocks()), body.bold_lines))
            if _pages_too_long(doc.raw_blocks):
                for block in doc.raw_blocks:
                    block.page = None  # cited by section: "p. 2" on every quote of a casebook says nothing
            doc.title = _title(word, doc.raw_blocks)
        except InputError:
            raise
        except Exception as exc:  # python-docx on a damaged package: KeyError, lxml errors, ValueError...
            raise damaged(path, _WHAT, exc) from exc
        return doc


#: Words no printed page holds: a "page" of explicit breaks this long is a part of the document, not a page.
_PAGE_WORDS = 1500


def _pages_too_long(blocks: list[RawBlock]) -> bool:
    """True when the marked page breaks do not follow the pages (a title page's one break, then 40,000 words)."""
    words: dict[int | None, int] = {}
    for b in blocks:
        words[b.page] = words.get(b.page, 0) + len(b.text.split())
    return max(words.values(), default=0) > _PAGE_WORDS


#: A line that can be a title: at most 12 words, starting with a letter or a number, not ending as a sentence does.
_TITLE_LINE = re.compile(r"^(?=[\w(])(?!.*[.;,]$)\S+(?: \S+){0,11}$")
#: A line that names its chapter by number, a heading however it is typed: "Chapter 1 The Importance of Ancient Indian History".
_CHAPTER_LINE = re.compile(
    r"^(?i:chapter|unit|lecture|lesson|module|week)\s+(?:\d{1,2}|[IVXLC]{1,5})\b\s*[:.\-\u2013\u2014]?\s*[A-Z]"
)
#: Share of the body before the first styled heading above which the writer did not use heading styles for its outline
_UNSTYLED_SHARE = 0.2
_MAX_BOLD_RUN = 3


def infer_headings(blocks: list[RawBlock], bold_lines: dict[int, RawBlock]) -> list[RawBlock]:
    """Short paragraphs set wholly in bold become headings where the writer set the outline by hand.

    Lecture notes typed in "Normal" style mark "LECTURE 1: SPM CONCEPTS" and "PROCESS GROUPS" in bold and nothing
    else; read as paragraphs, a whole lecture is one section and its lines run into the sentences around them. Only
    where no styled heading comes before a fifth of the text. More than three bold lines in a row are a list,
    and a bold line that ends the document heads nothing: both stay paragraphs. All capitals is level 1, any
    other line level 2; each line of a run is a level below the one before it.
    """
    words = sum(len(b.text.split()) for b in blocks)
    seen = 0
    for b in blocks:
        if b.kind is BlockKind.HEADING:
            if seen < _UNSTYLED_SHARE * words:
                return blocks
            break
        seen += len(b.text.split())
    out = list(blocks)
    i = 0
    while i < len(out):
        run = i
        while run < len(out) and id(out[run]) in bold_lines and not _INSTRUCTION.search(out[run].text):
            run += 1
        if run == i:
            i += 1
            continue
        # a bold line typed as a numbered list item ("1. Introduction" in "List Paragraph", set 52's chapter) heads
        # what follows when it stands alone, not inside a list
        listed = any(out[k].kind is BlockKind.LIST_ITEM for k in range(i, run)) and (
            i > 0 and out[i - 1].kind is BlockKind.LIST_ITEM or run < len(out) and out[run].kind is BlockKind.LIST_ITEM
        )
        if run - i <= _MAX_BOLD_RUN and run < len(out) and not listed:  # a few bold lines, then the text they head
            level = 0
            for k in range(i, run):
                text = normalize_ws(out[k].text).rstrip(":").strip()
                level = max(level + 1, 1 if text.upper() == text and any(c.isalpha() for c in text) else 2)
                out[k] = RawBlock(BlockKind.HEADING, text, level=min(level, 3), page=out[k].page)
        i = run
    return out


#: A bold line that tells the reader what to do heads nothing: "Questions that must be answered in RED" (set 74).
_INSTRUCTION = re.compile(r"\b(?:must|should|shall|need to|have to|please)\b", re.I)


#: Words a sentence opens with, after a run-in heading: "Project Quality Management There are three processes"
_OPENERS = frozenset("the there this these those it its in a an each all our we every some most one".split())


def run_in_headings(blocks: list[RawBlock]) -> list[RawBlock]:
    """A paragraph that opens with a name the document gives as a line of its own, then a sentence, is that
    heading and its paragraph.

    Notes pasted together from a PDF lose the break after a heading: "Project Communications Management
    Communications management is the knowledge area ...", where a list earlier names "Project Communications
    Management". The sentence must open with a word that opens sentences ("There", "The") or with a word of the
    name ("Communications"), so "Project Management Institute defines ..." stays whole.
    """
    names = {}
    for b in blocks:
        line = normalize_ws(b.text).lstrip("•·-–* ").rstrip(":").strip()
        if 2 <= len(line.split()) <= 6 and line[:1].isupper() and not _SENTENCE_END.search(line):
            names.setdefault(line.lower(), line)
    if not names:
        return blocks
    out: list[RawBlock] = []
    above = 0  # the level of the heading the paragraph is under
    for b in blocks:
        if b.kind is BlockKind.HEADING:
            above = b.level
        words = b.text.split()
        split = 0
        if b.kind is BlockKind.PARAGRAPH and len(words) > 8:
            for n in range(6, 1, -1):
                name, first = " ".join(words[:n]), words[n]
                if name.lower() in names and first[:1].isupper():
                    opener = first.strip("(“\"'").lower()
                    if opener in _OPENERS or opener in {w.lower() for w in words[:n]}:
                        split = n
                        break
        if split:
            out.append(RawBlock(BlockKind.HEADING, " ".join(words[:split]), level=min(above + 1, 6), page=b.page))
            out.append(RawBlock(b.kind, " ".join(words[split:]), terms=b.terms, page=b.page))
        else:
            out.append(b)
    return out


def _all_bold(para, chain: list) -> bool:
    """Every run with text is bold, by its own setting or by the paragraph's style."""
    style_bold = next((s.font.bold for s in chain if s.font is not None and s.font.bold is not None), None)
    runs = [r for r in para.runs if r.text.strip()]
    return bool(runs) and all(r.bold if r.bold is not None else bool(style_bold) for r in runs)


def _title(word, blocks: list[RawBlock]) -> str:
    return package_title(word.core_properties.title, blocks, r"^(untitled|microsoft word|document\d*)$|\.docx?$")


class _Body:
    """Walks the document body in order (paragraphs, tables, content controls) and tracks pages."""

    def __init__(self, word) -> None:
        self.word = word
        body = word.element.body
        self.rendered = next(body.iter(_ns("w:lastRenderedPageBreak")), None) is not None
        self.paged = self.rendered or any(_is_page_break(br) for br in body.iter(_ns("w:br")))
        self.page = 1
        self.term: str | None = None  # a "Definition Term" waiting for its definition
        self.title_seen = False
        self.math_only: dict[int, RawBlock] = {}  # blocks read from a paragraph holding only an equation, by id
        self.bold_lines: dict[int, RawBlock] = {}  # short body paragraphs set wholly in bold (or "Chapter 2 ..."): maybe headings
        # style id -> its style chain and their names (python-docx scans every style on each look-up)
        self._chains: dict[str | None, tuple[list, list[str]]] = {}

    def chain(self, para) -> tuple[list, list[str]]:
        """The paragraph's style and the styles it is based on, and their names, looked up once per style id."""
        style_id = para._p.style
        if style_id not in self._chains:
            chain = _style_chain(para)
            self._chains[style_id] = chain, [s.name or "" for s in chain]
        return self._chains[style_id]

    def blocks(self) -> Iterator[RawBlock]:
        """The body's blocks, a sentence that runs on through equation paragraphs joined into one."""
        pending: RawBlock | None = None
        after_math = False  # ``pending`` ends with an equation
        for block in self._walk(self.word.element.body):
            math = id(block) in self.math_only
            if pending is not None and _runs_on(pending, block, math, after_math):
                pending.text = _tight(f"{pending.text.rstrip()} {block.text.strip()}")
                after_math = math
                continue
            if pending is not None:
                yield pending
            pending, after_math = block, math
        if pending is not None:
            yield pending

    def _walk(self, parent) -> Iterator[RawBlock]:
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        for child in parent.iterchildren():
            if child.tag == _ns("w:p"):
                yield from self._paragraph(Paragraph(child, self.word))
            elif child.tag == _ns("w:tbl"):
                yield from self._table(Table(child, self.word))
            elif child.tag == _ns("w:sdt"):
                content = child.find(_ns("w:sdtContent"))
                if content is not None:
                    yield from self._walk(content)

    def _paragraph(self, para) -> Iterator[RawBlock]:
        before, after = self._breaks(para._p)
        self.page += before
        block = self._block(para)
        if block is not None:
            block.page = self.page if self.paged else None
            yield block
        self.page += after

    def _block(self, para) -> RawBlock | None:
        block = self._text_block(para)
        if block is not None and _only_math(para._p):
            self.math_only[id(block)] = block  # held, so no later block can take its id
        return block

    def _text_block(self, para) -> RawBlock | None:
        text = _paragraph_text(para)
        if not text.strip():
            return None
        chain, styles = self.chain(para)
        if any(_SKIP_STYLE.search(s) for s in styles):
            return None
        if styles and styles[0].lower() == "title":
            self.title_seen = True
            return None
        level = _outline_level(para, chain, styles)
        if level and len(text) <= _MAX_HEADING_CHARS:
            return RawBlock(BlockKind.HEADING, _heading_text(chain, text), level=level)
        if any(_TERM_STYLE.search(s) for s in styles):
            self.term = normalize_ws(text)
            return None
        term, self.term = self.term, None
        if term and any(_DEFINITION_STYLE.search(s) for s in styles):
            return RawBlock(BlockKind.GLOSSARY, text, term=term, forced=True)
        if any(_CODE_STYLE.search(s) for s in styles):
            return RawBlock(BlockKind.CODE, text, forced=True)
        if any(_FIGURE_STYLE.search(s) for s in styles):
            return RawBlock(BlockKind.FIGURE, text, forced=True)
        kind = BlockKind.LIST_ITEM if _is_list(para, chain, styles) else BlockKind.PARAGRAPH
        block = RawBlock(kind, text, terms=_bold_runs(para))
        line = normalize_ws(text)
        if _TITLE_LINE.match(line) and (_all_bold(para, chain) or _CHAPTER_LINE.match(line)):
            self.bold_lines[id(block)] = block  # bold, or "Chapter 2 The Construction of ..." typed plain (set 60)
        return block

    def _table(self, table) -> Iterator[RawBlock]:
        for row in table.rows:
            cells: list[str] = []
            seen: set[int] = set()
            for cell in row.cells:  # merged cells come back once per grid column: keep each once
                if id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                text = normalize_ws(cell.text)
                if text and (not cells or cells[-1] != text):
                    cells.append(text)
            if cells:
                yield RawBlock(BlockKind.PARAGRAPH, " | ".join(cells), page=self.page if self.paged else None)
        for element in table._tbl.iter(_ns("w:br"), _ns("w:lastRenderedPageBreak")):
            self.page += self._counts(element)

    def _breaks(self, p) -> tuple[int, int]:
        """Page breaks before the paragraph's first text and after it."""
        before = after = 0
        ppr = p.find(_ns("w:pPr"))
        if ppr is not None and not self.rendered:
            flag = ppr.find(_ns("w:pageBreakBefore"))
            if flag is not None and flag.get(_ns("w:val"), "true") not in ("0", "false"):
                before += 1
        text_seen = False
        for element in p.iter(_ns("w:t"), _ns("w:br"), _ns("w:lastRenderedPageBreak")):
            if element.tag == _ns("w:t"):
                text_seen = text_seen or bool((element.text or "").strip())
                continue
            if text_seen:
                after += self._counts(element)
            else:
                before += self._counts(element)
        return before, after

    def _counts(self, element) -> int:
        """1 when ``element`` starts a new page in the counting mode of this document."""
        if self.rendered:
            return int(element.tag == _ns("w:lastRenderedPageBreak"))
        return int(element.tag == _ns("w:br") and _is_page_break(element))


def _runs_on(before: RawBlock, block: RawBlock, math: bool, after_math: bool) -> bool:
    """Whether ``block`` continues the sentence of ``before``: an equation paragraph after unfinished text, or
    text going on in lower case (or with closing punctuation) after an equation."""
    if before.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) or block.kind is not BlockKind.PARAGRAPH:
        return False
    if before.page != block.page or _SENTENCE_END.search(before.text.rstrip()):
        return False
    return math or (after_math and bool(_RUNS_ON.match(block.text.lstrip())))


def _only_math(p) -> bool:
    """A paragraph whose only text is equations."""
    has_math = any(True for _ in p.iter(f"{{{_M}}}oMath"))
    own_text = any((t.text or "").strip() for t in p.iter(_ns("w:t")) if not _inside_math(t))
    return has_math and not own_text


def _inside_math(element) -> bool:
    return any(a.tag.startswith(f"{{{_M}}}") for a in element.iterancestors())


def _paragraph_text(para) -> str:
    """The paragraph's text as python-docx reads it, with its equations as linear text in place."""
    p = para._p
    if next(p.iter(f"{{{_M}}}oMath"), None) is None:
        return para.text
    return _tight("".join(_inline_text(child) for child in p).strip())


def _tight(text: str) -> str:
    """One space between words, none inside brackets or before punctuation (left by joining an equation's text in)."""
    return _SPACE_AFTER.sub(r"\1", _SPACE_BEFORE.sub(r"\1", re.sub(r"(?<=\S) {2,}(?=\S)", " ", text)))


_SKIP = frozenset({"pPr", "rPr", "del", "moveFrom", "proofErr", "bookmarkStart", "bookmarkEnd", "commentRangeStart"})


def _inline_text(element) -> str:
    """Text of one element of a paragraph, in document order: runs, links, insertions, fields and equations."""
    if is_math(element):
        return f" {linear(element).strip()} "
    name = element.tag.rsplit("}", 1)[-1]
    if name in _SKIP:
        return ""
    if name == "t":
        return element.text or ""
    if name in ("tab", "ptab"):
        return "\t"
    if name in ("br", "cr"):
        return "\n"
    if name == "noBreakHyphen":
        return "-"
    return "".join(_inline_text(child) for child in element)


def _is_page_break(br) -> bool:
    return br.get(_ns("w:type")) == "page"


def _style_chain(para) -> list:
    """The paragraph's style and the styles it is based on (a cycle-safe walk)."""
    chain = []
    style = para.style
    while style is not None and style not in chain and len(chain) < 20:
        chain.append(style)
        style = style.base_style
    return chain


def _outline_level(para, chain: list, names: list[str]) -> int:
    """1-based heading level (0 for body text): the paragraph's outline level, its style's, or a "Heading N" name."""
    elements = [para._p.pPr, *(s.element.pPr for s in chain)]
    for ppr in elements:
        if ppr is None:
            continue
        level = ppr.find(_ns("w:outlineLvl"))
        if level is not None:
            value = level.get(_ns("w:val"), "")
            return int(value) + 1 if value.isdigit() and int(value) < 9 else 0
    for name in names:
        match = _HEADING_NAME.match(name.strip())
        if match:
            return int(match.group(1))
    return 0


def _heading_text(chain: list, text: str) -> str:
    """A heading as shown: typed in lower case under an all-caps style, it reads as a title."""
    text = normalize_ws(text)
    for style in chain:
        rpr = style.element.rPr
        if rpr is not None and (rpr.find(_ns("w:caps")) is not None or rpr.find(_ns("w:smallCaps")) is not None):
            return text[:1].upper() + text[1:] if text.islower() else text
    return text


def _is_list(para, chain: list, styles: list[str]) -> bool:
    ppr = para._p.pPr
    if ppr is not None and ppr.find(_ns("w:numPr")) is not None:
        return True
    if any(s.element.pPr is not None and s.element.pPr.find(_ns("w:numPr")) is not None for s in chain):
        return True
    return any(_LIST_STYLE.search(s) for s in styles)


def _bold_runs(para) -> tuple[str, ...]:
    """Runs of bold text (the terms the writer marked)."""
    runs: list[str] = []
    current = ""
    for run in para.runs:
        if run.bold:
            current += run.text
        else:
            runs.append(current)
            current = ""
    runs.append(current)
    terms = [normalize_ws(r).strip(" .,;:") for r in runs]
    return tuple(t for t in terms if t and any(c.isalnum() for c in t) and len(t.split()) <= 6)
