"""Questions transformed from parsed clauses (Heilman and Smith 2010), each kept only where the parse guarantees a
fair item: "What is the name for <the definition's predicate>?", "What is <a description> called?", "Which law
states that ...?", "Why is X Y?" from "X is Y because Z", true statements whose subject is a key term, and false
ones only by a sibling definition ("X is the G that P" and "Y is the G that Q": "Y is the G that P" is false)."""

from __future__ import annotations

import re

from seekh_convert.generate.offline.cards import crosses, defines
from seekh_convert.generate.offline.choices import key_position, of_a_kind
from seekh_convert.generate.offline.sentences import Sentence
from seekh_convert.generate.offline.terms import Term
from seekh_convert.model.guide import MultipleChoice, ShortAnswer, TrueFalse
from seekh_convert.text.grammar import definition_kind, genus, term_span, why_question
from seekh_convert.text.lexicon import generic_word
from seekh_convert.text.words import surface_words

_NAMED_HEADS = frozenset("law principle theorem rule hypothesis postulate equation effect theory model paradox".split())
_MAX_STEM_WORDS = 35


def _text(tokens) -> str:
    return "".join(t.text_with_ws for t in tokens).strip().rstrip(" .;:,")


def _says(s: Sentence) -> str:
    return f"The source says: “{s.display}”"


def naming_stem(term: Term) -> str | None:
    """The question a definition answers with its term, or None when the parse offers none that reads well."""
    s = term.definition
    if s is None or not defines(term):
        return None
    doc = s.parsed
    kind = definition_kind(doc, term.text)
    span = term_span(doc, term.text)
    if span is None:
        return None
    head = span.root
    stem = None
    if kind == "copula":
        verb = head.head
        predicate = _text(doc[verb.i + 1 :])
        attr = next((c for c in verb.children if c.dep_ == "attr"), None)
        plain = attr is not None and attr.pos_ == "NOUN" and len(predicate.split()) >= 4
        if plain and predicate.split()[0].lower() in ("a", "an", "the", "one"):
            stem = f"What is the name for {predicate}?"
    elif kind == "called":
        verb = head.head if head.dep_ != "pobj" else head.head.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        if subj is None or doc[subj.left_edge.i].lower_ == "such":
            return None  # "... through a process called X", "If ..., such an environment is called X": nothing described
        described = _text(doc[subj.left_edge.i : subj.right_edge.i + 1])
        if doc[subj.left_edge.i].pos_ == "DET":
            described = described[:1].lower() + described[1:]
        stem = f"What is {described} called?"
    elif kind in ("means", "measures"):
        stem = f"Which term {_text(doc[head.head.i :])}?"
    elif kind in ("states", "which-states") and head.lemma_.lower() in _NAMED_HEADS:
        verb = head.head if kind == "states" else next(c for c in head.children if c.dep_ == "relcl")
        comp = [c for c in verb.children if c.dep_ == "ccomp"]
        if comp:
            what = _text(doc[comp[0].left_edge.i : comp[0].right_edge.i + 1])
            stem = f"Which {head.lemma_.lower()} states {what}?" if what.startswith("that ") else None
    if stem is None or len(stem.split()) > _MAX_STEM_WORDS or term.pattern.search(stem):
        return None
    return stem


def _kind_of(t: Term) -> tuple[bool, bool]:
    words = surface_words(t.text)
    last = words[-1] if words else ""
    return last[:1].isupper(), last.isupper()


