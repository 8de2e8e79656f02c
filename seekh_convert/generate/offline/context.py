"""Whether a sentence carries its own context: what a summary or a key takeaway may say to a student who has not
read the page. No figure or section reference, no opening that points back ("This", "These", "As shown ..."), no
pronoun subject without its noun, no question, exclamation, caption or classroom talk."""

from __future__ import annotations

import re

from seekh_convert.model.document import BlockKind

_POINTING_OPEN = re.compile(
    r"^\W*(?:this|these|those|that|it|they|he|she|its|their|his|her|such|here|above|below|also|then|thus|hence"
    r"|therefore|but|and|or|however|instead|otherwise|finally|similarly|likewise|moreover|furthermore|again"
    r"|for (?:example|instance)|in (?:addition|contrast|this|that|these|those)|on the other hand|as (?:before|above|shown|seen|mentioned"
    r"|noted|discussed|described|illustrated|we)|the (?:above|following|example|figure|table|next|previous|former|latter"
    r"|same|other|first|second|third|last|new|remaining|rest))\b",
    re.I,
)
_REFERENCE = re.compile(
    r"@(?:fig|tbl|sec|eq)-|\b(?:fig(?:ure)?s?|tables?|sections?|chapters?|slides?|equations?|eqs?|exhibits?)\.?\s*[\d@(]"
    r"|\b(?:above|below)\b(?!\s*[\d$])|\b(?:previous(?:ly)?|aforementioned|earlier|following)\b"
    r"|\b(?:next|last|previous|this|that) (?:chapter|section|lecture|slide|page|week|video|class|time)\b"
    r"|\([a-h]\)|\bnow\b|\b(?:is|are|was|were) (?:\w+ )?the same\b(?! \w+ as\b| as\b)",
    re.I,
)
_TALK = re.compile(
    r"\b(?:we|we['’](?:ll|re|ve|d)|us|our|let['’]s|you|your|I|I['’](?:m|ll|ve|d)|me|my|today|homework|exam|quiz"
    r"|assignment|morning['’]s|okay|ok|um|uh|gonna|wanna|funny|interesting thing|time is (?:almost )?up|minutes? left)\b",
    re.I,
)
_CAPTION = re.compile(
    r"^\W*(?:\(?[a-h]\)\s|shown (?:are|is|here)\b|(?:the )?(?:tick marks|shaded|dashed|dotted|solid|colou?red|numbers above"
    r"|arrows?|boxes|circles)\b|(?:top|bottom|left|right|inset|panel)\s*[:.)]|(?:fig(?:ure)?|table)\s*\d)",
    re.I,
)
_POINTING_SUBJECTS = frozenset("it they he she this these those that him her them such".split())


def carries_context(s) -> bool:
    """A cheap look at ``s`` (no parse): False for a reference to a figure or section, an opening that points back,
    a question, an exclamation, a caption or classroom talk."""
    text = s.text.strip()
    if "?" in text or "!" in text or _CAPTION.match(text):
        return False
    if _POINTING_OPEN.match(text[s.cut :] if s.cut else text):
        return False
    return not (_REFERENCE.search(text) or _TALK.search(text))


def parsed_context(s) -> bool:
    """From the parse of ``s``: its main clause has a subject (no fragment such as "Related to the performance ...",
    "Four neighbour combinations for ..."), and no pronoun subject comes before a noun subject ("Since it is fair,
    ...", "Like James Bond, he is ...")."""
    if glossed(s):
        return True  # a slide's "Term: explanation", shown with its term (``labelled``)
    return clause_context(s.parsed)


def clause_context(doc) -> bool:
    """``parsed_context`` of a parsed sentence (spaCy ``Doc``)."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in root.children):
        return False
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and _bare_definite(subject):
        return False
    for tok in doc:
        if tok.dep_ in ("nsubj", "nsubjpass"):
            if tok.pos_ == "PRON" and tok.lower_ in _POINTING_SUBJECTS:
                return False
            if tok.pos_ in ("NOUN", "PROPN"):
                return True
    return True


def _bare_definite(subject) -> bool:
    """ "The offence ...", "The claim ...", "these columns": a subject that points back to something named before
    (a determiner and a common noun, nothing saying which), or one with a pointing determiner."""
    if any(t.lower_ in ("this", "these", "those", "such") and t.dep_ == "det" for t in subject.subtree):
        return True
    kids = list(subject.children)
    return subject.pos_ == "NOUN" and len(kids) == 1 and kids[0].dep_ == "det" and kids[0].lower_ == "the"


def glossed(s) -> bool:
    """True for the explanation of a slide's "Term: explanation" line (its first sentence)."""
    return s.block.kind is BlockKind.GLOSSARY and bool(s.block.term) and s.offset == 0


def labelled(s) -> str:
    """The sentence as item text, with its slide label when it explains one ("Irreducible error: variation in ...")."""
    block = s.block
    if glossed(s):
        body = s.text.strip()
        if body.lower().startswith(f"{block.term.lower()}:"):
            return s.display  # "Software: The software components ..." says its label already (set 55: "Software: Software:")
        return f"{block.term}: {body}" + ("" if body[-1:] in '.!?"”’)' else ".")
    return s.display
