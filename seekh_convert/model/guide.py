"""The study guide: pydantic v2 models, shaped like a Seekh topic page.

Every item carries a ``source``: where in the document it comes from (page, or transcript
time range, plus the section title) and a verbatim ``quote`` of the cleaned source text.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SCHEMA_VERSION = "1.1"  # 1.1: slide locations (SourceRef.slide, provenance slides) and the source language;
# short answers' ``accept`` (optional, default empty) and a source's printed ``page_label`` (optional) keep 1.1 readable

#: The list sections of a guide, in page order; each holds items or is named in ``empty_sections`` with a reason.
LIST_SECTIONS = ("key_takeaways", "learn_next", "prerequisites", "applications", "flashcards", "questions")
#: Sections that may stay empty, but only with a written reason (``GuideContent.empty_sections``).
OPTIONAL_SECTIONS = ("definition", *LIST_SECTIONS)
SectionName = Literal["definition", "key_takeaways", "learn_next", "prerequisites", "applications", "flashcards", "questions"]

ShortText = Annotated[str, Field(min_length=1, max_length=300)]
LongText = Annotated[str, Field(min_length=1, max_length=4000)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Subject(str, enum.Enum):
    """The seven named subjects first, then subjects of university courses; Other for anything else."""

    ASTRONOMY = "Astronomy"
    BIOLOGY = "Biology"
    CHEMISTRY = "Chemistry"
    PHYSICS = "Physics"
    PSYCHOLOGY = "Psychology"
    HISTORY = "History"
    PHILOSOPHY = "Philosophy"
    MATHEMATICS = "Mathematics"
    STATISTICS = "Statistics"
    COMPUTER_SCIENCE = "Computer Science"
    LINGUISTICS = "Linguistics"
    ECONOMICS = "Economics"
    BUSINESS = "Business"
    ENGINEERING = "Engineering"
    MEDICINE = "Medicine"
    LAW = "Law"
    SOCIOLOGY = "Sociology"
    MUSIC = "Music"
    POLITICAL_SCIENCE = "Political Science"
    GEOGRAPHY = "Geography"
    ENGLISH = "English"  # writing and literature (set 53's writers' handbook was labelled Economics)
    OTHER = "Other"


class Level(str, enum.Enum):
    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


class Importance(str, enum.Enum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


def format_timestamp(seconds: float) -> str:
    """``83.5`` -> ``"00:01:23"``."""
    s = int(seconds)
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"


class SourceRef(_Model):
    """Where an item comes from, with a verbatim quote of the cleaned source."""

    quote: LongText = Field(
        description="Verbatim text from the source that supports the item. An item resting on more than one passage "
        "joins them with ' … ' (each passage verbatim, in source order, within a few paragraphs or on one slide)."
    )
    page: int | None = Field(default=None, ge=1, description="1-based page of the quote (PDF, or a Word page break).")
    page_label: str | None = Field(
        default=None,
        max_length=40,
        description="The printed page label of ``page`` (PDF /PageLabels: 'xii', '50') where it is not the page number; "
        "set by the pipeline from the file, not by the engine.",
    )
    slide: int | None = Field(default=None, ge=1, description="1-based slide number of the quote (slide decks).")
    start: float | None = Field(default=None, ge=0, description="Transcript start time of the quote, seconds.")
    end: float | None = Field(default=None, ge=0, description="Transcript end time of the quote, seconds.")
    section: str | None = Field(default=None, max_length=300, description="Heading the quote sits under.")

    @model_validator(mode="after")
    def _times_in_order(self) -> SourceRef:
        if (self.start is None) != (self.end is None):
            raise ValueError("start and end must be given together")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError("end must not be before start")
        return self

    def label(self) -> str:
        """Human-readable location: ``p. 3`` (``p. 50 (PDF page 56)`` where the printed page label differs),
        ``slide 4``, ``00:01:23–00:01:40`` or the section."""
        if self.page is not None and self.page_label:
            return f"p. {self.page_label} (PDF page {self.page})"  # the printed page, and where a PDF reader finds it
        if self.page is not None:
            return f"p. {self.page}"
        if self.slide is not None:
            return f"slide {self.slide}"
        if self.start is not None and self.end is not None:
            return f"{format_timestamp(self.start)}–{format_timestamp(self.end)}"
        return self.section or "source"


class Grounded(_Model):
    source: SourceRef


class Definition(Grounded):
    text: LongText


class SummarySentence(Grounded):
    text: LongText


class Summary(_Model):
    text: LongText = Field(description="The summary as one paragraph.")
    sentences: list[SummarySentence] = Field(min_length=1, description="The summary sentence by sentence, each grounded.")


class Takeaway(Grounded):
    title: ShortText
    text: LongText
    importance: Importance


class LearnNext(Grounded):
    topic: ShortText
    why: LongText
    level: Level


class Prerequisite(Grounded):
    topic: ShortText
    why: LongText | None = None


class Application(Grounded):
    title: ShortText
    text: LongText


class Flashcard(Grounded):
    kind: Literal["basic", "cloze"] = "basic"
    front: LongText = Field(
        description="Prompt side; for cloze cards the text with the gap shown as {{c1::...}} removed to '_____'."
    )
    back: LongText


def option_text(option: str) -> str:
    """What two options share when they are the same option: their text, spacing aside (case tells file names and
    code apart: "OWID CO2 Data.csv" / "owid co2 data.csv")."""
    return " ".join(option.split())


class MultipleChoice(Grounded):
    kind: Literal["multiple_choice"] = "multiple_choice"
    question: LongText
    options: list[ShortText] = Field(min_length=4, max_length=4)
    answer_index: int = Field(ge=0, le=3, description="0-based index of the one correct option.")
    explanation: LongText

    @field_validator("options")
    @classmethod
    def _distinct(cls, options: list[str]) -> list[str]:
        if len({option_text(o) for o in options}) != len(options):
            raise ValueError("options must be distinct")
        return options

    @property
    def answer(self) -> str:
        """The text of the correct option (not serialised: ``answer_index`` is the canonical key)."""
        return self.options[self.answer_index]


class TrueFalse(Grounded):
    kind: Literal["true_false"] = "true_false"
    statement: LongText
    answer: bool
    explanation: LongText


#: A typed answer a quiz can grade: a word or a short phrase.
GradeableText = Annotated[str, Field(min_length=1, max_length=100)]


class ShortAnswer(Grounded):
    kind: Literal["short_answer"] = "short_answer"
    question: LongText
    answer: LongText = Field(description="The model answer shown to the student (may be a sentence).")
    accept: list[GradeableText] = Field(
        default_factory=list,
        max_length=10,
        description="What a student may type to be marked right: the key word or short phrase first (a few words, "
        "no sentence), then accepted alternatives (synonyms, abbreviations, other spellings). Empty when no short "
        "answer exists (a 'why' question): quizzes then grade it by hand.",
    )
    explanation: LongText

    @property
    def keys(self) -> list[str]:
        """What a quiz marks right: ``accept``; for a guide without it, ``answer`` when that is a short phrase (its
        final full stop dropped). Empty when there is no short form: the question is then graded by hand."""
        if self.accept:
            return list(dict.fromkeys(self.accept))
        short = self.answer.strip().rstrip(".!")
        words = short.split()
        return [short] if 0 < len(words) <= 4 and words[0].casefold() != "because" else []


Question = Annotated[MultipleChoice | TrueFalse | ShortAnswer, Field(discriminator="kind")]


class EmptySection(_Model):
    """A section left empty on purpose, and why (the source offers nothing genuine for it)."""

    section: SectionName
    reason: ShortText = Field(description="Why the section is empty, for the reader (e.g. 'The source describes no use of X.').")


class Usage(_Model):
    """Token usage and cost estimate of the calls that produced a guide."""

    calls: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    cached_calls: int = 0
    cost_usd: float | None = None

    def __add__(self, other: Usage) -> Usage:
        both_unknown = self.cost_usd is None and other.cost_usd is None
        return Usage(
            calls=self.calls + other.calls,
            input_tokens=self.input_tokens + other.input_tokens,
            output_tokens=self.output_tokens + other.output_tokens,
            cached_calls=self.cached_calls + other.cached_calls,
            cost_usd=None if both_unknown else (self.cost_usd or 0.0) + (other.cost_usd or 0.0),
        )


class Provenance(_Model):
    source_file: str = Field(description="File name of the input (no directories).")
    source_sha256: str
    source_kind: str
    topic_index: int = Field(ge=1)
    topic_count: int = Field(ge=1)
    pages: list[int] = Field(default_factory=list, description="Pages the topic spans.")
    slides: list[int] = Field(default_factory=list, description="Slides the topic spans (slide decks).")
    language: str | None = Field(default=None, description="ISO 639-1 code of the source's detected language.")
    time_range: tuple[float, float] | None = None
    max_topics: int | None = Field(default=None, ge=1, description="--max-topics of the run (needed to find the topic again).")
    single_topic: bool = Field(default=False, description="--single-topic of the run.")
    deck_words: int | None = Field(
        default=None,
        ge=1,
        description="Slide decks: words a topic grouped, when the engine set its own (needed to find the topic again).",
    )
    topic_words: int | None = Field(
        default=None,
        ge=1,
        description="Fewest words of a topic, when the engine set its own (needed to find the topic again).",
    )
    engine: str
    model: str | None = None
    tool_version: str
    schema_version: str = SCHEMA_VERSION
    generated_at: datetime
    usage: Usage | None = Field(
        default=None,
        description="What the calls that produced this guide cost: tokens and list price, the same whether a reply "
        "came from the server or the response cache (what a run paid is in its report).",
    )


_MAY_BE_EMPTY = "May be empty only when empty_sections gives the reason."


class GuideContent(_Model):
    """What an engine generates: the guide without provenance (added by the pipeline)."""

    topic: ShortText
    subject: Subject
    level: Level
    study_time_minutes: int = Field(ge=1, le=24 * 60)
    definition: Definition | None = Field(
        None, description="The definition of the topic's own term; null only when empty_sections says why."
    )
    summary: Summary
    key_takeaways: list[Takeaway] = Field(description=_MAY_BE_EMPTY)
    learn_next: list[LearnNext] = Field(description=_MAY_BE_EMPTY)
    prerequisites: list[Prerequisite] = Field(description=_MAY_BE_EMPTY)
    applications: list[Application] = Field(description=_MAY_BE_EMPTY)
    flashcards: list[Flashcard] = Field(description=_MAY_BE_EMPTY)
    questions: list[Question] = Field(description=_MAY_BE_EMPTY)
    empty_sections: list[EmptySection] = Field(
        default_factory=list,
        description="Every section left empty (definition null, or a list without items), each with the reason; no other section.",
    )

    @model_validator(mode="after")
    def _empty_only_with_reason(self) -> GuideContent:
        named = [e.section for e in self.empty_sections]
        if len(set(named)) != len(named):
            raise ValueError("empty_sections names a section more than once")
        for name in OPTIONAL_SECTIONS:
            empty = self.definition is None if name == "definition" else not getattr(self, name)
            if empty and name not in named:
                raise ValueError(f"{name} is empty: add items or give the reason in empty_sections")
            if not empty and name in named:
                raise ValueError(f"{name} has items but empty_sections says it is empty")
        return self

    def empty_reason(self, section: str) -> str | None:
        """Why ``section`` is empty, or None when it holds items."""
        return next((e.reason for e in self.empty_sections if e.section == section), None)


class StudyGuide(GuideContent):
    """One topic's study guide: generated content plus provenance."""

    provenance: Provenance


def put_item(data: dict, section: str, index: int | None, item: dict) -> None:
    """Put ``item`` at its place in a guide's JSON (``data``): the definition, a summary sentence or a list item."""
    if section == "definition":
        data["definition"] = item
    elif section == "summary":
        data["summary"]["sentences"][index] = item
    else:
        data[section][index] = item


def guide_json_schema() -> dict:
    """The JSON Schema of a study guide, as printed by ``seekh-convert schema``."""
    return StudyGuide.model_json_schema()
