"""Structured output: JSON Schemas from pydantic models, ``response_format`` payloads, tolerant parsing."""

from __future__ import annotations

import copy
import hashlib
import json
import re
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ValidationError

Mode = Literal["json_schema", "json_object"]

#: Keywords OpenAI's strict mode rejects (validation re-checks them on our side), and descriptions: the prompts
#: state the rules once (rubric, system message) instead of every request repeating them per item type.
_DROP = frozenset({"minLength", "maxLength", "default", "discriminator", "title", "description"})
#: Properties the pipeline sets from the file, never the model: left out of what the model is asked to write.
_PIPELINE_ONLY = frozenset({"page_label"})
#: JSON types a nullable property may list with "null" (``{"type": ["integer", "null"]}``, shorter than ``anyOf``).
_SCALARS = frozenset({"string", "integer", "number", "boolean"})
_MAPS = frozenset({"properties", "$defs"})
_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$", re.IGNORECASE)


class InvalidReply(ValueError):
    """A reply that is not valid JSON for the schema; ``str()`` is the feedback sent to the model."""


@lru_cache(maxsize=32)
def _strict_schema_cached(model: type[BaseModel]) -> str:
    return json.dumps(strict_schema_of(model.model_json_schema()))


def strict_schema(model: type[BaseModel]) -> dict:
    """``model``'s JSON Schema made valid for strict mode: closed objects, every property required."""
    return json.loads(_strict_schema_cached(model))


def schema_hash(model: type[BaseModel]) -> str:
    return hashlib.sha256(_strict_schema_cached(model).encode()).hexdigest()[:16]


def strict_schema_of(schema: dict) -> dict:
    """Transform a JSON Schema for strict mode, compactly: every property required (a nullable one may be null),
    ``oneOf`` -> ``anyOf``, ``const`` -> one-value ``enum``, a nullable scalar as ``{"type": [..., "null"]}``;
    unsupported keywords, descriptions and pipeline-set properties dropped; a definition used once written in place."""
    return _inline_single_use(_walk(copy.deepcopy(schema)))


def _walk(node: object) -> object:
    if isinstance(node, list):
        return [_walk(n) for n in node]
    if not isinstance(node, dict):
        return node
    out = {k: _walk_map(v) if k in _MAPS else _walk(v) for k, v in node.items() if k not in _DROP}
    if "oneOf" in out:
        out["anyOf"] = out.pop("oneOf")
    if "const" in out:
        out["enum"] = [out.pop("const")]
    if out.get("type") == "object" and "properties" in out:
        out["properties"] = {k: v for k, v in out["properties"].items() if k not in _PIPELINE_ONLY}
        out["required"] = list(out["properties"])
        out["additionalProperties"] = False
    return _scalar_or_null(out)


def _scalar_or_null(node: dict) -> dict:
    """``{"anyOf": [{"type": "integer", ...}, {"type": "null"}]}`` -> ``{"type": ["integer", "null"], ...}``."""
    options = node.get("anyOf")
    if not options or len(options) != 2 or {"type": "null"} not in options:
        return node
    other = options[0] if options[1] == {"type": "null"} else options[1]
    if other.get("type") not in _SCALARS or "enum" in other:
        return node
    return {**{k: v for k, v in node.items() if k != "anyOf"}, **other, "type": [other["type"], "null"]}


def _inline_single_use(schema: dict) -> dict:
    """``{"$ref": "#/$defs/X"}`` replaced by ``X`` itself where it is X's only use (a ``$ref`` and a name cost more
    tokens than they save); definitions used more than once (``SourceRef``) or by themselves stay shared."""
    defs = schema.get("$defs", {})
    text = json.dumps(schema)
    once = {
        name
        for name, body in defs.items()
        if text.count(f'"#/$defs/{name}"') == 1 and f'"#/$defs/{name}"' not in json.dumps(body)
    }

    def put(node: object) -> object:
        if isinstance(node, list):
            return [put(n) for n in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref", "")
        name = ref.removeprefix("#/$defs/")
        if name in once and len(node) == 1:
            return put(defs[name])
        return {k: put(v) for k, v in node.items()}

    out = {k: put(v) for k, v in schema.items() if k != "$defs"}
    shared = {name: put(body) for name, body in defs.items() if name not in once}
    return {"$defs": shared, **out} if shared else out


def _walk_map(mapping: dict) -> dict:
    """``properties`` / ``$defs``: names are data, values are schemas."""
    return {name: _walk(sub) for name, sub in mapping.items()}


def response_format(model: type[BaseModel], name: str, mode: Mode) -> dict:
    """The ``response_format`` request field for ``mode``."""
    schema = strict_schema(model)
    if mode == "json_schema":
        return {"type": "json_schema", "json_schema": {"name": name, "schema": schema, "strict": True}}
    return {"type": "json_object", "schema": schema}


def parse_reply(text: str | None, model: type[BaseModel]) -> BaseModel:
    """Parse and validate a reply; raises ``InvalidReply`` with a message fit to send back to the model."""
    data = load_json(text or "")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InvalidReply(describe(exc)) from None


def load_json(text: str) -> object:
    """The JSON value of a reply (code fences and chatter around one object tolerated); raises ``InvalidReply``."""
    body = _FENCE.sub("", text.strip())
    try:  # strict=False: grammar-constrained servers emit raw newlines inside strings
        return json.loads(body, strict=False)
    except RecursionError:
        raise InvalidReply("the reply's JSON is nested too deeply to read") from None
    except json.JSONDecodeError as exc:
        start, end = body.find("{"), body.rfind("}")
        if 0 <= start < end:
            try:
                return json.loads(body[start : end + 1], strict=False)
            except (json.JSONDecodeError, RecursionError):
                pass
        raise InvalidReply(f"the reply is not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from None


def describe(exc: ValidationError, limit: int = 8) -> str:
    """A validation error as feedback for the model."""
    parts = []
    for err in exc.errors()[:limit]:
        loc = ".".join(str(p) for p in err["loc"]) or "(root)"
        parts.append(f"{loc}: {err['msg']}")
    more = exc.error_count() - limit
    suffix = f"; and {more} more" if more > 0 else ""
    return "the JSON does not match the schema: " + "; ".join(parts) + suffix
