"""WebVTT (.vtt) and SubRip (.srt) files -> a transcript ``Document`` holding raw ``Cue``s."""

from __future__ import annotations

import re
from pathlib import Path

import srt
import webvtt
from webvtt.errors import MalformedFileError

from seekh_convert.errors import InputError
from seekh_convert.model.document import Cue, Document, SourceKind
from seekh_convert.read.files import read_text_file

_TIMING = re.compile(r"^(?P<indent>\s*)(?P<start>\S+)\s+-->\s+(?P<end>\S+)(?P<rest>.*)$")
_VTT_TIME = re.compile(r"^(?:(\d+):)?([0-5]?\d):([0-5]\d)[.,](\d{1,3})$")
_SRT_TIMING = re.compile(r"^\s*\d+:\d\d:\d\d,\d{1,3}\s+-->", re.M)
_VTT_FIX = "check the 'HH:MM:SS.mmm --> HH:MM:SS.mmm' timing lines"


class SubtitleExtractor:
    """Read a ``.vtt`` or ``.srt`` file into ``Document(kind=TRANSCRIPT, cues=[...])``.

    Recovers from a missing ``WEBVTT`` header and from an unreadable timestamp (the cue keeps the
    neighbouring cue's time); both are recorded in ``Document.warnings``. Anything else that
    cannot be read raises ``InputError`` with a one-line message.
    """

    suffixes = frozenset({".vtt", ".srt"})

    def __call__(self, path: Path) -> Document:
        path = Path(path)
        text = read_text_file(path)
        warnings: list[str] = []
        if bracketed(text):
            cues = _read_bracketed(text)
            warnings.append(f"timed lines {_BRACKETED_HOW} read as cues")
        elif path.suffix.lower() == ".srt" or (_SRT_TIMING.search(text) and "WEBVTT" not in text[:20]):
            cues = _read_srt(text, path)
        else:
            cues = _read_vtt(text, path, warnings)
        cues = _placeholder_times([c for c in cues if c.text.strip()], warnings)
        if not cues:
            raise InputError(f"{path.name}: no subtitle cues with text found; is it an empty or non-subtitle file?")
        title = title_from_name(path)
        return Document(path=path, kind=SourceKind.TRANSCRIPT, title=title, cues=cues, warnings=warnings)


def timed_transcript(path: Path, text: str) -> Document:
    """A plain-text transcript whose lines carry times (``bracketed`` or ``stamped``) as a transcript ``Document``."""
    if bracketed(text):
        cues, how = _read_bracketed(text), _BRACKETED_HOW
    else:
        cues, how = _read_stamped(text), "opening with a time ('(00:12) welcome ...', as transcripts are copied from videos)"
    cues = [c for c in cues if c.text.strip()]
    if not cues:
        raise InputError(f"{path.name}: timed lines with no words; is it an empty transcript?")
    warnings = [f"timed lines {how} read as cues"]
    return Document(path=path, kind=SourceKind.TRANSCRIPT, title=title_from_name(path), cues=cues, warnings=warnings)


_FILE_KIND = re.compile(r"(?:\s+(?:english|en))?\s+(?:captions?|subtitles?|subs|transcripts?|cc|auto generated)$", re.I)


def title_from_name(path: Path) -> str:
    """``mit-ocw-lec02-atomic-structure.DERIVED.vtt`` -> ``Mit ocw lec02 atomic structure``; a language code and the
    file's kind ("lecture-3.en.srt", "barber-pole-captions.srt", "... subtitles", "... transcript") are no part of it."""
    stem = re.sub(r"\.[A-Z]{2,}$", "", Path(path).stem)
    stem = re.sub(r"\.[a-z]{2}(?:[-_][A-Za-z]{2})?$", "", stem)
    title = re.sub(r"[-_\s]+", " ", stem).strip()
    title = _FILE_KIND.sub("", title).strip() or title or path.name
    return title[0].upper() + title[1:] if title.islower() or title[0].islower() else title


def parse_timestamp(value: str) -> float | None:
    """``01:02:03.500`` / ``02:03,5`` -> seconds; ``None`` when it is not a valid timestamp."""
    match = _VTT_TIME.match(value.strip())
    if not match:
        return None
    hours, minutes, seconds, millis = match.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis.ljust(3, "0")) / 1000


