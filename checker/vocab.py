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
        """True when ``word`` is an accepted term (``_listed``)."""
        return _listed(self.accept, word)

    def rejects(self, word: str) -> bool:
        """True when ``word`` is a rejected term (``_listed``)."""
        return _listed(self.reject, word)


def _listed(patterns: tuple[re.Pattern[str], ...], word: str) -> bool:
    """True when a pattern matches the whole of ``word``, or of ``word`` with its capital
    first letter in lower case: a term listed in lower case ("utilise") is the same word
    at the start of a sentence ("Utilise"); one listed with a capital keeps its case."""
    if any(p.fullmatch(word) for p in patterns):
        return True
    lowered = word[:1].lower() + word[1:]
    return lowered != word and any(p.fullmatch(lowered) for p in patterns)


def _read(path: Path) -> tuple[tuple[re.Pattern[str], ...], list[InputError]]:
    """The patterns of vocabulary file ``path``, and an E109 error for each bad line."""
    patterns = []
    bad: list[InputError] = []
    if not path.is_file():
        return (), bad
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(errors.E104, f"vocabulary cannot be read ({exc})", str(path)) from None
    for line_no, line in enumerate(lines, start=1):
        term = line.split("#", 1)[0].strip()
        if not term:
            continue
        if len(term) > MAX_PATTERN or re.search(r"\([^)]*[+*][^)]*\)[+*{]", term):
            bad.append(
                InputError(
                    errors.E109,
                    "term too long or nested repetition (slow to match)",
                    str(path),
                    line_no,
                )
            )
            continue
        try:
            patterns.append(re.compile(term))
        except re.error as exc:
            bad.append(
                InputError(
                    errors.E109, f"not a valid regular expression ({exc})", str(path), line_no
                )
            )
    return tuple(patterns), bad


def load_vocabulary(folder: Path | None) -> Vocabulary:
    """Read ``accept.txt`` and ``reject.txt`` from ``folder`` (an empty vocabulary when None).

    Raises InputError (E109) for the first bad line, with every other bad line of the two
    files in its ``more``: each is told on its own line, not one per run."""
    if folder is None:
        return Vocabulary()
    if not folder.is_dir():
        raise InputError(errors.E101, "vocabulary folder not found", str(folder))
    accept, bad_accept = _read(folder / "accept.txt")
    reject, bad_reject = _read(folder / "reject.txt")
    bad = bad_accept + bad_reject
    if bad:
        first, *rest = bad
        first.more = tuple(rest)
        raise first
    return Vocabulary(accept, reject)
