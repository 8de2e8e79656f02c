"""Practice questions as a QTI 1.2 package that Canvas imports (Settings > Import Course Content > QTI .zip).

One assessment (quiz) per topic, in one zip per document, built with the standard library's xml and zipfile.
Texts are HTML-escaped ``text/html`` material, so markup in a document (``<script>``) shows as text in Canvas.
A short answer is scored right for any of its accepted answers; one without a short form is an essay question.
"""

from __future__ import annotations

import html
import io
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

from seekh_convert.files import atomic_write_bytes
from seekh_convert.model.guide import StudyGuide
from seekh_convert.text.normalize import strip_controls
from seekh_convert.write.items import digest, item_id

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
_TYPES = {
    "multiple_choice": "multiple_choice_question",
    "true_false": "true_false_question",
    "short_answer": "short_answer_question",
    "essay": "essay_question",
}
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed member times: the same guides give the same bytes


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, attrs)
    if text is not None:
        el.text = strip_controls(text)
    return el


def _material(parent: ET.Element, text: str) -> None:
    """Text shown to students: HTML-escaped HTML (LMSs render material as HTML, whatever its texttype)."""
    _sub(_sub(parent, "material"), "mattext", html.escape(strip_controls(text), quote=False), texttype="text/html")


def _metadata(parent: ET.Element, fields: dict[str, str]) -> None:
    holder = _sub(parent, "itemmetadata") if parent.tag == "item" else parent
    meta = _sub(holder, "qtimetadata")
    for label, entry in fields.items():
        field = _sub(meta, "qtimetadatafield")
        _sub(field, "fieldlabel", label)
        _sub(field, "fieldentry", entry)


def _choices(item: ET.Element, options: list[tuple[str, str]], correct: str) -> None:
    """A single-choice response with ``options`` as (ident, text), scored 100 for ``correct``."""
    presentation = item.find("presentation")
    assert presentation is not None
    response = _sub(presentation, "response_lid", ident="response1", rcardinality="Single")
    render = _sub(response, "render_choice")
    for ident, text in options:
        _material(_sub(render, "response_label", ident=ident), text)
    _score(item, "varequal", correct)


def _score(item: ET.Element, test: str, *values: str) -> None:
    """Score 100 when the response equals any of ``values`` (a short answer's accepted answers)."""
    processing = _sub(item, "resprocessing")
    _sub(_sub(processing, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    condition = _sub(processing, "respcondition")
    condition.set("continue", "No")
    holder = _sub(condition, "conditionvar")
    if len(values) > 1:
        holder = _sub(holder, "or")
    for value in values:
        _sub(holder, test, value, respident="response1")
    _sub(condition, "setvar", "100", action="Set", varname="SCORE")


def qti_item(question) -> ET.Element:
    """One QTI item with its question type, choices, key and the explanation as general feedback."""
    ident = "q" + item_id("questions", question)
    item = ET.Element("item", ident=ident, title=ident)
    kind = "essay" if question.kind == "short_answer" and not question.keys else question.kind
    _metadata(item, {"question_type": _TYPES[kind], "points_possible": "1"})
    presentation = _sub(item, "presentation")
    if question.kind == "multiple_choice":
        _material(presentation, question.question)
        options = [(f"{ident}-{i}", o) for i, o in enumerate(question.options)]
        _choices(item, options, options[question.answer_index][0])
    elif question.kind == "true_false":
        _material(presentation, question.statement)
        _choices(
            item, [(f"{ident}-true", "True"), (f"{ident}-false", "False")], f"{ident}-{'true' if question.answer else 'false'}"
        )
    else:
        _material(presentation, question.question)
        response = _sub(presentation, "response_str", ident="response1", rcardinality="Single")
        _sub(response, "render_fib", fibtype="String", prompt="Box")
        if kind == "essay":  # graded by hand: the model answer goes into the feedback
            _sub(_sub(item, "resprocessing"), "outcomes")
        else:
            _score(item, "varequal", *question.keys)
    feedback = _sub(item, "itemfeedback", ident="general_fb")
    explanation = question.explanation if kind != "essay" else f"Model answer: {question.answer} {question.explanation}"
    _material(_sub(feedback, "flow_mat"), explanation)
    return item


def assessment_xml(ident: str, title: str, guide: StudyGuide) -> bytes:
    root = ET.Element("questestinterop", xmlns=QTI_NS)
    assessment = _sub(root, "assessment", ident=ident, title=html.escape(strip_controls(title), quote=False))
    _metadata(assessment, {"cc_maxattempts": "1"})
    section = _sub(assessment, "section", ident="root_section")
    for question in guide.questions or []:
        section.append(qti_item(question))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def manifest_xml(ident: str, assessments: list[tuple[str, str]]) -> bytes:
    root = ET.Element("manifest", identifier=ident, xmlns=CP_NS)
    _sub(_sub(root, "metadata"), "schema", "IMS Content")
    _sub(root, "organizations")
    resources = _sub(root, "resources")
    for aid, _title in assessments:
        resource = _sub(resources, "resource", identifier=aid, type="imsqti_xmlv1p2")
        resource.set("href", f"{aid}/{aid}.xml")
        _sub(resource, "file", href=f"{aid}/{aid}.xml")
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


class QtiWriter:
    """Writes ``<input>.qti.zip``: one quiz per topic."""

    items = "questions"

    def outputs(self, folder: Path) -> list[Path]:
        return [folder / f"{folder.name}.qti.zip"]

    def __call__(self, title: str, guides: list[tuple[str, StudyGuide]], folder: Path, timestamp: float) -> list[Path]:
        members: list[tuple[str, bytes]] = []
        assessments: list[tuple[str, str]] = []
        for name, guide in guides:
            if not guide.questions:
                continue
            aid = "a" + digest(folder.name, name)
            quiz = f"{title}: {guide.provenance.topic_index:02d} {guide.topic}"
            assessments.append((aid, quiz))
            members.append((f"{aid}/{aid}.xml", assessment_xml(aid, quiz, guide)))
        members.insert(0, ("imsmanifest.xml", manifest_xml("m" + digest(folder.name), assessments)))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in members:
                archive.writestr(zipfile.ZipInfo(name, _ZIP_TIME), data, compress_type=zipfile.ZIP_DEFLATED)
        path = self.outputs(folder)[0]
        atomic_write_bytes(path, buffer.getvalue())
        return [path]
