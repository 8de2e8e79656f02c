"""The twenty-second session (2026-12-07): findings of sets 47 and 48."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from seekh_convert.model.document import Block, BlockKind, Document, SourceKind, Topic


def _content(title: str, paragraphs: list[str]):
    from seekh_convert.generate.offline import OfflineEngine

    head = [Block(title, BlockKind.HEADING, level=1, section=title, page=1)]
    rest = [Block(p, page=1, section=title) for p in paragraphs]
    doc = Document(path=Path("notes.md"), kind=SourceKind.MARKDOWN, title="Notes", blocks=head + rest)
    doc.topics = [Topic(1, title, head + rest)]
    return asyncio.run(OfflineEngine().generate(doc.topics[0], doc)).content


@pytest.mark.parametrize(
    ("sentence", "term", "kind"),
    [
        # a comparison says how common or strong the term is, not what it is (set 47's wrong key "What are quotas?")
        (
            "Quotas are a much more common regulatory strategy for dealing with externalities than taxes and subsidies.",
            "Quotas",
            None,
        ),
        ("Steel is a stronger material than iron.", "Steel", None),
        ("A quota is a limit on the activity that a firm may carry out.", "quota", "copula"),
        # the change in a quantity, a quantity measured as something narrowed (set 47's false "none"s)
        (
            "Growth of population is the change in the number of people living in a particular area between two points of time.",
            "Growth of population",
            "copula",
        ),
        ("Density of population, is expressed as number of persons per unit area.", "Density of population", "means"),
        ("Its rate is expressed as a percentage.", "rate", None),
        ("The change is a fundamental concept in physics.", "change", None),
        # a figure of speech about a place (set 47's "What is india?")
        ("India is a land of linguistic diversity.", "India", None),
        # what a class is "of" may be values (set 35's kept Definition), only praise ("of fundamental importance") is none
        (
            "Ethnocentrism is the application of one’s own cultural values in evaluating the behaviour and beliefs of "
            "people from other cultures.",
            "Ethnocentrism",
            "copula",
        ),
    ],
)
def test_what_a_copula_or_a_measure_says_of_the_term(sentence, term, kind) -> None:
    from seekh_convert.text import parse
    from seekh_convert.text.grammar import definition_kind

    assert definition_kind(parse.parse(sentence), term) == kind


def test_a_title_listing_its_terms_keeps_each_even_a_common_word() -> None:
    """ "Distribution, Density, Growth and Composition" (set 47's NCERT chapter) names four terms; "Care" of "Patient
    Refusal of Care" is still no term."""
    from seekh_convert.generate.offline.titledef import title_terms

    assert {"Distribution", "Density", "Growth", "Composition"} <= set(
        title_terms("Distribution, Density, Growth and Composition")
    )
    assert "Care" not in title_terms("Patient Refusal of Care")


def test_a_name_keeps_its_capital_in_a_question() -> None:
    from seekh_convert.generate.offline.cards import ask_what

    assert ask_what("India", "India is a country in South Asia that has many languages.") == "What is India?"
    assert ask_what("Buddhism", "Buddhism is a religion founded in India that teaches ...") == "What is Buddhism?"
    assert ask_what("Abandonment", "Abandonment is the act of giving up a right.") == "What is abandonment?"
    assert ask_what("Photosynthesis", "Photosynthesis is the process by which plants make food.") == "What is photosynthesis?"


def test_the_kind_a_paragraph_opens_with_is_not_defined_by_its_bare_noun() -> None:
    """Set 48's wrong keys "What is the research?" and "What is the researcher?": the paragraph is about new paradigm
    research, and "the research" is that kind, which the card does not say."""
    content = _content(
        "Research",
        [
            "New paradigm research is based on a new model or framework for research. It claims that research can never "
            "be neutral. The research is a mutual activity of a co-ownership involving shared power with respect to the "
            "process and the outcomes of the research. The researcher is a member of a community and brings to it "
            "special skills and expertise.",
        ],
    )
    said = [c.back for c in content.flashcards] + [content.definition.text if content.definition else ""]
    assert not any("mutual activity" in x or "member of a community" in x for x in said), said
    assert not any(c.front in ("What is the research?", "What is the researcher?") for c in content.flashcards)


def test_a_colon_inside_a_name_splits_no_slide_line() -> None:
    """Set 48's deck: "Motors on the Bit:Bot can also be controlled ..." became "What is Motors on the Bit?"."""
    from seekh_convert.clean.slides import _term_pair

    assert _term_pair("Motors on the Bit:Bot can also be controlled more precisely with the Drive block") is None
    assert _term_pair("Look at your micro:bit and Bit:Bot, we have the following sensors available to use") is None
    assert _term_pair("Servos: motors that turn to a set angle and hold it there") == (
        "Servos",
        "motors that turn to a set angle and hold it there",
    )


def test_a_margin_definition_in_a_labelled_series_is_asked_as_what_the_law_is() -> None:
    """Set 48's law chapter: "Criminal law: that body of law ..." was asked "Which law states that that body of law
    ...?"; a label's statement opening "In contrast to ..." is asked nothing."""
    from seekh_convert.generate.offline.labelled import _stem
    from seekh_convert.generate.offline.sentences import split_block

    s = split_block(
        Block("Criminal law: that body of law in any nation-state that defines offenses against society.", section="Law"), 10**6
    )[0]
    assert _stem(s, "law", "that body of law in any nation-state that defines offenses against society.") == (
        "Which law is defined as that body of law in any nation-state that defines offenses against society?"
    )
    assert _stem(s, "law", "In contrast to criminal law, the law that governs disputes between private parties.") is None
    assert _stem(s, "law", "Energy cannot be created or destroyed in an isolated system.").startswith("Which law states that")


def test_a_blanked_option_keeps_no_abbreviation_of_its_answer() -> None:
    """Set 47: "A. _____ (GDP/GNP) is the total market value ..." gave the answer away (and since the twenty-fifth
    session an option reads as the definition itself, without the blank)."""
    from seekh_convert.generate.offline.choices import as_option
    from seekh_convert.generate.offline.sentences import topic_sentences
    from seekh_convert.generate.offline.terms import Term
    from seekh_convert.text.terms import term_key

    [s] = topic_sentences(
        [Block("Gross Domestic Product (GDP) is the total market value of all final goods and services produced in a year.")]
    )
    term = Term("Gross Domestic Product", term_key("Gross Domestic Product"), "pattern", 0, [s], s, def_score=5.0)
    assert as_option(term, [term]) == "The total market value of all final goods and services produced in a year."


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        ("Cell is a Latin word for 'a little room'.", "Cell"),  # set 49's wrong key: where the word comes from
        (
            "Regression is a statistical technique of fundamental importance to science because of its ease of "
            "interpretation, robustness, and speed in calculation.",
            "Regression",
        ),  # set 49's wrong key: praise
    ],
)
def test_an_origin_or_praise_of_the_term_defines_nothing(sentence, term) -> None:
    from seekh_convert.text import parse
    from seekh_convert.text.grammar import definition_kind

    assert definition_kind(parse.parse(sentence), term) is None
    assert (
        definition_kind(
            parse.parse("Regression is a statistical technique that estimates how one variable depends on others."), "Regression"
        )
        == "copula"
    )


