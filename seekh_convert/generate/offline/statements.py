"""What kind of statement a sentence makes: a claim about a term, an instruction, an example set-up, a use.

These judgments rank candidate sentences for takeaways, definitions and applications; they never
change a sentence (quotes stay verbatim).
"""

from __future__ import annotations

import re

from seekh_convert.generate.offline.generic import defers, definition_penalty, particular_penalty
from seekh_convert.generate.offline.sentences import Sentence
from seekh_convert.generate.offline.terms import FIGURE_REF, Term, free_match
from seekh_convert.text.defining import defined_terms
from seekh_convert.text.lexicon import (
    can_be_noun,
    generic_word,
    is_acronym,
    only_function_words,
    shares_word,
    word_classes,
    zipf,
)
from seekh_convert.text.nouns import is_term_like, noun_bonus
from seekh_convert.text.terms import term_key
from seekh_convert.text.words import STOPWORDS, surface_words

CITATION = re.compile(r"\([A-Z][A-Za-z&.,\s]+\d{4}[a-z]?\)")
_CITATION_ANY = re.compile(r"\([^()]*\b\d{4}[a-z]?\)|\[\d+(?:[,–-]\s*\d+)*\]")
_INSTRUCTION = re.compile(
    r"^(?:(?:so|now|and|ok(?:ay)?|all right|alright|well)[,\s]+)*"
    r"(?:read|look|think|consider|imagine|try|let's|let us|note|remember|recall|suppose|take|go|see|compare|write"
    r"|answer|click|watch|review|check|make sure|pay attention|notice|pick|choose|list|describe|explain|discuss"
    r"|identify|draw|turn|keep in mind)\b"
    r"|^to see (?:how|what|why)\b|[,:;]\s*(?:read|look at|think about|consider|imagine|try|note|remember|compare|write)\b",
    re.IGNORECASE,
)
_SPEAKER_PLAN = re.compile(
    r"\b(?:you (?:should|can|will|need|might|may|could|have to|want to|guys)|I want you|we're going to|we are going to"
    r"|I'm going to|I am going to|let's|let me|I'll|we'll|I think|you know|raise your hand|clicker|homework|problem set"
    r"|exam|this (?:chapter|section|lecture|module|course|class)|in this (?:chapter|section)|the following)\b",
    re.IGNORECASE,
)
_SETUP = re.compile(
    r"^(?:(?:so|and|but|now)[,\s]+)*(?:for (?:example|instance)|suppose|imagine|say|let's say|if you|if we|assume"
    r"|consider|picture|what if|here's|here is)\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|I'm|I’m|I've|I'll)(?![\w'’])")
_FILLER_START = re.compile(r"^(?:so|and|but|now|okay|ok|all right|alright|well|um|uh|yeah|right|oh)\b[,\s]", re.IGNORECASE)
_CLAIM = re.compile(
    r"\b(?:is|are|was|were|means|mean|causes?|results? in|leads? to|consists? of|contains?|depends? on|occurs?"
    r"|called|refers? to|known as|defined as|describes?|determines?|produces?|requires?|involves?|allows?|shows?"
    r"|states?|explains?|became|remains?|has|have|can|cannot)\b",
    re.IGNORECASE,
)
_DEFINING = re.compile(
    r"\b(?:is an?|are|is the|is called|are called|called|means|is defined as|are defined as|refers? to|known as"
    r"|is when|we call|is equal to|equals)\b",
    re.IGNORECASE,
)
_STRONG_USE = re.compile(
    r"\b(?:(?:is|are|was|were|be|been|being|can be|could be) used (?:to|for|in|by|as)|applie[sd] (?:to|in)"
    r"|applications?|in practice|in everyday|real[- ]world|in industry|in medicine|in engineering"
    r"|(?:engineers|clinicians|doctors|therapists|designers|scientists|researchers|police|courts|companies|lawyers"
    r"|programmers|teachers|physicians|pilots|architects) (?:use|rely|apply|can use|often use|measure|test)"
    r"|uses? (?:\w+ ){0,4}to (?:measure|make|build|calculate|find|determine|detect|treat|predict|test|study|identify"
    r"|produce|create|design|control|improve|prevent|estimate|remember|diagnose)"
    r"|(?:helps?|allows?|enables?|lets?) (?:us|people|them|engineers|doctors|"
    r"scientists|researchers|users|cells|the body) (?:to )?\w+|is useful (?:for|in|when)|makes? it possible)\b",
    re.IGNORECASE,
)
_WEAK_USE = re.compile(
    r"\b(?:for example|for instance|such as|useful|treatment|therapy|everyday|daily life|practical|design(?:ed)?"
    # "five core technologies that played an important role in the realization of cloud computing" (set 42): a
    # technology or an industry named is no use described
    r"|technolog(?:y|ies)|industr(?:y|ies)"
    r"|medicine|medical|machines?|devices?|vehicles?|tools?|law|market|business|courts?)\b",
    re.IGNORECASE,
)


