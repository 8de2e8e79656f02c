"""The one sentence splitter: character spans of the sentences of a text.

A sentence ends at ``.``, ``!`` or ``?`` (and the Arabic ``؟``, Urdu ``۔``, Devanagari ``।``, Ethiopic ``።``;
closing quotes and brackets included) followed by white space and a capital of any script, a letter of a script
without capitals (Arabic, Hebrew, Devanagari, CJK...), a digit, quote or bracket; at a footnote mark
(``memory.12 The``); at CJK full stops (``。！？．｡``) whatever follows; and at line breaks. Thai writes no sentence
punctuation: a space between two Thai characters is where a sentence or clause ends (Thai orthography puts a
space exactly there and nowhere between words), so it is a boundary too. A full stop after a known
abbreviation (``e.g.``, ``Dr.``, ``Fig.``) or a single letter (``J. Smith``) ends nothing. Right-to-left text
needs nothing special: a span is a span of the text in logical (reading) order. A dotted initialism before a
number or the name it qualifies ends nothing either ("548 U.S. 220 (2006)", "the U.S. Supreme Court").
"""

from __future__ import annotations

import re

#: Words whose full stop does not end a sentence (lower case, without the final stop).
ABBREVIATIONS = frozenset(
    "e.g i.e etc vs dr mr mrs ms prof fig figs al approx no st jr sr cf eq eqs ch sec vol pp ca resp mt mts gen gov sen rep lt col capt sgt".split()
)
_CLOSERS = "\"”’')\\]」』»"
_CJK_END = "。！？．｡"
_OTHER_END = "؟۔।॥።"  # Arabic question mark, Urdu full stop, Devanagari danda and double danda, Ethiopic full stop
_THAI = "\u0e01-\u0e5b"
_BOUNDARY = re.compile(
    rf"(?:[.!?{_OTHER_END}]+[{_CLOSERS}]*|(?<=[a-z])[.!?]\d{{1,2}})\s+|[{_CJK_END}]+[{_CLOSERS}]*\s*|\n+"
    rf"|(?<=[{_THAI}])[ \t\u00a0]+(?=[{_THAI}])"
)
_OPENERS = re.compile(r"[0-9\"“‘'(\[¿¡«]")
_TERMINAL = re.compile(rf"(?:[.!?{_OTHER_END}]|[{_CJK_END}])[{_CLOSERS}]*$")


def _opens(char: str) -> bool:
    """Can ``char`` begin a sentence: a capital (any script), a letter of a script without case, a digit, an opener."""
    return bool(_OPENERS.match(char)) or char.isupper() or (char.isalpha() and not char.islower())


def _after_abbreviation(text: str, at: int) -> bool:
    """True when the full stop at ``at`` closes an abbreviation or an initial, or a dotted initialism before a number
    or a name it qualifies ("548 U.S. 220 (2006)", "the U.S. Supreme Court")."""
    head = text[:at].rsplit(None, 1)
    last = head[-1].lower().strip('("“') if head else ""
    if last in ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
        return True
    return bool(_INITIALISM.fullmatch(last)) and bool(_QUALIFIED.match(text, at + 1))


_INITIALISM = re.compile(r"(?:[a-z]\.)+[a-z]")
_QUALIFIED = re.compile(
    r"\s+(?:\d|(?:Supreme|Court|Congress|Constitution|Government|Senate|House|Army|Navy|Department|Code|Reports?)\b)"
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, end exclusive, white space between sentences left out."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        mark = m.group()
        cjk = mark.lstrip()[:1] in _CJK_END
        nxt = text[m.end() : m.end() + 1]
        if mark.strip() and not cjk and nxt and not _opens(nxt):
            continue
        if mark.startswith(".") and _after_abbreviation(text, m.start()):
            continue
        end = m.start() + len(mark.rstrip())
        _add(spans, text, start, end)
        start = m.end()
    _add(spans, text, start, len(text))
    return spans


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Add ``text[start:end]`` without its surrounding white space, unless nothing is left."""
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        begin = start + len(piece) - len(piece.lstrip())
        spans.append((begin, begin + len(stripped)))


def sentences(text: str) -> list[str]:
    """The sentences of ``text``."""
    return [text[a:b] for a, b in sentence_spans(text)]


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with a sentence's final punctuation (not an abbreviation's full stop)."""
    stripped = text.rstrip()
    if not _TERMINAL.search(stripped):
        return False
    dot = stripped.rstrip(_CLOSERS)
    return not (dot.endswith(".") and _after_abbreviation(dot, len(dot) - 1))
