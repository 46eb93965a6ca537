"""The story's main event dated in each source's first sentence, whatever verb tells it
(rule ``event.main_date``).

Every article below is invented for these tests.
"""

from __future__ import annotations

import datetime as dt

from tests.conftest import check_articles as _check

RULE = "event.main_date"


def _main_facts(normalize_text, text: str, published: dt.date) -> list:
    return [f for f in normalize_text(text, published=published).lead_facts if f.kind == RULE]


def _findings(result) -> list:
    return [f for f in result.findings if f.rule == RULE]


def _texts(finding) -> set[tuple[str, str]]:
    return {(e.source, e.text) for e in finding.evidence}


# --- what a main-event date is -----------------------------------------------------------------


def test_main_date_is_read_with_the_verb_before_it(normalize_text):
    text = (
        "Brindle Mills shares soar\n\n"
        "Shares in textile maker Brindle Mills debuted last Tuesday on the Corvale exchange, "
        "closing a fifth above their offer price.\n"
    )
    (fact,) = _main_facts(normalize_text, text, dt.date(2025, 3, 17))
    assert (fact.text, fact.trigger) == ("last Tuesday", "debuted")
    assert fact.value.start == dt.date(2025, 3, 11)


def test_main_date_before_its_verb_in_may_is_read_with_the_verb(normalize_text):
    # the month "May" is no auxiliary that would make "convicted" a passive
    text = (
        "Fund founder convicted\n\n"
        "A jury in Corvale on May 22 convicted the founder of Brindle Capital of fraud.\n"
    )
    (fact,) = _main_facts(normalize_text, text, dt.date(2025, 5, 24))
    assert (fact.text, fact.trigger) == ("on May 22", "convicted")
    assert fact.value.start == dt.date(2025, 5, 22)


def test_a_possessive_date_is_quoted_with_the_noun_it_dates(normalize_text):
    text = (
        "Harlow Vance's side took the league title after finishing second in last Sunday's "
        "cup final at the Mossbank ground.\n"
    )
    (fact,) = _main_facts(normalize_text, text, dt.date(2025, 9, 3))
    assert (fact.text, fact.trigger) == ("in last Sunday's cup final", "final")


def test_a_later_instance_of_the_event_gives_no_main_date(normalize_text):
    # "the fourth tremor": not the event the story is about
    text = "The fourth tremor shook the hill town of Arvel on Monday, residents said.\n"
    assert _main_facts(normalize_text, text, dt.date(2025, 5, 6)) == []
    (fact,) = _main_facts(normalize_text, text.replace("fourth ", ""), dt.date(2025, 5, 6))
    assert (fact.text, fact.trigger) == ("on Monday", "shook")


def test_a_reported_or_ongoing_date_is_no_main_date(normalize_text):
    text = "The canal has been closed since Monday, the harbour office said on Wednesday.\n"
    assert _main_facts(normalize_text, text, dt.date(2025, 5, 8)) == []
    text = "The canal was closed to shipping on Monday, the harbour office said on Wednesday.\n"
    (fact,) = _main_facts(normalize_text, text, dt.date(2025, 5, 8))
    assert (fact.text, fact.trigger) == ("on Monday", "closed")


# --- comparing the sources' main-event dates ---------------------------------------------------


_WIRE = (
    "Brindle Mills jumps 20% in market debut\n\n"
    "Shares in textile maker Brindle Mills rose 20% on their first day of trading on the "
    "Corvale exchange on Wednesday after a share sale that drew strong demand.\n"
)
_WEEKLY = (
    "A good week for Corvale\n\n"
    "The Corvale market had its busiest week in years after Brindle Mills debuted last "
    "Tuesday with a gain of a fifth, the exchange's first new listing since 2021.\n"
)


