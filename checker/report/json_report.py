"""The JSON report (schema ``checker-report/1``): one document for the whole run.

Later versions may add fields; none is removed.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from typing import Any, TextIO

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


def _people(result: StoryResult) -> list[dict[str, Any]]:
    return [
        {
            "story": result.story,
            "name": p.name,
            "mentions": p.mentions,
            "forms": [{"form": form, "sources": list(ids)} for form, ids in p.forms],
        }
        for p in result.people
    ]


def _sections(
    results: list[StoryResult], input_errors: list[CheckerError]
) -> dict[str, Iterable[dict[str, Any]]]:
    """The report's lists, in order, each produced item by item."""
    return {
        "sources": (_source(s) for r in results for s in r.sources),
        "findings": (_finding(f) for r in results for f in r.findings),
        "agreements": (_agreement(a) for r in results for a in r.agreements),
        "people": (p for r in results for p in _people(r)),
        "errors": (_error(e) for e in input_errors),
    }


def _summary(results: list[StoryResult], input_errors: list[CheckerError]) -> dict[str, int]:
    severities = [f.severity for r in results for f in r.findings]
    return {
        "stories": len(results),
        "sources": sum(len(r.sources) for r in results),
        "facts": sum(r.fact_count for r in results),
        "errors": severities.count("error"),
        "warnings": severities.count("warning"),
        "infos": severities.count("info"),
        "input_errors": len(input_errors),
    }


def report_dict(results: list[StoryResult], input_errors: list[CheckerError]) -> dict[str, Any]:
    """Build the report document from the stories' results and the input errors."""
    document: dict[str, Any] = {"schema": SCHEMA}
    document.update({k: list(v) for k, v in _sections(results, input_errors).items()})
    document["summary"] = _summary(results, input_errors)
    return document


def _dumps(value: Any, depth: int) -> str:
    """``value`` as ``json.dumps(..., indent=2, ensure_ascii=False)`` writes it ``depth``
    levels down.

    json's C encoder does not indent, and its Python one takes a few seconds over a long
    run's report: the layout is written here, each string and number by the C encoder.
    """
    parts: list[str] = []
    try:
        _layout(value, "\n" + "  " * depth, parts)
    except _Unusual:  # a key or value the fast path does not lay out: json's own way
        text = json.dumps(value, indent=2, ensure_ascii=False)
        return text.replace("\n", "\n" + "  " * depth)  # a JSON string holds no raw newline
    return "".join(parts)


class _Unusual(Exception):
    """A value ``_layout`` leaves to ``json.dumps``."""


_SCALAR = json.JSONEncoder(ensure_ascii=False, allow_nan=True).encode
"""One string, number, boolean or null as JSON text (json's C encoder)."""


def _layout(value: Any, newline: str, parts: list[str]) -> None:
    """Append ``value`` laid out as ``json.dumps(indent=2)`` does; ``newline`` is the line
    break and indentation of the level ``value`` is at."""
    if isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        inner = newline + "  "
        separator = "{" + inner
        for key, item in value.items():
            if not isinstance(key, str):
                raise _Unusual  # json turns numbers and booleans into key strings its own way
            parts.append(separator + _SCALAR(key) + ": ")
            _layout(item, inner, parts)
            separator = "," + inner
        parts.append(newline + "}")
    elif isinstance(value, list | tuple):
        if not value:
            parts.append("[]")
            return
        inner = newline + "  "
        separator = "[" + inner
        for item in value:
            parts.append(separator)
            _layout(item, inner, parts)
            separator = "," + inner
        parts.append(newline + "]")
    elif value is None or isinstance(value, str | int | float):
        parts.append(_SCALAR(value))
    else:
        raise _Unusual


def write_json(results: list[StoryResult], input_errors: list[CheckerError], out: TextIO) -> None:
    """Write the report to ``out`` item by item: the same text as ``render_json``, without
    building the whole document or its text in memory (a long run's report stays small)."""
    out.write("{\n" + f'  "schema": {_dumps(SCHEMA, 1)},\n')
    for name, items in _sections(results, input_errors).items():
        out.write(f'  "{name}": [')
        separator = "\n    "
        for item in items:
            out.write(separator + _dumps(item, 2))
            separator = ",\n    "
        out.write("]" if separator == "\n    " else "\n  ]")
        out.write(",\n")
    out.write(f'  "summary": {_dumps(_summary(results, input_errors), 1)}\n' + "}\n")


def render_json(results: list[StoryResult], input_errors: list[CheckerError]) -> str:
    """The report as indented JSON text (UTF-8 characters kept as they are)."""
    buffer = io.StringIO()
    write_json(results, input_errors, buffer)
    return buffer.getvalue()
