"""Multiple choice over the document's own definitions: "Which term refers to <the definition>?" and "What is <the
description> called?", the options the document's other defined terms of the same kind.

A definition is read from the parse of a sentence with a defining cue (the only sentences parsed here): a short
noun-phrase subject with "is a/an G that ..." (genus and differentia), "refers to", "is defined as", "means", or a
description "is called / known as T". Nothing is asked where the description leans on context (a pronoun) or gives
the term away, or where three distractors of the term's kind are missing.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass

from seekh_convert.generate.offline.ask import asks_for
from seekh_convert.generate.offline.cards import names_subject
from seekh_convert.generate.offline.choices import key_position, of_a_kind
from seekh_convert.generate.offline.described import ends_clause, everyday_key, exists_when, plain_lead, shouted, term_last
from seekh_convert.generate.offline.glosses import topic_definitions as glosses_of
from seekh_convert.generate.offline.sentences import Sentence, prime
from seekh_convert.model.guide import MultipleChoice, ShortAnswer
from seekh_convert.text.lexicon import can_be_noun, word_classes
from seekh_convert.text.terms import different_kinds
from seekh_convert.text.words import STOPWORDS, surface_words

_CUE = re.compile(
    r"\b(?:is|are) (?:an?|the|defined as|one of the)\b|\brefers? to\b|\bmeans\b|\b(?:is|are) (?:also )?(?:called|known as|termed)\b",
)
_PRONOUN = re.compile(r"\b(?:this|these|those|it|its|they|them|their|he|she|his|her|him|we|our|us|I)\b", re.I)
_PAIRED = re.compile(r"\b(?:he or she|his or her|him or her|he/she|his/her)\b", re.I)
_TERM_DETS = frozenset({"a", "an", "the"})
_RELATIONAL = frozenset(
    "foundation basis part type kind example result cause form number amount use role idea goal aim purpose".split()
)
_NARROWING = frozenset({"of", "for", "with", "between", "by", "from", "to"})
_PRAISE = frozenset(
    "cornerstone milestone hallmark landmark key important fundamental central crucial essential interesting fascinating"
    " major famous great beautiful elegant powerful useful remarkable good bad".split()
)
_CITATION = re.compile(r"\s*\([^()]*\b\d{4}[a-z]?\)")
_MAX_TERM_WORDS = 5
_DESC_WORDS = (4, 35)


@dataclass(frozen=True)
class Named:
    """A term, the phrase that describes it, the stem that asks for it, and its defining sentence."""

    term: str
    description: str
    stem: str
    sentence: Sentence


def _text(tokens) -> str:
    return "".join(t.text_with_ws for t in tokens).strip().rstrip(" .;:,")


def _term_of(tok) -> str | None:
    """The noun phrase of subject token ``tok`` as a term: at most five words, only a/an/the as determiner."""
    span = list(tok.subtree)
    if span and span[0].lower_ in _TERM_DETS:
        span = span[1:]
    if not span or sum(t.is_alpha for t in span) > _MAX_TERM_WORDS or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(t.pos_ in ("PRON", "DET", "VERB", "AUX", "NUM") or t.pos_ == "ADP" and t.lower_ != "of" for t in span):
        return None
    if any(t.dep_ in ("relcl", "acl") for t in span):
        return None
    if tok.lower_ in _RELATIONAL or any(t.tag_ in ("JJS", "RBS") for t in span):
        return None  # "The foundation of dynamics are the laws ...": the description names the other side
    text = _text(span)
    if span[0].i == 0 and span[0].pos_ != "PROPN" and not span[0].text.isupper():
        text = text[:1].lower() + text[1:]  # "Amino acids" at the sentence's start is "amino acids"
    return text if re.search(r"[A-Za-z]{3}", text) else None


def _fair(description: str, term: str, allow: list[str] = ()) -> bool:
    """The description stands alone, has the right length and does not give the term away."""
    if re.search(r"[“”\"‘’:;\[\]]|'(?!s\b)", description):
        return False  # a quotation, a list or a clause glued on: not one description
    n = len(description.split())
    if not _DESC_WORDS[0] <= n <= _DESC_WORDS[1] or _PRONOUN.search(_PAIRED.sub("", description)):
        return False
    have = {w.lower()[:5] for w in surface_words(description)}
    return not any(w.lower()[:5] in have for w in surface_words(term) if len(w) >= 3 and w not in allow)


def _copula(doc, root) -> Named | None:
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    attr = next((c for c in root.children if c.dep_ == "attr"), None)
    if subj is None or attr is None or attr.pos_ != "NOUN" or not _opens(doc, subj):
        return None
    if any(c.dep_ == "conj" for c in (*root.children, *attr.children)):
        return None  # "STD is the result of X, and STF of Y": two definitions in one
    if not any(c.dep_ in ("relcl", "acl", "ccomp") or c.dep_ == "prep" and c.lower_ in _NARROWING for c in attr.children):
        return None  # "X is a process", "a fundamental concept in solids": no differentia, fits many terms
    if attr.lower_ in _PRAISE or any(c.lower_ in _PRAISE for c in attr.children):
        return None  # "a cornerstone of ...", "an important idea that ...": praise, not a definition
    det = next((c for c in attr.children if c.dep_ == "det"), None)
    if det is None or det.lower_ not in ("a", "an", "the"):
        return None
    term = _term_of(subj)
    description = _text(doc[attr.left_edge.i :])
    return (term, description) if term else None


def _opens(doc, subj) -> bool:
    """The subject opens the sentence: after at most a determiner, or after a leading phrase and its comma ("In
    science, the winner's curse refers to ...")."""
    first = subj.left_edge.i
    if first <= 1:
        return first == 0 or doc[0].lower_ in _TERM_DETS
    return doc[first - 1].text == "," and not any(t.pos_ in ("VERB", "AUX", "PRON") for t in doc[: first - 1])


def _described(doc, verb) -> tuple[int, int] | None:
    """Where the description after "refers to" / "is defined as" / "means" starts and ends."""
    if verb.lemma_ in ("refer", "define"):
        prep = next(
            (c for c in verb.children if c.dep_ == "prep" and c.lower_ == ("to" if verb.lemma_ == "refer" else "as")), None
        )
        start = prep.i + 1 if prep is not None else None
    elif verb.lemma_ == "mean":
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "ccomp", "xcomp")), None)
        start = obj.left_edge.i if obj is not None else None
    else:
        return None
    if start is None or start >= len(doc):
        return None
    return start, verb.right_edge.i + 1


