"""Ranked candidates for every section of one topic's guide, and repairs that swap in the next-best ones.

The guide shows the first candidates of each section; when the quality gate drops an item, ``repair``
replaces it with the next candidate of its section that the guide does not use yet. Deterministic.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from seekh_convert.generate.offline.analysis import DocAnalysis, TopicAnalysis
from seekh_convert.generate.offline.ask import asks_for
from seekh_convert.generate.offline.cards import (
    _PLACE_HOLDER,
    ASKED_VERBS,
    _lowered,
    ask_what,
    basic_front,
    build_flashcards,
    defines,
    gloss_cards,
)
from seekh_convert.generate.offline.classify import study_minutes
from seekh_convert.generate.offline.entries import entry_cards
from seekh_convert.generate.offline.glosses import topic_definitions
from seekh_convert.generate.offline.labelled import series_questions
from seekh_convert.generate.offline.leddef import CONTEXT_MODIFIERS as _CONTEXT_MODIFIERS
from seekh_convert.generate.offline.leddef import shown_cards, trim_lead
from seekh_convert.generate.offline.links import (
    SHOWN,
    application_candidates,
    applications_empty,
    learn_next_candidates,
    learn_next_empty,
    prerequisite_candidates,
    prerequisites_empty,
    subject_term,
)
from seekh_convert.generate.offline.lists import enumeration_cards
from seekh_convert.generate.offline.naming import key_of, naming_questions
from seekh_convert.generate.offline.naming import topic_definitions as named_in_topic
from seekh_convert.generate.offline.numbered import numbered_definitions
from seekh_convert.generate.offline.objects import object_cards
from seekh_convert.generate.offline.principles import named_principles, principle_cards, principle_questions
from seekh_convert.generate.offline.questions import build_questions
from seekh_convert.generate.offline.reverse import reverse_questions
from seekh_convert.generate.offline.review import source_answers, source_reviews
from seekh_convert.generate.offline.sentences import Sentence
from seekh_convert.generate.offline.spoken import called_cards, pointed_definitions
from seekh_convert.generate.offline.summarize import own_points, summary_of, summary_sentences, takeaway_candidates
from seekh_convert.generate.offline.terms import Term
from seekh_convert.generate.offline.titledef import key_definitions, principle_definitions, title_definitions, title_terms
from seekh_convert.generate.offline.views import view_cards
from seekh_convert.generate.offline.wh import condition_quotes
from seekh_convert.generate.offline.wholedef import names_topic, own_definitions, whole_cards, whole_topic
from seekh_convert.model.document import BlockKind
from seekh_convert.model.guide import LIST_SECTIONS, Definition, EmptySection, Flashcard, GuideContent, SummarySentence
from seekh_convert.text import parse
from seekh_convert.text.defining import asked_term
from seekh_convert.text.grammar import definition_kind, kind_of, leans_on_context
from seekh_convert.text.lexicon import can_be_noun, generic_word, zipf
from seekh_convert.text.terms import term_key
from seekh_convert.text.words import STOPWORDS, singular, surface_words

_SHOWN = {"key_takeaways": 5, "learn_next": SHOWN + 1, "prerequisites": SHOWN, "applications": SHOWN}
#: Titles that name a place in the course, not a term.
_GENERIC_TITLE = re.compile(
    r"^\W*(?:review|summary|recap|learning outcomes?|(?:learning )?objectives|introduction|overview|conclusions?|preamble"
    r"|background)\b",
    re.I,
)
#: Titles of front matter: what such a topic defines in passing is not its term.
_FRONT = re.compile(r"^\W*(?:abstract|preface|foreword|acknowledge?ments?|keywords|contents|table of contents)\W*$", re.I)
#: Spare candidates appended when every shown item of a section failed.
_EXTRA = 2
#: Words from which a topic shows a spare card for each of the first ``_SPARE_FOR`` questions it could not make.
_LONG_TOPIC, _SPARE_FOR = 500, 3
#: Cards a topic shows at most when spares fill in for questions.
_MAX_SHOWN = 12


@dataclass
class Pool:
    """Every section's candidates, best first; ``shown`` of each go into the guide."""

    definitions: list[Definition]
    summary: list[Sentence]  # sentences of the summary, source order
    summary_spares: list[Sentence]
    sections: dict[str, list] = field(default_factory=dict)
    shown: dict[str, int] = field(default_factory=dict)
    empty: dict[str, str] = field(default_factory=dict)  # why a section has no candidate


def main_term(ta: TopicAnalysis) -> Term | None:
    """The term the topic is about: one matching the title, else the best-ranked defined term."""
    title_key = term_key(ta.topic.title)
    defined = [t for t in ta.terms if t.defined]
    for t in defined:
        if f" {t.key} " in f" {title_key} " or fuzz.ratio(t.key, title_key) >= 85:
            return t
    return defined[0] if defined else (ta.terms[0] if ta.terms and ta.terms[0].definition else None)


def title_overlap(term: str, title: str) -> int:
    """How many distinctive words a term shares with a topic title, in some form ("prokaryote" and "Prokaryotic
    Cells" share "prokaryo-"); common words ("cell", "system") only count when the whole term is in the title."""
    key, title_key = term_key(term), term_key(title)
    if f" {key} " in f" {title_key} ":
        return len(key.split()) + 1
    shared = 0
    for w in key.split():
        if len(w) >= 5 and zipf(w) < 4.5 and any(t[:5] == w[:5] for t in title_key.split() if len(t) >= 5):
            shared += 1
    return shared


def definition_candidates(ta: TopicAnalysis) -> list[Definition]:
    """Sentences that define the topic's own term (a defined term its title names), standing alone; best first.
    Empty when the source defines no term of the title (the guide then says so)."""
    pairs = definition_pairs(ta)
    found = [Definition(text=trim_lead(text, term) or text, source=s.ref()) for term, s, text in pairs]
    numbered = [n.definition() for n in _numbered(ta) if title_overlap(n.term, ta.topic.title) > 0]
    if numbered:  # "Definition 1.3 (Convex function). A function f ... is convex if ..." under "Convex functions"
        return numbered + found
    own = [f.definition() for f in own_definitions(ta)]  # a rule list, a role, what a method does
    if own and not any(names_topic(term, ta.topic.title) or names_title(term, ta.topic.title) for term, _, _ in pairs):
        return own + found  # the title's own term first ("working set" before a side term's definition)
    if not found and not _FRONT.match(ta.topic.title):
        # nothing defines the title's term: a term the speaker names and defines ("something called surveillance,
        # which is the determining of how many people ...") says what the topic is about better than "none"
        return [f.definition() for f in whole_topic(ta) if f.kind == "which"][:1]
    return found


