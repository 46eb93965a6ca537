"""Places: the gazetteer (``Gazetteer.resolve``, ``comparable``, ``places_agree``), place
phrases read after event words (``extract.places._places``), and the ``event.place`` rule across
sources.

Every sentence below is invented for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from checker.gazetteer import (
    MIN_COMPARED_POPULATION,
    Gazetteer,
    comparable,
    load_gazetteer,
    places_agree,
)
from checker.model import Place
from tests.conftest import check_articles as _check

PUBLISHED = "2024-10-14"
"""A Monday: "on Monday" is the day of publication."""


@pytest.fixture(scope="module")
def gazetteer(ruleset) -> Gazetteer:
    """The gazetteer with the shipped country aliases, built once (as ``normalize`` builds it)."""
    return load_gazetteer(tuple(sorted(ruleset.lexicons["country_aliases"].items())))


@pytest.fixture(scope="module")
def venue_words(ruleset) -> frozenset[str]:
    return frozenset(ruleset.rules["event.place"].options["venues"])


@pytest.fixture(scope="module")
def resolve(gazetteer, venue_words):
    """Resolve a name as ``normalize`` does, with the shipped venue words."""

    def run(name: str) -> Place:
        return gazetteer.resolve(name, venue_words=venue_words)

    return run


# --- the gazetteer -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind", "countries", "label"),
    [
        ("Nairobi", "city", {"KE"}, "Nairobi (KE)"),
        ("Porto", "city", {"PT"}, "Porto (PT)"),
        ("Osaka", "city", {"JP"}, "Osaka (JP)"),
        ("Kenya", "country", {"KE"}, "Kenya"),
        ("Portugal", "country", {"PT"}, "Portugal"),
        ("Britain", "country", {"GB"}, "Britain"),
        ("UAE", "country", {"AE"}, "UAE"),
        ("Texas", "region", {"US"}, "Texas"),
        ("Porto Stadium", "venue", {"PT"}, "Porto Stadium (PT)"),
        ("Lyon Convention Centre", "venue", {"FR"}, "Lyon Convention Centre (FR)"),
        ("National Stadium", "venue", set(), "National Stadium"),
        ("Zembla", "unknown", set(), "Zembla"),
        pytest.param(
            "Netherlands",
            "country",
            {"NL"},
            "Netherlands",
            id="netherlands-without-the",
        ),
    ],
    ids=[
        "city-nairobi",
        "city-porto",
        "city-osaka",
        "country",
        "country-portugal",
        "alias-britain",
        "alias-uae",
        "us-state",
        "venue-named-after-city",
        "venue-named-after-city-three-words",
        "venue-without-known-city",
        "unknown",
        "netherlands-without-the",
    ],
)
def test_places_gazetteer_resolves_kind_country_and_label(resolve, name, kind, countries, label):
    place = resolve(name)
    assert (place.name, place.kind, set(place.countries), place.label()) == (
        name,
        kind,
        countries,
        label,
    )


@pytest.mark.parametrize(
    ("name", "country", "cities"),
    [
        ("Texas", "", {"US-TX"}),
        ("Kenya", "", set()),
        ("National Stadium", "", set()),
        ("Zembla", "", set()),
    ],
    ids=["us-state-is-its-code", "country-has-no-city", "venue-without-city", "unknown"],
)
def test_places_gazetteer_regions_countries_and_unknowns_hold_no_city(
    resolve, name, country, cities
):
    place = resolve(name)
    assert (place.country, set(place.cities), place.coordinates, place.population) == (
        country,
        cities,
        (),
        0,
    )


@pytest.mark.parametrize(
    ("name", "state"),
    [("Houston", "US-TX"), ("Porto Stadium", None), ("Nairobi", None)],
    ids=["us-city-carries-its-state", "venue-outside-us", "city-outside-us"],
)
def test_places_gazetteer_us_city_carries_its_state(resolve, name, state):
    states = {c for c in resolve(name).cities if c.startswith("US-")}
    assert states == ({state} if state else set())


def test_places_gazetteer_venue_lies_in_the_city_its_name_starts_with(resolve):
    venue, city = resolve("Porto Stadium"), resolve("Porto")
    assert (venue.cities, venue.coordinates, venue.country, venue.population) == (
        city.cities,
        city.coordinates,
        city.country,
        city.population,
    )
    assert city.population >= MIN_COMPARED_POPULATION


# --- comparable and places_agree ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "agree"),
    [
        ("Perugia province", "Terni", True),  # another city of its division
        ("Perugia province", "Arezzo", True),  # near its chief city, in another division
        ("Perugia province", "Milan", False),
        ("Perugia province", "Italy", True),
        ("Perugia province", "Ancona province", False),
        ("Perugia region", "Perugia province", True),
    ],
    ids=[
        "a-city-of-its-division",
        "a-city-near-its-chief-city",
        "a-city-far-off",
        "its-country",
        "two-regions",
        "one-region-told-two-ways",
    ],
)
def test_a_region_named_after_its_chief_city_holds_its_divisions_cities(
    gazetteer, first, second, agree
):
    regions = frozenset({"region", "province"})
    a, b = (gazetteer.resolve(name, region_words=regions) for name in (first, second))
    assert a.kind == "region" and comparable(a, b)
    assert places_agree(a, b) is agree
    assert places_agree(b, a) is agree


def test_a_region_named_in_a_sentence_is_read_with_its_noun(ruleset, nlp):
    first = "Quake\n\nA strong earthquake struck. Its epicentre lay in the Perugia province.\n"
    second = "Quake\n\nA strong earthquake struck. Its epicentre was in the Ancona province.\n"
    result = _check(ruleset, nlp, ("a.txt", "2026-03-15", first), ("b.txt", "2026-03-15", second))
    (finding,) = [f for f in result.findings if f.rule == "event.place"]
    assert {e.text for e in finding.evidence} == {
        "in the Perugia province",
        "in the Ancona province",
    }


@pytest.mark.parametrize(
    ("first", "second", "agree"),
    [
        ("Nairobi", "Kenya", True),
        ("Porto", "Portugal", True),
        ("Houston", "Texas", True),
        ("Houston", "Ohio", False),
        ("Houston", "Kenya", False),
        ("Osaka", "Kyoto", False),
        ("Nairobi", "Mombasa", False),
        ("Lyon", "Lyon", True),
        ("Lyon", "Villeurbanne", True),  # its neighbour, under 10 km away
        ("Porto Stadium", "Porto", True),
        ("Porto Stadium", "Portugal", True),
        ("Porto Stadium", "Lisbon", False),
        ("Porto Stadium", "Kenya", False),
        ("National Stadium", "Olympic Stadium", False),
        ("Porto Stadium", "Lisbon Stadium", False),
        ("National Stadium", "Kenya National Stadium", True),
        ("Grand Theatre", "Grand Theater", True),
        ("Mercer Arts Centre", "Mercer Arts Center", True),
        ("Mercer Arts Centre", "Hollis Arts Center", False),
        ("Texas", "Ohio", False),
        ("Charlotte", "Raleigh", False),
        ("Los Angeles", "Long Beach", True),
        ("Britain", "United Kingdom", True),
        pytest.param(
            "Atlanta",
            "Georgia",
            True,
            id="atlanta-in-georgia",
        ),
    ],
    ids=[
        "city-in-its-country",
        "porto-in-portugal",
        "city-in-its-us-state",
        "city-in-another-us-state",
        "city-in-another-country",
        "two-cities-43-km-apart",
        "two-kenyan-cities",
        "same-city",
        "cities-within-10-km",
        "venue-in-that-city",
        "venue-in-its-country",
        "venue-in-another-city",
        "venue-in-another-country",
        "two-venues-without-city",
        "two-venues-in-two-cities",
        "venue-name-within-the-other",
        "venue-spelt-theatre-and-theater",
        "venue-spelt-centre-and-center",
        "two-arts-centres",
        "two-us-states",
        "two-cities-of-one-state-across-it",
        "a-city-and-its-neighbour-in-one-state",
        "alias-and-country-name",
        "atlanta-in-georgia",
    ],
)
def test_places_agree_or_disagree(resolve, first, second, agree):
    a, b = resolve(first), resolve(second)
    assert comparable(a, b) and comparable(b, a)
    assert places_agree(a, b) is agree
    assert places_agree(b, a) is agree


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Annecy", "Lyon"),
        ("Annecy", "Vichy"),
        ("Zembla", "Lyon"),
        ("Zembla", "Kenya"),
        ("Zembla", "Porto Stadium"),
        ("National Stadium", "Lyon"),
        ("National Stadium", "Kenya"),
    ],
    ids=[
        "small-city-and-large-city",
        "two-small-cities",
        "unknown-and-city",
        "unknown-and-country",
        "unknown-and-venue",
        "venue-without-city-and-city",
        "venue-without-city-and-country",
    ],
)
def test_places_never_comparable_agree(resolve, first, second):
    a, b = resolve(first), resolve(second)
    assert (comparable(a, b), comparable(b, a)) == (False, False)
    assert places_agree(a, b) and places_agree(b, a)


def test_places_small_city_is_under_the_compared_population(resolve):
    annecy = resolve("Annecy")
    assert annecy.kind == "city"
    assert 0 < annecy.population < MIN_COMPARED_POPULATION


def test_places_smaller_city_compared_when_no_other_city_bears_its_name(resolve):
    lucca, pavia, bangor = resolve("Lucca"), resolve("Pavia"), resolve("Bangor")
    assert all(p.population < MIN_COMPARED_POPULATION for p in (lucca, pavia))
    assert comparable(lucca, pavia) and not places_agree(lucca, pavia)
    assert len(bangor.coordinates) > 1  # Wales, Northern Ireland, Maine
    assert not comparable(lucca, bangor) and places_agree(lucca, bangor)


@pytest.mark.parametrize(
    ("written", "gazetteer_name"),
    [
        ("Pilsen", "Plzen"),  # another name of a city under 500,000
        ("Thorn", "Torun"),
        ("Malmö", "Malmo"),  # written with the accents the gazetteer's name lacks
        ("Dipolog City", "Dipolog"),  # written with "City"
    ],
    ids=["other-name", "old-name", "accents", "city-suffix"],
)
def test_places_gazetteer_knows_a_city_by_its_other_spellings(resolve, written, gazetteer_name):
    place, named = resolve(written), resolve(gazetteer_name)
    assert place.kind == "city"
    assert place.cities == named.cities


def test_places_other_name_never_shadows_a_city_bearing_it(resolve):
    # "Porto" is also a short name of a larger Brazilian city: it stays the Portuguese one
    assert resolve("Porto").countries == {"PT"}


def test_places_other_names_tell_two_cities_apart(resolve):
    a, b = resolve("Pilsen"), resolve("Ostrava")
    assert comparable(a, b) and not places_agree(a, b)


@pytest.mark.parametrize(
    ("same_place_km", "agree"),
    [(10.0, False), (60.0, True)],
    ids=["default-10-km", "60-km"],
)
def test_places_agree_same_place_km_is_the_limit(resolve, same_place_km, agree):
    # Osaka and Kyoto lie about 43 km apart
    assert places_agree(resolve("Osaka"), resolve("Kyoto"), same_place_km=same_place_km) is agree


# --- extraction --------------------------------------------------------------------------------


def _place_phrases(extraction) -> list[tuple[str, str, str]]:
    """(words as written, place name, event word) of every place fact (but the main
    event's, ``event.main_place``, read with no event word)."""
    return [
        (f.where.text, f.place, f.trigger)
        for f in extraction.facts
        if f.family == "place" and f.rule != "event.main_place"
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Negotiators from Ethiopia and Eritrea resumed talks in Nairobi on Monday.",
            [("in Nairobi", "Nairobi", "talks")],
        ),
        (
            "Gor Mahia beat AFC Leopards in the final at the National Stadium.",
            [("at the National Stadium", "National Stadium", "final")],
        ),
        (
            "The two clubs played the final on Sunday at the National Stadium.",
            [("at the National Stadium", "National Stadium", "final")],
        ),
        (
            "Gor Mahia will face AFC Leopards in the final at Nairobi National Stadium on Sunday.",
            [("at Nairobi National Stadium", "Nairobi National Stadium", "final")],
        ),
        (
            "The regional summit, held on Friday, in Lyon ended without a communique.",
            [("in Lyon", "Lyon", "summit")],
        ),
        (
            "The port talks in Vila Nova de Gaia ended on Monday.",
            [("in Vila Nova de Gaia", "Vila Nova de Gaia", "talks")],
        ),
        (
            "The talks will draw sharp criticism today in Kenya.",
            [("in Kenya", "Kenya", "talks")],
        ),
        pytest.param(
            "Gor Mahia will face AFC Leopards in the final at the National Stadium on Sunday.",
            [("at the National Stadium", "National Stadium", "final")],
            id="the-venue-followed-by-on",
        ),
        pytest.param(
            "Negotiators from Ethiopia and Eritrea resumed talks in the UAE on Monday.",
            [("in the UAE", "UAE", "talks")],
            id="upper-case-alias",
        ),
        (
            "The minister opened the school year at a ceremony at a primary school in Leeds.",
            [("in Leeds", "Leeds", "ceremony")],
        ),
        (
            "Voters in the Democratic primary in Ohio cast ballots on Tuesday.",
            [("in Ohio", "Ohio", "primary")],
        ),
        (
            "The agency postponed the launch of its weather satellite from the Kourou"
            " Spaceport on Friday.",
            [("from the Kourou Spaceport", "Kourou Spaceport", "launch")],
        ),
    ],
    ids=[
        "talks-in-city",
        "final-at-venue",
        "venue-anywhere-after-event",
        "venue-named-after-city",
        "relation-verb-ties-place-to-event",
        "name-with-de",
        "near-the-event-word",
        "the-venue-followed-by-on",
        "upper-case-alias",
        "adjective-event-word-is-no-event",
        "the-same-word-as-a-noun-is-an-event",
        "launch-from-a-spaceport",
    ],
)
def test_places_extract_place_after_event_word(extract_text, sentence, expected):
    extraction = extract_text(sentence + "\n", published=dt.date.fromisoformat(PUBLISHED))
    assert _place_phrases(extraction) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The mediators met at Smith's home on Monday to prepare the talks.",
        "The county council held its meeting in the Kent town on Monday.",
        "Leaders of Kenya and Uganda will hold a summit in September.",
        "Officials in Paris said the talks would resume on Monday.",
        "The quake jolted several cities in Japan on Monday.",
        "The talks will draw sharp criticism from several opposition lawmakers today in Kenya.",
        "The regional summit, on Friday, in Lyon ended without a communique.",
        "The summit of trade ministers from Malawi and Zambia opened on Monday.",
    ],
    ids=[
        "possessive",
        "attributive",
        "month",
        "place-before-event-word",
        "past-verb-between",
        "far-from-event-word",
        "other-clause-without-relation-verb",
        "from-is-a-place-of-launches-only",
    ],
)
def test_places_extract_not_a_place_of_an_event(extract_text, sentence):
    extraction = extract_text(sentence + "\n", published=dt.date.fromisoformat(PUBLISHED))
    assert _place_phrases(extraction) == []


