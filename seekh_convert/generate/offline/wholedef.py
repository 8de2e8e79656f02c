"""Definitions the title-term finders (``titledef``, ``glosses``) miss, found by reading the whole topic:

- a rule or condition list a colon introduces: "There are three interrelated rules that make a dataset tidy:" and
  its list items ("Each variable is a column; ..."), or "In the UK it is an offence to ... where:" and its conditions;
- a role sentence about a name: "Hephaestus is the craftsman." (with "He makes all the beautiful things." after it);
- what a named method does: "FIFO picks the oldest page as the victim page to be replaced";
- a slide bullet naming its term last: "The set of pages a process currently using called working set".

Each gives the topic's Definition (when its term is the title's) and a flashcard. Only the sentences a cheap look
picks are parsed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from seekh_convert.generate.offline.bullets import explained_bullets
from seekh_convert.generate.offline.cards import ask_what
from seekh_convert.generate.offline.leddef import (
    asked_then_said,
    continued_bullets,
    definition_of,
    law_lines,
    led_definitions,
    procedures,
    we_mean,
    which_is,
)
from seekh_convert.generate.offline.lists import list_front
from seekh_convert.generate.offline.sentences import Sentence, prime
from seekh_convert.generate.offline.titledef import title_terms
from seekh_convert.model.document import BlockKind
from seekh_convert.model.guide import Definition, Flashcard, SourceRef
from seekh_convert.model.sources import ref_at
from seekh_convert.text import parse
from seekh_convert.text.lexicon import generic_word, zipf
from seekh_convert.text.standalone import stands_alone
from seekh_convert.text.terms import term_key, term_pattern
from seekh_convert.text.words import surface_words

_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6}
#: "There are three interrelated rules that make a dataset tidy:"
_THERE_ARE = re.compile(
    r"^There (?:are|were) (?P<n>two|three|four|five|six|seven|[2-6]) (?P<what>(?:[a-z-]+ ){0,2}?"
    r"(?:rules|conditions|criteria|requirements|properties|principles|parts|components|elements|steps|stages|phases"
    r"|features|characteristics|types|kinds|ways|reasons|advantages|assumptions|laws|levels))"
    r" (?P<rest>(?:that|which|for|of|to|in) [^:]{3,120}):$"
)
#: "In the UK it is an offence to access any computer ... where:" (the conditions follow).
_OFFENCE = re.compile(r"\bit is (?:an? )?(?:offence|crime|criminal offence|illegal|unlawful)\b.*\b(?:where|if|when)\s*:$", re.I)
_POINTING = re.compile(r"\b(?:it|its|this|these|those|they|their|above|following|below)\b", re.I)
_ITEM_WORDS = 30
#: A list lead that leans on the text before it ("This means the following are ...", "The first two are:").
_LEANS = re.compile(r"^(?:this|these|those|they|such|he|she|we)\b|\b(?:above|below|these|those|former|latter)\b", re.I)
_PERSON = re.compile(
    r"(?:man|woman|men|er|or|ist|god|goddess|king|queen|son|daughter|wife|husband|mother|father|child|hero|heroine"
    r"|lord|lady|master|patron|messenger|thief|guardian|protector|ruler|founder|leader|poet|smith)$"
)
_CALLED = re.compile(
    r"^(?P<np>(?:The|A|An) [A-Za-z][\w'’\- ]{8,90}?) (?:called|known as|termed) (?:the |an? )?"
    r"(?P<term>[A-Za-z][\w'’\-]*(?: [A-Za-z][\w'’\-]*){0,3})\.?$"
)
#: "In the UK, courts adopt a system known as “precedent”. This arranges the courts into a hierarchy."
_NAMED_THEN = re.compile(
    r"(?:^|(?<=[.!?] ))(?P<named>[A-Z][^.!?]{5,160}? (?:an?|the) [a-z]+ (?:known as|called|termed) [\"“‘]?"
    r"(?P<term>[A-Za-z][\w\- ]{2,40}?)[\"”’]?\.) (?P<this>This (?!is\b|was\b)[a-z]+s [^.!?]{5,150}[.!?])"
    r"(?: (?P<more>If [^.!?]{5,200}[.!?]))?"
)
_COPULA = re.compile(r"\b(?:is|are|was|were|be|been)$")


@dataclass(frozen=True)
class Found:
    """A definition of ``term`` the whole topic gives: ``text`` for the Definition, ``front``/``back`` for its card."""

    term: str
    text: str
    ref: SourceRef
    front: str
    back: str
    kind: str  # "list", "role", "action", "parts", "called"

    def definition(self) -> Definition:
        """The Definition: its text, led by the term where the text does not open with it."""
        text = self.text
        if self.term and not term_pattern(self.term).match(re.sub(r"^(?:the|an?)\s+", "", text, flags=re.I)):
            text = f"{self.term[:1].upper()}{self.term[1:]}: {text}"
        return Definition(text=text, source=self.ref)

    def card(self) -> Flashcard:
        return Flashcard(kind="basic", front=self.front, back=self.back, source=self.ref)


def whole_topic(ta) -> list[Found]:
    """Every definition of these shapes the topic (a ``TopicAnalysis``) gives, in source order (computed once)."""
    if "wholedef" not in ta.memo:
        terms = _heading_terms(ta)
        shaped = led_definitions(ta, terms) + continued_bullets(ta, terms) + procedures(ta) + law_lines(ta) + we_mean(ta)
        shaped += which_is(ta) + definition_of(ta) + asked_then_said(ta) + explained_bullets(ta)
        ta.memo["wholedef"] = _lists(ta) + _sentences(ta) + [Found(*f) for f in shaped]
    return ta.memo["wholedef"]


def own_definitions(ta) -> list[Found]:
    """The ones whose term is the topic title's own (a term of the title, one inside it, or its abbreviation)."""
    return [f for f in whole_topic(ta) if names_topic(f.term, ta.topic.title)]