def borrowed_definitions(doc: DocAnalysis, ta: TopicAnalysis) -> list[Definition]:
    """The title's term defined by an entry of the document's opening topic or a neighbour ("Bubble pushing: a
    shortcut method for forming equivalent logic circuits ..." in the notes of set 72's objectives slide, under the
    next slide's "Bubble Pushing", whose guide said the source gives none): an entry ("Term: ...") or a sentence
    whose subject the whole sentence defines, its term the title's own."""
    position = doc.position(ta.topic)
    if position is None:
        return []
    near = [0, position - 1, position + 1]
    for other in (doc.topics[i] for i in dict.fromkeys(near) if 0 <= i < len(doc.topics) and i != position):
        for g in topic_definitions(other):
            if g.kind in ("colon", "pair", "sentence") and names_topic(g.term, ta.topic.title):
                return [Definition(text=g.sentence.display, source=g.sentence.ref())]
    return []


def _numbered(ta: TopicAnalysis) -> list:
    """The topic's "Definition N (Term)." definitions (read once: the Definition and the cards both ask)."""
    if "numbered" not in ta.memo:
        ta.memo["numbered"] = numbered_definitions(ta.topic.blocks)
    return ta.memo["numbered"]


def shared_titles(doc: DocAnalysis) -> str:
    """Two-word phrases in the titles of two topics or more: the document's subject even where its own title does
    not say it ("Value of Data Sharing", "Concerns About Data Sharing" in a deck titled "Tutorials on Data
    Management": "_____ should be addressed throughout the Data Life Cycle." gives away "data sharing", set 18)."""
    counts: dict[str, int] = {}
    for other in doc.topics:
        words = [w.lower() for w in surface_words(other.topic.title) if w.lower() not in STOPWORDS]
        for pair in {" ".join(words[i : i + 2]) for i in range(len(words) - 1)}:
            counts[pair] = counts.get(pair, 0) + 1
    return "\n".join(p for p, n in counts.items() if n >= 2)


def pervasive_words(doc: DocAnalysis) -> str:
    """Specific nouns in four topics in five or more (four topics at least): what the whole document is about, which a
    blank gives away ("Device drivers take on a special role in the _____." -> "Linux kernel" and three more blanks
    on "kernel" in set 32's Linux Device Drivers chapter). One word per line."""
    if "pervasive" not in doc.memo:
        n = len(doc.topics)
        counts: dict[str, int] = {}
        if n >= 4:
            for other in doc.topics:
                for w in set(other.stem_text.split()):
                    counts[w] = counts.get(w, 0) + 1
        doc.memo["pervasive"] = "\n".join(
            w
            for w, k in counts.items()
            if k >= 0.8 * n
            and len(w) >= 4
            and w.isalpha()
            and w not in STOPWORDS
            and zipf(w) < 4.5
            and can_be_noun(w)
            and not generic_word(w)
        )
    return doc.memo["pervasive"]


def head_definitions(doc: DocAnalysis, ta: TopicAnalysis) -> list[Definition]:
    """The definition the naming reader found of the title's term, or of the term that ends it ("interpretability"
    under "The Blessing and Curse of Mechanistic Interpretability": "In modeling, interpretability refers to the
    property that ...", set 16's false "none"), when nothing else defines it."""
    position = doc.position(ta.topic)
    if position is None or _FRONT.match(ta.topic.title):
        return []
    keys = [k for t in title_terms(ta.topic.title) if (k := term_key(t))]
    for n in named_in_topic(doc, position):
        key = term_key(n.term)
        if len(key) < 5 or " " not in key and generic_word(key) or not n.sentence.alone:
            continue
        if any(key == k or k.endswith(" " + key) for k in keys):
            return [Definition(text=n.sentence.display, source=n.sentence.ref())]
    return []


def _stated(sentence: str) -> bool:
    """A whole sentence of six words or more that says something, not what something is not nor what it is one case
    of ("The ideal gas law is an example of an equation of state.", set 72's Definition of "ideal gas")."""
    return (
        len(sentence.split()) >= 6
        and sentence.rstrip()[-1:] in ".!"
        and not _NEGATED.search(sentence)
        and not _CASE_OF.search(sentence)
    )


_WHAT_IS = re.compile(r"^What (?:is|are) (?:the |a |an )?(?P<term>.+?)\??$")
_NEGATED = re.compile(r"\b(?:not|never|no)\b|n't\b", re.I)
_CASE_OF = re.compile(
    r"\b(?:is|are)\s+(?:(?:an?|one|just|only|another)\s+)+(?:example|instance|case|illustration)s?\s+of\b", re.I
)


def card_definitions(cards: list, title: str) -> list[Definition]:
    """The Definition a card gives when nothing else defines the title's term (teacher set K: "A content provider
    manages a shared set of app data." was a card under "Content Provider" while the guide said the source gives no
    definition; "The heterozygosity of a locus is the complement ... of homozygosity." under "Heterozygosity"): a
    "What is X?" card whose X is the title's term (or starts with it), or a blank on the title's term in a sentence
    about it; never a negated sentence."""
    keys = [term_key(t) for t in title_terms(title)]
    keys = [k for k in keys if k]

    def names(term: str) -> bool:
        key = term_key(term)
        return bool(key) and any(key == k or key.startswith(k + " ") for k in keys)

    def about(text: str, term: str) -> bool:  # the sentence is about the term: it opens on it
        opening = re.match(r"^(?:(?:the|a|an)\s+)?(.+)$", text.strip(), re.I)
        return opening is not None and term_key(opening.group(1)).startswith(term_key(term))

    for card in cards:
        quote = card.source.quote
        if card.kind == "basic" and (m := _WHAT_IS.match(card.front.strip())) and names(m.group("term")):
            text = card.back.strip()
            if _stated(text) and about(text, m.group("term")):
                return [Definition(text=text, source=card.source)]
        elif card.kind == "cloze" and names(card.back) and _stated(quote) and about(quote, card.back):
            return [Definition(text=quote.strip(), source=card.source)]
    return []


#: How often a defined term must occur in a topic whose title names no defined term to be taken as what it is about.
_CENTRAL_MENTIONS = 3
#: ... and at least once in this many words of the topic.
_CENTRAL_WORDS = 250


def central_definitions(cards: list, ta: TopicAnalysis, document_title: str = "") -> list[Definition]:
    """The definition of the term the topic keeps coming back to, when its title names no term the source defines
    (teachers' false "none"s: "Dispatch facility is a center that citizens can call ..." under "Phases of an EMR Call",
    "Bloodborne pathogens: infectious microorganisms in blood ..." under "Methods of Disease Transmission", sets 30 and
    31): a "What is X?" card whose answer says what X is, X occurring three times or more, once in 250 words or more
    often, and twice as often as any other card's term. A side term, one of several ("primary reinforcer" 6 times
    beside "secondary reinforcer" 5), the document's own subject ("Accounting is a means ..." under "Interested Users
    of Information") or a common word ("technologies") is no definition of the topic, nor is any term under a title
    whose own term the topic names three times ("Polygons: ..." under "Vector Data Models")."""
    if _names_own_title(ta):
        return []  # the topic is about its title's term, which the source leaves undefined: another term is a part of it
    found = _card_definitions(cards, ta, document_title)
    if not found:
        return []
    n, _, best = found[0]
    if n < _CENTRAL_MENTIONS or n * _CENTRAL_WORDS < ta.word_count or n < 2 * _runner_up(found, ta):
        return []
    return [best]


