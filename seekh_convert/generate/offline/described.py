"""Two more defining shapes a naming question can ask, both tied to a term the topic marks (emphasis, a pattern or a
definition), so that an ordinary sentence never becomes one:

- the description first, the term last: "The difference between willingness to pay and the actual price is consumer
  surplus." asks "Which term names the difference between willingness to pay and the actual price?";
- "A partial dependency exists when a non-key attribute is dependent on only part of the primary key." asks "What is
  it called when a non-key attribute is dependent on only part of the primary key?".

Each returns ``(term, description, stem)`` or None; ``naming`` checks fairness and finds the distractors.
"""

from __future__ import annotations

import re

from seekh_convert.generate.offline.sentences import Sentence
from seekh_convert.generate.offline.terms import Term
from seekh_convert.text.lexicon import generic_word, zipf
from seekh_convert.text.words import surface_words

_FINITE = frozenset({"VBZ", "VBP", "VBD", "MD"})
_DETS = frozenset({"the", "a", "an"})
_WORDS = (6, 40)


def _text(tokens) -> str:
    return "".join(t.text_with_ws for t in tokens).strip().rstrip(" .;:,")


def _ends_with(s: Sentence, t: Term) -> bool:
    """Cheap test before a parse: the sentence ends "is/are (the|a|an) <term>."."""
    tail = re.search(r"\b(?:is|are)\s+(?:(?:the|an?)\s+)?(.{2,80}?)[\s.]*$", s.text)
    return tail is not None and t.pattern.fullmatch(tail.group(1)) is not None


def term_last(s: Sentence, marked: list[Term]) -> tuple[str, str, str] | None:
    """ "D is T." where T is one of ``marked`` and D a plain noun phrase (no pronoun, no verb of its own)."""
    if s.cut or not s.alone or not _WORDS[0] <= s.n_words <= _WORDS[1] or not s.text.endswith("."):
        return None
    if re.search(r"[,;:()\[\]“”\"]", s.text):
        return None
    hits = [t for t in marked if _ends_with(s, t)]
    if not hits:
        return None
    doc = s.parsed
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ != "be" or any(c.dep_ in ("neg", "conj") for c in root.children):
        return None
    attr = next((c for c in root.children if c.dep_ == "attr" and c.i > root.i), None)
    if attr is None or attr.pos_ not in ("NOUN", "PROPN") or attr.right_edge.i < len(doc) - 2:
        return None
    before = doc[: root.i]
    if not before or before[0].lower_ not in _DETS or any(t.pos_ == "PRON" or t.tag_ in _FINITE for t in before):
        return None  # "Our best choice is ...", "What you need is ...": not a description
    if any(t.lower_ in ("this", "these", "those", "that", "such", "same", "other", "above", "following") for t in before):
        return None
    if any(c.dep_ == "poss" for c in attr.children):
        return None  # "... is the chord's function": a relation, not a term
    tokens = [t for t in doc[root.i + 1 : attr.right_edge.i + 1] if not (t.i == root.i + 1 and t.lower_ in _DETS)]
    term = _text(tokens)
    found = next((t for t in hits if t.pattern.fullmatch(term)), None)
    if found is None:
        return None
    description = _text(before)
    description = description[:1].lower() + description[1:]
    return found.text, description, f"Which term names {description}?"


#: "(A|An|The) <term> exists/arises/occurs/happens when <clause>." with a lower-case term.
_WHEN = re.compile(
    r"^(?:(?:The|A|An)\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})\s+(?:exists|arises|occurs|happens)\s+when\s+([^,;:()]+?)\.$"
)


def exists_when(s: Sentence, marked: list[Term]) -> tuple[str, str, str] | None:
    """ "What is it called when C?" from "A T exists when C." where T is one of ``marked``."""
    if s.cut or not s.alone or s.n_words > 40:
        return None
    m = _WHEN.match(s.text)
    if m is None:
        return None
    term = next((t for t in marked if t.pattern.fullmatch(m.group(1))), None)
    if term is None:
        return None
    clause = m.group(2)
    return term.text, clause, f"What is it called when {clause}?"


def shouted(text: str) -> str | None:
    """A term as a question may offer it: an English word the source writes in capitals ("NORMALIZATION") in lower
    case; None for an identifier in capitals ("FOODMART", "STUDPHONE": a table or company of a worked example);
    any other term unchanged (acronyms such as "DNA" or "RAID" too)."""
    word = text.strip()
    if " " in word or not word.isupper() or len(word) <= 5:
        return text
    return word.lower() if zipf(word.lower()) >= 2.0 else None


def plain_lead(doc, first: int) -> bool:
    """The subject opens the sentence, or follows a leading phrase and its comma that holds no clause of its own, no
    pronoun and no pointer ("Reasoning by analogy with the discrete case, the area ... is called ...")."""
    if first == 0:
        return True
    if doc[first - 1].text != "," or first > 12:
        return False
    lead = doc[: first - 1]
    return not any(
        t.pos_ == "PRON" or t.tag_ in _FINITE or t.lower_ in ("this", "these", "those", "that", "above", "below") for t in lead
    )


def ends_clause(doc, root, target) -> bool:
    """``target`` ends the sentence, or only a second predicate of ``root`` follows it (", and is a measure of ...")."""
    if target.right_edge.i >= len(doc) - 2:
        return True
    rest = [t for t in doc[target.right_edge.i + 1 :] if not t.is_punct]
    conj = next((c for c in root.children if c.dep_ == "conj" and c.i > target.i), None)
    if conj is None or doc[target.right_edge.i + 1].text != ",":
        return False
    keep = {t.i for t in conj.subtree} | {c.i for c in root.children if c.dep_ == "cc" and c.i > target.i}
    return all(t.i in keep for t in rest)


def everyday_key(term: str) -> bool:
    """A one-word key too general to be a term ("following", "people")."""
    words = surface_words(term)
    return len(words) == 1 and (generic_word(words[0]) or zipf(words[0]) >= 5.3)
