"""``seekh-convert check guide.json``: re-check a written (possibly hand-edited) guide."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from seekh_convert.check.checker import GateSettings, for_model_drafts
from seekh_convert.check.gate import check_content
from seekh_convert.errors import InputError
from seekh_convert.files import sha256_file
from seekh_convert.model.answers import AnswerKeyError, canonicalize_mc
from seekh_convert.model.document import Document
from seekh_convert.model.findings import Finding, Reason, TopicQuality
from seekh_convert.model.guide import StudyGuide
from seekh_convert.text.words import key_string

Loader = Callable[[Path], Document]


def prepare_raw(data: dict[str, Any]) -> tuple[dict[str, Any], list[Finding], list[int]]:
    """Canonicalise the multiple-choice questions of a raw guide/content dict before validation.

    Accepts keys as index, letter or option text; drops questions whose key cannot be made
    canonical. Returns the new dict, findings, and the original index of every kept question.
    """
    questions = data.get("questions")
    if not isinstance(questions, list):
        return data, [], []
    kept: list[Any] = []
    origin: list[int] = []
    findings: list[Finding] = []
    for i, raw in enumerate(questions):
        if not isinstance(raw, dict) or raw.get("kind", "multiple_choice") != "multiple_choice":
            kept.append(raw)
            origin.append(i)
            continue
        raw = dict(raw)
        shown = raw.get("answer")
        if "answer_index" in raw and isinstance(shown, str):
            raw.pop("answer")  # the computed text of the keyed option, as written to guide.json
            options = raw.get("options") or []
            index = raw.get("answer_index")
            if isinstance(index, int) and 0 <= index < len(options) and key_string(options[index]) != key_string(shown):
                findings.append(
                    Finding(
                        section="questions",
                        index=i,
                        reason=Reason.ANSWER_TEXT_MISMATCH,
                        detail=f"answer {shown!r} but answer_index {index} is {options[index]!r}",
                    )
                )
                continue
        try:
            kept.append(canonicalize_mc(raw))
        except AnswerKeyError as exc:
            findings.append(Finding(section="questions", index=i, reason=exc.reason, detail=exc.detail))
            continue
        origin.append(i)
    return {**data, "questions": kept}, findings, origin


def _one_line(exc: ValidationError) -> str:
    errors = exc.errors()
    first = errors[0]
    loc = ".".join(str(p) for p in first["loc"]) or "guide"
    more = f" (+{len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{loc}: {first['msg']}{more}"


def load_guide(path: Path) -> tuple[StudyGuide | None, list[Finding], list[int]]:
    """Read and validate a guide.json; None when no valid question is left. Raises InputError."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"{path.name}: cannot read ({exc.strerror})") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        where = f"line {exc.lineno}, column {exc.colno}: {exc.msg}" if isinstance(exc, json.JSONDecodeError) else str(exc)
        raise InputError(f"{path.name}: not valid JSON ({where})") from exc
    if not isinstance(data, dict):
        raise InputError(f"{path.name}: not a study guide (expected a JSON object)")
    data, findings, origin = prepare_raw(data)
    if isinstance(data.get("questions"), list) and not data["questions"] and findings:
        return None, findings, origin
    try:
        return StudyGuide.model_validate(data), findings, origin
    except ValidationError as exc:
        raise InputError(f"{path.name}: not a valid study guide: {_one_line(exc)}") from exc


def _find_source(guide_path: Path, guide: StudyGuide, source: Path | None, notes: list[str]) -> Path | None:
    """The source file to re-read: the explicit one, else a file of the recorded name and hash nearby."""
    wanted = guide.provenance.source_sha256
    if source is not None:
        if not source.is_file():
            raise InputError(f"{source}: source file not found")
        if wanted and sha256_file(source) != wanted:
            notes.append(f"{source.name} differs from the source the guide was made from (sha256 mismatch)")
        return source
    name = Path(guide.provenance.source_file).name  # a bare file name, never a path from the guide
    if not name or name in (".", ".."):
        return None
    here = guide_path.resolve().parent
    for folder in [here, *list(here.parents)[:3], Path.cwd()]:
        candidate = folder / name
        if candidate.is_file() and (not wanted or sha256_file(candidate) == wanted):
            return candidate
    return None


