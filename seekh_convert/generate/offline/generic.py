"""General statements versus particular ones: a definition states what a term is in general.

"The system of interest is the car and its driver" describes one worked example, and "... known as the
normal force, which we define in Common Forces" defers the definition; neither defines anything. These
rules spot sentences about particular objects, people or figures and sentences that point elsewhere.
"""

from __future__ import annotations

import re
from functools import lru_cache

from seekh_convert.generate.offline.sentences import Sentence

#: Sentences that defer the explanation to another place ("which we define in Common Forces", "see ...").
DEFERRAL = re.compile(
    r"\b(?:which|that|as) we (?:will |shall )?(?:define|discuss|describe|explain|cover|examine|explore|treat|study)\b"
    r"|\b(?:we|you) will (?:define|discuss|describe|explain|cover|examine|explore|learn|see)\b"
    r"|\b(?:is|are|will be|was|were) (?:defined|discussed|described|explained|covered|examined|treated|explored)"
    r"(?: in (?:more |greater |further )?detail)? (?:later|below|elsewhere|in (?:a |the )?(?:later|next|following|another|"
    r"subsequent|previous|preceding|earlier) (?:chapter|section|module|unit|lecture))"
    r"|\(see\b|\bsee (?:the )?(?:chapter|section|figure|table|below|above)\b|\bdiscussed (?:in detail )?(?:later|in)\b"
    r"|\bmore (?:on|about) (?:this|that|it) later\b",
    re.IGNORECASE,
)
#: Concrete things of worked examples: "the car", "this person", "the lawn mower".
_PARTICULAR = re.compile(
    r"\b(?:the|this|that|our|his|her|their|its|your|my)\s+(?:\w+\s+)?(?:car|cars|driver|lawn ?mower|mower|person|man|woman|boy|girl|"
    r"child|baby|ball|box|block|crate|sled|boat|truck|elevator|rocket|skier|skater|player|dog|cat|student|professor|"
    r"cart|wagon|train|plane|airplane|bicycle|bike|ship|rope|puck|package|football|patient|participant|subject|friend|"
    r"teacher|mother|father|brother|sister|tow truck|astronaut|swimmer|runner|cyclist|passenger|book|table|desk)\b",
    re.IGNORECASE,
)
#: Pointers into a worked example, a figure or a diagram.
_EXAMPLE_TALK = re.compile(
    r"\b(?:in|from) (?:this|the (?:preceding|previous|next|following|above)|our) (?:example|problem|figure|case|scenario|diagram)\b"
    r"|\bin (?:the )?(?:figure|diagram|photo|image|table)\b|\b(?:Figure|Table|Example)\s+\d",
    re.IGNORECASE,
)
#: A capitalised word mid-sentence that names a person ("Cynthia recalls", "Lucia responded"), not a law's eponym.
_PERSON = re.compile(
    r"(?<=[a-z,;] )[A-Z][a-z]{2,} (?:\w+ly )?(?:[a-z]+ed|says|said|recalls|thinks|wants|knows|feels|tells|asks|is|was|has|had)\b"
)
_PERSON_START = re.compile(
    r"^[A-Z][a-z]{2,}(?:, (?:a|an) [a-z]+,| (?:\w+ly )?(?:recalls|realized|responded|says|said|thinks|wants|stated|asked))"
)
_NOT_NAMES = frozenset(
    """The This That These Those There Here When While What Which Who However Thus Therefore Since Because Although
    January February March April May June July August September October November December Monday Tuesday Wednesday
    Thursday Friday Saturday Sunday English Earth Sun Moon God""".split()
)


def defers(s: Sentence) -> bool:
    """True when the sentence points elsewhere for the explanation instead of giving it."""
    return _defers(s.text)


@lru_cache(maxsize=65536)
def _defers(text: str) -> bool:
    return bool(DEFERRAL.search(text))


def _names_person(text: str) -> bool:
    starts = _PERSON_START.match(text)
    if starts and starts.group().split()[0].rstrip(",") not in _NOT_NAMES:
        return True
    return any(m.group().split()[0].rstrip(",") not in _NOT_NAMES for m in _PERSON.finditer(text))


def particular_penalty(s: Sentence) -> float:
    """How much ``s`` is about one particular case (an example's objects, a person, a figure) rather than in general."""
    return _particular(s.text)


@lru_cache(maxsize=65536)
def _particular(text: str) -> float:
    penalty = 0.0
    if _PARTICULAR.search(text):
        penalty += 1.5
    if _EXAMPLE_TALK.search(text):
        penalty += 1.0
    if _names_person(text):
        penalty += 0.8
    return penalty


def definition_penalty(s: Sentence) -> float:
    """How unfit ``s`` is as a definition for being particular or deferring (0 for a general statement)."""
    return particular_penalty(s) + (2.5 if defers(s) else 0.0)
