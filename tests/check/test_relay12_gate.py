"""Relay run 12 (set P, 2026-12-05): economics slides, 3Blue1Brown's polarised-light captions and git lecture notes;
the model's sound items the gate dropped or noted. A topic named by what one does, command names and purpose
phrases as options, a tool the source writes in lower case, "Besides" as a preposition; each planted beside the
defect the check still catches."""

from __future__ import annotations

from seekh_convert.check.checker import GateSettings, for_model_drafts
from seekh_convert.check.rubric import RubricContext, context_problem, distractor_problem, link_problem, rubric_problems
from seekh_convert.check.vocabulary import build_vocabulary
from seekh_convert.model.document import Block
from seekh_convert.model.findings import Reason
from seekh_convert.model.guide import Application, LearnNext, MultipleChoice, SourceRef, Takeaway
from seekh_convert.text.standalone import dangling_opening

QUOTE = SourceRef(quote="In general, you should use git revert over a hard reset.", page=7)


def _link(topic: str) -> LearnNext:
    return LearnNext(topic=topic, why="It undoes commits.", level="intermediate", source=QUOTE)


def test_a_topic_named_by_what_one_does_is_a_topic() -> None:
    assert link_problem(_link("Undoing changes with reset and revert"), RubricContext()) is None
    assert link_problem(_link("Resolving merge conflicts"), RubricContext()) is None
    # still caught: a clause, not a name
    assert link_problem(_link("It compiles quickly"), RubricContext()) is not None


def _mc(answer: str, others: list[str]) -> MultipleChoice:
    return MultipleChoice(question="Which one?", options=[answer, *others], answer_index=0, explanation="e", source=QUOTE)


def test_commands_and_purposes_are_one_kind_with_their_key() -> None:
    assert distractor_problem(_mc("git blame", ["git log", "git diff", "git status"]), None) is None
    assert distractor_problem(_mc("git init", ["git commit", "git clone", "git add"]), None) is None
    purposes = ["To make the push upload faster", "To delete your old local branches", "To create a backup of the .git folder"]
    assert distractor_problem(_mc("To avoid overwriting others' changes", purposes), None) is None
    # still caught: an adverb beside a command
    assert distractor_problem(_mc("git blame", ["git log", "quickly", "git status"]), None) is not None


def test_a_tool_the_source_writes_in_lower_case_may_open_a_text() -> None:
    blocks = [
        Block(
            "Now you have tried to work with git locally, it is time to go online. git can prevent you from accidental rm -rf."
        ),
        Block("git config --global user.name sets the committer's name."),
        Block("given permission to. In this case, you will have to fork the repository."),  # a page break cut a sentence
    ]
    ctx = RubricContext(vocab=build_vocabulary(blocks))
    takeaway = Takeaway(
        title="Prefer revert over hard reset",
        text="git revert undoes a commit by adding a new commit, so the history keeps both.",
        importance="high",
        source=QUOTE,
    )
    assert not [p for p in rubric_problems(takeaway, ctx) if p[0] is Reason.FRAGMENT]
    # still caught: an everyday word that opens the rest of a sentence a page break cut
    cut = takeaway.model_copy(update={"text": "given permission to fork the repository, you copy it to your account."})
    assert [p for p in rubric_problems(cut, ctx) if p[0] is Reason.FRAGMENT]
    assert [p for p in rubric_problems(takeaway, RubricContext()) if p[0] is Reason.FRAGMENT]  # no source, no name


def test_besides_before_its_object_is_a_preposition() -> None:
    assert dangling_opening("Besides letting you return to earlier versions, git also helps people work together.") is None
    assert dangling_opening("Besides, git also helps people work together.") == "Besides"


def test_these_after_its_title_or_before_its_options_is_resolved() -> None:
    app = Application(
        title="Online platforms such as Amazon, Ola and Swiggy",
        text="These platforms act as marketplaces, bringing producers and consumers together online.",
        source=QUOTE,
    )
    assert not [p for p in rubric_problems(app, RubricContext()) if p[0] is Reason.NOT_STANDALONE]
    other = app.model_copy(update={"title": "Price discovery online"})
    assert [p for p in rubric_problems(other, RubricContext()) if p[0] is Reason.NOT_STANDALONE]
    assert context_problem("A bakery makes these purchases. Which one is capital?") is None
    assert context_problem("Why do these purchases count as capital?") is not None


def test_a_word_class_guess_on_a_models_link_notes_a_part_of_the_book_drops() -> None:
    problem = link_problem(_link("It compiles quickly"), RubricContext())
    assert problem is not None and for_model_drafts(None).notes(*problem)
    assert not GateSettings().notes(*problem)  # the offline engine's links still drop
    structural = link_problem(_link("Exercises"), RubricContext())
    assert structural is not None and not for_model_drafts(None).notes(*structural)


def test_a_topic_with_a_gloss_is_judged_by_its_name() -> None:
    # relay run 12's captions: dropped as "not a topic name" (nine words)
    assert link_problem(_link("Index of refraction: why light slows down in a material"), RubricContext()) is None
    long = link_problem(_link("How and why the light in the tube seems to slow down so much"), RubricContext())
    assert long is not None and for_model_drafts(None).notes(*long) and not GateSettings().notes(*long)


def test_a_term_the_speaker_glosses_with_which_is_to_say_is_a_key_term() -> None:
    from seekh_convert.check.rubric import gap_problems

    said = (
        "The first question requires understanding circularly polarized light, since the key is that sucrose is a "
        "chiral molecule, which is to say there's a handedness to it, it's different from its mirror image."
    )
    vocab = build_vocabulary([Block(said), Block("Sugar water twists the wiggling direction of polarized light.")])
    front = "Sucrose is a _____ molecule: it has a handedness, so it is different from its mirror image."
    assert not gap_problems(front, "chiral", vocab)
    # still caught: a gap on an everyday word
    assert gap_problems(
        "The key is that sucrose is a chiral molecule, which is to say it is _____ from its mirror image.", "different", vocab
    )


def test_one_cloze_in_other_words_is_a_duplicate() -> None:
    from seekh_convert.check.duplicates import dedup_key, same
    from seekh_convert.model.guide import Flashcard

    def cloze(front: str, back: str = "staging") -> Flashcard:
        return Flashcard(kind="cloze", front=front, back=back, source=QUOTE)

    # relay run 12's notes: the same card in both topics
    first = cloze("The git add command adds files to the _____ area, ready to be committed.")
    again = cloze("git add puts a file into the _____ area, ready to be committed.")
    assert same(dedup_key(first), dedup_key(again))
    # not the same: another fact about the same term
    other = cloze("Changes wait in the _____ area until the next commit records them as a snapshot.")
    assert not same(dedup_key(first), dedup_key(other))
