"""Relay run 18 (set V, 2026-12-05): an R lecture on functions and ggplot. The model's items the gate or the engine
still dropped on the first run with judgement checks only noting: a code call with its arguments swapped as "the
same" option, the modulo operator as a cloze back, a slide line "alpha" as a quote; each beside the defect still
caught."""

from __future__ import annotations

from pathlib import Path

from seekh_convert.check.answer_keys import check_cloze
from seekh_convert.check.checker import ItemChecker, for_model_drafts
from seekh_convert.check.items import Item
from seekh_convert.generate.openai.relocate import TopicQuotes
from seekh_convert.model.answers import duplicate_options
from seekh_convert.model.document import Block, Document, SourceKind, Topic
from seekh_convert.model.findings import Reason
from seekh_convert.model.guide import Flashcard, MultipleChoice, SourceRef
from seekh_convert.text.words import content_stems

QUANTILE = "Use quantile(vector, x) to find the x (as decimal) quantile of a numeric vector"
MODULO = "x %% y gives the remainder of x/y"


def _deck(lines: list[str]) -> Document:
    blocks = [Block(line, slide=16 + i, section="Adding Aesthetics") for i, line in enumerate(lines)]
    doc = Document(path=Path("deck.pptx"), kind=SourceKind.SLIDES, title="Deck", sha256="0" * 64, blocks=blocks)
    doc.topics = [Topic(1, "Aesthetics", blocks)]
    return doc


def test_a_code_call_with_its_arguments_swapped_is_another_option() -> None:
    options = ["quantile(v, 0.75)", "quantile(v, 75)", "quantile(0.75, v)", "quantile(v, 3/5)"]
    assert duplicate_options(options) is None
    assert duplicate_options(["quantile(v, 0.75)", "quantile(v,0.75)", "mean(v)", "median(v)"]) is not None  # spacing
    assert duplicate_options(["Chemical energy", "chemical energies", "Heat", "Sound"]) is not None  # prose still alike


def test_an_operator_the_quote_writes_fills_a_cloze_gap() -> None:
    doc = _deck([MODULO, "Condition", "Execute If code"])
    checker = ItemChecker(doc.topics[0], doc, for_model_drafts(None))
    front = "In R, x _____ y gives the remainder of x divided by y."
    card = Flashcard(kind="cloze", front=front, back="%%", source=SourceRef(quote=MODULO, slide=16))
    for back in ("%%", "%% (the modulo operator); for example 7 %% 2 is 1, so it can test whether a number is even or odd."):
        outcome = checker.check(Item("flashcards", 0, card.model_copy(update={"back": back})))
        assert outcome.model is not None and outcome.model.back == back, outcome.findings
    other = card.model_copy(update={"back": "//"})  # an operator the quote does not write
    assert [r for r, _ in check_cloze(other, set(content_stems(MODULO)))] == [Reason.CLOZE_MISMATCH]
    assert checker.check(Item("flashcards", 0, other)).model is None


def test_a_slide_line_that_is_one_short_word_is_located_and_noted_as_short() -> None:
    doc = _deck(["alpha", "size", "Aesthetics map variables in the data to visual properties of the plot"])
    quotes = TopicQuotes(doc.topics[0], doc)
    found = quotes.find("alpha")
    assert found is not None and found.ref.slide == 16
    assert quotes.find("alp") is None and quotes.find("beta") is None  # part of a line, or no line at all
    question = MultipleChoice(
        question="Which aesthetic would you map to make the points of a scatterplot more or less transparent?",
        options=["alpha", "size", "shape", "colour"],
        answer_index=0,
        explanation="alpha sets transparency; size, shape and colour change the points' size, symbol and colour.",
        source=SourceRef(quote="alpha", slide=16),
    )
    outcome = ItemChecker(doc.topics[0], doc, for_model_drafts(None)).check(Item("questions", 0, question))
    assert outcome.model is not None
    assert Reason.QUOTE_TOO_SHORT in {f.reason for f in outcome.findings if f.action == "noted"}
