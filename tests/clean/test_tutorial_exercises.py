"""An "Exercises" heading over a guided tutorial is the body; over a real exercise set it stays the source's own questions.

Set P's git lecture notes (kazewong/lecture-notes, versionControl.pdf): a one-page foreword, then "Exercises" with
sub-sections "Starting a repository", "Working on code", "Branching off", "Online collaboration" whose steps teach;
every block under it was taken for the source's own questions and the guide covered 2 of 8 pages.
"""

from __future__ import annotations

from seekh_convert.clean.pdf_kinds import assign_kinds
from seekh_convert.model.document import Block, BlockKind

_STEP = (
    "To add the file to the staging area, you can run git add with its name. The staging area holds the changes "
    "that the next commit will record, so you can choose which edits belong together in one snapshot of the code."
)


def _kinds(blocks: list[Block]) -> list[BlockKind]:
    return [b.kind for b in assign_kinds(blocks) if b.kind is not BlockKind.HEADING]


def test_a_tutorial_under_exercises_is_content():
    blocks = [
        Block("Foreword", BlockKind.HEADING, level=1),
        Block("Version control keeps track of the changes you make to your code."),
        Block("Exercises", BlockKind.HEADING, level=1),
        Block("Starting a repository", BlockKind.HEADING, level=2),
        Block("Step 1 - Initializing a repository", BlockKind.HEADING, level=3),
        Block(_STEP),
        Block("Branching off", BlockKind.HEADING, level=2),
        Block(_STEP),
        Block("Online collaboration", BlockKind.HEADING, level=2),
        Block(_STEP),
    ]
    assert _kinds(blocks) == [BlockKind.PARAGRAPH] * 4


def test_an_exercise_set_after_the_chapter_stays_questions():
    body = [Block("Cells", BlockKind.HEADING, level=1)] + [Block(_STEP) for _ in range(4)]
    exercises = [
        Block("Exercises", BlockKind.HEADING, level=1),
        Block("Staging", BlockKind.HEADING, level=2),
        Block("1. What does git add do?"),
        Block("Branches", BlockKind.HEADING, level=2),
        Block("2. When would you create a branch?"),
    ]
    kinds = _kinds(body + exercises)
    assert kinds[:4] == [BlockKind.PARAGRAPH] * 4
    assert kinds[4:] == [BlockKind.QUESTION] * 2


def test_a_worksheet_of_labelled_problems_stays_questions():
    blocks = [Block("Exercises", BlockKind.HEADING, level=1)]
    for n in range(1, 4):
        blocks += [Block(f"Problem {n}", BlockKind.HEADING, level=2), Block(_STEP)]
    assert _kinds(blocks) == [BlockKind.QUESTION] * 3


def test_markdown_tutorial_under_exercises_is_content(tmp_path):
    from seekh_convert.clean.markdown import MarkdownCleaner
    from seekh_convert.read.markdown import TextExtractor

    page = tmp_path / "git.md"
    page.write_text(
        f"# Git\n\nVersion control keeps track of changes.\n\n## Exercises\n\n### Starting a repository\n\n{_STEP}\n\n"
        f"### Branching off\n\n{_STEP}\n\n### Online collaboration\n\n{_STEP}\n",
        encoding="utf-8",
    )
    doc = MarkdownCleaner()(TextExtractor()(page))
    assert [b.kind for b in doc.blocks if b.kind is not BlockKind.HEADING] == [BlockKind.PARAGRAPH] * 4
    page.write_text(f"# Git\n\n{_STEP}\n\n{_STEP}\n\n## Exercises\n\n1. What does git add do?\n", encoding="utf-8")
    doc = MarkdownCleaner()(TextExtractor()(page))
    assert doc.blocks[-1].kind is BlockKind.QUESTION
