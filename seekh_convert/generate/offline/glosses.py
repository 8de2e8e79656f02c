"""Every term a topic defines, with its definition and the sentence to quote: ``topic_definitions``.

Three shapes, each checked on a spaCy parse of the candidate sentence only (cheap cue patterns pick the candidates):
- "Term: explanation" lines (slides, lists, glossaries): "Inertia: the tendency of an object in motion to stay in motion";
- a bullet that is only a term followed by a bullet explaining it ("A living will" / "Written document drawn up by ...");
- defining sentences: "X (ABBR) is a ... that ...", "X occurs when ...", "X refers to ...", "... is called X",
  "X, which refers to Y" (the answer is then Y).
The answer is cut to the defining text and must stand alone; talk, praise, pronoun subjects and examples are no
definitions. The offline questions reuse these terms (e.g. as distractors of the same kind).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from seekh_convert.generate.offline.appositive import CUE as APPOSITION
from seekh_convert.generate.offline.appositive import appositions
from seekh_convert.generate.offline.sentences import ITEM_WORDS, Sentence, prime, split_block
from seekh_convert.generate.offline.titledef import _standalone, _subject_term, hollow
from seekh_convert.model.document import BlockKind
from seekh_convert.text import parse
from seekh_convert.text.defining import initials, related
from seekh_convert.text.grammar import definition_kind
from seekh_convert.text.labels import form_fields
from seekh_convert.text.lexicon import example_name, is_acronym, notation, zipf
from seekh_convert.text.terms import term_key
from seekh_convert.text.words import singular, surface_words

#: Definitions (answers) one topic gives at most.
MAX_GLOSSES = 8

_MARKER = re.compile(r"^\s*(?:[-\u2022*\u25aa\u25cf]\s*|(?:[A-Za-z]|[IVX]{1,4}|\d{1,2})[.)]\s+)")
_COLON = re.compile(
    # (an en dash inside a word joins its halves: "Dipole–dipole interactions: A kind of ...", set 62's chapter)
    r"^(?P<term>[A-Za-z][\w'\u2019\- ]{0,50}?(?:\u2013\w[\w'\u2019\- ]{0,30}?)?(?:\s*\([^()]{1,40}\))?)\s*"
    r"(?::\s+|\s[\u2013\u2014-]\s+|\s(?P<eq>=)\s+)(?P<def>\S.*)$",
    re.S,
)
_NEXT_ENTRY = re.compile(r"\s[A-Z][\w'\u2019\-]*(?:\s[\w'\u2019\-]+){0,3}(?:\s*\([^()]{1,20}\))?\s*:\s")
_CUE_NAMING = re.compile(r"\b(?:called|known\s+as|termed|which\s+(?:refers|means|denotes))\b", re.I)
_SCENE = re.compile(r"^(?:In|Within|For|Among) [A-Za-z][\w\s'\u2019\-]{1,40}?,\s+(?=(?:the|an?)\s|[A-Z])")
#: A scene that says the statement holds only sometimes: what follows defines nothing.
_HEDGE_SCENE = re.compile(
    r"^In (?:many|some|most|certain|a few|several|these|those|such) (?:cases|instances|situations|ways)\b", re.I
)
_CUE = re.compile(
    r"\b(?:is|are)\s+(?:an?|the|any|one|defined|called|known|termed|referred|when|\w+s)\b|\brefers?\s+to\b|\bmeans\b"
    r"|\bdenotes?\b|\b(?:occurs?|happens?)\s+(?:when|if)\b|\bknown\s+as\b|\bcalled\b|\b(?:states?|says)\s+that\b"
    r"|\bdeals?\s+with\b|\b(?:is|are)\s+concerned\s+with\b",
    re.IGNORECASE,
)
#: Kinds that, bare, point at one named before ("The model says biology is one part of ..." under a slide on the
#: biopsychosocial model): "What is the model?" has no answer of its own.
_BARE_KINDS = frozenset("model theory approach method framework process system hypothesis law rule principle effect".split())
_COLOURS = frozenset("red orange yellow green blue purple violet pink brown black white grey gray cyan magenta".split())
#: Labels that precede a colon without being terms ("Note: ...", "Example: ...").
_LABELS = frozenset(
    """additional other more some main key new several various following further different general basic
    todo tbd fixme nb note notes example examples e.g i.e hint tip tips figure fig table top bottom left right step steps exercise
    question questions answer answers task goal goals aim aims objective objectives warning remember important summary
    definition definitions source sources reading readings spoiler remark recall key idea ideas problem solution
    answer result results conclusion conclusions update reminder caution keyword keywords practice worksheet
    introduction overview background appendix chapter section lecture module unit lesson preface foreword
    wrong correct incorrect better worse good bad mistake mistakes myth myths evidence particular certain specific opposite
    evaluate discuss explain describe compare contrast analyze analyse identify define list explore consider reflect
    assess examine summarize summarise outline justify illustrate corollary lemma proposition observation""".split()
)
_NOT_TERM_WORDS = frozenset(
    """i you he she it we they me him her us them my your his its our their this that these those is are was were be
    been has have had do does did can could should may might must not what who why how when where which""".split()
)
#: "a special case", "a general example": a case of something named before, never a term of its own.
_RELATIVE = frozenset("special particular general limiting simple simplest typical extreme trivial degenerate".split())
_CASES = frozenset("case cases example examples instance instances version form situation".split())
_RANKS = frozenset(
    """first second third fourth fifth next last final other another only most least main same perhaps one two three four
    five six seven eight nine ten several many few common familiar important key""".split()
)
#: A subject's determiner that ties it to what came before ("Each membrane is ...").
_TIED = frozenset("each every both some many most all its their his her our your such either neither".split())
_CONNECTIVE = frozenset("thus therefore hence consequently accordingly".split())
_DEF_START_BAD = frozenset("it this that these those he she they we you i there here ie i.e eg e.g".split())
#: Head nouns of a course outline's entries ("Band theory of solids: the difference between ..."), not of definitions.
_OUTLINE_HEADS = frozenset(
    "difference differences introduction overview review examples applications basics history topics".split()
)
_LAWLIKE = re.compile(r"\b(?:law|principle|theorem|rule|hypothesis|theory|postulate|equation|effect|model|axiom)s?\b", re.I)
_POINTING = re.compile(
    r"\b(?:the (?:two|three|four|both|above|former|latter)|dashed|dotted|solid line|figure|panel|shown)\b", re.I
)


@dataclass(frozen=True, eq=False)
class Gloss:
    """A term the topic defines: ``definition`` is the answer to learn, ``sentence`` the quote it comes from."""

    term: str
    definition: str
    sentence: Sentence
    kind: str  # "colon", "pair", "it", "called", "sentence", "relative", "apposition", "abbreviation"
    named: str = ""  # the term as a question names it ("a living will")

    @property
    def quote(self) -> str:
        return self.sentence.text


def topic_definitions(ta) -> list[Gloss]:
    """(term, definition, quote) of every term the topic (a ``TopicAnalysis``) defines, in source order, one per
    term (computed once per topic)."""
    if "glosses" not in ta.memo:
        ta.memo["glosses"] = _find(ta)
    return ta.memo["glosses"]


def _find(ta) -> list[Gloss]:
    found: list[Gloss] = []
    blocks = [b for b in ta.topic.blocks if b.text.strip()]
    firsts: dict[int, Sentence] = {}
    for i, block in enumerate(blocks):
        if i + 1 < len(blocks) and blocks[i + 1].usable and blocks[i + 1].kind is not BlockKind.HEADING:
            nxt = firsts.setdefault(i + 1, _first(blocks[i + 1]))
            if nxt is not None and (g := _it_is(block.text, nxt)) is not None:
                found.append(g)  # "Organizing" / "It is the process of bringing together ..."
                continue
        if block.kind is BlockKind.HEADING or not block.usable:
            continue
        first = firsts.setdefault(i, _first(block))
        if first is None:
            continue
        g = _colon(first) or _colon_it(first)
        if g is None and i + 1 < len(blocks) and blocks[i + 1].usable:
            nxt = firsts.setdefault(i + 1, _first(blocks[i + 1]))
            g = _pair(block.text, nxt) if nxt is not None else None
        if g is not None:
            found.append(g)
    candidates = [s for s in ta.sentences if s.n_words <= ITEM_WORDS + 5 and _candidate(s.text) and (s.alone or _ends_block(s))]
    appos = [s for s in ta.sentences if s.n_words <= ITEM_WORDS + 15 and s.complete and APPOSITION.search(s.text)]
    prime(candidates + [s for s in appos if all(s is not c for c in candidates)])  # one batch: faster than a parse at a time
    for s in candidates:
        found.extend(g for g in _sentence(s) if not _bare_the(g))
    for s in appos:  # a term the topic uses again ("the hippocampus, an area of ..." is parsed onto "the growth")
        found.extend(
            Gloss(t, _answer(d), s, "apposition", _lower(n))
            for t, d, n in appositions(s.parsed)
            if _term_ok(t)
            and ta.stem_text.count(f" {term_key(t)} ") >= 2
            and not remark(parse.parse(d))
            and not _the_everyday(t, s)
        )
    found.extend(g for s in ta.sentences if s.n_words <= ITEM_WORDS + 15 and not s.cut and (g := _dash(s)) is not None)
    found.extend(g for s in ta.sentences if s.complete and (g := _called_last(s)))
    found.extend(g for s in ta.sentences if (g := _as_it_sounds(s)) is not None)
    found.extend(g for s in ta.sentences if s.complete and not s.cut and (g := _speak_of(s)) is not None)
    found.extend(_expansions(ta))
    found = [g for g in found if g.kind != "abbreviation" or not _household(g.term)]
    fields = _form_fields(blocks)
    found = [g for g in found if g.kind != "colon" or term_key(g.term) not in fields]
    # definitions first, then what abbreviations stand for; each in source order
    return _dedupe(sorted(found, key=lambda g: (g.kind == "abbreviation", _position(ta, g))))[:MAX_GLOSSES]


def _form_fields(blocks) -> set[str]:
    """The labels of the topic's "Label: text" lines that are a form's fields (``form_fields``)."""
    lines = (m for b in blocks if (m := _COLON.match(_MARKER.sub("", b.text))) is not None)
    return form_fields((term_key(m.group("term")), m.group("def")) for m in lines)


#: How common an abbreviation is, as a word, when everyone knows it ("AI" 4.2, "VR" 3.8, "USA" 4.8; "DNS" 3.2, "ICT"
#: 3.3 and "GDPR" 2.5 are a course's vocabulary, which teachers kept).
_HOUSEHOLD = 3.8


def _household(abbreviation: str) -> bool:
    """True for an abbreviation everyone knows: "What does AI stand for?", "VR", "AR" were dropped by teachers as
    trivial (sets 23-27). Left out before the glosses are counted, so "MAC" and "LLC" leave room for "ARP" (set 45)."""
    return zipf(abbreviation.rstrip("s").lower()) >= _HOUSEHOLD


#: "... is the reward prediction error (RPE) — the difference between the reward you received and the reward you
#: expected.", "the overjustification effect—how intrinsic motivation is diminished when ...": a term, a dash, and a
#: description to the end of the sentence.
_DASH = re.compile(
    r"(?P<term>\b[A-Za-z][\w'\u2019-]*(?:\s+[A-Za-z][\w'\u2019-]*){0,3})(?:\s*\((?P<abbr>[A-Z][A-Za-z]{1,6})\))?\s*"
    r"[\u2014\u2013]\s*(?P<def>(?:the|a|an|how|what|when|where|whether)\s[^\u2014\u2013;]{12,220}?)[.!]?$"
)


#: "... the branch of chemistry, which deals with the study of reaction rates ..., called chemical kinetics.": a noun
#: phrase, then the name it is called by closing the sentence.
_CALLED_LAST = re.compile(
    # not the phrasal verb: "the Defense Department, wary of ..., called up most of the National Guard." (set 58)
    r",\s+(?:called(?!\s+(?:up|off|out|on|in|for|upon|back|away|forth|together)\b)|known\s+as|termed)\s+(?P<term>[A-Za-z][^,;:.()]{1,50}?)\.$"
)
_NP_START = re.compile(r"\b(?:the|an?)\s", re.I)
_POINTS_BACK = re.compile(r"\b(?:this|these|those|it|he|she|they|we|you|I|such)\b", re.I)


#: "A queue is as simple as it sounds: a task comes in, ...", "A global cache is just as it sounds: all the nodes use
#: the same single cache space." (set 66's web chapter): the term says what it is, and the colon says it again.
_AS_IT_SOUNDS = re.compile(
    r"^(?:an?|the)\s+(?P<term>[A-Za-z][\w'\u2019-]*(?:\s+[A-Za-z][\w'\u2019-]*){0,3})\s+is\s+"
    r"(?:(?:just|exactly|pretty\s+much|basically|really)\s+)?(?:as\s+(?:simple|easy|straightforward)\s+as|as|what)\s+"
    r"it\s+sounds(?:\s+like)?\s*:\s*(?P<def>\S.{20,300})$",
    re.I,
)


def _as_it_sounds(s: Sentence) -> Gloss | None:
    """The term and the explanation after the colon of "X is (just) as it sounds: ..." (``_AS_IT_SOUNDS``)."""
    m = _AS_IT_SOUNDS.match(s.text.strip())
    term = _clean_term(m.group("term")) if m else ""
    if not term or not _term_ok(term) or not _noun(term):
        return None
    article = m.group().split()[0].lower()  # as the source names it: "What is a queue?"
    return Gloss(term, _answer(m.group("def")), s, "sentence", f"{article} {_lower(term)}")


#: "When independent variables are measured imprecisely, we speak of errors-in-variables bias." (set 69's web chapter
#: said the source gives no definition): the condition is what the term names.
_SPEAK_OF = re.compile(
    r"^(?:When|If|Whenever)\s+(?P<cond>[^,;:]{10,160}?),\s+(?:we|one|economists|statisticians|scientists|researchers)\s+"
    r"(?:speak of|talk (?:of|about)|say (?:that )?there is|call (?:this|it|that|the result))\s+(?:(?:an?|the)\s+)?"
    r"(?P<term>[\w\-\u2010\u2011 ]{3,60}?)\s*\.$",
    re.I,
)


def _speak_of(s: Sentence) -> Gloss | None:
    """The term of "When <condition>, we speak of <term>." and the sentence as its definition."""
    m = _SPEAK_OF.match(s.text.strip())
    term = _clean_term(m.group("term")) if m else ""
    if not term or len(term.split()) > 5 or not _term_ok(term) or not _noun(term) or _POINTS_BACK.search(m.group("cond")):
        return None
    return Gloss(term, s.display, s, "sentence")


def _called_last(s: Sentence) -> Gloss | None:
    """The noun phrase a sentence ends by naming ("... answered by the branch of chemistry, which deals with the
    study of reaction rates and their mechanisms, called chemical kinetics.", set 39's NCERT chapter, whose topic said
    the source gives no definition): the phrase is the definition even where the sentence around it leans back."""
    m = _CALLED_LAST.search(s.text)
    term = _clean_term(m.group("term")) if m else ""
    if not term or not _term_ok(term) or not _noun(term):
        return None
    before = s.text[: m.start()]
    for start in _NP_START.finditer(before):
        phrase = before[start.start() :].strip()
        if not 5 <= len(surface_words(phrase)) <= ITEM_WORDS or _POINTS_BACK.search(phrase):
            continue
        doc = parse.parse(phrase)
        if _noun_phrase(doc) and not remark(doc) and not instance(doc):
            head = next((t for t in doc if t.dep_ == "ROOT"), None)
            if head is None or head.lemma_.lower() in _VAGUE_HEADS or f" {term_key(term)} " in f" {term_key(phrase)} ":
                return None
            return Gloss(term, _answer(phrase), s, "called", _lower(term))
    return None


#: Heads of a noun phrase too vague to define what it is called by ("the thing, called X").
_VAGUE_HEADS = frozenset("thing things one ones way something anything it this that".split())


def _bare_the(g: Gloss) -> bool:
    """True for "The challenge occurs when we feel ..." (set 40): "the" and one everyday noun point at something said
    before; "What is the challenge?" has no answer of its own."""
    return (
        " " not in g.term.strip()
        and zipf(g.term.lower()) >= 4.5
        and re.match(rf"the\s+{re.escape(g.term)}\b", g.sentence.text[g.sentence.cut :], re.I) is not None
    )


def _the_everyday(term: str, s: Sentence) -> bool:
    """True for "... the mystery surrounding the novel, a tome that is established with exquisite skill." (set 61):
    an everyday word after "the" is the text's own thing, described in passing, not a term the apposition defines."""
    return (
        " " not in term.strip()
        and zipf(term.lower()) >= 4.5
        and re.search(rf"\bthe\s+{re.escape(term)}\s*,", s.text, re.I) is not None
    )


