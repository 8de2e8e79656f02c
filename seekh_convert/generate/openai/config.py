"""Engine settings, resolved as CLI option > environment > optional ``seekh.toml``."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Literal

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError

from seekh_convert.errors import ConfigError
from seekh_convert.files import find_config

OPENAI_BASE_URL = "https://api.openai.com/v1"

#: environment variable -> settings field
_ENV = {"OPENAI_API_KEY": "api_key", "OPENAI_BASE_URL": "base_url", "SEEKH_MODEL": "model"}
_ENV.update({"SEEKH_TRANSCRIBE_MODEL": "transcribe_model", "SEEKH_TRANSCRIBE_BASE_URL": "transcribe_base_url"})


class EngineSettings(BaseModel):
    """Everything the OpenAI-compatible engine needs; ``api_key`` never appears in reprs or dumps."""

    model_config = ConfigDict(extra="forbid")

    model: str | None = Field(None, min_length=1, description="Model name sent to the server; required to run.")
    base_url: str = Field(OPENAI_BASE_URL, min_length=1, description="OpenAI-compatible API root, e.g. http://127.0.0.1:8080/v1.")
    api_key: SecretStr | None = Field(None, description="API key; optional for local servers.")
    temperature: float = Field(0.2, ge=0, le=2)
    concurrency: int = Field(4, ge=1, le=64, description="Requests in flight across the whole run.")
    timeout: float = Field(120.0, gt=0, description="Seconds per HTTP request.")
    max_retries: int = Field(4, ge=0, le=20, description="Retries of transient failures (429, 5xx, timeouts, drops).")
    retry_wait: float = Field(1.0, ge=0, description="First backoff wait in seconds (doubles, with jitter).")
    retry_max_wait: float = Field(60.0, ge=0, description="Longest single wait, Retry-After included.")
    max_repairs: int = Field(2, ge=0, le=10, description="Times an invalid reply is sent back for repair.")
    repair: Literal["needed", "all"] = Field(
        "needed",
        description="Failing items sent back to the model: 'needed' when a section would be left empty, the takeaways "
        "fall below three, or the definition or a summary sentence fails (other failing items are dropped); 'all': "
        "every failing item.",
    )
    max_tokens: int | None = Field(
        None,
        ge=16,
        description="Most tokens one reply may take. Unset: what the reply's schema asks for (a whole guide with a "
        "quote on every item: about 12k), so a complete reply is never cut off; set it to the model's output limit "
        "when that is lower. A reply cut off is asked again once with double the budget.",
    )
    chunk_tokens: int = Field(
        8000,
        ge=200,
        description="Most source tokens per request (a lecture topic of up to about 6,000 words is read whole, with "
        "its rubric and quotes in one guide request); longer topics are mapped chunk by chunk.",
    )
    deck_words: int = Field(
        500,
        ge=50,
        description="Slide decks: neighbouring slides are grouped into topics of about this many words, one guide "
        "request each (a model reads a lecture's slides together; the offline engine groups about 120).",
    )
    topic_words: int = Field(
        300,
        ge=50,
        description="Fewest words of a topic: a shorter section joins its neighbour (each guide request carries about "
        "800 tokens of rubric and example, three times a 250-word section's text, for a thin guide; the offline "
        "engine's topics start at 250).",
    )
    cache_dir: Path | None = Field(None, description="Folder of the response cache (default: user cache dir).")
    no_cache: bool = False
    response_format: Literal["auto", "json_schema", "json_object"] = "auto"
    batch_api: bool = Field(False, description="Send requests through the OpenAI Batch API (half price, answers within 24 h).")
    batch_window: float = Field(2.0, ge=0, description="Batch API: seconds without a new request before a batch is submitted.")
    batch_poll: float = Field(30.0, gt=0, description="Batch API: seconds between two looks at a batch's status.")
    prices: dict[str, tuple[float, float]] = Field(
        default_factory=dict, description="model -> USD per 1M (input, output) tokens."
    )

    # -- transcription of recordings (generate/openai/transcribe.py) --
    transcribe_model: str | None = Field(None, min_length=1, description="Model of /audio/transcriptions, e.g. whisper-1.")
    transcribe_base_url: str | None = Field(None, min_length=1, description="Transcription server, when not base_url.")
    audio_prices: dict[str, float] = Field(default_factory=dict, description="transcription model -> USD per minute.")
    transcribe_max_mb: float = Field(25.0, ge=0.5, description="Largest upload the transcription server takes, in MB.")

    def transcribe_url(self) -> str:
        """Where recordings are sent: ``transcribe_base_url``, else ``base_url``."""
        return self.transcribe_base_url or self.base_url

    def check_transcribe_ready(self) -> None:
        """Raise ``ConfigError`` (one line, what to set) when recordings cannot be transcribed with these settings."""
        if not self.transcribe_model:
            raise ConfigError("no transcription model; set --transcribe-model or SEEKH_TRANSCRIBE_MODEL (or in seekh.toml)")
        if self.api_key is None and self.transcribe_url().rstrip("/") == OPENAI_BASE_URL:
            raise ConfigError("no API key for api.openai.com; set OPENAI_API_KEY or --api-key (or --base-url for a local server)")

    def check_ready(self) -> None:
        """Raise ``ConfigError`` (one line, what to set) when the engine cannot run with these settings."""
        if not self.model:
            raise ConfigError("no model for the openai engine; set --model or SEEKH_MODEL (or model in seekh.toml)")
        if self.api_key is None and self.base_url.rstrip("/") == OPENAI_BASE_URL:
            raise ConfigError("no API key for api.openai.com; set OPENAI_API_KEY or --api-key (or --base-url for a local server)")

    def key(self) -> str:
        """The API key for the client: the real one, or a placeholder for keyless local servers."""
        return self.api_key.get_secret_value() if self.api_key else "sk-no-key-required"

    def resolved_cache_dir(self) -> Path:
        return self.cache_dir or Path(platformdirs.user_cache_dir("seekh-convert"))


def load_settings(cli_overrides: dict | None = None, *, config_file: Path | None = None) -> EngineSettings:
    """Merge the ``[engine]`` table of ``seekh.toml`` (cwd, else user config dir), then environment, then CLI options (``None`` = unset).

    Raises ``ConfigError`` (one line naming the setting) for invalid values; ``check_ready`` checks model and key.
    """
    values: dict = {}
    values.update(_toml_values(config_file))
    values.update({field: os.environ[var] for var, field in _ENV.items() if os.environ.get(var)})
    values.update({k.replace("-", "_"): v for k, v in (cli_overrides or {}).items() if v is not None})
    try:
        settings = EngineSettings.model_validate(values)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "settings"
        raise ConfigError(f"invalid engine setting {where}: {err['msg']}") from None
    return settings


def _toml_values(config_file: Path | None) -> dict:
    path = config_file or _find_toml()
    if path is None:
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from None
    section = data.get("engine", {})
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [engine] must be a table")
    return {k.replace("-", "_"): v for k, v in section.items()}


def _find_toml() -> Path | None:
    return find_config()
