"""Phrasings of dates, deadlines, counts and homes found in stories the checker had not seen:
each case is a pair of invented articles checked as one story."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.model import Interval
from tests.conftest import check_articles


def _pair(ruleset, nlp, first: str, second: str, published: tuple[str, str]):
    """Check two invented articles, a.txt and b.txt, published on the two days, as one story."""
    return check_articles(
        ruleset, nlp, ("a.txt", published[0], first), ("b.txt", published[1], second)
    )


def _evidence(
    ruleset, nlp, rule: str, first: str, second: str, published: tuple[str, str], field="text"
) -> set[str]:
    """The evidence (its ``field``) of the one finding of ``rule`` in ``_pair``'s story."""
    (finding,) = _findings(_pair(ruleset, nlp, first, second, published), rule)
    return {getattr(e, field) for e in finding.evidence}


def _findings(result, rule: str) -> list:
    return [f for f in result.findings if f.rule == rule]


def _lead_facts(normalize_text, text: str, published: dt.date) -> list:
    """The ``event.main_date`` facts of one article."""
    return [
        f
        for f in normalize_text(text, published=published).lead_facts
        if f.kind == "event.main_date"
    ]


def _facts(result, kind: str, source: str | None = None) -> list:
    return [f for f in result.facts if f.kind == kind and (source is None or f.source_id == source)]


# --- a deadline hedged "until at least" -----------------------------------------------------

_LINE = "Corvale line shut after landslip\n\nA landslip has closed the Corvale line.\n\n"


def test_a_closure_until_at_least_a_day_agrees_with_until_that_day(ruleset, nlp):
    first = _LINE + "The operator said the line would remain closed until at least December 1.\n"
    second = _LINE + "The line will remain closed until December 1, the operator said.\n"
    result = _pair(ruleset, nlp, first, second, ("2025-11-14", "2025-11-17"))
    assert _findings(result, "deadline") == []
    assert [f.value.start for f in _facts(result, "deadline", "a.txt")] == [dt.date(2025, 12, 1)]


# --- the main event's date past a place set off by commas; a superlative's year -------------

_DERAIL = "Train derails near Kelsall\n\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "A Corvale Trains service derailed near Kelsall, in northern England, last Wednesday"
        " evening.",
        "A Corvale Trains service derailed near Kelsall, in northern England, last Wednesday"
        " evening, in the most serious accident on a regional line this year.",
    ],
)
def test_a_place_phrase_between_commas_does_not_cut_the_event_from_its_date(
    normalize_text, sentence
):
    dates = [
        f.value.start
        for f in _lead_facts(normalize_text, _DERAIL + sentence + "\n", dt.date(2025, 11, 17))
    ]
    assert dates == [dt.date(2025, 11, 12)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The freight train crashed in the most serious accident on a regional line this year.",
        "The fire was the deadliest in the county since 2010, officials said.",
    ],
)
def test_a_year_that_bounds_a_superlative_dates_no_event(normalize_text, sentence):
    normalized = normalize_text(_DERAIL + sentence + "\n", published=dt.date(2025, 11, 17))
    facts = (*normalized.facts, *normalized.lead_facts)
    assert [f for f in facts if f.kind.startswith("event.")] == []


def test_a_year_without_a_superlative_still_dates_the_event(normalize_text):
    sentence = "The freight train crashed in an accident on a regional line this year.\n"
    assert _lead_facts(normalize_text, _DERAIL + sentence, dt.date(2025, 11, 17)) != []


# --- "the go-ahead" is no "ahead" ----------------------------------------------------------

_DEAL = "Regulator clears hospital takeover\n\n"


# --- a part of a count told after it: "four of them seriously" -----------------------------


def test_a_part_by_severity_after_a_count_is_a_count_of_its_own(ruleset, nlp):
    text = _DERAIL + "The train derailed on Thursday, injuring 31 people, four of them seriously.\n"
    result = check_articles(ruleset, nlp, ("a.txt", "2025-11-14", text))
    counts = {(f.subject, f.value.low) for f in _facts(result, "number.casualties")}
    assert counts == {("injured", 31.0), ("seriously injured", 4.0)}


def test_a_part_that_tells_who_not_how_badly_is_no_count(ruleset, nlp):
    text = _DERAIL + "The blast on Thursday killed 12 people, three of them children.\n"
    result = check_articles(ruleset, nlp, ("a.txt", "2025-11-14", text))
    assert [f.value.low for f in _facts(result, "number.casualties")] == [12.0]


# --- where a firm is based, in names the gazetteer lacks ------------------------------------

_FIRM = (
    "Corvale Trains under scrutiny\n\nThe operator runs trains between Tollerby and Arrinde.\n\n"
)


def test_two_unknown_homes_side_by_side_in_a_source_are_two_places(ruleset, nlp):
    first = (
        _FIRM + "Kelsway Trains, which is based in Tollerby, runs services from Arrinde to"
        " Tollerby.\n"
    )
    second = _FIRM + "A director of Arrinde-based Kelsway said the line would reopen.\n"
    result = check_articles(ruleset, nlp, ("a.txt", None, first), ("b.txt", None, second))
    (finding,) = _findings(result, "place.home")
    assert {e.normalized for e in finding.evidence} == {"Tollerby", "Arrinde"}


def test_two_unknown_homes_one_named_inside_the_other_are_not_compared(ruleset, nlp):
    first = (
        _FIRM + "Kelsway Trains, which is based in Tollerby, in the Arrinde district, said so.\n"
    )
    second = _FIRM + "A director of Arrinde-based Kelsway said the line would reopen.\n"
    result = check_articles(ruleset, nlp, ("a.txt", None, first), ("b.txt", None, second))
    assert _findings(result, "place.home") == []


# --- a span "within" which a task is due, counted from the main event's day -----------------

_RULING = "Regulator approves takeover with conditions\n\n"


