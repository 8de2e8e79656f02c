"""What a word is in general English: how common (wordfreq's Zipf scale) and which word classes it can take
(lemminflect's lexicon). Both ship their data inside their wheels; nothing is downloaded.

"nowadays" (adverb), "identify" (verb) and "valid" (adjective) can never be a key term alone; "given" and
"states" are too common to test anything; "enthalpy" and "memory" are nouns a document may teach.
"""

from __future__ import annotations

import re
import sys
import threading
from functools import lru_cache

from seekh_convert.text.wordlists import compact_lemminflect, compact_wordfreq
from seekh_convert.text.words import STOPWORDS, surface_words

#: Zipf frequency from which a noun is too common to be a key term on its own ("time" 6.3, "state" 5.8, "part" 5.8);
#: "energy" (5.2) and "law" (5.5) are still terms.
COMMON_ZIPF = 5.6
#: The same for words that are adjectives as well as nouns ("given" 5.4, "present" 5.2; "mass" 4.9 stays a term).
ADJ_NOUN_ZIPF = 5.0
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9\-]{1,7}s?$")


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """How common ``word`` is in English: 7.7 for "the", about 3 for a technical term, 0 when unknown."""
    from wordfreq import zipf_frequency

    compact_wordfreq()  # the list as digests: 30 MiB less than wordfreq's dict, the same frequencies
    return zipf_frequency(word.lower(), "en")


@lru_cache(maxsize=65536)
def word_classes(word: str) -> frozenset[str]:
    """The classes ``word`` can take (``NOUN``, ``VERB``, ``ADJ``, ``ADV``...); empty when the lexicon lacks it."""
    return frozenset(_lemminflect().getAllLemmas(word.lower()))


def can_be_noun(word: str) -> bool:
    """True when ``word`` can be a noun: the lexicon says so, it is a gerund, or the lexicon does not know it (a
    technical term, a name)."""
    classes = word_classes(word)
    gerund = word.lower().endswith("ing") and "VERB" in classes  # "chunking", "rehearsing"
    return not classes or "NOUN" in classes or "PROPN" in classes or gerund


def only_function_words(text: str) -> bool:
    """True when ``text`` has no word but function words."""
    ws = [w.lower() for w in surface_words(text)]
    return all(w in STOPWORDS for w in ws)


def is_acronym(word: str) -> bool:
    """``ARR``, ``WAI-SR``, ``DNA``: upper-case abbreviations."""
    return bool(_ACRONYM.match(word))


def generic_word(word: str) -> bool:
    """A single word too general to be a key term: a function word, a word that cannot be a noun ("identify",
    "valid", "nowadays"), or a very common one ("people", "given"). Acronyms and rare names are never generic;
    a document that marks or defines a common word ("force") makes it a term there (the callers check that)."""
    if is_acronym(word) or (word[:1].isupper() and not word.isupper() and zipf(word) < 4.0):
        return False
    low = word.lower()
    if low in STOPWORDS or len(low) < 3:
        return True
    classes = word_classes(low)
    if classes and not classes & {"NOUN", "PROPN"}:
        return True  # "identify", "valid", "nowadays", "hence"
    common = zipf(low)
    return common >= COMMON_ZIPF or "ADJ" in classes and common >= ADJ_NOUN_ZIPF  # "people", "given", "present"


def generic_phrase(text: str) -> bool:
    """True when every word of ``text`` is generic or a function word ("the given", "results"); "risk reduction" is not."""
    ws = surface_words(text)
    return not ws or all(generic_word(w) for w in ws)


def plural(word: str) -> bool | None:
    """True for a plural noun, False for a singular one, None when the lexicon cannot tell (names, unknown words)."""
    lemminflect = _lemminflect()
    low = word.lower()
    lemmas = lemminflect.getAllLemmas(low).get("NOUN")
    if not lemmas and not lemminflect.getAllLemmas(low) and low.isalpha():
        lemmas = lemminflect.getAllLemmasOOV(low, "NOUN").get("NOUN")  # "contrabands" -> contraband
    if not lemmas:
        return None
    if low in lemmas:
        return False if low not in _SAME_PLURAL else None
    return True


_SAME_PLURAL = frozenset("series species data means sheep fish deer aircraft".split())


