"""Set 20's NCERT psychology chapter (2026-12-06): headings drawn several times over themselves
("ActivityActivityActivityActivityActivity 1.1"), numbered activity boxes set as headings that cut the chapter and
named its topics, section titles in small bold capitals read as body text, an "After reading this chapter, you
would be able to" lead-in made a topic title; and the Lenox reading's footnote mark glued to its title
("Introduction to Strategic Analysisi")."""

from __future__ import annotations

from pathlib import Path

import pytest

from seekh_convert.clean import unrepeated
from seekh_convert.model.document import BlockKind, Document, Line, RawPage, SourceKind
from seekh_convert.pipeline.run import Options, prepare_document

SCIENCE = (
    "Psychology is a science which studies mental processes, experiences and behaviour in different contexts, and "
    "it uses the methods of the biological and the social sciences to obtain data in a systematic way."
)
MIND = (
    "The mind and the brain are related but distinct: the mind is the set of mental processes, and it can change "
    "the structure of the brain through the practice of new skills over months and years."
)
HISTORY = (
    "Psychology as a modern discipline began in 1879 when Wilhelm Wundt set up the first experimental laboratory "
    "in Leipzig to study conscious experience by the method of introspection."
)


@pytest.mark.parametrize(
    ("drawn", "read"),
    [
        ("ActivityActivityActivityActivityActivity 1.1", "Activity 1.1"),
        ("What is Psychology?What is Psychology?", "What is Psychology?"),
        ("1. Introduction to Strategic Analysisi", "1. Introduction to Strategic Analysis"),
        ("couscous", "couscous"),
        ("World War II", "World War II"),
        ("Vitamin B12", "Vitamin B12"),
    ],
)
def test_a_heading_drawn_over_itself_reads_once(drawn, read):
    assert unrepeated(drawn) == read


def _wrap(text: str, width: int = 80) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + len(word) >= width:
            lines.append(line)
            line = ""
        line = f"{line} {word}".strip()
    return [*lines, line]


def _chapter() -> Document:
    """Three pages: a chapter title over an outcomes box, an activity box in the section's type, and a section title
    in bold capitals smaller than the text."""

    def body(text: str) -> list[Line]:
        return [Line(text=t, size=10.0) for t in _wrap(f"{text} {text} {text}")]

    pages = [
        [
            Line("What is Psychology?What is Psychology?", size=20.0, bold=True),
            Line("understand the nature and role of psychology in understanding mind and behaviour,", size=9.0),
            Line("state the growth of the discipline,", size=9.0),
            Line("After reading this chapter, you would be able to", size=12.0, bold=True),
            *body(SCIENCE),
        ],
        [
            Line("Psychology as a Discipline", size=12.0, bold=True),
            *body(SCIENCE),
            Line("ActivityActivityActivityActivityActivity 1.1", size=12.0, bold=True),
            *body(MIND),
        ],
        [Line("UNDERSTANDING MIND AND BEHAVIOUR", size=8.1, bold=True), *body(MIND), *body(HISTORY)],
    ]
    raw = []
    for number, lines in enumerate(pages, 1):
        for k, line in enumerate(lines):
            line.x, line.y = 72.0, 700.0 - 18 * k
        raw.append(RawPage(number=number, lines=lines))
    return Document(path=Path("psychology-ch1.pdf"), kind=SourceKind.PDF, pages=raw)


def test_boxes_and_outcomes_are_no_sections_and_capital_titles_are():
    doc = prepare_document(_chapter(), Options())
    headings = [b.text for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert headings == ["What is Psychology?", "Psychology as a Discipline", "UNDERSTANDING MIND AND BEHAVIOUR"], headings
    outcomes = [b for b in doc.blocks if "state the growth" in b.text or b.text.startswith("understand the nature")]
    assert outcomes and all(b.kind is BlockKind.BOILERPLATE for b in outcomes)
    mind = next(b for b in doc.blocks if "The mind and the brain" in b.text and b.page == 2)
    assert mind.section == "Psychology as a Discipline"


def test_words_the_text_layer_split_with_a_space_are_joined_where_the_document_writes_them_whole() -> None:
    """Set 22's NCERT history chapter as pypdf reads it: "to wns", "indi viduals", "G erman", "wer e" (83 splits)."""
    from collections import Counter

    from seekh_convert.clean.pdf_text import repair_spacing

    vocab = Counter("towns individuals german were were were the grew in".split())
    vocab.update(["to", "wns", "indi", "viduals", "g", "erman", "wer", "e"])
    text = "The to wns grew, and indi viduals from G erman lands wer e there."
    assert repair_spacing(text, vocab) == "The towns grew, and individuals from German lands were there."


def test_two_words_and_a_variable_after_a_word_stay_apart() -> None:
    from collections import Counter

    from seekh_convert.clean.pdf_text import repair_spacing

    vocab = Counter({"sei": 40, "n": 60, "sein": 2, "any": 3, "one": 5, "anyone": 1, "h": 4, "is": 30, "his": 3})
    assert repair_spacing("Sei n eine Zahl, and any one of them; H is the enthalpy.", vocab) == (
        "Sei n eine Zahl, and any one of them; H is the enthalpy."
    )
