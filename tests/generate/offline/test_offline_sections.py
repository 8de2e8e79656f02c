"""Issue 17 (teacher, set F): summaries a student can follow, takeaway titles that name their point, learn-next
reasons built from the link, slide labels kept, the subject read from the content."""

from __future__ import annotations

import asyncio
from pathlib import Path

from seekh_convert.generate.offline import OfflineEngine
from seekh_convert.generate.offline.classify import subject_of
from seekh_convert.generate.offline.sentences import topic_sentences
from seekh_convert.generate.offline.summarize import _point
from seekh_convert.model.document import Block, BlockKind, Document, SourceKind, Topic
from seekh_convert.model.guide import Subject

_DANGLING = [
    "As shown in @fig-pivot-variables, the values in a column that was already a variable need to be repeated.",
    "The example below shows the same tidy data organized in three different ways for each country.",
    "These pivoted columns make tidy data easier to plot with a vectorized function in R.",
    "Since it is tidy, it is equally easy to pivot the columns of the dataset back into rows.",
    "Why would anyone store tidy data in columns that hold the values of another variable?",
    "There is a lot of untidy data in the columns of a real dataset here!",
    "The time is almost up, but we've got three minutes to pivot one more dataset.",
    "(a) Pivoted columns sorted in the order of the variables of the tidy dataset.",
    "The claim holds for every column of a tidy dataset with one variable per column.",
]
_GOOD = [
    "Tidy data is data where each variable is a column and each observation is a row of the dataset.",
    "Pivoting turns the values of several columns of a dataset into the rows of one variable.",
    "Tidy datasets let vectorized functions in R work on whole variables at once without loops.",
    "The pivot_longer function lengthens a dataset by turning column names into the values of a new variable.",
]


def _topic_doc(title: str, texts: list[str], kind=SourceKind.MARKDOWN) -> Document:
    blocks = [Block(title, BlockKind.HEADING, level=1, section=title)]
    blocks += [Block(t, section=title) for t in texts]
    doc = Document(path=Path("tidy.md"), kind=kind, title=title, blocks=blocks)
    doc.topics = [Topic(1, title, blocks)]
    return doc


def _content(doc: Document, n: int = 0):
    return asyncio.run(OfflineEngine().generate(doc.topics[n], doc)).content


def test_summary_keeps_only_sentences_that_carry_their_own_context():
    texts = [x for pair in zip(_DANGLING, _GOOD * 3) for x in pair] + _DANGLING[len(_GOOD) :]
    summary = _content(_topic_doc("Tidy data", texts)).summary
    assert 2 <= len(summary.sentences) <= 4, summary.text
    for s in summary.sentences:
        assert s.source.quote not in _DANGLING, s.text
    assert sum(s.source.quote in _GOOD for s in summary.sentences) >= 2


def _titles(texts: list[str]) -> dict[str, str | None]:
    sentences = topic_sentences([Block(t, section="Plans") for t in texts])
    return {s.text: _point(s, {"directional plan", "standing plan"}) for s in sentences}


def test_takeaway_titles_name_the_point_and_never_restate_or_cut_the_sentence():
    titles = _titles([
        "Directional plans are flexible plans that set out general guidelines for the managers of a firm.",
        "Short-term plans cover one year or less.",
        "Some forms of open data may create liability for the publisher.",
        "Induction is not the only game in town.",
        "Planning gives managers and employees a direction, because everyone knows where the firm is going.",
    ])  # fmt: skip
    assert titles["Directional plans are flexible plans that set out general guidelines for the managers of a firm."] == (
        "Directional plans are flexible plans"
    )
    for restated in (
        "Short-term plans cover one year or less.",
        "Some forms of open data may create liability for the publisher.",
        "Induction is not the only game in town.",
    ):
        assert titles[restated] is None, (restated, titles[restated])


def test_asides_and_captions_are_no_takeaways():
    texts = [
        "Hera is a funny one and the goddess of marriage among the gods of Olympus.",
        "(a) Pages sorted in FIFO order with the oldest page at the head of the list.",
        "Page replacement algorithms discussed in the text.",
    ] * 3 + _GOOD
    for t in _content(_topic_doc("Page replacement", texts)).key_takeaways:
        assert t.text not in texts[:3], t


