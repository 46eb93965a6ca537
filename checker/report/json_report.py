"""The JSON report (schema ``checker-report/1``): one document for the whole run.

Later versions may add fields; none is removed.
"""

from __future__ import annotations

import json
from typing import Any

from checker.errors import CheckerError
from checker.model import Agreement, Evidence, Finding, Source, StoryResult

SCHEMA = "checker-report/1"


def _evidence(evidence: Evidence) -> dict[str, Any]:
    return {
        "source": evidence.source,
        "line": evidence.line,
        "column": evidence.column,
        "text": evidence.text,
        "normalized": evidence.normalized,
        "sentence": evidence.sentence,
        "anchor": evidence.anchor,
    }


def _source(source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        "story": source.story,
        "outlet": source.outlet,
        "title": source.title,
        "published": source.published.isoformat() if source.published else None,
        "published_from": source.published_from,
        "published_evidence": source.published_evidence,
    }


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "kind": finding.kind,
        "rule": finding.rule,
        "severity": finding.severity,
        "story": finding.story,
        "message": finding.message,
        "evidence": [_evidence(e) for e in finding.evidence],
        "suggestion": finding.suggestion,
    }


def _agreement(agreement: Agreement) -> dict[str, Any]:
    return {
        "rule": agreement.rule,
        "story": agreement.story,
        "summary": agreement.summary,
        "evidence": [_evidence(e) for e in agreement.evidence],
    }


def _error(error: CheckerError) -> dict[str, Any]:
    return {
        "code": error.code,
        "path": error.path,
        "line": error.line,
        "message": error.message,
        "text": str(error),
    }


def report_dict(results: list[StoryResult], input_errors: list[CheckerError]) -> dict[str, Any]:
    """Build the report document from the stories' results and the input errors."""
    findings = [f for r in results for f in r.findings]
    return {
        "schema": SCHEMA,
        "sources": [_source(s) for r in results for s in r.sources],
        "findings": [_finding(f) for f in findings],
        "agreements": [_agreement(a) for r in results for a in r.agreements],
        "people": [
            {
                "story": r.story,
                "name": p.name,
                "mentions": p.mentions,
                "forms": [{"form": form, "sources": list(ids)} for form, ids in p.forms],
            }
            for r in results
            for p in r.people
        ],
        "errors": [_error(e) for e in input_errors],
        "summary": {
            "stories": len(results),
            "sources": sum(len(r.sources) for r in results),
            "facts": sum(r.fact_count for r in results),
            "errors": sum(f.severity == "error" for f in findings),
            "warnings": sum(f.severity == "warning" for f in findings),
            "infos": sum(f.severity == "info" for f in findings),
            "input_errors": len(input_errors),
        },
    }


def render_json(results: list[StoryResult], input_errors: list[CheckerError]) -> str:
    """The report as indented JSON text (UTF-8 characters kept as they are)."""
    return json.dumps(report_dict(results, input_errors), indent=2, ensure_ascii=False) + "\n"
