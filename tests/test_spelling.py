"""Typos: real misspellings are caught, names, agencies, British spelling and rare words are not.

Every article below is invented for these tests.
"""

from __future__ import annotations

import pytest

from checker.check import check_story
from checker.corpus import StoryInput, make_source
from checker.spelling import (
    calendar_typos,
    explained_by_morphology,
    is_spelling_variant,
    name_typos,
    suggest,
    word_typos,
)


def _check(ruleset, nlp, *texts: str):
    """Check ``texts`` as one story, one source each (``a.txt``, ``b.txt``...), all dated."""
    sources = [
        make_source(
            source_id=f"{chr(ord('a') + n)}.txt",
            story="story",
            path=f"{chr(ord('a') + n)}.txt",
            raw_text=text,
            meta={"date": "2024-03-20"},
        )
        for n, text in enumerate(texts)
    ]
    return check_story(StoryInput("story", sources), ruleset=ruleset, nlp=nlp)


def _typos(result) -> list[tuple[str, str, str | None, str]]:
    """(source, word, suggestion, rule) of each typo finding."""
    return [
        (f.evidence[0].source, f.evidence[0].text, f.suggestion, f.rule)
        for f in result.findings
        if f.kind == "typo"
    ]


def _calendar_names(ruleset) -> dict[str, str]:
    names = {}
    for lexicon, label in (("month_names", "month"), ("weekdays", "weekday")):
        for word in ruleset.lexicon(lexicon):
            names[word] = label
    return names


# --- unit: suggestions, variants, morphology --------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("recieve", "receive"),
        ("goverment", "government"),
        ("occured", "occurred"),
        ("tarrifs", "tariffs"),
        ("wendesday", "wednesday"),
        ("septembr", "september"),
    ],
)
def test_spelling_suggest_common_misspellings(word, expected):
    assert suggest(word) == expected


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("programme", "program"),
        ("criticised", "criticized"),
        ("defence", "defense"),
        ("organisation", "organization"),
        ("liberalise", "liberalize"),
        ("colour", "color"),
    ],
)
def test_spelling_british_and_american_forms_are_variants(british, american):
    assert is_spelling_variant(british, american)
    assert is_spelling_variant(american, british)


@pytest.mark.parametrize(
    ("word", "other"), [("recieve", "receive"), ("tarrifs", "tariffs"), ("defence", "fence")]
)
def test_spelling_misspelling_is_not_a_variant(word, other):
    assert not is_spelling_variant(word, other)


@pytest.mark.parametrize("word", ["denuclearising", "overreaching", "holdups", "roadmap"])
def test_spelling_derived_words_and_compounds_are_explained(word):
    assert explained_by_morphology(word)


@pytest.mark.parametrize("word", ["recieve", "tarrifs", "wendesday"])
def test_spelling_misspellings_are_not_explained_by_morphology(word):
    assert not explained_by_morphology(word)


# --- unit: the three detectors on extracted words ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "suggestion"),
    [
        ("Fishing quotas will be set on Wendesday in Brussels.", "Wendesday", "Wednesday"),
        ("The quota talks resume in Feburary in Brussels.", "Feburary", "February"),
        ("New quotas take effect in Septembr across the bloc.", "Septembr", "September"),
    ],
)
def test_spelling_calendar_typos_suggest_the_name(extract_text, ruleset, text, word, suggestion):
    words = extract_text(text).words
    typos = calendar_typos(words, _calendar_names(ruleset), rule="typo.calendar", max_distance=2)
    assert [(t.word.where.text, t.suggestion) for t in typos] == [(word, suggestion)]
    assert typos[0].detail["class"] in ("month name", "weekday name")


def test_spelling_calendar_typos_leave_correct_names_alone(extract_text, ruleset):
    words = extract_text(
        "Ministers meet on Wednesday, and the quotas take effect in February and September."
    ).words
    assert calendar_typos(words, _calendar_names(ruleset), rule="r", max_distance=2) == []


