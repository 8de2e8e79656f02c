"""The seventeenth session (2026-12-06), from set 26's research-data slides and the naming questions teachers kept 4 of
35 times: a slide's "Term: fragment" line (an adjective phrase, an activity under a thing's name, a title) is no
definition; no "Which term names ...?" question is shown; "X occurs when Y: examples" asks "What is it called when
Y?"."""

from __future__ import annotations

from pathlib import Path

import pytest

from seekh_convert.generate.offline.glosses import fragment
from seekh_convert.generate.offline.naming import _when
from seekh_convert.generate.offline.sentences import Sentence
from seekh_convert.model.document import Block
from seekh_convert.text import parse


def _guides(tmp_path, body: str):
    from seekh_convert.generate.offline import OfflineEngine
    from seekh_convert.pipeline import load_document

    (tmp_path / "notes.md").write_text(body)
    doc = load_document(tmp_path / "notes.md")
    return [OfflineEngine().content(t, doc) for t in doc.topics]


_SLIDE = (
    "# Types of analyses\n\n"
    "- Reduction: important for high-resolution datasets\n"
    "- Exploratory analysis: a first look at the data to find patterns worth testing\n"
    "- Workflow diagrams: Adding decision points\n"
    "- Normalization: scaling each variable to the same range\n"
    "- DataONE Education Module: Analysis and Workflows\n\n"
    "Analyses are done in many ways. Scientists compare their results. Data must be stored safely for later use.\n"
)


def test_a_slide_line_that_says_something_about_a_term_is_no_definition(tmp_path) -> None:
    """Set 26: "What is reduction?" -> "Important for high-resolution datasets."; "What are workflow diagrams?" ->
    "Adding decision points."; "What is DataONE Education Module?" -> "Analysis and Workflows." (three wrong keys)."""
    cards = {c.front: c.back for g in _guides(tmp_path, _SLIDE) for c in g.flashcards}
    fronts = " | ".join(cards)
    assert "reduction" not in fronts and "workflow diagrams" not in fronts and "DataONE" not in fronts, cards
    assert "What is exploratory analysis?" in cards
    assert any(front.endswith("what is normalization?") for front in cards), cards  # a process explained by a gerund


@pytest.mark.parametrize(
    ("body", "term", "expected"),
    [
        ("Important for high-resolution datasets", "Reduction", True),
        ("More difficult to reproduce", "Complex process", True),
        ("Adding decision points", "Workflow diagrams", True),
        ("Analysis and Workflows", "DataONE Education Module", True),
        ("Scaling each variable to the same range", "Normalization", False),
        ("Reducing the amount of data in the working file", "Reduction", False),
        ("A first look at the data to find patterns worth testing", "Exploratory analysis", False),
        ("Central Processing Unit", "CPU", False),
        ("Written document drawn up by a patient", "A living will", False),
    ],
)
def test_what_a_fragment_is(body, term, expected) -> None:
    assert fragment(parse.parse(body), term) is expected


def test_no_which_term_question_is_shown(tmp_path) -> None:
    """Teachers kept 4 of 35 "Which term names/refers to ...?" questions over sets 12-25: they repeat a card, their
    distractors are of another kind, or a second option is right too."""
    body = (
        "# Governance\n\n"
        "Transparency is the way to take decisions and to enforce them in a manner that follows rules and regulations. "
        "Accountability is the duty of public bodies to answer to the citizens for their decisions and their spending. "
        "Participation is the involvement of men and women in decision making, directly or through institutions. "
        "Consensus orientation is the mediation of the different interests in society to reach a broad consensus. "
        "Equity is the assurance that all members of society feel that they have a stake in it and are not excluded. "
        "Responsiveness is the service of institutions and processes to all stakeholders within a reasonable timeframe.\n"
    )
    stems = [getattr(q, "question", "") for g in _guides(tmp_path, body) for q in g.questions]
    assert not any(q.startswith("Which term") for q in stems), stems


def _sentence(text: str) -> Sentence:
    return Sentence(text, Block(text), 0, True, n_words=len(text.split()))


