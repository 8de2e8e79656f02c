"""Slide decks built with python-pptx pin the reader and the slide cleaner: reading order, tables, groups,
speaker notes, slide numbers; footers and slide numbers dropped; repeated titles continue a section."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Inches, Pt

from seekh_convert.check.coverage import topic_coverage
from seekh_convert.clean import clean
from seekh_convert.errors import InputError
from seekh_convert.generate.openai.mapreduce import plan_parts, render_part
from seekh_convert.model.document import BlockKind, Topic
from seekh_convert.model.findings import TopicQuality
from seekh_convert.model.guide import SourceRef
from seekh_convert.pipeline.coverage import coverage_warning, document_coverage
from seekh_convert.pipeline.results import TopicResult
from seekh_convert.read.pptx import PptxExtractor

FOOTER = "ACME Teacher Training 2024"


def _box(slide, text: str, left: float, top: float) -> None:
    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(3), Inches(0.5))
    box.text_frame.text = text


def _deck(path: Path) -> Path:
    deck = Presentation()
    title_only, content, blank = deck.slide_layouts[5], deck.slide_layouts[1], deck.slide_layouts[6]

    s1 = deck.slides.add_slide(deck.slide_layouts[0])
    s1.shapes.title.text = "Photosynthesis"
    s1.placeholders[1].text = "How plants make sugar"

    s2 = deck.slides.add_slide(content)
    s2.shapes.title.text = "Light reactions"
    body = s2.placeholders[1].text_frame
    body.text = "Chlorophyll absorbs red and blue light"
    body.add_paragraph().text = "Water is split and oxygen is released"
    _box(s2, "Lower box comes last", 1, 6.5)
    _box(s2, "2", 9, 7)  # a typed slide number
    s2.notes_slide.notes_text_frame.text = "Tell the class that the oxygen we breathe comes from split water molecules."

    s3 = deck.slides.add_slide(title_only)
    s3.shapes.title.text = "Light reactions (cont.)"
    rows = [("Stage", "Place"), ("Light reactions", "thylakoid membrane"), ("Calvin cycle", "stroma")]
    table = s3.shapes.add_table(3, 2, Inches(1), Inches(2), Inches(6), Inches(2)).table
    for r, (a, b) in enumerate(rows):
        table.cell(r, 0).text, table.cell(r, 1).text = a, b

    s4 = deck.slides.add_slide(blank)
    group = s4.shapes.add_group_shape()
    second = group.shapes.add_textbox(Inches(1), Inches(3), Inches(3), Inches(1))
    second.text_frame.text = "Second step: carbon fixation"
    first = group.shapes.add_textbox(Inches(1), Inches(1), Inches(3), Inches(1))
    first.text_frame.text = "First step: the Calvin cycle starts"
    _box(s4, "Calvin cycle overview", 1, 0.2)  # top left on an untitled slide: its title
    first.text_frame.paragraphs[0].runs[0].font.size = Pt(20)

    for slide in deck.slides:
        _box(slide, FOOTER, 0.3, 7.0)
    deck.save(path)
    return path


@pytest.fixture
def deck(tmp_path) -> Path:
    return _deck(tmp_path / "photosynthesis.pptx")


def test_blocks_in_reading_order_with_slide_numbers(deck):
    raw = PptxExtractor()(deck).raw_blocks
    slide2 = [(b.kind, b.text) for b in raw if b.slide == 2 and not b.notes]
    assert slide2[:3] == [
        (BlockKind.HEADING, "Light reactions"),
        (BlockKind.PARAGRAPH, "Chlorophyll absorbs red and blue light"),
        (BlockKind.PARAGRAPH, "Water is split and oxygen is released"),
    ]
    assert "Lower box comes last" in [t for _, t in slide2]
    assert "2" not in [t for _, t in slide2]  # typed slide numbers dropped
    group = [b.text for b in raw if b.slide == 4]
    assert group.index("First step: the Calvin cycle starts") < group.index("Second step: carbon fixation")


def test_speaker_notes_are_blocks_of_their_slide(deck):
    notes = [b for b in PptxExtractor()(deck).raw_blocks if b.notes]
    assert [(b.slide, b.text) for b in notes] == [
        (2, "Tell the class that the oxygen we breathe comes from split water molecules.")
    ]
    cleaned = clean(PptxExtractor()(deck))
    note = next(b for b in cleaned.blocks if b.text.startswith("Tell the class"))
    assert note.usable and note.slide == 2 and note.section == "Light reactions"


def test_tables_rows_and_repeated_footer_dropped(deck):
    doc = clean(PptxExtractor()(deck))
    texts = [b.text for b in doc.blocks]
    assert FOOTER not in texts
    assert "Light reactions | thylakoid membrane" in texts
    table_row = next(b for b in doc.blocks if b.text == "Calvin cycle | stroma")
    assert table_row.slide == 3


def test_repeated_title_continues_the_section_and_untitled_slide_takes_its_label(deck):
    doc = clean(PptxExtractor()(deck))
    headings = [(b.slide, b.text) for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert headings == [(1, "Photosynthesis"), (2, "Light reactions"), (4, "Calvin cycle overview")]
    row = next(b for b in doc.blocks if b.text == "Stage | Place")
    assert row.section == "Light reactions"
    assert doc.title == "Photosynthesis"


def test_licence_slide_and_notes_are_boilerplate(tmp_path):
    deck = Presentation()
    s1 = deck.slides.add_slide(deck.slide_layouts[1])
    s1.shapes.title.text = "Vectors"
    s1.placeholders[
        1
    ].text = "A vector has a magnitude and a direction in space, unlike a scalar, which has a size only and no direction at all."
    s1.notes_slide.notes_text_frame.text = "Please keep the CC-BY logo on this slide when you reuse it."
    s2 = deck.slides.add_slide(deck.slide_layouts[1])
    s2.shapes.title.text = "Acknowledgements / Contributions"
    s2.placeholders[1].text = "Initial development: A. Teacher, University of Somewhere"
    deck.save(tmp_path / "v.pptx")
    doc = clean(PptxExtractor()(tmp_path / "v.pptx"))
    kinds = {b.text: b.kind for b in doc.blocks}
    assert (
        kinds[
            "A vector has a magnitude and a direction in space, unlike a scalar, which has a size only and no direction at all."
        ]
        is BlockKind.PARAGRAPH
    )
    assert kinds["Please keep the CC-BY logo on this slide when you reuse it."] is BlockKind.BOILERPLATE
    assert kinds["Initial development: A. Teacher, University of Somewhere"] is BlockKind.BOILERPLATE


def test_smartart_text_is_read(corpus):
    doc = PptxExtractor()(corpus / "office" / "math260-foundations-of-geometry-lecture1-euclid.pptx")
    slide9 = [b.text for b in doc.raw_blocks if b.slide == 9]
    assert "1- A line can be drawn from any point to another." in slide9
    assert "Math 260 Foundations of Geometry" in [b.text for b in doc.raw_blocks if b.slide == 1]  # soft line break


def test_a_smartart_list_number_is_no_content():
    from seekh_convert.read.pptx import list_number

    assert list_number("1") and list_number("2.") and list_number("10)")
    assert not list_number("1- A line can be drawn from any point to another.") and not list_number("2024")


def test_slide_limit(deck):
    with pytest.raises(InputError, match=r"4 slides, more than --max-pages 3"):
        PptxExtractor()(deck, max_pages=3)


@pytest.mark.parametrize("content", [b"", b"PK\x05\x06" + b"\x00" * 18, b"%PDF-1.4 not a deck"])
def test_damaged_or_empty_decks_are_one_line_errors(tmp_path, content):
    path = tmp_path / "talk.pptx"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        PptxExtractor()(path)
    assert "talk.pptx" in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize(
    ("core", "expected"),
    [
        ("PowerPoint Presentation", "Lecture 4: Security Models"),  # the application's placeholder
        ("Title Layout", "Lecture 4: Security Models"),  # a template's layout name
        ("Lecture 10: Threats and Malware", "Lecture 4: Security Models"),  # copied from another lecture of the course
        ("Gardening for Beginners", "Lecture 4: Security Models"),  # no word of it on any slide
        ("Security Models and Access Control", "Security Models and Access Control"),  # the deck's own, kept
    ],
)
def test_a_stale_core_title_gives_way_to_the_first_slides_title(tmp_path, core, expected):
    deck = Presentation()
    first = deck.slides.add_slide(deck.slide_layouts[0])
    first.shapes.title.text = "Lecture 4: Security Models"
    body = deck.slides.add_slide(deck.slide_layouts[1])
    body.shapes.title.text = "Bell-LaPadula Model"
    body.placeholders[1].text_frame.text = "Access control keeps subjects from reading objects above their clearance."
    deck.core_properties.title = core
    path = tmp_path / "deck.pptx"
    deck.save(path)
    assert PptxExtractor()(path).title == expected


def test_a_title_over_pictures_is_a_line_a_model_sees_and_coverage_counts(tmp_path):
    """Relay run 22: a deck of titles over gate diagrams sent 4 of its 17 slides and reported "1/1 slides (100%)"."""
    deck = Presentation()
    s1 = deck.slides.add_slide(deck.slide_layouts[1])
    s1.shapes.title.text = "Universal gates"
    s1.placeholders[1].text = (
        "A NAND gate alone can build every other logic gate, so it is called universal. "
        "The NOR gate is universal too, and chips made of one gate type are cheap to produce."
    )
    for title in ("The NAND Gate as a Universal Logic Element", "XNOR Gate", "3 input NAND and NOR gate"):
        slide = deck.slides.add_slide(deck.slide_layouts[5])  # title only: the content is a picture
        slide.shapes.title.text = title
    deck.save(tmp_path / "gates.pptx")
    doc = clean(PptxExtractor()(tmp_path / "gates.pptx"))
    lines = [(b.slide, b.kind, b.text) for b in doc.blocks if b.readable]
    assert (4, BlockKind.FRAGMENT, "3 input NAND and NOR gate") in lines and len(lines) == 4
    assert [b.slide for b in doc.blocks if b.kind is BlockKind.HEADING] == [1, 2, 3, 4]  # titles still start sections
    assert not any(b.usable for b in doc.blocks if b.slide != 1)  # the offline engine never takes items from a title
    topic = Topic(1, "Universal gates", doc.blocks)
    shown = "\n\n".join(render_part(part) for part in plan_parts(topic, 1500))
    assert "[slide 3] XNOR Gate" in shown and "[slide 4] 3 input NAND and NOR gate" in shown
    quality = TopicQuality(topic_index=1, coverage=topic_coverage(topic, [SourceRef(quote="x", slide=1)]))
    coverage = document_coverage(doc, [TopicResult(1, topic.title, folder=Path("g"), quality=quality)])
    assert coverage == {"unit": "slides", "covered": 1, "total": 4, "share": 0.25, "title_only": 3}
    warning = coverage_warning(coverage, "openai")
    assert "1 of 4 slides" in warning and "3 of its 4 slides show only a title over pictures" in warning
    assert "deck_words" not in warning


def test_a_sentence_typed_over_several_lines_of_a_slide_is_one_line(tmp_path):
    """Offline set 13 / relay run 25: "Accounting consists of three basic activities—it" / "identifies," / "records,
    and" / "communicates" / "the economic events ..." became a card answered "Accounting consists of three basic
    activities—it."; lower-case items under a line stay items."""
    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = "Three activities"
    body = slide.placeholders[1].text_frame
    body.text = "Accounting consists of three basic activities—it"
    for line in ("identifies,", "records, and", "communicates", "the economic events of an organization to interested users."):
        para = body.add_paragraph()
        para.text, para.level = line, 1
    box = slide.shapes.add_textbox(Inches(1), Inches(5), Inches(4), Inches(1)).text_frame
    box.text = "Two loops"
    for line in ("for", "while"):
        box.add_paragraph().text = line
    deck.save(tmp_path / "acc.pptx")
    texts = [b.text for b in PptxExtractor()(tmp_path / "acc.pptx").raw_blocks]
    assert (
        "Accounting consists of three basic activities—it identifies, records, and communicates the economic events of "
        "an organization to interested users."
    ) in texts
    assert {"Two loops", "for", "while"} <= set(texts)


def test_an_option_wrapped_over_lines_is_bold_only_when_every_line_is(tmp_path):
    """A quiz slide's bold option is its key (set 59): an option typed over two lines counts as bold only when both
    lines are, so a bold first line over a plain second line keys nothing."""
    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = "Which module normalizes the columns?"
    body = slide.placeholders[1].text_frame
    body.text = ""
    for first, second, second_bold in (
        ("Normalize Data rescales the selected", "columns to a common range.", True),
        ("Clean Missing Data replaces the missing", "values in the selected columns.", False),
    ):
        for line, bold in ((first, True), (second, second_bold)):
            para = body.add_paragraph()
            para.add_run().text = line
            para.runs[0].font.bold = bold
    deck.save(tmp_path / "quiz.pptx")
    blocks = {b.text: b.bold for b in PptxExtractor()(tmp_path / "quiz.pptx").raw_blocks}
    assert blocks["Normalize Data rescales the selected columns to a common range."] is True
    assert blocks["Clean Missing Data replaces the missing values in the selected columns."] is False
