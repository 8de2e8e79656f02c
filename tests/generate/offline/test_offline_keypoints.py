"""Issue 17 (teacher, set I: Key Takeaways empty in 13 of 14 topics although the sources state their points): key
takeaways from the source's stated laws, rules and findings, titled by the point they make; none from a sentence that
leans on its context, an example or a bare label."""

from __future__ import annotations

import asyncio
from itertools import zip_longest
from pathlib import Path

from seekh_convert.generate.offline import OfflineEngine
from seekh_convert.generate.offline.sentences import topic_sentences
from seekh_convert.generate.offline.summarize import _point
from seekh_convert.model.document import Block, BlockKind, Document, SourceKind, Topic

_LAWS = [
    "The laws of thermodynamics describe how energy and entropy behave in systems at thermal equilibrium.",
    "0th Law: If two systems are both in thermal equilibrium with a third system, then they are in thermal equilibrium "
    "with each other.",
    "Temperature is what a thermometer measures once a system has reached thermal equilibrium with its surroundings.",
    "1st Law: In a closed system, the change in internal energy equals the heat supplied to the system minus the work "
    "done by the system.",
    "Entropy is a measure of the number of microstates that are accessible to a system with a given energy.",
    "3rd Law: A system's entropy approaches a constant value as its temperature approaches absolute zero.",
    "Example: Two cups of coffee left on a table both reach the temperature of the room after an hour.",
    "These systems exchange energy until their temperatures are equal.",
]


def _doc(title: str, texts: list[str]) -> Document:
    blocks = [Block(title, BlockKind.HEADING, level=1, section=title)] + [Block(t, section=title) for t in texts]
    doc = Document(path=Path("notes.pdf"), kind=SourceKind.MARKDOWN, title=title, blocks=blocks)
    doc.topics = [Topic(1, title, blocks)]
    return doc


def test_labelled_laws_are_takeaways_titled_by_their_labels_in_source_order():
    content = asyncio.run(OfflineEngine().generate(_doc("Laws of thermodynamics", _LAWS).topics[0], _doc("x", _LAWS))).content
    titles = [t.title for t in content.key_takeaways]
    laws = [t for t in titles if t.endswith("Law")]
    assert laws == ["0th Law", "1st Law", "3rd Law"], titles
    by_title = {t.title: t for t in content.key_takeaways}
    assert by_title["0th Law"].importance.value == "high"
    assert by_title["3rd Law"].text.startswith("3rd Law: A system's entropy approaches")
    quotes = [t.source.quote for t in content.key_takeaways]
    assert not any(q.startswith(("Example:", "These systems")) for q in quotes), quotes


def _titles(texts: list[str]) -> dict[str, str | None]:
    sentences = topic_sentences([Block(t, section="Notes") for t in texts])
    return {s.text: _point(s, {"foreign key", "functional bass"}) for s in sentences}


def test_titles_name_the_point_of_rules_purposes_lists_and_uses_and_never_lean_on_context():
    titles = _titles([
        "The general rule is that the heat capacity of a material is the number of degrees of freedom per particle times kB/2.",
        "A foreign key exists primarily so that a relationship can be built by the DBMS at the time of retrieval.",
        "Tonic's characteristic scale degrees are 1, 3, 5, 6, and 7.",
        "However, functional bass can be helpful for identifying categories of chords that belong together.",
        "A partial dependency would exist if a non-key attribute were dependent on only one of the attributes of the key.",
        "An atom achieves an octet by losing, gaining, or sharing electrons depending on the number of its valence electrons.",
        "As per the octet rule, C needs four electrons and O needs two electrons to achieve the electron configuration of neon.",
        "The rule is that it holds for these systems only when they are isolated from each other.",
        "Their characteristic scale degrees are 1, 2, 3, 4, 5, and 6 in the major mode.",
        "This chord can be helpful for identifying categories of chords that belong together.",
        "Short-term plans cover one year or less.",
        "Information should be shared only with other medical personnel who are directly involved in the patient's care.",
        "Emergency treatment must wait until a patient or legal guardian consents to treatment.",
        "If a particular blogger writes a particularly interesting story, more and more people link to that story.",
        "The Causbys were just farmers who owned a small piece of land.",
        "Where EU law and UK law conflict with each other, EU law takes precedence over the law of the member state.",
    ])  # fmt: skip
    assert list(titles.values()) == [
        "General rule for the heat capacity of a material",
        "Why a foreign key exists",
        "Tonic's characteristic scale degrees",
        "What functional bass can be helpful for",
        "When a partial dependency would exist",
        "An atom achieves an octet",  # not "Atom achieves an octet"
        None,  # "C needs four electrons": a symbol names nothing
        None,  # the clause leans on its context ("it", "these systems")
        None,
        None,
        None,  # a title would restate or cut the sentence
        None,  # "shared with other medical personnel" drops "only"
        None,  # "a patient guardian" cuts "a patient or legal guardian" in two
        None,  # the point holds only on its condition
        None,  # a story's past, not what something is
        None,  # "EU law takes precedence" holds only where the two conflict
    ]


_SUMMARY_LEANS = [
    "The orange portion of some of the bars shows consumer surplus.",
    "As before, the vertical axis measures willingness to pay, while the horizontal axis measures quantity.",
    "Quinn uses the special functional label Tx, rather than simply T, for this chord.",
    "What follows simply explains how to determine the function of a chord in common-practice music.",
    "The information about the skiing activity still exists in the table of the sports centre.",
    "The way to do this is through integrity constraints on the tables of the sports centre.",
]
_SUMMARY_STANDS = [
    "Consumer surplus provides a measure of total consumer welfare at any quantity of the good.",
    "The difference between willingness to pay and the actual price is consumer surplus.",
    "Producer surplus measures the total welfare of producers at a given quantity of the good.",
]


def test_summary_leaves_out_figure_narration_and_demonstratives_without_their_noun():
    texts = [x for pair in zip_longest(_SUMMARY_LEANS, _SUMMARY_STANDS) for x in pair if x]
    doc = _doc("Consumer surplus", texts)
    summary = asyncio.run(OfflineEngine().generate(doc.topics[0], doc)).content.summary
    quotes = [s.source.quote for s in summary.sentences]
    assert not set(quotes) & set(_SUMMARY_LEANS), quotes
    assert len(set(quotes) & set(_SUMMARY_STANDS)) >= 2, quotes
