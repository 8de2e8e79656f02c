"""Does the quality gate agree with teachers? Per check: false alarms on items teachers KEEP, catches on DROPs.

Re-gates the recorded items of ``../shared/judged/`` against their source documents (read through our own
readers, default options) and compares each check's findings with the teacher's verdict:

- ``offline``: ``judged/offline/judged-items.jsonl`` (106 offline-engine cards and questions, keep/edit/drop);
- ``llm``: the capable model's first drafts (``judged/llm/judged-llm-items.jsonl``, verdict on the original) and
  the originals of every gate action on the other sections (``gate-actions.jsonl``: a false alarm is an item
  the teacher keeps, a right call one the teacher drops).

EDIT items count on neither side. Writes the tables to stdout (``--markdown`` for bench/RESULTS.md).

    .venv/bin/python bench/gate_agreement.py [--markdown] [--show keep|drop]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pydantic import TypeAdapter  # noqa: E402

from seekh_convert.check.checker import GateSettings, ItemChecker, for_model_drafts  # noqa: E402
from seekh_convert.check.duplicates import repeated_flashcards  # noqa: E402
from seekh_convert.check.items import Item  # noqa: E402
from seekh_convert.generate.openai.parse import ITEM_TYPES  # noqa: E402
from seekh_convert.model.document import Document, Topic  # noqa: E402
from seekh_convert.model.findings import Reason  # noqa: E402
from seekh_convert.pipeline import load_document  # noqa: E402
from seekh_convert.text.terms import term_key  # noqa: E402

CORPUS = Path(os.environ.get("SEEKH_CORPUS", ROOT.parent / "shared" / "corpus"))
JUDGED = Path(os.environ.get("SEEKH_JUDGED", CORPUS.parent / "judged"))
RELAY_DOCS = Path(os.environ.get("SEEKH_RELAY_DOCS", "/work/judge-docs/B"))
RELAY_DRAFTS = ROOT / "bench" / "data" / "relay16-first-drafts.jsonl"
_ADAPTERS = {name: TypeAdapter(kind) for name, kind in ITEM_TYPES.items()}


@dataclass
class Case:
    """One judged item: where it sits, the item, and the teacher's label (keep / edit / drop)."""

    document: str
    topic_title: str
    section: str
    index: int | None
    item: dict
    label: str
    note: str = ""
    flags: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # checks that kept the item with a note for the editor


def offline_cases(judged: Path = JUDGED) -> list[Case]:
    rows = [json.loads(line) for line in (judged / "offline" / "judged-items.jsonl").read_text().splitlines() if line]
    return [Case(r["document"], r["topic_title"], r["section"], r["index"], r["item"], r["verdict"], r["reason"]) for r in rows]


def llm_cases(judged: Path = JUDGED) -> list[Case]:
    llm = judged / "llm"
    cases = []
    for line in (llm / "judged-llm-items.jsonl").read_text().splitlines():
        r = json.loads(line)
        index = r.get("original_index", r["index"])
        cases.append(
            Case(r["document"], r["topic_title"], r["section"], index, r["original_item"], r["verdict_original"], r["reason"])
        )
    labels = {"false_alarm_original_fine": "keep", "right_call": "drop"}
    for line in (llm / "gate-actions.jsonl").read_text().splitlines():
        r = json.loads(line)
        if r["section"] in ("flashcards", "questions") or r["classification"] not in labels:
            continue
        label = labels[r["classification"]]
        if r["action"] == "fixed":  # a location fix (the quote is on two slides): nothing dropped or replaced
            continue
        cases.append(Case(r["document"], r["topic_title"], r["section"], r["index"], r["original_item"], label, r["reason"]))
    return cases


def relay_cases(path: Path = RELAY_DRAFTS) -> list[Case]:
    """Relay run 1 (issue 16): the capable model's first drafts on three new documents, teacher's verdict each."""
    rows = [json.loads(line) for line in path.read_text().splitlines() if line]
    return [Case(r["document"], r["topic_title"], r["section"], r["index"], r["item"], r["verdict"], r["reason"]) for r in rows]


_DOCS: dict[Path, Document] = {}


def _document(name: str, folder: Path) -> Document:
    path = folder / name
    if path not in _DOCS:
        _DOCS[path] = load_document(path)
    return _DOCS[path]


def find_topic(doc: Document, title: str, quotes: list[str]) -> Topic | None:
    """The topic of ``doc`` titled ``title``; else the one holding most of ``quotes`` (another split of the text)."""
    key = term_key(title)
    for topic in doc.topics:
        if term_key(topic.title) == key:
            return topic

    def held(topic: Topic) -> int:
        text = re.sub(r"\s+", " ", " ".join(b.text for b in topic.blocks))
        return sum(re.sub(r"\s+", " ", q)[:60] in text for q in quotes)

    return max(doc.topics, key=held, default=None)


def run_topic(doc: Document, title: str, quotes: list[str]) -> Topic | None:
    """The topic as the recorded run split it: today's topics from the titled one to the last holding a quote.

    Every recorded set was drafted on an earlier split (relay run 1: 3 topics a document); today's splitter
    cuts differently, which would report the drafts' quotes as "outside the topic" for a reason that is ours,
    not the model's. So each set is re-gated against the span of today's topics its draft's topic covered.
    """
    first = find_topic(doc, title, quotes)
    if first is None:
        return None
    start = doc.topics.index(first)
    end = start
    for i, topic in enumerate(doc.topics[start:], start):
        text = re.sub(r"\s+", " ", " ".join(b.text for b in topic.blocks))
        if any(re.sub(r"\s+", " ", q)[:60] in text for q in quotes):
            end = i
    blocks = [b for t in doc.topics[start : end + 1] for b in t.blocks]
    return Topic(first.index, first.title, blocks)


