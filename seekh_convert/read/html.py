"""Web pages (.html) -> raw blocks: the page's main content (trafilatura), its headings as sections.

trafilatura finds the main content of a page and drops navigation, menus, sidebars, footers, cookie banners
and scripts; what it keeps comes back as simple HTML, which ``html_blocks`` (shared with the EPUB reader)
turns into headings, paragraphs, list items, code, tables (one block per row) and glossary entries.
"""

from __future__ import annotations

import html as html_lib
import logging
import re
from collections.abc import Iterator
from pathlib import Path

from seekh_convert.errors import InputError
from seekh_convert.model.document import BlockKind, Document, RawBlock, SourceKind
from seekh_convert.read.container import damaged
from seekh_convert.read.files import decode_text
from seekh_convert.read.mathml import is_math, linear_text
from seekh_convert.text.labels import is_file_label
from seekh_convert.text.normalize import normalize_ws

logging.getLogger("trafilatura").setLevel(logging.ERROR)  # it logs every page it finds thin, by the hundred
logging.getLogger("htmldate").setLevel(logging.ERROR)

_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_SKIP = frozenset("script style noscript nav header footer aside form button select template svg math iframe head".split())
_CONTAINERS = frozenset("div section article main body blockquote center details summary span html".split())
_INLINE = frozenset(
    "a abbr b bdi bdo br cite code dfn em font i kbd mark q s samp small strong sub sup time tt u var wbr img".split()
)
_BOLD = frozenset({"b", "strong"})
_PERMALINK = re.compile(r"\s*[¶#§🔗]+\s*$")
#: Largest web page read: a saved article is well under this; parsed, a page takes some 20 times its size in memory.
MAX_PAGE_BYTES = 20 << 20


class HtmlExtractor:
    """Read a web page's main content into a ``Document`` of plain-text raw blocks."""

    def __call__(self, path: Path) -> Document:
        path = Path(path)
        try:
            if path.stat().st_size > MAX_PAGE_BYTES:
                raise InputError(
                    f"{path.name} is {path.stat().st_size / 1e6:.0f} MB, more than a web page holds "
                    f"({MAX_PAGE_BYTES >> 20} MB at most); save the article itself, or convert it to Markdown"
                )
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"{path.name}: cannot read the file ({exc.strerror or exc}); check the path") from exc
        page = decode_text(data, path)
        try:
            import trafilatura

            page = margin_glossary(inline_footnotes(sidenotes(linear_math(page))))

            main = trafilatura.extract(
                page,
                output_format="xml",
                include_tables=True,
                include_formatting=True,
                include_links=False,
                include_images=False,
                include_comments=False,
                favor_recall=True,
                deduplicate=False,
            )
            blocks = restore_headings(html_blocks(_as_html(main)), page) if main else []
        except Exception as exc:  # lxml / trafilatura on a page it cannot parse
            raise damaged(path, "web page", exc) from exc
        if sum(len(b.text.split()) for b in blocks if b.kind is not BlockKind.HEADING) < 5:  # a menu's "Home"
            raise InputError(
                f"{path.name}: no main text found on the page (only navigation, scripts or pictures); save the article itself"
            )
        doc = Document(path=path, kind=SourceKind.HTML, raw_blocks=blocks)
        doc.title = next((b.text for b in blocks if b.kind is BlockKind.HEADING), "") or _page_title(page)
        return doc


_GLOSSDEF = re.compile(r"""class\s*=\s*["'][^"']*\bglossdef\b""", re.I)
_FOOTNOTE = re.compile(r"""<span[^>]*\bclass\s*=\s*["'](?:[^"']*\s)?footnote(?:\s[^"']*)?["']""", re.I)


_MATH = re.compile(r"<math\b", re.I)


def linear_math(page: str) -> str:
    """A page whose equations (MathML) are written as their linear text ("x̅", "σ/√n"): the main-content extractor
    drops ``<math>``, which left set 51's statistics chapter saying "... a mean , and a standard deviation".
    Unchanged when it has none."""
    if not _MATH.search(page):
        return page
    import lxml.html

    root = lxml.html.document_fromstring(page)
    for math in [e for e in root.iter() if is_math(e)]:
        span = lxml.html.Element("span")
        span.text, span.tail = linear_text(math), math.tail
        math.getparent().replace(math, span)
    return lxml.html.tostring(root, encoding="unicode")


def inline_footnotes(page: str) -> str:
    """A page without the footnotes it prints inside its sentences (``<span class="footnote">Tex. Penal Code § 15.01
    ...</span>`` right after "... a criminal offense.", as Saylor and Flat World books mark them): they glued
    citations onto sentences ("... criminal offense.Tex.", set 27). Unchanged when it has none."""
    if not _FOOTNOTE.search(page):
        return page
    import lxml.html

    root = lxml.html.document_fromstring(page)
    for note in root.xpath('//span[contains(concat(" ", normalize-space(@class), " "), " footnote ")]'):
        note.drop_tree()  # keeps the text after it
    return lxml.html.tostring(root, encoding="unicode")


#: A Tufte-style side note after the term it defines: "Insurance<label class="margin-toggle sidenote-number"></label>
#: </span><input class="margin-toggle"/><span class="sidenote">A contract of reimbursement.</span></span>" (an adapted
#: Saylor book, set 37: "InsuranceA contract of reimbursement. is a contract of reimbursement.").
_SIDENOTE = re.compile(
    r"(?P<before>[^<>]{0,300})<label\b[^>]*\bsidenote-number\b[^>]*>\s*</label>\s*(?:</span>)?\s*"
    r"(?:<input\b[^>]*\bmargin-toggle\b[^>]*>\s*)?<span\b[^>]*\bclass\s*=\s*[\"']sidenote[\"'][^>]*>(?P<note>[^<]{1,600})</span>"
    r"(?:\s*</span>)?",
    re.I,
)
_TERM_TAIL = re.compile(r"(?:^|[\s(\u201c\"])((?:[A-Za-z][\w'\u2019-]*\s+){0,3}[A-Za-z][\w'\u2019-]*)\s*$")


def sidenotes(page: str) -> str:
    """A page whose side-note definitions are taken out of the sentence they interrupt and given as a "term:
    definition" paragraph after it (the term: the words before the note back to a stop word or punctuation)."""
    if "sidenote" not in page:
        return page
    out: list[str] = []
    entries: list[str] = []
    at = 0
    for m in _SIDENOTE.finditer(page):
        before = m.group("before")
        out.append(page[at : m.start()] + before)
        term = _sidenote_term(html_lib.unescape(before))
        note = normalize_ws(html_lib.unescape(m.group("note")))
        if term and note:
            entries.append(f"<p>{html_lib.escape(term[:1].upper() + term[1:])}: {html_lib.escape(note)}</p>")
        at = m.end()
        close = page.find("</p>", at)
        if entries and (close == -1 or not _SIDENOTE.search(page, at, close)):
            end = close + 4 if close != -1 else len(page)
            out.append(page[at:end] + "".join(entries))
            entries, at = [], end
    out.append(page[at:])
    return "".join(out)


def _sidenote_term(before: str) -> str:
    """The words a side note defines: the last words before it, from after the last stop word or punctuation."""
    from seekh_convert.text.words import STOPWORDS

    m = _TERM_TAIL.search(before)
    words = m.group(1).split() if m else []
    while words and (words[0].lower() in STOPWORDS or not words[0][:1].isalpha()):
        words = words[1:]
    for i in range(len(words) - 1, -1, -1):
        if words[i].lower() in STOPWORDS:
            words = words[i + 1 :]
            break
    return " ".join(words)


def margin_glossary(page: str) -> str:
    """``lift_margin_definitions`` on a page's text (unchanged when it has no margin definitions)."""
    if not _GLOSSDEF.search(page):
        return page
    import lxml.html

    root = lxml.html.document_fromstring(page)
    lift_margin_definitions(root)
    return lxml.html.tostring(root, encoding="unicode")


def lift_margin_definitions(root) -> None:
    """A textbook's margin definitions (``<a class="glossterm">brain drain</a><span class="glossdef">The loss of
    ...</span>`` inside a sentence, as Saylor and Flat World books mark them) taken out of the sentence they interrupt
    ("known as brain drainThe loss of educated people ..., which describes ...") and given as a "term: definition"
    paragraph after it (in place)."""
    import lxml.html

    for definition in root.xpath('//*[contains(concat(" ", normalize-space(@class), " "), " glossdef ")]'):
        term_el = definition.getprevious()
        term = normalize_ws(term_el.text_content()) if term_el is not None else ""
        text = normalize_ws(definition.text_content())
        block = next((a for a in definition.iterancestors() if a.tag in ("p", "li", "td", "dd", "blockquote")), None)
        parent, tail = definition.getparent(), definition.tail
        parent.remove(definition)
        if tail and term_el is not None and term_el.getparent() is parent:
            term_el.tail = (term_el.tail or "") + tail  # the sentence goes on after the definition
        elif tail:
            parent.text = (parent.text or "") + tail
        if term and text and block is not None:
            entry = lxml.html.Element("p")
            entry.text = f"{term[:1].upper()}{term[1:]}: {text}"
            block.addnext(entry)


#: trafilatura's XML elements -> the HTML elements ``html_blocks`` reads
_XML_TAGS = {"list": "ul", "item": "li", "row": "tr", "cell": "td", "lb": "br", "quote": "blockquote", "graphic": "img"}


def _as_html(xml: str):
    """trafilatura's XML output as an HTML-like tree: ``<head rend="h2">`` -> ``<h2>``, ``<list>`` -> ``<ul>``...

    (Its HTML output puts ``<pre>`` inside ``<p>`` for inline code, which an HTML parser cannot keep; the XML
    output says ``<code>`` inside ``<p>`` and block code as ``<code>`` of its own.)
    """
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.fromstring(xml.encode("utf-8"), parser=parser)
    for element in root.iter():
        tag = _tag(element)
        if tag == "head":
            rend = element.get("rend", "h2")
            element.tag = rend if rend in _HEADINGS else "h2"
        elif tag == "hi":
            element.tag = "b" if "#b" in element.get("rend", "") else "i"
        elif tag == "code":
            inline = (
                _tag(element.getparent()) in ("p", "item", "head", "hi", "cell", "quote")
                if element.getparent() is not None
                else False
            )
            element.tag = "code" if inline else "pre"
        elif tag in _XML_TAGS:
            element.tag = _XML_TAGS[tag]
    return root


def _page_title(page: str) -> str:
    """The page's <title>, or its first <h1>/<h2> when the title is a file label ("Notebook", "Untitled")."""
    for pattern in (r"<title[^>]*>(.*?)</title>", r"<h1[^>]*>(.*?)</h1>", r"<h2[^>]*>(.*?)</h2>"):
        match = re.search(pattern, page, re.I | re.S)
        text = normalize_ws(html_lib.unescape(re.sub(r"<[^>]+>", "", match.group(1))))[:200] if match else ""
        if text and not is_file_label(text):
            return re.sub(r"^\d+(?:\.\d+)*\.?\s+(?=\S)", "", text.rstrip("¶#").strip())  # "4.6 PID ..." as topics name it
    return ""


