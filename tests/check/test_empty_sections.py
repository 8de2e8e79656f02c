"""A section may stay empty only with a written reason: the schema, the gate, strict mode and guide.md honour it."""

from __future__ import annotations

import pytest
from gate_samples import clean_guide, pdf_document, ref, with_items
from pydantic import ValidationError

from seekh_convert.check import StrictThresholds, check_content, strict_failures
from seekh_convert.model.guide import Application, EmptySection, GuideContent, guide_json_schema


def _data(**update) -> dict:
    data = clean_guide().model_dump()
    data.update(update)
    return data


def test_an_empty_list_section_needs_a_reason():
    with pytest.raises(ValidationError, match="applications is empty"):
        GuideContent.model_validate(_data(applications=[]))
    guide = GuideContent.model_validate(
        _data(applications=[], empty_sections=[{"section": "applications", "reason": "The source describes no use."}])
    )
    assert guide.applications == [] and guide.empty_reason("applications") == "The source describes no use."
    assert guide.empty_reason("flashcards") is None


def test_a_missing_definition_needs_a_reason():
    with pytest.raises(ValidationError, match="definition is empty"):
        GuideContent.model_validate(_data(definition=None))
    guide = GuideContent.model_validate(
        _data(definition=None, empty_sections=[{"section": "definition", "reason": "The source defines no term here."}])
    )
    assert guide.definition is None


@pytest.mark.parametrize(
    "entries",
    [
        [{"section": "flashcards", "reason": "None."}],  # the section has items
        [{"section": "applications", "reason": "a"}, {"section": "applications", "reason": "b"}],
        [{"section": "summary", "reason": "no summary"}],  # the summary may never be empty
        [{"section": "applications", "reason": ""}],
    ],
)
def test_reasons_only_for_empty_sections(entries):
    with pytest.raises(ValidationError):
        GuideContent.model_validate(_data(applications=[], empty_sections=entries))


def test_json_schema_says_so():
    schema = guide_json_schema()
    assert schema["$defs"]["EmptySection"]["properties"]["section"]["enum"][0] == "definition"
    assert "minItems" not in schema["properties"]["applications"]
    assert "empty_sections" in schema["properties"]["applications"]["description"]
    assert {"type": "null"} in schema["properties"]["definition"]["anyOf"]


def test_gate_keeps_an_engine_reason_and_strict_accepts_it():
    doc, topic = pdf_document()
    reason = EmptySection(section="applications", reason="No use described.")
    content = GuideContent.model_validate(_data(applications=[], empty_sections=[reason.model_dump()]))
    cleaned, quality = check_content(content, topic, doc)
    assert cleaned is not None and cleaned.applications == []
    assert quality.empty_sections == {"applications": "No use described."}
    assert not any("applications" in line for line in strict_failures(quality, StrictThresholds(), cleaned))
    strict = StrictThresholds(allow_empty=[])
    assert any("applications has 0 items" in line for line in strict_failures(quality, strict, cleaned))


def test_gate_that_drops_every_application_writes_why():
    doc, topic = pdf_document()
    invented = Application(
        title="Photos", text="Memory records photos.", source=ref("Memory records every photo we ever took", 1)
    )
    cleaned, quality = check_content(with_items(clean_guide(), applications=[invented]), topic, doc)
    assert cleaned is not None and cleaned.applications == []
    assert "invented quote" in cleaned.empty_reason("applications")
    assert quality.empty_sections["applications"] == cleaned.empty_reason("applications")


def test_gate_that_empties_flashcards_writes_the_guide_with_the_section_empty_and_says_why():
    doc, topic = pdf_document()
    bad = clean_guide().flashcards[0].model_copy(update={"source": ref("Flashcards are invented out of thin air here", 1)})
    cleaned, quality = check_content(with_items(clean_guide(), flashcards=[bad]), topic, doc)
    assert cleaned is not None and quality.writable and cleaned.flashcards == []
    assert "invented quote" in cleaned.empty_reason("flashcards")
    assert any(n.startswith("flashcards left empty: ") for n in quality.notes)


def test_gate_that_empties_the_summary_still_makes_the_guide_unwritable():
    doc, topic = pdf_document()
    guide = clean_guide()
    bad = guide.summary.sentences[0].model_copy(update={"source": ref("Summaries are invented out of thin air here", 1)})
    summary = guide.summary.model_copy(update={"sentences": [bad], "text": bad.text})
    cleaned, quality = check_content(guide.model_copy(update={"summary": summary}), topic, doc)
    assert cleaned is None and not quality.writable and "summary" in quality.notes[-1]


def test_guide_md_says_a_section_is_empty_to_the_student_and_keeps_the_reason_for_editors(tmp_path):
    from datetime import UTC, datetime

    from seekh_convert.model.guide import Provenance, StudyGuide
    from seekh_convert.write.items import EMPTY_NOTES
    from seekh_convert.write.markdown import MarkdownWriter, md_escape

    content = GuideContent.model_validate(
        _data(
            applications=[],
            definition=None,
            empty_sections=[
                {"section": "definition", "reason": "The source defines no single term for this topic."},
                {"section": "applications", "reason": "The source describes no real-world use."},
            ],
        )
    )
    provenance = Provenance(
        source_file="memory.pdf",
        source_sha256="0" * 64,
        source_kind="pdf",
        topic_index=1,
        topic_count=1,
        engine="offline",
        tool_version="0",
        generated_at=datetime(2025, 1, 1, tzinfo=UTC),
    )
    text = MarkdownWriter().render(StudyGuide.model_validate({**content.model_dump(), "provenance": provenance.model_dump()}))
    assert f"## Definition\n\n*{md_escape(EMPTY_NOTES['definition'])}*" in text
    assert f"## Real World Applications\n\n*{md_escape(EMPTY_NOTES['applications'])}*" in text
    assert "no single term" not in text and "no real-world use." not in text  # the reasons: guide.json, quality.json
    assert content.empty_reason("definition") == "The source defines no single term for this topic."
