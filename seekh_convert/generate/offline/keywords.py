"""Statistical key-term fallback: repeated noun-phrase-like 1-3 word phrases ranked by tf-idf.

Only fills up the terms found from emphasis, glossaries and defining sentences; prefers recurring multiword
phrases and phrases that occur in defining sentences.
"""

from __future__ import annotations

from collections import Counter

from seekh_convert.generate.offline.sentences import Sentence
from seekh_convert.text.nouns import is_term_like, noun_bonus
from seekh_convert.text.words import STOPWORDS, singular, surface_words

_SPOKEN = frozenset(
    """today tomorrow yesterday thing things stuff people person question questions answer answers class lecture
    minute minutes time times little big lot lots guy guys example examples idea ideas word words point points
    start end way next first second last different same good great sure whole able kind sort maybe okay""".split()
)


def _weak_word(w: str) -> bool:
    """Words that never start or end a keyword: stop words, spoken fillers, adverbs, contractions."""
    low = w.lower()
    return low in STOPWORDS or low in _SPOKEN or (low.endswith("ly") and len(low) > 4) or "'" in low or "’" in low


def keyword_candidates(
    sentences: list[Sentence], idf: dict[str, float], limit: int, defining: set[int] = frozenset(), title: str = ""
) -> list[tuple[str, float]]:
    """Repeated noun-phrase-like 1-3 word phrases, best first (``defining``: ids of defining sentences).

    A generic single word is kept only when it names the topic (``title``), e.g. "memory" in "Memory".
    """
    title_stems = {singular(w) for w in surface_words(title)}
    counts: Counter[str] = Counter()
    in_defs: Counter[str] = Counter()
    surface: dict[str, str] = {}
    for s in sentences:
        ws = surface_words(s.text)
        for n in (1, 2, 3):
            for i in range(len(ws) - n + 1):
                gram = ws[i : i + n]
                if any(_weak_word(w) for w in gram):
                    continue
                key = " ".join(singular(w) for w in gram)
                counts[key] += 1
                in_defs[key] += id(s) in defining
                surface.setdefault(key, " ".join(gram))
    scored = []
    for key, tf in counts.items():
        text = surface[key]
        if tf < 2 or not (is_term_like(text, strict=True) or (" " not in key and key in title_stems and len(key) > 3)):
            continue
        weight = sum(idf.get(k, 1.0) for k in key.split()) / len(key.split())
        boost = (1.6 if " " in key else 1.0) * (1.0 + 0.5 * min(in_defs[key], 2)) + noun_bonus(text)
        scored.append((tf * weight * boost, key))
    scored.sort(key=lambda x: (-x[0], x[1]))
    return [(surface[k], sc) for sc, k in scored[:limit]]
