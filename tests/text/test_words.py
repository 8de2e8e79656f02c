"""The word toolkit: comparison words, surface words, stems and term identity."""

from __future__ import annotations

from seekh_convert.text.terms import term_key, term_pattern
from seekh_convert.text.words import content_stems, key_string, singular, stem, surface_words, words


def test_comparison_words_fold_case_and_width_and_split_at_punctuation():
    assert words("Short-term MEMORY’s ｒｏｌｅ") == ["short", "term", "memory", "s", "role"]
    assert key_string("“Infor- mation”") == "information"


def test_surface_words_keep_inner_hyphens_and_apostrophes():
    assert surface_words("Newton's short-term law, 2nd") == ["Newton's", "short-term", "law", "nd"]


def test_stems_for_bags_of_words_and_singulars_for_terms():
    assert stem("encoding") == stem("encoded") == "encod"
    assert singular("memories") == "memory" and singular("Newton's") == "newton" and singular("process") == "process"
    assert term_key("The Memories") == "memory" and term_key("encoding") != term_key("encode")
    assert content_stems("The memories of the memory") == ["memori"]
    assert content_stems("memory memory", unique=False) == ["memori", "memori"]


def test_term_patterns_match_plurals_and_possessives_only_as_whole_words():
    pattern = term_pattern("working memory")
    assert pattern.search("two working memories") and pattern.search("working-memory load")
    assert not pattern.search("networking memory")
