"""The twentieth session (2026-12-07): false "none"s teachers found in earlier sets' Definitions, and the findings of
sets 39 and on."""

from __future__ import annotations

import pytest

from seekh_convert.model.document import BlockKind
from seekh_convert.text.grammar import definition_kind
from seekh_convert.text.parse import parse


@pytest.mark.parametrize(
    ("sentence", "term", "kind"),
    [
        (
            "In a classic paper on confirmation bias, Nickerson (1998) defines confirmation bias as the seeking or "
            "interpreting of evidence in ways that are partial to existing beliefs.",
            "confirmation bias",
            "defined-as",
        ),
        (
            "The electric field associates each point in 3D space with a little vector telling you what force would be "
            "applied to a unit charge.",
            "electric field",
            "means",
        ),
        ("The critics of confirmation bias say that Nickerson defines it too broadly.", "confirmation bias", None),
        ("The electric field associates with the magnetic field in a light wave.", "electric field", None),
    ],
)
def test_an_authors_definition_after_a_mention_and_a_mapping_define_the_term(sentence, term, kind) -> None:
    """Set 36's false "none"s: the term mentioned before the author defines it ("In a classic paper on confirmation
    bias, Nickerson (1998) defines confirmation bias as ..."), and a field defined by what it gives every point."""
    assert definition_kind(parse(sentence), term) == kind


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        ("The electric field associates each point in 3D space with a little 3-dimensional vector.", "electric field"),
        ("A hash function maps every key to a slot of the table.", "hash function"),
        ("The electric field associates with the magnetic field in a light wave.", None),
    ],
)
def test_a_mapping_to_each_point_is_a_defining_cue(sentence, term) -> None:
    """Set 36's "Electric Field" topic: its defining sentence was passed over for "The overall electric field, then,
    looks like ..." as the term's definition."""
    from seekh_convert.text.defining import defined_terms

    found = [d.term for d in defined_terms(sentence)]
    assert (found[:1] == [term]) if term else not any("electric" in f.lower() for f in found)


def test_a_heading_then_it_is_the_process_defines_the_heading() -> None:
    """Set 35's management notes: "Organizing" (a heading) / "It is the process of bringing together physical,
    financial and human resources ..." was a false "none" for the topic "Organizing"."""
    from seekh_convert.generate.offline.glosses import _colon_it, _it_is
    from seekh_convert.generate.offline.sentences import split_block
    from seekh_convert.model.document import Block

    def first(text: str):
        return split_block(Block(kind=BlockKind.PARAGRAPH, text=text), 10**6)[0]

    g = _it_is("Organizing", first("It is the process of bringing together physical, financial and human resources."))
    assert g is not None and (g.term, g.kind) == ("Organizing", "it")
    assert g.definition == "The process of bringing together physical, financial and human resources."
    assert _it_is("Organizing", first("It is important to plan the work before the resources are brought together.")) is None
    assert _it_is("We met on Monday.", first("It is the process of bringing together physical and human resources.")) is None
    g = _colon_it(first("Planning: It is the basic function of management."))
    assert g is not None and g.term == "Planning" and g.definition == "The basic function of management."


def test_a_typesetters_path_is_no_document_title() -> None:
    """Set 39's NCERT chapter: its metadata title "D:\\TEXTBOOKS\\...\\Unit 3.pmd" became the first topic's title."""
    from seekh_convert.read.pdf import _BAD_TITLES

    assert _BAD_TITLES.search(r"D:\TEXTBOOKS\RATIONALISED 20222-23\Neha\12085 — Chemistry Part_I\Unit_3\Unit 3.pmd")
    assert _BAD_TITLES.search("chapter3.indd")
    assert not _BAD_TITLES.search("Chemical Kinetics")
    assert not _BAD_TITLES.search("Ratios: 3/4 and 1/2")


@pytest.mark.parametrize(
    ("layered", "once"),
    [
        (
            "3.4 Temperature3.4 Temperature3.4 Temperature3.4 Temperature Dependence ofDependence ofDependence of",
            "3.4 Temperature Dependence of",
        ),
        ("0.5 0.5 0.5 0.5", "0.5 0.5 0.5 0.5"),
        ("Mississippi and Hawaii", "Mississippi and Hawaii"),
    ],
)
def test_a_shadowed_headings_layers_are_read_once(layered, once) -> None:
    """Set 39's NCERT chemistry chapter prints each heading line five times over; a table's repeated value stays."""
    from seekh_convert.clean.pdf import _one_layer

    assert _one_layer(layered) == once


