"""What a parsed sentence (a spaCy ``Doc``, see ``text.parse``) says about itself: whether it defines a term (copula
"X is a ...", "X is called ...", "X refers to ...", "X states that ...", "X, which states ..."), whether it leans on
context it does not carry, which noun phrase a gap may hide, the genus of a definition, and questions transformed
from its clauses (Heilman and Smith 2010: "Why is X Y?" from "X is Y because Z")."""

from __future__ import annotations

import re

from seekh_convert.text.defining import term_used
from seekh_convert.text.lexicon import can_be_noun, zipf
from seekh_convert.text.nouns import is_field

_WRITER = frozenset("i me my mine myself".split())
_PERSONAL = frozenset("we us our ours ourselves you your yours yourself yourselves".split())
#: Clauses inside which a generic "we" or "you" is no narration ("the variables for which we want to estimate ...").
_EMBEDDED = frozenset({"relcl", "acl", "advcl", "pcomp", "csubj"})
_PRONOUN_SUBJECT = frozenset("he she him his her it its they them their this these those that such".split())
_DEMONSTRATIVE = frozenset("this these those that such".split())
_CONTEXT_WORDS = re.compile(
    r"^(?:as a special case|in our|in this|spoiler)\b|\b(?:(?:see|shown|described|mentioned|given|listed|discussed|as|said|stated|noted|argued|explained) (?:above|below)|what has been said|the (?:above|following)|previous(?:ly)?|earlier|later on|yesterday|today|last (?:week|lecture|time|class)"
    r"|next (?:week|lecture|time|class|chapter|section)|as (?:we|you) (?:saw|have seen|will see)|the answer is"
    r"|(?:first|second|third|last|other|former|latter|same) (?:one|model|case|example|step|implication|point|way)"
    r"|^\W*step (?:one|two|three|four|five|six|\d+) (?:is|was)\b"  # "Step one is open to the middle of the phone book" (set 70)
    r"|just (?:described|discussed|mentioned|outlined|explained|shown|seen)|both of these|do(?:ing)? so|on the (?:left|right)|fig(?:ure)?\.?\s*\d|here|there(?= (?:is|are) no)|figure|fig\.|table \d|slide|textbook|this (?:book|course|chapter|lecture)"
    r"|(?:chapter|section|unit|part|module) \d+ (?:covers|discusses|describes|introduces|examines|explores|presents|deals))\b",
    re.IGNORECASE,
)
#: A numbered example or equation named in passing: "the combination rule (72)", "as in (3.4)".
_NUMBERED_REF = re.compile(r"(?<=[a-z] )\(\d{1,3}(?:\.\d{1,2})?[a-z]?\)", re.I)
_LIFESPAN = re.compile(r"\(\s*(?:b\.\s*)?1\d{3}\s*[-–]\s*(?:1|2)\d{3}\s*\)")
_NAMING_VERBS = frozenset({"call", "know", "term", "name", "refer", "define", "denote"})
_MEANING_VERBS = frozenset({"mean", "refer", "denote", "define", "describe", "represent"})
#: Entities that describe or define things rather than mean them.
_AGENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_STATING_VERBS = frozenset({"state", "say", "hold", "assert"})
#: What a theory, a law or a hypothesis does when it says what it is ("The facial feedback hypothesis proposes that
#: ..."); a study or a person who "suggests that" states a finding, not a definition.
_PROPOSING_VERBS = frozenset({"propose", "posit", "suggest", "predict", "maintain", "argue", "claim"})
_LAW_HEADS = frozenset("theory hypothesis law principle rule theorem effect model postulate".split())
_EVALUATIVE = frozenset(
    "interesting fascinating amazing elegant bizarre beautiful great best worst most exciting right wrong ideal perfect "
    "popular famous favourite favorite celebrated".split()
)  # "Baramasa is a popular theme of Bundi paintings" (set 54's wrong key): how it is liked, not what it is  # "The Dockerfile is the right place to install additional software" (set 52): advice, not what it is
_GENERIC_GENUS = frozenset("thing one way part kind type example case something anything fit match choice option".split())
#: A genus that gives the term a part in something else ("Latitude is a major driver of variation in species
#: diversity"): a claim about the term, not what it is (offline set 12's "What is latitude?", a teacher's DROP).
#: ("Brooks's reading is an exemplar of New Critical reading", set 34: what it shows, not what it is; "the result of
#: applying MOT to metals" stays a class: set 32's teachers kept "The band theory is the result of ...")
_ROLE_GENUS = frozenset(
    "driver factor determinant predictor contributor cause precondition prerequisite requirement obligation pillar step"
    " exemplar opposite counterpart hallmark staple trademark".split()
)  # set 24: "Rule of law is a precondition of good governance", "Accountability is a key obligation of ..."; set 35:
# "Autocratic leadership is the direct opposite of democratic leadership" (what it is not); set 38: "Asymmetrical meter
# is a hallmark of 20th- and 21st-century music" (where it is found, not what it is)


def _words(span) -> list[str]:
    return [t.lower_ for t in span if not t.is_punct]


def term_span(doc, term: str):
    """The first token span of ``doc`` spelling ``term`` (case-insensitive, spaces ignored, a plural -s allowed)."""
    want = re.sub(r"[\s\u2019]", "", term.lower().replace("\u2019", "'"))
    if not want:
        return None
    for i in range(len(doc)):
        got = ""
        for j in range(i, min(len(doc), i + 12)):
            got += doc[j].lower_.replace("\u2019", "'")
            if got in (want, want + "s", want.rstrip("s")) or got.rstrip("s") == want.rstrip("s") and len(got) >= len(want):
                return doc[i : j + 1]
            if len(got) > len(want) + 1 or not want.startswith(got.rstrip("s")):
                break
    return None


def _head(span):
    return span.root


def _starts_sentence(doc, span) -> bool:
    """True when only determiners, adjectives or a possessive precede the span in its noun phrase at the start, or
    an attribution before a comma ("According to Maanen and Schein (1979), socialization is defined as ...")."""
    for t in doc[attribution_end(doc) : span.start]:
        if t.dep_ not in ("det", "amod", "compound", "poss", "case", "nmod", "punct") and t.pos_ not in ("DET", "ADJ"):
            return False
    return True


#: A source named before the statement it gives: "According to X (1979), ...", "In Smith's words, ..."; or a speaker's
#: opening ("And here, superposition essentially just means sum, ...", set 33's false "none").
_ATTRIBUTION = re.compile(
    r"^\s*(?:(?:according to|as (?:defined|described) by|following|in the words of)\b[^,]{1,80}"
    r"|in (?:the )?(?:broadest|simplest|broad|simple|general|plain|technical|formal|informal|short|brief) terms|in general"
    r"|in short|in brief|in essence|informally|formally|simply put|put simply|roughly speaking|loosely speaking"
    r"|broadly speaking|strictly speaking|technically|essentially|basically"
    r"|(?:(?:and|so|now)\s+)?here|(?:and\s+)?so|now),\s*",
    re.I,
)  # or a hedge on how strictly it is said: "In the broadest terms, galaxies are gravitationally bound collections ..."


