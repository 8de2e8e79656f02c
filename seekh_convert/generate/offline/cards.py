"""Flashcards: term/definition cards and cloze deletions of key terms."""

from __future__ import annotations

import re
import weakref

from rapidfuzz import fuzz

from seekh_convert.generate.offline.generic import defers, definition_penalty
from seekh_convert.generate.offline.glosses import _BARE_KINDS, _noun_phrase, fragment, instance, listed, remark, sets_against
from seekh_convert.generate.offline.sentences import ITEM_WORDS, Sentence
from seekh_convert.generate.offline.terms import Term, free_match
from seekh_convert.generate.offline.titledef import hollow
from seekh_convert.model.document import BlockKind
from seekh_convert.model.guide import Flashcard
from seekh_convert.text import parse
from seekh_convert.text.defining import initials, not_a_definition, related
from seekh_convert.text.grammar import definition_kind, gap_fits, leans_on_context, term_span
from seekh_convert.text.lexicon import example_name, generic_phrase, is_acronym, notation, word_classes, zipf
from seekh_convert.text.nouns import blankable
from seekh_convert.text.standalone import leans_back, stands_alone
from seekh_convert.text.terms import term_key, term_pattern
from seekh_convert.text.words import NUMBER_FORMS, content_stems, singular, surface_words

GAP = "_____"
_MAX_CARDS = 12
_MAX_BASIC = 6


#: "A basis B for an inner product space V is called orthonormal if ...": a property's definition, what it is said of
#: first (up to a variable's letter), then the property.
_CALLED_IF = re.compile(
    r"^(?P<det>An?|The)\s+(?P<np>[a-z][a-z-]+(?:\s+[a-z][a-z-]+){0,3})\b(?:\s+[^.;]{0,80}?)?\s+(?:is|are)\s+"
    r"(?:called|said\s+to\s+be|termed)\s+(?P<term>[\w-]+)\s+(?:if|when|whenever|iff)\b",
)


#: Nouns for a person or a people: a definition "X was a Chinese Buddhist monk who ..." asks "Who was X?".
_PERSON_NOUNS = frozenset(
    "king queen emperor empress ruler monarch prince princess sultan pharaoh monk nun priest saint pilgrim traveller "
    "traveler scholar poet philosopher astronomer mathematician scientist physicist chemist biologist writer author "
    "founder leader general president minister statesman painter artist sculptor composer inventor explorer "
    "physician economist psychologist sociologist historian son daughter father mother brother sister wife husband "
    "tribe people clan dynasty".split()
)


