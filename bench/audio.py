"""A 60-minute recording is read in bounded memory: peak RSS of reading 6, 30 and 60 minutes compared.

The recordings are synthesized with PyAV (speech-like bursts of tones between short pauses, over faint
noise, 44.1 kHz stereo AAC in .m4a, like a lecture exported from a phone), then read by the tool's own
reader (decode, resample to 16 kHz mono, cut at silences, encode FLAC pieces) in a fresh process each, whose
peak RSS is reported. Run with ``.venv/bin/python bench/audio.py``; the figures go to bench/RESULTS.md.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

import av
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sections

RATE = 44_100
MINUTES = (6, 30, 60)

# Reads the recording in argv[1] in this fresh interpreter; prints seconds, peak RSS (KiB), pieces, duration.
_CHILD = (
    "import resource, sys, time\n"
    "from pathlib import Path\n"
    "from seekh_convert.read import read\n"
    "from seekh_convert.pipeline.transcribe import discard_audio\n"
    "import av, numpy\n"
    "baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "start = time.perf_counter()\n"
    "doc = read(Path(sys.argv[1]))\n"
    "seconds = time.perf_counter() - start\n"
    "pieces = doc.audio.pieces\n"
    "print(seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, len(pieces), doc.audio.duration,"
    " max(p.size for p in pieces), baseline)\n"
    "discard_audio(doc)\n"
)


def synthesize(path: Path, minutes: int, seed: int = 1) -> Path:
    """``minutes`` of speech-like sound: 1-8 s bursts of two mixed tones, 0.2-1.5 s pauses, faint noise; written as it is made."""
    rng = np.random.default_rng(seed)
    total, at = minutes * 60 * RATE, 0
    with av.open(str(path), "w") as out:
        stream = out.add_stream("aac", rate=RATE, layout="stereo")
        stream.bit_rate = 96_000
        while at < total:
            burst, pause = int(rng.uniform(1, 8) * RATE), int(rng.uniform(0.2, 1.5) * RATE)
            t = np.arange(burst) / RATE
            f1, f2 = rng.uniform(120, 300), rng.uniform(600, 2400)
            envelope = np.abs(np.sin(np.pi * t * rng.uniform(2, 5)))  # syllable-like swells
            sound = (0.25 * np.sin(2 * np.pi * f1 * t) + 0.1 * np.sin(2 * np.pi * f2 * t)) * envelope
            chunk = np.concatenate([sound, np.zeros(pause)]) + rng.normal(0, 0.0005, burst + pause)
            chunk = chunk[: total - at].astype(np.float32)
            frame = av.AudioFrame.from_ndarray(np.vstack([chunk, chunk]), format="fltp", layout="stereo")
            frame.sample_rate, frame.pts = RATE, at
            out.mux(stream.encode(frame))
            at += len(chunk)
        out.mux(stream.encode(None))
    return path


def measure(path: Path) -> tuple[float, float, int, float, int, float]:
    """Seconds, peak RSS (MiB), pieces, duration (s), the largest piece (bytes) and the RSS once the modules are
    loaded (MiB) of reading ``path`` in a fresh process."""
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, check=True)
    seconds, peak, pieces, duration, largest, baseline = proc.stdout.split()
    return float(seconds), int(peak) / 1024, int(pieces), float(duration), int(largest), int(baseline) / 1024


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for minutes in MINUTES:
            made = time.perf_counter()
            path = synthesize(Path(folder) / f"lecture-{minutes}min.m4a", minutes)
            made = time.perf_counter() - made
            seconds, peak, pieces, duration, largest, baseline = measure(path)
            size = path.stat().st_size / 1e6
            rows.append((minutes, size, seconds, peak, pieces, duration, largest, baseline))
            print(
                f"{minutes} min ({size:.0f} MB, made in {made:.0f} s): read in {seconds:.1f} s, peak {peak:.0f} MiB, "
                f"{pieces} pieces, largest {largest / 1e6:.1f} MB",
                flush=True,
            )
    decoded = MINUTES[-1] * 60 * RATE * 2 * 4 / 2**20  # the whole track as decoded (stereo float32), never held
    lines = [
        "## Recordings: a 60-minute lecture in bounded memory (bench/audio.py)",
        "",
        "Synthesized speech-like recordings (44.1 kHz stereo AAC, .m4a), read by the tool's reader in a fresh process: "
        "decoded a packet at a time, resampled to 16 kHz mono, cut at pauses into FLAC pieces of at most 10 min / "
        "25 MB (the default limits). Peak RSS of the whole process (Python, numpy and PyAV loaded).",
        "",
        "| recording | file | read time | peak RSS | of which modules loaded | pieces | largest piece |",
        "|---|---:|---:|---:|---:|---:|---:|",
        *(
            f"| {m} min ({d:.0f} s) | {s:.0f} MB | {t:.1f} s | {p:.0f} MiB | {b:.0f} MiB | {n} | {g / 1e6:.1f} MB |"
            for m, s, t, p, n, d, g, b in rows
        ),
        "",
        f"Memory holds at most one piece of 16 kHz samples (10 min: 19 MB) plus the next few packets, whatever the "
        f"length: the 60-minute track decoded whole would be {decoded:.0f} MiB of stereo float samples.",
        "",
    ]
    sections.write_section("audio-memory", lines)


if __name__ == "__main__":
    main()