def test_a_title_asking_about_something_of_a_term_asks_nothing_of_the_term() -> None:
    """Set 49: "What are the effects of parasites?" took "Parasites are a diverse group." as its Definition; "What are
    Rights?" still takes "A right is essentially an entitlement ..."."""
    from seekh_convert.generate.offline.sentences import split_block
    from seekh_convert.generate.offline.titledef import principle_definitions

    [s] = split_block(Block("Parasites are a diverse group."), 10**6)
    assert principle_definitions("What are the effects of parasites?", [s]) == []
    [s] = split_block(Block("A right is essentially an entitlement or a justified claim."), 10**6)
    assert principle_definitions("5.1 What are Rights?", [s])


def test_a_heading_that_only_says_definitions_follow_frames_no_question() -> None:
    from seekh_convert.generate.offline.framing import framed

    assert (
        framed("What is element?", "A substance that cannot be broken down.", "1.2 Some Basic Definitions") == "What is element?"
    )
    assert framed("What is element?", "A substance that cannot be broken down.", "Matter and its states").startswith("In matter")


def test_text_drawn_over_itself_is_written_once() -> None:
    """Set 49's NCERT chapter fakes bold by drawing its title five times: "Ttttthehehehehe F F F F
    Fundamentalundamental..." titled its topics."""
    from seekh_convert.model.document import Line
    from seekh_convert.read.pdf import _unprinted

    redrawn = "Ttttthehehehehe F F F F Fundamentalundamentalundamentalundamentalundamental U U U U Unitnitnitnitnit Of"
    assert _unprinted(Line(redrawn, bold_spans=(redrawn,))) == Line(
        "The Fundamental Unit Of", bold_spans=("The Fundamental Unit Of",)
    )
    for text in ("Hmmm, the sheep said baaaa.", "Rows A A A A B B C", "The years 1111 and 2222"):
        assert _unprinted(Line(text)).text == text


