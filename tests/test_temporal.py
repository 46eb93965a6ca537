"""Date normalization: temporal expressions in news sentences, anchored on a publication date.

The table runs each sentence through the real pipeline (``normalize_text``) and
checks the value of one expression as a TIMEX-like label. Expected values are
what an editor reading the story on its publication date would say: past tense
looks back (the publication day included), future tense looks ahead, and an
expression with no tense takes the nearest date.
"""

from __future__ import annotations

import datetime as dt

import pytest

from checker.model import Interval
from checker.temporal import TimexParts, duration_value, intervals_agree, parts_of, resolve, timex3

THU_2019_12_26 = dt.date(2019, 12, 26)
FRI_2019_12_27 = dt.date(2019, 12, 27)
SAT_2019_12_28 = dt.date(2019, 12, 28)
MON_2019_12_30 = dt.date(2019, 12, 30)
TUE_2019_12_31 = dt.date(2019, 12, 31)
FRI_2020_01_03 = dt.date(2020, 1, 3)
MON_2020_01_06 = dt.date(2020, 1, 6)
SUN_2020_03_01 = dt.date(2020, 3, 1)
MON_2020_03_02 = dt.date(2020, 3, 2)
WED_2020_03_04 = dt.date(2020, 3, 4)
TUE_2021_06_15 = dt.date(2021, 6, 15)

