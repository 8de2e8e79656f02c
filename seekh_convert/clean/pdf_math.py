"""What a PDF text layer does to lecture notes, undone or set aside: spacing accents ("Schr¨odinger"), maths
flattened into the prose ("y = xe mod n" from y = x^e mod n), and figure or axis labels that look like headings.

Maths cannot be rebuilt from a flat text layer (superscripts and fractions are lost), so a sentence carrying
maths is kept out of the prose: it becomes a FORMULA block, context that is never quoted as an item.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata

from seekh_convert.model.document import Block, BlockKind
from seekh_convert.text.lexicon import zipf
from seekh_convert.text.sentences import sentence_spans

#: Spacing accents TeX-made PDFs put before the letter they belong on -> the combining mark.
_SPACING = {
    "\u00a8": "\u0308",  # ¨ diaeresis
    "\u00b4": "\u0301",  # ´ acute
    "\u02c6": "\u0302",  # ˆ circumflex
    "\u02dc": "\u0303",  # ˜ tilde
    "\u00b8": "\u0327",  # ¸ cedilla
    "\u02c7": "\u030c",  # ˇ caron
    "\u02d8": "\u0306",  # ˘ breve
    "\u02d9": "\u0307",  # ˙ dot above
    "\u02da": "\u030a",  # ˚ ring above
    "\u00af": "\u0304",  # ¯ macron
    "\u02dd": "\u030b",  # ˝ double acute
}
_ACCENT_LETTER = re.compile(rf"([{''.join(_SPACING)}])\s?([^\W\d_])")
_MATH_SYMBOL = re.compile(r"[∑∏∫∮∂∇√∞±∓×÷≤≥≈≠≡∝∈∉⊂⊆∪∩→←↔⇒⇔∀∃ℏψφΨΦωΩσΣπλμεδΔθΓγβαρτκξζηχ⟨⟩‖−]")
_EQUATION_SIGN = re.compile(r"(?<![=<>!:])=(?!=)")
_OPERATOR = re.compile(r"[∑∏∫∮∂∇√±∓×÷≤≥≈≠≡∝]")
_FUNCTIONS = frozenset("mod sin cos tan log exp max min det lim ln".split())
_RARE = 3.5  # Zipf frequency under which a two- or three-letter token is not an English word
_EQ_LABEL = re.compile(r"\(\d{1,2}\.\d{1,3}[a-z]?\)")
_EQ_NUMBER = re.compile(r"\(\d{1,2}\.\d{1,3}[a-z]?\)\s*$")
_LOST_EXPONENT = re.compile(r"[^\W\d_)]−\d|\d−\d{2}|[^\W\d_]\d[A-Z][a-z]")  # "length−1", "10−34", "∂x2Free"
_POWER = re.compile(r"(?<![\w.])[^\W\d_]{1,2}\d(?![\w.])")  # "c2", "x2" beside a maths symbol: a flattened power
_WORD = re.compile(r"^[^\W\d_]{2,}[.,;:!?)]*$")


def repair_accents(text: str) -> str:
    """``Schr¨odinger`` -> ``Schrödinger``, ``´Ecole`` -> ``École``: a spacing accent before a letter becomes that
    letter's accent wherever Unicode has the accented letter; anything else is left as it was."""
    if not any(c in text for c in _SPACING):
        return text

    def fix(match: re.Match[str]) -> str:
        composed = unicodedata.normalize("NFC", match.group(2) + _SPACING[match.group(1)])
        return composed if len(composed) == 1 else match.group(0)

    return _ACCENT_LETTER.sub(fix, text)


def looks_like_maths(text: str) -> bool:
    """A sentence whose maths a flat text layer garbled: a lost superscript ("length−1", "10−34", "∂x2 = 1 c2"),
    an equation with a juxtaposed non-word beside its sign ("y = xe mod n"), three maths symbols, or an equation
    number at its end (a display equation run into the prose). Intact maths ("i = 4", "the wavelength λ") is prose."""
    if _LOST_EXPONENT.search(text) or _EQ_NUMBER.search(text) or len(_MATH_SYMBOL.findall(text)) >= 3:
        return True
    if _EQ_LABEL.search(text) and (_MATH_SYMBOL.search(text) or "=" in text):
        return True
    if _OPERATOR.search(text) and _POWER.search(text):
        return True
    return any(_garbled_side(m) for m in _EQUATION_SIGN.finditer(text))


def _garbled_side(sign: re.Match[str]) -> bool:
    """A short lower-case non-word within two tokens of an equals sign: letters whose superscripts were lost."""
    text = sign.string
    near = text[: sign.start()].split()[-2:] + text[sign.end() :].split()[:2]
    return any(t.isalpha() and t.islower() and 2 <= len(t) <= 3 and t not in _FUNCTIONS and zipf(t) < _RARE for t in near)


def label_like(text: str) -> bool:
    """A line that names nothing: fewer than half of its tokens words (axis labels "E/EF nFD(E) T=0"), an equation
    or a maths symbol ("dxe−ikxf(x) Fourier transform")."""
    tokens = text.split()
    words = sum(1 for t in tokens if _WORD.match(t))
    return not tokens or words * 2 < len(tokens) or "=" in text or bool(_MATH_SYMBOL.search(text))


def set_maths_aside(block: Block) -> list[Block]:
    """A prose block split into its runs of sentences without and with maths; the latter become FORMULA blocks."""
    if (
        block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
        or not _MATH_SYMBOL.search(block.text)
        and "=" not in block.text
    ):
        return [block]
    runs: list[tuple[bool, str]] = []
    for a, b in sentence_spans(block.text):
        piece = block.text[a:b].strip()
        maths = looks_like_maths(piece)
        if runs and runs[-1][0] == maths:
            runs[-1] = (maths, f"{runs[-1][1]} {piece}")
        elif piece:
            runs.append((maths, piece))
    if not any(maths for maths, _ in runs):
        return [block]
    return [
        dataclasses.replace(
            block, text=text, kind=BlockKind.FORMULA if maths else block.kind, emphasis=() if maths else block.emphasis
        )
        for maths, text in runs
    ]
