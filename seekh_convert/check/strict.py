"""``--strict``: thresholds a guide must meet after the gate, and the list of what it misses."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from seekh_convert.check.items import LIST_SECTIONS
from seekh_convert.model.findings import TopicQuality


class StrictThresholds(BaseModel):
    """What ``--strict`` demands of every guide."""

    model_config = ConfigDict(extra="forbid")

    min_grounding_rate: float = Field(1.0, ge=0, le=1, description="Share of kept items with a verified quote.")
    min_items: dict[str, int] = Field(
        default_factory=lambda: {s: 1 for s in LIST_SECTIONS} | {"flashcards": 3, "questions": 3},
        description="Minimum kept items per list section.",
    )
    allow_empty: list[str] = Field(
        default_factory=lambda: ["definition", "learn_next", "prerequisites", "applications"],
        description="Sections that may stay empty when the guide says why (their minimum then does not apply).",
    )
    min_coverage: float = Field(0.0, ge=0, le=1, description="Share of the topic's pages/windows/sections with an item.")
    max_dropped_share: float = Field(1.0, ge=0, le=1, description="Most of the produced items the gate may drop.")
    min_rubric_rate: float = Field(
        0.75, ge=0, le=1, description="Share of flashcards and questions, as first generated, that pass the review rubric."
    )


def strict_failures(quality: TopicQuality, thresholds: StrictThresholds, content: object | None = None) -> list[str]:
    """One line per threshold the guide misses (empty list: it passes).

    ``content`` (the cleaned guide) is needed for the per-section minimums; without it they are skipped.
    """
    where = f"{quality.source_file} topic {quality.topic_index}".strip()
    out: list[str] = []
    if not quality.writable:
        out.append(f"{where}: guide not writable ({'; '.join(quality.notes)})")
        return out
    rate = quality.grounding_rate
    if rate is None:
        out.append(f"{where}: grounding not checked (source unavailable)")
    elif rate < thresholds.min_grounding_rate:
        out.append(f"{where}: grounding rate {rate:.0%} < {thresholds.min_grounding_rate:.0%}")
    if content is not None:
        for section, minimum in thresholds.min_items.items():
            have = len(getattr(content, section, []) or [])
            if have == 0 and section in thresholds.allow_empty and section in quality.empty_sections:
                continue  # honestly empty: the guide says why
            if have < minimum:
                out.append(f"{where}: {section} has {have} items < {minimum}")
    if quality.coverage is not None and quality.coverage.ratio < thresholds.min_coverage:
        out.append(
            f"{where}: coverage {quality.coverage.ratio:.0%} < {thresholds.min_coverage:.0%}"
            f" (no items from {', '.join(quality.coverage.uncovered[:8])})"
        )
    drilled = [quality.rubric[s] for s in ("flashcards", "questions") if s in quality.rubric]
    checked, passed = sum(c.checked for c in drilled), sum(c.passed for c in drilled)
    if checked and passed / checked < thresholds.min_rubric_rate:
        out.append(
            f"{where}: review rubric passed by {passed}/{checked} flashcards and questions"
            f" ({passed / checked:.0%} < {thresholds.min_rubric_rate:.0%})"
        )
    if quality.produced and quality.dropped / quality.produced > thresholds.max_dropped_share:
        out.append(f"{where}: dropped {quality.dropped}/{quality.produced} items > {thresholds.max_dropped_share:.0%}")
    return out
