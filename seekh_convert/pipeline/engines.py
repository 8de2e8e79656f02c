"""Which engine writes the guides and which transcriber hears the recordings, from the options and seekh.toml."""

from __future__ import annotations

from seekh_convert.model.engine import Engine
from seekh_convert.model.transcriber import Transcriber


def _settings(llm: dict):
    from seekh_convert.generate.openai.config import load_settings  # seekh.toml and the environment

    return load_settings({k: v for k, v in llm.items() if v is not None})


def build_engine(choice: str, llm: dict) -> Engine:
    """The offline engine, or the OpenAI-compatible one when chosen or when a model is configured (``ConfigError``)."""
    engine_llm = {k: v for k, v in llm.items() if not k.startswith("transcribe_")}
    if choice != "offline":
        settings = _settings(engine_llm)
        if choice == "openai" or "model" in settings.model_fields_set:
            from seekh_convert.generate.openai import OpenAIEngine

            return OpenAIEngine.from_settings(settings)
    from seekh_convert.generate.offline import OfflineEngine

    return OfflineEngine()


def build_transcriber(engine: Engine, llm: dict) -> Transcriber | None:
    """Speech to text for recordings: a server when a transcription model is configured, else the built-in
    recogniser when installed (the asr extra), else none (recordings are then refused)."""
    settings = _settings(llm)
    if not settings.transcribe_model:
        from seekh_convert.generate.offline.transcribe import OfflineTranscriber

        cache = None if settings.no_cache else settings.resolved_cache_dir()
        return OfflineTranscriber(cache_dir=cache) if OfflineTranscriber.available() else None
    from seekh_convert.generate.openai import OpenAIEngine
    from seekh_convert.generate.openai.transcribe import OpenAITranscriber

    return OpenAITranscriber.from_settings(settings, engine.client if isinstance(engine, OpenAIEngine) else None)


def build_engines(choice: str, llm: dict) -> tuple[Engine, Transcriber | None]:
    """The engine and the transcriber of a ``convert`` run (``SeekhError`` when the configuration is wrong)."""
    engine = build_engine(choice, llm)
    return engine, build_transcriber(engine, llm)
