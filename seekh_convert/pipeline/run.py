"""Reading (read -> clean -> split) and the Converter (generate -> check -> write); one result per input.

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
from seekh_convert.errors import BudgetError, ConfigError, EngineError, InputError, SeekhError
from seekh_convert.files import atomic_write_text, sha256_file, slugify
from seekh_convert.model.document import Document, PieceLimits, SourceKind, Topic
from seekh_convert.model.engine import Engine, work_order
from seekh_convert.model.guide import GuideContent, Provenance, StudyGuide, Usage
from seekh_convert.model.transcriber import Transcriber
from seekh_convert.pipeline.loader import DocumentLoader, Window, reader_processes
from seekh_convert.pipeline.transcribe import NEEDS_SERVER, needs_transcription, transcribe_document
from seekh_convert.read import AUDIO, SUPPORTED, ReadOptions, read
from seekh_convert.read.inputs import Selection, Skipped, find_inputs
from seekh_convert.split.chunk import Chunker
from seekh_convert.split.segment import Segmenter
from seekh_convert.text.language import language_name
from seekh_convert.write.json import JsonWriter, dump_model
from seekh_convert.write.markdown import MarkdownWriter
from seekh_convert.write.render import DEFAULT_FORMATS, RenderReport, render
from seekh_convert.write.transcript import TranscriptWriter

log = logging.getLogger(__name__)


@dataclass
class Options:
    """How inputs are read and converted (the CLI options that are not about the engine)."""

    max_topics: int | None = None
    single_topic: bool = False
    chunk_tokens: int = 1500  # the converter sets the engine's own request size
    password: str | None = None
    strict: bool = False  # fail a guide whose quality report misses the thresholds
    formats: tuple[str, ...] = DEFAULT_FORMATS  # json is always written; see write/render.py
    ocr: str = "auto"  # PDF pages without a text layer: auto (OCR them), always (OCR every page), never
    max_pages: int | None = None  # refuse longer PDFs and decks
    max_bytes: int | None = None  # refuse bigger files
    language: str | None = None  # --language: the document's language (OCR, transcription) and the guide's
    audio_pieces: PieceLimits | None = None  # recordings: upload limits of the transcription server
    gate: GateSettings | None = None  # the quality gate's settings (default: GateSettings())
    subject: str | None = None  # --subject: every guide's subject, whatever the engine says
    level: str | None = None  # --level: every guide's level, whatever the engine says
    thresholds: StrictThresholds | None = None  # what --strict demands (default: StrictThresholds())


# -- reading: read -> clean -> split ---------------------------------------------------------------


def expand_inputs(paths: list[Path], include: tuple[str, ...] = (), exclude: tuple[str, ...] = ()) -> list[Path]:
    """Folders become the supported files inside them (recursively, sorted, hidden ones skipped).

    Files named explicitly are kept whatever their type, so an unsupported one gets its own error; see
    ``read.inputs.find_inputs`` for the files left out, each with its reason.
    """
    return find_inputs(paths, Selection(include, exclude))[0]


def skipped_result(skipped: Skipped) -> ConversionResult:
    """The result of a file a run left out on purpose (not converted, and not a failure)."""
    return ConversionResult(source=skipped.path, status=Status.SKIPPED, errors=[skipped.reason])


def load_document(path: Path, options: Options | None = None, *, transcribed_later: bool = False) -> Document:
    """Read, clean, segment and chunk one file: the stages before generation, in their order.

    A recording needs transcription (by the ``Converter``) between read and clean: with ``transcribed_later``
    it is returned as read (``prepare_document`` does the rest), else it is refused.
    """
    options = options or Options()
    if not path.exists():
        raise InputError(f"{path}: no such file; check the path")
    if path.is_dir():
        raise InputError(f"{path}: folder holds no supported files ({', '.join(SUPPORTED)})")
    try:
        path.open("rb").close()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}); check its permissions") from exc
    if path.suffix.lower() in AUDIO and not transcribed_later:
        raise InputError(f"{path.name}: a recording; use the transcript.vtt written beside its guides instead")
    reading = ReadOptions(
        options.password, options.ocr, options.max_pages, options.max_bytes, options.language, options.audio_pieces
    )
    doc = read(path, options=reading)
    doc.output_language = options.language or ""
    doc.sha256 = sha256_file(path)
    if needs_transcription(doc):
        return doc
    return prepare_document(doc, options)


def load_for_conversion(path: Path, options: Options) -> Document:
    """``load_document`` as the ``Converter``'s reader processes run it: recordings stop before transcription."""
    return load_document(path, options, transcribed_later=True)


