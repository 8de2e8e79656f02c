"""Inline TeX left in web pages and e-books by MathJax/KaTeX (``\\(\\ce{CO2}\\)``, ``\\(\\delta-\\)``) -> text.

A teacher reads "CO₂", "kJ mol⁻¹", "δ−", not the markup. Chemistry (mhchem's ``\\ce`` and ``\\pu``) is rendered
here; everything else goes through pylatexenc's LaTeX-to-text converter (Greek letters, fractions, symbols),
and simple sub/superscripts become Unicode ones.
"""

from __future__ import annotations

import re
from functools import cache

_MATH = re.compile(
    r"\\\((.+?)\\\)|\\\[(.+?)\\\]|\$\$(.+?)\$\$"
    r"|(?<![\\$\w])\$(?=[^\s\d$])([^$\n]{1,120}?)(?<=\S)\$(?![\w$])",  # $x$, never "$5 or $10"
    re.S,
)
_FRACTION = re.compile(r"\\frac\s*\{((?:[^{}]|\{[^{}]*\})*)\}\s*\{((?:[^{}]|\{[^{}]*\})*)\}")
_CHEM = re.compile(r"\\ce\s*\{((?:[^{}]|\{[^{}]*\})*)\}")
_UNITS = re.compile(r"\\pu\s*\{((?:[^{}]|\{[^{}]*\})*)\}")
_SUPER = str.maketrans("0123456789+-−=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿ")
_SUB = str.maketrans("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎")
_CHARGE = re.compile(r"\^\{?([0-9]*[+\-])\}?")
_TRAILING_CHARGE = re.compile(r"(?<=[A-Za-z\])₀-₉])([0-9]?[+\-])$")
_COUNT = re.compile(r"(?<=[A-Za-z)\]])([0-9]+)")
_UNIT_POWER = re.compile(r"(?<=[A-Za-zÅµ])(-?[0-9]+)\b")
_TEN_POWER = re.compile(r"^e(-?[0-9]+)\b")
_SCRIPT = re.compile(r"([\^_])(\{([^{}]{1,12})\}|([^\s{}\\]))")
_DEGREE = re.compile(r"\s*\^\s*\{?\\circ\}?|\s*\^\s*\{?∘\}?")


def render_tex(text: str) -> str:
    """``text`` with each ``\\(...\\)``, ``\\[...\\]`` and ``$$...$$`` replaced by its plain-text reading."""
    if "\\(" not in text and "\\[" not in text and "$" not in text:
        return text
    return _MATH.sub(lambda m: _render(next(g for g in m.groups() if g is not None)), text)


def _render(tex: str) -> str:
    tex = _CHEM.sub(lambda m: _chemistry(m.group(1)), tex)
    tex = _UNITS.sub(lambda m: _units(m.group(1)), tex)
    tex = _DEGREE.sub("°", tex)
    tex = _FRACTION.sub(lambda m: f"{_grouped(m.group(1))}/{_grouped(m.group(2))}", tex)
    try:
        text = _converter().latex_to_text(tex)
    except Exception:  # pylatexenc is tolerant; anything it still refuses stays as written
        return tex
    text = _SCRIPT.sub(_script, text)
    return re.sub(r"\s+", " ", text).strip()


def _grouped(part: str) -> str:
    """A fraction's numerator or denominator, in brackets when it is more than one symbol."""
    part = part.strip()
    return f"({part})" if re.search(r"[\s+\-*/=]", part) else part


def _chemistry(formula: str) -> str:
    """mhchem formula: counts as subscripts, charges as superscripts, ``#`` a triple bond (``SO4^2-`` -> SO₄²⁻)."""
    formula = formula.strip().replace("#", "≡")
    formula = _CHARGE.sub(lambda m: m.group(1).translate(_SUPER), formula)
    formula = _COUNT.sub(lambda m: m.group(1).translate(_SUB), formula)
    return _TRAILING_CHARGE.sub(lambda m: m.group(1).translate(_SUPER), formula)


def _units(quantity: str) -> str:
    """mhchem physical unit: ``kJ mol-1`` -> kJ mol⁻¹, ``e-12 m`` -> 10⁻¹² m."""
    quantity = _TEN_POWER.sub(lambda m: "10" + m.group(1).translate(_SUPER), quantity.strip())
    return _UNIT_POWER.sub(lambda m: m.group(1).translate(_SUPER), quantity)


def _script(match: re.Match[str]) -> str:
    """``x^2`` -> x², ``x_{i}`` kept as x_i when Unicode has no such script letter."""
    body = match.group(3) if match.group(3) is not None else match.group(4)
    table = _SUPER if match.group(1) == "^" else _SUB
    rendered = body.translate(table)
    if all(c != o or not c.strip() for c, o in zip(rendered, body)):
        return rendered
    return match.group(1) + body


@cache
def _converter():
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text(math_mode="text", strict_latex_spaces=True)
