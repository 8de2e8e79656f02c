"""A model keys most multiple-choice questions "A": when most of a guide's keys share one position, the openai engine
spreads them over the four places (each run of four questions takes every place once, in an order fixed by the
questions' text), unless the options' order means something; a guide whose keys are spread keeps the model's order."""

from __future__ import annotations

from collections import Counter

from seekh_convert.generate.openai.parse import parse_item, spread_keys
from seekh_convert.model.answers import keeps_order, key_position, place_key

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
    placed = _parsed(questions)
    for item in placed:
        assert item["options"][item["answer_index"]] == OPTIONS[0]
        assert [o for o in item["options"] if o != OPTIONS[0]] == OPTIONS[1:]  # distractors keep their order
    places = [item["answer_index"] for item in placed]
    assert all(sorted(places[i : i + 4]) == [0, 1, 2, 3] for i in range(0, 40, 4))  # every run of four: each place
    assert Counter(places) == {0: 10, 1: 10, 2: 10, 3: 10}
    assert _parsed(questions) == placed  # the same on every run
    assert [q["answer_index"] for q in _parsed(questions[:8])] != places[:8]  # the order follows the questions


def test_three_keys_at_a_take_three_places_whatever_their_own_hashes() -> None:
    # relay run 23: the captions' three keys all "A"; two questions' own hashes said "A" again, and the third's
    # explanation ("both parts stay integers") was read as naming options
    stems = [
        "Squaring the lattice point 4 + i as a complex number produces which Pythagorean triple?",
        "Using the formula from squaring u + vi, which triple do u = 5 and v = 2 give?",
        "Why is every component of the square of a complex number with integer coordinates an integer?",
    ]
    questions = [_mc(stem, OPTIONS) for stem in stems]
    questions[2]["explanation"] = "Squaring only multiplies and adds integers, so both parts stay integers."
    assert [key_position(s) for s in stems[:2]] == [0, 0]
    assert len({q["answer_index"] for q in _parsed(questions)}) == 3


def test_a_guide_whose_keys_are_spread_keeps_the_models_order() -> None:
    questions = [{**_mc(f"Question {n}: which cause?", OPTIONS), "answer_index": n % 4} for n in range(4)]
    assert [q["answer_index"] for q in _parsed(questions)] == [0, 1, 2, 3]
    assert any(key_position(q["question"]) != q["answer_index"] for q in questions)  # placing them would move some
    assert [q["answer_index"] for q in _parsed(questions[:2])] == [0, 1]  # two questions are no habit


def test_options_whose_order_means_something_stay_where_the_model_put_them() -> None:
    numbers = ["64", "71", "59", "81"]
    assert key_position("What is the dot product?") != 1 and place_key("What is the dot product?", numbers, 1) == (numbers, 1)
    assert not keeps_order(["Both action and feeling", "Action but not feeling", "Feeling only", "Neither one"][:3])
    assert not keeps_order(["Sign an explicit contract first", "b", "c", "d"], "The other options weigh lives.")
    assert keeps_order(["Both A and B", "b", "c", "d"]) and keeps_order(["a", "b", "c", "d"], "Unlike option B, ...")
    named = ["Only A", "Only B", "Both of the above", "Neither"]
    assert key_position("Which holds?") != 2 and place_key("Which holds?", named, 2) == (named, 2)
    explained = _mc("Which one is right, all told?", OPTIONS, explanation="Option A is right: the others are unrelated.")
    others = [_mc(f"Question {n}: why can R not find the data file?", OPTIONS) for n in range(3)]
    assert key_position(explained["question"]) != 0 and _parsed([explained, *others])[0]["answer_index"] == 0
