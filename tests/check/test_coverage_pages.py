"""Page coverage of a PDF says how many pages the file has and why the others are no coverage unit."""

from __future__ import annotations

import asyncio

from conftest import SAMPLES

from seekh_convert.generate.offline import OfflineEngine
from seekh_convert.model.findings import DocumentQuality
from seekh_convert.pipeline import Converter


def test_pdf_coverage_counts_distinct_pages_and_says_why_pages_are_left_out(tmp_path):
    converter = Converter(OfflineEngine(), tmp_path / "out")
    asyncio.run(converter.convert_all([SAMPLES / "therapeutic-alliance-notes.pdf"]))
    (doc,) = converter.quality.documents
    # four pages: three of lecture notes (shared by three topics), the fourth a list of references
    assert doc.source_pages == 4 and doc.pages_left_out == {"front/back matter": 1}
    assert doc.coverage_text() == "3/3 pages"
    assert doc.pages_note() == "4 pages in the file; 1 left out: 1 front/back matter"


def test_coverage_text_of_other_units_and_of_a_file_whose_pages_are_all_used():
    times = DocumentQuality(source_file="a.vtt", coverage_unit="time", covered=["00:00:00–00:02:00"], uncovered=["x"])
    assert times.coverage_text() == "1/2 times"
    pages = DocumentQuality(source_file="a.pdf", coverage_unit="page", covered=["p. 1", "p. 1", "p. 2"], source_pages=2)
    assert pages.coverage_text() == "2/2 pages" and pages.pages_note() == ""  # the file's pages, each once
    unknown = DocumentQuality(source_file="a.pdf", coverage_unit="page", covered=["p. 1", "p. 1", "p. 2"])
    assert unknown.coverage_text() == "3/3 pages" and unknown.pages_note() == ""  # per topic, as before
    blank = DocumentQuality(
        source_file="b.pdf", coverage_unit="page", covered=["p. 1"], source_pages=3, pages_left_out={"blank or unreadable": 2}
    )
    assert blank.coverage_text() == "1/1 pages"
    assert blank.pages_note() == "3 pages in the file; 2 left out: 2 blank or unreadable"
