"""TranscriptCleaner: cues -> timed, plain paragraph blocks whose sentences keep their own times."""

from __future__ import annotations

from pathlib import Path

import pytest

from seekh_convert.clean.transcript import TranscriptCleaner
from seekh_convert.model.document import BlockKind, Cue, Document, SourceKind
from seekh_convert.model.sources import SourceFinder
from seekh_convert.read.subtitles import SubtitleExtractor
from seekh_convert.text.normalize import normalize_ws

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
MIT = "transcripts/mit-ocw-5.111sc-lec02-atomic-structure.DERIVED.vtt"


def _clean(path: Path) -> Document:
    return TranscriptCleaner()(SubtitleExtractor()(path))


def _doc(*cues: tuple[float, float, str]) -> Document:
    return Document(path=Path("x.vtt"), kind=SourceKind.TRANSCRIPT, cues=[Cue(*c) for c in cues])


@pytest.mark.corpus
def test_mit_lecture_boilerplate_and_paragraphs(corpus):
    doc = _clean(corpus / MIT)
    lead = doc.blocks[0]
    assert lead.kind is BlockKind.BOILERPLATE
    assert lead.text.startswith("The following content is provided under a Creative Commons license.")
    assert lead.text.endswith("visit MIT OpenCourseWare at ocw.mit.edu.")
    assert (lead.start, lead.end) == (0.09, 20.55)
    body = doc.blocks[1:]
    assert {b.kind for b in body} == {BlockKind.PARAGRAPH, BlockKind.FRAGMENT}  # narration is context only
    assert body[0].text.startswith("Let's try the countdown again.")  # "CATHERINE DRENNAN:" label gone
    words = [len(b.text.split()) for b in body if b.kind is BlockKind.PARAGRAPH]
    assert max(words) <= 120 and sum(words) / len(words) > 50
    assert all(b.start is not None and b.end is not None and b.start <= b.end for b in body)
    assert [b.start for b in body] == sorted(b.start for b in body)
    text = doc.text
    for junk in ("AUDIENCE:", "DRENNAN:", "[APPLAUSE]", "[INAUDIBLE]", "[CHATTER]", "<", "-->"):
        assert junk not in text
    assert all(b.text == normalize_ws(b.text) for b in doc.blocks)


@pytest.mark.corpus
def test_sentence_spanning_cues_gets_first_start_and_last_end(corpus):
    doc = SubtitleExtractor()(corpus / MIT)
    sentences = TranscriptCleaner().sentences(doc.cues)
    bribe = next(s for s in sentences if s.text.startswith("So today, the person who answers"))
    assert bribe.text == "So today, the person who answers why that is correct will get an MIT chemistry T-shirt."
    assert (bribe.start, bribe.end) == (56.88, 71.07)  # cue 10 start .. cue 11 end
    audience = next(s for s in sentences if s.text.startswith("Let's see."))  # "All right," is a marker, not content
    assert audience.speaker_change


@pytest.mark.corpus
def test_youtube_rolling_duplicates_and_tags_removed(corpus):
    doc = _clean(corpus / "transcripts/youtube-autocaption-inline-word-timing.vtt")
    assert [b.text for b in doc.blocks] == ["Yeah what this will happen is I'm telling."]  # unpunctuated: a sentence
    assert (doc.blocks[0].start, doc.blocks[0].end) == (286.07, 305.069)


@pytest.mark.corpus
def test_gb2312_transcript_cleans_to_chinese_text(corpus):
    doc = _clean(corpus / "transcripts/chinese-gb2312-encoded.srt")
    assert doc.blocks and doc.blocks[0].text.startswith("宇宙守护神 保护我们远离邪恶")


def test_tags_sounds_and_speakers_are_stripped():
    doc = TranscriptCleaner()(
        _doc(
            (0.0, 2.0, "<v Dr. Lee>Welcome back</v> [APPLAUSE]"),
            (2.0, 4.0, "<i>everyone</i>. ♪ la la ♪ (laughter)"),
            (4.0, 6.0, ">> STUDENT: Can you repeat &amp; explain?"),
            (6.0, 8.0, "{\\an8}Sure. Dr. Smith will e.g. help."),
        )
    )
    texts = [b.text for b in doc.blocks]
    assert texts == ["Welcome back everyone.", "Can you repeat & explain? Dr. Smith will e.g. help."]  # "Sure." is an aside
    sentences = TranscriptCleaner().sentences(doc.cues)
    assert [s.text for s in sentences][-1] == "Dr. Smith will e.g. help."


