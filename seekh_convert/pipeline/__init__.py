"""The wiring, the one place that knows the stages and their order, and the CLI's one door into the package:
``run.py`` (reading and the ``Converter``), ``engines.py`` (which engine and transcriber), ``commands.py`` (a
conversion run to the end; check, validate, review), ``loader.py`` (reading off the event loop), ``transcribe.py``
(recordings), ``manifest.py`` and ``resume.py`` (run state, resuming), ``preflight.py``, ``results.py`` (one result
per input), ``report.py`` (the run report), ``estimate.py`` (what a run will cost)."""

from seekh_convert.errors import BudgetError, PreflightError, SeekhError
from seekh_convert.pipeline.choices import EngineChoice, OcrChoice, StalePolicy
from seekh_convert.pipeline.commands import (
    GuideCheck,
    check_guide,
    guide_schema,
    open_review,
    quality_settings,
    run_conversion,
    validate_guide,
)
from seekh_convert.pipeline.engines import build_engine, build_engines, build_transcriber
from seekh_convert.pipeline.estimate import EstimateRun, estimate_run
from seekh_convert.pipeline.eventlog import JsonEventLog
from seekh_convert.pipeline.results import ConversionResult, Status, TopicResult
from seekh_convert.pipeline.run import (
    SUPPORTED,
    Converter,
    Options,
    expand_inputs,
    load_document,
    publish,
    skipped_result,
)
from seekh_convert.read.inputs import Selection, find_inputs
from seekh_convert.text.language import language_code
from seekh_convert.text.normalize import strip_controls
from seekh_convert.write.render import DEFAULT_FORMATS, FORMATS

__all__ = [
    "DEFAULT_FORMATS",
    "FORMATS",
    "SUPPORTED",
    "BudgetError",
    "ConversionResult",
    "Converter",
    "EngineChoice",
    "EstimateRun",
    "GuideCheck",
    "JsonEventLog",
    "OcrChoice",
    "Options",
    "PreflightError",
    "SeekhError",
    "Selection",
    "StalePolicy",
    "Status",
    "TopicResult",
    "build_engine",
    "build_engines",
    "build_transcriber",
    "check_guide",
    "estimate_run",
    "expand_inputs",
    "find_inputs",
    "guide_schema",
    "language_code",
    "load_document",
    "open_review",
    "publish",
    "quality_settings",
    "run_conversion",
    "skipped_result",
    "strip_controls",
    "validate_guide",
]
