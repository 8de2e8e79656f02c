"""The offline engine: deterministic, extractive study guides built from the source text itself."""

from .engine import OfflineEngine

__all__ = ["OfflineEngine"]
