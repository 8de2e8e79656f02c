"""The word toolkit: words, stop words, stems and the forms texts are compared in.

Two kinds of word lists serve two jobs: ``words`` (case-folded letter/digit runs, any script) for comparing
texts, ``surface_words`` (as written, inner hyphens and apostrophes kept) for judging the shape of a term.
``stem`` (Snowball) makes bags of words comparable; ``singular`` only drops plural and possessive endings,
the identity of a key term ("memories" = "memory", "encoding" != "encode").
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

import snowballstemmer

_STEMMER = snowballstemmer.stemmer("english")
_IDEOGRAPHS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")  # kana and Han: no spaces
_IDEOGRAPH_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_THAI = re.compile(r"[\u0e00-\u0e7f]")
#: One character of a script written without spaces between words (kana, Han, Thai).
UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f]")
_STEMMER_LOCK = threading.Lock()
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_SURFACE_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")

#: Function words, spoken fillers and words that only talk about terms ("called", "refers"): never content.
STOPWORDS = frozenset(
    """a about above after again against all also although am an and any are around as at be because been
    before being below between both but by called can cannot could did do does doing done down during e each eg
    either else etc even ever every few for from further g get gets got had has have having he her here hers
    herself him himself his how however i ie if in into is it its itself just known least less let like made make
    makes many may me might more most much must my myself near need neither no nor not now of off often ok okay on
    once one ones only or other others otherwise our ours ourselves out over own per perhaps quite rather really
    refer referred refers right same say says see seen she should since so some something sometimes still such
    term than that the their theirs them themselves then there therefore these they thing things this those though
    through thus to too toward towards two under until up upon us use used uses using usually very via was way ways
    we well were what whatever when where whether which while who whom whose why will with within without would
    yet you your yours yourself yourselves yeah gonna actually know going want think lot kind let's it's that's
    we're you're i'm don't doesn't isn't can't won't there's here's""".split()
)


def fold(text: str) -> str:
    """NFKC + casefold: one form for comparing characters."""
    return unicodedata.normalize("NFKC", text).casefold()


def key_string(text: str) -> str:
    """Letters and digits only, casefolded: the form two spellings of one text share."""
    return "".join(ch for ch in fold(text) if ch.isalnum())


def words(text: str) -> list[str]:
    """Case-folded words (letter/digit runs, any script) of ``text``, for comparing texts; runs of Chinese and
    Japanese characters, written without spaces, count as their overlapping character pairs (bigrams)."""
    out: list[str] = []
    for word in _WORD.findall(fold(text)):
        if not _IDEOGRAPHS.search(word):
            out.append(word)
            continue
        for run in _IDEOGRAPH_RUN.split(word):  # letters or digits glued to the ideographs stay words
            if run:
                out.append(run)
        for run in _IDEOGRAPH_RUN.findall(word):
            out.extend(run[i : i + 2] for i in range(max(1, len(run) - 1)))
    return out


def surface_words(text: str) -> list[str]:
    """Words as written (Latin letters, inner apostrophes and hyphens kept), for judging a term's shape."""
    return _SURFACE_WORD.findall(text)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball stem of a lower-case word: bags of words compare by it."""
    with _STEMMER_LOCK:  # the stemmer keeps state while it works; the quality gate runs in worker threads
        return _STEMMER.stemWord(word)


@lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """Lower case without possessive and plural endings: the identity of a key term's words."""
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


def content_stems(text: str, *, unique: bool = True) -> list[str]:
    """Stems of the content words of ``text`` in order (no stop words, no one-letter words); once each when ``unique``."""
    return list(_content_stems(text, unique))


@lru_cache(maxsize=32768)
def _content_stems(text: str, unique: bool) -> tuple[str, ...]:
    out = [stem(w) for w in words(text) if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]
    return tuple(dict.fromkeys(out)) if unique else tuple(out)


def word_count(text: str) -> int:
    """About how many words ``text`` holds, in any script: Chinese and Japanese count 1.5 characters a word,
    Thai 5 (they write no spaces between words); elsewhere letter runs count."""
    ideographs = len(_IDEOGRAPHS.findall(text))
    thai = len(_THAI.findall(text))
    rest = _THAI.sub(" ", _IDEOGRAPHS.sub(" ", text))
    return sum(1 for w in _WORD.findall(rest) if not w.isdigit()) + round(ideographs / 1.5) + round(thai / 5)


def coverage(needles: list[str], haystack: set[str]) -> float:
    """Fraction of ``needles`` present in ``haystack`` (1.0 for no needles)."""
    if not needles:
        return 1.0
    return sum(1 for n in needles if n in haystack) / len(needles)


def normalized_phrase(text: str) -> str:
    """Words joined by single spaces: the form fuzzy comparisons use."""
    return " ".join(words(text))


_SPELLED = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen"
    " eighteen nineteen twenty"
).split()
_TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100}
#: Number words and the digits they write: a transcript says "three times two times one" where an item writes "3 × 2 × 1".
NUMBER_FORMS: dict[str, str] = {**{w: str(i) for i, w in enumerate(_SPELLED)}, **{w: str(n) for w, n in _TENS.items()}}
_DIGIT_WORDS = {d: w for w, d in NUMBER_FORMS.items()}


_POWERS = {"squared": "2", "cubed": "3"}
#: A power said in words: a lecture says "m squared minus p" where an item writes "m² − p" ("m2" as a word).
_SPOKEN_POWER = re.compile(r"\b([A-Za-z])\s+(squared|cubed)\b")


def number_forms(text: str) -> set[str]:
    """The other spelling of every small number ``text`` writes: "3" for "three", "three" for "3" (stemmed as
    ``content_stems`` stems them), and a power said in words as written ("m2" for "m squared"), so that a claim
    and its source may write a number either way."""
    out = {f"{m.group(1)}{_POWERS[m.group(2)]}".lower() for m in _SPOKEN_POWER.finditer(text)}
    for w in words(text):
        if w in NUMBER_FORMS:
            out.add(NUMBER_FORMS[w])
        elif w in _DIGIT_WORDS and _DIGIT_WORDS[w] not in STOPWORDS:
            out.add(stem(_DIGIT_WORDS[w]))
    return out


_LETTER_SPACED = re.compile(r"\b(?:[A-Za-z] ){2,}[A-Za-z]\b")
_SUBSCRIPT = re.compile(r"\b([A-Za-z]\w{0,3}) ([A-Za-z])\b")
#: A symbol with a two-letter subscript the text layer wrote with a comma ("xi,j", "bi,j"; relay run 15's notes).
_PAIR_SUBSCRIPT = re.compile(r"\b([A-Za-z])([a-z]),\s?([a-z])\b")


def spaced_forms(text: str) -> set[str]:
    """Stems of words a PDF's text layer spaced apart: letter by letter in code ("e i g e n v e c t o r s") or a
    subscript split from its symbol ("Ji j", "x j") or written with a comma ("xi,j"), as an item writes them
    ("eigenvectors", "Jij", "xj", "x_ij")."""
    out = {stem(m.group().replace(" ", "").lower()) for m in _LETTER_SPACED.finditer(text)}
    out |= {stem(f"{m.group(1)}{m.group(2)}".lower()) for m in _SUBSCRIPT.finditer(text)}
    for m in _PAIR_SUBSCRIPT.finditer(text):  # "xi,j": an item writes "x_ij" (its words "x", "ij") or "xij"
        out |= {f"{m.group(1)}{m.group(2)}{m.group(3)}".lower(), f"{m.group(2)}{m.group(3)}".lower()}
    return out
