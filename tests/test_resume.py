"""Resuming a run: a real ``seekh-convert`` process killed with SIGKILL halfway, run again, ends with the
same guide files as a clean run and sends no request whose reply it already had."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import SAMPLES
from fakes.openai_server import FakeOpenAIServer, quoting_reply

pytestmark = pytest.mark.usefixtures("mechanics_only")


EXE = Path(sys.executable).with_name("seekh-convert")
SUBJECTS = ["comets", "glaciers", "volcanoes", "coral reefs"]


def course_folder(root: Path) -> Path:
    """Six inputs: four Markdown chapters of three sections each, the sample PDF and the sample lecture."""
    folder = root / "course"
    folder.mkdir()
    for n, subject in enumerate(SUBJECTS):
        sections = []
        for part in ("Origins", "Structure", "Change over time"):
            sections.append(
                f"## {part} of {subject}\n\n"
                f"The {part.lower()} of {subject} were studied by researchers in laboratory {n}{len(part)}. "
                f"Students learn that {subject} show {part.lower()} patterns that repeat every {n + len(part)} years. "
                f"Field notes describe how {subject} respond to pressure, temperature and time in region {n}.\n"
            )
        (folder / f"{n + 1:02d}-{subject.replace(' ', '-')}.md").write_text(f"# {subject.title()}\n\n" + "\n".join(sections))
    shutil.copy(SAMPLES / "therapeutic-alliance-notes.pdf", folder / "05-alliance.pdf")
    shutil.copy(SAMPLES / "memory-lecture.vtt", folder / "06-memory.vtt")
    return folder


def _command(folder: Path, out: Path, cache: Path, url: str, *extra: str) -> list[str]:
    args = [str(EXE), "convert", str(folder), "-o", str(out), "--model", "fake-model", "--base-url", url]
    return [*args, "--cache-dir", str(cache), "--concurrency", "2", *extra]


ENV_EXTRA = {"OPENAI_API_KEY": "sk-resume-test", "SOURCE_DATE_EPOCH": "1700000000"}


def _env() -> dict:
    """The environment of a CLI run, taken when it starts (the tests' isolated user folders included)."""
    return {**os.environ, **ENV_EXTRA}


def _run(folder, out, cache, url, *extra) -> subprocess.CompletedProcess:
    return subprocess.run(_command(folder, out, cache, url, *extra), capture_output=True, text=True, timeout=300, env=_env())


def _files(out: Path) -> dict[str, bytes]:
    """Every output file but the run's own state and reports."""
    return {
        str(p.relative_to(out)): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and ".seekh" not in p.parts and p.name not in ("report.json", "report.md")
    }


def _written(out: Path) -> int:
    """Inputs the manifest records as written completely."""
    try:
        with sqlite3.connect(f"file:{out / '.seekh' / 'manifest.sqlite'}?mode=ro", uri=True) as db:
            return db.execute("SELECT COUNT(*) FROM inputs WHERE stage = 'written' AND status = 'success'").fetchone()[0]
    except sqlite3.Error:
        return 0


def _cached(cache: Path) -> int:
    with sqlite3.connect(cache / "replies.sqlite") as db:
        return db.execute("SELECT COUNT(*) FROM replies").fetchone()[0]


def test_killed_halfway_then_resumed_ends_like_a_clean_run(tmp_path):
    folder = course_folder(tmp_path)
    with FakeOpenAIServer(responder=quoting_reply, delay=0.1) as server:
        clean = _run(folder, tmp_path / "clean", tmp_path / "cache-clean", server.url)
        assert clean.returncode in (0, 1), clean.stderr[-2000:]
        total = len(server.requests)
        assert total >= 8  # a guide request per topic; repairs only where a guide needs them

    process: list[subprocess.Popen] = []
    killed = threading.Event()

    def kill_halfway(body: dict) -> str:
        if len(server.requests) >= total // 2 and _written(out) and not killed.is_set():
            process[0].send_signal(signal.SIGKILL)  # before answering: this request is in flight at the kill
            process[0].wait()
            killed.set()
        return quoting_reply(body)

    out, cache = tmp_path / "out", tmp_path / "cache"
    with FakeOpenAIServer(responder=kill_halfway, delay=0.1) as server:
        args = _command(folder, out, cache, server.url)
        process.append(subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env()))
        process[0].wait(timeout=300)
        assert killed.is_set() and process[0].returncode == -signal.SIGKILL
        sent_before_kill, answered, finished = len(server.requests), _cached(cache), _written(out)
        assert finished >= 1 and sent_before_kill < total  # killed halfway: some inputs written, others not
        in_flight_at_kill = sent_before_kill - answered
        assert 0 < in_flight_at_kill <= 2  # at most the pool's size was lost

        resumed = _run(folder, out, cache, server.url)
        assert resumed.returncode == clean.returncode, resumed.stderr[-2000:]
        sent_after = len(server.requests) - sent_before_kill

    assert sent_before_kill + sent_after <= total + in_flight_at_kill
    assert sent_after == total - answered  # every reply received before the kill came from the cache
    assert resumed.stderr.count("converted by an earlier run, skipped") == finished  # finished inputs were not redone
    assert _files(out) == _files(tmp_path / "clean")  # same files, same bytes: no duplicate, stale or partial file
    assert not list(out.rglob("*.tmp"))


