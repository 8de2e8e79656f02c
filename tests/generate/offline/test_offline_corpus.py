"""The offline engine on the real corpus chapters and lecture transcript: every topic, every section, grounded."""

from __future__ import annotations

import asyncio

import pytest

from seekh_convert.generate.offline import OfflineEngine
from seekh_convert.model.guide import GuideContent, MultipleChoice, ShortAnswer
from seekh_convert.pipeline import load_document

pytestmark = pytest.mark.corpus

CHAPTERS = [
    "text/psychology__openstax-psychology-2e__ch08-memory.md",
    "text/physics__openstax-university-physics-v1__ch05-newtons-laws.md",
    "text/biology__openstax-biology-1e-philschatz__ch04-cell-structure.md",
    "transcripts/mit-ocw-5.111sc-lec02-atomic-structure.DERIVED.vtt",
]


def _load(path):
    return load_document(path)


async def _all(doc):
    engine = OfflineEngine()
    try:
        return [(t, (await engine.generate(t, doc)).content) for t in doc.topics]
    finally:
        await engine.aclose()


@pytest.mark.parametrize("name", CHAPTERS)
def test_every_topic_yields_a_grounded_valid_guide(corpus, name):
    doc = _load(corpus / name)
    assert doc.topics
    results = asyncio.run(_all(doc))
    for topic, c in results:
        GuideContent.model_validate(c.model_dump())
        assert c.summary.sentences
        for section in ("key_takeaways", "learn_next", "prerequisites", "applications", "flashcards", "questions"):
            # issue 8: a section the source offers nothing genuine for stays empty, with the reason
            assert getattr(c, section) or c.empty_reason(section), (topic.title, section)
    if name.startswith("text/"):  # issue 17: precision first, still enough to study from on a textbook chapter
        assert sum(len(c.flashcards) for _, c in results) >= 2 * len(results)
        assert sum(len(c.flashcards) + len(c.questions) for _, c in results) >= 3 * len(results)
    for _, c in results:  # no template stems, no blind word swaps
        assert not any("completes this statement" in (getattr(q, "question", "") or "") for q in c.questions)
        assert not any(getattr(q, "question", "").startswith("Which term") for q in c.questions)
        assert not any(getattr(q, "question", "").startswith("The text says that") for q in c.questions)
    for topic, c in results:
        usable = [b.text for b in topic.blocks if b.usable]
        items = [
            *([c.definition] if c.definition else []),
            *c.summary.sentences,
            *c.key_takeaways,
            *c.learn_next,
            *c.prerequisites,
            *c.applications,
            *c.flashcards,
            *c.questions,
        ]
        for item in items:
            assert any(item.source.quote in text for text in usable), (topic.title, item.source.quote)
            assert "[Figure" not in item.source.quote and "http" not in item.source.quote
        for q in c.questions:
            if isinstance(q, MultipleChoice):
                answer = q.options[q.answer_index].casefold()
                assert all(o == q.options[q.answer_index] or answer not in o.casefold() for o in q.options)
    assert results == [(t, c) for t, c in asyncio.run(_all(doc))]  # deterministic


def test_textbook_topics_have_real_definitions_and_term_questions(corpus):
    doc = _load(corpus / CHAPTERS[0])
    results = asyncio.run(_all(doc))
    defs = {t.title: c.definition.text for t, c in results if c.definition}
    assert "process called encoding" in defs["Encoding"]
    assert "Storage is" in defs["Storage"] or "storage" in defs["Storage"].lower()
    for _, c in results:  # issue 8: the definition defines a term of the title, or the guide says there is none
        assert c.definition or "no definition" in c.empty_reason("definition")
    # term questions: multiple choice where three options are of the answer's kind, else asked open (issue 17)
    asked = [q for _, c in results for q in c.questions if isinstance(q, MultipleChoice | ShortAnswer)]
    assert len(asked) >= len(results) // 2
    cards = [f for _, c in results for f in c.flashcards]
    assert not any("(" in f.back[:1] or "et al" in f.front for f in cards)
