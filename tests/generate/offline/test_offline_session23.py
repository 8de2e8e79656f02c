"""The twenty-third session (2026-12-07): findings of set 51 (ecology notes, statistics chapter) and set 52."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from seekh_convert.model.document import Block, BlockKind, Document, SourceKind, Topic


def _content(title: str, paragraphs: list[str]):
    from seekh_convert.generate.offline import OfflineEngine

    head = [Block(title, BlockKind.HEADING, level=1, section=title, page=1)]
    rest = [Block(p, page=1, section=title) for p in paragraphs]
    doc = Document(path=Path("notes.md"), kind=SourceKind.MARKDOWN, title="Notes", blocks=head + rest)
    doc.topics = [Topic(1, title, head + rest)]
    return asyncio.run(OfflineEngine().generate(doc.topics[0], doc)).content


@pytest.mark.parametrize(
    ("sentence", "term", "kind"),
    [
        # what a measure measures is what it is (set 51's ecology notes: three measures defined, none carded)
        (
            "Nestedness measures the tendency for species with fewer interactions to be a subset of those with more "
            "interactions.",
            "Nestedness",
            "measures",
        ),
        (
            "Modularity captures the tendency of species to form into groups of species which interact mainly within "
            "their own group.",
            "Modularity",
            "measures",
        ),
        # a measure of something not narrowed down, or a person measuring, is no definition
        ("Nestedness measures the tendency.", "Nestedness", None),
        ("The nurse measures the temperature of every patient.", "nurse", None),
        ("Modularity captures the imagination of many ecologists.", "Modularity", None),
    ],
)
def test_what_a_measure_measures_defines_it(sentence, term, kind) -> None:
    from seekh_convert.text import parse
    from seekh_convert.text.grammar import definition_kind

    assert definition_kind(parse.parse(sentence), term) == kind


def test_a_measure_is_asked_what_it_measures() -> None:
    content = _content(
        "Common measures of networks",
        [
            "Ecologists describe the structure of interaction networks with a few common statistics. Nestedness "
            "measures the tendency for species with fewer interactions to be a subset of those with more interactions. "
            "Nestedness is slightly confusing until you sketch it out, and a nested network has a core of generalists.",
            "Highly nested networks are thought to be robust to the loss of specialist species, and nestedness is "
            "reported in most studies of plant and pollinator networks.",
        ],
    )
    fronts = {c.front: c.back for c in content.flashcards}
    assert fronts.get("What does nestedness measure?", "").startswith("Nestedness measures the tendency for species")


def test_a_wall_of_text_is_divided_into_paragraphs_at_sentence_ends() -> None:
    from seekh_convert.clean import _divide_walls

    sentences = [f"Sentence number {i} talks about waves and the ocean floor in some detail here." for i in range(80)]
    wall = Block(" ".join(sentences))
    short = Block("A short paragraph stays as it is.")
    out = _divide_walls([short, wall])
    assert out[0] is short
    pieces = out[1:]
    assert len(pieces) >= 4
    assert " ".join(p.text for p in pieces) == wall.text  # nothing lost, nothing added, every piece verbatim
    assert all(p.text.endswith(".") and p.text in wall.text for p in pieces)
    assert all(120 <= len(p.text.split()) <= 400 for p in pieces)


def test_a_transcript_saved_on_one_line_gets_several_topics(tmp_path) -> None:
    from seekh_convert.pipeline import load_document

    parts = {
        "waves": "Wind waves move in the direction of the wind while the water molecules move in circles. The wave base is "
        "the depth at which water molecules cease to move at all. Wind waves have short wavelengths and short periods. ",
        "quakes": "Earthquakes on subduction zones lift the sea floor and displace the water above it. The displaced "
        "water spreads out as a tsunami across the whole ocean basin. Megathrust earthquakes make the largest tsunamis. ",
        "coasts": "Near the coast the tsunami slows down and its height grows as the water gets shallower. The run-up "
        "height is the maximum elevation the flooding reaches on land. Coastal plains flood far inland. ",
    }
    text = "".join(f"In case {i}, {parts[k][:1].lower()}{parts[k][1:]}" for k in ("waves", "quakes", "coasts") for i in range(30))
    path = tmp_path / "tsunami-lecture.txt"
    path.write_text(text, encoding="utf-8")
    doc = load_document(path)
    assert len(doc.topics) >= 2
    assert all(b.text in text for t in doc.topics for b in t.blocks)


def test_a_topic_whose_text_is_all_a_summary_box_still_gets_a_summary() -> None:
    from seekh_convert.generate.offline.analysis import analyse
    from seekh_convert.generate.offline.summarize import summary_sentences

    title = "Generating Further Questions"
    head = [Block(title, BlockKind.HEADING, level=1, section=title, page=1)]
    box = [
        Block(text, BlockKind.SUMMARY, page=1, section="Key Takeaways")
        for text in (
            "A writing plan is the first step in shaping a writing project.",
            "The next step is to adjust and shape the plan to make the best use of the writing situation.",
        )
    ]
    doc = Document(path=Path("notes.md"), kind=SourceKind.MARKDOWN, title="Notes", blocks=head + box)
    doc.topics = [Topic(1, title, head + box)]
    ta = analyse(doc, doc.topics[0]).for_topic(doc.topics[0])
    # the key points take every sentence (set 53's writing handbook: a ValidationError on an empty summary)
    assert summary_sentences(ta.ranked, list(ta.ranked), ta.terms)


def _slide(number: int, title: str, lines: list[str]) -> list[Block]:
    head = [Block(title, BlockKind.HEADING, level=1, slide=number, section=title)]
    return head + [Block(text, slide=number, section=title) for text in lines]


def test_a_question_slides_key_is_the_option_its_explanation_names_most_and_no_option_is_an_answer() -> None:
    """Set 52's deck: the explanation names "Reopen in Container" (five words of option C) and "Command Palette" (two of
    option B); no option was named alone, and the question was asked with its first option as the answer."""
    from seekh_convert.generate.offline.review import deck_questions, source_answers

    stem = "When you add a dev container configuration to a project, how do you open that project in the container?"
    options = [
        "The project automatically opens in the container.",
        "Select **Add Development Configuration Files** from the Command Palette.",
        "Use the **Reopen in Container** option in Visual Studio Code.",
        "Start the project from the terminal.",
    ]
    told = (
        "Explanation: The **Reopen in Container** option, from either the Visual Studio Code notification or the Command "
        "Palette, will load the project in the dev container."
    )
    blocks = _slide(32, "Question 1", [stem, *options, told])
    [mc] = deck_questions(blocks)
    assert mc.options[mc.answer_index] == "Use the Reopen in Container option in Visual Studio Code."
    assert "**" not in mc.explanation and ".." not in mc.explanation
    assert source_answers(blocks) == []
    # an explanation that names two options about as much keys neither
    even = "Explanation: Either the Command Palette or the Reopen in Container option loads it."
    assert deck_questions(_slide(33, "Question 2", [stem, *options, even])) == []


def test_a_slide_of_prerequisites_lists_them_without_bullets() -> None:
    from seekh_convert.generate.offline import OfflineEngine

    title = "Introduction"
    blocks = _slide(
        3,
        "Prerequisites",
        [
            "Basic knowledge of software development, such as what it means to run code and install a new language.",
            "Docker and basic Docker knowledge (familiarity with the concept of images, containers, and registries).",
        ],
    ) + [
        Block(
            "A development container is a running container with a well-defined tool and runtime stack. Visual Studio "
            "Code opens a project inside a development container and runs its extensions there.",
            slide=4,
            section="Dev containers",
        )
    ]
    doc = Document(path=Path("deck.pptx"), kind=SourceKind.SLIDES, title="Deck", blocks=blocks)
    doc.topics = [Topic(1, title, blocks)]
    content = OfflineEngine().content(doc.topics[0], doc)
    assert [p.topic for p in content.prerequisites][:2] == [
        "Basic knowledge of software development",
        "Docker and basic Docker knowledge",
    ]
    assert content.prerequisites[1].source.quote.endswith("containers, and registries)")


def test_a_decks_question_slide_titles_no_topic() -> None:
    from seekh_convert.split.segment import _ACTIVITY

    assert _ACTIVITY.match("Question 3") and _ACTIVITY.match("Knowledge check")
    assert not _ACTIVITY.match("Questions of identity in modern states")


@pytest.mark.parametrize(
    ("sentence", "term", "kind"),
    [
        # set 52's false "none": a pronoun narrowed by a clause is the class
        (
            "Tsunami waves are those generated by the sudden displacement of ocean water by various geological processes.",
            "Tsunami waves",
            "copula",
        ),
        ("Igneous rocks are those that form from molten rock.", "Igneous rocks", "copula"),
        ("The best results are those we saw last year.", "results", None),
        ("These ideas are those of the author.", "ideas", None),
        # why a thing is needed, or advice on where to do something, is not what it is (set 52's "What is ...?" cards)
        (
            "Rehabilitation of the mentally ill is necessary to improve their quality of life once their active "
            "symptoms are reduced.",
            "Rehabilitation of the mentally ill",
            None,
        ),
        ("The Dockerfile is the right place to install additional software.", "Dockerfile", None),
        ("The strategist's challenge is to balance values, opportunities, and capabilities.", "strategist's challenge", "copula"),
    ],
)
def test_those_narrowed_by_a_clause_define(sentence, term, kind) -> None:
    from seekh_convert.text import parse
    from seekh_convert.text.grammar import definition_kind

    assert definition_kind(parse.parse(sentence), term) == kind


def test_mount_is_an_abbreviation() -> None:
    from seekh_convert.text.sentences import sentence_spans

    text = "The Vulcanian eruption of Mt. Pelée on the island of Martinique in 1902 was deadly. It killed many."
    assert [text[a:b] for a, b in sentence_spans(text)][0].startswith("The Vulcanian eruption of Mt. Pelée")


def test_a_condition_the_source_states_first_is_asked_when() -> None:
    content = _content(
        "Sampling distributions",
        [
            "The sample proportion is a random variable that varies from sample to sample. When the sample size is "
            "large the sample proportion is normally distributed. The mean of the sample proportion equals the "
            "population proportion, and its spread shrinks as the sample size grows.",
            "Statisticians check the sample size before they use the normal distribution for the sample proportion, "
            "because a small sample proportion is skewed.",
        ],
    )
    asked = {q.question: q.answer for q in content.questions}
    assert asked.get("When is the sample proportion normally distributed?") == "When the sample size is large."


def test_a_condition_two_sentences_answer_differently_is_not_asked() -> None:
    from seekh_convert.generate.offline.analysis import analyse
    from seekh_convert.generate.offline.wh import clause_questions

    title = "Sample mean"
    head = [Block(title, BlockKind.HEADING, level=1, section=title, page=1)]
    text = (
        "When the population is normal the sample mean is normally distributed. When the sample size is large the "
        "sample mean is normally distributed. The sample mean varies from sample to sample."
    )
    doc = Document(path=Path("n.md"), kind=SourceKind.MARKDOWN, title="N", blocks=[*head, Block(text, page=1)])
    doc.topics = [Topic(1, title, doc.blocks)]
    ta = analyse(doc, doc.topics[0]).for_topic(doc.topics[0])
    assert not any(q.question.startswith("When is the sample mean") for q in clause_questions(ta.ranked, ta.terms, set()))


def test_a_sentence_the_next_one_rejects_is_not_quoted_alone() -> None:
    """Set 53's lecture: "One explanation is that they have smaller brains than whites." ended a summary; the next
    sentence says "But that is wrong."."""
    from seekh_convert.generate.offline.analysis import analyse

    title = "Intelligence"
    text = (
        "Early studies claimed that intelligence tests measure an inborn capacity. But that is wrong. Intelligence "
        "tests measure what a person has learned in the culture that wrote the test."
    )
    head = [Block(title, BlockKind.HEADING, level=1, section=title, page=1)]
    doc = Document(path=Path("n.md"), kind=SourceKind.MARKDOWN, title="N", blocks=[*head, Block(text, page=1)])
    doc.topics = [Topic(1, title, doc.blocks)]
    ta = analyse(doc, doc.topics[0]).for_topic(doc.topics[0])
    alone = {s.text: s.alone for s in ta.sentences}
    assert alone["Early studies claimed that intelligence tests measure an inborn capacity."] is False
    assert alone["Intelligence tests measure what a person has learned in the culture that wrote the test."] is True


@pytest.mark.parametrize(
    ("sentence", "term", "kind"),
    [
        # set 53's lecture: "By gender, we mean ..." is the lecturer's definition
        (
            "By gender, we mean the social, cultural and psychological meanings which get attributed to sex.",
            "gender",
            "means",
        ),
        ("By sex we mean the biological differences between males and females.", "sex", "means"),
        ("By the way, we mean what we say.", "way", None),
    ],
)
def test_by_x_we_mean_defines_x(sentence, term, kind) -> None:
    from seekh_convert.text import parse
    from seekh_convert.text.defining import defined_terms
    from seekh_convert.text.grammar import definition_kind

    assert definition_kind(parse.parse(sentence), term) == kind
    assert ([d.term for d in defined_terms(sentence)] == [term]) == (kind is not None)


def test_a_writers_handbook_is_english_and_ecology_notes_are_not_computer_science() -> None:
    from seekh_convert.generate.offline.classify import subject_of
    from seekh_convert.model.guide import Subject

    writing = (
        "A thesis is the main stance you take toward your topic. Every paragraph of the essay supports the thesis, "
        "and a writer revises the draft until each paragraph does. Drafting is the stage of the writing process in "
        "which the writer develops a first version of the essay; a good draft has a clear thesis and an outline."
    )
    assert subject_of(writing, "Drafting") is Subject.ENGLISH
    ecology = (
        "Ecological networks describe interactions between species: pollinators visit plants, predators eat prey and "
        "parasites live on hosts. Each node of the network is a species and each link an interaction. Ecologists "
        "measure the connectance of a network; a pollinator network with low connectance has specialist species."
    )
    assert subject_of(ecology, "Ecological networks") is not Subject.COMPUTER_SCIENCE


def test_the_sources_own_key_takeaways_are_its_key_takeaways() -> None:
    """Sets 51 and 53: every section of two Saylor chapters ends with a "Key Takeaways" box, and the guides said "This
    guide has no key takeaways for this topic" (its lines speak to the reader, or state a condition first)."""
    from seekh_convert.generate.offline import OfflineEngine

    title = "Forming a Thesis"
    body = [
        Block(
            "A thesis is the main idea of an essay. Writers form a thesis by taking a stance toward a topic. A topic is "
            "only a subject, while a thesis says something about the subject that readers can agree or disagree with.",
            page=1,
            section=title,
        ),
        Block(
            "Students often confuse the topic of an essay with its thesis, and teachers ask them to state the thesis in "
            "one sentence near the start of the essay.",
            page=1,
            section=title,
        ),
    ]
    box = [
        Block("Key Takeaways", BlockKind.HEADING, level=3, page=2, section="Key Takeaways"),
        Block(
            "A thesis is your personal stance toward the topic that you are writing about.",
            BlockKind.SUMMARY,
            page=2,
            section="Key Takeaways",
        ),
        Block(
            "The difference between a topic and a thesis is that a thesis involves taking a personal stance.",
            BlockKind.SUMMARY,
            page=2,
            section="Key Takeaways",
        ),
        Block(
            "When the essay is long the thesis is stated in the first paragraph.",
            BlockKind.SUMMARY,
            page=2,
            section="Key Takeaways",
        ),
    ]
    head = [Block(title, BlockKind.HEADING, level=1, section=title, page=1)]
    doc = Document(path=Path("c.html"), kind=SourceKind.HTML, title="Drafting", blocks=head + body + box)
    doc.topics = [Topic(1, title, doc.blocks)]
    content = OfflineEngine().content(doc.topics[0], doc)
    titles = {k.title: k.text for k in content.key_takeaways}
    assert titles.get("What a thesis is", "").startswith("A thesis is your personal stance")
    assert titles.get("Difference between a topic and a thesis", "").startswith("The difference between")
    from seekh_convert.generate.offline.analysis import analyse
    from seekh_convert.generate.offline.summarize import own_point_title

    ta = analyse(doc, doc.topics[0]).for_topic(doc.topics[0])
    [line] = [s for s in ta.sentences if s.text.startswith("When the essay")]
    assert own_point_title(line) == "When the thesis is stated in the first paragraph"