def citation_share(s: Sentence) -> float:
    """Share of the sentence's characters inside citations like ``(Rogers, Kuiper, & Kirker, 1977)``."""
    return sum(len(m.group()) for m in _CITATION_ANY.finditer(s.text)) / max(len(s.text), 1)


def is_instruction(s: Sentence) -> bool:
    """Imperatives and classroom talk: "Read over this list", "we're going to talk about"."""
    return bool(_INSTRUCTION.search(s.text) or _SPEAKER_PLAN.search(s.text))


def is_setup(s: Sentence) -> bool:
    """Example set-ups: "For example, imagine...", "If you're using 5 moles of N2..."."""
    return bool(_SETUP.search(s.text)) or len(_DIGIT.findall(s.text)) >= 6


def terms_in(s: Sentence, terms: list[Term]) -> list[tuple[int, Term]]:
    """(position, term) of the key terms the sentence names, earliest first (a term's own mention)."""
    found = []
    for rank_i, t in enumerate(terms):
        if s not in t.mentions:
            continue
        m = free_match(t, s, terms)
        if m is not None:
            found.append((m.start(), rank_i, t))
    found.sort(key=lambda x: (x[0], x[1]))
    return [(pos, t) for pos, _, t in found]


def claim_score(s: Sentence, terms: list[Term]) -> float:
    """How much ``s`` reads as a key point: a claim about a key term, not talk, set-up or citation."""
    score = 0.0
    named = terms_in(s, terms[:12])
    if named:
        score += 0.35
        if named[0][0] <= 25:
            score += 0.2  # the term is the subject
    if _CLAIM.search(s.text):
        score += 0.2
    if is_instruction(s):
        score -= 0.8
    if is_setup(s):
        score -= 0.5
    if _FILLER_START.match(s.text):
        score -= 0.25
    if _FIRST_PERSON.search(s.text):
        score -= 0.6
    elif re.search(r"\b(?:you|your|we|our|us)\b", s.text):
        score -= 0.25
    share = citation_share(s)
    score -= 1.2 * share + (0.3 if share > 0.15 else 0.0)
    if FIGURE_REF.search(s.text):
        score -= 0.5
    if s.n_words < 8 or not s.complete:
        score -= 0.3
    return score - 0.3 * particular_penalty(s) - (1.0 if defers(s) else 0.0)


def defining_score(s: Sentence, title_words: set[str]) -> float:
    """How much ``s`` reads as a definition of the topic named by ``title_words`` (lower-case words)."""
    score = 0.0
    if _DEFINING.search(s.text):
        score += 1.0
    ws = {w.lower() for w in surface_words(s.text)}
    if title_words and title_words & ws:
        score += 0.8 * len(title_words & ws) / len(title_words)
    if is_instruction(s) or is_setup(s):
        score -= 1.0
    if _FILLER_START.match(s.text):
        score -= 0.3
    if _FIRST_PERSON.search(s.text) or re.search(r"\b(?:you|your)\b|\bgoing to\b", s.text):
        score -= 0.4
    score -= 1.5 * citation_share(s) + definition_penalty(s)
    return score


def use_score(s: Sentence) -> float:
    """How much ``s`` describes a real use: "X is used to...", "clinicians use", "in practice"."""
    strong = len(_STRONG_USE.findall(s.text))
    weak = len(_WEAK_USE.findall(s.text))
    if not strong and not weak:
        return 0.0
    score = 2.0 * min(strong, 2) + 0.6 * min(weak, 2)
    if is_instruction(s) or is_setup(s) and not strong:
        score -= 1.0
    if _FIRST_PERSON.search(s.text):
        score -= 1.0
    score -= 2.0 * citation_share(s)
    return score


def title_words(title: str) -> set[str]:
    """Lower-case content words of a topic title."""
    return {w.lower() for w in surface_words(title) if w.lower() not in STOPWORDS and len(w) > 2}


_SUBJECT_END = re.compile(
    r"\s(?:is|are|was|were|has|have|had|can|could|may|might|must|will|would|should|does|do|did|also|often|usually)\b"
)
_DETERMINERS = frozenset(
    "the a an this that these those such some many most all other another each every our their its his her same several".split()
)


def _subject(s: Sentence) -> str | None:
    """The grammatical subject of a simple statement ("Long-term memory" of "Long-term memory has ..."), if short."""
    text = _FILLER_START.sub("", s.text).lstrip(" ,")
    m = _SUBJECT_END.search(text)
    if not m or "," in text[: m.start()]:
        return None
    ws = surface_words(text[: m.start()])
    while ws and ws[0].lower() in _DETERMINERS:
        ws = ws[1:]
    if not 1 <= len(ws) <= 4 or ws[-1].lower() in STOPWORDS or ws[0].lower() in STOPWORDS:
        return None
    return " ".join(ws)


