"""Run level: engine repair loop, cross-guide duplicates, strict thresholds, summary, guide.json re-check."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime

import pytest
from gate_samples import card, clean_guide, mc, pdf_document, with_items

from seekh_convert.check import (
    Reason,
    RunDeduplicator,
    RunQuality,
    StrictThresholds,
    check_content,
    check_guide_file,
    run_gate,
    strict_failures,
)
from seekh_convert.cli import render_summary
from seekh_convert.errors import EngineError, InputError
from seekh_convert.model.engine import Generation
from seekh_convert.model.guide import Provenance, StudyGuide, Usage


class RepairEngine:
    """Records repair requests; answers with scripted contents (or raises EngineError)."""

    name, model = "fake", None

    def __init__(self, *replies):
        self.replies = list(replies)
        self.calls: list[list[str]] = []

    async def generate(self, topic, document):  # pragma: no cover - not used by the gate
        raise NotImplementedError

    async def repair(self, content, findings, topic, document):
        self.calls.append([f.describe() for f in findings])
        reply = self.replies.pop(0)
        if isinstance(reply, Exception):
            raise reply
        return Generation(content=reply, usage=Usage(calls=1, input_tokens=10, output_tokens=5))

    async def aclose(self):
        pass


def _wrong_key_guide():
    content = clean_guide()
    return with_items(content, questions=[mc(answer_index=2), *content.questions[1:]])


def test_repair_fixes_failing_items_and_counts_them():
    doc, topic = pdf_document()
    engine = RepairEngine(clean_guide())
    cleaned, quality = asyncio.run(run_gate(_wrong_key_guide(), topic, doc, engine))
    assert engine.calls == [[next(f.describe() for f in check_content(_wrong_key_guide(), topic, doc)[1].findings)]]
    assert "questions[0]: wrong key" in engine.calls[0][0]
    assert cleaned == clean_guide()
    assert quality.repaired == 1 and quality.dropped == 0 and quality.produced == 14
    assert [(f.reason, f.action) for f in quality.findings] == [(Reason.WRONG_KEY, "repaired")]
    assert quality.repair_usage.calls == 1


def test_repair_that_does_not_help_drops_the_item():
    doc, topic = pdf_document()
    engine = RepairEngine(_wrong_key_guide())
    cleaned, quality = asyncio.run(run_gate(_wrong_key_guide(), topic, doc, engine, max_repairs=1))
    assert quality.repaired == 0 and quality.dropped_by_reason == {"wrong key": 1}
    assert len(cleaned.questions) == 3


def test_repair_engine_error_is_noted_and_items_dropped():
    doc, topic = pdf_document()
    engine = RepairEngine(EngineError("model down"))
    cleaned, quality = asyncio.run(run_gate(_wrong_key_guide(), topic, doc, engine))
    assert quality.dropped == 1 and "model down" in quality.notes[0]


def test_gate_without_an_engine_just_checks():
    doc, topic = pdf_document()
    cleaned, quality = asyncio.run(run_gate(_wrong_key_guide(), topic, doc, engine=None))
    assert quality.dropped == 1 and quality.repaired == 0


def test_run_deduplicator_drops_repeats_across_guides_in_order():
    doc, topic = pdf_document()
    dedup = RunDeduplicator()
    first, q1 = check_content(clean_guide(), topic, doc)
    assert dedup.apply(first, q1) == first
    again = card(
        "What does encoding mean?",
        "the input of information into the memory system",
        "Encoding is the input of information into the memory system",
        2,
    )
    second_content = with_items(
        clean_guide(),
        flashcards=[
            again,
            card(
                "What does effortful processing require?",
                "Work and attention",
                "Effortful processing requires work and attention",
                2,
            ),
        ],
    )
    second, q2 = check_content(second_content, topic, doc)
    out = dedup.apply(second, q2)
    assert [c.front for c in out.flashcards] == ["What does effortful processing require?"]
    # the repeated card and all 4 repeated questions go, the last of its section too: an honest empty section, with
    # its reason, beats a repeat (set 17's teachers dropped "What does DNS stand for?" kept to fill a section)
    assert dedup.dropped == 5 and out.questions == []
    assert (
        out.empty_reason("questions") == "No item of this section passed the quality gate (repeats an item of an earlier topic)."
    )
    assert q2.dropped_by_reason == {"duplicate across run": 5}
    assert "topic 1 questions[3]" in next(f.detail for f in q2.findings if f.index == 3 and f.section == "questions")
    assert (q2.produced, q2.kept, q2.grounding_rate) == (13, 8, 1.0)


def test_strict_failures():
    doc, topic = pdf_document()
    cleaned, quality = check_content(clean_guide(), topic, doc)
    assert strict_failures(quality, StrictThresholds(), cleaned) == []
    partial = clean_guide().model_copy(update={"applications": clean_guide().applications})
    cleaned, quality = check_content(partial, topic, doc)
    demanding = StrictThresholds(min_items={"flashcards": 5}, min_coverage=1.0)
    quality.coverage.units[2].items = 0
    failures = strict_failures(quality, demanding, cleaned)
    assert any("flashcards has 3 items < 5" in f for f in failures)
    assert any("coverage 67% < 100%" in f and "p. 3" in f for f in failures)
    _, unchecked = check_content(clean_guide(), None, None)
    assert strict_failures(unchecked, StrictThresholds()) == [" topic 0: grounding not checked (source unavailable)".strip()]


def test_run_quality_and_summary_show_coverage():
    doc, topic = pdf_document()
    run = RunQuality()
    _, good = check_content(clean_guide(), topic, doc)
    run.add(good)
    content = clean_guide()
    _, bad = check_content(with_items(content, questions=[mc(answer_index=2), *content.questions[1:]]), topic, doc)
    bad.coverage.units[0].items = 0
    run.add(bad)
    doc_q = run.documents[0]
    assert (doc_q.guides, doc_q.produced, doc_q.kept, doc_q.dropped) == (2, 28, 27, 1)
    assert doc_q.uncovered == ["p. 1"] and run.grounding_rate == 1.0
    text = render_summary(run)
    assert "memory.pdf" in text and "5/6 pages" in text and "none from p. 1" in text and "wrong key 1" in text
    assert RunQuality.model_validate_json(run.model_dump_json()) == run


def _write_guide(tmp_path, content, **prov):
    provenance = Provenance(
        source_file="memory.pdf",
        source_sha256="0" * 64,
        source_kind="pdf",
        topic_index=1,
        topic_count=2,
        tool_version="0",
        generated_at=datetime.now(UTC),
        **{"engine": "offline", **prov},
    )
    guide = StudyGuide(**{k: getattr(content, k) for k in type(content).model_fields}, provenance=provenance)
    path = tmp_path / "guide.json"
    path.write_text(guide.model_dump_json(indent=2), encoding="utf-8")
    return path


def test_check_guide_file_with_source_and_loader(tmp_path):
    doc, _ = pdf_document()
    source = tmp_path / "memory.pdf"
    source.write_bytes(b"%PDF fake")
    path = _write_guide(tmp_path, _wrong_key_guide())
    quality = check_guide_file(path, source, loader=lambda p: doc)
    assert quality.grounding_checked and quality.grounding_rate == 1.0
    assert [f.reason for f in quality.findings] == [Reason.WRONG_KEY]
    assert quality.source_file == "memory.pdf" and "sha256 mismatch" in quality.notes[0]


def test_check_guide_file_without_source_runs_other_checks(tmp_path):
    path = _write_guide(tmp_path, _wrong_key_guide())
    data = json.loads(path.read_text())
    data["questions"][1:1] = [dict(data["questions"][0], answer="Flashbulb memory", answer_index=None)]
    data["questions"][1].pop("answer_index")
    data["questions"].append(dict(data["questions"][0], answer="Working memory"))  # edited text, stale index
    path.write_text(json.dumps(data))
    quality = check_guide_file(path)
    assert not quality.grounding_checked and "unavailable" in quality.notes[0]
    got = sorted((f.index, f.reason) for f in quality.findings)
    assert got == [(0, Reason.WRONG_KEY), (1, Reason.KEY_NOT_OPTION), (5, Reason.ANSWER_TEXT_MISMATCH)]
    assert quality.produced == 16


@pytest.mark.parametrize(
    ("text", "message"), [("{not json", "not valid JSON (line 1"), ('{"topic": "x"}', "not a valid study guide:")]
)
def test_check_guide_file_reports_one_line_errors(tmp_path, text, message):
    path = tmp_path / "guide.json"
    path.write_text(text)
    with pytest.raises(InputError) as err:
        check_guide_file(path)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_check_guide_file_missing_explicit_source(tmp_path):
    path = _write_guide(tmp_path, clean_guide())
    with pytest.raises(InputError, match="source file not found"):
        check_guide_file(path, tmp_path / "nope.pdf")


@pytest.mark.parametrize(("engine", "action"), [("offline", "kept"), ("openai", "noted")])
def test_check_guide_file_judges_a_models_guide_with_the_model_draft_settings(tmp_path, engine, action):
    """``check`` on a guide a model wrote only notes what ``convert`` only noted on its drafts (``for_model_drafts``);
    on the offline engine's guide the review rubric still counts it against the item ("kept": fails the rubric)."""
    doc, _ = pdf_document()
    content = clean_guide()
    untitled = content.key_takeaways[0].model_copy(update={"title": "Hence"})
    path = _write_guide(tmp_path, with_items(content, key_takeaways=[untitled, *content.key_takeaways[1:]]), engine=engine)
    (tmp_path / "memory.pdf").write_bytes(b"%PDF fake")
    quality = check_guide_file(path, tmp_path / "memory.pdf", loader=lambda p: doc)
    untitled_findings = [f for f in quality.findings if f.reason is Reason.UNTITLED_POINT]
    assert [f.action for f in untitled_findings] == [action]
