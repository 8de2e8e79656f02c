"""Relay run 9 (set M, 2026-12-05): a C lecture deck's model drafts dropped by the gate though a teacher keeps
them. A key applying the source to a case, an inflected everyday word, options told apart by a whole word, a
prerequisite named by a code keyword; each planted beside the real defect the same check must still catch."""

from __future__ import annotations

from pathlib import Path

from seekh_convert.check import for_model_drafts
from seekh_convert.check.checker import ItemChecker
from seekh_convert.check.items import Item
from seekh_convert.model.answers import duplicate_options
from seekh_convert.model.document import Block, Document, SourceKind, Topic
from seekh_convert.model.findings import Reason
from seekh_convert.model.guide import MultipleChoice, SourceRef, Takeaway, TrueFalse
from seekh_convert.text.words import content_stems

MODEL = for_model_drafts(None)
ASSERT = [
    "Assertions are mainly used to check logically impossible situations.",
    "assert(y != 0); z = x / y;",
    "Assertions can be completely removed at compile time using the preprocessor NDEBUG.",
]
BRANCHES = [
    "else if((c >= '0') && (c <= '9')){",
    'printf("The char is not either alphabetic or numeric");',
    "Nested if statements avoid repeating conditions and running unnecessary statements.",
]


def _checker(texts: list[str], title: str) -> ItemChecker:
    made = [Block(t, slide=51 + i, section=title) for i, t in enumerate(texts)]
    doc = Document(path=Path("c.pptx"), kind=SourceKind.SLIDES, title="Making decisions", sha256="0" * 64, blocks=made)
    doc.topics = [Topic(2, title, made)]
    return ItemChecker(doc.topics[0], doc, MODEL)


def _unsupported(checker: ItemChecker, section: str, model) -> bool:
    outcome = checker.check(Item(section, 0, model))
    return any(Reason.UNSUPPORTED in (f.reason, *f.also) for f in outcome.findings if f.action != "fixed")


def test_a_key_applying_the_source_to_a_case_is_supported_by_its_explanation_an_untied_one_is_not() -> None:
    checker = _checker(ASSERT, "Debugging by assert")
    explanation = (  # the model's, verbatim
        "Assertions are for logically impossible situations, which only occur when the program itself has a bug. Bad "
        "input and missing files are expected problems that need normal error handling, especially since assertions "
        "are generally disabled at run-time."
    )
    applied = MultipleChoice(
        question="Which check is the best fit for an assertion rather than normal error handling?",
        options=[
            "The user typed a 2-digit number where a 3-digit one was asked",
            "A data file the user named does not exist on the disk",
            "A divisor that the program's own logic makes non-zero is zero",
            "The user entered an operator symbol the calculator does not know",
        ],
        answer_index=2,
        explanation=explanation,
        source=SourceRef(quote=ASSERT[0], slide=51),
    )
    assert not _unsupported(checker, "questions", applied)
    untied = applied.model_copy(update={"explanation": "Assertions are removed at compile time using NDEBUG."})
    assert _unsupported(checker, "questions", untied)
    invented = applied.model_copy(
        update={"options": [*applied.options[:2], "Pharmacokinetic titration of anticoagulant doses", applied.options[3]]}
    )
    assert _unsupported(checker, "questions", invented.model_copy(update={"explanation": "Titration doses vary widely."}))


def test_an_inflected_everyday_word_is_the_models_wording_a_rare_new_term_is_a_claim() -> None:
    checker = _checker(BRANCHES, "Nested if")
    fine = Takeaway(
        title="else if chain for exclusive categories",  # the model's, verbatim
        text="Letter, digit and 'neither' are checked as if / else if / else, so exactly one category is chosen and its "
        "inner if-else prints exactly one message; the final else catches every other character.",
        importance="medium",
        source=SourceRef(quote=BRANCHES[2], slide=53),
    )
    assert not _unsupported(checker, "key_takeaways", fine)
    invented = fine.model_copy(update={"text": "Nested if statements cause pipeline stalls through branch mispredictions."})
    assert _unsupported(checker, "key_takeaways", invented)


