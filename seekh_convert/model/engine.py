"""The one narrow interface every generation engine implements, and what it returns.

The pipeline calls ``generate`` per topic, the quality gate calls ``repair`` for the items it failed, the CLI
reads ``chunk_tokens`` to cut topics into request-sized chunks, and ``aclose`` ends the run. An engine that
writes guides in some languages only says which in ``languages`` (ISO 639-1 codes; None for any); the
pipeline refuses other documents for it with one line. An engine that sends requests says how many may be in
flight (``concurrency``: the pipeline keeps enough inputs in memory to fill its pool) and reports them to
``on_request`` (a callback the pipeline sets to receive ``RequestEvent``s). Nothing else of an engine is used,
so the offline engine, the OpenAI-compatible engine and test fakes are interchangeable.

An engine whose requests cost money and go to a server also implements ``MeteredEngine``: the pipeline checks
its server before any work, prices what it wrote, holds it to ``--budget``, keeps its run state (the Batch
API's ledger) beside the manifest and shows its status lines. Engines without it get none of that.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol, runtime_checkable

from seekh_convert.model.document import Document, Topic
from seekh_convert.model.findings import Finding
from seekh_convert.model.guide import GuideContent, Usage


@dataclass
class Generation:
    """What an engine returns for one topic (or one repair)."""

    content: GuideContent
    usage: Usage | None = None
    #: Items the engine itself dropped or fixed before the gate (e.g. quotes not in the topic); the gate counts them.
    findings: list[Finding] = field(default_factory=list)
    #: The source text the model wrote from when it did not read the whole topic in that request (a long topic's
    #: guide is written from notes: these are the verbatim passages the notes quote, one per paragraph); the gate
    #: judges an item's support against what the model was given. None: the model read the whole topic.
    support_text: str | None = None


#: Where the topic being generated sits in the run, (input index, topic index). The pipeline sets it in each
#: topic's task; an engine with a request pool shared by the whole run serves the earliest work first and
#: tags its request events with it.
work_order: ContextVar[tuple[int, int]] = ContextVar("work_order", default=(0, 0))


@dataclass(frozen=True)
class RequestEvent:
    """One request of an engine to its model, for the run's progress and logs (``order`` as in ``work_order``)."""

    phase: Literal["sent", "done", "cached", "failed"]
    order: tuple[int, int]
    step: str = ""
    input_tokens: int = 0
    output_tokens: int = 0
    cost_usd: float | None = None
    seconds: float = 0.0


@dataclass(frozen=True)
class Estimate:
    """What converting something will ask of a model, before anything is sent (fractions: expected values)."""

    requests: float = 0.0
    input_tokens: float = 0.0
    output_tokens: float = 0.0

    def __add__(self, other: Estimate) -> Estimate:
        return Estimate(
            self.requests + other.requests, self.input_tokens + other.input_tokens, self.output_tokens + other.output_tokens
        )

    def __mul__(self, share: float) -> Estimate:
        return Estimate(self.requests * share, self.input_tokens * share, self.output_tokens * share)


@runtime_checkable
class Engine(Protocol):
    """Turns one topic of a document into guide content, grounded in the topic's own text.

    ``document`` gives the whole cleaned document (other topics, vocabulary); ``topic`` is the part to write
    about. Items quote ``topic`` verbatim and carry the location of their own sentences (``model.sources``).
    """

    name: str
    model: str | None
    #: Most source tokens one request reads: the pipeline cuts each topic into chunks of this size.
    chunk_tokens: int
    #: Languages the engine writes guides in (ISO 639-1 codes); None for any.
    languages: frozenset[str] | None
    #: Requests it may have in flight at once (1 for an engine that sends none).
    concurrency: int
    #: Called with each request's events; the pipeline sets it (None: nobody listens).
    on_request: Callable[[RequestEvent], None] | None

    async def generate(self, topic: Topic, document: Document) -> Generation: ...

    async def repair(self, content: GuideContent, findings: list[Finding], topic: Topic, document: Document) -> Generation:
        """Replacements for the items ``findings`` point at (the gate's dropped items); others stay as they are."""
        ...

    async def aclose(self) -> None: ...


@runtime_checkable
class MeteredEngine(Engine, Protocol):
    """An engine that pays for requests to a server: what the pipeline asks of it beyond ``Engine``."""

    #: Settings that change what a guide says besides the model (a resumed run redoes inputs written with others).
    fingerprint: dict
    #: Called with one line of progress of its own (the Batch API's submissions and status); the pipeline sets it.
    on_status: Callable[[str], None] | None

    async def check(self) -> list[str]:
        """Preflight: the server answers and accepts the key, at no cost; warnings, or ``ConfigError``."""
        ...

    def price(self, input_tokens: int, output_tokens: int) -> float | None:
        """USD that many tokens cost (None when unknown)."""
        ...

    def limit_spending(self, limit_usd: float, spent_usd: float = 0.0) -> None:
        """``--budget``: start no request that could take the spending past ``limit_usd``."""
        ...

    def keep_state_in(self, folder: Path) -> None:
        """Keep run state (which request went into which batch) in ``folder``, the output folder's state."""
        ...
