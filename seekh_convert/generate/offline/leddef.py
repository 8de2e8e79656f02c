"""Definitions of a heading's term that ``wholedef`` and the title finders miss because of their shape (teacher
verdicts, issue 17, set I):

- a lead-in clause before the defining clause: "If a musical function describes ..., then a harmonic function
  describes the role that a particular chord plays ..."; "Reasoning by analogy with the discrete case, the area
  under the demand curve ... is called the consumer surplus" (``trim_lead`` also cuts such a lead from a card);
- a slide bullet that ends open and goes on in its sub-bullets: "A Markov Chain is (roughly) a (discrete-time)
  process that" / "Changes state stochastically and" / "Whose state at time t only depends on ...";
- a procedure a "Finding X" title names: "To determine the function of a chord, find the function that ...".

Each parse confirms the shape; nothing is emitted where the parse does not. Each finder gives (term, text, ref,
front, back, kind) tuples, the fields of ``wholedef.Found``.
"""

from __future__ import annotations

import re

from seekh_convert.generate.offline.cards import ask_what, shown_case
from seekh_convert.generate.offline.framing import framed
from seekh_convert.generate.offline.glosses import remark
from seekh_convert.model.document import BlockKind
from seekh_convert.model.sources import ref_at
from seekh_convert.text import parse
from seekh_convert.text.grammar import definition_kind
from seekh_convert.text.lexicon import word_classes
from seekh_convert.text.terms import term_key, term_pattern
from seekh_convert.text.words import STOPWORDS, surface_words

#: A lead-in that leans on what came before or sets a condition; "In chemistry, ..." keeps its field (not cut).
_LEAD = re.compile(
    r"^(?P<lead>(?:If|When|Whereas|While|Since|Because|Reasoning|By analogy|As before|As above|Similarly|Likewise"
    r"|Analogously|Following|Using|Given|Roughly|Informally|Intuitively|Formally|Put simply|Simply put|In this (?:case|way|sense)"
    r"|In other words|In short|That is)\b[^,;:]{0,160}),\s+(?:then\s+)?(?P<rest>(?:[Tt]he|[Aa]n?|[A-Z])\S*\s.+)$"
)
#: A bullet that stops mid-clause: its sub-bullets finish it.
_OPEN_END = re.compile(r"\b(?:that|which|who|whose|where|and|or|of|is|are|by|with|to)\s*:?\s*$|:\s*$")
_GERUND_TITLE = re.compile(r"^(?:Finding|Determining|Calculating|Computing|Identifying|Choosing|Measuring|Estimating)\s+", re.I)


def trim_lead(text: str, term: str) -> str | None:
    """``text`` without a lead-in clause ("If ..., then", "Reasoning by analogy with ..., ") when what is left
    defines ``term`` by its parse (capitalised); None when there is no such lead or the rest defines nothing."""
    m = _LEAD.match(text.strip())
    if m is None or not term or not term_pattern(term).search(m.group("rest")):
        return None
    rest = m.group("rest")
    rest = rest[:1].upper() + rest[1:]
    doc = parse.parse(rest)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    present = root is not None and (
        root.tag_ in ("VBZ", "VBP") or any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in root.children)
    )
    if not present or any(c.tag_ == "MD" for c in root.children):
        return None  # "the total sample size ... should be about 63% of ...": an estimate, not what the term is
    if definition_kind(doc, term) is None:
        return None
    return rest if rest[-1:] in ".!?" else rest + "."


#: First words of a term that point at the text around it ("the remaining integral").
CONTEXT_MODIFIERS = frozenset(
    "remaining above following same other former latter previous next last given resulting similar such another".split()
)  # "What is a similar problem?" (set 36): similar to what?


