"""Load articles into stories: files, folders, corpora of folders and JSONL.

Reads bytes, decodes them, strips front matter and header lines, and records the
metadata the file states (publication date, outlet, title) and its dateline. It
never writes anything.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import json
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex
import yaml

from checker import errors
from checker.errors import InputError
from checker.model import Dateline, Source
from checker.suppress import find_suppressions

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".text")
"""File endings read as articles inside a folder."""

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_HEADER = re.compile(
    r"^[ \t\ufeff]*(?P<key>date|published|dateline|outlet|source|title)[ \t]*:?[ \t]+(?P<rest>.*)$",
    re.IGNORECASE,
)
_PUBLICATION_LINE = re.compile(
    r"^[ \t]*(?:(?:last|first)[ \t]+)?(?:updated|published|posted)(?:[ \t]+on)?[ \t]*:?[ \t]+"
    r"(?P<rest>[^\n]{6,60}?)[ \t]*$",
    re.IGNORECASE,
)
"""A line stating when the article was published or updated ("Last updated: 15 May 2026,
09:40 CEST", "Published on March 3, 2024"), read in the first lines of the text."""
_PUBLICATION_LINE_SPAN = 6
"""How many lines at the top of the text may hold that line (below a headline, a byline)."""
_DATELINE = regex.compile(
    r"^(?P<place>\p{Lu}[\p{Lu}.'\u2019 -]{1,40}?[\p{Lu}.])"
    r"(?:,\s*(?P<region>\p{Lu}[\p{L}.]+(?:\s+\p{Lu}[\p{L}.]+){0,3}))?"  # ", Turkey"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"\s*(?:\((?P<credit>[^()\n]{2,40})\))?"
    r"\s*[-\u2013\u2014]+\s"
)


@dataclass
class StoryInput:
    """The sources of one story as loaded, plus the files that could not be read."""

    name: str
    """Story name (folder name, JSONL ``story`` field, or file stem)."""
    sources: list[Source] = field(default_factory=list)
    """Articles read successfully."""
    errors: list[InputError] = field(default_factory=list)
    """One error per file (or JSONL line) that could not be read."""


def decode_bytes(raw: bytes, path: str) -> str:
    """Decode an article file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252
    (what Word and older newsroom systems save: curly quotes and dashes in bytes 0x80-0x9F),
    else Latin-1.

    Raises InputError (E102 empty, E103 binary) naming ``path``.
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        text = raw[3:].decode("utf-8", errors="replace")
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(errors.E103, f"not valid UTF-16 text ({exc.reason})", path) from None
    else:
        if b"\x00" in raw[:8192]:
            raise InputError(
                errors.E103, "binary file, expected text (UTF-8, UTF-16 with BOM or Latin-1)", path
            )
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = raw.decode("cp1252")
            except UnicodeDecodeError:  # one of the five bytes cp1252 leaves undefined
                text = raw.decode("latin-1")
            controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f")
            if controls > max(8, len(text[:8192]) // 100):
                raise InputError(errors.E103, "binary file, expected text", path) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(errors.E102, "empty file, expected an article", path)
    return text


_NUMERIC_DATE = re.compile(
    r"(?P<first>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<second>\d{1,2})\s*(?P=sep)\s*\d{2}(?:\d\d)?(?!\d)"
)
"""A date written in numbers, day and month in either order: ``03/04/2025``, ``9 / 10 / 10``."""


def ambiguous_numeric_date(value: str) -> bool:
    """True for a date in numbers that both orders fit: ``03/04/2025`` is 4 March or 3 April.

    ``13/04/2025``, ``04/13/2025`` and ``04/04/2025`` have one reading and are not ambiguous.
    """
    found = _NUMERIC_DATE.match(value.strip().strip("'\""))
    if found is None:
        return False
    first, second = int(found["first"]), int(found["second"])
    return 1 <= first <= 12 and 1 <= second <= 12 and first != second


@lru_cache(maxsize=4096)
def parse_date_string(value: str) -> dt.date | None:
    """Parse a metadata date such as ``2019-12-26`` or ``December 15th, 2008, 7 : 35 am``.

    ISO dates are read directly; other forms go through dateparser (English only). A date
    in numbers that both day-first and month-first orders fit (``03/04/2025``) is None.
    """
    value = value.strip().strip("'\"")
    iso = _ISO_DATE.match(value)
    if iso:
        try:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            return None
    if ambiguous_numeric_date(value):
        return None
    cleaned = _plain_date_text(value)
    written = _written_date(cleaned)
    if written is not None:
        return written
    parsed = _free_form_date_parser().get_date_data(cleaned)["date_obj"]
    return parsed.date() if parsed else None


@lru_cache(maxsize=1)
def _free_form_date_parser() -> Any:
    """dateparser's parser of English metadata dates, made once: ``dateparser.parse`` with
    languages and settings builds a new one at every call (a third of the call's time)."""
    from dateparser.date import DateDataParser  # imported lazily: 0.5 s, rarely needed

    return DateDataParser(
        languages=["en"],
        settings={
            "REQUIRE_PARTS": ["day", "month", "year"],
            "RETURN_AS_TIMEZONE_AWARE": False,
            # no relative dates ("next week" would be read against today's clock) and no
            # Unix timestamps (read in the machine's time zone): the same file, the same date
            "PARSERS": ["custom-formats", "absolute-time"],
        },
    )


_MONTH_NUMBERS = {
    name: number
    for number in range(1, 13)
    for name in (
        dt.date(2000, number, 1).strftime("%B").lower(),
        dt.date(2000, number, 1).strftime("%b").lower(),
    )
} | {"sept": 9}
_WEEKDAY_NUMBERS = {
    name: number
    for number in range(7)
    for name in (
        dt.date(2001, 1, 1 + number).strftime("%A").lower(),
        dt.date(2001, 1, 1 + number).strftime("%a").lower(),
    )
}
_WRITTEN_DATE = re.compile(
    r"(?:(?P<weekday>[A-Za-z]+),?\s+)?"
    r"(?:(?P<month>[A-Za-z]+)\.?\s+(?P<day>\d{1,2}),?|(?P<day_first>\d{1,2})\s+(?P<month_after>[A-Za-z]+)\.?,?)"
    r"\s+(?P<year>(?:19|20)\d\d)"
    r"(?:,?\s+(?:at\s+|-\s+)?\d{1,2}:\d\d(?::\d\d)?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?)?"
)
"""A date in words, perhaps after a weekday and before a clock time ("Tuesday, December 16,
2008", "16 Dec 2008", "December 15, 2008 at 1:00pm CST"): the time never moves the date."""


def _written_date(value: str) -> dt.date | None:
    """The date of the commonest written forms ("December 15, 2008", "Tue, 16 Dec 2008"),
    read without dateparser; None for anything else (dateparser reads it), including a
    weekday that does not fit the date."""
    found = _WRITTEN_DATE.fullmatch(value)
    if found is None:
        return None
    month = _MONTH_NUMBERS.get((found["month"] or found["month_after"]).lower())
    if month is None:
        return None
    try:
        date = dt.date(int(found["year"]), month, int(found["day"] or found["day_first"]))
    except ValueError:
        return None
    weekday = found["weekday"]
    if weekday is not None and _WEEKDAY_NUMBERS.get(weekday.lower()) != date.weekday():
        return None
    return date


_DATE_IN_LINE = re.compile(
    r"(?P<written>(?:[A-Za-z]+,?\s+)?(?:[A-Za-z]+\.?\s+\d{1,2},?|\d{1,2}\s+[A-Za-z]+\.?,?)\s+(?:19|20)\d\d)"
    r"|(?P<year>(?:19|20)\d\d)\s?[-.]\s?(?P<month>\d\d)\s?[-.]\s?(?P<day>\d\d)\b"
    r"|\b(?P<first>\d{1,2})\s?/\s?(?P<second>\d{1,2})\s?/\s?(?P<slash_year>(?:19|20)\d\d)\b"
)
"""A date inside a crawled date line: in words ("Wednesday, March 13, 2013", "21 July 2013"),
year first ("2013 - 09 - 26", "2012.08.08") or with slashes ("11 / 27 / 2005")."""
_DATE_LABEL = re.compile(
    r"(?:[A-Za-z]+\.?|\d{1,2}:\d\d(?::\d\d)?(?:\s?[AaPp]\.?\s?[Mm]\.?)?|[\s,:;|()\[\]\-–—/])*"
)
"""What may stand before the date in such a line: words ("Published", "Last updated at",
"WASHINGTON, DC,"), clock times and punctuation, but no other figure ("Posted 1 year, 160
days ago [downloaded on 2 October 2013]" gives no publication date)."""
LONGEST_DATE_LABEL = 60
"""Characters before the date in such a line, at most."""


def _labelled_date(value: str) -> dt.date | None:
    """The first date of a crawled date line after a label, a dateline or a clock time
    ("Published : March 13, 2013", "Updated 9:06 AM EST Dec 19, 2008", "21 July 2013 Last
    updated at 11:11 GMT"); a date with slashes only when no other order fits it."""
    for found in _DATE_IN_LINE.finditer(value):
        if found.start() > LONGEST_DATE_LABEL or not _DATE_LABEL.fullmatch(value[: found.start()]):
            return None
        if found["written"]:
            date = _written_date(found["written"])
            if date is None and found["written"][:1].isalpha():
                date = _written_date(found["written"].split(None, 1)[1])  # a label, no weekday
        elif found["year"]:
            date = _safe_date(int(found["year"]), int(found["month"]), int(found["day"]))
        else:
            first, second = int(found["first"]), int(found["second"])
            if first <= 12 and second <= 12 and first != second:
                return None  # "4 / 9 / 2007": April 9 or 4 September
            month, day = (first, second) if first <= 12 else (second, first)
            date = _safe_date(int(found["slash_year"]), month, day)
        if date is not None:
            return date
    return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_metadata_date(value: str) -> dt.date | None:
    """The date of a metadata value: ``parse_date_string``, else the first date of a crawled
    date line (``_labelled_date``)."""
    return parse_date_string(value) or _labelled_date(_plain_date_text(value.strip()))


def _plain_date_text(value: str) -> str:
    """``value`` with spaced colons closed ("11 : 11" -> "11:11") and ordinal endings
    dropped ("13th", "11TH" -> "13", "11")."""
    cleaned = re.sub(r"\s*:\s*", ":", value)
    return re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", cleaned, flags=re.IGNORECASE)


_FRONT_MATTER_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(?P<value>.*?))?[ \t]*$")
"""One ``key: value`` line of front matter, read without YAML."""


def _front_matter_lines(block: str) -> dict[str, str]:
    """Read front matter that YAML rejects line by line: each unindented ``key: value``
    line gives the value as written (a quoted value keeps its quotes unless the
    whole value is one quoted string); other lines are skipped."""
    meta: dict[str, str] = {}
    for line in block.split("\n"):
        found = _FRONT_MATTER_LINE.match(line)
        if found is None or found["key"].lower() in meta:
            continue
        value = found["value"] or ""
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            inner = value[1:-1]
            if value[0] not in inner:
                value = inner
        meta[found["key"].lower()] = value
    return meta


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader, with dates left as text: ``date: 2019-13-45`` is then a value the
    checker can report, not an exception inside the YAML library."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


_BLANK_LINES = re.compile(r"(?:[ \t]*\n)*")
"""Blank lines at the top of a file, above its front matter's opening '---'."""


def _front_matter(text: str, path: str) -> tuple[dict, str, int, list[InputError]]:
    """Split YAML front matter off ``text``.

    Blank lines above the opening ``---`` (a paste's stray empty line) are skipped: the
    front matter is read, and the lines consumed count them, so evidence keeps its line.

    Returns (metadata, body, lines consumed, warnings). Front matter YAML cannot parse
    is read line by line as ``key: value`` instead, with a W101 warning naming the line
    YAML stopped at; front matter that is never closed, or in which no line reads as
    ``key: value``, is an E107 error.
    """
    opened = _BLANK_LINES.match(text).end()  # blank lines above it are no article text
    if not text.startswith("---\n", opened):
        return {}, text, 0, []
    first_line = text.count("\n", 0, opened) + 1  # the line of the opening '---'
    end = text.find("\n---", opened + 4)
    if end < 0:
        raise InputError(
            errors.E107, "front matter opened with '---' is never closed", path, first_line
        )
    block = text[opened + 4 : end]
    warnings: list[InputError] = []
    try:
        meta = yaml.load(block, Loader=_FrontMatterLoader) or {}  # noqa: S506 (a safe loader)
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + first_line + 1 if mark is not None else first_line
        meta = _front_matter_lines(block)
        if not meta:
            raise InputError(
                errors.E107,
                f"front matter is not valid YAML ({exc.__class__.__name__})",
                path,
                line,
            ) from None
        warnings.append(
            InputError(
                errors.W101,
                f"front matter is not valid YAML ({exc.__class__.__name__}); "
                "read line by line as 'key: value'",
                path,
                line,
            )
        )
    if not isinstance(meta, dict):
        raise InputError(
            errors.E107, "front matter must be a mapping of keys to values", path, first_line + 1
        )
    after = text.find("\n", end + 4)
    body_start = len(text) if after < 0 else after + 1
    return meta, text[body_start:], text[:body_start].count("\n"), warnings


def _header_lines(body: str) -> tuple[dict, str, int, int]:
    """Read leading ``date 2019-12-26`` / ``Date: ...`` header lines off ``body``.

    An ISO date may be followed by article text on the same line (the header then
    ends after the date). Returns (metadata, text, lines consumed, column offset).
    """
    meta: dict[str, str] = {}
    lines_used = 0
    rest = body
    while True:
        line_end = rest.find("\n")
        line = rest if line_end < 0 else rest[:line_end]
        match = _HEADER.match(line)
        if not match:
            break
        key = match["key"].lower()
        value = match["rest"].strip()
        if key in ("date", "published"):
            iso = _ISO_DATE.match(value)
            if iso:
                consumed = match.start("rest") + iso.end()
                tail = line[consumed:]
                meta["date"] = iso[0]
                if tail.strip():
                    stripped = len(tail) - len(tail.lstrip())
                    return meta, rest[consumed + stripped :], lines_used, consumed + stripped
            elif parse_date_string(value) is not None or ambiguous_numeric_date(value):
                meta["date"] = value  # an ambiguous one is read as undated, with W102
            else:
                break
        elif key == "dateline":
            break
        else:
            has_colon = ":" in line[: match.start("rest")]
            if not has_colon or len(value) > 120:
                break
            meta[key] = value
        if line_end < 0:
            return meta, "", lines_used + 1, 0
        rest = rest[line_end + 1 :]
        lines_used += 1
    return meta, rest, lines_used, 0


def find_publication_line(text: str) -> tuple[dt.date, str] | None:
    """The date of a "Last updated: ..." / "Published ..." line among the first lines of
    ``text``, with the line; None when there is none or its date does not parse."""
    for line in text.split("\n", _PUBLICATION_LINE_SPAN)[:_PUBLICATION_LINE_SPAN]:
        found = _PUBLICATION_LINE.match(line)
        if found:
            date = parse_metadata_date(found["rest"])
            if date is not None:
                return date, line.strip()
    return None


def find_dateline(text: str, line_offset: int = 0) -> Dateline | None:
    """Find a wire dateline (``JAKARTA, June 13 (Archipelago Wire) -``) in the first paragraphs."""
    offset = 0
    for paragraph_no, paragraph in enumerate(text.split("\n")):
        if paragraph_no > 12:
            break
        stripped = paragraph.lstrip()
        match = _DATELINE.match(stripped)
        if match and (match["date"] or match["credit"] or len(match["place"]) >= 4):
            line = line_offset + text[:offset].count("\n") + 1
            start = offset + len(paragraph) - len(stripped)
            return Dateline(
                place=match["place"].strip(),
                date_text=match["date"],
                credit=match["credit"].strip() if match["credit"] else None,
                line=line,
                start=start,
                end=start + match.end(),
                region=match["region"],
            )
        offset += len(paragraph) + 1
    return None


def make_source(
    *,
    source_id: str,
    story: str,
    path: str,
    raw_text: str,
    meta: dict | None = None,
) -> Source:
    """Build a Source from decoded text: front matter, header lines, dateline, metadata.

    Args:
        source_id (str): stable id of the article.
        story (str): story name.
        path (str): the file it came from.
        raw_text (str): the decoded file content (or JSONL ``text``).
        meta (dict | None): metadata known from outside the text (JSONL fields). Defaults to None.

    Raises InputError (E111) for a text longer than ``MAX_ARTICLE_CHARS``, E102 for one
    with nothing below its front matter or header lines, and the front matter's errors (E107).
    """
    if len(raw_text) > MAX_ARTICLE_CHARS:
        raise _too_long(len(raw_text), "characters", path)
    front, body, front_lines, warnings = _front_matter(raw_text, path)
    headers, text, header_lines, column_offset = _header_lines(body)
    if not text.strip():
        raise InputError(errors.E102, "no article text after its front matter or headers", path)
    text, suppressions = find_suppressions(text, front_lines + header_lines)
    merged: dict = {}
    for layer in (meta or {}, headers, front):  # front matter wins, then headers, then JSONL
        merged.update({str(k).lower(): v for k, v in layer.items() if v not in (None, "")})
    source = Source(
        id=source_id,
        story=story,
        path=path,
        text=text,
        line_offset=front_lines + header_lines,
        column_offset=column_offset,
        suppressions=suppressions,
        warnings=warnings,
    )
    date_value = merged.get("date", merged.get("published"))
    if isinstance(date_value, dt.datetime):
        source.published = date_value.date()
    elif isinstance(date_value, dt.date):
        source.published = date_value
    elif date_value is not None:
        source.published = parse_metadata_date(str(date_value))
    if source.published is not None:
        source.published_from = "metadata"
        source.published_evidence = f"metadata date {date_value}"
    elif date_value is not None:
        warnings.append(_not_a_date(date_value, raw_text, front_lines + header_lines, path))
    elif (stated := find_publication_line(text)) is not None:
        source.published, line = stated
        source.published_from = "metadata"
        source.published_evidence = f"publication line '{line}'"
    source.title = str(merged["title"]) if "title" in merged else None
    source.dateline = find_dateline(text, source.line_offset)
    outlet = merged.get("outlet") or merged.get("source")
    if not outlet and source.dateline and source.dateline.credit:
        outlet = source.dateline.credit
    source.outlet = str(outlet) if outlet else Path(path).stem
    return source


def _not_a_date(value: object, raw_text: str, head_lines: int, path: str) -> InputError:
    """W102 for a metadata date that is no date ("2019-13-45"), on the line that gives it
    when it is in the file's head (front matter or header lines)."""
    line = next(
        (
            number
            for number, text in enumerate(raw_text.split("\n", head_lines)[:head_lines], start=1)
            if text.strip().lower().startswith(("date", "published"))
        ),
        None,
    )
    problem = (
        "fits both day-month and month-day order"
        if isinstance(value, str) and ambiguous_numeric_date(value)
        else "is not a date"
    )
    return InputError(
        errors.W102, f"metadata date {str(value)!r} {problem}; read as undated", path, line
    )


MAX_ARTICLE_CHARS = 1_000_000
"""Longest article text checked, in characters (spaCy's own default limit): a news article is
a few thousand; a file longer than this is a corpus dump or a log, not one article."""


def _too_long(size: int, unit: str, name: str) -> InputError:
    return InputError(
        errors.E111,
        f"article is {size:,} {unit} long, more than the {MAX_ARTICLE_CHARS:,} characters one "
        "article may have; split it into articles",
        name,
    )


def read_article(path: Path, story: str) -> Source:
    """Read one article file into a Source; raise InputError naming the file."""
    name = str(path)
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode) and not stat.S_ISDIR(status.st_mode):
            # a named pipe or a device would block the run or never end
            raise InputError(errors.E104, "is not a regular file (a pipe or device)", name)
        size = status.st_size
        if (
            size > 4 * MAX_ARTICLE_CHARS
        ):  # never read a huge file whole: 4 bytes a character at most
            raise _too_long(size, "bytes", name)
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(errors.E101, "no such file", name) from None
    except IsADirectoryError:
        raise InputError(errors.E104, "is a folder, expected a file", name) from None
    except OSError as exc:
        raise InputError(errors.E104, f"cannot be read ({exc.strerror or exc})", name) from None
    if not raw:
        raise InputError(errors.E102, "empty file, expected an article", name)
    return make_source(source_id=name, story=story, path=name, raw_text=decode_bytes(raw, name))


