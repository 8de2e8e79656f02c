"""The gate against what teachers decided (../shared/judged): the false alarms it raised on a capable model's
drafts pass, and the defects teachers dropped from the offline drafts are caught. Both sides on one slide deck."""

from __future__ import annotations

from pathlib import Path

import pytest

from seekh_convert.check import check_content
from seekh_convert.check.checker import GateSettings, ItemChecker
from seekh_convert.check.items import Item
from seekh_convert.model.answers import duplicate_options
from seekh_convert.model.document import Block, BlockKind, Document, SourceKind, Topic
from seekh_convert.model.findings import Reason
from seekh_convert.model.guide import (
    Flashcard,
    MultipleChoice,
    ShortAnswer,
    SourceRef,
    Summary,
    SummarySentence,
    Takeaway,
    TrueFalse,
)

T = "The iterated learning model"
SLIDES = [
    (1, T, BlockKind.HEADING),
    (1, "We can model cultural evolution by an iterated process of change", BlockKind.LIST_ITEM),
    (1, "Iterated Learning shows the effects of cognitive structure on language structure.", BlockKind.PARAGRAPH),
    (1, "Iterated learning reveals learning biases!", BlockKind.PARAGRAPH),
    (2, "Suppose that there is a bias against ambiguity, e.g. this prior:", BlockKind.PARAGRAPH),
    (2, "The prior is set before any data are seen.", BlockKind.LIST_ITEM),
    (2, "Each agent learns from the previous agent only.", BlockKind.LIST_ITEM),
    (2, "Language | L1 | L2 | L3 | L4 | L5 | L6 | L7\nPrior | 0.1 | 0.1 | 0.1 | 0.1 | 0.1 | 0.25 | 0.25", BlockKind.PARAGRAPH),
    (3, "When we get to A, we stick to it", BlockKind.LIST_ITEM),
    (3, "The chain moves between three rooms.", BlockKind.LIST_ITEM),
    (3, "When we are in a different room, we tend to go to A", BlockKind.LIST_ITEM),
    (4, "Neural network agents learn quantifiers from one another.", BlockKind.PARAGRAPH),
    (4, "The narrow bottleneck a language passes through is children’s minds, says Deacon.", BlockKind.PARAGRAPH),
    (4, "A semi-tone is the distance from one note to the note immediately after it.", BlockKind.PARAGRAPH),
    (
        5,
        "Yesterday, we saw that ANNs can learn some monotonic quantifiers faster than non-monotonic quantifiers.",
        BlockKind.PARAGRAPH,
    ),
    (5, "States that are degenerate are orthogonal but have the same energy.", BlockKind.PARAGRAPH),
    (5, "Degenerate states share one energy level.", BlockKind.PARAGRAPH),
    (5, "Bayesian inference is a model of language acquisition to combine with IL!", BlockKind.PARAGRAPH),
    (5, "The posterior combines the prior and the likelihood.", BlockKind.PARAGRAPH),
    (
        5,
        "Quantum theory is one of the most interesting, bizarre, elegant and successful scientific theories ever made.",
        BlockKind.PARAGRAPH,
    ),
    (5, "Briefly, a GLM consists of the linear predictor (often denoted as", BlockKind.PARAGRAPH),
    (5, "),", BlockKind.PARAGRAPH),
    (5, "and a link function", BlockKind.PARAGRAPH),
    (5, "that places the predictor on a Gaussian scale.", BlockKind.PARAGRAPH),
    (6, "IL requires a model of learning, two natural options: Bayes & ANNs", BlockKind.LIST_ITEM),
]


@pytest.fixture(scope="module")
def checker() -> ItemChecker:
    blocks = [
        Block(text, kind=kind, slide=slide, section=T, level=1 if kind is BlockKind.HEADING else 0)
        for slide, text, kind in SLIDES
    ]
    doc = Document(path=Path("lecture3.pptx"), kind=SourceKind.SLIDES, title="Lecture 3", sha256="3" * 64, blocks=blocks)
    doc.topics = [Topic(1, T, blocks)]
    return ItemChecker(doc.topics[0], doc, GateSettings())


def at(quote: str) -> SourceRef:
    slide = next((s for s, text, _ in SLIDES if quote.split(" … ")[0][:30] in text), 1)
    return SourceRef(quote=quote, slide=slide, section=T)


def reasons(checker: ItemChecker, section: str, model) -> list[Reason]:
    outcome = checker.check(Item(section, 0, model))
    return [r for f in outcome.findings if f.action != "fixed" for r in (f.reason, *f.also)]


def takeaway(title: str, text: str, quote: str) -> Takeaway:
    return Takeaway(title=title, text=text, importance="high", source=at(quote))


def tf(statement: str, answer: bool, quote: str) -> TrueFalse:
    return TrueFalse(statement=statement, answer=answer, explanation=quote, source=at(quote))


# -- what teachers keep passes ------------------------------------------------------------------------

