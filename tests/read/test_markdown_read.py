"""TextExtractor + MarkdownCleaner: OpenStax Markdown chapters and small synthetic files -> plain-text blocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from seekh_convert.clean.markdown import MarkdownCleaner
from seekh_convert.errors import InputError
from seekh_convert.model.document import BlockKind, SourceKind
from seekh_convert.read.markdown import TextExtractor


def _read(path):
    return MarkdownCleaner()(TextExtractor()(path))


PSYCHOLOGY = "text/psychology__openstax-psychology-2e__ch08-memory.md"
PHYSICS = "text/physics__openstax-university-physics-v1__ch05-newtons-laws.md"
BIOLOGY = "text/biology__openstax-biology-1e-philschatz__ch04-cell-structure.md"
MARKUP = ("**", "{:", "<div", "</", "<span", "](", "[\\[", "\\_", "[see ", "&quot;", "<!--", "![")

_cache: dict[str, object] = {}


def _doc(corpus: Path, name: str):
    if name not in _cache:
        _cache[name] = _read(corpus / name)
    return _cache[name]


def _terms(doc) -> set[str]:
    return {t.lower() for b in doc.blocks for t in b.emphasis}


@pytest.mark.corpus
@pytest.mark.parametrize("name", [PSYCHOLOGY, PHYSICS, BIOLOGY])
def test_chapter_has_headings_sections_and_no_markup(corpus, name):
    doc = _doc(corpus, name)
    assert doc.kind is SourceKind.MARKDOWN
    headings = [b for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert len(headings) > 20
    assert headings[0].level == 1 and doc.title == headings[0].text
    body = [b for b in doc.blocks if b.kind is not BlockKind.HEADING]
    assert all(b.section for b in body)
    for block in doc.blocks:
        assert block.text and block.text == block.text.strip()
        for mark in MARKUP:
            assert mark not in block.text, (mark, block.text[:120])


@pytest.mark.corpus
def test_psychology_terms_references_and_sections(corpus):
    doc = _doc(corpus, PSYCHOLOGY)
    assert doc.title == "Memory"
    assert {"encoding", "semantic encoding", "sensory memory", "short-term memory (stm)"} <= _terms(doc)
    refs = [b for b in doc.blocks if b.section == "References"]
    assert len(refs) == 92  # heading + 91 entries
    assert all(b.kind is BlockKind.REFERENCE for b in refs if b.kind is not BlockKind.HEADING)
    assert not [b for b in doc.blocks if b.kind is BlockKind.REFERENCE and b.section != "References"]
    encoding = next(b for b in doc.blocks if "semantic encoding" in b.emphasis)
    assert encoding.section == "Encoding" and encoding.kind is BlockKind.PARAGRAPH
    assert "The encoding of words and their meaning is known as semantic encoding." in encoding.text
    summaries = [b for b in doc.blocks if b.section == "Summary" and b.kind is not BlockKind.HEADING]
    assert summaries and all(b.kind is BlockKind.SUMMARY for b in summaries)


@pytest.mark.corpus
def test_psychology_boxes_objectives_figures_and_tables(corpus):
    doc = _doc(corpus, PSYCHOLOGY)
    by_text = {b.text: b for b in doc.blocks}
    assert by_text["From: OpenStax Psychology 2e"].kind is BlockKind.BOILERPLATE
    assert by_text["Discuss the three basic functions of memory"].kind is BlockKind.BOILERPLATE
    assert by_text["Watch this video about the neuroscience of memory to learn more."].kind is BlockKind.BOILERPLATE
    figure = next(b for b in doc.blocks if b.text.startswith("Encoding involves the input of information"))
    assert figure.kind is BlockKind.FIGURE
    row = next(b for b in doc.blocks if b.text.startswith("Sin: Transience"))
    assert "Description: Accessibility of memory decreases over time" in row.text
    memory = next(b for b in doc.blocks if b.text.startswith("Memory is an information processing system"))
    assert memory.text.endswith("over different periods of time.")  # cross-reference "([see Figure...])" gone


@pytest.mark.corpus
def test_physics_terms_problems_and_examples(corpus):
    doc = _doc(corpus, PHYSICS)
    terms = _terms(doc)
    assert {"restoring force", "external forces", "free-body diagram", "newton’s first law of motion"} <= terms
    assert "example" not in terms and "strategy" not in terms
    example = next(b for b in doc.blocks if b.text.startswith("Example. What Acceleration Can a Person Produce"))
    assert example.kind is BlockKind.QUESTION
    solution = next(b for b in doc.blocks if b.text.startswith("Solution The magnitude of the acceleration"))
    assert solution.kind is BlockKind.QUESTION
    assert any(b.kind is BlockKind.CODE and b.text == "a=(51 N)/(24 kg)." for b in doc.blocks)
    problems = [b for b in doc.blocks if b.text in ("Problems", "Additional Problems", "Challenge Problems")]
    assert problems and all(b.kind is BlockKind.HEADING for b in problems)


@pytest.mark.corpus
def test_biology_front_matter_glossary_and_exercises(corpus):
    doc = _doc(corpus, BIOLOGY)
    assert doc.title == "Cell Structure"
    module_titles = [b.text for b in doc.blocks if b.kind is BlockKind.HEADING and b.level == 2]
    assert module_titles[:3] == ["Introduction", "Studying Cells", "Prokaryotic Cells"]
    glossary = {b.term: b for b in doc.blocks if b.kind is BlockKind.GLOSSARY}
    assert len(glossary) >= 40
    assert glossary["microscope"].text == "an instrument that magnifies an object"
    assert glossary["prokaryote"].section == "Glossary"
    assert {"microscope", "light microscopes", "unified cell theory", "prokaryote"} <= _terms(doc)
    stain = next(b for b in doc.blocks if b.text.startswith("When viewing a specimen through a light microscope"))
    assert stain.kind is BlockKind.QUESTION and "________" in stain.text
    options = [b for b in doc.blocks if b.text in ("special stains", "radioactive isotopes")]
    assert options and all(b.kind is BlockKind.QUESTION for b in options)
    answer = next(b for b in doc.blocks if b.text.startswith("A scanning electron microscope would be ideal"))
    assert answer.kind is BlockKind.QUESTION
    art = [b for b in doc.blocks if b.text.startswith("Prokaryotic cells are much smaller than eukaryotic cells. What")]
    assert len(art) == 2 and all(b.kind is BlockKind.QUESTION for b in art)
    link = next(b for b in doc.blocks if b.text.startswith("For another perspective on cell size"))
    assert link.kind is BlockKind.BOILERPLATE
    objectives = next(b for b in doc.blocks if b.text == "Summarize cell theory")
    assert objectives.kind is BlockKind.BOILERPLATE
    micro = next(b for b in doc.blocks if "light microscopes" in b.emphasis)
    assert "classified as light microscopes. Visible light" in micro.text  # "([\[link\]](#fig)**a**)" gone
    assert not any("cnx" in b.text.lower() or "layout: page" in b.text for b in doc.blocks)


@pytest.mark.corpus
def test_biology_table_rows_become_readable_blocks(corpus):
    doc = _doc(corpus, BIOLOGY)
    row = next(b for b in doc.blocks if b.text.startswith("Cell Component: Nucleus;"))
    assert "Present in Prokaryotes?: No" in row.text and row.kind is BlockKind.LIST_ITEM


def test_markdown_basics(tmp_path):
    src = tmp_path / "notes.md"
    src.write_text(
        "\ufeffPhotosynthesis\n==============\n\n"
        "Intro paragraph with **chlorophyll** and a [link](http://x.org) and `code`.\n\n"
        "Light reactions\n---------------\n\n"
        "- first *item*\n  continued here\n- second item\n\n"
        "> **Key Idea**\n> Light energy becomes chemical energy.\n\n"
        "```\nprint('x')\n```\n\n"
        "## References\n\nSmith, J. (2020). A book. Press.\n",
        encoding="utf-8",
    )
    doc = _read(src)
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert doc.title == "Photosynthesis"
    assert (BlockKind.PARAGRAPH, "Intro paragraph with chlorophyll and a link and code.") in kinds
    assert (BlockKind.LIST_ITEM, "first item continued here") in kinds
    assert (BlockKind.HEADING, "Light reactions") in kinds
    idea = next(b for b in doc.blocks if b.text.startswith("Light energy"))
    assert idea.section == "Light reactions" and "Key Idea" in idea.emphasis
    assert next(b for b in doc.blocks if b.text == "print('x')").kind is BlockKind.CODE
    assert next(b for b in doc.blocks if b.text.startswith("Smith, J.")).kind is BlockKind.REFERENCE
    assert doc.blocks[1].emphasis == ("chlorophyll",)


def test_plain_text_hard_wrapped_and_legacy_encoding(tmp_path):
    src = tmp_path / "chapter.txt"
    text = (
        "1.2 Forgetting curves\n\n"
        "Ebbinghaus found that forgetting is fast at first\nand then slows down over the following days.\n\n"
        "    An indented paragraph in plain text – not code.\n"
    )
    src.write_bytes(text.encode("cp1252"))
    doc = _read(src)
    assert doc.kind is SourceKind.TEXT and doc.title == "chapter"
    assert (doc.blocks[0].kind, doc.blocks[0].text, doc.blocks[0].level) == (BlockKind.HEADING, "1.2 Forgetting curves", 2)
    assert doc.blocks[1].text == "Ebbinghaus found that forgetting is fast at first and then slows down over the following days."
    assert doc.blocks[1].section == "1.2 Forgetting curves"
    assert doc.blocks[2].kind is BlockKind.PARAGRAPH and "–" in doc.blocks[2].text


def test_unreadable_inputs_raise_one_line_input_errors(tmp_path):
    empty = tmp_path / "empty.md"
    empty.write_text("<!-- nothing -->\n\n# Title only\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"^empty\.md: no text found"):
        _read(empty)
    with pytest.raises(InputError, match=r"^missing\.md: cannot read"):
        _read(tmp_path / "missing.md")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(InputError) as info:
        _read(binary)
    assert "\n" not in str(info.value)
