"""Segment: split a cleaned document into topics, one study guide each.

Boundaries come from the best signal the document has: PDF bookmarks, then headings (font size or
Markdown), then coherent windows of text (lexical shifts; time windows for transcripts). Sections that
are too small are merged into a neighbour, sections that are too large are split at their sub-headings
or into windows, so a 20-page chapter becomes a handful of guides, not one vague guide nor 200 tiny ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Annotated

from rapidfuzz import fuzz

from seekh_convert.errors import InputError
from seekh_convert.model.document import Block, BlockKind, Document, SourceKind, Topic
from seekh_convert.split.spoken import name_spoken_windows
from seekh_convert.split.windows import lexical_cuts, name_windows
from seekh_convert.split.wrapup import fold_wrap_ups, is_file_label
from seekh_convert.text.lexicon import small_caps, zipf
from seekh_convert.text.normalize import GLUED_LAYERS, normalize_ws

#: A slide that sets students work: no name for the slides around it.
_ACTIVITY = re.compile(
    r"^(?:class |in-class |group )?(?:exercises?|tasks?|activity|activities|practice|quiz|homework|lab|questions?\s*\d*$"
    r"|knowledge check|check your (?:knowledge|understanding))\b",  # a deck's "Question 3" slide (set 52's topic title)
    re.I,
)
#: A slide listing what students will learn, or a bare "Example 1": it names none of the slides it is grouped with.
_AIMS = re.compile(
    r"^(?:(?:course|lecture|session|learning)\s+)?(?:objectives?|outcomes?|aims?|goals?)\W*$|^examples?(?:\s+[\d.]+)?\W*$", re.I
)
#: A file's name standing in for a title: lower case words joined by hyphens or underscores.
_FILE_NAME = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)+$")
_EXAMPLE = re.compile(r"^(?:worked |solved )?examples?\b(?:\s*[\d.]+)?\s*[:.\u2013\u2014-]", re.I)


@dataclass
class _Section:
    title: str
    blocks: list[Block] = field(default_factory=list)
    start: int = 0  # index of the first block in the document
    path: tuple[str, ...] = ()  # titles of the bookmarks/headings above it, outermost first (siblings share it)

    @property
    def words(self) -> int:
        """Size of the section: its usable words, and its maths (never quoted, but a topic's content all the same)."""
        return sum(len(b.text.split()) for b in self.blocks if b.usable or b.kind is BlockKind.FORMULA)


@dataclass(frozen=True)
class _Boundary:
    index: int  # block index where a section starts
    level: int
    title: str


class Segmenter:
    """Fills ``document.topics``."""

    min_words: Annotated[int, "a topic with fewer usable words is merged into a neighbour"] = 250
    max_words: Annotated[int, "a topic with more usable words is split at sub-headings or into windows"] = 3000
    window_words: Annotated[int, "target size of a window when a document has no headings"] = 1200
    window_seconds: Annotated[float, "target length of a transcript topic"] = 420.0
    deck_words: Annotated[int, "slide decks: neighbouring slides are grouped until a topic has this many usable words"] = 120

    def __init__(
        self,
        max_topics: int | None = None,
        single_topic: bool = False,
        deck_words: int | None = None,
        topic_words: int | None = None,
    ):
        if max_topics is not None and max_topics < 1:
            raise ValueError("max_topics must be at least 1")
        if deck_words is not None and deck_words < 1:
            raise ValueError("deck_words must be at least 1")
        if topic_words is not None and topic_words < 1:
            raise ValueError("topic_words must be at least 1")
        self.max_topics = max_topics
        self.single_topic = single_topic
        if deck_words is not None:  # an engine's own topic size (a model reads a whole lecture's slides at once)
            self.deck_words = deck_words
        if topic_words is not None:  # an engine's smallest topic (a model's request carries its rubric whatever the size)
            self.min_words = topic_words

    def __call__(self, doc: Document) -> Document:
        blocks = doc.blocks
        if not any(b.usable for b in blocks):
            raise InputError(f"{doc.path.name}: no usable text found after cleaning; check that the file holds prose")
        if self.single_topic:
            sections = [_Section(doc.title or doc.path.stem, list(blocks))]
        else:
            sections = self._sections(doc)
        for sec in sections:  # contents and index pages serve no topic, not even as context
            sec.blocks = [b for b in sec.blocks if b.kind not in (BlockKind.CONTENTS, BlockKind.INDEX)]
        sections = [s for s in sections if s.words > 0]
        sections = fold_wrap_ups(sections, _joined)
        if self.max_topics and len(sections) > self.max_topics:
            doc.warnings.append(f"{len(sections)} sections merged into {self.max_topics} topics (--max-topics {self.max_topics})")
            sections = _cap(sections, self.max_topics)
        if len(sections) > 1:  # the text before the first heading of a document titled only by its file's name opens it
            # (set 60's unit opener was titled "ncert-biology-xii-ch9-biotechnology-principles-and-processes")
            for sec in sections:
                sec.title = _OPENING if sec.title == doc.path.stem else sec.title
        capitals = _capital_words(doc)
        titles = _unique_titles([_clean_title(s.title, doc, capitals) for s in sections], sections)
        doc.topics = [Topic(index=i, title=t, blocks=s.blocks) for i, (t, s) in enumerate(zip(titles, sections), 1)]
        return doc

    # -- choosing boundaries -------------------------------------------------------------

    def _sections(self, doc: Document) -> list[_Section]:
        boundaries = _outline_boundaries(doc) or _heading_boundaries(doc.blocks)
        if doc.kind is SourceKind.SLIDES and boundaries:
            return self._deck_sections(doc, boundaries)
        if doc.kind is SourceKind.TRANSCRIPT or not boundaries:
            transcript = doc.kind is SourceKind.TRANSCRIPT
            # a title that is only the file's name ("motor-control-week14-...-lecture-notes") prefixes no topic
            named = doc.title if doc.title and doc.title != doc.path.stem else ""
            return self._windows(doc.blocks, doc.title or doc.path.stem, transcript, prefix="" if transcript else named)
        levels = sorted({b.level for b in boundaries})
        chosen = levels[-1]
        for level in levels:
            if sum(1 for s in _split(doc.blocks, boundaries, level, doc.title) if s.words >= self.min_words) >= 2:
                chosen = level
                break
        sections = [s for s in _split(doc.blocks, boundaries, chosen, doc.title) if not _is_back_matter(s.title)]
        _set_parents(sections, boundaries, chosen)
        sections = self._split_large(sections, chosen, boundaries)
        return _fold_examples(_merge_small(sections, self.min_words))

    def _deck_sections(self, doc: Document, boundaries: list[_Boundary]) -> list[_Section]:
        """A deck: one section per slide title, neighbours grouped into topics of about ``deck_words`` so that the
        topics cover the whole deck, each named by its fullest slide."""
        deepest = max(b.level for b in boundaries)
        sections = [s for s in _split(doc.blocks, boundaries, deepest, doc.title) if not _is_back_matter(s.title)]
        groups = _group_slides(sections, self.deck_words)
        if len(groups) == 1 and len(sections) > 1 and doc.title:  # the whole lecture: its title, not one slide's
            groups[0].title = _cover_subject(sections[0]) or doc.title
        return groups

    def _split_large(self, sections: list[_Section], level: int, boundaries: list[_Boundary]) -> list[_Section]:
        """Split sections above ``max_words`` at deeper bookmarks or headings, else into windows."""
        out: list[_Section] = []
        for sec in sections:
            if sec.words <= self.max_words:
                out.append(sec)
                continue
            end = sec.start + len(sec.blocks)
            inner = {b.index: b for b in boundaries if sec.start <= b.index < end and b.level > level}
            for i, block in enumerate(sec.blocks[1:], sec.start + 1):
                if block.kind is BlockKind.HEADING and block.level > level and i not in inner:
                    inner[i] = _Boundary(i, block.level, normalize_ws(block.text))
            if inner:
                sub_level = min(b.level for b in inner.values())
                parts = _split(sec.blocks, list(inner.values()), sub_level, sec.title, offset=sec.start)
                for part in parts:
                    part.path = (*sec.path, sec.title)
                parts = _merge_small([p for p in parts if not _is_back_matter(p.title)], self.min_words)
                if len(parts) > 1:
                    out.extend(self._split_large(parts, sub_level, boundaries))
                    continue
            # a file's name standing for the title ("upsc-gs4-ethics-...-class-notes") prefixes no window (set 55)
            windows = self._windows(sec.blocks, sec.title, False, prefix="" if _FILE_NAME.match(sec.title) else sec.title)
            for window in windows:
                window.path = (*sec.path, sec.title)
            out.extend(windows)
        return out

    def _windows(self, blocks: list[Block], title: str, transcript: bool, prefix: str = "") -> list[_Section]:
        usable_words = sum(len(b.text.split()) for b in blocks if b.usable)
        if transcript:
            usable_words += sum(len(b.text.split()) for b in blocks if b.kind is BlockKind.FRAGMENT)
            span = _time_span(blocks)
            target = max(1, round(span / self.window_seconds)) if span else max(1, round(usable_words / self.window_words))
            target = min(target, max(1, usable_words // self.min_words))
        else:
            target = max(1, round(usable_words / self.window_words))
        if target <= 1:
            return [_Section(title, list(blocks))]
        cuts = lexical_cuts(blocks, target, spoken=transcript)
        parts: list[_Section] = []
        start = 0
        for cut in [*cuts, len(blocks)]:
            parts.append(_Section("", blocks[start:cut]))
            start = cut
        if transcript:
            name_spoken_windows(parts, title)
        else:
            name_windows(parts, prefix, title)
        return parts


def _outline_boundaries(doc: Document) -> list[_Boundary]:
    """Section starts from PDF bookmarks: the block matching the title on its page, else the page's first block.
    Bookmarks most of whose titles are no block of their pages are another document's (set 70's book chapter kept
    the next chapter's, and made one topic "Exercises" of 28 pages): the text's own headings, where it has some,
    decide then."""
    if not doc.outline:
        return []
    out: list[_Boundary] = []
    found = 0
    for entry in doc.outline:
        on_page = [i for i, b in enumerate(doc.blocks) if b.page == entry.page]
        if not on_page:
            later = [i for i, b in enumerate(doc.blocks) if b.page is not None and b.page > entry.page]
            if not later:
                continue
            on_page = later[:1]
        title = normalize_ws(entry.title).casefold()
        texts = [normalize_ws(doc.blocks[i].text).casefold() for i in on_page]
        match = next((i for i, text in zip(on_page, texts) if fuzz.ratio(text, title) >= 85), None)
        index = on_page[0] if match is None else match
        found += match is not None or bool(title) and any(text.startswith(title) for text in texts)
        out.append(_Boundary(index, entry.level, normalize_ws(entry.title)))
    if 2 * found < len(out) and len(_heading_boundaries(doc.blocks)) >= 2:
        return []
    out.sort(key=lambda b: (b.index, b.level))
    return out


def _heading_boundaries(blocks: list[Block]) -> list[_Boundary]:
    return [
        _Boundary(i, max(1, b.level), normalize_ws(b.text))
        for i, b in enumerate(blocks)
        if b.kind is BlockKind.HEADING and not _AUTHOR_LINE.search(b.text)
    ]


#: An author line set as a heading: a name with its footnote mark, then affiliations ("Alexandre Landi∗ IBM Skema
#: Business School Georgia Institute of Technology", set 45's notes, was a topic title).
_AUTHOR_LINE = re.compile(r"^[A-Z][a-z]+(?:\s+[A-Z]\.?)?\s+[A-Z][a-z]+[\u2217\u2020\u2021*]")


def _fold_examples(sections: list[_Section]) -> list[_Section]:
    """A topic is never titled by a worked example ("Example: Lewis structure of CO2"): it takes the first concept
    heading inside it, else it joins the topic before it."""
    out: list[_Section] = []
    for sec in sections:
        if not _EXAMPLE.match(sec.title):
            out.append(sec)
            continue
        concept = next(
            (
                normalize_ws(b.text)
                for b in sec.blocks
                if b.kind is BlockKind.HEADING and not _EXAMPLE.match(normalize_ws(b.text))
            ),
            "",
        )
        if concept:
            sec.title = concept
            out.append(sec)
        elif out:
            out[-1].blocks.extend(sec.blocks)
        else:
            out.append(sec)
    return out


def _split(blocks: list[Block], boundaries: list[_Boundary], level: int, first_title: str, offset: int = 0) -> list[_Section]:
    """Cut ``blocks`` (which start at document index ``offset``) at the boundaries of ``level`` or above."""
    starts = {b.index - offset: b.title for b in boundaries if b.level <= level}
    sections = [_Section(starts.get(0, first_title), start=offset)]
    for i, block in enumerate(blocks):
        if i in starts and i > 0:
            sections.append(_Section(starts[i], start=offset + i))
        sections[-1].blocks.append(block)
    return [s for s in sections if s.blocks]


def _merge_small(sections: list[_Section], min_words: int) -> list[_Section]:
    """Merge sections below ``min_words`` into a neighbour: an opening one forward, others backward."""
    out = list(sections)
    changed = True
    while changed and len(out) > 1:
        changed = False
        for i, sec in enumerate(out):
            if sec.words >= min_words:
                continue
            if i == 0:
                nxt = out[1]
                title = nxt.title if sec.words < nxt.words else sec.title
                out[0:2] = [_Section(title, sec.blocks + nxt.blocks, sec.start)]
            else:
                prev = out[i - 1]
                out[i - 1 : i + 1] = [_Section(prev.title, prev.blocks + sec.blocks, prev.start)]
            changed = True
            break
    return out


_SLIDES_PER_TOPIC = 4
#: The title of the text before a document's first heading when the document has no title but its file's name.
_OPENING = "Introduction"


#: A cover slide's title that labels the course or the session rather than saying what it is about.
_COURSE_LABEL = re.compile(r"\d|\b(?:lecture|week|unit|chapter|module|session|part|course|class|lesson)\b", re.I)
_LABELLED_TITLE = re.compile(
    r"^(?:lecture|week|unit|chapter|module|session|part|lesson)\s*\d+\s*[:.\-\u2013\u2014]\s*(\S.{2,80})$", re.I
)
#: A cover line that names people, places or dates, not the subject.
_BYLINE = re.compile(
    r"@|\b(?:dr|prof|professor|instructor|lecturer|presented|university|department|college|school)\b|\d{4}", re.I
)


def _cover_subject(cover: _Section) -> str:
    """What a lecture is about, from its cover slide: the line under a title that is a course or session label
    ("Game Development 2B" / "Linked Lists", "Lecture 6" / "Making Decisions"); empty when there is none."""
    labelled = _LABELLED_TITLE.match(normalize_ws(cover.title))
    if labelled:
        return labelled.group(1)  # "Lecture 2: Android Concepts"
    if not _COURSE_LABEL.search(cover.title):
        return ""
    blocks = list(cover.blocks)
    for i, block in enumerate(blocks):
        text = normalize_ws(block.text)
        if block.kind is BlockKind.HEADING or not text or normalize_ws(cover.title) == text:
            continue
        if _COURSE_LABEL.search(text) and len(text.split()) <= 4:
            continue  # "Lecture 1" under "Math 260 Foundations of Geometry": another label
        for after in blocks[i + 1 :]:  # a subject broken over lines: "Preprocessor and" / "some miscellaneous topics"
            more = normalize_ws(after.text)
            if after.kind is BlockKind.HEADING or not more[:1].islower():
                break
            text = f"{text} {more}"
        words = text.split()
        if 1 <= len(words) <= 8 and not _BYLINE.search(text) and not text.endswith((".", "?", "!")):
            return text
        return ""
    return ""


def _group_slides(sections: list[_Section], deck_words: int) -> list[_Section]:
    """Merge neighbouring slides, the pair with the fewest words first, into ``total / deck_words`` groups (at most
    one per ``_SLIDES_PER_TOPIC`` titled slides: speaker notes make slides long, not topics many); a group
    takes the title of its member slide with the most words (the first on a tie), an exercise slide's only when all
    its slides set exercises."""
    groups = [[s] for s in sections]
    target = max(1, min(round(sum(s.words for s in sections) / deck_words), round(len(sections) / _SLIDES_PER_TOPIC)))

    def words(group: list[_Section]) -> int:
        return sum(s.words for s in group)

    while len(groups) > target:
        i = min(range(len(groups) - 1), key=lambda k: (words(groups[k]) + words(groups[k + 1]), k))
        groups[i : i + 2] = [groups[i] + groups[i + 1]]
    out = []
    for group in groups:
        # an exercise or task slide is long but names no topic ("Exercise 2" over slides on resampling; relay run 14)
        # nor does a learning-objectives slide, whose notes may say what each term is (set 72's "Learning Objectives")
        titled = [s for s in group if not _ACTIVITY.match(s.title) and not _AIMS.match(s.title)] or group
        named = max(titled, key=lambda s: (s.words, -s.start))
        out.append(_Section(named.title, [b for s in group for b in s.blocks], group[0].start, named.path))
    return out


def _set_parents(sections: list[_Section], boundaries: list[_Boundary], level: int) -> None:
    """Each section's path: the bookmarks or headings above ``level`` that enclose it, outermost first."""
    upper = [b for b in boundaries if b.level < level]
    for sec in sections:
        stack: list[_Boundary] = []
        for b in (b for b in upper if b.index <= sec.start):
            stack = [x for x in stack if x.level < b.level] + [b]
        sec.path = tuple(b.title for b in stack)


def _common(a: _Section, b: _Section) -> tuple[str, ...]:
    """The nearest common ancestry of two adjacent sections (a part's own opening section counts as the part)."""
    first = (*a.path, a.title) if b.path[: len(a.path) + 1] == (*a.path, a.title) else a.path
    n = 0
    while n < min(len(first), len(b.path)) and first[n] == b.path[n]:
        n += 1
    return first[:n]


def _joined(a: _Section, b: _Section, title: str) -> _Section:
    """Sections ``a`` and ``b`` as one, titled ``title``."""
    return _Section(title, a.blocks + b.blocks, a.start, a.path)


def _cap(sections: list[_Section], max_topics: int) -> list[_Section]:
    """Merge adjacent sections until at most ``max_topics`` remain, following the bookmark/heading hierarchy:
    the closest relatives first (same parent, then same grandparent...), smallest first; merged relatives take
    the title of their nearest common parent."""
    out = list(sections)
    while len(out) > max_topics:

        def cost(k: int) -> tuple[int, int, int]:
            return (-len(_common(out[k], out[k + 1])), out[k].words + out[k + 1].words, k)

        i = min(range(len(out) - 1), key=cost)
        a, b = out[i], out[i + 1]
        common = _common(a, b)
        title = common[-1] if common else a.title if a.words >= b.words else b.title
        out[i : i + 2] = [_Section(title, a.blocks + b.blocks, a.start, path=common[:-1])]
    return out


def _unique_titles(titles: list[str], sections: list[_Section]) -> list[str]:
    """No two topics of a document share a title: a repeated one names its parent, else its first sub-heading,
    else its part number."""
    out: list[str] = []
    seen: set[str] = set()
    for title, sec in zip(titles, sections):
        new = title
        if title.casefold() in seen or titles.count(title) > 1:
            sub = next(
                (normalize_ws(b.text) for b in sec.blocks if b.kind is BlockKind.HEADING and normalize_ws(b.text) != title), ""
            )
            parent = next((p for p in reversed(sec.path) if p.casefold() != title.casefold()), "")
            new = f"{title} ({parent or sub})"[:200] if parent or sub else title
        k = 2
        base = new
        while new.casefold() in seen:
            new, k = f"{base} (part {k})", k + 1
        seen.add(new.casefold())
        out.append(new)
    return out


def _time_span(blocks: list[Block]) -> float:
    times = [b for b in blocks if b.start is not None and b.end is not None]
    return (times[-1].end - times[0].start) if times else 0.0  # type: ignore[operator]


_BACK_MATTER = re.compile(
    r"(index|contents|table of contents|brief contents|acknowledge?ments?|references|bibliography|works cited|"
    r"further reading|(end)?notes|about the authors?|copyright( page)?|credits|colophon|cover|title page|dedication|"
    r"list of (figures|tables|illustrations|plates|maps|abbreviations|symbols)|licen[cs]e|legal notice|impressum|"
    r"inhaltsverzeichnis|literaturverzeichnis|abbildungsverzeichnis|tabellenverzeichnis|stichwortverzeichnis|symbolverzeichnis|"
    r"sachverzeichnis|lösungen der übungsaufgaben|solutions( to (the )?exercises)?|answers( to (the )?exercises)?)",
    re.IGNORECASE,
)


def _is_back_matter(title: str) -> bool:
    """Index, contents, references...: sections no study guide is made from."""
    return bool(_BACK_MATTER.fullmatch(_NUMBERING.sub("", normalize_ws(title)).strip(" .:")))


_NUMBERING = re.compile(
    r"^(?:(?:chapter|section|part|lecture|lesson|unit|module|week)\s+\d+[.:]?|\d+(?:\.\d+)+\.?|\d{1,2}[.:]|[IVX]+\.|\d{1,2}(?=\s+[A-Z]\S*(?:\s+\S+){2}))\s+(?=\S)",
    re.IGNORECASE,
)  # a bare "4 " only before a title of three words or more ("4 Power cuts and tipping points")


#: A word's first letters printed three times or more over ("Psypsypsychological"): the layers of a drop cap.
_STUTTER = re.compile(r"\b([A-Z][a-z]{1,4})(?:(?i:\1)){2,}")


#: A word of a title printed twice over ("Chemical Chemical", "Rate RateRate" once the glued layers are one).
_DOUBLED = re.compile(r"\b([A-Za-z]{3,})(?:\s+(?i:\1)\b)+")


def _clean_title(title: str, doc: Document, capitals: frozenset[str] = frozenset()) -> str:
    """The title without leading section numbering ("2.1 ", "Chapter 3 ", "LECTURE 1: "), in capitals as typed."""
    if is_file_label(title):
        title = _content_title(doc) or title
    title = re.sub(r"^[\W_]*?([*=~#_\-\u2022]{3,})\s*", "", normalize_ws(title))  # "******** Causes of ..." (set 37)
    title = _NUMBERING.sub("", title) or title or doc.title or doc.path.stem
    title = " ".join(small_caps(w) for w in _uncapitalised(title, capitals).split())
    title = _STUTTER.sub(r"\1", title)  # "Psypsypsychological Disorders" (set 38's NCERT chapter: a drop cap's layers)
    # "Rate of a Chemical Chemical Reaction" (set 39's NCERT chapter: shadow layers)
    title = _DOUBLED.sub(r"\1", GLUED_LAYERS.sub(r"\1", title))
    if re.match(r"[a-z]{2,}\b", title) and zipf(title.split()[0].strip(":,;")) >= 3.0:
        title = title[:1].upper() + title[1:]  # "traditional notions: external", "the Rate of a Reaction" (small capitals)
    title = re.sub(r"\s*:\s*:", ":", title).rstrip(" :;")  # "Mental Revolution:: Formal ...", "Concepts:" (set 35)
    return title[:200].rstrip(".") if not title.endswith("..") else title[:200]


_SMALL_WORDS = frozenset("a an and as at but by for in of on or the to vs via with from into".split())


def _capital_words(doc: Document) -> frozenset[str]:
    """Words the document's text writes in capitals (acronyms: "SPM", "DNA"), outside its headings."""
    return frozenset(
        w
        for b in doc.blocks
        if b.kind is not BlockKind.HEADING
        for w in re.findall(r"\b[A-Z][A-Z0-9]+\b", b.text)
        if not b.text.isupper()
    )


def _uncapitalised(title: str, capitals: frozenset[str]) -> str:
    """An all-capitals title as a title is written: "SPM CONCEPTS" -> "SPM Concepts",
    "KNOWLEDGE AREAS AND THE RELATED PROCESS GROUPS" -> "Knowledge Areas and the Related Process Groups"."""
    words = title.split()
    if not title.isupper() or not any(c.isalpha() for c in title):
        return title

    def word(i: int, w: str) -> str:
        core = w.strip("():,;.-“”\"'?!")
        if i and core.lower() in _SMALL_WORDS:
            return w.lower()
        common = zipf(core.lower()) >= 5.0  # "RIGHTS", "ARE", "STATE" (set 27's NCERT), not "DNA", "SPM", "NATO"
        if not core.isalpha() or core in capitals and (not common or len(core) <= 2):
            return w  # an acronym: the text writes it so ("IT", "US" too), or no word
        if len(core) <= 3 and core.lower() not in _SMALL_WORDS and not common:
            return w  # too short and too rare to be a word of the title
        if i and core.lower() in _SMALL_WORDS:
            return w.lower()
        return w[: w.index(core[0]) + 1] + w[w.index(core[0]) + 1 :].lower()

    return " ".join(word(i, w) for i, w in enumerate(words))


def _content_title(doc: Document) -> str:
    """A title from the content when the given one is a file label: the first heading that is none, else the file's
    name in words ("pid-controller-tuning" -> "Pid controller tuning")."""
    heading = next((normalize_ws(b.text) for b in doc.blocks if b.kind is BlockKind.HEADING and not is_file_label(b.text)), "")
    if heading:
        return heading
    stem = re.sub(r"[-_]+", " ", doc.path.stem).strip()
    return "" if is_file_label(stem) else stem[:1].upper() + stem[1:]
