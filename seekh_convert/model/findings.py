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
    # the review rubric: is the item worth keeping as it is?
    NOT_STANDALONE = "does not stand alone"
    FRAGMENT = "dangling fragment"
    NOT_A_DEFINITION = "answer does not define the term"
    WEAK_GAP = "gap not on a key term"
    GAP_GIVEN_AWAY = "stem gives the gap away"
    NONSENSE_SWAP = "false statement not meaningful"
    DISTRACTOR_KIND = "distractor of another kind"
    TEMPLATED = "templated text"
    UNTITLED_POINT = "title does not name the point"
    NOT_AN_APPLICATION = "not an application"
    NOT_A_TOPIC = "not a topic"
    REPEATS_FLASHCARD = "question repeats a flashcard"


#: The review rubric's reasons (a teacher would not keep the item as it is), apart from grounding and keys.
RUBRIC_REASONS = frozenset(
    {
        Reason.NOT_STANDALONE,
        Reason.FRAGMENT,
        Reason.NOT_A_DEFINITION,
        Reason.WEAK_GAP,
        Reason.GAP_GIVEN_AWAY,
        Reason.NONSENSE_SWAP,
        Reason.DISTRACTOR_KIND,
        Reason.TEMPLATED,
        Reason.UNTITLED_POINT,
        Reason.NOT_A_TOPIC,
        Reason.REPEATS_FLASHCARD,
    }
)


#: dropped / fixed / kept by the gate; repaired: failed, then an engine repair made it pass; replaced: failed, and the
#: engine put another item in its place that failed too (the place's later finding says what became of it).
#: ``check`` of a written guide changes nothing: it reports "fails" (the gate would repair or drop the item) and
#: "would fix" (the gate would correct it) instead.
#: noted: a check whose drops teachers mostly overrule on a model's drafts (``GateSettings.notes_only``) reports the item
#: to the editor and keeps it as it is.
Action = Literal["dropped", "fixed", "kept", "repaired", "replaced", "fails", "would fix", "noted"]


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
    shown: int | None = Field(None, description="A noted item's place in its section of the written guide.")

    def describe(self) -> str:
        """One line for logs and repair prompts: ``questions[2]: wrong key - ...``."""
        where = self.section if self.index is None else f"{self.section}[{self.index}]"
        return f"{where}: {self.reason.value}" + (f" - {self.detail}" if self.detail else "")


class CoverageUnit(_Model):
    """A page, slide, time window or section of a topic and how many kept items point at it."""

    label: str
    page: int | None = None
    slide: int | None = None
    start: float | None = None
    end: float | None = None
    section: str | None = None
    items: int = 0


class Coverage(_Model):
    unit: Literal["page", "slide", "time", "section"]
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


class RubricCount(_Model):
    """Items of one section the review rubric looked at, and how many passed it, as the engine first wrote them."""

    checked: int = 0
    passed: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def rate(self) -> float | None:
        return round(self.passed / self.checked, 4) if self.checked else None

    def __add__(self, other: RubricCount) -> RubricCount:
        return RubricCount(checked=self.checked + other.checked, passed=self.passed + other.passed)


def add_rubric(into: dict[str, RubricCount], counts: dict[str, RubricCount]) -> None:
    """Add per-section rubric counts into ``into``."""
    for section, count in counts.items():
        into[section] = into.get(section, RubricCount()) + count


