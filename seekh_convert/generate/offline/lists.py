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


# -- the question of a list a colon introduces (the items are the answer) ------------------------------------------

_NUM = r"(?P<n>two|three|four|five|six|seven|[2-7])"
_PLACE = re.compile(r"^(?P<pre>In (?:the )?[A-Z][\w ]{1,40}?),? the (?P<np>[a-z][a-z \-]{2,40}?) (?P<v>is|are):$")
_THE_NP = re.compile(r"^The (?P<np>[a-z][\w'’\- ]{4,80}?) (?P<v>is|are)(?: to| that)?:$")
_HEADED = re.compile(
    r"^(?P<np>(?:(?:The )?(?:main )?(?:advantages|disadvantages|problems|benefits|limitations|features|properties|causes"
    r"|effects|uses|examples|types|kinds|goals|steps|stages))(?: of| with| for) [^:]{3,80}?)(?: might be| are| include)?:$",
    re.I,
)
_PASSIVE = re.compile(
    r"^(?P<subj>[A-Z][^:,]{3,60}?) is (?P<vbn>[a-z]+ed) by (?:doing )?(?:any|all|one|each) of the following\b[^:]*:$"
)
_OFFERS = re.compile(
    r"^(?:As well as [^,]{2,40}?,? )?(?P<subj>the [A-Za-z][\w\- ]{1,40}?|[A-Z][\w\-]*(?: [A-Z][\w\-]*){0,3}) "
    r"(?P<v>offers|provides|has|uses|defines|recognises|recognizes|distinguishes) " + _NUM + r" (?P<what>[a-z][a-z \-]{2,40}):$"
)
_STEPS = re.compile(
    r"^(?:Typically,? |Usually,? )?(?P<subj>the [a-z][\w\- ]{2,50}?) (?:takes place|happens|proceeds|is done|works) in "
    + _NUM
    + r" (?P<what>steps|stages|phases):$",
    re.I,
)
_THERE = re.compile(
    r"^There (?:are|were) "
    + _NUM
    + r" (?P<what>[a-z][a-z \-]{2,40}?) (?P<rest>(?:that|which|for|of|to|in|why|behind|between|we can|you can)\b[^:]{3,100}):$"
)
_RANK = re.compile(r"\b(?:first|second|third|last|following|above|below|two|three|other|these|those|this)\b", re.I)
_VERB_BASE = {"offers": "offer", "provides": "provide", "has": "have", "uses": "use", "defines": "define"}


def list_front(lead: str, n_items: int) -> str | None:
    """The question whose answer is the list a colon lead introduces, or None when the lead does not carry its own
    context ("The first two are:", "This means the following are ...:") or its count does not match the items."""
    m = _THERE.match(lead)
    if m:
        return _counted(m, n_items) and f"What are the {m.group('n')} {m.group('what')} {m.group('rest')}?"
    m = _PLACE.match(lead)
    if m and not _RANK.search(m.group("np")):
        return f"What {m.group('v')} the {m.group('np')} {m.group('pre')[:1].lower()}{m.group('pre')[1:]}?"
    m = _THE_NP.match(lead)
    if m and len(m.group("np").split()) >= 2 and not _RANK.search(m.group("np")):
        return f"What {m.group('v')} the {m.group('np')}?"
    m = _HEADED.match(lead)
    if m:
        np = re.sub(r"^the ", "", m.group("np"), flags=re.I)
        the = "" if np.lower().startswith("examples") else "the "
        return f"What are {the}{np[:1].lower()}{np[1:]}?"
    m = _PASSIVE.match(lead)
    if m and not _RANK.search(m.group("subj")):
        return f"How is {m.group('subj')[:1].lower()}{m.group('subj')[1:]} {m.group('vbn')}?"
    m = _OFFERS.match(lead)
    if m and _counted(m, n_items):
        subj = m.group("subj")
        does = "does"
        return f"What {m.group('n')} {m.group('what')} {does} {subj} {_VERB_BASE.get(m.group('v'), m.group('v').rstrip('s'))}?"
    m = _STEPS.match(lead)
    if m and _counted(m, n_items):
        return f"What are the {m.group('n')} {m.group('what')} of {m.group('subj')}?"
    return None


def _counted(m: re.Match, n_items: int) -> bool:
    return _COUNTS.get(m.group("n"), int(m.group("n")) if m.group("n").isdigit() else 0) == n_items
