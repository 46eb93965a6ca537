"""Typos: real misspellings are caught, names, agencies, British spelling and rare words are not.

Every article below is invented for these tests.
"""

from __future__ import annotations

import pytest

from checker.check import check_story
from checker.context_model import bigram_model
from checker.corpus import StoryInput, make_source
from checker.spelling import (
    article_pairs,
    calendar_typos,
    channel_cost,
    explained_by_morphology,
    inflects_known_family,
    is_spelling_variant,
    name_typos,
    neighbours,
    suggest,
    suggest_in_context,
    word_typos,
    written_in_two_forms,
    zipf,
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
        # "our" inside a compound or a derived word
        ("harbourmaster", "harbormaster"),
        ("neighbourhood", "neighborhood"),
    ],
)
def test_spelling_british_and_american_forms_are_variants(british, american):
    assert is_spelling_variant(british, american)
    assert is_spelling_variant(american, british)


@pytest.mark.parametrize(
    ("word", "other"),
    [
        ("recieve", "receive"),
        ("tarrifs", "tariffs"),
        ("defence", "fence"),
        # a slip of a word whose "our" is no British spelling
        ("fourteen", "forteen"),
        ("flourish", "florish"),
    ],
)
def test_spelling_misspelling_is_not_a_variant(word, other):
    assert not is_spelling_variant(word, other)


@pytest.mark.parametrize("word", ["denuclearising", "overreaching", "holdups", "roadmap"])
def test_spelling_derived_words_and_compounds_are_explained(word):
    assert explained_by_morphology(word)


@pytest.mark.parametrize("word", ["recieve", "tarrifs", "wendesday"])
def test_spelling_misspellings_are_not_explained_by_morphology(word):
    assert not explained_by_morphology(word)


@pytest.mark.parametrize(
    ("word", "inflected"),
    [("sweltered", True), ("swelters", True), ("wether", False), ("tommorrow", False)],
)
def test_spelling_rare_forms_of_common_families(word, inflected):
    assert inflects_known_family(word) is inflected


@pytest.mark.parametrize(
    ("word", "vocabulary", "expected"),
    [
        ("tontines", {"tontine", "tontines", "pools"}, True),
        ("tontines", {"tontines", "pools"}, False),  # written once: may be a slip
        ("recieved", {"recieve", "recieved"}, False),  # a listed misspelling stays one
        ("startes", {"startes", "starts"}, False),  # a slip for a common word
    ],
)
def test_spelling_word_written_in_two_forms(word, vocabulary, expected):
    assert written_in_two_forms(word, vocabulary) is expected


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


def test_spelling_calendar_typos_leave_foreign_words_alone(extract_text, ruleset):
    # an accented word is no slip for a month: "Marché" is French
    words = extract_text("The Marché Central in Corvale reopened on Monday after repairs.").words
    assert calendar_typos(words, _calendar_names(ruleset), rule="r", max_distance=2) == []


def test_spelling_calendar_typos_leave_plural_names_alone(extract_text, ruleset):
    # a name's plural is no slip for the name: "one of the wettest Octobers on record"
    words = extract_text(
        "The hills were soaked after one of the wettest Octobers on record, and the "
        "Saturdays were the worst."
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


def test_spelling_a_letter_left_out_of_a_derived_word_is_a_typo(extract_text):
    # "embezzl" + "ment" reads as a derivation English does not make; one letter short of
    # a word of the lexicon, it is a slip, while a real coinage ("wormable", one letter off
    # "workable") is not reported; nor is a first or last letter short ("lockage" of
    # "blockage", "motorize" of "motorized"), nor a single for a double ("kidnapers")
    words = extract_text(
        "The magistrate said the embezzlment was planned, and the postponment cost days. "
        "Researchers said the flaw was not wormable. The kidnapers wanted the army to "
        "motorize its brigades and to add lockage slots."
    ).words
    assert [(t.word.where.text, t.suggestion) for t in _word_typos(words)] == [
        ("embezzlment", "embezzlement"),
        ("postponment", "postponement"),
    ]


def test_spelling_a_rare_derived_looking_word_one_slip_from_a_common_word_is_a_typo(
    extract_text,
):
    # "tournement" reads as "tourney" + "-ment", but it is one letter from "tournament",
    # a word 3.5 zipf more frequent; a rare derived word with no such neighbour stays
    # ("wormable"), as does a British spelling ("enrolment")
    words = extract_text(
        "The tournement, now in its ninth year, is run by a Kelsall firm. The flaw was not "
        "wormable, and enrolment opens in May."
    ).words
    assert [(t.word.where.text, t.suggestion) for t in _word_typos(words)] == [
        ("tournement", "tournament"),
    ]


def test_spelling_rule_suggests_words_as_rare_as_hypothermia(ruleset, extract_text):
    # the rule's least suggested frequency (min_common_zipf) lets in a word as rare in
    # print as "hypothermia" (zipf 2.9), and a listed misspelling about as frequent
    # ("untill", 2.97) is still a slip
    from checker.spelling import word_typos

    rule = ruleset.rules["typo.spelling"]
    words = extract_text(
        "Two climbers were treated for hypotermia and kept warm untill dawn."
    ).words
    typos = word_typos(
        words,
        set(),
        rule="typo.spelling",
        max_rare_zipf=rule.options["max_rare_zipf"],
        min_gain_zipf=rule.options["min_gain_zipf"],
        min_common_zipf=rule.options["min_common_zipf"],
    )
    assert [(t.word.where.text, t.suggestion) for t in typos] == [
        ("hypotermia", "hypothermia"),
        ("untill", "until"),
    ]


def test_spelling_letter_runs_longer_than_a_word_are_not_spelled(extract_text, monkeypatch):
    from checker import spelling

    spelled = []
    monkeypatch.setattr(spelling, "_word_typo", lambda text, **_: spelled.append(text))
    blob = "qwxz" * 2_500  # pasted data: the searches grow with the square of its length
    _word_typos(extract_text(f"The file ended in {blob} and a mispeled word.").words)
    assert spelled == ["mispeled"]


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
    words = extract_text("Flood water poured down the wynds of the old town.").words
    assert [(t.word.where.text, t.suggestion) for t in _word_typos(words)] == [("wynds", "winds")]
    assert _word_typos(words, others={"wynds"}) == []


def _name_typos(extract_text, texts: dict[str, str], titles=frozenset({"premier"})) -> dict:
    """``name_typos`` over sources ``{source id: text}``."""
    words_by_source = {sid: extract_text(text, source_id=sid).words for sid, text in texts.items()}
    return name_typos(words_by_source, rule="typo.name", min_length=4, titles=titles)


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        # another full name: two people whose first names are one letter apart
        ("Her aide Lenko Dabrowa was freed on Friday.", []),
        # the same surname beside it: one person, written two ways
        ("Her aide said Lenko Marosi left early.", [("Lenko", "Lenka")]),
        # a title is no part of the name: it does not make another person
        ("Premier Lenko left early.", [("Lenko", "Lenka")]),
    ],
    ids=["other-person", "same-person", "title"],
)
def test_spelling_name_typos_in_one_article_tell_people_apart(extract_text, last, expected):
    text = f"Premier Lenka Marosi met the rebels. Lenka Marosi said talks would go on. {last}"
    found = _name_typos(extract_text, {"a.txt": text})
    assert [(t.word.where.text, t.suggestion) for t in found.get("a.txt", [])] == expected


