"""The review rubric in real runs: defects planted in the offline engine's candidates and in a model's reply
(served by the fake OpenAI server over HTTP) are caught, counted, and repaired or dropped by the gate."""

from __future__ import annotations

import asyncio
import json
import re

from fakes.openai_server import FakeOpenAIServer, schema_kind, settings_for
from rubric_samples import GOOD, PLANTED, good_guide, rubric_document
from test_quality_llm_path import generate_and_gate

from seekh_convert.check import run_gate
from seekh_convert.generate.offline import OfflineEngine
from seekh_convert.model.findings import RUBRIC_REASONS

_FAILING = re.compile(r"<failing_items>\s*(.*?)\s*</failing_items>", re.S)


def _caught(quality, planted: list[tuple[str, int, object]]) -> dict:
    """For each planted (section, index, reason): the action the gate took on that position."""
    out = {}
    for section, index, reason in planted:
        found = [f for f in quality.findings if (f.section, f.index) == (section, index) and reason in (f.reason, *f.also)]
        out[(section, index, reason)] = found[0].action if found else None
    return out


class PlantedOffline(OfflineEngine):
    """The offline engine with planted items in front of its own candidates (as if it had ranked them first)."""

    def __init__(self, planted: dict[str, list]):
        super().__init__()
        self.planted = planted

    def _pool(self, topic, document):
        doc, ta, pool, title = super()._pool(topic, document)
        if not getattr(pool, "planted", False):  # the engine keeps its pool for repairs: plant once
            for section, items in self.planted.items():
                pool.sections[section] = [*items, *pool.sections[section]]
                pool.shown[section] += len(items)
            # the good guide's cards, which the questions planted as repeats repeat (the engine's own cards vary)
            cards = good_guide().flashcards
            at = len(self.planted.get("flashcards", []))
            pool.sections["flashcards"][at:at] = cards
            pool.shown["flashcards"] += len(cards)
            pool.sections["questions"] += good_guide().questions  # spares the repair may take
            pool.sections["key_takeaways"] += good_guide().key_takeaways
            pool.planted = True
        return doc, ta, pool, title


def test_offline_run_catches_counts_and_repairs_or_drops_every_planted_defect():
    document, topic = rubric_document()
    by_section: dict[str, list] = {}
    for section, item, _ in PLANTED:
        if section != "summary":  # the offline summary is built from sentences; its rules have other cases here
            by_section.setdefault(section, []).append(item)
    engine = PlantedOffline(by_section)

    async def main():
        generation = await engine.generate(topic, document)
        return generation, await run_gate(generation.content, topic, document, engine)

    generation, (cleaned, quality) = asyncio.run(main())
    planted = []
    for section, items in by_section.items():
        for index, item in enumerate(items):
            assert getattr(generation.content, section)[index] == item
            planted.append((section, index, next(r for s, i, r in PLANTED if i is item)))
    actions = _caught(quality, planted)
    assert [k for k, v in actions.items() if v is None] == []  # every planted defect caught
    assert set(actions.values()) <= {"repaired", "replaced", "dropped"}
    assert "repaired" in actions.values()  # the next candidates took some places
    reasons = {r for _, _, r in planted}
    assert reasons == set(RUBRIC_REASONS)
    assert all(quality.rubric_problems.get(r.value, 0) >= 2 for r in reasons)  # counted, two cases each
    written = cleaned.model_dump_json()
    for section, items in by_section.items():
        assert not [i for i in items if i in getattr(cleaned, section)], section
    assert quality.rubric["flashcards"].checked >= len(by_section["flashcards"])
    assert "What is heuristic evaluation?" not in written


def _planted_reply() -> tuple[dict, list]:
    guide = json.loads(good_guide().model_dump_json())
    planted = []
    for section, item, reason in PLANTED:
        data = json.loads(item.model_dump_json())
        target = guide["summary"]["sentences"] if section == "summary" else guide[section]
        target.append(data)
        planted.append((section, len(target) - 1, reason))
    guide["summary"]["text"] = " ".join(s["text"] for s in guide["summary"]["sentences"])
    return guide, planted


class RubricModel:
    """The scripted model: the planted guide, then a repair reply that gives a good item for the first failing
    position of each section and returns the others unchanged (those stay failing and are dropped)."""

    def __init__(self):
        self.guide, self.planted = _planted_reply()
        self.asked: list[str] = []

    def __call__(self, body: dict) -> str:
        if schema_kind(body) != "repair_items":
            return json.dumps(self.guide)
        positions = list(body["response_format"]["json_schema"]["schema"]["properties"])
        failing = {e["position"]: e for e in json.loads(_FAILING.search(body["messages"][-1]["content"]).group(1))}
        self.asked += positions
        reply, fixed = {}, set()
        for p in positions:
            section = p.rsplit("_", 1)[0]
            good = GOOD.get(section)
            if good is not None and section not in fixed:
                reply[p] = json.loads(good.model_dump_json())
                fixed.add(section)
            else:
                reply[p] = failing[p]["item"]
        return json.dumps(reply)


def test_llm_run_catches_counts_and_repairs_or_drops_every_planted_defect(tmp_path):
    document, topic = rubric_document()
    model = RubricModel()
    with FakeOpenAIServer(responder=model) as server:
        settings = settings_for(server, tmp_path, repair="all")

        cleaned, quality = generate_and_gate(settings, topic, document)
    actions = _caught(quality, model.planted)
    assert [k for k, v in actions.items() if v is None] == []
    assert set(actions.values()) <= {"repaired", "dropped"} and "repaired" in actions.values()
    assert quality.repaired >= 5  # one good replacement per section
    assert {f"{s}_{i}" for s, i, _ in model.planted} <= set(model.asked)  # every planted position went to the model
    assert all(quality.rubric_problems.get(r.value, 0) >= 2 for r in RUBRIC_REASONS)
    assert quality.rubric["questions"].checked - quality.rubric["questions"].passed >= 10
    written = cleaned.model_dump_json()
    assert "Furthermore, he feared" not in written and "abolition of contrabands" not in written
    assert "Explain the main point" not in written and "List of Tables" not in written
