"""Front matter is never content and never swallows the body: a Contents title whose region has no end, a table
of contents without title or page numbers, and an e-book's copyright page (generated documents always; the
judged e-book from ../shared when present)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from conftest import CORPUS
from ebooklib import epub

from seekh_convert.generate.offline import OfflineEngine
from seekh_convert.model.document import BlockKind, Document, Line, RawPage, SourceKind
from seekh_convert.pipeline import load_document
from seekh_convert.pipeline.run import Options, prepare_document

PSYCHNEURO = CORPUS.parent / "judged" / "documents" / "psychneuro-ed1.epub"
PROSE = {
    "The good life": "Aristotle held that the good life is a life of activity in accordance with virtue, "
    "lived over a whole lifetime and among friends, and not a passing feeling of pleasure or a matter of luck.",
    "Virtue": "A virtue is a settled disposition of character to choose the mean between two vices, such as "
    "courage between cowardice and rashness, and it is acquired by practice rather than taught as a rule.",
    "Duty": "Kant argued that an action has moral worth only when it is done from duty, that is, out of respect "
    "for the moral law, and not merely in accordance with duty because of an inclination or a benefit.",
    "Justice": "Rawls described justice as fairness: the principles free and equal persons would choose behind "
    "a veil of ignorance, not knowing their place in society, their talents or their idea of the good.",
}


def _words(doc) -> str:
    return " ".join(b.text for t in doc.topics for b in t.blocks if b.usable)


def _wrap(text: str, width: int = 80) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + len(word) >= width:
            lines.append(line)
            line = ""
        line = f"{line} {word}".strip()
    return [*lines, line]


def _pdf_notes() -> Document:
    """Six pages of notes: a Contents title (the largest type) and its entries, then a section per page whose
    titles are set smaller than 'Contents' (so they rank below it)."""
    pages = [[("Contents", 14.0), *((f"{i} {t}", 10.0) for i, t in enumerate(PROSE, 1))]]
    for title, text in PROSE.items():
        pages.append([(title, 12.0), *((line, 10.0) for line in _wrap(f"{text} {text}"))])
    pages.append([("Summary", 12.0), *((line, 10.0) for line in _wrap(" ".join(PROSE.values())))])
    raw = [
        RawPage(number=i, lines=[Line(text=t, size=z, x=72.0, y=700.0 - 16 * k) for k, (t, z) in enumerate(lines)])
        for i, lines in enumerate(pages, 1)
    ]
    return Document(path=Path("ethics-notes.pdf"), kind=SourceKind.PDF, pages=raw)


def test_contents_title_above_every_heading_does_not_swallow_the_notes():
    """Once refused as "too little text (13 words)": the Contents region ran to the end of the document."""
    doc = prepare_document(_pdf_notes(), Options())
    text = _words(doc)
    assert all(p.split(",")[0] in text for p in PROSE.values())
    assert "1 The good life" not in text  # the entries stay contents
    assert any(b.kind is BlockKind.CONTENTS and b.text.startswith("1 The good life") for b in doc.blocks)


def test_contents_heading_above_lower_level_headings_ends_at_the_first_of_them(tmp_path):
    entries = "\n".join(f"- {t}" for t in PROSE)
    sections = "\n\n".join(f"## {t}\n\n{p}" for t, p in PROSE.items())
    path = tmp_path / "ethics.md"
    path.write_text(f"# Contents\n\n{entries}\n\n{sections}\n", encoding="utf-8")
    doc = load_document(path)
    assert all(p in _words(doc) for p in PROSE.values())


def test_untitled_table_of_contents_is_never_a_topic(tmp_path):
    entries = "\n".join(f"- Chapter {i}: {t}" for i, t in enumerate(PROSE, 1))
    sections = "\n\n".join(f"## {t}\n\n{p} {p}" for t, p in PROSE.items())
    path = tmp_path / "ethics.md"
    path.write_text(f"# Ethics\n\n{entries}\n\n{sections}\n", encoding="utf-8")
    doc = load_document(path)
    assert "Chapter 1: The good life" not in _words(doc)
    assert all(b.kind is BlockKind.CONTENTS for b in doc.blocks if b.text.startswith("Chapter "))
    assert all(p in _words(doc) for p in PROSE.values())


def _book(path: Path) -> Path:
    book = epub.EpubBook()
    book.set_identifier("ethics-1")
    book.set_title("Ethics: a short book")
    book.set_language("en")
    title = epub.EpubHtml(title="Ethics", file_name="title.xhtml", lang="en")
    title.content = (
        "<html><body><h1>Ethics: a short book</h1><p>Jane Q. Author</p><p>Published by Open Press, Leeds</p>"
        "<p>Copyright © 2018 Jane Q. Author</p><p>All rights reserved. No part of this publication may be reproduced, "
        "distributed, or transmitted in any form or by any means without the prior written permission of the "
        "publisher.</p><p>To my family.</p></body></html>"
    )
    chapter = epub.EpubHtml(title="Virtue", file_name="one.xhtml", lang="en")
    chapter.content = "<html><body><h1>Virtue</h1>" + "".join(f"<p>{p}</p>" for p in PROSE.values()) + "</body></html>"
    book.add_item(title)
    book.add_item(chapter)
    book.toc = (epub.Link("one.xhtml", "Virtue", "one"),)
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = [title, chapter]
    epub.write_epub(str(path), book)
    return path


def test_ebook_copyright_page_is_never_a_source(tmp_path):
    doc = load_document(_book(tmp_path / "ethics.epub"))
    copyright_lines = [b for b in doc.blocks if "rights reserved" in b.text or "Copyright" in b.text]
    assert copyright_lines and all(b.kind is BlockKind.BOILERPLATE for b in copyright_lines)
    assert "To my family." not in _words(doc)
    for topic in doc.topics:
        content = asyncio.run(OfflineEngine().generate(topic, doc)).content
        quotes = [s.source.quote for s in content.summary.sentences] + [c.source.quote for c in content.flashcards]
        assert not any("rights reserved" in q or "Copyright" in q for q in quotes)


@pytest.mark.corpus
def test_psychneuro_copyright_page_is_boilerplate():
    if not PSYCHNEURO.is_file():
        pytest.skip(f"judged e-book not found at {PSYCHNEURO} (../shared absent; set SEEKH_CORPUS)")
    doc = load_document(PSYCHNEURO)
    text = _words(doc)
    assert "All rights reserved" not in text and "Copyright ©" not in text
    assert "Introductory Psychology textbooks typically provide" in text
