"""Prerequisites, what to learn next and applications, as ranked candidate lists.

Every link item quotes a sentence of the topic in which its linked term is used, so the words of the
link occur in its evidence. The first candidates go into the guide; the rest are spares for repairs.
"""

from __future__ import annotations

import re

from seekh_convert.generate.offline.analysis import DocAnalysis, TopicAnalysis
from seekh_convert.generate.offline.sentences import Sentence
from seekh_convert.generate.offline.statements import citation_share, titled, use_score
from seekh_convert.generate.offline.terms import FIGURE_REF, Term
from seekh_convert.model.guide import Application, LearnNext, Prerequisite
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
    return bool(ws) and not all(w in _GENERIC or w in STOPWORDS for w in ws) and (len(ws) > 1 or len(ws[0]) >= 4)


def mention(ta: TopicAnalysis, term: str) -> Sentence | None:
    """The best sentence of the topic that uses ``term``: central and stating something, not chatter."""
    key = ("mention", term)
    if key not in ta.memo:
        pat = term_pattern(term)
        hits = [s for s in ta.ranked[:80] if pat.search(s.text)]
        best = max(hits, key=lambda s: (ta.scores.get(s.order, 0.0) + 0.5 * ta.claim(s), -s.order)) if hits else None
        ta.memo[key] = best
    return ta.memo[key]


def _fallback_word(ta: TopicAnalysis) -> tuple[str, Sentence] | None:
    """A long content word of a central sentence, with that sentence (topics without key terms)."""
    for s in ta.ranked[:10]:
        ws = [w for w in surface_words(s.text) if w.lower() not in STOPWORDS and len(w) >= 5 and w.isalpha()]
        if ws:
            return max(ws, key=lambda w: (len(w), w)), s
    return None


def _unexplained(ta: TopicAnalysis) -> list[Term]:
    """Real terms the topic uses without defining them: specific (multi-word, non-keyword) and frequent first."""
    terms = [t for t in ta.terms if not t.defined and t.mentions and linkable(t) and t.real]
    return sorted(terms, key=lambda t: (t.origin == "keyword" and " " not in t.text, -len(t.mentions), t.first))


def _brief(ta: TopicAnalysis) -> list[Term]:
    """Terms the topic defines in passing (one or two sentences), not its main subject: worth studying further."""
    main = {t.key for t in ta.terms[:1]} | {term_key(ta.topic.title)}
    terms = [t for t in ta.terms if t.defined and len(t.mentions) <= 2 and linkable(t) and t.key not in main]
    return sorted(terms, key=lambda t: (" " not in t.text, -t.first))


def _add(out: list, seen: set[str], name: str, item) -> None:
    key = (term_key(name) or name.casefold()).rstrip("s")  # "cathode rays" = "cathode ray"
    if key not in seen:
        seen.add(key)
        out.append(item)


def prerequisite_candidates(doc: DocAnalysis, ta: TopicAnalysis) -> list[Prerequisite]:
    """Ranked: terms defined in earlier topics, then terms of the previous topics, then terms used here unexplained."""
    pos = doc.position(ta.topic)
    own = {t.key for t in ta.terms if t.defined}
    out: list[Prerequisite] = []
    seen: set[str] = {(term_key(_title(ta)) or _title(ta).casefold()).rstrip("s")}
    earlier = doc.topics[:pos] if pos is not None else []
    found = [
        (i, t)
        for i, e in enumerate(earlier)
        for t in e.terms
        if t.defined and t.key not in own and doc.defined_in.get(t.key) == i and ta.mentions(t.key) and linkable(t)
    ]
    found.sort(key=lambda x: (-ta.stem_text.count(f" {x[1].key} "), -x[0], x[1].key))
    for i, t in found:
        s = mention(ta, t.text)
        if s is not None:
            _add(out, seen, t.text, Prerequisite(topic=t.text[:300], why=f"Defined in {_title(doc.topics[i])}", source=s.ref()))
    for i in range(len(earlier) - 1, max(-1, len(earlier) - 3), -1):
        for t in earlier[i].terms[:10]:
            s = mention(ta, t.text) if t.key not in own and ta.mentions(t.key) and linkable(t) and t.real else None
            if s is not None:
                why = f"{_cap(t.text)} comes up in {_title(earlier[i])}, before this topic."
                _add(out, seen, t.text, Prerequisite(topic=t.text[:300], why=why, source=s.ref()))
    unexplained = _unexplained(ta)
    early = [t for t in unexplained if 2 * t.first < len(ta.sentences)]
    for t in early + [t for t in unexplained if t not in early]:
        s = mention(ta, t.text)
        if s is not None:
            why = f"{_cap(t.text)} is used here without being explained."
            _add(out, seen, t.text, Prerequisite(topic=t.text[:300], why=why, source=s.ref()))
    if not out:
        picked = _fallback_word(ta)
        if picked is not None:
            word, s = picked
            out.append(Prerequisite(topic=word, why=f"{_cap(word)} is named here as background.", source=s.ref()))
    return out[:_POOL]


