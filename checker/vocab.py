"""Project vocabularies in Vale's style: ``accept.txt`` and ``reject.txt``.

One term or regular expression a line, ``#`` starts a comment. Accepted terms are
never reported as typos; rejected ones always are. Each line must match a whole word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from checker import errors
from checker.errors import InputError

MAX_PATTERN = 200
"""Longest term accepted: a vocabulary line is a word or a short pattern."""


@dataclass(frozen=True)
class Vocabulary:
    """Accepted and rejected terms."""

    accept: tuple[re.Pattern[str], ...] = field(default_factory=tuple)
    """Patterns of words never flagged."""
    reject: tuple[re.Pattern[str], ...] = field(default_factory=tuple)
    """Patterns of words always flagged."""

    def accepts(self, word: str) -> bool:
        """True when ``word`` is an accepted term."""
        return any(p.fullmatch(word) for p in self.accept)

    def rejects(self, word: str) -> bool:
        """True when ``word`` is a rejected term."""
        return any(p.fullmatch(word) for p in self.reject)


def _read(path: Path) -> tuple[re.Pattern[str], ...]:
    patterns = []
    if not path.is_file():
        return ()
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(errors.E104, f"vocabulary cannot be read ({exc})", str(path)) from None
    for line_no, line in enumerate(lines, start=1):
        term = line.split("#", 1)[0].strip()
        if not term:
            continue
        if len(term) > MAX_PATTERN or re.search(r"\([^)]*[+*][^)]*\)[+*{]", term):
            raise InputError(
                errors.E109,
                "term too long or nested repetition (slow to match)",
                str(path),
                line_no,
            )
        try:
            patterns.append(re.compile(term))
        except re.error as exc:
            raise InputError(
                errors.E109, f"not a valid regular expression ({exc})", str(path), line_no
            ) from None
    return tuple(patterns)


def load_vocabulary(folder: Path | None) -> Vocabulary:
    """Read ``accept.txt`` and ``reject.txt`` from ``folder`` (an empty vocabulary when None)."""
    if folder is None:
        return Vocabulary()
    if not folder.is_dir():
        raise InputError(errors.E101, "vocabulary folder not found", str(folder))
    return Vocabulary(_read(folder / "accept.txt"), _read(folder / "reject.txt"))
