"""Relay run 11 (set O, 2026-12-05): an R deck, game-theory captions and probability notes; the model's sound items
the gate dropped or noted. Code options and keys, two worked cases with other numbers, an agent noun of the
source's verb, a formula's instance, a line opening on a call; each planted beside the defect the check still
catches."""

from __future__ import annotations

from seekh_convert.check.answer_keys import _answer_in_stem, _overlapping_options, check_cloze
from seekh_convert.check.duplicates import dedup_key, same
from seekh_convert.check.rubric import context_problem, distractor_problem
from seekh_convert.check.support import found_in
from seekh_convert.model.guide import Flashcard, MultipleChoice, ShortAnswer, SourceRef
from seekh_convert.text.standalone import fragment
from seekh_convert.text.words import content_stems

R_QUOTE = "myvector = c(1,4,“Amsterdam”,6) will generate c(“1”, “4”, “Amsterdam”, “6”)"


def test_code_options_and_numbered_cases_are_not_restatements() -> None:
    assert _overlapping_options(['c("1", "4", "Amsterdam", "6")', "c(1, 4, NaN, 6)", "c(1, 4, NA, 6)", "c(1, 4, 6)"]) is None
    rows = ["Sets the value in row 3, column 5 to 10", "Sets the value in row 5, column 3 to 10", "Sets rows 3 to 5 of column 10"]
    assert _overlapping_options([*rows, "Adds 10 to row 3 and column 5"]) is None
    # still caught: the same words with the same numbers in the same order
    assert _overlapping_options(["A stable sink with 3 nodes", "A stable sink that has 3 nodes here", "X y", "Z w"])


def test_a_code_key_is_not_in_a_stem_that_shows_the_call() -> None:
    def mc(question: str, options: list[str]) -> MultipleChoice:
        return MultipleChoice(
            question=question, options=options, answer_index=0, explanation="e", source=SourceRef(quote=R_QUOTE)
        )

    opts = ['c("1", "4", "Amsterdam", "6")', "c(1, 4, NA, 6)", "c(1, 4, 6)", "c(1, 4, NaN, 6)"]
    assert _answer_in_stem(mc('What does R produce for c(1,4,"Amsterdam",6)?', opts)) is None
    assert _answer_in_stem(mc('Is c("1", "4", "Amsterdam", "6") what R produces?', opts)) is not None


def test_two_cases_with_other_numbers_are_two_questions() -> None:
    def sa(question: str, answer: str) -> ShortAnswer:
        return ShortAnswer(question=question, answer=answer, explanation="e", source=SourceRef(quote="value minus bid"))

    first = sa("A bidder who values the painting at 3 wins with a bid of 2. What is their payoff?", "1")
    over = sa("A bidder who values the painting at 2 wins with a bid of 3. What is their payoff?", "-1")
    again = sa("A bidder who values the painting at 3 wins with a bid of 2. What is the payoff?", "1")
    assert not same(dedup_key(first), dedup_key(over))
    assert same(dedup_key(first), dedup_key(again))


def test_a_code_name_fills_a_gap() -> None:
    card = Flashcard(
        kind="cloze",
        front="In R, a vector is created with the _____ command.",
        back="c()",
        source=SourceRef(quote="To create a vector in R, use the c() command:"),
    )
    stems = set(content_stems("Vectors A vector is an ordered set of elements To create a vector in R, use the c() command"))
    assert check_cloze(card, stems, floor=4.0) == []
    wrong = card.model_copy(update={"back": "d()"})
    assert check_cloze(wrong, stems, floor=4.0) != []


def test_an_agent_noun_and_a_formulas_instance_are_the_sources_words() -> None:
    assert found_in("bidder", {"bid", "auction"})
    assert found_in("x2", {"xk", "moment"})
    assert not found_in("seller", {"bid", "auction"})
    assert not found_in("y2", {"xk", "moment"})


def test_a_line_opening_on_a_call_is_whole_and_another_name_points_nowhere() -> None:
    assert fragment("apply(data_object, margin, function) runs a function over rows or columns.") is None
    assert fragment("runs a function over rows or columns of a matrix.") == "starts mid-sentence"
    assert context_problem("What is another name for a list, and how can its entries be indexed?") is None
    assert context_problem("The list is another structure.") is not None
    said = "A researcher records body weight for 50 animals. Which R data structure suits these values?"
    assert context_problem(said) is None
    assert context_problem("Which R data structure suits these values?") is not None


def test_a_name_with_a_number_is_no_stray_number() -> None:
    def mc(options: list[str]) -> MultipleChoice:
        return MultipleChoice(
            question="Which structure?", options=options, answer_index=0, explanation="e", source=SourceRef(quote="q")
        )

    assert distractor_problem(mc(["A data frame", "A matrix", "A vector", "A 3-D array"]), None) is None
    assert distractor_problem(mc(["A data frame", "A matrix", "A vector", "Algorithm 1"]), None) is not None
