"""Practice questions: multiple choice with real-term distractors, questions of real kinds, true/false by a swap of
terms of the same kind, short answers; none repeats a flashcard."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from seekh_convert.generate.offline.cards import GAP, ask_what, crosses, defines, gives_away
from seekh_convert.generate.offline.choices import definition_choice, key_position
from seekh_convert.generate.offline.generic import definition_penalty
from seekh_convert.generate.offline.kinds import real_kinds
from seekh_convert.generate.offline.sentences import Sentence
from seekh_convert.generate.offline.terms import Term, free_match
from seekh_convert.model.guide import MultipleChoice, ShortAnswer, TrueFalse
from seekh_convert.text.lexicon import can_be_noun, generic_phrase, generic_word, plural
from seekh_convert.text.swaps import kind_mismatch, swapped
from seekh_convert.text.words import surface_words

_MAX_MC = 3


def related(a: Term, b: Term) -> bool:
    """True when two terms are the same, one contains the other, or they are near-duplicates."""
    x, y = a.text.casefold(), b.text.casefold()
    if a.key == b.key or x in y or y in x or a.key in b.key or b.key in a.key:
        return True
    return fuzz.ratio(x, y) >= 80 or fuzz.token_sort_ratio(x, y) >= 90


def covered(term: Term, text: str) -> bool:
    """True when every word of ``term`` occurs in ``text`` in some form (same first letters: prokaryotes/prokaryotic)."""
    have = {w.lower()[:6] for w in surface_words(text)}
    need = [w.lower()[:6] for w in surface_words(term.text) if len(w) >= 3]
    return bool(need) and all(w in have for w in need)


def _shape(answer: Term, t: Term) -> tuple[int, int]:
    return abs(len(t.text.split()) - len(answer.text.split())), abs(len(t.text) - len(answer.text)) // 6


def distractors(answer: Term, topic_terms: list[Term], doc_terms: list[Term], stem: str, n: int = 3) -> list[Term]:
    """``n`` other real terms: same topic first, then the document; similar shape; none related to each other."""
    pool = [(0, i, t) for i, t in enumerate(topic_terms)] + [(1, i, t) for i, t in enumerate(doc_terms)]
    pool.sort(key=lambda x: (x[0], x[2].origin == "keyword", _shape(answer, x[2]), x[1]))
    chosen: list[Term] = []
    for _, _, t in pool:
        if related(t, answer) or any(related(t, c) for c in chosen) or t.pattern.search(stem) or covered(t, stem):
            continue
        if not _same_shape(answer, t):
            continue
        chosen.append(t)
        if len(chosen) == n:
            break
    return chosen


def _same_shape(answer: Term, t: Term) -> bool:
    """A distractor of the answer's kind: a specific noun phrase, no stray number, not a generic word or a verb."""
    words = surface_words(t.text)
    if not words or re.search(r"\d", t.text) and not re.search(r"\d", answer.text):
        return False
    if len(words) == 1 and generic_word(words[0]):
        return False
    return can_be_noun(words[-1]) or not can_be_noun((surface_words(answer.text) or [""])[-1])


def blank(text: str, term: Term) -> str:
    """``text`` with every occurrence of the term replaced by the gap."""
    return term.pattern.sub(GAP, text)


def multiple_choice(
    term: Term, topic_terms: list[Term], doc_terms: list[Term], sentence: Sentence | None = None
) -> MultipleChoice | None:
    """ "Which term fills the blank" over the term's defining sentence (or ``sentence``), None when it cannot be fair."""
    s = sentence or term.definition
    if s is None or (sentence is None and not term.defined):
        return None
    if sentence is not None:
        m = free_match(term, s, topic_terms)
        if (
            m is None
            or len(term.pattern.findall(s.text)) > 1
            or (term.origin == "keyword" and " " not in term.text)
            or crosses(m.span(), s, topic_terms)
        ):
            return None
        stem = s.splice(m.start(), m.end(), GAP)
        if stem is None or gives_away(stem, m.group()):
            return None
    else:
        if any(crosses(m.span(), s, topic_terms) for m in term.pattern.finditer(s.text)):
            return None
        stem = blank(s.display, term)
    if term.pattern.search(stem):
        return None
    others = distractors(term, topic_terms, doc_terms, stem)
    if len(others) < 3:
        return None
    if sentence is not None:
        question = f"Which term completes this statement from the source: “{stem}”"
    elif GAP in stem:
        question = f"Which term fills the blank in this description: “{stem}”"
    else:
        question = f"Which term matches this description: “{stem}”"
    pos = key_position(question)
    options = [t.text[:300] for t in others]
    options.insert(pos, term.text[:300])
    explanation = f"The answer is {term.text}. The source says: “{s.display}”"
    return MultipleChoice(question=question, options=options, answer_index=pos, explanation=explanation, source=s.ref())


def swap_statement(s: Sentence, term: Term, other: Term, terms: list[Term] = ()) -> str | None:
    """``s`` with its first free mention of ``term`` replaced by ``other`` (None if that changes nothing real)."""
    m = free_match(term, s, list(terms))
    if not m or other.pattern.search(s.text) or covered(other, s.text):
        return None
    new = other.text
    if m.start() <= s.cut or s.text[: m.start()].rstrip().endswith((".", "!", "?")):
        new = new[:1].upper() + new[1:]
    statement = s.splice(m.start(), m.end(), new)
    return statement if statement and statement.casefold() != s.display.casefold() else None


