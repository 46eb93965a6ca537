"""A text with no full stop (a pasted crawl on one line): the work on it grows with its
length, as on punctuated copy. Counted, not timed.

Every text below is invented for these tests.
"""

from __future__ import annotations

import sys

from checker.extract.context import _Context
from checker.nlp import MAX_SENTENCE_TOKENS

_CRAWL = (
    "ferry crews walked off the job on Tuesday and the harbour board said the sailings "
    "resumed on Wednesday while the union, which represents deck staff, met the owners "
)


def test_a_long_line_is_cut_into_pieces_of_the_longest_sentence(nlp):
    doc = nlp(_CRAWL * 40)
    starts = [sent.start for sent in doc.sents]
    assert len(doc) > 5 * MAX_SENTENCE_TOKENS
    assert starts == list(range(0, len(doc), MAX_SENTENCE_TOKENS))


def test_a_cut_keeps_the_sentences_around_it(nlp):
    text = "The ferry sailed on Monday. " + _CRAWL * 12 + ". The crews met on Friday."
    doc = nlp(text)
    lengths = [len(sent) for sent in doc.sents]
    assert lengths[0] == 6  # "The ferry sailed on Monday ."
    assert max(lengths) == MAX_SENTENCE_TOKENS
    assert [t.text for t in list(doc.sents)[-1]] == ["The", "crews", "met", "on", "Friday", "."]


def test_cutting_a_long_line_does_not_scan_the_document_for_each_cut(nlp):
    # spaCy's ``Token.is_sent_start`` setter scans every token of the document
    # (``Doc.has_annotation``): one scan per cut is the text's length times its cuts. The
    # scans are counted through the profiler hook (spaCy's functions report their calls).
    text = _CRAWL * 100
    scans = [0]

    def hook(frame, event, arg):
        if event == "call" and frame.f_code.co_name == "has_annotation":
            scans[0] += 1

    before = sys.getprofile()
    sys.setprofile(hook)
    try:
        doc = nlp(text)
    finally:
        sys.setprofile(before)
    cuts = sum(1 for sent in doc.sents if sent.start)
    assert cuts >= 10
    assert 0 < scans[0] <= 4


def _walked(ctx: _Context, start: int, end: int) -> tuple[int, int]:
    """The clause as found by walking to the breaks on either side."""
    first, last = ctx.tokens.sent_start[start], ctx.tokens.sent_end[start]
    left = start
    while left > first and not ctx.breaks_at(left - 1):
        left -= 1
    right = end
    while right < last and not ctx.breaks_at(right):
        right += 1
    return left, right


def test_clause_bounds_are_those_of_the_breaks_around_it(nlp, ruleset):
    text = (
        "The port reopened on Monday, but dock workers, who walked out last week, said "
        "they would strike again - and the owners met them. Talks resume on Friday.\n\n"
        "Sailings were cancelled"
    )
    ctx = _Context(nlp(text), ruleset)
    size = len(ctx.tokens.text)
    for start in range(size):
        for end in range(start, min(size, start + 3) + 1):
            assert ctx.clause(start, end) == _walked(ctx, start, end), (start, end)


def test_clause_reads_each_words_break_once(nlp, ruleset, monkeypatch):
    # a clause in a 200-token piece with few breaks was walked word by word for every date
    # and word asked about in it: now each word is read once for the document
    ctx = _Context(nlp(_CRAWL * 30), ruleset)
    reads = [0]
    breaks_at = _Context.breaks_at

    def counted(self, i):
        reads[0] += 1
        return breaks_at(self, i)

    monkeypatch.setattr(_Context, "breaks_at", counted)
    size = len(ctx.tokens.text)
    for start in range(0, size, 3):
        ctx.clause(start, start + 1)
    assert reads[0] <= size


def test_clause_breaks_are_looked_up_for_the_document_at_once(nlp, ruleset, monkeypatch):
    # the breaks of a document are found from its words in one lookup at C speed, not by
    # asking ``breaks_at`` of every token; the bounds stay those of the walk
    ctx = _Context(nlp(_CRAWL * 30 + " Dock workers walked out - again - on Friday."), ruleset)
    expected = {start: _walked(ctx, start, start + 1) for start in range(len(ctx.tokens.text))}
    reads = [0]
    breaks_at = _Context.breaks_at

    def counted(self, i):
        reads[0] += 1
        return breaks_at(self, i)

    monkeypatch.setattr(_Context, "breaks_at", counted)
    for start, bounds in expected.items():
        assert ctx.clause(start, start + 1) == bounds
    assert reads[0] == 0
