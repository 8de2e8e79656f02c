"""Issue 17 (judge set C): the Definition defines the topic's own term (or says none), definitions by apposition and
enumerations give cards, key takeaway titles name the point instead of a bare label."""

from __future__ import annotations

import asyncio
from pathlib import Path

from seekh_convert.generate.offline import OfflineEngine
from seekh_convert.generate.offline.point import point_title
from seekh_convert.generate.offline.sentences import Sentence
from seekh_convert.generate.offline.titledef import title_terms
from seekh_convert.model.document import Block, BlockKind, Document, SourceKind, Topic


def _content(title: str, texts: list[str], kind: SourceKind = SourceKind.PDF):
    blocks = [Block(title, BlockKind.HEADING, level=1, section=title, page=1)]
    blocks += [Block(t, section=title, page=1 + i) for i, t in enumerate(texts)]
    doc = Document(path=Path("notes.pdf"), kind=kind, title="Notes", blocks=blocks)
    doc.topics = [Topic(1, title, blocks)]
    return asyncio.run(OfflineEngine().generate(doc.topics[0], doc)).content


_HEDGING = (
    "You can protect your interim predictions against unrealistic prior beliefs by implementing the hedging hyperprior, "
    "a simple hyperdistribution that downweights the strength of the prior when there is a discrepancy between the prior "
    "distribution and data observed during the trial itself."
)


def test_an_apposition_defines_the_title_term_and_gives_a_card():
    c = _content(
        "Hedging priors",
        [_HEDGING, "The hedging hyperprior creates a mixture of gamma priors from weak to strong."],
    )
    assert c.definition is not None
    assert c.definition.text.startswith("Hedging hyperprior: a simple hyperdistribution that downweights")
    assert c.definition.source.quote.startswith("You can protect")
    fronts = {f.front: f.back for f in c.flashcards}
    assert fronts.get("What is the hedging hyperprior?", "").startswith("A simple hyperdistribution")


def test_an_apposition_defines_only_a_term_the_topic_uses_again():
    c = _content(
        "Memory and exercise",
        [
            "Aerobic exercise promotes neurogenesis: the growth of new brain cells in the hippocampus, an area of the "
            "brain known to play a role in memory and learning.",
            "Regular aerobic exercise is beneficial for memory in older adults.",
        ],
    )
    assert not any("growth" in f.front or "hippocampus" in f.front for f in c.flashcards)


def test_a_person_in_apposition_is_no_term():
    c = _content(
        "The reproducibility crisis",
        [
            "The reproducibility crisis was predicted by John Ioannidis, a physician from Stanford who wrote a paper in "
            "2005 about published research findings.",
            "Many published findings could not be reproduced when other laboratories repeated the original studies.",
        ],
    )
    assert not any("Ioannidis" in f.front for f in c.flashcards)
    assert c.definition is None or "Ioannidis" not in c.definition.text


def test_title_terms_of_kinds_and_examples():
    assert title_terms("Types of Plans") == ["Plans"]
    assert title_terms("Example: Bond order") == ["Bond order"]


def test_a_kind_of_the_title_term_is_not_the_topics_definition():
    c = _content(
        "Types of Plans",
        [
            "Strategic plans are plans that apply to the entire organization and establish the organization's overall goals.",
            "Directional plans are flexible plans that set out general guidelines.",
            "Top managers write strategic plans for the whole organization.",
            "Strategic plans usually cover a time frame of three years or more.",
        ],
        SourceKind.SLIDES,
    )
    assert c.definition is None
    assert any(f.front == "What are strategic plans?" for f in c.flashcards)  # still a card


def test_front_matter_defines_no_term_and_its_keywords_are_no_card():
    c = _content(
        "Abstract",
        [
            "The posterior mean is a weighted average of the prior mean and the mean of the data.",
            "When you use a flat prior, the posterior mean is pretty much equal to the mean of the data.",
            "Keywords: hedging hyperprior; informative prior distributions; Markov Chain Monte Carlo; patient accrual.",
        ],
    )
    assert c.definition is None
    assert not any("keyword" in f.front.casefold() for f in c.flashcards)


def test_a_term_that_leans_on_context_is_not_the_definition():
    c = _content(
        "Simulating Gaussian random fields",
        [
            "The remaining integral is the Fourier transform of the covariance function, which defines the power spectrum.",
            "Gaussian random fields are the starting point for all cosmological simulations.",
        ],
    )
    assert c.definition is None or "remaining integral" not in c.definition.text


def test_a_review_slide_defines_the_term_it_is_about():
    mbo = (
        "MBO (management by objectives) is a process of setting mutually agreed-upon goals and using those goals to "
        "evaluate employee performance."
    )
    c = _content(
        "Review Learning Outcome 8.3",
        [mbo, "Managers scan the environment to do a better analysis of the external environment.", mbo],
        SourceKind.SLIDES,
    )
    assert c.definition is not None and c.definition.text.startswith("MBO (management by objectives) is a process")
    on_it = [f for f in c.flashcards if f.source.quote == mbo]
    assert [f.front for f in on_it] == ["What is MBO?"]  # no blank on the same sentence beside its card


