"""On arbitrary text the pipeline never raises and its reports hold (property-based, fixed
seed, bounded examples): JSON parses, every piece of evidence stands at its line and column
in the text as given, no line number is past the file's end, SARIF validates against its
schema, JUnit is XML and rdjsonl is one JSON object a line."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from checker.check import check_story
from checker.corpus import StoryInput, decode_bytes, iter_stories, make_source
from checker.errors import InputError
from checker.model import StoryResult
from checker.report import RENDERERS, make_console, render_text
from tests.conftest import SHARED

NEWSY = st.sampled_from(
    [
        "on Saturday",
        "year-end",
        "Dec 29",
        "the third meeting",
        "three rounds of talks",
        "2019-12-29",
        "by the end of June",
        "Tuesday, March 5",
        "Feruary",
        "goverment",
        "OSLO (NTB) - ",
        "\u200d",
        "\u202e",
        "e\u0301",
        "\ufeff",
        "<!-- checker: off -->",
        "# checker: ignore",
        "\x00",
        "\r\n",
        "\t",
        "  ",
        "\n\n",
        "date 2024-03-07 ",
        "---\n",
        "'",
        "\u2019s",
        "-",
        "(",
        ")",
        "12,786",
        "5.25%",
        "Mr",
        "the",
        ".",
    ]
)
TEXT = st.lists(st.one_of(NEWSY, st.text(max_size=12)), max_size=40).map("".join)
PROFILE = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def words_at(text: str, line: int, column: int, length: int) -> str:
    """The ``length`` characters of ``text`` from 1-based ``line`` and ``column``; fails when the
    line is past the text's end or the column past the line's end."""
    lines = text.split("\n")
    assert 1 <= line <= len(lines), f"line {line} of a text of {len(lines)} lines"
    assert 1 <= column <= len(lines[line - 1]) + 1, f"column {column} of line {line!r}"
    start = sum(len(before) + 1 for before in lines[: line - 1]) + column - 1
    return text[start : start + length]


def assert_evidence_stands_in_the_input(report: dict, raw_by_id: dict[str, str]) -> int:
    """Every piece of evidence of the JSON ``report`` (findings and agreements) quotes the words
    at its line and column of its source's text as given; returns how many were checked."""
    checked = 0
    for item in report["findings"] + report["agreements"]:
        for evidence in item["evidence"]:
            raw = raw_by_id[evidence["source"]]
            at = words_at(raw, evidence["line"], evidence["column"], len(evidence["text"]))
            assert at == evidence["text"], (evidence, raw)
            checked += 1
    return checked


def check_reports(result: StoryResult, ruleset, raw_by_id: dict[str, str]) -> dict:
    """Render ``result`` in every format and check what each format promises; return the
    parsed JSON report."""
    render_text([result], [], make_console(io.StringIO(), width=80, color=False))
    report = json.loads(RENDERERS["json"]([result], [], ruleset=ruleset))
    assert len(report["findings"]) == len(result.findings)
    assert_evidence_stands_in_the_input(report, raw_by_id)
    ET.fromstring(RENDERERS["junit"]([result], [], ruleset=ruleset))
    for line in RENDERERS["rdjsonl"]([result], [], ruleset=ruleset).splitlines():
        diagnostic = json.loads(line)
        start = diagnostic["location"]["range"]["start"]
        raw = raw_by_id[diagnostic["location"]["path"]]
        assert start["line"] <= raw.count("\n") + 1
    for line in RENDERERS["github"]([result], [], ruleset=ruleset).splitlines():
        assert line.startswith("::")
    for name in ("markdown", "html"):
        assert RENDERERS[name]([result], [], ruleset=ruleset).strip()
    return report


