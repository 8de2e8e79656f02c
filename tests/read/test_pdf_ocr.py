"""OCR of scanned PDFs with Tesseract: known text rendered to an image-only PDF reads back, the guide quotes it;
blank pages are no scans; --ocr never keeps the old refusal; a missing Tesseract is one line naming the fix."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPUS
from fakes.pdf_files import text_pdf
from PIL import Image, ImageDraw, ImageFont
from rapidfuzz.distance import Levenshtein
from typer.testing import CliRunner

from seekh_convert.cli import app
from seekh_convert.errors import InputError
from seekh_convert.model.guide import StudyGuide
from seekh_convert.read.ocr import garbage_layer, needs_ocr, tesseract_missing
from seekh_convert.read.pdf import PdfExtractor
from seekh_convert.text.normalize import normalize_ws

pytestmark = pytest.mark.skipif(tesseract_missing(), reason="Tesseract is not installed (.ci/run installs it)")

KNOWN = """Photosynthesis is the process by which green plants turn light energy into chemical energy.
Chlorophyll is the green pigment that absorbs red and blue light in the leaves.
The light reactions take place in the thylakoid membranes of the chloroplast.
During the light reactions, water molecules are split and oxygen is released.
The Calvin cycle uses carbon dioxide from the air to build sugar molecules.
Stomata are small pores on the leaf surface that let carbon dioxide enter the plant.
A plant that lacks water closes its stomata and slows down photosynthesis.
Glucose made in the leaves is carried to the roots and stored as starch.""".splitlines()


def _scan(path: Path, pages: list[list[str]]) -> Path:
    """An image-only PDF (no text layer): each page's lines drawn into a 300 dpi A4 greyscale image."""
    font = ImageFont.load_default(size=40)
    images = []
    for lines in pages:
        image = Image.new("L", (2480, 3508), 255)
        draw = ImageDraw.Draw(image)
        for i, line in enumerate(lines):
            draw.text((200, 300 + i * 85), line, fill=0, font=font)
        images.append(image)
    images[0].save(path, "PDF", resolution=300, save_all=True, append_images=images[1:])
    return path


def test_known_text_reads_back_with_95_percent_character_accuracy(tmp_path):
    scan = _scan(tmp_path / "photosynthesis-scan.pdf", [KNOWN])
    with pytest.raises(InputError, match="no text layer"):
        PdfExtractor()(scan, ocr="never")  # really image-only
    doc = PdfExtractor()(scan)
    read = normalize_ws(" ".join(line.text for page in doc.pages for line in page.lines))
    truth = normalize_ws(" ".join(KNOWN))
    accuracy = 1 - Levenshtein.distance(read, truth) / len(truth)
    assert accuracy >= 0.95, (accuracy, read)
    assert doc.ocr[1] > 80  # confidence recorded per page


def test_the_guide_of_a_scan_quotes_its_text(tmp_path):
    scan = _scan(tmp_path / "photosynthesis-scan.pdf", [KNOWN[:4], KNOWN[4:]])
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["convert", str(scan), "-o", str(out), "--engine", "offline"])
    assert result.exit_code == 0, result.output
    truth = normalize_ws(" ".join(KNOWN)).casefold()
    guides = [StudyGuide.model_validate_json(p.read_text()) for p in out.glob("*/*/guide.json")]
    assert guides
    quotes = [src for guide in guides for src in (guide.definition.source, *(s.source for s in guide.summary.sentences))]
    for source in quotes:
        assert normalize_ws(source.quote).casefold().rstrip(".") in truth
        assert source.page in (1, 2)
    index = json.loads(next(out.glob("*/index.json")).read_text())
    assert set(index["ocr_confidence"]) == {"1", "2"}


def test_blank_pages_are_not_reported_as_scanned(tmp_path):
    images = tmp_path / "with-blank.pdf"
    _scan(images, [KNOWN[:4], [], KNOWN[4:]])
    doc = PdfExtractor()(images)
    assert not [w for w in doc.warnings if "no text" in w or "no readable" in w], doc.warnings
    assert 2 not in doc.ocr  # the blank page was not read at all
    assert [p.number for p in doc.pages if p.lines] == [1, 3]


def test_every_page_blank_is_its_own_message(tmp_path):
    blank = tmp_path / "blank.pdf"
    Image.new("L", (1240, 1754), 255).save(blank, "PDF", resolution=150)
    with pytest.raises(InputError, match="every page is blank"):
        PdfExtractor()(blank)


def test_ocr_never_keeps_the_old_refusal(tmp_path):
    scan = CORPUS / "pdf" / "scanned-image-only-6-pages.pdf"
    result = CliRunner().invoke(app, ["convert", str(scan), "-o", str(tmp_path), "--ocr", "never"])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {scan.name} has no text layer (scanned?); run OCR first, e.g. ocrmypdf {scan.name} out.pdf"]


