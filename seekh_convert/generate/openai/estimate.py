"""What converting a topic will ask of the model, before anything is sent.

The requests are rendered as the engine renders them and counted: the guide request of a one-part topic, or the
map request of every part plus the reduce request over the notes (their size expected from the part's own
sentences: a point and a passage per note). The quality gate's repair request is rendered too, with the text the
engine would send (the failing items' passages) and the failing
items of a typical repair; it counts with the share of topics that go back for one. Every request's JSON Schema
counts as input too: in ``response_format`` (compact JSON, as sent), or in the system message in ``json_object``
mode. Output tokens are the typical sizes of each kind of reply.
"""

from __future__ import annotations

import json

from pydantic import BaseModel

from seekh_convert.generate.openai.config import EngineSettings
from seekh_convert.generate.openai.engine import guide_language
from seekh_convert.generate.openai.mapreduce import ChunkNotes, Part, neutralise, plan_parts, render_part
from seekh_convert.generate.openai.prompts import chat_messages, load_prompt, rubric_for
from seekh_convert.generate.openai.repair import Slot, passage, reply_model
from seekh_convert.generate.openai.reply_size import MAX_ITEMS, MAX_NOTES, MIN_ITEMS
from seekh_convert.generate.openai.structured import strict_schema
from seekh_convert.model.document import Document, Topic
from seekh_convert.model.engine import Estimate
from seekh_convert.model.guide import GuideContent
from seekh_convert.text.sentences import sentences
from seekh_convert.text.tokens import count_tokens

#: Typical reply sizes in tokens: a whole guide, the notes of one part, one replacement item of a repair.
REPLY_TOKENS = {"guide": 4500, "notes": 1500, "repair_item": 200}
#: Expected repair requests per topic: the share of guides the quality gate sends back once. A topic goes back
#: only when a section would be left empty (or the definition, a summary sentence or the takeaways below three
#: fail); other failing items are dropped. Replays (repairs answered with the failing items unchanged) send few:
#: the judged Word notes and deck 0 of 8 topics, relay run 3 (set D) 0-1 of 15, relay run 4 (set E) 3 of 7. The
#: real relay runs, with a model that rewrites, sent 9 repairs for 15 topics (run 3, before the gate rework) and
#: 4 for 7 (run 4, after it). At 0.35 `estimate` says 11 requests / 14.9k input tokens for set E (sent: 11 / 12.9k)
#: and 22 / 30.7k for set D (sent: 24 / 32.6k): within 16% of both real runs (it was 0.15: -27% requests on run 4).
#: Relay run 5 sent 1 repair for 7 topics (a summary sentence failed as a "dangling fragment"); on a model's drafts
#: the style checks now only note (issue 16, s5-gate), so replays of runs 4 and 5 send none: at 0.35 the estimate
#: said +29% requests on both; at 0.2, +14%. Relay runs 15 to 19 sent no repair for 31 topics, and on a model's drafts
#: only defects checked against the quote or the item itself act now (issue 16, eleventh session): at 0.2 a document
#: of three topics was estimated at 4 requests for the 3 sent (+33%); at 0.05, 3.
REPAIR_RATE = 0.05
#: Failing items of a typical repair request (their quotes spread over the topic).
REPAIR_ITEMS = 2
#: One failing item as the repair request lists it (its JSON line with reasons and the items to keep distinct).
FAILING_ITEM_TOKENS = 180


def estimate_topic(topic: Topic, document: Document, settings: EngineSettings) -> Estimate:
    """Expected requests and tokens of one topic with ``settings``: its first pass and its expected repair."""
    return first_pass(topic, document, settings) + repair_request(topic, document, settings) * REPAIR_RATE


