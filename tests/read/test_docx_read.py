"""Word documents built with python-docx pin what the reader keeps: headings, lists, tables, code, glossary
pairs, pages; and what it leaves out: comments, footnotes, headers and footers."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from seekh_convert.clean import clean
from seekh_convert.errors import InputError
from seekh_convert.model.document import BlockKind
from seekh_convert.read.docx import DocxExtractor


def _outline(paragraph, level: int) -> None:
    """Give a Normal paragraph an outline level (0-based, as Word stores it)."""
    ppr = paragraph._p.get_or_add_pPr()
    element = OxmlElement("w:outlineLvl")
    element.set(qn("w:val"), str(level))
    ppr.append(element)


def _handout(path: Path) -> Path:
    d = docx.Document()
    d.core_properties.title = "Cell Biology Handout"
    d.add_paragraph("Cell Biology Handout", style="Title")
    d.add_heading("Membranes", level=1)
    p = d.add_paragraph("The ")
    p.add_run("plasma membrane").bold = True
    p.add_run(" is a lipid bilayer that separates the cell from its surroundings.")
    d.add_comment(p.runs[1], text="REVIEWER COMMENT: check this wording", author="Ann")
    d.add_paragraph("Phospholipids form two layers", style="List Bullet")
    d.add_paragraph("Proteins float in the bilayer", style="List Bullet")
    d.add_heading("Transport", level=2)
    d.add_paragraph("Diffusion moves molecules from high to low concentration without energy.")
    table = d.add_table(rows=3, cols=3)
    table.cell(0, 0).text, table.cell(0, 1).text, table.cell(0, 2).text = "Process", "Energy", "Example"
    table.cell(1, 0).text, table.cell(1, 1).text, table.cell(1, 2).text = "Diffusion", "none", "oxygen"
    merged = table.cell(2, 0).merge(table.cell(2, 1))
    merged.text = "Active transport needs ATP"
    table.cell(2, 2).text = "sodium pump"
    d.add_page_break()
    outlined = d.add_paragraph("Osmosis in plants")
    _outline(outlined, 1)  # a Normal paragraph that Word shows as a level-2 heading
    d.add_paragraph("Water moves across the membrane towards the higher solute concentration.")
    code = d.styles.add_style("Source Code", WD_STYLE_TYPE.PARAGRAPH)
    d.add_paragraph("print('osmosis')", style=code)
    term = d.styles.add_style("Definition Term", WD_STYLE_TYPE.PARAGRAPH)
    definition = d.styles.add_style("Definition", WD_STYLE_TYPE.PARAGRAPH)
    d.add_paragraph("turgor", style=term)
    d.add_paragraph("The pressure of the cell contents against the cell wall.", style=definition)
    d.sections[0].header.paragraphs[0].text = "HEADER TEXT Biology 101"
    d.sections[0].footer.paragraphs[0].text = "FOOTER TEXT page furniture"
    d.save(path)
    return path


@pytest.fixture
def handout(tmp_path) -> Path:
    return _handout(tmp_path / "handout.docx")


def test_headings_from_styles_and_outline_levels(handout):
    doc = clean(DocxExtractor()(handout))
    headings = [(b.text, b.level) for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert headings == [("Membranes", 1), ("Transport", 2), ("Osmosis in plants", 2)]
    assert doc.title == "Cell Biology Handout"
    water = next(b for b in doc.blocks if b.text.startswith("Water moves"))
    assert water.section == "Osmosis in plants"


def test_lists_bold_terms_code_and_glossary(handout):
    doc = clean(DocxExtractor()(handout))
    kinds = {b.text: b.kind for b in doc.blocks}
    assert kinds["Phospholipids form two layers"] is BlockKind.LIST_ITEM
    assert kinds["print('osmosis')"] is BlockKind.CODE
    membrane = next(b for b in doc.blocks if b.text.startswith("The plasma membrane"))
    assert "plasma membrane" in membrane.emphasis
    glossary = next(b for b in doc.blocks if b.kind is BlockKind.GLOSSARY)
    assert glossary.term == "turgor" and glossary.text.startswith("The pressure of the cell contents")


def test_tables_become_one_line_per_row_with_merged_cells_once(handout):
    doc = clean(DocxExtractor()(handout))
    rows = [b.text for b in doc.blocks if "|" in b.text]
    assert rows == ["Process | Energy | Example", "Diffusion | none | oxygen", "Active transport needs ATP | sodium pump"]
    assert all(b.section == "Transport" for b in doc.blocks if "|" in b.text)


def test_page_breaks_number_the_pages(handout):
    doc = clean(DocxExtractor()(handout))
    pages = {b.text: b.page for b in doc.blocks}
    assert pages["Diffusion moves molecules from high to low concentration without energy."] == 1
    assert pages["Water moves across the membrane towards the higher solute concentration."] == 2


def test_comments_headers_and_footers_stay_out_of_the_body(handout):
    text = "\n".join(b.text for b in clean(DocxExtractor()(handout)).blocks)
    assert "REVIEWER COMMENT" not in text and "HEADER TEXT" not in text and "FOOTER TEXT" not in text
    assert "Cell Biology Handout" not in text  # the Title paragraph is the document's title, not a block


def test_document_without_page_breaks_has_no_pages(tmp_path):
    d = docx.Document()
    d.add_heading("Only", level=1)
    d.add_paragraph("A paragraph on a page nobody marked, long enough to count as a text worth reading for a study guide.")
    d.save(tmp_path / "plain.docx")
    doc = clean(DocxExtractor()(tmp_path / "plain.docx"))
    assert all(b.page is None for b in doc.blocks)


def test_footnotes_of_a_real_book_stay_out_of_the_body(corpus):
    path = corpus / "office" / "python-for-everybody-full-textbook-CC-BY-NC-SA.docx"
    with zipfile.ZipFile(path) as archive:
        footnotes = archive.read("word/footnotes.xml").decode("utf-8")
    import re

    notes = [n for n in re.findall(r"<w:t(?: [^>]*)?>([^<]{30,})</w:t>", footnotes)]
    assert notes, "the book has footnotes"
    body = "\n".join(b.text for b in DocxExtractor()(path).raw_blocks)
    assert not [n for n in notes if n.strip() in body]


def test_real_syllabus_headings_tables_and_outline_level(corpus):
    doc = clean(DocxExtractor()(corpus / "office" / "BAIT509-ubc-course-outline-syllabus-2021.docx"))
    headings = [b.text for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert len(headings) >= 26
    assert "Code Plagiarism" in headings  # outline level 1 on a Normal paragraph
    assert "Instructor information" in headings  # typed in lower case under an all-caps style
    assert any(b.text == "Assignments | 60%" for b in doc.blocks)
    assert {b.page for b in doc.blocks} >= {1, 2, 3}


@pytest.mark.parametrize("content", [b"", b"not a zip at all", b"PK\x03\x04broken"])
def test_damaged_or_empty_files_are_one_line_errors(tmp_path, content):
    path = tmp_path / "bad.docx"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        DocxExtractor()(path)
    assert "bad.docx" in str(info.value) and "\n" not in str(info.value)
    if not content:
        assert "empty" in str(info.value)


def _normal_style_notes(path: Path) -> Path:
    """Lecture notes typed all in "Normal": the outline is bold lines, and a pasted paragraph lost its heading's
    line break (set 18's software project management notes, shortened)."""
    word = docx.Document()
    body = "A project is a temporary endeavour undertaken to create a unique product, service or result. " * 3

    def bold(text: str) -> None:
        word.add_paragraph().add_run(text).bold = True

    bold("LECTURE 1: SPM CONCEPTS")
    word.add_paragraph(body)
    bold("LECTURE 2: KNOWLEDGE AREAS")
    word.add_paragraph("The ten knowledge areas are:")
    for area in ("Project Quality Management", "Project Communications Management", "Project Risk Management"):
        word.add_paragraph(f"• {area}")
    word.add_paragraph(
        "Project Quality Management There are three processes in Project Quality Management, the knowledge area "
        "where the quality requirements for project deliverables are planned and tracked."
    )
    word.add_paragraph(
        "Project Communications Management Communications management is the knowledge area that defines how "
        "communications within the project will work."
    )
    word.add_paragraph("Project Risk Management Institute members wrote the standard that this course follows closely.")
    bold("LECTURE 3: PROCESS GROUPS AND THE PMBOK")
    bold("PROCESS GROUPS")
    word.add_paragraph(body)
    word.add_paragraph().add_run("Bold words inside a sentence of body text, ending as a sentence does.").bold = True
    word.add_paragraph(body)
    bold("The end")
    word.save(path)
    return path


def test_bold_lines_head_a_document_typed_in_normal_style(tmp_path):
    doc = DocxExtractor()(_normal_style_notes(tmp_path / "notes.docx"))
    headings = [(b.level, b.text) for b in doc.raw_blocks if b.kind is BlockKind.HEADING]
    assert headings == [
        (1, "LECTURE 1: SPM CONCEPTS"),
        (1, "LECTURE 2: KNOWLEDGE AREAS"),
        (2, "Project Quality Management"),
        (2, "Project Communications Management"),
        (1, "LECTURE 3: PROCESS GROUPS AND THE PMBOK"),
        (2, "PROCESS GROUPS"),
    ]
    texts = [b.text for b in doc.raw_blocks]
    assert (
        "There are three processes in Project Quality Management, the knowledge area where the quality requirements for project deliverables are planned and tracked."
        in texts
    )
    assert any(t.startswith("Communications management is the knowledge area") for t in texts)
    assert any(t.startswith("Project Risk Management Institute members") for t in texts)  # a name, then no sentence
    assert "The end" in texts  # a bold line heading nothing


def test_bold_lines_stay_text_where_the_writer_used_heading_styles(tmp_path):
    word = docx.Document()
    word.add_heading("Introduction", level=1)
    word.add_paragraph().add_run("Key idea").bold = True
    word.add_paragraph("A project is a temporary endeavour undertaken to create a unique product. " * 4)
    path = tmp_path / "styled.docx"
    word.save(path)
    doc = DocxExtractor()(path)
    assert [b.text for b in doc.raw_blocks if b.kind is BlockKind.HEADING] == ["Introduction"]


def test_words_a_pasted_pdf_hyphenated_are_joined(tmp_path):
    """Set 18's Word notes pasted from a PDF: "must be closely moni-tored", "scheduling de-tails" came out in the
    guide's takeaways as written; "well-being" and "long-term" are compounds and stay."""
    from seekh_convert.clean.structured import pasted_hyphens
    from seekh_convert.model.document import RawBlock

    blocks = [
        RawBlock(BlockKind.PARAGRAPH, "Changes to the scope must be closely moni-tored and the de-tails recorded."),
        RawBlock(BlockKind.PARAGRAPH, "The details of each change and its long-term effect on well-being are kept."),
    ]
    joined = [b.text for b in pasted_hyphens(blocks)]
    assert joined[0] == "Changes to the scope must be closely monitored and the details recorded."
    assert joined[1] == blocks[1].text


def test_bold_numbered_list_lines_alone_head_the_text_after_them(tmp_path):
    """Set 52's chapter typed its sections as bold, numbered "List Paragraph" lines ("1. Introduction"): read as list
    items, a stray bold "4.2 Icy times" headed 60% of the chapter."""
    word = docx.Document()
    body = "Mathematics is used throughout the food industry to model how food is grown and processed. " * 3
    for title in ("Introduction", "Some basic facts", "It all starts in a field"):
        word.add_paragraph(style="List Number").add_run(title).bold = True
        word.add_paragraph(body)
    word.add_paragraph("A list follows.")
    for item in ("Flour", "Sugar"):
        word.add_paragraph(style="List Bullet").add_run(item).bold = True
    word.add_paragraph(style="List Bullet").add_run("Butter, softened").bold = False
    word.add_paragraph(body)
    path = tmp_path / "chapter.docx"
    word.save(path)
    doc = DocxExtractor()(path)
    assert [b.text for b in doc.raw_blocks if b.kind is BlockKind.HEADING] == [
        "Introduction",
        "Some basic facts",
        "It all starts in a field",
    ]


def test_a_plain_chapter_line_heads_its_chapter(tmp_path):
    """Set 60's history notes typed "Chapter 1\\t\\t\\tThe Importance of Ancient Indian History" in Normal, not bold:
    the chapters ran into one another and a topic was titled "Coins". A sentence that opens on "Chapter 3 ..." stays
    text."""
    word = docx.Document()
    body = "Coins found during excavation and their study is known as numismatics, a source of ancient history. " * 3
    word.add_paragraph("Chapter 1\t\t\tThe Importance of Ancient Indian History")
    word.add_paragraph(body)
    word.add_paragraph("Chapter 2 \t\t\tThe Construction of Ancient Indian History")
    word.add_paragraph(body)
    word.add_paragraph("Chapter 3 covers the geography of the subcontinent, which the next notes take up in turn.")
    word.add_paragraph(body)
    word.save(tmp_path / "notes.docx")
    doc = DocxExtractor()(tmp_path / "notes.docx")
    headings = [b.text for b in doc.raw_blocks if b.kind is BlockKind.HEADING]
    assert headings == [
        "Chapter 1 The Importance of Ancient Indian History",
        "Chapter 2 The Construction of Ancient Indian History",
    ]
