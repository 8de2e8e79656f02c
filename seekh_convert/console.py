"""What the terminal shows: the live progress of a run, the summary and quality tables, the estimate's tables.

Part of the command line (rich lives here and in cli.py only); it reads the pipeline's results and model types.
"""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from seekh_convert.model.engine import Estimate
from seekh_convert.model.findings import RunQuality
from seekh_convert.model.guide import Usage
from seekh_convert.pipeline import BudgetError, Status, strip_controls

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)


def safe(text: str) -> str:
    """Untrusted text (file names, document text in messages) for rich: no markup, no terminal escapes."""
    return escape(strip_controls(text))


class Reporter:
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
                f"[{colour}]{'error' if kind == 'failed' else kind}:[/{colour}] {safe(payload)}",
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
                self.say(f"[red]error:[/red] {safe(payload.error)}", error=True)
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


def summary(results) -> None:
    table = Table(title="seekh-convert", show_lines=False)
    for col in ("input", "status", "guides", "output"):
        table.add_column(col, overflow="fold")
    total = Usage()
    for r in results:
        colour = {Status.SUCCESS: "green", Status.PARTIAL: "yellow", Status.FAILURE: "red", Status.SKIPPED: "dim"}[r.status]
        table.add_row(
            safe(r.source.name),
            f"[{colour}]{r.status.value}[/{colour}]",
            f"{len(r.guides)}/{len(r.topics)}",
            safe(str(r.output_dir or "-")),
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
    err.print(
        f"{ok}/{len(results) - left_out} input(s) converted completely" + (f", {left_out} file(s) skipped" if left_out else "")
    )


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def render_summary(run: RunQuality, width: int = 110) -> str:
    """A plain-text table: one row per document (names whole, each row on one line), a total row; under it what
    each document's guides do not cover, the top drop reasons and the rubric, wrapped at ``width``."""
    table = Table(title="Quality", title_justify="left", show_edge=False)
    for name, justify in [
        ("document", "left"),
        ("guides", "right"),
        ("items", "right"),
        ("kept", "right"),
        ("repaired", "right"),
        ("dropped", "right"),
        ("grounded", "right"),
        ("coverage", "right"),
    ]:
        table.add_column(name, justify=justify, no_wrap=True)  # type: ignore[arg-type]
    gaps = []
    for doc in run.documents:
        total = len(doc.covered) + len(doc.uncovered)
        cover = f"{len(doc.covered)}/{total} {doc.coverage_unit}s" if total else "n/a"
        if doc.uncovered:
            shown = ", ".join(doc.uncovered[:4]) + (" ..." if len(doc.uncovered) > 4 else "")
            gaps.append(f"{doc.source_file or '?'}: none from {shown}")
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
    wide = Console(file=io.StringIO(), width=1 << 16, color_system=None, force_terminal=False)
    wide.print(table)  # as wide as its cells: a narrower terminal wraps whole lines, the table never squeezes
    console = Console(file=io.StringIO(), width=width, color_system=None, force_terminal=False)
    for line in gaps:
        console.print(Text(strip_controls(line)))
    reasons: dict[str, int] = {}
    for doc in run.documents:
        for reason, n in doc.dropped_by_reason.items():
            reasons[reason] = reasons.get(reason, 0) + n
    if reasons:
        top = sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
        console.print("dropped: " + ", ".join(f"{r} {n}" for r, n in top), markup=False)
    if run.rubric_line():
        console.print(run.rubric_line(), markup=False)
    tables = "\n".join(line.rstrip() for line in wide.file.getvalue().splitlines())  # type: ignore[attr-defined]
    return tables + "\n" + console.file.getvalue()  # type: ignore[attr-defined]


def estimate_table(found) -> Table:
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


def cost_table(run) -> Table:
    """Every priced model's cost for an ``EstimateRun``, the model asked for first."""
    table = Table(title="Cost per model (USD; output tokens and repairs expected)", title_justify="left")
    for name in ("model", "$ / 1M in", "$ / 1M out", "cost", "with --batch-api"):
        table.add_column(name, justify="left" if name == "model" else "right")
    if run.model and run.model not in {row[0] for row in run.costs}:
        table.add_row(Text(run.model), "?", "?", "no price: add it under [engine.prices]", "")
    for name, price, cost, batch in run.costs:
        table.add_row(Text(name), f"{price[0]:.2f}", f"{price[1]:.2f}", f"{cost:.4f}", f"{batch:.4f}")
    return table


def print_published(report, output: Path, quiet: bool = False) -> bool:
    """Print what rendering failed and how much it wrote. True when everything was written."""
    for line in report.errors:
        err.print(f"[red]error:[/red] {safe(line)}", markup=True)
    if report.written and not quiet:
        err.print(f"{len(report.written)} file(s) rendered in {safe(str(output))}", markup=True)
    return not report.errors


def finish(converter, results, quiet: bool) -> int:
    """The summary (one line with --quiet), what publishing wrote; the exit code."""
    ok = sum(1 for r in results if r.status in (Status.SUCCESS, Status.SKIPPED))
    if quiet:
        converted = sum(1 for r in results if r.status is Status.SUCCESS)
        err.print(f"{converted}/{len(results)} input(s) converted completely", markup=False)
    else:
        summary(results)
        if converter.quality.documents:
            err.print(render_summary(converter.quality, width=err.width), markup=False)
    if converter.stopped is not None:
        err.print(f"[red]error:[/red] run stopped: {safe(str(converter.stopped))}", markup=True)
    published = converter.published is None or print_published(converter.published, converter.out_dir, quiet)
    if converter.report_files and not quiet:
        err.print(f"run report: {strip_controls(str(converter.report_files[1]))}", markup=False)
    if isinstance(converter.stopped, BudgetError):
        return 3  # what is complete is written; the same command with a larger --budget continues
    return 0 if published and ok == len(results) else 1


def interrupted(converter, inputs: list[Path]) -> None:
    """Ctrl-C: what finished, where the run report is, how to resume."""
    done = [r for r in converter.results if r is not None]
    err.print(f"interrupted: {len(done)} of {len(inputs)} input(s) finished", markup=False)
    if done:
        summary(done)
    if converter.report_files:
        err.print(f"run report: {strip_controls(str(converter.report_files[1]))}", markup=False)
    err.print(
        "to resume, run the same command again: finished inputs are skipped and finished LLM calls come from the cache",
        markup=False,
    )


def show_estimate(run) -> None:
    """The estimate's tables, and what transcribing the recordings costs."""
    out.print(estimate_table(run.found))
    out.print(cost_table(run))
    if run.recordings:
        cost = run.speech_cost
        price = f"${cost:.4f}" if cost is not None else "no price known (add it under [engine.audio_prices])"
        out.print(
            Text(
                f"Recordings: {run.minutes:,.1f} min of audio; transcribing them with {run.speech_model}: {price}. Their "
                "guides' requests are not counted above: they depend on the transcript (estimate the transcript.vtt a "
                "conversion writes beside their guides)."
            )
        )


def show_check(guide: Path, result, json_out: bool) -> None:
    """``check``: notes, findings and figures (or the JSON report), and what --strict failed."""
    quality = result.quality
    if json_out:
        print(quality.model_dump_json(indent=2))  # plain: no markup, no wrapping
    else:
        for note in quality.notes:
            err.print(f"note: {strip_controls(note)}", markup=False)
        for finding in quality.findings:
            out.print(f"{finding.action}: {strip_controls(finding.describe())}", markup=False)
        out.print(f"{guide}: {result.figures()}", markup=False)
    for line in result.strict_failures:
        err.print(f"[red]strict:[/red] {safe(line)}", markup=True)