def _word_typos(words, others=frozenset()):
    return word_typos(
        words,
        set(others),
        rule="typo.spelling",
        max_rare_zipf=1.5,
        min_gain_zipf=2.0,
        min_common_zipf=3.0,
    )


def test_spelling_word_typos_found_with_suggestion(extract_text):
    words = extract_text(
        "The goverment said it would recieve the delegation after the incident occured, "
        "and new tarrifs on steel were announced."
    ).words
    assert [(t.word.where.text, t.suggestion) for t in _word_typos(words)] == [
        ("goverment", "government"),
        ("recieve", "receive"),
        ("occured", "occurred"),
        ("tarrifs", "tariffs"),
    ]


def test_spelling_word_used_by_another_source_is_not_a_typo(extract_text):
    words = extract_text("Engineers installed gabion walls along the riverbank.").words
    assert [t.word.where.text for t in _word_typos(words)] == ["gabion"]
    assert _word_typos(words, others={"gabion"}) == []


def test_spelling_name_typos_report_the_majority_form(extract_text):
    texts = {
        "a.txt": "Chancellor Ilse Brandauer met President Marek Dvorsky in Vienna.",
        "b.txt": "Austrian leader Ilse Brandauer hosted Czech President Marek Dvorsky in Vienna.",
        "c.txt": "Chancellor Ilse Brandauer welcomed President Marek Dvorksy to Vienna.",
    }
    words_by_source = {sid: extract_text(text, source_id=sid).words for sid, text in texts.items()}
    found = name_typos(words_by_source, rule="typo.name", min_length=4)
    assert list(found) == ["c.txt"]
    (typo,) = found["c.txt"]
    assert (typo.word.where.text, typo.suggestion, typo.detail["majority"]) == (
        "Dvorksy",
        "Dvorsky",
        2,
    )
    assert [source for source, _word in typo.support] == ["a.txt", "b.txt"]


# --- story level: true typos -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "word", "suggestion", "rule"),
    [
        (
            "Fishing quotas will be set on Wendesday in Brussels.",
            "Wendesday",
            "Wednesday",
            "typo.calendar",
        ),
        (
            "The quota talks resume in Feburary in Brussels.",
            "Feburary",
            "February",
            "typo.calendar",
        ),
        (
            "New quotas take effect in Septembr across the bloc.",
            "Septembr",
            "September",
            "typo.calendar",
        ),
        (
            "Trawler owners will recieve compensation from Brussels.",
            "recieve",
            "receive",
            "typo.spelling",
        ),
        (
            "The goverment in Lisbon backed the quota cut.",
            "goverment",
            "government",
            "typo.spelling",
        ),
        ("The collision occured off the Galician coast.", "occured", "occurred", "typo.spelling"),
        (
            "Norway threatened tarrifs on fish imports from the bloc.",
            "tarrifs",
            "tariffs",
            "typo.spelling",
        ),
    ],
)
def test_spelling_story_typo_found(ruleset, nlp, sentence, word, suggestion, rule):
    result = _check(
        ruleset,
        nlp,
        sentence + "\n",
        "European Union fisheries ministers met in Brussels to agree catch quotas.\n",
    )
    assert _typos(result) == [("a.txt", word, suggestion, rule)]
    (finding,) = [f for f in result.findings if f.kind == "typo"]
    assert finding.severity == "warning"
    assert word in finding.message and suggestion in finding.message


