"""Relay run 16 (set T, 2026-12-05): an R Shiny lecture deck; the model's sound questions the gate dropped. A "which is
NOT" question, whose quote states the distractors by design, and addresses that differ in their last part; each
beside the defect the check still catches."""

from __future__ import annotations

from seekh_convert.check.answer_keys import _overlapping_options, check_multiple_choice
from seekh_convert.model.findings import Reason
from seekh_convert.model.guide import MultipleChoice, SourceRef

QUOTE = SourceRef(quote="Shiny can connect with any data source using APIs … Incorporate and interact with ML models", slide=5)


def _mc(question: str, options: list[str], key: int) -> MultipleChoice:
    return MultipleChoice(question=question, options=options, answer_index=key, explanation="Because.", source=QUOTE)


def test_a_which_is_not_question_keys_the_option_its_quote_leaves_out() -> None:
    options = [
        "It is free to use",
        "It can connect to data sources via APIs",
        "It can work with ML models",
        "It needs no R code at all",
    ]
    odd_one_out = _mc("Which of these is NOT a reason given for choosing Shiny?", options, 3)
    assert Reason.WRONG_KEY not in {r for r, _ in check_multiple_choice(odd_one_out)}
    # still caught: the same options asked the other way round, keyed on what the quote does not say
    asked = _mc("Which of these is a reason given for choosing Shiny?", options, 3)
    assert Reason.WRONG_KEY in {r for r, _ in check_multiple_choice(asked)}


def test_addresses_that_differ_in_their_last_part_are_other_options() -> None:
    urls = [
        "https://jdoe.shinyapps.io/energy_app",
        "https://energy_app.shinyapps.io/jdoe",
        "https://shinyapps.io/jdoe/energy_app",
        "https://jdoe.shinyapps.io/app",
    ]
    assert _overlapping_options(urls) is None
    # still caught: words inside other words
    assert _overlapping_options(["A web app", "A web app hosted online", "A report", "A dashboard"]) is not None


def test_lowering_rests_on_minimizing_but_not_on_raising() -> None:
    from seekh_convert.check.answer_keys import check_true_false
    from seekh_convert.model.guide import TrueFalse
    from seekh_convert.text.words import content_stems

    quote = (
        "It's important to remember, this cost function involves an average over all of the training data, so if "
        "you minimize it means it's a better performance on all of those samples."
    )
    statement = TrueFalse(
        statement="Lowering the cost function improves the network's performance on all of the training samples taken "
        "together, not only on a single image.",
        answer=True,
        explanation="The cost is an average over all of the training data.",
        source=SourceRef(quote=quote, start=551.0, end=561.0),
    )
    context = set(content_stems(quote))
    assert Reason.UNSUPPORTED not in {r for r, _ in check_true_false(statement, context, 4.0)}
    # still caught: the other direction is no support
    from seekh_convert.check.support import found_in

    assert found_in("lower", {"minim"}) and not found_in("rais", {"minim"}) and not found_in("lower", {"maxim"})


def test_a_power_the_explanation_works_out_and_a_bracketed_aside_with_brackets() -> None:
    from pathlib import Path

    from seekh_convert.check.checker import ItemChecker, _cloze_term, for_model_drafts
    from seekh_convert.check.items import Item
    from seekh_convert.model.document import Block, Document, SourceKind, Topic
    from seekh_convert.model.guide import Flashcard, ShortAnswer

    said = (
        "In terms of complexity theory, it’s important to note that an algorithm running in time T in C-like "
        "pseudocode, it can compiled to a Turing machine running in time roughly T 4."
    )
    blocks = [Block(said, page=1, section="1 Background")]
    doc = Document(path=Path("notes.pdf"), kind=SourceKind.PDF, title="Notes", sha256="0" * 64, blocks=blocks)
    doc.topics = [Topic(1, "Turing machines", blocks)]
    checker = ItemChecker(doc.topics[0], doc, for_model_drafts(None))
    compiled = ShortAnswer(
        question="An algorithm written in C-like pseudocode runs in time n². Roughly what running time does the "
        "compiled Turing machine have?",
        answer="n⁸",
        accept=["n⁸", "n^8", "O(n^8)"],
        explanation="Compilation to a Turing machine costs roughly a fourth power, and (n²)⁴ = n⁸, which is still polynomial.",
        source=SourceRef(quote=said, page=1),
    )
    assert checker.check(Item("questions", 0, compiled)).model is not None
    # still caught: a power nobody works out
    claimed = compiled.model_copy(update={"explanation": "The notes give the compiled running time as n⁸."})
    assert Reason.UNSUPPORTED in {f.reason for f in checker.check(Item("questions", 0, claimed)).findings}
    card = Flashcard(
        kind="cloze",
        front="P is the class of problems solvable in _____ time.",
        back="polynomial (P is the union of TIME(n^k) over all k)",
        source=SourceRef(quote=said, page=1),
    )
    assert _cloze_term(card) == "polynomial"
