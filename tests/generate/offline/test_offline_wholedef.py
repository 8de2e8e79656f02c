"""Issue 17 (teacher, set F): the topic's own term is defined where the source defines it in a shape the title-term
finders missed (a rule list after a colon, a role sentence, what a method does, a slide bullet naming its term
last), and each such definition is a card; praise and course talk are no definition. Each test plants both sides."""

from __future__ import annotations

import asyncio
from pathlib import Path

from seekh_convert.generate.offline import OfflineEngine
from seekh_convert.model.document import Block, BlockKind, Document, SourceKind, Topic


def _content(title: str, blocks: list, kind: SourceKind = SourceKind.MARKDOWN):
    head = [Block(title, BlockKind.HEADING, level=1, section=title, page=1)]
    rest = [b if isinstance(b, Block) else Block(b, section=title, page=1) for b in blocks]
    for b in rest:
        b.section = title
    doc = Document(path=Path("notes.md"), kind=kind, title="Notes", blocks=head + rest)
    doc.topics = [Topic(1, title, head + rest)]
    return asyncio.run(OfflineEngine().generate(doc.topics[0], doc)).content


def _item(text: str) -> Block:
    return Block(text, BlockKind.LIST_ITEM, page=1)


_TIDY = [
    "You can represent the same underlying data in multiple ways, and some of them are easier to work with than others.",
    "There are three interrelated rules that make a dataset tidy:",
    _item("Each variable is a column; each column is a variable."),
    _item("Each observation is a row; each row is an observation."),
    _item("Each value is a cell; each cell is a single value."),
    "Why ensure that your data is tidy? There are two main advantages:",
    _item("There is a general advantage to picking one consistent way of storing data."),
    _item("There is a specific advantage to placing variables in columns because R works on vectors."),
    "Most real analyses will require at least a little tidying before the data can be used.",
]


def test_a_rule_list_after_a_colon_defines_the_title_term_and_is_a_card():
    c = _content("Tidy data", _TIDY)
    assert c.definition is not None
    assert c.definition.text.startswith("Tidy data: There are three interrelated rules that make a dataset tidy:")
    assert "(3) Each value is a cell" in c.definition.text
    fronts = {f.front: f.back for f in c.flashcards}
    assert "What are the three interrelated rules that make a dataset tidy?" in fronts
    assert fronts["What are the three interrelated rules that make a dataset tidy?"].startswith("(1) Each variable is a column")
    # "There are two main advantages:" says of what only in the sentence before it: no card
    assert not any("advantages" in f for f in fronts)
    # a count that does not match the items is no rule list
    blocks = list(_TIDY)
    blocks[1] = "There are four interrelated rules that make a dataset tidy:"
    c = _content("Tidy data", blocks)
    assert not any("rules" in f.front for f in c.flashcards)
    assert c.definition is None or "rules" not in c.definition.text


_MISUSE = [
    "In the UK it is an offence to access any computer in order to obtain access to data where:",
    _item("access to the data is unauthorised"),
    _item("the offender knows that it is unauthorised"),
    "The offence is moderately serious, leading to a maximum prison sentence of two years in the courts of the UK.",
    "The take away lesson for licensing of open data on a website or otherwise on the internet is that:",
    _item("your licence should be clear about what kind of access is allowed"),
    _item("you can prevent particular people using your data by expressly prohibiting it in your licence"),
]


def test_an_offence_and_its_conditions_define_the_title_term():
    c = _content("Computer Misuse", _MISUSE, SourceKind.DOCX)
    assert c.definition is not None
    assert c.definition.text.startswith("Computer Misuse: In the UK it is an offence to access any computer")
    assert "(2) The offender knows that it is unauthorised." in c.definition.text
    assert " … " in c.definition.source.quote  # the lead and each condition, verbatim
    fronts = [f.front for f in c.flashcards]
    assert "When is it an offence, in the UK, to access any computer in order to obtain access to data?" in fronts
    assert not any("lesson" in f for f in fronts)  # a list without a rule or an offence is no definition


