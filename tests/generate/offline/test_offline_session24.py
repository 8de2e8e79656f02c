"""The twenty-fourth session (2026-12-07): findings of sets 45 and 55 replayed (class notes in bullets)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from seekh_convert.model.document import Block, BlockKind, Document, Line, RawPage, SourceKind, Topic


def _bullets(title: str, items: list[str]):
    from seekh_convert.generate.offline import OfflineEngine

    head = [Block(title, BlockKind.HEADING, level=1, section=title, page=1)]
    rest = [Block(t, BlockKind.LIST_ITEM, page=1, section=title) for t in items]
    doc = Document(path=Path("notes.pdf"), kind=SourceKind.PDF, title="Notes", blocks=head + rest)
    doc.topics = [Topic(1, title, head + rest)]
    return asyncio.run(OfflineEngine().generate(doc.topics[0], doc)).content


def test_a_notes_bullet_without_a_full_stop_is_a_sentence_when_it_is_a_clause() -> None:
    """Set 55's class notes: "Ethics is defined as a prescriptive Code of Conduct ..." ends its bullet without a full
    stop, so it was no sentence and the guide said the source gives no definition of Ethics."""
    from seekh_convert.generate.offline.sentences import topic_sentences

    clause = Block("Crony capitalism impacts sustainable development", BlockKind.LIST_ITEM, page=1)
    phrase = Block("Responsibility assumptions like Lal Bahadur Shastri and Satish Dhawan", BlockKind.LIST_ITEM, page=1)
    paragraph = Block("Greed harms the individual and the society", page=1)  # a paragraph's cut end stays cut
    complete = [s.text for s in topic_sentences([clause, phrase, paragraph]) if s.complete]
    assert complete == ["Crony capitalism impacts sustainable development"]

    content = _bullets(
        "Ethics",
        [
            "Ethics",
            "Ethics is defined as a prescriptive Code of Conduct for an actor in a situation with respect to what is "
            "right and what is wrong",
            "For example, the ethical responsibility of a defense lawyer to defend his client",
            "Ethics are external and imposed from outside whereas integrity is an inherent quality that comes from within",
            "Integrity is a value that ensures transformation from being a human being to being humane",
            "Ethics guides the conduct of civil servants in every decision they take",
        ],
    )
    assert content.definition is not None
    assert content.definition.text.startswith("Ethics is defined as a prescriptive Code of Conduct")
    assert content.definition.text.endswith("what is wrong.")


def test_household_abbreviations_leave_room_for_the_courses_own() -> None:
    """Set 45's networking notes: "MAC" and "LLC", which no card asks (everyone knows them), had taken the places of
    "ARP" and "ICMP" among the topic's glosses once more bullets were sentences."""
    content = _bullets(
        "The network layers",
        [
            "A protocol is a set of rules that governs how devices exchange data over a network.",
            "A router is a device that forwards packets between two or more networks.",
            "A hub is a device that repeats every frame it receives to all of its ports.",
            "A switch is a device that connects the devices of one local network and forwards frames between them.",
            "The data link layer is the second layer of the model and it moves frames between two nodes.",
            "MAC(Media Access Control): The MAC layer is responsible for data encapsulation and media access.",
            "LLC(Logical Link Control): The LLC layer handles flow control and error control of frames.",
            "The network layer is the third layer of the model and it routes packets between networks.",
            "IP(Internet Protocol): IP uses the receiver's address to determine the best path for a packet.",
            "ARP(Address Resolution Protocol): ARP is used to find physical addresses from the IP address.",
            "ICMP(Internet Control Message Protocol): ICMP reports errors and diagnostic messages of a network.",
            "The network layer sends packets through routers that read the destination address of every packet.",
        ],
    )
    fronts = [c.front for c in content.flashcards]
    assert "What does ARP stand for?" in fronts and "What does ICMP stand for?" in fronts, fronts
    assert not any(f in fronts for f in ("What does MAC stand for?", "What does IP stand for?"))


def test_a_line_in_capitals_starts_a_new_paragraph_after_a_bullet() -> None:
    """Set 55's class notes: the banner "ETHICS, INTEGRITY, AND APTITUDE (1:42 PM)" was read as the last line of the
    bullet above it ("... or knowledge without character ETHICS, INTEGRITY, ...")."""
    from seekh_convert.clean.pdf import PdfCleaner

    lines = [
        "\u2022 Gandhiji's seven sins e.g. wealth without work, politics without principle, pleasure without",
        "conscience, or knowledge without character",
        "ETHICS, INTEGRITY, AND APTITUDE (1:42 PM)",
        "\u2022 Ethics is defined as a prescriptive Code of Conduct for an actor in a situation",
        "FOR EXAMPLE THE LAWYER",  # a body line in capitals after capitals goes on as before
    ]
    page = RawPage(number=1, lines=[Line(text=t, size=11.0, x=72.0, y=700.0 - 14 * k) for k, t in enumerate(lines)])
    doc = PdfCleaner()(Document(path=Path("notes.pdf"), kind=SourceKind.PDF, pages=[page]))
    texts = [b.text for b in doc.blocks]
    assert any(t.endswith("knowledge without character") for t in texts), texts
    assert "ETHICS, INTEGRITY, AND APTITUDE (1:42 PM)" in texts, texts


