"""Transcript cues -> timed plain-text paragraph blocks.

Cue text loses its markup (inline word timings, ``<c>``/``<v>`` tags), sound tags and speaker
labels, then the speech habits a reader does not need (``clean.speech``: fillers, repeated words, asides); YouTube's rolling duplicate lines are dropped; cues are merged into sentences (a
sentence spanning cues runs from the first cue's start to the last cue's end) and sentences are
grouped into paragraphs of a few sentences, broken at long pauses and speaker changes.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Annotated

from seekh_convert.clean.captions import caption_sentences
from seekh_convert.clean.common import normalize_text
from seekh_convert.clean.speech import is_narration, split_turns, tidy_speech
from seekh_convert.model.document import Block, BlockKind, Cue, Document
from seekh_convert.text.normalize import normalize_ws
from seekh_convert.text.sentences import ends_sentence, sentence_spans
from seekh_convert.text.words import UNSPACED

_TIME_TAG = re.compile(r"<\d{1,2}:\d{2}(?::\d{2})?[.,]\d{1,3}>")
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+([^>]*)>")
_TAG = re.compile(r"</?[A-Za-z][\w.-]*(?:\s[^>]*)?>")
_ASS_TAG = re.compile(r"\{\\[^}]*\}")
_SOUND_WORDS = (
    r"music|applause|laughter|laughs|laughing|inaudible|crosstalk|silence|chatter|noise|chuckles?|coughs?|sighs?"
    r"|cheering|background noise|indistinct"
)
_SOUND = re.compile(
    rf"\[(?:[^a-z\]]{{0,40}}|(?i:{_SOUND_WORDS})[^\]]{{0,30}})\]|\((?i:{_SOUND_WORDS})\)|\([A-Z][A-Z ]{{2,30}}\)|♪[^♪]*♪|[♪♫♬]+"
)
_SPEAKER = re.compile(r"^\s*(?:>>+\s*|-\s+)?(?:(?:[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3}|Speaker \d+|SPEAKER \d+):\s+)?")
_HAS_SPEAKER = re.compile(r"^\s*(?:>>|(?:[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3}|Speaker \d+|SPEAKER \d+):\s)")
_LICENCE_START = re.compile(r"^the following (content|program) is provided under a creative commons licen[cs]e", re.I)
_LICENCE_END = re.compile(r"ocw\.mit\.edu", re.I)
_STOP = re.compile(r"\w[.?!]+(?=\s|$)")
_CREDITS = re.compile(r"^(subtitles?|captions?|captioning|transcription|transcribed)\b.{0,40}\bby\b", re.I)


@dataclass
class Spoken:
    """One spoken sentence with the time range of the cues it came from."""

    text: str
    start: float
    end: float
    speaker_change: bool = False


class TranscriptCleaner:
    """Fill ``doc.blocks`` from ``doc.cues``: timed PARAGRAPH blocks, licence lead-in as BOILERPLATE."""

    min_words: Annotated[int, "a paragraph is not closed before it has this many words"] = 40
    max_words: Annotated[int, "a paragraph is closed before it would pass this many words"] = 120
    pause: Annotated[float, "seconds of silence between cues that end a paragraph"] = 2.0
    max_sentence_words: Annotated[int, "unpunctuated captions are cut into sentences this long at cue ends"] = 40
    max_punctuated_words: Annotated[int, "punctuated captions: a sentence still open after this many words is cut"] = 90

    def __call__(self, doc: Document) -> Document:
        sentences = self.sentences(doc.cues)
        if doc.cues and not _punctuated(doc.cues) and not any(_unspaced(c.text) for c in doc.cues[:20]):
            doc.warnings.append(
                "automatic captions without punctuation: sentence boundaries were guessed from the speech and "
                "misheard words stay as captioned; check the guide against the recording, or convert a punctuated transcript"
            )
        lead, body = _split_boilerplate(sentences)
        blocks = []
        if lead:
            blocks.append(_block(lead, BlockKind.BOILERPLATE))
        runs = _runs(body)
        content = sum(len(x.text.split()) for flag, run in runs if not flag for x in run)
        if content * 3 < sum(len(x.text.split()) for x in body):  # mostly talk (a short clip, a greeting): all of it
            runs = [(False, body)] if body else []
        for narration, run in runs:
            kind = BlockKind.FRAGMENT if narration else BlockKind.PARAGRAPH
            blocks.extend(_block(group, kind) for group in self._paragraphs(run))
        doc.blocks = blocks
        return doc

    def sentences(self, cues: list[Cue]) -> list[Spoken]:
        """Clean cue texts, drop rolling duplicates and merge the cues into timed sentences."""
        punctuated = _punctuated(cues)
        if not punctuated and not any(_unspaced(c.text) for c in cues[:20]):
            return self._tidy(self._unpunctuated(cues))
        out: list[Spoken] = []
        parts: list[str] = []
        start = end = 0.0
        change = False
        previous_lines: list[str] = []
        longest = self.max_punctuated_words if punctuated else self.max_sentence_words
        labels = named_speakers(cues)
        last_label = None
        for cue in cues:
            label = _NAMED.match(cue.text)
            named = label.group(1) if label and _is_label(label.group(1), labels) else None
            lines, speaker = _clean_cue(cue.text[label.end() :] if named else cue.text)
            speaker = speaker or named is not None and named != last_label
            last_label = named or last_label
            lines = _drop_rolling(lines, previous_lines)
            if not lines:
                continue
            previous_lines = lines
            text = " ".join(lines)
            if parts and (speaker or (not punctuated and cue.start - end >= self.pause) or _words(parts) >= longest):
                out.append(Spoken(normalize_ws(" ".join(parts)), start, end, change))
                parts = []
            if not parts:
                start, change = cue.start, speaker
            spans = sentence_spans(text)
            for k, (a, b) in enumerate(spans):
                parts.append(text[a:b])
                if k + 1 < len(spans) or ends_sentence(text[a:b]) or _unspaced(text[a:b]):
                    out.append(Spoken(normalize_ws(" ".join(parts)), start, cue.end, change))
                    parts, start, change = [], cue.start, False
            end = cue.end
        if parts:
            out.append(Spoken(normalize_ws(" ".join(parts)), start, end, change))
        return self._tidy(out)

    def _unpunctuated(self, cues: list[Cue]) -> list[Spoken]:
        """Automatic captions without punctuation: sentences guessed from discourse markers (``clean.captions``)."""
        texts: list[tuple[str, float, float]] = []
        previous_lines: list[str] = []
        for cue in cues:
            lines, _ = _clean_cue(cue.text)
            lines = _drop_rolling(lines, previous_lines)
            if lines:
                previous_lines = lines
                texts.append((" ".join(lines), cue.start, cue.end))
        return [Spoken(t, a, b) for t, a, b in caption_sentences(texts, self.max_sentence_words, self.pause)]

    @staticmethod
    def _tidy(out: list[Spoken]) -> list[Spoken]:
        kept: list[Spoken] = []
        for spoken in out:
            parts = split_turns(tidy_speech(spoken.text))
            kept.extend(Spoken(p, spoken.start, spoken.end, spoken.speaker_change and k == 0) for k, p in enumerate(parts))
        return [s for s in kept if s.text]

    def _paragraphs(self, sentences: list[Spoken]) -> list[list[Spoken]]:
        groups: list[list[Spoken]] = []
        current: list[Spoken] = []
        words = 0
        for sentence in sentences:
            n = len(sentence.text.split())
            if current and (
                sentence.speaker_change
                or (words >= self.min_words and words + n > self.max_words)
                or (words >= self.min_words // 2 and sentence.start - current[-1].end >= self.pause)
            ):
                groups.append(current)
                current, words = [], 0
            current.append(sentence)
            words += n
        if current:
            groups.append(current)
        return groups


def _punctuated(cues: list[Cue]) -> bool:
    """True when the captions carry sentence punctuation (a fifth of the cues or more end a sentence, or a sentence
    end every 40 words): then a pause or a cue end is no sentence boundary, the punctuation is."""
    ends = sum(1 for cue in cues if ends_sentence(cue.text.strip()))
    if bool(cues) and ends * 5 >= len(cues):
        return True
    words = sum(len(cue.text.split()) for cue in cues)
    stops = sum(len(_STOP.findall(cue.text)) for cue in cues)
    return stops * 40 >= words > 0


def _runs(sentences: list[Spoken]) -> list[tuple[bool, list[Spoken]]]:
    """Consecutive sentences grouped by whether they are narration or logistics (``clean.speech.is_narration``):
    those become context-only blocks, never the source of a summary or an item."""
    runs: list[tuple[bool, list[Spoken]]] = []
    for sentence in sentences:
        flag = is_narration(sentence.text)
        if runs and runs[-1][0] == flag:
            runs[-1][1].append(sentence)
        else:
            runs.append((flag, [sentence]))
    return runs


def _unspaced(text: str) -> bool:
    """Chinese, Japanese or Thai captions: written without sentence punctuation, each cue is a sentence."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(1 for c in letters if UNSPACED.match(c)) * 2 > len(letters)


