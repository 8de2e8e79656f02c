"""Gate false alarms a teacher reported on relay run 6 (set H, the HAIM lecture transcript), each planted beside the
right call that must still act: a scenario's "Yesterday" is no course narration ("Yesterday we saw" still is), and a
quote ending on a percentage keeps its "%" when the source has it (the published quote read "... is over 50")."""

from __future__ import annotations

from seekh_convert.check.rubric import NARRATION, context_problem
from seekh_convert.model.document import Block
from seekh_convert.model.sources import SourceFinder


def test_a_scenario_set_yesterday_is_content_but_the_lecturer_s_yesterday_is_narration():
    scenario = (
        "Yesterday a patient's 48-hour discharge probability was 28%; today it is 42%. Their 24-hour probability is "
        "20%. Which alert does the software show?"
    )
    assert context_problem(scenario) is None
    for said in ("Yesterday, we saw that ANNs can learn some monotonic quantifiers faster.", "Tomorrow we will prove it."):
        problem = context_problem(said)
        assert problem is not None and NARRATION in problem[1], said


def test_a_quote_ending_on_a_percentage_keeps_its_percent_sign():
    block = Block("The share of patients discharged within 48 hours is over 50%. The rest stay longer.")
    finder = SourceFinder([block])
    quote = "The share of patients discharged within 48 hours is over 50%."
    span = finder.find(quote)
    assert span is not None
    assert finder.verbatim(span, quote) == quote
    unmarked = "The share of patients discharged within 48 hours is over 50"
    assert finder.verbatim(finder.find(unmarked), unmarked) == unmarked  # no sign the quote did not have


def test_the_i_of_a_quoted_question_is_no_narration_but_the_lecturer_s_i_is():
    back = "“What kind of person should I be?” (rather than “What should I do?”)"
    assert context_problem(back) is None  # relay run 6 PDF handout: the card's back, dropped as course narration
    problem = context_problem("I think virtue ethics asks what kind of person one should be.")
    assert problem is not None and NARRATION in problem[1]
