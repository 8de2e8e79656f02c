"""The wiring, the one place that knows the stages and their order: ``run.py`` (reading and the ``Converter``),
``loader.py`` (reading off the event loop), ``manifest.py`` and ``resume.py`` (run state, resuming),
``results.py`` (one result per input)."""

from seekh_convert.pipeline.results import ConversionResult, Status, TopicResult
from seekh_convert.pipeline.run import SUPPORTED, Converter, Options, expand_inputs, load_document

__all__ = [
    "SUPPORTED",
    "ConversionResult",
    "Converter",
    "Options",
    "Status",
    "TopicResult",
    "expand_inputs",
    "load_document",
]
