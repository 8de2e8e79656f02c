"""Key terms of a topic: bold emphasis, glossary entries and defining sentences; keywords as a fallback."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from seekh_convert.generate.offline.generic import definition_penalty
from seekh_convert.generate.offline.keywords import keyword_candidates
from seekh_convert.generate.offline.sentences import Sentence
from seekh_convert.model.document import Block, BlockKind
from seekh_convert.text.defining import defined_terms, term_used
from seekh_convert.text.lexicon import can_be_noun, generic_word, zipf
from seekh_convert.text.nouns import is_term_like
from seekh_convert.text.terms import clean_term, term_key, term_pattern
from seekh_convert.text.words import STOPWORDS, surface_words

_STRUCTURAL_PHRASES = frozenset(
    {
        "learning objectives",
        "link to learning",
        "check your understanding",
        "everyday connection",
        "key terms",
        "review questions",
        "critical thinking questions",
        "personal application questions",
        "problem-solving strategy",
        "career connection",
        "art connection",
        "visual connection",
        "evolution connection",
        "scientific method connection",
        "summary",
        "solution",
        "strategy",
        "significance",
        "example",
        "note",
        "figure",
        "table",
        "answer",
        "introduction",
    }
)
_NOUNISH = re.compile(
    r"(?:ion|ment|ness|ity|ance|ence|ure|ism|ogy|age|what|knowledge|information|memories)$|^(?:what|when|how|where)$"
)
FIGURE_REF = re.compile(r"\b(?:[Ff]igure|[Tt]able|[Ee]xample)\s*(?:\(?[a-z0-9]\b|\d)|\bin the (?:figure|table|photo|image)\b|^\(")
#: Definition score from which a sentence counts as really defining a term.
DEFINED_SCORE = 2.2
_PRONOUNS = frozenset("it this that these those there here he she they we you i what which who one another each".split())


@dataclass(eq=False)
class Term:
    """A key term of one topic with the sentence that best defines it."""

    text: str
    key: str
    origin: str  # "glossary", "emphasis", "named" (a concept named by its kind), "pattern" or "keyword"
    first: int  # order of its first mention in the topic
    mentions: list[Sentence] = field(default_factory=list)
    definition: Sentence | None = None
    def_score: float = 0.0
    score: float = 0.0
    known: bool = False  # a keyword the document marks or defines elsewhere, or the topic's title names

    @property
    def pattern(self) -> re.Pattern[str]:
        return term_pattern(self.text)

    @property
    def real(self) -> bool:
        """True for a term the source marks or defines, or a multiword phrase it keeps repeating (cloze, titles, links)."""
        if self.origin != "keyword" or self.defined or self.known:
            return True
        if " " in self.text.strip():
            return len(self.mentions) >= 3
        word = self.text.strip()  # a specific noun the source keeps using ("electron", "nucleus"), not "thing"
        return len(self.mentions) >= 3 and can_be_noun(word) and not generic_word(word) and zipf(word) < 4.5

    @property
    def defined(self) -> bool:
        """True when a sentence of the topic really defines the term."""
        return self.definition is not None and self.def_score >= DEFINED_SCORE


def definition_score(term: str, s: Sentence) -> float:
    """How strongly ``s`` defines ``term`` (0 when it does not mention it)."""
    pat = term_pattern(term)
    m = pat.search(s.text)
    if not m:
        if s.block.kind is BlockKind.GLOSSARY and s.block.term and term_key(s.block.term) == term_key(term):
            return 5.0
        return 0.0
    score = 0.3
    key = term_key(term)
    if s.block.kind is BlockKind.GLOSSARY and s.block.term and term_key(s.block.term) == key:
        score = 5.0
    head = s.text[: m.start()].strip().lower()
    tail = s.text[m.end() :].lstrip().lower()
    tail = re.sub(r"^\([^)]{1,40}\)\s*", "", tail)
    if head in ("", "the", "a", "an") and re.match(
        r",?\s*(?:is|are)\s+(?:defined as|the|an?|when|how)\b|,?\s*refers? to\b|,?\s*means\b", tail
    ):
        score = max(score, 3.5)
    elif head in ("", "the", "a", "an") and (copula := re.match(r",?\s*(?:is|are|involves?|describes?)\s+(\w+)", tail)):
        score = max(
            score, 2.4 if _NOUNISH.search(copula.group(1)) or not copula.group(0).lstrip(", ").startswith(("is", "are")) else 1.2
        )
    elif re.search(
        r"\b(?:called|termed|known as|referred to as|defined as|we call(?: it| this| that)?)(?:\s+(?:the|an?))?\s*$", head
    ) or term_used(s.text[: m.start()], s.text[m.end() :]):
        score = max(score, 3.0)
    elif re.fullmatch(r"the (?:aim|purpose|goal|objective|function|role) of(?: the| an?)?", head) and re.match(
        r"(?:is|are) to [a-z]", tail
    ):
        score = max(score, 3.0)  # "The aim of the Delphi method is to construct consensus forecasts ..."
    elif (
        head in ("", "the", "a", "an")
        and re.match(r"(?:of [a-z]+\s+)?(?:says|states|asserts|holds|proposes|posits|predicts|maintains) that\b", tail)
        or re.match(r",\s*which (?:is|are) (?:the|an?)\b", tail)
    ):
        score = max(score, 2.6)
    elif re.match(r",?\s*(?:or|also called|also known as)\b", tail) or head.endswith((", or", "(or")):
        score = max(score, 1.5)
    if any(term_key(e) == key for e in s.block.emphasis):
        score += 0.7
    return score - shape_penalty(s)


def shape_penalty(s: Sentence) -> float:
    """How much a sentence's shape hurts it as a definition: too short or long, pronoun start, talk, figure refs,
    a particular example's objects or a deferral ("which we define in ...")."""
    penalty = (0.6 if s.n_words > 40 else 0.0) + definition_penalty(s)
    if s.n_words < 8:
        penalty += 1.0
    if s.text.lower().startswith(("this ", "it ", "these ", "they ", "that ")):
        penalty += 1.0
    if re.search(r"\b(?:we|our|you|your|I)\b", s.text):
        penalty += 0.3
    if FIGURE_REF.search(s.text):
        penalty += 0.8
    return penalty


