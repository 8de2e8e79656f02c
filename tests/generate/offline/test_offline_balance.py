"""A topic rich in definitions gets questions as well as cards (issue 17: the cards took every defined term and
left the questions none), and "X happens when Y" definitions become naming questions."""

from __future__ import annotations

import asyncio

from seekh_convert.generate.offline import OfflineEngine
from seekh_convert.pipeline import load_document
from seekh_convert.text.defining import asked_term

TEXT = """# Memory errors

## Forgetting

Forgetting refers to loss of information from long-term memory. Misattribution happens when a person confuses
the source of the information. Proactive interference happens when old information hinders the recall of
newly learned information. Retroactive interference happens when information learned more recently hinders
the recall of older information. Suggestibility is the effect of misinformation from external sources that
leads to the creation of false memories. Transience is the loss of memories over time. Blocking is the
failure to retrieve a memory that is stored, such as a name on the tip of the tongue.

## Encoding

Encoding is the act of getting information into the memory system through automatic or effortful processing.
Semantic encoding is the encoding of words and their meaning. Visual encoding is the encoding of images.
Acoustic encoding is the encoding of sounds, words in particular. The self-reference effect is the tendency
for an individual to have better memory for information that relates to oneself.
"""


def test_a_topic_that_defines_many_terms_gets_a_naming_question_on_a_term_no_card_asks(tmp_path):
    path = tmp_path / "memory.md"
    path.write_text(TEXT)
    doc = load_document(path)

    async def run():
        engine = OfflineEngine()
        try:
            return [(await engine.generate(t, doc)).content for t in doc.topics]
        finally:
            await engine.aclose()

    contents = asyncio.run(run())
    questions = [q for c in contents for q in c.questions]
    assert questions, [c.flashcards for c in contents]
    backs = {f.back for c in contents for f in c.flashcards if f.kind == "basic"}  # a card's reverse may ask its term
    keys = {id(q): q.options[q.answer_index] if q.kind == "multiple_choice" else getattr(q, "answer", "") for q in questions}
    asked = {
        keys[id(q)].lower() for q in questions if q.kind in ("multiple_choice", "short_answer") and q.source.quote not in backs
    }
    for c in contents:  # never the same term as a card and a question (but the reverse of its own card)
        for f in c.flashcards:  # ("What is semantic encoding?" asks another term than "encoding")
            assert f.kind != "basic" or (asked_term(f.front) or "").lower() not in asked, (f.front, asked)
    # (asked open where the document has no three terms of the answer's kind to offer as options)
    whens = [
        q for q in questions if q.kind in ("multiple_choice", "short_answer") and q.question.startswith("What is it called when")
    ]
    assert whens, [q.question for q in questions]  # before: none ("What happens when ...?" asks for a thing, not a name)
    for q in whens:
        assert q.source.quote not in {f.source.quote for c in contents for f in c.flashcards}  # no card on its sentence
