"""The one narrow interface every generation engine implements."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from seekh_convert.model.document import Document, Topic
from seekh_convert.model.guide import GuideContent, Usage

if TYPE_CHECKING:
    from seekh_convert.model.findings import Finding


@dataclass
class Generation:
    """What an engine returns for one topic."""

    content: GuideContent
    usage: Usage | None = None
    #: Items the engine itself dropped or fixed before the gate (e.g. quotes not in the topic);
    #: pass them to ``quality.run_gate(engine_findings=...)`` so they are counted and reported.
    findings: list[Finding] = field(default_factory=list)


@runtime_checkable
class Engine(Protocol):
    """Turns one topic of a document into guide content.

    ``document`` gives the whole cleaned document (other topics, vocabulary); ``topic`` is the
    part to write about. Items must quote ``topic`` verbatim (see ``schema.SourceRef``).
    """

    name: str
    model: str | None

    async def generate(self, topic: Topic, document: Document) -> Generation: ...

    async def aclose(self) -> None: ...
