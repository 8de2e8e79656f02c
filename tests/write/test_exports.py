"""Exports parse back: the .apkg opens in Anki's own library, GIFT and QTI give the same questions and keys."""

from __future__ import annotations

import html
import json
import os
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.import_export_pb2 import ImportAnkiPackageUpdateCondition

from seekh_convert.model.guide import StudyGuide
from seekh_convert.write.gift import gift_escape
from seekh_convert.write.render import render

pytest_plugins = ["publishing"]


def _guides(root: Path, input_name: str) -> list[StudyGuide]:
    return [StudyGuide.model_validate(json.loads(p.read_text())) for p in sorted((root / input_name).glob("*/guide.json"))]


def _inputs(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if (p / "index.json").exists())


# -- Anki -------------------------------------------------------------------------------------------


def _import(col: Collection, apkg: Path) -> None:
    options = ImportAnkiPackageOptions(
        merge_notetypes=True,
        with_scheduling=False,
        update_notes=ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
    )
    col.import_anki_package(ImportAnkiPackageRequest(package_path=str(apkg), options=options))


def _collection(tmp_path: Path, name: str = "collection") -> Collection:
    return Collection(str(tmp_path / f"{name}.anki2"))


def _guids(col: Collection) -> set[str]:
    return set(col.db.list("select guid from notes"))


def test_apkg_opens_in_anki_with_a_deck_per_document_and_a_sub_deck_per_topic(published, tmp_path):
    for input_name in _inputs(published):
        guides = _guides(published, input_name)
        title = json.loads((published / input_name / "index.json").read_text())["title"]
        col = _collection(tmp_path, input_name)
        try:
            _import(col, published / input_name / f"{input_name}.apkg")
            cards = [c for g in guides for c in g.flashcards]
            assert col.note_count() == len(cards)
            assert col.card_count() == len(cards)  # one card per note, Basic or Cloze
            names = {d.name for d in col.decks.all_names_and_ids()}
            topics = {f"{title}::{g.provenance.topic_index:02d} {g.topic}" for g in guides}
            assert names == {"Default", title} | topics
            for topic in topics:
                in_deck = col.find_cards(f'"deck:{topic}" -"deck:{topic}::*"')
                guide = next(g for g in guides if topic.endswith(g.topic))
                assert len(in_deck) == len(guide.flashcards)
            kinds = {col.get_note(n).note_type()["name"] for n in col.find_notes("")}
            assert kinds == {"seekh-convert Basic", "seekh-convert Cloze"}
            note = col.get_note(col.find_notes('"note:seekh-convert Basic"')[0])
            card = next(c for c in cards if c.kind == "basic" and html.escape(c.front, quote=False) == note["Front"])
            assert note["Back"] == html.escape(card.back, quote=False)
            assert note["Quote"] == html.escape(card.source.quote, quote=False)  # the source is on the back
            cloze = col.get_note(col.find_notes('"note:seekh-convert Cloze"')[0])
            assert re.search(r"\{\{c1::[^}]+\}\}", cloze["Text"]) and "_____" not in cloze["Text"]
        finally:
            col.close()


def test_a_second_run_gives_the_same_note_guids(published, tmp_path):
    from conftest import SAMPLES
    from publishing import convert

    again = convert([SAMPLES / "therapeutic-alliance-notes.pdf", SAMPLES / "memory-lecture.vtt"], tmp_path / "again")
    for input_name in _inputs(published):
        first, second = _collection(tmp_path, "first"), _collection(tmp_path, "second")
        try:
            _import(first, published / input_name / f"{input_name}.apkg")
            _import(second, again / input_name / f"{input_name}.apkg")
            assert _guids(first) == _guids(second) and len(_guids(first)) == first.note_count() > 0
        finally:
            first.close()
            second.close()
        (tmp_path / "first.anki2").unlink()
        (tmp_path / "second.anki2").unlink()


