"""Multiple choice over statements the source labels as a series: "0th Law: If two systems are both in thermal
equilibrium with a third system, then they are in thermal equilibrium with each other." asks "Which law of
thermodynamics states that if two systems ...?", the options the document's own labels of that series ("0th Law",
"1st Law", "2nd Law", "3rd Law") in the source's order.

The key is the label the source puts on the statement, and every distractor is a label the source puts on another
statement, so exactly one option is right by the source's own words. Made only for a series of at least four labels
with the same head (law, principle, rule, ...), for a statement that stands alone (no "this", no formula).
"""

from __future__ import annotations

import re

from seekh_convert.generate.offline.sentences import Sentence
from seekh_convert.model.guide import MultipleChoice
from seekh_convert.text import parse

_HEADS = "law|principle|theorem|rule|postulate|axiom|property|hypothesis|lemma|corollary"
_LABELLED = re.compile(
    rf"^(?P<label>(?:[A-Z0-9][\w’'-]*\s+){{0,3}}(?P<head>(?i:{_HEADS}))(?:\s+[A-Z0-9][\w’'-]*)?)\s*[:–—]\s+(?P<statement>[A-Z].+)$"
)
#: What a statement may not hold: a formula, a pointer to the text around it, a question.
_UNFIT = re.compile(r"[=∆Δ∑∫≤≥<>^_{}\[\]?]|\b(?:this|these|those|above|below|former|latter|following|previous)\b", re.I)
_OPENS = re.compile(r"^(?:It|They|He|She|This|These|Those|Here|There|Such|So|But|And|Then)\b")
_WORDS = (6, 50)
_MIN_SERIES = 4


def labelled(s: Sentence) -> tuple[str, str, str] | None:
    """(label, head, statement) of a sentence "<label>: <statement>." or None."""
    m = _LABELLED.match(s.text)
    if m is None or s.cut:
        return None
    return m.group("label"), m.group("head"), m.group("statement")


def _domain(s: Sentence, head: str) -> str:
    """ " of thermodynamics" when the sentence's section is titled "Laws of thermodynamics"; else empty."""
    m = re.search(rf"\b{head}s?\s+of\s+([a-z][a-z -]{{2,40}}[a-z])\s*$", s.block.section or "", re.I)
    return f" of {m.group(1).lower()}" if m else ""


def _stem(s: Sentence, head: str, statement: str) -> str | None:
    body = statement.strip().rstrip(".")
    if not _WORDS[0] <= len(body.split()) <= _WORDS[1] or _UNFIT.search(body) or _OPENS.match(body):
        return None
    if not statement.rstrip().endswith("."):
        return None
    first = body.split()[0]
    if not (first.isupper() and len(first) > 1):
        body = body[:1].lower() + body[1:]
    if re.match(r"(?:in|unlike|like|as|by|for|with|within|under|from)\b", body, re.I):
        return None  # "In contrast to criminal law, the law that ...": no statement to ask about
    if _no_clause(body):  # "Criminal law: that body of law in any nation-state that defines offenses ..." (set 48's
        # margin glossary) says what the law is, not what it states
        return f"Which {head.lower()}{_domain(s, head)} is defined as {body}?"
    return f"Which {head.lower()}{_domain(s, head)} states that {body}?"


def _no_clause(body: str) -> bool:
    """True when ``body`` is a noun phrase ("that body of law ... that defines offenses"), not a statement ("a
    system's entropy approaches a constant value ...")."""
    root = next((t for t in parse.parse(body) if t.dep_ == "ROOT"), None)
    return root is not None and root.pos_ in ("NOUN", "PROPN", "PRON") and not any(c.dep_ == "nsubj" for c in root.children)


def series_questions(sentences: list[Sentence], document: list[Sentence], taken: set[int], limit: int = 2) -> list:
    """Up to ``limit`` questions over the topic's labelled statements, the options the labels of the same series in
    ``document`` (every topic's sentences), in source order."""
    series: dict[str, list[str]] = {}
    for s in document:
        if (found := labelled(s)) is not None:
            label, head, _ = found
            names = series.setdefault(head.lower(), [])
            if label not in names:
                names.append(label)
    out: list[MultipleChoice] = []
    for s in sorted(sentences, key=lambda s: s.n_words):  # the crispest statements first
        if id(s) in taken or (found := labelled(s)) is None:
            continue
        label, head, statement = found
        names = series.get(head.lower(), [])
        if len(names) < _MIN_SERIES or (stem := _stem(s, head, statement)) is None:
            continue
        at = names.index(label)
        window = sorted(sorted(range(len(names)), key=lambda i: (abs(i - at), i))[:4])
        options = [names[i][:300] for i in window]
        out.append(
            MultipleChoice(
                question=stem,
                options=options,
                answer_index=options.index(label),
                explanation=f"The source says: “{s.display}”",
                source=s.ref(),
            )
        )
        taken.add(id(s))
        if len(out) == limit:
            break
    return out
