"""The transcription contract (beside the engine contract): pieces of a recording -> timed segments.

The pipeline sends each ``AudioPiece`` of a recording to a ``Transcriber`` and stitches the pieces'
segments back into one timeline (``stitch``): piece offsets added, the overlap between neighbouring
pieces de-duplicated, text made safe as WebVTT cue text (the transcript path's raw layer).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from seekh_convert.model.document import AudioPiece, Cue, PieceLimits
from seekh_convert.model.guide import Usage
from seekh_convert.text.normalize import strip_controls


@dataclass(frozen=True)
class Segment:
    """A stretch of speech, in seconds from the start of its piece, with the recognised text (plain)."""

    start: float
    end: float
    text: str


@dataclass
class PieceTranscript:
    """What a transcriber heard in one piece."""

    segments: list[Segment] = field(default_factory=list)
    language: str | None = None  # as detected (or declared) by the recogniser
    usage: Usage | None = None  # calls and cost of this piece (cached calls cost nothing)


@runtime_checkable
class Transcriber(Protocol):
    """Turns one encoded piece of a recording into timed segments; ``language`` is the declared one, if any."""

    name: str
    model: str | None
    #: How large a recording's pieces may be for this transcriber (None: the reader's defaults).
    piece_limits: PieceLimits | None

    async def transcribe(self, piece: AudioPiece, language: str | None) -> PieceTranscript: ...

    async def aclose(self) -> None: ...


def stitch(pieces: list[AudioPiece], transcripts: list[PieceTranscript]) -> list[Cue]:
    """One timeline of cues from the pieces' segments.

    A segment's times are shifted by its piece's offset; in the overlap of two pieces only the segments
    whose middle falls inside their own piece's keep range stay, so nothing said there is repeated.
    Times are clamped to the piece, kept in order and never run backwards; text is escaped for WebVTT.
    """
    cues: list[Cue] = []
    for piece, transcript in zip(pieces, transcripts):
        last = piece.index + 1 == len(pieces)
        for segment in transcript.segments:
            text = vtt_text(segment.text)
            if not text:
                continue
            start = min(max(piece.start + max(segment.start, 0.0), piece.start), piece.end)
            end = min(max(piece.start + segment.end, start), piece.end)
            middle = (start + end) / 2
            if middle < piece.keep_start or (middle >= piece.keep_end and not last):
                continue
            if cues and start < cues[-1].end:  # recognisers' segments may touch or overlap a little
                start = min(max(start, cues[-1].start), end)
            cues.append(Cue(start=round(start, 3), end=round(max(end, start), 3), text=text))
    return cues


def vtt_text(text: str) -> str:
    """Plain recognised text as one line of WebVTT cue text: ``&``, ``<``, ``>`` escaped, no ``-->``, no line breaks."""
    return html.escape(" ".join(strip_controls(str(text)).split()), quote=False)
