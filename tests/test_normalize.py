"""Normalization: publication dates inferred from an undated source's text, and counts of events.

An undated source takes its date from a dateline, a weekday stated with its date,
or an explicit full date; the year comes from the text or from the story's other
sources. With nothing to go on it stays undated rather than guessing.
"""

from __future__ import annotations

import datetime as dt

import pytest

from checker.normalize import infer_publication_date, normalize_story

NAIROBI_DATELINE = (
    "NAIROBI, Dec 29 (Meridian Wire) - The electoral commission said on Sunday it had "
    "finished recounting ballots from the by-election held in November 2019."
)
OSLO_DATELINE = (
    "OSLO, Dec 30 (Nordic Wire) - The football federation fined the club on Monday "
    "for crowd trouble at the cup final."
)
OSLO_DATED = "The football federation has fined the club for crowd trouble at the cup final."

# (undated text, the story's other sources as (text, published), expected date, evidence words)
INFERRED = [
    pytest.param(
        NAIROBI_DATELINE,
        [],
        dt.date(2019, 12, 29),
        "Dec 29",
        id="dateline-year-from-text",
    ),
    pytest.param(
        OSLO_DATELINE,
        [(OSLO_DATED, dt.date(2020, 1, 2))],
        dt.date(2019, 12, 30),
        "Dec 30",
        id="dateline-year-from-other-source-across-new-year",
    ),
    pytest.param(
        OSLO_DATELINE,
        [
            (OSLO_DATED, dt.date(2019, 12, 31)),
            ("The club said it would appeal against the fine.", dt.date(2020, 1, 2)),
            ("The federation's disciplinary panel met behind closed doors.", None),
        ],
        dt.date(2019, 12, 30),
        "Dec 30",
        id="dateline-year-from-several-sources",
    ),
    pytest.param(
        "LISBON, Jan 5, 2020 (Iberia Wire) - The ruling party chose a new leader on Sunday "
        "after a bruising contest.",
        [],
        dt.date(2020, 1, 5),
        "Jan 5, 2020",
        id="dateline-with-year",
    ),
    pytest.param(
        "Voters went to the polls on Sunday (Dec 29) in a runoff for the presidency. "
        "Parliament passed the 2019 budget in March after months of wrangling.",
        [],
        dt.date(2019, 12, 29),
        "Sunday (Dec 29)",
        id="weekday-with-date-and-year-elsewhere",
    ),
    pytest.param(
        "Fishermen blockaded the port on Sunday (Dec 27), the biggest protest since 2019 "
        "over the quota cuts.",
        [],
        dt.date(2020, 12, 27),
        "Sunday (Dec 27)",
        id="weekday-with-date-fits-one-year",
    ),
    pytest.param(
        "The appeals court on Dec 17, 2019 upheld the conviction of the former mayor. "
        "A retrial of his deputy will open on March 3, 2020.",
        [],
        dt.date(2019, 12, 17),
        "Dec 17, 2019",
        id="explicit-full-date-not-the-future-one",
    ),
]

# (undated text, the story's other undated texts)
UNDATED = [
    pytest.param(
        "The committee met behind closed doors last week and issued no statement.",
        [],
        id="nothing",
    ),
    pytest.param(
        OSLO_DATELINE,
        ["The club said it would appeal against the fine."],
        id="dateline-without-year",
    ),
    pytest.param(
        "The ruling party picked its candidate on Saturday (Jan 4) for the runoff due next month.",
        [],
        id="weekday-with-date-without-year",
    ),
    pytest.param(
        "A retrial of the former deputy mayor will open on March 3, 2020.",
        [],
        id="only-a-future-date",
    ),
]


def _story(extract_text, undated_text, others):
    """Extractions of one story: the undated source first, then the others."""
    extractions = [extract_text(undated_text, source_id="undated.txt")]
    for number, (text, published) in enumerate(others):
        extractions.append(extract_text(text, published=published, source_id=f"other-{number}.txt"))
    return extractions


@pytest.mark.parametrize(("text", "others", "expected", "evidence"), INFERRED)
def test_normalize_infers_publication_date(extract_text, ruleset, text, others, expected, evidence):
    undated = normalize_story(_story(extract_text, text, others), ruleset)[0]
    assert undated.source.published == expected


@pytest.mark.parametrize(("text", "others", "expected", "evidence"), INFERRED)
def test_normalize_inferred_date_names_its_words(
    extract_text, ruleset, text, others, expected, evidence
):
    undated = normalize_story(_story(extract_text, text, others), ruleset)[0]
    assert undated.source.published_from == "text"
    assert evidence in (undated.source.published_evidence or "")


