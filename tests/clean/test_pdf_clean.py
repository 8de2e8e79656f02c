"""PdfCleaner: furniture removed, paragraphs and headings rebuilt, junk kinds marked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from seekh_convert.clean.pdf import PdfCleaner
from seekh_convert.document import BlockKind, Document, Line, RawPage, SourceKind
from seekh_convert.extract.pdf import PdfExtractor

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "therapeutic-alliance-notes.pdf"


@pytest.fixture(scope="module")
def sample() -> Document:
    return PdfCleaner()(PdfExtractor()(SAMPLE))


def test_sample_header_footer_and_page_numbers_removed(sample):
    assert sample.blocks
    assert not any("Lecture 7 notes" in b.text or re.search(r"Page \d", b.text) for b in sample.blocks)
    assert {b.page for b in sample.blocks} == {1, 2, 3, 4}


def test_sample_headings_and_sections(sample):
    headings = [(b.text, b.level) for b in sample.blocks if b.kind is BlockKind.HEADING]
    assert headings == [
        ("The Therapeutic Alliance", 1),
        ("1. What the Therapeutic Alliance Is", 2),
        ("2. Measuring the Alliance", 2),
        ("3. Ruptures and Repair", 2),
        ("4. Building the Alliance in Practice", 2),
        ("References", 2),
    ]
    wai = next(b for b in sample.blocks if "Working Alliance Inventory (WAI)" in b.text)
    assert wai.section == "2. Measuring the Alliance" and wai.kind is BlockKind.PARAGRAPH


def test_sample_paragraphs_rebuilt(sample):
    first = next(b for b in sample.blocks if b.text.startswith("The therapeutic alliance is"))
    assert first.text.endswith("the three names describe the same idea.")
    assert "\n" not in first.text and "  " not in first.text
    body = [b for b in sample.blocks if b.kind is BlockKind.PARAGRAPH]
    assert 20 <= len(body) <= 30  # one block per source paragraph (plus page splits), not per line


def test_sample_bold_terms_become_emphasis(sample):
    terms = {t: b for b in sample.blocks for t in b.emphasis}
    assert {"therapeutic alliance", "Goals", "Tasks", "bond", "Working Alliance Inventory", "metacommunication"} <= set(terms)
    assert "feedback-informed treatment" in terms
    for term, block in terms.items():
        assert term in block.text


def test_sample_hyphenation_joined(sample):
    raw = [line.text for page in PdfExtractor()(SAMPLE).pages for line in page.lines]
    broken = [(a.split()[-1][:-1], b.split()[0]) for a, b in zip(raw, raw[1:]) if re.search(r"[a-z]-$", a) and b[:1].islower()]
    assert len(broken) >= 5
    text = " ".join(b.text for b in sample.blocks)
    for left, right in broken:
        joined = re.sub(r"[^\w-]+$", "", left + right)
        assert joined in text
        assert f"{left}- {right}" not in text


def test_sample_paragraph_split_at_page_break_stays_on_its_page(sample):
    assert "supervisors" not in " ".join(b.text for b in sample.blocks if b.page == 1 and "super-" in b.text)
    for block in sample.blocks:
        assert block.page is not None


def test_sample_references_marked(sample):
    refs = [b for b in sample.blocks if b.kind is BlockKind.REFERENCE]
    assert len(refs) == 5 and all(b.page == 4 for b in refs)
    assert refs[0].text.startswith("Bordin, E. S. (1979).") and refs[0].text.endswith("252–260.")
    assert not any(b.usable for b in refs)


def test_slides_repeated_header_removed(corpus):
    doc = PdfCleaner()(PdfExtractor()(corpus / "pdf" / "lecture-slides-vector-bootcamp.pdf"))
    assert not any("7-Sept-2025 13:02:00" in b.text and b.page > 1 for b in doc.blocks)
    assert not any(re.search(r"\b\d+/22\b", b.text) for b in doc.blocks)
    assert any(b.text == "B.1 Definition of Vectors" and b.kind is BlockKind.HEADING and b.page == 2 for b in doc.blocks)
    vector = next(b for b in doc.blocks if b.text.startswith("A vector is a physical quantity"))
    assert vector.emphasis == ("magnitude", "direction") and vector.section == "B.1 Definition of Vectors"
    licence = next(b for b in doc.blocks if "Creative Commons" in b.text)
    assert licence.kind is BlockKind.BOILERPLATE


def _doc(pages: list[list[str]], size: float = 10.0) -> Document:
    raw = [RawPage(number=i, lines=[Line(text=t, size=size) for t in lines]) for i, lines in enumerate(pages, 1)]
    return Document(path=Path("x.pdf"), kind=SourceKind.PDF, pages=raw)


def test_running_heads_with_page_numbers_slugs_and_crop_marks_dropped():
    pages = [
        [f"CHAPTER ONE {n}", f"Body text of page {word} goes on.", "1", "2", "S32", "4TH PASS PAGES",
         f"14773_01_1-174_r9jm.qxd 2/10/04 3:51 PM Page {n}"]
        for n, word in zip(range(10, 14), ["one", "two", "three", "four"])
    ]
    doc = PdfCleaner()(_doc(pages))
    assert [b.text for b in doc.blocks] == [f"Body text of page {w} goes on." for w in ["one", "two", "three", "four"]]
    assert [b.page for b in doc.blocks] == [1, 2, 3, 4]


def test_ligatures_figures_and_lists_without_positions():
    doc = PdfCleaner()(_doc([[
        "The e\ufb03cient \ufb01sh swim.",
        "Figure 3. A fish in a tank.",
        "\u2022 first point",
        "\u2022 second point",
    ]]))
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds == [
        (BlockKind.PARAGRAPH, "The efficient fish swim."),
        (BlockKind.FIGURE, "Figure 3. A fish in a tank."),
        (BlockKind.LIST_ITEM, "first point"),
        (BlockKind.LIST_ITEM, "second point"),
    ]