def test_spelling_name_typos_in_one_article_follow_the_lexicon(extract_text):
    # the form written twice is the one no lexicon knows: it is the slip
    text = (
        "The summit opened in Marseile on Friday. Marseile hotels were full. "
        "Police in Marseille said the march was peaceful."
    )
    found = _name_typos(extract_text, {"a.txt": text})
    assert [(t.word.where.text, t.suggestion) for t in found["a.txt"]] == [
        ("Marseile", "Marseille")
    ]


def test_spelling_name_typos_report_the_majority_form(extract_text):
    texts = {
        "a.txt": "Chancellor Ilse Brandauer met President Marek Dvorsky in Vienna.",
        "b.txt": "Austrian leader Ilse Brandauer hosted Czech President Marek Dvorsky in Vienna.",
        "c.txt": "Chancellor Ilse Brandauer welcomed President Marek Dvorksy to Vienna.",
    }
    found = _name_typos(extract_text, texts)
    assert list(found) == ["c.txt"]
    (typo,) = found["c.txt"]
    assert (typo.word.where.text, typo.suggestion, typo.detail["majority"]) == (
        "Dvorksy",
        "Dvorsky",
        2,
    )
    assert [source for source, _word in typo.support] == ["a.txt", "b.txt"]


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        # the article writes the name right once and wrong once; the other outlets right
        ("The Tour of the Fells is led by Hjortvald.", [("Hjortvad", "Hjortvald")]),
        # the article's only form: as before, the majority's is the suggestion
        ("The Tour of the Fells heads into the hills.", [("Hjortvad", "Hjortvald")]),
    ],
    ids=["both-forms-in-the-article", "one-form-in-the-article"],
)
def test_spelling_name_typos_an_article_writing_both_forms(extract_text, headline, expected):
    """An article whose one slip of a name stands beside the right form elsewhere in it (a
    headline, a later paragraph) is reported when every other outlet writes the right
    form: the article is inconsistent, and the other outlets say which form is right."""
    texts = {
        "a.txt": "Tove Hjortvald won the fourth stage on Friday. Hjortvald now leads by 38 seconds.",
        "b.txt": "Tove Hjortvald took the stage and the lead. Hjortvald attacked 5 km out.",
        "c.txt": f"{headline} Tove Hjortvad attacked on the last climb on Friday.",
    }
    found = _name_typos(extract_text, texts)
    assert [(t.word.where.text, t.suggestion) for t in found.get("c.txt", [])] == expected
    assert "a.txt" not in found and "b.txt" not in found


@pytest.mark.parametrize(
    ("third", "expected"),
    [
        # one person's surname with two vowels swapped: a slip two letters apart
        ("Mayor Runa Halderson said the bridge would reopen.", [("Halderson", "Haldorsen")]),
        # beside another first name: another person
        ("Her rival Ole Halderson said the bridge would reopen.", []),
    ],
    ids=["same-person", "other-person"],
)
def test_spelling_name_typos_two_vowels_swapped(extract_text, third, expected):
    texts = {
        "a.txt": "Mayor Runa Haldorsen said the ferry would run again on Friday.",
        "b.txt": "The ferry will run again, Mayor Runa Haldorsen told reporters.",
        "c.txt": third,
    }
    found = _name_typos(extract_text, texts)
    assert [(t.word.where.text, t.suggestion) for t in found.get("c.txt", [])] == expected
    assert list(found) in (["c.txt"], [])


def test_spelling_name_typos_count_accent_forms_as_one_name(extract_text):
    texts = {
        "a.txt": "Engineer Jonas Märkli was freed on Friday after months in captivity.",
        "b.txt": "Jonas Markli, an engineer, was freed on Friday.",
        "c.txt": "The engineer Jonas Märklin was freed on Friday, officials said.",
    }
    found = _name_typos(extract_text, texts)
    assert list(found) == ["c.txt"]
    (typo,) = found["c.txt"]
    assert (typo.word.where.text, typo.suggestion, typo.detail["majority"]) == (
        "Märklin",
        "Märkli",
        2,
    )
    assert [(source, word.where.text) for source, word in typo.support] == [
        ("a.txt", "Märkli"),
        ("b.txt", "Markli"),
    ]


@pytest.mark.parametrize(
    ("third", "expected"),
    [
        # an ending added to one person's surname (same first name beside it) is a slip
        ("Finance minister Anna Kowalczyki resigned on Monday.", [("Kowalczyki", "Kowalczyk")]),
        # a plural s is an ending, not a slip
        ("The Kowalczyks were not at home on Monday.", []),
        # a derived form without the same name beside it is a word of its own
        ("A Polish court heard the case of the Kowalczyka family.", []),
    ],
)
def test_spelling_name_typos_an_ending_only_beside_the_same_name(extract_text, third, expected):
    texts = {
        "a.txt": "Finance minister Anna Kowalczyk resigned on Monday.",
        "b.txt": "Anna Kowalczyk, the finance minister, resigned.",
        "c.txt": third,
    }
    found = _name_typos(extract_text, texts)
    assert [(t.word.where.text, t.suggestion) for t in found.get("c.txt", [])] == expected


