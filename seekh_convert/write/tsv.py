"""Flashcards as import text: Anki's tab-separated format with its header lines, and Quizlet's term/definition.

Both are opened in spreadsheets too, so no cell may start a formula (OWASP CSV injection): a text cell that
starts with ``=``, ``+``, ``-`` or ``@`` gets a leading ``'`` in Quizlet's plain text, its first character as
an HTML character reference in Anki's HTML columns (Anki shows the same text); the deck column is plain
text (``anki.topic_deck``). Tabs and line breaks never reach a cell. The GUID column is a hash (genanki's base91 of a SHA-256), not text a document can choose.
"""

from __future__ import annotations

import html
from pathlib import Path

from seekh_convert.files import atomic_write_text
from seekh_convert.model.guide import StudyGuide
from seekh_convert.text.normalize import normalize_ws, strip_controls
from seekh_convert.write.anki import FORMULA_START, GAP, card_guid, topic_deck

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


def plain_cell(text: str) -> str:
    """A Quizlet cell: one line, a formula start neutralised with a leading ``'``."""
    cell = _cell(text)
    return f"'{cell}" if cell.startswith(FORMULA_START) else cell


def html_cell(cell: str) -> str:
    """An HTML cell whose first character cannot start a formula (it becomes a character reference)."""
    return f"&#{ord(cell[0])};{cell[1:]}" if cell.startswith(FORMULA_START) else cell


def anki_rows(title: str, name: str, guide: StudyGuide) -> list[str]:
    """Rows for Anki's built-in Basic and Cloze note types; the source and quote go on the back."""
    deck = topic_deck(title, guide)
    rows = []
    for card in guide.flashcards or []:
        source = (
            f'<div class="source">Source: {_html(card.source.label())}<blockquote>{_html(card.source.quote)}</blockquote></div>'
        )
        if card.kind == "cloze" and GAP in card.front:
            # cut the one-line text at the gap, so the spaces around the gap stay (as in the .apkg)
            before, _, after = _cell(card.front).partition(GAP)
            gap = _html(card.back).replace(":", "&#58;").replace("}", "&#125;")
            text = f"{html.escape(before, quote=True)}{{{{c1::{gap}}}}}{html.escape(after, quote=True)}"
            note, front, back = "Cloze", text, source
        else:
            note, front, back = "Basic", _html(card.front), f"{_html(card.back)}{source}"
        guid = card_guid(guide.provenance.source_file, card)
        cells = [deck, html_cell(front), html_cell(back)]
        rows.append("\t".join([guid, note, *cells, "seekh-convert"]))
    return rows


def quizlet_rows(guide: StudyGuide) -> list[str]:
    """``term<TAB>definition`` per card, as Quizlet's import reads it (tab between, newline after)."""
    return [f"{plain_cell(card.front)}\t{plain_cell(card.back)}" for card in guide.flashcards or []]


class TsvWriter:
    """Writes ``<input>.anki.txt`` (Anki: File > Import) and ``<input>.quizlet.txt`` (Quizlet: Import)."""

    items = "flashcards"

    def outputs(self, folder: Path) -> list[Path]:
        return [folder / f"{folder.name}.anki.txt", folder / f"{folder.name}.quizlet.txt"]

    def __call__(self, title: str, guides: list[tuple[str, StudyGuide]], folder: Path, timestamp: float) -> list[Path]:
        anki = list(ANKI_HEADER)
        quizlet: list[str] = []
        for name, guide in guides:
            anki.extend(anki_rows(title, name, guide))
            quizlet.extend(quizlet_rows(guide))
        paths = self.outputs(folder)
        atomic_write_text(paths[0], "\n".join(anki) + "\n")
        atomic_write_text(paths[1], "\n".join(quizlet) + "\n")
        return paths
