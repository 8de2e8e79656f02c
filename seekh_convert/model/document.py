"""The one document object that flows through every stage.

read fills the raw layer (``pages`` for PDFs, ``cues`` for transcripts, ``raw_blocks`` for Markdown, text,
Word, PowerPoint, web pages and e-books, ``audio`` for recordings, which the pipeline's transcription step
turns into ``cues``); clean turns the raw layer into ``blocks`` of plain text; split groups blocks into
``topics`` and cuts each topic into token-bounded ``chunks``.
Every block keeps where it came from (page, slide, time range or section), so every generated item can
point back at the source.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path


class SourceKind(str, enum.Enum):
    PDF = "pdf"
    MARKDOWN = "markdown"
    TEXT = "text"
    TRANSCRIPT = "transcript"
    DOCX = "docx"
    SLIDES = "slides"  # PowerPoint (.pptx): locations are slide numbers
    HTML = "html"
    EPUB = "epub"


class BlockKind(str, enum.Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    GLOSSARY = "glossary"  # a term with its definition (``term`` holds the term, ``text`` the definition)
    SUMMARY = "summary"  # the source's own section summary
    QUESTION = "question"  # the source's own exercises / review questions / answers: never a source of items
    REFERENCE = "reference"  # bibliography, citations: never a source of items
    BOILERPLATE = "boilerplate"  # licence text, credits, navigation: never a source of items
    FIGURE = "figure"  # figure captions and credits: never a source of items
    CODE = "code"
    CONTENTS = "contents"  # table of contents, lists of figures/tables: never a topic nor a source of items
    INDEX = "index"  # a back-of-book index: never a topic nor a source of items
    FORMULA = "formula"  # PDF prose carrying maths the text layer flattened: context only, never a quoted item
    FRAGMENT = "fragment"  # a slide label, a bullet without a verb, an exclamation: context only, never a quoted item


#: Kinds that generators must never draw items (quotes) from.
JUNK_KINDS = frozenset(
    {
        BlockKind.QUESTION,
        BlockKind.REFERENCE,
        BlockKind.BOILERPLATE,
        BlockKind.FIGURE,
        BlockKind.CODE,
        BlockKind.CONTENTS,
        BlockKind.INDEX,
        BlockKind.FRAGMENT,
        BlockKind.FORMULA,
    }
)


#: Junk kinds that still tell a reader (or a model) what the topic is about: slide labels and maths, never quoted.
CONTEXT_KINDS = frozenset({BlockKind.FRAGMENT, BlockKind.FORMULA})


@dataclass
class Block:
    """A paragraph-sized unit of cleaned, plain text (no markup) and where it came from."""

    text: str
    kind: BlockKind = BlockKind.PARAGRAPH
    page: int | None = None  # 1-based PDF page (or Word page, where the document marks its page breaks)
    slide: int | None = None  # 1-based slide number (slide decks)
    start: float | None = None  # transcript seconds
    end: float | None = None
    level: int = 0  # heading level, 1 = top, for HEADING blocks
    emphasis: tuple[str, ...] = ()  # terms the source itself marked (bold, term markup)
    term: str | None = None  # GLOSSARY blocks: the term defined by ``text``
    section: str = ""  # title of the heading this block sits under
    times: tuple[tuple[int, float, float], ...] = ()  # transcripts: (char offset, start, end) of each sentence
    bullet: int = 0  # slide decks: 1 + the bullet's indent level for a slide-body bullet, 0 for other text
    bold: bool = False  # slide decks: the whole paragraph set in bold (a question slide's revealed answer)

    def time_at(self, begin: int, stop: int) -> tuple[float, float] | None:
        """Time range of the sentences covering ``text[begin:stop]`` (transcripts); the block's own range without sentence times."""
        if not self.times:
            return (self.start, self.end) if self.start is not None and self.end is not None else None
        covering = [
            t for i, t in enumerate(self.times) if t[0] < stop and (i + 1 == len(self.times) or self.times[i + 1][0] > begin)
        ]
        return min(t[1] for t in covering), max(t[2] for t in covering)

    @property
    def shown(self) -> str:
        """The block as its reader sees it, and as a model is shown and may quote it: a glossary entry keeps its term
        ("Backup: The process of copying data ..."), which ``text`` holds apart."""
        if self.kind is BlockKind.GLOSSARY and self.term and not self.text.lower().startswith(self.term.lower()):
            return f"{self.term}: {self.text}"
        return self.text

    @property
    def usable(self) -> bool:
        """True when generators may take items from this block."""
        return self.kind not in JUNK_KINDS and self.kind is not BlockKind.HEADING

    @property
    def readable(self) -> bool:
        """True when a model is shown this block and may quote it: usable, or context (a verbless slide bullet,
        a formula) that a reader of the slide or page sees as content."""
        return self.usable or self.kind in CONTEXT_KINDS


@dataclass
class Line:
    """A raw line of PDF text with the typography clean needs to find headings and terms."""

    text: str
    size: float = 0.0  # font size in points (0 when unknown)
    bold: bool = False
    bold_spans: tuple[str, ...] = ()  # runs of bold text inside the line
    x: float | None = None  # left edge of the first glyph, PDF points (None when unknown)
    y: float | None = None  # baseline, PDF points up from the page bottom (None when unknown)


