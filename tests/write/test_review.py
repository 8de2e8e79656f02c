"""The review pass: decisions by content identity, saved atomically, applied to every format; the server is hostile-input safe."""

from __future__ import annotations

import asyncio
import http.client
import json
import shutil

import pytest
from conftest import SAMPLES, interruptible
from playwright.sync_api import expect

from seekh_convert.generate.offline import OfflineEngine
from seekh_convert.pipeline import Converter
from seekh_convert.write.items import iter_items
from seekh_convert.write.library import load_library
from seekh_convert.write.render import render
from seekh_convert.write.review import FILENAME, Verdict, apply, load_decisions, record
from seekh_convert.write.site.server import ReviewServer

pytest_plugins = ["publishing"]
TOPIC = "therapeutic-alliance-notes/01-what-the-therapeutic-alliance-is"
QUIZ = "memory-lecture/01-memory-lecture"  # the sample topic whose guide holds multiple-choice questions


def _entry(root, key=TOPIC):
    entry = load_library(root).find(key)
    assert entry is not None
    return entry


def test_decisions_are_saved_and_applied_edits_replace_rejections_remove(library_copy):
    entry = _entry(library_copy)
    items = list(iter_items(entry.guide))
    cards = [i for i in items if i.section == "flashcards"]
    record(entry.folder, entry.guide, cards[0].id, Verdict.APPROVED, None)
    record(entry.folder, entry.guide, cards[1].id, Verdict.REJECTED, None)
    record(entry.folder, entry.guide, cards[2].id, Verdict.EDITED, {"back": "A better answer."})
    assert [p.name for p in entry.folder.iterdir() if p.name.startswith(".")] == []  # no temp file left behind
    decisions = load_decisions(entry.folder)
    assert {d.verdict for d in decisions.items.values()} == {Verdict.APPROVED, Verdict.REJECTED, Verdict.EDITED}
    reviewed = apply(entry.guide, decisions)
    assert len(reviewed.flashcards) == len(entry.guide.flashcards) - 1
    assert reviewed.flashcards[1].back == "A better answer." and reviewed.flashcards[1].source == cards[2].item.source
    only = apply(entry.guide, decisions, approved_only=True)
    assert [c.back for c in only.flashcards] == [cards[0].item.back, "A better answer."]
    assert only.definition is None and only.key_takeaways == []


def test_an_invalid_edit_is_refused_and_nothing_is_saved(library_copy):
    entry = _entry(library_copy, QUIZ)
    question = next(i for i in iter_items(entry.guide) if i.section == "questions" and i.item.kind == "multiple_choice")
    with pytest.raises(ValueError, match="options"):
        record(entry.folder, entry.guide, question.id, Verdict.EDITED, {"options": ["a", "a", "b", "c"]})
    with pytest.raises(ValueError, match="kind"):
        record(entry.folder, entry.guide, question.id, Verdict.EDITED, {"kind": "true_false"})
    with pytest.raises(KeyError):
        record(entry.folder, entry.guide, "0" * 16, Verdict.APPROVED, None)
    assert not (entry.folder / FILENAME).exists()


def test_decisions_survive_a_rerun_of_the_conversion_when_the_item_is_unchanged(tmp_path):
    out = tmp_path / "out"
    pdf = SAMPLES / "therapeutic-alliance-notes.pdf"
    asyncio.run(Converter(OfflineEngine(), out).convert_all([pdf]))
    entry = _entry(out)
    cards = [i for i in iter_items(entry.guide) if i.section == "flashcards"]
    record(entry.folder, entry.guide, cards[0].id, Verdict.REJECTED, None)
    record(entry.folder, entry.guide, cards[1].id, Verdict.EDITED, {"back": "Edited."})
    asyncio.run(Converter(OfflineEngine(), out).convert_all([pdf]))  # re-run into the same folder
    again = _entry(out)
    assert (again.folder / FILENAME).exists()
    reviewed = again.reviewed()
    assert cards[0].item not in reviewed.flashcards
    assert any(c.back == "Edited." for c in reviewed.flashcards)
    # an item that changed is a new item: its old decision no longer applies
    data = json.loads((again.folder / "guide.json").read_text())
    data["flashcards"][0]["front"] = data["flashcards"][0]["front"] + " (reworded)"
    (again.folder / "guide.json").write_text(json.dumps(data))
    assert len(_entry(out).reviewed().flashcards) == len(data["flashcards"])


