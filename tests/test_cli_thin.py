"""The CLI is a thin edge over the pipeline: each output is written once, and the terminal tables stay readable."""

from __future__ import annotations

import shutil
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


def _long_run():
    from seekh_convert.model.findings import DocumentQuality, RunQuality

    long_name = "introduction-to-cognitive-psychology-chapter-08-memory-and-learning-revised-edition.pdf"
    times = [f"00:{m:02d}:01–00:{m + 2:02d}:01" for m in range(0, 40, 2)]
    docs = [
        DocumentQuality(
            source_file=long_name,
            guides=12,
            unwritable=3,
            produced=1234,
            kept=1100,
            repaired=45,
            dropped=89,
            grounded=1050,
            coverage_unit="page",
            covered=[f"p. {n}" for n in range(1, 300)],
            uncovered=["p. 300", "p. 301"],
        ),
        DocumentQuality(
            source_file="lecture-02-atomic-structure-and-the-periodic-table.DERIVED.vtt",
            guides=4,
            produced=120,
            kept=100,
            dropped=20,
            grounded=100,
            coverage_unit="time",
            covered=times[:3],
            uncovered=times[3:],
        ),
    ]
    return RunQuality(documents=docs), long_name


def test_the_quality_table_keeps_names_whole_and_rows_on_one_line_at_200_columns(tmp_path):
    from seekh_convert.console import render_summary

    run, long_name = _long_run()
    text = render_summary(run, width=200)
    lines = text.splitlines()
    assert any(long_name in line for line in lines), text  # not truncated, not folded
    rows = [ln for ln in lines if "│" in ln]
    assert [r.split("│")[0].strip() for r in rows] == [long_name, run.documents[1].source_file, "total"], text  # no wrapping
    assert all(len(line) <= 200 for line in lines), text
    assert "none from 00:06:01" in text and "p. 300, p. 301" in text  # what is not covered is still said


def test_the_cli_quality_table_at_200_columns(tmp_path):
    name = "lecture-" + "memory-encoding-storage-retrieval-" * 3 + "week-07.vtt"
    shutil.copy(SAMPLES / "memory-lecture.vtt", tmp_path / name)
    args = ["convert", str(tmp_path / name), "-o", str(tmp_path / "out"), "-e", "offline"]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Quality"))
    [row] = [i for i in range(start, len(lines)) if name in lines[i]]  # the whole name, once
    assert "│" not in lines[row + 1], "\n".join(lines[start : row + 3])  # the row does not wrap
