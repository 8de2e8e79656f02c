"""Planted defects in a model's reply, served by the fake OpenAI server over real HTTP, are all caught.

Each defect is dropped by the engine (and reported as ``Generation.findings``), dropped or fixed by the
quality gate, or repaired by a scripted repair reply; none reaches the written guide.
"""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

from fakes.openai_server import FakeOpenAIServer, default_reply, document_of, schema_kind, settings_for

from seekh_convert.check import GateSettings, Reason, TopicQuality, run_gate
from seekh_convert.generate.openai import OpenAIEngine
from seekh_convert.model.document import Block, BlockKind, Document, SourceKind, Topic
from seekh_convert.pipeline import Converter

S1 = "Photosynthesis is the process by which plants convert light energy into chemical energy."
S2 = "It takes place in the chloroplasts of leaf cells."
S3 = "Chlorophyll absorbs mostly blue and red light, which is why leaves look green to us."
CITED = "Baddeley, A. D. (2000). The episodic buffer: A new component of working memory? Trends in Cognitive Sciences, 4(11), 417-423."
REF = "Smith, J. (2010). Plant pigments and the colour of leaves. Journal of Botany, 12(3), 45-67."
OTHER = "Cellular respiration releases the energy stored in glucose so that cells can use it."
INVENTED = "Photosynthesis releases oxygen from water molecules in the leaves."
PIGMENTS = ["Chlorophyll", "Carotene", "Xanthophyll", "Anthocyanin"]
WRONG_KEY_Q = "Which pigment makes leaves look green to us?"
NO_KEY_Q = "Which colours of light does chlorophyll absorb most?"
SAME_OPTIONS_Q = "What form of energy do plants store during photosynthesis?"
DUP_FRONT = "Where does photosynthesis take place ?"
GIVEN_AWAY = "Chlorophyll absorbs blue and red light. Which pigment is that?"
PLANTED_TEXTS = [
    INVENTED,
    OTHER,
    REF,
    CITED,
    NO_KEY_Q,
    SAME_OPTIONS_Q,
    DUP_FRONT,
    "chemical energies",
    "All of the above",
    GIVEN_AWAY,
]


def _src(quote: str, page: int | None = None, section: str | None = None) -> dict:
    return {"quote": quote, "page": page, "start": None, "end": None, "section": section}


def _mc(question: str, options: list[str], index: int, quote: str, explanation: str = "See the source.") -> dict:
    return {
        "kind": "multiple_choice",
        "question": question,
        "options": options,
        "answer_index": index,
        "explanation": explanation,
        "source": _src(quote),
    }


