"""Sections that are no topic of their own: a chapter's wrap-up ("Summary", "Conclusion") joins the section before
it, and a file label ("Notebook", "Untitled") never names a topic."""

from __future__ import annotations

import re

from seekh_convert.text.labels import is_file_label
from seekh_convert.text.normalize import normalize_ws

__all__ = ["fold_wrap_ups", "is_file_label", "is_wrap_up"]

_NUMBERED = re.compile(r"^(?:(?:chapter|section|part)\s+\d+[.:]?|\d+(?:\.\d+)*\.?|[IVX]+\.)\s+", re.I)
_WRAP_UP = re.compile(
    r"(?:chapter\s+|lecture\s+|section\s+)?(?:summary|summaries|conclusions?|concluding\s+remarks|wrap(?:ping)?[- ]up|recap"
    r"|final\s+(?:thoughts|remarks|words)|in\s+summary|to\s+sum\s+up|key\s+points)",
    re.I,
)


def is_wrap_up(title: str) -> bool:
    """True for a section titled "Summary", "Conclusions", "3.5 Wrap-up"...: the chapter's close, not a topic."""
    return bool(_WRAP_UP.fullmatch(_NUMBERED.sub("", normalize_ws(title)).strip(" .:")))


def fold_wrap_ups(sections: list, merge) -> list:
    """``sections`` with every wrap-up section merged (by ``merge(a, b)``, which returns the joined section) into
    the section before it, or the one after it when it comes first; a lone section stays."""
    out: list = []
    pending = None
    for sec in sections:
        if pending is not None:
            sec = merge(pending, sec, sec.title)
            pending = None
        if is_wrap_up(sec.title) and len(sections) > 1:
            if out:
                out[-1] = merge(out[-1], sec, out[-1].title)
            else:
                pending = sec
            continue
        out.append(sec)
    if pending is not None:
        out.append(pending)
    return out
