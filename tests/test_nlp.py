"""The rule components of the pipeline: temporal expressions and cue words."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from checker.nlp import CUES_KEY, TIMEX_KEY


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The ministry said on Sunday (Nov 3) that the hearing had opened.",
            ["on Sunday (Nov 3)"],
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
            "The round opened on Tuesday, April 9 and ran until Friday.",
            ["on Tuesday, April 9", "until Friday"],
        ),
        ("The photo was released on Dec 28, 2019.", ["on Dec 28, 2019"]),
        ("Offers are due by the end of June.", ["by the end of June"]),
        ("The vote is set for 2024-03-07.", ["2024-03-07"]),
        ("Ministers may meet again.", []),
        ("He may resign in May.", ["in May"]),
        ("Officials met yesterday and will meet again next week.", ["yesterday", "next week"]),
        # a part of a year written with a hyphen, and a decade, which stays one word
        ("The dam is due by mid-2028, not early-2029.", ["by mid-2028", "early-2029"]),
        ("Prices rose in the mid-1990s.", ["in the mid-1990s"]),
        # an older year only after "in", and not before a noun
        ("The mill was built in 1888 and burned in 1621.", ["in 1888", "in 1621"]),
        ("Power was cut in 1500 homes at 1230 GMT.", ["at 1230 GMT"]),
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
    sentence = "The congress, which opened on Saturday, ends by month-end."
    fresh_doc, doc = fresh(sentence), nlp(sentence)
    assert [s.text for s in fresh_doc.spans[TIMEX_KEY]] == [s.text for s in doc.spans[TIMEX_KEY]]


def test_nlp_timex_without_patterns_warns():
    bare = spacy.blank("en")
    bare.add_pipe("sentencizer")
    bare.add_pipe("checker_timex")
    with pytest.warns(UserWarning, match="W001"):
        bare("On Friday.")


def test_nlp_cues_label_event_words_and_tense_markers(nlp):
    doc = nlp("The summit session will continue after the deadline, officials said.")
    labels = {(c.text.lower(), c.label_) for c in doc.spans[CUES_KEY]}
    assert ("session", "event:gathering") in labels
    assert ("summit", "event:gathering") in labels
    assert ("will", "tense:future") in labels
    assert ("deadline", "deadline:deadline") in labels
    assert ("said", "reporting") in labels


# New expression kinds and their roles; windowed matching.


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The strike lasted three days.", [("three days", "duration")]),
        ("The mine closed two years ago.", [("two years ago", "offset")]),
        ("The board meets every week.", [("every week", "set")]),
        ("The ministry is now reviewing the bid.", [("now", "ref")]),
        ("Polls open at 7:30 a.m. on Sunday.", [("at 7:30 a.m. on Sunday", "clock+weekday")]),
        ("Shots were heard on Friday night.", [("on Friday night", "daypart+weekday")]),
        ("Rain fell overnight and last night.", [("last night", "daypart+daytime")]),
        ("The dam was built in the 1960s.", [("in the 1960s", "era")]),
        ("Crops failed last summer.", [("last summer", "season")]),
        ("The talks collapsed in early 2011.", [("in early 2011", "mod+year")]),
    ],
    ids=[
        "duration",
        "offset",
        "set",
        "ref",
        "clock",
        "daypart",
        "daytime",
        "era",
        "season",
        "mod-year",
    ],
)
def test_nlp_timex_kinds_and_roles(nlp, sentence, expected):
    doc = nlp(sentence)
    assert [(s.text, s.label_) for s in doc.spans[TIMEX_KEY]] == expected


def test_nlp_timex_durations_and_sets_are_never_joined(nlp):
    doc = nlp("Now, more than four hours later, the past two months look different.")
    assert [(s.text, s.label_) for s in doc.spans[TIMEX_KEY]] == [
        ("Now", "ref"),
        ("more than four hours later", "offset"),
        ("the past two months", "duration"),
    ]


def test_nlp_timex_new_kinds_make_no_date_facts(extract_text):
    import datetime as dt

    text = (
        "The summit lasted three days, is held every year and last met two years ago; "
        "delegates are now in talks. The summit ended on Friday night."
    )
    extraction = extract_text(text, published=dt.date(2024, 3, 14))
    assert {t.where.text for t in extraction.timexes} >= {
        "three days",
        "every year",
        "two years ago",
        "now",
        "on Friday night",
    }
    dated = [f.where.text for f in extraction.facts if f.timex is not None and f.family != "lead"]
    assert dated == ["on Friday night"]


def _whole_doc_matches(nlp, doc):
    from spacy.matcher import Matcher

    matcher = Matcher(nlp.vocab)
    for entry in nlp.get_pipe("checker_timex").patterns:
        matcher.add(entry["label"], [entry["pattern"]])
    return sorted((nlp.vocab.strings[m], s, e) for m, s, e in matcher(doc))


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, June 10, 2024, at 10 a.m., the first of three two-day rounds opened; "
        "talks have run for years, every week, since early 2023 and the 1990s.",
        "Sales fell 3% in the third quarter of fiscal 2023 from a year earlier, "
        "the company said on Tuesday night; now it expects growth in the near future.",
    ],
    ids=["dates-and-durations", "business-copy"],
)
def test_nlp_timex_windowed_matching_finds_what_the_whole_doc_matcher_finds(nlp, text):
    doc = nlp(text)
    ruler = nlp.get_pipe("checker_timex")
    windowed = sorted((s.label_, s.start, s.end) for s in ruler._raw_matches(doc))
    assert windowed == _whole_doc_matches(nlp, doc)


def test_nlp_timex_windowed_matching_on_tempeval_documents(nlp):
    from checker.timeml import read_tml
    from tests.conftest import shared_or_skip

    folder = shared_or_skip("data", "tempeval3", "te3-platinum")
    ruler = nlp.get_pipe("checker_timex")
    for path in sorted(folder.glob("*.tml"))[:5]:
        doc = nlp(read_tml(path).text)
        windowed = sorted((s.label_, s.start, s.end) for s in ruler._raw_matches(doc))
        assert windowed == _whole_doc_matches(nlp, doc), path.name


SHORT_WINDOW_TEXTS = [
    "Today the board met; on Monday it meets again, and in 2012 it met twice.",
    "today, Today, TODAY: the vote is on Monday 5 May, not May 5 or in May 2012.",
    "It may rain in May. Now, now: the 1990s, 2012-13 and 2012 again, on Monday night.",
]


def test_nlp_timex_short_window_matches_kept_by_words_equal_the_matchers(nlp):
    """Matches of windows of one or two tokens are kept by their words and reused: the
    same words in another text, another case or another place give the whole-doc
    Matcher's matches, when the words are first met and when they are met again."""
    ruler = nlp.get_pipe("checker_timex")
    ruler.clear_cache()
    for rounds in range(2):
        for text in SHORT_WINDOW_TEXTS:
            doc = nlp(text)
            windowed = sorted((s.label_, s.start, s.end) for s in ruler._raw_matches(doc))
            assert windowed == _whole_doc_matches(nlp, doc), (rounds, text)
    assert ruler._lexical
    assert ruler._short_windows  # the second round read them back


