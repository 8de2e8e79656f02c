"""The offline engine: wires analysis and section builders into one GuideContent per topic."""

from __future__ import annotations

import weakref

from rapidfuzz import fuzz

from ...document import Document, Topic
from ...errors import EngineError
from ...schema import Definition, GuideContent
from ..base import Generation
from .analysis import DocAnalysis, TopicAnalysis, analyse
from .cards import build_flashcards
from .classify import study_minutes
from .links import applications, learn_next, prerequisites
from .questions import build_questions
from .summarize import build_summary, build_takeaways
from .terms import Term
from .text import term_key


def main_term(ta: TopicAnalysis) -> Term | None:
    """The term the topic is about: one matching the title, else the best-ranked defined term."""
    title_key = term_key(ta.topic.title)
    defined = [t for t in ta.terms if t.defined]
    for t in defined:
        if f" {t.key} " in f" {title_key} " or fuzz.ratio(t.key, title_key) >= 85:
            return t
    return defined[0] if defined else (ta.terms[0] if ta.terms and ta.terms[0].definition else None)


def _definition(ta: TopicAnalysis) -> Definition:
    t = main_term(ta)
    s = t.definition if t is not None else ta.ranked[0]
    return Definition(text=s.display, source=s.ref())


class OfflineEngine:
    """Deterministic, extractive generator: no network, no model; every item quotes the topic."""

    name = "offline"
    model: str | None = None

    def __init__(self) -> None:
        self._cache: dict[int, tuple[weakref.ref, DocAnalysis]] = {}

    def _analysis(self, topic: Topic, document: Document) -> DocAnalysis:
        hit = self._cache.get(id(document))
        if hit is not None and hit[0]() is document:
            return hit[1]
        doc = analyse(document, topic)
        self._cache = {k: v for k, v in self._cache.items() if v[0]() is not None}
        self._cache[id(document)] = (weakref.ref(document), doc)
        return doc

    def content(self, topic: Topic, document: Document) -> GuideContent:
        """The guide content of one topic (synchronous core of ``generate``)."""
        doc = self._analysis(topic, document)
        ta = doc.for_topic(topic)
        if not ta.sentences:
            raise EngineError(f"topic {topic.index} ({topic.title!r}) has no usable text to quote")
        summary, summary_sents = build_summary(ta.ranked)
        takeaways = build_takeaways(ta.ranked, ta.terms, summary_sents)
        doc_terms = [t for other in doc.topics if other is not ta for t in other.terms if t.defined or t.origin != "keyword"]
        title = (topic.title.strip() or f"Topic {topic.index}")[:300]
        return GuideContent(
            topic=title,
            subject=doc.subject,
            level=ta.level,
            study_time_minutes=study_minutes(ta.word_count),
            definition=_definition(ta),
            summary=summary,
            key_takeaways=takeaways,
            learn_next=learn_next(doc, ta),
            prerequisites=prerequisites(doc, ta),
            applications=applications(ta, {id(s) for s in summary_sents}),
            flashcards=build_flashcards(ta.terms, ta.ranked),
            questions=build_questions(ta.terms, doc_terms, ta.ranked, title),
        )

    async def generate(self, topic: Topic, document: Document) -> Generation:
        return Generation(content=self.content(topic, document), usage=None)

    async def aclose(self) -> None:
        self._cache.clear()