def _article_files(folder: Path) -> list[Path]:
    """Article files directly inside ``folder``, sorted by name."""
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError:
        return []
    return [
        p
        for p in entries
        if p.suffix.lower() in ARTICLE_SUFFIXES
        and not p.name.startswith(".")
        and not p.name.upper().startswith("README")
        and (p.is_file() or not p.exists())
    ]


def _index_jsonl(handle, name: str) -> tuple[dict[str, list[tuple[int, int]]], list[InputError]]:
    """First pass over a JSONL file: (line number, byte offset) of each story's records.

    Only positions are kept, so memory does not grow with the articles' text. Lines that
    are not well-formed records (``_parse_record``), and records whose id an earlier line
    of the file already gave, become errors (the line is skipped; the others are read).
    """
    positions: dict[str, list[tuple[int, int]]] = {}
    bad: list[InputError] = []
    first_line_of: dict[str, int] = {}
    offset = 0
    for line_no, raw_line in enumerate(handle, start=1):
        here, offset = offset, offset + len(raw_line)
        if not raw_line.strip():
            continue
        record = _parse_record(raw_line, line_no)
        if not isinstance(record, InputError):
            record_id = _record_id(record, line_no)
            first = first_line_of.setdefault(record_id, line_no)
            if first != line_no:
                record = InputError(
                    errors.E106,
                    f"record id {record_id!r} is already used at line {first}; line skipped",
                    "",
                    line_no,
                )
        if isinstance(record, InputError):
            record.path = name
            bad.append(record)
            continue
        positions.setdefault(record.get("story") or Path(name).stem, []).append((line_no, here))
    return positions, bad


