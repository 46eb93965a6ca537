"""On-disk cache of per-source extractions, so an unchanged corpus needs no NLP work.

What is cached is the result of ``extract`` for one source (what ``normalize`` and the
later, cross-source stages start from), not findings: a story's findings depend on all
its sources, while a source's extraction depends only on itself. An entry is keyed by

* the source as loaded (text, id, path, offsets, metadata, dateline, suppressions),
* the rules' digest (``RuleSet.digest``) and the enabled rule ids,
* the checker's version and a fingerprint of its own code, and the spaCy model name.

Entries are written atomically (a temporary file, then a rename) and carry a SHA-256 of
their payload; an entry that is truncated, corrupt or of another format is ignored and
rebuilt, never trusted. The cache folder holds pickles: it is as trusted as the
installed code, so do not point ``--cache-dir`` at a folder others can write to.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from checker import __version__
from checker.extract import Extraction
from checker.model import Source
from checker.rules import RuleSet
from checker.sealed import seal, unseal, write_atomically

DEFAULT_DIR = Path(".checker-cache")
"""Where the cache lives by default (relative to the working directory)."""
_MAGIC = b"checker-cache/1\n"
_SOURCE_FIELDS = (
    "id",
    "story",
    "path",
    "text",
    "line_offset",
    "column_offset",
    "outlet",
    "title",
    "published",
    "published_from",
    "published_evidence",
    "dateline",
    "suppressions",
)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """SHA-256 over the checker package's Python files: a code change invalidates the cache."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def run_key(ruleset: RuleSet, *, model: str | None = None) -> str:
    """The part of every key shared by a run: rules, enabled rule ids, code and model."""
    parts = [ruleset.digest, ",".join(sorted(ruleset.rules)), code_fingerprint(), model or ""]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def source_key(source: Source, run: str) -> str:
    """Key of one source's extraction under the run key ``run``."""
    fields = tuple(getattr(source, name) for name in _SOURCE_FIELDS)
    return hashlib.sha256(f"{run}\x1f{fields!r}".encode()).hexdigest()


class ExtractionCache:
    """Per-source extractions stored under ``folder``, one file per entry.

    Args:
        folder (Path): the cache folder; created on first write.
        run (str): the run key (``run_key``).
    """

    def __init__(self, folder: Path, run: str) -> None:
        self.folder = folder
        self.run = run
        self.hits = 0
        """Entries read back this run."""
        self.misses = 0
        """Sources that had no valid entry."""

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key[2:]}.pickle"

    def get(self, source: Source) -> Extraction | None:
        """The cached extraction of ``source`` (attached to this very object), or None."""
        path = self._path(source_key(source, self.run))
        try:
            blob = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        extraction = _decode(blob)
        if extraction is None or extraction.source.id != source.id:
            self.misses += 1
            return None
        self.hits += 1
        # later stages fill in the source's inferred date: they must see the live object
        return dataclasses.replace(extraction, source=source)

    def put(self, source: Source, extraction: Extraction) -> None:
        """Store ``extraction`` for ``source`` atomically; a failure to write is not an error."""
        path = self._path(source_key(source, self.run))
        write_atomically(path, seal(_MAGIC, extraction), lambda: _ignore_in_git(self.folder))


def unwritable_reason(folder: Path) -> str | None:
    """Why no entry can be written under ``folder`` (a file in its place, no permission, a
    read-only disk), or None when it can: the folder is made if need be and a probe file is
    written and removed, as an entry would be."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(prefix=".", suffix=".probe", dir=folder)
        os.close(handle)
        os.unlink(probe)
    except FileExistsError:
        return "a file stands in its place"
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


def _decode(blob: bytes) -> Extraction | None:
    """Validate and unpickle an entry; None for anything truncated, corrupt or foreign."""
    found = unseal(_MAGIC, blob)
    extraction = found[0] if found is not None else None
    if not isinstance(extraction, Extraction) or not isinstance(extraction.source, Source):
        return None
    return extraction


def _ignore_in_git(folder: Path) -> None:
    """Put a ``.gitignore`` of ``*`` in the cache folder (as pytest does) so it is never committed."""
    marker = folder / ".gitignore"
    if not marker.exists():
        try:
            marker.write_text("# created by checker: the extraction cache\n*\n", encoding="utf-8")
        except OSError:
            pass
