"""Page-level layout repairs for PDF lines: junk glyph runs, margin numbers, diagram labels, column order."""

from __future__ import annotations

import dataclasses
import re
import statistics
from collections import Counter
from typing import Annotated

from seekh_convert.model.document import Line

_REAL_WORD = re.compile(r"[^\W\d_]{3,}")
_GLYPH_NOISE = re.compile(r"[!\"#$%&*<>?@\\^`|~]")
_MARGIN_NUMBER = re.compile(r"^[SR]?\d{1,3}[SR]?$")
_MARGIN_FRAGMENT = re.compile(r"^[^\W\d_]{0,3}\d{1,3}[^\W\d_]{0,3}$")
_LEADING_NUMBER = re.compile(r"^\d{1,3}\s+(?=\S)")


def is_garbled(text: str) -> bool:
    """Text from a font without a Unicode map (``!"# $!"#``) or a barcode: no real word, only glyph noise."""
    if _REAL_WORD.search(text):
        return False
    inked = [c for c in text if not c.isspace()]
    if len(inked) >= 8 and not any(c.isalnum() for c in inked):
        return True
    noise = len(_GLYPH_NOISE.findall(text))
    return noise >= 2 and noise >= 0.2 * len(inked)


class PageLayout:
    """Repair one page's lines in place of their content-stream order; needs the document's body font size."""

    margin_run: Annotated[int, "at least this many bare numbers at one x make a margin line-number column"] = 5
    margin_band: Annotated[float, "points either side of a margin column's x that still belong to it"] = 12.0
    label_min: Annotated[int, "at least this many short, scattered, non-body-size lines make a diagram's labels"] = 4
    column_share: Annotated[float, "each column holds at least this share of a page's body lines"] = 0.25
    column_gap: Annotated[float, "the right column starts at least this many points right of the left one"] = 120.0

    def __init__(self, body: float):
        self.body = body

    def __call__(self, lines: list[Line]) -> list[Line]:
        lines = [line for line in lines if not is_garbled(line.text)]
        if not lines or any(line.x is None or line.y is None for line in lines):
            return lines
        lines = self._drop_margin_numbers(lines)
        lines = self._drop_diagram_labels(lines)
        return self._column_order(lines)

    # -- margins ----------------------------------------------------------------------------------------------

    def _drop_margin_numbers(self, lines: list[Line]) -> list[Line]:
        """Drop a column of line numbers at the page margin, with fragments glued to them (``In16``, ``17Co``)."""
        bare = Counter(round(line.x / 4) for line in lines if _MARGIN_NUMBER.match(line.text))
        if not bare:
            return lines
        slot, count = bare.most_common(1)[0]
        if count < self.margin_run:
            return lines
        x = slot * 4.0
        outside = [line for line in lines if abs(line.x - x) > self.margin_band]
        if outside and min(o.x for o in outside) < x < max(o.x for o in outside) - self.margin_band:
            return lines  # numbers inside the text area: a table or a list, not a margin
        kept: list[Line] = []
        for line in lines:
            if abs(line.x - x) > self.margin_band:
                kept.append(line)
            elif not _MARGIN_FRAGMENT.match(line.text):
                kept.append(_strip_leading_number(line))
        return kept

    # -- diagrams -----------------------------------------------------------------------------------------------

    def _drop_diagram_labels(self, lines: list[Line]) -> list[Line]:
        """Drop runs of short labels scattered up and down the page (text inside a drawn figure)."""
        drop: set[int] = set()
        run: list[int] = []
        for i, line in enumerate([*lines, None]):
            if line is not None and self._labelish(line):
                run.append(i)
                continue
            ups = sum(1 for a, b in zip(run, run[1:]) if lines[b].y > lines[a].y + 0.5 * max(lines[a].size, 1.0))
            if len(run) >= self.label_min and (ups >= 2 or (ups and len(run) > self.label_min)):
                drop.update(run)
            run = []
        return [line for i, line in enumerate(lines) if i not in drop]

    def _labelish(self, line: Line) -> bool:
        return len(line.text.split()) <= 6 and len(line.text) <= 50 and abs(line.size - self.body) >= 0.5

    # -- columns ------------------------------------------------------------------------------------------------

    def _column_order(self, lines: list[Line]) -> list[Line]:
        """Two-column pages read left column then right, band by band between full-width lines."""
        columns = self._columns(lines)
        if columns is None:
            return lines
        left, right, scale = columns
        order = sorted(range(len(lines)), key=lambda i: -lines[i].y)
        full = {i for i in order if lines[i].x < right - 10 and lines[i].x + _extent(lines[i]) * scale > right + 20}
        out: list[Line] = []
        band: list[int] = []
        for i in order:
            if i in full:
                out.extend(self._band(lines, band, right))
                out.append(lines[i])
                band = []
            else:
                band.append(i)
        out.extend(self._band(lines, band, right))
        return out

    def _band(self, lines: list[Line], band: list[int], right: float) -> list[Line]:
        """Lines above both columns first (titles, centred front matter), then the left column, then the right."""
        in_right = [i for i in band if lines[i].x >= right - 10]
        top = max((lines[i].y for i in in_right if abs(lines[i].size - self.body) < 0.6), default=None)
        in_left = [i for i in band if lines[i].x < right - 10]
        above = [i for i in in_left if top is not None and lines[i].y > top + 2]
        below = [i for i in in_left if top is None or lines[i].y <= top + 2]
        return [lines[i] for i in above + below + in_right]

    def _columns(self, lines: list[Line]) -> tuple[float, float, float] | None:
        """(left x, right x, points per size-weighted character) when the page has two text columns."""
        body = [line for line in lines if abs(line.size - self.body) < 0.6 and len(line.text) >= 20]
        if len(body) < 12:
            return None
        left = statistics.median_low(sorted(line.x for line in body)[: max(1, len(body) // 4)])
        starts = Counter(round(line.x) for line in body if line.x > left + self.column_gap)
        if not starts:
            return None
        right = float(starts.most_common(1)[0][0])
        in_right = [line for line in body if line.x >= right - 10]
        in_left = [line for line in body if line.x < right - 10]
        aligned = sum(1 for line in in_right if abs(line.x - right) <= 13)
        if min(len(in_left), aligned) < self.column_share * len(body):
            return None
        if not _overlap([line.y for line in in_left], [line.y for line in in_right]):
            return None
        widest = _quantile([_extent(line) for line in in_left], 0.95)
        other = _quantile([_extent(line) for line in in_right], 0.95)
        if not 0.6 <= widest / max(other, 1.0) <= 1.6:
            return None  # text beside a picture, not two columns of one width
        return left, right, (right - left - 15) / max(widest, 1.0)


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[int(q * (len(ordered) - 1))]


def _extent(line: Line) -> float:
    return len(line.text) * max(line.size, 1.0)


def _overlap(a: list[float], b: list[float]) -> bool:
    """Do two columns share a good part of their vertical extent?"""
    low, high = max(min(a), min(b)), min(max(a), max(b))
    return high - low > 0.3 * min(max(a) - min(a), max(b) - min(b))


def _strip_leading_number(line: Line) -> Line:
    text = _LEADING_NUMBER.sub("", line.text)
    return line if text == line.text else dataclasses.replace(line, text=text)