def attribution_end(doc) -> int:
    """Index of the first token after an attribution that opens ``doc`` ("According to X (1979), "), else 0."""
    lead = _ATTRIBUTION.match(doc.text)
    return next((t.i for t in doc if t.idx >= lead.end()), 0) if lead else 0


def _evaluative(tok) -> bool:
    return any(c.lower_ in _EVALUATIVE or c.tag_ == "JJS" for c in tok.subtree)


def definition_kind(doc, term: str) -> str | None:
    """How ``doc`` defines ``term`` ("copula", "called", "means", "measures", "deals", "characterized", "provides", "states", "which-states", "appos",
    "defined-as", "term-used", "aim"), or None when the sentence does not define it (talks about it, praises it, or defines another term)."""
    span = term_span(doc, term)
    if span is None:
        return None
    head = span.root
    if span[0].lower_ in ("underlying", "behind", "beneath") or _NAMED_AS.match(doc.text[span.end_char :]):
        # "Underlying ethnocentric comparisons is a sense of cultural superiority": Y underlies X (set 35); "A special
        # range of memory is defined as System Control Space (SCS)." (set 43) names SCS
        return None
    at_start = _starts_sentence(doc, span)
    if head.dep_ in ("nsubj", "nsubjpass") and at_start and (kind := _as_subject(head)):
        return None if kind == "copula" and (_of_a_name(head, span) or _relational(head)) else kind
    if kind := _named(head):
        return kind
    for c in head.children:
        if c.dep_ == "relcl" and c.lemma_ in _STATING_VERBS | {"mean"} and at_start:
            return "which-states"
        if c.dep_ == "appos" and any(d.lower_ in ("a", "an") for d in c.children) and at_start:
            return "appos"
    if kind := _as_object(head):
        return kind
    definer = _DEFINES_AS.search(doc.text[: span.start_char])
    if definer and re.match(r"\s+as\s", doc.text[span.end_char :]) and not _RELATIVE_BEFORE.search(doc.text[: definer.start()]):
        return "defined-as"  # "Kotler defines (2000) “relationship marketing as ...", which the parser reads otherwise
    if at_start and _MAPS_EACH.match(doc.text[span.end_char :]):
        return "means"  # the same, where the parser reads "associates" as a noun
    later = re.search(rf"{_DEFINER}{re.escape(span.text)}\s+as\s", doc.text[span.end_char :], re.I)
    if later and not _RELATIVE_BEFORE.search(doc.text[: span.end_char + later.start()]):
        return (
            "defined-as"  # "In a classic paper on confirmation bias, Nickerson (1998) defines confirmation bias as ..." (set 36)
        )
    return _by_wording(doc, span, at_start)


#: "... is defined as System Control Space (SCS)": the subject is given a name (and its abbreviation), not defined.
_NAMED_AS = re.compile(r"^\s+(?:is|are)\s+(?:defined|known|referred\s+to)\s+as\s+(?:the\s+)?[\w\s-]{2,60}?\([A-Z]{2,8}\)", re.I)


#: "Important is the ... recognition of our claims that several theorists define rights as ..." (set 27): the definer
#: sits in a relative clause of another sentence, which says something else.
_RELATIVE_BEFORE = re.compile(r"\b(?:that|which|whom|who)\b", re.I)


def _by_wording(doc, span, at_start: bool) -> str | None:
    """The definitions ``definition_kind`` reads from the words around the term rather than its parse."""
    before, after = doc.text[: span.start_char], doc.text[span.end_char :]
    if at_start and _MEANS_AFTER.match(after) and (len(span) > 1 or can_be_noun(span.root.lower_)):
        return "means"  # "Encoding refers to modeling of ...", which the parser reads as "encoding [a] refers"
    if _BY_WE_MEAN.match(before) and _WE_MEAN.match(after):
        return "means"  # "By gender, we mean the social, cultural and psychological meanings ..." (set 53)
    if _aim_of(span.root):
        return "aim"  # "The aim of the Delphi method is to construct consensus forecasts ..." (set 18)
    if _SUCH_CALLED.search(before):
        return "called"  # "If one episode does not influence the next such an environment is called an episodic environment"
    if term_used(before, after):
        return "term-used"  # "The term 'Renaissance Man' is often used to describe a person with many interests ..."
    if _NAMED_LAST.match(before) and re.fullmatch(r"\s*[.!]?\s*", after):
        return "called"  # a description too long for the parser to hang "is termed" on it (set 25's false "none")
    return None


_BY_WE_MEAN = re.compile(r"^\s*(?:(?:so|and),?\s+)?by\s+(?:the\s+(?:term|word)\s+)?[\"'“‘]?$", re.I)
_WE_MEAN = re.compile(r"^[\"'”’]?\s*,?\s+(?:we|I)\s+(?:simply\s+|just\s+)?mean\s+\w", re.I)


#: "The sequence of events by which a cell duplicates its genome, ... is termed cell cycle.": a description that opens
#: on an article and a noun narrowed by "of", "by which", "that" ..., then "is called/termed X" ending the sentence.
_NAMED_LAST = re.compile(
    r"^(?:The|A|An)\s+(?!(?:one|ones|other|others|same|latter|former|first|second|last|next)\b)[a-z]+(?:\s+[a-z]+)?\s+(?:of|by|that|which|in|where|for|with)\b[^;:()]{10,}?\s(?:is|are)\s+"
    r"(?:called|termed|known\s+as|referred\s+to\s+as)\s+(?:an?\s+|the\s+)?$"
)


#: Nouns for what a thing is for: "The aim of X is to ...".
_PURPOSE_NOUNS = frozenset("aim purpose goal objective function role job task".split())
#: A condition, then "such a(n) N is called" and the term: the condition says what the term is.
_SUCH_CALLED = re.compile(
    r"^(?:if|when)\s.{5,160}?\bsuch\s+(?:an?\s+)?[a-z]+(?:\s+[a-z]+)?\s+(?:is|are)\s+(?:called|known as|termed)\s+(?:an?\s+|the\s+)?$",
    re.I,
)


def _aim_of(head) -> bool:
    """True for "The aim of X is to V ...", X opening the sentence after its purpose noun: what X is for."""
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ != "of":
        return False
    noun, verb = prep.head, prep.head.head
    if noun.dep_ != "nsubj" or noun.lemma_ not in _PURPOSE_NOUNS or verb.lemma_ != "be" or verb.dep_ != "ROOT":
        return False
    if any(t.dep_ not in ("det",) for t in noun.doc[: noun.i]):
        return False
    return any(c.dep_ == "xcomp" and _to_do(c) for c in verb.children)


def _to_do(verb) -> bool:
    """True for an active "to V" ("to construct forecasts"), not "to be fast", "to be avoided" or "where to put it"."""
    kids = list(verb.children)
    if any(a.dep_ == "auxpass" or a.lower_ in ("where", "what", "how", "when", "whether", "which", "who") for a in kids):
        return False  # "to be avoided", "The problem is where to put it": no task that says what the thing is
    return verb.lemma_ != "be" and any(a.lower_ == "to" for a in kids)


