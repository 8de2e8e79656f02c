"""Read a PDF's text layer, page by page, with the typography clean needs (size, bold runs)."""

from __future__ import annotations

import dataclasses
import io
import logging
import math
import re
import warnings
from pathlib import Path
from typing import Annotated, Any

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError, WrongPasswordError
from pypdf.generic import Destination

from seekh_convert.errors import InputError
from seekh_convert.model.document import Document, Line, OutlineEntry, RawPage, SourceKind
from seekh_convert.read.ocr import INSTALL_HINT, OcrAhead, OcrRun, apply_ocr
from seekh_convert.read.pdfium_text import BOLD_NAME, PdfiumPages, better, misread
from seekh_convert.text.normalize import normalize_ws, strip_controls

#: What pypdf raises on broken files besides its own errors (it is not always careful).
_PDF_ERRORS = (PyPdfError, ValueError, KeyError, TypeError, IndexError, AttributeError, AssertionError, RecursionError)
_WORD = re.compile(r"[^\W\d_]{2,}")
#: Metadata titles that name no document: a placeholder, a file name, a typesetter's path ("D:\TEXTBOOKS\...\Unit 3.pmd",
#: set 39's NCERT chapter, which became its first topic's title).
_BAD_TITLES = re.compile(
    r"^(untitled|microsoft (word|powerpoint)|document\d*$|slide\s*\d*$)|^[a-z]:[\\/]|\\"
    r"|\.(pdf|docx?|pptx?|txt|tex|odt|rtf|pmd|p65|indd|qxd|qxp|ps|dvi|wpd|pub|idml|cdr)$",
    re.IGNORECASE,
)


def _silence_pypdf() -> None:
    """pypdf logs font warnings by the hundred on real files: keep only its errors, for good.

    Set once, not around each extraction: documents are read in parallel threads, and a level
    restored by one thread would let another thread's warnings through.
    """
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    warnings.filterwarnings("ignore", module=r"pypdf(\.|$)")


_silence_pypdf()


