"""Text normalisation shared by every cleaner."""

from __future__ import annotations

import re
import unicodedata

_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
    "\u0132": "IJ",
    "\u0133": "ij",
}
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_HYPHEN_BREAK = re.compile(r"(\w)[-\u00ad\u2010]\s*\n\s*([a-z])")


def normalize_text(text: str) -> str:
    """Unicode NFC, ligatures expanded, invisible characters dropped, runs of spaces collapsed.

    Line breaks are kept; use ``document.normalize_ws`` to flatten a paragraph.
    """
    text = unicodedata.normalize("NFC", text)
    for lig, repl in _LIGATURES.items():
        if lig in text:
            text = text.replace(lig, repl)
    text = text.translate(_INVISIBLE)
    text = _SPACES.sub(" ", text)
    return "\n".join(line.strip() for line in text.splitlines())


def dehyphenate(text: str) -> str:
    """Join words hyphenated across line breaks: ``infor-\\nmation`` -> ``information``."""
    return _HYPHEN_BREAK.sub(r"\1\2", text)
