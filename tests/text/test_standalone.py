"""Does a sentence stand alone? Openings, fragments and run-in headings (shared by the gate and the offline engine)."""

from __future__ import annotations

import pytest

from seekh_convert.text.standalone import dangling_opening, fragment, run_in_heading


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Furthermore, he feared that the union would fail.", "Furthermore"),
        ("He feared that the union would fail.", "He"),
        ("She’s surprised at how quickly she learns.", "She"),
        ("So close the book and recall the main ideas.", "So"),
        ("All right, so we had some backscatter events.", "all right"),
        ("First, the alliance is partly a product of early improvement.", "First"),
        ("The first law of thermodynamics concerns energy.", None),
        ("It is important to note that encoding takes effort.", None),
        ("So-called flashbulb memories are vivid.", None),
        ("Well-known effects are easy to remember.", None),
        ("Still, this simplification helps us solve some complex problems.", "Still"),
        ("Still water holds more oxygen when it is cold.", None),
        ("Indeed the cell divides twice.", "Indeed"),
        ("As such, the model is only an approximation.", "As such"),
        ("Of course, the mass stays the same.", "Of course"),
        ("Rather large cells divide more slowly.", None),
        # relay run 8: an answer that is a content clause ("When does the loop stop? That the next node is not null")
        ("That the next node is not null", None),
        ("That it returns null when the list is empty", None),
        ("That is why insertion is slow.", "That"),
        ("That result shows the bound is tight.", "That"),
    ],
)
def test_dangling_openings(text, word):
    found = dangling_opening(text)
    assert (found.lower() if found else None) == (word.lower() if word else None)


def test_fragments():
    assert fragment("…it states that if.") == "starts mid-sentence"
    assert fragment("Identity is preserved under substitution, it states that if.") == "ends on 'if'"
    assert fragment("the memory system would fail under stress.") == "starts mid-sentence"
    assert fragment("Memory (the set of processes used to encode.") == "unbalanced brackets"
    assert fragment("Encoding is the input of information into memory.") is None


def test_a_formula_argument_is_no_cut_off_article():
    """Relay run 10: "... a payout function F gives its value, F(a)." was noted as ending on the article 'a'."""
    assert fragment("A proposed solution is an action a, and a payout function F gives its value, F(a).") is None
    assert fragment("The payout function F gives the value of (a).") is None
    assert fragment("A proposed solution is an action, and a payout function F gives it a.") == "ends on 'a'"
    assert fragment("The payout function gives the value of a (the.") == "ends on 'the'"


def test_run_in_headings():
    assert run_in_heading("_____ The for loop is executed t− 1 times.")
    assert run_in_heading("_____ Usually, we define the x-axis and the y-axis.")
    assert run_in_heading("_____: The alliance is a relationship.")
    assert not run_in_heading("_____ holds information from the senses for a few seconds.")
    assert not run_in_heading("_____ Newton described three laws of motion.")
    assert not run_in_heading("Clinicians use _____ to help patients remember.")
