"""The reverse of a definition card: "Which term names the process of copying data ...?" over a definition the topic
gives ("Backup is the process of copying data ..."), its options the term and three other terms the document defines.

A card asks "What is X?"; the reverse asks for X from its definition, so a teacher keeps both. Made only where the
defining sentence opens with the term and a copula, the rest stands alone (no "This ...") and does not give the key
away, and the document defines three other terms of the answer's shape.
"""

from __future__ import annotations

import re

from seekh_convert.generate.offline.ask import aliased, asks_for
from seekh_convert.generate.offline.cards import defines, names_subject
from seekh_convert.generate.offline.choices import _echoes, key_position
from seekh_convert.generate.offline.described import shouted
from seekh_convert.generate.offline.naming import read_definition
from seekh_convert.generate.offline.questions import covered, distractors, same_kind
from seekh_convert.generate.offline.sentences import topic_sentences
from seekh_convert.generate.offline.terms import Term
from seekh_convert.model.document import Block
from seekh_convert.model.guide import Flashcard, MultipleChoice
from seekh_convert.text.defining import asked_term
from seekh_convert.text.terms import term_key, term_pattern

_MAX = 2
#: What follows the term: "is/are (a|an|the|one) ...", "refers to ...", "means ...", or a glossary colon or dash.
_LINK = re.compile(
    r"^\s*(?:\([^)]{1,60}\)\s*)?(?:(?P<is>is|are)\s+(?=(?:an?|the|one|any)\s)|(?P<verb>refers? to|means|describes)\s+"
    r"|\s*[:–—-]\s+(?=(?:an?|the|one|any)\s)|\s*[:–—-]\s+(?P<does>[a-z]{3,}(?<!ss)s)\s)",
    re.I,
)
#: A definition that leans on the text around it.
_LEANS = re.compile(
    r"\b(?:this|these|those|above|below|former|latter|aforementioned|such)\b|[;]|, (?:while|whereas|but)\b|\be\.g\.", re.I
)
#: A rest that praises or ranks instead of defining ("a defining characteristic of our species", "one of the ...").
_VAGUE = re.compile(
    r"^(?:an?|the|one)\s+(?:of the\s+)?(?:defining|key|important|central|fundamental|essential|major|main|crucial|basic)\b"
    r"|\b(?:our|we|us|you|your)\b",
    re.I,
)
_OPENS = re.compile(r"^(?:this|these|those|it|they|he|she|we|here|such)\b", re.I)


def reverse_stem(term: str, definition: str, does: bool = False) -> str | None:
    """ "Which term names <the rest>?" from "<term> is <the rest>."; None when the sentence does not open with the
    term and a copula, leans on its context, or the rest names the term (or a word of its family)."""
    text = re.sub(r"^[\s\"“‘]*(?:(?:an?|the)\s+)?", "", definition.strip(), flags=re.I)
    if _OPENS.match(definition.strip()):
        return None
    found = term_pattern(term).match(text)
    if found is None:
        return None
    after = text[found.end() :].lstrip('"”’')
    if does and re.match(r"\s+[a-z]{3,}(?<!ss)s\s", after):  # "What does FIFO do?" -> "FIFO picks the oldest page ..."
        after = ":" + after
    link = _LINK.match(after)
    if link is None:
        return None
    rest = after[link.end() :]
    rest = re.sub(r"[\s.;:]+$", "", rest.strip())
    if not 4 <= len(rest.split()) <= 35 or _LEANS.search(rest) or "?" in rest or "\n" in rest or _VAGUE.match(rest):
        return None
    if link.group("does"):
        rest = f"{link.group('does')} {rest}"  # "First fit: searches from ..." -> "Which of these searches from ...?"
    verb = (link.group("verb") or "names").lower()
    verb = {"refer to": "refers to", "describe": "describes"}.get(verb, verb)
    lead = "Which of these" if link.group("does") else f"Which term {verb}"
    stem = f"{lead} {rest[:1].lower() + rest[1:] if not rest[1:2].isupper() else rest}?"
    probe = _term(term)
    if term_pattern(term).search(stem) or covered(probe, rest) or _echoes(probe, rest):
        return None
    return stem


def _called_stem(term: str, definition: str) -> str | None:
    """ "What is <description> called?" when the card's answer names the term last ("..., the area under the demand
    curve and above the price is called the consumer surplus, ...")."""
    if " called " not in definition and " known as " not in definition:
        return None
    found = topic_sentences([Block(definition)])
    named = read_definition(found[0]) if len(found) == 1 else None
    return named.stem if named is not None and term_key(named.term) == term_key(term) else None


def _equated(answer: Term, t: Term) -> bool:
    """The source gives ``t`` as another name of ``answer`` or the reverse ("The constraint is called referential
    integrity."): then ``t`` would be a second right option."""
    return aliased(answer, t) or aliased(t, answer)


def _term(text: str) -> Term:
    return Term(text=text, key=term_key(text), origin="glossary", first=0)


def _defined(terms: list[Term]) -> list[Term]:
    return [t for t in terms if t.defined or defines(t)]


def _marked(terms: list[Term]) -> list[Term]:
    """Terms the source marks (emphasis, a defining pattern) that are worth asking: distractors once the defined
    ones run out."""
    return [t for t in terms if t.origin != "keyword" and asks_for(t) and not (t.defined or defines(t))]


def reverse_questions(
    cards: list[Flashcard],
    topic_terms: list[Term],
    doc_terms: list[Term],
    have: set[str],
    limit: int = _MAX,
    title: str = "",
) -> list[MultipleChoice]:
    """At most ``limit`` "Which term names ...?" questions from the topic's "What is X?" cards, none on a term whose
    key is in ``have`` (the terms other questions already ask for) or on a word of the topic's ``title``."""
    out: list[MultipleChoice] = []
    done = set(have)
    known = {t.key: t for t in [*doc_terms, *topic_terms]}
    asked = [x for c in cards if c.kind == "basic" and (x := asked_term(c.front))]
    siblings = [known.get(term_key(x)) or _term(x) for x in dict.fromkeys(asked)]  # the terms the topic's cards define
    for c in cards:
        x = asked_term(c.front) if c.kind == "basic" else None
        if not x or term_key(x) in done or names_subject(x, title):
            continue
        if (stem := reverse_stem(x, c.back, c.front.endswith(" do?")) or _called_stem(x, c.back)) is None:
            continue
        if shouted(x) != x:
            continue  # "FOODMART": an identifier of a worked example, not a term to learn
        answer = known.get(term_key(x)) or _term(x)
        fit = [t for t in [*siblings, *_defined(topic_terms)] if same_kind(answer, t) and shouted(t.text) == t.text]
        wider = _defined(doc_terms) + _marked([*topic_terms, *doc_terms])  # defined terms first, then marked ones
        doc_fit = [t for t in wider if same_kind(answer, t) and shouted(t.text) == t.text]
        fit, doc_fit = ([t for t in ts if not _equated(answer, t)] for ts in (fit, doc_fit))
        others = distractors(answer, fit, doc_fit, stem)  # no name among nouns, no identifier in capitals
        if len(others) < 3:
            continue
        pos = key_position(stem)
        options = [o.text[:300] for o in others]
        options.insert(pos, answer.text[:300])
        says = f"The source says: “{c.back}”"  # a description, not always a definition
        out.append(MultipleChoice(question=stem, options=options, answer_index=pos, explanation=says, source=c.source))
        done.add(term_key(x))
        if len(out) == limit:
            break
    return out
