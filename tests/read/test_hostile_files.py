"""Hostile files (issue 19), each generated small on disk: refused or read with one clear line, fast, bounded.

The memory bound of the packages that inflate to huge sizes is proven end to end (a CLI run under an
address-space limit) in tests/test_hostile_runs.py; here each reader's answer is checked.
"""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest
from fakes import hostile_files as hostile

from seekh_convert.errors import InputError
from seekh_convert.model.document import BlockKind
from seekh_convert.read import read

MAX_XML_PART = 64 << 20  # read.container.MAX_XML_PART


def test_a_word_body_of_100_mb_is_refused_at_once_naming_the_part(tmp_path):
    path = hostile.docx(tmp_path / "big.docx", body=hostile._P, repeat=(100 << 20) // len(hostile._P))
    assert path.stat().st_size < 2 << 20
    started = time.monotonic()
    with pytest.raises(InputError, match=r"big.docx: its part word/document.xml unpacks to more than 64 MB of XML"):
        read(path)
    assert time.monotonic() - started < 30


def test_a_slide_of_100_mb_is_refused_like_a_word_body(tmp_path):
    from pptx import Presentation

    deck = Presentation()
    deck.slides.add_slide(deck.slide_layouts[1]).shapes.title.text = "Vectors"
    base = tmp_path / "base.pptx"
    deck.save(base)
    shape = b"<a:p><a:r><a:t>A vector has a magnitude and a direction.</a:t></a:r></a:p>"
    path = tmp_path / "big.pptx"
    hostile._replace(base, path, "ppt/slides/slide1.xml", [b"<x>", shape * ((MAX_XML_PART + (1 << 20)) // len(shape)), b"</x>"])
    with pytest.raises(InputError, match=r"big.pptx: its part ppt/slides/slide1.xml unpacks to more than 64 MB"):
        read(path)


def test_a_part_whose_header_understates_its_size_is_refused_after_inflating_a_little(tmp_path):
    path = hostile.lying_member(tmp_path / "lie.docx", claimed=1000, real=200 << 20)
    with pytest.raises(InputError, match=r"lie.docx is not a readable Word document \(a damaged ZIP package: Bad CRC-32"):
        read(path)


def test_the_part_count_limit_says_parts_not_megabytes(tmp_path):
    with pytest.raises(InputError, match=r"holds 20,001 parts, more than 20,000") as caught:
        read(hostile.many_parts(tmp_path / "parts.docx"))
    assert "MB" not in str(caught.value)


def test_word_styles_are_looked_up_once_per_style_not_per_paragraph(tmp_path, monkeypatch):
    from docx.styles.styles import Styles

    calls = []
    original = Styles.get_by_id
    monkeypatch.setattr(Styles, "get_by_id", lambda self, *a, **k: calls.append(1) or original(self, *a, **k))
    doc = read(hostile.docx(tmp_path / "many.docx", paragraphs=2000))
    assert sum(b.kind is BlockKind.LIST_ITEM for b in doc.raw_blocks) == 2000
    assert len(calls) < 20  # was several per paragraph (python-docx scans every style on each look-up)


def test_an_epub_chapter_the_parser_drops_is_a_loss_with_a_warning_not_silently_gone(tmp_path):
    good = hostile.chapter("Light reactions make ATP and NADPH in the thylakoid membranes of the chloroplast. " * 3)
    doc = read(hostile.epub(tmp_path / "book.epub", [good, hostile.huge_text_chapter(12)]))
    assert any("thylakoid" in b.text for b in doc.raw_blocks)
    assert len(doc.losses) == 1
    assert "chapter 'Chapter 2' could not be read" in doc.losses[0] and "left out" in doc.losses[0]


def test_an_epub_entity_bomb_gets_a_clear_line(tmp_path):
    with pytest.raises(InputError, match=r"laughs.epub: its part content.opf declares XML entities \(an entity bomb\?\)"):
        read(hostile.laughs_epub(tmp_path / "laughs.epub"))


def test_a_web_page_of_200_mb_is_refused_before_it_is_read(tmp_path):
    path = hostile.sparse_page(tmp_path / "page.html", 200 << 20)
    with pytest.raises(InputError, match=r"page.html is 210 MB, more than a web page holds \(20 MB at most\)"):
        read(path)


def test_part_names_in_messages_are_printed_escaped(tmp_path):
    path = tmp_path / "odd.docx"
    base = hostile.docx(tmp_path / "base.docx", paragraphs=3)
    hostile._replace(base, path, "word/document.xml", [b"<x>", b"<y/>" * ((MAX_XML_PART + 100) // 4), b"</x>"])
    import zipfile

    renamed = tmp_path / "renamed.docx"
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(renamed, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            name = "word/\u202edocument\n.xml" if info.filename == "word/document.xml" else info.filename
            zout.writestr(name, zin.read(info))
    with pytest.raises(InputError) as caught:
        read(renamed)
    assert "\\u202e" in str(caught.value) and "\n" not in str(caught.value)


def test_fixture_files_stay_small_on_disk(tmp_path):
    assert hostile.docx(tmp_path / "a.docx", body=hostile._P, repeat=(100 << 20) // len(hostile._P)).stat().st_size < 2 << 20
    assert Path(hostile.sparse_page(tmp_path / "p.html", 200 << 20)).stat().st_blocks * 512 < 1 << 20


def test_a_part_whose_deflate_stream_is_broken_is_one_line_not_a_zlib_error(tmp_path):
    """A flipped bit in a compressed part: zlib's own error becomes the damaged-package line (found by the fuzz test)."""
    from seekh_convert.read.container import check_archive

    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document>" + "text " * 2000 + "</w:document>")
    data = bytearray(path.read_bytes())
    data[30 + len("word/document.xml")] = 0x07  # first deflate block: BFINAL=1, BTYPE=11 (reserved): invalid
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match=r"broken\.docx is not a readable Word document \(a damaged ZIP package"):
        check_archive(path, "Word document")
