"""The nineteenth session (2026-12-06), from the dropped cards the final code of session 18 still produced on sets
27-34: a blank on the class a sentence counts the kinds of, a subject that is "the" and a noun the card never names,
a sample menu's lines as "What is breakfast?"."""

from __future__ import annotations

import pytest

from seekh_convert.text.parse import parse


@pytest.mark.parametrize(
    ("sentence", "blank", "made"),
    [
        ("There are two types of close packing found in the crystalline solids of metals.", "close packing", False),
        ("In most crystalline solids there are three kinds of crystal defects to consider.", "crystal defects", False),
        (
            "Close packing in the crystalline solids of metals leaves two types of voids between the layers.",
            "close packing",
            True,
        ),
    ],
)
def test_a_blank_on_the_class_a_sentence_counts_the_kinds_of_is_no_card(sentence, blank, made) -> None:
    """Sets 27 and 32 ("There are two types of _____ found in solids.", "In general, there are two types of _____."):
    dropped, the types being the point and the source's other counted classes fitting as well."""
    from seekh_convert.generate.offline.cards import _COUNTED_KINDS

    front = sentence.replace(blank, "_____", 1)
    assert (_COUNTED_KINDS.search(front) is None) is made


@pytest.mark.parametrize(
    ("sentence", "at", "bare"),
    [
        ("The method is used for the numerical verification for solutions of nonlinear equations.", "nonlinear", True),
        ("The problem is that owners of lemons cannot credibly inform buyers of the quality of a car.", "lemons", True),
        ("The theory focuses on the process through which an innovation is communicated among members.", "innovation", True),
        ("The bisection method is used for the numerical verification for solutions of nonlinear equations.", "nonlinear", False),
        ("The rationale supporting punishment for an inchoate crime is prevention and deterrence.", "deterrence", False),
        ("The _____ operates in two key steps that repeat until the list is sorted.", "_____", False),
    ],
)
def test_a_subject_the_card_never_names_is_no_cloze(sentence, at, bare) -> None:
    """Sets 29, 33 and 34: "The method is used for ... solutions of _____." (which method?), "The problem is that owners
    of _____ ...", "The theory focuses on ...": every judged cloze whose subject is "the" and one common noun was edited
    or dropped. A noun a key term names is no pointer."""
    from seekh_convert.generate.offline.cards import _bare_subject

    start = sentence.index(at)
    assert _bare_subject(parse(sentence), start, start + len(at), []) is bare


def test_a_noun_a_key_term_names_is_no_pointer() -> None:
    from seekh_convert.generate.offline.cards import _bare_subject
    from seekh_convert.generate.offline.terms import Term

    sentence = "The method is used for the numerical verification for solutions of nonlinear equations."
    start = sentence.index("nonlinear")
    doc = parse(sentence)
    assert _bare_subject(
        doc, start, start + 9, [Term(text="nonlinear equations", key="nonlinear equation", origin="emphasis", first=0)]
    )
    assert not _bare_subject(doc, start, start + 9, [Term(text="Method", key="method", origin="emphasis", first=0)])


@pytest.mark.parametrize(
    ("explanation", "case"),
    [
        ("Milk and cornflakes, Rawa upma and an apple or any seasonal fruit", True),
        ("Boiled potato and moong sprout chaat", True),
        ("Vegetable pulao, tomato rings and cucumber sticks for salad and butter milk", True),
        ("Grilled sandwich with egg filling for their daughter and a seasonal fruit", True),
        ("High blood pressure", False),
        ("Money and other assets used to produce goods", False),
        ("Stimuli that are naturally preferred or enjoyed by the organism, such as food, water, and relief from pain", False),
    ],
)
def test_a_sample_menus_line_explains_no_term(explanation, case) -> None:
    """Set 33's NCERT chapter: "In planning diets for school-age children, what is breakfast?" -> "Milk and cornflakes,
    ...", "What is School Tiffin?" -> "Grilled sandwich ... for their daughter ...": one family's menu, dropped four
    times. A list of things under a label, or one family's case, is no explanation of the label."""
    from seekh_convert.generate.offline.glosses import instance

    assert instance(parse(explanation)) is case


def test_the_painter_is_one_the_text_named_before() -> None:
    """Set 34: "What does the painter introduce?" (which painter?), dropped."""
    from seekh_convert.generate.offline.objects import _subject_term

    doc = parse("The painter carefully introduces different types of courtiers and servants of the royal household.")
    subject = next(t for t in doc if t.dep_ == "nsubj")
    stems = " painter  painter  painter "
    assert _subject_term(doc, subject, [], stems) == (None, "")
    doc = parse("The hypothalamus carefully regulates the temperature of the body and the release of hormones.")
    subject = next(t for t in doc if t.dep_ == "nsubj")
    span, key = _subject_term(doc, subject, [], " hypothalamus  hypothalamus  hypothalamus ")
    assert key == "hypothalamus", (span, key)
