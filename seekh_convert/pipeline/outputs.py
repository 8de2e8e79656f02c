"""What the pipeline writes beside the writers' files: each guide's provenance, and ``index.json`` per input."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime

from seekh_convert import __version__
from seekh_convert.files import atomic_write_text
from seekh_convert.model.document import Document, SourceKind, Topic
from seekh_convert.model.engine import Engine, MeteredEngine
from seekh_convert.model.guide import GuideContent, Provenance, StudyGuide, Usage
from seekh_convert.pipeline.results import ConversionResult
from seekh_convert.write.transcript import TranscriptWriter


def generated_at() -> datetime:
    """The generation time; ``SOURCE_DATE_EPOCH`` (reproducible builds) pins it, making output byte-identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC).replace(microsecond=0)


def as_produced(usage: Usage | None, engine: Engine) -> Usage | None:
    """Usage for the output files: calls, tokens and their list price, whether replies came from the cache or not
    (so a resumed or re-run conversion writes the same bytes); what this run paid stays in its results."""
    if usage is None:
        return None
    metered = isinstance(engine, MeteredEngine)
    cost = engine.price(usage.input_tokens, usage.output_tokens) if metered else usage.cost_usd
    return Usage(calls=usage.calls, input_tokens=usage.input_tokens, output_tokens=usage.output_tokens, cost_usd=cost)


def study_guide(doc: Document, topic: Topic, content: GuideContent, usage: Usage | None, options, engine: Engine) -> StudyGuide:
    """``content`` with its provenance: source, topic, the options that split the source, engine, usage."""
    provenance = Provenance(
        source_file=doc.path.name,
        source_sha256=doc.sha256,
        source_kind=doc.kind.value,
        topic_index=topic.index,
        topic_count=len(doc.topics),
        pages=topic.pages,
        slides=topic.slides,
        language=doc.language or None,
        time_range=topic.time_range if doc.kind is SourceKind.TRANSCRIPT else None,
        max_topics=options.max_topics,
        single_topic=options.single_topic,
        deck_words=getattr(options, "deck_words", None),
        topic_words=getattr(options, "topic_words", None),
        engine=engine.name,
        model=engine.model,
        tool_version=__version__,
        generated_at=generated_at(),
        usage=usage,
    )
    labels = {"subject": options.subject, "level": options.level}
    overrides = {k: v for k, v in labels.items() if v is not None}  # --subject / --level
    data = with_page_labels(content.model_dump(), doc.page_labels)
    return StudyGuide.model_validate({**data, **overrides, "provenance": provenance})


def with_page_labels(data: object, labels: dict[int, str]) -> object:
    """Guide data whose every source on a labelled PDF page carries that page's printed label (in place)."""
    if isinstance(data, dict):
        if "quote" in data and data.get("page") in labels:
            data["page_label"] = labels[data["page"]]
        for value in data.values():
            with_page_labels(value, labels)
    elif isinstance(data, list):
        for value in data:
            with_page_labels(value, labels)
    return data


def write_index(doc: Document, result: ConversionResult, usage: Usage | None) -> None:
    """``index.json`` of one input: topics, status, errors, warnings, usage."""
    index = {
        "source_file": doc.path.name,
        "source_sha256": doc.sha256,
        "title": doc.title,
        "status": result.status.value,
        "topics": [
            {"index": t.index, "title": t.title, "folder": t.folder.name if t.folder else None, "error": t.error}
            for t in result.topics
        ],
        "warnings": result.warnings,
        "language": doc.language or doc.metadata.get("language") or None,
        **{k: doc.metadata[k] for k in ("declared_language",) if k in doc.metadata},
        "ocr_confidence": {str(page): conf for page, conf in sorted(doc.ocr.items())},  # pages read by OCR
        **(
            {"transcript": TranscriptWriter.filename, "transcription": result.transcription.model_dump()}
            if result.transcription
            else {}
        ),
        "usage": (usage or Usage()).model_dump(),
    }
    atomic_write_text(result.output_dir / "index.json", json.dumps(index, indent=2, ensure_ascii=False) + "\n")  # type: ignore[operator]
