"""Hostile inputs, generated small on disk: packages whose parts inflate to huge sizes, lying ZIP headers, huge
chapters, entity bombs, pages far too large (sparse files)."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

_P = b'<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t>Photosynthesis turns light into sugar.</w:t></w:r></w:p>'


def docx(path: Path, paragraphs: int = 40, *, body: bytes | None = None, repeat: int = 0) -> Path:
    """A Word document of ``paragraphs`` styled paragraphs; ``body`` repeated ``repeat`` times instead (streamed)."""
    import docx as python_docx

    small = path.with_suffix(".base.docx")
    document = python_docx.Document()
    document.add_heading("Photosynthesis", 1)
    for i in range(3):
        document.add_paragraph(f"Plants make sugar from light, water and carbon dioxide in step {i}.", style="List Bullet")
    document.save(small)
    if not repeat:
        body, repeat = _P, paragraphs
    _replace(small, path, "word/document.xml", _wrap_docx(body, repeat))
    small.unlink()
    return path


def _wrap_docx(body: bytes, repeat: int):
    ns = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    yield b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ' + ns + b"><w:body>"
    yield b'<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Photosynthesis</w:t></w:r></w:p>'
    block = body * 1000
    for _ in range(repeat // 1000):
        yield block
    yield body * (repeat % 1000)
    yield b"</w:body></w:document>"


def _replace(source: Path, target: Path, member: str, chunks) -> None:
    """Copy a package, with ``member`` written from ``chunks`` (streamed, never whole in memory)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
        for info in zin.infolist():
            if info.filename == member:
                target_info = zipfile.ZipInfo(member)
                target_info.compress_type = zipfile.ZIP_DEFLATED
                with zout.open(target_info, "w", force_zip64=True) as out:
                    for chunk in chunks:
                        out.write(chunk)
            else:
                zout.writestr(info, zin.read(info), zipfile.ZIP_DEFLATED)


def lying_member(path: Path, claimed: int = 1000, real: int = 200 << 20) -> Path:
    """A Word document whose document.xml's headers claim ``claimed`` bytes but whose data inflates to ``real``."""
    docx(path, body=_P, repeat=real // len(_P))
    data = bytearray(path.read_bytes())
    name = b"word/document.xml"
    at = 0
    while (at := data.find(name, at + 1)) != -1:  # local header (sig PK\3\4) and central directory (PK\1\2)
        if data[at - 30 : at - 26] == b"PK\x03\x04":
            struct.pack_into("<I", data, at - 30 + 22, claimed)
        elif data[at - 46 : at - 42] == b"PK\x01\x02":
            struct.pack_into("<I", data, at - 46 + 24, claimed)
    path.write_bytes(bytes(data))
    return path


def many_parts(path: Path, parts: int = 20_001) -> Path:
    with zipfile.ZipFile(path, "w") as zout:
        for i in range(parts):
            zout.writestr(f"p/{i}.bin", b"")
    return path


def epub(path: Path, chapters: list[bytes]) -> Path:
    """An EPUB whose chapters are the given XHTML documents."""
    from ebooklib import epub as ebooklib_epub

    book = ebooklib_epub.EpubBook()
    book.set_identifier("hostile")
    book.set_title("Hostile book")
    book.set_language("en")
    items = []
    for i, _ in enumerate(chapters):
        item = ebooklib_epub.EpubHtml(title=f"Chapter {i + 1}", file_name=f"c{i}.xhtml", lang="en")
        item.content = "<html><body><p>placeholder</p></body></html>"
        book.add_item(item)
        items.append(item)
    book.toc = items
    book.add_item(ebooklib_epub.EpubNcx())
    book.add_item(ebooklib_epub.EpubNav())
    book.spine = ["nav", *items]
    small = path.with_suffix(".base.epub")
    ebooklib_epub.write_epub(str(small), book)
    current = small
    for i, content in enumerate(chapters):
        step = path.with_suffix(f".{i}.epub")
        _replace(current, step, f"EPUB/c{i}.xhtml", [content])
        current.unlink()
        current = step
    current.rename(path)
    return path


def chapter(text: str) -> bytes:
    return f"<html><body><h1>{text[:40]}</h1><p>{text}</p></body></html>".encode()


def huge_text_chapter(megabytes: int = 12) -> bytes:
    """A chapter whose one paragraph is larger than libxml2 takes in one text node (10 MB)."""
    return b"<html><body><h1>Huge</h1><p>" + b"word " * (megabytes << 18) + b"</p></body></html>"


def laughs_epub(path: Path) -> Path:
    """An EPUB whose package document is a billion-laughs entity bomb."""
    lol = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)]
    opf = (
        f'<?xml version="1.0"?><!DOCTYPE package [{"".join(lol)}]>'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>&lol9;</dc:title>'
        '<dc:identifier id="id">x</dc:identifier></metadata><manifest/><spine/></package>'
    )
    container = (
        '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
        '<rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>'
    )
    with zipfile.ZipFile(path, "w") as zout:
        zout.writestr("mimetype", "application/epub+zip")
        zout.writestr("META-INF/container.xml", container)
        zout.writestr("content.opf", opf)
    return path


def sparse_page(path: Path, size: int) -> Path:
    """A web page of ``size`` bytes that takes no room on disk (a sparse file)."""
    with path.open("wb") as out:
        out.write(b"<html><body><p>")
        out.truncate(size)
    return path


def many_chapters_epub(path: Path, chapters: int = 19_000) -> Path:
    """An EPUB of ``chapters`` tiny chapters (written directly: EbookLib takes minutes to write them)."""
    items = "".join(f'<item id="c{i}" href="c{i}.xhtml" media-type="application/xhtml+xml"/>' for i in range(chapters))
    spine = "".join(f'<itemref idref="c{i}"/>' for i in range(chapters))
    opf = (
        '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Many chapters</dc:title>'
        f'<dc:identifier id="id">x</dc:identifier><dc:language>en</dc:language></metadata><manifest>{items}</manifest>'
        f"<spine>{spine}</spine></package>"
    )
    container = (
        '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
        '<rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        zout.writestr("mimetype", "application/epub+zip")
        zout.writestr("META-INF/container.xml", container)
        zout.writestr("content.opf", opf)
        for i in range(chapters):
            text = f"Chapter {i} explains how enzyme number {i} speeds up one reaction in the cell."
            zout.writestr(f"c{i}.xhtml", chapter(text))
    return path