def _runner_up(found: list[tuple[int, str, Definition]], ta: TopicAnalysis) -> int:
    """How often the topic names the next most named term after the first of ``found``: another card's term, or a term
    the topic defines or keeps repeating as a phrase (a blank's term too)."""
    others = {k for _, k, _ in found[1:]} | {term_key(t.text) for t in ta.terms if t.defined or " " in t.key and t.real}
    return max((ta.stem_text.count(f" {k} ") for k in others if k and k != found[0][1]), default=0)


def _card_definitions(cards: list, ta: TopicAnalysis, document_title: str) -> list[tuple[int, str, Definition]]:
    """(mentions in the topic, term key, definition) of the "What is X?" cards whose answer says what X is, the most
    named first (card order between equals): no common word, nor the document's own subject, nor an answer that opens
    on a pronoun."""
    whole = f" {term_key(document_title)} "
    found: list[tuple[int, str, Definition]] = []
    for card in cards:
        m = _WHAT_IS.match(card.front.strip()) if card.kind == "basic" else None
        key = term_key(m.group("term")) if m else ""
        if not key or len(key) < 4 or f" {key} " in whole or " " not in key and (zipf(key) >= 4.5 or generic_word(key)):
            continue
        text = card.back.strip()
        if not _stated(text) or re.match(r"^(?:it|they|this|these|he|she)\b", text, re.I):
            continue
        names = f" {key} " in " " + " ".join(singular(w) for w in surface_words(text)) + " "
        shown = text if names else f"{m.group('term')[:1].upper()}{m.group('term')[1:]}: {text}"
        found.append((ta.stem_text.count(f" {key} "), key, Definition(text=shown, source=card.source)))
    return sorted(found, key=lambda x: -x[0])


#: Titles of a chapter's boxes and end matter: the terms they define in passing are not theirs.
_BOX_TITLE = re.compile(
    r"^\W*(?:end[- ]of[- ]chapter|at a glance|exercises?|(?:review |practice )?questions?|key (?:takeaways?|terms|points|ideas|"
    r"concepts)|references|further reading|glossary|bibliography|problems)\b",
    re.I,
)


def most_named_definition(cards: list, ta: TopicAnalysis, document_title: str = "") -> list[Definition]:
    """The definition of the card term the topic names most, when nothing defines its title's term.

    Teachers called the "none" false in sets 39-69 beside "Hidden curriculum is a concept that describes ..." under
    "Education", "Statistical power is the probability of rejecting the null hypothesis, when it is indeed false."
    under "Power analysis" and "Value dimensions: The specific values included in Hofstede's research." under
    "Hofstede and Values". The definition is a "What is X?" card's answer (``_card_definitions``): X named twice or
    more in the topic and half as often again as any other card's or blank's term (``central_definitions`` asks more:
    a term twice as central as any term the topic defines or repeats, named once in 250 words). Replayed on sets 39-68
    it gave eight judged topics a Definition: four the teachers had called false "none"s, four true ones; it is kept
    for sets 69-70's cases and judged again. Two card terms about as central
    name no one term of the topic ("contamination delay" and "propagation delay" under "Timing Diagrams", a true
    "none"; "primary reinforcer" 6 times beside "secondary reinforcer" 5), nor does a chapter's box or end matter
    ("End-of-Chapter Material", "At a Glance")."""
    if _FRONT.match(ta.topic.title) or _BOX_TITLE.match(ta.topic.title) or _GENERIC_TITLE.match(ta.topic.title):
        return []
    found = _card_definitions(cards, ta, document_title)
    titled = frozenset(term_key(t) for t in title_terms(ta.topic.title))
    if not found or found[0][0] < 2:
        return []
    blanks = {term_key(c.back) for c in cards if c.kind == "cloze"} - {found[0][1]}  # a blank's term is a card's too
    second = max([n for n, _, _ in found[1:]] + [ta.stem_text.count(f" {k} ") for k in blanks if k], default=0)
    if 2 * found[0][0] < 3 * second:
        return []
    if any(found[0][1].endswith(" " + k) for k in titled if k):
        return []  # one kind of the title's term ("Strategic plans are ..." under "Types of Plans")
    if _names_own_title(ta) and not _title_words(found[0][1]) & _title_words(ta.topic.title):
        return []  # the topic is about its title's term: a term of other words is a part of it ("Polygons: ..." under
        # "Vector Data Models"), one sharing its words is its base ("statistical power" under "Power analysis")
    return [found[0][2]]


def _names_own_title(ta: TopicAnalysis) -> bool:
    """True when the topic names its title's term three times or more."""
    keys = [term_key(t) for t in title_terms(ta.topic.title)]
    return any(k and ta.stem_text.count(f" {k} ") >= _CENTRAL_MENTIONS for k in keys)


def definition_pairs(ta: TopicAnalysis) -> list[tuple[str, Sentence, str]]:
    """(term, defining sentence, definition text) of the topic's own terms, best first (computed once)."""
    if "definitions" not in ta.memo:
        ta.memo["definitions"] = _definition_pairs(ta)[:8]
    return ta.memo["definitions"]


def _definition_pairs(ta: TopicAnalysis) -> list[tuple[str, Sentence, str]]:
    scored = [(title_overlap(t.text, ta.topic.title), t) for t in ta.terms if defines(t)]
    own = sorted(((n, t) for n, t in scored if n > 0), key=lambda x: (-x[0], -x[1].def_score, x[1].first))
    found = title_definitions(ta.topic.title, ta.sentences) + [(t.text, t.definition) for _, t in own]
    found += principle_definitions(ta.topic.title, ta.sentences)
    glossed = {id(g.sentence): g for g in topic_definitions(ta) if g.kind in _SHAPED and names_title(g.term, ta.topic.title)}
    found += [(g.term, g.sentence) for g in glossed.values()]
    # "... is called 'Financial Statement Analysis'" under "Meaning of Analysis of Financial Statements" (set 62)
    found += [
        (g.term, g.sentence)
        for g in topic_definitions(ta)
        if g.kind == "sentence" and id(g.sentence) not in glossed and names_title(g.term, ta.topic.title)
    ]
    if not found:  # the title's term put in its class ("Data frames are a special type of Matrix"), not another term's
        found = [(t.text, t.definition) for t in ta.terms if _kind_of_title(t, ta)][:1]
    if not found:  # the title names no defined term: a key term of the topic's headings, if the text defines it
        found = [(t.text, t.definition) for t in ta.terms if defines(t) and _heading_term(t.text, ta)]
        found += [(term, s) for term, s in _key_definitions(ta) if _heading_term(term, ta)]
    if not found and not _about_title_term(ta):
        # the title is no term ("Summary (3 of 3)", a file name): the topic's most central defined term
        central = _central(ta)
        found = [(g.term, g.sentence) for g in central]
        glossed |= {id(g.sentence): g for g in central if g.kind in _SHAPED and id(g.sentence) not in glossed}
    seen: set[int] = set()
    out = []
    for term, s in found:
        if _PLACE_HOLDER.match(term):
            continue  # "The second process is storage, ...": a place in a list, not the topic's term
        if id(s) not in seen:
            seen.add(id(s))
            label = s.block.term if s.block.kind is BlockKind.GLOSSARY and s.block.term else term
            # a "Term / explanation" pair: the term leads the text ("Act-utilitarianism: ..." names act utilitarianism)
            named = term_key(term).replace("-", " ") in term_key(s.display).replace("-", " ")
            text = s.display if named else f"{label[:1].upper()}{label[1:]}: {s.display}"
            if id(s) in glossed:  # "..., the hedging hyperprior, a simple ...": the term and its defining phrase only
                g = glossed[id(s)]
                text = f"{g.term[:1].upper()}{g.term[1:]}: {g.definition[:1].lower()}{g.definition[1:]}"
            out.append((term, s, text))
    return out


