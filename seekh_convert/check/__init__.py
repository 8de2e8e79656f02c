"""The quality gate: every guide passes it before it is written; its findings are part of the output.

check (grounding, junk, support, answer keys, review rubric, duplicates, coverage) -> fix/drop -> optional engine repair.
"""

from seekh_convert.check.checker import GateSettings, for_model_drafts
from seekh_convert.check.coverage import pages_left_out, source_pages
from seekh_convert.check.duplicates import RunDeduplicator
from seekh_convert.check.gate import check_content, run_gate
from seekh_convert.check.guide_file import check_guide_file, prepare_raw
from seekh_convert.check.settings import load_quality
from seekh_convert.check.strict import StrictThresholds, strict_failures
from seekh_convert.model.findings import Coverage, CoverageUnit, DocumentQuality, Finding, Reason, RunQuality, TopicQuality

__all__ = [
    "Coverage",
    "CoverageUnit",
    "DocumentQuality",
    "Finding",
    "GateSettings",
    "Reason",
    "RunDeduplicator",
    "RunQuality",
    "StrictThresholds",
    "TopicQuality",
    "check_content",
    "check_guide_file",
    "for_model_drafts",
    "load_quality",
    "pages_left_out",
    "prepare_raw",
    "run_gate",
    "source_pages",
    "strict_failures",
]