@lru_cache(maxsize=65536)
def lemmas(word: str) -> frozenset[str]:
    """The word and its dictionary forms in every class ("leaves" -> leaves, leaf, leave)."""
    low = word.lower()
    return frozenset({low, *(lemma for forms in _lemminflect().getAllLemmas(low).values() for lemma in forms)})


def shares_word(a: str, b: str) -> bool:
    """True when a content word of ``a`` occurs in ``b`` in some form ("Leaf colour" / "leaves look green")."""
    have = {lemma for w in surface_words(b) if w.lower() not in STOPWORDS for lemma in lemmas(w)}
    return any(lemmas(w) & have for w in surface_words(a) if w.lower() not in STOPWORDS)


def inflect(lemma: str, tag: str) -> tuple[str, ...]:
    """lemminflect's ``getInflection`` (imported without spaCy, as ``_lemminflect`` does)."""
    return _lemminflect().getInflection(lemma, tag)


@lru_cache(maxsize=1)
def _lemminflect():
    """lemminflect with its lemma list compacted (30 MiB less, the same answers), imported without spaCy: its
    package root imports spaCy (about 50 MiB) only to add token extensions, which nothing here uses; the parser
    (``text.parse``) imports spaCy itself when it is needed."""
    if "lemminflect" not in sys.modules and "spacy" not in sys.modules:
        hook = _NoSpacy(threading.get_ident())
        sys.meta_path.insert(0, hook)
        try:
            import lemminflect
        finally:
            sys.meta_path.remove(hook)
    import lemminflect

    compact_lemminflect()
    return lemminflect


class _NoSpacy:
    """An import hook that makes ``import spacy`` fail in one thread (the one importing lemminflect)."""

    def __init__(self, thread: int):
        self.thread = thread

    def find_spec(self, name, path=None, target=None):
        if name == "spacy" and threading.get_ident() == self.thread:
            raise ImportError("spaCy is left out while lemminflect is imported")
        return None


def example_name(text: str) -> bool:
    """True for a worked example's made-up name in capitals ("STUDPHONE", "FOODMART"): no English word, no acronym;
    or a placeholder of its scenarios ("Company C", "Person A", "Country X", set 45)."""
    word = text.strip()
    return word.isupper() and word.isalpha() and len(word) >= 6 and zipf(word) == 0 or bool(_PLACEHOLDER.fullmatch(word))


_PLACEHOLDER = re.compile(
    r"(?:Company|Firm|Business|Corporation|Person|Individual|Country|Nation|Student|Patient|Product|Store|Bank|City|Town"
    r"|Player|Investor|Consumer|Customer|Worker|Employee|Manager|Supplier|Buyer|Seller)\s+[A-Z]"
)  # not "Vitamin C", "Hepatitis B"


def notation(term: str) -> bool:
    """True for a symbol of the source's equations written as a word ("tsp", "Snew", "vy"): short, lower case or
    mixed, and no English word."""
    word = term.strip()
    if " " in word or not word.isalpha() or len(word) > 5 or sum(c.isupper() for c in word) > 1:
        return False
    return word.islower() and not re.search(r"[aeiou]", word) and len(word) <= 4 or zipf(word) < 1.5


def small_caps(word: str) -> str:
    """A word whose small capitals the text layer mixed with capitals ("IntroductIon", "ClassifiCaTion", set 28's
    NCERT chapter) as written; "JavaScript", "YouTube" and "McDonald" keep theirs (each part a word or a name)."""
    possessive = re.fullmatch(r"([a-z]{2,})(['\u2019])S", word)
    if possessive:  # "india’S SeCurity Strategy" (set 40's NCERT chapter): a small capital s after the apostrophe
        return f"{possessive.group(1)}{possessive.group(2)}s"
    inner = [k for k in range(1, len(word)) if word[k].isupper()]
    if inner == [len(word) - 1] and word[:-1].islower() and len(word) >= 3 and zipf(word.lower()) >= 3.0:
        return word.lower()  # "neW sources of threats": only the last letter a full capital
    if not inner or not word.isalpha() or word[1:].isupper() or zipf(word.lower()) < 3.0:
        return word
    for k in inner:
        if word[k - 1].isupper() or zipf(word[:k].lower()) >= 3.0 and zipf(word[k:].lower()) >= 3.0:
            return word  # a camel-cased name ("JavaScript") or a capital after a capital ("McDONALD")
    return word[:1] + word[1:].lower()
