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
