"""The offline engine: deterministic, extractive study guides built from the source text itself."""

from seekh_convert.generate.offline.engine import OfflineEngine

__all__ = ["OfflineEngine"]
