"""Web pages and e-books: the main content only (navigation, menus, footers dropped), headings as sections,
lists, tables and code; EPUB chapters in spine order, navigation documents left out, chapters titled."""

from __future__ import annotations

from pathlib import Path

import pytest
from ebooklib import epub

from seekh_convert.clean import clean
from seekh_convert.errors import InputError
from seekh_convert.model.document import BlockKind
from seekh_convert.read.epub import EpubExtractor
from seekh_convert.read.html import HtmlExtractor

ARTICLE = """
<h1>Plate tectonics</h1>
<p>The <b>lithosphere</b> is the rigid outer shell of the Earth, broken into moving plates that float on the mantle.
Plates move a few centimetres each year, about as fast as fingernails grow, and their edges shape the planet.</p>
<h2>Plate boundaries</h2>
<p>At divergent boundaries plates move apart and new crust forms from rising magma along mid-ocean ridges.</p>
<p>At convergent boundaries one plate sinks under another in a subduction zone, which builds mountains and volcanoes.</p>
<ul><li>Divergent: plates move apart and new oceanic crust is made.</li>
<li>Convergent: plates collide and one of them is pushed down into the mantle.</li></ul>
<table><tr><th>Boundary</th><th>Example</th></tr><tr><td>Divergent</td><td>Mid-Atlantic Ridge</td></tr></table>
<pre><code>speed = distance / time</code></pre>
<h2>Earthquakes</h2>
<p>Earthquakes happen when stress built up along a fault is released suddenly as the rocks slip past each other.</p>
<p>Most earthquakes occur along plate boundaries, where plates grind, collide or pull apart over long periods.</p>
"""

PAGE = f"""<!DOCTYPE html><html><head><title>Plate tectonics | Geo 101</title><script>var tracking = 1;</script></head>
<body>
<header><nav><ul><li><a href="/">HOME MENU LINK</a></li><li><a href="/courses">COURSES MENU LINK</a></li></ul></nav></header>
<div class="sidebar"><aside><h3>Related</h3><ul><li><a href="/x">SIDEBAR LINK ONE</a></li><li><a href="/y">SIDEBAR LINK TWO</a></li></ul></aside></div>
<main><article>{ARTICLE}</article></main>
<footer><p>FOOTER TEXT Copyright 2024 Geo 101. All rights reserved. Privacy. Terms.</p></footer>
</body></html>"""


def test_web_page_keeps_the_article_and_drops_the_chrome(tmp_path):
    page = tmp_path / "plates.html"
    page.write_text(PAGE, encoding="utf-8")
    doc = clean(HtmlExtractor()(page))
    text = "\n".join(b.text for b in doc.blocks)
    for chrome in ("MENU LINK", "SIDEBAR LINK", "FOOTER TEXT", "tracking"):
        assert chrome not in text
    headings = [(b.level, b.text) for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert headings == [(1, "Plate tectonics"), (2, "Plate boundaries"), (2, "Earthquakes")]
    kinds = {b.text: (b.kind, b.section) for b in doc.blocks}
    assert kinds["Divergent: plates move apart and new oceanic crust is made."] == (BlockKind.LIST_ITEM, "Plate boundaries")
    assert kinds["Divergent | Mid-Atlantic Ridge"][1] == "Plate boundaries"
    assert kinds["speed = distance / time"][0] is BlockKind.CODE
    lithosphere = next(b for b in doc.blocks if b.text.startswith("The lithosphere"))
    assert "lithosphere" in lithosphere.emphasis
    assert doc.title == "Plate tectonics"


def test_page_in_another_encoding(tmp_path):
    page = tmp_path / "latin.html"
    page.write_bytes(PAGE.replace("Plate tectonics</h1>", "Tectonique des plaques é</h1>").encode("cp1252"))
    doc = clean(HtmlExtractor()(page))
    assert doc.title == "Tectonique des plaques é"


def test_page_without_main_text_is_one_line(tmp_path):
    page = tmp_path / "menu.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>")
    with pytest.raises(InputError, match="no main text") as info:
        HtmlExtractor()(page)
    assert "menu.html" in str(info.value) and "\n" not in str(info.value)


def _book(path: Path) -> Path:
    book = epub.EpubBook()
    book.set_identifier("plates-1")
    book.set_title("Plates: a short book")
    book.set_language("en")
    one = epub.EpubHtml(title="Chapter 1: Plates", file_name="one.xhtml", lang="en")
    one.content = f"<html><body>{ARTICLE}</body></html>"
    two = epub.EpubHtml(title="Chapter 2: Volcanoes", file_name="two.xhtml", lang="en")
    two.content = (
        "<html><body><p>A volcano is an opening in the crust where molten rock, ash and gases escape to the surface.</p>"
        "<p>Volcanoes form along plate boundaries and over hot spots such as the one under Hawaii.</p></body></html>"
    )
    book.add_item(one)
    book.add_item(two)
    book.toc = (epub.Link("one.xhtml", "Chapter 1: Plates", "one"), epub.Link("two.xhtml", "Chapter 2: Volcanoes", "two"))
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", one, two]
    epub.write_epub(str(path), book)
    return path