#: "Caleob King: We are continuing ..." (a Zoom recording's captions): a name before a colon at a cue's start.
_NAMED = re.compile(r"^\s*([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}):\s+")
#: Share of the cues a name must open before it is read as the speaker's label, not a word of the text ("Note:").
_LABEL_SHARE = 0.2


def named_speakers(cues: list[Cue]) -> set[str]:
    """Names that open a fifth of the cues or more (at least three): speaker labels, as Zoom and Teams write them.
    Once the captions label a speaker so, any full name opening a cue is a label too (``_is_label``)."""
    counts: dict[str, int] = {}
    for cue in cues:
        if match := _NAMED.match(cue.text):
            counts[match.group(1)] = counts.get(match.group(1), 0) + 1
    return {name for name, n in counts.items() if n >= max(3, _LABEL_SHARE * len(cues))}


def _is_label(name: str, labels: set[str]) -> bool:
    """A frequent label, or in captions that label their speakers, another full name (a student's one question)."""
    return name in labels or bool(labels) and len(name.split()) >= 2


def _clean_cue(raw: str) -> tuple[list[str], bool]:
    """Plain lines of one cue, and whether it opens with a speaker label / ``>>``."""
    text = _TIME_TAG.sub("", raw)
    speaker = bool(_VOICE.search(text))
    text = _VOICE.sub("", text)
    text = _ASS_TAG.sub("", _TAG.sub("", text))
    text = html.unescape(text)
    lines = []
    for line in normalize_text(text).splitlines():
        line = _SOUND.sub(" ", line)
        speaker = speaker or bool(_HAS_SPEAKER.match(line))
        line = normalize_ws(_SPEAKER.sub("", line, count=1))
        if line:
            lines.append(line)
    return lines, speaker