@pytest.mark.parametrize(
    ("sentence", "term", "kind"),
    [
        # set 53's programming notes: "The source gives no definition of Functions" beside this sentence
        (
            "You can interpret a function as something that takes some input, performs some work on the input and "
            "then returns an output.",
            "function",
            "regarded",
        ),
        ("A function can be thought of as a machine that turns inputs into outputs.", "function", "regarded"),
        ("We can think of a variable as a labelled box that holds a value.", "variable", "regarded"),
        ("Entropy can be viewed as a measure of disorder.", "Entropy", "regarded"),
        # a thinker regarded as one of a kind, or a use, says nothing of what the term is
        ("Kant can be seen as a rationalist.", "Kant", None),
        ("You can use a function as a value.", "function", None),
    ],
)
def test_what_a_term_can_be_regarded_as_defines_it(sentence, term, kind) -> None:
    from seekh_convert.text import parse
    from seekh_convert.text.grammar import definition_kind

    assert definition_kind(parse.parse(sentence), term) == kind


def test_what_the_source_says_to_study_next_is_learn_next() -> None:
    """Set 53's deck ends on a "Further Learning" slide naming three modules, set 52's lecture says "In the second
    lecture video we'll introduce Seiche waves"; both guides said there was nothing to learn next."""
    from seekh_convert.generate.offline import OfflineEngine

    title = "Summary and resources"
    blocks = _slide(
        50,
        title,
        ["Power Apps lets you build custom business apps that connect to your data and work across devices."],
    ) + _slide(
        51,
        "Further Learning",
        [
            "Navigation in a canvas app in Power Apps",
            "Manage apps in Power Apps",
            "Please tell us how you liked this workshop by filling out this survey:",
        ],
    )
    doc = Document(path=Path("deck.pptx"), kind=SourceKind.SLIDES, title="Deck", blocks=blocks)
    doc.topics = [Topic(1, title, blocks)]
    content = OfflineEngine().content(doc.topics[0], doc)
    assert [n.topic for n in content.learn_next] == ["Navigation in a canvas app in Power Apps", "Manage apps in Power Apps"]
    spoken = _content(
        "Tsunami waves",
        [
            "Tsunami waves are those generated by the sudden displacement of ocean water by geological processes. In the "
            "second lecture video we'll introduce Seiche waves and also discuss how to reduce risks from tsunamis. "
            "Tsunami waves travel across whole ocean basins at the speed of a jet plane."
        ],
    )
    assert [n.topic for n in spoken.learn_next] == ["Seiche waves"]


