"""Loading the rule kinds ``quantity`` and ``event_place``: valid rules of a desk's own pack
load and work end to end; invalid ones stop loading with ``file:line:col`` and the code.

Every sentence below is invented for these tests.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker import errors
from checker.corpus import make_source
from checker.errors import RuleError
from checker.extract import extract
from checker.nlp import build_pipeline
from checker.normalize import normalize
from checker.rules import DEFAULT_RULES_DIR, DIMENSIONS, KINDS, RuleSet, load_rules
from tests.conftest import check_articles as _check

PUBLISHED = "2024-10-14"

GOALS_RULE = (
    "extends: quantity\n"
    "id: sport.goals\n"
    "level: error\n"
    'message: "Sources disagree on {measure}: {values}"\n'
    "dimensions: [count]\n"
    "measures:\n"
    "  the goals scored: [goals, scored, netted]\n"
    "  the assists: [assists]\n"
)
VENUE_RULE = (
    "extends: event_place\n"
    "id: sport.venue\n"
    "level: warning\n"
    'message: "Sources disagree on where the {event} took place: {values}"\n'
    "prepositions: [at]\n"
    "venues: [stadium, oval]\n"
    "same_place_km: 5\n"
)


def _write_pack(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _load_error(*packs: Path) -> RuleError:
    with pytest.raises(RuleError) as caught:
        load_rules(list(packs))
    return caught.value


@pytest.fixture(scope="module")
def sport_ruleset(tmp_path_factory) -> RuleSet:
    """The shipped pack plus a desk's ``sport`` pack that counts goals."""
    sport = _write_pack(tmp_path_factory.mktemp("packs") / "sport", {"goals.yml": GOALS_RULE})
    return load_rules([DEFAULT_RULES_DIR, sport])


@pytest.fixture(scope="module")
def sport_nlp(sport_ruleset):
    return build_pipeline(sport_ruleset)


# --- valid rules -------------------------------------------------------------------------------


def test_rules_kinds_are_declared():
    assert {"quantity", "event_place", "ranked_place", "home_place"} <= set(KINDS)


@pytest.mark.parametrize("dimension", DIMENSIONS)
def test_rules_kinds_every_declared_dimension_loads(tmp_path, dimension):
    text = GOALS_RULE.replace("dimensions: [count]", f"dimensions: [{dimension}]")
    pack = _write_pack(tmp_path / "sport", {"rule.yml": text})
    assert load_rules([pack]).rules["sport.goals"].options["dimensions"] == [dimension]


def test_rules_kinds_shipped_quantities_use_declared_dimensions(ruleset):
    used = {d for rule in ruleset.of_kind("quantity") for d in rule.options.get("dimensions", [])}
    assert used and used <= set(DIMENSIONS)


@pytest.mark.parametrize(
    ("file_text", "rule_id", "extends", "level", "options"),
    [
        (
            GOALS_RULE,
            "sport.goals",
            "quantity",
            "error",
            {
                "dimensions": ["count"],
                "measures": {
                    "the goals scored": ["goals", "scored", "netted"],
                    "the assists": ["assists"],
                },
            },
        ),
        (
            VENUE_RULE,
            "sport.venue",
            "event_place",
            "warning",
            {"prepositions": ["at"], "venues": ["stadium", "oval"], "same_place_km": 5},
        ),
    ],
    ids=["quantity", "event-place"],
)
def test_rules_kinds_valid_rule_loads(tmp_path, file_text, rule_id, extends, level, options):
    pack = _write_pack(tmp_path / "sport", {"rule.yml": file_text})
    ruleset = load_rules([pack])
    rule = ruleset.rules[rule_id]
    assert (rule.extends, rule.level, rule.path, rule.line, rule.options) == (
        extends,
        level,
        str(pack / "rule.yml"),
        1,
        options,
    )


def _number_facts(ruleset: RuleSet, nlp, text: str) -> list[tuple[str, str, str, str]]:
    """(rule, words as written, value, measure) of every quantity fact of ``text``."""
    source = make_source(source_id="a.txt", story="story", path="a.txt", raw_text=text)
    source.published, source.published_from = dt.date.fromisoformat(PUBLISHED), "metadata"
    normalized = normalize(extract(nlp(source.text), source, ruleset), ruleset)
    return [
        (f.kind, f.text, f.value_label(), f.subject)
        for f in normalized.facts
        if f.kind.startswith(("number.", "sport."))
    ]