def shown_cards(cards: list) -> list:
    """The cards as shown: a lead-in cut from an answer (``lead_cut``); no "What is the remaining integral?" (a term
    that names a place in a derivation, not a concept) nor "What is Data Citation Example?" (a label of a shown case),
    no card answered by a bare equation; a term of common words answered by a bare gloss framed by its heading
    (``framing.framed``)."""
    from seekh_convert.text.defining import asked_term

    out = []
    for card in cards:
        term = asked_term(card.front) if card.kind == "basic" else None
        if card.kind == "basic" and _formula(card.back):
            continue  # "What is forward model?" -> "X̂⁻ₜ₊₁ = A · x̂ₜ + B · uₜ.": an equation says nothing without its words
        if term and (term.split()[0].lower() in CONTEXT_MODIFIERS or shown_case(term)):
            continue  # "What is the remaining integral?", "What is Data Citation Example?" (set 18)
        if term and _PERSONAL.search(term):
            continue  # "What is the case we're most concerned with?" (set 32): the writer's case, not a term
        if term and len(term.split()) <= 2 and term.split()[-1].lower() in _RELATIVE_NOUNS:
            continue  # "What is a notable exception?" (set 38): an exception to what the text said before
        card = lead_cut(card)
        if card.kind == "basic" and (front := framed(card.front, card.back, card.source.section)) != card.front:
            card = card.model_copy(update={"front": front})
        if term and (back := unlabelled(card.back, term)) != card.back:
            card = card.model_copy(update={"back": back})  # (after framing: a labelled answer needs no frame)
        out.append(card)
    return out


#: Nouns that are always of something else: "a notable exception", "the main difference".
_RELATIVE_NOUNS = frozenset("exception exceptions difference differences answer reason solution result outcome".split())
#: A personal pronoun in a term: the writer's or the reader's own case ("the case we're most concerned with").
_PERSONAL = re.compile(r"\b(?:we|we're|we\u2019re|our|you|you're|you\u2019re|your)\b", re.I)


#: "(a) Body Centred Unit Cells: – If one ...", "Good Neighbor Policy: A policy aimed ...": an entry's label before
#: the answer (a list mark, the term, a colon and a dash).
_LABEL = re.compile(r"^(?:\(?[a-z0-9]{1,3}[.)]\s+)?(?P<label>[^:]{2,80}?)\s*:\s*(?:[\u2013\u2014-]\s*)?(?P<rest>\S.{15,})$", re.S)


def unlabelled(back: str, term: str) -> str:
    """A card's answer without the label naming its own term ("What is the Good Neighbor Policy?" answered "A policy
    aimed at ...", not "Good Neighbor Policy: A policy aimed at ...", set 32's edits); other answers as they are."""
    from seekh_convert.text.terms import term_key

    m = _LABEL.match(back)
    if m is None:
        return back
    label, want = term_key(m.group("label").replace("-", " ")), term_key(term.replace("-", " "))
    if not label or label != want:
        return back
    rest = m.group("rest")
    return rest[:1].upper() + rest[1:]


def _formula(text: str) -> bool:
    """True for an answer that is an equation with hardly a word around it."""
    return "=" in text and len(re.findall(r"[^\W\d_]{3,}", text)) < 3


def lead_cut(card):
    """A "What is X?" card whose answer opens with a lead-in clause ("Reasoning by analogy with the discrete case,
    ..."), with that lead cut where the rest still defines X; other cards as they are."""
    from seekh_convert.text.defining import asked_term

    if card.kind != "basic" or not _LEAD.match(card.back):
        return card
    term = asked_term(card.front)
    rest = trim_lead(card.back, term) if term else None
    return card.model_copy(update={"back": rest}) if rest else card


def led_definitions(ta, terms: list[str]) -> list:
    """``Found`` definitions of ``terms`` (the topic's heading terms) behind a lead-in clause."""
    out = []
    for s in ta.sentences:
        if s.n_words > 45 or not s.complete or not _LEAD.match(s.text.strip()):
            continue
        for term in terms:
            rest = trim_lead(s.text, term)
            if rest is None:
                continue
            kind = definition_kind(parse.parse(rest), term)
            front = _means_front(rest, term) if kind == "means" else ask_what(term, rest)
            out.append((term, rest, s.ref(), front, rest, "led"))
            break
    return out


