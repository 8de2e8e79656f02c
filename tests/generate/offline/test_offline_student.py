"""Round-4 content rules of the offline engine, judged as a student would: real definitions, whole-term gaps,
varied questions, the source's own summary as takeaways, informative learn-next reasons."""

from __future__ import annotations

from pathlib import Path

from seekh_convert.check.answer_keys import check_multiple_choice
from seekh_convert.generate.offline.analysis import analyse
from seekh_convert.generate.offline.cards import GAP, build_flashcards, cloze
from seekh_convert.generate.offline.choices import definition_choice
from seekh_convert.generate.offline.generic import defers, definition_penalty, particular_penalty
from seekh_convert.generate.offline.links import learn_next_candidates
from seekh_convert.generate.offline.pool import build_pool
from seekh_convert.generate.offline.questions import build_questions
from seekh_convert.generate.offline.sentences import topic_sentences
from seekh_convert.generate.offline.terms import Term, extract_terms
from seekh_convert.model.document import Block, BlockKind, Document, SourceKind, Topic
from seekh_convert.model.guide import MultipleChoice, ShortAnswer, TrueFalse
from seekh_convert.text.nouns import is_term_like
from seekh_convert.text.terms import term_key

LAWN = "The ground must exert an upward force on the lawn mower, known as the normal force N, which we define in Common Forces."
NORMAL = "The force that a surface exerts perpendicular to itself on a resting object is called the normal force."
CAR = "The system of interest is the car and its driver."
SYSTEM = "A system of interest is the collection of objects whose motion is analysed together."


def _terms(*texts: str, emphasis=()):
    blocks = [Block(t, section="S", page=1, emphasis=emphasis) for t in texts]
    sents = topic_sentences(blocks)
    return {t.key: t for t in extract_terms(blocks, sents, {})}, sents


def _sentence(text: str):
    return topic_sentences([Block(text)])[0]


def test_examples_and_deferrals_are_not_general_statements():
    assert particular_penalty(_sentence(CAR)) > 0
    assert defers(_sentence(LAWN)) and definition_penalty(_sentence(LAWN)) > definition_penalty(_sentence(CAR))
    assert defers(_sentence("Friction is discussed in greater detail in the next chapter."))
    assert particular_penalty(_sentence("When Lucia responded with an angry look, Alejandra realized her error.")) > 0
    for general in (
        NORMAL,
        SYSTEM,
        "Memory is the set of processes used to encode, store, and retrieve information.",
        "The Golgi apparatus is an organelle that sorts and packages proteins.",
        "Newton’s second law of motion says that the net external force is proportional to acceleration.",
    ):
        assert definition_penalty(_sentence(general)) == 0, general


def test_a_real_definition_beats_an_example_setup_and_a_forward_reference():
    terms, _ = _terms(
        LAWN,
        CAR,
        "Friction slows the lawn mower down while it moves across the grass.",
        NORMAL,
        SYSTEM,
        "Every system of interest and every normal force must be drawn in the diagram.",
    )
    assert terms["normal force"].definition.text == NORMAL
    assert terms[term_key("system of interest")].definition.text == SYSTEM


def test_a_forward_reference_alone_defines_nothing():
    terms, sents = _terms(LAWN, "The normal force and the weight of the mower balance each other exactly.")
    normal = terms.get("normal force")
    assert normal is None or not normal.defined
    cards = build_flashcards(list(terms.values()), sents)
    assert not any(c.kind == "basic" and c.back.startswith("The ground must exert") for c in cards)


def test_cloze_gap_never_cuts_through_another_term():
    s = _sentence("It seems reasonable that acceleration is proportional to the net external force acting on a system.")
    net = Term("net external force", term_key("net external force"), "emphasis", 0, [s])
    fragment = Term("force acting", term_key("force acting"), "pattern", 0, [s])
    terms = [net, fragment]
    assert cloze(s, fragment, terms) is None
    front, back = cloze(s, net, terms)
    assert back == "net external force" and front.count(GAP) == 1 and "acting on a system" in front
    assert not is_term_like("force acting", strict=True) and not is_term_like("object moving", strict=True)
    assert is_term_like("effortful processing", strict=True) and is_term_like("semantic encoding", strict=True)


_DEFS = [
    "Encoding is the input of information into the memory system.",
    "Storage is the creation of a permanent record of information.",
    "Retrieval is the act of getting information out of memory storage.",
    "Forgetting refers to the loss of information from long-term memory.",
    "Interference is the blocking of one memory by another similar memory.",
]


def _memory_terms():
    emphasis = ("Encoding", "Storage", "Retrieval", "Forgetting", "Interference")
    blocks = [
        Block(" ".join(_DEFS), section="Memory", page=1, emphasis=emphasis),
        Block("Encoding and storage work together when we learn a new fact about the world around us.", section="Memory", page=2),
    ]
    sents = topic_sentences(blocks)
    return extract_terms(blocks, sents, {}), sents


def test_definition_choice_offers_real_definitions_without_giving_the_key_away():
    terms, _ = _memory_terms()
    encoding = next(t for t in terms if t.key == "encoding")
    mc = definition_choice(encoding, terms, [])
    assert isinstance(mc, MultipleChoice)
    assert mc.answer == "The input of information into the memory system."  # the definition without its blank
    for option in mc.options:
        assert "encod" not in option.lower() and GAP not in option
        assert any(option.strip(" .").split(" ", 1)[-1] in d for d in _DEFS), option
    assert mc.source.quote == _DEFS[0]
    assert check_multiple_choice(mc) == []


