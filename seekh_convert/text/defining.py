"""Terms a sentence itself defines: "X is the ...", "X, which means ...", "a process called X", "X happens when ...".

The first-class term source after emphasis and glossary entries, and the only one for sources without
markup (lecture transcripts, plain text). Spans are short noun phrases cut by word-shape rules (no model).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from seekh_convert.text.lexicon import is_acronym, only_function_words
from seekh_convert.text.nouns import is_field, is_term_like
from seekh_convert.text.terms import term_key, term_pattern
from seekh_convert.text.words import STOPWORDS, surface_words

_FILLER = re.compile(r"^(?:(?:so|and|but|now|okay|ok|well|also|then|thus|hence|here|right|in fact)[,\s]+)+", re.IGNORECASE)
_ARTICLE = frozenset({"the", "a", "an"})
_SKIP = frozenset({"the", "a", "an", "this", "that", "these", "those", "it", "them", "our", "its", "their", "your"})
_WORD_AT = re.compile(r"[A-Za-z][\w'’\-]*")
#: Verbs that end a term span even without punctuation ("distributed practice leads to ...").
_VERBS = frozenset(
    """is are was were be been has have had means mean happens happen occurs occur leads lead helps help makes make shows
    show takes take works work gives give plays play comes come goes go depends depend refers refer describes describe
    involves involve holds hold tells tell divides divide says say states state explains explain can could will would
    should may might must does do did""".split()
)

_NAMING = frozenset({"called", "named", "termed", "known", "call"})

_NOT_A_CALL = r"(?!(?:its|his|her|their|my|our|your|him|them|me|us|it|on|for|off|out|up|back|in)\b)"

#: After a term: what it "is used to describe" or "was used for" ("the term 'humanist' was used for masters ...").
_USED_FOR = re.compile(
    r"^[\"'\u2019\u201d]?\s*(?:\([^)]{1,40}\)\s*)?,?\s*(?:(?:is|was|are|were|has been|had been|have been)\s+)?"
    r"(?:(?:\w+ly|often|also|now|still|sometimes|first|widely)\s+)?used\s+(?:to\s+(?:describe|refer\s+to|mean|denote|name)|for)\s+\w",
    re.I,
)
#: After a term someone "used ... to describe": "historians used the term 'Renaissance' (literally, rebirth) to ...".
_USED_TERM_FOR = re.compile(
    r"^[\"'\u2019\u201d]?\s*(?:\([^)]{1,40}\)\s*)?,?\s*(?:to\s+(?:describe|refer\s+to|mean|denote|name)|for)\s+\w", re.I
)
_THE_TERM = re.compile(r"\bthe (?:term|word)\s*[\"'\u2018\u201c]?$", re.I)
_USED_THE_TERM = re.compile(r"\bused the (?:term|word)\s*[\"'\u2018\u201c]?$", re.I)


def term_used(before: str, after: str) -> bool:
    """True when the text around a term says what the term is used for: "the term 'Renaissance Man' is often used to
    describe a person with many interests", "historians used the term 'Renaissance' (literally, rebirth) to describe
    the cultural changes of this period" (``before`` and ``after`` are the sentence's text on either side)."""
    if _USED_THE_TERM.search(before):
        return bool(_USED_TERM_FOR.match(after))
    return bool(_THE_TERM.search(before) and _USED_FOR.match(after))