def regate(
    cases: list[Case], documents: Path = JUDGED / "documents", settings: GateSettings | None = None, *, as_run: bool = False
) -> list[Case]:
    """Fill each case's ``flags`` (reasons the gate would drop it for) by checking it against its source."""
    groups: dict[tuple[str, str], list[Case]] = defaultdict(list)
    for case in cases:
        groups[(case.document, case.topic_title)].append(case)
    for (name, title), group in groups.items():
        doc = _document(name, documents)
        quotes = [c.item["source"]["quote"] for c in group]
        topic = run_topic(doc, title, quotes) if as_run else find_topic(doc, title, quotes)
        checker = ItemChecker(topic, doc, settings or GateSettings())
        kept: list[tuple[Item, Case]] = []
        for case in group:
            model = _ADAPTERS[case.section].validate_python(case.item)
            item = Item(case.section, case.index, model)
            outcome = checker.check(item)
            for f in outcome.findings:
                if f.action == "noted":
                    case.notes += [f.reason.value, *(r.value for r in f.also)]
                elif f.action != "fixed":
                    case.flags += [f.reason.value, *(r.value for r in f.also)]
                    case.details.append(f"{f.reason.value}: {f.detail}")
            if outcome.model is not None:
                kept.append((Item(case.section, case.index, outcome.model), case))
        by_item = {id(i): c for i, c in kept}
        for question, card in repeated_flashcards([i for i, _ in kept]):
            if checker.settings.notes(Reason.REPEATS_FLASHCARD, ""):
                by_item[id(question)].notes.append(Reason.REPEATS_FLASHCARD.value)
                continue
            by_item[id(question)].flags.append(Reason.REPEATS_FLASHCARD.value)
            by_item[id(question)].details.append(f"repeats {card}")
    return cases


def table(cases: list[Case]) -> tuple[list[tuple[str, int, int]], dict[str, int]]:
    """Per reason: (reason, flagged keeps, flagged drops); and the totals (keep, drop, flagged keep, flagged drop)."""
    keeps = [c for c in cases if c.label == "keep"]
    drops = [c for c in cases if c.label == "drop"]
    reasons = sorted({r for c in cases for r in c.flags})
    rows = [(r, sum(r in c.flags for c in keeps), sum(r in c.flags for c in drops)) for r in reasons]
    totals = {
        "keep": len(keeps),
        "drop": len(drops),
        "edit": sum(c.label == "edit" for c in cases),
        "flagged_keep": sum(bool(c.flags) for c in keeps),
        "flagged_drop": sum(bool(c.flags) for c in drops),
        "flagged_edit": sum(bool(c.flags) for c in cases if c.label == "edit"),
    }
    return rows, totals


def _pct(n: int, d: int) -> str:
    return f"{n}/{d} ({n / d:.0%})" if d else "n/a"


def render(name: str, cases: list[Case]) -> str:
    rows, t = table(cases)
    lines = [
        f"#### {name}: {t['keep']} keep, {t['edit']} edit, {t['drop']} drop",
        "",
        "| check | false alarms (flagged KEEPs) | catches (flagged DROPs) |",
        "|---|--:|--:|",
    ]
    for reason, fk, fd in sorted(rows, key=lambda r: (-r[2], r[1])):
        lines.append(f"| {reason} | {_pct(fk, t['keep'])} | {_pct(fd, t['drop'])} |")
    lines.append(
        f"| **any check (the gate)** | **{_pct(t['flagged_keep'], t['keep'])}** | **{_pct(t['flagged_drop'], t['drop'])}** |"
    )
    lines.append(f"\nEDIT items flagged: {_pct(t['flagged_edit'], t['edit'])}.")
    noted = {label: sum(bool(c.notes) and not c.flags for c in cases if c.label == label) for label in ("keep", "edit", "drop")}
    if any(noted.values()):
        lines.append(
            f"Kept with a note for the editor only (no action): {noted['keep']} KEEPs, {noted['edit']} EDITs, {noted['drop']} DROPs."
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", choices=["keep", "drop", "edit"], help="list the flagged KEEPs / missed DROPs")
    args = parser.parse_args()
    if not JUDGED.exists():
        sys.exit(f"no judged data at {JUDGED}; set SEEKH_JUDGED or SEEKH_CORPUS")
    model = for_model_drafts(None)  # the openai engine's path: style checks only note
    sets = [
        ("judged/offline", offline_cases(), JUDGED / "documents", GateSettings()),
        ("judged/llm (the openai path's gate)", llm_cases(), JUDGED / "documents", model),
    ]
    if RELAY_DOCS.exists():
        sets.append(("relay run 1 (new documents, the openai path's gate)", relay_cases(), RELAY_DOCS, model))  # type: ignore[arg-type]
    else:
        print(f"(relay run 1 skipped: no documents at {RELAY_DOCS}; set SEEKH_RELAY_DOCS)")
    for name, cases, documents, settings in sets:
        regate(cases, documents, settings, as_run=True)
        print(render(name, cases), "\n")
        if args.show:
            for c in cases:
                if c.label != args.show or (bool(c.flags) != (args.show != "drop")):
                    continue
                print(
                    f"- [{c.section}] {json.dumps({k: v for k, v in c.item.items() if k != 'source'}, ensure_ascii=False)[:300]}"
                )
                print(f"    quote: {c.item['source']['quote'][:200]}")
                print(f"    gate: {'; '.join(c.details) or '-'}  | teacher: {c.note[:200]}")
        print(Counter(r for c in cases for r in c.flags))


if __name__ == "__main__":
    main()
