"""A happening told as a subject's verb with a date, in any sentence, whatever the verb
(rule ``event.clause_date``).

Every article below is invented for these tests.
"""

from __future__ import annotations

import datetime as dt

from checker.extract import verb_family
from tests.conftest import check_articles as _check

RULE = "event.clause_date"


def _clause_facts(normalize_text, text: str, published: dt.date) -> list:
    return [f for f in normalize_text(text, published=published).lead_facts if f.kind == RULE]


def _findings(result) -> list:
    return [f for f in result.findings if f.rule == RULE]


def _texts(finding) -> set[tuple[str, str]]:
    return {(e.source, e.text) for e in finding.evidence}


_OPENING = (
    "Quarry town mourns its brewery\n\nThe town of Pellham is losing its oldest employer.\n\n"
)


# --- what a happening clause is -----------------------------------------------------------------


def test_a_subjects_verb_and_date_is_keyed_by_head_and_verb_family(normalize_text):
    text = _OPENING + "The district council voted on Tuesday to sell the old tannery site.\n"
    (fact,) = _clause_facts(normalize_text, text, dt.date(2025, 4, 10))
    assert (fact.text, fact.trigger, fact.subject) == ("on Tuesday", "voted", "clause:council:vot")
    assert fact.value.start == dt.date(2025, 4, 8)


def test_what_the_verb_acts_on_and_a_names_words_key_it_too(normalize_text):
    text = _OPENING + "Gorvan Ales closed the Pellham brewery on Friday after 80 years.\n"
    subjects = {f.subject for f in _clause_facts(normalize_text, text, dt.date(2025, 4, 14))}
    assert subjects == {
        "clause:ales:clos",
        "clause:gorvan:clos",
        "clause:brewery:clos",
        "clause:pellham:clos",
    }


def test_subjects_over_a_relative_word_a_place_a_thing_or_a_date_before_the_verb(normalize_text):
    published = dt.date(2025, 4, 14)
    for sentence in (
        "The Pellham brewery, which closed on Friday, employed 90 people.",
        "The brewery in Pellham was closed on Friday by its owners.",
        "On Friday, the Pellham brewery closed its gates.",
        "The Pellham brewery on Friday closed its gates.",
        "The brewers' Pellham brewery closed on Friday.",
        "Pellham brewery closed on Friday after 80 years.",
        "Pellham brewery, which closed on Friday, employed 90 people.",
        "Workers left after the brewery for the valley's farms closed on Friday.",
        "The old red-brick brewery, which closed on Friday, employed 90 people.",
        "The brewery of the Gorvan family of Pellham closed on Friday.",
    ):
        facts = _clause_facts(normalize_text, _OPENING + sentence + "\n", published)
        assert "clause:brewery:clos" in {f.subject for f in facts}, sentence
        assert {f.value.start for f in facts} == {dt.date(2025, 4, 11)}, sentence


def test_no_happening_for_a_report_a_pronoun_a_repeat_or_a_span(normalize_text):
    published = dt.date(2025, 4, 14)
    for sentence in (
        "The brewery's owners said on Friday that talks had failed.",
        "It closed on Friday after 80 years.",
        "The district council voted again on Friday to sell the site.",
        "The district council meets every Friday in the old hall.",
        "The district council sat from Monday to Wednesday last week.",
        "A brewery closed on Friday in the next valley.",
        '"The brewery closed on Friday," a worker said.',
        "The district council fined Gorvan Ales on Friday over a separate breach.",
        "Brewery workers closed on Friday the last of the malt stores.",
    ):
        assert _clause_facts(normalize_text, _OPENING + sentence + "\n", published) == [], sentence


def test_verb_families_join_inflections_and_listed_forms():
    forms = {"shut": "clos"}
    assert {verb_family(w, forms) for w in ("close", "closed", "closes", "closing", "shut")} == {
        "clos"
    }
    assert verb_family("shipped", {}) == verb_family("ships", {}) == "ship"
    assert verb_family("voted", {}) != verb_family("vetoed", {})


# --- comparing them across sources ------------------------------------------------------------

_PLANNED = (
    "Gorvan Ales to shut Pellham site\n\n"
    "Gorvan Ales is ending brewing in the quarry town after sales fell again.\n\n"
    "Gorvan Ales will close the Pellham brewery at 7 p.m. on Sunday, a spokesman said.\n"
)
_DONE = (
    "Last pint poured at Pellham\n\n"
    "Workers in the quarry town raised a final glass as their employer moved out.\n\n"
    "Gorvan Ales closed the Pellham brewery at 7 p.m. on Friday, with a toast in the yard.\n"
)