def story_of(texts: dict[str, str], ruleset, nlp) -> tuple[StoryResult, dict[str, str]]:
    """Check the texts (name -> text) as one story; an article make_source refuses (bad front
    matter) is left out, as the loader reports and skips it."""
    sources = []
    for name, text in texts.items():
        try:
            sources.append(make_source(source_id=name, story="s", path=name, raw_text=text))
        except InputError:
            continue  # bad front matter is a clean, reported error
    result = check_story(StoryInput("s", sources), ruleset=ruleset, nlp=nlp)
    return result, {s.id: texts[s.id] for s in sources}


@seed(20261123)
@PROFILE
@given(first=TEXT, second=TEXT)
def test_robustness_story_of_arbitrary_text_gives_reports_that_point_into_it(
    ruleset, nlp, first, second
):
    result, raw_by_id = story_of({"a.txt": first, "b.md": second}, ruleset, nlp)
    check_reports(result, ruleset, raw_by_id)


TWO_OUTLETS = st.tuples(
    st.sampled_from(
        ["", "date 2024-03-07\n", "---\ndate: 2024-03-09\n---\n", "Date: 2024-03-11\n"]
    ),
    st.lists(
        st.sampled_from(
            [
                "The talks opened on Saturday, Dec 28. ",
                "Talks opened on Friday (Dec 29). ",
                "The ministry said three people died. ",
                "Four people were killed, the ministry said. ",
                "Delegates met in Feruary. ",
                "The vote is due by the end of June. ",
                "\n",
                "\r\n",
                "  ",
                "\u00e9\u0301 ",
                "\U0001f600 ",
            ]
        ),
        min_size=1,
        max_size=12,
    ).map("".join),
).map("".join)


@seed(20261123)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=TWO_OUTLETS, second=TWO_OUTLETS)
def test_robustness_findings_between_outlets_point_at_their_words(ruleset, nlp, first, second):
    """Sentences that do give findings (dates, counts, a typo) behind headers of every kind:
    the properties of ``check_reports`` are then tested on real evidence, not on none."""
    result, raw_by_id = story_of({"wire/a.txt": first, "wire/b.md": second}, ruleset, nlp)
    report = check_reports(result, ruleset, raw_by_id)
    if "Feruary" in first and "Feruary" not in second:
        assert any(f["rule"].startswith("typo.") for f in report["findings"])


@pytest.fixture(scope="module")
def sarif_validator():
    """A validator of SARIF 2.1.0, or a skip naming the schema file that is not here."""
    path = SHARED / "data" / "sarif" / "sarif-schema-2.1.0.json"
    if not path.exists():
        pytest.skip(f"{path} is not here: ../shared is only beside the project in CI")
    import jsonschema  # in the test extra; a missing install fails here, it does not skip

    return jsonschema.Draft4Validator(json.loads(path.read_text(encoding="utf-8")))


@seed(20261123)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=TWO_OUTLETS, second=TEXT)
def test_robustness_sarif_of_arbitrary_text_validates_against_the_schema(
    ruleset, nlp, sarif_validator, first, second
):
    result, raw_by_id = story_of({"wire/a.txt": first, "wire/b.md": second}, ruleset, nlp)
    errors = [InputError("E103", "binary file, expected text", "wire/c.txt")]
    log = json.loads(RENDERERS["sarif"]([result], errors, ruleset=ruleset))
    problems = [f"{list(e.absolute_path)}: {e.message}" for e in sarif_validator.iter_errors(log)]
    assert problems == []
    for sarif_result in log["runs"][0]["results"]:
        for location in sarif_result["locations"]:
            physical = location["physicalLocation"]
            region = physical["region"]
            raw = raw_by_id[physical["artifactLocation"]["uri"]]
            at = words_at(
                raw,
                region["startLine"],
                region["startColumn"],
                region["endColumn"] - region["startColumn"],
            )
            assert at == region["snippet"]["text"]