def test_main_dates_told_with_different_verbs_are_compared(ruleset, nlp):
    result = _check(
        ruleset,
        nlp,
        ("wire.txt", "2025-03-12", _WIRE),
        ("weekly.txt", "2025-03-17", _WEEKLY),
    )
    (finding,) = _findings(result)
    assert _texts(finding) == {("wire.txt", "on Wednesday"), ("weekly.txt", "last Tuesday")}
    assert "2025-03-11" in finding.message and "2025-03-12" in finding.message


def test_main_dates_of_one_day_agree(ruleset, nlp):
    weekly = _WEEKLY.replace("last Tuesday", "last Wednesday")
    result = _check(
        ruleset,
        nlp,
        ("wire.txt", "2025-03-12", _WIRE),
        ("weekly.txt", "2025-03-17", weekly),
    )
    assert _findings(result) == []
    assert [a.rule for a in result.agreements].count(RULE) == 1


_OPENED = (
    "Avonport ferry link to Kelby opens\n\n"
    "The new ferry link between Avonport and Kelby opened on Saturday, cutting the crossing"
    " to 40 minutes.\n"
)
_ENTERED = (
    "Avonport-Kelby ferry link enters service\n\n"
    "The Avonport-Kelby ferry link, which cuts the crossing to 40 minutes, entered service"
    " on Sunday.\n"
)


def test_main_dates_of_one_happening_told_in_other_words_are_compared(ruleset, nlp):
    # "entered service" tells the opening the other lead names
    result = _check(
        ruleset,
        nlp,
        ("wire.txt", "2025-06-07", _OPENED),
        ("weekly.txt", "2025-06-11", _ENTERED),
    )
    (finding,) = _findings(result)
    assert _texts(finding) == {("wire.txt", "on Saturday"), ("weekly.txt", "on Sunday")}
    entered_other_things = _ENTERED.replace("entered service", "entered the regional network")
    result = _check(
        ruleset,
        nlp,
        ("wire.txt", "2025-06-07", _OPENED),
        ("weekly.txt", "2025-06-11", entered_other_things),
    )
    assert _findings(result) == []


_APPROVED = (
    "Tarnby approves harbour bridge\n\n"
    "TARNBY, April 8 (Coast Wire) - Tarnby's planning board on Tuesday approved the port "
    "authority's plan to build a lifting bridge across the inner harbour, on condition "
    "that work starts within a year.\n"
)
_WON_APPROVAL = (
    "Port authority wins approval for harbour bridge\n\n"
    "Tarnby's port authority won approval on Wednesday for a lifting bridge across the "
    "inner harbour, one of the largest building projects in the port's history.\n"
)


def test_main_dates_of_an_approval_told_in_other_words_are_compared(ruleset, nlp):
    # "won approval" tells the approval the other lead dates with "approved"
    result = _check(
        ruleset,
        nlp,
        ("wire.txt", "2025-04-08", _APPROVED),
        ("weekly.txt", "2025-04-10", _WON_APPROVAL),
    )
    (finding,) = _findings(result)
    assert _texts(finding) == {("wire.txt", "on Tuesday"), ("weekly.txt", "on Wednesday")}
    won_a_prize = _WON_APPROVAL.replace(
        "won approval on Wednesday for", "won a prize on Wednesday for"
    )
    result = _check(
        ruleset,
        nlp,
        ("wire.txt", "2025-04-08", _APPROVED),
        ("weekly.txt", "2025-04-10", won_a_prize),
    )
    assert _findings(result) == []


_SHELLED = (
    "Fuel depot shelled near border town of Osterfeld\n\n"
    "A fuel depot near the border town of Osterfeld was shelled on Thursday, "
    "setting three storage tanks ablaze, local officials said.\n"
)
_CONDEMNED = (
    "Relief agency condemns depot shelling\n\n"
    "A relief agency on Friday condemned the shelling of a fuel depot near the border "
    "town of Osterfeld that set three storage tanks ablaze.\n"
)


