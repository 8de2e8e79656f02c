import json

import pytest
from conftest import make_guide_dict
from pydantic import ValidationError

from seekh_convert.files import atomic_write_text, slugify
from seekh_convert.model.guide import StudyGuide
from seekh_convert.write.json import JsonWriter
from seekh_convert.write.markdown import MarkdownWriter


@pytest.mark.parametrize(
    "title, slug",
    [
        ("Newton's First Law", "newtons-first-law"),
        ("../../etc/passwd", "etc-passwd"),
        ("Ménière’s disease", "menieres-disease"),
        ("  ", "topic"),
        ("日本語", "topic"),
        ("a" * 200, "a" * 60),
    ],
)
def test_slugify_is_safe_for_paths(title, slug):
    assert slugify(title) == slug


def test_atomic_write_leaves_no_temp_files(tmp_path):
    target = tmp_path / "sub" / "x.json"
    atomic_write_text(target, "one")
    atomic_write_text(target, "two")
    assert target.read_text() == "two"
    assert [p.name for p in target.parent.iterdir()] == ["x.json"]


def test_json_writer_round_trips(tmp_path):
    guide = StudyGuide.model_validate(make_guide_dict())
    path = JsonWriter()(guide, tmp_path)
    again = StudyGuide.model_validate(json.loads(path.read_text()))
    assert again == guide


def test_schema_rejects_a_guide_with_an_empty_section():
    with pytest.raises(ValidationError):
        StudyGuide.model_validate(make_guide_dict(flashcards=[]))


def test_markdown_escapes_untrusted_text(tmp_path):
    evil = "<script>alert(1)</script> [click](http://x) **bold**"
    data = make_guide_dict(topic=evil)
    data["definition"]["text"] = evil
    guide = StudyGuide.model_validate(data)
    text = MarkdownWriter()(guide, tmp_path).read_text()
    assert "<script>" not in text
    assert "[click](http" not in text
    assert "&lt;script&gt;" in text
    for heading in (
        "## Definition",
        "## Summary",
        "## Key Takeaways",
        "## What to Learn Next",
        "## Prerequisites",
        "## Real World Applications",
        "## Flashcards",
        "## Practice Questions",
    ):
        assert heading in text
    assert "p. 1" in text and "**Answer:** A. Therapeutic alliance." in text
    assert ".." not in text


def test_a_failed_write_is_one_output_error_naming_the_path(tmp_path):
    from seekh_convert.errors import OutputError

    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="cannot write .*guide.json") as info:
        atomic_write_text(blocker / "guide.json", "{}")
    assert "\n" not in str(info.value)
    assert [p.name for p in tmp_path.iterdir()] == ["file"]
