"""Which of the gate's checks may act on a capable model's drafts? Per check, the teachers' verdicts on its actions.

Every relay run judged by teachers (``bench/data/teacher-*/**/gate-actions.jsonl``) and ``../shared/judged/llm``
classes each gate action on a model's drafts (an item dropped, repaired, replaced, changed or fixed) as a right call,
a false alarm or harmless. The judges wrote their rows in several shapes; a row's check is the first of the gate's
reasons (``Reason`` values) its text names, else a few words the judges used for one ("lacks", "restates", "silent
quote edit"). Per check: actions, right calls, false alarms, harmless, and whether it still acts on a model's drafts
(``MODEL_DRAFT_ACTS``). Notes (``noted``) are not actions and are left out.

    .venv/bin/python bench/model_gate_checks.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from seekh_convert.check.checker import MODEL_DRAFT_ACTS  # noqa: E402
from seekh_convert.model.findings import Reason  # noqa: E402

#: Words the judges used for a check instead of its reason's name, tried after the reasons' own names.
_SYNONYMS = [
    (re.compile(r"\blacks\b|not supported"), Reason.UNSUPPORTED.value),
    (re.compile(r"\brestates\b|overlapping"), Reason.OVERLAPPING_OPTIONS.value),
    (re.compile(r"repeats? (a |the )?(flash)?card"), Reason.REPEATS_FLASHCARD.value),
    (re.compile(r"narration"), "does not stand alone (course narration)"),
    (re.compile(r"silent quote|quote (silently )?(shortened|cut|trimmed)|relocat"), "a quote changed by the relocator"),
    (re.compile(r"summary.*(rebuilt|differs)|rebuilt by joining"), "summary paragraph rebuilt"),
    (re.compile(r"reorder|re-order|shuffl"), "multiple-choice key placed (options reordered)"),
]
_CLASSES = {"right call": "right", "right_call": "right", "false alarm": "false", "false_alarm_original_fine": "false"}
_NOT_ACTIONS = {"", "none", "noted", "kept", "n/a"}


def _class(row: dict) -> str | None:
    for field in ("cls", "classification", "class", "verdict_gate", "verdict"):
        value = str(row.get(field, "")).strip().lower()
        if value in _CLASSES:
            return _CLASSES[value]
        if value.startswith("harmless"):
            return "harmless"
        if value.startswith(("false alarm", "right call")):
            return "false" if value.startswith("false") else "right"
    return None


def _check(row: dict) -> str:
    text = " ".join(str(row.get(k, "")) for k in ("gate_reason", "reason", "finding", "detail")).lower()
    for reason in sorted(Reason, key=lambda r: -len(r.value)):  # "duplicate options" before "duplicate"
        if reason.value in text:
            return reason.value + (" (course narration)" if reason is Reason.NOT_STANDALONE and "narration" in text else "")
    return next((name for pattern, name in _SYNONYMS if pattern.search(text)), "other")


def tally(files: list[Path]) -> dict[str, Counter]:
    """Per check: how many of its actions on a model's drafts the teachers classed right, false or harmless."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                continue
            action = str(row.get("action", "")).strip().lower()
            verdict = _class(row)
            if action.split(" ")[0].rstrip(":") in _NOT_ACTIONS or verdict is None:
                continue
            counts[_check(row)][verdict] += 1
    return counts


#: Checks that act on a model's drafts only in their objective case.
_PARTLY = {
    Reason.DUPLICATE_OPTIONS.value: "acts on the same text twice; options alike: notes",
    Reason.DUPLICATE.value: "acts on the same prompt twice; near ones: notes",
    Reason.DUPLICATE_ACROSS_RUN.value: "acts on the same prompt twice; near ones: notes",
    "multiple-choice key placed (options reordered)": "the engine places the keys (not a gate check)",
}


def _acts(check: str) -> str:
    if check.endswith("(course narration)"):
        return "notes"
    if check in _PARTLY:
        return _PARTLY[check]
    reason = next((r for r in Reason if r.value == check), None)
    if reason is None:
        return "-"
    return "acts" if reason in MODEL_DRAFT_ACTS else "notes"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder (judged/llm)")
    args = parser.parse_args()
    files = sorted((ROOT / "bench" / "data").glob("teacher-*/**/gate-actions.jsonl"))
    files += sorted((args.shared / "judged" / "llm").glob("**/gate-actions.jsonl"))
    counts = tally(files)
    print(f"{len(files)} verdict files\n")
    print("| check | actions | right calls | false alarms | harmless | on a model's drafts now |")
    print("|---|---:|---:|---:|---:|---|")
    total: Counter = Counter()
    for check, c in sorted(counts.items(), key=lambda kv: -sum(kv[1].values())):
        total += c
        print(f"| {check} | {sum(c.values())} | {c['right']} | {c['false']} | {c['harmless']} | {_acts(check)} |")
    print(f"| **all** | **{sum(total.values())}** | **{total['right']}** | **{total['false']}** | **{total['harmless']}** | |")


if __name__ == "__main__":
    main()