#: Nouns that are always of something the sentence before names: "The exception is the right to a jury trial" (set
#: 25: "What is the exception?" and "Which term names the right to a jury trial, ...? B. exception").
_RELATIONAL = frozenset("exception difference answer reason result solution problem question issue outcome".split())


def _relational(head) -> bool:
    """True for "The exception is ...": the subject is one of something named elsewhere, bare of what it is of."""
    return (
        head.lemma_.lower() in _RELATIONAL
        and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
        and not any(c.dep_ in ("prep", "compound", "amod", "acl", "relcl") for c in head.children)
    )


def _of_a_name(head, span) -> bool:
    """True when the subject goes on with "of" and a name: "The universities of Padua and Bologna had been centres of
    legal studies" says what two particular universities were, not what a university is."""
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and c.i >= span.end and any(o.pos_ == "PROPN" for o in c.subtree)
        for c in head.children
    )


#: A sentence giving an author's definition: "Kotler defines (2000) “relationship marketing as ...".
_AUTHOR_DEFINES = re.compile(
    r"^[A-Z][\w'\u2019.,&() -]{0,80}?\bdefines?\s+(?:\([^)]{1,30}\)\s+)?[\"\u201c]?[A-Za-z][\w'\u2019 -]{2,60}?\s+as\s"
)
#: "Biotechnology deals with ...": the tagger may read "deals" as a plural noun.
_DEALS_WITH = re.compile(r"^[A-Z][\w-]*(?:\s+[a-z][\w-]*){0,2}\s+deals\s+with\s")
#: An author's "defines" right before the term (a year or an opening quote between).
#: "defines", "define (2000) “": what comes before a term an author defines "as ...".
_DEFINER = r"\bdefines?\s+(?:\([^)]{1,30}\)\s+)?[\"\u201c]?"
_DEFINES_AS = re.compile(_DEFINER + "$", re.I)
#: What a term opening its sentence is said to mean, read from the words when a gerund term misleads the parser.
_MEANS_AFTER = re.compile(r"\s+(?:refers to|means|denotes|is defined as|are defined as|stands for)\s+\w", re.I)


#: A sentence that opens with a noun phrase said to mean something, whatever the parse says of its first word.
_SAID_TO_MEAN = re.compile(
    r"^(?!(?:it|this|that|these|those|he|she|they|which|there)\b)[A-Za-z][\w'\u2019-]*(?:\s+[\w'\u2019-]+){0,3}"
    + _MEANS_AFTER.pattern,
    re.I,
)


#: Nouns that put a term in a class by naming the class after "of" ("a special type of matrix").
_KIND_NOUNS = frozenset("type kind form sort class variety category".split())


