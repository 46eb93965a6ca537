"""Places the gazetteer does not know: the ``place.site`` rule (where a thing the story names
by its kind lies: a sandbank, a depot, a crossing) and ``unknown_places`` of the place
rules (a derailment near a hamlet no gazetteer lists, a route's other end, the worst-hit
town, the main event's place). Two local names disagree
when they share no word of their own and no source of the story names both.

Every sentence below is invented for these tests.
"""

from __future__ import annotations

import pytest

from tests.conftest import check_articles as _check

PUBLISHED = "2025-03-11"


def _story(*texts: str):
    names = ["coastal-herald.txt", "river-wire.txt", "plains-daily.txt"]
    return [(names[i], PUBLISHED, text + "\n") for i, text in enumerate(texts)]


def _place_findings(result) -> list:
    return [
        f
        for f in result.findings
        if f.kind == "discrepancy"
        and (f.rule in ("event.place", "event.main_place") or f.rule.startswith("place."))
    ]


@pytest.mark.parametrize(
    ("texts", "rule", "message"),
    [
        (
            (
                "The freighter grounded on a sandbank off Orsby Point early on Monday, the "
                "coastguard said.",
                "Tugs stood by the cargo ship, which has been stuck on a sandbank near Haddle "
                "Ness since Monday.",
            ),
            "place.site",
            "Sources disagree on where the sandbank is: Orsby Point (coastal-herald.txt) vs "
            "Haddle Ness (river-wire.txt)",
        ),
        (
            (
                "Drivers are being sent on a diversion through the Pellow crossing until the "
                "repairs are done.",
                "Traffic has been diverted to the crossing at Quenby, adding 20 minutes to "
                "journeys.",
            ),
            "place.site",
            "Sources disagree on where the crossing is: Pellow (coastal-herald.txt) vs "
            "Quenby (river-wire.txt)",
        ),
        (
            (
                "A goods train derailed near the hamlet of Esk Norton early on Monday, closing "
                "the line.",
                "Monday's derailment near Brailsby Junction has closed the line for a week, the "
                "operator said.",
            ),
            "event.place",
            "Sources disagree on where the collision took place: Esk Norton "
            "(coastal-herald.txt) vs Brailsby Junction (river-wire.txt)",
        ),
        (
            (
                "The chartered ferry sailed from Orsby to Quenby on Monday with 300 passengers.",
                "The ferry, which left Orsby on Monday bound for Tollerby, carried 300 people.",
            ),
            "place.route",
            "Sources disagree on the other end of the route from Orsby: Quenby "
            "(coastal-herald.txt) vs Tollerby (river-wire.txt)",
        ),
        (
            (
                "The worst-hit town is Orsby, where the river burst its banks on Sunday.",
                "Quenby was the hardest-hit town when the river burst its banks on Sunday.",
            ),
            "place.ranked",
            "Sources disagree on the worst-hit town: Orsby (coastal-herald.txt) vs Quenby "
            "(river-wire.txt)",
        ),
        (
            (
                "Dozens of guests fell ill after eating at a wedding in Orsby on Saturday night, "
                "health officials said.",
                "Dozens of guests fell ill after eating at a wedding in Quenby on Saturday, "
                "officials said.",
            ),
            "event.main_place",
            "Sources disagree on where the story's main event took place: Orsby "
            "(coastal-herald.txt) vs Quenby (river-wire.txt)",
        ),
        (
            (
                "The stolen canvas was found at a gallery in Orsby, police said on Monday.",
                "The canvas went back on show at the National Museum in Quenby on Monday.",
            ),
            "place.site",
            "Sources disagree on where the museum is: Orsby (coastal-herald.txt) vs Quenby "
            "(river-wire.txt)",
        ),
        (
            (
                "The forged banknotes were passed at a shop on a busy avenue in Orsby last week.",
                "Detectives traced the banknotes to a small shop in Quenby, police said.",
            ),
            "place.site",
            "Sources disagree on where the shop is: Orsby (coastal-herald.txt) vs Quenby "
            "(river-wire.txt)",
        ),
        (
            (
                "Stranded passengers were taken by bus to hotels in Orsby on Monday night.",
                "The 200 passengers were driven by coach to Quenby, where they spent the night.",
            ),
            "place.moved",
            "Sources disagree on where those moved were taken: Orsby (coastal-herald.txt) vs "
            "Quenby (river-wire.txt)",
        ),
        (
            (
                "The damaged trawler was towed to Haddle Ness on Tuesday.",
                "Tugs towed the trawler to Tollerby harbour on Tuesday.",
            ),
            "place.moved",
            "Sources disagree on where the vessels or goods moved were taken: Haddle Ness "
            "(coastal-herald.txt) vs Tollerby (river-wire.txt)",
        ),
        (
            (
                "ESK NORTON, Nova Scotia, Nov 19 (Coastal Herald) - The judge declared Harlow "
                "the winner after three days of counting at the courthouse in Esk Norton.",
                "The recount, which began on Monday, at the courthouse in Tollerby, went ballot "
                "by ballot.",
            ),
            "place.site",
            "Sources disagree on where the courthouse is: Esk Norton (coastal-herald.txt) vs "
            "Tollerby (river-wire.txt)",
        ),
    ],
    ids=[
        "sandbank-off-and-near",
        "crossing-named-before-and-after",
        "derailment-near",
        "route-from-one-town",
        "worst-hit-town",
        "main-event-place",
        "gallery-and-museum-one-family",
        "shop-with-its-street-between",
        "people-taken-by-bus-and-driven-by-coach",
        "vessel-towed",
        "courthouse-one-of-them-placed-in-a-province",
    ],
)
def test_place_local_names_disagree(ruleset, nlp, texts, rule, message):
    result = _check(ruleset, nlp, *_story(*texts))
    (finding,) = _place_findings(result)
    assert finding.rule == rule
    assert finding.message == message


