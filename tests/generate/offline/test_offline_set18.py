"""The fourteenth session (2026-12-06), after judging set 18: a glossary term asked without its article ("What is
discretionary court?", "What is commerce clause?", "What is activity?", four edits), and "What is federalism?"
answered by "The United States’ system of government is called federalism." (a wrong key: it names one case)."""

from __future__ import annotations

import pytest

from seekh_convert.generate.offline.cards import ask_what, entry_front
from seekh_convert.text import parse
from seekh_convert.text.grammar import definition_kind


@pytest.mark.parametrize(
    ("term", "entry", "front"),
    [
        ("discretionary court", "A court that can accept or reject appeals.", "What is a discretionary court?"),
        ("activity", "An element of work performed during the course of a project.", "What is an activity?"),
        (
            "commerce clause",
            "A clause in the Constitution that allows Congress to regulate trade.",
            "What is the commerce clause?",
        ),
        # no article where the entry gives none, for a mass noun, a plural or a name
        ("percept", "The complete set of inputs at a given time.", "What is percept?"),
        ("federalism", "A system of government in which power is divided.", "What is federalism?"),
        ("adjustment modes", "Ways in which newcomers adapt to a role.", "What are adjustment modes?"),
        ("Cornell School", "A school of speech study from a humanities perspective.", "What is Cornell School?"),
    ],
)
def test_a_glossary_term_is_asked_with_the_article_its_entry_gives(term, entry, front) -> None:
    assert entry_front(term, entry) == front
    assert ask_what(term, entry) == front


def test_naming_one_case_is_no_definition() -> None:
    named = parse.parse("The United States’ system of government is called federalism.")
    assert definition_kind(named, "federalism") is None
    defined = parse.parse("A quantity that measures the spread of data is called the variance.")
    assert definition_kind(defined, "variance") == "called"


def test_a_phrase_in_two_topic_titles_is_the_documents_subject(tmp_path) -> None:
    """Set 18: "_____ should be addressed throughout the Data Life Cycle." (data sharing) in a deck whose topics
    include "Value of Data Sharing" and "Concerns About Data Sharing": the blank gives away the lesson's subject."""
    from seekh_convert.generate.offline.analysis import analyse
    from seekh_convert.generate.offline.cards import names_subject
    from seekh_convert.generate.offline.pool import shared_titles
    from seekh_convert.pipeline import load_document

    sections = {
        "The Data Life Cycle": "Researchers plan, collect, assure, describe, preserve, discover, integrate and analyse data",
        "Value of Data Sharing": "Shared data let other scientists verify results and ask new questions of old studies",
        "Concerns About Data Sharing": "Researchers worry about credit, misuse, privacy of participants and the cost of curation",
    }
    text = "".join(f"## {t}\n\n" + f"{s}. " * 40 + "\n\n" for t, s in sections.items())
    (tmp_path / "deck.md").write_text(f"# Tutorials on Data Management\n\n{text}")
    doc = load_document(tmp_path / "deck.md")
    shared = shared_titles(analyse(doc, doc.topics[0]))
    assert shared.split("\n") == ["data sharing"]
    assert names_subject("Data sharing", f"The Data Life Cycle\nTutorials on Data Management\n{shared}")
    assert not names_subject("Data sharing", "The Data Life Cycle\nTutorials on Data Management")


def test_no_card_from_a_reference_entry_or_a_shown_case(tmp_path) -> None:
    """Set 18: "What does NIH stand for?" keyed "National Institute of Health" from a reference list's "6National
    Institute of Health (NIH) (2003)."; "What is Data Citation Example?" answered with an example dataset's title."""
    from seekh_convert.generate.offline import OfflineEngine
    from seekh_convert.generate.offline.leddef import shown_cards
    from seekh_convert.model.guide import Flashcard
    from seekh_convert.model.sources import SourceRef
    from seekh_convert.pipeline import load_document

    (tmp_path / "lesson.md").write_text(
        "# Data Sharing\n\n## Value of data sharing\n\nData sharing lets other scientists verify results and reuse data "
        "for new questions. A data repository is a service that stores data sets and makes them available to others "
        "over time. Funders increasingly ask researchers to deposit their data in a repository when a project ends.\n\n"
        "Sharing data also avoids duplicate expenditure on the same measurements, and it lets students learn from real "
        "data sets. 6National Institute of Health (NIH) (2003). NIH data sharing policy and implementation guidance.\n"
    )
    doc = load_document(tmp_path / "lesson.md")
    fronts = [c.front for t in doc.topics for c in OfflineEngine().content(t, doc).flashcards]
    assert "What is a data repository?" in fronts and not any("NIH" in f for f in fronts), fronts
    title = "Data from: Testing for unequal rates of morphological diversification in the absence of a phylogeny."
    shown = Flashcard(kind="basic", front="What is Data Citation Example?", back=title, source=SourceRef(quote=title, slide=22))
    assert shown_cards([shown]) == []
