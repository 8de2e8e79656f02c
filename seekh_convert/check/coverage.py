"""Coverage: which pages, slides, time windows or sections of a topic gave at least one kept item."""

from __future__ import annotations

import math

from seekh_convert.model.document import Topic
from seekh_convert.model.findings import Coverage, CoverageUnit
from seekh_convert.model.guide import SourceRef, format_timestamp

#: Width of the time windows a transcript topic is cut into for coverage.
WINDOW_SECONDS = 120.0


def _units(topic: Topic) -> Coverage:
    usable = [b for b in topic.blocks if b.usable]
    pages = sorted({b.page for b in usable if b.page is not None})
    if pages:
        return Coverage(unit="page", units=[CoverageUnit(label=f"p. {p}", page=p) for p in pages])
    slides = sorted({b.slide for b in usable if b.slide is not None})
    if slides:
        return Coverage(unit="slide", units=[CoverageUnit(label=f"slide {n}", slide=n) for n in slides])
    times = [(b.start, b.end) for b in usable if b.start is not None and b.end is not None]
    if times:
        start, end = min(t[0] for t in times), max(t[1] for t in times)
        count = max(1, math.ceil((end - start) / WINDOW_SECONDS))
        units = []
        for i in range(count):
            lo, hi = start + i * WINDOW_SECONDS, min(end, start + (i + 1) * WINDOW_SECONDS)
            if any(s < hi and e > lo or s == lo for s, e in times):
                units.append(CoverageUnit(label=f"{format_timestamp(lo)}–{format_timestamp(hi)}", start=lo, end=hi))
        return Coverage(unit="time", units=units)
    sections = list(dict.fromkeys(b.section or topic.title for b in usable))
    return Coverage(unit="section", units=[CoverageUnit(label=s, section=s) for s in sections])


def _hits(unit: CoverageUnit, ref: SourceRef, kind: str, default_section: str) -> bool:
    if kind == "page":
        return ref.page == unit.page
    if kind == "slide":
        return ref.slide == unit.slide
    if kind == "time":
        if ref.start is None or ref.end is None or unit.start is None or unit.end is None:
            return False
        return ref.start < unit.end and ref.end >= unit.start
    return (ref.section or default_section) == unit.section


def topic_coverage(topic: Topic, refs: list[SourceRef]) -> Coverage:
    """Coverage of ``topic`` by the (already location-checked) sources of the kept items."""
    coverage = _units(topic)
    for unit in coverage.units:
        unit.items = sum(1 for ref in refs if _hits(unit, ref, coverage.unit, topic.title))
    return coverage
