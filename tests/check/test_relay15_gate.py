"""Relay run 15 (set S, 2026-12-05): a Boolean-algebra deck and algorithms scribe notes; the model's sound items the
gate dropped. Complements written with a prime, a cloze back whose explanation holds "and", one question asked of
two terms, a subscript the PDF wrote with a comma; each beside the defect the check still catches."""

from __future__ import annotations

from pathlib import Path

from seekh_convert.check.checker import ItemChecker, _cloze_term, for_model_drafts
from seekh_convert.check.duplicates import within_guide
from seekh_convert.check.items import Item
from seekh_convert.model.answers import duplicate_options
from seekh_convert.model.document import Block, Document, SourceKind, Topic
from seekh_convert.model.findings import Reason
from seekh_convert.model.guide import Flashcard, ShortAnswer, SourceRef

QUOTE = SourceRef(quote="The complement of a sum of variables is equal to the product of the complements.", slide=23)


def test_options_apart_by_a_prime_are_two_answers() -> None:
    assert duplicate_options(["A’B’", "A’ + B’", "AB", "A + B’"]) is None
    assert duplicate_options(["(AB)'", "AB", "A + B", "A'B"]) is None
    # still caught: the same expression twice
    assert duplicate_options(["A’ + B’", "A’ +  B’", "AB", "A + B"]) is not None


def test_a_cloze_back_explaining_with_and_is_no_list() -> None:
    card = Flashcard(
        kind="cloze",
        front="The _____ law says that how variables are grouped makes no difference.",
        back="associative — e.g. A + (B + C) = (A + B) + C and (A.B).C = A.(B.C)",
        source=QUOTE,
    )
    assert _cloze_term(card) == "associative"
    listed = card.model_copy(update={"back": "commutative, associative and distributive"})
    assert _cloze_term(listed) is None


def _card(index: int, front: str, back: str) -> Item:
    return Item("flashcards", index, Flashcard(kind="basic", front=front, back=back, source=QUOTE))


def test_one_question_asked_of_two_terms_is_two_cards() -> None:
    pairs = [
        (
            _card(0, "Which logic operation produces a sum term in a circuit?", "OR alone, with no AND operations (A + B’ + C)."),
            _card(1, "Which logic operation produces a product term in a circuit?", "AND alone, with no OR operations (ABC)."),
        ),
        (
            _card(
                0, "According to DeMorgan’s first theorem, what is the complement of a product?", "The sum of the complements."
            ),
            _card(
                1, "According to DeMorgan’s second theorem, what is the complement of a sum?", "The product of the complements."
            ),
        ),
    ]
    for first, second in pairs:
        assert within_guide([first, second]) == [], first.model.front
    # still caught: one question asked twice, its answer led by the same word
    again = _card(1, "Which logic operation produces a sum term in circuits?", "OR alone, with no AND operations involved.")
    assert within_guide([pairs[0][0], again]) != []


def test_a_subscript_the_pdf_wrote_with_a_comma_supports_x_ij() -> None:
    text = "These IPs can be relaxed to LPs. max sum of xi,j subject to xi,j ≥ 0 (ui, vj ) ∈ E for every edge."
    blocks = [Block(text, page=1, section="Online Bipartite Matching")]
    doc = Document(path=Path("notes.pdf"), kind=SourceKind.PDF, title="Notes", sha256="0" * 64, blocks=blocks)
    doc.topics = [Topic(1, "Online Bipartite Matching", blocks)]
    checker = ItemChecker(doc.topics[0], doc, for_model_drafts(None))
    question = ShortAnswer(
        question="In the LP relaxation of bipartite matching, what is the sign constraint on each edge variable x_ij?",
        answer="x_ij ≥ 0",
        accept=["x_ij ≥ 0", "xij ≥ 0", "nonnegative"],
        explanation="Relaxing the integer program replaces 0/1 variables with real variables x_ij ≥ 0.",
        source=SourceRef(quote="These IPs can be relaxed to LPs.", page=1),
    )
    assert checker.check(Item("questions", 0, question)).model is not None
    # still caught: a bound the notes never write
    other = question.model_copy(update={"answer": "x_ij ≥ 5", "accept": ["x_ij ≥ 5"]})
    assert Reason.UNSUPPORTED in {f.reason for f in checker.check(Item("questions", 0, other)).findings}


def test_a_logic_operators_name_opens_a_text() -> None:
    from seekh_convert.text.standalone import dangling_opening

    assert dangling_opening("OR alone, with no AND operations involved (e.g. A + B’ + C).") is None
    assert dangling_opening("AND gates output 1 only when every input is 1.") is None
    # still caught: the connective in sentence case
    assert dangling_opening("Or it may fail when both inputs change.") == "Or"


def test_a_cloze_backs_term_before_an_explanation_in_brackets_a_gloss_is_part_of_it() -> None:
    card = Flashcard(
        kind="cloze",
        front="A _____ is added so that every block holds an even number of 1s.",
        back="parity bit (set to 1 when the other bits hold an odd number of 1s, otherwise left at 0)",
        source=QUOTE,
    )
    assert _cloze_term(card) == "parity bit"
    glossed = card.model_copy(update={"back": "Coordinated Universal Time (UTC)"})
    assert _cloze_term(glossed) is None


def test_odd_and_even_tell_two_options_apart() -> None:
    from seekh_convert.check.answer_keys import _overlapping_options

    options = [
        "Exactly one bit is wrong",
        "No bits are wrong",
        "An odd number of bits are wrong",
        "An even number of bits are wrong",
    ]
    assert _overlapping_options(options) is None
    # still caught: one option inside another
    assert _overlapping_options(["A parity check", "A parity check on every row", "A checksum", "A repeated copy"]) is not None


def test_a_number_picked_among_the_questions_own_options_is_its_case() -> None:
    from seekh_convert.model.guide import MultipleChoice

    said = [
        "Having them sit in positions which are powers of 2 allows for something that's really elegant by the end.",
        "In a block of 16 bits, 4 of them are special bits and the other 11 carry the message.",
    ]
    blocks = [Block(t, start=288.0 + 10 * i, end=297.0 + 10 * i) for i, t in enumerate(said)]
    doc = Document(path=Path("hamming.srt"), kind=SourceKind.TRANSCRIPT, title="Hamming", sha256="0" * 64, blocks=blocks)
    doc.topics = [Topic(1, "Hamming codes", blocks)]
    checker = ItemChecker(doc.topics[0], doc, for_model_drafts(None))
    picked = MultipleChoice(
        question="In a 16-bit block with positions numbered 0 to 15, which of these positions holds a special bit?",
        options=["Position 3", "Position 6", "Position 8", "Position 12"],
        answer_index=2,
        explanation="The special bits sit at positions that are powers of 2, and 8 is the only power of 2 among the options.",
        source=SourceRef(quote=said[0], start=288.0, end=297.0),
    )
    assert checker.check(Item("questions", 0, picked)).model is not None
    # still caught: the same number asked as a fact of the lecture
    asked = picked.model_copy(update={"question": "At which position does a 16-bit block hold its last special bit?"})
    assert Reason.UNSUPPORTED in {f.reason for f in checker.check(Item("questions", 0, asked)).findings}
