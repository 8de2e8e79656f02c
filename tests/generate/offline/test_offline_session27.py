"""The twenty-seventh session (2026-12-07): teachers' edits and false "none"s from the stored verdicts of sets 39-68."""

from __future__ import annotations

from pathlib import Path

import pytest

from seekh_convert.model.document import Block, BlockKind, Document, SourceKind, Topic
from seekh_convert.model.guide import Flashcard, SourceRef


def _topic(title: str, paragraphs: list[str]):
    import asyncio

    from seekh_convert.generate.offline import OfflineEngine

    head = [Block(title, BlockKind.HEADING, level=1, section=title, page=1)]
    rest = [Block(t, page=1, section=title) for t in paragraphs]
    doc = Document(path=Path("chapter.pdf"), kind=SourceKind.PDF, title="Chapter", blocks=head + rest)
    doc.topics = [Topic(1, title, head + rest)]
    return asyncio.run(OfflineEngine().generate(doc.topics[0], doc)).content


def _card(front: str, back: str) -> Flashcard:
    return Flashcard(kind="basic", front=front, back=back, source=SourceRef(quote=back, page=1))


@pytest.mark.parametrize(
    ("front", "back", "answer"),
    [
        (
            "What is polarizability?",
            "The ease of deformation of the electron distribution in an atom or molecule is called its polarizability.",
            "The ease of deformation of the electron distribution in an atom or molecule.",
        ),
        (
            "What is a system of units?",
            "A complete set of units, both fundamental and derived, is called a system of units.",
            "A complete set of units, both fundamental and derived.",
        ),
        (
            "What is rate law?",
            "The representation of rate of reaction in terms of concentration of the reactants is known as rate law.",
            "The representation of rate of reaction in terms of concentration of the reactants.",
        ),
        # the sentence goes on after the term: it is kept whole
        (
            "What are chloroplasts?",
            "Chromoplasts that contain chlorophyll are called chloroplasts and they perform photosynthesis.",
            None,
        ),
        (
            "What is the automatic stabilizer?",
            "The effect of activity on deficit is called the automatic stabilizer: a fall.",
            None,
        ),
        # a description that leans on what came before, or too short to stand alone, or another term named
        ("What is a pivot?", "This element of the array is called a pivot.", None),
        ("What is a stub?", "Such headings are called a stub.", None),
        ("What is a byte?", "Eight bits are called a byte.", None),
        ("What is a word?", "Four bytes of memory together are called a double word.", None),
    ],
)
def test_a_card_answer_that_ends_by_naming_its_term_is_its_description(front: str, back: str, answer: str | None) -> None:
    """Teachers edited such backs for repeating the term the front asks ("... is called its polarizability", "...
    is called its sampling distribution", sets 51-65): the description before "is called" is the answer."""
    from seekh_convert.generate.offline.pool import _named_back

    card = _named_back(_card(front, back))
    assert card.back == (answer or back)
    assert card.source.quote == back


def test_a_copyright_page_whose_rights_line_is_already_boilerplate_is_boilerplate_whole() -> None:
    """Set 69's MIT Press chapter: its copyright page's "All rights reserved. No part of this book ..." paragraph was
    set aside, the ISBN alone was left as a signal, and "MIT Press books may be purchased at special quantity
    discounts ..." opened the first topic's summary. A content page whose only signal is such a notice stays."""
    from seekh_convert.clean.matter import mark_matter

    rights = (
        "All rights reserved. No part of this book may be reproduced in any form by any electronic or mechanical "
        "means without permission in writing from the publisher."
    )
    page1 = [Block("Embodied Music Cognition and Mediation Technology", page=1), Block("Marc Leman", BlockKind.HEADING, page=1)]
    page2 = [
        Block("( 2008 Massachusetts Institute of Technology", page=2),
        Block(rights, BlockKind.BOILERPLATE, page=2),  # as an earlier step of cleaning leaves it
        Block("MIT Press books may be purchased at special quantity discounts for business or sales promotional use.", page=2),
        Block("Library of Congress Cataloging-in-Publication Data", page=2),
        Block("Includes bibliographical references and index. ISBN 978-0-262-12293-1 (hardcover : alk. paper)", page=2),
    ]
    body = (
        "During the twentieth century, there was a dramatic change in the way people had access to music. "
        "Originally, music was accessible only in an environment where it was played."
    )
    page3 = [Block(body, page=3), Block(rights, BlockKind.BOILERPLATE, page=3)]
    blocks = mark_matter(page1 + page2 + page3)[2:]
    assert all(b.kind is BlockKind.BOILERPLATE for b in blocks[:5])
    assert blocks[5].kind is BlockKind.PARAGRAPH


