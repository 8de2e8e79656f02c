"""Planted defects on hand-built documents: each one must be caught; a clean guide passes untouched."""

from __future__ import annotations

import pytest
from gate_samples import card, clean_guide, mc, pdf_document, ref, transcript_document, with_items

from seekh_convert.check import Reason, check_content
from seekh_convert.model.guide import Application, Definition, Importance, SourceRef, Takeaway, TrueFalse


def _check(content):
    doc, topic = pdf_document()
    return check_content(content, topic, doc)


def _reasons(quality, section=None, action="dropped"):
    return [f.reason for f in quality.findings if f.action == action and (section is None or f.section == section)]


def test_clean_guide_passes_with_zero_findings():
    content = clean_guide()
    cleaned, quality = _check(content)
    assert quality.findings == []
    assert cleaned == content
    assert quality.produced == quality.kept == quality.grounded == 14
    assert quality.grounding_rate == 1.0 and quality.dropped == 0
    assert quality.coverage.covered == ["p. 1", "p. 2", "p. 3"] and quality.coverage.uncovered == []


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        (mc(answer_index=2), Reason.WRONG_KEY),
        (mc(options=("Sensory memory", "Sensory memories", "Long-term memory", "Procedural memory")), Reason.DUPLICATE_OPTIONS),
        (mc(options=("Sensory memory", "Sensory-memory", "Long-term memory", "Procedural memory")), Reason.DUPLICATE_OPTIONS),
        (mc(options=("Sensory memory", "Memory", "Long-term memory", "Procedural memory")), Reason.OVERLAPPING_OPTIONS),
        (
            mc(options=("Sensory memory", "Memory of the senses, sensory", "Long-term memory", "Working memory")),
            Reason.OVERLAPPING_OPTIONS,
        ),
        (mc(options=("Sensory memory", "Working memory", "Long-term memory", "All of the above")), Reason.CATCH_ALL_OPTION),
        (mc(options=("Sensory memory", "Working memory", "Long-term memory", "None of these")), Reason.CATCH_ALL_OPTION),
        (mc(options=("Sensory memory", "Working memory", "Long-term memory", "Both A and B")), Reason.CATCH_ALL_OPTION),
        (
            mc(question="Sensory memory keeps input from the senses for up to a few seconds. Which store is described?"),
            Reason.ANSWER_IN_STEM,
        ),
        (mc(explanation="The correct answer is Long-term memory, which stores everything."), Reason.EXPLANATION_MISMATCH),
        (mc(explanation="Option C is correct."), Reason.EXPLANATION_MISMATCH),
    ],
)
def test_multiple_choice_defects_are_caught(question, reason):
    content = clean_guide()
    cleaned, quality = _check(with_items(content, questions=[question, *content.questions[1:]]))
    assert len(quality.findings) == 1
    found = quality.findings[0]
    assert (found.section, found.index, found.action) == ("questions", 0, "dropped")
    assert reason in [found.reason, *found.also]
    assert cleaned.questions == content.questions[1:]  # the defective question is gone, the rest stays


def test_correct_explanation_naming_key_is_fine():
    content = clean_guide()
    question = mc(explanation="The correct answer is Sensory memory: it holds sensory input for seconds.")
    _, quality = _check(with_items(content, questions=[question, *content.questions[1:]]))
    assert quality.findings == []


def test_invented_quote_is_dropped():
    takeaway = Takeaway(
        title="Photos",
        text="Memory is a perfect recording of every experience.",
        importance=Importance.LOW,
        source=ref("Memory is a perfect recording of every experience we ever had", 1),
    )
    cleaned, quality = _check(with_items(clean_guide(), add_key_takeaways=[takeaway]))
    assert _reasons(quality) == [Reason.INVENTED_QUOTE]
    assert len(cleaned.key_takeaways) == 1 and quality.grounding_rate == 1.0


