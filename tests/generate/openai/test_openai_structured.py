"""Structured output: strict schemas, tolerant parsing, repair of bad replies, cut-off replies."""

from __future__ import annotations

import json

import pytest
from fakes.openai_server import FakeOpenAIServer, Scripted, make_guide, run_engine, sample_document, settings_for

from seekh_convert.errors import EngineError
from seekh_convert.generate.openai.mapreduce import ChunkNotes
from seekh_convert.generate.openai.structured import InvalidReply, parse_reply, strict_schema
from seekh_convert.model.guide import GuideContent
from seekh_convert.text.tokens import count_tokens

QUOTE = "Chlorophyll absorbs mostly blue and red light, which is why leaves look green to us."


def _objects(node):
    if isinstance(node, dict):
        if node.get("type") == "object":
            yield node
        for value in node.values():
            yield from _objects(value)
    elif isinstance(node, list):
        for value in node:
            yield from _objects(value)


@pytest.mark.parametrize("model", [GuideContent, ChunkNotes])
def test_strict_schema_is_closed_and_fully_required(model):
    schema = strict_schema(model)
    objects = list(_objects(schema))
    assert len(objects) > 1 or model is ChunkNotes
    for obj in objects:
        assert obj["additionalProperties"] is False
        assert sorted(obj["required"]) == sorted(obj["properties"])
    text = json.dumps(schema)
    assert '"oneOf"' not in text and '"minLength"' not in text and '"discriminator"' not in text
    assert '"title": {"type": "string"}' in text or model is ChunkNotes  # a property named "title" survives


#: Keywords OpenAI's strict mode supports (structured outputs guide), and those the schemas here use of them.
_STRICT_KEYWORDS = {"type", "properties", "required", "additionalProperties", "items", "anyOf", "enum", "$ref", "$defs"}
_STRICT_KEYWORDS |= {"minimum", "maximum", "minItems", "maxItems"}


def _keywords(node) -> set[str]:
    """Every keyword of a JSON Schema (property and definition names are data, not keywords)."""
    if isinstance(node, list):
        return set().union(*map(_keywords, node)) if node else set()
    if not isinstance(node, dict):
        return set()
    found = set(node)
    for key, value in node.items():
        for sub in value.values() if key in ("properties", "$defs") else [value]:
            found |= _keywords(sub)
    return found


def test_strict_schema_is_compact_and_asks_only_what_the_model_writes():
    """Every request carries the schema (billed as input where the API takes one): no descriptions (the prompts
    state the rules once), no field the pipeline sets (``page_label``), nullable scalars as type lists; a reply
    of it still validates (relay run 6: 1,782 cl100k tokens a guide request)."""
    schema = strict_schema(GuideContent)
    text = json.dumps(schema, separators=(",", ":"))
    assert '"description"' not in text and "page_label" not in text
    assert schema["$defs"]["SourceRef"]["properties"]["slide"]["type"] == ["integer", "null"]
    assert count_tokens(text) <= 1100
    assert _keywords(schema) <= _STRICT_KEYWORDS, _keywords(schema) - _STRICT_KEYWORDS
    guide = make_guide([QUOTE])
    assert isinstance(parse_reply(json.dumps(guide), GuideContent), GuideContent)


def test_parse_reply_tolerates_fences_and_raw_newlines():
    guide = make_guide([QUOTE])
    raw = json.dumps(guide).replace("A summary.", "A summary\nacross two lines.")
    parsed = parse_reply(f"```json\n{raw}\n```", GuideContent)
    assert parsed.summary.text == "A summary\nacross two lines."


@pytest.mark.parametrize(
    "text, message", [("{not json", "not valid JSON"), ('{"topic": "x"}', "does not match the schema"), ("", "not valid JSON")]
)
def test_parse_reply_reports_what_is_wrong(text, message):
    with pytest.raises(InvalidReply, match=message):
        parse_reply(text, GuideContent)


def test_malformed_json_is_sent_back_and_repaired(tmp_path):
    document, topic = sample_document()
    with FakeOpenAIServer() as server:
        server.script(Scripted(content='{"topic": "Photosynthesis", "subject": '))
        generation, _ = run_engine(settings_for(server, tmp_path), topic, document)
    assert isinstance(generation.content, GuideContent) and len(server.requests) == 2
    repair = server.requests[1]["messages"]
    assert repair[-2] == {"role": "assistant", "content": '{"topic": "Photosynthesis", "subject": '}
    assert repair[-1]["role"] == "user" and "not valid JSON" in repair[-1]["content"]
    assert generation.usage.calls == 2


def test_schema_violations_past_the_repair_budget_raise_engine_error(tmp_path):
    document, topic = sample_document()
    wrong = make_guide([QUOTE])
    wrong["level"] = "expert"  # the guide's head must be valid
    del wrong["flashcards"]  # and its shape
    with FakeOpenAIServer() as server:
        server.script(*[Scripted(content=json.dumps(wrong))] * 3)
        with pytest.raises(EngineError) as info:
            run_engine(settings_for(server, tmp_path, max_repairs=2), topic, document)
        assert len(server.requests) == 3
    err = info.value
    assert err.attempts == 3 and err.last_reply == json.dumps(wrong) and err.usage.calls == 3
    assert "level" in str(err) and "flashcards" in str(err)
    assert "\n" not in str(err)


def test_length_cut_off_is_retried_once_with_a_bigger_budget(tmp_path):
    document, topic = sample_document()
    with FakeOpenAIServer() as server:
        server.script(Scripted(content='{"topic": "Photo', finish_reason="length"))
        generation, _ = run_engine(settings_for(server, tmp_path, max_tokens=1000), topic, document)
    assert [r["max_tokens"] for r in server.requests] == [1000, 2000]
    assert isinstance(generation.content, GuideContent)


def test_length_cut_off_twice_fails_the_topic(tmp_path):
    document, topic = sample_document()
    full = json.dumps(make_guide([QUOTE]))  # even a complete-looking reply is not accepted when cut off
    with FakeOpenAIServer() as server:
        server.script(*[Scripted(content=full, finish_reason="length")] * 2)
        with pytest.raises(EngineError, match="cut off"):
            run_engine(settings_for(server, tmp_path), topic, document)
        assert len(server.requests) == 2