def _kind_of_title(t: Term, ta: TopicAnalysis) -> bool:
    """True when ``t`` is the title's term and its sentence puts it in a named class (``kind_of``), standing alone."""
    s = t.definition
    if s is None or not s.alone or s.n_words > 30 or not names_topic(t.text, ta.topic.title):
        return False
    return kind_of(s.parsed, t.text) and leans_on_context(s.parsed, reader=False) is None


#: Definitions by shape (a "Term: explanation" line, a term/explanation bullet pair, an apposition) the Definition
#: takes from ``topic_definitions`` when they define the title's term.
_SHAPED = frozenset({"colon", "pair", "it", "called", "apposition"})


def names_title(term: str, title: str) -> bool:
    """True when ``term`` is a term of ``title`` word by word, a compound allowed ("hedging hyperprior" of "Hedging
    priors")."""
    mine = term_key(term).split()
    for t in title_terms(title):
        theirs = term_key(t).split()
        if len(theirs) == len(mine) and all(
            a == b or min(len(a), len(b)) >= 4 and (a.endswith(b) or b.endswith(a)) for a, b in zip(mine, theirs)
        ):
            return True
        # "Financial Statement Analysis" names "Analysis of Financial Statements" (set 62): the same words reordered
        if len(mine) >= 2 and len(_title_words(term)) >= 2 and _title_words(term) == _title_words(t):
            return True
    return False


def _about_title_term(ta: TopicAnalysis) -> bool:
    """True when the topic's text keeps using a term its title names ("Lewis dots" under "Lewis Dots and
    Structures"): the topic is about that term, and another term's definition is not its Definition."""
    if _GENERIC_TITLE.match(ta.topic.title):
        return False  # "Review Learning Outcome 8.2" names a place in the course, not a term (slides repeat it)
    return any(ta.stem_text.count(f" {term_key(t)} ") >= 2 for t in title_terms(ta.topic.title) if term_key(t))


def _central(ta: TopicAnalysis) -> list:
    """The topic's definitions (``topic_definitions``), the most used term first (ties: source order)."""
    title = f" {term_key(ta.topic.title)} "
    if _FRONT.match(ta.topic.title):
        return []
    # "Visual encoding" under the title "Encoding" is a kind of the topic's term, not its definition; "Financial
    # Statement Analysis" under "Meaning of Analysis of Financial Statements" is its term in other words (set 62)
    glosses = [
        g
        for g in topic_definitions(ta)
        if g.kind != "abbreviation"
        and not (
            len(k := term_key(g.term).split()) > 1
            and f" {k[-1]} " in title
            and f" {' '.join(k)} " not in title
            and not _title_words(g.term) <= _title_words(ta.topic.title)
        )
    ]
    counts = {id(g): ta.stem_text.count(f" {term_key(g.term)} ") for g in glosses}
    # a term that leans on its context ("the remaining integral" of a derivation) is no topic's term
    keep = [g for g in glosses if term_key(g.term).split()[0] not in _CONTEXT_MODIFIERS]
    words = _title_words(ta.topic.title)
    placed = any(w in _PLACE_WORDS for w in term_key(ta.topic.title).split())  # "Memory lecture", "Week 3: ..."
    placed = placed or bool(_GENERIC_TITLE.match(ta.topic.title))  # "Learning Objectives", "Preamble" (sets 57-58)
    if words and not placed and _headed(ta):  # a title that names its subject: only a term of its words ("relationship marketing"
        # under "Building Customer Relationships"), never a side term ("unit" under "Calculating Dosages ... Liquid Form")
        keep = [g for g in keep if _title_words(g.term) & words]
    return sorted(keep, key=lambda g: -counts[id(g)])


#: Words of a title that name no subject: its place in the course, a date, a number.
_PLACE_WORDS = frozenset(
    "introduction overview summary review recap conclusion conclusions part chapter section unit lecture module lesson "
    "week day notes note january february march april may june july august september october november december".split()
)


def _headed(ta: TopicAnalysis) -> bool:
    """True when the topic's title is the source's own heading, not a name the segmenter gave a window of text
    ("Effective Cost" for notes without headings: there the most used term is what the topic is about)."""
    title = term_key(ta.topic.title)
    return any(b.kind is BlockKind.HEADING and title and title in term_key(b.text) for b in ta.topic.blocks)


def _title_words(text: str) -> set[str]:
    """Stems (five letters) of the content words of a title or term, without the words that place it in the course."""
    return {
        w[:5] for w in term_key(text).split() if len(w) >= 4 and w not in _PLACE_WORDS and not w.isdigit() and w not in STOPWORDS
    }


def _key_definitions(ta: TopicAnalysis) -> list[tuple[str, Sentence]]:
    """Sentences defining a key term of the topic that its headings name (see ``key_definitions``, ``_heading_term``),
    computed once; only those terms are looked for (each sentence looked at is parsed)."""
    if "key_definitions" not in ta.memo:
        heading = _heading_words(ta)
        keys = {t.key for t in ta.terms if t.real and _names_heading(t.key, heading)}
        counts = {k: ta.stem_text.count(f" {k} ") for k in _subject_keys(ta) if _names_heading(k, heading)}
        ta.memo["key_definitions"] = key_definitions(ta.sentences, keys, counts)
    return ta.memo["key_definitions"]


