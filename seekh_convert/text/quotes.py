"""The one quote locator: find a quote in a run of texts, tolerant of layout, and say exactly where it is.

Texts and quotes compare by their *match key*: letters and digits only, case-folded, so whitespace,
punctuation, quote marks, dashes and line-break hyphens never decide a match (``"infor- mation"`` =
``information``, ``“x”`` = ``"x"``). A match must start and end on word boundaries (in Chinese, Japanese and
Thai, which write no spaces between words, on any character); a quote with ellipses
(``...``, ``…``, ``[...]``) matches when its fragments occur in order. Every match reports the texts it spans
and the character offsets in the original texts, so callers can narrow a location to the sentence.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from seekh_convert.text.words import UNSPACED, key_string

_IDEOGRAPH = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: Runs of ASCII letters and digits, runs of other ASCII characters, and single non-ASCII characters.
_RUNS = re.compile(r"(?P<word>[A-Za-z0-9]+)|(?P<gap>[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+)|(?P<other>.)", re.DOTALL)
_ELLIPSIS = re.compile(r"\s*(?:\.{3,}|\u2026|\[\s*(?:\.{3}|\u2026)\s*\])\s*")


@dataclass(frozen=True)
class MatchKey:
    """The match key of a text: kept characters, word-boundary flags and where each came from."""

    chars: str
    starts: bytes  # starts[i] is 1 when chars[i] begins a word of the original text
    ends: bytes  # ends[i] is 1 when chars[i] ends a word of the original text
    origin: array  # offset in the original text of chars[i]


@lru_cache(maxsize=4096)  # a block's text is indexed again by the engine, the gate and its repairs
def match_key(text: str) -> MatchKey:
    """The match key of ``text`` (each character NFKC-normalised and case-folded on its own, so offsets map back)."""
    chars: list[str] = []
    starts, ends, origin = bytearray(), bytearray(), array("q")
    prev_alnum = False
    for run in _RUNS.finditer(text):
        kind = run.lastgroup
        if kind == "word":  # ASCII letters and digits, the common case, a run at a time
            begin, stop = run.span()
            chars.append(run.group().lower())
            starts.append(0 if prev_alnum else 1)
            starts.extend(bytes(stop - begin - 1))
            ends.extend(bytes(stop - begin))
            origin.extend(range(begin, stop))
            prev_alnum = True
            continue
        kept = [] if kind == "gap" else [c for c in _fold(run.group()) if c.isalnum()]
        if not kept:
            if prev_alnum:
                ends[-1] = 1
            prev_alnum = False
            continue
        for c in kept:
            chars.append(c)
            starts.append(0 if prev_alnum else 1)
            ends.append(0)
            origin.append(run.start())
            prev_alnum = True
    if ends:
        ends[-1] = 1
    key = "".join(chars)
    _unspaced_words(key, starts, ends)
    return MatchKey(key, bytes(starts), bytes(ends), origin)


def _fold(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch).casefold() if not ch.isascii() else ch.lower()


def _unspaced_words(chars: str, starts: bytearray, ends: bytearray) -> None:
    """Chinese, Japanese and Thai put no spaces between words: any of their characters may start or end a quote."""
    for m in UNSPACED.finditer(chars):
        i = m.start()
        starts[i] = ends[i] = 1
        if i:
            ends[i - 1] = 1
        if i + 1 < len(chars):
            starts[i + 1] = 1


def quote_fragments(quote: str) -> list[str]:
    """Split a quote at ellipses into the parts that must occur in order (parts without letters or digits dropped)."""
    return [part for part in (p.strip() for p in _ELLIPSIS.split(quote)) if key_string(part)]


def quote_chars(quote: str) -> int:
    """Letters and digits a quote brings as evidence (ellipses and punctuation not counted); a Chinese or Japanese
    character, most of a word on its own, counts as two."""
    keys = [key_string(f) for f in quote_fragments(quote)]
    return sum(len(k) + len(_IDEOGRAPH.findall(k)) for k in keys)


@dataclass(frozen=True)
class Span:
    """Where a quote occurs: the texts it spans and offsets into the first and the last of them."""

    texts: tuple[int, ...]  # indices of the texts, first to last
    start: int  # offset in texts[0] where the quote begins
    end: int  # offset in texts[-1] where it ends (exclusive)

    @property
    def first(self) -> int:
        return self.texts[0]

    @property
    def last(self) -> int:
        return self.texts[-1]


class QuoteIndex:
    """The match keys of a run of texts (a topic's blocks, a whole document), searchable as one text."""

    def __init__(self, texts: Sequence[str], max_texts: int = 3):
        self.texts = list(texts)
        self.max_texts = max_texts  # a quote may span at most this many texts
        keys = [match_key(t) for t in self.texts]
        self._offsets: list[int] = []  # where each text begins in ``chars``
        pos = 0
        for key in keys:
            self._offsets.append(pos)
            pos += len(key.chars)
        self.chars = "".join(k.chars for k in keys)
        self._starts = b"".join(k.starts for k in keys)
        self._ends = b"".join(k.ends for k in keys)
        self._origin = array("q")
        for key in keys:
            self._origin.extend(key.origin)

    def find_all(self, quote: str) -> list[Span]:
        """Every place ``quote`` occurs, in text order."""
        fragments = [match_key(f).chars for f in quote_fragments(quote)]
        if not fragments:
            return []
        found: list[Span] = []
        for begin, end in self._occurrences(fragments[0]):
            last = end
            for frag in fragments[1:]:
                nxt = next(self._occurrences(frag, last), None)
                if nxt is None:
                    last = -1
                    break
                last = nxt[1]
            if last < 0:
                continue
            first_text, last_text = self._text_at(begin), self._text_at(last - 1)
            if last_text - first_text >= self.max_texts:
                continue
            found.append(Span(tuple(range(first_text, last_text + 1)), self._origin[begin], self._origin[last - 1] + 1))
        return found

    def find(self, quote: str) -> Span | None:
        """The first place ``quote`` occurs, or None."""
        return next(iter(self.find_all(quote)), None)

    def _text_at(self, pos: int) -> int:
        return bisect.bisect_right(self._offsets, pos) - 1

    def _occurrences(self, key: str, start: int = 0) -> Iterator[tuple[int, int]]:
        """Word-bounded occurrences of ``key`` from ``start``: (begin, end) offsets into ``chars``, end exclusive."""
        i = self.chars.find(key, start)
        while i >= 0:
            j = i + len(key)
            if self._starts[i] and self._ends[j - 1]:
                yield i, j
            i = self.chars.find(key, i + 1)