def test_a_sentence_a_page_break_cuts_after_a_preposition_ends_on_its_page() -> None:
    """Set 53's NCERT chapter: "... The Republic Day parade in" / (next page) "Delhi symbolises the attempt of the
    state ..." was quoted as "Delhi symbolises the attempt of the state to include people ...", a false statement."""
    from seekh_convert.clean.pdf import _finish_sentences_across_pages

    before = Block("It was a unique experiment undertaken through the Constitution. The Republic Day parade in", page=13)
    after = Block(
        "Delhi symbolises the attempt of the state to include people of different regions. It is held each year.", page=14
    )
    out = _finish_sentences_across_pages([before, after])
    assert out[0].text.endswith(
        "The Republic Day parade in Delhi symbolises the attempt of the state to include people of different regions."
    )
    assert out[1].text == "It is held each year."
    # a paragraph that ends a sentence, or the next page opening a new one after a finished word, stays apart
    done = Block("The parade is held in January.", page=13)
    assert len(_finish_sentences_across_pages([done, Block("Delhi is the capital.", page=14)])) == 2


def test_words_a_text_layer_split_into_stray_pieces_are_joined() -> None:
    """Set 53's NCERT chapter: "outside t he area", "th at is", "the int erests of", "full enj oyment"."""
    from collections import Counter

    from seekh_convert.clean.pdf_text import _rejoin_spaced_words

    vocab = Counter("the the the the that that interests people area rights full".split())
    assert _rejoin_spaced_words("jobs going to people from outside t he area", vocab).endswith("outside the area")
    assert _rejoin_spaced_words("and th at is all", vocab) == "and that is all"
    assert _rejoin_spaced_words("the int erests of people", vocab) == "the interests of people"
    assert _rejoin_spaced_words("struggles for full enj oyment of rights", vocab) == "struggles for full enjoyment of rights"
    # two words stay two: a variable the document writes alone, a capital letter, words of their own
    variables = Counter(["t"] * 12 + ["at"] * 20 + ["test"] * 12)
    assert _rejoin_spaced_words("we run a t test on the data", variables) == "we run a t test on the data"
    assert _rejoin_spaced_words("H is for hydrogen", vocab) == "H is for hydrogen"
    assert _rejoin_spaced_words("any one of them", vocab) == "any one of them"


