"""Quantity shapes of unseen copy: a count whose noun is described by another noun, a
figure of a thing stated as its modifier or as its predicate, scorelines. Invented sentences."""

from __future__ import annotations

import pytest

from tests.conftest import check_articles as _check

PUBLISHED = "2024-10-14"


def _story(*texts: str, published: str = PUBLISHED):
    names = ["coastal-herald.txt", "river-wire.txt", "plains-daily.txt"]
    return [(names[i], published, text + "\n") for i, text in enumerate(texts)]


def _discrepancies(result, rule: str) -> list:
    return [f for f in result.findings if f.kind == "discrepancy" and f.rule == rule]


def _number_findings(result) -> list:
    return [f for f in result.findings if f.rule.startswith("number.")]


@pytest.mark.parametrize(
    ("texts", "rule", "message"),
    [
        pytest.param(
            (
                "Health officials confirmed 38 cases in the Varn valley on Monday.",
                "Officials have confirmed 83 cholera cases in the Varn valley.",
            ),
            "number.cases",
            "Sources disagree on the number of cases: 38 (coastal-herald.txt) vs 83 "
            "(river-wire.txt)",
            id="noun-describing-the-measure-noun",
        ),
        pytest.param(
            (
                "Work began on Monday on a 450-megawatt wind farm off the Brenn coast.",
                "The wind farm will generate 540 megawatts once its turbines are installed.",
            ),
            "number.figure",
            "Sources disagree on the figure tied to 'farm': 450 megawatt (coastal-herald.txt) "
            "vs 540 megawatt (river-wire.txt)",
            id="power-as-modifier-and-as-predicate",
        ),
        pytest.param(
            (
                "Kelso Athletic won the regional cup final 3-1 against Marrow Town on Saturday.",
                "Kelso Athletic beat Marrow Town 3\u20132 in the regional cup final on Saturday.",
            ),
            "number.scoreline",
            "Sources disagree on the score: 3-1 (coastal-herald.txt) vs 3-2 (river-wire.txt)",
            id="scoreline",
        ),
        pytest.param(
            (
                "The transport ministry allocated JD2.4 million to resurface the airport road.",
                "The transport ministry has allocated JD4.2 million to resurface the airport road.",
            ),
            "number.figure",
            "Sources disagree on the figure tied to 'allocated': JOD 2.4 million "
            "(coastal-herald.txt) vs JOD 4.2 million (river-wire.txt)",
            id="local-currency-abbreviation-glued",
        ),
        pytest.param(
            (
                "Marrow Town lost 1-3 to Kelso Athletic in the regional cup final on Saturday.",
                "Kelso Athletic won the regional cup final by three goals to nil against "
                "Marrow Town.",
            ),
            "number.scoreline",
            "Sources disagree on the score: 3-1 (coastal-herald.txt) vs 3-0 (river-wire.txt)",
            id="scoreline-loser-first-and-in-words",
        ),
        pytest.param(
            (
                "Rescuers reached 12 cavers on Saturday who had been trapped for six days in the"
                " Orla gorge.",
                "The 12 cavers were brought out of the Orla gorge, trapped for nine days.",
            ),
            "number.duration",
            "Sources disagree on the time trapped: 6 days (coastal-herald.txt) vs 9 days "
            "(river-wire.txt)",
            id="time-trapped",
        ),
        pytest.param(
            (
                "The cyclone crossed the Dalmo coast with winds of 175 km/h before weakening"
                " over the hills.",
                "Near Dalmo, the cyclone came ashore bringing winds of 155 km/h.",
            ),
            "number.figure",
            "Sources disagree on the figure tied to 'winds': 175 km / hour "
            "(coastal-herald.txt) vs 155 km / hour (river-wire.txt)",
            id="what-the-subject-did-next-is-no-earlier-figure",
        ),
        pytest.param(
            (
                "Organisers said about 54,000 tickets were sold for the Orla festival.",
                "About 59,000 tickets were sold for the Orla festival, its director said.",
            ),
            "number.goods",
            "Sources disagree on how many were sold (tickets): about 54,000 "
            "(coastal-herald.txt) vs about 59,000 (river-wire.txt)",
            id="two-estimates-of-one-figure",
        ),
        pytest.param(
            (
                "Varro Bank said 2.9 million customers, with 3.4 million accounts between them,"
                " could not use its app.",
                "The outage left 2.4 million customers of Varro Bank without its app.",
            ),
            "number.counted",
            "Sources disagree on how many customers: 2.9 million (coastal-herald.txt) vs "
            "2.4 million (river-wire.txt)",
            id="a-count-told-beside-another-count",
        ),
        pytest.param(
            (
                "The finance minister said income tax for top earners would drop from 41% to 39%.",
                "Budget papers show the income tax rate for top earners falling to 36%.",
            ),
            "number.rates",
            "Sources disagree on the income tax rate: 39% (coastal-herald.txt) vs 36% "
            "(river-wire.txt)",
            id="a-tax-rate",
        ),
        pytest.param(
            (
                "Ivo Rask broke away at the 35 km mark to win in 2:09:16 on Sunday.",
                "Ivo Rask took the Orla marathon on Sunday, winning it in 2:10:06.",
            ),
            "number.race",
            "Sources disagree on the winning time: 2:09:16 (coastal-herald.txt) vs 2:10:06 "
            "(river-wire.txt)",
            id="a-winning-time-after-the-race-s-name",
        ),
        pytest.param(
            (
                "The Orla dam collapsed, releasing about 410,000 cubic metres of mud.",
                "The Orla dam burst on Tuesday, releasing some 140,000 cubic metres of mud.",
            ),
            "number.figure",
            "Sources disagree on the figure tied to 'releasing': about 410,000 m\u00b3 "
            "(coastal-herald.txt) vs about 140,000 m\u00b3 (river-wire.txt)",
            id="estimated-volumes",
        ),
        pytest.param(
            (
                "VARN, Oct 11 (Coast Wire) - All 14 crew members were rescued after the "
                "freighter Orla ran aground.",
                "VARN (Plains Press) - Coastguards rescued 15 crew members on Friday after the "
                "freighter Orla ran aground.",
            ),
            "number.transport",
            "Sources disagree on how many crew: 14 (coastal-herald.txt) vs 15 (river-wire.txt)",
            id="a-capital-opening-the-sentence-after-a-dateline",
        ),
        pytest.param(
            (
                "The Orla ferry hit the pier on Friday. Three passengers were treated for "
                "minor injuries at the Orla terminal.",
                "The Orla ferry struck the pier on Friday. Two passengers sustained minor "
                "injuries at the Orla terminal.",
            ),
            "number.casualties",
            "Sources disagree on how many were slightly injured: 3 (coastal-herald.txt) vs 2 "
            "(river-wire.txt)",
            id="a-verb-whose-object-is-the-measure-word",
        ),
        pytest.param(
            (
                "Officials ordered 23 low-lying hamlets evacuated before the storm.",
                "Officials ordered 32 low-lying hamlets evacuated as the storm neared.",
            ),
            "number.casualties",
            "Sources disagree on how many were displaced (hamlets): 23 (coastal-herald.txt) "
            "vs 32 (river-wire.txt)",
            id="things-described-by-a-hyphenated-compound",
        ),
        pytest.param(
            (
                "VARN, Nov 23 (Coast Wire) - Four climbers who were pinned down by a storm high "
                "on the Orla ridge were flown out on Saturday, police said.",
                "Five climbers stranded high on the Orla ridge were flown out on Saturday.",
            ),
            "number.counted",
            "Sources disagree on how many climbers: 4 (coastal-herald.txt) vs 5 (river-wire.txt)",
            id="a-count-right-after-a-dateline-s-dash",
        ),
        pytest.param(
            (
                "Ivo Rask, 52, was convicted on Monday on 37 counts of fraud in Varn.",
                "Ivo Rask was convicted of fraud in Varn after a trial, and the court found him "
                "guilty on 34 counts.",
            ),
            "number.court",
            "Sources disagree on how many were convicted (counts): 37 (coastal-herald.txt) vs "
            "34 (river-wire.txt)",
            id="a-date-between-the-measure-and-the-count",
        ),
        pytest.param(
            (
                "Four Britons were killed when the tour bus overturned near Varn.",
                "The tour bus overturned near Varn, killing three Britons, police said.",
            ),
            "number.casualties",
            "Sources disagree on how many were killed: 4 (coastal-herald.txt) vs "
            "3 (river-wire.txt)",
            id="people-named-by-their-nation",
        ),
    ],
)
def test_unseen_shapes_disagree(ruleset, nlp, texts, rule, message):
    result = _check(ruleset, nlp, *_story(*texts))
    (finding,) = _discrepancies(result, rule)
    assert finding.message == message


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param(
            "Health officials confirmed 83 cases in the Varn valley on Monday.",
            "Officials have confirmed 83 cholera cases in the Varn valley.",
            id="same-count-described",
        ),
        pytest.param(
            "Work began on Monday on a 450-megawatt wind farm off the Brenn coast.",
            "The wind farm will generate 0.45 GW once its turbines are installed.",
            id="power-converted",
        ),
        pytest.param(
            "The transport ministry allocated JD2.4 million to resurface the airport road.",
            "The transport ministry allocated 2.4 million Jordanian dinars to resurface the "
            "airport road.",
            id="local-currency-abbreviation-and-name",
        ),
        pytest.param(
            "Work began on Monday on a 450-megawatt wind farm off the Brenn coast.",
            "Each of the farm's 5-megawatt turbines stands on a steel base off the Brenn coast.",
            id="power-of-a-part",
        ),
        pytest.param(
            "Kelso Athletic won the regional cup final by three goals to one on Saturday.",
            "Marrow Town lost 1\u20133 to Kelso Athletic in the regional cup final on Saturday.",
            id="scoreline-written-three-ways",
        ),
        pytest.param(
            "Kelso Athletic won the regional cup final 3-1 against Marrow Town on Saturday.",
            "Kelso Athletic had led Marrow Town 2-1 at half-time in the regional cup final.",
            id="half-time-score",
        ),
        pytest.param(
            "Kelso Athletic won the regional cup semi-final 3-1 against Marrow Town.",
            "Kelso Athletic went through against Marrow Town 4-3 on aggregate in the regional "
            "cup semi-final.",
            id="aggregate-score",
        ),
        pytest.param(
            "Kelso Athletic beat Marrow Town 4-2 on penalties in the regional cup final.",
            "Kelso Athletic and Marrow Town drew 1-1 in the regional cup final before "
            "Kelso won the shoot-out.",
            id="shoot-out-score",
        ),
        pytest.param(
            "Kelso Athletic won the regional cup final 3-1 against Marrow Town on Saturday.",
            "Kelso Athletic also beat Marrow Town 2-0 in the regional cup final of 2019.",
            id="another-year",
        ),
        pytest.param(
            "Kelso Athletic won the regional cup final 3-1 against Marrow Town on Saturday.",
            "Kelso Athletic beat Marrow Town 2-0 in their last meeting in the regional cup.",
            id="earlier-meeting",
        ),
        pytest.param(
            "The Kelso council approved the plan 5-4 on Monday after a long debate.",
            "The Kelso council voted 6-3 to approve the plan, a win for the mayor.",
            id="council-vote",
        ),
        pytest.param(
            "Kelso Athletic won the tie-break 7-5 and the match 6-4, 7-6 against Marrow.",
            "Kelso Athletic beat Marrow 6-4, 7-5 in the regional final.",
            id="tennis-sets",
        ),
        pytest.param(
            "The champion Ruiz (31-2, 25 KOs) won his ninth straight fight in Reno on Saturday.",
            "The veteran Ortega, 27-1, 19 KOs, won a points decision in Reno on Saturday.",
            id="fighters-records",
        ),
        pytest.param(
            "The new cable links 14 countries along the Red Sea coast.",
            "A second cable links 31 different countries along the Red Sea coast.",
            id="adjective-before-the-measure-noun",
        ),
        pytest.param(
            "Kelso Athletic began their campaign by beating Marrow Town 3-1 at home, Ivo Rask"
            " scoring both goals.",
            "Elsewhere, Brill Rovers won 2-0 away at Dunmore City, Ned Hale setting up both goals.",
            id="another-match-between-other-teams",
        ),
        pytest.param(
            "The jet, flight OR204 from Orla to Varn, had 148 people on board.",
            "Flight OR204, carrying 141 passengers and seven crew, landed safely at Orla.",
            id="a-part-of-a-listed-total",
        ),
        pytest.param(
            "The carrier has cancelled about 35 departures a day during the Orla walkout.",
            "The carrier said 105 departures have been cancelled so far in the Orla walkout.",
            id="a-count-a-day-is-a-rate",
        ),
        pytest.param(
            "Organisers said about 1.2 million tickets were sold for the Orla festival.",
            "About 1.25 million tickets were sold for the Orla festival, its director said.",
            id="two-estimates-rounded-alike",
        ),
        pytest.param(
            "Kelso Athletic signed the striker for a club-record fee of 9.5 million euros.",
            "The striker joined Kelso Athletic for a fee that could rise to \u20ac12m with add-ons.",
            id="a-sum-that-could-reach-a-figure",
        ),
        pytest.param(
            "VARN (Coast Wire) - Four Seasons hotels in the Orla valley will raise room rates.",
            "The group runs Seven Seasons hotels in the Orla valley and will raise room rates.",
            id="a-number-in-a-name",
        ),
    ],
)
def test_unseen_shapes_no_finding(ruleset, nlp, first, second):
    result = _check(ruleset, nlp, *_story(first, second))
    assert _number_findings(result) == []


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("allocated JD2.4 million", ["JOD 2.4 million"]),
        ("a KD3.5m fine", ["KWD 3.5 million"]),
        ("raised USD40 million", ["USD 40 million"]),
        # letters glued to a figure that no list names as a currency are no sign
        ("the A380 and the G7 summit", []),
        # a sign's letters with a plain number are a name: a petrol grade
        ("RON95 petrol", []),
        ("paid Ksh400 million", ["SHILLING 400 million"]),
    ],
)
def test_letters_glued_to_a_figure_are_a_currency_only_when_listed(ruleset, nlp, text, stated):
    from checker.extract.context import quantity_lexicon
    from checker.quantities import find_numbers, to_amount

    lexicon = quantity_lexicon(ruleset)
    doc = nlp.make_doc(text)
    words = [token.lower_ for token in doc]
    glued = [not token.whitespace_ for token in doc]
    found = [to_amount(p, lexicon).stated for p in find_numbers(words, lexicon, glued=glued)]
    assert found == stated


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("the dead were mostly children under five", []),
        ("children aged five and over", []),
        ("all pupils under the age of 12", []),
        ("people over 65 and 40 nurses", ["40"]),
        # a count after a hedge, a noun before it that tells no age
        ("killed over 40 people", ["more than 40"]),
        ("the children, about 300 of them", ["about 300"]),
    ],
)
def test_an_age_is_no_count(ruleset, nlp, text, stated):
    from checker.extract.context import quantity_lexicon
    from checker.quantities import find_numbers, to_amount

    lexicon = quantity_lexicon(ruleset)
    words = [token.lower_ for token in nlp.make_doc(text)]
    assert [to_amount(p, lexicon).stated for p in find_numbers(words, lexicon)] == stated


