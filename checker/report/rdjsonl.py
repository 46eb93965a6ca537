"""reviewdog's rdjsonl: one ``Diagnostic`` JSON object a line.

A typo or an in-article inconsistency is one diagnostic at its first piece of
evidence; a typo with a correction carries it as a suggestion over the misspelled
words. A discrepancy between sources is one diagnostic per piece of evidence, so
each file holding one side of the disagreement gets a comment when only it
changed (reviewdog keeps only diagnostics on changed lines). Columns are UTF-8
byte columns and the range end is exclusive, as the format defines them.
"""

from __future__ import annotations

import json
from typing import Any

from checker.errors import CheckerError
from checker.model import Evidence, Finding, StoryResult
from checker.report.locations import Locator, evidence_line
from checker.rules import RuleSet

SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}
"""Checker severity -> rdjson severity."""
SOURCE = {"name": "checker"}


def _range(evidence: Evidence, locator: Locator) -> dict[str, Any]:
    if locator.in_record(evidence):
        # lines and columns of a JSONL record's evidence count inside the record's
        # text: the diagnostic covers the record's file line, the message says where
        line = locator.record_line(evidence)
        return {"start": {"line": line}} if line is not None else {}
    end_line, end_column = Locator.end(evidence)
    return {
        "start": {
            "line": evidence.line,
            "column": locator.byte_column(evidence, evidence.line, evidence.column),
        },
        "end": {"line": end_line, "column": locator.byte_column(evidence, end_line, end_column)},
    }


def _diagnostic(
    finding: Finding,
    evidence: Evidence,
    message: str,
    locator: Locator,
    link: str | None,
) -> dict[str, Any]:
    code: dict[str, Any] = {"value": finding.rule}
    if link:
        code["url"] = link
    location: dict[str, Any] = {"path": locator.path(evidence)}
    if span := _range(evidence, locator):
        location["range"] = span
    if locator.in_record(evidence):
        head, *rest = message.split("\n")
        message = "\n".join([head, evidence_line(evidence), *rest])
    diagnostic: dict[str, Any] = {
        "message": message,
        "location": location,
        "severity": SEVERITIES[finding.severity],
        "source": SOURCE,
        "code": code,
    }
    if (
        finding.kind == "typo"
        and finding.suggestion is not None
        and not locator.in_record(evidence)
    ):
        diagnostic["suggestions"] = [
            {"range": _range(evidence, locator), "text": finding.suggestion}
        ]
    return diagnostic


def _diagnostics(finding: Finding, locator: Locator, link: str | None) -> list[dict[str, Any]]:
    if not finding.evidence:
        return []
    if finding.kind != "discrepancy":
        message = "\n".join([finding.message, *(evidence_line(e) for e in finding.evidence[1:])])
        return [_diagnostic(finding, finding.evidence[0], message, locator, link)]
    diagnostics = []
    for evidence in finding.evidence:
        others = [evidence_line(e) for e in finding.evidence if e is not evidence]
        message = "\n".join([finding.message, *others])
        diagnostics.append(_diagnostic(finding, evidence, message, locator, link))
    return diagnostics


def _error_diagnostic(error: CheckerError) -> dict[str, Any]:
    diagnostic: dict[str, Any] = {"message": str(error)}
    if error.path:
        location: dict[str, Any] = {"path": error.path}
        if error.line is not None:
            start = {"line": error.line}
            if error.column is not None:
                start["column"] = error.column
            location["range"] = {"start": start}
        diagnostic["location"] = location
    diagnostic.update({"severity": "ERROR", "source": SOURCE, "code": {"value": error.code}})
    return diagnostic


def render_rdjsonl(
    results: list[StoryResult], input_errors: list[CheckerError], *, ruleset: RuleSet | None = None
) -> str:
    """The diagnostics as JSON lines (empty text when there is nothing to report).

    Args:
        results (list[StoryResult]): the checked stories.
        input_errors (list[CheckerError]): files that could not be read.
        ruleset (RuleSet | None): the rules the run used; a rule's ``link`` becomes
            its code URL. Defaults to None.
    """
    links = {
        rule.id: rule.options["link"]
        for rule in (ruleset.rules.values() if ruleset else ())
        if rule.options.get("link")
    }
    locator = Locator(results)
    diagnostics = [_error_diagnostic(e) for e in input_errors]
    for result in results:
        for finding in result.findings:
            diagnostics += _diagnostics(finding, locator, links.get(finding.rule))
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in diagnostics)
