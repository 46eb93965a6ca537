"""Extraction: event dates and their relation, report dates, deadlines, counts, tense, datelines.

Every article below is invented for these tests. They are anchored on Thursday 14 March 2024.
"""

from __future__ import annotations

import datetime as dt

import pytest

PUBLISHED = dt.date(2024, 3, 14)  # a Thursday


def _of_family(extraction, family: str) -> list:
    return [fact for fact in extraction.facts if fact.family == family]


def _timex(extraction, text: str):
    matches = [t for t in extraction.timexes if t.where.text == text]
    assert len(matches) == 1, [t.where.text for t in extraction.timexes]
    return matches[0]


# --- event dates and the relation verb ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date_text", "rule", "trigger"),
    [
        (
            "The ruling Civic Alliance opened its party congress on Monday in Tallinn.",
            "on Monday",
            "event.start_date",
            "congress",
        ),
        (
            "Wage talks between the rail union and the state operator began on Monday in Tallinn.",
            "on Monday",
            "event.start_date",
            "talks",
        ),
        (
            "Baltic energy ministers convened on Monday in Riga for a two-day conference.",
            "on Monday",
            "event.start_date",
            "conference",
        ),
        (
            "The conference of Baltic energy ministers ended on Tuesday in Riga.",
            "on Tuesday",
            "event.end_date",
            "conference",
        ),
        (
            "The forum on offshore wind wrapped up on Tuesday in Vilnius.",
            "on Tuesday",
            "event.end_date",
            "forum",
        ),
        (
            "The summit of Nordic defence ministers was held on Tuesday in Oslo.",
            "on Tuesday",
            "event.date",
            "summit",
        ),
        (
            "The hearing on Tuesday drew dozens of protesters to the Tartu county court.",
            "on Tuesday",
            "event.date",
            "hearing",
        ),
        ("The regional council will meet on Friday in Tartu.", "on Friday", "event.date", "meet"),
        # a participle before its noun is no relation: the game is not called off on Thursday
        (
            "The league said the abandoned game would be replayed on Thursday without fans.",
            "on Thursday",
            "event.replay_date",
            "game",
        ),
        # "said" reports the replay's day; "behind closed doors" ends nothing
        (
            "The league called the match off and said it would be replayed behind closed "
            "doors on Wednesday.",
            "on Wednesday",
            "event.replay_date",
            "match",
        ),
    ],
)
def test_extract_event_date_takes_rule_of_relation_verb(
    extract_text, text, date_text, rule, trigger
):
    extraction = extract_text(text, published=PUBLISHED)
    dates = _of_family(extraction, "date")
    assert [(f.where.text, f.rule, f.trigger) for f in dates] == [(date_text, rule, trigger)]


def test_extract_start_and_end_dates_in_one_sentence_get_their_own_relation(extract_text):
    extraction = extract_text(
        "The fisheries talks, which began on Monday, ended on Wednesday in Vilnius.",
        published=PUBLISHED,
    )
    dates = _of_family(extraction, "date")
    assert {(f.where.text, f.rule) for f in dates} == {
        ("on Monday", "event.start_date"),
        ("on Wednesday", "event.end_date"),
    }
    assert {f.trigger for f in dates} == {"talks"}


@pytest.mark.parametrize(
    ("text", "date_text", "value"),
    [
        (
            "The ruling Civic Alliance opened its party congress on Monday in Tallinn.",
            "on Monday",
            "2024-03-11",
        ),
        (
            "The conference of Baltic energy ministers ended on Tuesday in Riga.",
            "on Tuesday",
            "2024-03-12",
        ),
        (
            "The summit of Nordic leaders will take place on Friday in Oslo.",
            "on Friday",
            "2024-03-15",
        ),
    ],
)
def test_extract_event_date_resolves_against_publication_date(
    normalize_text, text, date_text, value
):
    normalized = normalize_text(text, published=PUBLISHED)
    dates = [f for f in normalized.facts if f.kind not in ("event.place", "event.main_place")]
    assert [(f.text, f.value_label()) for f in dates] == [(date_text, value)]


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        # the date is the discussion's, the showing's, an earlier hearing's, a verb's
        ("Two men on Tuesday were discussing the recent shooting near the harbour.", []),
        ("The video was shown in court on Thursday during the trial of the two men.", []),
        ("At the earlier hearing on Monday he was refused bail.", []),
        ("Police were called after hearing an argument at the house on Saturday.", []),
        # the event's own date
        ("Two men were arrested after the shooting on Tuesday near the harbour.", ["shooting"]),
        ("The trial on Thursday heard from two witnesses.", ["trial"]),
        # how long something lasts: "well into September" is no date of the fire
        ("Residents should expect smoke inside the fire's perimeter well into September.", []),
        ("The fire in the hills is expected to burn into September.", []),
    ],
)
def test_extract_event_date_only_of_the_event_itself(extract_text, text, dated):
    extraction = extract_text(text, published=PUBLISHED)
    assert [f.trigger for f in _of_family(extraction, "date")] == dated