def _dash(s: Sentence) -> Gloss | None:
    """ "X — the Y that ..." closing a sentence: X is the noun phrase before the dash, the description its definition."""
    m = _DASH.search(s.text)
    if m is None:
        return None
    doc = s.parsed
    at = m.start("abbr") - 1 if m.group("abbr") else m.end("term")
    chunk = next((c for c in doc.noun_chunks if c.end_char >= at - 1 and c.start_char < at and c.end_char <= at + 1), None)
    if chunk is None or chunk.root.dep_ == "pobj":
        return None  # "the greatest revolution of the sixteenth century – the mastery of ...": the term starts before "of"
    if chunk.root.dep_ == "attr" and chunk[0].lower_ in ("a", "an") and len(chunk) == 2:
        return None  # "debt is a stock–what the government owes ...": says what debt is, not what a stock is (set 65);
        # not "Utilitarianism is a consequentialist ethics—the outcome matters, not the act."
    body_at = m.start("def")
    if any(
        t.dep_ in ("nsubj", "nsubjpass") and t.idx >= body_at and t.head.idx >= body_at and t.head.dep_ not in _INNER_CLAUSES
        for t in doc
    ):
        return None  # "other parts of Europe – the clergy were not politically dominant here": a clause, no description
    term = _clean_term(
        doc[next((i for i in range(chunk.start, chunk.end) if doc[i].pos_ != "DET"), chunk.start) : chunk.end].text
    )
    body = m.group("def").strip()
    if not _term_ok(term) or not _noun(term) or _LEANS_DEF.search(body) or not 4 <= len(surface_words(body)) <= ITEM_WORDS:
        return None
    if any(len(w) < 3 for w in surface_words(term)) or not term.isascii():
        return None  # "τ_perturb = Jᵀ F — the same Jacobian from Week 1": a formula's symbols, not a term
    return Gloss(term, _answer(body), s, "apposition", _lower(term))