def names_topic(term: str, title: str) -> bool:
    """True when ``term`` is a term of ``title`` or a phrase of two words or more inside it ("working set" of "Working
    Set Page Replacement (1)"); the key words of a list lead count ("tidy" of "Tidy data")."""
    key = term_key(term)
    if not key:
        return False
    title = re.sub(r"\s*\(\d+\)\s*$", "", title)
    if term.isupper() and f"({term})" in title:
        return True
    for t in title_terms(title):
        tk = term_key(t)
        if key == tk or (" " in key and f" {key} " in f" {tk} "):
            return True
    return False


# -- lists a colon introduces ----------------------------------------------------------------------------------


def _lists(ta) -> list[Found]:
    blocks = ta.topic.blocks
    out = []
    for i, block in enumerate(blocks):
        text = block.text.strip()
        if not text.endswith(":") or not block.usable or block.kind is BlockKind.LIST_ITEM:
            continue
        lead = _last_sentence(text)
        items = _items(blocks, i)
        found = _list_found(ta, block, lead, items) if items else None
        if found is not None:
            out.append(found)
    return out


def _last_sentence(text: str) -> str:
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text)
    return parts[-1].strip()


def _items(blocks, i: int) -> list:
    """The list item blocks right after block ``i`` (2 to 7 of them, each short), or []."""
    items = []
    for b in blocks[i + 1 :]:
        if b.kind is not BlockKind.LIST_ITEM and not (b.bullet and b.bullet > blocks[i].bullet):
            break
        items.append(b)
    if not 2 <= len(items) <= 7 or any(len(surface_words(b.text)) > _ITEM_WORDS or not b.usable for b in items):
        return []
    return items


def _list_found(ta, block, lead: str, items: list) -> Found | None:
    if len(surface_words(lead)) > 30 or _LEANS.search(lead):
        return None
    m = _THERE_ARE.match(lead)
    offence = _OFFENCE.search(lead)
    if m is not None and (_COUNTS[m.group("n")] != len(items) or _POINTING.search(m.group("rest"))):
        return None
    bodies = [re.sub(r"[;,]?\s*(?:\b(?:or|and))?\s*$", "", b.text.strip()) for b in items]
    bodies = [re.sub(r"^\(?\d{1,2}[.)]\s+", "", t) for t in bodies]  # "1. The converse: ..." numbered once (set 36)
    listed = " ".join(f"({k}) {t[:1].upper()}{t[1:].rstrip('.;,')}." for k, t in enumerate(bodies, 1))
    begin = block.text.rfind(lead)
    ref = ref_at(block, begin, begin + len(lead), lead)
    ref = ref.model_copy(update={"quote": " … ".join([lead, *(b.text.strip() for b in items)])})
    front = _offence_front(lead) if offence is not None else list_front(lead, len(items))
    if not front:
        return None
    term = _list_term(ta.topic.title, lead) if m is not None or offence is not None else None
    text = f"{lead} {listed}"
    return Found(term or "", text, ref, front, listed, "list")


