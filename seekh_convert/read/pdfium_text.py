"""A second reading of a page whose text pypdf misreads: some LaTeX fonts' character maps send "." to "N", "," to
"L", "’" to "G" ("thus arenGt of importance to usN but we will still include them for nowN", LIN 539 notes on
Person Case Constraints), while PDFium reads the same page as printed. The page is read again with PDFium, with each
line's font size, weight and origin, and kept only where it reads better."""

from __future__ import annotations

import ctypes
import re
from typing import Any

from seekh_convert.model.document import Line
from seekh_convert.text.normalize import normalize_ws

#: A word glued to one capital at its end ("usN", "ideallyL", "arenGt"): a full stop or comma misread as a letter.
_GLUED_CAPITAL = re.compile(r"\b[a-z]{2,}[A-Z](?=[\s,;:)\]]|$)")
#: Share of a page's words so glued before it is read again (German notes' "idX" variables stay below it).
_SHARE = 0.03
_MIN_HITS = 5
_BOLD_WEIGHT = 600
#: Font names that mean bold.
BOLD_NAME = re.compile(r"bold|black|heavy|demi(?!-?light)|extrabold|ultrabold", re.IGNORECASE)  # "Bookman-Demi" (NCERT)


#: A run of lower-case letters as long as few English words are: where it is no word at all, words ran together
#: because the font's spaces are no characters ("toputitbriefly", "upanddownalong", set 21's NMR notes).
_LONG_RUN = re.compile(r"\b[a-z]{12,}\b")
_MIN_RUNS = 2


def _run_together(text: str) -> int:
    """How many long runs of letters are no word but three words or more written together ("to put it briefly")."""
    runs = _LONG_RUN.findall(text)
    if len(runs) < _MIN_RUNS:
        return 0
    from seekh_convert.text.lexicon import zipf  # the word list is loaded only for a page with such runs

    return sum(1 for run in runs if zipf(run) == 0 and _pieces(run, zipf) >= 3)


def _pieces(run: str, zipf) -> int:
    """The fewest common words ``run`` splits into (0 when it does not split): "metacommunication" is 2 (a rare
    word), "toputitbriefly" 4."""
    best = [0] * (len(run) + 1)  # best[i]: fewest words for run[:i], 0 when none (and for the empty run[:0])
    for end in range(1, len(run) + 1):
        for start in range(max(0, end - 15), end):
            piece = run[start:end]
            if (start == 0 or best[start]) and (len(piece) > 1 or piece == "a") and zipf(piece) >= 3.0:
                n = best[start] + 1
                best[end] = min(best[end], n) if best[end] else n
    return best[len(run)]


#: Two lower-case pieces with a space between: "fr om", "or ganisms", "r esembled" when a font's kerning comes out as
#: spaces (set 49's NCERT science chapter, which PDFium reads as printed).
_PAIR = re.compile(r"(?<![\w'’-])([a-z]{1,8}) ([a-z]{1,10})(?![\w'’-])")
_MIN_SPLITS = 3
_SPLIT_SHARE = 0.005


def _split_words(text: str) -> int:
    """How many words a space cuts in two: the pieces joined are a common word and one of them is none."""
    from seekh_convert.text.lexicon import zipf

    count = 0
    for a, b in _PAIR.findall(text):
        if zipf(a + b) >= 3.0 and min(zipf(a) if a not in ("a", "i") else 9, zipf(b)) < 1.5:
            count += 1
    return count


def _faults(text: str) -> int:
    return len(_GLUED_CAPITAL.findall(text)) + _run_together(text) + len(_LOGIC_BANG.findall(text)) + _split_words(text)


#: A logic arrow a maths font's encoding turns into "!" between two letters ("p ! q", "(q ! p)", ":p! :q" for
#: "¬p → ¬q"): set 36's discrete-maths notes, whose PDFium text keeps the arrows.
_LOGIC_BANG = re.compile(r"(?<![\w!])[a-zA-Z)]\s?!\s?[:(]?[a-zA-Z(](?![\w!])")
_MIN_BANGS = 3


def misread(text: str) -> bool:
    """True when many words of ``text`` end in a stray capital, as where a font's full stops and commas come out as
    letters, when words run together into strings no dictionary knows, as where its spaces are no characters, or
    when logic arrows came out as "!"."""
    hits = len(_GLUED_CAPITAL.findall(text))
    if len(_LOGIC_BANG.findall(text)) >= _MIN_BANGS:
        return True
    if hits >= _MIN_HITS and hits >= _SHARE * max(1, len(text.split())) or _run_together(text) >= _MIN_RUNS:
        return True
    return _split_words(text) >= max(_MIN_SPLITS, _SPLIT_SHARE * len(text.split()))


