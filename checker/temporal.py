"""Calendar arithmetic for temporal expressions: parts of an expression -> an Interval.

``parts_of`` reads the words of a matched expression through the rule lexicons
(month and weekday names, relative words, period modifiers); ``resolve`` anchors
the parts on a publication date, choosing years and weeks by the clause's tense.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from checker.model import Interval, Tense

_DAY = re.compile(r"^(\d{1,2})(st|nd|rd|th)?$")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_LEAP_YEAR = 2000
"""Placeholder year for month-day values whose year is unknown (a leap year: Feb 29 fits)."""


@dataclass(frozen=True)
class TimexParts:
    """What a temporal expression states, before anchoring."""

    weekday: int | None = None
    """0 = Monday ... 6 = Sunday."""
    month: int | None = None
    """1-12."""
    day: int | None = None
    """Day of the month."""
    year: int | None = None
    """Explicit year."""
    relative: int | str | None = None
    """Shift in ``unit`` (-1 last, 0 this, 1 next) or ``earlier``/``later`` (this period, before/after the anchor)."""
    unit: str | None = None
    """year, month, week, weekend or quarter."""
    mod: str | None = None
    """start, early, mid, late or end (``end`` = the last day: "year-end")."""
    deictic: int | None = None
    """Day shift of today/yesterday/tomorrow."""
    quarter: int | None = None
    """Quarter number for "the first quarter"."""

    def is_empty(self) -> bool:
        """True when no calendar information was found."""
        return self == TimexParts()


def parts_of(words: tuple[str, ...], lexicons: dict) -> TimexParts:
    """Read the calendar parts of an expression from its words (``("on", "Sunday", "(", "Dec", "29", ")")``)."""
    months, weekdays = lexicons["months"], lexicons["weekdays"]
    relatives, units = lexicons["relatives"], set(lexicons["units"])
    modifiers, deictic, ordinals = lexicons["modifiers"], lexicons["deictic"], lexicons["ordinals"]
    found: dict = {}
    lowered = [w.lower() for w in words]
    for i in range(len(lowered) - 2):  # "year - end" arrives as three tokens
        if lowered[i] in ("year", "month") and lowered[i + 1] == "-" and lowered[i + 2] == "end":
            lowered[i : i + 3] = [f"{lowered[i]}-end", "", ""]
    numbers = [i for i, w in enumerate(lowered) if w.isdigit() or _DAY.match(w)]
    # ISO 2019-12-29 arrives as five tokens.
    if len(lowered) >= 5:
        for i in range(len(lowered) - 4):
            a, d1, b, d2, c = lowered[i : i + 5]
            if _YEAR.match(a) and d1 == "-" and d2 == "-" and b.isdigit() and c.isdigit():
                found.update(year=int(a), month=int(b), day=int(c))
    for i, word in enumerate(lowered):
        if word in ("year-end", "yearend"):
            found.update(unit="year", relative=0, mod="end")
        elif word == "month-end":
            found.update(unit="month", relative=0, mod="end")
        elif word in months and "month" not in found and (word != "may" or words[i] == "May"):
            found["month"] = months[word]
        elif word in weekdays:
            found["weekday"] = weekdays[word]
        elif word in deictic:
            found["deictic"] = deictic[word]
        elif word in relatives and i + 1 < len(lowered) and "relative" not in found:
            nxt = lowered[i + 1]
            if nxt in units:
                found.update(relative=relatives[word], unit=nxt)
            elif nxt == "this" and i + 2 < len(lowered) and lowered[i + 2] in units:
                found.update(relative=relatives[word], unit=lowered[i + 2])
            elif nxt in months or nxt in weekdays:
                found["shift"] = relatives[word]
        elif word in units and "unit" not in found:
            if i > 0 and lowered[i - 1] == "the":  # "the end of the year": the current one
                found.update(unit=word, relative=0)
        elif word in modifiers and "mod" not in found:
            mod = modifiers[word]
            if mod == "start" and i + 1 < len(lowered) and lowered[i + 1] != "of":
                mod = "early"
            found["mod"] = mod
        elif word in ordinals and i + 1 < len(lowered) and lowered[i + 1] == "quarter":
            found["quarter"] = ordinals[word]
    if "day" not in found:
        for i in numbers:
            word = lowered[i]
            if _YEAR.match(word):
                found.setdefault("year", int(word))
            elif _DAY.match(word) and 1 <= int(_DAY.match(word)[1]) <= 31 and "month" in found:
                near_month = any(
                    lowered[j] in months for j in (i - 1, i + 1, i + 2) if 0 <= j < len(lowered)
                )
                if near_month:
                    found.setdefault("day", int(_DAY.match(word)[1]))
    shift = found.pop("shift", None)
    if shift is not None and "relative" not in found:
        found["relative"] = shift
    return TimexParts(**found)


def _month_interval(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _apply_mod(start: dt.date, end: dt.date, mod: str | None) -> tuple[dt.date, dt.date]:
    """Narrow [start, end] to the part a modifier names."""
    if mod is None:
        return start, end
    if mod == "end":
        return end, end
    length = (end - start).days + 1
    third = max(1, length // 3)
    if mod in ("start", "early"):
        return start, start + dt.timedelta(days=third - 1)
    if mod == "late":
        return end - dt.timedelta(days=third - 1), end
    if mod == "mid":
        return start + dt.timedelta(days=third), end - dt.timedelta(days=third)
    return start, end


def _pick_year(month: int, day: int, anchor: dt.date, tense: Tense) -> int:
    """The year that puts month-day where the tense says, relative to ``anchor``."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return anchor.year
    if tense == "past":
        past = [c for c in candidates if c <= anchor]
        return max(past).year if past else min(candidates).year
    if tense == "future":
        future = [c for c in candidates if c >= anchor]
        return min(future).year if future else max(candidates).year
    return min(candidates, key=lambda c: (abs((c - anchor).days), c > anchor)).year


