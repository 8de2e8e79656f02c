"""What the openai engine's requests carry, against the fake server: the rubric and worked example up front,
a reply budget a complete reply fits, repair passages sent whole and once, and an estimate that matches."""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

from fakes.openai_server import (
    FakeOpenAIServer,
    default_reply,
    document_of,
    run_engine,
    sample_document,
    schema_kind,
    sentences_of,
    settings_for,
)

from seekh_convert.check import Finding, Reason, check_content
from seekh_convert.generate.openai import OpenAIEngine
from seekh_convert.generate.openai.estimate import REPAIR_ITEMS, first_pass, repair_request
from seekh_convert.generate.openai.mapreduce import ChunkNotes
from seekh_convert.generate.openai.prompts import load_prompt
from seekh_convert.generate.openai.reply_size import MAX_ITEMS, MAX_NOTES
from seekh_convert.model.document import Block, Document, SourceKind, Topic
from seekh_convert.model.guide import GuideContent
from seekh_convert.text.tokens import count_tokens

#: A sentence of about 300 characters: the longest quote the prompt asks for.
QUOTE = (
    "The standard error of the mean shrinks with the square root of the sample size, so quadrupling the number of "
    "measurements only halves the uncertainty of the estimate, which is why ecologists weigh the cost of extra "
    "field samples against the precision they buy before planning a survey season."
)
TEXT = "Quadrupling the sample size halves the standard error, so precision grows slowly with effort in the field."


def _source() -> dict:
    return {"quote": QUOTE, "page": None, "slide": None, "start": None, "end": None, "section": "Precision and sample size"}


