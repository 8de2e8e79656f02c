"""The eighteenth session (2026-12-06), from the false "none"s of sets 27-31's Definition verdicts: a class narrowed
by a clause after "obligations or debts" or "persons and/or other entities" is a definition; a topic whose title
names no defined term takes the definition of the term it keeps coming back to."""

from __future__ import annotations

import pytest

from seekh_convert.text.grammar import definition_kind, leans_on_context
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


_LECTURE = """1
00:00:01,000 --> 00:00:05,000
The goal of the model that you and I are studying is to take in a piece of text and predict what word comes next.

2
00:00:05,000 --> 00:00:12,000
The input text is broken up into little pieces that we call tokens, and these are very often words or pieces of words.

3
00:00:12,000 --> 00:00:20,000
The first step in a transformer is to associate each token with a high-dimensional vector, what we call its embedding.

4
00:00:20,000 --> 00:00:28,000
The network can only process a fixed number of vectors at a time, known as its context size.

5
00:00:28,000 --> 00:00:36,000
That question is somehow encoded as yet another vector, another list of numbers, which we call the query for this word.

6
00:00:36,000 --> 00:00:44,000
This produces a second sequence of vectors that we call the keys.
"""


def test_a_term_a_speaker_names_after_describing_it_is_a_cloze_card(tmp_path) -> None:
    """Sets 27-31's lectures gave 0-5 cards in 18-27 minutes: "what we call its embedding", "known as its context
    size" were never asked. What follows the term is left out; a description pointing back ("That question ...",
    "This produces ...") is not asked."""
    from seekh_convert.generate.offline import OfflineEngine
    from seekh_convert.pipeline import load_document

    (tmp_path / "lecture.srt").write_text(_LECTURE)
    doc = load_document(tmp_path / "lecture.srt")
    cards = {c.front: c.back for t in doc.topics for c in OfflineEngine().content(t, doc).flashcards}
    assert cards.get("The input text is broken up into little pieces that we call _____.") == "tokens", cards
    assert (
        cards.get(
            "The first step in a transformer is to associate each token with a high-dimensional vector, what we call its _____."
        )
        == "embedding"
    )
    assert cards.get("The network can only process a fixed number of vectors at a time, known as its _____.") == "context size"
    assert not any(back in ("query", "keys", "the keys") for back in cards.values()), cards


def test_set_32_fronts_a_teacher_cannot_place() -> None:
    """Set 32's drafts: "What did Others believe about America's foreign policy?", "What did Defenders argue about
    neither cartelization nor Socialism?" (the NRA's defenders), "What is the case we're most concerned with?",
    "What is a unit cell?" -> "A unit cell is characterized by six parameters.", "What are n-type semiconductors?" ->
    "Semiconductors so formed after are called n-type semiconductors."."""
    from seekh_convert.generate.offline.leddef import shown_cards
    from seekh_convert.generate.offline.views import view_card
    from seekh_convert.model.guide import Flashcard, SourceRef
    from seekh_convert.text.grammar import leans_on_context

    def sentence(text: str):
        from seekh_convert.generate.offline.sentences import topic_sentences
        from seekh_convert.model.document import Block

        return topic_sentences([Block(kind="paragraph", text=text, page=1)])[0]

    assert (
        view_card(
            sentence(
                "Others believed that America’s foreign policy was aimed at exploiting the land and labor of Latin American nations."
            )
        )
        is None
    )
    assert (
        view_card(
            sentence("Defenders argued that the council shared power between heads of industry, labor unions and regulators.")
        )
        is None
    )
    card = view_card(
        sentence(
            "Defenders of the NRA argued that each council shared power between heads of industry, labor unions and regulators."
        )
    )
    assert card is not None and card.front == "What did Defenders of the NRA argue about each council?", card
    kept = shown_cards(
        [
            Flashcard(
                kind="basic",
                front=f,
                back="The case is when both sets are compact and bounded.",
                source=SourceRef(quote="q", page=1),
            )
            for f in ("What is the case we’re most concerned with?", "What is a type I error?")
        ]
    )
    assert [c.front for c in kept] == ["What is a type I error?"]
    assert definition_kind(parse("A unit cell is characterized by six parameters."), "unit cell") is None
    assert definition_kind(
        parse("A knowledge economy is characterized by the creation and use of knowledge."), "knowledge economy"
    )
    assert leans_on_context(parse("Semiconductors so formed after are called n-type semiconductors.")) is not None
    assert leans_on_context(parse("Salts are compounds formed by the reaction of an acid and a base.")) is None