@pytest.mark.parametrize(
    ("text", "stem"),
    [
        (
            "A withdrawal rupture occurs when the client moves away from the therapist or from the work: going quiet, "
            "giving minimal answers, or changing the topic.",
            "What is it called when the client moves away from the therapist or from the work?",
        ),
        (
            "A confrontation rupture occurs when the client moves against the therapist, expressing anger, criticism "
            "or dissatisfaction with the treatment.",
            "What is it called when the client moves against the therapist?",
        ),
        (
            "Proactive interference happens when old information blocks new learning.",
            "What is it called when old information blocks new learning?",
        ),
    ],
)
def test_a_when_clause_before_its_examples_is_asked(text, stem) -> None:
    named = _when(_sentence(text))
    assert named is not None and named.stem == stem


def test_a_when_clause_cut_by_any_other_comma_is_not_asked() -> None:
    assert _when(_sentence("A rupture occurs when the client, who is tired, moves away from the therapist.")) is None


@pytest.mark.parametrize(
    ("body", "opening"),
    [
        (
            "# Cell Cycle\n\nCell division is a very important process in all living organisms. The sequence of events by "
            "which a cell duplicates its genome, synthesises the other constituents of the cell and eventually divides "
            "into two daughter cells is termed cell cycle. Although cell growth is a continuous process, DNA synthesis "
            "occurs only during one specific stage in the cell cycle.\n",
            "The sequence of events by which a cell duplicates its genome",
        ),
        (
            "# The Ontological Argument\n\nOntological arguments for God's existence try to deduce God's existence from "
            "the very concept of God. Anselm gave the most famous version of the argument in the eleventh century. Many "
            "philosophers have rejected the argument since then, and Kant gave the best known objection to it.\n",
            "Ontological arguments for God's existence try to deduce",
        ),
        (
            "# Virtual Archaeology\n\nVirtual archaeology is not virtual reality but a means in which to experience the "
            "archaeological past phenomenologically. The term was coined by Paul Reilly in 1987 for visualising "
            "archaeological data. Since then many projects have built models of sites and landscapes for the public.\n",
            "Virtual archaeology is not virtual reality but a means",
        ),
    ],
)
def test_definitions_judges_found_missing_are_the_topics_definition(tmp_path, body, opening) -> None:
    """False "none"s: set 25's NCERT cell cycle ("... is termed cell cycle", a subject too long for the parser), set
    26's ontological argument handout (what such arguments try to do), set 24's virtual archaeology ("is not ... but
    a means ...")."""
    (guide,) = _guides(tmp_path, body)
    assert guide.definition is not None and guide.definition.text.startswith(opening), guide.definition


def test_what_a_thing_is_not_is_no_definition() -> None:
    from seekh_convert.text.grammar import definition_kind

    assert definition_kind(parse.parse("A virus is not a cell that can live on its own."), "virus") is None
    assert definition_kind(parse.parse("A virus is a particle that can live only inside a cell."), "virus") == "copula"
    one = "The one which converts chemical energy into electrical energy is termed galvanic cell."
    assert definition_kind(parse.parse(one), "galvanic cell") is None


def test_a_property_defined_by_a_condition_is_asked_as_one() -> None:
    """Set 27's quantum-computing notes: "What is an orthonormal?", "What is a unitary?"."""
    from seekh_convert.generate.offline.cards import ask_what

    basis = "A basis B for an inner product space V is called orthonormal if all elements of B have norm 1."
    assert ask_what("orthonormal", basis) == "What does it mean for a basis to be orthonormal?"
    unitary = "A linear map f : V → W is called unitary if f is an isometry and surjective."
    assert ask_what("unitary", unitary) == "What does it mean for a linear map to be unitary?"
    assert ask_what("inertia", "Inertia is the tendency of an object to keep its motion.") == "What is inertia?"


def test_a_term_capitalised_by_its_title_or_entry_is_asked_in_lower_case(tmp_path) -> None:
    """Set 27's criminal-law chapter: "What is Attempt?", "What are Inchoate crimes?"; a name keeps its capital."""
    from seekh_convert.generate.offline.cards import ask_what

    assert (
        ask_what("Attempt", "Attempt: An inchoate crime that criminalizes trying to commit an offense.") == "What is an attempt?"
    )
    assert ask_what("Wharton’s rule", "Wharton’s rule: A rule that creates a judicial presumption.") == "What is Wharton’s rule?"


