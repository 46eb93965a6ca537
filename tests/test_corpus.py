"""Loading articles: encodings, unreadable files, metadata, datelines, JSONL and corpora."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import threading
from pathlib import Path

import pytest

from checker import errors
from checker.corpus import (
    MAX_ARTICLE_CHARS,
    StoryInput,
    decode_bytes,
    iter_stories,
    make_source,
    parse_date_string,
    read_article,
)
from checker.errors import InputError
from checker.model import Source

BOGOTA_SENTENCE = "Peace talks in Bogotá opened on Monday, the government said.\n"
GOOD_ARTICLE = "TALLINN (BNS) - Estonian coalition leaders have convened a key meeting.\n"


def load_all(*paths: Path) -> list[StoryInput]:
    return list(iter_stories([str(p) for p in paths]))


def assert_position(raw_text: str, source: Source, word: str) -> None:
    """``source.position`` of ``word`` points at ``word`` in the file as written."""
    line, column = source.position(source.text.index(word))
    file_line = raw_text.split("\n")[line - 1]
    assert file_line[column - 1 : column - 1 + len(word)] == word, (line, column, file_line)


# --- encodings ---------------------------------------------------------------------------


ENCODED_FILES = {
    "utf-8": BOGOTA_SENTENCE.encode("utf-8"),
    "utf-8-bom": b"\xef\xbb\xbf" + BOGOTA_SENTENCE.encode("utf-8"),
    "utf-16-le-bom": b"\xff\xfe" + BOGOTA_SENTENCE.encode("utf-16-le"),
    "utf-16-be-bom": b"\xfe\xff" + BOGOTA_SENTENCE.encode("utf-16-be"),
    "latin-1": BOGOTA_SENTENCE.encode("latin-1"),
    "utf-8-crlf": BOGOTA_SENTENCE.replace("\n", "\r\n").encode("utf-8"),
}


@pytest.mark.parametrize("raw", ENCODED_FILES.values(), ids=ENCODED_FILES.keys())
def test_corpus_decode_bytes_reads_supported_encodings(raw):
    assert decode_bytes(raw, "bogota.txt") == BOGOTA_SENTENCE


def test_corpus_decode_bytes_windows_1252_quotes_and_dashes():
    # what Word saves: the apostrophe, dash and quotes are bytes 0x92, 0x96, 0x93 and 0x94,
    # control characters in Latin-1
    raw = "The union\u2019s talks ended \u2013 \u201cfor now\u201d, Ms Ortiz said.".encode("cp1252")
    assert decode_bytes(raw, "harbour.txt") == (
        "The union\u2019s talks ended \u2013 \u201cfor now\u201d, Ms Ortiz said."
    )


def test_corpus_decode_bytes_latin1_accent():
    assert decode_bytes(b"Talks in Bogot\xe1 ended.", "bogota.txt") == "Talks in Bogotá ended."


@pytest.mark.parametrize("raw", ENCODED_FILES.values(), ids=ENCODED_FILES.keys())
def test_corpus_read_article_decodes_file(tmp_path, raw):
    path = tmp_path / "bogota.txt"
    path.write_bytes(raw)
    source = read_article(path, "colombia")
    assert source.text == BOGOTA_SENTENCE
    assert source.path == str(path)
    assert source.story == "colombia"


def test_corpus_iter_stories_reads_mixed_encodings_in_one_folder(tmp_path):
    story = tmp_path / "colombia"
    story.mkdir()
    for name, raw in ENCODED_FILES.items():
        (story / f"{name}.txt").write_bytes(raw)
    [loaded] = load_all(story)
    assert loaded.name == "colombia"
    assert loaded.errors == []
    assert sorted(Path(s.path).stem for s in loaded.sources) == sorted(ENCODED_FILES)
    assert {s.text for s in loaded.sources} == {BOGOTA_SENTENCE}


# --- files that cannot be read -----------------------------------------------------------


BAD_FILES = {
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", errors.E103),
    "empty": (b"", errors.E102),
    "whitespace": (b"  \n\t\n   \n", errors.E102),
    "bom-only": (b"\xef\xbb\xbf", errors.E102),
    "utf-16-whitespace": (b"\xff\xfe" + " \n".encode("utf-16-le"), errors.E102),
    "utf-16-truncated": (b"\xff\xfeA\x00B", errors.E103),
}


@pytest.mark.parametrize(("raw", "code"), BAD_FILES.values(), ids=BAD_FILES.keys())
def test_corpus_read_article_bad_file_raises_input_error(tmp_path, raw, code):
    path = tmp_path / "bad.txt"
    path.write_bytes(raw)
    with pytest.raises(InputError) as caught:
        read_article(path, "story")
    assert caught.value.code == code
    assert caught.value.path == str(path)
    assert str(caught.value).startswith(f"{path}: {code} ")


@pytest.mark.parametrize(("raw", "code"), BAD_FILES.values(), ids=BAD_FILES.keys())
def test_corpus_iter_stories_bad_file_does_not_stop_folder(tmp_path, raw, code):
    story = tmp_path / "story"
    story.mkdir()
    (story / "a_good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (story / "b_bad.txt").write_bytes(raw)
    (story / "c_good.txt").write_text(BOGOTA_SENTENCE, encoding="utf-8")
    [loaded] = load_all(story)
    assert [Path(s.path).name for s in loaded.sources] == ["a_good.txt", "c_good.txt"]
    [error] = loaded.errors
    assert error.code == code
    assert str(story / "b_bad.txt") in str(error)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_corpus_named_pipe_is_an_e104_not_a_hang(tmp_path):
    good = tmp_path / "a_good.txt"
    good.write_text(GOOD_ARTICLE, encoding="utf-8")
    pipe = tmp_path / "b_pipe.txt"
    os.mkfifo(pipe)
    [loaded] = load_all(good, pipe)  # reading the pipe would block for ever
    assert [Path(s.path).name for s in loaded.sources] == ["a_good.txt"]
    [error] = loaded.errors
    assert str(error).startswith(f"{pipe}: E104 is not a regular file")


def test_corpus_a_path_named_twice_is_read_once(tmp_path):
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    for paths in [(story, story / ".." / "story"), (story / "a.txt", story / "a.txt")]:
        [loaded] = load_all(*paths)
        assert [Path(x.path).name for x in loaded.sources] == ["a.txt"]


def test_corpus_iter_stories_unreadable_file_gives_e104(tmp_path):
    story = tmp_path / "story"
    story.mkdir()
    (story / "a_good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    locked = story / "b_locked.txt"
    locked.write_text(BOGOTA_SENTENCE, encoding="utf-8")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as a user whom chmod 000 does not stop from reading (root)")
        [loaded] = load_all(story)
    finally:
        locked.chmod(0o644)
    assert [Path(s.path).name for s in loaded.sources] == ["a_good.txt"]
    [error] = loaded.errors
    assert error.code == errors.E104
    assert str(error).startswith(f"{locked}: E104 ")


def test_corpus_read_article_os_error_gives_e104(tmp_path, monkeypatch):
    """The same as chmod 000, for runs as root: any OSError on read is E104 naming the file."""
    path = tmp_path / "locked.txt"
    path.write_text(BOGOTA_SENTENCE, encoding="utf-8")

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(InputError) as caught:
        read_article(path, "story")
    assert caught.value.code == errors.E104
    assert str(caught.value).startswith(f"{path}: E104 ")
    assert "Permission denied" in str(caught.value)


def test_corpus_read_article_folder_gives_e104(tmp_path):
    with pytest.raises(InputError) as caught:
        read_article(tmp_path, "story")
    assert caught.value.code == errors.E104
    assert str(tmp_path) in str(caught.value)


def test_corpus_read_article_missing_file_gives_e101(tmp_path):
    path = tmp_path / "gone.txt"
    with pytest.raises(InputError) as caught:
        read_article(path, "story")
    assert caught.value.code == errors.E101
    assert str(caught.value).startswith(f"{path}: E101 ")


# --- front matter and header lines -------------------------------------------------------


FRONT_MATTER = (
    "---\n"
    "outlet: Reuters\n"
    "date: 2021-03-04\n"
    "title: Coalition leaders hold crisis meeting\n"
    "---\n"
    "TALLINN - Estonian coalition leaders convened a meeting\n"
    "of senior ministers on Saturday.\n"
)


def test_corpus_make_source_reads_front_matter():
    source = make_source(source_id="a.txt", story="coalition", path="a.txt", raw_text=FRONT_MATTER)
    assert source.outlet == "Reuters"
    assert source.published == dt.date(2021, 3, 4)
    assert source.published_from == "metadata"
    assert source.title == "Coalition leaders hold crisis meeting"
    assert source.text.startswith("TALLINN - Estonian coalition")
    assert "outlet:" not in source.text


def test_corpus_make_source_front_matter_keeps_positions():
    source = make_source(source_id="a.txt", story="coalition", path="a.txt", raw_text=FRONT_MATTER)
    assert source.line_offset == 5
    assert source.position(source.text.index("Saturday")) == (7, 24)
    assert_position(FRONT_MATTER, source, "Saturday")
    assert_position(FRONT_MATTER, source, "TALLINN")


def test_corpus_blank_lines_above_the_front_matter_are_skipped():
    # a stray empty line above the '---' made the front matter article text: the outlet
    # fell back to the file name and the date was read from the text's 'date:' line
    raw = "\n \n---\noutlet: Fenland Courier\ndate: 2025-10-08\n---\nThe lock gates at Denver Sluice\nreopened on Tuesday.\n"
    source = make_source(source_id="a.txt", story="sluice", path="a.txt", raw_text=raw)
    assert source.outlet == "Fenland Courier"
    assert (source.published, source.published_from) == (dt.date(2025, 10, 8), "metadata")
    assert source.text.startswith("The lock gates")
    assert source.line_offset == 6
    assert source.position(source.text.index("Tuesday")) == (8, 13)
    assert_position(raw, source, "Tuesday")
    assert source.warnings == []


@pytest.mark.parametrize(
    ("raw", "line"),
    [
        ("\n\n---\noutlet: Fenland Courier\nThe lock gates reopened.\n", 3),
        ("\n---\noutlet: Fenland Courier\ntitle: [unclosed\n---\nThe gates reopened.\n", 4),
    ],
    ids=["never closed", "not yaml"],
)
def test_corpus_front_matter_below_blank_lines_names_its_own_lines(raw, line):
    try:
        source = make_source(source_id="a.txt", story="sluice", path="a.txt", raw_text=raw)
    except InputError as error:
        assert (error.code, error.line) == (errors.E107, line)
    else:
        assert [(w.code, w.line) for w in source.warnings] == [(errors.W101, line)]


def test_corpus_make_source_front_matter_outlet_beats_dateline_credit():
    raw = "---\noutlet: Baltic Herald\n---\nTALLINN (BNS) - Coalition leaders convened a meeting.\n"
    source = make_source(source_id="a.txt", story="coalition", path="a.txt", raw_text=raw)
    assert source.outlet == "Baltic Herald"


BROKEN_FRONT_MATTER = (
    "---\n"
    "outlet: Harbour Gazette\n"
    "date: 2024-03-07\n"
    'title: "Not again": ferry crews walk out\n'
    "---\n"
    "Ferry crews walked out on Thursday.\n"
)


def test_corpus_front_matter_yaml_rejects_is_read_line_by_line_with_a_warning():
    source = make_source(source_id="a.md", story="ferry", path="a.md", raw_text=BROKEN_FRONT_MATTER)
    assert source.outlet == "Harbour Gazette"
    assert source.published == dt.date(2024, 3, 7)
    assert source.title == '"Not again": ferry crews walk out'
    assert source.text == "Ferry crews walked out on Thursday.\n"
    assert source.position(source.text.index("Thursday")) == (6, 27)
    assert [(w.code, w.path, w.line) for w in source.warnings] == [(errors.W101, "a.md", 4)]
    assert str(source.warnings[0]).startswith("a.md:4: W101 front matter is not valid YAML")


@pytest.mark.parametrize(
    ("raw", "line"),
    [
        ("---\ndate: 2024-02-30\n---\nFerry crews walked out on Thursday.\n", 2),
        ("---\noutlet: Harbour Gazette\ndate: next week\n---\nCrews walked out.\n", 3),
        ("date 2024-13-07\nFerry crews walked out on Thursday.\n", 1),
    ],
    ids=["no-such-day", "relative", "header-line"],
)
def test_corpus_metadata_date_that_is_no_date_is_undated_with_a_warning(raw, line):
    source = make_source(source_id="a.md", story="ferry", path="a.md", raw_text=raw)
    assert source.published is None
    assert [(w.code, w.line) for w in source.warnings] == [(errors.W102, line)]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # crawled date lines: a label, a clock time or a dateline before the date
        ("Published : March 13, 2013", dt.date(2013, 3, 13)),
        (
            "PUBLISHED : WEDNESDAY, MARCH 13, 2013, 2 : 29 PM UPDATED : THURSDAY, MARCH 14",
            dt.date(2013, 3, 13),
        ),
        ("21 July 2013 Last updated at 11 : 11 GMT", dt.date(2013, 7, 21)),
        ("Updated 9 : 06 AM EST Dec 19, 2008 He hit 33 homers last season.", dt.date(2008, 12, 19)),
        ("MONDAY, JUNE 11TH, 2012 AT 10 : 49 AM", dt.date(2012, 6, 11)),
        ("Released 2013 - 09 - 28 05 : 08 : 35 GMT", dt.date(2013, 9, 28)),
        ("Posted 11 / 27 / 2005 7 : 21 AM", dt.date(2005, 11, 27)),
        ("Last updated 13 : 26 14 / 09 / 2013", dt.date(2013, 9, 14)),
        # April 9 or 4 September: no way to tell
        ("Updated 4 / 9 / 2007 6 : 04 PM", None),
        # other figures before the date: not a label but text
        ("Posted 1 year, 160 days ago [downloaded on 2 October 2013]", None),
        ("Harbour pilots to vote in 2014 on new rules March 2, 2013", None),
    ],
)
def test_corpus_metadata_date_lines_of_a_crawl(value, expected):
    from checker.corpus import parse_metadata_date

    assert parse_metadata_date(value) == expected


@pytest.mark.parametrize("value", ["next week", "yesterday", "1229326500"])
def test_corpus_metadata_dates_do_not_depend_on_the_clock_or_time_zone(value):
    assert parse_date_string(value) is None


def test_corpus_front_matter_without_article_text_is_an_error():
    with pytest.raises(InputError) as caught:
        make_source(
            source_id="a.md", story="ferry", path="a.md", raw_text="---\ndate: 2024-03-07\n---\n"
        )
    assert caught.value.code == errors.E102


def test_corpus_article_over_the_length_limit_is_an_error():
    raw = "Crews walked out. " * (MAX_ARTICLE_CHARS // 18 + 1)
    with pytest.raises(InputError) as caught:
        make_source(source_id="a.txt", story="ferry", path="a.txt", raw_text=raw)
    assert caught.value.code == errors.E111
    assert str(caught.value).startswith(f"a.txt: E111 article is {len(raw):,} characters long")


def test_corpus_front_matter_valid_yaml_gives_no_warning():
    source = make_source(source_id="a.txt", story="coalition", path="a.txt", raw_text=FRONT_MATTER)
    assert source.warnings == []


def test_corpus_front_matter_without_any_key_value_line_is_an_error():
    raw = "---\n[unclosed, list\n---\nFerry crews walked out on Thursday.\n"
    with pytest.raises(InputError) as caught:
        make_source(source_id="a.md", story="ferry", path="a.md", raw_text=raw)
    assert caught.value.code == errors.E107
    assert str(caught.value).startswith("a.md:")


UPDATED_LINE = (
    "Harbour strike: what we know\n"
    "\n"
    "Last updated: 7 March 2024, 10:15 GMT\n"
    "\n"
    "Ferry crews walked out on Tuesday, March 5.\n"
)


def test_corpus_make_source_reads_a_last_updated_line_below_the_headline():
    source = make_source(source_id="a.txt", story="ferry", path="a.txt", raw_text=UPDATED_LINE)
    assert source.published == dt.date(2024, 3, 7)
    assert source.published_from == "metadata"
    assert source.published_evidence == "publication line 'Last updated: 7 March 2024, 10:15 GMT'"


@pytest.mark.parametrize(
    "raw",
    [
        "Harbour strike\n" + "\n" * 8 + "Published: 7 March 2024\nFerry crews walked out.\n",
        "Published figures show ferry crews walked out on Tuesday.\n",
    ],
    ids=["below-the-top-lines", "not-a-date"],
)
def test_corpus_make_source_publication_line_only_at_the_top_with_a_date(raw):
    source = make_source(source_id="a.txt", story="ferry", path="a.txt", raw_text=raw)
    assert source.published is None


SAME_LINE_HEADER = (
    " date 2019-12-26 Estonian coalition leaders on Saturday convened a summit.\n"
    "BNS said the meeting would continue on Monday.\n"
)


def test_corpus_make_source_date_header_on_same_line_as_text():
    source = make_source(
        source_id="a.txt", story="coalition", path="a.txt", raw_text=SAME_LINE_HEADER
    )
    assert source.published == dt.date(2019, 12, 26)
    assert source.published_from == "metadata"
    assert source.text.startswith("Estonian coalition leaders")
    assert "2019-12-26" not in source.text


@pytest.mark.parametrize(
    ("word", "expected"), [("Saturday", (1, 48)), ("Estonian", (1, 18)), ("Monday", (2, 40))]
)
def test_corpus_source_position_after_same_line_header(word, expected):
    source = make_source(
        source_id="a.txt", story="coalition", path="a.txt", raw_text=SAME_LINE_HEADER
    )
    assert source.position(source.text.index(word)) == expected
    assert_position(SAME_LINE_HEADER, source, word)


@pytest.mark.parametrize(
    "raw",
    [
        b"\xef\xbb\xbf date 2019-12-26 Coalition leaders on Saturday convened a summit.\n",
        b"\xff\xfe"
        + " date 2019-12-26 Coalition leaders on Saturday convened a summit.\n".encode("utf-16-le"),
        b" date 2019-12-26 Coalition leaders on Saturday convened a summit.\r\n",
    ],
    ids=["utf-8-bom", "utf-16-le-bom", "crlf"],
)
def test_corpus_read_article_same_line_header_in_other_encodings(tmp_path, raw):
    path = tmp_path / "coalition.txt"
    path.write_bytes(raw)
    source = read_article(path, "coalition")
    assert source.published == dt.date(2019, 12, 26)
    assert source.text.startswith("Coalition leaders")
    assert source.position(source.text.index("Saturday")) == (1, 39)


def test_corpus_make_source_date_header_on_own_line():
    raw = "Date: 2024-03-07\nThe central bank held its rate decision on Tuesday.\n"
    source = make_source(source_id="a.txt", story="fed", path="a.txt", raw_text=raw)
    assert source.published == dt.date(2024, 3, 7)
    assert source.published_from == "metadata"
    assert source.text.startswith("The central bank")
    assert source.line_offset == 1
    assert source.position(source.text.index("Tuesday")) == (2, 44)
    assert_position(raw, source, "Tuesday")


def test_corpus_make_source_without_date_has_no_published():
    raw = "The central bank held its rate decision on Tuesday.\n"
    source = make_source(source_id="a.txt", story="fed", path="a.txt", raw_text=raw)
    assert source.published is None
    assert source.published_from == "none"
    assert source.text == raw
    assert source.position(source.text.index("Tuesday")) == (1, 44)


# --- datelines and outlets ---------------------------------------------------------------


def test_corpus_make_source_dateline_credit_gives_outlet():
    raw = "JAKARTA, June 13 (Archipelago Wire) - Indonesia's central bank held its key rate.\n"
    source = make_source(source_id="a.txt", story="rates", path="wire/a.txt", raw_text=raw)
    assert source.outlet == "Archipelago Wire"
    assert source.dateline is not None
    assert source.dateline.place == "JAKARTA"
    assert source.dateline.date_text == "June 13"
    assert source.dateline.credit == "Archipelago Wire"
    assert source.dateline.line == 1


@pytest.mark.parametrize(
    ("opening", "place", "date"),
    [
        ("TROMSØ, Norway, Nov 12 (Fjord Wire) - The ferry sailed.", "TROMSØ", "Nov 12"),
        ("ŁÓDŹ, Poland, May 4 (Fjord Wire) - The ferry sailed.", "ŁÓDŹ", "May 4"),
        ("AUSTIN, Texas, March 10 (Fjord Wire) - The ferry sailed.", "AUSTIN", "March 10"),
        ("PORT LOUIS, Mauritius (Fjord Wire) - The ferry sailed.", "PORT LOUIS", None),
    ],
    ids=["non-ascii", "non-latin1", "state", "no-date"],
)
def test_corpus_make_source_dateline_with_country_and_accents(opening, place, date):
    source = make_source(source_id="a.txt", story="s", path="a.txt", raw_text=opening + "\n")
    assert source.dateline is not None
    assert (source.dateline.place, source.dateline.date_text) == (place, date)
    assert source.dateline.credit == "Fjord Wire"


def test_corpus_make_source_dateline_line_counts_front_matter():
    raw = "---\ntitle: Rates on hold\n---\nJAKARTA, June 13 (Archipelago Wire) - Rates held.\n"
    source = make_source(source_id="a.txt", story="rates", path="a.txt", raw_text=raw)
    assert source.dateline is not None
    assert source.dateline.line == 4


def test_corpus_read_article_outlet_falls_back_to_file_stem(tmp_path):
    path = tmp_path / "baltic-herald.txt"
    path.write_text("Estonian coalition leaders convened a meeting.\n", encoding="utf-8")
    assert read_article(path, "coalition").outlet == "baltic-herald"


# --- JSONL -------------------------------------------------------------------------------


JSONL_RECORDS = [
    {
        "story": "coalition",
        "id": "afp-1",
        "outlet": "AFP",
        "published": "December 15th, 2008, 7 : 35 am",
        "text": "Coalition leaders convened a meeting on Saturday.",
    },
    {
        "story": "fed",
        "id": "rtr-1",
        "outlet": "Reuters",
        "published": "2024-03-07",
        "text": "The Fed held rates.",
    },
    {
        "story": "coalition",
        "id": "ap-1",
        "outlet": "AP",
        "text": "Coalition leaders met officials on Sunday.",
    },
]


def write_jsonl(path: Path, lines: list[str], *, prefix: bytes = b"") -> Path:
    path.write_bytes(prefix + "\n".join(lines).encode("utf-8") + b"\n")
    return path


def test_corpus_iter_stories_jsonl_groups_records_by_story(tmp_path):
    path = write_jsonl(tmp_path / "wire.jsonl", [json.dumps(r) for r in JSONL_RECORDS])
    stories = {s.name: s for s in load_all(path)}
    assert set(stories) == {"coalition", "fed"}
    assert [s.id for s in stories["coalition"].sources] == [f"{path}#afp-1", f"{path}#ap-1"]
    assert [s.outlet for s in stories["coalition"].sources] == ["AFP", "AP"]
    assert [s.id for s in stories["fed"].sources] == [f"{path}#rtr-1"]
    assert all(s.path == str(path) for story in stories.values() for s in story.sources)
    assert all(not story.errors for story in stories.values())


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("December 15th, 2008, 7 : 35 am", dt.date(2008, 12, 15)),
        ("2024-03-07", dt.date(2024, 3, 7)),
        ("March 7, 2024", dt.date(2024, 3, 7)),
    ],
)
def test_corpus_iter_stories_jsonl_parses_published_dates(tmp_path, published, expected):
    record = {
        "story": "coalition",
        "id": "1",
        "published": published,
        "text": "Leaders met officials.",
    }
    path = write_jsonl(tmp_path / "wire.jsonl", [json.dumps(record)])
    [story] = load_all(path)
    [source] = story.sources
    assert source.published == expected
    assert source.published_from == "metadata"


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("13/04/2025", dt.date(2025, 4, 13)),  # day first: one order fits
        ("04/13/2025", dt.date(2025, 4, 13)),  # month first: one order fits
        ("04/04/2025", dt.date(2025, 4, 4)),  # both orders give the same day
        ("03/04/2025", None),  # 4 March or 3 April
        ("03-04-2025 10:30", None),
        ("9 / 10 / 10", None),
    ],
)
def test_corpus_jsonl_slash_date_is_read_only_when_one_order_fits(tmp_path, published, expected):
    record = {
        "story": "harbour",
        "id": "hp-1",
        "published": published,
        "text": "The harbour board approved the dredging contract on Thursday.",
    }
    lines = [json.dumps(JSONL_RECORDS[1]), json.dumps(record)]
    path = write_jsonl(tmp_path / "wire.jsonl", lines)
    [source] = [s for story in load_all(path) for s in story.sources if s.story == "harbour"]
    assert source.published == expected
    warnings = [str(w) for w in source.warnings]
    if expected is None:
        assert warnings == [
            f"{path}:2: W102 metadata date {published!r} fits both day-month and month-day "
            "order; read as undated"
        ]
    else:
        assert warnings == []


def test_corpus_jsonl_front_matter_warning_names_the_record_line(tmp_path):
    # the warning points at the record's line of the file (line 2), not at the line inside
    # the record's text YAML stopped at (line 3 of the file is no line of this record)
    record = {
        "story": "harbour",
        "id": "hp-2",
        "text": "---\ntitle: [the harbour board\ndate: 2025-03-04\n---\n"
        "The harbour board approved the dredging contract on Thursday.\n",
    }
    lines = [json.dumps(JSONL_RECORDS[1]), json.dumps(record)]
    path = write_jsonl(tmp_path / "wire.jsonl", lines)
    [source] = [s for story in load_all(path) for s in story.sources if s.story == "harbour"]
    [warning] = source.warnings
    assert str(warning).startswith(f"{path}:2: W101 front matter is not valid YAML")
    assert str(warning).endswith("(line 3 of the record's text)")


@pytest.mark.parametrize(
    ("raw", "line"),
    [
        ("---\ndate: 03/04/2025\n---\nThe harbour board met on Thursday.\n", 2),
        ("date 03/04/2025\nThe harbour board met on Thursday.\n", 1),
    ],
    ids=["front matter", "date line"],
)
def test_corpus_ambiguous_slash_date_in_an_article_head_is_undated_with_a_warning(raw, line):
    source = make_source(source_id="a.md", story="harbour", path="a.md", raw_text=raw)
    assert source.published is None
    assert source.text == "The harbour board met on Thursday.\n"
    assert [(w.code, w.line) for w in source.warnings] == [(errors.W102, line)]
    assert "fits both day-month and month-day order" in str(source.warnings[0])


def test_corpus_iter_stories_jsonl_bad_lines_name_file_and_line(tmp_path):
    lines = [json.dumps(r) for r in JSONL_RECORDS]
    lines.append(json.dumps({"story": "coalition", "id": "no-text", "outlet": "AP"}))
    lines.append('{"story": "coalition", "id": "cut", "text": "Coalition leaders conv')
    path = write_jsonl(tmp_path / "wire.jsonl", lines)
    stories = load_all(path)
    loaded = sorted(s.id for story in stories for s in story.sources)
    assert loaded == sorted(f"{path}#{r['id']}" for r in JSONL_RECORDS)
    found = sorted((e.line, e.code, str(e)) for story in stories for e in story.errors)
    assert [(line, code) for line, code, _ in found] == [(4, errors.E106), (5, errors.E105)]
    assert found[0][2].startswith(f"{path}:4: E106 ")
    assert found[1][2].startswith(f"{path}:5: E105 ")


def test_corpus_jsonl_duplicate_id_is_an_error_at_its_line_and_the_rest_is_read(tmp_path):
    lines = [json.dumps(r) for r in JSONL_RECORDS]
    again = {"story": "fed", "id": "afp-1", "text": "The central bank kept its key rate at 4%."}
    lines.insert(1, json.dumps(again))
    path = write_jsonl(tmp_path / "wire.jsonl", lines)
    stories = load_all(path)
    loaded = sorted(s.id for story in stories for s in story.sources)
    assert loaded == sorted(f"{path}#{r['id']}" for r in JSONL_RECORDS)
    [error] = [e for story in stories for e in story.errors]
    assert str(error) == (
        f"{path}:2: E106 record id 'afp-1' is already used at line 1; line skipped"
    )


def test_corpus_jsonl_record_without_id_cannot_take_an_id_already_used(tmp_path):
    lines = [
        json.dumps({"id": "2", "text": "The ferry sailed at dawn with 40 passengers."}),
        json.dumps({"text": "The harbour master said the ferry sailed at dawn."}),
    ]
    path = write_jsonl(tmp_path / "wire.jsonl", lines)
    stories = load_all(path)
    assert [s.id for story in stories for s in story.sources] == [f"{path}#2"]
    assert [(e.line, e.code) for story in stories for e in story.errors] == [(2, errors.E106)]


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("id", ["afp", 2], "'id' is an array, expected a string or an integer"),
        ("id", 2.5, "'id' is a number, expected a string or an integer"),
        ("id", True, "'id' is true or false, expected a string or an integer"),
        ("text", 17, "'text' is a number, expected a string"),
        ("text", ["Ministers met."], "'text' is an array, expected a string"),
        ("story", {"name": "budget"}, "'story' is an object, expected a string"),
        ("outlet", 7, "'outlet' is a number, expected a string"),
        ("title", ["Budget vote"], "'title' is an array, expected a string"),
        ("published", ["2024-03-07"], "'published' is an array, expected a string"),
        ("date", False, "'date' is true or false, expected a string"),
    ],
)
def test_corpus_jsonl_field_of_the_wrong_type_is_an_error_for_that_record(
    tmp_path, field, value, says
):
    bad = {"story": "coalition", "id": "bad-1", "text": "Ministers met on Friday."} | {field: value}
    lines = [json.dumps(JSONL_RECORDS[0]), json.dumps(bad), json.dumps(JSONL_RECORDS[1])]
    path = write_jsonl(tmp_path / "wire.jsonl", lines)
    stories = load_all(path)
    loaded = sorted(s.id for story in stories for s in story.sources)
    assert loaded == [f"{path}#afp-1", f"{path}#rtr-1"]
    [error] = [e for story in stories for e in story.errors]
    assert str(error) == f"{path}:2: E106 record's {says}; line skipped"


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ('{"id": "x"}', "record has no 'text'"),
        ('{"id": "x", "text": "  "}', "record's 'text' is empty"),
    ],
)
def test_corpus_jsonl_line_that_is_no_record_says_why(tmp_path, line, says):
    path = write_jsonl(tmp_path / "wire.jsonl", [line, json.dumps(JSONL_RECORDS[1])])
    stories = load_all(path)
    assert [s.id for story in stories for s in story.sources] == [f"{path}#rtr-1"]
    [error] = [e for story in stories for e in story.errors]
    assert str(error) == f"{path}:1: E106 {says}; line skipped"


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("[1, 2]", "not a JSON object (the line is an array)"),
        ('"The ferry sailed at dawn."', "not a JSON object (the line is a string)"),
        ("17", "not a JSON object (the line is a number)"),
        ("null", "not a JSON object (the line is null)"),
        (
            '{"id": "cut", "text": "The ferry sailed at dawn.',
            "not valid JSON (Unterminated string starting at column 23)",
        ),
        (
            '{"id": "x", "text": "A ferry sank." "more"}',
            "not valid JSON (Expecting ',' delimiter at column 37)",
        ),
    ],
)
def test_corpus_jsonl_line_that_is_not_a_json_object_is_e105_with_its_column(tmp_path, line, says):
    path = write_jsonl(tmp_path / "wire.jsonl", [json.dumps(JSONL_RECORDS[1]), line])
    stories = load_all(path)
    assert [s.id for story in stories for s in story.sources] == [f"{path}#rtr-1"]
    [error] = [e for story in stories for e in story.errors]
    assert str(error) == f"{path}:2: E105 {says}; line skipped"


@pytest.mark.parametrize("field", ["published", "date"])
def test_corpus_jsonl_date_given_as_a_number_is_undated_with_a_warning(tmp_path, field):
    record = {
        "story": "harbour",
        "id": "hp-2",
        field: 20250315,
        "text": "The harbour board approved the dredging contract on Thursday.",
    }
    path = write_jsonl(tmp_path / "wire.jsonl", [json.dumps(JSONL_RECORDS[1]), json.dumps(record)])
    stories = load_all(path)
    assert [e for story in stories for e in story.errors] == []
    [source] = [s for story in stories for s in story.sources if s.story == "harbour"]
    assert source.published is None
    assert [str(w) for w in source.warnings] == [
        f"{path}:2: W102 metadata date 20250315 is a number, not a date; read as undated"
    ]


def test_corpus_jsonl_integer_id_and_null_fields_are_read(tmp_path):
    record = {
        "id": 17,
        "story": "ferry",
        "outlet": None,
        "published": None,
        "text": "A ferry sank.",
    }
    path = write_jsonl(tmp_path / "wire.jsonl", [json.dumps(record)])
    [story] = load_all(path)
    assert story.errors == []
    assert [s.id for s in story.sources] == [f"{path}#17"]


def test_corpus_jsonl_date_and_source_fields_read_as_published_and_outlet(tmp_path):
    record = {"id": "1", "date": "2024-03-07", "source": "Harbour Gazette", "text": "A ferry sank."}
    path = write_jsonl(tmp_path / "wire.jsonl", [json.dumps(record)])
    [story] = load_all(path)
    [source] = story.sources
    assert (source.published, source.outlet) == (dt.date(2024, 3, 7), "Harbour Gazette")


def test_corpus_iter_stories_jsonl_with_utf8_bom(tmp_path):
    path = write_jsonl(
        tmp_path / "wire.jsonl", [json.dumps(r) for r in JSONL_RECORDS], prefix=b"\xef\xbb\xbf"
    )
    stories = load_all(path)
    assert [e for story in stories for e in story.errors] == []
    assert sum(len(story.sources) for story in stories) == len(JSONL_RECORDS)


# --- folders and corpora -----------------------------------------------------------------


def test_corpus_iter_stories_folder_of_articles_is_one_story(tmp_path):
    story = tmp_path / "coalition"
    story.mkdir()
    (story / "afp.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (story / "dw.md").write_text(BOGOTA_SENTENCE, encoding="utf-8")
    (story / "notes.json").write_text("{}", encoding="utf-8")
    (story / "README.txt").write_text("How this folder was made.", encoding="utf-8")
    [loaded] = load_all(story)
    assert loaded.name == "coalition"
    assert [Path(s.path).name for s in loaded.sources] == ["afp.txt", "dw.md"]
    assert all(s.story == "coalition" for s in loaded.sources)


def test_corpus_iter_stories_folder_of_folders_is_a_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    for story_name, files in {"coalition": ["afp.txt", "dw.txt"], "fed": ["reuters.txt"]}.items():
        (corpus / story_name).mkdir(parents=True)
        for file_name in files:
            (corpus / story_name / file_name).write_text(GOOD_ARTICLE, encoding="utf-8")
    stories = {s.name: s for s in load_all(corpus)}
    assert set(stories) == {"coalition", "fed"}
    assert [Path(s.path).name for s in stories["coalition"].sources] == ["afp.txt", "dw.txt"]
    assert [Path(s.path).name for s in stories["fed"].sources] == ["reuters.txt"]
    assert all(s.story == name for name, story in stories.items() for s in story.sources)
    assert all(not story.errors for story in stories.values())


def test_corpus_iter_stories_empty_folder_gives_e108(tmp_path):
    [loaded] = load_all(tmp_path)
    assert loaded.sources == []
    [error] = loaded.errors
    assert error.code == errors.E108
    assert str(tmp_path) in str(error)


def run_with_deadline(paths: list[Path], seconds: float = 20) -> list[StoryInput]:
    """Load ``paths`` in a daemon thread; fail (instead of hanging) past ``seconds``."""
    outcome: list = []

    def load() -> None:
        try:
            outcome.append(load_all(*paths))
        except BaseException as exc:  # reported by the assertion below
            outcome.append(exc)

    worker = threading.Thread(target=load, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"loading {paths} did not finish in {seconds} s"
    assert not isinstance(outcome[0], BaseException), outcome[0]
    return outcome[0]


def test_corpus_iter_stories_folder_symlink_loop_terminates(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "coalition").mkdir(parents=True)
    (corpus / "coalition" / "afp.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (corpus / "coalition" / "back").symlink_to(corpus, target_is_directory=True)
    (corpus / "coalition" / "self").symlink_to(corpus / "coalition", target_is_directory=True)
    stories = run_with_deadline([corpus])
    sources = [s.path for story in stories for s in story.sources]
    assert sources == [str(corpus / "coalition" / "afp.txt")]
    loop_errors = [e for story in stories for e in story.errors]
    assert loop_errors
    assert all(e.code == errors.E104 for e in loop_errors)


def test_corpus_iter_stories_file_symlink_loop_is_an_input_error(tmp_path):
    story = tmp_path / "coalition"
    story.mkdir()
    (story / "afp.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (story / "loop.txt").symlink_to(story / "loop.txt")
    [loaded] = run_with_deadline([story])
    assert [Path(s.path).name for s in loaded.sources] == ["afp.txt"]
    [error] = loaded.errors
    assert error.code == errors.E104
    assert str(story / "loop.txt") in str(error)


@pytest.mark.parametrize(
    ("link", "named"),
    [("copy.txt", False), ("a-copy.txt", False), ("copy.txt", True)],
    ids=["link after", "link first", "files named"],
)
def test_corpus_one_article_reached_twice_is_one_source(tmp_path, link, named):
    # a link beside its file was a second source: its statements counted twice in
    # agreements and in a name's majority, outvoting a third outlet
    story = tmp_path / "flood"
    story.mkdir()
    (story / "wire.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (story / "herald.txt").write_text(
        "RIGA (LETA) - Latvian ministers met flood officials on Monday.\n", encoding="utf-8"
    )
    (story / link).symlink_to(story / "wire.txt")
    paths = sorted(story.iterdir()) if named else [story]
    [loaded] = run_with_deadline(paths)
    assert sorted(Path(s.path).name for s in loaded.sources) == ["herald.txt", "wire.txt"]
    assert loaded.errors == []
    [wire] = [s for s in loaded.sources if s.path.endswith("wire.txt")]
    [warning] = wire.warnings
    assert (warning.code, warning.path) == (errors.W103, str(story / link))
    assert str(story / "wire.txt") in str(warning)


@pytest.mark.parametrize(
    "value",
    [
        "March 3, 2021",
        "Wednesday, March 3, 2021",
        "Wed, 3 Mar 2021",
        "MARCH 03, 2021",
        "Mar. 3 2021 at 11:45 pm EST",
        "March 3rd, 2021, 7 : 35 am",
        "3 March 2021 23:59:59",
        "Sept 3, 2021 - 4:43 pm",
        "Thursday, March 3, 2021",
        "February 30, 2021",
        "Posted on March 3, 2021",
    ],
)
def test_written_dates_read_without_dateparser_as_dateparser_reads_them(value):
    """The fast path for common written dates gives dateparser's answer, and leaves to it what
    it does not read itself (a weekday that does not fit, an impossible day, leading words)."""
    import dateparser

    from checker.corpus import parse_date_string

    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", re.sub(r"\s*:\s*", ":", value))
    expected = dateparser.parse(
        cleaned,
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False},
    )
    assert parse_date_string(value) == (expected.date() if expected else None)


def test_written_date_fast_path_reads_common_forms_only():
    from checker.corpus import _written_date

    assert _written_date("Wed, 3 Mar 2021") == dt.date(2021, 3, 3)
    assert _written_date("March 3, 2021 at 11:45pm EST") == dt.date(2021, 3, 3)
    assert _written_date("Thursday, March 3, 2021") is None  # the 3rd was a Wednesday
    assert _written_date("February 30, 2021") is None
    assert _written_date("Posted on March 3, 2021") is None