# Cue words after which the term follows ("called X"), with the strength of the signal.
_FORWARD = (
    # "By gender, we mean the social, cultural and psychological meanings ..." (set 53's lecture): the term after "By"
    (re.compile(r"^(?:so,?\s+|and\s+)?by\s+(?=[\w\s'’-]{2,40}?,?\s+(?:we|I)\s+(?:simply\s+|just\s+)?mean\b)", re.I), 3.4),
    (re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:called|termed|known as|referred to as|defined as)\s+", re.I), 3.2),
    (re.compile(rf"\b(?:an?|the|this|that)\s+(?:\w+\s+){{1,2}}?(?:called|termed|known as|named)\s+{_NOT_A_CALL}", re.I), 3.0),
    (
        re.compile(
            r"\b(?:we|they|scientists|psychologists|researchers|people|you|i)\s+(?:later\s+|now\s+|often\s+)?call(?:ed)?\s+", re.I
        ),
        3.0,
    ),
    # "The hospital called its long-time attorney": a call to someone (a possessive or a pronoun follows) names nothing
    (re.compile(rf"(?<!\bwho )(?<!\bturn )\b(?:known as|referred to as|termed|called)\s+{_NOT_A_CALL}", re.I), 2.6),
    (re.compile(r"\b(?:got|gets|was given|were given|given|has|had) the names?(?: of)?\s+", re.I), 2.6),
    # "Kotler defines (2000) “relationship marketing as the process of ...”": an author's definition, term then "as"
    (re.compile(r"\bdefines?\s+(?:\([^)]{1,30}\)\s+)?(?=[\"\u201c]?[A-Za-z][\w'\u2019 -]{2,60}?\s+as\s)", re.I), 3.2),
    # "the term 'humanist' was used for masters who taught ...": the term said to be used for what it names
    (re.compile(r"\bthe (?:term|word)\s+(?=[\"'\u2018\u201c]?[A-Za-z][^.;]{0,60}?" + _USED_FOR.pattern[1:] + ")", re.I), 3.0),
    (
        re.compile(
            r"\bused the (?:term|word)\s+(?=[\"'\u2018\u201c]?[A-Za-z][^.;]{0,60}?" + _USED_TERM_FOR.pattern[1:] + ")", re.I
        ),
        3.0,
    ),
    (re.compile(r"\bthe (?:term|concept|phrase|notion)\s+(?=[A-Za-z])", re.I), 1.5),
)
# Cue words before which the term stands at the start of the sentence ("X means ..."), with strength.
_LEADING = re.compile(
    r"^(?P<np>[A-Za-z][\w'’\-]*(?:\s+(?:of\s+)?[A-Za-z][\w'’\-]*){0,3}?)(?:\s*\([^)]{1,40}\))?,?\s+"
    r"(?P<cue>is defined as|are defined as|(?:is|are) characteri[sz]ed by|refers? to|means|mean|is when|are when|describes|deals with|"
    r"is concerned with|"
    r"(?:happens|happen|occurs|occur) (?:when|if|because)|(?:associates|assigns|maps) (?:to )?(?:each|every)|measures|quantifies|captures|is|are)\b(?P<after>\s+\w+)?",
    re.IGNORECASE,
)
_LEADING_STRENGTH = {
    "is defined as": 3.6,
    "are defined as": 3.6,
    "refers to": 3.4,
    "refer to": 3.4,
    "means": 3.4,
    "mean": 3.2,
    "is when": 3.0,
    "are when": 3.0,
    "describes": 2.4,
    # "Biotechnology deals with techniques of using live organisms ..." (set 60): a field and what it studies
    "deals with": 2.6,
    "is concerned with": 2.6,
    "is characterized by": 2.8,  # "A knowledge economy is characterized by the creation, dissemination, ..."
    "are characterized by": 2.8,
    "is characterised by": 2.8,
    "are characterised by": 2.8,
}
#: What a measure measures, after "X measures": a quantity ("the fraction of links ...") or "how ...".
_GAUGED = re.compile(
    r"\s+(?:how\b|(?:the|a|an)\s+(?:\w+\s+)?(?:tendency|degree|extent|amount|fraction|proportion|number|ratio|rate|level|"
    r"strength|probability|likelihood|spread|variability|variation|dispersion|distance|similarity|difference|change|"
    r"average|share|percentage|frequency|concentration|density|intensity|speed|magnitude)\b)",
    re.I,
)
_COPULA_AFTER = frozenset({"a", "an", "the", "any", "one", "defined", "when", "how", "where"})
_WHICH = re.compile(
    r",\s*which\s+(?:means|mean|refers? to|is to say|is called|are called|(?:is|are)\s+(?:a|an|the|any|one of the|\w+ing)\b"
    r"|divides|describes|tells us|explains|states|says|holds)",
    re.IGNORECASE,
)
_ORDINAL = re.compile(
    r"^(?:the\s+)?(?:first|second|third|fourth|fifth|next|last|final|other|main|key)\s+(?:[a-z]+\s+)?(?:is|are)\s+(?!(?:the|a|an)\b)",
    re.IGNORECASE,
)
_APPOSITIVE = re.compile(
    r"\b(?:a|an|the|this|that)\s+(?:new\s+)?(model|law|theory|principle|effect|rule|equation|process), the\s+", re.I
)


