"""The review rubric measured on the corpus: would a teacher keep the offline engine's drafts?

Converts each corpus input with the offline engine (or reads guides another run wrote, ``--outputs DIR``, e.g.
the code of an earlier commit) and reports per input: topics, front/back-matter topics, the share of flashcards and
questions that pass the review rubric (as first generated, and as written), glossary-term recall against the
chapter's own bold terms (OpenStax chapters), definitions of the topic's own term, items opening with an unresolved
pronoun or connective, questions repeating a flashcard and templated link reasons. Writes bench/QUALITY.md.

    .venv/bin/python bench/quality.py                     # this code
    .venv/bin/python bench/quality.py --outputs OUT --label "main"   # guides written by other code into OUT
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from seekh_convert.check import check_content  # noqa: E402
from seekh_convert.check.duplicates import repeated_flashcards  # noqa: E402
from seekh_convert.check.items import iter_items  # noqa: E402
from seekh_convert.check.rubric import templated_problem  # noqa: E402
from seekh_convert.clean.matter import shape_kind  # noqa: E402
from seekh_convert.generate.offline.pool import title_overlap  # noqa: E402
from seekh_convert.model.document import BlockKind, Topic  # noqa: E402
from seekh_convert.model.guide import StudyGuide  # noqa: E402
from seekh_convert.pipeline import Converter, Options, load_document  # noqa: E402
from seekh_convert.text.defining import asked_term, defined_terms, not_a_definition  # noqa: E402
from seekh_convert.text.standalone import dangling_opening  # noqa: E402
from seekh_convert.text.terms import term_key  # noqa: E402

CORPUS = Path(os.environ.get("SEEKH_CORPUS", ROOT.parent / "shared" / "corpus"))
INPUTS = [
    *sorted((CORPUS / "text").glob("*.md")),
    CORPUS / "transcripts" / "mit-ocw-5.111sc-lec02-atomic-structure.DERIVED.vtt",
    CORPUS / "pdf" / "freeculture-352-pages.pdf",
    CORPUS / "pdf" / "lecture-slides-vector-bootcamp.pdf",
    CORPUS / "pdf" / "GeoTopo-lecture-notes-de-117-pages.pdf",
]
_MATTER = {BlockKind.CONTENTS, BlockKind.INDEX, BlockKind.BOILERPLATE}
_MATTER_TITLE = re.compile(
    r"^\W*(?:(?:table of )?contents|inhaltsverzeichnis|list of (?:figures|tables)|index|licen[cs]e|copyright( page)?|"
    r"\w*verzeichnis)\W*$",
    re.I,
)


@dataclass
class Figures:
    """What one input's guides show."""

    name: str
    topics: int = 0
    matter_topics: list[str] = field(default_factory=list)
    generated: dict[str, list[int]] = field(default_factory=lambda: {"flashcards": [0, 0], "questions": [0, 0]})
    written: dict[str, list[int]] = field(default_factory=lambda: {"flashcards": [0, 0], "questions": [0, 0]})
    bold: set[str] = field(default_factory=set)
    carded: set[str] = field(default_factory=set)
    definitions: int = 0
    own_definitions: int = 0
    said_so: int = 0
    openings: list[str] = field(default_factory=list)
    repeats: int = 0
    templated_links: int = 0
    links: int = 0


def _share(pair: list[int]) -> str:
    passed, checked = pair
    return f"{passed}/{checked} ({passed / checked:.0%})" if checked else "n/a"


def _matter_guide(guide: StudyGuide, doc) -> bool:
    """A guide made of front/back matter: titled like it, or most of its quotes in contents, index or licence text."""
    if _MATTER_TITLE.search(guide.topic):
        return True
    kinds = {b.text: b.kind for b in doc.blocks}
    quotes = [i.model.source.quote for i in iter_items(guide)]
    in_matter = 0
    for quote in quotes:
        block = next((t for t in kinds if quote[:60] in t), None)
        in_matter += block is not None and kinds[block] in _MATTER or shape_kind(quote) is not None
    return bool(quotes) and in_matter > len(quotes) / 2


def _card_term(card) -> str | None:
    if card.kind == "cloze":
        return card.back
    return asked_term(card.front)


def _measure_guide(fig: Figures, guide: StudyGuide, quality: dict | None, doc) -> None:
    if quality is not None:
        for section in ("flashcards", "questions"):
            tally = quality.get("rubric", {}).get(section)
            if tally:
                fig.generated[section][0] += tally["passed"]
                fig.generated[section][1] += tally["checked"]
    whole = Topic(guide.provenance.topic_index, guide.topic, doc.blocks)  # quotes anywhere: other code splits otherwise
    _, checked = check_content(guide, whole, doc)  # the rubric on the guide as written
    for section in ("flashcards", "questions"):
        tally = checked.rubric.get(section)
        if tally:
            fig.written[section][0] += tally.passed
            fig.written[section][1] += tally.checked
    fig.carded |= {term_key(t) for c in guide.flashcards if (t := _card_term(c))}
    if guide.definition is not None:
        fig.definitions += 1
        fig.own_definitions += _defines_title_term(guide)
    else:
        fig.said_so += 1
    for item in iter_items(guide):
        text = getattr(item.model, "text", None) or getattr(item.model, "statement", None) or getattr(item.model, "back", "")
        if item.section in ("definition", "summary", "key_takeaways", "applications", "questions", "flashcards") and text:
            word = dangling_opening(text)
            if word:
                fig.openings.append(f"{item.where}: {text[:60]}")
    fig.repeats += len(repeated_flashcards(iter_items(guide)))
    for link in [*guide.learn_next, *guide.prerequisites]:
        fig.links += 1
        fig.templated_links += templated_problem(link.why or "") is not None


