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
        Block(
            "Kirby, S., Cornish, H. (2008). Cumulative cultural evolution in the laboratory.", slide=7, kind=BlockKind.REFERENCE
        ),
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


def _slides(*texts: str, title: str = "Classification") -> tuple[Document, ItemChecker]:
    blocks = [Block(t, slide=5, section=title) for t in texts]
    doc = Document(path=Path("deck.pptx"), kind=SourceKind.SLIDES, title="Deck", sha256="0" * 64, blocks=blocks)
    doc.topics = [Topic(1, title, blocks)]
    return doc, ItemChecker(doc.topics[0], doc, GateSettings())


def _mc(question: str, options: list[str], key: int, explanation: str, quote: str) -> MultipleChoice:
    return MultipleChoice(
        question=question, options=options, answer_index=key, explanation=explanation, source=SourceRef(quote=quote, slide=5)
    )


def test_a_not_question_rests_on_its_distractors_which_may_be_tasks_named_alike():
    """Relay run 1: "Which of these is NOT described as a classification task?" was "unsupported" (its key is by
    design not in the source) and "a statement among terms" (tasks named by -ing phrases). A NOT question whose
    distractors the source does not hold still fails, and so does a sentence among terms."""
    _, checker = _slides(
        "Assigning SOC codes to injury reports is a classification task.",
        "Marking survey wage data as correct or incorrect is another.",
        "Sorting emails into spam and not spam is the classic example.",
        "All of these tasks are at least partly classification tasks",
    )
    quote = "All of these tasks are at least partly classification tasks"
    question = _mc(
        "Which of these is NOT described as a classification task?",
        [
            "Assigning SOC codes to injury reports",
            "Marking survey wage data as correct or incorrect",
            "Sorting emails into spam and not spam",
            "Writing the survey's questions",
        ],
        3,
        "Coding, data review and email sorting each take an input and assign it a class; writing questions does not.",
        quote,
    )
    assert _reasons(checker, question) == []
    invented = question.model_copy(
        update={
            "options": [
                "Predicting tomorrow's rainfall",
                "Ranking chess openings",
                "Pricing used cars",
                "Writing the survey's questions",
            ]
        }
    )
    assert Reason.UNSUPPORTED in _reasons(checker, invented)
    statement = _mc(
        "Which term names a task that assigns labels?",
        ["Classification", "Regression", "Sorting emails into spam and not spam every morning", "Clustering"],
        0,
        "Classification tasks assign labels, as the slide says.",
        quote,
    )
    assert Reason.DISTRACTOR_KIND in _reasons(checker, statement)


def test_a_cloze_front_may_restate_the_slide_its_answer_is_in_the_quote():
    """Relay run 1: "Referring to a variable that was never created, as in print(y), raises a _____." -> NameError
    was "cloze back does not fit": the front's words are on the slide before, not beside the quote. A back that is
    not in the quote still fails."""
    _, checker = _slides(
        "Referring to a variable y we never created raises an error: print(y)",
        "You get an error message.",
        "Error Message itself, NameError: name 'y' is not defined",
        "The error message is there to help you, read it.",
        title="Errors",
    )
    card = Flashcard(
        kind="cloze",
        front="Referring to a variable that was never created, as in print(y), raises a _____.",
        back="NameError",
        source=SourceRef(quote="Error Message itself, NameError: name 'y' is not defined", slide=5),
    )
    assert Reason.CLOZE_MISMATCH not in _reasons(checker, card)
    wrong = card.model_copy(update={"back": "TypeError"})
    assert Reason.CLOZE_MISMATCH in _reasons(checker, wrong)


