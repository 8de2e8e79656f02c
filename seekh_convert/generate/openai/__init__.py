"""The OpenAI-compatible engine: any server speaking the chat completions API (OpenAI, llama.cpp, vLLM...).

The engine (and with it the ``openai`` SDK) is imported when first named, so that reading the settings
(``generate.openai.config``), which every run does, costs an offline run nothing.
"""

from seekh_convert.generate.openai.config import EngineSettings, load_settings

__all__ = ["EngineSettings", "OpenAIEngine", "load_settings"]


def __getattr__(name: str):
    if name == "OpenAIEngine":
        from seekh_convert.generate.openai.engine import OpenAIEngine

        return OpenAIEngine
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
