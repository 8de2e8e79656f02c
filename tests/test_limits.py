"""Limits: --max-pages, --max-bytes and --max-topics, each with a clear one-line message naming the option."""

from __future__ import annotations

from conftest import CORPUS
from fakes.pdf_files import text_pdf
from typer.testing import CliRunner

from seekh_convert.cli import app

LINE = "Photosynthesis turns light energy into chemical energy in the leaves of green plants."


def _run(*args):
    return CliRunner().invoke(app, ["convert", *map(str, args), "--engine", "offline"])


def _errors(result) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith("error:")]


def test_max_pages_refuses_longer_pdfs_and_decks(tmp_path):
    pdf = text_pdf(tmp_path / "long.pdf", [[LINE] * 20] * 3)
    result = _run(pdf, "-o", tmp_path / "out", "--max-pages", "2")
    assert result.exit_code == 1
    assert _errors(result) == ["error: long.pdf has 3 pages, more than --max-pages 2; raise --max-pages or split the file"]
    assert "--max-pages" not in _run(pdf, "-o", tmp_path / "ok", "--max-pages", "3").output
    deck = CORPUS / "office" / "math260-foundations-of-geometry-lecture1-euclid.pptx"
    result = _run(deck, "-o", tmp_path / "deck", "--max-pages", "10")
    assert "14 slides, more than --max-pages 10" in _errors(result)[0]


def test_max_bytes_refuses_bigger_files(tmp_path):
    pdf = text_pdf(tmp_path / "big.pdf", [[LINE] * 20] * 3)
    size = pdf.stat().st_size
    result = _run(pdf, "-o", tmp_path / "out", "--max-bytes", str(size - 1))
    assert result.exit_code == 1
    (error,) = _errors(result)
    assert error.startswith("error: big.pdf is too large (") and f"more than --max-bytes {size - 1:,} bytes" in error
    assert "raise --max-bytes" in error


def test_max_topics_merges_and_says_so(tmp_path):
    chapter = CORPUS / "text" / "psychology__openstax-psychology-2e__ch08-memory.md"
    result = _run(chapter, "-o", tmp_path, "--max-topics", "2")
    assert result.exit_code == 0
    assert "sections merged into 2 topics (--max-topics 2)" in result.output
    assert len(list(tmp_path.glob("*/*/guide.json"))) == 2