def _who(term: str, definition: str) -> str | None:
    """ "Who was Fa Xian?" where the definition says the term is a person or a people ("Fa Xian was a Chinese
    Buddhist monk who ...", "The Huna were a Central Asian tribe ..."; set 36: "What is Fa Xian?" edited four times)."""
    if not definition or not term[:1].isupper():
        return None
    doc = parse.parse(definition)
    span = term_span(doc, term)
    if span is None:
        return _who_named(term, doc)
    if span.root.dep_ != "nsubj" or span.root.head.lemma_ != "be" or span.root.head.dep_ != "ROOT":
        return None
    verb = span.root.head
    attr = next((c for c in verb.children if c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN")), None)
    people = verb.lower_ in ("were", "are") and attr is not None and attr.text[:1].isupper() and attr.text.endswith("s")
    if attr is None or not (
        attr.lemma_.lower() in _PERSON_NOUNS or span.root.ent_type_ == "PERSON" and attr.pos_ == "NOUN" or people
    ):
        return None  # ("The Portuguese were the first Europeans to ...": a people, set 66's history notes)
    lead = "the " if span.start > 0 and doc[span.start - 1].lower_ == "the" else ""
    return f"Who {verb.lower_} {lead}{re.sub(r'^The ', 'the ', span.text)}?"


_PEOPLES = frozenset("tribe people clan dynasty".split())
_PAST = re.compile(r"\b(?:CE|BCE|BC|AD|century|centuries)\b")


def _who_named(term: str, doc) -> str | None:
    """ "Who was Fa Xian?" for a glossary entry whose explanation is a person ("A Chinese traveler who recorded ...",
    "The last strong Pala king."); "Who were the Huna?" for a people ("A Central Asian Xionite tribe that ...")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "NOUN" or root.lemma_.lower() not in _PERSON_NOUNS or doc[0].lower_ not in ("a", "an", "the"):
        return None
    if any(t.pos_ in ("VERB", "AUX") and t.head is root.head and t.dep_ == "ROOT" for t in doc if t is not root):
        return None
    if root.lemma_.lower() in _PEOPLES:
        return f"Who were the {term}?" if not term.lower().startswith("the ") else f"Who were {term}?"
    present = any(t.tag_ in ("VBZ", "VBP") for t in doc) and not _PAST.search(doc.text)
    return f"Who {'is' if present else 'was'} {term}?"  # ("A psychologist who studies memory": is)


def _plural(word: str) -> bool:
    """A plain plural: "cells", "ideas"; not "bias", "species" or "series" (no "bia", "specie" is a word to speak of)."""
    if word[:1].isupper() and word[1:].islower():
        word = word.lower()  # "Nucleotides: A monomer unit ..." (a glossary entry's capital; set 39: "What is nucleotides?")
    if not word.endswith("s") or word.endswith(("ss", "us", "is", "ics")) or not word.islower():
        return False
    if word.endswith("ies") and zipf(word[:-3] + "y") >= 3.0:
        return True  # "What are administrative agencies?" (set 35: "What is administrative agencies?")
    if re.search(r"(?:s|x|ch|sh|z)es$", word) and zipf(word[:-2]) >= 3.0:
        return True  # "classes", "boxes", "approaches", "viruses"
    singular, whole = zipf(word[:-1]), zipf(word)
    if whole > singular + 0.5:
        return False  # a word of its own, far commoner than its "singular": "series", "lens", "gas"
    return singular >= 3.0 or singular > whole > 0  # "pyrimidines": rare, its singular less so


def ask_what(term: str, definition: str = "") -> str:
    """``What is <term>?`` (``are`` for plain plurals; keeps the article the definition uses); "What does it mean for a
    basis to be orthonormal?" for a property ("A basis B ... is called orthonormal if ...", offline set 27: "What is
    an orthonormal?")."""
    who = _who(term, definition)
    if who is not None:
        return who
    called = _CALLED_IF.match(definition)
    if called and called.group("term").lower() == term.lower():
        np = called.group("np")
        det = "an" if np[:1] in "aeiou" else "a"
        return f"What does it mean for {det} {np} to be {called.group('term')}?"
    term = term.rstrip(" -\u2013\u2014:")  # "Communications- is the process of ..." (set 35's Word notes)
    term_surface = term
    found = term_pattern(term).search(definition)
    copula = re.match(r"\s*(?:\([^)]*\)\s*)?,?\s*(is|are)\b", definition[found.end() :]) if found else None
    if found is None:  # "Communications- is the process of ..." (the dash keeps the term from matching)
        copula = re.match(rf"{re.escape(term)}[\s\u2013\u2014-]*(is|are)\b", definition, re.I)
    if found and term_key(found.group()) == term_key(term):
        term = found.group()
        first = term.split()[0]
        if found.start() == 0 and first[1:].islower() and not term_surface[:1].isupper() and term[len(first) :].islower():
            term = term[:1].lower() + term[1:]
    article = re.search(rf"\b(an?|the)\s+[\"\u201c\u2018]?{re.escape(term)}\b", definition, re.IGNORECASE)
    named = article is not None and re.search(r"\b(?:called|known as|termed)\s+$", definition[: article.start()])
    if article is not None and article.start() > 0 and " " not in term.strip() and not named:
        article = None  # "... the pattern ..." later in the sentence says nothing of a one-word term's article
    if article is None and found and found.start() > 0 and " " not in term:
        article = re.search(r"\b(the)\s+$", definition[: found.start()], re.IGNORECASE)
    lead = article.group(1).lower() + " " if article else ""
    if not lead and re.match(r"(?:principle|law|theory|rule|problem|concept|idea|method) of\b", term, re.I):
        lead = "the "  # "What is the principle of locality?"
    if not lead and not re.match(r"(?:the|an?)\s", term, re.I):  # "Activity: An element of work ...": "an"
        lead = gloss_article(term, definition)
    last = re.split(r"\s+of\s+", term)[0].split()[-1]  # the head: "tragedy of the commons" is one (set 67)
    verb = "are" if _plural(last) or _plural_class(last, definition) else "is"
    verb = copula.group(1) if copula else verb
    if term.isupper() and len(term) > 5 and " " not in term and zipf(term) >= 2.5:
        term = term.lower()  # "NORMALIZATION" set in capitals as a heading is the word "normalization"
    elif not found or found.start() == 0:
        term = _lowered(term)  # "Attempt" (a title, or the entry's first word) reads "What is attempt?" (set 27)
    return f"What {verb} {lead}{term}?"


def _plural_class(last: str, definition: str) -> bool:
    """True when a term ending in "s" is explained by a plural class ("Autotrophs: Organisms responsible for primary
    production ...", set 67's notes asked "What is Autotrophs?")."""
    if not last.lower().endswith("s") or last.lower().endswith(("ss", "us", "is", "ics")) or not definition:
        return False
    doc = parse.parse(definition)
    head = next((t for t in doc if t.pos_ in ("NOUN", "PROPN")), None)
    return head is not None and head.i <= 2 and head.tag_ == "NNS" and head.dep_ == "ROOT"


#: Endings of nouns that take no article ("federalism", "awareness", "economics", "management", "information").
MASS_HEAD = r"(?:ism|ness|ics|ogy|ship|hood|dom|ment|tion|sion|ance|ence|ing)$"
#: Heads of a term that names one provision of a constitution or a law ("the commerce clause", "the takings clause");
#: other lower-case heads are things of a kind ("a speech act").
_ONE_OF_A_KIND = frozenset("clause amendment".split())


#: Heads of a capitalised name that takes "the": an act, a policy, a body, an event ("the Tennessee Valley Authority").
_NAMED_BODIES = frozenset(
    "act bill policy administration authority corporation commission deal treaty program programme plan court council "
    "movement agreement accord doctrine amendment association committee conference convention revolution war depression "
    "union league board bureau agency department corps bowl reserve system compromise proclamation declaration".split()
)


def gloss_article(term: str, definition: str) -> str:
    """The article a glossary entry's term takes in "What is ...?", read from the entry ("Discretionary court: A court
    that can accept or reject appeals." asks "What is a discretionary court?"; set 18's teachers marked "What is
    discretionary court?", "What is commerce clause?", "What is activity?" as edits); "" when the entry does not say."""
    words = _lowered(term).split()  # "Continuous reinforcement schedule" opens its entry with a capital (set 29)
    if len(words) >= 2 and all(w[:1].isupper() for w in words) and words[0].lower() != "the":
        # "What is the Good Neighbor Policy?", "the Emergency Banking Relief Bill" (set 32's edits): a named act,
        # policy or body is the one of its name
        return "the " if words[-1].lower() in _NAMED_BODIES else ""
    if not words or not words[0][:1].islower() or any(w[:1].isupper() for w in words[1:]):
        return ""  # a name, or a term set in capitals
    definition = re.sub(rf"^\s*{re.escape(term)}\s*[:—–]\s*", "", definition, flags=re.I)  # "Activity: An element ..."
    if words[-1].lower() in _ONE_OF_A_KIND:
        return "the "
    singular = not re.search(r"(?<!s)s$|" + MASS_HEAD, words[-1])
    # "Secondary reinforcer: Neutral events that have become ..." (set 29): a plural class for one of its members
    plural_class = re.match(
        r"\s*(?:[A-Za-z-]+\s+){0,2}?(?:[a-z-]+s|stimuli|criteria|phenomena|data)\s+(?:that|which|who|in|of)\b", definition, re.I
    )
    if (re.match(r"\s*an?\s", definition, re.I) or plural_class) and singular:
        return "an " if re.match(r"[aeio]|u(?!ni|s[eu])|hour|hono", words[0], re.I) else "a "
    return ""


def entry_front(term: str, back: str) -> str:
    """ "What is X?"; "What does it mean to compile?" for a verb's entry ("To translate ..."), "What does identical
    mean?" for an adjective's ("Being the same object")."""
    if re.match(r"To [a-z]", back):
        return f"What does it mean to {term}?"
    if re.match(r"(?:Having|Being|Pertaining|Relating)\b", back):
        return f"What does {term} mean?"
    if term.split()[-1].lower() in _STAGES and _clause_of(back):
        # "Tension phase: Abuser becomes angry and often blames victim." (set 34): what happens in it, not what it is
        return f"What happens in the {_lowered(term)}?"
    return ask_what(term, back)


#: Heads of a term naming a part of a process in time.
_STAGES = frozenset("phase stage step period".split())


def _clause_of(text: str) -> bool:
    """True when ``text`` is a clause with its own subject ("Abuser becomes angry ..."), not a noun phrase."""
    doc = parse.parse(text)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    return root is not None and root.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children)


def _adjective(term: str) -> bool:
    """True for a one-word label that is an adjective ("Fast", "Scalable"): a property listed, not a term."""
    doc = parse.parse(term.strip().lower())  # "Fast" alone in capitals reads as a name
    return len(doc) == 1 and doc[0].tag_ in ("JJ", "JJR", "JJS")


def entry_explains(block) -> bool:
    """True when a glossary entry's text explains its term: on a slide any explanation ("Demand paging: pages are
    loaded only on demand"); elsewhere (a book's glossary) a noun phrase, "To ..." or "Having ...", never a clause
    ("Pretty print the output: Formatting debugging output can make ...", a line the cleaner split at a colon)."""
    if sets_against(block.term or ""):
        return False  # "Open vs. proprietary: some institutions may need to waive rights ..." (set 29's wrong key)
    if block.bullet or block.slide is not None:
        if re.match(r"(?:it|it['\u2019]s|they|this|these|that)\b", block.text.strip(), re.I) or _adjective(block.term or ""):
            return False  # "Fast – it's a hardware mechanism" (set 40's deck): an adjective, a pronoun's remark
        return not fragment(parse.parse(block.text.strip().rstrip(" .;")), block.term or "")
    first = re.split(r"(?<=[.;])\s+", block.text.strip(), maxsplit=1)[0].rstrip(" .;")
    if re.match(r"(?:To [a-z]+|Having|Being|Pertaining)\b", first):
        return True
    if parse.parse(first[:1].lower() + first[1:])[0].tag_ == "VBZ":
        return False  # "Brand Awareness: Highlights the unique selling points of ..." (set 41): what a benefit does
    doc = parse.parse(first)
    return _noun_phrase(doc) and not remark(doc) and not instance(doc)


def crosses(span: tuple[int, int], sentence: Sentence, terms: list[Term]) -> bool:
    """True when a longer key term's mention overlaps or contains ``span``: a gap there would cut that term in two
    ("net external [force acting]", "[Newton's second law] of motion"); of two overlapping mentions the longer one may be blanked."""
    a, b = span
    gap = {singular(w) for w in surface_words(sentence.text[a:b])}
    for t in terms:
        if not gap & set(t.key.split()):
            continue  # word-bounded mentions that overlap share a word
        for m in t.pattern.finditer(sentence.text):
            partial = m.start() < b and a < m.end() and not (a <= m.start() and m.end() <= b)
            if partial and m.end() - m.start() > b - a or partial and m.end() - m.start() == b - a and m.span() != (a, b):
                return True
    return False


def cloze(sentence: Sentence, term: Term, terms: list[Term] = ()) -> tuple[str, str] | None:
    """(front with the term's first free occurrence blanked, the words removed), or None if it does not fit.

    Only real key terms are blanked (``Term.real``), never numbers, verbs or function words, and never a span
    that cuts through another key term ("net external [force acting]").
    """
    m = free_match(term, sentence, list(terms))
    if not m or m.start() == 0 and sentence.n_words < 8 or not key_term(term) or not blankable(m.group()):
        return None
    if _NOT_FOR_CLOZE.search(sentence.text) or _SYMBOL.search(sentence.text) or cloze_leans(sentence.text, sentence.cut):
        return None
    if _trivial(m, sentence) or not sentence.alone or crosses(m.span(), sentence, list(terms)):
        return None
    if not sentence.keepable or not gap_fits(sentence.parsed, m.start(), m.end()) or hollow(sentence.parsed):
        return None
    if _misplaced(sentence.parsed, m, term, terms):
        return None
    front = sentence.splice(m.start(), m.end(), GAP)
    if front is None or len(front.split()) < 8 or _RUN_IN.match(front) or gives_away(front, m.group()):
        return None
    if _LABEL.match(front):
        return None  # "Balancing effectiveness and _____: Effectiveness means ...": a heading glued on (set 35)
    if _COUNTED_KINDS.search(front):
        return None  # "There are two types of _____ found in solids.": the blank hides the class, not the types (set 32)
    if len(front.split()) < _OPEN_SUBJECT_WORDS and in_subject(sentence.parsed, m.start(), m.end()):
        return None  # "_____ may be simple or complex, short or enduring.": so short a claim fits any subject (set 20)
    if not stands_alone(front):
        return None
    back = m.group()
    if m.start() == sentence.cut:  # the gap opens the item: the answer is written as it starts the sentence
        back = back[:1].upper() + back[1:]
    return front, back


def _misplaced(doc, m: re.Match, term: Term, terms) -> bool:
    """True when the parse shows a blank at ``m`` tests nothing or has no one answer (see each line)."""
    if not term.defined and bare_name(doc, m.start(), m.end()):
        return True  # "a resident of _____" (Hartford), "_____ claims Blankenship spent ..." (Caperton): trivia
    if list_member(doc, m.start(), m.end()):
        return True  # "concerns around privacy, data ownership, and _____": "surveillance" fits as well
    if not _clause(doc):
        return True  # a caption ("Triads arranged on the circle of thirds, labeled by harmonic functions.")
    # "The method is used for the numerical verification for solutions of _____." (which method? set 34)
    return _bare_subject(doc, m.start(), m.end(), terms)


#: A label the text runs into its sentence ("Organizational Structure: A project organization is ..."): every judged
#: cloze with one was edited or dropped (sets 28, 35).
_LABEL = re.compile(r"^\W*[^\s:.;?!]+(?:\s+[^\s:.;?!]+){0,3}:\s")  # four words at most: not "The WAI operationalises ...:"
#: A blank on the class a sentence counts the kinds of ("two types of _____"): the types are the point, and the
#: source's other counted classes fit the blank as well (sets 27 and 32: dropped; "Two types of _____ are formed": edited).
_COUNTED_KINDS = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|many|various|different)\s+(?:\w+\s+)?"
    r"(?:types?|kinds?|forms?|classes|categories|sorts?|varieties|families)\s+of\s+_{3,}",
    re.I,
)


