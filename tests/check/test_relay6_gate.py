"""Gate false alarms a teacher reported on relay run 6 (set H, the HAIM lecture transcript), each planted beside the
right call that must still act: a scenario's "Yesterday" is no course narration ("Yesterday we saw" still is), and a
quote ending on a percentage keeps its "%" when the source has it (the published quote read "... is over 50")."""

from __future__ import annotations

from pathlib import Path

from seekh_convert.check.checker import GateSettings, ItemChecker, for_model_drafts
from seekh_convert.check.items import Item
from seekh_convert.check.rubric import NARRATION, context_problem
from seekh_convert.model.document import Block, Document, SourceKind, Topic
from seekh_convert.model.findings import Reason
from seekh_convert.model.guide import Flashcard, MultipleChoice, ShortAnswer, SourceRef, TrueFalse
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


# Relay run 6's four remaining acting false alarms on a model's drafts (bench/data/teacher-2026-12-04/relay-setH),
# each beside the defect the check must still catch.

MODEL = for_model_drafts(None)


def _checker(texts: list[str], title: str, settings: GateSettings = MODEL, transcript: bool = False) -> ItemChecker:
    if transcript:
        blocks = [Block(t, start=760.0 + 10 * i, end=769.0 + 10 * i) for i, t in enumerate(texts)]
        kind, path = SourceKind.TRANSCRIPT, Path("lecture.srt")
    else:
        blocks = [Block(t, slide=8, section=title) for t in texts]
        kind, path = SourceKind.SLIDES, Path("deck.pptx")
    doc = Document(path=path, kind=kind, title="Deck", sha256="0" * 64, blocks=blocks)
    doc.topics = [Topic(1, title, blocks)]
    return ItemChecker(doc.topics[0], doc, settings)


def _found(checker: ItemChecker, model) -> set[Reason]:
    outcome = checker.check(Item("questions", 0, model))
    return {r for f in outcome.findings if f.action != "fixed" for r in (f.reason, *f.also)}  # acting or noted


CALIBRATION = (
    "Specifically, on the left plot in the horizontal axis, we plot the proportion of patients that have probability "
    "of 48-hours discharge between, say, 0.5 and 0.6, in increments of 10%, and then plot the proportion of patients "
    "among those that are discharged within 48 hours in the vertical axis. The line is very close to the 45-degree "
    "angle, illustrating that the predicted probabilities closely match empirical evidence."
)


def test_a_number_the_quote_mentions_in_passing_is_no_answer_it_states() -> None:
    """The key "About 55%" (the 0.5-0.6 band on a calibrated plot) was "wrong key" because the quote's "in increments
    of 10%" matched the distractor "About 10%". A quote that states a distractor's words outright still fails."""
    checker = _checker([CALIBRATION], "48-hour discharge", transcript=True)
    question = MultipleChoice(
        question="On a 48-hour discharge calibration plot, one group holds patients given a predicted discharge "
        "probability between 0.5 and 0.6. If the model is well calibrated, roughly what share of this group is "
        "actually discharged within 48 hours?",
        options=["About 10%", "About 55%", "About 90%", "All of them"],
        answer_index=1,
        explanation="Good calibration means the points lie near the 45-degree line: the observed discharge rate "
        "matches the predicted probability, so about 50% to 60% of the group leaves within 48 hours.",
        source=SourceRef(quote=CALIBRATION, start=760.0, end=769.0),
    )
    assert Reason.WRONG_KEY not in _found(checker, question)
    assert Reason.EXPLANATION_MISMATCH not in _found(checker, question)
    stated = MultipleChoice(
        question="What does the vertical axis of the calibration plot show?",
        options=[
            "The number of nurses on duty each night",
            "The proportion of patients discharged within 48 hours",
            "The cost of each hospital stay",
            "The age of the patients",
        ],
        answer_index=0,
        explanation="The vertical axis shows the nurses on duty.",
        source=SourceRef(quote=CALIBRATION, start=760.0, end=769.0),
    )
    assert Reason.WRONG_KEY in _found(checker, stated)


BIBA = (
    "The Simple Integrity Property states that a subject at a given level of integrity must not read data at a lower "
    "integrity level (no read down)."
)


