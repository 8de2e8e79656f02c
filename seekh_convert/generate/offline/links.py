"""Prerequisites, what to learn next and applications, as ranked candidate lists.

Every link item quotes a sentence of the topic in which its linked term is used, so the words of the
link occur in its evidence. The first candidates go into the guide; the rest are spares for repairs.
"""

from __future__ import annotations

import re
from functools import lru_cache

from seekh_convert.generate.offline.analysis import DocAnalysis, TopicAnalysis
from seekh_convert.generate.offline.context import carries_context
from seekh_convert.generate.offline.sentences import Sentence
from seekh_convert.generate.offline.statements import citation_share, good_title, key_terms, titled, use_score
from seekh_convert.generate.offline.terms import FIGURE_REF, Term
from seekh_convert.model.document import BlockKind
from seekh_convert.model.guide import Application, LearnNext, Prerequisite
from seekh_convert.model.sources import ref_at
from seekh_convert.text.defining import defined_terms
from seekh_convert.text.lexicon import zipf
from seekh_convert.text.terms import term_key, term_pattern
from seekh_convert.text.words import STOPWORDS, surface_words

#: Links and applications shown in a guide (the rest of each list are spares).
SHOWN = 3
_POOL = 10


def _title(t: TopicAnalysis) -> str:
    return (t.topic.title.strip() or f"Topic {t.topic.index}")[:300]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


_GENERIC = frozenset(
    """equal equals number numbers part parts case cases fact facts term terms topic topics section chapter idea ideas
    concept concepts problem problems result results question questions answer answers value values student students
    class lecture clicker clickers demo practice order level type types kind form side place set group area thing
    things example examples way ways today minute minutes second seconds end start reason reasons""".split()
)


def linkable(t: Term) -> bool:
    """A term fit to be a prerequisite or learn-next topic: not a generic or classroom word."""
    ws = [w.lower() for w in surface_words(t.text)]
    if len(ws) == 1 and zipf(ws[0]) >= _EVERYDAY:
        return False  # "space", "offer": an everyday word this topic may use in its everyday sense (set 40's links)
    return bool(ws) and not all(w in _GENERIC or w in STOPWORDS for w in ws) and (len(ws) > 1 or len(ws[0]) >= 4)


#: Zipf frequency from which one word is everyday English.
_EVERYDAY = 5.0


def mention(ta: TopicAnalysis, term: str) -> Sentence | None:
    """The best sentence of the topic that uses ``term``: central and stating something, not chatter."""
    key = ("mention", term)
    if key not in ta.memo:
        pat = term_pattern(term)
        hits = [s for s in ta.ranked[:80] if pat.search(s.text)]
        best = max(hits, key=lambda s: (ta.scores.get(s.order, 0.0) + 0.5 * ta.claim(s), -s.order)) if hits else None
        ta.memo[key] = best
    return ta.memo[key]


def _add(out: list, seen: set[str], name: str, item) -> None:
    key = (term_key(name) or name.casefold()).rstrip("s")  # "cathode rays" = "cathode ray"
    if key not in seen:
        seen.add(key)
        out.append(item)


def _said_there(ta: TopicAnalysis, t: Term) -> Sentence | None:
    """What topic ``ta`` says about ``t``: its definition there, else its most central sentence naming ``t``;
    only sentences that stand alone."""
    own = next((x for x in ta.terms if x.key == t.key and x.defined and x.definition.alone), None)
    if own is not None:
        return own.definition
    s = mention(ta, t.text)
    return s if s is not None and s.alone else None


def _why(s: Sentence) -> str:
    """A link's reason: a sentence of the source, as it stands."""
    return s.display[:4000]


#: A label under which the source lists what to know first ("Prerequisites", "Before you begin:").
_PREREQUISITES = re.compile(
    r"^\W*(?P<label>pre-?requisites?|before you (?:begin|start)|what you (?:should|need to) know(?: first)?"
    r"|required background|background (?:knowledge|needed))\s*:?\s*(?P<rest>.*)$",
    re.I,
)
_MAX_STATED = 6


#: Where an entry's name ends and its examples or explanation begin: ", such as ...", " (familiarity with the ...)", not
#: a short parenthesis of its own ("tuples (basics, crossproduct)").
_EXAMPLES_AFTER = re.compile(r",\s+(?:such as|e\.g\.|including|like|for example)\b|\s+\((?=(?:[^)\s]*\s){3})|:\s")


