"""Labels that are no titles or terms: the names a notebook, editor or exporter gives a file ("Notebook", "Untitled1"),
a quiz slide's title, a form's fields."""

from __future__ import annotations

import re
from collections.abc import Iterable

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


def form_fields(entries: Iterable[tuple[str, str]]) -> set[str]:
    """The labels of ``entries`` (label key, text) filled in more than once with different text, one of them a question:
    a form's fields ("Claim: What motive might be shaping this behavior?", then "Claim: Hunger is affecting the
    student's behavior.", set 61's deck), whose entries are examples, not definitions. A term explained twice
    ("Semantics: ...", set 58's notes) asks nothing and stays a term."""
    said: dict[str, set[str]] = {}
    for label, text in entries:
        if label:
            said.setdefault(label, set()).add(" ".join(text.lower().split()))
    return {label for label, texts in said.items() if len(texts) >= 2 and any(t.endswith("?") for t in texts)}
