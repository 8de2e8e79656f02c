"""Word lists held compactly: the keys' 64-bit digests in a sorted numpy array, not the strings.

wordfreq keeps its English list as a dict of 321,000 words (and the list it came from): 34 MiB resident.
``compact_wordfreq`` makes wordfreq look words up in a ``DigestTable`` instead (3 MiB, the same frequencies).
"""

from __future__ import annotations

import hashlib
import io
import os
from array import array
from collections.abc import Iterable
from functools import cache
from pathlib import Path


def digest(word: str) -> int:
    """A stable 64-bit digest of ``word`` (collisions among a few hundred thousand words: about 1 in 10^8)."""
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


class DigestTable:
    """A read-only ``word -> value`` mapping (``in``, ``[]``, ``get``) over ``(word, int)`` pairs; a later pair
    for the same word wins, as in a dict."""

    def __init__(self, pairs: Iterable[tuple[str, int]], value=lambda code: code):
        import numpy as np

        keys, codes = array("Q"), array("q")  # 16 bytes a pair while reading (a list of Python ints: 64)
        for word, code in pairs:
            keys.append(digest(word))
            codes.append(code)
        hashes = np.frombuffer(keys, dtype=np.uint64)[::-1]  # reversed, so the last pair of a word comes first
        values = np.frombuffer(codes, dtype=np.int64)[::-1]
        order = np.argsort(hashes, kind="stable")
        hashes, values = hashes[order], values[order].astype(np.int32)
        del keys, codes, order
        first = np.ones(len(hashes), dtype=bool)
        first[1:] = hashes[1:] != hashes[:-1]
        self._hashes, self._values, self._value, self._key = hashes[first], values[first], value, np.uint64

    @classmethod
    def of_arrays(cls, hashes, values, value=lambda code: code) -> DigestTable:
        """A table over sorted, distinct ``hashes`` (uint64) and their ``values`` (int32), as ``arrays`` gives them."""
        import numpy as np

        table = cls.__new__(cls)
        table._hashes, table._values, table._value, table._key = hashes, values, value, np.uint64
        return table

    def arrays(self):
        """The sorted digests and their values (``of_arrays`` makes the table again)."""
        return self._hashes, self._values

    def _find(self, word: str) -> int:
        key = self._key(digest(word))  # a numpy uint64: a Python int would convert the whole array on each search
        at = int(self._hashes.searchsorted(key))
        return at if at < len(self._hashes) and self._hashes[at] == key else -1

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._find(word) >= 0

    def __getitem__(self, word: str):
        at = self._find(word)
        if at < 0:
            raise KeyError(word)
        return self._value(int(self._values[at]))

    def get(self, word: str, default=None):
        at = self._find(word)
        return default if at < 0 else self._value(int(self._values[at]))

    def __len__(self) -> int:
        return len(self._hashes)


def compact_wordfreq() -> None:
    """Make wordfreq read its frequencies from a ``DigestTable`` (built once per list, from the same file)."""
    import wordfreq

    if getattr(wordfreq.get_frequency_dict, "compact", False):
        return

    @cache
    def get_frequency_dict(lang: str, wordlist: str = "best", match_cutoff: None = None) -> DigestTable:
        return _stored_table(lang, wordlist)

    get_frequency_dict.compact = True  # type: ignore[attr-defined]
    wordfreq.get_frequency_dict = get_frequency_dict


def _stored_table(lang: str, wordlist: str) -> DigestTable:
    """The frequency table of wordfreq's list file, built once and kept in the user cache folder beside the file's
    size and time (each process of a run built it anew: 0.36 s for English; read back: a few milliseconds, memory
    mapped and shared between processes). A cache that cannot be read or written is rebuilt, never an error."""
    import numpy as np

    source = _list_file(lang, wordlist)
    folder = _cache_folder()
    if source is None or folder is None:
        return DigestTable(_buckets(lang, wordlist), _cb_frequency)
    stat = source.stat()
    key = hashlib.blake2b(f"{source}|{stat.st_size}|{stat.st_mtime_ns}|1".encode(), digest_size=8).hexdigest()
    hashes_file, values_file = folder / f"wordfreq-{key}.hashes.npy", folder / f"wordfreq-{key}.values.npy"
    try:
        hashes, values = np.load(hashes_file, mmap_mode="r"), np.load(values_file, mmap_mode="r")
        if hashes.dtype == np.uint64 and values.dtype == np.int32 and len(hashes) == len(values) > 0:
            return DigestTable.of_arrays(hashes, values, _cb_frequency)
    except (OSError, ValueError):
        pass
    table = DigestTable(_buckets(lang, wordlist), _cb_frequency)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        hashes, values = table.arrays()
        for target, array_ in ((values_file, values), (hashes_file, hashes)):  # hashes last: they mark it complete
            temporary = target.with_suffix(f".{os.getpid()}.tmp")
            with open(temporary, "wb") as out:
                np.save(out, array_)
            os.replace(temporary, target)
    except OSError:
        pass
    return table


