"""Alignment: the same event across outlets is one group; different events never are.

Every article below is invented for these tests.
"""

from __future__ import annotations

import pytest

from checker.align import align, units_of
from checker.corpus import make_source
from checker.extract import extract
from checker.normalize import normalize_story


def _normalized(ruleset, nlp, *articles):
    """Normalize ``(source_id, published, text)`` articles as one story."""
    sources = [
        make_source(
            source_id=source_id,
            story="story",
            path=source_id,
            raw_text=text,
            meta={"date": published, "outlet": source_id.split(".")[0]},
        )
        for source_id, published, text in articles
    ]
    extractions = [extract(nlp(source.text), source, ruleset) for source in sources]
    return normalize_story(extractions, ruleset)


def _aligned(ruleset, nlp, *articles) -> dict[str, list[set[tuple[str, str]]]]:
    """Rule id -> groups, each group the set of (source id, fact words) it aligns."""
    groups: dict[str, list[set[tuple[str, str]]]] = {}
    for alignment in align(_normalized(ruleset, nlp, *articles), ruleset):
        members = {(unit.source_id, fact.text) for unit in alignment.units for fact in unit.facts}
        groups.setdefault(alignment.rule, []).append(members)
    return groups


COMMITTEE_SESSION = (
    "steppe-herald.txt",
    "2024-03-14",
    "The ruling National Harmony Party opened a full session of its central committee "
    "on Monday in Ulaanbaatar.\n",
)


@pytest.mark.parametrize(
    "other",
    [
        "A ruling party meeting of the National Harmony Party central committee began on Monday "
        "in Ulaanbaatar.\n",
        "Members of the National Harmony Party central committee gathered in Ulaanbaatar for a "
        "ruling party meeting that opened on Monday.\n",
    ],
)
def test_align_same_event_named_differently_is_aligned(ruleset, nlp, other):
    groups = _aligned(ruleset, nlp, COMMITTEE_SESSION, ("nomad-wire.txt", "2024-03-14", other))
    assert groups.get("event.start_date") == [
        {("steppe-herald.txt", "on Monday"), ("nomad-wire.txt", "on Monday")}
    ]


def test_align_alignment_records_the_direct_pair(ruleset, nlp):
    alignments = align(
        _normalized(
            ruleset,
            nlp,
            COMMITTEE_SESSION,
            (
                "nomad-wire.txt",
                "2024-03-14",
                "A ruling party meeting of the National Harmony Party central committee began on "
                "Monday in Ulaanbaatar.\n",
            ),
        ),
        ruleset,
    )
    (alignment,) = [a for a in alignments if a.rule == "event.start_date"]
    assert {unit.source_id for unit in alignment.units} == {"steppe-herald.txt", "nomad-wire.txt"}
    assert len(alignment.pairs) == 1


def test_align_party_meeting_is_not_summit_in_same_article(ruleset, nlp):
    groups = _aligned(
        ruleset,
        nlp,
        COMMITTEE_SESSION,
        (
            "nomad-wire.txt",
            "2024-03-14",
            "A ruling party meeting of the National Harmony Party central committee began on "
            "Monday in Ulaanbaatar.\n\n"
            "Separately, President Batbayar Oyun will hold a summit with Kazakh President Nurlan "
            "Serikbayev on Wednesday in Astana.\n",
        ),
    )
    aligned_words = {member for rule_groups in groups.values() for g in rule_groups for member in g}
    assert ("nomad-wire.txt", "on Wednesday") not in aligned_words
    assert groups.get("event.start_date") == [
        {("steppe-herald.txt", "on Monday"), ("nomad-wire.txt", "on Monday")}
    ]


def test_align_party_meeting_is_not_summit_on_same_day(ruleset, nlp):
    groups = _aligned(
        ruleset,
        nlp,
        COMMITTEE_SESSION,
        (
            "nomad-wire.txt",
            "2024-03-14",
            "President Batbayar Oyun and Kazakh President Nurlan Serikbayev opened a two-day "
            "summit on Monday in Astana.\n",
        ),
    )
    assert groups == {}


SUMMIT = "Chancellor Ilse Brandauer and President Marek Dvorsky took place on Tuesday in Vienna.\n"


@pytest.mark.parametrize(
    ("other_words", "same_event"),
    [
        ("The second meeting", True),
        ("The third meeting", False),
    ],
)
def test_align_conflicting_ordinals_are_different_events(ruleset, nlp, other_words, same_event):
    groups = _aligned(
        ruleset,
        nlp,
        ("alpine-post.txt", "2024-03-14", "The second summit between " + SUMMIT),
        ("lakeside-daily.txt", "2024-03-14", f"{other_words} between " + SUMMIT),
    )
    expected = [{("alpine-post.txt", "on Tuesday"), ("lakeside-daily.txt", "on Tuesday")}]
    assert groups.get("event.date", []) == (expected if same_event else [])


