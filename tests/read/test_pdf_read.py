"""PdfExtractor against the real corpus and the bundled sample (the title from typography is PdfCleaner's)."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import pytest

from seekh_convert.clean.pdf import PdfCleaner
from seekh_convert.errors import InputError
from seekh_convert.model.document import SourceKind
from seekh_convert.pipeline import load_document
from seekh_convert.read.pdf import PdfExtractor

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "therapeutic-alliance-notes.pdf"
pytestmark = pytest.mark.corpus


def _text(doc) -> str:
    return "\n".join(line.text for page in doc.pages for line in page.lines)


def test_slides_keep_one_based_page_numbers(corpus):
    path = corpus / "pdf" / "lecture-slides-vector-bootcamp.pdf"
    doc = PdfExtractor()(path)
    assert doc.kind is SourceKind.PDF
    assert [p.number for p in doc.pages] == list(range(1, 23))
    assert doc.title == "General Physics: Vector Boot Camp"
    assert load_document(path).sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert any(line.text == "B.1 Definition of Vectors" for line in doc.pages[1].lines)
    assert doc.outline[0].title == "Definition of Vectors" and doc.outline[0].page == 2
    assert {e.level for e in doc.outline} == {1, 2}


def test_slides_record_bold_runs_and_sizes(corpus):
    doc = PdfExtractor()(corpus / "pdf" / "lecture-slides-vector-bootcamp.pdf")
    line = next(x for x in doc.pages[1].lines if x.text.startswith("A vector is a physical quantity"))
    assert line.bold_spans == ("magnitude", "direction")
    assert not line.bold and line.size == pytest.approx(10.9, abs=0.1)
    assert line.x is not None and line.y is not None


def test_book_352_pages_extracts_without_log_noise(corpus, caplog, capsys):
    caplog.set_level(logging.DEBUG)
    doc = PdfExtractor()(corpus / "pdf" / "freeculture-352-pages.pdf")
    assert len(doc.pages) == 352 and doc.pages[-1].number == 352
    assert doc.title == "Free Culture"
    assert "Armstrong" in _text(doc)
    assert not [r for r in caplog.records if r.name == "pypdf" or r.name.startswith("pypdf.")]  # (not pypdfium2)
    out, err = capsys.readouterr()
    assert out == "" and err == ""
    assert logging.getLogger("pypdf").level == logging.ERROR  # silenced for good: threads extract in parallel


def test_encrypted_needs_password(corpus):
    path = corpus / "pdf" / "encrypted-aes256-user-baz-owner-foo.pdf"
    with pytest.raises(InputError, match=r"encrypted; pass --password") as info:
        PdfExtractor()(path)
    assert path.name in str(info.value) and "\n" not in str(info.value)
    with pytest.raises(InputError, match="password is wrong"):
        PdfExtractor()(path, password="nope")
    assert "Secret!" in _text(PdfExtractor()(path, password="baz"))


def test_corrupted_xref_recovers_text(corpus):
    doc = PdfExtractor()(corpus / "pdf" / "zen_of_python_corrupted.pdf")
    assert "Beautiful is better than ugly." in _text(doc)
    assert doc.title != "zen_of_python.txt"  # a file name in /Title is not a title


def test_truncated_file_is_a_one_line_input_error(corpus):
    with pytest.raises(InputError) as info:
        PdfExtractor()(corpus / "pdf" / "tracemonkey-TRUNCATED-at-40pct.pdf")
    message = str(info.value)
    assert "tracemonkey-TRUNCATED-at-40pct.pdf" in message and "\n" not in message
    assert "damaged" in message


def test_scanned_file_asks_for_ocr_when_ocr_is_off(corpus):
    with pytest.raises(InputError, match=r"no text layer.*ocrmypdf"):
        PdfExtractor()(corpus / "pdf" / "scanned-image-only-6-pages.pdf", ocr="never")


def test_not_a_pdf_and_missing_file(tmp_path):
    fake = tmp_path / "notes.pdf"
    fake.write_text("just text")
    with pytest.raises(InputError, match="not a PDF"):
        PdfExtractor()(fake)
    with pytest.raises(InputError, match="cannot read"):
        PdfExtractor()(tmp_path / "missing.pdf")


def test_failing_page_is_skipped_with_warning(monkeypatch):
    from seekh_convert.read import pdf as module

    real = module._page_lines
    calls = {"n": 0}

    def flaky(page):
        calls["n"] += 1
        if calls["n"] == 2:
            raise ValueError("bad content stream")
        return real(page)

    monkeypatch.setattr(module, "_page_lines", flaky)
    monkeypatch.setattr(module.PdfiumPages, "lines", lambda self, number: None)  # PDFium cannot read it either
    doc = PdfExtractor()(SAMPLE)
    assert [p.number for p in doc.pages] == [1, 3, 4]
    assert any("page 2" in w and "bad content stream" in w for w in doc.warnings)


def test_a_page_pypdf_gives_up_on_is_read_by_pdfium(monkeypatch):
    """Set 37's NCERT chapter: pypdf stopped on page 3 ("Reached maximum number of tokens per stream") and the page's
    217 words were lost; PDFium reads it."""
    from seekh_convert.read import pdf as module

    real = module._page_lines
    calls = {"n": 0}

    def flaky(page):
        calls["n"] += 1
        if calls["n"] == 2:
            raise ValueError("Reached maximum number of tokens per stream.")
        return real(page)

    monkeypatch.setattr(module, "_page_lines", flaky)
    doc = PdfExtractor()(SAMPLE)
    assert [p.number for p in doc.pages] == [1, 2, 3, 4]
    assert not any("page 2" in w for w in doc.warnings)
    assert sum(len(line.text.split()) for line in doc.pages[1].lines) > 50


def test_sample_bookmarks_title_and_bold_terms():
    doc = PdfExtractor()(SAMPLE)
    assert len(doc.pages) == 4
    assert PdfCleaner()(doc).title == "The Therapeutic Alliance"
    assert [(e.title, e.level) for e in doc.outline] == [
        ("1. What the Therapeutic Alliance Is", 1),
        ("2. Measuring the Alliance", 1),
        ("3. Ruptures and Repair", 1),
        ("4. Building the Alliance in Practice", 1),
    ]
    assert [e.page for e in doc.outline] == sorted(e.page for e in doc.outline)
    spans = {s for page in doc.pages for line in page.lines for s in line.bold_spans}
    assert {"therapeutic alliance", "Goals", "Tasks", "Working Alliance Inventory"} <= spans
    heading = next(line for line in doc.pages[0].lines if line.text == "1. What the Therapeutic Alliance Is")
    assert heading.bold and heading.size == 15.0


def test_title_wrapped_over_two_lines_is_joined_and_ocr_noise_is_no_title(corpus):
    doc = PdfCleaner()(PdfExtractor()(corpus / "pdf" / "tracemonkey-two-column-paper.pdf"))
    assert doc.title == "Trace-based Just-in-Time Type Specialization for Dynamic Languages"
    scan = corpus / "pdf" / "Seige_of_Vicksburg_scan_with_OCR_layer.pdf"
    assert PdfCleaner()(PdfExtractor()(scan)).title == scan.stem  # /Title is "Binder1.pdf", the biggest OCR line is "them."