def test_questions_mix_kinds_and_true_false_explanations_do_not_repeat_the_verdict():
    terms, sents = _memory_terms()
    questions = build_questions(terms, [], sents, "Memory")
    stems = [q.question.split(":")[0].split("“")[0] for q in questions if isinstance(q, MultipleChoice | ShortAnswer)]
    assert any(s.startswith("Which of these statements defines") for s in stems)
    # issue 17: transformed, no "Which term completes"; asked open where no three options are of the answer's kind
    assert any(s.startswith("What is the name for") for s in stems)
    assert not any("completes this statement" in s for s in stems)
    assert len({s.split()[1] for s in stems}) >= 2  # not one template for every question
    for q in questions:
        if isinstance(q, TrueFalse):
            assert not q.explanation.startswith(("True.", "False."))


def _doc_with_summary() -> Document:
    body = [
        Block(
            "Inertia is the tendency of an object to remain at rest or in motion. A sled keeps sliding on ice because of inertia. "
            "Mass is a measure of inertia, and a heavier sled has more of it. Friction slows the sled on rough snow.",
            emphasis=("Inertia", "Mass"),
            section="Inertia",
            page=1,
        ),
        Block(
            "Friction is a force that opposes motion between surfaces in contact. Inertia and friction decide how far the sled slides.",
            emphasis=("Friction",),
            section="Inertia",
            page=2,
        ),
    ]
    summary = [
        Block("Inertia keeps a resting object at rest and a moving object moving.", BlockKind.SUMMARY, section="Summary", page=3),
        Block("A larger mass means a larger inertia and a harder start.", BlockKind.SUMMARY, section="Summary", page=3),
        Block("Friction opposes the relative motion of surfaces in contact.", BlockKind.SUMMARY, section="Summary", page=3),
    ]
    later = [
        Block(
            "The normal force is the force a surface exerts perpendicular to itself. Friction depends on the normal force.",
            emphasis=("normal force",),
            section="Common Forces",
            page=4,
        )
    ]
    pointer = Block("Friction also depends on the normal force, which we define in Common Forces.", section="Inertia", page=2)
    doc = Document(path=Path("forces.md"), kind=SourceKind.MARKDOWN, title="Forces", blocks=body + [pointer] + summary + later)
    doc.topics = [Topic(1, "Inertia", body + [pointer] + summary), Topic(2, "Common Forces", later)]
    return doc


def test_takeaways_prefer_the_sources_own_summary_and_the_summary_does_not_repeat_them():
    doc = _doc_with_summary()
    analysis = analyse(doc, doc.topics[0])
    ta = analysis.topics[0]
    pool = build_pool(analysis, ta, "Inertia")
    points = pool.sections["key_takeaways"][:5]
    own = [p for p in points if p.source.section == "Summary"]
    assert len(own) >= 2 and points[0].source.section == "Summary"
    assert not {s.text for s in pool.summary} & {p.source.quote for p in own}
    assert len({p.title.casefold() for p in points}) == len(points)


def test_learn_next_reason_names_the_relation_the_quote_shows():
    doc = _doc_with_summary()
    analysis = analyse(doc, doc.topics[0])
    links = learn_next_candidates(analysis, analysis.topics[0])
    link = next(link for link in links if link.topic == "Common Forces")
    # issue 8: the reason is the source's own pointer to the later topic, not a template about it
    assert link.why == "Friction also depends on the normal force, which we define in Common Forces."
    assert link.source.quote == "Friction also depends on the normal force, which we define in Common Forces."
    assert "Builds on" not in " ".join(link.why for link in links)


def test_a_gap_never_leaves_half_of_a_longer_term_behind():
    s = _sentence("Newton’s second law of motion says that the net external force is proportional to the acceleration.")
    short = Term("Newton’s second law", term_key("Newton’s second law"), "emphasis", 0, [s], s, 3.0)
    full = Term("Newton’s second law of motion", term_key("Newton’s second law of motion"), "emphasis", 0, [s], s, 3.0)
    from seekh_convert.generate.offline.cards import crosses
    from seekh_convert.generate.offline.transform import named_choice

    span = short.pattern.search(s.text).span()
    assert crosses(span, s, [short, full]) and not crosses(full.pattern.search(s.text).span(), s, [short, full])
    assert named_choice(short, [short, full], []) is None  # no stem that leaves "of motion" behind


def test_deferring_sentences_make_no_cloze_and_explanations_stand_alone():
    terms, sents = _terms(
        LAWN, "The normal force and the weight of the mower balance each other exactly here.", emphasis=("normal force",)
    )
    cards = build_flashcards(list(terms.values()), sents)
    assert all("which we define in" not in c.front for c in cards)
    from seekh_convert.generate.offline.questions import short_answers, true_false

    s1, s2 = (
        _sentence("Thus, the net force is zero for a resting object."),
        _sentence("Friction opposes the motion of surfaces in contact."),
    )
    # issue 8: no templated "Explain the main point ..." question without a defined term; a true/false statement
    # stands alone: the leading "Thus," is left out of the item (the quote keeps it)
    assert short_answers([], set(), set()) == []
    net = Term("net force", term_key("net force"), "emphasis", 0, [s1])
    assert true_false([s1, s2], [], set()) == []  # issue 17: a true statement is about a key term
    # issue 17 (2026-12-04): a true statement alone is no item (every judged one was keyed True and dropped as a
    # platitude); true/false only where a sibling definition makes the false variant false
    assert true_false([s1, s2], [net], set()) == []
