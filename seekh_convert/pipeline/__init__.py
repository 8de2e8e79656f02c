"""The wiring, the one place that knows the stages and their order: ``run.py`` (reading and the ``Converter``)."""

from seekh_convert.pipeline.run import (
    SUPPORTED,
    ConversionResult,
    Converter,
    Options,
    Status,
    TopicResult,
    expand_inputs,
    load_document,
    publish,
    skipped_result,
)
from seekh_convert.read.inputs import Selection, find_inputs

__all__ = [
    "SUPPORTED",
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