def test_takeaway_titles_name_the_point_not_a_bare_noun():
    c = _content(
        "Lewis dots",
        [
            "Lewis dot symbols help depict the valence electrons of the atoms involved.",
            "Each dot represents a valence electron of the atom.",
            "Electrons in the outer shell determine how an atom bonds with other atoms.",
            "Atoms gain, lose or share electrons until their valence shell is full.",
            "Noble gases rarely form chemical bonds because their valence shells are full.",
        ],
    )
    titles = [k.title for k in c.key_takeaways]
    assert not any(len(t.split()) == 1 for t in titles)  # not "Electrons", "Dots", "Atoms"
    # issue 17 (teacher, set F): a title that restates its sentence names no point; an honest empty section instead
    assert "Each dot represents a valence electron of the atom" not in titles


def _sentence(text: str) -> Sentence:
    return Sentence(text, Block(text), 0, True)


def test_point_titles_from_the_parse():
    assert point_title(_sentence("Noble gases rarely form bonds because their valence shells are full.")) == (
        "Why noble gases rarely form bonds"
    )
    assert point_title(_sentence("Electronegativity increases across a period and decreases down a group.")) == (
        "Electronegativity increases across a period"
    )
    # the subject leans on context, needs its rest, or the sentence is a case's number: no title from it
    assert point_title(_sentence("The authors attempt to distinguish between two competing explanations.")) is None
    assert point_title(_sentence("Distance between the prime and the target verb was considered in the analysis.")) is None
    assert point_title(_sentence("The fee is 80 British Pounds per participant.")) is None
    assert point_title(_sentence("Train and validation scores are low.")) is None  # not "Train are low"
    assert point_title(_sentence("Explicit memory is divided into episodic memory and semantic memory.")) is None
    assert point_title(_sentence("The SI unit of force is the newton (N) in every textbook.")) is None
    # a genus is kept whole, never cut to "Magnification is the process"
    assert point_title(_sentence("Magnification is the process of enlarging an object in appearance.")) == (
        "Magnification is the process of enlarging an object in appearance"
    )


def test_an_enumeration_gives_a_card_with_its_items():
    c = _content(
        "Management by objectives",
        [
            "MBO programs have four elements: goal specificity, participative decision making, an explicit time period, "
            "and performance feedback.",
            "Our memory has three basic functions: encoding, storing, and retrieving information.",
        ],
    )
    fronts = {f.front: f.back for f in c.flashcards}
    assert fronts.get("What are the four elements of MBO programs?") == (
        "Goal specificity; Participative decision making; An explicit time period; Performance feedback."
    )
    assert not any("functions of" in f for f in fronts)  # "Our memory": the subject leans on its context


def test_one_definition_finder_feeds_the_naming_questions():
    from seekh_convert.generate.offline.analysis import analyse
    from seekh_convert.generate.offline.naming import topic_definitions

    title = "Signs of death"
    texts = [
        "Rigor mortis: temporary stiffening of muscles after death.",
        "Dependent lividity: red or purple color on the parts of the body that are closest to the ground.",
        "Putrefaction: decomposition of body tissues that begins some days after death.",
    ]
    blocks = [Block(title, BlockKind.HEADING, level=1, section=title, page=1)]
    blocks += [Block(t, section=title, page=1 + i) for i, t in enumerate(texts)]
    doc = Document(path=Path("notes.pptx"), kind=SourceKind.SLIDES, title="Notes", blocks=blocks)
    doc.topics = [Topic(1, title, blocks)]
    stems = {n.stem: n.term for n in topic_definitions(analyse(doc, doc.topics[0]), 0)}
    assert stems.get("Which term refers to temporary stiffening of muscles after death?") == "rigor mortis"


def test_a_topic_about_its_title_term_gets_no_other_terms_definition():
    c = _content(
        "Lewis dots and structures",
        [
            "Chemical bonds refer to the attraction between atoms of specific elements, allowing the formation of "
            "chemical compounds.",
            "Lewis dots help depict the valence electrons of the atoms involved in chemical bonds.",
            "Each atom is drawn with its Lewis dots around the symbol of the element.",
        ],
    )
    assert c.definition is None  # not "Chemical bonds refer to ..."
    assert any("chemical bonds" in f.front.casefold() for f in c.flashcards)  # still a card


def test_a_review_title_repeated_on_its_slides_is_no_term():
    texts = ["Review Learning Outcome 8.2", "Plans are documents that outline how goals are going to be met."]
    c = _content("Review Learning Outcome 8.2", [*texts, *texts], SourceKind.SLIDES)
    assert c.definition is not None and c.definition.text.startswith("Plans are documents")
