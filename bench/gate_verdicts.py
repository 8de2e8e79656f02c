"""Does the gate's action on a capable model's drafts agree with teachers? Per check, on the relay runs' verdicts.

Teachers judged the relay runs' first drafts (``first-draft-items.jsonl``: KEEP / EDIT / DROP per card and question)
and every gate action (``gate-actions.jsonl``: false alarm / right call / harmless). Each judged place (document,
topic, section, index of the draft) gets a label: keep (a KEEP draft item, or a false alarm), drop (a DROP item, or a
right call), edit (EDIT, harmless). The gate's findings of a run's output (its quality.json files: the real run's
``out`` folder, or a replay's ``SEEKH_BENCH_OUT`` folder from ``bench/llm_tokens.py``) are matched to those places:
per check, how often it acted (dropped, repaired, replaced or changed the item) or only noted it, on each label.

    .venv/bin/python bench/gate_verdicts.py VERDICTS_DIR OUTPUT_DIR [VERDICTS_DIR OUTPUT_DIR ...]

e.g. ``bench/data/teacher-2026-12-04/relay-setE /work/relay-run-4/out`` (run 4 as it ran) or ``... /tmp/replay4``
(the same drafts through today's gate: ``SEEKH_BENCH_OUT=/tmp/replay4 SEEKH_EXCHANGE=/work/relay-run-4/exchange
SEEKH_DOCUMENTS=/work/judge-docs/E .venv/bin/python bench/llm_tokens.py``).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

LABELS = {
    "keep": "keep",
    "edit": "edit",
    "drop": "drop",
    "false alarm": "keep",
    "false_alarm_original_fine": "keep",
    "right call": "drop",
    "right_call": "drop",
    "harmless": "edit",
}
ACTED = {"dropped", "repaired", "replaced", "fixed"}
Place = tuple[str, str, str, int | None]


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _section(row: dict) -> tuple[str, int | None]:
    if "position" in row and "section" not in row:
        section, _, index = row["position"].rpartition("_")
        return section, int(index) if index.isdigit() else None
    section = row.get("section") or {"flashcard": "flashcards", "question": "questions"}.get(row.get("kind", ""), "")
    index = row.get("original_index", row.get("index"))
    return section, None if index is None else int(index)


def _label(row: dict) -> str | None:
    for field in ("cls", "classification", "class", "verdict_gate", "verdict", "original_verdict"):
        value = str(row.get(field, "")).strip().lower()
        if value in LABELS:
            return LABELS[value]
    return None


def labels(folder: Path) -> dict[Place, str]:
    """Every judged place of a verdicts folder (its subfolders per document): the teacher's verdict on the draft
    item where there is one, else on the gate's action there (a right call over a false alarm at one place: a
    needless location fix before a right drop)."""
    found: dict[Place, str] = {}
    judged_drafts: set[Place] = set()
    for name in ("first-draft-items.jsonl", "gate-actions.jsonl"):
        for path in sorted(folder.rglob(name)):
            for line in path.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                row = json.loads(line)
                label = _label(row)
                section, index = _section(row)
                topic = row.get("topic") or row.get("topic_folder") or row.get("topic_title") or ""
                if label is None or not section:
                    continue
                place = (_key(Path(row["document"]).stem), _key(topic), section, index)
                drafted = name == "first-draft-items.jsonl"
                if place not in found or not drafted and label == "drop" and place not in judged_drafts:
                    found[place] = label
                if drafted:
                    judged_drafts.add(place)
    return found


def findings(out: Path) -> dict[Place, list[dict]]:
    """The gate's findings of a run's output by place (a topic is keyed by its folder name and by its title)."""
    by_place: dict[Place, list[dict]] = defaultdict(list)
    for path in sorted(out.rglob("quality.json")):
        quality = json.loads(path.read_text(encoding="utf-8"))
        doc = _key(path.parent.parent.name)
        for finding in quality["findings"]:
            for topic in {_key(path.parent.name), _key(quality["topic_title"])}:
                by_place[(doc, topic, finding["section"], finding["index"])].append(finding)
    return by_place


def tally(judged: dict[Place, str], found: dict[Place, list[dict]]) -> tuple[Counter, Counter]:
    """Per (check, label): places the gate acted on, places it only noted."""
    acted: Counter = Counter()
    noted: Counter = Counter()
    for place, label in judged.items():
        here = found.get(place, [])
        for reason in dict.fromkeys(f["reason"] for f in here if f["action"] in ACTED and f["reason"] != "card kind"):
            acted[(reason, label)] += 1
        acted[("any check", label)] += any(f["action"] in ACTED and f["reason"] != "card kind" for f in here)
        for reason in dict.fromkeys(f["reason"] for f in here if f["action"] == "noted"):
            noted[(reason, label)] += 1
    return acted, noted


def render(judged: dict[Place, str], acted: Counter, noted: Counter) -> str:
    total = Counter(judged.values())
    checks = sorted({r for r, _ in acted} | {r for r, _ in noted}, key=lambda r: (r == "any check", -acted[(r, "keep")], r))
    lines = [
        f"{total['keep']} keep, {total['edit']} edit, {total['drop']} drop places judged",
        "",
        "| check | acted on KEEP (false alarms) | acted on EDIT | acted on DROP (right calls) | noted KEEP / EDIT / DROP |",
        "|---|--:|--:|--:|--:|",
    ]
    for check in checks:
        row = [acted[(check, lab)] for lab in ("keep", "edit", "drop")]
        notes = "/".join(str(noted[(check, lab)]) for lab in ("keep", "edit", "drop"))
        lines.append(f"| {check} | {row[0]} | {row[1]} | {row[2]} | {notes} |")
    acts = sum(acted[("any check", lab)] for lab in ("keep", "edit", "drop"))
    false = acted[("any check", "keep")]
    lines.append(f"\nplaces acted on: {acts}, of them KEEPs (false alarms): {false}" + (f" ({false / acts:.0%})" if acts else ""))
    return "\n".join(lines)


def main() -> None:
    args = sys.argv[1:]
    if not args or len(args) % 2:
        sys.exit(__doc__)
    judged: dict[Place, str] = {}
    found: dict[Place, list[dict]] = {}
    for verdicts, out in zip(args[::2], args[1::2], strict=True):
        judged |= labels(Path(verdicts))
        found |= findings(Path(out))
    print(render(judged, *tally(judged, found)))


if __name__ == "__main__":
    main()
