"""The one sentence splitter: spans of sentences in prose, transcripts and CJK text."""

from __future__ import annotations

import pytest

from seekh_convert.text.sentences import ends_sentence, sentence_spans, sentences


def test_sentences_end_at_stops_followed_by_a_capital_or_digit():
    text = "Memory has three stages. Encoding comes first! Is storage next? 3 stages in all."
    assert sentences(text) == ["Memory has three stages.", "Encoding comes first!", "Is storage next?", "3 stages in all."]


@pytest.mark.parametrize(
    "text",
    [
        "See Fig. 3 for the curve and e.g. the table.",
        "Dr. Smith met Prof. Jones at noon.",
        "The work of J. Smith is cited.",
        "A stop before a lower-case word. it goes on.",
    ],
)
def test_abbreviations_initials_and_lower_case_starts_end_nothing(text):
    assert sentences(text) == [text]


def test_spans_are_offsets_into_the_text():
    text = "  First one.   Second one.\nThird line"
    assert [text[a:b] for a, b in sentence_spans(text)] == ["First one.", "Second one.", "Third line"]


def test_quotes_brackets_and_footnote_marks_close_sentences():
    assert sentences('He said "stop." Then he left.') == ['He said "stop."', "Then he left."]
    assert sentences("It fades quickly.12 The next study") == ["It fades quickly.12", "The next study"]


def test_cjk_full_stops_split_without_spaces():
    assert sentences("记忆有三个阶段。编码是第一个！存储呢？") == ["记忆有三个阶段。", "编码是第一个！", "存储呢？"]


@pytest.mark.parametrize(
    ("text", "ends"),
    [("It ends here.", True), ('"Really?"', True), ("talk to Dr.", False), ("and then the", False), ("好。", True)],
)
def test_ends_sentence(text, ends):
    assert ends_sentence(text) is ends


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Привет, мир. Как дела? хорошо.", ["Привет, мир.", "Как дела? хорошо."]),  # Cyrillic capitals open sentences
        ("مرحبا بالعالم. كيف حالك؟ أنا بخير.", ["مرحبا بالعالم.", "كيف حالك؟", "أنا بخير."]),  # right to left, ؟
        ("שלום עולם. מה שלומך? אני בסדר.", ["שלום עולם.", "מה שלומך?", "אני בסדר."]),
        ("यह एक वाक्य है। यह दूसरा वाक्य है।", ["यह एक वाक्य है।", "यह दूसरा वाक्य है।"]),  # danda
        ("記憶には三つの段階がある。符号化が最初だ．次は？", ["記憶には三つの段階がある。", "符号化が最初だ．", "次は？"]),
    ],
)
def test_scripts_without_latin_capitals_split(text, expected):
    assert sentences(text) == expected


def test_thai_sentences_end_at_the_spaces_between_them():
    text = "ภาษาไทยเป็นภาษาราชการ คนไทยใช้ภาษาไทยทุกวัน"
    assert sentences(text) == ["ภาษาไทยเป็นภาษาราชการ", "คนไทยใช้ภาษาไทยทุกวัน"]
    assert sentences("Thai ภาษาไทย is written without spaces") == ["Thai ภาษาไทย is written without spaces"]
