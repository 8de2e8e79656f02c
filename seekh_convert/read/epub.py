"""E-books (.epub, EPUB 2 and 3) -> raw blocks, chapter by chapter in reading order, with EbookLib.

The spine gives the chapters in reading order; each chapter's XHTML goes through the same element walker as
web pages (``read.html.html_blocks``). Navigation documents (a table of contents, a page of links) are left
out; a chapter without a heading of its own is titled by its table-of-contents entry, so every block's
section names its chapter or a section inside it.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from seekh_convert.errors import InputError
from seekh_convert.model.document import BlockKind, Document, RawBlock, SourceKind
from seekh_convert.read.container import check_archive, damaged, one_line
from seekh_convert.read.html import html_blocks, lift_margin_definitions
from seekh_convert.text.normalize import normalize_ws, printable_name

_WHAT = "EPUB e-book"


class EpubExtractor:
    """Read an ``.epub`` into a ``Document`` of plain-text raw blocks."""

    link_share: float = 0.6  # a document whose text is mostly link text is navigation

    def __call__(self, path: Path) -> Document:
        path = Path(path)
        check_archive(path, _WHAT)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # EbookLib warns about its own future defaults
                from ebooklib import ITEM_DOCUMENT, epub

                book = epub.read_epub(str(path), options={"ignore_ncx": False})
            doc = Document(path=path, kind=SourceKind.EPUB)
            titles = _toc_titles(book.toc)
            by_id = {item.get_id(): item for item in book.get_items()}  # get_item_with_id scans every item
            for idref, _linear in book.spine:
                item = by_id.get(idref)
                if item is None or item.get_type() != ITEM_DOCUMENT:
                    continue
                doc.raw_blocks.extend(self._chapter(item, titles.get(item.get_name(), ""), doc.losses))
            doc.title = _book_title(book) or next((b.text for b in doc.raw_blocks if b.kind is BlockKind.HEADING), "")
        except InputError:
            raise
        except Exception as exc:  # EbookLib on a damaged book: KeyError, lxml errors, missing parts...
            raise damaged(path, _WHAT, exc) from exc
        if not any(b.kind is not BlockKind.HEADING for b in doc.raw_blocks):
            raise InputError(f"{path.name}: no text found in the book's chapters (pictures only?)")
        return doc

    def _chapter(self, item, toc_title: str, losses: list[str]) -> list[RawBlock]:
        import lxml.etree
        import lxml.html

        content = item.content  # as stored: get_content() re-renders what its own parser kept
        if not content or not content.strip():
            return []
        parser = lxml.html.HTMLParser()
        try:
            root = lxml.html.document_fromstring(content, parser=parser)
        except (lxml.etree.LxmlError, ValueError) as exc:
            losses.append(_left_out(item, toc_title, one_line(exc)))
            return []
        fatal = [e for e in parser.error_log if e.level >= lxml.etree.ErrorLevels.FATAL]
        if fatal:  # libxml2 drops what it cannot take (a text node over its size limit) and goes on
            losses.append(_left_out(item, toc_title, one_line(Exception(fatal[0].message))))
            return []
        body = root.find("body")
        body = body if body is not None else root
        if _link_share(body) > self.link_share:
            return []
        lift_margin_definitions(body)
        blocks = html_blocks(body)
        if toc_title and blocks and not any(b.kind is BlockKind.HEADING for b in blocks):
            blocks.insert(0, RawBlock(BlockKind.HEADING, toc_title, level=1))
        return blocks


def _left_out(item, toc_title: str, why: str) -> str:
    name = printable_name(toc_title or item.get_name())[:120]
    return f"chapter '{name}' could not be read ({why}); it is left out of the guides"


def _toc_titles(toc) -> dict[str, str]:
    """Document name -> the first table-of-contents title pointing into it."""
    titles: dict[str, str] = {}
    stack = list(toc)[::-1]
    while stack:
        entry = stack.pop()
        if isinstance(entry, tuple | list):
            stack.extend(list(entry)[::-1])
            continue
        href = getattr(entry, "href", "") or ""
        title = normalize_ws(getattr(entry, "title", "") or "")
        if href and title:
            titles.setdefault(href.split("#", 1)[0], title)
    return titles


def _book_title(book) -> str:
    found = book.get_metadata("DC", "title")
    return normalize_ws(found[0][0]) if found and found[0] and isinstance(found[0][0], str) else ""


def _link_share(body) -> float:
    """Share of a document's text that sits inside links."""
    total = len(normalize_ws("".join(body.itertext())))
    if not total:
        return 0.0
    linked = sum(len(normalize_ws("".join(a.itertext()))) for a in body.iter("a"))
    return linked / total