def test_a_form_field_or_the_plan_at_hand_is_no_term(tmp_path) -> None:
    """Set 27's data-management deck: "What is project name?" -> the project's title; "The plan describes the data
    the project collects." read as what "plan" means, and asked as "What describes the data ...? plan"."""
    body = (
        "# Data management plan example\n\n"
        "- Project name: Effects of temperature and salinity on population growth of the estuarine copepod\n"
        "- Normalization: scaling each variable to the same range\n\n"
        "The plan describes the data the project collects. Every dataset will be saved daily and backed up to a server.\n"
    )
    (guide,) = _guides(tmp_path, body)
    items = [c.front for c in guide.flashcards] + [getattr(q, "question", "") for q in guide.questions]
    assert not any("project name" in i.lower() or "describes the data" in i or "plan mean" in i for i in items), items
    assert guide.definition is None
    assert any(i.endswith("what is normalization?") for i in items), items


def test_the_sources_own_questions_with_labelled_answers_are_asked(tmp_path) -> None:
    """Set 27's Word notes end on five essay questions, each "...? Answer: ...": the topic had no item."""
    body = (
        "# Questions and Answers\n\n"
        "1. How can governments regulate Artificial Intelligence without stifling innovation? Answer: Governments can "
        "adopt a risk-based regulatory framework that categorizes AI applications according to their societal impact. "
        "High-risk systems should undergo mandatory audits.\n"
        "2. How can societies mitigate inequality resulting from technological displacement? Answer: It depends on many "
        "things, and no single policy will do.\n"
    )
    (guide,) = _guides(tmp_path, body)
    asked = {q.question: q.answer for q in guide.questions}
    assert asked == {
        "How can governments regulate Artificial Intelligence without stifling innovation?": "Governments can adopt a "
        "risk-based regulatory framework that categorizes AI applications according to their societal impact."
    }


def test_a_numbered_title_in_capitals_is_a_heading_even_small_and_not_bold() -> None:
    """Set 27's NCERT chapter sets "5.1 WHAT ARE RIGHTS?" in coloured capitals smaller than its text: the sections
    were paragraphs, and the topics took their titles from the chapter's boxes ("Overview: Natural Rights")."""
    from seekh_convert.clean.pdf import PdfCleaner
    from seekh_convert.model.document import BlockKind, Document, Line, RawPage, SourceKind

    body = "A right is essentially an entitlement or a justified claim, and many people claim new rights today."
    lines = [Line(text=body, size=10.5, y=700.0), Line(text="5.1 WHAT ARE RIGHTS?", size=9.8, y=670.0)]
    lines += [Line(text=body, size=10.5, y=650.0 - 12 * i) for i in range(6)]
    doc = Document(path=Path("x.pdf"), kind=SourceKind.PDF, pages=[RawPage(number=1, lines=lines)])
    headings = [b.text for b in PdfCleaner()(doc).blocks if b.kind is BlockKind.HEADING]
    assert headings == ["5.1 WHAT ARE RIGHTS?"]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("WHAT ARE RIGHTS?", "What Are Rights?"),
        ("KINDS OF RIGHTS", "Kinds of Rights"),
        ("SPM CONCEPTS", "SPM Concepts"),
        ("IT GOVERNANCE", "IT Governance"),
    ],
)
def test_a_title_in_capitals_is_written_as_a_title(title, expected) -> None:
    from seekh_convert.split.segment import _uncapitalised

    assert _uncapitalised(title, frozenset({"RIGHTS", "OF", "IT"})) == expected


def test_the_first_answer_under_a_title_asking_what_the_term_is_is_its_definition(tmp_path) -> None:
    body = (
        "# What are Rights?\n\n"
        "A right is essentially an entitlement or a justified claim. It denotes what we are entitled to as citizens. "
        "Rights are claimed not only in our political lives but also in our social and personal relationships, and "
        "people today make new demands for rights such as the right to information.\n"
    )
    (guide,) = _guides(tmp_path, body)
    assert guide.definition is not None and guide.definition.text == "A right is essentially an entitlement or a justified claim."


