"""``OpenAIEngine``: study guides from any OpenAI-compatible chat server, behind ``model.engine.Engine``."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError, create_model

from seekh_convert.errors import EngineError
from seekh_convert.generate.openai.client import ChatClient
from seekh_convert.generate.openai.config import EngineSettings
from seekh_convert.generate.openai.mapreduce import (
    ChunkNotes,
    kept_notes,
    neutralise,
    plan_parts,
    render_notes,
    render_part,
    support_text,
)
from seekh_convert.generate.openai.parse import parse_guide
from seekh_convert.generate.openai.prompts import chat_messages, load_prompt, prompt_refs, rubric_for
from seekh_convert.generate.openai.relocate import TopicQuotes, ground, relocate, relocate_section
from seekh_convert.generate.openai.repair import (
    put_in_place,
    render_distinct,
    render_failing,
    repair_source,
    reply_model,
    slots_of,
    worth_repairing,
)
from seekh_convert.generate.openai.reply_size import (
    MAX_ITEMS,
    MAX_NOTES,
    MIN_ITEMS,
    NOTE_QUOTE_TOKENS,
    QUOTE_TOKENS,
    reply_tokens,
)
from seekh_convert.generate.openai.retry import Reply, with_repairs
from seekh_convert.generate.openai.structured import parse_reply
from seekh_convert.generate.openai.usage import BATCH_DISCOUNT, Budget, CallUsage, UsageMeter
from seekh_convert.model.document import Document, Topic
from seekh_convert.model.engine import Generation, RequestEvent
from seekh_convert.model.findings import Finding
from seekh_convert.model.guide import Definition, GuideContent, Summary, Usage
from seekh_convert.text.language import language_name

log = logging.getLogger(__name__)


class OpenAIEngine:
    """One instance serves every document of a run; its semaphore bounds requests in flight across all of them."""

    name = "openai"

    def __init__(self, settings: EngineSettings):
        settings.check_ready()
        self.settings = settings
        self.model: str | None = settings.model
        self._client = ChatClient(settings)
        self._run = UsageMeter(settings.model or "", settings.prices, BATCH_DISCOUNT if settings.batch_api else 1.0)

    def _meter(self) -> UsageMeter:
        return UsageMeter(self.model or "", self.settings.prices, BATCH_DISCOUNT if self.settings.batch_api else 1.0)

    @classmethod
    def from_settings(cls, settings: EngineSettings) -> OpenAIEngine:
        """The engine for a run; raises ``ConfigError`` when model or key is missing."""
        return cls(settings)

    @property
    def chunk_tokens(self) -> int:
        """Chunk size the pipeline should cut topics into for this engine."""
        return self.settings.chunk_tokens

    @property
    def deck_words(self) -> int:
        """Words of a slide deck's topic for this engine (the pipeline's segmenter groups slides to it)."""
        return self.settings.deck_words

    @property
    def topic_words(self) -> int:
        """Fewest words of a topic for this engine (the pipeline's segmenter merges shorter sections)."""
        return self.settings.topic_words

    @property
    def usage_total(self) -> Usage:
        """Tokens, calls and cost of the whole run so far."""
        return self._run.usage()

    languages: frozenset[str] | None = None  # writes in the document's language (or --language)

    @property
    def client(self) -> ChatClient:
        """The run's chat client (its pool, limiter, cache and budget serve transcription requests too)."""
        return self._client

    @property
    def concurrency(self) -> int:
        """Most requests in flight across the run (the size of the shared request pool); with the Batch API,
        requests wait in batches instead, so the pipeline may keep many inputs in memory at once."""
        return 512 if self.settings.batch_api else self.settings.concurrency

    @property
    def fingerprint(self) -> dict:
        """Settings that change what a guide says (a resumed run redoes inputs converted with others)."""
        s = self.settings
        return {"temperature": s.temperature, "max_tokens": s.max_tokens, "max_repairs": s.max_repairs}

    def keep_state_in(self, folder: Path) -> None:
        """Keep the Batch API's ledger (which request went into which batch) in ``folder``: the run's state."""
        self._client.state_dir = folder

    @property
    def on_status(self) -> Callable[[str], None] | None:
        """Called with one line of Batch API progress (submitted, status changes)."""
        return self._client.on_status

    @on_status.setter
    def on_status(self, callback: Callable[[str], None] | None) -> None:
        self._client.on_status = callback

    @property
    def on_request(self) -> Callable[[RequestEvent], None] | None:
        """Called with a ``RequestEvent`` when a request is sent, answered, fails or comes from the cache."""
        return self._client.on_request

    @on_request.setter
    def on_request(self, callback: Callable[[RequestEvent], None] | None) -> None:
        self._client.on_request = callback

    def price(self, input_tokens: int, output_tokens: int) -> float | None:
        """USD that many tokens cost with this model (the Batch API's share with ``batch_api``; None when unknown)."""
        return self._client.price(input_tokens, output_tokens)

    def limit_spending(self, limit_usd: float, spent_usd: float = 0.0) -> None:
        """``--budget``: start no request that could take the spending (``spent_usd`` so far) past ``limit_usd``."""
        share = BATCH_DISCOUNT if self.settings.batch_api else 1.0
        self._client.budget = Budget(limit_usd, self.model or "", self.settings.prices, spent=spent_usd, share=share)

    @property
    def response_mode(self) -> str | None:
        """``json_schema`` or ``json_object`` once detected."""
        return self._client.mode

    async def check(self) -> list[str]:
        """Preflight: the server answers and accepts the key (a ``GET /models``, no tokens); returns warnings."""
        return await self._client.check()

    async def aclose(self) -> None:
        await self._client.aclose()

    async def generate(self, topic: Topic, document: Document) -> Generation:
        meter = self._meter()
        parts = plan_parts(topic, self.settings.chunk_tokens)
        if not parts:
            raise EngineError(f"topic {topic.index} ({topic.title!r}) has no usable text")
        # CPU work (the quote index, grounding) runs in worker threads: the event loop keeps the request pool full
        indexing = asyncio.ensure_future(asyncio.to_thread(TopicQuotes, topic, document))
        what = f"topic {topic.index}"
        names = {
            "topic_title": neutralise(topic.title),
            "document_title": neutralise(document.title or document.path.name),
            "language": guide_language(document),
        }
        support = None
        if len(parts) == 1:
            step, source = "guide", render_part(parts[0])
        else:
            notes = await self._map(parts, indexing, names, meter, what)
            step, source, support = "reduce_guide", render_notes(notes), support_text(notes)
        counts = {"min_items": MIN_ITEMS, "max_items": MAX_ITEMS}
        variables = {**names, **counts, "document_text": source}
        parsed = await self._ask(step, GuideContent, "guide_content", variables, meter, what, parse=parse_guide)
        findings, index = parsed.findings, await indexing
        data, empty = await asyncio.to_thread(ground, parsed.data, index, findings)
        for section in empty:
            data[section] = await self._repair_section(section, source, index, names, meter, what, findings)
        try:
            final = GuideContent.model_validate(data)
        except ValidationError as exc:
            raise EngineError(f"{what}: guide invalid after grounding: {exc.errors()[0]['msg']}", usage=meter.usage()) from None
        if findings:
            log.info("%s: %d item(s) dropped or fixed before the gate", what, len(findings))
        return Generation(final, meter.usage(), findings, support_text=support)

    async def repair(self, content: GuideContent, findings: list[Finding], topic: Topic, document: Document) -> Generation:
        """Replacement items for the positions the gate failed (``findings``), in one request.

        Replacements are validated and located like ``generate``'s items; a position whose replacement
        quotes nothing of the topic keeps its failing item. ``Generation.findings`` lists those.
        """
        meter = self._meter()
        slots = slots_of(content, findings)
        if self.settings.repair == "needed":
            slots = worth_repairing(content, slots)
        if not slots:
            return Generation(content, meter.usage())
        index = await asyncio.to_thread(TopicQuotes, topic, document)
        what = f"topic {topic.index} repair"
        variables = {
            "topic_title": neutralise(topic.title),
            "language": guide_language(document),
            "positions": ", ".join(s.key for s in slots),
            "rubric": rubric_for(s.section for s in slots),
            "failing_items": render_failing(content, slots),
            "keep_distinct": render_distinct(content, slots),
            "document_text": repair_source(topic, content, slots, index, self.settings.chunk_tokens),
        }
        reply = await self._ask("repair_items", reply_model(slots), "repair_items", variables, meter, what)
        replaced = reply.model_dump(mode="json")
        noted: list[Finding] = []
        kept = await asyncio.to_thread(_relocated, replaced, slots, index, noted)
        unused = [f for f in noted if f.action == "dropped"]
        for finding in unused:
            log.info("%s: replacement not used: %s", what, finding.describe())
        return Generation(put_in_place(content, kept, slots), meter.usage(), unused)

    async def _map(self, parts, indexing: asyncio.Future[TopicQuotes], names: dict, meter: UsageMeter, what: str) -> list:
        """The notes of every part whose quotes are in the topic, with the block each quote is in."""

        async def one(i: int, part) -> list:
            notes = await self._ask(
                "map_notes",
                ChunkNotes,
                "chunk_notes",
                {**names, "part": i, "parts": len(parts), "max_notes": MAX_NOTES, "document_text": render_part(part)},
                meter,
                f"{what} part {i}",
                quote_tokens=NOTE_QUOTE_TOKENS,
            )
            return await asyncio.to_thread(kept_notes, notes, await indexing)

        found = await asyncio.gather(*(one(i, p) for i, p in enumerate(parts, 1)))
        notes = [n for group in found for n in group]
        if not notes:
            usage = meter.usage()
            raise EngineError(
                f"{what}: no note quoted the source in any of {len(parts)} parts", attempts=usage.calls, usage=usage
            )
        return notes

    async def _repair_section(
        self, section: str, source: str, index: TopicQuotes, names: dict, meter: UsageMeter, what: str, findings: list[Finding]
    ):
        model = _section_model(section)
        log.info("%s: every %s item lost its quote; asking for the section again", what, section)
        count = "1" if section in ("definition", "summary") else f"{MIN_ITEMS} to {MAX_ITEMS}"
        variables = {
            "topic_title": names["topic_title"],
            "language": names["language"],
            "section": section,
            "count": count,
            "rubric": rubric_for([section]),
            "document_text": source,
        }
        reply = await self._ask("repair_section", model, f"section_{section}", variables, meter, f"{what} {section}")
        value = reply.model_dump(mode="json")["value"]
        if section == "summary":
            value["sentences"] = relocate_section(value["sentences"], index, findings, section)
            kept = value if value["sentences"] else None
        else:
            kept = relocate_section(value, index, findings, section)
        if kept is None:
            usage = meter.usage()  # the requests this topic made: the first draft and the repair
            raise EngineError(
                f"{what}: no {section} item quotes the source, even after a repair request", attempts=usage.calls, usage=usage
            )
        return kept

    async def _ask(
        self,
        step: str,
        model: type[BaseModel],
        schema_name: str,
        variables: dict,
        meter: UsageMeter,
        what: str,
        parse=None,
        quote_tokens: int = QUOTE_TOKENS,
    ):
        """One validated reply for prompt ``step``; ``parse`` (default: validate as ``model``) turns the text into the result.

        ``max_tokens`` is what ``model`` asks for (``reply_size``), capped by the ``max_tokens`` setting."""
        parse = parse or (lambda text: parse_reply(text, model))
        repair = load_prompt("repair_invalid")
        messages = chat_messages(step, **variables)
        refs = prompt_refs(step)

        async def send(msgs: list[dict], budget: int) -> Reply:
            reply = await self._client.chat(msgs, model, schema_name, budget, refs, accept=lambda text: _parses(parse, text))
            call = CallUsage(reply.input_tokens, reply.output_tokens, reply.cached)
            meter.add(call)
            self._run.add(call)
            log.info(
                "%s: %s call, %d tokens in, %d out%s",
                what,
                step,
                call.input_tokens,
                call.output_tokens,
                " (cache)" if call.cached else "",
            )
            return reply

        return await with_repairs(
            send,
            messages,
            parse,
            max_repairs=self.settings.max_repairs,
            max_tokens=reply_tokens(model, quote=quote_tokens, cap=self.settings.max_tokens),
            feedback=lambda error: repair.render(error=error),
            usage=meter.usage,
            what=what,
        )


def _parses(parse, text: str) -> bool:
    """Whether a reply passes validation (only such replies are cached)."""
    try:
        parse(text)
    except Exception:  # whatever the validation raises: the reply is not kept
        return False
    return True


def guide_language(document: Document) -> str:
    """The language a guide is written in: ``--language``, else the document's own (English name for the prompt)."""
    code = document.output_language or document.language
    return language_name(code) if code else "the language of the document"


def _relocated(replaced: dict, slots: list, index: TopicQuotes, noted: list[Finding]) -> dict:
    """The replacements whose quotes are in the topic, located (``noted`` gets the others)."""
    return {s.key: replaced[s.key] for s in slots if relocate(replaced[s.key], index, noted, s.section, s.index, " (repair)")}


def _section_model(section: str) -> type[BaseModel]:
    """``{"value": ...}`` holding one guide section, for a repair request."""
    field = GuideContent.model_fields[section]
    if section in ("definition", "summary"):
        inner = Definition if section == "definition" else Summary
        return create_model(f"Section_{section}", value=(inner, ...), __config__={"extra": "forbid"})
    return create_model(f"Section_{section}", value=(field.annotation, Field(min_length=1)), __config__={"extra": "forbid"})