def _is_name(term: str, text: str) -> bool:
    """A single capitalised word right after another capitalised word: a person's name (Isaac Newton)."""
    if " " in term or not term[:1].isupper() or term.isupper() or re.search(rf"\b{re.escape(term.lower())}\b", text):
        return False
    return (
        re.search(rf"\b[A-Z][a-z]+\.?\s+(?:[A-Z]\.\s+)?{re.escape(term)}\b(?!['’]s\s+(?:law|model|principle|theory))", text)
        is not None
    )


def _acceptable(term: str) -> bool:
    """Shape rules every term obeys: 1-5 words, not structural, not a stop word, mostly letters."""
    ws = surface_words(term)
    if not ws or len(ws) > 5 or len(term) > 60 or len(term) < 2:
        return False
    low = term.lower()
    if low in _STRUCTURAL_PHRASES or ws[0].lower() in _PRONOUNS:
        return False
    if all(w.lower() in STOPWORDS for w in ws) or ws[-1].lower() in STOPWORDS:
        return False
    if len(ws) == 1 and len(term) < 3 and not term.isupper():
        return False
    return sum(c.isalpha() for c in term) >= 0.7 * len(term)


def _surface(term: str, sentences: list[Sentence]) -> str:
    """The form a term most often takes mid-sentence (keeps proper nouns, lowercases sentence starts)."""
    pat = term_pattern(term)
    forms: Counter[str] = Counter()
    for s in sentences:
        for m in pat.finditer(s.text):
            if m.start() > 0 and not s.text[: m.start()].rstrip().endswith((".", ":", "!", "?")):
                forms[clean_term(m.group())] += 1
    exact = [f for f in forms if term_key(f) == term_key(term)]
    if exact:
        return max(exact, key=lambda f: (forms[f], f == term, f))
    first = term.split()[0]
    title_case = all(w[:1].isupper() for w in term.split() if w.lower() not in STOPWORDS)
    if first[:1].isupper() and first[1:].islower() and len(first) > 1 and not (title_case and " " in term):
        return term[:1].lower() + term[1:]
    return term


