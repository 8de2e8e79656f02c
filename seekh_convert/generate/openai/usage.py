"""Token usage and cost: per call, summed per topic and per run."""

from __future__ import annotations

from dataclasses import dataclass

from seekh_convert.errors import BudgetError, ConfigError
from seekh_convert.model.guide import Usage

#: USD per 1M tokens (input, output): list prices of common models, an estimate only.
PRICES: dict[str, tuple[float, float]] = {
    "gpt-4o": (2.50, 10.00),
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-5": (1.25, 10.00),
    "gpt-5-mini": (0.25, 2.00),
    "gpt-5-nano": (0.05, 0.40),
    "o3-mini": (1.10, 4.40),
    "o4-mini": (1.10, 4.40),
    "gpt-3.5-turbo": (0.50, 1.50),
}

#: USD per minute of audio sent for transcription (list prices, an estimate only).
AUDIO_PRICES: dict[str, float] = {"whisper-1": 0.006, "gpt-4o-transcribe": 0.006, "gpt-4o-mini-transcribe": 0.003}


def audio_cost_usd(model: str, seconds: float, overrides: dict[str, float] | None = None) -> float | None:
    """Cost of transcribing ``seconds`` of audio with ``model``; ``None`` when its price is unknown."""
    table = {**AUDIO_PRICES, **(overrides or {})}
    base = model if model in table else max((n for n in table if model.startswith(n + "-")), key=len, default=None)
    return None if base is None else round(seconds / 60 * table[base], 6)


#: The OpenAI Batch API's price, as a share of the list price.
BATCH_DISCOUNT = 0.5


def price_table(overrides: dict[str, tuple[float, float]] | None = None) -> dict[str, tuple[float, float]]:
    """Every priced model: the list prices above, with ``[engine.prices]`` from seekh.toml over them."""
    return {**PRICES, **(overrides or {})}


@dataclass(frozen=True)
class CallUsage:
    """One chat call: tokens in/out (from the server, else estimated) and whether the cache answered."""

    input_tokens: int
    output_tokens: int
    cached: bool = False


def price_of(model: str, overrides: dict[str, tuple[float, float]] | None = None) -> tuple[float, float] | None:
    """Price of ``model``; a dated variant (``gpt-4o-mini-2024-07-18``) falls back to its base name."""
    table = {**PRICES, **(overrides or {})}
    if model in table:
        return table[model]
    base = max((name for name in table if model.startswith(name + "-")), key=len, default=None)
    return table[base] if base else None


def cost_usd(model: str, input_tokens: int, output_tokens: int, overrides: dict | None = None) -> float | None:
    price = price_of(model, overrides)
    if price is None:
        return None
    return round((input_tokens * price[0] + output_tokens * price[1]) / 1_000_000, 6)


def _share(cost: float | None, share: float) -> float | None:
    return None if cost is None else round(cost * share, 6)


class UsageMeter:
    """Accumulates calls; ``usage()`` gives a ``schema.Usage`` (cached calls cost nothing)."""

    def __init__(self, model: str, prices: dict | None = None, share: float = 1.0):
        self.model = model
        self.prices = prices
        self.share = share  # of the list price paid (BATCH_DISCOUNT with the Batch API)
        self.calls: list[CallUsage] = []

    def add(self, call: CallUsage) -> None:
        self.calls.append(call)

    def usage(self) -> Usage:
        live = [c for c in self.calls if not c.cached]
        tokens_in = sum(c.input_tokens for c in self.calls)
        tokens_out = sum(c.output_tokens for c in self.calls)
        return Usage(
            calls=len(self.calls),
            input_tokens=tokens_in,
            output_tokens=tokens_out,
            cached_calls=len(self.calls) - len(live),
            cost_usd=_share(
                cost_usd(self.model, sum(c.input_tokens for c in live), sum(c.output_tokens for c in live), self.prices),
                self.share,
            ),
        )


class Budget:
    """``--budget``: no request starts whose worst case (its prompt plus a full reply) would cross ``limit_usd``.

    ``spent`` starts at what earlier runs into the same output folder paid; replies settle their reservation.
    """

    def __init__(self, limit_usd: float, model: str, prices: dict | None = None, spent: float = 0.0, share: float = 1.0):
        if price_of(model, prices) is None:
            raise ConfigError(f"--budget needs the price of model {model!r}; add it under [engine.prices] in seekh.toml")
        self.limit = limit_usd
        self.model = model
        self.prices = prices
        self.spent = spent
        self.share = share  # of the list price paid (BATCH_DISCOUNT with the Batch API)
        self.reserved = 0.0

    def reserve(self, input_tokens: int, max_output_tokens: int) -> float:
        """Reserve the worst-case cost of one request; raises ``BudgetError`` when it does not fit."""
        worst = (cost_usd(self.model, input_tokens, max_output_tokens, self.prices) or 0.0) * self.share
        return self.reserve_usd(worst, "request")

    def reserve_usd(self, worst: float, what: str) -> float:
        """Reserve ``worst`` dollars for one request of another kind (``what``, e.g. a transcription)."""
        if self.spent + self.reserved + worst > self.limit:
            raise BudgetError(
                f"budget of ${self.limit:.4f} reached: ${self.spent:.4f} spent, the next {what} could cost up to "
                f"${worst:.4f}; run the same command with a larger --budget to continue"
            )
        self.reserved += worst
        return worst

    def settle(self, reservation: float, cost: float | None) -> None:
        """A reserved request ended, costing ``cost`` (None or 0 when it failed)."""
        self.reserved = max(0.0, self.reserved - reservation)
        self.spent += cost or 0.0
