"""Sentences cut verbatim out of usable blocks: the only material items may quote."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from itertools import islice

from seekh_convert.model.document import Block, BlockKind
from seekh_convert.model.guide import SourceRef
from seekh_convert.model.sources import ref_at
from seekh_convert.text import parse
from seekh_convert.text.grammar import leans_on_context
from seekh_convert.text.sentences import sentence_spans
from seekh_convert.text.standalone import stands_alone
from seekh_convert.text.words import STOPWORDS, content_stems, surface_words

_SPEAKER = re.compile(r"(?:[A-Z][A-Z.'\-]+ ?){1,4}:\s+")
_REFERENCE = re.compile(r"\s*(?:\(\[see\b|\[see\b|\((?:see )?(?:Figure|Fig\.|Table)\b|\[Figure\b)", re.IGNORECASE)
_JUNK = re.compile(
    r"https?://|www\.|\bby the end of this (?:section|chapter)\b|\blink to learning\b|\bwatch this video\b"
    r"|\bcreative commons\b|\bopencourseware\b|\bcheck your understanding\b|\bsee figure\b"
    # a margin heading run into the sentence: "... without 3.4.1 Effect of itself undergoing ..." (set 39's NCERT)
    r"|(?-i:[a-z,] \d{1,2}\.\d{1,2}\.\d{1,2} [A-Z][a-z])"
    # a maths font's private-use glyph: "stretched horizontally by the factor \uebe1 and shifted ..." (set 41)
    r"|[\ue000-\uf8ff]",
    re.IGNORECASE,
)
_TERMINAL = re.compile(r"[.!][\"”’')\]]*$")
_ASKED = re.compile(r"\?[\"”’')\]]*$")
#: Spoken fillers and discourse markers an item may leave out at the start (Heilman & Smith simplify the same way).
_LEAD = re.compile(
    r"^(?:here\s*,\s*|(?:and|but|now|okay|ok|all right|alright|well|um|uh|yeah|right|also|however|furthermore|moreover"
    r"|in addition|thus|therefore|hence|then|anyway)\b[,\s]+"
    # "Further, as the alleles ...", "On the flip side, in small datasets ..." (sets 55-56): only with their comma
    r"|(?:further|additionally|besides|on the (?:flip|other) side)\s*,\s*|(?:remark|note|hint|tip|recall|description|explanation|definition|meaning)\s*:\s+"
    # "At its most basic, security implies freedom from threats." (set 40): the "its" is the subject's own
    r"|at (?:its|their) (?:most basic|simplest|core)\s*,\s+|in (?:its|their) (?:simplest|most basic|broadest) (?:sense|form)\s*,\s+"
    # "So, ...", "So we ...", not "So important is the legal recognition ..." (set 27: the answer lost its "So")
    r"|so(?:\s*,\s*|\s+(?!(?:important|much|many|far|long|often|great|large|small|few|little|good|bad|strong|well|"
    r"different|common|rare|close|high|low|simple|easy|hard|difficult|powerful|useful|quickly|slowly|called|to)\b))"
    r"|(?:[A-Za-z]|[IVX]{1,4}|\d{1,2})[.)]\s+(?=[A-Z])|\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s+(?=[a-zA-Z]))+",
    # outline markers ("A. ", "1) ", "IV. ", "(ii) ") too
    re.IGNORECASE,
)
_MAX_WORDS = 60
#: Longest sentence an item may rest on.
ITEM_WORDS = 40
_WINDOW = 40


#: A heading the text layer ran into its paragraph: a capitalised phrase of up to four words right before a capital.
_RUN_IN = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})+\s+)?([A-Z][\w-]*(?:\s+[a-z][\w-]*){0,3})\s+(?=[A-Z])")


_RUN_IN_TITLE = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})+\s+)?([A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|of|and|the|in|for|to|on|by|with|from|using)){1,7})"
    r"\s+(?=[A-Z][a-z])"
)  # "1.4.3 Calculating Final Investment Value Using Logarithmic Returns Logarithmic returns provide ..." (set 45)


_NAMED_ABBR = re.compile(r"^((?:[A-Z][\w-]*\s+(?:(?:to|of|and|the|for|in|on)\s+)?)+)\(([A-Z]{2,8})\)")


def _run_in_heading(text: str) -> re.Match[str] | None:
    """A run-in heading the sentence repeats ("Block devices Like char devices, block devices are accessed ...",
    "Reliability Reliability means the users ...", set 32 and 31): left out of item text like a filler."""
    if re.match(r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4}\s*:\s", text):
        return None  # "Wireless Access Point: The wireless router ..." (set 55): a label the sentence opens with
    named = _NAMED_ABBR.match(text)
    if named and "".join(w[0] for w in named.group(1).split() if w[0].isupper()) == named.group(2):
        return None  # "Number Needed to Treat (NNT) is ..." (set 43): a name its abbreviation spells, no heading
    m = _RUN_IN.match(text)
    titled = _RUN_IN_TITLE.match(text)
    if titled and titled.group(1).split()[-1].lower() not in STOPWORDS:
        # "Rectification of Mistakes Rectification is the correction of ..." (set 40's law notes): a heading in
        # Title Case one of whose words the sentence goes on to use
        words = [w for w in surface_words(titled.group(1)) if len(w) >= 5 and w.lower() not in STOPWORDS]
        if any(re.search(rf"\b{re.escape(w)}", text[titled.end() :], re.I) for w in words):
            return titled
    if m is None:
        return None
    heading = m.group(1)
    if heading.split()[0].lower() in STOPWORDS or heading.split()[-1].lower() in STOPWORDS:
        return None  # "In Canada the ...": a sentence's own opening, not a heading
    after = text[m.end() :]
    if re.search(rf"\b{re.escape(heading)}\s+{re.escape(after[:4])}", after):
        return None  # "British India was divided into ... the British Indian Provinces" (set 63): a name, no heading
    # one word must come back as written ("Reliability Reliability means ..."): "Princely States covered ... princely
    # rule" (set 63) opens on a name
    return m if re.search(rf"\b{re.escape(heading)}\b", after, 0 if " " not in heading else re.I) else None


#: A sentence whose subject is "the" and one noun: "The research is ...".
_THE_NOUN = re.compile(r"^The ([a-z][a-z-]+) (?:is|are|was|were|has|have)\b")


@dataclass(eq=False)
class Sentence:
    """A verbatim span of ``block.text`` starting at ``offset``; ``order`` is its position in the topic."""

    text: str
    block: Block
    order: int
    complete: bool
    offset: int = 0
    stems: list[str] = field(default_factory=list)
    n_words: int = 0

    @cached_property
    def cut(self) -> int:
        """Characters of a leading spoken filler or discourse marker ("So, ", "And ", "However, ") that item text
        leaves out (the quote keeps them): 0 when none, or when too little would be left."""
        m = _LEAD.match(self.text) or _run_in_heading(self.text)
        if m is None or len(surface_words(self.text[m.end() :])) < 4:
            return 0
        return m.end()

    @property
    def display(self) -> str:
        """The sentence as item text: without a leading filler, capitalised, always ending with punctuation."""
        body = self.text[self.cut :]
        body = body[:1].upper() + body[1:]
        if body.endswith((";", ",")):
            body = body[:-1] + "."  # a slide bullet's "Mnemonic is the name of the instruction;" (set 43)
        # "... (unlike arrays)" of a slide bullet ends on a bracket, not a full stop
        return body if _TERMINAL.search(body) or _ASKED.search(body) else body + "."

    def splice(self, start: int, end: int, replacement: str) -> str | None:
        """``display`` with ``text[start:end]`` replaced; None when that span lies in the left-out filler."""
        if start < self.cut:
            return None
        shown = self.display
        at = start - self.cut
        return shown[:at] + replacement + shown[at + end - start :]

    @cached_property
    def alone(self) -> bool:
        """True when the sentence, as item text, makes sense out of its context (no unresolved "he", "this", no "the
        research" after its paragraph opened with the kind it means)."""
        return self.complete and stands_alone(self.display) and not self._kind_named_before() and not self._refuted()

    def _refuted(self) -> bool:
        """True when the next sentence says this one is wrong ("One explanation is that they have smaller brains than
        whites. But that is wrong.", set 53's lecture): quoted alone it would teach what the source rejects."""
        return _REFUTED.match(self.block.text[self.offset + len(self.text) :]) is not None

    def _kind_named_before(self) -> bool:
        """True for "The research is a mutual activity ..." in a paragraph that opens "New paradigm research is ..."
        (set 48's wrong key "What is the research?"): "the research" is that kind, which the sentence does not say."""
        m = _THE_NOUN.match(self.text)
        if m is None or self.offset == 0:
            return False
        opening = re.match(r"^((?:[\w'\u2019-]+\s+){1,3})([a-z]{5,})\b", self.block.text, re.I)
        if opening is None or any(w.lower() in STOPWORDS for w in opening.group(1).split()):
            return False
        return m.group(1).startswith(opening.group(2).lower())  # "the research", "the researcher" of "... research"

    @cached_property
    def parsed(self):
        """The sentence's parse (spaCy ``Doc`` of ``text``), made on first use: only the sentences an item may use;
        ``release_parses`` drops them once a topic's candidates are built (memory)."""
        _PARSED.append(self)
        return parse.parse(self.text)

    @property
    def has_parse(self) -> bool:
        """True when the sentence holds its parse already (``parsed`` was asked for or ``prime`` parsed it)."""
        return "parsed" in self.__dict__

    @cached_property
    def keepable(self) -> bool:
        """True when the sentence may carry an item: it stands alone and its parse finds nothing that leans on
        context (the reader or writer, "these limitations", "he", "the first model", an exclamation, no clause);
        a sentence over ``ITEM_WORDS`` words is too long to learn from as one item (and is not parsed)."""
        return self.alone and self.n_words <= ITEM_WORDS and leans_on_context(self.parsed) is None

    def ref(self) -> SourceRef:
        """The grounded source reference of this sentence: its page, or the times of its own words."""
        return ref_at(self.block, self.offset, self.offset + len(self.text), self.text)


#: A sentence that rejects the one before it: "But that is wrong.", "That's not true.", "This is a myth."
_REFUTED = re.compile(
    r"^\s*(?:(?:but|and|now|well),?\s+)?(?:that|this|it|which)\s*(?:'s|’s|\s+is|\s+was|\s+turns out to be|\s+would be)\s+"
    r"(?:simply\s+|just\s+|completely\s+|totally\s+|quite\s+)?(?:wrong|false|incorrect|mistaken|untrue|a myth|nonsense|"
    r"not (?:true|correct|right|so|the case))\b|^\s*(?:wrong|not so|not true|false)\s*[.!]",
    re.I,
)


#: Sentences holding a parse, until ``release_parses``.
_PARSED: list[Sentence] = []


def prime(sentences: list[Sentence]) -> None:
    """Parse the sentences not parsed yet in one batch (faster than one at a time)."""
    todo = [s for s in sentences if not s.has_parse]
    for s, doc in zip(todo, parse.parse_many([s.text for s in todo]), strict=True):
        s.__dict__["parsed"] = doc
        _PARSED.append(s)


#: Ranked sentences parsed in one batch before a topic's items are built (``prime_likely``).
PREFETCH = 16


def prime_likely(ranked: list[Sentence]) -> None:
    """Parse, in one batch, the first ``PREFETCH`` ranked sentences that may carry an item (they stand alone and are
    short enough): on the 352-page book the generators go on to parse 84% of them (ranks 16-23: 58%, 24-31: 39%),
    and one batch of 16 costs half as much a sentence as the one or two at a time they ask for (2.0 against 3.6-4.1
    ms). The parses are the same either way."""
    prime(list(islice((s for s in ranked if s.n_words <= ITEM_WORDS and s.alone), PREFETCH)))


def release_parses() -> None:
    """Drop every parse kept so far (what was read from them, e.g. ``keepable``, stays)."""
    while _PARSED:
        _PARSED.pop().__dict__.pop("parsed", None)


def _trim(text: str, a: int, b: int) -> tuple[int, int, bool]:
    """Shrink a span past speaker labels and before figure/reference pointers; report completeness."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    m = _SPEAKER.match(text, a, b)
    if m:
        a = m.end()
    ref = _REFERENCE.search(text, a, b)
    if ref:
        return a, ref.start(), True
    return a, b, bool(_TERMINAL.search(text[a:b]))


def _windows(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split an over-long unpunctuated span into word windows (transcripts without punctuation)."""
    bounds = [m.span() for m in re.finditer(r"\S+", text[a:b])]
    out = []
    for i in range(0, len(bounds), _WINDOW):
        chunk = bounds[i : i + _WINDOW]
        out.append((a + chunk[0][0], a + chunk[-1][1]))
    return out


def split_block(block: Block, first_order: int) -> list[Sentence]:
    """All sentences of a usable block, verbatim, numbered from ``first_order``."""
    text = block.text
    out: list[Sentence] = []
    for a0, b0 in sentence_spans(text):
        a, b, complete = _trim(text, a0, b0)
        pieces = [(a, b)]
        if len(surface_words(text[a:b])) > _MAX_WORDS and not complete:
            pieces = _windows(text, a, b)
        for pa, pb in pieces:
            piece = text[pa:pb].strip()
            if not piece:
                continue
            n = len(surface_words(piece))
            offset = pa + (len(text[pa:pb]) - len(text[pa:pb].lstrip()))
            out.append(Sentence(piece, block, first_order + len(out), complete, offset, content_stems(piece, unique=False), n))
    return out


def is_usable(s: Sentence) -> bool:
    """True for sentences fit to be quoted as an item: whole, prose, not boilerplate."""
    if s.n_words < (3 if s.block.kind is BlockKind.GLOSSARY else 5) or s.n_words > _MAX_WORDS or len(s.text) > 600:
        return False
    if s.text.endswith("?") or s.text.endswith(":") or _JUNK.search(s.text):
        return False
    if s.block.kind is BlockKind.GLOSSARY:
        return s.n_words >= 3
    if not s.complete and (s.block.kind is BlockKind.LIST_ITEM or s.n_words < 8):
        return False
    if not s.text[0].isupper() and not s.text[0].isdigit() and s.text[0] not in '"“‘(':
        return False
    letters = sum(c.isalpha() for c in s.text)
    return letters >= 0.6 * len(s.text)


def _clause(doc) -> bool:
    """True when a parse is one clause with a subject ("Data frames are a special type of Matrix"), not a phrase
    ("One dimensional (e.g. ...)") nor an instruction ("To create a vector in R, use the c() command")."""
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if len(roots) != 1 or roots[0].pos_ not in ("VERB", "AUX"):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in roots[0].children)


