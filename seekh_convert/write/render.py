"""Render an output folder in the chosen formats, from its validated guides (after hand edits, too).

Every guide is validated first; when one does not validate, nothing is written (what was rendered before
stays as it was) and each error is reported with its JSON path. The editors' decisions are applied: edits
replace items, rejected items are left out, and with ``approved_only`` so is every item not yet approved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from seekh_convert.errors import OutputError, SeekhError
from seekh_convert.write.anki import AnkiWriter
from seekh_convert.write.gift import GiftWriter
from seekh_convert.write.library import Library, load_library
from seekh_convert.write.markdown import MarkdownWriter
from seekh_convert.write.qti import QtiWriter
from seekh_convert.write.review import FILENAME as REVIEW_FILE
from seekh_convert.write.site import SiteWriter
from seekh_convert.write.tsv import TsvWriter

#: Every output format, and what it writes.
FORMATS = {
    "json": "guide.json per topic (always written by convert; the source of every other format)",
    "md": "guide.md per topic",
    "html": "the study site: summary, flashcards and practice pages per topic; index.html (library), qa.html",
    "anki": "<input>.apkg: an Anki deck per document, a sub-deck per topic",
    "tsv": "<input>.anki.txt (Anki import text) and <input>.quizlet.txt (Quizlet import)",
    "gift": "<input>.gift: Moodle GIFT questions, a category per topic",
    "qti": "<input>.qti.zip: QTI 1.2 quizzes for Canvas, one per topic",
}
DEFAULT_FORMATS = ("json", "md", "html")
DOCUMENT_WRITERS = {"anki": AnkiWriter(), "tsv": TsvWriter(), "gift": GiftWriter(), "qti": QtiWriter()}


@dataclass
class RenderReport:
    written: list[Path] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one line each; when any, nothing was written
    notes: list[str] = field(default_factory=list)  # one line each: what was left out on purpose, and why


def _content_time(library: Library, input_name: str) -> float:
    """When a document's guides (or their review decisions) last changed: the time stamp of its Anki notes."""
    times = [
        p.stat().st_mtime
        for e in library.entries
        if e.input == input_name
        for p in (e.folder / "guide.json", e.folder / REVIEW_FILE)
        if p.exists()
    ]
    return max(times, default=0.0)


def render(root: Path, formats: list[str] | tuple[str, ...], approved_only: bool = False) -> RenderReport:
    """Write ``formats`` for every guide under ``root``; refuse (write nothing) when any guide is invalid."""
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown:
        return RenderReport(errors=[f"unknown format(s) {', '.join(unknown)}; choose from {', '.join(FORMATS)}"])
    try:
        library = load_library(root)
    except SeekhError as exc:
        return RenderReport(errors=[str(exc)])
    if library.errors:
        return RenderReport(errors=[*library.errors, f"{root}: nothing rendered; fix the guide(s) above and run render again"])
    if not library.entries:
        return RenderReport(
            errors=[f"{root}: no guide.json found under <input>/<topic>/; pass the output folder of a conversion"]
        )
    report = RenderReport()
    try:
        _write(library, formats, approved_only, report)
    except SeekhError as exc:  # a write failed (disk full, permissions): what was written stays, the rest is reported
        report.errors.append(str(exc))
    return report


_HELD = " approved yet"


def _drop_stale(paths: list[Path]) -> None:
    """Remove an export an earlier render wrote, so that it cannot stand for the guides as they are now."""
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot remove the stale {path} ({exc.strerror}); remove it by hand") from None


def _write(library: Library, formats: list[str] | tuple[str, ...], approved_only: bool, report: RenderReport) -> None:
    root = library.root
    if "md" in formats:
        markdown = MarkdownWriter()
        for entry in library.entries:
            report.written.append(markdown(entry.reviewed(approved_only), entry.folder, entry.guide))
    for document in library.documents:
        guides = [(e.folder.name, e.reviewed(approved_only)) for e in document.entries]
        stamp = _content_time(library, document.input)
        for name, writer in DOCUMENT_WRITERS.items():
            if name not in formats:
                continue
            folder = root / document.input
            if not any(getattr(g, writer.items) for _, g in guides):  # an empty deck or quiz is no file at all
                _drop_stale(writer.outputs(folder))
                held = _HELD if approved_only else ""
                report.notes.append(f"{document.input}: no {writer.items}{held}, so no {name} export was written")
                continue
            report.written.extend(writer(document.title, guides, folder, stamp))
    if "html" in formats:
        report.written.extend(SiteWriter()(library, approved_only))
