"""Text forms the checks compare: match keys tolerant of layout, and stemmed content words."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

_STEMMER = snowballstemmer.stemmer("english")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_ELLIPSIS = re.compile(r"\s*(?:\.{3,}|\u2026|\[\s*(?:\.{3}|\u2026)\s*\])\s*")

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each either few for from further had has have
    having he her here hers him his how i if in into is it its itself just may might more most much must my
    neither no nor not of off on once only or other our ours out over own same she should so some such than
    that the their theirs them then there these they this those through to too under until up upon very was
    we were what when where which while who whom whose why will with within without would you your yours
    one ones called known refers refer referred term used use uses using often usually also like e g ie eg
    etc""".split()
)


def fold(text: str) -> str:
    """NFKC + casefold: one form for comparing characters."""
    return unicodedata.normalize("NFKC", text).casefold()


@dataclass(frozen=True)
class MatchKey:
    """Only the letters and digits of a text, casefolded, with word-boundary flags per kept character.

    Whitespace, punctuation, quote marks, dashes and line-break hyphens all vanish, so
    ``"infor- mation"`` and ``information`` or ``“x”`` and ``"x"`` share one key.
    """

    chars: str
    starts: tuple[bool, ...]  # chars[i] begins a word in the original text
    ends: tuple[bool, ...]  # chars[i] ends a word in the original text


def match_key(text: str) -> MatchKey:
    """The match key of ``text``."""
    folded = fold(text)
    chars: list[str] = []
    starts: list[bool] = []
    ends: list[bool] = []
    prev_alnum = False
    for ch in folded:
        if ch.isalnum():
            chars.append(ch)
            starts.append(not prev_alnum)
            ends.append(False)
            prev_alnum = True
        else:
            if prev_alnum and ends:
                ends[-1] = True
            prev_alnum = False
    if ends:
        ends[-1] = True
    return MatchKey("".join(chars), tuple(starts), tuple(ends))


def key_string(text: str) -> str:
    """Letters and digits only, casefolded (the ``chars`` of :func:`match_key`)."""
    return "".join(ch for ch in fold(text) if ch.isalnum())


def quote_fragments(quote: str) -> list[str]:
    """Split a quote at ellipses (``...``, ``…``, ``[...]``) into the parts that must occur in order."""
    return [part for part in (p.strip() for p in _ELLIPSIS.split(quote)) if key_string(part)]


def words(text: str) -> list[str]:
    """Lower-cased words (letters/digits runs) of ``text``."""
    return _WORD.findall(fold(text))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def content_stems(text: str) -> list[str]:
    """Stemmed content words of ``text`` in order, without stopwords and one-letter words, de-duplicated."""
    seen: dict[str, None] = {}
    for word in words(text):
        if word in STOPWORDS or (len(word) < 2 and not word.isdigit()):
            continue
        seen.setdefault(stem(word), None)
    return list(seen)


def coverage(needles: list[str], haystack: set[str]) -> float:
    """Fraction of ``needles`` present in ``haystack`` (1.0 for no needles)."""
    if not needles:
        return 1.0
    return sum(1 for n in needles if n in haystack) / len(needles)


def normalized_phrase(text: str) -> str:
    """Words joined by single spaces: the form fuzzy comparisons use."""
    return " ".join(words(text))