def rubric_line(rubric: dict[str, RubricCount], problems: dict[str, int]) -> str:
    """One line for the end of a run: the share of flashcards, questions and all items passing the rubric."""
    if not rubric:
        return ""
    total = sum(rubric.values(), RubricCount())
    parts = [
        f"{name} {c.passed}/{c.checked} ({c.rate:.0%})"
        for name in ("flashcards", "questions")
        if (c := rubric.get(name)) is not None and c.checked and c.rate is not None
    ]
    parts.append(f"all items {total.passed}/{total.checked} ({(total.rate or 0.0):.0%})")
    line = "the gate's own review rubric (its judgement, not a teacher's), as generated: " + ", ".join(parts)
    if problems:
        top = sorted(problems.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
        line += "; most often: " + ", ".join(f"{r} {n}" for r, n in top)
    return line


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
    failing_by_reason: dict[str, int] = Field(default_factory=dict, description="check: items the gate would repair or drop.")
    would_fix_by_reason: dict[str, int] = Field(default_factory=dict, description="check: items the gate would correct.")
    noted_by_reason: dict[str, int] = Field(
        default_factory=dict, description="Items kept as they are with a note for the editor (checks teachers mostly overrule)."
    )
    grounded: int = Field(
        0, description="Kept items whose quote was found in the source (check: every item, at its stated place)."
    )
    grounding_basis: int | None = Field(
        None, description="check: how many items the grounding figure counts (every checked item); None: the kept items."
    )
    grounding_checked: bool = Field(True, description="False when the source was unavailable.")
    writable: bool = Field(True, description="False when a required section ended empty.")
    empty_sections: dict[str, str] = Field(
        default_factory=dict, description="Sections the guide leaves empty, with the reason shown to readers."
    )
    coverage: Coverage | None = None
    rubric: dict[str, RubricCount] = Field(
        default_factory=dict, description="Per section: items the review rubric checked and passed, as first generated."
    )
    rubric_problems: dict[str, int] = Field(
        default_factory=dict, description="Rubric problems found, by reason, as first generated."
    )
    findings: list[Finding] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    repair_usage: Usage | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def dropped(self) -> int:
        return sum(self.dropped_by_reason.values())

    @computed_field  # type: ignore[prop-decorator]
    @property
    def failing(self) -> int:
        return sum(self.failing_by_reason.values())

    @computed_field  # type: ignore[prop-decorator]
    @property
    def grounding_rate(self) -> float | None:
        if not self.grounding_checked:
            return None
        basis = self.kept if self.grounding_basis is None else self.grounding_basis
        return round(self.grounded / basis, 4) if basis else 0.0

    def add(self, finding: Finding) -> None:
        """Record a finding and count it by action."""
        self.findings.append(finding)
        counts = {
            "dropped": self.dropped_by_reason,
            "fixed": self.fixed_by_reason,
            "fails": self.failing_by_reason,
            "would fix": self.would_fix_by_reason,
            "noted": self.noted_by_reason,
        }.get(finding.action)
        if counts is not None:
            _bump(counts, finding.reason.value)


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
    source_pages: int | None = Field(None, description="Pages in the file (PDF), when known.")
    pages_left_out: dict[str, int] = Field(
        default_factory=dict, description="Pages of the file that are no coverage unit, by why (front/back matter, blank...)."
    )
    rubric: dict[str, RubricCount] = Field(default_factory=dict)
    rubric_problems: dict[str, int] = Field(default_factory=dict)

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

    def coverage_text(self) -> str:
        """``96/126 pages``: units with a kept item of those the topics draw on; where the file's pages are known (a
        PDF), a page two topics share counts once."""
        total = len(self.covered) + len(self.uncovered)
        if not total:
            return "n/a"
        if self.coverage_unit != "page" or self.source_pages is None:
            return f"{len(self.covered)}/{total} {self.coverage_unit}s"
        covered = set(self.covered)
        return f"{len(covered)}/{len(covered | set(self.uncovered))} pages"

    def pages_note(self) -> str:
        """Why the file has more pages than the coverage counts: ``141 pages in the file; 15 left out: 12 front/back
        matter, 3 blank or unreadable`` (empty when every page counts, or for other inputs)."""
        if self.coverage_unit != "page" or self.source_pages is None:
            return ""
        counted = len(set(self.covered) | set(self.uncovered))
        if self.source_pages == counted:
            return ""
        why = ", ".join(f"{n} {reason}" for reason, n in self.pages_left_out.items() if n)
        return f"{self.source_pages} pages in the file; {self.source_pages - counted} left out" + (f": {why}" if why else "")


class RunQuality(_Model):
    """Summary of a run: one entry per document, in the order guides were added."""

    documents: list[DocumentQuality] = Field(default_factory=list)

    def describe_pages(self, input_key: str, source_pages: int, left_out: dict[str, int]) -> None:
        """Record how many pages the file has and why some are no coverage unit (after its first ``add``)."""
        doc = next((d for d in self.documents if d.input == input_key), None)
        if doc is not None:
            doc.source_pages, doc.pages_left_out = source_pages, left_out

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
        add_rubric(doc.rubric, quality.rubric)
        for reason, n in quality.rubric_problems.items():
            _bump(doc.rubric_problems, reason, n)
        if quality.coverage is not None:
            doc.coverage_unit = quality.coverage.unit
            ok = quality.writable
            doc.covered.extend(quality.coverage.covered if ok else [])
            doc.uncovered.extend(quality.coverage.uncovered if ok else [u.label for u in quality.coverage.units])

    @computed_field  # type: ignore[prop-decorator]
    @property
    def produced(self) -> int:
        return sum(d.produced for d in self.documents)

    def rubric_line(self) -> str:
        """The run's review-rubric figures in one line (empty when nothing was checked)."""
        rubric: dict[str, RubricCount] = {}
        problems: dict[str, int] = {}
        for doc in self.documents:
            add_rubric(rubric, doc.rubric)
            for reason, n in doc.rubric_problems.items():
                _bump(problems, reason, n)
        return rubric_line(rubric, problems)

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