# (sentence, published, expression, expected label)
CASES = [
    # Weekdays: past -> the most recent on or before publication, future -> the next on or after.
    pytest.param(
        "The opposition leader addressed a rally in the capital on Saturday.",
        THU_2019_12_26,
        "on Saturday",
        "2019-12-21",
        id="weekday-past-previous-week",
    ),
    pytest.param(
        "Polls closed on Saturday and counting began overnight.",
        SAT_2019_12_28,
        "on Saturday",
        "2019-12-28",
        id="weekday-past-publication-day",
    ),
    pytest.param(
        "The jury delivered its verdict on Monday after a two-week trial.",
        WED_2020_03_04,
        "on Monday",
        "2020-03-02",
        id="weekday-past-same-week",
    ),
    pytest.param(
        "The opposition leader will address a rally in the capital on Saturday.",
        THU_2019_12_26,
        "on Saturday",
        "2019-12-28",
        id="weekday-future-same-week",
    ),
    pytest.param(
        "The opposition leader will address a rally in the capital on Saturday.",
        SAT_2019_12_28,
        "on Saturday",
        "2019-12-28",
        id="weekday-future-publication-day",
    ),
    pytest.param(
        "Negotiators are expected to resume the trade talks on Tuesday.",
        THU_2019_12_26,
        "on Tuesday",
        "2019-12-31",
        id="weekday-future-next-week",
    ),
    pytest.param(
        "The club will unveil its new coach on Monday.",
        TUE_2021_06_15,
        "on Monday",
        "2021-06-21",
        id="weekday-future-already-past-this-week",
    ),
    pytest.param(
        "Fans queue outside the stadium on Thursday for tickets to the derby.",
        THU_2019_12_26,
        "on Thursday",
        "2019-12-26",
        id="weekday-no-tense-publication-day",
    ),
    pytest.param(
        "The coach was sacked last Friday.",
        MON_2019_12_30,
        "last Friday",
        "2019-12-27",
        id="last-weekday-past",
    ),
    pytest.param(
        "The coach was sacked last Friday.",
        FRI_2019_12_27,
        "last Friday",
        "2019-12-20",
        id="last-weekday-on-that-weekday",
    ),
    pytest.param(
        "The vote took place on Sunday (Dec 22).",
        THU_2019_12_26,
        "on Sunday (Dec 22)",
        "2019-12-22",
        id="weekday-with-date",
    ),
    # Year-end and the end of the year: December 31.
    pytest.param(
        "The league said the club must pay the fine by year-end.",
        THU_2019_12_26,
        "by year-end",
        "2019-12-31",
        id="year-end-december",
    ),
    pytest.param(
        "The central bank expects inflation to fall below 3 percent by year-end.",
        TUE_2021_06_15,
        "by year-end",
        "2021-12-31",
        id="year-end-june",
    ),
    pytest.param(
        "The finance ministry said the new levy will take effect at the end of the year.",
        MON_2020_03_02,
        "at the end of the year",
        "2020-12-31",
        id="end-of-the-year-future",
    ),
    # The start of a year: its first third, so "February this year" lies within it.
    pytest.param(
        "Turnout has climbed steadily since the start of this year, officials said.",
        THU_2019_12_26,
        "since the start of this year",
        "2019-01-01/2019-05-01",
        id="start-of-this-year-past",
    ),
    pytest.param(
        "The new tariffs will take effect at the start of next year.",
        THU_2019_12_26,
        "at the start of next year",
        "2020-01-01/2020-05-01",
        id="start-of-next-year-future",
    ),
    # This month, earlier this month, next month.
    pytest.param(
        "Exports fell sharply this month as the dispute dragged on.",
        THU_2019_12_26,
        "this month",
        "2019-12",
        id="this-month-past",
    ),
    pytest.param(
        "The tribunal will rule on the appeal this month, its registrar said.",
        TUE_2021_06_15,
        "this month",
        "2021-06",
        id="this-month-future",
    ),
    pytest.param(
        "The court ruled earlier this month that the contract was void.",
        THU_2019_12_26,
        "earlier this month",
        "2019-12-01/2019-12-26",
        id="earlier-this-month",
    ),
    pytest.param(
        "Trade talks will resume next month in Nairobi.",
        THU_2019_12_26,
        "next month",
        "2020-01",
        id="next-month-across-new-year",
    ),
    # Last year, February this year, June last year.
    pytest.param(
        "The party won 41 percent of the vote in the general election last year.",
        THU_2019_12_26,
        "last year",
        "2018",
        id="last-year-december",
    ),
    pytest.param(
        "The union staged 14 strikes last year.",
        dt.date(2021, 1, 4),
        "last year",
        "2020",
        id="last-year-january",
    ),
    pytest.param(
        "Voters approved the new constitution in a referendum in February this year.",
        THU_2019_12_26,
        "in February this year",
        "2019-02",
        id="month-this-year-past",
    ),
    pytest.param(
        "Voters will elect a new president in February this year.",
        MON_2020_01_06,
        "in February this year",
        "2020-02",
        id="month-this-year-future",
    ),
    pytest.param(
        "The two teams last met in the cup final in June last year.",
        THU_2019_12_26,
        "in June last year",
        "2018-06",
        id="month-last-year-december",
    ),
    pytest.param(
        "The two teams last met in the cup final in June last year.",
        dt.date(2020, 1, 10),
        "in June last year",
        "2019-06",
        id="month-last-year-january",
    ),
    # Month and day without a year: the tense picks the year.
    pytest.param(
        "The new parliament will convene for its first session on Jan 1.",
        SAT_2019_12_28,
        "on Jan 1",
        "2020-01-01",
        id="month-day-future-next-year",
    ),
    pytest.param(
        "The tribunal opened the hearing on Jan 1.",
        SAT_2019_12_28,
        "on Jan 1",
        "2019-01-01",
        id="month-day-past-same-year",
    ),
    pytest.param(
        "The ceasefire took effect on Dec 29.",
        FRI_2020_01_03,
        "on Dec 29",
        "2019-12-29",
        id="month-day-past-previous-year",
    ),
    pytest.param(
        "The runoff will be held on March 8.",
        MON_2020_03_02,
        "on March 8",
        "2020-03-08",
        id="month-day-future-passive",
    ),
    pytest.param(
        "The runoff is scheduled for Jan 5.",
        SAT_2019_12_28,
        "Jan 5",
        "2020-01-05",
        id="month-day-scheduled",
    ),
    pytest.param(
        "Nominations for the party leadership close on Jan 10.",
        SAT_2019_12_28,
        "on Jan 10",
        "2020-01-10",
        id="month-day-no-tense-nearest",
    ),
    pytest.param(
        "The ferry sank on Dec 29 off the southern coast.",
        dt.date(2020, 7, 10),
        "on Dec 29",
        "2019-12-29",
        id="month-day-irregular-past-verb",
    ),
    # Explicit dates.
    pytest.param(
        "The ferry capsized on Dec 29 off the southern coast.",
        TUE_2019_12_31,
        "on Dec 29",
        "2019-12-29",
        id="explicit-dec-29",
    ),
    pytest.param(
        "The transfer window will close on December 31.",
        THU_2019_12_26,
        "on December 31",
        "2019-12-31",
        id="explicit-december-31",
    ),
    pytest.param(
        "The accord was signed on 29 December 2019 in Vienna.",
        dt.date(2020, 6, 1),
        "on 29 December 2019",
        "2019-12-29",
        id="explicit-day-month-year",
    ),
    pytest.param(
        "The board approved the merger on 2019-12-29.",
        dt.date(2020, 1, 5),
        "on 2019-12-29",
        "2019-12-29",
        id="explicit-iso",
    ),
    pytest.param(
        "Lawmakers voted on Dec. 16 to impeach the governor.",
        THU_2019_12_26,
        "on Dec. 16",
        "2019-12-16",
        id="explicit-abbreviation-with-dot",
    ),
    pytest.param(
        "The Games will open on July 24, 2020.",
        THU_2019_12_26,
        "on July 24, 2020",
        "2020-07-24",
        id="explicit-year-future",
    ),
    pytest.param(
        "The law took effect on Jan 1, 2019.",
        SAT_2019_12_28,
        "on Jan 1, 2019",
        "2019-01-01",
        id="explicit-year-wins-over-tense",
    ),
    pytest.param(
        "The referendum was held on Feb 29.",
        dt.date(2020, 3, 5),
        "on Feb 29",
        "2020-02-29",
        id="leap-day-past-same-year",
    ),
    pytest.param(
        "The referendum was held on Feb 29.",
        dt.date(2021, 3, 5),
        "on Feb 29",
        "2020-02-29",
        id="leap-day-past-previous-year",
    ),
    # Weeks and weekends.
    pytest.param(
        "Prosecutors filed the charges last week.",
        THU_2019_12_26,
        "last week",
        "2019-W51",
        id="last-week",
    ),
    pytest.param(
        "The finance ministers will meet next week.",
        THU_2019_12_26,
        "next week",
        "2020-W01",
        id="next-week-across-new-year",
    ),
    pytest.param(
        "The finance ministers will meet next week.",
        TUE_2021_06_15,
        "next week",
        "2021-W25",
        id="next-week-june",
    ),
    pytest.param(
        "The derby will be played this weekend.",
        THU_2019_12_26,
        "this weekend",
        "2019-12-28/2019-12-29",
        id="this-weekend",
    ),
    # By the end of June: June 30 of the year the tense points to.
    pytest.param(
        "The two sides aim to conclude a deal by the end of June.",
        dt.date(2021, 3, 10),
        "by the end of June",
        "2021-06-30",
        id="end-of-june-future-ahead",
    ),
    pytest.param(
        "The two sides aim to conclude a deal by the end of June.",
        dt.date(2021, 7, 10),
        "by the end of June",
        "2022-06-30",
        id="end-of-june-future-next-year",
    ),
    pytest.param(
        "The company had repaid the loan by the end of June, the filing showed.",
        dt.date(2021, 9, 1),
        "by the end of June",
        "2021-06-30",
        id="end-of-june-past",
    ),
    # "May" is a month after "of" and a period word both: "the end of May" is one expression.
    pytest.param(
        "The contractor said the taxiway works would be completed by the end of May.",
        dt.date(2026, 3, 2),
        "by the end of May",
        "2026-05-31",
        id="end-of-may-future",
    ),
    # Quarters.
    pytest.param(
        "The economy shrank in the first quarter.",
        dt.date(2020, 6, 15),
        "in the first quarter",
        "2020-Q1",
        id="first-quarter-past",
    ),
    pytest.param(
        "Output is expected to recover in the first quarter.",
        THU_2019_12_26,
        "in the first quarter",
        "2020-Q1",
        id="first-quarter-future-next-year",
    ),
    pytest.param(
        "The economy grew 0.4 percent in the fourth quarter.",
        dt.date(2020, 2, 10),
        "in the fourth quarter",
        "2019-Q4",
        id="fourth-quarter-past-previous-year",
    ),
    pytest.param(
        "The economy grew 0.4 percent in the fourth quarter of last year.",
        dt.date(2020, 2, 10),
        "in the fourth quarter of last year",
        "2019-Q4",
        id="fourth-quarter-of-last-year",
    ),
    pytest.param(
        "The appeal will be heard in the first quarter of next year.",
        THU_2019_12_26,
        "in the first quarter of next year",
        "2020-Q1",
        id="first-quarter-of-next-year",
    ),
    # Yesterday, today, tomorrow.
    pytest.param(
        "The verdict was delivered yesterday.",
        THU_2019_12_26,
        "yesterday",
        "2019-12-25",
        id="yesterday",
    ),
    pytest.param(
        "Polling stations opened yesterday in the north.",
        SUN_2020_03_01,
        "yesterday",
        "2020-02-29",
        id="yesterday-leap-day",
    ),
    pytest.param(
        "The strike continues today across the rail network.",
        MON_2020_03_02,
        "today",
        "2020-03-02",
        id="today",
    ),
    pytest.param(
        "The jury will resume deliberations tomorrow.",
        TUE_2019_12_31,
        "tomorrow",
        "2020-01-01",
        id="tomorrow-new-year",
    ),
    # Since: looks back.
    pytest.param(
        "The party has governed since October 2007.",
        THU_2019_12_26,
        "since October 2007",
        "2007-10",
        id="since-month-year",
    ),
    pytest.param(
        "The striker has not scored since October.",
        dt.date(2019, 3, 15),
        "since October",
        "2018-10",
        id="since-month-previous-year",
    ),
    # A date before its noun is not governed by the clause's verb.
    pytest.param(
        "The judge set a Nov. 15 hearing on the motion.",
        dt.date(2019, 11, 2),
        "Nov. 15",
        "2019-11-15",
        id="attributive-hearing-ahead",
    ),
    pytest.param(
        "The defence had sought to delay a Nov. 15 hearing on the motion.",
        dt.date(2019, 12, 20),
        "Nov. 15",
        "2019-11-15",
        id="attributive-hearing-behind",
    ),
    pytest.param(
        "The federation rejected the Jan. 15 deadline for a new offer.",
        SAT_2019_12_28,
        "Jan. 15",
        "2020-01-15",
        id="attributive-deadline-past-verb",
    ),
    # A four-figure clock before its zone is no year.
    pytest.param(
        "The storm made landfall at 2015 GMT on Thursday near the port.",
        THU_2019_12_26,
        "2015 GMT on Thursday",
        "2019-12-26",
        id="four-figure-clock-in-gmt",
    ),
    pytest.param(
        "Power returned at 2030 local time on Tuesday, the grid operator said.",
        THU_2019_12_26,
        "2030 local time on Tuesday",
        "2019-12-24",
        id="four-figure-clock-local-time",
    ),
    pytest.param(
        "The plant has been idle since 2015, the operator said.",
        THU_2019_12_26,
        "since 2015",
        "2015",
        id="four-figures-without-zone-are-a-year",
    ),
    pytest.param(
        "The campaign should be over by May 29, the ministry said.",
        THU_2019_12_26,
        "May 29",
        "2020-05-29",
        id="may-and-its-day-after-by",
    ),
]