# --- report dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The culture ministry said on Tuesday that the song festival would go ahead.",
        "Organisers said on Tuesday the regional forum had been postponed.",
        "Officials told reporters on Tuesday that the summit was still on.",
    ],
)
def test_extract_date_next_to_said_is_report_date_not_event_date(extract_text, text):
    extraction = extract_text(text, published=PUBLISHED)
    assert _timex(extraction, "on Tuesday").reported is True
    assert _of_family(extraction, "date") == []


def test_extract_report_date_and_event_date_in_one_sentence(extract_text):
    extraction = extract_text(
        "The energy ministry said on Tuesday that the conference opened on Monday in Riga.",
        published=PUBLISHED,
    )
    assert _timex(extraction, "on Tuesday").reported is True
    assert _timex(extraction, "on Monday").reported is False
    assert [(f.where.text, f.rule) for f in _of_family(extraction, "date")] == [
        ("on Monday", "event.start_date")
    ]


def test_extract_reporting_word_inside_an_event_phrase_reports_nothing(extract_text):
    # "released" reports a statement, but "were released" frees captives
    extraction = extract_text(
        "The two aid workers were released on Tuesday and flown home, the ministry said.",
        published=PUBLISHED,
    )
    assert [(f.where.text, f.trigger) for f in _of_family(extraction, "date")] == [
        ("on Tuesday", "were released")
    ]


def test_extract_funerals_take_their_own_dates_not_the_crash_before(extract_text):
    extraction = extract_text(
        "Funerals were held on Monday for the victims of the train crash on Saturday night.",
        published=PUBLISHED,
    )
    assert [(f.where.text, f.trigger) for f in _of_family(extraction, "date")] == [
        ("on Monday", "funerals"),
        ("on Saturday night", "crash"),
    ]


# --- deadlines ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date_text", "trigger"),
    [
        (
            "The rail union faces a year-end deadline to accept the operator's pay offer.",
            "year-end",
            "deadline",
        ),
        (
            "Negotiators missed the March 31 deadline for a settlement of the port dispute.",
            "March 31",
            "deadline",
        ),
        (
            "Both sides are due to publish revised fishing quotas by July 15.",
            "by July 15",
            "by",
        ),
        (
            "The coalition wants to pass the budget bill by July 15.",
            "by July 15",
            "by",
        ),
        # an obligation looks ahead, even in a reported sentence
        (
            "The tariff board must set the toll by July 15, the ministry said.",
            "by July 15",
            "by",
        ),
        # a trigger linked to its date across what it is for (``linking_words``)
        (
            "The deadline for ferry route tenders is March 31.",
            "March 31",
            "deadline",
        ),
        ("The cutoff for late applications falls on Friday.", "on Friday", "cutoff"),
    ],
)
def test_extract_deadline_found(extract_text, text, date_text, trigger):
    extraction = extract_text(text, published=PUBLISHED)
    deadlines = _of_family(extraction, "deadline")
    assert [(f.where.text, f.trigger, f.rule) for f in deadlines] == [
        (date_text, trigger, "deadline")
    ]
    assert deadlines[0].tense == "future"
    assert _of_family(extraction, "date") == []


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "Both sides are due to publish revised fishing quotas by July 15.",
            "publish revised fishing quotas",
        ),
        ("The coalition wants to pass the budget bill by July 15.", "pass the budget bill"),
    ],
)
def test_extract_deadline_subject_is_what_must_happen(extract_text, text, subject):
    (deadline,) = _of_family(extract_text(text, published=PUBLISHED), "deadline")
    assert deadline.subject == subject


@pytest.mark.parametrize(
    "text",
    [
        "The rail strike ran until Friday.",
        "Dockworkers picketed the container terminal until Friday, the union said.",
        "The ceasefire ran until Friday, officials said.",
    ],
)
def test_extract_past_until_is_not_a_deadline(extract_text, text):
    extraction = extract_text(text, published=PUBLISHED)
    assert _timex(extraction, "until Friday").tense == "past"
    assert _of_family(extraction, "deadline") == []


