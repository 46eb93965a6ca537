"""Agreements list only values that agree: equal, or one inside the other.

Every article below is invented for these tests.
"""

from __future__ import annotations

import datetime as dt

from checker.align import Alignment, Unit
from checker.compare import compare_alignment
from checker.model import Agreement, Fact, Interval
from tests.conftest import check_articles as _check


def _summaries(result, rule: str) -> list[str]:
    return [a.summary for a in result.agreements if a.rule == rule]


def test_agreement_leaves_out_places_never_compared(ruleset, nlp):
    # a small town the gazetteer does not compare and a city abroad: no discrepancy, and
    # no agreement either
    result = _check(
        ruleset,
        nlp,
        ("a.txt", "2025-03-14", "Talks in Hamar ended on Thursday, the union said.\n"),
        ("b.txt", "2025-03-14", "Talks in Aarhus ended on Thursday, the union said.\n"),
    )
    assert not [f for f in result.findings if f.rule == "event.main_place"]
    assert _summaries(result, "event.main_place") == []
    assert len(_summaries(result, "event.lead_date")) == 1


def test_agreement_keeps_one_place_the_gazetteer_does_not_compare(ruleset, nlp):
    # a small town is never a disagreement, but two sources naming it agree on it
    result = _check(
        ruleset,
        nlp,
        ("a.txt", "2025-03-14", "Talks in Hamar ended on Thursday, the union said.\n"),
        (
            "b.txt",
            "2025-03-14",
            "Talks in Hamar ended on Thursday without a deal, the union said.\n",
        ),
    )
    (summary,) = _summaries(result, "event.main_place")
    assert summary.endswith('"in Hamar" = "in Hamar" -> Hamar (NO)')


def test_end_date_takes_no_date_of_another_clause(ruleset, nlp):
    # "yesterday" dates the gathering, "this year" the count: only "today" is the end
    result = _check(
        ruleset,
        nlp,
        (
            "a.txt",
            "2025-06-02",
            "Farm ministers opened a two-day conference in Graz on Monday.\n\n"
            "The conference will end on Tuesday, June 3.\n",
        ),
        (
            "b.txt",
            "2025-06-03",
            "Farm ministers gathered in Graz yesterday for a conference that ends today, "
            "the third this year.\n",
        ),
    )
    assert not [f for f in result.findings if f.kind == "discrepancy"]
    (end,) = [a for a in result.agreements if a.rule == "event.end_date"]
    assert [(e.text, e.normalized) for e in end.evidence] == [
        ("on Tuesday, June 3", "2025-06-03"),
        ("today", "2025-06-03"),
    ]


def _day_fact(source: str, text: str, start: dt.date, end: dt.date, granularity: str) -> Fact:
    sentence = f"The summit of farm ministers opened {text}."
    return Fact(
        kind="event.date",
        source_id=source,
        start=36,
        end=36 + len(text),
        line=1,
        column=37,
        text=text,
        sentence=sentence,
        sentence_offset=36,
        value=Interval(start, end, granularity),  # type: ignore[arg-type]
    )


def test_agreement_leaves_out_two_values_that_conflict_with_each_other(ruleset):
    # "on June 2" and "on June 3" each fall inside a third source's "in June", and the
    # group was aligned through that one: the month agrees with each day, the days do not
    # agree with each other, so there is nothing all three agree on to list
    facts = [
        _day_fact("a.txt", "on June 2", dt.date(2025, 6, 2), dt.date(2025, 6, 2), "day"),
        _day_fact("b.txt", "in June", dt.date(2025, 6, 1), dt.date(2025, 6, 30), "month"),
        _day_fact("c.txt", "on June 3", dt.date(2025, 6, 3), dt.date(2025, 6, 3), "day"),
    ]
    units = tuple(
        Unit(f.source_id, "event.date", "summit", (f,), frozenset(), "summit", None) for f in facts
    )
    alignment = Alignment("event.date", "date", units, pairs=((0, 1), (1, 2)))
    outcome = compare_alignment(alignment, "story", ruleset.rules["event.date"], {})
    assert outcome is None
    # a fourth source's "on June 2": that day and the month are listed, "on June 3" is not
    fourth = _day_fact("d.txt", "on June 2", dt.date(2025, 6, 2), dt.date(2025, 6, 2), "day")
    units = (*units, Unit("d.txt", "event.date", "summit", (fourth,), frozenset(), "summit", None))
    alignment = Alignment("event.date", "date", units, pairs=((0, 1), (1, 2), (0, 3)))
    outcome = compare_alignment(alignment, "story", ruleset.rules["event.date"], {})
    assert isinstance(outcome, Agreement)
    assert [e.text for e in outcome.evidence] == ["on June 2", "in June", "on June 2"]


def test_a_duration_between_a_start_verb_and_its_date_claims_nothing(ruleset, nlp):
    # "will begin a three-day state visit ... on Monday": the visit starts on Monday (a
    # duration between the verb and the day is no other date the verb could be dating)
    from checker.corpus import make_source
    from checker.extract import extract

    text = (
        "President Ilse Marren will begin a three-day state visit to Norway on Monday, her "
        "office said on Friday.\n"
    )
    source = make_source(
        source_id="a.txt", story="s", path="a.txt", raw_text=text, meta={"date": "2026-03-06"}
    )
    rules = {
        f.rule
        for f in extract(nlp(source.text), source, ruleset).facts
        if f.where.text == "on Monday"
    }
    assert "event.start_date" in rules


def _lines(result) -> list[str]:
    return [a.summary for a in result.agreements]


