"""guide.md: the study guide as a readable Markdown page, every item with its source."""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from seekh_convert.files import atomic_write_text
from seekh_convert.model.guide import SourceRef, StudyGuide
from seekh_convert.text.normalize import normalize_ws, strip_controls
from seekh_convert.write.items import empty_note

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|])")


def md_escape(text: str) -> str:
    """Source text as inert Markdown: no HTML, no emphasis/link/heading syntax, one line."""
    text = normalize_ws(strip_controls(text))
    # "<" and ">" always; "&" only where it would start a character reference ("&copy;"): a plain "R&D" or
    # "Referrals & affiliate marketing" reads as written (relay run 24's teacher saw "&amp;" in guide.md)
    text = _ENTITY_LIKE.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


_ENTITY_LIKE = re.compile(r"&(?=#\d+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")


def cite(source: SourceRef) -> str:
    return f"> {md_escape(source.label())}: “{md_escape(source.quote)}”"


def full_stop(text: str) -> str:
    """``text`` ending in one sentence mark: a full stop is added only where none is."""
    return text if text.rstrip().endswith((".", "!", "?", "…")) else f"{text}."


def after_answer(explanation: str, answer: object) -> str:
    """The explanation shown after "Answer: ...": without its own opening restatement of the answer ("False: all
    areas are scaled ..." after "Answer: False." read "False. False: ..." to relay run 20's teacher)."""
    said = ("True" if answer else "False") if isinstance(answer, bool) else str(answer)
    head = explanation.lstrip()
    if not said or not head.casefold().startswith(said.casefold()):
        return explanation
    rest = head[len(said) :]
    # a sentence mark ends a restatement; after a comma the answer is the sentence's subject ("Prodigality, the vice
    # of excess beside generosity, is being wasteful": relay run 23 showed "The vice of excess ..., is being wasteful")
    mark = re.match(r"\s*[.:!—–-]\s+", rest)
    if mark is None or not rest[mark.end() :].strip():
        return explanation
    rest = rest[mark.end() :]
    return rest[0].upper() + rest[1:]


def duration(minutes: int) -> str:
    hours, mins = divmod(minutes, 60)
    if not hours:
        return f"{mins} min"
    return f"{hours} h" + (f" {mins} min" if mins else "")


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("seekh_convert.write", "templates"),
        undefined=StrictUndefined,
        autoescape=False,  # Markdown, escaped by the md filter
        keep_trailing_newline=True,
    )
    env.filters.update(md=md_escape, cite=cite, duration=duration, full_stop=full_stop, after_answer=after_answer)
    return env


class MarkdownWriter:
    """Writes ``guide.md``."""

    filename = "guide.md"

    def __init__(self) -> None:
        self._template = _environment().get_template("guide.md.j2")

    def render(self, guide: StudyGuide, generated: StudyGuide | None = None) -> str:
        """The page of ``guide``; ``generated`` is the guide before review (sections review emptied are left out)."""
        text = self._template.render(g=guide, note=lambda section: empty_note(generated or guide, guide, section))
        return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"

    def __call__(self, guide: StudyGuide, folder: Path, generated: StudyGuide | None = None) -> Path:
        path = folder / self.filename
        atomic_write_text(path, self.render(guide, generated))
        return path
