"""Slide-deck raw blocks -> ``Block``s that cite their slide.

Besides the section rules every structured source gets (``clean.markdown.build_blocks``), a deck needs three
things only the whole deck shows: text repeated on most slides (a footer typed into a text box, a course
name, a logo caption) is dropped; a title repeated on the next slide ("Models", "Models (cont.)") continues
the section instead of starting a new one, so slide titles drive segmentation without cutting a topic per
slide; licence and acknowledgement slides or notes (Creative Commons, copyright) are never a source; a slide
whose only text is its title (a title over pictures) keeps that title as a line of context, so a model sees the
slide and coverage counts it.

Slide text is read the way a teacher reads a slide: a bullet "Term: explanation" (or "Term - explanation",
"Term = explanation") is a GLOSSARY block (``term`` and its explanation); a label without a verb ("Case
Sensitive", "Left to right"), a diagram word and an exclamation are FRAGMENT blocks, context that is never quoted
as an item; every block keeps its slide title (``section``) and bullet level (``bullet``).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from typing import Annotated

from seekh_convert.clean.markdown import build_blocks
from seekh_convert.clean.structured import plain_text
from seekh_convert.errors import InputError
from seekh_convert.model.document import Block, BlockKind, Document, RawBlock
from seekh_convert.text.labels import QUIZ_SLIDE, form_fields
from seekh_convert.text.lexicon import can_be_noun, word_classes
from seekh_convert.text.words import STOPWORDS, key_string, surface_words

_CONTINUED = re.compile(
    r"\s*(\((?:cont(?:inued|['’]?d\.?|\.)?)\)|[-–:]?\s*\b(?:cont(?:inued|['’]?d\b\.?|\.))|\(\d+\)|\d+/\d+)\s*$", re.I
)
_CREDIT_TITLE = re.compile(
    r"^(?:(?:acknowledge?ments?|credits?|licen[cs]es?|copyright|attributions?)\b.*|(?:thank you|thanks|(?:any )?questions)\W*)$",
    re.I,
)
_LICENCE_TEXT = re.compile(r"creative commons|\bcc[- ]by\b|copyright\s*(?:©|\(c\)|\d{4})|©\s*\d{4}|all rights reserved", re.I)


class SlidesCleaner:
    """Fill ``doc.blocks`` from a deck's raw blocks (each carrying its slide number)."""

    repeated_share: Annotated[float, "text on at least this share of the slides (and 3 or more) is page furniture"] = 0.5
    repeated_words: Annotated[int, "only text this short counts as furniture"] = 15

    def __call__(self, doc: Document) -> Document:
        raw = self._drop_repeated(doc.raw_blocks)
        raw = _continue_titles(raw)
        raw = _mark_credits(raw)
        raw = _note_labels(raw)
        raw = _title_lines(raw)
        fields = _form_fields(raw)
        raw = [_read_line(b, fields) for b in raw]
        doc.blocks = _quiz_slides(build_blocks(raw, strip=plain_text))
        if not any(b.text for b in doc.blocks if b.kind is not BlockKind.HEADING):
            raise InputError(f"{doc.path.name}: no text found on any slide; the deck holds only pictures (export its text)")
        doc.title = doc.title or next((b.text for b in doc.blocks if b.kind is BlockKind.HEADING), "") or doc.path.stem
        return doc

    def _drop_repeated(self, raw: list[RawBlock]) -> list[RawBlock]:
        slides = {b.slide for b in raw if b.slide is not None}
        on = Counter(
            key for key, _ in {(key_string(b.text), b.slide) for b in raw if _furniture_candidate(b, self.repeated_words)}
        )
        limit = max(3, self.repeated_share * len(slides))
        repeated = {k for k, n in on.items() if k and n >= limit}
        return [b for b in raw if not (_furniture_candidate(b, self.repeated_words) and key_string(b.text) in repeated)]


def _quiz_slides(blocks: list[Block]) -> list[Block]:
    """The options of a deck's quiz slides ("Question 2": the question, its options, the notes' explanation) marked as the
    source's own questions: set 54's summary, key takeaway and applications stated a quiz's wrong options as facts
    ("JSX is supported by all browsers"). The question and the explanation stay text: the offline engine asks the
    question with its options (``review.deck_questions``), and the gate finds its quote there."""
    slides: dict[int, list[Block]] = {}
    for b in blocks:
        if b.slide is not None and b.kind is not BlockKind.HEADING and QUIZ_SLIDE.match(b.section or ""):
            slides.setdefault(b.slide, []).append(b)
    for shown in slides.values():
        asked = next((i for i, b in enumerate(shown) if "?" in b.text), None)
        if asked is None:
            continue
        # the question stays text (the question asked of it quotes it), and so does the explanation after the
        # options ("That is correct. The R-squared metric is a measure of ...", set 49's kept card)
        for b in shown[asked + 1 : -1] if len(shown) - asked > 2 else shown[asked + 1 :]:
            b.kind = BlockKind.QUESTION
    return blocks