def test_places_extract_dateline_city_is_not_the_event_place(extract_text):
    extraction = extract_text(
        "PORTO, Oct 14 (Atlantic Wire) - Port talks in Braga resumed on Monday, union "
        "officials said.\n",
        published=dt.date.fromisoformat(PUBLISHED),
    )
    assert extraction.source.dateline is not None
    assert extraction.source.dateline.place == "PORTO"
    assert _place_phrases(extraction) == [("in Braga", "Braga", "talks")]


# --- normalization -----------------------------------------------------------------------------


def test_places_normalize_keeps_unknown_names_as_unknown(extract_text, normalize_text):
    # a name the gazetteer lacks stays a fact (``unknown_places``: two such names may still
    # be two places), marked unknown: the gazetteer never sets it against a city
    text = "Negotiators from Ethiopia and Eritrea resumed talks in Zembla on Monday.\n"
    published = dt.date.fromisoformat(PUBLISHED)
    assert _place_phrases(extract_text(text, published=published)) == [
        ("in Zembla", "Zembla", "talks")
    ]
    normalized = normalize_text(text, published=published)
    facts = [f for f in normalized.facts if f.kind == "event.place"]
    assert [(f.value.name, f.value.kind, f.note) for f in facts] == [
        ("Zembla", "unknown", "not in the gazetteer")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The first round of peace talks was held in Nairobi on Monday.",
            [("in Nairobi", "Nairobi (KE)", "city", False)],
        ),
        (
            "The first round of peace talks was held in Nairobi in March 2015.",
            [("in Nairobi", "Nairobi (KE)", "city", True)],
        ),
        (
            "The peace talks were held in Kenya on Monday.",
            [("in Kenya", "Kenya", "country", False)],
        ),
        (
            "The final was played at the Porto Stadium, officials said.",
            [("at the Porto Stadium", "Porto Stadium (PT)", "venue", False)],
        ),
        (
            "The peace talks were held in Texas on Monday.",
            [("in Texas", "Texas", "state", False)],
        ),
    ],
    ids=["news", "recalled-event-is-background", "country", "venue", "us-state"],
)
def test_places_normalize_value_note_and_background(normalize_text, sentence, expected):
    normalized = normalize_text(sentence + "\n", published=dt.date.fromisoformat(PUBLISHED))
    assert [
        (f.text, f.value_label(), f.note, f.background)
        for f in normalized.facts
        if f.kind == "event.place"
    ] == expected


