"""Multiple choice whose options are definitions: "Which statement describes X?" over real defining sentences.

Each option is a real defining sentence of the document with its own term blanked, so no option names
the term asked about and the key gives nothing away; distractors are definitions of other real terms of a
similar length.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from seekh_convert.generate.offline.cards import GAP, crosses, defines
from seekh_convert.generate.offline.generic import definition_penalty
from seekh_convert.generate.offline.statements import citation_share
from seekh_convert.generate.offline.terms import Term
from seekh_convert.model.answers import key_position
from seekh_convert.model.guide import MultipleChoice
from seekh_convert.text.words import singular, surface_words

#: Longest option text (schema ``ShortText``).
_MAX_OPTION = 300


def as_option(term: Term, terms: list[Term] = ()) -> str | None:
    """The term's definition with every mention of the term blanked; None when unfit as an option or when a
    gap would cut a longer term of ``terms`` in two ("_____ of motion")."""
    s = term.definition
    if s is None or not term.defined or definition_penalty(s) > 0 or citation_share(s) > 0.1 or not defines(term):
        return None
    if any(crosses(m.span(), s, list(terms)) for m in term.pattern.finditer(s.text)):
        return None
    text = term.pattern.sub(GAP, s.display)
    text = re.sub(rf"{GAP}\s*\([^()]{{1,20}}\)", GAP, text)  # "_____ (GDP/GNP) is ..." spells the answer (set 47)
    # "_____ is a machine learning technique ..." reads "A machine learning technique ...": teachers asked for options
    # without the blank (sets 52-56)
    text = re.sub(rf"^(?:(?:The|A|An)\s+)?{GAP}\s+(?:is|are|refers? to|means|denotes)\s+(?:defined as\s+)?(?=\w)", "", text)
    if len(text) > _MAX_OPTION or len(text.split()) < 5:
        return None
    return text[:1].upper() + text[1:]


def _length_gap(a: str, b: str) -> float:
    return abs(len(a) - len(b)) / max(len(a), len(b))


def _related(a: Term, b: Term) -> bool:
    x, y = a.key, b.key
    return x == y or f" {x} " in f" {y} " or f" {y} " in f" {x} "


def _echoes(term: Term, option: str) -> bool:
    """True when ``option`` uses a word of the same family as the term's ("encode" for "encoding")."""
    heads = {w.lower()[:5] for w in surface_words(term.text) if len(w) >= 5}
    return any(w.lower()[:5] in heads for w in surface_words(option) if len(w) >= 5)


def _same_option(a: str, b: str) -> bool:
    return a.casefold() == b.casefold() or fuzz.ratio(a.casefold(), b.casefold()) >= 85


def definition_choice(term: Term, topic_terms: list[Term], doc_terms: list[Term]) -> MultipleChoice | None:
    """ "Which statement defines <term>?" with four definitions read without their terms ("A process in which ..."),
    None when three fair distractors are missing or a definition names its term otherwise than as its subject."""
    key = as_option(term, topic_terms)
    if key is None or GAP in key:
        return None  # options are plain definitions ("A machine learning technique ..."), never a blanked sentence
    chosen: list[str] = []
    chosen_terms: list[Term] = [term]
    options = {id(t): as_option(t, topic_terms if i == 0 else ()) for i, ts in enumerate((topic_terms, doc_terms)) for t in ts}
    pool = [(0, t) for t in topic_terms] + [(1, t) for t in doc_terms]
    pool = [x for x in pool if options[id(x[1])] is not None and GAP not in options[id(x[1])]]
    pool.sort(key=lambda x: (x[0], _length_gap(key, options[id(x[1])]), x[1].key))
    for _, t in pool:
        option = options[id(t)]
        if option is None or t.definition is term.definition or any(_related(t, c) for c in chosen_terms):
            continue
        if term.pattern.search(option) or _echoes(term, option) or any(_same_option(option, o) for o in chosen + [key]):
            continue  # two options saying the same ("... regardless of the archive bit" / "... bit status")
        if _length_gap(key, option) > 0.6:
            continue
        chosen.append(option)
        chosen_terms.append(t)
        if len(chosen) == 3:
            break
    if len(chosen) < 3:
        return None
    question = f"Which of these statements defines {term.text}?"
    pos = key_position(question)
    chosen.insert(pos, key)
    s = term.definition
    explanation = f"This is how the source defines {term.text}: “{s.display}”"
    return MultipleChoice(question=question, options=chosen, answer_index=pos, explanation=explanation, source=s.ref())


def of_a_kind(answer: str, other: str) -> bool:
    """True when ``other`` is plainly of the answer's kind, so it can stand beside it as a wrong option: a sibling
    with the same head noun ("point defects" for "line defects", "autocratic leadership" for "democratic leadership")
    or a year for a year. Teachers marked 25 of 27 made-up multiple choices of earlier sets EDIT or DROP, most for
    options of another kind ("Distribution Channels" among pricing strategies, "Golden Age" among founders, hormones
    for a tissue); without three such options the question is asked open."""
    if re.fullmatch(r"\d{3,4}", answer.strip()):
        return re.fullmatch(r"\d{3,4}", other.strip()) is not None
    a, b = surface_words(answer), surface_words(other)
    if not a or not b or len(a[-1]) < 3 or len(a) == 1 and len(b) == 1:
        return False
    wa, wb = [singular(w.lower()) for w in a], [singular(w.lower()) for w in b]
    return wa[-1] == wb[-1] or len(wb[-1]) >= 5 and wb[-1] in wa[:-1] or len(wa[-1]) >= 5 and wa[-1] in wb[:-1]
