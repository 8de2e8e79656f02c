"""Names a notebook, editor or exporter gives a file ("Notebook", "Untitled1"), never a title of its content."""

from __future__ import annotations

import re

from seekh_convert.text.normalize import normalize_ws

_FILE_LABEL = re.compile(
    r"(?:untitled|notebook|jupyter\s+notebook|document|presentation|slides?|powerpoint\s+presentation|new\s+document"
    r"|index|home|page|main|draft)(?:\s*[-_ ]?\d+)?(?:\.\w{2,5})?",
    re.I,
)


def is_file_label(title: str) -> bool:
    """True for "Notebook", "Untitled1", "Presentation", "index.html": a label, not what the document is about."""
    return bool(_FILE_LABEL.fullmatch(normalize_ws(title).strip(" .:")))


#: The title of a slide that quizzes the audience ("Question 2", "Knowledge check"): its question, its options (most of
#: them wrong) and the presenter's answer.
QUIZ_SLIDE = re.compile(r"^(?:question|knowledge check|quiz|check your (?:knowledge|understanding))\s*\d*\s*$", re.I)