def definition_cards(ta: TopicAnalysis, cards: list[Flashcard]) -> list[Flashcard]:
    """ "What is X?" cards answered by the topic's own definitions that no card asks yet (other key terms' definitions
    are shared between cards and questions by ``build_flashcards``)."""
    quotes = {c.source.quote for c in cards}
    definable = [t for t in ta.terms if defines(t)]
    if len(definable) > 2:  # build_flashcards leaves every other one of these to a question
        quotes |= {t.definition.text for t in definable[1::2]}
    asked = _card_terms(cards)
    glossed = {id(g.sentence) for g in topic_definitions(ta)}  # these get their own cards (``gloss_cards``)
    out = []
    seen: set[str] = set()
    for term, s, _ in definition_pairs(ta):
        key = term_key(term)
        if key in seen:
            continue  # a term's best definition decides; "Generally, the term industry is used for ..." after
            # "Industry refers to economic activities ..." (its Definition) keyed the card wrong (set 28)
        seen.add(key)
        if s.text in quotes or key in asked or id(s) in glossed:
            continue
        glossary = s.block.kind is BlockKind.GLOSSARY
        kind = None if glossary else definition_kind(s.parsed, term)
        the = "the " if re.match(rf"the\s+{re.escape(term)}\b", s.text, re.I) else ""
        said = _lowered(term) if s.text.startswith(term) else term  # "Business may be defined as ...": its capital
        verb = ASKED_VERBS.get(kind or "")
        front = f"What does {the}{said} {verb}?" if verb else ask_what(term, s.text)
        if kind == "characterized":  # "Wires are characterized by their geometry." asked "What are wires?" (set 68)
            lead = re.match(rf"\s*(an?|the)\s+{re.escape(term)}\b", s.text, re.I)
            front = f"What characterizes {lead.group(1).lower() + ' ' if lead else ''}{said}?"
        out.append(Flashcard(kind="basic", front=front, back=s.display, source=s.ref()))
        quotes.add(s.text)
        asked.add(term_key(term))
    return out


def _heading_term(term: str, ta: TopicAnalysis) -> bool:
    """True when the topic's headings, title or its document's title name ``term`` (a slide title "Consent", a
    handout called "projectile-modelling"), so its definition is the topic's, not a side term's."""
    return _names_heading(term_key(term), _heading_words(ta))


def _heading_words(ta: TopicAnalysis) -> set[str]:
    """The first five letters of the words of the topic's title, headings and document title (four letters or more)."""
    names = [ta.topic.title, *(b.text for b in ta.topic.blocks if b.kind is BlockKind.HEADING)]
    names += [ta.topic.blocks[0].section or ""] if ta.topic.blocks else []
    return {w[:5] for w in term_key(" ".join(names).replace("-", " ")).split() if len(w) >= 4}


def _names_heading(key: str, heading: set[str]) -> bool:
    """Every word of ``key`` is in the headings: "Strategic plans" under "Types of Plans" is one kind of the topic's
    term, "Chemical bonds" under "Chemical bonding" another term."""
    own = [w[:5] for w in key.split() if len(w) >= 4]
    return bool(own) and all(w in heading for w in own)


def _subject_keys(ta: TopicAnalysis) -> set[str]:
    """Keys of the noun phrases that start the topic's sentences (mention counts are only needed for those)."""
    return {term_key(" ".join(s.text.split()[:n])) for s in ta.sentences for n in (1, 2, 3, 4)}


def definition_empty(ta: TopicAnalysis) -> str:
    """Why a topic has no definition (naming the title's term, not "lecture" or "notes")."""
    return f"The source gives no definition of {subject_term(ta)}; the summary says what it covers."[:300]


_BARE_WHAT = re.compile(r"^What is (?P<term>[a-z][a-z-]*(?: [a-z][a-z-]*){0,3})\?$")


def _own_article(text: str, term: str) -> bool:
    """True when ``text`` writes "a <term>" or "an <term>" in the term's own letters with the article the term's own
    ("Solving an insight problem needs ..."), not another noun's it modifies ("A React app renders ...")."""
    for m in itertools.islice(re.finditer(rf"\b(?:[Aa]n?)\s+{re.escape(term)}\b", text), 3):
        start = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        end = min((i for i in (text.find(".", m.end()), text.find("\n", m.end())) if i >= 0), default=len(text))
        sentence = text[start:end]
        at = m.end() - start
        last = next((t for t in parse.parse(sentence) if t.idx < at <= t.idx + len(t.text)), None)
        if last is not None and last.pos_ == "NOUN" and last.dep_ != "compound":
            return True
    return False


def _articled(card: Flashcard, ta: TopicAnalysis, doc: DocAnalysis | None = None) -> Flashcard:
    """ "What is a race condition?" for "What is race condition?" when the topic itself writes "a race condition" (set
    40's teachers edited three such fronts), or another topic of the document does, in the same letters and ending the
    phrase ("What is insight problem?", "What is compute instance?": sets 59 and 63): the source says the term counts;
    a mass noun keeps no article."""
    m = _BARE_WHAT.match(card.front) if card.kind == "basic" else None
    if m is None:
        return card
    term = m.group("term")
    if "text" not in ta.memo:
        ta.memo["text"] = "\n".join(b.text for b in ta.topic.blocks)
    used = re.search(rf"\b(an?)\s+{re.escape(term)}\b(?!\s*(?:of|to)\b)", ta.memo["text"], re.I)
    if used is None and doc is not None:
        used = _own_article(_document_text(doc), term) or None
    if used is None or re.search(rf"\b{re.escape(term)}\b", ta.memo["text"], re.I) is None:
        return card
    article = "an" if re.match(r"[aeio]|u(?!ni|s[eu])|hour|hono", term) else "a"
    return card.model_copy(update={"front": f"What is {article} {term}?"})


def _document_text(doc: DocAnalysis) -> str:
    """The document's usable text, joined once (its terms' articles and small letters are looked up in it)."""
    if "text" not in doc.memo:
        doc.memo["text"] = "\n".join(b.text for b in doc.document.blocks if b.usable)
    return doc.memo["text"]


_CAPITAL_WHAT = re.compile(r"^What (?P<verb>is|are) (?P<term>[A-Z][a-z-]+(?: [A-Za-z][a-z-]*){0,3})\?$")


#: "<description> is called <term>." whole: the description is the answer.
_CALLED = re.compile(
    r"^(?P<said>(?!(?:this|that|these|those|such|it|they|which|here)\b)[^:;]+?),?\s+(?:is|are)\s+(?:(?:commonly|usually|often|"
    r"generally|also)\s+)?(?:called|known as|termed|referred to as|named)\s+(?:(?:its|their|the|an?)\s+)?[\"“']?(?P<term>[^.;:,\"”']+?)"
    r"[\"”']?\s*\.?$",
    re.I,
)


_POINTING_WORD = re.compile(r"\b(?:this|these|those|such|above|below|former|latter|same)\b", re.I)


