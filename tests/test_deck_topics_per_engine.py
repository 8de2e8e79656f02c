"""Slide decks are grouped into topics sized for the engine: about 120 usable words for the offline engine (it
writes a few items per slide group), about 500 for a model (it reads a lecture's slides together; six requests for
a 28-slide, 430-word deck cost six times the prompt and schema for the same source). The size is recorded in the
guide's provenance so that ``check`` finds the topic again, and ``estimate`` splits as the run does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fakes.openai_server import FakeOpenAIServer, quoting_reply
from pptx import Presentation
from typer.testing import CliRunner

from seekh_convert.cli import app
from seekh_convert.pipeline import load_document
from seekh_convert.pipeline.commands import check_guide
from seekh_convert.pipeline.run import Options

SLIDES = [
    (
        "Arrays",
        "An array stores its elements in one contiguous block of memory. Inserting an element in the middle of an array moves every element after it.",
    ),
    (
        "Linked lists",
        "A linked list stores each element in a node that points to the next node. Inserting a node only changes two pointers.",
    ),
    (
        "The head pointer",
        "The head pointer holds the address of the first node of the list. An empty list has a head pointer that is null.",
    ),
    ("Traversal", "Traversing a linked list follows the next pointers from the head until it reaches a null pointer at the end."),
    ("Insertion", "Inserting at the front of a linked list makes the new node point to the old head and then moves the head."),
    ("Deletion", "Deleting a node makes its predecessor point to its successor, so the deleted node is no longer reachable."),
    ("Doubly linked lists", "A doubly linked list gives every node a pointer to its previous node as well as to its next node."),
    (
        "Circular lists",
        "In a circular linked list the last node points back to the first node instead of holding a null pointer.",
    ),
]


COURSE, LECTURE = "Game Development 2B", "Linked Lists"  # the cover: a course label, then the lecture's subject
COUNT = 1 + 2 * len(SLIDES)


@pytest.fixture
def deck(tmp_path) -> Path:
    prs = Presentation()
    cover = prs.slides.add_slide(prs.slide_layouts[0])
    cover.shapes.title.text = COURSE
    cover.placeholders[1].text_frame.text = LECTURE
    for part in ("", " in practice"):
        for title, body in SLIDES:
            slide = prs.slides.add_slide(prs.slide_layouts[1])
            slide.shapes.title.text = title + part
            slide.placeholders[1].text_frame.text = body
    prs.core_properties.title = ""
    path = tmp_path / "linked-lists-lecture.pptx"
    prs.save(path)
    return path


def test_a_model_reads_a_short_deck_as_one_lecture_the_offline_engine_in_slide_groups(deck):
    offline = load_document(deck, Options())
    model = load_document(deck, Options(deck_words=500))
    assert len(offline.topics) >= 2
    assert [(t.slides[0], t.slides[-1]) for t in model.topics] == [(1, COUNT)]
    assert model.topics[0].title == LECTURE  # the lecture's subject, not the course's name nor its fullest slide's
    assert sorted({s for t in offline.topics for s in t.slides}) == list(range(1, COUNT + 1))
    assert LECTURE not in [t.title for t in offline.topics] and model.title == COURSE


def test_the_openai_run_records_its_deck_size_and_check_finds_the_topic_again(deck, tmp_path):
    out = tmp_path / "out"
    with FakeOpenAIServer(responder=quoting_reply) as server:
        args = ["convert", str(deck), "-o", str(out), "--model", "fake-model", "--base-url", server.url]
        result = CliRunner().invoke(app, [*args, "--api-key", "sk-test", "--cache-dir", str(tmp_path / "cache")])
        assert result.exit_code == 0, result.output
        guide_requests = [r for r in server.requests if "Arrays" in json.dumps(r) and "Circular" in json.dumps(r)]
    assert guide_requests, "one request carries the whole deck"
    [guide_path] = sorted(out.glob("*/*/guide.json"))
    provenance = json.loads(guide_path.read_text())["provenance"]
    assert provenance["deck_words"] == 500 and provenance["topic_count"] == 1 and provenance["topic_words"] == 300
    assert provenance["slides"] == list(range(1, COUNT + 1))
    checked = check_guide(guide_path, deck)
    assert not any("topic" in n and "not found" in n for n in checked.quality.notes), checked.quality.notes
    assert checked.quality.grounding_rate and checked.quality.grounding_rate > 0.5


def test_estimate_splits_a_deck_as_the_openai_run_does(deck):
    result = CliRunner().invoke(app, ["estimate", str(deck), "--json"])
    assert result.exit_code == 0, result.output
    [found] = json.loads(result.output)["inputs"]
    assert found["topics"] == 1
