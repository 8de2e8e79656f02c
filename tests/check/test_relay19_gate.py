"""Relay run 19 (set W, 2026-12-05): an R introduction deck, captions on dot products, matroid notes. Options that
differ only in a sign, quotes, case or where a comma stands were "the same" option; a set named I was the lecturer's
"I"; "every function you will ever need" was course narration. Each beside the defect still caught."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from seekh_convert.check.checker import GateSettings, ItemChecker, for_model_drafts
from seekh_convert.check.items import Item
from seekh_convert.check.rubric import context_problem
from seekh_convert.model.answers import AnswerKeyError, canonicalize_mc, duplicate_options, identical_options
from seekh_convert.model.document import Block, Document, SourceKind, Topic
from seekh_convert.model.findings import Reason
from seekh_convert.model.guide import MultipleChoice, SourceRef

TYPES = "The main data types in R are numeric (3.3, 5e-7), character (“hello world”, “3.3”) and logical (TRUE, FALSE)."
ALIKE_PAIRS = [
    ["3.3", '"3.3"', "TRUE", "5e-7"],
    ["owid_co2_data.csv", "OWID CO2 Data.csv", "owid co2 data.csv", "Owid Co2-Data.csv"],
    ["df[3,]", "df[,3]", "df[3,3]", "df$3"],
    ["10", "-2", "2", "-10"],
]


def _checker(settings: GateSettings) -> ItemChecker:
    blocks = [Block(TYPES, slide=12, section="Data types")]
    doc = Document(path=Path("deck.pptx"), kind=SourceKind.SLIDES, title="Deck", sha256="0" * 64, blocks=blocks)
    doc.topics = [Topic(1, "Data types in R", blocks)]
    return ItemChecker(doc.topics[0], doc, settings)


@pytest.mark.parametrize("options", ALIKE_PAIRS)
def test_options_written_alike_are_a_note_on_a_models_drafts_and_no_parse_error(options: list[str]) -> None:
    assert identical_options(options) is None
    assert canonicalize_mc({"question": "Which?", "options": options, "answer_index": 0})["options"] == options
    MultipleChoice(question="Which?", options=options, answer_index=0, explanation="See.", source=SourceRef(quote=TYPES))


def test_the_same_option_twice_still_drops_and_options_alike_drop_offline() -> None:
    same = ["3.3", "3.3 ", "TRUE", "5e-7"]
    assert identical_options(same) is not None
    with pytest.raises(AnswerKeyError):
        canonicalize_mc({"question": "Which?", "options": same, "answer_index": 0})
    with pytest.raises(ValidationError):
        MultipleChoice(question="Which?", options=same, answer_index=0, explanation="See.", source=SourceRef(quote=TYPES))
    alike = MultipleChoice(
        question="Which of these values has the character type in R?",
        options=["Heat", "heat", '"3.3"', "TRUE"],
        answer_index=2,
        explanation="Quotes make 3.3 a character value.",
        source=SourceRef(quote=TYPES, slide=12),
    )
    assert duplicate_options(alike.options) is not None
    model = _checker(for_model_drafts(None)).check(Item("questions", 0, alike))
    assert model.model is not None and [f.action for f in model.findings if f.reason is Reason.DUPLICATE_OPTIONS] == ["noted"]
    assert _checker(GateSettings()).check(Item("questions", 0, alike)).model is None


def test_a_set_named_i_is_mathematics_not_the_lecturer() -> None:
    for text in (
        "What two properties must a set system (U, I) satisfy to be a matroid?",
        "In a matroid, I = {a, b, c} and I′ = {d} are both independent. What does the exchange property guarantee?",
        "Exchange: if |I′| < |I| for independent I′, I, some u ∈ I \\ I′ keeps I′ ∪ {u} independent.",
        "The tidyverse provides every function you will ever need for data wrangling.",
    ):
        assert context_problem(text) is None, text
    for text in (
        "I think the exchange property is the key.",
        "Then I′ = I, so I was right.",
        "You will see this next week.",
        "Once I've gone all the way through the list, there is no more _____ to find.",  # judged/offline: a DROP
        "Once I’ve gone all the way through the list, there is no more _____ to find.",
    ):
        problem = context_problem(text)
        assert problem is not None and "course narration" in problem[1], text