def restore_headings(blocks: list[RawBlock], page: str) -> list[RawBlock]:
    """The page's headings trafilatura dropped, put back before the text that follows each on the page.

    It leaves out the titles of boxed sections (a textbook's ``<div class="callout"><h3>Answers to Exercises</h3>``)
    while keeping their text, which then reads as part of the section before: an answer key as body text. Each
    lost heading goes back before the first block after the previous heading that starts with the text the page
    has after it; a heading whose text is not found stays out.
    """
    import lxml.html

    kept = {b.text for b in blocks if b.kind is BlockKind.HEADING}
    try:
        root = lxml.html.document_fromstring(page)
    except (ValueError, lxml.etree.ParserError):
        return blocks
    out, at = list(blocks), 0
    for element in root.iter(*_HEADINGS):
        if any(_tag(a) in _SKIP for a in element.iterancestors()):
            continue
        heading = next(_heading(element, _tag(element)), None)
        if heading is None:
            continue
        if heading.text in kept:
            at = next((i + 1 for i in range(at, len(out)) if out[i].text == heading.text), at)
            continue
        follows = _following_text(element)
        spot = next((i for i in range(at, len(out)) if follows and _opens(out[i].text, follows)), None)
        if spot is not None:
            while spot > at and out[spot - 1].kind is BlockKind.HEADING and not out[spot - 1].closes:
                spot -= 1  # kept headings not yet passed come later
            out.insert(spot, heading)
            at = spot + 1
            _close_box(element, heading, out, at)
    return out


def _close_box(element, heading: RawBlock, out: list[RawBlock], at: int) -> None:
    """Where the box a restored heading titles ends (``<div class="learning_objectives"><h3>Learning Objective</h3>
    <ul>...</ul></div>`` and the section's text after it, set 47's Saylor chapter), a closing mark: the text after
    the box is its section's, not the box's ("Learning Objective" named the place of every quote in it)."""
    box = element.getparent()
    if box is None or _tag(box) not in ("div", "aside", "section") or next(box.iterchildren("*"), None) is not element:
        return
    after = next((s for s in box.itersiblings() if _tag(s) and _tag(s) not in _SKIP), None)
    if after is None or _tag(after) in _HEADINGS or any(_tag(d) in _HEADINGS for d in after.iter()):
        return  # the next section (or box) follows with its own heading
    follows = _following_text(box)
    for i in range(at, len(out)):
        if out[i].kind is BlockKind.HEADING:
            return  # the text after the box is not found before the next heading
        if follows and _opens(out[i].text, follows):
            out.insert(i, RawBlock(BlockKind.HEADING, "", level=heading.level, closes=True))
            return


def _opens(text: str, follows: str) -> bool:
    """True when block ``text`` is where the text after a heading starts: it starts with it, or it is the start of it
    (a question's first line, "For this nucleic acid segment,", is a block of its own: set 39's "Additional
    Exercises" were read as the chapter summary's text)."""
    return text.startswith(follows) or len(text) >= 20 and follows.startswith(text)


def _following_text(element) -> str:
    """The start of the first text block the page has after a heading, for finding it again among the blocks."""
    for following in element.itersiblings():
        tag = _tag(following)
        if tag in _SKIP or not tag:
            continue
        block = next((b for b in _block(following, tag) if b.kind is not BlockKind.HEADING), None)
        if block is not None:
            return block.text[:40]
    return ""


# -- HTML elements -> raw blocks (shared with the EPUB reader) ------------------------------------------------


def html_blocks(root) -> list[RawBlock]:
    """The raw blocks of an lxml HTML element tree, in document order."""
    return list(_walk(root))


def _tag(element) -> str:
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.rsplit("}", 1)[-1].lower()


def _walk(element) -> Iterator[RawBlock]:
    """Block-level children become blocks; loose inline content of a container becomes a paragraph."""
    pending: list[str] = [element.text or ""]
    for child in element:
        tag = _tag(child)
        if tag in _INLINE or tag == "math" or not tag:
            pending.append(_inline(child) if tag else "")
            pending.append(child.tail or "")
            continue
        yield from _flush(pending)
        pending = [child.tail or ""]
        if tag not in _SKIP:
            yield from _block(child, tag)
    yield from _flush(pending)


def _flush(parts: list[str]) -> Iterator[RawBlock]:
    text = normalize_ws("".join(parts))
    if text:
        yield RawBlock(BlockKind.PARAGRAPH, text)