def _record_id(record: dict, line_no: int) -> str:
    """The id a record's source takes: its ``id`` as written, else its line number."""
    value = record.get("id")
    return str(value) if value not in (None, "") else str(line_no)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
"""Half of a UTF-16 pair, which JSON can escape (``"\\ud800"``) but no text encoding can hold."""


def _parse_record(raw_line: bytes, line_no: int) -> dict | InputError:
    """One JSONL line as a record with a ``text`` string, or the InputError saying why not."""
    if line_no == 1 and raw_line.startswith(b"\xef\xbb\xbf"):
        raw_line = raw_line[3:]  # a UTF-8 byte-order mark before the first record
    try:
        # without its line end, a line cut off in a string says "Unterminated string"
        record = json.loads(raw_line.rstrip(b"\r\n").decode("utf-8", errors="replace"))
    except json.JSONDecodeError as exc:
        # json's messages end "... at" and leave the place to str(exc): name the column
        why = f"{exc.msg.removesuffix(' at')} at column {exc.colno}"
        return InputError(errors.E105, f"not valid JSON ({why}); line skipped", "", line_no)
    except RecursionError:
        return InputError(errors.E105, "JSON nested too deeply; line skipped", "", line_no)
    if not isinstance(record, dict):
        what = _json_type(record)
        return InputError(
            errors.E105, f"not a JSON object (the line is {what}); line skipped", "", line_no
        )
    problem = _record_problem(record)
    if problem is not None:
        return InputError(errors.E106, f"{problem}; line skipped", "", line_no)
    return {
        key: _LONE_SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value
        for key, value in record.items()
    }


