"""False alarms of relay run 3 (issue 16, set D: a capable model's drafts of a slide deck, a transcript and PDF
notes; teacher verdicts in bench/data/teacher-2026-12-04/relay-setD-partial), each planted beside the real defect
the same check must still catch."""

from __future__ import annotations

from seekh_convert.check.duplicates import repeated_flashcards
from seekh_convert.check.items import Item
from seekh_convert.check.rubric import gap_problems, opening_problem
from seekh_convert.model.findings import Reason
from seekh_convert.model.guide import Flashcard, MultipleChoice, ShortAnswer, SourceRef, TrueFalse

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
