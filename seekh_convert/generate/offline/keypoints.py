"""Key takeaways: the points a source states about its topic (a claim, rule, law, finding or conclusion in a sentence
that stands alone), each titled by the point it makes, the ones the source puts weight on first."""

from __future__ import annotations

import re
from types import SimpleNamespace

from seekh_convert.generate.offline.context import carries_context, clause_context
from seekh_convert.generate.offline.point import clause_title, noun_chunk
from seekh_convert.generate.offline.sentences import Sentence
from seekh_convert.model.document import BlockKind
from seekh_convert.text import parse
from seekh_convert.text.lexicon import can_be_noun, generic_word, word_classes
from seekh_convert.text.standalone import stands_alone
from seekh_convert.text.words import surface_words

#: "0th Law: If two systems ...", "Key finding: ...": a short label, a colon, then a whole sentence.
_LABEL = re.compile(r"^(?P<label>[A-Z0-9][\w’'\-]*(?: [\w’'\-]+){0,4})\s*:\s+(?P<body>[A-Z].{20,})$")
#: Labels that mark a point as a point without naming it ("Key finding: ...").
_MARKERS = frozenset(
    "key main central important crucial finding findings point points takeaway takeaways take away lesson lessons "
    "conclusion conclusions result results summary bottom line rule note remark claim".split()
)
#: Labels that are no point ("Example: ...", "Answer: ...").
_NOT_POINTS = frozenset(
    "example examples answer answers question questions hint tip exercise solution proof step "
    "warning caution source figure table slide aside reading".split()
)
#: Labels that name a point of their own ("0th Law", "Hooke's principle", "Condition 2").
_LAWLIKE = frozenset(
    "law laws rule rules principle theorem lemma axiom postulate property condition criterion effect hypothesis "
    "corollary definition".split()
)
#: Words with which a source puts weight on a sentence ("The general rule is that ...", "the first step is").
_WEIGHT = re.compile(
    r"\b(?:key|important|importantly|essential|crucial|fundamental|principle|in general|general rule|rule|law|always|never"
    r"|must|main|central|first step|conclusion|conclude|finding|lesson|in summary|in short|overall)\b",
    re.I,
)
#: Subjects of "<X> is that <clause>": the clause is the point, the subject says what kind of point it is.
_FRAMES = frozenset("rule point idea result finding lesson principle conclusion key fact reason problem step goal aim".split())


def label_of(s: Sentence) -> tuple[str, str] | None:
    """(label, body) of a labelled statement ("0th Law: If two systems ..."), or None."""
    m = _LABEL.match(s.display)
    if m is None or s.block.kind is BlockKind.GLOSSARY:
        return None
    words = [w.lower() for w in surface_words(m.group("label"))]
    if not words or any(w in _NOT_POINTS for w in words) or len(surface_words(m.group("body"))) < 6:
        return None
    return m.group("label"), m.group("body")


def _label_title(label: str) -> str | None:
    """The label as a title when it names a law, rule or numbered point ("0th Law", "Pareto principle"), not a marker
    ("Key finding") nor a word that names no point ("Flash: No one ever died ...")."""
    words = surface_words(label)
    if all(w.lower() in _MARKERS for w in words) or not (_LAWLIKE & {w.lower() for w in words} or re.search(r"\d", label)):
        return None
    if len(words) == 1 and generic_word(words[0]):
        return None
    return label if can_be_noun(words[-1].lower()) or words[-1][:1].isupper() else None


def labelled_point(s: Sentence, keys) -> str | None:
    """The title of a labelled statement that stands alone (its body a whole clause that carries its context)."""
    found = label_of(s)
    if found is None:
        return None
    label, body = found
    if not stands_alone(body) or not carries_context(SimpleNamespace(text=body, cut=0)):
        return None
    doc = parse.parse(body)
    if not clause_context(doc):
        return None
    title = _label_title(label)
    if title is None:  # "Key finding: <the point>": titled by its own clause
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        title = clause_title(root, keys)
    return title