def test_render_approved_only_publishes_only_approved_items_in_every_format(library_copy):
    entry = _entry(library_copy, QUIZ)
    cards = [i for i in iter_items(entry.guide) if i.section == "flashcards"]
    questions = [i for i in iter_items(entry.guide) if i.section == "questions"]
    record(entry.folder, entry.guide, cards[0].id, Verdict.APPROVED, None)
    record(entry.folder, entry.guide, questions[0].id, Verdict.EDITED, {"explanation": "Because the editor says so."})
    assert not render(library_copy, ["md", "html", "tsv", "gift"], approved_only=True).errors
    md = (entry.folder / "guide.md").read_text()
    assert cards[0].item.front in md and cards[1].item.front not in md
    assert "## Flashcards" in md and "## Practice Questions" in md
    assert "## Key Takeaways" not in md and "## Definition" not in md  # nothing approved there yet: left out
    site = (entry.folder / "flashcards.html").read_text()
    assert cards[1].item.front not in site
    summary = (entry.folder / "summary.html").read_text()
    assert "Key Takeaways" not in summary and "Nothing in the source" not in summary
    genuinely_empty = [e.section for e in entry.guide.empty_sections]  # what the guide itself has nothing for
    assert summary.count('class="empty"') == len([s for s in genuinely_empty if s not in ("flashcards", "questions")])
    gift = (library_copy / "memory-lecture" / "memory-lecture.gift").read_text()
    assert "Because the editor says so." in gift and gift.count("::") == 2  # one question, from the one approved topic item


# -- the server ------------------------------------------------------------------------------------


