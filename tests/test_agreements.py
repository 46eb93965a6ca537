"""Agreements list only values that agree: equal, or one inside the other.

Every article below is invented for these tests.
"""

from __future__ import annotations

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
