"""Questions of several real kinds, cut from the source's own sentences: comparison ("How does X differ from Y?"),
cause ("What leads to X?", "The text says X. Why?"), sequence ("Which comes first, X or Y?") and, for narrative
texts, who and when (multiple choice over the document's own names and years)."""

from __future__ import annotations

import re

from seekh_convert.generate.offline.choices import key_position
from seekh_convert.generate.offline.sentences import Sentence
from seekh_convert.generate.offline.terms import Term, free_match
from seekh_convert.model.guide import MultipleChoice, ShortAnswer
from seekh_convert.text.lexicon import word_classes
from seekh_convert.text.standalone import stands_alone
from seekh_convert.text.words import STOPWORDS, surface_words

_CONTRAST = re.compile(
    r"\b(?:unlike|whereas|while|in contrast|by contrast|differs? from|different from|compared (?:with|to)|rather than)\b", re.I
)
_CAUSE_VERB = re.compile(
    r"\s(?P<v>causes|caused|leads to|led to|results in|resulted in|produces|produced|triggers|triggered)\s", re.I
)
_BECAUSE = re.compile(r",?\s+because\s+", re.I)
_ORDER = re.compile(r"\b(?:followed by|precedes|preceded by|and then|then to)\b", re.I)
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_NAME = re.compile(r"^(?P<name>(?:[A-Z][a-z]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z]+|[A-Z]\.)){1,2})\s+(?P<verb>[a-z]+)\b")


def _terms_in(s: Sentence, terms: list[Term]) -> list[tuple[int, Term]]:
    found = []
    for t in terms:
        if s in t.mentions and t.real and (m := free_match(t, s, terms)) is not None:
            found.append((m.start(), t))
    return sorted(found, key=lambda x: x[0])


def comparison(s: Sentence, terms: list[Term]) -> ShortAnswer | None:
    """ "How does X differ from Y?" for a sentence that contrasts two key terms."""
    if not _CONTRAST.search(s.text) or not s.alone:
        return None
    named = [t for _, t in _terms_in(s, terms)]
    pair = [t for i, t in enumerate(named) if all(t.key not in o.key and o.key not in t.key for o in named[:i])][:2]
    if len(pair) < 2:
        return None
    question = f"How does {pair[0].text} differ from {pair[1].text}?"
    return ShortAnswer(question=question, answer=s.display, explanation=f"The source says: “{s.display}”", source=s.ref())


def cause(s: Sentence, terms: list[Term]) -> ShortAnswer | None:
    """ "What leads to X?" for "Y leads to X."; "The text says that X. Why?" for "X because Y." """
    if not s.alone or s.n_words > 45:
        return None
    text = s.text.rstrip(".")
    m = _CAUSE_VERB.search(text)
    if m and 1 <= len(surface_words(text[: m.start()])) <= 8 and len(surface_words(text[m.end() :])) >= 3:
        effect = text[m.end() :].strip()
        if stands_alone(effect, False) and _terms_in(s, terms):
            verb = {"caused": "causes", "led to": "leads to", "resulted in": "results in", "produced": "produces"}
            question = f"What {verb.get(m.group('v').lower(), m.group('v').lower())} {effect}?"
            answer = text[: m.start()].strip()
            return ShortAnswer(question=question, answer=answer, explanation=f"The source says: “{s.display}”", source=s.ref())
    b = _BECAUSE.search(text)
    if b and b.start() > 0 and len(surface_words(text[b.end() :])) >= 3 and stands_alone(text[: b.start()]):
        question = f"The text says that {text[:1].lower() + text[1 : b.start()]}. Why?"
        answer = "Because " + text[b.end() :].strip() + "."
        return ShortAnswer(question=question, answer=answer, explanation=f"The source says: “{s.display}”", source=s.ref())
    return None


def sequence(s: Sentence, terms: list[Term]) -> ShortAnswer | None:
    """ "Which comes first, X or Y?" for a sentence that orders two key terms with before/after."""
    cue = _ORDER.search(s.text)
    if cue is None or not s.alone:
        return None
    named = [(p, t) for p, t in _terms_in(s, terms) if t.defined or t.origin != "keyword"]  # stages the source names
    before = [t for p, t in named if p < cue.start()]
    after = [t for p, t in named if p > cue.end()]
    if not before or not after or before[-1].key == after[0].key:
        return None
    a, b = before[-1], after[0]
    first = b if cue.group().lower() == "preceded by" else a
    question = f"Which comes first, {a.text} or {b.text}?"
    answer = f"{first.text[:1].upper() + first.text[1:]}."
    return ShortAnswer(question=question, answer=answer, explanation=f"The source says: “{s.display}”", source=s.ref())


def who(s: Sentence, names: list[str]) -> MultipleChoice | None:
    """ "Who argued that ...?" over a sentence opening with a person's name, the options other names of the text."""
    m = _NAME.match(s.text)
    if m is None or not s.alone or "VERB" not in word_classes(m.group("verb")) or m.group("name").split()[0] in _NOT_FIRST:
        return None
    name = m.group("name")
    others = [n for n in names if n != name and n.split()[-1] != name.split()[-1]][:3]
    if len(others) < 3:
        return None
    question = "Who " + s.text[m.start("verb") :].rstrip(".!") + "?"
    pos = key_position(question)
    options = others[:pos] + [name] + others[pos:]
    return MultipleChoice(
        question=question, options=options, answer_index=pos, explanation=f"The source says: “{s.display}”", source=s.ref()
    )


def when(s: Sentence, years: list[str]) -> MultipleChoice | None:
    """ "In which year ...?" for a sentence with one year, the options other years of the text."""
    found = _YEAR.findall(s.text)
    if len(found) != 1 or not s.alone:
        return None
    year = found[0]
    others = sorted({y for y in years if y != year}, key=lambda y: (abs(int(y) - int(year)), y))[:3]
    if len(others) < 3:
        return None
    stem = s.display.replace(year, "_____", 1)
    question = f"Which year completes this statement: “{stem}”"
    options = sorted([year, *others])
    return MultipleChoice(
        question=question,
        options=options,
        answer_index=options.index(year),
        explanation=f"The source says: “{s.display}”",
        source=s.ref(),
    )


_NOT_FIRST = frozenset("The This That These Those In On At For When While After Before During Many Most Some".split())


def names_and_years(sentences: list[Sentence]) -> tuple[list[str], list[str]]:
    """Person-like names that open sentences, and years, of a topic (narrative texts have many)."""
    names: list[str] = []
    years: list[str] = []
    for s in sentences:
        m = _NAME.match(s.text)
        name = m.group("name") if m else ""
        if name and name.split()[0] not in _NOT_FIRST and name not in names and not STOPWORDS & set(name.lower().split()):
            names.append(name)
        years += [y for y in _YEAR.findall(s.text) if y not in years]
    return names, years


def real_kinds(ranked: list[Sentence], terms: list[Term], taken: set[int], limit: int = 4) -> list:
    """Up to ``limit`` questions of the kinds above from central sentences not used yet, one kind at a time."""
    names, years = names_and_years(ranked)
    makers = [
        lambda s: comparison(s, terms),
        lambda s: cause(s, terms),
        lambda s: sequence(s, terms),
        lambda s: who(s, names),
        lambda s: when(s, years),
    ]
    out: list = []
    for make in makers:
        for s in ranked[:60]:
            if id(s) in taken:
                continue
            q = make(s)
            if q is not None:
                out.append(q)
                taken.add(id(s))
                break
        if len(out) >= limit:
            break
    return out