# --- across sources ----------------------------------------------------------------------------


def _story(*texts: str, published: str = PUBLISHED):
    names = ["coastal-herald.txt", "river-wire.txt", "plains-daily.txt"]
    return [(names[i], published, text + "\n") for i, text in enumerate(texts)]


def _place_discrepancies(result) -> list:
    return [f for f in result.findings if f.kind == "discrepancy" and f.rule == "event.place"]


def _place_agreements(result) -> list:
    return [a for a in result.agreements if a.rule == "event.place"]


@pytest.mark.parametrize(
    ("texts", "normalized"),
    [
        (
            (
                "Negotiators from Ethiopia and Eritrea resumed peace talks in Nairobi on "
                "Monday, mediators said.",
                "Ethiopia and Eritrea resumed peace talks in Kenya on Monday, mediators said.",
            ),
            {("in Nairobi", "Nairobi (KE)"), ("in Kenya", "Kenya")},
        ),
        (
            (
                "Energy firms from Texas and Mexico signed the pipeline deal at a summit in "
                "Houston on Monday.",
                "Energy firms from Texas and Mexico signed the pipeline deal at a summit in "
                "Texas on Monday.",
            ),
            {("in Houston", "Houston (US)"), ("in Texas", "Texas")},
        ),
        (
            (
                "FC Porto and Benfica played the cup final at the Porto Stadium, officials said.",
                "FC Porto and Benfica played the cup final in Porto, officials said.",
            ),
            {("at the Porto Stadium", "Porto Stadium (PT)"), ("in Porto", "Porto (PT)")},
        ),
    ],
    ids=["city-and-its-country", "city-and-its-state", "venue-and-its-city"],
)
def test_places_sources_agree(ruleset, nlp, texts, normalized):
    result = _check(ruleset, nlp, *_story(*texts))
    assert _place_discrepancies(result) == []
    (agreement,) = _place_agreements(result)
    assert {(e.text, e.normalized) for e in agreement.evidence} == normalized


@pytest.mark.parametrize(
    ("texts", "message", "evidence"),
    [
        (
            (
                "Trade ministers from Japan and Vietnam opened talks in Osaka on Monday.",
                "Trade ministers from Japan and Vietnam opened talks in Kyoto on Monday.",
            ),
            "Sources disagree on where the talks took place: "
            "Osaka (JP) (coastal-herald.txt) vs Kyoto (JP) (river-wire.txt)",
            {
                ("coastal-herald.txt", "in Osaka", "Osaka (JP)"),
                ("river-wire.txt", "in Kyoto", "Kyoto (JP)"),
            },
        ),
        (
            (
                "Negotiators from Ethiopia and Eritrea resumed peace talks in Nairobi on "
                "Monday, mediators said.",
                "Ethiopia and Eritrea resumed peace talks in Kenya on Monday, mediators said.",
                "Negotiators from Ethiopia and Eritrea resumed peace talks in Mombasa on "
                "Monday, mediators said.",
            ),
            "Sources disagree on where the talks took place: "
            "Nairobi (KE) (coastal-herald.txt) vs Mombasa (KE) (plains-daily.txt)",
            {
                ("coastal-herald.txt", "in Nairobi", "Nairobi (KE)"),
                ("plains-daily.txt", "in Mombasa", "Mombasa (KE)"),
            },
        ),
        (
            (
                "FC Porto and Benfica played the cup final at the Porto Stadium, officials said.",
                "FC Porto and Benfica played the cup final in Lisbon, officials said.",
            ),
            "Sources disagree on where the final took place: "
            "Porto Stadium (PT) (coastal-herald.txt) vs Lisbon (PT) (river-wire.txt)",
            {
                ("coastal-herald.txt", "at the Porto Stadium", "Porto Stadium (PT)"),
                ("river-wire.txt", "in Lisbon", "Lisbon (PT)"),
            },
        ),
    ],
    ids=["two-cities-of-one-country", "country-agreeing-with-both-left-out", "venue-and-city"],
)
def test_places_sources_disagree(ruleset, nlp, texts, message, evidence):
    result = _check(ruleset, nlp, *_story(*texts))
    (finding,) = _place_discrepancies(result)
    assert finding.severity == "error"
    assert finding.message == message
    assert {(e.source, e.text, e.normalized) for e in finding.evidence} == evidence
    assert _place_agreements(result) == []


@pytest.mark.parametrize(
    "texts",
    [
        (
            "Trade ministers from Japan and Vietnam opened talks in Osaka on Monday.",
            "Trade ministers from Japan and Vietnam opened talks in Zembla on Monday.",
        ),
        (
            "Trade ministers from France and Morocco opened talks in Lyon on Monday.",
            "Trade ministers from France and Morocco opened talks in Annecy on Monday.",
        ),
        (
            "Trade negotiators from Japan and Vietnam opened a fourth round of talks in Osaka "
            "on Monday.",
            "Trade negotiators from Japan and Vietnam opened the fifth round of talks in Kyoto "
            "on Monday.",
        ),
        (
            "Negotiators from Ethiopia and Eritrea resumed peace talks in Nairobi on Monday, "
            "mediators said.",
            "The first round of peace talks between Ethiopia and Eritrea was held in Mombasa "
            "in March 2015.",
        ),
    ],
    ids=["unknown-place", "small-city", "different-rounds", "recalled-event"],
)
def test_places_sources_no_discrepancy(ruleset, nlp, texts):
    result = _check(ruleset, nlp, *_story(*texts))
    assert _place_discrepancies(result) == []


def test_places_different_rounds_are_not_aligned(ruleset, nlp):
    result = _check(
        ruleset,
        nlp,
        *_story(
            "Trade negotiators from Japan and Vietnam opened a fourth round of talks in Osaka "
            "on Monday.",
            "Trade negotiators from Japan and Vietnam opened the fifth round of talks in Kyoto "
            "on Monday.",
        ),
    )
    assert _place_discrepancies(result) == [] and _place_agreements(result) == []
    # the rounds themselves are compared: only their places stay apart
    assert [f.rule for f in result.findings if f.kind == "discrepancy"] == ["event.count"]


