"""The study site in real headless Chromium, opened from file://: every page type works, is accessible and inert."""

from __future__ import annotations

import json

import pytest

from seekh_convert.model.guide import StudyGuide

pytest_plugins = ["publishing"]
pytestmark = pytest.mark.browser

TOPIC = "therapeutic-alliance-notes/01-what-the-therapeutic-alliance-is"
QUIZ = "memory-lecture/01-memory-lecture"  # the sample topic whose guide holds multiple-choice questions
PAGES = {
    "summary": f"{TOPIC}/summary.html",
    "flashcards": f"{TOPIC}/flashcards.html",
    "practice": f"{QUIZ}/practice.html",
    "library": "index.html",
    "qa": "qa.html",
}


def _open(watched, root, page):
    watched.page.goto((root / page).as_uri())
    return watched.page


def _guide(root, topic=TOPIC) -> StudyGuide:
    return StudyGuide.model_validate(json.loads((root / topic / "guide.json").read_text()))


@pytest.mark.parametrize("kind", list(PAGES))
def test_each_page_type_opens_from_file_is_accessible_and_stays_offline(kind, published, browser_page, axe_source, artifacts):
    page = _open(browser_page, published, PAGES[kind])
    assert page.locator("main h1").count() == 1
    assert page.locator("header nav a[href$='index.html']").count() >= 1  # back to the library from everywhere
    page.screenshot(path=str(artifacts / f"{kind}.png"), full_page=True)
    page.evaluate(axe_source)  # through the DevTools protocol: the page's own CSP admits no other script
    violations = page.evaluate("axe.run(document).then(r => r.violations.map(v => ({id: v.id, impact: v.impact})))")
    assert [v for v in violations if v["impact"] in ("serious", "critical")] == []
    assert browser_page.errors == []
    assert browser_page.outside(("file://",)) == []


def test_summary_page_follows_the_reference_layout(published, browser_page):
    page = _open(browser_page, published, PAGES["summary"])
    guide = _guide(published)
    assert page.locator("h1").inner_text() == f"{guide.topic} Summary"
    assert "Essential concepts and key takeaways for exam prep" in page.inner_text("main")
    headings = page.locator("main h2").all_inner_texts()
    assert headings == [
        "Definition",
        "Summary",
        "Key Takeaways",
        "What to Learn Next",
        "Prerequisites",
        "Real World Applications",
    ]
    assert page.locator("#takeaways ~ ol > li").count() == len(guide.key_takeaways)
    first = page.locator("details.source").first
    assert not first.locator("blockquote").is_visible()
    first.locator("summary").click()  # the quote is one click away
    assert guide.definition.source.quote in first.locator("blockquote").inner_text()


def test_learn_next_links_to_topics_the_library_has(published, browser_page):
    page = _open(browser_page, published, PAGES["summary"])
    link = page.locator("#learn-next ~ ul a").first
    target = link.inner_text()
    link.click()
    assert page.locator("h1").inner_text() == f"{target} Summary"


def test_a_phone_reads_the_summary_without_sideways_scrolling(published, chromium, artifacts):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto((published / PAGES["summary"]).as_uri())
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(artifacts / "summary-phone.png"))
    context.close()


