"""Practice questions in Moodle's GIFT format: a category per topic, every special character escaped.

Every question is marked ``[html]`` and its texts are HTML-escaped, so Moodle shows markup in a document
(``<script>``) as text instead of running it. A short answer lists its accepted answers (``=key =alt``); one
without a short form is an essay question, graded by hand, with the model answer as feedback.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from seekh_convert.files import atomic_write_text
from seekh_convert.model.guide import StudyGuide
from seekh_convert.text.normalize import normalize_ws, strip_controls

_SPECIAL = re.compile(r"([\\~=#{}:])")


def gift_escape(text: str) -> str:
    """Text that GIFT reads literally: ``~ = # { } :`` and backslash are escaped, one line."""
    return _SPECIAL.sub(r"\\\1", normalize_ws(strip_controls(text)))


def gift_text(text: str) -> str:
    """Text shown by Moodle (an ``[html]`` question): HTML-escaped, then GIFT-escaped."""
    return gift_escape(html.escape(normalize_ws(strip_controls(text)), quote=False))


def gift_key(text: str) -> str:
    """An accepted short answer, compared with what a student types: only ``<`` and ``>`` escaped (no markup)."""
    return gift_escape(text.replace("<", "&lt;").replace(">", "&gt;"))


def _category(title: str, guide: StudyGuide) -> str:
    parts = [title, f"{guide.provenance.topic_index:02d} {guide.topic}"]
    return "$course$/" + "/".join(gift_text(p).replace("/", "-") for p in parts)


def gift_question(number: int, guide: StudyGuide, question) -> str:
    """One question: multiple choice, true/false, short answer or essay, with the explanation as general feedback."""
    head = f"::{gift_text(f'{guide.topic} Q{number}')}::[html]"
    feedback = f"####{gift_text(question.explanation)}"
    if question.kind == "multiple_choice":
        options = "\n".join(f"{'=' if i == question.answer_index else '~'}{gift_text(o)}" for i, o in enumerate(question.options))
        return f"{head}{gift_text(question.question)} {{\n{options}\n{feedback}\n}}"
    if question.kind == "true_false":
        return f"{head}{gift_text(question.statement)} {{{'TRUE' if question.answer else 'FALSE'}{feedback}}}"
    if not question.keys:  # no short form: an essay, the model answer in the feedback
        model = gift_text(f"Model answer: {question.answer} {question.explanation}")
        return f"{head}{gift_text(question.question)} {{\n####{model}\n}}"
    keys = "\n".join(f"={gift_key(k)}" for k in question.keys)
    return f"{head}{gift_text(question.question)} {{\n{keys}\n{feedback}\n}}"


class GiftWriter:
    """Writes ``<input>.gift`` (Moodle: Question bank > Import > GIFT format)."""

    items = "questions"

    def outputs(self, folder: Path) -> list[Path]:
        return [folder / f"{folder.name}.gift"]

    def __call__(self, title: str, guides: list[tuple[str, StudyGuide]], folder: Path, timestamp: float) -> list[Path]:
        blocks = [f"// {gift_text(title)}: practice questions written by seekh-convert"]
        for _, guide in guides:
            if not guide.questions:
                continue
            blocks.append(f"$CATEGORY: {_category(title, guide)}")
            blocks.extend(gift_question(i, guide, q) for i, q in enumerate(guide.questions or [], 1))
        path = self.outputs(folder)[0]
        atomic_write_text(path, "\n\n".join(blocks) + "\n")
        return [path]