def framed_point(s: Sentence, keys) -> str | None:
    """ "General rule for the heat capacity of a material" of "The general rule is that the heat capacity of a material
    is ...": the clause's own title when it has one, else what kind of point it is and what about."""
    doc = s.parsed
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ != "be":
        return None
    subj = next((c for c in root.children if c.dep_ == "nsubj" and c.i < root.i), None)
    clause = next((c for c in root.children if c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children)), None)
    if subj is None or clause is None or subj.lemma_.lower() not in _FRAMES:
        return None
    inner = clause_title(clause, keys)
    if inner:
        return inner
    about = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")), None)
    if about is None:
        return None
    kind = [t for t in noun_chunk(subj) if t.lower_ not in ("the", "a", "an")]
    what = noun_chunk(about)
    if any(t.pos_ == "PRON" or t.lower_ in ("this", "these", "those", "that", "such") for t in [*kind, *what]):
        return None
    text = " ".join(t.text for t in kind) + " for " + " ".join(t.text for t in what)
    text = re.sub(r" (['’]s)\b", r"\1", text)
    return text[:1].upper() + text[1:] if len(text.split()) <= 10 else None


def weight(s: Sentence) -> int:
    """How much weight the source puts on ``s``: 2 for a labelled statement or its own summary line, 1 for a sentence
    marked as a rule, law, finding or key point, 0 otherwise."""
    if label_of(s) is not None or s.block.kind is BlockKind.SUMMARY:
        return 2
    return 1 if _WEIGHT.search(s.text) else 0


def _subject_words(root) -> list | None:
    """The main clause's noun-phrase subject (``_chunk``), when it names something without pointing back."""
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < root.i), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or any(c.dep_ in ("relcl", "acl", "conj") for c in subj.children):
        return None
    words = noun_chunk(subj)
    if words[0].i != subj.left_edge.i or any(t.pos_ == "PRON" or t.lower_ in POINTING for t in words):
        return None
    return words


POINTING = frozenset("this these those that such it they their its".split())


def _text(tokens) -> str:
    text = "".join(t.text_with_ws for t in tokens[:-1]) + tokens[-1].text
    return re.sub(r"^(?:the|a|an) ", "", text, flags=re.I)


def listed_point(s: Sentence) -> str | None:
    """ "Tonic's characteristic scale degrees" of "Tonic's characteristic scale degrees are 1, 3, 5, 6, and 7.": what
    a sentence gives the values of (its complement numbers or symbols), or None."""
    doc = s.parsed
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ != "be" or s.cut:
        return None
    after = [t for t in doc[root.i + 1 :] if not t.is_punct and t.lower_ not in ("and", "or")]
    if not after or sum(t.like_num or len(t.text) <= 2 for t in after) < 0.6 * len(after):
        return None
    words = _subject_words(root)
    if words is None or len(words) < 2 or len(words) > 8:
        return None
    text = _text(words)
    return text[:1].upper() + text[1:]


def use_point(s: Sentence) -> str | None:
    """ "What functional bass can be helpful for" of "Functional bass can be helpful for identifying ...": what its
    subject is useful for or depends on, or None."""
    doc = s.parsed
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ != "be":
        return None
    adj = next((c for c in root.children if c.dep_ == "acomp" and c.pos_ == "ADJ"), None)
    prep = next((c for c in adj.children if c.dep_ == "prep" and c.lower_ in ("for", "on", "upon")), None) if adj else None
    words = _subject_words(root)
    if prep is None or words is None or len(words) > 6 or any(c.dep_ == "neg" for c in root.children):
        return None
    aux = [t for t in root.children if t.dep_ == "aux" and t.i < root.i]
    subject = "".join(t.text_with_ws for t in words[:-1]) + words[-1].text  # "the maker of the statement"
    if subject.split()[0].istitle() and words[0].pos_ != "PROPN":
        subject = subject[:1].lower() + subject[1:]
    verb = " ".join(t.text for t in [*aux, root])
    return f"What {subject} {verb.lower()} {adj.text} {prep.text}"


