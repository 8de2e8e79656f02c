"""Markdown / plain-text files -> a ``Document`` of raw blocks.

A small line parser written for textbook-style Markdown (CommonMark plus the kramdown and
HTML that OpenStax conversions carry): headings (ATX, Setext, YAML ``title:``), paragraphs,
list items, blockquote boxes, glossary definition lists, exercise/solution ``<div>``s, tables
and figures. Inline markup is stripped later, by ``clean.markdown``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from seekh_convert.model.document import BlockKind, Document, RawBlock, SourceKind
from seekh_convert.read.files import read_text_file
from seekh_convert.read.subtitles import bracketed, stamped, timed_transcript

_PANDOC_ATTRS = re.compile(r"\s*\{(?:-|[-#.][^}]*)\}\s*$")  # {-}, {#id}, {-#id}, {.unnumbered}
_PANDOC_PART = re.compile(r"^\((?:PART|APPENDIX)\*?\)\s*")
_KINDS = {".md": SourceKind.MARKDOWN, ".markdown": SourceKind.MARKDOWN, ".txt": SourceKind.TEXT, ".text": SourceKind.TEXT}

_NUMBERED_TITLE = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+\S")


class TextExtractor:
    """Read a ``.md``/``.markdown``/``.txt`` file into raw blocks (headings, paragraphs, lists... with their markup)."""

    suffixes = frozenset(_KINDS)

    def __call__(self, path: Path) -> Document:
        path = Path(path)
        kind = _KINDS.get(path.suffix.lower(), SourceKind.TEXT)
        text = read_text_file(path)
        if kind is SourceKind.TEXT and (bracketed(text) or stamped(text)):
            return timed_transcript(path, text)  # a transcript saved as .txt: "(00:12) welcome ...", whisper.cpp's lines
        raw = _MarkdownParser(indented_code=kind is SourceKind.MARKDOWN).parse(text.splitlines())
        if kind is SourceKind.TEXT:
            raw = [_plain_heading(r) for r in raw]
        return Document(path=path, kind=kind, raw_blocks=raw)


def _plain_heading(raw: RawBlock) -> RawBlock:
    """Plain text has no heading markup: a short, unpunctuated one-line paragraph is taken as a heading."""
    text = raw.text.strip()
    if raw.kind is not BlockKind.PARAGRAPH or raw.forced or "\n" in text or len(text) > 80:
        return raw
    words = text.split()
    if not words or len(words) > 10 or text[-1] in '.,;:!?"”)' or not (text[0].isupper() or text[0].isdigit()):
        return raw
    numbered = _NUMBERED_TITLE.match(text)
    level = numbered.group(1).count(".") + 1 if numbered else 2
    return RawBlock(BlockKind.HEADING, text, level=min(level, 6))


_ATX = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^ {0,3}(={2,}|-{2,})\s*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:\s*\1){2,}\s*$")
_LIST = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+(\S.*)$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_INDENTED = re.compile(r"^(?: {4}|\t)\s*\S")
_QUOTE = re.compile(r"^ {0,3}>")
_DEFINITION = re.compile(r"^ {0,3}:\s+(\S.*)$")
_FIGURE_LINE = re.compile(r"^\[Figure:\s*(?P<caption>.*?)(?:\s*\|\s*alt:\s*(?P<alt>.*))?\]$", re.S)
_IMAGE_LINE = re.compile(
    r'^(?:<span[^>]*>\s*)?!\[(?P<alt>[^\]]*)\]\(\s*[^\s)]*(?:\s+"(?P<title>[^"]*)")?\s*\)(?:\{:[^}]*\})?(?:\s*</span>)?$'
)
_DIV_OPEN = re.compile(r"^<div\b(?P<attrs>[^>]*)>$")
_DATA_TYPE = re.compile(r'data-type="([^"]*)"')
_SKIP_LINE = re.compile(
    r"^(?:<cnx-pi\b.*|</?(?:figcaption|iframe|thead|tbody|span|p)\b[^>]*>|\[[^\]]+\]:\s+\S+.*|\{:[^}]*\}|\^|<!--.*-->|Table:)$"
)
_FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*):\s*(.*)$")
_EXAMPLE_LEAD = re.compile(r"^\*\*(?:Example|Check Your Understanding)\b", re.I)
_PARA_LEAD = re.compile(r"^(?:\*\*(?:Strategy|Solution|Significance|Example|Check Your Understanding)\b|\[Figure:|!\[)", re.I)
_BOX_TITLE = re.compile(r"^\*\*(?P<title>[^*]+)\*\*\s*$")
_GENERIC_BOX = re.compile(
    r"note|connection|strategy|drawing|constructing|learning|example|dig deeper|what do you think|try it|career|link",
    re.I,
)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.S | re.I)
_CELL = re.compile(r"<t([hd])\b[^>]*>(.*?)</t[hd]>", re.S | re.I)
_WRAPPED_LINE = 120  # a paragraph line longer than this is a whole paragraph, not a hard-wrapped line


def _title_kind(title: str) -> BlockKind | None:
    """The kind of a note box / div from its title (``Link to Learning`` -> BOILERPLATE ...)."""
    lowered = title.strip().lower()
    if re.match(r"(link to learning|learning objectives|watch|media|interactive|video)", lowered):
        return BlockKind.BOILERPLATE
    if re.match(r"(art connection|visual connection|check your understanding|exercise|problem|try it)", lowered):
        return BlockKind.QUESTION
    return None


_DIV_KINDS = {
    "exercise": BlockKind.QUESTION,
    "problem": BlockKind.QUESTION,
    "solution": BlockKind.QUESTION,
    "commentary": BlockKind.QUESTION,
    "abstract": BlockKind.BOILERPLATE,
    "media": BlockKind.BOILERPLATE,
    "glossary": BlockKind.GLOSSARY,
}


@dataclass
class _Container:
    tag: str
    forced: BlockKind | None = None
    title_lines: list[str] = field(default_factory=list)


class _MarkdownParser:
    """Line parser: Markdown (+kramdown, +OpenStax HTML) -> ``RawBlock``s still holding inline markup."""

    def __init__(self, forced: BlockKind | None = None, terms: tuple[str, ...] = (), indented_code: bool = True):
        self._base_forced = forced
        self._terms = terms
        self._indented_code = indented_code
        self._out: list[RawBlock] = []
        self._stack: list[_Container] = []
        self._buf: list[str] = []
        self._buf_kind = BlockKind.PARAGRAPH
        self._term: str | None = None
        self._example = False
        self._seen_h1 = False

    def parse(self, lines: list[str]) -> list[RawBlock]:
        i = 0
        while i < len(lines):
            i = self._line(lines, i)
        self._flush()
        return self._out

    # -- one line (or a multi-line construct) at a time; returns the index of the next line
    def _line(self, lines: list[str], i: int) -> int:
        line = lines[i].rstrip()
        stripped = line.strip()
        title_div = self._stack[-1] if self._stack and self._stack[-1].tag == "title" else None
        if title_div is not None and stripped != "</div>":
            title_div.title_lines.append(stripped)
            return i + 1
        if not stripped:
            self._flush()
            self._example = False
            return i + 1
        if self._buf_kind is BlockKind.CODE and self._buf and not _INDENTED.match(line):
            self._flush()
        if stripped.startswith("<!--") and "-->" not in stripped:
            self._flush()
            while i < len(lines) and "-->" not in lines[i]:
                i += 1
            return i + 1
        if _SKIP_LINE.match(stripped):
            self._flush()
            return i + 1
        if stripped == "---" and not self._buf and self._front_matter_end(lines, i):
            return self._front_matter(lines, i)
        for handler in (self._html, self._heading, self._fence, self._quote, self._table):
            nxt = handler(lines, i, line, stripped)
            if nxt is not None:
                return nxt
        self._text_line(line, stripped)
        return i + 1

    def _html(self, lines: list[str], i: int, line: str, stripped: str) -> int | None:
        div = _DIV_OPEN.match(stripped)
        if div:
            self._flush()
            self._open_div(div.group("attrs"))
            return i + 1
        if stripped == "</div>" or stripped == "</figure>":
            self._flush()
            self._close()
            return i + 1
        if re.match(r"^<figure\b[^>]*>$", stripped):
            self._flush()
            self._stack.append(_Container("figure", BlockKind.FIGURE))
            return i + 1
        return None

    def _heading(self, lines: list[str], i: int, line: str, stripped: str) -> int | None:
        atx = _ATX.match(line)
        if atx:
            self._flush()
            self._emit_heading(atx.group(2), len(atx.group(1)))
            return i + 1
        setext = _SETEXT.match(line)
        if setext and self._buf_kind is BlockKind.PARAGRAPH and len(self._buf) == 1:
            text = self._buf.pop()
            self._emit_heading(text, 1 if setext.group(1)[0] == "=" else 2)
            return i + 1
        if _RULE.match(line):
            self._flush()
            return i + 1
        return None

    def _fence(self, lines: list[str], i: int, line: str, stripped: str) -> int | None:
        fence = _FENCE.match(line)
        if not fence:
            return None
        self._flush()
        body: list[str] = []
        i += 1
        while i < len(lines) and not lines[i].strip().startswith(fence.group(1)):
            body.append(lines[i])
            i += 1
        self._emit(BlockKind.CODE, "\n".join(body), forced=True)
        return i + 1

    def _quote(self, lines: list[str], i: int, line: str, stripped: str) -> int | None:
        if not _QUOTE.match(line):
            return None
        self._flush()
        inner: list[str] = []
        while i < len(lines) and _QUOTE.match(lines[i]):
            inner.append(re.sub(r"^ {0,3}> ?", "", lines[i].rstrip()))
            i += 1
        forced, terms = self._forced(), self._terms
        box = _BOX_TITLE.match(inner[0].strip()) if inner else None
        if box:
            title = box.group("title").strip()
            inner = inner[1:]
            forced = forced or _title_kind(title)
            generic = _GENERIC_BOX.search(title)
            if not generic and len(title.split()) <= 6:
                terms = (*terms, title)
        sub = _MarkdownParser(forced, terms, self._indented_code)
        self._out.extend(sub.parse(inner))
        return i

    def _table(self, lines: list[str], i: int, line: str, stripped: str) -> int | None:
        if stripped.startswith("|"):
            self._flush()
            rows: list[list[str]] = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
                if not all(re.fullmatch(r":?-{2,}:?", c) for c in cells):
                    rows.append(cells)
                i += 1
            first = next((n for n, r in enumerate(rows) if len(r) > 1), None)
            self._emit_rows([(n == first, r) for n, r in enumerate(rows)])
            return i
        if not stripped.startswith("<table"):
            return None
        self._flush()
        start = i
        while i < len(lines) and "</table>" not in lines[i]:
            i += 1
        html_rows = [_CELL.findall(row) for row in _ROW.findall("\n".join(lines[start : i + 1]))]
        self._emit_rows([(all(tag == "h" for tag, _ in r), [c.strip() for _, c in r]) for r in html_rows if r])
        return i + 1

    def _text_line(self, line: str, stripped: str) -> None:
        figure = _FIGURE_LINE.match(stripped)
        image = _IMAGE_LINE.match(stripped)
        if figure or image:
            self._flush()
            match = figure or image
            parts = [match.group(n) for n in ("caption", "alt", "title") if n in match.re.groupindex]
            self._emit(BlockKind.FIGURE, " ".join(p for p in parts if p), forced=True)
            return
        if self._indented_code and _INDENTED.match(line) and self._buf_kind is not BlockKind.LIST_ITEM:
            if self._buf_kind is not BlockKind.CODE:
                self._flush()
                self._buf_kind = BlockKind.CODE
            self._buf.append(stripped)
            return
        definition = _DEFINITION.match(line)
        if definition and self._buf_kind is BlockKind.PARAGRAPH and len(self._buf) == 1:
            self._term = self._buf.pop()
            self._buf_kind = BlockKind.GLOSSARY
            self._buf.append(definition.group(1))
            return
        item = _LIST.match(line)
        if item and not stripped.startswith("**"):
            self._flush()
            self._buf_kind = BlockKind.LIST_ITEM
            self._buf.append(item.group(1))
            return
        if self._buf and (len(self._buf[-1]) > _WRAPPED_LINE or _PARA_LEAD.match(stripped)):
            self._flush()
        if not self._buf and _EXAMPLE_LEAD.match(stripped):
            self._example = True
        self._buf.append(stripped)

    # -- containers
    def _open_div(self, attrs: str) -> None:
        found = _DATA_TYPE.search(attrs)
        data_type = found.group(1) if found else ""
        if data_type == "title":
            self._stack.append(_Container("title"))
            return
        forced = _DIV_KINDS.get(data_type)
        if "art-connection" in attrs:
            forced = BlockKind.QUESTION
        self._stack.append(_Container(data_type or "div", forced))

    def _close(self) -> None:
        if not self._stack:
            return
        closed = self._stack.pop()
        if closed.tag == "title" and self._stack:
            parent = self._stack[-1]
            parent.forced = parent.forced or _title_kind(" ".join(closed.title_lines))

    def _forced(self) -> BlockKind | None:
        if self._example:
            return BlockKind.QUESTION
        for container in reversed(self._stack):
            if container.forced is not None:
                return container.forced
        return self._base_forced

    # -- output
    def _flush(self) -> None:
        if self._buf:
            kind, term = self._buf_kind, self._term
            if kind is BlockKind.GLOSSARY:
                self._emit(kind, "\n".join(self._buf), forced=True, term=term)
            else:
                self._emit(kind, "\n".join(self._buf), forced=kind is BlockKind.CODE)
        self._buf, self._buf_kind, self._term = [], BlockKind.PARAGRAPH, None

    def _emit(self, kind: BlockKind, text: str, forced: bool = False, term: str | None = None) -> None:
        container = self._forced()
        if container is not None and kind not in (BlockKind.FIGURE, BlockKind.CODE, BlockKind.GLOSSARY):
            kind, forced = container, True
        if container is BlockKind.GLOSSARY and kind is BlockKind.GLOSSARY and term is None:
            kind = BlockKind.PARAGRAPH
        self._out.append(RawBlock(kind, text, term=term, forced=forced, terms=self._terms))

    def _emit_heading(self, text: str, level: int) -> None:
        text = _PANDOC_PART.sub("", _PANDOC_ATTRS.sub("", text)).strip()  # bookdown: "(PART) Foundations {-}"
        self._seen_h1 = self._seen_h1 or level == 1
        self._out.append(RawBlock(BlockKind.HEADING, text, level=level))

    def _emit_rows(self, rows: list[tuple[bool, list[str]]]) -> None:
        """Table rows -> one block each (``Header: cell; ...``); a one-cell row is a caption."""
        header: list[str] = []
        for is_header, cells in rows:
            if len(cells) == 1:
                self._emit(BlockKind.FIGURE, cells[0], forced=True)
            elif is_header:
                header = cells
            elif len(header) == len(cells):
                self._emit(BlockKind.LIST_ITEM, "; ".join(f"{h}: {c}" for h, c in zip(header, cells)))
            else:
                self._emit(BlockKind.LIST_ITEM, " | ".join(cells))

    # -- YAML front matter (one per module in the biology conversion): its title becomes a heading
    @staticmethod
    def _front_matter_end(lines: list[str], i: int) -> int | None:
        if i + 1 >= len(lines) or not _FRONT_KEY.match(lines[i + 1].strip()):
            return None
        for j in range(i + 1, min(len(lines), i + 40)):
            if lines[j].strip() == "---":
                return j
        return None

    def _front_matter(self, lines: list[str], i: int) -> int:
        end = self._front_matter_end(lines, i) or i
        for raw in lines[i + 1 : end]:
            key = _FRONT_KEY.match(raw.strip())
            if key and key.group(1).lower() == "title" and key.group(2).strip():
                self._emit_heading(key.group(2).strip().strip("\"'"), 2 if self._seen_h1 else 1)
        return end + 1
