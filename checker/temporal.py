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
_OLD_YEAR = re.compile(r"^1[0-7]\d\d$")
"""A year before 1800, read only alone or after "in" ("sank in 1631"): a four-figure clock
("1230 GMT") is no year."""
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
    kind: str | None = None
    """``duration``, ``offset`` ("two years ago"), ``set``, ``ref`` or ``era``; None for a
    calendar date or a time of day."""
    amount: float | None = None
    """How many ``span_unit`` a duration or offset counts (None: unstated, "several years")."""
    span_unit: str | None = None
    """TIMEX3 unit letter of a duration or offset: Y, M, W, D, H, MIN, S, DE, CE, Q, WE."""
    direction: int = 0
    """-1 for an offset into the past ("ago", "earlier"), 1 into the future ("later")."""
    quantity_mod: str | None = None
    """TIMEX3 mod of a quantity: MORE_THAN, LESS_THAN, EQUAL_OR_MORE, APPROX."""
    literal: str | None = None
    """A value stated outright: PRESENT_REF, the value of a set (P1D, XXXX-WXX-4), an era (19)."""
    clock: str | None = None
    """Time of day, ``HH:MM``."""
    daypart: str | None = None
    """Part of the day: MO, AF, EV, NI."""
    season: str | None = None
    """SP, SU, FA or WI."""
    compound_end: bool = False
    """Written as one word with its period ("year-end"): the last day, not the period's end."""

    def is_empty(self) -> bool:
        """True when no calendar information was found."""
        return self == TimexParts()


_CLOCK = re.compile(r"^([01]?\d|2[0-3])(?::([0-5]\d))?$")
_FOUR_FIGURE_CLOCK = re.compile(r"^([01]\d|2[0-3])([0-5]\d)$")
"""A clock written in four figures ("2010 GMT"): read as one only before its zone."""
_ORDINAL_NUMBER = re.compile(r"^(\d{1,2})(st|nd|rd|th)$")
_DECADE = re.compile(r"^(mid-|early-|late-)?(\d{3})0'?s$")
_PLURAL_WEEKDAY = re.compile(r"^(mon|tues|wednes|thurs|fri|satur|sun)days$")
_LEADS = frozenset(
    {"on", "in", "at", "by", "until", "till", "since", "from", "for", "during", "within"}
)
"""Prepositions that may lead an expression's words ("on Mondays") and state nothing."""
_ERA_MODS = {"early": "START", "mid": "MID", "late": "END"}


def _number(word: str, number_words: dict) -> float | None:
    """The number a word states ("two", "20", "1/2", "2,000"), or None."""
    if word in number_words:
        return float(number_words[word])
    if re.fullmatch(r"\d+/\d+", word):
        top, bottom = word.split("/")
        return int(top) / int(bottom) if int(bottom) else None
    try:
        return float(word.replace(",", ""))
    except ValueError:
        return None


def _amount_before(lowered: list[str], unit_at: int, number_words: dict) -> float | None:
    """The number counting the unit at ``unit_at``: "two-year" 2, "5 1/2 hours" 5.5,
    "twenty four hours" 24; None when no number is stated ("several years")."""
    j = unit_at - 1
    while j >= 0 and lowered[j] in ("-", "of", "full", "whole"):
        j -= 1
    if j < 0:
        return None
    amount = _number(lowered[j], number_words)
    if amount is None:
        return None
    before = _number(lowered[j - 1], number_words) if j > 0 else None
    if before is not None and lowered[j - 1] not in ("a", "an"):
        if amount < 1 or (before >= 20 and before % 10 == 0 and amount < 10):
            amount += before  # "5 1/2", "twenty four"
        elif amount in (100, 1000) or lowered[j] in ("hundred", "thousand"):
            amount *= before
    elif lowered[j] == "half" and j > 0 and lowered[j - 1] in ("a", "an"):
        amount = 0.5
    return amount


