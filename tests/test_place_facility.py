"""Where a named facility stands (rule ``place.facility``): "Harbour View Hospital in
Cairns" in one source and "in Townsville" in another disagree; a suburb and its city, a
facility told by its kind, or two facilities of other names do not.

Every sentence below is invented for these tests.
"""

from __future__ import annotations

import pytest

from tests.conftest import check_articles as _check

RULE = "place.facility"
PUBLISHED = "2025-05-20"


def _story(*texts: str):
    names = ["coastal-herald.txt", "river-wire.txt"]
    return [(names[i], PUBLISHED, text + "\n") for i, text in enumerate(texts)]


def _findings(result) -> list:
    return [f for f in result.findings if f.rule == RULE]


_FIRST = (
    "Hackers locked staff out of patient records at Harbour View Hospital in {} on"
    " Sunday, the health service said."
)


def test_a_named_facility_in_two_cities_far_apart_is_reported(ruleset, nlp):
    second = (
        "The attack was found when doctors at Harbour View Hospital in Townsville could not"
        " open patient files."
    )
    result = _check(ruleset, nlp, *_story(_FIRST.format("Cairns"), second))
    (finding,) = _findings(result)
    assert finding.message.startswith("Sources disagree on where Harbour View Hospital is")
    assert sorted(e.text for e in finding.evidence) == ["in Cairns", "in Townsville"]


@pytest.mark.parametrize(
    "second",
    [
        # a town beside the city: one place
        "The attack was found when doctors at Harbour View Hospital in Salford could not"
        " open patient files.",
        # a hospital told by its kind, and one of another name
        "The attack was found when doctors at a hospital in Leeds could not open patient files.",
        "The attack was found when doctors at Kestrel Hospital in Leeds could not open"
        " patient files.",
        # "near" and "outside" are not "in"
        "The attack was found when doctors at Harbour View Hospital near Leeds could not"
        " open patient files.",
    ],
    ids=["city-and-its-neighbour", "by-its-kind", "another-name", "near"],
)
def test_no_conflict_for_a_neighbour_another_facility_or_near(ruleset, nlp, second):
    result = _check(ruleset, nlp, *_story(_FIRST.format("Manchester"), second))
    assert _findings(result) == []
