"""The gate on the real corpus with the offline engine: written guides are fully grounded and re-check clean."""

from __future__ import annotations

import asyncio

import pytest

from seekh_convert.check import RunDeduplicator, RunQuality, check_content
from seekh_convert.cli import render_summary

pytestmark = pytest.mark.corpus


def _sources(corpus):
    return [
        *sorted((corpus / "text").glob("*.md")),
        corpus / "transcripts" / "mit-ocw-5.111sc-lec02-atomic-structure.DERIVED.vtt",
    ]


def test_offline_guides_on_corpus_pass_the_gate(corpus):
    from seekh_convert.generate.offline.engine import OfflineEngine
    from seekh_convert.pipeline import load_document

    engine, run, dedup = OfflineEngine(), RunQuality(), RunDeduplicator()

    async def convert():
        for path in _sources(corpus):
            doc = load_document(path)
            for topic in doc.topics:
                content = (await engine.generate(topic, doc)).content
                cleaned, quality = check_content(content, topic, doc)
                if cleaned is not None:
                    cleaned = dedup.apply(cleaned, quality)
                    again, recheck = check_content(cleaned, topic, doc)
                    assert again == cleaned and recheck.dropped == 0 and recheck.grounding_rate == 1.0, recheck.findings
                run.add(quality)

    asyncio.run(convert())
    assert len(run.documents) == 4 and all(d.kept > 0 for d in run.documents)
    assert run.grounding_rate == 1.0
    transcript = run.documents[-1]
    assert transcript.coverage_unit == "time" and transcript.covered
    assert "mit-ocw" in render_summary(run)