# --- the place ranked first ("the worst-hit city") ---------------------------------------------


def _ranked(extraction) -> list[tuple[str, str | None, str | None]]:
    return [
        (f.where.text, f.place, f.subject) for f in extraction.facts if f.rule == "place.ranked"
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The worst-hit city is Osaka, officials said.", [("Osaka", "Osaka", "worst-hit city")]),
        (
            "Kyoto, where the river rose two metres overnight, was the hardest-hit city.",
            [("Kyoto", "Kyoto", "hardest-hit city")],
        ),
        (
            "The worst affected district remains the Gorkha district.",
            [("Gorkha", "Gorkha", "worst affected district")],
        ),
        ("The worst-hit city's mayor asked for help on Monday.", []),
        ("Rescuers reached the worst-hit villages on Monday.", []),
    ],
    ids=["name-after", "name-before-with-apposition", "spaced-rank", "possessive", "no-link"],
)
def test_places_ranked_place_extracted(extract_text, sentence, expected):
    extraction = extract_text(sentence + "\n", published=dt.date.fromisoformat(PUBLISHED))
    assert _ranked(extraction) == expected


def test_places_ranked_places_of_two_sources_disagree(ruleset, nlp):
    result = _check(
        ruleset,
        nlp,
        *_story(
            "Floods swept across the region on Sunday. The worst-hit city is Osaka.",
            "Kyoto, where hundreds were evacuated, was the worst-hit city, officials said.",
        ),
    )
    (finding,) = [f for f in result.findings if f.rule == "place.ranked"]
    assert finding.message == (
        "Sources disagree on the worst-hit city: "
        "Osaka (JP) (coastal-herald.txt) vs Kyoto (JP) (river-wire.txt)"
    )


@pytest.mark.parametrize(
    "texts",
    [
        ("The worst-hit city is Osaka.", "Osaka was the hardest-hit city, officials said."),
        ("The worst-hit city is Osaka.", "The worst-hit town is Kyoto, officials said."),
    ],
    ids=["same-city", "a-city-and-a-town-are-two-rankings"],
)
def test_places_ranked_places_no_discrepancy(ruleset, nlp, texts):
    result = _check(ruleset, nlp, *_story(*texts))
    assert [f for f in result.findings if f.rule == "place.ranked"] == []


# --- an organisation's home city ("the Lyon-based drugmaker Acme Pharma") ----------------------


def test_places_ranked_place_any_case_and_home_places_on_several_lines(extract_text):
    """Only texts holding a rank word, and only lines holding "-based", are searched: a rank
    in capitals still counts, and every line's home places are found where they stand."""
    text = (
        "THE WORST-HIT CITY is Osaka, officials said.\n"
        "Investors bought Kyoto-based Kiku Pharma and Nara-based Mori Foods.\n"
        "Analysts were not surprised.\n"
        "The Kobe-headquartered lender Ume Bank fell.\n"
    )
    extraction = extract_text(text, published=dt.date.fromisoformat(PUBLISHED))
    assert _ranked(extraction) == [("Osaka", "Osaka", "worst-hit city")]
    assert _homes(extraction) == [
        ("Kyoto", "Kyoto", "Kiku Pharma"),
        ("Nara", "Nara", "Mori Foods"),
        ("Kobe", "Kobe", "Ume Bank"),
    ]
    facts = {f.place: f.where for f in extraction.facts if f.rule == "place.home"}
    assert (facts["Nara"].line, facts["Kobe"].line) == (2, 4)


def _homes(extraction) -> list[tuple[str, str | None, str | None]]:
    return [(f.where.text, f.place, f.subject) for f in extraction.facts if f.rule == "place.home"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The regulator approved a pill made by Osaka-based Kiku Pharma on Monday.",
            [("Osaka", "Osaka", "Kiku Pharma")],
        ),
        (
            "Shares of the Kyoto-based generic drugmaker Kiku Pharma rose 4%.",
            [("Kyoto", "Kyoto", "Kiku Pharma")],
        ),
        (
            "The New York-headquartered bank Stone & Vale's chief resigned.",
            [("New York", "New York", "Stone & Vale")],
        ),
        ("Osaka-based analysts expect a cut on Monday.", []),
        ("The firm is Osaka-based and employs 300 people.", []),
        (
            "Police said the Kyoto-based smuggling ring had sold fake watches in 40 towns.",
            [("Kyoto", "Kyoto", "the ring")],
        ),
        ("A Kyoto-based analyst said the ring had sold fake watches in 40 towns.", []),
        (
            "Judge Ana Ruiz of the Federal Court in Osaka fined the company on Monday.",
            [("Osaka", "Osaka", "the Federal Court")],
        ),
        (
            "The Kelsall Royal Infirmary in Kyoto said two patients were discharged.",
            [("Kyoto", "Kyoto", "the Kelsall Royal Infirmary")],
        ),
        (
            "Kiku Pharma, a generic drugmaker based in Osaka, said sales rose.",
            [("Osaka", "Osaka", "Kiku Pharma")],
        ),
        (
            "Shares of Kiku, which is headquartered in Kyoto, rose 4%.",
            [("Kyoto", "Kyoto", "Kiku")],
        ),
        ("The Kiku Group is based in Kyoto.", [("Kyoto", "Kyoto", "Kiku Group")]),
        ("Police, based in Kyoto, said the man was arrested.", []),
        (
            "It was inspected by Kiku Marsh Structures, a Kyoto-based engineering consultancy.",
            [("Kyoto", "Kyoto", "Kiku Marsh Structures")],
        ),
        (
            "It was inspected by the Osaka-based consultancy Kiku Marsh Structures. Its report "
            "was published on Monday.",
            [("Osaka", "Osaka", "Kiku Marsh Structures")],
        ),
        ("The embassy in Osaka and the court in Kyoto were shut on Monday.", []),
        ("The US Embassy in Osaka was shut on Monday.", []),
    ],
    ids=[
        "compound",
        "descriptors",
        "two-word-place-possessive",
        "no-name",
        "predicate",
        "a-group-named-by-its-kind",
        "a-person-is-no-group",
        "a-named-court-in-a-city",
        "a-named-hospital-in-a-city",
        "based-in-after-the-name",
        "which-is-headquartered-in",
        "is-based-in",
        "a-common-word-is-no-name",
        "apposition-after-the-name",
        "the-name-ends-with-its-sentence",
        "unnamed-seats",
        "an-embassy-is-no-seat",
    ],
)
def test_places_home_place_extracted(extract_text, sentence, expected):
    extraction = extract_text(sentence + "\n", published=dt.date.fromisoformat(PUBLISHED))
    assert _homes(extraction) == expected


def test_places_home_places_of_two_sources_disagree(ruleset, nlp):
    result = _check(
        ruleset,
        nlp,
        *_story(
            "The regulator approved a pill made by Osaka-based Kiku Pharma.",
            "Kyoto-based drugmaker Kiku Pharma won approval for its pill, officials said.",
        ),
    )
    (finding,) = [f for f in result.findings if f.rule == "place.home"]
    assert finding.message == (
        "Sources disagree on where Kiku Pharma is based: "
        "Osaka (JP) (coastal-herald.txt) vs Kyoto (JP) (river-wire.txt)"
    )


def test_places_home_after_the_name_disagrees_with_the_compound(ruleset, nlp):
    # the company's first word names it: "Kiku" and "Kiku Pharma" are one company
    result = _check(
        ruleset,
        nlp,
        *_story(
            "Kiku, based in Osaka, said the pill would cost $900 a month.",
            "Regulators approved a pill made by Kyoto-based Kiku Pharma on Monday.",
        ),
    )
    (finding,) = [f for f in result.findings if f.rule == "place.home"]
    assert finding.message == (
        "Sources disagree on where Kiku is based: "
        "Osaka (JP) (coastal-herald.txt) vs Kyoto (JP) (river-wire.txt)"
    )


