"""Property-based tests: random bytes and mutated real files, fed to every reader (and the stages after it).

Whatever the bytes, loading a file either works or raises the tool's own one-line ``InputError``; it never
raises anything else and never hangs (Hypothesis' deadline fails an example that runs too long). ZIP-based
formats are mutated inside their XML parts too, so the parsers behind the archive check get bad input as well.
Examples are derandomized: every run tries the same inputs, so a commit is green or red, never by chance.
"""

from __future__ import annotations

import functools
import io
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import CORPUS, SAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seekh_convert.errors import SeekhError
from seekh_convert.pipeline import Options, load_document

FUZZ = settings(
    max_examples=20,
    deadline=timedelta(seconds=30),
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SUFFIXES = (".pdf", ".docx", ".pptx", ".html", ".epub", ".vtt", ".srt", ".md")


def _small_deck() -> bytes:
    from pptx import Presentation

    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = "Vectors"
    slide.placeholders[1].text = "A vector has a magnitude and a direction. Forces and velocities are vectors."
    slide.notes_slide.notes_text_frame.text = "Ask the class for an example of a scalar quantity and a vector quantity."
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def _small_book() -> bytes:
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier("fuzz")
    book.set_title("Fuzz")
    chapter = epub.EpubHtml(title="One", file_name="one.xhtml")
    chapter.content = "<html><body><h1>One</h1><p>" + "A cell is the smallest unit of life. " * 8 + "</p></body></html>"
    book.add_item(chapter)
    book.toc = (epub.Link("one.xhtml", "One", "one"),)
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", chapter]
    buffer = io.BytesIO()
    epub.write_epub(buffer, book)
    return buffer.getvalue()


PAGE = (
    "<html><head><title>Cells</title></head><body><nav><a href='/'>Home</a></nav><main><h1>Cells</h1>"
    + "<p>A cell is the smallest unit of life and every organism is made of cells. Cells divide to grow.</p>" * 3
    + "<ul><li>Membrane</li><li>Nucleus</li></ul><table><tr><td>a</td><td>b</td></tr></table></main></body></html>"
)


_CORPUS_SEEDS = {
    ".pdf": ("pdf/zen_of_python_corrupted.pdf", None),
    ".docx": ("office/library-carpentry-git-workshop-handout.docx", None),
    ".srt": ("transcripts/chinese-gb2312-encoded.srt", None),
    ".md": ("text/psychology__openstax-psychology-2e__ch08-memory.md", 4000),
}


@functools.cache
def _seed(suffix: str) -> bytes:
    """The real file a fuzz test mutates, read when a test first needs it (corpus ones skip without the corpus)."""
    if suffix in _CORPUS_SEEDS:
        name, limit = _CORPUS_SEEDS[suffix]
        return (CORPUS / name).read_bytes()[:limit]
    built = {".pptx": _small_deck, ".epub": _small_book, ".html": lambda: PAGE.encode("utf-8")}
    if suffix in built:
        return built[suffix]()
    return (SAMPLES / "memory-lecture.vtt").read_bytes()[:3000]


def _load(tmp_path: Path, suffix: str, data: bytes) -> None:
    path = tmp_path / f"fuzzed{suffix}"
    path.write_bytes(data)
    try:
        load_document(path, Options(max_pages=50))
    except SeekhError as exc:
        message = str(exc)
        assert message and "\n" not in message and path.name in message, message


# -- mutations ---------------------------------------------------------------------------------------------

_edit = st.tuples(
    st.sampled_from(["flip", "insert", "delete", "truncate", "repeat"]), st.floats(0, 1), st.binary(min_size=1, max_size=8)
)


def _mutate(data: bytes, edits) -> bytes:
    out = bytearray(data)
    for op, where, payload in edits:
        if not out:
            out = bytearray(payload)
            continue
        i = min(int(where * len(out)), len(out) - 1)
        if op == "flip":
            out[i : i + len(payload)] = bytes(a ^ b for a, b in zip(out[i : i + len(payload)], payload))
        elif op == "insert":
            out[i:i] = payload
        elif op == "delete":
            del out[i : i + len(payload) * 16]
        elif op == "truncate":
            del out[max(1, i) :]
        else:
            out[i:i] = out[i : i + 64]
    return bytes(out)


def _mutate_inside(archive: bytes, part_choice: float, edits) -> bytes:
    """Rewrite a ZIP package with one of its XML parts mutated (the archive itself stays valid)."""
    with zipfile.ZipFile(io.BytesIO(archive)) as source:
        names = [n for n in source.namelist() if n.endswith((".xml", ".xhtml", ".html", ".opf", ".ncx", ".rels"))]
        target = names[min(int(part_choice * len(names)), len(names) - 1)]
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
            for info in source.infolist():
                data = source.read(info)
                out.writestr(info.filename, _mutate(data, edits) if info.filename == target else data)
    return buffer.getvalue()


@pytest.mark.parametrize("suffix", SUFFIXES)
@FUZZ
@given(data=st.binary(max_size=3000))
def test_random_bytes_never_crash_a_reader(tmp_path, suffix, data):
    _load(tmp_path, suffix, data)


@pytest.mark.parametrize("suffix", SUFFIXES)
@FUZZ
@given(edits=st.lists(_edit, min_size=1, max_size=6))
def test_mutated_real_files_never_crash_a_reader(tmp_path, suffix, edits):
    _load(tmp_path, suffix, _mutate(_seed(suffix), edits))


@pytest.mark.parametrize("suffix", [".docx", ".pptx", ".epub"])
@FUZZ
@given(part=st.floats(0, 1), edits=st.lists(_edit, min_size=1, max_size=6))
def test_mutated_parts_inside_packages_never_crash_a_reader(tmp_path, suffix, part, edits):
    _load(tmp_path, suffix, _mutate_inside(_seed(suffix), part, edits))


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_the_seeds_themselves_load(tmp_path, suffix):
    """The unmutated seeds convert (so the mutations start from files the readers really read)."""
    path = tmp_path / f"seed{suffix}"
    path.write_bytes(_seed(suffix))
    assert load_document(path).blocks, suffix
