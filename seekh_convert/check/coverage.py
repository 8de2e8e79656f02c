"""Coverage: which pages, slides, time windows or sections of a topic gave at least one kept item."""

from __future__ import annotations

import math

from seekh_convert.model.document import JUNK_KINDS, BlockKind, Document, Topic
from seekh_convert.model.findings import Coverage, CoverageUnit
from seekh_convert.model.guide import SourceRef, format_timestamp

#: Width of the time windows a transcript topic is cut into for coverage.
WINDOW_SECONDS = 120.0


def _units(topic: Topic) -> Coverage:
    # what a reader sees as content counts: usable blocks, and context a model may quote (a slide's verbless lines,
    # the title of a slide that is a title over pictures); headings, junk and boilerplate do not
    usable = [b for b in topic.blocks if b.readable]
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


def pages_left_out(doc: Document) -> dict[str, int]:
    """Pages of a PDF that no topic draws on, by why: the source's own exercises (a problem set), front/back matter
    (contents, index, references...), blank or unreadable (no text, or text only in running headers and footers),
    headings only."""
    usable = {b.page for t in doc.topics for b in t.blocks if b.usable and b.page is not None}
    kinds: dict[int, set] = {}
    for block in doc.blocks:
        if block.page is not None:
            kinds.setdefault(block.page, set()).add(block.kind)
    out = {
        "the source's own exercises": 0,
        "front/back matter": 0,
        "blank or unreadable": 0,
        "headings only": 0,
        "in no topic": 0,
    }
    for number in range(1, source_pages(doc) + 1):
        if number in usable:
            continue
        found = kinds.get(number, set()) - {BlockKind.BOILERPLATE}  # running headers and footers say nothing
        if not found:
            out["blank or unreadable"] += 1
        elif BlockKind.QUESTION in found and not found - {BlockKind.QUESTION, BlockKind.HEADING, BlockKind.FORMULA}:
            out["the source's own exercises"] += 1  # problem sets, review questions: never a source of items
        elif found & JUNK_KINDS:
            out["front/back matter"] += 1
        elif found == {BlockKind.HEADING}:
            out["headings only"] += 1
        else:
            out["in no topic"] += 1
    return {k: v for k, v in out.items() if v}


def source_pages(doc: Document) -> int:
    """How many pages the file has (the highest page read; pages that failed are counted too)."""
    return max((p.number for p in doc.pages), default=0)
