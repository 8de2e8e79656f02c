"""Issue 17 (judge set A): the topic's own term is defined wherever the topic's text defines it."""

from __future__ import annotations

import asyncio
from pathlib import Path

from seekh_convert.generate.offline import OfflineEngine
from seekh_convert.generate.offline.titledef import title_terms
from seekh_convert.model.document import Block, BlockKind, Document, SourceKind, Topic


def _content(title: str, texts: list[str], kind: SourceKind = SourceKind.PDF):
    blocks = [Block(title, BlockKind.HEADING, level=1, section=title, page=1)]
    blocks += [Block(t, section=title, page=1 + i) for i, t in enumerate(texts)]
    doc = Document(path=Path("notes.pdf"), kind=kind, title="Notes", blocks=blocks)
    doc.topics = [Topic(1, title, blocks)]
    return asyncio.run(OfflineEngine().generate(doc.topics[0], doc)).content


_STP = [
    "Synapses change their strength on many time scales, from milliseconds to days and weeks of activity.",
    "Short-term plasticity (STP) is a transient change in synaptic efficacy caused by the recent activity in the synapse.",
    "Depression and facilitation both recover within a few hundred milliseconds after the last presynaptic spike.",
    "Use a Poisson spike train with firing rate 10 Hz.",
]


def test_title_term_with_abbreviation_is_defined_on_a_later_page():
    c = _content("Short-term plasticity (STP)", _STP)
    assert c.definition is not None
    assert c.definition.text.startswith("Short-term plasticity (STP) is a transient change")
    assert c.empty_reason("definition") is None


def test_plural_title_term_defined_by_a_sentence_with_its_own_pronouns():
    c = _content(
        "Advance Directives (1 of 3)",
        [
            "An advance directive is a document that specifies what a person would like to be done if he or she "
            "becomes unable to make his or her own medical decisions.",
            "Some states have systems in place, such as bracelets, to identify patients with advance directives.",
        ],
        SourceKind.SLIDES,
    )
    assert c.definition is not None and c.definition.text.startswith("An advance directive is a document")


def test_narration_is_no_definition_and_none_is_said_only_when_true():
    c = _content(
        "Adaptation in spiking behaviour",
        [
            "We are going to add a new current to the model neuron that is responsible for a phenomenon called "
            "spike rate adaptation.",
            "The firing rate of the neuron falls over time while the input current stays constant.",
        ],
    )
    assert c.definition is None or not c.definition.text.startswith("We are going")


def test_title_terms_skip_counters_and_common_words():
    assert title_terms("Short-term plasticity (STP)") == ["Short-term plasticity", "STP"]
    assert "Care" not in title_terms("Patient Refusal of Care (1 of 2)")
    assert title_terms("The Leaky Integrate-and-Fire Neuron") == ["Leaky Integrate-and-Fire Neuron"]


def test_topic_whose_title_names_no_term_gets_its_key_terms_definition():
    c = _content(
        "Consent for Treatment (1 of 4)",
        [
            "Consent simply means giving approval or permission.",
            "Expressed consent must be obtained from every conscious adult before treatment starts.",
            "Implied consent applies to an unconscious patient who cannot give consent.",
        ],
        SourceKind.SLIDES,
    )
    assert c.definition is not None and c.definition.text == "Consent simply means giving approval or permission."


def test_is_defined_as_defines_the_title_term():
    c = _content(
        "Synaptic Efficacy",
        [
            "Synaptic efficacy is defined as the size of the postsynaptic response to a single presynaptic spike.",
            "Repeated stimulation changes the efficacy of a synapse for a few hundred milliseconds.",
        ],
    )
    assert c.definition is not None and c.definition.text.startswith("Synaptic efficacy is defined as")


def test_the_topics_definition_is_also_a_basic_card():
    c = _content("Short-term plasticity (STP)", _STP)
    basic = [f for f in c.flashcards if f.kind == "basic"]
    assert any(f.front.casefold() == "what is short-term plasticity?" and f.back.startswith("Short-term") for f in basic)


def test_a_modified_subject_does_not_define_the_title_term():
    c = _content(
        "Encoding",
        [
            "Visual encoding is the encoding of images, and acoustic encoding is the encoding of sounds.",
            "Memory begins with encoding, a process that turns what the senses take in into a form the brain stores.",
        ],
    )
    assert c.definition is None or not c.definition.text.startswith("Visual encoding")