def _list_term(title: str, lead: str) -> str | None:
    """The title's term when the lead names it or its key word ("tidy" of "Tidy data", "computer" of "Computer
    Misuse"), else None (the list is a card, not the topic's definition)."""
    low = lead.lower()
    for t in title_terms(title):
        words = [w for w in surface_words(t) if len(w) >= 4]
        if words and words[0].lower()[:4] in low and any(re.search(rf"\b{re.escape(w.lower()[:4])}", low) for w in words):
            return t
    return None


def _offence_front(lead: str) -> str | None:
    """ "In the UK it is an offence to access any computer ... where:" -> "When is it an offence, in the UK, to ...?" """
    m = re.match(r"^(?P<pre>.*?)\bit is (?P<what>(?:an? )?[a-z ]+?) (?P<to>to .*?) (?:where|if|when)\s*:$", lead, re.I)
    if m is None:
        return None
    pre = m.group("pre").strip().rstrip(",")
    where = f", {pre[:1].lower()}{pre[1:]}," if pre else ""
    return f"When is it {m.group('what')}{where} {m.group('to')}?"


# -- sentences: a role, what a method does, a term named last ----------------------------------------------------


def _heading_terms(ta) -> list[str]:
    names = [ta.topic.title, *(b.text for b in ta.topic.blocks if b.kind is BlockKind.HEADING)]
    out: list[str] = []
    for n in names:
        n = re.sub(r"\s*\(\d+\)\s*$", "", n)  # "Working Set Page Replacement (1)"
        out += [t for t in title_terms(n) if t not in out]
        out += [a for a in re.findall(r"\(([A-Z][A-Z0-9]{1,6})\)", n) if a not in out]  # "... (LRU) Algorithm"
    return out


def _sentences(ta) -> list[Found]:
    terms = _heading_terms(ta)
    patterns = [(t, term_pattern(t)) for t in terms]
    picked = []
    for s in ta.sentences:
        if s.n_words > 35 or s.block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
            continue
        head = next((t for t, p in patterns if p.search(s.text)), None)
        if head is not None:
            picked.append((s, head))
    prime([s for s, _ in picked])
    out = []
    for s, term in picked:
        found = _action(s, term)
        if found is not None:
            out.append(found)
    out += _called(ta) + _roles(ta) + _explained(ta)
    return out


def _subject_root(doc, term: str):
    """The verb whose subject is ``term`` (the main clause's, or a clause joined to it by "and"), or None."""
    m = term_pattern(term).search(doc.text)
    span = doc.char_span(m.start(), m.end(), alignment_mode="expand") if m else None
    if span is None:
        return None
    subj = span.root
    if subj.dep_ not in ("nsubj", "nsubjpass") or subj.pos_ not in ("PROPN", "NOUN") or subj.head.dep_ not in ("ROOT", "conj"):
        return None
    return subj.head


def _roles(ta) -> list[Found]:
    """ "Hephaestus is the craftsman." about a name the title gives, with the next sentence when it goes on about
    him ("He makes all the beautiful things."); short sentences too, read from the blocks."""
    out = []
    for term in title_terms(ta.topic.title):
        if not term[:1].isupper() or term.isupper() or " " in term:
            continue
        rx = re.compile(
            rf"(?:^|(?<=[.!?] )){re.escape(term)} (?:is|was) the (?P<role>[a-z]+)\.(?: (?P<more>(?:He|She|It|They) [^.?!]{{5,80}}\.))?"
        )
        for block in ta.topic.blocks:
            m = rx.search(block.text) if block.usable else None
            if m is None:
                continue
            doc = parse.parse(m.group().split(". ")[0] + ".")
            attr = next((t for t in doc if t.dep_ == "attr"), None)
            if attr is None or attr.pos_ != "NOUN" or doc[0].pos_ != "PROPN":
                continue
            if m.group("more") and len(m.group("more").split()) > 15:
                continue
            ask = "Who" if _PERSON.search(attr.lower_) else "What"
            quote = m.group()
            out.append(Found(term, quote, ref_at(block, m.start(), m.end(), quote), f"{ask} is {term}?", quote, "role"))
            break
    return out


#: What a method does to its input ("picks the oldest page"); "needs", "uses", "makes" say nothing of what it is.
_DOING = frozenset(
    """pick select choose replace evict remove find assign map sort store compute calculate return divide split merge
    search schedule allocate track move convert translate compress encrypt estimate predict classify measure""".split()
)


#: Verbs that say what a thing is made of ("An assignment statement consists of an expression ... and a variable").
_PARTS = frozenset({"consist", "comprise"})


