"""Sentences for automatic captions that carry no punctuation ("now signals can of course be multi-dimensional").

Automatic captions run every sentence into the next, and their cues often follow each other without a pause, so
neither punctuation nor timing says where a sentence ends. A lecturer starts most sentences with a discourse
marker ("now", "well", "so", "let me", "I'd like to", "this is", "for example"); a sentence is cut before such
a marker where it opens a cue, or inside a cue where it is followed by the start of a clause ("now it", "well let
me"), once the sentence has a few words; a sentence still open after ``longest`` words is cut at a cue end. Each
sentence then gets a capital and a full stop, and the pronoun "i" its capital, so that what follows reads (and
splits) it as a sentence. Words are never changed otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_CUE_OPENER = re.compile(
    r"^(?:now|well|so|and so|and now|and then|and (?:i|i'd|i'll|we|we'll|we're)|but|okay|ok|all right|alright|let's|let me"
    r"|i'd like|i'll|i want|what i|we'll|we will|we can|we have|here|this is|these are|that's|what we|one very|as another"
    r"|another|for example|in other words|in particular|the result|there (?:is|are)|it's (?:interesting|worth)"
    r"|incidentally|incidently|first of all|finally|if we|when we|once again|in this case)\b",
    re.I,
)
_INNER = re.compile(
    r"\s(now|well|so now|so|okay|all right|incidentally|incidently)\s(?=(?:it|we|i|i'd|i'll|i'm|let's|let|the|this|these|what|if|you|there|here|in|as"
    r"|that's|what's|once|for|one)\b)",
    re.I,
)
_NOT_BEFORE_INNER = frozenset("as very pretty quite just right and so is was be".split())
_LONE_I = re.compile(r"\bi(?=\b|')")
#: Words a sentence does not end on, or a clause does not start with: no cut at a cue end beside them.
_GLUE = frozenset(
    """a an the of to in on at by for from with into and or but that which who whose than as is are was were be been
    its their his her our your my this these those some any each every very more most less such not no can could
    will would should may might must do does did has have had being about over under between through""".split()
)
MIN_WORDS = 5  # a sentence is not cut before it has this many words


def caption_sentences(cues: Iterable[tuple[str, float, float]], longest: int, pause: float) -> list[tuple[str, float, float]]:
    """``(text, start, end)`` sentences of unpunctuated caption cues ``(text, start, end)``, punctuated."""
    out: list[tuple[str, float, float]] = []
    words: list[str] = []
    start = end = 0.0
    for text, cue_start, cue_end in cues:
        pieces = _pieces(text)
        for k, piece in enumerate(pieces):
            opens = _CUE_OPENER.match(piece) is not None if k == 0 else True
            cut = opens or (k == 0 and (cue_start - end >= pause or _too_long(words, piece, longest)))
            if words and cut and len(words) >= MIN_WORDS:
                out.append((punctuate(" ".join(words)), start, end))
                words = []
            if not words:
                start = cue_start
            words.extend(piece.split())
            end = cue_end
    if words:
        out.append((punctuate(" ".join(words)), start, end))
    return out


def _too_long(words: list[str], piece: str, longest: int) -> bool:
    """A sentence past ``longest`` words is cut at a cue end that splits no phrase (twice as long: at any cue end)."""
    if len(words) >= 2 * longest:
        return True
    nxt = piece.split()[0].lower()
    return len(words) >= longest and words[-1].lower() not in _GLUE and nxt not in _GLUE


def _pieces(text: str) -> list[str]:
    """A cue's text cut before each clause-opening marker inside it ("... signals now it also ...")."""
    pieces: list[str] = []
    last = 0
    for m in _INNER.finditer(text):
        before = text[last : m.start()].split()
        if len(before) < 2 or before[-1].lower() in _NOT_BEFORE_INNER:
            continue
        pieces.append(text[last : m.start()].strip())
        last = m.start() + 1
    pieces.append(text[last:].strip())
    return [p for p in pieces if p]


def punctuate(sentence: str) -> str:
    """A capital, a full stop, and "I" for the pronoun."""
    sentence = _LONE_I.sub("I", sentence.strip().rstrip(",;:"))
    if not sentence:
        return sentence
    sentence = sentence[:1].upper() + sentence[1:]
    return sentence if sentence[-1] in ".?!…" else sentence + "."