def _ruling(day: str, period: str) -> str:
    return (
        _RULING + f"The health regulator on {day} approved Kiku Health's takeover of Esk Norton"
        f" Health.\n\nKiku must submit a plan showing how it will meet the conditions {period},"
        " the regulator said.\n"
    )


def test_a_span_within_which_a_task_is_due_agrees_with_the_day_it_reaches(ruleset, nlp):
    # 90 days after Tuesday, March 10 is June 8
    first = _ruling("Tuesday", "within 90 days")
    second = _ruling("Tuesday", "by June 8")
    result = _pair(ruleset, nlp, first, second, ("2026-03-11", "2026-03-12"))
    assert _findings(result, "deadline") == []
    (period,) = _facts(result, "deadline", "a.txt")
    assert period.value.start == dt.date(2026, 6, 8)


def test_a_span_within_which_another_task_is_due_is_not_compared(ruleset, nlp):
    first = _ruling("Tuesday", "within 90 days")
    second = (
        _RULING + "The health regulator on Tuesday approved Kiku Health's takeover of Esk Norton"
        " Health.\n\nKiku must also reopen the maternity ward by the end of the year, the"
        " regulator said.\n"
    )
    result = _pair(ruleset, nlp, first, second, ("2026-03-11", "2026-03-12"))
    assert _findings(result, "deadline") == []


def test_a_span_with_no_task_set_is_no_deadline(ruleset, nlp):
    text = (
        _RULING + "The health regulator on Tuesday approved Kiku Health's takeover.\n\n"
        "Prices at the two hospitals rose within 60 days, the regulator said.\n"
    )
    result = check_articles(ruleset, nlp, ("a.txt", "2026-03-11", text))
    assert _facts(result, "deadline") == []


# --- how full a store is: a share of its capacity ------------------------------------------

_DAM = "Dam level falls\n\nThe Kelsall Dam supplies the town of Harlow.\n\n"


def test_a_share_of_capacity_a_year_ago_is_an_old_figure(ruleset, nlp):
    first = (
        _DAM + "The Kelsall Dam has fallen to 31.4% of capacity.\n\n"
        "The Kelsall Dam was at 62% of capacity a year ago.\n"
    )
    second = _DAM + "The Kelsall Dam has fallen to 31.4 per cent of capacity, officials said.\n"
    result = _pair(ruleset, nlp, first, second, ("2026-01-21", "2026-01-22"))
    assert [f.value.low for f in _facts(result, "number.capacity", "a.txt")] == [
        pytest.approx(0.3135)
    ]
    assert _findings(result, "number.capacity") == []


# --- a later occurrence dated a year ahead; the damage of the story's one disaster ---------

_RACE = "Harlow marathon record falls\n\n"


def test_next_years_edition_is_not_this_years_race(ruleset, nlp):
    first = (
        _RACE + "Ana Kelsall's win in Harlow yesterday was a lesson in patience.\n\n"
        "Registration for next year opens next month.\n"
    )
    second = (
        _RACE + "HARLOW, Oct 11 - Ana Kelsall broke the course record at the Harlow Marathon on"
        " Sunday, pulling clear in the last 5 km to win in 2:06:18.\n\n"
        "Race director Esk Norton said the record would help attract a stronger field next"
        " year. The 2027 edition will be held on Sunday, October 10, 2027, and registration"
        " opens on November 1.\n"
    )
    result = _pair(ruleset, nlp, first, second, ("2026-10-12", "2026-10-11"))
    assert [f for f in result.findings if f.kind == "discrepancy"] == []


_FIRE = "Fire guts packaging plant\n\nA fire gutted the Kiku packaging plant in Tollerby.\n\n"


# --- what a takeover is worth, told by "to buy X for" ---------------------------------------

_BID = "Kiku Air to buy Corvale Airlines\n\n"


# --- nouns whose plural is the singular ----------------------------------------------------


def test_a_count_of_aircraft_is_a_count_of_a_plural_noun(ruleset, nlp):
    first = _BID + "The combined airline would operate a fleet of 142 aircraft.\n"
    second = _BID + "The combined airline would operate a fleet of 124 aircraft.\n"
    result = _pair(ruleset, nlp, first, second, ("2026-05-18", "2026-05-19"))
    (finding,) = [f for f in result.findings if f.kind == "discrepancy"]
    assert {e.text for e in finding.evidence} == {"142 aircraft", "124 aircraft"}


# --- a vote's tally counts the votes for and against ---------------------------------------

_BUDGET = "Corvale parliament passes budget\n\n"


def test_a_tallys_larger_figure_is_the_votes_for(ruleset, nlp):
    first = _BUDGET + "Deputies voted 104 to 89 in the third and final reading of the budget.\n"
    second = _BUDGET + "The budget passed its final reading with 114 votes in favour.\n"
    result = _pair(ruleset, nlp, first, second, ("2026-12-09", "2026-12-10"))
    (finding,) = _findings(result, "number.votes")
    assert {(e.text, e.normalized) for e in finding.evidence} == {
        ("104 to 89", "104"),
        ("114 votes in favour", "114"),
    }


def test_a_tally_of_a_motion_that_failed_gives_no_votes_for(ruleset, nlp):
    text = _BUDGET + "Deputies rejected the amendment, voting 104 to 89.\n"
    result = check_articles(ruleset, nlp, ("a.txt", "2026-12-09", text))
    assert _facts(result, "number.votes") == []


# --- one sum in two currencies ----------------------------------------------------------------


@pytest.mark.parametrize(
    "second",
    [
        # a sum converted: another figure in another currency says nothing either way
        "Kiku Air is paying US$10.60 a share.",
        # the same sum, with its conversion beside it
        "Kiku Air is paying C$14.50 (US$10.60) a share.",
    ],
)
def test_two_currencies_that_may_be_one_sum_converted_are_not_a_discrepancy(ruleset, nlp, second):
    first = _BID + "Kiku Air will pay C$14.50 per share, a premium to Friday's close.\n"
    result = check_articles(
        ruleset, nlp, ("a.txt", "2026-05-18", first), ("b.txt", "2026-05-19", _BID + second + "\n")
    )
    assert [f for f in result.findings if f.kind == "discrepancy"] == []