def test_a_hedged_statement_defines_nothing() -> None:
    """Set 69: "In many cases, the technology is an obstacle that makes access to music difficult for many users."
    made "What is the technology?" (a wrong key: the answer dropped "In many cases")."""
    content = _topic(
        "Mediation technology",
        [
            "Music recording technology made it possible to encode sound energy on a material substrate.",
            "In many cases, the technology is an obstacle that makes access to music difficult for many users.",
            "Content-based access lets users search music by how it sounds rather than by its metadata.",
        ],
    )
    assert not any("technology" in c.front.lower() and c.front.startswith("What") for c in content.flashcards)


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        # a condition on the point left out: the title says more than the source
        ("Statistical power is the probability of rejecting the null hypothesis, when it is indeed false.", None),
        # a hyphenated word cut in two
        ("Transparent technology should thereby give a feeling of non-mediation to its listeners.", None),
        ("Enzymes lower the activation energy of a reaction.", "Enzymes lower the activation energy of a reaction"),
    ],
)
def test_a_takeaway_title_keeps_its_condition_and_whole_words(sentence: str, title: str | None) -> None:
    """Set 69's takeaway titles "Statistical power is the probability of rejecting the null hypothesis" (wrong
    without "when it is indeed false") and "Transparent technology should thereby give a feeling of non"."""
    from seekh_convert.generate.offline.point import clause_title
    from seekh_convert.text import parse

    doc = parse.parse(sentence)
    assert clause_title(next(t for t in doc if t.dep_ == "ROOT")) == title


_POWER = [
    "Statistical power is the probability of rejecting the null hypothesis, when it is indeed false.",
    "A power analysis tells us how many participants a study needs before the data are collected.",
    "Four ingredients go into a power analysis: the Type I error rate, the statistical power, the sample size and "
    "the effect size.",
    "Researchers usually ask for a statistical power of 0.8 when they plan a power analysis.",
    "Funding agencies often ask to see a power analysis in a grant proposal.",
]


def test_the_topic_takes_the_definition_of_the_term_it_names_most() -> None:
    """Set 69's regression notes: "Power analysis" said the source gives no definition though its section opens with
    the definition of statistical power, the term it keeps naming (the card "What is statistical power?" was kept);
    set 40's "Education" beside its card on the hidden curriculum."""
    content = _topic("Power analysis", _POWER)
    assert content.definition is not None and content.definition.text == _POWER[0]
    education = _topic(
        "Education",
        [
            "Hidden curriculum is a concept that describes the often unarticulated things that students are taught in school.",
            "Schools also teach obedience and punctuality, and sociologists study the hidden curriculum to explain "
            "how schools reproduce inequality.",
            "Pupils sit in rows and raise their hands before they speak.",
        ],
    )
    assert education.definition is not None and education.definition.text.startswith("Hidden curriculum is a concept")


def test_a_box_or_a_tie_takes_no_card_term_as_its_definition() -> None:
    """A chapter's end matter ("End-of-Chapter Material", set 39: a true "none") and two terms named as often
    ("Timing Diagrams": contamination and propagation delay, set 39) give no definition."""
    box = _topic("End-of-Chapter Material", _POWER)
    assert box.definition is None
    tie = _topic(
        "Timing Diagrams",
        [
            "Contamination delay is the minimum time it takes for the output to start changing after an input changes.",
            "Propagation delay is the maximum time it takes for the output to settle after an input changes.",
            "A timing diagram shows the contamination delay and the propagation delay of a gate.",
            "Designers read the propagation delay and the contamination delay from the diagram.",
        ],
    )
    assert tie.definition is None


def test_a_term_we_speak_of_under_a_condition_is_defined_by_it() -> None:
    """Set 69's econometrics page: "Errors-in-Variable Bias" said the source gives no definition beside "When
    independent variables are measured imprecisely, we speak of errors-in-variables bias." (Key Concept 9.4)."""
    sentence = "When independent variables are measured imprecisely, we speak of errors-in-variables bias."
    content = _topic(
        "Errors-in-Variable Bias",
        [
            sentence,
            "Measurement error in a regressor makes the OLS estimator inconsistent.",
            "Instrumental variables regression can remove the bias when a valid instrument is available.",
        ],
    )
    assert content.definition is not None and content.definition.text == sentence
    assert "What is errors-in-variables bias?" in [c.front for c in content.flashcards]


