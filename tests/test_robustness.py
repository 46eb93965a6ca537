"""The pipeline never raises on arbitrary text (property-based, fixed seed, bounded examples)."""

from __future__ import annotations

import io

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
        "SEOUL (AFP) - ",
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
