"""``seekh-convert estimate``: what converting inputs would send, per input, before anything is sent.

Inputs are read, cleaned and split exactly as ``convert`` does; the engine's estimator says what each topic
asks of the model.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from seekh_convert.errors import SeekhError
from seekh_convert.model.document import Document, SourceKind, Topic
from seekh_convert.model.engine import Estimate
from seekh_convert.pipeline.run import Options, load_document
from seekh_convert.read import AUDIO


@dataclass
class InputEstimate:
    """One input: its size (pages for PDFs, minutes for transcripts, words) and what converting it would ask."""

    path: Path
    pages: int | None = None
    minutes: float | None = None
    words: int = 0
    topics: int = 0
    estimate: Estimate = field(default_factory=Estimate)
    error: str | None = None
    recording: bool = False  # audio or video: minutes only; its guides' requests are known once it is transcribed


def estimate_inputs(
    paths: list[Path], options: Options, estimate_topic: Callable[[Topic, Document], Estimate]
) -> list[InputEstimate]:
    """Read every input and estimate each topic (an input that cannot be read gets its one-line error)."""
    found = []
    for path in paths:
        if path.suffix.lower() in AUDIO:
            found.append(_recording(path))
            continue
        try:
            doc = load_document(path, options)
        except SeekhError as exc:
            found.append(InputEstimate(path, error=str(exc)))
            continue
        total = sum((estimate_topic(topic, doc) for topic in doc.topics), Estimate())
        found.append(
            InputEstimate(
                path,
                pages=len(doc.pages) if doc.kind is SourceKind.PDF else None,
                minutes=_minutes(doc),
                words=sum(len(b.text.split()) for b in doc.blocks),
                topics=len(doc.topics),
                estimate=total,
            )
        )
    return found


def _recording(path: Path) -> InputEstimate:
    """A recording's length from its header (nothing decoded, nothing transcribed)."""
    from seekh_convert.read.audio import recording_seconds  # PyAV: only when there is a recording

    try:
        return InputEstimate(path, minutes=round(recording_seconds(path) / 60, 1), recording=True)
    except SeekhError as exc:
        return InputEstimate(path, error=str(exc), recording=True)


def transcription_cost(found: list[InputEstimate], model: str, prices: dict | None) -> tuple[float, float | None]:
    """Minutes of recordings among ``found`` and what transcribing them with ``model`` costs (None: no price)."""
    from seekh_convert.generate.openai.usage import audio_cost_usd  # the openai engine's price table: only for estimates

    minutes = sum(i.minutes or 0.0 for i in found if i.recording and i.error is None)
    return minutes, audio_cost_usd(model, minutes * 60, prices)


def _minutes(doc: Document) -> float | None:
    ends = [b.end for b in doc.blocks if b.end is not None]
    return round(max(ends) / 60, 1) if doc.kind is SourceKind.TRANSCRIPT and ends else None


def cost_per_model(
    found: list[InputEstimate], model: str | None, prices: dict | None
) -> list[tuple[str, tuple[float, float], float, float]]:
    """(model, price per 1M tokens in/out, cost, cost with the Batch API) for every priced model: ``model`` first, then by cost."""
    from seekh_convert.generate.openai.usage import BATCH_DISCOUNT, cost_usd, price_table

    total = sum((i.estimate for i in found), Estimate())
    rows = []
    for name, price in price_table(prices).items():
        cost = cost_usd(name, round(total.input_tokens), round(total.output_tokens), prices) or 0.0
        rows.append((name, price, cost, round(cost * BATCH_DISCOUNT, 6)))
    return sorted(rows, key=lambda row: (row[0] != model, row[2]))


def estimate_json(found: list[InputEstimate], costs: list[tuple[str, tuple[float, float], float, float]]) -> dict:
    """The estimate as JSON data (``seekh-convert estimate --json``)."""
    total = sum((i.estimate for i in found), Estimate())
    return {
        "inputs": [
            {"input": str(i.path), "error": i.error, "pages": i.pages, "minutes": i.minutes, "words": i.words, "topics": i.topics}
            | {"recording": i.recording}
            | _rounded(i.estimate)
            for i in found
        ],
        "total": _rounded(total),
        "cost_usd": {name: {"standard": cost, "batch_api": batch} for name, _, cost, batch in costs},
    }


@dataclass
class EstimateRun:
    """``seekh-convert estimate``: every input's estimate, the cost per model, and the recordings' transcription."""

    found: list[InputEstimate]
    model: str | None  # the model asked for (priced first)
    costs: list[tuple[str, tuple[float, float], float, float]]
    speech_model: str  # priced as whisper-1 when none is configured
    minutes: float
    speech_cost: float | None

    @property
    def recordings(self) -> bool:
        return any(item.recording for item in self.found)

    def as_json(self) -> dict:
        data = estimate_json(self.found, self.costs)
        if self.recordings:
            data["transcription"] = {"minutes": round(self.minutes, 1), "model": self.speech_model, "cost_usd": self.speech_cost}
        return data


def estimate_run(
    paths: list[Path], model: str | None, max_topics: int | None = None, single_topic: bool = False, password: str | None = None
) -> EstimateRun:
    """Read every input as ``convert`` would and price it with the openai engine's prompts (``SeekhError``: bad settings)."""
    from seekh_convert.generate.openai.config import load_settings
    from seekh_convert.generate.openai.estimate import estimate_topic
    from seekh_convert.read.inputs import Selection, find_inputs

    settings = load_settings({"model": model})
    options = Options(
        max_topics=max_topics,
        single_topic=single_topic,
        password=password,
        chunk_tokens=settings.chunk_tokens,
        deck_words=settings.deck_words,
        topic_words=settings.topic_words,
    )
    inputs = find_inputs(list(paths), Selection())[0]
    found = estimate_inputs(inputs, options, lambda topic, doc: estimate_topic(topic, doc, settings))
    speech_model = settings.transcribe_model or "whisper-1"
    minutes, speech_cost = transcription_cost(found, speech_model, settings.audio_prices)
    costs = cost_per_model(found, settings.model, settings.prices)
    return EstimateRun(found, settings.model, costs, speech_model, minutes, speech_cost)


def _rounded(estimate: Estimate) -> dict:
    return {
        "requests": round(estimate.requests),
        "input_tokens": round(estimate.input_tokens),
        "output_tokens": round(estimate.output_tokens),
    }
