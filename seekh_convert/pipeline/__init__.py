"""The wiring, the one place that knows the stages and their order: ``run.py`` (reading and the ``Converter``),
``loader.py`` (reading off the event loop), ``transcribe.py`` (recordings), ``manifest.py`` and ``resume.py``
(run state, resuming), ``preflight.py``, ``results.py`` (one result per input), ``report.py`` (the run report),
``estimate.py`` (what a run will cost)."""

from seekh_convert.pipeline.loader import configured_read_timeout
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

__all__ = [
    "SUPPORTED",
    "configured_read_timeout",
    "ConversionResult",
    "Converter",
    "Options",
    "Selection",
    "Status",
    "TopicResult",
    "expand_inputs",
    "find_inputs",
    "load_document",
    "publish",
    "skipped_result",
]