def test_flashcards_flip_move_and_keep_spaced_repetition_progress_across_a_reload(published, browser_page):
    page = _open(browser_page, published, PAGES["flashcards"])
    cards = _guide(published).flashcards
    text = page.locator("#card-text")
    assert text.inner_text() == cards[0].front
    page.click("#flip")
    assert text.inner_text() == cards[0].back
    assert page.locator("#card-source").is_visible()
    page.click("#next")
    assert text.inner_text() == cards[1].front
    page.keyboard.press("ArrowRight")
    assert text.inner_text() == cards[2].front
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("Space")  # anywhere but on a control, Space flips
    assert text.inner_text() == cards[2].back
    page.focus("#flip")
    page.keyboard.press("Enter")
    assert text.inner_text() == cards[2].front
    page.keyboard.press("ArrowLeft")
    assert page.locator("#position").inner_text() == f"Card 2 of {len(cards)}"

    page.click("[data-mode=srs]")
    assert page.locator("#position").inner_text() == f"Spaced repetition: {len(cards)} card(s) due"
    assert not page.locator("#rating").is_visible()
    page.click("#flip")
    page.click("[data-rate=good]")
    page.click("#flip")
    page.keyboard.press("4")  # easy
    assert page.locator("#position").inner_text() == f"Spaced repetition: {len(cards) - 2} card(s) due"

    page.reload()
    expected = f"New: {len(cards) - 2} "
    # (a loaded machine once read the stats before the reloaded page had restored them: wait for them, up to 5 s)
    page.wait_for_function(f"document.getElementById('srs-stats').textContent.startsWith({expected!r})", timeout=5000)
    assert page.locator("#srs-stats").inner_text().startswith(expected)
    page.click("[data-mode=srs]")
    assert page.locator("#position").inner_text() == f"Spaced repetition: {len(cards) - 2} card(s) due"
    stored = page.evaluate(
        "JSON.parse(localStorage.getItem('seekh-srs:' + JSON.parse(document.getElementById('seekh-data').textContent).deck))"
    )
    assert sorted(s["last"] for s in stored.values()) == ["easy", "good"]


def test_practice_checks_answers_keeps_score_and_retries_the_wrong_ones(published, browser_page):
    page = _open(browser_page, published, PAGES["practice"])
    questions = _guide(published, QUIZ).questions
    assert any(q.kind == "multiple_choice" for q in questions)
    items = page.locator("li.question")
    assert items.count() == len(questions)
    wrong_at = None
    for i, q in enumerate(questions):
        item = items.nth(i)
        if q.kind == "multiple_choice" and wrong_at is None:
            wrong_at = i
            item.locator(f"input[value='{(q.answer_index + 1) % 4}']").check()
        elif q.kind == "multiple_choice":
            item.locator(f"input[value='{q.answer_index}']").check()
        elif q.kind == "true_false":
            item.locator(f"input[value='{str(q.answer).lower()}']").check()
        else:
            item.locator("input[type=text]").fill(q.answer)
        item.locator("button.check").click()
        verdict = item.locator(".verdict").inner_text()
        assert verdict == ("Not quite." if i == wrong_at else "Correct."), (i, q.kind)
        assert q.explanation in item.locator(".feedback").inner_text()
    right = len(questions) - 1
    assert page.locator("#score").inner_text() == f"Score: {right} of {len(questions)} correct ({len(questions)} answered)"
    page.click("#retry")
    visible = [i for i in range(len(questions)) if items.nth(i).is_visible()]
    assert visible == [wrong_at]
    assert not items.nth(wrong_at).locator(".feedback").is_visible()
    q = questions[wrong_at]
    items.nth(wrong_at).locator(f"input[value='{q.answer_index}']").check()
    items.nth(wrong_at).locator("button.check").click()
    assert page.locator("#score").inner_text().startswith(f"Score: {len(questions)} of {len(questions)} correct")


