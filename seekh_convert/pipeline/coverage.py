"""How much of a document its written guides cover: pages, slides, minutes or sections with at least one kept item.

A guide set that leaves most of its document untouched (one guide from two of thirty slides) is not a silent
success: below ``MIN_SHARE`` the input gets a warning in the run summary, ``report.json`` and ``report.md``.
"""

from __future__ import annotations

from seekh_convert.check.coverage import pages_left_out, source_pages, topic_coverage
from seekh_convert.model.document import Document, Topic
from seekh_convert.pipeline.results import MIN_COVERAGE as MIN_SHARE
from seekh_convert.pipeline.results import TopicResult

_UNIT_NAMES = {"page": "pages", "slide": "slides", "time": "minutes", "section": "sections"}


def document_coverage(doc: Document, topics: list[TopicResult]) -> dict | None:
    """``{"unit", "covered", "total", "share"}`` over the whole document (minutes for transcripts), or None when
    the document has no unit to count or no guide was checked."""
    whole = topic_coverage(Topic(index=0, title=doc.title, blocks=doc.blocks), [])
    if not whole.units:
        return None
    written = [t.quality.coverage for t in topics if t.folder is not None and t.quality and t.quality.coverage]
    checked = [t for t in topics if t.quality is not None and t.quality.coverage is not None]
    if not checked:
        return None
    if whole.unit == "time":
        total = sum((u.end or 0.0) - (u.start or 0.0) for u in whole.units) / 60
        covered = sum((u.end or 0.0) - (u.start or 0.0) for c in written if c.unit == "time" for u in c.units if u.items) / 60
        covered, total = round(min(covered, total), 1), round(total, 1)
    else:
        units = {u.label for u in whole.units}
        if whole.unit == "section":  # a block under no heading counts under its topic's title, as the guides count it
            units = {u.label for t in doc.topics for u in topic_coverage(t, []).units} or units
        labels = {u.label for c in written if c.unit == whole.unit for u in c.units if u.items}
        covered, total = len(labels & units), len(units)
    share = round(covered / total, 4) if total else 1.0
    found = {"unit": _UNIT_NAMES[whole.unit], "covered": covered, "total": total, "share": share}
    if whole.unit == "slide" and (titles := title_only_slides(doc)):
        found["title_only"] = titles
    if whole.unit == "page" and (pages := source_pages(doc)) > total:  # why the file's other pages count for nothing
        found["file_pages"], found["left_out"] = pages, pages_left_out(doc)
    return found


def title_only_slides(doc: Document) -> int:
    """How many slides show only their title (a title over pictures, which are not read)."""
    lines: dict[int, set[bool]] = {}
    for block in doc.blocks:
        if block.slide is not None and block.readable:
            lines.setdefault(block.slide, set()).add(block.text.strip() == block.section.strip())
    return sum(1 for seen in lines.values() if seen == {True})


def coverage_warning(coverage: dict | None, engine: str = "offline") -> str | None:
    """The run's warning for a guide set covering less than ``MIN_SHARE`` of its document, else None; what to do
    depends on the ``engine`` that wrote it (a model's guide of a whole deck: smaller topics)."""
    if coverage is None or coverage["share"] >= MIN_SHARE:
        return None
    number = (lambda x: f"{x:g}") if coverage["unit"] == "minutes" else str
    titles = coverage.get("title_only", 0)
    if titles * 3 >= coverage["total"]:
        fix = (
            f"{titles} of its {coverage['total']} slides show only a title over pictures, which are not read; "
            "the slides' text (in text boxes or speaker notes) gives a fuller guide"
        )
    elif engine == "offline":
        fix = "check the topics, or use --engine openai for a fuller guide"
    elif coverage["unit"] == "slides":
        fix = "check the topics; deck_words in [engine] (default 500) lower gives more, smaller topics"
    else:
        fix = "check the topics; --max-topics (if set) higher gives more, smaller topics"
    return (
        f"low coverage: the guides draw items from {number(coverage['covered'])} of {number(coverage['total'])} "
        f"{coverage['unit']} ({coverage['share']:.0%}), less than half of the document; {fix}"
    )
