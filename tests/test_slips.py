"""Figures of one thing that differ as a slip of the pen, whichever rules read them
(``number.slip``). Invented sentences."""

from __future__ import annotations

import pytest

from tests.conftest import check_articles as _check

PUBLISHED = "2025-05-14"


def _story(*texts: str, published: str = PUBLISHED):
    names = ["harbour-post.txt", "county-wire.txt", "valley-news.txt"]
    return [(names[i], published, text + "\n") for i, text in enumerate(texts)]


def _slips(result) -> list:
    return [f for f in result.findings if f.kind == "discrepancy" and f.rule == "number.slip"]


@pytest.mark.parametrize(
    ("first", "second", "message"),
    [
        # a count a measure took ("cancelled") and one no measure names ("scrap")
        (
            "The ferry operator said on Monday it had cancelled 146 sailings as deckhands "
            "began a strike over pay.",
            "The deckhands' strike over pay forced the ferry operator to scrap 164 sailings.",
            "Sources disagree on sailings: 146 (harbour-post.txt) vs 164 (county-wire.txt)",
        ),
        # a sum of money no measure word names
        (
            "The repairs to the harbour wall cost €36 million, the council said.",
            "The bill for the harbour wall came to €63 million.",
            "Sources disagree on the amount: EUR 36 million (harbour-post.txt) vs "
            "EUR 63 million (county-wire.txt)",
        ),
        # one thing counted by two nouns of a family
        (
            "The company said 1,450 workers at the port plant would lose their jobs.",
            "The company said 1,540 employees at the port plant would lose their jobs.",
            "Sources disagree on workers: 1,450 (harbour-post.txt) vs 1,540 (county-wire.txt)",
        ),
        # a vote counted by its votes and by the members who cast them
        (
            "The bill passed with 81 votes in the 140-seat chamber on Tuesday.",
            "In Tuesday's vote, 86 deputies backed the bill in the 140-seat chamber.",
            "Sources disagree on votes: 81 (harbour-post.txt) vs 86 (county-wire.txt)",
        ),
        # a count in a hyphen and a count of a noun of its family
        (
            "Fire broke out on the top floor of the 12-storey tower on Sunday.",
            "Fire tore through the top of the 14-floor tower on Sunday.",
            "Sources disagree on floors: 12 (harbour-post.txt) vs 14 (county-wire.txt)",
        ),
    ],
    ids=["measure-and-plain-count", "loose-money", "noun-family", "votes-and-voters", "storeys"],
)
def test_slips_across_rules_disagree(ruleset, nlp, first, second, message):
    result = _check(ruleset, nlp, *_story(first, second))
    (finding,) = _slips(result)
    assert finding.severity == "warning"
    assert finding.message == message


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # last year's figure against this year's
        (
            "The council spent €24 million on the harbour wall last year.",
            "The work on the harbour wall will cost €42 million.",
        ),
        # a total against a figure that may be a part of it
        (
            "The ferries carried 3,640 passengers in total during the festival.",
            "The ferry operator carried 3,460 travellers during the festival.",
        ),
        # two figures the same rule read: that rule compares them
        (
            "A court fined the shipyard €2.4 million for the spill.",
            "The shipyard was fined €4.2 million over the spill.",
        ),
        # a source that gives two sums in the currency: which one is which is not known
        (
            "The wall cost €36 million and the new quay €12 million.",
            "The bill for the harbour wall came to €63 million.",
        ),
        # figures that are no slip of one another
        (
            "The repairs to the harbour wall cost €36 million, the council said.",
            "The bill for the harbour wall came to €58 million.",
        ),
        # prices without a scale word: two models, two tickets
        (
            "The laptop ships in January with a price tag of $2,799 for the base model.",
            "The other model costs $2,499 and comes with more memory.",
        ),
        # a sum of another order
        (
            "The club offered an eight-year, $160 million contract.",
            "Another club was at seven years and $140 a ticket.",
        ),
        # an estimate is no slip of the pen
        (
            "The club offered an eight-year, $160 million contract.",
            "Another club offered about $140 million over seven years.",
        ),
        # figures of one digit: any two differ by one digit
        (
            "The repairs to the harbour wall cost €4 million, the council said.",
            "The bill for the harbour wall came to €6 million.",
        ),
        # rates: a loose amount before "a year" is not read
        (
            "The harbour wall will cost €36 million a year to maintain.",
            "Upkeep of the harbour wall comes to €63 million a year.",
        ),
        # counts whose clauses share no word
        (
            "Inspectors found 146 sailings late in March.",
            "The strike forced the operator to scrap 164 sailings.",
        ),
    ],
    ids=[
        "other-time",
        "total-and-part",
        "one-rule",
        "two-sums",
        "not-a-slip",
        "prices",
        "other-order",
        "estimate",
        "one-digit",
        "rate",
        "no-shared-word",
    ],
)
def test_slips_no_finding(ruleset, nlp, first, second):
    result = _check(ruleset, nlp, *_story(first, second))
    assert _slips(result) == []


