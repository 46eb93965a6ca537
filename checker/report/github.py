"""GitHub Actions annotations: one workflow command per finding.

``::error file=PATH,line=L,col=C,title=RULE::MESSAGE`` at the finding's first piece
of evidence (``warning`` and ``notice`` for the other levels); the message goes on
with the other pieces of evidence, one a line, so a discrepancy names where the
other value stands. Files that could not be read are ``error`` commands too.
Escaping follows the Actions toolkit: ``%``, CR and LF in the message; also ``:``
and ``,`` in the properties.
"""

from __future__ import annotations

from checker.errors import CheckerError
from checker.model import Finding, StoryResult
from checker.report.locations import Locator, evidence_line
from checker.rules import RuleSet

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
"""Checker severity -> workflow command."""


def escape_data(text: str) -> str:
    """Escape a command's message: ``%``, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as a message, and ``:`` and ``,`` too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_command(command: str, properties: dict[str, object], message: str) -> str:
    """One workflow command line: ``::command key=value,...::message``.

    Args:
        command (str): ``error``, ``warning`` or ``notice``.
        properties (dict[str, object]): in order; None values are left out.
        message (str): the annotation text.
    """
    props = ",".join(
        f"{key}={escape_property(str(value))}"
        for key, value in properties.items()
        if value is not None
    )
    return f"::{command}{' ' + props if props else ''}::{escape_data(message)}"


def _annotation(finding: Finding, locator: Locator) -> str:
    first = finding.evidence[0] if finding.evidence else None
    in_record = first is not None and locator.in_record(first)
    # a JSONL record's evidence counts lines inside the record's text: the annotation
    # goes on the record's file line, and the message says where in the text it is
    shown = finding.evidence if in_record else finding.evidence[1:]
    message = "\n".join([finding.message, *(evidence_line(e) for e in shown)])
    line = first.line if first else None
    column = first.column if first else None
    if in_record:
        line, column = locator.record_line(first), None
    properties: dict[str, object] = {
        "file": locator.path(first) if first else None,
        "line": line,
        "col": column,
        "title": finding.rule,
    }
    return workflow_command(COMMANDS[finding.severity], properties, message)


def _error_annotation(error: CheckerError) -> str:
    properties: dict[str, object] = {
        "file": error.path,
        "line": error.line,
        "col": error.column,
        "title": error.code,
    }
    return workflow_command("error", properties, str(error))


def render_github(
    results: list[StoryResult], input_errors: list[CheckerError], *, ruleset: RuleSet | None = None
) -> str:
    """The annotations, one line each (empty text when there is nothing to report).

    Args:
        results (list[StoryResult]): the checked stories.
        input_errors (list[CheckerError]): files that could not be read.
        ruleset (RuleSet | None): unused; every renderer takes it. Defaults to None.
    """
    del ruleset
    locator = Locator(results)
    lines = [_error_annotation(e) for e in input_errors]
    lines += [_annotation(f, locator) for r in results for f in r.findings]
    return "".join(line + "\n" for line in lines)
