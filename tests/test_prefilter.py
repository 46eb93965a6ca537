"""The extractors' trigger pass is exact: extraction with it equals extraction without it."""

from __future__ import annotations

import json

import pytest

from checker.corpus import make_source
from checker.extract import extract, quantity_lexicon
from checker.extract.context import _Context, _unit_words
from checker.extract.places import _pieces_present
from tests.conftest import shared_or_skip

# invented copy: frames whose words are present, absent, capitalised, glued to a hyphen or
# inside longer words, and letters that fold apart from ASCII under a case-blind pattern
TEXTS = [
    "Police arrested two men on Friday near Varnholm after a chase.",
    "The ferry left Port Ellery at dawn and sailed for Harrow Bay.\n\nIt arrived late.",
    "ARRESTED AT A CHECKPOINT OUTSIDE DUNMORE, the driver was later released.",
    "The storm made landfall near Calvary Point on Tuesday, the agency said.",
    "Fire broke out at the Tollard refinery; workers were treated at Brinmouth Hospital.",
    "The minister told a briefing in Tampere that the plan would go ahead.",
    "Rearrested-later suspects were not named. Thatched roofs burned.",
    "\u0130stanbul police detained the suspect near Kad\u0131k\u00f6y, officials said.",
    "The \u017fhip sailed from Dover; the ferry left Calais at noon.",
    "Nothing here names a happening or a place at all.",
    "The council offered a $60 rebate, and the fare for adults rose by $2 to $9.",
    "Sales were up 7% from 1.4 million units; the levy rose 12 per cent to 3,400 euros.",
    "The limit is 60 km/h on the 45km stretch; the toll costs gh\u00a2630 or nt\u20b5 40.",
    "Exports climbed 11 percent to \u20a62.4 billion in the quarter, officials said.",
    "Seven villagers and 12 soldiers were hurt; three trucks burned.",
    "A round of talks in Vienholt ended on Friday. Delegates from Marrow flew home.",
    "The final at the Kessler Stadium was held on Sunday, in Orlen, after the storm.",
    "The firm paid nt\u20b5400 million for the plant, the court said.",
    "The race took 1:30:00 for the winner; the 25bps cut was made.",
]


def _pair(nlp, ruleset, text: str, source_id: str = "a.txt"):
    source = make_source(source_id=source_id, story="s", path=source_id, raw_text=text)
    doc = nlp(source.text)
    return (
        extract(doc, source, ruleset, prefilter=True),
        extract(doc, source, ruleset, prefilter=False),
    )


@pytest.mark.parametrize("text", TEXTS)
def test_prefilter_changes_no_extraction(nlp, ruleset, text):
    fast, full = _pair(nlp, ruleset, text)
    assert fast == full


def test_invented_texts_give_place_facts(nlp, ruleset):
    """The texts above reach the frame readers: the comparison is not of empty lists."""
    places = [
        f for text in TEXTS[:6] for f in _pair(nlp, ruleset, text)[0].facts if f.family == "place"
    ]
    assert len(places) >= 3


def test_trigger_pass_skips_absent_frames_and_defers_on_folding_letters(nlp, ruleset):
    plain = "Police arrested two men near Varnholm."
    ctx = _Context(nlp(plain), ruleset)
    present = _pieces_present(ctx, ruleset, plain, plain.lower())
    assert present is not None and "arrested" in present and "landfall" not in present
    folding = "\u0130stanbul police arrested two men."
    ctx = _Context(nlp(folding), ruleset)
    assert _pieces_present(ctx, ruleset, folding, folding.lower()) is None
    off = _Context(nlp(plain), ruleset, prefilter=False)
    assert _pieces_present(off, ruleset, plain, plain.lower()) is None


def test_unit_trigger_keeps_the_sentences_with_a_figure_in_a_unit(nlp, ruleset):
    text = (
        "Seven villagers and 12 soldiers were hurt. The repairs cost $4 million. "
        "Prices rose 3% in May. The 45km road reopened after two days."
    )
    lexicon = quantity_lexicon(ruleset)
    ctx = _Context(nlp(text), ruleset)
    kept = ctx.unit_sentences(lexicon, _unit_words(lexicon))
    firsts = sorted(set(ctx.tokens.sent_start))
    assert kept == set(firsts[1:])  # not the count of people: no unit, no sign
    off = _Context(nlp(text), ruleset, prefilter=False)
    assert off.unit_sentences(lexicon, _unit_words(lexicon)) == set(firsts)


def test_prefilter_changes_no_extraction_on_ecbplus_sample(nlp, ruleset):
    path = shared_or_skip("data", "ecbplus", "ecbplus.jsonl")
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    texts = [r["text"] for r in records if isinstance(r.get("text"), str) and r["text"].strip()]
    for n, text in enumerate(texts[::9]):
        fast, full = _pair(nlp, ruleset, text, f"ecb-{n}.txt")
        assert fast == full, f"ECB+ record {n * 9} differs"


WORD_TEXTS = [
    "O'Driscoll met D\u2019Souza and N'Diaye; o'driscoll, O'Do and an ox ran. It's 3 a.m.",
    "The Ex-Minister's re-election at 5pm: US, UK, a, an, the Cat's toy; Rock'n'roll.",
    "",
    "\u00c9lodie and \u00c5sa met O\u2019Brien-Smith in Z\u00fcrich; 42 km.",
]


@pytest.mark.parametrize("text", WORD_TEXTS)
def test_word_tokens_are_those_the_token_rule_keeps(nlp, text):
    """``_word_tokens`` (column-wise, the name pattern tried once per distinct word) keeps
    the tokens the rule of ``_words`` names: alphabetic and three letters or more, or a
    capitalised name with an elided prefix."""
    import re

    from checker.extract.context import _Tokens
    from checker.extract.words import _word_tokens

    table = _Tokens.of(nlp(text))
    elided = re.compile(r"[A-Z]['\u2019][A-Z][a-z]{2,}")
    expected = [
        i
        for i, (alpha, word) in enumerate(zip(table.alpha, table.text, strict=True))
        if (alpha and len(word) > 2) or (table.title[i] and elided.fullmatch(word))
    ]
    assert _word_tokens(table.text, table.alpha, table.title) == expected
    if "O'Driscoll" in text:
        assert "O'Driscoll" in [table.text[i] for i in expected]


def test_trigger_pass_reads_frame_words_as_whole_words(nlp, ruleset):
    """A frame's first word inside a longer word ("plant" in "transplanted", "said" in
    "aforesaid") is not a word of the text: its frame is not tried at all."""
    text = "Surgeons transplanted the kidney, the aforesaid hospital reported on Monday."
    ctx = _Context(nlp(text), ruleset)
    present = _pieces_present(ctx, ruleset, text, text.lower())
    assert present is not None
    assert "plant" not in present and "said" not in present


def test_frame_pattern_is_tried_only_where_a_first_word_stands_alone(ruleset):
    """The case-blind pattern is tried at a first word standing as a word of its own, not
    wherever its letters occur ("said" in "aforesaid", "left" in "cleft")."""
    from checker.extract.places import _matches_at_pieces

    class Counting:
        def __init__(self):
            self.tries = []

        def match(self, text, at):
            self.tries.append(at)

    text = "The aforesaid cleft was said to have left."
    pattern = Counting()
    assert list(_matches_at_pieces(pattern, ("left", "said"), text, text.lower())) == []
    assert pattern.tries == [text.index(" said") + 1, text.index(" left") + 1]
