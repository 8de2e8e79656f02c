"""Key terms without emphasis: defining-sentence spans, noun-phrase rules, cloze gaps and titles."""

from __future__ import annotations

import asyncio

import pytest
from conftest import SAMPLES

from seekh_convert.generate.offline import OfflineEngine
from seekh_convert.generate.offline.analysis import analyse
from seekh_convert.generate.offline.cards import build_flashcards, cloze
from seekh_convert.generate.offline.sentences import topic_sentences
from seekh_convert.generate.offline.statements import phrase_title, titled
from seekh_convert.generate.offline.terms import extract_terms
from seekh_convert.model.document import Block
from seekh_convert.pipeline import load_document
from seekh_convert.text.defining import defined_terms
from seekh_convert.text.nouns import blankable, is_term_like

_BAD = {"three", "means", "information", "process", "memory", "long-term", "interference happens", "new learning", "remember"}


def _spans(text: str) -> list[str]:
    return [d.term.lower() for d in defined_terms(text)]


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        ("Encoding is the conversion of information from the senses into a form that the brain can store.", "encoding"),
        ("The second process is storage, which means keeping encoded information over time.", "storage"),
        (
            "A classic way to describe storage is the multi-store model, which divides memory into three stores.",
            "multi-store model",
        ),
        (
            "The brain stabilises new memories over hours and days, a process called consolidation, and sleep helps.",
            "consolidation",
        ),
        ("One way around the limit is chunking, which means grouping separate items into larger units.", "chunking"),
        ("Sometimes the information was never encoded in the first place, which is called encoding failure.", "encoding failure"),
        ("Proactive interference happens when old information blocks new learning.", "proactive interference"),
        ("Some researchers prefer the term working memory, because this store is not just a waiting room.", "working memory"),
        ("We call this pattern the forgetting curve.", "forgetting curve"),
        (
            "Spreading your study out over days, which we call distributed practice, leads to better retention.",
            "distributed practice",
        ),
        ("Recall means producing the information with few cues, as in an essay question.", "recall"),
        ("A cue is any piece of information that helps you reach a stored memory.", "cue"),
        ("So JJ Thompson was interested in this thing called cathode rays.", "cathode rays"),
        ("And they later called this the nucleus.", "nucleus"),
        ("The negatively charged particle got the name of the electron.", "electron"),
        ("The ground exerts an upward force, known as the normal force N, on the mower.", "normal force"),
        ("This idea is known as the photoelectric effect in physics.", "photoelectric effect"),
        ("The energy needed to free an electron is called the work function.", "work function"),
    ],
)
def test_defining_sentences_yield_the_defined_noun_phrase(sentence, term):
    assert _spans(sentence)[0] == term


@pytest.mark.parametrize(
    "sentence",
    [
        "It is where you actively hold and manipulate information, for example when you do mental arithmetic.",
        "That means the difference in masses also has to be big.",
        "This is small, very small.",
        "Today we are going to talk about memory, which is one of my favourite topics in this course.",
        "There are three common ways to measure retrieval.",
        "The second law is a description of how a body responds mechanically to its environment.",
        "Most forgetting happens quickly, within the first hour or so.",
    ],
)
def test_sentences_that_define_nothing_yield_no_term(sentence):
    assert _spans(sentence) == []


def test_named_process_is_not_part_of_the_span():
    spans = _spans("We get information into our brains through a process called encoding, which is the input of information.")
    assert spans == ["encoding"]


@pytest.mark.parametrize(
    "text",
    [
        "three",
        "means",
        "information",
        "interference happens",
        "new learning",
        "long-term",
        "smaller",
        "equals Ma",
        "three significant figures",
        "It",
        "the process",
    ],
)
def test_non_terms_are_rejected(text):
    assert not is_term_like(text, strict=True)


@pytest.mark.parametrize(
    "text",
    [
        "proactive interference",
        "long-term memory",
        "deep processing",
        "Coulomb's Force Law",
        "alpha particles",
        "consolidation",
        "plum pudding model",
    ],
)
def test_noun_phrases_are_terms(text):
    assert is_term_like(text, strict=True)


