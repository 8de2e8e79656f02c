"""Reruns into one output folder: an installed extra changes nothing for documents, no review decision is ever
deleted, and the folder's report lists every input converted into it."""

from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path

from conftest import SAMPLES
from typer.testing import CliRunner

from seekh_convert.cli import app
from seekh_convert.generate.offline import OfflineEngine
from seekh_convert.generate.offline.transcribe import OfflineTranscriber
from seekh_convert.model.guide import StudyGuide
from seekh_convert.pipeline import Converter
from seekh_convert.write.items import iter_items
from seekh_convert.write.review import FILENAME, Verdict, record

LECTURE = SAMPLES / "memory-lecture.vtt"


def _run(out: Path, transcriber) -> list[str]:
    events: list[str] = []
    converter = Converter(OfflineEngine(), out, on_event=lambda kind, *_: events.append(kind), transcriber=transcriber)
    asyncio.run(converter.convert_all([LECTURE]))
    return events


def test_installing_the_speech_recogniser_does_not_redo_documents(tmp_path):
    out = tmp_path / "out"
    assert "done" in _run(out, None)  # without the asr extra
    # the same command once the asr extra is installed: the built-in recogniser is there now (nothing is loaded
    # until a recording needs it); a transcript has no audio, so it resumes
    events = _run(out, OfflineTranscriber(cache_dir=tmp_path / "cache"))
    assert "resumed" in events and "done" not in events and "failed" not in events, events


def test_the_transcriber_still_counts_for_recordings(tmp_path):
    converter = Converter(OfflineEngine(), tmp_path, transcriber=OfflineTranscriber(cache_dir=None))
    bare = Converter(OfflineEngine(), tmp_path)
    assert converter.fingerprint(Path("talk.mp3")) != bare.fingerprint(Path("talk.mp3"))
    assert converter.fingerprint(Path("talk.vtt")) == bare.fingerprint(Path("talk.vtt"))


def test_stale_remove_keeps_the_editors_review_decisions(tmp_path):
    out = tmp_path / "out"
    first = ["convert", str(LECTURE), "-o", str(out), "-e", "offline", "--max-topics", "1"]
    assert CliRunner().invoke(app, first).exit_code == 0
    [folder] = [p.parent for p in out.glob("*/*/guide.json")]
    guide = StudyGuide.model_validate_json((folder / "guide.json").read_text())
    record(folder, guide, next(iter_items(guide)).id, Verdict.APPROVED, None)
    decisions = (folder / FILENAME).read_text()
    again = ["convert", str(LECTURE), "-o", str(out), "-e", "offline", "--max-topics", "3", "--stale", "remove"]
    result = CliRunner().invoke(app, again)
    assert result.exit_code == 0, result.output
    kept = out / folder.parent.name / "earlier-reviews" / folder.name / FILENAME
    assert kept.read_text() == decisions  # moved aside, not deleted
    assert "review decisions, kept in" in result.output and "earlier-reviews" in result.output
    assert not list((out / folder.parent.name / "earlier-reviews").glob("*/guide.json.tmp"))


def test_the_folder_report_lists_every_input_converted_into_it(tmp_path):
    out = tmp_path / "out"
    notes = tmp_path / "notes.md"
    shutil.copy(SAMPLES / "memory-lecture.vtt", tmp_path / "lecture.vtt")
    notes.write_text("# Memory\n\n" + "Memory is the faculty by which the mind stores and recalls information. " * 30)
    assert CliRunner().invoke(app, ["convert", str(tmp_path / "lecture.vtt"), "-o", str(out), "-e", "offline"]).exit_code == 0
    first = json.loads((out / "report.json").read_text())["inputs"][0]
    assert CliRunner().invoke(app, ["convert", str(notes), "-o", str(out), "-e", "offline"]).exit_code == 0
    report = json.loads((out / "report.json").read_text())
    assert [e["source"] for e in report["inputs"]] == ["notes.md"]
    [earlier] = report["earlier_inputs"]
    assert earlier["source"] == "lecture.vtt" and earlier["status"] == "success" and earlier["run"] == "earlier"
    assert earlier["guides"] == first["guides"] and earlier["converted_with"]["seconds"] == first["seconds"]
    md = (out / "report.md").read_text()
    assert "| notes.md | success |" in md and "| lecture.vtt | success |" in md


def test_an_earlier_inputs_seconds_survive_the_manifest_as_the_report_printed_them(tmp_path):
    """2.00512 s rounds to 2.01 in the report; the manifest once kept 2.005, which the next report printed as 2.0."""
    from seekh_convert.pipeline.report import input_entry
    from seekh_convert.pipeline.results import ConversionResult, Status, from_record, to_record

    for seconds in (2.00512, 0.125, 7.3349999, 1.0):
        done = ConversionResult(source=tmp_path / "a.md", status=Status.SUCCESS, output_dir=tmp_path, seconds=seconds)
        again = from_record(done.source, tmp_path, to_record(done))
        assert (
            input_entry(done.source, again, earlier=True)["converted_with"]["seconds"]
            == input_entry(done.source, done)["seconds"]
        ), seconds
