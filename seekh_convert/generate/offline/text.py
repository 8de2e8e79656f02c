"""Word-level helpers: tokens, stop words, a light stemmer and term keys."""

from __future__ import annotations

import re

STOPWORDS = frozenset(
    """a about above after again against all also although am an and any are around as at be because been
    before being below between both but by can cannot could did do does doing done down during each either
    else even ever every few for from further get gets got had has have having he her here hers herself him
    himself his how however i if in into is it its itself just least less let like made make makes many may
    me might more most much must my myself near need neither no nor not now of off often on once one only or
    other others otherwise our ours ourselves out over own per perhaps quite rather really same say says see
    seen she should since so some something sometimes still such than that the their theirs them themselves
    then there therefore these they thing things this those though through thus to too toward towards two
    under until up upon us use used uses using very via was way ways we well were what whatever when where
    whether which while who whom whose why will with within without would yet you your yours yourself
    yourselves okay ok yeah so gonna right actually know going want think lot kind let's it's that's
    we're you're i'm don't doesn't isn't can't won't there's here's""".split()
)

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")
_PAREN_ABBR = re.compile(r"\s*\([A-Z][A-Za-z0-9\-]{0,9}\)")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_EDGE_PUNCT = " \t\n.,;:!?\"'“”‘’()[]{}*_-—–"


def words(text: str) -> list[str]:
    """Words of ``text`` in order (letters, inner apostrophes and hyphens)."""
    return _WORD.findall(text)


def stem(word: str) -> str:
    """A light, deterministic stem: lower case, possessive and plural endings removed."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.rstrip("'")
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ys")):
        return w[:-1]
    return w


def content_stems(text: str) -> list[str]:
    """Stems of the non-stop words of ``text``, in order."""
    return [stem(w) for w in words(text) if w.lower() not in STOPWORDS and len(w) > 1]


def clean_term(term: str) -> str:
    """Strip markup leftovers, edge punctuation and a trailing ``(ABBR)`` from a term."""
    term = _PAREN_ABBR.sub("", term)
    term = " ".join(term.split()).strip(_EDGE_PUNCT)
    stripped = _LEADING_ARTICLE.sub("", term)
    return stripped if stripped else term


def term_key(term: str) -> str:
    """The identity of a term: lower case, no leading article, each word stemmed."""
    term = _LEADING_ARTICLE.sub("", clean_term(term))
    return " ".join(stem(w) for w in words(term))


def term_pattern(term: str) -> re.Pattern[str]:
    """A case-insensitive, word-bounded pattern that also matches simple plural/possessive forms."""
    parts = [re.escape(p) for p in clean_term(term).split()]
    if not parts:
        return re.compile(r"(?!x)x")
    base = stem(clean_term(term).split()[-1])
    if base.endswith("y") and len(base) > 2:
        last = re.escape(base[:-1]) + "(?:y|ies)"
    else:
        last = re.escape(base) + r"(?:s|es)?(?:'s|’s|s'|s’)?"
    body = r"[\s\-]+".join(parts[:-1] + [last])
    return re.compile(rf"(?<![\w\-]){body}(?![\w\-])", re.IGNORECASE)