_TEXT_FIELDS = ("story", "outlet", "source", "title", "published", "date")
"""Fields of a JSONL record that are text when given (null counts as not given)."""
_JSON_TYPES = {
    dict: "an object",
    list: "an array",
    bool: "true or false",
    int: "a number",
    float: "a number",
    str: "a string",
    type(None): "null",
}


def _json_type(value: object) -> str:
    """What a JSON value is, in JSON's words ("an array", "a number")."""
    return _JSON_TYPES.get(type(value), type(value).__name__)


_DATE_FIELDS = ("published", "date")


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _record_problem(record: object) -> str | None:
    """Why a parsed JSONL line is not a record the checker can read, or None: it must be an
    object with a non-empty ``text`` string, an ``id`` that is a string or an integer, and
    its other known fields strings (or null)."""
    if not isinstance(record, dict):  # _parse_record makes this an E105 first
        return f"line is {_json_type(record)}, expected a record object with 'text'"
    text = record.get("text")
    if text is None:
        return "record has no 'text'"
    if not isinstance(text, str):
        return f"record's 'text' is {_json_type(text)}, expected a string"
    if not text.strip():
        return "record's 'text' is empty"
    record_id = record.get("id")
    if record_id is not None and (
        isinstance(record_id, bool) or not isinstance(record_id, str | int)
    ):
        return f"record's 'id' is {_json_type(record_id)}, expected a string or an integer"
    for key in _TEXT_FIELDS:
        value = record.get(key)
        if key in _DATE_FIELDS and _is_number(value):
            continue  # a date given as a number is read as undated, with W102 (_add_record)
        if value is not None and not isinstance(value, str):
            return f"record's {key!r} is {_json_type(value)}, expected a string"
    return None


