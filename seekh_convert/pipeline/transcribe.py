"""The transcription step, between read and clean for recordings: pieces -> transcriber -> stitched cues.

Every piece of a recording is sent at once (the transcriber's request pool bounds how many are in
flight); silent pieces are not sent. The pieces' segments are stitched into ``doc.cues`` and the
language heard is recorded in ``doc.metadata["language"]``. The pieces' temporary folder is removed
whatever happens.
"""

from __future__ import annotations

import asyncio
import shutil
from collections import Counter

from seekh_convert.errors import InputError
from seekh_convert.model.document import AudioPiece, Document
from seekh_convert.model.guide import Usage
from seekh_convert.model.transcriber import PieceTranscript, Transcriber, stitch

NEEDS_SERVER = (
    "audio needs a transcription server; set --transcribe-model and --base-url (OpenAI Whisper, "
    "or a self-hosted faster-whisper / whisper.cpp server with the same API), "
    "or install the built-in English recogniser: pip install 'seekh-convert[asr]'"
)


def needs_transcription(doc: Document) -> bool:
    """Whether ``doc`` is a recording not transcribed yet."""
    return doc.audio is not None and not doc.cues


def discard_audio(doc: Document) -> None:
    """Remove the pieces' temporary files (idempotent)."""
    if doc.audio is not None:
        shutil.rmtree(doc.audio.folder, ignore_errors=True)


async def transcribe_document(doc: Document, transcriber: Transcriber | None, language: str | None = None) -> Usage:
    """Fill ``doc.cues`` from ``doc.audio``; returns the usage of the transcription requests."""
    assert doc.audio is not None
    try:
        if transcriber is None:
            raise InputError(f"{doc.path.name}: {NEEDS_SERVER}")
        pieces = doc.audio.pieces
        async with asyncio.TaskGroup() as group:  # the first failure cancels the other pieces' requests
            tasks = [group.create_task(_piece(transcriber, p, language)) for p in pieces]
        transcripts = [t.result() for t in tasks]
    except* Exception as group:  # the first error (a SeekhError of the server, or a bug), as it is
        raise group.exceptions[0] from None
    finally:
        discard_audio(doc)
    doc.cues = stitch(pieces, transcripts)
    heard = language or _language(pieces, transcripts)
    if heard:
        doc.metadata["language"] = heard
    if not doc.cues:
        raise InputError(f"{doc.path.name}: the transcription server heard no speech in it")
    return sum((t.usage for t in transcripts if t.usage), Usage())


async def _piece(transcriber: Transcriber, piece: AudioPiece, language: str | None) -> PieceTranscript:
    if piece.silent:
        return PieceTranscript()
    return await transcriber.transcribe(piece, language)


def _language(pieces: list[AudioPiece], transcripts: list[PieceTranscript]) -> str | None:
    """The language heard over most of the recording's time."""
    heard: Counter[str] = Counter()
    for piece, transcript in zip(pieces, transcripts):
        if transcript.language:
            heard[transcript.language] += piece.end - piece.start
    return heard.most_common(1)[0][0] if heard else None
