"""Issue 8: subject from the vocabulary (the seven subjects, else Other), level calibrated on introductory versus
advanced material, both overridable from the command line."""

from __future__ import annotations

import json

from conftest import SAMPLES
from typer.testing import CliRunner

from seekh_convert.cli import app
from seekh_convert.generate.offline.classify import level_of, subject_of
from seekh_convert.model.guide import Level, Subject

PHILOSOPHY = (
    "The indiscernibility of identicals is a principle of metaphysics: if two things are identical, they share every "
    "property. Philosophers since Leibniz have argued about identity, existence and knowledge, and Hume doubted that "
    "belief in causation rests on reason. Descartes grounded knowledge in the certainty of thought; the premise of his "
    "argument is that doubting is itself thinking. Epistemology asks what justifies a belief, ethics what makes an act moral."
) * 3
SECURITY = (
    "A buffer overflow lets an attacker overwrite the return address on the stack. Countermeasures include stack "
    "canaries, address space layout randomisation and non-executable memory. Cross-site scripting injects script into "
    "a page that another user loads; input validation and output encoding prevent it."
) * 3
INTRO = (
    "In this video we are going to introduce a simple technique. First, what is a prototype? A prototype is a quick "
    "sketch of an interface. Let's start with a basic example: you draw the screen on paper and ask a user to try it."
) * 4
ADVANCED = (
    "Theorem 3.2. Let X be a compact Hausdorff space and f: X → Y a continuous surjection. Proof. By the lemma, every "
    "closed subset A ⊆ X is compact, hence f(A) is compact and therefore closed in Y; the corollary follows since the "
    "homotopy classes are isomorphic. Definition 3.3: a manifold M is σ-compact if M = ∪ K_n with K_n compact."
) * 4


def test_subject_from_the_vocabulary():
    assert subject_of(PHILOSOPHY) is Subject.PHILOSOPHY
    assert subject_of(SECURITY) is Subject.COMPUTER_SCIENCE  # issue 16: university-course subjects beyond the seven
    assert subject_of("The weather was nice and we walked to the shop together. " * 5) is Subject.OTHER
    # relay run 24: a digital-marketing deck was "Other" on every topic, the list having no business subject
    marketing = "Digital marketing helps a business retain each customer: e-CRM, email campaigns and brand building. "
    assert subject_of(marketing * 5) is Subject.BUSINESS
    assert subject_of("The union army fought the confederate states over slavery and emancipation. " * 5) is Subject.HISTORY


def test_level_calibrated_on_introductory_and_advanced_material():
    assert level_of(INTRO, INTRO.count(".") + INTRO.count("?")) is Level.BEGINNER
    assert level_of(ADVANCED, ADVANCED.count(".")) is Level.ADVANCED
    unpunctuated = " ".join(INTRO.replace(".", "").replace("?", "").split())  # a transcript without full stops
    assert level_of(unpunctuated, 1) is not Level.ADVANCED


def test_subject_and_level_overrides(tmp_path):
    result = CliRunner().invoke(
        app,
        ["convert", str(SAMPLES / "memory-lecture.vtt"), "-o", str(tmp_path), "--engine", "offline"]
        + ["--subject", "Biology", "--level", "advanced"],
    )
    assert result.exit_code == 0, result.output
    guides = [json.loads(p.read_text()) for p in tmp_path.glob("*/*/guide.json")]
    assert guides and all(g["subject"] == "Biology" and g["level"] == "advanced" for g in guides)


CHEMISTRY = (
    "Thermochemistry is the study of the heat released or absorbed by chemical reactions. Enthalpy is a state function, "
    "and the enthalpy change of a reaction does not depend on its path. Hess's law, which states that the enthalpy change "
    "of an overall reaction is the sum of the enthalpy changes of its steps, lets us combine reactions. An exothermic "
    "reaction releases heat; an endothermic one absorbs it, as a calorimeter shows when the solution warms or cools."
) * 2
ASTRONOMY = (
    "Kepler found that the orbit of each planet is an ellipse with the Sun at one focus. A quantity known as an "
    "astronomical unit is the average distance between Earth and the Sun. Mars moves fastest at perihelion and slowest "
    "at aphelion; Copernicus had placed the Sun, not Earth, at the centre, and the heliocentric model replaced the "
    "geocentric one of Ptolemy. The force of gravity keeps the planets and the Moon in their orbits."
) * 2
PYTHON_LECTURE = (
    "Variables, expressions and statements. A variable is a named place in the memory where a programmer can store data. "
    "Python reserves keywords such as print, if and while. An assignment statement stores the value of an expression in "
    "a variable; x = x + 1 reads the current value of x, adds one and puts the result back into x. A string is a "
    "sequence of characters; the input function reads a string from the keyboard and int() converts it to an integer."
) * 2


def test_university_subjects_and_held_out_chapters():
    # issue 16: chemistry and astronomy chapters labelled right again; a Python lecture is computer science
    assert subject_of(CHEMISTRY, "Thermochemistry") is Subject.CHEMISTRY
    assert subject_of(ASTRONOMY, "Observing the sky: the birth of astronomy") is Subject.ASTRONOMY
    assert subject_of(PYTHON_LECTURE, "Variables, Expressions, and Statements") is Subject.COMPUTER_SCIENCE
    stats = "The sample mean estimates the mean; the variance of the residuals and the regression slope follow. " * 4
    assert subject_of(stats) is Subject.STATISTICS
    assert {s.value for s in Subject} >= {
        "Mathematics",
        "Statistics",
        "Computer Science",
        "Linguistics",
        "Economics",
        "Engineering",
        "Medicine",
    }