def test_a_definer_inside_another_sentences_clause_or_one_thinkers_views_define_nothing() -> None:
    from seekh_convert.text.grammar import definition_kind

    inverted = "Important is the legal recognition of our claims that several theorists define rights as claims that the state recognises."
    assert definition_kind(parse.parse(inverted), "rights") is None
    assert (
        definition_kind(parse.parse("Kant’s views represent, what is called, the moral conception of rights."), "Kant’s views")
        is None
    )
    assert (
        definition_kind(parse.parse("Several theorists define rights as claims that the state recognises."), "rights")
        == "defined-as"
    )


def test_which_is_after_of_or_on_the_examples_one_thing_defines_nothing(tmp_path) -> None:
    """Set 27's criminal-law example: its Definition read "The dog: a circumstance outside their control."."""
    body = (
        "# Example of the proximity test\n\n"
        "Melissa and Matthew finished every act necessary to commit the crime of poisoning the dog. The only reason the "
        "crime was not consummated was the absence of the dog, which is a circumstance outside their control. Thus "
        "Melissa and Matthew could most likely be charged with attempt, and the dog owner could sue them for damages.\n"
    )
    (guide,) = _guides(tmp_path, body)
    assert guide.definition is None
    assert not any("dog" in c.front.lower() for c in guide.flashcards)


def test_a_household_abbreviation_is_not_asked_a_courses_is(tmp_path) -> None:
    """Teachers dropped "What does AI/VR/AR stand for?" every time (sets 23-27) and kept "What does ICT/GDPR/DNS
    stand for?"."""
    body = (
        "# Emerging technologies\n\n"
        "Artificial Intelligence (AI) has become a central driver of digital transformation in many sectors. "
        "Information and Communication Technologies (ICT) connect schools, hospitals and governments across regions. "
        "AI systems and ICT networks together change how people work, learn and take part in public life every day.\n"
    )
    fronts = [c.front for g in _guides(tmp_path, body) for c in g.flashcards]
    assert "What does AI stand for?" not in fronts and "What does ICT stand for?" in fronts, fronts


def test_a_term_and_which_occurs_when_is_a_card_not_a_blank(tmp_path) -> None:
    """Set 27's Word notes: "One major concern is _____, which occurs when AI systems trained on biased data ...";
    "bias" is no plural ("What are algorithmic bias?")."""
    body = (
        "# Ethics of emerging technologies\n\n"
        "Ethical concerns cut across every technology. One major concern is algorithmic bias, which occurs when AI "
        "systems trained on biased data replicate or amplify social inequalities related to race, gender, or geography. "
        "Algorithmic bias affects hiring, lending and policing decisions, and audits of algorithmic bias are now common.\n"
    )
    (guide,) = _guides(tmp_path, body)
    cards = {c.front: c.back for c in guide.flashcards}
    assert cards.get("What is algorithmic bias?", "").startswith("Algorithmic bias occurs when AI systems"), cards
    assert not any("_____, which occurs" in front for front in cards), cards


def test_a_purpose_before_a_count_is_not_asked_why() -> None:
    """Set 27: "Why do modern jurisdictions use four tests?" -> "To ascertain attempt." (dropped)."""
    from seekh_convert.generate.offline.because import fronted_why

    text = "To ascertain the criminal act element of attempt, modern jurisdictions use four different tests."
    assert fronted_why(_sentence(text), []) is None


def test_footnotes_printed_inside_sentences_are_left_out_of_a_web_page(tmp_path) -> None:
    """Set 27's Saylor chapter: "... to commit a criminal offense.Tex." (a footnote's citation glued on)."""
    from seekh_convert.pipeline import load_document

    page = (
        "<html><head><title>Attempt</title></head><body><article><h1>Attempt</h1>"
        '<p>Many states define attempt as trying to commit a criminal offense.<span class="footnote" id="fn1">Tex. '
        "Penal Code § 15.01, accessed December 27, 2010.</span> Other states have specific attempt statutes that define "
        "attempt according to the crime attempted, and the rationale for punishing attempt is prevention.</p>"
        "<p>Attempt merges into the crime if the crime is completed in many jurisdictions, and the defendant is then "
        "charged with the completed crime only. Courts differ on how far a defendant must go before attempt begins.</p>"
        "</article></body></html>"
    )
    (tmp_path / "attempt.html").write_text(page)
    text = " ".join(b.text for t in load_document(tmp_path / "attempt.html").topics for b in t.blocks)
    assert "criminal offense. Other states" in text and "Penal Code" not in text


