"""People: mentions of one person grouped across sources and within an article."""

from __future__ import annotations

import pytest

from checker.folding import fold_accents
from tests.conftest import check_articles


def _people(ruleset, nlp, *texts: str) -> dict[str, dict[str, int]]:
    """name -> {form: number of sources}, for a story of the given articles."""
    result = check_articles(
        ruleset,
        nlp,
        *((f"outlet-{n}.txt", "2024-05-06", text) for n, text in enumerate(texts)),
    )
    return {p.name: {form: len(ids) for form, ids in p.forms} for p in result.people}


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        pytest.param(
            (
                "Prime Minister Anwar Idris met union leaders on Monday. Mr Idris said the "
                "talks had been useful.",
                "Anwar Idris, the prime minister, said on Monday the talks had been useful.",
            ),
            {"Anwar Idris": {"Anwar Idris": 2, "Idris": 1}},
            id="honorific-and-surname",
        ),
        pytest.param(
            (
                "The envoy met Pak Sung-chol in the capital. Pak said no deal was near.",
                "Pak Sung Chol told reporters that no deal was near, officials said.",
            ),
            {"Pak Sung Chol": {"Pak": 1, "Pak Sung-chol": 1, "Pak Sung Chol": 1}},
            id="hyphenated-given-name",
        ),
        pytest.param(
            (
                '"We will rebuild," said Dr. Maria Okonjo, who leads the relief effort.',
                "Relief chief Dr Maria Okonjo said the town would be rebuilt.",
                "Dr. Maria Okonja said the town would be rebuilt within a year.",
            ),
            {"Maria Okonjo": {"Maria Okonja": 1, "Maria Okonjo": 2}},
            id="one-letter-off-is-the-same-person",
        ),
        pytest.param(
            (
                "Mayor Zofia Wrześniak opened the bridge in Łódź. Wrześniak said it was safe.",
                "Mayor Zofia Wrzesniak opened the bridge in Lodz on Monday, officials said.",
            ),
            {"Zofia Wrześniak": {"Wrześniak": 1, "Zofia Wrześniak": 1, "Zofia Wrzesniak": 1}},
            id="with-and-without-accents",
        ),
    ],
)
def test_people_grouped_across_sources(ruleset, nlp, texts, expected):
    assert _people(ruleset, nlp, *texts) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Pan Pacific Health Organization said cases were rising.",
        "Officials at Coastal Freight Holdings said the ship had docked.",
        "In Lisbon, the Tagus Port Authority said the ship had docked.",
    ],
    ids=["organisation-speaks", "company-speaks", "port-authority"],
)
def test_people_organisations_are_not_people(ruleset, nlp, text):
    assert _people(ruleset, nlp, text) == {}


def test_people_titles_differing_across_outlets_are_not_findings(ruleset, nlp):
    result = check_articles(
        ruleset,
        nlp,
        ("a.txt", "2024-05-06", "President Lena Vuorinen opened the summit on Monday."),
        ("b.txt", "2024-05-06", "Ms Vuorinen opened the summit on Monday, officials said."),
    )
    assert [f for f in result.findings if f.kind == "typo"] == []
    (person,) = result.people
    assert person.name == "Lena Vuorinen"
    assert dict(person.forms) == {"Lena Vuorinen": ("a.txt",), "Vuorinen": ("b.txt",)}


def test_people_name_one_edit_off_the_majority_is_a_typo(ruleset, nlp):
    result = check_articles(
        ruleset,
        nlp,
        ("a.txt", "2024-05-06", "Coach Tomas Berglund said the squad was ready."),
        ("b.txt", "2024-05-06", "Tomas Berglund, the coach, said the squad was ready."),
        ("c.txt", "2024-05-06", "Tomas Berglund said on Monday the squad was ready."),
        ("d.txt", "2024-05-06", "The coach, Tomas Berglumd, said the squad was ready."),
    )
    (typo,) = [f for f in result.findings if f.rule == "typo.name"]
    assert typo.evidence[0].source == "d.txt"
    assert typo.evidence[0].text == "Berglumd"
    assert typo.suggestion == "Berglund"
    assert "3" in typo.message  # how many sources write it the other way