def _quantity_parts(lowered: list[str], lexicons: dict) -> TimexParts | None:
    """Parts of a duration, offset or set ("three years", "a year ago", "every day"), or None."""
    units = lexicons.get("duration_units", {})
    number_words = lexicons.get("duration_numbers", {})
    set_words = lexicons.get("set_words", {})
    set_leads = set(lexicons.get("set_leads", ()))
    quantity_mods = lexicons.get("quantity_mods", {})
    offsets = lexicons.get("offset_words", {})
    dayparts, seasons = lexicons.get("dayparts", {}), lexicons.get("seasons", {})
    weekdays, months = lexicons["weekdays"], lexicons["months"]
    if not lowered:
        return None
    if len(lowered) == 1 and lowered[0] in set_words:
        return TimexParts(kind="set", literal=str(set_words[lowered[0]]))
    plural_day = _PLURAL_WEEKDAY.match(lowered[0])
    if plural_day:
        weekday = weekdays[lowered[0][:-1]]
        part = dayparts.get(lowered[-1]) if len(lowered) > 1 else None
        tail = f"T{part}" if part and not part[0].isdigit() else ""
        return TimexParts(kind="set", literal=f"XXXX-WXX-{weekday + 1}{tail}")
    if lowered[0] in set_leads or (
        lowered[0] in ("once", "twice")
        and len(lowered) > 2
        and lowered[1] in set_leads | {"a", "an", "per"}
    ):
        last = lowered[-1]
        step = 2 if "other" in lowered else 1
        if last in weekdays:
            literal = f"XXXX-WXX-{weekdays[last] + 1}"
        elif last in months:
            literal = f"XXXX-{months[last]:02d}"
        elif last in seasons:
            literal = f"XXXX-{seasons[last]}"
        elif last in dayparts and not str(dayparts[last])[0].isdigit():
            literal = f"XXXX-XX-XXT{dayparts[last]}"
        elif last in units and units[last] == "WE":
            literal = "XXXX-WXX-WE"
        elif last in units:
            letter = units[last]
            literal = f"PT{step}{letter}" if letter == "H" else f"P{step}{letter}"
        elif last == "season":
            literal = "XXXX-XX"
        else:
            return None
        return TimexParts(kind="set", literal=literal)
    unit_at = [i for i, w in enumerate(lowered) if w in units]
    if not unit_at:
        return None
    i = unit_at[-1]
    direction = int(offsets[lowered[-1]]) if lowered[-1] in offsets and i == len(lowered) - 2 else 0
    amount = _amount_before(lowered, i, number_words)
    plural = lowered[i].endswith("s")
    if amount is None and not plural:
        if units[lowered[i]] not in ("DE", "CE") or i == 0:
            return None  # "last week", "the year": a calendar period, not a length
        amount = 1.0  # "the next decade": a decade is never a calendar period here
    mod = next(
        (
            quantity_mods[w]
            for w, following in zip(lowered[:i], lowered[1 : i + 1], strict=True)
            if w in quantity_mods and w not in number_words and following != "the"
        ),
        None,
    )  # "over an hour" is more than an hour; "over the past year" is only a preposition
    if lowered[0] == "no" and mod == "MORE_THAN":
        mod = "EQUAL_OR_LESS"
    return TimexParts(
        kind="offset" if direction else "duration",
        amount=amount,
        span_unit=units[lowered[i]],
        direction=direction,
        quantity_mod=mod,
    )


def _special_parts(lowered: list[str], lexicons: dict) -> TimexParts | None:
    """Parts of a reference to the present/past/future or of an era ("the 1990s"), or None."""
    references = lexicons.get("references", {})
    if lowered[-1] in references and len(lowered) <= 4:
        if lowered[-1] in ("past", "future") and "the" not in lowered:
            return None
        return TimexParts(kind="ref", literal=str(references[lowered[-1]]))
    if lowered == ["these", "days"] or lowered == ["at", "present"]:
        return TimexParts(kind="ref", literal="PRESENT_REF")
    mod = next((_ERA_MODS[w] for w in lowered if w in _ERA_MODS), None)
    for word in lowered:
        decade = _DECADE.match(word)
        if decade:
            mod = _ERA_MODS.get((decade[1] or "").rstrip("-"), mod)
            return TimexParts(kind="era", literal=decade[2], quantity_mod=mod)
        ordinal = _ORDINAL_NUMBER.match(word)
        if ordinal and lowered[-1] in ("century", "centuries"):
            return TimexParts(kind="era", literal=f"{int(ordinal[1]) - 1:02d}", quantity_mod=mod)
    return None


