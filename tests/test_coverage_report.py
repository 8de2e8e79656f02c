"""A run tells the truth about coverage: guides drawing items from less than half of their document's pages,
slides or minutes are a warning in the run summary, report.json and report.md, not a silent success."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CORPUS
from typer.testing import CliRunner

from seekh_convert.check.coverage import topic_coverage
from seekh_convert.cli import app
from seekh_convert.model.document import Block, BlockKind, Document, RawPage, SourceKind, Topic
from seekh_convert.model.findings import TopicQuality
from seekh_convert.model.guide import SourceRef
from seekh_convert.pipeline.coverage import coverage_warning, document_coverage
from seekh_convert.pipeline.report import _coverage
from seekh_convert.pipeline.results import TopicResult

PY4E = CORPUS / "office" / "py4e-lecture02-variables-expressions-statements.pptx"
TEXT = "Every page of these notes holds a sentence long enough to be a source of study items."


def _result(topic: Topic, refs: list[SourceRef], written: bool = True) -> TopicResult:
    quality = TopicQuality(topic_index=topic.index, coverage=topic_coverage(topic, refs))
    return TopicResult(topic.index, topic.title, folder=Path("guide") if written else None, quality=quality)


def _pdf(pages: int) -> Document:
    blocks = [Block(TEXT, page=p) for p in range(1, pages + 1)]
    doc = Document(path=Path("notes.pdf"), kind=SourceKind.PDF, blocks=blocks)
    doc.topics = [Topic(1, "First half", blocks[: pages // 2]), Topic(2, "Second half", blocks[pages // 2 :])]
    return doc


def test_a_guide_set_covering_a_fifth_of_the_pages_is_a_warning():
    doc = _pdf(10)
    first, second = doc.topics
    results = [_result(first, [SourceRef(quote=TEXT, page=1), SourceRef(quote=TEXT, page=2)]), _result(second, [])]
    coverage = document_coverage(doc, results)
    assert coverage == {"unit": "pages", "covered": 2, "total": 10, "share": 0.2}
    warning = coverage_warning(coverage)
    assert warning is not None and "2 of 10 pages (20%)" in warning and "less than half" in warning
    assert "--engine openai" in warning and "--engine openai" not in coverage_warning(coverage, "openai")
    deck = {"unit": "slides", "covered": 7, "total": 39, "share": 0.18}  # relay run 9: a model's two deck topics
    assert "deck_words" in coverage_warning(deck, "openai") and "--engine openai" not in coverage_warning(deck, "openai")


def test_half_the_pages_or_more_is_no_warning_and_unwritten_guides_cover_nothing():
    doc = _pdf(10)
    first, second = doc.topics
    refs = [SourceRef(quote=TEXT, page=p) for p in (1, 2, 3, 6, 7)]
    assert coverage_warning(document_coverage(doc, [_result(first, refs[:3]), _result(second, refs[3:])])) is None
    unwritten = document_coverage(doc, [_result(first, refs[:3]), _result(second, refs[3:], written=False)])
    assert unwritten["covered"] == 3 and coverage_warning(unwritten) is not None


def test_transcript_coverage_counts_minutes():
    blocks = [Block(TEXT, start=60.0 * m, end=60.0 * m + 59) for m in range(20)]
    doc = Document(path=Path("talk.vtt"), kind=SourceKind.TRANSCRIPT, blocks=blocks)
    topic = Topic(1, "Talk", blocks)
    coverage = document_coverage(doc, [_result(topic, [SourceRef(quote=TEXT, start=61.0, end=70.0)])])
    assert coverage["unit"] == "minutes" and coverage["total"] == pytest.approx(19.98, abs=0.1)
    assert coverage["covered"] == pytest.approx(2.0, abs=0.1)
    assert "of 20 minutes" in coverage_warning(coverage)


def test_a_chapter_under_no_heading_counts_its_topics():
    """Set 19's Russell chapter (an e-book page with no heading) split into three topics, each with items: the
    report said "0/1 sections (0%)" and warned of low coverage, beside the run table's "3/3 sections"."""
    blocks = [Block(f"{TEXT} ({n})", section="") for n in range(6)]
    doc = Document(path=Path("chapter.xhtml"), kind=SourceKind.HTML, blocks=blocks)
    doc.topics = [Topic(i + 1, f"Part {i + 1}", blocks[2 * i : 2 * i + 2]) for i in range(3)]
    results = [_result(t, [SourceRef(quote=t.blocks[0].text)]) for t in doc.topics]
    coverage = document_coverage(doc, results)
    assert coverage == {"unit": "sections", "covered": 3, "total": 3, "share": 1.0}
    assert coverage_warning(coverage) is None


@pytest.mark.corpus
def test_py4e_run_reports_its_slide_coverage(tmp_path):
    if not PY4E.is_file():
        pytest.skip(f"corpus deck not found at {PY4E} (../shared absent; set SEEKH_CORPUS)")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["convert", str(PY4E), "-o", str(out), "--cache-dir", str(tmp_path / "cache")])
    assert result.exit_code == 0, result.output
    entry = json.loads((out / "report.json").read_text())["inputs"][0]
    coverage = entry["coverage"]
    assert coverage["unit"] == "slides" and coverage["total"] >= 25 and 0 < coverage["covered"] <= coverage["total"]
    low = coverage["share"] < 0.5
    assert any("low coverage" in w for w in entry["warnings"]) is low
    assert ("with low coverage" in result.output) is low
    md = (out / "report.md").read_text()
    assert f"{coverage['covered']}/{coverage['total']} slides" in md


def test_a_pdfs_problem_set_pages_are_named_beside_its_coverage():
    """Relay run 23: notes whose last two pages are a problem set reported "3/3 pages (100%)", and a teacher read
    that as two pages silently dropped; the report says how many pages the file has and why the others count for
    nothing."""
    blocks = [Block(TEXT, page=p) for p in (1, 2, 3)]
    blocks += [
        Block("Problem 6 (Chat room). Decide whether hello is a subsequence of the typed word.", BlockKind.QUESTION, page=p)
        for p in (4, 5)
    ]
    doc = Document(path=Path("greedy.pdf"), kind=SourceKind.PDF, blocks=blocks, pages=[RawPage(n) for n in range(1, 6)])
    topic = Topic(1, "Greedy algorithms", blocks)
    doc.topics = [topic]
    coverage = document_coverage(doc, [_result(topic, [SourceRef(quote=TEXT, page=p) for p in (1, 2, 3)])])
    assert coverage["covered"] == coverage["total"] == 3 and coverage["file_pages"] == 5
    assert coverage["left_out"] == {"the source's own exercises": 2}
    assert _coverage(coverage) == "3/3 pages (100%) of 5 in the file; 2 left out: 2 the source's own exercises"
    assert _coverage({"unit": "slides", "covered": 7, "total": 39, "share": 0.18}) == "7/39 slides (18%)"
