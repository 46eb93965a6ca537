"""Loading rule packs: the shipped pack, every kind of invalid rule file, user-added rules."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker import errors
from checker.corpus import make_source
from checker.errors import RuleError
from checker.extract import extract
from checker.nlp import build_pipeline
from checker.rules import DEFAULT_RULES_DIR, KINDS, load_rules

ROOT = Path(__file__).resolve().parent.parent
LEXICON = DEFAULT_RULES_DIR / "lexicon.yml"
INQUEST_SENTENCE = "The coroner's inquest was held on March 3."


def write_pack(folder: Path, files: dict[str, str], *, with_lexicon: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    if with_lexicon:
        shutil.copy(LEXICON, folder / "lexicon.yml")
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def load_error(pack: Path) -> RuleError:
    with pytest.raises(RuleError) as caught:
        load_rules([pack])
    return caught.value


# --- the shipped pack --------------------------------------------------------------------


def test_rules_shipped_pack_loads(ruleset):
    assert {
        "event.start_date",
        "event.end_date",
        "event.date",
        "deadline",
        "event.count",
        "date.weekday_mismatch",
        "date.tense_mismatch",
        "typo.calendar",
        "typo.spelling",
        "typo.name",
    } <= set(ruleset.rules)
    assert all(rule.extends in KINDS for rule in ruleset.rules.values())
    assert ruleset.rules["event.start_date"].level == "error"
    assert ruleset.rules["typo.calendar"].level == "warning"
    assert ruleset.lexicon("months")["feb."] == 2
    assert ruleset.event_classes["summit"] == "gathering"
    assert ruleset.temporal_patterns
    assert re.fullmatch(r"[0-9a-f]{64}", ruleset.digest)
    shipped = [p for p in DEFAULT_RULES_DIR.rglob("*") if p.suffix in (".yml", ".yaml")]
    assert sorted(ruleset.files) == sorted(str(p) for p in shipped)


def test_rules_shipped_pack_lexicon_references_expanded(ruleset):
    def references(value) -> list[str]:
        if isinstance(value, str):
            return [value] if value.startswith("@") else []
        if isinstance(value, list):
            return [r for item in value for r in references(item)]
        if isinstance(value, dict):
            return [r for item in value.values() for r in references(item)]
        return []

    assert references([p["pattern"] for p in ruleset.temporal_patterns]) == []


def test_rules_load_rules_is_repeatable():
    assert load_rules().digest == load_rules([DEFAULT_RULES_DIR]).digest


# --- invalid rule files ------------------------------------------------------------------


WEEKDAY_RULE = "extends: weekday_date\nid: date.weekday\nlevel: error\nmessage: wrong weekday\n"

INVALID_RULES = {
    "missing-extends": (
        "id: date.weekday\nlevel: error\nmessage: wrong weekday\n",
        errors.E202,
        "1:1",
        ["'extends'"],
    ),
    "unknown-extends": (
        "extends: existence\nid: date.weekday\nlevel: error\nmessage: wrong weekday\n",
        errors.E205,
        "1:10",
        ["'existence'", "deadline", "event_date", "temporal", "weekday_date"],
    ),
    "unknown-key": (
        WEEKDAY_RULE + "tokens: [Munday]\n",
        errors.E203,
        "5:1",
        ["'tokens'", "description", "level", "message"],
    ),
    "bad-level": (
        "extends: weekday_date\nid: date.weekday\nlevel: fatal\nmessage: wrong weekday\n",
        errors.E204,
        "3:8",
        ["'fatal'", "error", "warning", "info"],
    ),
    "wrong-type-int": (
        "extends: tense_date\nid: date.tense\nlevel: warning\nmessage: tense\ntolerance_days: two\n",
        errors.E204,
        "5:17",
        ["'tolerance_days'", "an integer"],
    ),
    "wrong-type-list": (
        "extends: event_date\nid: event.start\nlevel: error\nmessage: start\n"
        "relation: start\nverbs: opened\n",
        errors.E204,
        "6:8",
        ["'verbs'", "a list"],
    ),
    "bad-relation": (
        "extends: event_date\nid: event.start\nlevel: error\nmessage: start\n"
        "relation: began\nverbs: [opened]\n",
        errors.E204,
        "5:11",
        ["'began'", "start", "end", "held"],
    ),
    "missing-required-key": (
        "extends: deadline\nid: deadline\nlevel: error\nmessage: deadline\ntriggers: [deadline]\n",
        errors.E202,
        "1:1",
        ["'markers'"],
    ),
    "invalid-spacy-pattern": (
        "extends: temporal\nid: temporal\npatterns:\n  - label: weekday\n"
        "    pattern: [{LOWR: monday}]\n",
        errors.E206,
        "4:5",
        ["LOWR"],
    ),
    "pattern-not-a-list": (
        "extends: temporal\nid: temporal\npatterns:\n  - label: weekday\n    pattern: monday\n",
        errors.E206,
        "4:5",
        ["list of token mappings"],
    ),
    "unknown-lexicon-reference": (
        "extends: temporal\nid: temporal\npatterns:\n  - label: weekday\n"
        '    pattern: [{LOWER: {IN: "@weekdayz"}}]\n',
        errors.E208,
        "4:5",
        ["'@weekdayz'", "weekdays", "months"],
    ),
    "key-written-twice": (
        "extends: event_date\nid: event.start\nlevel: error\nmessage: start\n"
        "relation: start\nverbs: [opened]\nverbs: [began]\n",
        errors.E201,
        "7:1",
        ["'verbs'", "twice"],
    ),
    "message-with-a-stray-brace": (
        "extends: weekday_date\nid: date.weekday\nlevel: error\n"
        'message: "{weekday} is not {date"\n',
        errors.E204,
        "4:10",
        ["message", "template"],
    ),
    "message-with-a-misspelt-field": (
        "extends: event_date\nid: event.start\nlevel: error\n"
        'message: "Sources disagree on when the {evnt} began: {values}"\n'
        "relation: start\nverbs: [opened]\n",
        errors.E204,
        "4:10",
        ["{evnt}", "no field of a finding", "event", "values"],
    ),
    "message-with-a-positional-field": (
        "extends: weekday_date\nid: date.weekday\nlevel: error\n"
        'message: "The weekday is wrong: {0}"\n',
        errors.E204,
        "4:10",
        ["{0}", "no field of a finding"],
    ),
    "message-with-an-attribute": (
        "extends: weekday_date\nid: date.weekday\nlevel: error\n"
        'message: "The weekday is wrong: {date.upper}"\n',
        errors.E204,
        "4:10",
        ["{date.upper}", "no field of a finding"],
    ),
    "message-with-a-format-spec": (
        "extends: weekday_date\nid: date.weekday\nlevel: error\n"
        'message: "The weekday is wrong: {date:>99999999999}"\n',
        errors.E204,
        "4:10",
        ["{date:>99999999999}", "no format or conversion", "{date}"],
    ),
    "message-with-a-conversion": (
        "extends: weekday_date\nid: date.weekday\nlevel: error\n"
        'message: "The weekday is wrong: {date!z}"\n',
        errors.E204,
        "4:10",
        ["{date!z}", "no format or conversion"],
    ),
    "unknown-closed-class-lexicon": (
        "extends: closed_class\nid: typo.calendar\nlevel: warning\nmessage: typo\n"
        "lexicons: [month_names, weekdayz]\n",
        errors.E208,
        "5:25",
        ["'weekdayz'", "weekdays"],
    ),
}


@pytest.mark.parametrize(
    ("text", "code", "where", "mentions"), INVALID_RULES.values(), ids=INVALID_RULES.keys()
)
def test_rules_load_rules_invalid_rule_file(tmp_path, text, code, where, mentions):
    pack = write_pack(tmp_path / "pack", {"rule.yml": text}, with_lexicon=True)
    error = load_error(pack)
    assert str(error).startswith(f"{pack / 'rule.yml'}:{where}: {code} "), str(error)
    for word in mentions:
        assert word in error.message


@pytest.mark.parametrize(
    "text",
    [
        WEEKDAY_RULE + 'description: "never closed\n',
        "extends: weekday_date\nid: [date.weekday\nlevel: error\nmessage: wrong weekday\n",
        "extends: weekday_date\n  id: date.weekday\n level: error\n",
        "extends: weekday_date\nid: date.weekday\n\tlevel: error\n",
    ],
    ids=["unclosed-quote", "unclosed-bracket", "bad-indent", "tab-indent"],
)
def test_rules_load_rules_invalid_yaml(tmp_path, text):
    pack = write_pack(tmp_path / "pack", {"rule.yml": text})
    error = load_error(pack)
    assert error.code == errors.E201
    assert re.match(rf"{re.escape(str(pack / 'rule.yml'))}:\d+:\d+: E201 invalid YAML", str(error))
    assert 1 <= error.line <= text.count("\n") + 1


def test_rules_load_rules_not_a_mapping(tmp_path):
    pack = write_pack(tmp_path / "pack", {"rule.yml": "- extends: weekday_date\n"})
    error = load_error(pack)
    assert str(error).startswith(f"{pack / 'rule.yml'}:1:1: E204 ")
    assert "'extends:'" in error.message


def test_rules_load_rules_duplicate_rule_id(tmp_path):
    pack = write_pack(
        tmp_path / "pack",
        {
            "a-weekday.yml": WEEKDAY_RULE,
            "b-tense.yml": "extends: tense_date\nid: date.weekday\nlevel: warning\nmessage: tense\n",
        },
    )
    error = load_error(pack)
    assert str(error).startswith(f"{pack / 'b-tense.yml'}:2:5: E207 ")
    assert "'date.weekday'" in error.message
    assert str(pack / "a-weekday.yml") in error.message


def test_rules_load_rules_duplicate_across_packs(tmp_path):
    extra = write_pack(
        tmp_path / "extra", {"start.yml": (DEFAULT_RULES_DIR / "event-start.yml").read_text()}
    )
    with pytest.raises(RuleError) as caught:
        load_rules([DEFAULT_RULES_DIR, extra])
    assert caught.value.code == errors.E207
    assert str(caught.value).startswith(f"{extra / 'start.yml'}:")


def test_rules_load_rules_missing_pack(tmp_path):
    missing = tmp_path / "no-such-pack"
    with pytest.raises(RuleError) as caught:
        load_rules([missing])
    assert str(missing) in str(caught.value)


def test_rules_load_rules_empty_pack_warns(tmp_path):
    pack = write_pack(tmp_path / "empty", {"notes.txt": "rules go here"})
    with pytest.warns(UserWarning, match="W001"):
        ruleset = load_rules([pack])
    assert ruleset.rules == {}


def test_rules_load_rules_temporal_without_patterns_warns(tmp_path):
    pack = write_pack(
        tmp_path / "pack", {"temporal.yml": "extends: temporal\nid: t\npatterns: []\n"}
    )
    with pytest.warns(UserWarning, match="W001"):
        load_rules([pack])


def test_rules_load_rules_disabled_rule_is_skipped(tmp_path):
    pack = write_pack(tmp_path / "pack", {"rule.yml": WEEKDAY_RULE + "enabled: false\n"})
    assert load_rules([pack]).rules == {}


def test_rules_cli_bad_rules_dir_exits_2(tmp_path):
    pack = write_pack(
        tmp_path / "pack",
        {"weekday.yml": "extends: weekday_date\nid: date.weekday\nlevel: fatal\nmessage: m\n"},
    )
    completed = subprocess.run(
        [sys.executable, "-m", "checker", "check", "seeds/", "--rules", str(pack)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 2
    stderr_lines = completed.stderr.splitlines()
    assert len(stderr_lines) == 1, completed.stderr
    assert f"{pack / 'weekday.yml'}:3:8: E204" in stderr_lines[0]
    assert "Traceback" not in completed.stderr


# --- rules are data: a user-added event word ---------------------------------------------


def dated_events(ruleset, nlp, text: str) -> list[tuple[str, str, str]]:
    source = make_source(source_id="a.txt", story="story", path="a.txt", raw_text=text)
    extraction = extract(nlp(source.text), source, ruleset)
    return [
        (f.trigger, f.event_class, f.where.text) for f in extraction.facts if f.family == "date"
    ]


def test_rules_shipped_pack_has_no_inquest(ruleset, nlp):
    assert dated_events(ruleset, nlp, INQUEST_SENTENCE) == []


def test_rules_user_added_event_word_dates_the_event(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(DEFAULT_RULES_DIR, pack)
    events = pack / "events.yml"
    original = events.read_text(encoding="utf-8")
    edited = original.replace("verdict: [verdict,", "verdict: [inquest, verdict,")
    assert edited != original
    events.write_text(edited, encoding="utf-8")
    ruleset = load_rules([pack])
    assert ruleset.event_classes["inquest"] == "verdict"
    nlp = build_pipeline(ruleset)
    assert dated_events(ruleset, nlp, INQUEST_SENTENCE) == [("inquest", "verdict", "on March 3")]


def test_rules_an_unknown_currency_catalogue_is_an_error_with_file_and_line(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "money.yml").write_text(
        "extends: lexicon\nlexicons:\n  currency_catalogues: [iso4217]\n", encoding="utf-8"
    )
    with pytest.raises(RuleError) as caught:
        load_rules([pack])
    assert "unknown currency catalogue" in str(caught.value)
    assert "money.yml:3:" in str(caught.value)


# --- a word names one class of event -------------------------------------------------------


def _classes_error(pack: Path, *more: Path) -> RuleError:
    with pytest.raises(RuleError) as caught:
        load_rules([*more, pack])
    return caught.value


def test_rules_word_in_two_event_classes_of_one_file_is_e211_at_its_second_listing(tmp_path):
    pack = tmp_path / "courts"
    pack.mkdir()
    (pack / "events.yml").write_text(
        "extends: event_classes\n"
        "classes:\n"
        "  gathering: [meeting, hearing, session]\n"
        "  verdict: [verdict, sentencing,\n"
        "            hearing]\n",
        encoding="utf-8",
    )
    error = _classes_error(pack)
    assert str(error) == (
        f"{pack / 'events.yml'}:5:13: E211 word 'hearing' is in event class 'verdict' and in "
        f"'gathering' ({pack / 'events.yml'}:3); a word names one class of event"
    )


def test_rules_word_a_desk_pack_puts_in_another_class_than_the_shipped_one_is_e211(tmp_path):
    pack = tmp_path / "courts"
    pack.mkdir()
    (pack / "court-events.yml").write_text(
        "extends: event_classes\nclasses:\n  verdict: [inquest, arraignment, hearing]\n",
        encoding="utf-8",
    )
    error = _classes_error(pack, DEFAULT_RULES_DIR)
    assert error.code == errors.E211
    assert (error.path, error.line, error.column) == (str(pack / "court-events.yml"), 3, 35)
    assert str(DEFAULT_RULES_DIR / "events.yml") in error.message
    assert "'gathering'" in error.message


def test_rules_lead_classes_share_the_event_classes_one_class_per_word(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(DEFAULT_RULES_DIR, pack)
    lead = pack / "event-lead-date.yml"
    original = lead.read_text(encoding="utf-8")
    edited = original.replace("  disaster: [blast, blasts,", "  disaster: [blast, summit, blasts,")
    assert edited != original
    lead.write_text(edited, encoding="utf-8")
    error = _classes_error(pack)
    # the lead rule's file is read first: the error stands at events.yml's listing
    assert error.code == errors.E211 and error.path == str(pack / "events.yml")
    assert f"'gathering' and in 'disaster' ({lead}:22)" in error.message
    assert "'summit'" in error.message


def test_rules_word_listed_twice_in_one_class_or_in_both_lists_of_one_class_loads(tmp_path):
    pack = tmp_path / "courts"
    pack.mkdir()
    (pack / "a-events.yml").write_text(
        "extends: event_classes\nclasses:\n  verdict: [verdict, inquest, Inquest]\n",
        encoding="utf-8",
    )
    (pack / "b-events.yml").write_text(
        "extends: event_classes\nclasses:\n  verdict: [inquest, arraignment]\n", encoding="utf-8"
    )
    ruleset = load_rules([pack])
    assert ruleset.event_classes["inquest"] == ruleset.event_classes["arraignment"] == "verdict"


def test_rules_shipped_rules_list_each_event_word_in_one_class(ruleset):
    classes: dict[str, set[str]] = {}
    for word, event_class in ruleset.event_classes.items():
        classes.setdefault(word, set()).add(event_class)
    for rule in ruleset.of_kind("lead_date"):
        for event_class, words in rule.options.get("classes", {}).items():
            for word in words:
                classes.setdefault(word.lower(), set()).add(event_class)
    assert {w: c for w, c in classes.items() if len(c) > 1} == {}


def test_rules_refused_regex_in_a_temporal_pattern_names_file_and_line(tmp_path):
    pack = write_pack(
        tmp_path / "pack",
        {
            "r.yml": "extends: temporal\nid: desk.temporal\npatterns:\n"
            '  - label: [weekday]\n    pattern: [{"LOWER": {"REGEX": "(a+)+"}}]\n'
        },
    )
    with pytest.raises(RuleError) as caught:
        load_rules([pack])
    assert str(caught.value).startswith(f"{pack / 'r.yml'}:4:")
    assert "E206" in str(caught.value)
