"""Shared fixtures: the development corpus beside the checkout, isolated user directories."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_CORPUS = Path(os.environ.get("SEEKH_CORPUS", ROOT.parent / "shared" / "corpus"))
SAMPLES = ROOT / "samples"


def interruptible() -> None:
    """``preexec_fn`` of a child a test stops with Ctrl-C: SIGINT at its default and unblocked in the child, whatever
    the test process inherited (a suite started in the background by a non-interactive shell ignores SIGINT, and
    an ignored signal stays ignored across exec, so the child would run on)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


#: Why corpus tests skip in a clone without the development corpus (CI has it and runs them).
NO_CORPUS = f"corpus test: no development corpus at {_CORPUS} (set SEEKH_CORPUS to run it)"


class MissingCorpus:
    """``CORPUS`` when the corpus is absent: paths can be built (at import time, in parameters), but using one
    skips the test that does (or, at import time, its module) with one line saying why."""

    def __init__(self, path: Path) -> None:
        self._path = path

    def __truediv__(self, part) -> MissingCorpus:
        return MissingCorpus(self._path / part)

    def glob(self, pattern: str) -> list[Path]:
        return []  # a parameter list built from it is empty: pytest reports those tests as skipped

    rglob = glob

    @property
    def name(self) -> str:
        return self._path.name

    @property
    def stem(self) -> str:
        return self._path.stem

    @property
    def suffix(self) -> str:
        return self._path.suffix

    def __repr__(self) -> str:
        return f"MissingCorpus({str(self._path)!r})"

    def __str__(self) -> str:  # a path handed to the CLI as text
        pytest.skip(NO_CORPUS, allow_module_level=True)

    __fspath__ = __str__

    def __getattr__(self, attribute: str):
        if attribute.startswith(("_", "pytest")):  # what collection and introspection look for
            raise AttributeError(attribute)
        pytest.skip(NO_CORPUS, allow_module_level=True)  # read_bytes, exists, open, ...: the test needs the corpus


CORPUS: Path = _CORPUS if _CORPUS.is_dir() else MissingCorpus(_CORPUS)  # type: ignore[assignment]


def pytest_collection_modifyitems(config, items):
    """Without the corpus, tests marked ``corpus`` skip with one line (they are not errors for a newcomer)."""
    if isinstance(CORPUS, MissingCorpus):
        for item in items:
            if item.get_closest_marker("corpus") is not None:
                item.add_marker(pytest.mark.skip(reason=NO_CORPUS))


_SETTINGS = (
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "SEEKH_MODEL",
    "SEEKH_API_KEY",
    "SEEKH_BASE_URL",
    "SEEKH_TRANSCRIBE_MODEL",
    "SEEKH_TRANSCRIBE_BASE_URL",
)


def _isolate(mp: pytest.MonkeyPatch, home: Path) -> None:
    mp.setenv("XDG_CACHE_HOME", str(home / "cache"))
    mp.setenv("XDG_CONFIG_HOME", str(home / "config"))
    for var in _SETTINGS:
        mp.delenv(var, raising=False)


@pytest.fixture(scope="session", autouse=True)
def _isolated_session(tmp_path_factory):
    """The same for session- and module-scoped fixtures, which run before any test's own isolation."""
    with pytest.MonkeyPatch.context() as mp:
        _isolate(mp, tmp_path_factory.mktemp("session-home"))
        yield


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory, monkeypatch):
    """Point every user cache/config directory at a temp dir and drop real API settings."""
    _isolate(monkeypatch, tmp_path_factory.mktemp("home"))


@pytest.fixture
def mechanics_only(_isolated_dirs):
    """The review rubric off (a seekh.toml in the isolated config dir), for tests of the run's mechanics (pools,
    caches, resume, budgets, transcripts) that answer with ``quoting_reply``: its items restate their quotes, which
    the rubric rightly rejects (tests/check/ covers the rubric). Use: ``pytestmark = pytest.mark.usefixtures(...)``."""
    from fakes.openai_server import without_rubric

    without_rubric()


@pytest.fixture(scope="session")
def corpus() -> Path:
    if isinstance(CORPUS, MissingCorpus):
        pytest.skip(NO_CORPUS)
    return CORPUS


def make_guide_dict(**overrides) -> dict:
    """A small, valid study guide as a dict (sources on page 1 of a fake PDF)."""
    src = {
        "quote": "The therapeutic alliance is the working relationship between client and therapist.",
        "page": 1,
        "section": "Alliance",
    }
    guide = {
        "topic": "Therapeutic Alliance",
        "subject": "Psychology",
        "level": "beginner",
        "study_time_minutes": 30,
        "definition": {"text": src["quote"], "source": src},
        "summary": {"text": src["quote"], "sentences": [{"text": src["quote"], "source": src}]},
        "key_takeaways": [{"title": "Alliance", "text": src["quote"], "importance": "high", "source": src}],
        "learn_next": [{"topic": "Ruptures", "why": "Comes next.", "level": "intermediate", "source": src}],
        "prerequisites": [{"topic": "Psychotherapy", "why": None, "source": src}],
        "applications": [{"title": "Counselling", "text": src["quote"], "source": src}],
        "flashcards": [
            {
                "kind": "basic",
                "front": "What is the therapeutic alliance?",
                "back": "The working relationship between client and therapist.",
                "source": src,
            }
        ],
        "questions": [
            {
                "kind": "multiple_choice",
                "question": "What is the working relationship between client and therapist called?",
                "options": ["Therapeutic alliance", "Transference", "Rupture", "Empathy"],
                "answer_index": 0,
                "explanation": src["quote"],
                "source": src,
            }
        ],
        "provenance": {
            "source_file": "notes.pdf",
            "source_sha256": "0" * 64,
            "source_kind": "pdf",
            "topic_index": 1,
            "topic_count": 1,
            "pages": [1],
            "engine": "offline",
            "tool_version": "0.1.0",
            "generated_at": "2026-01-01T00:00:00Z",
        },
    }
    guide.update(overrides)
    return guide