def check_guide_file(
    path: Path | str,
    source: Path | str | None = None,
    *,
    loader: Loader | None = None,
    settings: GateSettings | None = None,
) -> TopicQuality:
    """Re-check a guide.json. The source is ``source`` or found by name+sha256 near the guide;
    when unavailable, grounding and coverage are skipped (noted) and the other checks still run.
    """
    path = Path(path)
    guide, pre_findings, origin = load_guide(path)
    if guide is None:
        quality = TopicQuality(
            source_file="", writable=False, grounding_checked=False, notes=["no valid multiple-choice/other questions left"]
        )
        for finding in pre_findings:
            quality.add(finding)
        return quality
    notes: list[str] = []
    src = _find_source(path, guide, Path(source) if source is not None else None, notes)
    topic = document = None
    if src is None:
        notes.append(f"source {guide.provenance.source_file!r} unavailable: grounding not checked (pass --source)")
    else:
        load = loader
        if load is None:
            notes.append("no document loader available: grounding not checked")
        else:
            try:
                document = load(src)
            except InputError as exc:
                notes.append(f"source unreadable, grounding not checked: {exc}")
            except Exception as exc:  # a bug in reading, not bad input: still one line
                notes.append(f"source unreadable, grounding not checked: unexpected {type(exc).__name__}: {exc}")
            if document is not None:
                n = guide.provenance.topic_index
                if 1 <= n <= len(document.topics):
                    topic = document.topics[n - 1]
                else:
                    notes.append(f"source has {len(document.topics)} topics, guide names topic {n}: grounding not checked")
    if guide.provenance.engine != OFFLINE_ENGINE:  # a model wrote it: judged as the run judged its drafts
        settings = for_model_drafts(settings)
    _, gated = check_content(guide, topic, document if topic is not None else None, settings)
    for finding in gated.findings:
        if finding.section == "questions" and finding.index is not None and finding.index < len(origin):
            finding.index = origin[finding.index]
    quality = as_written(gated, pre_findings)
    quality.source_file = guide.provenance.source_file
    quality.topic_index = guide.provenance.topic_index
    quality.notes = notes + quality.notes
    return quality


#: ``provenance.engine`` of the offline engine's guides; any other engine is a model, whose drafts the gate judges
#: with ``for_model_drafts`` (the settings ``convert`` used on them).
OFFLINE_ENGINE = "offline"

#: Grounding problems: an item with one of these is not grounded where the guide says it is.
_UNGROUNDED = frozenset(
    {Reason.INVENTED_QUOTE, Reason.OUTSIDE_TOPIC, Reason.WRONG_LOCATION, Reason.MISSING_LOCATION, Reason.QUOTE_TOO_SHORT}
)
#: Corrections that still fail ``check``: a wrong page, time or section is an error in a written guide.
_FAILS_AS_WRITTEN = frozenset({Reason.WRONG_LOCATION})


def as_written(gated: TopicQuality, pre_findings: list[Finding]) -> TopicQuality:
    """The gate's report of a written guide told as ``check`` tells it: nothing was dropped or fixed, items *fail*
    (the gate would repair or drop them) or the gate *would fix* them; every item counts in the figures, so an
    invented quote or a wrong page lowers the grounding figure."""
    quality = gated.model_copy(
        update={"findings": [], "dropped_by_reason": {}, "fixed_by_reason": {}, "grounding_basis": gated.produced}
    )
    for finding in [*pre_findings, *gated.findings]:
        fails = finding.action == "dropped" or finding.reason in _FAILS_AS_WRITTEN and finding.action == "fixed"
        action = "fails" if fails else "would fix" if finding.action == "fixed" else finding.action
        quality.add(finding.model_copy(update={"action": action}))
    quality.produced = gated.produced + len(pre_findings)
    if gated.grounding_checked:
        ungrounded = {(f.section, f.index) for f in gated.findings if f.reason in _UNGROUNDED or set(f.also) & _UNGROUNDED}
        quality.grounded = gated.produced - len(ungrounded)
    return quality
