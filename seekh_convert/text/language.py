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
    """py3langid's identifier on its own model, its tables kept as the NumPy arrays the file holds: 65 MiB
    instead of 85 (130 while loading), and all of it goes back to the system on ``release`` (py3langid's own
    loader copies the state table into a Python array and the outputs into a list of ints)."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    try:
        ptc, pc, classes, nextmove, row, output = _model_arrays(MODEL_DIR / MODEL_FILE)
    except (OSError, KeyError, ValueError):  # another layout: py3langid's own loader
        return LanguageIdentifier.from_model_file(MODEL_FILE)
    return LanguageIdentifier(ptc, pc, classes, nextmove, output, tk_row=row)


def _model_arrays(path):
    """(nb_ptc, nb_pc, classes, nextmove, row, out_feat) of py3langid's ``model.npz.xz``, unpacked through a
    temporary file as py3langid does."""
    import lzma
    import shutil
    import tempfile

    import numpy as np

    with tempfile.TemporaryFile(suffix=".npz") as tmp:
        with lzma.open(path) as src:
            shutil.copyfileobj(src, tmp, length=1 << 20)
        tmp.seek(0)
        with np.load(tmp, allow_pickle=False) as data:
            rows = data["nextmove_row"].tolist()  # Python ints: py3langid shifts them by 8 bits
            return data["ptc"], data["pc"], data["classes"].tolist(), data["nextmove"], rows, data["out_feat"]


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
