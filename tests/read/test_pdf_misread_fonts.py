"""Pages pypdf misreads are read again by PDFium. LIN 539's notes on Person Case Constraints (XCharter Type 1 fonts
with a Differences encoding) came out of pypdf as "thus arenGt of importance to usN but we will still include them
for nowN", and the guide published it (set 17's teacher: "garbled PDF text published as the summary")."""

from __future__ import annotations

from pathlib import Path

from seekh_convert.model.document import Line
from seekh_convert.read import pdf as module
from seekh_convert.read.pdf import PdfExtractor
from seekh_convert.read.pdfium_text import PdfiumPages, better, misread

SAMPLE = Path(__file__).parents[2] / "samples" / "therapeutic-alliance-notes.pdf"
MISREAD = (
    "but languages do many other quirky thingsL and one particularly quirky thing is the\nperson case constraintL "
    "short pccN\n1 the pcc explained\nthe pcc is a restriction on cliticsN a clitic is a reduced pronoun that has "
    "attached to\nanother wordN for instanceL the english pronoun her is often realized as a clitic ’erL as\nin i "
    "saw’er yesterdayN\ncan you think of other clitics in english_ exemplify their use with speci?c senM\ntencesN"
)
AS_PRINTED = (
    "But languages do many other quirky things, and one particularly quirky thing is the\nPerson Case Constraint, "
    "short PCC.\n1 The PCC explained\nThe PCC is a restriction on clitics. A clitic is a reduced pronoun that has "
    "attached to\nanother word. For instance, the English pronoun her is often realized as a clitic ’er, as\nin I "
    "saw’er yesterday.\nCan you think of other clitics in English? Exemplify their use with specific sentences."
)


def test_words_ending_in_a_stray_capital_mark_a_misread_page() -> None:
    assert misread(MISREAD)
    assert not misread(AS_PRINTED)
    # German notes name variables "idX", "rjA" now and then: not a misread font
    assert not misread("Sei idX die Identität auf X und rjA die Einschränkung auf A. " * 3 + "Wort " * 300)
    assert not misread("The pH of the mRNA buffer, measured in mM, was 7.4 in the iPhone app. " * 10)


def test_the_second_reading_is_kept_only_where_it_reads_better() -> None:
    first, second = [Line(text=MISREAD)], [Line(text=AS_PRINTED)]
    assert better(first, second) is second
    assert better(first, None) is first
    assert better(first, [Line(text="The pairs")]) is first  # it lost most of the words


def test_pdfium_lines_carry_size_weight_and_place() -> None:
    pages = PdfiumPages(SAMPLE.read_bytes())
    try:
        lines = pages.lines(1)
    finally:
        pages.close()
    assert lines is not None
    heading = next(line for line in lines if line.text == "1. What the Therapeutic Alliance Is")
    assert heading.bold and heading.size == 15.0 and heading.x is not None and heading.y is not None
    assert "therapeutic alliance" in {s for line in lines for s in line.bold_spans}


def test_a_misread_page_is_read_again_and_the_others_are_left_alone(monkeypatch) -> None:
    real = module._page_lines
    expected = PdfExtractor()(SAMPLE)

    def misreading(page):  # pypdf's reading of page 2 with its full stops turned into "N"
        lines = real(page)
        if page.page_number != 1:
            return lines
        return [Line(text=" ".join(f"{w}N" if w.isalpha() and w.islower() else w for w in x.text.split())) for x in lines]

    monkeypatch.setattr(module, "_page_lines", misreading)
    doc = PdfExtractor()(SAMPLE)
    assert misread("\n".join(x.text for x in misreading(module.PdfReader(str(SAMPLE)).pages[1])))
    assert doc.pages[0].lines == expected.pages[0].lines  # pypdf's own reading, typography and all
    again, printed = (" ".join(x.text for x in d.pages[1].lines).split() for d in (doc, expected))
    assert not misread(" ".join(again)) and len(set(again) & set(printed)) >= 0.9 * len(set(printed))


def test_words_run_together_are_read_again():
    """Set 21's NMR notes: pypdf ran words together where the LaTeX font's spaces are no characters ("toputitbriefly",
    "upanddownalong"); PDFium reads the same lines with their spaces."""
    from seekh_convert.model.document import Line
    from seekh_convert.read.pdfium_text import better, misread

    glued = [
        Line("The spin upanddownalong Sz for an applied field are the energy states."),
        Line("To put it briefly, toputitbriefly the precession is a circular current."),
        Line("An electromagnetic wave carries the understanding of spectroscopies."),
    ]
    spaced = [
        Line("The spin up and down along Sz for an applied field are the energy states."),
        Line("To put it briefly, to put it briefly the precession is a circular current."),
        Line("An electromagnetic wave carries the understanding of spectroscopies."),
    ]
    assert misread("\n".join(line.text for line in glued))
    assert not misread("\n".join(line.text for line in spaced))  # long English words are no fault
    assert better(glued, spaced) is spaced
    assert better(spaced, glued) is spaced
