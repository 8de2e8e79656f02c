from seekh_convert.model.document import Block, BlockKind, Topic
from seekh_convert.split.chunk import Chunker
from seekh_convert.text.tokens import count_tokens


def _topic(blocks):
    return Topic(index=1, title="T", blocks=blocks)


def test_chunks_respect_the_token_bound_and_keep_page_spans():
    blocks = [Block(f"Sentence number {i} about forces and motion. " * 20, page=1 + i // 3) for i in range(12)]
    chunks = Chunker(max_tokens=400).chunk_topic(_topic(blocks))
    assert len(chunks) > 1
    assert all(c.tokens <= 400 for c in chunks)
    assert all(count_tokens(c.text) <= 400 + 5 * len(c.block_indices) for c in chunks)
    assert [i for c in chunks for i in c.block_indices] == list(range(12))  # every block once, in order
    assert chunks[0].page_start == 1 and chunks[-1].page_end == 4


def test_junk_blocks_are_not_chunked_and_times_are_kept():
    blocks = [
        Block("Smith, J. (2001). A paper.", BlockKind.REFERENCE),
        Block("Atoms have a nucleus.", start=10.0, end=14.0),
        Block("Electrons orbit it.", start=14.0, end=20.5),
    ]
    chunks = Chunker().chunk_topic(_topic(blocks))
    assert len(chunks) == 1
    assert "Smith" not in chunks[0].text
    assert (chunks[0].time_start, chunks[0].time_end) == (10.0, 20.5)


def test_a_block_larger_than_the_bound_is_split_by_sentences():
    big = Block(" ".join(f"Sentence {i} explains inertia in detail." for i in range(300)))
    chunks = Chunker(max_tokens=200).chunk_topic(_topic([big]))
    assert len(chunks) > 5
    assert all(c.tokens <= 200 for c in chunks)
    assert " ".join(c.text for c in chunks) == big.text


def test_tokens_come_from_the_installed_offline_encoding(tmp_path):
    """With an empty tiktoken cache and every proxy pointing nowhere, counting still works: nothing is downloaded."""
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "TIKTOKEN_CACHE_DIR": str(tmp_path),
        "HTTPS_PROXY": "http://127.0.0.1:9",
        "HTTP_PROXY": "http://127.0.0.1:9",
    }
    code = "from seekh_convert.text.tokens import count_tokens; print(count_tokens('hello world'))"
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "2"
