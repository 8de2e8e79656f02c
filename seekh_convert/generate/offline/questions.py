"""Practice questions: multiple choice with real-term distractors, questions of real kinds, true/false by a swap of
terms of the same kind, short answers; none repeats a flashcard."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from seekh_convert.generate.offline.ask import aliased, asks_for, subject_question
from seekh_convert.generate.offline.because import because_questions
from seekh_convert.generate.offline.cards import ask_what, defines
from seekh_convert.generate.offline.choices import definition_choice, key_position, of_a_kind
from seekh_convert.generate.offline.kinds import real_kinds
from seekh_convert.generate.offline.sentences import Sentence
from seekh_convert.generate.offline.terms import Term
from seekh_convert.generate.offline.transform import named_choice, sibling_false
from seekh_convert.generate.offline.wh import clause_questions
from seekh_convert.model.guide import MultipleChoice, ShortAnswer, TrueFalse
from seekh_convert.text.lexicon import can_be_noun, generic_phrase, generic_word, plural
from seekh_convert.text.terms import different_kinds
from seekh_convert.text.words import STOPWORDS, surface_words

_MAX_MC = 3


def related(a: Term, b: Term) -> bool:
    """True when two terms are the same, one contains the other, or they are near-duplicates."""
    x, y = a.text.casefold(), b.text.casefold()
    if a.key == b.key or x in y or y in x or a.key in b.key or b.key in a.key:
        return True
    if _siblings(a.key.split(), b.key.split()):
        return False  # "democratic leadership style" and "autocratic leadership": two of a kind (set 35's distractors)
    return fuzz.ratio(x, y) >= 80 or fuzz.token_sort_ratio(x, y) >= 90


def _siblings(x: list[str], y: list[str]) -> bool:
    """True when two names of two words or more each have a word the other lacks (not a spelling of it): kinds of
    one thing ("autocratic leadership", "democratic leadership"), not one name twice ("Schrodinger equation")."""
    if len(x) < 2 or len(y) < 2:
        return False
    only_x = [w for w in x if not any(fuzz.ratio(w, v) >= 85 for v in y)]
    only_y = [w for w in y if not any(fuzz.ratio(w, v) >= 85 for v in x)]
    return bool(only_x) and bool(only_y)


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
    # of the answer's kind first: a name sharing a word with it ("autocratic leadership" for "democratic leadership
    # style", not "American mechanical engineer", set 35)
    kin = set(answer.key.split()) - STOPWORDS
    pool.sort(key=lambda x: (not kin & set(x[2].key.split()), x[0], x[2].origin == "keyword", _shape(answer, x[2]), x[1]))
    chosen: list[Term] = []
    for _, _, t in pool:
        if related(t, answer) or any(related(t, c) for c in chosen) or t.pattern.search(stem) or covered(t, stem):
            continue
        if not _same_shape(answer, t) or not of_a_kind(answer.text, t.text):
            continue
        chosen.append(t)
        if len(chosen) == n:
            break
    return chosen


def _same_shape(answer: Term, t: Term) -> bool:
    """A distractor of the answer's kind: a specific noun phrase, no stray number, not a generic word or a verb, not
    two things ("bradykinesia and akinesia") for one, not a theory or a process for something of another kind."""
    words = surface_words(t.text)
    if not words or re.search(r"\d", t.text) and not re.search(r"\d", answer.text):
        return False
    if re.match(r"^\W*(?:[ivxlc]{1,5}|[a-z]|\d{1,2})[.)]\s", t.text, re.I):
        return False  # a heading's list mark kept in the name: "ii) Size of business" (set 28's replay)
    if len(words) == 1 and generic_word(words[0]):
        return False
    if different_kinds(answer.text, t.text):
        return False
    return can_be_noun(words[-1]) or not can_be_noun((surface_words(answer.text) or [""])[-1])


def true_false(ranked: list[Sentence], terms: list[Term], taken: set[int]) -> list[TrueFalse]:
    """A true statement about a key term from a central sentence that stands alone, and a false one only where the
    document defines a sibling term of the same kind (never a blind word swap)."""
    out: list[TrueFalse] = []
    for t in terms:
        if t.definition is not None and id(t.definition) not in taken and (tf := sibling_false(t, terms)) is not None:
            out.append(tf)
            taken.add(id(t.definition))
            break
    return out


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
                    explanation=f"The source says: “{s.display}”",
                    source=s.ref(),
                )
            )
            taken.add(id(s))
            if len(out) == 2:
                break
    return out


def subject_questions(
    ranked: list[Sentence], terms: list[Term], doc_terms: list[Term], taken: set[int], asked: set[str], limit: int = 2
) -> list:
    """ "What <predicate>?" over central sentences whose whole subject is a key term (see ``ask.subject_question``):
    multiple choice with three terms of the answer's kind, else a short answer graded on the term."""
    out: list = []
    done: list[str] = []
    for s in ranked[:40]:
        if id(s) in taken or (made := subject_question(s, terms)) is None:
            continue
        stem, t = made
        if t.key in asked or any(t.key == k for k in done):
            continue
        done.append(t.key)
        fit = [x for x in terms if asks_for(x) and not aliased(t, x)]
        others = distractors(t, fit, [x for x in doc_terms if asks_for(x) and not aliased(t, x)], stem)
        says = f"The source says: “{s.display}”"
        if len(others) == 3:
            pos = key_position(stem)
            options = [o.text[:300] for o in others]
            options.insert(pos, t.text[:300])
            out.append(MultipleChoice(question=stem, options=options, answer_index=pos, explanation=says, source=s.ref()))
        else:
            out.append(ShortAnswer(question=stem, answer=t.text, accept=[t.text[:100]], explanation=says, source=s.ref()))
        taken.add(id(s))
        if len(out) == limit:
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
    """Questions that repeat no flashcard (``avoid``: ids of the cards' sentences, ``asked``: keys of the terms the
    cards ask), each only where the parse guarantees a fair one: "What is the name for ...?" and "Which of these
    statements defines X?" over definitions, "Why ...?" from causal clauses, "Who ...?" over the text's names, true
    statements about key terms and false ones by a sibling definition, and "What is X?" for terms no card asks."""
    taken: set[int] = set(avoid)
    mcs: list[MultipleChoice] = []
    for t in terms:
        if len(mcs) >= max_mc:
            break
        if not defines(t) or id(t.definition) in taken or t.key in asked:
            continue
        kinds = (definition_choice, named_choice) if len(mcs) % 2 else (named_choice, definition_choice)
        q = next((q for q in (k(t, terms, doc_terms) for k in kinds) if q is not None), None)
        if q is not None:
            mcs.append(q)
            taken.add(id(t.definition))
    real = subject_questions(ranked, terms, doc_terms, taken, asked) + clause_questions(ranked, terms, taken)
    real += because_questions(ranked, terms, taken)
    real += real_kinds(ranked, terms, taken, 4 if max_mc <= _MAX_MC else 8)
    tfs = true_false(ranked, terms, taken)
    sas = short_answers(terms, taken, asked)
    return [*mcs, *real, *tfs, *sas]