def planted_guide(wrong_place: dict) -> dict:
    """The model's reply for the photosynthesis topic; ``wrong_place`` is a location S2 is not at."""
    card = {
        "kind": "basic",
        "front": "Where does photosynthesis take place?",
        "back": "In the chloroplasts of leaf cells",
        "source": _src(S2),
    }
    return {
        "topic": "Photosynthesis",
        "subject": "Biology",
        "level": "beginner",
        "study_time_minutes": 20,
        "definition": {"text": "Photosynthesis is how plants convert light energy into chemical energy.", "source": _src(S1)},
        "summary": {
            "text": "Plants convert light. It happens in chloroplasts.",
            "sentences": [
                {"text": "Plants convert light energy into chemical energy.", "source": _src(S1)},
                {"text": "Photosynthesis takes place in the chloroplasts of leaf cells.", "source": _src(S2, **wrong_place)},
            ],
        },
        "key_takeaways": [
            {
                "title": "Chloroplasts",
                "text": "Photosynthesis takes place in the chloroplasts of leaf cells.",
                "importance": "high",
                "source": _src(S2),
            },
            {
                "title": "Oxygen",
                "text": "Photosynthesis releases oxygen from water.",
                "importance": "medium",
                "source": _src(INVENTED),
            },
            {
                "title": "Glucose",
                "text": "Cells release the energy stored in glucose.",
                "importance": "low",
                "source": _src(OTHER),
            },
        ],
        "learn_next": [
            {"topic": "Chlorophyll", "why": "Chlorophyll absorbs the light.", "level": "intermediate", "source": _src(S3)}
        ],
        "prerequisites": [{"topic": "Light energy", "why": None, "source": _src(S1)}],
        "applications": [
            {
                "title": "Leaf colour",
                "text": "Leaves look green because chlorophyll absorbs blue and red light.",
                "source": _src(S3),
            },
            {
                "title": "Working memory",
                "text": "The episodic buffer is a new component of working memory.",
                "source": _src(CITED),
            },
            {"title": "Leaf colour research", "text": "Plant pigments decide the colour of leaves.", "source": _src(REF)},
        ],
        "flashcards": [
            card,
            {**card, "front": DUP_FRONT, "back": "In the chloroplasts of leaf cells."},
            {
                "kind": "basic",
                "front": "What does photosynthesis convert?",
                "back": "Light energy into chemical energy",
                "source": _src(S1),
            },
        ],
        "questions": [
            _mc("Which pigment absorbs mostly blue and red light?", PIGMENTS, 0, S3, "Chlorophyll absorbs blue and red light."),
            _mc(WRONG_KEY_Q, PIGMENTS, 1, S3),
            _mc(
                "Where in leaf cells does photosynthesis take place?",
                ["In the chloroplasts", "In the nucleus", "In the cell wall", "All of the above"],
                0,
                S2,
            ),
            _mc(
                "What do plants turn light energy into during photosynthesis?",
                ["Chemical energy", "chemical energies", "Heat", "Sound"],
                0,
                S1,
            ),
            _mc(GIVEN_AWAY, PIGMENTS, 0, S3),
            {
                "kind": "true_false",
                "statement": "Chlorophyll absorbs mostly blue and red light.",
                "answer": True,
                "explanation": "The source says so.",
                "source": _src(S3),
            },
            _mc(NO_KEY_Q, ["Blue and red", "Green", "Yellow", "Infrared"], 4, S3),
            _mc(SAME_OPTIONS_Q, ["Heat", "Heat", "Chemical energy", "Sound"], 2, S1),
        ],
    }


FIXED_KEY = _mc(WRONG_KEY_Q, PIGMENTS, 0, S3, "Chlorophyll absorbs blue and red light, so leaves look green to us.")

#: Engine drops (positions in the model's reply) and gate drops (positions in the engine's content).
ENGINE_DROPS = {
    ("key_takeaways", 1): Reason.INVENTED_QUOTE,
    ("key_takeaways", 2): Reason.OUTSIDE_TOPIC,
    ("applications", 2): Reason.JUNK_SOURCE,
    ("questions", 6): Reason.KEY_NOT_OPTION,
    ("questions", 7): Reason.DUPLICATE_OPTIONS,
}
GATE_DROPS = {
    ("applications", 1): Reason.JUNK_SOURCE,
    ("flashcards", 1): Reason.DUPLICATE,
    ("questions", 2): Reason.CATCH_ALL_OPTION,
    ("questions", 3): Reason.DUPLICATE_OPTIONS,
    ("questions", 4): Reason.ANSWER_IN_STEM,
}
_FAILING = re.compile(r"<failing_items>\n?(.*?)\n?</failing_items>", re.DOTALL)


class Model:
    """The scripted model: the planted guide for the photosynthesis topic, a repair reply that fixes the
    wrong key (and returns every other failing item unchanged), the default reply otherwise."""

    def __init__(self, wrong_place: dict, fix: dict = FIXED_KEY):
        self.wrong_place, self.fix = wrong_place, fix
        self.repairs: list[dict] = []

    def __call__(self, body: dict) -> str:
        if schema_kind(body) == "repair_items":
            return self._repair(body)
        if "Chlorophyll absorbs" in document_of(body):
            return json.dumps(planted_guide(self.wrong_place))
        return default_reply(body)

    def _repair(self, body: dict) -> str:
        positions = list(body["response_format"]["json_schema"]["schema"]["properties"])
        failing = {e["position"]: e for e in json.loads(_FAILING.search(body["messages"][-1]["content"]).group(1))}
        self.repairs.append({"positions": positions, "failing": failing, "document": document_of(body)})
        reply = {p: failing[p]["item"] for p in positions}
        if "questions_1" in reply and reply["questions_1"]["question"] == WRONG_KEY_Q:
            reply["questions_1"] = self.fix
        return json.dumps(reply)


