"""Sentence centrality (tf-idf centroid), the summary and the key takeaways."""

from __future__ import annotations

import math
import re
from collections import Counter

from rapidfuzz import fuzz

from ...document import BlockKind
from ...schema import Importance, Summary, SummarySentence, Takeaway
from .sentences import Sentence
from .terms import FIGURE_REF, Term

CITATION = re.compile(r"\([A-Z][A-Za-z&.,\s]+\d{4}[a-z]?\)")
_SECOND_PERSON = re.compile(r"\b(?:you|your|I|me|my)\b")


def centrality(sentences: list[Sentence], terms: list[Term], idf: dict[str, float]) -> dict[int, float]:
    """Score every sentence (by ``order``): closeness to the topic centroid plus key-term and kind bonuses."""
    vectors = []
    centroid: Counter[str] = Counter()
    for s in sentences:
        vec = {k: c * idf.get(k, 1.0) for k, c in Counter(s.stems).items()}
        vectors.append(vec)
        centroid.update(vec)
    cnorm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
    defs = {id(t.definition) for t in terms[:8] if t.defined}
    top_terms = [t for t in terms[:10]]
    scores: dict[int, float] = {}
    for s, vec in zip(sentences, vectors):
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        score = sum(v * centroid[k] for k, v in vec.items()) / (norm * cnorm)
        score += 0.08 * min(3, sum(1 for t in top_terms if s in t.mentions))
        score += 0.25 if id(s) in defs else 0.0
        score += 0.15 if s.block.kind is BlockKind.SUMMARY else 0.0
        score -= 0.15 if _SECOND_PERSON.search(s.text) else 0.0
        score -= 0.1 if CITATION.search(s.text) else 0.0
        score -= 0.15 if s.n_words < 8 or not s.complete else 0.0
        score -= 0.1 if s.n_words > 45 else 0.0
        score -= 0.3 if FIGURE_REF.search(s.text) else 0.0
        scores[s.order] = score
    return scores


def rank(sentences: list[Sentence], scores: dict[int, float]) -> list[Sentence]:
    """Sentences by falling centrality; ties by source order."""
    return sorted(sentences, key=lambda s: (-scores[s.order], s.order))


def _similar(a: Sentence, b: Sentence) -> bool:
    return fuzz.token_set_ratio(a.text, b.text) >= 80


def pick_distinct(ranked: list[Sentence], k: int, exclude: list[Sentence] = ()) -> list[Sentence]:
    """The first ``k`` ranked sentences that are not near-duplicates of each other or of ``exclude``."""
    chosen: list[Sentence] = []
    for s in ranked:
        if len(chosen) >= k:
            break
        if any(s is e or _similar(s, e) for e in exclude) or any(_similar(s, c) for c in chosen):
            continue
        chosen.append(s)
    return chosen


def summary_size(n_sentences: int) -> int:
    """3 to 6 sentences, growing with the topic."""
    return max(3, min(6, n_sentences // 10 + 2))


def build_summary(ranked: list[Sentence]) -> tuple[Summary, list[Sentence]]:
    """The most central distinct sentences, in source order."""
    chosen = sorted(pick_distinct(ranked, summary_size(len(ranked))), key=lambda s: s.order)
    text = " ".join(s.display for s in chosen)
    while len(text) > 4000 and len(chosen) > 1:
        chosen = chosen[:-1]
        text = " ".join(s.display for s in chosen)
    items = [SummarySentence(text=s.display, source=s.ref()) for s in chosen]
    return Summary(text=text, sentences=items), chosen


def _title(s: Sentence, terms: list[Term]) -> str:
    """A short phrase: the best key term the sentence names, else its first words."""
    for t in terms:
        if s in t.mentions:
            return t.text[:1].upper() + t.text[1:]
    first = s.text.split()[:6]
    return " ".join(first).rstrip(",;:.") + ("…" if len(s.text.split()) > 6 else "")


def _importance(i: int, n: int) -> Importance:
    if i < max(1, round(n / 3)):
        return Importance.HIGH
    if i < max(2, round(2 * n / 3)):
        return Importance.MEDIUM
    return Importance.LOW


def build_takeaways(ranked: list[Sentence], terms: list[Term], summary: list[Sentence]) -> list[Takeaway]:
    """3-6 key points: the source's own summary sentences first, else central sentences not in the summary."""
    own = [s for s in ranked if s.block.kind is BlockKind.SUMMARY]
    chosen = pick_distinct(own, 6, summary)
    if len(chosen) < 3:
        chosen += pick_distinct([s for s in ranked if s not in chosen], 3 - len(chosen), summary + chosen)
    if not chosen:
        chosen = pick_distinct(ranked, 3)
    n = len(chosen)
    return [
        Takeaway(title=_title(s, terms)[:300], text=s.display, importance=_importance(i, n), source=s.ref())
        for i, s in enumerate(chosen)
    ]
