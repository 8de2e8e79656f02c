"""The choices of ``convert``'s options, as the CLI offers them."""

import enum


class OcrChoice(str, enum.Enum):
    """``--ocr``: PDF pages without a text layer are OCRed (auto), every page is (always), none is (never)."""

    AUTO = "auto"
    ALWAYS = "always"
    NEVER = "never"


class StalePolicy(str, enum.Enum):
    """``--stale``: topic folders an earlier run with other options left: fail the input, remove them, keep them."""

    ERROR = "error"
    REMOVE = "remove"
    KEEP = "keep"


class EngineChoice(str, enum.Enum):
    """``--engine``: offline, openai, or auto (openai when a model is configured)."""

    AUTO = "auto"
    OFFLINE = "offline"
    OPENAI = "openai"