def _bare_subject(doc, start: int, end: int, terms) -> bool:
    """True when the main clause's subject is "the" and one common noun that no key term names and the blank is not
    in ("The method is used ...", "The problem is that ...", "The theory focuses on ..."): it is one the text named
    before, which the card does not show (sets 29, 33, 34: every such judged card edited or dropped)."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
    if subject is None or subject.pos_ != "NOUN":
        return False
    kids = list(subject.children)
    if len(kids) != 1 or kids[0].dep_ != "det" or kids[0].lower_ != "the":
        return False
    if start < subject.idx + len(subject.text) and end > kids[0].idx:
        return False  # the blank is the subject ("The _____ operates ...": other rules judge it)
    noun = singular(subject.lower_)
    return not any(noun in t.key.split() for t in terms)


#: Words a cloze needs around a blank in its subject for the rest to point at one answer.
_OPEN_SUBJECT_WORDS = 10


def in_subject(doc, start: int, end: int) -> bool:
    """True when the characters ``start``-``end`` of ``doc`` lie inside the subject of its main verb."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
    if subject is None:
        return False
    first, last = subject.left_edge, subject.right_edge
    return first.idx <= start and end <= last.idx + len(last.text)


def _trivial(m: re.Match, sentence: Sentence) -> bool:
    """True when the words a blank would hide are nothing to learn: a worked example's name ("STUDPHONE"), a
    citation's author ("(Hopp, Troy, & _____, 2011)"), a generic phrase or a common word ("States", "brain")."""
    words = m.group().strip()
    if example_name(words) or notation(words) or _in_brackets(sentence.text, m.start()) or generic_phrase(words):
        return True
    return " " not in words and zipf(words) >= 4.5