def test_cloze_gaps_are_real_terms_never_numbers_or_verbs():
    assert not blankable("three") and not blankable("means") and not blankable("information") and not blankable("42")
    assert blankable("consolidation") and blankable("recall") and blankable("encoding failure")
    blocks = [
        Block(
            "The multi-store model divides memory into three stores. Long-term memory has no known capacity limit at all, unlike "
            "the small store of working memory. "
            "Long-term memory can last for decades in most people. Long-term memory holds facts and events you know. "
            "The brain stabilises new memories over hours, a process called consolidation, during a good night of sleep."
        )
    ]
    sents = topic_sentences(blocks)
    terms = extract_terms(blocks, sents, {})
    cards = build_flashcards(terms, sents)
    backs = {c.back.lower() for c in cards if c.kind == "cloze"}
    assert "long-term memory" in backs and not backs & _BAD
    assert any(c.front == "What is consolidation?" for c in cards)
    three = next(s for s in sents if "three stores" in s.text)
    assert all(cloze(three, t, terms) is None or cloze(three, t, terms)[1] != "three" for t in terms)


def test_titles_name_the_defined_term_and_never_repeat():
    blocks = [
        Block(
            "Proactive interference happens when old information blocks new learning. "
            "Retroactive interference happens when new learning blocks older memories. "
            "Sometimes other memories get in the way, which is called interference. "
            "Interference is one of the most common causes of forgetting in daily life."
        )
    ]
    sents = topic_sentences(blocks)
    terms = extract_terms(blocks, sents, {})
    assert phrase_title(sents[0], terms, set()) == "Proactive interference"
    titles = [t for _, t in titled(sents, terms)]
    assert titles[:3] == ["Proactive interference", "Retroactive interference", "Interference"]
    assert len({t.casefold() for t in titles}) == len(titles)


@pytest.fixture(scope="module")
def lecture():
    doc = load_document(SAMPLES / "memory-lecture.vtt")
    engine = OfflineEngine()
    return doc, [asyncio.run(engine.generate(t, doc)).content for t in doc.topics]


def test_lecture_terms_come_from_its_defining_sentences(lecture):
    doc, _ = lecture
    terms = {t.text.lower(): t for t in analyse(doc, doc.topics[0]).topics[0].terms}
    for name in (
        "encoding",
        "storage",
        "retrieval",
        "consolidation",
        "chunking",
        "encoding failure",
        "interference",
        "proactive interference",
        "retroactive interference",
        "multi-store model",
        "working memory",
        "cue",
    ):
        assert name in terms, name
    assert terms["consolidation"].defined and "process called consolidation" in terms["consolidation"].definition.text
    assert not set(terms) & _BAD


def test_lecture_guide_uses_real_terms_for_titles_cards_and_links(lecture):
    _, contents = lecture
    for c in contents:
        titles = [t.title for t in c.key_takeaways] + [a.title for a in c.applications]
        assert not {t.lower() for t in titles} & _BAD
        assert len({t.title.casefold() for t in c.key_takeaways}) == len(c.key_takeaways)
        cloze_backs = {f.back.lower() for f in c.flashcards if f.kind == "cloze"}
        assert cloze_backs and not cloze_backs & _BAD
        links = {x.topic.lower() for x in [*c.learn_next, *c.prerequisites]}
        assert not links & _BAD
        assert not {x.topic.lower() for x in c.learn_next} & {x.topic.lower() for x in c.prerequisites}
    # issue 17 (teacher, set F): a title names the point, never the bare term ("European Union"); "What recall means"
    takeaways = [t for c in contents for t in c.key_takeaways]
    assert takeaways and all(len(t.title.split()) > 1 for t in takeaways)


@pytest.mark.corpus
def test_mit_lecture_surfaces_its_physics_terms(corpus):
    doc = load_document(corpus / "transcripts" / "mit-ocw-5.111sc-lec02-atomic-structure.DERIVED.vtt")
    analysis = analyse(doc, doc.topics[0])
    names = {t.text.lower() for ta in analysis.topics for t in ta.terms}
    for name in ("cathode rays", "electron", "nucleus", "alpha particles", "rutherford model", "coulomb's force law"):
        assert name in names, name
    assert not names & {"three", "means", "happens", "understand", "describe", "pretty", "smaller", "equals ma"}
