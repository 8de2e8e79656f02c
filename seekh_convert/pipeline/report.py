"""The run report: ``report.json`` and ``report.md`` in the output folder, rewritten by every run.

It lists every input converted into the folder: this run's, and those earlier runs converted (from the
manifest), each with the figures of the run that converted it. Per input: status (success / partial / failure, with the reasons), whether an earlier run had finished it,
topics, items kept / repaired / dropped by the quality gate, coverage (pages / slides / minutes of the document
with a kept item; a warning below half), requests, tokens and cost of this run, time and
warnings. For the run: the engine, totals, and why it stopped early (budget, configuration, interruption)
with how to continue.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from seekh_convert.files import atomic_write_text
from seekh_convert.model.guide import Usage
from seekh_convert.pipeline.results import ConversionResult
from seekh_convert.text.normalize import strip_controls


@dataclass
class RunInfo:
    """What the report says about the run as a whole."""

    engine: str
    model: str | None
    started: datetime
    seconds: float
    stopped: str | None = None  # why the run stopped starting work (budget, bad key...)
    interrupted: bool = False  # Ctrl-C / SIGTERM
    spent_usd: float | None = None  # paid into this output folder by every run so far
    requests: dict = field(default_factory=dict)  # sent, done, failed, cached


def input_entry(path: Path, result: ConversionResult | None, *, earlier: bool = False) -> dict:
    """One input's line of the report (``result`` None: not finished when the run ended; ``earlier``: converted by
    an earlier run and not given to this one). ``usage`` is this run's; ``converted_with`` the figures of the run
    that converted the input."""
    if result is None:
        return {"source": path.name, "path": str(path), "status": "not finished", "errors": [], "warnings": []}
    qualities = [t.quality for t in result.topics if t.quality is not None]
    usage = Usage() if result.resumed else result.usage
    return {
        "source": path.name,
        "path": str(path),
        "folder": result.output_dir.name if result.output_dir else None,
        "status": result.status.value,
        "resumed": result.resumed,
        "errors": result.errors,
        "warnings": result.warnings,
        "topics": len(result.topics),
        "guides": len(result.guides),
        "items": {
            "produced": sum(q.produced for q in qualities),
            "kept": sum(q.kept for q in qualities if q.writable),
            "repaired": sum(q.repaired for q in qualities),
            "dropped": sum(q.dropped for q in qualities),
        },
        "coverage": result.coverage,
        "usage": usage.model_dump(),
        "seconds": round(result.seconds, 2),
        "run": "earlier" if earlier else "this",
        "converted_with": {"usage": result.usage.model_dump(), "seconds": round(result.seconds, 2)},
    }


def build_report(
    paths: list[Path], results: list[ConversionResult | None], run: RunInfo, earlier: list[ConversionResult] = ()
) -> dict:
    """The report of this run's inputs, and after them the inputs only earlier runs converted into the folder."""
    inputs = [input_entry(p, r) for p, r in zip(paths, results)]
    total = sum((r.usage for r in results if r is not None and not r.resumed), Usage())
    counts: dict[str, int] = {}
    for entry in inputs:
        counts[entry["status"]] = counts.get(entry["status"], 0) + 1
    return {
        "engine": run.engine,
        "model": run.model,
        "started": run.started.isoformat(),
        "seconds": round(run.seconds, 2),
        "finished": not run.interrupted and run.stopped is None and None not in results,
        "interrupted": run.interrupted,
        "stopped": run.stopped,
        "inputs_by_status": counts,
        "resumed": sum(1 for r in results if r is not None and r.resumed),
        "usage": total.model_dump(),
        "requests": run.requests,
        "spent_usd_in_folder": run.spent_usd,
        "inputs": inputs,
        "earlier_inputs": [input_entry(r.source, r, earlier=True) for r in earlier],
    }


def write_report(out_dir: Path, report: dict) -> tuple[Path, Path]:
    """``report.json`` and ``report.md`` (atomic writes)."""
    json_path, md_path = out_dir / "report.json", out_dir / "report.md"
    atomic_write_text(json_path, json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    atomic_write_text(md_path, render_markdown(report))
    return json_path, md_path


def _cell(text: object) -> str:
    """Table cell text: no pipes or line breaks (file names and errors are untrusted)."""
    return " ".join(strip_controls(str(text)).replace("|", "\\|").split())


def render_markdown(report: dict) -> str:
    usage = report["usage"]
    cost = f", ${usage['cost_usd']:.4f}" if usage.get("cost_usd") is not None else ""
    lines = [
        "# seekh-convert run report",
        "",
        f"Started {report['started']}, {report['seconds']:.1f} s; engine {report['engine']}"
        + (f", model {_cell(report['model'])}" if report["model"] else "")
        + ".",
        f"Inputs: {', '.join(f'{n} {s}' for s, n in sorted(report['inputs_by_status'].items()))}"
        + (f" ({report['resumed']} finished by an earlier run)" if report["resumed"] else "")
        + f". This run: {usage['calls']} request(s) ({usage['cached_calls']} from the cache), "
        f"{usage['input_tokens']} tokens in, {usage['output_tokens']} out{cost}.",
    ]
    if report["stopped"]:
        lines += ["", f"**Stopped early:** {_cell(report['stopped'])}"]
    if report["interrupted"]:
        lines += ["", "**Interrupted.** Run the same command again to continue: finished inputs are skipped."]
    lines += [
        "",
        "| input | status | guides | kept | repaired | dropped | coverage | tokens in / out | cost | time | notes |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for entry in report["inputs"]:
        lines.append(_row(entry))
    if report.get("earlier_inputs"):
        lines += ["", "Converted into this folder by earlier runs (their figures are those runs'):", ""]
        lines += [
            "| input | status | guides | kept | repaired | dropped | tokens in / out | cost | time | notes |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---|",
        ]
        lines += [_row(entry) for entry in report["earlier_inputs"]]
    return "\n".join(lines) + "\n"


def _row(entry: dict) -> str:
    if entry["status"] == "not finished":
        return f"| {_cell(entry['source'])} | not finished | | | | | | | | | |"
    items = entry["items"]
    usage = entry["converted_with"]["usage"] if entry["resumed"] else entry["usage"]  # the figures of its own run
    cost = f"${usage['cost_usd']:.4f}" if usage.get("cost_usd") is not None else ""
    earlier = ["finished by an earlier run (figures of that run)"] if entry["resumed"] else []
    notes = "; ".join([*earlier, *entry["errors"], *entry["warnings"]])
    return (
        f"| {_cell(entry['source'])} | {entry['status']} | {entry['guides']}/{entry['topics']} | {items['kept']} | "
        f"{items['repaired']} | {items['dropped']} | {_coverage(entry.get('coverage'))} | {usage['input_tokens']} / {usage['output_tokens']} | {cost} | "
        f"{entry['seconds']:.1f} s | {_cell(notes)} |"
    )


def _coverage(coverage: dict | None) -> str:
    """ "9/26 slides (35%)", with the file's pages a PDF's coverage leaves out and why; empty when unknown."""
    if not coverage:
        return ""
    shown = f"{coverage['covered']:g}/{coverage['total']:g} {coverage['unit']} ({coverage['share']:.0%})"
    if coverage.get("file_pages"):  # "3/3 pages (100%) of 5 in the file; 2 left out: 2 the source's own exercises"
        left = coverage["file_pages"] - coverage["total"]
        why = ", ".join(f"{n} {reason}" for reason, n in (coverage.get("left_out") or {}).items() if n)
        shown += f" of {coverage['file_pages']} in the file; {left} left out" + (f": {why}" if why else "")
    return shown