def parts_of(words: tuple[str, ...], lexicons: dict) -> TimexParts:
    """Read the parts of an expression from its words (``("on", "Sunday", "(", "Dec", "29", ")")``).

    Durations, offsets, sets, references and eras come back with ``kind`` set (and no
    calendar fields); dates and times of day with ``kind`` None.
    """
    lowered_all = [w.lower() for w in words]
    while len(lowered_all) > 1 and lowered_all[0] in _LEADS:
        lowered_all = lowered_all[1:]
    stated = _special_parts(lowered_all, lexicons) or _quantity_parts(lowered_all, lexicons)
    if stated is not None:
        return stated
    return _calendar_parts(words, lexicons)


def _zone_follows(lowered: list[str], i: int, lexicons: dict) -> bool:
    """True when the words from ``i`` name a time zone ("GMT", "local time")."""
    if i >= len(lowered):
        return False
    return lowered[i] in lexicons.get("time_zones", ()) or lowered[i : i + 2] == ["local", "time"]


def _time_of_day(lowered: list[str], lexicons: dict) -> dict:
    """Clock time and part of the day of an expression ("10 p.m.", "Friday morning")."""
    found: dict = {}
    meridiems, dayparts = lexicons.get("meridiems", {}), lexicons.get("dayparts", {})
    for i, word in enumerate(lowered):
        clock = _CLOCK.match(word)
        if clock and (":" in word or (i + 1 < len(lowered) and lowered[i + 1] in meridiems)):
            hour, minute = int(clock[1]), int(clock[2] or 0)
            meridiem = meridiems.get(lowered[i + 1]) if i + 1 < len(lowered) else None
            if meridiem == "pm" and hour < 12:
                hour += 12
            elif meridiem == "am" and hour == 12:
                hour = 0
            found["clock"] = f"{hour:02d}:{minute:02d}"
        elif (four := _FOUR_FIGURE_CLOCK.match(word)) and _zone_follows(lowered, i + 1, lexicons):
            found["clock"] = f"{four[1]}:{four[2]}"
        elif i + 1 < len(lowered) and lowered[i + 1] == "o'clock" and word.isdigit():
            found["clock"] = f"{int(word):02d}:00"
        elif word in dayparts:
            part = str(dayparts[word])
            found["clock" if part[0].isdigit() else "daypart"] = part
        elif word == "tonight":
            found["daypart"] = "NI"
    return found


def _calendar_parts(words: tuple[str, ...], lexicons: dict) -> TimexParts:
    """Calendar parts of a date or time expression."""
    months, weekdays = lexicons["months"], lexicons["weekdays"]
    relatives = {**lexicons["relatives"], **lexicons.get("period_relatives", {})}
    units = set(lexicons["units"])
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
    found.update(_time_of_day(lowered, lexicons))
    seasons = lexicons.get("seasons", {})
    for i, word in enumerate(lowered):
        if word in ("year-end", "yearend"):
            found.update(unit="year", relative=0, mod="end", compound_end=True)
        elif word == "month-end":
            found.update(unit="month", relative=0, mod="end", compound_end=True)
        elif word in seasons and (word != "fall" or i > 0):
            found["season"] = seasons[word]
            if i > 0 and lowered[i - 1] in relatives:
                found.setdefault("shift", relatives[lowered[i - 1]])
        elif word in months and "month" not in found and (word != "may" or words[i] == "May"):
            found["month"] = months[word]
        elif word in weekdays:
            found["weekday"] = weekdays[word]
        elif word in deictic:
            found["deictic"] = deictic[word]
        elif word in relatives and i + 1 < len(lowered) and "relative" not in found:
            nxt = lowered[i + 1]
            if nxt == "fiscal" and i + 2 < len(lowered):  # "this fiscal year"
                nxt = lowered[i + 2]
            if nxt in units:
                found.update(relative=relatives[word], unit=nxt)
            elif nxt == "this" and i + 2 < len(lowered) and lowered[i + 2] in units:
                found.update(relative=relatives[word], unit=lowered[i + 2])
            elif nxt in months or nxt in weekdays:
                found["shift"] = relatives[word]
            elif nxt in lexicons.get("dayparts", {}) and isinstance(relatives[word], int):
                found["deictic"] = relatives[word]  # "last night", "this morning"
        elif word in units and "unit" not in found:
            # "the end of (the) year": the current one
            if i > 0 and lowered[i - 1] in ("the", "of"):
                found.update(unit=word, relative=0)
        elif word in modifiers and "mod" not in found:
            mod = modifiers[word]
            if mod == "start" and i + 1 < len(lowered) and lowered[i + 1] != "of":
                mod = "early"
            found["mod"] = mod
        elif word in ordinals and "quarter" in lowered[i + 1 : i + 3]:
            found["quarter"] = ordinals[word]
    if "day" not in found:
        for i in numbers:
            word = lowered[i]
            if _YEAR.match(word) or (
                _OLD_YEAR.match(word) and len(lowered) <= 2 and "clock" not in found
            ):
                found.setdefault("year", int(word))
            elif _DAY.match(word) and 1 <= int(_DAY.match(word)[1]) <= 31 and "month" in found:
                near_month = any(
                    lowered[j] in months for j in (i - 1, i + 1, i + 2) if 0 <= j < len(lowered)
                )
                if near_month:
                    found.setdefault("day", int(_DAY.match(word)[1]))
    holidays = lexicons.get("holidays", {})
    if holidays and "month" not in found:
        phrase = " ".join(lowered).replace("\u2019", "'")
        for name in sorted(holidays, key=len, reverse=True):
            if re.search(rf"(^| ){re.escape(name)}( |$)", phrase):
                month, day = (int(n) for n in str(holidays[name]).split("-"))
                found.update(month=month, day=day)
                break
    shift = found.pop("shift", None)
    if shift is not None and "relative" not in found:
        found["relative"] = shift
    return TimexParts(**found)


