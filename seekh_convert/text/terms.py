"""Key terms as text: a term's clean form, its identity key, and a pattern that finds it in prose."""

from __future__ import annotations

import re
from functools import lru_cache

from seekh_convert.text.words import singular, surface_words

_PAREN_ABBR = re.compile(r"\s*\([A-Z][A-Za-z0-9\-]{0,9}\)")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_EDGE_PUNCT = " \t\n.,;:!?\"'“”‘’()[]{}*_-—–"


def clean_term(term: str) -> str:
    """Strip markup leftovers, edge punctuation and a trailing ``(ABBR)`` from a term."""
    term = _PAREN_ABBR.sub("", term)
    term = " ".join(term.split()).strip(_EDGE_PUNCT)
    words = term.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half and [w.lower() for w in words[:half]] == [w.lower() for w in words[half:]]:
        term = " ".join(words[half:])  # "Reliability Reliability": a heading run into its own sentence (set 31)
    stripped = _LEADING_ARTICLE.sub("", term)
    return stripped if stripped else term


def term_key(term: str) -> str:
    """The identity of a term: lower case, no leading article, each word singular."""
    term = _LEADING_ARTICLE.sub("", clean_term(term))
    return " ".join(singular(w) for w in surface_words(term))


@lru_cache(maxsize=65536)
def term_pattern(term: str) -> re.Pattern[str]:
    """A case-insensitive, word-bounded pattern that also matches simple plural/possessive forms."""
    parts = [re.escape(p) for p in clean_term(term).split()]
    if not parts:
        return re.compile(r"(?!x)x")
    base = singular(clean_term(term).split()[-1])
    if base.endswith("y") and len(base) > 2:
        last = re.escape(base[:-1]) + "(?:y|ies)"
    else:
        last = re.escape(base) + r"(?:s|es)?(?:'s|’s|s'|s’)?"
    body = r"[\s\-]+".join(parts[:-1] + [last])
    return re.compile(rf"(?<![\w\-]){body}(?![\w\-])", re.IGNORECASE)


#: Head nouns that say what kind of thing a term is: a theory is no option for a property, a process for a tool.
_KIND_HEADS = frozenset(
    "law principle theorem rule hypothesis postulate equation effect theory model paradox process method technique "
    "test tool system disorder syndrome disease cell organ gland hormone".split()
)
_JOINED = re.compile(r"\b(?:and|or)\b|&|/")


def different_kinds(a: str, b: str) -> bool:
    """True when two terms are plainly not things of one kind, so one is no option beside the other: one names two
    things ("bradykinesia and akinesia") and the other one, or either's head says its kind ("Newton's theory", "fast
    process") and the other's head differs ("interpretability", "basal ganglia")."""
    if bool(_JOINED.search(a)) != bool(_JOINED.search(b)):
        return True
    heads = [singular((surface_words(x) or [""])[-1].lower()) for x in (a, b)]
    return (heads[0] in _KIND_HEADS or heads[1] in _KIND_HEADS) and heads[0] != heads[1]
