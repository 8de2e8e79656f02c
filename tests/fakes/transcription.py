"""Test audio made with PyAV, and a fake recogniser that answers each uploaded piece with its part of a script.

``Timeline`` knows the whole recording and what is said when; for an uploaded piece it finds where the
piece sits in the recording (its loudest half second matched sample for sample: the pieces are lossless
FLAC of the same 16 kHz decoding) and answers the script's segments inside it, in the piece's own times,
as ``verbose_json``. So stitched timestamps can be checked against the script.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass, field
from pathlib import Path

import av
import numpy as np

RATE = 16_000


def decode(data: bytes | Path) -> np.ndarray:
    """16 kHz mono int16 samples of an audio file (path or bytes)."""
    source = io.BytesIO(data) if isinstance(data, bytes) else str(data)
    chunks = []
    with av.open(source) as container:
        resampler = av.AudioResampler(format="s16", layout="mono", rate=RATE)
        for frame in container.decode(audio=0):
            chunks += [f.to_ndarray().reshape(-1) for f in resampler.resample(frame)]
        chunks += [f.to_ndarray().reshape(-1) for f in resampler.resample(None)]
    return np.concatenate(chunks) if chunks else np.zeros(0, np.int16)


def write_audio(path: Path, samples: np.ndarray, rate: int = RATE, codec: str | None = None) -> Path:
    """Write mono int16 ``samples`` to ``path`` (container from the suffix: .wav, .flac, .mp3, .m4a, .ogg...)."""
    codecs = {
        ".wav": "pcm_s16le",
        ".flac": "flac",
        ".mp3": "mp3",
        ".m4a": "aac",
        ".ogg": "libopus",
        ".webm": "libopus",
        ".mkv": "flac",
    }
    with av.open(str(path), "w") as out:
        stream = out.add_stream(codec or codecs[path.suffix], rate=rate, layout="mono")
        fmt = "s16"
        step = rate
        for at in range(0, len(samples), step):
            frame = av.AudioFrame.from_ndarray(
                np.ascontiguousarray(samples[at : at + step]).reshape(1, -1), format=fmt, layout="mono"
            )
            frame.sample_rate = rate
            frame.pts = at
            out.mux(stream.encode(frame))
        out.mux(stream.encode(None))
    return path


@dataclass(frozen=True)
class Said:
    start: float
    end: float
    text: str


def tones(layout: list[tuple[float, float]], seed: int = 7) -> tuple[np.ndarray, list[Said]]:
    """A recording of tone bursts ``(seconds of silence before, seconds of tone)``, over faint noise, and its script."""
    rng = np.random.default_rng(seed)
    parts, script, at = [], [], 0.0
    for n, (gap, length) in enumerate(layout, start=1):
        parts.append(np.zeros(int(gap * RATE)))
        at += gap
        t = np.arange(int(length * RATE)) / RATE
        parts.append(0.3 * np.sin(2 * np.pi * (300 + 37 * n) * t) * 32767)
        script.append(Said(round(at, 3), round(at + length, 3), f"Sentence {n} is about tone number {n}."))
        at += length
    parts.append(np.zeros(RATE // 2))
    signal = np.concatenate(parts) + rng.normal(0, 3, sum(len(p) for p in parts))  # faint noise: every stretch unique
    return np.clip(signal, -32768, 32767).astype(np.int16), script


@dataclass
class Timeline:
    """The recogniser: ``recording`` (16 kHz samples) and ``script`` (what is said when), answering uploads."""

    recording: np.ndarray
    script: list[Said]
    language: str = "english"
    offsets: list[float] = field(default_factory=list)  # where each upload was found, in order of arrival
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __call__(self, fields: dict) -> dict:
        piece = decode(fields["file"])
        offset = self.locate(piece)
        with self._lock:
            self.offsets.append(offset)
        length = len(piece) / RATE
        segments = []
        for said in self.script:
            start, end = max(said.start - offset, 0.0), min(said.end - offset, length)
            if end - start > 0.05:
                segments.append({"id": len(segments), "start": round(start, 2), "end": round(end, 2), "text": " " + said.text})
        return {
            "task": "transcribe",
            "language": fields.get("language") or self.language,
            "duration": length,
            "text": "".join(s["text"] for s in segments),
            "segments": segments,
        }

    def locate(self, piece: np.ndarray) -> float:
        """Seconds from the recording's start to ``piece``'s first sample (found by its loudest half second)."""
        window = RATE // 2
        if len(piece) <= window:
            at = 0
        else:
            energy = np.convolve(piece.astype(np.float64) ** 2, np.ones(window), mode="valid")
            at = int(energy.argmax())
        needle = piece[at : at + window].tobytes()
        found = self.recording.tobytes().find(needle)
        while found != -1 and found % 2:  # byte offsets of whole samples only
            found = self.recording.tobytes().find(needle, found + 1)
        assert found >= 0, "the uploaded piece is not a lossless part of the recording"
        return (found // 2 - at) / RATE