@dataclass(frozen=True)
class Defined:
    """A term span a sentence defines, and how strongly (about the scale of ``terms.definition_score``)."""

    term: str
    strength: float
    explicit: bool  # an explicit marker ("called", "means"), trustworthy even for a term used once


def _span_forward(text: str, start: int, max_words: int = 4) -> str | None:
    """The noun phrase starting at ``start``: leading determiners skipped, cut at punctuation, stop words or verbs."""
    tail = re.sub(
        r"[\"\u201c\u201d\u2018\u2019](?=\w)|(?<=\w)[\"\u201c\u201d\u2018]", "", text[start:]
    )  # called a "point-neuron"
    cut = re.search(r"[,.;:!?()\"“”]|\s[-–—]+\s|--", tail)
    tail = tail[: cut.start()] if cut else tail
    ws = _WORD_AT.findall(tail)
    det = next((i for i, w in enumerate(ws[:4]) if w.lower() in _ARTICLE), None)
    if det is not None and det > 0 and all(w.lower() in _SKIP or w.lower() not in STOPWORDS for w in ws[:det]):
        ws = ws[det + 1 :]  # "we call this pattern the forgetting curve" -> "forgetting curve"
    while ws and ws[0].lower() in _SKIP:
        ws = ws[1:]
    out: list[str] = []
    for i, w in enumerate(ws):
        low = w.lower()
        if low == "of" and out and i + 1 < len(ws) and ws[i + 1].lower() not in STOPWORDS and len(out) < max_words - 1:
            out.append(w)
            continue
        if low in STOPWORDS or (low in _VERBS and out) or len(out) == max_words or (len(w) == 1 and out):
            break  # a trailing symbol ends the term too: "normal force N"
        out.append(w)
    while out and out[-1].lower() == "of":
        out.pop()
    return " ".join(out) or None


def _span_backward(text: str, end: int, max_words: int = 4) -> str | None:
    """The noun phrase ending at ``end`` (before ", which ..."): content words only, at most ``max_words``."""
    ws = _WORD_AT.findall(text[:end].rsplit(",", 1)[-1] if "," in text[:end] else text[:end])
    out: list[str] = []
    for w in reversed(ws):
        if w.lower() in STOPWORDS or w.lower() in _VERBS or w.lower() in _NAMING or len(out) == max_words:
            break
        out.insert(0, w)
    return " ".join(out) or None


def _leading(text: str) -> Defined | None:
    """ "X means ...", "X is the ...", "X happens when ..." at the start of the sentence."""
    body = _FILLER.sub("", text)
    words_ = body.split(None, 1)
    if words_ and words_[0].lower() in _ARTICLE and len(words_) > 1:
        body = words_[1]
    m = _LEADING.match(body)
    if not m:
        return None
    cue = " ".join(m.group("cue").lower().split())
    after = (m.group("after") or "").strip().lower()
    if cue in ("is", "are"):
        if after not in _COPULA_AFTER:
            return None
        strength, explicit = 2.6, False
    elif cue in ("measures", "quantifies", "captures"):
        if not _GAUGED.match(body[m.end("cue") :]):
            return None  # "Nestedness measures the tendency for ...", not "The study measures students"
        strength, explicit = 2.6, False
    elif cue.startswith(("happen", "occur")):
        strength, explicit = 3.0, True
    else:
        strength, explicit = _LEADING_STRENGTH.get(cue, 2.6), True
    np = m.group("np")
    if any(w.lower() in STOPWORDS and w.lower() != "of" for w in np.split()):
        return None
    if cue in ("deals with", "is concerned with") and not is_field(np):
        return None  # "This chapter deals with ...", "the law deals with": a work or a thing, not a field of study
    return Defined(np, strength, explicit)


def defined_terms(text: str) -> list[Defined]:
    """Every term span ``text`` (one sentence) defines, strongest first; only term-like spans."""
    out: dict[str, Defined] = {}
    for d in _cued(text):
        key = d.term.lower()
        if is_term_like(d.term) and (key not in out or d.strength > out[key].strength):
            out[key] = d
    return sorted(out.values(), key=lambda d: -d.strength)


