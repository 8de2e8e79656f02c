"""Word equations (OMML, ``m:oMath``) as linear text: ``σ^2``, ``(a+b)/n``, ``x_i``, ``√(n)``, ``x̅``.

The text is what a reader types for the equation, so an equation inside a sentence stays part of it and a
quote across it is found. (The OMML converters on PyPI write LaTeX and are unmaintained; the linear form needs
only the few structures below, and every other element contributes its text in order.)
"""

from __future__ import annotations

M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DEFAULT_NARY, _DEFAULT_ACCENT = "∫", "\u0302"


def is_math(element) -> bool:
    """An ``m:oMath`` or ``m:oMathPara`` element."""
    return element.tag in (f"{M}oMath", f"{M}oMathPara")


def linear(element) -> str:
    """The linear text of an OMML element (an ``m:oMath``, ``m:oMathPara`` or any part of one)."""
    tag = element.tag.removeprefix(M) if element.tag.startswith(M) else None
    if tag is None:
        return "".join(linear(c) for c in element) if element.tag != f"{W}rPr" else ""
    handler = _HANDLERS.get(tag)
    if handler is not None:
        return handler(element)
    if tag == "t":
        return element.text or ""
    if tag.endswith("Pr"):
        return ""  # properties: no text
    if tag == "oMathPara":
        return " ".join(linear(c) for c in element if c.tag == f"{M}oMath")
    return "".join(linear(c) for c in element)


def _part(element, name: str) -> str:
    child = element.find(f"{M}{name}")
    return linear(child) if child is not None else ""


def _group(text: str) -> str:
    """``text`` as one operand: bracketed unless it is a single symbol or already bracketed."""
    text = text.strip()
    if len(text) <= 1 or text.isalnum() or (text[0] in "([{" and text[-1] in ")]}"):
        return text
    return f"({text})"


def _prop(element, pr: str, name: str, default: str) -> str:
    node = element.find(f"{M}{pr}/{M}{name}")
    if node is None:
        return default
    return node.get(f"{M}val", default)


def _fraction(e) -> str:
    return f"{_group(_part(e, 'num'))}/{_group(_part(e, 'den'))}"


def _sup(e) -> str:
    return f"{_part(e, 'e')}^{_group(_part(e, 'sup'))}"


def _sub(e) -> str:
    return f"{_part(e, 'e')}_{_group(_part(e, 'sub'))}"


def _subsup(e) -> str:
    return f"{_part(e, 'e')}_{_group(_part(e, 'sub'))}^{_group(_part(e, 'sup'))}"


def _radical(e) -> str:
    degree = _part(e, "deg").strip()
    body = _group(_part(e, "e"))
    return f"√{body}" if not degree else f"root({degree})({body})"


def _delimited(e) -> str:
    begin, end = _prop(e, "dPr", "begChr", "("), _prop(e, "dPr", "endChr", ")")
    separator = _prop(e, "dPr", "sepChr", "|")
    return begin + separator.join(linear(c) for c in e.findall(f"{M}e")) + end


def _nary(e) -> str:
    sign = _prop(e, "naryPr", "chr", _DEFAULT_NARY)
    low, high = _part(e, "sub").strip(), _part(e, "sup").strip()
    limits = (f"_{_group(low)}" if low else "") + (f"^{_group(high)}" if high else "")
    return f"{sign}{limits} {_part(e, 'e')}"


def _accent(e) -> str:
    return _part(e, "e") + _prop(e, "accPr", "chr", _DEFAULT_ACCENT)


def _bar(e) -> str:
    mark = "\u0332" if _prop(e, "barPr", "pos", "bot") == "bot" else "\u0305"
    return _part(e, "e") + mark


def _function(e) -> str:
    return f"{_part(e, 'fName')} {_group(_part(e, 'e'))}".strip()


def _rows(e) -> str:
    """Equation arrays and matrices: rows separated by "; "."""
    rows = e.findall(f"{M}mr") or e.findall(f"{M}e")
    return "; ".join(" ".join(linear(c) for c in row) if row.tag == f"{M}mr" else linear(row) for row in rows)


_HANDLERS = {
    "f": _fraction,
    "sSup": _sup,
    "sSub": _sub,
    "sSubSup": _subsup,
    "rad": _radical,
    "d": _delimited,
    "nary": _nary,
    "acc": _accent,
    "bar": _bar,
    "func": _function,
    "limLow": lambda e: f"{_part(e, 'e')}_{_group(_part(e, 'lim'))}",
    "limUpp": lambda e: f"{_part(e, 'e')}^{_group(_part(e, 'lim'))}",
    "eqArr": _rows,
    "m": _rows,
}