def _list_file(lang: str, wordlist: str) -> Path | None:
    """The wordfreq list file ``_buckets`` reads for ``lang`` (None when there is none)."""
    import langcodes
    import wordfreq

    available = wordfreq.available_languages(wordlist)
    best, _ = langcodes.closest_match(lang, list(available), max_distance=60)
    return None if best == "und" else Path(available[best])


def _cache_folder() -> Path | None:
    try:
        import platformdirs

        return Path(platformdirs.user_cache_dir("seekh-convert")) / "wordlists"
    except Exception:
        return None


def _buckets(lang: str, wordlist: str):
    """``(word, centibel index)`` of wordfreq's list file (as ``read_cBpack`` reads it), unpacked a bucket at a time
    so that the 321,000 words are never all in memory as strings."""
    import gzip

    import langcodes
    import msgpack
    import wordfreq

    available = wordfreq.available_languages(wordlist)
    best, _ = langcodes.closest_match(lang, list(available), max_distance=60)
    if best == "und":
        raise LookupError(f"No wordlist {wordlist!r} available for language {lang!r}")
    with gzip.open(available[best], "rb") as infile:
        unpacker = msgpack.Unpacker(infile, raw=False)
        count = unpacker.read_array_header()
        header = unpacker.unpack()
        if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
            raise ValueError(f"Unexpected header: {header!r}")
        for index in range(count - 1):
            for word in unpacker.unpack():
                yield word, index


def _cb_frequency(index: int) -> float:
    from wordfreq import cB_to_freq

    return cB_to_freq(-index)


class LemmaTable:
    """lemminflect's lemma lookup (``word -> {upos: forms}``, read from its ``lemma_lu.csv.gz``) kept as the file's
    1.8 MB of text and a ``DigestTable`` of where each word's lines start, parsed on lookup: lemminflect's own
    dict of 80,000 entries takes 33 MiB."""

    def __init__(self, filename: str):
        import gzip

        from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec
        from lemminflect.core.LexicalUtils import categoryToUPos

        self._line, self._upos = LemmaLUCodec.fromString, categoryToUPos
        with gzip.open(filename, "rb") as infile:
            self._text = infile.read()
        self._starts = array("q")
        self._table = DigestTable(self._first_lines())
        self._starts.append(len(self._text))

    def _first_lines(self):
        """``(word, line number)`` of each word's first line, noting where every line starts (a line at a time)."""
        previous, at = None, 0
        for number, line in enumerate(io.BytesIO(self._text)):
            word = line.split(b",", 1)[0].decode()
            if word != previous:
                yield word, number
                previous = word
            self._starts.append(at)
            at += len(line)

    def get(self, word: str, default=None):
        first = self._table.get(word)
        if first is None:
            return default
        lemmas: dict[str, tuple[str, ...]] = {}
        starts = self._starts
        for index in range(first, len(starts) - 1):
            found, category, forms = self._line(self._text[starts[index] : starts[index + 1]].decode())
            if found != word:
                break
            lemmas[self._upos(category)] = forms
        return lemmas


def compact_lemminflect() -> None:
    """Give lemminflect's lemmatizer a ``LemmaTable`` before it loads its own dict."""
    from lemminflect.core.Lemmatizer import Lemmatizer

    lemmatizer = Lemmatizer()
    if not hasattr(lemmatizer, "lemma_dict"):
        lemmatizer.lemma_dict = LemmaTable(lemmatizer.lemma_lu_fn)