#: Heads that make a name a concept to learn ("Civil Rights Act", "James-Lange theory", "Doppler effect").
_CONCEPT_HEADS = frozenset(
    "act law laws theory rule principle effect model equation hypothesis syndrome disease cycle curve test scale index "
    "doctrine clause amendment treaty convention paradox constant number method algorithm distribution theorem".split()
)


def bare_name(doc, start: int, end: int) -> bool:
    """True when characters ``start:end`` of ``doc`` are a proper name and nothing else (a person, a place, a party:
    "Justice Benjamin", "West Virginia", "Caperton"), not a named concept ("Civil Rights Act") nor a common word set
    in capitals at the start ("Slope is the change in y ...")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not all(t.pos_ == "PROPN" or t.is_punct for t in span):
        return False
    if span[-1].lower_ in _CONCEPT_HEADS:
        return False
    words = [t for t in span if not t.is_punct]
    return not (len(words) == 1 and span.start == 0 and zipf(words[0].lower_) >= 3.0)


def list_member(doc, start: int, end: int) -> bool:
    """True when characters ``start:end`` of ``doc`` are one item of an open list of three or more ("concerns around
    privacy, data ownership, and algorithmic bias"): a blank there has as many answers as the list has siblings (set
    17). A list the sentence counts is closed ("three subscales, one each for goals, tasks and bond")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    members = {t.i for t in [root, *root.conjuncts]}
    if len(members) < 3 or root.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return False
    before = re.findall(r"[a-z]+|\d+", doc[: min(members)].text.lower())
    return str(len(members)) not in {NUMBER_FORMS.get(w, w) for w in before}  # "three subscales: ...", "3 stages: ..."


def _in_brackets(text: str, at: int) -> bool:
    """True when position ``at`` of ``text`` lies inside round brackets."""
    depth = 0
    for ch in text[:at]:
        depth += ch == "("
        depth -= ch == ")" and depth > 0
    return depth > 0