def test_invented_definition_leaves_the_definition_empty_with_the_reason():
    """Issue 8: a section may stay empty with a written reason, so one failed definition no longer costs the guide."""
    content = clean_guide().model_copy(
        update={
            "definition": Definition(
                text="Memory is a recording.", source=ref("Memory is a perfect recording of every experience", 1)
            )
        }
    )
    cleaned, quality = _check(content)
    assert cleaned is not None and cleaned.definition is None and quality.writable
    assert _reasons(quality, "definition") == [Reason.INVENTED_QUOTE]
    assert "invented quote" in quality.empty_sections["definition"]


def test_quote_from_another_page_is_relocated():
    takeaway = Takeaway(
        title="Encoding",
        text="Encoding is the input of information into the memory system.",
        importance=Importance.HIGH,
        source=ref("Encoding is the input of information into the memory system", 1),
    )
    cleaned, quality = _check(with_items(clean_guide(), key_takeaways=[takeaway]))
    assert [(f.reason, f.action) for f in quality.findings] == [(Reason.WRONG_LOCATION, "fixed")]
    assert cleaned.key_takeaways[0].source.page == 2
    assert quality.coverage.units[1].items == 6


def test_quote_from_another_topic_is_dropped():
    app = Application(
        title="Trauma",
        text="Physical trauma can cause amnesia, the loss of long-term memory.",
        source=ref("Amnesia is the loss of long-term memory", 4),
    )
    cleaned, quality = _check(with_items(clean_guide(), add_applications=[app]))
    assert _reasons(quality) == [Reason.OUTSIDE_TOPIC]


def test_unsupported_item_is_dropped():
    bad = card(
        "What is the loss of long-term memory called?",
        "Amnesia",
        "Most of this information is lost unless we pay attention to it",
        1,
    )
    _, quality = _check(with_items(clean_guide(), add_flashcards=[bad]))
    assert _reasons(quality) == [Reason.UNSUPPORTED]


@pytest.mark.parametrize(
    "quote",
    [
        "Atkinson, R. C., & Shiffrin, R. M. (1968). Human memory: A proposed system",  # REFERENCE block
        "Baddeley, A. D. (2000). The episodic buffer: A new component of working memory?",  # unclassified entry
    ],
)
def test_items_from_bibliography_are_dropped(quote):
    bad = card("What did Atkinson and Shiffrin propose?", "Human memory: a proposed system", quote, 3)
    bad2 = card("What is the episodic buffer?", "A new component of working memory", quote, 3)
    _, quality = _check(with_items(clean_guide(), add_flashcards=[bad, bad2]))
    assert _reasons(quality) == [Reason.JUNK_SOURCE, Reason.JUNK_SOURCE]


def test_duplicate_and_near_duplicate_cards_are_dropped():
    first = clean_guide().flashcards[0]
    exact = first.model_copy()
    near = card(
        "What is meant by encoding?",
        "The input of information into the memory system.",
        "Encoding is the input of information into the memory system",
        2,
    )
    q_dup = mc(question="Which memory store holds information from the senses for up to a few seconds ?")
    cleaned, quality = _check(with_items(clean_guide(), add_flashcards=[exact, near], add_questions=[q_dup]))
    dups = [(f.section, f.index) for f in quality.findings if f.reason is Reason.DUPLICATE]
    assert dups == [("flashcards", 3), ("flashcards", 4), ("questions", 4)]
    assert len(cleaned.flashcards) == 3 and len(cleaned.questions) == 4
    assert quality.dropped_by_reason == {"duplicate": 3}


def test_tolerates_quote_marks_dashes_hyphenation_and_ellipsis():
    app = Application(
        title="Semantic encoding",
        text="Semantic encoding helps students remember meaningful words best.",
        source=ref("\u2018semantic encoding\u2019 -- the encoding of meaning- ful words ... remembered best", 2),
    )
    _, quality = _check(with_items(clean_guide(), applications=[app]))
    assert quality.findings == []


