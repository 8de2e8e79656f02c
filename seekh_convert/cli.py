"""The command line: ``seekh-convert convert | estimate | check | render | review | validate | schema``.

It parses options, calls the pipeline (``seekh_convert.pipeline``) and prints what comes back (``console.py``);
errors become one line here, nowhere else.
"""

from __future__ import annotations

import json
import logging
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import typer

from seekh_convert.console import (
    Reporter,
    err,
    finish,
    interrupted,
    out,
    print_published,
    render_summary,
    safe,
    show_check,
    show_estimate,
)
from seekh_convert.model.guide import Level, Subject
from seekh_convert.pipeline import (
    DEFAULT_FORMATS,
    FORMATS,
    SUPPORTED,
    Converter,
    EngineChoice,
    JsonEventLog,
    OcrChoice,
    Options,
    PreflightError,
    SeekhError,
    Selection,
    StalePolicy,
    build_engines,
    check_guide,
    estimate_run,
    find_inputs,
    guide_schema,
    language_code,
    open_review,
    publish,
    quality_settings,
    run_conversion,
    skipped_result,
    strip_controls,
    validate_guide,
)

__all__ = ["app", "main", "render_summary"]

app = typer.Typer(
    name="seekh-convert",
    help="Turn PDFs, Word, PowerPoint, web pages, e-books, Markdown and transcripts (WebVTT/SRT) into grounded study guides.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        try:
            number = version("seekh-convert")
        except PackageNotFoundError:  # pragma: no cover - run from a source tree that is not installed
            number = "unknown"
        out.print(f"seekh-convert {number}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """seekh-convert: study guides from your course documents."""


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
    llm = dict(model=model, base_url=base_url, api_key=api_key, temperature=temperature, concurrency=concurrency)
    llm |= dict(timeout=timeout, cache_dir=cache_dir, no_cache=no_cache or None, batch_api=batch_api or None)
    llm |= dict(transcribe_model=transcribe_model, transcribe_base_url=transcribe_base_url)
    if output.exists() and not output.is_dir():
        _fail(f"output {output} is a file; pass a folder to -o")
    chosen = _formats(formats, DEFAULT_FORMATS)
    try:
        eng, transcriber = build_engines(engine.value, llm)
        language = language_code(language) if language else None
        gate, thresholds = quality_settings()  # the [quality] table of seekh.toml
    except (ValueError, SeekhError) as exc:
        _fail(str(exc))
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
    reporter = Reporter(len(inputs), quiet)
    listeners = [reporter]
    if log_json is not None:
        try:
            listeners.append(JsonEventLog(log_json))
        except SeekhError as exc:
            _fail(str(exc))
    converter = Converter(
        eng, output, options, on_event=lambda *event: [listen(*event) for listen in listeners], transcriber=transcriber
    )
    converter.skipped = skipped  # listed in the run report beside the inputs
    try:
        results = _run(converter, inputs, reporter)
    finally:
        for listener in listeners[1:]:
            listener.close()
    results += [skipped_result(s) for s in skipped]
    raise typer.Exit(finish(converter, results, quiet))


def _fail(message: str, code: int = 2):
    """One error line, then exit (2: the command could not start)."""
    err.print(f"[red]error:[/red] {safe(message)}", markup=True)
    raise typer.Exit(code)


def _formats(given: list[str] | None, default: tuple[str, ...]) -> tuple[str, ...]:
    """The chosen formats (``--format a --format b`` or ``--format a,b``); exit 2 on an unknown one."""
    chosen = tuple(dict.fromkeys(f.strip().lower() for g in (given or default) for f in g.split(",") if f.strip()))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown:
        _fail(f"unknown format {', '.join(unknown)}; choose from {', '.join(FORMATS)}")
    return chosen


def _run(converter: Converter, inputs: list[Path], reporter: Reporter):
    """Run the conversion; a failed preflight exits 2, Ctrl-C prints what finished and how to resume (exit 130)."""
    try:
        with reporter.bar:
            return run_conversion(converter, inputs)
    except PreflightError as exc:
        for problem in exc.problems:
            err.print(f"[red]error:[/red] {safe(problem)}", markup=True)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        interrupted(converter, inputs)
        raise typer.Exit(130) from None


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
    try:
        run = estimate_run(list(paths), model, max_topics, single_topic, password)
    except SeekhError as exc:
        _fail(str(exc))
    for item in run.found:
        if item.error:
            err.print(f"[red]error:[/red] {safe(item.error)}", markup=True)
    if json_out:
        typer.echo(json.dumps(run.as_json(), indent=2))
    else:
        show_estimate(run)
    raise typer.Exit(1 if any(item.error for item in run.found) else 0)


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
    try:
        result = check_guide(guide, source, strict=strict, max_topics=max_topics, single_topic=single_topic, password=password)
    except SeekhError as exc:
        _fail(str(exc))
    show_check(guide, result, json_out)
    raise typer.Exit(1 if result.failed else 0)


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
    ok = all([print_published(publish(folder, chosen, approved_only), folder) for folder in folders])
    raise typer.Exit(0 if ok else 1)


@app.command()
def review(
    folder: Path = typer.Argument(..., help="The output folder of a conversion (-o).", show_default=False),
    port: int = typer.Option(8765, "--port", min=0, max=65535, help="Port on 127.0.0.1 (0: any free port)."),
) -> None:
    """Review drafts in the browser: approve, reject or edit each item beside its source quote (127.0.0.1 only).

    Decisions are saved next to each guide (review.json); `render --approved-only` then publishes only approved items.
    """
    try:
        server, guides, problems = open_review(folder, port)
    except SeekhError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"cannot listen on 127.0.0.1:{port} ({exc.strerror or exc}); try --port 0")
    for line in problems:
        err.print(f"[yellow]warning:[/yellow] {safe(line)}", markup=True)
    out.print(f"Reviewing {guides} guide(s) at {server.url} (Ctrl-C to stop)", markup=False)
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
    bad = 0
    for path in guides:
        lines, error = validate_guide(path)
        name = strip_controls(str(path))
        for line in lines:
            out.print(f"{name}: {strip_controls(line)}", markup=False)
        if error is not None:
            err.print(f"[red]error:[/red] {safe(error)}", markup=True)
        if lines or error is not None:
            bad += 1
        else:
            out.print(f"{name}: valid", markup=False)
    raise typer.Exit(1 if bad else 0)


@app.command()
def schema() -> None:
    """Print the JSON Schema of a study guide (guide.json)."""
    typer.echo(guide_schema())


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except SeekhError as exc:  # pragma: no cover - commands catch their own
        err.print(f"error: {exc}")
        sys.exit(2)


if __name__ == "__main__":
    main()