class PdfiumPages:
    """Pages of one PDF read by PDFium, opened on first use (most files never need it)."""

    def __init__(self, data: bytes, password: str | None = None):
        self._data, self._password = data, password
        self._doc: Any = None

    def lines(self, number: int) -> list[Line] | None:
        """Lines of page ``number`` (1-based), or None when PDFium cannot read it."""
        try:
            import pypdfium2 as pdfium

            if self._doc is None:
                self._doc = pdfium.PdfDocument(self._data, password=self._password)
            page = self._doc[number - 1]
            textpage = page.get_textpage()
            try:
                return _lines(textpage)
            finally:
                textpage.close()
                page.close()
        except Exception:
            return None

    def close(self) -> None:
        if self._doc is not None:
            self._doc.close()
            self._doc = None


def better(first: list[Line], second: list[Line] | None) -> list[Line]:
    """``second`` where it holds most of ``first``'s words and far fewer glued capitals or run-together words, else
    ``first``."""
    if not second:
        return first
    a, b = "\n".join(x.text for x in first), "\n".join(x.text for x in second)
    words_a, words_b = len(a.split()), len(b.split())
    return second if words_b >= 0.8 * words_a and _faults(b) * 3 <= _faults(a) else first


def _lines(textpage: Any) -> list[Line]:
    import pypdfium2.raw as pdfium_c

    text = textpage.get_text_range()
    raw = textpage.raw
    if len(text) != textpage.count_chars():
        return [Line(text=normalize_ws(_broken_words(t))) for t in text.splitlines() if t.strip()]
    out: list[Line] = []
    names: dict[bytes, bool] = {}
    start = 0
    for i, ch in enumerate([*text, "\n"]):
        if ch != "\n":
            continue
        chars = [(j, text[j]) for j in range(start, i) if text[j] not in "\r\n\ufffe"]
        if text[start:i].rstrip("\r").endswith("\ufffe"):
            chars.append((-1, "-"))  # a word broken at the line's end: the cleaner joins it
        start = i + 1
        line = "".join(c for _, c in chars)
        if not line.strip():
            continue
        inked = [j for j, c in chars if c.strip() and j >= 0]
        sizes = [round(pdfium_c.FPDFText_GetFontSize(raw, j), 1) for j in inked]
        bold = {j: _bold(pdfium_c, raw, j, names) for j in inked}
        x, y = ctypes.c_double(), ctypes.c_double()
        origin = pdfium_c.FPDFText_GetCharOrigin(raw, inked[0], x, y) if inked else False
        out.append(
            Line(
                text=line,
                size=max(set(sizes), key=sizes.count) if sizes else 0.0,
                bold=bool(bold) and all(bold.values()),
                bold_spans=_bold_runs([c for _, c in chars], [bold.get(j, False) for j, _ in chars]),
                x=x.value if origin else None,
                y=y.value if origin else None,
            )
        )
    return out


def _bold(pdfium_c: Any, raw: Any, index: int, names: dict[bytes, bool]) -> bool:
    """The character's font is bold: by weight, or by name ("Helvetica-Bold" reports no weight)."""
    if pdfium_c.FPDFText_GetFontWeight(raw, index) >= _BOLD_WEIGHT:
        return True
    buffer = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    size = pdfium_c.FPDFText_GetFontInfo(raw, index, buffer, 128, flags)
    name = buffer.raw[: max(0, size - 1)]
    if name not in names:
        names[name] = bool(BOLD_NAME.search(name.decode("latin-1")))
    return names[name]


def _broken_words(line: str) -> str:
    """PDFium marks a word broken across lines with U+FFFE: a hyphen at the line's end, nothing inside it."""
    return re.sub("\ufffe(?=\r?$)", "-", line).replace("\ufffe", "")


def _bold_runs(chars: list[str], bold: list[bool]) -> tuple[str, ...]:
    runs, run = [], ""
    for c, b in zip(chars, bold, strict=True):
        if b or (run and not c.strip()):
            run += c
        else:
            runs.append(run)
            run = ""
    runs.append(run)
    return tuple(r for r in (normalize_ws(r) for r in runs) if any(ch.isalnum() for ch in r))
