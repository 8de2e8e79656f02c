"""Whether the source supports an item: its content words must occur where its quote stands.

"Where the quote stands" is what a reader of the source sees with the quote: the quoted sentence(s), the rest
of their slide (its table, its other bullets), their paragraph and section (a few blocks either way), or for a
transcript the minute or so around the quote. An acronym and its expansion spelled out anywhere in the topic
count as one another, and a gloss the item adds to an acronym ("ANNs (artificial neural networks)") is not a
claim. A claim with words the source does not have there still fails.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from os.path import commonprefix

from rapidfuzz.distance import Levenshtein

from seekh_convert.model.document import Block
from seekh_convert.model.sources import SourceFinder
from seekh_convert.text.defining import initials
from seekh_convert.text.lexicon import is_acronym, zipf
from seekh_convert.text.quotes import Span
from seekh_convert.text.words import STOPWORDS, content_stems, number_forms, spaced_forms, stem, surface_words

#: Blocks either side of the quote that count as its section (same heading) or slide.
SECTION_REACH = 6
#: Seconds either side of a transcript quote that count as its passage.
TIME_REACH = 60.0
_GLOSS = re.compile(r"\b([A-Z][A-Za-z0-9\-]{1,8})\s*\(([^()]{3,80})\)|([A-Za-z][^()]{2,80}?)\s*\(([A-Z][A-Za-z0-9\-]{1,8})\)")


def _together(block: Block, anchors: Sequence[Block]) -> bool:
    """True when ``block`` shares a slide, a section or (transcripts) a stretch of time with an anchor block."""
    for anchor in anchors:
        if anchor.slide is not None:
            if block.slide == anchor.slide:
                return True
            continue
        if anchor.start is not None and block.start is not None and anchor.end is not None:
            if abs(block.start - anchor.start) <= TIME_REACH or abs(block.start - anchor.end) <= TIME_REACH:
                return True
            continue
        if block.section == anchor.section:
            return True
    return False


def passage(finder: SourceFinder, span: Span, radius: int = 1) -> list[Block]:
    """The blocks a reader sees with the quote: ``radius`` neighbours always, and up to ``SECTION_REACH`` blocks
    either way on the same slide, under the same heading or within ``TIME_REACH`` seconds."""
    anchors = finder.blocks_of(span)
    lo = max(0, span.first - max(radius, SECTION_REACH if radius else 0))
    hi = min(len(finder.blocks), span.last + max(radius, SECTION_REACH if radius else 0) + 1)
    out = []
    for i in range(lo, hi):
        near = span.first - radius <= i <= span.last + radius
        if near or (radius and _together(finder.blocks[i], anchors)):
            out.append(finder.blocks[i])
    return out


def expansions(blocks: Sequence[Block]) -> dict[str, set[str]]:
    """Acronym -> stems of its expansion, for every acronym the topic spells out ("Iterated Learning (IL)",
    "IL (Iterated Learning)", or the words whose initials spell it anywhere in the topic)."""
    text = " ".join(b.text for b in blocks)
    acronyms = {w.rstrip("s") for w in surface_words(text) if is_acronym(w) and len(w.rstrip("s")) >= 2}
    words = surface_words(text)
    found: dict[str, set[str]] = {}
    for acronym in acronyms:
        n = len(acronym)
        for i in range(len(words) - n + 1):
            run = words[i : i + n]
            if run[0][:1].upper() == acronym[0] and initials(run) == acronym.upper() and not any(is_acronym(w) for w in run):
                found.setdefault(acronym.lower(), set()).update(content_stems(" ".join(run)))
                break
    return found


def with_expansions(context: set[str], table: dict[str, set[str]]) -> set[str]:
    """``context`` with the expansion of every acronym it holds, and every acronym whose expansion it holds."""
    out = set(context)
    for acronym, stems in table.items():
        if acronym in context or f"{acronym}s" in context:
            out |= stems
        elif stems and stems <= context:
            out.add(acronym)
    return out


def without_glosses(claim: str, keep_acronym: bool = False) -> str:
    """The claim without the expansions it adds to acronyms ("ANNs (artificial neural networks)" -> "ANNs"); an
    acronym added to its expansion ("root mean squared error (RMSE)") goes, or with ``keep_acronym`` stays in the
    expansion's place (the source may have only "RMSE")."""

    def drop(m: re.Match[str]) -> str:
        if m.group(1) and initials(surface_words(m.group(2))) == m.group(1).rstrip("s").upper():
            return m.group(1)
        acronym = (m.group(4) or "").rstrip("s")
        if acronym and initials(surface_words(m.group(3))[-len(acronym) :]) == acronym.upper():
            if not keep_acronym:
                return m.group(3)
            cut = m.group(3)
            for word in reversed(surface_words(cut)[-len(acronym) :]):
                cut = cut[: cut.rindex(word)]
            return f"{cut}{m.group(4)}"
        return m.group(0)

    return _GLOSS.sub(drop, claim)


