"""An event's first day set off by a start marker after its event word ("a 24-hour strike
from Monday", "a walkout starting on Friday"), rule ``event.start_date``.

Every article below is invented for these tests.
"""

from __future__ import annotations

import datetime as dt

from tests.conftest import check_articles as _check

RULE = "event.start_date"


def _starts(normalize_text, text: str, published: dt.date) -> list:
    return [f for f in normalize_text(text, published=published).facts if f.kind == RULE]


def _findings(result) -> list:
    return [f for f in result.findings if f.rule == RULE]


_WIRE = (
    "Dock workers to strike at Kessin\n\n"
    "KESSIN, May 5 (Harbour Wire) - The port operator at Kessin said on Tuesday it had "
    "halted all container handling after the dockers' union called a 72-hour strike "
    "from Thursday over pay and rosters.\n"
)
_WEEKLY = (
    "What shippers need to know about the Kessin stoppage\n\n"
    "Freight forwarders with cargo due at Kessin this week face delays, as a three-day "
    "walkout over pay by the port's dockers starting on Friday halts container handling.\n"
)


def test_a_strike_from_a_weekday_is_its_first_day_the_nearer_such_day(normalize_text):
    # the call is past, the strike ahead: Thursday two days on, not five days back
    (fact,) = _starts(normalize_text, _WIRE, dt.date(2026, 5, 5))
    assert fact.text == "from Thursday"
    assert fact.value.start == dt.date(2026, 5, 7)
    # told on a Saturday, the strike from Thursday has begun: two days back
    (fact,) = _starts(normalize_text, _WIRE, dt.date(2026, 5, 9))
    assert fact.value.start == dt.date(2026, 5, 7)


def test_a_walkout_starting_on_a_weekday_is_its_first_day(normalize_text):
    (fact,) = _starts(normalize_text, _WEEKLY, dt.date(2026, 5, 6))
    assert (fact.text, fact.value.start) == ("on Friday", dt.date(2026, 5, 8))


def test_no_start_for_a_span_of_days_or_a_verb_between(normalize_text):
    published = dt.date(2026, 5, 5)
    for sentence in (
        "The dockers' union called a 72-hour strike from Thursday to Saturday over pay.",
        "The dockers' union said a 72-hour strike, which it called off, from Thursday.",
    ):
        text = "Kessin dockers\n\nThe port is quiet.\n\n" + sentence + "\n"
        assert _starts(normalize_text, text, published) == [], sentence


def test_two_outlets_giving_a_strike_two_first_days_disagree(ruleset, nlp):
    # Thursday May 7 (told on Tuesday May 5) against Friday May 8 (told on Wednesday May 6)
    result = _check(
        ruleset,
        nlp,
        ("wire.txt", "2026-05-05", _WIRE),
        ("weekly.md", "2026-05-06", _WEEKLY),
    )
    (finding,) = _findings(result)
    assert {e.text for e in finding.evidence} == {"from Thursday", "on Friday"}


def test_one_first_day_told_as_a_weekday_and_as_the_next_day_agrees(ruleset, nlp):
    # the weekly, published Wednesday May 6, saying Thursday names the wire's Thursday
    weekly = _WEEKLY.replace("on Friday", "on Thursday")
    result = _check(
        ruleset,
        nlp,
        ("wire.txt", "2026-05-05", _WIRE),
        ("weekly.md", "2026-05-06", weekly),
    )
    starts = {f.source_id: f.value.start for f in result.facts if f.kind == RULE}
    assert starts == {"wire.txt": dt.date(2026, 5, 7), "weekly.md": dt.date(2026, 5, 7)}
    assert _findings(result) == []


def test_a_stoppage_for_a_span_of_hours_from_a_weekday_starts_that_day(ruleset, nlp):
    """A duration between the event and "from" ("will walk off the job for 24 hours from
    Thursday") dates nothing, so Thursday is the walkout's first day, and another outlet's
    "a one-day stoppage by its pilots that began on Wednesday" disagrees with it."""
    result = _check(
        ruleset,
        nlp,
        (
            "wire.txt",
            None,
            "Tarrow Air pilots to strike\n\nBRISK, March 4 (Sky Wire) - Pilots at Tarrow Air"
            " will walk off the job for 24 hours from Thursday, their union said after a"
            " pay offer was rejected.\n",
        ),
        (
            "weekly.txt",
            "2026-03-09",
            "Tarrow Air flights resume\n\nTarrow Air flights are running again after a"
            " 24-hour strike by its pilots, which began on Wednesday, kept its fleet on the ground.\n",
        ),
    )
    (finding,) = _findings(result)
    assert sorted((e.text, e.normalized) for e in finding.evidence) == [
        ("from Thursday", "2026-03-05"),
        ("on Wednesday", "2026-03-04"),
    ]