# --- two-word nouns counted whole ------------------------------------------------------------

_FINAL = "Kiku wins the Corvale Open\n\n"


# --- a deadline told with "should be", a past participle in -ied ------------------------------

_OUTAGE = (
    "Hospital trust hit by cyberattack\n\nA cyberattack has shut the Harlow trust's systems.\n\n"
)


# --- a wildfire story's opening ----------------------------------------------------------------


_FIRE = "Wildfire grows\n\nThe Harlow Ridge Fire has burned 19,000 acres.\n\n"


# --- talks that collapsed; a date past another date; a quoted modal ---------------------------


def test_talks_between_named_parties_that_collapsed_are_dated_as_ended(normalize_text):
    text = (
        "Wage talks between Harlow Mining and the Kelsall Miners' Union (KMU) collapsed on"
        " Wednesday, leaving 9,000 workers on strike.\n"
    )
    facts = normalize_text(text, published=dt.date(2025, 11, 13)).facts
    assert [(f.kind, f.value.start) for f in facts if f.kind.startswith("event.")] == [
        ("event.end_date", dt.date(2025, 11, 12))
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ada Kiku's trial began last Thursday, and she took the stand Friday.\n",
        "Ada Kiku, whose trial began last Thursday, took the stand on Friday.\n",
    ],
)
def test_an_event_word_dated_before_is_not_dated_again_further_on(normalize_text, text):
    facts = normalize_text(text, published=dt.date(2011, 7, 30)).facts
    assert [f.text for f in facts if f.kind.startswith("event.")] == ["last Thursday"]


def test_a_modal_in_a_quotation_does_not_set_the_tense_of_a_date_outside_it(normalize_text):
    text = (
        "On March 3, the minister directed the Corvale agency to review the rules, stating"
        ' that "we should be looking at ways to strengthen them."\n'
    )
    facts = normalize_text(text, published=dt.date(2009, 4, 28)).lead_facts
    assert {f.value.start for f in facts if f.text == "On March 3"} == {dt.date(2009, 3, 3)}


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        (
            "The crew union has threatened a fresh three-day strike from August 3.",
            dt.date(2026, 8, 3),
        ),
        ("The fire threatened 200 homes near Corvale on Tuesday.", dt.date(2026, 6, 9)),
    ],
)
def test_a_threat_looks_ahead_and_a_threatening_fire_does_not(normalize_text, sentence, day):
    result = normalize_text(sentence + "\n", published=dt.date(2026, 6, 10))
    facts = [*result.facts, *result.lead_facts]
    assert {f.value.start for f in facts if isinstance(f.value, Interval)} == {day}


# --- a British and an American spelling of a title word are no name slip ---------------------


def test_a_title_word_in_british_and_american_spelling_is_no_name_slip(ruleset, nlp):
    first = _FERRY + "Harbourmaster Ada Kiku said visibility was poor.\n"
    second = _FERRY + "Harbormaster Ada Kiku has said visibility was poor at the time.\n"
    third = _FERRY + "Harbourmaster Ada Kiku said the tug had been heading out.\n"
    result = check_articles(
        ruleset,
        nlp,
        ("a.txt", "2025-03-11", first),
        ("b.txt", "2025-03-14", second),
        ("c.txt", "2025-03-12", third),
    )
    assert [f for f in result.findings if f.rule == "typo.name"] == []


# --- two steps of one inquiry; a promise "within" a span ----------------------------------------

_FERRY = (
    "Ferry strikes tug\n\nA Corvale ferry collided with a tug in Harlow Harbour on Tuesday.\n\n"
)


@pytest.mark.parametrize(
    ("first", "second", "published"),
    [
        pytest.param(
            _FERRY + "The safety board aims to publish a preliminary report by the end of May.\n",
            _FERRY + "The safety board expects to release its final report by December 31.\n",
            ("2025-03-14", "2025-03-12"),
            id="a-preliminary-and-a-final-report",
        ),
        pytest.param(
            # "to restore online payments" restores: it is no deadline to pay a ransom
            _OUTAGE + "The hackers gave the trust until October 20 to pay.\n",
            _OUTAGE + "The trust is working to restore online payments by Monday, October 21.\n",
            ("2024-10-15", "2024-10-16"),
            id="the-predicate-is-the-verb-after-to-not-its-object",
        ),
    ],
)
def test_two_tasks_give_two_deadlines_never_compared(ruleset, nlp, first, second, published):
    assert _findings(_pair(ruleset, nlp, first, second, published), "deadline") == []


# --- a player's signing: a medical a story tells once ---------------------------------------------

_SIGNING = "Harlow sign Kiku\n\nHarlow Rovers have signed the striker Ana Kiku from Corvale.\n\n"


def test_a_medical_association_dates_no_medical(normalize_text):
    text = "She was chosen as president of the Medical Association of Corvale in 2002.\n"
    facts = normalize_text(text, published=dt.date(2011, 7, 30)).facts
    assert [f for f in facts if f.kind == "event.date"] == []


# --- a vessel aground; litres spilled; two suburbs ---------------------------------------------

_SPILL = "Barge spill\n\nCaustic soda leaked into the river at Esk Norton.\n\n"


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        (
            "An estimated 48,000 litres of the chemical reached the water.",
            "An estimated 48,000 litres",
        ),
        (
            "Some 10,600 gallons of the caustic solution escaped into the river.",
            "Some 10,600 gallons",
        ),
    ],
)
def test_litres_and_gallons_spilled_are_the_spill(normalize_text, sentence, text):
    facts = normalize_text(_SPILL + sentence + "\n", published=dt.date(2024, 10, 15)).facts
    assert [(f.kind, f.text) for f in facts if f.kind == "number.cargo"] == [("number.cargo", text)]


