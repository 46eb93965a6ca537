"""The CI renderers (SARIF, JUnit, GitHub annotations, rdjsonl, Markdown) on seeds/ and by hand.

The golden outputs are the sample reports in reports/ (one copy, the one the README shows):
every format rendered here in-process on seeds/ must equal its file there. After a change
that alters the seeds' findings, rewrite them with
``.venv/bin/python scripts/regenerate_reports.py`` and read the diff before committing.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest

from checker.baseline import FINGERPRINT_KEY, story_fingerprints
from checker.check import check_story
from checker.corpus import iter_stories
from checker.errors import InputError
from checker.model import Evidence, Finding, Source, StoryResult
from checker.report import (
    RENDERERS,
    make_console,
    render_github,
    render_junit,
    render_markdown,
    render_rdjsonl,
    render_sarif,
    render_text,
)
from checker.report.github import escape_data, escape_property
from checker.report.json_report import write_json
from checker.report.markdown import cell_code, cell_text
from checker.rules import Rule, RuleSet
from checker.settings import FORMATS
from tests.conftest import REPORTS, ROOT, regenerate_reports, shared_or_skip

GOLDEN_FILES = {fmt: name for name, (_, fmt) in regenerate_reports.REPORTS.items()}
"""Format -> its sample report in reports/, as ``scripts/regenerate_reports.py`` writes it."""


@pytest.fixture(scope="module")
def seeds_results(ruleset, nlp) -> list[StoryResult]:
    """The checker's results on seeds/, read from the project root as ``seeds/`` (relative ids)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        return [check_story(s, ruleset=ruleset, nlp=nlp) for s in iter_stories(["seeds/"])]


def _file_line(path: str, line: int) -> str:
    return (ROOT / path).read_text(encoding="utf-8").split("\n")[line - 1]


def _rule(rule_id: str, level: str, message: str, **options) -> Rule:
    return Rule(rule_id, "spelling", level, message, "rules/x.yml", 1, options)


def _hand_result(
    *, message: str = "Misspelled month name: Feburary", severity: str = "warning"
) -> StoryResult:
    """One story, one source, a typo (or any message and severity) and an info finding."""
    text = "Talks – in Feburary.\nThe session opened on Friday."
    source = Source("wire/a.txt", "oslo", "wire/a.txt", text, published=dt.date(2024, 3, 9))
    typo = Evidence("wire/a.txt", 1, 12, "Feburary", "February", text.split("\n")[0], None, 11)
    friday = Evidence(
        "wire/a.txt", 2, 20, "on Friday", "2024-03-08", "The session opened on Friday.", None, 19
    )
    findings = [
        Finding("typo", "typo.calendar", severity, "oslo", message, (typo,), "February"),
        Finding("inconsistency", "date.note", "info", "oslo", "A note", (friday,)),
    ]
    return StoryResult("oslo", [source], [], findings, [])


# SARIF


def test_sarif_seeds_validates_against_the_sarif_schema(seeds_results, ruleset):
    schema_path = shared_or_skip("data", "sarif", "sarif-schema-2.1.0.json")
    import jsonschema  # in the test extra; a missing install fails here, it does not skip

    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema)
    errors = InputError("E103", "binary file, expected text", "seeds/photo.txt", 2, 1)
    log = json.loads(render_sarif(seeds_results, [errors], ruleset=ruleset))
    problems = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert problems == []
    # The schema is strict enough to catch a misspelled key: this test can fail.
    broken = copy.deepcopy(log)
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startcolumn"] = 1
    assert not validator.is_valid(broken)


def test_sarif_seeds_has_a_location_per_evidence_where_the_words_stand(seeds_results, ruleset):
    log = json.loads(render_sarif(seeds_results, [], ruleset=ruleset))
    run = log["runs"][0]
    findings = [f for r in seeds_results for f in r.findings]
    assert len(run["results"]) == len(findings) > 0
    for result, finding in zip(run["results"], findings, strict=True):
        assert len(result["locations"]) == len(finding.evidence)
        for location, evidence in zip(result["locations"], finding.evidence, strict=True):
            physical = location["physicalLocation"]
            region = physical["region"]
            assert physical["artifactLocation"]["uri"] == evidence.source
            assert (region["startLine"], region["startColumn"]) == (evidence.line, evidence.column)
            assert region["endColumn"] == evidence.column + len(evidence.text)
            assert region["snippet"]["text"] == evidence.text
            line = _file_line(evidence.source, evidence.line)
            assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == evidence.text