def test_a_lead_that_dates_a_reaction_is_not_compared(ruleset, nlp, normalize_text):
    # the agency's condemnation is dated, not the shelling it condemns
    (shelled,) = _main_facts(normalize_text, _SHELLED, dt.date(2025, 4, 11))
    (condemned,) = _main_facts(normalize_text, _CONDEMNED, dt.date(2025, 4, 12))
    assert (shelled.trigger, condemned.trigger) == ("shelled", "condemned")
    result = _check(
        ruleset, nlp, ("wire.txt", "2025-04-11", _SHELLED), ("agency.txt", "2025-04-12", _CONDEMNED)
    )
    assert _findings(result) == []
    assert RULE not in [a.rule for a in result.agreements]


_RAID = (
    "Jewellers raided in Pelham Street\n\n"
    "Thieves raided a jewellery shop in Pelham Street on Monday and escaped with "
    "watches worth thousands, police in Marrowby said.\n"
)
_AGAIN = (
    "Pelham Street jewellers hit by thieves\n\n"
    "A jewellery shop in Pelham Street was raided on Monday by thieves who escaped with "
    "watches worth thousands, police in Marrowby said.\n"
)


def test_dates_days_apart_are_two_events_not_one_misdated(ruleset, nlp):
    # two raids on one shop a week apart: neither a finding nor an agreement
    result = _check(
        ruleset, nlp, ("first.txt", "2025-06-03", _RAID), ("second.txt", "2025-06-10", _AGAIN)
    )
    assert _findings(result) == []
    assert RULE not in [a.rule for a in result.agreements]
    # the same two leads published together are compared
    result = _check(
        ruleset, nlp, ("first.txt", "2025-06-03", _RAID), ("second.txt", "2025-06-04", _AGAIN)
    )
    assert [a.rule for a in result.agreements].count(RULE) == 1


# --- the main event's place (rule ``event.main_place``) ----------------------------------------

PLACE_RULE = "event.main_place"

_BANQUET = (
    "Guests fall ill after wedding lunch\n\n"
    "Forty guests fell ill and went to hospital after a wedding lunch in the port city "
    "of {city} on Saturday night, health officials said on Monday.\n"
)
_CATERER = (
    "Caterer held over wedding poisoning\n\n"
    "Police held a caterer whose food is blamed for the poisoning at a wedding in "
    "{city} on Saturday that sent forty guests to hospital.\n"
)


def _lunch_story(ruleset, nlp, agency_city: str, daily_city: str):
    """The checked story of the agency's lunch in one city and the daily's caterer in another."""
    return _check(
        ruleset,
        nlp,
        ("agency.txt", "2025-07-14", _BANQUET.format(city=agency_city)),
        ("daily.txt", "2025-07-15", _CATERER.format(city=daily_city)),
    )


def _place_findings(result) -> list:
    return [f for f in result.findings if f.rule == PLACE_RULE]


def test_main_places_of_one_event_far_apart_disagree(ruleset, nlp):
    # the place is read in the main date's clause, whatever word dates the event
    result = _lunch_story(ruleset, nlp, "Marseille", "Toulouse")
    (finding,) = _place_findings(result)
    assert {(e.source, e.text) for e in finding.evidence} == {
        ("agency.txt", "in the port city of Marseille"),
        ("daily.txt", "in Toulouse"),
    }


def test_main_places_of_one_city_agree(ruleset, nlp):
    result = _lunch_story(ruleset, nlp, "Marseille", "Marseille")
    assert _place_findings(result) == []
    assert [a.rule for a in result.agreements].count(PLACE_RULE) == 1


def test_a_place_qualified_by_its_country_reads_as_the_country(normalize_text):
    # "in Orsk, Russia": a small town's name may be another's; the country it is in is sure
    text = (
        "Gas blast at apartment block\n\n"
        "A gas explosion wrecked an apartment block in Lindvale, France, on Tuesday, "
        "killing two residents, officials said.\n"
    )
    places = [
        f.value.name
        for f in normalize_text(text, published=dt.date(2025, 2, 5)).facts
        if f.kind == PLACE_RULE
    ]
    assert places == ["France"]