def test_a_quiz_slides_options_are_no_facts_but_its_question_is_asked(tmp_path) -> None:
    """Set 54's React deck: its summary, a key takeaway and two applications stated a quiz's wrong options ("JSX is
    supported by all browsers") as facts."""
    from pptx import Presentation

    from seekh_convert.generate.offline import OfflineEngine
    from seekh_convert.pipeline import load_document

    deck = Presentation()
    layout = deck.slide_layouts[1]

    def slide(title: str, lines: list[str], notes: str = "") -> None:
        s = deck.slides.add_slide(layout)
        s.shapes.title.text = title
        s.placeholders[1].text_frame.text = "\n".join(lines)
        if notes:
            s.notes_slide.notes_text_frame.text = notes

    slide(
        "Introduction to JSX",
        ["JSX is a syntax extension that lets developers write markup inside JavaScript files."],
        "JSX is a combination of JavaScript and XML. Browsers do not natively support JSX, so a bundler converts JSX "
        "into plain JavaScript before the application runs in the browser.",
    )
    options = [
        "JSX is the only supported method for creating React applications.",
        "JSX is supported by all browsers.",
        "JSX makes it easier to write markup in JavaScript.",
    ]
    slide(
        "Question 2",
        ["Why would you use JSX to create a React application?", *options],
        "Correct. JSX makes markup easier to write.",
    )
    path = tmp_path / "react.pptx"
    deck.save(path)
    doc = load_document(path)
    engine = OfflineEngine()
    said = []
    for topic in doc.topics:
        content = engine.content(topic, doc)
        said += [s.text for s in content.summary.sentences] + [k.text for k in content.key_takeaways]
        said += [a.text for a in content.applications] + [c.back for c in content.flashcards]
    assert not any("supported by all browsers" in s or "the only supported method" in s for s in said)
    kinds = {b.text: b.kind for b in doc.blocks}
    assert kinds["Why would you use JSX to create a React application?"] is not BlockKind.QUESTION
    assert kinds["JSX is supported by all browsers."] is BlockKind.QUESTION
    assert kinds["Correct. JSX makes markup easier to write."] is not BlockKind.QUESTION  # the explanation is a fact