def test_an_explanation_may_reason_when_the_key_is_in_the_quote():
    """Relay run 1: "Each %d placeholder is replaced, in order, by the numbers in the tuple after %." was an
    unsupported explanation; its key is the quote's own values. Where the key is not in the source, an explanation
    the source does not hold either still fails."""
    _, checker = _slides("We can format output:", "print('%d minus %d = %d' % (10, 4, 6))", title="Formatting")
    question = _mc(
        "What does print('%d minus %d = %d' % (10, 4, 6)) display?",
        ["%d minus %d = %d", "10 minus 4 = 6", "10, 4, 6", "An error"],
        1,
        "Each %d placeholder is replaced, in order, by the numbers in the tuple after %.",
        "print('%d minus %d = %d' % (10, 4, 6))",
    )
    assert _reasons(checker, question) == []
    beyond = _mc(
        "Which library prints tables of formatted numbers?",
        ["pandas", "numpy", "tabulate", "curses"],
        2,
        "Tabulate renders lists of rows as aligned plain-text grids for terminals.",
        "print('%d minus %d = %d' % (10, 4, 6))",
    )
    assert Reason.UNSUPPORTED in _reasons(checker, beyond)


def test_a_code_tracing_stem_shows_its_key_and_values_between_quotes_are_no_statement():
    """Relay run 1: 'After x = "hello" and then x = "good bye", what does print(x) show?' was "explanation
    inconsistent with key" (the key is in the stem, not the quote), "'x' is a generic word" (the stem's variable) and
    "does not stand alone" (the text between
    the two quoted values read as a quoted statement opening with 'and'). An explanation calling another option
    right, and a quoted statement that opens with 'This', still fail."""
    _, checker = _slides(
        'x = "hello"',
        "Later, if I want to change the value associated with x, I can just do the assignment again:",
        'x = "good bye"',
        title="Variables",
    )
    quote = "Later, if I want to change the value associated with x, I can just do the assignment again:"
    question = _mc(
        'After x = "hello" and then x = "good bye", what does print(x) show?',
        ["hello", "good bye", "x", "An error message"],
        1,
        "Assigning again replaces the value stored under x, so print(x) shows the latest value.",
        quote,
    )
    assert _reasons(checker, question) == []
    named = question.model_copy(update={"explanation": "The correct answer is hello, the first value assigned."})
    assert Reason.EXPLANATION_MISMATCH in _reasons(checker, named)
    pointing = question.model_copy(
        update={"question": 'Which value completes "This changes the value associated with x to _____"?'}
    )
    assert Reason.NOT_STANDALONE in _reasons(checker, pointing)
    generic = question.model_copy(update={"options": ["hello", "good bye", "thing", "An error message"]})
    assert Reason.DISTRACTOR_KIND in _reasons(checker, generic)  # 'x' is the stem's variable, 'thing' a generic word


def test_a_title_naming_what_the_passage_is_about_names_its_point():
    """Relay run 1: "Thresholds of the reproductive number" over "R above 1 means exponential growth..." was "does
    not name the point": the text says R, the minute around the quote says "reproductive number". A title naming
    nothing of the passage still fails."""
    from seekh_convert.model.guide import Takeaway as KeyTakeaway

    blocks = [
        Block("The reproductive number R is how many people each sick person infects.", start=600.0, end=615.0),
        Block(
            "When R is above 1 we get exponential growth, an epidemic. When it holds steady around 1, that's when a "
            "disease is called endemic, and less than 1 means it's on the decline.",
            start=615.0,
            end=640.0,
        ),
    ]
    doc = Document(path=Path("lecture.srt"), kind=SourceKind.TRANSCRIPT, title="Epidemics", sha256="0" * 64, blocks=blocks)
    doc.topics = [Topic(1, "Social distancing", blocks)]
    checker = ItemChecker(doc.topics[0], doc, GateSettings())
    takeaway = KeyTakeaway(
        title="Thresholds of the reproductive number",
        text="R above 1 means exponential growth (an epidemic), R around 1 means endemic, and R below 1 means decline.",
        importance="high",
        source=SourceRef(quote="When R is above 1 we get exponential growth, an epidemic.", start=615.0, end=640.0),
    )
    outcome = checker.check(Item("key_takeaways", 0, takeaway))
    assert [f.reason for f in outcome.findings if f.action != "fixed"] == []
    elsewhere = takeaway.model_copy(update={"title": "Vaccination campaign logistics"})
    outcome = checker.check(Item("key_takeaways", 0, elsewhere))
    assert Reason.UNTITLED_POINT in [r for f in outcome.findings for r in (f.reason, *f.also)]