#: Clauses inside a noun phrase ("the difference between the reward you received ..."): a dash's description may hold one.
_INNER_CLAUSES = frozenset({"relcl", "acl", "advcl", "pcomp", "xcomp", "ccomp", "csubj"})

_LEANS_DEF = re.compile(
    r"\b(?:this|these|those|it|its|they|them|their|he|she|his|her|we|our|I|same|week|lecture|chapter|section|above|below"
    r"|earlier|previous)\b",
    re.I,
)


def _candidate(text: str) -> bool:
    """A cheap look before the parse: a defining cue near the start (a short subject), or a naming cue anywhere."""
    m = _CUE.search(text)
    return m is not None and (m.start() <= 80 or bool(_CUE_NAMING.search(text)))


def _position(ta, g: Gloss) -> int:
    for i, b in enumerate(ta.topic.blocks):
        if b is g.sentence.block:
            return i * 10_000 + g.sentence.offset
    return 10**9


def _dedupe(glosses: list[Gloss]) -> list[Gloss]:
    seen: set[str] = set()
    out = []
    for g in glosses:
        key = term_key(g.term)
        if key and key not in seen:
            seen.add(key)
            out.append(g)
    return out


def _first(block) -> Sentence | None:
    sents = split_block(block, 10**6)
    return sents[0] if sents else None