def _read_jsonl(path: Path) -> Iterator[StoryInput]:
    """Yield the stories of a JSONL corpus, grouping records by their ``story`` field.

    Streams: a first pass indexes where each story's records are, then stories are
    read and yielded one at a time, in order of story name; the lines that are not
    records come last, as a story of errors only. A story's sources are ordered by
    record id, so shuffling the lines changes nothing.
    """
    name = str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield StoryInput(
            path.stem, errors=[InputError(errors.E104, f"cannot be read ({exc.strerror})", name)]
        )
        return
    with handle:
        positions, bad = _index_jsonl(handle, name)
        for story_name in sorted(positions):
            story = StoryInput(story_name)
            for line_no, offset in positions[story_name]:
                handle.seek(offset)
                record = _parse_record(handle.readline(), line_no)
                if isinstance(record, InputError):  # the file changed under us
                    record.path = name
                    story.errors.append(record)
                    continue
                _add_record(story, record, name, line_no)
            story.sources.sort(key=lambda s: (s.id, s.text))
            yield story
    if bad:
        yield StoryInput(path.stem, errors=bad)


def _add_record(story: StoryInput, record: dict, name: str, line_no: int) -> None:
    """Make a Source of one JSONL record and add it (or its error) to ``story``."""
    record_id = _record_id(record, line_no)
    meta = {k: record.get(k) for k in ("outlet", "source", "title") if record.get(k)}
    date = next((record[k] for k in _DATE_FIELDS if record.get(k) not in (None, "")), None)
    number_date = _is_number(date)
    if date is not None and not number_date:
        meta["date"] = date
    try:
        source = make_source(
            source_id=f"{name}#{record_id}",
            story=story.name,
            path=name,
            raw_text=record["text"].replace("\r\n", "\n"),
            meta=meta,
        )
    except InputError as exc:
        exc.line = line_no
        story.errors.append(exc)
        return
    source.line_offset = 0
    source.record_line = line_no
    if number_date:  # 20250315 may be a date or a count: never guess
        source.warnings.append(
            InputError(
                errors.W102,
                f"metadata date {date!r} is a number, not a date; read as undated",
                name,
                line_no,
            )
        )
    for warning in source.warnings:
        # the JSONL file's line is the record's; a line inside its text goes in the message
        if warning.line and warning.line != line_no:
            warning.message += f" (line {warning.line} of the record's text)"
        warning.line = line_no
    story.sources.append(source)


