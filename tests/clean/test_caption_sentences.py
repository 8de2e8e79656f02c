"""Automatic captions without punctuation (an MIT signals-and-systems lecture's .srt): sentences are found where
the lecturer starts one ("now", "well let me", "so here is"), each gets a capital and a full stop, the run says
the text is guessed."""

from __future__ import annotations

from pathlib import Path

from seekh_convert.clean import clean
from seekh_convert.read import read

# Cues as the automatic captions give them: no punctuation, no pause between cues, ASR slips kept.
CUES = [
    "and I'd like to welcome you to this",
    "video course on signals and systems",
    "signals at least as an informal definition are functions",
    "of one or more independent variables that",
    "typically carry some type information",
    "one very common example of a signal",
    "might be let's say a speech signal and you",
    "might think of the air pressure as a function of time",
    "so a signal like this we will typically be referring to as a continuous-time signal now it also",
    "is a function of one independent variable",
    "now signals can of course be multi-dimensional",
    "and an image is a two-dimensional signal",
    "well let me illustrate one example with an aerial photograph",
    "this is an aerial photograph taken over a set of roads",
    "so here is a graphical illustration of a discrete-time signal",
    "a discrete-time signal is a function of an integer variable",
    "and discrete-time signals arise in economic time series",
    "the weekly stock market index is a discrete-time signal",
]


def _srt(path: Path) -> Path:
    lines, t = [], 0.0
    for k, text in enumerate(CUES, 1):
        lines += [str(k), f"{_ts(t)} --> {_ts(t + 3.5)} ", text, ""]
        t += 3.5
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _ts(t: float) -> str:
    return f"00:{int(t // 60):02d}:{int(t % 60):02d},{int(t * 1000 % 1000):03d}"


def test_unpunctuated_captions_get_sentences_at_the_lecturers_markers(tmp_path):
    doc = clean(read(_srt(tmp_path / "lecture.srt")))
    text = " ".join(b.text for b in doc.blocks)
    assert "Now signals can of course be multi-dimensional and an image is a two-dimensional signal." in text
    assert "a continuous-time signal. Now it also is a function of one independent variable." in text
    assert "This is an aerial photograph taken over a set of roads." in text
    assert "So here is a graphical illustration of a discrete-time signal" in text
    assert any("without punctuation" in w for w in doc.warnings)