def kind_of(doc, term: str) -> bool:
    """True when ``doc`` opens by putting ``term`` in a named class: "Data frames are a special type of Matrix (2-D
    array)" (a definition by its genus alone, which ``definition_kind`` asks to be narrowed down)."""
    span = term_span(doc, term)
    if span is None or not _starts_sentence(doc, span) or span.root.dep_ != "nsubj" or span.root.head.lemma_ != "be":
        return False
    verb = span.root.head
    if verb.dep_ != "ROOT":
        return False
    for attr in (c for c in verb.children if c.dep_ == "attr" and c.lemma_ in _KIND_NOUNS):
        for prep in (c for c in attr.children if c.dep_ == "prep" and c.lower_ == "of"):
            if any(o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN") and o.lemma_ not in _GENERIC_GENUS for o in prep.children):
                return True
    return False


#: Verbs by which a quantity is said to be measured: "X is expressed/measured/calculated as ...".
_MEASURE_VERBS = frozenset("express measure calculate compute".split())


def _measured_as(prep) -> bool:
    """True for "as" and what the quantity is measured as, itself narrowed ("number of persons per unit area"), not a
    bare unit ("expressed as a percentage")."""
    return (
        prep.dep_ == "prep"
        and prep.lower_ == "as"
        and any(o.dep_ == "pobj" and any(m.dep_ in ("prep", "relcl", "acl") for m in o.children) for o in prep.children)
    )


#: Verbs by which a measure is said to be what it measures: "Connectance measures the fraction of links ...".
_GAUGING_VERBS = frozenset("measure quantify capture gauge".split())
#: What a measure measures: a quantity of something, narrowed down ("the tendency for species ... to ...").
_QUANTITIES = frozenset(
    "tendency degree extent amount fraction proportion number ratio rate level strength probability likelihood spread "
    "variability variation dispersion distance similarity difference change average share percentage frequency "
    "concentration density intensity speed magnitude".split()
)


def _gauged(obj, verb) -> bool:
    """True for the object of a measure's verb that is a quantity narrowed down ("the fraction of links that are
    realized"), or "how ..." after "measures"/"quantifies" ("measures how strongly two variables are related")."""
    if obj.dep_ == "dobj" and obj.lemma_ in _QUANTITIES:
        return any(c.dep_ in ("prep", "acl", "relcl") for c in obj.children)
    return (
        obj.dep_ == "ccomp"
        and verb.lemma_ in ("measure", "quantify")
        and any(w.lower_ == "how" for w in obj.subtree if w.i < obj.i)
    )


#: Verbs of regarding: "X can be thought of / viewed / seen as Y", "You can interpret X as Y".
_REGARDING_VERBS = frozenset("think view see regard interpret understand describe picture imagine".split())


def _regarded_as(verb, term=None) -> bool:
    """True for "can be viewed as a measure of ...", "can interpret X as something that ...": a verb of regarding
    with "can"/"may", and "as" with a class narrowed down (``term`` itself when the "as" hangs on it)."""
    if verb.lemma_ not in _REGARDING_VERBS or not any(
        c.dep_ == "aux" and c.lower_ in ("can", "could", "may") for c in verb.children
    ):
        return False
    holders = [verb, term] if term is not None else [verb]
    return any(
        c.dep_ == "prep"
        and c.lower_ == "as"
        and any(
            o.dep_ == "pobj" and any(m.dep_ in ("prep", "relcl", "acl", "amod", "compound") for m in o.children)
            for o in c.children
        )
        for h in holders
        for c in h.children
    )


def _as_object(head) -> str | None:
    """The term as the object of a definer or of a verb of regarding: "Zorn, Cheney, and Christensen (1999) define
    organizational change as ...", "You can interpret a function as something that takes some input, ..." (set 53)."""
    verb = head.head
    if head.dep_ == "dobj" and verb.lemma_ == "define" and verb.dep_ == "ROOT" and any(c.lower_ == "as" for c in verb.children):
        return "defined-as"
    return "regarded" if _regarded_object(head) else None


def _regarded_object(head) -> bool:
    """True for the term as what "you"/"we" can regard as something: "You can interpret a function as ...", "We can
    think of a variable as ..."."""
    verb = head.head
    if head.dep_ == "pobj" and verb.lower_ == "of" and verb.dep_ == "prep":
        verb = verb.head
    return head.dep_ in ("dobj", "pobj") and verb.dep_ == "ROOT" and _regarded_as(verb, head) and _generic_subject(verb)


def _generic_subject(verb) -> bool:
    """True when the one regarding is the reader or anyone ("you", "we", "one"), not a named thinker."""
    return any(c.dep_ == "nsubj" and c.lower_ in ("you", "we", "one") for c in verb.children)


def _as_measure(head, verb) -> str | None:
    """ "X is expressed as ..." (what X is measured as), "X measures the fraction of ..." (what X measures), "X can be
    viewed as a measure of ..." (what X may be regarded as)."""
    if verb.lemma_ in _MEASURE_VERBS and head.dep_ == "nsubjpass" and any(_measured_as(c) for c in verb.children):
        return "means"  # "Density of population, is expressed as number of persons per unit area." (set 47)
    if verb.lemma_ in _GAUGING_VERBS and verb.tag_ in ("VBZ", "VBP") and head.ent_type_ not in _AGENTS:
        # "Nestedness measures the tendency for species with fewer interactions to be ..." (set 51)
        return "measures" if any(_gauged(c, verb) for c in verb.children) else None
    if head.dep_ == "nsubjpass" and _regarded_as(verb):
        return "regarded"  # "Entropy can be viewed as a measure of disorder."
    return None


def _copula(verb) -> bool:
    """True when "X is ..." says what X is: a class narrowed down, "X is when ...", "X is where ...", "X is one in
    which ..."."""
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return False  # "The reaction can be unimolecular when one reacting species is involved" (set 39): what it may be
    if any(c.dep_ == "advmod" and c.lower_ in ("also", "too", "likewise") for c in verb.children):
        return False  # "Debriefing is also a good time to provide additional benefits ..." (set 42's wrong key): one more
        # thing said of a term defined elsewhere
    attrs = [c for c in verb.children if c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN")]
    genus = _through_kind(attrs[0]) if attrs else None
    # "a type of organelle that ...": the parse may hang the clause on "type", so "type" narrowed counts too
    kind_word = attrs[0] if attrs and genus is not attrs[0] else None
    if any(c.dep_ == "neg" for c in verb.children):
        # "Virtual archaeology is not virtual reality but a means in which to experience ..." (set 24's false "none"):
        # what it is follows "but"; "X is not a Y that ..." alone says only what X is not
        but = any(c.dep_ == "cc" and c.lower_ == "but" for c in verb.children)
        after = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "NOUN" and c.i > verb.i]
        genus = after[0] if but and after and genus is not None else None
        if genus is None:
            return False
    if genus is not None:
        return (
            not _role(genus)
            and not _judged(genus)
            # "The sacred groves are the last refuges for ... threatened plants": a claim (set 37's wrong key)
            and not any(c.dep_ == "amod" and c.lower_ in ("last", "only") for c in genus.children)
            and not _evaluative(genus)
            and not _compared(genus)
            and not _praised(genus)
            and not _etymology(genus)
            # "India is a land of linguistic diversity" (set 47's dropped "What is India?"): a figure of speech
            and not (genus.lemma_ == "land" and any(c.dep_ == "prep" and c.lower_ == "of" for c in genus.children))
            and (_differentia(genus) or _or_differentia(genus) or kind_word is not None and _kind_narrowed(kind_word))
            and (genus.lemma_ not in _GENERIC_GENUS or _way_to(genus))
        )
    if any(
        c.dep_ == "ccomp"
        and any(m.lower_ == "where" and m.i == verb.i + 1 for m in c.children)
        and any(m.dep_ in ("nsubj", "nsubjpass") for m in c.children)
        for c in verb.children
    ):
        return True  # "The ALU is where all of the operations are done": the place a part is (set 19's lecture)
    if any(c.dep_ == "advcl" and any(m.lower_ == "when" for m in c.children) for c in verb.children):
        return True  # "X is when ...", not "X is a good fit when ..."
    if any(c.dep_ == "xcomp" and c.i > verb.i and _to_do(c) for c in verb.children) and not any(
        c.dep_ == "acomp" for c in verb.children
    ):  # not "Rehabilitation ... is necessary to improve their quality of life" (set 52): why it is needed
        return True  # "The strategist's challenge is to balance ... values, opportunities, and capabilities" (set 20)
    # "An Information Society is one in which the creation ... of information play a central role", not "one of the
    # oldest structures"
    # "Tsunami waves are those generated by the sudden displacement of ocean water ..." (set 52's false "none")
    return any(
        c.dep_ == "attr"
        and (c.lower_ == "one" and any(r.dep_ == "relcl" for r in c.children) or c.lower_ in ("those", "ones") and _narrowed(c))
        for c in verb.children
    )


def _narrowed(pronoun) -> bool:
    """True for "those generated by ...", "those that form ...", "ones which ...": a pronoun narrowed by a clause whose
    subject it is (not "those we saw last year")."""
    return any(
        r.dep_ == "acl"
        and r.tag_ == "VBN"
        or r.dep_ == "relcl"
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("that", "which", "who") for c in r.children)
        for r in pronoun.children
    )


def _as_subject(head) -> str | None:
    """ "X is a ...", "X is when ...", "X means ...", "X states that ..." with X the subject of the main verb."""
    verb = head.head
    if verb.dep_ != "ROOT":
        return None
    if verb.lemma_ == "be" and _copula(verb):
        return "copula"
    if verb.lemma_ in _MEANING_VERBS and verb.tag_ != "VBN" and not _describer(head, verb):
        # not an adjective quoted as a word: "Elementary means that nothing, very little, is required" (set 24's aside)
        return "means" if any(c.dep_ in ("compound", "amod") for c in head.children) or can_be_noun(head.lower_) else None
    if verb.lemma_ == "involve" and any(c.dep_ in ("xcomp", "dobj", "ccomp") and c.tag_ == "VBG" for c in verb.children):
        return "means"  # "Discrimination involves acting on the belief that ...": what doing it is
    if verb.lemma_ == "define" and head.dep_ == "nsubjpass" and any(c.lower_ == "as" for c in verb.children):
        return "means"  # "X is defined as ..."
    if kind := _as_measure(head, verb):
        return kind
    if (
        verb.lower_ in ("characterized", "characterised")
        and head.dep_ == "nsubjpass"
        and _by_agent(verb)
        and re.match(r"\s*(?:is|are)\s+characteri[sz]ed\s+by\b", head.doc.text[head.right_edge.idx + len(head.right_edge) :])
    ):  # not "Economies are increasingly being characterized by their ...", a trend
        return "characterized"  # "A knowledge economy is characterized by the creation, dissemination, ..."
    if verb.lemma_ in _MAPPING_VERBS and verb.tag_ in ("VBZ", "VBP") and any(_each(c) for c in verb.children):
        return "means"  # "The electric field associates each point in 3D space with a little vector ..." (set 36)
    if verb.lemma_ == "provide" and verb.tag_ in ("VBZ", "VBP") and any(_framework(c) for c in verb.children):
        return "provides"  # "Security design principles provide a framework for creating systems that ..." (set 35)
    return _as_claim(head, verb)