def _selected(path: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> bool:
    """True when ``path`` passes the include/exclude globs (matched on the path as given and its name)."""
    text = str(path)
    if include and not any(
        fnmatch.fnmatch(text, g) or fnmatch.fnmatch(path.name, g) for g in include
    ):
        return False
    return not any(fnmatch.fnmatch(text, g) or fnmatch.fnmatch(path.name, g) for g in exclude)


def iter_stories(
    paths: list[str], *, include: tuple[str, ...] = (), exclude: tuple[str, ...] = ()
) -> Iterator[StoryInput]:
    """Yield the stories named by the command-line ``paths``, one at a time.

    A folder of articles is one story; a folder whose sub-folders hold articles is
    a corpus (each sub-folder one story, loose files one more); a ``.jsonl`` file
    groups records by ``story``; plain files named together form one story.
    ``include``/``exclude`` globs select article files inside folders.
    """
    for story in _iter_stories(paths):
        if include or exclude:
            story.sources = [s for s in story.sources if _selected(Path(s.path), include, exclude)]
        yield story


def _iter_stories(paths: list[str]) -> Iterator[StoryInput]:
    loose: list[Path] = []
    named: set[str] = set()
    for raw_path in sorted(paths):  # the order paths are named in changes nothing
        path = Path(raw_path)
        loose_file = not path.is_dir() and not (path.suffix.lower() == ".jsonl" and path.is_file())
        # one file or folder named twice is checked once; a loose file named by two paths
        # (a link and its file) is told apart by ``_load_files``, with a warning
        real = os.path.abspath(raw_path) if loose_file else os.path.realpath(raw_path)
        if real in named:
            continue
        named.add(real)
        if path.suffix.lower() == ".jsonl" and path.is_file():
            yield from _read_jsonl(path)
        elif path.is_dir():
            yield from _folder_stories(path)
        else:
            loose.append(path)
    if loose:
        parents = {p.parent.name or p.stem for p in loose}
        name = parents.pop() if len(parents) == 1 else "files"
        yield _load_files(name, loose)


def _load_files(name: str, files: list[Path]) -> StoryInput:
    """Read a story's files. One article reached by two paths (a link beside its file) is
    one source: the file itself is read (else the first path), and each other path is a
    W103 warning naming it, so a copy never doubles the article's vote."""
    story = StoryInput(name)
    read_as: dict[str, Path] = {}  # each real file: the path it is read by
    for file in files:
        real = os.path.realpath(file)
        if os.path.isfile(real) and (
            real not in read_as or (read_as[real].is_symlink() and not file.is_symlink())
        ):
            read_as[real] = file
    sources: dict[str, Source] = {}
    again: list[tuple[str, Path]] = []
    for file in files:
        real = os.path.realpath(file)
        if read_as.get(real, file) is not file:
            again.append((real, file))
            continue
        try:
            sources[real] = read_article(file, name)
            story.sources.append(sources[real])
        except InputError as exc:
            story.errors.append(exc)
    for real, file in again:
        if real in sources:
            sources[real].warnings.append(
                InputError(
                    errors.W103,
                    f"is another path to {read_as[real]}, which this story already reads; "
                    "read once",
                    str(file),
                )
            )
    return story


def _folder_stories(folder: Path, seen: set[str] | None = None) -> Iterator[StoryInput]:
    seen = seen if seen is not None else set()
    real = os.path.realpath(folder)
    if real in seen:  # symlink loop
        yield StoryInput(
            folder.name,
            errors=[
                InputError(errors.E104, "folder link loops back on itself; skipped", str(folder))
            ],
        )
        return
    seen.add(real)
    files = _article_files(folder)
    try:
        subfolders = sorted(
            (p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")),
            key=lambda p: p.name,
        )
    except OSError as exc:
        yield StoryInput(
            folder.name,
            errors=[
                InputError(errors.E104, f"folder cannot be read ({exc.strerror})", str(folder))
            ],
        )
        return
    story_folders = [sub for sub in subfolders if _article_files(sub) or any(sub.glob("*/*"))]
    if files or not story_folders:
        story = _load_files(folder.name or folder.resolve().name or str(folder), files)
        if not files:
            story.errors.append(
                InputError(errors.E108, "no article files (.txt, .md) found", str(folder))
            )
        yield story
    for sub in story_folders:
        yield from _folder_stories(sub, seen)
