"""PageLayout: margin numbers, diagram labels, garbled glyphs and column order, on the corpus and on made-up pages."""

from __future__ import annotations

import re

import pytest

from seekh_convert.clean.pdf import PdfCleaner
from seekh_convert.clean.pdf_layout import PageLayout, is_garbled
from seekh_convert.model.document import Line
from seekh_convert.read.pdf import PdfExtractor


@pytest.fixture(scope="module")
def freeculture(corpus):
    return PdfExtractor()(corpus / "pdf" / "freeculture-352-pages.pdf")


def test_margin_numbers_and_glued_fragments_dropped(freeculture):
    layout = PageLayout(10.5)
    for number in (9, 62):
        raw = freeculture.pages[number - 1].lines
        assert any(re.fullmatch(r"In16|17Co", line.text) for line in raw)
        margin = [line.text for line in layout(raw) if line.x < 40 or line.x > 440]  # body text sits at x 90-400
        assert margin == []
    assert any(t.startswith("Inthefallof 2002") for t in (line.text for line in layout(freeculture.pages[61].lines)))


def test_book_crop_marks_barcodes_and_slugs_gone_and_chapters_are_headings(freeculture):
    import copy

    doc = PdfCleaner()(copy.deepcopy(freeculture))
    assert not any(re.search(r"\u275a|\u2758|In16|Co17|17Co|qxd|PASS PAGES", b.text) for b in doc.blocks)
    heading = next(b for b in doc.blocks if b.text == "CHAPTER THREE: Catalogs")
    assert heading.kind.value == "heading" and heading.page == 62
    body = next(b for b in doc.blocks if b.text.startswith("RPI is one of America"))
    assert body.section == "CHAPTER THREE: Catalogs" and body.page == 62
    assert not any(b.kind.value == "heading" and b.text.startswith("There is piracy") for b in doc.blocks)


def test_garbled_detection():
    assert is_garbled('!"# $!"# %!"#')
    assert is_garbled(")*+,-./#0$1$23#")
    assert is_garbled("\u275a\u2758\u2759\u275a\u2758\u2759\u275a\u2758\u2759")
    assert not is_garbled("mov edx, ebx(748) // load primes")
    assert not is_garbled("#»𝑥 = ( 𝑥 𝑦")
    assert not is_garbled("2 + 2 = 4")
    assert not is_garbled("Hz : S1 ! R3;z7!H(z;t)")  # mangled maths keeps its letters


def _line(text: str, x: float, y: float, size: float = 9.0) -> Line:
    return Line(text=text, size=size, x=x, y=y)


def test_two_columns_reordered_and_full_width_title_kept_on_top():
    body = "a line of ordinary body text long enough to fill a column"
    lines = [_line("A Title That Spans Both Columns Of The Page Easily Enough", 60, 700, 16)]
    for i in range(8):  # content stream interleaves the columns row by row
        lines.append(_line(f"L{i} {body}", 54, 650 - 10 * i))
        lines.append(_line(f"R{i} {body}", 317, 650 - 10 * i))
    out = [line.text.split()[0] for line in PageLayout(9.0)(lines)]
    assert out == ["A"] + [f"L{i}" for i in range(8)] + [f"R{i}" for i in range(8)]


def test_single_column_page_keeps_stream_order():
    body = "a line of ordinary body text long enough to fill a column"
    lines = [_line(f"{i} {body}", 54 if i % 3 else 70, 700 - 12 * i) for i in range(15)]
    assert PageLayout(9.0)(lines) == lines
