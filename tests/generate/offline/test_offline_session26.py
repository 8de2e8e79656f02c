"""The twenty-sixth session (2026-12-07): what the judges of sets 65 and 66 found."""

from __future__ import annotations

from pathlib import Path

from seekh_convert.model.document import Block, BlockKind, Document, SourceKind, Topic


def _topic(title: str, paragraphs: list[str]):
    import asyncio

    from seekh_convert.generate.offline import OfflineEngine

    head = [Block(title, BlockKind.HEADING, level=1, section=title, page=1)]
    rest = [Block(t, page=1, section=title) for t in paragraphs]
    doc = Document(path=Path("chapter.pdf"), kind=SourceKind.PDF, title="Chapter", blocks=head + rest)
    doc.topics = [Topic(1, title, head + rest)]
    return asyncio.run(OfflineEngine().generate(doc.topics[0], doc)).content


_DEFAULT = (
    "Default is a situation where the contracted payments cannot be delivered in a full amount, and the contract does "
    "not specify what happens in that eventuality."
)


def test_a_situation_where_two_things_hold_defines_its_term() -> None:
    """Set 65's lecture notes: the topic "Default" said the source gives no definition beside ``_DEFAULT`` (the parser
    joins "and the contract ..." to the main verb; "that eventuality" is the situation the sentence has just told). Two
    statements about two things still define nothing."""
    from seekh_convert.generate.offline.glosses import _two_clauses
    from seekh_convert.text import parse
    from seekh_convert.text.grammar import leans_on_context

    assert not _two_clauses(parse.parse(_DEFAULT))
    assert leans_on_context(parse.parse(_DEFAULT)) is None
    assert _two_clauses(parse.parse("Debt is a stock of obligations, and the deficit is the flow that adds to it."))
    assert leans_on_context(parse.parse("Default is common in that case.")) is not None  # nothing told before it
    content = _topic(
        "Default",
        [
            "Governments sometimes fail to repay what they have borrowed, and lenders then lose part of their money.",
            _DEFAULT,
            "Countries that defaulted in the past pay higher interest rates on new borrowing for many years after.",
        ],
    )
    assert content.definition is not None and content.definition.text == _DEFAULT
    assert "What is default?" in [c.front for c in content.flashcards]


def test_a_term_that_is_just_what_it_sounds_like_is_defined_after_the_colon() -> None:
    """Set 66's web chapter: "A global cache is just as it sounds: ..." and "A queue is as simple as it sounds: ..."
    left both topics with no definition and no card."""
    from seekh_convert.generate.offline.glosses import _as_it_sounds
    from seekh_convert.generate.offline.sentences import topic_sentences

    cache, queue, other = topic_sentences(
        [
            Block("A global cache is just as it sounds: all the nodes use the same single cache space.", page=1),
            Block(
                "A queue is as simple as it sounds: a task comes in, is added to the queue and then workers pick up the "
                "next task as they have the capacity to process it.",
                page=1,
            ),
            Block("The design is not as simple as it sounds, because every node must agree on the order.", page=1),
        ]
    )
    assert (_as_it_sounds(cache).term, _as_it_sounds(cache).definition) == (
        "global cache",
        "All the nodes use the same single cache space.",
    )
    assert _as_it_sounds(queue).named == "a queue"
    assert _as_it_sounds(other) is None
    content = _topic(
        "Queues",
        [
            queue.text,
            "Queues let clients work asynchronously, so a request need not wait for its result.",
        ],
    )
    assert "What is a queue?" in [c.front for c in content.flashcards]


def test_what_a_dash_says_of_a_predicate_defines_no_term() -> None:
    """Set 65's lecture notes asked "What is a stock?" keyed "What the government owes as a result of past deficits."
    (a wrong key) from "... debt is a stock–what the government owes as a result of past deficits."."""
    from seekh_convert.generate.offline.glosses import _dash
    from seekh_convert.generate.offline.sentences import topic_sentences

    [stock] = topic_sentences(
        [Block("Deficit is a flow, and debt is a stock–what the government owes as a result of past deficits.", page=1)]
    )
    assert _dash(stock) is None
    [rpe] = topic_sentences(
        [
            Block(
                "What dopamine neurons signal is the reward prediction error (RPE) — the difference between the reward "
                "you received and the reward you expected.",
                page=1,
            )
        ]
    )
    gloss = _dash(rpe)
    assert gloss is not None and gloss.term.lower() == "reward prediction error"


