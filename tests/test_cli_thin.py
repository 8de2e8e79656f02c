"""The CLI is a thin edge over the pipeline: each output is written once, and the terminal tables stay readable."""

from __future__ import annotations

from pathlib import Path

from conftest import SAMPLES
from typer.testing import CliRunner

from seekh_convert.cli import app
from seekh_convert.write.markdown import MarkdownWriter

runner = CliRunner()


def test_each_guide_md_is_written_once_per_run(tmp_path, monkeypatch):
    written: list[Path] = []
    original = MarkdownWriter.__call__

    def counting(self, guide, folder):
        written.append(Path(folder))
        return original(self, guide, folder)

    monkeypatch.setattr(MarkdownWriter, "__call__", counting)
    result = runner.invoke(app, ["convert", str(SAMPLES / "memory-lecture.vtt"), "-o", str(tmp_path), "--engine", "offline"])
    assert result.exit_code == 0, result.output
    folders = sorted(p.parent for p in tmp_path.glob("*/*/guide.md"))
    assert folders, result.output
    assert sorted(written) == folders  # once each: not by the converter and again by the end-of-run rendering