def test_spelling_name_typo_in_a_hyphenated_name_quotes_the_whole_name(ruleset, nlp):
    result = _check(
        ruleset,
        nlp,
        "Club chairwoman Ines Marchal-Duvert said the club would pay for the funerals.\n",
        "The league fined the club, chairwoman Ines Marchal-Duvert told reporters.\n",
        "Fans blamed the stewards, said chairwoman Ines Marchal-Duverf on Sunday.\n",
    )
    (finding,) = [f for f in result.findings if f.rule == "typo.name"]
    quoted = finding.evidence[0]
    assert (quoted.source, quoted.text, finding.suggestion) == (
        "c.txt",
        "Marchal-Duverf",
        "Marchal-Duvert",
    )
    assert quoted.column == 1 + quoted.sentence.index("Marchal-Duverf")
    assert quoted.sentence[quoted.sentence_offset :].startswith("Marchal-Duverf")
    assert [e.text for e in finding.evidence[1:]] == ["Marchal-Duvert", "Marchal-Duvert"]


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
        # three-letter slips: two letters of a common word swapped, or a word the lexicon
        # does not know one letter from a common one
        ("Inspectors boarded teh trawler at dawn.", "teh", "the", "typo.spelling"),
        ("Spain adn Portugal backed the quota cut.", "adn", "and", "typo.spelling"),
        ("An inquiry into the collision is under uay.", "uay", "way", "typo.spelling"),
        # first word of a sentence: capitalised by position, and codespell lists it
        (
            "Talks ended late. Accomodation for the delegates was scarce.",
            "Accomodation",
            "Accommodation",
            "typo.spelling",
        ),
        # a listed misspelling capitalised in a title, its correction a word of the story
        (
            "The Fisheries Ministry and the Parliment Library backed the cut.",
            "Parliment",
            "Parliament",
            "typo.spelling",
        ),
    ],
)
def test_spelling_story_typo_found(ruleset, nlp, sentence, word, suggestion, rule):
    result = _check(
        ruleset,
        nlp,
        sentence + "\n",
        "Members of the European Parliament and fisheries ministers met in Brussels to agree "
        "catch quotas.\n",
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
        "BERLIN (dpa) - The UNHCR appealed for funds, TASS and ANSA reported.",
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
        # a name first in its sentence is not spelled against the dictionary
        "Talks ended late. Vollmarsen said the quotas would hold.",
        # names that codespell lists, capitalised inside a sentence
        "The Montreal daily La Presse quoted a report by The Canadian Press.",
        # a rare word two slips from a common one ("lakers") is a word of its own
        "Heavy rain could set off lahars on the volcano's flanks, the observatory warned.",
        # a rare form of a word whose other forms are common ("sweltering"), not "sheltered"
        "Commuters sweltered on stalled trains as the city swelters in record heat.",
        # three-letter words: a listed misspelling that is a word elsewhere, a short word the
        # lexicon knows, short parts of compounds
        "The skipper was treated for a blocked vas deferens at the clinic in Vigo.",
        "Fishmongers pay vat on ice, and the co-op sent an e-mail to its members.",
        # a term the article writes in two forms is used on purpose
        "Traders save through tontines, and a tontine of twelve members pools their wages.",
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
            "Flood defences along the Forth were reinforced in Stirling.",
            [("a.txt", "wynds", "winds", "typo.spelling")],
        ),
        ("Sandbags were stacked in the wynds near the Forth in Stirling.", []),
    ],
    ids=["alone", "corroborated"],
)
def test_spelling_rare_word_corroborated_by_another_source(ruleset, nlp, second, expected):
    result = _check(
        ruleset,
        nlp,
        "Flood water from the Forth poured down the wynds of Stirling.\n",
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


# --- noisy-channel suggestions ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "cheaper", "dearer"),
    [
        # two letters swapped cost less than two changed
        ("recieve", "receive", "relieve"),
        # a neighbouring key (g/h) costs less than a far one (g/o)
        ("tge", "the", "toe"),
        # a dropped double letter costs less than a dropped single one
        ("ocured", "occured", "cured"),
        # the first letter is seldom wrong
        ("wain", "waif", "main"),
    ],
)
def test_spelling_channel_cost_orders_slips(typed, cheaper, dearer):
    assert channel_cost(typed, cheaper) < channel_cost(typed, dearer)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("becuase", "because"),
        ("thier", "their"),
        ("acheive", "achieve"),
        ("goverment", "government"),
        ("responsibilty", "responsibility"),
        ("whihc", "which"),
    ],
)
def test_spelling_suggest_by_noisy_channel(word, expected):
    assert suggest(word) == expected


def test_spelling_suggest_prefers_words_of_the_same_article():
    assert suggest("firve", max_edits=2) == "five"
    assert suggest("firve", max_edits=2, context={"crews", "fire", "the"}) == "fire"


def test_spelling_word_typos_suggestion_from_the_article(extract_text):
    words = extract_text("Police said the road was shut. Residents sidn they were not told.").words
    assert [(t.word.where.text, t.suggestion) for t in _word_typos(words)] == [("sidn", "said")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # codespell lists two corrections; the likelier slip wins
        ("The minister did onot attend the vote.", [("onot", "not")]),
        # an unknown word two edits from a common one
        ("The minister seiad the vote would go ahead.", [("seiad", "said")]),
        # a part of a hyphenated compound, one slip from a common word
        ("The court handed down a seven-yeer sentence.", [("yeer", "year")]),
        # every occurrence is reported, not only the first
        (
            "The goverment met, and the goverment spokesman said little.",
            [("goverment", "government"), ("goverment", "government")],
        ),
        (
            # quoted alone or after an amount, a listed misspelling or a slip is still one
            'The minister called the plan "unacceptible" and the state spent 40 million '
            "dolars on it.",
            [("unacceptible", "unacceptable"), ("dolars", "dollars")],
        ),
    ],
    ids=["codespell-ranked", "two-edits", "compound-part", "each-occurrence", "quoted-amount"],
)
def test_spelling_word_typos_rules(extract_text, text, expected):
    words = extract_text(text).words
    assert [(t.word.where.text, t.suggestion) for t in _word_typos(words)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # rare but real words close to commoner ones
        "Boarding crews carried grapnels, ladders and ropes onto the trawler.",
        "Engineers lined the bank with gabions and riprap before the spring floods.",
        # a codespell entry about as common as its correction is an accepted variant
        "The debate moved into the rarified air of constitutional law.",
        # both plurals of words in -o
        "Navy commandoes and commandos boarded the ship at dawn.",
        # hyphenated compounds and words derived from known ones
        "A well-heeled donor and a co-founder paid for the seismologic survey.",
        "It was the glitziest gala of the season, said the microservers maker.",
        # pieces of web addresses and file names
        "The schedule is at www.example.org/exhibits/ctfom.html for visitors.",
        "Photographs are at example.org/exhbits/ today, the museum said.",
        # a file name the sentencizer splits at its dot
        "The worm copies itself as regedt. exe into the system folder, the firm said.",
        # a word that is a whole quotation: a term mentioned, coined or foreign
        'Protesters outside the court shouted "traidor" at the former minister.',
        # a currency after an amount in millions
        "The ministry said the grant was worth 12 million dalasis.",
    ],
)
def test_spelling_word_typos_leave_real_words_alone(extract_text, text):
    assert _word_typos(extract_text(text).words) == []


