"""Word equations (OMML) are kept as linear text, and a sentence running on through equation paragraphs is one
block again: a verbatim quote across an equation is found."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from lxml import etree

from seekh_convert.generate.openai.relocate import TopicQuotes
from seekh_convert.pipeline.run import Options, load_document
from seekh_convert.read.docx import DocxExtractor

_NS = (
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
)
SIGMA_SQUARED = "<m:sSup><m:e><m:r><m:t>σ</m:t></m:r></m:e><m:sup><m:r><m:t>2</m:t></m:r></m:sup></m:sSup>"
CV = (
    '<m:r><m:t>CV=</m:t></m:r><m:f><m:num><m:rad><m:radPr><m:degHide m:val="1"/></m:radPr><m:deg/><m:e>'
    + SIGMA_SQUARED
    + "</m:e></m:rad></m:num><m:den><m:r><m:t>μ</m:t></m:r></m:den></m:f>"
)
X_BAR = '<m:bar><m:barPr><m:pos m:val="top"/></m:barPr><m:e><m:r><m:t>x</m:t></m:r></m:e></m:bar>'


def _math(xml: str, display: bool):
    inner = f"<m:oMath {_NS}>{xml}</m:oMath>"
    if display:
        inner = f'<m:oMathPara {_NS}><m:oMathParaPr><m:jc m:val="center"/></m:oMathParaPr>{inner.replace(_NS, "")}</m:oMathPara>'
    return etree.fromstring(inner)


def _equation_paragraph(d, xml: str) -> None:
    d.add_paragraph()._p.append(_math(xml, display=True))


def _notes(path: Path) -> Path:
    d = docx.Document()
    d.add_heading("Summary statistics", level=1)
    d.add_paragraph("Variation in the data is typically described by the variance (typically denoted")
    _equation_paragraph(d, SIGMA_SQUARED)
    d.add_paragraph(") or its square root, the standard deviation, which has the units of the data.")
    inline = d.add_paragraph("The coefficient of variation is written as ")
    inline._p.append(_math(CV, display=False))
    inline.add_run(", which is sometimes miscalculated in published studies of variation.")
    d.add_paragraph("The mean of a sample is a summary of where its values lie, written as follows.")
    _equation_paragraph(d, X_BAR)
    d.add_paragraph("The median is the middle value of the sorted sample and resists extreme values.")
    d.save(path)
    return path


def test_equations_are_kept_as_linear_text(tmp_path):
    texts = [b.text for b in DocxExtractor()(_notes(tmp_path / "notes.docx")).raw_blocks]
    assert "The coefficient of variation is written as CV=(√(σ^2))/μ, which is sometimes miscalculated" in texts[2]


def test_a_sentence_through_an_equation_paragraph_is_one_block(tmp_path):
    texts = [b.text for b in DocxExtractor()(_notes(tmp_path / "notes.docx")).raw_blocks]
    assert texts[1] == (
        "Variation in the data is typically described by the variance (typically denoted σ^2) or its square root, "
        "the standard deviation, which has the units of the data."
    )
    # a finished sentence does not run on: the display equation after it stays a block of its own
    assert texts[3:] == [
        "The mean of a sample is a summary of where its values lie, written as follows.",
        "x\u0305",
        "The median is the middle value of the sorted sample and resists extreme values.",
    ]


def test_a_quote_across_an_equation_is_located(tmp_path):
    doc = load_document(_notes(tmp_path / "notes.docx"), Options())
    index = TopicQuotes(doc.topics[0], doc)
    assert index.find("described by the variance (typically denoted σ^2) or its square root, the standard deviation")
    assert index.find("written as CV=(√(σ^2))/μ, which is sometimes miscalculated in published studies")


@pytest.mark.corpus
def test_real_notes_keep_their_equations_inside_sentences(corpus):
    path = corpus.parent / "judged" / "documents" / "bios14-ch1-quantitative-analysis.docx"
    if not path.exists():
        pytest.skip(f"{path} not found")
    doc = load_document(path, Options())
    index = TopicQuotes(doc.topics[0], doc)
    quote = "the central tendency of a dataset is generally measured by the arithmetic mean (typically denoted μ or x̅), median"
    assert index.find(quote), "the sentence the Word reader used to split at its equations"
    text = "\n".join(b.text for b in doc.blocks)
    assert "CV=(√(σ^2))/μ which is sometimes misinterpreted as CV=√((σ^2)/μ)" in text