def pdf_like_document() -> tuple[Document, Topic]:
    """Two topics: photosynthesis (pp. 3-4, with a review question, a citation-like paragraph and a
    reference entry) and respiration (p. 5)."""
    first = [
        Block("Photosynthesis", kind=BlockKind.HEADING, page=3, level=1, section="Photosynthesis"),
        Block(f"{S1} {S2}", page=3, section="Photosynthesis"),
        Block(S3, page=4, section="Pigments"),
        Block(
            "1. Which pigment is green? Answer: chlorophyll is the answer to this review question.",
            kind=BlockKind.QUESTION,
            page=4,
            section="Review",
        ),
        Block(CITED, page=4, section="Pigments"),
        Block(REF, kind=BlockKind.REFERENCE, page=4, section="References"),
    ]
    second = [
        Block("Respiration", kind=BlockKind.HEADING, page=5, level=1, section="Respiration"),
        Block(f"{OTHER} It takes place mostly in the mitochondria.", page=5, section="Respiration"),
    ]
    topics = [Topic(1, "Photosynthesis", first), Topic(2, "Respiration", second)]
    return Document(Path("biology.pdf"), SourceKind.PDF, title="Biology", blocks=first + second, topics=topics), topics[0]


def _by_position(quality: TopicQuality, action: str) -> dict:
    return {(f.section, f.index): f.reason for f in quality.findings if f.action == action}


def generate_and_gate(settings, topic: Topic, document: Document):
    """The openai engine's guide for ``topic`` through the quality gate (with its repairs): (content, quality)."""

    async def main():
        engine = OpenAIEngine.from_settings(settings)
        try:
            generation = await engine.generate(topic, document)
            return await run_gate(generation.content, topic, document, engine, engine_findings=generation.findings)
        finally:
            await engine.aclose()

    return asyncio.run(main())


def test_every_planted_defect_is_dropped_repaired_or_fixed(tmp_path):
    document, topic = pdf_like_document()
    model = Model({"page": 4})
    with FakeOpenAIServer(responder=model) as server:
        settings = settings_for(server, tmp_path, repair="all")

        async def main():
            engine = OpenAIEngine.from_settings(settings)
            try:
                generation = await engine.generate(topic, document)
                # the grounding/key checks alone: the rubric's planted defects have their own test (test_rubric_paths.py)
                no_rubric = GateSettings(rubric=False)
                return generation, await run_gate(
                    generation.content, topic, document, engine, engine_findings=generation.findings, settings=no_rubric
                )
            finally:
                await engine.aclose()

        generation, (cleaned, quality) = asyncio.run(main())
    engine_dropped = {(f.section, f.index): f.reason for f in generation.findings if f.action == "dropped"}
    assert engine_dropped == ENGINE_DROPS
    assert _by_position(quality, "dropped") == {**ENGINE_DROPS, **GATE_DROPS}
    assert _by_position(quality, "repaired") == {("questions", 1): Reason.WRONG_KEY}
    assert _by_position(quality, "fixed")[("summary", 1)] is Reason.WRONG_LOCATION
    assert quality.repaired == 1 and quality.dropped == len(ENGINE_DROPS) + len(GATE_DROPS)
    assert quality.dropped_by_reason["duplicate options"] == 2 and quality.dropped_by_reason["junk source"] == 2
    assert quality.produced == 22 and quality.kept == quality.produced - quality.dropped
    # one repair request: the gate's failing positions only, each with its reason, and the topic's text
    [repair] = model.repairs
    assert sorted(repair["positions"]) == sorted(["questions_1", *(f"{s}_{i}" for s, i in GATE_DROPS)])
    assert "wrong key" in repair["failing"]["questions_1"]["reasons"][0]
    assert S3 in repair["document"] and "review question" not in repair["document"]
    assert quality.repair_usage.calls == 1 and generation.usage.calls == 1
    # what would be written: the fixed key, none of the planted defects, every quote located in topic 1
    assert cleaned is not None and quality.grounding_rate == 1.0
    written = cleaned.model_dump_json()
    assert not [t for t in PLANTED_TEXTS if t.replace('"', '\\"') in written]
    fixed = next(q for q in cleaned.questions if q.question == WRONG_KEY_Q)
    assert fixed.answer == "Chlorophyll"
    assert next(s for s in cleaned.summary.sentences if s.source.quote == S2).source.page == 3


