"""A guide whose title's term nothing else defines takes its Definition from a card that says what the term is
(teacher set K: three guides said "the source gives no definition" above a card that gave one)."""

from __future__ import annotations

from seekh_convert.generate.offline.pool import card_definitions
from seekh_convert.model.guide import Flashcard, SourceRef


def _card(kind: str, front: str, back: str, quote: str) -> Flashcard:
    return Flashcard(kind=kind, front=front, back=back, source=SourceRef(quote=quote, slide=12))


def test_a_card_on_the_title_term_gives_the_definition_and_a_side_sentence_does_not():
    provider = _card(
        "cloze",
        "A _____ manages a shared set of app data.",
        "content provider",
        "A content provider manages a shared set of app data.",
    )
    [definition] = card_definitions([provider], "Content Provider")
    assert definition.text == "A content provider manages a shared set of app data." and definition.source.slide == 12
    locus = "The heterozygosity of a locus is the complement (in probability space) of homozygosity."
    [definition] = card_definitions([_card("basic", "What is the heterozygosity of a locus?", locus, locus)], "Heterozygosity")
    assert definition.text == locus
    aside = "To translate a real-world problem into one that can be solved by an algorithm, there are two interrelated tasks."
    assert (
        card_definitions(
            [_card("cloze", aside.replace("an algorithm", "an _____"), "algorithm", aside)], "Data structures and algorithms"
        )
        == []
    )
    negated = "A service does not provide a user interface of its own."
    assert card_definitions([_card("cloze", negated.replace("service", "_____"), "service", negated)], "Service") == []
    assert card_definitions([provider], "Broadcast Receiver") == []  # another topic's term