def test_qa_bank_searches_and_filters_every_question_of_the_library(published, browser_page):
    page = _open(browser_page, published, PAGES["qa"])
    rows = page.locator(".qa-list > li")
    total = sum(len(StudyGuide.model_validate(json.loads(p.read_text())).questions) for p in published.glob("*/*/guide.json"))
    assert rows.count() == total
    page.fill("#q", "defines cue")
    shown = [r for r in rows.all() if r.is_visible()]
    assert 0 < len(shown) < total
    assert all("defines cue" in r.inner_text().lower() for r in shown)
    assert page.locator("#count").inner_text() == f"{len(shown)} of {total} question(s) shown"
    page.fill("#q", "")
    kinds = [r.get_attribute("data-kind") for r in rows.all()]
    kind = sorted(set(kinds), key=kinds.count)[0]  # the rarest kind the library has (the offline engine writes few true/false)
    page.select_option("#kind", kind)
    shown = [r for r in rows.all() if r.is_visible()]
    assert len(shown) == kinds.count(kind) and all(r.get_attribute("data-kind") == kind for r in shown)
    page.select_option("#kind", "")  # all kinds again
    page.select_option("#topic", "memory-lecture/01-memory-lecture")
    shown = [r for r in rows.all() if r.is_visible()]
    assert shown and all(r.get_attribute("data-topic") == "memory-lecture/01-memory-lecture" for r in shown)
    page.select_option("#subject", "Psychology")
    assert sum(r.is_visible() for r in rows.all()) == len(shown)
    page.fill("#q", "no such words anywhere")
    assert page.locator("#count").inner_text().startswith("0 of")


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "escaping-alone"])
def test_planted_markup_renders_as_text_runs_no_script_and_sends_no_request(planted, chromium, bypass_csp):
    """Every page of a guide full of <script>, onerror, javascript: and </script>: shown as text, nothing runs."""
    context = chromium.new_context(bypass_csp=bypass_csp)
    from publishing import PLANT, Watched

    watched = Watched(context)
    page = watched.page
    pages = [*planted.glob("*/*/*.html"), planted / "index.html", planted / "qa.html"]
    assert len(pages) == 5
    for path in pages:
        page.goto(path.as_uri())
        if path.name == "flashcards.html":
            for _ in range(2):
                page.click("#flip")
                page.click("#next")
        if path.name == "practice.html":
            for check in page.locator("button.check").all():
                check.click()
        assert page.evaluate("window.__pwned") is None, path.name
        assert page.locator("script").count() == (2 if path.name in ("flashcards.html", "practice.html") else 1)
        assert page.locator("img, iframe, object, embed").count() == 0
        assert page.locator("a[href^='javascript'], [onerror]").count() == 0
        assert PLANT in page.inner_text("body") or PLANT[:40] in page.inner_text("body"), path.name
    assert watched.outside(("file://",)) == []
    assert not [u for u in watched.requests if not u.endswith(".html")]  # no image, script or link was fetched
    context.close()


def test_printing_shows_every_card_and_answer_without_controls(published, browser_page):
    page = _open(browser_page, published, PAGES["flashcards"])
    page.emulate_media(media="print")
    assert page.locator(".card-list").is_visible()
    assert page.locator(".card-list li").count() == len(_guide(published).flashcards)
    assert not page.locator("#viewer").is_visible() and not page.locator("header nav").is_visible()
    page = _open(browser_page, published, PAGES["practice"])
    page.emulate_media(media="print")
    assert page.locator(".no-js-answer").first.is_visible() and not page.locator("button.check").first.is_visible()


def test_the_practice_page_accepts_any_accepted_short_answer(tmp_path, browser_page):
    from test_export_rules import _short_library

    out = _short_library(tmp_path)
    page = browser_page.page
    page.goto((out / "notes" / "01-alliance" / "practice.html").as_uri())
    items = page.locator("li.question")

    def verdict(i: int, typed: str) -> str:
        items.nth(i).locator("input[type=text]").fill(typed)
        items.nth(i).locator("button.check").click()
        return items.nth(i).locator(".verdict").inner_text()

    for typed in ("working alliance", "The Alliance", "therapeutic alliance"):
        assert verdict(0, typed) == "Correct.", typed
    assert verdict(0, "the working relationship between client and therapist") == "Not quite."
    assert verdict(0, "alliance rupture") == "Not quite."
    assert "Accepted answers: therapeutic alliance; working alliance; alliance" in items.nth(0).inner_text()
    assert verdict(1, "rapport") == "Correct."  # a guide without ``accept``: its short answer is the key
    assert browser_page.errors == []


GATE_NOTES = {
    "definition": "The source gives no definition of 13; the summary says what it covers.",
    "applications": "No item of this section passed the quality gate (unsupported).",
    "flashcards": "No item of this section passed the quality gate (unsupported).",
}


