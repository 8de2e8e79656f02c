"""Front and back matter (contents, lists of figures/tables, indexes, licences, references, dot leaders) in every
input kind the tool reads: marked by clean, never a topic, never quoted by an item."""

from __future__ import annotations

import asyncio
import re

import pytest

from seekh_convert.clean.matter import mark_matter, shape_kind
from seekh_convert.generate.offline import OfflineEngine
from seekh_convert.model.document import JUNK_KINDS, Block, BlockKind
from seekh_convert.pipeline import load_document

BODY = " ".join(
    f"Encoding is the input of information into the memory system, and fact {i} about encoding is that effortful "
    f"processing needs attention while automatic processing does not."
    for i in range(12)
)
LICENCE = (
    "This work is licensed under a Creative Commons Attribution-ShareAlike 4.0 International License. You are free to: "
    "Share — copy and redistribute the material in any medium or format. Adapt — remix, transform, and build upon the "
    "material for any purpose. Under the following terms: Attribution — You must give appropriate credit. ShareAlike — "
    "If you remix, you must distribute your contributions under the same license as the original."
)
MARKDOWN = f"""# Memory

## Contents

1.1 Encoding . . . . . . . . 3
1.2 Storage . . . . . . . . 5
1.3 Retrieval . . . . . . . 8

## License

{LICENCE}

## Encoding

{BODY}

## Storage

{BODY.replace("Encoding is the input", "Storage is the keeping")}

## List of Tables

Table 4.1 Typical measurement setup . . . . . . . . 23

Table 4.2 Results of the recall test . . . . . . . . 25

## Index

encoding, 3, 7, 12; retrieval, 8, 9; storage, 5-6, 11; working memory, 14, 15; rehearsal, 17, 19
"""


def _topics_and_quotes(path):
    doc = load_document(path)
    engine = OfflineEngine()
    quotes = []
    for topic in doc.topics:
        content = asyncio.run(engine.generate(topic, doc)).content
        quotes += [m.group(1) for m in re.finditer(r'"quote":"((?:[^"\\]|\\.)*)"', content.model_dump_json())]
    return doc, quotes


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_markdown_and_text_matter_is_never_a_topic_nor_quoted(tmp_path, suffix):
    path = tmp_path / f"memory{suffix}"
    text = MARKDOWN if suffix == ".md" else MARKDOWN.replace("## ", "").replace("# ", "")
    path.write_text(text, encoding="utf-8")
    doc, quotes = _topics_and_quotes(path)
    titles = [t.title for t in doc.topics]
    assert not [t for t in titles if t in ("Contents", "License", "List of Tables", "Index")], titles
    assert {BlockKind.CONTENTS, BlockKind.INDEX, BlockKind.BOILERPLATE} <= {b.kind for b in doc.blocks}
    junk = [b.text for b in doc.blocks if b.kind in JUNK_KINDS]
    assert any("Creative Commons" in t for t in junk) and any("Typical measurement setup" in t for t in junk)
    assert not [q for q in quotes if "license" in q.lower() or "...." in q or ". . ." in q or "redistribute" in q]


def test_shapes_of_contents_and_index_blocks():
    assert shape_kind("4.1 Typical measurement setup . . . . . . . . . 23") is BlockKind.CONTENTS
    assert (
        shape_kind("1.1 Topologische Räume 6 1.2 Metrische Räume 10 1.3 Stetigkeit 13 1.4 Zusammenhang 15") is BlockKind.CONTENTS
    )
    assert shape_kind("Barlow, Joel, 8 Barnes & Noble, 147 Barry, Hank, 189, 191 BBC, 270 Beatles, 57") is BlockKind.INDEX
    assert shape_kind("Encoding is the input of information into the memory system, as Baddeley, 2000, says.") is None


def test_a_licence_page_without_a_title_is_boilerplate():
    blocks = [Block(part.strip() + ".", page=2) for part in LICENCE.split(". ") if part.strip()]
    blocks.append(Block("Memory is the set of processes used to encode, store and retrieve information.", page=3))
    mark_matter(blocks)
    assert all(b.kind is BlockKind.BOILERPLATE for b in blocks if b.page == 2)
    assert blocks[-1].kind is BlockKind.PARAGRAPH


@pytest.mark.corpus
def test_pdf_contents_index_and_licence_pages_are_not_topics(corpus):
    geo = load_document(corpus / "pdf" / "GeoTopo-lecture-notes-de-117-pages.pdf")
    contents = [b for b in geo.blocks if b.page in (4, 5) and b.kind is not BlockKind.HEADING]
    assert contents and all(b.kind is BlockKind.CONTENTS for b in contents)
    assert not [t.title for t in geo.topics if "verzeichnis" in t.title.lower() or "lösungen" in t.title.lower()]
    book = load_document(corpus / "pdf" / "freeculture-352-pages.pdf")
    kinds = {b.page: b.kind for b in book.blocks if b.page in (2, 11, 340) and b.kind is not BlockKind.HEADING}
    assert kinds == {2: BlockKind.BOILERPLATE, 11: BlockKind.CONTENTS, 340: BlockKind.INDEX}
    for topic in book.topics:
        usable = [b for b in topic.blocks if b.usable]
        assert not [b for b in usable if shape_kind(b.text) is not None], topic.title


@pytest.mark.corpus
def test_transcript_licence_lead_in_is_never_quoted(corpus):
    doc, quotes = _topics_and_quotes(corpus / "transcripts" / "mit-ocw-5.111sc-lec02-atomic-structure.DERIVED.vtt")
    assert doc.blocks[0].kind is BlockKind.BOILERPLATE and "Creative Commons" in doc.blocks[0].text
    assert not [q for q in quotes if "Creative Commons" in q or "OpenCourseWare" in q]


def test_srt_licence_lead_in_is_boilerplate(tmp_path):
    path = tmp_path / "lecture.srt"
    cues = [
        "The following content is provided under a Creative Commons license.",
        "Your support will help MIT OpenCourseWare continue to offer high quality educational resources for free.",
        *[f"Encoding is the first step of memory, and step {i} of encoding needs attention to the material." for i in range(40)],
    ]
    path.write_text(
        "\n".join(f"{i + 1}\n00:00:{i:02d},000 --> 00:00:{i:02d},900\n{text}\n" for i, text in enumerate(cues[:60])),
        encoding="utf-8",
    )
    doc = load_document(path)
    assert doc.blocks[0].kind is BlockKind.BOILERPLATE and "Creative Commons" in doc.blocks[0].text


def test_spaced_dots_of_maths_are_no_contents_leader():
    """Relay run 23: "S[1 . . . n]" in a problem statement read as a dot leader, and the statement never reached the
    model; spaced dots are a leader only before a page number."""
    statement = (
        "▶ Problem 1 (Activity selection). There are n activities and two arrays S[1 . . . n] and F [1 . . . n] "
        "listing the start and finish times of each activity."
    )
    assert shape_kind(statement) is None
    assert shape_kind("1 Introduction . . . . . . . 3 2 Methods . . . . . . 17") is BlockKind.CONTENTS
    assert shape_kind("Preface . . . xi") is BlockKind.CONTENTS