def test_a_sum_of_a_price_is_a_part_not_the_price(normalize_text):
    text = "Kiku Air said $281 million of the purchase price will be paid in cash.\n"
    facts = normalize_text(text, published=dt.date(2012, 3, 1)).facts
    assert [f for f in facts if f.kind == "number.money"] == []


def test_two_neighbouring_towns_of_a_size_are_two_places():
    from checker.gazetteer import places_agree
    from checker.model import Place

    def town(name: str, population: int, at: tuple[float, float]) -> Place:
        return Place(
            name=name,
            kind="city",
            countries=frozenset({"FR"}),
            cities=frozenset({name}),
            coordinates=(at,),
            country="FR",
            population=population,
        )

    a = town("Harlow", 300_000, (45.77, 4.88))
    b = town("Kelsall", 150_000, (45.70, 4.88))
    core = town("Corvale", 1_200_000, (45.75, 4.85))
    assert not places_agree(a, b, core_ratio=3)  # 8 km apart, neither the other's city
    assert places_agree(a, core, core_ratio=3)  # a suburb told as its city
    assert places_agree(a, b)  # without the option, any two cities 8 km apart are one


# --- a museum raid's opening ---------------------------------------------------------------------

_HEIST = "Museum raided\n\nThieves raided the Corvale museum on Sunday.\n\n"


# --- a "start-up" starts nothing -------------------------------------------------------------


def test_a_start_up_named_in_a_lead_is_no_start_of_the_main_event(normalize_text):
    text = (
        "Founder jailed\n\nThe founder of collapsed payments start-up Kikupay was sentenced on"
        " Friday to nine years in jail for defrauding investors.\n"
    )
    facts = _lead_facts(normalize_text, text, dt.date(2025, 6, 27))
    assert [(f.text, f.role) for f in facts] == [("on Friday", "held")]


# --- a sentencing story's opening ------------------------------------------------------------------


_SENTENCED = "Founder jailed\n\nThe Kikupay founder Ada Kiku was jailed on Friday for fraud.\n\n"


def test_two_defendants_sentences_are_not_compared(ruleset, nlp):
    first = _SENTENCED + "She was jailed for nine years for wire fraud.\n"
    second = _SENTENCED + "Her partner Bo Harlow was jailed for four years for wire fraud.\n"
    result = _pair(ruleset, nlp, first, second, ("2025-06-27", "2025-06-28"))
    assert not _findings(result, "number.duration")
    assert [f.text for f in _facts(result, "number.duration")] == ["nine years", "four years"]


def test_years_added_to_a_life_sentence_are_no_sentence_of_their_own(normalize_text):
    facts = normalize_text(
        _SENTENCED + "Kiku was sentenced to life in prison plus 20 years.\n",
        published=dt.date(2025, 6, 27),
    ).facts
    assert not [f for f in facts if f.kind == "number.duration"]


# --- phrasings that give one finding, as two sources write them -------------------------------


_LAUNCH = "Launch called off\n\nThe countdown for the Kiku-2 satellite was halted at Corvale.\n\n"

_STRIKE = "Miners strike\n\nMiners at the Harlow platinum complex walked out on Nov. 3.\n\n"

_FINED = "Firm fined\n\nThe regulator fined Kiku Air for safety breaches on Monday.\n\n"

