"""Suppression comments in articles, vocabularies (accept/reject) and spelling variants."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker import errors
from checker.check import check_story
from checker.cli import main
from checker.corpus import StoryInput, make_source
from checker.errors import InputError
from checker.suppress import apply_suppressions, find_suppressions
from checker.vocab import load_vocabulary

ARTICLE = """The goverment said the vote was set.

<!-- checker: ignore typo.spelling -->
The goverment repeated it on Monday.
It also said the recieve date held.

The goverment will meet again. <!-- checker: ignore typo -->
<!-- checker: off -->
Nobody checks the goverment here.
<!-- checker: on -->
Last line of the goverment story.
"""


def _typo_lines(ruleset, nlp, text: str, **options) -> list[tuple[int, str]]:
    source = make_source(source_id="a.md", story="s", path="a.md", raw_text=text)
    source.published, source.published_from = dt.date(2024, 3, 14), "metadata"
    result = apply_suppressions(
        check_story(StoryInput("s", [source]), ruleset=ruleset, nlp=nlp, **options)
    )
    return [(f.evidence[0].line, f.evidence[0].text) for f in result.findings if f.kind == "typo"]


def test_suppress_comments_cover_paragraph_line_and_region(ruleset, nlp):
    assert _typo_lines(ruleset, nlp, ARTICLE) == [(1, "goverment"), (11, "goverment")]


def test_suppress_ignored_text_corroborates_no_other_source(ruleset, nlp):
    def source(name: str, text: str):
        made = make_source(source_id=name, story="s", path=name, raw_text=text)
        made.published, made.published_from = dt.date(2024, 3, 14), "metadata"
        return made

    slip = source("a.md", "The council said the goverment budget was set on Monday.\n")
    quoting = source(
        "b.md",
        "The budget was set on Monday.\n\n<!-- checker: off -->\n"
        "A reader wrote: the goverment lies.\n<!-- checker: on -->\n",
    )
    result = apply_suppressions(
        check_story(StoryInput("s", [slip, quoting]), ruleset=ruleset, nlp=nlp)
    )
    assert [
        (f.evidence[0].source, f.evidence[0].text) for f in result.findings if f.kind == "typo"
    ] == [("a.md", "goverment")]


def test_suppress_comments_are_blanked_keeping_offsets():
    cleaned, found = find_suppressions("Text. <!-- checker: ignore -->\nMore.", 2)
    assert cleaned == "Text. " + " " * len("<!-- checker: ignore -->") + "\nMore."
    assert [(s.first_line, s.last_line, s.rules) for s in found] == [(3, 3, None)]


def test_suppress_hash_comments_for_plain_text():
    _, found = find_suppressions(
        "# checker: ignore date.weekday_mismatch, typo\nPara line.\n\nNext.\n"
    )
    assert [(s.first_line, s.last_line, s.rules) for s in found] == [
        (2, 2, frozenset({"date.weekday_mismatch", "typo"}))
    ]


def test_suppress_unclosed_off_runs_to_the_end():
    _, found = find_suppressions("a\n<!-- checker: off -->\nb\nc")
    assert [(s.first_line, s.last_line) for s in found] == [(2, 4)]


def test_suppress_other_rules_still_reported(ruleset, nlp):
    text = "<!-- checker: ignore typo.calendar -->\nThe goverment met.\n"
    assert _typo_lines(ruleset, nlp, text) == [(2, "goverment")]


def test_vocab_accept_and_reject(ruleset, nlp, tmp_path):
    (tmp_path / "accept.txt").write_text("# house words\ngoverment\n", encoding="utf-8")
    (tmp_path / "reject.txt").write_text("utili[sz]e\n", encoding="utf-8")
    vocabulary = load_vocabulary(tmp_path)
    text = "The goverment will utilise the fund and recieve more.\n"
    found = _typo_lines(ruleset, nlp, text, vocabulary=vocabulary)
    assert found == [(1, "utilise"), (1, "recieve")]


def test_vocab_bad_regular_expression_names_file_and_line(tmp_path):
    (tmp_path / "accept.txt").write_text("fine\n[unclosed\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_vocabulary(tmp_path)
    assert str(caught.value).startswith(f"{tmp_path / 'accept.txt'}:2: E109 ")


def test_vocab_every_bad_line_is_told_on_its_own_line(tmp_path, capsys):
    # a run named only the first bad line: each run found one more
    (tmp_path / "accept.txt").write_text("ferries\n(x+)+\n[open\nquays\n", encoding="utf-8")
    (tmp_path / "reject.txt").write_text("harbour(\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_vocabulary(tmp_path)
    told = [caught.value, *caught.value.more]
    assert [(e.code, Path(e.path).name, e.line) for e in told] == [
        (errors.E109, "accept.txt", 2),
        (errors.E109, "accept.txt", 3),
        (errors.E109, "reject.txt", 1),
    ]
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text("The ferries sailed on Monday.\n", encoding="utf-8")
    assert main(["check", str(story), "--vocab", str(tmp_path), "--no-cache"]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(": E109 ")[0].rsplit("/", 1)[-1] for line in lines] == [
        "accept.txt:2",
        "accept.txt:3",
        "reject.txt:1",
    ]


def test_vocab_a_lower_case_reject_term_matches_it_at_a_sentence_start(ruleset, nlp, tmp_path):
    (tmp_path / "reject.txt").write_text("leverage\nFacebook\n", encoding="utf-8")
    vocabulary = load_vocabulary(tmp_path)
    text = "The trust will leverage its reserves. Leverage, the treasurer said, is cheap.\n"
    found = _typo_lines(ruleset, nlp, text, vocabulary=vocabulary)
    assert found == [(1, "leverage"), (1, "Leverage")]
    assert not vocabulary.rejects("facebook")  # a term listed with a capital keeps its case


def test_vocab_nested_repetition_is_refused(tmp_path):
    (tmp_path / "reject.txt").write_text("(a+)+b\n", encoding="utf-8")
    with pytest.raises(InputError, match="E109"):
        load_vocabulary(tmp_path)


@pytest.mark.parametrize(
    ("variant", "expected"),
    [
        ("both", []),
        ("en-US", [(1, "organisation")]),
        ("en-GB", [(2, "program")]),
    ],
)
def test_spelling_variant_of_the_desk(ruleset, nlp, variant, expected):
    text = "The organisation met.\nIts program grew.\n"
    assert _typo_lines(ruleset, nlp, text, spelling=variant) == expected


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("A text with no comment at all.\nNor here.", []),
        ("The CHECKER: OFF note is prose.\n<!-- CHECKER: IGNORE -->\nPara.", [(3, 3)]),
        ("Kelvin sign: <!-- chec\u212aer: ignore -->", [(1, 1)]),
    ],
)
def test_suppress_comments_found_in_any_case_and_text_kept_without_them(text, lines):
    """The quick test for a comment (``checker:`` in the lower-cased text) misses none that
    the case-blind pattern finds, and a text without one comes back as it was."""
    cleaned, found = find_suppressions(text)
    assert [(s.first_line, s.last_line) for s in found] == lines
    assert len(cleaned) == len(text)
    if not lines:
        assert cleaned == text