def _parts(s: Sentence, term: str, verb) -> Found | None:
    """ "An assignment statement consists of an expression on the right-hand side and a variable to store the result":
    what a heading's term is made of, asked with the sentence's own subject ("What does an assignment statement
    consist of?")."""
    if not (s.complete or s.block.bullet) or not stands_alone(s.display):
        return None
    if verb.lemma_ == "consist" and not any(c.dep_ == "prep" and c.lower_ == "of" for c in verb.children):
        return None
    if verb.lemma_ == "comprise" and not any(c.dep_ == "dobj" for c in verb.children):
        return None
    subj = next(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))
    first = verb.doc[subj.left_edge.i]
    if first.i != 0 or any(t.lower_ in ("this", "these", "that", "those", "it", "they") for t in subj.subtree):
        return None  # "The main one consists of ...": what the subject is needs its context
    phrase = verb.doc[subj.left_edge.i : subj.i + 1].text
    named = first.pos_ == "PROPN" or (len(phrase.split()) > 1 and phrase.split()[1][:1].isupper())
    phrase = phrase if named else phrase[:1].lower() + phrase[1:]  # "Project Risk Management" is a name
    aux = "does" if verb.tag_ == "VBZ" else "do"
    front = f"What {aux} {phrase} consist of?" if verb.lemma_ == "consist" else f"What {aux} {phrase} comprise?"
    return Found(term, s.display, s.ref(), front, s.display, "parts")


def _action(s: Sentence, term: str) -> Found | None:
    """ "FIFO picks the oldest page as the victim page to be replaced": what a method (a heading's term) does; what
    it is made of (``_parts``)."""
    doc = s.parsed
    verb = _subject_root(doc, term)
    if verb is not None and verb.lemma_ in _PARTS and verb.tag_ in ("VBZ", "VBP"):
        return _parts(s, term, verb)
    if verb is None or verb.tag_ != "VBZ" or verb.lemma_ in ("be", "have"):
        return None
    if not any(c.dep_ == "dobj" for c in verb.children) or not (s.complete or s.block.bullet) or not stands_alone(s.display):
        return None
    if verb.lemma_ not in _DOING:
        return None
    if " " not in term.strip() and (generic_word(term.lower()) or zipf(term.lower()) >= 4.5):
        return None  # "What does method do?" -> "The method also finds application ..." (set 34): which method?
    named = term if term.isupper() or not term[1:].islower() else term.lower()
    return Found(term, s.display, s.ref(), f"What does {named} do?", s.display, "action")


def _explained(ta) -> list[Found]:
    """ "In the UK, courts adopt a system known as “precedent”. This arranges the courts into a hierarchy. If a court
    higher up ... must follow it.": a term named at the end of a sentence, then said what it does."""
    out = []
    for block in ta.topic.blocks:
        m = _NAMED_THEN.search(block.text) if block.usable else None
        if m is None or len(m.group("term").split()) > 4:
            continue
        quote = m.group()
        term = m.group("term")
        out.append(Found(term, quote, ref_at(block, m.start(), m.end(), quote), ask_what(term), quote, "explained"))
    return out


def _called(ta) -> list[Found]:
    """ "The set of pages a process currently using called working set": a bullet naming its term last, without the
    verb a sentence would have ("... is called X" sentences are the glosses' and the naming questions')."""
    out = []
    for s in ta.sentences:
        if not s.block.bullet:
            continue  # a slide's fragment; a sentence's "X called Y" is the glosses' (its parse says what it names)
        m = _CALLED.match(s.text.strip())
        if m is None or _POINTING.search(m.group("np")) or s.n_words > 30 or _COPULA.search(m.group("np")):
            continue
        term = m.group("term").strip()
        if len(term.split()) > 4 or term.lower() in ("it", "this", "that"):
            continue
        np = m.group("np")
        text = f"{term[:1].upper()}{term[1:]}: {np[:1].lower()}{np[1:]}."
        out.append(Found(term, text, s.ref(), f"What is the {term}?", f"{np}.", "called"))
    return out


def whole_cards(ta, cards: list[Flashcard]) -> list[Flashcard]:
    """Cards of the topic's ``whole_topic`` definitions whose term and quote no card of ``cards`` has yet."""
    from seekh_convert.text.defining import asked_term

    asked = {term_key(x) for c in cards if c.kind == "basic" and (x := asked_term(c.front))}
    quotes = {c.source.quote for c in cards}
    out = []
    for f in whole_topic(ta):
        if f.ref.quote in quotes or (f.term and term_key(f.term) in asked):
            continue
        out.append(f.card())
        quotes.add(f.ref.quote)
        asked.add(term_key(f.term))
    return out
