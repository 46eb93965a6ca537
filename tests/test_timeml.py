"""TimeML export and import, the ``checker timex`` command, and the TempEval-3 scorer."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from checker.timeml import Tagger, TimexSpan, read_tml, score, tag_text, to_json, to_timeml
from tests.conftest import ROOT, shared_or_skip

TEXT = (
    "Talks resumed on Saturday & ended <late> in December 2019.\n"
    "A new round is due by year-end, officials said last week."
)
DCT = dt.date(2019, 12, 26)

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST_1</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" temporalFunction="false" tid="t0" type="DATE" value="2013-03-22">March 22, 2013</TIMEX3></DCT>
<TEXT>
The talks <EVENT eid="e1">ended</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2013-03-20">Wednesday</TIMEX3> &amp; will resume in <TIMEX3 tid="t2" type="DATE" value="2013-04">April</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture(scope="module")
def tagger(ruleset, nlp) -> Tagger:
    return Tagger(ruleset, nlp)


def _text_of(timeml: str) -> str:
    root = ET.fromstring(timeml.split("?>", 1)[1])
    element = root.find("TEXT")
    assert element is not None
    return "".join(element.itertext())


def test_tagged_spans_and_values(tagger):
    spans = tagger.tag(TEXT, DCT)
    found = {s.text: s.value for s in spans}
    assert found["Saturday"] == "2019-12-21"
    assert found["December 2019"] == "2019-12"
    assert found["year-end"] == "2019-12-31"
    assert all(s.type == "DATE" for s in spans)
    for span in spans:
        assert TEXT[span.start : span.end] == span.text
        assert span.text.split()[0].lower() not in {"on", "in", "by"}


def test_timeml_round_trip_keeps_text_and_is_well_formed(tagger):
    spans = tagger.tag(TEXT, DCT)
    out = to_timeml(TEXT, spans, dct=DCT)
    root = ET.fromstring(out.split("?>", 1)[1])  # raises on a malformed tag
    timexes = root.find("TEXT").findall("TIMEX3")
    assert [t.text for t in timexes] == [s.text for s in spans]
    assert [t.get("tid") for t in timexes] == [f"t{i}" for i in range(1, len(spans) + 1)]
    assert _text_of(out) == TEXT
    assert "&amp;" in out and "&lt;late&gt;" in out
    dct = root.find("DCT/TIMEX3")
    assert dct.get("value") == "2019-12-26" and dct.get("functionInDocument") == "CREATION_TIME"


def test_tag_text_leaves_text_outside_tags_unchanged():
    text = "Before Monday after."
    out = tag_text(text, [TimexSpan(7, 13, "Monday", "DATE", "2019-12-23")])
    assert out == 'Before <TIMEX3 tid="t1" type="DATE" value="2019-12-23">Monday</TIMEX3> after.'


def test_read_tml_text_dct_and_gold(tmp_path):
    path = tmp_path / "doc.tml"
    path.write_text(TML, encoding="utf-8")
    document = read_tml(path)
    assert document.dct == dt.date(2013, 3, 22)
    assert document.docid == "TEST_1"
    assert (
        "<EVENT" not in document.text
        and "The talks ended on Wednesday & will resume" in document.text
    )
    assert [(g.text, g.value) for g in document.gold] == [
        ("Wednesday", "2013-03-20"),
        ("April", "2013-04"),
    ]
    for gold in document.gold:
        assert document.text[gold.start : gold.end] == gold.text


def test_json_output_shape(tagger):
    data = json.loads(to_json(tagger.tag(TEXT, DCT)))
    assert isinstance(data, list) and data
    for item in data:
        assert set(item) == {"start", "end", "text", "type", "value"}
        assert TEXT[item["start"] : item["end"]] == item["text"]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "checker", "timex", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_cli_timex_tml_keeps_dct_block(tmp_path):
    path = tmp_path / "doc.tml"
    path.write_text(TML, encoding="utf-8")
    result = _run(str(path))
    assert result.returncode == 0, result.stderr
    dct_line = next(line for line in TML.splitlines() if line.startswith("<DCT>"))
    assert dct_line in result.stdout
    assert _text_of(result.stdout) == read_tml(path).text
    root = ET.fromstring(result.stdout.split("?>", 1)[1])
    values = {t.text: t.get("value") for t in root.find("TEXT").iter("TIMEX3")}
    assert values["Wednesday"] == "2013-03-20"
    assert values["April"] == "2013-04"


def test_cli_timex_json_with_dct(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = _run(str(path), "--dct", "2019-12-26", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"text": "Saturday", "value": "2019-12-21"}.items() <= next(
        d for d in data if d["text"] == "Saturday"
    ).items()
    bad = _run(str(path), "--dct", "26/12/2019")
    assert bad.returncode == 2 and "--dct" in bad.stderr
    missing = _run(str(tmp_path / "nope.txt"))
    assert missing.returncode == 2


def test_cli_timex_reads_articles_as_check_does(tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("The caf\xe9 reopened on Saturday.\n".encode("latin-1"))
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + b"The talks resumed on Saturday.\n")
    for path in (latin, bom):
        result = _run(str(path), "--dct", "2024-03-14", "--format", "json")
        assert result.returncode == 0, result.stderr
        text = path.read_bytes().decode("latin-1" if path is latin else "utf-8-sig")
        [saturday] = [d for d in json.loads(result.stdout) if d["text"] == "Saturday"]
        assert text[saturday["start"] : saturday["end"]] == "Saturday"  # no BOM shift
    folder = _run(str(tmp_path), "--dct", "2024-03-14")
    assert folder.returncode == 2
    assert folder.stderr.startswith(f"checker: {tmp_path}: E104 is a folder")


def test_scorer_strict_versus_relaxed():
    gold = [
        TimexSpan(0, 9, "last week", "DATE", "2013-W11"),
        TimexSpan(20, 26, "Friday", "DATE", "2013-03-22"),
        TimexSpan(40, 47, "a month", "DURATION", "P1M"),
    ]
    system = [
        TimexSpan(5, 9, "week", "DATE", "2013-W11"),  # overlap only: relaxed, value right
        TimexSpan(20, 26, "Friday", "DATE", "2013-03-15"),  # exact span, wrong value
        TimexSpan(30, 35, "noise", "DATE", "2013"),  # spurious
    ]
    result = score(gold, system)
    assert (result.gold, result.system) == (3, 3)
    assert result.strict == 1 and result.relaxed == 2
    assert result.value == 1 and result.type == 2
    p, r, f = result.prf(result.relaxed)
    assert (
        p == pytest.approx(200 / 3) and r == pytest.approx(200 / 3) and f == pytest.approx(200 / 3)
    )
    assert result.prf(result.strict)[2] == pytest.approx(100 / 3)


def test_scorer_matches_each_system_span_once():
    gold = [TimexSpan(0, 5, "a", "DATE", "X"), TimexSpan(6, 10, "b", "DATE", "Y")]
    system = [TimexSpan(0, 10, "ab", "DATE", "X")]
    assert score(gold, system).relaxed == 1


def test_platinum_document_round_trip(tagger):
    folder = shared_or_skip("data", "tempeval3", "te3-platinum")
    path = sorted(folder.glob("*.tml"))[0]
    document = read_tml(path)
    spans = tagger.tag(document.text, document.dct)
    out = to_timeml(document.text, spans, dct_block=document.dct_block, docid=document.docid)
    assert _text_of(out) == document.text
    assert document.dct_block in out
    assert score(document.gold, spans).relaxed > 0


# Every TIMEX3 value form, in real sentences: (sentence, DCT, words, type, value, mod).
THU_2024_03_14 = dt.date(2024, 3, 14)

VALUE_FORMS = [
    # DATE: days, months, years, weeks, quarters, seasons, eras.
    ("The ruling was handed down on March 4, 2024.", "March 4, 2024", "DATE", "2024-03-04", None),
    ("The plant closed in November 2023.", "November 2023", "DATE", "2023-11", None),
    ("The bridge was completed in 1998.", "1998", "DATE", "1998", None),
    ("Prosecutors filed the charges last week.", "last week", "DATE", "2024-W10", None),
    ("Turnout fell in the last week of polling.", "the last week", "DATE", "2024-W10", None),
    (
        "Revenue grew in the third quarter of 2023.",
        "the third quarter of 2023",
        "DATE",
        "2023-Q3",
        None,
    ),
    ("The carrier posted third-quarter results.", "third-quarter", "DATE", "2023-Q3", None),
    ("The reservoir ran dry last summer.", "last summer", "DATE", "2023-SU", None),
    ("The factory was built in the 1990s.", "the 1990s", "DATE", "199", None),
    ("Such laws date from the 19th century.", "the 19th century", "DATE", "18", None),
    ("The mayor moved to the city two years ago.", "two years ago", "DATE", "2022", None),
    ("Sales were lower a month earlier.", "a month earlier", "DATE", "2024-02", None),
    ("Prices have risen since early 2023.", "early 2023", "DATE", "2023", "START"),
    (
        "A new board takes over at the end of the year.",
        "the end of the year",
        "DATE",
        "2024",
        "END",
    ),
    ("The audit is due by year-end.", "year-end", "DATE", "2024-12-31", None),
    ("Two ministers resigned earlier this month.", "earlier this month", "DATE", "2024-03", None),
    ("The union is now back at the table.", "now", "DATE", "PRESENT_REF", None),
    ("The airline recently cut its forecast.", "recently", "DATE", "PAST_REF", None),
    ("Similar storms struck in the past.", "the past", "DATE", "PAST_REF", None),
    ("Talks may resume in the near future.", "the near future", "DATE", "FUTURE_REF", None),
    ("The new terminal opens this weekend.", "this weekend", "DATE", "2024-W11-WE", None),
    # TIME: clock times and parts of the day.
    ("Polls will open at 10 a.m. Friday.", "10 a.m. Friday", "TIME", "2024-03-15T10:00", None),
    ("The fire broke out this morning.", "this morning", "TIME", "2024-03-14TMO", None),
    ("Two men were arrested last night.", "last night", "TIME", "2024-03-13TNI", None),
    ("Rescuers reached the village at 7:15 p.m.", "7:15 p.m.", "TIME", "2024-03-14T19:15", None),
    ("The council will vote at noon Monday.", "noon Monday", "TIME", "2024-03-18T12:00", None),
    ("Fans gathered outside on Tuesday evening.", "Tuesday evening", "TIME", "2024-03-12TEV", None),
    # DURATION, with quantity mods.
    ("The strike lasted three days.", "three days", "DURATION", "P3D", None),
    ("He spent a year abroad.", "a year", "DURATION", "P1Y", None),
    ("The dispute has dragged on for several years.", "several years", "DURATION", "PXY", None),
    (
        "The road stayed shut for more than two weeks.",
        "more than two weeks",
        "DURATION",
        "P2W",
        "MORE_THAN",
    ),
    ("The hearing lasted nearly an hour.", "nearly an hour", "DURATION", "PT1H", "APPROX"),
    ("Output doubled over the past 20 years.", "the past 20 years", "DURATION", "P20Y", None),
    ("She signed a two-year contract.", "two-year", "DURATION", "P2Y", None),
    ("The flight took 5 1/2 hours.", "5 1/2 hours", "DURATION", "PT5H30M", None),
    ("The river has not flooded in a decade.", "a decade", "DURATION", "P10Y", None),
    ("Inflation eased in recent months.", "recent months", "DURATION", "PXM", None),
    # SET.
    ("The committee meets every week.", "every week", "SET", "P1W", None),
    ("The paper is printed daily.", "daily", "SET", "P1D", None),
    ("The market opens each Thursday.", "each Thursday", "SET", "XXXX-WXX-4", None),
    ("Inspectors visit twice a year.", "twice a year", "SET", "P1Y", None),
    ("The ferry sails every morning.", "every morning", "SET", "XXXX-XX-XXTMO", None),
    ("The museum is closed on Mondays.", "Mondays", "SET", "XXXX-WXX-1", None),
]


@pytest.mark.parametrize(
    ("sentence", "words", "kind", "value", "mod"),
    VALUE_FORMS,
    ids=[f"{kind.lower()}-{value}-{words}" for _s, words, kind, value, _m in VALUE_FORMS],
)
def test_timeml_value_forms(tagger, sentence, words, kind, value, mod):
    spans = {s.text: s for s in tagger.tag(sentence, THU_2024_03_14)}
    assert words in spans, f"{words!r} not tagged; found {sorted(spans)}"
    span = spans[words]
    assert (span.type, span.value, span.mod) == (kind, value, mod)


@pytest.mark.parametrize(
    "sentence",
    [
        "The ceasefire will last three weeks.",
        "Shares were up as soon as trading opened.",
        "The bank sold 30-year bonds.",
        "The firm paid its quarterly dividend.",
        "Police said the night was calm.",
        "The shop sold out of Christmas trees.",
    ],
    ids=[
        "verb-last",
        "as-soon-as",
        "bond-name",
        "quarterly-adjective",
        "bare-night",
        "holiday-noun",
    ],
)
def test_timeml_words_that_are_no_timex(tagger, sentence):
    tagged = [s.text for s in tagger.tag(sentence, THU_2024_03_14)]
    assert not any(
        word in " ".join(tagged)
        for word in ("last", "soon", "30", "quarterly", "night", "Christmas")
    )


def test_timeml_mod_is_written_and_read_back(tagger, tmp_path):
    text = "Exports rose for more than two weeks in early 2023."
    spans = tagger.tag(text, THU_2024_03_14)
    out = to_timeml(text, spans, dct=THU_2024_03_14)
    path = tmp_path / "mods.tml"
    path.write_text(out, encoding="utf-8")
    document = read_tml(path)
    assert document.text == text
    assert [(g.text, g.type, g.value, g.mod) for g in document.gold] == [
        ("more than two weeks", "DURATION", "P2W", "MORE_THAN"),
        ("early 2023", "DATE", "2023", "START"),
    ]


# The creation time, inferred when it is not given, and how sure the inference is.


@pytest.mark.parametrize(
    ("text", "date", "confidence"),
    [
        (
            "NAIROBI, March 12, 2024 (Reuters) - Floods cut the main highway on Monday.",
            dt.date(2024, 3, 12),
            "high",
        ),
        (
            "LIMA, Oct 21 (Andes Wire) - The strike that began in 2019 ended on Monday.",
            dt.date(2019, 10, 21),
            "medium",
        ),
        (
            "The port reopened on Friday, Feb. 16, after storms in 2024 had closed it.",
            dt.date(2024, 2, 16),
            "high",
        ),
        (
            "The treaty was signed on June 3, 2021 and ratified on May 9, 2022.",
            dt.date(2022, 5, 9),
            "low",
        ),
        # the "next" of another date in the sentence makes the report's clause no future one
        (
            "The governor said on Tuesday, March 3, 2026, that the referendum is next Friday.",
            dt.date(2026, 3, 3),
            "low",
        ),
    ],
    ids=[
        "dateline-with-year",
        "dateline-year-from-text",
        "weekday-with-date",
        "latest-full-date",
        "full-date-beside-next-weekday",
    ],
)
def test_timeml_infers_creation_time(tagger, text, date, confidence):
    tagger.tag(text)
    known = tagger.creation_time
    assert (known.source, known.date, known.confidence) == ("inferred", date, confidence)
    assert known.evidence


def test_timeml_creation_time_given_header_or_none(tagger):
    tagger.tag("The vote was held on Sunday.", dt.date(2024, 3, 14))
    assert (tagger.creation_time.source, tagger.creation_time.confidence) == ("given", "high")
    spans = tagger.tag("Date: 2024-03-14\nThe vote was held on Sunday.")
    assert tagger.creation_time.source == "header"
    assert [(s.text, s.value) for s in spans] == [("Sunday", "2024-03-10")]
    spans = tagger.tag("The vote was held on Sunday.")
    assert tagger.creation_time == tagger.creation_time.__class__(None, "none", "", "none")
    assert [(s.text, s.value) for s in spans] == [("Sunday", "XXXX-XX-XX")]


def test_cli_timex_says_when_the_creation_time_is_inferred(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text(
        "NAIROBI, March 12, 2024 (Reuters) - Floods cut the main highway on Monday.\n",
        encoding="utf-8",
    )
    result = _run(str(path))
    assert result.returncode == 0, result.stderr
    assert "inferred" in result.stderr and "2024-03-12" in result.stderr
    assert 'value="2024-03-12" temporalFunction="false"' in result.stdout
    assert 'value="2024-03-11">Monday<' in result.stdout


# "a week after X": a duration counted from a resolved date reaches a date of its own.


@pytest.mark.parametrize(
    ("sentence", "duration", "anchored", "role", "date_words"),
    [
        (
            "The inquiry reported two weeks after March 5, 2024.",
            "two weeks",
            "2024-03-19",
            "beginPoint",
            "March 5, 2024",
        ),
        (
            "Ballots must arrive three days before the June 30 deadline.",
            "three days",
            "2024-06-27",
            "endPoint",
            "June 30",
        ),
        (
            "Exports recovered two months after February 2024.",
            "two months",
            "2024-04",
            "beginPoint",
            "February 2024",
        ),
    ],
    ids=["days-after-day", "days-before-deadline", "months-after-month"],
)
def test_timeml_duration_anchored_on_a_date(tagger, sentence, duration, anchored, role, date_words):
    spans = {s.text: s for s in tagger.tag(sentence, THU_2024_03_14)}
    span, target = spans[duration], spans[date_words]
    assert (span.type, span.anchored, span.anchor_role, span.anchor_at) == (
        "DURATION",
        anchored,
        role,
        target.start,
    )
    out = to_timeml(sentence, list(spans.values()), dct=THU_2024_03_14)
    root = ET.fromstring(out.split("?>", 1)[1])
    tags = {t.text: t for t in root.find("TEXT").iter("TIMEX3")}
    assert tags[duration].get(role) == tags[date_words].get("tid")


def test_timeml_duration_without_a_date_is_not_anchored(tagger):
    spans = tagger.tag("The strike ended two weeks after it began.", THU_2024_03_14)
    assert [(s.text, s.anchored) for s in spans] == [("two weeks", None)]


@pytest.mark.parametrize(
    ("sentence", "words", "kind", "value", "mod"),
    [
        ("Costs will rise over the next decade.", "the next decade", "DURATION", "P10Y", None),
        ("Debt must fall by the end of year.", "the end of year", "DATE", "2024", "END"),
        ("Profit fell in this fiscal year.", "this fiscal year", "DATE", "2024", None),
        ("The cut came a few years ago.", "a few years ago", "DATE", "PAST_REF", None),
        ("The build took 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M", None),
        ("Shops will close on New Year's Day.", "New Year's Day", "DATE", "2025-01-01", None),
        (
            "The fire started on Christmas Eve 2019.",
            "Christmas Eve 2019",
            "DATE",
            "2019-12-24",
            None,
        ),
    ],
    ids=[
        "next-decade",
        "end-of-year",
        "fiscal-year",
        "vague-offset",
        "fractional-years",
        "holiday-ahead",
        "holiday-with-year",
    ],
)
def test_timeml_more_value_forms(tagger, sentence, words, kind, value, mod):
    spans = {s.text: s for s in tagger.tag(sentence, THU_2024_03_14)}
    assert (spans[words].type, spans[words].value, spans[words].mod) == (kind, value, mod)


# One implementation: the checker's date facts and the tagger's values come from the same
# ruler, parts and calendar.


@pytest.mark.parametrize(
    "text",
    [
        "The summit opened on Saturday and will end on Dec. 30, officials said.",
        "The talks resumed early Tuesday morning and ended in late 2019.",
        "The vote was held yesterday; a second round is due by year-end.",
    ],
    ids=["weekday-and-month-day", "daypart-and-mod-year", "deictic-and-deadline"],
)
def test_timeml_checker_facts_and_tagger_share_one_tagger(tagger, normalize_text, text):
    published = dt.date(2019, 12, 26)
    facts = normalize_text(text, published=published).facts
    assert facts
    spans = tagger.tag(text, published)
    for fact in facts:
        span = next(s for s in spans if s.start < fact.end and fact.start < s.end)
        assert text[fact.start : fact.end].endswith(span.text)  # the same expression
        if fact.value.start == fact.value.end:  # a day: the same value
            assert span.value.startswith(fact.value.label())


@pytest.mark.parametrize(
    "article",
    [
        "---\ndate: 2025-09-18\n---\nThe city council approved the budget on Tuesday.\n",
        "date 2025-09-18\n\nThe city council approved the budget on Tuesday.\n",
    ],
    ids=["front matter", "date line"],
)
def test_cli_timex_writes_the_dct_of_a_date_the_article_states(tmp_path, article):
    path = tmp_path / "council.txt"
    path.write_text(article, encoding="utf-8")
    result = _run(str(path))
    assert result.returncode == 0, result.stderr
    root = ET.fromstring(result.stdout.split("?>", 1)[1])
    dct = root.find("DCT/TIMEX3")
    assert dct is not None, result.stdout
    assert dct.get("value") == "2025-09-18"
    assert dct.get("functionInDocument") == "CREATION_TIME"
    assert 'value="2025-09-16">Tuesday<' in result.stdout
