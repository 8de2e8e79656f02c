"""Issue 17 (2026-12-04): "Why ...?" and "How ...?" transformed from a parsed purpose or means clause (Heilman and
Smith 2010), the answer the source's own phrase; none where the sentence leans on context, the "to" is no purpose
or the subject is not a key term."""

from __future__ import annotations

import pytest

from seekh_convert.generate.offline.sentences import topic_sentences
from seekh_convert.generate.offline.terms import Term
from seekh_convert.generate.offline.wh import clause_question, clause_questions
from seekh_convert.model.document import Block
from seekh_convert.text.terms import term_key


def _asked(text: str, term: str):
    s = topic_sentences([Block(text)])[0]
    return clause_question(s, [Term(term, term_key(term), "emphasis", s.order, [s])])


@pytest.mark.parametrize(
    ("text", "term", "question", "answer"),
    [
        (
            "Fimbriae are used by bacteria to attach to a host cell.",
            "fimbriae",
            "Why are fimbriae used by bacteria?",
            "To attach to a host cell.",
        ),
        (
            "The operating system keeps a linked list of allocated and free memory segments to track memory usage.",
            "operating system",
            "Why does the operating system keep a linked list of allocated and free memory segments?",
            "To track memory usage.",
        ),
        (
            "The vesicle fuses with the cell membrane so that the carbohydrate now faces the outside of the membrane.",
            "vesicle",
            "Why does the vesicle fuse with the cell membrane?",
            "So that the carbohydrate now faces the outside of the membrane.",
        ),
        (
            "Mathematical induction proves a statement for every natural number by proving a base case and an inductive step.",
            "mathematical induction",
            "How does mathematical induction prove a statement for every natural number?",
            "By proving a base case and an inductive step.",
        ),
        (
            "The Computer Misuse Act was passed in 1990 after a famous hacking case.",
            "Computer Misuse Act",
            "When was the Computer Misuse Act passed after a famous hacking case?",
            "In 1990.",
        ),
    ],
)
def test_a_purpose_or_means_clause_becomes_a_why_or_how_question(text, term, question, answer):
    q = _asked(text, term)
    assert q is not None and (q.question, q.answer) == (question, answer)
    assert q.source.quote == text


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("This technique is used by bacteria to attach to a host cell.", "technique"),  # leans on "this"
        ("Newton's first law is usually considered to be a statement about reference frames.", "first law"),  # raising
        ("Users want to run programs that are larger than physical memory.", "physical memory"),  # complement
        ("System 2 is chosen for the next example so that the force is external.", "system 2"),  # "the next example"
        ("The kernel can swap whole processes to disk to free memory.", "kernel"),  # "to disk" misread as a verb
        ("Prokaryotes depend on ________ to obtain some materials and to get rid of wastes.", "prokaryotes"),  # a blank
        ("The cell does not divide to repair damaged tissue in adults.", "cell"),  # negation: a trick question
        ("People use simple maps to find routes in a new city.", "new city"),  # an everyday subject, no key term
        ("Helicopters create lift by pushing air down, thereby experiencing an upward force.", "helicopters"),  # clause
        ("Kepler published his first two laws in 1609.", "Kepler"),  # "his": whose?
    ],
)
def test_no_clause_question_where_it_would_not_stand(text, term):
    assert _asked(text, term) is None


def test_clause_questions_skip_sentences_a_card_uses():
    ss = topic_sentences([Block("Fimbriae are used by bacteria to attach to a host cell.")])
    terms = [Term("fimbriae", "fimbriae", "emphasis", ss[0].order, ss)]
    assert len(clause_questions(ss, terms, set())) == 1
    assert clause_questions(ss, terms, {id(ss[0])}) == []


def test_a_name_keeps_its_capital_and_a_lower_case_term_loses_it():
    q = _asked("Keaton was born into a vaudeville family in 1895.", "vaudeville family")
    assert q is not None and q.question == "When was Keaton born into a vaudeville family?"
    q = _asked("Fimbriae are used by bacteria to attach to a host cell.", "fimbriae")
    assert q is not None and q.question.startswith("Why are fimbriae")


def test_a_when_question_offers_the_topics_other_years_when_it_names_three():
    text = (
        "The Computer Misuse Act was passed in 1990 after a famous hacking case. The Data Protection Act followed in "
        "1998. The Copyright Act dates from 1988. The database right arrived in 1997."
    )
    ss = topic_sentences([Block(text)])
    terms = [Term("Computer Misuse Act", term_key("Computer Misuse Act"), "emphasis", ss[0].order, [ss[0]])]
    [q] = clause_questions(ss, terms, set())
    assert q.kind == "multiple_choice" and q.options == ["1988", "1990", "1997", "1998"] and q.answer_index == 1
    [q] = clause_questions(ss[:2], terms, set())  # one other year: a short answer
    assert q.kind == "short_answer" and q.answer == "In 1990."