def test_paragraphs_break_on_long_pauses_and_length():
    cues = [(i * 10.0, i * 10.0 + 9.0, " ".join(f"word{i}x{k}" for k in range(30)) + ".") for i in range(6)]  # 30 words
    cues.append((100.0, 105.0, "After a long pause something new begins."))
    doc = TranscriptCleaner()(_doc(*cues))
    counts = [len(b.text.split()) for b in doc.blocks]
    assert counts == [120, 60, 7]
    assert (doc.blocks[-1].start, doc.blocks[-1].end) == (100.0, 105.0)


def test_unpunctuated_captions_are_cut_into_sentences():
    cues = [(float(i), i + 1.0, f"and then in part {i} we keep talking without any punctuation") for i in range(20)]
    sentences = TranscriptCleaner().sentences(_doc(*cues).cues)
    assert len(sentences) > 3 and all(len(s.text.split()) <= 50 for s in sentences)


def test_sample_lecture_reads_as_a_memory_lecture():
    doc = _clean(SAMPLES / "memory-lecture.vtt")
    assert not doc.warnings
    text = doc.text
    assert 800 <= len(text.split()) <= 1200
    assert 300 <= doc.blocks[-1].end <= 420
    for term in (
        "encoding",
        "storage",
        "retrieval",
        "sensory memory",
        "short-term memory",
        "long-term memory",
        "forgetting curve",
    ):
        assert term in text.lower()
    assert "PROFESSOR" not in text and "STUDENT:" not in text and "[APPLAUSE]" not in text
    assert len(doc.blocks) >= 6 and all(b.kind in (BlockKind.PARAGRAPH, BlockKind.FRAGMENT) for b in doc.blocks)


def _times(doc: Document, quote: str):
    finder = SourceFinder(doc.blocks)
    span = finder.find(quote)
    if span is None:
        return None
    ref = finder.ref(span, quote)
    return ref.start, ref.end


def test_a_quote_gets_the_times_of_its_own_sentences():
    doc = TranscriptCleaner()(
        _doc(
            (0.0, 4.0, "Memory has three processes. Encoding comes"),
            (4.0, 8.0, "first. Storage keeps information"),
            (8.0, 12.0, "over time."),
        )
    )
    block = doc.blocks[0]
    assert (block.start, block.end) == (0.0, 12.0)
    assert _times(doc, "Encoding comes  first.") == (0.0, 8.0)
    assert _times(doc, "storage keeps information over time") == (4.0, 12.0)
    assert _times(doc, "“Storage” keeps infor- mation over time") == (4.0, 12.0)  # matched leniently, same times
    assert _times(doc, "not in the text") is None


def test_zoom_speaker_names_are_labels_not_words():
    """Set 21's Zoom captions: every cue opens "Caleob King: ...", which became a topic title ("Caleob King"), a
    Definition ("Caleob King: the answer there is.54 grams.") and a card ("What is Caleob King?")."""
    lines = [
        "Caleob King: We are continuing to talk about the mole today.",
        "Caleob King: A mole of any gas at standard conditions fills 22.4 liters.",
        "Ana Ruiz: Is that true for helium too?",
        "Caleob King: Yes, for helium and for every other gas as well.",
        "Caleob King: Note: the molar mass comes from the periodic table.",
    ]
    doc = _doc(*((4.0 * i, 4.0 * i + 3.5, text) for i, text in enumerate(lines)))
    text = " ".join(b.text for b in TranscriptCleaner()(doc).blocks)
    assert "Caleob King" not in text and "Ana Ruiz" not in text
    assert "We are continuing to talk about the mole today." in text
    assert "Note: the molar mass comes from the periodic table." in text  # a word before a colon inside the text stays
