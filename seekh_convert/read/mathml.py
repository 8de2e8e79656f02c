"""Web and e-book equations (MathML, ``<math>``) as linear text: ``x̅``, ``σ/√n``, ``p̂``, ``x_i``, ``σ^2``.

The same linear form as Word's equations (``read.omml``): what a reader types for the equation, so a sentence
with an equation inside keeps it ("We will write x̅ for the sample mean", not "We will write for the sample mean",
set 51's statistics chapter) and a quote across it is found. Presentation MathML needs only the structures below;
every other element contributes its text in order, and annotations (TeX, content MathML) are left out.
"""

from __future__ import annotations

import re

#: Accents written over a single symbol, as the combining mark that follows it (``x̅``, ``p̂``).
_ACCENTS = {
    "-": "\u0305",
    "\u2212": "\u0305",
    "\u00af": "\u0305",
    "\u203e": "\u0305",
    "\u2015": "\u0305",
    "_": "\u0305",
    "^": "\u0302",
    "\u02c6": "\u0302",
    "~": "\u0303",
    "\u02dc": "\u0303",
    ".": "\u0307",
    "\u02d9": "\u0307",
    "\u2192": "\u20d7",
}
#: Operators written with a space either side inside running text ("x̅ = μ").
_SPACED = frozenset("= ≠ < > ≤ ≥ ≈ ≡ → ⇒ ⇔ ∈ ∉ ⊂ ⊆ ± ×".split())
_LEFT_OUT = frozenset({"annotation", "annotation-xml", "mphantom", "none", "mprescripts", "maligngroup", "malignmark"})


def _tag(element) -> str:
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.rsplit("}", 1)[-1].lower()


def is_math(element) -> bool:
    """A ``<math>`` element (with or without the MathML namespace)."""
    return _tag(element) == "math"


def linear_text(element) -> str:
    """The linear text of a ``<math>`` element, spaces tidied: "x̅ = μ", "σ/√n"."""
    text = re.sub(r"\s+", " ", linear(element)).strip()
    return re.sub(r"\s+([,.;:)\]])", r"\1", text)


def linear(element) -> str:
    """The linear text of a MathML element or any part of one."""
    tag = _tag(element)
    if tag in _LEFT_OUT:
        return ""
    if tag == "semantics":  # the presentation form is its first child; annotations follow
        first = next((c for c in element if _tag(c) and _tag(c) not in _LEFT_OUT), None)
        return linear(first) if first is not None else ""
    handler = _HANDLERS.get(tag)
    if handler is not None:
        return handler(element)
    if tag == "mo":
        op = (element.text or "").strip()
        return f" {op} " if op in _SPACED else op
    if tag in ("mi", "mn", "mtext", "ms"):
        return "".join(element.itertext())
    if tag == "mspace":
        return " "
    return "".join(_children(element))  # math, mrow, mstyle, mpadded, merror, ...: their parts in order


def _children(element) -> list[str]:
    return [linear(c) for c in element if _tag(c)]


def _args(element) -> list[str]:
    return [c.strip() for c in _children(element)] + ["", "", ""]


def _group(text: str) -> str:
    """``text`` as one operand: bracketed unless it is a single symbol (with its accent) or already bracketed."""
    text = text.strip()
    if len(text) <= 1 or text.isalnum() or (len(text) == 2 and not text[1].isalnum() and ord(text[1]) >= 0x300):
        return text
    if text[0] in "([{|" and text[-1] in ")]}|":
        return text
    return f"({text})"


def _over(e) -> str:
    base, over = _args(e)[:2]
    mark = _ACCENTS.get(over)
    if mark and len(base) == 1:
        return base + mark
    if mark:
        return f"{_group(base)}{mark}"
    return f"{base}^{_group(over)}"


def _under(e) -> str:
    base, under = _args(e)[:2]
    return f"{base}_{_group(under)}"


def _fenced(e) -> str:
    opening, closing = e.get("open", "("), e.get("close", ")")
    separators = re.sub(r"\s", "", e.get("separators", ",")) or ","
    parts = [p.strip() for p in _children(e)]
    joined = "".join(p + (separators[min(i, len(separators) - 1)] if i < len(parts) - 1 else "") for i, p in enumerate(parts))
    return f"{opening}{joined}{closing}"


def _table(e) -> str:
    rows = [r for r in e if _tag(r) in ("mtr", "mlabeledtr")]
    return "; ".join(", ".join(linear(c).strip() for c in r if _tag(c) == "mtd") for r in rows)


_HANDLERS = {
    "mfrac": lambda e: f"{_group(_args(e)[0])}/{_group(_args(e)[1])}",
    "msup": lambda e: f"{_args(e)[0]}^{_group(_args(e)[1])}",
    "msub": lambda e: f"{_args(e)[0]}_{_group(_args(e)[1])}",
    "msubsup": lambda e: f"{_args(e)[0]}_{_group(_args(e)[1])}^{_group(_args(e)[2])}",
    "msqrt": lambda e: f"√{_group(''.join(_children(e)))}",
    "mroot": lambda e: f"root({_args(e)[1]})({_args(e)[0]})",
    "mover": _over,
    "munder": _under,
    "munderover": lambda e: f"{_args(e)[0]}_{_group(_args(e)[1])}^{_group(_args(e)[2])}",
    "mfenced": _fenced,
    "mtable": _table,
}
