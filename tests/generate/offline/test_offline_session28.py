"""The twenty-eighth session (2026-12-07): what set 69's deck and the judges of sets 71 and 72 found."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from seekh_convert.model.document import Block, BlockKind, Document, SourceKind, Topic


def _slides(title: str, bullets: list[tuple]):
    """The offline guide of one slide titled ``title`` with (indent level, text, kind[, glossary term]) bullets."""
    from seekh_convert.generate.offline import OfflineEngine

    head = [Block(title, BlockKind.HEADING, level=1, section=title, slide=1)]
    rest = [Block(b[1], b[2], slide=1, section=title, bullet=b[0], term=(b[3:] or (None,))[0]) for b in bullets]
    doc = Document(path=Path("deck.pptx"), kind=SourceKind.SLIDES, title="Deck", blocks=head + rest)
    doc.topics = [Topic(1, title, head + rest)]
    return asyncio.run(OfflineEngine().generate(doc.topics[0], doc)).content


F, P, S = BlockKind.FRAGMENT, BlockKind.PARAGRAPH, BlockKind.SUMMARY


@pytest.mark.parametrize(
    ("term", "explanation", "front"),
    [
        (
            "Code injection",
            "Place instructions on stack, overwrite return address to start of new instructions",
            "How does code injection work?",
        ),
        (
            "Debug Subsystem",
            "Handles debug control, program breakpoints, and data watchpoints",
            "What does the debug subsystem do?",
        ),
        (
            "Processor core",
            "Contains internal registers, the ALU, data path, and some control logic",
            "What does the processor core contain?",
        ),
        (
            "Junction leakage",
            "Current through the reverse-biased junctions between diffusion and substrate",
            "What is junction leakage?",
        ),
    ],
)
def test_a_term_bullet_and_its_one_sub_bullet_are_a_card(term: str, explanation: str, front: str) -> None:
    content = _slides(
        "Key Ideas", [(1, term, F), (2, explanation, S), (1, "Some defenses controlled by programmer, some by compiler", S)]
    )
    card = next((c for c in content.flashcards if c.front == front), None)
    assert card is not None, [c.front for c in content.flashcards]
    assert card.back.rstrip(".") == explanation
    assert term in card.source.quote and explanation in card.source.quote


@pytest.mark.parametrize(
    ("bullets"),
    [
        [(1, "Pros", F), (2, "Tiny and low clock load for every flip-flop", P)],  # a label, no term
        [(1, "Energy-efficiency", F), (2, "Lower energy cost, longer battery life", P)],  # what it gains
        [(1, "Memory protection unit (MPU)", F), (2, "Optional region MPU with sub regions and background region", P)],
        [(1, "Global interconnect", F), (2, "Die size scaled by Dc ≈ 1.1 each generation", P)],  # a measurement
        [(1, "Descriptive study", F), (2, "Use CI width to estimate sample size", P)],  # a step, not how a thing works
        [(1, "Greater for electrons", F), (2, "So nMOS gates leak more than pMOS gates", P)],  # a clause of its own
        [
            (1, "Exception handler", F),
            (2, "Entering an exception handler saves registers", P),
            (2, "Exiting an exception handler restores them", P),
        ],
    ],
)
def test_a_label_a_list_or_a_clause_under_a_bullet_is_no_card(bullets) -> None:
    content = _slides("Interrupts", bullets)
    term = bullets[0][1].lower().split()[0]
    assert not [c.front for c in content.flashcards if term in c.front.lower() and c.back.rstrip(".") in [b[1] for b in bullets]]


def _topic(title: str, paragraphs: list[str]):
    """The offline guide of one PDF topic titled ``title`` with ``paragraphs`` under it."""
    from seekh_convert.generate.offline import OfflineEngine

    head = [Block(title, BlockKind.HEADING, level=1, section=title, page=1)]
    rest = [Block(t, page=1, section=title) for t in paragraphs]
    doc = Document(path=Path("chapter.pdf"), kind=SourceKind.PDF, title="Chapter", blocks=head + rest)
    doc.topics = [Topic(1, title, head + rest)]
    return asyncio.run(OfflineEngine().generate(doc.topics[0], doc)).content


def test_a_label_over_a_case_is_not_defined_by_it() -> None:
    # set 72's phonology chapter: "What are affricates and fricatives?" / "In Kongo, there is an allophonic rule ..."
    content = _topic(
        "Manner Features",
        [
            "Below are some examples of the natural classes implied by these features.",
            "Affricates and fricatives: in Kongo, there is an allophonic rule that takes the stops to affricates "
            "respectively when a high front vowel follows.",
            "Sonorants: segments produced with a vocal tract configuration in which spontaneous voicing is possible.",
        ],
    )
    fronts = [c.front for c in content.flashcards]
    assert not [f for f in fronts if "fricatives" in f.lower()], fronts
    assert "what are sonorants?" in [f.lower() for f in fronts]


def test_an_equation_on_a_slide_is_no_term_entry() -> None:
    # set 72's deck: "What is asymmetric gate approaches g?" / "1 on critical input."
    content = _slides(
        "Asymmetric Gates",
        [
            (1, "Asymmetric gates favor one input over another", P),
            (1, "1 on critical input", BlockKind.GLOSSARY, "Asymmetric gate approaches g"),
            (1, "Logical effort: the ratio of the input capacitance of a gate to that of an inverter", BlockKind.PARAGRAPH),
        ],
    )
    fronts = [c.front for c in content.flashcards]
    assert not [f for f in fronts if "approaches" in f], fronts


def test_a_publishers_long_copyright_page_is_boilerplate_whole() -> None:
    """Set 72's Wiley chapter: a 330-word copyright page (offices, cataloguing data, "All rights reserved", two ISBNs)
    opened the first topic ("Blackwell Publishing was acquired by John Wiley & Sons in February 2007."). A content page
    as long with one notice stays content."""
    from seekh_convert.clean.matter import mark_matter

    offices = "Editorial Offices 350 Main Street, Malden, MA 02148-5020, USA 9600 Garsington Road, Oxford, OX4 2DQ, UK. " * 14
    page = [
        Block("This edition first published 2009 © 2009 Bruce Hayes", page=2),
        Block("Blackwell Publishing was acquired by John Wiley & Sons in February 2007.", page=2),
        Block(offices.strip(), page=2),
        Block("All rights reserved. No part of this publication may be reproduced, stored in a retrieval system.", page=2),
        Block("Library of Congress Cataloging-in-Publication Data", page=2),
        Block("Includes bibliographical references and index. ISBN 978-1-4051-8411-3 (pbk. : alk. paper)", page=2),
    ]
    body = "Feature theory is part of a general approach in cognitive science which hypothesizes formal representations. " * 20
    content = [Block(body.strip(), page=3), Block("This edition first published 2009 in the series.", page=3)]
    blocks = mark_matter(page + content)
    assert sum(len(b.text.split()) for b in page) > 250
    assert all(b.kind is BlockKind.BOILERPLATE for b in blocks[:6]), [b.kind for b in blocks[:6]]
    assert blocks[6].kind is BlockKind.PARAGRAPH


def test_the_notes_of_an_objectives_slide_that_say_what_a_term_is_stay_content() -> None:
    # set 72's deck: slide 2 "Learning Objectives" and its notes "Bubble pushing: a shortcut method ...", all set aside
    from seekh_convert.clean.aims import mark_aims

    blocks = [
        Block("Learning Objectives", BlockKind.HEADING, level=1, slide=2),
        Block("Explain how to optimize combinational logic circuits using bubble pushing", slide=2, bullet=1),
        Block("Bubble pushing: a shortcut method for forming equivalent logic circuits, based on De Morgan’s theorem.", slide=2),
        Block("In this lecture we look at five ways to make a circuit faster and smaller.", slide=2),
        Block("Bubble Pushing", BlockKind.HEADING, level=1, slide=3),
        Block("Start with a network of AND / OR gates and convert it to NAND / NOR gates.", slide=3, bullet=1),
    ]
    kinds = [b.kind for b in mark_aims(blocks)]
    assert kinds[1:4] == [BlockKind.BOILERPLATE, BlockKind.PARAGRAPH, BlockKind.BOILERPLATE]
    assert kinds[5] is BlockKind.PARAGRAPH


def test_an_objectives_slide_or_a_bare_example_slide_names_no_group_of_slides() -> None:
    from seekh_convert.split.segment import _group_slides, _Section

    def slide(title: str, words: int, start: int) -> _Section:
        return _Section(title, [Block(" ".join(["word"] * words), slide=start + 1)], start)

    groups = _group_slides(
        [slide("Combinational Circuit Design", 20, 0), slide("Learning Objectives", 90, 1), slide("Example 1", 60, 2)], 400
    )
    assert [g.title for g in groups] == ["Combinational Circuit Design"]


def _document(topics: list[tuple[str, list[str]]], kind: SourceKind = SourceKind.SLIDES) -> Document:
    blocks, made = [], []
    for n, (title, texts) in enumerate(topics, 1):
        own = [Block(title, BlockKind.HEADING, level=1, section=title, slide=n)] + [
            Block(t, slide=n, section=title) for t in texts
        ]
        made.append(Topic(n, title, own))
        blocks += own
    doc = Document(path=Path("deck.pptx"), kind=kind, title="Deck", blocks=blocks)
    doc.topics = made
    return doc


def test_a_title_term_defined_by_an_entry_of_the_opening_topic_is_the_topics_definition() -> None:
    from seekh_convert.generate.offline import OfflineEngine

    doc = _document(
        [
            (
                "Combinational Circuit Design",
                [
                    "Bubble pushing: a shortcut method for forming equivalent logic circuits, based on De Morgan’s theorem.",
                    "Compound gates can do any inverting function with fewer transistors than the basic gates.",
                ],
            ),
            (
                "Bubble Pushing",
                [
                    "Start with a network of AND and OR gates and convert it to NAND and NOR gates with inverters.",
                    "Then push the bubbles around the network to simplify the logic.",
                ],
            ),
        ]
    )
    content = asyncio.run(OfflineEngine().generate(doc.topics[1], doc)).content
    assert content.definition is not None and content.definition.text.startswith("Bubble pushing: a shortcut method")
    assert content.definition.source.slide == 1


def test_what_a_term_is_one_example_of_is_no_definition() -> None:
    content = _topic(
        "The definition of an ideal gas",
        [
            "The ideal gas law is an example of an equation of state.",
            "An equation of state relates the pressure, volume and temperature of a substance in equilibrium.",
            "Real gases behave like the ideal gas at low pressure and high temperature.",
        ],
    )
    assert content.definition is None or "example of" not in content.definition.text


@pytest.mark.parametrize(
    ("sentence", "term", "defines"),
    [
        # set 71's deck: a false "none" under "Carry-Ripple Adder"
        (
            "Carry-Ripple Adder is a type of implementation of Carry-Propagate Adder in which N number of full adders "
            "are chained together to form an N-bit adder.",
            "Carry-Ripple Adder",
            True,
        ),
        ("Mitochondria are a type of organelle that produces energy for the cell.", "Mitochondria", True),
        ("Inflation is a kind of tax on money holdings that governments levy by printing money.", "Inflation", True),
        ("A robin is a type of bird.", "robin", False),  # a class, not narrowed
        ("Energy is a type of thing.", "Energy", False),
        # set 71's wrong key "What is the minimum wage?": what people do with it, not what it is
        ("The minimum wage is a public policy that is debated the world over.", "minimum wage", False),
    ],
)
def test_a_type_of_a_class_narrowed_defines_and_talk_about_it_does_not(sentence: str, term: str, defines: bool) -> None:
    from seekh_convert.text import parse
    from seekh_convert.text.grammar import definition_kind

    assert (definition_kind(parse.parse(sentence), term) is not None) is defines


def test_a_title_term_named_after_its_description_is_the_definition_before_a_central_side_term() -> None:
    # set 72's deck: "We call such gates asymmetric." under "Asymmetric Gates", whose guide took parasitic delay's
    # definition (a term the topic names more often)
    content = _topic(
        "Asymmetric Gates",
        [
            "Asymmetric gates favor one input over another.",
            "Logic gates sometimes have different logical efforts for different inputs. We call such gates asymmetric.",
            "Asymmetric gates can speed up critical paths in a network by reducing logical effort along them.",
            "Parasitic delay is the ratio between the output capacitance of a gate and the input capacitance of an inverter.",
            "The parasitic delay grows with the number of inputs, so the parasitic delay of a wide gate is large.",
            "Designers keep the parasitic delay small by ordering the inputs.",
        ],
    )
    assert content.definition is not None and "We call such gates asymmetric" in content.definition.text


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        ("This is known as “top-down” processing.", "“top-down” processing"),
        ("And this is called a “pidgin,” p-i-d-g-i-n, a pidgin.", "“pidgin"),
        ("Such regulations are called minimum wage laws, and they are found in many countries.", "minimum wage laws"),
        ("We call such gates asymmetric.", "asymmetric"),
    ],
)
def test_a_name_given_to_what_came_before_may_be_quoted_or_follow_such(sentence: str, term: str) -> None:
    from seekh_convert.generate.offline.spoken import _POINTED

    m = _POINTED.match(sentence)
    assert m is not None and m.group("term") == term


def test_a_footnotes_number_is_no_part_of_a_takeaway_title() -> None:
    from seekh_convert.generate.offline.keypoints import what_it_is
    from seekh_convert.generate.offline.sentences import Sentence

    text = "2 A paradigm shift is a transformation in the fundamental assumptions, theories, and practice of a community."
    block = Block(text, page=4)
    assert what_it_is(Sentence(text, block, 0, True)) == "What a paradigm shift is"


def test_a_handout_titled_homework_with_an_instruction_in_bold_is_read_and_studied(tmp_path: Path) -> None:
    """Set 74's Word handout: "Homework Project 2" in bold opened the document and "Questions that must be answered in
    RED" in bold under it; read as headings, the first made all 2,700 words exercises and the run failed with "too
    little text to study (0 words)"."""
    import docx

    from seekh_convert.pipeline.run import load_document

    d = docx.Document()
    d.add_paragraph().add_run("Homework Project 2").bold = True
    d.add_paragraph().add_run("Questions that must be answered in RED").bold = True
    prose = (
        "In the emergency department we first treat a low blood pressure with fluids, because the stroke volume of "
        "the left ventricle depends on how much the ventricle fills during diastole. "
    )
    for _ in range(6):
        d.add_paragraph(prose * 3)
    path = tmp_path / "handout.docx"
    d.save(path)
    doc = load_document(path)
    assert sum(len(b.text.split()) for b in doc.blocks if b.usable) > 300
    assert [t.title for t in doc.topics] == ["Homework Project 2"]


