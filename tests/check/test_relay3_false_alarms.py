"""False alarms of relay run 3 (issue 16, set D: a capable model's drafts of a slide deck, a transcript and PDF
notes; teacher verdicts in bench/data/teacher-2026-12-04/relay-setD-partial), each planted beside the real defect
the same check must still catch."""

from __future__ import annotations

from pathlib import Path

from seekh_convert.check.checker import GateSettings, ItemChecker
from seekh_convert.check.duplicates import repeated_flashcards
from seekh_convert.check.items import Item
from seekh_convert.check.rubric import gap_problems, opening_problem
from seekh_convert.model.document import Block, BlockKind, Document, SourceKind, Topic
from seekh_convert.model.findings import Reason
from seekh_convert.model.guide import (
    Application,
    Flashcard,
    MultipleChoice,
    ShortAnswer,
    SourceRef,
    SummarySentence,
    Takeaway,
    TrueFalse,
)

UTC = "When you create a date-time object, the time zone will be UTC unless you specify otherwise with the `tz` argument"
DST = "The tz database takes into consideration daylight savings time when necessary"


def _src(quote: str) -> SourceRef:
    return SourceRef(quote=quote)


def _card(front: str, back: str, quote: str, kind: str = "basic") -> Flashcard:
    return Flashcard(kind=kind, front=front, back=back, source=_src(quote))


def _repeats(cards: list[Flashcard], question) -> list[str]:
    items = [Item("flashcards", i, c) for i, c in enumerate(cards)] + [Item("questions", 0, question)]
    return [where for _, where in repeated_flashcards(items)]


def test_a_code_name_is_a_key_term_gap_and_no_dangling_opening():
    front = "To convert a date-time from one time zone to another in lubridate, use the function _____."
    assert gap_problems(front, "with_tz()", None) == []
    assert [r for r, _ in gap_problems(front, "the with", None)] == [Reason.WEAK_GAP]
    assert opening_problem("now() returns the current date-time in the session's time zone.") is None
    assert opening_problem("`ymd_hms()` parses a date-time written year, month, day, hour, minute, second.") is None
    assert opening_problem("Now the offsets are subtracted.") is not None


def test_a_misconception_on_the_cards_fact_is_another_angle_a_true_restatement_a_repeat():
    cards = [
        _card("In lubridate, which time zone does a new date-time object have if you do not set `tz`?", "UTC", UTC),
        _card(
            "Do you need to adjust for daylight saving time yourself when using tz database zone names?",
            "No. The tz database takes daylight saving time into account when necessary.",
            DST,
        ),
    ]
    misconception = TrueFalse(
        statement="A date-time created with `ymd_hms()` without a `tz` argument takes the computer's local time zone.",
        answer=False,
        explanation="The time zone is UTC unless you specify otherwise with the `tz` argument.",
        source=_src(UTC),
    )
    assert _repeats(cards, misconception) == []
    restated = TrueFalse(
        statement="The tz database takes daylight saving time into account when necessary.",
        answer=True,
        explanation="Zone names carry each region's daylight saving rules.",
        source=_src(DST),
    )
    assert _repeats(cards, restated) == ["flashcards[1]"]


def test_a_question_naming_the_cards_term_from_its_definition_is_a_repeat_though_it_quotes_elsewhere():
    cards = [
        _card(
            "In NLP, what is inference?",
            "Deriving extra knowledge that the text does not state, such as concluding that a boy being chased may be scared.",
            "Now from this representation we could also further infer some other things",
        )
    ]
    paraphrase = ShortAnswer(
        question="What is the step called in which a computer concludes something not stated in a sentence, such as that "
        "a boy being chased may be scared?",
        answer="Inference: deriving extra knowledge from an understanding of the text.",
        accept=["inference", "inferencing"],
        explanation="Inference goes beyond the literal meaning.",
        source=_src("if someone's being chased and this person might be scared"),
    )
    assert _repeats(cards, paraphrase) == ["flashcards[0]"]
    applied = MultipleChoice(
        question="A reader decides that a man shouting at a dog is angry, though no sentence says so. Which step of "
        "analysis is the reader doing?",
        options=["Inference", "Part-of-speech tagging", "Syntactic parsing", "Lexical analysis"],
        answer_index=0,
        explanation="Concluding what the text does not state is inference.",
        source=_src("if someone's being chased and this person might be scared"),
    )
    assert _repeats(cards, applied) == []