def test_sarif_seeds_results_point_at_their_rule_with_mapped_levels(seeds_results, ruleset):
    log = json.loads(render_sarif(seeds_results, [], ruleset=ruleset))
    driver = log["runs"][0]["tool"]["driver"]
    assert [d["id"] for d in driver["rules"]] == sorted(ruleset.rules)
    fingerprints = [k for r in seeds_results for k in story_fingerprints(r)]
    for result, key in zip(log["runs"][0]["results"], fingerprints, strict=True):
        descriptor = driver["rules"][result["ruleIndex"]]
        assert descriptor["id"] == result["ruleId"]
        assert result["level"] == descriptor["defaultConfiguration"]["level"]
        assert result["partialFingerprints"] == {FINGERPRINT_KEY: key}
    assert [r["level"] for r in log["runs"][0]["results"]] == ["error", "warning"]


def test_sarif_rule_descriptors_from_description_message_level_and_link():
    ruleset = RuleSet(
        rules={
            "b.info": _rule("b.info", "info", "Note on {word}", link="https://example.org/b"),
            "a.err": _rule("a.err", "error", "Bad {word}", description="A bad word."),
        }
    )
    driver = json.loads(render_sarif([], [], ruleset=ruleset))["runs"][0]["tool"]["driver"]
    first, second = driver["rules"]
    assert first == {
        "id": "a.err",
        "name": "AErr",
        "shortDescription": {"text": "A bad word."},
        "fullDescription": {"text": "A bad word."},
        "help": {"text": "A bad word.\nMessage: Bad {word}"},
        "defaultConfiguration": {"level": "error"},
        "properties": {"extends": "spelling"},
    }
    assert second["shortDescription"] == {"text": "Note on {word}"}
    assert second["defaultConfiguration"] == {"level": "note"}
    assert second["helpUri"] == "https://example.org/b"


def test_sarif_jsonl_record_uses_the_file_path_and_same_input_gives_same_bytes():
    evidence = Evidence("feeds/day one.jsonl#a3", 2, 5, "Feburary", "February", "s", None, 0)
    finding = Finding("typo", "typo.calendar", "warning", "s", "m", (evidence,), "February")
    results = [StoryResult("s", [], [], [finding], [])]
    first = render_sarif(results, [], ruleset=None)
    assert first == render_sarif(copy.deepcopy(results), [], ruleset=None)
    result = json.loads(first)["runs"][0]["results"][0]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "feeds/day%20one.jsonl"
    assert result["ruleIndex"] == 0  # a rule missing from the rule set gets a bare descriptor
    # Positions count inside the record's text: a fix there would edit the wrong bytes.
    assert "fixes" not in result
    assert result["properties"]["suggestion"] == "February"


def test_sarif_typo_in_a_file_carries_a_fix_over_its_words():
    result = json.loads(render_sarif([_hand_result()], []))["runs"][0]["results"][0]
    assert result["fixes"][0]["artifactChanges"][0] == {
        "artifactLocation": {"uri": "wire/a.txt"},
        "replacements": [
            {
                "deletedRegion": {"startLine": 1, "startColumn": 12, "endColumn": 20},
                "insertedContent": {"text": "February"},
            }
        ],
    }


def test_sarif_input_errors_are_tool_execution_notifications():
    error = InputError("E105", "not a JSON object", "feed.jsonl", 7)
    invocation = json.loads(render_sarif([], [error]))["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"] == [
        {
            "level": "error",
            "message": {"text": "feed.jsonl:7: E105 not a JSON object"},
            "descriptor": {"id": "E105"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": "feed.jsonl"},
                        "region": {"startLine": 7},
                    }
                }
            ],
        }
    ]


