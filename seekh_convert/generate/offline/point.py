"""A key takeaway's title that names its point, built from the sentence's parse: its subject, verb and the head of
what the verb says ("Noble gases have full valence shells"), or "Why ..." where the sentence gives a reason
("Why noble gases rarely form bonds"). None when the parse offers no such clause (the caller keeps its own title).
"""

from __future__ import annotations

from seekh_convert.generate.offline.sentences import Sentence
from seekh_convert.text.terms import term_key

#: Words a title has at most.
MAX_WORDS = 10
_REASONS = frozenset({"because", "since"})
_VAGUE = frozenset("some any certain various".split())
_CONDITIONS = frozenset({"if", "unless", "although", "though", "whereas", "provided"})
_COMPLEMENTS = ("dobj", "attr", "acomp", "oprd", "xcomp", "ccomp", "dative")
_CHUNK_DEPS = frozenset({"det", "amod", "compound", "nummod", "poss", "nmod", "advmod", "npadvmod", "case", "punct"})
_POINTING = frozenset("this that these those it they he she its their his her such we you i".split())
#: An article a title leaves out ("The bond energy is ..." -> "Bond energy is ..."; "An atom achieves ..." keeps its "An").
_LEADING = frozenset({"the"})
_NAMING = frozenset("call know term name define describe refer denote mean".split())
#: Subjects that point at the material, not at the subject matter ("Exhibit 8-3 shows ...").
_MATERIAL = frozenset("figure fig table exhibit panel chapter section example equation book study paper author authors".split())


def _gives_reason(clause) -> bool:
    """True for a clause saying why ("because ...", "since ...", "so that ...", "in order to ...")."""
    marks = [m.lower_ for m in clause.children if m.dep_ in ("mark", "advmod", "aux")]
    return any(m in _REASONS for m in marks) or "so" in marks and "that" in marks or "order" in {t.lower_ for t in clause.lefts}


def _why_verb(root, reason: bool) -> list | None:
    """The bare verb of a clause that says why it happens ("A foreign key exists so that ..."), else None."""
    if reason and root.pos_ == "VERB" and not any(c.dep_ in _COMPLEMENTS for c in root.children):
        return [root]
    return None


def _chunk(head) -> list:
    """The noun phrase of ``head`` up to the head: its determiners, adjectives and compounds ("full valence shells"),
    with an "of" phrase after it when one follows ("the strength of the prior")."""
    left = [t for t in head.subtree if t.i <= head.i and t.dep_ in _CHUNK_DEPS and _attached(t, head)]
    out = sorted([*left, head], key=lambda t: t.i)
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if obj is not None:
        out += [of, *_chunk(obj)]
    return out


#: ``_chunk`` for the other key-point titles (``keypoints``).
noun_chunk = _chunk


def _attached(tok, head) -> bool:
    """True when ``tok`` hangs on ``head`` through modifiers only (not through a clause of its own)."""
    while tok.i != head.i:
        if tok.dep_ not in _CHUNK_DEPS or tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