def _defines_title_term(guide: StudyGuide) -> bool:
    """The definition defines a term that the topic's title names (the term the sentence defines shares a
    distinctive word with the title)."""
    text = guide.definition.text
    defined = [d.term for d in defined_terms(text) if d.strength >= 2.4]
    subject = re.match(r"\W*(?:(?:the|a|an|one)\s+)?([\w'’\- ]{2,60}?)\s*(?:\([^)]*\))?,?\s+(?:is|are|refers|means)\b", text)
    defined += [subject.group(1)] if subject else []
    return any(title_overlap(t, guide.topic) > 0 and not_a_definition(t, text) is None for t in defined)


def measure(path: Path, out: Path, fig: Figures) -> None:
    """Figures of the guides written for ``path`` into ``out`` (one folder per topic)."""
    doc = load_document(path, Options())
    if path.suffix == ".md":
        fig.bold = {term_key(e) for b in doc.blocks if b.usable or b.kind is BlockKind.GLOSSARY for e in b.emphasis}
        fig.bold |= {term_key(b.term) for b in doc.blocks if b.kind is BlockKind.GLOSSARY and b.term}
        fig.bold.discard("")
    for guide_path in sorted(out.glob("*/guide.json")):
        guide = StudyGuide.model_validate_json(guide_path.read_text(encoding="utf-8"))
        quality_path = guide_path.with_name("quality.json")
        quality = json.loads(quality_path.read_text(encoding="utf-8")) if quality_path.exists() else None
        fig.topics += 1
        _measure_guide(fig, guide, quality, doc)
        if _matter_guide(guide, doc):
            fig.matter_topics.append(guide.topic)


def convert(paths: list[Path], out: Path) -> None:
    """Convert with this code's offline engine."""
    from seekh_convert.generate.offline import OfflineEngine

    engine = OfflineEngine()
    asyncio.run(Converter(engine, out).convert_all(paths))


def _folder(out: Path, path: Path) -> Path:
    from seekh_convert.files import slugify

    return out / slugify(path.stem, fallback="document")


def report(figures: list[Figures], label: str) -> str:
    """The figures as Markdown."""
    lines = [
        f"## Review rubric on the corpus ({label})",
        "",
        "Offline engine, one run per input. *generated*: flashcards and questions as the engine first wrote them,",
        "before the gate repaired or dropped any; *written*: as written to guide.json. Recall: the chapter's own bold",
        "and glossary terms that some flashcard asks or blanks. Definitions: topics whose definition defines a term",
        "of the topic's title / topics with a definition; *says so*: topics whose guide says the source has none.",
        "",
        "| input | topics | matter topics | flashcards generated | questions generated | flashcards written |"
        " questions written | bold-term recall | definitions of own term | says so | pronoun/connective openings |"
        " questions repeating a card | templated link reasons |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for f in figures:
        recall = f"{len(f.bold & f.carded)}/{len(f.bold)} ({len(f.bold & f.carded) / len(f.bold):.0%})" if f.bold else "n/a"
        defs = f"{f.own_definitions}/{f.definitions}" if f.definitions else "0/0"
        lines.append(
            f"| {f.name} | {f.topics} | {len(f.matter_topics)} | {_share(f.generated['flashcards'])} |"
            f" {_share(f.generated['questions'])} | {_share(f.written['flashcards'])} | {_share(f.written['questions'])} |"
            f" {recall} | {defs} | {f.said_so} | {len(f.openings)} | {f.repeats} | {f.templated_links}/{f.links} |"
        )
    tot = {k: [sum(f.generated[k][i] for f in figures) for i in (0, 1)] for k in ("flashcards", "questions")}
    lines += ["", f"All inputs, as generated: flashcards {_share(tot['flashcards'])}, questions {_share(tot['questions'])}.", ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--outputs", type=Path, help="read guides from this folder instead of converting")
    parser.add_argument("--label", default="this code")
    parser.add_argument("--write", type=Path, default=ROOT / "bench" / "QUALITY.md")
    args = parser.parse_args()
    paths = [p for p in INPUTS if p.exists()]
    with tempfile.TemporaryDirectory() as tmp:
        out = args.outputs or Path(tmp)
        if args.outputs is None:
            convert(paths, out)
        figures = []
        for path in paths:
            fig = Figures(path.name[:40])
            measure(path, _folder(out, path), fig)
            figures.append(fig)
            print(f"{fig.name}: generated {fig.generated}, written {fig.written}, matter {fig.matter_topics}", flush=True)
    text = report(figures, args.label)
    print(text)
    previous = args.write.read_text(encoding="utf-8") if args.write.exists() else "# Quality of the drafts\n\n"
    marker = f"## Review rubric on the corpus ({args.label})"
    kept = previous.split(marker)[0].rstrip() + "\n\n" if marker in previous else previous.rstrip() + "\n\n"
    after = previous.split(marker, 1)[1] if marker in previous else ""
    rest = after[after.find("\n## ") :] if "\n## " in after else ""
    args.write.write_text(kept + text + rest, encoding="utf-8")


if __name__ == "__main__":
    main()
