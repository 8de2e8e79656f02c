"""The key terms of a document, as the gate judges them: what the source itself marks, names or defines.

A key term is a term the source marks (bold, glossary entry, a topic's title), a term one of its sentences
defines ("X is the ...", "called X"), or a noun phrase it repeats that is not a generic word. Built once per
document and shared by the checks of all its topics.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, field

from seekh_convert.model.document import Block, BlockKind, Document
from seekh_convert.text.defining import defined_terms
from seekh_convert.text.lexicon import can_be_noun, generic_phrase, is_acronym, zipf
from seekh_convert.text.sentences import sentences
from seekh_convert.text.terms import clean_term, term_key
from seekh_convert.text.words import STOPWORDS, singular, surface_words

#: Defining strength from which a sentence's "X is ..." counts as the source defining X.
DEFINED = 2.4


@dataclass(eq=False)
class Vocabulary:
    """Marked and defined term keys of a document, word counts for repeated phrases, and topic titles."""

    marked: set[str] = field(default_factory=set)
    defined: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    #: Names the source writes in lower case even where a sentence starts ("git", "numpy"): an item may open so.
    lower_names: set[str] = field(default_factory=set)
    text: str = " "  # " key key key ... " of every usable word, for counting phrase occurrences
    _counts: dict[str, int] = field(default_factory=dict)

    def count(self, phrase: str) -> int:
        """How often the phrase (by its term key) occurs in the document's usable text."""
        key = term_key(phrase)
        if not key:
            return 0
        if key not in self._counts:
            self._counts[key] = self.text.count(f" {key} ")
        return self._counts[key]

    def is_key_term(self, phrase: str) -> bool:
        """True when the source marks, defines or titles ``phrase``, or repeats it and it is a specific noun phrase."""
        key = term_key(phrase)
        if not key:
            return False
        if key in self.marked or key in self.defined or key in self.titles:
            return True
        ws = surface_words(clean_term(phrase))
        if not ws or generic_phrase(phrase):
            return False
        nounish = is_acronym(ws[-1]) or can_be_noun(ws[-1]) or ws[-1][:1].isupper()
        return nounish and self.count(phrase) >= 2


_CACHE: dict[int, tuple[weakref.ref, Vocabulary]] = {}


def vocabulary(document: Document) -> Vocabulary:
    """The document's vocabulary, computed once per document object."""
    hit = _CACHE.get(id(document))
    if hit is not None and hit[0]() is document:
        return hit[1]
    vocab = build_vocabulary(document.blocks, [t.title for t in document.topics])
    for key in [k for k, (ref, _) in _CACHE.items() if ref() is None]:
        del _CACHE[key]
    _CACHE[id(document)] = (weakref.ref(document), vocab)
    return vocab


#: A word in lower case where a sentence starts: at the start of a block or after an end stop.
_LOWER_OPENING = re.compile(r"(?:^|[.!?]\s+)([a-z][a-z0-9]+)\b")

#: Everyday words ("given", "and") open the rest of a sentence a page break cut; names of tools are rarer.
LOWER_NAME_ZIPF = 4.5


def build_vocabulary(blocks: list[Block], titles: list[str] = ()) -> Vocabulary:
    """Marked terms (emphasis, glossary), defined terms and word keys of ``blocks``."""
    vocab = Vocabulary(titles={term_key(t) for t in titles if t})
    words: list[str] = []
    openers: set[str] = set()
    for block in blocks:
        if block.kind is BlockKind.GLOSSARY and block.term:
            vocab.marked.add(term_key(block.term))
        if block.kind is BlockKind.HEADING:
            vocab.titles.add(term_key(block.text))
            continue
        if not block.usable:
            continue
        vocab.marked.update(term_key(e) for e in block.emphasis)
        for sentence in sentences(block.text):
            vocab.defined.update(term_key(d.term) for d in defined_terms(sentence) if d.strength >= DEFINED)
        words.extend(singular(w) for w in surface_words(block.text))
        openers.update(m.group(1) for m in _LOWER_OPENING.finditer(block.text))
    vocab.lower_names = {w for w in openers if w not in STOPWORDS and zipf(w) < LOWER_NAME_ZIPF}
    vocab.marked.discard("")
    vocab.defined.discard("")
    vocab.text = " " + " ".join(words) + " "
    return vocab