def first_pass(topic: Topic, document: Document, settings: EngineSettings) -> Estimate:
    """The requests that write the topic's guide: one guide request, or a map request per part and the reduce."""
    parts = plan_parts(topic, settings.chunk_tokens)
    if not parts:
        return Estimate()
    names = _names(topic, document)
    counts = {"min_items": MIN_ITEMS, "max_items": MAX_ITEMS}
    hint = settings.response_format == "json_object"
    if len(parts) == 1:
        return _request("guide", {**names, **counts, "document_text": render_part(parts[0])}, GuideContent, hint)
    total = Estimate()
    for i, part in enumerate(parts, 1):
        variables = {**names, "part": i, "parts": len(parts), "max_notes": MAX_NOTES, "document_text": render_part(part)}
        total += _request("map_notes", variables, ChunkNotes, hint)
    notes = "\n\n".join(_expected_notes(p) for p in parts)
    return total + _request("reduce_guide", {**names, **counts, "document_text": notes}, GuideContent, hint)


def repair_request(topic: Topic, document: Document, settings: EngineSettings) -> Estimate:
    """One repair request of ``REPAIR_ITEMS`` failing items, with the text the engine would send for them."""
    parts = plan_parts(topic, settings.chunk_tokens)
    if not parts:
        return Estimate()
    source = _expected_passages(topic)
    sections = ("flashcards", "questions", "key_takeaways", "summary")[:REPAIR_ITEMS]
    variables = {
        "topic_title": neutralise(topic.title),
        "language": guide_language(document),
        "positions": ", ".join(f"{s}_1" for s in sections),
        "rubric": rubric_for(sections),
        "failing_items": "",
        "keep_distinct": "",
        "document_text": source,
    }
    tokens = _message_tokens("repair_items", variables) + REPAIR_ITEMS * FAILING_ITEM_TOKENS
    hint = settings.response_format == "json_object"
    tokens += _schema_tokens(reply_model([Slot(s, 0) for s in sections]), hint)
    return Estimate(1, tokens, REPAIR_ITEMS * REPLY_TOKENS["repair_item"])


def _names(topic: Topic, document: Document) -> dict:
    return {
        "topic_title": neutralise(topic.title),
        "document_title": neutralise(document.title or document.path.name),
        "language": guide_language(document),
    }


def _request(step: str, variables: dict, reply: type[BaseModel], hint: bool) -> Estimate:
    tokens = _message_tokens(step, variables) + _schema_tokens(reply, hint)
    return Estimate(1, tokens, REPLY_TOKENS["notes" if reply is ChunkNotes else "guide"])


def _schema_tokens(reply: type[BaseModel], hint: bool) -> int:
    """The reply's JSON Schema as the request carries it: in ``response_format`` (an API that takes a schema bills it
    as input), or in ``json_object`` mode as the system message's hint (the server's grammar costs no tokens)."""
    schema = json.dumps(strict_schema(reply), ensure_ascii=False, separators=(",", ":"))
    return count_tokens(load_prompt("schema_hint").render(schema=schema) if hint else schema)


def _message_tokens(step: str, variables: dict) -> int:
    return sum(count_tokens(m["content"]) for m in chat_messages(step, **variables))


def _expected_passages(topic: Topic) -> str:
    """The passages of ``REPAIR_ITEMS`` failing items whose quotes are spread evenly over the topic's blocks."""
    blocks = [b for b in topic.blocks if b.readable and b.text.strip()]
    if not blocks:
        return ""
    step = len(blocks) / REPAIR_ITEMS
    chosen: set[int] = set()
    for at in sorted({int(step * k + step / 2) for k in range(REPAIR_ITEMS)}):
        chosen |= passage(blocks, min(at, len(blocks) - 1))
    return render_part([(blocks[i], blocks[i].text) for i in sorted(chosen)])


def _expected_notes(part: Part) -> str:
    """Text the size of a part's notes: up to ``MAX_NOTES`` notes, each a point and a passage of two sentences."""
    found = [s for _, text in part for s in sentences(text)]
    step = max(1, len(found) // MAX_NOTES)
    notes = []
    for i in range(0, min(len(found), step * MAX_NOTES), step):
        passage = " ".join(found[i : i + 2])
        notes.append(f"[p. 1] fact: {found[i][:150]}\nquote: {passage}")
    return "\n\n".join(notes)
