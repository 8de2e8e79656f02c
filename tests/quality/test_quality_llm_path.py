"""Planted defects coming back from the fake OpenAI server through the openai engine reach the gate and are caught."""

from __future__ import annotations

import asyncio
import json

from fakes.openai_server import FakeOpenAIServer, Scripted, run_engine, sample_document, settings_for

from seekh_convert.quality import Reason, run_gate

S1 = "Photosynthesis is the process by which plants convert light energy into chemical energy."
S2 = "It takes place in the chloroplasts of leaf cells."
S3 = "Chlorophyll absorbs mostly blue and red light, which is why leaves look green to us."
BIB = "Baddeley, A. D. (2000). The episodic buffer: A new component of working memory? Trends in Cognitive Sciences, 4(11), 417-423."
INVENTED = "Photosynthesis releases oxygen from water molecules in the leaves."
PIGMENTS = ["Chlorophyll", "Carotene", "Xanthophyll", "Anthocyanin"]


def _src(quote: str, page: int | None = None) -> dict:
    return {"quote": quote, "page": page, "start": None, "end": None, "section": None}


def _mc(question: str, options: list[str], index: int, quote: str, explanation: str = "See the source.") -> dict:
    return {"kind": "multiple_choice", "question": question, "options": options, "answer_index": index,
            "explanation": explanation, "source": _src(quote)}


def _planted_guide() -> dict:
    card = {"kind": "basic", "front": "Where does photosynthesis take place?", "back": "In the chloroplasts of leaf cells", "source": _src(S2)}
    return {
        "topic": "Photosynthesis", "subject": "Biology", "level": "beginner", "study_time_minutes": 20,
        "definition": {"text": "Photosynthesis is how plants convert light energy into chemical energy.", "source": _src(S1)},
        "summary": {"text": "Plants convert light. It happens in chloroplasts.", "sentences": [
            {"text": "Plants convert light energy into chemical energy.", "source": _src(S1)},
            {"text": "Photosynthesis takes place in the chloroplasts of leaf cells.", "source": _src(S2, page=4)}]},
        "key_takeaways": [
            {"title": "Chloroplasts", "text": "Photosynthesis takes place in the chloroplasts of leaf cells.", "importance": "high", "source": _src(S2)},
            {"title": "Oxygen", "text": "Photosynthesis releases oxygen from water.", "importance": "medium", "source": _src(INVENTED)}],
        "learn_next": [{"topic": "Chlorophyll", "why": "Chlorophyll absorbs the light.", "level": "intermediate", "source": _src(S3)}],
        "prerequisites": [{"topic": "Light energy", "why": None, "source": _src(S1)}],
        "applications": [
            {"title": "Leaf colour", "text": "Leaves look green because chlorophyll absorbs blue and red light.", "source": _src(S3)},
            {"title": "Working memory", "text": "The episodic buffer is a new component of working memory.", "source": _src(BIB)}],
        "flashcards": [
            card,
            {**card, "front": "Where does photosynthesis take place ?", "back": "In the chloroplasts of leaf cells."},
            {"kind": "basic", "front": "What does photosynthesis convert?", "back": "Light energy into chemical energy", "source": _src(S1)}],
        "questions": [
            _mc("Which pigment absorbs mostly blue and red light?", PIGMENTS, 0, S3, "Chlorophyll absorbs blue and red light."),
            _mc("Which pigment makes leaves look green to us?", PIGMENTS, 1, S3),  # wrong key
            _mc("Where in leaf cells does photosynthesis take place?",
                ["In the chloroplasts", "In the nucleus", "In the cell wall", "All of the above"], 0, S2),
            _mc("What do plants turn light energy into during photosynthesis?",
                ["Chemical energy", "chemical energies", "Heat", "Sound"], 0, S1),  # near-duplicate options
            _mc("Chlorophyll absorbs blue and red light. Which pigment is that?", PIGMENTS, 0, S3),  # answer in stem
            {"kind": "true_false", "statement": "Chlorophyll absorbs mostly blue and red light.", "answer": True,
             "explanation": "The source says so.", "source": _src(S3)},
        ],
    }


def test_planted_defects_from_the_openai_engine_are_caught(tmp_path):
    document, topic = sample_document(extra=BIB)
    with FakeOpenAIServer() as server:
        server.script(Scripted(content=json.dumps(_planted_guide())))
        generation, _ = run_engine(settings_for(server, tmp_path), topic, document)
    content = generation.content
    # the engine itself drops quotes that are not in the source; everything else must reach the gate
    assert INVENTED not in [t.source.quote for t in content.key_takeaways]
    cleaned, quality = asyncio.run(run_gate(content, topic, document))
    dropped = {(f.section, f.index): f.reason for f in quality.findings if f.action == "dropped"}
    assert dropped == {
        ("applications", 1): Reason.JUNK_SOURCE,
        ("flashcards", 1): Reason.DUPLICATE,
        ("questions", 1): Reason.WRONG_KEY,
        ("questions", 2): Reason.CATCH_ALL_OPTION,
        ("questions", 3): Reason.DUPLICATE_OPTIONS,
        ("questions", 4): Reason.ANSWER_IN_STEM,
    }
    assert cleaned is not None and quality.grounding_rate == 1.0
    assert [q.question for q in cleaned.questions[:1]] == ["Which pigment absorbs mostly blue and red light?"]
    assert len(cleaned.questions) == 2 and len(cleaned.flashcards) == 2 and len(cleaned.applications) == 1
    assert quality.coverage.covered == ["p. 3", "p. 4"]
