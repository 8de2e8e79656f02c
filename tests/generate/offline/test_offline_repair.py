"""The offline engine's candidate ranking and ``repair``: failing items give way to the next-best candidates."""

from __future__ import annotations

import asyncio
from pathlib import Path

from seekh_convert.check import run_gate
from seekh_convert.generate.offline import OfflineEngine
from seekh_convert.generate.offline.analysis import analyse
from seekh_convert.generate.offline.links import learn_next_candidates, prerequisite_candidates
from seekh_convert.generate.offline.pool import build_pool, definition_candidates
from seekh_convert.generate.offline.sentences import topic_sentences
from seekh_convert.generate.offline.statements import claim_score, is_instruction, is_setup, phrase_title, use_score
from seekh_convert.generate.offline.terms import extract_terms
from seekh_convert.model.document import Block, Document, SourceKind, Topic
from seekh_convert.model.findings import Finding, Reason
from seekh_convert.model.guide import SourceRef


def _doc() -> Document:
    t1 = [
        Block(
            "Encoding is the input of information into the memory system. Encoding happens through automatic processing and effortful processing. "
            "To see how visual encoding works, read over this list of words: car, level, dog, truth, book, value. "
            "Semantic encoding is the encoding of words and their meaning. Automatic processing is the encoding of details like time and space.",
            emphasis=("Encoding", "automatic processing", "effortful processing", "Semantic encoding"),
            section="Encoding",
            page=1,
        ),
        Block(
            "Teachers use semantic encoding to help students remember new vocabulary. Effortful processing requires attention and practice. "
            "Visual encoding is the encoding of images. Acoustic encoding is the encoding of sounds, especially words.",
            emphasis=("Visual encoding", "Acoustic encoding"),
            section="Encoding",
            page=2,
        ),
    ]
    t2 = [
        Block(
            "Storage is the creation of a permanent record of information. Semantic encoding makes storage of meaningful material easier. "
            "Automatic processing and visual encoding both feed storage. Long-term memory is the continuous storage of information.",
            emphasis=("Storage", "Long-term memory"),
            section="Storage",
            page=3,
        ),
        Block(
            "Clinicians use storage tests to measure memory loss in patients. Sensory memory is the storage of brief sensory events. "
            "Short-term memory is a temporary storage system that holds information for about twenty seconds.",
            emphasis=("Sensory memory", "Short-term memory"),
            section="Storage",
            page=4,
        ),
    ]
    doc = Document(path=Path("memory.md"), kind=SourceKind.MARKDOWN, title="Memory", blocks=t1 + t2)
    doc.topics = [Topic(1, "Encoding", t1), Topic(2, "Storage", t2)]
    return doc


def _sentence(text: str, **block):
    return topic_sentences([Block(text, **block)])[0]


def test_statement_judgments():
    assert is_instruction(_sentence("To see how visual encoding works, read over this list of words: car, dog, book."))
    assert is_instruction(_sentence("So today we're going to talk about the discovery of the electron."))
    assert not is_instruction(_sentence("Encoding is the input of information into the memory system."))
    assert is_setup(_sentence("If you're using 5 moles of N2, you need 15 moles of hydrogen gas."))
    assert use_score(_sentence("Clinicians use storage tests to measure memory loss in patients.")) > 1.5
    assert use_score(_sentence("I immediately called the court to check on the case.")) <= 0.5
    assert use_score(_sentence("Storage is the creation of a permanent record of information.")) == 0


def test_claims_rank_above_instructions_and_citation_heavy_sentences():
    blocks = [
        Block(
            "Encoding is the input of information into the memory system. To see how encoding works, read over this list of words. "
            "Encoding was studied widely (Rogers, Kuiper, & Kirker, 1977; Craik & Tulving, 1975; Paivio, 1986).",
            emphasis=("Encoding",),
        )
    ]
    sents = topic_sentences(blocks)
    terms = extract_terms(blocks, sents, {})
    claim, instruction, cited = (claim_score(s, terms) for s in sents)
    assert claim > instruction and claim > cited
    assert phrase_title(sents[0], terms, set()) == "Encoding"
    assert phrase_title(sents[0], terms, {"encoding"}) == "Memory"  # a fresh noun of the sentence when the term is taken


