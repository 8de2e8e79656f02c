"""An explanation that opens by restating the answer is shown without it after "Answer: ..." (relay run 20's teacher
read "Answer: False. False: all areas are scaled ..." as a stutter to edit)."""

from __future__ import annotations

from seekh_convert.write.markdown import after_answer, md_escape


def test_the_answer_restated_at_the_start_of_the_explanation_is_left_out() -> None:
    text = "False: all areas are scaled by the same amount, the determinant."
    assert after_answer(text, False) == "All areas are scaled by the same amount, the determinant."
    assert after_answer("True. The signed area equals the coordinate.", True) == "The signed area equals the coordinate."
    assert after_answer("Chlorophyll — it absorbs red and blue light.", "Chlorophyll") == "It absorbs red and blue light."


def test_an_explanation_that_only_starts_with_the_same_letters_or_is_the_answer_alone_stays() -> None:
    assert after_answer("Falsehoods spread faster than facts.", False) == "Falsehoods spread faster than facts."
    assert after_answer("True statements need support.", True) == "True statements need support."  # no mark after it
    assert after_answer("False.", False) == "False."  # nothing would be left
    assert after_answer("The slide says so.", "Chlorophyll") == "The slide says so."


def test_an_answer_that_is_the_subject_of_the_explanations_sentence_stays() -> None:
    # relay run 23: "Prodigality, the vice of excess beside generosity, is being wasteful ..." was shown as "The vice of
    # excess beside generosity, is being wasteful ...": after a comma the answer is the sentence's subject
    text = "Prodigality, the vice of excess beside generosity, is being wasteful and focused on one's own pleasure."
    assert after_answer(text, "Prodigality") == text
    assert after_answer("Buffoonery; acting the fool to please others.", "Buffoonery") == (
        "Buffoonery; acting the fool to please others."
    )


def test_markdown_shows_an_ampersand_as_written_and_keeps_markup_inert() -> None:
    # relay run 24: "Referrals &amp; affiliate marketing" in guide.md, where the slide says "Referrals & ..."
    shown = md_escape("Referrals & affiliate marketing | R&D <script>alert(1)</script> &copy; *bold*")
    assert shown.startswith("Referrals & affiliate marketing \\| R&D &lt;script&gt;")
    assert "&amp;copy;" in shown and "\\*bold\\*" in shown and "<" not in shown