_PULLED = (
    "Rescuers free 14 trapped quarry workers\n\n"
    "Rescuers pulled out 14 quarry workers alive from a collapsed limestone pit near {city} "
    "in central France on Saturday, four days after a landslide buried the site, officials said.\n"
)
_BROUGHT = (
    "Joy as quarry workers come home\n\n"
    "Cheers rang out at the Ravelle pit when its 14 quarry workers were lifted out on Friday"
    " near {city} in France, ending four days of waiting for their families.\n"
)


def _quarry_story(ruleset, nlp, wire_city: str, daily_city: str):
    """The checked story of the quarry rescue, the wire's pit near one city, the daily's near
    another (or the same)."""
    return _check(
        ruleset,
        nlp,
        ("wire.txt", "2025-09-13", _PULLED.format(city=wire_city)),
        ("daily.txt", "2025-09-14", _BROUGHT.format(city=daily_city)),
    )


def test_main_dates_of_a_rescue_told_in_other_words_are_compared(ruleset, nlp):
    # "pulled out" and "lifted out" both tell the rescue (same_happenings)
    (finding,) = _findings(_quarry_story(ruleset, nlp, "Lyon", "Lyon"))
    assert _texts(finding) == {("wire.txt", "on Saturday"), ("daily.txt", "on Friday")}


def test_main_places_are_their_cities_not_the_country_both_lie_in(ruleset, nlp):
    # "near Lyon in central France" and "near Marseille in France": the cities differ,
    # whatever the country the two leads share
    (finding,) = _place_findings(_quarry_story(ruleset, nlp, "Lyon", "Marseille"))
    assert {e.text for e in finding.evidence} == {"near Lyon", "near Marseille"}
    assert _place_findings(_quarry_story(ruleset, nlp, "Lyon", "Lyon")) == []


def test_main_dates_of_a_launch_told_in_other_words_are_compared(ruleset, nlp):
    # "lifted off" and "launched" both tell the launch (same_happenings)
    result = _check(
        ruleset,
        nlp,
        (
            "wire.txt",
            "2026-01-14",
            "Rocket puts Ruritanian weather satellite into orbit\n\n"
            "A Zendan rocket lifted off on Wednesday carrying Ruritania's Osprey-3 weather"
            " satellite, giving the country its own instrument for tracking storms.\n",
        ),
        (
            "daily.txt",
            "2026-01-16",
            "Osprey-3 sends first images\n\n"
            "Ruritania's space agency said its ground station had made contact with Osprey-3,"
            " the country's first weather satellite, launched on Tuesday from the Zendan"
            " coast.\n",
        ),
    )
    (finding,) = _findings(result)
    assert _texts(finding) == {("wire.txt", "on Wednesday"), ("daily.txt", "on Tuesday")}


# --- light verbs, relative clauses and court rulings ---------------------------------------------

_RIOT_WIRE = (
    "Gang fight leaves four dead in Valden jail\n\n"
    "Four inmates died and nine warders were hurt in a riot at Valden jail near Osmark that "
    "began on Saturday evening, officials in Osmark said.\n"
)
_RIOT_WEEKLY = (
    "Valden unrest revives debate on crowded jails\n\n"
    "The unrest that erupted in Valden jail on Sunday evening has revived an old quarrel "
    "over crowding near Osmark, where nine warders were hurt.\n"
)