def test_student_pages_show_student_notes_never_the_gate_notes(tmp_path, browser_page):
    from conftest import make_guide_dict
    from publishing import write_library

    from seekh_convert.write.items import EMPTY_NOTES
    from seekh_convert.write.render import render

    guide = make_guide_dict(definition=None, applications=[], flashcards=[])
    guide["empty_sections"] = [{"section": s, "reason": r} for s, r in GATE_NOTES.items()]
    out = write_library(tmp_path / "out", {"01-alliance": guide})
    assert not render(out, ["md", "html"]).errors
    for name in ("summary", "flashcards"):
        page = _open(browser_page, out, f"notes/01-alliance/{name}.html")
        text = page.inner_text("main")
        assert "quality gate" not in text and "of 13" not in text and "Nothing in the source" not in text
        shown = [s for s in GATE_NOTES if EMPTY_NOTES[s] in text]
        assert shown == (["definition", "applications"] if name == "summary" else ["flashcards"])
    md = (out / "notes" / "01-alliance" / "guide.md").read_text()
    assert "quality gate" not in md and "of 13" not in md and EMPTY_NOTES["applications"] in md
    assert browser_page.errors == []


def test_approved_only_shows_approved_topics_and_sections_only(library_copy, browser_page):
    from seekh_convert.write.items import iter_items
    from seekh_convert.write.library import load_library
    from seekh_convert.write.render import render
    from seekh_convert.write.review import Verdict, record

    entry = load_library(library_copy).find(TOPIC)
    card = next(i for i in iter_items(entry.guide) if i.section == "flashcards")
    record(entry.folder, entry.guide, card.id, Verdict.APPROVED, None)
    assert not render(library_copy, ["html"], approved_only=True).errors
    library = _open(browser_page, library_copy, PAGES["library"])
    topics = library.locator("main ul.topics > li").all_inner_texts()
    assert len(topics) == 1 and entry.guide.topic in topics[0]  # unreviewed topics are not listed with 0 cards
    assert "Flashcards (1)" in topics[0] and "Practice (0)" in topics[0]
    assert "1 topic(s) from 1 document(s)" in library.inner_text("main")
    summary = _open(browser_page, library_copy, PAGES["summary"])
    from seekh_convert.write.items import SECTION_TITLES

    empty = [SECTION_TITLES[e.section] for e in entry.guide.empty_sections if e.section not in ("flashcards", "questions")]
    assert summary.locator("main h2").all_inner_texts() == empty  # only what the guide has nothing for, said so
    assert "Nothing in the source" not in summary.inner_text("main")
    cards = _open(browser_page, library_copy, PAGES["flashcards"])
    assert card.item.front in cards.content()
    held = [p for p in library_copy.glob("*/*/summary.html") if p.parent != entry.folder]
    assert held == []  # pages of topics with nothing approved are not published
    qa = _open(browser_page, library_copy, PAGES["qa"])
    assert qa.locator(".qa-list > li").count() == 0
    assert browser_page.errors == []


def test_pdf_citations_give_the_printed_page_and_the_pdf_page_where_they_differ(tmp_path, browser_page):
    import subprocess
    import sys
    from pathlib import Path

    from conftest import SAMPLES
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=SAMPLES / "therapeutic-alliance-notes.pdf")
    writer.set_page_label(0, 0, style="/r")  # a front page "i", then the printed pages 48, 49, ...
    writer.set_page_label(1, len(writer.pages) - 1, style="/D", start=48)
    writer.write(tmp_path / "chapter.pdf")
    out = tmp_path / "out"
    cli = Path(sys.executable).with_name("seekh-convert")  # its own process: this one runs the browser's event loop
    done = subprocess.run([str(cli), "convert", str(tmp_path / "chapter.pdf"), "-o", str(out), "-f", "json,html,md"])
    assert done.returncode == 0
    guide = _guide(out, "chapter/01-what-the-therapeutic-alliance-is")
    refs = [c.source for c in guide.flashcards] + [q.source for q in guide.questions]
    assert {(r.page, r.page_label) for r in refs} <= {(1, "i"), (2, "48"), (3, "49"), (4, "50")}
    page = _open(browser_page, out, "chapter/01-what-the-therapeutic-alliance-is/summary.html")
    labels = page.locator("details.source summary").all_inner_texts()
    assert labels and all(" (PDF page " in text for text in labels)
    assert any(text.startswith("Source: p. 48 (PDF page 2)") for text in labels) or any(
        text.startswith("Source: p. i (PDF page 1)") for text in labels
    )
    assert "(PDF page " in (out / "chapter" / "01-what-the-therapeutic-alliance-is" / "guide.md").read_text()