def _ends_block(s: Sentence) -> bool:
    """True for an unpunctuated sentence that is its block's whole last line (web pages drop the full stop)."""
    return not s.complete and s.offset + len(s.text) >= len(s.block.text.rstrip()) and s.n_words >= 6


def _answer(text: str) -> str:
    text = text.strip().rstrip(",;:")
    text = text[:1].upper() + text[1:]
    return text if text[-1:] in '.!?)"”’' else text + "."


def _lower(term: str) -> str:
    """A term as it reads inside a question: "Inertia" -> "inertia" (a capital only because it starts the line)."""
    words = term.split()
    if term[:1].isupper() and term[1:2].islower() and all(w.islower() for w in words[1:]) and zipf(words[0].lower()) >= 2.5:
        return term[:1].lower() + term[1:]
    return term


def sets_against(term: str) -> bool:
    """True for a "term" that sets one thing against another ("Open vs. proprietary"): a comparison, not a term."""
    return bool(re.search(r"\bvs\b\.?|\bversus\b", term, re.I))


def listed(term: str) -> bool:
    """True for symbols listed or a function's notation ("P,, Pz and p", "number p(s)ds", set 39): no term."""
    return re.search(r",|\w\(", term) is not None


def _term_ok(term: str) -> bool:
    if example_name(term) or notation(term):
        return False  # a worked example's table or company ("What is FOODMART?"), an equation's symbol ("tsp")
    words = surface_words(term)
    if not 1 <= len(words) <= 7 or any(w.lower().strip("()") in _NOT_TERM_WORDS for w in term.split()):
        return False
    if words[0].lower() in _LABELS or (len(words) == 1 and (words[0].lower() in _LABELS or zipf(words[0]) >= 5.2)):
        return False
    if term.count("(") != term.count(")") or listed(term) or re.search(r"[:;_=/\\|]|\s[\u2013\u2014-]\s", term):
        return False  # a spaced dash: an outline entry ("the database directive – for databases"), not a term
    if len(words) == 1 and words[0].lower() in _BARE_KINDS:
        return False  # "The model says biology is one part of ...": the model named before, not a term
    if len(words) == 1 and words[0].lower() in _COLOURS:
        return False  # "a main part, in blue, which is the product of ...": a colour on the speaker's slide
    if words[0].lower() in _RANKS or len(words) == 2 and words[0].lower() in _RELATIVE and words[1].lower() in _CASES:
        # "the second law", "the only exception", "the most frequent modification": a place, not a name; "A special
        # case is the Transverse aspect ..." (set 70): a case of what the text just told
        return False
    if sets_against(term):
        return False  # "Open vs. proprietary: Some institutions may need to waive rights ..." (set 29's wrong key)
    if len(words) >= 3 and term.isupper():
        return False  # a heading in capitals ("CHARACTERISTICS OF NON- PATHOGENIC BACTERIA", set 62), not a term
    if len(words) <= 3 and words[-1].lower() in _FIELDS:
        return False  # a form's field ("Project name: Effects of temperature ...", set 27's plan): a value, not a term
    if re.match(r"^[A-Z]?[a-z]+ of (?:the )?[A-Z]", term) and words[0].lower() not in _NAMED_HEADS:
        return False  # one thing of someone: a figure's caption ("Coin of Skandagupta: A coin emblazoned ...", set 36)
    return not re.search(r"\d", term) and term[:1].isalpha()


#: Heads that make "X of <Name>" a concept to learn ("Law of Demeter", "Theory of Forms"), not one object of someone.
_NAMED_HEADS = frozenset(
    "law laws theory principle rule effect model equation hypothesis theorem paradox doctrine treaty battle war age "
    "era period kingdom empire dynasty house bill act charter edict declaration council congress peace siege fall".split()
)


#: Last words of a form's or a record's field labels: what follows the colon fills the field in.
_FIELDS = frozenset("name names title titles date dates author authors email phone address version id url contact".split())


def _clean_term(term: str) -> str:
    term = _MARKER.sub("", term).strip()
    return re.sub(r"^(?:the|a|an)\s+", "", term, flags=re.I).strip()


#: A heading over entries that are examples or uses of something, not definitions of their labels.
_EXAMPLES = re.compile(
    r"^\W*(?:[\d.]+\s+)?(?:(?:some|real-world|practical)\s+)?(?:applications?|examples?|uses|use cases|case stud(?:y|ies))\b",
    re.I,
)


#: An explanation that opens on a case: a place, a language or a people ("in Kongo, ...", "In Mandarin Chinese, ..."),
#: "there is ...", "for example ...": the label names what the case shows, and is not defined by it.
_SETTING = re.compile(
    r"(?:[Ii]n|[Aa]mong|[Aa]t)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s*,|(?i:there\s+(?:is|are|was|were)\b"
    r"|for\s+(?:example|instance)\b|e\.\s?g\.)"
)