KEEPS = {
    "synthesis of two sentences": takeaway(
        "Room A attracts the chain",
        "Once the chain reaches room A it stays there, and from a different room it tends to go to A.",
        "When we get to A, we stick to it … When we are in a different room, we tend to go to A",
    ),
    "a table on the same slide": takeaway(
        "A prior against ambiguity",
        "The prior gives the one-to-one languages L6 and L7 probability 0.25 each and the other five 0.1.",
        "Suppose that there is a bias against ambiguity, e.g. this prior:",
    ),
    "an acronym spelled out elsewhere": Flashcard(
        kind="basic",
        front="What does IL need besides data?",
        back="Iterated Learning needs a model of learning, such as Bayes or ANNs (artificial neural networks).",
        source=at("IL requires a model of learning, two natural options: Bayes & ANNs"),
    ),
    "ends on 0.1.": takeaway(
        "Prior of the ambiguous languages",
        "Under this prior each of the five ambiguous languages L1 to L5 has probability 0.1.",
        "Suppose that there is a bias against ambiguity, e.g. this prior:",
    ),
    "ends on ±.": takeaway(
        "Priors are not estimates",
        "The prior is set before any data are seen, so it is not written with ±.",
        "The prior is set before any data are seen.",
    ),
    "ends on room A.": takeaway(
        "The chain's favourite room",
        "From a different room the chain tends to go to room A.",
        "When we are in a different room, we tend to go to A",
    ),
    "a curly apostrophe in a key term": Flashcard(
        kind="cloze",
        front="According to Deacon, the narrow bottleneck a language passes through is _____.",
        back="children's minds",
        source=at("The narrow bottleneck a language passes through is children’s minds, says Deacon."),
    ),
    "a quote across a removed equation": ShortAnswer(
        question="What does the link function of a GLM do?",
        answer="It places the linear predictor on a Gaussian scale.",
        explanation="A GLM has a linear predictor and a link function that places the predictor on a Gaussian scale.",
        source=at(
            "Briefly, a GLM consists of the linear predictor (often denoted as ), and a link function that places the predictor on a Gaussian scale."
        ),
    ),
    "options differing in number words": MultipleChoice(
        question="How far does C move to reach C sharp?",
        options=["Moved up by one semi-tone", "Moved down by two semi-tones", "Moved up by two semi-tones", "It does not move"],
        answer_index=0,
        explanation="A semi-tone is the distance from one note to the note immediately after it.",
        source=at("A semi-tone is the distance from one note to the note immediately after it."),
    ),
    "a false statement that swaps a word for its opposite": tf(
        "A semi-tone is the distance from one note to the note immediately before it.",
        False,
        "A semi-tone is the distance from one note to the note immediately after it.",
    ),
}


@pytest.mark.parametrize("name", list(KEEPS))
def test_what_teachers_keep_passes(checker, name):
    section = "questions" if isinstance(KEEPS[name], (MultipleChoice, ShortAnswer, TrueFalse)) else "flashcards"
    section = "key_takeaways" if isinstance(KEEPS[name], Takeaway) else section
    assert reasons(checker, section, KEEPS[name]) == []


def test_options_with_other_numbers_are_not_duplicates():
    assert duplicate_options(["Moved up by one semi-tone", "Moved down by two semi-tones", "Stays", "Jumps"]) is None
    assert duplicate_options(["Moved up by one semi-tone", "moved up by one semi-tone.", "Stays", "Jumps"]) is not None


def test_a_summary_sentence_may_refer_to_the_one_before(checker):
    first = SummarySentence(text="Iterated Learning shows how cognitive structure shapes language.", source=at(SLIDES[2][1]))
    second = SummarySentence(text="It reveals the learning biases of the learners.", source=at(SLIDES[3][1]))
    assert checker.check(Item("summary", 1, second)).findings == []
    assert [f.reason for f in checker.check(Item("summary", 0, second)).findings] == [Reason.NOT_STANDALONE]
    assert checker.check(Item("summary", 0, first)).findings == []


# -- what teachers drop is caught -----------------------------------------------------------------------

DROPS = {
    "a claim beyond the source": (
        takeaway(
            "Origin of iterated learning", "Chomsky invented iterated learning in 1957 to describe grammar rules.", SLIDES[1][1]
        ),
        Reason.UNSUPPORTED,
    ),
    "a claim against the table": (
        takeaway(
            "A prior against ambiguity",
            "The prior favours the ambiguous languages strongly, giving them probability 0.9 and ruling out one-to-one languages.",
            "Suppose that there is a bias against ambiguity, e.g. this prior:",
        ),
        Reason.UNSUPPORTED,
    ),
    "a word swap": (
        tf(
            "Bayesian inference is a model of posterior acquisition to combine with IL!",
            False,
            "Bayesian inference is a model of language acquisition to combine with IL!",
        ),
        Reason.NONSENSE_SWAP,
    ),
    "a templated why stem": (
        ShortAnswer(
            question="The text says that when we get to A, we stick to it. Why?",
            answer="Because we get to A.",
            explanation="When we get to A, we stick to it",
            source=at("When we get to A, we stick to it"),
        ),
        Reason.TEMPLATED,
    ),
    "lecture narration": (tf(SLIDES[14][1], True, SLIDES[14][1]), Reason.NOT_STANDALONE),
    "a blank on a generic word": (
        Flashcard(
            kind="cloze",
            front="_____ that are degenerate are orthogonal but have the same energy.",
            back="States",
            source=at(SLIDES[15][1]),
        ),
        Reason.WEAK_GAP,
    ),
    "an answer that praises instead of defining": (
        Flashcard(kind="basic", front="What is quantum theory?", back=SLIDES[19][1], source=at(SLIDES[19][1])),
        Reason.NOT_A_DEFINITION,
    ),
}


@pytest.mark.parametrize("name", list(DROPS))
def test_what_teachers_drop_is_caught(checker, name):
    model, reason = DROPS[name]
    section = "key_takeaways" if isinstance(model, Takeaway) else "flashcards" if isinstance(model, Flashcard) else "questions"
    assert reason in reasons(checker, section, model)


def test_a_paragraph_that_does_not_say_its_sentences_is_rebuilt(checker):
    from rubric_samples import good_guide, rubric_document

    doc, topic = rubric_document()
    guide = good_guide()
    stale = Summary(text="An older paragraph the repair did not reach.", sentences=guide.summary.sentences)
    cleaned, _ = check_content(guide.model_copy(update={"summary": stale}), topic, doc)
    assert cleaned is not None
    assert cleaned.summary.text == " ".join(s.text for s in guide.summary.sentences)