def _pdf(*blocks: tuple[str, BlockKind]) -> ItemChecker:
    made = [Block(text, kind=kind, page=3, section="Two-stage problems") for text, kind in blocks]
    doc = Document(path=Path("notes.pdf"), kind=SourceKind.PDF, title="Notes", sha256="0" * 64, blocks=made)
    doc.topics = [Topic(1, "Two-stage problems", made)]
    return ItemChecker(doc.topics[0], doc, GateSettings())


def _found(checker: ItemChecker, section: str, model) -> list[Reason]:
    outcome = checker.check(Item(section, 0, model))
    return [r for f in outcome.findings if f.action != "fixed" for r in (f.reason, *f.also)]


P = BlockKind.PARAGRAPH
FILLER = [(f"Paragraph {n} discusses the stagewise structure of the recourse problem in detail.", P) for n in range(8)]


def test_a_quote_of_two_verbatim_pieces_far_apart_is_found_a_made_up_piece_is_not():
    checker = _pdf(
        ("All we have done is appended some extra stages to the end of our two-stage graph.", P),
        *FILLER,
        ("The objective of the agent is to minimize the first-stage cost plus the expected cost to go.", P),
    )
    quote = "All we have done is appended some extra stages … the objective of the agent is to minimize the first-stage cost"
    card = _card("What does a multistage program append to the two-stage graph?", "Some extra stages.", quote)
    assert Reason.INVENTED_QUOTE not in _found(checker, "flashcards", card)
    made_up = "All we have done is appended some extra stages … the agent always maximizes the profit of every stage"
    assert Reason.INVENTED_QUOTE in _found(checker, "flashcards", _card(card.front, card.back, made_up))


def test_a_figure_caption_between_a_sentence_and_its_formula_is_not_the_quotes_source():
    checker = _pdf(
        ("where d, T, W, and g may depend on ω. We call E[V2(x,ω)] the cost-to-go.", P),
        ("Figure 2: Two-stage stochastic problem", BlockKind.FIGURE),
        ("V1 = min x c⊤x + ∑ ω∈Ω pωV2(x,ω)", BlockKind.FORMULA),
    )
    sentence = SummarySentence(
        text="The expected second-stage cost E[V2(x,ω)] is called the cost-to-go.",
        source=SourceRef(quote="We call E[V2(x,ω)] the cost-to-go. … V1 = min x c⊤x + ∑ ω∈Ω pωV2(x,ω)"),
    )
    assert Reason.JUNK_SOURCE not in _found(checker, "summary", sentence)
    caption = SummarySentence(
        text="A two-stage stochastic problem is shown in a figure.",
        source=SourceRef(quote="Figure 2: Two-stage stochastic problem"),
    )
    assert Reason.JUNK_SOURCE in _found(checker, "summary", caption)


def _deck(*texts: str) -> ItemChecker:
    made = [Block(t, slide=9, section="Evaluation") for t in texts]
    doc = Document(path=Path("deck.pptx"), kind=SourceKind.SLIDES, title="Deck", sha256="0" * 64, blocks=made)
    doc.topics = [Topic(1, "Evaluation", made)]
    return ItemChecker(doc.topics[0], doc, GateSettings())


def test_a_spelled_out_acronym_and_everyday_words_of_a_takeaway_are_supported_a_new_claim_is_not():
    checker = _deck(
        "Task 7: calculate the RMSE of each of the models",
        "Hint: the Metrics package contains many functions to evaluate model performance: rmse(actual, predicted)",
        "A persistence forecast repeats the last observed value",
    )
    quote = "calculate the RMSE of each of the models"
    takeaway = Takeaway(
        title="RMSE compares the models",
        importance="high",
        text="The root mean squared error (RMSE) of each model, computed with rmse(actual, predicted), shows which "
        "model's predictions are closer to the observed values.",
        source=SourceRef(quote=quote, slide=9),
    )
    assert Reason.UNSUPPORTED not in _found(checker, "key_takeaways", takeaway)
    beyond = Takeaway(
        title="Neural networks win",
        importance="high",
        text="Recurrent neural networks trained with dropout beat gradient boosting on solar irradiance benchmarks.",
        source=SourceRef(quote=quote, slide=9),
    )
    assert Reason.UNSUPPORTED in _found(checker, "key_takeaways", beyond)