def _timex_at(normalized, expression: str):
    """The one resolved expression overlapping the first occurrence of ``expression``."""
    text = normalized.source.text
    assert expression in text, f"{expression!r} is not in {text!r}"
    start = text.index(expression)
    end = start + len(expression)
    hits = [
        t for t in normalized.timexes if t.mention.where.start < end and t.mention.where.end > start
    ]
    found = [t.mention.where.text for t in normalized.timexes]
    assert len(hits) == 1, f"expected one expression at {expression!r}, found {found}"
    return hits[0]


@pytest.mark.parametrize(("sentence", "published", "expression", "expected"), CASES)
def test_temporal_resolves_expression(normalize_text, sentence, published, expression, expected):
    timex = _timex_at(normalize_text(sentence, published=published), expression)
    assert timex.value is not None, f"{expression!r} was not resolved"
    assert timex.value.label() == expected


@pytest.mark.parametrize(
    ("sentence", "expression"),
    [
        ("The ferry capsized on Dec 29 off the southern coast.", "on Dec 29"),
        ("Lawmakers voted on Dec. 16 to impeach the governor.", "on Dec. 16"),
        ("The runoff is scheduled for Jan 5.", "Jan 5"),
    ],
)
def test_temporal_month_day_without_publication_date_has_unknown_year(
    normalize_text, sentence, expression
):
    timex = _timex_at(normalize_text(sentence), expression)
    assert timex.value is not None
    assert timex.value.year_known is False
    assert timex.value.label().startswith("XXXX-")


