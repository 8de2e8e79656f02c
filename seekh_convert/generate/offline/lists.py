"""Cards from enumerations the source makes: "MBO programs have four elements: goal specificity, ..., and performance
feedback." asks "What are the four elements of MBO programs?" and answers with the list.

Only a sentence whose subject names what is enumerated (no pronoun, no "these"), whose count word matches the items
listed after the colon, and whose items are short noun phrases.
"""

from __future__ import annotations

import re

from seekh_convert.generate.offline.sentences import Sentence
from seekh_convert.model.guide import Flashcard

_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_ENUM = re.compile(
    r"^(?P<subject>[A-Z][\w'’\- ]{2,60}?|[a-z][\w.]{2,30})\s+(?P<verb>has|have|includes?|consists? of|comprises?"
    r"|provides?|offers?|supports?|defines?|distinguishes|identifies)\s+"
    r"(?P<count>two|three|four|five|six|seven)\s+(?P<what>(?:[a-z-]+\s){0,4}[a-z-]+)\s*:\s*(?P<items>[^:;]+?)\.?$"
)
#: The verb of "What two functions for pivoting data does tidyr provide?" (other verbs than have/include).
_BASE = {
    "provides": "provide",
    "offers": "offer",
    "supports": "support",
    "defines": "define",
    "distinguishes": "distinguish",
    "identifies": "identify",
}
_POINTING = re.compile(r"\b(?:it|its|this|these|those|they|their|we|our|you|your)\b", re.I)
_ITEM_WORDS = 6


def _items(text: str) -> list[str]:
    if re.match(r"\s*\(1\)", text):  # "(1) written in terms of outcomes, (2) measurable and quantifiable, ..."
        parts = re.split(r"\s*\(\d+\)\s*", text)
        return [re.sub(r"^(?:and|or)\s+|[,;]?\s*(?:and|or)?\s*$", "", p.strip()).strip(" ,;") for p in parts if p.strip(" ,;")]
    parts = re.split(r",\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+", text.strip())
    return [p.strip() for p in parts if p.strip()]


def enumeration_card(s: Sentence) -> Flashcard | None:
    """The card of an enumerating sentence, or None."""
    m = _ENUM.match(s.display)
    if m is None or _POINTING.search(m.group("subject")):
        return None
    items = _items(m.group("items"))
    if len(items) != _COUNTS[m.group("count")] or any(len(i.split()) > _ITEM_WORDS for i in items):
        return None
    subject = m.group("subject")
    first = subject.split()[0]
    if first[1:].islower() and first.lower() not in ("i",):
        subject = subject[:1].lower() + subject[1:]  # capitalised only because it opens the sentence
    front = _front(subject, m.group("verb"), m.group("count"), m.group("what"))
    if front is None:
        return None
    back = "; ".join(i[:1].upper() + i[1:] if re.match(r"[a-z]+(?![\w(])", i) else i for i in items) + "."
    return Flashcard(kind="basic", front=front, back=back, source=s.ref())


def _front(subject: str, verb: str, count: str, what: str) -> str | None:
    """ "What are the four elements of MBO programs?", "What two functions ... does the tidyr package provide?"."""
    if verb in _BASE or verb in _BASE.values():
        return f"What {count} {what} {'do' if verb in _BASE.values() else 'does'} {subject} {_BASE.get(verb, verb)}?"
    if len(what.split()) > 3:
        return None  # "the four elements for ... of MBO programs" reads badly
    bare = re.sub(r"^(?:the|a|an)\s+", "", subject, flags=re.I)
    return f"What are the {count} {what} of {bare}?"


def enumeration_cards(sentences: list[Sentence], limit: int = 2) -> list[Flashcard]:
    """Up to ``limit`` enumeration cards of a topic, in source order."""
    out = []
    for s in sentences:
        if ":" in s.text and (card := enumeration_card(s)) is not None:
            out.append(card)
            if len(out) == limit:
                break
    return out