def free_match(term: Term, s: Sentence, terms: list[Term]) -> re.Match[str] | None:
    """The first match of ``term`` in ``s`` that is not part of a longer key term ("amnesia" in "retrograde amnesia")."""
    longer = [t for t in terms if t.key != term.key and f" {term.key} " in f" {t.key} "]
    covered = [m.span() for t in longer for m in t.pattern.finditer(s.text)]
    for m in term.pattern.finditer(s.text):
        proper = m.group()[:1].isupper() and not term.text[:1].isupper() and (m.start() > 0 or m.group()[-2:] in ("'s", "’s"))
        if not proper and not any(a <= m.start() and m.end() <= b for a, b in covered):
            return m
    return None


def _candidates(blocks: list[Block], sentences: list[Sentence]) -> list[tuple[str, str, Sentence | None, float, bool]]:
    """(term, origin, defining sentence, strength, explicit) candidates: glossary and emphasis, then defining sentences."""
    out: list[tuple[str, str, Sentence | None, float, bool]] = []
    for b in blocks:
        if b.kind is BlockKind.GLOSSARY and b.term:
            out.append((clean_term(b.term), "glossary", None, 0.0, True))
        if b.usable:
            out.extend((clean_term(e), "emphasis", None, 0.0, True) for e in b.emphasis)
    for s in sentences:
        out.extend((clean_term(d.term), "pattern", s, d.strength, d.explicit) for d in defined_terms(s.text))
    out.extend((name, "named", None, 0.0, True) for name in named_concepts(sentences))
    return out


#: A concept the source names by its kind: "the James-Lange theory", "the facial feedback hypothesis", "the
#: overjustification effect", "Bergmann's rule" (offline set 14: a chapter on five theories of emotion gave "theory",
#: "Mauss" and "facial" as its key terms).
_CONCEPT_HEAD = (
    r"(?:theory|theories|hypothesis|effect|law|principle|paradox|syndrome|bias|fallacy|heuristic|theorem|rule|dilemma)"
)
_NAMED_CONCEPT = re.compile(
    rf"\b(?P<name>(?:[A-Z][a-z]+(?:[-\u2013][A-Z][a-z]+)*(?:['\u2019]s)?\s+)?(?:[a-z][a-z-]+\s+){{0,2}}{_CONCEPT_HEAD})\b"
)
#: Words that only point or rank: "the main theory", "this effect", "a new law" name nothing.
_NOT_A_NAME = frozenset(
    "the a an this that these those such its their his her our your new other main same first second third last next "
    "following whole general basic simple key central important major overall different another each every any some "
    "original older earlier later current previous famous well-known side net several many few various numerous "
    "multiple both two three four differential".split()
)


def named_concepts(sentences: list[Sentence]) -> list[str]:
    """Concepts named by a modifier and their kind ("James-Lange theory", "two-factor theory", "facial feedback
    hypothesis"), as first written, each once (``_build`` gives each the form it takes mid-sentence); a kind word
    with only a determiner or a ranking word before it is no name."""
    found: dict[str, str] = {}
    for s in sentences:
        for m in _NAMED_CONCEPT.finditer(s.text):
            words = m.group("name").split()
            while words and words[0].lower() in _NOT_A_NAME | STOPWORDS:
                words = words[1:]
            if len(words) < 2 or any(w.lower() in _NOT_A_NAME | STOPWORDS for w in words[:-1]):
                continue  # "the main theory", "variation on theories"
            name = " ".join(words)
            found.setdefault(term_key(name), name)
    return list(found.values())