class PdfExtractor:
    """Turn a PDF file into a ``Document`` whose ``pages`` hold lines with font size and bold runs."""

    words_per_page: Annotated[int, "mostly-empty files with fewer words than this per page count as scanned"] = 20
    max_pages: int | None = None

    def __call__(
        self,
        path: Path,
        password: str | None = None,
        ocr: str = "auto",
        max_pages: int | None = None,
        language: str | None = None,
    ) -> Document:
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"{path.name}: cannot read file ({exc.strerror or exc}); check the path") from exc
        self.max_pages = max_pages
        reader = self._open(path, data, password)
        doc = Document(path=path, kind=SourceKind.PDF)
        doc.metadata = _metadata(reader)
        ahead = OcrAhead(data, password, ocr, language)
        second = PdfiumPages(data, password)
        try:
            failed = self._read_pages(reader, doc, path, ahead, second)
            doc.outline = _outline(reader, doc)
            doc.page_labels = _page_labels(reader)
            run = apply_ocr(doc, data, password, ocr, language, ahead)
        finally:
            ahead.close()
            second.close()
        _refuse_xfa_placeholder(reader, doc, path)
        self._check_text(doc, path, failed, run, ocr)
        meta = doc.metadata.get("Title", "")
        doc.title = meta if meta and not _BAD_TITLES.search(meta) and _WORD.search(meta) else ""
        return doc

    def _open(self, path: Path, data: bytes, password: str | None) -> PdfReader:
        """Open leniently (pypdf's strict=False recovery) and decrypt; every failure is an InputError."""
        if b"%PDF" not in data[:1024]:
            raise InputError(f"{path.name} is not a PDF (no %PDF header); check the file type")
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                _decrypt(reader, path, password)
            reader.pages[0]
        except InputError:
            raise
        except _PDF_ERRORS as exc:
            raise InputError(
                f"{path.name} is damaged or truncated and could not be recovered ({_one_line(exc)}); "
                "re-download it or repair it, e.g. qpdf input.pdf fixed.pdf"
            ) from exc
        return reader

    def _read_pages(
        self, reader: PdfReader, doc: Document, path: Path, ahead: OcrAhead | None = None, second: PdfiumPages | None = None
    ) -> int:
        """Fill ``doc.pages``; a page that fails is skipped with a warning, a page pypdf misreads (``misread``) is read
        again by PDFium. Returns how many failed."""
        failed = 0
        try:
            count = len(reader.pages)
        except _PDF_ERRORS as exc:
            raise InputError(f"{path.name}: cannot read its page tree ({_one_line(exc)}); repair it, e.g. with qpdf") from exc
        if self.max_pages is not None and count > self.max_pages:
            raise InputError(
                f"{path.name} has {count} pages, more than --max-pages {self.max_pages}; raise --max-pages or split the file"
            )
        for number in range(1, count + 1):
            try:
                lines = _page_lines(reader.pages[number - 1])
                if second is not None and misread("\n".join(line.text for line in lines)):
                    lines = better(lines, second.lines(number))
            except _PDF_ERRORS as exc:
                lines = second.lines(number) if second is not None else None
                if not lines:  # (PDFium reads a page pypdf gives up on: "maximum number of tokens per stream", set 37)
                    failed += 1
                    doc.warnings.append(f"page {number}: text extraction failed, page skipped ({_one_line(exc)})")
                    continue
            doc.pages.append(RawPage(number=number, lines=[_unprinted(line) for line in lines]))
            if ahead is not None:
                ahead.offer(doc.pages[-1])
        return failed

    def _check_text(self, doc: Document, path: Path, failed: int, run: OcrRun, mode: str) -> None:
        """Refuse files without usable text (after OCR); warn about pages without text. Blank pages count as neither.

        A file is "scanned" when no page has a word, or when most pages have none and the rest
        hold only a few words each (typical of a stray OCR fragment on one page).
        """
        if failed and not doc.pages:
            raise InputError(f"{path.name} is damaged: no page could be read; repair it, e.g. with qpdf")
        pages = [page for page in doc.pages if page.number not in run.blank]
        counts = [sum(len(_WORD.findall(line.text)) for line in page.lines) for page in pages]
        with_text = sum(1 for c in counts if c)
        scarce = with_text < len(counts) / 2 and sum(counts) < self.words_per_page * len(counts)
        if not with_text or scarce:
            raise InputError(_no_text_message(path, run, mode, blank=not pages))
        if with_text < len(counts):
            missing = f"{len(counts) - with_text} of {len(counts)} pages"
            if doc.ocr:
                doc.warnings.append(f"{missing} have no readable text, even by OCR (pictures or charts)")
            else:
                hint = f"; {INSTALL_HINT} to read them" if run.missing else ""
                doc.warnings.append(f"{missing} have no text layer (scanned or images){hint}")


def _no_text_message(path: Path, run: OcrRun, mode: str, blank: bool) -> str:
    if blank:
        return f"{path.name}: every page is blank; nothing to convert"
    if run.missing:
        return f"{path.name} has no text layer (scanned?) and Tesseract, which reads scans, is not installed; {INSTALL_HINT}"
    if mode != "never" and run.wanted:
        return f"{path.name}: OCR found no readable text on its pages (pictures only, or a very poor scan); check the file"
    return f"{path.name} has no text layer (scanned?); run OCR first, e.g. ocrmypdf {path.name} out.pdf"


_XFA_PLACEHOLDER = re.compile(r"please wait|this document.{0,80}(adobe|reader)|if this message is not eventually replaced", re.I)


def _refuse_xfa_placeholder(reader: PdfReader, doc: Document, path: Path) -> None:
    """An XFA form (Adobe LiveCycle) whose pages only hold the "Please wait..." placeholder has no content to read."""
    try:
        form = reader.trailer["/Root"].get_object().get("/AcroForm")
        xfa = form is not None and form.get_object().get("/XFA") is not None
    except _PDF_ERRORS:
        return
    text = " ".join(line.text for page in doc.pages for line in page.lines)
    if xfa and _XFA_PLACEHOLDER.search(text) and len(_WORD.findall(text)) < 120:
        raise InputError(
            f'{path.name} is an XFA form (Adobe LiveCycle): outside Adobe Reader it only says "Please wait..."; '
            "open it in Adobe Reader, print it to PDF and convert that"
        )