def test_nlp_timex_short_windows_are_not_kept_when_a_pattern_reads_more_than_words(nlp):
    """A pattern reading where a token stands (a sentence start) makes no window's
    matches a function of its words: nothing is kept."""
    from checker.nlp import TimexRuler

    ruler = TimexRuler(nlp, "test_timex")
    ruler.add_patterns(
        [
            {"label": "deictic", "pattern": [{"LOWER": "today"}], "id": "a"},
            {"label": "ref", "pattern": [{"IS_SENT_START": True, "LOWER": "now"}], "id": "b"},
        ]
    )
    doc = nlp("Now we know. Today and now, today.")
    assert not ruler._lexical
    assert sorted((s.label_, s.start) for s in ruler._raw_matches(doc)) == [
        ("deictic", 4),
        ("deictic", 8),
        ("ref", 0),
    ]
    assert not ruler._short_windows


def test_nlp_timex_windowed_matching_on_ecbplus_sample_with_kept_windows(nlp):
    """Every 9th ECB+ record, matched twice (the second time reading kept short windows),
    gives the whole-doc Matcher's matches."""
    import json

    from tests.conftest import shared_or_skip

    path = shared_or_skip("data", "ecbplus", "ecbplus.jsonl")
    with path.open(encoding="utf-8") as handle:
        texts = [json.loads(line).get("text") for line in handle][::9]
    docs = [nlp.make_doc(t) for t in texts if isinstance(t, str) and t.strip()]
    ruler = nlp.get_pipe("checker_timex")
    for _round in range(2):
        for doc in docs:
            windowed = sorted((s.label_, s.start, s.end) for s in ruler._raw_matches(doc))
            assert windowed == _whole_doc_matches(nlp, doc)


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("The cable was cut this morning 16th August near the port.", ["16th August"]),
        ("The talks ended yesterday morning in the capital.", ["yesterday morning"]),
        ("The talks ended this morning in the capital.", []),
    ],
    ids=["daytime-beside-a-date", "yesterday-morning", "this-morning"],
)
def test_nlp_timex_time_of_day_keeps_the_dates_facts_rest_on(extract_text, text, dated):
    import datetime as dt

    extraction = extract_text(text, published=dt.date(2024, 8, 16))
    assert [
        f.where.text for f in extraction.facts if f.timex is not None and f.family != "lead"
    ] == dated