def test_places_home_told_beside_a_past_year_is_still_compared(ruleset, nlp):
    # a sentence recalling 1976 is background, but where a firm is based is no event
    result = _check(
        ruleset,
        nlp,
        *_story(
            "The bridge, which opened in 1976, was inspected by the Osaka-based consultancy "
            "Kiku Marsh Structures.",
            "It was last inspected by Kiku Marsh Structures, a Kyoto-based engineering "
            "consultancy.",
        ),
    )
    (finding,) = [f for f in result.findings if f.rule == "place.home"]
    assert finding.message == (
        "Sources disagree on where Kiku Marsh Structures is based: "
        "Osaka (JP) (coastal-herald.txt) vs Kyoto (JP) (river-wire.txt)"
    )


def test_places_a_named_institution_in_two_cities_disagrees(ruleset, nlp):
    result = _check(
        ruleset,
        nlp,
        *_story(
            "The Federal Court in Osaka on Wednesday ordered Kiku Pharma to pay a fine.",
            "The Federal Court in Kyoto found that Kiku Pharma had been too slow.",
        ),
    )
    (finding,) = [f for f in result.findings if f.rule == "place.home"]
    assert finding.message == (
        "Sources disagree on where the Federal Court is based: "
        "Osaka (JP) (coastal-herald.txt) vs Kyoto (JP) (river-wire.txt)"
    )


def test_places_home_places_of_a_group_named_by_its_kind_disagree(ruleset, nlp):
    result = _check(
        ruleset,
        nlp,
        *_story(
            "Customs officers broke up the Osaka-based smuggling network on Monday.",
            "Prosecutors say a Kyoto-based network smuggled counterfeit watches.",
        ),
    )
    (finding,) = [f for f in result.findings if f.rule == "place.home"]
    assert finding.message == (
        "Sources disagree on where the network is based: "
        "Osaka (JP) (coastal-herald.txt) vs Kyoto (JP) (river-wire.txt)"
    )


@pytest.mark.parametrize(
    "texts",
    [
        (
            "The regulator approved a pill made by Osaka-based Kiku Pharma.",
            "Osaka-based drugmaker Kiku Pharma won approval for its pill.",
        ),
        (
            "Customs officers broke up the Osaka-based smuggling network on Monday.",
            "Prosecutors say a Kyoto-based gang smuggled counterfeit watches for the network.",
        ),
        (
            "The regulator approved a pill made by Osaka-based Kiku Pharma.",
            "Kyoto-based drugmaker Hoshi Labs won approval for its pill.",
        ),
        (
            "The Federal Court in Osaka on Wednesday ordered Kiku Pharma to pay a fine.",
            "The High Court in Kyoto will hear the appeal, Kiku Pharma said.",
        ),
    ],
    ids=["same-city", "two-companies", "two-kinds-of-group", "two-courts"],
)
def test_places_home_places_no_discrepancy(ruleset, nlp, texts):
    result = _check(ruleset, nlp, *_story(*texts))
    assert [f for f in result.findings if f.rule == "place.home"] == []


# --- places of happenings named by a word of their own (``frames``) ----------------------------


def _frame_places(extraction) -> list[tuple[str, str | None, str]]:
    return [
        (f.where.text, f.place, f.trigger)
        for f in extraction.facts
        if f.rule == "event.place" and f.context and any(w.startswith("frame:") for w in f.context)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The ferry, which had left Dover at dawn, sank near the harbour.",
            [("left Dover", "Dover", "departure")],
        ),
        (
            "The ferry left Dover port shortly after dawn, heading for Calais.",
            [("left Dover", "Dover", "departure")],
        ),
        (
            "The vessel sailed from Piraeus on Friday with 300 passengers on board.",
            [("from Piraeus", "Piraeus", "departure")],
        ),
        (
            "The typhoon made landfall near Tacloban with winds of 200 km/h.",
            [("near Tacloban", "Tacloban", "landfall")],
        ),
        (
            "Two of the inmates were arrested on Friday near Split after a car chase.",
            [("near Split", "Split", "arrest")],
        ),
        (
            "Two of the inmates were caught at a police roadblock outside Split.",
            [("outside Split", "Split", "arrest")],
        ),
        (
            "The getaway car was later found burned out in Utrecht, police said.",
            [("in Utrecht", "Utrecht", "discovery of the vehicle")],
        ),
        (
            "The Dane won the race on the final stage into Lyon on Sunday.",
            [("into Lyon", "Lyon", "finish")],
        ),
        (
            "The express collided with a freight train late on Friday near Nagpur.",
            [("near Nagpur", "Nagpur", "collision")],
        ),
        (
            "He was convicted of fraud on Friday after a jury at Leeds Crown Court heard the"
            " evidence.",
            [("at Leeds Crown Court", "Leeds Crown Court", "verdict")],
        ),
        (
            "The airline said the flight from Seville carried 70 passengers.",
            [("from Seville", "Seville", "departure")],
        ),
        (
            "A fire swept through a garment factory in Chittagong early on Tuesday.",
            [("in Chittagong", "Chittagong", "incident")],
        ),
        (
            "The injured were taken to hospitals in Leeds, York and Hull, officials said.",
            [
                ("in Leeds", "Leeds", "treatment of the injured"),
                ("York", "York", "treatment of the injured"),
                ("Hull", "Hull", "treatment of the injured"),
            ],
        ),
        (
            "The injured were taken to the Saint Aubert university hospital in Leeds, where"
            " staff appealed for blood donors.",
            [("in Leeds", "Leeds", "treatment of the injured")],
        ),
        (
            "Nine of the patients were transferred overnight to a specialist hospital in York,"
            " the ministry said.",
            [("in York", "York", "transfer of patients")],
        ),
        (
            "A raid on a farmhouse in Gouda ended the siege on Friday.",
            [("in Gouda", "Gouda", "raid")],
        ),
        (
            "Marines stormed the old mill in Gouda at first light.",
            [("in Gouda", "Gouda", "raid")],
        ),
        (
            "Firefighters fought a fire at a sugar mill in the coastal town of Takoradi for hours.",
            [("in the coastal town of Takoradi", "Takoradi", "incident")],
        ),
        (
            "A water main ruptured outside the Takoradi depot, flooding the road.",
            [("outside the Takoradi", "Takoradi", "rupture")],
        ),
        (
            "Hackers encrypted the files held at the utility's backup data centre in Bulawayo.",
            [("in Bulawayo", "Bulawayo", "attacked data centre")],
        ),
        (
            "A fishing crew spotted the missing yacht adrift off Tema two days later.",
            [("off Tema", "Tema", "recovery of the vessel")],
        ),
        (
            "Governor Rudo Chirwa told a press briefing at the old fort in Mutare.",
            [("in Mutare", "Mutare", "briefing")],
        ),
        (
            "Engineer Tomas Vidal unveiled the design at a press conference in Bulawayo.",
            [("in Bulawayo", "Bulawayo", "briefing")],
        ),
        (
            "Speaking to miners and reporters in Mutare, Tomas Vidal said the shaft would reopen.",
            [("in Mutare", "Mutare", "briefing")],
        ),
        (
            "The water authority said in Harare on Monday that the dam was safe.",
            [("in Harare", "Harare", "briefing")],
        ),
        (
            "Speaking in Harare, the water minister said the dam was safe.",
            [("in Harare", "Harare", "briefing")],
        ),
        (
            "The water authority held a news conference in Harare on Monday.",
            [("in Harare", "Harare", "briefing")],
        ),
        (
            "The river stood at 3.2 metres on Friday at the gauge at Mombasa.",
            [("at Mombasa", "Mombasa", "events at the gauge")],
        ),
        (
            "The lake stood at 2.1 metres, with the Kisumu gauge at its lowest since 1961.",
            [("the Kisumu", "Kisumu", "events at the gauge")],
        ),
        (
            "The Tana River at Garissa fell to 0.4 metres on Monday.",
            [("at Garissa", "Garissa", "events at the gauge")],
        ),
    ],
    ids=[
        "left-a-port",
        "left-a-city-s-port",
        "sailed-from",
        "landfall-near",
        "arrested-across-a-date",
        "caught-past-a-phrase-without-name",
        "found-burned-out",
        "stage-into",
        "collided-near",
        "court-venue-in-a-later-clause",
        "flight-from",
        "fire-at-a-factory-in",
        "hospitals-in-a-list-of-cities",
        "a-hospital-named-before-its-city",
        "patients-transferred",
        "a-raid-on-a-farmhouse-in",
        "stormed-the-mill-in",
        "a-place-noun-of-a-name",
        "a-facility-named-after-its-place",
        "an-attacked-data-centre",
        "found-drifting-off",
        "told-a-briefing-at-a-venue-in",
        "at-a-press-conference-in",
        "speaking-to-people-and-people-in",
        "said-in",
        "speaking-in",
        "held-a-news-conference-in",
        "at-the-gauge-at",
        "a-gauge-named-before-it",
        "a-river-level-at-a-city",
    ],
)
def test_places_frame_place_extracted(extract_text, sentence, expected):
    extraction = extract_text(sentence + "\n", published=dt.date.fromisoformat(PUBLISHED))
    assert _frame_places(extraction) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The storm left Havana without power on Monday.",
        "A replacement coach left Leeds for York at noon on Friday.",
        "The cargo ship caught fire near Split on Monday.",
        "Police arrested two men, and the mayor later spoke in Split.",
        "The inmates were arrested by a large team of armed officers from three regional forces"
        " near Split.",
        "He was jailed for six years, the court in Leeds said.",
        "The carmaker employs 3,000 people at its factory in Chittagong.",
        "Funds were moved to an account held by a cousin who lives in York.",
        "The drone took off from a field in Tema and was located an hour later.",
        "The bank opened a data centre in Bulawayo on Monday.",
        "A fire broke out at a warehouse in the state of emergency declared on Monday.",
        "The company said the plant in Harare would close.",
        "Engineers were sent to the gauge at Mombasa to read the river level.",
        "The cruise ship docked at Port of Spain.",
        "Children swam in the Tana River at Garissa on Sunday.",
    ],
    ids=[
        "left-a-place-in-a-state",
        "another-journey",
        "caught-fire-is-no-arrest",
        "another-clause",
        "too-far-from-the-frame-word",
        "a-city-in-another-clause",
        "a-factory-in-a-sentence-without-fire-or-attack",
        "moved-is-no-transfer-of-patients",
        "located-without-off",
        "a-data-centre-in-a-sentence-about-no-intrusion",
        "a-place-noun-of-no-name",
        "said-with-a-place-further-on",
        "a-port-as-a-destination",
        "a-port-in-a-name",
        "a-river-at-a-city-in-a-sentence-about-no-level",
    ],
)
def test_places_frame_place_not_extracted(extract_text, sentence):
    extraction = extract_text(sentence + "\n", published=dt.date.fromisoformat(PUBLISHED))
    assert _frame_places(extraction) == []