# JUnit


def test_junit_seeds_counts_match_the_findings(seeds_results, ruleset):
    root = ET.fromstring(render_junit(seeds_results, [], ruleset=ruleset))
    failing = [f for r in seeds_results for f in r.findings if f.severity in ("error", "warning")]
    assert root.tag == "testsuites"
    assert int(root.get("tests")) == len(seeds_results) == len(root.findall("testsuite"))
    assert int(root.get("failures")) == len(failing) == len(list(root.iter("failure")))
    for suite, result in zip(root.findall("testsuite"), seeds_results, strict=True):
        cases = suite.findall("testcase")
        assert [c.get("name") for c in cases] == [result.story]
        failures = cases[0].findall("failure")
        assert int(suite.get("failures")) == len(failures)
        assert [f.get("message") for f in failures] == [f.message for f in result.findings]
        assert [f.get("type") for f in failures] == [f.rule for f in result.findings]
    first = root.find("testsuite/testcase/failure")
    assert first.text.splitlines() == [
        "seeds/000_d016bcae14bdc05d.txt:7:35: on Saturday = 2019-12-28",
        "seeds/001_1b465cf676d0d05f.txt:1:50: on Saturday = 2019-12-21",
    ]


def test_junit_info_is_not_a_failure_and_markup_in_messages_round_trips():
    message = 'Misspelled <month> & "name": Feburary'
    result = _hand_result(message=message)
    error = InputError("E103", "binary file, expected text", "wire/photo.jpg")
    root = ET.fromstring(render_junit([result], [error]))
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("2", "1", "1")
    story, inputs = root.findall("testsuite")
    assert [f.get("message") for f in story.iter("failure")] == [message]
    assert "info date.note: A note" in story.find("testcase/system-out").text
    case = inputs.find("testcase")
    assert case.get("name") == "wire/photo.jpg"
    assert case.find("error").get("message") == "wire/photo.jpg: E103 binary file, expected text"


# GitHub annotations


def test_github_escapes_data_and_properties():
    evidence = Evidence("C:/news/50%,a.txt", 3, 7, "on Friday", "2024-03-08", "s", None, 0)
    finding = Finding("discrepancy", "x:y,z", "error", "s", "50%, done\r\nnext", (evidence,))
    output = render_github([StoryResult("s", [], [], [finding], [])], [])
    assert output == (
        "::error file=C%3A/news/50%25%2Ca.txt,line=3,col=7,title=x%3Ay%2Cz::50%25, done%0D%0Anext\n"
    )
    assert escape_data("a:b,c") == "a:b,c"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_github_levels_and_input_errors():
    error = InputError("E103", "binary file", "wire/photo.jpg")
    lines = render_github([_hand_result()], [error]).splitlines()
    assert lines == [
        "::error file=wire/photo.jpg,title=E103::wire/photo.jpg: E103 binary file",
        "::warning file=wire/a.txt,line=1,col=12,title=typo.calendar::Misspelled month name: Feburary",
        "::notice file=wire/a.txt,line=2,col=20,title=date.note::A note",
    ]


# rdjsonl


def test_rdjsonl_seeds_ranges_are_utf8_byte_columns_of_the_words(seeds_results, ruleset):
    lines = render_rdjsonl(seeds_results, [], ruleset=ruleset).splitlines()
    diagnostics = [json.loads(line) for line in lines]
    assert [d["severity"] for d in diagnostics] == ["ERROR", "ERROR", "WARNING"]
    for diagnostic in diagnostics:
        location = diagnostic["location"]
        start, end = location["range"]["start"], location["range"]["end"]
        raw = _file_line(location["path"], start["line"]).encode("utf-8")
        words = raw[start["column"] - 1 : end["column"] - 1].decode("utf-8")
        assert words in ("on Saturday", "Feruary")
    typo = diagnostics[2]
    assert typo["code"] == {"value": "typo.calendar"}
    # An en dash earlier on the line: 3 bytes, 1 character.
    assert typo["location"]["range"]["start"] == {"line": 31, "column": 368}
    assert typo["suggestions"] == [{"range": typo["location"]["range"], "text": "February"}]