_ONE_FINDING = [
    pytest.param(
        "deadline",
        _LINE + "The operator said the line would remain closed until at least December 1.\n",
        _LINE + "The line is expected to remain closed until at least November 24.\n",
        ("2025-11-14", "2025-11-17"),
        {"2025-12-01", "2025-11-24"},
        "normalized",
        id="a-closure-until-at-least-a-day-is-a-deadline-compared-across-sources",
    ),
    pytest.param(
        "event.main_date",
        _DEAL + "The health regulator gave the go-ahead on Wednesday to Kiku Health's bid.\n",
        _DEAL + "The health regulator on Tuesday approved Kiku Health's bid.\n",
        ("2026-03-13", "2026-03-11"),
        {"2026-03-11", "2026-03-10"},
        "normalized",
        id="gave-the-go-ahead-on-a-weekday-dates-the-approval",
    ),
    pytest.param(
        "number.casualties",
        _DERAIL + "The train derailed on Thursday, injuring 31 people, four of them seriously,"
        " police said.\n",
        _DERAIL
        + "According to the operator, 13 passengers were injured, four of them seriously.\n",
        ("2025-11-14", "2025-11-17"),
        {"31 people", "13 passengers"},
        "text",
        id="two-counts-with-the-same-part-by-severity-are-one-measure",
    ),
    pytest.param(
        "deadline",
        _ruling("Tuesday", "within 90 days"),
        _ruling("Tuesday", "within 60 days"),
        ("2026-03-11", "2026-03-12"),
        {
            "within 90 days",
            "within 60 days",
        },
        "text",
        id="spans-within-which-one-task-is-due-disagree",
    ),
    pytest.param(
        "number.capacity",
        _DAM + "The Kelsall Dam has fallen to 31.4% of capacity, the water board said.\n",
        _DAM + "The Kelsall Dam has fallen to 34.1 per cent of capacity, officials said.\n",
        ("2026-01-21", "2026-01-22"),
        {
            "31.4% of capacity",
            "34.1 per cent of capacity",
        },
        "text",
        id="two-shares-of-one-dams-capacity-disagree",
    ),
    pytest.param(
        "number.money",
        _FIRE + "Kiku put the damage at 12 million euros.\n",
        _FIRE + "The company said losses would reach around €21 million.\n",
        ("2026-03-12", "2026-03-13"),
        {
            "12 million euros",
            "around €21 million",
        },
        "text",
        id="two-sources-damage-figures-are-compared-though-their-sentences-share-no-word",
    ),
    pytest.param(
        "number.money",
        _BID + "Kiku Air agreed on Monday to buy rival Corvale Airlines for C$2.8 billion.\n",
        _BID + "Kiku Air's agreement on Monday to take over Corvale Airlines for C$2.6 billion"
        " is its boldest move yet.\n",
        ("2026-05-18", "2026-05-19"),
        {
            "C$2.8 billion",
            "C$2.6 billion",
        },
        "text",
        id="the-price-to-buy-a-company-and-to-take-it-over-is-the-deals-value",
    ),
    pytest.param(
        "number.race",
        _RACE + "Ana Kelsall won the Harlow Marathon on Sunday in 2:06:18.\n",
        _RACE + "Ana Kelsall crossed the line in 2:06:48 to take the course record at the"
        " Harlow Marathon.\n",
        ("2026-10-11", "2026-10-12"),
        {"2:06:18", "2:06:48"},
        "normalized",
        id="crossing-the-line-in-a-time-gives-the-winning-time",
    ),
    pytest.param(
        "number.figure",
        _BID + "Kiku Air will pay C$14.50 per share, a premium to Friday's close.\n",
        _BID + "Kiku Air is paying US$14.50 a share.\n",
        ("2026-05-18", "2026-05-19"),
        {"CAD 14.50", "USD 14.50"},
        "normalized",
        id="one-figure-in-two-currencies-disagrees",
    ),
    pytest.param(
        "number.counted",
        _FINAL + "Ana Kiku saved two match points before beating Esk Norton 6-4, 3-6, 7-6 to win"
        " the Corvale Open on Sunday.\n",
        _FINAL + "Ana Kiku saved three match points in the tenth game of the deciding set before"
        " beating Esk Norton to win the Corvale Open.\n",
        ("2025-04-13", "2025-04-14"),
        {"two match points", "three match points"},
        "text",
        id="match-points-are-counted-though-points-alone-are-not",
    ),
    pytest.param(
        "deadline",
        # the listed verb nearest the date is the task, when it is a verb ("pay"), not a
        # noun the verb after "to" acts on ("to restore online payments")
        _FINED + "Kiku Air was ordered to submit a plan and pay the fine by March 1.\n",
        _FINED + "Kiku Air was ordered to pay the fine by March 8.\n",
        ("2025-02-10", "2025-02-11"),
        {"by March 1", "by March 8"},
        "text",
        id="the-listed-verb-nearest-the-date-is-the-task",
    ),
    pytest.param(
        "deadline",
        _STRIKE + "Harlow Mining could begin layoffs if workers do not return to work by Monday.\n",
        _STRIKE + "Harlow Mining told striking miners to be back underground by Tuesday,"
        " November 18.\n",
        ("2025-11-13", "2025-11-14"),
        {"by Monday", "by Tuesday, November 18"},
        "text",
        id="strikers-told-to-return-in-other-words",
    ),
    pytest.param(
        "event.count",
        _LAUNCH + "It was the mission's third postponement.\n",
        _LAUNCH + "The halt was the mission's fourth delay this year.\n",
        ("2025-09-09", "2025-09-12"),
        {"third postponement", "fourth delay"},
        "text",
        id="delays-counted-by-their-ordinal",
    ),
    pytest.param(
        "deadline",
        _OUTAGE + "Under the rules the trust must notify affected patients by April 10.\n",
        _OUTAGE + "Anyone whose records were taken should be notified by the end of April, a"
        " spokesman said.\n",
        ("2026-03-11", "2026-03-12"),
        {
            "by April 10",
            "by the end of April",
        },
        "text",
        id="should-be-notified-by-a-day-is-a-deadline-of-the-task-to-notify",
    ),
    pytest.param(
        "deadline",
        "Fast line opens\n\nThe Corvale fast line opened on Friday.\n\n"
        "An extension to Kelsall is planned by 2032, the minister said.\n",
        "Fast line opens\n\nThe Corvale fast line opened on Friday.\n\n"
        "Attention is turning to the extension to Kelsall, which the government aims to"
        " complete by 2030.\n",
        ("2026-06-13", "2026-06-15"),
        {
            "by 2032",
            "by 2030",
        },
        "text",
        id="a-deadline-with-no-predicate-is-compared-with-one-for-the-same-thing",
    ),
    pytest.param(
        "number.disruption",
        _OUTAGE + "About 1,100 outpatient appointments have been cancelled so far.\n",
        _OUTAGE + "Some 1,400 appointments at the trust's seven hospitals have been called off.\n",
        ("2026-03-11", "2026-03-12"),
        {"About 1,100 outpatient appointments", "Some 1,400 appointments"},
        "text",
        id="a-count-of-places-in-the-subject-leaves-the-measure-to-the-first-count",
    ),
    pytest.param(
        "place.moved",
        _OUTAGE + "Ambulances were being diverted to hospitals in Esk Norton.\n",
        _OUTAGE + "In the meantime ambulances are being rerouted to Tollerby.\n",
        ("2026-03-10", "2026-03-11"),
        {
            "in Esk Norton",
            "to Tollerby",
        },
        "text",
        id="where-ambulances-were-diverted-is-compared",
    ),
    pytest.param(
        "event.place",
        _FIRE + "The Harlow Ridge Fire started near Esk Norton and ran east.\n",
        _FIRE + "The fire has been burning since Thursday, when it was first reported near"
        " Tollerby.\n",
        ("2025-08-17", "2025-08-18"),
        {
            "near Esk Norton",
            "near Tollerby",
        },
        "text",
        id="where-a-fire-started-is-compared",
    ),
    pytest.param(
        "number.casualties",
        _FIRE + 'Some 2,600 people were ordered out on Friday under Level 3 "Go Now" notices.\n',
        _FIRE + "Friday's evacuation orders covered about 6,200 residents, most of them under"
        ' Level 3 "Go Now" notices.\n',
        ("2025-08-17", "2025-08-18"),
        {"Some 2,600 people", "about 6,200 residents"},
        "text",
        id="those-ordered-out-are-the-evacuated-and-a-quoted-now-updates-nothing",
    ),
    pytest.param(
        "deadline",
        _FERRY + "The safety board said it would publish preliminary findings within 30 days.\n",
        _FERRY + "The safety board aims to publish preliminary findings by the end of May.\n",
        ("2025-03-11", "2025-03-14"),
        {"2025-04-10 or 2025-04-09", "2025-05-31"},
        "normalized",
        id="a-promise-within-a-span-counts-from-the-main-event",
    ),
    pytest.param(
        "event.main_date",
        "Ferry strikes tug\n\nA Corvale ferry collided with a tug off Esk Point on Tuesday.\n",
        "Collision under scrutiny\n\nInvestigators are studying the Corvale ferry that struck"
        " a tug off Esk Point on Wednesday morning.\n",
        ("2025-03-11", "2025-03-14"),
        {"on Tuesday", "on Wednesday morning"},
        "text",
        id="a-ferry-that-struck-a-tug-and-one-that-collided-with-it-are-one-collision",
    ),
    pytest.param(
        "event.place",
        "Ferry strikes tug\n\nA Corvale ferry struck a tug off Esk Point on Tuesday.\n",
        "Ferry hits tug\n\nThe Corvale ferry ploughed into a tug off Tollerby Island on Tuesday.\n",
        ("2025-03-11", "2025-03-11"),
        {
            "off Esk Point",
            "off Tollerby Island",
        },
        "text",
        id="where-a-ferry-struck-a-tug-is-compared",
    ),
    pytest.param(
        "number.figure",
        _FERRY + "The ferry had been travelling at about 12 knots when it hit the tug.\n",
        _FERRY + "The ferry was traveling at roughly 21 knots when it hit the tug.\n",
        ("2025-03-11", "2025-03-14"),
        {
            "travelling at about 12 knots",
            "traveling at roughly 21 knots",
        },
        "text",
        id="two-estimated-speeds-far-apart-disagree",
    ),
    pytest.param(
        "event.date",
        _SIGNING + "Kiku underwent a medical on Thursday at the training ground.\n",
        _SIGNING + "Kiku passed her medical on Wednesday and was unveiled in a video.\n",
        ("2025-08-29", "2025-08-30"),
        {
            "on Thursday",
            "on Wednesday",
        },
        "text",
        id="a-players-medical-is-dated-though-the-sentences-share-no-word",
    ),
    pytest.param(
        "event.place",
        _SIGNING + "Kiku flew into Leeds on Wednesday night.\n",
        _SIGNING + "Kiku landed in Bristol earlier in the week to sign the papers.\n",
        ("2025-08-29", "2025-08-30"),
        {
            "into Leeds",
            "in Bristol",
        },
        "text",
        id="where-a-traveller-flew-in-is-compared",
    ),
    pytest.param(
        "event.lead_date",
        "Barge spill\n\nA tanker barge struck rocks near Esk Norton on Sunday, spilling soda.\n",
        "River shut\n\nThe town was quiet on Monday. Since the tanker barge ran aground on"
        " Saturday and spilled part of its cargo, no ship has passed.\n",
        ("2024-10-14", "2024-10-15"),
        {"on Sunday", "on Saturday"},
        "text",
        id="a-barge-that-ran-aground-dates-the-main-event",
    ),
    pytest.param(
        "number.crime",
        _HEIST + "The thieves escaped with eight pieces of jewellery from the museum.\n",
        _HEIST + "The nine pieces of jewellery stolen from the museum are valued at €12 million.\n",
        ("2025-11-03", "2025-11-07"),
        {
            "eight pieces",
            "nine pieces",
        },
        "text",
        id="pieces-of-jewellery-stolen-are-counted",
    ),
    pytest.param(
        "number.figure",
        _HEIST + "The insurer's €100,000 reward for information expires at the end of November.\n",
        _HEIST + "The insurer has offered a reward of €150,000 for information.\n",
        ("2025-11-07", "2025-11-04"),
        {
            "€100,000 reward",
            "reward of €150,000",
        },
        "text",
        id="a-figure-after-a-possessive-describes-the-noun-after-it",
    ),
    pytest.param(
        "event.lead_date",
        "Highway shut\n\nA rockslide buried a section of the Corvale highway early on Tuesday,"
        " cutting a freight corridor.\n",
        "Detour for freight\n\nCarriers face a long detour after a rockslide early on Wednesday"
        " closed the Corvale highway.\n",
        ("2025-11-04", "2025-11-06"),
        {"early on Tuesday", "early on Wednesday"},
        "text",
        id="a-rockslide-dates-the-main-event",
    ),
    pytest.param(
        "number.court",
        _SENTENCED + "Kiku pleaded guilty in April to 12 charges of cheating and forgery.\n",
        _SENTENCED + "Kiku was jailed after pleading guilty to 19 charges of cheating.\n",
        ("2025-06-27", "2025-06-28"),
        {
            "12 charges",
            "19 charges",
        },
        "text",
        id="charges-pleaded-guilty-to-are-counted",
    ),
    pytest.param(
        "number.duration",
        _SENTENCED + "Kiku was sentenced on Friday to seven years and four months in prison.\n",
        _SENTENCED + "Kiku was jailed for seven years and nine months.\n",
        ("2025-06-27", "2025-06-28"),
        {"7 years 4 months", "7 years 9 months"},
        "normalized",
        id="a-sentence-told-in-years-and-months-is-one-time",
    ),
    pytest.param(
        "number.duration",
        _SENTENCED + "Kiku was handed a prison term of four years.\n",
        _SENTENCED + "Kiku received a five-year prison term.\n",
        ("2025-06-27", "2025-06-28"),
        {"four years", "five-year prison term"},
        "text",
        id="a-prison-term-of-years-and-a-years-long-prison-term",
    ),
    pytest.param(
        "number.duration",
        "Winger signs\n\nCorvale FC signed the winger Tomas Kiku on a five-year contract.\n",
        "Winger signs\n\nTomas Kiku has agreed a four-year deal with Corvale FC.\n",
        ("2025-06-27", "2025-06-28"),
        {"5 years", "4 years"},
        "normalized",
        id="a-players-contract-length",
    ),
    pytest.param(
        "number.vote_share",
        "Vote counted\n\nThe commission gave Civic Front 36.2% of the vote and 27 seats.\n",
        "Vote counted\n\nCivic Front took 41.7% of the vote in the election.\n",
        ("2026-03-02", "2026-03-03"),
        {"36.2% of the vote", "41.7% of the vote"},
        "text",
        id="a-partys-share-of-the-vote",
    ),
    pytest.param(
        "number.pay",
        "Crew strike\n\nThe union wants a 7% rise. Kiku Air has offered 3.5%.\n",
        "Crew strike\n\nThe airline has offered 5.3%, management said.\n",
        ("2026-03-02", "2026-03-03"),
        {"3.5%", "5.3%"},
        "text",
        id="a-disputes-pay-offer-in-sentences-sharing-no-word",
    ),
    pytest.param(
        "number.transport",
        "Crew strike\n\nThe union speaks for some 1,900 of the carrier's 2,600 cabin crew.\n",
        "Crew strike\n\nKiku Air employs 2,900 cabin crew, the union says.\n",
        ("2026-03-02", "2026-03-03"),
        {"2,600 cabin crew", "2,900 cabin crew"},
        "text",
        id="a-part-of-a-body-of-people-is-not-the-body",
    ),
    pytest.param(
        "number.area",
        "Quake\n\nA magnitude 6.8 earthquake struck on Saturday. A magnitude 5.2 aftershock"
        " hit on Sunday.\n",
        "Quake\n\nThe magnitude 7.0 quake was felt in the capital. The strongest, a 5.2-magnitude"
        " aftershock, brought down a tower.\n",
        ("2026-03-15", "2026-03-16"),
        {"magnitude 6.8", "magnitude 7.0"},
        "text",
        id="the-main-shocks-magnitude-is-told-from-an-aftershocks",
    ),
    pytest.param(
        "event.place",
        "Quake\n\nA strong earthquake struck on Saturday. Its epicentre was in Mendoza.\n",
        "Quake\n\nA strong earthquake struck on Saturday. The epicenter lay near Rosario.\n",
        ("2026-03-15", "2026-03-16"),
        {"in Mendoza", "near Rosario"},
        "text",
        id="where-a-quakes-epicentre-lay",
    ),
    pytest.param(
        "deadline",
        "Crew strike\n\nThe conciliator gave the two sides until Friday, May 15 to reach an"
        " agreement.\n",
        "Crew strike\n\nThe labour ministry has now set a May 22 deadline for an agreement.\n",
        ("2026-05-08", "2026-05-09"),
        {"until Friday, May 15", "May 22"},
        "text",
        id="a-deadline-for-an-agreement-is-a-deadline-to-agree",
    ),
    pytest.param(
        "number.area",
        "Quake\n\nA magnitude 7.6 earthquake struck the coast on Sunday.\n",
        "Quake\n\nThe magnitude 7.7 quake struck the coast on Sunday.\n",
        ("2026-03-15", "2026-03-16"),
        {"7.6", "7.7"},
        "normalized",
        id="two-figures-rounded-alike-that-only-touch-differ",
    ),
    pytest.param(
        "number.moves",
        "Retailer warns\n\nKiku Homeware said like-for-like sales fell 5.2% over the nine weeks to"
        " December 28.\n",
        "Retailer warns\n\nAt Kiku Homeware, like-for-like sales dropped 2.5 percent over the"
        " nine weeks to December 28.\n",
        ("2026-01-13", "2026-01-14"),
        {"5.2%", "2.5 percent"},
        "text",
        id="how-far-a-companys-sales-moved",
    ),
    pytest.param(
        "number.moves",
        "Retailer warns\n\nKiku Homeware shares have fallen 12% in trading on Tuesday.\n",
        "Retailer warns\n\nKiku Homeware shares slumped 21% on Tuesday after the warning.\n",
        ("2026-01-13", "2026-01-13"),
        {"12%", "21%"},
        "text",
        id="a-move-told-in-the-perfect-or-by-another-verb",
    ),
    pytest.param(
        "event.count",
        "Retailer warns\n\nKiku Homeware put out its third profit warning this year.\n",
        "Retailer warns\n\nKiku Homeware put out its second profit warning since March.\n",
        ("2026-01-13", "2026-01-14"),
        {"its third profit warning", "its second profit warning"},
        "text",
        id="a-companys-profit-warnings-are-a-series",
    ),
    pytest.param(
        "deadline",
        "Captives freed\n\nSix captives were freed on Saturday in Corvale. The remaining"
        " captives are to be released within 20 days.\n",
        "Captives freed\n\nSix captives were freed on Saturday. The remaining captives must be"
        " released by the end of June.\n",
        ("2026-05-09", "2026-05-11"),
        {"within 20 days", "by the end of June"},
        "text",
        id="a-task-that-is-to-be-done-within-a-span-counts-from-the-main-event",
    ),
    pytest.param(
        "number.counted",
        "Captives freed\n\nIn return, the government has let go a total of 264 prisoners.\n",
        "Captives freed\n\nIn all, 246 prisoners have now left state jails under the deal.\n",
        ("2026-05-09", "2026-05-11"),
        {"264 prisoners", "246 prisoners"},
        "text",
        id="in-all-before-a-count-makes-it-a-whole",
    ),
    pytest.param(
        "number.outlook",
        "Retailer warns\n\nKiku Homeware now expects annual profit of between £31m and £35m.\n",
        "Retailer warns\n\nKiku Homeware cut its profit forecast to £28m to £35m on Tuesday.\n",
        ("2026-01-13", "2026-01-13"),
        {"between £31m and £35m", "£28m to £35m"},
        "text",
        id="two-guidance-ranges-that-meet-but-differ-at-one-end",
    ),
    pytest.param(
        "number.outlook",
        "Retailer warns\n\nKiku Homeware now expects underlying operating profit for the half"
        " ending June of €17m to €19m.\n",
        "Retailer warns\n\nThe chain now forecasts first-half operating profit of €15m to €19m.\n",
        ("2026-01-13", "2026-01-13"),
        {"€17m to €19m", "€15m to €19m"},
        "text",
        id="guidance-told-with-words-between-expects-and-profit",
    ),
    pytest.param(
        "number.figure",
        "Gallery theft\n\nPolice in Tollerby have offered a reward of €40,000 for information"
        " on the stolen paintings.\n",
        "Gallery theft\n\nTollerby police put up a €25,000 reward for the stolen paintings.\n",
        ("2026-01-13", "2026-01-14"),
        {"reward of €40,000", "€25,000 reward"},
        "text",
        id="a-sum-after-of-is-what-the-noun-before-of-comes-to",
    ),
    pytest.param(
        "event.date",
        "Esk floods\n\nThe River Esk peaked at 4.2 metres in Tollerby early on Saturday as"
        " heavy rain fell.\n",
        "Esk floods\n\nThe Esk crested early Friday in Tollerby as heavy rain fell.\n",
        ("2026-11-16", "2026-11-16"),
        {"early on Saturday", "early Friday"},
        "text",
        id="a-rivers-crest-told-by-two-verbs",
    ),
    pytest.param(
        "number.counted",
        "Esk floods\n\nThe council opened nine emergency rest centres in Tollerby as the Esk"
        " burst its banks.\n",
        "Esk floods\n\nTollerby council opened 12 shelters after the Esk burst its banks.\n",
        ("2026-11-16", "2026-11-16"),
        {"nine emergency rest centres", "12 shelters"},
        "text",
        id="rest-centres-are-shelters",
    ),
    pytest.param(
        "number.duration",
        "Harlow outage\n\nThe 14-hour blackout left 90,000 homes in Harlow without power.\n",
        "Harlow outage\n\nIn Harlow the blackout lasted nine hours, leaving 90,000 homes dark.\n",
        ("2026-03-04", "2026-03-04"),
        {"14-hour blackout", "nine hours"},
        "text",
        id="how-long-a-blackout-lasted",
    ),
    pytest.param(
        "number.money",
        "Spill fine\n\nKelsall Water faces a fine of up to £60 million, the regulator said.\n",
        "Spill fine\n\nThe regulator said Kelsall Water faces a fine of up to £35 million.\n",
        ("2026-01-13", "2026-01-13"),
        {"up to £60 million", "up to £35 million"},
        "text",
        id="two-maxima-of-one-fine",
    ),
]


