"""Word-shape rules for noun-phrase-like terms, without a tagger: stop lists and suffix lists.

A key term is a short noun phrase ("proactive interference", "cathode rays", "Coulomb's law"); never a number,
a verb ("means", "happens"), a bare adjective ("classical", "long-term") or a generic word ("information").
"""

from __future__ import annotations

import re

from seekh_convert.text.words import STOPWORDS, surface_words

NUMBER_WORDS = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
    eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million
    millions billion billions first second third fourth fifth sixth seventh eighth ninth tenth half twice once double
    triple single several dozen dozens couple""".split()
)
#: Nouns too general to be a key term on their own (fine inside a phrase: "encoding failure").
GENERIC_NOUNS = frozenset(
    """information process processes thing things way ways people person time times part parts number numbers kind kinds
    type types example examples idea ideas fact facts case cases point points lot lots bit question questions answer
    answers student students class classes lecture lectures course courses topic topics today tomorrow week weeks day
    days year years minute minutes second seconds hour hours result results problem problems stuff something anything
    everything nothing experiment experiments success doctor doctors friend friends world life word words reason
    reasons effort work research study studies method methods approach level levels form forms area areas group groups
    side sides place places end beginning start fall screen notes board prize prizes math calculator demo clicker clickers
    hand hands head heads piece pieces matter situation statement statements thought thoughts everyone someone
    anyone somebody name names term terms concept concepts section chapter page today's semester homework exam exams
    amount amounts value values set sets order step steps stage stages system systems role roles use uses difference
    differences law laws description descriptions equation equations definition definitions quantity quantities object
    objects meter meters centimeter centimeters millimeter millimeters kilogram kilograms gram grams percent""".split()
)
#: Verb forms that look like nouns to a frequency count.
VERBS = frozenset(
    """means mean meant happens happen happened occurs occur occurred remember remembers remembered understand understands
    describe describes described consider considers considered watch go goes ahead look looks see sees get gets make makes
    take takes need needs want wants feel feels try tries use find finds found calculate measure measures explain explains
    imagine learn learns notice notices move moves put keep keeps bring brings become becomes seem seems tell tells ask
    asks talk talks click count plug solve check read write say says call calls think thinks know knows give gives help
    helps show shows work works lead leads depend depends refer refers involve involves hold holds divide divides
    believe believes figure figured realize realized decide decided wonder wondered apply applies applied perform performs
    produce produces cause causes allow allows include includes contain contains require requires provide provides
    increase increases decrease decreases become became begin begins began forget forgets forgotten recall assume
    assumes assumed equals held remains exert exerts acts pushes pulls weighs""".split()
)
#: Adjectives that never make a term alone or at the end of a phrase.
ADJECTIVES = frozenset(
    """new old good bad big small little large great high low long short simple easy hard important different same whole
    real true false common main major minor basic general specific particular certain possible likely able early late
    recent modern cool crazy nice tiny huge thin thick positive negative neutral total actual normal natural human local
    free full open clear close right wrong best better worse next last final entire overall initial infinite opposite
    classical pretty equal proportional attractive repulsive various similar own other another such much many more most
    few less least key central typical usual whole due sure aware instant brief quick slow fast deep shallow strong weak
    long-term short-term well-known absolute relative direct inverse together apart forward backward separate""".split()
)
#: Vague adjectives that do not start a term ("new learning", "big difference"); "deep processing" is fine.
VAGUE = frozenset(
    """new old good bad big small little great different same whole real simple important other another such much many
    more most few less pretty sure own various similar certain possible likely able nice cool crazy actual entire overall
    next last final initial whole main major general specific particular common usual typical maybe perhaps really always never often sometimes usually actually basically literally
    probably already""".split()
)
_ADJ_SUFFIX = re.compile(r"(?:ous|ful|less|able|ible|ive|ical|ish|ly)$")
_PRONOUNS = frozenset(
    "it this that these those there here he she they we you i what which who one another each following above below "
    "latter former foregoing".split()
)  # "Following is the sequence of amino acids ..." (set 55's "What is the name for ...?" keyed "following")
_DIGIT = re.compile(r"\d")


def _bare_adjective(w: str) -> bool:
    """Adjectives, their comparatives ("smaller", "biggest") and adjective-suffixed words (not proper names)."""
    low = w.lower()
    if low in ADJECTIVES or (bool(_ADJ_SUFFIX.search(low)) and not w[:1].isupper()):
        return True
    base = re.sub(r"(?:er|est)$", "", low)
    return base != low and (
        base in ADJECTIVES
        or base[:-1] in ADJECTIVES
        or base + "e" in ADJECTIVES
        or base.endswith("i")
        and base[:-1] + "y" in ADJECTIVES
    )


def is_term_like(term: str, *, strict: bool = False) -> bool:
    """True for a 1-4 word noun-phrase-like span; ``strict`` (statistical candidates) also rejects -ing/-ed heads."""
    ws = surface_words(term)
    if not ws or len(ws) > 4 or _DIGIT.search(term) or len(term) > 60:
        return False
    lows = [w.lower() for w in ws]
    if lows[0] in _PRONOUNS or lows[0] in STOPWORDS or lows[-1] in STOPWORDS:
        return False
    if any(w in NUMBER_WORDS for w in lows) or strict and any(w in VERBS for w in (lows[0], lows[-1])):
        return False
    if lows[-1] in ("means", "happens", "occurs", "refers", "is", "are"):
        return False
    if _bare_adjective(ws[-1]) or lows[0] in VAGUE:
        return False
    if len(ws) == 1:
        if lows[0] in GENERIC_NOUNS or len(lows[0]) < 3:
            return False
        if strict and (len(lows[0]) < 5 or lows[0].endswith(("ing", "ed"))):
            return False
    elif strict and lows[-1] in GENERIC_NOUNS and lows[-1] not in ("process", "system", "number", "law", "equation"):
        return False
    elif strict and participle(lows[-1]):
        return False  # "force acting", "object moving": a noun with a verb, not a term
    return True


def participle(word: str) -> bool:
    """True for the -ing form of a common verb ("acting", "moving", "pushing"); "processing" is a noun."""
    if not word.endswith("ing") or len(word) < 6:
        return False
    base = word[:-3]
    forms = (base, base + "s", base + "e", base + "es", base[:-1] if base[-1:] == base[-2:-1] else base)
    return any(f in VERBS for f in forms)


def noun_bonus(term: str) -> float:
    """A small preference for typical noun endings and phrases ("-tion", "-ment", "... model")."""
    last = surface_words(term)[-1].lower() if surface_words(term) else ""
    if re.search(r"(?:tion|sion|ment|ness|ity|ance|ence|ism|ogy|ure|age|cy)$", last):
        return 0.3
    if last in ("model", "law", "effect", "theory", "principle", "curve", "memory", "force", "particle", "particles"):
        return 0.3
    return 0.0


def blankable(text: str) -> bool:
    """True when ``text`` may be the gap of a cloze card: not a number, a function word or a bare verb."""
    ws = [w.lower() for w in surface_words(text)]
    if not ws or _DIGIT.search(text) or all(w in STOPWORDS for w in ws):
        return False
    inflected_verb = ws[0] in VERBS and ws[0].endswith(("s", "ed"))  # "means", "happens"; "recall" may be a term
    return len(ws) > 1 or not (ws[0] in NUMBER_WORDS or inflected_verb or ws[0] in GENERIC_NOUNS or len(ws[0]) < 3)


#: A field of study's name: "Biotechnology", "thermodynamics", "palaeography", "computer science".
_FIELD = re.compile(r"(?:ology|ologies|ics|graphy|nomy|metry|istry|technology|science|engineering|medicine|matics)$", re.I)


def is_field(term: str) -> bool:
    """True when ``term`` names a field of study (what "X deals with ..." defines): its last word is shaped like one."""
    words = term.split()
    return bool(words) and bool(_FIELD.search(words[-1])) and words[-1].lower() not in ("ethics", "statistics", "graphics")