def test_nlp_timex_patterns_without_a_window_run_on_the_whole_doc():
    bare = spacy.blank("en")
    bare.add_pipe("sentencizer")
    ruler = bare.add_pipe("checker_timex")
    ruler.add_patterns(
        [
            {"label": "offset", "pattern": [{"IS_DIGIT": True, "OP": "+"}, {"LOWER": "weeks"}]},
            {"label": "weekday", "pattern": [{"LOWER": "not", "OP": "!"}, {"IS_TITLE": True}]},
            {"label": "month", "pattern": [{"LOWER": "in", "OP": "?"}, {"ORTH": "June"}]},
        ]
    )
    assert len(ruler.matcher) == 2  # unbounded, and no required token with a word test
    doc = bare("Crews worked 12 weeks and left in June.")
    found = sorted((s.label_, s.text) for s in ruler._raw_matches(doc))
    assert ("offset", "12 weeks") in found and ("month", "in June") in found


def test_sentencizer_finds_spacys_sentence_starts():
    """The checker's sentencizer reads tokens by array but finds exactly the starts spaCy's
    own rule-based sentencizer finds: quotes and brackets after a full stop, runs of
    punctuation, line breaks, an empty text."""
    import spacy

    from checker.nlp import Sentencizer

    texts = [
        "",
        "...",
        'The talks ended. "We agreed," she said! Did they? (Yes.) Then: more.',
        "Mr. Osei left at 5 p.m. on Friday.\n\nA new paragraph\nwith a line break",
        "no full stop at all",
    ]
    nlp = spacy.blank("en")
    docs = list(nlp.tokenizer.pipe(texts))
    for punct in ([".", "!", "?", "\n"], None):
        expected = spacy.pipeline.Sentencizer("spacy", punct_chars=punct).predict(docs)
        assert Sentencizer("ours", punct_chars=punct).predict(docs) == expected
    starts = Sentencizer("ours", punct_chars=[".", "!", "?", "\n"]).predict(docs)[2]
    assert sum(starts) == 5


