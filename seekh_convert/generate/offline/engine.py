"""The offline engine: wires analysis and the candidate pool into one GuideContent per topic."""

from __future__ import annotations

import weakref
from collections.abc import Iterable

from seekh_convert.errors import EngineError
from seekh_convert.generate.offline.analysis import DocAnalysis, TopicAnalysis, analyse
from seekh_convert.generate.offline.pool import Pool, build_pool, content_of, main_term, repair_content
from seekh_convert.generate.offline.sentences import prime_likely, release_parses
from seekh_convert.model.document import Document, Topic
from seekh_convert.model.engine import Generation
from seekh_convert.model.guide import GuideContent

__all__ = ["OfflineEngine", "main_term"]


class OfflineEngine:
    """Deterministic, extractive generator: no network, no model; every item quotes the topic."""

    name = "offline"
    model: str | None = None
    #: Languages it writes guides in (its questions, cards and links are English sentences around the quotes).
    languages: frozenset[str] | None = frozenset({"en"})
    concurrency = 1  # sends no requests
    on_request = None
    chunk_tokens = 1500  # chunks only bound the pipeline's bookkeeping here: the engine reads whole topics

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

    def _pool(self, topic: Topic, document: Document) -> tuple[DocAnalysis, TopicAnalysis, Pool, str]:
        doc = self._analysis(topic, document)
        ta = doc.for_topic(topic)
        if "pool" in ta.memo:  # a repair asks again: the candidates are the same, built once
            return doc, ta, ta.memo["pool"], ta.memo["title"]
        if not ta.sentences:
            raise EngineError(
                "the offline engine found no sentence it can quote here (text without sentence punctuation, "
                "e.g. CJK captions, or only references/figures); try --engine openai"
            )
        title = (topic.title.strip() or f"Topic {topic.index}")[:300]
        try:
            prime_likely(ta.ranked)
            ta.memo["pool"], ta.memo["title"] = build_pool(doc, ta, title), title
        finally:
            release_parses()  # what the parses said is kept; the parses themselves would fill memory on a book
        return doc, ta, ta.memo["pool"], title

    def content(self, topic: Topic, document: Document) -> GuideContent:
        """The guide content of one topic (synchronous core of ``generate``)."""
        doc, ta, pool, title = self._pool(topic, document)
        return content_of(pool, doc, ta, title)

    async def generate(self, topic: Topic, document: Document) -> Generation:
        return Generation(content=self.content(topic, document), usage=None)

    async def repair(self, content: GuideContent, findings: Iterable, topic: Topic, document: Document) -> Generation:
        """Replace the items the gate rejected (``findings``: section/index) with the next-best unused candidates."""
        failing: dict[str, set[int | None]] = {}
        for f in findings:
            failing.setdefault(f.section, set()).add(f.index)
        _, _, pool, _ = self._pool(topic, document)
        return Generation(content=repair_content(content, failing, pool), usage=None)

    async def aclose(self) -> None:
        self._cache.clear()