def test_a_light_verb_dates_the_happening_named_before_it(ruleset, nlp):
    # "began" and "erupted" tell only that something started: the riot and the unrest
    # before them are one happening (same_happenings "unrest"), so the days are compared
    result = _check(
        ruleset,
        nlp,
        ("wire.txt", "2025-04-13", _RIOT_WIRE),
        ("weekly.txt", "2025-04-15", _RIOT_WEEKLY),
    )
    (finding,) = _findings(result)
    assert _texts(finding) == {
        ("wire.txt", "on Saturday evening"),
        ("weekly.txt", "on Sunday evening"),
    }
    # what began is no riot: nothing says the two leads date one happening
    other = _RIOT_WEEKLY.replace("The unrest that erupted", "The inquiry that began")
    other = other.replace("Valden unrest revives", "Valden inquiry revives")
    result = _check(
        ruleset,
        nlp,
        ("wire.txt", "2025-04-13", _RIOT_WIRE),
        ("weekly.txt", "2025-04-15", other),
    )
    assert _findings(result) == []


def test_a_verb_after_that_is_a_relative_clause_verb_not_an_adjective(normalize_text):
    (fact,) = _main_facts(normalize_text, _RIOT_WEEKLY, dt.date(2025, 4, 15))
    assert (fact.text, fact.trigger) == ("on Sunday evening", "erupted")


def test_a_verb_of_a_relative_clause_after_the_date_is_not_its_verb(normalize_text):
    # "Monday ... a storm that flattened": the storm's verb, not what was done on Monday
    text = (
        "Volunteers handed out food, blankets and water Monday to survivors of a storm in "
        "the coastal village of Perrow that flattened 40 homes.\n"
    )
    assert _main_facts(normalize_text, text, dt.date(2025, 10, 7)) == []


_RULING_WIRE = (
    "Judges halt handover of ex-Tessaly minister\n\n"
    "LONDON, May 15 (Wire) - Two appeal judges on Thursday halted the handover of an "
    "ex-Tessaly finance minister to Tessaly, ruling that assurances about his cell were "
    "too thin.\n"
)
_RULING_WEEKLY = (
    "date 2025-05-19\n"
    "Assurances on cells face a tougher test\n\n"
    "The judges' ruling last Friday on the handover of the ex-Tessaly minister will be "
    "studied by every government that leans on assurances about cells.\n"
)


def test_a_ruling_is_a_verdict_and_its_restatement_no_object_of_the_verb(ruleset, nlp):
    # "the court's ruling last Friday" dates the ruling; ", ruling that ..." after "blocked"
    # tells the same act again, not a ruling the blocking acts on
    result = _check(
        ruleset,
        nlp,
        ("wire.txt", None, _RULING_WIRE),
        ("weekly.txt", None, _RULING_WEEKLY),
    )
    (finding,) = _findings(result)
    assert _texts(finding) == {("wire.txt", "on Thursday"), ("weekly.txt", "last Friday")}


def test_the_ruling_party_names_no_ruling(normalize_text):
    text = (
        "The ruling coalition in Tessaly on Tuesday passed a budget that cuts spending on "
        "roads by a tenth.\n"
    )
    (fact,) = _main_facts(normalize_text, text, dt.date(2025, 5, 21))
    assert fact.trigger == "passed"


_HEIST_WIRE = (
    "Three landscapes taken in Arlen raid\n\n"
    "ARLEN, Nov 16 (Wire) - Two intruders in overalls broke into the Hallam Collection in "
    "Arlen early on Sunday and made off with three landscapes, a police spokeswoman said.\n"
)
_HEIST_DAILY = (
    "date 2025-11-17\n"
    "Hallam Collection guards questioned\n\n"
    "Police were still questioning guards on Monday about how three men stole three "
    "landscapes from the Hallam Collection in Arlen on Saturday.\n"
)


