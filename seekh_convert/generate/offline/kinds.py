"""Questions of real kinds transformed from the source's own clauses: "Why ...?" from a causal clause (see
``transform.why``) and, for narrative texts, "Who ...?" (multiple choice over the document's own names)."""

from __future__ import annotations

import re

from seekh_convert.generate.offline.choices import key_position
from seekh_convert.generate.offline.sentences import Sentence
from seekh_convert.generate.offline.terms import Term
from seekh_convert.generate.offline.transform import why
from seekh_convert.model.guide import MultipleChoice
from seekh_convert.text.lexicon import word_classes
from seekh_convert.text.words import STOPWORDS

_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_NAME = re.compile(r"^(?P<name>(?:[A-Z][a-z]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z]+|[A-Z]\.)){1,2})\s+(?P<verb>[a-z]+)\b")


def who(s: Sentence, names: list[str], people: dict | None = None) -> MultipleChoice | None:
    """ "Who argued that ...?" over a sentence opening with a person's name, the options other names of the text that
    name people too (``people``: the sentence each name opens), not a town or a painting ("Tira Sujanpur", "Shangri
    Ramayana" beside "Raja Sansar Chand", set 34)."""
    people = people or {}
    m = _NAME.match(s.text)
    if m is None or s.cut or not s.keepable or "VERB" not in word_classes(m.group("verb")):
        return None  # (an outline mark is no initial: "B. Vital signs are taken ...", set 36's "Who signs ...?")
    if m.group("name").split()[0] in _NOT_FIRST:
        return None
    root = next((t for t in s.parsed if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ == "be" or root.pos_ != "VERB":
        return None  # "Enrico Fermi was an Italian physicist": a biography line, not a point of the text
    name = m.group("name")
    if not _person(name, s):
        return None  # "Patients can generally be classified ...": the parse names no person
    others = [n for n in names if n != name and n.split()[-1] != name.split()[-1] and _person(n, people.get(n))][:3]
    if len(others) < 3:
        return None
    question = "Who " + s.text[m.start("verb") :].rstrip(".!") + "?"
    pos = key_position(question)
    options = others[:pos] + [name] + others[pos:]
    return MultipleChoice(
        question=question, options=options, answer_index=pos, explanation=f"The source says: “{s.display}”", source=s.ref()
    )


#: Words that make a name a person's: "Raja Sansar Chand", "Sultan Ibrahim Sarki".
_TITLES = frozenset(
    "raja maharaja rana rao king queen sultan emperor empress prince princess sir lord lady dr dr. mr mr. mrs mrs. ms "
    "ms. president general saint st st. pope caliph shah nawab".split()
)


def _person(name: str, s: Sentence | None) -> bool:
    """True when ``name`` is a person's: a title opens it, or the parse of the sentence it opens calls it a person."""
    if name.split()[0].lower() in _TITLES:
        return True
    if s is None:
        return False
    return any(t.ent_type_ == "PERSON" for t in s.parsed[: len(name.split())])


_NOT_FIRST = frozenset("The This That These Those In On At For When While After Before During Many Most Some".split())


def names_and_years(sentences: list[Sentence]) -> tuple[dict[str, Sentence], list[str]]:
    """Person-like names that open sentences (each with the first sentence it opens), and years, of a topic
    (narrative texts have many)."""
    names: dict[str, Sentence] = {}
    years: list[str] = []
    for s in sentences:
        m = _NAME.match(s.text) if not s.cut else None
        name = m.group("name") if m else ""
        if name and name.split()[0] not in _NOT_FIRST and name not in names and not STOPWORDS & set(name.lower().split()):
            names[name] = s
        years += [y for y in _YEAR.findall(s.text) if y not in years]
    return names, years


def real_kinds(ranked: list[Sentence], terms: list[Term], taken: set[int], limit: int = 4) -> list:
    """Up to ``limit`` questions of the kinds above from central sentences not used yet, one kind at a time."""
    people, years = names_and_years(ranked)
    makers = [lambda s: why(s, terms), lambda s: who(s, list(people), people)]
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