@pytest.mark.parametrize(
    ("text", "departures"),
    [
        (
            "The Set-Sail ferry set  sail from Oban; the jet-plane took off, PLANE delayed.",
            ["Set-Sail", "ferry", "set  sail", "took off", "PLANE"],
        ),
        (
            "A replane and a sailplane were caught up; the aircraft was detained near Ayr.",
            ["aircraft"],
        ),
        (
            "Their \u017failed ship set sail from Oban after the \u0130nspector's train left.",
            ["\u017failed", "set sail", "train", "left"],
        ),
    ],
    ids=["case-hyphens-and-spaces", "words-inside-longer-words", "letters-lower-keeps-apart"],
)
def test_places_frame_matches_are_the_patterns_matches(ruleset, text, departures):
    """The frame words found from their first words' positions are the pattern's own
    matches, in every frame; a text with a letter ``str.lower`` keeps apart from the one
    the pattern matches is searched by the pattern."""
    from checker.extract.places import _frame_matches, _frame_pattern

    frames = ruleset.rules["event.place"].options["frames"]
    for spec in frames.values():
        words = tuple(spec["words"]) + tuple(spec.get("objects", []))
        pattern = _frame_pattern(words)
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in _frame_matches(pattern, words, text, text.lower())] == expected
    spec = frames["departure"]
    words = tuple(spec["words"]) + tuple(spec["objects"])
    found = _frame_matches(_frame_pattern(words), words, text, text.lower())
    assert [m.group(0) for m in found] == departures


@pytest.mark.parametrize(
    "text",
    [
        "The ferry sailed FROM Oban to Mull; flights between Leeds and Cork resumed.",
        "The tanker Departed Rotterdam on Tuesday bound for Antwerp, from Hull earlier.",
        "The barge, headed for Ghent from Bruges, and the fromage van from Lyon to Dijon.",
        "A coach \u017failed from Oban to Mull after the \u0130nspector left Ayr for Troon.",
    ],
    ids=["case-and-two-patterns", "alternatives", "words-inside-longer-words", "letters-apart"],
)
def test_places_route_matches_are_the_patterns_matches(ruleset, text):
    """A route pattern tried only where one of its first words stands finds the pattern's
    own matches (``finditer``), in every shipped pattern."""
    from checker.extract.places import _frame_matches, _route_patterns

    rule = ruleset.rules["place.route"]
    nouns = tuple(sorted(ruleset.lexicons.get("place_nouns", [])))
    for pattern, _groups, first_words in _route_patterns(tuple(rule.options["patterns"]), nouns):
        assert first_words is not None
        expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        found = _frame_matches(pattern, first_words, text, text.lower())
        assert [(m.span(), m.groupdict()) for m in found] == expected


@pytest.mark.parametrize(
    ("pattern", "first_words"),
    [
        ("from {origin} to {destination}", ("from",)),
        ("(?:left|departed) {origin}{words} (?:for|bound for) {destination}", ("left", "departed")),
        ("from {origin} to {destination}|to {destination} from {origin}", None),
        ("(?:from|to)? {origin} to {destination}", None),
        (r"from\s+{origin} to {destination}", None),
        ("{origin} to {destination}", None),
    ],
)
def test_places_route_first_words(pattern, first_words):
    """Only a pattern that opens with a word, or a group of words, every match of it starts
    with is searched from those words; any other is run over the whole text."""
    from checker.extract.places import _route_first_words

    assert _route_first_words(pattern) == first_words


def test_places_frame_places_of_two_sources_disagree(ruleset, nlp):
    result = _check(
        ruleset,
        nlp,
        *_story(
            "The ferry had left Southampton at dawn, the coastguard said.",
            "The vessel had left Portsmouth at dawn on Sunday and sank near the harbour.",
        ),
    )
    (finding,) = _place_discrepancies(result)
    assert finding.message == (
        "Sources disagree on where the departure took place: "
        "Southampton (GB) (coastal-herald.txt) vs Portsmouth (GB) (river-wire.txt)"
    )
    assert {(e.source, e.text) for e in finding.evidence} == {
        ("coastal-herald.txt", "left Southampton"),
        ("river-wire.txt", "left Portsmouth"),
    }


