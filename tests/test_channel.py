"""The typo error model learned from codespell's misspellings (``checker.channel``)."""

from __future__ import annotations

import re
import statistics
import string
from importlib.resources import files

import pytest

from checker.channel import (
    MODEL_FILE,
    MOST_EDIT_COST,
    _edit_counts,
    _edits,
    channel_cost,
    edit_cost,
)
from checker.spelling import suggest


@pytest.mark.parametrize(
    ("typed", "meant", "edits"),
    [
        ("recieve", "receive", [("swap", "e", "i")]),
        ("seperate", "separate", [("sub", "a", "e")]),
        ("goverment", "government", [("del", "r", "n")]),
        # a doubled letter written once: the edit falls on the first of the pair
        ("ocurred", "occurred", [("del", "o", "c")]),
        # a letter doubled that is single: the added letter comes after the one before it
        ("tommorrow", "tomorrow", [("ins", "o", "m")]),
    ],
)
def test_channel_edits_align_a_misspelling_with_its_correction(typed, meant, edits):
    assert sorted(_edits(typed, meant)) == sorted(edits)


def test_channel_common_slips_cost_less_than_rare_ones():
    # "a" written for "e" ("seperate") is among the commonest slips; "x" for "q" is not
    assert edit_cost("sub", "a", "e") < 0.6 < edit_cost("sub", "q", "x") <= MOST_EDIT_COST
    # swapped "ei"/"ie" and a dropped "g" after "n" are cheap, as in real misspellings
    assert edit_cost("swap", "e", "i") < 0.5
    assert edit_cost("del", "n", "g") < 0.5


def test_channel_learned_keyboard_proximity():
    # nobody told the model where the keys are: consonants typed for a neighbouring key
    # still come out cheaper than consonants typed for a far one
    rows = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
    where = {key: (row, column) for row, keys in enumerate(rows) for column, key in enumerate(keys)}

    def neighbours(a: str, b: str) -> bool:
        (ra, ca), (rb, cb) = where[a], where[b]
        return abs(ra - rb) <= 1 and abs(ca - cb) <= 1

    consonants = [k for k in where if k not in "aeiouy"]
    near, far = [], []
    for meant in consonants:
        for typed in consonants:
            if typed != meant:
                cost = edit_cost("sub", meant, typed)
                (near if neighbours(typed, meant) else far).append(cost)
    assert statistics.mean(near) < statistics.mean(far) - 0.1


def test_channel_cost_prefers_the_word_people_misspell_that_way():
    assert channel_cost("definately", "definitely") < channel_cost("definately", "defiantly")
    assert channel_cost("seperate", "separate") < channel_cost("seperate", "desperate")


def _shipped_rows() -> list[list[str]]:
    shipped = files("checker").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
    header, *rows = shipped.splitlines()
    assert re.fullmatch(r"# codespell \d+(\.\d+)+\S*", header), header
    return [row.split("\t") for row in rows]


def test_channel_shipped_model_loads_every_row_it_holds():
    """Whatever codespell is installed, the shipped counts are well formed and all read."""
    rows = _shipped_rows()
    widths = {"edit": 5, "letter": 3, "pair": 4}
    assert all(row[0] in widths and len(row) == widths[row[0]] for row in rows)
    assert all(row[-1].isdigit() and int(row[-1]) > 0 for row in rows)
    assert {row[1] for row in rows if row[0] == "edit"} == {"sub", "del", "ins", "swap", "move"}
    edits, letters, pairs = _edit_counts()
    assert len(edits) + len(letters) + len(pairs) == len(rows)
    assert set(string.ascii_lowercase) <= set(letters)
    assert sum(edits.values()) > 10_000  # learned from tens of thousands of misspellings


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("recieve", "receive"),
        ("seperate", "separate"),
        ("definately", "definitely"),
        ("goverment", "government"),
        ("accomodate", "accommodate"),
        ("enviroment", "environment"),
        ("independant", "independent"),
        ("occurence", "occurrence"),
        ("parliment", "parliament"),
        # frequency alone (every edit the same cost) picks the wrong word for these
        ("tounge", "tongue"),  # "young"
        ("basicly", "basically"),  # "basic"
        ("finaly", "finally"),  # "final"
        ("liason", "liaison"),  # "season"
        ("sargent", "sergeant"),  # "largest"
    ],
)
def test_channel_shipped_model_suggests_the_correction_of_real_misspellings(typed, meant):
    assert suggest(typed) == meant


def test_channel_a_moved_letter_is_one_slip():
    from checker.channel import moved_letter

    # "nitgh": the "t" of "night" written two places early, every other letter in order
    assert moved_letter("nitgh", "night") == "t"
    assert moved_letter("abanond", "abandon") is not None  # codespell's own example
    assert moved_letter("nihgt", "night") is None  # two letters swapped: a swap, not a move
    assert moved_letter("addvance", "advanced") is None  # a letter doubled, not moved
    # the learned move is the whole cost, cheaper than the deletion and insertion it replaces
    assert channel_cost("nitgh", "night") == pytest.approx(edit_cost("move", "t", "t"))
    assert channel_cost("nitgh", "night") < edit_cost("del", "i", "t") + edit_cost("ins", "h", "t")


def test_channel_a_moved_letter_ranks_in_context():
    from checker.spelling import suggest_in_context

    # "Rescuers worked from dawn to nitgh the whole week": as two edits, "fight" after "to"
    # won; as one moved letter, "night"
    assert suggest_in_context("nitgh", ("to", "the")) == "night"
