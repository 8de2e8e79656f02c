from pathlib import Path

from conftest import make_guide_dict
from seekh_convert.clean.transcript import TranscriptCleaner
from seekh_convert.model.document import Cue, Document, SourceKind, Topic
from seekh_convert.locate import refine_times
from seekh_convert.model.guide import GuideContent


def test_quotes_get_the_times_of_their_own_sentences():
    doc = Document(Path("l.vtt"), SourceKind.TRANSCRIPT, cues=[
        Cue(0.0, 4.0, "The therapeutic alliance is the working relationship"),
        Cue(4.0, 9.0, "between client and therapist. It has three parts."),
        Cue(9.0, 15.0, "Goals, tasks and the bond matter."),
    ])
    TranscriptCleaner()(doc)
    [block] = doc.blocks
    topic = Topic(1, "Alliance", doc.blocks)
    data = make_guide_dict()
    data.pop("provenance")
    quote = "The therapeutic alliance is the working relationship between client and therapist."
    src = {"quote": quote, "start": block.start, "end": block.end}
    data["definition"]["source"] = dict(src)
    data["summary"]["sentences"][0]["source"] = {"quote": "Goals, tasks and the bond matter.", "start": 0.0, "end": 15.0}
    content = refine_times(GuideContent.model_validate(data), topic)
    assert (content.definition.source.start, content.definition.source.end) == (0.0, 9.0)
    assert (content.summary.sentences[0].source.start, content.summary.sentences[0].source.end) == (9.0, 15.0)
    assert content.key_takeaways[0].source.start is None  # page-located refs are left alone