def _cued(text: str) -> list[Defined]:
    """Term spans at every defining cue of ``text``: leading "X means", ordinals, ", which is", "called X", appositives."""
    found: list[Defined] = []
    lead = _leading(text)
    if lead is not None:
        found.append(lead)
    body = _FILLER.sub("", text)
    offset = len(text) - len(body)
    ordinal = _ORDINAL.match(body)
    if ordinal:
        span = _span_forward(text, offset + ordinal.end())
        if span:
            found.append(Defined(span, 1.8, True))
    for m in _WHICH.finditer(text):
        span = _span_backward(text, m.start())
        if span:
            strong = re.search(r"which\s+(?:means|mean|refers?|is to say)", m.group(), re.I)
            found.append(Defined(span, 3.2 if strong else 2.6, True))
    for rx, strength in _FORWARD:
        for m in rx.finditer(text):
            span = _span_forward(text, m.end())
            if span and text[m.end() : m.end() + 1] in "\u2018'":
                span = span.rstrip("\u2019'")  # "the term ‘humanist’": the closing quote is no part of the term
            if span:
                found.append(Defined(span, strength, True))
    for m in _APPOSITIVE.finditer(text):
        span = _span_forward(text, m.end())
        if span and span.lower().endswith(m.group(1).lower()):
            found.append(Defined(span, 2.0, True))
    return found


# -- does an answer define a term? (the review rubric and the offline engine's flashcards) ----------------


def initials(words: list[str]) -> str:
    """Upper-case initials of the content words ("absolute risk reduction" -> "ARR")."""
    return "".join(w[0].upper() for w in words if w.lower() not in STOPWORDS)


_WHAT_IS = re.compile(
    r"^\s*(?:in\s+[^,?]{2,80},\s+)?(?:what\s+(?:is|are|was|were)\s+(?:meant\s+by\s+)?|define\s+|what\s+does\s+)(?:(?:the|a|an)\s+)?"
    r"(?P<x>[^?]{1,60}?)(?:\s+(?:mean|measure|deal\s+with))?\s*[?.]?\s*$",
    re.IGNORECASE,
)
_TALK = re.compile(
    r"\b(?:in this (?:video|lecture|chapter|section|course|class|module)|we(?:'re| are) going to|i(?:'m| am) going to"
    r"|let's|let us|today we|we will (?:now )?(?:introduce|look|talk|discuss)|as we (?:saw|said|discussed))\b",
    re.IGNORECASE,
)


def asked_term(question: str) -> str | None:
    """X of "What is X?", "Define X.", "What does X mean?" ("... measure?", "... deal with?"); None for other questions."""
    m = _WHAT_IS.match(question)
    if m is None or re.search(r"\b(?:called|named|term|which|of these)\b", question, re.I):
        return None
    x = m.group("x").strip()
    ws = surface_words(x)
    if not ws or len(ws) > 5 or re.search(r"\d", x) or only_function_words(x):
        return None
    return x


def related(a: str, b: str) -> bool:
    """The same term, one inside the other, or one the abbreviation of the other ("ARR", "absolute risk reduction")."""
    x, y = f" {term_key(a)} ", f" {term_key(b)} "
    if x in y or y in x:
        return True
    short, long_ = sorted((a.strip(), b.strip()), key=len)
    return is_acronym(short) and initials(surface_words(long_)) == short.rstrip("s").upper()


_SUBJECT = re.compile(
    r"^\W*(?:(?:the|a|an|one)\s+)?(?P<y>[A-Za-z][\w'’\- ]{1,60}?)\s*(?:\([^)]{1,20}\))?,?\s+"
    r"(?:is|are|refers? to|means|is defined as)\s+(?:the|a|an|any|one|defined|when)\b",
    re.IGNORECASE,
)


def _copular_subject(answer: str) -> str | None:
    """Y of an answer shaped "Y is the ..." (Y a noun phrase, not a pronoun)."""
    m = _SUBJECT.match(answer)
    if m is None or m.group("y").split()[0].lower() in STOPWORDS:
        return None
    return m.group("y")


