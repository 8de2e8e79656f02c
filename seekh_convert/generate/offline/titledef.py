"""The topic's own definition: the sentence that defines the term its title names, wherever the topic holds it.

The title's term ("Short-term plasticity (STP)" gives "Short-term plasticity" and "STP") is looked up in every
sentence of the topic; a sentence defines it when its parse says so ("X (ABBR) is a ... that ...", "is defined as",
"is called X", "X, a ... that ...") or when it is the explanation of a slide's or glossary's "Term: explanation".
"""

from __future__ import annotations

import re

from seekh_convert.generate.offline.sentences import ITEM_WORDS, Sentence, prime
from seekh_convert.model.document import BlockKind
from seekh_convert.text import parse
from seekh_convert.text.grammar import _to_do, attribution_end, definition_kind, leans_on_context, term_span
from seekh_convert.text.lexicon import zipf
from seekh_convert.text.terms import clean_term, term_key

_LEAD = re.compile(
    r"^\s*(?:(?:(?:chapter|section|part|unit|lecture|topic|week|module)\s+[\w.]+|example|case study|exercise|activity)"
    r"\s*[:.\-\u2013\u2014]?\s*|[\dIVX]+[.)]\s+|#+\s*|\d{1,2}(?:\.\d{1,2})*\.?\s+(?=[A-Za-z]))",
    re.I,
)
#: "Types of plans" is about plans: the kinds are the topic's parts, the term is what follows.
_KINDS = re.compile(
    r"^(?:(?:the\s+)?(?:main\s+|different\s+)?(?:types?|kinds?|forms?|classes|categories|examples?|concept|meaning|notion"
    r"|nature|definitions?)(?:\s+(?:and|&)\s+(?:types?|kinds?|forms?|classes|examples?|scope|nature|importance|functions?"
    r"|features|characteristics))?\s+of)\s+",  # "Definitions and Types of Insurance" is about insurance (set 37)
    re.I,  # "Concept of Business" is about business (set 28's NCERT chapter)
)
_COUNTER = re.compile(r"\s*\(\s*\d+\s+of\s+\d+\s*\)\s*$", re.I)
#: "The PCC explained" is about the PCC: a last word that says how the section treats its term is no part of it.
_TREATED = re.compile(
    r"\s+(?:explained|defined|introduced|revisited|demystified|in brief|in a nutshell|at a glance|trends|today|basics"
    r"|overview|in practice|in context)\s*$",
    re.I,
)  # "No-Fault Trends" is about no-fault (set 37: "“No-fault” means that recovery ..." was a false "none")
_SPLIT = re.compile(r"\s*(?::|\s[\u2013\u2014-]\s|,|;|\sand\s|\s&\s|\sin\s|\sof\s|\svs\.?\s|\sversus\s)\s*")
_ABBR = re.compile(r"^(.*?\S)\s*\(([A-Za-z][\w-]{1,9})\)\s*$")


def title_terms(title: str) -> list[str]:
    """The terms a topic title names, longest first: "Short-term plasticity (STP)" -> the phrase and "STP"."""
    t = _TREATED.sub("", _COUNTER.sub("", _LEAD.sub("", title.strip())))
    out: list[str] = []
    kinds = _KINDS.match(t)
    t = t[kinds.end() :] if kinds else t
    listed = t.count(",") >= 2 or re.search(r",.*\band\b", t) is not None  # "Distribution, Density, Growth and ..."
    for i, part in enumerate([t, *_SPLIT.split(t)]):
        part = part.strip(" .?!")
        if i and " " not in part and zipf(part) >= 4.5 and not listed:
            continue  # a common word of a longer title ("Care" of "Patient Refusal of Care") is not its term, unless
            # the title lists its terms (set 47's "Distribution, Density, Growth and Composition")
        m = _ABBR.match(part)
        names = [m.group(1), m.group(2)] if m else [part]
        for n in names:
            n = re.sub(r"^(?:the|a|an|what is|what are|introduction to|intro to)\s+", "", n.strip(), flags=re.I)
            if n and 1 <= len(n.split()) <= 6 and term_key(n) and n not in out:
                out.append(n)
    return sorted(out, key=lambda n: -len(n))