def _refers(doc, root) -> tuple[str, str, str] | None:
    """ "T refers to D", "T is defined as D", "T means D"."""
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or not _opens(doc, subj) or any(c.dep_ == "conj" for c in root.children):
        return None
    term, where = _term_of(subj), _described(doc, root)
    if term is None or where is None:
        return None
    return term, _text(doc[where[0] :]), root.lemma_


def _which_refers(doc) -> tuple[str, str, str] | None:
    """ "..., T, which refers to D." (a relative clause ending the sentence defines the noun it hangs on)."""
    for verb in doc:
        if verb.dep_ != "relcl" or verb.lemma_ not in ("refer", "mean") or verb.right_edge.i < len(doc) - 2:
            continue
        if not any(c.dep_ == "nsubj" and c.lower_ == "which" for c in verb.children) or verb.head.pos_ not in ("NOUN", "PROPN"):
            continue
        head, where = verb.head, _described(doc, verb)
        tokens = [t for t in head.subtree if t.i < verb.left_edge.i and t.text != ","]
        if where is None or not tokens or tokens[0].lower_ in _TERM_DETS and len(tokens) == 1:
            continue
        if tokens[0].lower_ in _TERM_DETS:
            tokens = tokens[1:]
        if len(tokens) > _MAX_TERM_WORDS or any(t.pos_ in ("PRON", "DET", "VERB", "AUX") for t in tokens):
            continue
        return _text(tokens), _text(doc[where[0] : where[1]]), verb.lemma_
    return None


