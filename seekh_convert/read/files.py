"""Text files as read from disk: bytes decoded (UTF-8, UTF-16 with BOM, else the likeliest encoding)."""

from __future__ import annotations

from pathlib import Path

from charset_normalizer import from_bytes

from seekh_convert.errors import InputError


def decode_text(data: bytes, path: Path) -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 with BOM, else charset-normalizer's best guess."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{path.name}: cannot tell the text encoding; save it as UTF-8 and try again")
    return str(best)


def read_text_file(path: Path) -> str:
    """Read and decode ``path``; raise ``InputError`` when it is unreadable or binary."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path.name}: cannot read the file ({exc.strerror or exc}); check the path") from exc
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{path.name}: looks like a binary file, not text; pass a .md, .txt, .vtt or .srt file")
    return decode_text(data, path)