def _colon(s: Sentence) -> Gloss | None:
    """ "Term: explanation" ("Friction : the force that opposes motion")."""
    text = _MARKER.sub("", s.text)
    m = _COLON.match(text)
    if m is None:
        return None
    if re.match(r"(?:the|a|an)\s", m.group("term"), re.I) or len(m.group("term").strip()) < 3:
        return None  # "The hydrogen atom - the Schrodinger equation ...": an outline entry; "H: ..." a symbol
    if _EXAMPLES.match(s.block.section or ""):
        return None  # "Ophthalmology: diabetic retinopathy (DR) detection" under "Applications of ...": an example (set 43)
    term, body = _strip_abbr(_clean_term(m.group("term"))), m.group("def").strip()
    if m.group("eq") and not re.fullmatch(r"[a-z][a-z ,'()-]{10,}\.?", body):
        return None  # "Ductility = degree of plastic deformation a material can sustain ..." (set 44), never a formula
    body = re.split(r"\s*[\u2192\u21d2]", body)[0]  # "... etc.→ the ..." (an arrow starts a new note)
    glued = _NEXT_ENTRY.search(body)  # "Mass (m): the amount of matter ... (kg) Force (F): an influence ..."
    if glued and body[: glued.start()].rstrip().endswith((";", "|")):
        return None  # a table row ("Cell Component: Vesicles and vacuoles; Function: Storage ...")
    body = body[: glued.start()] if glued else body
    if body.count(",") >= 2 and not re.search(r"\b(?:that|which|who|where|when)\b", body) or "/" in body:
        return None  # a list of topics ("speaking, writing, listening and reading well"), not an explanation
    if ";" in body and all(len(part.split()) <= 4 for part in body.rstrip(".").split(";")):
        return None  # "Recurring examples for instructor planning: exam-day student; social decision student." (set 61)
    if body[:1].isdigit() or re.search(r"\s[\u2013\u2014-]\s|:\s", body):
        return None  # a value ("132.5 mm, height: 74.5 mm") or an aside between dashes, not an explanation
    if _SETTING.match(body) or f" {term_key(term)} " in f" {term_key(body)} ":
        # "Affricates and fricatives: in Kongo, there is an allophonic rule ..." (set 72): a label over an example;
        # or circular ("Validation score: The mean validation score ...")
        return None
    if not _term_ok(term) or not _noun(term) or not 3 <= len(surface_words(body)) <= ITEM_WORDS:
        return None
    if not _explains(body, subjectless=False, term=term) or not _noun_phrase(parse.parse(term)):
        return None  # "tidyr provides two functions for pivoting data: ...": a clause introducing a list, not a term
    return Gloss(term, _answer(body), s, "colon", _lower(term))


#: "It is the process of ...", "It refers to the ...": a sentence saying what the label above it or before its colon is.
_IT_IS = re.compile(r"^It\s+(?:is|refers\s+to|means)\s+(?=(?:the|an?)\s)", re.I)


def _it_is(label: str, nxt: Sentence) -> Gloss | None:
    """A heading or a label line that is only a term, then a paragraph opening "It is the ..." about it ("Organizing" /
    "It is the process of bringing together physical, financial and human resources ...", set 35's false "none")."""
    m = _IT_IS.match(nxt.text) or _A_NOUN.match(nxt.text)
    if m is None or nxt.offset != 0:
        return None
    raw = _MARKER.sub("", label).strip()
    if re.search(r"[.!?;,]\s*$", raw) or "\n" in raw:
        return None
    term = _clean_term(raw.rstrip(":").strip())
    if not _term_ok(term) or len(surface_words(term)) > 5 or not (_noun(term) or _gerund(term)):
        return None
    if m.re is _A_NOUN:  # "Interrupts" / "A signal sent to the CPU which causes it to stop ..." (set 43's false "none")
        if not nxt.complete or not _described_noun(nxt.parsed):
            return None
        words = term.split()
        if words[-1].endswith("s") and not words[-1].endswith("ss") and len(words[-1]) > 3 and term[:1].isupper():
            term = " ".join([*words[:-1], singular(words[-1])])  # one of them: "A signal ..." says what an interrupt is
        return _it_gloss(term, nxt.text, nxt, raw)
    return _it_gloss(term, nxt.text[m.end() :], nxt, raw)


#: A paragraph that is one noun phrase, "A signal sent to the CPU which ...": what the heading above it names.
_A_NOUN = re.compile(r"^(?:An?)\s+(?=[a-z])")


