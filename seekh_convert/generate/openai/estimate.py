"""What converting a topic will ask of the model, before anything is sent.

Input tokens are counted on the prompts as the engine renders them: the guide request of a one-part topic,
or the map request of every part plus the reduce request over the notes (their size expected from the
part's own sentences). Output tokens and the repair requests the quality gate sends back are expected
values: typical reply sizes, and the share of topics that go back once for a repair.
"""

from __future__ import annotations

import json

from pydantic import BaseModel

from seekh_convert.generate.openai.config import EngineSettings
from seekh_convert.generate.openai.engine import MAX_ITEMS, MAX_NOTES, MIN_ITEMS, guide_language
from seekh_convert.generate.openai.mapreduce import Part, neutralise, plan_parts, render_part
from seekh_convert.generate.openai.prompts import chat_messages, load_prompt
from seekh_convert.generate.openai.repair import MAX_PARTS
from seekh_convert.generate.openai.structured import strict_schema
from seekh_convert.model.document import Document, Topic
from seekh_convert.model.engine import Estimate
from seekh_convert.model.guide import GuideContent
from seekh_convert.text.sentences import sentences
from seekh_convert.text.tokens import count_tokens

#: Typical reply sizes in tokens: a whole guide, the notes of one part, the replacement items of a repair.
REPLY_TOKENS = {"guide": 3000, "notes": 800, "repair": 1200}
#: Share of topics whose guide goes back once to the model for items the quality gate failed.
REPAIR_RATE = 0.15
#: The failing items listed in a repair request, in tokens.
FAILING_ITEMS_TOKENS = 500


def estimate_topic(topic: Topic, document: Document, settings: EngineSettings) -> Estimate:
    """Expected requests and tokens of one topic with ``settings`` (chunk size, structured-output mode)."""
    parts = plan_parts(topic, settings.chunk_tokens)
    if not parts:
        return Estimate()
    names = {
        "topic_title": neutralise(topic.title),
        "document_title": neutralise(document.title or document.path.name),
        "language": guide_language(document),
    }
    counts = {"min_items": MIN_ITEMS, "max_items": MAX_ITEMS}
    hint = settings.response_format == "json_object"
    if len(parts) == 1:
        total = _request("guide", {**names, **counts, "document_text": render_part(parts[0])}, "guide", hint)
    else:
        total = Estimate()
        for i, part in enumerate(parts, 1):
            variables = {**names, "part": i, "parts": len(parts), "max_notes": MAX_NOTES, "document_text": render_part(part)}
            total += _request("map_notes", variables, "notes", hint)
        notes = "\n\n".join(_expected_notes(p) for p in parts)
        total += _request("reduce_guide", {**names, **counts, "document_text": notes}, "guide", hint)
    source = "\n\n".join(render_part(p) for p in parts[:MAX_PARTS])
    repair = {
        "topic_title": names["topic_title"],
        "language": names["language"],
        "positions": "questions_1, flashcards_2",
        "failing_items": "",
        "document_text": source,
    }
    return total + _request("repair_items", repair, "repair", hint, extra=FAILING_ITEMS_TOKENS) * REPAIR_RATE


def _request(step: str, variables: dict, reply: str, hint: bool, extra: int = 0) -> Estimate:
    tokens = sum(count_tokens(m["content"]) for m in chat_messages(step, **variables)) + extra
    if hint:
        tokens += _schema_hint_tokens(GuideContent)
    return Estimate(1, tokens, REPLY_TOKENS[reply])


def _schema_hint_tokens(model: type[BaseModel]) -> int:
    """In json_object mode the schema goes into the system message too."""
    return count_tokens(load_prompt("schema_hint").render(schema=json.dumps(strict_schema(model), separators=(",", ":"))))


def _expected_notes(part: Part) -> str:
    """Text the size of a part's notes: up to ``MAX_NOTES`` of its sentences, each as a point and a quote."""
    found = [s for _, text in part for s in sentences(text)][:MAX_NOTES]
    return "\n\n".join(f"[p. 1] fact: {s}\nquote: {s}" for s in found)
