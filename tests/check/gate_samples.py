"""Hand-built documents and a clean guide for the quality-gate tests (imported by tests/quality/test_*.py)."""

from __future__ import annotations

from pathlib import Path

from seekh_convert.model.document import Block, BlockKind, Document, SourceKind, Topic
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

S = "Memory Stores"
PDF_BLOCKS = [
    Block("Memory Stores", BlockKind.HEADING, page=1, level=2, section=S),
    Block(
        "Sensory memory holds information from the senses for up to a few seconds. "
        "Most of this information is lost unless we pay attention to it.",
        page=1,
        section=S,
    ),
    Block(
        "Short-term memory is a temporary storage system that processes incoming sensory memory; it is "
        "sometimes called working memory. Short-term memory holds about seven items for roughly twenty seconds.",
        page=1,
        section=S,
    ),
    Block(
        "Long-term memory is the continuous storage of information. Unlike short-term memory, the storage "
        "capacity of long-term memory has no known limits.",
        page=2,
        section=S,
    ),
    Block(
        "Encoding is the input of information into the memory system. Effortful processing requires work "
        "and attention, while automatic processing happens without conscious awareness.",
        page=2,
        section=S,
    ),
    Block(
        "Words that are processed as \u201csemantic encoding\u201d \u2014 the encoding of mean-\ningful "
        "words \u2014 are remembered best.",
        page=2,
        section=S,
    ),
    Block(
        "Retrieval is the act of getting information out of long-term memory storage and back into conscious "
        "awareness. Recall, recognition and relearning are three ways to retrieve information.",
        page=3,
        section=S,
    ),
    Block(
        "Atkinson, R. C., & Shiffrin, R. M. (1968). Human memory: A proposed system and its control "
        "processes. Psychology of Learning and Motivation, 2, 89\u2013195.",
        BlockKind.REFERENCE,
        page=3,
        section=S,
    ),
    Block(
        "Baddeley, A. D. (2000). The episodic buffer: A new component of working memory? Trends in "
        "Cognitive Sciences, 4(11), 417\u2013423.",
        page=3,
        section=S,
    ),
]
OTHER_TOPIC_BLOCKS = [
    Block(
        "Amnesia is the loss of long-term memory that occurs as the result of disease, physical trauma, or psychological trauma.",
        page=4,
        section="Amnesia",
    ),
]


def pdf_document() -> tuple[Document, Topic]:
    """A 4-page 'PDF': topic 1 on pages 1-3 (with a reference block), topic 2 on page 4."""
    blocks = PDF_BLOCKS + OTHER_TOPIC_BLOCKS
    doc = Document(path=Path("memory.pdf"), kind=SourceKind.PDF, title="Memory", sha256="0" * 64, blocks=blocks)
    doc.topics = [Topic(1, "Memory Stores", PDF_BLOCKS), Topic(2, "Amnesia", OTHER_TOPIC_BLOCKS)]
    return doc, doc.topics[0]


def ref(quote: str, page: int | None = None, **kw) -> SourceRef:
    return SourceRef(quote=quote, page=page, section=kw.pop("section", S), **kw)


def mc(
    question="Which memory store holds information from the senses for up to a few seconds?",
    options=("Sensory memory", "Working memory", "Long-term memory", "Procedural memory"),
    answer_index=0,
    explanation="Sensory memory holds information from the senses for a few seconds.",
    source=None,
) -> MultipleChoice:
    return MultipleChoice(
        question=question,
        options=list(options),
        answer_index=answer_index,
        explanation=explanation,
        source=source or ref("Sensory memory holds information from the senses for up to a few seconds", 1),
    )


def card(front: str, back: str, quote: str, page: int, kind: str = "basic") -> Flashcard:
    return Flashcard(kind=kind, front=front, back=back, source=ref(quote, page))