def glossary_definition(s: Sentence, term: str) -> bool:
    """True when ``s`` is the explanation of a "Term: explanation" entry whose term is ``term``."""
    block = s.block
    return block.kind is BlockKind.GLOSSARY and bool(block.term) and term_key(block.term) == term_key(term)


def defines_term(s: Sentence, term: str) -> bool:
    """True when sentence ``s`` defines ``term`` and makes sense on its own."""
    if glossary_definition(s, term):
        return s.complete and s.n_words >= 3
    if not _may_define(s, term):
        return False
    doc = s.parsed
    kind = definition_kind(doc, term)
    # "You can interpret a function as something that ..." (set 53): the reader is anyone, the sentence stands alone
    told = kind == "regarded" and (leans_on_context(doc) or "").startswith("speaks to the reader")
    if kind is None or not (_standalone(doc) or told) or hollow(doc):
        return False
    span = term_span(doc, term)
    # "Visual encoding is ..." defines visual encoding, not encoding: only a determiner may precede a subject term
    if kind in ("called", "defined-as", "term-used", "aim", "regarded"):  # the term after its cue: "is called X"
        return True
    lead = attribution_end(doc)  # "According to Maanen and Schein (1979), socialization is defined as ..."
    return all(t.pos_ in ("DET", "PUNCT") or t.dep_ == "det" for t in doc[lead : span.start])


def _may_define(s: Sentence, term: str) -> bool:
    """What ``defines_term`` asks of a sentence (not a glossary entry's) before parsing it."""
    return s.alone and s.n_words <= ITEM_WORDS + 10 and term_key(term) in term_key(s.text)


_INNER = frozenset("he she it they his her its their him them".split())
_DEMONSTRATIVES = frozenset("this that these those such".split())


def _standalone(doc) -> bool:
    """True when the definition leans on nothing outside itself; a personal pronoun after the main verb refers to the
    sentence's own noun ("a document that specifies what a person would like ... if he or she becomes unable")."""
    why = leans_on_context(doc)
    if why is None:
        return True
    word = why.removeprefix("points back (").rstrip(")")
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    late = all(t.i > root.i for t in doc if t.lower_ == word) if root is not None else False
    return why.startswith("points back (") and word in _INNER and late


_INTENSIFIERS = frozenset("tremendously very extremely incredibly really super so hugely amazingly remarkably".split())
_PEOPLE = frozenset("we you i us our your".split())


def hollow(doc) -> str | None:
    """Why a copula sentence says nothing a teacher would keep as a definition, or None: praise ("a tremendously
    powerful technique"), course talk ("... that we'll use again and again in CS161"), or a genus that leans on
    the text before it ("the other favorite of Zeus")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    attr = next((c for c in root.children if c.dep_ == "attr"), None) if root is not None else None
    if attr is None or not any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in root.children):
        return None  # ("There are three ways you can retrieve ...": no term is defined, nothing to judge)
    for c in attr.children:
        if c.dep_ == "amod" and any(a.dep_ == "advmod" and a.lower_ in _INTENSIFIERS for a in c.children):
            return "praise"
        if c.dep_ == "amod" and c.lower_ in ("other", "another", "same", "latter", "former"):
            return "leans on the text before it"
        if c.dep_ == "relcl" and _talk(c):
            return "course talk"  # (not "memory aids that help us organize ...": the reader as an object is no talk)
    if any(c.dep_ == "advmod" and c.lower_ in _NOW_AND_THEN for c in root.children):
        return "how often, not what it is"  # "Ecosystems are often a target of conservation because ..." (set 67)
    if any(c.dep_ == "amod" and c.lower_ in _RANKING for c in attr.children) and not any(
        c.dep_ in ("relcl", "acl") for c in attr.children
    ):
        # "Surface area is the most important parameter for light scattering ..." (set 61), "E-governance is an
        # important step for ...": a rank, not what it is ("a fundamental concept ... that relates ..." is one)
        return "a rank, not a definition"
    return None


#: How often a copula holds: a sentence that says so tells a tendency, not what the term is.
_NOW_AND_THEN = frozenset("often sometimes frequently occasionally rarely seldom".split())
#: Words that rank a term among others of its kind rather than say what it is.
_RANKING = frozenset("important significant crucial essential vital ubiquitous".split())


def _talk(verb) -> bool:
    """ "that we'll use again and again in CS161": the course's plan, not what the term is ("those we consciously try
    to remember" is a definition)."""
    people = any(t.dep_ == "nsubj" and t.lower_ in _PEOPLE for t in verb.children)
    plan = any(t.dep_ == "aux" and t.lower_ in ("will", "'ll", "’ll", "shall") for t in verb.children)
    return people and plan


