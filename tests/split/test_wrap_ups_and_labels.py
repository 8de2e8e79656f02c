"""Issue 17 (teacher, set F): a chapter's "Summary" section is no topic of its own, a notebook's "Notebook" label
never names a topic, and a deck's course-administration slides (learning objectives, "This course is not:") are
no topic's content."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation

from seekh_convert.model.document import Block, BlockKind, Document, SourceKind
from seekh_convert.pipeline.run import load_document
from seekh_convert.read.html import _page_title
from seekh_convert.split.segment import Segmenter


def _para(words: int, seed: str) -> Block:
    return Block(" ".join(f"{seed}{i % 17}" for i in range(words)) + ".")


def _chapter(titles: list[str], words: int = 600) -> list[Block]:
    blocks = [Block("Chapter", BlockKind.HEADING, level=1)]
    for n, title in enumerate(titles):
        blocks.append(Block(title, BlockKind.HEADING, level=2))
        blocks += [_para(words // 2, f"s{n}w") for _ in range(2)]
    return blocks


def test_a_wrap_up_section_joins_the_section_before_it():
    doc = Document(path=Path("ch.md"), kind=SourceKind.MARKDOWN, title="Chapter",
                   blocks=_chapter(["Tidy data", "Lengthening data", "Widening data", "Summary"]))  # fmt: skip
    doc = Segmenter()(doc)
    assert [t.title for t in doc.topics] == ["Tidy data", "Lengthening data", "Widening data"]
    assert "s3w0" in doc.topics[-1].text  # the summary's text stays, in its neighbour
    doc = Document(path=Path("ch.md"), kind=SourceKind.MARKDOWN, title="Summary", blocks=_chapter(["Summary"]))
    assert len(Segmenter()(doc).topics) == 1  # a summary of its own stays when it is the only section


def test_a_notebook_page_is_titled_by_its_first_heading():
    """A Jupyter export is titled "Notebook"; when the page reader drops its cells' headings (as it does on the
    judged PID-tuning page), the document takes its first <h1>, not the label."""
    page = (
        "<html><head><title>Notebook</title></head><body>"
        '<h1 id="4.6-PID">4.6 PID Controller Tuning<a class="anchor-link" href="#4.6-PID">&#182;</a></h1></body></html>'
    )
    assert _page_title(page) == "PID Controller Tuning"  # named as its topic is (coverage matches sections by name)
    assert _page_title("<title>Process control</title>") == "Process control"


def test_a_file_label_title_gives_way_to_the_content():
    doc = Document(path=Path("pid-controller-tuning.html"), kind=SourceKind.HTML, title="Notebook",
                   blocks=[_para(300, "pid")])  # fmt: skip
    assert Segmenter()(doc).topics[0].title == "Pid controller tuning"


def test_course_administration_slides_are_no_topic(tmp_path):
    deck = Presentation()
    slides = [
        ("Learning Objectives", ["Some level of comfort coding in R, or, finding R code and applying it.",
                                 "Confidence in reading the methods sections of published papers in the field."]),
        ("This course is not:", ["Where you memorize all the different tests, parametric and non-parametric.",
                                 "A registered report with a short introduction makes up sixty percent of the grade."]),
    ] + [
        (f"Linear models {n}", [f"A linear model predicts a response from predictors with a straight line {n}.",
                                f"The residual of a linear model is the distance of a point from its line {n}.",
                                f"Least squares chooses the line of a linear model with the smallest residuals {n}."])
        for n in range(8)
    ] + [
        ("Assignment Statements", ["An assignment statement puts the value of an expression into a variable.",
                                   "The right side of an assignment statement is evaluated before it is stored."]),
        ("Assignments for this class:", ["A registered report with a short introduction and methods is due in week six.",
                                         "Two problem sets are due before the reading week."]),
    ]  # fmt: skip
    for heading, bullets in slides:
        slide = deck.slides.add_slide(deck.slide_layouts[1])
        slide.shapes.title.text = heading
        frame = slide.placeholders[1].text_frame
        frame.text = bullets[0]
        for bullet in bullets[1:]:
            frame.add_paragraph().text = bullet
    deck.save(tmp_path / "lecture1.pptx")
    doc = load_document(tmp_path / "lecture1.pptx")
    assert not any(b.usable and b.slide in (1, 2, 12) for b in doc.blocks)
    assert any(b.usable and b.slide == 11 for b in doc.blocks)  # "Assignment Statements" is Python, not the course
    assert all(t.title not in ("Learning Objectives", "This course is not:") for t in doc.topics)
    content = " ".join(b.text for t in doc.topics for b in t.blocks if b.usable)
    assert "comfort coding" not in content and "registered report" not in content and "problem sets" not in content