@pytest.mark.parametrize(
    ("sentence", "word", "suggestion"),
    [
        ("Rescue crews seiad the river had burst its banks.", "seiad", "said"),
        ("The storm closed a seven-yeer old bridge over the Tay.", "yeer", "year"),
        ("Police arested two men near the harbour in Dundee.", "arested", "arrested"),
    ],
)
def test_spelling_story_new_rules_found(ruleset, nlp, sentence, word, suggestion):
    result = _check(ruleset, nlp, sentence + "\n", "Storms battered the east coast of Scotland.\n")
    assert _typos(result) == [("a.txt", word, suggestion, "typo.spelling")]


def test_spelling_story_units_and_currencies_the_rules_declare_are_words(
    ruleset, nlp, extract_text
):
    sentence = "The court ordered the firm to pay 85,000 korunas in damages and costs."
    # the spelling check alone takes the rare currency name for a slip ...
    assert _word_typos(extract_text(sentence).words) != []
    # ... the story check knows it from the units the rules declare
    result = _check(ruleset, nlp, sentence + "\n", "The firm said it would appeal.\n")
    assert _typos(result) == []


def test_spelling_story_vocabulary_accepts_and_rejects(ruleset, nlp, tmp_path):
    from checker.vocab import load_vocabulary

    (tmp_path / "accept.txt").write_text("# local words\nwynds?\n", encoding="utf-8")
    (tmp_path / "reject.txt").write_text("storm surge\nflood-?plain\n", encoding="utf-8")
    vocabulary = load_vocabulary(tmp_path)
    source = make_source(
        source_id="a.txt",
        story="story",
        path="a.txt",
        raw_text="Water filled the wynds and the floodplain below the castle.\n",
        meta={"date": "2024-03-20"},
    )
    result = check_story(
        StoryInput("story", [source]), ruleset=ruleset, nlp=nlp, vocabulary=vocabulary
    )
    assert _typos(result) == [("a.txt", "floodplain", None, "typo.rejected")]


# --- suggestions chosen by the neighbouring words ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # three edits from "was": only "suspect ... arrested" around it says so
        ("The suspect widd arrested in the early hours.", [("widd", "was")]),
        # three edits from "of", between "most" and "the"
        ("Fire crews fought the blaze for most ovoe the night.", [("ovoe", "of")]),
        # a swap that spelling alone already undoes keeps its answer
        ("It was the worst storm tyhe city had seen.", [("tyhe", "the")]),
    ],
    ids=["was", "of", "the"],
)
def test_spelling_word_typos_suggestion_from_the_neighbours(extract_text, text, expected):
    words = extract_text(text).words
    assert [(t.word.where.text, t.suggestion) for t in _word_typos(words)] == expected


def test_spelling_suggest_in_context_weighs_frequency_once():
    # "maternity nude" is as unseen a pair as "maternity nurse"; the neighbours' model must
    # not hand the commoner word a second frequency bonus
    assert suggest_in_context("nuse", ("maternity", ",")) == "nurse"


def test_spelling_suggest_in_context_follows_the_neighbours():
    # the same misspelling, two contexts, two corrections
    assert suggest_in_context("cift", ("one", "the")) == "of"
    assert suggest_in_context("widd", ("he", "killed")) == "was"
    assert suggest_in_context("widd", ("the", "river")) != "was"


def test_spelling_article_pairs_choose_the_word_the_article_writes_beside_them(extract_text):
    # alone, "the flae reached" does not read as "fire"; an article that writes "the fire"
    # and "fire reached" elsewhere means "fire"
    alone = "Crews waited as the flae reached the warehouse."
    article = (
        "The fire reached the roof by midnight. Crews waited as the flae reached the "
        "warehouse. Neighbours said the fire spread fast."
    )
    (suggestion,) = [t.suggestion for t in _word_typos(extract_text(alone).words)]
    assert suggestion != "fire"
    assert [t.suggestion for t in _word_typos(extract_text(article).words)] == ["fire"]


def test_spelling_article_pairs_are_neighbouring_tokens(extract_text):
    pairs = article_pairs(extract_text("He left. Crews, she said, stayed.").words)
    assert {("he", "left"), ("crews", ","), (",", "she"), ("said", ",")} <= pairs
    assert ("left", "crews") not in pairs  # not across sentences


def test_spelling_neighbours_are_the_tokens_beside_the_word(extract_text):
    words = extract_text("Officials, he widd, left.").words
    (widd,) = [w for w in words if w.where.text == "widd"]
    assert neighbours(widd) == ("he", ",")
    (first,) = [w for w in words if w.where.text == "Officials"]
    assert neighbours(first) == (None, ",")


def test_spelling_neighbours_read_through_a_hyphen(extract_text):
    # the neighbour of a compound's half is the other half, however the hyphen is spaced
    for text in ("The board backed a long-tferm deal.", "The board backed a long - tferm deal."):
        (word,) = [w for w in extract_text(text).words if w.where.text == "tferm"]
        assert neighbours(word) == ("long", "deal")
    words = extract_text("Talks ended -- tferm deal or not.").words
    (word,) = [w for w in words if w.where.text == "tferm"]
    assert neighbours(word) == ("-", "deal")  # a double hyphen is a dash, not a compound


def test_spelling_suggestion_from_the_other_half_of_a_compound(extract_text):
    # "long - tferm deal": only "long" says "term"; beside a bare hyphen "the" won
    words = extract_text("The ministry signed a long - tferm deal with the mine operator.").words
    assert [(t.word.where.text, t.suggestion) for t in _word_typos(words)] == [("tferm", "term")]


