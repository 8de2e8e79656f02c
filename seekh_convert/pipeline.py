"""The wiring, the one place that knows the stages and their order; one result per input.

Each input is read -> cleaned -> split into topics and chunks (``load_document``), then every topic goes
generate -> check (the quality gate) -> run-level de-duplication -> write. A bad input becomes a FAILURE
result with a one-line error; the batch goes on.
"""

from __future__ import annotations

import asyncio
import dataclasses
import enum
import logging
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from seekh_convert import __version__
from seekh_convert.check import (
    GateSettings,
    RunDeduplicator,
    RunQuality,
    StrictThresholds,
    TopicQuality,
    run_gate,
    strict_failures,
)
from seekh_convert.clean import clean
from seekh_convert.errors import ConfigError, EngineError, InputError, SeekhError
from seekh_convert.files import atomic_write_text, sha256_file, slugify
from seekh_convert.model.document import Document, SourceKind, Topic
from seekh_convert.model.engine import Engine
from seekh_convert.model.guide import GuideContent, Provenance, StudyGuide, Usage
from seekh_convert.read import SUPPORTED, read
from seekh_convert.split.chunk import Chunker
from seekh_convert.split.segment import Segmenter
from seekh_convert.write.json import JsonWriter, dump_model
from seekh_convert.write.markdown import MarkdownWriter

log = logging.getLogger(__name__)


@dataclass
class Options:
    """How inputs are read and converted (the CLI options that are not about the engine)."""

    max_topics: int | None = None
    single_topic: bool = False
    chunk_tokens: int = 1500  # the converter sets the engine's own request size
    password: str | None = None
    strict: bool = False  # fail a guide whose quality report misses the thresholds
    gate: GateSettings | None = None  # the quality gate's settings (default: GateSettings())
    subject: str | None = None  # --subject: every guide's subject, whatever the engine says
    level: str | None = None  # --level: every guide's level, whatever the engine says
    thresholds: StrictThresholds | None = None  # what --strict demands (default: StrictThresholds())


# -- reading: read -> clean -> split ---------------------------------------------------------------


def expand_inputs(paths: list[Path]) -> list[Path]:
    """Folders become the supported files inside them (recursively, sorted, hidden ones skipped).

    Files named explicitly are kept whatever their type, so an unsupported one gets its own error.
    """
    out: list[Path] = []
    for path in paths:
        if not path.is_dir():
            out.append(path)
            continue
        found = sorted(
            p
            for p in path.rglob("*")
            if p.is_file()
            and p.suffix.lower() in SUPPORTED
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        out.extend(found or [path])  # an empty folder stays, to be reported
    return out


def load_document(path: Path, options: Options | None = None) -> Document:
    """Read, clean, segment and chunk one file: the stages before generation, in their order."""
    options = options or Options()
    if not path.exists():
        raise InputError(f"{path}: no such file; check the path")
    if path.is_dir():
        raise InputError(f"{path}: folder holds no supported files ({', '.join(SUPPORTED)})")
    try:
        path.open("rb").close()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}); check its permissions") from exc
    doc = read(path, password=options.password)
    doc.sha256 = sha256_file(path)
    stages = (
        clean,
        Segmenter(max_topics=options.max_topics, single_topic=options.single_topic),
        Chunker(max_tokens=options.chunk_tokens),
    )
    for stage in stages:
        doc = stage(doc)
    return doc


class Status(str, enum.Enum):
    SUCCESS = "success"
    PARTIAL = "partial"  # some topics failed; the others were written
    FAILURE = "failure"


@dataclass
class TopicResult:
    index: int
    title: str
    folder: Path | None = None
    error: str | None = None
    usage: Usage | None = None
    quality: TopicQuality | None = None
    skipped: bool = False  # not attempted: the run had already stopped on a configuration error


