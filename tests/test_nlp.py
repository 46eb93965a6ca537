"""The rule components of the pipeline: temporal expressions and cue words."""

from __future__ import annotations

import pytest
import spacy

from checker.nlp import CUES_KEY, TIMEX_KEY


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "State media said on Sunday (Dec 29) that the session had opened.",
            ["on Sunday (Dec 29)"],
        ),
        (
            "The summit collapsed in Lisbon at the start of this year.",
            ["at the start of this year"],
        ),
        (
            "They met in February this year and in June last year.",
            ["in February this year", "in June last year"],
        ),
        (
            "The round opened on Monday, June 10 and ran until Friday.",
            ["on Monday, June 10", "until Friday"],
        ),
        ("The photo was released on Dec 28, 2019.", ["on Dec 28, 2019"]),
        ("Offers are due by the end of June.", ["by the end of June"]),
        ("The vote is set for 2024-03-07.", ["2024-03-07"]),
        ("Ministers may meet again.", []),
        ("He may resign in May.", ["in May"]),
        ("Officials met yesterday and will meet again next week.", ["yesterday", "next week"]),
    ],
)
def test_nlp_timex_spans(nlp, sentence, expected):
    doc = nlp(sentence)
    assert [span.text for span in doc.spans[TIMEX_KEY]] == expected


def test_nlp_bare_year_does_not_swallow_a_weekday_date(nlp):
    doc = nlp("He lost weight throughout 2008, on Monday (Jan 5) wrote a letter.")
    assert [span.text for span in doc.spans[TIMEX_KEY]] == ["2008", "on Monday (Jan 5)"]


def test_nlp_timex_match_leaves_doc_unchanged(nlp):
    doc = nlp.make_doc("The talks ended on Friday.")
    spans = nlp.get_pipe("checker_timex").match(nlp.get_pipe("sentencizer")(doc))
    assert [s.text for s in spans] == ["on Friday"]
    assert TIMEX_KEY not in doc.spans


def test_nlp_timex_patterns_round_trip(nlp, tmp_path):
    ruler = nlp.get_pipe("checker_timex")
    ruler.to_disk(tmp_path)
    fresh = spacy.blank("en")
    fresh.add_pipe("sentencizer")
    loaded = fresh.add_pipe("checker_timex").from_disk(tmp_path)
    assert loaded.patterns == ruler.patterns
    sentence = "The plenary, which opened on Saturday, ends by year-end."
    fresh_doc, doc = fresh(sentence), nlp(sentence)
    assert [s.text for s in fresh_doc.spans[TIMEX_KEY]] == [s.text for s in doc.spans[TIMEX_KEY]]


def test_nlp_timex_without_patterns_warns():
    bare = spacy.blank("en")
    bare.add_pipe("sentencizer")
    bare.add_pipe("checker_timex")
    with pytest.warns(UserWarning, match="W001"):
        bare("On Friday.")


def test_nlp_cues_label_event_words_and_tense_markers(nlp):
    doc = nlp("The plenary session will continue after the deadline, officials said.")
    labels = {(c.text.lower(), c.label_) for c in doc.spans[CUES_KEY]}
    assert ("session", "event:gathering") in labels
    assert ("plenary", "event:gathering") in labels
    assert ("will", "tense:future") in labels
    assert ("deadline", "deadline:deadline") in labels
    assert ("said", "reporting") in labels
