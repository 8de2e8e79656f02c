"""Windows of a document without headings (and every transcript): where to cut them (lexical dips near even
splits) and what to call them (the phrase that tells a window apart from the others)."""

from __future__ import annotations

import math
import re
from collections import Counter

from seekh_convert.model.document import Block, BlockKind
from seekh_convert.text.lexicon import can_be_noun, generic_word, small_caps, word_classes, zipf

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_STOP = frozenset(
    """a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further get got had has have
    having he her here hers herself him himself his how i if in into is it its itself just know let like me
    more most my myself no nor not now of off on once only or other our ours ourselves out over own really right
    same say see she should so some something such than that the their theirs them themselves then there these
    they thing things think this those through to too under until up us very was way we well were what when where
    which while who whom why will with would yeah you your yours yourself okay ok going go gonna want one two
    three actually kind lot little look mean need put said take talk talking tell use used uh um very today
    now people class question questions answer thank thanks alright sure maybe example first second next last
    time times another many much different important called means make makes made give gives given back""".split()
)


def _terms(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text) if w.lower() not in _STOP and len(w) > 2]


def lexical_cuts(blocks: list[Block], parts: int, spoken: bool = False) -> list[int]:
    """Block indices where ``parts`` windows start (besides 0): near even splits, nudged to lexical dips (``spoken``:
    a transcript's narration blocks count too, so its windows stay even in time)."""
    if len(blocks) < 2:
        return []  # one block (a transcript pasted as one paragraph) has nowhere to cut
    counted = [b.usable or (spoken and b.kind is BlockKind.FRAGMENT) for b in blocks]
    words = [len(b.text.split()) if c else 0 for b, c in zip(blocks, counted)]
    total = sum(words)
    bags = [Counter(_terms(b.text)) if c else Counter() for b, c in zip(blocks, counted)]
    cum = [0]
    for w in words:
        cum.append(cum[-1] + w)
    cuts: list[int] = []
    for k in range(1, parts):
        ideal = total * k / parts
        centre = min(range(1, len(blocks)), key=lambda i: (abs(cum[i] - ideal), i))
        slack = max(1, total // (parts * 6))
        candidates = [i for i in range(1, len(blocks)) if abs(cum[i] - ideal) <= slack and (not cuts or i > cuts[-1])]
        if not candidates:
            candidates = [centre] if not cuts or centre > cuts[-1] else []
        if not candidates:
            continue
        best = min(candidates, key=lambda i: (_similarity(bags, i), abs(cum[i] - ideal), i))
        cuts.append(best)
    return cuts


def _similarity(bags: list[Counter], i: int, width: int = 3) -> float:
    left = sum((bags[j] for j in range(max(0, i - width), i)), Counter())
    right = sum((bags[j] for j in range(i, min(len(bags), i + width))), Counter())
    dot = sum(v * right[t] for t, v in left.items())
    norm = math.sqrt(sum(v * v for v in left.values())) * math.sqrt(sum(v * v for v in right.values()))
    return dot / norm if norm else 0.0


def name_windows(parts: list, prefix: str, fallback: str) -> None:
    """Title each window by its most distinctive phrase relative to the other windows (a phrase said in every
    window names none of them)."""
    texts = [" ".join(b.text for b in p.blocks if b.usable) for p in parts]
    grams = [_phrases(t) for t in texts]
    df = Counter(g for bag in grams for g in set(bag))
    used: set[str] = set()
    for number, (part, bag, text) in enumerate(zip(parts, grams, texts), 1):
        defined = _defined(text)
        scored = sorted(
            (
                (
                    count
                    * _idf(len(parts), df[g])
                    * (2.5 if " " in g else 1.0 if _specific(g) else 0.3)
                    * (3.0 if g in defined else 1.0),
                    g,
                )
                for g, count in bag.items()
                if count >= 2
            ),
            key=lambda x: (-x[0], x[1]),
        )
        name = next((g for _, g in scored if _key(g) not in used), "")
        used.add(_key(name))
        if not name:
            part.title = f"{prefix or fallback} (part {number})"
        else:
            named = " ".join(w[:1].upper() + w[1:] for w in name.split())
            prefix = " ".join(small_caps(x) for x in prefix.split())  # "Historical PersPectives" (set 30's NCERT)
            part.title = f"{prefix}: {named}" if prefix else named


#: A term the text names or defines: "is called an integral", "Ethnocentrism is defined as", "Culture refers to".
_DEFINES = re.compile(
    r"\b(?:is|are)\s+(?:called|known\s+as|termed|referred\s+to\s+as)\s+(?:an?\s+|the\s+)?[\"\u201c]?"
    r"(?P<a>[A-Za-z][a-z-]+(?:\s+[a-z][a-z-]+)?)"
    r"|(?P<b>[A-Za-z][a-z-]+(?:\s+[a-z][a-z-]+)?)\s+(?:is|are)\s+defined\s+as\b"
    r"|(?P<c>[A-Za-z][a-z-]+(?:\s+[a-z][a-z-]+)?)\s+(?:refers?\s+to|means)\b"
    r"|(?:^|[.!?]\s+)(?P<d>[A-Z][a-z-]+(?:\s+[a-z][a-z-]+)?)\s+(?:is|are)\s+(?:the|an?)\s"
)


def _defined(text: str) -> set[str]:
    """The names (one or two words, lower case) ``text`` defines: a window named by the term it explains
    ("Ethnocentrism", not "Group Members": set 35's sociology chapter, a teacher's false "none")."""
    out: set[str] = set()
    for m in _DEFINES.finditer(text):
        words = (m.group("a") or m.group("b") or m.group("c") or m.group("d")).lower().split()
        words = [w for w in words if w not in _STOP] if words[0] not in _STOP else []
        if words:
            out.add(" ".join(words))
            out.add(words[-1])
    return out


def _idf(windows: int, df: int) -> float:
    """How much a phrase said in ``df`` of ``windows`` windows tells its window apart: nothing when said in all."""
    return math.log((1 + windows) / df) if df < windows else 0.0


def _key(phrase: str) -> str:
    """A phrase's identity: "alpha particles" = "alpha particle"."""
    return " ".join(w.rstrip("s") for w in phrase.split())


def _phrase_words(first: str, second: str) -> bool:
    """Two words that can name a topic together: no adverb, verb or contraction ("absolutely wrong", "you're
    looking"), a noun at the end that is not only a verb's -ing form ("keep moving")."""
    if "'" in first and (not first.endswith("'s") or first[:-2] in _STOP or first[:-2] == "let") or "'" in second:
        return False
    classes, last = word_classes(first), word_classes(second)
    gerund_only = second.endswith("ing") and last and "NOUN" not in last
    return not (classes and not classes & {"NOUN", "ADJ", "PROPN"}) and can_be_noun(second) and not gerund_only


def _specific(word: str) -> bool:
    """A single word fit to name a topic: a noun that is not generic ("electron", not "interface" or "thing")."""
    return can_be_noun(word) and not generic_word(word) and zipf(word) < 4.5


def _phrases(text: str) -> Counter:
    """Candidate names: single words and two-word noun phrases said within one sentence, never a number or an
    arithmetic word ("Half Half", "Minus Plus", "Five Five" name nothing)."""
    out: Counter = Counter()
    for sentence in _CLAUSE.split(text):
        toks = [w.lower() for w in _WORD.findall(sentence)]
        for i, tok in enumerate(toks):
            if tok in _STOP or tok in UNNAMING or len(tok) < 4:
                continue
            if len(tok) >= 5:
                out[tok] += 1
            nxt = toks[i + 1] if i + 1 < len(toks) else ""
            if nxt not in _STOP and nxt not in UNNAMING and len(nxt) > 3 and nxt != tok and _phrase_words(tok, nxt):
                out[f"{tok} {nxt}"] += 1
    return out


_CLAUSE = re.compile(r"[.!?;:,()\u2014]|--")
#: Words that never name a topic: numbers, arithmetic, and what a speaker points at.
UNNAMING = frozenset(
    """zero four five seven eight nine eleven twelve twenty thirty forty fifty sixty hundred thousand million
    billion half halves quarter double twice plus minus equals divided equal sign hand hands pointing finger stuff
    guys folks everyone everybody somebody someone anyone nobody things something anything everything nothing
    bunch gonna wanna gotta left right middle step steps line lines""".split()
)