def true_false(ranked: list[Sentence], terms: list[Term], taken: set[int]) -> list[TrueFalse]:
    """A false statement made by swapping a key term for another of the same kind, and a true one from another
    central sentence; false first, since a swap that stays meaningful is the rarer find."""
    out: list[TrueFalse] = []
    candidates = [s for s in ranked[:25] if id(s) not in taken and s.alone]
    false = next((tf for s in candidates if (tf := _false_statement(s, terms)) is not None), None)
    if false is not None:
        taken.add(next(id(s) for s in candidates if s.ref() == false.source))
    for s in candidates:
        if id(s) not in taken and (any(s in t.mentions for t in terms) or not terms):
            out.append(TrueFalse(statement=s.display, answer=True, explanation=f"The source says: “{s.display}”", source=s.ref()))
            taken.add(id(s))
            break
    return out + ([false] if false is not None else [])


def _meaningful(s: Sentence, statement: str | None) -> bool:
    """True when a swapped statement changes one place and puts there words of the same kind."""
    if statement is None:
        return False
    change = swapped(s.display, statement)
    return change is None or kind_mismatch(*change, lambda w: True) is None


def _false_statement(s: Sentence, terms: list[Term]) -> TrueFalse | None:
    """``s`` with one key term swapped for another of the same kind, or None."""
    for t in terms:
        if s not in t.mentions:
            continue
        others = sorted(
            (o for o in terms if not related(o, t) and o.real and same_kind(t, o)),
            key=lambda o: (o.origin == "keyword", _shape(t, o)),
        )
        swap = next((o for o in others if _meaningful(s, swap_statement(s, t, o, terms))), None)
        if swap is not None:
            statement = swap_statement(s, t, swap, terms)
            explanation = f"The source says “{s.display}” — {t.text}, not {swap.text}."
            return TrueFalse(statement=statement, answer=False, explanation=explanation, source=s.ref())
    return None


def short_answers(terms: list[Term], taken: set[int], asked: set[str]) -> list[ShortAnswer]:
    """ "What is X?" for defined terms no flashcard asks, answered by the source's definition."""
    out: list[ShortAnswer] = []
    for t in terms:
        if defines(t) and id(t.definition) not in taken and t.key not in asked:
            s = t.definition
            out.append(
                ShortAnswer(
                    question=ask_what(t.text, s.text),
                    answer=s.display,
                    explanation=f"The source defines it: “{s.display}”",
                    source=s.ref(),
                )
            )
            taken.add(id(s))
            if len(out) == 2:
                break
    return out


def same_kind(a: Term, b: Term) -> bool:
    """Terms a swap may exchange: both names or both lower case, same number, same word class at the head."""
    ha, hb = surface_words(a.text)[-1:] or [""], surface_words(b.text)[-1:] or [""]
    if ha[0][:1].isupper() != hb[0][:1].isupper() or ha[0].isupper() != hb[0].isupper():
        return False
    pa, pb = plural(ha[0]), plural(hb[0])
    if pa is not None and pb is not None and pa != pb:
        return False
    return can_be_noun(ha[0]) == can_be_noun(hb[0]) and not generic_phrase(b.text)


def build_questions(
    terms: list[Term],
    doc_terms: list[Term],
    ranked: list[Sentence],
    title: str,
    max_mc: int = _MAX_MC,
    avoid: set[int] = frozenset(),
    asked: set[str] = frozenset(),
) -> list:
    """Mixed questions that repeat no flashcard (``avoid``: ids of the cards' sentences, ``asked``: keys of the terms
    the cards ask): multiple choice on definitions and central statements, questions of the real kinds (comparison,
    cause, sequence, who/when), true/false, and "What is X?" for terms no card asks."""
    taken: set[int] = set(avoid)
    mcs: list[MultipleChoice] = []
    by_definition = max_mc - 1 if max_mc > 2 else max_mc
    for t in terms:
        if len(mcs) >= by_definition:
            break
        if not defines(t) or id(t.definition) in taken or t.key in asked:
            continue
        kinds = (definition_choice, multiple_choice) if len(mcs) % 2 else (multiple_choice, definition_choice)
        q = next((q for q in (k(t, terms, doc_terms) for k in kinds) if q is not None), None)
        if q is not None:
            mcs.append(q)
            taken.add(id(t.definition))
    for s in ranked[:20]:
        if len(mcs) >= max(2, max_mc) or (len(mcs) >= 2 and any(GAP in q.question and "completes" in q.question for q in mcs)):
            break
        if not s.alone:
            continue
        t = next((t for t in terms if id(s) not in taken and s in t.mentions and s.n_words >= 8 and t.real), None)
        q = multiple_choice(t, terms, doc_terms, s) if t is not None and definition_penalty(s) == 0 else None
        if q is not None:
            mcs.append(q)
            taken.add(id(s))
    real = real_kinds(ranked, terms, taken, 4 if max_mc <= _MAX_MC else 8)
    tfs = true_false(ranked, terms, taken)
    sas = short_answers(terms, taken, asked)
    return [*mcs, *real, *tfs, *sas]