def test_a_footnote_number_glued_to_a_word_is_left_out() -> None:
    """Set 27's quantum notes: "... an isometry and surjective3."."""
    from collections import Counter

    from seekh_convert.clean.pdf_text import footnote_marks

    vocab = Counter({"surjective": 2})
    assert footnote_marks("f is an isometry and surjective3. Next", vocab) == "f is an isometry and surjective. Next"
    assert footnote_marks("Run python3, then pip.", Counter()) == "Run python3, then pip."  # "python" is no word here
    recurs = Counter({"python": 3, "python3": 3})  # as ``vocabulary`` counts a document that runs python3 three times
    assert footnote_marks("Install python3, then run it.", recurs) == "Install python3, then run it."
    assert footnote_marks("the value x2, and CO2.", vocab) == "the value x2, and CO2."


def test_so_before_an_adjective_is_no_filler_to_cut() -> None:
    """Set 27's NCERT chapter: "So important is the legal and constitutional recognition ..." lost its "So"."""
    text = "So important is the legal and constitutional recognition of our claims that theorists define rights by it."
    assert _sentence(text).cut == 0
    assert _sentence("So, we can now see why rights matter to every citizen.").cut > 0


def test_numbered_questions_answered_in_the_same_paragraph_are_asked(tmp_path) -> None:
    """Set 28's Word notes: "Q3. How do economic factors contribute to digital inequality? Economic factors
    contribute by ..." (ten of them; an answer that opens on "It" or "They" leans on the question)."""
    body = (
        "# Questions and Answers\n\n"
        "Q3. How do economic factors contribute to digital inequality? Economic factors contribute by limiting the "
        "ability of low-income individuals to afford devices, internet services, and digital skills training.\n\n"
        "Q8. How can public-private partnerships help reduce the digital divide? They combine government support with "
        "private-sector innovation and resources to expand access.\n\n"
        "Why do some regions lag behind? Rural regions lag behind because networks there cost more to build.\n"
    )
    (guide,) = _guides(tmp_path, body)
    assert [q.question for q in guide.questions] == ["How do economic factors contribute to digital inequality?"]


def test_a_definition_with_a_coordinated_relative_clause_stands_alone(tmp_path) -> None:
    """Set 28's Word notes gave no Definition: "... countries that have access to ... and those that do not, or that
    have limited and ineffective access" read "that" as pointing back."""
    body = (
        "# The Digital Divide\n\n"
        "The digital divide refers to the gap between individuals, communities, or countries that have access to modern "
        "information and communication technologies (ICTs) and those that do not, or that have limited and ineffective "
        "access. Several factors contribute to digital inequality, and economic factors are among the most significant.\n"
    )
    (guide,) = _guides(tmp_path, body)
    assert guide.definition is not None and guide.definition.text.startswith("The digital divide refers to the gap")
    assert "What does the digital divide mean?" in [c.front for c in guide.flashcards]


def test_set_28_fronts_and_keys(tmp_path) -> None:
    """Set 28: "What is SAS?" -> "Has outstanding support." (a wrong key); "What does Industry refer to?" and "What
    does Business mean?" (a title's capital); "What is industry?" keyed by "Generally, the term industry is used for
    ..." after the Definition "Industry refers to ..."; "Why is the term industry also used?" -> "To mean ..."."""
    assert fragment(parse.parse("Has outstanding support"), "SAS")
    body = (
        "# Industry\n\n"
        "Industry refers to economic activities, which are connected with conversion of resources into useful goods. "
        "Generally, the term industry is used for activities in which mechanical appliances and technical skills are "
        "involved. The term industry is also used to mean groups of firms producing similar or related goods. Primary "
        "industries are concerned with the extraction and production of natural resources.\n"
    )
    (guide,) = _guides(tmp_path, body)
    fronts = {c.front: c.back for c in guide.flashcards}
    assert not any(b.startswith("Generally") for b in fronts.values()), fronts
    assert "What does Industry refer to?" not in fronts and "What is industry?" not in fronts, fronts
    assert not any("also used" in getattr(q, "question", "") for q in guide.questions)