def _noun_phrase(text: str) -> bool:
    """True when ``text`` is one noun phrase: it opens on an article ("The process by which new cells are made", which
    the parser may root on its verb) or parses with a noun for its root; not a clause or a phrase with a lead-in."""
    doc = parse.parse(text)
    if doc[0].lower_ in ("the", "a", "an", "any", "all", "each", "every"):
        return True
    roots = [t for t in doc if t.dep_ == "ROOT"]
    return len(roots) == 1 and roots[0].pos_ in ("NOUN", "PROPN") and doc[0].pos_ not in ("ADP", "PRON", "SCONJ")


def _named_back(card: Flashcard) -> Flashcard:
    """ "The probability distribution of a statistic." for the back "The probability distribution of a statistic is
    called its sampling distribution." under "What is a sampling distribution?": the sentence ends by naming the term
    the front asks, so its description is the answer (teachers edited seven such backs in sets 51-65 for repeating the
    term, "is called its polarizability"); the quote keeps the whole sentence. Only when the description has four
    words or more and the sentence says nothing after the term."""
    asked = _WHAT_IS.match(card.front) if card.kind == "basic" else None
    m = _CALLED.match(card.back.strip()) if asked else None
    if m is None or term_key(m.group("term")) != term_key(asked.group("term")) or len(m.group("said").split()) < 4:
        return card
    said = m.group("said").strip()
    if _POINTING_WORD.search(said) or not _noun_phrase(said):
        return card  # "We have already noted that the concentration dependence of rate", "... through such a membrane"
    return card.model_copy(update={"back": f"{said[:1].upper()}{said[1:]}."})


_EXPANSION = re.compile(
    r"^(?:(?:it is|it's)\s+)?(?:an?\s+)?(?:acronym|abbreviation|short(?:hand)?)\s+(?:for|of)\s+(?P<long>[^.;:]{3,80}?)\.?$", re.I
)


def _expansion_card(card: Flashcard) -> Flashcard:
    """ "What does PASS stand for?" / "Power And Sample Size" for "What is PASS?" / "An acronym for Power And Sample
    Size." (set 70: the answer says what the letters stand for, not what PASS is; "What does UTM stand for?" was
    kept)."""
    asked = _WHAT_IS.match(card.front) if card.kind == "basic" else None
    m = _EXPANSION.match(card.back.strip()) if asked else None
    if m is None:
        return card
    return card.model_copy(update={"front": f"What does {asked.group('term')} stand for?", "back": m.group("long").strip()})


def _cased(card: Flashcard, ta: TopicAnalysis, doc: DocAnalysis) -> Flashcard:
    """ "What is fugacity?" for "What is Fugacity?" (a term a label or a sentence's start set with a capital) when the
    document writes it in small letters inside a sentence (sets 60 and 62: "What is Fugacity?", "What is Extensive
    Property?" edited); a name is never written so, and keeps its capitals."""
    m = _CAPITAL_WHAT.match(card.front) if card.kind == "basic" else None
    if m is None:
        return card
    low = m.group("term").lower()
    if re.search(rf"\b[A-Za-z][a-z,]*\s+{re.escape(low)}\b", _document_text(doc)) is None:
        return card
    return card.model_copy(update={"front": f"What {m.group('verb')} {low}?"})


def _distinct(cards: list[Flashcard]) -> list[Flashcard]:
    """The cards without a later one asking the same ("What is Plasmodium?" and "What is a plasmodium?" became one
    front once the document's small letters and article were applied, set 62's notes replayed)."""
    out: list[Flashcard] = []
    at: dict[str, int] = {}
    for c in cards:
        if c.kind != "basic" or c.front not in at:
            at.setdefault(c.front, len(out))
            out.append(c)
        elif _opens_on_term(c) and not _opens_on_term(out[at[c.front]]):
            out[at[c.front]] = c  # the one whose answer is about the term ("A plasmodium is ...", not "Malaria is ...")
    return out


def _opens_on_term(card: Flashcard) -> bool:
    """True when a "What is X?" card's answer names X in its first words."""
    m = _WHAT_IS.match(card.front)
    return m is not None and m.group("term").lower() in " ".join(card.back.lower().split()[:6])


def _orphans(definable: list[Term], cards: list[Flashcard], questions: list) -> list[Flashcard]:
    """Cards for the definitions left to a question that no question could use ("The facial feedback hypothesis
    proposes that ...", with no other hypothesis to offer as options): a definition the source gives is never lost."""
    quotes = {c.source.quote for c in cards} | {q.source.quote for q in questions}
    asked = _card_terms(cards)
    out: list[Flashcard] = []
    for t in definable:
        s = t.definition
        if any(s.text in q or q in s.text for q in quotes) or t.key in asked:
            continue
        out.append(Flashcard(kind="basic", front=basic_front(t), back=s.display, source=s.ref()))
        asked.add(t.key)
    return shown_cards(out)


def _fresh(extra: list, shown: list) -> list:
    dumps = {m.model_dump_json() for m in shown}
    return [m for m in extra if m.model_dump_json() not in dumps]


def _marked_terms(ta: TopicAnalysis, doc_terms: list) -> list[str]:
    """Terms the source marks or defines, here and in the other topics: a naming question's distractors."""
    return [t.text for t in [*ta.terms, *doc_terms] if asks_for(t)]


