"""The run report, and a folder of good and bad files converted with the openai engine against the fake server."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import CORPUS, SAMPLES
from fakes.openai_server import FakeOpenAIServer, quoting_reply
from typer.testing import CliRunner

from seekh_convert.cli import app

pytestmark = pytest.mark.usefixtures("mechanics_only")


BAD = {
    "encrypted-aes256-user-baz-owner-foo.pdf": "is encrypted; pass --password",
    "scanned-image-only-6-pages.pdf": "has no text layer",
    "tracemonkey-TRUNCATED-at-40pct.pdf": "is damaged or truncated",
}


def _course(tmp_path):
    folder = tmp_path / "course"
    folder.mkdir()
    for name in BAD:
        shutil.copy(CORPUS / "pdf" / name, folder / name)
    (folder / "empty.md").write_text("")
    shutil.copy(SAMPLES / "memory-lecture.vtt", folder / "lecture.vtt")
    shutil.copy(SAMPLES / "therapeutic-alliance-notes.pdf", folder / "notes.pdf")
    shutil.copy(CORPUS / "transcripts" / "malformed-invalid-timestamp.vtt", folder / "odd-timestamps.vtt")
    return folder


def test_good_and_bad_files_with_the_bad_ones_reported(tmp_path):
    folder, out = _course(tmp_path), tmp_path / "out"
    with FakeOpenAIServer(responder=quoting_reply) as server:
        args = ["convert", str(folder), "-o", str(out), "--model", "fake-model", "--base-url", server.url, "--api-key", "k"]
        args += ["--ocr", "never"]  # the scan stays a bad file (OCR has its own tests)
        result = CliRunner().invoke(app, [*args, "--cache-dir", str(tmp_path / "cache")])
        sent = len(server.requests)
    assert result.exit_code == 1 and "Traceback" not in result.output
    report = json.loads((out / "report.json").read_text())
    by_name = {entry["source"]: entry for entry in report["inputs"]}
    assert len(by_name) == 7
    for name, reason in {**BAD, "empty.md": "is empty (0 bytes)", "odd-timestamps.vtt": "has too little text"}.items():
        entry = by_name[name]
        assert entry["status"] == "failure" and reason in entry["errors"][0], entry
        assert any(line.startswith("error:") and name in line and reason in line for line in result.output.splitlines())
    for name in ("lecture.vtt", "notes.pdf"):
        entry = by_name[name]
        assert entry["status"] == "success" and entry["guides"] == entry["topics"] >= 1, entry
        assert entry["items"]["kept"] > 0 and entry["usage"]["calls"] >= entry["topics"]
        assert len(list((out / entry["folder"]).glob("*/guide.json"))) == entry["guides"]
    assert report["inputs_by_status"] == {"failure": 5, "success": 2}
    assert report["usage"]["calls"] == report["requests"]["done"] == sent  # every request accounted for
    assert report["finished"] and not report["interrupted"] and report["stopped"] is None
    md = (out / "report.md").read_text()
    assert "| notes.pdf | success |" in md and "| empty.md | failure |" in md and "is encrypted; pass --password" in md


def test_a_resumed_run_reports_inputs_finished_earlier(tmp_path):
    args = ["convert", str(SAMPLES / "memory-lecture.vtt"), "-o", str(tmp_path), "-e", "offline"]
    assert CliRunner().invoke(app, args).exit_code == 0
    assert CliRunner().invoke(app, args).exit_code == 0
    report = json.loads((tmp_path / "report.json").read_text())
    [entry] = report["inputs"]
    assert entry["resumed"] and entry["status"] == "success" and report["resumed"] == 1
    assert "finished by an earlier run" in (tmp_path / "report.md").read_text()