def test_a_pdf_section_title_set_apart_above_heads_its_paragraph() -> None:
    """Set 66's NCERT chapter: bold body-size titles with space above ran into their paragraphs ("Specification of
    decision making powers A constitution is a body of ..."), which made a wrong key and a topic per cartoon box."""
    from seekh_convert.clean.pdf import PdfCleaner
    from seekh_convert.model.document import Line, RawPage

    def line(text: str, y: float, bold: bool = False, x: float = 120.0) -> Line:
        return Line(text=text, size=10.5, bold=bold, x=x, y=y)

    body = [
        line("something from this exercise? The whole class then compared the decisions it had taken.", 528.2, x=210.0),
        line("Specification of decision making powers", 500.9, bold=True),
        line("A constitution is a body of fundamental principles according to which", 487.2),
        line("a state is constituted or governed. But what should these rules be?", 473.5),
        line("Limitations on the", 446.2, bold=True),
        line("powers of government", 432.5, bold=True),
        line("But this is clearly not enough. Suppose you decided who had the", 418.8),
        line("authority to make decisions in a society of many members.", 405.1),
        line("The bold words in the middle of this line are no heading at all", 377.8, bold=True),
        line("because the line before it ends without a full stop and runs on", 364.1),
    ]
    filler = [
        line(f"Every member of the group has a say in the rules number {i} of the society.", 300.0 - 13.7 * i) for i in range(8)
    ]
    doc = Document(path=Path("ch1.pdf"), kind=SourceKind.PDF, pages=[RawPage(number=1, lines=body + filler)])
    blocks = PdfCleaner()(doc).blocks
    headings = [b.text for b in blocks if b.kind is BlockKind.HEADING]
    assert headings == ["Specification of decision making powers", "Limitations on the powers of government"]
    assert any(b.text.startswith("A constitution is a body of fundamental principles") for b in blocks)


def test_a_footnotes_number_is_not_part_of_its_first_word() -> None:
    """Set 65's lecture notes: "5The effect of activity on deficit is called ..." and "6For example, ..." opened a card's
    back and a cloze."""
    from seekh_convert.clean.pdf import _normalized
    from seekh_convert.model.document import Line

    def text(t: str) -> str:
        return _normalized(Line(text=t, size=8.0)).text

    assert text("5The effect of activity on deficit is called the automatic stabilizer") == (
        "The effect of activity on deficit is called the automatic stabilizer"
    )
    assert (
        text("6For example, investors’ worries have led to higher rates")
        == "For example, investors’ worries have led to higher rates"
    )
    assert text("3D printing builds objects layer by layer") == "3D printing builds objects layer by layer"
    assert text("12 The next section") == "12 The next section"


def test_book_navigation_spoken_relatives_and_circular_definitions_make_no_item() -> None:
    """Set 65's textbook: "Chapter 6 covers the school of behaviorism, and Chapter 7 covers ..." (a cloze); set 66's
    podcast: "Which is that the omega-3 to omega-6 fatty acid ratio has a _____ on depression."; set 66's web chapter:
    "What is cost?" keyed "Cost is the total cost of ownership." and a list entry whose text is a clause about it."""
    from seekh_convert.generate.offline.glosses import _noun_phrase
    from seekh_convert.text import parse
    from seekh_convert.text.grammar import leans_on_context
    from seekh_convert.text.standalone import dangling_opening

    nav = "Chapter 6 covers the school of behaviorism, and Chapter 7 covers the introduction of cognitivism to psychology."
    assert leans_on_context(parse.parse(nav)) is not None
    assert dangling_opening("Which is that the omega-3 to omega-6 fatty acid ratio has a profound effect on depression.")
    assert dangling_opening("Which of these hormones is made in the gut?") is None
    clause = parse.parse("Designing a system that is easy to operate is another important consideration.")
    assert not _noun_phrase(clause)
    assert leans_on_context(clause) is not None
    assert leans_on_context(parse.parse("A myocyte is another name for a muscle cell.")) is None
    assert _noun_phrase(parse.parse("The force that opposes motion between two surfaces."))
    content = _topic(
        "Principles",
        [
            "Cost is the total cost of ownership.",
            "Availability is the share of time a system is up and able to answer requests.",
        ],
    )
    fronts = [c.front for c in content.flashcards]
    assert "What is cost?" not in fronts and "What is availability?" in fronts