def test_a_blank_line_ends_a_headline(nlp):
    """A headline has no full stop: the blank line after it starts the lead's sentence, as
    a full stop would."""
    doc = nlp(
        "Ferry sinks off the Valdoria coast\n\nA ferry capsized on Tuesday. Crews searched."
        "\n \nNo full stop here"
    )
    assert [s.text.strip() for s in doc.sents] == [
        "Ferry sinks off the Valdoria coast",
        "A ferry capsized on Tuesday.",
        "Crews searched.",
        "No full stop here",
    ]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Kiku lost £35m. Its shares fell.", ["Kiku lost £35m.", "Its shares fell."]),
        ("The fund reached $4k. Then it grew.", ["The fund reached $4k.", "Then it grew."]),
        # abbreviations spaCy knows stay whole
        (
            "She left at 9 a.m. on Friday, e.g. early.",
            ["She left at 9 a.m. on Friday, e.g. early."],
        ),
        ("Mr. B. Harlow spoke.", ["Mr. B. Harlow spoke."]),
        # crawled text's spaced letters are no figure's
        ("Doors opened at 9 : 00 a. m. on Friday.", ["Doors opened at 9 : 00 a. m. on Friday."]),
    ],
    ids=["million", "thousand", "a-m-and-e-g", "capital-initial", "spaced-a-m"],
)
def test_a_figures_scale_letter_before_a_full_stop_ends_the_sentence(nlp, text, sentences):
    """A sentence may end on a figure's scale letter ("£35m."): the stop is its own token
    and ends the sentence, rather than a lower-case "m." special case swallowing it."""
    doc = nlp(text)
    assert [s.text.strip() for s in doc.sents] == sentences
    assert "m." not in [t.text for t in doc if t.i and t.nbor(-1).text[-1].isdigit()]


def test_trigger_cache_stays_bounded_and_answers_alike(nlp, monkeypatch):
    """The per-word trigger answers are forgotten past ``REACH_CACHE_SIZE`` words; the
    temporal expressions found are the same with the cache full, emptied or warm."""
    import checker.nlp as nlp_module

    text = "The talks ended on Friday, three weeks after the 12 March 2024 meeting in Oslo."
    expected = ["on Friday", "three weeks", "12 March 2024"]
    doc = nlp(text)
    assert [s.text for s in doc.spans[TIMEX_KEY]] == expected
    nlp("Other words fill the cache: zebra, quantum, violin, marathon, harbour, lantern.")
    triggers = nlp.get_pipe("checker_timex")._triggers
    assert len(triggers._by_orth) > len(doc)
    monkeypatch.setattr(nlp_module, "REACH_CACHE_SIZE", 5)
    for _ in range(2):
        doc = nlp(text)
        assert [s.text for s in doc.spans[TIMEX_KEY]] == expected
        assert len(triggers._by_orth) <= len(doc)


def test_nlp_cue_ruler_finds_what_spacys_span_ruler_finds(nlp, ruleset):
    """``CueRuler`` orders its matches itself; its spans (offsets, labels, ids, order) are
    those of spaCy's stock ``span_ruler`` with the same patterns."""
    from checker.nlp import cue_patterns

    stock = spacy.blank("en")
    ruler = stock.add_pipe(
        "span_ruler", config={"spans_key": CUES_KEY, "phrase_matcher_attr": "LOWER"}
    )
    ruler.add_patterns(cue_patterns(ruleset))
    text = (
        "The talks were postponed on Monday, officials said, and the vote will be held "
        "next week. Police said 12 people were killed and 40 injured; the final round "
        "was called off. The Deadline for the second summit passed as talks resumed."
    )
    ours = nlp.get_pipe("checker_cues").match(nlp.make_doc(text))
    theirs = ruler.match(stock.make_doc(text))
    assert len(ours) > 5
    assert [(s.start, s.end, s.label_, s.id_) for s in ours] == [
        (s.start, s.end, s.label_, s.id_) for s in theirs
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Two were taken to Brannock General Hospital and one was Rushed to the City Hospital.",
        "Police said 12 people were killed and 40 injured; the final round was called off.",
    ],
)
def test_nlp_cue_ruler_token_patterns_run_only_where_a_first_word_stands(nlp, text):
    """The cue ruler's Matcher is skipped for a text with none of its token patterns'
    first words; with or without the skip, the spans are those of the Matcher run on all."""
    from checker.nlp import LOWER

    cues = nlp.get_pipe("checker_cues")
    doc = nlp.make_doc(text)
    openers = cues._openers()
    assert openers  # the rules' NAME-slot phrases each begin with a plain word
    present = not openers.isdisjoint(doc.to_array(LOWER).tolist())
    assert cues._may_match_tokens(doc) == present
    every = {(start, end) for _id, start, end in cues.matcher(doc)}
    ours = {(s.start, s.end) for s in cues.match(doc)}
    assert every <= ours
    assert bool(every) == present


