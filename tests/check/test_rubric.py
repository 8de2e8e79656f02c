"""The review rubric on hand-built guides: each planted defect (two or more cases per rule) is caught, counted
and dropped; a guide a teacher would keep passes untouched."""

from __future__ import annotations

from collections import Counter

import pytest
from rubric_samples import PLANTED, good_guide, plant, rubric_document

from seekh_convert.check import GateSettings, check_content
from seekh_convert.model.findings import RUBRIC_REASONS, RunQuality


def test_a_guide_a_teacher_keeps_passes_the_rubric():
    doc, topic = rubric_document()
    content = good_guide()
    cleaned, quality = check_content(content, topic, doc)
    assert [f.describe() for f in quality.findings] == []
    assert cleaned == content
    assert quality.rubric["flashcards"].checked == quality.rubric["flashcards"].passed == 3
    assert quality.rubric["questions"].rate == 1.0 and quality.rubric_problems == {}


def test_every_rubric_rule_has_at_least_two_planted_cases():
    counts = Counter(reason for _, _, reason in PLANTED)
    assert set(counts) == set(RUBRIC_REASONS)
    assert min(counts.values()) >= 2


@pytest.mark.parametrize(("section", "item", "reason"), PLANTED, ids=[f"{r.name}-{i}" for i, (_, _, r) in enumerate(PLANTED)])
def test_planted_defect_is_caught_counted_and_dropped(section, item, reason):
    doc, topic = rubric_document()
    content, index = plant(section, item)
    cleaned, quality = check_content(content, topic, doc)
    found = [f for f in quality.findings if (f.section, f.index) == (section, index)]
    assert found, f"{reason.value} not caught"
    assert reason in [found[0].reason, *found[0].also], found[0].describe()
    assert found[0].action == "dropped"
    assert not [f for f in quality.findings if (f.section, f.index) != (section, index)]  # nothing else is touched
    assert cleaned == good_guide()  # the planted item is gone, the rest stays
    assert quality.rubric_problems[reason.value] >= 1
    tally = quality.rubric[section]
    assert tally.checked - tally.passed == 1
    run = RunQuality()
    run.add(quality)
    assert reason.value in run.rubric_line() or len(quality.rubric_problems) > 5


def test_rubric_can_be_switched_off():
    doc, topic = rubric_document()
    section, item, _ = PLANTED[0]
    content, _ = plant(section, item)
    _, quality = check_content(content, topic, doc, GateSettings(rubric=False))
    assert quality.findings == [] and quality.rubric_problems == {}


@pytest.mark.parametrize(
    ("topic", "named"),
    [
        ("The C preprocessor and #define", True),  # relay run 9: dropped as "not a noun phrase"
        ("printf()", True),
        ("std::vector", True),
        ("Assertions with `assert`", True),
        ("Compile and define", False),
        ("Valid", False),
    ],
)
def test_a_link_may_end_in_a_name_from_code(topic, named):
    from seekh_convert.check.rubric import RubricContext, link_problem
    from seekh_convert.model.guide import Prerequisite, SourceRef

    link = Prerequisite(topic=topic, why="It is used here.", source=SourceRef(quote="Assertions are checked at run time."))
    problem = link_problem(link, RubricContext(None, ""))
    assert (problem is None) is named, problem