def test_set_54_and_55_wrong_keys_are_not_definitions() -> None:
    from seekh_convert.text import parse
    from seekh_convert.text.defining import defined_terms, not_a_definition
    from seekh_convert.text.grammar import definition_kind

    # "What is Baramasa?" -> "Baramasa is a popular theme of Bundi paintings." (how liked, not what it is)
    assert definition_kind(parse.parse("Baramasa is a popular theme of Bundi paintings."), "Baramasa") is None
    # "What is PEER APPEAL?" -> "The most common way of persuasion." (a rank among others)
    assert not_a_definition("peer appeal", "The most common way of persuasion.") is not None
    assert not_a_definition("persuasion", "The act of getting someone to believe or do something.") is None
    # "What is the name for the sequence of amino acids coded by an mRNA?" keyed "following"
    assert defined_terms("Following is the sequence of amino acids coded by an mRNA.") == []


def test_a_label_the_sentence_opens_with_is_no_run_in_heading() -> None:
    """Set 55: "Wireless Access Point: The wireless router serves as ..." was shown as "Point: The wireless router ..."."""
    from seekh_convert.generate.offline.sentences import _run_in_heading

    assert _run_in_heading("Wireless Access Point: The wireless router serves as a wireless access point in a network.") is None
    assert _run_in_heading("Rectification of Mistakes Rectification is the correction of errors made in the books.")


def test_a_heading_that_is_a_sentence_frames_no_card() -> None:
    from seekh_convert.generate.offline.framing import _frame

    assert _frame("Two states implemented land reforms", "tariffs") is None  # set 54: "In two states implemented ..."
    assert _frame("Role transitions", "replication") == "role transitions"
