"""A hand-built document and guide for the review-rubric tests, and one planted defect per rubric rule (two or
more cases each). Every planted item quotes the document verbatim, so only the rubric can catch it."""

from __future__ import annotations

from pathlib import Path

from seekh_convert.model.document import Block, BlockKind, Document, SourceKind, Topic
from seekh_convert.model.findings import Reason
from seekh_convert.model.guide import (
    Application,
    Definition,
    Flashcard,
    GuideContent,
    Importance,
    LearnNext,
    Level,
    MultipleChoice,
    Prerequisite,
    ShortAnswer,
    SourceRef,
    Subject,
    Summary,
    SummarySentence,
    Takeaway,
    TrueFalse,
)

S = "Memory and Forgetting"
P1 = [
    "Memory is the set of processes used to encode, store and retrieve information over time.",
    "Encoding is the input of information into the memory system.",
    "Furthermore, he feared that the memory system would fail under stress.",
    "They showed that most forgetting happens within the first hour.",
    "Interference Old memories can block the recall of new ones.",
    "Retrieval is the act of getting information out of long-term memory storage.",
]
P2 = [
    "The absolute risk reduction (ARR) is the difference between the event rates of two groups.",
    "The number needed to treat (NNT) is the number of patients who must be treated to prevent one bad outcome.",
    "In this video we are going to introduce a technique called heuristic evaluation.",
    "In New York City, emancipation was celebrated with a parade in 1827.",
    "Chunking is the grouping of separate items into larger meaningful units.",
    "Clinicians use chunking to help patients remember long lists of medications.",
]
P3 = [
    "Semantic encoding makes extensive use of meaningful associations.",
    "We cannot question our existence without memory.",
    "The war led to the abolition of slavery in the states.",
    "Contrabands were enslaved people who fled to Union lines during the war.",
    "Its complexity is hence linear in the number of items.",
    "Write the three stages of memory in order.",
    "The retrieval cue is processed in the hippocampus before it reaches the cortex.",
    "Spaced practice helps students remember material for months instead of days.",
]
BLOCKS = [
    Block(S, kind=BlockKind.HEADING, page=1, level=1, section=S),
    *[Block(t, page=1, section=S, emphasis=("memory", "encoding")) for t in P1],
    *[Block(t, page=2, section=S, emphasis=("chunking",)) for t in P2],
    *[Block(t, page=3, section=S) for t in P3],
]


def rubric_document() -> tuple[Document, Topic]:
    doc = Document(path=Path("memory-notes.pdf"), kind=SourceKind.PDF, title="Memory", sha256="1" * 64, blocks=list(BLOCKS))
    doc.topics = [Topic(1, S, list(BLOCKS))]
    return doc, doc.topics[0]


def at(quote: str) -> SourceRef:
    page = 1 if quote in P1 else 2 if quote in P2 else 3
    return SourceRef(quote=quote, page=page, section=S)


def basic(front: str, back: str, quote: str | None = None) -> Flashcard:
    return Flashcard(kind="basic", front=front, back=back, source=at(quote or back))


def cloze(front: str, back: str, quote: str) -> Flashcard:
    return Flashcard(kind="cloze", front=front, back=back, source=at(quote))


def mcq(question: str, options: list[str], index: int, quote: str, explanation: str = "") -> MultipleChoice:
    return MultipleChoice(
        question=question, options=options, answer_index=index, explanation=explanation or quote, source=at(quote)
    )


