"""Site pages without a browser: safe JSON for scripts, empty sections, and the library's shelves."""

from __future__ import annotations

import json

import markupsafe
from conftest import make_guide_dict

from seekh_convert.model.guide import EmptySection, StudyGuide
from seekh_convert.write.items import EMPTY_NOTES
from seekh_convert.write.library import load_library
from seekh_convert.write.render import render
from seekh_convert.write.site import Site
from seekh_convert.write.site.assets import content_security_policy, json_for_script

pytest_plugins = ["publishing"]


def test_json_for_script_cannot_close_the_script_element():
    text = json_for_script({"q": "</script><script>alert(1)</script> & <!-- \u2028 \x85"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text and "\x85" not in text
    assert json.loads(text) == {"q": "</script><script>alert(1)</script> & <!-- \u2028 \x85"}


def test_pages_carry_a_policy_that_admits_only_their_own_style_and_script(published):
    policy = content_security_policy()
    assert "default-src 'none'" in policy and "connect-src 'none'" in policy and "unsafe" not in policy
    for page in published.rglob("*.html"):
        assert f'content="{markupsafe.escape(policy)}"' in page.read_text()


def test_empty_sections_say_so_to_the_student_without_the_recorded_reason(tmp_path):
    from publishing import write_library

    out = write_library(tmp_path / "out", {"01-alliance": make_guide_dict()})
    entry = load_library(out).entries[0]
    empty = [
        EmptySection(section="applications", reason="the source names no use"),
        EmptySection(section="definition", reason="the source defines no term of the title"),
        EmptySection(section="flashcards", reason="no key terms"),
        EmptySection(section="questions", reason="no key terms"),
    ]
    guide: StudyGuide = entry.guide.model_copy(
        update={"applications": [], "flashcards": [], "questions": [], "definition": None, "empty_sections": empty}
    )
    entry.guide = guide
    site = Site(load_library(out))
    site.guides[entry.key] = guide
    pages = {p.path.name: p.html for p in site.topic_pages(entry)}
    assert EMPTY_NOTES["applications"] in pages["summary.html"] and EMPTY_NOTES["definition"] in pages["summary.html"]
    assert EMPTY_NOTES["flashcards"] in pages["flashcards.html"]
    assert EMPTY_NOTES["questions"] in pages["practice.html"]
    assert not any(e.reason in html for e in empty for html in pages.values())  # the reasons are for editors


def test_the_library_shelves_topics_by_subject_and_other(tmp_path):
    from publishing import write_library

    physics = make_guide_dict(topic="Orbits", subject="Physics")
    other = make_guide_dict(topic="Tax law", subject="Other")
    out = write_library(tmp_path / "out", {"01-a": make_guide_dict(), "02-b": physics, "03-c": other})
    assert not render(out, ["html"]).errors
    html = (out / "index.html").read_text()
    assert html.index(">Sciences<") < html.index(">Physics<") < html.index(">Humanities<") < html.index(">Psychology<")
    assert html.index(">Psychology<") < html.index(">Other<") < html.index("Tax law")