def test_a_file_name_standing_for_the_title_prefixes_no_window() -> None:
    """Set 55's class notes: a long stretch before the first heading, titled by the file's name, was cut into windows
    titled "upsc-gs4-ethics-integrity-aptitude-class-notes: Ethics"."""
    from seekh_convert.split.segment import Segmenter

    vocab = ["ethics conduct", "conscience voice", "value education", "social media"]
    blocks = [Block(f"The {vocab[i // 10]} matters here. " * 30) for i in range(40)]
    blocks += [Block("Target group", BlockKind.HEADING, level=1), *[Block("The target group matters. " * 40)] * 3]
    stem = "upsc-gs4-ethics-class-notes"
    doc = Segmenter()(Document(path=Path(f"{stem}.pdf"), kind=SourceKind.PDF, title=stem, blocks=blocks))
    titles = [t.title for t in doc.topics]
    assert len(titles) >= 3 and not any(stem in t for t in titles), titles


def _content(title: str, paragraphs: list[str]):
    from seekh_convert.generate.offline import OfflineEngine

    head = [Block(title, BlockKind.HEADING, level=1, section=title, page=1)]
    rest = [Block(p, page=1, section=title) for p in paragraphs]
    doc = Document(path=Path("chapter.md"), kind=SourceKind.MARKDOWN, title="Chapter", blocks=head + rest)
    doc.topics = [Topic(1, title, head + rest)]
    return asyncio.run(OfflineEngine().generate(doc.topics[0], doc)).content


def test_a_word_split_into_two_pieces_neither_a_word_is_joined() -> None:
    """Set 56's NCERT chapter: "social categorie s. The order was laid down ..." kept the definition of caste and the
    next sentence as one sentence, which nothing could quote."""
    from collections import Counter

    from seekh_convert.clean.pdf_text import _rejoin_spaced_words

    vocab = Counter("categories categories social order".split())
    assert _rejoin_spaced_words("ordered social categorie s. The order", vocab) == "ordered social categories. The order"
    # a real word before a letter stays apart ("vitamin s" is no word the document writes)
    assert _rejoin_spaced_words("the plural s is added", Counter("plurals".split())) == "the plural s is added"


def test_the_term_x_which_refers_to_defines_x_under_a_title_that_names_no_term() -> None:
    """Set 56's NCERT chapter: "Social Differences" said the source gives no definition, beside "You may be familiar
    with the term caste, which refers to a set of hierarchically ordered social categories."; its card asked
    "What is a term caste?"."""
    content = _content(
        "Social Differences",
        [
            "You may be familiar with the term caste, which refers to a set of hierarchically ordered social "
            "categories. The order was laid down in the Dharmasutras and Dharmashastras. Brahmanas claimed the first "
            "place in the order of caste.",
            "Caste rules were not always followed, and rulers of many origins claimed high caste status through "
            "genealogies written by poets. The chapter looks at how caste shaped the lives of ordinary people.",
        ],
    )
    assert content.definition is not None and content.definition.text.startswith("Caste: a set of hierarchically")
    fronts = [c.front for c in content.flashcards]
    assert not any("term caste" in f for f in fronts), fronts


def test_a_central_term_defines_a_topic_titled_preamble_or_learning_objectives() -> None:
    """Sets 57 and 58: "Learning Objectives" (NCERT's social responsibility chapter) and "Preamble" (a federalism
    chapter) said the source gives no definition beside "Social responsibility of business refers to its obligation
    to take those decisions and perform those actions which are desirable ..." and "Federalism is ..."."""
    from seekh_convert.text import parse
    from seekh_convert.text.grammar import leans_on_context

    sentence = (
        "Social responsibility of business refers to its obligation to take those decisions and perform those actions "
        "which are desirable in terms of the objectives and values of our society."
    )
    assert leans_on_context(parse.parse(sentence)) is None
    assert leans_on_context(parse.parse("The managers take those decisions and perform the actions quickly."))

    content = _content(
        "Learning Objectives",
        [
            "After studying this chapter, you should be able to state the concept of social responsibility. " + sentence,
            "The social responsibility of business is thus broader than protecting its own interests and earning "
            "profits. Business enterprises respect the aspirations of society and work to realise them.",
        ],
    )
    assert content.definition is not None and content.definition.text.startswith("Social responsibility of business")

    content = _content(
        "Preamble",
        [
            "In 2004, the Defense Department, wary of the political pain of reviving the military draft, called up "
            "most of the National Guard. The Guard consists of volunteers for state military units.",
            "Federalism is the American political system's arrangement of powers and responsibilities among national, "
            "state, and local governments. Governors and the president share command of the Guard.",
        ],
    )
    assert content.definition is not None and content.definition.text.startswith("Federalism is")
    assert not any("National Guard?" in c.front for c in content.flashcards)  # "called up" names nothing


