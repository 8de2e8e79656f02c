"""The compact word lists (text.wordlists) answer exactly as wordfreq's and lemminflect's own dicts, and the
lexicon leaves spaCy out of processes that do not parse."""

from __future__ import annotations

import asyncio
import subprocess
import sys

import wordfreq
from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec
from lemminflect.core.Lemmatizer import Lemmatizer

from seekh_convert.pipeline.loader import DocumentLoader
from seekh_convert.text import language, lexicon
from seekh_convert.text.wordlists import DigestTable, LemmaTable


def test_digest_table_is_a_dict_where_the_last_pair_wins():
    table = DigestTable([("a", 1), ("b", 2), ("a", 3)])
    assert len(table) == 2 and table["a"] == 3 and table.get("b") == 2 and "c" not in table and table.get("c", 0) == 0


def test_wordfreq_frequencies_are_unchanged():
    lexicon.zipf("the")  # installs the compact list
    table = wordfreq.get_frequency_dict("en")
    assert isinstance(table, DigestTable)
    original = {}
    for index, bucket in enumerate(wordfreq.get_frequency_list.__wrapped__("en", "best")):
        for word in bucket:
            original[word] = wordfreq.cB_to_freq(-index)
    assert len(table) == len(original)
    assert all(table[word] == freq for word, freq in list(original.items())[::5])


def test_lemma_table_matches_lemminflect():
    lexicon.word_classes("leaves")
    lemmatizer = Lemmatizer()
    assert isinstance(lemmatizer.lemma_dict, LemmaTable)
    original = LemmaLUCodec.load(lemmatizer.lemma_lu_fn)
    assert all(lemmatizer.lemma_dict.get(word, {}) == lemmas for word, lemmas in original.items())
    assert lemmatizer.lemma_dict.get("qzxv", {}) == {}


def test_the_lexicon_does_not_import_spacy():
    code = (
        "import sys; from seekh_convert.text.lexicon import word_classes, zipf, plural;"
        "word_classes('leaves'); zipf('energy'); plural('contrabands'); print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_reads_in_the_main_process_free_the_language_model(tmp_path):
    def read(path, options):
        return language.detect_language("The cell is the basic unit of life, and every organism is made of cells.")

    assert asyncio.run(DocumentLoader(read, processes=0).load(tmp_path / "a.md", None)) == "en"
    assert language._identifier.cache_info().currsize == 0


def test_the_language_model_is_mapped_from_its_file_and_answers_as_py3langid():
    """The detector's tables (65 MiB) are memory-mapped, so only the rows a detection visits become resident; every
    answer is py3langid's own."""
    import numpy as np
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    language.release()
    ours = language._identifier()
    assert isinstance(ours.tk_nextmove, np.memmap) and isinstance(ours.nb_ptc, np.memmap)
    theirs = LanguageIdentifier.from_model_file(MODEL_FILE)
    texts = [
        "The cell is the basic unit of life, and every organism is made of cells.",
        "Der Hund läuft schnell über die Straße.",
        "Le chat est sur la table, et il dort.",
        "这是一个测试句子。",
        "Это тестовое предложение.",
        "12 + 7 = 19",
    ]
    assert [ours.classify(t) for t in texts] == [theirs.classify(t) for t in texts]
    language.release()


def test_the_frequency_table_is_kept_in_the_cache_folder_and_read_back_the_same(tmp_path, monkeypatch):
    """Each process of a run built the 321,000-word table anew (0.36 s); it is stored once, read back memory-mapped,
    and a damaged copy is built again rather than trusted."""
    import numpy as np

    from seekh_convert.text import wordlists

    monkeypatch.setattr(wordlists, "_cache_folder", lambda: tmp_path / "wordlists")
    built = wordlists._stored_table("en", "best")
    stored = sorted((tmp_path / "wordlists").glob("wordfreq-*.npy"))
    assert [p.name.rsplit(".", 2)[1] for p in stored] == ["hashes", "values"]
    read = wordlists._stored_table("en", "best")
    assert isinstance(read.arrays()[0], np.memmap)
    for word in ("the", "autoencoder", "photosynthesis", "qzxv", "Kneser"):
        assert read.get(word) == built.get(word) and (word in read) == (word in built)
    stored[0].write_bytes(b"not an array")  # a damaged cache: rebuilt, the same answers
    again = wordlists._stored_table("en", "best")
    assert not isinstance(again.arrays()[0], np.memmap) and again.get("the") == built.get("the")
    assert isinstance(wordlists._stored_table("en", "best").arrays()[0], np.memmap)  # and stored again
