"""Prompt files: one Markdown file per generation step, with a ``version`` in its front matter.

Files live in the repository's top-level ``prompts/`` folder, installed as the package ``seekh_convert.prompts``
(or in ``$SEEKH_PROMPTS_DIR``). Templates are
Jinja2 with ``StrictUndefined``: a missing variable fails loudly instead of rendering as empty text.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import jinja2

from seekh_convert.errors import ConfigError

_FRONT_MATTER = re.compile(r"\A---\n(?P<meta>.*?)\n---\n", re.DOTALL)
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_ENV = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=False)


@dataclass(frozen=True)
class Prompt:
    """A loaded prompt template: ``name`` is the file stem, ``version`` comes from its front matter."""

    name: str
    version: str
    source: str

    @property
    def ref(self) -> str:
        """``name@version``, part of every cache key."""
        return f"{self.name}@{self.version}"

    def render(self, **variables: object) -> str:
        """Fill the template; raises ``ConfigError`` when a variable is missing."""
        try:
            return _compiled(self.source).render(**variables).strip()
        except jinja2.UndefinedError as exc:
            raise ConfigError(f"prompt {self.ref}: missing variable ({exc.message})") from exc


@lru_cache(maxsize=64)
def _compiled(source: str) -> jinja2.Template:
    """A template compiled once (every request renders one or two)."""
    return _ENV.from_string(source)


def prompts_dir() -> Traversable:
    """``$SEEKH_PROMPTS_DIR`` if set, else the installed ``seekh_convert.prompts`` package (the repository's ``prompts/``)."""
    env = os.environ.get("SEEKH_PROMPTS_DIR")
    return Path(env) if env else resources.files("seekh_convert.prompts")


def load_prompt(name: str) -> Prompt:
    """Load ``<prompts_dir>/<name>.md``; ``name`` must be a plain identifier."""
    if not _NAME.match(name):
        raise ConfigError(f"invalid prompt name {name!r}")
    return _load(prompts_dir() / f"{name}.md")


@lru_cache(maxsize=64)
def _load(path: Traversable) -> Prompt:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"prompt file {path} cannot be read; set SEEKH_PROMPTS_DIR to the prompts folder") from exc
    match = _FRONT_MATTER.match(text)
    meta = dict(_meta_lines(match.group("meta"))) if match else {}
    if "version" not in meta:
        raise ConfigError(f"prompt file {path} has no 'version:' in its front matter")
    body = text[match.end() :] if match else text
    return Prompt(name=path.name.removesuffix(".md"), version=meta["version"], source=body)


def _meta_lines(meta: str):
    for line in meta.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            yield key.strip(), value.strip()


_SECTION_NAMES = frozenset(
    {"definition", "summary", "key_takeaways", "learn_next", "prerequisites", "applications", "flashcards", "questions"}
)
#: Prompt files any step's template may include as a variable: the rubric and the worked example.
SHARED = ("rubric", "example")


def chat_messages(step: str, **variables: object) -> list[dict]:
    """The system message and ``step``'s prompt filled with ``variables`` (and ``SHARED``): what one request sends."""
    shared = {name: load_prompt(name).render() for name in SHARED}
    return [
        {"role": "system", "content": load_prompt("system").render(language=variables.get("language", "English"))},
        {"role": "user", "content": load_prompt(step).render(**{**shared, **variables})},
    ]


def rubric_for(sections: Iterable[str]) -> str:
    """The rubric with only the rules of ``sections`` among the per-section ones (``- flashcards: ...``)."""
    wanted = set(sections)
    kept = []
    for line in load_prompt("rubric").render().splitlines():
        head, sep, _ = line.removeprefix("- ").partition(":")
        named = {name.strip() for name in head.split(",")} if sep and line.startswith("- ") else set()
        if not named or not named.isdisjoint(wanted) or not named <= _SECTION_NAMES:
            kept.append(line)
    return "\n".join(kept)


def prompt_refs(step: str) -> list[str]:
    """``name@version`` of every prompt file a request of ``step`` may carry (part of its cache key)."""
    return [load_prompt(name).ref for name in ("system", step, *SHARED, "repair_invalid")]
