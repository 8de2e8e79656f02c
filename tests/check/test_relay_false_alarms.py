"""False alarms of relay run 1 (issue 16, a capable model's drafts on three new documents), each planted beside the
real defect the same check must still catch."""

from __future__ import annotations

from pathlib import Path

from seekh_convert.check.answer_keys import _overlapping_options
from seekh_convert.check.checker import GateSettings, ItemChecker
from seekh_convert.check.items import Item
from seekh_convert.check.rubric import gap_problems
from seekh_convert.model.answers import duplicate_options
from seekh_convert.model.document import Block, Document, SourceKind, Topic
from seekh_convert.model.findings import Reason
from seekh_convert.model.guide import Flashcard, MultipleChoice, SourceRef
from seekh_convert.text.standalone import fragment


def test_options_told_apart_by_operators_or_letters_are_not_duplicates():
    assert duplicate_options(["==", "!=", "<>=", "=/"]) is None
    assert duplicate_options(["Down the −z axis", "Along the +z axis", "Along the +x axis", "Down the −y axis"]) is None
    assert duplicate_options(["Down the −𝑧 axis", "Up the +x axis", "Down the −𝑦 axis", "None"]) is None  # math italic
    assert duplicate_options(["==", "==", "!=", "<"]) is not None
    assert duplicate_options(["Down the −z axis", "down the −z axis.", "Up", "Left"]) is not None


def test_the_same_words_in_another_order_do_not_overlap():
    options = [
        "Model, then view, then projection",
        "View, then model, then projection",
        "Projection, then view, then model",
        "Model, then projection, then view",
    ]
    assert _overlapping_options(options) is None
    assert _overlapping_options(["Red apples", "Red apples and pears", "Blue", "Green"]) is not None


def test_a_paired_adverb_is_no_dangling_ending():
    assert fragment("Bias changes even when the IMU is switched off and on.") is None
    assert fragment("The outcome of the test depends on.") == "ends on 'on'"


def test_a_technical_adjective_is_a_gap_on_a_key_term():
    assert gap_problems("The _____ projection preserves parallel lines in the perceived image.", "orthographic", None) == []
    assert [r for r, _ in gap_problems("The _____ projection preserves parallel lines.", "valid", None)] == [Reason.WEAK_GAP]


def _code_topic() -> tuple[Document, Topic]:
    blocks = [
        Block("In Python some simple mathematical comparisons", slide=19, section="Boolean Logic"),
        Block("> (3 > 4)", slide=19, section="Boolean Logic"),
        Block("!= (3!=4)", slide=19, section="Boolean Logic"),
        Block("Can also do this with strings, particularly equals and not equals", slide=19, section="Boolean Logic"),
    ]
    doc = Document(path=Path("deck.pptx"), kind=SourceKind.SLIDES, title="Deck", sha256="0" * 64, blocks=blocks)
    doc.topics = [Topic(1, "Boolean Logic", blocks)]
    return doc, doc.topics[0]


def _reasons(checker: ItemChecker, model) -> list[Reason]:
    outcome = checker.check(Item("questions", 0, model))
    return [r for f in outcome.findings if f.action != "fixed" for r in (f.reason, *f.also)]


def test_a_whole_code_line_is_long_enough_to_quote():
    doc, topic = _code_topic()
    checker = ItemChecker(topic, doc, GateSettings())
    question = MultipleChoice(
        question="Which operator tests whether two values are NOT equal in Python?",
        options=["==", "!=", "<>=", "=/"],
        answer_index=1,
        explanation="!= is the not-equal comparison, as in 3 != 4.",
        source=SourceRef(quote="!= (3!=4)", slide=19, section="Boolean Logic"),
    )
    assert Reason.QUOTE_TOO_SHORT not in _reasons(checker, question)
    card = Flashcard(kind="basic", front="Which operator?", back="!=", source=SourceRef(quote="!= (3", slide=19))
    assert Reason.QUOTE_TOO_SHORT in _reasons(checker, card)  # a piece of the line is not evidence


def test_this_after_a_sentence_of_the_item_points_at_that_sentence():
    from seekh_convert.check.rubric import context_problem

    shown = "People distance but still visit a central market as before. How much does this reduce the total cases?"
    assert context_problem(shown) is None
    assert context_problem("Compared with doing nothing, how much does this reduce the total cases?") is not None
    assert context_problem("Markets stay open. What does the curve look like in this figure?") is not None


def test_a_stem_naming_other_options_too_does_not_give_the_answer_away():
    from seekh_convert.check.answer_keys import _answer_in_stem

    tracing = MultipleChoice(
        question='After x = "hello" and then x = "good bye", what does print(x) show?',
        options=["hello", "good bye", "x", "An error message"],
        answer_index=1,
        explanation="The second assignment replaces the first value.",
        source=SourceRef(quote="x = 'good bye'"),
    )
    assert _answer_in_stem(tracing) is None
    given = tracing.model_copy(update={"question": 'After x = "good bye", what does print(x) show?'})
    assert _answer_in_stem(given) is not None


def test_a_verbless_slide_bullet_is_evidence_but_a_reference_entry_is_junk():
    """judged/llm: 7 KEEPs quoted slide bullets ("Only one cultural parent for each cultural child") that clean marks
    as fragments for the offline engine; the gate called them "junk source". A reference entry still is junk."""
    from seekh_convert.model.document import BlockKind

    blocks = [
        Block("Simplifying assumptions of the basic model", slide=7, section="Iterated learning"),
        Block("Only one cultural parent for each cultural child", slide=7, kind=BlockKind.FRAGMENT),
        Block("No horizontal transmission", slide=7, kind=BlockKind.FRAGMENT),
        Block("Kirby, S., Cornish, H. (2008). Cumulative cultural evolution in the laboratory.", slide=7, kind=BlockKind.REFERENCE),
    ]
    doc = Document(path=Path("deck.pptx"), kind=SourceKind.SLIDES, title="Deck", sha256="0" * 64, blocks=blocks)
    doc.topics = [Topic(1, "Iterated learning", blocks)]
    checker = ItemChecker(doc.topics[0], doc, GateSettings())
    card = Flashcard(
        kind="basic",
        front="How many cultural parents does each cultural child have in the basic iterated learning model?",
        back="Only one cultural parent.",
        source=SourceRef(quote="Only one cultural parent for each cultural child", slide=7),
    )
    assert Reason.JUNK_SOURCE not in _reasons(checker, card)
    cited = Flashcard(
        kind="basic",
        front="Who studied cumulative cultural evolution in the laboratory in 2008?",
        back="Kirby and Cornish.",
        source=SourceRef(quote="Kirby, S., Cornish, H. (2008). Cumulative cultural evolution in the laboratory.", slide=7),
    )
    assert Reason.JUNK_SOURCE in _reasons(checker, cited)
