"""Configuration files: ``.checker.toml`` or ``[tool.checker]`` in ``pyproject.toml``.

Found from the working directory upward (in one folder ``.checker.toml`` wins over
``pyproject.toml``); command-line flags win over the file. Unknown keys and bad
values are errors naming the file and the key.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker import errors
from checker.errors import UsageError

JOBS_EXPECTED = "a whole number of processes, 0 for one per CPU"
"""What ``--jobs`` and the ``jobs`` key take; both refuse anything else in these words."""


def processes(jobs: int) -> int:
    """The worker processes ``jobs`` asks for: 0 is one per CPU."""
    return jobs or (os.cpu_count() or 1)


LEVELS = ("error", "warning", "info")
FAIL_LEVELS = ("error", "warning", "never")
VARIANTS = ("both", "en-GB", "en-US")


@dataclass(frozen=True)
class FileConfig:
    """What a configuration file sets; None means "not set here"."""

    path: Path | None = None
    """The file read, or None when there is none."""
    rules: tuple[Path, ...] = ()
    """Rule packs, relative to the file."""
    disable: tuple[str, ...] = ()
    """Rule ids turned off."""
    severity: dict[str, str] = field(default_factory=dict)
    """Rule id -> level."""
    min_level: str | None = None
    """Lowest severity shown."""
    fail_on: str | None = None
    """Lowest severity that fails the run."""
    vocab: Path | None = None
    """Folder holding accept.txt / reject.txt."""
    include: tuple[str, ...] = ()
    """Glob patterns of article files to check (all when empty)."""
    exclude: tuple[str, ...] = ()
    """Glob patterns of article files to skip."""
    spelling: str | None = None
    """Spelling variant: both, en-GB or en-US."""
    ignore: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Path glob -> rule ids (or ``*``) whose findings are suppressed there."""
    cache: bool | Path | None = None
    """``false`` turns the extraction cache off; a path (relative to the file) moves it."""
    jobs: int | None = None
    """Worker processes checking stories in parallel."""


_KEYS = (
    "rules",
    "disable",
    "severity",
    "min_level",
    "fail_on",
    "vocab",
    "include",
    "exclude",
    "spelling",
    "ignore",
    "cache",
    "jobs",
)


def find_config(start: Path) -> Path | None:
    """The nearest ``.checker.toml``, or ``pyproject.toml`` with a ``[tool.checker]`` table, from ``start`` up."""
    for folder in (start, *start.parents):
        dotfile = folder / ".checker.toml"
        if dotfile.is_file():
            return dotfile
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
            if isinstance(data.get("tool"), dict) and "checker" in data["tool"]:
                return pyproject
    return None


def _bad(path: Path, key: str, message: str) -> UsageError:
    return UsageError(errors.E401, f"[{key}] {message}", str(path))


def _strings(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _bad(path, key, f"must be a list of strings (not {value!r:.60})")
    return tuple(value)


def _choice(path: Path, key: str, value: Any, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise _bad(path, key, f"invalid value {value!r}, expected one of: {', '.join(allowed)}")
    return value


def load_config(path: Path) -> FileConfig:
    """Read and validate one configuration file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(errors.E401, f"cannot be read ({exc})", str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(errors.E401, f"invalid TOML: {exc}", str(path)) from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("checker", {})
        prefix = "tool.checker."
    else:
        table, prefix = data, ""
    if not isinstance(table, dict):
        raise _bad(path, prefix.rstrip(".") or "checker", "must be a table")
    for key in table:
        if key not in _KEYS:
            raise _bad(path, prefix + key, f"unknown key, expected one of: {', '.join(_KEYS)}")
    base = path.parent
    severity = table.get("severity", {})
    if not isinstance(severity, dict):
        raise _bad(path, prefix + "severity", "must be a table of rule id = level")
    for rule_id, level in severity.items():
        _choice(path, f"{prefix}severity.{rule_id}", level, LEVELS)
    ignore = table.get("ignore", {})
    if not isinstance(ignore, dict):
        raise _bad(path, prefix + "ignore", 'must be a table of "path glob" = [rule ids]')
    vocab = table.get("vocab")
    if vocab is not None and not isinstance(vocab, str):
        raise _bad(path, prefix + "vocab", "must be a folder path")
    cache = table.get("cache")
    if cache is not None and not isinstance(cache, bool | str):
        raise _bad(path, prefix + "cache", "must be false, true or a folder path")
    jobs = table.get("jobs")
    if jobs is not None and (isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 0):
        raise _bad(path, prefix + "jobs", f"expected {JOBS_EXPECTED} (not {jobs!r})")
    return FileConfig(
        path=path,
        cache=base / cache if isinstance(cache, str) else cache,
        jobs=None if jobs is None else processes(jobs),
        rules=tuple(base / p for p in _strings(path, prefix + "rules", table.get("rules", []))),
        disable=_strings(path, prefix + "disable", table.get("disable", [])),
        severity=dict(severity),
        min_level=_choice(path, prefix + "min_level", table["min_level"], LEVELS)
        if "min_level" in table
        else None,
        fail_on=_choice(path, prefix + "fail_on", table["fail_on"], FAIL_LEVELS)
        if "fail_on" in table
        else None,
        vocab=base / vocab if vocab else None,
        include=_strings(path, prefix + "include", table.get("include", [])),
        exclude=_strings(path, prefix + "exclude", table.get("exclude", [])),
        spelling=_choice(path, prefix + "spelling", table["spelling"], VARIANTS)
        if "spelling" in table
        else None,
        ignore={
            glob: _strings(path, f"{prefix}ignore.{glob}", rules) for glob, rules in ignore.items()
        },
    )
