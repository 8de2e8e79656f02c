"""Definitions by apposition: "... the hedging hyperprior, a simple hyperdistribution that downweights ...".

The noun phrase a comma and "a/an" genus phrase hang on is the term; the genus phrase, narrowed by a relative clause,
a participle or an "of/for" phrase and running to the sentence's end, is its definition. Only the genus phrase has
to stand alone (the rest of the sentence may speak to the reader: "You can protect ... by implementing X, a Y that").
"""

from __future__ import annotations

import re

#: A cheap look before the parse: a comma, then "a"/"an" and up to three words before a narrowing word.
CUE = re.compile(
    r"\w,\s+(?:an?\s+(?:[\w-]+\s+){0,3}?[\w-]+\s+(?:that|which|who|of|for|used|in\s+which|whose)"
    r"|the\s+(?:[\w-]+\s+){0,2}?(?:algorithm|process|method|technique|procedure|mechanism|study|science|practice|theory"
    r"|principle|idea|concept|ability|tendency)\s+(?:that|which|of|for|by|behind|in\s+which|used|whereby))\s",
    re.I,
)
#: Genus heads a definite apposition defines by ("backpropagation, the core algorithm behind how neural networks
#: learn", set 39's lecture): what a method or a process is, never one thing named before ("the result, the value ...").
_DEFINITE_GENUS = frozenset(
    "algorithm process method technique procedure mechanism study science practice theory principle idea concept "
    "ability tendency".split()
)

_LEANS = re.compile(r"\b(?:this|these|those|it|its|they|them|their|he|she|we|you|our|your|I)\b", re.I)
_NARROWING = frozenset({"of", "for", "with", "between", "by", "in", "behind"})
_VAGUE = frozenset(
    "thing way part kind type example case something one lot bit result cause form number amount use role idea goal aim"
    " purpose basis foundation".split()
)
#: Entity kinds of a name, not a term ("John Ioannidis, a physician from Stanford who ...").
_NAMES = frozenset({"PERSON", "GPE", "NORP", "ORG", "LOC", "DATE", "FAC"})
_MIN_WORDS, _MAX_WORDS = 5, 40


def _genus(genus, head) -> bool:
    """True when ``genus`` is a class an apposition may put ``head`` in: "a Y", or "the Y" of a method or a process
    right after the term ("backpropagation, the core algorithm behind ..."); the parse may hang a definite phrase on
    the subject ("Complex behaviors may be created through shaping, the process of ..."), so only the noun before its
    comma counts."""
    if genus.lemma_ in _VAGUE:
        return False
    if any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in genus.children):
        return True
    definite = genus.lemma_ in _DEFINITE_GENUS and any(d.dep_ == "det" and d.lower_ == "the" for d in genus.children)
    return definite and head.i + 2 == genus.left_edge.i and genus.doc[head.i + 1].text == ","


def _a_name(head) -> bool:
    """True for a name, not a term: an entity ("John Ioannidis"), a one-word proper noun, or what "this" was ("This was
    Rome, a republic in which ...", set 62: told of something named before)."""
    if head.ent_type_ in _NAMES:
        return True
    if head.pos_ == "PROPN" and head.text.istitle() and not any(c.dep_ == "compound" for c in head.children):
        return True  # "Pakistan, a separate country for the Muslims", "Harlem, an area that was already angry ..." (sets
        # 63-64): a place told of in passing, asked "What is a pakistan?"
    return head.dep_ == "attr" and any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in head.head.children)


def appositions(doc) -> list[tuple[str, str, str]]:
    """(term, definition, the term as a question names it: "the hedging hyperprior") of every "X, a Y that ..." apposition of parsed sentence ``doc`` that defines X."""
    out = []
    for genus in doc:
        head = genus.head
        if genus.dep_ != "appos" or genus.pos_ != "NOUN" or head.pos_ not in ("NOUN", "PROPN") or genus.i < head.i:
            continue
        if not _genus(genus, head):
            continue
        if not any(c.dep_ in ("relcl", "acl") or c.dep_ == "prep" and c.lower_ in _NARROWING for c in genus.children):
            continue  # "X, a method": no differentia, fits many terms
        if any(t.lower_ == "or" and t.i and doc[t.i - 1].text == "," for t in genus.subtree):
            continue  # "the intent to bring about a particular result, a higher level of awareness ..., or scienter":
            # a list of alternatives, not a second name (set 22's wrong key)
        end = genus.right_edge.i + 1
        if any(not t.is_punct for t in doc[end:]) or doc[genus.left_edge.i - 1].text != ",":
            continue  # the apposition must close the sentence: one definition, not an aside mid-way
        body = doc[genus.left_edge.i : end].text.strip().rstrip(" .;:,")
        words = [t for t in doc[genus.left_edge.i : end] if t.is_alpha]
        term_tokens = [t for t in doc[head.left_edge.i : head.i + 1] if t.dep_ not in ("det", "poss") and not t.is_punct]
        if any(
            t.pos_ in ("PRON", "AUX", "ADP", "NUM") or t.pos_ == "VERB" and t.dep_ not in ("amod", "compound")
            for t in term_tokens
        ):
            continue
        if not 1 <= len(term_tokens) <= 5 or _a_name(head):
            continue
        if any(c.dep_ == "relcl" and any(w.lower_ == "who" for w in c.children) for c in genus.children):
            continue  # "John Ioannidis, a physician from Stanford who ...": a person, not a term
        if not _MIN_WORDS <= len(words) <= _MAX_WORDS or _LEANS.search(body) or re.search(r"[(\"“”]", body):
            continue
        term = "".join(t.text_with_ws for t in term_tokens).strip()
        if term.lower()[:5] in body.lower():
            continue  # circular ("the prior, a prior that ...")
        det = next((d.lower_ for d in head.children if d.dep_ == "det" and d.lower_ in ("the", "a", "an")), "")
        out.append((term, body, f"{det} {term}".strip()))
    return out