@pytest.mark.parametrize(
    ("text", "tense"),
    [
        ("The ferry Kessin was due to dock at Harlow on Monday but storms held it.", "past"),
        ("The regatta had been scheduled to take place on Sunday but was postponed.", "past"),
        ("The ferry Kessin is due to dock at Harlow on Monday.", "future"),
        ("The regatta is scheduled to take place on Sunday.", "future"),
    ],
)
def test_extract_a_plan_told_in_the_past_looks_back(extract_text, text, tense):
    # "was due to", "had been scheduled to": the day planned is past, and the plan failed
    extraction = extract_text(text, published=PUBLISHED)
    (timex,) = extraction.timexes
    assert timex.tense == tense


def test_extract_past_by_date_is_not_a_deadline(extract_text):
    extraction = extract_text(
        "The rail union accepted the operator's offer by July 15.", published=PUBLISHED
    )
    assert _timex(extraction, "by July 15").tense == "past"
    assert _of_family(extraction, "deadline") == []


@pytest.mark.parametrize(
    ("text", "date_text", "value"),
    [
        # a past verb with an infinitive before the date, across a coordination
        (
            "The council told the builder to deliver revised drawings and a noise survey"
            " by Friday.",
            "by Friday",
            dt.date(2024, 3, 15),
        ),
        # the infinitive after the date
        (
            "The league gave the club until Friday, March 22, to appeal the points deduction.",
            "until Friday, March 22",
            dt.date(2024, 3, 22),
        ),
    ],
)
def test_extract_deadline_in_a_past_clause_before_an_infinitive_looks_ahead(
    normalize_text, text, date_text, value
):
    (deadline,) = [
        f for f in normalize_text(text, published=PUBLISHED).facts if f.kind == "deadline"
    ]
    assert deadline.text == date_text
    assert deadline.tense == "future"
    assert deadline.value.start == value


def test_extract_deadline_context_takes_in_the_clause_a_relative_clause_hangs_on(extract_text):
    extraction = extract_text(
        "The toll-free period on the bridge, which runs until March 24, applies to all lorries.",
        published=PUBLISHED,
    )
    (deadline,) = _of_family(extraction, "deadline")
    assert {"period", "bridge", "run"} <= deadline.context


def test_extract_deadline_set_off_by_commas_takes_in_the_clauses_around_it(extract_text):
    extraction = extract_text(
        "The tariff board now has 30 days, until March 24, to fix the bridge toll.",
        published=PUBLISHED,
    )
    (deadline,) = _of_family(extraction, "deadline")
    assert {"tariff", "board", "fix", "toll"} <= deadline.context


def test_extract_stem_meets_short_plurals_and_verbs():
    from checker.extract import stem

    assert [stem(w) for w in ("runs", "run", "ends", "talks", "gas", "news", "this")] == [
        "run",
        "run",
        "end",
        "talk",
        "gas",
        "news",
        "this",
    ]
    # a name with and without its accents is one context word
    assert stem("Ozoliņš") == stem("Ozolins") == "ozolin"
    assert stem("Łódź") == stem("Lodz")
    # a verb's -ied and -ies forms meet its -y form
    assert stem("notified") == stem("notifies") == stem("notify") == "notify"
    # a British doubled l before -ing and -ed ("travelling"), never a short word's own
    assert stem("travelling") == stem("traveling") == stem("travelled") == "travel"
    assert stem("spelled") == stem("spell") == "spell"


# --- counts ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "number", "form", "series"),
    [
        (
            "The two foreign ministers have held four working meetings since January.",
            "four working meetings",
            4,
            "cardinal",
            "meetings",
        ),
        (
            "Thursday's talks were the third meeting between the two foreign ministers.",
            "the third meeting",
            3,
            "ordinal",
            "meetings",
        ),
        (
            "The two previous rounds of talks in Oslo produced no agreement.",
            "The two previous rounds",
            2,
            "previous",
            "rounds",
        ),
        (
            "Fisheries negotiators held a fourth round of talks in Oslo.",
            "a fourth round",
            4,
            "ordinal",
            "rounds",
        ),
    ],
)
def test_extract_count_form(extract_text, text, phrase, number, form, series):
    counts = _of_family(extract_text(text, published=PUBLISHED), "count")
    assert [(f.where.text, f.number, f.count_form, f.event_class) for f in counts] == [
        (phrase, number, form, series)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # "rounds" of something other than talks, in an article that is about talks
        "Ceasefire talks resumed in Vienna. Border guards seized 300 rounds of ammunition.",
        # a hyphenated round is an adjective, not a count of rounds of talks
        "Contract talks with his promoter dragged on for months. Ruiz retained his belt "
        "with an eighth-round knockout in Manila.",
        # rounds of a fight, in an article that never mentions talks
        "The champion stopped his challenger after ten rounds in Manila.",
    ],
)
def test_extract_rounds_that_are_not_talks_are_not_counted(extract_text, text):
    assert _of_family(extract_text(text, published=PUBLISHED), "count") == []