def _means_front(rest: str, term: str) -> str:
    """ "What does a harmonic function describe?" for "A harmonic function describes ..."."""
    m = re.match(rf"^(?P<np>(?:the |an? )?{term_pattern(term).pattern})\s+(?P<verb>\w+)", rest, re.I)
    verbs = {"describes": "describe", "means": "mean", "denotes": "denote", "represents": "represent", "refers": "refer to"}
    if m is None or m.group("verb").lower() not in verbs:
        return f"What does {term} mean?"
    np = m.group("np")
    return f"What does {np[:1].lower()}{np[1:]} {verbs[m.group('verb').lower()]}?"


def continued_bullets(ta, terms: list[str]) -> list:
    """ "A Markov Chain is (roughly) a (discrete-time) process that" and the sub-bullets that finish it: one
    definition when the joined text defines a heading term by its parse."""
    blocks = ta.topic.blocks
    out = []
    for i, block in enumerate(blocks):
        text = block.text.strip()
        if not block.bullet or not block.usable or not _OPEN_END.search(text):
            continue
        subs = []
        for b in blocks[i + 1 :]:
            if not b.bullet or b.bullet <= block.bullet or not b.usable:
                break
            subs.append(b.text.strip())
        if not 1 <= len(subs) <= 4:
            continue
        parts = [text.rstrip(":").rstrip()] + [f"{t[:1].lower()}{t[1:]}" if t[1:2].islower() else t for t in subs]
        joined = re.sub(r"\s+", " ", " ".join(p.rstrip(";,") for p in parts)).strip()
        joined = joined if joined.endswith(".") else joined + "."
        if len(surface_words(joined)) > 60:
            continue
        for term in terms:
            found = term_pattern(term).search(joined)
            if found is None or found.start() > 4:
                continue
            if definition_kind(parse.parse(joined), term) is None:
                continue
            quote = " … ".join([text, *subs])
            ref = ref_at(block, 0, len(block.text), block.text).model_copy(update={"quote": quote})
            out.append((term, joined, ref, ask_what(term, joined), joined, "continued"))
            break
    return out


