"""The one quote locator: tolerant of layout, strict on words, exact about where a quote is."""

from __future__ import annotations

from seekh_convert.text.quotes import QuoteIndex, match_key, quote_chars, quote_fragments

TEXTS = [
    "The therapeutic alliance is the working relation-\nship between client and therapist.",
    "It has three parts: goals, tasks and the “bond”.",
    "Ruptures are repaired by talking about them.",
]


def test_layout_case_quote_marks_and_hyphen_breaks_do_not_matter():
    index = QuoteIndex(TEXTS)
    span = index.find('the WORKING relationship between client and "therapist"')
    assert span is not None and span.texts == (0,)
    assert TEXTS[0][span.start : span.end] == "the working relation-\nship between client and therapist"


def test_a_match_starts_and_ends_on_word_boundaries():
    index = QuoteIndex(TEXTS)
    assert index.find("herapeutic alliance is the working") is None
    assert index.find("therapeutic alliance is the wor") is None


def test_a_quote_may_span_neighbouring_texts_and_skip_with_ellipses():
    index = QuoteIndex(TEXTS)
    span = index.find("between client and therapist. It has three parts")
    assert span is not None and span.texts == (0, 1) and span.end == len("It has three parts")
    gap = index.find("It has three parts ... talking about them")
    assert gap is not None and gap.texts == (1, 2)
    assert index.find("talking about them ... It has three parts") is None  # fragments must come in order
    assert QuoteIndex(TEXTS, max_texts=1).find("between client and therapist. It has three parts") is None


def test_every_occurrence_is_found_in_order():
    index = QuoteIndex(["the bond matters", "and the bond heals"])
    assert [s.first for s in index.find_all("the bond")] == [0, 1]


def test_match_keys_map_back_to_the_original_text():
    key = match_key("Ｆｕｌｌ-width ﬁle")
    assert key.chars == "fullwidthfile"
    assert key.origin[0] == 0 and key.origin[-1] == len("Ｆｕｌｌ-width ﬁle") - 1


def test_fragments_and_evidence_size():
    assert quote_fragments("a long quote … the rest [...] end") == ["a long quote", "the rest", "end"]
    assert quote_chars("“Hi!” ...") == 2


def test_chinese_quotes_match_inside_runs_without_spaces():
    from seekh_convert.text.quotes import QuoteIndex, quote_chars

    index = QuoteIndex(["宇宙守护神 保护我们远离邪恶", "Memory has three stages."])
    assert index.find("保护我们") is not None  # no word boundaries inside a run of Chinese characters
    assert index.find("mory has") is None  # Latin words still match whole
    assert quote_chars("轻轻一跳就能飞跃高楼") == 20  # an ideograph counts as two letters of evidence


def _reference_key(text: str) -> tuple[str, list[bool], list[bool], list[int]]:
    """The match key worked out one character at a time (what ``match_key`` does a run at a time)."""
    import unicodedata

    chars, starts, ends, origin, prev = [], [], [], [], False
    for i, ch in enumerate(text):
        kept = [c for c in unicodedata.normalize("NFKC", ch).casefold() if c.isalnum()]
        if not kept and prev:
            ends[-1] = True
        for c in kept:
            chars.append(c)
            starts.append(not prev)
            ends.append(False)
            origin.append(i)
            prev = True
        prev = bool(kept)
    if ends:
        ends[-1] = True
    return "".join(chars), starts, ends, origin


def test_match_key_runs_agree_with_one_character_at_a_time():
    import random

    rng = random.Random(7)
    alphabet = "aZq09 -.,'\n\t~\x7f“”é\u00adßﬁİ½ǄＡ"
    samples = [*TEXTS, "", "  ", "x", "İstanbul déjà-vu ＡＢＣ ½", "a\x00b"]
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) for _ in range(2000)]
    for text in samples:
        key = match_key(text)
        got = (key.chars, [bool(f) for f in key.starts], [bool(f) for f in key.ends], list(key.origin))
        assert got == _reference_key(text), repr(text)