def test_corpus_scan_converts_through_ocr_and_reports_low_confidence_pages(tmp_path):
    scan = CORPUS / "pdf" / "scanned-image-only-6-pages.pdf"
    result = CliRunner().invoke(app, ["convert", str(scan), "-o", str(tmp_path), "--engine", "offline"])
    assert result.exit_code == 0, result.output
    assert "low OCR confidence" in result.output and "p. 4" in result.output
    guides = [StudyGuide.model_validate_json(p.read_text()) for p in tmp_path.glob("*/*/guide.json")]
    cited = {s.source.page for g in guides for s in g.summary.sentences}
    assert guides and cited and cited <= {1, 2, 3, 4, 5, 6}  # quotes of the OCR text, on its pages


def test_always_reads_every_page_and_keeps_the_text_layer_of_blank_images(tmp_path):
    pdf = text_pdf(tmp_path / "typed.pdf", [["A text layer with words that no image shows on this page."] * 3])
    doc = PdfExtractor()(pdf, ocr="always")
    assert doc.pages[0].lines and "text layer" in doc.pages[0].lines[0].text  # the page image is blank: layer kept


def test_missing_tesseract_is_one_line_saying_how_to_install_it(tmp_path):
    scan = _scan(tmp_path / "scan.pdf", [KNOWN])
    exe = Path(sys.executable).with_name("seekh-convert")
    env = {**os.environ, "PATH": str(exe.parent)}  # the venv only: no tesseract on the PATH
    proc = subprocess.run(
        [str(exe), "convert", str(scan), "-o", str(tmp_path / "out"), "--engine", "offline"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 1
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "Tesseract" in errors[0] and "apt-get install tesseract-ocr" in errors[0], proc.stderr


def test_garbage_layers_are_recognised():
    chart = "sw | \\ + 400 + 300 —esupport BH No vote{note 1] 200 4 t= Oppose SeNet{note 2] Percentage [note 3]"
    assert garbage_layer(chart)
    assert not garbage_layer("The light reactions split water and release oxygen (see Figure 2).")
    from seekh_convert.model.document import Line

    assert needs_ocr([]) and needs_ocr([Line("  ")]) and needs_ocr([Line(chart)])
    assert not needs_ocr([Line("Euclid's postulates")])


def test_xfa_placeholder_form_is_refused_by_name(tmp_path):
    form = text_pdf(
        tmp_path / "form.pdf",
        [["Please wait...", "If this message is not eventually replaced by the proper contents of the document,"]],
        catalog_extra="/AcroForm << /Fields [] /XFA [(template) 3 0 R] >> ",
    )
    with pytest.raises(InputError, match=r"XFA form .*Please wait"):
        PdfExtractor()(form)
    plain = text_pdf(tmp_path / "plain.pdf", [["Please wait while the kettle boils; the water must reach 100 degrees."] * 4])
    assert PdfExtractor()(plain).pages  # the same words without an XFA form are just text


def test_ocr_leaves_the_process_environment_as_it_was(tmp_path, monkeypatch):
    """Tesseract gets OMP_THREAD_LIMIT=1 for its own process only: left in this process's environment, it also
    capped the OpenMP of CTranslate2 loaded later, and the built-in recogniser then wrote nonsense."""
    monkeypatch.delenv("OMP_THREAD_LIMIT", raising=False)
    probe = "import os, seekh_convert.read.pdf; print('OMP_THREAD_LIMIT' in os.environ)"
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.strip() == "False"
    doc = PdfExtractor()(_scan(tmp_path / "scan.pdf", [KNOWN]), ocr="always")
    assert doc.ocr and "OMP_THREAD_LIMIT" not in os.environ
    monkeypatch.setenv("OMP_THREAD_LIMIT", "7")
    PdfExtractor()(_scan(tmp_path / "scan2.pdf", [KNOWN]), ocr="always")
    assert os.environ["OMP_THREAD_LIMIT"] == "7"


def test_textless_pages_are_read_while_later_pages_are_extracted_with_the_same_result(tmp_path, monkeypatch):
    """Tesseract starts on a textless page as soon as its (empty) text layer is seen (OcrAhead), for at most
    ``at_most`` pages; the pages read ahead and those read afterwards give what reading them all afterwards gives."""
    from seekh_convert.read import ocr

    scan = _scan(tmp_path / "scan.pdf", [KNOWN[:2], KNOWN[2:4], KNOWN[4:6]])
    started: list[int] = []
    offer = ocr.OcrAhead.offer

    def counting(self, page):
        before = len(self._jobs)
        offer(self, page)
        if len(self._jobs) > before:
            started.append(page.number)

    monkeypatch.setattr(ocr.OcrAhead, "at_most", 2)
    monkeypatch.setattr(ocr.OcrAhead, "offer", counting)
    ahead = PdfExtractor()(scan)
    assert started == [1, 2]
    monkeypatch.setattr(ocr.OcrAhead, "offer", lambda self, page: None)
    after = PdfExtractor()(scan)
    assert [[line.text for line in p.lines] for p in ahead.pages] == [[line.text for line in p.lines] for p in after.pages]
    assert ahead.ocr == after.ocr and len(ahead.ocr) == 3
