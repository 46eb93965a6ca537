"""Renderers: exact output from hand-built findings (fixed width, no colour) and the JSON shape."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from checker.errors import InputError
from checker.model import Agreement, Evidence, Finding, Source, StoryResult
from checker.report import make_console, render_json, render_text
from checker.report.html import render_html

EXPECTED_TEXT = """\
== story oslo-talks: 2 sources, 0 facts
  wire/a.txt  outlet A Wire, published 2024-03-09 from metadata: metadata date 2024-03-09
  wire/b.txt  outlet b, published 2024-03-11 from text: dateline 'March 11'

error   discrepancy   event.end_date
  Sources disagree on when the talks ended: 2024-03-08 (a.txt) vs 2024-03-07 (b.txt)
  --- wire/a.txt:3:41  = 2024-03-08  (published 2024-03-09 (metadata))
  -   The talks ended [on Friday] in Oslo.
  +++ wire/b.txt:5:12  = 2024-03-07  (published 2024-03-11 (text))
  +   The round [ended on Thursday] with a deal.

warning typo          typo.calendar
  Misspelled month name: Feburary (did you mean February?)
  wire/b.txt:9:7  "Feburary" -> "February"
    Last [Feburary] the sides met.

  agreements
  = deadline: "year-end" = "December 31" -> 2024-12-31  [a.txt:7, b.txt:2]