def test_slips_told_by_another_rule_are_told_once(ruleset, nlp):
    # the fine rule tells the conflict: the slip rule does not tell it again
    result = _check(
        ruleset,
        nlp,
        *_story(
            "The regulator imposed a fine of 2.4 million euros on the bank.",
            "The bank was fined €4.2m by the regulator.",
        ),
    )
    assert _slips(result) == []
    assert [f.rule for f in result.findings if f.kind == "discrepancy"] == ["number.money"]


def test_slips_quote_the_sentence_before_the_headline(ruleset, nlp):
    # the first source gives the sum in its headline and in its first sentence: the
    # sentence is quoted, the one an editor reads and corrects
    result = _check(
        ruleset,
        nlp,
        *_story(
            "Harbour wall repairs cost €36 million\n\n"
            "The repairs to the harbour wall cost €36 million, the council said on Tuesday.",
            "The bill for the harbour wall came to €63 million.",
        ),
    )
    [finding] = _slips(result)
    assert [(e.source, e.line, e.text) for e in finding.evidence] == [
        ("harbour-post.txt", 3, "cost €36 million"),
        ("county-wire.txt", 1, "came to €63 million"),
    ]


def test_slips_figure_after_a_phrasal_verb_is_quoted_alone(ruleset, nlp):
    # "set aside": the figure is tied to the verb, not to its particle
    result = _check(
        ruleset,
        nlp,
        *_story(
            "The county has set aside £24 million over five years to repair flood defences.",
            "The county has set aside £42 million over five years to repair flood defences.",
        ),
    )
    findings = [f for f in result.findings if f.kind == "discrepancy"]
    assert [(f.rule, f.message) for f in findings] == [
        (
            "number.figure",
            "Sources disagree on the figure tied to 'set aside': GBP 42 million "
            "(county-wire.txt) vs GBP 24 million (harbour-post.txt)",
        )
    ]
    assert [e.text for e in findings[0].evidence] == ["£42 million", "£24 million"]


def test_slips_compare_the_one_figure_left_after_those_both_give_alike(ruleset, nlp):
    # each source gives two sums; both give the recovered one alike, so their other sum is
    # the one figure left on each side, compared as a slip
    result = _check(
        ruleset,
        nlp,
        *_story(
            "The founder was found guilty of taking A$48.6 million from investors. "
            "Liquidators have recovered about A$6 million.",
            "Founder convicted in A$46.8 million investment fraud. "
            "Liquidators have so far recovered about A$6 million for creditors.",
        ),
    )
    assert [f.message for f in _slips(result)] == [
        "Sources disagree on the amount: AUD 48.6 million (harbour-post.txt) vs "
        "AUD 46.8 million (county-wire.txt)"
    ]


def test_slips_no_figure_left_alike_no_comparison(ruleset, nlp):
    # two sums on each side and none alike: which is which is unknown
    result = _check(
        ruleset,
        nlp,
        *_story(
            "The founder was found guilty of taking A$48.6 million from investors. "
            "Liquidators have recovered about A$6 million.",
            "Founder convicted in A$46.8 million investment fraud. "
            "Liquidators have so far recovered about A$9 million for creditors.",
        ),
    )
    assert _slips(result) == []


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # a Canadian outlet writes "$" for the Canadian dollar the wire writes "C$"
        (
            "The founder was found guilty of taking C$48.6 million from investors.",
            "The founder was convicted of taking $46.8 million from investors.",
            [
                "Sources disagree on the figure tied to 'taking': CAD 46.8 million (county-wire.txt) "
                "vs CAD 48.6 million (harbour-post.txt)"
            ],
        ),
        # a wire that writes "A$" for the local dollar writes the US dollar bare
        (
            "The founder was found guilty of taking A$48.6 million from investors.",
            "The founder was convicted of taking $46.8 million from investors, who had "
            "bought units at A$5.40 each.",
            [],
        ),
        # an outlet that writes "US$" for the US dollar writes its own dollar bare
        (
            "The founder was found guilty of taking C$48.6 million from investors.",
            "The founder was convicted of taking $46.8 million from investors, US$30 "
            "million of it in New York.",
            [
                "Sources disagree on the figure tied to 'taking': CAD 46.8 million (county-wire.txt) "
                "vs CAD 48.6 million (harbour-post.txt)"
            ],
        ),
    ],
    ids=["local-outlet", "wire-with-a-local-dollar", "outlet-with-a-us-dollar"],
)
def test_slips_a_bare_dollar_is_settled_by_the_dollars_around_it(
    ruleset, nlp, first, second, expected
):
    result = _check(ruleset, nlp, *_story(first, second))
    assert [f.message for f in result.findings if f.kind == "discrepancy"] == expected


def test_slips_figures_left_over_with_one_digit_changed_are_not_compared(ruleset, nlp):
    # both give the profit alike; their other sums, one digit apart, are of two things
    result = _check(
        ruleset,
        nlp,
        *_story(
            "Harlow Air made a profit of $1.2 billion last year. Fuel costs rose to $4.6 billion.",
            "Harlow Air reported a profit of $1.2 billion for the year and plans to spend "
            "$4.8 billion on new aircraft.",
        ),
    )
    assert _slips(result) == []