_ORIGIN_WEIGHT = {"glossary": 3.0, "emphasis": 3.0, "named": 2.0, "pattern": 1.5, "keyword": 0.5}


def _dedupe(terms: list[Term]) -> list[Term]:
    """Merge terms with the same or nearly the same key; keep the better-ranked one."""
    kept: list[Term] = []
    for t in sorted(terms, key=lambda t: (-t.score, t.first, t.key)):
        if any(t.key == k.key or fuzz.ratio(t.key, k.key) >= 92 for k in kept):
            continue
        kept.append(t)
    return kept


def _build(
    text: str,
    origin: str,
    sentences: list[Sentence],
    topic_text: str,
    defs: dict[int, float] | None = None,
    explicit: bool = True,
) -> Term | None:
    """The term ``text`` with its mentions and best definition; ``defs``: strength by id of sentences defining it."""
    defs = defs or {}
    if not _acceptable(text) or (origin != "glossary" and _is_name(text, topic_text)):
        return None
    if origin in ("pattern", "keyword") and not is_term_like(text, strict=origin == "keyword"):
        return None
    pat = term_pattern(text)
    key = term_key(text)
    mentions = [s for s in sentences if pat.search(s.text) or (s.block.term and term_key(s.block.term) == key)]
    if not mentions or (origin == "pattern" and len(mentions) < 2 and not explicit):
        return None
    scored = [(max(definition_score(text, s), defs.get(id(s), 0.0) - shape_penalty(s)), -s.order, s) for s in mentions]
    best = max(scored, key=lambda x: (x[0], x[1]))
    term = Term(_surface(text, sentences), term_key(text), origin, mentions[0].order, mentions)
    term.definition, term.def_score = best[2], best[0]
    term.score = _ORIGIN_WEIGHT[origin] + min(best[0], 4.0) * 0.6 + 0.4 * math.log1p(len(mentions))
    return term


def extract_terms(blocks: list[Block], sentences: list[Sentence], idf: dict[str, float], title: str = "") -> list[Term]:
    """Ranked, deduplicated key terms of one topic: marked terms, defined terms, then keywords to fill up."""
    topic_text = "\n".join(b.text for b in blocks if b.usable)
    candidates = _candidates(blocks, sentences)
    defs: dict[str, dict[int, float]] = {}
    explicit: dict[str, bool] = {}
    for text, _origin, s, strength, sure in candidates:
        if s is not None:
            defs.setdefault(term_key(text), {})[id(s)] = max(strength, defs.get(term_key(text), {}).get(id(s), 0.0))
            explicit[term_key(text)] = explicit.get(term_key(text), False) or sure
    terms: list[Term] = []
    seen: set[tuple[str, str]] = set()
    for text, origin, _, _, _ in candidates:
        key = term_key(text)
        if (key, origin) in seen:
            continue
        seen.add((key, origin))
        t = _build(text, origin, sentences, topic_text, defs.get(key), explicit.get(key, True))
        if t:
            terms.append(t)
    terms = _dedupe(terms)
    defining = {id(s) for _, _, s, _, _ in candidates if s is not None}
    few = len(terms) < 8
    for text, _ in keyword_candidates(sentences, idf, 12, defining, title):
        t = _build(text, "keyword", sentences, topic_text, defs.get(term_key(text))) if few or " " in text else None
        if t and (few or len(t.mentions) >= 2):
            terms.append(t)
    terms = _dedupe(terms)
    return _drop_nested_keywords(terms)[:20]


def _drop_nested_keywords(terms: list[Term]) -> list[Term]:
    """Drop keyword terms that are parts of a better term ("memory" under "short-term memory" stays only if real)."""
    out = []
    for t in terms:
        if t.origin == "keyword" and any(
            o is not t and f" {t.key} " in f" {o.key} " and (o.origin != "keyword" or 2 * len(o.mentions) >= len(t.mentions))
            for o in terms
        ):
            continue
        out.append(t)
    return out
