"""Comparison: discrepancies and agreements between outlets, weekday and tense checks, messages.

Every article below is invented for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from checker.compare import render_message
from tests.conftest import check_articles as _check


def _of(result, kind: str, rule: str) -> list:
    return [f for f in result.findings if f.kind == kind and f.rule == rule]


# --- dates across outlets ----------------------------------------------------------------------

CONGRESS_EARLY = (
    "harbour-times.txt",
    "2024-03-11",
    "The ruling National Harmony Party opened its party congress on Saturday in Ulaanbaatar.\n",
)
CONGRESS_LATE = (
    "nomad-wire.txt",
    "2024-03-18",
    "The National Harmony Party congress opened on Saturday in Ulaanbaatar.\n",
)


def test_compare_disjoint_dates_are_a_discrepancy(ruleset, nlp):
    result = _check(ruleset, nlp, CONGRESS_EARLY, CONGRESS_LATE)
    (finding,) = _of(result, "discrepancy", "event.start_date")
    assert finding.severity == "error"
    assert finding.message == (
        "Sources disagree on when the congress started: "
        "2024-03-09 (harbour-times.txt) vs 2024-03-16 (nomad-wire.txt)"
    )
    assert [a.rule for a in result.agreements] == ["event.place"]  # same city, other day


def test_compare_discrepancy_evidence_names_sources_and_anchors(ruleset, nlp):
    result = _check(ruleset, nlp, CONGRESS_EARLY, CONGRESS_LATE)
    (finding,) = _of(result, "discrepancy", "event.start_date")
    assert {(e.source, e.text, e.normalized, e.anchor) for e in finding.evidence} == {
        ("harbour-times.txt", "on Saturday", "2024-03-09", "published 2024-03-11 (metadata)"),
        ("nomad-wire.txt", "on Saturday", "2024-03-16", "published 2024-03-18 (metadata)"),
    }
    for evidence in finding.evidence:
        assert evidence.sentence[evidence.sentence_offset :].startswith("on Saturday")
        assert (evidence.line, evidence.column) > (0, 0)


def test_compare_weekday_checked_against_a_last_updated_line(ruleset, nlp):
    result = _check(
        ruleset,
        nlp,
        (
            "harbour-explainer.txt",
            None,
            "Bridge closure: the essentials\n\nLast updated: 7 March 2024, 10:15 GMT\n\n"
            "The closure began on Wednesday, March 5, and is set to last a week.\n",
        ),
    )
    (finding,) = _of(result, "inconsistency", "date.weekday_mismatch")
    assert finding.message == "March 5, 2024 is a Tuesday, not a Wednesday"


INQUIRY_DATED = (
    "valley-gazette.txt",
    "2024-03-11",
    "The regional council said an inquiry into the warehouse fire would start next week.\n",
)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # March 10 is a Sunday in 2024 and a Monday in 2025: the outlets' year, not the
        # year the pair would fit, dates an undated source's slip
        (
            "The fire broke out late on Monday, March 10, in the warehouse district.",
            "March 10, 2024 is a Sunday, not a Monday",
        ),
        (
            "The inquiry will deliver its findings by Thursday, March 22.",
            "March 22, 2024 is a Friday, not a Thursday",
        ),
        ("The inquiry will deliver its findings by Friday, March 22.", None),
        # five months from the outlets' dates: the year is anybody's guess
        ("The council first inspected the warehouse on Thursday, August 14.", None),
    ],
)
def test_compare_weekday_of_an_undated_source_in_the_dated_outlets_year(
    ruleset, nlp, sentence, expected
):
    undated = ("riverside-notes.txt", None, sentence + "\n")
    result = _check(ruleset, nlp, INQUIRY_DATED, undated)
    findings = _of(result, "inconsistency", "date.weekday_mismatch")
    assert [f.message for f in findings] == ([expected] if expected else [])
    for finding in findings:
        (evidence,) = finding.evidence
        assert evidence.anchor == "no publication date; year of the story's other sources (2024)"


def test_compare_discrepancy_shows_every_source_that_sides_with_one_value(ruleset, nlp):
    result = _check(
        ruleset,
        nlp,
        (
            "union-bulletin.txt",
            "2024-03-18",
            "The relegated club is preparing its appeal to the league ahead of"
            " Friday's deadline.\n",
        ),
        (
            "harbour-times.txt",
            "2024-03-12",
            "The relegated club has until March 29 to lodge its appeal with the league.\n",
        ),
        (
            "coast-wire.txt",
            "2024-03-11",
            "The league chairman said the board had given the relegated club until Friday,"
            " March 22, to lodge an appeal against the points deduction.\n",
        ),
    )
    (finding,) = _of(result, "discrepancy", "deadline")
    assert sorted((e.source, e.normalized) for e in finding.evidence) == [
        ("coast-wire.txt", "2024-03-22"),
        ("harbour-times.txt", "2024-03-29"),
        ("union-bulletin.txt", "2024-03-22"),
    ]


@pytest.mark.parametrize(
    ("first", "second", "rule", "values"),
    [
        # the same weekday, resolved against the same publication date
        (
            (
                "harbour-times.txt",
                "2024-03-11",
                "The ruling National Harmony Party opened its party congress on Saturday in "
                "Ulaanbaatar.\n",
            ),
            (
                "nomad-wire.txt",
                "2024-03-11",
                "The National Harmony Party congress opened on Saturday in Ulaanbaatar.\n",
            ),
            "event.start_date",
            {"2024-03-09"},
        ),
        # a month nested in "the start of this year"
        (
            (
                "harbour-times.txt",
                "2024-03-20",
                "Leaders of the dockworkers' union and the Port of Antwerp authority last met "
                "in February this year.\n",
            ),
            (
                "nomad-wire.txt",
                "2024-03-21",
                "Leaders of the dockworkers' union and the Port of Antwerp authority last met "
                "at the start of this year.\n",
            ),
            "event.date",
            {"2024-02", "2024-01-01/2024-05-01"},
        ),
        # "year-end" is December 31
        (
            (
                "harbour-times.txt",
                "2024-12-02",
                "The dockworkers' union faces a year-end deadline to accept the Port of Antwerp "
                "pay offer.\n",
            ),
            (
                "nomad-wire.txt",
                "2024-12-03",
                "The Port of Antwerp gave the dockworkers' union a December 31 deadline to accept "
                "its pay offer.\n",
            ),
            "deadline",
            {"2024-12-31"},
        ),
    ],
    ids=["same-weekday", "february-within-start-of-year", "year-end-is-december-31"],
)
def test_compare_equal_or_nested_dates_agree(ruleset, nlp, first, second, rule, values):
    result = _check(ruleset, nlp, first, second)
    assert [f for f in result.findings if f.kind == "discrepancy"] == []
    (agreement,) = [a for a in result.agreements if a.rule == rule]
    assert {e.source for e in agreement.evidence} == {"harbour-times.txt", "nomad-wire.txt"}
    assert {e.normalized for e in agreement.evidence} == values


# --- counts ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "agree"),
    [
        (
            "Chancellor Ilse Brandauer and President Marek Dvorsky have held three meetings "
            "since taking office.",
            "It was the third meeting between Ilse Brandauer and Marek Dvorsky.",
            True,
        ),
        (
            "Trade negotiators from Denmark and Iceland wrapped up a fourth round of talks in "
            "Reykjavik.",
            "The fifth round of talks between Denmark and Iceland ended in Reykjavik.",
            False,
        ),
        (
            "Trade negotiators from Denmark and Iceland wrapped up a fourth round of talks in "
            "Reykjavik.",
            "The three previous rounds of talks between Denmark and Iceland produced no deal.",
            True,
        ),
    ],
    ids=["three-meetings-vs-third", "fourth-vs-fifth-round", "three-previous-vs-fourth"],
)
def test_compare_counts(ruleset, nlp, first, second, agree):
    result = _check(
        ruleset,
        nlp,
        ("fjord-post.txt", "2024-03-20", first + "\n"),
        ("north-atlantic-wire.txt", "2024-03-20", second + "\n"),
    )
    discrepancies = _of(result, "discrepancy", "event.count")
    agreements = [a for a in result.agreements if a.rule == "event.count"]
    assert (len(agreements), len(discrepancies)) == ((1, 0) if agree else (0, 1))


def test_compare_count_discrepancy_message_names_series_and_values(ruleset, nlp):
    result = _check(
        ruleset,
        nlp,
        (
            "fjord-post.txt",
            "2024-03-20",
            "Trade negotiators from Denmark and Iceland wrapped up a fourth round of talks in "
            "Reykjavik.\n",
        ),
        (
            "north-atlantic-wire.txt",
            "2024-03-20",
            "The fifth round of talks between Denmark and Iceland ended in Reykjavik.\n",
        ),
    )
    (finding,) = _of(result, "discrepancy", "event.count")
    assert finding.message == (
        "Sources disagree on how many rounds there have been: "
        "4 (fjord-post.txt) vs 5 (north-atlantic-wire.txt)"
    )
    assert {(e.source, e.text, e.normalized) for e in finding.evidence} == {
        ("fjord-post.txt", "a fourth round", "4"),
        ("north-atlantic-wire.txt", "The fifth round", "5"),
    }


def test_compare_meetings_told_as_how_often_the_body_met(ruleset, nlp):
    # "met three times" is three meetings; the speaker of the other ("Harlow said") takes
    # no part in them
    result = _check(
        ruleset,
        nlp,
        (
            "a.txt",
            "2024-10-14",
            "Mayor Ana Harlow said council had held two closed-door meetings on Sunday.\n",
        ),
        ("b.txt", "2024-10-14", "Council met three times behind closed doors on Sunday.\n"),
    )
    (finding,) = _of(result, "discrepancy", "event.count")
    assert finding.message == (
        "Sources disagree on how many meetings there have been: 2 (a.txt) vs 3 (b.txt)"
    )


@pytest.mark.parametrize(
    ("first_published", "differ"),
    [("2024-06-07", False), ("2024-06-08", True)],
    ids=["title-won-since-the-preview", "same-day-two-counts"],
)
def test_compare_count_of_an_event_still_to_come_against_a_later_report(
    ruleset, nlp, first_published, differ
):
    # the preview numbers the title at stake (two so far); the report, a day later, counts
    # it won (three): the series moved on between them. Published the same day, they differ.
    result = _check(
        ruleset,
        nlp,
        (
            "lakeland-courier.txt",
            first_published,
            "Wrestler Tomas Varga beat Emil Horak in the semi-final and will go for a third "
            "straight national title on Saturday.\n",
        ),
        (
            "central-sport-wire.txt",
            "2024-06-08",
            "Tomas Varga won the heavyweight final on Saturday, taking his third national "
            "title in front of a home crowd.\n",
        ),
    )
    assert len(_of(result, "discrepancy", "event.count")) == int(differ)


# --- the date an event was called off ---------------------------------------------------------


def test_compare_called_off_dates_differ(ruleset, nlp):
    result = _check(
        ruleset,
        nlp,
        (
            "fjord-post.txt",
            "2026-11-14",
            "Halvard Space called off the Tern rocket's maiden launch on Wednesday.\n",
        ),
        (
            "orbit-news.txt",
            "2026-11-13",
            "Halvard Space's Tern rocket launch was scrubbed on Thursday.\n",
        ),
    )
    (finding,) = _of(result, "discrepancy", "event.called_off_date")
    assert [(e.text, e.normalized) for e in finding.evidence] == [
        ("on Wednesday", "2026-11-11"),
        ("on Thursday", "2026-11-12"),
    ]


def test_compare_called_off_date_not_compared_with_new_date(ruleset, nlp):
    # the day a match was called off is not the day it will be played
    result = _check(
        ruleset,
        nlp,
        (
            "fjord-post.txt",
            "2026-11-14",
            "The Fjord Cup final in Bergen was called off on Saturday.\n",
        ),
        (
            "orbit-news.txt",
            "2026-11-14",
            "The Fjord Cup final in Bergen will be played on Tuesday.\n",
        ),
    )
    assert {(f.kind, f.text) for f in result.facts} >= {
        ("event.called_off_date", "on Saturday"),
        ("event.date", "on Tuesday"),
    }
    assert [f for f in result.findings if f.kind == "discrepancy"] == []


# --- weekday stated with a date ----------------------------------------------------------------


TUESDAY_MARCH_5 = "March 5, 2024 is a Tuesday, not a Wednesday"


@pytest.mark.parametrize(
    ("date_words", "expected"),
    [
        ("Tuesday, March 5", []),  # March 5, 2024 is a Tuesday
        ("Wednesday, March 5", [TUESDAY_MARCH_5]),
        ("Tuesday (March 5)", []),
        ("Wednesday (March 5)", [TUESDAY_MARCH_5]),
        ("Wednesday, 5 March", [TUESDAY_MARCH_5]),
        ("Wednesday, March 5th", [TUESDAY_MARCH_5]),
    ],
)
def test_compare_weekday_must_match_date(ruleset, nlp, date_words, expected):
    result = _check(
        ruleset,
        nlp,
        (
            "fjord-post.txt",
            "2024-02-20",
            f"The North Atlantic fisheries conference will open on {date_words} in Reykjavik.\n",
        ),
    )
    findings = _of(result, "inconsistency", "date.weekday_mismatch")
    assert [f.message for f in findings] == expected
    for finding in findings:
        (evidence,) = finding.evidence
        assert (evidence.text, evidence.normalized) == (f"on {date_words}", "2024-03-05")
        assert evidence.anchor == "published 2024-02-20 (metadata)"
        assert finding.severity == "error"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a December article: the January date ahead is next year's, whatever "told" says
        (
            "The judge told him he would return to court on Thursday, January 15.",
            ["January 15, 2027 is a Friday, not a Thursday"],
        ),
        ("The judge told him he would return to court on Friday, January 15.", []),
        # far from the publication date the clause's tense decides: this June, next June
        ("The accord was first drafted on Friday, June 12.", []),
        (
            "The accord will be signed on Friday, June 12.",
            ["June 12, 2027 is a Saturday, not a Friday"],
        ),
    ],
    ids=["next-year-wrong", "next-year-right", "far-past", "far-future"],
)
def test_compare_weekday_date_near_the_publication_date(ruleset, nlp, sentence, expected):
    result = _check(ruleset, nlp, ("fjord-post.txt", "2026-12-04", sentence + "\n"))
    findings = _of(result, "inconsistency", "date.weekday_mismatch")
    assert [f.message for f in findings] == expected


@pytest.mark.parametrize(
    ("date_words", "expected"),
    [
        ("Friday, March 3, 2023", []),  # March 3, 2023 is a Friday
        ("Thursday, March 3, 2023", ["March 3, 2023 is a Friday, not a Thursday"]),
    ],
)
def test_compare_weekday_checked_against_explicit_year(ruleset, nlp, date_words, expected):
    result = _check(
        ruleset,
        nlp,
        (
            "fjord-post.txt",
            "2024-02-20",
            f"The first fisheries accord was signed in Reykjavik on {date_words}.\n",
        ),
    )
    findings = _of(result, "inconsistency", "date.weekday_mismatch")
    assert [f.message for f in findings] == expected
    assert all(f.evidence[0].anchor == "explicit year" for f in findings)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # March 5, 2024 is a Tuesday: a weekday given after its date is checked too
        ("Bids for the dredging contract close on March 5, a Wednesday.", ["wrong"]),
        ("Bids for the dredging contract close on March 5, which is a Wednesday.", ["wrong"]),
        ("The harbour board meets on March 5, which falls on a Wednesday.", ["wrong"]),
        ("Bids for the dredging contract close on March 5, a Tuesday.", []),
        ("The harbour board meets on March 5, which is a Tuesday, to approve it.", []),
    ],
    ids=["apposition", "which-is", "falls-on", "apposition-right", "which-is-right"],
)
def test_compare_weekday_given_after_its_date(ruleset, nlp, sentence, expected):
    result = _check(ruleset, nlp, ("fjord-post.txt", "2024-02-20", sentence + "\n"))
    findings = _of(result, "inconsistency", "date.weekday_mismatch")
    wrong = ["March 5, 2024 is a Tuesday, not a Wednesday"]
    assert [f.message for f in findings] == (wrong if expected else [])
    for finding in findings:
        assert finding.evidence[0].text.startswith("on March 5, ")
        assert finding.evidence[0].normalized == "2024-03-05"


# --- tense against the publication date --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The fisheries conference ended on March 28, 2024, in Reykjavik.",
            '"on March 28, 2024" resolves to 2024-03-28, after the publication date 2024-03-20, '
            "but the clause is in the past tense",
        ),
        (
            "The fisheries conference will end on March 2, 2024, in Reykjavik.",
            '"on March 2, 2024" resolves to 2024-03-02, before the publication date 2024-03-20, '
            "but the clause is in the future tense",
        ),
        ("The fisheries conference ended on March 12, 2024, in Reykjavik.", None),
        ("The fisheries conference will end on March 28, 2024, in Reykjavik.", None),
    ],
    ids=["past-after", "future-before", "past-before", "future-after"],
)
def test_compare_tense_mismatch_with_metadata_date(ruleset, nlp, text, expected):
    result = _check(ruleset, nlp, ("fjord-post.txt", "2024-03-20", text + "\n"))
    findings = _of(result, "inconsistency", "date.tense_mismatch")
    assert [f.message for f in findings] == ([expected] if expected else [])
    for finding in findings:
        assert finding.severity == "warning"
        assert finding.evidence[0].anchor == "published 2024-03-20 (metadata)"


def test_compare_tense_mismatch_needs_metadata_publication_date(ruleset, nlp):
    result = _check(
        ruleset,
        nlp,
        (
            "fjord-post.txt",
            None,
            "The fisheries conference ended on March 28, 2024, in Reykjavik.\n",
        ),
    )
    assert _of(result, "inconsistency", "date.tense_mismatch") == []


# --- message templates -------------------------------------------------------------------------


def test_compare_messages_have_every_field_filled(ruleset, nlp):
    result = _check(
        ruleset,
        nlp,
        CONGRESS_EARLY,
        (
            "nomad-wire.txt",
            "2024-03-18",
            "The National Harmony Party congress opened on Saturday in Ulaanbaatar. Delegates "
            "will vote on Wednesday, March 21, on a new party charter.\n\n"
            "The congress is the fifth round of talks on the charter, after a fourth round ended "
            "on March 29, 2024.\n",
        ),
    )
    rules = {f.rule for f in result.findings}
    assert {"event.start_date", "date.weekday_mismatch", "date.tense_mismatch"} <= rules
    for finding in result.findings:
        assert "{" not in finding.message and "}" not in finding.message, finding.message


@pytest.mark.parametrize(
    ("template", "fields", "expected"),
    [
        (
            "{date} is a {actual}, not a {stated}",
            {"date": "March 5, 2024", "actual": "Tuesday", "stated": "Wednesday"},
            "March 5, 2024 is a Tuesday, not a Wednesday",
        ),
        (
            "Sources disagree on the deadline ({about}): {values}",
            {"values": "2024-12-31 (a.txt)"},
            "Sources disagree on the deadline ({about}): 2024-12-31 (a.txt)",
        ),
    ],
)
def test_compare_render_message_fills_known_fields_and_keeps_unknown(template, fields, expected):
    assert render_message(template, **fields) == expected


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("The regional council said it held the vote on March 30, 2024.", True),
        ("The company said it redeemed its debentures due March 1, 2031.", False),
        ("The agency said the permit ran through June 30, 2025.", False),
        # "so-called" is a modifier, not the clause's verb; "expires" is present tense
        (
            "The ministry may keep its so-called golden share until the cap expires on "
            "Dec. 31, 2025.",
            False,
        ),
        ("The ministry kept its state-owned stake until the cap expired on Dec. 31, 2025.", True),
    ],
)
def test_compare_tense_mismatch_ignores_terms_and_maturities(ruleset, nlp, sentence, flagged):
    result = _check(ruleset, nlp, ("a.txt", "2024-03-14", sentence))
    rules = [f.rule for f in result.findings]
    assert ("date.tense_mismatch" in rules) is flagged


# --- a visit announced in reported speech ("said ... would visit on Tuesday") -----------------
# The two sentences share the place and "president": a bare title (no name after it) is the
# subject and counts as a context word.


@pytest.mark.parametrize(
    ("later", "differ"),
    [
        ("The president will visit the valley tomorrow to tour relief camps.", True),
        ("The president will visit the valley today to tour relief camps.", False),
    ],
    ids=["a-day-later", "same-day"],
)
def test_compare_visit_announced_with_would_is_ahead_of_the_report(ruleset, nlp, later, differ):
    result = _check(
        ruleset,
        nlp,
        (
            "valley-wire.txt",
            "2024-10-14",  # a Monday: "on Tuesday" is the next day, not last week's
            "A spokeswoman said the president would visit the valley on Tuesday"
            " to inspect the damage.\n",
        ),
        ("plains-daily.txt", "2024-10-15", later + "\n"),
    )
    dates = [f for f in result.findings if f.kind == "discrepancy" and f.rule == "event.date"]
    assert bool(dates) == differ


# --- one moment on two dates: a clock in GMT against local time ------------------------------


@pytest.mark.parametrize(
    ("first", "second", "differ"),
    [
        # 2040 GMT on Monday is the small hours of Tuesday east of Greenwich
        ("at 2040 GMT on Monday", "at 2.10 a.m. on Tuesday", False),
        ("on Monday evening", "early on Tuesday", False),
        ("on Monday", "on Tuesday", True),
        # a GMT clock falls on another local day only where an offset carries it past midnight
        ("at 0930 GMT on Tuesday", "on Monday", True),
        ("at 2350 GMT on Monday", "on Tuesday", False),
        ("at 10:05 GMT on Monday", "on Tuesday", True),
        ("at 0130 GMT on Tuesday", "on Monday", False),
        # a local clock against a day in GMT, likewise
        ("at 3.40 a.m. local time on Tuesday", "on Monday", False),
        ("at 2 p.m. local time on Tuesday", "on Monday", True),
    ],
    ids=[
        "zone",
        "night-and-early-hours",
        "a-day-apart",
        "gmt-morning-no-day-before",
        "gmt-late-evening-next-day-east",
        "gmt-morning-no-day-after",
        "gmt-small-hours-day-before-west",
        "local-small-hours-day-before-in-gmt",
        "local-afternoon-no-day-before",
    ],
)
def test_compare_event_dates_a_day_apart_across_midnight(ruleset, nlp, first, second, differ):
    def article(source_id: str, when: str) -> tuple[str, str, str]:
        lead = (
            "Coastal towns were evacuated on the government's orders. Schools stayed shut for"
            " two days and ferries were cancelled. Nobody was hurt."
        )
        quake = f"The earthquake struck the northern coast {when}, toppling power lines"
        return (source_id, "2024-03-14", f"{lead} {quake}, officials said.\n")

    result = _check(ruleset, nlp, article("a.txt", first), article("b.txt", second))
    dates = [f for f in result.findings if f.kind == "discrepancy" and f.rule == "event.date"]
    assert bool(dates) == differ


# --- a deadline whose subject is named outside its clause --------------------------------------


@pytest.mark.parametrize(
    ("closed_until", "differ"),
    [("until Saturday morning", True), ("until Friday morning", False)],
    ids=["another-day", "same-day"],
)
def test_compare_deadline_subject_named_before_an_apposition(ruleset, nlp, closed_until, differ):
    result = _check(
        ruleset,
        nlp,
        (
            "harbour-wire.txt",
            "2024-10-17",  # a Thursday
            "Crews found cracks in the deck on Wednesday. Westgate Bridge will remain closed"
            " until 6 a.m. on Friday while engineers inspect it, the transport agency said.\n",
        ),
        (
            "city-daily.txt",
            "2024-10-17",
            "Engineers were called in on Wednesday. Westgate Bridge, the main link to the port,"
            f" will stay closed {closed_until}, the transport agency said.\n",
        ),
    )
    deadlines = [f for f in result.findings if f.kind == "discrepancy" and f.rule == "deadline"]
    assert bool(deadlines) == differ


# --- a past clause's "until" with a month and day after publication ------------------------------


@pytest.mark.parametrize(
    ("permit_until", "differ"),
    [
        ("until 11:59 p.m. GMT on May 14", True),
        ("until June 14", False),
        ("until March 2", False),
    ],
    ids=["another-month", "same-day", "before-publication-is-no-deadline"],
)
def test_compare_deadline_in_a_past_clause_after_publication(ruleset, nlp, permit_until, differ):
    """A permit "extended ... until" a day after publication sets a deadline, though its
    clause is past; a day before publication ("the road was shut until March 2") sets none."""
    result = _check(
        ruleset,
        nlp,
        (
            "mining-wire.txt",
            "2024-04-10",
            "The ministry extended the mine's water permit for the Orvella reservoir"
            f" {permit_until}.\n",
        ),
        (
            "valley-daily.txt",
            "2024-04-11",
            "The permit allows the mine to draw water from the Orvella reservoir until June 14.\n",
        ),
    )
    deadlines = _of(result, "discrepancy", "deadline")
    assert bool(deadlines) == differ
    if differ:
        assert deadlines[0].message == (
            "Sources disagree on the deadline (draw water from the Orvella reservoir):"
            " 2024-05-14 (mining-wire.txt) vs 2024-06-14 (valley-daily.txt)"
        )


# --- a date ahead beside an event nobody can schedule ------------------------------------------


@pytest.mark.parametrize(
    ("second", "differ"),
    [
        # "tomorrow" belongs to the talk shows: no earthquake is dated ahead
        ("Expect earthquake experts on the talk shows tomorrow, officials said.", False),
        # a day before publication is the quake's, and it differs
        ("The earthquake struck the coastal province on Saturday, officials said.", True),
    ],
    ids=["ahead", "behind"],
)
def test_compare_an_unforeseeable_event_takes_no_date_ahead(ruleset, nlp, second, differ):
    first = (
        "harbour-wire.txt",
        "2024-05-12",
        "A strong earthquake struck the coastal province on Sunday, damaging dozens of homes.\n",
    )
    other = (
        "hill-times.txt",
        "2024-05-12",
        f"A strong earthquake shook the coastal province, damaging dozens of homes. {second}\n",
    )
    result = _check(ruleset, nlp, first, other)
    dates = [f for f in result.findings if f.kind == "discrepancy" and "date" in f.rule]
    assert bool(dates) is differ


# --- deadlines keyed by what must happen by them -------------------------------------------------

_SMELTER = (
    "Regulators approved Tarvik Alloys' smelter at Dunmore on Monday after a long review.\n\n"
)


def _deadlines(*articles: tuple[str, str, str], ruleset, nlp) -> list:
    return _of(_check(ruleset, nlp, *articles), "discrepancy", "deadline")


def test_compare_deadlines_of_one_story_name_but_two_tasks_are_not_compared(ruleset, nlp):
    # the company is named in every sentence: its name tells neither deadline from the other
    first = (
        _SMELTER + "Tarvik Alloys must have the smelter fully operational by the end of March.\n\n"
        "Tarvik Alloys said it would hire 500 workers. Tarvik Alloys will export most output.\n"
    )
    second = (
        _SMELTER + "The licence requires Tarvik Alloys to restore a wetland by the end of June.\n\n"
        "Tarvik Alloys said it would hire 500 workers. Tarvik Alloys will export most output.\n"
    )
    found = _deadlines(
        ("a.txt", "2025-02-11", first), ("b.txt", "2025-02-11", second), ruleset=ruleset, nlp=nlp
    )
    assert found == []


def test_compare_one_task_in_other_words_is_one_deadline(ruleset, nlp):
    # "in full commercial operation" and "fully operational": one predicate
    first = _SMELTER + "The smelter must be in full commercial operation by December 31.\n"
    second = (
        _SMELTER + "Tarvik Alloys must have the smelter fully operational by the end of March.\n"
    )
    (finding,) = _deadlines(
        ("a.txt", "2025-02-11", first), ("b.txt", "2025-02-11", second), ruleset=ruleset, nlp=nlp
    )
    assert {e.text for e in finding.evidence} == {"by December 31", "by the end of March"}
    assert "be in full commercial operation" in finding.message


def test_compare_one_tasks_deadlines_dated_in_full_in_two_years(ruleset, nlp):
    first = "The water board said it would complete a new reservoir by the end of 2027.\n"
    second = "The water board has pledged to complete a new reservoir by mid-2028.\n"
    (finding,) = _deadlines(
        ("a.txt", "2025-05-04", first), ("b.txt", "2025-05-05", second), ruleset=ruleset, nlp=nlp
    )
    assert {e.text for e in finding.evidence} == {"by the end of 2027", "by mid-2028"}


def test_compare_a_phase_and_the_whole_project_or_a_moved_deadline_are_not_compared(ruleset, nlp):
    first = (
        "The first phase of the tram line must be operational by the end of 2027, the city"
        " said.\n\nThe city expects the whole tram line to be operational by 2030.\n\n"
        "The city had originally promised the tram line would be running by 2025.\n"
    )
    second = (
        "The city now says the complete tram line will be operational by 2030.\n\n"
        "The tram line was initially due to open by 2025, officials said.\n"
    )
    found = _deadlines(
        ("a.txt", "2025-04-20", first), ("b.txt", "2025-04-21", second), ruleset=ruleset, nlp=nlp
    )
    assert found == []


def test_compare_a_task_told_with_two_unlisted_verbs_is_one_deadline(ruleset, nlp):
    # "deliver its findings" and "report": verbs of no listed meaning block nothing
    first = "The inquiry ordered by the harbour minister is to deliver its findings by Friday.\n"
    second = "The harbour minister ordered an inquiry, which is due to report by Tuesday, May 12.\n"
    (finding,) = _deadlines(
        ("a.txt", "2026-05-05", first), ("b.txt", "2026-05-05", second), ruleset=ruleset, nlp=nlp
    )
    assert {e.text for e in finding.evidence} == {"by Friday", "by Tuesday, May 12"}


_VERDICT = (
    "Fund founder convicted\n\nA jury in Corvale convicted the founder of Brindle Capital.\n\n"
)


def test_compare_two_parties_deadlines_are_two_deadlines(ruleset, nlp):
    # who must act tells the prosecution's deadline from the defence's, which the first
    # source gives too
    first = _VERDICT + (
        "Prosecutors have until June 5 to file their sentencing submissions, and his defence "
        "lawyers have until June 27 to reply.\n"
    )
    second = _VERDICT + "The defence must file its sentencing submissions by July 4.\n"
    found = _deadlines(
        ("a.txt", "2025-05-24", first), ("b.txt", "2025-05-24", second), ruleset=ruleset, nlp=nlp
    )
    assert found == []


def test_compare_one_partys_deadline_in_two_spellings_is_one_deadline(ruleset, nlp):
    # "defense lawyers" and "the defence", "reply" and "respond": one party, one task
    first = _VERDICT + "His defense lawyers have until June 27 to reply, the judge said.\n"
    second = _VERDICT + (
        "The prosecution must file its submissions by June 13, and the defence to respond "
        "by July 4.\n"
    )
    (finding,) = _deadlines(
        ("a.txt", "2025-05-24", first), ("b.txt", "2025-05-24", second), ruleset=ruleset, nlp=nlp
    )
    assert {e.text for e in finding.evidence} == {"until June 27", "by July 4"}


def test_compare_an_appeal_brought_in_two_ways_is_one_deadline(ruleset, nlp):
    # "to ask the Court of Appeal to review" and "to file an appeal": one task, the phrase
    # read past the four words after "to"
    recount = "Recount decided\n\nA judge declared Harlow the winner of the Corvale seat.\n\n"
    first = recount + (
        "Under election law, he has until Nov. 27 to ask the Court of Appeal to review the "
        "recount.\n"
    )
    second = recount + "He has until December 1 to file an appeal.\n"
    (finding,) = _deadlines(
        ("a.txt", "2025-11-20", first), ("b.txt", "2025-11-20", second), ruleset=ruleset, nlp=nlp
    )
    assert {e.text for e in finding.evidence} == {"until Nov. 27", "until December 1"}


# --- a deadline's scope: the first step or the whole task ------------------------------------

_FERRIES = "New ferries for the island route\n\nThe island council has ordered eight ferries.\n\n"


def test_compare_the_first_steps_deadlines_told_in_other_words_are_one_task(ruleset, nlp):
    # both say when the first ferries come, in sentences sharing no other word
    first = (
        _FERRIES
        + "The first should reach the island by the end of 2027, according to the council.\n"
    )
    second = _FERRIES + "Under the contract, the first vessels are due in Kellport by mid-2028.\n"
    (finding,) = _deadlines(
        ("a.txt", "2026-02-06", first), ("b.txt", "2026-02-09", second), ruleset=ruleset, nlp=nlp
    )
    assert {e.text for e in finding.evidence} == {"by the end of 2027", "by mid-2028"}


def test_compare_the_whole_tasks_deadlines_told_in_other_words_are_one_task(ruleset, nlp):
    # "the full order ... in operation" and "all eight to be running"
    first = _FERRIES + "The full order should be in operation by the end of 2027.\n"
    second = _FERRIES + "The operator expects all eight to be running by June 2027.\n"
    (finding,) = _deadlines(
        ("a.txt", "2026-02-20", first), ("b.txt", "2026-02-21", second), ruleset=ruleset, nlp=nlp
    )
    assert {e.text for e in finding.evidence} == {"by the end of 2027", "by June 2027"}


def test_compare_the_first_step_and_the_whole_task_are_two_deadlines(ruleset, nlp):
    first = (
        _FERRIES
        + "The first should reach the island by the end of 2027, according to the council.\n"
    )
    second = (
        _FERRIES
        + "The whole fleet should reach the island by mid-2028, according to the council.\n"
    )
    found = _deadlines(
        ("a.txt", "2026-02-06", first), ("b.txt", "2026-02-09", second), ruleset=ruleset, nlp=nlp
    )
    assert found == []


_OUTAGE = "Lender hit by outage\n\nCard payments at Varro Bank failed on Thursday.\n\n"


@pytest.mark.parametrize(
    ("second", "differ"),
    [
        # the bank's own expected date and the regulator's limit: two deadlines
        ("The regulator ordered Varro Bank to restore every service by Friday.", False),
        # the bank's expected dates in two sources: one deadline, told two ways
        ("Varro Bank said it expects to restore every service by Wednesday.", True),
    ],
    ids=["imposed-and-expected", "expected-twice"],
)
def test_compare_a_limit_imposed_and_a_date_expected_are_two_deadlines(
    ruleset, nlp, second, differ
):
    first = _OUTAGE + "Varro Bank said it expected to restore every service by Monday.\n"
    found = _deadlines(
        ("a.txt", "2026-03-13", first),
        ("b.txt", "2026-03-14", _OUTAGE + second + "\n"),
        ruleset=ruleset,
        nlp=nlp,
    )
    assert bool(found) is differ


def test_compare_a_scope_a_source_gives_two_dates_says_nothing_sure(ruleset, nlp):
    # two first steps in one source (the ferries and the new pier): neither is the other's
    first = (
        _FERRIES
        + "The first should reach the island by the end of 2027, according to the council.\n\n"
        "The first berths at the new pier should be ready by March 2027.\n"
    )
    second = _FERRIES + "Under the contract, the first vessels are due in Kellport by mid-2028.\n"
    found = _deadlines(
        ("a.txt", "2026-02-06", first), ("b.txt", "2026-02-09", second), ruleset=ruleset, nlp=nlp
    )
    assert found == []


# --- the task told after the date, and a listed task's sentences ------------------------------


def test_compare_the_time_given_to_reach_a_deal_and_a_deadline_to_settle_are_one_task(ruleset, nlp):
    # "until January 31 to reach a deal" and "to resolve the dispute by the end of
    # March": one listed task (agree), and the two sentences share the mediator and the
    # arbitration outside the deadlines' own clauses
    first = (
        "Ferry crews strike\n\nThe ferry crews walked out on Monday.\n\n"
        "The ministry appointed a retired judge as mediator and allowed both parties "
        "until January 31 to reach a deal, after which binding arbitration may follow.\n"
    )
    second = (
        "Ferry crews strike\n\nThe ferry crews walked out on Monday.\n\n"
        "A mediator appointed by the government has asked the operator and the union to "
        "resolve the dispute by the end of March, failing which binding arbitration follows.\n"
    )
    (finding,) = _deadlines(
        ("a.txt", "2026-01-13", first), ("b.txt", "2026-01-13", second), ruleset=ruleset, nlp=nlp
    )
    assert {e.text for e in finding.evidence} == {"until January 31", "by the end of March"}


def test_compare_sentence_words_count_for_no_deadlines_of_two_or_no_listed_tasks(ruleset, nlp):
    # the same mediator and arbitration, but one deadline is to pay and the other unlisted
    first = (
        "Ferry crews strike\n\nThe ferry crews walked out on Monday.\n\n"
        "The ministry appointed a retired judge as mediator and allowed the operator "
        "until January 31 to pay the back wages, after which binding arbitration may follow.\n"
    )
    second = (
        "Ferry crews strike\n\nThe ferry crews walked out on Monday.\n\n"
        "A mediator appointed by the government has asked the union to publish its demands "
        "by the end of March, failing which binding arbitration follows.\n"
    )
    found = _deadlines(
        ("a.txt", "2026-01-13", first), ("b.txt", "2026-01-13", second), ruleset=ruleset, nlp=nlp
    )
    assert found == []


# --- a span of days counted from a day it names ------------------------------------------------

_REPAIR = "Water company told to fix leaks\n\nThe regulator has ruled on the leaks.\n\n"


def test_compare_days_counted_from_a_named_day_and_a_date_disagree(ruleset, nlp):
    # 90 days from January 15 is April 15, not mid-March
    first = (
        _REPAIR
        + "The water company must submit a repair plan within 90 days of the January 15 ruling.\n"
    )
    second = (
        _REPAIR + "The water company must submit a repair plan by mid-March, the regulator said.\n"
    )
    (finding,) = _deadlines(
        ("a.txt", "2026-01-16", first), ("b.txt", "2026-01-16", second), ruleset=ruleset, nlp=nlp
    )
    assert {e.text for e in finding.evidence} == {
        "within 90 days of the January 15",
        "by mid-March",
    }


def test_compare_days_counted_from_a_named_day_agree_with_the_day_they_reach(ruleset, nlp):
    first = (
        _REPAIR
        + "The water company must submit a repair plan within 90 days of the January 15 ruling.\n"
    )
    second = (
        _REPAIR + "The water company must submit a repair plan by mid-April, the regulator said.\n"
    )
    result = _check(ruleset, nlp, ("a.txt", "2026-01-16", first), ("b.txt", "2026-01-16", second))
    (period,) = [f for f in result.facts if f.kind == "deadline" and f.source_id == "a.txt"]
    assert period.value.end == dt.date(2026, 4, 15)
    assert [f for f in result.findings if f.rule == "deadline"] == []


def test_compare_days_counted_from_no_named_day_set_no_deadline(ruleset, nlp):
    first = _REPAIR + "The water company must submit a repair plan within 90 days of the ruling.\n"
    second = (
        _REPAIR + "The water company must submit a repair plan by mid-March, the regulator said.\n"
    )
    assert (
        _deadlines(
            ("a.txt", "2026-01-16", first),
            ("b.txt", "2026-01-16", second),
            ruleset=ruleset,
            nlp=nlp,
        )
        == []
    )


# --- a closing marker in the present looks ahead of a reporting verb's past ---------------------

_PLANT = "Tenby plant to close\n\nThe food maker is ending production in the town.\n\n"


def test_compare_a_plant_that_closes_on_a_weekday_and_one_closing_on_a_date_disagree(ruleset, nlp):
    # "closes on Friday" published Thursday Feb 26 is Friday Feb 27, not the Friday before
    first = _PLANT + "Harlow Foods said the Tenby plant will close on March 3 after 60 years.\n"
    second = _PLANT + "The Tenby plant closes on Friday after 60 years, Harlow Foods said.\n"
    (finding,) = _deadlines(
        ("a.txt", "2026-02-25", first), ("b.txt", "2026-02-26", second), ruleset=ruleset, nlp=nlp
    )
    assert {e.text for e in finding.evidence} == {"on March 3", "on Friday"}
    assert "2026-02-27" in finding.message


# --- the simple present of a scheduled happening looks ahead ------------------------------------

_TALKS = "Fishery ministers from Iceland and Norway opened quota talks in Bergen on Monday. "


def test_compare_talks_that_end_on_a_weekday_in_the_present_agree_with_the_coming_date(
    ruleset, nlp
):
    # published Wednesday March 11: "end on Friday" is Friday March 13, not March 6
    result = _check(
        ruleset,
        nlp,
        ("a.txt", "2026-03-11", _TALKS + "The talks end on Friday.\n"),
        ("b.txt", "2026-03-11", _TALKS + "The talks will end on March 13.\n"),
    )
    assert _of(result, "discrepancy", "event.end_date") == []
    assert any(a.rule == "event.end_date" for a in result.agreements)


# --- "next Thursday" said on a Wednesday: tomorrow or the Thursday after -------------------------


@pytest.mark.parametrize(("date_words", "differ"), [("on June 24", False), ("on July 1", True)])
def test_compare_next_weekday_said_the_day_before_agrees_with_the_week_after(
    ruleset, nlp, date_words, differ
):
    # published Wednesday June 16, 2021
    result = _check(
        ruleset,
        nlp,
        ("a.txt", "2021-06-16", "The state senate will vote on the pension bill next Thursday.\n"),
        ("b.txt", "2021-06-16", f"The state senate will vote on the pension bill {date_words}.\n"),
    )
    assert bool(_of(result, "discrepancy", "event.date")) is differ


# --- a finding over three sources: a forecast is no date of the event, agreeing values side --


def test_compare_a_forecast_date_is_not_a_sources_date_of_what_happened(ruleset, nlp):
    first = (
        "Storm Petra made landfall near Cork on Monday night, cutting power to 40,000 homes.\n\n"
        "Forecasters said the storm would move towards Wales on Wednesday.\n"
    )
    second = (
        "Storm Petra, which made landfall near Cork on Sunday night, cut power to 40,000 homes.\n"
    )
    result = _check(ruleset, nlp, ("a.txt", "2026-11-03", first), ("c.txt", "2026-11-04", second))
    dated = [f for f in result.findings if f.kind == "discrepancy" and "date" in f.rule]
    (finding,) = dated  # told once, not again as the lead's date
    assert {e.text for e in finding.evidence} == {"on Monday night", "on Sunday night"}
    assert "2026-11-04" not in finding.message


def test_compare_two_sources_that_agree_stand_on_one_side_against_the_third(ruleset, nlp):
    def quake(source_id: str, published: str, when: str) -> tuple[str, str, str]:
        return (
            source_id,
            published,
            f"A magnitude 6.2 earthquake struck off the coast of Mindanao {when}, the"
            " seismology institute said.\n",
        )

    result = _check(
        ruleset,
        nlp,
        quake("a.txt", "2026-09-15", "at 4:10 a.m. local time on Tuesday"),
        quake("b.txt", "2026-09-14", "at 2010 GMT on Monday"),
        quake("c.txt", "2026-09-17", "on Thursday"),
    )
    (finding,) = _of(result, "discrepancy", "event.date")
    assert finding.message.endswith("2026-09-15 (a.txt) = 2026-09-14 (b.txt) vs 2026-09-17 (c.txt)")


# --- the next of a series: "met on Tuesday ... and will meet again on Friday" ------------------


def test_compare_the_next_meeting_of_a_series_is_compared_with_another_sources_meeting(
    ruleset, nlp
):
    first = (
        "Dock workers' leaders and port operators met on Tuesday for talks on overtime and will"
        " meet again on Friday, the dockers' union said.\n"
    )
    second = (
        "Dock workers' leaders and port operators will hold talks on overtime on Friday,"
        " the dockers' union said.\n"
    )
    result = _check(ruleset, nlp, ("a.txt", "2026-05-13", first), ("b.txt", "2026-05-13", second))
    assert _of(result, "discrepancy", "event.date") == []


def test_compare_a_message_names_the_event_by_a_noun_not_by_its_verb(ruleset, nlp):
    first = "Dock workers' leaders and port operators met on Tuesday for talks on overtime.\n"
    second = "Dock workers' leaders and port operators held talks on overtime on Monday.\n"
    result = _check(ruleset, nlp, ("a.txt", "2026-05-13", first), ("b.txt", "2026-05-13", second))
    (finding,) = _of(result, "discrepancy", "event.date")
    assert finding.message.startswith("Sources disagree on when the talks took place")


# --- two deadlines in one sentence: each takes the words of its own clause -----------------------

_BRIDGE = "The county approved the bridge repair scheme on April 2.\n\n"


@pytest.mark.parametrize(("plan_due", "differ"), [("April", False), ("May", True)])
def test_compare_two_deadlines_of_one_sentence_each_keep_their_own_task(
    ruleset, nlp, plan_due, differ
):
    first = (
        _BRIDGE + "Under the loan's terms, the bridge must be rebuilt by November 30, and the"
        " contractor has until April 30 to file a new safety plan.\n"
    )
    second = (
        _BRIDGE + f"The contractor has until the end of {plan_due} to file a new safety plan,"
        " and the bridge must be rebuilt by the end of November.\n"
    )
    findings = _deadlines(
        ("a.txt", "2026-04-08", first), ("b.txt", "2026-04-09", second), ruleset=ruleset, nlp=nlp
    )
    assert [sorted(e.normalized for e in f.evidence) for f in findings] == (
        [["2026-04-30", "2026-05-31"]] if differ else []
    )


@pytest.mark.parametrize(
    ("second", "third", "sides"),
    [
        # two floors far apart only fail to contradict: each stands alone
        ("more than 40", "more than 660", "more than 40 (a.txt) vs more than 660 (b.txt) vs"),
        # one floor written two ways is one value
        ("more than 40", "at least 40", "more than 40 (a.txt) = at least 40 (b.txt) vs"),
    ],
)
def test_compare_open_counts_stand_on_one_side_only_from_one_floor(
    ruleset, nlp, second, third, sides
):
    def flood(source_id: str, toll: str) -> tuple[str, str, str]:
        return (
            source_id,
            "2026-04-02",
            f"Flash floods in the northern province have killed {toll} people, officials said.\n",
        )

    result = _check(
        ruleset, nlp, flood("a.txt", second), flood("b.txt", third), flood("c.txt", "about 25")
    )
    (finding,) = _of(result, "discrepancy", "number.casualties")
    assert sides in finding.message


def test_compare_a_date_completion_is_targeted_for_is_a_deadline(ruleset, nlp):
    # "completion is targeted for the end of September" and "expected to be completed by
    # the end of March": one deal's completion, two dates
    opening = "Dairy groups agree merger\n\nKelso Dairy and Varn Milk agreed to merge.\n\n"
    first = (
        opening + "The deal requires clearance from the competition regulator and is expected"
        " to be completed by the end of March.\n"
    )
    second = (
        opening + "Completion of the deal is targeted for the end of September, once the"
        " competition regulator clears it.\n"
    )
    (finding,) = _deadlines(
        ("a.txt", "2025-09-24", first), ("b.txt", "2025-09-25", second), ruleset=ruleset, nlp=nlp
    )
    assert {e.text for e in finding.evidence} == {"by the end of March", "the end of September"}


# --- when an agreement runs out ---------------------------------------------------------------

_TRANSFER = (
    "Winger joins Harlow\n\nHarlow City have signed the winger Ola Kelsall from Corvale.\n\n"
)


def test_compare_a_contracts_end_told_in_two_ways(ruleset, nlp):
    # "signed a contract until" and "on a contract running until": the story's one contract,
    # each dated in full, in sentences sharing no word
    first = (
        _TRANSFER
        + "The 22-year-old completed a medical and has signed a contract until June 2030.\n"
    )
    second = (
        _TRANSFER + "The fee is an initial 15.4m pounds, on a contract running until June 2029.\n"
    )
    result = _check(ruleset, nlp, ("a.txt", "2025-07-03", first), ("b.txt", "2025-07-03", second))
    (finding,) = _of(result, "discrepancy", "event.term")
    assert {e.text for e in finding.evidence} == {"until June 2030", "until June 2029"}


def test_compare_a_contract_and_an_option_are_two_terms(ruleset, nlp):
    first = _TRANSFER + "He has signed a contract until June 2030.\n"
    second = _TRANSFER + "Corvale kept a buy-back clause valid until the end of 2027.\n"
    result = _check(ruleset, nlp, ("a.txt", "2025-07-03", first), ("b.txt", "2025-07-03", second))
    assert _of(result, "discrepancy", "event.term") == []


def test_compare_a_name_holding_a_relation_verb_dates_no_start(ruleset, nlp):
    # "the Harlow Open": a tournament's name, not the verb "open"
    first = (
        "Kelsall wins in Harlow\n\nHARLOW, England, April 13 (Court Wire) - Spain's Ana "
        "Kelsall saved two match points before beating Ines Corvale 6-4, 3-6, 7-6 (5) to win "
        "the Harlow Open on Sunday, claiming the third title of her career.\n"
    )
    second = (
        "Ana Kelsall won the Harlow Open on Sunday, April 13.\n\n"
        "The tournament, which began on Monday, April 7, drew record crowds.\n"
    )
    result = _check(ruleset, nlp, ("a.txt", "2025-04-13", first), ("b.txt", "2025-04-14", second))
    assert _of(result, "discrepancy", "event.start_date") == []
    starts = [(f.source_id, f.text) for f in result.facts if f.kind == "event.start_date"]
    assert starts == [("b.txt", "on Monday, April 7")]