def test_agreement_leaves_out_figures_of_two_periods(ruleset, nlp):
    # "in 2029" and "in 2028": two figures, never compared, so never a match either
    result = _check(
        ruleset,
        nlp,
        (
            "a.txt",
            "2025-02-10",
            "The observatory will settle into an orbit 38 million km from the Sun in 2029.\n",
        ),
        (
            "b.txt",
            "2025-02-10",
            "The observatory will settle into an orbit 83 million km from the Sun in 2028.\n",
        ),
    )
    assert not [f for f in result.findings if f.kind == "discrepancy"]
    assert not [s for s in _lines(result) if "38 million" in s]


def test_agreement_leaves_out_two_different_caps(ruleset, nlp):
    # a fine of "up to $30 million" and one of "up to $13 million" are two maxima
    def article(name: str, cap: str) -> tuple[str, str, str]:
        return (
            name,
            "2025-02-10",
            f"The airline faces a penalty of up to ${cap} million over the data breach, "
            "the regulator said on Monday.\n",
        )

    result = _check(ruleset, nlp, article("a.txt", "30"), article("b.txt", "13"))
    assert not [s for s in _lines(result) if "number.money" in s]
    same = _check(ruleset, nlp, article("a.txt", "30"), article("b.txt", "30"))
    assert [s for s in _lines(same) if "number.money" in s]


def test_agreement_leaves_out_an_update_of_a_running_total(ruleset, nlp):
    # a toll that rose between two days' copy is no conflict, and no match either
    result = _check(
        ruleset,
        nlp,
        (
            "a.txt",
            "2025-02-10",
            "A landslide in the hills above the village killed four people on Sunday, "
            "police said.\n",
        ),
        (
            "b.txt",
            "2025-02-11",
            "The landslide in the hills above the village has now killed seven people, "
            "police said.\n",
        ),
    )
    assert not [f for f in result.findings if f.rule == "number.casualties"]
    assert not [s for s in _lines(result) if "number.casualties" in s]


def test_agreement_leaves_out_days_only_one_zoned_sentence_joins(ruleset, nlp):
    # "at 14:20 GMT on Saturday" may be Friday far enough west, so it is no conflict; but
    # the other source gives no clock, so the two days are not shown as one
    result = _check(
        ruleset,
        nlp,
        (
            "a.txt",
            "2025-04-12",
            "The Vega rocket lifted off from Kourou at 14:20 GMT on Saturday carrying two "
            "weather satellites.\n",
        ),
        (
            "b.txt",
            "2025-04-13",
            "The Vega rocket lifted off from Kourou on Friday carrying two weather satellites.\n",
        ),
    )
    assert not [s for s in _lines(result) if "on Friday" in s]
    # the satellites are counted alike, whatever day each sentence gives the launch
    assert [s for s in _lines(result) if "number.aboard" in s]


def test_agreement_keeps_two_zoned_clocks_of_one_moment(ruleset, nlp):
    # each sentence gives its clock's zone: the two days are one moment, and shown so
    result = _check(
        ruleset,
        nlp,
        (
            "a.txt",
            "2025-04-12",
            "The Vega rocket lifted off from Kourou at 23:40 local time on Friday carrying "
            "two weather satellites.\n",
        ),
        (
            "b.txt",
            "2025-04-12",
            "The Vega rocket lifted off from Kourou at 02:40 GMT on Saturday carrying two "
            "weather satellites.\n",
        ),
    )
    assert not [f for f in result.findings if f.kind == "discrepancy"]
    assert [s for s in _lines(result) if "on Friday" in s and "on Saturday" in s]


def test_agreement_told_once_over_the_same_statements(ruleset, nlp):
    article = "A fire broke out at a bakery in Bristol on Tuesday, firefighters said.\n"
    result = _check(
        ruleset,
        nlp,
        ("a.txt", "2025-09-18", article),
        ("b.txt", "2025-09-18", article),
        ("c.txt", "2025-09-18", article),
    )
    lines = _lines(result)
    assert len(lines) == len(set(lines))
    assert [s for s in lines if s.startswith("event.place")]


def test_a_later_lower_toll_is_reported_whatever_days_its_clauses_give(ruleset, nlp):
    # "said on Wednesday" dates the statement and "began early last month" the outbreak,
    # not the toll: the later source's lower toll is a conflict, never a match
    result = _check(
        ruleset,
        nlp,
        (
            "a.txt",
            "2025-05-08",
            "Officials in Malawi said on Wednesday that a measles outbreak had killed 18 people.\n",
        ),
        (
            "b.txt",
            "2025-05-07",
            "A measles outbreak that began in the Malawian city of Blantyre early last month "
            "has killed 81 people, the health ministry said on Wednesday.\n",
        ),
    )
    (toll,) = [f for f in result.findings if f.rule == "number.casualties"]
    assert [e.text for e in toll.evidence] == ["18 people", "81 people"]
    assert not [s for s in _lines(result) if "number.casualties" in s]


def test_a_figure_in_a_sentence_with_a_conflicting_day_is_still_compared(ruleset, nlp):
    # the day dates the sentencing, not the sum: both conflicts are told
    def article(name: str, day: str, sum_: str) -> tuple[str, str, str]:
        return (
            name,
            "2025-09-18",
            f"A former parish clerk was jailed on {day} for stealing {sum_} million pounds "
            "from the church roof fund.\n",
        )

    result = _check(
        ruleset, nlp, article("a.txt", "Wednesday", "1.7"), article("b.txt", "Tuesday", "7.1")
    )
    told = [f for f in result.findings if f.kind == "discrepancy"]
    assert "event.main_date" in {f.rule for f in told}
    (sums,) = [f for f in told if f.rule.startswith("number.")]
    assert [e.text for e in sums.evidence][-1].endswith("7.1 million pounds")
    assert not [s for s in _lines(result) if s.startswith("number.")]