@pytest.mark.parametrize(
    ("sentence", "expression"),
    [
        ("The opposition leader addressed a rally in the capital on Saturday.", "on Saturday"),
        ("Prosecutors filed the charges last week.", "last week"),
        ("The verdict was delivered yesterday.", "yesterday"),
        ("The league said the club must pay the fine by year-end.", "by year-end"),
    ],
)
def test_temporal_relative_without_publication_date_is_unresolved(
    normalize_text, sentence, expression
):
    assert _timex_at(normalize_text(sentence), expression).value is None


# parts_of: the words of an expression -> what it states.


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (("on", "Sunday", "(", "Dec", "29", ")"), TimexParts(weekday=6, month=12, day=29)),
        (("2019", "-", "12", "-", "29"), TimexParts(year=2019, month=12, day=29)),
        (("29", "December", "2019"), TimexParts(year=2019, month=12, day=29)),
        (("year", "-", "end"), TimexParts(unit="year", relative=0, mod="end", compound_end=True)),
        (("last", "week"), TimexParts(relative=-1, unit="week")),
        (("yesterday",), TimexParts(deictic=-1)),
        (("Feb", "29"), TimexParts(month=2, day=29)),
    ],
    ids=[
        "weekday-with-date",
        "iso",
        "day-month-year",
        "year-end",
        "last-week",
        "yesterday",
        "feb-29",
    ],
)
def test_temporal_parts_of_reads_words(ruleset, words, expected):
    assert parts_of(words, ruleset.lexicons) == expected