def test_glued_and_doubled_title_words_are_one() -> None:
    """ "SummarySummarySummarySummarySummary _____ is the study of ...", "Rate of a Chemical Chemical Reaction",
    "Integrated Rate RateRate Equations" (set 39); "Murmur" and "Bora Bora" are words."""
    from seekh_convert.split.segment import _DOUBLED
    from seekh_convert.text.normalize import GLUED_LAYERS

    assert GLUED_LAYERS.sub(r"\1", "SummarySummarySummary Chemical kinetics is") == "Summary Chemical kinetics is"
    assert GLUED_LAYERS.sub(r"\1", "Heart Murmur") == "Heart Murmur"
    title = "Integrated Rate RateRate Equations"
    assert _DOUBLED.sub(r"\1", GLUED_LAYERS.sub(r"\1", title)) == "Integrated Rate Equations"
    assert _DOUBLED.sub(r"\1", "Rate of a Chemical Chemical Reaction") == "Rate of a Chemical Reaction"


@pytest.mark.parametrize(
    ("term", "definition", "front"),
    [
        ("Nucleotides", "A monomer unit that is linked together to form nucleic acids.", "What are nucleotides?"),
        ("Viruses", "An infectious agent that is much smaller and simpler than bacteria.", "What are viruses?"),
        ("series", "A sequence of terms added together.", "What is series?"),
        ("Genetics", "The study of heredity.", "What is genetics?"),
    ],
)
def test_a_glossary_entrys_capitalised_plural_is_asked_in_the_plural(term, definition, front) -> None:
    """Set 39's Saylor chapter: "What is nucleotides?", "What is viruses?" from its glossary entries."""
    from seekh_convert.generate.offline.cards import ask_what

    assert ask_what(term, definition) == front


def test_a_box_title_is_no_frame_for_a_card() -> None:
    """Set 39: "In opening essay, what are genes?" (a teacher: a source pointer the student cannot use)."""
    from seekh_convert.generate.offline.framing import framed

    assert framed("What are genes?", "The basic unit of heredity.", "Opening Essay") == "What are genes?"
    assert (
        framed("What is replication?", "Minimal adjustment.", "Role transitions") == "In role transitions, what is replication?"
    )


def test_one_definition_of_a_gene_is_that_it_is() -> None:
    """Set 39: "What is a gene is that it?" (the term ran on into "is that it")."""
    from seekh_convert.generate.offline.leddef import _DEFINITION_OF

    m = _DEFINITION_OF.search("One definition of a gene is that it is a segment of DNA that codes for a polypeptide.")
    assert m is not None and m.group("term") == "gene" and m.group("body").startswith("a segment of DNA")


def test_a_phrase_the_sentence_ends_by_naming_defines_the_name() -> None:
    """Set 39's NCERT chapter said the source gives no definition of chemical kinetics, beside "All these questions can
    be answered by the branch of chemistry, which deals with the study of reaction rates and their mechanisms,
    called chemical kinetics."."""
    from seekh_convert.generate.offline.glosses import _called_last
    from seekh_convert.generate.offline.sentences import split_block
    from seekh_convert.model.document import Block

    def first(text: str):
        return split_block(Block(kind=BlockKind.PARAGRAPH, text=text), 10**6)[0]

    g = _called_last(
        first(
            "All these questions can be answered by the branch of chemistry, which deals with the study of reaction "
            "rates and their mechanisms, called chemical kinetics."
        )
    )
    assert g is not None and g.term == "chemical kinetics" and g.kind == "called"
    assert g.definition == "The branch of chemistry, which deals with the study of reaction rates and their mechanisms."
    assert _called_last(first("The teacher explained it to us, called the class back and left.")) is None
    assert _called_last(first("We looked at this strange thing, called the widget.")) is None


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        (
            "Here, we tackle backpropagation, the core algorithm behind how neural networks learn.",
            [("backpropagation", "the core algorithm behind how neural networks learn")],
        ),
        (
            "Complex behaviors may be created through shaping, the process of guiding an organism's behavior to the "
            "desired outcome through the use of successive approximation.",
            [],
        ),
        ("We met Newton, the man who discovered gravity.", []),
    ],
)
def test_a_definite_apposition_of_a_method_defines_the_noun_before_it(sentence, found) -> None:
    """Set 39's 3Blue1Brown lecture on backpropagation gave no item at all; its first sentence defines the term."""
    from seekh_convert.generate.offline.appositive import appositions

    assert [(t, d) for t, d, _ in appositions(parse(sentence))] == found


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Exercise-2", "question"),
        ("Exercise-3.1", "question"),
        ("Additional Exercises", "question"),
        ("Exercise physiology", None),
    ],
)
def test_a_numbered_exercise_heading_holds_questions(title, kind) -> None:
    """Set 39's Word notes: "Maria spent $30.40 when she bought six sheets of _____" from its "Exercise-2" section."""
    from seekh_convert.clean.common import section_kind

    found = section_kind(title)
    assert (found.value if found else None) == kind