def context_stems(
    finder: SourceFinder, span: Span, quote: str, radius: int = 1, acronyms: dict[str, set[str]] | None = None
) -> set[str]:
    """Stemmed content words of the quote and its passage (``radius`` 0: only the quote's own blocks), with the
    expansions of the acronyms in it."""
    parts = [quote]
    for block in passage(finder, span, radius):
        parts += [block.text, block.term or "", block.section or ""]  # its heading names what the passage is about
    text = " ".join(parts)
    stems = set(content_stems(text)) | number_forms(text) | spaced_forms(text)
    return with_expansions(stems, acronyms) if acronyms else stems


#: A maths symbol with a number for its index or power ("x2" of "X²").
_INSTANCE = re.compile(r"([a-z]{1,2})\d{1,2}")


#: Stems of one direction of change: a claim that "lowering" a cost helps rests on a source that "minimizes" it
#: (relay run 16); the other direction is never the same word.
_DIRECTIONS = (
    frozenset("lower reduc decreas minim minimis smaller shrink".split()),
    frozenset("higher rais increas maxim maximis larger grow".split()),
)


def found_in(needle: str, context: set[str]) -> bool:
    """True when the stem is in ``context``, also as a longer or shorter form ("learnabl"/"learn"), one typo
    away ("rougli"/"roughli": the source's typo is still its word), or a word of the same direction of change
    ("lower"/"minim")."""
    if needle in context:
        return True
    if any(needle in group and not group.isdisjoint(context) for group in _DIRECTIONS):
        return True
    if (m := _INSTANCE.fullmatch(needle)) and any(len(w) == len(m.group(1)) + 1 and w.startswith(m.group(1)) for w in context):
        return True  # "X²" (x2) is the source's "X^k" (xk) for k = 2 (relay run 11: the second moment)
    if needle.endswith(("er", "or")) and any(b in context for b in (needle[:-2], needle[:-3]) if len(b) >= 3):
        return True  # "bidder" of the source's "bid", "player" of "play" (relay run 11)
    if len(needle) < 4:
        return False
    for word in context:
        if len(word) >= 4 and (word.startswith(needle) or needle.startswith(word)) and abs(len(word) - len(needle)) <= 4:
            return True
        if _inflected(needle, word):
            return True
        if len(needle) >= 5 and abs(len(word) - len(needle)) <= 1 and Levenshtein.distance(word, needle, score_cutoff=1) <= 1:
            return True
    return False


def _inflected(needle: str, word: str) -> bool:
    """Two forms of one word whose stems part in their last letters ("describ"/"descript", "absorb"/"absorpt")."""
    shared = len(commonprefix((needle, word)))
    return shared >= 6 and len(needle) - shared <= 2 and len(word) - shared <= 2


