"""The pipeline with stand-in engines: statuses, ordering, failures that stay local."""

import asyncio
import json
import random

from conftest import SAMPLES

from seekh_convert.errors import EngineError
from seekh_convert.generate.offline import OfflineEngine
from seekh_convert.model.engine import Engine
from seekh_convert.pipeline import Converter, Options, Status

PDF = SAMPLES / "therapeutic-alliance-notes.pdf"
VTT = SAMPLES / "memory-lecture.vtt"


class JitteryEngine:
    """The offline engine's content, delivered after random delays (and optionally failing topics)."""

    name, model, chunk_tokens = "jittery", None, 1500
    languages, concurrency, on_request = frozenset({"en"}), 1, None

    def __init__(self, fail_topics=(), crash_topics=(), seed=0):
        self.inner = OfflineEngine()
        self.fail, self.crash = set(fail_topics), set(crash_topics)
        self.rng = random.Random(seed)

    async def generate(self, topic, document):
        await asyncio.sleep(self.rng.random() / 50)
        if topic.index in self.fail:
            raise EngineError("model refused")
        if topic.index in self.crash:
            raise RuntimeError("boom")
        return await self.inner.generate(topic, document)

    async def repair(self, content, findings, topic, document):
        return await self.inner.repair(content, findings, topic, document)

    async def aclose(self):
        await self.inner.aclose()


def _outputs(out):
    """The JSON files a conversion writes (the run report records times, so it is left out)."""
    return sorted(p for p in out.rglob("*.json") if p.name != "report.json")


def _run(engine, out, paths, options=None):
    return asyncio.run(Converter(engine, out, options).convert_all(paths))


def test_jittery_engine_satisfies_the_interface():
    assert isinstance(JitteryEngine(), Engine) and isinstance(OfflineEngine(), Engine)


def test_output_does_not_depend_on_timing(tmp_path):
    for seed in (1, 2):
        _run(JitteryEngine(seed=seed), tmp_path / str(seed), [PDF, VTT, PDF])
    a, b = _outputs(tmp_path / "1"), _outputs(tmp_path / "2")
    assert [p.relative_to(tmp_path / "1") for p in a] == [p.relative_to(tmp_path / "2") for p in b]
    for pa, pb in zip(a, b):
        ja, jb = json.loads(pa.read_text()), json.loads(pb.read_text())
        for j in (ja, jb):
            j.get("provenance", {}).pop("generated_at", None)
        assert ja == jb, pa
    assert (tmp_path / "1" / "therapeutic-alliance-notes-2").is_dir()  # same name twice: no clash


def test_a_failing_topic_is_partial_and_keeps_the_others(tmp_path):
    [result] = _run(JitteryEngine(fail_topics={2}, crash_topics={3}), tmp_path, [PDF])
    assert result.status is Status.PARTIAL
    assert len(result.guides) == len(result.topics) - 2
    assert any("model refused" in e for e in result.errors)
    assert any("unexpected RuntimeError: boom" in e for e in result.errors)
    index = json.loads((result.output_dir / "index.json").read_text())
    assert index["status"] == "partial"
    assert [t["error"] is not None for t in index["topics"]] == [False, True, True]


def test_a_rerun_that_fails_keeps_what_was_produced(tmp_path):
    [first] = _run(JitteryEngine(), tmp_path, [PDF])
    kept = first.guides[1] / "guide.json"
    before = kept.read_bytes()
    [second] = _run(JitteryEngine(fail_topics={2}), tmp_path, [PDF], Options(force=True))
    assert second.status is Status.PARTIAL
    assert kept.read_bytes() == before


def test_run_level_duplicates_are_removed_across_inputs(tmp_path):
    converter = Converter(OfflineEngine(), tmp_path)
    asyncio.run(converter.convert_all([PDF, PDF]))
    qualities = sorted((tmp_path / "therapeutic-alliance-notes-2").glob("*/quality.json"))
    reasons = [f["reason"] for q in qualities for f in json.loads(q.read_text())["findings"]]
    assert "duplicate across run" in reasons or any("duplicate" in r for r in reasons)


def test_inputs_sharing_a_file_name_stay_apart_in_the_summary(tmp_path):
    import shutil

    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(VTT, tmp_path / folder / "lecture.vtt")
    converter = Converter(OfflineEngine(), tmp_path / "out")
    asyncio.run(converter.convert_all([tmp_path / "a" / "lecture.vtt", tmp_path / "b" / "lecture.vtt"]))
    assert [d.input for d in converter.quality.documents] == ["lecture", "lecture-2"]


def test_source_date_epoch_pins_the_timestamp(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    for run in ("a", "b"):
        _run(OfflineEngine(), tmp_path / run, [VTT])
    a, b = _outputs(tmp_path / "a"), _outputs(tmp_path / "b")
    assert a and [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    assert '"generated_at": "2023-11-14T22:13:20Z"' in next(p for p in a if p.name == "guide.json").read_text()


class HeldEngine(JitteryEngine):
    """Holds the first input's topics until ``ready()`` (another input's guide on disk) or ``hold`` seconds pass."""

    concurrency = 4

    def __init__(self, held: str, ready, hold: float = 15.0):
        super().__init__()
        self.held, self.ready, self.hold = held, ready, hold
        self.waited: list[bool] = []

    async def generate(self, topic, document):
        if document.path.name == self.held:
            deadline = asyncio.get_running_loop().time() + self.hold
            while not self.ready() and asyncio.get_running_loop().time() < deadline:
                await asyncio.sleep(0.05)
            self.waited.append(self.ready())
        return await self.inner.generate(topic, document)


def test_a_slow_input_does_not_hold_back_the_guides_of_later_ones(tmp_path, monkeypatch):
    import shutil

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    slow = tmp_path / "slow.pdf"
    shutil.copy(PDF, slow)
    later = tmp_path / "held" / "therapeutic-alliance-notes"
    engine = HeldEngine("slow.pdf", lambda: any(later.glob("*/guide.json")))
    held = _run(engine, tmp_path / "held", [slow, PDF])
    assert engine.waited and all(engine.waited)  # the second input's guides were on disk while the first generated
    plain = _run(HeldEngine("none", lambda: True), tmp_path / "plain", [slow, PDF])
    assert [r.status for r in held] == [r.status for r in plain] == [Status.SUCCESS] * 2
    a, b = _outputs(tmp_path / "held"), _outputs(tmp_path / "plain")
    assert [p.relative_to(tmp_path / "held") for p in a] == [p.relative_to(tmp_path / "plain") for p in b]
    for pa, pb in zip(a, b):  # the run-level de-duplication of the second input against the first still applies
        assert pa.read_bytes() == pb.read_bytes(), pa
    reasons = [f["reason"] for q in later.glob("*/quality.json") for f in json.loads(q.read_text())["findings"]]
    assert any("duplicate" in r for r in reasons)