def _pick_quarter_year(first_month: int, anchor: dt.date, tense: Tense) -> int:
    """The year of the quarter starting in ``first_month`` that fits the tense: past, the
    latest one begun by ``anchor``; future, the next one not yet over; else the nearest."""
    spans = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        start = dt.date(year, first_month, 1)
        end = _month_interval(year, first_month + 2)[1]
        spans.append((year, start, end))
    if tense == "past":
        return max(y for y, start, _end in spans if start <= anchor)
    if tense == "future":
        return min(y for y, _start, end in spans if end >= anchor)
    return min(
        spans,
        key=lambda s: (
            0
            if s[1] <= anchor <= s[2]
            else min(abs((s[1] - anchor).days), abs((s[2] - anchor).days))
        ),
    )[0]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=65536)
def resolve(parts: TimexParts, anchor: dt.date | None, tense: Tense) -> Interval | None:
    """Anchor ``parts`` on ``anchor`` (the publication date) and return the interval it names.

    Past tense takes the most recent match on or before the anchor, future the next
    one on or after it, no tense the nearest. Returns None when the expression
    cannot be placed (a relative expression with no anchor).
    """
    year_known = True
    # Fully explicit dates first.
    if parts.month and parts.day:
        if parts.year:
            year = parts.year
        elif parts.relative in (-1, 0, 1) and parts.unit == "year" and anchor:
            year = anchor.year + int(parts.relative)
        elif anchor:
            year = _pick_year(parts.month, parts.day, anchor, tense)
        else:
            year, year_known = _LEAP_YEAR, False
        day = _safe_date(year, parts.month, parts.day)
        return Interval(day, day, "day", year_known) if day else None
    if parts.deictic is not None:
        if anchor is None:
            return None
        day = anchor + dt.timedelta(days=parts.deictic)
        return Interval(day, day, "day")
    if parts.weekday is not None and parts.month is None:
        if anchor is None:
            return None
        if parts.relative == 1 or (parts.relative is None and tense == "future"):
            delta = (parts.weekday - anchor.weekday()) % 7
            if parts.relative == 1 and delta == 0:
                delta = 7
            day = anchor + dt.timedelta(days=delta)
        elif parts.relative == 0 and parts.unit in (None, "week"):
            day = anchor + dt.timedelta(days=parts.weekday - anchor.weekday())
        else:
            delta = (anchor.weekday() - parts.weekday) % 7
            if parts.relative == -1 and delta == 0:
                delta = 7
            day = anchor - dt.timedelta(days=delta)
        return Interval(day, day, "day")
    if parts.quarter:
        if not 1 <= parts.quarter <= 4:
            return None
        first_month = 3 * (parts.quarter - 1) + 1
        if parts.year:
            year = parts.year
        elif anchor and parts.relative in (-1, 1) and parts.unit == "year":
            year = anchor.year + int(parts.relative)
        elif anchor:
            year = _pick_quarter_year(first_month, anchor, tense)
        else:
            return None
        start = dt.date(year, first_month, 1)
        end = _month_interval(year, first_month + 2)[1]
        return Interval(*_apply_mod(start, end, parts.mod), "quarter")
    if parts.month:
        if parts.year:
            year = parts.year
        elif parts.relative in (-1, 0, 1) and parts.unit == "year" and anchor:
            year = anchor.year + int(parts.relative)
        elif parts.relative in (-1, 1) and parts.unit is None and anchor:
            # "last June" / "next March": the nearest such month strictly before/after
            year = (
                anchor.year
                if (parts.month < anchor.month) == (parts.relative == -1)
                else anchor.year + parts.relative
            )
        elif anchor:
            year = _pick_year(parts.month, 1, anchor.replace(day=1), tense)
        else:
            year, year_known = _LEAP_YEAR, False
        start, end = _month_interval(year, parts.month)
        start, end = _apply_mod(start, end, parts.mod)
        granularity = "day" if start == end else "month"
        return Interval(start, end, granularity, year_known)
    if parts.year and parts.unit is None:
        start, end = _apply_mod(dt.date(parts.year, 1, 1), dt.date(parts.year, 12, 31), parts.mod)
        return Interval(start, end, "day" if start == end else "year")
    if parts.unit is not None:
        if anchor is None:
            return None
        return _relative_period(parts, anchor)
    return None