def test_spelling_article_pairs_join_the_halves_of_a_compound(extract_text):
    pairs = article_pairs(extract_text("It was a high - speed chase and a low-key end.").words)
    assert {("high", "speed"), ("low", "key"), ("high", "-")} <= pairs


def test_spelling_article_bonus_is_for_words_the_article_writes_more_than_english():
    from collections import Counter

    from checker.spelling import ARTICLE_BONUS, article_bonus

    # a 600-word article writing "the" 30 times, as often as English does, and "bridges" twice
    vocabulary = Counter({"the": 30, "bridges": 2, "governor": 3})
    vocabulary.update({f"word{n}": 1 for n in range(600 - vocabulary.total())})
    assert article_bonus("the", vocabulary) == 0.0  # in every article: says nothing
    assert article_bonus("bridges", vocabulary) == ARTICLE_BONUS
    assert article_bonus("tunnels", vocabulary) == 0.0  # not in the article
    assert article_bonus("the", set(vocabulary)) == ARTICLE_BONUS  # no counts: every word alike


def test_spelling_a_common_word_of_the_article_is_no_likelier_correction(extract_text):
    # "and" stands in the article, as in any article; that is no reason to read "sakd" as it
    text = (
        "Officials met the families on Monday and the governor sakd most roads would "
        "reopen by the weekend."
    )
    words = extract_text(text).words
    assert [(t.word.where.text, t.suggestion) for t in _word_typos(words)] == [("sakd", "said")]


def test_context_model_probabilities_are_probabilities():
    model = bigram_model()
    # a frequent pair is likelier than an unseen one, and no log-probability is above 0
    assert model.conditional("he", "was") > model.conditional("he", "river")
    assert all(model.conditional(a, b) <= 0.0 for a, b in [("residents", "and"), ("of", "the")])
    # no previous word (sentence start, punctuation): the word's own frequency
    assert model.conditional(None, "the") == model.conditional(",", "the") == model.unigram("the")


# --- a name written two ways by two sources, one each ------------------------------------------


def test_spelling_name_two_forms_one_source_each_reported_once(ruleset, nlp):
    result = _check(
        ruleset,
        nlp,
        "The coach, Anna Wrzeszczak, said the squad was ready for the final.\n",
        "Coach Anna Wrzeszczek named an unchanged side, and Wrzeszczek said the squad was ready.\n",
    )
    # neither form known to the lexicon: the one written once is reported, with the other source's as the other spelling
    assert _typos(result) == [("a.txt", "Wrzeszczak", "Wrzeszczek", "typo.name")]
    (finding,) = result.findings
    assert finding.message == (
        "Wrzeszczak here, Wrzeszczek in another source: one spelling of this name is wrong"
    )
    assert [e.source for e in finding.evidence] == ["a.txt", "b.txt"]


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # the lexicon knows one form as a name: the other is the slip, even written twice
        (
            "Superintendent Ruth Ashworth said the road would reopen.",
            "Superintendent Ruth Ashwerth said the road would reopen, Ashwerth added.",
            [("b.txt", "Ashwerth", "Ashworth", "typo.name")],
        ),
        # neither form known, each written once: a dropped letter is the likelier slip
        (
            "Coach Ewa Szymanka said the squad was ready.",
            "Coach Ewa Szymanska said the squad was ready.",
            [("a.txt", "Szymanka", "Szymanska", "typo.name")],
        ),
    ],
    ids=["lexicon-form", "dropped-letter"],
)
def test_spelling_name_tie_reports_the_likelier_slip(ruleset, nlp, first, second, expected):
    result = _check(ruleset, nlp, first + "\n", second + "\n")
    assert _typos(result) == expected


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # the last letter written two ways, same first name beside it: one is wrong
        # (the lexicon knows "Demirtas" as a name, so "Demirtaz" is taken as the slip)
        ("Selin Demirtaz", "Selin Demirtas", [("a.txt", "Demirtaz", "Demirtas", "typo.name")]),
        # a plural and a demonym differ by their ending, not a misspelling
        ("the two Koreas", "the Korean side", []),
    ],
    ids=["last-letter", "plural-demonym"],
)
def test_spelling_name_forms_differing_in_the_last_letter(ruleset, nlp, first, second, expected):
    result = _check(
        ruleset,
        nlp,
        f"Talks with {first} ended on a hopeful note, officials said.\n",
        f"Officials said talks with {second} had ended on a hopeful note.\n",
    )
    assert _typos(result) == expected


def test_spelling_name_two_forms_of_different_people_not_reported(ruleset, nlp):
    # no shared first name: two people, or one name written two ways? Not enough to say.
    result = _check(
        ruleset,
        nlp,
        "The coach, Anna Kowalczyk, said the squad was ready for the final.\n",
        "Captain Marta Kowalczik said the squad was ready for the final.\n",
    )
    assert _typos(result) == []


def test_spelling_name_of_a_person_and_a_place_one_letter_apart_not_reported(ruleset, nlp):
    # "Le Van Quanh" and "Quang Long": the words beside them tell two names apart, common
    # words ("Long") included
    result = _check(
        ruleset,
        nlp,
        "The race finished at the Quang Long citadel, and coach Le Van Quanh was pleased.\n",
        "Runners finished at the Quang Long citadel in the old quarter on Sunday.\n",
        "The race ended at the Quang Long citadel before a crowd of 5,000.\n",
    )
    assert _typos(result) == []


def test_spelling_name_beside_a_common_first_word_is_still_a_slip(ruleset, nlp):
    # "Despite" opening the sentence is no part of the name: "Brandoville" and
    # "Brandonville North" are not told apart by it
    result = _check(
        ruleset,
        nlp,
        "Despite Brandoville's loss to the Tigers, its guard scored 30 points.\n",
        "Last season Brandonville North beat the Tigers by nine points.\n",
        "On Sunday, Brandonville lost to the Tigers, its third defeat.\n",
    )
    assert [(t[1], t[2], t[3]) for t in _typos(result)] == [
        ("Brandoville", "Brandonville", "typo.name")
    ]


