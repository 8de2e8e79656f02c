"""What a document says about itself, not about its subject: learning outcomes, keyword lists, an abstract,
course administration. A teacher never makes a summary, a card or a topic title of these.

- Learning outcomes ("Define the nature and purposes of planning.") listed on an opening slide or page, or under a
  "Learning outcomes/objectives" title, are boilerplate. A review slide titled "Review Learning Outcome 8.3" takes
  its outcome's subject as its title ("Review: Approaches to goal-setting and planning"), the outcome line out.
- "Keywords: a; b; c" lines and the blocks under an "Abstract" heading (or a paragraph opening "Abstract") are front
  matter.
- Course administration (a swirl lesson's "What: ... How: In the R Console pane load swirl ... Why: ...", a "BOOK
  PROPOSAL DRAFT" banner) is boilerplate.
"""

from __future__ import annotations

import re

from seekh_convert.model.document import Block, BlockKind
from seekh_convert.text.normalize import normalize_ws

#: Verbs that open a learning outcome (Bloom's taxonomy), followed by what the student learns.
_OUTCOME = re.compile(
    r"^(?:(?:\d+(?:\.\d+)*|[a-z]|[ivx]+)[.)]\s+)?(?:be able to\s+)?"
    r"(define|describe|explain|classify|compare(?: and contrast)?|contrast|discuss|identify|list|outline|summari[sz]e|"
    r"analy[sz]e|evaluate|apply|demonstrate|distinguish(?: between)?|recogni[sz]e|understand|state|name|illustrate|"
    r"interpret|differentiate(?: between)?|examine|assess|calculate|construct|design|develop|recall|relate|use|"
    r"know|appreciate|critique|justify|predict)\s+(?=[a-z])",
    re.I,
)
_OUTCOME_TITLE = re.compile(
    r"^(?:review\s+)?(?:learning\s+)?(?:outcomes?|objectives?|aims?|goals? of this (?:chapter|lecture|section|unit))"
    r"(?:\s+[\d.]+)?\s*:?$|^review\s+(?:learning\s+)?(?:outcomes?|objectives?)\b",
    re.I,
)
_REVIEW_TITLE = re.compile(r"^review\b", re.I)
_KEYWORDS = re.compile(r"^(?:key\s?words?|index terms|keywords and phrases|subject terms)\s*[:.—–-]\s*\S", re.I)
_ABSTRACT_TITLE = re.compile(r"^(?:abstract|zusammenfassung|résumé)\s*[.:]?$", re.I)
_ABSTRACT_START = re.compile(r"^abstract\s*[.:—–-]\s*[A-Z]", re.I)
_ADMIN = re.compile(
    r"^what:.{0,200}\bhow:.{0,300}\bwhy:|\b(?:load|run|install) swirl\b|\bin the (?:r )?console pane\b"
    r"|^(?:[A-Z]+ )*DRAFT$",
)
MAX_OUTCOME_WORDS = 30
#: "Bubble pushing: a shortcut method for forming equivalent logic circuits, based on De Morgan's theorem."
_TERM_LINE = re.compile(r"^[A-Z][\w'’ -]{2,40}:\s+(?:\S+\s+){5,}\S")
#: A slide title about the course, not its subject: objectives, schedule, grading, contact, the course itself.
_ADMIN_SLIDE = re.compile(
    r"^(?:course|class|module|lecture|session|learning)\s+(?:objectives?|outcomes?|goals?|aims?)\b.{0,40}$"
    r"|^(?:objectives?|outcomes?|schedule|syllabus|timetable|logistics|grading|marking|office\s+hours|agenda)\W*$"
    r"|^(?:course|class)\s+(?:outline|overview|structure|policies|calendar|grade|requirements|materials?|information)\W*$"
    r"|^(?:grading|marking|assessment)\s+(?:scheme|policy|breakdown|criteria)\W*$"
    r"|^(?:contact(?:\s+(?:info(?:rmation)?|details))?|about\s+(?:me|us|the\s+instructor|this\s+course)"
    r"|(?:your\s+)?instructors?|teaching\s+assistants?)\W*$"
    r"|^(?:assignments?|homework|coursework|deadlines?)(?:\s+(?:for|due|and|&)\b.{0,30})?\W*$|^(?:for\s+)?next\s+(?:week|class|time|lecture)\b.{0,30}$"
    r"|^(?:coffee|tea|lunch|break)\b.{0,20}$"
    # "National EMS Education Standard Competencies (1 of 4)": what the course must cover (set 35's EMR deck)
    r"|^(?:[\w-]+\s+){0,4}standards?\s+competenc(?:y|ies)\s*(?:\(\d+\s+of\s+\d+\))?\W*$"
    r"|^this\s+(?:course|class|module)\b.{0,30}$|^(?:welcome\b|today\s+we|today['’]s\s+(?:plan|agenda)).{0,40}$",
    re.I,
)


