"""A slide's term bullet explained by its one sub-bullet (set 69's "Key Ideas" slide: "Return-oriented programming" /
"Find gadgets with the desired instructions, place gadget addresses on stack ..."; "Gate leakage" / "Tunneling through
ultrathin gate dielectric"; "Debug Subsystem" / "Handles debug control, program breakpoints, and data watchpoints").

The bullet is a noun phrase and nothing else; the sub-bullet is the only one under it and says what the term is (a
noun phrase: "What is X?"), does (a verb in the third person: "What does X do?") or how it is done (an imperative:
"How does X work?"). A sub-bullet that is a clause of its own ("So nMOS gates leak more") or one of several (a list of
the term's parts or properties) is no explanation. The parse decides; ``explained_bullets`` gives (term, text, ref,
front, back, kind) tuples, the fields of ``wholedef.Found``.
"""

from __future__ import annotations

import re

from seekh_convert.generate.offline.cards import MASS_HEAD, gloss_article
from seekh_convert.model.document import BlockKind
from seekh_convert.model.sources import ref_at
from seekh_convert.text import parse
from seekh_convert.text.lexicon import generic_word, plural, word_classes
from seekh_convert.text.standalone import stands_alone
from seekh_convert.text.words import surface_words

_TERM_WORDS = 5
_MIN_WORDS, _MAX_WORDS = 4, 30
#: A sub-bullet that leans on the bullet or the slide before it, or gives an example rather than an explanation.
_LEANS = re.compile(
    r"^(?:so|but|and|or|also|then|thus|hence|this|these|that|those|it|its|they|their|same|similar|e\.\s?g\.|i\.\s?e\."
    r"|for example|for instance|example|see|note|typically|usually|often|always|never|only|not|no|more|less|[\d+\-=<>])\b",
    re.I,
)
#: What a term bullet never is: a label of the slide's structure ("Pros", "Approaches", "Example", "Summary").
_LABEL = re.compile(
    r"^(?:pros?|cons?|advantages?|disadvantages?|benefits?|drawbacks?|approach(?:es)?|examples?|applications?|uses?"
    r"|summary|overview|notes?|goals?|idea|ideas|problems?|solutions?|questions?|answers?|results?|steps?|methods?"
    r"|definitions?|properties|types|kinds|features|versions?|options|issues|challenges|motivation|background)$",
    re.I,
)
#: A bullet that goes on from the one before it ("But nonrestoring") or tells what to do ("Count number of squares").
_OPENER = re.compile(r"^(?:but|and|or|so|also|then|count|use|find|add|compute|calculate|make|get|set|see|try)\b", re.I)
_HAS = frozenset("contain include comprise consist have hold".split())
#: Maths or a measurement: no explanation in words ("Die size scaled by Dc ≈ 1.1", "R = R * (# of squares)").
_MATHS = re.compile(r"[=≈<>*/^#±×÷∝]|\d")
_EXPLAINING = (BlockKind.PARAGRAPH, BlockKind.SUMMARY, BlockKind.LIST_ITEM)


def explained_bullets(ta) -> list[tuple]:
    """(term, text, ref, front, back, "bullet") for each term bullet of the topic's slides and its one sub-bullet."""
    blocks = ta.topic.blocks
    out = []
    for i, block in enumerate(blocks):
        if not block.bullet or block.slide is None or block.kind not in (BlockKind.FRAGMENT, BlockKind.PARAGRAPH):
            continue
        sub = _only_sub(blocks, i)
        term = _term(block.text) if sub is not None else None
        if term is None:
            continue
        found = _explained(term, sub)
        if found is not None:
            out.append(found)
    return out


def _only_sub(blocks, i: int):
    """The one block one level under bullet ``i`` on its slide, or None (none, several, or a deeper list)."""
    block = blocks[i]
    subs = []
    for b in blocks[i + 1 :]:
        if b.slide != block.slide or b.bullet <= block.bullet:
            break
        subs.append(b)
    if len(subs) != 1 or subs[0].bullet != block.bullet + 1 or subs[0].kind not in _EXPLAINING:
        return None
    return subs[0]


def _term(text: str) -> str | None:
    """The bullet's text when it is a term: a noun phrase of up to five words, no label, no sentence."""
    term = text.strip().rstrip(":").strip()
    words = surface_words(term)
    if not 1 <= len(words) <= _TERM_WORDS or not term[:1].isalpha() or re.search(r"[.!?;,=<>\d]|\u2026", term):
        return None
    if _LABEL.match(term) or (len(words) == 1 and generic_word(term)) or _OPENER.match(term):
        return None
    doc = parse.parse(term)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    verbs = [t for t in doc if t.pos_ in ("AUX", "PRON") or t.pos_ == "VERB" and t.dep_ != "amod"]  # "Return-oriented"
    if root is None or root.pos_ not in ("NOUN", "PROPN") or verbs:
        return None
    return term