@pytest.mark.parametrize(
    ("slip", "expected"),
    [
        # a first letter written two ways, beside the same first name
        ("Ruth Orrinde", [("Orrinde", "Arrinde", "typo.name")]),
        # two edits apart in a long name ("le" swapped, "w" dropped)
        ("Ruth Arrindelski", [("Arrindelski", "Arrindlewski", "typo.name")]),
        ("Paul Arrindelski", []),
        # another first name: another person, maybe
        ("Paul Orrinde", []),
        # two edits in a short name: two names
        ("Ruth Arbinke", []),
    ],
)
def test_spelling_surname_slip_beside_the_same_first_name(ruleset, nlp, slip, expected):
    right = "Arrindlewski" if "ski" in slip else "Arrinde"
    result = _check(
        ruleset,
        nlp,
        f"Committee chair Ruth {right} said the vote would go ahead on Friday.\n",
        f"The committee, chaired by Ruth {right}, backed the plan on Thursday.\n",
        f"Committee chair {slip} said lawmakers had reworked the plan.\n",
    )
    assert [(t[1], t[2], t[3]) for t in _typos(result)] == expected


def test_spelling_listed_misspelling_opening_a_quote_is_a_typo(ruleset, nlp):
    # the sentence's first word stands after its opening quote mark
    result = _check(
        ruleset,
        nlp,
        "The budget passed on Thursday.\n\n"
        '"Parliment has once again ignored the counties," said a governor.\n',
    )
    assert [(t[1], t[2]) for t in _typos(result)] == [("Parliment", "Parliament")]


def test_zipf_reads_the_table_as_wordfreq_rounds_it():
    """The table lookup gives ``zipf_frequency``'s own value, common, rare and unknown words
    alike, and words that are not plain lower-case letters still go through wordfreq."""
    from wordfreq import top_n_list, zipf_frequency

    words = top_n_list("en", 50_000)[::97] + ["the", "tussled", "grapnels", "evining", "qzxv"]
    words += ["Monday", "don't", "co-op", "naïve", "covid19", "", "zzzzzzzzzzzz"]
    for word in words:
        assert repr(zipf(word)) == repr(zipf_frequency(word, "en")), word
    assert zipf("the") > 7 > zipf("tussled") > 0 == zipf("evining")


@pytest.mark.parametrize(
    ("word", "plain"),
    [
        ("government", True),
        ("harbour", True),
        ("alot", True),  # listed by codespell, but as common as its correction
        ("untill", False),  # listed by codespell, rarer than its correction
        ("gaurded", False),  # unknown
        ("grapnels", False),  # known, but rare
    ],
)
def test_spelling_plainly_known_words_are_never_typos(word, plain):
    """The quick test that lets the typo scan skip a word agrees with the full one: a plainly
    known word is no typo whatever its neighbours, and other words still go to the full test."""
    from checker.spelling import _plainly_known, _word_typo

    assert _plainly_known(word, 1.5, 3.0) is plain
    if plain:
        for in_compound in (False, True):
            found = _word_typo(
                word,
                around=lambda: (None, None),
                in_compound=in_compound,
                context=frozenset(),
                pairs=lambda: frozenset(),
                max_rare_zipf=1.5,
                min_gain_zipf=2.0,
                min_common_zipf=3.0,
            )
            assert found is None


def test_spelling_bigram_fits_looked_up_together_equal_one_by_one():
    """``fits`` reads the pairs of many candidates in one lookup; each score is the one the
    pair-by-pair ``conditional`` gives (pairs found, unseen and with unknown words)."""
    model = bigram_model()
    words = ["was", "is", "wise", "his", "zzqxv", "said", "the"]
    for previous, following in (("he", "killed"), (None, "that"), (",", None), ("the", ".")):
        expected = []
        for word in words:
            score = model.conditional(previous, word)
            if following is not None and following.isalpha():
                score += model.conditional(word, following) - model.unigram(following)
            expected.append(score)
        assert model.fits(previous, words, following) == expected
    assert model.pairs([("he", "was"), ("was", "killed"), ("zzqxv", "was")])[2] == 0
    assert all(model.pairs([("he", "was"), ("was", "killed")]))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # codespell lists "person" first; the neighbours say which of its corrections
        ("Two guards at the state preson were suspended.", [("preson", "prison")]),
        ("She asked to meet the minister in preson next week.", [("preson", "person")]),
        # "bout, boat, about": a fishing boat, then a talk about something
        ("The fishing boaut sank off the headland.", [("boaut", "boat")]),
        ("Officials talked boaut the new timetable.", [("boaut", "about")]),
        # a listed correction stands against commoner words as near ("recal" is no "real",
        # "bouy" no "boy"), and a rare word codespell lists is not flagged for a commoner
        # word near it ("missable" is no "miserable")
        ("The company readily admitted the recal of 40,000 heaters.", [("recal", "recall")]),
        ("The boat was tied to a bouy off the point.", [("bouy", "buoy")]),
        ("Critics called the film eminently missable.", []),
    ],
    ids=["prison", "person", "boat", "about", "recall", "buoy", "missable"],
)
def test_spelling_neighbours_choose_among_a_listed_misspellings_corrections(
    extract_text, text, expected
):
    words = extract_text(text).words
    assert [(t.word.where.text, t.suggestion) for t in _word_typos(words)] == expected


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a rare English look-alike inside a foreign address is part of the name
        ("The bakery on Vlinder straat reopened after the fire.", []),
        ("Vlinder straat was closed after the fire.", []),
        # in prose, with no foreign name beside it, it is a slip for "strait"
        ("The bakery on the straat reopened after the fire.", ["straat"]),
        ("The ferry crossed the Dover straat at dawn.", ["straat"]),
    ],
    ids=["after-a-foreign-name", "sentence-start", "alone", "after-an-english-name"],
)
def test_spelling_rare_words_beside_a_foreign_name_are_part_of_it(extract_text, text, flagged):
    words = extract_text(text).words
    assert [t.word.where.text for t in _word_typos(words)] == flagged


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # a comma after the full name ends no name: "Abimbala" still stands beside "Fashanu"
        (
            "The board's chair, Abimbala Fashanu, said the vote ended years of delay.",
            "Board chair Abimbola Fashanu said the plan had waited long, Abimbola Fashanu added.",
            [("a.txt", "Abimbala", "Abimbola", "typo.name")],
        ),
        # a name with an elided prefix is one word of the name
        (
            "The board's chair, Niamh O'Kerigan, said the vote ended years of delay.",
            "Board chair Niamh O'Kerrigan said the plan had waited long, O'Kerrigan added.",
            [("a.txt", "O'Kerigan", "O'Kerrigan", "typo.name")],
        ),
        # a surname the lexicon knows well is one person's slip beside the same first name
        (
            "The board's chair, Ingrid Hanson, said the vote ended years of delay.",
            "Board chair Ingrid Hansen said the plan had waited long, Hansen added.",
            [("a.txt", "Hanson", "Hansen", "typo.name")],
        ),
        # ... but two such surnames beside different first names are two people
        (
            "The board's chair, Ingrid Hanson, said the vote ended years of delay.",
            "Board member Lars Hansen said the plan had waited long, Hansen added.",
            [],
        ),
        # name particles stand between the name words: "Joost" is still beside "Hoeven"
        (
            "Board chair Joost van der Hoeven said the vote ended years of delay.",
            "Board chair Joost van der Hoevan said the plan had waited long.",
            [("b.txt", "Hoevan", "Hoeven", "typo.name")],
        ),
        # the first half of a hyphenated surname is the second half's partner
        (
            "Board chair Yaw Quaye-Tettehfio said the vote ended, Quaye-Tettehfio added.",
            "Board chair Yaw Quaye-Tettehfi said the plan had waited long.",
            [("b.txt", "Quaye-Tettehfi", "Quaye-Tettehfio", "typo.name")],
        ),
        # a letter left out with the next one capitalised: "Mc" for "Mac"
        (
            "The rescue pilot, Grant Mackenzie, said the winds had dropped, Mackenzie added.",
            "Pilot Grant McKenzie said the climbers were cold but unhurt.",
            [("b.txt", "McKenzie", "Mackenzie", "typo.name")],
        ),
        # a plural is no slip for its name, in whichever case its inner letter is written
        (
            "The new Macbook sells from $999, and the Macbook is thinner than before.",
            "Sales of MacBooks rose in the quarter, the maker said.",
            [],
        ),
    ],
    ids=[
        "comma-after-name",
        "elided-prefix",
        "known-surname",
        "known-surnames-two-people",
        "particles",
        "hyphenated",
        "mc-for-mac",
        "plural-in-another-case",
    ],
)
def test_spelling_name_slips_of_one_person(ruleset, nlp, first, second, expected):
    result = _check(ruleset, nlp, first + "\n", second + "\n")
    assert _typos(result) == expected