def test_a_planned_and_a_done_happening_on_different_days_disagree(ruleset, nlp):
    result = _check(
        ruleset,
        nlp,
        ("wire.txt", "2025-04-12", _PLANNED),
        ("weekly.txt", "2025-04-13", _DONE),
    )
    (finding,) = _findings(result)
    assert _texts(finding) == {
        ("wire.txt", "at 7 p.m. on Sunday"),
        ("weekly.txt", "at 7 p.m. on Friday"),
    }
    assert "2025-04-13" in finding.message and "2025-04-11" in finding.message


def test_a_planned_and_a_done_happening_of_one_day_agree(ruleset, nlp):
    # "will close on Sunday" published Saturday is the Sunday "closed on Sunday" tells
    done = _DONE.replace("on Friday", "on Sunday")
    result = _check(
        ruleset,
        nlp,
        ("wire.txt", "2025-04-12", _PLANNED),
        ("weekly.txt", "2025-04-14", done),
    )
    assert _findings(result) == []


def test_a_plan_and_a_happening_done_before_it_was_written_are_two_happenings(ruleset, nlp):
    # both written on Tuesday: the outlet that tells the vote ahead knew of Monday's vote,
    # so Monday's is another vote; written on Thursday, the one done may misdate the plan's
    ahead = _OPENING + "The district council is expected to vote on the rent bill on Thursday.\n"
    done = _OPENING + "The district council voted on Monday to send the rent bill to a panel.\n"
    result = _check(
        ruleset, nlp, ("wire.txt", "2025-04-08", ahead), ("weekly.txt", "2025-04-08", done)
    )
    assert _findings(result) == []
    result = _check(
        ruleset, nlp, ("wire.txt", "2025-04-08", ahead), ("weekly.txt", "2025-04-10", done)
    )
    (finding,) = _findings(result)
    assert _texts(finding) == {("wire.txt", "on Thursday"), ("weekly.txt", "on Monday")}


def test_a_plan_and_a_happening_to_come_that_day_disagree(ruleset, nlp):
    # "will be flown home on Monday", published that Monday, is still to come: not one done
    # before the other source planned its Sunday
    wire = _OPENING + "The stranded guests are to be flown on to Harlow on Sunday.\n"
    weekly = _OPENING + "The stranded guests will be flown on to Harlow on Monday.\n"
    result = _check(
        ruleset, nlp, ("wire.txt", "2025-04-07", wire), ("weekly.txt", "2025-04-07", weekly)
    )
    (finding,) = _findings(result)
    assert _texts(finding) == {("wire.txt", "on Sunday"), ("weekly.txt", "on Monday")}


def test_a_second_verb_after_a_reporting_verb_takes_no_subject(normalize_text):
    # the subject "officials" said; what will reopen is the airport, told after "said"
    published = dt.date(2025, 4, 12)
    for sentence in (
        "Officials said the airport was flooded and will reopen on Monday.",
        "HARLOW (Wire) - Officials said the airport was flooded and will reopen on Monday.",
    ):
        assert _clause_facts(normalize_text, _OPENING + sentence + "\n", published) == []


def test_a_plan_told_in_the_past_dates_no_happening(normalize_text):
    # "was due to dock on Monday but was held at anchor": a plan that may not have happened
    published = dt.date(2025, 4, 16)  # a Wednesday
    for sentence in (
        "The ferry Kessin was due to dock at Harlow on Monday but was held at anchor.",
        "The ferry Kessin had been expected to sail to Harlow on Monday but stayed in port.",
        "The ferry Kessin was to sail to Harlow on Monday, the company said.",
    ):
        facts = _clause_facts(normalize_text, _OPENING + sentence + "\n", published)
        assert facts == [], sentence


def test_a_plan_told_with_due_to_or_are_to_is_dated_as_will_dates_it(normalize_text):
    published = dt.date(2025, 4, 12)  # a Saturday
    for sentence in (
        "The stranded guests are due to be flown on to Harlow on Sunday morning.",
        "The stranded guests are to be flown on to Harlow on Sunday morning.",
        "The stranded guests are expected to be flown to Harlow on Sunday morning.",
        "The stranded guests were put up in hotels and will be flown to Harlow on Sunday.",
    ):
        facts = _clause_facts(normalize_text, _OPENING + sentence + "\n", published)
        assert [(f.subject, f.value.start) for f in facts] == [
            ("clause:guest:fly", dt.date(2025, 4, 13))
        ], sentence


