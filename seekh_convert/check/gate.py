"""The quality gate: check a guide, fix what is deterministic, drop what fails, optionally ask for repairs."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Iterable
from typing import TypeVar

from seekh_convert.check.checker import GateSettings, ItemChecker
from seekh_convert.check.coverage import topic_coverage
from seekh_convert.check.duplicates import repeated_flashcards, within_guide
from seekh_convert.check.items import GATE_MAY_EMPTY, SECTIONS, Item, iter_items, keep_unflagged, missing_sections, rebuild
from seekh_convert.errors import EngineError
from seekh_convert.model.document import Document, Topic
from seekh_convert.model.engine import Engine
from seekh_convert.model.findings import RUBRIC_REASONS, Finding, Reason, RubricCount, TopicQuality
from seekh_convert.model.guide import GuideContent

C = TypeVar("C", bound=GuideContent)


def check_content(
    content: C,
    topic: Topic | None,
    document: Document | None,
    settings: GateSettings | None = None,
    support_text: str | None = None,
) -> tuple[C | None, TopicQuality]:
    """Check every item of ``content`` (a ``GuideContent`` or full ``StudyGuide``) against its source.

    Returns the cleaned content of the same type (None when a required section ends empty) and the
    findings. With ``topic`` None the source is unavailable: grounding and coverage are skipped. ``support_text``:
    what the model wrote from when it did not read the whole topic (``Generation.support_text``).
    """
    settings = settings or GateSettings()
    language = (document.output_language or document.language) if document is not None else ""
    english_only = settings.rubric and language not in ("", "en")  # the rubric's word rules read English
    if english_only:
        settings = dataclasses.replace(settings, rubric=False)
    quality = TopicQuality(
        source_file=document.path.name if document is not None else "",
        topic_index=topic.index if topic is not None else 0,
        topic_title=topic.title if topic is not None else content.topic,
        grounding_checked=topic is not None,
    )
    if english_only:
        quality.notes.append(f"review rubric not applied: it reads English guides only, this one is in {language}")
    items = iter_items(content)
    quality.produced = len(items)
    checker = ItemChecker(topic, document, settings, support_text)
    kept, grounded = _check_items(checker, items, quality)
    for question, card in repeated_flashcards(kept) if settings.rubric else []:
        detail = f"asks what {card} already drills"
        last = sum(i.section == "questions" for i in kept) == 1  # the gate's judgement never alone empties it
        noted = settings.notes(Reason.REPEATS_FLASHCARD, detail)
        action = "noted" if noted else "kept" if last else "dropped"
        detail += " (kept for review: no other item of this section passed)" if last and not noted else ""
        quality.add(
            Finding(section=question.section, index=question.index, reason=Reason.REPEATS_FLASHCARD, detail=detail, action=action)
        )
        if action == "dropped":
            kept.remove(question)
    for dup, earlier, verbatim in within_guide(kept):
        noted = not verbatim and settings.notes(Reason.DUPLICATE, f"repeats {earlier}")  # the same prompt twice always drops
        finding = Finding(section=dup.section, index=dup.index, reason=Reason.DUPLICATE, detail=f"repeats {earlier}")
        quality.add(finding.model_copy(update={"action": "noted"}) if noted else finding)
        if not noted:
            kept.remove(dup)
    _tally_rubric(quality, items)
    _place_notes(quality, kept)
    quality.kept = len(kept)
    quality.grounded = sum(1 for item in kept if grounded[id(item)])
    if topic is not None:
        quality.coverage = topic_coverage(topic, [item.model.source for item in kept])
    dropped: dict[str, list[str]] = {}
    for finding in quality.findings:
        if finding.action == "dropped":
            dropped.setdefault(finding.section, []).append(finding.reason.value)
    cleaned = rebuild(content, kept, dropped)
    if cleaned is None:
        quality.writable = False
        quality.notes.append(f"cannot write the guide: no valid items left in {', '.join(missing_sections(content, kept))}")
    else:
        quality.empty_sections = {e.section: e.reason for e in cleaned.empty_sections}
        emptied = [s for s in ("flashcards", "questions") if s in quality.empty_sections and not content.empty_reason(s)]
        quality.notes += [f"{s} left empty: {quality.empty_sections[s]}" for s in emptied]
    return cleaned, quality


def _check_items(checker: ItemChecker, items: list[Item], quality: TopicQuality) -> tuple[list[Item], dict[int, bool]]:
    """Check each item; the passing ones (in page order) and whether each was grounded, findings into ``quality``."""
    kept: list[Item] = []
    grounded: dict[int, bool] = {}
    rubric_only: list[tuple[Item, list[Finding], bool]] = []  # failing on the rubric alone: kept if the section needs them
    outcomes = []
    for item in items:
        outcome = checker.check(item)
        outcomes.append((item, outcome))
        if outcome.model is not None:
            kept.append(Item(item.section, item.index, outcome.model))
            grounded[id(kept[-1])] = outcome.grounded
        elif outcome.rubric_model is not None:
            rubric_only.append((Item(item.section, item.index, outcome.rubric_model), outcome.findings, outcome.rubric_grounded))
    spared = _spare_last_items(kept, rubric_only)
    for item, outcome in outcomes:
        for finding in outcome.findings:
            if (item.section, item.index) in spared and finding.action == "dropped":
                detail = f"{finding.detail} (kept for review: no other item of this section passed)"
                finding = finding.model_copy(update={"action": "kept", "detail": detail})
            quality.add(finding)
    for item, _, was_grounded in rubric_only:
        if (item.section, item.index) in spared:
            kept.append(item)
            grounded[id(item)] = was_grounded
    kept.sort(key=lambda i: (SECTIONS.index(i.section), -1 if i.index is None else i.index))
    return kept, grounded


def _spare_last_items(kept: list[Item], rubric_only: list[tuple[Item, list[Finding], bool]]) -> set[tuple[str, int | None]]:
    """Places of rubric-failing items to keep (flagged) because their section must hold items and none passed:
    the rubric is the gate's judgement, not a teacher's, so it never alone makes a guide unwritable."""
    have = {i.section for i in kept}
    return {
        (item.section, item.index)
        for item, _, _ in rubric_only
        if item.section not in (*GATE_MAY_EMPTY, *_RUBRIC_MAY_EMPTY) and item.section not in have
    }


#: Sections the rubric alone may empty: no card beats "What is data?" answered by a sentence that only mentions data
#: (set 23's last card of a topic, kept to fill its section and keyed wrong by the teacher); the guide says there are
#: none. On ``judged/offline`` the rubric flagged none of the 19 items teachers kept (``bench/gate_agreement.py``).
_RUBRIC_MAY_EMPTY = ("flashcards", "questions")


def _place_notes(quality: TopicQuality, kept: list[Item]) -> None:
    """Where each noted item sits in the written guide (``Finding.shown``), for the review page."""
    shown: dict[tuple[str, int | None], int] = {}
    for item in kept:
        shown[(item.section, item.index)] = sum(s == item.section for s, _ in shown)
    for finding in quality.findings:
        if finding.action == "noted":
            finding.shown = shown.get((finding.section, finding.index))


def _tally_rubric(quality: TopicQuality, items: list[Item]) -> None:
    """Per section, how many items passed the review rubric, and its problems by reason."""
    failing: set[tuple[str, int | None]] = set()
    for f in quality.findings:
        found = [r for r in (f.reason, *f.also) if r in RUBRIC_REASONS]
        if found and (f.action != "kept" or f.reason in RUBRIC_REASONS):
            failing.add((f.section, f.index))
            for reason in found:
                quality.rubric_problems[reason.value] = quality.rubric_problems.get(reason.value, 0) + 1
    for item in items:
        count = quality.rubric.setdefault(item.section, RubricCount())
        count.checked += 1
        count.passed += (item.section, item.index) not in failing


def _failing(quality: TopicQuality) -> list[Finding]:
    """Findings a repair should address: dropped items, and rubric-failing items kept only to fill a section."""
    return [f for f in quality.findings if f.action == "dropped" or (f.action == "kept" and f.reason in RUBRIC_REASONS)]


async def run_gate(
    content: C,
    topic: Topic,
    document: Document,
    engine: Engine | None = None,
    max_repairs: int = 1,
    settings: GateSettings | None = None,
    engine_findings: Iterable[Finding] = (),
    support_text: str | None = None,
) -> tuple[C | None, TopicQuality]:
    """Check; while items fail and an ``engine`` is given, ask it to repair them (at most ``max_repairs``
    times) and check again. What still fails is dropped.

    ``quality.repaired`` counts failing items (by section/index) that pass after a repair; the final
    findings list keeps those as ``action="repaired"`` followed by the last check's findings.
    ``engine_findings`` (``Generation.findings``: items the engine dropped or fixed itself) come first
    in the findings and count in ``produced`` and the per-reason counts; ``support_text``: what the model wrote
    from (``Generation.support_text``), which support is judged against.
    """
    cleaned, quality = await asyncio.to_thread(
        check_content, content, topic, document, settings, support_text
    )  # CPU: off the event loop
    produced, repaired, usage = quality.produced, 0, None
    first_rubric, first_problems = quality.rubric, quality.rubric_problems  # the engine's own output, before repairs
    earlier: list[Finding] = []
    current = content
    for _ in range(max_repairs if engine is not None else 0):
        failing = _failing(quality)
        if not failing:
            break
        try:
            generation = await engine.repair(current, failing, topic, document)
        except EngineError as exc:
            quality.notes.append(f"repair failed, failing items dropped: {exc}")
            break
        if generation.usage is not None:
            usage = generation.usage if usage is None else usage + generation.usage
        places = {(f.section, f.index) for f in failing}
        before, current = current, keep_unflagged(current, generation.content, places)
        new_cleaned, new_quality = await asyncio.to_thread(check_content, current, topic, document, settings, support_text)
        still = {(f.section, f.index) for f in _failing(new_quality)}
        fixed = [f.model_copy(update={"action": "repaired"}) for f in failing if (f.section, f.index) not in still]
        changed = _changed_places(before, current)
        replaced = [f.model_copy(update={"action": "replaced"}) for f in failing if (f.section, f.index) in still & changed]
        repaired += len({(f.section, f.index) for f in fixed})
        earlier += fixed + replaced
        cleaned, quality = new_cleaned, new_quality
    quality.rubric, quality.rubric_problems = first_rubric, first_problems
    if earlier or usage is not None:
        quality.findings = earlier + quality.findings
        quality.repaired = repaired
        quality.produced = produced
        quality.repair_usage = usage
    _merge_engine_findings(quality, list(engine_findings))
    return cleaned, quality


def _changed_places(before: GuideContent, after: GuideContent) -> set[tuple[str, int | None]]:
    """(section, index) of the items a repair changed."""
    old = {(i.section, i.index): i.model for i in iter_items(before)}
    return {(i.section, i.index) for i in iter_items(after) if old.get((i.section, i.index)) != i.model}


def _merge_engine_findings(quality: TopicQuality, findings: list[Finding]) -> None:
    """Count items the engine handled before the gate as if the gate had seen them."""
    later, quality.findings = quality.findings, []
    for finding in findings:
        quality.add(finding)
    quality.findings += later
    quality.produced += sum(1 for f in findings if f.action == "dropped")
