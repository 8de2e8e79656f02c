"""Relay run 4 (set E, 2026-12-04): the gate's false alarms a teacher or the model's helpers reported, planted
beside the real defects the same check must still catch."""

from __future__ import annotations

import pytest

from seekh_convert.text.standalone import fragment


@pytest.mark.parametrize(
    "sentence",
    [
        "Every evaluation has to build this clustering bias in.",
        "Biol 5081 (Intro to Bio Stats) opens by setting out its learning objectives, the skills students should "
        "leave the course with.",
        "A statistically significant effect of x on y always matters just as much biologically, however noisy the data are.",
        "The distribution you simulate should match the kind of data you are interested in.",
    ],
)
def test_a_stranded_preposition_ends_a_complete_sentence(sentence: str) -> None:
    assert fragment(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "why"),
    [
        ("The outcome of the test depends on.", "ends on 'on'"),
        ("Identity is preserved under substitution, it states that if.", "ends on 'if'"),
        ("The cell membrane is made of lipids which are found in.", "ends on 'in'"),
        ("The mean of a sample is the sum of the.", "ends on 'the'"),
    ],
)
def test_a_sentence_cut_off_mid_clause_is_still_a_fragment(sentence: str, why: str) -> None:
    assert fragment(sentence) == why