@dataclass
class ConversionResult:
    """What happened to one input."""

    source: Path
    status: Status = Status.FAILURE
    output_dir: Path | None = None
    topics: list[TopicResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def guides(self) -> list[Path]:
        return [t.folder for t in self.topics if t.folder is not None]

    @property
    def usage(self) -> Usage:
        return sum((t.usage for t in self.topics if t.usage), Usage())


# -- converting --------------------------------------------------------------------------------


def _now() -> datetime:
    """The generation time; ``SOURCE_DATE_EPOCH`` (reproducible builds) pins it, making output byte-identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC).replace(microsecond=0)


class Converter:
    """Converts inputs with one engine into an output folder, one sub-folder per input.

    Documents are read and generated concurrently; each guide then passes the quality gate, and the
    run-level de-duplication and writing happen in input order, so output does not depend on timing.
    """

    documents_in_flight: int = 4  # inputs held in memory at once (LLM requests are bounded by the engine)

    def __init__(self, engine: Engine, out_dir: Path, options: Options | None = None, on_event=None):
        self.engine = engine
        self.out_dir = out_dir
        self.options = dataclasses.replace(options or Options(), chunk_tokens=engine.chunk_tokens)
        self.on_event = on_event or (lambda *_: None)
        self.writers = (JsonWriter(), MarkdownWriter())
        self.dedup = RunDeduplicator()
        self.quality = RunQuality()
        self.stopped: ConfigError | None = None  # set on the first configuration error: the run stops there
        self._folders: set[str] = set()

    def _input_folder(self, path: Path) -> Path:
        base = slugify(path.stem, fallback="document")
        name, n = base, 1
        while name in self._folders:
            n += 1
            name = f"{base}-{n}"
        self._folders.add(name)
        return self.out_dir / name

    async def convert_all(self, paths: list[Path]) -> list[ConversionResult]:
        folders = [self._input_folder(p) for p in paths]  # decided up front: stable names
        turns = [asyncio.Event() for _ in paths]
        if turns:
            turns[0].set()

        slots = asyncio.Semaphore(self.documents_in_flight)  # FIFO: held by the earliest unfinished inputs

        async def one(i: int) -> ConversionResult:
            try:
                async with slots:
                    return await self.convert(paths[i], folders[i], turns[i])
            finally:
                if i + 1 < len(turns):
                    turns[i + 1].set()

        return list(await asyncio.gather(*(one(i) for i in range(len(paths)))))

    async def convert(self, path: Path, folder: Path, turn: asyncio.Event | None = None) -> ConversionResult:
        result = ConversionResult(source=path)
        try:
            doc = await asyncio.to_thread(load_document, path, self.options)
        except SeekhError as exc:
            result.errors.append(str(exc))
        except Exception as exc:  # a bug, not bad input: still one line, and the batch goes on
            log.debug("unexpected error reading %s", path, exc_info=True)
            result.errors.append(f"{path.name}: unexpected {type(exc).__name__}: {exc}; please report this")
        if result.errors:
            if turn is not None:
                await turn.wait()  # report in input order
            self.on_event("failed", path, result.errors[-1])
            return result
        result.output_dir = folder
        result.warnings.extend(doc.warnings)
        self.on_event("loaded", path, doc)
        drafts = await asyncio.gather(*(self._draft(doc, t) for t in doc.topics))
        if turn is not None:
            await turn.wait()
        result.topics = [self._finish(doc, topic, tr, content, folder) for topic, (tr, content) in zip(doc.topics, drafts)]
        result.errors.extend(t.error for t in result.topics if t.error)
        ok = sum(1 for t in result.topics if t.folder)
        result.status = Status.SUCCESS if ok == len(result.topics) else Status.PARTIAL if ok else Status.FAILURE
        try:
            self._write_index(doc, result)
        except SeekhError as exc:
            result.errors.append(str(exc))
            result.status = Status.FAILURE if not ok else Status.PARTIAL
        self.on_event("done", path, result)
        return result

    async def _draft(self, doc: Document, topic: Topic) -> tuple[TopicResult, GuideContent | None]:
        """Generate and gate one topic (concurrently with the others)."""
        tr = TopicResult(index=topic.index, title=topic.title)
        if self.stopped is not None:
            tr.error, tr.skipped = f"{doc.path.name}: topic {topic.index} '{topic.title}': not attempted ({self.stopped})", True
            return tr, None
        try:
            generation = await self.engine.generate(topic, doc)
            tr.usage = generation.usage
            content, tr.quality = await run_gate(
                generation.content, topic, doc, self.engine, settings=self.options.gate, engine_findings=generation.findings
            )
            if tr.quality.repair_usage is not None:
                tr.usage = (tr.usage or Usage()) + tr.quality.repair_usage
            return tr, content
        except ConfigError as exc:  # bad key, unreachable server: every further request would fail the same way
            tr.error = f"{doc.path.name}: topic {topic.index} '{topic.title}': {exc}"
            tr.skipped = self.stopped is not None
            self.stopped = self.stopped or exc
        except SeekhError as exc:
            tr.error = f"{doc.path.name}: topic {topic.index} '{topic.title}': {exc}"
            if isinstance(exc, EngineError) and isinstance(exc.usage, Usage):
                tr.usage = exc.usage  # failed attempts still cost tokens
        except Exception as exc:
            log.debug("unexpected error on %s topic %d", doc.path, topic.index, exc_info=True)
            tr.error = f"{doc.path.name}: topic {topic.index} '{topic.title}': unexpected {type(exc).__name__}: {exc}; please report this"
        return tr, None

    def _finish(self, doc: Document, topic: Topic, tr: TopicResult, content: GuideContent | None, folder: Path) -> TopicResult:
        """De-duplicate against the run so far, apply --strict, write (in input order)."""
        quality = tr.quality
        target = folder / f"{topic.index:02d}-{slugify(topic.title)}"
        try:
            if content is not None and quality is not None:
                content = self.dedup.apply(content, quality)
                thresholds = self.options.thresholds or StrictThresholds()
                problems = strict_failures(quality, thresholds, content) if self.options.strict else []
                if problems:
                    tr.error = f"{doc.path.name}: topic {topic.index} '{topic.title}': --strict: " + "; ".join(
                        p.split(": ", 1)[-1] for p in problems
                    )
                else:
                    guide = self._guide(doc, topic, content, tr.usage)
                    for write in self.writers:
                        write(guide, target)
                    tr.folder = target
            elif tr.error is None and quality is not None:
                tr.error = f"{doc.path.name}: topic {topic.index} '{topic.title}': " + (
                    "; ".join(quality.notes) or "the quality gate rejected the guide"
                )
            if quality is not None:
                atomic_write_text(target / "quality.json", dump_model(quality))
                self.quality.add(quality, input_key=folder.name)
        except SeekhError as exc:
            tr.error = f"{doc.path.name}: topic {topic.index} '{topic.title}': {exc}"
        self.on_event("topic", doc.path, tr)
        return tr

    def _guide(self, doc: Document, topic: Topic, content: GuideContent, usage: Usage | None) -> StudyGuide:
        provenance = Provenance(
            source_file=doc.path.name,
            source_sha256=doc.sha256,
            source_kind=doc.kind.value,
            topic_index=topic.index,
            topic_count=len(doc.topics),
            pages=topic.pages,
            time_range=topic.time_range if doc.kind is SourceKind.TRANSCRIPT else None,
            max_topics=self.options.max_topics,
            single_topic=self.options.single_topic,
            engine=self.engine.name,
            model=self.engine.model,
            tool_version=__version__,
            generated_at=_now(),
            usage=usage,
        )
        labels = {"subject": self.options.subject, "level": self.options.level}
        overrides = {k: v for k, v in labels.items() if v is not None}
        return StudyGuide.model_validate({**content.model_dump(), **overrides, "provenance": provenance})

    def _write_index(self, doc: Document, result: ConversionResult) -> None:
        import json

        index = {
            "source_file": doc.path.name,
            "source_sha256": doc.sha256,
            "title": doc.title,
            "status": result.status.value,
            "topics": [
                {
                    "index": t.index,
                    "title": t.title,
                    "folder": t.folder.name if t.folder else None,
                    "error": t.error,
                }
                for t in result.topics
            ],
            "warnings": result.warnings,
            "usage": result.usage.model_dump(),
        }
        atomic_write_text(result.output_dir / "index.json", json.dumps(index, indent=2, ensure_ascii=False) + "\n")  # type: ignore[operator]
