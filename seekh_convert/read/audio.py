"""Audio and video files -> a transcript ``Document`` whose raw layer is the recording cut into pieces.

The audio track is decoded and resampled to 16 kHz mono with PyAV (FFmpeg inside the wheel; video
streams are demuxed past, never decoded) one packet at a time, so memory holds at most one piece of
samples whatever the recording's length. A piece is cut when it would pass the upload limit, in the
quietest stretch of its last half, with ``overlap`` seconds on both sides of the cut, and is encoded as
FLAC (lossless, never larger than the raw samples) into a temporary folder. Transcription (in the
pipeline) turns the pieces into cues.
"""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import av
import numpy as np

from seekh_convert.errors import InputError
from seekh_convert.files import sha256_file
from seekh_convert.model.document import AudioPiece, AudioTrack, Document, PieceLimits, SourceKind
from seekh_convert.read.subtitles import title_from_name
from seekh_convert.text.normalize import normalize_ws, strip_controls

RATE = 16_000  # samples per second of the pieces (what speech recognisers use)
_FRAME = RATE // 100  # 10 ms frames for the loudness profile
_SILENT_DBFS = -60.0  # a piece whose loudest 10 ms stays below this holds no sound


def _open(path: Path):
    """The opened container and its first audio stream; ``InputError`` (one line) when unreadable or without sound."""
    try:
        container = av.open(str(path), metadata_errors="ignore")
    except (av.FFmpegError, ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"{path.name}: not a readable audio or video file ({_reason(exc)}); check that it plays") from None
    if not container.streams.audio:
        container.close()
        raise InputError(f"{path.name}: has no audio track; nothing to transcribe")
    return container, container.streams.audio[0]


def recording_seconds(path: Path) -> float:
    """How long a recording plays, from its container's header (nothing decoded); ``InputError`` when unreadable."""
    container, stream = _open(path)
    with container:
        if container.duration:
            return container.duration / 1e6  # microseconds
        if stream.duration and stream.time_base:
            return float(stream.duration * stream.time_base)
    raise InputError(f"{path.name}: its length is not recorded in the file; convert it to see the cost")


class AudioExtractor:
    """Read a recording into ``Document(kind=TRANSCRIPT, audio=AudioTrack(...))``; ``InputError`` when it has no usable audio."""

    suffixes = frozenset({".mp3", ".m4a", ".wav", ".flac", ".ogg", ".mp4", ".mov", ".webm", ".mkv"})

    def __init__(self, limits: PieceLimits | None = None):
        self.limits = limits or PieceLimits()

    def __call__(self, path: Path) -> Document:
        path = Path(path)
        folder = Path(tempfile.mkdtemp(prefix="seekh-audio-"))
        try:
            track, warnings, title = self._read(path, folder)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        doc = Document(path=path, kind=SourceKind.TRANSCRIPT, title=title or title_from_name(path), audio=track)
        doc.warnings.extend(warnings)
        if track.language:
            doc.metadata["declared_language"] = track.language
        return doc

    def _read(self, path: Path, folder: Path) -> tuple[AudioTrack, list[str], str]:
        container, stream = _open(path)
        with container:
            bad: list[int] = []
            cutter = _Cutter(self.limits, folder)
            try:
                for samples in _decoded(container, stream, bad):
                    cutter.add(samples)
            except (av.FFmpegError, ValueError, EOFError) as exc:  # damaged past repair, or the stream changes shape
                at = (cutter.start + cutter.filled) / RATE
                raise InputError(
                    f"{path.name}: the audio track cannot be decoded past {at:.0f} s ({_reason(exc)}); check that it plays"
                ) from None
            track = cutter.finish(_language(stream.metadata))
            title = normalize_ws(strip_controls(str(container.metadata.get("title", ""))))
            declared = (container.duration or 0) / 1e6  # microseconds, 0 when the container does not say
        warnings = [f"{bad[0]} damaged audio packet(s) skipped"] if bad and bad[0] else []
        if declared - track.duration > max(2.0, 0.03 * declared):
            warnings.append(f"only {track.duration:.0f} s of the {declared:.0f} s it declares could be decoded; is it truncated?")
        if not track.pieces:
            raise InputError(f"{path.name}: the audio track holds no decodable sound; check that it plays")
        if all(p.silent for p in track.pieces):
            raise InputError(f"{path.name}: the audio track is silent; nothing to transcribe")
        return track, warnings, title[:200]


def _decoded(container, stream, bad: list[int]) -> Iterator[np.ndarray]:
    """16 kHz mono int16 samples of ``stream``, a packet at a time; damaged packets are counted in ``bad[0]``."""
    resampler = av.AudioResampler(format="s16", layout="mono", rate=RATE)
    bad.append(0)
    for packet in container.demux(stream):
        try:
            frames = packet.decode()
        except (av.InvalidDataError, av.PatchWelcomeError, ValueError):
            bad[0] += 1
            continue
        for frame in frames:
            for out in resampler.resample(frame):
                yield out.to_ndarray().reshape(-1)
    for out in resampler.resample(None):
        yield out.to_ndarray().reshape(-1)


