"""The command line end to end: real files in, guide folders out."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPUS, SAMPLES
from typer.testing import CliRunner

from seekh_convert.cli import app
from seekh_convert.model.guide import StudyGuide

runner = CliRunner()


def _guides(out: Path) -> list[Path]:
    return sorted(out.glob("*/*/guide.json"))


def _convert(*args: str):
    return runner.invoke(app, ["convert", *args])


def test_samples_convert_with_the_offline_engine(tmp_path):
    result = _convert(
        *map(str, sorted(SAMPLES.glob("*.pdf")) + sorted(SAMPLES.glob("*.vtt"))), "-o", str(tmp_path), "--engine", "offline"
    )
    assert result.exit_code == 0, result.output
    guides = _guides(tmp_path)
    assert len({g.parent.parent for g in guides}) == 2  # one folder per input
    for path in guides:
        guide = StudyGuide.model_validate_json(path.read_text())
        assert guide.provenance.engine == "offline"
        assert (path.parent / "guide.md").is_file()
        assert (path.parent / "quality.json").is_file()
    index = json.loads((guides[0].parent.parent / "index.json").read_text())
    assert index["status"] == "success"


def test_bad_inputs_next_to_a_good_one(tmp_path):
    bad_type = tmp_path / "slides.docx"
    bad_type.write_bytes(b"PK\x03\x04 not really")
    missing = tmp_path / "missing.pdf"
    encrypted = CORPUS / "pdf" / "encrypted-aes256-user-baz-owner-foo.pdf"
    good = SAMPLES / "memory-lecture.vtt"
    result = _convert(str(bad_type), str(missing), str(encrypted), str(good), "-o", str(tmp_path / "out"), "--engine", "offline")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 3, result.output
    # the preflight reports the missing file before any work; the others fail as they are read, in input order
    assert "missing.pdf" in errors[0] and "no such file" in errors[0]
    assert "slides.docx" in errors[1] and "encrypted" in errors[2] and "--password" in errors[2]
    assert _guides(tmp_path / "out"), "the good input was still converted"


def test_encrypted_pdf_with_password_converts(tmp_path):
    encrypted = CORPUS / "pdf" / "encrypted-aes256-user-baz-owner-foo.pdf"
    result = _convert(str(encrypted), "-o", str(tmp_path), "--engine", "offline", "--password", "baz")
    assert "--password" not in result.output


def test_same_input_gives_identical_json_but_the_timestamp(tmp_path):
    samples = [str(SAMPLES / "therapeutic-alliance-notes.pdf"), str(SAMPLES / "memory-lecture.vtt")]
    for run in ("a", "b"):
        assert _convert(*samples, "-o", str(tmp_path / run), "--engine", "offline").exit_code == 0
    a, b = _guides(tmp_path / "a"), _guides(tmp_path / "b")
    assert len(a) >= 4
    assert [p.relative_to(tmp_path / "a") for p in a] == [p.relative_to(tmp_path / "b") for p in b]
    stamp = re.compile(rb'"generated_at": "[^"]+"')
    for pa, pb in zip(a, b):
        assert stamp.search(pa.read_bytes())
        assert stamp.sub(b"", pa.read_bytes()) == stamp.sub(b"", pb.read_bytes())  # byte for byte


def test_max_topics_and_single_topic(tmp_path):
    sample = str(CORPUS / "text" / "psychology__openstax-psychology-2e__ch08-memory.md")
    assert _convert(sample, "-o", str(tmp_path / "two"), "--max-topics", "2", "--engine", "offline").exit_code == 0
    assert len(_guides(tmp_path / "two")) == 2
    assert _convert(sample, "-o", str(tmp_path / "one"), "--single-topic", "--engine", "offline").exit_code == 0
    assert len(_guides(tmp_path / "one")) == 1


def test_schema_command_prints_the_guide_schema():
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "StudyGuide"
    assert {"definition", "flashcards", "questions", "provenance"} <= set(schema["properties"])


def test_console_script_runs_and_helps():
    exe = Path(sys.executable).with_name("seekh-convert")
    proc = subprocess.run(
        [str(exe), "convert", "--help"], capture_output=True, text=True, timeout=60, env={**os.environ, "COLUMNS": "120"}
    )
    assert proc.returncode == 0
    for option in ("--output", "--engine", "--max-topics", "--single-topic", "--model", "--base-url"):
        assert option in proc.stdout


def test_pdf_font_warnings_stay_silent_when_reading_in_parallel(tmp_path):
    """Real PDFs make pypdf log font warnings by the hundred; none may reach the user, even with -v."""
    names = ("GeoTopo-lecture-notes-de-117-pages.pdf", "tracemonkey-two-column-paper.pdf", "lecture-slides-vector-bootcamp.pdf")
    exe = Path(sys.executable).with_name("seekh-convert")
    args = [
        str(exe),
        "convert",
        *(str(CORPUS / "pdf" / n) for n in names),
        "-o",
        str(tmp_path),
        "--engine",
        "offline",
        "--max-topics",
        "2",
        "--language",
        "en",  # the German notes: the offline engine writes English guides only when asked to
        "-v",
    ]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "pypdf" not in proc.stderr and "fontTools" not in proc.stderr


def test_file_names_are_not_terminal_markup(tmp_path):
    source = tmp_path / "[red]notes.md"
    source.write_text(
        "# Widgets\n\nA **widget** is a small device used to test tools. " * 3
        + "\n\nA **gadget** is a larger device that holds widgets.\n"
    )
    result = _convert(str(source), "-o", str(tmp_path / "out"), "--engine", "offline")
    assert result.output.count("[red]notes.md") >= 3  # progress line, status table, quality table


def test_strict_fails_a_thin_guide_but_keeps_its_report(tmp_path):
    source = tmp_path / "thin.md"
    source.write_text(
        "# Widgets\n\nA **widget** is a small device used to test tools in practice. Widgets are cheap and common. "
        "Most labs keep a box of them.\n"
    )
    lenient = _convert(str(source), "-o", str(tmp_path / "lenient"), "--engine", "offline")
    assert lenient.exit_code == 0, lenient.output
    strict = _convert(str(source), "-o", str(tmp_path / "strict"), "--engine", "offline", "--strict")
    assert strict.exit_code == 1
    assert "--strict" in strict.output and "flashcards" in strict.output
    assert not list((tmp_path / "strict").glob("*/*/guide.json"))
    assert list((tmp_path / "strict").glob("*/*/quality.json"))


def test_check_reruns_the_gate_on_a_hand_edited_guide(tmp_path):
    source = CORPUS / "text" / "psychology__openstax-psychology-2e__ch08-memory.md"
    assert _convert(str(source), "-o", str(tmp_path), "--engine", "offline", "--max-topics", "3").exit_code == 0
    path = _guides(tmp_path)[1]
    clean = runner.invoke(app, ["check", str(path), "--source", str(source)])  # --max-topics comes from provenance
    assert clean.exit_code == 0, clean.output
    assert "(100%)" in clean.output and "0 failing" in clean.output
    guide = json.loads(path.read_text())
    guide["definition"]["source"]["quote"] = "Memory is stored in the left elbow."  # an invented quote
    short = (q for q in guide["questions"] if q["kind"] == "multiple_choice" and all(len(o.split()) <= 5 for o in q["options"]))
    mc = next(short, None)  # options that are terms (a near-duplicate of a defining sentence is another check's)
    if mc is None:  # (the engine asks open where no three options are of the answer's kind): an editor adds options
        first = guide["questions"][0]
        key = first.get("answer") or "encoding"
        mc = {"kind": "multiple_choice", "question": first.get("question") or first["statement"], "answer_index": 0}
        mc |= {
            "options": [key, "alpha process", "beta process", "gamma process"],
            "explanation": first["explanation"],
            "source": first["source"],
        }
        guide["questions"][0] = mc
    mc["options"][(mc["answer_index"] + 1) % 4] = mc["options"][mc["answer_index"]] + "s"  # a near-duplicate option
    path.write_text(json.dumps(guide))
    edited = runner.invoke(app, ["check", str(path), "--source", str(source), "--max-topics", "3"])
    assert edited.exit_code == 1
    assert "invented quote" in edited.output and "definition" in edited.output
    assert "options" in edited.output or "duplicate" in edited.output


def test_terminal_escapes_in_a_source_reach_neither_terminal_nor_files(tmp_path):
    source = tmp_path / "esc\x1b[2J.md"
    source.write_text(
        "# Widgets \x1b[31mred\x1b[0m\n\n"
        + "A **widget** is a small device\x07 used to test tools in practice. " * 3
        + "\n\nA **gadget** is a larger device that holds widgets.\n"
    )
    result = _convert(str(source), "-o", str(tmp_path / "out"), "--engine", "offline")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    for path in (tmp_path / "out").rglob("*"):
        if path.is_file() and path.suffix != ".sqlite":  # the run state is binary (its text is JSON-escaped)
            assert b"\x1b" not in path.read_bytes(), path  # JSON may record the file name escaped (\\u001b): inert


def test_output_that_is_a_file_is_one_line(tmp_path):
    target = tmp_path / "taken"
    target.write_text("x")
    result = _convert(str(SAMPLES / "memory-lecture.vtt"), "-o", str(target), "--engine", "offline")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "is a file; pass a folder to -o" in result.output


def test_check_survives_a_mistyped_provenance(tmp_path):
    assert _convert(str(SAMPLES / "memory-lecture.vtt"), "-o", str(tmp_path), "--engine", "offline").exit_code == 0
    path = _guides(tmp_path)[0]
    guide = json.loads(path.read_text())
    guide["provenance"]["max_topics"] = "2"
    path.write_text(json.dumps(guide))
    result = runner.invoke(app, ["check", str(path), "--source", str(SAMPLES / "memory-lecture.vtt")])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output


def _edited(tmp_path, edit):
    """A guide of the sample PDF, converted, then edited by hand with ``edit(guide)``; returns (path, source, n items)."""
    source = SAMPLES / "therapeutic-alliance-notes.pdf"
    assert _convert(str(source), "-o", str(tmp_path), "--engine", "offline").exit_code == 0
    path = _guides(tmp_path)[0]
    guide = json.loads(path.read_text())
    edit(guide)
    path.write_text(json.dumps(guide))
    return path, source


def _wrong_key(guide):
    # the offline engine writes no true/false on this sample (only where a sibling definition makes one false):
    # the editor adds one, stating a takeaway's own quote, keyed False
    takeaway = guide["key_takeaways"][0]
    statement = takeaway["source"]["quote"]
    guide["questions"].append(
        {
            "kind": "true_false",
            "statement": statement,
            "answer": False,
            "explanation": "Hand-written by an editor.",
            "source": dict(takeaway["source"]),
        }
    )
    # a section the engine left empty is no longer empty once the editor fills it
    guide["empty_sections"] = [e for e in guide["empty_sections"] if e["section"] != "questions"]


def _invented_quote(guide):
    guide["key_takeaways"][0]["source"]["quote"] = "The alliance is measured in kilograms by the receptionist."


def _wrong_page(guide):
    guide["flashcards"][0]["source"]["page"] = 4


@pytest.mark.parametrize(
    ("edit", "reason", "ungrounded"),
    [
        (_invented_quote, "invented quote", 1),
        (_wrong_page, "wrong location", 1),
        (_wrong_key, "true/false inconsistent with quote", 0),  # the quote says what the statement says
    ],
)
def test_check_tells_the_truth_about_a_hand_edited_guide(tmp_path, edit, reason, ungrounded):
    path, source = _edited(tmp_path, edit)
    result = runner.invoke(app, ["check", str(path), "--source", str(source)])
    assert result.exit_code == 1, result.output
    assert "fails: " in result.output and reason in result.output
    assert "dropped" not in result.output and "fixed" not in result.output  # check changes nothing
    report = json.loads(runner.invoke(app, ["check", str(path), "--source", str(source), "--json"]).output)
    items = report["produced"]
    assert report["failing"] == 1 and report["failing_by_reason"] == {reason: 1}
    assert report["grounded"] == items - ungrounded and report["grounding_basis"] == items
    assert f"{items} items, 1 failing" in result.output
    assert f"grounded at their source {items - ungrounded}/{items} ({(items - ungrounded) / items:.0%})" in result.output