@pytest.mark.parametrize(("text", "others"), UNDATED)
def test_normalize_leaves_source_undated_without_evidence(extract_text, ruleset, text, others):
    story = _story(extract_text, text, [(other, None) for other in others])
    for normalized in normalize_story(story, ruleset):
        assert normalized.source.published is None
        assert normalized.source.published_from == "none"
        assert normalized.source.published_evidence is None


def test_normalize_relative_dates_rest_on_inferred_date(extract_text, ruleset):
    undated = normalize_story([extract_text(NAIROBI_DATELINE)], ruleset)[0]
    values = {t.mention.where.text: t.value.label() for t in undated.timexes if t.value}
    assert values == {"on Sunday": "2019-12-29", "in November 2019": "2019-11"}


def test_normalize_relative_dates_stay_unresolved_without_publication_date(extract_text, ruleset):
    text = "The committee met behind closed doors last week and issued no statement."
    undated = normalize_story([extract_text(text)], ruleset)[0]
    assert [t.mention.where.text for t in undated.timexes] == ["last week"]
    assert undated.timexes[0].value is None


def test_normalize_keeps_metadata_date_of_dated_source(extract_text, ruleset):
    story = _story(extract_text, OSLO_DATELINE, [(OSLO_DATED, dt.date(2020, 1, 2))])
    dated = normalize_story(story, ruleset)[1]
    assert dated.source.published == dt.date(2020, 1, 2)
    assert dated.source.published_from == "metadata"


def test_normalize_infer_publication_date_uses_story_dates(extract_text, ruleset):
    inferred = infer_publication_date(
        extract_text(OSLO_DATELINE), ruleset, story_dates=[dt.date(2020, 1, 2)]
    )
    assert inferred is not None
    day, evidence = inferred
    assert day == dt.date(2019, 12, 30)
    assert "Dec 30" in evidence


def test_normalize_undated_piece_recalling_an_older_date_is_dated_with_its_story(
    extract_text, ruleset
):
    """An undated analysis whose one full date is recalled ("seized the men near Kessa on
    Friday, October 17, 2025") was written with the story, not on that day: its "March 3" is the
    story's March."""
    text = (
        "What the Ardel channel tells us\n\n"
        "The release of five engineers on March 3 ended an ordeal for their families. Gunmen "
        "seized the men near Kessa on Friday, October 17, 2025.\n"
    )
    story_dates = [dt.date(2026, 3, 4), dt.date(2026, 3, 5), dt.date(2026, 3, 5)]
    inferred = infer_publication_date(extract_text(text), ruleset, story_dates=story_dates)
    assert inferred is not None
    day, evidence = inferred
    assert day == dt.date(2026, 3, 5)
    assert "October 17, 2025" in evidence
    # with no other source, the recalled date is all there is
    alone = infer_publication_date(extract_text(text), ruleset)
    assert alone is not None and alone[0] == dt.date(2025, 10, 17)


def test_normalize_undated_piece_is_dated_by_a_later_day_it_tells_in_the_past(
    extract_text, ruleset
):
    """A weekday with its date dates an undated piece; a later day the piece tells in the
    past dates it later, a limit ("back to work by June 11") does not."""
    text = (
        "After the dock strike\n\n"
        "The strike began on Monday, June 1, 2026 at dawn. On June 9, the government "
        "ordered the dockers back to work by June 11.\n"
    )
    text = text.replace(", 2026", "")  # the year from the story's other source
    inferred = infer_publication_date(
        extract_text(text), ruleset, story_dates=[dt.date(2026, 6, 10)]
    )
    assert inferred is not None
    day, evidence = inferred
    assert day == dt.date(2026, 6, 9)
    assert "On June 9" in evidence and "Monday, June 1" in evidence


def test_normalize_infer_publication_date_without_evidence_is_none(extract_text, ruleset):
    assert infer_publication_date(extract_text(OSLO_DATELINE), ruleset) is None


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        pytest.param(
            "Negotiators said the three previous rounds of talks had ended without agreement.",
            "the three previous rounds",
            4,
            id="three-previous-rounds",
        ),
        pytest.param(
            "The federation said the two previous summits had produced no agreement, "
            "but talks would go on.",
            "the two previous summits",
            3,
            id="two-previous-summits",
        ),
        pytest.param(
            "A fourth round of talks ended without a deal on the fishing quotas.",
            "A fourth round",
            4,
            id="fourth-round-past",
        ),
        pytest.param(
            "A fifth round of talks is due to take place in Vienna next month.",
            "A fifth round",
            4,
            id="fifth-round-future",
        ),
        pytest.param(
            "The fourth round of talks will open on Monday.",
            "The fourth round",
            3,
            id="fourth-round-future",
        ),
        pytest.param(
            "The two foreign ministers have held three meetings since the summer.",
            "three meetings",
            3,
            id="three-meetings",
        ),
    ],
)
def test_normalize_counts_events_so_far(normalize_text, sentence, phrase, expected):
    normalized = normalize_text(sentence, published=dt.date(2020, 2, 3))
    counts = [f for f in normalized.facts if isinstance(f.value, int)]
    assert [(f.text, f.value) for f in counts] == [(phrase, expected)]