def _described_noun(doc) -> bool:
    """True when ``doc`` is a noun phrase narrowed by a participle or a relative clause, with no verb of its own."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "NOUN" or root.i > 3:
        return False
    return any(c.dep_ in ("acl", "relcl") for c in root.children) and _noun_phrase(doc)


def _gerund(term: str) -> bool:
    """A one-word heading naming an activity ("Organizing", "Staffing"): a term, though the parser reads a verb."""
    return " " not in term and term.lower().endswith("ing") and len(term) >= 6


def _colon_it(s: Sentence) -> Gloss | None:
    """ "Planning: It is the basic function of management. ...": a label, a colon, and "It is the ..." about it."""
    m = _COLON.match(_MARKER.sub("", s.text))
    if m is None or not (it := _IT_IS.match(m.group("def").strip())):
        return None
    term = _strip_abbr(_clean_term(m.group("term")))
    if not _term_ok(term) or len(surface_words(term)) > 5 or not _noun(term):
        return None
    return _it_gloss(term, m.group("def").strip()[it.end() :], s, m.group("term"))


#: What "It is" says when its "it" stands for a clause that follows ("It is the hallmark of a successful constitution
#: that it gives everyone ...", under set 66's heading "The substantive provisions of a constitution").
_CLEFT = re.compile(
    r"^(?:the|an?)\s+(?:(?!\bthat\b)[^,;:]){1,80}?\s+that\s+(?:it|they|he|she|we|you|this|there|one|people|everyone)\b", re.I
)


def _it_gloss(term: str, body: str, s: Sentence, raw: str) -> Gloss | None:
    """The gloss of ``term`` whose definition is ``body`` (what "It is" says it is), when that explains it."""
    if not 3 <= len(surface_words(body)) <= ITEM_WORDS or f" {term_key(term)} " in f" {term_key(body)} ":
        return None
    if _CLEFT.match(body):
        return None  # "It is the hallmark of a successful constitution that it gives everyone ...": "it" is no term's
    if not _explains(body, subjectless=False, term=term):
        return None
    article = re.match(r"(?:an?|the)\s", raw.strip(), re.I)
    return Gloss(term, _answer(body), s, "it", (article.group().lower() if article else "") + _lower(term))


def _explains(body: str, subjectless: bool, term: str = "") -> bool:
    """True when ``body`` is an explanation: a noun phrase ("the force that ...", "Written document drawn up ...")
    or, after a term-only bullet (``subjectless``), a verb phrase whose subject is that term ("Allows a patient to ...")."""
    words = surface_words(body)
    if not words or words[0].lower() in _DEF_START_BAD or body.rstrip().endswith(("?", "!", ":")):
        return False
    doc = parse.parse(body)
    if fragment(doc, term):
        return False
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or any(t.lower_ in ("you", "we", "i", "our", "your", "my") for t in doc):
        return False
    if body[:1].isupper() and (low := parse.parse(body[:1].lower() + body[1:]))[0].tag_ == "VB" and low[0].dep_ == "ROOT":
        return False  # "Firewall – Limit communications between devices on a network." (set 43): an instruction
    if _noun_phrase(doc):
        head = next((t for t in doc if t.pos_ in ("NOUN", "PROPN")), None)
        return (head is None or head.lemma_.lower() not in _OUTLINE_HEADS) and not remark(doc) and not instance(doc)
    if subjectless and root.tag_ == "VBZ" and root.i == 0:
        return not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children)
    return False


#: Endings of nouns that name a process or an act ("normalization", "analysis", "debugging"): a gerund may explain them.
_DEVERBAL = re.compile(r"(?:tion|sion|ment|ing|sis|ance|ence|ure|al|age)s?$", re.I)


def fragment(doc, term: str) -> bool:
    """True when the text after "Term:" says something about the term, not what it is: an adjective phrase
    ("Reduction: important for high-resolution datasets", "Complex process = more difficult to reproduce"), an
    activity under the name of a thing ("Workflow diagrams: adding decision points"; "Normalization: scaling each
    variable ..." names the process itself), or a title ("DataONE Education Module: Analysis and Workflows").
    Offline set 26: three wrong keys on a slide deck."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return False
    if root.pos_ == "ADJ" or root.i == 0 and root.lemma_ == "have":
        return True  # (or what it has: "SAS: Has outstanding support", set 28's deck)
    if root.i == 0 and root.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
        return True  # "Lexical diversity: Measured on a bunch of indicators" (set 30): how it is measured, not what
    if re.match(r"(?:see\s+)?(?:page|pp?\.|slide|chapter|section|figure|fig\.)\s*\d", doc.text, re.I):
        return True  # "Document feature matrix: Page 15 of the PowerPoint" (set 30): a pointer, no explanation
    if doc[0].lower_ in ("but", "and", "or", "yet", "so", "although", "though", "while"):
        return True  # "Easy to use: But harder to maintain as ... data grows" (set 28): a contrast, no explanation
    words = surface_words(term)
    if root.tag_ == "VBG" and root.i == 0 and words and not _DEVERBAL.search(words[-1]):
        return True
    content = [w for w in surface_words(doc.text) if len(w) > 3]
    return len(content) >= 2 and all(w[:1].isupper() for w in content) and not (words and is_acronym(term.strip()))


#: Nouns that file a term under a heading without saying what it is ("a highly controversial topic in itself").
_REMARK_NOUNS = frozenset("topic issue subject matter question area thing problem point story debate".split())


def remark(doc) -> bool:
    """True when a noun-phrase explanation only remarks on its term: its head is a filing noun ("topic", "issue")
    that nothing narrows down ("Schools: a highly controversial topic in itself", offline set 12), not "a topic of
    study that ..." or "an area of the brain"."""
    head = next((t for t in doc if t.dep_ == "ROOT"), None)
    if head is None or head.pos_ != "NOUN" or head.lemma_.lower() not in _REMARK_NOUNS:
        return False
    narrowed = ("relcl", "acl")
    return not any(c.dep_ in narrowed or c.dep_ == "prep" and c.lower_ in ("of", "for", "between") for c in head.children)


def instance(doc) -> bool:
    """True when a noun-phrase explanation names one case, not a class: a proper name ("Public law: National
    Environmental Policy Act", "Executive order: Grand Staircase-Escalante National Monument") or something of one
    ("Sierra Club's position statement against ..."), a choice ("Whichever alternative ..."), a list of cases
    ("Recovery policies, climate change research") or a note ("Second child allowed after ..."): the source's
    example under a label, which "What is public law?" would key wrongly (offline set 13: five wrong keys)."""
    head = next((t for t in doc if t.dep_ == "ROOT"), None)
    if head is None:
        return False
    if head.pos_ == "PROPN" or doc[0].lower_ in ("whichever", "whatever"):
        return True
    article = doc[0].lower_ in ("a", "an", "the")  # a definition's noun phrase opens with one, a note seldom
    if head.tag_ == "VBN" and not article and any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        return True  # a note, not a class: "Second child allowed after 5 years of first child"
    pieces = [p.strip() for p in doc.text.rstrip(" .").split(",")]
    if len(pieces) >= 2 and all(0 < len(p.split()) <= 4 for p in pieces) and not article:
        return True  # a list of cases: "Recovery policies, climate change research"
    if not article and head.pos_ == "NOUN" and _enumeration(head):
        return True  # a sample menu's line: "Breakfast: Milk and cornflakes, Rawa upma and an apple" (set 33)
    if not article and any(t.lower_ in ("their", "his", "her") and t.dep_ == "poss" for t in doc):
        return True  # one family's case: "School Tiffin: Grilled sandwich ... for their daughter" (set 33)
    return any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in head.children)


def _enumeration(head) -> bool:
    """True when a noun phrase only lists things: its head is coordinated with other nouns and nothing says what they
    are or do ("Boiled potato and moong sprout chaat"), unlike "money and other assets used to ..."."""
    nouns = [head, *(c for c in head.conjuncts if c.pos_ in ("NOUN", "PROPN"))]
    if len(nouns) < 2:
        return False
    return not any(c.dep_ in ("relcl", "acl") or c.dep_ == "prep" and c.lower_ == "of" for n in nouns for c in n.children)


