"""The frame a "What is X?" card needs when X is everyday words used in a sense of the course: "What is replication?"
reads as DNA or science ("Minimal adjustment to both role and person." is Nicholson's adjustment mode), so the card
asks "In role transitions, what is replication?", naming the heading the definition sits under. Teachers asked for
this on "What is full voice?", "What is metamorphosis?", "What is Cornell School?" (set 13). An answer that names the
term ("A unit is a measurement for ...") carries its own frame."""

from __future__ import annotations

import re

from seekh_convert.text import parse
from seekh_convert.text.lexicon import zipf
from seekh_convert.text.words import STOPWORDS, singular, surface_words

_WHAT_IS = re.compile(r"^What (?P<verb>is|are) (?P<article>(?:the|a|an) )?(?P<term>[^?]{1,60})\?$")
#: Headings that place the text in the course or the page rather than name a subject.
_NOT_A_FRAME = re.compile(
    r"^\W*(?:introduction|overview|summary|recap|review|conclusions?|notes?|background|definitions?|glossary|key terms?"
    r"|key (?:points?|takeaways?|ideas?|concepts?)|examples?|exercises?|practice|problems?|questions?|quiz|quick check"
    r"|try it(?: yourself)?|exit ticket|next steps?|learning (?:objectives?|outcomes?)|objectives?|agenda|outline"
    r"|contents|references|reading|appendix|part|chapter|section|unit|module|lecture|week|day|session|class|topic"
    r"|slide|figure|table|what|why|how|when|who|which|basic|basics|terms?|concepts?|vocabulary|more|other"
    r"|opening essay|essay|looking closer|career focus|to your health|spotlight|case stud(?:y|ies)|box|activit(?:y|ies)"
    r"|sidebar|end-of-chapter|additional exercises|concept review)\b",
    re.I,
)
_MONTH = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}/\d{1,2}\b|^\W*[\dIVX]+\b",
    re.I,
)
#: A heading that is only the kind of list below it ("Types", "Properties", "Pros"): no subject.
_LIST_HEADING = re.compile(
    r"(?:(?:some|main|key|important|basic|common) )*(?:types?|kinds?|properties|characteristics|features|pros|cons"
    r"|advantages|disadvantages|benefits|drawbacks|limitations|applications?|uses|components|parts|elements|steps"
    r"|stages|categories|classifications?|functions|examples|factors|principles|methods|tools|definitions?|terms"
    r"|terminology|vocabulary|concepts|glossary)",  # "In some basic definitions, what is element?" (set 49)
    re.I,
)
#: Words of a heading that point at the page around it.
_POINTS_AT = re.compile(r"\b(?:above|below|following|preceding|previous|this|these|those)\b", re.I)
#: A word this common (Zipf frequency) has an everyday sense besides the course's.
_EVERYDAY = 2.5


def framed(front: str, back: str, section: str | None) -> str:
    """``front`` with its heading as the frame when its term is common words and ``back`` is a bare gloss that does not
    name the term either ("Minimal adjustment to both role and person."), unless the heading already names it."""
    m = _WHAT_IS.match(front.strip())
    if m is None or not everyday(m.group("term")) or _names(back, m.group("term")) or back.lstrip().startswith("(1)"):
        return front  # a list card's answer is the list it asks for
    frame = _frame(section or "", m.group("term"))
    if frame is None:
        return front
    return f"In {frame}, what {m.group('verb')} {m.group('article') or ''}{m.group('term')}?"


def everyday(term: str) -> bool:
    """True for a term of one to three words that are all common English words ("full voice", "unit"); not a phrase
    that carries its own frame ("jurisdictions in the UK")."""
    words = [w for w in surface_words(term) if w.lower() not in STOPWORDS]
    if re.search(r"\b(?:in|of|for|on|at|from|with|by|about|during)\b", term, re.I):
        return False
    return 0 < len(words) <= 3 and all(zipf(w.lower()) >= _EVERYDAY for w in words) and not term.isupper()


def _names(text: str, term: str) -> bool:
    have = {singular(w.lower())[:6] for w in surface_words(text)}
    return any(singular(w.lower())[:6] in have for w in surface_words(term) if w.lower() not in STOPWORDS)


def _frame(heading: str, term: str) -> str | None:
    """The heading as a frame ("stakeholder participation during change"), or None when it is no subject (a date,
    a number, "Introduction", "Try it yourself", a question), a title in parts ("The Story of Sound: Equilibrium"
    would read "In equilibrium, ..."), too long, or already names a word of the term."""
    text = re.sub(r"^\W*(?:(?:\d+(?:\.\d+)*|[IVX]+)\b[.)]?\s*)+(?:[.:\-–—]\s*)?", "", heading).strip().rstrip(":.;,-–— ")
    words = surface_words(text)
    if not 1 <= len(words) <= 7 or len(text) > 60 or re.search(r"[?:;|()\[\]]", text) or _MONTH.search(text):
        return None
    if _NOT_A_FRAME.match(text) or not re.search(r"[A-Za-z]{3}", text) or re.search(r"[=<>$\\{}]|\d", text):
        return None
    if _LIST_HEADING.fullmatch(text):
        return None  # "In types, what is software as a service?", "In properties, what is toughness?" (sets 43, 44)
    if _names(text, term):
        return None  # "Emotion regulation" already frames "automatic emotion regulation"
    if _POINTS_AT.search(text):
        return None  # "Anomalies in the above table": a heading that points at what the card cannot show (set 23)
    if _clause(text):
        return None  # "In two states implemented land reforms, what are tariffs?" (set 54): a sentence, no subject
    return _sentence_case(text)


def _clause(text: str) -> bool:
    """True for a heading that is a sentence ("Two states implemented land reforms"): a verb with its subject."""
    doc = parse.parse(text)
    return any(t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) for t in doc)


def _sentence_case(text: str) -> str:
    """A heading as it reads inside a sentence: its first word, and in Title Case its other common words, in lower case;
    names and acronyms kept ("Nicholson's Adjustment Modes" -> "Nicholson's adjustment modes")."""
    words = text.split()
    content = [w for w in words if w.lower() not in STOPWORDS]
    title_case = len(content) > 1 and all(w[:1].isupper() for w in content)
    out = []
    for i, w in enumerate(words):
        core = re.sub(r"[^\w-]", "", w)
        common = core[:1].isupper() and core[1:].islower() and "'" not in w and zipf(core.lower()) >= _EVERYDAY
        out.append(w.lower() if common and (i == 0 or title_case) else w)
    return " ".join(out)
