"""Suppression: comments in articles and per-path ignores from the configuration.

In an article (Markdown or plain text):

* ``<!-- checker: ignore RULE[, RULE] -->`` (or ``# checker: ignore RULE`` in plain
  text) on a line of its own ignores those rules in the next paragraph; at the end
  of a line of text it ignores them on that line. Without rule ids, all rules.
* ``<!-- checker: off -->`` ... ``<!-- checker: on -->`` (or ``# checker: off`` /
  ``# checker: on``) ignores everything between them.

A rule id also matches its family: ``typo`` ignores ``typo.spelling`` and ``typo.name``.
A finding is dropped when any of its evidence lies where its rule is ignored.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import re

from checker.model import Finding, Source, StoryResult, Suppression, rules_cover

_COMMENT = re.compile(
    r"(?:<!--\s*checker:\s*(?P<html>off|on|ignore(?:\s+[\w.,\s-]*?)?)\s*-->"
    r"|(?:^|\s)#\s*checker:\s*(?P<hash>off|on|ignore(?:\s+[\w.,\s-]*)?)\s*$)",
    re.IGNORECASE,
)


def find_suppressions(text: str, line_offset: int = 0) -> tuple[str, list[Suppression]]:
    """Find suppression comments in ``text``; return the text with them blanked out
    (spaces, so offsets stay) and the suppressions with file line numbers."""
    if "checker:" not in text.lower():
        return text, []  # no comment to find (most articles): no line to search
    lines = text.split("\n")
    suppressions: list[Suppression] = []
    off_since: int | None = None
    pending: frozenset[str] | None | bool = False  # False: nothing pending for the next paragraph
    cleaned_lines = []
    for index, line in enumerate(lines):
        file_line = line_offset + index + 1
        match = _COMMENT.search(line)
        if not match:
            if line.strip() and pending is not False:
                end = index
                while end + 1 < len(lines) and lines[end + 1].strip():
                    end += 1
                suppressions.append(Suppression(file_line, line_offset + end + 1, pending))  # type: ignore[arg-type]
                pending = False
            cleaned_lines.append(line)
            continue
        directive = (match["html"] or match["hash"]).strip()
        cleaned_lines.append(
            line[: match.start()] + " " * (match.end() - match.start()) + line[match.end() :]
        )
        keyword, _, rest = directive.partition(" ")
        keyword = keyword.lower()
        if keyword == "off":
            off_since = file_line if off_since is None else off_since
        elif keyword == "on":
            if off_since is not None:
                suppressions.append(Suppression(off_since, file_line, None))
                off_since = None
        else:
            rules = (
                frozenset(r.strip() for r in rest.replace(",", " ").split() if r.strip()) or None
            )
            if line[: match.start()].strip():
                suppressions.append(Suppression(file_line, file_line, rules))  # trailing: this line
            else:
                pending = rules
    if off_since is not None:
        suppressions.append(Suppression(off_since, line_offset + len(lines), None))
    return "\n".join(cleaned_lines), suppressions


def _suppressed(
    finding: Finding, sources: dict[str, Source], path_ignores: dict[str, tuple[str, ...]]
) -> bool:
    for evidence in finding.evidence:
        source = sources.get(evidence.source)
        if source is None:
            continue
        for glob, rules in path_ignores.items():
            if fnmatch.fnmatch(source.path, glob) and rules_cover(rules, finding.rule):
                return True
        for suppression in source.suppressions:
            if (
                suppression.first_line <= evidence.line <= suppression.last_line
                and suppression.ignores(finding.rule)
            ):
                return True
    return False


def apply_suppressions(
    result: StoryResult, path_ignores: dict[str, tuple[str, ...]] | None = None
) -> StoryResult:
    """The result without the findings that comments or per-path ignores suppress."""
    sources = {s.id: s for s in result.sources}
    kept = [f for f in result.findings if not _suppressed(f, sources, path_ignores or {})]
    return dataclasses.replace(result, findings=kept)