def learn_next_candidates(doc: DocAnalysis, ta: TopicAnalysis) -> list[LearnNext]:
    """Ranked: later topics sharing key terms, terms covered further there, the next topic, terms left unexplained."""
    pos = doc.position(ta.topic)
    out: list[LearnNext] = []
    seen: set[str] = {(term_key(_title(ta)) or _title(ta).casefold()).rstrip("s")}
    scored = []
    for j in range(pos + 1 if pos is not None else len(doc.topics), len(doc.topics)):
        later = doc.topics[j]
        shared = [t for t in ta.terms if later.mentions(t.key)]
        shared += [t for t in later.terms if t.defined and ta.mentions(t.key) and all(t.key != x.key for x in shared)]
        shared = [t for t in shared if linkable(t) and mention(ta, t.text) is not None]
        if shared:
            scored.append((-len(shared), j, shared))
    scored.sort(key=lambda x: (x[0], x[1]))
    leads: set[str] = set()
    for _, j, shared in scored[:SHOWN]:
        _add_later(out, seen, doc, ta, j, shared, leads)
    for _, j, shared in scored[:SHOWN]:
        for t in [t for t in shared if t.real][:2]:
            s = mention(ta, t.text)
            there = doc.defined_in.get(t.key) == j and not _defines(ta, t)
            why = (
                f"{_title(doc.topics[j])} gives the definition of {t.text}, which is only used here."
                if there
                else f"{_title(doc.topics[j])} returns to {t.text}."
            )
            _add(out, seen, t.text, LearnNext(topic=t.text[:300], why=why, level=doc.topics[j].level, source=s.ref()))
    for _, j, shared in scored[SHOWN:]:
        _add_later(out, seen, doc, ta, j, shared, leads)
    unexplained = _unexplained(ta)
    late = [t for t in unexplained if 2 * t.first >= len(ta.sentences)]
    for t in late + _brief(ta) + [t for t in unexplained if t not in late]:
        s = mention(ta, t.text)
        if s is None:
            continue
        if t.defined:
            why = f"{_cap(t.text)} is only introduced briefly here; study it in more depth."
        else:
            why = f"{_cap(t.text)} is mentioned here but not explained in depth."
        _add(out, seen, t.text, LearnNext(topic=t.text[:300], why=why, level=ta.level, source=s.ref()))
    if not out:
        picked = _fallback_word(ta)
        if picked is not None:
            word, s = picked
            out.append(LearnNext(topic=f"More on {word}", why=f"Go deeper into {word}.", level=ta.level, source=s.ref()))
    return out[:_POOL]


def _add_later(
    out: list, seen: set[str], doc: DocAnalysis, ta: TopicAnalysis, j: int, shared: list[Term], leads: set[str]
) -> None:
    """Add the later topic ``j`` as a learn-next item, with why it follows and where this topic shows it."""
    why, s = later_relation(doc, ta, j, shared, leads)
    title = _title(doc.topics[j])
    _add(out, seen, title, LearnNext(topic=title, why=why, level=doc.topics[j].level, source=s.ref()))


def _defines(ta: TopicAnalysis, t: Term) -> bool:
    return any(x.key == t.key and x.defined for x in ta.terms)


def _names(ts: list[Term]) -> str:
    names = [t.text for t in ts]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def pointer_to(ta: TopicAnalysis, title: str) -> Sentence | None:
    """The first sentence of the topic that refers to another topic by its title ("which we define in Common Forces")."""
    if len(title) < 6:
        return None
    name = re.escape(title.replace("’", "'"))
    pat = re.compile(rf"\b(?:in|see|under|to|from)\s+(?:the\s+)?(?:(?:section|chapter|module)\s+(?:on\s+)?)?{name}(?!\w)")
    return next((s for s in ta.sentences if pat.search(s.text.replace("’", "'"))), None)