GOALS_SENTENCE = "Amara Okoye has netted 19 goals for Gor Mahia in the league this season.\n"


def test_rules_kinds_shipped_pack_does_not_count_goals(ruleset, nlp):
    assert _number_facts(ruleset, nlp, GOALS_SENTENCE) == []


def test_rules_kinds_desk_measure_makes_a_number_a_fact(sport_ruleset, sport_nlp):
    assert _number_facts(sport_ruleset, sport_nlp, GOALS_SENTENCE) == [
        ("sport.goals", "19 goals", "19", "the goals scored")
    ]


def test_rules_kinds_desk_measure_compared_across_sources(sport_ruleset, sport_nlp):
    result = _check(
        sport_ruleset,
        sport_nlp,
        ("coastal-herald.txt", PUBLISHED, GOALS_SENTENCE),
        (
            "river-wire.txt",
            PUBLISHED,
            "Amara Okoye, who scored 17 goals for Gor Mahia in the league this season, "
            "was named player of the month.\n",
        ),
    )
    (finding,) = [f for f in result.findings if f.rule == "sport.goals"]
    assert (finding.kind, finding.severity, finding.message) == (
        "discrepancy",
        "error",
        "Sources disagree on the goals scored: 19 (coastal-herald.txt) vs 17 (river-wire.txt)",
    )


# --- invalid rules -----------------------------------------------------------------------------

INVALID_RULES = {
    "measure-not-a-list": (
        "extends: quantity\nid: sport.goals\nlevel: error\nmessage: goals\n"
        "dimensions: [count]\nmeasures:\n  the goals scored: goals\n",
        errors.E204,
        "7:3",
        ["'the goals scored'", "a non-empty list of words"],
    ),
    "measure-empty-list": (
        "extends: quantity\nid: sport.goals\nlevel: error\nmessage: goals\n"
        "measures:\n  the goals scored: []\n",
        errors.E204,
        "6:3",
        ["'the goals scored'", "a non-empty list of words"],
    ),
    "measures-not-a-mapping": (
        "extends: quantity\nid: sport.goals\nlevel: error\nmessage: goals\nmeasures: [goals]\n",
        errors.E204,
        "5:11",
        ["'measures'", "a mapping"],
    ),
    "unknown-dimension": (
        "extends: quantity\nid: sport.goals\nlevel: error\nmessage: goals\n"
        "dimensions: [count, brightness]\nmeasures:\n  the goals scored: [goals]\n",
        errors.E204,
        "5:21",
        ["'brightness'", "count", "rate_change", "currency", "volume"],
    ),
    "running-total-not-a-measure": (
        "extends: quantity\nid: sport.goals\nlevel: error\nmessage: goals\n"
        "running_totals: [assists]\nmeasures:\n  the goals scored: [goals]\n",
        errors.E204,
        "5:18",
        ["'assists'", "not one of this rule's measures"],
    ),
    "quantity-unknown-key": (
        "extends: quantity\nid: sport.goals\nlevel: error\nmessage: goals\n"
        "units: [goals]\nmeasures:\n  the goals scored: [goals]\n",
        errors.E203,
        "5:1",
        ["'units'", "dimensions", "measures"],
    ),
    "event-place-without-prepositions": (
        "extends: event_place\nid: sport.venue\nlevel: error\nmessage: where\nvenues: [stadium]\n",
        errors.E202,
        "1:1",
        ["'prepositions'", "'event_place'"],
    ),
    "event-place-empty-prepositions": (
        "extends: event_place\nid: sport.venue\nlevel: error\nmessage: where\nprepositions: []\n",
        errors.E204,
        "5:15",
        ["'prepositions'", "a non-empty list of words"],
    ),
    "event-place-distance-not-a-number": (
        "extends: event_place\nid: sport.venue\nlevel: error\nmessage: where\n"
        "prepositions: [at]\nsame_place_km: far\n",
        errors.E204,
        "6:16",
        ["'same_place_km'", "a number"],
    ),
}


@pytest.mark.parametrize(
    ("text", "code", "where", "mentions"), INVALID_RULES.values(), ids=INVALID_RULES.keys()
)
def test_rules_kinds_invalid_rule_file(tmp_path, text, code, where, mentions):
    pack = _write_pack(tmp_path / "sport", {"rule.yml": text})
    error = _load_error(pack)
    assert str(error).startswith(f"{pack / 'rule.yml'}:{where}: {code} "), str(error)
    for word in mentions:
        assert word in error.message