def good_guide() -> GuideContent:
    """A guide on the rubric document that a teacher would keep: no rubric problem."""
    return GuideContent(
        topic=S,
        subject=Subject.PSYCHOLOGY,
        level=Level.BEGINNER,
        study_time_minutes=20,
        definition=Definition(text=P1[0], source=at(P1[0])),
        summary=Summary(text=f"{P1[1]} {P1[5]}", sentences=[SummarySentence(text=t, source=at(t)) for t in (P1[1], P1[5])]),
        key_takeaways=[Takeaway(title="Chunking", text=P2[4], importance=Importance.HIGH, source=at(P2[4]))],
        learn_next=[
            LearnNext(
                topic="Retrieval cues",
                why="The retrieval cue is processed in the hippocampus.",
                level=Level.BEGINNER,
                source=at(P3[6]),
            )
        ],
        prerequisites=[
            Prerequisite(
                topic="Long-term memory", why="Retrieval gets information out of long-term memory storage.", source=at(P1[5])
            )
        ],
        applications=[Application(title="Medication lists", text=P2[5], source=at(P2[5]))],
        flashcards=[
            basic("What is encoding?", P1[1]),
            cloze("_____ is the grouping of separate items into larger meaningful units.", "Chunking", P2[4]),
            basic("What is retrieval?", "Getting information out of long-term memory storage", P1[5]),
        ],
        questions=[
            mcq(
                "Which practice helps students remember material for months instead of days?",
                ["Spaced practice", "Chunking", "Semantic encoding", "Retrieval"],
                0,
                P3[7],
                "Spaced practice helps students remember material for months.",
            ),
            TrueFalse(statement=P2[0], answer=True, explanation=P2[0], source=at(P2[0])),
            ShortAnswer(
                question="Where is the retrieval cue processed before it reaches the cortex?",
                answer="In the hippocampus",
                explanation="The retrieval cue is processed in the hippocampus before it reaches the cortex.",
                source=at(P3[6]),
            ),
        ],
    )


# (section, planted item, rubric reason it must raise); each rule has at least two cases.
PLANTED: list[tuple[str, object, Reason]] = [
    # the item stands alone
    (
        "key_takeaways",
        Takeaway(title="Memory under stress", text=P1[2], importance=Importance.LOW, source=at(P1[2])),
        Reason.NOT_STANDALONE,
    ),
    (
        "key_takeaways",
        Takeaway(title="Forgetting", text=P1[3], importance=Importance.LOW, source=at(P1[3])),
        Reason.NOT_STANDALONE,
    ),
    ("questions", TrueFalse(statement=P1[2], answer=True, explanation=P1[2], source=at(P1[2])), Reason.NOT_STANDALONE),
    ("flashcards", basic("What is memory?", "…it states that if.", P1[0]), Reason.FRAGMENT),
    ("summary", SummarySentence(text="the memory system would fail under stress.", source=at(P1[2])), Reason.FRAGMENT),
    (
        "questions",
        TrueFalse(statement="the memory system would fail under stress.", answer=True, explanation=P1[2], source=at(P1[2])),
        Reason.FRAGMENT,
    ),
    # "What is X?" is answered by a definition of X
    ("flashcards", basic("What is the ARR?", P2[1]), Reason.NOT_A_DEFINITION),
    ("flashcards", basic("What is heuristic evaluation?", P2[2]), Reason.NOT_A_DEFINITION),
    (
        "questions",
        ShortAnswer(question="What is emancipation?", answer=P2[3], explanation=P2[3], source=at(P2[3])),
        Reason.NOT_A_DEFINITION,
    ),
    # cloze gaps: a key term, never a run-in heading, a function word or a generic word; not given away
    ("flashcards", cloze("_____ Old memories can block the recall of new ones.", "Interference", P1[4]), Reason.WEAK_GAP),
    (
        "flashcards",
        cloze("Memory is the set of processes used to encode, store and retrieve information _____ time.", "over", P1[0]),
        Reason.WEAK_GAP,
    ),
    (
        "flashcards",
        cloze("Memory is the set of processes _____ to encode, store and retrieve information over time.", "used", P1[0]),
        Reason.WEAK_GAP,
    ),
    (
        "flashcards",
        cloze("The absolute risk reduction (_____) is the difference between the event rates of two groups.", "ARR", P2[0]),
        Reason.GAP_GIVEN_AWAY,
    ),
    (
        "flashcards",
        cloze(
            "The _____ (NNT) is the number of patients who must be treated to prevent one bad outcome.",
            "number needed to treat",
            P2[1],
        ),
        Reason.GAP_GIVEN_AWAY,
    ),
    # true/false: the swapped term is of the same kind
    (
        "questions",
        TrueFalse(
            statement="Semantic encoding makes extensive use of meaningful PRESENT.",
            answer=False,
            explanation=P3[0],
            source=at(P3[0]),
        ),
        Reason.NONSENSE_SWAP,
    ),
    (
        "questions",
        TrueFalse(statement="We cannot opacity our existence without memory.", answer=False, explanation=P3[1], source=at(P3[1])),
        Reason.NONSENSE_SWAP,
    ),
    (
        "questions",
        TrueFalse(
            statement="The war led to the abolition of contrabands in the states.",
            answer=False,
            explanation=P3[2],
            source=at(P3[2]),
        ),
        Reason.NONSENSE_SWAP,
    ),
    # distractors of the answer's kind
    (
        "questions",
        mcq(
            "Which practice helps students remember material for months instead of days?",
            ["Spaced practice", "algorithm 1", "Chunking", "Retrieval"],
            0,
            P3[7],
            "Spaced practice helps.",
        ),
        Reason.DISTRACTOR_KIND,
    ),
    (
        "questions",
        mcq(
            "Which practice helps students remember material for months instead of days?",
            ["identify", "Spaced practice", "nowadays", "Chunking"],
            1,
            P3[7],
            "Spaced practice helps.",
        ),
        Reason.DISTRACTOR_KIND,
    ),
    # no templated stems or reasons
    (
        "questions",
        ShortAnswer(
            question="Explain the main point the source makes about Memory and Forgetting.",
            answer=P1[0],
            explanation=P1[0],
            source=at(P1[0]),
        ),
        Reason.TEMPLATED,
    ),
    (
        "learn_next",
        LearnNext(
            topic="Chunking",
            why="Memory and Forgetting returns to chunking, units and items.",
            level=Level.BEGINNER,
            source=at(P2[4]),
        ),
        Reason.TEMPLATED,
    ),
    (
        "prerequisites",
        Prerequisite(topic="Retrieval cues", why="Retrieval cues is used here without being explained.", source=at(P3[6])),
        Reason.TEMPLATED,
    ),
    # takeaway titles name their point
    ("key_takeaways", Takeaway(title="Hence", text=P3[4], importance=Importance.LOW, source=at(P3[4])), Reason.UNTITLED_POINT),
    ("key_takeaways", Takeaway(title="Write", text=P3[5], importance=Importance.LOW, source=at(P3[5])), Reason.UNTITLED_POINT),
    # prerequisites and learn-next name topics
    (
        "prerequisites",
        Prerequisite(topic="valid", why="Memory must be valid to be retrieved over time.", source=at(P1[0])),
        Reason.NOT_A_TOPIC,
    ),
    (
        "learn_next",
        LearnNext(topic="List of Tables", why="The table lists memory stores over time.", level=Level.BEGINNER, source=at(P1[0])),
        Reason.NOT_A_TOPIC,
    ),
    # no question repeats a flashcard (of good_guide: "What is encoding?" and the chunking cloze)
    (
        "questions",
        ShortAnswer(question="What is encoding?", answer=P1[1], explanation=P1[1], source=at(P1[1])),
        Reason.REPEATS_FLASHCARD,
    ),
    (
        "questions",
        mcq(
            "Which term names the grouping of separate items into larger meaningful units?",
            ["Encoding", "Chunking", "Retrieval", "Interference"],
            1,
            P2[4],
            "Chunking is the grouping of separate items.",
        ),
        Reason.REPEATS_FLASHCARD,
    ),
]


