"""The pipeline never raises on arbitrary text (property-based, fixed seed, bounded examples)."""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from checker.check import check_story
from checker.corpus import StoryInput, decode_bytes, make_source
from checker.errors import InputError
from checker.report import RENDERERS, make_console, render_text

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


@seed(20261123)
@PROFILE
@given(first=TEXT, second=TEXT)
def test_robustness_story_of_arbitrary_text_never_raises(ruleset, nlp, first, second):
    sources = []
    for name, text in (("a.txt", first), ("b.md", second)):
        try:
            sources.append(make_source(source_id=name, story="s", path=name, raw_text=text))
        except InputError:
            continue  # bad front matter is a clean, reported error
    result = check_story(StoryInput("s", sources), ruleset=ruleset, nlp=nlp)
    render_text([result], [], make_console(io.StringIO(), width=80, color=False))
    for name in ("json", "sarif", "junit", "github", "rdjsonl", "markdown", "html"):
        assert isinstance(RENDERERS[name]([result], [], ruleset=ruleset), str)
    for finding in result.findings:
        for evidence in finding.evidence:
            assert evidence.line >= 1 and evidence.column >= 1


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
    import json

    from checker.corpus import iter_stories

    lines = [
        json.dumps({"id": str(n), "story": story, "published": "2025-02-03", "text": text})
        for n, (story, text) in enumerate(records, start=1)
    ]
    if lines:
        lines[-1] = lines[-1][: cut % (len(lines[-1]) + 1)]  # maybe a truncated last line
    corpus = tmp_path_factory.mktemp("jsonl") / "corpus.jsonl"
    corpus.write_text("\n".join(lines), encoding="utf-8")
    seen = 0
    for story in iter_stories([str(corpus)]):
        seen += len(story.sources) + len(story.errors)
        assert all(e.line is not None and str(e).startswith(str(corpus)) for e in story.errors)
        if story.sources:
            result = check_story(story, ruleset=ruleset, nlp=nlp)
            for name in ("json", "sarif", "html"):
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
    assert isinstance(RENDERERS["json"]([result], [], ruleset=ruleset), str)


def test_robustness_whitespace_only_file_is_a_clean_error():
    with pytest.raises(InputError, match="E102"):
        decode_bytes(b" \t\n\r\n   \n", "blank.txt")
