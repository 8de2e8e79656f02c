"""The twenty-first session (2026-12-07): false "none"s teachers found in sets 40-42's Definitions, and the findings
of sets 43 and on."""

from __future__ import annotations

import pytest

from seekh_convert.model.document import Block, BlockKind


def _sentence(text: str, section: str = ""):
    from seekh_convert.generate.offline.sentences import split_block

    return split_block(Block(kind=BlockKind.PARAGRAPH, text=text, section=section), 10**6)[0]


@pytest.mark.parametrize(
    ("title", "sentence", "defines"),
    [
        (
            "The Basic Form of the Hindu Temple",
            "The basic form of the Hindu temple comprises the following: (i) a cave-like sanctum (garbhagriha literally "
            "‘womb-house’), which, in the early temples, was a small cubicle with a single entrance.",
            True,
        ),
        (
            "Arm Processor Families",
            "Arm processor families include the Cortex-A series, which is optimized for rich operating systems, and the "
            "Cortex-M series, which is optimized for microcontrollers.",
            True,
        ),
        (
            "Cortex-M7 Registers",
            "The internal registers are used to store and process temporary data within the processor core.",
            True,
        ),
        # one part of many, a second verb, a head that is not the title's term, the list it points to left out
        ("Deception", "Deception also includes not informing participants of the full design of the research.", False),
        (
            "Nested Vectored Interrupt Controller",
            "The Nested Vectored Interrupt Controller includes a non-maskable interrupt and supports up to 240 interrupts.",
            False,
        ),
        ("Feeding and Eating Disorders", "The major psychological disorders include anxiety and depression.", False),
        ("Advanced Packages", "Many packages include a metal heat spreader to help with cooling.", False),
        ("The Basic Form of the Hindu Temple", "The basic form of the Hindu temple comprises the following:", False),
        ("Cortex-M7 Registers", "These registers are used to store the state of the program.", False),
    ],
)
def test_what_the_titles_term_is_made_of_or_used_for_defines_it(title, sentence, defines) -> None:
    """Sets 41 and 42's false "none"s: "The basic form of the Hindu temple comprises the following: (i) ...", "Arm
    processor families include the Cortex-A series, ...", "The internal registers are used to store and process
    temporary data within the processor core." under "Cortex-M7 Registers"."""
    from seekh_convert.generate.offline.titledef import principle_definitions

    found = principle_definitions(title, [_sentence(sentence)])
    assert bool(found) is defines


def test_a_lecture_part_is_titled_by_what_the_speaker_says_it_is_about() -> None:
    """Set 43's HCI lecture ("In this video, we are going to talk about mental models ...") had its first part titled
    "Less Cold" (the refrigerator example it tells); a "talk about how ..." names nothing."""
    from types import SimpleNamespace

    from seekh_convert.model.document import Block
    from seekh_convert.split.spoken import name_spoken_windows

    fridge = (
        "The freezer is too cold but the fridge is right. The freezer dial is labelled with letters. "
        "Make the freezer less cold and the fridge stays the same. The freezer gets less cold air. "
    )
    first = "In this video, we are going to talk about mental models and the errors people make. " + fridge * 3
    first += "Your mental model of the fridge decides what you do. A mental model guides your action."
    second = (
        "Slips and mistakes are errors. A slip is a motor error. A mistake comes from a wrong mental model. "
        "Designers prevent slips with bigger targets. Designers prevent mistakes with better feedback. "
    ) * 3
    parts = [SimpleNamespace(blocks=[Block(first)], title=""), SimpleNamespace(blocks=[Block(second)], title="")]
    name_spoken_windows(parts, "Lecture")
    assert parts[0].title == "Mental Models"

    parts = [
        SimpleNamespace(blocks=[Block("Next we'll talk about how this calculation works. " + fridge * 3)], title=""),
        SimpleNamespace(blocks=[Block(second)], title=""),
    ]
    name_spoken_windows(parts, "Lecture")
    assert parts[0].title != "This Calculation"
