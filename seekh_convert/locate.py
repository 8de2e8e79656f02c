"""Locate: put the precise transcript time range on every quote, from the sentences it was taken from."""

from __future__ import annotations

from typing import TypeVar

from seekh_convert.clean.transcript import time_of
from seekh_convert.model.document import Topic, normalize_ws
from seekh_convert.model.guide import GuideContent

C = TypeVar("C", bound=GuideContent)


def refine_times(content: C, topic: Topic) -> C:
    """Narrow each source's start/end from its paragraph to the sentences its quote spans.

    Only refs that already carry times and whose quote is found in a timed block of the topic change.
    """
    timed = [b for b in topic.blocks if b.times]
    if not timed:
        return content
    data = content.model_dump()
    _walk(data, timed)
    return type(content).model_validate(data)


def _walk(node, blocks) -> None:
    if isinstance(node, dict):
        if isinstance(node.get("quote"), str) and node.get("start") is not None:
            quote = normalize_ws(node["quote"]).lower()
            for block in blocks:
                if quote in block.text.lower() and block.start is not None and node["start"] < block.end and block.start < node["end"]:
                    node["start"], node["end"] = time_of(block, node["quote"])
                    break
        for value in node.values():
            _walk(value, blocks)
    elif isinstance(node, list):
        for value in node:
            _walk(value, blocks)