def test_options_apart_by_a_whole_word_differ_a_misspelt_option_repeats() -> None:
    prior = ["The prior predictive distribution", "The posterior predictive distribution", "The likelihood", "The MAP"]
    assert duplicate_options(prior) is None
    assert duplicate_options(["Affect the model", "Effect the model", "Fit", "Run"]) is None
    assert duplicate_options(["The prior distribution", "The prior distributon", "The likelihood", "The MAP"]) is not None


HPDI = (
    "But this example excludes the most probably parameter value, p = 1. … The Highest Posterior Density Interval "
    "(HPDI) – narrowest interval containing the specified probability mass."
)


def test_a_statement_restating_one_sentence_keeps_its_sense_when_another_sentence_negates() -> None:
    from seekh_convert.check.answer_keys import check_true_false

    quote = (
        "Linear regression is a descriptive model that corresponds to many different process models. Not universally "
        "useful, but a strong claim to being foundational."
    )
    stems = set(content_stems(quote))
    same = TrueFalse(
        statement="Linear regression is a descriptive model that can correspond to many different process models.",
        answer=True,
        explanation="It describes associations, not one mechanism.",
        source=SourceRef(quote=quote),
    )
    assert check_true_false(same, stems) == []
    negated = same.model_copy(update={"statement": "Linear regression is not a descriptive model of process models."})
    assert [r for r, _ in check_true_false(negated, stems)] == [Reason.TRUE_FALSE_MISMATCH]


def test_an_option_naming_the_other_options_is_no_answer_the_quote_states_a_distractor_it_states_is() -> None:
    from seekh_convert.check.answer_keys import check_multiple_choice

    question = "After 3 water in 3 tosses the posterior peaks at p = 1. Which 50% interval includes p = 1?"
    why = "The percentile interval excludes p = 1; the HPDI, the narrowest interval with 50% mass, runs up to p = 1."
    options = ["The 50% percentile interval", "The 50% HPDI", "Both of the intervals", "Neither of the intervals"]
    hpdi = MultipleChoice(question=question, options=options, answer_index=1, explanation=why, source=SourceRef(quote=HPDI))
    assert check_multiple_choice(hpdi, None, set()) == []
    keyed_off = ["The 50% percentile interval", "The 50% credible band", "The Highest Posterior Density Interval", "Neither"]
    wrong = MultipleChoice(question=question, options=keyed_off, answer_index=1, explanation=why, source=SourceRef(quote=HPDI))
    assert Reason.WRONG_KEY in [r for r, _ in check_multiple_choice(wrong, None, set())]


def test_a_percentage_the_explanation_works_out_is_derived_an_unworked_one_is_not() -> None:
    checker = _checker(["PrPV <- 0.95 PrPM <- 0.01 PrV <- 0.001 PrP <- PrPV*PrV + PrPM*(1-PrV)"], "Bayes")
    question = (
        "A test detects a condition 95% of the time, gives a false positive 1% of the time, and 0.1% of people have "
        "the condition. Roughly what is the probability that someone who tests positive has the condition?"
    )
    worked = (
        "Pr(positive) = 0.95 × 0.001 + 0.01 × 0.999 ≈ 0.011, so Pr(condition | positive) = 0.95 × 0.001 / 0.011 ≈ "
        "0.087. The condition is so rare that most positives are false positives."
    )
    quote = "PrPV <- 0.95 PrPM <- 0.01 PrV <- 0.001"
    options = ["About 95%", "About 8.7%", "About 1%", "About 0.1%"]
    mc = MultipleChoice(question=question, options=options, answer_index=1, explanation=worked, source=SourceRef(quote=quote))
    assert not _unsupported(checker, "questions", mc)
    guessed = mc.model_copy(update={"options": ["About 95%", "About 9.7%", "About 1%", "About 0.1%"]})
    assert _unsupported(checker, "questions", guessed)
