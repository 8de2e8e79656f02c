"""Issue 17: slide bullets seldom end in a full stop. A bullet that is a whole clause with a subject is a sentence
items may quote; a definition leading into its example ("... all of the same type:") is one without its colon.
Verbless bullets, instructions, leads announcing a list and sentences a line break cut stay out. Bullets verbatim
from the judged R deck (set O: MenonLab/GenomicsNeuroscience Lecture1_Coding_in_R.pptx, 4 items from 16 slides
before) and the corpus decks."""

from __future__ import annotations

import asyncio
from pathlib import Path

from seekh_convert.generate.offline import OfflineEngine
from seekh_convert.model.document import Block, BlockKind, Document, SourceKind, Topic


def _bullet(text: str, slide: int, level: int = 1) -> Block:
    return Block(text, BlockKind.LIST_ITEM, slide=slide, bullet=level)


_DECK = [
    Block("Vectors", BlockKind.HEADING, level=2, slide=6),
    _bullet("A vector is an ordered set of elements, all of the same type:", 6),
    _bullet("To create a vector in R, use the c() command:", 6),
    _bullet("R will automatically force all elements of a vector to be the same type (defaulting to a string)", 6),
    Block("Data frames (in R)", BlockKind.HEADING, level=2, slide=8),
    _bullet("Data frames are a special type of Matrix (2-D array)", 8),
    _bullet("The main advantage of data frames is that each column can contain a different data type (unlike arrays)", 8),
    Block("Ways data can be structured", BlockKind.HEADING, level=2, slide=5),
    _bullet("One dimensional (e.g. a single feature across multiple objects)", 5, 2),
    _bullet("Numbers have two main types:", 5),
    _bullet("The 5 common notions have  logical base – for example \nx=y ⇒ x+z = y+z for all numbers z", 5),
]


def _content(blocks: list[Block]):
    title = "Vectors and data frames"
    head = [Block(title, BlockKind.HEADING, level=1, section=title, slide=6)]
    for b in blocks:
        b.section = title
    doc = Document(path=Path("deck.pptx"), kind=SourceKind.SLIDES, title="Intro to R", blocks=head + blocks)
    doc.topics = [Topic(1, title, head + blocks)]
    return asyncio.run(OfflineEngine().generate(doc.topics[0], doc)).content


def _quotes(content) -> list[str]:
    items = [*content.flashcards, *content.questions, *content.key_takeaways, *content.summary.sentences]
    items += [content.definition] if content.definition else []
    return [i.source.quote for i in items]


def test_a_bullet_that_is_a_clause_is_quoted_without_a_full_stop():
    c = _content(_DECK)
    card = next(f for f in c.flashcards if f.front == "What is a vector?")
    assert card.back == "A vector is an ordered set of elements, all of the same type."
    assert card.source.quote == "A vector is an ordered set of elements, all of the same type"  # verbatim, no colon
    assert card.source.slide == 6
    assert any(q.startswith("Data frames are a special type of Matrix") for q in _quotes(c))
    # the item text ends in a full stop even when the bullet ends on a bracket
    assert all(s.text.endswith((".", "?", "!")) for s in c.summary.sentences)


def test_phrases_instructions_list_leads_and_cut_sentences_stay_out():
    quotes = " ".join(_quotes(_content(_DECK)))
    for left_out in ("To create a vector", "One dimensional", "Numbers have two main types", "common notions"):
        assert left_out not in quotes, left_out


def _topic(title: str, blocks: list[Block]):
    head = [Block(title, BlockKind.HEADING, level=1, section=title, slide=12)]
    for b in blocks:
        b.section = title
    doc = Document(path=Path("deck.pptx"), kind=SourceKind.SLIDES, title="Python", blocks=head + blocks)
    doc.topics = [Topic(1, title, head + blocks)]
    return asyncio.run(OfflineEngine().generate(doc.topics[0], doc)).content


def test_what_a_heading_term_consists_of_is_a_card():
    """py4e slide 12: the Assignment Statements topic had no Definition and no card on its own term."""
    bullets = [
        _bullet("We assign a value to a variable using the assignment statement (=)", 12),
        _bullet(
            "An assignment statement consists of an expression on the right-hand side and a variable to store the result", 12
        ),
    ]
    c = _topic("Assignment Statements", bullets)
    card = next(f for f in c.flashcards if f.front == "What does an assignment statement consist of?")
    assert card.back.startswith("An assignment statement consists of an expression on the right-hand side")
    assert c.definition is not None and c.definition.text.startswith("An assignment statement consists of")
    # a subject that leans on its context is no card's question
    bullets[1] = _bullet("This assignment statement consists of an expression on the right-hand side and a variable", 12)
    fronts = [f.front for f in _topic("Assignment Statements", bullets).flashcards]
    assert not any("consist" in f for f in fronts), fronts


def test_the_title_terms_class_is_its_definition_before_another_terms_definition():
    """Set O's R deck: "Data frames (in R)" had the Definition "A vector is an ordered set of elements ..."."""
    deck = [Block(b.text, b.kind, slide=b.slide, bullet=b.bullet, level=b.level) for b in _DECK[:7]]
    c = _topic("Data frames (in R)", deck)
    assert c.definition is not None
    assert c.definition.text == "Data frames are a special type of Matrix (2-D array)."
    # a class that names nothing ("a type of thing") is no definition: the other term's stays
    deck[4] = _bullet("Data frames are a special type of thing", 8)
    c = _topic("Data frames (in R)", deck)
    assert c.definition is None or not c.definition.text.startswith("Data frames")
