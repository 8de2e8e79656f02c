"""The short text table printed at the end of a run."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from seekh_convert.text.normalize import strip_controls
from seekh_convert.model.findings import RunQuality


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def render_summary(run: RunQuality, width: int = 110) -> str:
    """A plain-text table: one row per document, a total row, and the top drop reasons."""
    table = Table(title="Quality", title_justify="left", show_edge=False)
    for name, justify in [("document", "left"), ("guides", "right"), ("items", "right"), ("kept", "right"),
                          ("repaired", "right"), ("dropped", "right"), ("grounded", "right"), ("coverage", "left")]:
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for doc in run.documents:
        total = len(doc.covered) + len(doc.uncovered)
        cover = f"{len(doc.covered)}/{total} {doc.coverage_unit}s" if total else "n/a"
        if doc.uncovered:
            shown = ", ".join(doc.uncovered[:4]) + (" ..." if len(doc.uncovered) > 4 else "")
            cover += f"; none from {shown}"
        guides = f"{doc.guides}" + (f" ({doc.unwritable} unwritable)" if doc.unwritable else "")
        cells = [doc.source_file or "?", guides, str(doc.produced), str(doc.kept), str(doc.repaired),
                 str(doc.dropped), _pct(doc.grounding_rate), cover]
        table.add_row(*(Text(strip_controls(c)) for c in cells))  # plain text: file names and section titles are not markup
    if len(run.documents) > 1:
        table.add_row("total", str(sum(d.guides for d in run.documents)), str(run.produced), str(run.kept),
                      str(run.repaired), str(run.dropped), _pct(run.grounding_rate), "")
    console = Console(file=io.StringIO(), width=width, color_system=None, force_terminal=False)
    console.print(table)
    reasons: dict[str, int] = {}
    for doc in run.documents:
        for reason, n in doc.dropped_by_reason.items():
            reasons[reason] = reasons.get(reason, 0) + n
    if reasons:
        top = sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
        console.print("dropped: " + ", ".join(f"{r} {n}" for r, n in top), markup=False)
    return console.file.getvalue()  # type: ignore[attr-defined]