def _decrypt(reader: PdfReader, path: Path, password: str | None) -> None:
    try:
        ok = reader.decrypt(password if password is not None else "")
    except DependencyError as exc:
        raise InputError(f"{path.name} uses encryption this install cannot open ({exc}); install cryptography") from exc
    except (FileNotDecryptedError, WrongPasswordError):
        ok = 0
    if not ok:
        if password is None:
            raise InputError(f"{path.name} is encrypted; pass --password")
        raise InputError(f"{path.name} is encrypted and the password is wrong; pass the right --password")


def _one_line(exc: BaseException) -> str:
    text = normalize_ws(str(exc)) or type(exc).__name__
    return text[:160]


# -- lines with typography ---------------------------------------------------------------------------------

#: One piece of text as pypdf emits it: text, font size, bold, (x, y) origin.
_Fragment = tuple[str, float, bool, tuple[float, float] | None]


def _page_lines(page: Any) -> list[Line]:
    """Lines of one page; each fragment pypdf emits carries its font size and weight."""
    fragments: list[_Fragment] = []
    fonts: dict[int, bool] = {}

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text:
            fragments.append((text, _effective_size(size, cm, tm), _font_is_bold(font, fonts), _origin(cm, tm)))

    text = page.extract_text(visitor_text=visit)
    if "".join(f[0] for f in fragments) != text:  # pypdf reordered or added text: keep the text, lose typography
        return [Line(text=t) for t in text.splitlines()]
    return _split_lines(fragments)


#: A piece of text drawn several times over itself, as some typesetters fake bold ("Ttttthehehehehe F F F F
#: Fundamentalundamentalundamental..." for "The Fundamental", set 49's NCERT chapter title).
_REDRAWN = re.compile(r"([^\W\d_]{1,12}?)\1{3,}", re.I)
_SPACED_REDRAWN = re.compile(r"\b([^\W\d_])(?: \1){2,}(?=\w)")


def _unprinted(line: Line) -> Line:
    """``line`` with text drawn over itself written once, where at least two of its pieces were."""
    if len(_REDRAWN.findall(line.text)) + len(_SPACED_REDRAWN.findall(line.text)) < 2:
        return line

    def once(text: str) -> str:
        return _REDRAWN.sub(r"\1", _SPACED_REDRAWN.sub(r"\1", text))

    return dataclasses.replace(line, text=once(line.text), bold_spans=tuple(once(s) for s in line.bold_spans))


def _split_lines(fragments: list[_Fragment]) -> list[Line]:
    lines: list[Line] = []
    current: list[_Fragment] = []
    for text, size, bold, origin in fragments:
        parts = text.split("\n")
        for i, part in enumerate(parts):
            if i:
                lines.append(_make_line(current))
                current = []
            if part:
                current.append((part, size, bold, origin if i == 0 else None))  # after a break the origin is stale
    if current:
        lines.append(_make_line(current))
    return lines


def _make_line(segments: list[_Fragment]) -> Line:
    text = "".join(s[0] for s in segments)
    weight: dict[float, int] = {}
    for seg, size, _, _ in segments:
        chars = len(seg.strip())
        if chars and size > 0:
            weight[size] = weight.get(size, 0) + chars
    size = max(weight, key=lambda s: (weight[s], s)) if weight else 0.0
    inked = [(seg, bold) for seg, _, bold, _ in segments if seg.strip()]
    all_bold = bool(inked) and all(bold for _, bold in inked)
    origin = next((o for seg, _, _, o in segments if seg.strip()), None)
    x, y = origin if origin else (None, None)
    return Line(text=text, size=size, bold=all_bold, bold_spans=_bold_runs(segments), x=x, y=y)


def _bold_runs(segments: list[_Fragment]) -> tuple[str, ...]:
    """Runs of bold text; whitespace-only segments neither start nor break a run."""
    runs: list[str] = []
    run = ""
    for seg, _, bold, _ in segments:
        if bold or (run and not seg.strip()):
            run += seg
        else:
            runs.append(run)
            run = ""
    runs.append(run)
    return tuple(r for r in (normalize_ws(r) for r in runs) if any(c.isalnum() for c in r))


def _origin(cm: list[float], tm: list[float]) -> tuple[float, float] | None:
    """Where a fragment starts on the page: the text matrix's origin mapped through the CTM."""
    try:
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        return round(float(x), 1), round(float(y), 1)
    except (TypeError, IndexError, ValueError):
        return None


def _effective_size(size: float, cm: list[float], tm: list[float]) -> float:
    """Font size in points after the text and current transformation matrices."""
    try:
        c = tm[2] * cm[0] + tm[3] * cm[2]
        d = tm[2] * cm[1] + tm[3] * cm[3]
        scale = math.hypot(c, d) or 1.0
        return round(abs(float(size)) * scale, 1)
    except (TypeError, IndexError, ValueError):
        return round(abs(float(size or 0)), 1)


def _font_is_bold(font: Any, cache: dict[int, bool]) -> bool:
    if not font:
        return False
    key = id(font)
    if key not in cache:
        cache[key] = _bold_from_dict(font)
    return cache[key]


def _bold_from_dict(font: Any) -> bool:
    name = str(font.get("/BaseFont", "") or "")
    if BOLD_NAME.search(name.split("+")[-1]):
        return True
    descriptor = font.get("/FontDescriptor")
    if descriptor is None and "/DescendantFonts" in font:
        descendants = font["/DescendantFonts"].get_object()
        if descendants:
            descriptor = descendants[0].get_object().get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    try:
        return float(descriptor.get("/FontWeight", 0)) >= 600
    except (TypeError, ValueError):
        return False


# -- metadata, outline, title ------------------------------------------------------------------------------


def _page_labels(reader: PdfReader) -> dict[int, str]:
    """The printed page labels (``/PageLabels``: "xii", "50") that differ from the page's number, by 1-based page."""
    try:
        if "/PageLabels" not in reader.trailer["/Root"]:
            return {}
        labels = reader.page_labels
    except _PDF_ERRORS:
        return {}  # a damaged label tree: pages keep their numbers
    out = {}
    for number, label in enumerate(labels, 1):
        text = normalize_ws(strip_controls(str(label)))[:40]
        if text and text != str(number):
            out[number] = text
    return out


def _metadata(reader: PdfReader) -> dict[str, str]:
    try:
        info = reader.metadata or {}
        pairs = {str(k).lstrip("/"): normalize_ws(str(v)) for k, v in info.items() if isinstance(v, str)}
    except _PDF_ERRORS:
        pairs = {}
    pairs = {k: v for k, v in pairs.items() if v}
    return pairs


def _outline(reader: PdfReader, doc: Document) -> list[OutlineEntry]:
    try:
        tree = reader.outline
    except _PDF_ERRORS as exc:
        doc.warnings.append(f"bookmarks unreadable, ignored ({_one_line(exc)})")
        return []
    entries: list[OutlineEntry] = []
    _walk_outline(reader, tree, 1, entries)
    return entries


def _walk_outline(reader: PdfReader, items: list[Any], level: int, out: list[OutlineEntry]) -> None:
    for item in items:
        if isinstance(item, list):
            _walk_outline(reader, item, level + 1, out)
        elif isinstance(item, Destination):
            try:
                page = reader.get_destination_page_number(item)
            except _PDF_ERRORS:
                page = None
            title = normalize_ws(str(item.title or ""))
            if title and page is not None and page >= 0:
                out.append(OutlineEntry(title=title, level=level, page=page + 1))