def _drop_rolling(lines: list[str], previous: list[str]) -> list[str]:
    """Drop the leading lines a rolling caption repeats from the previous cue."""
    seen = {line.lower() for line in previous}
    index = 0
    while index < len(lines) and lines[index].lower() in seen:
        index += 1
    return lines[index:]


def _words(parts: list[str]) -> int:
    return sum(len(p.split()) for p in parts)


def _split_boilerplate(sentences: list[Spoken]) -> tuple[list[Spoken], list[Spoken]]:
    """Split off a licence lead-in (MIT OCW: 'The following content ... ocw.mit.edu.') and caption credits."""
    if sentences and _LICENCE_START.match(sentences[0].text):
        for i, sentence in enumerate(sentences[:8]):
            if _LICENCE_END.search(sentence.text):
                return sentences[: i + 1], sentences[i + 1 :]
        return sentences[:1], sentences[1:]
    if sentences and _CREDITS.match(sentences[0].text):
        return sentences[:1], sentences[1:]
    return [], sentences


def _block(sentences: list[Spoken], kind: BlockKind) -> Block:
    offsets, at = [], 0
    for s in sentences:
        offsets.append(at)
        at += len(s.text) + 1
    times = tuple((o, s.start, s.end) for o, s in zip(offsets, sentences))
    text = " ".join(s.text for s in sentences)
    return Block(text=text, kind=kind, start=sentences[0].start, end=max(s.end for s in sentences), times=times)