def title_definitions(title: str, sentences: list[Sentence]) -> list[tuple[str, Sentence]]:
    """(term, sentence) for every sentence of the topic defining a term of its title; title's own term first."""
    out: list[tuple[str, Sentence]] = []
    seen: set[int] = set()
    terms = title_terms(title)
    prime([s for s in sentences if any(_may_define(s, term) for term in terms)])  # one batch: the ones parsed below
    for term in terms:
        for s in sentences:
            if id(s) not in seen and defines_term(s, term):
                seen.add(id(s))
                out.append((term, s))
    return out


#: "Act-utilitarianism: The rightness of actions depends solely on ...": a theory's name, a colon and its principle.
_LABELLED = re.compile(r"^(?P<term>[A-Z][\w'\u2019 -]{2,50}?)\s*:\s+(?P<body>[A-Z][^:]{30,})$")
#: Verbs by which a school's followers state its view: "Consequentialists claim that morality depends ...".
_VIEW_VERBS = frozenset("claim hold believe argue maintain say think insist contend".split())


def principle_definitions(title: str, sentences: list[Sentence]) -> list[tuple[str, Sentence]]:
    """(term, sentence) for a theory the title names, stated as a labelled principle ("Virtue Ethics: An action is
    permissible only if a virtuous person would perform it.") or as what its followers claim ("Consequentialists
    claim that morality depends completely on the effects of our actions." for "Consequentialism")."""
    out: list[tuple[str, Sentence]] = []
    asked = bool(_ASKS_WHAT.match(title))
    composed = False
    for term in title_terms(title):
        key = term_key(term).replace("-", " ")
        followers = re.sub(r"(?:ism|y)$", "", key) if key.endswith(("ism", "ology")) else None
        for s in sentences:
            if not s.alone or not s.complete or s.n_words > ITEM_WORDS + 10:
                continue
            m = _LABELLED.match(s.text)
            parts = not composed and (_composes(s, key, title) or _constitutes(s, key))  # the first such sentence only
            if (
                m
                and term_key(m.group("term")).replace("-", " ") == key
                and len(m.group("body").split()) >= 6
                or followers
                and len(followers) >= 5
                and _followers_claim(s, followers)
                or _attempts(s, key)
                or parts
                or (asked and _asks_about(title, key) or _asks_about(s.block.section, key))
                and _answers(s, key)  # the title's whole term: "What are the effects of parasites?" asks nothing
                # of what parasites are (set 49: "Parasites are a diverse group.")
            ):
                out.append((term, s))
                asked = False  # the first answer only
                composed = composed or parts
    return out


def _asks_about(heading: str, key: str) -> bool:
    """True when a heading (a slide's title) asks what ``key`` is: "What is a relational database?" (set 28's deck)."""
    m = _ASKS_WHAT.match(heading or "")
    return (
        m is not None and term_key(re.sub(r"^\s*(?:[\d.]+\s+)?what\s+(?:is|are)\s+", "", heading, flags=re.I).rstrip(" ?")) == key
    )