def _called(doc, root) -> tuple[str, str] | None:
    """ "D is called T" / "D is known as T": the description is the passive subject."""
    subj = next((c for c in root.children if c.dep_ == "nsubjpass"), None)
    if subj is None or not plain_lead(doc, subj.left_edge.i) or root.lemma_ not in ("call", "know", "term", "name"):
        return None
    if root.lemma_ == "know":
        prep = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        target = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    else:
        target = next((c for c in root.children if c.dep_ in ("oprd", "attr", "xcomp", "dobj")), None)
    if target is None or not ends_clause(doc, root, target):
        return None  # the term ends the sentence: "... is called volume velocity."
    term_tokens = [
        t for t in doc[target.left_edge.i : target.right_edge.i + 1] if t.lower_ not in _TERM_DETS or t.i != target.left_edge.i
    ]
    if not term_tokens or len(term_tokens) > _MAX_TERM_WORDS or any(t.pos_ == "PRON" for t in term_tokens):
        return None
    description = _text(doc[subj.left_edge.i : subj.right_edge.i + 1])
    if "," in description or re.match(r"\d+(?:\.\d+)+", description):
        # "the pulling force ..., such as a rope or cable": the question would read wrong; "5.2.5 (iv) MITOCHONDRIA
        # Mitochondria are known as the powerhouses": a heading's number run in (set 49's "What is 5.2.5 (iv) called?")
        return None
    if doc[subj.left_edge.i].pos_ == "DET":
        description = description[:1].lower() + description[1:]
    return _text(term_tokens), description


def read_definition(s: Sentence) -> Named | None:
    """The definition ``s`` gives, as a question stem, or None when its parse offers none that reads well."""
    if not _CUE.search(s.text) or s.cut or not s.alone or s.n_words > 40 or ":" in s.text:
        return None
    doc = s.parsed
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    made = _called(doc, root)
    if made is not None:
        term, description = made
        plural = any(c.dep_ == "nsubjpass" and c.tag_ in ("NNS", "NNPS") for c in root.children)
        stem = f"What {'are' if plural else 'is'} {description} called?"
    else:
        made = _copula(doc, root) if root.lemma_ == "be" else _refers(doc, root) or _which_refers(doc)
        if made is None:
            return None
        term, description, *how = made
        verb = {"mean": "means", "define": "is defined as"}.get(how[0] if how else "", "refers to")
        stem = f"Which term {verb} {description}?"
    description = _CITATION.sub("", description)
    stem = _CITATION.sub("", stem)
    if not _fair(description, term):
        return None
    return Named(term, description, stem, s)


_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
#: Topics on each side whose definitions give distractors (a book's far chapters are neither parsed nor asked).
_NEAR = 3
_EARLY = re.compile(
    r"^(?:\S+\s+){0,7}?(?:is|are|refers?|means|is defined)\b|\b(?:called|known as|termed)\b|, which (?:refers|means)\b"
)


#: "Misattribution happens when you ...", "Retroactive interference occurs when ...": the term is the sentence's
#: whole subject (an article and up to four words), what follows "when" one clause that describes it, up to a colon
#: that opens its examples ("... from the work: going quiet, ...") or a comma before a participle that adds them
#: ("... against the therapist, expressing anger, ...").
_WHEN = re.compile(
    r"^(?:(?:The|A|An)\s+)?([A-Z][\w-]*(?:\s+[a-z][\w-]*){0,3})\s+(?:happens|occurs)\s+when\s+"
    r"([^,;:()]+?)(?:\.$|:\s|,\s+[a-z]+ing\b)"
)


def _when(s: Sentence) -> Named | None:
    """ "X happens/occurs when Y." asks "What is it called when Y?" (no parse needed), or None."""
    m = _WHEN.match(s.text)
    if m is None:
        return None
    term, clause = m.group(1), m.group(2)
    if term.split()[0][1:].islower():
        term = term[:1].lower() + term[1:]  # capitalised only because it opens the sentence
    return Named(term, clause, f"What is it called when {clause}?", s) if _fair(clause, term) else None


def _candidate(s: Sentence) -> bool:
    """Worth parsing: a defining cue early in the sentence (or "called"), whole, at most 40 words."""
    return not s.cut and s.n_words <= 40 and bool(_CUE.search(s.text)) and bool(_EARLY.search(s.text)) and s.alone


