"""A book chapter's titles as its author set them: bold numbered lines at body size are sections (also when one
ends a sentence, "2. Where does electricity come from?"), and a sentence set large for emphasis ("This identity is
almost certainly the most important formula in the whole of mathematics!", over two lines) is no title (it was the
parent title of four of a chapter's five topics, teacher set K)."""

from __future__ import annotations

from fakes.pdf_files import styled_pdf

from seekh_convert.pipeline import load_document

BODY = (
    "Electricity is generated in power stations and carried to homes by a network of cables and transformers. "
    "The demand for electricity changes through the day and through the year, and the supply has to follow it. "
)


def _prose(n: int, shift: int = 0) -> list[tuple[str, bool, float]]:
    """``n`` times the body text, its lines cut ``shift`` words later (pages must not repeat an edge line)."""
    words = (BODY * (n + 1)).split()[shift : shift + len(BODY.split()) * n]
    return [(" ".join(words[i : i + 13]), False, 12) for i in range(0, len(words), 13)]


def test_bold_numbered_sections_are_topics_and_a_displayed_exclamation_is_not(tmp_path):
    pages = [
        [("Chapter 4: Energetic Maths.", True, 16), ("1. Introduction", True, 12), *_prose(8, 2)],
        [("2. Where does electricity come from and where does it go to?", True, 12), *_prose(8, 4)],
        [
            ("3 Complex numbers and their applications", True, 12),
            *_prose(2, 6),
            ("This identity is almost certainly the most important formula in the", True, 14),
            ("whole of mathematics!", True, 14),
            *_prose(6, 8),
        ],
        [("4 Power cuts and tipping points", True, 12), *_prose(8, 10)],
    ]
    doc = load_document(styled_pdf(tmp_path / "chapter.pdf", pages))
    titles = [t.title for t in doc.topics]
    assert titles == [
        "Introduction",
        "Where does electricity come from and where does it go to?",
        "Complex numbers and their applications",
        "Power cuts and tipping points",
    ], titles
    shown = next(b for b in doc.blocks if "almost certainly" in b.text)
    assert shown.kind.name == "PARAGRAPH" and "whole of mathematics!" in shown.text
