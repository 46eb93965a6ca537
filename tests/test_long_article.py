"""One long article (a pasted data dump, a crawled page listing many like items): the work
on it grows with its length, not with the square of it. Counted, not timed.

Every text and name below is invented for these tests.
"""

from __future__ import annotations

import datetime as dt
import random

import checker.align
import checker.extract.context
import checker.spelling
from checker.align import units_of
from checker.model import Amount
from checker.normalize import normalize
from checker.spelling import _names_one_letter_off, _NearNames, name_typos

PUBLISHED = dt.date(2026, 5, 13)
REPORT = (
    "The ferry board met on Tuesday and the coastguard said 14 passengers were hurt in Harwich. "
)
OTHER_FIGURE = (
    "The ferry board met on Tuesday and the coastguard said 17 passengers were hurt in Harwich. "
)


def _align_comparisons(normalize_text, ruleset, monkeypatch, text: str) -> int:
    """How many dates and figures ``units_of`` compares for one article ``text``."""
    source = normalize_text(text, published=PUBLISHED)
    calls = [0]
    agree, overlaps = checker.align.intervals_agree, Amount.overlaps

    def counted_agree(a, b):
        calls[0] += 1
        return agree(a, b)

    def counted_overlaps(self, other):
        calls[0] += 1
        return overlaps(self, other)

    with monkeypatch.context() as patch:
        patch.setattr(checker.align, "intervals_agree", counted_agree)
        patch.setattr(Amount, "overlaps", counted_overlaps)
        units = units_of([source], ruleset)
    assert units  # the article's facts are there to compare
    return calls[0]


def test_a_report_repeated_through_an_article_is_compared_once(
    normalize_text, ruleset, monkeypatch
):
    # a lead giving one day 30 times, and one figure 30 times, were compared pair by pair:
    # 900 comparisons where one will do
    once = _align_comparisons(normalize_text, ruleset, monkeypatch, REPORT * 15)
    twice = _align_comparisons(normalize_text, ruleset, monkeypatch, REPORT * 30)
    assert twice <= once + 2


def test_two_figures_repeated_through_an_article_cost_in_proportion(
    normalize_text, ruleset, monkeypatch
):
    # two figures for one measure: each fact's other figures are gathered once per figure
    once = _align_comparisons(normalize_text, ruleset, monkeypatch, (REPORT + OTHER_FIGURE) * 8)
    twice = _align_comparisons(normalize_text, ruleset, monkeypatch, (REPORT + OTHER_FIGURE) * 16)
    assert twice <= 2 * once + 4


class _CountedList(list):
    """A list that counts the items read from it."""

    read = 0

    def __iter__(self):
        for item in super().__iter__():
            _CountedList.read += 1
            yield item


def _dates_read(extract_text, monkeypatch, text: str) -> int:
    """How many times extraction reads one of the article's dates from the list of all."""
    init = checker.extract.context._Context.__init__

    def counted_init(self, *args, **kwargs):
        init(self, *args, **kwargs)
        self.timex_spans = _CountedList(self.timex_spans)

    _CountedList.read = 0
    with monkeypatch.context() as patch:
        patch.setattr(checker.extract.context._Context, "__init__", counted_init)
        extraction = extract_text(text, published=PUBLISHED)
    assert extraction.facts
    return _CountedList.read


def test_a_sentences_dates_are_looked_up_not_sought_through_the_article(extract_text, monkeypatch):
    # each date's relation verb and each figure's nearest date were sought among all the
    # article's dates: the dates read grew with the square of the article's length
    once = _dates_read(extract_text, monkeypatch, REPORT * 20)
    twice = _dates_read(extract_text, monkeypatch, REPORT * 40)
    assert twice <= 2 * once + 4


class _CountedText(str):
    """An article's text that counts the characters cut out of it."""

    cut = 0

    def __getitem__(self, key):
        part = super().__getitem__(key)
        _CountedText.cut += len(part)
        return part


def _text_cut(extract_text, ruleset, text: str) -> int:
    """How many characters normalizing an article cuts out of its text."""
    extraction = extract_text(text, published=dt.date(2026, 5, 13))
    extraction.source.text = _CountedText(extraction.source.text)
    _CountedText.cut = 0
    normalize(extraction, ruleset)
    return _CountedText.cut


def test_the_word_before_a_year_is_read_back_not_over_the_text_before_it(extract_text, ruleset):
    # "since" before a year was sought by copying the whole text before every dated year
    line = "Ferry crews said the dispute in 2019 had cost the port 40 sailings. "
    once = _text_cut(extract_text, ruleset, line * 20)
    twice = _text_cut(extract_text, ruleset, line * 40)
    assert 0 < twice <= 2 * once + 100


def _invented_names(count: int) -> list[str]:
    """``count`` different invented surnames of eight letters ("Bavokeru", ...)."""
    draw = random.Random(12)
    names: dict[str, None] = {}
    while len(names) < count:
        letters = [draw.choice("bdfgklmnprstvz" if k % 2 == 0 else "aeiou") for k in range(8)]
        names["".join(letters).capitalize()] = None
    return list(names)


def _names_compared(extract_text, monkeypatch, count: int) -> int:
    """How many pairs of names ``name_typos`` measures in an article naming ``count`` people."""
    text = "".join(
        f"Councillor Anwen {name} told the inquiry on Monday that she had seen the plans. "
        for name in _invented_names(count)
    )
    words = {"a.txt": extract_text(text, source_id="a.txt").words}
    calls = [0]
    osa = checker.spelling.OSA

    class CountedOSA:
        @staticmethod
        def distance(a, b):
            calls[0] += 1
            return osa.distance(a, b)

    with monkeypatch.context() as patch:
        patch.setattr(checker.spelling, "OSA", CountedOSA)
        name_typos(words, rule="typo.name", min_length=4)
    return calls[0]


def test_names_one_letter_apart_are_looked_up_not_sought_among_all(extract_text, monkeypatch):
    # every name was measured against every other name of its first letter and length
    once = _names_compared(extract_text, monkeypatch, 60)
    twice = _names_compared(extract_text, monkeypatch, 120)
    assert twice <= 2 * once + 20


def test_the_name_index_finds_what_a_search_through_all_names_finds():
    names = [
        "Haddad",
        "Hadad",  # a letter dropped
        "Haddid",  # a letter changed
        "Hdadad",  # two letters swapped
        "Marrcelo",
        "Marcello",  # the doubled letter moved
        "Müller",
        "Muller",  # accents only: no slip
        "Mullers",  # a plural: no slip
        "Pritchet",
        "Pritchett",  # a last letter doubled
        "Ruiz",
        "Ruis",
        "Kenya",
        "Kenyan",  # an ending
        "HaDdad",  # another case
        "Haddadi",
        "Oduya",
        "Oduyo",
    ]
    by_length: dict[tuple[int, str], list[str]] = {}
    for name in names:
        by_length.setdefault((len(name), name[0]), []).append(name)
    near = _NearNames(names)
    for name in names:
        assert near.one_letter_off(name) == list(_names_one_letter_off(name, by_length)), name
    assert ("Hadad", False) in near.one_letter_off("Haddad")
    assert ("Marcello", False) in near.one_letter_off("Marrcelo")