def clean_guide() -> GuideContent:
    """A guide for topic 1 with no defect: every quote verbatim-ish at its page and supporting its item."""
    return GuideContent(
        topic="Memory Stores",
        subject=Subject.PSYCHOLOGY,
        level=Level.BEGINNER,
        study_time_minutes=30,
        definition=Definition(
            text="Sensory memory holds information from the senses for a few seconds before it is lost.",
            source=ref("Sensory memory holds information from the senses for up to a few seconds", 1),
        ),
        summary=Summary(
            text="Short-term memory holds about seven items for roughly twenty seconds. "
            "Long-term memory has no known limits on its storage capacity.",
            sentences=[
                SummarySentence(
                    text="Short-term memory holds about seven items for roughly twenty seconds.",
                    source=ref("Short-term memory holds about seven items for roughly twenty seconds", 1),
                ),
                SummarySentence(
                    text="Long-term memory has no known limits on its storage capacity.",
                    source=ref("the storage capacity of long-term memory has no known limits", 2),
                ),
            ],
        ),
        key_takeaways=[
            Takeaway(
                title="Encoding",
                text="Encoding is the input of information into the memory system.",
                importance=Importance.HIGH,
                source=ref("Encoding is the input of information into the memory system.", 2),
            )
        ],
        learn_next=[
            LearnNext(
                topic="Retrieval",
                why="Retrieval gets information out of long-term memory storage.",
                level=Level.BEGINNER,
                source=ref("Retrieval is the act of getting information out of long-term memory storage", 3),
            )
        ],
        prerequisites=[
            Prerequisite(
                topic="Attention",
                why="Information is lost unless we pay attention to it.",
                source=ref("Most of this information is lost unless we pay attention to it.", 1),
            )
        ],
        applications=[
            Application(
                title="Semantic encoding",
                text="Semantic encoding of meaningful words helps remember them best.",
                source=ref('processed as "semantic encoding" - the encoding of meaningful words - are remembered best', 2),
            )
        ],
        flashcards=[
            card(
                "What is encoding?",
                "The input of information into the memory system",
                "Encoding is the input of information into the memory system",
                2,
            ),
            card(
                "_____ is the continuous storage of information.",
                "Long-term memory",
                "Long-term memory is the continuous storage of information.",
                2,
                kind="cloze",
            ),
            card(
                "Name three ways to retrieve information.",
                "Recall, recognition and relearning",
                "Recall, recognition and relearning are three ways to retrieve information",
                3,
            ),
        ],
        questions=[
            mc(),
            TrueFalse(
                statement="Short-term memory holds about seven items for roughly twenty seconds.",
                answer=True,
                explanation="The source says short-term memory holds about seven items for twenty seconds.",
                source=ref("Short-term memory holds about seven items for roughly twenty seconds", 1),
            ),
            TrueFalse(
                statement="Long-term memory has a small, strictly limited storage capacity.",
                answer=False,
                explanation="Long-term memory has no known limits.",
                source=ref("the storage capacity of long-term memory has no known limits", 2),
            ),
            ShortAnswer(
                question="What is retrieval?",
                answer="Getting information out of long-term memory storage and back into conscious awareness",
                explanation="Retrieval brings stored information back into conscious awareness.",
                source=ref(
                    "Retrieval is the act of getting information out of long-term memory storage and back into conscious awareness",
                    3,
                ),
            ),
        ],
    )


def with_items(content: GuideContent, **sections) -> GuideContent:
    """``content`` with list sections replaced/extended: ``flashcards=[...]`` replaces, ``add_flashcards`` appends."""
    data = {name: getattr(content, name) for name in type(content).model_fields}
    for key, value in sections.items():
        if key.startswith("add_"):
            data[key[4:]] = list(data[key[4:]]) + list(value)
        else:
            data[key] = value
    return type(content).model_validate(data)


TRANSCRIPT_BLOCKS = [
    Block("Today we talk about the structure of the atom and the discovery of the electron.", start=0.0, end=12.0),
    Block(
        "J. J. Thomson used cathode ray tubes to show that atoms contain negatively charged particles called electrons.",
        start=12.0,
        end=30.0,
    ),
    Block(
        "Rutherford fired alpha particles at gold foil and found that most of the mass of an atom sits in a tiny nucleus.",
        start=30.0,
        end=55.0,
    ),
]


def transcript_document() -> tuple[Document, Topic]:
    doc = Document(path=Path("lecture.vtt"), kind=SourceKind.TRANSCRIPT, blocks=list(TRANSCRIPT_BLOCKS))
    doc.topics = [Topic(1, "Atomic structure", list(TRANSCRIPT_BLOCKS))]
    return doc, doc.topics[0]