@pytest.mark.parametrize("typed", ["ficked", "shitt", "bitvh"])
def test_spelling_never_suggests_a_word_of_never_suggest(ruleset, nlp, typed):
    # each is a slip of an obscenity as much as of a plain word: the plain word is offered
    never = set(ruleset.rules["typo.spelling"].options["never_suggest"])
    result = _check(ruleset, nlp, f"Officials said the {typed} result was hard to take.")
    suggestions = [s for _, _, s, rule in _typos(result) if rule == "typo.spelling"]
    assert suggestions
    assert not never & {s.lower() for s in suggestions}


def test_spelling_word_typos_ask_about_a_plain_word_once(extract_text, monkeypatch):
    """A lower-case word found plainly known is remembered with the thresholds it was
    judged under: a later article's copy of it is told apart with no question asked."""
    from checker import spelling

    asked = []
    real = spelling._plainly_known

    def counting(text, max_rare_zipf, min_common_zipf):
        asked.append(text)
        return real(text, max_rare_zipf, min_common_zipf)

    monkeypatch.setattr(spelling, "_plainly_known", counting)
    monkeypatch.setattr(spelling, "_PLAIN_WORDS", {})
    first = extract_text("The harbour authority reopened the northern channel on Friday.")
    second = extract_text("Pilots said the northern channel was calm, and the harbour quiet.")
    assert _word_typos(first.words) == []
    assert {"harbour", "northern", "channel", "reopened"} <= set(asked)
    asked.clear()
    assert _word_typos(second.words) == []
    assert "harbour" not in asked and "northern" not in asked and "channel" not in asked
    assert "pilots" not in asked  # capitalised: never a lower-case question
    assert {"said", "calm", "quiet"} <= set(asked)  # met for the first time


def test_spelling_calendar_typos_look_at_a_text_once_per_names_table(
    extract_text, ruleset, monkeypatch
):
    """A text found no slip of a month or weekday name is remembered for that table of
    names: its frequency is not looked up again in a later article."""
    from checker import spelling

    looked = []
    real = spelling.zipf
    monkeypatch.setattr(spelling, "zipf", lambda word: looked.append(word) or real(word))
    monkeypatch.setattr(spelling, "_NOT_CALENDAR", {})
    names = _calendar_names(ruleset)
    text = "Fishing quotas were cut in Brussels, and ministers met again on Wendesday."
    first = calendar_typos(extract_text(text).words, names, rule="r", max_distance=2)
    assert [t.suggestion for t in first] == ["Wednesday"]
    assert {"fishing", "brussels"} <= set(looked)
    looked.clear()
    again = calendar_typos(extract_text(text).words, names, rule="r", max_distance=2)
    assert [t.suggestion for t in again] == ["Wednesday"]
    assert "fishing" not in looked and "brussels" not in looked
    assert "wendesday" in looked  # a possible slip is looked at every time


def test_spelling_names_one_letter_off_read_names_by_length_and_first_letter():
    """Names are compared with those of one letter more or less and the same first letter,
    found by (length, first letter); a list keeps the order the names were met in."""
    from checker.spelling import _names_one_letter_off

    names = {
        (9, "K"): ["Kowalczyk", "Kowalczik"],
        (10, "K"): ["Kowalczyks"],
        (9, "M"): ["Mowalczyk"],
    }
    assert list(_names_one_letter_off("Kowalczyk", names)) == [("Kowalczik", False)]