@dataclass
class RawPage:
    number: int  # 1-based
    lines: list[Line] = field(default_factory=list)


@dataclass
class RawBlock:
    """A block of a structured source as read: Markdown still holding inline markup, or plain text (Word, slides, web)."""

    kind: BlockKind
    text: str
    level: int = 0  # HEADING level
    term: str | None = None  # GLOSSARY term
    forced: bool = False  # kind set by a container (exercise, note box...): section kinds must not override it
    terms: tuple[str, ...] = ()  # extra key terms (e.g. a definition box's title, bold runs of a Word paragraph)
    page: int | None = None  # Word: 1-based page, where the document marks its page breaks
    slide: int | None = None  # slide decks: 1-based slide number
    notes: bool = False  # slide decks: the slide's speaker notes
    bullet: int = 0  # slide decks: 1 + indent level of a body-placeholder paragraph (a bullet), 0 otherwise
    bold: bool = False  # slide decks: every run of the paragraph is bold
    closes: bool = False  # HEADING without text: a boxed section ends here; what follows is the section before it


@dataclass
class Cue:
    """A raw subtitle cue (times in seconds); text may still hold tags."""

    start: float
    end: float
    text: str


@dataclass(frozen=True)
class AudioPiece:
    """One encoded piece of a recording, small enough for one transcription upload (times in seconds).

    Pieces overlap a little; ``keep_start``/``keep_end`` (where the recording was cut, in a silence) say
    which piece's segments to keep in the overlap: those whose middle falls inside its keep range.
    """

    index: int  # 0-based
    path: Path  # the encoded file (e.g. FLAC), in ``AudioTrack.folder``
    start: float  # offset of the piece's first sample in the recording
    end: float
    keep_start: float
    keep_end: float
    sha256: str  # of the encoded bytes: the transcription cache key
    size: int  # bytes
    silent: bool = False  # no sound above the noise floor: not sent, no segments


@dataclass(frozen=True)
class PieceLimits:
    """How large one transcription upload may be (OpenAI's endpoint takes files up to 25 MB)."""

    max_bytes: int = 25 * 1000 * 1000  # largest encoded piece
    max_seconds: float = 600.0  # longest piece
    overlap: float = 1.0  # seconds shared by neighbouring pieces on each side of a cut

    @property
    def max_raw_bytes(self) -> int:
        """Raw 16-bit samples allowed per piece: 2 % and 4 KiB of headers under ``max_bytes`` (FLAC is never larger)."""
        return int(self.max_bytes * 0.98) - 4096


@dataclass
class AudioTrack:
    """The raw layer of a recording: its audio cut into pieces, until transcription makes them ``cues``."""

    duration: float  # seconds
    folder: Path  # temporary folder of the pieces' files; the pipeline removes it after transcription
    pieces: list[AudioPiece] = field(default_factory=list)
    language: str | None = None  # declared by the file (e.g. the audio stream's language tag), ISO 639


@dataclass
class OutlineEntry:
    """A PDF bookmark."""

    title: str
    level: int  # 1 = top
    page: int  # 1-based page it points at


@dataclass
class Chunk:
    """A token-bounded slice of a topic, made of whole blocks where possible."""

    text: str
    tokens: int
    block_indices: list[int]  # indices into Topic.blocks
    page_start: int | None = None
    page_end: int | None = None
    time_start: float | None = None
    time_end: float | None = None


@dataclass
class Topic:
    """One topic of a document: one study guide is generated per topic."""

    index: int  # 1-based position in the document
    title: str
    blocks: list[Block]
    chunks: list[Chunk] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)

    @property
    def pages(self) -> list[int]:
        return sorted({b.page for b in self.blocks if b.page is not None})

    @property
    def slides(self) -> list[int]:
        return sorted({b.slide for b in self.blocks if b.slide is not None})

    @property
    def time_range(self) -> tuple[float, float] | None:
        times = [(b.start, b.end) for b in self.blocks if b.start is not None and b.end is not None]
        if not times:
            return None
        return min(t[0] for t in times), max(t[1] for t in times)


@dataclass
class Document:
    """A source file on its way through the pipeline."""

    path: Path
    kind: SourceKind
    title: str = ""
    sha256: str = ""
    pages: list[RawPage] = field(default_factory=list)  # PDF raw layer
    cues: list[Cue] = field(default_factory=list)  # transcript raw layer
    audio: AudioTrack | None = None  # recordings' raw layer, before transcription fills ``cues``
    raw_blocks: list[RawBlock] = field(default_factory=list)  # Markdown/text raw layer
    outline: list[OutlineEntry] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)  # cleaned text
    topics: list[Topic] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    losses: list[str] = field(default_factory=list)  # parts of the source that could not be read: the input is partial
    metadata: dict[str, str] = field(default_factory=dict)
    language: str = ""  # ISO 639-1 code of the document's main language ("" until detected)
    output_language: str = ""  # --language: the language guides are written in ("": the document's own)
    ocr: dict[int, float] = field(default_factory=dict)  # PDF pages read by OCR -> mean word confidence (0-100)
    page_labels: dict[int, str] = field(default_factory=dict)  # PDF: printed page label, where it is not the page number

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)
