"""PDF text repair: line-end hyphens, OCR spacing, and bold runs turned into key terms."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Protocol

from seekh_convert.clean.common import dehyphenate
from seekh_convert.model.document import Line
from seekh_convert.text.lexicon import zipf
from seekh_convert.text.normalize import GLUED_LAYERS, normalize_ws

_INLINE_HYPHEN = re.compile(r"\b([^\W\d_]+)- ([a-z][^\W\d_]*)")
_NAMES_HYPHEN = re.compile(r"\b([A-Z][a-z]+)- ([A-Z][a-z]+)\b")
_SPACE_BEFORE_PUNCT = re.compile(r"(?<=[^\W\d_]) +([,;!?])(?=\s|$)")
_HYPHEN_KEEP = re.compile(r"([^\W\d_]+)-\n([a-z][^\W\d_]*)")
_DOUBLE_HYPHEN = re.compile(r"(\w)-\n-(\w)")
_SPLIT_WORD = re.compile(r"\b([^\W\d_]{2,})\n([a-z][^\W\d_]{1,})\b")
_SPACED_WORD = re.compile(r"\b([^\W\d_]+) (?=([a-z][^\W\d_]*)\b)")  # the next word stays to be a left piece
_SPACED_CAPITAL = re.compile(r"\b([B-HJ-Z]) ([A-Z]{3,})\b")  # not "A" or "I", words of their own
_PIECE = 3.0  # Zipf frequency below which one piece of a word a space split is no word of its own
_PIECE_USES = 3  # and the most times the document writes that piece on its own (its split occurrences)
_FRAGMENT = 1.5  # Zipf frequency below which a line's last or next line's first letters are no word of their own
_WHOLE = 2.5  # and from which the two joined are one
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_COMMON_HALF = 3.0  # Zipf frequency from which each half of a broken compound is a word of its own
_JOINED_GAP = 1.5  # how much rarer than its halves the joined spelling is when the hyphen is real
_STOPWORDS = frozenset("a an and are as at be by for from in is it of on or that the to was were with".split())
_TERM_STRIP = " \t.,;:!?()[]{}\"'\u201c\u201d\u2018\u2019\u2013\u2014-*\u2022"


class _HasLine(Protocol):
    line: Line


def vocabulary(pieces: Sequence[_HasLine]) -> Counter[str]:
    """Every word of the document, lower-cased, including hyphenated compounds, to judge line-end hyphens."""
    words = Counter(w.lower() for p in pieces for w in _WORD.findall(p.line.text))
    words.update(m.group().lower() for p in pieces for m in _GLUED.finditer(p.line.text))  # "python3", "surjective3"
    return words


_GLUED = re.compile(r"\b[a-z]{5,}[1-9]\b")
#: A footnote's number printed right after a word at the end of a clause: "... an isometry and surjective3.".
_FOOTNOTE_MARK = re.compile(r"\b([a-z]{5,})([1-9])(?=[.,;:](?:\s|$))")


def footnote_marks(text: str, vocab: Counter[str]) -> str:
    """``text`` without the footnote numbers a text layer glues to a word before its punctuation ("surjective3."
    in set 27's notes), where the word without it is one the document or English uses; "python3" stays."""

    def drop(m: re.Match[str]) -> str:
        word = m.group(1)
        once = vocab[m.group(0).lower()] <= 1  # a footnote's number follows a word once; "python3" recurs
        return word if once and (vocab[word] > 0 or zipf(word) >= 4.0) else m.group(0)

    return _FOOTNOTE_MARK.sub(drop, text)


def dehyphenate_lines(text: str, vocab: Counter[str]) -> str:
    """Join ``infor-\\nmation``; keep the hyphen of a compound the document spells with one elsewhere."""
    text = _DOUBLE_HYPHEN.sub(r"\1-\2", text)

    def keep(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        hyphenated = f"{left}-{right}".lower() in vocab
        joined = (left + right).lower() in vocab
        if hyphenated and not joined or not joined and compound(left, right):
            return f"{left}-{right}"
        return match.group(0)

    return dehyphenate(_rejoin_split_words(_HYPHEN_KEEP.sub(keep, text), vocab))


def _rejoin_split_words(text: str, vocab: Counter[str]) -> str:
    """Join a word some PDFs break over a line with no hyphen ("Groups are ubiq\nuitous", "regular tas\nks", the MIT
    9.70 handout as pypdf reads it): together the pieces are a word, commoner than either piece ("tasks" beside "tas"
    and "ks"), or one piece is no word at all; not two words the document uses on their own ("every thing")."""

    def join(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        whole, zl, zr = zipf(left + right), zipf(left), zipf(right)
        if whole < _WHOLE or vocab[left.lower()] > 1 and vocab[right.lower()] > 1:
            return match.group(0)
        return left + right if min(zl, zr) < _FRAGMENT or whole > max(zl, zr) else match.group(0)

    return _SPLIT_WORD.sub(join, text)


def compound(left: str, right: str) -> bool:
    """True when ``left-right`` broken over a line is a compound whose hyphen is real ("university-level",
    "well-known"): both halves are common words and English hardly writes them as one ("universitylevel"), unlike
    "infor-mation" (a fragment) or "non-linear" ("nonlinear" is a word)."""
    halves = min(zipf(left), zipf(right))
    return halves >= _COMMON_HALF and zipf(left + right) < halves - _JOINED_GAP


def repair_spacing(text: str, vocab: Counter[str]) -> str:
    """OCR artefacts: ``mova- ble`` (a line-end hyphen inside a line) joined, ``Cannon- Bard`` kept as the names'
    compound, ``word ,`` closed up."""

    def join(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        if (left + right).lower() in vocab:
            return left + right
        if f"{left}-{right}".lower() in vocab or right.lower() in _STOPWORDS or compound(left, right):
            return match.group(0)
        fragment = vocab[left.lower()] <= 1  # the left half is a word nowhere else in the document
        return left + right if fragment and left.islower() else match.group(0)

    text = _NAMES_HYPHEN.sub(r"\1-\2", text)  # "the Cannon- Bard theory": two names a line end broke at their hyphen
    text = GLUED_LAYERS.sub(r"\1", text)  # "SummarySummarySummary": a heading's shadow layers (set 39's NCERT chapter)
    return _rejoin_spaced_words(_SPACE_BEFORE_PUNCT.sub(r"\1", _INLINE_HYPHEN.sub(join, text)), vocab)


def _rejoin_spaced_words(text: str, vocab: Counter[str]) -> str:
    """Join a word the text layer split with a space ("to wns", "indi viduals", "G erman", "wer e": 83 times in an
    NCERT history chapter): the document writes the whole word elsewhere, and one piece is no word, rare in English
    and hardly ever written on its own in the document. Two words stay two ("any one", "H is"), and so does a
    variable after a word ("Sei n" in German maths notes: "n" stands alone everywhere)."""

    def join(match: re.Match[str]) -> str:
        left, right = match.groups()
        whole = (left + right).lower()
        piece = min((left, right), key=lambda p: (_word_like(p), zipf(p)))
        # "t he", "th at", "int erests" (set 53's NCERT chapter): a piece no English word, the whole a common one
        common = zipf(whole) >= (_COMMON_WHOLE if len(piece) <= 2 else _WHOLE + 0.5)
        rare = vocab[piece.lower()] <= _PIECE_USES or vocab[whole] >= 5 * vocab[piece.lower()]
        other = right if piece is left else left
        # "categorie s" (set 56's NCERT chapter): neither piece a word, the whole one the document writes
        broken = zipf(other) < _PIECE - 1.0 and vocab[whole] > 0 and zipf(whole) >= _WHOLE
        stray = not _word_like(piece) and (common and rare or broken)
        if not stray and (not vocab[whole] or zipf(whole) < _WHOLE):
            return match.group(0)
        return left if stray or zipf(piece) < _PIECE and vocab[piece.lower()] <= _PIECE_USES else match.group(0)

    def join_capitals(match: re.Match[str]) -> str:
        left, right = match.groups()
        whole = (left + right).lower()
        if zipf(right.lower()) < 1.0 and vocab[whole] > 0 and zipf(whole) >= _WHOLE:
            return left + right
        return match.group(0)

    # "5.10 DNA F INGERPRINTING" (set 55's NCERT chapter): a heading's spaced capital, the rest no word of its own
    return _SPACED_CAPITAL.sub(join_capitals, _SPACED_WORD.sub(join, text))


#: Words of one or two letters English writes on their own; any other such piece of a split word is no word.
_SHORT_WORDS = frozenset("a i an am as at be by do go he if in is it me my no of oh ok on or so to up us we".split())
_COMMON_WHOLE = 4.5  # Zipf frequency from which a word split into a stray piece is joined without the document's say


def _word_like(piece: str) -> bool:
    """False for a piece of a split word that is no word of its own: one or two letters English never writes alone
    ("t", "th"), or a string no dictionary knows ("erests")."""
    low = piece.lower()
    if len(low) <= 2:
        return low in _SHORT_WORDS or piece.isupper()
    return zipf(low) >= 1.0


def emphasis_terms(pieces: Sequence[_HasLine], text: str, vocab: Counter[str]) -> tuple[str, ...]:
    """The block's bold runs as terms: runs wrapped over a line break are joined, each term occurs in ``text``."""
    runs: list[str] = []
    joinable = False
    for piece in pieces:
        line = piece.line
        spans = list(line.bold_spans)
        if spans and joinable and runs and line.text.startswith(spans[0]):
            runs[-1] = dehyphenate_lines(runs[-1] + "\n" + spans.pop(0), vocab)
        runs.extend(spans)
        joinable = bool(line.bold_spans) and line.text.endswith(line.bold_spans[-1])
    terms: list[str] = []
    for run in runs:
        term = _strip_term(normalize_ws(run))
        if _is_term(term, text) and term not in terms:
            terms.append(term)
    return tuple(terms)


def _strip_term(term: str) -> str:
    """Trim punctuation around a bold run; a bracket is kept when the term opens or closes it."""
    while True:
        trimmed = term.strip(_TERM_STRIP)
        if trimmed.count("(") > trimmed.count(")") and term.rstrip(_TERM_STRIP.replace(")", "")).endswith(")"):
            trimmed += ")"
        if trimmed == term:
            return term
        term = trimmed


def _is_term(term: str, text: str) -> bool:
    letters = sum(c.isalpha() for c in term)
    return (
        letters >= 2
        and len(term.split()) <= 8
        and term.lower() not in _STOPWORDS
        and term != text.strip(_TERM_STRIP)
        and term in text
    )