def _explained(term: str, sub) -> tuple | None:
    """The card and definition when ``sub`` explains ``term``: a noun phrase, or a verb phrase without a subject."""
    text = sub.text.strip()
    n = len(surface_words(text))
    if not _MIN_WORDS <= n <= _MAX_WORDS or _LEANS.match(text) or text.endswith(("?", ":")) or not stands_alone(text):
        return None
    if _MATHS.search(text) or _circular(term, text):
        return None
    form = _form(text)
    head = term.split()[-1].lower()
    if form in ("does", "has"):
        verb = "contain" if form == "has" else "do"  # "Contains internal registers, the ALU, ..."
        front, lead = f"What does {_named(term)} {verb}?", "It "  # "Handles debug control, ..."
    elif form == "how" and re.search(MASS_HEAD, head):
        front, lead = f"How does {_named(term)} work?", ""  # "Place instructions on stack, overwrite ..."
    elif form == "what" and "," not in text and not plural(head):
        front, lead = f"What is {_named(term, text)}?", ""  # "Reverse-biased PN junction diode current"
    else:
        return None  # a list ("Lower energy cost, longer battery life"), a step for a thing ("Use CI width to ...")
    back = text[:1].upper() + text[1:]
    back = back if back[-1:] in ".!?" else back + "."
    said = f"{lead}{back[:1].lower()}{back[1:]}" if lead else back
    definition = f"{term[:1].upper()}{term[1:]}: {said}"
    quote = f"{term} … {text}"
    ref = ref_at(sub, 0, len(sub.text), sub.text).model_copy(update={"quote": quote})
    return (term, definition, ref, front, back, "bullet")


def _circular(term: str, text: str) -> bool:
    """True when the explanation names the term's own head ("Memory protection unit (MPU)": "Optional 8 or 16
    region MPU ..."): the term explained by itself."""
    words = [w.lower() for w in surface_words(term) if len(w) >= 3]
    heads = {words[-1], *(w for w in surface_words(term) if w.isupper())} if words else set()
    said = {w.lower() for w in surface_words(text)}
    return any(h.lower() in said for h in heads)


def _form(text: str) -> str | None:
    """How ``text`` explains a term: "does" (a verb in the third person: "Handles ..."), "how" (an imperative: "Place
    ..."), "what" (a noun phrase), or None (a clause of its own). The small model reads a bare verb phrase as a noun
    phrase ("Place instructions" as a compound), so each reading is tried after the subject it lacks: "It handles ...",
    "It place ...", "It is ..."."""
    low = text[:1].lower() + text[1:] if not text[1:2].isupper() else text
    doc = parse.parse(f"It {low}")
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    verb = "VERB" in word_classes(root.text.lower()) if root is not None else False  # not "It current through ..."
    if verb and root.i == 1 and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children if c.i):
        if root.tag_ == "VBZ":
            return "has" if root.lemma_ in _HAS else "does"
        if root.tag_ in ("VBP", "VB"):
            return "how"
    return "what" if any(_noun_phrase(parse.parse(f"It is {det}{low}")) for det in ("", "the ")) else None


def _noun_phrase(doc) -> bool:
    """True when "It is ..." reads as the copula and one noun phrase to its end: "It is [the] current through the
    reverse-biased junctions ..." (the article helps the parser read a bare noun as one)."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.i != 1 or root.lemma_ != "be" or doc[2].tag_ in ("JJR", "RBR"):
        return False  # "Lower energy cost, ...": what it gains
    first = doc[3] if doc[2].lower_ == "the" and len(doc) > 3 else doc[2]
    if first.tag_ in ("VBN", "VBD"):
        return False  # "Caused by nonzero line resistance": a cause, not what it is
    attr = [c for c in root.children if c.dep_ == "attr"]
    others = [c for c in root.children if c.i > 1 and c.dep_ not in ("attr", "prep", "punct")]
    verbs = [t for t in doc[2:] if t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG")]
    return len(attr) == 1 and not others and not verbs


def _named(term: str, explanation: str | None = None) -> str:
    """The term as a question names it: lower case unless it holds an acronym or a name's capitals inside a word,
    with the article its kind takes ("What is a ...?" as its explanation reads; "What does the debug subsystem do?",
    "How does code injection work?")."""
    words = term.split()
    if not any(w[1:] and not w[1:].islower() for w in words):
        term = " ".join(w[:1].lower() + w[1:] for w in words)  # "Debug Subsystem", "Junction leakage"
    if term[:1].isupper():
        return term  # "ASLR", "NVIC"
    if explanation is not None:
        return f"{gloss_article(term, explanation)}{term}"
    head = term.split()[-1].lower()
    mass = re.search(MASS_HEAD, head) or head.endswith("s") and not head.endswith("ss")
    return term if mass else f"the {term}"