def test_replacement_with_an_invented_quote_is_not_used(tmp_path):
    document, topic = pdf_like_document()
    model = Model({"page": 4}, fix={**FIXED_KEY, "source": _src(INVENTED)})
    with FakeOpenAIServer(responder=model) as server:
        settings = settings_for(server, tmp_path)

        cleaned, quality = generate_and_gate(settings, topic, document)
    assert quality.repaired == 0 and _by_position(quality, "dropped")[("questions", 1)] is Reason.WRONG_KEY
    assert WRONG_KEY_Q not in [getattr(q, "question", None) for q in cleaned.questions]
    assert INVENTED not in cleaned.model_dump_json()


def _markdown(path: Path) -> Path:
    leaf = " ".join(
        f"Leaf fact {i}: the stomata on the underside of a leaf open in daylight to let carbon dioxide in." for i in range(12)
    )
    cell = " ".join(
        f"Cell fact {i}: muscle cells that work hard need more energy and respire faster than resting cells." for i in range(12)
    )
    text = (
        f"# Photosynthesis\n\n{S1} {S2}\n\n{leaf}\n\n{leaf.replace('Leaf fact', 'Leaf note')}\n\n## Pigments\n\n{S3}\n\n"
        f"## References\n\n{REF}\n\n# Cellular Respiration\n\n{OTHER} It takes place mostly in the mitochondria.\n\n"
        f"{cell}\n\n{cell.replace('Cell fact', 'Cell note')}\n"
    )
    path.write_text(text, encoding="utf-8")
    return path


def test_pipeline_writes_none_of_the_planted_defects(tmp_path):
    source = _markdown(tmp_path / "biology.md")
    model = Model({"section": "Cellular Respiration"})
    with FakeOpenAIServer(responder=model) as server:
        settings = settings_for(server, tmp_path, repair="all")

        async def main():
            engine = OpenAIEngine.from_settings(settings)
            try:
                return await Converter(engine, tmp_path / "out").convert_all([source])
            finally:
                await engine.aclose()

        [result] = asyncio.run(main())
    assert len(result.topics) == 2 and result.topics[0].folder is not None, result.errors
    folder = result.topics[0].folder
    quality = TopicQuality.model_validate_json((folder / "quality.json").read_text())
    dropped = _by_position(quality, "dropped")
    # on a model's drafts a key the stem gives away and options alike are notes for the editor (teachers kept most such
    # items of a model's)
    noted_only = {("applications", 1), ("questions", 3), ("questions", 4)}
    assert {k: v for k, v in dropped.items() if k in GATE_DROPS and k not in noted_only} == {
        k: v for k, v in GATE_DROPS.items() if k not in noted_only
    }
    noted = {(f.section, f.index, f.reason) for f in quality.findings if f.action == "noted"}
    assert {("questions", 4, Reason.ANSWER_IN_STEM), ("questions", 3, Reason.DUPLICATE_OPTIONS)} <= noted
    assert {k: v for k, v in dropped.items() if k in ENGINE_DROPS} == ENGINE_DROPS  # the engine's own drops are reported too
    assert _by_position(quality, "repaired") == {("questions", 1): Reason.WRONG_KEY} and quality.repaired == 1
    for name in ("guide.json", "guide.md"):
        written = (folder / name).read_text()
        assert [t for t in PLANTED_TEXTS if t in written] == ["chemical energies", GIVEN_AWAY], name
    guide = json.loads((folder / "guide.json").read_text())
    fixed = next(q for q in guide["questions"] if q["question"] == WRONG_KEY_Q)
    assert fixed["options"][fixed["answer_index"]] == "Chlorophyll"
    assert {s["source"]["section"] for s in guide["summary"]["sentences"]} == {"Photosynthesis"}