def test_a_plan_word_with_no_verb_after_it_dates_no_happening(normalize_text):
    published = dt.date(2025, 4, 12)
    for sentence in (
        "The stranded guests are due on Sunday morning.",
        "The stranded guests are expected on Sunday, a spokesman said.",
    ):
        facts = _clause_facts(normalize_text, _OPENING + sentence + "\n", published)
        assert facts == [], sentence


def test_a_plan_and_a_plan_on_different_days_disagree(ruleset, nlp):
    wire = _OPENING + (
        "The stranded guests were put up in hotels and will be flown on to Harlow on a "
        "replacement aircraft on Saturday morning, the airline said.\n"
    )
    weekly = _OPENING + "The stranded guests are due to be flown on to Harlow on Sunday morning.\n"
    result = _check(
        ruleset, nlp, ("wire.txt", "2025-04-11", wire), ("weekly.txt", "2025-04-12", weekly)
    )
    (finding,) = _findings(result)
    assert _texts(finding) == {
        ("wire.txt", "on Saturday morning"),
        ("weekly.txt", "on Sunday morning"),
    }


def test_clauses_that_share_only_the_key_are_not_compared(ruleset, nlp):
    # one council vote to sell a site, another to raise rents: two happenings
    wire = _OPENING + "The district council voted on Tuesday to sell the old tannery site.\n"
    weekly = _OPENING + "The district council voted on Monday to raise market rents.\n"
    result = _check(
        ruleset, nlp, ("wire.txt", "2025-04-10", wire), ("weekly.txt", "2025-04-10", weekly)
    )
    assert _findings(result) == []
    weekly = _OPENING + "The district council voted on Monday to sell the tannery site.\n"
    result = _check(
        ruleset, nlp, ("wire.txt", "2025-04-10", wire), ("weekly.txt", "2025-04-10", weekly)
    )
    (finding,) = _findings(result)
    assert _texts(finding) == {("wire.txt", "on Tuesday"), ("weekly.txt", "on Monday")}


def test_a_source_giving_one_key_two_days_gives_none(ruleset, nlp):
    wire = (
        _OPENING
        + "The district council voted on Tuesday to sell the old tannery site.\n\n"
        + "The district council voted on Thursday to sell the old mill site.\n"
    )
    weekly = _OPENING + "The district council voted on Monday to sell the tannery site.\n"
    result = _check(
        ruleset, nlp, ("wire.txt", "2025-04-11", wire), ("weekly.txt", "2025-04-11", weekly)
    )
    assert _findings(result) == []


def test_late_and_early_across_midnight_agree(ruleset, nlp):
    wire = _OPENING + "The Pellham brewery shut its gates late on Sunday, the owners said.\n"
    weekly = _OPENING + "The Pellham brewery shut its gates early on Monday, the owners said.\n"
    result = _check(
        ruleset, nlp, ("wire.txt", "2025-04-15", wire), ("weekly.txt", "2025-04-15", weekly)
    )
    assert _findings(result) == []
    weekly = weekly.replace("early on Monday", "on Tuesday")
    result = _check(
        ruleset, nlp, ("wire.txt", "2025-04-15", wire), ("weekly.txt", "2025-04-15", weekly)
    )
    assert len(_findings(result)) == 1


# --- a one-word subject: the object keys it -------------------------------------------------


def test_a_one_word_subject_keys_the_happening_by_its_object(ruleset, nlp):
    # "Dravia on Friday opened its largest wind farm" and "the wind farm opened on Saturday":
    # the object of one is the subject of the other
    wire = (
        "Minister backs wind power\n\nThe energy minister spoke to parliament on Tuesday.\n\n"
        "Dravia on Friday opened its largest wind farm, a 700-megawatt site on the coast.\n"
    )
    weekly = (
        "Wind power to double\n\nThe energy minister addressed lawmakers on Tuesday.\n\n"
        "The country's largest wind farm opened on Saturday on the coast, with 700 megawatts.\n"
    )
    result = _check(
        ruleset, nlp, ("wire.txt", "2025-04-15", wire), ("weekly.txt", "2025-04-15", weekly)
    )
    (finding,) = _findings(result)
    assert _texts(finding) == {("wire.txt", "on Friday"), ("weekly.txt", "on Saturday")}
    # another happening of the farm (it was announced) is not its opening
    weekly = weekly.replace("opened on Saturday", "was announced on Saturday")
    result = _check(
        ruleset, nlp, ("wire.txt", "2025-04-15", wire), ("weekly.txt", "2025-04-15", weekly)
    )
    assert _findings(result) == []


