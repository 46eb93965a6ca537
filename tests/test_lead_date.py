"""The main event's date, read from each source's lead (rule ``event.lead_date``).

Every article below is invented for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import check_articles as _check

RULE = "event.lead_date"


def _lead_facts(normalize_text, text: str, published: dt.date) -> list:
    # the lead's dates of event.lead_date (event.main_date's are in lead_facts too)
    return [f for f in normalize_text(text, published=published).lead_facts if f.kind == RULE]


def _lead_findings(result) -> list:
    return [f for f in result.findings if f.rule == RULE]


def _texts(finding) -> set[tuple[str, str, str | None]]:
    return {(e.source, e.text, e.normalized) for e in finding.evidence}


# --- what a lead date is -----------------------------------------------------------------------


def test_lead_date_of_the_event_word_in_its_clause(normalize_text):
    text = (
        "Ferry sinks off northern coast\n\n"
        "A passenger ferry carrying 80 people capsized off the coast of Valdoria on Tuesday "
        "evening, the coastguard said on Wednesday.\n"
    )
    (fact,) = _lead_facts(normalize_text, text, dt.date(2025, 6, 11))
    assert (fact.text, fact.trigger, fact.subject, fact.role) == (
        "on Tuesday evening",
        "capsized",
        "disaster",
        "held",
    )
    assert fact.value.start == dt.date(2025, 6, 10)  # "said on Wednesday" reports it


def test_lead_date_widened_over_a_when_clause(normalize_text):
    text = (
        "Three climbers were killed on Sunday when an avalanche swept them off a ridge "
        "above the village of Orsella, police said.\n"
    )
    (fact,) = _lead_facts(normalize_text, text, dt.date(2025, 2, 3))
    assert (fact.text, fact.trigger) == ("on Sunday", "avalanche")


def test_lead_date_of_an_event_noun_before_an_infinitive(normalize_text):
    # "to put" would make the clause look ahead; the decision's own day is the nearest one
    text = (
        "Officials moved on Wednesday to calm savers after the regulator's decision on "
        "Tuesday to put Harbour Mutual under curatorship.\n"
    )
    (fact,) = _lead_facts(normalize_text, text, dt.date(2025, 3, 19))
    assert (fact.text, fact.trigger, fact.value.start) == (
        "on Tuesday",
        "decision",
        dt.date(2025, 3, 18),
    )


@pytest.mark.parametrize(
    "text",
    [
        # only the first two sentences of the body are the lead
        "Rescue teams searched the hills.\n\nThe weather was poor all week.\n\n"
        "The plane crashed on Tuesday near Vellmore Ridge.\n",
        # a date after "since" or "until" is no day of the event
        "The refinery has been shut since Monday, after an explosion in its cracking unit.\n",
        # another event of the same class
        "It was the second blast on Friday at the plant, workers said.\n",
    ],
)
def test_no_lead_date(normalize_text, text):
    assert _lead_facts(normalize_text, text, dt.date(2025, 6, 14)) == []


def test_a_participle_before_its_noun_dates_no_event(normalize_text):
    # "the hijacked tanker" names the ship, not the hijacking: Sunday is the navy's day
    text = (
        "Coastguard crews on Sunday boarded the hijacked tanker Morning Lark, which had "
        "been drifting off the coast of Valdoria.\n"
    )
    assert _lead_facts(normalize_text, text, dt.date(2025, 8, 18)) == []
    text = "The Northline pipeline ruptured on Thursday near the town of Orsella.\n"
    (fact,) = _lead_facts(normalize_text, text, dt.date(2025, 8, 16))
    assert (fact.text, fact.trigger) == ("on Thursday", "ruptured")


def test_the_later_day_of_a_list_is_not_the_next_event_words(normalize_text):
    text = "Funerals were held on Monday and Tuesday for victims of the train crash.\n"
    facts = _lead_facts(normalize_text, text, dt.date(2025, 6, 14))
    assert [(f.text, f.trigger) for f in facts] == [("on Monday", "funerals")]


def test_start_and_end_of_an_event_are_apart(normalize_text):
    begun = _lead_facts(
        normalize_text,
        "The peace talks, which began on Monday, were hosted by the foreign ministry.\n",
        dt.date(2025, 9, 20),
    )
    ended = _lead_facts(
        normalize_text,
        "The government and the rebels closed a round of talks that ended on Thursday.\n",
        dt.date(2025, 9, 20),
    )
    assert [f.role for f in begun] == ["event.start_date"]
    assert [f.role for f in ended] == ["event.end_date"]


# --- across sources ----------------------------------------------------------------------------

CRASH_WEDNESDAY = (
    "plains-wire.txt",
    "2025-04-24",
    "Nine killed as turboprop crashes short of runway\n\n"
    "A regional turboprop carrying 40 people crashed in fields short of the runway at "
    "Delmora airport on Wednesday evening, killing nine people, officials said.\n",
)
CRASH_TUESDAY = (
    "evening-post.txt",
    "2025-04-24",
    "Families gather as crash inquiry opens\n\n"
    "Relatives of the passengers on the flight that crashed on Tuesday evening near Delmora "
    "waited outside the hospital today for news.\n",
)


def test_leads_giving_the_crash_two_days_disagree(ruleset, nlp):
    result = _check(ruleset, nlp, CRASH_WEDNESDAY, CRASH_TUESDAY)
    (finding,) = _lead_findings(result)
    assert finding.kind == "discrepancy"
    assert _texts(finding) == {
        ("plains-wire.txt", "on Wednesday evening", "2025-04-23"),
        ("evening-post.txt", "on Tuesday evening", "2025-04-22"),
    }
    assert finding.message.startswith("Sources disagree on when the crash")


def test_leads_giving_one_day_agree(ruleset, nlp):
    later = (
        "weekly-review.txt",
        "2025-04-30",
        "The turboprop that crashed near Delmora on April 23 was 14 years old.\n",
    )
    result = _check(ruleset, nlp, CRASH_WEDNESDAY, later)
    assert _lead_findings(result) == []
    assert [a.rule for a in result.agreements if a.rule == RULE] == [RULE]


@pytest.mark.parametrize(
    ("later", "differ"),
    [("the accident last Sunday", True), ("the accident last Saturday", False)],
    ids=["another-day", "same-day"],
)
def test_an_accident_and_a_cabin_that_plunged_are_one_event(ruleset, nlp, later, differ):
    # "plunged" in one lead and "the accident" in another name one incident
    wire = (
        "valley-wire.txt",
        "2025-02-10",
        "A lift seat with two passengers plunged onto rocks at the Vardo quarry on Saturday,"
        " killing a technician, the regional rescue service said.\n",
    )
    weekly = (
        "snow-weekly.txt",
        "2025-02-11",
        f"Inspectors closed the Vardo quarry's lift after {later}, when a seat fell onto"
        " rocks with two passengers and a technician died.\n",
    )
    result = _check(ruleset, nlp, wire, weekly)
    dates = [f for f in result.findings if f.kind == "discrepancy" and "date" in f.rule]
    assert bool(dates) is differ


def test_other_words_for_one_event_class_are_compared(ruleset, nlp):
    first = (
        "gulf-desk.txt",
        "2025-09-10",
        "An explosion ripped through a processing unit at an oil refinery in the port of "
        "Tarrano on Tuesday evening, killing four workers.\n",
    )
    second = (
        "business-review.txt",
        "2025-09-11",
        "Unions demanded a full inquiry on Thursday into Monday evening's blast at the "
        "refinery, which killed four workers.\n",
    )
    (finding,) = _lead_findings(_check(ruleset, nlp, first, second))
    assert _texts(finding) == {
        ("gulf-desk.txt", "on Tuesday evening", "2025-09-09"),
        ("business-review.txt", "Monday evening", "2025-09-08"),
    }


@pytest.mark.parametrize(
    ("second_words", "differ"),
    [("on Thursday night", True), ("late on Friday", False)],
    ids=["the-night-before", "the-same-night"],
)
def test_leads_giving_a_hubs_closure_two_days_disagree(ruleset, nlp, second_words, differ):
    """A closure's words differ from lead to lead ("closed to all traffic", "disrupted")."""
    first = (
        "aviation-wire.txt",
        "2025-06-14",  # a Saturday
        "Varnholm Airport was shut down by snow and ice late on Friday, and 80 flights were"
        " cancelled.\n",
    )
    second = (
        "travel-desk.txt",
        "2025-06-16",
        "Airlines at Varnholm Airport rebooked 5,000 passengers after the snow disrupted 80"
        f" flights {second_words}.\n",
    )
    findings = _lead_findings(_check(ruleset, nlp, first, second))
    assert bool(findings) is differ
    if differ:
        assert _texts(findings[0]) == {
            ("aviation-wire.txt", "late on Friday", "2025-06-13"),
            ("travel-desk.txt", "on Thursday night", "2025-06-12"),
        }


