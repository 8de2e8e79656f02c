"""Definitions a mathematics text numbers and names: "Definition 1.3 (Convex function). A function f : Ω → R is
convex if for all x, y ∈ Ω ...". The label names the term; the first sentence after it is the definition, often set
as a formula block of its own by the reader (set 32's convex-optimization notes said the source gives no definition
under "Convex functions" beside Definition 1.3).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from seekh_convert.generate.offline.cards import ask_what
from seekh_convert.generate.offline.sentences import Sentence, split_block
from seekh_convert.model.document import Block, BlockKind
from seekh_convert.model.guide import Definition, Flashcard
from seekh_convert.text.terms import term_key

#: "Definition 1.3 (Convex function)." and what follows it in the same block.
_LABEL = re.compile(r"^Definition\s+\d+(?:\.\d+)*\s*\((?P<term>[A-Za-z][\w' -]{1,60}?)\)\s*[.:]?\s*(?P<rest>.*)$", re.S | re.I)
#: A text layer's mangled maths ("x ⁄∈ K", a private-use glyph): the sentence cannot be shown as it reads.
_MANGLED = re.compile(r"[\u2044\ue000-\uf8ff\ufffd]")
_WORDS = (6, 70)


@dataclass(frozen=True)
class Numbered:
    """A named, numbered definition: its term and the sentence that defines it."""

    term: str
    sentence: Sentence

    def definition(self) -> Definition:
        """The topic's Definition: "Convex function: A function f ... is convex if ..."."""
        return Definition(text=f"{self.term[:1].upper()}{self.term[1:]}: {self.sentence.display}", source=self.sentence.ref())

    def card(self) -> Flashcard:
        """ "What is a convex function?" answered by the numbered definition's sentence."""
        front = ask_what(self.term, self.sentence.text)
        if re.match(r"An?\s", self.sentence.text) and front == f"What is {self.term}?" and self.term[:1].islower():
            # "A function f ... is convex if ...": one of a kind ("convex function" looks like a mass noun to a suffix)
            front = f"What is {'an' if self.term[:1] in 'aeiou' else 'a'} {self.term}?"
        return Flashcard(kind="basic", front=front, back=self.sentence.display, source=self.sentence.ref())


def _defining(sentence: Sentence, term: str) -> bool:
    """The sentence says what the term (or its head word) is: "A function f ... is convex if ...", "A set K ... is
    convex if ...", "A norm is a function ..."."""
    text = sentence.text
    if not _WORDS[0] <= len(text.split()) <= _WORDS[1] or _MANGLED.search(text) or not sentence.complete:
        return False
    words = term_key(term).split()
    said = term_key(text)
    return any(w in said.split() for w in words if len(w) >= 4) and bool(re.search(r"\b(?:is|are|if)\b", text))


#: Where a definition's plain statement ends and its restatement begins ("... contained in K. Formally, for all ...",
#: which a splitter reading "K." as an initial keeps in one sentence).
_RESTATED = re.compile(r"\.\s+(?=(?:Formally|That is|In other words|Equivalently|Namely)\b)")


def _first_statement(sentence: Sentence) -> Sentence:
    """The sentence up to a restatement glued onto it (verbatim: a prefix of the source's text)."""
    m = _RESTATED.search(sentence.text)
    if m is None:
        return sentence
    text = sentence.text[: m.start() + 1]
    return replace(sentence, text=text, n_words=len(text.split()))


def numbered_definitions(blocks: list[Block]) -> list[Numbered]:
    """Every "Definition N (Term)." of the blocks with the sentence defining it (the rest of its block, or the first
    sentence of the next block)."""
    out: list[Numbered] = []
    for i, block in enumerate(blocks):
        m = _LABEL.match(block.text.strip()) if block.kind is not BlockKind.HEADING else None
        if m is None:
            continue
        term = m.group("term").strip()
        if m.group("rest").strip():
            candidates = [s for s in split_block(block, 0) if not _LABEL.match(s.text)]
        else:
            following = next((b for b in blocks[i + 1 : i + 2] if b.text.strip() and b.kind is not BlockKind.HEADING), None)
            candidates = split_block(following, 0) if following is not None else []
        first = _first_statement(candidates[0]) if candidates else None
        if first is not None and _defining(first, term):
            out.append(Numbered(term[:1].lower() + term[1:] if term[1:].islower() else term, first))
    return out
