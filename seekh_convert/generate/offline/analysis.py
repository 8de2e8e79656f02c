"""Document-level analysis, computed once per document and shared by every topic."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from seekh_convert.generate.offline.classify import level_of, level_score, subject_of
from seekh_convert.generate.offline.sentences import Sentence, topic_sentences
from seekh_convert.generate.offline.statements import claim_score
from seekh_convert.generate.offline.summarize import centrality, rank
from seekh_convert.generate.offline.terms import Term, extract_terms
from seekh_convert.model.document import Document, Topic
from seekh_convert.model.guide import Level, Subject
from seekh_convert.text.sentences import sentences
from seekh_convert.text.terms import term_key
from seekh_convert.text.words import content_stems, singular, surface_words


@dataclass(eq=False)
class TopicAnalysis:
    """Sentences, key terms and centrality of one topic."""

    topic: Topic
    sentences: list[Sentence]
    terms: list[Term]
    ranked: list[Sentence]
    scores: dict[int, float]  # centrality by ``Sentence.order``
    level: Level
    word_count: int
    stem_text: str  # " stem stem ... " of every word, for fast term look-ups
    memo: dict = field(default_factory=dict)  # per-topic caches of derived values (claim scores, mentions)

    def claim(self, s: Sentence) -> float:
        """``claim_score`` of one of the topic's sentences, computed once."""
        key = ("claim", s.order)
        if key not in self.memo:
            self.memo[key] = claim_score(s, self.terms)
        return self.memo[key]

    def mentions(self, key: str) -> bool:
        """True when a term with this key occurs in the topic."""
        return f" {key} " in self.stem_text


@dataclass(eq=False)
class DocAnalysis:
    """Subject, vocabulary weights and every topic's analysis."""

    document: Document
    subject: Subject
    idf: dict[str, float]
    topics: list[TopicAnalysis] = field(default_factory=list)
    defined_in: dict[str, int] = field(default_factory=dict)  # term key -> position in ``topics``
    memo: dict = field(default_factory=dict)  # document-wide derived values, computed once (``pervasive_words``)

    def position(self, topic: Topic) -> int | None:
        """Position of ``topic`` in the document's topics (None for a topic outside them)."""
        for i, ta in enumerate(self.topics):
            if ta.topic is topic:
                return i
        return None

    def for_topic(self, topic: Topic) -> TopicAnalysis:
        pos = self.position(topic)
        return self.topics[pos] if pos is not None else analyse_topic(topic, self.idf)


def _idf(document: Document, topics: list[Topic]) -> dict[str, float]:
    blocks = [b for b in document.blocks if b.usable] or [b for t in topics for b in t.blocks if b.usable]
    df: Counter[str] = Counter()
    for b in blocks:
        df.update(set(content_stems(b.text)))
    n = len(blocks)
    return {k: math.log((n + 1) / (c + 1)) + 1.0 for k, c in df.items()}


def analyse_topic(topic: Topic, idf: dict[str, float], document_level: float | None = None) -> TopicAnalysis:
    """Sentences, terms, centrality ranking and level of one topic."""
    sentences = topic_sentences(topic.blocks)
    terms = extract_terms(topic.blocks, sentences, idf, topic.title)
    scores = centrality(sentences, terms, idf)
    ranked = rank(sentences, scores)
    text = " ".join(s.text for s in sentences)
    all_words = [w for b in topic.blocks if b.usable for w in surface_words(b.text)]
    stem_text = " " + " ".join(singular(w) for w in all_words) + " "
    return TopicAnalysis(
        topic, sentences, terms, ranked, scores, level_of(text, len(sentences), document_level), len(all_words), stem_text
    )


def analyse(document: Document, topic: Topic) -> DocAnalysis:
    """Analyse the whole document (its topics, or just ``topic`` when it has none)."""
    topics = document.topics or [topic]
    idf = _idf(document, topics)
    text = "\n".join(b.text for b in document.blocks if b.usable) or "\n".join(b.text for b in topic.blocks)
    doc = DocAnalysis(document, subject_of(text, document.title), idf)
    sample = text[:200_000]  # the document's level: enough text to judge, bounded for long books
    document_level = level_score(sample, max(1, len(sentences(sample))))
    for i, t in enumerate(topics):
        ta = analyse_topic(t, idf, document_level)
        doc.topics.append(ta)
        for term in ta.terms:
            if term.defined:
                doc.defined_in.setdefault(term.key, i)
    _promote_known(doc)
    return doc


def _promote_known(doc: DocAnalysis) -> None:
    """Mark keyword terms that another topic marks or defines, or that the topic's title names, as known."""
    marked = {t.key for ta in doc.topics for t in ta.terms if t.origin != "keyword" or t.defined}
    for ta in doc.topics:
        title = f" {term_key(ta.topic.title)} "
        for t in ta.terms:
            if t.origin == "keyword" and (t.key in marked or f" {t.key} " in title):
                t.known = True
