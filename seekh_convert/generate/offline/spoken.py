"""Cloze cards on a term a speaker names after describing it: "The first step in a transformer is to associate each
token with a high-dimensional vector, what we call its _____." -> embedding; "The network can only process a fixed
number of vectors at a time, known as its _____." -> context size.

Lectures name their terms this way far more often than they say "X is a Y that ..." (sets 27-31's five 3Blue1Brown
lectures gave 0 to 5 cards in 18 to 27 minutes while their judges listed tokens, embeddings, context size, the
value matrix ...). The description is what the student recalls the term from, so the sentence must stand alone up to
the term; what follows the term (", and these are very often words ...") is left out of the card.
"""

from __future__ import annotations

import re
from dataclasses import replace

from seekh_convert.generate.offline.sentences import Sentence
from seekh_convert.model.guide import Definition, Flashcard
from seekh_convert.text.grammar import leans_on_context
from seekh_convert.text.lexicon import zipf
from seekh_convert.text.terms import term_key
from seekh_convert.text.words import STOPWORDS, surface_words

#: A description of 6+ words, the naming cue, then the term (an optional "its/the/a" and one to four words) ending the
#: sentence or its first clause.
_NAMED = re.compile(
    r"^(?P<lead>[A-Z][^;:?!()\"\u201c\u201d]{30,240}?)(?P<cue>,\s+what\s+(?:we|I)(?:'ll|\u2019ll|\s+will)?\s+call|"
    r"\s+(?:that|which)\s+we\s+call|,\s+(?:also\s+)?known\s+as)\s+"
    r"(?P<det>(?:its|their|the|an?)\s+)?(?P<term>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3}?)"
    r"(?P<end>\s*[.]\s*$|,\s+(?:and|which|but|so|where|because)\b)"
)
#: Words a description may not open on: it would point back at something the card does not show.
_POINTING = frozenset("this that these those it they he she here there such so then now".split())
#: Words that open an adverbial phrase, not the description of what the sentence names.
_ADVERBIAL = frozenset("even with in if when although though while after before despite for by on at under".split())
#: Words a named term may not be: a pronoun, a filler, a bare number word.
_NOT_TERMS = frozenset("it them this that these those one ones something things thing stuff".split())


def called_card(s: Sentence) -> Flashcard | None:
    """The cloze card of a sentence naming its term last ("..., what we call its embedding."), or None."""
    if not s.complete or s.cut:
        return None
    m = _NAMED.match(s.text)
    if m is None:
        return None
    lead, term = m.group("lead"), m.group("term")
    words = surface_words(lead)
    if len(words) < 6 or words[0].lower() in _POINTING | _ADVERBIAL or not s.alone:
        return None  # ("Even with the broadest form of coverage, known as _____.": a phrase, not what is named, set 37)
    if any(w.lower() in _POINTING - {"that", "such", "so", "then", "now", "there", "here"} for w in words):
        return None  # "That question is encoded as ... another vector" / "each one of these words": leans on context
    lowered = [w.lower() for w in surface_words(term)]
    if not lowered or lowered[-1] in _NOT_TERMS or all(w in STOPWORDS for w in lowered):
        return None
    if len(lowered) == 1 and zipf(lowered[0]) >= 5.0:
        return None  # "what we call work": an everyday word the description cannot pin down
    have = {w.lower()[:5] for w in words}
    if any(w[:5] in have for w in lowered if len(w) >= 4):
        return None  # the description gives the term away ("... vectors, known as the vector space")
    front = s.text[: m.start("term")] + "_____" + "."
    return Flashcard(kind="cloze", front=front, back=term, source=s.ref())


def called_cards(sentences: list[Sentence], taken: set[str]) -> list[Flashcard]:
    """The cloze cards of the topic's sentences that name a term last, one per term, none on a quote ``taken``."""
    out: list[Flashcard] = []
    seen: set[str] = set()
    for s in sentences:
        if s.text in taken or (card := called_card(s)) is None or card.back.lower() in seen:
            continue
        seen.add(card.back.lower())
        out.append(card)
    return out


#: "This is known as the test sensitivity, ...", "These pieces are called tokens, ...", "In Bayesian terms, we call this
#: the prior probability.": a name given to what the sentence before described.
_POINTED = re.compile(
    r"^(?:(?:so|and|now)\s*,?\s+)?(?:(?:this|that|these|such)(?:\s+[a-z]+)?\s+(?:is|are)\s+(?:what\s+(?:we|I)\s+call|"
    r"(?:also\s+)?(?:known|referred\s+to)\s+as|called)|we\s+call\s+(?:this|these|it|such\s+[a-z]+))\s+"
    r"(?:the\s+|an?\s+)?(?P<term>[\"“‘]?[A-Za-z][\w-]*[\"”’]?(?:\s+[\"“‘]?[A-Za-z][\w-]*[\"”’]?){0,3}?)\s*(?:[.,;]|$)",
    re.I,
)  # (quoted: "This is known as “top-down” processing."; "Such regulations are called minimum wage laws, ...")
#: A description that is an example or a step of one, not what the term is.
_EXAMPLE = re.compile(r"\b(?:example|for instance|e\.g\.|in our|in this case|here)\b", re.I)


def pointed_definitions(ta) -> list[tuple[str, Definition]]:
    """The Definition a speaker gives by naming what the sentence before described ("First, you ask how often is
    the test correct on those with the disease. This is known as the test sensitivity, ...": set 32's judge quoted it
    against the guide's "none"): both sentences as one verbatim quote, when the description stands alone, is no
    example, and the topic names the term again. (term, Definition) pairs."""
    out: list[tuple[str, Definition]] = []
    for before, s in zip(ta.sentences, ta.sentences[1:]):
        m = _POINTED.match(s.text)
        if m is None or before.block is not s.block or not before.complete or not 6 <= before.n_words <= 40:
            continue
        term = re.sub(r"[\"“”‘’]", "", m.group("term"))
        key = term_key(term)
        if not key or key.split()[-1] in _NOT_TERMS or ta.stem_text.count(f" {key} ") < 2:
            continue
        if before.text.rstrip().endswith("?") or _EXAMPLE.search(before.text) or before.cut:
            continue
        if surface_words(before.text)[0].lower() in _POINTING or leans_on_context(before.parsed, reader=False) is not None:
            continue
        end = s.offset + len(s.text)
        joined = replace(before, text=before.block.text[before.offset : end], n_words=before.n_words + s.n_words)
        named = f"{term[:1].upper()}{term[1:]}"
        out.append((term, Definition(text=f"{named}: {joined.display}", source=joined.ref())))
    for s in ta.sentences:
        m = _CALLED_AFTER.search(s.text)
        if m is None or not s.complete or s.cut or not 10 <= s.n_words <= 45:
            continue
        term = m.group("term")
        key = term_key(term)
        if not key or key.split()[-1] in _NOT_TERMS or ta.stem_text.count(f" {key} ") < 2 or _EXAMPLE.search(s.text):
            continue
        named = f"{term[:1].upper()}{term[1:]}"
        out.append((term, Definition(text=f"{named}: {s.display}", source=s.ref())))
    return out


#: A speaker naming what the same sentence described: "Each one of these derivatives tells only part of the story for
#: how this temperature function changes, so we call them partial derivatives." (set 38's judge quoted it against the
#: guide's "none").
_CALLED_AFTER = re.compile(
    r",\s+(?:so|and)\s+(?:we|I)\s+call\s+(?:them|it|this|these|that)\s+(?:the\s+|an?\s+)?"
    r"(?P<term>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3}?)\s*[.]\s*$",
    re.I,
)