#: A title that asks what its term is: "5.1 What are Rights?", "What is Freedom?".
_ASKS_WHAT = re.compile(r"^\s*(?:[\d.]+\s+)?what\s+(?:is|are)\s+(?:an?\s+|the\s+)?[^?]{2,60}\?\s*$", re.I)


#: Verbs that give an impression of the term, not what it is.
_IMPRESSION_VERBS = frozenset("seem appear look sound tend".split())
#: "At its most basic, security implies freedom from threats." (set 40): a lead that says the definition follows.
_AT_BOTTOM = re.compile(
    r"^(?:at (?:its|their) (?:most basic|simplest|core|heart)|in (?:its|their) (?:simplest|most basic|broadest)"
    r"(?: sense| form| terms)?|simply put|put simply|basically|essentially|in essence),\s+",
    re.I,
)


def _answers(s: Sentence, key: str) -> bool:
    """True when ``s`` says what the title's term is, under a title asking just that: "A right is essentially an
    entitlement or a justified claim." under "What are Rights?" (set 27's NCERT chapter), a class without the
    narrowing a definition elsewhere needs."""
    if not s.alone or not s.complete or s.n_words > ITEM_WORDS or key.split()[-1][:4] not in s.text.lower():
        return False
    lead = _AT_BOTTOM.match(s.text)
    doc = parse.parse(s.text[lead.end() :]) if lead else s.parsed  # the lead's "its" is the subject's own
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or any(c.dep_ in ("neg", "aux") for c in root.children):
        return False
    attr = next((c for c in root.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
    if root.lemma_ == "be" and attr is None or root.lemma_ != "be" and root.tag_ not in ("VBZ", "VBP"):
        return False  # "X is a/an Y ..." or what X does ("A relational database matches data stored in tables ...")
    if root.lemma_ in _IMPRESSION_VERBS:
        return False  # "Security seems to be something that is not the business of ..." (set 40): an impression
    subj = next((c for c in root.children if c.dep_ == "nsubj" and c.i < root.i), None)
    if subj is None or any(t.dep_ not in ("det",) for t in doc[: subj.left_edge.i]):
        return False
    name = " ".join(t.text for t in doc[subj.left_edge.i : subj.i + 1] if t.dep_ != "det")
    return term_key(name) == key and not leans_on_context(doc)


#: Verbs by which a sentence says what a thing is made of or takes in: "The basic form of the Hindu temple comprises
#: the following: ..." (set 41), "Arm processor families include the Cortex-A series, ..." (set 42).
_PART_VERBS = frozenset("include comprise consist contain".split())


def _constitutes(s: Sentence, key: str) -> bool:
    """True when ``s`` says what makes up the title's term: "The endocrine glands and hormone producing diffused
    tissues/cells located in different parts of our body constitute the endocrine system." (set 43's false "none")."""
    if (
        not s.alone
        or not s.complete
        or s.n_words > ITEM_WORDS + 10
        or not re.search(r"\b(?:constitut|make up|makes up|form)", s.text)
    ):
        return False
    doc = s.parsed
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("neg", "aux") for c in root.children):
        return False
    if not (
        root.lemma_ == "constitute" or root.lemma_ == "make" and any(c.dep_ == "prt" and c.lower_ == "up" for c in root.children)
    ):
        return False
    obj = next((c for c in root.children if c.dep_ == "dobj"), None)
    subj = next((c for c in root.children if c.dep_ == "nsubj" and c.i < root.i), None)
    if obj is None or subj is None or doc[subj.left_edge.i].lower_ in _DEMONSTRATIVES | _INNER:
        return False
    name = _phrase_key(obj)
    # the title's term or its last words ("the endocrine system" under "Human Endocrine System")
    named = name == key or len(name.split()) >= 2 and key.endswith(f" {name}")
    return named and leans_on_context(doc) is None


def _phrase_key(head) -> str:
    """The key of the noun phrase ``head`` heads, without its determiner ("the endocrine system" -> "endocrine
    system")."""
    doc = head.doc
    start = head.left_edge.i + (doc[head.left_edge.i].dep_ == "det")
    return term_key(doc[start : head.right_edge.i + 1].text).replace("-", " ")


def _named_head(title: str, head: str) -> bool:
    """True when the title is a name and then ``head`` ("Cortex-M7 Registers"): its other words name a thing."""
    words = title.split()
    return len(words) >= 2 and term_key(words[-1]) == head and all(re.search(r"\d", w) or w.isupper() for w in words[:-1])


def _composes(s: Sentence, key: str, title: str) -> bool:
    """True when ``s`` opens with the title's term and says what it is made of ("The basic form of the Hindu temple
    comprises ...") or what such things are used for ("The internal registers are used to store and process
    temporary data within the processor core." under "Cortex-M7 Registers", set 42's false "none")."""
    words = key.split()
    if not s.alone or not s.complete or s.n_words > ITEM_WORDS + 20 or not words or words[-1][:5] not in s.text.lower():
        return False
    doc = s.parsed
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or any(c.dep_ in ("neg", "aux", "conj") or c.lower_ in ("also", "too") for c in root.children):
        return False  # "Deception also includes ...", "The NVIC includes ... and supports ...": one part of many
    if root.lemma_ in _PART_VERBS and root.tag_ in ("VBZ", "VBP"):
        subj = next((c for c in root.children if c.dep_ == "nsubj" and c.i < root.i), None)
    elif (
        root.lemma_ == "use"
        and root.tag_ == "VBN"
        and any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in root.children)
    ):
        if not any(c.dep_ == "xcomp" and _to_do(c) or c.dep_ == "prep" and c.lower_ == "for" for c in root.children):
            return False
        subj = next((c for c in root.children if c.dep_ == "nsubjpass" and c.i < root.i), None)
    else:
        return False
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or any(t.dep_ != "det" for t in doc[: subj.left_edge.i]):
        return False
    if doc[subj.left_edge.i].lower_ in _DEMONSTRATIVES or doc[subj.left_edge.i].lower_ in _INNER:
        return False
    if _phrase_key(subj) != key:  # "The internal registers" under "Cortex-M7 Registers": the title's head after a name only
        head = term_key(subj.text).replace("-", " ")
        span = doc[subj.left_edge.i + (doc[subj.left_edge.i].dep_ == "det") : subj.right_edge.i + 1]
        if head != words[-1] or any(t.i != subj.i and (t.dep_ != "amod" or t.pos_ != "ADJ") for t in span):
            return False
        if not _named_head(title, words[-1]):
            return False  # "The major psychological disorders include ..." under "Feeding and Eating Disorders"
    why = leans_on_context(doc)
    # "comprises the following: (i) a cave-like sanctum ...": the list it points to follows in the sentence itself
    return why is None or "the following" in why and re.search(r"\bthe following\s*:\s*\S(?:\S*\s+){7}", s.text) is not None