def test_a_box_heading_before_a_question_list_is_put_back() -> None:
    """Set 39's Saylor chapter: the "Additional Exercises" heading (a question list, whose first line is a block of its
    own) was lost, and "What is Bradykinin?" came from an exercise read as the chapter summary."""
    from seekh_convert.read.html import _opens

    assert _opens("For this nucleic acid segment,", "For this nucleic acid segment, classify ")
    assert _opens("Describe how replication and transcription differ.", "Describe how replication and transcripti")
    assert not _opens("For", "For this nucleic acid segment, classify ")


def test_a_defining_sentence_is_no_application() -> None:
    """Set 39: "Pivotal equation: The equation which is used to eliminate an unknown ... is known as the pivotal
    equation." under Real-World Applications (teachers: a definition, not a use)."""
    from seekh_convert.generate.offline.links import _defining
    from seekh_convert.generate.offline.sentences import split_block
    from seekh_convert.model.document import Block

    def first(text: str):
        return split_block(Block(kind=BlockKind.PARAGRAPH, text=text), 10**6)[0]

    assert _defining(
        first(
            "The equation which is used to eliminate an unknown from the succeeding equations is known as the pivotal equation."
        )
    )
    assert not _defining(first("Engineers use the Laplace transform to analyse electrical circuits."))


def test_a_margin_heading_run_into_a_sentence_is_not_quoted() -> None:
    """Set 39: "A catalyst is a substance which increases the rate of a reaction without 3.4.1 Effect of itself ..."."""
    from seekh_convert.generate.offline.sentences import _JUNK

    assert _JUNK.search("increases the rate of a reaction without 3.4.1 Effect of itself undergoing any change")
    assert not _JUNK.search("Python 3.10.4 is the version installed here")


@pytest.mark.parametrize("term", ["P,, Pz and p", "number p(s)ds"])
def test_symbols_and_notation_are_no_terms(term) -> None:
    """Set 39: "What are P,, Pz and p?", "What is number p(s)ds?"."""
    from seekh_convert.generate.offline.glosses import _term_ok

    assert not _term_ok(term)


@pytest.mark.parametrize(
    ("word", "read"),
    [("neW", "new"), ("india’S", "india’s"), ("SeCurity", "Security"), ("JavaScript", "JavaScript"), ("iPhone", "iPhone")],
)
def test_small_capitals_of_a_heading_read_as_written(word, read) -> None:
    """Set 40's NCERT politics chapter: "neW sources of threats", "india’S SeCurity Strategy"."""
    from seekh_convert.text.lexicon import small_caps

    assert small_caps(word) == read


@pytest.mark.parametrize(
    ("text", "term", "explains"),
    [
        ("it’s a hardware mechanism", "Fast", False),
        ("the code runs only when necessary", "Efficient", False),
        ("pages are loaded only on demand", "Demand paging", True),
    ],
)
def test_a_slides_listed_property_is_no_term(text, term, explains) -> None:
    """Set 40's deck: "An interrupt is: Fast – it’s a hardware mechanism; Efficient – ..." gave "What is fast?"."""
    from seekh_convert.generate.offline.cards import entry_explains
    from seekh_convert.model.document import Block

    block = Block(kind=BlockKind.GLOSSARY, text=text, term=term, slide=5)
    assert entry_explains(block) is explains


def test_what_security_is_at_its_most_basic_answers_what_is_security() -> None:
    """Set 40's NCERT politics chapter, under "What is security?": "At its most basic, security implies freedom from
    threats." is the answer; "Security seems to be something that is not the business of the ordinary citizen." (its
    Definition on the set's code) is an impression."""
    from seekh_convert.generate.offline.sentences import split_block
    from seekh_convert.generate.offline.titledef import _answers
    from seekh_convert.model.document import Block

    def first(text: str):
        return split_block(Block(kind=BlockKind.PARAGRAPH, text=text, section="What is security?"), 10**6)[0]

    basic = first("At its most basic, security implies freedom from threats.")
    assert basic.display == "Security implies freedom from threats." and _answers(basic, "security")
    assert not _answers(first("Security seems to be something that is not the business of the ordinary citizen."), "security")