def _relative_period(parts: TimexParts, anchor: dt.date) -> Interval | None:
    shift = parts.relative if isinstance(parts.relative, int) else 0
    if parts.unit == "year":
        year = anchor.year + shift
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        granularity = "year"
    elif parts.unit == "month":
        month_index = anchor.year * 12 + anchor.month - 1 + shift
        start, end = _month_interval(month_index // 12, month_index % 12 + 1)
        granularity = "month"
    elif parts.unit == "quarter":
        quarter_index = anchor.year * 4 + (anchor.month - 1) // 3 + shift
        year, quarter = divmod(quarter_index, 4)
        start = dt.date(year, 3 * quarter + 1, 1)
        end = _month_interval(year, 3 * quarter + 3)[1]
        granularity = "quarter"
    elif parts.unit in ("week", "weekend"):
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=shift)
        if parts.unit == "weekend":
            return Interval(monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "day")
        start, end = monday, monday + dt.timedelta(days=6)
        granularity = "week"
    else:
        return None
    if parts.relative == "earlier":
        end = max(start, min(end, anchor))
    elif parts.relative == "later":
        start = min(end, max(start, anchor))
    start, end = _apply_mod(start, end, parts.mod)
    if start == end:
        granularity = "day"
    return Interval(start, end, granularity)


def with_year(parts: TimexParts, year: int) -> TimexParts:
    """``parts`` with an explicit year."""
    return replace(parts, year=year)


def intervals_agree(a: Interval, b: Interval) -> bool:
    """Equal or nested intervals agree; disjoint or partly overlapping ones differ.

    When either year is unknown, only month and day are compared.
    """
    if not (a.year_known and b.year_known):
        a_span = (a.start.month, a.start.day), (a.end.month, a.end.day)
        b_span = (b.start.month, b.start.day), (b.end.month, b.end.day)
        inside = a_span[0] >= b_span[0] and a_span[1] <= b_span[1]
        outside = b_span[0] >= a_span[0] and b_span[1] <= a_span[1]
        return inside or outside
    return (a.start >= b.start and a.end <= b.end) or (b.start >= a.start and b.end <= a.end)