def test_rdjsonl_discrepancy_is_reported_at_each_side():
    first = Evidence("a.txt", 1, 1, "on Friday", "2024-03-08", "s", None, 0)
    second = Evidence("b.txt", 4, 2, "on Thursday", "2024-03-07", "s", None, 0)
    finding = Finding("discrepancy", "event.end_date", "error", "s", "Disagree", (first, second))
    diagnostics = [
        json.loads(line)
        for line in render_rdjsonl([StoryResult("s", [], [], [finding], [])], []).splitlines()
    ]
    assert [d["location"]["path"] for d in diagnostics] == ["a.txt", "b.txt"]
    assert diagnostics[0]["message"] == "Disagree\nb.txt:4:2: on Thursday = 2024-03-07"
    assert diagnostics[1]["location"]["range"] == {
        "start": {"line": 4, "column": 2},
        "end": {"line": 4, "column": 13},
    }
    assert "suggestions" not in diagnostics[0]


def test_rdjsonl_typo_suggestion_in_bytes_and_none_inside_a_jsonl_record():
    in_file = json.loads(render_rdjsonl([_hand_result()], []).splitlines()[0])
    byte_range = {"start": {"line": 1, "column": 14}, "end": {"line": 1, "column": 22}}
    assert in_file["suggestions"] == [{"range": byte_range, "text": "February"}]
    evidence = Evidence("feed.jsonl#a3", 1, 12, "Feburary", "February", "s", None, 0)
    finding = Finding("typo", "typo.calendar", "warning", "s", "m", (evidence,), "February")
    in_record = json.loads(render_rdjsonl([StoryResult("s", [], [], [finding], [])], []))
    assert in_record["location"]["path"] == "feed.jsonl"
    assert "suggestions" not in in_record


# Markdown


def _cells(row: str) -> list[str]:
    """Split a table row on its unescaped pipes."""
    return re.split(r"(?<!\\)\|", row.strip())[1:-1]


def test_markdown_cells_escape_pipes_newlines_and_markup():
    words = Evidence("wire/a.txt", 1, 1, "a | b\nc", None, "s", None, 0)
    finding = Finding("typo", "typo.x", "warning", "s", "x | y\n<b>*z*</b>", (words,))
    output = render_markdown([StoryResult("s", [], [], [finding], [])], [])
    row = next(line for line in output.splitlines() if line.startswith("| warning"))
    cells = [cell.strip() for cell in _cells(row)]
    assert cells == [
        "warning",
        "`typo.x`",
        "`wire/a.txt:1:1`",
        "`a \\| b c`",
        "-",
        "x \\| y \\<b\\>\\*z\\*\\</b\\>",
    ]
    assert cell_code("a`b") == "``a`b``"
    assert cell_text("50% | _x_") == "50% \\| \\_x\\_"


def test_markdown_ends_with_the_text_reports_summary(seeds_results, ruleset):
    output = render_markdown(seeds_results, [], ruleset=ruleset)
    buffer = io.StringIO()
    render_text(seeds_results, [], make_console(buffer, width=200, color=False))
    assert output.splitlines()[-1] == f"**{buffer.getvalue().splitlines()[-1]}**"
    assert output.count("\n| error ") + output.count("\n| warning ") == 2


# Golden outputs on seeds/


def _render_as_written(fmt: str, results: list[StoryResult], ruleset: RuleSet) -> str:
    """A report as ``checker check --format FMT --output FILE`` writes it."""
    if fmt == "text":
        buffer = io.StringIO()
        render_text(results, [], make_console(buffer, width=120, color=False))
        return buffer.getvalue()
    if fmt == "json":
        buffer = io.StringIO()
        write_json(results, [], buffer)
        return buffer.getvalue()
    return RENDERERS[fmt](results, [], ruleset=ruleset)


def test_report_formats_golden_files_cover_every_format():
    assert set(GOLDEN_FILES) == set(FORMATS)


