"""White space and control characters: the normal form of every text the tool shows or compares."""

from __future__ import annotations

import re
import unicodedata

_WS = re.compile(r"\s+")
# C0/C1 control characters but tab and newline: a source must not smuggle terminal escapes into outputs
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def normalize_ws(text: str) -> str:
    """Collapse every run of white space to one space and strip the ends."""
    return _WS.sub(" ", text).strip()


def strip_controls(text: str) -> str:
    """``text`` without control characters (tab and newline kept)."""
    return CONTROLS.sub("", text)


def printable_name(name: str) -> str:
    """A file or part name for a message: control characters (a newline, a terminal escape) and invisible format
    characters (a right-to-left override) shown as ``\\u....``, so the name prints as one line, in stored order."""
    return "".join(f"\\u{ord(c):04x}" if _hidden(c) else c for c in name)


def _hidden(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp")


#: A capitalised word printed over itself with no space ("SummarySummarySummarySummarySummary", "RateRate"): the
#: layers of a shadowed heading in a text layer (set 39's NCERT chapter).
GLUED_LAYERS = re.compile(r"\b([A-Z][a-z]{3,})\1+\b")
