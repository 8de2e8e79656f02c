"""The OpenAI-compatible engine: any server speaking the chat completions API (OpenAI, llama.cpp, vLLM...)."""

from .config import EngineSettings, load_settings
from .engine import OpenAIEngine

__all__ = ["EngineSettings", "OpenAIEngine", "load_settings"]
