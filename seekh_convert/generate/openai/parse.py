"""A guide reply validated item by item: an invalid item is dropped and reported, not the whole reply.

Only the guide's head (topic, subject, level, study time) and its shape must be valid; a multiple-choice
question keyed by letter or option text is made canonical, one whose key is not among its options or
whose options repeat is dropped with that reason.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter, ValidationError, create_model

from seekh_convert.generate.openai.structured import InvalidReply, describe, load_json
from seekh_convert.model.answers import AnswerKeyError, canonicalize_mc, keeps_order, key_positions, move_key
from seekh_convert.model.findings import Finding, Reason
from seekh_convert.model.guide import (
    LIST_SECTIONS,
    Application,
    Definition,
    EmptySection,
    Flashcard,
    GuideContent,
    LearnNext,
    Prerequisite,
    Question,
    SummarySentence,
    Takeaway,
)

log = logging.getLogger(__name__)

_PREFIX = "the JSON does not match the schema: "
HEAD = ("topic", "subject", "level", "study_time_minutes")
ITEM_TYPES: dict[str, Any] = {
    "definition": Definition,
    "summary": SummarySentence,
    "key_takeaways": Takeaway,
    "learn_next": LearnNext,
    "prerequisites": Prerequisite,
    "applications": Application,
    "flashcards": Flashcard,
    "questions": Question,
}
_ADAPTERS = {name: TypeAdapter(kind) for name, kind in ITEM_TYPES.items()}
_Head = create_model("_Head", **{n: (GuideContent.model_fields[n].annotation, ...) for n in HEAD})  # type: ignore[call-overload]
_SummaryText = TypeAdapter(GuideContent.model_fields["summary"].annotation.model_fields["text"].annotation)  # type: ignore[union-attr]


@dataclass
class ParsedGuide:
    """Guide data with only valid items (a section is ``None`` or ``[]`` when none was valid) and the dropped ones."""

    data: dict
    findings: list[Finding]


def parse_guide(text: str | None) -> ParsedGuide:
    """Parse a guide reply; raises ``InvalidReply`` only when its head or shape is wrong."""
    raw = load_json(text or "")
    if not isinstance(raw, dict):
        raise InvalidReply("the reply must be one JSON object with the guide's fields")
    unknown = sorted(set(raw) - set(GuideContent.model_fields))
    if unknown:
        log.info("ignoring unknown guide field(s) %s", ", ".join(unknown))
    problems = [f"{name}: must be a list of items" for name in LIST_SECTIONS if not isinstance(raw.get(name), list)]
    try:
        data = _Head.model_validate({n: raw.get(n) for n in HEAD}).model_dump(mode="json")
    except ValidationError as exc:
        problems.insert(0, describe(exc).removeprefix(_PREFIX))
    if problems:
        raise InvalidReply(_PREFIX + "; ".join(problems))
    findings: list[Finding] = []
    data["empty_sections"] = _empty_sections(raw.get("empty_sections"))
    said_empty = raw.get("definition") is None and any(e["section"] == "definition" for e in data["empty_sections"])
    data["definition"] = None if said_empty else parse_item("definition", None, raw.get("definition"), findings)
    data["summary"] = _summary(raw.get("summary"), findings)
    for name in LIST_SECTIONS:
        data[name] = [kept for i, item in enumerate(raw[name]) if (kept := parse_item(name, i, item, findings)) is not None]
    data["questions"] = spread_keys(data["questions"])
    return ParsedGuide(data, findings)


#: Share of a guide's multiple-choice keys at one position (of at least ``SKEW_MIN`` questions) from which the
#: model's placement is a habit, not a choice: relay runs 17 to 22's models keyed most questions "A" (22 of 26 in run
#: 19); the judged capable model spread its 24 keys over all four positions and no guide of its reached the share.
SKEW_SHARE = 0.75
SKEW_MIN = 3


def spread_keys(questions: list[dict]) -> list[dict]:
    """The questions with their multiple-choice keys spread over the positions, when the model put most of the guide's
    keys at one position; a guide whose keys are spread keeps the model's order. Each run of four movable questions
    gets the four positions in an order fixed by the questions' text (by each question's own hash alone, relay run
    23's guide kept two of three keys at "A")."""
    keyed = [q["answer_index"] for q in questions if q.get("kind") == "multiple_choice"]
    if len(keyed) < SKEW_MIN or max(keyed.count(i) for i in set(keyed)) < SKEW_SHARE * len(keyed):
        return questions
    movable = [
        i
        for i, q in enumerate(questions)
        if q.get("kind") == "multiple_choice" and not keeps_order(q["options"], q.get("explanation") or "")
    ]
    out = list(questions)
    targets = key_positions("\n".join(questions[i]["question"] for i in movable), len(movable))
    for i, target in zip(movable, targets):
        q = questions[i]
        options, index = move_key(q["options"], q["answer_index"], target)  # ``movable`` asked ``keeps_order``
        out[i] = {**q, "options": options, "answer_index": index}
    return out


def _empty_sections(raw: object) -> list[dict]:
    """The valid ``{section, reason}`` entries of a reply's ``empty_sections`` (others are ignored)."""
    out: list[dict] = []
    for entry in raw if isinstance(raw, list) else []:
        try:
            out.append(EmptySection.model_validate(entry).model_dump())
        except ValidationError:
            log.info("ignoring invalid empty_sections entry")
    return out


def _summary(raw: object, findings: list[Finding]) -> dict | None:
    if not isinstance(raw, dict) or not isinstance(raw.get("sentences"), list):
        findings.append(
            Finding(section="summary", reason=Reason.INVALID_ITEM, detail="summary needs text and a list of sentences")
        )
        return None
    try:
        text = _SummaryText.validate_python(raw.get("text"))
    except ValidationError as exc:
        findings.append(Finding(section="summary", reason=Reason.INVALID_ITEM, detail=_first_error(exc)))
        return None
    sentences = [s for i, item in enumerate(raw["sentences"]) if (s := parse_item("summary", i, item, findings)) is not None]
    return {"text": text, "sentences": sentences}


def parse_item(section: str, index: int | None, raw: object, findings: list[Finding]) -> dict | None:
    """One item of ``section`` as schema data, or ``None`` with a finding when it is invalid."""
    adapter = _ADAPTERS[section]
    try:
        return adapter.dump_python(adapter.validate_python(raw), mode="json")
    except ValidationError as exc:
        error = exc
    if section == "questions" and isinstance(raw, dict) and raw.get("kind", "multiple_choice") == "multiple_choice":
        try:
            return adapter.dump_python(adapter.validate_python(canonicalize_mc(raw)), mode="json")
        except AnswerKeyError as exc:
            findings.append(Finding(section=section, index=index, reason=exc.reason, detail=exc.detail))
            return None
        except ValidationError as exc:
            error = exc
    findings.append(Finding(section=section, index=index, reason=Reason.INVALID_ITEM, detail=_first_error(error)))
    return None


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    loc = ".".join(str(p) for p in err["loc"]) or "(item)"
    return f"{loc}: {err['msg']}"