#: Sentences a blank does not fit: maths and equations, advice, narration of what comes next, a cited equation.
_NOT_FOR_CLOZE = re.compile(
    r"[=<>\u00d7\u00b1\u2211\u2212]|\b(?:equation|eq\.)\s*\(?\s*\d|\bis now:|^(?:it is|it's) (?:helpful|important|good|useful|advised|"
    r"recommended|best|wise)\b|\b(?:is|are) going to\b|\bwhich is why\b|\bfor instance\b|\bfor example\b"
    # "_____ is a prime example of a company ..." (set 41), "A famous example comes from _____" (set 40): one example
    # of many, which the blank cannot tell apart
    r"|\b(?:prime|classic|good|great|perfect|typical|famous|notable|well-known) examples?\b"
    r"|\bappendix\s+[A-Z]?\s*\d",  # "Some _____ ... are given in (Appendix A 6.1)." (set 45): a pointer
    re.I,
)
#: A one-letter variable ("u then decays", "copied with probability p"): the item leans on the source's notation.
_SYMBOL = re.compile(r"(?<![\w'\u2019.-])(?![aAI]\b)[A-Za-z](?![\w'\u2019-])(?!\.)")


#: What makes a sentence lean on its speaker, a picture or the text before it (teacher verdicts, issue 17: "the visits
#: that we have with families as ___", "The orange portion of some of the bars shows ___", "The first is to label
#: chords with ___", "Anyone who can only predict ___ across such a wide range").
_LEANS_SPEAKER = re.compile(r"\b(?:we|us|our|ours|my|me)\b", re.I)
_LEANS_I = re.compile(r"\bI\b(?![.’'])")
_LEANS_PICTURE = re.compile(
    r"\b(?:orange|blue|red|green|yellow|purple|grey|gray|black|shaded|dashed|dotted|solid|highlighted)\s+"
    r"(?:\w+\s+)?(?:regions?|portions?|areas?|lines?|bars?|curves?|parts?|boxes|box|dots?|arrows?)\b"
    r"|\b(?:the|this|these) (?:bars|plot|graph|figure|diagram|picture|image|chart|map)\b|\blabell?ed (?:by|with)\b"
    r"|^\W*(?:the|this|that|our) (?:example|table|query|output|listing|screenshot)s? (?:shows?|above|below|here)\b"
    r"|\b(?:the|this) (?:example|table|query|output) (?:above|below)\b"  # "The example shows ... in order 605" (set 23)
    r"|\bwhat you(?:'re|\u2019re| are) seeing\b|\b(?:as )?you can see\b|\byou(?:'ll|\u2019ll| will) see\b",  # (set 37)
    re.I,
)
_LEANS_BEFORE = re.compile(
    r"^(?:the\s+)?(?:first|second|third|fourth|fifth|former|latter|last|next|other)\s+(?:is|are|was|were|one|ones)\b"
    # "The next dimension is _____, which ..." (set 40): the next of a list the card does not show
    r"|^the\s+(?:first|second|third|fourth|fifth|sixth|former|latter|last|next|final|following)\s+[a-z]+\s+(?:is|are|was|were)\b"
    r"|^(?:in particular|as before|also|again|similarly|likewise|instead|otherwise|in this case|in that case|then|thus"
    r"|in any (?:event|case)|at any rate|anyway"
    r"|hence|therefore|clearly|(?:not )?(?:too |very )?(?:surprisingly|unsurprisingly|interestingly|notably|of course))\b|\bsuch (?:an? )?(?!as\b)[a-z]+"
    r"|^there (?:are|is|exist) (?:many|several|various|numerous|a number of|lots of|some|different|other)\b"
    r"|^where\b(?![^.?!]*\?\s*$)"  # "Where the lowercase u1 and u2 represent ...": the rest of a formula's sentence
    r"|^(?:i\.\s?e\.|e\.\s?g\.|(?:using|by|following) the same (?:logic|reasoning|argument|token)\b)",  # set 15, set 12
    re.I,
)


def cloze_leans(text: str, cut: int = 0) -> bool:
    """True when a sentence leans on its speaker ("we", "you"), on a picture or on the sentence before it; a
    connective is read only in the words an item shows (from ``cut``: "However, any society ..." shows "Any society
    ...") and only where it links to the sentence before ("and, accordingly," links the sentence's own clauses)."""
    if any(rx.search(text) for rx in (_LEANS_SPEAKER, _LEANS_I, _LEANS_PICTURE, _LEANS_BEFORE)):
        return True
    return leans_back(text[cut:])


def _clause(doc) -> bool:
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if not roots or any(r.pos_ not in ("VERB", "AUX") for r in roots):
        return False
    # "Triads arranged on the circle of thirds, labeled by ...": a participle without its auxiliary is a caption
    return not any(r.tag_ in ("VBN", "VBG") and not any(c.dep_ in ("aux", "auxpass") for c in r.children) for r in roots)


#: A gap at the start followed by a new sentence is a run-in heading ("_____ The for loop ..."), not part of it.
_RUN_IN = re.compile(r"^\W*_{3,}\s*(?:[.:\u2013\u2014-]\s*|\s+(?=(?:The|A|An|In|This|These|It|We|For|If|When|To)\b))")


#: "... is called X", "... known as X": a sentence that names a term teaches that term.
_CALLED = re.compile(r"\b(?:called|known as|termed)\s+(?:an?\s+|the\s+)?(?!(?:an?|the)\s)([A-Za-z][\w-]*(?:\s+[a-z][\w-]*){0,3})")