@pytest.mark.parametrize(
    ("first", "second", "differ"),
    [
        # a night and the next day's early hours: one event seen from either side of midnight
        ("gave way late on Friday", "gave way early on Saturday", False),
        ("gave way early on Saturday", "gave way on Friday night", False),
        # a late hour and the night before it: a day apart
        ("gave way late on Thursday", "gave way on Wednesday night", True),
        # two early hours a day apart
        ("gave way early on Friday", "gave way early on Saturday", True),
        # a clock in another zone can fall on the next day
        ("gave way at 0200 GMT on Saturday", "gave way on Friday afternoon", False),
        # a zone named after a place: "Ruritania time"
        ("gave way at 0740 on Saturday, Ruritania time", "gave way late on Friday", False),
        ("gave way on Saturday, just after tea time", "gave way on Friday", True),
    ],
)
def test_days_one_apart_across_midnight(ruleset, nlp, first, second, differ):
    def article(source_id: str, words: str) -> tuple[str, str, str]:
        return (
            source_id,
            "2025-06-14",
            f"An earth dam above the village of Pradella {words}, flooding two streets.\n",
        )

    result = _check(ruleset, nlp, article("a.txt", first), article("b.txt", second))
    assert bool(_lead_findings(result)) is differ


def test_start_and_end_dates_are_not_compared(ruleset, nlp):
    begun = (
        "a.txt",
        "2025-09-20",
        "The peace talks, which began on Monday, were hosted by the foreign ministry.\n",
    )
    ended = (
        "b.txt",
        "2025-09-22",
        "The government and the rebels closed a round of talks that ended on Thursday.\n",
    )
    assert _lead_findings(_check(ruleset, nlp, begun, ended)) == []