def plant(section: str, item) -> tuple[GuideContent, int]:
    """``good_guide()`` with ``item`` appended to ``section``; returns the guide and the item's index."""
    base = good_guide()
    if section == "summary":
        sentences = [*base.summary.sentences, item]
        summary = Summary(text=" ".join(s.text for s in sentences), sentences=sentences)
        return base.model_copy(update={"summary": summary}), len(sentences) - 1
    items = [*getattr(base, section), item]
    return GuideContent.model_validate({**base.model_dump(), section: [i.model_dump() for i in items]}), len(items) - 1


#: Replacements a scripted model or the next candidates offer for failing positions: items a teacher keeps.
GOOD = {
    "flashcards": basic("What is memory?", P1[0]),
    "questions": TrueFalse(
        statement="The number needed to treat is the number of patients who must be treated to prevent one bad outcome.",
        answer=True,
        explanation=P2[1],
        source=at(P2[1]),
    ),
    "key_takeaways": Takeaway(title="Spaced practice", text=P3[7], importance=Importance.LOW, source=at(P3[7])),
    "applications": Application(title="Spaced practice", text=P3[7], source=at(P3[7])),
    "learn_next": LearnNext(
        topic="Semantic encoding",
        why="Semantic encoding makes use of meaningful associations.",
        level=Level.BEGINNER,
        source=at(P3[0]),
    ),
    "prerequisites": Prerequisite(
        topic="Encoding", why="Encoding is the input of information into the memory system.", source=at(P1[1])
    ),
    "summary": SummarySentence(text=P2[4], source=at(P2[4])),
}
