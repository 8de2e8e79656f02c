"""The OpenAI-compatible engine: any server speaking the chat completions API (OpenAI, llama.cpp, vLLM...)."""

from seekh_convert.generate.openai.config import EngineSettings, load_settings
from seekh_convert.generate.openai.engine import OpenAIEngine

__all__ = ["EngineSettings", "OpenAIEngine", "load_settings"]
