"""Pickled entries sealed with a SHA-256 of their payload and written atomically: the format
of the extraction cache (``cache``) and of the stored tables (``tables``). An entry that is
truncated, corrupt or of another kind reads as None and is rebuilt, never trusted."""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path

_DIGEST_SIZE = hashlib.sha256().digest_size


def seal(magic: bytes, value: object) -> bytes:
    """``value`` pickled, behind ``magic`` and the SHA-256 of the pickle."""
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    return magic + hashlib.sha256(payload).digest() + payload


def unseal(magic: bytes, blob: bytes) -> tuple[object] | None:
    """``(value,)`` from a sealed ``blob``, or None for anything truncated, corrupt or foreign."""
    header = len(magic) + _DIGEST_SIZE
    if len(blob) <= header or not blob.startswith(magic):
        return None
    payload = blob[header:]
    if hashlib.sha256(payload).digest() != blob[len(magic) : header]:
        return None
    try:
        return (pickle.loads(payload),)
    except Exception:  # noqa: BLE001 - any unpickling failure means: rebuild the entry
        return None


def write_atomically(path: Path, blob: bytes, prepare: Callable[[], None] | None = None) -> bool:
    """Write ``blob`` to ``path`` through a temporary file and a rename, so a reader sees the
    old entry or the new one, never half of one. ``prepare`` runs once the folder exists.
    Returns False when the entry could not be written: that costs speed, never the run."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if prepare is not None:
            prepare()
        handle, temporary = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
    except OSError:
        return False
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(blob)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        return False
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True