@pytest.mark.parametrize(
    ("sentence", "heading"),
    [
        (
            "Rectification of Mistakes Rectification is the correction of written documents to fix mistakes.",
            "Rectification of Mistakes ",
        ),
        (
            "Minimizing Undue Influence One way lawyers try to minimize undue influence is to advise.",
            "Minimizing Undue Influence ",
        ),
        ("New York City Hall is a building in Manhattan.", None),
        ("In Canada the winters are cold.", None),
    ],
)
def test_a_title_case_heading_run_into_its_paragraph_is_left_out(sentence, heading) -> None:
    """Set 40's contract-law notes: "Rectification of Mistakes Rectification is the correction of ..."."""
    from seekh_convert.generate.offline.sentences import _run_in_heading

    m = _run_in_heading(sentence)
    assert (m.group() if m else None) == heading


def test_a_title_case_term_keeps_its_capitals_in_the_question() -> None:
    """Set 40: "What is undue Influence?"."""
    from seekh_convert.generate.offline.cards import ask_what

    assert ask_what("undue influence", "Undue Influence is the domination of one party over the mind of the other.") == (
        "What is Undue Influence?"
    )
    assert ask_what("inertia", "Inertia is the tendency of an object to resist a change in its motion.") == "What is inertia?"


def test_a_politics_chapter_is_political_science() -> None:
    """Set 40: NCERT's "Security in the Contemporary World" was labelled History."""
    from seekh_convert.generate.offline.classify import subject_of
    from seekh_convert.model.guide import Subject

    text = (
        "Security in world politics: a democracy protects its citizens; governments form an alliance, sign treaties on "
        "disarmament and meet the threat of terrorism; the state and its sovereignty, its security policy and diplomacy."
    )
    assert subject_of(text, "Security in the Contemporary World") is Subject.POLITICAL_SCIENCE


def test_set_40s_fronts() -> None:
    """Set 40: "What are Monochronic cultures?", "The next dimension is _____, which may sound like an odd way to
    define a culture." (the next of a list the card does not show)."""
    from seekh_convert.generate.offline.cards import _lowered, cloze_leans

    assert _lowered("Monochronic cultures") == "monochronic cultures"
    assert cloze_leans("The next dimension is _____, which may sound like an odd way to define a culture.")
    assert not cloze_leans("The first law of thermodynamics is a statement of the conservation of _____.")


def test_an_everyday_word_is_no_link_between_topics() -> None:
    """Set 40: "Context: High-Context versus Low-Context Cultures explains space, which this topic uses." where the
    Hofstede topic uses "space" in its everyday sense."""
    from seekh_convert.generate.offline.links import linkable
    from seekh_convert.generate.offline.terms import Term

    assert not linkable(Term(text="space", key="space", origin="pattern", first=0))
    assert linkable(Term(text="ethnocentrism", key="ethnocentrism", origin="pattern", first=0))


def test_a_term_the_topic_counts_is_asked_with_its_article() -> None:
    """Set 40's deck: "What is race condition?", "What is critical section?" (teachers: add the article); the topic
    writes "a race condition"; a term it never writes with "a" keeps none ("What is latency?")."""
    from types import SimpleNamespace

    from seekh_convert.generate.offline.pool import _articled
    from seekh_convert.model.document import Block
    from seekh_convert.model.guide import Flashcard
    from seekh_convert.model.sources import SourceRef

    text = "A critical section creates a race condition. Latency is the delay before the ISR runs."
    ta = SimpleNamespace(memo={}, topic=SimpleNamespace(blocks=[Block(kind=BlockKind.PARAGRAPH, text=text)]))

    def card(front: str) -> Flashcard:
        return Flashcard(kind="basic", front=front, back="Anomalous behavior.", source=SourceRef(quote=text))

    assert _articled(card("What is race condition?"), ta).front == "What is a race condition?"
    assert _articled(card("What is critical section?"), ta).front == "What is a critical section?"
    assert _articled(card("What is latency?"), ta).front == "What is latency?"


