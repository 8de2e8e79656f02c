"""Fixtures of the write stage (a plugin: test modules name it in pytest_plugins): published sample libraries, a planted (hostile) guide, and a headless Chromium."""

from __future__ import annotations

import asyncio
import copy
import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES, make_guide_dict

from seekh_convert.generate.offline import OfflineEngine
from seekh_convert.pipeline import Converter
from seekh_convert.write.render import FORMATS, render

CHROMIUM = Path(os.environ.get("SEEKH_CHROMIUM", "/usr/bin/chromium"))
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = Path(os.environ.get("SEEKH_TEST_ARTIFACTS", ROOT / "out" / "test-artifacts"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

#: Hostile text: markup, an event handler, a javascript: link and a script end inside a quote.
PLANT = (
    '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
    '<a href="javascript:window.__pwned=3">link</a></script><script>window.__pwned=4</script>'
)


def convert(paths: list[Path], out: Path) -> Path:
    """Convert ``paths`` with the offline engine, then render every format."""
    asyncio.run(Converter(OfflineEngine(), out).convert_all(paths))
    report = render(out, list(FORMATS))
    assert not report.errors, report.errors
    return out


@pytest.fixture(scope="session")
def published(tmp_path_factory) -> Path:
    """The bundled samples (a PDF in three topics, a lecture transcript), converted and rendered in every format."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        samples = [SAMPLES / "therapeutic-alliance-notes.pdf", SAMPLES / "memory-lecture.vtt"]
        return convert(samples, tmp_path_factory.mktemp("published"))


@pytest.fixture
def library_copy(published, tmp_path) -> Path:
    """A private copy of the published library, free to edit."""
    return Path(shutil.copytree(published, tmp_path / "out"))


def planted_guide() -> dict:
    """A valid guide whose every text carries the planted markup."""
    guide = make_guide_dict(topic=f"Alliance {PLANT}")
    src = {"quote": f"The alliance {PLANT} is a relationship.", "page": 1, "section": f"Section {PLANT}"}

    def plant(item: dict) -> dict:
        item = copy.deepcopy(item)
        for key, value in item.items():
            if isinstance(value, str) and key not in ("kind", "importance", "level"):
                item[key] = f"{value} {PLANT}"[:290]
        item["source"] = src
        return item

    for section in ("key_takeaways", "learn_next", "prerequisites", "applications", "flashcards", "questions"):
        guide[section] = [plant(i) for i in guide[section]]
    guide["definition"] = plant(guide["definition"])
    guide["summary"] = {"text": f"Summary {PLANT}", "sentences": [plant(guide["summary"]["sentences"][0])]}
    q = guide["questions"][0]
    q["options"] = [f"{o} {PLANT}"[:290] for o in ["Therapeutic alliance", "Transference", "Rupture", "Empathy"]]
    guide["questions"].append(
        {"kind": "true_false", "statement": f"True {PLANT}", "answer": True, "explanation": PLANT, "source": src}
    )
    guide["questions"].append(
        {"kind": "short_answer", "question": f"Name it {PLANT}", "answer": "alliance", "explanation": PLANT, "source": src}
    )
    guide["flashcards"].append({"kind": "cloze", "front": f"The _____ is {PLANT}", "back": f"alliance {PLANT}", "source": src})
    guide["provenance"]["source_file"] = f"notes{PLANT}.pdf"[:200]
    return guide


def write_library(out: Path, guides: dict[str, dict], title: str = "Notes") -> Path:
    """Lay out ``guides`` (topic folder name -> guide dict) as one input of an output folder."""
    folder = out / "notes"
    for name, guide in guides.items():
        (folder / name).mkdir(parents=True, exist_ok=True)
        (folder / name / "guide.json").write_text(json.dumps(guide, indent=2), encoding="utf-8")
    (folder / "index.json").write_text(json.dumps({"title": title}), encoding="utf-8")
    return out


@pytest.fixture
def planted(tmp_path) -> Path:
    """An output folder holding the planted guide, rendered in every format."""
    out = write_library(tmp_path / "planted", {"01-alliance": planted_guide()}, title=f"Notes {PLANT}")
    report = render(out, list(FORMATS))
    assert not report.errors, report.errors
    return out


# -- the browser ------------------------------------------------------------------------------------


def _require(path: Path, what: str) -> None:
    if not path.exists():
        message = f"{what} not found at {path}; run `make test` (or .ci/run, which installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def chromium():
    """Debian's chromium, driven by Playwright (which cannot download its own browsers here)."""
    _require(CHROMIUM, "chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Watched:
    """A browser page that records every request, console error and page error."""

    def __init__(self, context):
        self.context = context
        self.page = context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)

    def outside(self, allowed: tuple[str, ...]) -> list[str]:
        """Requests to anything but ``allowed`` URL prefixes."""
        return [u for u in self.requests if not u.startswith(allowed)]


@pytest.fixture
def browser_page(chromium):
    context = chromium.new_context(viewport={"width": 1100, "height": 900})
    watched = Watched(context)
    yield watched
    context.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    _require(AXE, "axe-core (npm)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def artifacts() -> Path:
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def pytest_terminal_summary(terminalreporter):
    shots = ARTIFACTS / "screenshots"
    if shots.is_dir() and any(shots.iterdir()):
        terminalreporter.write_line(f"browser test screenshots: {shots}")