def _full_guide() -> dict:
    """A complete guide as a capable model writes it: every section full, a full-length quote on every item."""
    n = MAX_ITEMS
    mc = {"kind": "multiple_choice", "question": TEXT, "answer_index": 2, "explanation": TEXT, "source": _source()}
    mc["options"] = ["It doubles the error", "It leaves the error unchanged", "It halves the error", "It quarters it"]
    tf = {"kind": "true_false", "statement": TEXT, "answer": True, "explanation": TEXT, "source": _source()}
    return {
        "topic": "Precision and sample size",
        "subject": "Biology",
        "level": "intermediate",
        "study_time_minutes": 45,
        "definition": {"text": TEXT, "source": _source()},
        "summary": {"text": " ".join([TEXT] * n), "sentences": [{"text": TEXT, "source": _source()}] * n},
        "key_takeaways": [{"title": "Slow gain in precision", "text": TEXT, "importance": "high", "source": _source()}] * n,
        "learn_next": [{"topic": "Confidence intervals", "why": TEXT, "level": "intermediate", "source": _source()}] * n,
        "prerequisites": [{"topic": "Variance", "why": TEXT, "source": _source()}] * n,
        "applications": [{"title": "Survey planning", "text": TEXT, "source": _source()}] * n,
        "flashcards": [{"kind": "basic", "front": TEXT, "back": TEXT, "source": _source()}] * n,
        "questions": [mc, tf] * (n // 2),
        "empty_sections": [],
    }


def _tokens(data: dict) -> int:
    return count_tokens(json.dumps(data, ensure_ascii=False))


def test_no_request_max_tokens_is_below_what_its_schema_asks_for(tmp_path):
    guide = _full_guide()
    GuideContent.model_validate(guide)  # a valid reply
    guide_need = _tokens(guide)
    passage = " ".join([QUOTE] * 3)  # a note's quote: a passage of up to three sentences
    notes_need = _tokens({"notes": [{"kind": "fact", "point": TEXT, "quote": passage}] * MAX_NOTES})
    ChunkNotes.model_validate({"notes": [{"kind": "fact", "point": TEXT, "quote": passage}] * MAX_NOTES})
    assert guide_need > 4096  # what the engine sent before: a complete guide did not fit
    topic = _long_topic(24)
    document, _ = sample_document()
    with FakeOpenAIServer() as server:
        run_engine(settings_for(server, tmp_path, no_cache=True), *sample_document()[::-1])  # one guide request
        run_engine(settings_for(server, tmp_path, chunk_tokens=200, no_cache=True), topic, document)  # map-reduce
    budgets = {}
    for body in server.requests:
        budgets.setdefault(schema_kind(body), set()).add(body["max_tokens"])
    assert min(budgets["guide_content"]) >= guide_need, (budgets, guide_need)
    assert min(budgets["chunk_notes"]) >= notes_need, (budgets, notes_need)


def test_max_tokens_setting_caps_the_reply_budget(tmp_path):
    with FakeOpenAIServer() as server:
        run_engine(settings_for(server, tmp_path, no_cache=True, max_tokens=3000), *sample_document()[::-1])
    assert [body["max_tokens"] for body in server.requests] == [3000]


def test_first_draft_states_the_rubric_and_one_worked_example_before_the_data(tmp_path):
    with FakeOpenAIServer() as server:
        run_engine(settings_for(server, tmp_path, no_cache=True), *sample_document()[::-1])
    [body] = server.requests
    system, user = (m["content"] for m in body["messages"])
    head = user[: user.index("<document>")]
    for rule in ("definition:", "summary:", "key_takeaways:", "flashcards:", "questions:", "applications:"):
        assert f"\n- {rule}" in head, rule
    assert "learn_next, prerequisites:" in head and "<example_items>" in head and "DATA" in system
    assert "not what a flashcard already asks" in head  # relay run 3: 38 questions dropped as repeats of a card
    assert "Photosynthesis is the process" in document_of(body) and "Opportunity cost" not in document_of(body)


def test_the_worked_example_passes_the_quality_gate():
    """The example the prompt shows is written to our own standard: every item of it passes the gate."""
    example = load_prompt("example").render()
    text = re.search(r"<example_text>(.*?)</example_text>", example, re.DOTALL).group(1)
    items = json.loads(re.search(r"<example_items>(.*?)</example_items>", example, re.DOTALL).group(1))
    from seekh_convert.generate.openai.structured import strict_schema
    from seekh_convert.model.guide import GuideContent

    schema = strict_schema(GuideContent)  # what the model is sent: a source must carry every locator field
    required = set(schema["$defs"]["SourceRef"]["required"])
    assert "quote" in required and set(items["questions"][0]["source"]) == required  # relay models copied its shape
    block = Block(text, section="Opportunity cost")
    topic = Topic(index=1, title="Opportunity cost", blocks=[block])
    document = Document(Path("economics.md"), SourceKind.MARKDOWN, title="Economics", blocks=[block], topics=[topic])
    document.language = "en"
    first = {"quote": text.split(". ")[0] + "."}
    content = {
        "topic": "Opportunity cost",
        "subject": "Other",
        "level": "beginner",
        "study_time_minutes": 10,
        "definition": None,
        "summary": {"text": first["quote"], "sentences": [{"text": first["quote"], "source": first}]},
        **{section: [] for section in ("key_takeaways", "learn_next", "prerequisites", "applications", "flashcards")},
        **items,
    }
    content["empty_sections"] = [
        {"section": s, "reason": "Not in this example."}
        for s in ("definition", "key_takeaways", "learn_next", "prerequisites", "applications", "flashcards")
        if not content[s]
    ]
    _, quality = check_content(GuideContent.model_validate(content), topic, document)
    failed = [f.describe() for f in quality.findings if f.section in items and f.action == "dropped"]
    assert failed == [], "\n".join(failed)


def _transcript(n: int) -> tuple[Document, Topic]:
    blocks = [
        Block(
            f"At minute {i} the lecturer explains that merge step {i} compares the fronts of two sorted lists. "
            f"The smaller front of list {i} moves to the output before the next comparison.",
            start=30.0 * i,
            end=30.0 * i + 29,
        )
        for i in range(n)
    ]
    topic = Topic(index=1, title="Merge sort", blocks=blocks)
    return Document(Path("lecture.vtt"), SourceKind.TRANSCRIPT, title="Lecture", blocks=blocks, topics=[topic]), topic


def _repair(settings, content, findings, topic, document):
    async def main():
        engine = OpenAIEngine.from_settings(settings)
        try:
            return await engine.repair(content, findings, topic, document)
        finally:
            await engine.aclose()

    return asyncio.run(main())


def _content_quoting(topic: Topic, at: list[int]) -> GuideContent:
    """A guide whose flashcard ``k`` quotes the first sentence of block ``at[k]``."""
    from fakes.openai_server import make_guide

    quotes = [topic.blocks[i].text.split(". ")[0] + "." for i in at]
    guide = make_guide(quotes)
    guide["flashcards"] = [
        {"kind": "basic", "front": f"What happens at step {i}?", "back": "A comparison", "source": {"quote": q}}
        for i, q in zip(at, quotes, strict=True)
    ]
    return GuideContent.model_validate(guide)


def test_repair_sends_each_failing_items_whole_passage_once(tmp_path):
    """A long transcript topic: every failing item's passage goes whole (its neighbours even across the request
    parts of the first pass, and all of them, not the first three parts); every block at most once."""
    document, topic = _transcript(240)
    at = [3, 4, 119, 170, 239]  # two neighbours, blocks in the middle, the topic's last block
    content = _content_quoting(topic, at)
    findings = [Finding(section="flashcards", index=k, reason=Reason.UNSUPPORTED) for k in range(len(at))]
    with FakeOpenAIServer() as server:
        _repair(settings_for(server, tmp_path, chunk_tokens=400, no_cache=True), content, findings, topic, document)
    [body] = server.requests
    sent = document_of(body)
    for i in at:
        for near in (i - 1, i, i + 1):
            if 0 <= near < len(topic.blocks):
                assert topic.blocks[near].text in sent, near
    assert all(sent.count(b.text) <= 1 for b in topic.blocks)
    assert topic.blocks[60].text not in sent  # the passages (about 800 tokens each), not the topic
    assert body["messages"][1]["content"].count("<document>") == 1


def test_repair_passage_is_the_quotes_slide(tmp_path):
    """A slide's table is sent with the sentence quoted from the same slide; other slides are not."""
    blocks = [Block(f"Slide {s} line {k}: room {s}{k} connects to hall {k}.", slide=s) for s in range(1, 8) for k in range(3)]
    topic = Topic(index=1, title="Rooms", blocks=blocks)
    document = Document(Path("deck.pptx"), SourceKind.SLIDES, title="Deck", blocks=blocks, topics=[topic])
    content = _content_quoting(topic, [7])  # slide 3, line 1
    findings = [Finding(section="flashcards", index=0, reason=Reason.UNSUPPORTED)]
    with FakeOpenAIServer() as server:
        _repair(settings_for(server, tmp_path, no_cache=True), content, findings, topic, document)
    sent = document_of(server.requests[0])
    assert [b.slide for b in blocks if b.text in sent] == [3, 3, 3]


def _long_topic(paragraphs: int) -> Topic:
    blocks = [
        Block(
            f"Paragraph {i} explains fact number {i} about cells in some detail. "
            f"Cells of kind {i} divide every {i + 1} hours under good conditions.",
            page=i + 1,
            section=f"Part {i}",
        )
        for i in range(paragraphs)
    ]
    return Topic(index=1, title="Cells", blocks=blocks)


def test_a_guide_written_from_notes_says_what_it_was_given(tmp_path):
    topic = _long_topic(24)
    document, _ = sample_document()
    with FakeOpenAIServer() as server:
        generation, _ = run_engine(settings_for(server, tmp_path, chunk_tokens=200, no_cache=True), topic, document)
        single, _ = run_engine(settings_for(server, tmp_path, no_cache=True), *sample_document()[::-1])
    reduce = server.requests[-2]
    given = [line[len("quote: ") :] for line in document_of(reduce).splitlines() if line.startswith("quote: ")]
    assert given and generation.support_text == "\n\n".join(dict.fromkeys(given))
    assert single.support_text is None  # the model read the whole topic


def _sent_tokens(bodies: list[dict]) -> int:
    """Input tokens as sent: the messages and the ``response_format`` JSON Schema (compact JSON, as httpx sends it)."""
    schemas = [body["response_format"]["json_schema"]["schema"] for body in bodies]
    schema = sum(count_tokens(json.dumps(s, ensure_ascii=False, separators=(",", ":"))) for s in schemas)
    return schema + sum(count_tokens(m["content"]) for body in bodies for m in body["messages"])


def _full_notes(body: dict) -> str:
    """Notes as a capable model takes them: as many as asked, each resting on a passage of two sentences."""
    if schema_kind(body) != "chunk_notes":
        return default_reply(body)
    found = sentences_of(body)
    step = max(1, len(found) // MAX_NOTES)
    picks = range(0, min(len(found), step * MAX_NOTES), step)
    notes = [{"kind": "fact", "point": found[i][:150], "quote": " ".join(found[i : i + 2])} for i in picks]
    return json.dumps({"notes": notes})


def test_estimate_models_the_first_pass_and_a_repair_as_sent(tmp_path):
    """The estimate's requests and input tokens against what the engine sends the fake server: the first pass of
    a one-request topic and of a map-reduce topic (notes as a capable model takes them), and a repair of the
    typical number of items spread over the topic."""
    document, short = sample_document()
    _, long = _transcript(80)
    with FakeOpenAIServer(responder=_full_notes) as server:
        for topic, chunk in ((short, 3000), (long, 400)):
            settings = settings_for(server, tmp_path, chunk_tokens=chunk, no_cache=True)
            before = len(server.requests)
            generation, _ = run_engine(settings, topic, document)
            sent = server.requests[before:]
            expected = first_pass(topic, document, settings)
            assert expected.requests == len(sent)
            assert abs(expected.input_tokens - _sent_tokens(sent)) <= 0.1 * _sent_tokens(sent), (topic.title, expected)
        at = [20, 60][:REPAIR_ITEMS]
        content = _content_quoting(long, at)
        findings = [Finding(section="flashcards", index=k, reason=Reason.UNSUPPORTED) for k in range(len(at))]
        before = len(server.requests)
        _repair(settings, content, findings, long, document)
        sent = server.requests[before:]
    expected = repair_request(long, document, settings)
    assert expected.requests == len(sent) == 1
    assert abs(expected.input_tokens - _sent_tokens(sent)) <= 0.25 * _sent_tokens(sent), (expected, _sent_tokens(sent))


def test_a_repair_goes_out_only_for_what_the_guide_cannot_do_without(tmp_path):
    """One failing card of four, or a question that only repeats a card, is dropped without a round trip (the
    rubric and passages again, for an item the guide does without); a section every item of which fails, and a
    failing summary sentence, go back in one request."""
    document, topic = _transcript(40)
    content = _content_quoting(topic, [3, 9, 15, 21])
    one = [Finding(section="flashcards", index=1, reason=Reason.UNSUPPORTED)]
    repeat = [Finding(section="questions", index=0, reason=Reason.REPEATS_FLASHCARD)]
    every = [Finding(section="flashcards", index=k, reason=Reason.NOT_STANDALONE) for k in range(4)]
    summary = [Finding(section="summary", index=1, reason=Reason.UNSUPPORTED)]
    with FakeOpenAIServer() as server:
        settings = settings_for(server, tmp_path, no_cache=True)
        for findings in (one, repeat):
            generation = _repair(settings, content, findings, topic, document)
            assert generation.content == content
        assert server.requests == []
        _repair(settings, content, every + summary, topic, document)
    [body] = server.requests
    sent = body["messages"][1]["content"]
    assert all(f"flashcards_{k}" in sent for k in range(4)) and "summary_1" in sent
