"""Stage 2, clean: a document's raw layer -> plain-text ``blocks`` with page / slide / time / section and kind.

One cleaner per raw layer; ``clean`` picks it by the document's kind.
"""

from __future__ import annotations

import dataclasses
import re

from seekh_convert.clean.aims import is_outcome, mark_aims
from seekh_convert.clean.matter import mark_matter
from seekh_convert.errors import InputError
from seekh_convert.model.document import BlockKind, Document, SourceKind
from seekh_convert.text.language import detect_language, sample
from seekh_convert.text.lexicon import zipf
from seekh_convert.text.normalize import normalize_ws
from seekh_convert.text.sentences import sentence_spans
from seekh_convert.text.words import word_count

#: A document with fewer usable words than this has too little text to make a study guide from.
MIN_WORDS = 20


def clean(doc: Document) -> Document:
    """Fill ``doc.blocks`` from the raw layer the reader filled, front and back matter marked; refuse a document
    with too little text."""
    doc = _cleaner(doc)(doc)
    doc.blocks = _divide_walls(doc.blocks)
    _unrepeat_headings(doc)
    _box_labels(doc)
    mark_aims(mark_matter(doc.blocks))
    _enough_text(doc)
    doc.language = detect_language(sample([b.text for b in doc.blocks if b.usable]))
    return doc


#: A paragraph longer than this is a wall of text (a transcript saved as one line, a page pasted without its breaks),
#: not an author's paragraph: it is divided at sentence ends into paragraphs of about ``_PARAGRAPH_WORDS``.
_WALL_WORDS = 600
_PARAGRAPH_WORDS = 180


def _divide_walls(blocks: list) -> list:
    """``blocks`` with every wall of text divided into paragraphs at sentence ends: a 5,000-word transcript saved on
    one line was one block, so one topic titled "Across" (set 52); its topics are now cut where the subject turns."""
    out = []
    for block in blocks:
        if block.kind is not BlockKind.PARAGRAPH or block.times or (size := word_count(block.text)) <= _WALL_WORDS:
            out.append(block)
            continue
        start = words = 0
        spans = sentence_spans(block.text)
        if size > _UNPUNCTUATED_WORDS * len(spans):
            spans = _word_spans(block.text)  # a transcript without punctuation (set 74's lecture): cut between words
        for i, (begin, end) in enumerate(spans):
            words += word_count(block.text[begin:end])
            if words >= _PARAGRAPH_WORDS and len(spans) - i > 2 or i == len(spans) - 1:
                piece = block.text[start : len(block.text) if i == len(spans) - 1 else end].strip()
                if piece:
                    out.append(dataclasses.replace(block, text=piece))
                start = spans[i + 1][0] if i + 1 < len(spans) else len(block.text)
                words = 0
    return out


#: Words per sentence above which a wall has no sentence ends to divide it at.
_UNPUNCTUATED_WORDS = 120


def _word_spans(text: str) -> list[tuple[int, int]]:
    """Runs of about ``_PARAGRAPH_WORDS`` words of ``text``, as (start, end) character spans."""
    bounds = [m.span() for m in re.finditer(r"\S+", text)]
    return [
        (bounds[i][0], bounds[min(i + _PARAGRAPH_WORDS, len(bounds)) - 1][1]) for i in range(0, len(bounds), _PARAGRAPH_WORDS)
    ]


#: A heading's text drawn several times over itself (a shadow or a fake bold), as the PDF's text layer holds it:
#: "ActivityActivityActivityActivityActivity 1.1", "What is Psychology?What is Psychology?" (set 20's NCERT chapter).
_REPEATED = re.compile(r"(\S.{4,}?)\1+")


#: A footnote's mark glued to a heading's last word: "Introduction to Strategic Analysisi" (set 20's Lenox reading).
_NOTE_MARK = re.compile(r"(?<=[a-z])([ivx]{1,3}|\d{1,2}|[*†‡])$")


def unrepeated(text: str) -> str:
    """A heading's ``text`` with a run of five characters or more repeated back to back kept once, and a footnote
    mark glued to its last word left out (when the word without it is English and with it is not)."""
    if len(text) >= 300:
        return text
    text = _REPEATED.sub(r"\1", text)
    last = text.split()[-1] if text.split() else ""
    mark = _NOTE_MARK.search(last)
    if mark and zipf(last[: mark.start()]) >= 3.0 and zipf(last) < 1.0:
        text = text[: len(text) - len(mark.group())]
    return text