def test_a_date_conflict_is_reported_once(ruleset, nlp):
    # the same two statements, read as an event date too: one finding, the lead's
    first = (
        "a.txt",
        "2025-03-17",
        "The decision to place Harbour Mutual Bank under curatorship yesterday has raised "
        "questions about the regulator in Castelmar.\n",
    )
    second = (
        "b.txt",
        "2025-03-18",
        "Ministers sought to calm savers after the Castelmar regulator's decision on Tuesday "
        "to put Harbour Mutual Bank under curatorship.\n",
    )
    result = _check(ruleset, nlp, first, second)
    dates = [f for f in result.findings if f.kind == "discrepancy" and "date" in f.rule]
    assert len(dates) == 1
    assert _texts(dates[0]) == {
        ("a.txt", "yesterday", "2025-03-16"),
        ("b.txt", "on Tuesday", "2025-03-18"),
    }


# --- deadlines told in other words -------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "days"),
    [
        # measures that stay in force
        (
            (
                "a.txt",
                "2025-02-10",
                "The central bank said the emergency measures would remain in place until "
                "March 31.\n",
            ),
            (
                "b.txt",
                "2025-02-11",
                "The governor signalled that the higher rates would stay in force until the end "
                "of April.\n",
            ),
            {"2025-03-31", "2025-04-30"},
        ),
        # test results
        (
            (
                "a.txt",
                "2026-05-11",
                "Swabs from the kitchen staff went to the veterinary service, and results are "
                "expected by Wednesday, the district council said.\n",
            ),
            (
                "b.txt",
                "2026-05-12",
                "Laboratory analysis of the swabs is due by Friday, May 15, the council said.\n",
            ),
            {"2026-05-13", "2026-05-15"},
        ),
    ],
    ids=["staying-in-force", "test-results"],
)
def test_deadlines_told_in_other_words_are_compared(ruleset, nlp, first, second, days):
    (finding,) = [f for f in _check(ruleset, nlp, first, second).findings if f.rule == "deadline"]
    assert {e.normalized for e in finding.evidence} == days


