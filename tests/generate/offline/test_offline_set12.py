"""Offline set 12 (2026-12-05, six documents judged by teachers): cards the teachers dropped that a pattern made.
"What are schools?" answered "Schools: a highly controversial topic in itself" (a remark is no definition); a blank
whose answer's initials stand in the stem ("for every CPS student" -> Chicago Public Schools); a blank in the rest
of a formula's sentence ("Where the lowercase u1 and u2 represent the _____ ...")."""

from __future__ import annotations

from pathlib import Path

from seekh_convert.generate.offline import OfflineEngine
from seekh_convert.generate.offline.cards import cloze_leans, gives_away
from seekh_convert.generate.offline.glosses import remark
from seekh_convert.pipeline import load_document
from seekh_convert.text import parse

POLICY = """# Public policies to reduce discrimination

Affirmative action is the name given to active efforts by government or businesses that give special rights to
minorities in hiring and promotion to make up for past discrimination. Part of the answer to this issue involves
finding ways to improve the performance of schools, which is a highly controversial topic in itself. The Civil Rights
Act of 1964 prohibits employment discrimination based on race, color, religion, sex, or national origin. The Equal
Employment Opportunity Commission investigates complaints of discrimination and can take employers to court. Many
states have passed laws that require equal pay for equal work, and the federal government enforces them in its own
hiring. Economists still debate how much these laws narrowed the earnings gap between groups of workers over time.
"""


def test_a_remark_on_a_term_is_no_definition_of_it(tmp_path: Path) -> None:
    assert remark(parse.parse("a highly controversial topic in itself"))
    assert not remark(parse.parse("a topic of study that asks how people choose"))
    assert not remark(parse.parse("an area of the brain that stores memories"))
    (tmp_path / "policy.md").write_text(POLICY)
    doc = load_document(tmp_path / "policy.md")
    fronts = [c.front for t in doc.topics for c in OfflineEngine().content(t, doc).flashcards]
    assert not any("school" in f.lower() for f in fronts), fronts
    assert any("affirmative action" in f.lower() for f in fronts), fronts  # the real definition still makes a card


def test_a_stem_that_spells_the_answers_initials_gives_it_away() -> None:
    stem = (
        "_____ made available a database of the test answers for every CPS student from third grade through seventh "
        "grade from 1993 to 2000."
    )
    assert gives_away(stem, "Chicago Public Schools")
    assert not gives_away("The _____ of 1964 prohibits employment discrimination based on race.", "Civil Rights Act")


def test_the_rest_of_a_formulas_sentence_takes_no_blank() -> None:
    assert cloze_leans("Where the lowercase u1 and u2 represent the total utilities of the first and second units.")
    assert not cloze_leans("Where do plants store the sugar they make?")


def test_a_case_under_a_label_is_no_definition_of_the_label() -> None:
    """Offline set 13 (environmental-policy notes): "What is public law?" keyed "National Environmental Policy Act",
    five such wrong keys; the example under a label names one case, not the class."""
    from seekh_convert.generate.offline.glosses import instance

    for case in (
        "National Environmental Policy Act",
        "Sierra Club’s position statement against genetically engineered trees",
        "Whichever alternative that all parties involved can agree on",
        "Recovery policies, climate change research",
        "Second child allowed after 5 years of first child",
    ):
        assert instance(parse.parse(case)), case
    for definition in ("A measurement for the amount of a substance", "Part of the property rights of an owner"):
        assert not instance(parse.parse(definition)), definition


SOCIALIZATION = """# Socialization

According to (Maanen and Schein 1979), socialization is defined as “the process by which an individual acquires the
social knowledge and skills necessary to assume an organizational role.” Newcomers learn the norms of their new
workplace from peers, supervisors and formal training. Socialization happens in stages, from anticipation before
joining to the metamorphosis of a full member. Organizations that plan the stages keep their newcomers longer, and the
newcomers report clearer roles and less stress in their first year at work than those left to find their own way.
"""


def test_a_definition_its_authors_give_is_the_topics_definition(tmp_path: Path) -> None:
    (tmp_path / "socialization.md").write_text(SOCIALIZATION)
    doc = load_document(tmp_path / "socialization.md")
    content = OfflineEngine().content(doc.topics[0], doc)
    assert content.definition is not None and "socialization is defined as" in content.definition.text


def test_a_box_label_is_no_term() -> None:
    """Offline set 13 (a pharmacy workbook): "What is Practice Problem?" -> "A physician orders azithromycin ..."."""
    from seekh_convert.generate.offline.glosses import _term_ok

    assert not _term_ok("Practice Problem") and not _term_ok("Worksheet 9-2")
    assert _term_ok("percentage strength")


def test_a_link_names_the_term_as_the_source_writes_it() -> None:
    """Offline set 12: "Species abundance distributions builds on rapoport's rule, introduced here"."""
    from types import SimpleNamespace

    from seekh_convert.generate.offline.links import _as_written

    opening = SimpleNamespace(text="Rapoport’s rule argues that ranges are smaller near the equator.")
    term = SimpleNamespace(text="rapoport’s rule", mentions=[opening])
    assert _as_written(term, opening) == "Rapoport’s rule"  # a name's possessive keeps its capital
    later = SimpleNamespace(text="Tests of Natural selection use range data.")
    plain = SimpleNamespace(text="natural selection", mentions=[later])
    assert _as_written(plain, SimpleNamespace(text="Natural selection acts on heritable traits.")) == "Natural selection"
    lone = SimpleNamespace(text="natural selection", mentions=[])
    assert _as_written(lone, SimpleNamespace(text="Natural selection acts on heritable traits.")) == "natural selection"