@pytest.mark.parametrize("fmt", sorted(GOLDEN_FILES))
def test_report_formats_golden_on_seeds(seeds_results, ruleset, fmt):
    output = _render_as_written(fmt, seeds_results, ruleset)
    golden = REPORTS / GOLDEN_FILES[fmt]
    assert golden.exists(), f"{golden} is missing: run python scripts/regenerate_reports.py"
    assert output == golden.read_text(encoding="utf-8"), (
        f"{fmt} output on seeds/ changed: compare with {golden.relative_to(ROOT)}, "
        "then run python scripts/regenerate_reports.py"
    )


# JSONL records in the annotation formats

_FEED_RECORDS = [
    {
        "id": "r1",
        "story": "ferry",
        "outlet": "Harbour Post",
        "published": "2025-06-11",
        "text": "Talks between ferry crews and the island council ended on Tuesday without "
        "agreement.\nIt was the second round of talks.",
    },
    {
        "id": "r2",
        "story": "ferry",
        "outlet": "Island Courier",
        "published": "2025-06-11",
        "text": "Talks between ferry crews and the island council ended on Monday without "
        "agreement.\nThe two sides have held three rounds of talks.",
    },
]


@pytest.fixture(scope="module")
def feed_results(tmp_path_factory, ruleset, nlp) -> list[StoryResult]:
    """Two records of a JSONL feed, one a line, that disagree on a day and a count."""
    folder = tmp_path_factory.mktemp("feed")
    lines = [json.dumps(record) for record in _FEED_RECORDS]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        results = [check_story(s, ruleset=ruleset, nlp=nlp) for s in iter_stories(["feed.jsonl"])]
    assert [f.rule for r in results for f in r.findings], "the feed must give findings"
    return results


def test_jsonl_record_evidence_sits_on_the_record_file_line_in_sarif(feed_results, ruleset):
    log = json.loads(render_sarif(feed_results, [], ruleset=ruleset))
    locations = [loc for r in log["runs"][0]["results"] for loc in r["locations"]]
    assert locations
    for location in locations:
        (logical,) = location["logicalLocations"]
        record_line = {"feed.jsonl#r1": 1, "feed.jsonl#r2": 2}[logical["fullyQualifiedName"]]
        assert logical["name"] == logical["fullyQualifiedName"]
        # the file line of the record, no column: the text position is in the message
        assert location["physicalLocation"]["region"] == {"startLine": record_line}
        properties = location["properties"]
        assert (
            f"at line {properties['textLine']}, column {properties['textColumn']}"
            in (location["message"]["text"])
        )
    # a count on the second line of record r1's text is still on file line 1
    second_lines = [loc for loc in locations if loc["properties"]["textLine"] == 2]
    assert {loc["physicalLocation"]["region"]["startLine"] for loc in second_lines} == {1, 2}
    schema_path = shared_or_skip("data", "sarif", "sarif-schema-2.1.0.json")
    import jsonschema

    validator = jsonschema.Draft4Validator(json.loads(schema_path.read_text(encoding="utf-8")))
    assert [e.message for e in validator.iter_errors(log)] == []


def test_jsonl_record_evidence_sits_on_the_record_file_line_in_github_and_rdjsonl(feed_results):
    annotations = render_github(feed_results, []).splitlines()
    assert annotations
    for annotation in annotations:
        properties = annotation.split("::")[1]
        first = re.search(r"%0A(feed\.jsonl#r\d):", annotation).group(1)
        assert f"line={ {'feed.jsonl#r1': 1, 'feed.jsonl#r2': 2}[first] }," in properties
        assert ",col=" not in properties
    diagnostics = [json.loads(line) for line in render_rdjsonl(feed_results, []).splitlines()]
    assert diagnostics
    for diagnostic in diagnostics:
        own = diagnostic["message"].split("\n")[1]  # the evidence the diagnostic stands on
        record_line = 1 if own.startswith("feed.jsonl#r1:") else 2
        assert diagnostic["location"]["range"] == {"start": {"line": record_line}}
