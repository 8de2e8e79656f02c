"""Relay run 23 (2026-12-05): Pythagorean-triples captions. A cloze whose back gives the term, a full stop and then
more ("lattice points. A Pythagorean triple corresponds to ...") was dropped as "the back must be the short term that
fills the gap": the term ends at the full stop, and the rest is the model's explanation. A back that explains past
its term is what the prompt asks for ("a short back that says more than the front's own words"): the deck's teacher
kept all eight such cards the gate had noted, so it is no finding at all."""

from __future__ import annotations

from pathlib import Path

from seekh_convert.check.checker import ItemChecker, for_model_drafts
from seekh_convert.check.items import Item
from seekh_convert.model.document import Block, Document, SourceKind, Topic
from seekh_convert.model.findings import Reason
from seekh_convert.model.guide import Flashcard, SourceRef

SAID = (
    "Among all of the points on the plane with integer coordinates, that is, all of these lattice points where grid "
    "lines cross, which ones are a whole number distance away from the origin?"
)


def _check(back: str):
    blocks = [Block(SAID, start=122.0, end=157.0)]
    doc = Document(path=Path("triples.srt"), kind=SourceKind.TRANSCRIPT, title="Triples", sha256="0" * 64, blocks=blocks)
    doc.topics = [Topic(1, "Pythagorean triples", blocks)]
    card = Flashcard(
        kind="cloze",
        front="Points on the plane with integer coordinates, where the grid lines cross, are called _____ points.",
        back=back,
        source=SourceRef(quote=SAID, start=122.0, end=157.0),
    )
    return ItemChecker(doc.topics[0], doc, for_model_drafts(None)).check(Item("flashcards", 0, card))


def test_a_cloze_back_whose_term_ends_at_a_full_stop_is_kept_as_written() -> None:
    outcome = _check("lattice points. A Pythagorean triple corresponds to a lattice point a whole-number distance away.")
    assert outcome.model is not None and outcome.model.back.startswith("lattice points. A Pythagorean")
    assert [f.reason for f in outcome.findings] == []


def test_a_back_that_explains_past_its_term_is_no_finding() -> None:
    outcome = _check("lattice, so a Pythagorean triple is a lattice point at a whole-number distance from the origin.")
    assert outcome.model is not None and not outcome.findings


def test_a_back_of_sentences_that_never_name_the_gap_still_drops() -> None:
    outcome = _check("They are the places the grid lines cross. Every Pythagorean triple gives one of them at a whole distance.")
    assert outcome.model is None
    assert [f.reason for f in outcome.findings if f.action == "dropped"] == [Reason.CLOZE_MISMATCH]