def _furniture_candidate(block: RawBlock, max_words: int) -> bool:
    return block.kind is not BlockKind.HEADING and not block.notes and len(block.text.split()) <= max_words


def _continue_titles(raw: list[RawBlock]) -> list[RawBlock]:
    """Drop a slide title that repeats the previous slide's title, or only says "contd": the section goes on."""
    out: list[RawBlock] = []
    previous = ""
    for block in raw:
        if block.kind is BlockKind.HEADING:
            key = key_string(_CONTINUED.sub("", block.text))
            if (key and key == previous) or (previous and not key and _CONTINUED.search(block.text)):
                continue
            previous = key
        out.append(block)
    return out


def _mark_credits(raw: list[RawBlock]) -> list[RawBlock]:
    """Acknowledgement / licence / thank-you slides, and licence lines anywhere (notes too), become boilerplate."""
    credit_slides = {b.slide for b in raw if b.kind is BlockKind.HEADING and _CREDIT_TITLE.match(b.text)}
    out = []
    for block in raw:
        if block.kind is not BlockKind.HEADING and (block.slide in credit_slides or _LICENCE_TEXT.search(block.text)):
            block = dataclasses.replace(block, kind=BlockKind.BOILERPLATE, forced=True)
        out.append(block)
    return out


#: A label opening a speaker-notes paragraph ("Talk track - ", "Example bank - ", "Common confusion: ").
_NOTE_LABEL = re.compile(r"^(?P<label>[A-Z][a-z]+(?: [a-z]+){0,2})(?:\s*$|\s+[-–—:]\s+|:\s+)")
#: Labels of what the presenter does next, not what the class learns ("Transition - Next, give a quick roadmap").
_STAGE_LABELS = frozenset(
    {
        "transition",
        "timing",
        "time",
        "say",
        "ask",
        "do",
        "click",
        "pause",
        "instructor note",
        "presenter note",
        "speaker note",
        "teaching tip",
        "facilitator note",
        "cue",
        "next",
    }
)
#: A label is the notes' template only when it opens this many of the deck's notes paragraphs.
_LABEL_USES = 3


def _note_labels(raw: list[RawBlock]) -> list[RawBlock]:
    """Speaker notes written on a template: the recurring labels ("Talk track - ", "Example bank - ") are taken off
    their paragraphs, a label standing alone is dropped, and a stage direction ("Transition - Next, give a quick
    roadmap so the lesson has visible structure.") is boilerplate: it tells the presenter what to do, not the class
    what to learn. Without a label opening three paragraphs the notes have no template, and "Stress - a body
    response" is their own text."""
    uses = Counter(m.group("label").lower() for b in raw if b.notes and (m := _NOTE_LABEL.match(b.text)))
    if not any(n >= _LABEL_USES for n in uses.values()):
        return raw
    # the notes follow a template: its other labels recur too, and a stage direction's label needs no second use
    labels = {label for label, n in uses.items() if n >= 2 or label in _STAGE_LABELS}
    out = []
    for block in raw:
        m = _NOTE_LABEL.match(block.text) if block.notes else None
        rest = block.text[m.end() :].strip() if m else ""
        if m is None or rest and m.group("label").lower() not in labels:
            out.append(block)
            continue
        if not rest or m.group("label").lower() in _STAGE_LABELS:
            out.append(dataclasses.replace(block, kind=BlockKind.BOILERPLATE, forced=True))
        else:
            out.append(dataclasses.replace(block, text=rest))
    return out


def _title_lines(raw: list[RawBlock]) -> list[RawBlock]:
    """A slide whose only text is its title (a title over pictures) gets the title again as a FRAGMENT line: the
    heading still starts the section, and a model is shown the slide and may quote its one line."""
    texts: dict[int, list[RawBlock]] = {}
    for block in raw:
        if block.slide is not None and block.text.strip():
            texts.setdefault(block.slide, []).append(block)
    out = []
    for block in raw:
        out.append(block)
        if block.kind is BlockKind.HEADING and block.slide is not None and texts.get(block.slide) == [block]:
            out.append(dataclasses.replace(block, kind=BlockKind.FRAGMENT, forced=True, level=0))
    return out