class _Cutter:
    """Fills one piece-sized buffer and writes a piece whenever it is full, keeping what follows the cut (less the overlap)."""

    def __init__(self, limits: PieceLimits, folder: Path):
        self.folder = folder
        self.max = max(4 * RATE, min(limits.max_raw_bytes // 2, int(limits.max_seconds * RATE)))
        self.overlap = min(int(limits.overlap * RATE), self.max // 8)  # cuts fall in the last half: pieces always advance
        self.data = np.empty(self.max, np.int16)  # the only sample buffer: memory does not grow with the recording
        self.filled = 0
        self.start = 0  # sample index of the buffer's first sample in the recording
        self.keep_start = 0
        self.pieces: list[AudioPiece] = []

    def add(self, samples: np.ndarray) -> None:
        while len(samples):
            take = min(len(samples), self.max - self.filled)
            self.data[self.filled : self.filled + take] = samples[:take]
            self.filled, samples = self.filled + take, samples[take:]
            if self.filled == self.max:
                self._cut()

    def _cut(self) -> None:
        cut = quiet_point(self.data, low=self.max // 2, high=self.max - self.overlap)
        self._write(self.data[: cut + self.overlap], keep_end=self.start + cut)
        rest = cut - self.overlap
        self.filled = self.max - rest
        self.data[: self.filled] = self.data[rest:].copy()
        self.start += rest

    def finish(self, language: str | None) -> AudioTrack:
        data = self.data[: self.filled]
        covered = round(self.pieces[-1].end * RATE) if self.pieces else 0
        if self.start + len(data) > covered:
            self._write(data, keep_end=self.start + len(data))
        elif self.pieces:  # the recording ended inside the last piece's overlap: that piece keeps it all
            self.pieces[-1] = dataclasses.replace(self.pieces[-1], keep_end=self.pieces[-1].end)
        duration = (self.start + len(data)) / RATE
        return AudioTrack(duration=duration, folder=self.folder, pieces=self.pieces, language=language)

    def _write(self, samples: np.ndarray, keep_end: int) -> None:
        index = len(self.pieces)
        target = self.folder / f"piece-{index:04d}.flac"
        encode_flac(samples, target)
        self.pieces.append(
            AudioPiece(
                index=index,
                path=target,
                start=self.start / RATE,
                end=(self.start + len(samples)) / RATE,
                keep_start=self.keep_start / RATE,
                keep_end=keep_end / RATE,
                sha256=sha256_file(target),
                size=target.stat().st_size,
                silent=peak_dbfs(samples) < _SILENT_DBFS,
            )
        )
        self.keep_start = keep_end


def quiet_point(samples: np.ndarray, *, low: int, high: int) -> int:
    """The sample where to cut ``samples`` between ``low`` and ``high``: the middle of the longest quietest stretch.

    Loudness is averaged over 300 ms around each 10 ms frame; frames within 3 dB of the quietest are
    candidates, and the longest run of them wins (digital silence and pauses between sentences are long).
    """
    first, last = low // _FRAME, max(low // _FRAME + 1, high // _FRAME)
    energy = frame_energy(samples[first * _FRAME : last * _FRAME])
    width = min(30, len(energy))
    kernel = np.ones(width)
    smooth = np.convolve(energy, kernel, mode="same") / np.convolve(np.ones(len(energy)), kernel, mode="same")  # no edge bias
    level = 10 * np.log10(smooth / 32768.0**2 + 1e-12)
    quiet = level <= level.min() + 3.0
    best_start, best_len, run_start = 0, 0, None
    for i, is_quiet in enumerate([*quiet.tolist(), False]):
        if is_quiet and run_start is None:
            run_start = i
        elif not is_quiet and run_start is not None:
            if i - run_start > best_len:
                best_start, best_len = run_start, i - run_start
            run_start = None
    return (first + best_start + best_len // 2) * _FRAME


def frame_energy(samples: np.ndarray, block: int = 1 << 16) -> np.ndarray:
    """Mean square of each 10 ms frame of int16 ``samples``, computed a block at a time (no whole-piece float copy)."""
    n = len(samples) // _FRAME * _FRAME
    out = np.empty(n // _FRAME)
    step = block * _FRAME
    for at in range(0, n, step):
        part = samples[at : min(n, at + step)].astype(np.float32).reshape(-1, _FRAME)
        out[at // _FRAME : at // _FRAME + len(part)] = np.einsum("ij,ij->i", part, part) / _FRAME
    return out


def peak_dbfs(samples: np.ndarray) -> float:
    """Loudness of the loudest 10 ms of ``samples`` (dB relative to full scale)."""
    energy = frame_energy(samples)
    if len(energy) == 0:
        return -120.0
    return float(10 * np.log10(energy.max() / 32768.0**2 + 1e-12))


def encode_flac(samples: np.ndarray, target: Path) -> None:
    """Write 16 kHz mono int16 ``samples`` to ``target`` as FLAC."""
    with av.open(str(target), "w", format="flac") as out:
        stream = out.add_stream("flac", rate=RATE, layout="mono")
        step = RATE * 10
        for at in range(0, len(samples), step):
            frame = av.AudioFrame.from_ndarray(
                np.ascontiguousarray(samples[at : at + step]).reshape(1, -1), format="s16", layout="mono"
            )
            frame.sample_rate = RATE
            frame.pts = at
            out.mux(stream.encode(frame))
        out.mux(stream.encode(None))


_LANGUAGE_TAGS = {"eng": "en", "fra": "fr", "fre": "fr", "deu": "de", "ger": "de", "spa": "es", "ita": "it", "por": "pt"}


def _language(metadata: dict) -> str | None:
    """The audio stream's declared language as ISO 639-1 when it has a two-letter form (``und`` is none)."""
    tag = str(metadata.get("language", "")).strip().lower()
    if not tag or tag in {"und", "unk", "mis", "zxx"}:
        return None
    return _LANGUAGE_TAGS.get(tag, tag)


def _reason(exc: BaseException) -> str:
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return " ".join(str(text).split())[:120]