def stated_prerequisites(ta: TopicAnalysis) -> list[Prerequisite]:
    """What the source itself lists under "Prerequisites" (a heading, a label or "Prerequisites: X, Y"): each entry
    as it stands, cited where it stands (set 17: "Prerequisites • tuples (basics, crossproduct)" beside "This guide
    lists no prerequisites"; set 15: a deck's "Prerequisites" slide)."""
    blocks = ta.topic.blocks
    out: list[Prerequisite] = []
    for i, b in enumerate(blocks):
        m = _PREREQUISITES.match(b.text.strip())
        if m is None or b.kind is BlockKind.LIST_ITEM or len(b.text.split()) > 30:
            continue
        label = m.group("label")[:1].upper() + m.group("label")[1:]
        why = f"The source lists it under “{label}”."
        entries: list[tuple[object, str]] = []
        if m.group("rest").strip():  # "Prerequisites: tuples, relations and functions."
            rest = m.group("rest").strip().rstrip(".")
            entries = [(b, e) for e in re.split(r"\s*(?:[;,]|\band\b)\s*", rest) if e.strip()]
        else:
            for x in blocks[i + 1 : i + 1 + _MAX_STATED]:
                # a slide's lines under its "Prerequisites" title are its entries, bulleted or not (set 52's deck)
                on_slide = b.slide is not None and x.slide == b.slide and b.kind is BlockKind.HEADING
                listed = x.kind is BlockKind.LIST_ITEM or x.bullet > 0 and (b.slide is None or x.slide == b.slide) or on_slide
                if not listed or x.kind is BlockKind.HEADING:
                    break
                entries.append((x, x.text.strip()))
        for block, entry in entries[:_MAX_STATED]:
            entry = entry.strip(" .;:•-–")
            named = _EXAMPLES_AFTER.split(entry, 1)[0].strip(" ,;:")  # "Docker and basic Docker knowledge (familiarity ...)"
            if not 1 <= len(named.split()) <= 12 or len(entry.split()) > 30:
                continue
            begin = max(0, block.text.find(entry))
            out.append(Prerequisite(topic=_cap(named)[:300], why=why, source=ref_at(block, begin, begin + len(entry), entry)))
        if out:
            break
    return out


def prerequisite_candidates(doc: DocAnalysis, ta: TopicAnalysis) -> list[Prerequisite]:
    """What the source lists as prerequisites, then terms an earlier topic defines and this one uses, most used
    first; the reason is the earlier definition."""
    pos = doc.position(ta.topic)
    own = {t.key for t in ta.terms if t.defined}
    out: list[Prerequisite] = stated_prerequisites(ta)
    seen: set[str] = {(term_key(_title(ta)) or _title(ta).casefold()).rstrip("s")}
    seen |= {term_key(p.topic) for p in out}
    earlier = doc.topics[:pos] if pos is not None else []
    found = [
        (i, t)
        for i, e in enumerate(earlier)
        for t in e.terms
        if t.defined and t.key not in own and doc.defined_in.get(t.key) == i and ta.mentions(t.key) and linkable(t)
    ]
    found.sort(key=lambda x: (-ta.stem_text.count(f" {x[1].key} "), -x[0], x[1].key))
    for _, t in found:
        s = mention(ta, t.text)
        if s is not None and t.definition is not None and t.definition.alone:
            _add(out, seen, t.text, Prerequisite(topic=_cap(t.text)[:300], why=_why(t.definition), source=s.ref()))
    return out[:_POOL]


def prerequisites_empty(doc: DocAnalysis, ta: TopicAnalysis) -> str:
    """Why a topic lists no prerequisite."""
    if not doc.position(ta.topic):
        return "This is the first topic of the document, so no earlier topic of it can be named as a prerequisite."
    return "No earlier topic gives a standalone definition of a term used here, so none is named."


def learn_next_candidates(doc: DocAnalysis, ta: TopicAnalysis) -> list[LearnNext]:
    """Later topics that take up this topic's terms (or that it points to), nearest and closest first; the reason is
    what the later topic says about a shared term, or this topic's own pointer to it."""
    pos = doc.position(ta.topic)
    out: list[LearnNext] = []
    seen: set[str] = {(term_key(_title(ta)) or _title(ta).casefold()).rstrip("s")}
    scored = []
    for j in range(pos + 1 if pos is not None else len(doc.topics), len(doc.topics)):
        later = doc.topics[j]
        shared = [t for t in ta.terms if later.mentions(t.key) and t.real]
        shared += [t for t in later.terms if t.defined and ta.mentions(t.key) and all(t.key != x.key for x in shared)]
        shared = [t for t in shared if linkable(t) and mention(ta, t.text) is not None]
        pointer = pointer_to(ta, _title(later))
        if shared or pointer is not None:
            scored.append((pointer is None, -len(shared), j - (pos or 0), j, shared, pointer))
    scored.sort(key=lambda x: x[:4])
    for _, _, _, j, shared, pointer in scored:
        found = _later_reason(doc, ta, j, shared, pointer)
        if found is not None:
            why, here = found
            title = _title(doc.topics[j])
            _add(out, seen, title, LearnNext(topic=title, why=why, level=doc.topics[j].level, source=here.ref()))
    following = next_in_source(doc, ta)
    if following is not None:
        _add(out, seen, following.topic, following)
    for stated in stated_next(ta):  # what the source itself says to study next
        _add(out, seen, stated.topic, stated)
    return out[:_POOL]


