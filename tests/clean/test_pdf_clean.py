"""PdfCleaner: furniture removed, paragraphs and headings rebuilt, junk kinds marked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from seekh_convert.clean.pdf import PdfCleaner
from seekh_convert.model.document import BlockKind, Document, Line, RawPage, SourceKind
from seekh_convert.read.pdf import PdfExtractor

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
        [
            f"CHAPTER ONE {n}",
            f"Body text of page {word} goes on.",
            "1",
            "2",
            "S32",
            "4TH PASS PAGES",
            f"14773_01_1-174_r9jm.qxd 2/10/04 3:51 PM Page {n}",
        ]
        for n, word in zip(range(10, 14), ["one", "two", "three", "four"])
    ]
    doc = PdfCleaner()(_doc(pages))
    assert [b.text for b in doc.blocks] == [f"Body text of page {w} goes on." for w in ["one", "two", "three", "four"]]
    assert [b.page for b in doc.blocks] == [1, 2, 3, 4]


def test_ligatures_figures_and_lists_without_positions():
    doc = PdfCleaner()(
        _doc(
            [
                [
                    "The e\ufb03cient \ufb01sh swim.",
                    "Figure 3. A fish in a tank.",
                    "\u2022 first point",
                    "\u2022 second point",
                ]
            ]
        )
    )
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds == [
        (BlockKind.PARAGRAPH, "The efficient fish swim."),
        (BlockKind.FIGURE, "Figure 3. A fish in a tank."),
        (BlockKind.LIST_ITEM, "first point"),
        (BlockKind.LIST_ITEM, "second point"),
    ]


# -- round 2: reading order and artefacts on real PDFs ---------------------------------------------------------


@pytest.fixture(scope="module")
def tracemonkey(corpus) -> Document:
    return PdfCleaner()(PdfExtractor()(corpus / "pdf" / "tracemonkey-two-column-paper.pdf"))


def _block(doc: Document, start: str):
    return next(b for b in doc.blocks if b.text.startswith(start))


def test_two_column_paragraph_resumes_past_footnote_and_figures(tracemonkey):
    intro = _block(tracemonkey, "Dynamic languages such as JavaScript, Python")
    assert "web programming and is used for the application logic" in intro.text  # left column -> right column
    assert "Permission to make digital" not in intro.text  # the footnote box stays its own block
    remainder = _block(tracemonkey, "The remainder of this paper")
    assert remainder.text.endswith("outlook on future work is presented in Section 10.")
    assert "for (var i" not in remainder.text  # code at the top of the right column is not glued on
    assert remainder.page == 2 and remainder.section == "1. Introduction"
    blocks = tracemonkey.blocks
    assert blocks.index(remainder) < blocks.index(_block(tracemonkey, "Figure 1. Sample program"))


def test_two_column_page_reads_left_column_first(tracemonkey):
    page4 = [b.text for b in tracemonkey.blocks if b.page == 4]
    left = page4.index(next(t for t in page4 if t.startswith("Bytecode interpreters typically")))
    right = page4.index(next(t for t in page4 if t.startswith("A trace records all its intermediate")))
    assert left < right
    # page 6: the left column ends mid-sentence, the right column opens with two figure captions
    nested = _block(tracemonkey, "Figure 7 shows basic trace tree compilation")
    assert nested.kind is BlockKind.PARAGRAPH and nested.page == 6
    assert "may be a cycle through the inner loop, {i2, i3, i5, α}." in nested.text
    assert all(b.page is not None for b in tracemonkey.blocks)


def test_authors_and_diagram_labels_are_not_headings(tracemonkey):
    headings = [(b.text, b.level) for b in tracemonkey.blocks if b.kind is BlockKind.HEADING]
    assert headings[0] == ("Trace-based Just-in-Time Type Specialization for Dynamic Languages", 1)
    texts = [t for t, _ in headings]
    assert not any("Ruderman" in t or "Corporation" in t for t in texts)
    assert not {"Tree Anchor", "Guard", "Side Exit", "T"} & set(texts)
    assert not any(t.startswith(("Interpret", "no existing trace")) for t in texts)
    assert ("1. Introduction", 2) in headings and ("3.1 Traces", 3) in headings
    assert not any("Interpret Bytecodes" in b.text or "Trunk Trace" in b.text for b in tracemonkey.blocks)


def test_glyph_garbage_from_fonts_without_unicode_map_dropped(tracemonkey):
    assert not any(re.search(r'!"#|\$!"', b.text) for b in tracemonkey.blocks)
    assert not any(b.text.startswith("Figure 3 shows") and b.kind is BlockKind.FIGURE for b in tracemonkey.blocks)


def test_slides_boxed_definitions_are_not_headings(corpus):
    doc = PdfCleaner()(PdfExtractor()(corpus / "pdf" / "lecture-slides-vector-bootcamp.pdf"))
    headings = [b.text for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert not any(t.startswith("Definition B.") for t in headings)
    assert "Sho Iwamoto" not in headings
    assert {"Preface", "Remarks", "B.1 Definition of Vectors"} <= set(headings)
    definition = _block(doc, "Definition B.2: How to write vectors")
    assert definition.section == "B.1 Definition of Vectors"


def test_ocr_running_heads_hyphens_and_title(corpus):
    path = corpus / "pdf" / "Seige_of_Vicksburg_scan_with_OCR_layer.pdf"
    doc = PdfCleaner()(PdfExtractor()(path))
    assert doc.title == path.stem  # the biggest OCR line ("them.") is no title
    text = "\n".join(b.text for b in doc.blocks)
    assert "SIEGE OF VICKS" not in text.upper().replace("SIEGE OF VICKSBURG.\u201d", "")  # OCR-misspelt heads too
    assert "The heads are movable, and" in text and "mova- ble" not in text
    assert "Alas! for the women" in text
    assert "These shells are visitors we do not care to see in camp" in _block(doc, "Another fell on top of the hill").text
    # the sentence the page break cut ("But one shell dropped near my tent," / "buried itself in tie earth, ...") ends on p. 1
    june11 = _block(doc, "JUNE 11TH.")
    assert june11.page == 1 and june11.text.endswith("buried itself in tie earth, and exploded, scattering dirt for yards "
                                                     "around and leaving a hole big enough to bury a horse.")  # fmt: skip


def test_a_pdfs_own_questions_and_summary_are_not_sources():
    from seekh_convert.clean.pdf_kinds import assign_kinds
    from seekh_convert.model.document import Block, BlockKind

    blocks = assign_kinds(
        [
            Block("Cells", BlockKind.HEADING, level=1),
            Block("A cell is the smallest unit of life."),
            Block("Review Questions", BlockKind.HEADING, level=2),
            Block("1. Which organelle holds the DNA?"),
            Block("Summary", BlockKind.HEADING, level=2),
            Block("Cells are the basic units of life."),
            Block("Tissues", BlockKind.HEADING, level=1),
            Block("Tissues are groups of cells."),
        ]
    )
    kinds = [b.kind for b in blocks if b.kind is not BlockKind.HEADING]
    assert kinds == [BlockKind.PARAGRAPH, BlockKind.QUESTION, BlockKind.SUMMARY, BlockKind.PARAGRAPH]
