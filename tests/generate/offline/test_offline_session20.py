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
