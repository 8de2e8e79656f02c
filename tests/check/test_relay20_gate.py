"""Relay run 20 (set X, 2026-12-05): a digital-logic deck on gates. A cloze filled by the plain word "even" was no
term; cards on the NOR and the AND gate were one card across the run. Each beside the defect still caught."""

from __future__ import annotations

from pathlib import Path

from gate_samples import clean_guide, with_items

from seekh_convert.check.answer_keys import check_cloze
from seekh_convert.check.checker import GateSettings, ItemChecker, for_model_drafts
from seekh_convert.check.duplicates import RunDeduplicator
from seekh_convert.check.items import Item
from seekh_convert.model.document import Block, BlockKind, Document, SourceKind, Topic
from seekh_convert.model.findings import Reason, TopicQuality
from seekh_convert.model.guide import Flashcard, GuideContent, SourceRef
from seekh_convert.text.words import content_stems

XNOR = "When the number of 1’s is even the output is high and when the number of 1’s is odd the output is low."
AND = "AND Gate Operation: An AND gate produces a HIGH output only when all the inputs are HIGH."
NOR = "A NOR gate produces a LOW output when any of its inputs is HIGH. Only when all of its inputs are LOW is the output HIGH."


def test_a_plain_word_the_quote_says_fills_a_cloze_gap() -> None:
    blocks = [
        Block("XNOR Gate (cont.)", slide=30, section="XNOR Gate (cont.)", kind=BlockKind.HEADING),
        Block(XNOR, slide=30, section="XNOR Gate (cont.)"),
    ]
    doc = Document(path=Path("gates.pptx"), kind=SourceKind.SLIDES, title="Gates", sha256="0" * 64, blocks=blocks)
    doc.topics = [Topic(1, "XNOR gate: three inputs and their outputs", blocks)]
    checker = ItemChecker(doc.topics[0], doc, for_model_drafts(None))
    front = "A three-input XNOR gate outputs HIGH when the number of 1s at its inputs is _____."
    card = Flashcard(kind="cloze", front=front, back="even", source=SourceRef(quote=XNOR, slide=30))
    for back in ("even", "even (an odd number of 1s gives a LOW output)"):
        outcome = checker.check(Item("flashcards", 0, card.model_copy(update={"back": back})))
        assert outcome.model is not None and outcome.model.back == back, outcome.findings
    wrong = card.model_copy(update={"back": "seven"})  # a word the quote does not say
    assert [r for r, _ in check_cloze(wrong, set(content_stems(XNOR)))] == [Reason.CLOZE_MISMATCH]
    assert checker.check(Item("flashcards", 0, wrong)).model is None


def _guide(cards: list[tuple[str, str, str]]) -> GuideContent:
    return with_items(
        clean_guide(), flashcards=[Flashcard(kind="basic", front=f, back=b, source=SourceRef(quote=q)) for f, b, q in cards]
    )


def _run(settings: GateSettings) -> list[tuple[str, str]]:
    dedup = RunDeduplicator()
    dedup.apply(
        _guide([("Under what condition is the output of an AND gate HIGH?", "Only when all of its inputs are HIGH.", AND)]),
        TopicQuality(),
    )
    quality = TopicQuality()
    later = [
        ("When is the output of a NOR gate HIGH?", "Only when all of its inputs are LOW.", NOR),
        ("Under what condition is the output of an AND gate HIGH?", "When every input is HIGH.", AND),
        ("What does a NOR gate output when any input is HIGH?", "LOW.", NOR),
    ]
    dedup.apply(_guide(later), quality, settings)
    return [
        (f.action, f.detail) for f in quality.findings if f.reason is Reason.DUPLICATE_ACROSS_RUN and f.section == "flashcards"
    ]


def test_a_card_only_like_one_of_an_earlier_guide_is_noted_on_a_models_drafts_the_same_prompt_drops() -> None:
    near, same = _run(for_model_drafts(None))
    assert near[0] == "noted" and same[0] == "dropped"
    assert [action for action, _ in _run(GateSettings())] == ["dropped", "dropped"]  # the offline engine's run
