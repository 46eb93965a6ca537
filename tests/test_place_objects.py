"""Places of the story's object and of routes: the object frames of ``event.place`` (where
a winning ticket was sold, where a work hangs, the school, where guests were moved, a
fire's own words) and the ``place.route`` rule (the other end of a route whose one end two
sources share).

Every sentence below is invented for these tests.
"""

from __future__ import annotations

import pytest

from tests.conftest import check_articles as _check

PUBLISHED = "2024-10-14"


def _story(*texts: str):
    names = ["coastal-herald.txt", "river-wire.txt", "plains-daily.txt"]
    return [(names[i], PUBLISHED, text + "\n") for i, text in enumerate(texts)]


def _discrepancies(result, rule: str) -> list:
    return [f for f in result.findings if f.kind == "discrepancy" and f.rule == rule]


def _place_findings(result) -> list:
    return [
        f
        for f in result.findings
        if f.kind == "discrepancy" and f.rule in ("event.place", "place.route")
    ]


# --- the story's object -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("texts", "message"),
    [
        (
            (
                "The winning ticket was sold at a petrol station in Leeds, the operator said.",
                "The ticket was bought at a newsagent in Sheffield on Friday, the operator said.",
            ),
            "Sources disagree on where the sale of the winning ticket took place: "
            "Leeds (GB) (coastal-herald.txt) vs Sheffield (GB) (river-wire.txt)",
        ),
        (
            (
                "The painting now hangs in a museum in Mombasa, its curators said.",
                "The long-lost painting is on display in a gallery in Kisumu, curators said.",
            ),
            "Sources disagree on where the display of the work took place: "
            "Mombasa (KE) (coastal-herald.txt) vs Kisumu (KE) (river-wire.txt)",
        ),
        (
            (
                "Forty pupils at a primary school in Bulawayo fell ill after lunch on Monday.",
                "Children at a primary school in Mutare were taken ill on Monday.",
            ),
            "Sources disagree on where the events at the school took place: "
            "Bulawayo (ZW) (coastal-herald.txt) vs Mutare (ZW) (river-wire.txt)",
        ),
        (
            (
                "Guests were moved to hotels in Mombasa after the resort flooded on Sunday.",
                "More than 300 guests were moved to hotels in Nakuru on Sunday.",
            ),
            "Sources disagree on where the relocation of the guests took place: "
            "Mombasa (KE) (coastal-herald.txt) vs Nakuru (KE) (river-wire.txt)",
        ),
        (
            (
                "The fire broke out at a warehouse in Leeds late on Sunday, the brigade said.",
                "The blaze tore through a timber yard in Sheffield on Sunday night.",
            ),
            "Sources disagree on where the incident took place: "
            "Leeds (GB) (coastal-herald.txt) vs Sheffield (GB) (river-wire.txt)",
        ),
        (
            (
                "A petrol station in Leeds sold the winning ticket, the operator said.",
                "The winning ticket, which was bought at a newsagent in Sheffield, matched"
                " all six numbers.",
            ),
            "Sources disagree on where the sale of the winning ticket took place: "
            "Leeds (GB) (coastal-herald.txt) vs Sheffield (GB) (river-wire.txt)",
        ),
        (
            (
                "Passengers were taken off the ship and moved to hotels in nearby Leeds.",
                "The passengers were bussed to hotels in Sheffield on Sunday night.",
            ),
            "Sources disagree on where the relocation of the guests took place: "
            "Leeds (GB) (coastal-herald.txt) vs Sheffield (GB) (river-wire.txt)",
        ),
        (
            (
                "The fire started in a storage depot on the outskirts of Leeds on Sunday.",
                "The blaze tore through a timber yard in Sheffield on Sunday night.",
            ),
            "Sources disagree on where the incident took place: "
            "Leeds (GB) (coastal-herald.txt) vs Sheffield (GB) (river-wire.txt)",
        ),
        (
            (
                "The winning ticket was sold at a kiosk in Leeds's Headingley district.",
                "The fire broke out at a warehouse in eastern Sheffield on Sunday.",
                "The winning ticket was bought at a newsagent in central Sheffield.",
            ),
            "Sources disagree on where the sale of the winning ticket took place: "
            "Leeds (GB) (coastal-herald.txt) vs Sheffield (GB) (plains-daily.txt)",
        ),
    ],
    ids=[
        "a-ticket-sold",
        "a-painting-on-display",
        "a-school",
        "guests-moved",
        "a-fire-broke-out",
        "a-ticket-placed-before-and-in-a-relative-clause",
        "passengers-moved-to-hotels-in-nearby-city",
        "a-fire-on-the-outskirts",
        "a-city-before-its-district-and-after-central",
    ],
)
def test_place_objects_one_object_in_two_cities_disagrees(ruleset, nlp, texts, message):
    result = _check(ruleset, nlp, *_story(*texts))
    (finding,) = _discrepancies(result, "event.place")
    assert finding.message == message