def _noun_phrase(doc) -> bool:
    """A noun phrase ("the force that opposes motion", "Written request giving permission to ..."): it opens with a
    determiner, adjective, participle or noun and has no finite verb outside a relative clause ("that", "which")."""
    if doc[0].tag_ in ("VB", "VBP", "VBZ", "VBD", "MD") or doc[0].pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "VERB", "NUM"):
        return False
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if (
        root is not None
        and root.tag_ in ("VBZ", "VBP", "VBD", "MD")
        and any(c.dep_ == "csubj" and c.left_edge.i == 0 for c in root.children)
    ):
        return False  # "Designing a system that is easy to operate is another important consideration." (set 66): a
        # clause whose subject is a clause from the first word
    relative = next((t.i for t in doc if t.lower_ in ("that", "which", "who", "where", "when", "whose")), len(doc))
    return not any(t.tag_ in ("VBZ", "VBP", "VBD", "MD") for t in doc[:relative]) and any(
        t.pos_ in ("NOUN", "PROPN") for t in doc[:relative]
    )


def _noun(term: str) -> bool:
    """True when ``term`` ends in a noun ("a living will", "Inertia", a noun's gerund: "Bubble pushing", "Data
    mining"), not an adjective ("Preparatory")."""
    doc = parse.parse(_strip_abbr(term))
    if len(doc) > 1 and doc[-1].tag_ == "VBG" and doc[-2].pos_ in ("NOUN", "PROPN"):
        return True  # (set 72's deck: "Bubble pushing: a shortcut method for forming equivalent logic circuits")
    return len(doc) > 0 and (doc[-1].pos_ in ("NOUN", "PROPN") or len(doc) > 1 and doc[-1].lower_ == "will")


def _pair(term_text: str, nxt: Sentence) -> Gloss | None:
    """A bullet that is only a term, then a bullet explaining it ("A living will" / "Written document ...")."""
    raw = _MARKER.sub("", term_text).strip()
    if re.search(r"[.!?:;,]\s*$", raw) or "\n" in raw:
        return None
    term = _clean_term(raw)
    if not _term_ok(term) or len(surface_words(raw)) > 8 or not _noun(term):
        return None
    body = nxt.display
    opening = parse.parse(body)
    if opening[0].tag_ not in ("JJ", "VBN", "DT", "VBZ", "VBG"):
        return None  # "Communications solution" / "Findings meetings to discuss ...": a heading over a list, not a gloss
    if len(term.split()) == 1 and not _noun_phrase(opening):
        return None  # "Preparatory" / "Uses simple knowledge of ...": a one-word label over a verb phrase is no term
    if not 4 <= nxt.n_words <= ITEM_WORDS or not nxt.complete or not _explains(body, subjectless=True, term=term):
        return None
    if re.match(r"(?:figure|fig\.|table|see)\b", body, re.I):
        return None
    article = re.match(r"(?:an?|the)\s", raw, re.I)
    return Gloss(term, _answer(body), nxt, "pair", (article.group().lower() if article else "") + _lower(term))


def _sentence(s: Sentence) -> list[Gloss]:
    """Definitions a whole sentence gives: its subject's ("X is a ... that ..."), a named term's ("... is called X"),
    and a relative clause's ("X, which refers to Y")."""
    display = s.display
    labelled = _COLON.match(display)
    if labelled is not None and _SETTING.match(labelled.group("def")):
        return []  # "Affricates and fricatives: in Kongo, there is ...": a label over a case (set 72)
    doc = s.parsed
    out: list[Gloss] = []
    scene = _SCENE.match(display)  # "In science, the winner's curse refers to ...": the definition follows the comma
    if scene and _HEDGE_SCENE.match(scene.group()):
        return _relative(doc, s)  # "In many cases, the technology is an obstacle ...": true only sometimes (set 69)
    if scene and s.n_words - len(scene.group().split()) >= 5:
        display = _answer(display[scene.end() :])
    sdoc = doc if not scene else parse.parse(display)
    subject = _subject_term(sdoc)
    subject = _clean_term(subject) if subject else None
    tied = sdoc[0].lower_ in _TIED or any(t.lower_ in _CONNECTIVE for t in sdoc)
    if subject and not tied and _term_ok(subject) and _standalone(sdoc) and not _two_clauses(sdoc):
        kind = definition_kind(sdoc, subject) or _occurs(sdoc)
        if kind in ("states", "which-states") and not _LAWLIKE.search(subject) or _POINTING.search(display) or hollow(sdoc):
            kind = None  # "Compression says that people crave ...": an opinion; "The dashed line is ...": a figure
        if kind is not None:
            out.append(Gloss(_strip_abbr(subject), display, s, "sentence"))
            out.extend(_abbreviation(subject, display, s))
    named = _named_term(doc)
    if named and not tied and _named_ok(named, doc):
        out.append(Gloss(_strip_abbr(named), display, s, "sentence"))
    return out + _relative(doc, s)


def _named_ok(named: str, doc) -> bool:
    """ "... is called X" names one term of the sentence's own subject (not "X, and Y is called Z")."""
    if not _term_ok(named) or " and " in named or "," in named or _two_clauses(doc):
        return False
    return _standalone(doc) and definition_kind(doc, named) == "called"


def _relative(doc, s: Sentence) -> list[Gloss]:
    """ "X, which refers to Y": Y (a noun phrase or a gerund) is the answer."""
    out = []
    for t in doc:
        if t.dep_ != "relcl" or t.lemma_ not in ("refer", "mean", "denote") or t.head.pos_ not in ("NOUN", "PROPN"):
            continue
        if not any(c.lower_ == "which" and c.dep_ == "nsubj" for c in t.children):
            continue
        head = t.head
        term = "".join(x.text_with_ws for x in doc[head.left_edge.i : head.i + 1] if x.dep_ != "det").strip()
        term = re.sub(r"^(?:term|word|concept)\s+(?=\S)", "", term, flags=re.I)  # "the term caste, which refers to" (set 56)
        to = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        start = to.i + 1 if to is not None else t.i + 1
        body = doc[start:].text.strip()
        bdoc = parse.parse(body) if body else None
        if bdoc is None or not (bdoc[0].tag_ == "VBG" or _noun_phrase(bdoc)):
            continue
        if _term_ok(term) and len(surface_words(body)) >= 3 and not re.search(r"\b(?:this|these|he|she|they|it)\b", body, re.I):
            out.append(Gloss(term, _answer(body), s, "relative"))
    return out


