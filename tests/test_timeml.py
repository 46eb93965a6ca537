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