_MATHS = (
    "# Convex functions\n\n"
    "Convex functions are the objects of this lecture. A convex function has no local minimum that is not global.\n\n"
    "Definition 1.3 (Convex function).\n\n"
    "A function f : Ω → R is convex if for all x, y ∈ Ω and all scalars γ ∈ [0, 1] we have "
    "f (γx + (1 − γ)y) ⩽ γ f (x) + (1 − γ) f (y).\n\n"
    "Jensen showed that for continuous functions convexity follows from a midpoint condition. Every linear function "
    "is convex.\n\n"
    "# Convex sets\n\n"
    "Definition 1.1 (Convex set). A set K ⊆ Rn is convex if the line segment between any two points in K is also "
    "contained in K. Formally, for all x, y ∈ K and all scalars γ ∈ [0, 1] we have γx + (1 − γ)y ∈ K.\n\n"
    "Balls and half-spaces are convex sets. The intersection of two convex sets is convex again.\n"
)


def test_a_numbered_named_definition_is_the_topics_definition_and_a_card(tmp_path) -> None:
    """Set 32's convex-optimization notes: "Definition 1.3 (Convex function)." then the definition in a block of its own;
    the guide said the source gives no definition. The restatement after "Formally," is left out."""
    guide = _guides(tmp_path, _MATHS)[0]  # (the two short sections make one topic)
    assert guide.definition is not None and guide.definition.text.startswith("Convex function: A function f")
    cards = {c.front: c.back for c in guide.flashcards}
    assert cards.get("What is a convex function?", "").startswith("A function f"), cards
    assert cards.get("What is a convex set?") == (
        "A set K ⊆ Rn is convex if the line segment between any two points in K is also contained in K."
    )


def test_a_name_given_to_an_object_of_another_terms_sentence_defines_nothing() -> None:
    """Set 32's wrong key: "What is separation oracle?" -> "The Separation Theorem motivates an important computational
    abstraction called separation oracle." (the sentence is about the theorem)."""
    text = "The Separation Theorem motivates an important computational abstraction called separation oracle."
    assert definition_kind(parse(text), "separation oracle") is None
    assert (
        definition_kind(parse("Plants make food through a chemical process called photosynthesis."), "photosynthesis") == "called"
    )


@pytest.mark.parametrize(
    ("term", "definition", "front"),
    [
        (
            "Good Neighbor Policy",
            "A policy aimed at improving relations with Latin American nations.",
            "What is the Good Neighbor Policy?",
        ),
        (
            "Emergency Banking Relief Bill",
            "A law granting federal examiners the authority to examine banks.",
            "What is the Emergency Banking Relief Bill?",
        ),
        (
            "veridical paradox",
            "Facts that are provably true, but which can feel false when phrased a certain way.",
            "What is a veridical paradox?",
        ),
        ("Abraham Lincoln", "The sixteenth president of the United States.", "Who was Abraham Lincoln?"),
    ],
)
def test_a_named_act_or_body_takes_the(term, definition, front) -> None:
    """Set 32's edits: "What is Good Neighbor Policy?", "What is Emergency Banking Relief Bill?", "What is veridical
    paradox?"."""
    from seekh_convert.generate.offline.cards import ask_what

    assert ask_what(term, definition) == front


