"""Tables built from installed data (the gazetteer, the bigram model, the word list of the
typo rules), kept on disk between runs: reading one back is several times quicker than
building it, and every run needs them at start.

A table is stored under the user's cache folder (``$XDG_CACHE_HOME/checker/tables``, or
``~/.cache/checker/tables``; ``CHECKER_TABLES_CACHE`` names another folder, or turns the
store off when empty or ``off``). Its key covers the checker's code, the Python version
and the data files the table is built from (name, size, modification time), so a new
release of either rebuilds it. Entries are written atomically and carry a SHA-256 of their
payload; a damaged one is rebuilt, never trusted. The folder holds pickles: it is as
trusted as the installed code. This store is separate from the extraction cache
(``--no-cache`` turns off the latter): it holds nothing read from the input.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from checker.sealed import seal, unseal, write_atomically

ENVIRONMENT = "CHECKER_TABLES_CACHE"
"""Environment variable naming the tables folder ("" or "off": build every time)."""
_MAGIC = b"checker-tables/1\n"

T = TypeVar("T")


def tables_dir() -> Path | None:
    """The folder tables are kept in, or None when the store is off."""
    chosen = os.environ.get(ENVIRONMENT)
    if chosen is not None:
        return None if chosen.strip() in ("", "off") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "checker" / "tables"


KEPT_ENTRIES = 4
"""Entries kept per table: checkouts of several versions used side by side (a branch, a
release) each find their own instead of rebuilding over each other's at every run."""


def stored(name: str, inputs: Iterable[Path | str], build: Callable[[], T]) -> T:
    """The table ``name``: read back from the tables folder when an entry for the same
    code and ``inputs`` (the data files it is built from, or strings such as a package
    version or the call's arguments) is there, else ``build()``, stored for the next run."""
    folder = tables_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{_key(inputs)[:32]}.pickle"
    try:
        found = _decode(path.read_bytes())
    except OSError:
        found = None
    if found is not None:
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: the last to be dropped
        return found[0]
    table = build()
    _write(path, table)
    return table


def _key(inputs: Iterable[Path | str]) -> str:
    """SHA-256 over the checker's code, the Python version and ``inputs``."""
    from checker.cache import code_fingerprint

    digest = hashlib.sha256(f"{code_fingerprint()}\x1f{sys.version}".encode())
    for item in inputs:
        if isinstance(item, Path):
            try:
                status = item.stat()
                item = f"{item.resolve()}:{status.st_size}:{status.st_mtime_ns}"
            except OSError:
                item = f"{item}:missing"
        digest.update(b"\x1f" + item.encode())
    return digest.hexdigest()


def _decode(blob: bytes) -> tuple[object] | None:
    """``(table,)`` from a stored entry, or None for anything truncated, corrupt or foreign."""
    return unseal(_MAGIC, blob)


def _write(path: Path, table: object) -> None:
    """Store ``table`` at ``path`` atomically; a failure to write costs speed, never the run."""
    if not write_atomically(path, seal(_MAGIC, table)):
        return
    name = path.name.rsplit("-", 1)[0]
    others = []
    for old in path.parent.glob(f"{name}-*.pickle"):
        with contextlib.suppress(OSError):
            if old != path:
                others.append((old.stat().st_mtime_ns, old))
    # keep the entries of a few checkouts or releases used side by side; drop the older ones
    for _, old in sorted(others, reverse=True)[KEPT_ENTRIES - 1 :]:
        old.unlink(missing_ok=True)
