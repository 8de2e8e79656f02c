"""The wheel: every package is listed, and the installed tool (not the checkout) converts with its prompts."""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import tomllib
from pathlib import Path

from conftest import ROOT, SAMPLES
from fakes.openai_server import FakeOpenAIServer, offline_replies, topic_responder

SAMPLE = SAMPLES / "memory-lecture.vtt"
_PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
_JUNK = shutil.ignore_patterns(".git", ".venv", "build", "dist", "out", "*.egg-info", "__pycache__", ".pytest_cache")

_PROBE = """
import json, sys
import seekh_convert
from seekh_convert.generate.openai.prompts import prompts_dir
system = prompts_dir() / "system.md"
print(json.dumps({"module": seekh_convert.__file__, "system": str(system), "found": system.is_file(), "path": sys.path}))
"""


def test_every_package_directory_is_listed_in_pyproject():
    """A subpackage (or a folder of package data) missing from ``[tool.setuptools] packages`` would be left out of the wheel."""
    found = {
        ".".join(folder.relative_to(ROOT).parts)
        for folder in [ROOT / "seekh_convert", *(ROOT / "seekh_convert").rglob("*")]
        if folder.is_dir() and folder.name != "__pycache__" and any(f.is_file() for f in folder.iterdir())
    }
    assert set(_PYPROJECT["packages"]) == found | {"seekh_convert.prompts"}
    assert len(_PYPROJECT["packages"]) == len(set(_PYPROJECT["packages"]))
    assert _PYPROJECT["package-dir"] == {"seekh_convert.prompts": "prompts"}
    assert (ROOT / "prompts" / "__init__.py").is_file()


def test_installed_wheel_converts_with_the_openai_engine(tmp_path):
    """Build the wheel, install it alone into a fresh venv, and convert a sample against the fake server."""
    wheel = _build_wheel(tmp_path)
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)])
    py, packages = venv / "bin" / "python", _site_packages(venv)
    _run([str(py), "-m", "pip", "install", "--no-index", "--no-deps", "--quiet", str(wheel)])
    # Dependencies come from the test venv, appended after the fresh site-packages; a directory named in a
    # .pth file is only put on sys.path (its own .pth files, such as the editable install's hook, are not run).
    (packages / "_test_dependencies.pth").write_text("\n".join(dict.fromkeys(site.getsitepackages())) + "\n")

    work = tmp_path / "work"
    work.mkdir()
    env = _clean_env()
    probe = json.loads(_run([str(py), "-c", _PROBE], cwd=work, env=env).stdout)
    assert Path(probe["module"]).is_relative_to(packages), probe["module"]
    assert not Path(probe["module"]).is_relative_to(ROOT)
    assert probe["found"] and Path(probe["system"]).is_relative_to(packages), probe["system"]
    assert not any(Path(p).resolve() == ROOT for p in probe["path"] if p)

    replies = offline_replies(SAMPLE)  # grounded answers, so the guides pass the checks and get written
    with FakeOpenAIServer(responder=topic_responder(replies)) as server:
        proc = _run(
            [
                str(venv / "bin" / "seekh-convert"),
                "convert",
                str(SAMPLE),
                "-o",
                "out",
                "--engine",
                "openai",
                "--model",
                "fake",
                "--base-url",
                server.url,
                "--api-key",
                "test",
                "--no-cache",
            ],
            cwd=work,
            env=env,
            check=False,
        )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert len(list((work / "out").glob("*/*/guide.json"))) == len(replies)
    system = _prompt_text(ROOT / "prompts" / "system.md").split("{{")[0]  # the installed prompt, up to its first variable
    assert server.requests and all(r["messages"][0]["content"].startswith(system) for r in server.requests)


def _build_wheel(tmp_path: Path) -> Path:
    """The wheel of a copy of the checkout, built with the test extra's setuptools and wheel, offline.

    Building a copy keeps a stale ``build/`` of the checkout out of the wheel and writes nothing into the checkout.
    """
    src, dist = tmp_path / "src", tmp_path / "dist"
    shutil.copytree(ROOT, src, ignore=_JUNK)
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--check-build-dependencies",
            "--no-index",
            "--quiet",
            "--wheel-dir",
            str(dist),
            str(src),
        ]
    )
    (wheel,) = dist.glob("seekh_convert-*.whl")
    return wheel


def _site_packages(venv: Path) -> Path:
    (found,) = venv.glob("lib/python3.*/site-packages")
    return found


def _clean_env() -> dict:
    """The test's environment without anything that could put the checkout or other prompts on the path."""
    drop = {"PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV", "SEEKH_PROMPTS_DIR"}
    return {**{k: v for k, v in os.environ.items() if k not in drop}, "PYTHONNOUSERSITE": "1"}


def _prompt_text(path: Path) -> str:
    """A prompt file's text after its front matter."""
    return path.read_text(encoding="utf-8").split("---\n", 2)[2].strip()


def _run(args: list[str], *, check: bool = True, **kwargs) -> subprocess.CompletedProcess:
    proc = subprocess.run(args, capture_output=True, text=True, timeout=300, **kwargs)
    if check:
        assert proc.returncode == 0, f"{args[:4]} failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}"
    return proc