#: (a colon between two letters is part of a name: "micro:bit", "Bit:Bot", set 48's deck)
_PAIR = re.compile(r"^(?P<term>[^:=–—]{2,60}?)\s*(?::(?!\w)|\s[-–—]\s|\s=\s)\s*(?P<text>\S.*)$")
#: A second "name - explanation" inside an explanation: the line lists several pairs.
_ANOTHER_PAIR = re.compile(r"[,;]\s*[\w.]+(?:\(\))?\s+[-–—]\s+\S")
_LABEL_WORDS = frozenset(
    "first second third fourth next last step note example exercise answer question good bad different why how "
    "what when where who which tip hint warning remember e.g i.e two three four five six seven eight nine ten "
    "important key main".split()
)
_LABEL_ENDS = frozenset("point points insight idea ideas components factors given summary reminder takeaway goal".split())
_PREPOSITIONS = frozenset("of to for in on at by with from into than".split())
_CLAUSE_WORDS = frozenset("is are was were be been being has have had do does did can could will would may must should".split())


def _form_fields(raw: list[RawBlock]) -> set[str]:
    """The labels of the slides' "Label: text" lines that are a form's fields (``form_fields``)."""
    pairs = (m for b in raw if b.kind is BlockKind.PARAGRAPH and not b.notes and (m := _PAIR.match(b.text)) is not None)
    return form_fields((key_string(m["term"]), m["text"]) for m in pairs)


def _read_line(block: RawBlock, fields: set[str] = frozenset()) -> RawBlock:
    """A slide's own text (not notes, not a heading, not already a kind of its own): pair, fragment or sentence."""
    if block.kind is not BlockKind.PARAGRAPH or block.forced or block.notes:
        return block
    pair = _term_pair(block.text)
    if pair is not None and key_string(pair[0]) not in fields:
        return dataclasses.replace(block, kind=BlockKind.GLOSSARY, term=pair[0], text=pair[1])
    if is_fragment(block.text):
        return dataclasses.replace(block, kind=BlockKind.FRAGMENT, forced=True)
    return block


def _term_pair(text: str) -> tuple[str, str] | None:
    """("Term", "explanation") for "Term: explanation", "Term - explanation" or "Term = explanation"."""
    m = _PAIR.match(text)
    if m is None:
        return None
    term, explanation = m.group("term").strip(), m.group("text").strip()
    if term.count("(") != term.count(")"):
        return None  # a bracket open across the dash: a formula ("Primary deficit( fiscal deficit – interest payments)")
    if " - " in m.group() and explanation[:1].islower() and len(explanation.split()) < 4:
        return None  # a compound spaced apart ("Data driven micro - sites (NY Times)"; relay run 16), no pair
    if _ANOTHER_PAIR.search(explanation):
        return None  # several pairs on a line ("wday() - day of week, yday() - day of year"): kept as written
    words = term.split()
    lowered = [w.lower().strip("().,") for w in words]
    if not 1 <= len(words) <= 5 or not term[0].isalpha() or lowered[0] in STOPWORDS or lowered[0] in _LABEL_WORDS:
        return None
    if any(w in _CLAUSE_WORDS or not w.isalpha() and "-" not in w and "’" not in w for w in lowered):
        return None
    if lowered[-1] in _LABEL_ENDS or not can_be_noun(lowered[-1]) or "?" in explanation:
        return None
    tokens = explanation.split()
    if tokens[0].lower() in _PREPOSITIONS:
        return None
    alpha = [t for t in tokens if t.strip(".,;:()\"'“”").isalpha()]
    if len(alpha) < 3 or len(alpha) < 0.75 * len(tokens) or len({t.lower() for t in alpha}) < 3:
        return None
    if _example_list(explanation):
        return None
    return term, explanation


def _example_list(text: str) -> bool:
    """A list of short items without a verb ("Capital: perpetually licensed software, IT maintenance, warranty on
    products, credit card, banking" answers "Can you think of services in these categories?"): examples of the
    term, not what it is."""
    parts = [p.strip() for p in re.split(r",|;|\band\b", text.rstrip(".")) if p.strip()]
    if len(parts) < 3 or any(len(p.split()) > 4 for p in parts):
        return False
    return not any(w.lower() in _CLAUSE_WORDS for p in parts for w in p.split())


def is_fragment(text: str) -> bool:
    """A slide line that is not a statement: an exclamation, a label of three words or fewer, a line of Title Case
    words without an end stop, or a line without a verb."""
    text = text.strip()
    if text.endswith("!"):
        return True
    words = surface_words(text)
    if len(words) <= 2:
        return True
    ended = text[-1:] in ".?;"
    content = [w for w in words if w.lower() not in STOPWORDS]
    if not ended and content and all(w[:1].isupper() for w in content):
        return True
    return not any(w.lower() in _CLAUSE_WORDS or "VERB" in word_classes(w) for w in words[1:])
