"""Loading: which files a run reads, and one-line errors for inputs that cannot be read."""

import pytest

from seekh_convert.errors import InputError
from seekh_convert.pipeline import expand_inputs, load_document


def test_folders_expand_to_their_supported_files(tmp_path):
    (tmp_path / "course" / "week1").mkdir(parents=True)
    (tmp_path / "course" / ".git").mkdir()
    for name in ("course/week1/b.pdf", "course/a.vtt", "course/notes.rtf", "course/.git/x.md", "course/week1/c.MD"):
        (tmp_path / name).write_text("x")
    (tmp_path / "empty").mkdir()
    found = expand_inputs([tmp_path / "course", tmp_path / "empty", tmp_path / "explicit.rtf"])
    rel = [p.relative_to(tmp_path).as_posix() for p in found]
    assert rel == ["course/a.vtt", "course/week1/b.pdf", "course/week1/c.MD", "empty", "explicit.rtf"]


@pytest.mark.parametrize(
    "name, message",
    [
        ("missing.pdf", "no such file"),
        ("folder", "folder holds no supported files"),
        ("notes.rtf", "unsupported file type '.rtf'"),
    ],
)
def test_unreadable_inputs_are_one_line_input_errors(tmp_path, name, message):
    (tmp_path / "folder").mkdir()
    (tmp_path / "notes.rtf").write_bytes(b"PK")
    with pytest.raises(InputError, match=message) as info:
        load_document(tmp_path / name)
    assert name in str(info.value) and "\n" not in str(info.value)
