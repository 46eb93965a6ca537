"""The SARIF 2.1.0 report, for code-scanning dashboards.

One run: the driver ``checker`` with a reporting descriptor per rule, a result per
finding with a location per piece of evidence and a stable fingerprint, and the
files that could not be read as tool execution notifications. Columns are counted
in Unicode code points (``columnKind``), as the checker counts them.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

import checker
from checker.baseline import FINGERPRINT_KEY, story_fingerprints
from checker.errors import CheckerError
from checker.model import Evidence, Finding, StoryResult
from checker.report.locations import Locator, in_text
from checker.rules import Rule, RuleSet

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
"""Checker severity -> SARIF level."""


def artifact_uri(path: str) -> str:
    """A file path as a URI reference: relative paths stay relative, absolute ones become ``file:``."""
    if os.path.isabs(path):
        return PurePath(path).as_uri()
    return quote(path.replace(os.sep, "/"), safe="/")


def _rule_name(rule_id: str) -> str:
    """``event.start_date`` -> ``EventStartDate``."""
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[._\-\s]+", rule_id))


def _descriptor(rule: Rule) -> dict[str, Any]:
    description = rule.options.get("description")
    summary = description or rule.message
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": _rule_name(rule.id),
        "shortDescription": {"text": summary},
        "fullDescription": {"text": summary},
        "help": {
            "text": f"{description}\nMessage: {rule.message}"
            if description
            else f"Message: {rule.message}"
        },
        "defaultConfiguration": {"level": LEVELS.get(rule.level, "warning")},
        "properties": {"extends": rule.extends},
    }
    if rule.options.get("link"):
        descriptor["helpUri"] = rule.options["link"]
    return descriptor


def _bare_descriptor(finding: Finding) -> dict[str, Any]:
    """A descriptor for a finding whose rule is not in the rule set given."""
    return {
        "id": finding.rule,
        "name": _rule_name(finding.rule),
        "shortDescription": {"text": finding.rule},
        "defaultConfiguration": {"level": LEVELS[finding.severity]},
    }


def _region(evidence: Evidence) -> dict[str, Any]:
    end_line, end_column = Locator.end(evidence)
    region: dict[str, Any] = {"startLine": evidence.line, "startColumn": evidence.column}
    if end_line != evidence.line:
        region["endLine"] = end_line
    region["endColumn"] = end_column
    region["snippet"] = {"text": evidence.text}
    return region


def _location(evidence: Evidence, locator: Locator) -> dict[str, Any]:
    said = f'{evidence.source}: "{evidence.text}"'
    if evidence.normalized is not None:
        said += f" = {evidence.normalized}"
    if evidence.anchor:
        said += f" ({evidence.anchor})"
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(locator.path(evidence))}}
    if not locator.in_record(evidence):
        physical["region"] = _region(evidence)
        return {"physicalLocation": physical, "message": {"text": said}}
    # a JSONL record: its evidence's line and column count inside the record's text, so
    # the region is the record's file line, the record a logical location, and the
    # position in the text goes into the message and the properties
    record_line = locator.record_line(evidence)
    if record_line is not None:
        physical["region"] = {"startLine": record_line}
    return {
        "physicalLocation": physical,
        "logicalLocations": [
            {
                "name": evidence.source.rsplit("/", 1)[-1],
                "fullyQualifiedName": evidence.source,
                "kind": "object",
            }
        ],
        "message": {"text": f"{said}, at {in_text(evidence)}"},
        "properties": {
            "textLine": evidence.line,
            "textColumn": evidence.column,
            "snippet": evidence.text,
        },
    }


def _fix(misspelled: Evidence, suggestion: str, locator: Locator) -> dict[str, Any]:
    """Replace the misspelled words by the suggestion."""
    region = {k: v for k, v in _region(misspelled).items() if k != "snippet"}
    return {
        "description": {"text": f"Replace '{misspelled.text}' with '{suggestion}'"},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": artifact_uri(locator.path(misspelled))},
                "replacements": [
                    {"deletedRegion": region, "insertedContent": {"text": suggestion}}
                ],
            }
        ],
    }


def _result(
    finding: Finding, rule_index: int, finding_key: str, locator: Locator
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [_location(e, locator) for e in finding.evidence],
        "partialFingerprints": {FINGERPRINT_KEY: finding_key},
        "properties": {"kind": finding.kind, "story": finding.story},
    }
    if finding.kind == "typo" and finding.suggestion is not None and finding.evidence:
        result["properties"]["suggestion"] = finding.suggestion
        misspelled = finding.evidence[0]
        if not locator.in_record(misspelled):
            result["fixes"] = [_fix(misspelled, finding.suggestion, locator)]
    return result


def _notification(error: CheckerError) -> dict[str, Any]:
    notification: dict[str, Any] = {
        "level": "error",
        "message": {"text": str(error)},
        "descriptor": {"id": error.code},
    }
    if error.path:
        physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(error.path)}}
        if error.line is not None:
            physical["region"] = {"startLine": error.line}
            if error.column is not None:
                physical["region"]["startColumn"] = error.column
        notification["locations"] = [{"physicalLocation": physical}]
    return notification


def sarif_dict(
    results: list[StoryResult], input_errors: list[CheckerError], *, ruleset: RuleSet | None
) -> dict[str, Any]:
    """Build the SARIF log of a run.

    Args:
        results (list[StoryResult]): the checked stories.
        input_errors (list[CheckerError]): files that could not be read.
        ruleset (RuleSet | None): the rules the run used; each gets a descriptor.
            Rules of findings missing from it get a bare descriptor.
    """
    rules = sorted((ruleset.rules.values() if ruleset else ()), key=lambda r: r.id)
    descriptors = [_descriptor(rule) for rule in rules]
    index_of = {rule.id: index for index, rule in enumerate(rules)}
    findings = [f for r in results for f in r.findings]
    for finding in sorted(findings, key=lambda f: f.rule):
        if finding.rule not in index_of:
            index_of[finding.rule] = len(descriptors)
            descriptors.append(_bare_descriptor(finding))
    locator = Locator(results)
    sarif_results = [
        _result(finding, index_of[finding.rule], finding_key, locator)
        for result in results
        for finding, finding_key in zip(result.findings, story_fingerprints(result), strict=True)
    ]
    invocation: dict[str, Any] = {"executionSuccessful": not input_errors}
    if input_errors:
        invocation["toolExecutionNotifications"] = [_notification(e) for e in input_errors]
    driver = {
        "name": "checker",
        "version": checker.__version__,
        "semanticVersion": checker.__version__,
        "rules": descriptors,
    }
    return {
        "$schema": SARIF_SCHEMA_URI,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {"driver": driver},
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
            }
        ],
    }


def render_sarif(
    results: list[StoryResult], input_errors: list[CheckerError], *, ruleset: RuleSet | None = None
) -> str:
    """The SARIF log as indented JSON text (same input, same bytes).

    Args:
        results (list[StoryResult]): the checked stories.
        input_errors (list[CheckerError]): files that could not be read.
        ruleset (RuleSet | None): the rules the run used. Defaults to None.
    """
    document = sarif_dict(results, input_errors, ruleset=ruleset)
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