def test_a_lead_dating_the_report_day_and_an_earlier_day_is_read_as_the_earlier(ruleset, nlp):
    # told on Monday: "were trying on Monday" is the report's day; the theft (same_happenings
    # "theft": "broke into", "stripped") is dated Saturday, against the wire's Sunday
    result = _check(
        ruleset,
        nlp,
        ("wire.txt", None, _HEIST_WIRE),
        ("daily.txt", None, _HEIST_DAILY),
    )
    (finding,) = _findings(result)
    assert _texts(finding) == {
        ("wire.txt", "early on Sunday"),
        ("daily.txt", "on Saturday"),
    }
    # two days before publication: nothing sure of either
    two_earlier = _HEIST_DAILY.replace(
        "Police were still questioning guards on Monday", "Police questioned guards on Sunday"
    )
    result = _check(
        ruleset,
        nlp,
        ("wire.txt", None, _HEIST_WIRE),
        ("daily.txt", None, two_earlier),
    )
    assert _findings(result) == []


_GRID_WIRE = (
    "Velmar heat brings rotating blackouts\n\n"
    "Rotating blackouts left some 900,000 homes in northern Velmar without power for up to "
    "two hours on Tuesday as air conditioners strained the network.\n"
)
_GRID_WEEKLY = (
    "date 2025-06-20\n"
    "Velmar network still fragile\n\n"
    "The northern Velmar network was still fragile on Friday, after blackouts that began on "
    "Monday showed how little slack the operator has left.\n"
)


def test_a_light_verb_has_no_object_that_tells_a_reaction(ruleset, nlp):
    # "began on Monday showed how little slack ... has left": "left" after a light verb is no
    # happening it acts on, so the wire's "blackouts left ... on Tuesday" is compared
    result = _check(
        ruleset,
        nlp,
        ("wire.txt", "2025-06-18", _GRID_WIRE),
        ("weekly.txt", None, _GRID_WEEKLY),
    )
    (finding,) = _findings(result)
    assert _texts(finding) == {("wire.txt", "on Tuesday"), ("weekly.txt", "on Monday")}


_RESCUED = (
    "Four hikers flown off Mount Arvel after storm traps them in hut\n\n"
    "Four hikers who were pinned down by a storm high on Mount Arvel were rescued on Saturday "
    "when a break in the weather let a helicopter reach them, police said.\n"
)
_PLUCKED = (
    "Storm-bound hikers flown off Mount Arvel\n\n"
    "A helicopter crew plucked four hikers from Mount Arvel on Friday, ending an ordeal that "
    "began when a storm slammed into the Arvel range last Wednesday.\n"
)


def test_a_start_recalled_in_a_lead_leaves_the_news_its_one_day(ruleset, nlp):
    # "an ordeal that began when a storm slammed ... last Wednesday" recalls a start: the
    # lead's news is Friday's rescue ("plucked" is one, rule option same_happenings)
    result = _check(
        ruleset,
        nlp,
        ("wire.txt", "2025-03-15", _RESCUED),
        ("weekly.txt", "2025-03-17", _PLUCKED),
    )
    (finding,) = _findings(result)
    assert _texts(finding) == {("wire.txt", "on Saturday"), ("weekly.txt", "on Friday")}


def test_a_start_the_news_does_not_end_is_no_start_recalled(ruleset, nlp):
    # "protests that started when police shot a student on Thursday turned violent on
    # Friday": the lead tells two days of the news; the other's Thursday is no conflict
    wire = (
        "Riots in Harlow\n\nProtests that started when police shot a student on Thursday "
        "turned violent on Friday, with shops looted in the city centre.\n"
    )
    weekly = (
        "Student shot in Harlow\n\nPolice shot a student during a protest on Thursday, "
        "sparking riots in which shops were looted.\n"
    )
    result = _check(
        ruleset, nlp, ("wire.txt", "2025-03-15", wire), ("weekly.txt", "2025-03-15", weekly)
    )
    assert _findings(result) == []


def test_a_lead_of_two_days_neither_a_start_recalled_gives_none(ruleset, nlp):
    plucked = _PLUCKED.replace("an ordeal that began when a storm", "after a storm")
    result = _check(
        ruleset,
        nlp,
        ("wire.txt", "2025-03-15", _RESCUED),
        ("weekly.txt", "2025-03-17", plucked),
    )
    assert _findings(result) == []
