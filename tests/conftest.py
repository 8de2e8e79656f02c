"""Shared fixtures: the development corpus beside the checkout, isolated user directories."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("SEEKH_CORPUS", ROOT.parent / "shared" / "corpus"))
SAMPLES = ROOT / "samples"


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory, monkeypatch):
    """Point every user cache/config directory at a temp dir and drop real API settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SEEKH_MODEL", "SEEKH_API_KEY", "SEEKH_BASE_URL"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.fail(f"development corpus not found at {CORPUS} (set SEEKH_CORPUS)")
    return CORPUS
