"""One statement restated by sources in nearly the same words with another day (rule
``date.restated``). Every article below is invented for these tests."""

from __future__ import annotations

from tests.conftest import check_articles as _check

RULE = "date.restated"
LEAD_A = (
    "Ferry traffic across the Corvale strait is returning to normal after a month of delays.\n\n"
)
LEAD_B = "Ferry services across the strait are back to their usual timetable, operators said.\n\n"
LEAD_C = "Foot passengers can cross the strait again.\n\n"


def _restated(result) -> list:
    return [f for f in result.findings if f.rule == RULE]


def test_restated_statement_with_another_day_is_told(ruleset, nlp):
    # no reader keys this sentence (no event word, no subject and verb it can key across
    # sources); the sentences share most of their words
    result = _check(
        ruleset,
        nlp,
        (
            "harbour-post.txt",
            "2025-06-12",
            LEAD_A + "The northern ferry terminal was reopened to foot passengers on Tuesday "
            "after repairs to its damaged gangways, the port authority said.\n",
        ),
        (
            "county-wire.txt",
            "2025-06-12",
            LEAD_B + "The port authority said the northern ferry terminal was reopened to foot "
            "passengers on Wednesday after repairs to its damaged gangways.\n",
        ),
    )
    (finding,) = _restated(result)
    assert finding.severity == "warning"
    assert finding.message == (
        "Sources tell one statement with different days: 2025-06-11 (county-wire.txt) vs "
        "2025-06-10 (harbour-post.txt)"
    )
    assert [(e.source, e.line, e.text, e.normalized) for e in finding.evidence] == [
        ("county-wire.txt", 3, "on Wednesday", "2025-06-11"),
        ("harbour-post.txt", 3, "on Tuesday", "2025-06-10"),
    ]


def test_restated_three_sources_make_one_finding(ruleset, nlp):
    said = (
        "The port authority said the northern ferry terminal was reopened to foot passengers "
        "{day} after repairs to its damaged gangways.\n"
    )
    result = _check(
        ruleset,
        nlp,
        (
            "harbour-post.txt",
            "2025-06-12",
            LEAD_A + "The northern ferry terminal was reopened to foot passengers on Tuesday "
            "after repairs to its damaged gangways, the port authority said.\n",
        ),
        ("county-wire.txt", "2025-06-12", LEAD_B + said.format(day="on Tuesday")),
        ("valley-news.txt", "2025-06-13", LEAD_C + said.format(day="on Wednesday")),
    )
    (finding,) = _restated(result)
    assert finding.message == (
        "Sources tell one statement with different days: 2025-06-10 (county-wire.txt, "
        "harbour-post.txt) vs 2025-06-11 (valley-news.txt)"
    )
    assert [e.source for e in finding.evidence] == [
        "county-wire.txt",
        "harbour-post.txt",
        "valley-news.txt",
    ]


def test_restated_sentences_that_share_the_people_but_not_the_happening_are_not(ruleset, nlp):
    # a verdict and a sentencing: five content words shared out of twenty
    result = _check(
        ruleset,
        nlp,
        (
            "harbour-post.txt",
            "2025-06-12",
            LEAD_A + "A jury in Marlow found the sect leader Aron Vell guilty on both assault "
            "charges on Tuesday.\n",
        ),
        (
            "county-wire.txt",
            "2025-06-20",
            LEAD_B + "The sect leader Aron Vell was sentenced to life in prison on Thursday "
            "following his conviction on assault charges brought by two former members.\n",
        ),
    )
    assert _restated(result) == []


def test_restated_day_another_rule_compares_is_told_once(ruleset, nlp):
    # the meeting's date is an event rule's: its error is the one finding
    sentence = "The harbour council met on Saturday to approve the dredging budget.\n"
    result = _check(
        ruleset,
        nlp,
        ("harbour-post.txt", "2025-03-10", LEAD_A + sentence),
        ("county-wire.txt", "2025-03-17", LEAD_B + sentence),
    )
    assert _restated(result) == []
    assert any(f.kind == "discrepancy" and f.severity == "error" for f in result.findings)