@pytest.mark.parametrize(
    ("text", "where", "code"),
    [
        pytest.param(
            "extends: quantity\nid: sport.goals\nlevel: error\nmessage: goals\n"
            "measures:\n  the goals scored: [goals]\n  the assists: assists\n",
            "7:3",
            errors.E204,
            id="second-measure",
        ),
        pytest.param(
            "extends: quantity\nid: sport.goals\nlevel: error\nmessage: goals\n"
            "dimensions:\n  - count\n  - brightness\nmeasures:\n  the goals scored: [goals]\n",
            "7:5",
            errors.E204,
            id="second-dimension",
        ),
        pytest.param(
            "extends: quantity\nid: sport.goals\nlevel: error\nmessage: goals\n"
            "roles: [level,\n        shooter]\nmeasures:\n  the goals scored: [goals]\n",
            "6:9",
            errors.E204,
            id="second-role",
        ),
        pytest.param(
            "extends: quantity\nid: sport.goals\nlevel: error\nmessage: goals\n"
            "measures:\n  the goals scored: [goals]\nrunning_totals:\n  - the goals scored\n"
            "  - the assists\n",
            "9:5",
            errors.E204,
            id="second-running-total",
        ),
        pytest.param(
            "extends: event_place\nid: sport.venue\nlevel: error\nmessage: where\n"
            "prepositions:\n  - at\n  - 7\n",
            "7:5",
            errors.E204,
            id="word-list-item",
        ),
        pytest.param(
            "extends: event_count\nid: sport.rounds\nlevel: error\nmessage: rounds\n"
            "nouns:\n  round: rounds\n  leg: [legs]\n",
            "7:3",
            errors.E204,
            id="second-noun",
        ),
        pytest.param(
            "extends: event_count\nid: sport.rounds\nlevel: error\nmessage: rounds\n"
            "nouns:\n  round: rounds\nrequires:\n  round: [talks]\n  leg: [match]\n",
            "9:3",
            errors.E204,
            id="requires-unknown-noun",
        ),
        pytest.param(
            "extends: lexicon\nlexicons:\n  sport_words: [goal]\n  sport_teams: []\n",
            "4:3",
            errors.E204,
            id="second-lexicon",
        ),
        pytest.param(
            "extends: lexicon\nlexicons:\n  currency_catalogues:\n    - cldr\n    - iso4217\n",
            "5:7",
            errors.E204,
            id="currency-catalogue",
        ),
    ],
)
def test_rules_kinds_error_points_at_the_bad_entry(tmp_path, text, where, code):
    pack = _write_pack(tmp_path / "sport", {"rule.yml": text})
    error = _load_error(pack)
    assert str(error).startswith(f"{pack / 'rule.yml'}:{where}: {code} "), str(error)


def test_rules_kinds_lexicon_defined_again_in_a_desk_pack(tmp_path):
    pack = _write_pack(
        tmp_path / "sport",
        {"places.yml": "extends: lexicon\nlexicons:\n  country_aliases:\n    zembla: ZZ\n"},
    )
    error = _load_error(DEFAULT_RULES_DIR, pack)
    assert str(error).startswith(f"{pack / 'places.yml'}:3:3: {errors.E210} "), str(error)
    assert "'country_aliases'" in error.message
    assert str(DEFAULT_RULES_DIR / "places.yml") in error.message


def test_rules_kinds_lexicon_defined_twice_in_one_pack(tmp_path):
    pack = _write_pack(
        tmp_path / "sport",
        {
            "a-words.yml": "extends: lexicon\nlexicons:\n  sport_words: [goal, assist]\n",
            "b-words.yml": "extends: lexicon\nlexicons:\n  other: [x]\n  sport_words: [try]\n",
        },
    )
    error = _load_error(pack)
    assert error.code == errors.E210
    assert str(error).startswith(f"{pack / 'b-words.yml'}:4:3: {errors.E210} "), str(error)
    assert str(pack / "a-words.yml") in error.message


def test_rules_kinds_desk_lexicon_with_a_new_name_loads(tmp_path):
    pack = _write_pack(
        tmp_path / "sport",
        {"units.yml": "extends: lexicon\nlexicons:\n  measure_units_sport: {yards: yard}\n"},
    )
    ruleset = load_rules([DEFAULT_RULES_DIR, pack])
    assert ruleset.lexicons["measure_units_sport"] == {"yards": "yard"}
    assert ruleset.lexicon_paths["measure_units_sport"] == str(pack / "units.yml")