@seed(20261123)
@PROFILE
@given(raw=st.binary(max_size=200))
def test_robustness_decoding_arbitrary_bytes_gives_text_or_input_error(raw):
    try:
        text = decode_bytes(raw, "x.txt")
    except InputError as error:
        assert str(error).startswith("x.txt: E10")
    else:
        assert isinstance(text, str) and text.strip()


ANY_CHARACTER = st.characters(exclude_categories=())  # surrogates and controls included
RECORD_TEXT = st.lists(st.one_of(NEWSY, st.text(ANY_CHARACTER, max_size=12)), max_size=30).map(
    "".join
)


@seed(20261123)
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    records=st.lists(
        st.tuples(st.sampled_from(["a", "b", "\u202eb", ""]), RECORD_TEXT), max_size=6
    ),
    cut=st.integers(min_value=0, max_value=400),
)
def test_robustness_jsonl_of_arbitrary_records_checks_or_reports_each_line(
    tmp_path_factory, ruleset, nlp, records, cut
):
    lines = [
        json.dumps({"id": str(n), "story": story, "published": "2025-02-03", "text": text})
        for n, (story, text) in enumerate(records, start=1)
    ]
    if lines:
        lines[-1] = lines[-1][: cut % (len(lines[-1]) + 1)]  # maybe a truncated last line
    corpus = tmp_path_factory.mktemp("jsonl") / "corpus.jsonl"
    corpus.write_text("\n".join(lines), encoding="utf-8")
    texts = {}  # source id -> the record's text, as JSON gives it back
    for line in lines:
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        texts[f"{corpus}#{record['id']}"] = record["text"].replace("\r\n", "\n")
    seen = 0
    for story in iter_stories([str(corpus)]):
        seen += len(story.sources) + len(story.errors)
        for error in story.errors:
            assert str(error).startswith(f"{corpus}:{error.line}: E10")
            assert 1 <= error.line <= len(lines)
        if story.sources:
            result = check_story(story, ruleset=ruleset, nlp=nlp)
            raw_by_id = {
                s.id: texts[s.id].encode("utf-8", "replace").decode("utf-8", "replace")
                for s in story.sources
            }
            report = json.loads(RENDERERS["json"]([result], story.errors, ruleset=ruleset))
            assert_evidence_stands_in_the_input(report, raw_by_id)
            assert [e["line"] for e in report["errors"]] == [e.line for e in story.errors]
            for name in ("sarif", "html"):
                RENDERERS[name]([result], story.errors, ruleset=ruleset).encode("utf-8")
    assert seen == sum(1 for line in lines if line.strip())


CRAWLED_PROSE = (
    "officials from the regional transport authority met union representatives in the harbour "
    "town where ferry crews have worked without a contract since the start of the season, and "
    "passengers queued for hours at the terminal while the talks resumed on Tuesday "
)
"""A page scraped without its full stops: 1 MB of it is one 160,000-word line."""


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            (CRAWLED_PROSE * (1_000_000 // len(CRAWLED_PROSE) + 1))[:1_000_000],
            id="1MB-single-line",
        ),
        pytest.param(" ".join(str(n * 7919 % 100_000) for n in range(30_000)), id="only-numbers"),
        pytest.param("\u200d\u200f\u0301 " * 5_000 + "\n", id="only-joiners-and-marks"),
    ],
)
def test_robustness_huge_or_odd_article_is_checked(ruleset, nlp, text):
    source = make_source(source_id="big.txt", story="s", path="big.txt", raw_text=text)
    result = check_story(StoryInput("s", [source]), ruleset=ruleset, nlp=nlp)
    assert result.sources == [source]
    report = json.loads(RENDERERS["json"]([result], [], ruleset=ruleset))
    assert [s["id"] for s in report["sources"]] == ["big.txt"]
    assert_evidence_stands_in_the_input(report, {"big.txt": text})


def test_robustness_whitespace_only_file_is_a_clean_error():
    with pytest.raises(InputError, match="E102"):
        decode_bytes(b" \t\n\r\n   \n", "blank.txt")
