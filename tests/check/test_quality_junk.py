"""The citation/junk text heuristics of the gate."""

from __future__ import annotations

import pytest

from seekh_convert.check.junk import citation_like


@pytest.mark.parametrize(
    "text",
    [
        "Abel, M., & Bäuml, K.-H. T. (2013). Sleep can reduce proactive interference. Memory, 22(4), 332–339.",
        "doi:10.1080/09658211.2013.785570",
        "see https://doi.org/10.1037/0033-295X.63.2.81",
        "(credit: modification of work by Cory Zanker)",
        "Photo credit: NASA",
        "5.2 Newton's First Law .......... 213",
        "This book is licensed under a Creative Commons Attribution 4.0 International License.",
        "Which of the following is an example of encoding?",
        "Miller et al. (1956). Psychological Review, 63, pp. 81–97",
        "© 2019 Rice University. All rights reserved.",
        "Content released under CC BY 4.0 by OpenStax.",
    ],
)
def test_citation_like_text_is_junk(text):
    assert citation_like(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Sensory memory holds information from the senses for up to a few seconds.",
        "Atkinson and Shiffrin (1968) proposed that memory passes through three stages.",
        "Newton's first law states that a body at rest remains at rest unless acted on by a net force.",
        "The acceleration is 9.8 m/s2 (about 32 ft/s2) near the surface of Earth.",
        # prose about licences, as in a book on copyright, is content, not a licence statement
        "What is needed is neither “all rights reserved” nor “no rights reserved” but “some rights reserved”.",
        "Creative Commons is a nonprofit that offers free licences to creators.",
    ],
)
def test_ordinary_sentences_are_not_junk(text):
    assert citation_like(text) is None
