"""White space and control characters: the normal form of every text the tool shows or compares."""

from __future__ import annotations

import re

_WS = re.compile(r"\s+")
# C0/C1 control characters but tab and newline: a source must not smuggle terminal escapes into outputs
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def normalize_ws(text: str) -> str:
    """Collapse every run of white space to one space and strip the ends."""
    return _WS.sub(" ", text).strip()


def strip_controls(text: str) -> str:
    """``text`` without control characters (tab and newline kept)."""
    return CONTROLS.sub("", text)