@pytest.fixture
def server(library_copy):
    srv = ReviewServer(library_copy, port=0)
    srv.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def _request(server, method, path, body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
    default = {"Host": f"127.0.0.1:{server.server_address[1]}", "Content-Type": "application/json"}
    data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
    conn.request(method, path, body=data, headers={**default, **(headers or {})})
    response = conn.getresponse()
    payload = response.read().decode()
    conn.close()
    return response.status, payload, response


def test_server_binds_localhost_and_sends_a_content_security_policy(server):
    assert server.server_address[0] == "127.0.0.1"
    status, page, response = _request(server, "GET", f"/review/{TOPIC}")
    assert status == 200 and "review-item" in page
    assert "default-src 'none'" in response.getheader("Content-Security-Policy")
    assert response.getheader("X-Content-Type-Options") == "nosniff"


@pytest.mark.parametrize(
    "path",
    [
        "/review/../../../etc/passwd",
        "/review/%2e%2e/%2e%2e/etc/passwd",
        "/review/therapeutic-alliance-notes",
        "/guide.json",
        f"/{TOPIC}/guide.json",
    ],
)
def test_server_serves_no_file_by_path(server, path):
    assert _request(server, "GET", path)[0] == 404


def test_server_refuses_hostile_requests_and_keeps_the_decisions_file_untouched(server, library_copy):
    entry = _entry(library_copy)
    item = next(iter_items(entry.guide)).id
    good = {"guide": TOPIC, "item": item, "verdict": "approved"}
    cases = [
        (good, {"Host": "evil.example:80"}, 403),  # DNS rebinding
        (good, {"Origin": "http://evil.example"}, 403),  # a cross-site form or fetch
        (good, {"Content-Type": "text/plain"}, 415),
        (b"{not json", {}, 400),
        ({**good, "extra": 1}, {}, 400),
        ({**good, "verdict": "delete"}, {}, 400),
        ({**good, "item": "../../x"}, {}, 400),
        ({**good, "guide": "../therapeutic-alliance-notes/01-what-the-therapeutic-alliance-is"}, {}, 404),
        ({**good, "guide": "/etc/passwd"}, {}, 404),
        ({**good, "item": "0" * 16}, {}, 404),
        (b"x" * (300 * 1024), {}, 413),
        ({**good, "verdict": "edited", "edit": {"text": ""}}, {}, 400),
    ]
    for body, headers, expected in cases:
        status, payload, _ = _request(server, "POST", "/api/decision", body, headers)
        assert status == expected, (body if isinstance(body, dict) else body[:20], payload)
        assert "error" in json.loads(payload)
    assert not (entry.folder / FILENAME).exists()
    status, payload, _ = _request(
        server, "POST", "/api/decision", good, {"Origin": f"http://127.0.0.1:{server.server_address[1]}"}
    )
    assert status == 200 and json.loads(payload)["verdict"] == "approved"
    assert load_decisions(entry.folder).items[item].verdict is Verdict.APPROVED


@pytest.mark.browser
def test_approve_reject_and_edit_in_the_browser_are_kept_across_a_reload(
    server, library_copy, browser_page, axe_source, artifacts
):
    page = browser_page.page
    page.goto(server.url)
    page.click(f"a[href='/review/{TOPIC}']")
    articles = page.locator("article.review-item")
    articles.nth(0).locator(".approve").click()
    expect(articles.nth(0)).to_have_attribute("data-verdict", "approved")
    articles.nth(1).locator(".reject").click()
    expect(articles.nth(1).locator(".status")).to_have_text("Rejected")
    card = next(i for i in iter_items(_entry(library_copy).guide) if i.section == "flashcards")
    target = page.locator(f"#item-{card.id}")
    target.locator(".edit").click()
    target.locator("textarea[data-field=back]").fill("An answer the editor wrote.")
    target.locator("button[type=submit]").click()
    expect(target).to_have_attribute("data-verdict", "edited")
    page.screenshot(path=str(artifacts / "review.png"))
    page.reload()
    assert articles.nth(0).get_attribute("data-verdict") == "approved"
    assert articles.nth(1).get_attribute("data-verdict") == "rejected"
    assert target.get_attribute("data-verdict") == "edited"
    assert "An answer the editor wrote." in target.locator("[data-show=back]").inner_text()
    # an invalid edit is refused with its message, and nothing changes
    target.locator(".edit").click()
    target.locator("textarea[data-field=back]").fill("")
    target.locator("button[type=submit]").click()
    expect(target.locator(".error")).not_to_be_empty()
    assert "back" in target.locator(".error").inner_text()
    page.reload()
    assert "An answer the editor wrote." in target.locator("[data-show=back]").inner_text()
    page.evaluate(axe_source)
    violations = page.evaluate("axe.run(document).then(r => r.violations.map(v => ({id: v.id, impact: v.impact})))")
    assert [v for v in violations if v["impact"] in ("serious", "critical")] == []
    assert browser_page.errors == [] or all("400" in e for e in browser_page.errors)
    assert browser_page.outside((server.url,)) == []


@pytest.mark.browser
def test_review_of_a_planted_guide_is_inert(planted, chromium):
    from publishing import Watched

    srv = ReviewServer(planted, port=0)
    srv.start()
    try:
        context = chromium.new_context()
        watched = Watched(context)
        watched.page.goto(srv.url + "review/notes/01-alliance")
        assert watched.page.locator("article.review-item").count() > 5
        assert watched.page.evaluate("window.__pwned") is None
        assert watched.page.locator("img, [onerror], a[href^='javascript']").count() == 0
        assert watched.outside((srv.url,)) == []
        context.close()
    finally:
        srv.shutdown()
        srv.server_close()


def test_a_damaged_review_file_is_reported_not_lost(library_copy):
    entry = _entry(library_copy)
    (entry.folder / FILENAME).write_text("{broken")
    report = render(library_copy, ["html"])
    assert report.errors and FILENAME in report.errors[0]
    assert (entry.folder / FILENAME).read_text() == "{broken"
    shutil.rmtree(entry.folder)


def test_the_review_command_serves_on_localhost_until_stopped(library_copy):
    import signal
    import subprocess
    import sys
    import urllib.request

    proc = subprocess.Popen(
        [sys.executable, "-m", "seekh_convert.cli", "review", str(library_copy), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=interruptible,
    )
    try:
        line = proc.stdout.readline()
        assert line.startswith("Reviewing 4 guide(s) at http://127.0.0.1:"), line + proc.stderr.read()
        url = line.split(" at ", 1)[1].split()[0]
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200 and TOPIC in response.read().decode()
    finally:
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) == 0


def test_save_edit_without_a_change_records_nothing_and_undoing_an_edit_approves(library_copy):
    entry = _entry(library_copy)
    takeaway = next(i for i in iter_items(entry.guide) if i.section == "key_takeaways")
    as_is = {k: v for k, v in takeaway.item.model_dump(mode="json").items() if k != "source"}
    assert record(entry.folder, entry.guide, takeaway.id, Verdict.EDITED, as_is) is None
    assert load_decisions(entry.folder).items == {}  # not "edited"
    changed = {**as_is, "title": "A title the editor wrote", "importance": "low"}
    assert record(entry.folder, entry.guide, takeaway.id, Verdict.EDITED, changed).verdict is Verdict.EDITED
    assert record(entry.folder, entry.guide, takeaway.id, Verdict.EDITED, as_is).verdict is Verdict.APPROVED
    assert load_decisions(entry.folder).items[takeaway.id].edit is None


def test_an_edited_takeaway_renders_without_serializer_warnings(library_copy, recwarn):
    entry = _entry(library_copy)
    takeaway = next(i for i in iter_items(entry.guide) if i.section == "key_takeaways")
    record(entry.folder, entry.guide, takeaway.id, Verdict.EDITED, {"title": "Edited", "importance": "low"})
    from seekh_convert.write.site.review_page import review_page

    page = review_page(_entry(library_copy))
    assert not render(library_copy, ["md", "html"]).errors
    assert [str(w.message) for w in recwarn] == []
    assert '<option value="low" selected>' in page


@pytest.mark.browser
def test_save_edit_without_a_change_in_the_browser_keeps_the_item_unreviewed(server, library_copy, browser_page):
    page = browser_page.page
    page.goto(server.url + f"review/{TOPIC}")
    takeaway = next(i for i in iter_items(_entry(library_copy).guide) if i.section == "key_takeaways")
    target = page.locator(f"#item-{takeaway.id}")
    target.locator(".edit").click()
    target.locator("button[type=submit]").click()
    expect(target.locator(".status")).to_have_text("Not reviewed (nothing changed)")
    assert target.get_attribute("data-verdict") == "none"
    assert not (_entry(library_copy).folder / FILENAME).exists()  # nothing recorded
    page.reload()
    assert target.get_attribute("data-verdict") == "none"
    assert browser_page.errors == []