def support(claim: str, context: set[str], everyday: bool = False, floor: float | None = None) -> tuple[float, list[str]]:
    """Share of the claim's content words found in ``context`` and the missing ones. An acronym the claim spells
    out counts as the source's acronym or its expansion, whichever the source has. With ``everyday``, words of
    everyday English the claim explains with ("another", "show", "several") are no claim of the source; numbers
    and words of quantity or negation ("always", "never", "only") still are; ``floor``: the Zipf frequency from which
    a word is everyday (default ``EVERYDAY_ZIPF``)."""
    best: tuple[float, list[str]] = (-1.0, [])
    for variant in dict.fromkeys((without_glosses(claim), without_glosses(claim, keep_acronym=True))):
        needles = [n for n in content_stems(variant) if n not in STOPWORDS]  # "making" stems to the stop word "make"
        if everyday:
            parts, level = _word_parts(variant), floor or EVERYDAY_ZIPF
            common = {stem(w) for w in parts if everyday_word(w, level, inflected=False)}
            # everyday only by its base form ("catches"): the claim's wording when the source lacks it, else support
            base = {stem(w) for w in parts if everyday_word(w, level)} - common
            needles = [n for n in needles if n not in common and not (n in base and not found_in(n, context))]
        missing = [n for n in needles if not found_in(n, context)]
        share = 1.0 - len(missing) / len(needles) if needles else 1.0
        if share > best[0]:
            best = (share, missing)
    return best


#: Zipf frequency from which a word is everyday English an explanation may add ("another", "several", "show").
EVERYDAY_ZIPF = 5.0
_CLAIM_WORDS = frozenset(
    "all always never none no not only every each most least more less first last same different increase increases"
    " decrease decreases higher lower before after one two three four five six seven eight nine ten eleven twelve"
    " hundred thousand million half twice double".split()
)


def everyday_word(word: str, floor: float = EVERYDAY_ZIPF, inflected: bool = True) -> bool:
    """True when ``word`` is everyday English from Zipf frequency ``floor`` (no number, no claim word), as written
    or (``inflected``) as its base form ("catches" is as everyday as "catch")."""
    w = word.lower()
    if any(c.isdigit() for c in w) or w in _CLAIM_WORDS:
        return False
    forms = (w, *_uninflected(w)) if inflected else (w,)
    return any(form not in _CLAIM_WORDS and zipf(form) >= floor for form in forms)


def _uninflected(word: str) -> list[str]:
    """Candidate base forms of an inflected word ("catches": "catche", "catch"; "tested": "test"; "running": "run")."""
    out = [word[:-3] + "y"] if word.endswith(("ies", "ied")) else []  # "multiplies", "studied"
    if word.endswith("s") and not word.endswith("ss"):
        out += [word[:-1], word[:-2]] if word.endswith("es") else [word[:-1]]
    if word.endswith("ed"):
        out += [word[:-1], word[:-2]]
    if word.endswith("ing") and len(word) > 5:
        out += [word[:-3], word[:-3] + "e", word[:-4]]
    return [w for w in out if len(w) >= 3]


def _word_parts(text: str) -> list[str]:
    """The words of ``text`` lower-cased, hyphenated ones also as their parts ("non-zero": "non", "zero"), as
    ``content_stems`` counts them."""
    out: list[str] = []
    for word in surface_words(text):
        w = word.lower().removesuffix("'s").removesuffix("’s")
        out.append(w)
        if "-" in w:
            out.extend(p for p in w.split("-") if p)
    return out


def support_threshold(claim: str, base: float) -> float:
    """Required support share: stricter for short claims (a one-word answer must be there)."""
    n = len(content_stems(claim))
    if n <= 2:
        return 1.0
    if n <= 4:
        return max(base, 0.6)
    return base


#: Words whose absence changes what a claim says: a claim that adds one of them is a claim, however common the word.
_DECISIVE = frozenset("no not never none only neither nor without".split())
#: Zipf frequency from which a single word a model's item adds is its paraphrase, not a claim ("forbidden" for "must
#: not", "always"; relay run 6: two drops of items a teacher keeps, each for that one word).
PARAPHRASE_ZIPF = 3.5


def one_paraphrased_word(claim: str, missing: list[str]) -> bool:
    """True when the only word of ``claim`` the source lacks is a common word that is no number or negation."""
    if len(missing) != 1:
        return False
    words = [w for w in surface_words(claim) if stem(w.lower()) == missing[0]]
    return bool(words) and all(
        not any(c.isdigit() for c in w)
        and w.lower() not in _DECISIVE
        and max(zipf(f) for f in (w.lower(), *_uninflected(w.lower()))) >= PARAPHRASE_ZIPF  # "multiplies": "multiply"
        for w in words
    )
