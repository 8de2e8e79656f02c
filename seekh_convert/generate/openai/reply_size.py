"""``max_tokens`` sized to what a reply's schema asks for, so a complete reply is never cut off.

A reply's size is walked off its JSON Schema: every list holds as many items as the prompt asks for (the
guide's sections ``MAX_ITEMS``, the notes ``MAX_NOTES``, else a schema's own ``maxItems``), every quote is as
long as the prompt allows (about 300 characters; a note's passage three sentences), other texts a sentence or two, and every key and
bracket counts. ``[engine] max_tokens`` caps the result (a model whose replies are shorter).
"""

from __future__ import annotations

import math
from functools import lru_cache

from pydantic import BaseModel

from seekh_convert.text.tokens import count_tokens

#: Tokens of one string value by what it holds: a verbatim quote of up to ~300 characters (quotes keep the
#: source's numbers and symbols, so fewer characters a token), a short text (titles, options, topics),
#: a long text (a sentence or two: card backs, explanations), a section heading.
QUOTE_TOKENS, SHORT_TOKENS, LONG_TOKENS, SECTION_TOKENS = 80, 12, 45, 10
#: Items the prompts ask for per list section of a guide, and notes per part of a long topic at most.
MIN_ITEMS, MAX_ITEMS, MAX_NOTES = 3, 6, 12
#: A note's quote is a passage of up to three sentences.
NOTE_QUOTE_TOKENS = 200
#: Items in a list the schema does not bound: what the prompts ask for at most (other lists: ``MAX_ITEMS``).
LIST_ITEMS = {"notes": MAX_NOTES, "sentences": MAX_ITEMS, "empty_sections": 1}
#: Headroom over the walked size (longer wording, whitespace), and the step results are rounded up to.
HEADROOM, ROUND_TO = 1.2, 256


def reply_tokens(model: type[BaseModel], *, quote: int = QUOTE_TOKENS, cap: int | None = None) -> int:
    """``max_tokens`` for a reply of ``model`` whose quotes take ``quote`` tokens each; at most ``cap``."""
    need = _walked(model, quote)
    size = math.ceil(need * HEADROOM / ROUND_TO) * ROUND_TO
    return min(size, cap) if cap else size


@lru_cache(maxsize=64)
def _walked(model: type[BaseModel], quote: int) -> int:
    schema = model.model_json_schema()
    return _size(schema, schema.get("$defs", {}), quote, "")


def _size(node: dict, defs: dict, quote: int, name: str) -> int:
    """Tokens of the largest reply ``node`` (the value of property ``name``) asks for."""
    if "$ref" in node:
        return _size(defs[node["$ref"].rsplit("/", 1)[-1]], defs, quote, name)
    for key in ("anyOf", "oneOf"):
        if key in node:
            return max(_size(n, defs, quote, name) for n in node[key] if n.get("type") != "null")
    kind = node.get("type")
    if kind == "object":
        props = node.get("properties", {})
        return 2 + sum(count_tokens(f'"{k}": ,') + _size(v, defs, quote, k) for k, v in props.items())
    if kind == "array":
        count = LIST_ITEMS.get(name) or node.get("maxItems") or MAX_ITEMS
        return 2 + count * (_size(node.get("items", {}), defs, quote, name) + 1)
    if kind == "string" and "enum" not in node:
        return quote if name == "quote" else _string_tokens(node, name)
    return 4  # numbers, booleans, enum values, null


def _string_tokens(node: dict, name: str) -> int:
    if name == "section":
        return SECTION_TOKENS
    return SHORT_TOKENS if node.get("maxLength", 10_000) <= 300 else LONG_TOKENS