def test_an_explanation_that_reasons_to_the_key_in_other_words_is_consistent_with_it() -> None:
    """ "Denied, because reading down is forbidden" with the explanation "The Simple Integrity Property bans reading
    data at a lower integrity level" was "explanation inconsistent with key" (it never repeats "denied"). An
    explanation that calls another option correct still fails."""
    checker = _checker([BIBA], "Biba Model")
    options = [
        "Denied, because reading down is forbidden",
        "Allowed, because reading lower data is always safe",
        "Allowed, as long as it does not also write to the file",
        "Denied, because writing up is forbidden",
    ]
    stem = "A process at medium integrity tries to read a log file at low integrity. What does the Biba model decide?"
    reasoned = MultipleChoice(
        question=stem,
        options=options,
        answer_index=0,
        explanation="The Simple Integrity Property bans reading data at a lower integrity level, so less trustworthy "
        "data cannot contaminate the process.",
        source=SourceRef(quote=BIBA, slide=8),
    )
    assert _found(checker, reasoned) == set()
    contradicted = reasoned.model_copy(update={"explanation": "The correct answer is Denied, because writing up is forbidden."})
    assert Reason.EXPLANATION_MISMATCH in _found(checker, contradicted)


CLARK_WILSON = (
    "The model uses security labels to grant access to objects via transformation procedures and a restricted interface model."
)


def test_an_explanation_may_draw_a_general_word_such_as_always_from_the_rule() -> None:
    """ "...so changes always go through a controlled step" was "unsupported (explanation lacks 'always')": every other
    word is the slide's or everyday English, so one claim word decided. An explanation resting on a number or a term
    the source lacks still fails."""
    checker = _checker(["Clark-Wilson Model", CLARK_WILSON], "Other Models")
    options = [
        "By running an approved procedure through a restricted interface",
        "By editing the stored record directly",
        "By copying the record to a lower security level first",
        "By asking the record's owner to grant them full access",
    ]
    question = MultipleChoice(
        question="In a system following the Clark–Wilson model, how should a clerk change an account balance?",
        options=options,
        answer_index=0,
        explanation="Clark–Wilson grants access to objects only via transformation procedures and a restricted "
        "interface model, so changes always go through a controlled step.",
        source=SourceRef(quote=CLARK_WILSON, slide=8),
    )
    assert _found(checker, question) == set()
    beyond = question.model_copy(
        update={"explanation": "Clark–Wilson requires 3 certification rules enforced by Kerberos tickets and HMAC seals."}
    )
    assert Reason.UNSUPPORTED in _found(checker, beyond)


DLP = (
    "Network DLP: A software or hardware solution that is typically installed near the network perimeter that analyzes "
    "network traffic in an attempt to detect sensitive data that is being transmitted in violation of an "
    "organization's security policies. Endpoint DLP: DLP Software that runs on end-user workstations and servers."
)


def test_a_false_statement_joining_words_of_two_definitions_differs_from_the_quote() -> None:
    """ "Network DLP is software that runs on each user's workstation" (False) was "true/false inconsistent with quote":
    all its words are in the quote, but from two definitions. A false-keyed statement the quote says as it is still
    fails."""
    checker = _checker([DLP], "Key Definitions")
    swapped = TrueFalse(
        statement="Network DLP is software that runs on each user's workstation.",
        answer=False,
        explanation="Network DLP sits near the network perimeter and analyzes traffic; the DLP that runs on "
        "workstations and servers is endpoint DLP.",
        source=SourceRef(quote=DLP, slide=8),
    )
    assert _found(checker, swapped) == set()
    said = swapped.model_copy(update={"statement": "Endpoint DLP is software that runs on end-user workstations and servers."})
    assert Reason.TRUE_FALSE_MISMATCH in _found(checker, said)


def test_relay_run_6_style_notes_on_numbers_colours_verdicts_and_key_terms_are_gone() -> None:
    """Notes a teacher overruled on relay run 6: the gap "50%" as "a function word", "transformation" of
    "transformation procedures" as no key term, "About 10%" and "Green" as generic words beside keys of their kind,
    and a verdict-with-reason option as "a statement among terms". Their right calls still stand."""
    from seekh_convert.check.rubric import distractor_problem, gap_problems
    from seekh_convert.check.vocabulary import build_vocabulary

    vocab = build_vocabulary([Block("Transformation procedures are the only programs allowed to change constrained data.")])
    assert gap_problems("The software shows a green alert when the 48-hour probability is over _____.", "50%", vocab) == []
    assert gap_problems("Access to objects goes through _____ procedures.", "transformation", vocab) == []
    assert gap_problems("Access to objects goes through _____ models.", "transformation", vocab) != []
    assert gap_problems("Network DLP is installed near the network _____.", "the", vocab) != []

    def mc(options: list[str], key: int) -> MultipleChoice:
        return MultipleChoice(question="Which?", options=options, answer_index=key, explanation="x", source=SourceRef(quote=BIBA))

    assert distractor_problem(mc(["About 10%", "About 55%", "About 90%", "All of them"], 1), vocab) is None
    assert distractor_problem(mc(["Green", "Yellow", "Red", "No alert"], 1), vocab) is None
    verdicts = ["Denied, because reading down is forbidden", "Allowed, because reading lower data is always safe"]
    assert (
        distractor_problem(
            mc(
                [*verdicts, "Allowed, as long as it does not also write to the file", "Denied, because writing up is forbidden"],
                0,
            ),
            vocab,
        )
        is None
    )
    assert distractor_problem(mc(["Biba model", "Clark-Wilson model", "People", "Bell-LaPadula model"], 0), vocab) is not None
    statement = "Subjects may always read any data at every level of the system."
    assert distractor_problem(mc(["Biba model", statement, "Clark-Wilson model", "Bell-LaPadula model"], 0), vocab) is not None