#: Verbs by which a sentence says what a kind of thing sets out to do: "Ontological arguments ... try to deduce ...".
_ATTEMPT_VERBS = frozenset("try attempt seek aim".split())


def _attempts(s: Sentence, key: str) -> bool:
    """True when ``s`` opens with the title's term and says what such things set out to do ("Ontological arguments for
    God's existence try to deduce God's existence from the very concept of God.", set 26's false "none")."""
    if not any(w in s.text.lower() for w in ("try", "tries", "attempt", "seek", "aim")) or key.split()[0] not in s.text.lower():
        return False
    doc = s.parsed
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ not in _ATTEMPT_VERBS or not any(c.dep_ == "xcomp" and _to_do(c) for c in root.children):
        return False
    subj = next((c for c in root.children if c.dep_ == "nsubj" and c.i < root.i and c.pos_ == "NOUN"), None)
    if subj is None or any(t.dep_ != "det" for t in doc[: subj.left_edge.i]) or doc[subj.left_edge.i].lower_ in _DEMONSTRATIVES:
        return False
    name = " ".join(t.text for t in doc[subj.left_edge.i : subj.i + 1] if t.dep_ != "det")
    return term_key(name).replace("-", " ") == key


def _followers_claim(s: Sentence, stem: str) -> bool:
    """True when ``s`` opens with a school's followers ("Consequentialists", "The utilitarian", "Deontologists")
    stating a view: a view verb and the clause it states."""
    if not re.match(rf"(?:the\s+)?{re.escape(stem)}(?:ists?|ians?|ogists?)\b", s.text, re.I):
        return False
    root = next((t for t in s.parsed if t.dep_ == "ROOT"), None)
    return root is not None and root.lemma_ in _VIEW_VERBS and any(c.dep_ == "ccomp" for c in root.children)