def _copula(doc) -> bool:
    """True when a parse says what something is ("A vector is an ordered set of elements")."""
    roots = [t for t in doc if t.dep_ == "ROOT"]
    return len(roots) == 1 and (roots[0].lemma_ == "be" or any(c.dep_ == "cop" for c in roots[0].children))


#: A lead that announces what follows ("... – for example:", "... such as:") rather than saying it.
_ANNOUNCES = re.compile(
    r"\b(?:for\s+example|for\s+instance|e\.g\.?|as\s+follows|the\s+following|such\s+as|includ(?:e|es|ing))\W*$", re.I
)


def _bullet_clauses(every: list[Sentence]) -> None:
    """Slide bullets seldom end in a full stop (py4e, teacher set O: 4 items from 16 slides): a bullet that is a
    whole clause with a subject is a complete sentence, and a definition leading into its example ("A vector is an
    ordered set of elements, all of the same type:") is one without its colon (not a lead announcing a list:
    "Numbers have two main types:"). Notes' bullets too ("Ethics is defined as a prescriptive Code of Conduct for an
    actor in a situation with respect to what is right and what is wrong", set 55's class notes). Bullets and slide
    text only (no table rows), parsed in one batch."""
    todo: list[tuple[int, str]] = []
    for i, s in enumerate(every):
        slide_text = s.block.slide is not None and s.block.kind == BlockKind.PARAGRAPH
        if s.complete or not (s.block.kind == BlockKind.LIST_ITEM or slide_text):
            continue
        if s.block.text[s.offset + len(s.text) :].strip():
            continue  # a line break cut the sentence ("... logical base – for example" / "x=y ⇒ ..."): not the bullet's end
        text = s.text[:-1].rstrip() if s.text.endswith(":") else s.text
        if not text[:1].isupper() or " | " in text or _ANNOUNCES.search(text):
            continue
        if 5 <= len(surface_words(text)) <= ITEM_WORDS and not text.endswith(("?", ":")):
            todo.append((i, text))
    for (i, text), doc in zip(todo, parse.parse_many([t for _, t in todo]), strict=True):
        if _clause(doc) and (text == every[i].text or _copula(doc) and not _dangling(doc)):
            old = every[i]
            stems = content_stems(text, unique=False)
            every[i] = Sentence(text, old.block, old.order, True, old.offset, stems, len(surface_words(text)))


def _dangling(doc) -> bool:
    """True when the words before a colon stop on a verb or a preposition whose object the colon brings: a review
    question's stem ("Behavioral emergencies are situations in which a person exhibits:", set 34's Definition)."""
    last = next((t for t in reversed(doc) if not t.is_punct), None)
    return last is not None and last.pos_ in ("VERB", "ADP", "AUX", "DET")


def topic_sentences(blocks: list[Block]) -> list[Sentence]:
    """Usable sentences of the usable blocks, in source order."""
    every: list[Sentence] = []
    for block in blocks:
        if block.usable and block.text.strip():
            every.extend(split_block(block, len(every)))
    _bullet_clauses(every)
    usable = [s for s in every if is_usable(s)]
    return usable or [s for s in every if s.n_words >= 3 and not _JUNK.search(s.text)]