def gives_away(front: str, answer: str) -> bool:
    """True when the rest of the front repeats the answer or spells its abbreviation beside the gap."""
    rest = front.replace(GAP, " ")
    needed = content_stems(answer)
    if needed and all(n in set(content_stems(rest)) for n in needed):
        return True
    head = (surface_words(answer) or [""])[-1].lower()
    if len(head) >= 7 and any(w.lower()[:7] == head[:7] for w in surface_words(rest)):
        return True  # "... entrepreneurship ... to become an _____" (entrepreneur, set 28): the stem's word gives it
    named = _CALLED.search(front)
    if named and named.end() < front.find(GAP) and not related(named.group(1), answer):
        return True  # "... it's called ties in outcome regardless of their _____." (set 43): the named term is the point
    if re.search(r"\b(?:such as|e\.g\.,?|for example,?|like|including)\s*$", front[: front.find(GAP)], re.I):
        return True  # "a spreadsheet such as _____" (Excel, set 28): an example, which any other would fill
    at = front.find(GAP)
    after = re.match(r"_+\s*\(([^)]{1,60})\)", front[at:])
    before = surface_words(front[max(0, at - 80) : at])
    if is_acronym(answer) and initials(before[-len(answer) :]) == answer.rstrip("s").upper():
        return True
    # "_____ made available ... for every CPS student" (Chicago Public Schools): the stem spells the answer's initials
    caps = [w for w in surface_words(answer) if w[:1].isupper()]
    if len(caps) >= 2 and len(caps) == len(surface_words(answer)):
        letters = "".join(w[0] for w in caps).upper()
        if re.search(rf"\b{letters}s?\b", rest):
            return True
    return bool(after and related(after.group(1).strip(), answer))


def key_term(term: Term) -> bool:
    """A term a blank may hide: one the document marks or defines, or a specific phrase it keeps using; a single
    common word ("algorithm", "pattern", "brain") only when the source defines or marks it."""
    if not term.real:
        return False
    if term.origin != "keyword" or term.defined or term.known or " " in term.text.strip():
        return True
    # a plain word the topic uses everywhere ("particle", "obesity", "spikes") is its subject, guessed from the stem
    return zipf(term.text.strip()) < 4.0 and len(term.mentions) < 8


def defines(term: Term) -> bool:
    """True when the term's definition sentence really defines it (its parse: "X is a ...", "X is called ...",
    "X refers to ...", "X states that ...", a glossary entry) and makes sense on its own (worked out once)."""
    known = _DEFINES.get(term)
    if known is None or known[0] is not term.definition:
        known = _DEFINES[term] = (term.definition, _defines(term))
    return known[1]


_DEFINES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


#: A "term" that only counts or ranks ("the second process", "a classic way to describe storage") names nothing.
_PLACE_HOLDER = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?:(?:first|second|third|fourth|fifth|next|last|final|other|another|main|classic|common|simple|good|best)\s+"
    r"(?:\w+\s+)?(?:process|way|step|one|type|kind|stage|part|thing|method|approach|reason|example|idea)s?\b|\w+\s+way\s+to\b)",
    re.I,
)


def _defines(term: Term) -> bool:
    if _PLACE_HOLDER.match(term.text) or example_name(term.text) or notation(term.text) or shown_case(term.text):
        return False
    if term.key in _BARE_KINDS:
        return False
    if listed(term.text):
        return False
    s = term.definition
    if s is None or not term.defined or not s.alone or not_a_definition(term.text, s.text) is not None:
        return False
    if s.block.kind is BlockKind.GLOSSARY and s.block.term and term_key(s.block.term) == term.key:
        return entry_explains(s.block)
    if s.n_words > ITEM_WORDS + 10:
        return False  # too long to be an answer to learn
    if hollow(s.parsed) or history_note(s.parsed) or narrated(s.parsed):
        return False  # praise, course talk, "the other favorite of Zeus", what someone did in 1925
    if _circular(s.parsed, term.text):
        return False
    return leans_on_context(s.parsed, reader=False) is None and definition_kind(s.parsed, term.text) is not None


def _circular(doc, term: str) -> bool:
    """True when "X is the ... X ..." says what X is with X itself ("Cost is the total cost of ownership.", set 66)."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ != "be" or len(term.split()) != 1:
        return False
    attr = next((c for c in root.children if c.dep_ == "attr"), None)
    return attr is not None and attr.lemma_.lower() == parse.parse(term.lower())[0].lemma_


#: A year in the running text (a citation's "(Hochschild 2012)" is left out before looking).
#: An earlier year only where no unit or count follows it ("on May 17, 1498, with the assistance of ...", set 66's
#: history notes; not "1200 calories").
_YEAR = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)s?\b|\b1[0-4]\d\d\b(?!\s*(?:[a-z%]|[A-Z]{2,}\b(?<!AD)(?<!CE)(?<!BC)))")
_CITATION = re.compile(r"\([^()]*\)")
#: A study named by its authors and year as the subject of what happened: "Simons & Chabris (1999) explored ...".
_CITED_STUDY = re.compile(r"\b[A-Z][\w'’-]+(?: (?:&|and) [A-Z][\w'’-]+| et al\.?)? \((?:19|20)\d\d[a-z]?\)")


#: Verbs of the writer's route through the text ("we need to take a detour", "let us turn to", "we now look at").
_ROUTE_VERBS = frozenset(
    "need want take look turn move go return begin start discuss consider examine explore focus introduce mention "
    "cover review revisit".split()
)


def narrated(doc) -> bool:
    """True when the sentence's main clause is the writer's route through the text, not a statement about the term:
    "To understand ... we need to take a detour and look at ... a Dutch scholar called Desiderius Erasmus" (set 17),
    unlike "We get information into our brains through a process called encoding"."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ not in _ROUTE_VERBS:
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in ("we", "i", "let's", "us") for c in root.children)


