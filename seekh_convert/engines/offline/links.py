"""Prerequisites, what to learn next and applications: links between topics and uses in the text."""

from __future__ import annotations

import re

from ...schema import Application, LearnNext, Prerequisite
from .analysis import DocAnalysis, TopicAnalysis
from .sentences import Sentence
from .terms import FIGURE_REF, Term
from .summarize import CITATION as _CITATION
from .text import term_pattern

_STRONG_USE = re.compile(
    r"\b(?:(?:is|are|was|were|be|been|being) used (?:to|for|in|by)|applie[sd]|applications?|in practice|in everyday"
    r"|real[- ]world|(?:engineers|clinicians|doctors|therapists|designers|scientists|researchers|police|courts|students)"
    r" (?:use|rely|apply)|technolog(?:y|ies)|industr(?:y|ies)|helps? (?:to |us |people |them )?\w+|allows?|enables?)\b",
    re.IGNORECASE,
)
_WEAK_USE = re.compile(r"\b(?:for example|for instance|such as|useful|treatment|everyday|daily life)\b", re.IGNORECASE)
_MAX_LINKS = 3


def _first_mention(ta: TopicAnalysis, term: str) -> Sentence | None:
    pat = term_pattern(term)
    return next((s for s in ta.ranked if pat.search(s.text)), None)


def _title(t: TopicAnalysis) -> str:
    return (t.topic.title.strip() or f"Topic {t.topic.index}")[:300]


def _undefined_term(ta: TopicAnalysis) -> Term | None:
    return next((t for t in ta.terms if not t.defined and t.mentions), None) or next(
        (t for t in ta.terms[1:] if t.mentions), None
    )


def prerequisites(doc: DocAnalysis, ta: TopicAnalysis) -> list[Prerequisite]:
    """Terms used here but defined in an earlier topic; else the previous topic; else a basic term named here."""
    pos = doc.position(ta.topic)
    own = {t.key for t in ta.terms if t.defined}
    out: list[Prerequisite] = []
    if pos is not None:
        found: list[tuple[int, Term]] = []
        for i, earlier in enumerate(doc.topics[:pos]):
            for t in earlier.terms:
                if t.defined and t.key not in own and doc.defined_in.get(t.key) == i and ta.mentions(t.key):
                    found.append((i, t))
        found.sort(key=lambda x: (-ta.stem_text.count(f" {x[1].key} "), -x[0], x[1].key))
        for i, t in found:
            s = _first_mention(ta, t.text)
            if s is None or any(p.topic.casefold() == t.text.casefold() for p in out):
                continue
            out.append(Prerequisite(topic=t.text[:300], why=f"Defined in {_title(doc.topics[i])}", source=s.ref()))
            if len(out) == _MAX_LINKS:
                break
        if not out and pos > 0 and ta.ranked:
            prev = doc.topics[pos - 1]
            out.append(Prerequisite(topic=_title(prev), why="Comes just before this topic in the source.", source=ta.ranked[0].ref()))
    if not out and ta.ranked:
        t = _basic_concept(ta)
        if t is not None:
            s = t.mentions[0]
            out.append(Prerequisite(topic=t.text[:300], why="Named in this topic as known background; it is not explained here.", source=s.ref()))
        else:
            s = ta.ranked[0]
            out.append(Prerequisite(topic=_title(ta), why="Start with the core ideas introduced in this topic.", source=s.ref()))
    return out


def _basic_concept(ta: TopicAnalysis) -> Term | None:
    """A term the topic uses without defining, preferring the most frequent one."""
    undefined = [t for t in ta.terms if not t.defined and t.mentions]
    undefined.sort(key=lambda t: (-len(t.mentions), t.first))
    return undefined[0] if undefined else None


def learn_next(doc: DocAnalysis, ta: TopicAnalysis) -> list[LearnNext]:
    """Later topics sharing key terms with this one; else the next topic; else a term named but not explained."""
    pos = doc.position(ta.topic)
    out: list[LearnNext] = []
    if pos is not None:
        scored = []
        for j in range(pos + 1, len(doc.topics)):
            later = doc.topics[j]
            shared = [t for t in ta.terms if later.mentions(t.key)]
            shared += [t for t in later.terms if t.defined and ta.mentions(t.key) and all(t.key != x.key for x in shared)]
            if shared:
                scored.append((-len(shared), j, shared))
        scored.sort(key=lambda x: (x[0], x[1]))
        for _, j, shared in scored[:_MAX_LINKS]:
            s = next((m for t in shared for m in [_first_mention(ta, t.text)] if m is not None), None)
            if s is None:
                continue
            names = ", ".join(t.text for t in shared[:3])
            later = doc.topics[j]
            why = f"Builds on {names}, which this topic also covers."
            out.append(LearnNext(topic=_title(later), why=why, level=later.level, source=s.ref()))
        if out:
            _, j, shared = scored[0]
            t = shared[0]
            s = _first_mention(ta, t.text)
            if s is not None and all(t.text.casefold() != n.topic.casefold() for n in out):
                why = f"Covered further in {_title(doc.topics[j])}."
                out.append(LearnNext(topic=t.text[:300], why=why, level=doc.topics[j].level, source=s.ref()))
        if not out and pos + 1 < len(doc.topics) and ta.ranked:
            nxt = doc.topics[pos + 1]
            out.append(LearnNext(topic=_title(nxt), why="Comes next in the source.", level=nxt.level, source=ta.ranked[0].ref()))
    if not out and ta.ranked:
        t = _undefined_term(ta)
        if t is not None:
            why = f"{t.text[:1].upper() + t.text[1:]} is mentioned here but not explained in depth."
            out.append(LearnNext(topic=t.text[:300], why=why, level=ta.level, source=t.mentions[0].ref()))
        else:
            s = ta.ranked[min(1, len(ta.ranked) - 1)]
            out.append(LearnNext(topic=f"More on {_title(ta)}"[:300], why="Go deeper into the ideas this topic introduces.", level=ta.level, source=s.ref()))
    return out


def _app_title(s: Sentence, terms: list[Term]) -> str:
    for t in terms:
        if s in t.mentions:
            return (t.text[:1].upper() + t.text[1:])[:300]
    first = s.text.split()[:6]
    return (" ".join(first).rstrip(",;:.") + ("…" if s.n_words > 6 else ""))[:300]


def _use_score(s: Sentence) -> int:
    return 2 * len(_STRONG_USE.findall(s.text)) + len(_WEAK_USE.findall(s.text))


def applications(ta: TopicAnalysis, exclude: set[int]) -> list[Application]:
    """Sentences that describe uses, examples or practice; else the most concrete central sentence."""
    rank_of = {id(s): i for i, s in enumerate(ta.ranked)}
    hits = [s for s in ta.sentences if _use_score(s) and not _CITATION.search(s.text) and not FIGURE_REF.search(s.text)]
    hits.sort(key=lambda s: (id(s) in exclude, -min(_use_score(s), 3), rank_of[id(s)]))
    out = [Application(title=_app_title(s, ta.terms), text=s.display, source=s.ref()) for s in hits[:3]]
    if not out and ta.ranked:
        s = next((x for x in ta.ranked if id(x) not in exclude), ta.ranked[0])
        out.append(Application(title=_app_title(s, ta.terms), text=s.display, source=s.ref()))
    return out
