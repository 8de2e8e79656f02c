"""Relay run 3: a quote of two verbatim pieces joined by " … ", further apart than one passage, was dropped as an
"invented quote" before the gate saw it; a piece the topic does not have still is."""

from __future__ import annotations

from pathlib import Path

from seekh_convert.generate.openai.relocate import TopicQuotes
from seekh_convert.model.document import Block, Document, SourceKind, Topic


def _topic() -> tuple[Document, Topic]:
    blocks = [Block("now() gives the current time as a date-time object", slide=4, section="Arithmetic")]
    blocks += [Block(f"Bullet {n} on periods and durations in lubridate", slide=5 + n, section="Arithmetic") for n in range(9)]
    blocks.append(Block("Calculate the time in 123456789 seconds from now", slide=15, section="Arithmetic"))
    doc = Document(path=Path("deck.pptx"), kind=SourceKind.SLIDES, title="Deck", sha256="0" * 64, blocks=blocks)
    doc.topics = [Topic(1, "Arithmetic", blocks)]
    return doc, doc.topics[0]


def test_verbatim_pieces_far_apart_are_located_at_the_first_a_made_up_piece_is_not():
    doc, topic = _topic()
    quotes = TopicQuotes(topic, doc)
    found = quotes.find("now() gives the current time as a date-time object … Calculate the time in 123456789 seconds from now")
    assert found is not None and found.ref.slide == 4
    assert quotes.find("now() gives the current time as a date-time object … Calculate the age of everyone in days") is None


def test_a_quote_on_a_build_up_slide_stays_at_the_cited_slide_a_wrong_citation_is_moved():
    """Relay run 4: slides 21-25 build up one line at a time; a quote of slide 22's two lines, cited at slide 22,
    was 'moved' to slide 21 (which holds only its first line): 6 of the deck's 20 false alarms."""
    from seekh_convert.generate.openai.relocate import relocate
    from seekh_convert.model.findings import Reason

    lines = ["We are going to make up data.", "We’re actually going to make up tons of data.", "Why is this okay?"]
    blocks = [Block(t, slide=21 + k, section="Simulation") for k in range(3) for t in lines[: k + 1]]
    doc = Document(path=Path("deck.pptx"), kind=SourceKind.SLIDES, title="Deck", sha256="0" * 64, blocks=blocks)
    doc.topics = [Topic(1, "Simulation", blocks)]
    quotes = TopicQuotes(doc.topics[0], doc)
    quote = f"{lines[0]} … {lines[1]}"
    findings: list = []
    cited = {"source": {"quote": quote, "slide": 22}}
    assert relocate(cited, quotes, findings, "summary", 0) and cited["source"]["slide"] == 22 and findings == []
    wrong = {"source": {"quote": lines[2], "slide": 21}}
    assert relocate(wrong, quotes, findings, "summary", 1) and wrong["source"]["slide"] == 23
    assert [f.reason for f in findings] == [Reason.WRONG_LOCATION]


def test_a_quote_keeps_the_code_marks_around_it_that_the_source_has():
    # relay run 16: "Tabsets can be created with `tabsetPanel()`" was published without its closing backtick (taken for
    # a wrapping quotation mark), in a quote of its own and at the end of a quote joined by " … "
    blocks = [
        Block("Tabsets can be created with `tabsetPanel()`", slide=17, section="Layouts"),
        Block("You can also create more complex arrangements with `fluidRow()`, as well as apps with multiple pages "
              "using `navbarPage()`", slide=18, section="Layouts"),
    ]  # fmt: skip
    doc = Document(path=Path("deck.pptx"), kind=SourceKind.SLIDES, title="Deck", sha256="0" * 64, blocks=blocks)
    doc.topics = [Topic(1, "Layouts", blocks)]
    quotes = TopicQuotes(doc.topics[0], doc)
    single = "Tabsets can be created with `tabsetPanel()`"
    assert quotes.find(single).quote == single
    joined = f"{single} … You can also create more complex arrangements with `fluidRow()`, as well as apps with multiple pages using `navbarPage()`"
    assert quotes.find(joined).quote == joined
    # a quotation mark the model wrapped round the quote is no part of it
    assert quotes.find(f"“{single}”").quote == single