def test_align_background_event_is_not_this_weeks_event(ruleset, nlp):
    groups = _aligned(
        ruleset,
        nlp,
        (
            "alpine-post.txt",
            "2024-03-14",
            "Chancellor Ilse Brandauer and President Marek Dvorsky held a summit on Tuesday "
            "in Vienna.\n",
        ),
        (
            "lakeside-daily.txt",
            "2024-03-14",
            "Chancellor Ilse Brandauer and President Marek Dvorsky held a summit in Vienna "
            "in June 2019.\n",
        ),
    )
    assert "event.date" not in groups


@pytest.mark.parametrize(
    ("first", "second", "same_event"),
    [
        ("in May 2019", "in 2021", False),
        ("in May 2019", "in 2019", True),
    ],
)
def test_align_explicitly_dated_years_must_agree(ruleset, nlp, first, second, same_event):
    text = "Chancellor Ilse Brandauer and President Marek Dvorsky held a summit in Vienna {}.\n"
    groups = _aligned(
        ruleset,
        nlp,
        ("alpine-post.txt", "2024-03-14", text.format(first)),
        ("lakeside-daily.txt", "2024-03-14", text.format(second)),
    )
    expected = [{("alpine-post.txt", first), ("lakeside-daily.txt", second)}]
    assert groups.get("event.date", []) == (expected if same_event else [])


COUNT_ARTICLES = (
    (
        "alpine-post.txt",
        "2024-03-14",
        "Chancellor Ilse Brandauer and President Marek Dvorsky have now held three working "
        "meetings.\n",
    ),
    (
        "lakeside-daily.txt",
        "2024-03-14",
        "It was the third summit between Ilse Brandauer and Marek Dvorsky.\n",
    ),
    (
        "bern-ledger.txt",
        "2024-03-14",
        "Trade negotiators from both sides held a fourth round of talks in Bern.\n",
    ),
)


def test_align_counts_grouped_by_series_name(ruleset, nlp):
    groups = _aligned(ruleset, nlp, *COUNT_ARTICLES)
    assert groups.get("event.count") == [
        {
            ("alpine-post.txt", "three working meetings"),
            ("lakeside-daily.txt", "the third summit"),
        }
    ]


@pytest.mark.parametrize(
    ("source_id", "key"),
    [
        ("alpine-post.txt", "series:meetings"),
        ("lakeside-daily.txt", "series:meetings"),
        ("bern-ledger.txt", "series:rounds"),
    ],
)
def test_align_count_unit_key_is_series(ruleset, nlp, source_id, key):
    units = units_of(_normalized(ruleset, nlp, *COUNT_ARTICLES), ruleset)
    assert [u.key for u in units if u.source_id == source_id and u.rule == "event.count"] == [key]


@pytest.mark.parametrize(
    ("kind_words", "same_event"),
    [
        ("A plea and case management hearing", False),
        ("A bail hearing", True),
        ("A hearing", True),
    ],
    ids=["another-kind", "same-kind", "no-kind"],
)
def test_align_hearings_of_other_kinds_are_different_events(ruleset, nlp, kind_words, same_event):
    """A recurring event's instances told apart by the word before it: "a bail hearing" is
    not "a plea hearing" of the same case, though their sentences share the case's words."""
    groups = _aligned(
        ruleset,
        nlp,
        (
            "court-wire.txt",
            "2024-03-14",
            "Dorian Vell, 41, appeared at Ashford Crown Court charged with arson. A bail hearing"
            " in the case of Dorian Vell was held at Ashford Crown Court on Tuesday.\n",
        ),
        (
            "county-post.txt",
            "2024-03-14",
            "Dorian Vell, 41, appeared at Ashford Crown Court charged with arson."
            f" {kind_words} in the case of Dorian Vell will be held at Ashford Crown Court on"
            " April 30.\n",
        ),
    )
    aligned = [
        {(source, text) for source, text in group if text in ("on Tuesday", "on April 30")}
        for group in groups.get("event.date", [])
    ]
    expected = [{("court-wire.txt", "on Tuesday"), ("county-post.txt", "on April 30")}]
    assert aligned == (expected if same_event else [])


def test_align_a_trial_and_a_sentencing_are_two_events(ruleset, nlp):
    # one case's trial and its sentencing are dated apart: never one event misdated
    from tests.conftest import check_articles

    result = check_articles(
        ruleset,
        nlp,
        (
            "a.txt",
            "2025-01-03",
            "The trial of Ivo Marsh over the Kell barn arson is set for June 17.\n",
        ),
        (
            "b.txt",
            "2025-09-27",
            "Formal sentencing of Ivo Marsh over the Kell barn arson will be on Nov. 8.\n",
        ),
    )
    assert [f for f in result.findings if f.rule == "event.date"] == []