def test_a_misspelt_name_is_shown_wherever_its_source_writes_it(ruleset, nlp):
    # the evidence showed each right form "corrected" to itself ("Ferreiro" -> "Ferreiro")
    # and left out the slip's later places in its own article
    import io

    from checker.report.text import make_console, render_text
    from tests.conftest import check_articles

    right = (
        "Harbour master Ines Ferreiro closed the port on Monday.\n\n"
        "Ferreiro said the storm had passed by evening.\n"
    )
    slip = (
        "Harbour master Ines Fereiro closed the port on Monday.\n\n"
        "Fereiro said the storm had passed by evening, and Fereiro reopened it on Tuesday.\n"
    )
    result = check_articles(
        ruleset,
        nlp,
        ("a.txt", "2026-02-10", right),
        ("b.txt", "2026-02-10", right.replace("Harbour master", "Port chief")),
        ("c.txt", "2026-02-10", slip),
    )
    [finding] = [f for f in result.findings if f.rule == "typo.name"]
    assert [(e.source, e.line, e.text, e.normalized, e.anchor) for e in finding.evidence] == [
        ("c.txt", 1, "Fereiro", "Ferreiro", None),
        ("c.txt", 3, "Fereiro", "Ferreiro", None),
        ("c.txt", 3, "Fereiro", "Ferreiro", None),
        ("a.txt", 1, "Ferreiro", "Ferreiro", "the form other sources use"),
        ("b.txt", 1, "Ferreiro", "Ferreiro", "the form other sources use"),
    ]
    buffer = io.StringIO()
    render_text([result], [], make_console(buffer, width=200, color=False))
    shown = buffer.getvalue()
    assert '"Fereiro" -> "Ferreiro"' in shown
    assert '"Ferreiro" -> "Ferreiro"' not in shown
    assert '"Ferreiro"  (the form other sources use)' in shown


# --- house-style romanisations -----------------------------------------------------------------


def test_spelling_romanised_name_in_three_house_styles_is_no_typo(ruleset, nlp):
    # each outlet writes the Ukrainian minister and the Emirati envoy its own way, and only
    # that way: "-skiy", "-sky", "-skyy"; "Hamed", "Hamad"
    result = _check(
        ruleset,
        nlp,
        "Defence Minister Taras Bondarenskiy met envoy Hamed al-Suwaidi in Abu Dhabi on Tuesday. "
        "Bondarenskiy said the meeting went well.\n",
        "Defence Minister Taras Bondarensky met envoy Hamed al-Suwaidi in Abu Dhabi on Tuesday. "
        "Bondarensky called the meeting useful.\n",
        "Defence Minister Taras Bondarenskyy met envoy Hamad al-Suwaidi in Abu Dhabi on Tuesday. "
        "Bondarenskyy said the meeting went well.\n",
    )
    assert _typos(result) == []


def test_spelling_romanised_name_written_two_ways_in_one_source_is_still_reported(ruleset, nlp):
    result = _check(
        ruleset,
        nlp,
        "Defence Minister Taras Bondarensky arrived in Abu Dhabi on Tuesday. Bondarensky said "
        "the talks would be long, and Bondarensky left on Wednesday.\n",
        "Defence Minister Taras Bondarensky arrived in Abu Dhabi on Tuesday. The talks would "
        "be long, Bondarenskiy said, and Bondarensky left on Wednesday.\n",
    )
    assert [(word, suggestion) for _s, word, suggestion, _r in _typos(result)] == [
        ("Bondarenskiy", "Bondarensky")
    ]


def test_spelling_slip_outside_the_romanisation_table_is_still_a_typo(ruleset, nlp):
    result = _check(
        ruleset,
        nlp,
        "Defence Minister Taras Bondarensky met envoys in Abu Dhabi on Tuesday.\n",
        "Defence Minister Taras Bondarensky held talks in Abu Dhabi on Tuesday.\n",
        "Defence Minister Taras Bondarenksy held talks in Abu Dhabi on Tuesday.\n",
    )
    assert [(word, suggestion) for _s, word, suggestion, _r in _typos(result)] == [
        ("Bondarenksy", "Bondarensky")
    ]


def test_spelling_norse_stad_written_sted_by_one_outlet_is_a_typo(ruleset, nlp):
    # "-ad"/"-ed" alternate in Arabic names, not in a Norwegian minister's
    result = _check(
        ruleset,
        nlp,
        "Foreign Minister Sigrid Fjellstad arrived in Tallinn on Monday. Fjellstad said the "
        "accord would hold.\n",
        "Foreign Minister Sigrid Fjellstad signed the accord in Tallinn on Monday.\n",
        "Foreign Minister Sigrid Fjellsted signed the accord in Tallinn on Monday. Fjellsted "
        "called it a beginning.\n",
    )
    assert [(word, suggestion) for _s, word, suggestion, _r in _typos(result)] == [
        ("Fjellsted", "Fjellstad")
    ]


def test_spelling_romanised_compares_one_alternation_of_the_table(ruleset):
    from checker.spelling import romanised

    table = ruleset.rules["typo.name"].options["romanisations"]
    assert romanised("Bondarenskiy", "Bondarenskyy", table)
    assert romanised("Mahmoud", "Mahmud", table)
    assert romanised("Hamed", "Hamad", table)
    assert not romanised("Hamed", "Hamid", table)  # not in the table
    assert not romanised("Hamedi", "Hamadi", table)  # "ed$": at the end of the name only
    assert romanised("Ahmed", "Ahmad", table)
    assert romanised("Javed", "Javad", table)
    assert romanised("Foued", "Fouad", table)
    assert romanised("Zied", "Ziad", table)
    assert not romanised("Fjellsted", "Fjellstad", table)  # a Norse "-stad": no romanisation
    assert not romanised("Bondarenksy", "Bondarensky", table)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Anna",
        "chair Anna ",
        "The committee's long-serving chair, the economist Joost van der ",
        "Officials from the northern province said on Tuesday that Joost  van   der  ",
        "a report published late on Wednesday by the agency named Marit\n",
        "a report published late on Wednesday by the agency named marit ",
        "Anna" + " van" * 20 + " ",
        "x" * 40 + " Orrinde de la ",
    ],
)
def test_name_before_is_the_whole_texts_search(text):
    """``_name_before`` searches the text's end first; it finds what searching the whole
    text finds (the same span and name word), long runs of particles included."""
    from checker.spelling import _NAME_BEFORE, _name_before

    expected = _NAME_BEFORE.search(text)
    found = _name_before(text)
    assert (found and (found.span(), found.groups())) == (
        expected and (expected.span(), expected.groups())
    )


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # wordfreq knows the slip as a rare word of its own
        ("perscription", "prescription"),
        # a word rarer than a suggestion must be, two letters swapped
        ("geotechincal", "geotechnical"),
    ],
)
def test_spelling_two_neighbouring_letters_swapped_are_a_typo(ruleset, nlp, word, expected):
    result = _check(ruleset, nlp, f"Review\n\nThe agency said a {word} review was under way.\n")
    assert _typos(result) == [("a.txt", word, expected, "typo.spelling")]
