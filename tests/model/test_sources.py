"""Sentence-level source references: pages, sections and the times of a quote's own sentences."""

from __future__ import annotations

from seekh_convert.model.document import Block
from seekh_convert.model.guide import SourceRef
from seekh_convert.model.sources import SourceFinder, at_location, has_location, ref_at

SPOKEN = Block(
    "Memory has three processes. Encoding comes first. Storage keeps information over time.",
    start=0.0,
    end=12.0,
    section="Memory",
    times=((0, 0.0, 4.0), (28, 3.0, 8.0), (51, 8.0, 12.0)),
)
NEXT = Block("Retrieval brings it back.", start=12.0, end=15.0, times=((0, 12.0, 15.0),))


def test_a_quote_gets_its_own_sentences_times():
    finder = SourceFinder([SPOKEN, NEXT])
    ref = finder.ref(finder.find("encoding comes first"), "encoding comes first")
    assert (ref.start, ref.end, ref.section) == (3.0, 8.0, "Memory")
    across = finder.find("over time. Retrieval brings")
    assert finder.ref(across, "x").model_dump(include={"start", "end"}) == {"start": 8.0, "end": 15.0}


def test_verbatim_keeps_the_sources_words_and_the_quotes_punctuation():
    finder = SourceFinder([SPOKEN])
    span = finder.find("ENCODING  comes first.")
    assert finder.verbatim(span, "ENCODING  comes first.") == "Encoding comes first."
    assert finder.verbatim(span, "encoding comes first") == "Encoding comes first"


def test_verbatim_keeps_closing_brackets_the_pdf_spaced_off():
    # relay run 11's PDF: the model copied "... ℙ(𝐸)ℙ(𝐹 )." exactly; the published quote lost " )." (a silent change)
    sentence = "We say that two events 𝐸 and 𝐹 are independent if ℙ(𝐸 ∩ 𝐹 ) = ℙ(𝐸)ℙ(𝐹 ). Then more follows."
    finder = SourceFinder([Block(sentence)])
    quote = "We say that two events 𝐸 and 𝐹 are independent if ℙ(𝐸 ∩ 𝐹 ) = ℙ(𝐸)ℙ(𝐹 )."
    assert finder.verbatim(finder.find(quote), quote) == quote
    opening = "( see the notes ) and so on"
    finder = SourceFinder([Block(f"Text {opening}.")])
    assert finder.verbatim(finder.find(opening), opening) == opening
    assert (
        finder.verbatim(finder.find("see the notes"), "see the notes).") == "see the notes )"
    )  # a mark the source lacks stays out


def test_pages_and_sections():
    block = Block("Text on a page.", page=4, section="Intro")
    ref = ref_at(block, 0, 4, "Text")
    assert (ref.page, ref.start, ref.section) == (4, None, "Intro")
    assert at_location(block, SourceRef(quote="Text", page=4)) and not at_location(block, SourceRef(quote="Text", page=5))
    assert at_location(block, SourceRef(quote="Text", section="intro"))
    assert not has_location(SourceRef(quote="Text")) and at_location(block, SourceRef(quote="Text"))


def test_times_allow_a_little_slack():
    assert at_location(SPOKEN, SourceRef(quote="x", start=13.5, end=20.0))
    assert not at_location(SPOKEN, SourceRef(quote="x", start=15.0, end=20.0))


def test_verbatim_keeps_backticks_and_low_quote_marks_at_the_edges():
    # relay run 14's R deck: "Convert between timezones using `with_tz()`" was published without its closing
    # backtick; relay run 13's budget deck: "“Actual‟ expenditures ..." lost its opening mark
    finder = SourceFinder([Block("Convert between timezones using `with_tz()` and keep clocks with `force_tz()`.")])
    quote = "Convert between timezones using `with_tz()`"
    assert finder.verbatim(finder.find(quote), quote) == quote
    finder = SourceFinder([Block("“Actual‟ expenditures are the final amounts spent.")])
    quote = "“Actual‟ expenditures are the final amounts spent."
    assert finder.verbatim(finder.find(quote), quote) == quote


def test_verbatim_keeps_a_symbol_after_the_last_word():
    # relay run 15's notes: "... the “natural greedy algorithm”, call it G≺." was published five times as "... call it G"
    finder = SourceFinder([Block("We now define the “natural greedy algorithm”, call it G≺. It runs in linear time.")])
    quote = "We now define the “natural greedy algorithm”, call it G≺."
    assert finder.verbatim(finder.find(quote), quote) == quote
    assert finder.verbatim(finder.find("call it G"), "call it G") == "call it G"  # nothing the quote did not have
