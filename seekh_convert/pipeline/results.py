"""One result per input (status, topics, errors, warnings, usage, time), and its record in the manifest."""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass, field
from pathlib import Path

from seekh_convert.files import slugify
from seekh_convert.model.findings import TopicQuality
from seekh_convert.model.guide import Usage

#: Share of a document's pages/slides/minutes/sections its guides must draw an item from, below which the run warns.
MIN_COVERAGE = 0.5


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
    skipped: bool = False  # not attempted: the run had already stopped (configuration error, budget)

    @property
    def folder_name(self) -> str:
        """The topic's folder name (where guide and quality report go)."""
        return f"{self.index:02d}-{slugify(self.title)}"


@dataclass
class ConversionResult:
    """What happened to one input."""

    source: Path
    status: Status = Status.FAILURE
    output_dir: Path | None = None
    topics: list[TopicResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0  # from reading to written
    resumed: bool = False  # converted completely by an earlier run: skipped this time
    transcription: Usage | None = None  # recordings: the transcription requests
    coverage: dict | None = None  # share of the document's pages/slides/minutes with a kept item (pipeline.coverage)

    @property
    def low_coverage(self) -> bool:
        """True when the guides draw items from less than ``MIN_COVERAGE`` of the document (pipeline.coverage)."""
        return self.coverage is not None and self.coverage["share"] < MIN_COVERAGE

    @property
    def guides(self) -> list[Path]:
        return [t.folder for t in self.topics if t.folder is not None]

    @property
    def usage(self) -> Usage:
        return sum((t.usage for t in self.topics if t.usage), self.transcription or Usage())


def to_record(result: ConversionResult) -> dict:
    """The result as JSON data for the manifest (a resumed run rebuilds it from there)."""
    return {
        "status": result.status.value,
        "errors": result.errors,
        "warnings": result.warnings,
        "seconds": round(result.seconds, 2),  # the report rounds alike: one rounding, equal figures
        "transcription": result.transcription.model_dump() if result.transcription else None,
        "coverage": result.coverage,
        "topics": [
            {
                "index": t.index,
                "title": t.title,
                "folder": t.folder.name if t.folder else None,
                "error": t.error,
                "usage": t.usage.model_dump() if t.usage else None,
            }
            for t in result.topics
        ],
    }


def from_record(source: Path, output_dir: Path, record: dict) -> ConversionResult:
    """The result of an input finished by an earlier run, with its topics' quality reports read back."""
    topics = []
    for t in record.get("topics", []):
        topic = TopicResult(t["index"], t["title"], error=t.get("error"))
        topic.folder = output_dir / t["folder"] if t.get("folder") else None
        topic.usage = Usage.model_validate(t["usage"]) if t.get("usage") else None
        report = output_dir / topic.folder_name / "quality.json"
        if report.is_file():
            topic.quality = TopicQuality.model_validate(json.loads(report.read_text(encoding="utf-8")))
        topics.append(topic)
    return ConversionResult(
        source=source,
        status=Status(record.get("status", "failure")),
        output_dir=output_dir,
        topics=topics,
        errors=list(record.get("errors", [])),
        warnings=list(record.get("warnings", [])),
        seconds=float(record.get("seconds", 0.0)),
        resumed=True,
        transcription=Usage.model_validate(record["transcription"]) if record.get("transcription") else None,
        coverage=record.get("coverage"),
    )