@pytest.mark.parametrize(
    "texts",
    [
        (
            "The ferry had left Southampton at dawn, the coastguard said.",
            "The ferry, which sailed from Southampton on Sunday, sank near the harbour.",
        ),
        (
            "The ferry had left Southampton at dawn, the coastguard said.",
            "Two of the crew were arrested near Portsmouth on Monday.",
        ),
        (
            "The singer left the Mercer Arts Centre on Friday.",
            "The singer left the Mercer Arts Center on Friday, her agent said.",
        ),
        (
            "The injured were taken to hospitals in Leeds and Sheffield, officials said.",
            "Most of the injured were taken to hospitals in Sheffield.",
        ),
    ],
    ids=["same-port", "two-frames", "venue-spelt-two-ways", "one-of-the-listed-cities"],
)
def test_places_frame_places_no_discrepancy(ruleset, nlp, texts):
    result = _check(ruleset, nlp, *_story(*texts))
    assert _place_discrepancies(result) == []


def test_places_briefings_of_one_speaker_in_two_cities_disagree(ruleset, nlp):
    result = _check(
        ruleset,
        nlp,
        *_story(
            '"The water is rising fast," Governor Rudo Chirwa told a press briefing in Bulawayo.',
            '"The water is rising fast," Ms Chirwa told a news conference at the town hall in'
            " Mutare.",
        ),
    )
    (finding,) = _place_discrepancies(result)
    assert finding.message == (
        "Sources disagree on where the briefing took place: "
        "Bulawayo (ZW) (coastal-herald.txt) vs Mutare (ZW) (river-wire.txt)"
    )


def test_places_an_announcement_of_one_speaker_in_two_cities_disagrees(ruleset, nlp):
    result = _check(
        ruleset,
        nlp,
        *_story(
            "Engineer Tomas Vidal unveiled the new bridge design at a press conference in"
            " Bulawayo.",
            "Speaking to workers and reporters in Mutare, engineer Tomas Vidal said the bridge"
            " would open in 2027.",
        ),
    )
    (finding,) = _place_discrepancies(result)
    assert finding.message == (
        "Sources disagree on where the briefing took place: "
        "Bulawayo (ZW) (coastal-herald.txt) vs Mutare (ZW) (river-wire.txt)"
    )


def test_places_announcements_of_one_speaker_on_two_days_are_not_compared(ruleset, nlp):
    # two statements, each where it was made
    result = _check(
        ruleset,
        nlp,
        *_story(
            "Engineer Tomas Vidal said in Bulawayo on Monday that the bridge was safe.",
            "Engineer Tomas Vidal said in Mutare on Friday that the bridge was safe.",
        ),
    )
    assert _place_discrepancies(result) == []
    result = _check(
        ruleset,
        nlp,
        *_story(
            "Engineer Tomas Vidal said in Bulawayo on Monday that the bridge was safe.",
            "Engineer Tomas Vidal said in Mutare on Monday that the bridge was safe.",
        ),
    )
    assert len(_place_discrepancies(result)) == 1


def test_places_one_facility_in_two_cities_disagrees(ruleset, nlp):
    result = _check(
        ruleset,
        nlp,
        *_story(
            "The river stood at 2.1 metres on Friday at the gauge at Mombasa.",
            "The river stood at 2.1 metres at the gauge at Kisumu, the water board said.",
        ),
    )
    (finding,) = _place_discrepancies(result)
    assert finding.message == (
        "Sources disagree on where the events at the gauge took place: "
        "Mombasa (KE) (coastal-herald.txt) vs Kisumu (KE) (river-wire.txt)"
    )


@pytest.mark.parametrize(
    "texts",
    [
        (
            "The river stood at 2.1 metres on Friday at the gauge at Mombasa.",
            "The river stood at 2.1 metres at the Mombasa gauge.",
        ),
        (
            "The river stood at 2.1 metres on Friday at the gauge at Mombasa.",
            "Engineers were sent to the gauge at Kisumu to read the river level.",
        ),
        (
            "The Tana River at Garissa fell to 0.4 metres on Monday, the water board said.",
            "The Garissa gauge read 0.4 metres, the lowest level on record.",
        ),
        (
            "The river stood at 2.1 metres on Friday at the gauge at Mombasa.",
            "In 2019, the river stood at 1.2 metres at the gauge at Kisumu.",
        ),
    ],
    ids=[
        "one-gauge-named-two-ways",
        "a-destination-gauge",
        "a-river-level-and-a-gauge-at-one-city",
        "an-earlier-event-at-another-gauge",
    ],
)
def test_places_facilities_no_discrepancy(ruleset, nlp, texts):
    result = _check(ruleset, nlp, *_story(*texts))
    assert _place_discrepancies(result) == []


def test_places_a_river_level_and_a_gauge_in_two_cities_disagree(ruleset, nlp):
    result = _check(
        ruleset,
        nlp,
        *_story(
            "The Tana River at Garissa fell to 0.4 metres on Monday, the water board said.",
            "The Nakuru gauge read 0.4 metres, the lowest level on record.",
        ),
    )
    (finding,) = _place_discrepancies(result)
    assert finding.message == (
        "Sources disagree on where the events at the gauge took place: "
        "Garissa (KE) (coastal-herald.txt) vs Nakuru (KE) (river-wire.txt)"
    )


def test_places_briefings_of_two_speakers_are_not_compared(ruleset, nlp):
    result = _check(
        ruleset,
        nlp,
        *_story(
            "Governor Rudo Chirwa told a press briefing in Bulawayo on Monday.",
            "The police chief, Tatenda Moyo, told a news conference in Mutare on Sunday.",
        ),
    )
    assert _place_discrepancies(result) == []


def test_route_patterns_are_not_tried_in_a_text_without_a_journey_word(nlp, ruleset, monkeypatch):
    """A route is told in a sentence holding one of the rule's words ("ferry", "flight"):
    in a text with none of them, no route pattern is tried at all."""
    from checker.corpus import make_source
    from checker.extract import places

    tried = []
    matches = places._matches_at_pieces

    def counted(pattern, *args, **kwargs):
        tried.append(pattern)
        return matches(pattern, *args, **kwargs)

    monkeypatch.setattr(places, "_matches_at_pieces", counted)
    text = "Prices rose from 5% to 7% between March and May, the Zenda central bank said."
    source = make_source(source_id="a.txt", story="s", path="a.txt", raw_text=text)
    ctx = places._Context(nlp(source.text), ruleset)
    assert places._route_places(ctx, source, ruleset, iter(range(100)).__next__) == []
    assert tried == []
    text = "The ferry sailed from Oban to Mull on Friday."
    source = make_source(source_id="b.txt", story="s", path="b.txt", raw_text=text)
    ctx = places._Context(nlp(source.text), ruleset)
    assert places._route_places(ctx, source, ruleset, iter(range(100)).__next__)
    assert tried


# --- qualifiers: "Kingston, Ontario", "the Spanish port of Valencia", a dateline's state ------


def test_gazetteer_scope_of_a_qualifier(gazetteer, ruleset):
    from checker.normalize import _qualifier_words

    words = _qualifier_words(ruleset)
    assert gazetteer.scope("Ontario", words) == ("CA", "08")
    assert gazetteer.scope("Spanish", words) == ("ES", "")
    assert gazetteer.scope("Ala.", words) == ("US", "AL")
    assert gazetteer.scope("Oregon", words) == ("US", "OR")
    assert gazetteer.scope("Lebanon", words) == ("LB", "")
    assert gazetteer.scope("Tuesday", words) is None


def test_gazetteer_resolves_a_name_within_its_qualifier(gazetteer):
    assert gazetteer.resolve("Kingston").country == "JM"  # the larger namesake, unqualified
    kingston = gazetteer.resolve("Kingston", within=("CA", "08"))
    assert (kingston.label(), kingston.countries, kingston.qualified) == (
        "Kingston (CA)",
        {"CA"},
        True,
    )
    assert gazetteer.resolve("Tripoli", within=("LB", "")).label() == "Tripoli (LB)"
    # a name the gazetteer does not know there: somewhere in the qualifier's country
    elsewhere = gazetteer.resolve("Tripoli", within=("NO", ""))
    assert (elsewhere.kind, elsewhere.countries) == ("country", {"NO"})


