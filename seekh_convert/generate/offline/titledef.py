"""The topic's own definition: the sentence that defines the term its title names, wherever the topic holds it.

The title's term ("Short-term plasticity (STP)" gives "Short-term plasticity" and "STP") is looked up in every
sentence of the topic; a sentence defines it when its parse says so ("X (ABBR) is a ... that ...", "is defined as",
"is called X", "X, a ... that ...") or when it is the explanation of a slide's or glossary's "Term: explanation".
"""

from __future__ import annotations

import re

from seekh_convert.generate.offline.sentences import ITEM_WORDS, Sentence
from seekh_convert.model.document import BlockKind
from seekh_convert.text.grammar import definition_kind, leans_on_context
from seekh_convert.text.lexicon import zipf
from seekh_convert.text.terms import term_key

_LEAD = re.compile(
    r"^\s*(?:(?:chapter|section|part|unit|lecture|topic|week|module)\s+[\w.]+\s*[:.\-\u2013\u2014]?\s*|[\dIVX]+[.)]\s+)", re.I
)
_COUNTER = re.compile(r"\s*\(\s*\d+\s+of\s+\d+\s*\)\s*$", re.I)
_SPLIT = re.compile(r"\s*(?::|\s[\u2013\u2014-]\s|,|;|\sand\s|\s&\s|\sin\s|\sof\s)\s*")
_ABBR = re.compile(r"^(.*?\S)\s*\(([A-Za-z][\w-]{1,9})\)\s*$")


def title_terms(title: str) -> list[str]:
    """The terms a topic title names, longest first: "Short-term plasticity (STP)" -> the phrase and "STP"."""
    t = _COUNTER.sub("", _LEAD.sub("", title.strip()))
    out: list[str] = []
    for i, part in enumerate([t, *_SPLIT.split(t)]):
        part = part.strip(" .?!")
        if i and " " not in part and zipf(part) >= 4.5:
            continue  # a common word of a longer title ("Care" of "Patient Refusal of Care") is not its term
        m = _ABBR.match(part)
        names = [m.group(1), m.group(2)] if m else [part]
        for n in names:
            n = re.sub(r"^(?:the|a|an|what is|what are|introduction to|intro to)\s+", "", n.strip(), flags=re.I)
            if n and 1 <= len(n.split()) <= 6 and term_key(n) and n not in out:
                out.append(n)
    return sorted(out, key=lambda n: -len(n))


def glossary_definition(s: Sentence, term: str) -> bool:
    """True when ``s`` is the explanation of a "Term: explanation" entry whose term is ``term``."""
    block = s.block
    return block.kind is BlockKind.GLOSSARY and bool(block.term) and term_key(block.term) == term_key(term)


def defines_term(s: Sentence, term: str) -> bool:
    """True when sentence ``s`` defines ``term`` and makes sense on its own."""
    if glossary_definition(s, term):
        return s.complete and s.n_words >= 3
    if not s.alone or s.n_words > ITEM_WORDS + 10 or term_key(term) not in term_key(s.text):
        return False
    doc = s.parsed
    return definition_kind(doc, term) is not None and _standalone(doc)


_INNER = frozenset("he she it they his her its their him them".split())


def _standalone(doc) -> bool:
    """True when the definition leans on nothing outside itself; a personal pronoun after the main verb refers to the
    sentence's own noun ("a document that specifies what a person would like ... if he or she becomes unable")."""
    why = leans_on_context(doc)
    if why is None:
        return True
    word = why.removeprefix("points back (").rstrip(")")
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    late = all(t.i > root.i for t in doc if t.lower_ == word) if root is not None else False
    return why.startswith("points back (") and word in _INNER and late


def title_definitions(title: str, sentences: list[Sentence]) -> list[tuple[str, Sentence]]:
    """(term, sentence) for every sentence of the topic defining a term of its title; title's own term first."""
    out: list[tuple[str, Sentence]] = []
    seen: set[int] = set()
    for term in title_terms(title):
        for s in sentences:
            if id(s) not in seen and defines_term(s, term):
                seen.add(id(s))
                out.append((term, s))
    return out
