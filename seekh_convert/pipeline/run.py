"""Reading (read -> clean -> split) and the Converter (generate -> check -> write); one result per input.

Each input is read -> cleaned -> split into topics and chunks (``load_document``), then every topic goes
generate -> check (the quality gate) -> run-level de-duplication -> write. A bad input becomes a FAILURE
result with a one-line error; the batch goes on.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from seekh_convert.check import (
    GateSettings,
    RunDeduplicator,
    RunQuality,
    StrictThresholds,
    pages_left_out,
    source_pages,
    strict_failures,
)
from seekh_convert.clean import clean
from seekh_convert.errors import BudgetError, ConfigError, InputError, PreflightError, SeekhError
from seekh_convert.files import atomic_write_bytes, atomic_write_text, sha256_file
from seekh_convert.model.document import Document, PieceLimits, Topic
from seekh_convert.model.engine import Engine, MeteredEngine, RequestEvent, work_order
from seekh_convert.model.guide import GuideContent
from seekh_convert.model.transcriber import Transcriber
from seekh_convert.pipeline.coverage import coverage_warning, document_coverage
from seekh_convert.pipeline.drafting import (
    Draft,
    draft,
    draft_offline,
    drafts_gate,
    generates_offline,
    offline_parts,
    trim_heap,
)
from seekh_convert.pipeline.loader import READ_TIMEOUT, DocumentLoader, Window, file_size, reader_processes
from seekh_convert.pipeline.lock import OutputLock
from seekh_convert.pipeline.manifest import Manifest
from seekh_convert.pipeline.outputs import as_produced, study_guide, write_index
from seekh_convert.pipeline.preflight import check_readable, preflight
from seekh_convert.pipeline.report import RunInfo, build_report, write_report
from seekh_convert.pipeline.results import ConversionResult, Status, TopicResult, from_record, to_record
from seekh_convert.pipeline.resume import InputPlan, fingerprint, plan_run
from seekh_convert.pipeline.transcribe import NEEDS_SERVER, needs_transcription, transcribe_document
from seekh_convert.read import AUDIO, SUPPORTED, ReadOptions, read  # noqa: F401 (SUPPORTED: re-exported)
from seekh_convert.read.inputs import Selection, Skipped, find_inputs
from seekh_convert.split.chunk import Chunker
from seekh_convert.split.segment import Segmenter
from seekh_convert.text.language import language_name
from seekh_convert.write.json import JsonWriter, dump_model
from seekh_convert.write.render import DEFAULT_FORMATS, RenderReport, render
from seekh_convert.write.transcript import TranscriptWriter

log = logging.getLogger(__name__)


@dataclass
class Options:
    """How inputs are read and converted (the CLI options that are not about the engine)."""

    max_topics: int | None = None
    single_topic: bool = False
    chunk_tokens: int = 1500  # the converter sets the engine's own request size
    deck_words: int | None = None  # slide decks: words a topic groups (None: the segmenter's; the converter sets the engine's)
    topic_words: int | None = None  # fewest words of a topic (None: the segmenter's; the converter sets the engine's)
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
    force: bool = False  # redo inputs an earlier run into the same output folder finished
    stale: str = "error"  # topic folders an earlier run with other options left: error, remove or keep
    budget: float | None = None  # USD the requests into this output folder may cost in all (engines that pay)
    read_timeout: float | None = None  # seconds one input may take to be read, cleaned and split (None: [run] setting)


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
    check_readable(path)
    if path.suffix.lower() in AUDIO and not transcribed_later:
        raise InputError(f"{path.name}: a recording; use the transcript.vtt written beside its guides instead")
    reading = ReadOptions(
        options.password, options.ocr, options.max_pages, options.max_bytes, options.language, options.audio_pieces
    )
    doc = read(path, options=reading)
    trim_heap()  # what the readers freed (a 352-page PDF: 44 MiB) goes back before cleaning loads its models
    doc.output_language = options.language or ""
    doc.sha256 = sha256_file(path)
    if needs_transcription(doc):
        return doc
    return prepare_document(doc, options)


def load_for_conversion(path: Path, options: Options) -> Document:
    """``load_document`` as the ``Converter``'s readers run it: recordings stop before transcription."""
    return load_document(path, options, transcribed_later=True)