def test_deadline_of_someone_the_sentence_before_names(ruleset, nlp):
    first = (
        "a.txt",
        "2026-03-16",
        "The regulator appointed Marta Kovell as curator of Harbour Mutual.\n\n"
        "She has been given 45 days, until Thursday, April 30, to present a plan.\n",
    )
    second = (
        "b.txt",
        "2026-03-18",
        "Curator Marta Kovell has until Friday, April 17 to report on the bank's options.\n",
    )
    (finding,) = [f for f in _check(ruleset, nlp, first, second).findings if f.rule == "deadline"]
    assert {e.normalized for e in finding.evidence} == {"2026-04-30", "2026-04-17"}


def test_deadline_of_a_closing_day_and_of_a_due_day(ruleset, nlp):
    first = (
        "a.txt",
        "2026-05-04",
        "The council said the old bus depot would be sold at an auction closing on June 12.\n",
    )
    second = (
        "b.txt",
        "2026-05-05",
        "The council will sell the old bus depot, and bids for the depot are due by the end"
        " of July.\n",
    )
    (finding,) = [f for f in _check(ruleset, nlp, first, second).findings if f.rule == "deadline"]
    assert {(e.text, e.normalized) for e in finding.evidence} == {
        ("on June 12", "2026-06-12"),
        ("by the end of July", "2026-07-31"),
    }


def test_a_closing_day_before_publication_is_no_deadline(ruleset, nlp):
    first = (
        "a.txt",
        "2026-05-04",
        "Shares in the port operator rose in a session closing on May 1 with record volume.\n",
    )
    second = (
        "b.txt",
        "2026-05-05",
        "The port operator's shares must be sold by the end of July, the regulator said.\n",
    )
    assert [f for f in _check(ruleset, nlp, first, second).findings if f.rule == "deadline"] == []


@pytest.mark.parametrize(
    ("second", "conflict"),
    [
        (
            "The council yesterday imposed a 30-day ban on fishing in the lake, which will stay"
            " in force until March 4.\n",
            False,
        ),
        (
            "The council yesterday imposed a 30-day ban on fishing in the lake, which will stay"
            " in force until March 24.\n",
            True,
        ),
        (
            "The council yesterday imposed a two-week ban on fishing in the lake.\n",
            True,
        ),
        (
            "The council yesterday extended a two-week ban on fishing in the lake.\n",
            False,
        ),
    ],
    ids=[
        "ends-on-the-day-the-period-ends",
        "ends-on-another-day",
        "a-shorter-period",
        "a-later-step",
    ],
)
def test_deadline_a_period_sets_from_its_first_day(ruleset, nlp, second, conflict):
    first = (
        "a.txt",
        "2026-02-02",
        "The lake council imposed a 30-day fishing ban on Monday after the water level fell.\n",
    )
    findings = [
        f
        for f in _check(ruleset, nlp, first, ("b.txt", "2026-02-03", second)).findings
        if f.rule == "deadline"
    ]
    assert bool(findings) == conflict
    if conflict:
        assert ("a.txt", "30-day fishing ban") in {(e.source, e.text) for e in findings[0].evidence}