def _format(seconds: float) -> str:
    ms = round(seconds * 1000)
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def _read_vtt(text: str, path: Path, warnings: list[str]) -> list[Cue]:
    lines = text.splitlines()
    first = next((line.strip() for line in lines if line.strip()), "")
    if not first.startswith("WEBVTT"):
        warnings.append("no 'WEBVTT' header on the first line; read it as WebVTT anyway")
        lines = ["WEBVTT", ""] + lines
    lines = _repair_timings(lines, path, warnings)
    try:
        captions = webvtt.from_string("\n".join(lines)).captions
    except MalformedFileError as exc:
        raise InputError(f"{path.name}: not a readable WebVTT file ({_first_line(exc)}); {_VTT_FIX}") from exc
    cues = []
    for caption in captions:
        start, end = parse_timestamp(caption.start), parse_timestamp(caption.end)
        if start is None or end is None:  # cannot happen after _repair_timings; never guess silently
            raise InputError(f"{path.name}: cue '{caption.start} --> {caption.end}' has an unreadable time; {_VTT_FIX}")
        cues.append(Cue(start=start, end=max(start, end), text=caption.raw_text))
    return cues


def _repair_timings(lines: list[str], path: Path, warnings: list[str]) -> list[str]:
    """Replace unreadable timestamps by the neighbouring cue's time, warning about each one."""
    timings = [(i, m) for i, line in enumerate(lines) if "-->" in line and (m := _TIMING.match(line))]
    out = list(lines)
    previous_end = 0.0
    for n, (i, match) in enumerate(timings):
        start, end = parse_timestamp(match["start"]), parse_timestamp(match["end"])
        if start is not None and end is not None:
            previous_end = end
            continue
        following = next((parse_timestamp(m["start"]) for _, m in timings[n + 1 :]), None)
        new_start = start if start is not None else previous_end
        if end is not None:
            new_end = end
        else:
            new_end = following if following is not None and following >= new_start else new_start + 2.0
        bad = match["start"] if start is None else match["end"]
        warnings.append(f"line {i + 1}: invalid timestamp '{bad}'; used {_format(new_start)} --> {_format(new_end)} instead")
        out[i] = f"{match['indent']}{_format(new_start)} --> {_format(new_end)}{match['rest']}"
        previous_end = new_end
    return out


#: How whisper.cpp's printed lines look, for the warning that says they were read as cues.
_BRACKETED_HOW = "in brackets ('[00:00:10.420 --> 00:00:10.880] Hi,', as whisper.cpp prints them)"
#: A line of whisper.cpp's console transcript: "[00:00:10.420 --> 00:00:10.880]  Hi,".
_BRACKETED = re.compile(r"^\[(?P<start>[\d:.,]+)\s+-->\s+(?P<end>[\d:.,]+)\]\s?(?P<text>.*)$")


def bracketed(text: str) -> bool:
    """True when nearly every line is a bracketed timing and its words (whisper.cpp's printed transcript, which
    people save as .srt or .txt): no numbered cues, no blank lines between them."""
    lines = [line for line in text.splitlines()[:200] if line.strip()]
    return len(lines) >= 3 and sum(1 for line in lines if _BRACKETED.match(line.strip())) >= 0.9 * len(lines)


def _read_bracketed(text: str) -> list[Cue]:
    cues = []
    for line in text.splitlines():
        match = _BRACKETED.match(line.strip())
        if match is None:
            continue
        start, end = _bracket_time(match["start"]), _bracket_time(match["end"])
        if start is not None and end is not None:
            cues.append(Cue(start=start, end=max(start, end), text=match["text"].strip()))
    return cues


_WHOLE_SECONDS = re.compile(r"^(?:(\d+):)?([0-5]?\d):([0-5]\d)$")


def _bracket_time(value: str) -> float | None:
    """A bracketed line's time, with or without its fraction: "[00:03.120 --> ...]" (whisper.cpp) or "[00:03 --> 00:06]"
    (faster-whisper's printed transcript, set 62's podcast)."""
    whole = _WHOLE_SECONDS.match(value.strip())
    if whole is None:
        return parse_timestamp(value)
    hours, minutes, seconds = whole.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)