def test_an_unmapped_bullet_glyph_starts_a_list_item_and_the_ff_arrow_is_ff() -> None:
    """Set 58's LaTeX notes: sub-bullets drawn with a glyph the font maps to no character ran into the bullet above
    ("Linguistics is the study of language in scientific form Language overall is ..."), and "di↵erent" was "ff"."""
    from seekh_convert.clean.pdf import PdfCleaner

    lines = [
        "\u2022 Linguistics is the study of language in scientific form",
        "\x00 Language overall is a complex system of communication",
        "\x00 Same language, di\u21b5erent regions",
        "\u2022 Language is a uniquely human ability",
    ]
    page = RawPage(number=1, lines=[Line(text=t, size=10.0, x=50.0, y=540.0 - 18 * k) for k, t in enumerate(lines)])
    doc = PdfCleaner()(Document(path=Path("notes.pdf"), kind=SourceKind.PDF, pages=[page]))
    texts = [b.text for b in doc.blocks]
    assert "Linguistics is the study of language in scientific form" in texts, texts
    assert "Same language, different regions" in texts, texts


def test_a_quiz_slides_bold_option_is_its_key(tmp_path) -> None:
    """Set 59's deck: the repeat of a question slide sets the right option in bold; the explanation ("We want to test
    the model created with training data on validation data ...") shares more words with a wrong option, which was
    keyed (the judge's one wrong key)."""
    from pptx import Presentation
    from pptx.util import Inches

    from seekh_convert.generate.offline.review import deck_questions
    from seekh_convert.pipeline import load_document

    stem = "Why do we split our data into training and validation sets?"
    options = [
        "Data is split into two sets in order to create two models, one model using the training set and a different "
        "model using the validation set.",
        "Splitting data into two sets enables you to compare the labels that the model predicts with the actual known "
        "labels in the original dataset.",
        "We only need to split our data when we use the Azure Machine Learning Designer, not in other scenarios.",
    ]
    told = (
        "Explanation: That is correct. We want to test the model created with training data on validation data to see "
        "how well the model performs with data it was not trained on."
    )
    deck = Presentation()
    for reveal in (False, True):
        slide = deck.slides.add_slide(deck.slide_layouts[5])
        slide.shapes.title.text = "Question 2"
        frame = slide.shapes.add_textbox(Inches(1), Inches(1.5), Inches(8), Inches(4)).text_frame
        frame.text = stem
        for i, option in enumerate(options):
            run = frame.add_paragraph().add_run()
            run.text = option
            run.font.bold = reveal and i == 1
        slide.notes_slide.notes_text_frame.text = told
    path = tmp_path / "quiz.pptx"
    deck.save(path)
    asked = deck_questions(load_document(path).blocks)
    assert len(asked) == 1
    assert asked[0].answer.startswith("Splitting data into two sets"), asked[0]


def test_both_and_the_given_point_back_unless_the_sentence_names_their_noun() -> None:
    """Set 60's "Both criteria can be used to assess the nature of the state ..." and set 59's "For the given plot,
    a critical threshold of S1 is required for _____." were carded; the sentence before says which criteria and plot."""
    from seekh_convert.text import parse
    from seekh_convert.text.grammar import leans_on_context

    leaning = [
        "Both criteria can be used to assess the nature of the state described by a density matrix.",
        "For the given plot, a critical threshold of S1 is required for pathogen persistence.",
    ]
    standing = [
        "Both oxygen and nitrogen are gases at room temperature.",
        "Competition is the interaction between species which serves to reduce the survival of both species.",
        "The expression which shows how the base quantities represent the dimensions of a physical quantity is called "
        "the dimensional formula of the given physical quantity.",
    ]
    assert all(leans_on_context(parse.parse(s)) for s in leaning)
    assert not any(leans_on_context(parse.parse(s)) for s in standing)