# --- a text with no full stop (a pasted crawl on one line) --------------------------------------

_CRAWL = (
    "ferry crews walked off the job on Tuesday and the harbour board said the sailings "
    "resumed on Wednesday "
)


def test_a_text_with_no_full_stop_has_a_lead_of_a_few_pieces(normalize_text):
    # cut into pieces of MAX_SENTENCE_TOKENS, it has no sentence ending in a full stop: its
    # lead is its first pieces, not the whole text (every date in it a lead date)
    published = dt.date(2025, 3, 14)
    short = normalize_text(_CRAWL * 60, published=published).lead_facts
    long = normalize_text(_CRAWL * 240, published=published).lead_facts
    assert short
    assert len(long) == len(short)


def test_work_on_a_text_with_no_full_stop_grows_with_its_length(extract_text, monkeypatch):
    # the tokens whose words are read for facts' contexts: 4x the text, about 4x the work
    # (each lead date's words were the whole text before it: 8x and more, growing)
    from checker.extract.context import _Context

    read = [0]
    content_words = _Context.content_words

    def counted(self, left, right, skip=(0, 0)):
        read[0] += max(0, right - left)
        return content_words(self, left, right, skip)

    monkeypatch.setattr(_Context, "content_words", counted)
    work = []
    for times in (100, 400):
        read[0] = 0
        extract_text(_CRAWL * times, published=dt.date(2025, 3, 14))
        work.append(read[0])
    assert work[1] < 6 * work[0]


def test_a_fire_that_broke_out_started_then(ruleset, nlp):
    """ "broke out" tells a start as "started" does: a lead whose blaze started on Saturday
    and one whose blaze broke out on Sunday give it two first days."""
    started = (
        "hill-wire.txt",
        "2024-07-16",
        "Forest fire forces villagers out\n\n"
        "A blaze in pine forest above Carvela that started on Saturday has burned 3,000 "
        "hectares, the regional government said on Tuesday.\n",
    )
    broke_out = (
        "valley-news.txt",
        "2024-07-17",
        "Villagers wait to go home\n\n"
        "Families from Carvela spent a fourth night in a sports hall on Tuesday.\n"
        "The blaze in pine forest above Carvela broke out on Sunday and had burned 3,000 "
        "hectares by Tuesday evening.\n",
    )
    result = _check(ruleset, nlp, started, broke_out)
    # told once, by the lead's rule or by the start date's
    (finding,) = [f for f in result.findings if f.kind == "discrepancy"]
    assert finding.rule in (RULE, "event.start_date")
    assert _texts(finding) == {
        ("hill-wire.txt", "on Saturday", "2024-07-13"),
        ("valley-news.txt", "on Sunday", "2024-07-14"),
    }


@pytest.mark.parametrize(
    ("sentence", "dated"),
    [
        ("Hikers trapped by a landslide were rescued on Saturday.", False),
        ("Residents whose homes were damaged by the landslide were moved on Monday.", False),
        ("Hikers were trapped when a landslide struck the trail on Saturday.", True),
        ("The landslide that buried the trail struck on Saturday.", True),
        (
            "Rescuers searched for hikers buried by a landslide that was triggered by heavy "
            "rain on Saturday.",
            True,
        ),
    ],
    ids=[
        "agent-of-trapped",
        "agent-of-damaged",
        "the-event-s-own-verb",
        "its-relative-clause",
        "its-passive-relative-clause",
    ],
)
def test_an_event_told_as_the_agent_of_a_participle_is_not_dated_by_a_later_verb(
    normalize_text, sentence, dated
):
    # "trapped by a landslide were rescued on Saturday": Saturday is the rescue's day
    facts = _lead_facts(normalize_text, sentence + "\n", dt.date(2025, 3, 17))
    assert bool(facts) is dated