def test_an_edited_guide_reimported_updates_notes_instead_of_adding_duplicates(library_copy, tmp_path):
    name = "therapeutic-alliance-notes"
    apkg = library_copy / name / f"{name}.apkg"
    col = _collection(tmp_path)
    try:
        _import(col, apkg)
        before = col.note_count()
        path = sorted((library_copy / name).glob("*/guide.json"))[0]
        data = json.loads(path.read_text())
        basic = next(c for c in data["flashcards"] if c["kind"] == "basic")
        cloze = next(c for c in data["flashcards"] if c["kind"] == "cloze")
        basic["back"] = "An edited answer."
        cloze["back"] = "edited gap"
        path.write_text(json.dumps(data))
        later = path.stat().st_mtime + 60
        os.utime(path, (later, later))
        assert not render(library_copy, ["anki"]).errors
        _import(col, apkg)
        assert col.note_count() == before
        backs = [col.get_note(n)["Back"] for n in col.find_notes('"note:seekh-convert Basic"')]
        assert "An edited answer." in backs
        texts = [col.get_note(n)["Text"] for n in col.find_notes('"note:seekh-convert Cloze"')]
        assert any("{{c1::edited gap}}" in t for t in texts)
    finally:
        col.close()


# -- Anki / Quizlet text ----------------------------------------------------------------------------


def test_anki_text_has_anki_header_lines_and_the_deck_guids(published):
    name = "therapeutic-alliance-notes"
    cards = [c for g in _guides(published, name) for c in g.flashcards]
    lines = (published / name / f"{name}.anki.txt").read_text().splitlines()
    header = [line for line in lines if line.startswith("#")]
    rows = [line.split("\t") for line in lines if not line.startswith("#")]
    assert "#separator:tab" in header and "#html:true" in header and "#guid column:1" in header
    assert len(rows) == len(cards) and all(len(r) == 6 for r in rows)
    assert {r[1] for r in rows} == {"Basic", "Cloze"}
    quizlet = [line.split("\t") for line in (published / name / f"{name}.quizlet.txt").read_text().splitlines()]
    assert [(t, d) for t, d in quizlet] == [(c.front, c.back) for c in cards]


# -- GIFT -------------------------------------------------------------------------------------------


def _split(text: str, seps: str) -> list[tuple[str, str]]:
    """``text`` cut at unescaped separator characters: [(separator before, unescaped piece)]."""
    out, sep, buf, i = [], "", "", 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            buf += text[i + 1]
            i += 2
            continue
        if ch in seps:
            out.append((sep, buf))
            sep, buf = ch, ""
        else:
            buf += ch
        i += 1
    out.append((sep, buf))
    return out


def parse_gift(text: str) -> list[dict]:
    """A small GIFT reader: titled questions with multiple choice, true/false or short answer and general feedback."""
    questions = []
    for block in re.split(r"\n\s*\n", text):
        block = block.strip()
        if not block or block.startswith(("//", "$CATEGORY")):
            continue
        match = re.fullmatch(r"::((?:\\.|[^\\:])*)::((?:\\.|[^\\{])*)\{((?:\\.|[^\\}])*)\}", block, re.S)
        assert match, block
        head = match.group(2).strip()
        assert head.startswith("[html]"), block  # Moodle reads the texts as HTML: they are escaped
        text = lambda raw: html.unescape(_split(raw.strip(), "")[0][1])  # noqa: E731
        body, _, feedback = match.group(3).partition("####")
        parts = [(s, p.strip()) for s, p in _split(body.strip(), "=~") if s or p.strip()]
        q = {"stem": text(head.removeprefix("[html]")), "feedback": text(feedback)}
        if parts == [("", "TRUE")] or parts == [("", "FALSE")]:
            q.update(kind="true_false", answer=parts[0][1] == "TRUE")
        elif not parts:
            q.update(kind="essay")  # graded by hand
        elif all(s == "=" for s, _ in parts):
            q.update(kind="short_answer", accept=[html.unescape(p) for _, p in parts])
        else:
            q.update(kind="multiple_choice", options=[html.unescape(p) for _, p in parts], key=[s for s, _ in parts].index("="))
        questions.append(q)
    return questions


def _expected(guides: list[StudyGuide]) -> list[dict]:
    out = []
    for q in (q for g in guides for q in g.questions):
        if q.kind == "multiple_choice":
            out.append(
                {"kind": q.kind, "stem": q.question, "options": q.options, "key": q.answer_index, "feedback": q.explanation}
            )
        elif q.kind == "true_false":
            out.append({"kind": q.kind, "stem": q.statement, "answer": q.answer, "feedback": q.explanation})
        elif q.keys:
            out.append({"kind": q.kind, "stem": q.question, "accept": q.keys, "feedback": q.explanation})
        else:
            out.append({"kind": "essay", "stem": q.question, "feedback": f"Model answer: {q.answer} {q.explanation}"})
    return out