def test_a_word_the_source_quotes_after_by_is_its_term(tmp_path) -> None:
    """Set 28's Saylor chapter: "By “use” I mean the ways that science is understood and applied ..." (false none)."""
    body = (
        "# Using science the ethical way\n\n"
        "By “use” I mean the ways that science is understood and applied (as opposed to the way it is conducted). "
        "Researchers must report their findings honestly, and readers should consider how the findings were produced "
        "before they apply them.\n"
    )
    (guide,) = _guides(tmp_path, body)
    assert "What is meant by “use”?" in [c.front for c in guide.flashcards]


def test_what_a_slide_titled_what_is_x_says_first_defines_x(tmp_path) -> None:
    """Set 28's deck: a slide "What is a relational database?" whose notes open "A relational database matches data
    stored in tables by using common characteristics ..." (a false "none"); "Easy to use: But harder to maintain ..."
    is no definition."""
    assert fragment(parse.parse("But harder to maintain as complexity and size of data grows"), "Easy to use")
    body = (
        "# Spreadsheet vs. Relational Database\n\n"
        "Spreadsheets are easy to start with, and most researchers know one well.\n\n"
        "## What is a relational database?\n\n"
        "A relational database matches data stored in tables by using common characteristics found within the data "
        "set. This helps preserve data integrity and makes it possible to mix and match data flexibly.\n"
    )
    (guide,) = _guides(tmp_path, body)
    assert guide.definition is not None and guide.definition.text.startswith("A relational database matches data")


def test_a_bold_title_set_tight_between_sentences_is_a_heading() -> None:
    """Set 29's NCERT chapter: "Physical Dimension" (bold, a point above the text, no space around it) ran into its
    paragraph: "What does physical Dimension Physical dimension mean?"."""
    from seekh_convert.clean.pdf import PdfCleaner
    from seekh_convert.model.document import BlockKind, Document, Line, RawPage, SourceKind

    text = "The dimensions of health are interrelated with one another and each of them matters for a good life."
    lines = [Line(text=text, size=11.0, y=700.0 - 13.5 * i) for i in range(5)]
    lines += [Line(text="Physical Dimension", size=12.0, bold=True, y=700.0 - 13.5 * 5 - 2)]
    lines += [
        Line(
            text="Physical dimension refers to the ability of a human body to function properly.",
            size=11.0,
            y=700.0 - 13.5 * 6 - 3,
        )
    ]
    lines += [Line(text=text, size=11.0, y=700.0 - 13.5 * (7 + i) - 3) for i in range(4)]
    doc = Document(path=Path("x.pdf"), kind=SourceKind.PDF, pages=[RawPage(number=1, lines=lines)])
    headings = [b.text for b in PdfCleaner()(doc).blocks if b.kind is BlockKind.HEADING]
    assert headings == ["Physical Dimension"]


def test_long_answer_questions_are_the_sources_exercises() -> None:
    from seekh_convert.clean.common import section_kind
    from seekh_convert.model.document import BlockKind

    assert section_kind(" I. Long Answer Questions") is BlockKind.QUESTION
    assert section_kind("Short Answer Questions") is BlockKind.QUESTION
    assert section_kind("Questions of Ethics") is None


@pytest.mark.parametrize(
    ("term", "definition", "front"),
    [
        (
            "Continuous reinforcement schedule",
            "A reinforcement schedule in which every response is reinforced.",
            "What is a continuous reinforcement schedule?",
        ),
        (
            "Secondary reinforcer",
            "Neutral events that have become associated with a primary reinforcer.",
            "What is a secondary reinforcer?",
        ),
        ("Shaping", "Shaping is the process of guiding an organism's behavior to the desired outcome.", "What is shaping?"),
    ],
)
def test_a_glossary_term_takes_its_article(term, definition, front) -> None:
    """Set 29's Saylor psychology chapter: seven "What is X?" cards without their article were edits."""
    from seekh_convert.generate.offline.cards import ask_what

    assert ask_what(term, definition) == front


