"""Languages: each document's language detected and recorded; the offline engine refuses what it cannot write
in one line; the openai engine writes the guide in the document's language (or --language); the GB2312 SRT
of the corpus converts with its Chinese quoted and timed."""

from __future__ import annotations

import json

import pytest
from conftest import CORPUS, SAMPLES
from fakes.openai_server import FakeOpenAIServer
from typer.testing import CliRunner

from seekh_convert.cli import app
from seekh_convert.model.guide import StudyGuide
from seekh_convert.pipeline import load_document
from seekh_convert.text.language import detect_language, language_code, language_name, sample

KEY = "sk-lang-SECRET-24680"
SRT = CORPUS / "transcripts" / "chinese-gb2312-encoded.srt"
CUES = ["宇宙守护神 保护我们远离邪恶", "他能徒手抓住子弹 拦住疾速的火车", "轻轻一跳就能飞跃高楼"]


def _chinese_guide() -> dict:
    """What a good model writes for the Superman captions: Chinese text, the captions as verbatim quotes."""

    def src(i: int) -> dict:
        return {"quote": CUES[i], "page": None, "slide": None, "start": None, "end": None, "section": None}

    return {
        "topic": "宇宙守护神",
        "subject": "Other",
        "level": "beginner",
        "study_time_minutes": 5,
        "definition": {"text": "宇宙守护神保护我们远离邪恶。", "source": src(0)},
        "summary": {
            "text": "宇宙守护神保护我们远离邪恶，他能徒手抓住子弹。",
            "sentences": [
                {"text": "宇宙守护神保护我们远离邪恶。", "source": src(0)},
                {"text": "他能徒手抓住子弹，拦住疾速的火车。", "source": src(1)},
            ],
        },
        "key_takeaways": [
            {"title": "保护我们", "text": "守护神保护我们远离邪恶。", "importance": "high", "source": src(0)},
            {"title": "抓住子弹", "text": "他能徒手抓住子弹。", "importance": "medium", "source": src(1)},
            {"title": "飞跃高楼", "text": "他轻轻一跳就能飞跃高楼。", "importance": "low", "source": src(2)},
        ],
        "learn_next": [{"topic": "拦住火车", "why": "他能拦住疾速的火车。", "level": "intermediate", "source": src(1)}],
        "prerequisites": [{"topic": "守护神", "why": "守护神保护我们。", "source": src(0)}],
        "applications": [{"title": "飞跃高楼", "text": "一跳就能飞跃高楼。", "source": src(2)}],
        "flashcards": [{"kind": "basic", "front": "谁保护我们远离邪恶？", "back": "宇宙守护神保护我们。", "source": src(0)}],
        "questions": [
            {
                "kind": "true_false",
                "statement": "他能徒手抓住子弹。",
                "answer": True,
                "explanation": "他能徒手抓住子弹。",
                "source": src(1),
            }
        ],
    }


def _convert_with_model(server, *args):
    extra = ["--model", "fake-model", "--base-url", server.url, "--api-key", KEY, "--no-cache"]
    return CliRunner().invoke(app, ["convert", *map(str, args), *extra])


def test_gb2312_srt_converts_in_chinese_with_an_llm(tmp_path):
    reply = json.dumps(_chinese_guide(), ensure_ascii=False)
    with FakeOpenAIServer(api_key=KEY, responder=lambda body: reply) as server:
        result = _convert_with_model(server, SRT, "-o", tmp_path)
        system = server.requests[0]["messages"][0]["content"]
    assert result.exit_code == 0, result.output
    assert "in Chinese (quotes keep" in system
    guides = [StudyGuide.model_validate_json(p.read_text()) for p in tmp_path.glob("*/*/guide.json")]
    assert len(guides) == 1
    guide = guides[0]
    assert guide.provenance.language == "zh"
    assert guide.definition.source.quote == CUES[0]
    assert (guide.definition.source.start, guide.definition.source.end) == (27.0, 30.73)  # the first cue's own time
    assert json.loads(next(tmp_path.glob("*/index.json")).read_text())["language"] == "zh"


def test_offline_engine_refuses_languages_it_does_not_write_in_one_line(tmp_path):
    result = CliRunner().invoke(app, ["convert", str(SRT), "-o", str(tmp_path), "--engine", "offline"])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.output
    assert "Chinese (zh)" in errors[0] and "English only" in errors[0] and "--language en" in errors[0]


def test_language_option_overrides_the_documents_own(tmp_path):
    reply_box: list[str] = []

    def responder(body):
        reply_box.append(body["messages"][0]["content"])
        return json.dumps(_chinese_guide(), ensure_ascii=False)

    with FakeOpenAIServer(api_key=KEY, responder=responder) as server:
        _convert_with_model(server, SRT, "-o", tmp_path, "--language", "French")
    assert reply_box and "in French (quotes keep" in reply_box[0]
    bad = CliRunner().invoke(app, ["convert", str(SRT), "-o", str(tmp_path), "--language", "klingon"])
    assert bad.exit_code == 2 and "unknown --language 'klingon'" in bad.output


def test_documents_record_their_language(corpus):
    assert load_document(SAMPLES / "therapeutic-alliance-notes.pdf").language == "en"
    assert load_document(corpus / "office" / "library-carpentry-git-workshop-handout.docx").language == "en"
    assert load_document(SRT).language == "zh"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Die Zelle ist die kleinste lebende Einheit. Sie besteht aus Zytoplasma und einer Membran.", "de"),
        ("La cellule est la plus petite unité vivante. Elle contient le cytoplasme.", "fr"),
        ("Клетка является наименьшей единицей жизни. Она окружена мембраной.", "ru"),
        ("الخلية هي أصغر وحدة حية. وهي محاطة بغشاء.", "ar"),
        ("เซลล์เป็นหน่วยที่เล็กที่สุดของสิ่งมีชีวิต", "th"),
        ("細胞は生命の最小単位である。細胞膜に囲まれている。", "ja"),
    ],
)
def test_detector_names_the_language(text, code):
    assert detect_language(text) == code


def test_language_helpers():
    assert language_code("DE") == "de" and language_code("german") == "de" and language_name("zh") == "Chinese"
    assert detect_language("12 34 !!") == ""
    long = ["alpha " * 300, "beta " * 300, "gamma " * 300]
    picked = sample(long, limit=1000)
    assert len(picked) <= 1000 and "alpha" in picked and "gamma" in picked