#: A section or slide pointing beyond the document: "Further Learning", "Next steps", "To learn more".
_FURTHER = re.compile(
    r"^(?:further (?:learning|reading|study)|next steps?|what'?s next|learn more|to learn more|where to go (?:from here|next))\W*$",
    re.I,
)
#: A lecturer announcing what comes next: "In the second lecture video we'll introduce Seiche waves and ...".
_ANNOUNCED = re.compile(
    r"\b(?:in|during) (?:the|our) (?:next|second|third|following|coming) (?:lecture|video|lecture video|class|session|"
    r"chapter|unit|module|lesson)s?\b[^.?!]{0,40}?\b(?:we'?ll|we will|we are going to|I'?ll|I will)\s+(?:also\s+)?"
    r"(?:introduce|discuss|cover|look at|talk about|explore|turn to|study|learn about|examine)\s+"
    r"(?P<what>[A-Za-z][^.?!,;]{2,80}?)(?=\s+and\s+(?:also\s+)?(?:discuss|look|talk|explore|cover|learn|examine)\b|[.?!,;]|$)",
    re.I,
)


def stated_next(ta: TopicAnalysis) -> list[LearnNext]:
    """What the source itself points to next: the entries of its "Further Learning" slide or section, and what a
    lecturer says the next lecture takes up (set 53's deck ended on "Further Learning" and three modules, set 52's
    lecture on "in the second lecture video we'll introduce Seiche waves", both beside "This is the last topic")."""
    out: list[LearnNext] = []
    blocks = ta.topic.blocks
    why = "The source points to it for further learning."
    for i, b in enumerate(blocks):
        if b.kind is BlockKind.HEADING and _FURTHER.match(b.text.strip()):
            for x in blocks[i + 1 : i + 1 + _MAX_STATED]:
                if x.kind is BlockKind.HEADING or (b.slide is not None and x.slide != b.slide):
                    break
                entry = x.text.strip().strip(" .;:•-–")
                if not 2 <= len(entry.split()) <= 12 or re.search(r"https?:|www\.|\?|\b(?:please|survey)\b", entry, re.I):
                    continue
                begin = max(0, x.text.find(entry))
                out.append(
                    LearnNext(
                        topic=_cap(entry)[:300], why=why, level=ta.level, source=ref_at(x, begin, begin + len(entry), entry)
                    )
                )
    for s in ta.sentences:
        m = _ANNOUNCED.search(s.text)
        if m is None:
            continue
        what = m.group("what").strip()
        if not 1 <= len(what.split()) <= 8 or what.split()[0].lower() in ("it", "this", "that", "them", "these", "those"):
            continue
        said = f"The source says the next part takes it up: “{s.display}”"
        out.append(LearnNext(topic=_cap(what)[:300], why=said[:4000], level=ta.level, source=s.ref()))
    return out[:_MAX_STATED]


def _later_reason(
    doc: DocAnalysis, ta: TopicAnalysis, j: int, shared: list[Term], pointer: Sentence | None
) -> tuple[str, Sentence] | None:
    """(reason, its quote) for studying later topic ``j`` next, or None: this topic's own pointer to it (the link in
    the source's words), else a term the later topic explains and this one uses (its title's term first), the
    reason naming the term and the quote this topic's sentence that uses it."""
    if pointer is not None and pointer.alone:
        return _why(pointer), pointer
    later = doc.topics[j]
    title = f" {term_key(_title(later))} "
    defined_there = [t for t in shared if doc.defined_in.get(t.key) == j]  # the later topic explains it
    for t in sorted(defined_there, key=lambda t: (f" {t.key} " not in title, -len(t.mentions), t.key))[:4]:
        here = _quote_of(ta, t)
        if here is not None and _said_there(later, t) is not None:
            return f"{_title(later)} explains {_as_written(t, here)}, which this topic uses."[:4000], here
    return None