def test_temporal_parts_of_lowercase_may_is_not_a_month(ruleset):
    assert parts_of(("may",), ruleset.lexicons).is_empty()
    assert parts_of(("May",), ruleset.lexicons).month == 5


# resolve: parts + anchor + tense -> an interval.


@pytest.mark.parametrize(
    ("parts", "anchor"),
    [
        (TimexParts(relative=-1, unit="year"), dt.date(1, 1, 1)),  # "last year" before year 1
        (TimexParts(relative=1, unit="year"), dt.date(9999, 6, 1)),  # "next year" after 9999
        (TimexParts(deictic=1), dt.date(9999, 12, 31)),  # "tomorrow" off the calendar
    ],
)
def test_temporal_resolve_off_the_calendar_is_unresolved(parts, anchor):
    assert resolve(parts, anchor, "none") is None


@pytest.mark.parametrize("tense", ["past", "future", "none"])
def test_temporal_resolve_feb_29_without_anchor_keeps_the_day(tense):
    value = resolve(TimexParts(month=2, day=29), None, tense)
    assert value is not None
    assert value.year_known is False
    assert value.label() == "XXXX-02-29"


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (TimexParts(month=12, day=29), "XXXX-12-29"),
        (TimexParts(month=6), "XXXX-06"),
    ],
    ids=["month-day", "month"],
)
def test_temporal_resolve_without_anchor_has_unknown_year(parts, expected):
    value = resolve(parts, None, "past")
    assert value is not None
    assert value.year_known is False
    assert value.label() == expected