def _read(s: Sentence) -> Named | None:
    if not s.cut and s.alone and s.n_words <= 40 and (named := _when(s)) is not None:
        return named
    return read_definition(s) if _candidate(s) else None


def _described_last(s: Sentence, terms: list) -> Named | None:
    """A definition whose term comes last ("D is T.": a term the source marks or defines) or that says when the term
    applies ("T exists when C.": a term worth asking)."""
    marked = [t for t in terms if t.origin != "keyword" or t.defined]
    made = exists_when(s, terms) or term_last(s, marked) if terms else None
    if made is None:
        return None
    term, description, stem = made
    head = surface_words(term)[-1:] if len(surface_words(term)) > 1 else []
    return Named(term, description, stem, s) if _fair(description, term, allow=head) else None


def topic_definitions(doc, position: int) -> list[Named]:
    """The definitions of topic ``position`` of ``doc`` (a ``DocAnalysis``), read once."""
    per_doc = _CACHE.setdefault(doc, {})
    if position not in per_doc:
        todo = [s for s in doc.topics[position].sentences if _candidate(s)]
        prime(todo)
        read = [n for s in doc.topics[position].sentences if (n := _read(s)) is not None]
        seen = {id(n.sentence) for n in read}
        terms = [t for t in doc.topics[position].terms if asks_for(t)]
        read += [n for s in doc.topics[position].sentences if id(s) not in seen and (n := _described_last(s, terms))]
        seen = {id(n.sentence) for n in read}
        shaped = [n for g in glosses_of(doc.topics[position]) if id(g.sentence) not in seen and (n := _from_gloss(g))]
        per_doc[position] = [
            n if term == n.term else Named(term, n.description, n.stem, n.sentence)
            for n in read + shaped
            if (term := shouted(n.term)) is not None
        ]
    return per_doc[position]


#: Gloss shapes whose definition is a description a naming question can ask for ("Rigor mortis: temporary stiffening
#: of muscles after death", "the hedging hyperprior, a simple hyperdistribution that ...").
_DESCRIBED = frozenset({"colon", "pair", "it", "called", "apposition", "relative"})


def _from_gloss(g) -> Named | None:
    """The naming question of a definition ``glosses`` found (one finder for cards, the Definition and questions),
    when its definition reads as a noun phrase after "Which term refers to"."""
    if g.kind not in _DESCRIBED or not g.sentence.complete:
        return None
    description = g.definition.rstrip(" .")
    first = description.split()[0] if description.split() else ""
    if not first or first.isupper() and len(first) > 1:
        return None
    classes = word_classes(first)
    if first.lower() not in ("a", "an", "the") and (
        not classes & {"NOUN", "ADJ"} or "VERB" in classes and first.lower().endswith(("s", "ed"))
    ):
        return None  # "Allows a patient to ...", "Related to the performance ...": a verb phrase, not a description
    description = description[:1].lower() + description[1:]
    term = (g.named or g.term).removeprefix("the ").removeprefix("a ").removeprefix("an ")
    stem = f"Which term refers to {description}?"
    return Named(term, description, stem, g.sentence) if _fair(description, term) else None


def _shape(term: str) -> tuple[bool, bool]:
    last = (surface_words(term) or [""])[-1]
    return last[:1].isupper(), last.isupper() and len(last) > 1


def _related(a: str, b: str) -> bool:
    """Two terms too close to sit side by side: one's words hold the other's ("inverse demand", "inverse demand
    curve"), or they share a first word ("consumer surplus", "consumer welfare"); siblings that share only their
    head ("consumer surplus", "producer surplus") are the best distractors."""
    x = [w.lower()[:5] for w in surface_words(a) if len(w) >= 3]
    y = [w.lower()[:5] for w in surface_words(b) if len(w) >= 3]
    if not x or not y:
        return False
    return set(x) <= set(y) or set(y) <= set(x) or x[0] == y[0]


