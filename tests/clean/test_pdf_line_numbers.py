"""Margin line numbers that the text layer glues to the lines (LaTeX lineno, as in SciPost lecture-note drafts)
are removed, and the words they split are repaired; a contents page's page numbers are left alone."""

from __future__ import annotations

from pathlib import Path

from seekh_convert.clean.pdf import PdfCleaner
from seekh_convert.model.document import Document, Line, RawPage, SourceKind

# As pypdfium2 returns a page of the Les Houches 2025 cosmology notes: every text line ends with its number.
NOTES = [
    "2.2 Solution by method of characteristics91",
    "The Vlasov equation (9a) can be solved by the method of characteristics. Characteristics are a94",
    "family of one-parameter curves X (t), V(t) in phase space that transport the initial data across95",
    "space and time. They are defined as the solutions to the characteristic ordinary differential96",
    "equations. The density in phase space is conserved along each characteristic, so that97",
    "solving for the characteristics is equivalent to solving the Vlasov equation. Near shell-crossing98",
    "the density develops singular-99",
    "ities and perturbation theory breaks down, which is why one has to resort to N-body simulations100",
    "beyond it. This is what we turn to in the next section, after a short look at the initial101",
    "conditions of the simulations and the way they are sampled in Fourier space from the power102",
    "spectrum of the density field at an early time, which is computed by an Einstein-Boltzmann code.103",
]
CONTENTS = [
    "1 Experimental background 7",
    "1.1 The photoelectric effect 7",
    "1.2 Waves, a brief summary 8",
    "1.3 The double-slit experiment 11",
    "2 The Schrodinger equation 19",
    "2.1 Fourier transform 19",
    "2.2 Delta functions 20",
    "2.3 Wave packets 23",
    "3 Bound states 29",
    "3.1 The square well 30",
    "3.2 The harmonic oscillator 34",
]


def _clean(lines: list[str]) -> str:
    page = [Line(text=t, size=11.5 if i == 0 else 10.5, x=85.0, y=700.0 - 14 * i) for i, t in enumerate(lines)]
    doc = PdfCleaner()(Document(path=Path("notes.pdf"), kind=SourceKind.PDF, pages=[RawPage(number=5, lines=page)]))
    return "\n".join(b.text for b in doc.blocks)


def test_glued_line_numbers_are_removed_and_words_repaired():
    text = _clean(NOTES)
    assert "Characteristics are a family of one-parameter curves" in text
    assert "transport the initial data across space and time" in text
    assert "the density develops singularities and perturbation theory" in text
    assert "Einstein-Boltzmann code." in text
    for glued in ("a94", "across95", "singular-", "simulations100", "code.103", "characteristics91"):
        assert glued not in text


def test_page_numbers_of_a_contents_list_are_kept():
    text = _clean(CONTENTS)
    assert "1.3 The double-slit experiment 11" in text and "3.2 The harmonic oscillator 34" in text