# --- story level: things that are not typos ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # proper nouns and capitalised names
        "Minister Grete Vollmarsen met Ragnhild Sæterdal and Oddvar Kjellbotn in Tromsø.",
        "The trawler Kvitbjørn docked at Hammerfest after the Skagerrak storm.",
        # acronyms and agency credits
        "BERLIN (dpa) - The UNHCR appealed for funds, KCNA and AFP reported.",
        "The UNHCR and the IOM said the MSF clinic in Goma had reopened, according to dpa.",
        # British spellings
        "The defence ministry criticised the programme, saying the organisation would "
        "liberalise visa rules and change the colour of its uniforms.",
        # American spellings
        "The defense ministry criticized the program, saying the organization would "
        "liberalize visa rules and change the color of its uniforms.",
        # derived words and closed compounds
        "Envoys accused each other of overreaching while denuclearising talks stalled over "
        "holdups at the border.",
        "The ministry published a roadmap for rebuilding the damaged breakwaters.",
    ],
)
def test_spelling_story_non_typos_not_flagged(ruleset, nlp, text):
    result = _check(
        ruleset, nlp, text + "\n", "Ministers met in the capital on Tuesday to discuss aid.\n"
    )
    assert _typos(result) == []


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        (
            "Flood defences along the Sava were reinforced in Zagreb.",
            [("a.txt", "gabion", "gain", "typo.spelling")],
        ),
        ("Crews stacked gabion baskets along the Sava in Zagreb.", []),
    ],
    ids=["alone", "corroborated"],
)
def test_spelling_rare_word_corroborated_by_another_source(ruleset, nlp, second, expected):
    result = _check(
        ruleset,
        nlp,
        "Engineers installed gabion walls along the Sava riverbank in Zagreb.\n",
        second + "\n",
    )
    assert _typos(result) == expected


@pytest.mark.parametrize(
    ("odd_one_out", "word", "majority"),
    [
        (
            "Chancellor Ilse Brandauer welcomed President Marek Dvorksy to Vienna.",
            "Dvorksy",
            "Dvorsky",
        ),
        (
            "The talks were chaired by Chancellor Ilse Brandaur in Vienna with Marek Dvorsky.",
            "Brandaur",
            "Brandauer",
        ),
    ],
)
def test_spelling_story_name_off_majority_form_reported(ruleset, nlp, odd_one_out, word, majority):
    result = _check(
        ruleset,
        nlp,
        "Chancellor Ilse Brandauer met President Marek Dvorsky in Vienna on Tuesday.\n",
        "Austrian leader Ilse Brandauer hosted Czech President Marek Dvorsky in Vienna.\n",
        odd_one_out + "\n",
    )
    assert _typos(result) == [("c.txt", word, majority, "typo.name")]
    (finding,) = [f for f in result.findings if f.kind == "typo"]
    assert finding.message == (
        f"{word} is spelled {majority} by 2 other source(s); this source alone writes {word}"
    )
    assert [(e.source, e.text) for e in finding.evidence] == [
        ("c.txt", word),
        ("a.txt", majority),
        ("b.txt", majority),
    ]


KOREA = (
    "Envoys from South Korea and officials of the McAllister Group met in Busan.",
    "Officials from South Korea and the McAllister Group held talks in Busan.",
)
MOLDOVA = (
    "Grain exporters from Moldova met Romanian port officials in Constanta.",
    "Romanian port officials in Constanta hosted grain exporters from Moldova.",
)


@pytest.mark.parametrize(
    ("others", "odd_one_out"),
    [
        # a derived form of the name the others use
        (KOREA, "A South Korean envoy and officials of the McAllister Group met in Busan."),
        (MOLDOVA, "A Moldovan grain exporter met Romanian port officials in Constanta."),
        # a case-only difference is house style
        (KOREA, "Envoys from South Korea and officials of the Mcallister Group met in Busan."),
    ],
    ids=["korea-korean", "moldova-moldovan", "case-only"],
)
def test_spelling_story_derived_or_recased_name_not_reported(ruleset, nlp, others, odd_one_out):
    result = _check(ruleset, nlp, *(text + "\n" for text in (*others, odd_one_out)))
    assert _typos(result) == []


@pytest.mark.parametrize("word", ["beatup", "holdups", "breakin"])
def test_spelling_closed_compounds_with_particles_are_words(word):
    assert explained_by_morphology(word)
