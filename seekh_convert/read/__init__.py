"""Extract: read a source file into a ``Document`` (raw layer or blocks)."""