def _two_clauses(doc) -> bool:
    """ "X is A, and Y is B": two statements joined, each with its own subject (no one answer for X)."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    return root is not None and any(
        c.dep_ == "conj" and any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children) and not _goes_on(root, c)
        for c in root.children
    )


def _goes_on(root, conj) -> bool:
    """True when a clause the parser joined to the main verb goes on a relative clause of place or time in between
    ("Default is a situation where the contracted payments cannot be delivered in a full amount, and the contract does
    not specify what happens in that eventuality.": the situation is where both hold, set 65's lecture notes)."""
    attr = next((c for c in root.children if c.dep_ == "attr"), None)
    where = attr is not None and any(
        c.dep_ == "relcl" and c.i < conj.i and any(w.lower_ in ("where", "when") and w.i < c.i for w in c.children)
        for c in attr.children
    )
    subject = next((d for d in conj.children if d.dep_ in ("nsubj", "nsubjpass")), None)
    return where and subject is not None and subject.pos_ != "PRON"


def _named_term(doc) -> str | None:
    """X of "... is called X", "... is known as X" (without its determiner)."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    for v in doc:
        if v.lemma_ not in ("call", "know", "term", "name") or v.tag_ != "VBN":
            continue
        main = v.i == root.i or v.dep_ == "acl" and v.head.head.i == root.i and v.head.i > root.i
        if not main:
            continue  # "In a 1665 publication called Micrographia, ...": a name in passing, not the sentence's point
        if v.dep_ == "acl" and not any(c.dep_ not in ("det", "punct") and c.i != v.i for c in v.head.children):
            continue  # "courts adopt a system known as precedent": "a system" alone describes nothing
        for c in v.children:
            head = c if c.dep_ in ("oprd", "attr") else None
            if c.dep_ == "prep" and c.lower_ == "as":
                head = next((p for p in c.children if p.dep_ == "pobj"), None)
            if head is not None and head.pos_ in ("NOUN", "PROPN"):
                words = [t for t in doc[head.left_edge.i : head.right_edge.i + 1] if t.dep_ not in ("det", "poss")]
                text = "".join(t.text_with_ws for t in words).strip().strip("“”\"‘’'")
                return text or None
    return None


def _occurs(doc) -> str | None:
    """ "X occurs when ...", "X happens if ..." with X the subject of the main verb."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ not in ("occur", "happen"):
        return None
    for c in root.children:
        if c.dep_ == "advcl" and any(m.lower_ in ("when", "if") for m in c.children):
            return "occurs"
    return None


def _strip_abbr(term: str) -> str:
    return re.sub(r"\s*\([^()]*\)\s*$", "", term).strip() or term


def _abbreviation(subject: str, display: str, s: Sentence) -> list[Gloss]:
    """ "What does STP stand for?" when the definition opens "Short-term plasticity (STP) is ..."."""
    long_ = _strip_abbr(subject)
    m = re.match(rf"^(?:the\s+|an?\s+)?{re.escape(long_)}\s*\(([A-Za-z][\w-]{{1,9}})\)", display, re.I)
    if m is None or not is_acronym(m.group(1)):
        return []
    short = m.group(1)
    letters = "".join(w[0] for w in re.split(r"[\s\-]+", long_) if w).upper()
    if short.rstrip("s").upper() not in (letters, initials(surface_words(long_))) and not related(short, long_):
        return []
    return [Gloss(short, long_[:1].upper() + long_[1:], s, "abbreviation")]


_PAREN_ABBR = re.compile(r"\(([A-Z][A-Za-z]{1,7}?)(s?)(?:[,;][^)]*)?\)")
_REVERSE_ABBR = re.compile(r"\b([A-Z][A-Za-z]{1,9})\s*\(([A-Z][\w\u2019'-]*(?:\s+[A-Za-z][\w\u2019'-]*){1,9})\)")
_SMALL = frozenset("of and for the in on to a an with by".split())


def _expansions(ta) -> list[Gloss]:
    """ "What does SRA stand for?" wherever the topic spells an abbreviation it uses again: "Spike Rate Adaptation
    (SRA)", "HARKing (Hypothesizing After the Results are Known)"."""
    out = []
    text = " ".join(s.text for s in ta.sentences)
    spelt: dict[str, set[str]] = {}
    for block in ta.topic.blocks:  # every spelling, list lines too ("Absolute risk reduction (ARR)", set 43)
        for m in _PAREN_ABBR.finditer(block.text):
            if long_ := _long_form(block.text[: m.start()], m.group(1)):
                spelt.setdefault(m.group(1), set()).add(term_key(long_).replace("-", " "))
    for s in ta.sentences:
        for m in _PAREN_ABBR.finditer(s.text):
            long_ = _long_form(s.text[: m.start()], m.group(1))
            if long_ and len(re.findall(rf"\b{re.escape(m.group(1))}", text)) >= 2:
                out.append((m.group(1), Gloss(m.group(1) + m.group(2), long_[:1].upper() + long_[1:], s, "abbreviation")))
    # "Absolute risk reduction (ARR)" and "Average risk reduction (ARR)" in one topic (set 43): no settled answer
    out = [g for short, g in out if len(spelt.get(short, ())) <= 1]
    for s in ta.sentences:
        for m in _REVERSE_ABBR.finditer(s.text):
            short, long_ = m.group(1), m.group(2).strip()
            caps = "".join(w[0] for w in long_.split() if w[:1].isupper())
            if caps.upper() == "".join(c for c in short if c.isupper()) and len(caps) >= 2:
                out.append(Gloss(short, long_, s, "abbreviation"))
    return out


def _long_form(before: str, short: str) -> str | None:
    """The words just before "(ABBR)" whose initials spell it ("spike rate adaptation" before "(SRA)")."""
    want = short.upper()
    words = re.findall(r"[A-Za-z][\w\u2019'-]*", before)[-10:]
    for k in range(1, len(words) + 1):
        cand = words[-k:]
        if cand[0].lower() in _SMALL or cand[-1].lower() in _SMALL:
            continue
        parts = [p for w in cand for p in w.split("-") if p]
        full = "".join(p[0] for p in parts).upper()
        content = "".join(p[0] for p in parts if p.lower() not in _SMALL).upper()
        if want in (full, content) and not before.rstrip().endswith(("(", ",")):
            return " ".join(cand)
        if len(full) > len(want) + 3:
            return None
    return None