@pytest.mark.parametrize(
    ("back", "term", "shown"),
    [
        (
            "(a) Body Centred Unit Cells: – If one constituent particle lies at the centre of the body of a unit cell, it is called Body-Centred Unit Cell.",
            "Body-Centred Unit Cell",
            "If one constituent particle lies at the centre of the body of a unit cell, it is called Body-Centred Unit Cell.",
        ),
        (
            "Good Neighbor Policy: A policy aimed at improving relations with Latin America.",
            "the Good Neighbor Policy",
            "A policy aimed at improving relations with Latin America.",
        ),
        (
            "Note: the source says something else about the topic here.",
            "agenda-setting theory",
            "Note: the source says something else about the topic here.",
        ),
    ],
)
def test_an_answer_is_shown_without_the_label_of_its_own_term(back, term, shown) -> None:
    from seekh_convert.generate.offline.leddef import unlabelled

    assert unlabelled(back, term) == shown


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (
            "Block devices Like char devices, block devices are accessed by filesystem nodes in the /dev directory.",
            "Like char devices, block devices are accessed by filesystem nodes in the /dev directory.",
        ),
        (
            "Reliability Reliability means the users must be able to depend on the information.",
            "Reliability means the users must be able to depend on the information.",
        ),
        ("In Canada the winters are long and cold in most places.", "In Canada the winters are long and cold in most places."),
    ],
)
def test_a_heading_run_into_its_own_sentence_is_left_out_of_the_item(text, shown) -> None:
    """Set 32's "Block devices Like char devices, block devices are accessed by _____ ..." and set 31's "What does
    Reliability Reliability mean?": the quote keeps the heading, the item text does not."""
    from seekh_convert.generate.offline.sentences import topic_sentences
    from seekh_convert.model.document import Block
    from seekh_convert.text.terms import clean_term

    s = topic_sentences([Block(kind="paragraph", text=text, page=1)])[0]
    assert s.display == shown and s.ref().quote == text
    assert clean_term("Reliability Reliability") == "Reliability"


def test_a_word_in_nearly_every_topic_is_never_a_blank() -> None:
    """Set 32's Linux Device Drivers chapter: four blanks on "kernel" ("Device drivers take on a special role in the
    _____." -> "Linux kernel"), guessed from the document's subject: a specific noun in four topics in five is part of
    what a blank would give away; a word of one topic, or an everyday word, is not."""
    from types import SimpleNamespace

    from seekh_convert.generate.offline.cards import names_subject
    from seekh_convert.generate.offline.pool import pervasive_words

    texts = [
        " the driver talk to the kernel and the device ",
        " a module extend the kernel at runtime and the people ",
        " the scheduler in the kernel pick a process and the people ",
        " page table in the kernel map address and the people ",
        " packet go through socket and the people ",
    ]
    doc = SimpleNamespace(memo={}, topics=[SimpleNamespace(stem_text=t) for t in texts])
    words = pervasive_words(doc).split("\n")
    assert "kernel" in words and "driver" not in words and "people" not in words, words
    subject = f"Splitting the Kernel\nLinux Device Drivers\n{pervasive_words(doc)}"
    assert names_subject("Linux kernel", subject) and not names_subject("process management", subject)
    assert pervasive_words(SimpleNamespace(memo={}, topics=doc.topics[:3])) == ""  # three topics say too little


_BAYES = """1
00:00:01,000 --> 00:00:08,000
Test accuracy is not actually one number, but two.

2
00:00:08,000 --> 00:00:16,000
First, you ask how often is the test correct on those with the disease. This is known as the test sensitivity, as in how sensitive is it to detecting the presence of the disease.

3
00:00:16,000 --> 00:00:24,000
In our example, test sensitivity is 9 in 10, or 90%. A test sensitivity of 90% means one case in ten is missed by the screening.

4
00:00:24,000 --> 00:00:32,000
After all these little steps, simply return the value. This is called solving a differential equation numerically.
"""


def test_a_name_a_speaker_gives_to_what_the_sentence_before_described_is_the_definition(tmp_path) -> None:
    """Set 32's Bayes lecture: "This is known as the test sensitivity" after the description, while the guide said the
    source gives none. A description that leans on the text before ("After all these little steps") is not one."""
    from seekh_convert.generate.offline import OfflineEngine
    from seekh_convert.pipeline import load_document

    (tmp_path / "talk.srt").write_text(_BAYES)
    doc = load_document(tmp_path / "talk.srt")
    guide = OfflineEngine().content(doc.topics[0], doc)
    assert guide.definition is not None
    assert guide.definition.text.startswith(
        "Test sensitivity: First, you ask how often is the test correct on those with the disease. This is known as"
    )
    assert guide.definition.source.quote.startswith("First, you ask how often")
    assert leans_on_context(parse("Nurses help those who cannot walk."), reader=False) is None
    assert leans_on_context(parse("The test is correct on those."), reader=False) is not None