@pytest.mark.parametrize(
    "texts",
    [
        (
            "The winning ticket was sold at a petrol station in Leeds, the operator said.",
            "The winning ticket was bought at the Corner Stores newsagent in Leeds.",
        ),
        (
            "The winning ticket was sold at a petrol station in Leeds, the operator said.",
            "The winning ticket was bought by a man born in Sheffield, the operator said.",
        ),
        (
            "The winning ticket was sold at a petrol station in Leeds, the operator said.",
            "The record jackpot, in 2019, was won with a ticket bought in Sheffield.",
        ),
        (
            "Guests were moved to a hotel in Mombasa after the resort flooded on Sunday.",
            "The guests were moved to the Grand Hotel in Mombasa's old town on Sunday.",
        ),
        (
            "Forty pupils at a primary school in Bulawayo fell ill after lunch on Monday.",
            "Students in Mutare held a vigil after officials said a school had closed.",
        ),
        (
            "Guests were moved to hotels in Mombasa after the resort flooded on Sunday.",
            "The injured guests were taken to a hospital in Nakuru on Sunday.",
        ),
        (
            "A petrol station in Leeds sold the winning ticket, the operator said.",
            "Officials in Sheffield said the winning ticket was one of two million.",
        ),
        (
            "The fire broke out at a warehouse in Leeds late on Sunday, the brigade said.",
            "It was the worst blaze since a 2019 fire broke out at a warehouse in Sheffield.",
        ),
    ],
    ids=[
        "a-named-shop-in-the-same-city",
        "the-buyer-s-birthplace",
        "an-earlier-jackpot",
        "a-hotel-in-a-district-of-the-city",
        "students-elsewhere",
        "guests-taken-to-a-hospital",
        "officials-elsewhere",
        "an-earlier-fire",
    ],
)
def test_place_objects_no_discrepancy(ruleset, nlp, texts):
    result = _check(ruleset, nlp, *_story(*texts))
    assert _place_findings(result) == []


# --- routes -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("texts", "message"),
    [
        (
            (
                "The ship sailed from Southampton to Bristol on Sunday with 22 crew aboard.",
                "The vessel, bound for Liverpool from Southampton, was stopped on Sunday.",
            ),
            "Sources disagree on the other end of the route from Southampton: "
            "Bristol (GB) (coastal-herald.txt) vs Liverpool (GB) (river-wire.txt)",
        ),
        (
            (
                "The aid convoy left Mombasa for Nakuru on Sunday with 40 trucks of flour.",
                "The convoy left Mombasa on Sunday bound for Kisumu, officials said.",
            ),
            "Sources disagree on the other end of the route from Mombasa: "
            "Nakuru (KE) (coastal-herald.txt) vs Kisumu (KE) (river-wire.txt)",
        ),
        (
            (
                "The airline will start daily flights between Bulawayo and Mombasa in June.",
                "The carrier will launch flights between Nakuru and Bulawayo in June.",
            ),
            "Sources disagree on the other end of the route with one end in Bulawayo: "
            "Mombasa (KE) (coastal-herald.txt) vs Nakuru (KE) (river-wire.txt)",
        ),
        (
            (
                "The ferry service will link Southampton and the port of Bristol from June.",
                "The new ferry service will link Southampton and Liverpool from June.",
            ),
            "Sources disagree on the other end of the route with one end in Southampton: "
            "Bristol (GB) (coastal-herald.txt) vs Liverpool (GB) (river-wire.txt)",
        ),
    ],
    ids=[
        "sailed-from-to-and-bound-for-from",
        "left-for",
        "between-and-from-to",
        "the-port-of-and-link",
    ],
)
def test_place_routes_other_end_disagrees(ruleset, nlp, texts, message):
    result = _check(ruleset, nlp, *_story(*texts))
    (finding,) = _discrepancies(result, "place.route")
    assert finding.message == message


@pytest.mark.parametrize(
    "texts",
    [
        (
            "The airline will start daily flights between Bulawayo and Mombasa in June.",
            "The carrier will launch flights from Mombasa to Bulawayo in June.",
        ),
        (
            "The ship sailed from Southampton to Bristol on Sunday with 22 crew aboard.",
            "The ship, which left Southampton on Sunday, was held. Its previous voyage, in"
            " 2019, from Southampton to Liverpool was also delayed.",
        ),
        (
            "The ship sailed from Southampton to Bristol on Sunday with 22 crew aboard.",
            "The ship, bound for Liverpool, was stopped on Sunday, officials said.",
        ),
        (
            "The ship sailed from Southampton to Bristol on Sunday with 22 crew aboard.",
            "House prices rose from Southampton to Liverpool, agents said on Sunday.",
        ),
        (
            "The ship sailed from Southampton to Bristol on Sunday with 22 crew aboard.",
            "The ship had left Bristol for Liverpool when it was boarded on Monday.",
        ),
        (
            "The train was travelling from Bristol to Liverpool with 900 passengers on board.",
            "Trains on the stretch of line between Bristol and Leeds were halted on Sunday.",
        ),
    ],
    ids=[
        "one-route-both-ways",
        "an-earlier-voyage",
        "one-end-only",
        "no-journey",
        "the-next-leg",
        "a-stretch-of-line-between",
    ],
)
def test_place_routes_no_discrepancy(ruleset, nlp, texts):
    result = _check(ruleset, nlp, *_story(*texts))
    assert _discrepancies(result, "place.route") == []


def test_place_routes_a_conflict_a_departure_tells_is_told_once(ruleset, nlp):
    result = _check(
        ruleset,
        nlp,
        *_story(
            "The plane, on a flight from Leeds to Southampton, made an emergency landing.",
            "The aircraft, on the flight from Sheffield to Southampton, landed safely on Sunday.",
        ),
    )
    (finding,) = _place_findings(result)
    assert finding.message == (
        "Sources disagree on where the departure took place: "
        "Leeds (GB) (coastal-herald.txt) vs Sheffield (GB) (river-wire.txt)"
    )