@pytest.mark.parametrize(
    ("odd_one_out", "expected"),
    [
        # the accents left off, as wires and many house styles do: the same spelling
        ("Jose Fernandez", []),
        # the accents left off and one letter wrong: a typo, whatever the accents
        ("Jose Fernandes", [("Fernandes", "Fernández")]),
    ],
    ids=["accents-dropped", "accents-dropped-and-misspelled"],
)
def test_people_names_compared_without_their_accents(ruleset, nlp, odd_one_out, expected):
    result = check_articles(
        ruleset,
        nlp,
        ("a.txt", "2024-05-06", "Mayor José Fernández opened the new bridge on Monday."),
        ("b.txt", "2024-05-06", "José Fernández, the mayor, opened the bridge on Monday."),
        ("c.txt", "2024-05-06", f"Mayor {odd_one_out} opened the new bridge on Monday."),
    )
    typos = [(f.evidence[0].text, f.suggestion) for f in result.findings if f.rule == "typo.name"]
    assert typos == expected


def test_fold_accents_takes_off_marks_and_keeps_case():
    assert fold_accents("Łódź") == "Lodz"
    assert fold_accents("Sørensen") == "Sorensen"
    assert fold_accents("Müller-Straße") == "Muller-Strasse"
    assert fold_accents("Smith") == "Smith"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # written twice one way and once the other, one letter apart: the odd one is a slip
        (
            "Fire chief Dana Pritchett said the blaze was contained. Pritchett said crews stayed "
            "overnight. By noon, Pritchet said, the roads had reopened.",
            [("Pritchet", "Pritchett", "Pritchet here, Pritchett elsewhere in the same article")],
        ),
        # two edits apart, but one slip: the double letter moved
        (
            "Coach Marcello Rinaldi named his side. Marcello Rinaldi said the squad was ready, "
            "and Marrcelo Rinaldi said the final would be close.",
            [("Marrcelo", "Marcello", "Marrcelo here, Marcello elsewhere in the same article")],
        ),
        # a common word used as a name ("Navy") and a name a letter off it: no typo
        (
            "The Navy said its frigate had boarded the trawler Rosa Nava 5 at dawn. The Navy "
            "released a photograph of the trawler.",
            [],
        ),
        # introduced by a full name, then written alone one letter off: the same person
        (
            'Ada Brannock, 61, said the water rose within an hour. "We lost everything," '
            "Brannick said.",
            [("Brannick", "Brannock", "Brannick here, Brannock elsewhere in the same article")],
        ),
        # two people, each named once: nothing says either is misspelled
        ("Karin Olsen met Erik Olson on Monday to discuss the merger.", []),
        # each introduced by a full name: two people, not a slip
        ("Ada Brannock met Tom Brannick on Monday. Brannick said they had agreed.", []),
        # a plural of a nickname is no misspelling of a name a letter away
        (
            'Peter Lindahl said the old "Mustache Petes" ran the docks. Peter Lindahl '
            "left in 1990.",
            [],
        ),
    ],
    ids=[
        "slip-in-one-article",
        "double-letter-moved",
        "common-word-name",
        "written-alone-after-a-full-name",
        "two-people",
        "two-people-each-introduced",
        "plural-nickname",
    ],
)
def test_people_name_written_two_ways_in_one_article(ruleset, nlp, text, expected):
    result = check_articles(
        ruleset,
        nlp,
        ("a.txt", "2024-05-06", text),
        ("b.txt", "2024-05-06", "Officials said on Monday the roads had reopened."),
    )
    typos = [
        (f.evidence[0].text, f.suggestion, f.message.split(" (")[0])
        for f in result.findings
        if f.rule == "typo.name"
    ]
    assert typos == expected
