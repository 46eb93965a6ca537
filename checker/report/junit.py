"""The JUnit XML report, for CI test-report views.

One ``<testsuite>`` per story holding one ``<testcase>`` (named after the story);
each finding at or above warning is a ``<failure>`` of it, with the evidence as
``path:line:col: text = normalized`` lines; info findings go to ``<system-out>``.
Files that could not be read form a last suite, one ``<error>`` test case each.
The ``failures`` counts are the numbers of ``<failure>`` elements.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from checker.errors import CheckerError
from checker.model import Finding, StoryResult
from checker.report.locations import SEVERITY_RANK, evidence_line
from checker.rules import RuleSet

INPUT_SUITE = "input errors"
"""Name of the suite of files that could not be read."""
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (control characters)."""
    return _NOT_XML.sub("\ufffd", text)


def _failure_body(finding: Finding) -> str:
    lines = [evidence_line(e) for e in finding.evidence]
    shown = finding.evidence[0].normalized if finding.evidence else None
    if finding.suggestion is not None and finding.suggestion != shown:
        lines.append(f"suggestion: {finding.suggestion}")
    return "\n".join(lines)


def _is_failure(finding: Finding) -> bool:
    return SEVERITY_RANK[finding.severity] <= SEVERITY_RANK["warning"]


def _story_suite(result: StoryResult) -> ET.Element:
    failing = [f for f in result.findings if _is_failure(f)]
    suite = ET.Element(
        "testsuite",
        {
            "name": _xml_text(result.story),
            "tests": "1",
            "failures": str(len(failing)),
            "errors": "0",
            "skipped": "0",
        },
    )
    case = ET.SubElement(
        suite, "testcase", {"name": _xml_text(result.story), "classname": "checker"}
    )
    for finding in failing:
        failure = ET.SubElement(
            case,
            "failure",
            {"message": _xml_text(finding.message), "type": _xml_text(finding.rule)},
        )
        failure.text = _xml_text(_failure_body(finding))
    notes = [
        f"{finding.severity} {finding.rule}: {finding.message}\n" + _failure_body(finding)
        for finding in result.findings
        if not _is_failure(finding)
    ]
    if notes:
        ET.SubElement(case, "system-out").text = _xml_text("\n\n".join(notes))
    return suite


def _input_suite(input_errors: list[CheckerError]) -> ET.Element:
    suite = ET.Element(
        "testsuite",
        {
            "name": INPUT_SUITE,
            "tests": str(len(input_errors)),
            "failures": "0",
            "errors": str(len(input_errors)),
            "skipped": "0",
        },
    )
    for error in input_errors:
        case = ET.SubElement(
            suite, "testcase", {"name": _xml_text(error.path or error.code), "classname": "checker"}
        )
        ET.SubElement(
            case, "error", {"message": _xml_text(str(error)), "type": error.code}
        ).text = _xml_text(str(error))
    return suite


def render_junit(
    results: list[StoryResult], input_errors: list[CheckerError], *, ruleset: RuleSet | None = None
) -> str:
    """The JUnit XML report as text.

    Args:
        results (list[StoryResult]): the checked stories.
        input_errors (list[CheckerError]): files that could not be read.
        ruleset (RuleSet | None): unused; every renderer takes it. Defaults to None.
    """
    del ruleset
    suites = [_story_suite(result) for result in results]
    if input_errors:
        suites.append(_input_suite(input_errors))
    root = ET.Element(
        "testsuites",
        {
            "name": "checker",
            "tests": str(sum(int(s.get("tests", "0")) for s in suites)),
            "failures": str(sum(int(s.get("failures", "0")) for s in suites)),
            "errors": str(sum(int(s.get("errors", "0")) for s in suites)),
        },
    )
    root.extend(suites)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