def test_nlp_timex_windows_without_a_patterns_required_words_are_not_matched(nlp):
    """A window is given to the Matcher only when some pattern of its group has a token
    for each of its required words: "year" alone opens windows no pattern can use, and the
    windowed matches stay those of the whole-doc Matcher."""
    ruler = nlp.get_pipe("checker_timex")
    doc = nlp("Prices rose, year on year, and the year's budget stays, week by week.")
    orths = [t.orth for t in doc]
    passing = ruler._requirements.passing(doc, orths)
    year = [t.i for t in doc if t.lower_ == "year"][0]
    groups = {group for _i, reach in ruler._triggers.reach_all(doc, orths) for group, *_ in reach}
    skipped = [g for g in groups if not ruler._requirements.may_match(g, frozenset(passing[year]))]
    assert skipped  # some group triggered by "year" needs more words than "year"
    windowed = sorted((s.label_, s.start, s.end) for s in ruler._raw_matches(doc))
    assert windowed == _whole_doc_matches(nlp, doc)


def test_nlp_long_runs_of_marks_are_cut_and_offsets_kept(nlp):
    text = 'Crowds chanted "' + "!" * 2_000 + '" on Tuesday.'
    doc = nlp(text)
    assert len(doc.text) == len(text)
    assert all(text[t.idx : t.idx + len(t.text)] == t.text for t in doc)
    marks = [t for t in doc if set(t.text) == {"!"}]
    assert 0 < sum(len(t.text) for t in marks) < 2_000  # every 51st mark cut for a space
    assert [t.text for t in doc[:3]] == ["Crowds", "chanted", '"']
    assert [t.text for t in doc[-3:]] == ["on", "Tuesday", "."]
    assert [s.text for s in doc.spans[TIMEX_KEY]] == ["on Tuesday"]


def test_nlp_cue_spans_are_the_cue_groups_spans_handed_over_once(nlp):
    """The extractors get the cue ruler's own Spans (no second set made from the group):
    the same spans as ``doc.spans["cues"]``, taken from the Doc at the first call, made
    from the group at any later one."""
    from checker.nlp import _CUE_SPANS, cue_spans

    doc = nlp("Police said 12 people were killed on Monday and the talks were postponed.")
    group = [(s.start, s.end, s.label_, s.id_) for s in doc.spans[CUES_KEY]]
    assert len(group) >= 3
    made = doc.user_data[_CUE_SPANS]  # the ruler's own Spans, handed over
    handed = cue_spans(doc)
    assert handed is made
    assert _CUE_SPANS not in doc.user_data  # taken: the Doc no longer refers to them
    assert [(s.start, s.end, s.label_, s.id_) for s in handed] == group
    again = cue_spans(doc)
    assert again is not handed
    assert [(s.start, s.end, s.label_, s.id_) for s in again] == group


def test_tokenizer_built_with_the_currency_prefixes_splits_as_one_given_them_after(nlp, ruleset):
    from checker.nlp import _split_currency_signs

    text = "It cost HK$312.4m (NZ$40, US$5 or A$7.50) in Hong Kong's 2019-20 budget, e.g. $3bn."
    reference = spacy.blank("en")
    _split_currency_signs(reference, ruleset)
    assert [t.text for t in nlp.make_doc(text)] == [t.text for t in reference(text)]
    assert "HK$" in [t.text for t in nlp.make_doc(text)]


def test_tokenizer_keeps_more_chunks_than_spacys_default_and_splits_them_alike(nlp):
    """Past spaCy's 10,000 kept chunks, a chunk met again is read from the tokenizer's
    cache: the same tokens as the first time, and as a tokenizer that kept none."""
    text = " ".join(f"(w{k}x, {k}km." for k in range(6_000))
    first = [t.text for t in nlp.make_doc(text)]
    again = [t.text for t in nlp.make_doc(text)]
    uncached = spacy.blank("en")
    uncached.tokenizer.max_cache_size = 0
    assert first == again == [t.text for t in uncached(text)]
    assert nlp.tokenizer.max_cache_size > 10_000