def _as_claim(head, verb) -> str | None:
    """ "X states that ...", "The facial feedback hypothesis proposes that ...", "Biotechnology deals with ..."."""
    if verb.lemma_ in _STATING_VERBS and any(c.dep_ == "ccomp" for c in verb.children):
        return "states"
    if _deals_with(head, verb):
        return "deals"  # "Biotechnology deals with techniques of using live organisms ..." (set 60): what a field studies
    if verb.lemma_ in _PROPOSING_VERBS and head.lemma_.lower() in _LAW_HEADS and any(c.dep_ == "ccomp" for c in verb.children):
        return "states"  # what a theory says is what it is
    return None


def _deals_with(head, verb) -> bool:
    """ "X deals with ...", "X is concerned with ..." in the present tense, X a field of study."""
    if verb.lower_ in ("deals", "deal"):  # the tagger may read "deals" as a plural noun, the parser as the root
        cue = any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
    elif verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBP"):
        cue = any(
            c.dep_ in ("acomp", "attr") and c.lower_ == "concerned" and any(g.lower_ == "with" for g in c.children)
            for c in verb.children
        )
    else:
        return False
    return cue and is_field(" ".join(t.text for t in head.subtree))


#: Verbs by which a field, function or rule is defined through what it gives every point or input.
_MAPPING_VERBS = frozenset({"associate", "assign", "map"})


_MAPS_EACH = re.compile(r"\s+(?:associates|assigns|maps)\s+(?:to\s+)?(?:each|every|any)\s+\w", re.I)


def _each(obj) -> bool:
    """True for "each point ...", "every input ...": the object of a mapping that says what the subject is."""
    return obj.dep_ == "dobj" and any(c.dep_ == "det" and c.lower_ in ("each", "every", "any") for c in obj.children)


def _framework(obj) -> bool:
    """True for "a framework for creating ...", "the basis of ...": what a set of principles or rules is for."""
    if obj.dep_ != "dobj" or obj.lemma_ not in ("framework", "basis", "foundation"):
        return False
    return any(c.dep_ in ("relcl", "acl") or c.dep_ == "prep" and c.lower_ in ("for", "of") for c in obj.children)


def _describer(head, verb) -> bool:
    """True when the subject describes something rather than means it: a person or a text describing in detail
    ("Binet describes the individual tasks in great detail"), or describing another thing ("The help page describes
    it as a function ...")."""
    if verb.lemma_ in ("describe", "define") and head.ent_type_ in _AGENTS:
        return True
    if verb.lemma_ in ("describe", "represent") and any(
        c.dep_ == "poss" and c.pos_ != "PRON" and c.text[:1].isupper() for c in head.children
    ):
        return True  # "Kant's views represent, what is called, the moral conception of rights" (set 27): one thinker's
    if verb.lemma_ in ("describe", "represent") and _bare_the(head):
        return True  # "The plan describes the data the project collects" (set 27): one plan named before, not a term
    detail = any(c.dep_ == "prep" and any(o.lemma_ == "detail" for o in c.children) for c in verb.children)
    return detail or any(c.dep_ == "dobj" and c.pos_ == "PRON" for c in verb.children)


def _bare_the(head) -> bool:
    """True for a subject that is "the" and a noun alone ("the plan"): the one the text is about, not a term."""
    kids = list(head.children)
    return any(c.dep_ == "det" and c.lower_ == "the" for c in kids) and all(c.dep_ in ("det", "punct") for c in kids)


def _by_agent(verb) -> bool:
    """True for "characterized by" a description, not by a count ("A unit cell is characterized by six parameters",
    set 32: how many, not what it is)."""
    for agent in (c for c in verb.children if c.dep_ == "agent" and c.lower_ == "by"):
        objects = [o for o in agent.children if o.dep_ == "pobj"]
        return not any(any(n.dep_ == "nummod" for n in o.children) for o in objects)
    return False


#: Classes that judge rather than define ("National debt is a major problem for national governments").
_JUDGING_GENUS = frozenset("problem issue concern challenge threat priority danger risk task point".split())
_JUDGING_SIZE = frozenset("major serious big huge significant growing key important real common great focal".split())
# ("Deciding cases is a major task of many agencies", "... are the focal point of controversy because ...", set 35)


def _role(genus_token) -> bool:
    """True for a genus giving the term a part in something else ("a key obligation of good governance"), not a class
    a clause narrows ("Liabilities are obligations or debts that an enterprise has to pay ...", set 31's false "none")."""
    if genus_token.lemma_ not in _ROLE_GENUS:
        return False
    return not any(c.dep_ in ("relcl", "acl") for c in genus_token.children)


def _judged(genus_token) -> bool:
    """True when the genus is a judgement of size ("a major problem"), not a class ("a decision problem")."""
    return genus_token.lemma_ in _JUDGING_GENUS and any(
        c.dep_ == "amod" and c.lemma_.lower() in _JUDGING_SIZE for c in genus_token.children
    )


#: A genus that only says "one of a kind": the class is the noun after its "of" ("a type of organelle that ...").
_KIND_OF = frozenset("type kind form sort variety category".split())