def _predicate(root, subj) -> list | None:
    """The verb with its auxiliaries, negation and particles, then the head phrase of its first complement."""
    verb = [
        c
        for c in root.children
        if c.dep_ in ("aux", "auxpass", "neg", "prt") or c.dep_ == "advmod" and (c.i == root.i - 1 or c.lower_ in _HEDGES)
    ]  # "Growth rates are often exponential", never "Growth rates are exponential" (set 19)
    verb = sorted([*verb, root], key=lambda t: t.i)
    comp = next((c for c in root.children if c.dep_ in _COMPLEMENTS), None)
    if comp is not None and (comp.dep_ == "dative" or any(c.lower_ in _VAGUE for c in comp.children if c.dep_ == "det")):
        return None  # "give a patient" of "... give a patient the right to ...", "provides some suggestions"
    if comp is None:
        prep = next((c for c in root.children if c.dep_ in ("prep", "agent") and c.i > root.i), None)
        word = [c for c in prep.children if c.dep_ == "pcomp" and c.i == prep.i + 1] if prep is not None else []
        objects = [c for p in (prep, *word) if p is not None for c in p.children if c.dep_ == "pobj"]
        obj = objects[0] if objects else None
        return verb + [prep, *word, *_chunk(obj)] if obj is not None else None  # "due to", "according to"
    if comp.dep_ in ("xcomp", "ccomp"):
        inner = _predicate(comp, subj) if comp.pos_ in ("VERB", "AUX") else None
        return verb + inner if inner and comp.dep_ == "xcomp" else None  # "need to recognize that ...": no
    if comp.dep_ == "attr" and comp.lemma_ == subj.lemma_ and not any(c.dep_ in ("amod", "compound") for c in comp.children):
        return None
    if comp.dep_ == "acomp" and any(c.dep_ in ("prep", "xcomp", "ccomp") for c in comp.children):
        return None  # "close to ...", "relative to ...": the adjective needs what follows
    if comp.dep_ == "acomp":
        return verb + [t for t in comp.subtree if t.i <= comp.i and _attached(t, comp)]
    if comp.dep_ == "dobj" and any(c.lower_ == "of" and not any(g.dep_ == "pobj" for g in c.children) for c in comp.children):
        return None  # "presents a common way" of "... a common way of fetching information": cut short
    if comp.dep_ == "dobj" and any(c.dep_ in ("acl", "relcl") or c.lower_ == "no" for c in comp.children):
        return None  # "has no capacity" of "... no capacity to punish": the object needs its clause
    chunk = _chunk(comp)
    if comp.dep_ == "attr" and any(t.i > chunk[-1].i for t in comp.subtree if not t.is_punct):
        if any(t.dep_ in ("amod", "compound") for t in chunk):
            return verb + chunk  # "Directional plans are flexible plans" (that set out ...): the kind names the point
        # "Magnification is the process" of "... the process of enlarging ...": the genus needs the rest (whole, or
        # the title is too long and none is made)
        chunk = [t for t in comp.subtree if not (t.is_punct and t.i == comp.right_edge.i)]
    return verb + chunk


def _names_key(tokens: list, keys) -> bool:
    text = f" {term_key(' '.join(t.text for t in tokens))} "
    return any(f" {k} " in text for k in keys)


def text_parens(tokens: list) -> bool:
    """True when the tokens open a bracket they do not close ("the newton (N")."""
    text = "".join(t.text for t in tokens)
    return text.count("(") != text.count(")")


def point_title(s: Sentence, keys: set[str] | frozenset[str] = frozenset()) -> str | None:
    """The point of ``s`` as a short clause, or None. A subject with "the" must name one of the topic's terms
    (``keys``): "The authors ...", "The vision ..." lean on their context."""
    doc = s.parsed
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    return clause_title(root, keys, s.cut)


def _cut_coordination(tokens: list) -> bool:
    """True when a noun of the title is coordinated with one it leaves out ("a patient guardian" of "a patient or
    legal guardian", "consists of short-term depression" of "... depression (STD) and short-term facilitation")."""
    inside = {t.i for t in tokens}
    for t in tokens:
        if t.pos_ in ("VERB", "AUX"):
            continue
        for c in t.subtree:
            if c.dep_ in ("conj", "cc") and c.i not in inside and (c.head.i in inside or c.head.head.i in inside):
                return True
    # "shared with other personnel" of "shared only with ...": a limiting word left out changes the point
    return any(c.lower_ in _LIMITING and c.i not in inside for t in tokens for c in t.children)


def _cut_word(tokens: list) -> bool:
    """True when the title ends inside a hyphenated word ("... give a feeling of non" of "non-mediation", set 69)."""
    last = tokens[-1]
    after = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
    return after is not None and not last.whitespace_ and after.text in ("-", "‐", "‑")


def _cut_condition(tokens: list, root) -> bool:
    """True when the title leaves out a condition on one of its words ("Statistical power is the probability of
    rejecting the null hypothesis" of "..., when it is indeed false": set 69's teacher read the title as wrong)."""
    inside = {t.i for t in tokens}
    for t in tokens:
        # on the main verb a "when" clause may be a time ("Plants grow when ..."); on "is" it is the subject's
        # condition ("X is the probability of Y, when ...")
        if t.i == root.i and root.lemma_ != "be":
            continue
        for c in t.children:
            if (
                c.dep_ == "advcl"
                and c.i not in inside
                and any(m.lower_ in _CONDITIONS | {"when", "where", "once"} for m in c.children if m.dep_ in ("mark", "advmod"))
            ):
                return True
    return False


