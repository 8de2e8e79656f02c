"""Loading: which files a run reads, and one-line errors for inputs that cannot be read."""

import pytest

from seekh_convert.errors import InputError
from seekh_convert.pipeline import Selection, expand_inputs, find_inputs, load_document


def test_folders_expand_to_their_supported_files(tmp_path):
    (tmp_path / "course" / "week1").mkdir(parents=True)
    (tmp_path / "course" / ".git").mkdir()
    for name in ("course/week1/b.pdf", "course/a.vtt", "course/notes.rtf", "course/.git/x.md", "course/week1/c.MD"):
        (tmp_path / name).write_text(f"content of {name}")
    (tmp_path / "empty").mkdir()
    found = expand_inputs([tmp_path / "course", tmp_path / "empty", tmp_path / "explicit.rtf"])
    rel = [p.relative_to(tmp_path).as_posix() for p in found]
    assert rel == ["course/a.vtt", "course/week1/b.pdf", "course/week1/c.MD", "empty", "explicit.rtf"]


def test_every_file_left_out_of_a_folder_says_why(tmp_path):
    course = tmp_path / "course"
    (course / "audio").mkdir(parents=True)
    (course / ".git").mkdir()
    files = {
        "week1.md": "# Week 1\n\nCells are small.",
        "zz-copy-of-week1.md": "# Week 1\n\nCells are small.",
        "grades.xlsx": "binary",
        "audio/lecture.mp3": "sound",
        ".DS_Store": "x",
        ".git/config": "y",
        "draft-week2.md": "# Draft",
        "slides.pptx": "deck",
    }
    for name, text in files.items():
        (course / name).write_text(text)
    found, skipped = find_inputs([course], Selection(exclude=("draft-*",)))
    assert [p.relative_to(course).as_posix() for p in found] == ["audio/lecture.mp3", "slides.pptx", "week1.md"]
    reasons = {s.path.relative_to(course).as_posix(): s.reason for s in skipped}
    assert set(reasons) == {"zz-copy-of-week1.md", "grades.xlsx", ".DS_Store", ".git", "draft-week2.md"}
    assert "same content as week1.md, converted once" in reasons["zz-copy-of-week1.md"]
    assert "unsupported file type '.xlsx'" in reasons["grades.xlsx"]
    assert "hidden file" in reasons[".DS_Store"] and "hidden folder" in reasons[".git"]
    assert "excluded by --exclude 'draft-*'" in reasons["draft-week2.md"]
    assert all("\n" not in r and rel.rsplit("/", 1)[-1] in r for rel, r in reasons.items())


def test_include_globs_keep_only_matching_files(tmp_path):
    for name in ("a.md", "b.pptx", "sub/c.pptx"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(name)
    found, skipped = find_inputs([tmp_path], Selection(include=("*.pptx",)))
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["b.pptx", "sub/c.pptx"]
    assert [s.path.name for s in skipped] == ["a.md"] and "not matched by --include '*.pptx'" in skipped[0].reason


def test_the_same_file_named_twice_is_converted_once(tmp_path):
    one = tmp_path / "one.md"
    one.write_text("# One\n\nText.")
    found, skipped = find_inputs([one, one])
    assert found == [one] and len(skipped) == 1


@pytest.mark.parametrize(
    "name, message",
    [
        ("missing.pdf", "no such file"),
        ("folder", "folder holds no supported files"),
        ("notes.rtf", "unsupported file type '.rtf'"),
        ("talk.mp4", "a recording; use the transcript.vtt written beside its guides instead"),
        ("empty.md", r"empty \(0 bytes\)"),
    ],
)
def test_unreadable_inputs_are_one_line_input_errors(tmp_path, name, message):
    (tmp_path / "folder").mkdir()
    (tmp_path / "notes.rtf").write_bytes(b"PK")
    (tmp_path / "talk.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")
    (tmp_path / "empty.md").write_bytes(b"")
    with pytest.raises(InputError, match=message) as info:
        load_document(tmp_path / name)
    assert name in str(info.value) and "\n" not in str(info.value)


def test_a_file_that_decrypts_to_a_few_words_has_too_little_text(corpus):
    from seekh_convert.pipeline import Options

    path = corpus / "pdf" / "encrypted-aes256-user-baz-owner-foo.pdf"
    with pytest.raises(InputError) as info:
        load_document(path, Options(password="baz"))
    message = str(info.value)
    assert message.startswith(f"{path.name} has too little text to study (1 word: ")
    assert "punctuation" not in message and "engine" not in message and "\n" not in message