def test_a_number_written_in_digits_is_the_number_the_speaker_says_in_words() -> None:
    """Relay run 7 (a captioned lecture on the binomial distribution): "Multiply n by n − 1, then by n − 2, and so on
    down to 1" was "unsupported (lacks 1, 2)" against "...by one less than itself then by two less ... down to one";
    three more items alike. A number the speaker never says still fails."""
    said = [
        "so that's n factorial. Multiply the number by one less than itself then by two less and so on all the way down to one",
        "and zero factorial is defined as one that can feel a bit weird at first.",
    ]
    checker = _checker(said, "Factorial ways", transcript=True)
    quote = "Multiply the number by one less than itself then by two less and so on all the way down to one"
    card = Flashcard(
        kind="basic",
        front="How do you calculate n factorial (n!)?",
        back="Multiply n by n − 1, then by n − 2, and so on down to 1.",
        source=SourceRef(quote=quote, start=760.0, end=769.0),
    )
    assert _found(checker, card) == set()
    wrong = card.model_copy(update={"back": "Multiply n by n − 5, then by n − 7, and so on down to 9."})
    assert Reason.UNSUPPORTED in _found(checker, wrong)


def _notes(*texts: str) -> ItemChecker:
    blocks = [Block(t, page=3, section="2.1 Stability analysis") for t in texts]
    doc = Document(path=Path("notes.pdf"), kind=SourceKind.PDF, title="Notes", sha256="0" * 64, blocks=blocks)
    doc.topics = [Topic(1, "Stability analysis", blocks)]
    return ItemChecker(doc.topics[0], doc, MODEL)


def test_words_the_pdf_spaced_apart_and_a_worked_problem_are_the_sources() -> None:
    """Relay run 7 (PDF notes on stability analysis): "Jij = ∂Fi/∂xj" was unsupported for "lacks jij, xj" (the text
    layer reads "Ji j = ∂ Fi ∂ x j"), "eig: [eigenvectors, eigenvalues] = eig(J)" for "lacks eig, eigenvector" (it
    reads "e i g e n v e c t o r s"), and a worked problem for the values its stem sets and its explanation works
    out. A term the page lacks, and a number asked for without working, still fail."""
    jacobian = "Ji j = ∂ Fi ∂ x j ."
    matlab = (
        "In Matlab, find the eigenvalues of a matrix as follows: [ e i g e n v e c t o r s, e i g e n v a l u e s ]= "
        "e i g ( J ) where J is an nxn Jacobian matrix, evaluated at a given fixed point."
    )
    coexistence = "Coexistence x∗ = n δ1−m21δ2 1−m12m21 , δ2−m12δ1 1−m12m21 o, where δ1 and δ2 are the carrying terms."
    competition = "Competition between sensitive and resistant cells lowers each population."
    checker = _notes("The Jacobian matrix of the system has entries", jacobian, matlab, coexistence, competition)
    cards = [
        Flashcard(
            kind="basic",
            front="How is the Jacobian matrix of a system ẋ = F(x) defined?",
            back="Jij = ∂Fi/∂xj.",
            source=SourceRef(quote=jacobian, page=3),
        ),
        Flashcard(
            kind="basic",
            front="Which Matlab function returns the eigenvectors and eigenvalues of a Jacobian J?",
            back="eig: [eigenvectors, eigenvalues] = eig(J).",
            source=SourceRef(quote=matlab, page=3),
        ),
    ]
    for card in cards:
        assert _found(checker, card) == set(), card.front
    other = cards[1].model_copy(update={"back": "ode45 integrates the Lyapunov spectrum: ode45(J)."})
    assert Reason.UNSUPPORTED in _found(checker, other)
    worked = ShortAnswer(
        question="At the coexistence fixed point, x1* = (δ1 − m21δ2)/(1 − m12m21). If δ1 = 600, δ2 = 800 and "
        "m12 = m21 = 0.5, what is x1*, to the nearest whole cell?",
        answer="About 267 sensitive cells: (600 − 0.5 × 800)/(1 − 0.25) = 200/0.75.",
        accept=["267", "about 267"],
        explanation="Competition lowers the sensitive population: 600 − 0.5 × 800 = 200, and dividing by "
        "1 − 0.5 × 0.5 = 0.75 gives about 267.",
        source=SourceRef(quote=coexistence, page=3),
    )
    assert _found(checker, worked) == set()
    asked = ShortAnswer(
        question="How many sensitive cells does the coexistence fixed point hold in the notes' experiment?",
        answer="About 267 sensitive and 533 resistant cells after 40 days.",
        accept=["267"],
        explanation="The notes' experiment found about 267 sensitive and 533 resistant cells after 40 days.",
        source=SourceRef(quote=coexistence, page=3),
    )
    assert Reason.UNSUPPORTED in _found(checker, asked)