@pytest.mark.parametrize(
    "parts",
    [
        TimexParts(weekday=5),
        TimexParts(deictic=-1),
        TimexParts(relative=-1, unit="week"),
        TimexParts(relative=0, unit="month"),
        TimexParts(unit="year", relative=0, mod="end"),
        TimexParts(quarter=1),
    ],
    ids=["weekday", "yesterday", "last-week", "this-month", "year-end", "first-quarter"],
)
def test_temporal_resolve_relative_without_anchor_is_none(parts):
    assert resolve(parts, None, "past") is None


@pytest.mark.parametrize(
    ("anchor", "tense", "expected"),
    [
        (dt.date(2021, 3, 5), "past", "2020-02-29"),
        (dt.date(2019, 6, 1), "future", "2020-02-29"),
        (dt.date(2020, 2, 29), "past", "2020-02-29"),
        (dt.date(2020, 2, 29), "future", "2020-02-29"),
    ],
    ids=["past-year-after", "future-year-before", "past-on-the-day", "future-on-the-day"],
)
def test_temporal_resolve_feb_29_finds_the_leap_year(anchor, tense, expected):
    value = resolve(TimexParts(month=2, day=29), anchor, tense)
    assert value is not None
    assert value.label() == expected


def test_temporal_resolve_feb_29_of_a_common_year_is_none():
    assert resolve(TimexParts(month=2, day=29, year=2019), THU_2019_12_26, "past") is None


def test_temporal_resolve_next_week_from_sunday_is_the_following_monday():
    value = resolve(TimexParts(relative=1, unit="week"), dt.date(2019, 12, 29), "future")
    assert value == Interval(dt.date(2019, 12, 30), dt.date(2020, 1, 5), "week")


# "next Thursday" said within six days of it: the coming one, or the one a week on.


def test_temporal_next_weekday_within_six_days_is_either_of_two_days():
    # a Wednesday: "next Thursday" is tomorrow to some, the Thursday after to others
    value = resolve(TimexParts(weekday=3, relative=1), dt.date(2021, 6, 16), "future")
    assert value == Interval(
        dt.date(2021, 6, 17), dt.date(2021, 6, 17), "day", also=dt.date(2021, 6, 24)
    )
    assert intervals_agree(value, _day("2021-06-24"))
    assert intervals_agree(_day("2021-06-17"), value)
    assert not intervals_agree(value, _day("2021-07-01"))
    assert not intervals_agree(value, _day("2021-06-20"))


def test_temporal_next_weekday_a_week_on_is_one_day():
    # a Wednesday: "next Wednesday" is a week on, never two
    value = resolve(TimexParts(weekday=2, relative=1), dt.date(2021, 6, 16), "future")
    assert value == Interval(dt.date(2021, 6, 23), dt.date(2021, 6, 23), "day")


@pytest.mark.parametrize(
    ("relative", "weekday", "expected"),
    [(1, 3, "2021-06-24"), (1, 0, "2021-06-21"), (-1, 4, "2021-06-11"), (-1, 0, "2021-06-07")],
    ids=["thursday-next-week", "monday-next-week", "friday-last-week", "monday-last-week"],
)
def test_temporal_weekday_of_next_or_last_week_is_in_that_calendar_week(
    relative, weekday, expected
):
    # published Wednesday June 16: "Thursday next week" is not tomorrow
    value = resolve(
        TimexParts(weekday=weekday, relative=relative, unit="week"), dt.date(2021, 6, 16), "none"
    )
    assert value == _day(expected)


# intervals_agree: equal or nested agree, disjoint or partly overlapping differ.


def _day(text: str, *, year_known: bool = True) -> Interval:
    day = dt.date.fromisoformat(text)
    return Interval(day, day, "day", year_known)


