"""The command line: ``seekh-convert convert | schema | check``. Errors become one line here, nowhere else."""

from __future__ import annotations

import asyncio
import enum
import io
import json
import logging
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from seekh_convert import __version__
from seekh_convert.check import load_quality
from seekh_convert.errors import BudgetError, PreflightError, SeekhError
from seekh_convert.model.engine import Estimate
from seekh_convert.model.findings import RunQuality
from seekh_convert.model.guide import Level, Subject, Usage, guide_json_schema
from seekh_convert.pipeline import (
    SUPPORTED,
    Converter,
    Options,
    Selection,
    Status,
    find_inputs,
    load_document,
    publish,
    skipped_result,
)
from seekh_convert.pipeline.coverage import MIN_SHARE as MIN_COVERAGE
from seekh_convert.pipeline.eventlog import JsonEventLog
from seekh_convert.text.language import language_code
from seekh_convert.text.normalize import strip_controls
from seekh_convert.write.render import DEFAULT_FORMATS, FORMATS

app = typer.Typer(
    name="seekh-convert",
    help="Turn PDFs, Word, PowerPoint, web pages, e-books, Markdown and transcripts (WebVTT/SRT) into grounded study guides.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)


def _safe(text: str) -> str:
    """Untrusted text (file names, document text in messages) for rich: no markup, no terminal escapes."""
    return escape(strip_controls(text))


class OcrChoice(str, enum.Enum):
    AUTO = "auto"
    ALWAYS = "always"
    NEVER = "never"


class StalePolicy(str, enum.Enum):
    ERROR = "error"
    REMOVE = "remove"
    KEEP = "keep"


class EngineChoice(str, enum.Enum):
    AUTO = "auto"
    OFFLINE = "offline"
    OPENAI = "openai"


def _version(value: bool) -> None:
    if value:
        out.print(f"seekh-convert {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """seekh-convert: study guides from your course documents."""


def _build_engine(choice: EngineChoice, llm: dict):
    """The offline engine, or the OpenAI-compatible one when chosen or when a model is configured."""
    if choice is EngineChoice.OFFLINE:
        from seekh_convert.generate.offline import OfflineEngine

        return OfflineEngine()
    from seekh_convert.generate.openai import load_settings

    settings = load_settings({k: v for k, v in llm.items() if v is not None})
    if choice is EngineChoice.AUTO and "model" not in settings.model_fields_set:
        from seekh_convert.generate.offline import OfflineEngine

        return OfflineEngine()
    from seekh_convert.generate.openai import OpenAIEngine

    return OpenAIEngine.from_settings(settings)


def _build_transcriber(engine, llm: dict):
    """The speech-to-text client for recordings: a server when a transcription model is configured, else the built-in one."""
    from seekh_convert.generate.openai import load_settings

    settings = load_settings({k: v for k, v in llm.items() if v is not None})
    if not settings.transcribe_model:  # the built-in English recogniser when installed (the asr extra)
        from seekh_convert.generate.offline.transcribe import OfflineTranscriber

        cache = None if settings.no_cache else settings.resolved_cache_dir()
        return OfflineTranscriber(cache_dir=cache) if OfflineTranscriber.available() else None
    from seekh_convert.generate.openai import OpenAIEngine
    from seekh_convert.generate.openai.transcribe import OpenAITranscriber

    return OpenAITranscriber.from_settings(settings, engine.client if isinstance(engine, OpenAIEngine) else None)


@app.command()
def convert(
    paths: list[Path] = typer.Argument(..., help=f"Input files ({', '.join(SUPPORTED)}) or folders of them.", show_default=False),
    output: Path = typer.Option(Path("out"), "--output", "-o", help="Output folder; one sub-folder per input."),
    engine: EngineChoice = typer.Option(
        EngineChoice.AUTO,
        "--engine",
        "-e",
        help="offline (built in, no network), openai (any OpenAI-compatible server), or auto: openai when a model is configured.",
    ),
    max_topics: int | None = typer.Option(None, "--max-topics", min=1, help="At most N topics (guides) per input."),
    single_topic: bool = typer.Option(False, "--single-topic", help="One guide for the whole input."),
    password: str | None = typer.Option(None, "--password", help="Password of encrypted PDFs."),
    strict: bool = typer.Option(False, "--strict", help="Fail a guide whose quality report is below the thresholds."),
    ocr: OcrChoice = typer.Option(
        OcrChoice.AUTO,
        "--ocr",
        help="Scanned PDF pages: auto (OCR pages without a usable text layer, with Tesseract), always (every page), never.",
    ),
    max_pages: int | None = typer.Option(None, "--max-pages", min=1, help="Refuse PDFs and slide decks longer than this."),
    max_bytes: int | None = typer.Option(None, "--max-bytes", min=1, help="Refuse (or skip, in folders) files bigger than this."),
    language: str | None = typer.Option(
        None,
        "--language",
        help="Language of the documents and their guides, e.g. en, de (recordings are transcribed in it; default: detected).",
    ),
    include: list[str] = typer.Option(
        [], "--include", help="In folders, convert only files matching this glob (e.g. '*.pptx'); repeatable."
    ),
    exclude: list[str] = typer.Option([], "--exclude", help="In folders, leave out files matching this glob; repeatable."),
    subject: Subject | None = typer.Option(None, "--subject", help="Subject of every guide (default: from the vocabulary)."),
    level: Level | None = typer.Option(None, "--level", help="Level of every guide (default: calibrated on the text)."),
    model: str | None = typer.Option(None, "--model", help="LLM model name (openai engine). Env: SEEKH_MODEL."),
    base_url: str | None = typer.Option(None, "--base-url", help="OpenAI-compatible endpoint. Env: OPENAI_BASE_URL."),
    api_key: str | None = typer.Option(
        None, "--api-key", help="API key. Env: OPENAI_API_KEY (preferred: keeps it out of shell history)."
    ),
    temperature: float | None = typer.Option(None, "--temperature", min=0.0, max=2.0, help="Sampling temperature."),
    concurrency: int | None = typer.Option(None, "--concurrency", min=1, help="Most LLM requests in flight at once."),
    timeout: float | None = typer.Option(None, "--timeout", min=1.0, help="Seconds before an LLM request times out."),
    cache_dir: Path | None = typer.Option(None, "--cache-dir", help="Where the LLM response cache lives."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Neither read nor write the LLM response cache."),
    transcribe_model: str | None = typer.Option(
        None, "--transcribe-model", help="Speech-to-text model for recordings (e.g. whisper-1). Env: SEEKH_TRANSCRIBE_MODEL."
    ),
    transcribe_base_url: str | None = typer.Option(
        None, "--transcribe-base-url", help="Transcription server, when not --base-url. Env: SEEKH_TRANSCRIBE_BASE_URL."
    ),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log progress details to stderr."),
    formats: list[str] | None = typer.Option(
        None, "--format", "-f", help=f"Output format, repeatable: {', '.join(FORMATS)} (default: {', '.join(DEFAULT_FORMATS)})."
    ),
    batch_api: bool = typer.Option(
        False, "--batch-api", help="Send requests through the OpenAI Batch API: half the price, answers within 24 h."
    ),
    budget: float | None = typer.Option(
        None, "--budget", min=0.0, help="USD the LLM requests into this output folder may cost in all; stop before crossing it."
    ),
    force: bool = typer.Option(False, "--force", help="Redo inputs an earlier run into the same output folder finished."),
    stale: StalePolicy = typer.Option(
        StalePolicy.ERROR,
        "--stale",
        help="Topic folders left by an earlier run with other options: error (fail that input), remove, or keep.",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print errors and a one-line summary only."),
    log_json: Path | None = typer.Option(
        None, "--log-json", help="Append every event of the run to FILE, one JSON object a line."
    ),
) -> None:
    """Convert PDFs (scans through OCR), Word, PowerPoint, web pages, e-books, Markdown/text and WebVTT/SRT into study guides.

    Writes OUTPUT/<input>/<NN-topic>/guide.json, guide.md and quality.json, one folder per topic, and
    OUTPUT/report.json and report.md. Exit code 0 only when every input converted completely; 1 when some
    did not; 2 when the run could not start; 3 when --budget stopped it; 130 when interrupted. Run the same command again after an
    interruption: inputs already converted are skipped and finished LLM calls come from the cache.
    """
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    for noisy in ("httpx", "httpx2", "httpcore", "openai"):  # they log request URLs, which may carry credentials
        logging.getLogger(noisy).setLevel(logging.WARNING)
    llm = dict(
        model=model,
        base_url=base_url,
        api_key=api_key,
        temperature=temperature,
        concurrency=concurrency,
        timeout=timeout,
        cache_dir=cache_dir,
        no_cache=no_cache or None,
        transcribe_model=transcribe_model,
        transcribe_base_url=transcribe_base_url,
        batch_api=batch_api or None,
    )
    if output.exists() and not output.is_dir():
        err.print(f"[red]error:[/red] output {_safe(str(output))} is a file; pass a folder to -o", markup=True)
        raise typer.Exit(2)
    try:
        eng = _build_engine(engine, {k: v for k, v in llm.items() if not k.startswith("transcribe_")})
        transcriber = _build_transcriber(eng, llm)
    except SeekhError as exc:
        err.print(f"[red]error:[/red] {_safe(str(exc))}", markup=True)
        raise typer.Exit(2) from None
    chosen = _formats(formats, DEFAULT_FORMATS)
    try:
        language = language_code(language) if language else None
        gate, thresholds = load_quality()  # the [quality] table of seekh.toml
    except (ValueError, SeekhError) as exc:
        err.print(f"[red]error:[/red] {_safe(str(exc))}", markup=True)
        raise typer.Exit(2) from None
    options = Options(
        max_topics=max_topics,
        single_topic=single_topic,
        password=password,
        strict=strict,
        formats=chosen,
        ocr=ocr.value,
        max_pages=max_pages,
        max_bytes=max_bytes,
        language=language,
        audio_pieces=transcriber.piece_limits if transcriber is not None else None,  # the server's upload limit
        gate=gate,
        thresholds=thresholds,
        subject=subject.value if subject else None,
        level=level.value if level else None,
        force=force,
        stale=stale.value,
        budget=budget,
    )
    inputs, skipped = find_inputs(list(paths), Selection(tuple(include), tuple(exclude)))
    for left_out in skipped:  # every file of a folder that is not converted says why
        err.print(f"skipped: {strip_controls(left_out.reason)}", markup=False)
    reporter = _Reporter(len(inputs), quiet)
    listeners = [reporter]
    if log_json is not None:
        try:
            listeners.append(JsonEventLog(log_json))
        except SeekhError as exc:
            err.print(f"[red]error:[/red] {_safe(str(exc))}", markup=True)
            raise typer.Exit(2) from None
    converter = Converter(
        eng, output, options, on_event=lambda *event: [listen(*event) for listen in listeners], transcriber=transcriber
    )
    converter.skipped = skipped  # listed in the run report beside the inputs
    try:
        results = _run(converter, eng, transcriber, inputs, reporter)
    finally:
        for listener in listeners[1:]:
            listener.close()
    results += [skipped_result(s) for s in skipped]
    _finish(converter, results, quiet, output, chosen)


def _formats(given: list[str] | None, default: tuple[str, ...]) -> tuple[str, ...]:
    """The chosen formats (``--format a --format b`` or ``--format a,b``); exit 2 on an unknown one."""
    chosen = tuple(dict.fromkeys(f.strip().lower() for g in (given or default) for f in g.split(",") if f.strip()))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown:
        err.print(f"[red]error:[/red] unknown format {_safe(', '.join(unknown))}; choose from {', '.join(FORMATS)}", markup=True)
        raise typer.Exit(2)
    return chosen


def _publish(output: Path, formats: tuple[str, ...], approved_only: bool = False, quiet: bool = False) -> bool:
    """Render the output folder in ``formats``; print what failed. True when everything was written."""
    report = publish(output, formats, approved_only)
    for line in report.errors:
        err.print(f"[red]error:[/red] {_safe(line)}", markup=True)
    if report.written and not quiet:
        err.print(f"{len(report.written)} file(s) rendered in {_safe(str(output))}", markup=True)
    return not report.errors


def _run(converter: Converter, engine, transcriber, inputs: list[Path], reporter: _Reporter):
    """Run the conversion; a failed preflight exits 2, Ctrl-C prints what finished and how to resume (exit 130)."""

    async def main():
        try:
            return await converter.convert_all(inputs)
        finally:
            await engine.aclose()
            if transcriber is not None:
                await transcriber.aclose()

    try:
        with reporter.bar:
            return asyncio.run(main())
    except PreflightError as exc:
        for problem in exc.problems:
            err.print(f"[red]error:[/red] {_safe(problem)}", markup=True)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        done = [r for r in converter.results if r is not None]
        err.print(f"interrupted: {len(done)} of {len(inputs)} input(s) finished", markup=False)
        if done:
            _summary(done)
        if converter.report_files:
            err.print(f"run report: {strip_controls(str(converter.report_files[1]))}", markup=False)
        err.print(
            "to resume, run the same command again: finished inputs are skipped and finished LLM calls come from the cache",
            markup=False,
        )
        raise typer.Exit(130) from None


def _finish(converter: Converter, results, quiet: bool, output: Path, formats: tuple[str, ...]) -> None:
    """Publish what was written, the summary (one line with --quiet) and the exit code."""
    ok = sum(1 for r in results if r.status in (Status.SUCCESS, Status.SKIPPED))
    if quiet:
        converted = sum(1 for r in results if r.status is Status.SUCCESS)
        err.print(f"{converted}/{len(results)} input(s) converted completely", markup=False)
    else:
        _summary(results)
        if converter.quality.documents:
            err.print(render_summary(converter.quality), markup=False)
    if converter.stopped is not None:
        err.print(f"[red]error:[/red] run stopped: {_safe(str(converter.stopped))}", markup=True)
    published = _publish(output, formats, quiet=quiet) if any(r.guides for r in results) else True
    if converter.report_files and not quiet:
        err.print(f"run report: {strip_controls(str(converter.report_files[1]))}", markup=False)
    if isinstance(converter.stopped, BudgetError):
        raise typer.Exit(3)  # what is complete is written; the same command with a larger --budget continues
    raise typer.Exit(0 if published and ok == len(results) else 1)


class _Reporter:
    """Errors as they happen, always; with a terminal a live display of inputs, topics, requests, tokens and cost,
    without one a plain line per input; with ``quiet`` errors only."""

    def __init__(self, inputs: int, quiet: bool = False) -> None:
        self.quiet = quiet
        self.bar = Progress(
            SpinnerColumn(),
            TextColumn("{task.description:<9}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.fields[info]}"),
            console=err,
            transient=True,
            disable=quiet or not err.is_terminal,
        )
        self.inputs = self.bar.add_task("inputs", total=inputs, info="")
        self.topics = self.bar.add_task("topics", total=0, info="")
        self.requests = self.bar.add_task("requests", total=0, info="")
        self.usage = Usage()
        self.in_flight = 0

    def say(self, text: str, *, error: bool = False, markup: bool = False) -> None:
        """A line above the live display (errors even with --quiet); ``markup`` only for escaped text."""
        if error or not self.quiet:
            self.bar.console.print(text, markup=markup or error, highlight=False)

    def __call__(self, kind: str, path: Path, payload) -> None:
        if kind in ("failed", "warning"):
            colour = "red" if kind == "failed" else "yellow"
            self.say(
                f"[{colour}]{'error' if kind == 'failed' else kind}:[/{colour}] {_safe(payload)}",
                error=kind == "failed",
                markup=True,
            )
            self.bar.advance(self.inputs, 1 if kind == "failed" else 0)
        elif kind == "loaded":
            for warning in payload.warnings:
                self.say(f"warning: {strip_controls(path.name)}: {strip_controls(warning)}")
            self.say(f"{strip_controls(path.name)}: {len(payload.topics)} topic(s)")
            self.bar.update(self.topics, total=(self.bar.tasks[self.topics].total or 0) + len(payload.topics))
        elif kind == "topic":
            if payload.error and not payload.skipped:
                self.say(f"[red]error:[/red] {_safe(payload.error)}", error=True)
            self.bar.advance(self.topics)
        elif kind == "status":
            self.say(strip_controls(payload))
        elif kind in ("done", "resumed", "not started"):
            self.say(_input_line(kind, path, payload))
            self.bar.advance(self.inputs)
        elif kind == "request":
            self._request(payload)

    def _request(self, event) -> None:
        """Requests done of those sent, in flight, tokens and cost so far."""
        sent, done = event.phase == "sent", event.phase == "done"
        self.in_flight += 1 if sent else -1 if event.phase in ("done", "failed") else 0
        if sent:
            self.bar.update(self.requests, total=(self.bar.tasks[self.requests].total or 0) + 1)
        self.bar.advance(self.requests, 1 if done else 0)
        if event.phase in ("done", "cached"):
            cost = event.cost_usd if done else None
            call = Usage(calls=1, cached_calls=int(not done), input_tokens=event.input_tokens, output_tokens=event.output_tokens)
            self.usage = self.usage + call.model_copy(update={"cost_usd": cost})
        cost = f" · ${self.usage.cost_usd:.4f}" if self.usage.cost_usd is not None else ""
        tokens = f"{self.usage.input_tokens:,} tokens in, {self.usage.output_tokens:,} out"
        info = f"{self.in_flight} in flight · {self.usage.cached_calls} cached · {tokens}{cost}"
        self.bar.update(self.requests, info=info)


def _input_line(kind: str, path: Path, payload) -> str:
    name = strip_controls(path.name)
    if kind == "resumed":
        return f"{name}: converted by an earlier run, skipped (--force redoes it)"
    if kind == "not started":
        return f"{name}: not started (the run stopped)"
    return f"{name}: {payload.status.value}, {len(payload.guides)}/{len(payload.topics)} guide(s)"


def _summary(results) -> None:
    table = Table(title="seekh-convert", show_lines=False)
    for col in ("input", "status", "guides", "output"):
        table.add_column(col, overflow="fold")
    total = Usage()
    for r in results:
        colour = {Status.SUCCESS: "green", Status.PARTIAL: "yellow", Status.FAILURE: "red", Status.SKIPPED: "dim"}[r.status]
        table.add_row(
            _safe(r.source.name),
            f"[{colour}]{r.status.value}[/{colour}]",
            f"{len(r.guides)}/{len(r.topics)}",
            _safe(str(r.output_dir or "-")),
        )
        total = total + r.usage
    err.print(table)
    if total.calls:
        cost = f", est. ${total.cost_usd:.4f}" if total.cost_usd is not None else ""
        err.print(
            f"LLM usage: {total.calls} call(s) ({total.cached_calls} cached), {total.input_tokens} tokens in, {total.output_tokens} out{cost}"
        )
    ok = sum(1 for r in results if r.status is Status.SUCCESS)
    left_out = sum(1 for r in results if r.status is Status.SKIPPED)
    low = sum(1 for r in results if r.coverage and r.coverage["share"] < MIN_COVERAGE)
    err.print(
        f"{ok}/{len(results) - left_out} input(s) converted completely"
        + (f", {low} with low coverage (see the warnings)" if low else "")
        + (f", {left_out} file(s) skipped" if left_out else "")
    )


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def render_summary(run: RunQuality, width: int = 110) -> str:
    """A plain-text table: one row per document, a total row, and the top drop reasons."""
    table = Table(title="Quality", title_justify="left", show_edge=False)
    for name, justify in [
        ("document", "left"),
        ("guides", "right"),
        ("items", "right"),
        ("kept", "right"),
        ("repaired", "right"),
        ("dropped", "right"),
        ("grounded", "right"),
        ("coverage", "left"),
    ]:
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for doc in run.documents:
        total = len(doc.covered) + len(doc.uncovered)
        cover = f"{len(doc.covered)}/{total} {doc.coverage_unit}s" if total else "n/a"
        if doc.uncovered:
            shown = ", ".join(doc.uncovered[:4]) + (" ..." if len(doc.uncovered) > 4 else "")
            cover += f"; none from {shown}"
        guides = f"{doc.guides}" + (f" ({doc.unwritable} unwritable)" if doc.unwritable else "")
        cells = [
            doc.source_file or "?",
            guides,
            str(doc.produced),
            str(doc.kept),
            str(doc.repaired),
            str(doc.dropped),
            _pct(doc.grounding_rate),
            cover,
        ]
        table.add_row(*(Text(strip_controls(c)) for c in cells))  # plain text: file names and section titles are not markup
    if len(run.documents) > 1:
        table.add_row(
            "total",
            str(sum(d.guides for d in run.documents)),
            str(run.produced),
            str(run.kept),
            str(run.repaired),
            str(run.dropped),
            _pct(run.grounding_rate),
            "",
        )
    console = Console(file=io.StringIO(), width=width, color_system=None, force_terminal=False)
    console.print(table)
    reasons: dict[str, int] = {}
    for doc in run.documents:
        for reason, n in doc.dropped_by_reason.items():
            reasons[reason] = reasons.get(reason, 0) + n
    if reasons:
        top = sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
        console.print("dropped: " + ", ".join(f"{r} {n}" for r, n in top), markup=False)
    if run.rubric_line():
        console.print(run.rubric_line(), markup=False)
    return console.file.getvalue()  # type: ignore[attr-defined]


@app.command()
def estimate(
    paths: list[Path] = typer.Argument(..., help="Input files or folders, as for convert.", show_default=False),
    model: str | None = typer.Option(None, "--model", help="The model to price first (every model with a price is listed)."),
    max_topics: int | None = typer.Option(None, "--max-topics", min=1, help="At most N topics (guides) per input."),
    single_topic: bool = typer.Option(False, "--single-topic", help="One guide for the whole input."),
    password: str | None = typer.Option(None, "--password", help="Password of encrypted PDFs."),
    json_out: bool = typer.Option(False, "--json", help="Print the estimate as JSON."),
) -> None:
    """Estimate pages, topics, requests, tokens and cost of converting inputs with the openai engine; sends nothing.

    Input tokens are counted on the prompts as they would be sent; output tokens and the quality gate's repair
    requests are expected values. Prices: the built-in table, overridden by [engine.prices] in seekh.toml.
    """
    from seekh_convert.generate.openai import load_settings
    from seekh_convert.generate.openai.estimate import estimate_topic
    from seekh_convert.pipeline.estimate import cost_per_model, estimate_inputs, estimate_json, transcription_cost

    try:
        settings = load_settings({"model": model})
    except SeekhError as exc:
        err.print(f"[red]error:[/red] {_safe(str(exc))}", markup=True)
        raise typer.Exit(2) from None
    options = Options(max_topics=max_topics, single_topic=single_topic, password=password, chunk_tokens=settings.chunk_tokens)
    found = estimate_inputs(
        find_inputs(list(paths), Selection())[0], options, lambda topic, doc: estimate_topic(topic, doc, settings)
    )
    for item in found:
        if item.error:
            err.print(f"[red]error:[/red] {_safe(item.error)}", markup=True)
    speech_model = settings.transcribe_model or "whisper-1"  # priced as whisper-1 when none is configured
    minutes, speech_cost = transcription_cost(found, speech_model, settings.audio_prices)
    if json_out:
        data = estimate_json(found, cost_per_model(found, settings.model, settings.prices))
        if any(item.recording for item in found):
            data["transcription"] = {"minutes": round(minutes, 1), "model": speech_model, "cost_usd": speech_cost}
        typer.echo(json.dumps(data, indent=2))
    else:
        out.print(_estimate_table(found))
        out.print(_cost_table(found, settings))
        if any(item.recording for item in found):
            price = f"${speech_cost:.4f}" if speech_cost is not None else "no price known (add it under [engine.audio_prices])"
            out.print(
                Text(
                    f"Recordings: {minutes:,.1f} min of audio; transcribing them with {speech_model}: {price}. Their guides' "
                    "requests are not counted above: they depend on the transcript (estimate the transcript.vtt a "
                    "conversion writes beside their guides)."
                )
            )
    raise typer.Exit(1 if any(item.error for item in found) else 0)


def _estimate_table(found) -> Table:
    table = Table(title="Estimate (nothing sent)", title_justify="left")
    for name in ("input", "pages", "words", "topics", "requests", "input tokens", "output tokens"):
        table.add_column(name, justify="left" if name == "input" else "right", overflow="fold")
    for item in found:
        if item.error is None:
            size = str(item.pages) if item.pages is not None else f"{item.minutes} min" if item.minutes is not None else "-"
            e = item.estimate
            cells = [
                item.path.name,
                size,
                "(audio)" if item.recording else f"{item.words:,}",
                *(
                    ["-"] * 4  # counted once transcribed
                    if item.recording
                    else [str(item.topics), f"{e.requests:,.0f}", f"{e.input_tokens:,.0f}", f"{e.output_tokens:,.0f}"]
                ),
            ]
            table.add_row(*(Text(strip_controls(c)) for c in cells))
    total = sum((i.estimate for i in found), Estimate())
    pages = sum(i.pages or 0 for i in found)
    table.add_row(
        "total",
        str(pages or "-"),
        f"{sum(i.words for i in found):,}",
        str(sum(i.topics for i in found)),
        f"{total.requests:,.0f}",
        f"{total.input_tokens:,.0f}",
        f"{total.output_tokens:,.0f}",
    )
    return table


def _cost_table(found, settings) -> Table:
    from seekh_convert.pipeline.estimate import cost_per_model

    table = Table(title="Cost per model (USD; output tokens and repairs expected)", title_justify="left")
    for name in ("model", "$ / 1M in", "$ / 1M out", "cost", "with --batch-api"):
        table.add_column(name, justify="left" if name == "model" else "right")
    costs = cost_per_model(found, settings.model, settings.prices)
    if settings.model and settings.model not in {row[0] for row in costs}:
        table.add_row(Text(settings.model), "?", "?", "no price: add it under [engine.prices]", "")
    for name, price, cost, batch in costs:
        table.add_row(Text(name), f"{price[0]:.2f}", f"{price[1]:.2f}", f"{cost:.4f}", f"{batch:.4f}")
    return table


@app.command()
def check(
    guide: Path = typer.Argument(..., help="A guide.json (possibly hand-edited).", show_default=False),
    source: Path | None = typer.Option(
        None, "--source", "-s", help="The source document (default: found by name and checksum near the guide)."
    ),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 when the guide misses the quality thresholds."),
    json_out: bool = typer.Option(False, "--json", help="Print the full report as JSON."),
    max_topics: int | None = typer.Option(None, "--max-topics", min=1, help="Override the --max-topics recorded in the guide."),
    single_topic: bool = typer.Option(False, "--single-topic", help="Override: the source was converted as one topic."),
    password: str | None = typer.Option(None, "--password", help="Password of an encrypted source PDF."),
) -> None:
    """Run the quality gate on an existing guide.json and report what it finds (the file is not changed)."""
    from seekh_convert.check import check_guide_file, strict_failures

    recorded = _recorded_segmentation(guide)  # how the run that wrote the guide split its source
    recorded_max = recorded.get("max_topics")
    options = Options(
        max_topics=max_topics or (recorded_max if isinstance(recorded_max, int) and recorded_max >= 1 else None),
        single_topic=single_topic or recorded.get("single_topic") is True,
        password=password,
    )
    try:
        gate, thresholds = load_quality()  # the [quality] table of seekh.toml, as for convert
        quality = check_guide_file(guide, source, loader=lambda path: load_document(path, options), settings=gate)
    except SeekhError as exc:
        err.print(f"[red]error:[/red] {_safe(str(exc))}", markup=True)
        raise typer.Exit(2) from None
    if json_out:
        typer.echo(quality.model_dump_json(indent=2))
    else:
        for note in quality.notes:
            err.print(f"note: {strip_controls(note)}", markup=False)
        for finding in quality.findings:
            out.print(f"{finding.action}: {strip_controls(finding.describe())}", markup=False)
        out.print(f"{guide}: {check_figures(quality)}", markup=False)
    failures = strict_failures(quality, thresholds) if strict else []
    for line in failures:
        err.print(f"[red]strict:[/red] {_safe(line)}", markup=True)
    raise typer.Exit(1 if failures or quality.failing or not quality.writable else 0)


def check_figures(quality) -> str:
    """The one-line figures of ``check``: items, failing, what the gate would fix, grounding as written."""
    rate = quality.grounding_rate
    grounding = "not checked" if rate is None else f"{quality.grounded}/{quality.grounding_basis} ({rate:.0%})"
    fix = sum(quality.would_fix_by_reason.values())
    return f"{quality.produced} items, {quality.failing} failing, {fix} the gate would fix; grounded at their source {grounding}"


def _recorded_segmentation(guide: Path) -> dict:
    """``max_topics``/``single_topic`` from the guide's provenance; empty when unreadable (check reports that)."""
    try:
        provenance = json.loads(guide.read_text(encoding="utf-8")).get("provenance", {})
    except (OSError, ValueError, AttributeError):
        return {}
    return provenance if isinstance(provenance, dict) else {}


@app.command()
def render(
    folders: list[Path] = typer.Argument(..., help="Output folders of earlier conversions (-o).", show_default=False),
    formats: list[str] | None = typer.Option(
        None, "--format", "-f", help=f"Format to render, repeatable: {', '.join(FORMATS)} (default: md, html)."
    ),
    approved_only: bool = typer.Option(False, "--approved-only", help="Only items an editor approved (seekh-convert review)."),
) -> None:
    """Re-render output folders from their guide.json files, e.g. after editing them by hand.

    Every guide is validated first: when one is invalid, nothing is written and each error is shown with its JSON path.
    """
    chosen = _formats(formats, ("md", "html"))
    ok = all([_publish(folder, chosen, approved_only) for folder in folders])
    raise typer.Exit(0 if ok else 1)


@app.command()
def review(
    folder: Path = typer.Argument(..., help="The output folder of a conversion (-o).", show_default=False),
    port: int = typer.Option(8765, "--port", min=0, max=65535, help="Port on 127.0.0.1 (0: any free port)."),
) -> None:
    """Review drafts in the browser: approve, reject or edit each item beside its source quote (127.0.0.1 only).

    Decisions are saved next to each guide (review.json); `render --approved-only` then publishes only approved items.
    """
    from seekh_convert.write.library import load_library
    from seekh_convert.write.site.server import ReviewServer

    try:
        library = load_library(folder)
        server = ReviewServer(folder, port)
    except SeekhError as exc:
        err.print(f"[red]error:[/red] {_safe(str(exc))}", markup=True)
        raise typer.Exit(2) from None
    except OSError as exc:
        err.print(
            f"[red]error:[/red] cannot listen on 127.0.0.1:{port} ({_safe(exc.strerror or str(exc))}); try --port 0", markup=True
        )
        raise typer.Exit(2) from None
    for line in library.errors:
        err.print(f"[yellow]warning:[/yellow] {_safe(line)}", markup=True)
    out.print(f"Reviewing {len(library.entries)} guide(s) at {server.url} (Ctrl-C to stop)", markup=False)
    out.file.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@app.command()
def validate(guides: list[Path] = typer.Argument(..., help="guide.json files.", show_default=False)) -> None:
    """Check guide.json files against the schema; print each error with its JSON path."""
    from seekh_convert.write.library import GuideInvalid, read_guide

    bad = 0
    for path in guides:
        try:
            read_guide(path)
        except GuideInvalid as exc:
            bad += 1
            for line in exc.lines:
                out.print(f"{strip_controls(str(path))}: {strip_controls(line)}", markup=False)
            continue
        except SeekhError as exc:
            bad += 1
            err.print(f"[red]error:[/red] {_safe(str(exc))}", markup=True)
            continue
        out.print(f"{strip_controls(str(path))}: valid", markup=False)
    raise typer.Exit(1 if bad else 0)


@app.command()
def schema() -> None:
    """Print the JSON Schema of a study guide (guide.json)."""
    typer.echo(json.dumps(guide_json_schema(), indent=2))


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except SeekhError as exc:  # pragma: no cover - commands catch their own
        err.print(f"error: {exc}")
        sys.exit(2)


if __name__ == "__main__":
    main()
