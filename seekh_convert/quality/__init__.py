"""The quality gate: every guide passes it before it is written; its findings are part of the output.

check (grounding, junk, support, answer keys, duplicates, coverage) -> fix/drop -> optional engine repair.
"""

from .answer_keys import AnswerKeyError, canonicalize_mc
from .checker import GateSettings
from .duplicates import RunDeduplicator
from .gate import check_content, run_gate
from .guide_file import check_guide_file, prepare_raw
from .report import Coverage, CoverageUnit, DocumentQuality, Finding, Reason, RunQuality, TopicQuality
from .strict import StrictThresholds, strict_failures
from .summary import render_summary

__all__ = [
    "AnswerKeyError",
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
    "canonicalize_mc",
    "check_content",
    "check_guide_file",
    "prepare_raw",
    "render_summary",
    "run_gate",
    "strict_failures",
]