def _span(first: str, last: str, granularity: str, *, year_known: bool = True) -> Interval:
    return Interval(
        dt.date.fromisoformat(first), dt.date.fromisoformat(last), granularity, year_known
    )


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (_day("2019-12-29"), _day("2019-12-29"), True),
        (_day("2019-12-29"), _span("2019-12-01", "2019-12-31", "month"), True),
        (
            _span("2019-12-01", "2019-12-31", "month"),
            _span("2019-01-01", "2019-12-31", "year"),
            True,
        ),
        (_day("2019-12-31"), _span("2019-12-30", "2020-01-05", "week"), True),
        (_day("2019-12-28"), _day("2019-12-29"), False),
        (_day("2018-12-29"), _day("2019-12-29"), False),
        (_span("2019-12-28", "2019-12-29", "day"), _span("2019-12-29", "2019-12-30", "day"), False),
        (_day("2019-12-29"), _span("2019-11-01", "2019-11-30", "month"), False),
        (_day("2000-12-29", year_known=False), _day("2019-12-29"), True),
        (_day("2000-12-29", year_known=False), _day("2018-12-29"), True),
        (_day("2000-12-29", year_known=False), _day("2019-12-28"), False),
        (_day("2000-12-29", year_known=False), _span("2019-12-01", "2019-12-31", "month"), True),
        (_day("2000-11-15", year_known=False), _span("2019-12-01", "2019-12-31", "month"), False),
    ],
    ids=[
        "equal-days",
        "day-in-month",
        "month-in-year",
        "day-in-week-across-new-year",
        "adjacent-days",
        "same-day-other-year",
        "partly-overlapping",
        "day-outside-month",
        "year-unknown-same-month-day",
        "year-unknown-ignores-year",
        "year-unknown-other-day",
        "year-unknown-day-in-month",
        "year-unknown-day-outside-month",
    ],
)
def test_temporal_intervals_agree(a, b, expected):
    assert intervals_agree(a, b) is expected
    assert intervals_agree(b, a) is expected


# TIMEX3 values of durations, offsets and sets: parts_of + timex3.


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (("a", "two", "-", "year"), ("DURATION", "P2Y", None)),
        (("the", "last", "twenty", "four", "hours"), ("DURATION", "PT24H", None)),
        (("5", "1/2", "hours"), ("DURATION", "PT5H30M", None)),
        (("more", "than", "a", "decade"), ("DURATION", "P10Y", "MORE_THAN")),
        (("over", "the", "past", "three", "months"), ("DURATION", "P3M", None)),
        (("no", "more", "than", "60", "days"), ("DURATION", "P60D", "EQUAL_OR_LESS")),
        (("at", "least", "72", "hours"), ("DURATION", "PT72H", "EQUAL_OR_MORE")),
        (("several", "weeks"), ("DURATION", "PXW", None)),
        (("six", "weeks", "ago"), ("DATE", "2024-W05", None)),
        (("three", "days", "later"), ("DATE", "2024-03-17", None)),
        (("a", "decade", "ago"), ("DATE", "201", None)),
        (("some", "years", "ago"), ("DATE", "PAST_REF", None)),
        (("every", "other", "week"), ("SET", "P2W", None)),
        (("each", "July"), ("SET", "XXXX-07", None)),
        (("Tuesdays",), ("SET", "XXXX-WXX-2", None)),
        (("the", "mid-1980s"), ("DATE", "198", "MID")),
    ],
    ids=lambda value: "-".join(value) if isinstance(value[0], str) and len(value) > 3 else None,
)
def test_temporal_timex3_of_quantities(ruleset, words, expected):
    parts = parts_of(words, ruleset.lexicons)
    tagged = timex3(parts, dt.date(2024, 3, 14), "none")
    assert (tagged.type, tagged.value, tagged.mod) == expected
    assert resolve(parts, dt.date(2024, 3, 14), "past") is None  # never a checker date


@pytest.mark.parametrize(
    ("amount", "unit", "value"),
    [
        (3, "D", "P3D"),
        (None, "Y", "PXY"),
        (1.5, "H", "PT1H30M"),
        (2, "MIN", "PT2M"),
        (1, "DE", "P10Y"),
        (None, "DE", "PXDE"),
        (0.5, "M", "P15D"),
        (2, "Q", "P2Q"),
    ],
)
def test_temporal_duration_value(amount, unit, value):
    assert duration_value(amount, unit) == value