def history_note(doc) -> bool:
    """True for a sentence that tells what happened when ("After Pauli announced his exclusion principle in 1925,
    Fermi followed with a paper ... now known as Fermi-Dirac statistics"): it names a term in passing, it does not say
    what the term is; an author who "defined X as ..." in a year still defines it."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.tag_ != "VBD" or root.lemma_ in ("define", "describe", "call", "term", "coin", "name"):
        return False
    if _CITED_STUDY.search(doc.text):
        return True  # "Twenty years later, Simons & Chabris (1999) explored ... an area referred to as ..." (set 21)
    return _YEAR.search(_CITATION.sub("", doc.text)) is not None


#: The verb a card asks with, by the way a sentence defines its term (``definition_kind``): "What does X mean?",
#: "What does X measure?", "What does biotechnology deal with?".
ASKED_VERBS = {"means": "mean", "measures": "measure", "deals": "deal with"}


def basic_front(t: Term) -> str:
    """ "What is X?", "What does X mean?" (a "means" definition), "What does it mean to compile?" (a glossary verb)."""
    if t.definition.block.kind is BlockKind.GLOSSARY:
        return entry_front(t.text, t.definition.display)
    kind = definition_kind(t.definition.parsed, t.text)
    if kind in ASKED_VERBS:  # "The digital divide refers to ..." -> "What does the digital divide mean?"; "Nestedness
        # measures the tendency ..." -> "What does nestedness measure?"
        the = "the " if re.match(rf"\s*the\s+{re.escape(t.text)}\b", t.definition.text, re.I) else ""
        opens = re.match(rf"\s*{re.escape(t.text)}\b", t.definition.text)  # "Business may be defined as ...": its capital
        return f"What does {the}{_lowered(t.text) if opens else t.text} {ASKED_VERBS[kind]}?"
    if kind == "term-used":  # "the term 'humanist' was used for masters who ..." -> "What was the term “humanist” used for?"
        past = re.search(r"\b(?:was|were|had been)\s+(?:\w+\s+)?used\b|\bused the (?:term|word)\b", t.definition.text)
        quoted = re.search(
            r"\bthe (?:term|word)\s*[\"'\u2018\u201c]([^\"'\u2019\u201d]{1,60})[\"'\u2019\u201d]", t.definition.text
        )
        said = quoted.group(1) if quoted and term_key(quoted.group(1)) == term_key(t.text) else t.text  # its spelling there
        return f"What {'was' if past else 'is'} the term “{said}” used {'for' if past else 'to describe'}?"
    if kind == "aim":  # "The aim of the Delphi method is to construct ..." -> "What is the aim of the Delphi method?"
        doc = t.definition.parsed
        verb = next(tok for tok in doc if tok.dep_ == "ROOT")
        return f"What is {doc[: verb.i].text[:1].lower()}{doc[: verb.i].text[1:]}?"
    if kind == "characterized":  # "What characterizes a knowledge economy?"
        lead = re.match(rf"\s*(an?|the)\s+{re.escape(t.text)}\b", t.definition.text, re.I)
        return f"What characterizes {lead.group(1).lower() + ' ' if lead else ''}{t.text}?"
    return ask_what(t.text, t.definition.text)


def names_subject(term: str, title: str) -> bool:
    """True when every word of a term is a word of the title (the topic's and the document's: "emotion" under
    "Introduction to Emotion", "pandas" in a pandas workshop, "due process" in a casebook on procedural due process):
    a blank or a "Which term ...?" on it is answered from the title, not learned."""
    words = surface_words(term)
    titled = {singular(w.lower()) for w in surface_words(title)}
    return bool(words) and len(words) <= 3 and all(singular(w.lower()) in titled for w in words)


def _ubiquitous(term: Term, ranked: list[Sentence]) -> bool:
    """A one-word term in a quarter or more of the topic's sentences ("neuron" in neuron notes) is what the topic is
    about, not a word to recall: any blank on it is guessed from the subject; a defined term stays a card's answer."""
    if " " in term.text.strip() or term.defined or len(ranked) < 8:
        return False
    return len({id(s) for s in term.mentions}) >= 0.34 * len(ranked)


def _near(front: str, fronts: list[str]) -> bool:
    return any(fuzz.ratio(front, f) >= 85 for f in fronts)