def test_candidate_pools_are_ranked_and_longer_than_shown():
    doc = _doc()
    analysis = analyse(doc, doc.topics[1])
    ta = analysis.topics[1]
    pool = build_pool(analysis, ta, "Storage")
    assert len(pool.sections["prerequisites"]) > 2
    assert len(pool.sections["flashcards"]) >= 2 and len(pool.sections["questions"]) >= 1
    assert pool.sections["key_takeaways"]  # issue 17: only sentences that carry their own context
    assert pool.definitions[0].text.startswith("Storage is the creation")
    takeaways = pool.sections["key_takeaways"]
    assert all("read over" not in t.text for t in takeaways)
    assert len({t.title for t in takeaways}) == len(takeaways)  # distinct noun-phrase titles
    assert pool.sections["applications"][0].text.startswith("Clinicians use storage tests")
    # every link quotes a sentence that uses the linked term (named in its topic or why)
    links = prerequisite_candidates(analysis, ta) + learn_next_candidates(analysis, analysis.topics[0])
    # issue 8: every reason is a sentence of the source (the later topic's words, the earlier definition), no template
    text = " ".join(b.text for b in doc.blocks)
    assert links  # the prerequisites (earlier definitions); a learn-next only where this topic names what comes next
    for link in learn_next_candidates(analysis, analysis.topics[0]):  # issue 17: the reason is the link, quoted here
        term = link.why.split(" builds on ")[-1].split(" explains ")[-1].split(",")[0]
        assert link.why.rstrip(".") in link.source.quote or term.lower() in link.source.quote.lower(), (
            link.why,
            link.source.quote,
        )
    for link in links:
        assert link in learn_next_candidates(analysis, analysis.topics[0]) or link.why.rstrip(".") in text, link.why
        assert link.topic.casefold() in link.source.quote.casefold() or link.topic == "Storage", (link.topic, link.source.quote)
    assert [d.source.quote for d in definition_candidates(ta)] == [d.source.quote for d in definition_candidates(ta)]


def test_repair_replaces_failing_items_with_next_unused_candidates():
    doc = _doc()
    engine = OfflineEngine()
    topic = doc.topics[1]
    content = asyncio.run(engine.generate(topic, doc)).content
    pool = build_pool(analyse(doc, topic), analyse(doc, topic).topics[1], "Storage")
    findings = [
        Finding(section="prerequisites", index=0, reason=Reason.UNSUPPORTED),
        Finding(section="key_takeaways", index=1, reason=Reason.JUNK_SOURCE),
        Finding(section="definition", index=None, reason=Reason.UNSUPPORTED),
    ]
    fixed = asyncio.run(engine.repair(content, findings, topic, doc)).content
    old_pre, new_pre = content.prerequisites, fixed.prerequisites
    assert new_pre[0].topic != old_pre[0].topic and new_pre[0].topic not in {p.topic for p in old_pre}
    assert new_pre[0] == next(c for c in pool.sections["prerequisites"] if c.topic not in {p.topic for p in old_pre})
    assert new_pre[1:] == old_pre[1:]
    spare_points = [
        t for t in pool.sections["key_takeaways"] if t.source.quote not in {k.source.quote for k in content.key_takeaways}
    ]
    if spare_points:
        assert fixed.key_takeaways[1].source.quote == spare_points[0].source.quote
        assert fixed.key_takeaways[1].importance == content.key_takeaways[1].importance
    else:
        assert fixed.key_takeaways == content.key_takeaways  # nothing left to swap in: the gate drops it
    if len(pool.definitions) > 1:
        assert fixed.definition != content.definition
    else:  # the topic's own term has one definition: nothing to swap in, the gate drops it and says why
        assert fixed.definition == content.definition
    again = asyncio.run(engine.repair(content, findings, topic, doc)).content
    assert again == fixed  # deterministic


def test_repair_appends_spares_when_a_whole_section_fails():
    doc = _doc()
    engine = OfflineEngine()
    topic = doc.topics[1]
    pool = build_pool(analyse(doc, topic), analyse(doc, topic).topics[1], "Storage").sections["prerequisites"]
    content = asyncio.run(engine.generate(topic, doc)).content.model_copy(update={"prerequisites": pool[:1]})
    findings = [Finding(section="prerequisites", index=0, reason=Reason.UNSUPPORTED)]
    fixed = asyncio.run(engine.repair(content, findings, topic, doc)).content
    assert len(pool) >= 3 and fixed.prerequisites == pool[1:4]


def test_gate_uses_repair_to_keep_a_section_that_would_end_empty():
    doc = _doc()
    engine = OfflineEngine()
    topic = doc.topics[1]
    content = asyncio.run(engine.generate(topic, doc)).content
    bad = content.prerequisites[0].model_copy(
        update={"source": SourceRef(quote="This sentence is nowhere in the source text.", page=3)}
    )
    broken = content.model_copy(update={"prerequisites": [bad]})
    cleaned, quality = asyncio.run(run_gate(broken, topic, doc, engine))
    assert cleaned is not None and cleaned.prerequisites
    assert quality.repaired >= 1 and quality.writable
