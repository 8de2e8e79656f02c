"""OCR for PDF pages without a usable text layer: PDFium renders the page, Tesseract reads it.

pypdfium2 (which ships its own PDFium) renders one page at a time to a greyscale image; pytesseract runs the
Debian ``tesseract`` program on it and returns words with boxes and confidences, which become the same
``Line``s the text layer gives (positions in PDF points, so the PDF cleaner finds paragraphs by spacing).
A page whose image is blank is not read (and not reported as scanned). Only one page image is alive at a
time, so memory stays flat however long the file is. PDFium is not thread-safe: one lock guards it.
"""

from __future__ import annotations

import logging
import os
import re
import statistics
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Annotated

from seekh_convert.model.document import Line

log = logging.getLogger(__name__)

_PDFIUM = threading.Lock()
_ENVIRON = threading.Lock()
_TOKEN_WORD = re.compile(r"^[(\"'“‘\[]?[^\W\d_]{2,}(?:[-'’][^\W\d_]+)*[)\"'”’\].,;:!?]*$")

#: How to get Tesseract when it is missing (the one-line fix in errors and warnings).
INSTALL_HINT = "install Tesseract, e.g. sudo apt-get install tesseract-ocr tesseract-ocr-eng (macOS: brew install tesseract)"

#: ISO 639-1 -> Tesseract language data names, for the languages an OCR run may be asked for.
TESSERACT_LANGUAGES = {
    "en": "eng", "de": "deu", "fr": "fra", "es": "spa", "it": "ita", "pt": "por", "nl": "nld", "ru": "rus",
    "ar": "ara", "zh": "chi_sim", "ja": "jpn", "ko": "kor", "th": "tha", "hi": "hin", "he": "heb", "pl": "pol",
    "tr": "tur", "uk": "ukr", "sv": "swe", "el": "ell",
}  # fmt: skip


@contextmanager
def _one_openmp_thread() -> Iterator[None]:
    """Tesseract's OpenMP threads fight over a busy machine's cores and make a page 5-7 times slower (pages are
    read one by one anyway), so its child process gets ``OMP_THREAD_LIMIT=1``. pytesseract passes the process's
    own environment, so the variable is set only around the call: left set, it would also cap the OpenMP of
    libraries loaded later in this process (CTranslate2 then computes wrong results)."""
    with _ENVIRON:
        before = os.environ.get("OMP_THREAD_LIMIT")
        os.environ["OMP_THREAD_LIMIT"] = "1"
        try:
            yield
        finally:
            if before is None:
                os.environ.pop("OMP_THREAD_LIMIT", None)
            else:
                os.environ["OMP_THREAD_LIMIT"] = before


def garbage_layer(text: str) -> bool:
    """True when a page's text layer is not text: mostly tokens that are no words (a stray, failed OCR layer)."""
    tokens = text.split()
    if not tokens:
        return False
    wordlike = sum(1 for t in tokens if _TOKEN_WORD.match(t))
    letters = sum(c.isalpha() for c in text)
    visible = sum(not c.isspace() for c in text)
    return wordlike < 0.5 * len(tokens) or letters < 0.5 * visible


def tesseract_missing() -> bool:
    """True when the ``tesseract`` program cannot be run."""
    try:
        import pytesseract

        pytesseract.get_tesseract_version()
    except Exception:  # TesseractNotFoundError, or a broken install
        return True
    return False


@dataclass
class OcrPage:
    """The lines Tesseract read on one page and its mean word confidence (0-100)."""

    lines: list[Line]
    confidence: float


class PageReader:
    """Renders and reads pages of one PDF (opened once, lazily)."""

    dpi: Annotated[int, "rendering resolution for OCR"] = 300
    max_side: Annotated[int, "longest side of a rendered page in pixels (huge pages are rendered smaller)"] = 4200
    blank_share: Annotated[float, "a page with fewer dark pixels than this share is blank"] = 0.002

    def __init__(self, data: bytes, password: str | None = None, language: str | None = None):
        self._data = data
        self.body_size = 10.0  # the stand-in font size of ordinary OCR lines
        self._password = password
        self._pdf = None
        self._language = language

    @property
    def _lang(self) -> str:
        return _tesseract_lang(self._language)

    def read(self, index: int) -> OcrPage | None:
        """The OCR lines of page ``index`` (0-based); None when the page is blank."""
        return self.lines_of(self.read_raw(index))

    def read_raw(self, index: int) -> tuple[dict, float, float] | None:
        """What Tesseract read on page ``index`` with the page's height and scale (None: blank), before its lines
        are sized against the body text (``lines_of``): the part that may run while other pages are extracted."""
        image, width, height, scale = self._render(index)
        if _dark_share(image) < self.blank_share:
            return None
        import pytesseract

        with _one_openmp_thread():
            data = pytesseract.image_to_data(image, lang=self._lang, config="--psm 3", output_type=pytesseract.Output.DICT)
        del image
        return data, height, scale

    def lines_of(self, raw: tuple[dict, float, float] | None) -> OcrPage | None:
        return None if raw is None else _page_of(raw[0], raw[1], raw[2], self.body_size)

    def image_share(self, index: int) -> float:
        """Share of page ``index`` covered by images (a scan is one image over the whole page)."""
        import pypdfium2.raw as pdfium_c

        with _PDFIUM:
            page = self._document()[index]
            try:
                width, height = page.get_size()
                covered = 0.0
                for image in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3):
                    left, bottom, right, top = image.get_bounds()
                    covered += max(0.0, min(right, width) - max(left, 0.0)) * max(0.0, min(top, height) - max(bottom, 0.0))
            finally:
                page.close()
        return min(1.0, covered / max(width * height, 1.0))

    def _document(self):
        """The PDFium document (opened on first use; call with the lock held)."""
        import pypdfium2 as pdfium

        if self._pdf is None:
            self._pdf = pdfium.PdfDocument(self._data, password=self._password)
        return self._pdf

    def _render(self, index: int):
        with _PDFIUM:
            page = self._document()[index]
            try:
                width, height = page.get_size()
                scale = min(self.dpi / 72, self.max_side / max(width, height, 1.0))
                bitmap = page.render(scale=scale, grayscale=True)
                image = bitmap.to_pil().copy()  # own the pixels: the bitmap's buffer goes with it
                bitmap.close()
            finally:
                page.close()
        return image, width, height, scale

    def close(self) -> None:
        with _PDFIUM:
            if self._pdf is not None:
                self._pdf.close()
                self._pdf = None


