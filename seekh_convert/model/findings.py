"""What the gate found: per-topic ``TopicQuality`` (dumped as quality.json) and the run's ``RunQuality``."""

from __future__ import annotations

import enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field

from seekh_convert.model.guide import Usage


class Reason(str, enum.Enum):
    """Why an item was dropped, fixed or flagged."""

    INVENTED_QUOTE = "invented quote"
    OUTSIDE_TOPIC = "quote outside topic"
    WRONG_LOCATION = "wrong location"
    MISSING_LOCATION = "missing location"
    QUOTE_TOO_SHORT = "quote too short"
    JUNK_SOURCE = "junk source"
    UNSUPPORTED = "unsupported"
    WRONG_KEY = "wrong key"
    KEY_NOT_OPTION = "key not among options"
    KEY_COUNT = "not exactly one key"
    ANSWER_TEXT_MISMATCH = "answer text differs from keyed option"
    DUPLICATE_OPTIONS = "duplicate options"
    OVERLAPPING_OPTIONS = "overlapping options"
    CATCH_ALL_OPTION = "all/none of the above"
    ANSWER_IN_STEM = "answer in stem"
    EXPLANATION_MISMATCH = "explanation inconsistent with key"
    TRUE_FALSE_MISMATCH = "true/false inconsistent with quote"
    CLOZE_GAP = "cloze gap"
    CLOZE_MISMATCH = "cloze back does not fit"
    CARD_KIND = "card kind"
    DUPLICATE = "duplicate"
    DUPLICATE_ACROSS_RUN = "duplicate across run"
    INVALID_ITEM = "invalid item"


Action = Literal["dropped", "fixed", "kept", "repaired"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore")  # dumps carry computed fields; reading them back ignores those


class Finding(_Model):
    """One problem with one item: ``section``/``index`` point into the guide as generated."""

    section: str
    index: int | None = None
    reason: Reason
    detail: str = ""
    action: Action = "dropped"
    also: list[Reason] = Field(default_factory=list, description="Further problems of the same item.")

    def describe(self) -> str:
        """One line for logs and repair prompts: ``questions[2]: wrong key - ...``."""
        where = self.section if self.index is None else f"{self.section}[{self.index}]"
        return f"{where}: {self.reason.value}" + (f" - {self.detail}" if self.detail else "")


class CoverageUnit(_Model):
    """A page, time window or section of a topic and how many kept items point at it."""

    label: str
    page: int | None = None
    start: float | None = None
    end: float | None = None
    section: str | None = None
    items: int = 0


class Coverage(_Model):
    unit: Literal["page", "time", "section"]
    units: list[CoverageUnit] = Field(default_factory=list)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def covered(self) -> list[str]:
        return [u.label for u in self.units if u.items > 0]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def uncovered(self) -> list[str]:
        return [u.label for u in self.units if u.items == 0]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def ratio(self) -> float:
        return round(len(self.covered) / len(self.units), 4) if self.units else 1.0


def _bump(counts: dict[str, int], key: str, by: int = 1) -> None:
    counts[key] = counts.get(key, 0) + by


class TopicQuality(_Model):
    """The gate's findings for one guide; written as quality.json beside guide.json."""

    source_file: str = ""
    topic_index: int = 0
    topic_title: str = ""
    produced: int = Field(0, description="Items in the guide as generated.")
    kept: int = Field(0, description="Items left after the gate.")
    repaired: int = Field(0, description="Failing items an engine repair made pass.")
    dropped_by_reason: dict[str, int] = Field(default_factory=dict)
    fixed_by_reason: dict[str, int] = Field(default_factory=dict)
    grounded: int = Field(0, description="Kept items whose quote was found in the source.")
    grounding_checked: bool = Field(True, description="False when the source was unavailable.")
    writable: bool = Field(True, description="False when a required section ended empty.")
    empty_sections: dict[str, str] = Field(
        default_factory=dict, description="Sections the guide leaves empty, with the reason shown to readers."
    )
    coverage: Coverage | None = None
    findings: list[Finding] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    repair_usage: Usage | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def dropped(self) -> int:
        return sum(self.dropped_by_reason.values())

    @computed_field  # type: ignore[prop-decorator]
    @property
    def grounding_rate(self) -> float | None:
        if not self.grounding_checked:
            return None
        return round(self.grounded / self.kept, 4) if self.kept else 0.0

    def add(self, finding: Finding) -> None:
        """Record a finding and count it by action."""
        self.findings.append(finding)
        if finding.action == "dropped":
            _bump(self.dropped_by_reason, finding.reason.value)
        elif finding.action == "fixed":
            _bump(self.fixed_by_reason, finding.reason.value)


class DocumentQuality(_Model):
    """Sums over the guides of one source document."""

    source_file: str
    input: str = Field("", description="What tells this input apart in the run (its output folder name).")
    guides: int = 0
    unwritable: int = 0
    produced: int = 0
    kept: int = 0
    repaired: int = 0
    dropped: int = 0
    grounded: int = 0
    grounding_checked: bool = True
    dropped_by_reason: dict[str, int] = Field(default_factory=dict)
    coverage_unit: str | None = None
    covered: list[str] = Field(default_factory=list)
    uncovered: list[str] = Field(default_factory=list)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def grounding_rate(self) -> float | None:
        if not self.grounding_checked:
            return None
        return round(self.grounded / self.kept, 4) if self.kept else 0.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def coverage_ratio(self) -> float | None:
        total = len(self.covered) + len(self.uncovered)
        return round(len(self.covered) / total, 4) if total else None


class RunQuality(_Model):
    """Summary of a run: one entry per document, in the order guides were added."""

    documents: list[DocumentQuality] = Field(default_factory=list)

    def add(self, quality: TopicQuality, input_key: str | None = None) -> None:
        """Add one guide's findings (call in document order).

        ``input_key`` tells inputs apart that share a file name (``a/notes.pdf``, ``b/notes.pdf``); by default
        guides are grouped by file name.
        """
        key = input_key or quality.source_file
        doc = next((d for d in self.documents if d.input == key), None)
        if doc is None:
            doc = DocumentQuality(source_file=quality.source_file, input=key)
            self.documents.append(doc)
        doc.guides += 1
        doc.unwritable += 0 if quality.writable else 1
        doc.produced += quality.produced
        doc.kept += quality.kept if quality.writable else 0
        doc.grounded += quality.grounded if quality.writable else 0
        doc.repaired += quality.repaired
        doc.dropped += quality.dropped
        doc.grounding_checked = doc.grounding_checked and quality.grounding_checked
        for reason, n in quality.dropped_by_reason.items():
            _bump(doc.dropped_by_reason, reason, n)
        if quality.coverage is not None:
            doc.coverage_unit = quality.coverage.unit
            ok = quality.writable
            doc.covered.extend(quality.coverage.covered if ok else [])
            doc.uncovered.extend(quality.coverage.uncovered if ok else [u.label for u in quality.coverage.units])

    @computed_field  # type: ignore[prop-decorator]
    @property
    def produced(self) -> int:
        return sum(d.produced for d in self.documents)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def kept(self) -> int:
        return sum(d.kept for d in self.documents)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def repaired(self) -> int:
        return sum(d.repaired for d in self.documents)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def dropped(self) -> int:
        return sum(d.dropped for d in self.documents)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def grounding_rate(self) -> float | None:
        checked = [d for d in self.documents if d.grounding_checked]
        kept = sum(d.kept for d in checked)
        if not checked:
            return None
        return round(sum(d.grounded for d in checked) / kept, 4) if kept else 0.0
