"""Does a sentence stand alone, out of its context? Not when it opens with an unresolved pronoun or connective
("He feared...", "Furthermore, ...", "So close the book") or is a fragment cut off mid-sentence.

Shared by the quality gate's review rubric and the offline engine, which picks only sentences that stand alone.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from seekh_convert.text.lexicon import word_classes
from seekh_convert.text.words import surface_words

_OPENING = re.compile(
    r"^\W*(?P<w>all right|in addition|as a result|on the other hand|for this reason|in contrast|by contrast|in other words"
    r"|at the same time|in this case|in turn|even so|after that|to this end|the latter|the former|"
    r"he|she|it|they|them|his|her|its|their|him|this|these|those|that|such|furthermore|moreover|however|therefore"
    r"|thus|hence|also|additionally|besides|consequently|nevertheless|nonetheless|instead|then|so|and|but|or|yet"
    r"|likewise|similarly|accordingly|otherwise|meanwhile|here|now|okay|ok|well|right|alright|anyway|um|uh|yeah"
    r"|another|indeed|conversely|alternatively|as such|if so|if not|in that case|in this way|as has been seen"
    r"|which(?![^?]*\?\s*$)"  # "Which is that the omega-3 to omega-6 ratio ...": a spoken relative clause, no question
    r"|(?:first|second|third|finally|lastly|next|last|secondly|thirdly|still|again|rather|in fact|of course)(?=\s*,))\b(?!-)",
    re.IGNORECASE,
)
_NAMED = re.compile(r"^\W*(?i:this|these|that|those)\s+(?:[A-Z]{2,}|\w*\d)")
#: "That" before a determiner or a subject pronoun opens a content clause, the answer to a "what"/"which condition"
#: question ("That the next node is not null"), not a pointer back (relay run 8's one note, a false alarm).
_CONTENT_CLAUSE = re.compile(
    r"^\W*that\s+(?:the|a|an|its|their|his|her|each|every|no|some|all|it|they|he|she|we|you|i)\s+\w", re.IGNORECASE
)
#: "Besides" before a gerund or a noun phrase is a preposition whose object follows ("Besides letting you return to
#: earlier versions, git ..."; relay run 12), not the connective "Besides, ...".
_PREPOSITION_BESIDES = re.compile(r"^\W*besides\s+(?:\w+ing\b|the\b|a\b|an\b|its\b|their\b)", re.IGNORECASE)
_DUMMY_IT = re.compile(
    r"^\W*it\s+(?:is|was|has been|can be|may be|would be|seems)\s+(?:not\s+)?(?P<w>[a-z]+)\b.*\b(?:that|to|whether|how)\b",
    re.IGNORECASE,
)
_END_WORDS = frozenset(
    "if that the a an of to and or but with for as by in on at from because which who whom whose when where while "
    "than is are was were be been its their his her this these those".split()
)

_PARTICLES = frozenset("on off in out up down over back around through".split())


def _paired_particle(words: list[str]) -> bool:
    """True when the last word is an adverb paired with another ("switched off and on", "back and forth in")."""
    return len(words) >= 3 and words[-2] in ("and", "or") and words[-3] in _PARTICLES and words[-1] in _PARTICLES


_STRANDABLE = frozenset("with for by in on at from to about into is are was were".split())
_SUBJECTS = frozenset("you we they i he she one people students".split())
#: A wh-word whose clause ends on the preposition it fronted ("...comes down to what the reader is accustomed to.").
_FRONTING = frozenset("what which whom whatever whichever".split())


def _stranded(words: list[str]) -> bool:
    """True when the last word is a preposition, particle or verb left at the end of a complete sentence: after
    its noun ("...build this clustering bias in.", "...the skills students should leave the course with.",
    "...however noisy the data are.") or in a clause with its own subject ("...the data you are interested in.") or
    a wh-word ("...what the reader is accustomed to."), not after a verb still wanting its object ("The outcome
    depends on.")."""
    if len(words) < 6 or words[-1] not in _STRANDABLE or words[-2] in _END_WORDS:
        return False
    before = words[-2]
    classes = word_classes(before)
    return (
        "NOUN" in classes
        and not before.endswith("s")
        or before in ("data", "bias", "class", "process")
        or any(w in _SUBJECTS for w in words[-5:-2])
        or _fronted(words)
    )


_DETERMINERS = frozenset("the a an this that these those his her their our its my your".split())


def _fronted(words: list[str]) -> bool:
    """True when a wh-word near the end opens a clause with its own subject ("what the reader is accustomed to",
    "which you rely on"), whose preposition it fronted; not a relative that is itself the subject ("lipids which
    are found in")."""
    start = max(0, len(words) - 7)
    for k in range(start, len(words) - 3):
        if words[k].lower() not in _FRONTING:
            continue
        nxt = words[k + 1].lower().split("’")[0].split("'")[0]
        if nxt in _DETERMINERS or nxt in _SUBJECTS or "NOUN" in word_classes(nxt) and "VERB" not in word_classes(nxt):
            return True
    return False


def dangling_opening(text: str) -> str | None:
    """The unresolved pronoun or connective ``text`` opens with ("He", "Furthermore", "So"), or None."""
    m = _OPENING.match(text)
    if m is None:
        return None
    if len(m.group("w")) > 1 and m.group("w").isupper():
        return None  # "OR alone, with no AND ...": a logic operator's name, not a connective (relay run 15)
    if _NAMED.match(text):
        return None  # "These BIOS11 lecture notes", "This DNA": the words after the demonstrative name what it is
    if _CONTENT_CLAUSE.match(text) or _PREPOSITION_BESIDES.match(text):
        return None
    dummy = _DUMMY_IT.match(text)
    if dummy and ("ADJ" in word_classes(dummy.group("w")) or dummy.group("w").endswith(("ed", "en"))):
        return None  # "It is important to note that ..."
    return m.group("w")


def _lower_term(body: str, names: Collection[str] = ()) -> bool:
    """True when a text opens with a term written in lower case: a Greek letter or symbol, or a word with a hyphen,
    digit or inner capital ("ε-greedy acts ...", "k-means groups ...", "iPhone"), or one of ``names``, the source's own
    lower-case names ("git revert undoes ..."), not a cut sentence's next word."""
    first = body.split(maxsplit=1)[0] if body.split() else ""
    # a call or a name with an underscore ("apply(data_object, ...)", "data_frame"): code, written as the language does
    return not ("a" <= first[:1] <= "z") or bool(re.search(r"[-\d_(]|[a-z][A-Z]", first.rstrip(".,;:"))) or first in names


#: An adverb ending a sentence on "on": "...arms that looked worse early on.", "...and so on."
_ADVERBIAL_ON = frozenset("early later so then further".split())


#: A run-in heading the PDF joined to the sentence after it: a few words, then a sentence's capitalised opening word
#: without a full stop between ("Existential quantification Whilst universal quantification generalises ...").
_GLUED_HEADING = re.compile(
    r"^(?:[\w'’-]+ ){0,4}[a-z][\w'’-]{2,} (?:Whilst|While|This|These|Those|When|If|We|It|Here|There|Suppose"
    r"|Consider|Recall|Since|Because|Although|However|Thus)\s"
)


def fragment(text: str, sentence: bool = True, names: Collection[str] = ()) -> str | None:
    """Why ``text`` is a dangling fragment (cut off mid-sentence, "...it states that if.", unbalanced brackets; for
    a sentence also a lower-case or ellipsis start, or fewer than four words), or None. ``names``: words the source
    itself writes in lower case where a sentence starts."""
    body = text.strip().strip("\"“”'‘’")
    words = surface_words(body)
    if not words:
        return "no words"
    if body.startswith(("…", "...")) or sentence and body[:1].islower() and not _lower_term(body, names):
        return "starts mid-sentence"
    tail = body.rstrip('.!?"”’) ')
    adverbial = len(words) >= 2 and words[-1] == "on" and words[-2].lower() in _ADVERBIAL_ON
    ended = words[-1] in _END_WORDS and tail.endswith(words[-1]) and not _paired_particle(words) and not _stranded(words)
    # "... gives its value, F(a).": the last word is a formula's argument, closed by its bracket, not a cut-off article
    argument = re.search(r"\(\s*" + re.escape(words[-1]) + r"\s*\)\W*$", body) is not None
    ended = ended and not adverbial and not argument
    if ended and not body.endswith("?"):
        return f"ends on {words[-1]!r}"  # not "...with ±.", "...of 0.1.", "...room A." nor "...come from?"
    if body.count("(") != body.count(")"):
        return "unbalanced brackets"
    if sentence and _GLUED_HEADING.match(body):
        return "a heading glued to its sentence"  # "Existential quantification Whilst universal ..." (a PDF run-in)
    if sentence and len(words) < 4:
        return "too short to be a statement"
    return None


#: A connective inside a sentence that answers the sentence before (offline set 14's casebook: "State law thus clearly
#: leaves ...", "The agency then makes its final determination", "Eligibility, in contrast, is not ..."); one joined
#: to the sentence's own clauses ("and, accordingly,", "which in turn", "if ... then") does not.
_LEANS_MID = re.compile(
    r"(?<!\band )(?<!\bbut )(?<!\band, )(?<!\bor )(?<!\bwhich )\b(?:however|thus|therefore|hence|likewise|nevertheless"
    r"|nonetheless|moreover|furthermore|similarly|consequently|accordingly|also|again|instead|in contrast|by contrast"
    r"|in turn|as has been seen|as noted|as discussed|(?:a few |some |many |two |three )?(?:years|decades|centuries"
    r"|months|days) later|a (?:year|decade|century) later)\b|^(?![^,]*\bif\b)[^.;]*\bthen\b|^at least\b",
    re.I,
)


def leans_back(text: str) -> bool:
    """True when a connective inside ``text`` answers the sentence before it (see ``_LEANS_MID``)."""
    return _LEANS_MID.search(text) is not None


#: Words that point at what the text said before, anywhere in a sentence ("The procedure just described is known as
#: informal rulemaking", set 35's "What is the procedure just described called?").
_SAID_BEFORE = re.compile(
    r"\b(?:just|previously|already)\s+(?:described|discussed|mentioned|outlined|explained|shown|presented|defined)\b"
    r"|\b(?:described|discussed|mentioned|outlined|explained|shown|presented) (?:above|earlier|previously)\b",
    re.I,
)


def stands_alone(text: str, sentence: bool = True) -> bool:
    """True when ``text`` opens with nothing unresolved, points at nothing said before and is no fragment."""
    return dangling_opening(text) is None and not _SAID_BEFORE.search(text) and fragment(text, sentence) is None


_GAP_START = re.compile(r"^\W*_{3,}\s*(?P<punct>[.:\u2013\u2014-])?\s*(?P<next>[A-Za-z][\w'’]*)?")


def run_in_heading(front: str) -> bool:
    """True when a cloze front opens with its gap followed by a new sentence ("_____ The for loop ...", "_____
    Usually, we define ..."): the gap is a run-in heading, not part of the sentence."""
    m = _GAP_START.match(front)
    if m is None or not front.lstrip().startswith("_"):
        return False
    nxt = m.group("next") or ""
    if m.group("punct") and nxt[:1].isupper():
        return True
    if not nxt[:1].isupper():
        return False
    classes = word_classes(nxt)
    return nxt.lower() in _FUNCTION_STARTS or bool(classes) and not classes & {"NOUN", "VERB", "PROPN"}


_FUNCTION_STARTS = frozenset(
    "the a an this these those it we you they in on at for if when to as by with from there here".split()
)
