"""Subject wh-questions (Heilman and Smith 2010): "Negligence occurs when a patient sustains further injury ..." asks
"What occurs when a patient sustains further injury ...?", the answer the key term that is the sentence's whole
subject. Only where the parse guarantees a fair item: the sentence stands alone, its subject is exactly a key term,
the predicate says something specific (not "is a complex environment"), names no pronoun and does not give the term
away; the verb is made to agree with "what" (are -> is, give -> gives)."""

from __future__ import annotations

import re

from seekh_convert.generate.offline.sentences import Sentence
from seekh_convert.generate.offline.terms import Term
from seekh_convert.text.grammar import term_span
from seekh_convert.text.lexicon import generic_word, inflect, zipf
from seekh_convert.text.words import STOPWORDS, surface_words

_PRONOUN = re.compile(r"\b(?:this|these|those|it|its|they|them|their|he|she|his|her|him|we|our|us|I|such)\b", re.I)
_PAIRED = re.compile(r"\b(?:he or she|his or her|him or her)\b", re.I)
_SINGULAR = {"are": "is", "were": "was", "have": "has", "do": "does"}
_WORDS = (8, 35)


def asks_for(t: Term) -> bool:
    """A term worth asking for (or offering as a distractor): one the source marks or defines, or a specific
    phrase of several words it repeats; never a generic or everyday word ("word", "people")."""
    words = surface_words(t.text)
    if not words or len(words) == 1 and (generic_word(words[0]) or zipf(words[0]) >= 5.2 and not t.defined):
        return False
    return t.origin != "keyword" or t.defined or t.known or len(words) > 1 and len(t.mentions) >= 3


def _marked(t: Term) -> bool:
    """An answer a question may ask for: a term the source marks or defines (not one that is only repeated)."""
    return asks_for(t) and (t.origin != "keyword" or t.defined)


def _agree(tok) -> str:
    """The finite verb as it reads after "What" (third person singular): a plural subject's "are", "help"."""
    if tok.tag_ not in ("VBP", "VB"):
        return tok.text
    low = tok.lower_
    if low in _SINGULAR:
        return _SINGULAR[low]
    made = inflect(tok.lemma_, "VBZ")
    return made[0] if made else tok.text


def _coordinated(verb) -> set[int]:
    """Indices of ``verb`` and the verbs coordinated with it ("help ..., serve ..., and pull ..."), at any depth."""
    out, todo = {verb.i}, [verb]
    while todo:
        for c in todo.pop().children:
            if c.dep_ == "conj" and c.tag_ in ("VBP", "VB") and c.i not in out:
                out.add(c.i)
                todo.append(c)
    return out


def _subject(doc):
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return None, None
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return root, subj


def subject_question(s: Sentence, terms: list[Term]) -> tuple[str, Term] | None:
    """("What <predicate>?", the term) from a sentence whose whole subject is a key term, or None."""
    if s.cut or not _WORDS[0] <= s.n_words <= _WORDS[1] or s.text.count("(") > 1 or not s.text.endswith("."):
        return None
    head = s.text[:60]
    keys = [t for t in terms if _marked(t) and (m := t.pattern.search(head)) is not None and m.start() <= 4]
    if not keys or not s.keepable:
        return None  # parse only sentences that open with a key term
    doc = s.parsed
    root, subj = _subject(doc)
    if subj is None or subj.left_edge.i > 1 or subj.left_edge.i == 1 and doc[0].lower_ not in ("the", "a", "an"):
        return None
    if root.lemma_ == "be" and any(c.dep_ == "attr" for c in root.children):
        return None  # "X is a Y": a definition (the cards ask it) or a platitude
    if root.lemma_ == "be" and root.i + 1 < len(doc) and doc[root.i + 1].tag_ in ("WRB", "IN", "WDT", "WP"):
        return None  # "What is when most variations ... are found?" (set 17): a clause after "is" asks nothing
    if subj.left_edge.lower_ == "the" and subj.right_edge.i == subj.i == subj.left_edge.i + 1 and zipf(subj.lower_) >= 4.5:
        return None  # "The plan describes the data the project collects" (set 27): the one plan at hand, no term
    for t in keys:
        span = term_span(doc, t.text)
        if span is None or span.root.i != subj.i or span.end != subj.right_edge.i + 1:
            continue
        rest = doc[subj.right_edge.i + 1 :]
        words = [w.text for w in rest if w.is_alpha]
        content = [w for w in words if w.lower() not in STOPWORDS]
        if len(content) < 4 or _PRONOUN.search(_PAIRED.sub("", rest.text)) or t.pattern.search(rest.text):
            return None
        if _beside(rest):
            return None
        have = {w.lower()[:5] for w in words}
        if any(w.lower()[:5] in have for w in surface_words(t.text) if len(w) >= 4):
            return None  # the predicate gives the term away
        verb = next((x for x in rest if x.pos_ in ("AUX", "VERB")), rest[0])
        agreeing = _coordinated(verb)
        body = "".join((_agree(x) + x.whitespace_) if x.i in agreeing else x.text_with_ws for x in rest)
        stem = "What " + body.strip().rstrip(" .;:,") + "?"
        return stem, t
    return None


def _beside(rest) -> bool:
    """True when a predicate leans on something the question would not name: "What is also amongst the first few
    countries ...?" (set 30: also beside what?), "What always tries to balance both ...?" (set 35: both of what?)."""
    if any(w.lower_ in ("also", "too") for w in rest) or "as well" in rest.text:
        return True
    return any(w.lower_ in ("both", "either", "neither") and w.dep_ in ("dobj", "pobj", "nsubj", "attr") for w in rest)


def aliased(a: Term, b: Term) -> bool:
    """True when a sentence naming ``a`` gives ``b`` as another name for it ("X, also called Y", "X (Y)", "X or Y"):
    then ``b`` is no distractor for ``a``."""
    for s in a.mentions:
        m, n = a.pattern.search(s.text), b.pattern.search(s.text)
        if m is None or n is None:
            continue
        between = s.text[min(m.end(), n.end()) : max(m.start(), n.start())]
        if len(between) <= 40 and re.search(r"\b(?:called|known as|termed|named|or|i\.e\.)\b|\(", between):
            return True
    return False
