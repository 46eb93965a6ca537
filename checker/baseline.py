"""Baselines: record today's findings, then report only the ones that are new.

A finding's fingerprint rests on its rule, its story and, for every piece of
evidence, the file name of its source (not the path as typed), the exact words and
the normalized value. Line and column numbers are left out, so a fingerprint survives
edits elsewhere in a file.
When one story has several findings with the same fingerprint (the same typo
twice in one article), the second gets ``:2`` appended, the third ``:3``, in the
order of the report, so a new occurrence of an old finding still shows up.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

from checker import errors
from checker.errors import InputError
from checker.model import Finding, StoryResult

SCHEMA = "checker-baseline/2"
FINGERPRINT_KEY = "checkerFinding/v2"
"""The key of the fingerprint among SARIF ``partialFingerprints``."""


def fingerprint(finding: Finding) -> str:
    """A stable hash of what a finding is about: 16 hex digits of a SHA-256.

    Args:
        finding (Finding): the finding.
    """
    # a source by its file name in the story, not the path as typed ("./a/x.txt", "a/x.txt")
    evidence = sorted(
        json.dumps([_file_name(e.source), e.text, e.normalized], ensure_ascii=False)
        for e in finding.evidence
    )
    canonical = json.dumps([finding.rule, finding.story, evidence], ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def _file_name(source_id: str) -> str:
    """The last part of a source's path ("stories/a/x.txt" -> "x.txt"; "a.jsonl#3" kept whole)."""
    return source_id.replace("\\", "/").rsplit("/", 1)[-1]


def story_fingerprints(result: StoryResult) -> list[str]:
    """The fingerprints of a story's findings, in order, repeats numbered ``:2``, ``:3``...

    Args:
        result (StoryResult): one story's result.
    """
    seen: dict[str, int] = {}
    numbered = []
    for finding in result.findings:
        plain = fingerprint(finding)
        seen[plain] = seen.get(plain, 0) + 1
        numbered.append(plain if seen[plain] == 1 else f"{plain}:{seen[plain]}")
    return numbered


def write_baseline(results: list[StoryResult]) -> str:
    """The baseline document of ``results`` as JSON text.

    Args:
        results (list[StoryResult]): the checked stories.

    Each entry names the rule, story and message next to the fingerprint, so a
    reviewer can read what was accepted; entries are sorted by fingerprint.
    """
    entries = [
        {
            "fingerprint": key,
            "rule": finding.rule,
            "story": finding.story,
            "message": finding.message,
        }
        for result in results
        for key, finding in zip(story_fingerprints(result), result.findings, strict=True)
    ]
    entries.sort(key=lambda entry: (entry["fingerprint"], entry["story"]))
    document = {"schema": SCHEMA, "fingerprints": entries}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def load_baseline(path: Path | str) -> set[str]:
    """The fingerprints recorded in a baseline file.

    Args:
        path (Path | str): the file written by ``checker baseline``.

    Raises InputError naming the file when it cannot be read, is not JSON, or is
    not a ``checker-baseline/2`` document.
    """
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(errors.E101, "baseline file not found", name) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise InputError(errors.E104, f"baseline cannot be read ({reason})", name) from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            errors.E110, f"baseline is not valid JSON ({exc.msg})", name, exc.lineno, exc.colno
        ) from None
    if not isinstance(document, dict) or document.get("schema") != SCHEMA:
        found = document.get("schema") if isinstance(document, dict) else type(document).__name__
        raise InputError(
            errors.E110,
            f"not a checker baseline: expected schema {SCHEMA!r} (found {found!r})",
            name,
        )
    entries = document.get("fingerprints")
    if not isinstance(entries, list):
        raise InputError(errors.E110, "baseline 'fingerprints' must be a list", name)
    known: set[str] = set()
    for index, entry in enumerate(entries):
        value = entry.get("fingerprint") if isinstance(entry, dict) else entry
        if not isinstance(value, str) or not value:
            raise InputError(
                errors.E110,
                f"baseline entry {index} has no 'fingerprint' string (found {entry!r:.60})",
                name,
            )
        known.add(value)
    return known


def filter_new(results: list[StoryResult], known: set[str]) -> list[StoryResult]:
    """Copies of ``results`` keeping only the findings whose fingerprint is not in ``known``.

    Args:
        results (list[StoryResult]): the checked stories (left unchanged).
        known (set[str]): fingerprints from ``load_baseline``.
    """

    def new(result: StoryResult) -> list[Finding]:
        return [
            finding
            for key, finding in zip(story_fingerprints(result), result.findings, strict=True)
            if key not in known
        ]

    # findings --min-level keeps out of the report are filtered alike: an accepted
    # warning must not fail a run that hides warnings
    return [
        dataclasses.replace(
            result,
            findings=new(result),
            hidden=new(dataclasses.replace(result, findings=result.hidden)),
        )
        for result in results
    ]
