"""The gate's settings and ``--strict`` thresholds from the ``[quality]`` table of ``seekh.toml``.

```toml
[quality]
min_rubric_rate = 0.85     # StrictThresholds: share of flashcards and questions passing the review rubric
min_grounding_rate = 1.0
support = 0.5              # GateSettings: share of an item's words its quote must support
```
"""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

from pydantic import ValidationError

from seekh_convert.check.checker import GateSettings
from seekh_convert.check.strict import StrictThresholds
from seekh_convert.errors import ConfigError
from seekh_convert.files import find_config


def load_quality(config_file: Path | None = None) -> tuple[GateSettings, StrictThresholds]:
    """The gate's settings and the strict thresholds; defaults where ``seekh.toml`` has no ``[quality]`` table."""
    path = config_file or find_config()
    table: dict = {}
    if path is not None:
        try:
            table = tomllib.loads(path.read_text(encoding="utf-8")).get("quality", {})
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read {path}: {exc}") from None
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [quality] must be a table")
    table = {k.replace("-", "_"): v for k, v in table.items()}
    gate_fields = {f.name: f.type for f in dataclasses.fields(GateSettings)}
    gate_values = {k: v for k, v in table.items() if k in gate_fields}
    for key, value in gate_values.items():
        if not isinstance(value, (int, float, bool)) or isinstance(value, bool) != (gate_fields[key] == "bool"):
            raise ConfigError(f"invalid quality setting {key}: {value!r}")
    try:
        thresholds = StrictThresholds.model_validate({k: v for k, v in table.items() if k not in gate_fields})
    except ValidationError as exc:
        err = exc.errors()[0]
        raise ConfigError(f"invalid quality setting {'.'.join(map(str, err['loc']))}: {err['msg']}") from None
    return GateSettings(**gate_values), thresholds
