"""Flashcards as import text: Anki's tab-separated format with its header lines, and Quizlet's term/definition."""

from __future__ import annotations

import html
from pathlib import Path

from seekh_convert.files import atomic_write_text
from seekh_convert.model.guide import StudyGuide
from seekh_convert.text.normalize import normalize_ws, strip_controls
from seekh_convert.write.anki import GAP, card_guid

ANKI_HEADER = (
    "#separator:tab",
    "#html:true",
    "#guid column:1",
    "#notetype column:2",
    "#deck column:3",
    "#tags column:6",
    "#columns:GUID\tNotetype\tDeck\tFront or Text\tBack or Back Extra\tTags",
)


def _cell(text: str) -> str:
    """One line of plain text: no tab, newline or control character can break the row."""
    return normalize_ws(strip_controls(text))


def _html(text: str) -> str:
    return html.escape(_cell(text), quote=True)


def anki_rows(title: str, name: str, guide: StudyGuide) -> list[str]:
    """Rows for Anki's built-in Basic and Cloze note types; the source and quote go on the back."""
    deck = f"{_cell(title).replace('::', ':')}::{_cell(f'{guide.provenance.topic_index:02d} {guide.topic}').replace('::', ':')}"
    rows = []
    for card in guide.flashcards or []:
        source = (
            f'<div class="source">Source: {_html(card.source.label())}<blockquote>{_html(card.source.quote)}</blockquote></div>'
        )
        if card.kind == "cloze" and GAP in card.front:
            before, _, after = card.front.partition(GAP)
            gap = _html(card.back).replace(":", "&#58;").replace("}", "&#125;")
            note, front, back = "Cloze", f"{_html(before)}{{{{c1::{gap}}}}}{_html(after)}", source
        else:
            note, front, back = "Basic", _html(card.front), f"{_html(card.back)}{source}"
        guid = card_guid(guide.provenance.source_file, card)
        rows.append("\t".join([guid, note, html.escape(deck, quote=True), front, back, "seekh-convert"]))
    return rows


def quizlet_rows(guide: StudyGuide) -> list[str]:
    """``term<TAB>definition`` per card, as Quizlet's import reads it (tab between, newline after)."""
    return [f"{_cell(card.front)}\t{_cell(card.back)}" for card in guide.flashcards or []]


class TsvWriter:
    """Writes ``<input>.anki.txt`` (Anki: File > Import) and ``<input>.quizlet.txt`` (Quizlet: Import)."""

    def __call__(self, title: str, guides: list[tuple[str, StudyGuide]], folder: Path, timestamp: float) -> list[Path]:
        anki = list(ANKI_HEADER)
        quizlet: list[str] = []
        for name, guide in guides:
            anki.extend(anki_rows(title, name, guide))
            quizlet.extend(quizlet_rows(guide))
        paths = [folder / f"{folder.name}.anki.txt", folder / f"{folder.name}.quizlet.txt"]
        atomic_write_text(paths[0], "\n".join(anki) + "\n")
        atomic_write_text(paths[1], "\n".join(quizlet) + ("\n" if quizlet else ""))
        return paths