@pytest.mark.parametrize(
    ("sentence", "leans"),
    [
        ("There still are reasons to be unhappy about the combination rule (72).", True),
        ("The rate constant follows from equation (3.4) at room temperature.", True),
        ("In view of what has been said above, it is likely that the focus on storage systems should be broadened.", True),
        ("The model has two parts (1) the encoder and (2) the decoder.", False),  # a list, not a reference
        ("Hidden curriculum is a concept that describes unarticulated things taught in school (Giroux 1983).", False),
    ],
)
def test_a_numbered_example_or_what_was_said_above_leans_on_context(sentence: str, leans: bool) -> None:
    """Set 69's clozes "There still are reasons to be unhappy about the _____ (72)." (dropped: the rule is shown
    elsewhere) and "In view of what has been said above, ..." (edited)."""
    from seekh_convert.text import parse
    from seekh_convert.text.grammar import leans_on_context

    assert (leans_on_context(parse.parse(sentence)) is not None) is leans


def test_a_glossary_cross_reference_mark_is_no_part_of_the_text() -> None:
    """Set 70's handout glossary: "a system such as a software like \u2192QGIS designed to work with geographic data"
    made the card answer "A system such as a software like."; an arrow between spaces, or before a symbol, stays."""
    from seekh_convert.clean.common import normalize_text

    assert normalize_text("a software like \u2192QGIS designed to work") == "a software like QGIS designed to work"
    assert normalize_text("defined in degrees as \u2192longitude and \u2192latitude.") == (
        "defined in degrees as longitude and latitude."
    )
    assert normalize_text("x \u2192 y") == "x \u2192 y"
    assert normalize_text("f: A \u2192B") == "f: A \u2192B"  # a one-letter set in mathematics


def test_an_acronym_card_asks_what_the_letters_stand_for() -> None:
    """Set 70's slides: "What is PASS?" answered "An acronym for Power And Sample Size." (edited: it says what the
    letters stand for, not what PASS is)."""
    from seekh_convert.generate.offline.pool import _expansion_card

    card = _expansion_card(_card("What is PASS?", "An acronym for Power And Sample Size."))
    assert (card.front, card.back) == ("What does PASS stand for?", "Power And Sample Size")
    kept = _card("What is PASS?", "PASS is a commercial program for power and sample size calculations.")
    assert _expansion_card(kept) == kept


def test_a_special_case_is_no_term_and_step_one_leans_on_its_context() -> None:
    """Set 70: "What is a special case?" ("A special case is the Transverse aspect ...": a case of the cylindrical
    projection told before) and "Step one is open to the middle of the _____." (step one of an unnamed algorithm)."""
    from seekh_convert.generate.offline.glosses import _term_ok
    from seekh_convert.text import parse
    from seekh_convert.text.grammar import leans_on_context

    assert not _term_ok("special case") and not _term_ok("typical example")
    assert _term_ok("special relativity") and _term_ok("case study")
    assert leans_on_context(parse.parse("Step one is open to the middle of the phone book.")) is not None
    assert leans_on_context(parse.parse("Binary search opens the phone book at its middle page.")) is None


@pytest.mark.parametrize(
    ("term", "back"),
    [
        (
            "differential rate equation",
            "We have already noted that the concentration dependence of rate is called differential rate equation.",
        ),
        ("osmosis", "The movement of water molecules through such a selectively permeable membrane is called osmosis."),
        ("globalisation", "In common terms 'Extension of markets' is called globalisation."),
    ],
)
def test_a_description_that_is_no_noun_phrase_or_points_back_keeps_the_whole_sentence(term: str, back: str) -> None:
    """The replay of sets 39-68: such backs had been cut to "We have already noted that the concentration dependence
    of rate." and "The movement of water molecules through such a selectively permeable membrane."; a description
    that stands alone is still the answer."""
    from seekh_convert.generate.offline.pool import _named_back

    assert _named_back(_card(f"What is {term}?", back)).back == back
    alone = _card("What is cell division?", "The process by which new cells are made is called cell division.")
    assert _named_back(alone).back == "The process by which new cells are made."