def mark_aims(blocks: list[Block]) -> list[Block]:
    """Mark outcomes, keywords, abstracts and administration among ``blocks`` (in place) and return them."""
    _mark_outcomes(blocks)
    _mark_opening_outcomes(blocks)
    for block in blocks:
        if block.usable and (_KEYWORDS.match(block.text) or _ADMIN.search(block.text)) and len(block.text.split()) <= 120:
            block.kind = BlockKind.BOILERPLATE
    _mark_abstract(blocks)
    _mark_admin_slides(blocks)
    return blocks


def _mark_admin_slides(blocks: list[Block]) -> None:
    """On a slide deck, the slides about the course (learning objectives, schedule, grading, contact, "This course
    is not:") are administration: their text is no topic's content (a teacher drops every item made of it)."""
    if not any(b.slide is not None for b in blocks):
        return
    admin = aims = False
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            title = normalize_ws(block.text).strip(" :")
            admin, aims = bool(_ADMIN_SLIDE.match(title)), bool(_OUTCOME_TITLE.match(title))
        elif aims and not block.bullet and _TERM_LINE.match(block.text) and not is_outcome(block.text):
            continue  # the notes of an objectives slide saying what each term is ("Bubble pushing: a shortcut ...")
        elif admin and block.kind is not BlockKind.BOILERPLATE:
            block.kind = BlockKind.BOILERPLATE


def is_outcome(text: str) -> bool:
    """A learning-outcome line: a Bloom verb and its object, short, one sentence at most."""
    text = normalize_ws(text)
    return bool(_OUTCOME.match(text)) and len(text.split()) <= MAX_OUTCOME_WORDS and text.rstrip(".").count(". ") == 0


def _mark_outcomes(blocks: list[Block]) -> None:
    """Lines under a learning-outcomes title; a review slide titled by its outcome number takes the outcome's subject."""
    for i, heading in enumerate(blocks):
        if heading.kind is not BlockKind.HEADING or not _OUTCOME_TITLE.match(normalize_ws(heading.text)):
            continue
        body = _section_body(blocks, i)
        if _REVIEW_TITLE.match(heading.text) and body and is_outcome(body[0].text):
            _retitle(blocks, i, "Review: " + _subject(body[0].text))
            body[0].kind = BlockKind.BOILERPLATE
            continue
        for block in body:
            if not is_outcome(block.text):
                break
            block.kind = BlockKind.BOILERPLATE


def _mark_opening_outcomes(blocks: list[Block]) -> None:
    """Two or more outcome lines together in the document's first section with text (a title slide listing aims)."""
    first = next((i for i, b in enumerate(blocks) if b.usable), None)
    headings = [i for i, b in enumerate(blocks) if b.kind is BlockKind.HEADING and first is not None and i > first]
    if not headings:
        return  # no opening section (a transcript, a page of prose)
    end = headings[0]
    run: list[Block] = []
    for block in [*blocks[:end], None]:
        if block is not None and block.usable and is_outcome(block.text):
            run.append(block)
            continue
        if block is not None and not block.usable:
            continue
        if len(run) >= 2:
            for b in run:
                b.kind = BlockKind.BOILERPLATE
        run = []


def _mark_abstract(blocks: list[Block]) -> None:
    """Blocks under an "Abstract" heading up to the next heading, or a paragraph opening "Abstract." near the start."""
    inside = False
    for n, block in enumerate(blocks):
        if block.kind is BlockKind.HEADING:
            inside = bool(_ABSTRACT_TITLE.match(normalize_ws(block.text)))
            continue
        if block.usable and (inside or (n < 40 and _ABSTRACT_START.match(block.text))):
            block.kind = BlockKind.BOILERPLATE


def _section_body(blocks: list[Block], i: int) -> list[Block]:
    body: list[Block] = []
    for block in blocks[i + 1 :]:
        if block.kind is BlockKind.HEADING:
            break
        if block.usable:
            body.append(block)
    return body


def _subject(outcome: str) -> str:
    """ "Compare and contrast approaches to goal-setting and planning." -> "Approaches to goal-setting and planning"."""
    text = _OUTCOME.sub("", normalize_ws(outcome)).rstrip(" .;:")
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)
    return text[:1].upper() + text[1:]


def _retitle(blocks: list[Block], i: int, title: str) -> None:
    old = blocks[i].text
    blocks[i].text = title
    for block in blocks[i:]:
        if block.section == old:
            block.section = title
        elif block is not blocks[i] and block.kind is BlockKind.HEADING:
            break
