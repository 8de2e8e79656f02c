"""Domain errors. They become one-line CLI messages only at the CLI edge."""

from __future__ import annotations


class SeekhError(Exception):
    """Base of every error this tool raises on purpose; ``str()`` is a one-line, user-facing message."""


class InputError(SeekhError):
    """A source file cannot be read or has no usable text. The message names the file and the fix."""


class OutputError(SeekhError):
    """An output file cannot be written (not a folder, no space, no permission). The message names the path."""


class ConfigError(SeekhError):
    """Missing or invalid configuration (model, key, base URL...). The message says what to set."""


class EngineError(SeekhError):
    """A generation engine failed for a topic after its retries and repairs."""

    def __init__(self, message: str, *, attempts: int = 0, usage: object | None = None, last_reply: str | None = None):
        super().__init__(message)
        self.attempts = attempts
        self.usage = usage
        self.last_reply = last_reply


class BudgetError(SeekhError):
    """The next request could take the run past ``--budget``; the run stops starting requests."""


class PreflightError(SeekhError):
    """The run cannot start: ``problems`` holds one line per failed check (output folder, engine, budget)."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems
