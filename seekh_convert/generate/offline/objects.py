"""Object wh-questions (Heilman and Smith 2010) as cards: "A polygraph, or lie detector test, measures the
physiological arousal of an individual responding to a series of questions." asks "What does a polygraph measure?",
the answer the source's sentence. Only where the parse guarantees a fair card: the sentence stands alone, its whole
subject opens it and is a key term the source marks, defines or names (or a specific noun phrase the topic keeps
using), not a word of the title, the main verb is an action in the present tense with a direct object after it (not
"is", "says", "shows", "plays"), nothing negates it, and no pronoun or connective leans on the text around it."""

from __future__ import annotations

import re

from seekh_convert.generate.offline.ask import asks_for
from seekh_convert.generate.offline.cards import names_subject
from seekh_convert.generate.offline.sentences import ITEM_WORDS, Sentence
from seekh_convert.generate.offline.terms import Term
from seekh_convert.model.guide import Flashcard
from seekh_convert.text.grammar import term_span
from seekh_convert.text.lexicon import generic_word, zipf
from seekh_convert.text.standalone import leans_back
from seekh_convert.text.words import singular

_PRONOUN = re.compile(r"\b(?:this|these|those|it|its|they|them|their|he|she|his|her|him|we|our|us|you|your|I|such)\b", re.I)
#: Verbs whose object is talk, a picture or a pointer, not a fact about the subject ("The figure shows ...").
_NO_FACT = frozenset(
    "be have say state show illustrate depict describe discuss mention note see use get make do take give include "
    "find call consider become seem appear play need offer".split()
)  # "The hypothalamus plays a role ...": a light verb asks "What does the hypothalamus play?"
#: People in general as the subject ask what anyone does ("What do economists study?"), not a point of the topic.
_PEOPLE = frozenset("people person researcher scientist economist psychologist student teacher author writer reader".split())
#: A noun for someone who does something ("painter", "author", "artist", "historian"): with "the" alone, one person.
_AGENT = re.compile(r"(?:er|or|ist|ian)$")
_QUANTIFIERS = frozenset("some many most all few several each every any no both either neither".split())
_DO = {"VBZ": "does", "VBP": "do"}
_WORDS = (8, ITEM_WORDS)


def object_card(s: Sentence, terms: list[Term], topic_stems: str = "", title: str = "") -> tuple[Flashcard, str] | None:
    """ "What does <term> <verb>?" answered by ``s`` and the asked term's key, or None (see the module's docstring;
    ``topic_stems``: the topic's words as ``TopicAnalysis.stem_text``; ``title``: the topic's and document's titles)."""
    if s.cut or not _WORDS[0] <= s.n_words <= _WORDS[1] or leans_back(s.text) or _PRONOUN.search(s.text):
        return None
    if not s.has_parse and not _opens_with_term(s.text, terms):
        return None  # parse only what may carry a card: a sentence another item parsed, or one opening with a term
    if not s.keepable:
        return None
    doc = s.parsed
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "VERB" or root.tag_ not in _DO or root.lemma_ in _NO_FACT:
        return None
    kids = list(root.children)
    if any(c.dep_ in ("neg", "aux", "auxpass", "ccomp") for c in kids) or not any(
        c.dep_ == "dobj" and c.i > root.i for c in kids
    ):
        return None
    subject = next((c for c in kids if c.dep_ == "nsubj" and c.i < root.i), None)
    obj = next(c for c in kids if c.dep_ == "dobj" and c.i > root.i)
    if subject is None or obj.pos_ == "PRON" or subject.lemma_.lower() in _PEOPLE:
        return None  # "Stakeholders affect one another", "Economists study many aspects ..."
    if subject.left_edge.i > 0 or any(x.lower_ in _QUANTIFIERS for x in subject.subtree):
        return None  # "Teasing the randomness from ... requires", "Fortunately, pandas provides", "Some responses ..."
    after = ("prep", "relcl", "acl", "appos", "conj")  # "The disks and bulges dominate ...": not "What do the disks ...?"
    if any(c.dep_ in after and c.i > subject.i for c in subject.children) and not _apposed(subject):
        return None  # "The concepts of opportunity and advantage provide ...": the question would drop what they are
    span, key = _subject_term(doc, subject, terms, topic_stems)
    if span is None or names_subject(span.text, title):
        return None  # "What does pandas provide?" in a pandas workshop asks for everything in it
    lead = doc[subject.left_edge.i : span.start]
    if any(x.dep_ != "det" for x in lead):
        return None  # "The first polygraph ...": the question would drop what the subject says of itself
    article = lead[0].lower_ + " " if len(lead) and lead[0].lower_ in ("a", "an", "the") else ""
    name = span.text if span[0].pos_ == "PROPN" or span.text.isupper() else span.text[:1].lower() + span.text[1:]
    front = f"What {_DO[root.tag_]} {article}{name} {root.lemma_}?"
    return Flashcard(kind="basic", front=front, back=s.display, source=s.ref()), key


def _apposed(subject) -> bool:
    """True when what follows the subject's head is only another name for it ("A polygraph, or lie detector test,")."""
    return all(c.dep_ in ("cc", "conj", "punct", "appos") for c in subject.children if c.i > subject.i) and any(
        c.dep_ == "cc" and c.lower_ == "or" for c in subject.children
    )


def _opens_with_term(text: str, terms: list[Term]) -> bool:
    """True when ``text`` opens (after an article) with a key term."""
    body = re.sub(r"^(?:an?|the)\s+", "", text, flags=re.I)
    return any((m := t.pattern.match(body)) is not None and m.start() == 0 for t in terms)


def _subject_term(doc, subject, terms: list[Term], topic_stems: str):
    """The span of ``doc`` naming the subject and its key: a key term the source marks, defines or names, else a
    specific noun phrase the topic keeps using ("polygraph": rare in English, three times here or more)."""
    for t in terms:
        if asks_for(t) and (t.origin != "keyword" or t.defined):
            span = term_span(doc, t.text)
            if span is not None and span.root is subject:
                return span, t.key
    words = [x for x in subject.subtree if x.i <= subject.i and x.dep_ in ("compound", "amod") or x is subject]
    if not words or subject.pos_ != "NOUN" or generic_word(subject.lower_) or zipf(subject.lower_) >= 4.5:
        return None, ""
    span = doc[words[0].i : subject.i + 1]
    if len(span) == 1 and subject.left_edge.lower_ == "the" and _AGENT.search(subject.lower_):
        return None, ""  # "What does the painter introduce?": a person the text named before (set 34)
    key = " ".join(singular(x.lower_) for x in span)
    return (span, key) if topic_stems.count(f" {key} ") >= 3 else (None, "")


def object_cards(
    ranked: list[Sentence], terms: list[Term], topic_stems: str, used: set[int], limit: int = 3, title: str = ""
) -> list[Flashcard]:
    """Up to ``limit`` object cards over the topic's central sentences no item uses yet, one per term."""
    out: list[Flashcard] = []
    done: set[str] = set()
    for s in ranked[:40]:
        if id(s) in used or (made := object_card(s, terms, topic_stems, title)) is None:
            continue
        card, key = made
        if key in done:
            continue
        out.append(card)
        done.add(key)
        used.add(id(s))
        if len(out) == limit:
            break
    return out