def test_epub_chapters_in_spine_order_with_sections(tmp_path):
    doc = clean(EpubExtractor()(_book(tmp_path / "plates.epub")))
    assert doc.title == "Plates: a short book"
    headings = [b.text for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert headings == ["Plate tectonics", "Plate boundaries", "Earthquakes", "Chapter 2: Volcanoes"]
    volcano = next(b for b in doc.blocks if b.text.startswith("A volcano is"))
    assert volcano.section == "Chapter 2: Volcanoes"  # no heading of its own: the table of contents titles it
    assert not [b for b in doc.blocks if b.text in ("Chapter 1: Plates",) and b.kind is not BlockKind.HEADING]  # nav left out


def test_real_epub_skips_its_link_page_and_titles_chapters(corpus):
    doc = clean(EpubExtractor()(corpus / "office" / "python-for-informatics-textbook-2015-CC-BY-NC-SA.epub"))
    assert doc.title.startswith("Python for Informatics")
    chapters = [b.text for b in doc.blocks if b.kind is BlockKind.HEADING and b.level == 1]
    assert chapters[0] == "Chapter 0 Preface" and "Chapter 1 Why should you learn to write programs?" in chapters
    assert sum(len(b.text.split()) for b in doc.blocks) > 55_000


def test_real_web_page_drops_the_jupyter_book_chrome(corpus):
    doc = clean(HtmlExtractor()(corpus / "html" / "BAIT509-lecture2-splitting-and-cross-validation.html"))
    text = "\n".join(b.text for b in doc.blocks)
    assert "Binder" not in text and "Live Code" not in text and "¶" not in text
    sections = [b.text for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert "2.8. Cross-validation" in sections and len(sections) >= 30


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 broken", b"<html>not a zip</html>"])
def test_damaged_books_are_one_line_errors(tmp_path, content):
    path = tmp_path / "book.epub"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        EpubExtractor()(path)
    assert "book.epub" in str(info.value) and "\n" not in str(info.value)


def _boxed_chapter() -> str:
    """A textbook chapter laid out as Saylor's HTML books are: numbered section titles with a prefix span, and
    boxed blocks (objectives, exercises, answer keys) each titled by an <h3> inside its <div>."""
    prose = "".join(
        f'<p class="para editable block">Sentence {i} says that the federal courts hear cases between citizens of '
        "different states, and that the state courts hear almost every criminal case of the country.</p>"
        for i in range(6)
    )

    def box(kind: str, title: str, items: str) -> str:
        return f'<div class="{kind} editable block"><h3 class="title">{title}</h3><ol class="orderedlist">{items}</ol></div>'

    return (
        '<!DOCTYPE html><html><head><meta charset="UTF-8"><title>The Legal System</title></head><body>'
        '<div id="navbar-top" class="navbar"><a href="prev.html">Previous Chapter</a></div>'
        '<div id="book-content"><div class="chapter"><h1 class="title editable block">'
        '<span class="title-prefix">Chapter 2</span> The Legal System</h1>'
        '<div class="section"><h2 class="title editable block"><span class="title-prefix">2.1</span> Federalism</h2>'
        + box("learning_objectives", "Learning Objectives", "<li>Define federalism.</li>")
        + prose
        + "</div>"
        '<div class="section"><h2 class="title editable block"><span class="title-prefix">2.5</span> End-of-Chapter '
        "Material</h2>"
        + box("callout", "Summary", "<li>Federalism divides power between one federal government and the states.</li>")
        + box(
            "callout",
            "Answers to You Be the Juror",
            "<li>The Supreme Court of Oregon held that there was sufficient evidence to prove beyond a reasonable "
            "doubt that the defendant threatened immediate use of physical force.</li>",
        )
        + "</div></div></div></body></html>"
    )


def test_boxed_section_titles_trafilatura_drops_are_put_back(tmp_path):
    """Set 18's criminal-law chapter: trafilatura kept the boxes' text but not their titles, so the answer key read
    as body text and gave cards about an unnamed defendant; with the titles back it is the source's own answers."""
    page = tmp_path / "chapter.html"
    page.write_text(_boxed_chapter(), encoding="utf-8")
    doc = HtmlExtractor()(page)
    headings = [b.text for b in doc.raw_blocks if b.kind is BlockKind.HEADING and not b.closes]
    assert headings == [
        "Chapter 2 The Legal System",
        "2.1 Federalism",
        "Learning Objectives",
        "2.5 End-of-Chapter Material",
        "Summary",
        "Answers to You Be the Juror",
    ]
    blocks = clean(doc).blocks
    key = next(b for b in blocks if "Supreme Court of Oregon" in b.text)
    assert key.kind is BlockKind.QUESTION


def test_the_text_after_a_box_belongs_to_the_section_not_the_box(tmp_path):
    """Set 47's Saylor chapter: the section's text follows its "Learning Objective" box, and every quote of it was
    placed under "Learning Objective" (27 of 39 quotes); the box's own text stays the box's."""
    page = tmp_path / "chapter.html"
    page.write_text(_boxed_chapter(), encoding="utf-8")
    blocks = clean(HtmlExtractor()(page)).blocks
    sections = {b.text[:12]: b.section for b in blocks if b.kind is not BlockKind.HEADING}
    assert sections["Define feder"] == "Learning Objectives"
    assert sections["Sentence 0 s"] == sections["Sentence 5 s"] == "2.1 Federalism"
    assert sections["Federalism d"] == "Summary"  # a box followed by another box keeps its title
    assert sections["The Supreme "] == "Answers to You Be the Juror"