def _quizzed(root: Path) -> list[str]:
    """The inputs whose guides hold questions; an input with none (an honest empty section) gets no quiz file."""
    names = [n for n in _inputs(root) if any(g.questions for g in _guides(root, n))]
    assert names, "no sample guide holds a question"
    for name in set(_inputs(root)) - set(names):
        assert not (root / name / f"{name}.gift").exists() and not (root / name / f"{name}.qti.zip").exists()
    return names


def test_gift_parses_back_to_the_same_questions_options_and_keys(published):
    for name in _quizzed(published):
        parsed = parse_gift((published / name / f"{name}.gift").read_text())
        assert parsed == _expected(_guides(published, name))


def test_gift_escapes_its_special_characters(planted):
    text = "Is a {b} = c ~ d # e: f \\ g?"
    assert gift_escape(text) == "Is a \\{b\\} \\= c \\~ d \\# e\\: f \\\\ g?"
    assert _split(gift_escape(text), "")[0][1] == text
    parsed = parse_gift((planted / "notes" / "notes.gift").read_text())
    assert parsed == _expected(_guides(planted, "notes"))


# -- QTI --------------------------------------------------------------------------------------------

NS = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2", "m": "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"}


def parse_qti(path: Path) -> list[dict]:
    """The questions of a QTI 1.2 package, in manifest order, as Canvas reads them."""
    questions = []
    with zipfile.ZipFile(path) as archive:
        manifest = ET.fromstring(archive.read("imsmanifest.xml"))
        for resource in manifest.iterfind("m:resources/m:resource", NS):
            assert resource.get("type") == "imsqti_xmlv1p2"
            root = ET.fromstring(archive.read(resource.find("m:file", NS).get("href")))
            for item in root.iterfind(".//q:item", NS):
                meta = {
                    f.findtext("q:fieldlabel", namespaces=NS): f.findtext("q:fieldentry", namespaces=NS)
                    for f in item.iterfind(".//q:qtimetadatafield", NS)
                }
                shown = {m.get("texttype") for m in item.iterfind(".//q:mattext", NS)}
                assert shown == {"text/html"}, shown  # what Canvas shows is HTML, escaped

                def text(path: str, at: ET.Element = item) -> str:
                    return html.unescape(at.findtext(path, namespaces=NS))

                labels = [(r.get("ident"), text(".//q:mattext", r)) for r in item.iterfind(".//q:response_label", NS)]
                correct = [v.text for v in item.iterfind(".//q:respcondition/q:conditionvar//q:varequal", NS)]
                kind = {
                    "multiple_choice_question": "multiple_choice",
                    "true_false_question": "true_false",
                    "short_answer_question": "short_answer",
                    "essay_question": "essay",
                }[meta["question_type"]]
                q = {"kind": kind, "stem": text("q:presentation/q:material/q:mattext")}
                q["feedback"] = text("q:itemfeedback/q:flow_mat/q:material/q:mattext")
                if kind == "multiple_choice":
                    q.update(options=[t for _, t in labels], key=[i for i, _ in labels].index(*correct))
                elif kind == "true_false":
                    q.update(answer=dict((i, t) for i, t in labels)[correct[0]] == "True")
                elif kind == "short_answer":
                    q.update(accept=correct)
                else:
                    assert not correct
                questions.append(q)
    return questions


def test_qti_parses_back_to_the_same_questions_options_and_keys(published):
    for name in _quizzed(published):
        path = published / name / f"{name}.qti.zip"
        assert parse_qti(path) == _expected(_guides(published, name))
        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None
            # one quiz per topic that has questions (a guide may honestly have none)
            assert len(archive.namelist()) == 1 + sum(1 for g in _guides(published, name) if g.questions)


def test_qti_keeps_planted_markup_as_text(planted):
    assert parse_qti(planted / "notes" / "notes.qti.zip") == _expected(_guides(planted, "notes"))