def test_one_figure_each_in_sentences_telling_one_happening_disagree(ruleset, nlp):
    # the clauses share no word ("41 people were hurt" / "injuring 44 people"), the
    # sentences tell one happening: each source's one figure of the measure is compared
    result = _check(
        ruleset,
        nlp,
        *_story(
            "Forty-one people were hurt when the bus overturned near the ferry terminal.",
            "The bus overturned near the ferry terminal, injuring 44 people.",
        ),
    )
    (finding,) = _discrepancies(result, "number.casualties")
    assert (
        finding.message
        == "Sources disagree on how many were injured: 41 (coastal-herald.txt) vs 44 (river-wire.txt)"
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # sentences that share fewer than three words: maybe two accidents
        (
            "Forty-one people were hurt when the bus overturned on Monday.",
            "A lorry hit a tram near the ferry terminal, injuring 44 people.",
        ),
        # each names a place the other does not: two accidents
        (
            "Forty-one people were hurt when the bus overturned near Tarvik.",
            "The bus overturned near Veldra, injuring 44 people.",
        ),
    ],
    ids=["few-shared-words", "other-names"],
)
def test_one_figure_each_in_other_sentences_no_finding(ruleset, nlp, first, second):
    result = _check(ruleset, nlp, *_story(first, second))
    assert _discrepancies(result, "number.casualties") == []