def test_a_people_is_asked_who_and_an_era_belongs_to_its_year() -> None:
    """Set 66's history notes: "What is the Portuguese?" (edited to a "who" question), "When did AD, the first hector
    ship, ... arrive in Surat?" from "In 1608 AD, ...", and "What is Abdul Maneed?" keyed with a sentence about Vasco
    da Gama's arrival in 1498 (a year before 1500 is a history note too)."""
    from seekh_convert.generate.offline.cards import _YEAR, ask_what
    from seekh_convert.generate.offline.sentences import topic_sentences
    from seekh_convert.generate.offline.wh import fronted_when

    assert ask_what("The Portuguese", "The Portuguese were the first Europeans to arrive in India.") == (
        "Who were the Portuguese?"
    )
    assert ask_what("Fa Xian", "Fa Xian was a Chinese Buddhist monk who travelled to India.") == "Who was Fa Xian?"
    [ship, bc] = topic_sentences(
        [
            Block("In 1608 AD, Captain William Hawkins of the East India Company arrived at Surat with a letter.", page=1),
            Block("In 326 BC, Alexander of Macedon crossed the Indus river with a large army.", page=1),
        ]
    )
    q = fronted_when(ship, [])
    assert q is not None and "AD" not in q.question and q.answer == "In 1608."
    q = fronted_when(bc, [])
    assert q is not None and q.question.startswith("When did Alexander") and q.answer == "In 326 BC."
    assert _YEAR.search("on May 17, 1498, with the assistance of a Gujarati merchant")
    assert not _YEAR.search("an adult needs about 1200 calories a day")


def test_what_a_thing_is_meant_to_do_asks_no_why() -> None:
    """Set 64's NCERT chapter (replayed): "Productive irrigation is meant to provide sufficient soil moisture ..." asked
    "Why is productive irrigation meant?"; a purpose still asks why."""
    from seekh_convert.generate.offline.sentences import topic_sentences
    from seekh_convert.generate.offline.wh import clause_question

    meant, purpose = topic_sentences(
        [
            Block("Productive irrigation is meant to provide sufficient soil moisture in the cropping season.", page=1),
            Block("Firewalls are used to block unauthorised traffic from entering a private network.", page=1),
        ]
    )
    assert clause_question(meant, []) is None
    asked = clause_question(purpose, [])
    assert asked is not None and asked.question == "Why are firewalls used?"


def test_a_cards_term_takes_the_article_and_small_letters_the_document_gives_it() -> None:
    """Teachers of sets 40-63 edited "What is insight problem?", "What is compute instance?" (the document writes "an
    insight problem is ..." in another topic), "What is Fugacity?" and "What is Extensive Property?" (written in small
    letters inside its sentences); "a React app" gives "React" no article, and a name keeps its capitals."""
    from types import SimpleNamespace

    from seekh_convert.generate.offline.pool import _articled, _cased
    from seekh_convert.model.guide import Flashcard, SourceRef

    here = [Block("Insight problem solving was studied with matchstick puzzles and the nine-dot problem.")]
    there = [
        Block("Solving an insight problem needs a sudden change in how the problem is represented."),
        Block("The fugacity of a gas replaces its pressure in the equation; an extensive property is one that grows with size."),
        Block("A React app renders components. Newton wrote the Principia in Latin."),
    ]
    doc = SimpleNamespace(memo={}, document=SimpleNamespace(blocks=here + there))

    def front(text: str) -> str:
        card = Flashcard(kind="basic", front=text, back="An answer to learn.", source=SourceRef(quote="An answer to learn."))
        ta = SimpleNamespace(memo={}, topic=SimpleNamespace(blocks=here + [Block(text)]))
        return _articled(_cased(card, ta, doc), ta, doc).front

    assert front("What is insight problem?") == "What is an insight problem?"
    assert front("What is Fugacity?") == "What is fugacity?"
    assert front("What is Extensive Property?") == "What is an extensive property?"
    assert front("What is react?") == "What is react?"
    assert front("What is Newton?") == "What is Newton?"