@dataclass(frozen=True)
class Timex3:
    """A TIMEX3 annotation: type, value and optional mod."""

    type: str
    """DATE, TIME, DURATION or SET."""
    value: str
    """TIMEX3 value: ``2019-12-28``, ``2019-W52``, ``P3D``, ``XXXX-WXX-4``, ``PRESENT_REF``..."""
    mod: str | None = None
    """START, MID, END, APPROX, MORE_THAN, LESS_THAN... or None."""


UNKNOWN_DATE = "XXXX-XX-XX"
_DATE_MODS = {"start": "START", "early": "START", "mid": "MID", "late": "END", "end": "END"}
_TIME_UNITS = {"H": "H", "MIN": "M", "S": "S"}


def _amount_text(amount: float) -> str:
    return str(int(amount)) if float(amount).is_integer() else f"{amount:g}"


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 value of a duration: ``P3D``, ``PT2H``, ``PXY``, ``P10Y`` (a decade), ``PT5H30M``."""
    if unit in _TIME_UNITS:
        if amount is None:
            return f"PTX{_TIME_UNITS[unit]}"
        if unit == "H" and not float(amount).is_integer():
            return f"PT{int(amount)}H{round((amount % 1) * 60)}M"
        return f"PT{_amount_text(amount)}{_TIME_UNITS[unit]}"
    scale = {"DE": ("Y", 10), "CE": ("Y", 100), "WE": ("D", 2)}
    letter, factor = scale.get(unit, (unit, 1))
    if amount is None:
        return f"PX{'DE' if unit == 'DE' else 'CE' if unit == 'CE' else letter}"
    if unit == "M" and not float(amount).is_integer():
        return f"P{_amount_text(amount * 30)}D"
    if unit == "Y" and not float(amount).is_integer():
        whole, months = int(amount), round((amount % 1) * 12)
        return f"P{whole}Y{months}M" if whole else f"P{months}M"
    return f"P{_amount_text(amount * factor)}{letter}"


def _shifted(anchor: dt.date, amount: float, unit: str, direction: int) -> str:
    """The value ``amount`` units before (-1) or after (1) ``anchor``, at that unit's granularity."""
    steps = int(round(amount)) * direction
    if unit == "Y":
        return f"{anchor.year + steps:04d}"
    if unit == "DE":
        return f"{(anchor.year + 10 * steps) // 10:03d}"
    if unit == "CE":
        return f"{(anchor.year + 100 * steps) // 100:02d}"
    if unit in ("M", "Q"):
        index = anchor.year * 12 + anchor.month - 1 + steps * (3 if unit == "Q" else 1)
        year, month = divmod(index, 12)
        if unit == "Q":
            return f"{year:04d}-Q{month // 3 + 1}"
        return f"{year:04d}-{month + 1:02d}"
    if unit in ("W", "WE"):
        iso_year, week, _ = (anchor + dt.timedelta(weeks=steps)).isocalendar()
        return f"{iso_year:04d}-W{week:02d}"
    if unit == "D":
        return (anchor + dt.timedelta(days=steps)).isoformat()
    moment = dt.datetime.combine(anchor, dt.time(12)) + direction * dt.timedelta(
        hours=amount if unit == "H" else 0, minutes=amount if unit == "MIN" else 0
    )
    return moment.date().isoformat()


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift_value(value: str, amount: float | None, unit: str, direction: int) -> str | None:
    """The DATE ``amount`` units after (1) or before (-1) a DATE value: "a week after
    2024-03-05" is ``2024-03-12``, "two months before 2024-06" ``2024-04``. None when the
    value or the amount is not precise enough (a week, a vague amount, a time unit)."""
    if amount is None or not float(amount).is_integer() or unit not in ("D", "W", "M", "Y", "WE"):
        return None
    steps = int(amount) * direction
    day_match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    if day_match:
        day = dt.date(int(day_match[1]), int(day_match[2]), int(day_match[3]))
        if unit in ("D", "W", "WE"):
            day += dt.timedelta(days=steps * (1 if unit == "D" else 7))  # a weekend: a week
        else:
            day = _add_months(day, steps * (12 if unit == "Y" else 1))
        return day.isoformat()
    month_match = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if month_match and unit in ("M", "Y"):
        first = _add_months(
            dt.date(int(month_match[1]), int(month_match[2]), 1), steps * (12 if unit == "Y" else 1)
        )
        return f"{first.year:04d}-{first.month:02d}"
    if re.fullmatch(r"\d{4}", value) and unit == "Y":
        return f"{int(value) + steps:04d}"
    return None