def _two_topics(second: list[str]) -> Document:
    first = [
        "Tidy data is data in which each variable is a column and each observation is a row.",
        "Tidy data makes the vectorized functions of R work on whole variables at once.",
        "Most real data is untidy, because it was organized for a purpose other than analysis.",
    ] * 3
    blocks = [Block("Tidy data", BlockKind.HEADING, level=1, section="Tidy data")]
    blocks += [Block(t, section="Tidy data") for t in first]
    blocks += [Block("Later", BlockKind.HEADING, level=1, section="Later")]
    blocks += [Block(t, section="Later") for t in second]
    doc = Document(path=Path("tidy.md"), kind=SourceKind.MARKDOWN, title="Data", blocks=blocks)
    doc.topics = [Topic(1, "Tidy data", blocks[: len(first) + 1]), Topic(2, "Pivoting", blocks[len(first) + 1 :])]
    return doc


def test_learn_next_reason_is_the_link_with_a_quote_of_the_later_topic():
    later = [
        "Pivoting turns untidy columns into tidy data by moving the column names into the rows of a new variable.",
        "The pivot_longer function lengthens a dataset, so that its rows grow and its columns shrink.",
        "Widening a dataset is the opposite of lengthening it and spreads one variable over many columns.",
    ] * 3
    doc = _two_topics(later)
    links = _content(doc, 0).learn_next
    assert links, "the later topic takes up tidy data"
    link = links[0]
    assert link.topic == "Pivoting" and "tidy data" in link.why.lower()
    assert link.why == "Pivoting builds on tidy data, introduced here."  # the link itself, not a sentence of either
    assert "tidy data" in link.source.quote.lower()  # the quote names the link
    unrelated = [
        "The Odyssey tells of the long voyage home of a king after the war at Troy ended.",
        "Hermes is the messenger of the gods and the guide of travellers on their roads.",
        "Hephaestus is the craftsman of the gods and makes all the beautiful things of Olympus.",
    ] * 3
    assert _content(_two_topics(unrelated), 0).learn_next == []  # no shared term: no link


def test_slide_term_labels_stay_in_summaries():
    title = "Reducible error vs. Irreducible error"
    blocks = [Block(title, BlockKind.HEADING, level=1, section=title, slide=1)]
    blocks += [
        Block("variation in response that arises directly from causal predictors in the model.", BlockKind.GLOSSARY,
              section=title, slide=1, term="Reducible error", bullet=1),
        Block("variation in response that arises from other unmeasured or stochastic processes in the data.",
              BlockKind.GLOSSARY, section=title, slide=1, term="Irreducible error", bullet=1),
    ]  # fmt: skip
    doc = Document(path=Path("lecture.pptx"), kind=SourceKind.SLIDES, title=title, blocks=blocks)
    doc.topics = [Topic(1, title, blocks)]
    summary = _content(doc).summary
    shown = [s.text for s in summary.sentences]
    assert shown and all(t.startswith(("Reducible error: ", "Irreducible error: ")) for t in shown), shown


def test_process_control_is_engineering():
    text = (
        "PID controller tuning sets the gains of a feedback controller. A tuning rule gives the controller gains from "
        "a model of the process. The setpoint response and the disturbance rejection of the controller depend on "
        "the tuning. Relay tuning finds the ultimate gain of the loop; overshoot and damping follow from the gains. "
        "The parameter estimates of the model come from a step test."
    )
    assert subject_of(text) is Subject.ENGINEERING


def test_the_prerequisites_the_source_lists_are_the_guides(tmp_path) -> None:
    """Set 17: "Prerequisites • tuples (basics, crossproduct)" at the top of the notes, and the guide said "This guide
    lists no prerequisites for this topic"."""
    from seekh_convert.generate.offline import OfflineEngine
    from seekh_convert.pipeline import load_document

    (tmp_path / "pcc.md").write_text(
        "# Person Case Constraints\n\nPrerequisites\n\n- tuples (basics, crossproduct)\n- partial orders\n\n"
        "Monotonicity can be successfully invoked to explain effects for adjectival gradation and person syncretism in "
        "pronouns. The PCC is a restriction on clitics. A clitic is a reduced pronoun that has attached to another "
        "word. English does not allow combinations of clitics like I showed'er'em, but other languages do.\n"
    )
    doc = load_document(tmp_path / "pcc.md")
    content = OfflineEngine().content(doc.topics[0], doc)
    listed = [(p.topic, p.source.quote) for p in content.prerequisites]
    assert listed[:2] == [
        ("Tuples (basics, crossproduct)", "tuples (basics, crossproduct)"),
        ("Partial orders", "partial orders"),
    ]
    assert all(p.why == "The source lists it under “Prerequisites”." for p in content.prerequisites[:2])
