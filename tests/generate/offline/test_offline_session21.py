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


def test_set_43s_glossary_lines_that_define_nothing_are_no_cards() -> None:
    """Set 43's OS notes and deck: "Computer-server | File-server" (two table columns), "Firewall – Limit
    communications ..." (an instruction), "Ophthalmology: diabetic retinopathy (DR) detection" under "Applications of
    ..." (an example); "Toughness = capacity of a material to absorb energy ..." (set 44's notes) is a definition, "Stress =
    F/A" not."""
    from seekh_convert.generate.offline.glosses import _colon, _term_ok

    assert not _term_ok("Computer-server | File-server")
    assert _colon(_sentence("Firewall – Limit communications between devices on a network.", "Security")) is None
    assert _colon(_sentence("Firewall – a device that limits communications between networks.", "Security")) is not None
    assert _colon(_sentence("Ophthalmology: diabetic retinopathy (DR) detection", "Applications of computer vision")) is None
    toughness = _colon(_sentence("Toughness = capacity of a material to absorb energy up to fracture", "Stress"))
    assert toughness is not None and toughness.term == "Toughness"
    assert _colon(_sentence("Stress = F/A0 (engineering stress)", "Stress")) is None


def test_a_name_given_with_its_abbreviation_defines_no_subject() -> None:
    """Set 43's deck: "What is a special range of memory?" -> "A special range of memory is defined as System Control
    Space (SCS).", a name given to the range, not what the range is."""
    from seekh_convert.text.grammar import definition_kind
    from seekh_convert.text.parse import parse

    named = "A special range of memory is defined as System Control Space (SCS)."
    assert definition_kind(parse(named), "special range of memory") is None
    assert definition_kind(parse("A prime number is defined as a number with exactly two divisors."), "prime number")


def test_what_makes_up_the_titles_term_and_a_described_noun_under_a_heading_define_it() -> None:
    """Set 43's false "none"s: "The endocrine glands and ... constitute the endocrine system." under "Human Endocrine
    System"; "Interrupts" / "A signal sent to the CPU which causes it to stop what it is doing ..."."""
    from seekh_convert.generate.offline.glosses import _it_is
    from seekh_convert.generate.offline.titledef import principle_definitions

    constitute = _sentence(
        "The endocrine glands and hormone producing diffused tissues located in different parts of our body constitute "
        "the endocrine system."
    )
    assert principle_definitions("Human Endocrine System", [constitute])
    assert not principle_definitions("Nervous System", [constitute])
    signal = _sentence("A signal sent to the CPU which causes it to stop what it is doing and transfer execution.")
    gloss = _it_is("Interrupts", signal)
    assert gloss is not None and gloss.term.lower() == "interrupt"
    assert _it_is("Interrupts", _sentence("A signal is sent to the CPU by the device.")) is None


def test_set_43s_item_text_faults() -> None:
    """ "Mnemonic is the name of the instruction;." (a slide bullet's semicolon), "Needed to Treat (NNT) is ..." (the
    name's first word read as a run-in heading), "In types, what is software as a service?" (a list's heading as frame)."""
    from seekh_convert.generate.offline.framing import framed
    from seekh_convert.generate.offline.sentences import _run_in_heading

    assert _sentence("Mnemonic is the name of the instruction;").display == "Mnemonic is the name of the instruction."
    assert _run_in_heading("Number Needed to Treat (NNT) is the reciprocal of the ARR, which is the number of people.") is None
    assert _run_in_heading("Reliability Reliability means the users can rely on it.") is not None
    assert framed("What is toughness?", "Capacity to absorb energy up to fracture.", "Properties") == "What is toughness?"
    assert framed("What is unit?", "A measurement for ...", "Role transitions") == "In role transitions, what is unit?"


@pytest.mark.parametrize(
    ("front", "answer", "away"),
    [
        ("If the pair has the same outcome, it’s called ties in outcome regardless of their _____.", "risk scores", True),
        ("In males, LH stimulates the synthesis and secretion of hormones called _____ from testis.", "androgens", False),
        ("When a signal is running on an outer layer of PCB, it is called a _____.", "microstrip", False),
        (
            "_____ and noradrenaline are rapidly secreted in response to stress and are called catecholamines.",
            "Adrenaline",
            False,
        ),
    ],
)
def test_a_blank_beside_the_term_its_sentence_names_gives_the_point_away(front, answer, away) -> None:
    """Set 43's "... it’s called ties in outcome regardless of their _____." blanked the wrong words."""
    from seekh_convert.generate.offline.cards import gives_away

    assert gives_away(front, answer) is away


def test_a_statements_label_is_no_term() -> None:
    """Set 44's deck: "Corollary: ..." under "Moore's Law" gave "In moore’s law, what is corollary?"."""
    from seekh_convert.generate.offline.glosses import _term_ok

    assert not _term_ok("Corollary") and not _term_ok("Lemma")
    assert _term_ok("Moore's law")