def prepare_document(doc: Document, options: Options) -> Document:
    """Clean, segment and chunk a document that has been read (and, for a recording, transcribed)."""
    stages = (
        clean,
        Segmenter(
            max_topics=options.max_topics,
            single_topic=options.single_topic,
            deck_words=options.deck_words,
            topic_words=options.topic_words,
        ),
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


def publish(out_dir: Path, formats: tuple[str, ...] | list[str], approved_only: bool = False) -> RenderReport:
    """Render an output folder's guides in ``formats`` (site, exports), reviewed; nothing is written if one is invalid."""
    return render(out_dir, [f for f in formats if f != "json"], approved_only)


# -- converting --------------------------------------------------------------------------------


class Converter:
    """Converts inputs with one engine into an output folder, one sub-folder per input.

    Inputs are read (large ones in worker processes when there are several) and generated concurrently: every topic
    of every input in memory draws on the engine's one request pool, earliest input first. Each guide then
    passes the quality gate and its guides are written at once; the run-level de-duplication (and the final
    writing, which it may change) happens in input order, so the final output does not depend on timing. The manifest in the output folder records each input's progress: inputs an
    earlier run finished are skipped (``Options.force`` redoes them).
    """

    #: Inputs held in memory at once (read, generating, or waiting for their turn to be written): enough to keep
    #: the engine's request pool full across input boundaries, bounded by count and by source bytes.
    documents_in_memory: int | None = None  # default: 4, or twice the engine's concurrency (at most 1024)
    source_bytes_in_memory: int = 256 << 20
    #: Worker processes reading large inputs when there are several (0: everything is read in threads).
    read_processes: int = reader_processes()
    #: With the offline engine, worker processes that read the inputs and then generate their guides (two at most: a
    #: generating worker holds spaCy, the word lists and the tokenizer, about 180 MiB for the 352-page book; two read
    #: and generate two inputs at once, or draft a long document's topics in two halves, ``offline_parts``).
    offline_processes: int = 2
    #: Tasks (a read, or a generation) one of them runs before a fresh one replaces it: 1, so neither the reader's
    #: leftovers (language model, PDF libraries: ~100 MiB) nor spaCy's stay beside the other.
    offline_tasks_per_process: int | None = 1

    def __init__(
        self, engine: Engine, out_dir: Path, options: Options | None = None, on_event=None, transcriber: Transcriber | None = None
    ):
        self.engine = engine
        self.transcriber = transcriber  # recordings' speech to text; without one they are refused
        self.out_dir = out_dir
        self.options = dataclasses.replace(
            options or Options(),
            chunk_tokens=engine.chunk_tokens,
            deck_words=getattr(engine, "deck_words", None),
            topic_words=getattr(engine, "topic_words", None),
        )
        self.on_event = on_event or (lambda *_: None)
        self.writers = (JsonWriter(),)  # guide.md and the rest: ``publish`` at the end, with the review decisions
        self.dedup = RunDeduplicator()
        self.quality = RunQuality()
        self.stopped: ConfigError | BudgetError | None = None  # the first error that stops the run: it stops there
        self.results: list[ConversionResult | None] = []  # in input order, filled as inputs are written
        self.manifest: Manifest | None = None
        self.rejected: dict[int, str] = {}  # inputs the preflight found unreadable
        self.requests: Counter[str] = Counter()  # request events of this run by phase: sent, done, failed, cached
        self.interrupted = False
        self.report_files: tuple[Path, Path] | None = None
        self.skipped: list[Skipped] = []  # files of the input folders left out on purpose (listed in the report)
        self.plans: list[InputPlan] = []
        self.published: RenderReport | None = None  # the end-of-run rendering in ``Options.formats``

    def fingerprint(self, path: Path | None = None) -> str:
        """What decides an input's output besides its bytes: resuming redoes an input when this changes. The
        transcriber counts for recordings only (installing the asr extra changes no document's guides)."""
        o = self.options
        settings = {"max_topics": o.max_topics, "single_topic": o.single_topic, "strict": o.strict}
        settings |= {"chunk_tokens": o.chunk_tokens, "engine": self.engine.name, "model": self.engine.model}
        settings |= {"deck_words": o.deck_words} if o.deck_words is not None else {}
        settings |= {"topic_words": o.topic_words} if o.topic_words is not None else {}
        # not the formats: guide.json is the same whatever else is rendered from it (publish renders every guide)
        settings |= {"ocr": o.ocr, "language": o.language, "subject": o.subject}
        settings |= {"level": o.level, "gate": o.gate, "thresholds": o.thresholds if o.strict else None}
        recording = path is not None and path.suffix.lower() in AUDIO
        settings |= {"transcriber": self.transcriber.model if self.transcriber is not None and recording else None}
        engine_settings = self.engine.fingerprint if isinstance(self.engine, MeteredEngine) else None
        return fingerprint({**settings, "engine_settings": engine_settings})

    def _window(self) -> Window:
        concurrency = self.engine.concurrency
        documents = self.documents_in_memory or min(1024, max(4, 2 * concurrency))
        return Window(documents, self.source_bytes_in_memory)

    async def convert_all(self, paths: list[Path]) -> list[ConversionResult]:
        """Preflight, then every input (``PreflightError`` when the run cannot start), then ``publish`` (guide.md,
        the site, exports); the run report at the end, also when the run is cancelled (Ctrl-C)."""
        started, clock = datetime.now(UTC).replace(microsecond=0), time.monotonic()
        await self.preflight(paths)
        lock = OutputLock(self.out_dir)
        lock.acquire()  # one run at a time per output folder
        try:
            return await self._locked(paths, started, clock)
        finally:
            lock.release()

    async def _locked(self, paths: list[Path], started: datetime, clock: float) -> list[ConversionResult]:
        self.manifest = Manifest(self.out_dir)
        self._connect_engine()
        try:
            self._start_spending(self.manifest)
        except ConfigError as exc:
            self.manifest.close()
            raise PreflightError([str(exc)]) from None
        self.results = [None] * len(paths)
        try:
            results = await self._convert_all(paths, self.manifest)
            if any(r.guides for r in results):  # every guide of the folder, this run's and earlier ones'
                self.published = await asyncio.to_thread(publish, self.out_dir, self.options.formats)
            return results
        except asyncio.CancelledError:
            self.interrupted = True
            raise
        finally:
            self._report(paths, RunInfo(self.engine.name, self.engine.model, started, time.monotonic() - clock))
            self.manifest.close()

    def _report(self, paths: list[Path], run: RunInfo) -> None:
        run.stopped = str(self.stopped) if self.stopped is not None else None
        run.interrupted, run.requests = self.interrupted, dict(self.requests)
        run.spent_usd = self.manifest.spent() if self.manifest is not None else None
        try:
            left_out = [skipped_result(s) for s in self.skipped]
            report = build_report([*paths, *(r.source for r in left_out)], [*self.results, *left_out], run, self._earlier())
            self.report_files = write_report(self.out_dir, report)
        except SeekhError as exc:
            self.on_event("warning", self.out_dir, f"run report not written: {exc}")

    def _earlier(self) -> list[ConversionResult]:
        """Inputs earlier runs converted into this folder that this run was not given: the report lists them too."""
        if self.manifest is None:
            return []
        given = {plan.key for plan in self.plans}
        return [
            from_record(Path(json.loads(key.split("#")[0])), self.out_dir / record.folder, record.result)
            for key, record in sorted(self.manifest.records().items())
            if key not in given and record.stage == "written" and record.result is not None
        ]

    async def _convert_all(self, paths: list[Path], manifest: Manifest) -> list[ConversionResult]:
        self.plans = plans = await asyncio.to_thread(
            plan_run, paths, self.out_dir, manifest, self.fingerprint, force=self.options.force, stale=self.options.stale
        )
        for plan in plans:
            for folder in plan.set_aside:
                self.on_event(
                    "warning", plan.path, f"{folder.name}: an earlier run's topic with review decisions, kept in {folder}"
                )
        for i, error in self.rejected.items():
            plans[i].refused = error  # already reported by the preflight
        turns = [asyncio.Event() for _ in paths]
        if turns:
            turns[0].set()
        window = self._window()
        loader = self._loader()
        self.engine.on_request = lambda event: self._request_event(paths[event.order[0]], event)

        async def one(i: int) -> ConversionResult:
            plan = plans[i]
            try:
                if plan.done is not None or plan.refused is not None:
                    await turns[i].wait()
                    if plan.refused is not None:
                        result = self._refuse(plan, i)
                    elif self._same_context(plan):
                        result = self._resume(plan)
                    else:  # an earlier input came out otherwise this time: its de-duplication may differ too
                        result = await self.convert(plan, loader=loader, order=i)
                else:
                    size = file_size(plan.path)
                    await window.acquire(size)  # in input order: tasks start in that order
                    try:
                        result = await self.convert(plan, turns[i], loader=loader, order=i)
                    finally:
                        window.release(size)
                self.results[i] = result
                return result
            finally:
                if i + 1 < len(turns):
                    turns[i + 1].set()

        try:
            results = list(await asyncio.gather(*(one(i) for i in range(len(paths)))))
            loader.finish()
            return results
        finally:
            loader.close()

    def _loader(self) -> DocumentLoader:
        """Reader workers; with the offline engine every input is read there, and generated there after (``drafting.py``)."""
        timeout = self.options.read_timeout or READ_TIMEOUT
        if generates_offline(self.engine) and self.read_processes > 0:
            processes, per = min(self.read_processes, self.offline_processes), self.offline_tasks_per_process
            return DocumentLoader(load_for_conversion, processes, timeout, in_processes=True, reads_per_process=per)
        return DocumentLoader(load_for_conversion, self.read_processes, timeout)

    async def preflight(self, paths: list[Path]) -> None:
        """Output folder, engine and inputs checked before any work; unreadable inputs are reported at once."""
        report = await preflight(self.out_dir, self.engine, paths)
        for warning in report.warnings:
            self.on_event("warning", self.out_dir, warning)
        if report.problems:
            raise PreflightError(report.problems)
        self.rejected = report.rejected
        for i, error in sorted(report.rejected.items()):
            self.on_event("failed", paths[i], error)

    def _connect_engine(self) -> None:
        """A metered engine keeps its run state (the Batch API's ledger) beside the manifest; its status lines
        become events."""
        if not isinstance(self.engine, MeteredEngine):
            return
        if self.manifest is not None:
            self.engine.keep_state_in(self.manifest.path.parent)
        self.engine.on_status = lambda line: self.on_event("status", self.out_dir, line)

    def _start_spending(self, manifest: Manifest) -> None:
        """``--budget`` counts what earlier runs into this output folder spent."""
        if self.options.budget is not None and isinstance(self.engine, MeteredEngine):
            self.engine.limit_spending(self.options.budget, manifest.spent())

    def _request_event(self, path: Path, event: RequestEvent) -> None:
        self.requests[event.phase] += 1
        if event.phase == "done" and event.cost_usd and self.manifest is not None:
            self.manifest.add_spent(event.cost_usd)
        self.on_event("request", path, event)

    def _same_context(self, plan: InputPlan) -> bool:
        """Whether the guides before this input are the ones it was de-duplicated against when it was written."""
        recorded = plan.done.dedup if plan.done is not None else None
        return isinstance(recorded, dict) and recorded.get("before") == self.dedup.digest()

    def _resume(self, plan: InputPlan) -> ConversionResult:
        """An input an earlier run finished: its result, its guides' de-duplication and quality, read back."""
        assert plan.done is not None and plan.done.result is not None
        result = from_record(plan.path, plan.folder, plan.done.result)
        self.dedup.replay(plan.done.dedup["added"])  # type: ignore[index]
        for topic in result.topics:
            if topic.quality is not None:
                self.quality.add(topic.quality, input_key=plan.folder.name)
        self.on_event("resumed", plan.path, result)
        return result

    def _refuse(self, plan: InputPlan, index: int) -> ConversionResult:
        result = ConversionResult(source=plan.path, errors=[plan.refused or ""])
        if index not in self.rejected:  # the preflight reported its own
            self.on_event("failed", plan.path, result.errors[-1])
        return result

    async def convert(
        self, plan: InputPlan, turn: asyncio.Event | None = None, *, loader: DocumentLoader | None = None, order: int = 0
    ) -> ConversionResult:
        path, folder, started = plan.path, plan.folder, time.monotonic()
        result = ConversionResult(source=path)
        if self.stopped is not None:  # budget reached, key rejected...: read no more inputs
            if turn is not None:
                await turn.wait()
            result.errors.append(f"{path.name}: not started: {self.stopped}")
            self.on_event("not started", path, result.errors[-1])
            return result
        self._stage(plan, "reading")
        drafts: list[Draft] | None = None
        try:
            doc, drafts = await self._load(path, folder, loader or DocumentLoader(load_for_conversion, 0), order, result)
            _check_language(doc, self.engine)
        except SeekhError as exc:
            result.errors.append(str(exc))
        except Exception as exc:  # a bug, not bad input: still one line, and the batch goes on
            log.debug("unexpected error reading %s", path, exc_info=True)
            result.errors.append(f"{path.name}: unexpected {type(exc).__name__}: {exc}; please report this")
        if result.errors:
            if turn is not None:
                await turn.wait()  # report in input order
            result.seconds = time.monotonic() - started
            self._written(plan, result, {"before": self.dedup.digest(), "added": []})
            self.on_event("failed", path, result.errors[-1])
            return result
        result.output_dir = folder
        result.warnings.extend([*doc.warnings, *doc.losses])
        self._stage(plan, "generating")
        self.on_event("loaded", path, doc)
        if drafts is None:
            drafts = list(await asyncio.gather(*(self._draft(doc, t, order) for t in doc.topics)))
        early: dict[Path, bytes | None] = {}
        if turn is not None and not turn.is_set():  # an earlier input is still at work: do not keep these guides back
            early = await asyncio.to_thread(self._write_early, doc, drafts, folder)
            await turn.wait()
        mark, before = self.dedup.mark(), self.dedup.digest()
        # de-duplication against the run, --strict and writing: CPU and disk work, in a worker thread (one input at a
        # time: inputs take turns) so the event loop keeps the request pool full
        result.topics = await asyncio.to_thread(
            lambda: [self._finish(doc, topic, tr, content, folder) for topic, (tr, content) in zip(doc.topics, drafts)]
        )
        for target in early.keys() - {t.folder for t in result.topics if t.folder}:  # failed --strict after all
            self._take_back(target / "guide.json", early[target])
        for topic_result in result.topics:
            self.on_event("topic", path, topic_result)
        ok = self._tally(doc, result)
        try:
            await asyncio.to_thread(write_index, doc, result, as_produced(result.usage, self.engine))
        except SeekhError as exc:
            result.errors.append(str(exc))
            result.status = Status.FAILURE if not ok else Status.PARTIAL
        result.seconds = time.monotonic() - started
        self._written(plan, result, {"before": before, "added": self.dedup.added_since(mark)})
        self.on_event("done", path, result)
        return result

    def _tally(self, doc: Document, result: ConversionResult) -> int:
        """The input's status, errors and warnings (emptied sections, low coverage) from its topics; how many were written."""
        result.errors.extend(t.error for t in result.topics if t.error)
        ok = sum(1 for t in result.topics if t.folder)
        result.status = (
            Status.SUCCESS if ok == len(result.topics) and not doc.losses else Status.PARTIAL if ok else Status.FAILURE
        )
        for t in result.topics:  # an honest empty section is written, and said
            notes = [n for n in (t.quality.notes if t.quality and t.folder else []) if " left empty: " in n]
            result.warnings += [f"topic {t.index} '{t.title}': {n}" for n in notes]
        result.coverage = document_coverage(doc, result.topics)
        if (low := coverage_warning(result.coverage, self.engine.name)) is not None and ok:
            result.warnings.append(low)
            self.on_event("warning", doc.path, f"{doc.path.name}: {low}")
        return ok

    def _stage(self, plan: InputPlan, stage: str) -> None:
        if self.manifest is not None:
            self.manifest.stage(plan.key, stage, plan.sha256, self.fingerprint(plan.path))

    def _written(self, plan: InputPlan, result: ConversionResult, dedup: dict) -> None:
        if self.manifest is not None:
            self.manifest.finish(plan.key, result.status.value, to_record(result), dedup)

    async def _load(
        self, path: Path, folder: Path, loader: DocumentLoader, order: int, result: ConversionResult
    ) -> tuple[Document, list[Draft] | None]:
        """Read the input (and its drafts when the reader generates them); a recording is transcribed (its
        transcript.vtt written at once), then cleaned and split."""
        if path.suffix.lower() in AUDIO and self.transcriber is None:
            raise InputError(f"{path.name}: {NEEDS_SERVER}")  # before decoding an hour of audio for nothing
        doc = await loader.load(path, self.options)
        if not needs_transcription(doc):
            return doc, await self._offline_drafts(doc, loader)
        work_order.set((order, 0))
        result.transcription = await transcribe_document(doc, self.transcriber, self.options.language)
        TranscriptWriter()(doc, folder, self.transcriber.model)
        result.output_dir = folder  # the transcript is kept even if no guide can be made
        doc = await asyncio.to_thread(prepare_document, doc, self.options)
        return doc, await self._offline_drafts(doc, loader)

    async def _offline_drafts(self, doc: Document, loader: DocumentLoader) -> list[Draft] | None:
        """The offline engine's drafts of every topic, made in a worker process (None: the engine generates here)."""
        if not generates_offline(self.engine) or loader.processes <= 0 or self.stopped is not None:
            return None
        _check_language(doc, self.engine)
        sent = dataclasses.replace(doc, pages=[], cues=[], raw_blocks=[])  # the raw layer: not read by generation
        parts = offline_parts(sent, loader.processes)
        done = await asyncio.gather(
            *(loader.call(draft_offline, doc.path, sent, self.options.gate, k, parts) for k in range(parts))
        )
        drafts: list[Draft] = [None] * len(doc.topics)  # type: ignore[list-item]
        for k, part in enumerate(done):
            drafts[k::parts] = part
        return drafts

    async def _draft(self, doc: Document, topic: Topic, order: int = 0) -> Draft:
        """Generate and gate one topic (concurrently with the others; its requests carry its place in the run)."""
        work_order.set((order, topic.index))
        if self.stopped is None:
            return await draft(self.engine, doc, topic, self.options.gate, self._stop)
        tr = TopicResult(index=topic.index, title=topic.title, skipped=True)
        tr.error = f"{doc.path.name}: topic {topic.index} '{topic.title}': not attempted ({self.stopped})"
        return tr, None

    def _stop(self, exc: SeekhError) -> bool:
        """Bad key, unreachable server, budget: every further request would fail; whether the run had stopped already."""
        stopped = self.stopped is not None
        if isinstance(exc, ConfigError | BudgetError):
            self.stopped = self.stopped or exc
        return stopped

    def _write_early(
        self, doc: Document, drafts: list[tuple[TopicResult, GuideContent | None]], folder: Path
    ) -> dict[Path, bytes | None]:
        """Write an input's guides as soon as they are generated, before the inputs ahead of it are done: without the
        run-level de-duplication, which ``_finish`` applies (rewriting them) when its turn comes, so the final files do
        not depend on timing. A run stopped in between redoes the input when resumed (the manifest has not marked it
        written), which rewrites them the same way. Returns the topic folders written, each with the guide.json an
        earlier run had left there (``_take_back`` puts it back if the guide fails ``--strict`` in the end)."""
        written: dict[Path, bytes | None] = {}
        thresholds = self.options.thresholds or StrictThresholds()
        for topic, (tr, content) in zip(doc.topics, drafts):
            if content is None or tr.quality is None:
                continue
            if self.options.strict and strict_failures(tr.quality, thresholds, content):
                continue
            target = folder / tr.folder_name
            try:
                earlier = (target / "guide.json").read_bytes() if (target / "guide.json").is_file() else None
                guide = study_guide(doc, topic, content, as_produced(tr.usage, self.engine), self.options, self.engine)
                for write in self.writers:
                    write(guide, target)
            except (SeekhError, OSError):
                continue  # ``_finish`` reports it
            written[target] = earlier
        return written

    @staticmethod
    def _take_back(path: Path, earlier: bytes | None) -> None:
        """Undo an early guide.json: what an earlier run produced is never lost."""
        try:
            if earlier is None:
                path.unlink(missing_ok=True)
            else:
                atomic_write_bytes(path, earlier)
        except OSError as exc:
            log.debug("cannot take back %s: %s", path, exc)

    def _finish(self, doc: Document, topic: Topic, tr: TopicResult, content: GuideContent | None, folder: Path) -> TopicResult:
        """De-duplicate against the run so far, apply --strict, write (in input order)."""
        quality = tr.quality
        target = folder / tr.folder_name
        try:
            if content is not None and quality is not None:
                content = self.dedup.apply(content, quality, drafts_gate(self.engine, self.options.gate))
                thresholds = self.options.thresholds or StrictThresholds()
                problems = strict_failures(quality, thresholds, content) if self.options.strict else []
                if problems:
                    tr.error = f"{doc.path.name}: topic {topic.index} '{topic.title}': --strict: " + "; ".join(
                        p.split(": ", 1)[-1] for p in problems
                    )
                else:
                    guide = study_guide(doc, topic, content, as_produced(tr.usage, self.engine), self.options, self.engine)
                    for write in self.writers:
                        write(guide, target)
                    tr.folder = target
            elif tr.error is None and quality is not None:
                tr.error = f"{doc.path.name}: topic {topic.index} '{topic.title}': " + (
                    "; ".join(quality.notes) or "the quality gate rejected the guide"
                )
            if quality is not None:
                quality.repair_usage = as_produced(quality.repair_usage, self.engine)  # the same bytes from the cache
                atomic_write_text(target / "quality.json", dump_model(quality))
                self.quality.add(quality, input_key=folder.name)
                if source_pages(doc) and doc.blocks:  # a PDF: say why pages of the file are no coverage unit
                    self.quality.describe_pages(folder.name, source_pages(doc), pages_left_out(doc))
        except SeekhError as exc:
            tr.error = f"{doc.path.name}: topic {topic.index} '{topic.title}': {exc}"
        return tr