def test_restated_needs_one_preposition_class(ruleset, nlp):
    # "by Friday" is a deadline, "on Friday" the day it was done: not one statement
    result = _check(
        ruleset,
        nlp,
        (
            "harbour-post.txt",
            "2025-06-12",
            LEAD_A + "The northern ferry terminal will be reopened to foot passengers by "
            "Friday after repairs to its damaged gangways.\n",
        ),
        (
            "county-wire.txt",
            "2025-06-12",
            LEAD_B + "The northern ferry terminal was reopened to foot passengers on "
            "Wednesday after repairs to its damaged gangways.\n",
        ),
    )
    assert _restated(result) == []


def test_restated_counts_of_two_days_are_two_states(ruleset, nlp):
    # "with 94% of ballots counted on Monday" and "with all ballots counted on Tuesday":
    # how far a count had got on each day (option ``progress_words``), no restatement
    result = _check(
        ruleset,
        nlp,
        (
            "harbour-post.txt",
            "2025-06-10",
            "Corvale votes for a mayor.\n\nWith 94 percent of ballots counted on Monday "
            "afternoon, Mara Venn had 51 percent of the vote against 49 percent for Ilse "
            "Dorn, the electoral board said.\n",
        ),
        (
            "county-wire.txt",
            "2025-06-11",
            "Corvale elects a mayor.\n\nWith all ballots counted on Tuesday, Ilse Dorn had 49 "
            "percent of the vote against 51 percent for Mara Venn, the electoral board said.\n",
        ),
    )
    assert _restated(result) == []


def test_restated_an_irregular_verb_tells_its_own_happening(ruleset, nlp):
    # "struck" (no auxiliary, no -ed) is a verb of its own: the boulder that trapped the
    # walkers on Sunday is not the rescue on Monday, though the sentences share their words
    rescued = "Twelve walkers trapped by a rockfall on the Corvale ridge were rescued on Monday, police said.\n"
    struck = "A falling boulder struck a path on the Corvale ridge on Sunday, trapping 12 walkers, police said.\n"
    result = _check(
        ruleset,
        nlp,
        ("harbour-post.txt", "2025-06-12", LEAD_A + rescued),
        ("county-wire.txt", "2025-06-12", LEAD_B + struck),
    )
    assert _restated(result) == []
    # told with the same verb, the two days are one statement's
    restruck = struck.replace("struck a path", "hit a path")
    result = _check(
        ruleset,
        nlp,
        ("harbour-post.txt", "2025-06-12", LEAD_A + struck.replace("on Sunday", "on Saturday")),
        ("county-wire.txt", "2025-06-12", LEAD_B + restruck),
    )
    (finding,) = _restated(result)
    assert "2025-06-07" in finding.message and "2025-06-08" in finding.message


def test_restated_a_plan_told_in_the_past_restates_nothing(ruleset, nlp):
    # "was due to dock on Monday but storms held it": the plan failed, and the day the ship
    # will dock is another
    due = (
        "The cargo ship Fenna was due to dock at Corvale on Monday but storms held it "
        "offshore, the port authority said.\n"
    )
    will = (
        "The cargo ship Fenna will dock at Corvale on Friday after storms held it offshore, "
        "the port authority said.\n"
    )
    result = _check(
        ruleset,
        nlp,
        ("harbour-post.txt", "2025-06-11", LEAD_A + due),
        ("county-wire.txt", "2025-06-11", LEAD_B + will),
    )
    assert _restated(result) == []


def test_restated_a_day_beside_an_offset_tells_two_happenings(ruleset, nlp):
    # "began on Monday, June 1, and was escalated a week later": the other source's
    # "escalated on Monday" is the later happening's day
    result = _check(
        ruleset,
        nlp,
        (
            "harbour-post.txt",
            "2025-06-12",
            LEAD_A + "The dockers escalated their strike on Monday, taking out 2,900 workers "
            "at 17 ferry terminals across the strait.\n",
        ),
        (
            "county-wire.txt",
            "2025-06-12",
            LEAD_B + "The dockers' strike began on Monday, June 2, and was escalated a week "
            "later to 2,900 workers at 17 ferry terminals across the strait.\n",
        ),
    )
    assert _restated(result) == []