def test_partial_word_match_is_not_a_quote():
    app = Application(title="x", text="Memory holds information.", source=ref("emory holds information from the sense", 1))
    _, quality = _check(with_items(clean_guide(), add_applications=[app]))
    assert _reasons(quality) == [Reason.INVENTED_QUOTE]


def test_true_false_consistency():
    true_wrong = TrueFalse(
        statement="Long-term memory has no known limits on its capacity.",
        answer=False,
        explanation="It has limits.",
        source=ref("the storage capacity of long-term memory has no known limits", 2),
    )
    true_unrelated = TrueFalse(
        statement="Sleep deprivation strongly improves exam results.",
        answer=True,
        explanation="See source.",
        source=ref("the storage capacity of long-term memory has no known limits", 2),
    )
    _, quality = _check(with_items(clean_guide(), add_questions=[true_wrong, true_unrelated]))
    # the true statement the source does not say is unsupported, as any claim is
    assert _reasons(quality, "questions") == [Reason.TRUE_FALSE_MISMATCH, Reason.UNSUPPORTED]


def test_cloze_checks_and_card_kind_fix():
    two_gaps = card(
        "_____ holds information from the _____ for seconds.",
        "Sensory memory",
        "Sensory memory holds information from the senses for up to a few seconds",
        1,
        kind="cloze",
    )
    wrong_fill = card(
        "_____ holds information from the senses for up to a few seconds.",
        "Long-term memory",
        "Sensory memory holds information from the senses for up to a few seconds",
        1,
        kind="cloze",
    )
    basic_with_gap = card(
        "_____ is the input of information into the memory system.",
        "Encoding",
        "Encoding is the input of information into the memory system",
        2,
    )
    cleaned, quality = _check(with_items(clean_guide(), flashcards=[two_gaps, wrong_fill, basic_with_gap]))
    assert _reasons(quality) == [Reason.CLOZE_GAP, Reason.CLOZE_MISMATCH]
    assert _reasons(quality, action="fixed") == [Reason.CARD_KIND]
    assert [c.kind for c in cleaned.flashcards] == ["cloze"]


def test_transcript_time_ranges_are_checked_and_fixed():
    doc, topic = transcript_document()
    content = clean_guide()
    quote = "most of the mass of an atom sits in a tiny nucleus"
    right = SourceRef(quote=quote, start=31.0, end=50.0)
    wrong = SourceRef(quote=quote, start=0.0, end=10.0)
    items = {"definition": Definition(text="Most of the mass of an atom sits in a tiny nucleus.", source=right)}
    for name in ("summary", "key_takeaways", "learn_next", "prerequisites", "applications", "flashcards", "questions"):
        items[name] = getattr(content, name)
    _, quality = check_content(content.model_copy(update=items), topic, doc)
    assert not [f for f in quality.findings if f.section == "definition"]
    items["definition"] = Definition(text="Most of the mass of an atom sits in a tiny nucleus.", source=wrong)
    cleaned, quality = check_content(content.model_copy(update=items), topic, doc)
    fixed = [f for f in quality.findings if f.section == "definition"]
    assert [(f.reason, f.action) for f in fixed] == [(Reason.WRONG_LOCATION, "fixed")]
    assert quality.coverage.unit == "time"
    assert cleaned is None  # the memory items do not occur in the lecture: invented -> sections empty
    assert quality.dropped_by_reason["invented quote"] == 13


def test_ungrounded_mode_still_checks_keys_and_citations():
    bib = card(
        "Who wrote about the episodic buffer?",
        "Baddeley",
        "Baddeley, A. D. (2000). The episodic buffer. Trends in Cognitive Sciences, 4(11), 417-423.",
        3,
    )
    content = with_items(clean_guide(), add_questions=[mc(answer_index=2)], add_flashcards=[bib])
    cleaned, quality = check_content(content, None, None)
    assert not quality.grounding_checked and quality.grounding_rate is None and quality.coverage is None
    assert {f.reason for f in quality.findings} == {Reason.WRONG_KEY, Reason.JUNK_SOURCE}
    assert cleaned is not None and quality.grounded == 0
