"""An engine's smallest topic: a model's guide request carries its rubric and example (about 800 tokens) whatever the
topic's size, so the openai engine merges sections under 300 words (set Q's 4-page handout sent a 279-word section
as a request of its own); the offline engine keeps its 250."""

from __future__ import annotations

import pytest

from seekh_convert.generate.openai.config import load_settings
from seekh_convert.pipeline.run import Options, load_document
from seekh_convert.split.segment import Segmenter

SECTIONS = {
    "Defining the problem": 620,
    "Constraints": 270,
    "Brainstorming": 600,
    "Making a timeline": 590,
}


def _sentence(topic: str, n: int) -> str:
    return f"Sentence {n} about {topic.lower()} explains how a project team plans its work before writing code. "


@pytest.fixture
def handout(tmp_path):
    lines = ["# Problem analysis", ""]
    for title, words in SECTIONS.items():
        lines += [f"## {title}", "", "".join(_sentence(title, i) for i in range(words // 15)), ""]
    path = tmp_path / "problem-analysis.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_the_openai_engine_merges_short_sections_the_offline_engine_keeps_them(handout):
    offline = load_document(handout, Options())
    model = load_document(handout, Options(topic_words=load_settings({"model": "m"}).topic_words))
    assert [t.title for t in offline.topics] == list(SECTIONS)
    assert 1 <= len(model.topics) < len(offline.topics)
    words = [sum(len(b.text.split()) for b in t.blocks) for t in model.topics]
    assert min(words) >= 300, words
    covered = [b.text for t in model.topics for b in t.blocks]
    assert covered == [b.text for t in offline.topics for b in t.blocks]  # merged, nothing lost


def test_topic_words_must_be_positive():
    with pytest.raises(ValueError):
        Segmenter(topic_words=0)
