"""Practice questions in Moodle's GIFT format: a category per topic, every special character escaped."""

from __future__ import annotations

import re
from pathlib import Path

from seekh_convert.files import atomic_write_text
from seekh_convert.model.guide import StudyGuide
from seekh_convert.text.normalize import normalize_ws, strip_controls

_SPECIAL = re.compile(r"([\\~=#{}:])")


def gift_escape(text: str) -> str:
    """Text that GIFT reads literally: ``~ = # { } :`` and backslash are escaped, one line."""
    return _SPECIAL.sub(r"\\\1", normalize_ws(strip_controls(text)))


def _category(title: str, guide: StudyGuide) -> str:
    parts = [title, f"{guide.provenance.topic_index:02d} {guide.topic}"]
    return "$course$/" + "/".join(gift_escape(p).replace("/", "-") for p in parts)


def gift_question(number: int, guide: StudyGuide, question) -> str:
    """One question: multiple choice, true/false or short answer, with the explanation as general feedback."""
    name = gift_escape(f"{guide.topic} Q{number}")
    feedback = f"####{gift_escape(question.explanation)}"
    if question.kind == "multiple_choice":
        options = "\n".join(
            f"{'=' if i == question.answer_index else '~'}{gift_escape(o)}" for i, o in enumerate(question.options)
        )
        return f"::{name}::{gift_escape(question.question)} {{\n{options}\n{feedback}\n}}"
    if question.kind == "true_false":
        return f"::{name}::{gift_escape(question.statement)} {{{'TRUE' if question.answer else 'FALSE'}{feedback}}}"
    return f"::{name}::{gift_escape(question.question)} {{\n={gift_escape(question.answer)}\n{feedback}\n}}"


class GiftWriter:
    """Writes ``<input>.gift`` (Moodle: Question bank > Import > GIFT format)."""

    def __call__(self, title: str, guides: list[tuple[str, StudyGuide]], folder: Path, timestamp: float) -> list[Path]:
        blocks = [f"// {gift_escape(title)}: practice questions written by seekh-convert"]
        for _, guide in guides:
            blocks.append(f"$CATEGORY: {_category(title, guide)}")
            blocks.extend(gift_question(i, guide, q) for i, q in enumerate(guide.questions or [], 1))
        path = folder / f"{folder.name}.gift"
        atomic_write_text(path, "\n\n".join(blocks) + "\n")
        return [path]
