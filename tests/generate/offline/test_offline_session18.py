"""The eighteenth session (2026-12-06), from the false "none"s of sets 27-31's Definition verdicts: a class narrowed
by a clause after "obligations or debts" or "persons and/or other entities" is a definition; a topic whose title
names no defined term takes the definition of the term it keeps coming back to."""

from __future__ import annotations

import pytest

from seekh_convert.text.grammar import definition_kind
from seekh_convert.text.parse import parse


def _guides(tmp_path, body: str):
    from seekh_convert.generate.offline import OfflineEngine
    from seekh_convert.pipeline import load_document

    (tmp_path / "notes.md").write_text(body)
    doc = load_document(tmp_path / "notes.md")
    return [OfflineEngine().content(t, doc) for t in doc.topics]


@pytest.mark.parametrize(
    ("sentence", "term", "kind"),
    [
        (
            "Liabilities are obligations or debts that an enterprise has to pay at some time in the future.",
            "Liabilities",
            "copula",
        ),
        (
            "Creditors are persons and/or other entities who have to be paid by an enterprise an amount for providing "
            "the enterprise goods and services on credit.",
            "Creditors",
            "copula",
        ),
        ("Accountability is a key obligation of good governance.", "Accountability", None),
        ("Latitude is a major driver of variation in species diversity.", "Latitude", None),
    ],
)
def test_a_role_or_an_alternative_class_narrowed_by_a_clause_defines(sentence, term, kind) -> None:
    """Set 31's NCERT accountancy chapter: "Liabilities" and "Creditors" said the source gives no definition."""
    assert definition_kind(parse(sentence), term) == kind


_OTHER = (
    "# Lifting Patients\n\nLifting a patient puts strain on the back. Responders bend at the knees and keep the load "
    "close to the body. A power grip uses the whole hand to hold the stretcher. Teams count aloud so that everyone "
    "lifts at the same moment.\n"
)


def _safety(title: str, extra: str = "") -> str:
    return (
        f"# {title}\n\nResponders meet many hazards at a scene. Bloodborne pathogens are infectious microorganisms in "
        "blood that can cause disease. Gloves protect the responder from bloodborne pathogens at every call. A "
        "responder who is exposed to bloodborne pathogens reports it to the medical director at once. Eye protection "
        f"keeps splashes away from the face. Hand washing after each call removes germs the gloves missed.{extra}\n\n" + _OTHER
    )


def test_a_topic_takes_the_definition_of_the_term_it_keeps_coming_back_to(tmp_path) -> None:
    """Set 31's "Methods of Disease Transmission (3 of 4)" said the source gives none next to a card defining
    bloodborne pathogens, the term the slides keep naming."""
    first = _guides(tmp_path, _safety("Field Safety"))[0]
    assert first.definition is not None and first.definition.text.startswith("Bloodborne pathogens are infectious")


@pytest.mark.parametrize(
    ("title", "extra"),
    [
        # the title's own term, named three times, is what the topic is about: a part of it is no definition of it
        (
            "Scene Hazards",
            " Scene hazards change during a call. Scene hazards are checked again on leaving. New scene hazards are reported.",
        ),
        # a second term as central as the first: neither is the topic's
        (
            "Field Safety",
            " Personal protective equipment is specialized clothing that a responder wears for protection against infection. Personal protective"
            " equipment includes gloves and masks. Personal protective equipment is replaced after each call.",
        ),
    ],
)
def test_no_side_term_is_the_topics_definition(tmp_path, title, extra) -> None:
    first = _guides(tmp_path, _safety(title, extra))[0]
    assert first.definition is None, first.definition
