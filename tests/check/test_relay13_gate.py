"""Relay run 13 (set Q, 2026-12-05): budget-terms slides, 3Blue1Brown's quick-eigenvalues captions and project-analysis
lecture notes; the model's sound items the gate dropped. A worked problem in rupees, a power the lecture says in
words ("m squared"), a project-planning card in the reader's second person; each beside the defect still caught."""

from __future__ import annotations

from pathlib import Path

from seekh_convert.check.checker import ItemChecker, for_model_drafts
from seekh_convert.check.items import Item
from seekh_convert.check.rubric import NARRATION, context_problem
from seekh_convert.model.document import Block, Document, SourceKind, Topic
from seekh_convert.model.findings import Reason
from seekh_convert.model.guide import Flashcard, MultipleChoice, ShortAnswer, SourceRef
from seekh_convert.text.words import number_forms

MODEL = for_model_drafts(None)

FISCAL = (
    "Fiscal deficit is the excess of total government expenditure over total receipts is called the fiscal deficit "
    "and is funded by borrowing."
)
INTEREST = "Interest Ratio: (Interest payments – Interest receipts) / (Total revenue receipts – Interest receipts)"


def _checker(texts: list[str], transcript: bool = False) -> ItemChecker:
    if transcript:
        blocks = [Block(t, start=240.0 + 10 * i, end=249.0 + 10 * i) for i, t in enumerate(texts)]
        kind, path = SourceKind.TRANSCRIPT, Path("lecture.srt")
    else:
        blocks = [Block(t, slide=5, section="Deficits") for t in texts]
        kind, path = SourceKind.SLIDES, Path("deck.pptx")
    doc = Document(path=path, kind=kind, title="Budget terms", sha256="0" * 64, blocks=blocks)
    doc.topics = [Topic(1, "Budget terms", blocks)]
    return ItemChecker(doc.topics[0], doc, MODEL)


def _found(checker: ItemChecker, model, section: str = "questions") -> set[Reason]:
    outcome = checker.check(Item(section, 0, model))
    return {r for f in outcome.findings if f.action != "fixed" for r in (f.reason, *f.also)}  # acting or noted


def test_a_worked_problem_in_rupees_is_its_own_case() -> None:
    checker = _checker([FISCAL, INTEREST])
    fiscal = ShortAnswer(
        question="A government's total expenditure is ₹500 crore and its total receipts are ₹420 crore. What is its "
        "fiscal deficit?",
        answer="₹80 crore",
        accept=["₹80 crore", "80 crore"],
        explanation="The fiscal deficit is the excess of total expenditure over total receipts: 500 − 420 = ₹80 crore, "
        "which must be funded by borrowing.",
        source=SourceRef(quote=FISCAL, slide=5),
    )
    assert _found(checker, fiscal) == set()
    ratio = MultipleChoice(
        question="A state pays ₹120 crore in interest, receives ₹20 crore in interest, and has total revenue receipts "
        "of ₹520 crore. What is its interest ratio?",
        options=["0.20", "0.23", "0.19", "0.24"],
        answer_index=0,
        explanation="Interest ratio = (120 − 20) / (520 − 20) = 100 / 500 = 0.20; interest receipts are subtracted "
        "from both the top and the bottom.",
        source=SourceRef(quote=INTEREST, slide=5),
    )
    assert _found(checker, ratio) == set()
    # still caught: a figure claimed of the source that no working and no case gives
    claimed = fiscal.model_copy(
        update={
            "question": "What was India's fiscal deficit in the budget year the slides describe?",
            "explanation": "The slides put the fiscal deficit at ₹80 crore, funded by borrowing.",
        }
    )
    assert Reason.UNSUPPORTED in _found(checker, claimed)


def test_a_power_said_in_words_supports_its_symbol() -> None:
    assert {"m2", "a2"} <= number_forms("as m plus or minus the square root of m squared minus p; a squared plus one")
    said = [
        "This gives the third key fact, which is that when two numbers have a mean m and a product p, you can write",
        "those two numbers as m plus or minus the square root of m squared minus p.",
    ]
    checker = _checker(said, transcript=True)
    card = Flashcard(
        kind="basic",
        front="Two numbers have mean m and product p. What are they?",
        back="m ± √(m² − p)",
        source=SourceRef(quote=" ".join(said), start=240.0, end=259.0),
    )
    assert _found(checker, card, "flashcards") == set()
    # still caught: a power the lecture never says
    other = card.model_copy(update={"back": "m ± √(p² − m)"})
    assert Reason.UNSUPPORTED in _found(checker, other, "flashcards")


def test_the_readers_own_you_will_is_no_course_narration() -> None:
    for text in (
        "Whether the project must communicate with other services, and whether you will host a server.",
        "What two qualities should your estimate of the time you will commit to a project have?",
    ):
        assert context_problem(text) is None, text
    for said in ("You will need this formula in the next lecture.", "Later you'll see why the trace matters."):
        problem = context_problem(said)
        assert problem is not None and NARRATION in problem[1], said
