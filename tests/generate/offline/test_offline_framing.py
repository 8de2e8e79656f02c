"""A "What is X?" card whose term is common words and whose answer is a bare gloss names the heading it sits under
(set 13's teachers: "What is replication?" -> "Minimal adjustment to both role and person." reads as DNA replication;
"What is full voice?", "What is metamorphosis?", "What is Cornell School?" each needed their frame). No option of
another kind stands beside a question's key (set 16)."""

from __future__ import annotations

from pathlib import Path

import pytest

from seekh_convert.generate.offline import OfflineEngine
from seekh_convert.generate.offline.framing import framed
from seekh_convert.pipeline import load_document
from seekh_convert.text.defining import asked_term
from seekh_convert.text.terms import different_kinds


@pytest.mark.parametrize(
    ("front", "back", "heading", "expected"),
    [
        (
            "What is full voice?",
            "Actual, meaningful engagements by stakeholders.",
            "Stakeholder participation during change",
            "In stakeholder participation during change, what is full voice?",
        ),
        (
            "What is metamorphosis?",
            "Accepted into the organization, and consistent with its expectations.",
            "Stages of Socialization",
            "In stages of socialization, what is metamorphosis?",
        ),
        (
            "What is replication?",
            "Minimal adjustment to both role and person.",
            "3.2 Nicholson's Adjustment Modes:",
            "In Nicholson's adjustment modes, what is replication?",
        ),
    ],
)
def test_a_bare_gloss_of_common_words_is_framed_by_its_heading(front, back, heading, expected) -> None:
    assert framed(front, back, heading) == expected
    assert asked_term(expected) == front.removeprefix("What is ").rstrip("?")  # still read as the card's term


@pytest.mark.parametrize(
    ("front", "back", "heading"),
    [
        # the answer names the term: it carries its own frame
        ("What is a unit?", "A unit is a measurement for the amount of a substance.", "Calculating Dosages"),
        # the heading already names the term
        ("What is automatic emotion regulation?", "The non-deliberate control of emotions.", "Emotion Regulation"),
        # headings that name no subject
        ("What is replication?", "Minimal adjustment to both role and person.", "January 7, 2019"),
        ("What is replication?", "Minimal adjustment to both role and person.", "Introduction"),
        ("What is replication?", "Minimal adjustment to both role and person.", "Try it yourself"),
        ("What is replication?", "Minimal adjustment to both role and person.", "Why does it matter?"),
        ("What is replication?", "Minimal adjustment to both role and person.", None),
        # a rare technical word frames itself
        ("What is heterozygosity?", "The share of individuals that carry two different alleles.", "Genetic Variation"),
    ],
)
def test_no_frame_where_none_is_needed_or_none_is_given(front, back, heading) -> None:
    assert framed(front, back, heading) == front


def test_a_glossed_list_item_card_names_its_section(tmp_path: Path) -> None:
    (tmp_path / "roles.md").write_text(
        "# Organizational Socialization\n\n## Nicholson's Adjustment Modes\n\n"
        "Nicholson described how newcomers adjust when they take up a new role at work. The mode of adjustment depends "
        "on how much the person changes and how much the role changes.\n\n"
        "- Replication: minimal adjustment to both role and person.\n"
        "- Absorption: the person changes a great deal to fit the role.\n\n"
        "Newcomers who expect a role to be fixed tend to absorb it, while experienced workers more often reshape the "
        "role around their skills.\n"
    )
    doc = load_document(tmp_path / "roles.md")
    fronts = [c.front for t in doc.topics for c in OfflineEngine().content(t, doc).flashcards]
    assert "In Nicholson's adjustment modes, what is replication?" in fronts, fronts


def test_no_option_of_another_kind() -> None:
    # set 16: "bradykinesia and akinesia" beside a tool; "Newton's theory" beside "interpretability"; "basal ganglia"
    # beside "slow process"
    assert different_kinds("velocity-dependent curl force field", "bradykinesia and akinesia")
    assert different_kinds("interpretability", "Newton’s theory")
    assert different_kinds("slow process", "basal ganglia")
    assert not different_kinds("slow process", "fast processes")
    assert not different_kinds("James-Lange theory", "Cannon-Bard theory")
    assert not different_kinds("consumer surplus", "producer surplus")