# -- the manifest with the offline engine: skip, --force, changed sources, stale topic folders ----------


def _convert(out: Path, paths: list[Path], **options):
    import asyncio

    from seekh_convert.generate.offline import OfflineEngine
    from seekh_convert.pipeline import Converter, Options

    events: list[tuple[str, str]] = []
    converter = Converter(
        OfflineEngine(), out, Options(**options), on_event=lambda kind, path, _: events.append((kind, path.name))
    )
    return asyncio.run(converter.convert_all(paths)), events


def test_a_finished_input_is_skipped_until_forced(tmp_path):
    pdf = SAMPLES / "therapeutic-alliance-notes.pdf"
    [first], _ = _convert(tmp_path, [pdf])
    written = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("guide.json")}
    [again], events = _convert(tmp_path, [pdf])
    assert again.resumed and again.status == first.status and again.guides == first.guides
    assert ("resumed", pdf.name) in events and not any(kind == "topic" for kind, _ in events)
    assert {p: p.stat().st_mtime_ns for p in tmp_path.rglob("guide.json")} == written  # nothing rewritten
    [forced], events = _convert(tmp_path, [pdf], force=True)
    assert not forced.resumed and ("resumed", pdf.name) not in events
    assert [t.quality.kept for t in again.topics] == [t.quality.kept for t in first.topics]  # quality read back


def test_other_output_formats_do_not_redo_an_input_but_other_content_options_do(tmp_path):
    pdf = SAMPLES / "therapeutic-alliance-notes.pdf"
    _convert(tmp_path, [pdf])
    [again], _ = _convert(tmp_path, [pdf], formats=("json", "anki"))  # guide.json would not change
    assert again.resumed
    [relabelled], _ = _convert(tmp_path, [pdf], subject="History", stale="remove")  # it would
    assert not relabelled.resumed and relabelled.guides


def test_a_deleted_guide_or_a_changed_source_is_converted_again(tmp_path):
    source = tmp_path / "notes.md"
    source.write_text((course_folder(tmp_path) / "01-comets.md").read_text())
    out = tmp_path / "out"
    [first], _ = _convert(out, [source])
    next(out.rglob("guide.json")).unlink()
    [second], _ = _convert(out, [source])
    assert not second.resumed and len(second.guides) == len(first.guides)
    source.write_text(source.read_text() + "\n\nA new closing paragraph about study guides and their readers.\n")
    [third], _ = _convert(out, [source])  # another version of the file: its old topic folders are stale
    assert third.status.value == "failure" and "another version of notes.md" in third.errors[0]
    assert "--stale remove" in third.errors[0]


def test_stale_topic_folders_are_never_mixed_silently(tmp_path):
    pdf = SAMPLES / "therapeutic-alliance-notes.pdf"
    [three], _ = _convert(tmp_path, [pdf], max_topics=3)
    old = sorted(p.name for p in three.output_dir.iterdir() if p.is_dir())
    [refused], events = _convert(tmp_path, [pdf], max_topics=1)
    assert refused.status.value == "failure" and not refused.topics
    assert f"{len(old)} topic folder(s) from an earlier run with other options" in refused.errors[0]
    assert sorted(p.name for p in three.output_dir.iterdir() if p.is_dir()) == old  # untouched
    [kept], _ = _convert(tmp_path, [pdf], max_topics=1, stale="keep")
    assert len(kept.guides) == 1 and sorted(p.name for p in kept.output_dir.iterdir() if p.is_dir()) == old
    [removed], _ = _convert(tmp_path, [pdf], max_topics=2, stale="remove")
    assert sorted(p.name for p in removed.output_dir.iterdir() if p.is_dir()) == sorted(g.name for g in removed.guides)


class _FailsOnce:
    """The offline engine, failing the first topic of ``first.pdf`` (the same name and settings otherwise)."""

    name, model, chunk_tokens = "offline", None, 1500
    languages, concurrency, on_request = frozenset({"en"}), 1, None

    def __init__(self):
        from seekh_convert.generate.offline import OfflineEngine

        self.inner = OfflineEngine()

    async def generate(self, topic, document):
        from seekh_convert.errors import EngineError

        if document.path.name == "first.pdf" and topic.index == 1:
            raise EngineError("the model was busy")
        return await self.inner.generate(topic, document)

    async def repair(self, content, findings, topic, document):
        return await self.inner.repair(content, findings, topic, document)

    async def aclose(self):
        await self.inner.aclose()


def test_an_input_after_one_that_came_out_otherwise_is_written_again(tmp_path, monkeypatch):
    """The second copy's duplicates of the first are dropped; when the first was partial they were not: after a
    resumed run completes the first, the second must be written again, as in a clean run."""
    import asyncio

    from seekh_convert.pipeline import Converter

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    inputs = []
    for name in ("first.pdf", "second.pdf"):
        shutil.copy(SAMPLES / "therapeutic-alliance-notes.pdf", tmp_path / name)
        inputs.append(tmp_path / name)
    [first, second] = asyncio.run(Converter(_FailsOnce(), tmp_path / "out").convert_all(inputs))
    assert first.status.value == "partial" and second.status.value == "success"
    [first, second], events = _convert(tmp_path / "out", inputs)
    assert first.status.value == second.status.value == "success" and not second.resumed
    _convert(tmp_path / "clean", inputs)
    assert _files(tmp_path / "out") == _files(tmp_path / "clean")
