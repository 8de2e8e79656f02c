"""MathJax markup in a web page (a Jupyter Book chemistry chapter) is read as a teacher reads the rendered page:
"CO₂", "kJ mol⁻¹", "δ−", never ``\\(\\ce{CO2}\\)``, in the text and in the headings that title topics."""

from __future__ import annotations

import pytest
from conftest import CORPUS

from seekh_convert.clean import clean
from seekh_convert.clean.tex import render_tex
from seekh_convert.read import read

PAGE = r"""<html><head><title>1.3 Chemical Bonding</title></head><body><main><article>
<h1>1.3 Chemical Bonding</h1>
<p>Atoms form chemical bonds to reach a stable electron configuration, as the noble gases have.</p>
<h2>Example: Lewis structure of <span class="math notranslate nohighlight">\(\ce{CO2}\)</span> molecule</h2>
<p>Let us draw the Lewis structure of the <span class="math">\(\ce{CO2}\)</span> molecule. The carbon atom shares
two pairs of electrons with each oxygen atom, so that every atom completes its octet.</p>
<p>Bond energy is the energy needed to break one mole of a bond, measured in <span class="math">\(\pu{kJ mol-1}\)</span>.
The oxygen atom carries a partial negative charge (<span class="math">\(\delta-\)</span>) in water, and ions such as
<span class="math">\(\ce{SO4^2-}\)</span> and <span class="math">\(\ce{Na+}\)</span> are held by ionic bonds.</p>
</article></main></body></html>"""


def test_mathjax_in_a_web_page_is_rendered_as_text(tmp_path):
    path = tmp_path / "bonding.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = clean(read(path))
    text = "\n".join(b.text for b in doc.blocks)
    assert "\\(" not in text and "\\ce" not in text and "\\pu" not in text
    assert "Example: Lewis structure of CO₂ molecule" in [b.text for b in doc.blocks if b.kind.name == "HEADING"]
    assert "measured in kJ mol⁻¹." in text and "(δ-)" in text and "SO₄²⁻ and Na⁺" in text


def test_inline_maths_rendered_and_money_left_alone():
    assert render_tex(r"we split the data into \(k\) folds (\(k>2\))") == "we split the data into k folds (k>2)"
    assert render_tex(r"$$ PPV = \frac{a + b}{c} $$ where $\beta$ is the rate") == "PPV = (a + b)/c where β is the rate"
    assert render_tex("It costs $5 or $10 a copy.") == "It costs $5 or $10 a copy."


@pytest.mark.corpus
def test_jupyter_book_lecture_keeps_no_mathjax():
    doc = clean(read(CORPUS / "html" / "BAIT509-lecture2-splitting-and-cross-validation.html"))
    text = "\n".join(b.text for b in doc.blocks if b.kind.name != "CODE")
    assert "\\(" not in text and "\\text{" not in text
    assert "we split the training data into k folds (k>2, often k=10)" in text