def test_an_application_may_set_the_idea_in_a_new_place_but_must_carry_it():
    checker = _deck(
        "Convert between timezones using with_tz()",
        "The time zone codes and UTC offsets are taken from the tz database",
        "The tz database takes into consideration daylight savings time when necessary",
    )
    quote = "Convert between timezones using with_tz()"
    applied = Application(
        title="Combining energy data from different countries",
        text="Electricity data recorded in local time in several countries can be converted to one time zone with "
        "with_tz() so that readings line up.",
        source=SourceRef(quote=quote, slide=9),
    )
    assert Reason.UNSUPPORTED not in _found(checker, "applications", applied)
    unrelated = Application(
        title="Hospital staffing",
        text="Hospitals schedule nurses around patient admissions, using queueing models to cut waiting lists.",
        source=SourceRef(quote=quote, slide=9),
    )
    assert Reason.UNSUPPORTED in _found(checker, "applications", unrelated)


def test_a_true_statement_in_other_words_is_supported_one_the_source_does_not_make_is_not():
    checker = _deck(
        "There are some subtleties when adding or subtracting date/times: you must consider whether you want to "
        "consider discontinuities in the time line.",
    )
    quote = "you must consider whether you want to consider discontinuities in the time line"
    paraphrase = TrueFalse(
        statement="When adding hours across the night the clocks change, the result can depend on whether you take "
        "the discontinuity in the time line into account.",
        answer=True,
        explanation="A clock change makes the time line jump.",
        source=SourceRef(quote=quote, slide=9),
    )
    assert _found(checker, "questions", paraphrase) == []
    unsaid = TrueFalse(
        statement="Lubridate silently drops leap seconds whenever durations cross a discontinuity.",
        answer=True,
        explanation="It drops them.",
        source=SourceRef(quote=quote, slide=9),
    )
    assert Reason.UNSUPPORTED in _found(checker, "questions", unsaid)


def test_an_answer_that_is_one_part_of_the_cards_answer_is_no_repeat():
    """judged/llm: "what do the agents use?" -> "A neural network" beside the card "Bayes and ANNs (artificial neural
    networks)" asks another fact; the card's whole answer asked again is a repeat."""
    card = _card(
        "What are the two natural options for the model of learning that IL requires?",
        "Bayes and ANNs (artificial neural networks).",
        "the two natural options for the model of learning are Bayes and ANNs",
    )
    other = MultipleChoice(
        question="In the IL model of quantifier evolution, what do the agents use to produce and learn quantifiers?",
        options=["A Bayesian prior over languages", "A transition matrix", "A list of proper names", "A neural network"],
        answer_index=3,
        explanation="The agents are neural networks.",
        source=_src("How the agents use the neural network to produce and learn quantifiers"),
    )
    assert _repeats([card], other) == []
    again = ShortAnswer(
        question="Which two models of learning are the natural options that IL requires?",
        answer="Bayes and artificial neural networks (ANNs)",
        accept=["Bayes and ANNs"],
        explanation="The two natural options.",
        source=_src("the two natural options for the model of learning are Bayes and ANNs"),
    )
    assert _repeats([card], again) == ["flashcards[0]"]


def test_a_key_the_topic_shows_elsewhere_is_supported_a_computed_one_is_not():
    checker = _deck(
        "The time zone codes (which should be passed as strings) and UTC offsets are taken from the tz database and "
        "generally have the form “region/place”",
        *[f"Bullet {n} on parsing dates with ymd() and friends" for n in range(8)],
        "Africa/Cairo | +02:00",
        "America/Chicago | -06:00",
    )
    quote = "generally have the form “region/place”"
    example = _mc_slide(
        "Which of these is a valid tz database time zone name written in the usual form?",
        ['"GMT plus one"', '"America/Chicago"', '"UTC minus six"', '"Chicago time"'],
        1,
        'tz database codes are passed as strings and generally have the form "region/place", such as "America/Chicago".',
        quote,
    )
    assert Reason.UNSUPPORTED not in _found(checker, "questions", example)
    computed = _mc_slide(
        "How many hours ahead of Chicago is Cairo?",
        ["4 hours", "6 hours", "8 hours", "2 hours"],
        2,
        "The difference between the offsets is 8 hours.",
        quote,
    )
    assert Reason.UNSUPPORTED in _found(checker, "questions", computed)


def _mc_slide(question: str, options: list[str], key: int, explanation: str, quote: str) -> MultipleChoice:
    return MultipleChoice(
        question=question, options=options, answer_index=key, explanation=explanation, source=SourceRef(quote=quote, slide=9)
    )
