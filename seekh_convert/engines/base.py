"""The one narrow interface every generation engine implements."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from ..document import Document, Topic
from ..schema import GuideContent, Usage


@dataclass
class Generation:
    """What an engine returns for one topic."""

    content: GuideContent
    usage: Usage | None = None


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