def _through_kind(genus_token):
    """The class a "type of" genus names: "Mitochondria are a type of organelle that produces energy ..." puts them
    among organelles and narrows those; "a type of implementation of Carry-Propagate Adder in which ..." (set 71's
    deck, a false "none") among implementations. The genus itself when it is no such word or names nothing after."""
    if genus_token.lemma_ not in _KIND_OF:
        return genus_token
    of = next((c for c in genus_token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    noun = next((o for o in of.children if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")), None) if of else None
    return noun if noun is not None and noun.lemma_ not in _KIND_OF else genus_token


def _kind_narrowed(kind_word) -> bool:
    """True when a "type of N" is narrowed on "type" itself: a clause or a phrase other than its "of N"."""
    return any(c.dep_ in ("relcl", "acl") or c.dep_ == "prep" and c.lower_ != "of" for c in kind_word.children)


def _way_to(genus_token) -> bool:
    """ "ways to describe the structure of ecological communities", "a way of measuring ...": a way named by what it
    does defines its term (a teacher's definition of species abundance distributions, 2026-12-05), a bare "way" no."""
    if genus_token.lemma_ != "way":
        return False
    for c in genus_token.children:
        if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children):
            return True
    return False


def _compared(genus) -> bool:
    """True for a class compared with another: "Quotas are a much more common regulatory strategy ... than taxes
    and subsidies" (set 47's wrong key) says how common quotas are, not what they are."""
    comparative = any(a.dep_ == "amod" and (a.tag_ == "JJR" or any(m.tag_ == "RBR" for m in a.children)) for a in genus.children)
    return comparative and any(t.lower_ == "than" and t.dep_ == "prep" for t in genus.subtree)


#: What a class "of fundamental importance" has: praise of the term, not what it is.
_WORTH = frozenset("importance significance interest relevance".split())  # not "the application of ... values"
#: Languages a word comes from: "Cell is a Latin word for 'a little room'" (set 49's wrong key) gives its origin.
_LANGUAGES = frozenset("latin greek french german sanskrit arabic hebrew persian old".split())


def _praised(genus) -> bool:
    """True for "a statistical technique of fundamental importance to science" (set 49's wrong key)."""
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and o.lemma_ in _WORTH for o in c.children)
        for c in genus.children
    )


def _etymology(genus) -> bool:
    """True for "a Latin word for 'a little room'", "the Greek word meaning ...": where the word comes from."""
    if genus.lemma_ not in ("word", "term", "name"):
        return False
    if any(c.dep_ in ("amod", "compound") and c.lower_ in _LANGUAGES for c in genus.children):
        return True
    return genus.lemma_ == "word" and any(c.dep_ == "prep" and c.lower_ == "for" for c in genus.children)


#: Nouns of a change or difference in a quantity: "the change in the number of people ..." says what it measures.
_CHANGE_NOUNS = frozenset("change increase decrease rise fall decline difference variation reduction".split())


def _or_differentia(genus_token) -> bool:
    """True when an alternative name the sentence gives the class with "or" is narrowed down: "the recipe, or the
    how-to, or the sequence of steps" (a lecturer's three names for one thing, the last one a definition)."""
    if not any(c.dep_ == "cc" and c.lower_ in ("or", "and/or") for c in genus_token.children):
        return False  # ("persons and/or other entities who have to be paid ...", set 31's false "none")
    alternatives = [t for t in genus_token.subtree if t.dep_ == "conj" and t.pos_ in ("NOUN", "PROPN")]
    return any(_differentia(t) for t in alternatives)


#: Verbs of what people say about a thing: "a public policy that is debated the world over" says nothing of what it is.
_DISCUSSED = frozenset("debate discuss study mention consider argue criticize criticise praise dispute".split())


def _discussed(clause) -> bool:
    """True for a passive clause of talk ("that is debated the world over", set 71's wrong key "What is the minimum
    wage?"): what is said about the class, not what narrows it."""
    return clause.lemma_ in _DISCUSSED and any(a.dep_ == "auxpass" for a in clause.children)


def _differentia(genus_token) -> bool:
    """True when the class a copula puts the term in is narrowed down ("the tendency of an object to ...", "a force
    that ..."), not left bare or placed somewhere ("a fundamental concept in solids", "a bridge")."""
    modifiers = [c for c in genus_token.children if c.dep_ in ("amod", "compound") and c.i < genus_token.i]
    if len(modifiers) >= 2 and any(zipf(c.lower_) < 3.5 for c in modifiers):
        # "Adverse selection is precontractual asymmetric information." (set 33's false "none"); one adjective only
        # puts the term in a class ("Conspiracy is an inchoate crime because ...": a reason, not what it is)
        return True
    for c in genus_token.children:
        if c.dep_ in ("relcl", "acl", "ccomp") and not _discussed(c):
            return True
        if c.dep_ == "prep" and c.lower_ in ("of", "for", "with", "between", "by", "on"):
            return True
        if c.dep_ == "amod" and c.i > genus_token.i and any(g.dep_ == "prep" for g in c.children):
            return True  # "the software responsible for managing the hardware" (set 74's false "none" on the kernel)
        if c.dep_ == "prep" and c.lower_ == "to" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ == "in" and genus_token.lemma_ in _CHANGE_NOUNS:
            return True  # "Growth of population is the change in the number of people ..." (set 47's false "none")
        # "a named place in the memory where a programmer can store data": the clause narrows the place it names
        if c.dep_ == "prep" and any(o.dep_ == "pobj" and any(r.dep_ in ("relcl", "acl") for r in o.children) for o in c.children):
            return True
    return False


def _named(head) -> str | None:
    """ "A quantity that ... is called X", "... is known as X", "... through a process called X"."""
    if not (head.dep_ in ("oprd", "attr", "pobj") or head.head.dep_ == "prep" and head.head.lower_ == "as"):
        return None
    v = head.head if head.dep_ != "pobj" else head.head.head
    if v.lemma_ not in _NAMING_VERBS or v.tag_ != "VBN":
        return None
    subject = next((c for c in v.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    if subject is not None and any(c.dep_ == "poss" for c in head.children) and zipf(subject.lower_) < zipf(head.lower_):
        # "The genotype of an offspring is known as its genetic makeup": a plainer name for a term, not the term
        # ("The complete set of inputs ... is called its percept" names one)
        return None
    if any(c.dep_ == "advmod" and c.lower_ in ("also", "formerly", "previously", "once") for c in v.children):
        return None  # "Corrosion penetration rate may also be known as corrosion rate": another name, no definition
        # ("an administrative law judge (ALJ), formerly known as an administrative hearing examiner", set 35)
    if v.dep_ == "acl" and len(v.head.text) == 1:
        return None  # "an object B, called Bismarck": a letter standing for a name says what no term is
    before = v.doc[: v.i].text
    if _SCENE.match(before) and v.dep_ != "ROOT":
        return None  # "After the script is run we will have ..., all found in a new folder called data": a scene
    if before.count("(") > before.count(")"):
        return None  # an aside in brackets ("(e.g., a force called gravity ...)") defines nothing of the topic
    if v.dep_ == "acl" and v.head.pos_ == "NOUN" and any(d.lower_ in ("a", "an") for d in v.head.children):
        # adjectives alone say no more than the noun: "The Separation Theorem motivates an important computational
        # abstraction called separation oracle" (set 32's wrong key) is about the theorem
        bare = not any(c.dep_ not in ("det", "punct", "amod") and c.i != v.i for c in v.head.children)
        if bare and v.head.dep_ in ("dobj", "nsubj", "nsubjpass"):
            # "courts adopt a system known as precedent", "an idea called 'the digital humanities' has ... ": the sentence
            # names X and says what happened to it, not what it is
            return None
        return "called"
    subj = [c for c in v.children if c.dep_ in ("nsubjpass", "nsubj")]
    return "called" if subj and _describes(subj[0]) else None


#: A sentence that opens on a scene (what happens, when): a name given inside it ("a new folder called data") says
#: where something is, not what it is (the rubric's ``definition_problem`` reads answers the same way).
_SCENE = re.compile(r"^\W*(?:after|before|when|while|once|during|as soon as|until)\b", re.I)


def _describes(subject) -> bool:
    """True when a subject says what it is ("a quantity that ..."), not only points back ("the deviations")."""
    first = next(iter(subject.subtree))
    if subject.pos_ == "PRON" or first.lower_ in _DEMONSTRATIVE or subject.lower_ in ("one", "ones"):
        return False  # "The one which converts chemical energy into electrical energy": one of a kind named before
    if any(
        c.dep_ == "poss" or c.dep_ == "nmod" and c.nbor(1).text in ("’", "'") for c in subject.children if c.i + 1 < len(c.doc)
    ):
        return False  # "The United States’ system of government is called federalism": names one case (set 18)
    size = sum(1 for _ in subject.subtree)
    return size >= 3 and first.lower_ != "the" or any(c.dep_ in ("relcl", "acl", "prep") for c in subject.children)


def genus(doc, term: str) -> str | None:
    """The class a copula definition puts ``term`` in ("idea" of "Dualism is the idea that ..."), or None."""
    span = term_span(doc, term)
    if span is None or definition_kind(doc, term) != "copula":
        return None
    attrs = [c for c in span.root.head.children if c.dep_ == "attr"]
    return attrs[0].lemma_.lower() if attrs else None


def leans_on_context(doc, reader: bool = True) -> str | None:
    """Why a sentence cannot stand alone as an item, or None: it speaks to or about the reader or writer (``reader``:
    also a generic "we" or "you" as a main subject), points back ("these limitations", "he"), refers to other parts of
    the material, is an exclamation or no clause, praise or a biography aside."""
    text = doc.text
    if text.rstrip().endswith(("!", "?", ":")):
        return "exclamation or question"
    if re.search(r"\bplease\b", text, re.I):
        return "speaks to the reader"  # "The Internet is a valuable resource ... but please proceed wisely." (set 20)
    roots = [t for t in doc if t.dep_ == "ROOT"]
    # the parser may take an author's "defines" for a noun ("Kotler defines ..."), and a field's "deals" (set 60)
    if not _AUTHOR_DEFINES.match(text) and not _DEALS_WITH.match(text):
        if len(roots) != 1 or roots[0].pos_ not in ("VERB", "AUX"):
            return "no clause"
        if not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in roots[0].children) and not _SAID_TO_MEAN.match(
            text
        ):
            return "no subject"  # unless a gerund term misled the parser ("Encoding refers to ..." read as a verb)
    for t in doc:
        why = _pointer(t, reader)
        if why:
            return why
    if _LIFESPAN.search(text):
        return "a biography aside"
    if len(_NUMBERED_REF.findall(text)) == 1 and len(re.findall(r"\(\d", text)) == 1:
        return "refers to a numbered example"  # "... unhappy about the combination rule (72)." (set 69), not a list
    if any(_evaluative(t) for t in doc if t.dep_ in ("attr", "acomp") and t.head.dep_ == "ROOT"):
        return "praise, not a point"
    m = _CONTEXT_WORDS.search(text)
    return f"refers to its context ({m.group()})" if m else None


def _pointer(t, reader: bool) -> str | None:
    """Why token ``t`` makes its sentence lean on context (the reader, a pronoun or demonstrative pointing back)."""
    low = t.lower_
    if low in _WRITER and t.pos_ == "PRON" or reader and low in _PERSONAL and t.pos_ == "PRON" and not _embedded(t):
        return f"speaks to the reader ({t.text})"
    if low in _PRONOUN_SUBJECT and t.dep_ in ("nsubj", "nsubjpass", "poss", "dobj", "pobj") and t.pos_ in ("PRON", "DET"):
        if low == "it" and t.dep_ == "nsubj" and _dummy_it(t):
            return None
        if t.tag_ in ("WDT", "WP", "WP$") or t.head.dep_ == "relcl" and t.i < t.head.i and low == "that":
            return None  # a relative pronoun: it refers inside the sentence
        if low == "that" and t.i and t.doc[t.i - 1].lower_ in ("or", "and") and any(x.tag_ == "WDT" for x in t.doc[: t.i]):
            return None  # "... countries that have access ... and those that do not, or that have limited access"
        if _antecedent(t) is not None:
            return None  # "If firms were required to pay ..., they would ...": it refers inside the sentence
        if low == "those" and any(c.dep_ in ("prep", "relcl", "acl") for c in t.children):
            return None  # "those with the disease", "those who study it": the ones the phrase after it names (set 32)
        return f"points back ({t.text})"
    return _modifier_pointer(t, low)


def _modifier_pointer(t, low: str) -> str | None:
    """Why a determiner or modifier ``t`` points back ("these limitations", "both criteria", "the given plot"), or None."""
    if low in _DEMONSTRATIVE and t.dep_ == "det" and t.pos_ == "DET" and not _restricted(t.head):
        return f"points back ({t.text} {t.head.text})"
    if low == "another" and t.dep_ == "det" and t.head.dep_ == "attr" and t.head.lemma_ not in ("name", "word", "term"):
        return f"points back ({t.text} {t.head.text})"  # "... is another important consideration." (set 66); not
        # "another name for ..."
    if low in ("so", "thus") and t.dep_ == "advmod" and t.head.tag_ == "VBN" and t.head.dep_ in ("acl", "amod"):
        return f"points back ({t.text} {t.head.text})"  # "Semiconductors so formed are called ..." (set 32)
    subject = t.head.dep_ in ("nsubj", "nsubjpass")
    if low == "both" and t.dep_ in ("det", "predet") and subject and not _named_before(t.head):
        return f"points back ({t.text} {t.head.text})"  # "Both criteria can be used to assess ..." (set 60)
    if low == "given" and t.dep_ == "amod" and any(c.lower_ == "the" for c in t.head.children) and not _named_before(t.head):
        return f"points back (the {t.text} {t.head.text})"  # "For the given plot, a critical threshold ..." (set 59)
    return None


def _named_before(noun) -> bool:
    """True when the noun, or a conjunct of it ("both A and B"), is named earlier in the same sentence ("the
    dimensions of a physical quantity ... of the given physical quantity")."""
    return any(c.dep_ == "conj" for c in noun.children) or _said_before(noun)


def _said_before(noun) -> bool:
    """True when a noun of the same lemma comes earlier in the sentence ("setting goals and using those goals")."""
    return any(t.lemma_.lower() == noun.lemma_.lower() and t.pos_ in ("NOUN", "PROPN") for t in noun.doc[: noun.i - 1])


_SINGULAR_PRONOUN = frozenset("it its".split())
_PLURAL_PRONOUN = frozenset("they them their".split())
_PERSON_PRONOUN = frozenset("he him his she her".split())


def _antecedent(pron):
    """The noun earlier in the same sentence a personal pronoun refers to, or None: "Firm Beta reduces its
    pollution", "individuals and societies allocate their resources", "Although critics accept ..., they question".
    A subject pronoun needs a subject or object before it ("After the war, it collapsed" points back); a possessive
    or object pronoun any noun of its number. Demonstratives ("this", "these") are never resolved here."""
    low = pron.lower_
    if low not in _SINGULAR_PRONOUN | _PLURAL_PRONOUN | _PERSON_PRONOUN:
        return None
    subject = pron.dep_ in ("nsubj", "nsubjpass")
    for tok in reversed(pron.doc[: pron.i]):
        if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ == "compound":
            continue  # a noun's modifier ("Firm" of "Firm Beta") is no antecedent of its own
        if subject and tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "conj"):
            continue
        plural = tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") for c in tok.children)
        if low in _PLURAL_PRONOUN and plural or low in _SINGULAR_PRONOUN and not plural:
            return tok
        if low in _PERSON_PRONOUN and tok.pos_ == "PROPN" and not plural and tok.dep_ in ("nsubj", "nsubjpass"):
            return tok  # a named person ("Gary Becker argued that his model ...")
    return None


def _embedded(tok) -> bool:
    return any(a.dep_ in _EMBEDDED for a in tok.ancestors)


def _dummy_it(tok) -> bool:
    """ "It is important to ...", "it takes ... to": an "it" whose clause has an extraposed subject."""
    return any(c.dep_ in ("ccomp", "xcomp", "advcl") for c in tok.head.children) and tok.head.lemma_ in ("be", "take", "seem")


#: Nouns a demonstrative points with at a circumstance the sentence itself has just told ("in that eventuality").
_CIRCUMSTANCES = frozenset("eventuality case event situation scenario circumstance instance".split())


def _circumstance_before(noun) -> bool:
    """True when a clause of circumstance ("where ...", "when ...", "if ...") comes earlier in the same sentence."""
    return any(t.lower_ in ("where", "when", "if", "whenever") and t.dep_ in ("advmod", "mark") for t in noun.doc[: noun.i])


def _restricted(noun) -> bool:
    """ "that part of the brain which ...": a demonstrative noun phrase that says itself what it means; "setting goals
    and using those goals": the noun it points back to is earlier in the same sentence."""
    if _said_before(noun):
        return True
    if any(c.dep_ in ("relcl", "acl") for c in noun.children):
        return True
    if noun.lemma_.lower() in _CIRCUMSTANCES and _circumstance_before(noun):
        return True  # "Default is a situation where the payments cannot be delivered, ... what happens in that eventuality."
    # "to take those decisions and perform those actions which are desirable ..." (set 57's NCERT definition of social
    # responsibility): the clause after the second names the first as well, the verbs being one coordination
    verbs = set(noun.head.conjuncts)
    return any(
        d.dep_ == "det"
        and d.lower_ in _DEMONSTRATIVE
        and d.head is not noun
        and d.head.head in verbs
        and any(c.dep_ in ("relcl", "acl") for c in d.head.children)
        for d in noun.doc
    )


def gap_fits(doc, start: int, end: int) -> bool:
    """True when characters ``start:end`` of ``doc`` are a whole noun phrase (without its determiner): a blank there
    hides a term, never half of one ("quantum ___"), a verb, or a piece of a formula ("___ 1" for "n minus")."""
    span = doc.char_span(start, end, alignment_mode="strict")
    if span is None:
        return False
    if not any(t.pos_ in ("NOUN", "PROPN") for t in span) or span.root.pos_ not in ("NOUN", "PROPN"):
        return False
    head = span.root.head
    if span.root.dep_ == "attr" and any(c.dep_ == "expl" for c in head.children):
        return False  # "There are ___ that relate the mean ...": what there is, guessed from nothing (set 51's "formulas")
    for chunk in doc.noun_chunks:
        if chunk.start <= span.start and span.end <= chunk.end:
            core = [t for t in chunk if t.pos_ not in ("DET", "PRON", "NUM") and t.dep_ not in ("det", "poss", "predet")]
            core = [t for t in core if not (t.pos_ == "ADJ" and t.i < span.start and t.lower_ in _QUANTIFIERS)]
            return bool(core) and core[0].i >= span.start and core[-1].i < span.end
    return False


_QUANTIFIERS = frozenset("many most some several few all other each every various such".split())


def why_question(doc) -> tuple[str, str] | None:
    """(question, answer) from "X is/does Y because Z": "Why is X Y?" with the answer "Because Z." (Heilman and Smith:
    move the auxiliary, or add do/does/did, and drop the cause clause); None when the clause does not invert cleanly."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    because = [
        c for c in root.children if c.dep_ == "advcl" and any(m.lower_ == "because" and m.dep_ == "mark" for m in c.children)
    ]
    subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(because) != 1 or len(subj) != 1 or subj[0].i > root.i:
        return None
    if subj[0].lemma_.lower() in ("reason", "cause", "explanation"):
        return None  # "The reason opportunity cost exists is because ...": not "Why is the reason ... exists?"
    cause = because[0]
    cause_tokens = set(t.i for t in cause.subtree)
    if min(cause_tokens) < root.i:
        return None  # "Because Z, X is Y": the clause order is not the simple one
    subject = doc[subj[0].left_edge.i : subj[0].right_edge.i + 1]
    if subject.start != 0 and any(t.pos_ not in ("SCONJ", "ADV", "PUNCT") for t in doc[: subject.start]):
        return None
    auxes = [c for c in root.children if c.dep_ in ("aux", "auxpass") and c.i < root.i]
    # the words after the verb, their commas kept ("the synthesis of science, art, philosophy, and religion", set 36's
    # "scienceartphilosophyand religionin part" lost them), the adverb leading into the cause left out ("in part")
    rest = [t for t in doc[root.i + 1 :] if t.i not in cause_tokens and t.text not in (".", "!", "?", ";", ":")]
    rest_text = re.sub(r"[\s,]*\b(?:in part|partly|mainly|largely|mostly|simply|only|precisely|chiefly)?[\s,]*$", "", _join(rest))
    sub = _join(list(subject))
    sub = sub[:1].lower() + sub[1:] if subject[0].pos_ != "PROPN" else sub
    if root.lemma_ == "be" and root.pos_ == "AUX":
        question = f"Why {root.lower_} {sub} {rest_text}?"
    elif auxes:
        aux = auxes[0]
        mid = [t for t in doc[aux.i + 1 : root.i + 1]]
        question = f"Why {aux.lower_} {sub} {_join(mid)} {rest_text}?"
    elif root.tag_ in ("VBZ", "VBP", "VBD"):
        do = {"VBZ": "does", "VBP": "do", "VBD": "did"}[root.tag_]
        question = f"Why {do} {sub} {root.lemma_} {rest_text}?"
    else:
        return None
    answer_tokens = [t for t in cause.subtree if t.lower_ != "because" or t.dep_ != "mark"]
    answer = "Because " + _join(answer_tokens).rstrip(" .,;") + "."
    question = re.sub(r"\s+([,?])", r"\1", re.sub(r"\s+", " ", question)).replace(" ,?", "?").replace(",?", "?")
    if len(answer.split()) < 4 or len(question.split()) < 5:
        return None
    return question, answer


def _join(tokens) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def opening_clause(root):
    """The adverbial clause a sentence opens with ("When the sample size is large | the sample proportion is ..."), a
    child of its main verb ``root``; None when it opens otherwise."""
    return next((c for c in root.children if c.dep_ == "advcl" and c.left_edge.i == 0), None)


def cut_short(clause) -> bool:
    """True when the parse ended an opening clause on its verb ("When the sample size is | at least 30 the sample mean
    ..."): the clause misses its complement, which the main clause took."""
    return clause.doc[clause.right_edge.i].pos_ == "AUX"