def test_words_a_font_cuts_with_spaces_send_the_page_to_pdfium() -> None:
    """Set 49's NCERT chapter: pypdf read "fr om the bark of a tr ee", "These or ganisms ar e called ..."; PDFium reads
    the page as printed."""
    from seekh_convert.read.pdfium_text import misread

    cut = (
        "Hooke saw that the cork r esembled the structure of a honeycomb. Cork is a substance which comes fr om the bark "
        "of a tr ee. These or ganisms ar e called unicellular organisms. "
    )
    assert misread(cut * 2)
    clean = cut.replace("r esembled", "resembled").replace("fr om", "from").replace("tr ee", "tree")
    clean = clean.replace("or ganisms ar e", "organisms are")
    assert not misread(clean * 2)
    assert not misread("We went in to the room and sat on to the bench, as a rule, at noon. " * 4)


def _slide(number: int, title: str, lines: list[str]) -> list[Block]:
    head = [Block(title, BlockKind.HEADING, level=1, slide=number, section=title)]
    return head + [Block(text, slide=number, section=title) for text in lines]


def test_a_decks_question_slides_are_asked_with_the_key_its_notes_explain() -> None:
    """Sets 49 and 50's workshop decks end with "Question N" slides (the question, three options, the notes'
    explanation); teachers found them ignored. The key is the one option the explanation names by its own words; a
    slide shown twice asks once; an explanation naming no one option asks nothing."""
    from seekh_convert.generate.offline.review import deck_questions

    asked = "The container that groups functions into a logical unit for easier management is called?"
    told = "A function app is a way to organize and collectively manage your functions."
    options = ["Resource group", "Function app", "Function collection"]
    blocks = _slide(40, "Question 2", [asked, *options, told]) + _slide(41, "Question 2", [asked, *options, told])
    blocks += _slide(
        42,
        "Question 1",
        [
            "You want to evaluate the model. What should you do?",
            "Split the data randomly into two subsets.",
            "Use all of the data to train the model.",
            "Train the model using only the feature columns.",
            "That is correct. A common way is to hold back an evaluation dataset when training.",
        ],
    )
    [q] = deck_questions(blocks)
    assert q.question == f"{asked} (Resource group; Function app; Function collection)" and q.answer == "Function app"
    assert q.source.slide == 40 and "collectively manage" in q.explanation
    four = _slide(
        7,
        "Knowledge check",
        [
            "What should you do to train the model?",
            "Call the predict() function.",
            "Call the recipe() function.",
            "Call the fit() function.",
            "Call the plot() function.",
            "That is correct. Model training is done with the fit() function.",
        ],
    )
    [mc] = deck_questions(four)
    assert mc.options[mc.answer_index] == "Call the fit() function."
    assert deck_questions([Block(b.text, slide=b.slide, section="Summary") for b in four]) == []
