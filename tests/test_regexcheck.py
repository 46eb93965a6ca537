"""User regular expressions that could hang the run are refused when the rules load."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import cli
from checker.regexcheck import regex_problem

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "pattern",
    ["(a+)+$", r"(\w*,?)*x", "((a|b)*c)*", "(?=(a+)+)b", r"^(\d+\s?)+$", "(x+x+)+y"],
)
def test_regexcheck_nested_unbounded_repetition_is_refused(pattern):
    assert "catastrophic" in regex_problem(pattern)


@pytest.mark.parametrize(
    "pattern",
    [
        "^(0?[1-9]|[12][0-9]|3[01])(st|nd|rd|th)?$",
        "^(19[5-9][0-9]|20[0-9][0-9])$",
        "(?:ab|cd)+x",
        "(x{2,5})+",
        r"^\d{1,2}(:\d\d)?$",
    ],
)
def test_regexcheck_ordinary_patterns_pass(pattern):
    assert regex_problem(pattern) is None


def test_regexcheck_invalid_and_overlong_patterns_are_refused():
    assert regex_problem("[0-9").startswith("not a valid regular expression")
    assert regex_problem("a" * 501).startswith("longer than")


def test_regexcheck_rule_pack_with_hanging_regex_exits_2_naming_it(tmp_path, capsys):
    pack = tmp_path / "desk"
    pack.mkdir()
    (pack / "scores.yml").write_text(
        "extends: temporal\n"
        "id: desk.scores\n"
        "patterns:\n"
        '  - label: year\n    pattern: [{TEXT: {REGEX: "^(\\\\d+-?)+$"}}]\n',
        encoding="utf-8",
    )
    article = tmp_path / "a.txt"
    article.write_text("Date: 2025-05-02\nThe final ended 3-1 on Saturday.\n", encoding="utf-8")
    status = cli.main(
        ["check", str(article), "--rules", str(ROOT / "rules/default"), "--rules", str(pack)]
        + ["--no-config", "--no-cache"]
    )
    error = capsys.readouterr().err
    assert status == 2
    assert "E206" in error and "desk.scores" in error and "catastrophic" in error
    assert f"{pack / 'scores.yml'}:4:" in error  # where it is written