def test_a_role_sentence_defines_a_name_and_a_comment_about_one_does_not():
    texts = [
        "Hera is a funny one, and nobody in the class could say why she is so angry all the time.",
        "Hermes is the other favorite of Zeus, besides Athena, and he leads people from world to world.",
        "You should know these gods to follow the book. Hephaestus is the craftsman. He makes all the beautiful things. "
        "And the Homeric Greeks loved craftsmen.",
    ]
    c = _content("Hephaestus", texts, SourceKind.TRANSCRIPT)
    assert c.definition is not None and c.definition.text == "Hephaestus is the craftsman. He makes all the beautiful things."
    assert any(f.front == "Who is Hephaestus?" for f in c.flashcards)
    c = _content("Hera", texts, SourceKind.TRANSCRIPT)
    assert c.definition is None  # "a funny one" says nothing of what Hera is
    c = _content("Hermes", texts, SourceKind.TRANSCRIPT)
    assert c.definition is None and not any("Hermes" in f.front for f in c.flashcards)  # "the other favorite": context


def _slide(text: str, bullet: int = 1) -> Block:
    return Block(text, BlockKind.PARAGRAPH, slide=1, bullet=bullet)


def test_what_a_method_does_defines_it_and_what_it_needs_does_not():
    c = _content(
        "Least Recently Used (LRU) Algorithm (1)",
        [
            _slide("LRU picks the page that has not been used for the longest time"),
            _slide("Good approximation of OPT"),
            _slide("Needs a linked list and needs to update this linked list on every memory reference", 2),
        ],
        SourceKind.SLIDES,
    )
    assert c.definition is not None and c.definition.text.startswith("LRU picks the page that has not been used")
    assert any(f.front == "What does LRU do?" for f in c.flashcards)
    c = _content(
        "Least Recently Used (LRU) Algorithm (1)",
        [_slide("LRU needs a linked list of all pages in memory"), _slide("Good approximation of OPT")],
        SourceKind.SLIDES,
    )
    assert c.definition is None and not any(f.front == "What does LRU do?" for f in c.flashcards)


def test_a_bullet_naming_its_term_last_defines_the_title_term():
    c = _content(
        "Working Set Page Replacement (1)",
        [
            _slide("The set of pages a process currently using called working set"),
            _slide("This is called thrashing when it happens every few instructions"),
            Block("The idea that pages are kept in three lists is called the three-list model of memory.", slide=1),
            Block("Principle of locality: process references only a small fraction of its pages during each phase.", slide=1),
        ],
        SourceKind.SLIDES,
    )
    assert c.definition is not None and c.definition.text == "Working set: the set of pages a process currently using."
    assert any(f.front == "What is the working set?" for f in c.flashcards)
    assert not any("thrashing" in f.front.lower() for f in c.flashcards)  # "This is called ...": points back
    assert not any(f.back.endswith(" is.") for f in c.flashcards)  # "... is called X": a sentence, the glosses' own


def test_praise_and_course_talk_are_no_definition():
    praise = "Induction is a tremendously powerful proof technique that we'll use again and again in CS161."
    plain = "Induction is a proof technique that shows a claim holds for every integer from a base case and an inductive step."
    c = _content("Induction", [praise, "The first domino has to be knocked over before any other domino can fall."])
    assert c.definition is None
    assert not any(f.source.quote == praise for f in c.flashcards)
    c = _content("Induction", [plain, "The first domino has to be knocked over before any other domino can fall."])
    assert c.definition is not None and c.definition.text == plain
    aids = "Mnemonic devices are memory aids that help us organize information for encoding."  # "us": no course talk
    c = _content("Mnemonic devices", [aids, "The first letters of a list of words can be made into a new word."])
    assert c.definition is not None and c.definition.text == aids


def _entry(term: str, text: str) -> Block:
    return Block(text, BlockKind.GLOSSARY, slide=1, bullet=1, term=term)


def test_a_slides_term_entries_are_cards_and_labels_and_instructions_are_not():
    c = _content(
        "Linear models",
        [
            _slide("Linear models describe a response as a weighted sum of predictors plus an error term"),
            _entry("Reducible error", "variation in response that arises directly from causal predictors"),
            _entry("Drawback", "need search (slow) to find out available memory"),
            _entry("Task", "fit the following models to the training data"),
            _slide("First fit (searches from the beginning of the linked list)"),
            _slide("Best fit (take the smallest adequate hole, example fitting a process of size 2 into Fig 3-6)"),
            _slide("Page table (mapping function)"),
            _slide("Decision Tree (minsplit = 10)"),
        ],
        SourceKind.SLIDES,
    )
    cards = {f.front: f.back for f in c.flashcards}
    assert cards.get("What is reducible error?") == "Variation in response that arises directly from causal predictors."
    assert cards.get("What is first fit?") == "Searches from the beginning of the linked list."
    assert cards.get("What is best fit?") == "Take the smallest adequate hole."
    assert not any(w in f.lower() for f in cards for w in ("drawback", "task", "page table", "decision tree"))


