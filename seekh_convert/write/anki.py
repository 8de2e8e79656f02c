"""Anki ``.apkg`` (genanki): a deck per document, a sub-deck per topic, Basic and Cloze notes.

Note GUIDs come from content identity (the source file, the card's kind and its prompt), so importing an
updated run into Anki updates the notes it already has instead of adding duplicates; the source and its
quote are on the back of every card. Fields are HTML in Anki, so every text is escaped.
"""

from __future__ import annotations

import html
import tempfile
from pathlib import Path

import genanki

from seekh_convert.files import atomic_write_bytes
from seekh_convert.model.guide import Flashcard, StudyGuide
from seekh_convert.text.normalize import strip_controls
from seekh_convert.write.items import digest

GAP = "_____"
_CSS = ".card { font-family: system-ui, sans-serif; font-size: 20px; text-align: left; color: #1f2933; background: #fff; }\n.source { margin-top: 1em; font-size: 14px; color: #4b5563; }\nblockquote { margin: .3em 0; padding-left: .6em; border-left: 3px solid #d1d5db; }\n.cloze { font-weight: bold; color: #1d4ed8; }"
_BACK_SOURCE = '<div class="source">Source: {{Source}}<blockquote>{{Quote}}</blockquote></div>'

# Fixed model ids: the same note types across runs and across documents.
BASIC = genanki.Model(
    1607392319,
    "seekh-convert Basic",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Source"}, {"name": "Quote"}],
    templates=[
        {
            "name": "Card 1",
            "qfmt": "{{Front}}",
            "afmt": '{{FrontSide}}<hr id="answer">{{Back}}' + _BACK_SOURCE,
        }
    ],
    css=_CSS,
)
CLOZE = genanki.Model(
    1607392320,
    "seekh-convert Cloze",
    fields=[{"name": "Text"}, {"name": "Back Extra"}, {"name": "Source"}, {"name": "Quote"}],
    templates=[{"name": "Cloze", "qfmt": "{{cloze:Text}}", "afmt": "{{cloze:Text}}<br>{{Back Extra}}" + _BACK_SOURCE}],
    css=_CSS,
    model_type=genanki.Model.CLOZE,
)


def _text(value: str) -> str:
    """Plain text as an Anki field (HTML): escaped, line breaks kept."""
    return html.escape(strip_controls(value), quote=False).replace("\n", "<br>")


def _cloze_answer(value: str) -> str:
    """The gap's text inside ``{{c1::...}}``: escaped so that ``::`` and ``}}`` cannot end it early."""
    return _text(value).replace(":", "&#58;").replace("}", "&#125;")


def card_guid(source_file: str, card: Flashcard) -> str:
    """The note's identity: where it comes from and what it asks (not its answer, which an edit may change)."""
    return genanki.guid_for(source_file, card.kind, card.front)


def deck_id(*names: str) -> int:
    """A stable deck id in Anki's range from the deck's identity."""
    return (1 << 30) + int(digest(*names), 16) % (1 << 30)


def note_for(guide: StudyGuide, card: Flashcard, topic: str) -> genanki.Note:
    """One Basic or Cloze note; a cloze card without its gap becomes a Basic note."""
    where, quote = _text(card.source.label()), _text(card.source.quote)
    tags = ["seekh-convert", f"topic::{digest(guide.provenance.source_file, topic, length=8)}"]
    if card.kind == "cloze" and GAP in card.front:
        before, _, after = card.front.partition(GAP)
        text = f"{_text(before)}{{{{c1::{_cloze_answer(card.back)}}}}}{_text(after)}"
        return genanki.Note(CLOZE, [text, "", where, quote], guid=card_guid(guide.provenance.source_file, card), tags=tags)
    return genanki.Note(
        BASIC,
        [_text(card.front), _text(card.back), where, quote],
        guid=card_guid(guide.provenance.source_file, card),
        tags=tags,
    )


class AnkiWriter:
    """Writes ``<input>.apkg`` into a document's folder: a deck named after the document, a sub-deck per topic."""

    suffix = ".apkg"
    items = "flashcards"

    def outputs(self, folder: Path) -> list[Path]:
        return [folder / f"{folder.name}{self.suffix}"]

    def __call__(self, title: str, guides: list[tuple[str, StudyGuide]], folder: Path, timestamp: float) -> list[Path]:
        decks = []
        for name, guide in guides:
            if not guide.flashcards:
                continue  # no empty sub-deck (a topic without cards, or none approved yet)
            deck_name = topic_deck(title, guide)
            deck = genanki.Deck(deck_id(folder.name, name), deck_name)
            for card in guide.flashcards or []:
                deck.add_note(note_for(guide, card, name))
            decks.append(deck)
        path = self.outputs(folder)[0]
        with tempfile.TemporaryDirectory() as tmp:
            staging = Path(tmp) / "deck.apkg"
            genanki.Package(decks).write_to_file(str(staging), timestamp=timestamp)
            atomic_write_bytes(path, staging.read_bytes())
        return [path]


#: Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def topic_deck(title: str, guide: StudyGuide) -> str:
    """``Document::NN Topic``, the same in the .apkg and the import text. A title that would start a formula in
    the import text's deck cell (opened in a spreadsheet) gets a leading ``'``: Anki does not decode that cell."""
    document = _deck_part(title)
    if document.startswith(FORMULA_START):
        document = f"'{document}"
    return f"{document}::{_deck_part(f'{guide.provenance.topic_index:02d} {guide.topic}')}"


def _deck_part(name: str) -> str:
    """A deck name part: ``::`` separates sub-decks in Anki, so it cannot appear inside one."""
    return " ".join(strip_controls(name).replace("::", ":").split()) or "Untitled"
