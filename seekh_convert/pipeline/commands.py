"""What the CLI's commands do besides ``convert``'s stages: run a conversion to the end, check, validate and
review guides. The CLI calls these and only prints what they return."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from pathlib import Path

from seekh_convert.errors import SeekhError
from seekh_convert.model.findings import TopicQuality
from seekh_convert.pipeline.run import Converter, Options, load_document


def run_conversion(converter: Converter, inputs: list[Path]):
    """Convert ``inputs`` (preflight, every input, report, publishing), then close the engine and the transcriber."""

    async def main():
        try:
            return await converter.convert_all(inputs)
        finally:
            await converter.engine.aclose()
            if converter.transcriber is not None:
                await converter.transcriber.aclose()

    return asyncio.run(main())


def quality_settings():
    """The gate's settings and what ``--strict`` demands: the [quality] table of seekh.toml (``SeekhError``)."""
    from seekh_convert.check.settings import load_quality

    return load_quality()


@dataclass
class GuideCheck:
    """``seekh-convert check``: the quality report of a guide as written, and what ``--strict`` finds."""

    quality: TopicQuality
    strict_failures: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.strict_failures or self.quality.failing or not self.quality.writable)

    def figures(self) -> str:
        """Items, failing, what the gate would fix, grounding as written: one line."""
        q = self.quality
        rate = q.grounding_rate
        grounding = "not checked" if rate is None else f"{q.grounded}/{q.grounding_basis} ({rate:.0%})"
        fix = sum(q.would_fix_by_reason.values())
        return f"{q.produced} items, {q.failing} failing, {fix} the gate would fix; grounded at their source {grounding}"


def check_guide(
    guide: Path,
    source: Path | None = None,
    *,
    strict: bool = False,
    max_topics: int | None = None,
    single_topic: bool = False,
    password: str | None = None,
) -> GuideCheck:
    """Re-check a guide.json against its source, split as the run that wrote it did (``SeekhError``: bad settings)."""
    from seekh_convert.check import check_guide_file, strict_failures

    recorded = _recorded_segmentation(guide)
    recorded_max, recorded_deck = recorded.get("max_topics"), recorded.get("deck_words")
    recorded_words = recorded.get("topic_words")
    options = Options(
        max_topics=max_topics or (recorded_max if isinstance(recorded_max, int) and recorded_max >= 1 else None),
        single_topic=single_topic or recorded.get("single_topic") is True,
        deck_words=recorded_deck if isinstance(recorded_deck, int) and recorded_deck >= 1 else None,
        topic_words=recorded_words if isinstance(recorded_words, int) and recorded_words >= 1 else None,
        password=password,
    )
    gate, thresholds = quality_settings()
    quality = check_guide_file(guide, source, loader=lambda path: load_document(path, options), settings=gate)
    return GuideCheck(quality, strict_failures(quality, thresholds) if strict else [])


def _recorded_segmentation(guide: Path) -> dict:
    """``max_topics``/``single_topic``/``deck_words``/``topic_words`` from the guide's provenance; empty when unreadable (check reports that)."""
    try:
        provenance = json.loads(guide.read_text(encoding="utf-8")).get("provenance", {})
    except (OSError, ValueError, AttributeError):
        return {}
    return provenance if isinstance(provenance, dict) else {}


def validate_guide(path: Path) -> tuple[list[str], str | None]:
    """A guide.json against the schema: each schema error with its JSON path, or why it cannot be read (both empty: valid)."""
    from seekh_convert.write.library import GuideInvalid, read_guide

    try:
        read_guide(path)
    except GuideInvalid as exc:
        return list(exc.lines), None
    except SeekhError as exc:
        return [], str(exc)
    return [], None


def open_review(folder: Path, port: int):
    """The review server of an output folder and the guides it cannot show (``SeekhError``; ``OSError``: the port)."""
    from seekh_convert.write.library import load_library
    from seekh_convert.write.site.server import ReviewServer

    library = load_library(folder)
    return ReviewServer(folder, port), len(library.entries), library.errors


def guide_schema() -> str:
    """The JSON Schema of a study guide (guide.json)."""
    from seekh_convert.model.guide import guide_json_schema

    return json.dumps(guide_json_schema(), indent=2)
