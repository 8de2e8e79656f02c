"""Office decks draw arrows and ticks with Wingdings glyphs stored in the Unicode Private Use Area; the cleaner gives
the character they draw (relay run 10 sent ".c \\uf0e0 C source code" to the model), and leaves other text alone."""

from __future__ import annotations

from pptx import Presentation

from seekh_convert.clean import clean
from seekh_convert.clean.common import normalize_text
from seekh_convert.read.pptx import PptxExtractor


def test_wingdings_arrows_and_ticks_become_their_characters():
    assert normalize_text("#ifdef XYZ \uf0e0 is true if XYZ is defined") == "#ifdef XYZ → is true if XYZ is defined"
    assert normalize_text("\uf0fc compiles \uf0e8 runs") == "✓ compiles ⇒ runs"
    assert (
        normalize_text("Plain text → stays; \ue000 is not a symbol font glyph")
        == "Plain text → stays; \ue000 is not a symbol font glyph"
    )


def test_a_decks_symbol_font_arrow_reaches_the_document_as_an_arrow(tmp_path):
    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = "File postfix"
    slide.placeholders[1].text = (
        "Most compilers tell a source file by its postfix, so name every file with care.\n.c \uf0e0 C source code\n"
        ".h for header file \uf0e0 C and C++ codes\nA header file holds the declarations that several source files share."
    )
    path = tmp_path / "postfix.pptx"
    deck.save(str(path))
    doc = clean(PptxExtractor()(path))
    text = " ".join(b.text for b in doc.blocks)
    assert ".c → C source code" in text and "\uf0e0" not in text