def what_it_is(s: Sentence) -> str | None:
    """ "What <subject> is" for "<subject> is a/an/the <noun> ...", the subject a noun phrase of its own (no pointing
    word, no clause), else None."""
    doc = s.parsed
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ not in ("be", "mean") or root.tag_ not in ("VBZ", "VBP"):
        return None  # "The Causbys were just farmers": a story's past, not what something is
    subj = next((c for c in root.children if c.dep_ == "nsubj" and c.i < root.i), None)
    attr = next((c for c in root.children if c.dep_ in ("attr", "dobj", "xcomp", "ccomp")), None)
    if subj is None or attr is None or subj.pos_ not in ("NOUN", "PROPN") or subj.tag_ == "NN" and not list(subj.children):
        return None  # "Unit is pascals": a bare singular noun is a slide's label, not a subject
    if any(c.lower_ in ("some", "many", "most", "several", "few", "all", "every", "each") for c in subj.children):
        return None  # "Many emergency situations are also crime scenes": not what they are
    if root.lemma_ == "be" and (attr.dep_ != "attr" or attr.pos_ != "NOUN") or any(c.dep_ == "aux" for c in root.children):
        return None  # "Open data may also be personal data": no saying what it is
    if any(c.dep_ == "neg" for c in root.children) or any(c.lower_ == "only" for c in attr.subtree):
        return None  # "Induction is not the only game in town": no saying what it is
    span = list(subj.subtree)
    numbered = len(span) > 1 and span[0].i == 0 and span[0].like_num and span[1].text[:1].isupper()
    if numbered:
        span = span[1:]  # "2 A paradigm shift is ...": a footnote's number (set 71's "What 2 A paradigm shift is")
    if span[0].i != int(numbered) or len(span) > 6 or any(t.dep_ in ("relcl", "acl", "appos", "conj") for t in span):
        return None
    if any(t.lower_ in ("this", "these", "those", "that", "such", "it", "they") or t.is_quote for t in span):
        return None
    words = "".join(t.text_with_ws for t in span).strip()
    words = _lower_first(words, span[0])
    ask = "Who" if span[0].text.rstrip(".") in _PERSON_TITLES else "What"  # "Who Mrs. Bennet is" (set 21)
    return f"{ask} {words} {root.text.lower()}" if re.search(r"[A-Za-z]{3}", words) else None


#: Titles before a person's name.
_PERSON_TITLES = frozenset("Mr Mrs Ms Miss Dr Sir Lady Lord Prof Professor King Queen Prince Princess".split())


def when_it_happens(s: Sentence) -> str | None:
    """ "When proactive interference happens" for "Proactive interference happens when ...": a verb without an object
    whose clause says when; the subject a noun phrase of its own. None otherwise."""
    doc = s.parsed
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "VERB" or any(c.dep_ in ("dobj", "attr", "acomp", "ccomp", "xcomp") for c in root.children):
        return None
    if root.lemma_ in ("refer", "mean", "denote", "describe", "represent"):
        return None  # "Dichotic listening simply refers to the situation when ...": what it is, not when (set 21)
    subj = next((c for c in root.children if c.dep_ == "nsubj" and c.i < root.i), None)
    when = next((c for c in root.children if c.dep_ == "advcl" and any(m.lower_ in ("when", "if") for m in c.children)), None)
    if subj is None or when is None or subj.pos_ not in ("NOUN", "PROPN"):
        return None
    span = list(subj.subtree)
    if span[0].i != 0 or len(span) > 5 or any(t.pos_ in ("PRON", "VERB") or t.lower_ in _THAT for t in span):
        return None
    words = "".join(t.text_with_ws for t in span).strip()
    words = _lower_first(words, span[0])
    verb = " ".join(t.text for t in root.children if t.dep_ in ("aux", "neg") and t.i < root.i)
    return f"When {words} {verb} {root.text}".replace("  ", " ")


_THAT = frozenset("this these those that such".split())


def _lower_first(words: str, first) -> str:
    """The subject with its sentence capital dropped, unless it is a name or an acronym ("Zeus", "MBO")."""
    if first.pos_ != "DET" and (first.text.isupper() and len(first.text) > 1 or not word_classes(first.lower_)):
        return words
    return words[:1].lower() + words[1:]


def told(s: Sentence) -> bool:
    """True when the main clause tells what happened (its verb in the past: "Congress ignored the request")."""
    root = next((t for t in s.parsed if t.dep_ == "ROOT"), None)
    if root is None:
        return False
    return root.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in root.children)
