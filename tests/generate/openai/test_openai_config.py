"""Settings resolution, prompt files and the usage/cost arithmetic of the OpenAI engine."""

from __future__ import annotations

import asyncio

import pytest

from seekh_convert.errors import ConfigError
from seekh_convert.generate.openai import OpenAIEngine, load_settings
from seekh_convert.generate.openai.cache import cache_key
from seekh_convert.generate.openai.prompts import load_prompt, prompts_dir
from seekh_convert.generate.openai.usage import CallUsage, UsageMeter, cost_usd

KEY = "sk-config-SECRET-42"


def _toml(tmp_path, text: str):
    path = tmp_path / "seekh.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_cli_beats_env_beats_toml(tmp_path, monkeypatch):
    toml = _toml(tmp_path, '[engine]\nmodel = "toml-model"\nbase_url = "http://toml:1/v1"\ntemperature = 0.7\nconcurrency = 3\n')
    monkeypatch.setenv("SEEKH_MODEL", "env-model")
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    settings = load_settings({"model": None, "concurrency": 9, "no_cache": True}, config_file=toml)
    assert settings.model == "env-model"  # env over toml; None means "option not given"
    assert settings.base_url == "http://toml:1/v1" and settings.temperature == 0.7
    assert settings.concurrency == 9 and settings.no_cache is True
    assert settings.api_key.get_secret_value() == KEY
    assert load_settings({"model": "cli-model"}, config_file=toml).model == "cli-model"


def test_seekh_toml_is_found_in_the_working_directory(tmp_path, monkeypatch):
    _toml(tmp_path, '[engine]\nbase_url = "http://127.0.0.1:9/v1"\nmodel = "m"\n')
    monkeypatch.chdir(tmp_path)
    assert load_settings({}).base_url == "http://127.0.0.1:9/v1"


def test_missing_key_or_model_says_what_to_set():
    assert load_settings({}).model is None  # nothing configured: the CLI may pick the offline engine
    with pytest.raises(ConfigError, match="set OPENAI_API_KEY or --api-key"):
        OpenAIEngine.from_settings(load_settings({"model": "gpt-4o-mini"}))
    with pytest.raises(ConfigError, match="set --model or SEEKH_MODEL"):
        OpenAIEngine.from_settings(load_settings({"api_key": KEY}))


def test_local_server_needs_no_key(monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:8080/v1")
    settings = load_settings({"model": "local"})
    assert settings.api_key is None and settings.key() == "sk-no-key-required"
    engine = OpenAIEngine.from_settings(settings)  # no error: a local server needs no key
    asyncio.run(engine.aclose())


@pytest.mark.parametrize(
    "overrides, field",
    [({"concurrency": 0}, "concurrency"), ({"timeout": "soon"}, "timeout"), ({"response_format": "xml"}, "response_format")],
)
def test_invalid_value_is_one_line_naming_the_setting(overrides, field):
    with pytest.raises(ConfigError, match=f"invalid engine setting {field}") as info:
        load_settings({"base_url": "http://127.0.0.1:1/v1", **overrides})
    assert "\n" not in str(info.value)


def test_key_hidden_in_repr_and_dump():
    settings = load_settings({"api_key": KEY})
    assert KEY not in repr(settings) and KEY not in str(settings.model_dump()) and KEY not in settings.model_dump_json()


def test_every_step_prompt_has_a_version_and_renders():
    for path in sorted(prompts_dir().glob("*.md")):
        prompt = load_prompt(path.stem)
        assert prompt.version and prompt.ref == f"{path.stem}@{prompt.version}"
    assert "<document>" in load_prompt("guide").render(
        topic_title="T", document_title="D", min_items=3, max_items=6, document_text="text", rubric="R", example="E"
    )


def test_missing_template_variable_fails_loudly():
    with pytest.raises(ConfigError, match=r"guide@\d+: missing variable"):
        load_prompt("guide").render(topic_title="T")


def test_prompts_dir_override_and_unsafe_names(tmp_path, monkeypatch):
    (tmp_path / "guide.md").write_text("---\nversion: 7\n---\nHello {{ name }}\n", encoding="utf-8")
    (tmp_path / "noversion.md").write_text("Hello\n", encoding="utf-8")
    monkeypatch.setenv("SEEKH_PROMPTS_DIR", str(tmp_path))
    assert load_prompt("guide").ref == "guide@7" and load_prompt("guide").render(name="x") == "Hello x"
    with pytest.raises(ConfigError, match="no 'version:'"):
        load_prompt("noversion")
    with pytest.raises(ConfigError, match="invalid prompt name"):
        load_prompt("../etc/passwd")


def test_prompt_version_is_part_of_the_cache_key():
    base = dict(model="m", schema_hash="s", messages=[{"role": "user", "content": "x"}], params={"temperature": 0})
    assert cache_key(prompt_refs=["guide@1"], **base) != cache_key(prompt_refs=["guide@2"], **base)
    assert cache_key(prompt_refs=["guide@1"], **base) == cache_key(prompt_refs=["guide@1"], **base)


def test_cost_table_override_and_unknown_model():
    assert cost_usd("gpt-4o-mini", 1_000_000, 1_000_000) == pytest.approx(0.75)
    assert cost_usd("gpt-4o-mini-2024-07-18", 1_000_000, 0) == pytest.approx(0.15)
    assert cost_usd("my-local-model", 1000, 1000) is None
    assert cost_usd("my-local-model", 2_000_000, 0, {"my-local-model": (1.0, 2.0)}) == pytest.approx(2.0)


def test_meter_counts_cached_calls_without_cost():
    meter = UsageMeter("gpt-4o-mini")
    meter.add(CallUsage(1_000_000, 0))
    meter.add(CallUsage(1_000_000, 0, cached=True))
    usage = meter.usage()
    assert (usage.calls, usage.cached_calls, usage.input_tokens) == (2, 1, 2_000_000)
    assert usage.cost_usd == pytest.approx(0.15)