def test_set_41s_items() -> None:
    """Set 41: "What is evaluate?" (a discussion prompt's label, a wrong key), "What is Brand Awareness?" answered by
    what a benefit does ("Highlights the unique selling points ...", a wrong key), "_____ is a prime example of a
    company ..." (one example of many), "Equation ( 3.23) predicts ..." (a formula the card does not show), and a
    sentence with a maths font's private-use glyph."""
    from seekh_convert.generate.offline.cards import _NOT_FOR_CLOZE, entry_explains
    from seekh_convert.generate.offline.glosses import _term_ok
    from seekh_convert.generate.offline.sentences import _JUNK
    from seekh_convert.model.document import Block

    assert not _term_ok("Evaluate") and _term_ok("Brand awareness")
    benefit = Block(kind=BlockKind.GLOSSARY, text="Highlights the unique selling points of products.", term="Brand Awareness")
    entry = Block(
        kind=BlockKind.GLOSSARY, text="The variation in response that arises from causal predictors.", term="Reducible error"
    )
    assert not entry_explains(benefit) and entry_explains(entry)
    assert _NOT_FOR_CLOZE.search("Nike is a prime example of a company effectively using demographic segmentation.")
    assert _NOT_FOR_CLOZE.search("Equation ( 3.23) predicts the value of rate constants fairly accurately.")
    assert not _NOT_FOR_CLOZE.search("Demographic segmentation divides a market by age, income and education.")
    assert _JUNK.search("the graphs must be stretched horizontally by the factor \uebe1 and shifted to the right by b")


def test_every_single_is_no_lecture_title() -> None:
    """Set 41's 3Blue1Brown lecture: a part titled "Every Single"."""
    from seekh_convert.split.spoken import _candidates

    assert "every single" not in _candidates(["every", "single", "student", "learns", "every", "single", "step"])


def test_what_a_thing_can_be_is_no_definition() -> None:
    """Set 39: "What is the reaction?" answered by "The reaction can be unimolecular when one reacting species is
    involved, ..." (a teacher: question and answer do not match)."""
    sentence = "The reaction can be unimolecular when one reacting species is involved, for example, decomposition."
    assert definition_kind(parse(sentence), "reaction") is None
    assert definition_kind(parse("A catalyst is a substance which increases the rate of a reaction."), "catalyst")


def test_a_numbered_line_ends_a_worked_examples_solution() -> None:
    """Set 39's NCERT chapter: under a worked example's "Solution" heading the section "3.2.4 Molecularity of a
    Reaction" (a line, not a heading) was read as the example's answer, and its definitions gave no card."""
    from seekh_convert.clean.pdf_kinds import assign_kinds
    from seekh_convert.model.document import Block

    blocks = [
        Block(kind=BlockKind.HEADING, text="Solution", level=3),
        Block(kind=BlockKind.PARAGRAPH, text="The unit of a first order rate constant is s-1, so the reaction is first order."),
        Block(kind=BlockKind.PARAGRAPH, text="3.2.4 Molecularity of a Reaction"),
        Block(kind=BlockKind.PARAGRAPH, text="Another property of a reaction called molecularity helps in understanding it."),
    ]
    kinds = [b.kind for b in assign_kinds(blocks)]
    assert kinds[1] is BlockKind.QUESTION and kinds[3] is BlockKind.PARAGRAPH


def test_what_a_term_also_is_is_no_definition() -> None:
    """Set 42's wrong key: "What is debriefing?" -> "Debriefing is also a good time to provide additional benefits to
    research participants ..."."""
    also = "Debriefing is also a good time to provide additional benefits to research participants."
    assert definition_kind(parse(also), "debriefing") is None
    what = "Debriefing is a procedure that informs participants about the purpose of the study after it ends."
    assert definition_kind(parse(what), "debriefing") == "copula"


def test_set_42s_items() -> None:
    """Set 42: "Why were 7.1 Seals and sealings Seals and sealings used?" (a numbered heading run into its paragraph),
    "Cloud computing: In tracking the historical evolution, we briefly review five core technologies ..." under
    Applications (a technology named is no use), a Harappan history chapter labelled Sociology."""
    from seekh_convert.generate.offline.classify import subject_of
    from seekh_convert.generate.offline.sentences import _run_in_heading, split_block
    from seekh_convert.generate.offline.statements import use_score
    from seekh_convert.model.document import Block
    from seekh_convert.model.guide import Subject

    m = _run_in_heading("7.1 Seals and sealings Seals and sealings were used to facilitate long-distance communication.")
    assert m is not None and m.group() == "7.1 Seals and sealings "
    named = "In tracking the historical evolution, we briefly review five core technologies that played an important role."
    assert use_score(split_block(Block(kind=BlockKind.PARAGRAPH, text=named), 10**6)[0]) < 2.0
    used = "Engineers use the Laplace transform to analyse electrical circuits and to design filters."
    assert use_score(split_block(Block(kind=BlockKind.PARAGRAPH, text=used), 10**6)[0]) >= 2.0
    text = "Archaeologists excavated the site; the excavation showed the civilisation's crafts, an inscription and seals."
    assert subject_of(text, "Bricks, Beads and Bones: The Harappan Civilisation") is Subject.HISTORY
