"""A model keys most multiple-choice questions "A": when most of a guide's keys share one position, the openai engine
moves each key to a place fixed by the question's text (as the offline engine places its keys), unless the options'
order means something; a guide whose keys are spread keeps the model's order."""

from __future__ import annotations

from collections import Counter

from seekh_convert.generate.openai.parse import parse_item, spread_keys
from seekh_convert.model.answers import key_position, place_key

OPTIONS = ["The working directory points to another folder", "The variable is logical", "Too many comments", "Free RStudio"]


def _mc(question: str, options: list[str], explanation: str = "Because.") -> dict:
    source = {"quote": "Set the working directory", "page": None, "slide": 3, "start": None, "end": None, "section": None}
    return {
        "kind": "multiple_choice",
        "question": question,
        "options": options,
        "answer_index": 0,
        "explanation": explanation,
        "source": source,
    }


def _parsed(questions: list[dict]) -> list[dict]:
    return spread_keys([parse_item("questions", i, q, []) for i, q in enumerate(questions)])


def test_a_models_keys_all_a_are_spread_over_the_four_places_and_stay_the_key() -> None:
    questions = [_mc(f"Question {n}: why can R not find the data file?", OPTIONS) for n in range(40)]
    places = Counter()
    for question, item in zip(questions, _parsed(questions), strict=True):
        assert item["options"][item["answer_index"]] == OPTIONS[0]
        assert [o for o in item["options"] if o != OPTIONS[0]] == OPTIONS[1:]  # distractors keep their order
        assert item["answer_index"] == key_position(question["question"])
        places[item["answer_index"]] += 1
    assert set(places) == {0, 1, 2, 3} and max(places.values()) <= 20
    assert _parsed(questions) == _parsed(questions)


def test_a_guide_whose_keys_are_spread_keeps_the_models_order() -> None:
    questions = [{**_mc(f"Question {n}: which cause?", OPTIONS), "answer_index": n % 4} for n in range(4)]
    assert [q["answer_index"] for q in _parsed(questions)] == [0, 1, 2, 3]
    assert any(key_position(q["question"]) != q["answer_index"] for q in questions)  # placing them would move some
    assert [q["answer_index"] for q in _parsed(questions[:2])] == [0, 1]  # two questions are no habit


def test_options_whose_order_means_something_stay_where_the_model_put_them() -> None:
    numbers = ["64", "71", "59", "81"]
    assert key_position("What is the dot product?") != 1 and place_key("What is the dot product?", numbers, 1) == (numbers, 1)
    named = ["Only A", "Only B", "Both of the above", "Neither"]
    assert key_position("Which holds?") != 2 and place_key("Which holds?", named, 2) == (named, 2)
    explained = _mc("Which one is right, all told?", OPTIONS, explanation="Option A is right: the others are unrelated.")
    others = [_mc(f"Question {n}: why can R not find the data file?", OPTIONS) for n in range(3)]
    assert key_position(explained["question"]) != 0 and _parsed([explained, *others])[0]["answer_index"] == 0