def test_to_conclude_a_review_is_to_complete_it(normalize_text):
    text = "Retailer warns\n\nThe review of its 140 shops is due to conclude by the end of April.\n"
    facts = normalize_text(text, published=dt.date(2026, 1, 13)).facts
    (deadline,) = [f for f in facts if f.kind == "deadline"]
    assert "^complete" in deadline.context


def test_a_move_up_is_never_the_same_move_as_one_down(ruleset, nlp):
    first = "Bid for Kiku\n\nShares in Kiku Pharma jumped 27% on Monday after the bid.\n"
    second = "Bid for Kiku\n\nKiku Pharma shares fell 3% on Monday as Corvale made its bid.\n"
    result = _pair(ruleset, nlp, first, second, ("2026-01-13", "2026-01-13"))
    assert not _findings(result, "number.moves")
    assert [f.text for f in _facts(result, "number.moves")] == ["27%", "3%"]


def test_a_move_over_a_longer_time_is_not_the_days_move(ruleset, nlp):
    first = "Retailer warns\n\nShares in Kiku Homeware fell 18% on Tuesday after the warning.\n"
    second = "Retailer warns\n\nKiku Homeware shares lost 35% of their value this year.\n"
    result = _pair(ruleset, nlp, first, second, ("2026-01-14", "2026-01-14"))
    assert not _findings(result, "number.moves")
    assert [f.text for f in _facts(result, "number.moves")] == ["18%"]