1 error, 1 warning and 0 infos in 2 sources (1 story)
"""


def _result() -> StoryResult:
    friday = Evidence(
        "wire/a.txt",
        3,
        41,
        "on Friday",
        "2024-03-08",
        "The talks ended on Friday in Oslo.",
        "published 2024-03-09 (metadata)",
        16,
    )
    thursday = Evidence(
        "wire/b.txt",
        5,
        12,
        "ended on Thursday",
        "2024-03-07",
        "The round ended on Thursday with a deal.",
        "published 2024-03-11 (text)",
        10,
    )
    typo = Evidence(
        "wire/b.txt", 9, 7, "Feburary", "February", "Last Feburary the sides met.", None, 5
    )
    findings = [
        Finding(
            "discrepancy",
            "event.end_date",
            "error",
            "oslo-talks",
            "Sources disagree on when the talks ended: 2024-03-08 (a.txt) vs 2024-03-07 (b.txt)",
            (friday, thursday),
        ),
        Finding(
            "typo",
            "typo.calendar",
            "warning",
            "oslo-talks",
            "Misspelled month name: Feburary (did you mean February?)",
            (typo,),
            "February",
        ),
    ]
    agreement = Agreement(
        "deadline",
        "oslo-talks",
        'deadline: "year-end" = "December 31" -> 2024-12-31',
        (
            Evidence("wire/a.txt", 7, 1, "year-end", "2024-12-31", "s", None, 0),
            Evidence("wire/b.txt", 2, 9, "December 31", "2024-12-31", "s", None, 0),
        ),
    )
    sources = [
        Source(
            "wire/a.txt",
            "oslo-talks",
            "wire/a.txt",
            "x",
            outlet="A Wire",
            published=dt.date(2024, 3, 9),
            published_from="metadata",
            published_evidence="metadata date 2024-03-09",
        ),
        Source(
            "wire/b.txt",
            "oslo-talks",
            "wire/b.txt",
            "x",
            outlet="b",
            published=dt.date(2024, 3, 11),
            published_from="text",
            published_evidence="dateline 'March 11'",
        ),
    ]
    return StoryResult("oslo-talks", sources, [], findings, [agreement])


def test_report_text_exact_output_without_colour():
    buffer = io.StringIO()
    render_text([_result()], [], make_console(buffer, width=100, color=False))
    assert buffer.getvalue() == EXPECTED_TEXT


def test_report_text_lists_input_errors_and_counts_them():
    buffer = io.StringIO()
    error = InputError("E103", "binary file, expected text", "wire/photo.txt")
    render_text([_result()], [error], make_console(buffer, width=100, color=False))
    text = buffer.getvalue()
    assert text.splitlines()[0] == "error   wire/photo.txt: E103 binary file, expected text"
    assert text.rstrip().endswith("(1 story); 1 file could not be read (wire/photo.txt)")


@pytest.mark.parametrize(
    ("errors_given", "expected"),
    [
        (
            [InputError("E103", "binary file", "wire/photo.txt")],
            "1 file could not be read (wire/photo.txt)",
        ),
        (
            [
                InputError("E103", "binary file", "wire/photo.txt"),
                InputError("E102", "empty file", "wire/blank.txt"),
            ],
            "2 files could not be read (wire/photo.txt, wire/blank.txt)",
        ),
        (  # one file's two errors are one file
            [
                InputError("E107", "front matter is never closed", "wire/a.md", 1),
                InputError("E107", "front matter is never closed", "wire/a.md", 1),
            ],
            "1 file could not be read (wire/a.md)",
        ),
        (
            [InputError("E106", "record has no 'text'; line skipped", "feed.jsonl", 4)],
            "1 record of feed.jsonl was skipped",
        ),
        (
            [
                InputError("E104", "cannot be read (Permission denied)", "wire/locked.txt"),
                InputError("E105", "not a JSON object; line skipped", "feed.jsonl", 4),
                InputError("E106", "record id 'a' is already used at line 1", "feed.jsonl", 9),
            ],
            "1 file could not be read (wire/locked.txt); 2 records of feed.jsonl were skipped",
        ),
        (
            [InputError("E101", "no such file", f"wire/{n}.txt") for n in "abcde"],
            "5 files could not be read (wire/a.txt, wire/b.txt, wire/c.txt and 2 more)",
        ),
    ],
)
def test_report_summary_counts_files_once_and_records_apart_and_names_them(errors_given, expected):
    buffer = io.StringIO()
    render_text([_result()], errors_given, make_console(buffer, width=300, color=False))
    assert buffer.getvalue().rstrip().endswith(f"(1 story); {expected}")
    assert f"; {expected}</" in render_html([_result()], errors_given)


def test_report_json_shape():
    error = InputError("E105", "not a JSON object", "feed.jsonl", 7)
    report = json.loads(render_json([_result()], [error]))
    assert report["schema"] == "checker-report/1"
    assert [s["published_from"] for s in report["sources"]] == ["metadata", "text"]
    first = report["findings"][0]
    assert (first["kind"], first["rule"], first["severity"]) == (
        "discrepancy",
        "event.end_date",
        "error",
    )
    assert [e["text"] for e in first["evidence"]] == ["on Friday", "ended on Thursday"]
    assert first["evidence"][0] == {
        "source": "wire/a.txt",
        "line": 3,
        "column": 41,
        "text": "on Friday",
        "normalized": "2024-03-08",
        "sentence": "The talks ended on Friday in Oslo.",
        "anchor": "published 2024-03-09 (metadata)",
    }
    assert report["findings"][1]["suggestion"] == "February"
    assert report["agreements"][0]["rule"] == "deadline"
    assert report["errors"] == [
        {
            "code": "E105",
            "path": "feed.jsonl",
            "line": 7,
            "message": "not a JSON object",
            "text": "feed.jsonl:7: E105 not a JSON object",
        }
    ]
    assert report["summary"] == {
        "stories": 1,
        "sources": 2,
        "facts": 0,
        "errors": 1,
        "warnings": 1,
        "infos": 0,
        "input_errors": 1,
    }


@pytest.mark.parametrize("stories", [0, 1, 3])
def test_report_json_written_item_by_item_is_the_document_dumped_whole(stories):
    """``write_json`` streams the report; its text is exactly ``json.dumps`` of the whole
    document (empty lists, non-ASCII text and nested lists included)."""
    from checker.report import report_dict

    results = [_result() for _ in range(stories)]
    errors = [InputError("E105", "not a JSON object — «ç»", "feed.jsonl", 7)] if stories else []
    expected = json.dumps(report_dict(results, errors), indent=2, ensure_ascii=False) + "\n"
    assert render_json(results, errors) == expected


@pytest.mark.parametrize(
    "value",
    [
        None,
        True,
        0,
        -7,
        2.5,
        1e300,
        float("nan"),
        float("-inf"),
        "",
        'quote " backslash \\ tab \t line\u2028 «ç» 😀',
        [],
        {},
        [[], {}],
        {"a": [1, {"b": None, "c": ()}], "d": {"e": [True, False]}},
        {1: "a number as a key", "x": {2.5: "y"}},
    ],
)
@pytest.mark.parametrize("depth", [0, 2])
def test_report_json_layout_is_json_dumps_indent_two(value, depth):
    """The report's own layout writes every value exactly as ``json.dumps(indent=2)``."""
    from checker.report.json_report import _dumps

    expected = json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + "  " * depth)
    assert _dumps(value, depth) == expected