@pytest.mark.parametrize(
    "texts",
    [
        (
            "The drums were kept at a depot in Callowby, police said on Monday.",
            "The drums had been kept at a depot in Velmaria, the Velmarian interior ministry said.",
        ),
        (
            "The drums were kept at a depot in Callowby, police said on Monday.",
            "The drums had been kept at a depot in Venmark, police in the Venmark district said.",
        ),
        (
            "Drums of solvent were stored at a depot in Callowby, a town in the Venmark "
            "district, police said.",
            "The drums had been kept at a depot in Venmark for two years, police said.",
        ),
        (
            "The freighter grounded on a sandbank off Orsby Point early on Monday.",
            "The freighter has been stuck on a sandbank near Orsby since Monday.",
        ),
        (
            "The drums were kept at a depot in Callowby. A second depot in Tollerby held more.",
            "The drums had been kept at a depot in Trennick for two years, police said.",
        ),
        (
            "Drums of solvent were stored at a depot in Leeds, police said.",
            "The drums had been kept at a depot in Sheffield for two years, police said.",
        ),
        (
            "Stranded passengers were taken by bus to hotels in Leeds on Monday night.",
            "The 200 passengers were driven by coach to York, where they spent the night.",
        ),
        (
            "The canvas was found at a gallery owned by a dealer in Orsby, police said.",
            "The canvas was found at a gallery in Quenby, police said on Monday.",
        ),
        (
            "The pickups were built at the company's plant in Dunmore Springs, Ohio, and the "
            "vans at its plant in Mexico.",
            "The recalled pickups come from the plant in Dunmore Springs, Ohio, the company said.",
        ),
    ],
    ids=[
        "a-country-named-by-its-people",
        "a-region-named-by-its-noun",
        "a-town-and-its-district-named-together",
        "a-name-sharing-its-own-word",
        "one-source-placing-the-noun-twice",
        "cities-the-gazetteer-knows",
        "moved-to-cities-the-gazetteer-knows",
        "a-stop-word-before-the-place",
        "one-town-in-one-state",
    ],
)
def test_place_local_names_agree_or_are_not_compared(ruleset, nlp, texts):
    result = _check(ruleset, nlp, *_story(*texts))
    assert _place_findings(result) == []


def test_local_names_that_agree_make_no_agreement_line(ruleset, nlp):
    # compared to find two places apart; alike, a name the gazetteer lacks says too little
    # to list ("the Web" = "a Web" was one)
    result = _check(
        ruleset,
        nlp,
        *_story(
            "The freighter grounded on a sandbank off Orsby Point early on Monday, the "
            "coastguard said.",
            "Tugs stood by the cargo ship, which has been stuck on a sandbank off Orsby Point "
            "since Monday.",
        ),
    )
    assert not _place_findings(result)
    assert not [a for a in result.agreements if "Orsby" in a.summary]


def test_a_local_name_put_in_two_states_is_two_places(ruleset, nlp):
    """A town the gazetteer lacks, put in a state by the name after its comma, is told
    with its state: the same name in two states is two places, and the evidence shows the
    state (a clause going on after it with "and the ..." is no list of places)."""
    result = _check(
        ruleset,
        nlp,
        *_story(
            "The pickups were built at the company's plant in Dunmore Springs, Ohio, and the "
            "vans at its plant in Mexico.",
            "The recalled pickups come from the plant in Dunmore Springs, Indiana, the company "
            "said.",
        ),
    )
    (finding,) = _place_findings(result)
    assert finding.rule == "place.site"
    assert finding.message == (
        "Sources disagree on where the plant is: Dunmore Springs, Ohio (coastal-herald.txt) "
        "vs Dunmore Springs, Indiana (river-wire.txt)"
    )
    assert {e.text for e in finding.evidence} == {
        "in Dunmore Springs, Ohio",
        "in Dunmore Springs, Indiana",
    }


@pytest.mark.parametrize(
    ("short", "name", "text", "expected"),
    [
        ("DICC", "Dorvane International Convention Centre", "", True),
        # a name cut short: the longer name a source writes
        (
            "the DICC",
            "Dorvane International",
            "at the Dorvane International Convention Centre",
            True,
        ),
        ("DICC", "Dorvane International", "at the Dorvane International airport", False),
        ("DOC", "Dorvane", "", False),
    ],
)
def test_a_venues_acronym_is_the_venue(short, name, text, expected):
    from checker.compare import _acronym_of

    assert _acronym_of(short, name, [text]) is expected


def test_a_venues_name_holds_an_event_word(extract_text):
    extraction = extract_text(
        "Ministers chaired the final session at the Dorvane International Convention Centre.",
        published=None,
    )
    places = [f.where.text for f in extraction.facts if f.rule == "event.place"]
    assert places == ["at the Dorvane International Convention Centre"]