def named_choice(term: Term, topic_terms: list[Term], doc_terms: list[Term]) -> MultipleChoice | ShortAnswer | None:
    """ "What is the name for ...?" with the term and three other defined or marked terms of the same kind (names with
    names, laws with laws, ``of_a_kind``), the same topic's first; asked open when three are missing; None when the
    definition gives no stem."""
    stem = naming_stem(term)
    if stem is None:
        return None
    at = term.pattern.search(term.definition.text)
    if at is not None and crosses(at.span(), term.definition, list(topic_terms)):
        return None  # "Newton's second law" in "Newton's second law of motion says ...": the key cuts a longer term
    kind = _kind_of(term)
    head = surface_words(term.text)[-1].lower()
    pool = [t for t in [*topic_terms, *doc_terms] if t.origin != "keyword" or t.defined]
    same_head = [t for t in pool if surface_words(t.text)[-1:] == [surface_words(term.text)[-1]]]
    ordered = same_head + [t for t in pool if t not in same_head] if head in _NAMED_HEADS else pool
    chosen: list[Term] = []
    for t in ordered:
        words = surface_words(t.text)
        if not words or _kind_of(t) != kind or len(words) == 1 and generic_word(words[0]) or t.pattern.search(stem):
            continue
        if any(_close(t, c) for c in [term, *chosen]):
            continue
        if head in _NAMED_HEADS and words[-1].lower() != head:
            continue  # "Which law ...": the options are laws
        if not of_a_kind(term.text, t.text):
            continue
        chosen.append(t)
        if len(chosen) == 3:
            break
    s = term.definition
    if len(chosen) < 3:  # no three options of its kind: asked open, the term its answer
        return ShortAnswer(question=stem, answer=term.text, accept=[term.text[:100]], explanation=_says(s), source=s.ref())
    pos = key_position(stem)
    options = [t.text[:300] for t in chosen]
    options.insert(pos, term.text[:300])
    return MultipleChoice(question=stem, options=options, answer_index=pos, explanation=_says(s), source=s.ref())


def _close(a: Term, b: Term) -> bool:
    x, y = a.key, b.key
    return x == y or f" {x} " in f" {y} " or f" {y} " in f" {x} "


#: Words of a question that point at the page around the sentence: an example, a figure or a table it cannot show.
_POINTS_AT = re.compile(r"\b(?:example|figure|fig|table|listing|exercise|above|below|following|previous)\b", re.I)


def why(s: Sentence, terms: list[Term] = ()) -> ShortAnswer | None:
    """ "Why is X Y?" from a sentence "X is Y because Z" that stands alone and whose subject names a key term."""
    if " because " not in s.text.lower() or s.n_words > 40 or not s.keepable:
        return None
    made = why_question(s.parsed)
    if made is None or "n't" in made[0] or " not " in f" {made[0]} " or _POINTS_AT.search(made[0]):
        return None  # also "Why does the example below show a multiple-column subquery?" (set 23): an unseen example
    subject = made[0].split("?")[0].casefold()
    if not any(t.pattern.search(subject) for t in terms if t.origin != "keyword" or t.defined or t.known):
        return None
    question, answer = made
    return ShortAnswer(question=question, answer=answer, explanation=_says(s), source=s.ref())


def true_statement(s: Sentence, terms: list[Term]) -> TrueFalse | None:
    """A true statement: a sentence that stands alone, 8-35 words, whose grammatical subject is a key term."""
    if not 8 <= s.n_words <= 35 or s.text.count("(") > 1:
        return None
    keys = [t for t in terms if t.origin != "keyword" or t.defined or t.known]
    head = s.text[s.cut : s.cut + 60]
    if not any(t.pattern.search(head) for t in keys) or not s.keepable:
        return None  # the subject of a statement about a key term comes first; parse only those
    doc = s.parsed
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")] if root is not None else []
    if not subjects:
        return None
    subject = subjects[0]
    for t in keys:
        span = term_span(doc, t.text)
        if span is not None and span.root.i == subject.i:
            return TrueFalse(statement=s.display, answer=True, explanation=_says(s), source=s.ref())
    return None


def sibling_false(term: Term, terms: list[Term]) -> TrueFalse | None:
    """ "Y is the G that P" (False) from "X is the G that P" when the document defines Y as another G."""
    if not defines(term):
        return None
    g = genus(term.definition.parsed, term.text)
    if g is None:
        return None
    for other in terms:
        if other is term or _close(other, term) or not defines(other) or _kind_of(other) != _kind_of(term):
            continue
        if genus(other.definition.parsed, other.text) != g or other.pattern.search(term.definition.text):
            continue
        s = term.definition
        m = term.pattern.search(s.text)
        if m is None or m.start() > s.cut + 4:
            continue
        statement = s.splice(m.start(), m.end(), other.text[:1].upper() + other.text[1:] if m.start() <= s.cut else other.text)
        if statement is None:
            continue
        explanation = (
            f"False: the source says this of {term.text} (“{s.display}”) and defines {other.text} as another "
            f"{g}: “{other.definition.display}”"
        )
        return TrueFalse(statement=statement, answer=False, explanation=explanation[:4000], source=s.ref())
    return None