@pytest.mark.parametrize(
    "text",
    [
        "On the second day of the summit, ministers agreed a joint text.",
        "The world's third-largest economy hosts the summit.",
        "The two leaders first held a summit in Bergen in June 2019.",
    ],
)
def test_extract_ordinal_of_another_noun_is_not_a_count(extract_text, text):
    assert _of_family(extract_text(text, published=PUBLISHED), "count") == []


# --- tense -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date_text", "tense"),
    [
        ("The regional council will meet on Friday.", "on Friday", "future"),
        ("The referendum vote is scheduled for Friday.", "Friday", "future"),
        ("The next hearing in the corruption case is on Friday.", "on Friday", "future"),
        ("The supervisory board met on Monday in Zurich.", "on Monday", "past"),
        ("The supervisory board approved the merger on Monday.", "on Monday", "past"),
        ("The strikers returned to work on Monday.", "on Monday", "past"),
        # "updated" after "the" is an adjective, not a past-tense verb
        ("Economists await the updated forecasts on Friday.", "on Friday", "none"),
        ("The central bank will publish the updated forecasts on Friday.", "on Friday", "future"),
        # "would" in reported speech: future as seen from the report
        ("A spokesman said the minister would visit the port on Friday.", "on Friday", "future"),
        # the simple present of a scheduled happening looks ahead
        ("The fishing quota talks in Reykjavik end on Friday.", "on Friday", "future"),
        (
            "Polling stations close on Sunday evening, officials said.",
            "on Sunday evening",
            "future",
        ),
        ("The city library reopens to visitors on Saturday.", "on Saturday", "future"),
        ("The runoff between the two candidates is on Sunday.", "on Sunday", "future"),
        # not after "did not", nor a noun after a determiner, nor a reporting verb
        ("The fishing quota talks did not end on Friday.", "on Friday", "past"),
        ("Copper futures slipped at the close on Friday.", "on Friday", "past"),
        ("The coastguard says on Monday it rescued nine fishermen.", "on Monday", "past"),
        # a reporting verb set off by commas reports nothing after it
        (
            "The summit in Varna on Monday, officials said, will open talks on trade.",
            "on Monday",
            "future",
        ),
    ],
)
def test_extract_tense_of_clause(extract_text, text, date_text, tense):
    assert _timex(extract_text(text, published=PUBLISHED), date_text).tense == tense


def test_extract_a_reported_future_is_not_the_tense_of_what_reports_it(extract_text):
    # "said the quota would stay": "would" tells the quota, not the gathering
    extraction = extract_text(
        "Delegates of the nine-nation fishing board, meeting in Varna, said the quota would stay in force.",
        published=PUBLISHED,
    )
    assert [(f.where.text, f.tense) for f in extraction.facts if f.family == "place"] == [
        ("in Varna", "past")
    ]


# --- datelines ---------------------------------------------------------------------------------


def test_extract_dateline_date_is_not_a_temporal_expression(extract_text):
    extraction = extract_text(
        "RIGA, March 14 (Baltic Wire) - The conference of Baltic energy ministers opened in Riga.",
        published=PUBLISHED,
    )
    assert extraction.source.dateline is not None
    assert extraction.source.dateline.date_text == "March 14"
    assert extraction.timexes == []
    # the dateline's RIGA is where the story was filed; "opened in Riga" is the event's place
    assert [(f.family, f.where.text) for f in extraction.facts] == [("place", "in Riga")]


def test_extract_dateline_date_is_skipped_but_event_date_kept(extract_text):
    extraction = extract_text(
        "RIGA, March 14 (Baltic Wire) - The conference of Baltic energy ministers opened "
        "on Monday in Riga.",
        published=PUBLISHED,
    )
    assert [t.where.text for t in extraction.timexes] == ["on Monday"]
    assert [(f.where.text, f.rule) for f in _of_family(extraction, "date")] == [
        ("on Monday", "event.start_date")
    ]


