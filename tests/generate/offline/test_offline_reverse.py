"""Issue 17 (session 6): the reverse of a definition card, "Which term names <the definition>?", its options the term and
three other terms the document defines; refused when fewer than three others are defined, when the stem would give
the key away, and when the definition leans on its context."""

from __future__ import annotations

import asyncio
from pathlib import Path

from seekh_convert.generate.offline import OfflineEngine
from seekh_convert.generate.offline.reverse import reverse_questions, reverse_stem
from seekh_convert.model.document import Block, BlockKind, Document, SourceKind, Topic
from seekh_convert.model.guide import Flashcard, MultipleChoice, SourceRef

_DEFS = {  # four of a kind: issue 17 asks options of the answer's kind
    "full backup": "A full backup is the process of copying all data to a second form of storage to protect it.",
    "incremental backup": "An incremental backup is a copy of only the files changed since the last copy of any kind.",
    "differential backup": "A differential backup is a copy of the files changed since the last complete copy of a disk.",
    "mirror backup": "A mirror backup is an exact replica of the source disk kept in step with every change to it.",
}


def _card(term: str, back: str) -> Flashcard:
    return Flashcard(front=f"What is {term}?", back=back, source=SourceRef(quote=back))


def test_which_term_names_the_definition_with_three_sibling_terms():
    cards = [_card(t, d) for t, d in _DEFS.items()]
    qs = reverse_questions(cards, [], [], set())
    assert len(qs) == 2  # at most two per topic
    q = qs[0]
    assert q.question == "Which term names the process of copying all data to a second form of storage to protect it?"
    assert q.options[q.answer_index] == "full backup"
    assert sorted(q.options) == sorted(_DEFS)
    assert "A full backup is the process of copying all data" in q.explanation


def test_refused_with_fewer_than_three_sibling_terms():
    cards = [_card(t, d) for t, d in list(_DEFS.items())[:3]]
    assert reverse_questions(cards, [], [], set()) == []


def test_refused_when_the_stem_gives_the_key_away_or_leans_on_context():
    assert reverse_stem("backup", "A backup is the process of making backups of data on a second disk.") is None
    assert reverse_stem("backup", "This is the process of copying data to a second form of storage.") is None
    assert reverse_stem("backup", "A backup is the process these steps describe for each disk.") is None
    leaning = [_card("backup", "This is the process of copying data to a second form of storage to protect it.")]
    cards = leaning + [_card(t, d) for t, d in list(_DEFS.items())[1:]]
    assert all(q.options[q.answer_index] != "backup" for q in reverse_questions(cards, [], [], set()))


def test_not_two_questions_on_the_same_term():
    cards = [_card(t, d) for t, d in _DEFS.items()]
    qs = reverse_questions(cards, [], [], {"full backup", "incremental backup"})
    assert [q.options[q.answer_index] for q in qs] == ["differential backup", "mirror backup"]


def test_the_engine_shows_no_which_term_reverse_of_its_definition_cards():
    """The sixteenth session: teachers kept 2 of 21 "Which term names/refers to ...?" questions over sets 14-24, so
    the engine no longer shows them; ``reverse_question`` above still builds them (a model's drafts are not affected)."""
    title = "Storage"
    texts = list(_DEFS.values())
    blocks = [Block(title, BlockKind.HEADING, level=1, section=title)]
    blocks += [Block(t, BlockKind.PARAGRAPH, section=title) for t in texts]
    doc = Document(path=Path("notes.md"), kind=SourceKind.MARKDOWN, title="Notes", blocks=blocks)
    doc.topics = [Topic(1, title, blocks)]
    content = asyncio.run(OfflineEngine().generate(doc.topics[0], doc)).content
    reverse = [q for q in content.questions if isinstance(q, MultipleChoice) and q.question.startswith("Which term")]
    assert not reverse, [q.question for q in content.questions]
    asked = [q.options[q.answer_index] for q in content.questions if isinstance(q, MultipleChoice)]
    assert len(asked) == len(set(asked))