def test_an_option_naming_a_subclass_with_an_article_is_another_answer() -> None:
    """Relay run 7: "A semi-stable sink" beside "A stable sink" was "overlapping options" (the article hid the one
    word put before). An option that repeats another inside a longer one still overlaps."""
    from seekh_convert.check.answer_keys import _overlapping_options

    assert _overlapping_options(["An unstable source", "A stable sink", "A semi-stable sink", "A neutral point"]) is None
    assert _overlapping_options(["A stable sink", "A stable sink or a source", "A saddle", "A centre"]) is not None


def test_a_models_explanation_arguing_for_a_distractor_is_inconsistent_with_its_key() -> None:
    """Found by the s7-gate developer: with a model's settings, the key "Long-term memory" explained by "Sensory memory
    holds information from the senses" passed (the topic names long-term memory elsewhere, and an explanation reasoning
    in its own words is consistent). An explanation stating a distractor in full and not naming the key is not."""
    quote = "Sensory memory holds information from the senses for up to a few seconds"
    checker = _checker([quote, "Long-term memory stores information for years."], "Memory stores")
    stem = "Which memory store holds information from the senses for up to a few seconds?"
    options = ["Sensory memory", "Working memory", "Long-term memory", "Procedural memory"]
    wrong = MultipleChoice(
        question=stem,
        options=options,
        answer_index=2,
        explanation="Sensory memory holds information from the senses for a few seconds.",
        source=SourceRef(quote=quote, slide=8),
    )
    assert _found(checker, wrong) & {Reason.EXPLANATION_MISMATCH, Reason.WRONG_KEY}
    right = wrong.model_copy(update={"answer_index": 0})
    assert _found(checker, right) == set()


def test_a_question_sharing_only_a_number_with_a_cards_answer_asks_another_fact() -> None:
    """Relay run 7: "How many fixed points does the exponential growth model have?" (key "One, at x* = 0") was dropped
    as repeating the card "What are the fixed points of logistic growth with an Allee effect?" (back "x* = 0, A and
    K."): the two answers share only the number 0. A question asking the card's own fact is still a repeat."""
    from seekh_convert.check.duplicates import repeated_flashcards

    quote = "logistic growth with Allee effect has three fixed points (x∗ = 0, A, K)."
    card = Flashcard(
        kind="basic",
        front="What are the fixed points of logistic growth with an Allee effect?",
        back="x* = 0, A and K.",
        source=SourceRef(quote=quote, page=2),
    )
    other = MultipleChoice(
        question="How many fixed points does the exponential growth model ẋ = rx have?",
        options=["One, at x* = 0", "Two, at x* = 0 and K", "Three, at x* = 0, A and K", "None at all"],
        answer_index=0,
        explanation="Setting rx = 0 gives only x = 0, so exponential growth has a single fixed point.",
        source=SourceRef(quote="Exponential growth has a single fixed point (x∗ = 0)", page=2),
    )
    assert repeated_flashcards([Item("flashcards", 0, card), Item("questions", 0, other)]) == []
    same = other.model_copy(
        update={
            "question": "Which are the fixed points of logistic growth with an Allee effect?",
            "options": ["x* = 0, A and K", "x* = 0 only", "x* = A only", "x* = K only"],
        }
    )
    assert repeated_flashcards([Item("flashcards", 0, card), Item("questions", 0, same)]) != []
