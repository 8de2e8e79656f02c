"""Repairs only where the gate found a defect, and the gate's own judgement never alone empties a guide."""

from __future__ import annotations

import asyncio

from rubric_samples import GOOD, P1, P2, P3, at, good_guide, plant, rubric_document

from seekh_convert.check import check_content, run_gate
from seekh_convert.model.engine import Generation
from seekh_convert.model.findings import Reason
from seekh_convert.model.guide import ShortAnswer, SummarySentence


class ScriptedRepair:
    """An engine whose repair replaces the failing questions with a good one, and also rewrites what did not
    fail: a summary sentence (with another quote) that no finding points at."""

    def __init__(self):
        self.calls = 0

    async def repair(self, content, findings, topic, document):
        self.calls += 1
        data = content.model_dump(mode="json")
        for f in findings:
            if f.section == "questions":
                data["questions"][f.index] = GOOD["questions"].model_dump(mode="json")
        drifted = SummarySentence(text=P1[0], source=at(P1[0]))
        data["summary"]["sentences"][0] = drifted.model_dump(mode="json")
        return Generation(content=type(content).model_validate(data))


def _templated() -> ShortAnswer:
    return ShortAnswer(
        question=f"The text says that {P3[7][0].lower()}{P3[7][1:-1]}. Why?",
        answer="Because of spacing.",
        explanation=P3[7],
        source=at(P3[7]),
    )


def test_a_repair_changes_only_what_the_gate_failed():
    doc, topic = rubric_document()
    content, index = plant("questions", _templated())
    engine = ScriptedRepair()
    cleaned, quality = asyncio.run(run_gate(content, topic, doc, engine))
    assert engine.calls == 1
    assert [(f.section, f.index, f.action) for f in quality.findings] == [("questions", index, "repaired")]
    assert cleaned.questions[index] == GOOD["questions"]
    assert cleaned.summary == good_guide().summary  # the unflagged summary sentence and its quote are unchanged


def test_rubric_failures_may_empty_the_questions_but_never_the_takeaways():
    """Set 23: "What is data?" answered by a sentence that only mentions data was kept as its topic's last card and
    keyed wrong by the teacher. Cards and questions the rubric fails are dropped even when none is left (the guide
    says there are none); the takeaways, which a topic must show, keep their last item flagged for review."""
    doc, topic = rubric_document()
    base = good_guide()
    completion = ShortAnswer(
        question="The text says that the NNT is the number of patients who must be treated. Why?",
        answer="Because it counts patients treated to prevent one bad outcome.",
        explanation=P2[1],
        source=at(P2[1]),
    )
    content = base.model_copy(update={"questions": [_templated(), completion]})
    cleaned, quality = check_content(content, topic, doc)
    assert cleaned is not None and cleaned.questions == []
    assert [e.section for e in cleaned.empty_sections if e.section == "questions"] == ["questions"]
    dropped = [f for f in quality.findings if f.section == "questions"]
    assert [f.action for f in dropped] == ["dropped", "dropped"]
    assert Reason.TEMPLATED in [dropped[0].reason, *dropped[0].also]
    assert quality.rubric["questions"].passed == 0