def next_in_source(doc: DocAnalysis, ta: TopicAnalysis) -> LearnNext | None:
    """The topic that follows in the source, when it takes up a key term of this one (one this topic defines
    first): the reason names the term, the quote is the next topic's own sentence about it. None when the two
    share no key term."""
    pos = doc.position(ta.topic)
    if pos is None or pos + 1 >= len(doc.topics):
        return None
    later = doc.topics[pos + 1]
    title = f" {term_key(_title(later))} "
    shared = [t for t in ta.terms[:8] if t.real and linkable(t) and later.mentions(t.key)]
    # a one-word term links only when this topic defines it or the next one is named by it ("contents", "Athena": no)
    shared = [t for t in shared if t.defined or len(t.key.split()) > 1 or f" {t.key} " in title]
    # "introduced here" only where it is: no earlier topic names the term ("open data" all through a handout: no)
    shared = [t for t in shared if t.defined or not any(e.mentions(t.key) for e in doc.topics[:pos])]
    shared.sort(key=lambda t: (f" {t.key} " not in title, not t.defined))
    for t in shared[:4]:
        here = _quote_of(ta, t)
        if here is None:
            continue
        said = "which this topic defines" if t.defined else "introduced here"
        why = f"{_title(later)} builds on {_as_written(t, here)}, {said}."
        return LearnNext(topic=_title(later), why=why[:4000], level=later.level, source=here.ref())
    return None


def _as_written(t: Term, s: Sentence) -> str:
    """The term as the source writes it ("Rapoport's rule", not "rapoport's rule"): as sentence ``s`` or another
    sentence naming it writes it past its first word, or with the capital of a name's possessive ("Rapoport's")."""
    pattern = term_pattern(t.text)
    for sentence in (s, *t.mentions):
        m = pattern.search(sentence.text)
        if m and m.start() > 0:
            return m.group()
    m = pattern.search(s.text)
    first = m.group().split()[0] if m else ""
    return m.group() if m and first.endswith(("'s", "’s")) else t.text


def _quote_of(ta: TopicAnalysis, t: Term) -> Sentence | None:
    """The most central sentence of topic ``ta`` that names ``t`` and carries its own context, or None."""
    pat = term_pattern(t.text)
    hits = [s for s in ta.ranked[:80] if pat.search(s.text) and s.alone and carries_context(s)]
    return next((s for s in hits if s.keepable), None)


def learn_next_empty(doc: DocAnalysis, ta: TopicAnalysis) -> str:
    """Why a topic lists nothing to learn next."""
    pos = doc.position(ta.topic)
    if pos is None or pos + 1 >= len(doc.topics):
        return "This is the last topic of the document, so no later topic of it can be named to learn next."
    return "No later topic has a standalone sentence about a term this topic defines, so none is named."


def pointer_to(ta: TopicAnalysis, title: str) -> Sentence | None:
    """The first sentence of the topic that refers to another topic by its title ("which we define in Common Forces")."""
    if len(title) < 6:
        return None
    pat = _pointer_pattern(title)
    return next((s for s in ta.sentences if title[:4] in s.text and pat.search(s.text.replace("’", "'"))), None)


@lru_cache(maxsize=4096)
def _pointer_pattern(title: str) -> re.Pattern[str]:
    name = re.escape(title.replace("’", "'"))
    return re.compile(rf"\b(?:in|see|under|to|from)\s+(?:the\s+)?(?:(?:section|chapter|module)\s+(?:on\s+)?)?{name}(?!\w)")


def _fit(s: Sentence) -> bool:
    return citation_share(s) < 0.2 and not FIGURE_REF.search(s.text)


def application_candidates(ta: TopicAnalysis, exclude: set[int]) -> list[Application]:
    """Sentences describing real uses ("clinicians use ...", "is used to ..."), standing alone and titled by what
    they apply; none when the topic describes no use (the section then says so)."""
    rank_of = {id(s): i for i, s in enumerate(ta.ranked)}
    uses = [(use_score(s), s) for s in ta.sentences if _fit(s) and s.alone and id(s) not in exclude and not _defining(s)]
    hits = [s for sc, s in sorted((x for x in uses if x[0] >= 2.0), key=lambda x: (-min(x[0], 4.5), rank_of[id(x[1])]))]
    return [
        Application(title=title, text=s.display, source=s.ref())
        for s, title in titled(hits[:_POOL], ta.terms)
        if good_title(title, s.text, key_terms(ta.terms))
    ]


def _defining(s: Sentence) -> bool:
    """True for a sentence that defines a term ("The equation which is used to eliminate an unknown ... is known as
    the pivotal equation."): what a thing is, which teachers never take for a use of it (sets 36 and 39)."""
    return any(d.explicit and d.strength >= 2.6 for d in defined_terms(s.text))


_NOT_THE_SUBJECT = re.compile(r"\s*\b(?:lecture|lectures|notes|chapter|part|introduction|overview|summary)\b\s*", re.I)


def subject_term(ta: TopicAnalysis) -> str:
    """What the topic is about, from its title without "lecture", "notes", "chapter"... ("Memory lecture": Memory)."""
    return _NOT_THE_SUBJECT.sub(" ", ta.topic.title).strip(" :-") or ta.topic.title.strip() or "this topic"


def applications_empty(ta: TopicAnalysis) -> str:
    """Why a topic lists no application."""
    return f"The source describes no real-world use of {subject_term(ta)}."[:300]