@pytest.mark.parametrize(
    ("answer", "other", "kin"),
    [
        ("line defects", "point defects", True),
        ("democratic leadership style", "autocratic leadership", True),
        ("1576", "1527", True),
        ("Price Skimming", "Distribution Channels", False),
        ("Sri Gupta", "Golden Age", False),
        ("adrenal medulla", "glucocorticoids", False),
        ("1576", "Akbar", False),
    ],
)
def test_a_wrong_option_is_of_the_answers_kind(answer, other, kin) -> None:
    """Teachers marked 25 of the 27 made-up multiple choices of sets 19-43 EDIT or DROP, most for options of another
    kind: "Distribution Channels" among pricing strategies, "Golden Age" among founders, hormones for a tissue."""
    from seekh_convert.generate.offline.choices import of_a_kind

    assert of_a_kind(answer, other) is kin


def test_a_naming_question_without_three_options_of_its_kind_is_asked_open() -> None:
    """Set 43's "What is the centrally located tissue called?" had three hormones as options."""
    from seekh_convert.generate.offline.naming import Named, naming_choice
    from seekh_convert.model.guide import MultipleChoice, ShortAnswer

    s = _sentence("The centrally located tissue is called the adrenal medulla.")
    named = Named(
        term="adrenal medulla",
        description="the centrally located tissue",
        stem="What is the centrally located tissue called?",
        sentence=s,
    )
    q = naming_choice(named, ["glucocorticoids", "androgens", "estrogen", "insulin"])
    assert isinstance(q, ShortAnswer) and q.answer == "adrenal medulla"
    q = naming_choice(named, ["spinal medulla", "thymic medulla", "ovarian medulla", "insulin"])
    assert isinstance(q, MultipleChoice) and "insulin" not in q.options


@pytest.mark.parametrize(
    ("sentence", "question"),
    [
        (
            "In 1856, the East India Company annexed the kingdom of Awadh to the British Empire.",
            "When did the East India Company annex the kingdom of Awadh to the British Empire?",
        ),
        ("In 1986, the most serious nuclear plant disaster involved the Chernobyl plant in Ukraine.", None),
        ("In 1990, he moved to Paris with his family and friends.", None),
    ],
)
def test_a_year_opening_a_sentence_about_a_name_asks_when(sentence, question) -> None:
    """Set 44's NCERT history chapter gave no question in a 1,910-word topic full of dated events."""
    from seekh_convert.generate.offline.wh import fronted_when

    q = fronted_when(_sentence(sentence), [])
    assert (q.question if q else None) == question
    assert q is None or q.answer == "In 1856."


def _blocks(*lines: tuple[str, str]):
    return [Block(kind=BlockKind.PARAGRAPH, text=text, section=section) for section, text in lines]


def test_the_sources_own_questions_and_their_answers_on_the_next_line_are_asked() -> None:
    """Set 45's networking notes ("Interview Questions and Answers": a question line, its answer the next line) and
    Saylor chapter ("Question: ... What is financial accounting?" / "Answer: In simplest terms, financial accounting is
    ..."); the set-up after a question is no answer ("What kinds of evaluations are typically made? For example, ...")."""
    from seekh_convert.generate.offline.review import source_answers

    qa = "Interview Questions and Answers"
    found = source_answers(
        _blocks(
            (qa, "What is the role of DNS?"),
            (qa, "DNS acts like a phonebook for the internet, translating domain names into numerical IP addresses."),
            (qa, "Q: What is a webpage, and how is it structured?"),
            (qa, "A: A webpage is a text file formatted in HTML that browsers can interpret."),
            (qa, "How does financial accounting differ from managerial accounting?"),
            (qa, "List the potential users of the information provided by financial accounting."),
        )
    )
    assert [(q.question, q.answer[:12]) for q in found] == [("What is the role of DNS?", "DNS acts lik")]
    found = source_answers(
        _blocks(
            ("1.1", "Question: A logical place to begin is to ask the obvious question: What is financial accounting?"),
            ("1.1", "Answer: In simplest terms, financial accounting is the communication of information about a business."),
            ("1.1", "Question: What kinds of evaluations are typically made? For example, assume that a student analyses data."),
            ("1.1", "Answer: The number of possible judgments that an individual might need to make is close to unlimited."),
        )
    )
    assert [q.question for q in found] == ["What is financial accounting?"]
    assert found[0].answer.startswith("In simplest terms, financial accounting is")


def test_set_45s_reading_faults() -> None:
    """An author line set as a heading titled a topic ("Alexandre Landi∗ IBM Skema Business School ..."); a numbered
    heading in Title Case ran into its paragraph; "Company C" (a scenario's placeholder) was asked as a term."""
    from seekh_convert.generate.offline.sentences import _run_in_heading
    from seekh_convert.split.segment import _AUTHOR_LINE
    from seekh_convert.text.lexicon import example_name

    assert _AUTHOR_LINE.search("Alexandre Landi\u2217 IBM Skema Business School Georgia Institute of Technology")
    assert not _AUTHOR_LINE.search("January 9, 2018") and not _AUTHOR_LINE.search("Critical Arguments")
    heading = _run_in_heading(
        "1.4.3 Calculating Final Investment Value Using Logarithmic Returns Logarithmic returns provide a nuanced way to "
        "measure investment performance."
    )
    assert heading is not None and heading.group().strip().endswith("Logarithmic Returns")
    assert example_name("Company C") and not example_name("Vitamin C") and not example_name("Hepatitis B")