def procedures(ta) -> list:
    """ "To determine the function of a chord, find the function that includes all the scale degrees ..." under the
    title "Finding the function of a chord": the procedure the title names, with the sentence after it when it goes on
    ("If more than one function contains all the scale degrees, take ...")."""
    title = re.sub(r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?", "", ta.topic.title.strip())
    m = _GERUND_TITLE.match(title)
    if m is None:
        return []
    obj = re.sub(r"^(?:the|an?)\s+", "", title[m.end() :].strip(), flags=re.I)
    if not obj or len(obj.split()) > 6:
        return []
    rx = re.compile(
        rf"(?:^|(?<=[.!?] ))To (?:find|determine|identify|calculate|compute|choose|measure|estimate|work out) "
        rf"(?:the |an? )?{term_pattern(obj).pattern}, (?P<how>[a-z][^.!?]{{10,300}}[.!?])"
        r"(?: (?P<more>If [^.!?]{10,200}[.!?]))?"
    )
    for block in ta.topic.blocks:
        if block.kind is not BlockKind.PARAGRAPH or not block.usable:
            continue
        found = rx.search(block.text)
        if found is None:
            continue
        doc = parse.parse(found.group("how"))
        if doc[0].tag_ != "VB":
            continue  # "To find X, we ..." says what someone did, not what to do
        quote = found.group()
        front = f"How do you {_verb(m.group())} the {obj}?"
        return [(obj, quote, ref_at(block, found.start(), found.end(), quote), front, quote, "procedure")]
    return []


def _verb(gerund: str) -> str:
    """ "Finding" -> "find", "Determining" -> "determine", "Computing" -> "compute"."""
    word = gerund.strip().lower()
    return {
        "finding": "find",
        "determining": "determine",
        "calculating": "calculate",
        "computing": "compute",
        "identifying": "identify",
        "choosing": "choose",
        "measuring": "measure",
        "estimating": "estimate",
    }.get(word, word)


_ORDINAL = r"(?:\d{1,2}(?:st|nd|rd|th)|[Zz]eroth|[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth)"
#: "0th Law: If two systems are both in thermal equilibrium with a third system, then ..." (a law stated after its label).
_LAW_LINE = re.compile(
    rf"^(?P<label>(?:(?P<owner>[A-Z][a-z]+['’]s) )?(?P<nth>{_ORDINAL}) (?P<kind>[Ll]aw|[Pp]rinciple|[Rr]ule|[Pp]ostulate|[Aa]xiom)"
    r"(?P<of> of [a-z][a-z ]{2,40})?)\s*:\s+(?P<body>[A-Z][^:=<>∆∑∫≤≥±×]{20,400}?[.])(?:\s|$)"
)
#: "By “threshold quantifier” we mean that the average confidence in its truth is a monotonic function of the model size."
_WE_MEAN = re.compile(
    r"(?:^|(?<=[.!?] ))By [\"“‘]?(?P<term>[A-Za-z][\w\- ]{2,40}?)[\"”’]?,? (?:we|I) mean (?P<body>[^.!?]{15,300}[.])"
)
_ORDINALS = {"0th": "zeroth", "1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth", "5th": "fifth"}


def law_lines(ta) -> list:
    """ "3rd Law: A system's entropy approaches a constant value as its temperature approaches absolute zero." under
    "Laws of thermodynamics": "What does the third law of thermodynamics state?" (maths in the statement: no card);
    a series of four or more is left to the labelled-series questions."""
    label = re.compile(rf"^(?:[A-Z][a-z]+['’]s )?{_ORDINAL} (?:[Ll]aw|[Pp]rinciple|[Rr]ule|[Pp]ostulate|[Aa]xiom)\b[^:]{{0,40}}:")
    lines = [b for b in ta.topic.blocks if b.usable and label.match(b.text.strip())]
    if len(lines) >= 4:
        return []  # a series of four or more: "Which law ... states that ...?" asks them (``labelled``)
    m_title = re.search(
        r"\b(?:laws|principles|rules|postulates|axioms) (?P<of>of [a-z][\w ]{2,40})$", ta.topic.title.strip(), re.I
    )
    out = []
    for block in ta.topic.blocks:
        m = _LAW_LINE.match(block.text.strip()) if block.usable and block.kind is BlockKind.PARAGRAPH else None
        if m is None or len(surface_words(m.group("body"))) > 45:
            continue
        nth = m.group("nth").lower()
        nth = _ORDINALS.get(nth, nth)
        of = m.group("of") or (f" {m_title.group('of').lower()}" if m_title else "")
        owner = f"{m.group('owner')} " if m.group("owner") else "the "
        label = f"{owner}{nth} {m.group('kind').lower()}{of}"
        body = m.group("body")
        start = block.text.find(m.group())
        quote = m.group().strip()
        front = f"What does {label} state?"
        out.append((label.removeprefix("the "), body, ref_at(block, start, start + len(quote), quote), front, body, "law"))
    return out


#: "The definition of a process, informally, is quite simple: it is a running program [V+65,BH70]." (set 19's OSTEP)
_DEFINITION_OF = re.compile(
    r"(?:^|(?<=[.!?] ))(?:The|A|Our|One) (?:(?:simple|simplest|formal|informal|basic|usual|standard) )?definition of "
    r"(?:(?:an?|the) )?(?P<term>[A-Za-z][\w\-]*(?: (?!(?:is|are|that|it)\b)[a-z][\w\-]*){0,3}),?(?: [a-z]+,)? is"
    r"(?: (?:quite |very |rather )?(?:simple|straightforward|this))?(?:: (?:it|this|that) is| that it is|:)? "
    r"(?P<body>(?:an?|the) [^.!?\[(]{8,200}?)\s*(?:\[[^\]]{1,40}\]\s*)?[.]"
)


def definition_of(ta) -> list:
    """ "The definition of a process, informally, is quite simple: it is a running program": the source names the
    sentence a definition, so "What is a process?" is answered by what follows ("A process: a running program.")."""
    out = []
    for block in ta.topic.blocks:
        if not block.usable or block.kind is not BlockKind.PARAGRAPH:
            continue
        for m in _DEFINITION_OF.finditer(block.text):
            term, body = m.group("term"), m.group("body").strip()
            if term.split()[0].lower() in STOPWORDS or len(surface_words(body)) < 2:
                continue
            root = next((t for t in parse.parse(body) if t.dep_ == "ROOT"), None)
            if root is None or root.pos_ not in ("NOUN", "PROPN") or re.match(r"an? (?:little|bit|lot)\b", body):
                continue  # "The definition of ecotourism is a little vague.": a remark on the definition, not one
            quote = m.group()
            text = f"{term[:1].upper()}{term[1:]}: {body}."
            out.append((term, text, ref_at(block, m.start(), m.end(), quote), ask_what(term, quote), quote, "definition-of"))
    return out


#: "So, what is desalination? It is the process used to remove minerals from saline water so as to produce
#: freshwater.": a lecturer's question and its answer (set 24's speaker notes).
_ASKED_THEN_SAID = re.compile(
    r"(?:^|(?<=[.!?] ))(?:(?:so|now|okay|ok|well|and|but)\s*,?\s+)?what (?:is|are) (?:(?:an?|the) )?"
    r"(?P<term>[A-Za-z][\w\-]*(?: [a-z][\w\-]*){0,3})\?\s+(?:it|they|this|that)(?: is|'s|\u2019s| are) "
    r"(?P<body>(?:an?|the) [^.!?\[(]{8,200}?)[.]",
    re.I,
)


def asked_then_said(ta) -> list:
    """ "So, what is desalination? It is the process used to remove minerals ...": the source asks what a term is
    and answers at once, so "What is desalination?" is answered by the answer ("Desalination: the process ...")."""
    out = []
    for block in ta.topic.blocks:
        if not block.usable or block.kind is not BlockKind.PARAGRAPH:
            continue
        for m in _ASKED_THEN_SAID.finditer(block.text):
            term, body = m.group("term"), m.group("body").strip()
            if term.split()[0].lower() in STOPWORDS or len(surface_words(body)) < 4:
                continue
            genus = next(iter(parse.parse(body).noun_chunks), None)  # "the process (used to remove ...)"
            if genus is None or genus.start != 0 or genus.root.pos_ != "NOUN" or genus.root.lemma_ in _NOT_GENUS:
                continue  # "What is the answer? It is a thing we ...": no class the term belongs to
            quote = m.group()
            text = f"{term[:1].upper()}{term[1:]}: {body}."
            out.append((term, text, ref_at(block, m.start(), m.end(), quote), ask_what(term, text), text, "asked-then-said"))
    return out


def we_mean(ta) -> list:
    """ "By “threshold quantifier” we mean that ...": the source's own definition of a term, in its words."""
    out = []
    for block in ta.topic.blocks:
        m = _WE_MEAN.search(block.text) if block.usable else None
        if m is None or len(m.group("term").split()) > 4 or m.group("body").startswith("to "):
            continue  # "By then we mean to have shown ...": an intention, no term
        quoted = block.text[m.start("term") - 1 : m.start("term")] in "\"“‘'"
        if m.group("term").split()[0].lower() in STOPWORDS and not quoted:
            continue  # (a word the source puts in quotes is its term: "By “use” I mean the ways that ...", set 28)
        term, body = m.group("term").strip(), m.group("body")
        quote = m.group()
        text = f"By {term} we mean {body}"
        out.append((term, text, ref_at(block, m.start(), m.end(), quote), f"What is meant by “{term}”?", quote, "we-mean"))
    return out


#: "... something called surveillance, which is the determining of how many people in a population have a particular
#: disease": a term, then a relative clause that says what it is (spoken lectures define this way).
_WHICH_IS = re.compile(
    r"(?:(?P<called>\b(?:called|known as|termed|the (?:term|word|concept)) )|\b)(?P<term>[A-Za-z][\w\-]*(?: [a-z][\w\-]*){0,2})"
    r", which (?:is|are|refers? to) "
    r"(?P<body>(?:a|an|the) [^,.;:?!]{12,200}?)(?=[.;?!]|, |$)"
)
_NOT_GENUS = frozenset("thing one way part kind type example case something lot bit number result problem".split())
#: Determiners that point at one particular thing the text has named, not at the class the term names
_PARTICULAR = frozenset("this that these those its their his her our my your".split())


def _particular(lead: list[str]) -> bool:
    """ "compute the answers to this query, which is a set of documents ..." (set 67's lecture): one query, and the
    clause may say what the answers are."""
    return bool(lead) and lead[-1].lower() in _PARTICULAR


def which_is(ta) -> list:
    """ "X, which is a/the ..." or "which refers to" where X is a key term of the topic (or named by "called X", "the
    term X": set 56's "the term caste, which refers to a set of ..."): "What is X?" answered by
    the relative clause, as "X: the ...". The clause's parse must give a noun narrowed down ("the determining of how
    many people ...", "a process of weighing ...")."""
    keys = {t.key for t in ta.terms}
    out = []
    for block in ta.topic.blocks:
        if not block.usable or block.kind is not BlockKind.PARAGRAPH:
            continue
        for m in _WHICH_IS.finditer(block.text):
            term, body = m.group("term"), m.group("body")
            words = term.split()
            before = block.text[: m.start("term")].split()[-1:]
            if {w.lower() for w in words[:1] + before} & _PARTICULAR:
                continue  # "This knowledge area, which is the HR management of the project": one area, not the class
            # the longest tail of the words that starts with no verb ("includes screening" -> "screening")
            tails = [" ".join(words[i:]) for i in range(len(words)) if word_classes(words[i].lower()) != {"VERB"}]
            known = [n for n in tails if any(k == term_key(n) or k.endswith(" " + term_key(n)) for k in keys)]
            term = (tails[0] if tails else None) if m.group("called") else (known[0] if known else None)
            if not term or term.lower() in STOPWORDS or len(surface_words(body)) < 5:
                continue
            lead = (block.text[: m.start("term")] + m.group("term")[: len(m.group("term")) - len(term)]).split()[-1:]
            if lead and re.fullmatch(r"[\d.,]+", lead[-1]):
                continue  # "the graph of 2 pi r, which is a straight line ..." (set 35): "pi r" cut from a formula
            if term.lower().startswith("the ") or [w.lower() for w in lead] == ["of"] or _particular(lead):
                continue  # "the absence of the dog, which is a circumstance outside their control" (set 27): the
                # clause says what the absence was, and "the dog" is the example's one dog
            doc = parse.parse(body)
            genus = next((t for t in doc if t.dep_ == "ROOT"), None)
            if genus is None or genus.pos_ != "NOUN" or genus.lemma_ in _NOT_GENUS or doc[0].head.i != genus.i:
                continue  # "a little wishy-washy to start with": no noun the article opens, no class to put the term in
            if not any(c.dep_ in ("prep", "relcl", "acl") for c in genus.children) or remark(doc):
                continue  # (or only a remark: "schools, which is a highly controversial topic in itself")
            text = f"{term[:1].upper()}{term[1:]}: {body}."
            start = m.start("body")  # the quote is the defining clause, which the answer repeats word for word
            ref = ref_at(block, start, m.end("body"), body)
            out.append((term, text, ref, ask_what(term, ""), text, "which"))
        for m in _WHICH_WHEN.finditer(block.text):
            words = m.group("term").split()
            # not the object of a longer name: "the heresy of paraphrase, which happens when ..." (set 34's wrong key)
            tails = [" ".join(words[i:]) for i in range(len(words)) if not i or words[i - 1].lower() != "of"]
            term = next((t for t in tails if term_key(t) in keys), None)  # "is algorithmic bias" -> "algorithmic bias"
            if term is None or term.split()[0].lower() in _PARTICULAR | {"the"}:
                continue
            begin = m.end("term") - len(term)
            quote = block.text[begin : m.end("cond")]
            text = f"{term[:1].upper()}{term[1:]} {m.group('v')} when {m.group('cond')}."
            ref = ref_at(block, begin, m.end("cond"), quote)
            out.append((term, text, ref, ask_what(term, ""), text, "occurs"))  # a card, not the topic's Definition
    return out


#: "One major concern is algorithmic bias, which occurs when AI systems trained on biased data replicate ...": the
#: term, then when it occurs (set 27's Word notes gave a blank on the term instead).
_WHICH_WHEN = re.compile(
    r"\b(?P<term>[a-z][\w\-]*(?: [a-z][\w\-]*){0,2}), which (?P<v>occurs|happens|arises) when (?P<cond>[^.;:?!]{12,200}?)(?=[.;?!])"
)
