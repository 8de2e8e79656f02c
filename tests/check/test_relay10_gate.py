"""Relay run 10 (set N, 2026-12-05): linear-algebra notes and a C deck, the model's drafts dropped by the gate though
sound. The identity matrix "I", a plural noun the lexicon knows as a verb, a definition by genus, two formulas for
two different quantities, an inflected paraphrase; each planted beside the defect the same check still catches."""

from __future__ import annotations

from seekh_convert.check.duplicates import dedup_key, same
from seekh_convert.check.rubric import RubricContext, context_problem, link_problem
from seekh_convert.check.support import one_paraphrased_word
from seekh_convert.model.guide import Flashcard, LearnNext, SourceRef
from seekh_convert.text.defining import not_a_definition

REF = SourceRef(quote="Also, utilize templates to avoid code duplication.")


def test_the_identity_matrix_is_no_first_person() -> None:
    for maths in (
        "For the matrix A with rows (1, 1) and (0, 1), what is the dimension of the nullspace of A − I?",
        "Compute (A − I)j1 for j1 = (0, 1).",
        "Why is I + N invertible when N is nilpotent?",
    ):
        assert context_problem(maths) is None, maths
    for narration in ("Then I will show the proof of the Jordan form.", "So I think A is defective."):
        assert context_problem(narration) is not None, narration


def test_a_plural_after_a_modifier_names_a_topic_a_verb_phrase_does_not() -> None:
    for name in ("C++ templates", "Unix pipes", "The C preprocessor and #define"):
        assert link_problem(LearnNext(topic=name, why="x", level="beginner", source=REF), RubricContext()) is None
    verb = LearnNext(topic="Compile and define", why="x", level="beginner", source=REF)
    assert link_problem(verb, RubricContext()) is not None


def test_a_definition_by_the_terms_own_kind_defines_it_one_of_another_kind_does_not() -> None:
    assert not_a_definition("nilpotent matrix", "A matrix some power of which is the zero matrix.") is None
    assert not_a_definition("nilpotent matrix", "A vector some power of which is the zero matrix.") is not None


def test_cards_on_two_formulas_differ_the_same_formula_reworded_repeats() -> None:
    def card(front: str, back: str) -> Flashcard:
        return Flashcard(kind="basic", front=front, back=back, source=SourceRef(quote="Akji = λ k i ji + kλ k−1 i xi ."))

    power = card("What is A^k ji for a Jordan vector ji with eigenvector xi (eigenvalue λi)?", "λi^k ji + kλi^(k−1) xi")
    exponential = card("What is e^(At) ji for a Jordan vector ji with eigenvector xi?", "e^(λi t) ji + t e^(λi t) xi")
    reworded = card("What does A^k do to a Jordan vector ji with eigenvector xi?", "λi^k ji + k λi^(k−1) xi")
    assert not same(dedup_key(power), dedup_key(exponential))
    assert same(dedup_key(power), dedup_key(reworded))


def test_an_inflected_common_verb_is_a_paraphrase_a_rare_one_is_a_claim() -> None:
    assert one_paraphrased_word("It multiplies it by λi^k.", ["multipli"])
    assert not one_paraphrased_word("It diagonalizes it by λi^k.", ["diagonal"])