#: A line opening with a time: "(00:12) welcome this is a series ..." (YouTube transcripts as exported or copied),
#: "[1:02:03] ...", "00:12 - ...", or the time alone on its line with the words on the next ("0:12" / "welcome ...").
_STAMPED = re.compile(
    r"^[\[(]?(?:(?P<h>\d{1,2}):)?(?P<m>[0-5]?\d):(?P<s>[0-5]\d)(?:[.,](?P<f>\d{1,3}))?[\])]?(?:\s*[-\u2013\u2014|]\s*|\s+|$)"
    r"(?P<text>.*)$"
)


def _seconds(m: re.Match) -> float:
    return int(m["h"] or 0) * 3600 + int(m["m"]) * 60 + int(m["s"]) + int((m["f"] or "0").ljust(3, "0")) / 1000


def stamped(text: str) -> bool:
    """True when a plain-text file is a timed transcript: most of its first 200 lines open with a time (alone or
    before the words said then), at least five of them, and the times run forward."""
    lines = [line.strip() for line in text.splitlines()[:200] if line.strip()]
    times = [_seconds(m) for line in lines if (m := _STAMPED.match(line))]
    if len(times) < 5 or len(times) < 0.4 * len(lines):
        return False
    forward = sum(1 for a, b in zip(times, times[1:]) if b >= a)
    return forward >= 0.9 * (len(times) - 1)


def _read_stamped(text: str) -> list[Cue]:
    """Cues of a timed transcript: each time with the words after it on its line and on the untimed lines below; a
    cue ends where the next begins (the last after about a second for every 2.5 words)."""
    timed: list[tuple[float, list[str]]] = []
    for line in text.splitlines():
        line = line.strip()
        m = _STAMPED.match(line) if line else None
        if m is not None:
            timed.append((_seconds(m), [m["text"].strip()] if m["text"].strip() else []))
        elif line and timed:
            timed[-1][1].append(line)
    cues = []
    for i, (start, words) in enumerate(timed):
        said = " ".join(words)
        end = timed[i + 1][0] if i + 1 < len(timed) else start + max(1.0, len(said.split()) / 2.5)
        cues.append(Cue(start=start, end=max(start, end), text=said))
    return cues


def _read_srt(text: str, path: Path) -> list[Cue]:
    try:
        subtitles = list(srt.parse(text))
    except srt.SRTParseError as exc:
        fix = "check the numbered cues and their '-->' lines"
        raise InputError(f"{path.name}: not a readable SubRip file ({_first_line(exc)}); {fix}") from exc
    cues = []
    for sub in subtitles:
        start, end = sub.start.total_seconds(), sub.end.total_seconds()
        cues.append(Cue(start=start, end=max(start, end), text=sub.content))
    return cues


#: The last time a subtitle file can hold: editors (Amara, Universal Subtitles) give it to cues not yet synced.
PLACEHOLDER = 99 * 3600 + 59 * 60 + 59


def _placeholder_times(cues: list[Cue], warnings: list[str]) -> list[Cue]:
    """Cues timed 99:59:59 (not synced yet) follow the cue before them: a start there takes the previous cue's end,
    an end there the next cue's start or about a second for every three words (the file still covers its minutes,
    not 6,000 of them)."""
    out: list[Cue] = []
    for i, cue in enumerate(cues):
        start, end = cue.start, cue.end
        if start >= PLACEHOLDER:
            start = out[-1].end if out else 0.0
        if end >= PLACEHOLDER or end < start:
            following = next((c.start for c in cues[i + 1 :] if c.start < PLACEHOLDER), None)
            spoken = start + max(1.0, len(cue.text.split()) / 3)
            end = following if following is not None and following >= start else spoken
        if (start, end) != (cue.start, cue.end):
            warnings.append(
                f"cue {i + 1} has the placeholder time 99:59:59 (not synced); timed {_format(start)} --> {_format(end)}"
            )
            cue = Cue(start=start, end=end, text=cue.text)
        out.append(cue)
    return out


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