def build_flashcards(
    terms: list[Term],
    ranked: list[Sentence],
    max_cards: int = _MAX_CARDS,
    max_basic: int = _MAX_BASIC,
    max_cloze: int | None = None,
    title: str = "",
) -> list[Flashcard]:
    """Basic cards for the key terms the source defines (marked terms first), then cloze cards of key terms in
    central sentences; by default cloze cards take at most a third of the other sentences, leaving the rest to
    the questions (which never repeat a card)."""
    if max_cloze is None:
        defining = {id(t.definition) for t in terms if t.definition is not None}
        free = [s for s in ranked if s.alone and id(s) not in defining]
        max_cloze = max(1, len(free) // 3)
    cards: list[Flashcard] = []
    fronts: list[str] = []
    used: set[int] = set()
    rank_of = {id(s): i for i, s in enumerate(ranked)}
    definable = [t for t in terms if defines(t)]
    if len(definable) > 2:  # every other definition is left to a question ("What is the name for ...?")
        used |= {id(t.definition) for t in definable[1::2]}
        definable = definable[::2]
    for t in definable:
        if len(cards) >= max_basic:
            break
        if id(t.definition) in used:
            continue
        front = basic_front(t)
        if _near(front, fronts):
            continue
        cards.append(Flashcard(kind="basic", front=front, back=t.definition.display, source=t.definition.ref()))
        fronts.append(front)
        used.add(id(t.definition))
    cloze_terms = sorted(
        (t for t in terms if t.mentions and t.real and not _ubiquitous(t, ranked) and not names_subject(t.text, title)),
        key=lambda t: t.origin == "keyword",
    )
    basic = len(cards)
    for t in cloze_terms:
        if len(cards) >= max_cards or len(cards) - basic >= max_cloze:
            break
        for s in sorted(t.mentions, key=lambda s: (id(s) in used, definition_penalty(s) > 0, rank_of.get(id(s), len(ranked)))):
            made = cloze(s, t, terms) if not defers(s) else None
            if not made or id(s) in used or _near(made[0], fronts):
                continue
            cards.append(Flashcard(kind="cloze", front=made[0], back=made[1], source=s.ref()))
            fronts.append(made[0])
            used.add(id(s))
            break
    return cards


def _lowered(term: str) -> str:
    """ "Abandonment" (capitalised as it opens the sentence) -> "abandonment"; names and acronyms keep their case."""
    first = term.split()[0]
    if first.endswith(("'s", "\u2019s")):
        return term  # "Kant's views", "Wharton's rule": a name
    if first.isalpha() and not word_classes(first) and zipf(first) >= 3.5:
        return term  # a well-known word the lexicon has no class for is a name: "India", "Buddhism" (set 47: "What is india?")
    common = zipf(first.lower()) >= 2.0 or len(term.split()) > 1 and _ADJECTIVE_END.search(first)  # "Monochronic cultures"
    if first[:1].isupper() and first[1:].islower() and all(w.islower() for w in term.split()[1:]) and common:
        return term[:1].lower() + term[1:]
    return term


#: Endings of an adjective that opens a term ("Monochronic cultures", set 40): a word, not a name.
_ADJECTIVE_END = re.compile(r"(?:ic|ical|ous|ive|ary|ible|able)$")

_MEANS = re.compile(r"^(?P<the>the\s+)?(?P<x>.+?)\s+(?:\([^)]*\)\s+)?(?P<v>means|mean|denotes|denote|refers to|refer to)\b", re.I)


def _meaning_front(term: str, definition: str) -> str | None:
    """ "What does X mean?", "What do the angular brackets denote?" for a definition "X means/denotes/refers to ..."."""
    m = _MEANS.match(definition)
    if m is None or term_key(m.group("x")) != term_key(term):
        return None
    verb = m.group("v").lower()
    plural = verb in ("mean", "denote", "refer to")
    base = {"means": "mean", "denotes": "denote", "refers to": "refer to"}.get(verb, verb)
    lead = "the " if m.group("the") else ""
    x = re.sub(
        r"^(?:A|An|The)\b", lambda a: a.group().lower(), m.group("x").rstrip(" -\u2013\u2014:")
    )  # not "What do An organization’s ..."
    x = x if m.group("the") else _lowered(x)  # "Industry refers to ..." -> "What does industry refer to?" (set 28)
    if x.count("“") != x.count("”") or x.count('"') % 2:
        x = x.strip('“”"')  # "“Intellectual property” refers to ..." read without its closing mark (set 29)
    return f"What {'do' if plural else 'does'} {lead}{x} {base}?"


#: An expansion that names an institution: the abbreviation is a name to look up, not a term to learn.
_INSTITUTION = re.compile(
    r"\b(?:College|University|School|Institute|Company|Corporation|Inc|Association|Society|Hospital|Department|"
    r"Committee|Council|Agency|Foundation|Museum|Laboratory|Bank)\W*$"
)


#: An entry of a reference list: a year in brackets closed by a full stop ("... (NIH) (2003). NIH data sharing ...").
_REFERENCE_ENTRY = re.compile(r"\((?:19|20)\d{2}[a-z]?\)\s*\.")
_SHOWN_CASE = re.compile(r"\b(?:examples?|exercises?|demo|case study|sample)\s*$", re.I)


def shown_case(term: str) -> bool:
    """True for a label that shows a case of something and names no term ("Data Citation Example", "Worked
    Exercise")."""
    return bool(_SHOWN_CASE.search(term))


def gloss_cards(glosses: list, cards: list[Flashcard], max_basic: int = _MAX_BASIC) -> list[Flashcard]:
    """One card per term the topic defines (``glosses.topic_definitions``) that no card asks yet: "What is X?"
    (or "What does ABBR stand for?") answered by the source's definition, cut to its defining text."""
    from seekh_convert.text.defining import asked_term

    asked = {term_key(x) for c in cards if c.kind == "basic" and (x := asked_term(c.front))}
    fronts = [c.front for c in cards]
    out: list[Flashcard] = []
    defined = {term_key(g.term) for g in glosses if g.kind != "abbreviation"}
    for g in glosses:
        if len(out) >= max_basic or term_key(g.term) in asked:
            continue
        if _REFERENCE_ENTRY.search(g.sentence.text):
            continue  # "6National Institute of Health (NIH) (2003). NIH data sharing policy ...": a reference (set 18)
        if g.kind != "abbreviation" and g.definition.isupper():
            continue  # "ASIDE: DATA STRUCTURE — THE PROCESS LIST": a box's title in capitals, not a definition (set 19)
        if g.kind == "abbreviation":
            if term_key(g.definition) in defined or _INSTITUTION.search(g.definition):
                continue  # "automatic emotion regulation, which refers to ..." gets its card; "Central Normal College"
            plural = g.term.endswith("s") and g.term[:-1].isupper()
            front = f"What {'do' if plural else 'does'} {g.term} stand for?"
        elif g.kind == "sentence":
            # the source's own article where the gloss keeps it ("A queue is as simple as it sounds: ...")
            front = _meaning_front(g.term, g.definition) or (
                f"What is {g.named}?" if g.named else ask_what(_lowered(g.term), g.definition)
            )
        else:  # the entry says which article the term takes ("a veridical paradox: facts that ...", set 32)
            front = ask_what(g.named or g.term, g.definition)
        if front in fronts or g.kind != "abbreviation" and _near(front, fronts):
            continue  # "What does STP stand for?" and "What does STF stand for?" are near in spelling only
        out.append(Flashcard(kind="basic", front=front, back=g.definition, source=g.sentence.ref()))
        fronts.append(front)
        asked.add(term_key(g.term))
    return out
