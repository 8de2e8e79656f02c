"""canonicalize_mc on raw LLM choices, and the citation/junk text heuristics."""

from __future__ import annotations

import pytest

from seekh_convert.check.junk import citation_like
from seekh_convert.model.answers import AnswerKeyError, canonicalize_mc
from seekh_convert.model.findings import Reason
from seekh_convert.model.guide import MultipleChoice

RAW = {
    "question": "Which store holds sensory input?",
    "options": ["A) Sensory memory", "B) Working memory", "C) Long-term memory", "D) Procedural memory"],
    "explanation": "x",
    "source": {"quote": "q" * 12},
}


@pytest.mark.parametrize(
    "key",
    [
        {"answer_index": 0},
        {"answer": "A"},
        {"answer": "a)"},
        {"answer": "Sensory memory"},
        {"answer": "A) Sensory memory"},
        {"correct": 0},
        {"answer": "sensory  MEMORY"},
        {"answer": "A", "answer_index": 0},
    ],
)
def test_canonicalize_accepts_index_letter_or_text(key):
    out = canonicalize_mc({**RAW, **key})
    assert out["answer_index"] == 0 and "answer" not in out and "correct" not in out
    assert out["options"] == ["Sensory memory", "Working memory", "Long-term memory", "Procedural memory"]
    MultipleChoice.model_validate(out)


def test_canonicalize_accepts_option_dicts_flagged_correct():
    raw = {
        **RAW,
        "options": [
            {"text": "Sensory memory"},
            {"text": "Working memory", "correct": True},
            {"text": "Long-term memory"},
            {"text": "Procedural memory"},
        ],
    }
    assert canonicalize_mc(raw)["answer_index"] == 1


@pytest.mark.parametrize(
    ("key", "reason"),
    [
        ({"answer": "Flashbulb memory"}, Reason.KEY_NOT_OPTION),
        ({"answer_index": 7}, Reason.KEY_NOT_OPTION),
        ({"answer": "E"}, Reason.KEY_NOT_OPTION),
        ({"answer": ["A", "C"]}, Reason.KEY_COUNT),
        ({"answer": "A", "answer_index": 2}, Reason.KEY_COUNT),
        ({}, Reason.KEY_COUNT),
    ],
)
def test_canonicalize_rejects_bad_keys(key, reason):
    with pytest.raises(AnswerKeyError) as err:
        canonicalize_mc({**RAW, **key})
    assert err.value.reason is reason
    assert isinstance(err.value, ValueError)


@pytest.mark.parametrize(
    "options",
    [
        ["Sensory memory", "sensory memory", "x y", "z w"],
        ["Sensory memory", "Sensory memories", "Long-term memory", "Working memory"],
    ],
)
def test_canonicalize_rejects_duplicate_options(options):
    with pytest.raises(AnswerKeyError) as err:
        canonicalize_mc({**RAW, "options": options, "answer_index": 0})
    assert err.value.reason is Reason.DUPLICATE_OPTIONS


@pytest.mark.parametrize(
    "text",
    [
        "Abel, M., & Bäuml, K.-H. T. (2013). Sleep can reduce proactive interference. Memory, 22(4), 332–339.",
        "doi:10.1080/09658211.2013.785570",
        "see https://doi.org/10.1037/0033-295X.63.2.81",
        "(credit: modification of work by Cory Zanker)",
        "Photo credit: NASA",
        "5.2 Newton's First Law .......... 213",
        "This book is licensed under a Creative Commons Attribution 4.0 International License.",
        "Which of the following is an example of encoding?",
        "Miller et al. (1956). Psychological Review, 63, pp. 81–97",
        "© 2019 Rice University. All rights reserved.",
        "Content released under CC BY 4.0 by OpenStax.",
    ],
)
def test_citation_like_text_is_junk(text):
    assert citation_like(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Sensory memory holds information from the senses for up to a few seconds.",
        "Atkinson and Shiffrin (1968) proposed that memory passes through three stages.",
        "Newton's first law states that a body at rest remains at rest unless acted on by a net force.",
        "The acceleration is 9.8 m/s2 (about 32 ft/s2) near the surface of Earth.",
        # prose about licences, as in a book on copyright, is content, not a licence statement
        "What is needed is neither “all rights reserved” nor “no rights reserved” but “some rights reserved”.",
        "Creative Commons is a nonprofit that offers free licences to creators.",
    ],
)
def test_ordinary_sentences_are_not_junk(text):
    assert citation_like(text) is None