def _block(element, tag: str) -> Iterator[RawBlock]:
    if tag in _HEADINGS:
        yield from _heading(element, tag)
    elif tag in _READERS:
        yield from _READERS[tag](element)
    elif tag not in _EMPTY:  # div, section, article, blockquote, li outside a list, unknown tags: look inside
        yield from _walk(element)


def _heading(element, tag: str) -> Iterator[RawBlock]:
    text = _PERMALINK.sub("", normalize_ws(_inline(element)))
    if text:
        yield RawBlock(BlockKind.HEADING, text, level=_HEADINGS[tag])


def _paragraph(element) -> Iterator[RawBlock]:
    text = normalize_ws(_inline(element))
    if text:
        yield RawBlock(BlockKind.PARAGRAPH, text, terms=_bold(element))


def _code(element) -> Iterator[RawBlock]:
    text = "\n".join(line.rstrip() for line in "".join(element.itertext()).splitlines() if line.strip())
    if text:
        yield RawBlock(BlockKind.CODE, text, forced=True)


def _figure(element) -> Iterator[RawBlock]:
    text = normalize_ws("".join(element.itertext()))
    if text:
        yield RawBlock(BlockKind.FIGURE, text, forced=True)


def _inline(element) -> str:
    """Text of an element and everything inside it, line breaks as spaces, scripts and styles left out, equations
    as their linear text (an e-book's MathML)."""
    if is_math(element):
        return linear_text(element)
    parts = [element.text or ""]
    for child in element:
        tag = _tag(child)
        if tag == "br":
            parts.append(" ")
        elif tag and (tag not in _SKIP or tag == "math"):
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _bold(element) -> tuple[str, ...]:
    terms = (normalize_ws(_inline(b)).strip(" .,;:") for b in element.iter() if _tag(b) in _BOLD)
    return tuple(t for t in terms if t and any(c.isalnum() for c in t) and len(t.split()) <= 6)


def _list(element) -> Iterator[RawBlock]:
    for item in element:
        if _tag(item) != "li":
            if _tag(item) in ("ul", "ol"):
                yield from _list(item)
            continue
        nested = [c for c in item if _tag(c) in ("ul", "ol", "pre", "table", "dl")]
        own = normalize_ws("".join(_own_text(item)))
        if own:
            yield RawBlock(BlockKind.LIST_ITEM, own, terms=_bold(item))
        for child in nested:
            yield from _block(child, _tag(child))


def _own_text(item) -> Iterator[str]:
    """An item's text without the text of its nested lists, code and tables."""
    yield item.text or ""
    for child in item:
        tag = _tag(child)
        if tag not in ("ul", "ol", "pre", "table", "dl") and tag not in _SKIP:
            yield " " + _inline(child) + " " if tag == "p" else _inline(child)
        yield child.tail or ""


def _table(element) -> Iterator[RawBlock]:
    for row in element.iter():
        if _tag(row) != "tr":
            continue
        cells = [normalize_ws(_inline(cell)) for cell in row if _tag(cell) in ("td", "th")]
        cells = [c for c in cells if c]
        if cells:
            yield RawBlock(BlockKind.PARAGRAPH, " | ".join(cells))


def _definitions(element) -> Iterator[RawBlock]:
    term = ""
    for child in element:
        tag = _tag(child)
        if tag == "dt":
            term = normalize_ws(_inline(child))
        elif tag == "dd":
            text = normalize_ws(_inline(child))
            if text:
                yield (
                    RawBlock(BlockKind.GLOSSARY, text, term=term or None, forced=True)
                    if term
                    else RawBlock(BlockKind.PARAGRAPH, text)
                )


_READERS = {
    "p": _paragraph,
    "ul": _list,
    "ol": _list,
    "pre": _code,
    "table": _table,
    "dl": _definitions,
    "figure": _figure,
    "figcaption": _figure,
    "caption": _figure,
}
_EMPTY = frozenset({"hr", "img", "video", "audio", "picture", "canvas", "object", "embed"})
