"""Cards from the term entries of slides and handouts: a "Term: explanation" line the cleaner made a glossary entry
("Reducible error: variation in response that arises directly from causal predictors") and a slide bullet that
explains its term in brackets ("First fit (searches from the beginning of the linked list)").

Labels ("Drawback:", "Task:"), instructions, code and symbols are no terms; an explanation must say what the term
is or does in three words or more.
"""

from __future__ import annotations

import re

from seekh_convert.generate.offline.cards import entry_explains, entry_front
from seekh_convert.generate.offline.glosses import _term_ok
from seekh_convert.model.document import BlockKind
from seekh_convert.model.guide import Flashcard
from seekh_convert.model.sources import ref_at
from seekh_convert.text import parse
from seekh_convert.text.terms import term_key
from seekh_convert.text.words import surface_words

#: Words before a colon that label a line rather than name a term.
_LABELS = frozenset(
    """drawback drawbacks issue issues advantage advantages disadvantage disadvantages pro pros con cons problem
    problems task tasks bonus note notes example examples hint tip goal aim question answer step steps idea
    benefit benefits limitation limitations solution warning reminder""".split()
)
_PAREN = re.compile(r"^(?P<term>[A-Z][\w-]*(?: [\w-]+){0,3}) \((?P<body>[^()]{10,160})\)$")
_CUT = re.compile(r",?\s*(?:\bexample\b|\be\.g\.|\beg\b|\bfor example\b|\bsee\b).*$", re.I)
_BAD_BODY = re.compile(r"[=<>|]|\s[-\u2013]\s|\(\)|\bfig(?:ure)?\b|\bsee\b", re.I)
_PRONOUN = frozenset("it this that these those he she they we you i".split())


def entry_cards(ta, asked: set[str], left: set[str] = frozenset(), limit: int = 6) -> list[Flashcard]:
    """ "What is X?" cards of the topic's term entries whose term no card asks yet (``asked``: term keys) and whose
    text is not left to a question (``left``: quotes), in source order, at most ``limit``."""
    out: list[Flashcard] = []
    seen = set(asked)
    for block in ta.topic.blocks:
        if len(out) >= limit or not block.usable and block.kind is not BlockKind.GLOSSARY:
            continue
        found = _glossary(block) if block.kind is BlockKind.GLOSSARY else _bracketed(block) if block.bullet else None
        if found is None or term_key(found[0]) in seen:
            continue
        term, back, quote = found
        if any(q and q in block.text for q in left):
            continue  # a naming question asks this one
        start = block.text.find(quote)
        ref = ref_at(block, max(start, 0), max(start, 0) + len(quote), quote)
        out.append(Flashcard(kind="basic", front=entry_front(_lower(term), back), back=back, source=ref))
        seen.add(term_key(term))
    return out


def _lower(term: str) -> str:
    """ "Reducible error" -> "reducible error"; names keep their case ("Burke’s theory", "Elaboration Likelihood Theory")."""
    words = term.split()
    if words[0][1:].islower() and all(w.islower() for w in words[1:]) and not re.search(r"['’]s$", words[0]):
        return term[:1].lower() + term[1:]
    return term


def _term(term: str) -> bool:
    if re.match(r"^\W*[A-Za-z]+(?:ed|en)\s+(?:on|upon|to|by|with|for|from|in|at)\b", term):
        return False  # "Based on chief complaint: May focus on ..." (set 36's wrong key): a phrase, not a term
    if re.search(r"\s[a-z]$", term.strip()):
        return False  # "Asymmetric gate approaches g = 1 on critical input" (set 72's deck): an equation, not a term
    words = surface_words(term)
    if not words or words[0].lower() in _LABELS or len(words) == 1 and words[0].lower() in _LABELS:
        return False
    if len(words) > 1 and words[0].lower() in ("first", "next", "last", "best", "worst"):
        term = " ".join(words[1:])  # "First fit", "Next fit": a named strategy, not a place in a list
    return _term_ok(term) and not (len(words) == 1 and term.islower() and len(term) <= 5)  # "wday": code


def _glossary(block) -> tuple[str, str, str] | None:
    """ "Reducible error" / "variation in response that arises directly from causal predictors"; outside a slide
    the explanation is a noun phrase, "To ..." or "Having ..." (a book's glossary), never a clause ("Formatting
    debugging output can make ...": a line the cleaner split at a colon)."""
    term, body = (block.term or "").strip(), block.text.strip()
    if not _term(term) or not _body(body) or f" {term_key(term)} " in f" {term_key(body)} ":
        return None
    if _properties(term, body):
        return None
    if not entry_explains(block):
        return None
    return term, f"{body[:1].upper()}{body[1:].rstrip(' .;,:')}.", body


def _bracketed(block) -> tuple[str, str, str] | None:
    """ "First fit (searches from the beginning of the linked list)": the term, then what it is or does."""
    m = _PAREN.match(block.text.strip())
    if m is None:
        return None
    term, body = m.group("term"), _CUT.sub("", m.group("body")).strip(" ,;")
    if not _term(term) or not _body(body, instruction=True) or parse.parse(term)[0].tag_ == "VB":
        return None  # "Restore previous state afterwards (interrupts may ...)": a step to take, not a term (set 40)
    if _properties(term, body):
        return None
    doc = parse.parse(body)
    verb = doc[0].tag_ in ("VBZ", "VBP", "VB") or doc[0].lower_ == "similar"
    phrase = doc[0].pos_ in ("ADJ", "NOUN") and any(t.dep_ == "prep" for t in doc)
    if not (verb or phrase) or len(surface_words(body)) < 3:
        return None
    return term, f"{term}: {body[:1].lower()}{body[1:]}.", block.text.strip()


def _properties(term: str, body: str) -> bool:
    """True for properties weighed against each other, no term and its explanation: "Thicker and wider (density vs.
    speed)" (set 68's deck asked "What is thicker and wider?")."""
    if re.search(r"\b(?:vs\.?|versus)\s", body):
        return True
    doc = parse.parse(term.lower())  # "thicker and wider", not "little endian" (set 43's KEEP)
    return all(t.pos_ in ("ADJ", "CCONJ", "ADV") for t in doc) and any(t.tag_ in ("JJR", "RBR", "CC") for t in doc)


def _body(body: str, instruction: bool = False) -> bool:
    words = surface_words(body)
    if not 3 <= len(words) <= 30 or words[0].lower() in _PRONOUN or _BAD_BODY.search(body) or body.endswith(":"):
        return False
    # an instruction ("fit the following models ..."), not an explanation; in brackets after a term it says what the
    # term does ("Best fit (take the smallest adequate hole)")
    doc = parse.parse(body)
    if not any(t.pos_ in ("VERB", "AUX") or t.dep_ in ("prep", "relcl", "acl") for t in doc):
        return False  # "A marketing issue", "Distraction (noise) and medium": a label, not what the term is
    return instruction or doc[0].tag_ != "VB"