@lru_cache(maxsize=16)
def _tesseract_lang(language: str | None) -> str:
    """Tesseract's ``-l`` value: the requested language when its data is installed, else English (or what there is)."""
    import pytesseract

    try:
        installed = set(pytesseract.get_languages()) - {"osd"}
    except Exception:
        installed = set()
    wanted = TESSERACT_LANGUAGES.get(language or "", "")
    if wanted and wanted in installed:
        return wanted if wanted == "eng" or "eng" not in installed else f"{wanted}+eng"
    return "eng" if "eng" in installed or not installed else sorted(installed)[0]


def _dark_share(image) -> float:
    histogram = image.histogram()[:256]
    total = sum(histogram) or 1
    return sum(histogram[:160]) / total


#: Lines Tesseract reads with a mean confidence below this are noise, not text.
NOISE_CONFIDENCE = 40.0


def _page_of(data: dict, page_height: float, scale: float, body_size: float = 10.0) -> OcrPage:
    """Words grouped into lines (Tesseract's block/paragraph/line numbers), boxes converted to PDF points.

    A scan has no font sizes; a line's height stands in for it: the page's usual line height maps to
    ``body_size`` (every ordinary line gets exactly that, on every page, so the cleaner sees one body size and
    finds paragraphs by spacing), and clearly taller lines get a proportionally bigger size (so headings stand
    out as they do in a text layer).
    """
    groups: dict[tuple[int, int, int], list[int]] = {}
    for i, word in enumerate(data["text"]):
        if str(word).strip():
            key = (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
            groups.setdefault(key, []).append(i)
    boxes = []
    confidences: list[float] = []
    for indices in groups.values():
        text = " ".join(str(data["text"][i]).strip() for i in indices)
        line_conf = [float(data["conf"][i]) for i in indices if float(data["conf"][i]) >= 0]
        confidences.extend(line_conf)
        if garbage_layer(text) or (line_conf and statistics.fmean(line_conf) < NOISE_CONFIDENCE):
            continue  # speckles, chart marks and pictures read as letters
        left = min(int(data["left"][i]) for i in indices)
        top = min(int(data["top"][i]) for i in indices)
        bottom = max(int(data["top"][i]) + int(data["height"][i]) for i in indices)
        boxes.append((text, left / scale, page_height - bottom / scale, (bottom - top) / scale))
    body = statistics.median(h for *_, h in boxes) if boxes else 0.0
    lines = [Line(text=t, size=_size(h, body, body_size), x=round(x, 1), y=round(y, 1)) for t, x, y, h in boxes]
    return OcrPage(lines=lines, confidence=round(statistics.fmean(confidences), 1) if confidences else 0.0)


def _size(height: float, body: float, body_size: float) -> float:
    """The stand-in font size of a line: the body size, unless the line is clearly taller."""
    if body <= 0 or height < 1.4 * body:
        return body_size
    return round(body_size * height / body * 2) / 2


# -- which pages, and what happened --------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass
class OcrRun:
    """What OCR did to a document's pages."""

    wanted: int = 0  # pages that needed OCR
    missing: bool = False  # Tesseract is not installed: nothing was read
    blank: set[int] = field(default_factory=set)  # pages whose image is blank (not scanned text)


def needs_ocr(lines: list[Line]) -> bool:
    """A page may need OCR when its text layer holds no word, or looks like a failed OCR layer."""
    text = " ".join(line.text for line in lines)
    return not _WORD.search(text) or garbage_layer(text)


def _scanned(reader: PageReader, page) -> bool:
    """A page is read by OCR when it has no word, or when its garbage-looking layer sits on a page-sized image
    (a poor OCR layer over a scan; printer's marks and margin numbers on a typeset page are no reason)."""
    if not any(_WORD.search(line.text) for line in page.lines):
        return True
    try:
        return reader.image_share(page.number - 1) >= 0.5
    except Exception:  # PDFium cannot open the page: leave the layer as it is
        log.debug("cannot measure images on page %d", page.number, exc_info=True)
        return False


class OcrAhead:
    """Tesseract reading the textless pages (``--ocr auto``) found while the text layer of the pages after them is
    still being extracted: Tesseract is a process of its own, so a scanned cover costs no time on a second core
    (the 352-page book: about 1 s of its 20). ``apply_ocr`` takes the readings; its output is the same."""

    at_most: Annotated[int, "pages read ahead at most (a scanned book's other pages are read in turn afterwards)"] = 4

    def __init__(self, data: bytes, password: str | None, mode: str, language: str | None = None):
        self.mode = mode
        self.reader: PageReader | None = None
        self._args = (data, password, language)
        self._jobs: dict[int, object] = {}
        self._pool = None
        self._missing: bool | None = None

    def offer(self, page) -> None:
        """Start reading ``page`` (a ``RawPage`` just extracted) if ``apply_ocr`` will read it."""
        if self.mode != "auto" or not needs_ocr(page.lines) or len(self._jobs) >= self.at_most:
            return
        if self._missing is None:
            self._missing = tesseract_missing()
        if self._missing:
            return
        if self.reader is None:
            self.reader = PageReader(*self._args)
        if not _scanned(self.reader, page):
            return
        if self._pool is None:
            from concurrent.futures import ThreadPoolExecutor

            self._pool = ThreadPoolExecutor(1, thread_name_prefix="ocr-ahead")
        self._jobs[page.number] = self._pool.submit(self.reader.read_raw, page.number - 1)

    def take(self, number: int):
        """The reading started for page ``number`` (raises what reading it raised), or None when none was."""
        job = self._jobs.pop(number, None)
        return None if job is None else job.result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def apply_ocr(
    doc, data: bytes, password: str | None, mode: str, language: str | None = None, ahead: OcrAhead | None = None
) -> OcrRun:
    """Replace the lines of pages without a usable text layer (all pages for ``always``) by Tesseract's reading
    (``ahead``: the pages already being read)."""
    run = OcrRun()
    if mode == "never":
        return run
    candidates = [page for page in doc.pages if mode == "always" or needs_ocr(page.lines)]
    if not candidates:
        return run
    reader = ahead.reader if ahead is not None and ahead.reader is not None else PageReader(data, password, language)
    started = set(ahead._jobs) if ahead is not None else set()
    failures: list[tuple[int, str]] = []
    try:
        targets = candidates if mode == "always" else [p for p in candidates if p.number in started or _scanned(reader, p)]
        run.wanted = len(targets)
        if targets and tesseract_missing():
            run.missing = True
            return run
        reader.body_size = _body_size(doc, targets)
        for page in targets:
            try:
                result = reader.lines_of(ahead.take(page.number)) if page.number in started else reader.read(page.number - 1)
            except Exception as exc:  # PDFium or Tesseract failing on one page: the others go on
                log.debug("OCR failed on page %d", page.number, exc_info=True)
                failures.append((page.number, (str(exc).splitlines() or [type(exc).__name__])[0][:120]))
                continue
            _use(page, result, doc, run, keep_layer=mode == "always")
    finally:
        if ahead is not None:
            ahead.close()
        reader.close()
    if failures:
        numbers = ", ".join(str(n) for n, _ in failures[:10]) + (" ..." if len(failures) > 10 else "")
        doc.warnings.append(f"OCR failed on page(s) {numbers} ({failures[0][1]})")
    _warn_low_confidence(doc)
    return run


def _body_size(doc, targets) -> float:
    """The font size carrying most text on the pages that keep their text layer (10 pt when there are none)."""
    skip = {id(page) for page in targets}
    weights: dict[float, int] = {}
    for page in doc.pages:
        if id(page) not in skip:
            for line in page.lines:
                if line.size > 0:
                    weights[line.size] = weights.get(line.size, 0) + len(line.text)
    return max(weights, key=lambda size: (weights[size], size)) if weights else 10.0


def _use(page, result: OcrPage | None, doc, run: OcrRun, keep_layer: bool) -> None:
    if result is None:
        run.blank.add(page.number)
        if not keep_layer:
            page.lines = []  # a blank image under a stray layer: nothing to read
        return
    doc.ocr[page.number] = result.confidence
    if result.lines:
        page.lines = result.lines
    elif not keep_layer:
        page.lines = []


#: Pages read with a mean word confidence below this are reported.
LOW_CONFIDENCE = 60.0


def _warn_low_confidence(doc) -> None:
    low = sorted((n, c) for n, c in doc.ocr.items() if c < LOW_CONFIDENCE)
    if low:
        shown = ", ".join(f"p. {n} ({c:.0f}%)" for n, c in low[:8]) + (" ..." if len(low) > 8 else "")
        doc.warnings.append(f"low OCR confidence on {len(low)} page(s): {shown}; quotes from them may be misread, check the scan")
