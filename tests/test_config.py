"""Configuration files, precedence of flags, and what the settings change in a run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker.config import find_config, load_config
from checker.errors import UsageError
from tests.conftest import ROOT

STORY = {
    "a.txt": "date 2024-03-14\nThe regional council opened its session on Tuesday, officials said.\n"
    "The goverment will reply in Feburary.\n",
    "b.txt": "date 2024-03-15\nThe regional council opened its session on Wednesday in the capital.\n",
}


def _story(folder: Path) -> Path:
    story = folder / "story"
    story.mkdir()
    for name, text in STORY.items():
        (story / name).write_text(text, encoding="utf-8")
    return story


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "checker", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
    )


def _rules(report: dict) -> list[str]:
    return sorted(f["rule"] for f in report["findings"])


def test_config_found_upward_dotfile_before_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.checker]\nfail_on = 'never'\n")
    (tmp_path / ".checker.toml").write_text("fail_on = 'warning'\n")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    assert find_config(nested) == tmp_path / ".checker.toml"
    (tmp_path / ".checker.toml").unlink()
    assert find_config(nested) == tmp_path / "pyproject.toml"


def test_config_pyproject_without_checker_table_is_not_a_config(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert find_config(tmp_path) is None


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (
            "fail_on = 'sometimes'\n",
            "[fail_on] invalid value 'sometimes', expected one of: error, warning, never",
        ),
        ("colour = true\n", "[colour] unknown key"),
        ("disable = 'typo.spelling'\n", "[disable] must be a list of strings"),
        (
            "[severity]\n'typo.spelling' = 'fatal'\n",
            "[severity.typo.spelling] invalid value 'fatal'",
        ),
        ("spelling = 'en-AU'\n", "[spelling] invalid value 'en-AU'"),
        ("fail_on = \n", "invalid TOML"),
    ],
)
def test_config_bad_values_name_file_and_key(tmp_path, content, needle):
    path = tmp_path / ".checker.toml"
    path.write_text(content)
    with pytest.raises(UsageError) as caught:
        load_config(path)
    assert str(caught.value).startswith(f"{path}: E401 ")
    assert needle in str(caught.value)


def test_config_pyproject_keys_are_named_with_their_table(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text("[tool.checker]\nmin_levle = 'error'\n")
    with pytest.raises(UsageError, match=r"\[tool\.checker\.min_levle\] unknown key"):
        load_config(path)


def test_config_cli_reports_bad_config_and_exits_2(tmp_path):
    _story(tmp_path)
    (tmp_path / ".checker.toml").write_text("fail_on = 'sometimes'\n")
    done = _run(tmp_path, "check", "story", "--format", "json")
    assert done.returncode == 2
    assert done.stderr.strip().startswith("checker: ")
    assert ".checker.toml: E401 [fail_on]" in done.stderr


def test_config_disable_and_severity_change_the_run(tmp_path):
    _story(tmp_path)
    baseline = json.loads(_run(tmp_path, "check", "story", "--format", "json").stdout)
    assert _rules(baseline) == ["event.start_date", "typo.calendar", "typo.spelling"]
    (tmp_path / ".checker.toml").write_text(
        "disable = ['typo.calendar']\n[severity]\n'event.start_date' = 'warning'\n"
    )
    done = _run(tmp_path, "check", "story", "--format", "json")
    report = json.loads(done.stdout)
    assert _rules(report) == ["event.start_date", "typo.spelling"]
    assert {f["rule"]: f["severity"] for f in report["findings"]}["event.start_date"] == "warning"
    assert done.returncode == 0  # no error left: the default fail_on is error


def test_config_flags_win_over_the_file(tmp_path):
    _story(tmp_path)
    (tmp_path / ".checker.toml").write_text("fail_on = 'never'\nmin_level = 'error'\n")
    from_file = _run(tmp_path, "check", "story", "--format", "json")
    assert from_file.returncode == 0
    assert _rules(json.loads(from_file.stdout)) == ["event.start_date"]
    flags = _run(
        tmp_path,
        "check",
        "story",
        "--format",
        "json",
        "--fail-on",
        "error",
        "--min-level",
        "warning",
    )
    assert flags.returncode == 1
    assert _rules(json.loads(flags.stdout)) == [
        "event.start_date",
        "typo.calendar",
        "typo.spelling",
    ]
    ignored = _run(tmp_path, "check", "story", "--format", "json", "--no-config")
    assert ignored.returncode == 1


@pytest.mark.parametrize(
    ("setting", "named"),
    [
        ("disable = ['typo.spellling']", "unknown rule id 'typo.spellling'"),
        ("[ignore]\n'archive/*' = ['typos']", "unknown rule id or family 'typos'"),
    ],
    ids=["disable", "ignore"],
)
def test_config_unknown_rule_id_is_an_error_naming_the_file(tmp_path, setting, named):
    _story(tmp_path)
    (tmp_path / ".checker.toml").write_text(setting + "\n")
    done = _run(tmp_path, "check", "story")
    assert done.returncode == 2
    assert done.stderr.startswith(f"checker: {tmp_path / '.checker.toml'}: E209 {named}"), (
        done.stderr
    )


def test_config_ignore_takes_rule_families_and_ids(tmp_path):
    _story(tmp_path)
    (tmp_path / ".checker.toml").write_text("[ignore]\n'x/*' = ['typo', 'event.start_date', '*']\n")
    assert _run(tmp_path, "check", "story").returncode == 1  # checked, the findings reported


def test_config_include_exclude_select_files(tmp_path):
    _story(tmp_path)
    (tmp_path / ".checker.toml").write_text("exclude = ['*/b.txt']\n")
    report = json.loads(_run(tmp_path, "check", "story", "--format", "json").stdout)
    assert [s["id"] for s in report["sources"]] == ["story/a.txt"]
    assert "event.start_date" not in _rules(report)


def test_config_per_path_ignore(tmp_path):
    _story(tmp_path)
    (tmp_path / ".checker.toml").write_text("[ignore]\n'story/a.txt' = ['typo']\n")
    report = json.loads(_run(tmp_path, "check", "story", "--format", "json").stdout)
    assert _rules(report) == ["event.start_date"]


def test_config_changed_since_checks_only_changed_stories(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("one", "two"):
        story = corpus / name
        story.mkdir()
        (story / "a.txt").write_text(STORY["a.txt"], encoding="utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run([*git, "add", "."], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "start"], cwd=tmp_path, check=True)
    (corpus / "two" / "a.txt").write_text(STORY["a.txt"] + "A new line.\n", encoding="utf-8")
    report = json.loads(
        _run(tmp_path, "check", "corpus", "--format", "json", "--changed-since", "HEAD").stdout
    )
    assert {s["story"] for s in report["sources"]} == {"two"}
    bad = _run(tmp_path, "check", "corpus", "--changed-since", "no-such-rev")
    assert bad.returncode == 2
    assert "--changed-since no-such-rev" in bad.stderr


def test_config_baseline_command_hides_old_findings_and_shows_new(tmp_path):
    story = _story(tmp_path)
    recorded = _run(tmp_path, "baseline", "story")
    assert recorded.returncode == 0
    (tmp_path / ".checker-baseline.json").write_text(recorded.stdout, encoding="utf-8")
    again = _run(
        tmp_path, "check", "story", "--format", "json", "--baseline", ".checker-baseline.json"
    )
    assert json.loads(again.stdout)["findings"] == []
    assert again.returncode == 0
    article = story / "b.txt"
    header, body = article.read_text(encoding="utf-8").split("\n", 1)
    article.write_text(
        f"{header}\nEditor's note: updated.\n\n{body}The comittee met.\n", encoding="utf-8"
    )
    edited = _run(
        tmp_path, "check", "story", "--format", "json", "--baseline", ".checker-baseline.json"
    )
    new = json.loads(edited.stdout)["findings"]
    assert [(f["rule"], f["evidence"][0]["text"]) for f in new] == [("typo.spelling", "comittee")]
    unfiltered = json.loads(_run(tmp_path, "check", "story", "--format", "json").stdout)["findings"]
    assert "event.start_date" in {f["rule"] for f in unfiltered}  # still found, just known
