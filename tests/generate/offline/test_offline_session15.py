"""The fifteenth session (2026-12-06), from set 18's Word notes as they read once their bold lines are headings: a
relative clause about one particular thing taken as a definition ("This knowledge area, which is the HR management of
the project" keyed "What is knowledge area?", a wrong key), a name lower-cased ("What does project Risk Management
consist of?") and a labelled entry asked without its article ("Activity: An element of work ..." -> "What is
activity?")."""

from __future__ import annotations

from seekh_convert.generate.offline.cards import ask_what


def _fronts(tmp_path, body: str) -> list[str]:
    from seekh_convert.generate.offline import OfflineEngine
    from seekh_convert.pipeline import load_document

    (tmp_path / "notes.md").write_text(body)
    doc = load_document(tmp_path / "notes.md")
    return [c.front for t in doc.topics for c in OfflineEngine().content(t, doc).flashcards]


_AREAS = (
    "# Knowledge Areas\n\n## Project Human Resources Management\n\n"
    "Each knowledge area groups processes, and every knowledge area has inputs and outputs of its own. "
    "This knowledge area, which is the HR management of the project, comprises the processes that define how human "
    "resources will be utilized, developed, acquired and managed. Project Human Resources Management has four "
    "processes in it.\n\n## Project Risk Management\n\n"
    "Project Risk Management consists of identifying risks, planning risk management, conducting risk assessments, "
    "and controlling risks. Every project carries risks that the team records in a risk register and reviews at each "
    "meeting, and the register names an owner for each risk.\n"
)


def test_a_clause_about_one_particular_thing_defines_nothing(tmp_path) -> None:
    from seekh_convert.generate.offline.analysis import analyse
    from seekh_convert.generate.offline.leddef import which_is
    from seekh_convert.pipeline import load_document

    (tmp_path / "notes.md").write_text(_AREAS)
    doc = load_document(tmp_path / "notes.md")
    found = [f for t in doc.topics for f in which_is(analyse(doc, t).topics[0])]
    assert not any("HR management" in f[1] for f in found), found


def test_a_name_keeps_its_capitals_in_a_question(tmp_path) -> None:
    fronts = _fronts(tmp_path, _AREAS)
    assert "What does Project Risk Management consist of?" in fronts, fronts


def test_a_labelled_entry_gives_its_article() -> None:
    entry = "Activity: An element of work performed during the course of a project. An activity normally has a cost."
    assert ask_what("activity", entry) == "What is an activity?"