_LIMITING = frozenset("only not never no neither nor hardly rarely solely just except".split())
#: How often or how surely a point holds: a title that drops it says more than the source ("are often exponential").
_HEDGES = frozenset("often usually generally typically sometimes rarely seldom always never mostly largely mainly".split())


def _conditional(clause, root) -> bool:
    """True for "if ...", "unless ...", "although ..." anywhere, and "when"/"where"/"once" ... before the main verb
    ("When uncertainty is high, plans should be specific", "Where EU law and UK law conflict, EU law takes precedence")."""
    marks = {m.lower_ for m in clause.children if m.dep_ in ("mark", "advmod")}
    return bool(marks & _CONDITIONS) or bool(marks & {"when", "where", "once"}) and clause.i < root.i


def _own_subject(subject: list, subj, keys) -> bool:
    """True when the subject's words name what the point is about without leaning on context: no "These bonds",
    "Some states", "The authors" ("the" only before one of the topic's terms ``keys``), no coordination cut in two
    ("a patient guardian" of "a patient or legal guardian")."""
    if any(t.lower_ in _POINTING or t.lower_ in _VAGUE and t.dep_ == "det" for t in subject) or subj.lower_ in _MATERIAL:
        return False
    if subject[0].lower_ == "the" and not _names_key(subject[1:], keys) or len(subj.text) <= 2:
        return False  # "The authors ...", "C needs four electrons", "P is true": no name of what the point is about
    return not any(c.dep_ in ("cc", "conj") and c not in subject for t in subject for c in t.children)


def clause_title(root, keys: set[str] | frozenset[str] = frozenset(), cut: int = 0) -> str | None:
    """``point_title`` of the clause headed by ``root`` (the sentence's main verb, or a clause inside it: "the
    general rule is that <clause>"); characters before ``cut`` are a left-out filler."""
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return None
    doc = root.doc
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < root.i), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or doc[subj.left_edge.i].idx < cut:
        return None
    if root.lemma_ in _NAMING or any(
        c.dep_ in ("prep", "acl", "relcl", "conj", "cc") and c.lower_ != "of" for c in subj.children
    ):
        return None  # "Pressures are called ...": a definition; "Distance between A and B ...": the subject needs its rest
    subject = _chunk(subj)
    if not _own_subject(subject, subj, keys):
        return None
    if any(c.dep_ == "advcl" and _conditional(c, root) for c in root.children):
        return None  # "If a blogger writes a story, more people link to it": the point holds only on its condition
    reason = any(c.dep_ == "advcl" and _gives_reason(c) for c in root.children)
    predicate = _predicate(root, subj) or _why_verb(root, reason)
    if predicate is None:
        return None
    tokens = subject + predicate
    if len([t for t in tokens if not t.is_punct]) > MAX_WORDS or any(t.lower_ in _POINTING for t in predicate):
        return None
    if any(t.like_num and not t.is_alpha or not (t.is_alpha or t.is_punct or "-" in t.text or "'" in t.text) for t in tokens):
        return None  # "Cost is 80 British Pounds", "dt = Eleak": numbers and symbols are no point's name
    if _cut_coordination(tokens) or text_parens(tokens) or _cut_word(tokens) or _cut_condition(tokens, root):
        return None  # "Explicit memory is divided into episodic memory" of "... episodic and semantic memory"
    if tokens[0].lower_ in _LEADING and tokens[0].i == subj.left_edge.i and not reason:
        tokens = tokens[1:]  # "The bond energy is ..." -> "Bond energy is ..."
    text = "".join(
        t.text_with_ws if i < len(tokens) - 1 and tokens[i + 1].i == t.i + 1 else t.text + " " for i, t in enumerate(tokens)
    )
    text = text.strip().rstrip(",;:")
    if reason:
        first = tokens[0]
        keep = first.pos_ == "PROPN" or first.text.isupper() and len(first.text) > 1
        return "Why " + (text if keep else text[:1].lower() + text[1:])
    return text[:1].upper() + text[1:]