def test_a_question_label_is_no_part_of_the_question(tmp_path) -> None:
    """Set 29's Word notes: "Question 1: What is Diffusion of Innovations Theory?"."""
    body = (
        "# Diffusion\n\n"
        "Question 1: What is Diffusion of Innovations Theory? Answer: Diffusion of Innovations Theory explains how new "
        "ideas and technologies spread through a society over time.\n"
    )
    (guide,) = _guides(tmp_path, body)
    assert [q.question for q in guide.questions] == ["What is Diffusion of Innovations Theory?"]


def test_a_blank_the_stem_gives_away_or_on_an_example_is_not_made() -> None:
    """Set 28: "... starting one's own business is a matter of aspiring to become an _____" (entrepreneur, beside
    "entrepreneurship"); "a steeper learning curve than a spreadsheet such as _____ does" (Excel: any would do)."""
    from seekh_convert.generate.offline.cards import GAP, gives_away

    assert gives_away(
        f"Taking to entrepreneurship by starting one's own business is aspiring to become an {GAP}.", "entrepreneur"
    )
    assert gives_away(f"Databases have a steeper learning curve than a spreadsheet such as {GAP} does.", "Excel")
    assert not gives_away(f"The rationale for punishing an inchoate crime is prevention and {GAP}.", "deterrence")


def test_a_term_set_against_another_is_no_term() -> None:
    """Set 29's wrong key: "What is open vs. proprietary?" -> "Some institutions may need to waive rights ..."."""
    from seekh_convert.generate.offline.glosses import _term_ok

    assert not _term_ok("Open vs. proprietary") and _term_ok("Open access")


@pytest.mark.parametrize(
    ("word", "written"),
    [("IntroductIon", "Introduction"), ("PersPectives", "Perspectives"), ("JavaScript", "JavaScript"), ("YouTube", "YouTube")],
)
def test_small_capitals_a_text_layer_mixed_in_are_read_as_the_word(word, written) -> None:
    """Sets 28 and 30's NCERT chapters: "1.1 IntroductIon", "Historical PersPectives: Gene Therapy"."""
    from seekh_convert.text.lexicon import small_caps

    assert small_caps(word) == written


def test_set_30_keys_and_stems() -> None:
    """Set 30's wrong keys "What is Lexical Diversity?" -> "Measured on a bunch of indicators." and "What is
    document feature matrix?" -> "Page 15 of the PowerPoint."; "What is also amongst the first few countries ...?"."""
    assert fragment(parse.parse("Measured on a bunch of indicators"), "Lexical diversity")
    assert fragment(parse.parse("Page 15 of the PowerPoint"), "Document feature matrix")
    assert not fragment(parse.parse("Written document drawn up by a patient"), "Living will")


def test_a_subject_question_about_what_is_also_true_is_not_asked() -> None:
    """Set 30: "What is also amongst the first few countries that developed vaccines against Covid-19?"."""
    from seekh_convert.generate.offline.ask import subject_question
    from seekh_convert.generate.offline.terms import Term

    def ask(text: str):
        s = _sentence(text)
        return subject_question(s, [Term(text="India", key="india", origin="emphasis", first=0, mentions=[s])])

    assert ask("India is also amongst the first few countries that developed vaccines against the new virus.") is None
    assert ask("India also produces more vaccines than any other country in the region every year.") is None
    made = ask("India produces more vaccines than any other country in the region every year.")
    assert made is not None and made[0] == "What produces more vaccines than any other country in the region every year?"


def test_a_slide_entry_setting_one_thing_against_another_explains_nothing() -> None:
    """Set 29's deck: the entry "Open vs. proprietary: some institutions may need to waive rights ..." keyed "What is
    open vs. proprietary?" (a wrong key) through the slide-glossary path, which ``_term_ok`` does not see."""
    from seekh_convert.generate.offline.cards import entry_explains
    from seekh_convert.model.document import Block, BlockKind

    text = "some institutions (e.g., universities) may need to waive rights to permit open access."
    vs = Block(text, kind=BlockKind.GLOSSARY, term="Open vs. proprietary", slide=16, bullet=1)
    assert not entry_explains(vs)
    plain = Block("the process of copying data to a second place.", kind=BlockKind.GLOSSARY, term="Backup", slide=3, bullet=1)
    assert entry_explains(plain)
