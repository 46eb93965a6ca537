"""One settings object, built once from the configuration file and the command line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

FORMATS = ("text", "json", "sarif", "junit", "github", "rdjsonl", "markdown", "html")
FAIL_LEVELS = ("error", "warning", "never")
LEVELS = ("error", "warning", "info")
VARIANTS = ("both", "en-GB", "en-US")


@dataclass(frozen=True)
class Settings:
    """How a run is configured. Command-line flags win over the configuration file."""

    rule_paths: tuple[Path, ...] = field(default_factory=tuple)
    """Rule packs to load; empty means the shipped ``rules/default``."""
    model: str | None = None
    """An installed trained spaCy pipeline to use instead of blank English."""
    output_format: str = "text"
    """One of ``FORMATS``."""
    fail_on: str = "error"
    """Lowest severity that makes the exit status 1: error, warning or never."""
    min_level: str = "info"
    """Lowest severity shown in the report."""
    disable: tuple[str, ...] = ()
    """Rule ids turned off."""
    severity: dict[str, str] = field(default_factory=dict)
    """Rule id -> level, overriding the rule files."""
    vocab_dir: Path | None = None
    """Folder with accept.txt / reject.txt."""
    include: tuple[str, ...] = ()
    """Glob patterns of article files to check (all when empty)."""
    exclude: tuple[str, ...] = ()
    """Glob patterns of article files to skip."""
    spelling: str = "both"
    """Spelling variant accepted: both, en-GB or en-US."""
    path_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Path glob -> rule ids (or ``*``) suppressed there."""
    baseline: Path | None = None
    """A baseline file: findings recorded in it are not reported."""
    changed_since: str | None = None
    """A git revision: only stories with a file changed since it are checked."""
    jobs: int = 1
    """Worker processes checking stories in parallel (the output does not depend on it)."""
    cache_dir: Path | None = None
    """Folder of the extraction cache; None runs without a cache."""
    config_path: Path | None = None
    """The configuration file read, named in its errors; None when there is none."""

    def __post_init__(self) -> None:
        if self.output_format not in FORMATS:
            raise ValueError(
                f"invalid format, expected one of {FORMATS} (not {self.output_format!r})"
            )
        if self.fail_on not in FAIL_LEVELS:
            raise ValueError(
                f"invalid fail_on, expected one of {FAIL_LEVELS} (not {self.fail_on!r})"
            )
        if self.min_level not in LEVELS:
            raise ValueError(
                f"invalid min_level, expected one of {LEVELS} (not {self.min_level!r})"
            )
        if self.jobs < 1:
            raise ValueError(f"invalid jobs, expected 1 or more (not {self.jobs!r})")
        if self.spelling not in VARIANTS:
            raise ValueError(
                f"invalid spelling, expected one of {VARIANTS} (not {self.spelling!r})"
            )