def _subject_term(doc) -> str | None:
    """The noun phrase a sentence's main clause is about, without its determiner ("standard of care")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")] if root is not None else []
    if not subj or subj[0].pos_ not in ("NOUN", "PROPN") or subj[0].i > root.i:
        return None
    hedges = {t.i for c in subj[0].children if c.dep_ == "prep" and _hedge(c) for t in c.subtree}
    tokens = [
        t
        for t in doc[subj[0].left_edge.i : subj[0].right_edge.i + 1]
        if not (t.dep_ == "det" and t.i == subj[0].left_edge.i) and t.i not in hedges
    ]
    text = "".join(t.text_with_ws for t in tokens).strip()
    return text if 1 <= len(text.split()) <= 5 and text[:1].isalpha() and len(text) > 2 else None


#: Nouns of a hedge set beside a subject: "Virtual archaeology in many ways is ..." (set 24: "What is virtual
#: archaeology in many ways?").
_HEDGE_NOUNS = frozenset("way ways respect respects sense part general particular fact practice short essence turn".split())


def _hedge(prep) -> bool:
    """True for "in many ways", "in some respects", "in general", "in practice": no part of the subject's name."""
    return prep.lower_ in ("in", "for") and any(o.dep_ == "pobj" and o.lower_ in _HEDGE_NOUNS for o in prep.children)


def _may_name(text: str, keys: list[list[str]]) -> bool:
    """False when no term of ``text`` can have one of ``keys`` (a key's words, each as ``term_key`` makes it) as its
    key, so a parse could not find one: each word of a key is a word of the text, singular (it may end in "y" where
    the text has "ies"), so all but its last letter are in the text (as it is, or cleaned as ``term_key`` cleans a
    term: an "(ABBR)" left out)."""
    texts = [t.lower().replace("’", "'") for t in (text, clean_term(text))]
    return any(all(w[:-1] in t for w in words) for words in keys for t in texts)


def key_definitions(sentences: list[Sentence], key_terms: set[str], mentions: dict[str, int]) -> list[tuple[str, Sentence]]:
    """(term, sentence) for sentences defining one of the topic's key terms (one it ranks, or one its text keeps
    using: three mentions), in source order: the definition of a topic whose title names no defined term."""
    out = []
    wanted = [k.split() for k in {*key_terms, *(k for k, n in mentions.items() if n >= 3)} if " " in k or zipf(k) < 5.0]
    candidates = [
        s
        for s in sentences
        if s.alone
        and s.n_words <= ITEM_WORDS + 10
        and re.search(r"\b(?:is|are|means?|refers?|denotes?|called|known)\b", s.text)
        and _may_name(s.text, wanted)
    ]
    prime(candidates)  # one batch: faster than a parse at a time
    for s in candidates:
        term = _subject_term(s.parsed)
        if term is None or term[:1].isdigit():
            continue
        key = term_key(term)
        if key not in key_terms and mentions.get(key, 0) < 3 or " " not in key and zipf(key) >= 5.0:
            continue
        if definition_kind(s.parsed, term) is not None and _standalone(s.parsed) and not hollow(s.parsed):
            out.append((term, s))
    return out