def test_nlp_timex_filter_triples_keeps_what_filter_spans_keeps(nlp):
    """Overlapping raw matches are filtered on (start, end, label) triples as spaCy's
    ``filter_spans`` filters Spans: the first longest of overlapping matches, ties between
    one stretch's labels kept in the order found."""
    from spacy.util import filter_spans

    from checker.nlp import _filter_triples

    ruler = nlp.get_pipe("checker_timex")
    overlapping = 0
    for text in [
        "On Tuesday, March 4, 2025, the regulator said it would rule by the end of next month.",
        "Shares fell 2% last week and have lost a third since early 2023, the bank said Friday.",
    ]:
        doc = nlp.make_doc(text)
        triples = ruler._raw_triples(doc)
        overlapping += len(triples) - len(_filter_triples(triples))
        # a stretch matched under two labels: the first found is kept
        first = triples[0]
        triples = [*triples, (first[0], first[1], nlp.vocab.strings.add("tie"))]
        spans = [Span(doc, s, e, label=m) for s, e, m in triples]
        expected = [
            (s.start, s.end, s.label) for s in sorted(filter_spans(spans), key=lambda s: s.start)
        ]
        assert _filter_triples(triples) == expected
        # the same ties broken alike when the raw matches come in another order
        assert _filter_triples(triples[::-1]) == [
            (s.start, s.end, s.label)
            for s in sorted(filter_spans(spans[::-1]), key=lambda s: s.start)
        ]
    assert overlapping  # some matches did overlap


def test_nlp_timex_windows_of_a_lone_trigger_pattern_read_no_requirements(nlp, monkeypatch):
    """A group with a pattern needing no word but its own trigger ("today") may match in
    any of its windows: the words of those windows are not looked up."""
    from checker.nlp import TimexRuler, _Requirements

    ruler = TimexRuler(nlp, "test_timex")
    ruler.add_patterns(
        [
            {"label": "deictic", "pattern": [{"LOWER": "today"}], "id": "a"},
            {"label": "ref", "pattern": [{"LOWER": "next"}, {"LOWER": "week"}], "id": "b"},
        ]
    )
    looked: list[tuple[int, int]] = []
    present = _Requirements.present

    def counting(self, doc, orths, low, high):
        looked.append((low, high))
        return present(self, doc, orths, low, high)

    monkeypatch.setattr(_Requirements, "present", counting)
    doc = nlp.make_doc("The court sits today and again next week, but not this week.")
    found = sorted((doc[s:e].text, nlp.vocab.strings[m]) for s, e, m in ruler._raw_triples(doc))
    assert found == [("next week", "ref"), ("today", "deictic")]
    # only the windows of "week" (which also needs "next") are looked at; "today" is not
    assert looked and all("today" not in doc[low:high].text for low, high in looked)


def test_a_words_slot_in_a_cue_phrase_reads_up_to_four_words(nlp):
    """ "expects WORDS profit" (``WORDS_SLOT``) is a measure word for "expects profit",
    "expects full-year profit" and "expects underlying pre-tax profit", never across a
    comma or five words."""
    from checker.nlp import cue_spans

    def outlook(text: str) -> list[str]:
        return [
            s.text
            for s in cue_spans(nlp(text))
            if s.label_ == "measure:number.outlook:the profit forecast"
        ]

    assert outlook("Kiku expects profit of £9m.") == ["expects profit"]
    assert outlook("Kiku expects first-half profit to reach £9m.") == ["expects first-half profit"]
    assert outlook("Kiku expects underlying pre-tax profit of £9m.") == [
        "expects underlying pre-tax profit"
    ]
    assert outlook("Kiku expects, it said, profit of £9m.") == []
    assert outlook("Kiku expects its shops in the north to turn a profit.") == []
