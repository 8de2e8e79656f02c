"""Issue 17 (2026-12-04): question forms a teacher keeps, each only where a pattern guarantees a fair item: the
source's own review questions with their key, "Which term refers to <definition>?" over parsed definitions, subject
wh-questions whose answer is a key term."""

from __future__ import annotations

from seekh_convert.generate.offline.ask import subject_question
from seekh_convert.generate.offline.naming import Named, naming_choice, read_definition
from seekh_convert.generate.offline.review import source_reviews
from seekh_convert.generate.offline.sentences import topic_sentences
from seekh_convert.generate.offline.terms import Term
from seekh_convert.model.document import Block, BlockKind
from seekh_convert.text.terms import term_key

REVIEW = [
    "Emergency medical responders have the legal duty to act:",
    "only when they are being compensated by a certified agency.",
    "if they witness an emergency scene while not on duty.",
    "even when outside of their response jurisdiction.",
    "if they are employed by an agency as EMRs.",
]


def _blocks(*texts: str, slide: int = 37) -> list[Block]:
    return [Block(t, slide=slide, section="Review") for t in texts]


def _sentence(text: str):
    return topic_sentences([Block(text)])[0]


def _term(text: str, s, origin: str = "emphasis") -> Term:
    return Term(text, term_key(text), origin, s.order, [s])


def test_a_review_question_of_the_source_is_reused_with_its_own_key():
    blocks = _blocks(*REVIEW, "Answer:") + [
        Block("D. if they are employed by an agency as EMRs.", slide=38, kind=BlockKind.PARAGRAPH)
    ]
    [q] = source_reviews(blocks)
    assert q.question == REVIEW[0] and q.options == REVIEW[1:]
    assert q.answer_index == 3 and q.source.slide == 37 and q.source.quote == REVIEW[0]
    # the key on the same line, "Answer: B"
    [q] = source_reviews(_blocks(*REVIEW, "Answer: B"))
    assert q.answer_index == 1


def test_no_review_question_without_a_settled_key():
    assert source_reviews(_blocks(*REVIEW)) == []  # the source gives no key
    assert (
        source_reviews(_blocks(*REVIEW, "Answer:", "D. only when they are being compensated.")) == []
    )  # key names another option
    assert source_reviews(_blocks(*REVIEW[:3], "Answer: A")) == []  # two options: not a four-option question


def test_definitions_become_which_term_questions_only_where_they_read_well():
    named = read_definition(
        _sentence("A minor is a person who has not yet reached the legal age designated by a particular state.")
    )
    assert named.term == "minor"
    assert named.stem == "Which term refers to a person who has not yet reached the legal age designated by a particular state?"
    called = read_definition(_sentence("The rate of flow is called volume velocity."))
    assert (called.term, called.stem) == ("volume velocity", "What is the rate of flow called?")
    means = read_definition(_sentence("Consent simply means giving approval or permission."))
    assert (means.term, means.stem) == ("consent", "Which term means giving approval or permission?")
    which = read_definition(
        _sentence(
            "What Bem suggests here is known as p-hacking, which refers to trying many different analyses until one finds a significant result."
        )
    )
    assert which.term == "p-hacking" and which.stem.startswith("Which term refers to trying many different analyses")
    for unfit in (
        "This maximum height of the wave, above and below the equilibrium point, is called amplitude.",  # leans on "this"
        "The STD is the result of temporary neurotransmitter depletion, and STF of temporary increase in release.",  # two
        "Crime scene operations are a complex environment.",  # no differentia: fits anything
        "The foundation of dynamics are the laws of motion stated by Isaac Newton.",  # the description names the other side
        "Cardiologist: Heart disease is the leading cause of death in the United States.",  # a label glued on
    ):
        assert read_definition(_sentence(unfit)) is None, unfit


def test_naming_choice_needs_three_distractors_of_the_terms_kind():
    s = _sentence("Tension is a pull in a connector that acts along its length.")
    named = Named("tension", "a pull in a connector", "Which term refers to a pull in a connector?", s)
    q = naming_choice(named, ["Newton", "weight", "connector force", "mass", "normal force"])
    # issue 17: "weight", "mass" and "normal force" are not of tension's kind for a teacher: asked open
    assert q.answer == "tension" and not hasattr(q, "options")
    push = _sentence("The normal force is the push of a surface at right angles to it.")
    named = Named(
        "normal force", "the push of a surface", "Which term refers to the push of a surface at right angles to it?", push
    )
    q = naming_choice(named, ["Newton", "friction force", "weight", "spring force", "surface force", "tension force"])
    assert q.options[q.answer_index] == "normal force"
    assert set(q.options) == {"normal force", "friction force", "spring force", "tension force"}  # nothing the stem names


def test_subject_questions_ask_for_the_key_term_that_is_the_whole_subject():
    s = _sentence("Negligence occurs when a patient sustains further injury because care did not meet the standard.")
    stem, t = subject_question(s, [_term("negligence", s)])
    assert stem == "What occurs when a patient sustains further injury because care did not meet the standard?"
    assert t.text == "negligence"
    plural = _sentence("Microfilaments provide some rigidity and shape to the cell membrane.")
    stem, _ = subject_question(plural, [_term("microfilaments", plural)])
    assert stem == "What provides some rigidity and shape to the cell membrane?"  # agrees with "what"
    also = _sentence("Microfilaments also provide some rigidity and shape to the cell membrane.")
    assert subject_question(also, [_term("microfilaments", also)]) is None  # microtubules do too: two answers (set 30)
    listed = _sentence("Microtubules provide rigidity to the cell and serve as tracks for motor proteins.")
    stem, _ = subject_question(listed, [_term("microtubules", listed)])
    assert stem == "What provides rigidity to the cell and serves as tracks for motor proteins?"
    platitude = _sentence("Crime scene operations are a complex environment for every responder.")
    assert subject_question(platitude, [_term("crime scene operations", platitude)]) is None
    pronoun = _sentence("Microtubules help it resist compression and serve as tracks for motor proteins.")
    assert subject_question(pronoun, [_term("microtubules", pronoun)]) is None
    generic = _sentence("Authors must report all experimental conditions, including failed manipulations.")
    assert subject_question(generic, [_term("authors", generic, origin="keyword")]) is None


def test_a_question_the_source_answers_right_away_is_reused_with_that_answer():
    from seekh_convert.generate.offline.review import source_answers

    [q] = source_answers(
        [
            Block(
                "What is flow?→ the movement of air, measured in volume/time (e.g., l/s). The rate of flow is called volume velocity."
            )
        ]
    )
    assert (q.question, q.answer) == ("What is flow?", "The movement of air, measured in volume/time (e.g., l/s).")
    assert q.source.quote == "What is flow?→ the movement of air, measured in volume/time (e.g., l/s)."
    [q] = source_answers(
        [Block("Gravity only acts in the y direction, so what does vx do? - It doesn't change in flight! We add it.")]
    )
    assert q.answer == "It doesn't change in flight!"
    assert (
        source_answers([Block("What do you see in the weights of the excitatory input groups? Normally, the two compete.")]) == []
    )


def test_a_transcripts_dash_is_a_speaker_turn_not_an_answer():
    from seekh_convert.generate.offline.review import source_answers

    spoken = Block("What do you think holds the electrons? - I think it's the nucleus.", start=12.0, end=18.0)
    assert source_answers([spoken]) == []


def test_a_dash_after_a_yes_no_question_is_no_answer():
    from seekh_convert.generate.offline.review import source_answers

    aside = Block("Did you really score the winning goal, or did you just assist? - Hindsight bias happens after the fact.")
    assert source_answers([aside]) == []