def prepare_document(doc: Document, options: Options) -> Document:
    """Clean, segment and chunk a document that has been read (and, for a recording, transcribed)."""
    stages = (
        clean,
        Segmenter(max_topics=options.max_topics, single_topic=options.single_topic),
        Chunker(max_tokens=options.chunk_tokens),
    )
    for stage in stages:
        doc = stage(doc)
    return doc


def _check_language(doc: Document, engine: Engine) -> None:
    """An engine that writes some languages only refuses the others (``--language`` may ask for one it writes)."""
    supported = engine.languages
    wanted = doc.output_language or doc.language
    if supported and wanted and wanted not in supported:
        names = ", ".join(sorted(language_name(code) for code in supported))
        raise InputError(
            f"{doc.path.name} is in {language_name(doc.language)} ({doc.language}); the {engine.name} engine writes guides "
            f"in {names} only: pass --language {sorted(supported)[0]} for a guide in {names}, or use an LLM (--model) "
            "to write it in the document's language"
        )


class Status(str, enum.Enum):
    SUCCESS = "success"
    PARTIAL = "partial"  # some topics failed; the others were written
    FAILURE = "failure"
    SKIPPED = "skipped"  # a file in a folder left out on purpose (type, --include/--exclude, duplicate content)


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
    transcription: Usage | None = None  # recordings: the transcription requests

    @property
    def guides(self) -> list[Path]:
        return [t.folder for t in self.topics if t.folder is not None]

    @property
    def usage(self) -> Usage:
        return sum((t.usage for t in self.topics if t.usage), self.transcription or Usage())


def publish(out_dir: Path, formats: tuple[str, ...] | list[str], approved_only: bool = False) -> RenderReport:
    """Render an output folder's guides in ``formats`` (site, exports), reviewed; nothing is written if one is invalid."""
    return render(out_dir, [f for f in formats if f != "json"], approved_only)


# -- converting --------------------------------------------------------------------------------


def _size_of(path: Path) -> int:
    try:
        return path.stat().st_size if path.is_file() else 0
    except OSError:
        return 0


