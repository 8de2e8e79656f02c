"""``seekh-convert estimate``: what converting inputs would send, per input, before anything is sent.

Inputs are read, cleaned and split exactly as ``convert`` does; the engine's estimator says what each topic
asks of the model.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from seekh_convert.errors import SeekhError
from seekh_convert.model.document import Document, SourceKind, Topic
from seekh_convert.model.engine import Estimate
from seekh_convert.pipeline.run import Options, load_document


@dataclass
class InputEstimate:
    """One input: its size (pages for PDFs, minutes for transcripts, words) and what converting it would ask."""

    path: Path
    pages: int | None = None
    minutes: float | None = None
    words: int = 0
    topics: int = 0
    estimate: Estimate = field(default_factory=Estimate)
    error: str | None = None


def estimate_inputs(
    paths: list[Path], options: Options, estimate_topic: Callable[[Topic, Document], Estimate]
) -> list[InputEstimate]:
    """Read every input and estimate each topic (an input that cannot be read gets its one-line error)."""
    found = []
    for path in paths:
        try:
            doc = load_document(path, options)
        except SeekhError as exc:
            found.append(InputEstimate(path, error=str(exc)))
            continue
        total = sum((estimate_topic(topic, doc) for topic in doc.topics), Estimate())
        found.append(
            InputEstimate(
                path,
                pages=len(doc.pages) if doc.kind is SourceKind.PDF else None,
                minutes=_minutes(doc),
                words=sum(len(b.text.split()) for b in doc.blocks),
                topics=len(doc.topics),
                estimate=total,
            )
        )
    return found


def _minutes(doc: Document) -> float | None:
    ends = [b.end for b in doc.blocks if b.end is not None]
    return round(max(ends) / 60, 1) if doc.kind is SourceKind.TRANSCRIPT and ends else None
