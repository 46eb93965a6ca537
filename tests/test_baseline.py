"""Baselines: fingerprints that survive edits elsewhere, and only new findings reported."""

from __future__ import annotations

import dataclasses
import json
import shutil

import pytest

from checker.baseline import (
    SCHEMA,
    filter_new,
    fingerprint,
    load_baseline,
    story_fingerprints,
    write_baseline,
)
from checker.check import check_story
from checker.corpus import iter_stories
from checker.errors import InputError
from checker.model import Evidence, Finding, StoryResult
from tests.conftest import SEEDS

AFP_SEED = "000_d016bcae14bdc05d.txt"
EDITORS_NOTE = "Editor's note: an earlier version of this story misstated a caption.\n\n"
NEW_TYPO = "\n\nAnalysts said the goverment would respond.\n"


@pytest.fixture
def seeds_copy(tmp_path, monkeypatch):
    """A copy of seeds/ under tmp_path, the working directory, so source ids read ``seeds/...``."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "seeds"


@pytest.fixture
def check_seeds(ruleset, nlp):
    """Check ``seeds/`` in the working directory; returns the story results."""

    def run() -> list[StoryResult]:
        return [check_story(s, ruleset=ruleset, nlp=nlp) for s in iter_stories(["seeds/"])]

    return run


def _finding(*evidence: Evidence, rule: str = "event.end_date", story: str = "oslo") -> Finding:
    return Finding("discrepancy", rule, "error", story, "Sources disagree", evidence)


FRIDAY = Evidence("wire/a.txt", 3, 41, "on Friday", "2024-03-08", "The talks ended on Friday.")
THURSDAY = Evidence("wire/b.txt", 5, 12, "on Thursday", "2024-03-07", "They ended on Thursday.")


def test_baseline_fingerprint_ignores_lines_columns_sentence_and_evidence_order():
    moved = dataclasses.replace(
        FRIDAY, line=30, column=2, sentence="Edited: talks ended on Friday."
    )
    assert fingerprint(_finding(FRIDAY, THURSDAY)) == fingerprint(_finding(THURSDAY, moved))
    assert len(fingerprint(_finding(FRIDAY))) == 16


@pytest.mark.parametrize(
    "changed",
    [
        _finding(dataclasses.replace(FRIDAY, text="on Saturday"), THURSDAY),
        _finding(dataclasses.replace(FRIDAY, normalized="2024-03-01"), THURSDAY),
        _finding(dataclasses.replace(FRIDAY, source="wire/c.txt"), THURSDAY),
        _finding(FRIDAY, THURSDAY, rule="event.start_date"),
        _finding(FRIDAY, THURSDAY, story="geneva"),
        _finding(FRIDAY),
    ],
    ids=["words", "value", "source", "rule", "story", "evidence-dropped"],
)
def test_baseline_fingerprint_changes_with_what_the_finding_is_about(changed):
    assert fingerprint(changed) != fingerprint(_finding(FRIDAY, THURSDAY))


def test_baseline_fingerprint_ignores_how_the_path_was_typed():
    typed = [dataclasses.replace(e, source=f"./stories/{e.source}") for e in (FRIDAY, THURSDAY)]
    assert fingerprint(_finding(*typed)) == fingerprint(_finding(FRIDAY, THURSDAY))


def test_baseline_story_given_as_dot_is_named_by_its_folder(seeds_copy, ruleset, nlp, monkeypatch):
    monkeypatch.chdir(seeds_copy)
    [from_inside] = [check_story(s, ruleset=ruleset, nlp=nlp) for s in iter_stories(["."])]
    monkeypatch.chdir(seeds_copy.parent)
    [from_outside] = [check_story(s, ruleset=ruleset, nlp=nlp) for s in iter_stories(["seeds"])]
    assert from_inside.story == "seeds"
    assert story_fingerprints(from_inside) == story_fingerprints(from_outside)


def test_baseline_fingerprints_survive_a_line_inserted_at_the_top(seeds_copy, check_seeds):
    before = check_seeds()
    article = seeds_copy / AFP_SEED
    article.write_text(EDITORS_NOTE + article.read_text(encoding="utf-8"), encoding="utf-8")
    after = check_seeds()
    assert [story_fingerprints(r) for r in after] == [story_fingerprints(r) for r in before]
    lines_before = [e.line for r in before for f in r.findings for e in f.evidence]
    lines_after = [e.line for r in after for f in r.findings for e in f.evidence]
    assert lines_after != lines_before  # the evidence did move
    assert sum(b - a for a, b in zip(lines_before, lines_after, strict=True)) == 2


def test_baseline_hides_known_findings_and_shows_a_new_typo(seeds_copy, check_seeds, tmp_path):
    baseline_file = tmp_path / ".checker-baseline.json"
    baseline_file.write_text(write_baseline(check_seeds()), encoding="utf-8")
    known = load_baseline(baseline_file)
    assert filter_new(check_seeds(), known)[0].findings == []
    article = seeds_copy / AFP_SEED
    text = article.read_text(encoding="utf-8")
    article.write_text(EDITORS_NOTE + text.rstrip("\n") + NEW_TYPO, encoding="utf-8")
    edited = check_seeds()
    new = [f for r in filter_new(edited, known) for f in r.findings]
    assert [(f.rule, [e.text for e in f.evidence]) for f in new] == [
        ("typo.spelling", ["goverment"])
    ]
    assert len(edited[0].findings) == 3  # filter_new returned copies


def test_baseline_document_is_sorted_readable_and_loads_back():
    first = StoryResult("oslo", [], [], [_finding(FRIDAY, THURSDAY)], [])
    second = StoryResult("geneva", [], [], [_finding(FRIDAY, story="geneva")], [])
    document = json.loads(write_baseline([first, second]))
    assert document["schema"] == SCHEMA
    entries = document["fingerprints"]
    assert [e["fingerprint"] for e in entries] == sorted(e["fingerprint"] for e in entries)
    assert {(e["rule"], e["story"], e["message"]) for e in entries} == {
        ("event.end_date", "oslo", "Sources disagree"),
        ("event.end_date", "geneva", "Sources disagree"),
    }


def test_baseline_repeated_finding_is_numbered_so_a_new_occurrence_shows(tmp_path):
    typo = Evidence("wire/a.txt", 2, 5, "goverment", "government", "s")
    again = dataclasses.replace(typo, line=9)
    once = Finding("typo", "typo.spelling", "warning", "oslo", "Possible typo", (typo,))
    twice = Finding("typo", "typo.spelling", "warning", "oslo", "Possible typo", (again,))
    baseline_file = tmp_path / "baseline.json"
    baseline_file.write_text(
        write_baseline([StoryResult("oslo", [], [], [once], [])]), encoding="utf-8"
    )
    later = StoryResult("oslo", [], [], [once, twice], [])
    assert story_fingerprints(later) == [fingerprint(once), f"{fingerprint(once)}:2"]
    assert filter_new([later], load_baseline(baseline_file))[0].findings == [twice]


@pytest.mark.parametrize(
    ("content", "code", "words"),
    [
        ('{"schema": "checker-baseline/2", ', "E110", "not valid JSON"),
        ('{"schema": "checker-report/1", "findings": []}', "E110", "checker-baseline/2"),
        ("[]", "E110", "checker-baseline/2"),
        ('{"schema": "checker-baseline/2", "fingerprints": {}}', "E110", "must be a list"),
        ('{"schema": "checker-baseline/2", "fingerprints": [{"rule": "x"}]}', "E110", "entry 0"),
    ],
    ids=["truncated", "other-schema", "not-an-object", "not-a-list", "no-fingerprint"],
)
def test_baseline_load_rejects_bad_files_naming_them(tmp_path, content, code, words):
    baseline_file = tmp_path / "old-baseline.json"
    baseline_file.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_baseline(baseline_file)
    assert raised.value.code == code
    assert raised.value.path == str(baseline_file)
    assert words in str(raised.value)
    assert str(raised.value).startswith(str(baseline_file))


def test_baseline_load_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="E101 baseline file not found"):
        load_baseline(tmp_path / "nowhere.json")


def test_baseline_load_accepts_plain_fingerprint_strings(tmp_path):
    baseline_file = tmp_path / "baseline.json"
    baseline_file.write_text(
        json.dumps({"schema": SCHEMA, "fingerprints": ["ab12", "cd34:2"]}), encoding="utf-8"
    )
    assert load_baseline(baseline_file) == {"ab12", "cd34:2"}