def _lead_phrase(s: Sentence) -> str | None:
    """The opening noun phrase of a sentence ("Semantic encoding" of "Semantic encoding makes ..."), if any."""
    ws = surface_words(_FILLER_START.sub("", s.text))
    while ws and ws[0].lower() in _DETERMINERS:
        ws = ws[1:]
    run = []
    for w in ws[:3]:
        if w.lower() in STOPWORDS or w.lower() in _VERBISH or w.lower().endswith("ly"):
            break
        run.append(w)
    if not run or max(len(w) for w in run) < 5:
        return None
    return " ".join(run)


_VERBISH = frozenset("makes make made feed feeds help helps shows show gives give take takes means seem seems".split())


def _cap(text: str) -> str:
    return (text[:1].upper() + text[1:])[:300]


def _defined_here(s: Sentence, terms: list[Term]) -> list[Term]:
    """Key terms this sentence defines: it is their definition, or it names them with a defining pattern."""
    spans = {term_key(d.term) for d in defined_terms(s.text)}
    return [t for t in terms if (t.definition is s and t.def_score >= 1.5) or t.key in spans]


def fresh_title(s: Sentence, terms: list[Term], taken: set[str]) -> str | None:
    """A title not in ``taken``: the term the sentence defines, a real key term it names, its noun-phrase subject,
    another key term it names; None when nothing fresh fits."""
    named = [t for _, t in terms_in(s, terms)]
    real = [t for t in named if t.real]
    options = [t.text for t in _defined_here(s, terms)] + [t.text for t in real]
    subject = _subject(s)
    if subject and is_term_like(subject):
        options.append(subject)
    options += [t.text for t in named if not t.real]
    lead = _lead_phrase(s)
    if lead and is_term_like(lead, strict=True) and (" " in lead or noun_bonus(lead) > 0):
        options.append(lead)
    return next((_cap(o) for o in options if o.casefold() not in taken), None)


def phrase_title(s: Sentence, terms: list[Term], taken: set[str]) -> str:
    """A short noun-phrase title: the key term the sentence is about, else its subject, else its longest word."""
    title = fresh_title(s, terms, taken)
    if title:
        return title
    named = [t.text for _, t in terms_in(s, terms)]
    ws = [w for w in surface_words(s.text) if w.lower() not in STOPWORDS and w.isalpha() and not w.lower().endswith("ly")]
    nouns = sorted((w for w in ws if is_term_like(w, strict=True)), key=lambda w: (-len(w), w))
    options = named + nouns + sorted(ws, key=lambda w: (-len(w), w)) or [" ".join(s.text.split()[:3])]
    return _cap(next((o for o in options if o.casefold() not in taken), options[0]))


def titled(sentences: list[Sentence], terms: list[Term]) -> list[tuple[Sentence, str]]:
    """(sentence, title) in order, sentences with a fresh title first and repeats deferred (titles stay unique)."""
    taken: set[str] = set()
    out: list[tuple[Sentence, str]] = []
    later: list[Sentence] = []
    for s in sentences:
        title = fresh_title(s, terms, taken)
        if title is None:
            later.append(s)
            continue
        taken.add(title.casefold())
        out.append((s, title))
    for s in later:
        title = phrase_title(s, terms, taken)
        taken.add(title.casefold())
        out.append((s, title))
    return out


def key_terms(terms: list[Term]) -> set[str]:
    """Keys of the terms the source marks or defines: a one-word title may name one of them ("Storage")."""
    return {t.key for t in terms if t.origin != "keyword" or t.defined}


def good_title(title: str, text: str, keys: frozenset[str] | set[str] = frozenset()) -> bool:
    """A title that names its point: a specific noun phrase from its text, not "Hence", "Write" or "Bordin argued"."""
    ws = surface_words(title)
    if not ws or len(ws) > 10 or only_function_words(title) or len(ws) == 1 and generic_word(ws[0]):
        return False
    if len(ws) == 1 and not is_acronym(ws[0]) and zipf(ws[0]) >= 3.8 and term_key(title) not in keys:
        return False  # a bare common noun ("Dollars", "Films", "Client") names no point
    if not (can_be_noun(ws[-1]) or is_acronym(ws[-1]) or ws[-1][:1].isupper() and len(ws) > 1):
        return False
    first = surface_words(text)[:2]
    opens = len(ws) == 1 and len(first) == 2 and first[0].lower() == ws[0].lower()
    if opens and "VERB" in word_classes(ws[0]) and first[1].lower() in _DETERMINERS:
        return False  # "Contrast this with ...": the title is the verb the text opens with
    return shares_word(title, text)