def defines_as_subject(x: str, answer: str) -> bool:
    """ "X is ...", "The X refers to ...", "X, or Y, means ...", "The X theory of emotion asserts that ..." with X (or a
    form of it) as the subject."""
    m = re.match(r"\W*(?:(?:the|a|an|one)\s+)?", answer, re.I)
    found = term_pattern(x).match(answer, m.end() if m else 0)
    if found is None:
        return False
    rest = answer[found.end() :]
    return bool(
        re.match(
            r"\s*(?:\([^)]{1,60}\)\s*)?(?:of [a-z]+\s+)?,?\s*(?:(?:or|also called|also known as)\s+[^,]{1,60},\s*)?"
            r"(?:(?:simply|also|usually|generally|often|basically|essentially|commonly)\s+)?"
            r"(?:is|are|was|were|refers?|means?|denotes?|describes?|involves?|happens|occurs|consists?|comprises?"
            r"|can be|may be|represents?|measures?|states?|says|holds|asserts|proposes|posits|predicts|maintains|argues|claims"
            r"|is defined|,\s*which)\b",
            rest,
            re.IGNORECASE,
        )
    )


def _entry(x: str, answer: str) -> bool:
    """ "First fit: searches from the beginning of the linked list": a term entry, the term then its explanation."""
    found = term_pattern(x).match(answer.lstrip())
    return found is not None and bool(re.match(r"\s*:\s+\S", answer.lstrip()[found.end() :]))


def _genus_phrase(x: str, answer: str) -> bool:
    """An answer that names the term's own kind and then what sets it apart ("A matrix some power of which is the zero
    matrix" for "nilpotent matrix"; relay run 10): a definition by genus and difference, whatever its verb."""
    head = x.split()[-1].lower().rstrip("s") if len(x.split()) > 1 else ""
    m = re.match(r"\s*(?:an?|the)\s+(\w+)\s+(?:some|that|which|whose|with|of|in|where|who|for)\b", answer, re.IGNORECASE)
    return bool(head) and m is not None and m.group(1).lower().rstrip("s") == head


#: Who someone is ("Appellee is an adult resident of Hartford, Wis.", "Petitioner Paul is the Chief of Police of the
#: Louisville, Ky., Division of Police"): a party or a person placed, not a term defined (offline set 14's casebook);
#: "A senator is a member of the Senate" (a generic article) defines one.
_WHO = re.compile(
    r"^\W*(?!(?i:an?|the)\s)[\w'\u2019 -]{1,40}?\s+(?:is|was|are|were)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}"
    r"(?i:resident|residents|citizen|citizens|native|member|employee|chief|head|director|president|owner|mayor|governor"
    r"|officer|professor|student|judge|justice|son|daughter|wife|husband)(?:\s+of\s+[A-Za-z]+)?\s+(?:of|at)\s+(?:the\s+)?"
    r"[A-Z]"
)


#: An answer that ranks the term among others: "The most common way of persuasion.", "One of the best methods ...".
_RANKED = re.compile(
    r"^\W*(?:the|a|an)?\s*(?:most|least|best|worst|main|commonest|simplest|easiest)\s+(?:common\s+|popular\s+|important\s+|widely\s+used\s+)?(?:way|method|form|type|kind|means|example|source|cause)\b",
    re.I,
)


def not_a_definition(x: str, answer: str) -> str | None:
    """Why ``answer`` does not define the term ``x`` (talk about it, a definition of another term, a mere
    mention), or None when it does, also without repeating the term ("The input of information into memory")."""
    if _TALK.search(answer):
        return f"the answer is talk about {x!r}, not its definition"
    if _WHO.match(answer):
        return f"the answer says who {x!r} is in one case, not what the term means"
    if _RANKED.match(answer):
        return f"the answer ranks {x!r} among others, not what it is"  # "PEER APPEAL: The most common way of persuasion."
    if defines_as_subject(x, answer) or _entry(x, answer) or _genus_phrase(x, answer):
        return None
    found = [d.term for d in defined_terms(answer) if d.strength >= 2.4]
    found += [y] if (y := _copular_subject(answer)) else []
    if any(related(t, x) for t in found):
        return None
    if found:
        return f"the answer defines {found[0]!r}, not {x!r}"
    if term_pattern(x).search(answer):
        return f"the answer only mentions {x!r}"
    return None