# --- a happening dated by its year ------------------------------------------------------------

_FOUND = "Divers find lost galleon\n\nDivers found the wreck of a galleon off Carrow Head.\n\n"


def test_a_year_happening_told_in_other_words_is_compared(ruleset, nlp):
    wire = _FOUND + "The galleon sank in 1652 during a storm, carrying silver and 200 crew.\n"
    weekly = _FOUND + "The ship went down in 1625 in a storm with 200 crew and a load of silver.\n"
    result = _check(
        ruleset, nlp, ("wire.txt", "2025-07-20", wire), ("weekly.txt", "2025-07-21", weekly)
    )
    (finding,) = _findings(result)
    assert _texts(finding) == {("wire.txt", "in 1652"), ("weekly.txt", "in 1625")}
    weekly = weekly.replace("in 1625", "in 1652")
    result = _check(
        ruleset, nlp, ("wire.txt", "2025-07-20", wire), ("weekly.txt", "2025-07-21", weekly)
    )
    assert _findings(result) == []


def test_no_year_happening_for_another_verb_a_background_year_or_few_shared_words(ruleset, nlp):
    wire = _FOUND + "The galleon sank in 1652 during a storm, carrying silver and 200 crew.\n"
    for weekly in (
        # another happening of the ship
        _FOUND + "The ship was launched in 1625 with 200 crew and a load of silver in a storm.\n",
        # a recalled year with no happening verb
        _FOUND + "The last such find, in 1625, was a brig lost in a storm with silver and crew.\n",
        # a sinking that shares too little with the other
        _FOUND + "A second ship went down in 1625 off the cape.\n",
    ):
        result = _check(
            ruleset, nlp, ("wire.txt", "2025-07-20", wire), ("weekly.txt", "2025-07-21", weekly)
        )
        assert _findings(result) == [], weekly


# --- a relative clause after a phrase, an irregular form after "was", nouns joined by "and" ---

_SHUT_DAILY = (
    "Tolvey bridge shut after crack found\n\n"
    "Traffic in Tolvey is backing up on both banks.\n\n"
    "The bridge was closed on Tuesday afternoon, hours after a routine inspection found the "
    "fault on the northern span.\n"
)
_SHUT_WEEKLY = (
    "Council plans steel plates for cracked bridge\n\n"
    "Engineers are drawing up plans to strengthen a girder on the Harl Road bridge in Tolvey, "
    "which was shut to cars and cyclists last Wednesday after a crack was spotted during an "
    "inspection.\n"
)


def test_a_relative_clause_after_a_phrase_dates_the_phrase_it_follows(normalize_text):
    (fact, *_) = _clause_facts(normalize_text, _SHUT_WEEKLY, dt.date(2025, 9, 22))
    assert (fact.text, fact.subject) == ("last Wednesday", "clause:bridge:clos")
    assert fact.value.start == dt.date(2025, 9, 17)


def test_one_closure_told_with_other_words_in_its_sentence_is_compared(ruleset, nlp):
    # "closed on Tuesday" (Sept 16) and "shut last Wednesday" (Sept 17): the key's two words
    # and, from the rest of each sentence, the inspection that found the fault
    result = _check(
        ruleset,
        nlp,
        ("daily.txt", "2025-09-18", _SHUT_DAILY),
        ("weekly.md", "2025-09-22", _SHUT_WEEKLY),
    )
    (finding,) = _findings(result)
    assert _texts(finding) == {
        ("daily.txt", "on Tuesday afternoon"),
        ("weekly.md", "last Wednesday"),
    }


def test_verbs_that_tell_one_happening_are_one_family_and_the_message_names_them(ruleset, nlp):
    # "slammed into" and "struck" tell one landfall (verb_forms: strike); the message names
    # the subject and each source's verb, not the key
    result = _check(
        ruleset,
        nlp,
        (
            "wire.txt",
            "2026-02-22",
            "Cyclone Ana kills 12 in Zendan\n\nCyclone Ana slammed into the Zendan coast late"
            " on Saturday, leaving 12 people dead, officials said on Sunday.\n",
        ),
        (
            "daily.txt",
            "2026-02-25",
            "Zendan counts the cost\n\nThe cyclone, which struck the Zendan coast on Friday"
            " night, flattened thousands of homes.\n",
        ),
    )
    (finding,) = _findings(result)
    assert _texts(finding) == {("wire.txt", "late on Saturday"), ("daily.txt", "on Friday night")}
    assert "(cyclone: struck, slammed)" in finding.message  # sources in file-name order
