"""One topic generated and gated (``draft``), and the offline engine's drafts made in a worker process.

The offline engine needs spaCy and its English model (about 100 MiB), word lists and a tokenizer: generating in
a worker process (``draft_offline``, one fresh process per input) keeps all of that out of the main process, and
away from what reading left in the reader's (the language detector's model, the PDF libraries). The document
goes to it as one pickle (3 MiB for a 352-page book) and the drafts come back. An engine that sends requests
(the OpenAI-compatible one) generates in the main process, where its request pool and cache serve every input.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import gc
import logging
from collections.abc import Callable

from seekh_convert.check import GateSettings, for_model_drafts, run_gate
from seekh_convert.errors import BudgetError, ConfigError, EngineError, SeekhError
from seekh_convert.model.document import Document, Topic
from seekh_convert.model.engine import Engine
from seekh_convert.model.guide import GuideContent, Usage
from seekh_convert.pipeline.results import TopicResult

log = logging.getLogger(__name__)

Draft = tuple[TopicResult, GuideContent | None]


async def draft(
    engine: Engine, doc: Document, topic: Topic, gate: GateSettings | None, stop: Callable[[SeekhError], bool] | None = None
) -> Draft:
    """Generate and gate one topic; an error of the topic becomes its ``TopicResult.error``. ``ConfigError`` and
    ``BudgetError`` (every further request would fail too) go to ``stop``, which stops the run and says whether it
    had stopped already (the topic is then ``skipped``); without ``stop`` they are raised."""
    tr = TopicResult(index=topic.index, title=topic.title)
    try:
        generation = await engine.generate(topic, doc)
        tr.usage = generation.usage
        gate = drafts_gate(engine, gate)
        content, tr.quality = await run_gate(
            generation.content,
            topic,
            doc,
            engine,
            settings=gate,
            engine_findings=generation.findings,
            support_text=generation.support_text,
        )
        if tr.quality.repair_usage is not None:
            tr.usage = (tr.usage or Usage()) + tr.quality.repair_usage
        return tr, content
    except (ConfigError, BudgetError) as exc:
        if stop is None:
            raise
        tr.error = f"{doc.path.name}: topic {topic.index} '{topic.title}': {exc}"
        tr.skipped = stop(exc)  # what the topic's requests cost before (tr.usage) is kept
    except SeekhError as exc:
        tr.error = f"{doc.path.name}: topic {topic.index} '{topic.title}': {exc}"
        if isinstance(exc, EngineError) and isinstance(exc.usage, Usage):
            tr.usage = exc.usage  # failed attempts still cost tokens
    except Exception as exc:
        log.debug("unexpected error on %s topic %d", doc.path, topic.index, exc_info=True)
        tr.error = (
            f"{doc.path.name}: topic {topic.index} '{topic.title}': unexpected {type(exc).__name__}: {exc}; please report this"
        )
    return tr, None


def drafts_gate(engine: Engine, gate: GateSettings | None) -> GateSettings | None:
    """The gate's settings for ``engine``'s drafts: on a model's, judgement checks only note (``for_model_drafts``)."""
    return gate if generates_offline(engine) else for_model_drafts(gate)


def generates_offline(engine: Engine) -> bool:
    """Whether ``engine`` is the offline engine, whose drafts ``draft_offline`` makes in a worker process."""
    return type(engine).__name__ == "OfflineEngine" and type(engine).__module__.startswith("seekh_convert.generate.offline")


#: Words of a document per process drafting its topics: a longer one is drafted in several at once (each analyses
#: the whole document again and loads spaCy, about 3 s for the 352-page book; the topics are drafted in half the time).
WORDS_PER_PART = 40_000


def offline_parts(doc: Document, processes: int) -> int:
    """How many processes draft ``doc``'s topics at once: one per ``WORDS_PER_PART`` words, at most ``processes``."""
    words = sum(len(b.text.split()) for b in doc.blocks if b.usable)
    return max(1, min(processes, len(doc.topics), 1 + words // WORDS_PER_PART))


def trim_heap(collect: bool = True) -> None:
    """Collect garbage (unless ``collect`` is False) and give the heap's free pages back to the system (glibc's
    ``malloc_trim``; nothing where there is no glibc)."""
    if collect:
        gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).malloc_trim(0)


def draft_offline(doc: Document, gate: GateSettings | None, part: int = 0, parts: int = 1) -> list[Draft]:
    """Topics ``part``, ``part + parts``, ... of ``doc`` (every topic by default) through a new offline engine, in topic
    order (in a worker process). Each topic's draft depends on the whole document's analysis, never on which topics
    the same engine drafted before, so a long document's topics can be drafted in several processes at once."""
    from seekh_convert.generate.offline import OfflineEngine

    engine = OfflineEngine()

    async def every() -> list[Draft]:
        drafts: list[Draft] = []
        try:
            for n, topic in enumerate(doc.topics[part::parts]):
                drafts.append(await draft(engine, doc, topic, gate))
                # a topic's parses are freed (by reference counting: a full collection per topic found about 15
                # objects of garbage and cost 0.5 s on the 352-page book, the peak the same): give their pages back
                trim_heap(collect=False)
                if n == 0:
                    # The document and the engine's models (loaded by the first topic) live to the end: frozen
                    # out of the collector's sight, each later collection walks only what the topics made (the
                    # 352-page book: full collections 11.6 s -> 3.6 s of CPU, outputs and peak memory the same).
                    gc.freeze()
            return drafts
        finally:
            gc.unfreeze()
            await engine.aclose()

    return asyncio.run(every())