def test_it_is_the_hallmark_that_it_gives_is_no_definition_of_the_heading() -> None:
    """Set 66's NCERT chapter, once its section titles were headings: "The substantive provisions of a constitution" /
    "It is the hallmark of a successful constitution that it gives everyone ..." gave "What is the substantive provisions
    of a constitution?"; "Organizing" / "It is the process of bringing together ..." still defines."""
    from seekh_convert.generate.offline.glosses import _it_is
    from seekh_convert.generate.offline.sentences import topic_sentences

    [cleft] = topic_sentences(
        [Block("It is the hallmark of a successful constitution that it gives everyone in society some reason to go along.")]
    )
    assert _it_is("The substantive provisions of a constitution", cleft) is None
    [process] = topic_sentences(
        [Block("It is the process of bringing together physical, financial and human resources to achieve goals.")]
    )
    assert _it_is("Organizing", process) is not None
    [view] = topic_sentences(
        [Block("Moral Nihilism: It is a meta-ethical view that believes that there is nothing right or wrong.")]
    )
    from seekh_convert.generate.offline.glosses import _colon_it

    assert _colon_it(view) is not None  # a relative clause, then a content clause: a definition (set 55's notes)


def test_what_the_judges_of_sets_67_and_68_found() -> None:
    """Set 68's deck: "What are wires?" keyed "Wires are characterized by their geometry." and "What is thicker and
    wider?" keyed "Density vs. speed." (two wrong keys); set 67's lecture: "What is a query?" keyed with what "the
    answers to this query" are, and its notes: "What are ecosystems?" keyed "Ecosystems are often a target of
    conservation because ..."; its notes' definitions sat behind "○" and "▷" bullets."""
    from seekh_convert.clean.pdf import _BULLET
    from seekh_convert.generate.offline.entries import _properties
    from seekh_convert.generate.offline.titledef import hollow
    from seekh_convert.text import parse

    content = _topic(
        "Wire Geometry",
        [
            "Wires are characterized by their geometry.",
            "The pitch is equal to the width of the wire plus its required spacing.",
            "Modern processes pack in many skinny wires with an aspect ratio of about two.",
        ],
    )
    fronts = [c.front for c in content.flashcards]
    assert "What are wires?" not in fronts
    assert _properties("Thicker and wider", "density vs. speed")
    assert not _properties("First fit", "searches from the beginning of the linked list")
    assert not _properties("Little endian", "Lowest byte of a word-size data is stored in bit 0 to bit 7")
    assert hollow(parse.parse("Ecosystems are often a target of conservation because they support critical functions."))
    assert not hollow(parse.parse("An ecosystem is a community of organisms interacting with their environment."))
    assert _BULLET.match("○ Conservation Biology: study of the conservation of nature.")
    assert _BULLET.match("▷ Stewardship: an ethic that embodies the responsible planning of resources.")


def test_a_relative_clause_after_this_noun_defines_no_term() -> None:
    """Set 67's lecture: "And then you are to compute the answers to this query, which is a set of documents that would
    be useful to the user." asked "What is a query?" (a wrong key)."""
    from seekh_convert.generate.offline.analysis import analyse

    head = Block("Formal Formulation", BlockKind.HEADING, level=1, page=1)
    texts = [
        "Next, we have the query, which is a sequence of words typed by the user into the search box.",
        "And then you are to compute the answers to this query, which is a set of documents that would be useful to the user.",
        "The query is usually short, and the documents are long, so the two differ a great deal in length.",
    ]
    blocks = [head, *(Block(t, page=1) for t in texts)]
    doc = Document(path=Path("lecture.txt"), kind=SourceKind.TEXT, title="Lecture", blocks=blocks)
    doc.topics = [Topic(1, "Formal Formulation", blocks)]
    from seekh_convert.generate.offline.leddef import which_is

    ta = analyse(doc, doc.topics[0]).topics[0]
    bodies = [found[1] for found in which_is(ta)]
    assert not any("useful to the user" in b for b in bodies)


def test_a_terms_number_is_its_heads() -> None:
    """Set 67's notes (their bullets read): "What are tragedy of the commons?" and "What is Autotrophs?" ("Organisms
    responsible for primary production ...")."""
    from seekh_convert.generate.offline.cards import ask_what

    assert ask_what("tragedy of the commons", "The main social dilemma that faces shared resources.").startswith("What is")
    assert ask_what("Autotrophs", "Organisms responsible for primary production in an ecosystem.").startswith("What are")
    assert ask_what("Physics", "The study of matter, energy and the forces between them.") == "What is physics?"
