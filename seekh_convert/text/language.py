"""A document's language: py3langid (its model ships inside the wheel; nothing is downloaded), on a sample of
the document's prose, with English names for the codes it returns (for prompts and messages)."""

from __future__ import annotations

import threading
from functools import lru_cache

_LOCK = threading.Lock()
_keep = True  # False: the model is dropped after each detection (``unload_after_use``)
#: Characters of text the detector reads (spread over the document): plenty for a confident answer.
SAMPLE_CHARS = 6000

NAMES = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "ca": "Catalan", "cs": "Czech",
    "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek", "en": "English", "es": "Spanish",
    "et": "Estonian", "eu": "Basque", "fa": "Persian", "fi": "Finnish", "fr": "French", "ga": "Irish",
    "gl": "Galician", "gu": "Gujarati", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian",
    "hy": "Armenian", "id": "Indonesian", "is": "Icelandic", "it": "Italian", "ja": "Japanese", "ka": "Georgian",
    "kk": "Kazakh", "km": "Khmer", "kn": "Kannada", "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian",
    "mk": "Macedonian", "ml": "Malayalam", "mn": "Mongolian", "mr": "Marathi", "ms": "Malay", "mt": "Maltese",
    "nb": "Norwegian", "ne": "Nepali", "nl": "Dutch", "no": "Norwegian", "pa": "Punjabi", "pl": "Polish",
    "ps": "Pashto", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "si": "Sinhala", "sk": "Slovak",
    "sl": "Slovenian", "sq": "Albanian", "sr": "Serbian", "sv": "Swedish", "sw": "Swahili", "ta": "Tamil",
    "te": "Telugu", "th": "Thai", "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu",
    "vi": "Vietnamese", "zh": "Chinese",
}  # fmt: skip


def language_name(code: str) -> str:
    """``"de"`` -> ``"German"``; an unknown code stays as it is."""
    return NAMES.get(code.lower(), code)


def sample(texts: list[str], limit: int = SAMPLE_CHARS) -> str:
    """Up to ``limit`` characters taken evenly from ``texts`` (beginning, middle and end of a document)."""
    total = sum(len(t) for t in texts)
    if total <= limit:
        return "\n".join(texts)
    step = total / limit
    picked, budget, seen = [], 0.0, 0
    for text in texts:
        seen += len(text)
        if seen >= budget:
            picked.append(text[:600])
            budget = seen + 600 * step
    return "\n".join(picked)[:limit]


def detect_language(text: str) -> str:
    """ISO 639-1 code of the main language of ``text`` ("" when there is no text to judge)."""
    if not any(c.isalpha() for c in text):
        return ""
    with _LOCK:  # the identifier keeps state between calls; documents are read in parallel threads
        code, _ = _identifier().classify(text)
        if not _keep:
            _identifier.cache_clear()
    return str(code)


def unload_after_use() -> None:
    """Drop the model after each detection from now on, in a process that reads one input and ends: what comes
    after (splitting the book, 352 pages: 213 instead of 231 MiB at most) runs without it."""
    global _keep
    _keep = False


@lru_cache(maxsize=1)
def _identifier():
    """py3langid's identifier on its own model, its tables memory-mapped from the unpacked model file: a detection
    reads only the rows of the states and features its sample visits, so about 10 MiB of the 65 are ever resident
    (85 with py3langid's own loader, 130 while loading), and all of it goes back on ``release``."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    try:
        ptc, pc, classes, nextmove, row, output = _model_arrays(MODEL_DIR / MODEL_FILE)
    except (OSError, KeyError, ValueError):  # another layout: py3langid's own loader
        return LanguageIdentifier.from_model_file(MODEL_FILE)
    return LanguageIdentifier(ptc, pc, classes, nextmove, output, tk_row=row)


def _model_arrays(path):
    """(nb_ptc, nb_pc, classes, nextmove, row, out_feat) of py3langid's ``model.npz.xz``, unpacked into a temporary
    file as py3langid does, each array mapped from it (its members are stored, not compressed). The file is
    unlinked at once: the mappings keep it until the arrays are freed (where the temporary folder is in memory, a
    tmpfs, its 65 MiB stay there until then, outside the process: as much as the model read whole)."""
    import lzma
    import shutil
    import tempfile

    with tempfile.TemporaryFile(suffix=".npz") as tmp:
        with lzma.open(path) as src:
            shutil.copyfileobj(src, tmp, length=1 << 20)
        tmp.flush()
        data = _mapped_npz(tmp)
    rows = data["nextmove_row"].tolist()  # Python ints: py3langid shifts them by 8 bits
    return data["ptc"], data["pc"], data["classes"].tolist(), data["nextmove"], rows, data["out_feat"]


def _mapped_npz(file) -> dict:
    """Every array of an uncompressed ``.npz`` open as ``file``, memory-mapped (read-only); ``ValueError`` when a
    member is compressed."""
    import struct
    import zipfile

    import numpy as np
    from numpy.lib import format as npy

    arrays = {}
    with zipfile.ZipFile(file) as archive:
        members = archive.infolist()
    for member in members:
        if member.compress_type != zipfile.ZIP_STORED or not member.filename.endswith(".npy"):
            raise ValueError(f"{member.filename}: not a stored .npy member")
        file.seek(member.header_offset)
        local = file.read(30)
        if local[:4] != b"PK\x03\x04":
            raise ValueError(f"{member.filename}: no local header")
        name_length, extra_length = struct.unpack("<HH", local[26:30])
        file.seek(member.header_offset + 30 + name_length + extra_length)
        version = npy.read_magic(file)
        if version not in ((1, 0), (2, 0)):
            raise ValueError(f"{member.filename}: .npy format {version}")
        read_header = npy.read_array_header_1_0 if version == (1, 0) else npy.read_array_header_2_0
        shape, fortran, dtype = read_header(file)
        if dtype.hasobject:
            raise ValueError(f"{member.filename}: holds Python objects")
        order = "F" if fortran else "C"
        offset = file.tell()
        arrays[member.filename[:-4]] = np.memmap(file, dtype=dtype, mode="r", offset=offset, shape=shape, order=order)
    return arrays


def release() -> None:
    """Drop the loaded model (about 80 MiB): the main process reads small text files only now and then, and its
    memory then goes to generating; the next detection loads the model again."""
    with _LOCK:
        _identifier.cache_clear()


def language_code(value: str) -> str:
    """``"de"``, ``"DE"`` or ``"German"`` -> ``"de"``; ``ValueError`` naming the accepted forms otherwise."""
    wanted = value.strip().lower()
    if wanted in NAMES:
        return wanted
    for code, name in NAMES.items():
        if name.lower() == wanted:
            return code
    raise ValueError(f"unknown --language {value!r}; use an ISO 639-1 code such as en, de, fr, zh")
