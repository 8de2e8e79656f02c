"""Titles of transcript topics: the phrase a part of a lecture is about, not the one it happens to repeat.

A lecture repeats its anecdotes ("Andrew Jackson", "high school") in one place and comes back to its subject
everywhere, so a word said often in one window is no title by itself. A candidate (a two- or three-word noun
phrase, or one specific noun) scores by how many of the window's content sentences carry it, plus the sentences
that carry its head noun (a phrase the segment keeps talking about: "circle" backs "unit circle"), times how
well it tells the window apart (a phrase of every window still counts, for one window only). A phrase the speaker
names ("this is what's known as Euler's formula", "is called a series") counts three times. Narration and logistics
are context-only blocks, but still say what a demonstration is about ("I'm going to select the smallest
element"), so they count here; the words of polls and anecdotes ("high school") never name a topic.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from seekh_convert.model.document import BlockKind
from seekh_convert.split.windows import _STOP as STOP
from seekh_convert.split.windows import UNNAMING, _phrase_words, _specific, name_windows
from seekh_convert.text.sentences import sentence_spans

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")
_NAMED = re.compile(
    r"\b(?:(?:is|are|was) (?:what(?:'s| is) )?(?:known as|called)|we call(?: this| it| that)?|the name(?: of this)? is"
    r"|the (?:proper )?(?:term|word) for (?:this|that|it) is|refers? to|stands? for)\s+(?:an? |the )?([A-Za-z][\w'’ -]{2,40})",
    re.I,
)
#: What the speaker says a part is about: "In this video, we are going to talk about mental models", "Today I'd like
#: to introduce recursion", "The second thing that I'd like to talk about today is two kinds of errors".
_ANNOUNCED = re.compile(
    r"\b(?:going to|gonna|(?:'d|\u2019d|would|want to|wanna) like to|want to|(?:we|i)(?:'ll|\u2019ll| will)|let(?:'s|\u2019s| us)"
    r"|today,? (?:we|i)(?:'re|\u2019re| are)?)\s+(?:briefly\s+|now\s+)?"
    r"(?:talk about|look at|discuss|introduce|cover|focus on|turn to|explore|learn about)\s+(?P<np>[^.;:?!\u2014]{3,80})",
    re.I,
)
_NOT_ANNOUNCED = frozenset("how why what whether when where who which here there this that these those it them".split())
_ORDINAL = re.compile(r"^\w-th$|^\w{1,2}-")
#: Spoken phrases that look like noun phrases and name nothing.
_UNTITLED = frozenset(
    """high school lot bit couple sense way kind case point idea thing question answer minute minutes second
    seconds moment today everybody everyone world video lecture lesson class following pointed whose still
    sanity takeaway location appropriate check new actual smaller bigger larger same different whole certain specific
    general particular main little big good bad simple basic various entire given usual every single each own such
    very""".split()
)


def _sentences(part) -> list[str]:
    text = " ".join(b.text for b in part.blocks if b.usable or b.kind is BlockKind.FRAGMENT)
    return [text[a:b] for a, b in sentence_spans(text)]


def _tokens(sentence: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(sentence)]


def _candidates(tokens: list[str]) -> set[str]:
    """Noun phrases of one sentence: specific nouns and word pairs that can name a topic."""
    out: set[str] = set()
    for i, tok in enumerate(tokens):
        if tok in STOP or tok in UNNAMING or tok in _UNTITLED or len(tok) < 3 or _ORDINAL.search(tok):
            continue
        if len(tok) >= 5 and _specific(tok):
            out.add(tok)
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        namable = nxt not in STOP and nxt not in UNNAMING and nxt not in _UNTITLED and len(nxt) > 2 and nxt != tok
        if nxt and namable and _phrase_words(tok, nxt):
            out.add(f"{tok} {nxt}")
    return out


def _named(sentences: list[str]) -> Counter:
    """Phrases the speaker names ("what's known as Euler's formula"): their first two words, as candidates are."""
    out: Counter = Counter()
    for sentence in sentences:
        for m in _NAMED.finditer(sentence):
            words = [w for w in _tokens(m.group(1)) if w not in STOP][:2]
            if words:
                out[" ".join(words)] += 1
                out[words[0]] += 1
    return out


def _announced(sentences: list[str]) -> list[list[str]]:
    """The phrases the speaker announces as what comes next ("we are going to talk about mental models"), as words."""
    out: list[list[str]] = []
    for sentence in sentences:
        for m in _ANNOUNCED.finditer(sentence):
            phrase = re.split(r",|\band\b(?=.*\b(?:questions?|how|why|what)\b)", m.group("np"), maxsplit=1)[0]
            words = _tokens(phrase)
            if words and words[0] not in _NOT_ANNOUNCED and len(words) <= 8:
                out.append(words)  # not "talk about how this calculation is ...", "talk about here": no name
    return out


def _completed(name: str, announced: list[list[str]]) -> str:
    """``name`` as the speaker announced it ("mental model" -> "mental models"), with the announced phrase's next
    noun ("central limit" -> "central limit theorem")."""
    words = [w.rstrip("s") for w in name.split()]
    for phrase in announced:
        for i in range(len(phrase) - len(words) + 1):
            if [w.rstrip("s") for w in phrase[i : i + len(words)]] != words:
                continue
            said = phrase[i : i + len(words)]
            nxt = phrase[i + len(words)] if i + len(words) < len(phrase) else ""
            if nxt and nxt not in STOP and nxt not in UNNAMING and nxt not in _UNTITLED and len(nxt) > 2 and _specific(nxt):
                said = [*said, nxt]
            return " ".join(said)
    return name


def _names(sentences: list[list[str]]) -> set[str]:
    """Words the transcript capitalises inside a sentence (people, places, products): an anecdote's "Andrew Jackson"
    names no topic, while "Euler's formula" (a name's possessive before a noun) may."""
    out: set[str] = set()
    for window in sentences:
        for sentence in window:
            for m in _WORD.finditer(sentence):
                word = m.group()
                if m.start() > 0 and word[:1].isupper() and not word.isupper() and not word.endswith(("'s", "’s")):
                    out.add(word.lower())
    return out


def name_spoken_windows(parts: list, fallback: str) -> None:
    """Title each transcript window (``parts``: objects with ``blocks`` and a writable ``title``)."""
    sentences = [_sentences(p) for p in parts]
    proper = _names(sentences)
    bags = [[_candidates(_tokens(s)) for s in window] for window in sentences]
    heads = [[set(_tokens(s)) for s in window] for window in sentences]
    df = Counter(g for window in bags for g in set().union(*window)) if any(bags) else Counter()
    n = len(parts)
    used: set[str] = set()
    for number, (part, window, words, said) in enumerate(zip(parts, bags, heads, sentences), 1):
        carried = Counter(g for sentence in window for g in sentence)
        named = _named(said)
        phrases = _announced(said)
        announced = {w.rstrip("s") for phrase in phrases for w in phrase}
        scored = []
        for g, count in carried.items():
            if count < 2:
                continue
            head = g.split()[-1]
            support = sum(1 for ws in words if head in ws)
            spread = math.log((1 + n) / df[g]) if df[g] < n else 0.1  # said in every window: a last resort
            if {w.rstrip("s") for w in g.split()} <= announced:
                spread = max(spread, 1.0) * 4.0  # the speaker says this part is about it, even if every part names it
            weight = (2.0 if " " in g else 0.6) * (3.0 if named[g] else 1.0) * (0.3 if set(g.split()) & proper else 1.0)
            scored.append(((count + 0.5 * support) * spread * weight, g))
        scored.sort(key=lambda x: (-x[0], x[1]))
        name = next((g for _, g in scored if _key(g) not in used), "")
        if not name:
            name_windows([part], "", fallback)
            if part.title.endswith("(part 1)"):
                part.title = f"{fallback} (part {number})"
            continue
        used.add(_key(name))
        name = _completed(name, phrases) if {w.rstrip("s") for w in name.split()} <= announced else name
        part.title = " ".join(w[:1].upper() + w[1:] for w in name.split())


def _key(phrase: str) -> str:
    """A phrase's identity: "exp function" = "function exp", "alpha particles" = "alpha particle"."""
    return " ".join(sorted(w.rstrip("s") for w in phrase.split()))
