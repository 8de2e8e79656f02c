"""Word error rate of the embedded offline recogniser: is any good enough to transcribe lectures without a server?

Candidates must ship their model inside a PyPI package (no download at run time). PocketSphinx 5 bundles an
en-US acoustic and language model. It is measured on the corpus recordings that have reference transcripts
(jfk.flac, the LibriVox sonnet) and on a short psychology lecture spoken by espeak-ng (Debian package).
The figures go to bench/RESULTS.md; run with ``.venv/bin/pip install -e '.[bench]'`` then
``.venv/bin/python bench/asr_wer.py``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import av
import jiwer
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sections

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("SEEKH_CORPUS", ROOT.parent / "shared" / "corpus"))
RATE = 16_000

#: A six-sentence lecture text (written for this bench), spoken by espeak-ng -v en-us -s 150.
LECTURE = (
    "Working memory is the small amount of information we can hold in mind and use at one time. "
    "Most adults can keep about four chunks of information active before older items start to fade. "
    "Rehearsal, repeating an item silently, keeps it available for longer. "
    "Long term memory, by contrast, has no known limit on how much it can store. "
    "Information moves into long term memory more easily when we connect it to what we already know. "
    "This is why teachers link each new idea to an example that students have met before."
)

_NORMAL = jiwer.Compose(
    [
        jiwer.ToLowerCase(),
        jiwer.SubstituteRegexes({r"-": " "}),
        jiwer.RemovePunctuation(),
        jiwer.RemoveMultipleSpaces(),
        jiwer.Strip(),
        jiwer.ReduceToListOfListOfWords(),
    ]
)


def samples_of(path: Path) -> np.ndarray:
    """16 kHz mono int16 samples, decoded with PyAV."""
    chunks = []
    with av.open(str(path)) as container:
        resampler = av.AudioResampler(format="s16", layout="mono", rate=RATE)
        for frame in container.decode(audio=0):
            chunks += [f.to_ndarray().reshape(-1) for f in resampler.resample(frame)]
        chunks += [f.to_ndarray().reshape(-1) for f in resampler.resample(None)]
    return np.concatenate(chunks)


def pocketsphinx_text(samples: np.ndarray) -> str:
    """What PocketSphinx (bundled en-US model) hears in the whole recording, decoded as one utterance.

    (Cutting it into utterances with PocketSphinx's own endpointer did worse here: WER 1.09 on jfk.flac.)
    """
    from pocketsphinx import Decoder

    decoder = Decoder(samprate=RATE)
    decoder.start_utt()
    decoder.process_raw(samples.tobytes(), full_utt=True)
    decoder.end_utt()
    return decoder.hyp().hypstr if decoder.hyp() is not None else ""


def wer(reference: str, hypothesis: str) -> float:
    return jiwer.wer(reference, hypothesis, reference_transform=_NORMAL, hypothesis_transform=_NORMAL)


def cases(folder: Path) -> list[tuple[str, Path, str]]:
    """(name, audio file, reference text): the corpus recordings with references, and the spoken lecture."""
    audio = CORPUS / "audio"
    found = [
        ("jfk.flac (corpus, 11 s)", audio / "jfk.flac", (audio / "jfk.txt").read_text()),
        (
            "LibriVox sonnet (corpus, 53 s)",
            audio / "librivox-shakespeare-sonnet-001-read-aloud.mp3",
            (audio / "librivox-shakespeare-sonnet-001-read-aloud.txt").read_text(),
        ),
    ]
    if shutil.which("espeak-ng"):
        wav = folder / "lecture.wav"
        subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(wav), LECTURE], check=True, capture_output=True)
        found.append(("psychology lecture, espeak-ng en-us 150 wpm", wav, LECTURE))
    else:
        print("espeak-ng not installed (apt-get install espeak-ng): the spoken lecture is skipped", file=sys.stderr)
    return found


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for name, path, reference in cases(Path(folder)):
            samples = samples_of(path)
            started = time.perf_counter()
            heard = pocketsphinx_text(samples)
            seconds = time.perf_counter() - started
            rows.append((name, wer(reference, heard), seconds / (len(samples) / RATE), heard))
            print(f"{name}: WER {rows[-1][1]:.2f}, {rows[-1][2]:.2f}x real time; heard: {heard[:120]}", flush=True)
    import pocketsphinx

    version = getattr(pocketsphinx, "__version__", "5")
    lines = [
        "## Offline speech recognition: word error rate (bench/asr_wer.py)",
        "",
        f"PocketSphinx {version} with the en-US model its PyPI package bundles; references normalised "
        "(lower case, no punctuation) and scored with jiwer. Time: decoding (model loading included) over the audio's length, on this machine.",
        "",
        "| recording | WER | time / audio |",
        "|---|---:|---:|",
        *(f"| {n} | {w:.2f} | {t:.2f}x |" for n, w, t, _ in rows),
        "",
        "Verdict: far from usable for study material (a guide quotes the transcript verbatim), so the offline "
        "path refuses recordings with one line saying how to configure a transcription server.",
        "",
    ]
    sections.write_section("asr-wer", lines)


if __name__ == "__main__":
    main()