def _now() -> datetime:
    """The generation time; ``SOURCE_DATE_EPOCH`` (reproducible builds) pins it, making output byte-identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC).replace(microsecond=0)


class Converter:
    """Converts inputs with one engine into an output folder, one sub-folder per input.

    Inputs are read (in worker processes when there are several) and generated concurrently: every topic
    of every input in memory draws on the engine's one request pool, earliest input first. Each guide then
    passes the quality gate, and the run-level de-duplication and writing happen in input order, so output
    does not depend on timing.
    """

    #: Inputs held in memory at once (read, generating, or waiting for their turn to be written): enough to keep
    #: the engine's request pool full across input boundaries, bounded by count and by source bytes.
    documents_in_memory: int | None = None  # default: 4, or twice the engine's concurrency (at most 64)
    source_bytes_in_memory: int = 256 << 20
    #: Worker processes reading inputs when there are several (0: read in a thread).
    read_processes: int = reader_processes()

    def __init__(
        self, engine: Engine, out_dir: Path, options: Options | None = None, on_event=None, transcriber: Transcriber | None = None
    ):
        self.engine = engine
        self.transcriber = transcriber  # recordings' speech to text; without one they are refused
        self.out_dir = out_dir
        self.options = dataclasses.replace(options or Options(), chunk_tokens=engine.chunk_tokens)
        self.on_event = on_event or (lambda *_: None)
        self.writers = (JsonWriter(), MarkdownWriter()) if "md" in self.options.formats else (JsonWriter(),)
        self.dedup = RunDeduplicator()
        self.quality = RunQuality()
        self.stopped: ConfigError | BudgetError | None = None  # the first error that stops the run: it stops there
        self._folders: set[str] = set()

    def _input_folder(self, path: Path) -> Path:
        base = slugify(path.stem, fallback="document")
        name, n = base, 1
        while name in self._folders:
            n += 1
            name = f"{base}-{n}"
        self._folders.add(name)
        return self.out_dir / name

    def _window(self) -> Window:
        concurrency = self.engine.concurrency
        documents = self.documents_in_memory or min(64, max(4, 2 * concurrency))
        return Window(documents, self.source_bytes_in_memory)

    async def convert_all(self, paths: list[Path]) -> list[ConversionResult]:
        folders = [self._input_folder(p) for p in paths]  # decided up front: stable names
        turns = [asyncio.Event() for _ in paths]
        if turns:
            turns[0].set()
        window = self._window()
        loader = DocumentLoader(load_for_conversion, self.read_processes if len(paths) > 1 else 0)
        self.engine.on_request = lambda event: self.on_event("request", paths[event.order[0]], event)

        async def one(i: int) -> ConversionResult:
            size = _size_of(paths[i])
            try:
                await window.acquire(size)  # in input order: tasks start in that order
                try:
                    return await self.convert(paths[i], folders[i], turns[i], loader=loader, order=i)
                finally:
                    window.release(size)
            finally:
                if i + 1 < len(turns):
                    turns[i + 1].set()

        try:
            return list(await asyncio.gather(*(one(i) for i in range(len(paths)))))
        finally:
            loader.close()

    async def convert(
        self, path: Path, folder: Path, turn: asyncio.Event | None = None, *, loader: DocumentLoader | None = None, order: int = 0
    ) -> ConversionResult:
        result = ConversionResult(source=path)
        try:
            doc = await self._load(path, folder, loader or DocumentLoader(load_for_conversion, 0), order, result)
            _check_language(doc, self.engine)
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
        drafts = await asyncio.gather(*(self._draft(doc, t, order) for t in doc.topics))
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

    async def _load(self, path: Path, folder: Path, loader: DocumentLoader, order: int, result: ConversionResult) -> Document:
        """Read the input; a recording is transcribed (its transcript.vtt written at once), then cleaned and split."""
        if path.suffix.lower() in AUDIO and self.transcriber is None:
            raise InputError(f"{path.name}: {NEEDS_SERVER}")  # before decoding an hour of audio for nothing
        doc = await loader.load(path, self.options)
        if not needs_transcription(doc):
            return doc
        work_order.set((order, 0))
        result.transcription = await transcribe_document(doc, self.transcriber, self.options.language)
        TranscriptWriter()(doc, folder, self.transcriber.model)
        result.output_dir = folder  # the transcript is kept even if no guide can be made
        return await asyncio.to_thread(prepare_document, doc, self.options)

    async def _draft(self, doc: Document, topic: Topic, order: int = 0) -> tuple[TopicResult, GuideContent | None]:
        """Generate and gate one topic (concurrently with the others; its requests carry its place in the run)."""
        work_order.set((order, topic.index))
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
        except (ConfigError, BudgetError) as exc:  # bad key, unreachable server, budget: every further request would fail
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
            slides=topic.slides,
            language=doc.language or None,
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
            "language": doc.language or doc.metadata.get("language") or None,
            **{k: doc.metadata[k] for k in ("declared_language",) if k in doc.metadata},
            "ocr_confidence": {str(page): conf for page, conf in sorted(doc.ocr.items())},  # pages read by OCR
            **(
                {"transcript": TranscriptWriter.filename, "transcription": result.transcription.model_dump()}
                if result.transcription
                else {}
            ),
            "usage": result.usage.model_dump(),
        }
        atomic_write_text(result.output_dir / "index.json", json.dumps(index, indent=2, ensure_ascii=False) + "\n")  # type: ignore[operator]