def test_normalize_gazetteer_is_found_again_by_the_rules(monkeypatch):
    """Every source naming a place asks for the gazetteer: the rules keep it, so their
    aliases are read (and sorted) once, not once per source."""
    from checker import normalize
    from checker.rules import load_rules

    ruleset = load_rules(None)
    asked = []
    monkeypatch.setattr(
        normalize, "load_gazetteer", lambda aliases: asked.append(aliases) or object()
    )
    first = normalize.gazetteer_of(ruleset)
    assert normalize.gazetteer_of(ruleset) is first
    assert len(asked) == 1
    assert asked[0]  # the rules declare some aliases
    assert list(asked[0]) == sorted(asked[0])


@pytest.mark.parametrize(
    ("sentence", "words", "expected"),
    [
        # a day set ahead in a past clause: the nearest such day, here the coming one
        (
            "The judge moved the sentencing hearing to January 24.",
            "January 24",
            dt.date(2025, 1, 24),
        ),
        ("The hearing was set for February 3, the court said.", "February 3", dt.date(2025, 2, 3)),
        # a range's end is read with its start: both gone
        (
            "The festival ran from January 3 to January 24 and drew 40,000 people.",
            "January 24",
            dt.date(2024, 1, 24),
        ),
        # no word that points ahead: the last such day
        ("The strike began on January 24, the union said.", "on January 24", dt.date(2024, 1, 24)),
    ],
)
def test_normalize_a_day_set_ahead_in_a_past_clause(normalize_text, sentence, words, expected):
    normalized = normalize_text(sentence + "\n", published=dt.date(2024, 11, 13))
    (timex,) = [t for t in normalized.timexes if t.mention.where.text == words]
    assert timex.value.start == expected


def test_normalize_a_directed_deadline_after_publication(normalize_text):
    text = (
        "The magistrate ordered that the two firms lodge their written arguments by January 10.\n"
    )
    normalized = normalize_text(text, published=dt.date(2024, 11, 13))
    (fact,) = [f for f in normalized.facts if f.kind == "deadline"]
    assert (fact.text, fact.value.start) == ("by January 10", dt.date(2025, 1, 10))
    # the same words about a day gone by: no deadline
    normalized = normalize_text(text, published=dt.date(2025, 2, 20))
    assert [f for f in normalized.facts if f.kind == "deadline"] == []


def test_normalize_a_relative_clauses_present_looks_ahead(normalize_text):
    # "a stoppage that starts on Wednesday": the scheduled present of the relative clause,
    # not the main verb's past ("announced")
    text = "Dockers announced a two-day stoppage that starts on Wednesday, the union said.\n"
    normalized = normalize_text(text, published=dt.date(2025, 8, 12))  # a Tuesday
    (timex,) = [t for t in normalized.timexes if t.mention.where.text == "on Wednesday"]
    assert timex.value.start == dt.date(2025, 8, 13)


def test_normalize_a_periods_end_is_either_of_two_days(normalize_text):
    text = "Dockers began a two-day stoppage on Thursday, idling the container port.\n"
    normalized = normalize_text(text, published=dt.date(2025, 8, 15))
    (fact,) = [f for f in normalized.facts if f.kind == "deadline"]
    assert (fact.value.start, fact.value.also) == (dt.date(2025, 8, 16), dt.date(2025, 8, 15))


@pytest.mark.parametrize(
    "text",
    [
        "It paid A$5 million and CA$ 3.2 billion.",
        "The fund, worth US$40m, bought NZD 12 bonds; usd7 more.",
        "BUSD 5 and XCAD9 are no dollars, nor is CAD alone.",
        "(HK$8) -S$ 1\nAUD\n2 c$3",
        "",
    ],
)
def test_normalize_dollar_sign_patterns_match_as_a_look_back_written_first(ruleset, text):
    """Each sign's pattern, its look back written after the sign, finds what the same
    pattern with the look back written first finds: no letter before the sign."""
    import re

    from checker.normalize import _dollar_signs

    signs = ruleset.lexicons["currency_signs"]
    patterns = _dollar_signs(ruleset)
    assert patterns
    for pattern, unit in patterns:
        sign = next(
            str(s)
            for s, u in signs.items()
            if str(u) == unit and pattern.pattern.startswith(re.escape(str(s)) + "(?<")
        )
        first = re.compile(rf"(?<![A-Za-z]){re.escape(sign)}\s?\d", re.IGNORECASE)
        found = [m.span() for m in pattern.finditer(text)]
        assert found == [m.span() for m in first.finditer(text)]