def test_the_third_and_final_round_counts_three_and_since_the_first_none(normalize_text):
    text = (
        "Talks\n\nCorvale has been the venue since the first round. The third and final"
        " round of talks ended on Thursday.\n"
    )
    facts = normalize_text(text, published=dt.date(2026, 3, 14)).facts
    assert [(f.text, f.value) for f in facts if f.kind == "event.count"] == [
        ("The third and final round", 3)
    ]


@pytest.mark.parametrize(
    ("rule", "first", "second", "published", "expected", "field"), _ONE_FINDING
)
def test_a_phrasing_gives_one_finding(
    ruleset, nlp, rule, first, second, published, expected, field
):
    """Each case: two invented articles, and the evidence of the one finding of ``rule``."""
    assert _evidence(ruleset, nlp, rule, first, second, published, field=field) == expected


def test_one_guidance_range_told_two_ways_agrees(ruleset, nlp):
    # "between £31m and £35m" and "£31 million to £35 million" are one range; the earlier
    # guidance ("from £41m") is no figure of the outlook
    first = "Retailer warns\n\nKiku Homeware now expects annual profit of between £31m and £35m.\n"
    second = (
        "Retailer warns\n\nKiku Homeware cut its profit forecast to £31 million to £35 million"
        " from £41 million.\n"
    )
    result = _pair(ruleset, nlp, first, second, ("2026-01-13", "2026-01-14"))
    assert not _findings(result, "number.outlook")
    assert [a.rule for a in result.agreements if a.rule == "number.outlook"] == ["number.outlook"]
    assert [f.text for f in _facts(result, "number.outlook")] == [
        "between £31m and £35m",
        "£31 million to £35 million",
    ]