def test_extract_token_table_has_each_tokens_own_attributes(nlp):
    """The token table reads word attributes once per word for the whole run; every row is
    still the token's own, in a second document and in another pipeline's."""
    import spacy

    from checker.extract.context import _Tokens

    texts = [
        "Ms. O'Neill told CNN: 'The U.S. fund rose 4.5% to $12,000 in twenty-five days.'",
        "ROME - The fund's chief said 4.5 million, not twenty.\n\nNew line?  Yes!",
        "",
    ]
    other = spacy.blank("en")
    other.add_pipe("sentencizer")
    for pipeline in (nlp, other, nlp):
        for text in texts:
            doc = pipeline(text)
            table = _Tokens.of(doc)
            assert table.text == [t.text for t in doc]
            assert table.lower == [t.lower_ for t in doc]
            assert table.alpha == [t.is_alpha for t in doc]
            assert table.title == [t.is_title for t in doc]
            assert table.upper == [t.is_upper for t in doc]
            assert table.lowercase == [t.is_lower for t in doc]
            assert table.wordlike == [t.is_alpha or t.like_num for t in doc]
            assert table.spaced == [bool(t.whitespace_) for t in doc]
            assert table.idx == [t.idx for t in doc]
            assert table.sent_start == [t.sent.start for t in doc]
            assert table.sent_end == [t.sent.end for t in doc]


@pytest.mark.parametrize("meetings", [3, 1999, 3001])
def test_extract_chain_ids_of_a_long_article_never_collide(extract_text, meetings):
    """Two deadlines of one article are two chains, each with its own context, however many
    event words come before them (ids were once set aside in ranges of a thousand, which a
    long article overran: after 1,999 meetings its deadline and its curfew shared chain
    3000, after 3,001 its curfew and its last meeting did)."""
    text = (
        "The transport ministry set a deadline of March 31 for the union to reply. "
        "The council imposed a 30-day curfew on Monday in the port district. "
        + "A meeting of the harbour board was held in the town hall. "
        * meetings
    )
    extraction = extract_text(text, published=dt.date(2025, 3, 3))
    deadlines = {f.trigger: f for f in extraction.facts if f.family == "deadline"}
    assert set(deadlines) == {"deadline", "period"}
    reply, curfew = deadlines["deadline"].chain, deadlines["period"].chain
    assert reply != curfew
    assert "union" in extraction.chain_context[reply]
    assert "curfew" not in extraction.chain_context[reply]
    assert "curfew" in extraction.chain_context[curfew]
    assert "union" not in extraction.chain_context[curfew]
    # every meeting is a chain of its own ("a meeting"), none of them sharing a deadline's id
    assert len(extraction.chain_context) == extraction.chains_made == meetings + 2


def test_extract_within_deadlines_take_chains_of_their_own(extract_text):
    # a deadline counted from a named day, after other period deadlines and events: each
    # chain id is used once (it was "4000 + n", a range another reader could reach)
    text = (
        "date 2026-01-20\nThe port must submit a dredging plan within 90 days of the January 15 "
        "ruling, and a 30-day fishing ban begins on Monday. The council has 60 days from "
        "March 2 to appeal.\n"
    )
    facts = extract_text(text).facts
    (within,) = [f for f in facts if f.trigger == "period" and f.offset_days == 90]
    others = {f.chain for f in facts if f is not within and f.chain >= 0}
    assert within.chain not in others
    assert within.chain < 4000  # from the source's one counter, not a range set aside


def test_extract_reads_the_parts_of_a_span_only_before_of_or_from(
    extract_text, ruleset, monkeypatch
):
    # "within 90 days of the January 15 ruling" counts from a day: the span-of-days reader
    # reads the parts of an expression only when "of" or "from" follows it, and each
    # expression's parts once for the rule set (not "on Monday" at all)
    from checker.extract import context

    read = []
    monkeypatch.setitem(ruleset._derived, "timex_parts", {})  # none kept from other tests
    parts_of = context.parts_of
    monkeypatch.setattr(
        context, "parts_of", lambda words, lex: read.append(words) or parts_of(words, lex)
    )
    text = (
        "date 2026-01-20\nThe port must submit a dredging plan within 90 days of the January 15 "
        "ruling, the regulator said on Monday. It has 90 days of the January 15 ruling left.\n"
    )
    facts = extract_text(text).facts
    assert [f.offset_days for f in facts if f.trigger == "period"] == [90, 90]
    assert sorted(read) == [("90", "days"), ("January", "15")]
