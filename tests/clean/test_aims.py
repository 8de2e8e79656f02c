"""What a document says about itself is not content: learning outcomes on an opening slide, a review slide titled
"Review Learning Outcome 8.3", an abstract and its keyword list, a swirl lesson's administration, bookdown's heading
attributes; a worked example never titles a topic (set C: management deck, clinical handout, linguistics and
geochemistry chapters)."""

from __future__ import annotations

from pathlib import Path

from seekh_convert.clean import clean
from seekh_convert.model.document import BlockKind
from seekh_convert.read import read
from seekh_convert.split.segment import Segmenter

PLANNING = (
    "Planning involves defining the organization's goals, establishing strategies for achieving those goals, and "
    "developing plans to integrate and coordinate work activities. It is concerned with both ends and means. "
)
BONDS = (
    "A covalent bond forms when two atoms share a pair of valence electrons, so that each atom completes its octet "
    "and reaches the electron configuration of a noble gas. "
)


def _clean(path: Path, text: str):
    path.write_text(text, encoding="utf-8")
    return clean(read(path))


def _kinds(doc) -> dict[str, BlockKind]:
    return {b.text: b.kind for b in doc.blocks}


def test_outcomes_keywords_abstract_and_administration_are_not_content(tmp_path):
    doc = _clean(
        tmp_path / "chapter.md",
        "# (PART) Foundations {-}\n\n## Foundations of Planning {#planning-chapter}\n\n"
        "- Define the nature and purposes of planning.\n- Classify the types of goals organizations might have.\n"
        "- Discuss contemporary issues in planning.\n\n"
        "## Abstract\n\nThis handout shows how simulation answers questions about a clinical trial.\n\n"
        "Keywords: hedging hyperprior; informative prior distributions; patient accrual.\n\n"
        "## What is planning?\n\nBOOK PROPOSAL DRAFT\n\n" + PLANNING * 3 + "\n\n"
        "What: Variables and vectors How: In the R Console pane load swirl, run swirl, and follow prompts. Why: To "
        "explore the R language.\n\n"
        "## Review Learning Outcome 8.1\n\nDefine the nature and purposes of planning.\n\n" + PLANNING + "\n\n"
        "## Steps in goal-setting\n\n- Review the organization's mission.\n- Evaluate available resources.\n"
        "- Write down the goals and communicate them.\n",
    )
    kinds = _kinds(doc)
    for line in (
        "Define the nature and purposes of planning.",
        "Discuss contemporary issues in planning.",
        "This handout shows how simulation answers questions about a clinical trial.",
        "Keywords: hedging hyperprior; informative prior distributions; patient accrual.",
        "BOOK PROPOSAL DRAFT",
    ):
        assert kinds[line] is BlockKind.BOILERPLATE, line
    assert any("load swirl" in t and k is BlockKind.BOILERPLATE for t, k in kinds.items())
    assert kinds[PLANNING.strip() + " " + PLANNING.strip() + " " + PLANNING.strip()] is BlockKind.PARAGRAPH
    headings = [b.text for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert headings == [
        "Foundations",
        "Foundations of Planning",
        "Abstract",
        "What is planning?",
        "Review: Nature and purposes of planning",
        "Steps in goal-setting",
    ]
    assert kinds["Evaluate available resources."] is BlockKind.LIST_ITEM  # steps written as imperatives are content


def test_a_worked_example_never_titles_a_topic(tmp_path):
    body = BONDS * 12
    page = (
        "<html><body><main><h1>Chemical Bonding</h1>"
        f"<h2>Lewis Dots and Structures</h2><p>{body}</p>"
        f"<h2>Example: Lewis dot symbols</h2><p>{body}</p><h3>The Octet Rule</h3><p>{body}</p>"
        f"<h2>Example: Lewis structure of CO2 molecule</h2><p>{body}</p>"
        f"<h2>Molecular Geometry</h2><p>{body}</p></main></body></html>"
    )
    path = tmp_path / "bonding.html"
    path.write_text(page, encoding="utf-8")
    titles = [t.title for t in Segmenter()(clean(read(path))).topics]
    assert titles and not any(t.startswith("Example") for t in titles), titles
    assert "The Octet Rule" in titles
