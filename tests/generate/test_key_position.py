"""A model keys most multiple-choice questions "A": the openai engine moves each key to a place fixed by the
question's text (as the offline engine places its keys), unless the options' order means something."""

from __future__ import annotations

from collections import Counter

from seekh_convert.generate.openai.parse import parse_item
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


def test_a_models_keys_all_a_are_spread_over_the_four_places_and_stay_the_key() -> None:
    places = Counter()
    for n in range(40):
        question = f"Question {n}: why can R not find the data file?"
        item = parse_item("questions", n, _mc(question, OPTIONS), [])
        assert item["options"][item["answer_index"]] == OPTIONS[0]
        assert [o for o in item["options"] if o != OPTIONS[0]] == OPTIONS[1:]  # distractors keep their order
        assert item["answer_index"] == key_position(question)
        places[item["answer_index"]] += 1
    assert set(places) == {0, 1, 2, 3} and max(places.values()) <= 20
    again = parse_item("questions", 0, _mc("Question 0: why can R not find the data file?", OPTIONS), [])
    assert again == parse_item("questions", 0, _mc("Question 0: why can R not find the data file?", OPTIONS), [])


def test_options_whose_order_means_something_stay_where_the_model_put_them() -> None:
    numbers = ["64", "71", "59", "81"]
    assert key_position("What is the dot product?") != 1 and place_key("What is the dot product?", numbers, 1) == (numbers, 1)
    named = ["Only A", "Only B", "Both of the above", "Neither"]
    assert key_position("Which holds?") != 2 and place_key("Which holds?", named, 2) == (named, 2)
    explained = _mc("Which one is right, all told?", OPTIONS, explanation="Option A is right: the others are unrelated.")
    assert key_position(explained["question"]) != 0 and parse_item("questions", 0, explained, [])["answer_index"] == 0
