"""Unit tests of the offline engine's building blocks: sentences, terms, classification."""

from __future__ import annotations

from seekh_convert.generate.offline.classify import level_of, study_minutes, subject_of, syllables
from seekh_convert.generate.offline.sentences import split_block, topic_sentences
from seekh_convert.generate.offline.terms import DEFINED_SCORE, definition_score, extract_terms
from seekh_convert.model.document import Block, BlockKind
from seekh_convert.model.guide import Level, Subject
from seekh_convert.text.terms import term_key, term_pattern


def _sentences(*texts: str, kind: BlockKind = BlockKind.PARAGRAPH, emphasis=()):
    blocks = [Block(t, kind, emphasis=emphasis, section="S", page=1) for t in texts]
    return blocks, topic_sentences(blocks)


def test_sentences_are_verbatim_spans_and_respect_abbreviations():
    text = "Dr. Smith studied memory, e.g. recall of words. Storage is the creation of a record. Then it ended!"
    spans = [s.text for s in split_block(Block(text), 0)]
    assert spans == ["Dr. Smith studied memory, e.g. recall of words.", "Storage is the creation of a record.", "Then it ended!"]
    assert all(s in text for s in spans)


def test_sentence_is_cut_before_figure_pointer_and_speaker_label():
    text = "Memory is the set of processes used to encode information ([see Figure_08_01]). PROFESSOR SMITH: Atoms have a nucleus inside them."
    spans = [s.text for s in split_block(Block(text), 0)]
    assert spans[0] == "Memory is the set of processes used to encode information"
    assert spans[1] == "Atoms have a nucleus inside them."
    assert split_block(Block(text), 0)[0].display.endswith(".")


def test_unusable_sentences_are_dropped():
    blocks, sents = _sentences(
        "By the end of this section, you will be able to describe memory in detail.",
        "What is the capacity of short-term memory in most adults?",
        "Visit https://example.org for more information about this topic today.",
        "Encoding is the input of information into the memory system.",
    )
    assert [s.text for s in sents] == ["Encoding is the input of information into the memory system."]
    objectives = [Block("Describe and distinguish between procedural and declarative memory types", BlockKind.LIST_ITEM)]
    assert topic_sentences(objectives + [Block("Memory is a system that stores what we learn.")])[0].text.startswith("Memory")
    assert len(topic_sentences(objectives + [Block("Memory is a system that stores what we learn.")])) == 1


def test_junk_blocks_are_never_sentences():
    blocks = [
        Block("Anderson, J. R. (1984). Memory is studied in this journal article about recall.", BlockKind.REFERENCE),
        Block("Which memory type holds facts? Semantic memory holds facts about the world.", BlockKind.QUESTION),
        Block("The figure shows a brain with the hippocampus marked in red color.", BlockKind.FIGURE),
        Block("Content on this page is licensed under a Creative Commons licence for all.", BlockKind.BOILERPLATE),
        Block("Memory", BlockKind.HEADING),
    ]
    assert topic_sentences(blocks) == []


def test_term_pattern_matches_plural_and_singular_forms():
    pat = term_pattern("forces")
    assert pat.search("Force is a push or pull.")
    assert pat.search("Many forces act here.")
    assert term_pattern("memory").search("Old memories fade.")
    assert not term_pattern("law").search("The lawyer spoke.")
    assert term_key("The Short-term memories (STM)") == term_key("short-term memory")


def test_terms_from_emphasis_glossary_and_defining_patterns():
    blocks, sents = _sentences(
        "We get information into our brains through a process called encoding, which is the input of information.",
        "Storage is the creation of a permanent record of information in the brain.",
        "Encoding and storage work together, and the brain's storage is large.",
        "Richard Atkinson proposed a model of memory with three stages in it.",
        emphasis=("Storage", "Atkinson"),
    )
    blocks.append(Block("the loss of long-term memory after trauma", BlockKind.GLOSSARY, term="amnesia"))
    sents = topic_sentences(blocks)
    terms = {t.key: t for t in extract_terms(blocks, sents, {})}
    assert "storage" in terms and terms["storage"].origin == "emphasis" and terms["storage"].defined
    assert terms["storage"].definition.text.startswith("Storage is the creation")
    assert "encoding" in terms and terms["encoding"].defined  # from "called encoding"
    assert "amnesia" in terms and terms["amnesia"].definition.block.kind is BlockKind.GLOSSARY
    assert "atkinson" not in terms  # a person's name, not a key term


def test_terms_are_deduplicated_by_case_plural_and_fuzzy_match():
    blocks, sents = _sentences(
        "Free-body diagrams are drawings of all the external forces on a body.",
        "A free-body diagram is a drawing of all external forces acting on a body.",
        emphasis=("free-body diagrams", "Free-body diagram", "free body diagram"),
    )
    terms = extract_terms(blocks, sents, {})
    assert len([t for t in terms if "diagram" in t.key]) == 1


def test_definition_score_prefers_real_definitions():
    _, sents = _sentences(
        "Chunking is useful when trying to remember phone numbers and dates.",
        "Chunking is the organisation of information into manageable bits or chunks.",
        "This is known as chunking in the literature.",
    )
    scores = [definition_score("chunking", s) for s in sents]
    assert scores[1] == max(scores) and scores[1] >= 3
    assert scores[0] < DEFINED_SCORE and scores[2] < DEFINED_SCORE


def test_keyword_fallback_finds_repeated_phrases_without_bold_terms():
    text = [
        "So the alpha particles were coming off the radioactive material very quickly.",
        "They counted the alpha particles that went through the gold foil.",
        "Some alpha particles bounced back from the gold foil, which surprised them.",
    ]
    blocks, sents = _sentences(*text)
    keys = [t.key for t in extract_terms(blocks, sents, {})]
    assert "alpha particle" in keys and "gold foil" in keys
    assert "particle" not in keys  # nested in a better phrase


def test_subject_level_and_study_time():
    bio = "The cell membrane surrounds the cytoplasm. Each cell has a nucleus with DNA and ribosomes make protein. " * 5
    assert subject_of(bio) is Subject.BIOLOGY
    assert subject_of("The weather was nice and we walked to the shop together. " * 5) is Subject.OTHER
    assert level_of("The cat sat on the mat. The dog ran to the cat.", 2) is Level.BEGINNER
    hard = "Electronegativity differences characterise intermolecular interactions, determining thermodynamic stabilisation considerably."
    assert level_of(hard, 1) is Level.ADVANCED
    assert syllables("memory") == 3 and syllables("force") == 1
    assert study_minutes(10) == 5 and study_minutes(2000) == 30


def test_footnote_marks_end_sentences_but_decimals_do_not():
    spans = [s.text for s in split_block(Block("It took fourteen years.9 This system grew. A force of 1.5 N acts on it."), 0)]
    assert spans == ["It took fourteen years.9", "This system grew.", "A force of 1.5 N acts on it."]