def test_a_document_of_exercises_only_is_refused_for_what_it_is(tmp_path: Path) -> None:
    from seekh_convert.errors import InputError
    from seekh_convert.pipeline.run import load_document

    path = tmp_path / "sheet.md"
    path.write_text(
        "# Notes\n\nIntro.\n\n# Review Questions\n\n"
        + "\n\n".join(f"{n}. Explain why the stroke volume of the left ventricle depends on its filling." for n in range(1, 8))
    )
    with pytest.raises(InputError, match=r"sheet\.md has too little text to study: its text is exercises.*Review Questions"):
        load_document(path)


def test_a_heading_number_run_into_a_sentence_names_nothing() -> None:
    # set 49's NCERT chapter: "What is 5.2.5 (iv) called?" / "powerhouses"
    from seekh_convert.generate.offline import naming
    from seekh_convert.text import parse

    doc = parse.parse("5.2.5 (iv) MITOCHONDRIA Mitochondria are known as the powerhouses of the cell.")
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert naming._called(doc, root) is None


@pytest.mark.parametrize(
    ("sentence", "term", "defines"),
    [
        # set 74's deck: a false "none" under "Linux Kernel"
        (
            "The Linux Kernel is the software responsible for optimally managing the embedded system’s hardware resources.",
            "Linux Kernel",
            True,
        ),
        ("Hemoglobin is a protein capable of binding four oxygen molecules.", "Hemoglobin", True),
        ("The kernel is the part responsible.", "kernel", False),
    ],
)
def test_a_class_narrowed_by_an_adjective_phrase_after_it_defines(sentence: str, term: str, defines: bool) -> None:
    from seekh_convert.text import parse
    from seekh_convert.text.grammar import definition_kind

    assert (definition_kind(parse.parse(sentence), term) is not None) is defines


def test_a_transcript_saved_without_punctuation_is_cut_between_words(tmp_path: Path) -> None:
    """Set 74's Yale GG 140 lecture: 6,000 words on one line with no full stop were one block, so one topic "Across"."""
    from seekh_convert.pipeline.run import load_document

    talk = [
        "well today we are going to talk about mixing and dilution when you add something to the atmosphere gases or "
        "particles what happens to it how does it mix in and to what degree does it get diluted",
        "now the wind speed matters a great deal because a faster wind carries the plume further before it spreads and "
        "the concentration downwind falls as the wind speed rises for the same source strength",
        "the lapse rate tells us how the temperature falls with height and a stable atmosphere is one where a parcel "
        "pushed up wants to sink back down so the pollution stays trapped near the ground",
    ]
    path = tmp_path / "lecture.txt"
    path.write_text(" ".join(part for part in talk for _ in range(12)), encoding="utf-8")
    doc = load_document(path)
    paragraphs = [b for b in doc.blocks if b.usable]
    assert len(paragraphs) >= 5
    assert all(len(b.text.split()) <= 360 for b in paragraphs)  # about 180 words each, the last with the rest
    assert " ".join(b.text for b in paragraphs).split() == path.read_text(encoding="utf-8").split()
