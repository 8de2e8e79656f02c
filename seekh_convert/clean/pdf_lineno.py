"""Margin line numbers glued into a PDF's text lines (LaTeX ``lineno``: ``across95``, ``singular-192``).

When the numbers sit on the same baseline as the text, the text layer hands them back as part of the line, at
its end (right margin) or its start (left margin). They are recognised as what they are, a number rising by one
from line to line (display maths and figures between skip a few), and removed; the words they were glued to,
hyphens included, are then repaired like any other line end.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Annotated

from seekh_convert.model.document import Line

_TRAILING = re.compile(r"(?<=[^\d\s])\s?(\d{1,4})$")
_LEADING = re.compile(r"^(\d{1,4})\s?(?=[^\d\s.,])")


class LineNumbers:
    """Remove a rising sequence of line numbers glued to the ends (or starts) of a document's lines."""

    min_run: Annotated[int, "at least this many numbered lines in one rising sequence"] = 8
    max_step: Annotated[int, "consecutive numbers of a sequence differ by 1 to this (unnumbered lines between)"] = 4
    ones_share: Annotated[float, "at least this share of the sequence's steps are exactly one"] = 0.6
    min_share: Annotated[float, "the sequence numbers at least this share of the lines it spans"] = 0.4

    def __call__(self, pages: Sequence[tuple[int, list[Line]]]) -> list[tuple[int, list[Line]]]:
        flat = [(p, i, line) for p, (_, lines) in enumerate(pages) for i, line in enumerate(lines)]
        strip: dict[tuple[int, int], re.Pattern[str]] = {}
        for pattern in (_TRAILING, _LEADING):
            for run in self._runs([pattern.search(line.text) for _, _, line in flat]):
                strip.update({(flat[k][0], flat[k][1]): pattern for k in run})
        if not strip:
            return list(pages)
        return [
            (number, [_without(line, strip.get((p, i))) for i, line in enumerate(lines)])
            for p, (number, lines) in enumerate(pages)
        ]

    def _runs(self, matches: list[re.Match[str] | None]) -> list[list[int]]:
        """Indexes of the lines in each rising sequence long and dense enough to be line numbers."""
        reach = 3 * self.max_step  # a sequence ends after this many lines without its next number
        open_runs: list[list[int]] = []
        closed: list[list[int]] = []
        values = [int(m.group(1)) if m else None for m in matches]
        for k, value in enumerate(values):
            if value is None:
                continue
            closed.extend(r for r in open_runs if k - r[-1] > reach)
            open_runs = [r for r in open_runs if k - r[-1] <= reach]
            fits = [r for r in open_runs if 1 <= value - values[r[-1]] <= self.max_step]
            if fits:
                max(fits, key=len).append(k)
            else:
                open_runs.append([k])
        return [r for r in closed + open_runs if self._numbering(r, values)]

    def _numbering(self, run: list[int], values: list[int | None]) -> bool:
        """Long, dense, and counting mostly one by one (a contents page's page numbers jump and repeat)."""
        ones = sum(1 for a, b in zip(run, run[1:]) if values[b] == values[a] + 1)  # type: ignore[operator]
        return (
            len(run) >= self.min_run
            and len(run) >= self.min_share * (run[-1] - run[0] + 1)
            and ones >= self.ones_share * (len(run) - 1)
        )


def _without(line: Line, pattern: re.Pattern[str] | None) -> Line:
    if pattern is None:
        return line
    text = pattern.sub("", line.text).strip()
    return dataclasses.replace(line, text=text) if text else dataclasses.replace(line, text="")