def _left_to_questions(doc: DocAnalysis, ta: TopicAnalysis, doc_terms: list, shown: str | None) -> set[str]:
    """Quotes of definitions a naming question asks instead of a card: where the topic defines three terms or
    more, one in three a fair multiple-choice question can be built on (at most two; a card's blank not on it either), so that a topic rich in
    definitions gets questions as well as cards, never the same term twice."""
    glosses = [g for g in topic_definitions(ta) if g.kind != "abbreviation"]
    if len(glosses) < 3:  # (the topic's own definition, ``shown`` in its Definition section, is never one of them)
        return set()
    trial = naming_questions(doc, doc.position(ta.topic), _marked_terms(ta, doc_terms), set(), set(), limit=len(glosses))
    can = {q.source.quote for q in trial if hasattr(q, "options") and not _WHICH_TERM.match(_stem(q))}  # only the questions shown
    picks = [g for g in glosses if g.quote in can and g.quote != shown]
    order = picks[1::2] + picks[0::2]
    return {g.quote for g in order[: min(2, len(glosses) // 3)]}


#: A section that shows one case ("Example 1", "Example of Federal Supremacy", "Case study: ...", "Application of R
#: Example Data 'InsectSprays'"), not "Examples of Legislative Branch Checks and Balances", a list of the points.
_EXAMPLE_SECTION = re.compile(
    r"^(?:worked |an? )?(?:example|case study|case)(?:\s+\d+(?:\.\d+)*[a-z]?)?(?:\s*[:.\-–—(]|\s+of\b|$)|\bexample data\b", re.I
)


def shown_example(section: str | None) -> bool:
    """True for a section that shows a case: what it defines is the case's own matter ("What is CORT?" from a paper
    a statistics lecture uses as its example, set 19), its sentences tell the case, so no card or question comes from it."""
    return bool(section) and _EXAMPLE_SECTION.search(re.sub(r"^\d+(?:\.\d+)*\.?\s+", "", section.strip())) is not None


#: "Which term names/refers to <a definition>?" questions are not shown. Over sets 14-24 teachers kept 2 of 21 (8
#: edited, 11 dropped: "Which term names a kWh not generated? A. desalination B. source ..."); the definitions they ask
#: go to cards, "What is X?" (43 kept of 122) and "What does X mean?" (13 of 16), or to "What is ... called?".
_WHICH_TERM = re.compile(r"^\s*Which (?:term|word|concept)\b", re.I)


def _stem(q) -> str:
    return getattr(q, "question", None) or getattr(q, "statement", "")


def _card_terms(cards: list) -> set[str]:
    """Keys of the terms the basic cards ask ("What is X?")."""
    return {term_key(x) for c in cards if c.kind == "basic" and (x := asked_term(c.front))}


def _reviewed(reviews: list):
    """A test for cards made of a review question the source asks (``reviews``: ``source_reviews`` of the topic): the
    question is asked as the source asks it, and a card would key all four options ("What is the goal of primary
    assessment?" -> the deck's four options, set 36's wrong key)."""
    stems = [" ".join(q.question.split())[:40].lower() for q in reviews]
    stems = [x for x in stems if len(x) >= 15]

    def reviewed(card: Flashcard) -> bool:
        quote = " ".join(card.source.quote.split()).lower()
        return any(quote.startswith(x) or x in quote[:80] for x in stems)

    return reviewed


_STANDS_FOR = re.compile(r"^What (?:does|do) (?P<abbr>[A-Za-z][\w-]{1,9}?)s? stand for\?$")


def _expanded_before(doc: DocAnalysis, ta: TopicAnalysis, card: Flashcard) -> bool:
    """True for "What does OSHA stand for?" when an earlier topic of the document spells OSHA out: the card is that
    topic's, and a later one repeats it (set 35's business-law chapter asked it in three topics)."""
    m = _STANDS_FOR.match(card.front)
    position = doc.position(ta.topic)
    if m is None or not position:
        return False
    if "spelled" not in doc.memo:
        doc.memo["spelled"] = [
            {a for s in other.sentences for a in re.findall(r"\(([A-Za-z][\w-]{1,9}?)s?\)", s.text)} for other in doc.topics
        ]
    return any(m.group("abbr") in spelled for spelled in doc.memo["spelled"][:position])


def build_pool(doc: DocAnalysis, ta: TopicAnalysis, title: str) -> Pool:
    """All candidates of one topic, and why a section has none."""
    own = own_points(ta.ranked, ta.scores, ta.terms)
    summary = summary_sentences(ta.ranked, own if len(own) >= 2 else (), ta.terms)
    while len(" ".join(s.display for s in summary)) > 4000 and len(summary) > 1:
        summary = summary[:-1]
    in_summary = {id(s) for s in summary}
    spares = [s for s in ta.ranked if id(s) not in in_summary and s.alone][:10]
    pool = Pool(definition_candidates(ta), summary, spares)
    first = pool.definitions[0].source.quote if pool.definitions else None
    doc_terms = [t for other in doc.topics if other is not ta for t in other.terms if t.defined or t.origin != "keyword"]
    defining = [s for s in ta.sentences if s.text == first]
    pool.sections["key_takeaways"] = takeaway_candidates(
        ta.ranked, ta.scores, ta.terms, defining, _SHOWN["key_takeaways"], summary
    )
    pool.sections["prerequisites"] = prerequisite_candidates(doc, ta)
    pool.sections["learn_next"] = learn_next_candidates(doc, ta)
    pool.sections["applications"] = application_candidates(ta, set())
    subject = f"{title}\n{doc.document.title}\n{shared_titles(doc)}\n{pervasive_words(doc)}"  # what a blank gives away
    cards = build_flashcards(ta.terms, ta.ranked, title=subject)
    cards = definition_cards(ta, cards) + cards
    definable = [t for t in ta.terms if defines(t)]
    reserved = {t.definition.text for t in definable[1::2]} if len(definable) > 2 else set()  # left to questions
    for_questions = _left_to_questions(doc, ta, doc_terms, first) | condition_quotes(ta.ranked, ta.terms)
    reserved |= for_questions
    cards = [c for c in cards if c.source.quote not in for_questions]  # not a blank on it either
    glossed = gloss_cards([g for g in topic_definitions(ta) if g.quote not in reserved or g.kind == "abbreviation"], cards)
    basic = [c for c in cards if c.kind == "basic"]
    taken = {c.source.quote for c in basic + glossed}
    listed = [c for c in enumeration_cards(ta.sentences) if c.source.quote not in taken]
    listed += whole_cards(ta, basic + glossed + listed)
    listed += entry_cards(ta, _card_terms(basic + glossed + listed), reserved)
    listed += called_cards(ta.sentences, taken | {c.source.quote for c in listed} | for_questions)
    listed += [n.card() for n in _numbered(ta) if n.sentence.text not in taken]
    principles = named_principles(ta)
    listed += principle_cards(principles, taken | {c.source.quote for c in listed} | for_questions)
    quotes = {c.source.quote for c in basic + glossed + listed}  # a term's definition card, not a blank in the same sentence
    # a term's definition card, not a blank in the same sentence (nor in one of the passages a list card quotes)
    cards = (
        basic
        + glossed
        + listed
        + [c for c in cards if c.kind != "basic" and not any(c.source.quote in q or q in c.source.quote for q in quotes)]
    )
    quoted = {c.source.quote for c in cards} | for_questions
    cards += object_cards(ta.ranked, ta.terms, ta.stem_text, {id(s) for s in ta.sentences if s.text in quoted}, 2, subject)
    quoted = {c.source.quote for c in cards} | for_questions
    cards += view_cards(ta.ranked, {id(s) for s in ta.sentences if s.text in quoted})
    spare = [
        c
        for c in build_flashcards(ta.terms, ta.ranked, 24, 12, title=subject)
        if c.source.quote not in for_questions and not any(c.source.quote in q for q in quotes)
    ]  # a spare blank in a definition a card already asks would repeat it
    reviews = source_reviews(ta.topic.blocks)
    reviewed = _reviewed(reviews)
    pool.sections["flashcards"] = _distinct(
        [
            _expansion_card(_named_back(_articled(_cased(c, ta, doc), ta, doc)))
            for c in shown_cards(cards + _fresh(spare, cards))
            if not shown_example(c.source.section) and not _expanded_before(doc, ta, c) and not reviewed(c)
        ]
    )
    if not pool.definitions:  # a card may still say what the title's term is ("A ___ manages a shared set of app data.")
        pool.definitions = card_definitions(pool.sections["flashcards"][: len(cards)], title)
    if not pool.definitions:
        pool.definitions = head_definitions(doc, ta)
    pointed = pointed_definitions(ta) if not pool.definitions else []  # read once for the two rules below
    if not pool.definitions:  # the title's own term named after its description ("We call such gates asymmetric.")
        pool.definitions = [d for term, d in pointed if title_overlap(term, ta.topic.title) > 0][:1]
    if not pool.definitions:
        pool.definitions = central_definitions(pool.sections["flashcards"][: len(cards)], ta, doc.document.title)
    if not pool.definitions:  # a term the topic keeps naming (one the title names was taken above; "Doping: ..."
        # under "Electrical Properties" names a side term, set 32's true "none")
        pool.definitions = [
            d for term, d in pointed if ta.stem_text.count(f" {term_key(term)} ") * _CENTRAL_WORDS >= ta.word_count
        ][:1]
    if not pool.definitions:
        pool.definitions = borrowed_definitions(doc, ta)
    if not pool.definitions:
        pool.definitions = most_named_definition(pool.sections["flashcards"][: len(cards)], ta, doc.document.title)
    card_quotes = {c.source.quote for c in pool.sections["flashcards"]}
    used = {id(s) for s in ta.sentences if s.text in card_quotes}
    asked = _card_terms(pool.sections["flashcards"])
    marked = _marked_terms(ta, doc_terms)
    named = naming_questions(doc, doc.position(ta.topic), marked, used, asked, title=subject)
    asked = asked | {term_key(key_of(q)) for q in named}
    questions = (
        reviews
        + source_answers(ta.topic.blocks)
        + principle_questions(principles)
        + series_questions(ta.sentences, [s for o in doc.topics for s in o.sentences], used)
        + named
        + build_questions(ta.terms, doc_terms, ta.ranked, title, avoid=used, asked=asked)
    )
    have = asked - _card_terms(pool.sections["flashcards"]) | {
        term_key(q.options[q.answer_index]) for q in questions if hasattr(q, "options")
    }
    questions = (
        reverse_questions(pool.sections["flashcards"], ta.terms, doc_terms, have, title=subject) + questions
    )  # a card's reverse
    more = build_questions(ta.terms, doc_terms, ta.ranked, title, 8, avoid=used, asked=asked)
    questions = [q for q in questions if not _WHICH_TERM.match(_stem(q))]  # (a definition one asked is a card again)
    pool.sections["questions"] = [
        q for q in questions + _fresh(more, questions) if not shown_example(q.source.section) and not _WHICH_TERM.match(_stem(q))
    ]
    orphans = [
        c
        for c in _orphans(definable, pool.sections["flashcards"][: len(cards)], questions)
        if not shown_example(c.source.section)
    ]
    pool.sections["flashcards"][len(cards) : len(cards)] = orphans
    shown = len(cards) + len(orphans)
    if ta.word_count >= _LONG_TOPIC and len(questions) < _SPARE_FOR:
        # the sentences left to questions that no question took (sets 39-41: no question in most topics of 500 words
        # and more, two or three cards each): a spare blank for each missing question, up to the usual card limit
        shown = min(len(pool.sections["flashcards"]), shown + _SPARE_FOR - len(questions), max(shown, _MAX_SHOWN))
    pool.shown = dict(_SHOWN, flashcards=shown, questions=len(questions))
    pool.empty = {
        "definition": definition_empty(ta),
        "prerequisites": prerequisites_empty(doc, ta),
        "learn_next": learn_next_empty(doc, ta),
        "applications": applications_empty(ta),
        "key_takeaways": "No sentence here was kept as a key point: the ones left out are instructions, narration or lean on their context.",
        "flashcards": "No card is given: no sentence here defines or states a key term in a form that stands alone as a card.",
        "questions": "No question is given: no sentence here states a point a question could test without repeating a card.",
    }
    return pool


#: A Q&A's label before the text a definition quotes.
_ANSWER_LABEL = re.compile(r"(^|:\s)Answer\s*:\s*")


def content_of(pool: Pool, doc: DocAnalysis, ta: TopicAnalysis, title: str) -> GuideContent:
    """The guide: the first candidates of every section; a section without any says why."""
    sections = {s: pool.sections[s][: pool.shown[s]] for s in LIST_SECTIONS}
    definition = pool.definitions[0] if pool.definitions else None
    if definition is not None and _ANSWER_LABEL.search(definition.text):  # "Incorporation: Answer: In the ..." (set 45)
        definition = definition.model_copy(update={"text": _ANSWER_LABEL.sub(r"\1", definition.text)})
    empty = [EmptySection(section=s, reason=pool.empty[s]) for s in LIST_SECTIONS if not sections[s]]
    if definition is None:
        empty.insert(0, EmptySection(section="definition", reason=pool.empty["definition"]))
    return GuideContent(
        topic=title,
        subject=doc.subject,
        level=ta.level,
        study_time_minutes=study_minutes(ta.word_count),
        definition=definition,
        summary=summary_of(pool.summary),
        empty_sections=empty,
        **sections,
    )


def _identity(section: str, model) -> str:
    """What makes two candidates the same for a section (a link's topic, a point's quote...)."""
    if section in ("learn_next", "prerequisites"):
        return "t:" + model.topic.casefold()
    if section in ("key_takeaways", "applications"):
        return "q:" + model.source.quote
    return model.model_dump_json()


def repair_content(content: GuideContent, failing: dict[str, set[int | None]], pool: Pool) -> GuideContent:
    """``content`` with each failing item replaced by the next unused candidate of its section.

    ``failing`` maps a section to the indices of its failing items (``None`` for the definition).
    When every item of a list section fails, a few more spares are appended.
    """
    update: dict[str, object] = {}
    if "definition" in failing:
        used = content.definition.source.quote
        nxt = next((d for d in pool.definitions if d.source.quote != used), None)
        if nxt is not None:
            update["definition"] = nxt
    if failing.get("summary"):
        update["summary"] = _repair_summary(content, failing["summary"], pool)
    for section in LIST_SECTIONS:
        bad = {i for i in failing.get(section, set()) if i is not None}
        if not bad:
            continue
        items = list(getattr(content, section))
        used = {_identity(section, m) for m in items}
        spares = [c for c in pool.sections.get(section, []) if _identity(section, c) not in used]
        for i in sorted(bad):
            if i < len(items) and spares:
                new = spares.pop(0)
                if section == "key_takeaways":
                    new = new.model_copy(update={"importance": items[i].importance})
                items[i] = new
        if len(bad) >= len(items):
            items += spares[:_EXTRA]
        update[section] = items
    return content.model_copy(update=update)


def _repair_summary(content: GuideContent, bad: set[int | None], pool: Pool):
    quotes = {s.source.quote for s in content.summary.sentences}
    spares = [s for s in pool.summary_spares if s.text not in quotes]
    items = list(content.summary.sentences)
    for i in sorted(i for i in bad if i is not None and i < len(items)):
        if spares:
            s = spares.pop(0)
            items[i] = SummarySentence(text=s.display, source=s.ref())
    return content.summary.model_copy(update={"text": " ".join(s.text for s in items), "sentences": items})
