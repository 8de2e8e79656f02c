"""Relay run 17 (set U, 2026-12-05): a digital-logic deck on standard forms; the model's sound questions the gate
dropped. Options that swap AND and OR, a count the stem writes in words, lists of variables; each beside the defect
the check still catches."""

from __future__ import annotations

from pathlib import Path

from seekh_convert.check.answer_keys import _overlapping_options
from seekh_convert.check.checker import ItemChecker, for_model_drafts
from seekh_convert.check.items import Item
from seekh_convert.model.answers import duplicate_options
from seekh_convert.model.document import Block, Document, SourceKind, Topic
from seekh_convert.model.findings import Reason
from seekh_convert.model.guide import ShortAnswer, SourceRef


def test_options_that_swap_and_and_or_are_two_answers() -> None:
    gates = [
        "Three OR gates feeding one AND gate",
        "Three AND gates feeding one OR gate",
        "Three AND gates feeding one AND gate",
        "Three OR gates feeding one OR gate",
    ]
    assert duplicate_options(gates) is None and _overlapping_options(gates) is None
    assert duplicate_options(["Cats and dogs", "Cats and dog", "Birds", "Fish"]) is not None  # still: one misspelt


def test_lists_of_variables_are_other_sets() -> None:
    assert _overlapping_options(["A, B, C, D", "A, B, C", "A’, B, C, D’", "B, C"]) is None
    assert _overlapping_options(["An AND gate", "An AND gate and an OR gate", "A NOT gate", "A wire"]) is not None


def test_a_count_the_stem_writes_in_words_is_its_case() -> None:
    said = (
        "Therefore, an SOP expression can be implemented by AND-OR logic in which the outputs of a number (equal to "
        "the number of product terms in the expression) of AND gates connect to the inputs of an OR gate."
    )
    blocks = [Block(said, slide=5, section="AND/OR Implementation of an SOP Expression")]
    doc = Document(path=Path("deck.pptx"), kind=SourceKind.SLIDES, title="Deck", sha256="0" * 64, blocks=blocks)
    doc.topics = [Topic(1, "Standard forms", blocks)]
    checker = ItemChecker(doc.topics[0], doc, for_model_drafts(None))
    gates = ShortAnswer(
        question="An SOP expression has four product terms. How many AND gates does its AND-OR implementation use?",
        answer="4",
        accept=["4", "four"],
        explanation="The number of AND gates equals the number of product terms, one gate per term.",
        source=SourceRef(quote=said, slide=5),
    )
    assert checker.check(Item("questions", 0, gates)).model is not None
    # still caught: a count neither the stem nor the source gives
    asked = gates.model_copy(
        update={"question": "How many AND gates does the slide's example circuit use?", "answer": "4", "accept": ["4"]}
    )
    assert Reason.UNSUPPORTED in {f.reason for f in checker.check(Item("questions", 0, asked)).findings}


def test_rise_and_fall_tell_options_apart() -> None:
    options = ["Foxes fall, rabbits fall", "Foxes rise, rabbits fall", "Foxes fall, rabbits rise", "Foxes rise, rabbits rise"]
    assert _overlapping_options(options) is None and duplicate_options(options) is None
    assert duplicate_options(["Foxes rise", "Foxes rise ", "Rabbits fall", "Both fall"]) is not None  # still: twice
