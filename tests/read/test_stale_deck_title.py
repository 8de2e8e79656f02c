"""A deck's file properties left over from a template ("Introduction to Computer Architecture" over a first slide
"Digital Logic Design", relay run 21) do not title it; a declared title the slides bear out still does."""

from __future__ import annotations

from seekh_convert.model.document import BlockKind
from seekh_convert.read.pptx import RawBlock, _stale


def _deck(title: str, *lines: str) -> list[RawBlock]:
    return [RawBlock(BlockKind.HEADING, title, level=1, slide=1), *(RawBlock(BlockKind.PARAGRAPH, t, slide=2) for t in lines)]


def test_a_declared_title_naming_what_no_slide_says_is_stale() -> None:
    blocks = _deck("Digital Logic Design", "Digital systems represent information using computers and binary signals.")
    assert _stale("Introduction to Computer Architecture", blocks)
    assert not _stale("Digital Logic Design: Binary Signals", blocks)
