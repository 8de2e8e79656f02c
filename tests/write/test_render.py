"""`render` after hand edits changes every format; an invalid edit is refused with its JSON path and nothing is lost."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile

from conftest import SAMPLES, make_guide_dict
from typer.testing import CliRunner

from seekh_convert.cli import app
from seekh_convert.write.library import json_path

pytest_plugins = ["publishing"]
runner = CliRunner()
NAME = "memory-lecture"  # the sample whose guide holds multiple-choice questions
TOPIC = f"{NAME}/01-memory-lecture"
ALL = ["-f", "md,html,anki,tsv,gift,qti"]


def _snapshot(root):
    return {p.relative_to(root): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


def _apkg_fields(path) -> str:
    with zipfile.ZipFile(path) as archive:
        db = path.parent / "unpacked.anki2"
        db.write_bytes(archive.read("collection.anki2"))
    try:
        return "\n".join(row[0] for row in sqlite3.connect(db).execute("select flds from notes"))
    finally:
        db.unlink()


def test_a_hand_edit_reaches_every_format(library_copy):
    path = library_copy / TOPIC / "guide.json"
    data = json.loads(path.read_text())
    data["definition"]["text"] = "An edited definition of the alliance."
    data["flashcards"][0]["back"] = "An edited flashcard answer."
    mc = next(q for q in data["questions"] if q["kind"] == "multiple_choice")
    mc["explanation"] = "An edited explanation."
    path.write_text(json.dumps(data, indent=2))
    result = runner.invoke(app, ["render", str(library_copy), *ALL])
    assert result.exit_code == 0, result.output
    folder = library_copy / NAME
    assert "An edited definition of the alliance." in (library_copy / TOPIC / "guide.md").read_text()
    assert "An edited definition of the alliance." in (library_copy / TOPIC / "summary.html").read_text()
    assert "An edited flashcard answer." in (library_copy / TOPIC / "flashcards.html").read_text()
    assert "An edited explanation." in (library_copy / TOPIC / "practice.html").read_text()
    assert "An edited explanation." in (library_copy / "qa.html").read_text()
    assert "An edited flashcard answer." in (folder / f"{NAME}.anki.txt").read_text()
    assert "An edited flashcard answer." in (folder / f"{NAME}.quizlet.txt").read_text()
    assert "An edited explanation." in (folder / f"{NAME}.gift").read_text()
    with zipfile.ZipFile(folder / f"{NAME}.qti.zip") as archive:
        assert any(b"An edited explanation." in archive.read(n) for n in archive.namelist())
    assert "An edited flashcard answer." in _apkg_fields(folder / f"{NAME}.apkg")


def test_an_invalid_edit_is_refused_with_its_json_path_and_nothing_rendered_is_lost(library_copy):
    path = library_copy / TOPIC / "guide.json"
    data = json.loads(path.read_text())
    data["key_takeaways"][0]["importance"] = "huge"
    mc = next(i for i, q in enumerate(data["questions"]) if q["kind"] == "multiple_choice")
    data["questions"][mc]["options"] = data["questions"][mc]["options"][:3]
    data["definition"]["text"] = "Edited, but the guide is invalid."
    path.write_text(json.dumps(data, indent=2))
    before = _snapshot(library_copy)
    result = runner.invoke(app, ["render", str(library_copy), *ALL])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any(line.endswith("$.key_takeaways[0].importance: Input should be 'high', 'medium' or 'low'") for line in lines), (
        result.output
    )
    assert any(f"$.questions[{mc}].options: List should have at least 4 items" in line for line in lines), result.output
    assert "nothing rendered" in result.output
    assert _snapshot(library_copy) == before


def test_validate_reports_each_schema_error_with_its_json_path(tmp_path):
    good = tmp_path / "good.json"
    good.write_text(json.dumps(make_guide_dict()))
    bad = tmp_path / "bad.json"
    guide = make_guide_dict()
    guide["flashcards"][0]["front"] = ""
    del guide["questions"][0]["explanation"]
    guide["questions"].append(
        {"kind": "true_false", "statement": "S", "answer": "maybe", "explanation": "E", "source": guide["definition"]["source"]}
    )
    bad.write_text(json.dumps(guide))
    broken = tmp_path / "broken.json"
    broken.write_text('{"topic": "x",\n  oops}')
    result = runner.invoke(app, ["validate", str(good), str(bad), str(broken)])
    assert result.exit_code == 1
    assert f"{good}: valid" in result.output
    assert f"{bad}: $.flashcards[0].front: String should have at least 1 character" in result.output
    assert f"{bad}: $.questions[0].explanation: Field required" in result.output
    assert f"{bad}: $.questions[1].answer: Input should be a valid boolean" in result.output
    assert f"{broken}: $: invalid JSON at line 2 column 3" in result.output
    assert runner.invoke(app, ["validate", str(good)]).exit_code == 0


def test_json_paths_leave_out_the_question_kind_tag():
    assert json_path(("questions", 2, "multiple_choice", "options", 1)) == "$.questions[2].options[1]"
    assert json_path(()) == "$"


def test_convert_writes_the_chosen_formats_only(tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["convert", str(SAMPLES / "memory-lecture.vtt"), "-o", str(out), "-f", "gift", "--format", "qti"])
    assert result.exit_code == 0, result.output
    names = {p.name for p in out.rglob("*") if p.is_file()}
    assert {"guide.json", "memory-lecture.gift", "memory-lecture.qti.zip"} <= names
    assert not names & {"guide.md", "summary.html", "index.html", "memory-lecture.apkg"}
    default = runner.invoke(app, ["convert", str(SAMPLES / "memory-lecture.vtt"), "-o", str(tmp_path / "default")])
    names = {p.name for p in (tmp_path / "default").rglob("*") if p.is_file()}
    assert (
        default.exit_code == 0
        and {"guide.json", "guide.md", "summary.html", "flashcards.html", "practice.html", "index.html", "qa.html"} <= names
    )
    unknown = runner.invoke(app, ["convert", str(SAMPLES / "memory-lecture.vtt"), "-o", str(out), "-f", "pdf"])
    assert unknown.exit_code == 2 and "unknown format pdf" in unknown.output


def test_render_of_a_folder_without_guides_is_one_line(tmp_path):
    result = runner.invoke(app, ["render", str(tmp_path)])
    assert result.exit_code == 1 and "no guide.json found" in result.output
    missing = runner.invoke(app, ["render", str(tmp_path / "nope")])
    assert missing.exit_code == 1 and "not a folder" in missing.output