def _place_values(result) -> set[tuple[str, str]]:
    """(rule, normalized value) of every place statement in the story's agreements and
    findings."""
    return {
        (item.rule, e.normalized)
        for item in [*result.agreements, *result.findings]
        if item.rule.startswith(("event.place", "event.main_place"))
        for e in item.evidence
    }


def test_places_a_province_after_a_city_and_in_a_dateline_picks_the_city_in_it(ruleset, nlp):
    result = _check(
        ruleset,
        nlp,
        *_story(
            "A freight train derailed in Kingston, Ontario, on Monday, injuring two crew "
            "members, police said.",
            "KINGSTON, Ontario, Oct 14 - A freight train derailed in Kingston on Monday, "
            "injuring two crew members, police said.",
        ),
    )
    assert [f for f in result.findings if f.kind == "discrepancy"] == []
    assert _place_values(result) == {("event.main_place", "Kingston (CA)")}


def test_places_a_nationality_before_a_place_noun_picks_the_city_of_that_country(ruleset, nlp):
    result = _check(
        ruleset,
        nlp,
        *_story(
            "Firefighters battled a blaze at a chemical plant near the Spanish port of "
            "Valencia on Monday, officials said.",
            "Firefighters battled a blaze at a chemical plant near Valencia, Venezuela, on "
            "Monday, officials said.",
        ),
    )
    (finding,) = _place_discrepancies(result)
    assert finding.message.endswith(
        "Valencia (ES) (coastal-herald.txt) vs Valencia (VE) (river-wire.txt)"
    )


def test_places_a_bare_name_reads_as_the_story_qualifies_it(ruleset, nlp):
    # another source's "Tripoli, Lebanon" and "Spain" place the bare names: no agreement
    # shows the larger namesake abroad
    for texts, value in (
        (
            (
                "Gunmen attacked an army checkpoint near Tripoli on Monday, killing four soldiers.",
                "Gunmen attacked an army checkpoint near Tripoli, Lebanon, on Monday, killing "
                "four soldiers.",
            ),
            {("event.place", "Tripoli (LB)")},
        ),
        (
            (
                "Trade ministers from Chile and Peru opened talks in Cordoba on Monday.",
                "Trade ministers from Chile and Peru opened talks in Spain on Monday.",
            ),
            {("event.place", "Cordoba (ES)"), ("event.place", "Spain")},
        ),
    ):
        result = _check(ruleset, nlp, *_story(*texts))
        assert [f for f in result.findings if f.kind == "discrepancy"] == []
        assert _place_values(result) == value


def test_places_a_list_after_a_comma_is_no_qualifier(ruleset, nlp):
    from checker.extract.context import _Context
    from checker.extract.places import _qualifier

    def qualifier_of(text: str, name: str) -> str | None:
        doc = nlp(text)
        start = next(t.i for t in doc if t.text == name)
        return _qualifier(_Context(doc, ruleset), start, start + 1, None)

    assert qualifier_of("Storms cut power in Hamilton, Victoria, on Monday.", "Hamilton") == (
        "Victoria"
    )
    # "Hamilton, Victoria and Ballarat": three places, not a Hamilton in Victoria
    assert qualifier_of("Storms cut power in Hamilton, Victoria and Ballarat.", "Hamilton") is None
    assert qualifier_of("Fog closed the Dutch port of Delfzijl on Monday.", "Delfzijl") == "Dutch"
    assert qualifier_of("Fog closed the port of Delfzijl on Monday.", "Delfzijl") is None


# --- one place, two names: "Sevilla" and "Seville" -------------------------------------------


def _seville_story(*places: str):
    names = ["coastal-herald.txt", "river-wire.txt", "plains-daily.txt", "delta-post.txt"]
    names += ["iberia-news.txt", "harbour-times.txt"]
    return [
        (
            names[i],
            PUBLISHED,
            f"Olive growers and buyers opened a third round of price talks in {place} on "
            "Monday, organisers said.\n",
        )
        for i, place in enumerate(places)
    ]


def test_places_a_city_s_own_name_is_no_typo_of_its_english_name(ruleset, nlp):
    result = _check(ruleset, nlp, *_seville_story("Seville", "Seville", "Seville", "Sevilla"))
    assert [f.message for f in result.findings if f.rule == "typo.name"] == []
    assert {value for _rule, value in _place_values(result)} == {"Seville (ES)"}


def test_places_a_city_s_two_names_are_one_value_in_a_finding(ruleset, nlp):
    result = _check(
        ruleset, nlp, *_seville_story("Seville", "Seville", "Sevilla", "Malaga", "Seville")
    )
    (finding,) = [f for f in result.findings if f.kind == "discrepancy"]
    assert finding.message.endswith(
        "Seville (ES) (coastal-herald.txt, iberia-news.txt, plains-daily.txt, river-wire.txt)"
        " vs Malaga (ES) (delta-post.txt)"
    )


def test_places_a_small_city_placed_by_its_qualifier_in_another_country_disagrees(ruleset, nlp):
    # Hamilton in Scotland is too small to tell from its namesakes unqualified; its
    # qualifier puts it in another country than Hamilton, New Zealand
    result = _check(
        ruleset,
        nlp,
        *_story(
            "A footbridge collapsed in the Scottish town of Hamilton on Monday after heavy "
            "rain, council officials said.",
            "A footbridge collapsed in Hamilton, New Zealand, on Monday after heavy rain, "
            "council officials said.",
        ),
    )
    (finding,) = [f for f in result.findings if f.kind == "discrepancy"]
    assert finding.message.endswith(
        "Hamilton (GB) (coastal-herald.txt) vs Hamilton (NZ) (river-wire.txt)"
    )


def test_places_a_small_qualified_city_is_not_compared_with_a_city_of_its_country(ruleset, nlp):
    # a small town (under the gazetteer's sizes) is compared with another country's places
    # only: a city of its own country may be how another outlet tells it
    result = _check(
        ruleset,
        nlp,
        *_story(
            "A footbridge collapsed in the Scottish town of Stirling on Monday after heavy "
            "rain, council officials said.",
            "A footbridge collapsed in Dundee on Monday after heavy rain, council officials said.",
        ),
    )
    assert [f for f in result.findings if f.kind == "discrepancy"] == []


def test_places_a_town_too_small_to_compare_disagrees_with_another_country(ruleset, nlp):
    # Inverness is under the sizes the gazetteer compares; its qualifier still puts it in
    # another country than Canada
    result = _check(
        ruleset,
        nlp,
        *_story(
            "A footbridge collapsed in the Scottish city of Inverness on Monday after heavy "
            "rain, council officials said.",
            "A footbridge collapsed in Canada on Monday after heavy rain, council officials said.",
        ),
    )
    (finding,) = [f for f in result.findings if f.kind == "discrepancy"]
    assert finding.message.endswith(
        "Inverness (GB) (coastal-herald.txt) vs Canada (river-wire.txt)"
    )


@pytest.mark.parametrize(
    ("second_court", "differ"),
    [
        ("the Crown Court in York", True),
        ("the Crown Court in Leeds", False),
        ("Leeds Crown Court", False),
    ],
)
def test_places_a_court_named_with_its_city_is_placed_there(ruleset, nlp, second_court, differ):
    # "the Crown Court in York" is no court of Leeds, though its words are a part of the
    # other's name
    result = _check(
        ruleset,
        nlp,
        (
            "a.txt",
            PUBLISHED,
            "The former club treasurer was convicted of fraud at Leeds Crown Court on Monday.\n",
        ),
        (
            "b.txt",
            PUBLISHED,
            f"The former club treasurer was found guilty of fraud at {second_court} on Monday.\n",
        ),
    )
    findings = [f for f in result.findings if f.rule == "event.place"]
    assert bool(findings) == differ
    if differ:
        assert {e.normalized for e in findings[0].evidence} == {
            "Leeds Crown Court (GB)",
            "Crown Court in York (GB)",
        }