def _date_value(parts: TimexParts, anchor: dt.date | None, tense: Tense) -> str:
    """TIMEX3 value of a calendar date: the whole period named, at its own granularity."""
    if parts.season:
        if parts.year:
            year: int | None = parts.year
        elif anchor is not None:
            shift = parts.relative if isinstance(parts.relative, int) else 0
            year = anchor.year + shift
        else:
            year = None
        return f"{year:04d}-{parts.season}" if year else f"XXXX-{parts.season}"
    if parts.compound_end:
        whole = resolve(parts, anchor, tense)
    else:
        relative = 0 if parts.relative in ("earlier", "later") else parts.relative
        whole = resolve(replace(parts, mod=None, relative=relative), anchor, tense)
    if whole is None:
        return UNKNOWN_DATE
    if parts.unit == "weekend" and whole.start != whole.end:
        iso_year, week, _ = whole.start.isocalendar()
        return f"{iso_year:04d}-W{week:02d}-WE"
    label = whole.label()
    return label.split("/", 1)[0] if "/" in label else label


def timex3(parts: TimexParts, anchor: dt.date | None, tense: Tense) -> Timex3:
    """The TIMEX3 type, value and mod of an expression anchored on ``anchor`` (the DCT).

    Dates and times use ``resolve`` (the same calendar arithmetic as the checker's
    facts); durations, sets, references and eras are stated by their words.
    """
    if parts.kind == "ref":
        return Timex3("DATE", parts.literal or "PRESENT_REF")
    if parts.kind == "set":
        return Timex3("SET", parts.literal or "XXXX")
    if parts.kind == "era":
        return Timex3("DATE", parts.literal or "XXXX", parts.quantity_mod)
    if parts.kind == "duration":
        return Timex3(
            "DURATION", duration_value(parts.amount, parts.span_unit or "X"), parts.quantity_mod
        )
    if parts.kind == "offset":
        if parts.amount is None:
            return Timex3("DATE", "PAST_REF" if parts.direction < 0 else "FUTURE_REF")
        if anchor is None:
            return Timex3("DATE", "XXXX", parts.quantity_mod)
        value = _shifted(anchor, parts.amount, parts.span_unit or "Y", parts.direction)
        return Timex3("DATE", value, parts.quantity_mod)
    mod = _DATE_MODS.get(parts.mod or "") if not parts.compound_end else None
    if parts.clock or parts.daypart:
        day_parts = replace(parts, clock=None, daypart=None)
        day = None
        if not day_parts.is_empty():
            interval = resolve(day_parts, anchor, tense)
            if interval is not None and interval.start == interval.end:
                day = interval.start.isoformat() if interval.year_known else None
        if day is None:
            day = anchor.isoformat() if anchor and day_parts.is_empty() else UNKNOWN_DATE
        return Timex3("TIME", f"{day}T{parts.clock or parts.daypart}", mod)
    return Timex3("DATE", _date_value(parts, anchor, tense), mod)


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


