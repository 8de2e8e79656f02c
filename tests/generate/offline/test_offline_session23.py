"""The twenty-third session (2026-12-07): findings of set 51 (ecology notes, statistics chapter) and set 52."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from seekh_convert.model.document import Block, BlockKind, Document, SourceKind, Topic


def _content(title: str, paragraphs: list[str]):
    from seekh_convert.generate.offline import OfflineEngine

    head = [Block(title, BlockKind.HEADING, level=1, section=title, page=1)]
    rest = [Block(p, page=1, section=title) for p in paragraphs]
    doc = Document(path=Path("notes.md"), kind=SourceKind.MARKDOWN, title="Notes", blocks=head + rest)
    doc.topics = [Topic(1, title, head + rest)]
    return asyncio.run(OfflineEngine().generate(doc.topics[0], doc)).content


@pytest.mark.parametrize(
    ("sentence", "term", "kind"),
    [
        # what a measure measures is what it is (set 51's ecology notes: three measures defined, none carded)
        (
            "Nestedness measures the tendency for species with fewer interactions to be a subset of those with more "
            "interactions.",
            "Nestedness",
            "measures",
        ),
        (
            "Modularity captures the tendency of species to form into groups of species which interact mainly within "
            "their own group.",
            "Modularity",
            "measures",
        ),
        # a measure of something not narrowed down, or a person measuring, is no definition
        ("Nestedness measures the tendency.", "Nestedness", None),
        ("The nurse measures the temperature of every patient.", "nurse", None),
        ("Modularity captures the imagination of many ecologists.", "Modularity", None),
    ],
)
def test_what_a_measure_measures_defines_it(sentence, term, kind) -> None:
    from seekh_convert.text import parse
    from seekh_convert.text.grammar import definition_kind

    assert definition_kind(parse.parse(sentence), term) == kind


def test_a_measure_is_asked_what_it_measures() -> None:
    content = _content(
        "Common measures of networks",
        [
            "Ecologists describe the structure of interaction networks with a few common statistics. Nestedness "
            "measures the tendency for species with fewer interactions to be a subset of those with more interactions. "
            "Nestedness is slightly confusing until you sketch it out, and a nested network has a core of generalists.",
            "Highly nested networks are thought to be robust to the loss of specialist species, and nestedness is "
            "reported in most studies of plant and pollinator networks.",
        ],
    )
    fronts = {c.front: c.back for c in content.flashcards}
    assert fronts.get("What does nestedness measure?", "").startswith("Nestedness measures the tendency for species")


def test_a_wall_of_text_is_divided_into_paragraphs_at_sentence_ends() -> None:
    from seekh_convert.clean import _divide_walls

    sentences = [f"Sentence number {i} talks about waves and the ocean floor in some detail here." for i in range(80)]
    wall = Block(" ".join(sentences))
    short = Block("A short paragraph stays as it is.")
    out = _divide_walls([short, wall])
    assert out[0] is short
    pieces = out[1:]
    assert len(pieces) >= 4
    assert " ".join(p.text for p in pieces) == wall.text  # nothing lost, nothing added, every piece verbatim
    assert all(p.text.endswith(".") and p.text in wall.text for p in pieces)
    assert all(120 <= len(p.text.split()) <= 400 for p in pieces)


def test_a_transcript_saved_on_one_line_gets_several_topics(tmp_path) -> None:
    from seekh_convert.pipeline import load_document

    parts = {
        "waves": "Wind waves move in the direction of the wind while the water molecules move in circles. The wave base is "
        "the depth at which water molecules cease to move at all. Wind waves have short wavelengths and short periods. ",
        "quakes": "Earthquakes on subduction zones lift the sea floor and displace the water above it. The displaced "
        "water spreads out as a tsunami across the whole ocean basin. Megathrust earthquakes make the largest tsunamis. ",
        "coasts": "Near the coast the tsunami slows down and its height grows as the water gets shallower. The run-up "
        "height is the maximum elevation the flooding reaches on land. Coastal plains flood far inland. ",
    }
    text = "".join(f"In case {i}, {parts[k][:1].lower()}{parts[k][1:]}" for k in ("waves", "quakes", "coasts") for i in range(30))
    path = tmp_path / "tsunami-lecture.txt"
    path.write_text(text, encoding="utf-8")
    doc = load_document(path)
    assert len(doc.topics) >= 2
    assert all(b.text in text for t in doc.topics for b in t.blocks)


def test_a_topic_whose_text_is_all_a_summary_box_still_gets_a_summary() -> None:
    from seekh_convert.generate.offline.analysis import analyse
    from seekh_convert.generate.offline.summarize import summary_sentences

    title = "Generating Further Questions"
    head = [Block(title, BlockKind.HEADING, level=1, section=title, page=1)]
    box = [
        Block(text, BlockKind.SUMMARY, page=1, section="Key Takeaways")
        for text in (
            "A writing plan is the first step in shaping a writing project.",
            "The next step is to adjust and shape the plan to make the best use of the writing situation.",
        )
    ]
    doc = Document(path=Path("notes.md"), kind=SourceKind.MARKDOWN, title="Notes", blocks=head + box)
    doc.topics = [Topic(1, title, head + box)]
    ta = analyse(doc, doc.topics[0]).for_topic(doc.topics[0])
    # the key points take every sentence (set 53's writing handbook: a ValidationError on an empty summary)
    assert summary_sentences(ta.ranked, list(ta.ranked), ta.terms)
