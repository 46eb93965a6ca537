"""One settings object, built once from the command line and passed down explicitly."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

FORMATS = ("text", "json")
FAIL_LEVELS = ("error", "warning", "never")


@dataclass(frozen=True)
class Settings:
    """How a run is configured."""

    rule_paths: tuple[Path, ...] = field(default_factory=tuple)
    """Rule packs to load; empty means the shipped ``rules/default``."""
    model: str | None = None
    """An installed trained spaCy pipeline to use instead of blank English."""
    output_format: str = "text"
    """``text`` or ``json``."""
    fail_on: str = "error"
    """Lowest severity that makes the exit status 1: error, warning or never."""

    def __post_init__(self) -> None:
        if self.output_format not in FORMATS:
            raise ValueError(
                f"invalid format, expected one of {FORMATS} (not {self.output_format!r})"
            )
        if self.fail_on not in FAIL_LEVELS:
            raise ValueError(
                f"invalid fail_on, expected one of {FAIL_LEVELS} (not {self.fail_on!r})"
            )