def _unrepeat_headings(doc: Document) -> None:
    """Headings (and the sections named after them) without their overprinted repeats."""
    renamed = {}
    for block in doc.blocks:
        if block.kind is BlockKind.HEADING and (fixed := unrepeated(block.text)) != block.text:
            renamed[block.text] = fixed
            block.text = fixed
    if renamed:
        for block in doc.blocks:
            if block.section in renamed:
                block.section = renamed[block.section]


#: The label of a numbered box set in a heading's type ("Activity 1.2", "Box 3.1"): a box inside the section, not
#: a section of its own (set 20's NCERT chapter cut its sections at each activity and named topics after them).
_BOX_LABEL = re.compile(
    r"^(?:activity|box|try this|think it over|pause and reflect|did you know\??|focus|case|key concept|note)\s+"
    r"\d+(?:\.\d+)*\s*[:.]?$"
    r"|^after (?:reading|studying|completing|going through) this (?:chapter|unit|lesson|module|section),? you (?:would|will"
    r"|should) be able to\W*$",  # the lead-in of a list of outcomes, set as a heading
    re.I,
)


def _box_labels(doc: Document) -> None:
    """A box's label is no heading: it and its box stay in the section around them. The outcomes next to an "After
    reading this chapter, you would be able to" lead-in (before it, where the page's columns put them first) are
    the chapter's aims."""
    section: str | None = None
    label: str | None = None
    for i, block in enumerate(doc.blocks):
        if block.kind is BlockKind.HEADING and _BOX_LABEL.match(normalize_ws(block.text)):
            label, block.kind = block.text, BlockKind.BOILERPLATE
            block.section = section or block.section
            if block.text.lower().startswith("after"):
                _outcomes_around(doc.blocks, i)
        elif block.kind is BlockKind.HEADING:
            section, label = block.text, None
        elif label is not None and section is not None and block.section == label:
            block.section = section


def _outcomes_around(blocks: list, i: int) -> None:
    """The outcome lines right before and right after ``blocks[i]`` become boilerplate."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(blocks) and blocks[j].kind is not BlockKind.HEADING and is_outcome(blocks[j].text):
            blocks[j].kind = BlockKind.BOILERPLATE
            j += step


def _cleaner(doc: Document):
    """The cleaner of the document's raw layer."""
    if doc.kind is SourceKind.PDF:
        from seekh_convert.clean.pdf import PdfCleaner

        return PdfCleaner()
    if doc.kind is SourceKind.TRANSCRIPT:
        from seekh_convert.clean.transcript import TranscriptCleaner

        return TranscriptCleaner()
    if doc.kind is SourceKind.SLIDES:
        from seekh_convert.clean.slides import SlidesCleaner

        return SlidesCleaner()
    if doc.kind in (SourceKind.DOCX, SourceKind.HTML, SourceKind.EPUB):
        from seekh_convert.clean.structured import StructuredCleaner

        return StructuredCleaner()
    from seekh_convert.clean.markdown import MarkdownCleaner

    return MarkdownCleaner()


def _enough_text(doc: Document) -> None:
    """A file that opens (or decrypts) to a few words is refused for what it is: too little text."""
    text = " ".join(b.text for b in doc.blocks if b.usable)
    words = word_count(text)
    exercises = [b for b in doc.blocks if b.kind is BlockKind.QUESTION]
    if words < MIN_WORDS and word_count(" ".join(b.text for b in exercises)) >= MIN_WORDS:
        raise InputError(
            f"{doc.path.name} has too little text to study: its text is exercises or answers (under "
            f"\u201c{exercises[0].section or 'an exercises heading'}\u201d), which no guide is made from; convert the "
            "teaching material that goes with them"
        )
    if words < MIN_WORDS:
        shown = normalize_ws(text)
        quote = f": \u201c{shown[:60]}{'...' if len(shown) > 60 else ''}\u201d" if shown else ""
        raise InputError(
            f"{doc.path.name} has too little text to study ({words} word{'s' if words != 1 else ''}{quote}); "
            f"a study guide needs at least {MIN_WORDS} words of prose"
        )