def _noun_like(a: str, b: str) -> bool:
    """``b`` is a noun phrase when ``a`` is: it ends in a word that can be a noun and opens with no adverb
    ("functionally dependent" is no option beside "partial dependency")."""
    words_a, words_b = surface_words(a) or [""], surface_words(b) or [""]
    if not can_be_noun(words_a[-1]):
        return True
    if words_b[-1].lower() in STOPWORDS:
        return False  # "BSP stand for": a piece of a sentence, not a term (set 20)
    return can_be_noun(words_b[-1]) and word_classes(words_b[0]) != {"ADV"}


def _prefixes(text: str) -> set[str]:
    return {w.lower()[:5] for w in surface_words(text) if len(w) >= 3}


def naming_choice(named: Named, pool: list[str]) -> MultipleChoice | ShortAnswer | None:
    """The question with the term and three terms of ``pool`` of the same kind (nearest first), or None. Where the stem
    echoes the term's head ("dependent" for "partial dependency"), a sibling with that head ("transitive dependency")
    must be among the options, so that the echo points at no single option."""
    chosen: list[str] = []
    stem_words = _prefixes(named.stem)
    echoed = _prefixes(named.term) & stem_words
    fair = stem_words - echoed
    for t in sorted(pool, key=lambda t: not echoed & _prefixes(t)):
        if _shape(t) != _shape(named.term) or _related(t, named.term) or any(_related(t, c) for c in chosen):
            continue
        if not _noun_like(named.term, t) or different_kinds(named.term, t) or not of_a_kind(named.term, t):
            continue
        if _prefixes(t) & fair:
            continue  # the stem would point at it
        chosen.append(t)
        if len(chosen) == 3:
            break
    s = named.sentence
    if len(chosen) < 3 and not echoed:  # no three options of its kind ("What is the centrally located tissue called?"
        # had three hormones, set 43): asked open, the term its answer
        says = f"The source says: “{s.display}”"
        return ShortAnswer(question=named.stem, answer=named.term, accept=[named.term[:100]], explanation=says, source=s.ref())
    if echoed and not any(echoed & _prefixes(c) for c in chosen) or len(chosen) < 3:
        return None
    pos = key_position(named.stem)
    options = [c[:1].upper() + c[1:] if named.term[:1].isupper() else c for c in chosen]
    options.insert(pos, named.term)
    return MultipleChoice(
        question=named.stem,
        options=[o[:300] for o in options],
        answer_index=pos,
        explanation=f"The source says: “{s.display}”",
        source=s.ref(),
    )


def key_of(q) -> str:
    """A question's key: the right option of a multiple choice, else its answer."""
    return q.options[q.answer_index] if isinstance(q, MultipleChoice) else q.answer


def naming_questions(
    doc, position: int | None, extra_terms: list[str], taken: set[int], asked: set[str], limit: int = 2, title: str = ""
):
    """Up to ``limit`` naming questions for topic ``position`` of ``doc``, on sentences not in ``taken`` and terms no
    card asks (``asked``: term keys) nor the ``title`` names ("New Testament" in a history of the New Testament);
    distractors are the document's other defined terms, the nearest topics first, then ``extra_terms`` (terms the
    source marks)."""
    from seekh_convert.text.terms import term_key

    if position is None:
        return []
    near = sorted(
        range(max(0, position - _NEAR), min(len(doc.topics), position + _NEAR + 1)), key=lambda i: (abs(i - position), i)
    )
    own = topic_definitions(doc, position)
    if not own:
        return []
    pool = list(dict.fromkeys([n.term for i in near for n in topic_definitions(doc, i)] + list(extra_terms)))
    pool = [t for t in pool if shouted(t) == t]  # no identifier in capitals ("OFFICE") among the options
    out = []
    for named in own:
        if id(named.sentence) in taken or term_key(named.term) in asked or everyday_key(named.term):
            continue
        if names_subject(named.term, title):
            continue
        if any(key_of(q) == named.term for q in out):
            continue
        q = naming_choice(named, [t for t in pool if term_key(t) != term_key(named.term)])
        if q is not None:
            out.append(q)
            taken.add(id(named.sentence))
            if len(out) == limit:
                break
    return out
