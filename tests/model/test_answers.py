"""canonicalize_mc: multiple-choice keys as models write them (index, letter, option text, flags) made canonical."""

from __future__ import annotations

import pytest

from seekh_convert.model.answers import AnswerKeyError, canonicalize_mc, duplicate_options
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


def test_canonicalize_rejects_the_same_option_twice_and_leaves_options_alike_to_the_gate():
    with pytest.raises(AnswerKeyError) as err:
        canonicalize_mc({**RAW, "options": ["Sensory memory", "Sensory  memory", "x y", "z w"], "answer_index": 0})
    assert err.value.reason is Reason.DUPLICATE_OPTIONS
    for alike in (
        ["Sensory memory", "sensory memory", "x y", "z w"],
        ["Sensory memory", "Sensory memories", "Long-term memory", "Working memory"],
    ):
        assert canonicalize_mc({**RAW, "options": alike, "answer_index": 0})["options"] == alike
        assert duplicate_options(alike) is not None  # the gate's check: dropped offline, noted on a model's drafts