@pytest.mark.parametrize(
    ("sentence", "term", "kind"),
    [
        ("Adverse selection is precontractual asymmetric information.", "Adverse selection", "copula"),
        ("Photosynthesis is a biochemical process.", "Photosynthesis", None),
        ("Entropy is a fundamental concept.", "Entropy", None),
        ("And here, superposition essentially just means sum, or in some context, weighted sum.", "superposition", "means"),
    ],
)
def test_set_33s_false_nones(sentence, term, kind) -> None:
    """Set 33: "Adverse selection is precontractual asymmetric information." opens section 8.3 (a class narrowed by
    rare adjectives, not "a biochemical process"); a speaker's "And here, X means ..." defines X."""
    assert definition_kind(parse(sentence), term) == kind


def test_set_34_fronts_and_definitions() -> None:
    """Set 34's drafts: a review question's stem ("... in which a person exhibits:") as the Definition; "Brooks's
    reading ... is an exemplar of ..." as a definition; "What is tension phase?" for what happens in it; "What does method
    do?"; a "(ii)" list mark in a card."""
    from seekh_convert.generate.offline.cards import entry_front
    from seekh_convert.generate.offline.sentences import topic_sentences
    from seekh_convert.model.document import Block

    stem = Block(kind="paragraph", text="Behavioral emergencies are situations in which a person exhibits:", slide=57)
    lead = Block(kind="paragraph", text="A vector is an ordered set of elements, all of the same type:", slide=3)
    assert [s.complete for s in topic_sentences([stem])] == [False]
    assert topic_sentences([lead])[0].complete  # a definition leading into its example keeps its place
    exemplar = "Brooks’s reading of Keats’s ode is an exemplar of New Critical reading."
    assert definition_kind(parse(exemplar), "Brooks’s reading of Keats’s ode") is None
    band = "The band theory is the result of the application of molecular orbital theory (MOT) to metals."
    assert definition_kind(parse(band), "band theory") == "copula"  # set 32's teachers kept it
    assert entry_front("Tension phase", "Abuser becomes angry and often blames victim.") == "What happens in the tension phase?"
    assert entry_front("Latent phase", "The first phase of labour, with mild contractions.").startswith("What is")
    marked = topic_sentences(
        [Block(kind="paragraph", text="(ii) guess an internal point of the interval closer to the root.", page=2)]
    )
    assert marked[0].display == "Guess an internal point of the interval closer to the root."


def test_one_rare_adjective_only_puts_a_term_in_a_class() -> None:
    """The replays of set 27: "Conspiracy is an inchoate crime because it is possible that the defendants never will
    commit the planned offense." became the Definition of "Attempt Grading" (a class and a reason)."""
    text = "Conspiracy is an inchoate crime because it is possible that the defendants never will commit the planned offense."
    assert definition_kind(parse(text), "Conspiracy") is None


def test_the_object_of_a_longer_name_is_not_the_term_a_which_clause_defines() -> None:
    """Set 34's wrong key: "What is paraphrase?" -> "Paraphrase happens when readers artificially separate meaning from
    structure or form." (the source: "... warned against the heresy of paraphrase, which happens when ...")."""
    from types import SimpleNamespace

    from seekh_convert.generate.offline.leddef import which_is
    from seekh_convert.model.document import Block, BlockKind

    def found(text: str) -> list[str]:
        block = Block(kind=BlockKind.PARAGRAPH, text=text, page=1)
        ta = SimpleNamespace(
            terms=[SimpleNamespace(key="paraphrase"), SimpleNamespace(key="retroactive interference")],
            topic=SimpleNamespace(blocks=[block]),
        )
        return [f[0] for f in which_is(ta)]

    heresy = "Finally, the New Critics warned against the heresy of paraphrase, which happens when readers artificially separate meaning from structure or form."
    assert found(heresy) == []
    plain = "Forgetting is often caused by retroactive interference, which occurs when new learning blocks the recall of old information."
    assert found(plain) == ["retroactive interference"]