def test_an_enumeration_of_what_a_package_provides_is_a_card():
    c = _content(
        "Lengthening data",
        [
            "The tidyr package provides two functions for pivoting data: pivot_longer() and pivot_wider().",
            "It provides three functions for nesting data: nest(), unnest() and hoist().",
        ],
    )
    cards = {f.front: f.back for f in c.flashcards}
    assert cards.get("What two functions for pivoting data does the tidyr package provide?") == "pivot_longer(); pivot_wider()."
    assert not any("nesting" in f for f in cards)  # "It provides ...": the subject leans on the text before it


def test_a_list_after_a_lead_that_carries_its_own_context_is_a_card():
    c = _content(
        "Sources of Law",
        [
            "In the UK the jurisdictions are:",
            _item("England and Wales"),
            _item("Scotland"),
            _item("Northern Ireland"),
            "Copyright in a work is infringed by doing any of the following without permission of the copyright owner:",
            _item("reproducing the work (i.e. copying it)"),
            _item("distributing the work"),
            "The first two are:",
            _item("extraction; or"),
            _item("re-utilisation"),
            "This means the following are likely to be personal data:",
            _item("email addresses"),
            _item("names of people"),
        ],
        SourceKind.DOCX,
    )
    cards = {f.front: f.back for f in c.flashcards}
    assert cards.get("What are the jurisdictions in the UK?") == "(1) England and Wales. (2) Scotland. (3) Northern Ireland."
    assert (
        cards.get("How is copyright in a work infringed?")
        == "(1) Reproducing the work (i.e. copying it). (2) Distributing the work."
    )
    assert not any("extraction" in b or "email" in b for b in cards.values())  # "The first two", "This means": context


def test_the_gate_takes_a_term_entry_as_a_definition_and_a_mention_still_not():
    from seekh_convert.check.rubric import definition_problem

    assert definition_problem("What is first fit?", "First fit: searches from the beginning of the linked list.") is None
    assert definition_problem("What is first fit?", "Memory allocation often uses first fit in practice.") is not None


def test_a_card_asks_with_the_article_the_source_gives_its_term():
    from seekh_convert.generate.offline.cards import ask_what

    named = "Most forms of secondary legislation are made in a standard form known as a “statutory instrument”."
    assert ask_what("statutory instrument", named) == "What is a statutory instrument?"
    assert ask_what("principle of locality") == "What is the principle of locality?"
    assert ask_what("encoding", "Encoding is the input of information into memory.") == "What is encoding?"


def test_a_term_named_then_explained_is_a_card_and_a_bare_naming_is_not():
    c = _content(
        "Sources of Law",
        [
            "In the UK, courts adopt a system known as “precedent”. This arranges the courts into a hierarchy. If a "
            "court higher up the hierarchy makes a decision about a point of law, lower courts must follow it.",
            "Most countries adopt a system known as “civil law”. It is very old.",
        ],
        SourceKind.DOCX,
    )
    cards = {f.front: f.back for f in c.flashcards}
    assert cards.get("What is precedent?", "").startswith("In the UK, courts adopt a system known as “precedent”. This")
    assert not any("_____" in f and "precedent" in b for f, b in cards.items())  # no blank in the same sentence
    assert "What is civil law?" not in cards  # named, then nothing said of what it is


def _book_entry(term: str, text: str) -> Block:
    return Block(text, BlockKind.GLOSSARY, page=1, term=term)


def test_a_books_glossary_entries_are_cards_asked_as_their_word_class_and_a_split_clause_is_not():
    c = _content(
        "Glossary",
        [
            _book_entry("compile", "To translate a program written in a high-level language into a low-level language."),
            _book_entry("identical", "Being the same object (which implies equivalence)."),
            _book_entry("Pretty print the output", "Formatting debugging output can make it easier to spot an error."),
            _book_entry("empty string", "A string with no characters and length 0, represented by two quotation marks."),
        ],
    )
    cards = {f.front: f.back for f in c.flashcards}
    assert "What does it mean to compile?" in cards
    assert "What is identical?" not in cards and "What is compile?" not in cards
    assert not any("pretty print" in f.lower() for f in cards)
