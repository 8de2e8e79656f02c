"""Preflight: the output folder, the engine's server and key, and the inputs are checked before any work."""

from __future__ import annotations

import pytest
from conftest import CORPUS, SAMPLES
from fakes.openai_server import FakeOpenAIServer, quoting_reply
from typer.testing import CliRunner

from seekh_convert.cli import app

pytestmark = pytest.mark.usefixtures("mechanics_only")


VTT = SAMPLES / "memory-lecture.vtt"


def _convert(*args: str):
    return CliRunner().invoke(app, ["convert", *args])


def _errors(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("error:")]


def test_an_output_folder_that_cannot_take_files_stops_the_run_before_any_work(tmp_path):
    blocker = tmp_path / "taken"
    blocker.write_text("a file where the output folder should go")
    with FakeOpenAIServer(responder=quoting_reply) as server:
        result = _convert(str(VTT), "-o", str(blocker / "out"), "--model", "fake-model", "--base-url", server.url)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert _errors(result.output) == [
        f"error: output folder {blocker / 'out'} is not writable (Not a directory); fix its permissions or pass another -o"
    ]
    assert not server.requests


def test_an_unreachable_server_and_an_unwritable_folder_are_one_line_each(tmp_path):
    blocker = tmp_path / "taken"
    blocker.write_text("x")
    result = _convert(
        str(VTT), "-o", str(blocker / "out"), "--model", "m", "--base-url", "http://127.0.0.1:9/v1", "--api-key", "k"
    )
    assert result.exit_code == 2
    errors = _errors(result.output)
    assert len(errors) == 2, result.output
    assert "is not writable" in errors[0] and "cannot reach http://127.0.0.1:9/v1" in errors[1]


def test_a_model_the_server_does_not_list_is_a_warning(tmp_path):
    with FakeOpenAIServer(responder=quoting_reply) as server:
        result = _convert(
            str(VTT), "-o", str(tmp_path / "out"), "--model", "other-model", "--base-url", server.url, "--api-key", "k"
        )
    assert "warning: model 'other-model' is not in the list of" in result.output
    assert result.exit_code == 0, result.output


def test_unreadable_inputs_are_reported_before_any_work(tmp_path):
    missing = tmp_path / "missing.pdf"
    empty_folder = tmp_path / "empty"
    empty_folder.mkdir()
    unsupported = tmp_path / "slides.key"
    unsupported.write_bytes(b"not a keynote")
    result = _convert(str(VTT), str(missing), str(empty_folder), str(unsupported), "-o", str(tmp_path / "out"), "-e", "offline")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    errors = [i for i, line in enumerate(lines) if line.startswith("error:")]
    assert len(errors) == 3 and errors == [0, 1, 2], result.output  # first, before the good input is read
    assert "missing.pdf: no such file" in lines[0] and "folder holds no supported files" in lines[1]
    assert "slides.key: unsupported file type '.key'" in lines[2]
    assert any("memory-lecture.vtt: 1 topic(s)" in line for line in lines[3:])


def test_a_damaged_input_still_fails_on_its_own(tmp_path):
    truncated = CORPUS / "pdf" / "tracemonkey-TRUNCATED-at-40pct.pdf"
    result = _convert(str(truncated), str(VTT), "-o", str(tmp_path / "out"), "-e", "offline")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert len(list((tmp_path / "out").rglob("guide.json"))) >= 1
