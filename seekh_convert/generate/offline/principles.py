"""Named principles as cards: a numbered name ("4. Unity of Command", "1. Least Privilege:") on a line of its own,
then the text saying what the principle asks ("According to this principle, each subordinate should receive orders
... from only one superior."; "Give users and systems the minimum level of access necessary ..."). "What does the
principle of unity of command say?" is answered by that sentence. Only under a heading or lead that calls the list
principles, or where the text itself says "According to this principle" (set 35: Fayol's fourteen principles and
twelve security design principles gave no card; a teacher called the topic's empty card list a gap)."""

from __future__ import annotations

import re

from seekh_convert.model.answers import key_position
from seekh_convert.model.document import BlockKind
from seekh_convert.model.guide import Flashcard, MultipleChoice
from seekh_convert.model.sources import ref_at
from seekh_convert.text import parse
from seekh_convert.text.lexicon import word_classes
from seekh_convert.text.standalone import stands_alone
from seekh_convert.text.words import surface_words

#: A principle's name on a line of its own: a number, a few capitalised words, maybe a colon.
_NAME = re.compile(r"^\s*\(?\d{1,2}[.)]\s*(?P<name>[A-Z][\w'\u2019-]*(?:\s+[\w'\u2019-]+){0,6})\s*:?\s*$")
#: What says the list is of principles: "Principles of Management by Henri Fayol", "some key security design
#: principles are:".
#: The same name as a list item of its own, its number set by the list: "Least Privilege:".
_LISTED_NAME = re.compile(r"^\s*(?P<name>[A-Z][\w'\u2019-]*(?:\s+[\w'\u2019-]+){0,6})\s*:\s*$")
_PRINCIPLES = re.compile(r"\bprinciples\b", re.I)
_ACCORDING = re.compile(r"^According to this principle,\s+", re.I)
#: An explanation that asks something: an imperative ("Give users ...") or a rule ("Every access ... must be
#: checked", "Systems should default to a secure state ...").
_MODAL = re.compile(r"\b(?:should|must|ought to|shall|needs? to|has to|have to)\b", re.I)
_MAX_WORDS = 40


def principle_cards(found: list, taken: set[str], limit: int = 6) -> list[Flashcard]:
    """Up to ``limit`` "What does the principle of X say?" cards of the topic's principles (``found``:
    ``named_principles``), in source order (``taken``: quotes other cards already use), leaving out the principles
    ``principle_questions`` asks."""
    asked = {id(p) for p in _asked(found)}
    return [p[1] for p in found if id(p) not in asked and p[1].source.quote not in taken][:limit]


def principle_questions(found: list) -> list[MultipleChoice]:
    """ "Which principle says: “Divide critical tasks among different people ...”?" for one or two principles of a
    list of four or more (the last ones whose names the statement does not give away), the options the list's other
    names (``found``: ``named_principles``). A card asks each of the others."""
    out = []
    for name, card in _asked(found):
        others = [n for n, _ in found if n != name]
        at = [n for n, _ in found].index(name)
        options = sorted(others, key=lambda n: (abs([x for x, _ in found].index(n) - at), n))[:3]
        question = f"Which principle says: \u201c{card.back}\u201d?"
        pos = key_position(question)
        options.insert(pos, name)
        out.append(
            MultipleChoice(
                question=question,
                options=options,
                answer_index=pos,
                explanation=f"The source names this principle {name}: \u201c{card.back}\u201d",
                source=card.source,
            )
        )
    return out


def _asked(found: list) -> list:
    """The principles a question asks: none of fewer than four, one of four or five, two of six or more, from the
    end of the list, whose statement does not name them."""
    want = 0 if len(found) < 4 else 1 if len(found) < 6 else 2
    fair = [p for p in reversed(found) if not _gives_away(*p)]
    return fair[:want]


def _gives_away(name: str, card: Flashcard) -> bool:
    """True when the statement shares a word with the name ("Fail Securely": "when systems fail ...")."""
    said = {w.lower()[:5] for w in surface_words(card.back)}
    return any(w.lower()[:5] in said for w in surface_words(name) if len(w) > 3)


def named_principles(ta) -> list[tuple[str, Flashcard]]:
    """Every named principle of the topic with its card, in source order."""
    blocks = [b for b in ta.topic.blocks if b.usable or b.kind is BlockKind.HEADING]
    out: list[tuple[str, Flashcard]] = []
    named = bool(_PRINCIPLES.search(ta.topic.title))
    for i, block in enumerate(blocks[:-1]):
        m = _name(block)
        if _PRINCIPLES.search(block.text) and m is None:
            named = True  # a heading or a lead sentence that calls what follows principles
        if m is None:
            continue
        made = _card(m.group("name"), blocks[i + 1], named)
        if made is not None and all(made.front != c.front for _, c in out):
            out.append((m.group("name").strip(), made))
    return out


def _name(block) -> re.Match | None:
    """The principle's name ``block`` holds alone, or None."""
    m = _NAME.match(block.text)
    if m is None and block.kind is BlockKind.LIST_ITEM:
        m = _LISTED_NAME.match(block.text)
    return m


def _card(name: str, block, named: bool) -> Flashcard | None:
    """The card of the principle ``name`` that ``block`` explains, or None."""
    if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) or _name(block):
        return None
    first = re.split(r"(?<=[.!?])\s+(?=[A-Z])", block.text.strip(), maxsplit=1)[0]
    according = _ACCORDING.match(first)
    body = first[according.end() :] if according else first
    if not according and not (named and _asks(body)):
        return None
    words = surface_words(body)
    if not 5 <= len(words) <= _MAX_WORDS or not body.endswith(".") or not stands_alone(body[:1].upper() + body[1:]):
        return None
    start = block.text.find(body)
    back = body[:1].upper() + body[1:]
    return Flashcard(kind="basic", front=_front(name), back=back, source=ref_at(block, start, start + len(body), body))


def _asks(body: str) -> bool:
    """True when a sentence asks something: an imperative ("Give users ...") or a rule with "should"/"must"."""
    if _MODAL.search(body):
        return True
    doc = parse.parse(body)
    return len(doc) > 0 and doc[0].tag_ == "VB" and doc[0].dep_ == "ROOT"


def _front(name: str) -> str:
    """ "What does the principle of unity of command say?"; a name that is itself an instruction ("Fail Securely",
    "Minimize Attack Surface") is quoted: "What does the “Fail Securely” principle say?"."""
    words = name.split()
    doc = parse.parse(name.lower())
    if "VERB" in word_classes(words[0].lower()) and doc[0].pos_ == "VERB" and doc[0].dep_ == "ROOT":
        return f"What does the \u201c{name}\u201d principle say?"
    if all(w[:1].isupper() or w.lower() in ("of", "and", "in", "to", "the", "for") for w in words):
        name = " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in words)
    return f"What does the principle of {name} say?"