_POINTER_VERB = re.compile(r"\b(?:defin|discuss|describ|explain|cover|treat|introduc|learn|stud)", re.IGNORECASE)


def _pointer_why(pointer: Sentence, title: str, named: list[Term]) -> str:
    """Why-text for a sentence that sends the reader to ``title``, worded after its verb ("define", "discuss")."""
    at = pointer.text.replace("’", "'").find(title.replace("’", "'"))
    end = at + len(title)
    spans = {id(t): [m.span() for m in t.pattern.finditer(pointer.text)] for t in named}
    inner = {
        id(t): [
            (a, b)
            for a, b in spans[id(t)]
            if not any(o is not t and len(o.key) > len(t.key) and x <= a and b <= y for o in named for x, y in spans[id(o)])
        ]
        for t in named
    }  # "force" inside "normal force" is not a mention of its own
    outside = {id(t): [a for a, b in inner[id(t)] if b <= at or a >= end] for t in named}
    named = [t for t in named if outside[id(t)]]
    title_key = f" {term_key(title)} "
    named = sorted(named, key=lambda t: (f" {t.key} " not in title_key, min(abs(p - at) for p in outside[id(t)])))
    if not named:
        return f"This topic refers ahead to {title}."
    term = named[0].text
    verb = _POINTER_VERB.search(pointer.text)
    stem_ = verb.group().lower() if verb else ""
    if stem_ == "defin":
        return f"{title} defines {term}, which this topic only names."
    if stem_ in ("learn", "stud"):
        return f"This topic sends you to {title} to learn more about {term}."
    if stem_:
        return f"{title} discusses {term} in detail; here it is only mentioned."
    return f"This topic refers ahead to {title} for {term}."


def later_relation(doc: DocAnalysis, ta: TopicAnalysis, j: int, shared: list[Term], leads: set[str]) -> tuple[str, Sentence]:
    """Why to study the later topic ``j`` next, and the sentence of this topic where that relation shows.

    In order: this topic points to it by name; it defines a term used here undefined; it builds on terms defined
    here; it comes back to shared terms.
    """
    later = doc.topics[j]
    title = _title(later)
    pointer = pointer_to(ta, title)
    if pointer is not None:
        return _pointer_why(pointer, title, [t for t in shared if t.pattern.search(pointer.text)]), pointer
    undefined = [t for t in shared if doc.defined_in.get(t.key) == j and not _defines(ta, t)]
    if undefined:
        lead = undefined[0]
        leads.add(lead.key)
        return f"{title} defines {_names(undefined[:2])}, used here without a definition.", mention(ta, lead.text)
    lead = next((t for t in shared[:3] if t.key not in leads), shared[0])
    leads.add(lead.key)
    others = [t for t in shared[:3] if t is not lead][:2]
    if _defines(ta, lead):
        return f"{title} builds on {_names([lead] + others)}, introduced in this topic.", mention(ta, lead.text)
    return f"{title} returns to {_names([lead] + others)}.", mention(ta, lead.text)


def _fit(s: Sentence) -> bool:
    return citation_share(s) < 0.2 and not FIGURE_REF.search(s.text)


def application_candidates(ta: TopicAnalysis, exclude: set[int]) -> tuple[list[Application], int]:
    """Ranked: sentences describing real uses, then the most concrete central statements; and how many are uses."""
    rank_of = {id(s): i for i, s in enumerate(ta.ranked)}
    uses = [(use_score(s), s) for s in ta.sentences if _fit(s)]
    hits = [
        s
        for sc, s in sorted(
            (x for x in uses if x[0] > 0.5), key=lambda x: (id(x[1]) in exclude, -min(x[0], 4.5), rank_of[id(x[1])])
        )
    ]
    rest = sorted(
        (s for s in ta.ranked[:30] if s not in hits and _fit(s)), key=lambda s: (id(s) in exclude, -ta.claim(s), rank_of[id(s)])
    )
    chosen = (hits + rest)[:_POOL] or ta.ranked[:1]
    out = [Application(title=title, text=s.display, source=s.ref()) for s, title in titled(chosen, ta.terms)]
    return out, len([s for s in hits if id(s) not in exclude])