WEEKDAY_DATE_REACH = 92
"""Days from the publication date within which a weekday-and-date ("Thursday, January 15")
names the nearest such day, whatever the clause's tense: writers give the weekday of dates
close at hand, and a tense guess ("told him ... when he returns on Thursday, January 15")
must not send the date eleven months back."""


def _weekday_date_year(month: int, day: int, anchor: dt.date, by_tense: int) -> int:
    """The year of a month-day stated with its weekday: the nearest occurrence when it lies
    within ``WEEKDAY_DATE_REACH`` days of ``anchor``, else the year the tense chose."""
    nearest = _pick_year(month, day, anchor, "none")
    date = _safe_date(nearest, month, day)
    if date is not None and abs((date - anchor).days) <= WEEKDAY_DATE_REACH:
        return nearest
    return by_tense


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
    cannot be placed (a relative expression with no anchor, or a date outside the
    calendar's years 1 to 9999: "last year" in an article dated 0001-01-01).
    """
    try:
        return _resolve(parts, anchor, tense)
    except (ValueError, OverflowError):
        return None


def _resolve(parts: TimexParts, anchor: dt.date | None, tense: Tense) -> Interval | None:
    """``resolve``, raising ValueError or OverflowError off the calendar's ends."""
    if parts.kind is not None or parts.season:
        return None  # a duration, set, reference, era or season names no calendar interval
    year_known = True
    # Fully explicit dates first.
    if parts.month and parts.day:
        if parts.year:
            year = parts.year
        elif parts.relative in (-1, 0, 1) and parts.unit == "year" and anchor:
            year = anchor.year + int(parts.relative)
        elif anchor:
            year = _pick_year(parts.month, parts.day, anchor, tense)
            if parts.weekday is not None:
                year = _weekday_date_year(parts.month, parts.day, anchor, year)
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
        if parts.relative in (-1, 1) and parts.unit == "week":
            # "Thursday next week", "Friday last week": that day of the calendar week after
            # or before the anchor's
            monday = anchor - dt.timedelta(days=anchor.weekday())
            day = monday + dt.timedelta(days=7 * int(parts.relative) + parts.weekday)
        elif parts.relative == 1 or (parts.relative is None and tense == "future"):
            delta = (parts.weekday - anchor.weekday()) % 7
            if parts.relative == 1 and delta == 0:
                delta = 7
            day = anchor + dt.timedelta(days=delta)
            if parts.relative == 1 and delta < 7:
                # "next Thursday" within six days: the coming one, or the one a week on
                return Interval(day, day, "day", also=day + dt.timedelta(days=7))
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
    if a.also is not None or b.also is not None:
        return any(_nested(x, y) for x in (a, *_other_reading(a)) for y in (b, *_other_reading(b)))
    return _nested(a, b)


def _other_reading(interval: Interval) -> tuple[Interval, ...]:
    """The interval's other reading (``Interval.also``), if it has one."""
    if interval.also is None:
        return ()
    return (Interval(interval.also, interval.also, "day", interval.year_known),)


def _nested(a: Interval, b: Interval) -> bool:
    """``intervals_agree`` of one reading of each."""
    if not (a.year_known and b.year_known):
        a_span = (a.start.month, a.start.day), (a.end.month, a.end.day)
        b_span = (b.start.month, b.start.day), (b.end.month, b.end.day)
        inside = a_span[0] >= b_span[0] and a_span[1] <= b_span[1]
        outside = b_span[0] >= a_span[0] and b_span[1] <= a_span[1]
        return inside or outside
    return (a.start >= b.start and a.end <= b.end) or (b.start >= a.start and b.end <= a.end)
