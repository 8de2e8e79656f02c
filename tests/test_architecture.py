"""The import rules (import-linter contracts in pyproject.toml) hold, and each one catches a planted violation."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(tree: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(tree / "pyproject.toml"), "--no-cache"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of the package and its contracts, to plant violations in."""
    shutil.copytree(ROOT / "seekh_convert", tmp_path / "seekh_convert", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(ROOT / "tools", tmp_path / "tools", ignore=shutil.ignore_patterns("__pycache__"))  # our own contract
    return tmp_path


def test_the_package_keeps_every_contract(tree):
    result = _lint(tree)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "6 kept, 0 broken" in result.stdout


PLANTED = {
    "generate imports check": ("generate/offline/engine.py", "from seekh_convert.check import gate", "Layers"),
    "check imports generate": ("check/gate.py", "from seekh_convert.generate.offline import engine", "Layers"),
    "check imports read": ("check/checker.py", "from seekh_convert.read import pdf", "Layers"),
    "write imports clean": ("write/markdown.py", "from seekh_convert.clean import common", "Layers"),
    "read imports clean": ("read/markdown.py", "from seekh_convert.clean import markdown", "Layers"),
    "model imports a stage": ("model/guide.py", "from seekh_convert.split import chunk", "Layers"),
    "text imports model": ("text/words.py", "from seekh_convert.model import document", "Layers"),
    "a stage imports the pipeline": ("split/segment.py", "from seekh_convert import pipeline", "Layers"),
    "the pipeline imports the CLI": ("pipeline/run.py", "from seekh_convert import cli", "Layers"),
    "the engines import each other": ("generate/openai/engine.py", "from seekh_convert.generate.offline import pool", "engines"),
    "the CLI calls a stage": ("cli.py", "from seekh_convert.check import load_quality", "CLI calls only the pipeline"),
    "the CLI's display reads a writer": ("console.py", "from seekh_convert.write import render", "CLI calls only the pipeline"),
    "a dynamic import in a stage": (
        "generate/offline/engine.py",
        'import importlib; importlib.import_module("seekh_convert.check")',
        "No dynamic imports",
    ),
    "a dynamic import by __import__": ("split/segment.py", '__import__("seekh_convert.write")', "No dynamic imports"),
    "the package root imports a stage": ("__init__.py", "from seekh_convert.check import gate", "package root imports"),
    "rich outside the CLI": ("pipeline/run.py", "import rich.console", "rich and typer"),
    "typer outside the CLI": ("check/strict.py", "import typer", "rich and typer"),
    "a cycle inside a package": ("generate/offline/keywords.py", "from seekh_convert.generate.offline import pool", "cycles"),
}


@pytest.mark.parametrize("planted", list(PLANTED), ids=list(PLANTED))
def test_a_planted_violation_breaks_its_contract(tree, planted):
    module, line, contract = PLANTED[planted]
    path = tree / "seekh_convert" / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}  # planted\n", encoding="utf-8")
    result = _lint(tree)
    assert result.returncode != 0, result.stdout
    broken = [ln for ln in result.stdout.splitlines() if ln.rstrip().endswith("BROKEN")]
    assert any(contract in ln for ln in broken), result.stdout


def test_the_cli_stays_thin():
    """The CLI parses options and prints; the wiring is the pipeline's (issue 18: it had grown to 762 lines)."""
    lines = (ROOT / "seekh_convert" / "cli.py").read_text(encoding="utf-8").count("\n")
    assert lines < 400, f"cli.py has {lines} lines: move wiring into seekh_convert/pipeline, display into console.py"
