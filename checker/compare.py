"""Compare aligned facts and run the in-article checks; produce findings and agreements.

* Aligned dates and deadlines agree when their intervals are equal or nested.
* Aligned counts agree when they state the same number of events so far.
* Inside one article: a weekday stated with a date must be that date's weekday;
  an explicit date must fit the tense of its clause and the publication date.
* Typos: month/weekday names, misspelled words, names off the majority form.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import partial
from string import Formatter

from spacy.lang.en.stop_words import STOP_WORDS

from checker.align import Alignment, Unit, pair_score
from checker.extract import Mention, WordMention, as_words
from checker.extract.context import stem as _stem
from checker.gazetteer import comparable, places_agree
from checker.model import Agreement, Amount, Evidence, Fact, Finding, Interval, Place, Source
from checker.normalize import NormalizedSource, ResolvedTimex, anchor_label, gazetteer_of
from checker.restated import past_plan_pattern, restated_findings
from checker.rules import Rule, RuleSet, event_stage_words
from checker.spelling import (
    Typo,
    calendar_typos,
    name_typos,
    variant_typos,
    vocabulary_of,
    word_typos,
)
from checker.temporal import intervals_agree
from checker.vocab import Vocabulary

_OUTSIDE_TENSE = frozenset(
    {
        "due",
        "through",
        "until",
        "till",
        "by",
        "before",
        "after",
        "from",
        "to",
        "expiring",
        "maturing",
        "ending",
        "dated",
    }
)
"""Words before a date that put it outside the tense of its clause."""


class _Fields(dict):
    """Template fields; a field the finding does not have renders as ``{name}``."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _words_read(normalized: NormalizedSource, rule_id: str) -> Sequence[WordMention]:
    """The source's words outside the stretches its comments ignore ``rule_id`` in."""
    ignored = [s for s in normalized.source.suppressions if s.ignores(rule_id)]
    if not ignored:
        return normalized.words
    return [
        word
        for word in normalized.words
        if not any(s.first_line <= word.where.line <= s.last_line for s in ignored)
    ]


def render_message(template: str, **fields: object) -> str:
    """Fill a rule's message template; unknown fields are left as they are."""
    return Formatter().vformat(template, (), _Fields(fields))


def _source_name(source_id: str) -> str:
    return source_id.rsplit("/", 1)[-1]


def _values_text(
    groups: dict[str, list[Fact]], agree: Callable[[Fact, Fact], bool] | None = None
) -> str:
    """The values of a finding, each with its sources: "A (a.txt) vs B (b.txt)". Values that
    all agree with one another (``agree``: a GMT clock and the local day it is) stand on
    one side, joined by "=": "2026-09-15 (a.txt) = 2026-09-14 (b.txt) vs 2026-09-09 (c.txt)"."""
    sides: list[list[str]] = []
    for label, facts in groups.items():
        side = next(
            (
                side
                for side in sides
                if agree is not None
                and all(
                    agree(a, b) and _alike(a.value, b.value)
                    for other in side
                    for a in facts
                    for b in groups[other]
                )
            ),
            None,
        )
        if side is None:
            sides.append([label])
        else:
            side.append(label)
    if len(sides) == 1:
        sides = [[label] for label in groups]  # no side against another: each value alone
    parts = []
    for side in sides:
        named = []
        for label in side:
            names = ", ".join(sorted({_source_name(f.source_id) for f in groups[label]}))
            named.append(f"{label} ({names})")
        parts.append(" = ".join(named))
    return " vs ".join(parts)


def _alike(a: object, b: object) -> bool:
    """True when two values that agree may also be written as one ("more than 40" =
    "at least 40", "159,000" = "about 159,000"): not two open ranges from different
    floors, which only fail to contradict ("more than 40" and "more than 660")."""
    if isinstance(a, Amount) and isinstance(b, Amount):
        bounded = not math.isinf(a.high) and not math.isinf(b.high)
        return bounded or math.isclose(a.low, b.low, rel_tol=1e-6)
    return True


def _unit_value(unit: Unit, family: str) -> list[Fact]:
    """The facts of a unit that state its value (for counts, those giving the series length;
    for places, the narrowest: not a country one of its cities lies in)."""
    if family != "count":
        return [f for f in unit.facts if not _holds_another(f, unit.facts)]
    past = [f for f in unit.facts if isinstance(f.value, int)]
    top = max(f.value for f in past)  # type: ignore[type-var]
    return [f for f in past if f.value == top]


def _holds_another(fact: Fact, facts: Sequence[Fact]) -> bool:
    """True for a country that another of ``facts`` lies in ("near X in northern Y": Y
    holds X): the unit's place is the city, and the country says nothing more of it."""
    place = fact.value
    if not isinstance(place, Place) or place.kind != "country" or not place.countries:
        return False
    return any(
        isinstance(other.value, Place)
        and other.value.kind in ("city", "venue")
        and other.value.countries
        and other.value.countries <= place.countries
        and other.source_id == fact.source_id
        and 0 <= fact.start - other.end <= _CITY_THEN_COUNTRY
        for other in facts
        if other is not fact
    )


_CITY_THEN_COUNTRY = 3
"""Most characters between a city and the country named right after it ("near X in
northern Y": one phrase); a country named elsewhere in the sentence is a place of its own."""


def _comparable(a: Fact, b: Fact) -> bool:
    """Places the gazetteer does not know say nothing either way; nor do two sums in two
    currencies, unless they are one figure ("C$14.50 a share" and "US$14.50 a share": one
    source has the currency wrong; "R310 million" and "$18 million" may be one sum
    converted). Every other value does."""
    if isinstance(a.value, Place) and isinstance(b.value, Place):
        return comparable(a.value, b.value)
    if isinstance(a.value, Amount) and isinstance(b.value, Amount):
        x, y = a.value, b.value
        if x.dimension != y.dimension and x.dimension.startswith("currency:"):
            return x.low <= y.high * (1 + 1e-9) and y.low <= x.high * (1 + 1e-9)
    return True


_LOCAL_KINDS = ("unknown", "city")
"""Kinds of place ``_unknown_apart`` may tell apart: names the gazetteer lacks and cities it
cannot tell from their namesakes, never a country or a region (a town lies in one)."""


def _local(place: Place) -> bool:
    """True for a name the gazetteer lacks or a city it cannot tell from its namesakes, and
    for a name it lacks that the source places in a country or state ("Esk Norton, N.S.":
    that wider place, qualified, with no point of its own)."""
    if place.kind in ("country", "region") and place.qualified and not place.coordinates:
        return True
    return place.kind in _LOCAL_KINDS and not comparable(place, place)


def _name_words(name: str, parts: frozenset[str]) -> frozenset[str]:
    """The capitalised words of a place's name that are its own ("Haddle" of "Haddle
    Head"), as written: not one of ``parts`` (words many names share: "Head", "Point")."""
    return frozenset(
        w
        for w in re.findall(r"[^\W\d_][\w'-]*", name)
        if w[:1].isupper() and w.lower() not in parts
    )


def _unknown_apart(a: Place, b: Place, texts: Sequence[str], parts: frozenset[str]) -> bool:
    """True when two places the gazetteer cannot place are still two places: both local
    names (``_LOCAL_KINDS``), sharing no word of their own, and no source of the story
    names both (a source that names both may say one lies in the other: "Callowby, in
    the Venmark district")."""
    if comparable(a, b) or not _local(a) or not _local(b):
        return False
    own_a, own_b = _name_words(a.name, parts), _name_words(b.name, parts)
    if not own_a or not own_b or own_a & own_b:
        return False
    if _acronym_of(a.name, b.name, texts) or _acronym_of(b.name, a.name, texts):
        return False  # "the MICC", "the Morvane International Convention Centre"
    if any(_wider(text, own) for text in texts for own in (own_a, own_b)):
        return False
    if any(_coordinated(text, own_a, own_b) for text in texts):
        return True  # "the line between Tollerby and Arrinde": two places side by side
    return not any(_names_any(text, own_a) and _names_any(text, own_b) for text in texts)


_COORDINATION = r"(?:\s+(?:and|or|to)\s+|\s*[-\u2013]\s*)"
"""What joins two places' names side by side: "A and B", "from A to B", "the A-B line"."""


def _coordinated(text: str, own_a: frozenset[str], own_b: frozenset[str]) -> bool:
    """True when ``text`` joins a name's word of each place side by side ("between Tollerby
    and Arrinde", "the Tollerby-Arrinde line"): two places, neither inside the other."""
    for first, second in ((own_a, own_b), (own_b, own_a)):
        for x in first:
            for y in second:
                pattern = rf"(?<![\w-]){re.escape(x)}{_COORDINATION}{re.escape(y)}(?![\w-])"
                if re.search(pattern, text):
                    return True
    return False


_ACRONYM = re.compile(r"[A-Z]{2,8}")
_ACRONYM_SKIPPED = frozenset({"of", "the", "and", "for", "de", "du", "la", "&"})


def _initials(words: Sequence[str]) -> str:
    return "".join(w[0] for w in words if w.lower() not in _ACRONYM_SKIPPED).upper()


def _acronym_of(short: str, name: str, texts: Sequence[str]) -> bool:
    """True when ``short`` is an acronym ("MICC") of ``name`` or of a longer name a source
    writes starting with it ("Morvane International" of "Morvane International
    Convention Centre")."""
    short = short.removeprefix("the ").strip()
    if not _ACRONYM.fullmatch(short):
        return False
    if _initials(name.split()) == short:
        return True
    pattern = re.escape(name) + r"(?:\s+(?:[A-Z][\w'-]*|of|the|and|for))*"
    for text in texts:
        for found in re.finditer(pattern, text):
            words = found[0].split()
            while words and words[-1].lower() in _ACRONYM_SKIPPED:
                words.pop()
            if _initials(words) == short:
                return True
    return False


_WIDER_NOUNS = (
    "region|province|county|state|district|prefecture|department|oblast|canton|republic|"
    "government|capital|president|prime|ministry|parliament"
)


def _wider(text: str, words: frozenset[str]) -> bool:
    """True when ``text`` shows a name to be a country or a region, which a town may lie in:
    its people or things named after it ("the Velmarian police", "Velmarese exports"), or a
    region's or a state's noun after it ("the Venmark district", "Velmaria's government")."""
    for w in words:
        stem = w[:-1] if w[-1:] in "aeiouy" and len(w) > 4 else w
        if re.search(
            rf"(?<![\w-])(?:{re.escape(w)}|{re.escape(stem)})(?:n|an|ian|ese|ish|i)(?![\w-])"
            rf"|(?<![\w-]){re.escape(w)}(?:'s|\u2019s)? (?:{_WIDER_NOUNS})\b",
            text,
        ):
            return True
    return False


def _names_any(text: str, words: frozenset[str]) -> bool:
    """True when ``text`` holds one of ``words`` as a whole word, written as given."""
    return any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text) for w in words)


def _one_place(facts: list[Fact]) -> bool:
    """True when a unit's facts name one place only (by name): a source that places the
    same thing in two places gives no one place to set against another's."""
    return len({f.value.name.lower() for f in facts if isinstance(f.value, Place)}) == 1


def _near_days(a: Fact, b: Fact, days: int) -> bool:
    """True when ``a`` and ``b`` are single days of known years at most ``days`` apart: two
    leads' days further apart date two events (a crime and its trial, a quake and the
    relief that followed), not one event misdated."""
    x, y = a.value, b.value
    if not isinstance(x, Interval) or not isinstance(y, Interval):
        return False
    if x.start != x.end or y.start != y.end or not (x.year_known and y.year_known):
        return False
    return abs((x.start - y.start).days) <= days


def _values_agree(a: Fact, b: Fact, same_place_km: float = 10.0, core_ratio: float = 0.0) -> bool:
    if isinstance(a.value, Interval) and isinstance(b.value, Interval):
        return intervals_agree(a.value, b.value)
    if isinstance(a.value, Place) and isinstance(b.value, Place):
        return places_agree(a.value, b.value, same_place_km=same_place_km, core_ratio=core_ratio)
    if isinstance(a.value, Amount) and isinstance(b.value, Amount):
        if _dated_apart(a, b):
            return True  # "4.8% in September" and "5.2% in August": two figures, no conflict
        if _estimates_apart(a.value, b.value):
            return False  # "about 54,000 tickets" and "about 59,000 tickets"
        return a.value.overlaps(b.value)
    return a.value == b.value


def _estimates_apart(a: Amount, b: Amount) -> bool:
    """True for two "about" figures of one dimension, stated in one unit, further apart than
    the coarser one's rounding step (the place of its last digit that is not zero), read on
    the figures as written (``Amount.estimate``): each writer rounds the same number, so
    "about 62,000" and "about 68,000" differ (six thousands apart, rounded to the thousand),
    while "about 80" and "about 85", or "about 1.2 million" and "about 1.25 million", agree,
    though each "about" allows a tenth either way. Figures in two units ("about 80 days",
    "about 3 months") are left to their ranges."""
    if a.dimension != b.dimension or a.estimate is None or b.estimate is None:
        return False
    (x, unit_a), (y, unit_b) = a.estimate, b.estimate
    if unit_a != unit_b:
        return False
    return abs(x - y) > max(_rounding_step(x), _rounding_step(y)) * (1 + 1e-9)


def _rounding_step(value: float) -> float:
    """The place value of the last digit of ``value`` that is not zero (54,000: 1,000; 85: 1;
    1.25 million: 10,000; 4.5: 0.1)."""
    if not value:
        return 1.0
    for power in range(15, -7, -1):
        step = 10.0**power
        units = value / step
        if abs(units - round(units)) < 1e-6 and round(units) != 0:
            return step
    return 10.0**-6


def _dated_apart(a: Fact, b: Fact) -> bool:
    """True when two figures are told of two periods ("4.8% in September", "5.2% in
    August"; "in 2030", "in 2031"). A day in a figure's clause dates its happening, not
    the figure ("jailed on Wednesday for stealing 1.7 million pounds", "said on Wednesday
    that the outbreak had killed 18 people"): such figures are compared, and the days are
    left to the date rules."""
    return (
        a.when is not None
        and b.when is not None
        and a.when.granularity != "day"
        and b.when.granularity != "day"
        and not intervals_agree(a.when, b.when)
    )


def _cap(amount: Amount) -> bool:
    """True for a figure bounded only from above ("fewer than 40", "up to $50 million": 0 to
    the figure): two such figures of one thing that differ are two bounds, never listed as
    agreeing (two stated maxima that differ disagree outright: ``Amount.overlaps``)."""
    return amount.low == 0 < amount.high < math.inf


def _confirms(a: Fact, b: Fact, same_place_km: float = 10.0, core_ratio: float = 0.0) -> bool:
    """True when ``b`` states ``a``'s value or one holding it, so the two may stand in an
    agreement: equal words, dates equal or one inside the other, a city and its country,
    figures whose ranges meet. Never two values that exclude each other, nor two a
    comparison only let pass: figures of two periods ("in 2030", "in 2031"), two
    different caps of one figure ("up to $50 million", "up to $15 million"), a place the
    gazetteer cannot compare (two days one apart: ``_days_agree``'s ``both_zoned``)."""
    if isinstance(a.value, Amount) and isinstance(b.value, Amount):
        if _dated_apart(a, b):
            return False
        x, y = a.value, b.value
        if x.high != y.high and _cap(x) and _cap(y):
            return False
        return x.overlaps(y)
    if a.value_label() == b.value_label():
        return True
    if not _comparable(a, b):
        return False
    if isinstance(a.value, Interval) and isinstance(b.value, Interval):
        return intervals_agree(a.value, b.value)
    return _values_agree(a, b, same_place_km, core_ratio)


def _says(text: str, words: list[str]) -> bool:
    """True when ``text`` holds one of ``words`` (or phrases) as whole words."""
    lower = f" {re.sub(r'[^a-z0-9]+', ' ', text.lower())} "
    return any(f" {word} " in lower for word in words)


def _names_zone(sentence: str, suffixes: list[str]) -> bool:
    """True when ``sentence`` gives a clock in a zone named after a place: a capitalised
    name before one of ``suffixes``, not at the sentence's start ("at 0740 on Saturday,
    Ruritania time")."""
    if not suffixes:
        return False
    ends = "|".join(re.escape(s) for s in suffixes)
    return re.search(rf"(?<=[\w,] )[A-Z][a-z]+ (?:{ends})\b", sentence) is not None


def _zone_clock(sentence: str, options: dict) -> tuple[float, bool] | None:
    """The clock a sentence gives right before a zone word ("at 09:15 GMT", "1842 GMT",
    "3:42 a.m. local time"), in hours, and whether its zone is one of
    ``universal_zone_words`` (GMT, UTC). None when no clock stands right before one."""
    words = options.get("zone_words", [])
    if not words:
        return None
    zones = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    match = re.search(
        rf"(?<![\d:.,])(\d{{1,2}})(?:[:.]?(\d{{2}}))?\s*(a\.?m\.?|p\.?m\.?)?\s*\b({zones})\b",
        sentence,
        re.IGNORECASE,
    )
    if match is None:
        return None
    hours, minutes = int(match[1]), int(match[2] or 0)
    if hours > 24 or minutes > 59:
        return None
    meridiem = (match[3] or "").lower()[:1]
    if meridiem and not 1 <= hours <= 12:
        return None
    if meridiem:
        hours = hours % 12 + (12 if meridiem == "p" else 0)
    universal = match[4].lower() in {w.lower() for w in options.get("universal_zone_words", [])}
    return hours + minutes / 60, universal


def _zone_allows(sentence: str, shift: int, options: dict) -> bool:
    """True when the clock and zone ``sentence`` gives may fall on the day ``shift`` days
    from the day it names, for a source that gives no clock: a GMT clock is another local
    day only where the local offset (``zone_offsets``) carries it across midnight ("09:15
    GMT on Friday" is a Thursday nowhere news is filed from; "2340 GMT on Monday" is Tuesday
    in Asia), a local clock another GMT day likewise. True when no clock can be read."""
    clock = _zone_clock(sentence, options)
    offsets = options.get("zone_offsets")
    if clock is None or not offsets:
        return True
    hours, universal = clock
    low, high = float(min(offsets)), float(max(offsets))
    if not universal:  # a local clock: the other day is GMT's, offset the other way
        low, high = -high, -low
    if shift < 0:
        return hours + low < 0
    return hours + high >= 24


def _days_agree(a: Fact, b: Fact, rule: Rule, *, both_zoned: bool = False) -> bool:
    """Two dates of one event agree when they are one day, or one day apart and
    either the earlier is a night and the later an early hour ("late on Friday", "early
    Saturday"), or either sentence gives the time in another zone and a local offset
    carries that clock across midnight ("0015 GMT on Wednesday" is the evening before in the
    Americas; "09:15 GMT on Friday" is a Thursday nowhere); with ``both_zoned``, both
    sentences must (an
    agreement's two days: "at 11:30 p.m. ET on Tuesday" and "at 0430 GMT on Wednesday",
    never "at 09:15 GMT on Friday" and a bare "on Thursday")."""
    if not isinstance(a.value, Interval) or not isinstance(b.value, Interval):
        return _values_agree(a, b)
    if intervals_agree(a.value, b.value):
        return True
    gap = (b.value.start - a.value.start).days
    if abs(gap) != 1:
        return False
    options = rule.options
    suffixes = options.get("zone_suffixes", [])
    zoned = [
        _says(fact.sentence, options.get("zone_words", [])) or _names_zone(fact.sentence, suffixes)
        for fact in (a, b)
    ]
    if all(zoned):
        return True  # two clocks, or two zones: either may be the other's moment
    if any(zoned) and not both_zoned:
        clock_fact, other = (a, b) if zoned[0] else (b, a)
        shift = (other.value.start - clock_fact.value.start).days  # type: ignore[union-attr]
        if _zone_allows(clock_fact.sentence, shift, options):
            return True
    earlier, later = (a, b) if gap > 0 else (b, a)
    return _says(earlier.text, options.get("night_words", [])) and _says(
        later.text, options.get("early_words", [])
    )


def _updated_total(rule: Rule, earlier: list[Fact], later: list[Fact]) -> bool:
    """True when ``later``, from a source published after ``earlier``'s, gives a running total
    (the rule's ``running_totals``: a death toll, a case count) at least as high, in a
    sentence that says it grew ("the toll rose to 16"): an update, not a conflict. One such
    sentence is enough for the source's other statements of the total ("Toll rises to 16"
    as the headline, "has killed at least 16 people" as the lead)."""
    totals = rule.options.get("running_totals", [])
    words = {w.lower() for w in rule.options.get("update_words", [])}
    return all(
        (f.subject or "").split(" (")[0] in totals
        and isinstance(f.value, Amount)
        and isinstance(e.value, Amount)
        and f.value.low >= e.value.low
        for f in later
        for e in earlier
    ) and any(words & set(_WORD.findall(_QUOTED.sub(" ", f.sentence.lower()))) for f in later)


_WORD = re.compile(r"[a-z]+")
_QUOTED = re.compile(r'"[^"]*"|\u201c[^\u201d]*\u201d')
"""Words in quotation marks: a name or a slogan ("Level 3 "Go Now" notices"), no update."""


def _update_between(
    rule: Rule, a: list[Fact], b: list[Fact], published: dict[str, dt.date | None]
) -> bool:
    """True when one side is an update of the other's running total (see ``_updated_total``)."""
    when_a, when_b = published.get(a[0].source_id), published.get(b[0].source_id)
    if when_a is None or when_b is None or when_a == when_b:
        return False
    earlier, later = (a, b) if when_a < when_b else (b, a)
    return _updated_total(rule, earlier, later)


def _series_moved_on(a: list[Fact], b: list[Fact], published: dict[str, dt.date | None]) -> bool:
    """True when one side's count numbers an event still to come ("one race away from a
    third title": two so far) and the other, published later, counts that event as held
    ("took his third title": three): the series moved on between the two articles."""
    when_a, when_b = published.get(a[0].source_id), published.get(b[0].source_id)
    if when_a is None or when_b is None or when_a == when_b:
        return False
    earlier, later = (a, b) if when_a < when_b else (b, a)
    return all(f.timing == "future" for f in earlier) and any(
        isinstance(f.value, int) and isinstance(e.value, int) and f.value == e.value + 1
        for f in later
        for e in earlier
    )


def compare_alignment(
    alignment: Alignment,
    story: str,
    rule: Rule,
    anchors: dict[str, str],
    published: dict[str, dt.date | None] | None = None,
    texts: Sequence[str] = (),
    name_parts: frozenset[str] = frozenset(),
    event_words: _EventWords | None = None,
) -> Finding | Agreement | None:
    """Compare one aligned group: a discrepancy finding if two sources differ, else an agreement.
    ``published`` (source id to publication date) lets a later source update a running total.
    ``texts``: the story's source texts, which a rule with ``unknown_places`` reads to
    tell apart two places the gazetteer lacks (``_unknown_apart``); ``name_parts``: words
    many place names share (lexicon ``place_name_parts``); ``event_words``: the rules' event
    verbs and nouns (a verb, "met", names no event in a message).
    None when a rule with ``max_days_apart`` finds no two of the group's dates near enough
    to be one event's."""
    same_place_km = float(rule.options.get("same_place_km", 10.0))
    core_ratio = float(rule.options.get("core_ratio", 0.0))
    # Two sources differ when nothing one states agrees with anything the other states
    # (a unit may hold two facts when an article's chain took in a second event).
    values = [_unit_value(unit, alignment.family) for unit in alignment.units]
    lead = rule.extends == "lead_date"
    # dates a day apart may be one moment: "late on Friday" and "early Saturday", or a
    # clock in GMT against local time
    across_midnight = lead or "zone_words" in rule.options

    def agree(a: Fact, b: Fact) -> bool:
        if across_midnight:
            return _days_agree(a, b, rule)
        return _values_agree(a, b, same_place_km, core_ratio)

    near = rule.options.get("max_days_apart")

    def comparable(a: Fact, b: Fact) -> bool:
        if near is not None:
            return _near_days(a, b, int(near))
        return _comparable(a, b)

    unknown = bool(rule.options.get("unknown_places"))

    def apart(i: int, j: int) -> bool:
        """Two units that each name one place the gazetteer lacks, two places apart."""
        return (
            unknown
            and _one_place(values[i])
            and _one_place(values[j])
            and all(
                isinstance(a.value, Place)
                and isinstance(b.value, Place)
                and _unknown_apart(a.value, b.value, texts, name_parts)
                for a in values[i]
                for b in values[j]
            )
        )

    def facing(i: int, j: int) -> list[Fact]:
        """The facts of unit ``i`` set against unit ``j``'s: when ``i`` dates its event both
        before and after its publication ("made landfall on Monday" and "would move
        towards Normandy on Wednesday") and ``j`` on one side only, those on ``j``'s side
        (a forecast is no date of what happened, a past round none of the next)."""
        theirs = {f.timing for f in values[j]} - {"unknown"}
        mine = {f.timing for f in values[i]} - {"unknown"}
        if len(theirs) != 1 or len(mine) < 2:
            return values[i]
        return [f for f in values[i] if f.timing in theirs] or values[i]

    def differ(i: int, j: int) -> bool:
        ours, theirs = facing(i, j), facing(j, i)
        if not any(comparable(a, b) for a in ours for b in theirs):
            return apart(i, j)
        return (
            not any(agree(a, b) for a in ours for b in theirs if comparable(a, b))
            and not _update_between(rule, values[i], values[j], published or {})
            and not (
                alignment.family == "count"
                and _series_moved_on(values[i], values[j], published or {})
            )
        )

    # Figures of the story's one subject: two sources that could be aligned on their own
    # are compared too, not only the two whose words joined them ("18 crew" and "16 crew",
    # grouped through a third source's "18 crew").
    pairs = alignment.pairs
    units = alignment.units
    if lead:  # every source's lead states the one main event: all pairs are compared
        pairs = tuple((i, j) for i in range(len(units)) for j in range(i + 1, len(units)))
    elif alignment.family == "quantity" and all(unit.one_subject for unit in units):
        pairs = tuple(
            (i, j)
            for i in range(len(units))
            for j in range(i + 1, len(units))
            if (i, j) in alignment.pairs or pair_score(units[i], units[j]) > 0
        )
    if near is not None and not any(
        comparable(a, b) for i, j in pairs for a in values[i] for b in values[j]
    ):
        return None
    conflicts = [(i, j) for i, j in pairs if differ(i, j)]
    disagree = bool(conflicts)
    # A finding shows the sources in conflict, with any other source of the group that
    # sides with one of them (it differs from the other); one that agrees with both
    # sides stays out.
    in_conflict = {k for pair in conflicts for k in pair}
    shown = sorted(
        in_conflict
        | {k for k in range(len(values)) if any(differ(k, c) for c in in_conflict if c != k)}
    ) or range(len(values))
    partners = {
        k: [m for i, j in conflicts for k2, m in ((i, j), (j, i)) if k2 == k] for k in shown
    }
    stated = [
        fact
        for k in shown
        for fact in values[k]
        if not partners[k] or any(fact in facing(k, m) for m in partners[k])
    ]
    evidence = tuple(Evidence.of(f, anchors.get(f.source_id)) for f in stated)
    groups: dict[str, list[Fact]] = defaultdict(list)
    for fact in stated:
        groups[fact.value_label()].append(fact)
    first = alignment.units[0]
    fields = {
        "event": _event_name(alignment.units, event_words or _NO_EVENT_WORDS)
        if alignment.family in ("date", "lead")
        else first.facts[0].trigger or "event",
        "about": _deadline_subject(alignment.units),
        "series": first.event_class,
        "measure": first.facts[0].subject or first.event_class,
        "values": _values_text(groups, agree if disagree else None),
    }
    if disagree:
        return Finding(
            kind="discrepancy",
            rule=rule.id,
            severity=rule.level,  # type: ignore[arg-type]
            story=story,
            message=render_message(rule.message, **fields),
            evidence=evidence,
        )

    # An agreement lists the statements that state another source's value or hold it
    # (``_confirms``): two places never compared (a small town against a city abroad), an
    # update of a running total, two days a tolerance lets agree, two figures of other
    # times and two different caps are no agreement. The statements the comparison found
    # consistent (those too) are kept apart, for rules that yield to them (``judged``).
    def settled(k: int, m: int) -> bool:
        return _update_between(rule, values[k], values[m], published or {}) or (
            alignment.family == "count" and _series_moved_on(values[k], values[m], published or {})
        )

    def consistent(k: int, a: Fact, m: int, b: Fact) -> bool:
        return (
            a.value_label() == b.value_label()
            or (comparable(a, b) and agree(a, b))
            or settled(k, m)
        )

    def confirmed(k: int, a: Fact, m: int, b: Fact) -> bool:
        if across_midnight and isinstance(a.value, Interval) and isinstance(b.value, Interval):
            return _days_agree(a, b, rule, both_zoned=True)
        return _confirms(a, b, same_place_km, core_ratio)

    judged = _agreeing(shown, values, consistent, comparable)
    listed = _agreeing(shown, values, confirmed, comparable)
    if not _worth_telling(judged):
        return None
    if not _worth_telling(listed):
        listed = []
    evidence = tuple(Evidence.of(f, anchors.get(f.source_id)) for f in listed)
    groups = defaultdict(list)
    for fact in listed:
        groups[fact.value_label()].append(fact)
    summary = (
        f"{rule.id}: " + " = ".join(f'"{f.text}"' for f in listed) + f" -> {', '.join(groups)}"
    )
    return Agreement(
        rule=rule.id,
        story=story,
        summary=summary,
        evidence=evidence,
        judged=tuple(Evidence.of(f, anchors.get(f.source_id)) for f in judged),
    )


def _agreeing(
    shown: Sequence[int],
    values: list[list[Fact]],
    agree: Callable[[int, Fact, int, Fact], bool],
    comparable: Callable[[Fact, Fact], bool],
) -> list[Fact]:
    """The statements of units ``shown`` that ``agree`` with one of another unit, less
    those that conflict with another of them ("June 2" and "June 3" both inside another
    source's "June" agree with it, not with each other): the statements in most conflicts
    go first, until none is left."""
    listed = [
        (k, fact)
        for k in shown
        for fact in values[k]
        if any(agree(k, fact, m, other) for m in shown if m != k for other in values[m])
    ]
    while listed:
        clashes = [
            sum(
                a.source_id != b.source_id
                and a.value_label() != b.value_label()
                and not agree(k, a, m, b)
                and comparable(a, b)
                for m, b in listed
            )
            for k, a in listed
        ]
        if max(clashes) == 0:
            break
        listed = [item for item, n in zip(listed, clashes, strict=True) if n < max(clashes)]
    return [fact for _, fact in listed]


def _worth_telling(stated: list[Fact]) -> bool:
    """An agreement needs two sources; names the gazetteer lacks are compared to find two
    places apart, but their agreeing says little ("the Web" = "a Web")."""
    return len({f.source_id for f in stated}) >= 2 and not all(
        isinstance(f.value, Place) and f.value.kind == "unknown" for f in stated
    )


def _event_name(units: Sequence[Unit], words: _EventWords) -> str:
    """The event a message names: the first source's event word, or, where that is a verb
    ("met on Monday"), the first noun another source gives ("talks"), or the event word the
    verb is made from ("crashed": crash), else the event's class ("gathering")."""
    facts = [f for unit in units for f in unit.facts]
    first = facts[0]
    kind = units[0].event_class
    if kind == "main" or kind.startswith("clause:"):
        # no event word names it: the words each source dates it with ("placed, launched"),
        # after the clause's subject ("cyclone: slammed, struck")
        said = ", ".join(dict.fromkeys(f.trigger for f in facts if f.trigger))
        subject = kind.split(":")[1] if kind.startswith("clause:") else ""
        return f"{subject}: {said}" if subject and said else said or subject or "event"
    if not words.is_verb(first.trigger):
        return first.trigger or "event"
    noun = next((f.trigger for f in facts if f.trigger and not words.is_verb(f.trigger)), None)
    if noun is None and first.trigger and first.trigger.endswith("ed"):
        stems = (first.trigger[:-2], first.trigger[:-1])
        noun = next((w for w in stems if w in words.nouns), None)
    return noun or units[0].event_class or first.trigger or "event"


@dataclass(frozen=True)
class _EventWords:
    """The rules' words that may trigger an event, as verbs ("met", "meets", "crashed") and
    as nouns ("talks", "crash")."""

    verbs: frozenset[str]
    nouns: frozenset[str]

    @classmethod
    def of(cls, ruleset: RuleSet) -> _EventWords:
        """Verbs: past-tense markers, the event rules' verbs, the present forms of scheduled
        happenings (lexicons ``past_markers``, ``present_markers``). Nouns: the other event
        words."""
        lex = ruleset.lexicons
        verbs = {*lex.get("past_markers", []), *lex.get("present_markers", [])}
        verbs |= {verb for rule in ruleset.of_kind("event_date") for verb in rule.options["verbs"]}
        verbs = {w.lower() for w in verbs}
        nouns = {w.lower() for w in ruleset.event_classes} - verbs
        return cls(frozenset(verbs), frozenset(w for w in nouns if not w.endswith("ed")))

    def is_verb(self, word: str | None) -> bool:
        """True for a verb form that triggered an event ("met", "crashed"), not a noun."""
        if not word or word in self.nouns:
            return False
        return word in self.verbs or (word.endswith("ed") and " " not in word)


_NO_EVENT_WORDS = _EventWords(frozenset(), frozenset())
"""No event words known: only a past form ("crashed") is taken for a verb."""


def _deadline_subject(units: Sequence[Unit]) -> str:
    """What the deadline is for, in the first source's words that say more than its marker
    ("until" alone names no task: another source's "draw water from the reservoir" does)."""
    facts = [f for unit in units for f in unit.facts]
    return next(
        (f.subject for f in facts if f.subject and f.subject != f.trigger),
        next((f.subject for f in facts if f.subject), facts[0].trigger or "deadline"),
    )


def _inconsistency(
    normalized: NormalizedSource,
    timex: ResolvedTimex,
    rule: Rule,
    story: str,
    *,
    anchor: str,
    **fields: object,
) -> Finding:
    """An in-article finding about one date expression, its message filled from ``fields``."""
    where = timex.mention.where
    value = timex.value.label() if timex.value else None
    evidence = Evidence(
        normalized.source.id,
        where.line,
        where.column,
        where.text,
        value,
        where.sentence,
        anchor,
        where.sentence_offset,
    )
    return Finding(
        kind="inconsistency",
        rule=rule.id,
        severity=rule.level,  # type: ignore[arg-type]
        story=story,
        message=render_message(rule.message, **fields),
        evidence=(evidence,),
    )


def _weekday_anchor(source: Source, timex: ResolvedTimex) -> str:
    """Where the year of a weekday-and-date comes from, for evidence."""
    if timex.parts.year is not None:
        return "explicit year"
    if source.published is None and timex.anchor is not None:
        return f"no publication date; year of the story's other sources ({timex.anchor.year})"
    return anchor_label(source)


def weekday_findings(normalized: NormalizedSource, rule: Rule, story: str) -> list[Finding]:
    """Weekdays stated with a date that falls on another weekday ("Tuesday, March 5" in 2024)."""
    findings = []
    for timex in normalized.timexes:
        parts, value = timex.parts, timex.value
        if (
            parts.weekday is None
            or not (parts.month and parts.day)
            or value is None
            or not value.year_known
        ):
            continue
        actual = value.start.weekday()
        if actual != parts.weekday:
            findings.append(
                _inconsistency(
                    normalized,
                    timex,
                    rule,
                    story,
                    anchor=_weekday_anchor(normalized.source, timex),
                    date=value.start.strftime("%B %-d, %Y"),
                    actual=calendar.day_name[actual],
                    stated=calendar.day_name[parts.weekday],
                )
            )
    return findings


def tense_findings(normalized: NormalizedSource, rule: Rule, story: str) -> list[Finding]:
    """Explicit dates that contradict their clause's tense and the publication date."""
    source = normalized.source
    if source.published is None or source.published_from != "metadata":
        return []
    tolerance = dt.timedelta(days=int(rule.options.get("tolerance_days", 1)))
    findings = []
    for timex in normalized.timexes:
        value, tense = timex.value, timex.mention.tense
        if (
            value is None
            or timex.parts.year is None
            or timex.parts.day is None
            or timex.mention.reported
        ):
            continue  # only a full date ("March 30, 2024") can contradict the tense
        if timex.mention.governor in _OUTSIDE_TENSE:
            continue  # "bonds due Nov. 17, 1992", "through March 1": a term, not when it happened
        if tense == "past" and value.start > source.published + tolerance:
            relation = "after"
        elif tense == "future" and value.end < source.published - tolerance:
            relation = "before"
        else:
            continue
        findings.append(
            _inconsistency(
                normalized,
                timex,
                rule,
                story,
                anchor=anchor_label(source),
                text=f'"{timex.mention.where.text}"',
                date=value.label(),
                relation=relation,
                published=source.published.isoformat(),
                tense=tense,
            )
        )
    return findings


class _OtherSources:
    """The words the story's other sources use, answered from per-word source counts: a union
    of the other vocabularies per source was quadratic in the number of sources."""

    def __init__(self, used_by: Counter, own: Counter) -> None:
        self._used_by = used_by
        self._own = own

    def __contains__(self, word: object) -> bool:
        return self._used_by.get(word, 0) > (1 if word in self._own else 0)


def _closed_class_names(ruleset: RuleSet, rule: Rule) -> dict[str, str]:
    """The words of a ``closed_class`` rule's lexicons (longer than three letters, no
    abbreviation), each with its class: ``weekday``, ``month`` or the lexicon's name."""
    closed: dict[str, str] = {}
    for lexicon_name in rule.options["lexicons"]:
        words = ruleset.lexicon(lexicon_name)
        label = (
            "weekday"
            if "week" in lexicon_name
            else "month"
            if "month" in lexicon_name
            else lexicon_name
        )
        for word in words:
            if len(word) > 3 and not word.endswith("."):
                closed.setdefault(word, label)
    return closed


def typo_findings(
    sources: list[NormalizedSource],
    ruleset: RuleSet,
    story: str,
    *,
    vocabulary: Vocabulary | None = None,
    spelling: str = "both",
) -> list[Finding]:
    """Typo findings of the whole story (cross-source corroboration needs every source).

    Args:
        sources (list[NormalizedSource]): the story's sources.
        ruleset (RuleSet): the rules.
        story (str): story name.
        vocabulary (Vocabulary | None): accepted and rejected terms. Defaults to None.
        spelling (str): ``both``, ``en-GB`` or ``en-US``: which spelling variant the desk uses. Defaults to "both".
    """
    vocabulary = vocabulary or Vocabulary()
    findings: list[Finding] = []
    # a word in text the article tells the checker to ignore corroborates no other source
    vocabularies = {n.source.id: vocabulary_of(_words_read(n, "typo.spelling")) for n in sources}
    words_by_source = {n.source.id: n.words for n in sources}
    calendar_rules = ruleset.of_kind("closed_class")
    spelling_rules = ruleset.of_kind("spelling")
    name_rules = ruleset.of_kind("name_spelling")
    titles = frozenset(ruleset.lexicons.get("honorifics", []))
    # the units and currencies the rules declare ("soums", "hryvnias") are words
    declared_units = frozenset(
        str(unit).lower() for unit in ruleset.lexicons.get("measure_units", {})
    )
    names_typos = {}
    for rule in name_rules:
        for source_id, typos in name_typos(
            words_by_source,
            rule=rule.id,
            min_length=int(rule.options.get("min_length", 4)),
            titles=titles,
            same_place=lambda a, b: gazetteer_of(ruleset).same_place(a, b),
            romanisations=rule.options.get("romanisations", ()),
        ).items():
            names_typos.setdefault(source_id, []).extend((rule, t) for t in typos)
    used_by: Counter[str] = Counter()
    for words in vocabularies.values():
        used_by.update(words.keys())  # each source's distinct words once
    capitalised = {
        text
        for words in words_by_source.values()
        for text in set(as_words(words).texts)
        if text[:1].isupper()
    }
    for normalized in sources:
        source_id = normalized.source.id
        others = _OtherSources(used_by, vocabularies[source_id])
        found = []
        taken: set[int] = set()
        for rule in calendar_rules:
            closed = ruleset.derived(
                f"closed_class_names:{rule.id}", partial(_closed_class_names, ruleset, rule)
            )
            for typo in calendar_typos(
                normalized.words,
                closed,
                rule=rule.id,
                max_distance=int(rule.options.get("max_distance", 2)),
            ):
                if typo.word.where.text.lower() not in others:
                    found.append((rule, typo))
                    taken.add(typo.word.where.start)
        for rule, typo in names_typos.get(source_id, []):
            if typo.word.where.start not in taken:
                found.append((rule, typo))
                taken.add(typo.word.where.start)
                taken.update(w.where.start for w in typo.again)
        for rule in spelling_rules:
            for typo in word_typos(
                normalized.words,
                others,
                rule=rule.id,
                max_rare_zipf=float(rule.options.get("max_rare_zipf", 2.0)),
                min_gain_zipf=float(rule.options.get("min_gain_zipf", 2.0)),
                min_common_zipf=float(rule.options.get("min_common_zipf", 3.0)),
                skip=taken,
                story_capitalised=capitalised,
                declared=declared_units,
                never_suggest=frozenset(map(str.lower, rule.options.get("never_suggest", []))),
            ):
                found.append((rule, typo))
        if spelling != "both":
            for rule in ruleset.of_kind("spelling_variant"):
                for typo in variant_typos(normalized.words, spelling, rule=rule.id):
                    if typo.word.where.start not in taken:
                        found.append((rule, typo))
                        taken.add(typo.word.where.start)
        found = [
            (rule, typo) for rule, typo in found if not _accepted(vocabulary, typo.word.where.text)
        ]
        for rule in ruleset.of_kind("rejected_term") if vocabulary.reject else ():
            words = as_words(normalized.words)
            for k, text in enumerate(words.texts):
                if words.starts[k] not in taken and vocabulary.rejects(text):
                    word = words[k]
                    detail = {"word": word.where.text, "suggestion": None}
                    found.append((rule, Typo(word, rule.id, None, detail)))
        for rule, typo in sorted(found, key=lambda item: item[1].word.where.start):
            where, suggestion = _whole_name(typo.word.where, typo.suggestion)
            # the later places the source writes the same slip, each with its correction
            again = tuple(
                Evidence(
                    source_id,
                    whole.line,
                    whole.column,
                    whole.text,
                    fixed,
                    whole.sentence,
                    None,
                    whole.sentence_offset,
                )
                for w in typo.again
                for whole, fixed in (_whole_name(w.where, typo.suggestion),)
            )
            support = tuple(
                Evidence(
                    other_id,
                    whole.line,
                    whole.column,
                    whole.text,
                    suggestion,
                    whole.sentence,
                    "the form this source uses elsewhere"
                    if other_id == source_id
                    else "the form other sources use",
                    whole.sentence_offset,
                )
                for other_id, w in typo.support
                for whole in (_whole_name(w.where, None)[0],)
            )
            findings.append(
                Finding(
                    kind="typo",
                    rule=rule.id,
                    severity=rule.level,  # type: ignore[arg-type]
                    story=story,
                    message=render_message(_typo_message(rule, typo), **typo.detail),
                    evidence=(
                        Evidence(
                            source_id,
                            where.line,
                            where.column,
                            where.text,
                            suggestion,
                            where.sentence,
                            None,
                            where.sentence_offset,
                        ),
                        *again,
                        *support,
                    ),
                    suggestion=suggestion,
                )
            )
    return findings


_HYPHENATED_NAME = re.compile(r"[A-Z][\w'’]*(?:-[A-Z][\w'’]*)+")


def _whole_name(where: Mention, suggestion: str | None) -> tuple[Mention, str | None]:
    """The hyphenated name that ``where`` is one part of ("Duverf" in "Marchal-Duverf"),
    with ``suggestion`` put in that part's place ("Marchal-Duvert"), so the evidence quotes
    the whole name; ``where`` and ``suggestion`` as they are for any other word."""
    offset = where.sentence_offset
    for match in _HYPHENATED_NAME.finditer(where.sentence):
        if match.start() <= offset and offset + len(where.text) <= match.end():
            if match.group() == where.text:
                break
            left = offset - match.start()
            whole = Mention(
                where.start - left,
                where.start - left + len(match.group()),
                where.line,
                where.column - left,
                match.group(),
                where.sentence,
                match.start(),
            )
            if suggestion is not None:
                suggestion = (
                    match.group()[:left] + suggestion + match.group()[left + len(where.text) :]
                )
            return whole, suggestion
    return where, suggestion


def _typo_message(rule: Rule, typo: Typo) -> str:
    """The rule's message for ``typo``: its ``tie_message`` for two forms one source each, its
    ``internal_message`` for a form the same source writes another way more often."""
    for flag in ("internal", "tie"):
        if typo.detail.get(flag):
            return rule.options.get(f"{flag}_message", rule.message)
    return rule.message


def _accepted(vocabulary: Vocabulary, word: str) -> bool:
    return vocabulary.accepts(word) or vocabulary.accepts(word.lower())


def compare_story(
    sources: list[NormalizedSource],
    alignments: list[Alignment],
    ruleset: RuleSet,
    story: str,
    *,
    vocabulary: Vocabulary | None = None,
    spelling: str = "both",
) -> tuple[list[Finding], list[Agreement]]:
    """All findings and agreements of one story (see ``typo_findings`` for the keyword arguments)."""
    anchors = {n.source.id: anchor_label(n.source) for n in sources}
    published = {n.source.id: n.source.published for n in sources}
    texts = [n.source.text for n in sources]
    name_parts = frozenset(w.lower() for w in ruleset.lexicons.get("place_name_parts", []))
    event_words = ruleset.derived("event_words", lambda: _EventWords.of(ruleset))
    findings: list[Finding] = []
    agreements: list[Agreement] = []
    for alignment in alignments:
        rule = ruleset.rules[alignment.rule]
        outcome = compare_alignment(
            alignment, story, rule, anchors, published, texts, name_parts, event_words
        )
        if outcome is None:
            continue
        (findings if isinstance(outcome, Finding) else agreements).append(outcome)  # type: ignore[arg-type]
    for normalized in sources:
        for rule in ruleset.of_kind("weekday_date"):
            findings.extend(weekday_findings(normalized, rule, story))
        for rule in ruleset.of_kind("tense_date"):
            findings.extend(tense_findings(normalized, rule, story))
    count_measures = ruleset.derived("count_measure_words", lambda: _count_measures(ruleset))
    for rule in ruleset.of_kind("paired_count"):
        findings.extend(paired_findings(sources, rule, story, anchors, count_measures))
    for rule in ruleset.of_kind("noun_count"):
        findings.extend(single_count_findings(sources, rule, story, anchors))
    for rule in ruleset.of_kind("figure_slip"):
        findings.extend(slip_findings(sources, rule, ruleset, story, anchors))
    for rule in ruleset.of_kind("restated_date"):
        stages = ruleset.derived("event_stage_words", lambda: event_stage_words(ruleset.lexicons))
        plans = ruleset.derived(
            "past_plan_pattern",
            lambda: past_plan_pattern(ruleset.lexicons.get("plan_participles", ())),
        )
        findings.extend(restated_findings(sources, rule, story, anchors, agreements, stages, plans))
    findings = _without_repeats(findings, ruleset)
    # only statements that state one value are told as agreeing (``Agreement.judged``)
    agreements = _without_main_repeats([a for a in agreements if a.evidence], ruleset)
    # one agreement told once: two alignments of one rule over the same statements (a
    # place read for two chains of one sentence) make one line
    seen: set[tuple[str, frozenset[tuple[str, int, int]]]] = set()
    once = []
    for agreement in agreements:
        key = (agreement.rule, frozenset((e.source, e.line, e.column) for e in agreement.evidence))
        if key not in seen:
            seen.add(key)
            once.append(agreement)
    agreements = once
    findings.extend(
        typo_findings(sources, ruleset, story, vocabulary=vocabulary, spelling=spelling)
    )
    return findings, agreements


def _without_main_repeats(agreements: list[Agreement], ruleset: RuleSet) -> list[Agreement]:
    """An agreement of a ``main`` rule (the story's main event read with no event class)
    over a statement another agreement holds already is told by that one alone."""
    main_rules = {
        rule.id
        for rule in ruleset.of_kind("lead_date") + ruleset.of_kind("event_place")
        if rule.options.get("main") or rule.options.get("clause")
    }
    held = {
        (e.source, e.line, e.column)
        for a in agreements
        if a.rule not in main_rules
        for e in a.evidence
    }
    return [
        a
        for a in agreements
        if a.rule not in main_rules
        or not any((e.source, e.line, e.column) in held for e in a.evidence)
    ]


def _without_repeats(findings: list[Finding], ruleset: RuleSet) -> list[Finding]:
    """One conflict told once: a lead-date discrepancy over statements that all stand in an
    event date discrepancy is dropped (the event rule says more: "called off", "started"); an
    event date discrepancy whose statements are some of a lead-date one's is dropped."""
    main_rules = {
        rule.id
        for rule in ruleset.of_kind("lead_date") + ruleset.of_kind("event_place")
        if rule.options.get("main") or rule.options.get("clause")
    }
    lead_rules = {rule.id for rule in ruleset.of_kind("lead_date")} - main_rules
    # a route's end is told only when no rule that names the happening (a departure's
    # place) tells a conflict over any of its statements, and once ("between X and Y" is
    # read both ways)
    route_rules = {rule.id for rule in ruleset.of_kind("route_place")}
    main_rules |= route_rules
    # a rule of local names only (a site's place keyed by its noun) yields to any rule that
    # tells a conflict over the same statements (the sale of a ticket "at a shop in X")
    main_rules |= {
        rule.id
        for rule in ruleset.of_kind("event_place")
        if rule.options.get("known_places", True) is False
    }
    date_rules = {rule.id for rule in ruleset.of_kind("event_date")}

    def statements(finding: Finding) -> frozenset[tuple[str, int, int]]:
        return frozenset((e.source, e.line, e.column) for e in finding.evidence)

    slip_rules = {rule.id for rule in ruleset.of_kind("figure_slip")}
    slip_rules |= {rule.id for rule in ruleset.of_kind("restated_date")}
    if slip_rules:
        # a slip of the pen, or a restated statement's other day, is told only when no
        # other rule tells a conflict over any of its statements
        told = [
            statements(f) for f in findings if f.rule not in slip_rules and f.kind == "discrepancy"
        ]
        findings = [
            f
            for f in findings
            if f.rule not in slip_rules or not any(statements(f) & other for other in told)
        ]

    if main_rules:
        # the story's main event dated or placed without an event class: told only when
        # no rule that names the event tells a conflict over any of its statements
        told = [
            statements(f) for f in findings if f.rule not in main_rules and f.kind == "discrepancy"
        ]
        findings = [
            f
            for f in findings
            if f.rule not in main_rules
            or f.kind != "discrepancy"
            or not any(statements(f) & other for other in told)
        ]

    def told_once(findings: list[Finding], rules: set[str]) -> list[Finding]:
        """Of the discrepancies of ``rules`` over the same statements, the first only."""
        seen: set[frozenset[tuple[str, int, int]]] = set()
        kept_once = []
        for f in findings:
            if f.rule in rules and f.kind == "discrepancy":
                if statements(f) in seen:
                    continue
                seen.add(statements(f))
            kept_once.append(f)
        return kept_once

    if route_rules:
        findings = told_once(findings, route_rules)

    clause_rules = {rule.id for rule in ruleset.of_kind("lead_date") if rule.options.get("clause")}
    if clause_rules:
        # a happening clause's conflict is told only when no other rule tells one over any
        # of its statements (the story's main event included)
        told = [
            statements(f)
            for f in findings
            if f.rule not in clause_rules and f.kind == "discrepancy"
        ]
        findings = [
            f
            for f in findings
            if f.rule not in clause_rules
            or f.kind != "discrepancy"
            or not any(statements(f) & other for other in told)
        ]
        # one clause keyed by its subject and by what it acts on: told once
        findings = told_once(findings, clause_rules)

    leads = [statements(f) for f in findings if f.rule in lead_rules and f.kind == "discrepancy"]
    if not leads:
        return findings
    dated = [statements(f) for f in findings if f.rule in date_rules and f.kind == "discrepancy"]
    kept = []
    for finding in findings:
        if finding.kind == "discrepancy":
            said = statements(finding)
            if finding.rule in lead_rules and any(said <= other for other in dated):
                continue  # its statements all stand in an event date's conflict
            if finding.rule in date_rules and any(said < lead for lead in leads):
                continue
        kept.append(finding)
    return kept


def _counts_by_sentence(normalized: NormalizedSource, rule: Rule) -> list[dict[str, Fact]]:
    """The ``paired_count`` facts of a source, one mapping (counted noun -> fact) per sentence."""
    sentences: dict[tuple[int, str, bool], dict[str, Fact]] = defaultdict(dict)
    for fact in normalized.facts:
        if fact.kind == rule.id and isinstance(fact.value, Amount):
            key = (fact.start - fact.sentence_offset, fact.sentence, fact.role == "listed")
            sentences[key][fact.subject or ""] = fact
    return list(sentences.values())


def _listed(counts: dict[str, Fact]) -> bool:
    """True for the two counts of a list of two ("23 traders and 14 firms")."""
    return len(counts) == 2 and all(f.role == "listed" for f in counts.values())


def _listed_findings(
    rule: Rule, story: str, per_source: list[tuple[str, list[dict[str, Fact]]]], anchors: dict
) -> list[Finding]:
    """Two sources' lists of the same two nouns ("23 traders and 14 firms", "32
    traders and 14 firms"), each the source's only list of the two: one count the
    same exact figure, the other not, disagree on the other. A list's counts are each of
    their own noun; none is a total."""
    lists = []
    for source_id, sentences in per_source:
        by_nouns: dict[frozenset[str], list[dict[str, Fact]]] = defaultdict(list)
        for counts in sentences:
            if _listed(counts):
                by_nouns[frozenset(counts)].append(counts)
        kept = {k: v[0] for k, v in by_nouns.items() if len(v) == 1}
        if kept:  # (a source with none is in no pair: a story may have thousands)
            lists.append((source_id, kept))
    conflicts: dict[str, list[tuple[Fact, Fact]]] = defaultdict(list)
    for n, (source_a, lists_a) in enumerate(lists):
        for source_b, lists_b in lists[n + 1 :]:
            if source_a == source_b:
                continue
            for nouns in sorted(lists_a.keys() & lists_b.keys(), key=sorted):
                counts_a, counts_b = lists_a[nouns], lists_b[nouns]
                same = [w for w in nouns if _exact_same(counts_a[w], counts_b[w])]
                if len(same) != 1:
                    continue
                (other,) = nouns - set(same)
                a, b = counts_a[other], counts_b[other]
                if not a.value.overlaps(b.value):  # type: ignore[union-attr]
                    conflicts[other].append((a, b))
    return _conflict_findings(rule, story, conflicts, anchors)


def _exact_same(a: Fact, b: Fact) -> bool:
    """True when two counts are one exact figure ("four" and 4)."""
    x, y = a.value, b.value
    assert isinstance(x, Amount) and isinstance(y, Amount)
    return x.low == x.high == y.low == y.high


def _anchors(a: Fact, b: Fact, least: float) -> bool:
    """True when two counts of one noun are plainly one figure: both at least ``least``,
    ranges that meet, and at most one of them open-ended ("more than 4,000" and 4,312; not
    "more than 800" and "more than 200")."""
    x, y = a.value, b.value
    assert isinstance(x, Amount) and isinstance(y, Amount)
    return (
        x.low >= least
        and y.low >= least
        and (math.isfinite(x.high) or math.isfinite(y.high))
        and x.overlaps(y)
    )


def _heads(count: Fact, anchor: Fact) -> bool:
    """True when ``count`` stands right before ``anchor``, joined by the anchor's own
    preposition: "2,100 people from 16 hamlets" (the hamlets tell whose people), so the
    two count one set of things however the sentence goes on. A list ("six rifles, 12
    magazines") joins its counts by no preposition."""
    if count.sentence != anchor.sentence or not anchor.trigger:
        return False
    end = count.sentence_offset + len(count.text)
    gap = count.sentence[end : anchor.sentence_offset]
    return end <= anchor.sentence_offset and " ".join(gap.lower().split()) == anchor.trigger


def _count_measures(ruleset: RuleSet) -> dict[str, str]:
    """Each one-word name of a measure of a count rule ("killed", "injured", "evacuated")
    mapped to its rule and measure."""
    return {
        word: f"{rule.id}:{measure}"
        for rule in ruleset.of_kind("quantity")
        if "count" in rule.options.get("dimensions", ())
        for measure, words in (rule.options.get("measures") or {}).items()
        for word in words
        if " " not in word
    }


def _measures_in(fact: Fact, measures: dict[str, str] | None) -> frozenset[str]:
    """The count measures whose words the sentence of ``fact`` writes: "killed 300 people"
    and "200 people were injured" count two things, whatever else they share."""
    if not measures:
        return frozenset()
    return frozenset(measures[w] for w in _WORD.findall(fact.sentence.lower()) if w in measures)


def _one_whole(a: Fact, b: Fact, rule: Rule) -> bool:
    """True when two head counts of a paired sentence count one whole: the same noun, or
    two of the rule's ``whole_nouns`` ("2,100 people", "1,400 residents"; "140 children" is
    a part of them), in sentences with none of its ``increment_words`` ("a further 700")."""
    nouns = {_literal_noun(a), _literal_noun(b)}
    if len(nouns) > 1 and not nouns <= set(rule.options.get("whole_nouns", ())):
        return False
    increments = set(rule.options.get("increment_words", ()))
    return not any(increments & set(_WORD.findall(f.sentence.lower())) for f in (a, b))


def _share_a_word(a: Fact, b: Fact, nouns: Collection[str]) -> bool:
    """True when the sentences of ``a`` and ``b`` share a word (stemmed, of four letters or
    more) besides stop words and the counted ``nouns``: "police evacuated 1,400 residents"
    and "2,100 people were evacuated" tell one happening; "killed 300 people"
    and "200 people were injured" two."""
    quiet = {_stem(n) for n in nouns} | {"people"}

    def words(fact: Fact) -> set[str]:
        return {
            _stem(w)
            for w in _WORD.findall(fact.sentence.lower())
            if len(w) >= 4 and w not in STOP_WORDS
        } - quiet

    return bool(words(a) & words(b))


def paired_findings(
    sources: list[NormalizedSource],
    rule: Rule,
    story: str,
    anchors: dict[str, str],
    measures: dict[str, str] | None = None,
) -> list[Finding]:
    """Counts stated together: two sources' sentences that count the same two kinds of
    things ("2,412 patients at 31 hospitals", "about 2,400 patients at 13 hospitals"), one
    count alike (the anchor: the same figure, so the same thing is told), the other not,
    each linked to the sentence by one of the rule's ``prepositions`` ("at 31 hospitals";
    not an item of a list, "six rifles, 12 magazines and 300 rounds")."""
    least = float(rule.options.get("min_anchor", 10))
    per_source = [(n.source.id, _counts_by_sentence(n, rule)) for n in sources]
    findings: list[Finding] = _listed_findings(rule, story, per_source, anchors)
    per_source = [(source_id, counts) for source_id, counts in per_source if counts]
    seen: set[tuple[int, ...]] = set()
    for n, (source_a, sentences_a) in enumerate(per_source):
        for source_b, sentences_b in per_source[n + 1 :]:
            if source_a == source_b:
                continue
            for counts_a in sentences_a:
                for counts_b in sentences_b:
                    shared = counts_a.keys() & counts_b.keys()
                    if len(shared) < 2 or not any(
                        _anchors(counts_a[w], counts_b[w], least) for w in shared
                    ):
                        continue
                    held = [
                        (counts_a[w], counts_b[w])
                        for w in shared
                        if _anchors(counts_a[w], counts_b[w], least)
                    ]
                    for noun in sorted(shared):
                        a, b = counts_a[noun], counts_b[noun]
                        if a.value.overlaps(b.value):  # type: ignore[union-attr]
                            continue
                        if not (a.trigger and b.trigger) and not (
                            any(_heads(a, x) and _heads(b, y) for x, y in held)
                            and _share_a_word(a, b, shared)
                            and _measures_in(a, measures) == _measures_in(b, measures)
                            and _one_whole(a, b, rule)
                        ):
                            continue  # a count of a list ("12 magazines and 300 rounds")
                        key = (id(a), id(b))
                        if key in seen:
                            continue
                        seen.add(key)
                        findings.append(_count_finding(rule, story, noun, a, b, anchors))
    return findings


def _count_finding(
    rule: Rule, story: str, noun: str, a: Fact, b: Fact, anchors: dict[str, str]
) -> Finding:
    """Two sources' differing counts of ``noun``, each with its evidence."""
    groups: dict[str, list[Fact]] = defaultdict(list)
    for fact in (a, b):
        groups[fact.value_label()].append(fact)
    return Finding(
        kind="discrepancy",
        rule=rule.id,
        severity=rule.level,  # type: ignore[arg-type]
        story=story,
        message=render_message(rule.message, measure=noun, values=_values_text(groups)),
        evidence=(
            Evidence.of(a, anchors.get(a.source_id)),
            Evidence.of(b, anchors.get(b.source_id)),
        ),
    )


def _noun_counts(normalized: NormalizedSource, rule: Rule) -> dict[str, list[Fact]]:
    """A source's ``noun_count`` facts by counted noun."""
    by_noun: dict[str, list[Fact]] = defaultdict(list)
    for fact in normalized.facts:
        if fact.kind == rule.id and isinstance(fact.value, Amount):
            by_noun[fact.subject or ""].append(fact)
    return by_noun


def _one_figure(facts: list[Fact]) -> bool:
    """True when ``facts`` give one figure (all overlap): a noun counted twice counts two
    things."""
    return all(a.value.overlaps(b.value) for a in facts for b in facts)  # type: ignore[union-attr]


def _left_after_shared(
    facts_a: list[Fact], facts_b: list[Fact]
) -> tuple[list[Fact], list[Fact]] | None:
    """Two sources' figures of a key less the figures both give alike, when each gives at
    least one figure the other gives too and one figure (all alike) is left on each side;
    None otherwise."""
    left_a = [f for f in facts_a if not any(f.value.overlaps(g.value) for g in facts_b)]  # type: ignore[union-attr]
    left_b = [g for g in facts_b if not any(g.value.overlaps(f.value) for f in facts_a)]  # type: ignore[union-attr]
    if (
        len(left_a) == len(facts_a)
        or len(left_b) == len(facts_b)
        or not (left_a and left_b)
        or not (_one_figure(left_a) and _one_figure(left_b))
    ):
        return None
    return left_a, left_b


def _slip_among(facts: list[Fact], other: Fact) -> Fact | None:
    """Of a source's several figures of a noun, the one ``other`` (another source's one
    figure) is a slip of the pen of, told by the same verb in a clause sharing a word
    ("enrolled 812 volunteers", "which enrolled 821 volunteers"), when no figure of the source
    is ``other``'s own; None otherwise."""
    if any(f.value.overlaps(other.value) for f in facts):  # type: ignore[union-attr]
        return None
    found = [
        f
        for f in facts
        if f.trigger
        and f.trigger == other.trigger
        and f.trigger.isalpha()
        and len(f.trigger) > 3
        and f.context & other.context
        and _slip(f, other)
    ]
    return found[0] if len(found) == 1 else None


def single_count_findings(
    sources: list[NormalizedSource], rule: Rule, story: str, anchors: dict[str, str]
) -> list[Finding]:
    """Counts of one plural noun that no declared measure covers ("4.8 million customers",
    "the 8.4 million customers"): two sources that each give the noun one figure disagree
    when the figures cannot be one and the counts are tied to one thing: their clauses
    share a word, or both stand after one of the rule's ``determiners`` (the whole of a set
    known to the reader: "its 180,000 depositors", "a party of seven skiers")."""
    determiners = frozenset(rule.options.get("determiners", []))
    per_source = [counts for n in sources if (counts := _noun_counts(n, rule))]
    # whether each source gives each noun one figure, found once per source
    one_figure = [{noun: _one_figure(facts) for noun, facts in c.items()} for c in per_source]
    # (noun -> the conflicting pairs of sources' first facts), one finding per noun
    conflicts: dict[str, list[tuple[Fact, Fact]]] = defaultdict(list)
    for n, counts_a in enumerate(per_source):
        for m in range(n + 1, len(per_source)):
            counts_b = per_source[m]
            for noun in sorted(counts_a.keys() & counts_b.keys()):
                facts_a, facts_b = counts_a[noun], counts_b[noun]
                one_a, one_b = one_figure[n][noun], one_figure[m][noun]
                if one_a != one_b:
                    # one source counts the noun twice: the other's figure is compared
                    # only with the one it is a slip of ("812 volunteers", "821 volunteers")
                    single, several = (facts_a, facts_b) if one_a else (facts_b, facts_a)
                    slipped = _slip_among(several, single[0])
                    if slipped is not None:
                        conflicts[noun].append(
                            (single[0], slipped) if one_a else (slipped, single[0])
                        )
                    continue
                if not one_a:
                    continue
                a, b = facts_a[0], facts_b[0]
                if a.value.overlaps(b.value):  # type: ignore[union-attr]
                    continue
                shared = max(len(x.context & y.context) for x in facts_a for y in facts_b)
                whole = any(x.trigger in determiners for x in facts_a) and any(
                    y.trigger in determiners for y in facts_b
                )
                if (
                    _same_counting_verb(a, b, determiners)
                    and shared >= 2
                    and max(a.value.low, b.value.low) <= 1.5 * min(a.value.low, b.value.low)  # type: ignore[union-attr]
                ):
                    # one act told with its count: "attached 11 conditions" and
                    # "attaching nine conditions" in sentences sharing words (not counts
                    # far apart: "opened 14 centres in the capital", "opened 40 centres
                    # across the country in March" tell two acts)
                    tied = True
                elif _HYPHEN_COUNT.search(a.text) and _HYPHEN_COUNT.search(b.text):
                    # a part of one thing, told in a word of its description ("a
                    # 10-storey building", "the 12-storey building"): in the same words
                    tied = shared >= 2
                elif max(a.value.high, b.value.high) < 10:  # type: ignore[union-attr]
                    # a few things: the same set, told as a whole in the same words
                    # "a party of seven/nine skiers"; or told in sentences sharing most of
                    # their words ("the probe's upper stage failed, destroying three
                    # antennas", "the launcher lost four antennas when its upper stage
                    # failed")
                    shared += _modified_alike(a, b)  # "seven brokerage firms"
                    tied = (whole and shared >= 2) or shared >= _SMALL_COUNT_SHARED
                else:
                    # a slip of the pen on one figure tied to the same thing
                    tied = _slip(a, b) and (whole or shared >= 1)
                if tied:
                    conflicts[noun].append((a, b))
    return _conflict_findings(rule, story, conflicts, anchors)


def _conflict_findings(
    rule: Rule, story: str, conflicts: dict[str, list[tuple[Fact, Fact]]], anchors: dict
) -> list[Finding]:
    """One finding per counted noun from its conflicting pairs of facts."""
    findings = []
    for noun, pairs in conflicts.items():
        if len(pairs) == 1:
            findings.append(_count_finding(rule, story, noun, *pairs[0], anchors))
            continue
        # three sources or more: one finding shows every source in conflict
        stated = list({id(f): f for pair in pairs for f in pair}.values())
        stated.sort(key=lambda f: (f.source_id, f.start))
        groups: dict[str, list[Fact]] = defaultdict(list)
        for fact in stated:
            groups[fact.value_label()].append(fact)
        findings.append(
            Finding(
                kind="discrepancy",
                rule=rule.id,
                severity=rule.level,  # type: ignore[arg-type]
                story=story,
                message=render_message(rule.message, measure=noun, values=_values_text(groups)),
                evidence=tuple(Evidence.of(f, anchors.get(f.source_id)) for f in stated),
            )
        )
    return findings


def _modified_alike(a: Fact, b: Fact) -> int:
    """1 when two counts' nouns carry one same word before them ("seven brokerage firms",
    "nine brokerage firms"): a shared word the clause context leaves out; else 0."""
    x, y = a.text.lower().split(), b.text.lower().split()
    return int(
        len(x) >= 3
        and len(y) >= 3
        and x[-2:] == y[-2:]
        and x[-2].isalpha()
        and x[-2] not in STOP_WORDS
    )


def _same_counting_verb(a: Fact, b: Fact, determiners: frozenset[str]) -> bool:
    """True when two counts are told by one verb, in any form ("attached", "attaching"):
    a word of four letters or more that is no determiner nor a common word."""
    x, y = (a.trigger or "").lower(), (b.trigger or "").lower()
    return (
        x.isalpha()
        and y.isalpha()
        and len(x) >= 4
        and len(y) >= 4
        and not {x, y} & determiners
        and not {x, y} & STOP_WORDS
        and _stem(x) == _stem(y)
    )


_SMALL_COUNT_SHARED = 4
"""Words two sentences must share for their differing counts of a few things (under ten),
neither after a determiner, to be told of one set."""


_HYPHEN_COUNT = re.compile(r"\w-[a-z]+$")
"""A count joined by a hyphen to the noun it counts ("10-storey", "ten-storey")."""


_FIGURE = re.compile(r"\d[\d,.]*")


def _written_digits(fact: Fact) -> str | None:
    """The digits of a count written in figures ("4.8 million" -> "48", "180,000" ->
    "180000"); None for a count in words ("seven") or one that is a bound or an estimate
    other than "about" ("more than 20,000", "nearly 235,000")."""
    value = fact.value
    assert isinstance(value, Amount)
    stated = value.stated
    if value.dimension.startswith("currency:"):
        stated = stated.split(" ", 1)[-1]  # "EUR 36 million": the figure after the code
    if not (stated[:1].isdigit() or stated.startswith("about ")):
        return None
    match = _FIGURE.search(fact.text)
    return re.sub(r"\D", "", match[0]) if match else None


def _slip(a: Fact, b: Fact) -> bool:
    """True when two figures differ as a slip of the pen: digits swapped ("4.8 million",
    "8.4 million"), one digit wrong ("23", "28") or dropped ("1,450", "145"), or a zero
    dropped ("180,000", "18,000"). A round figure ("20,000") is an estimate: only swapped
    digits or a dropped zero are a slip of it. Figures in words are never slips of the pen."""
    x, y = _written_digits(a), _written_digits(b)
    if x is None or y is None or x == y:
        return False
    if x.rstrip("0") == y.rstrip("0"):
        return abs(len(x) - len(y)) == 1
    zeros = len(x) - len(x.rstrip("0"))
    if zeros != len(y) - len(y.rstrip("0")):
        return False
    if len(x) == len(y) and sorted(x) == sorted(y):
        return True  # "about 6,300" and "about 3,600"
    if zeros >= 2:
        return False  # "20,000" and "24,000": two estimates
    if len(x) == len(y):
        return sum(p != q for p, q in zip(x, y, strict=True)) == 1
    short, long = sorted((x, y), key=len)
    return len(long) == len(short) + 1 and any(
        long[:i] + long[i + 1 :] == short for i in range(len(long))
    )


def _strong_slip(a: Fact, b: Fact) -> bool:
    """True for the slips of the pen least like two different figures: digits swapped
    ("48.6", "46.8") or a zero dropped ("180,000", "18,000")."""
    x, y = _written_digits(a), _written_digits(b)
    if x is None or y is None or x == y:
        return False
    if x.rstrip("0") == y.rstrip("0"):
        return abs(len(x) - len(y)) == 1
    return len(x) == len(y) and sorted(x) == sorted(y)


_PLURAL_WORD = re.compile(r"[a-z]+s$")


def _counted_noun(fact: Fact, ruleset: RuleSet) -> str | None:
    """The plural noun a count counts: the subject of a ``noun_count`` or ``paired_count``
    fact, the noun a measure names ("cancelled (flights)"), else the last word of its quoted
    words when that is a plural noun ("146 sailings"); None for a bare count ("injuring 44")."""
    rule = ruleset.rules.get(fact.kind)
    subject = fact.subject or ""
    if rule is not None and rule.extends in ("noun_count", "paired_count"):
        return subject or None
    if subject.endswith(")") and "(" in subject:
        return subject[subject.rfind("(") + 1 : -1]
    words = re.findall(r"[a-z]+", fact.text.lower())
    if len(words) >= 1 and _PLURAL_WORD.fullmatch(words[-1]) and not fact.text[-1:].isdigit():
        return words[-1]
    return None


def _literal_noun(fact: Fact) -> str:
    """The last word of a fact's quoted words: the noun a count counts as written."""
    words = re.findall(r"[a-z]+", fact.text.lower())
    return words[-1] if words else ""


def _slip_key(fact: Fact, ruleset: RuleSet, families: dict[str, str]) -> str | None:
    """What a figure measures, for ``slip_findings``: a count by the family of the noun it
    counts ("lorries" and "trucks" one key), any other figure by its dimension (a currency,
    tonnes); None for a count of no noun, or a price per unit ("$38 a share": no sum)."""
    value = fact.value
    assert isinstance(value, Amount)
    if "/" in (fact.subject or ""):
        return None
    if value.dimension != "count":
        return value.dimension
    noun = _counted_noun(fact, ruleset)
    if noun is None:
        return None
    return families.get(_stem(noun), _stem(noun))  # the family's first noun, or a stem


def _says_any(sentence: str, phrases: frozenset[str]) -> frozenset[str]:
    """The ``phrases`` a sentence says, as whole words."""
    lower = f" {' '.join(re.findall(r'[a-z0-9]+', sentence.lower()))} "
    return frozenset(p for p in phrases if f" {p} " in lower)


def slip_findings(
    sources: list[NormalizedSource],
    rule: Rule,
    ruleset: RuleSet,
    story: str,
    anchors: dict[str, str],
) -> list[Finding]:
    """Figures of one thing whose digits differ as a slip of the pen ("146 sailings" and "164
    sailings", "cost €36 million" and "came to €63 million", "about 3,450 tonnes" and "4,350
    tonnes"), whichever rules read them. Each source must give the thing one figure only
    (every figure of its key agrees): a count is keyed by the family of the noun it counts
    (the rule's ``families``), any other figure by its dimension (one of the rule's
    ``dimensions``). Not compared: two figures one rule read (that rule compares them), a
    part, a change or an earlier value (only figures of the ``level`` role), a recalled
    figure, figures resolved to different times, a pair of which one sentence alone speaks
    of another time (``other_time_words``: "last year"), a pair of which either sentence
    speaks of a whole or a rate (``whole_words``: "in total", "a year"), figures of one
    significant digit ("4", "6 million"), and counts whose clauses share no word."""
    dimensions = frozenset(rule.options.get("dimensions", ()))
    families = {
        _stem(word): group[0] for group in rule.options.get("families", ()) for word in group
    }  # (also each family's first noun -> itself: a key names its family)
    families |= {group[0]: group[0] for group in rule.options.get("families", ())}
    other_times = frozenset(rule.options.get("other_time_words", ()))
    wholes = frozenset(rule.options.get("whole_words", ()))
    per_source: list[dict[str, list[Fact]]] = []
    for normalized in sources:
        keyed: dict[str, list[Fact]] = defaultdict(list)
        for fact in normalized.facts:
            if not isinstance(fact.value, Amount) or fact.value.dimension.split(":")[0] not in (
                dimensions
            ):
                continue
            fact_rule = ruleset.rules.get(fact.kind)
            if fact_rule is None or fact_rule.extends not in (
                "quantity",
                "noun_count",
                "paired_count",
                "figure_slip",
            ):
                continue
            key = _slip_key(fact, ruleset, families)
            if key is not None:
                keyed[key].append(fact)
        kept = {
            key: facts
            for key, facts in keyed.items()
            if all(f.role in (None, "level") and not f.background for f in facts)
        }
        if kept:  # (a source with none is in no pair: a story may have thousands)
            per_source.append(kept)
    one_figure = [{key: _one_figure(facts) for key, facts in k.items()} for k in per_source]
    conflicts: dict[str, list[tuple[Fact, Fact]]] = defaultdict(list)
    for n, keyed_a in enumerate(per_source):
        for m in range(n + 1, len(per_source)):
            keyed_b = per_source[m]
            for key in sorted(keyed_a.keys() & keyed_b.keys()):
                one_a, one_b = one_figure[n][key], one_figure[m][key]
                if not (one_a and one_b):
                    left = _left_after_shared(keyed_a[key], keyed_b[key])
                    if left is not None:
                        # both give the story's other figures alike ("A$6 million was
                        # recovered"): their one figure left over is compared
                        # (only digits swapped or a zero dropped: one digit changed,
                        # "fuel costs of $4.6 billion" against "$4.8 billion on new
                        # aircraft", is as like to be two of the story's figures)
                        pair = next(
                            (
                                (a, b)
                                for a in sorted(left[0], key=_headline_last)
                                for b in sorted(left[1], key=_headline_last)
                                if _strong_slip(a, b) and _slipped(a, b, rule, other_times, wholes)
                            ),
                            None,
                        )
                        if pair is not None:
                            conflicts[key].append(pair)
                        continue
                if not (one_a or one_b):
                    continue
                if one_a != one_b:
                    # one source counts the thing twice ("84,310 vehicles in the United
                    # States", "18,900 in Canada"): the other's one count is set against
                    # the one of them it is a slip of, if only one (a count only: a sum
                    # of another of a source's figures is as like to be a second sum)
                    single, several = (keyed_a, keyed_b) if one_a else (keyed_b, keyed_a)
                    if several[key][0].value.dimension != "count" or any(  # type: ignore[union-attr]
                        f.value.overlaps(g.value)  # type: ignore[union-attr]
                        for f in several[key]
                        for g in single[key]
                    ):
                        continue  # the other's figure is one of the two
                    found = [
                        (g, f)
                        for f in several[key]
                        for g in sorted(single[key], key=_headline_last)[:1]
                        if _slipped(g, f, rule, other_times, wholes)
                    ]
                    if len(found) == 1:
                        g, f = found[0]
                        conflicts[key].append((g, f) if one_a else (f, g))
                    continue
                # the figures of a key agree within a source: quote a sentence's before a
                # headline's ("£1.9bn takeover" above "agreed to buy it for £1.9bn in cash")
                pair = next(
                    (
                        (a, b)
                        for a in sorted(keyed_a[key], key=_headline_last)
                        for b in sorted(keyed_b[key], key=_headline_last)
                        if _slipped(a, b, rule, other_times, wholes)
                    ),
                    None,
                )
                if pair is not None:
                    conflicts[key].append(pair)
    named = {}
    for key, pairs in conflicts.items():
        value = pairs[0][0].value
        assert isinstance(value, Amount)
        noun = _counted_noun(pairs[0][0], ruleset) or key
        written = {_literal_noun(f) for pair in pairs for f in pair}
        if value.dimension != "count":
            named["the amount"] = pairs
        elif len(written) == 1 and next(iter(written)).endswith("s"):
            named[next(iter(written))] = pairs  # the noun every source writes ("vehicles")
        else:
            named[families.get(key, noun)] = pairs
    return _conflict_findings(rule, story, named, anchors)


_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s*$")


def _headline_last(fact: Fact) -> tuple[bool, int]:
    """Sort key: a fact told in a sentence (ending with a full stop, a question or an
    exclamation mark) before one in a headline or a caption, then in text order."""
    return (not _SENTENCE_END.search(fact.sentence), fact.start)


_SCALE_WORD = re.compile(r"\b(million|billion|trillion)\b")


def _scale_word(fact: Fact) -> str | None:
    """The scale word of a sum ("EUR 36 million": million), None for a sum written out."""
    match = _SCALE_WORD.search(fact.value.stated)  # type: ignore[union-attr]
    return match[1] if match else None


def _slipped(
    a: Fact, b: Fact, rule: Rule, other_times: frozenset[str], wholes: frozenset[str]
) -> bool:
    """True when two sources' one figures of a thing differ as a slip of the pen and nothing
    says they are figures of different times, or one a whole of the other."""
    if (
        a.kind == b.kind != rule.id
        and a.subject == b.subject
        and (a.value.dimension != "count" or _literal_noun(a) == _literal_noun(b))  # type: ignore[union-attr]
    ):
        return False  # compared by its own rule (a figure of one key, a noun as written)
    if a.value.overlaps(b.value) or not _slip(a, b):  # type: ignore[union-attr]
        return False
    low, high = sorted((a.value.low, b.value.low))  # type: ignore[union-attr]
    if low <= 0 or high >= low * 10:
        return False  # a figure of another order: maybe a part, a price beside a budget
    if a.value.dimension.startswith("currency:") and not (  # type: ignore[union-attr]
        _scale_word(a)
        and _scale_word(a) == _scale_word(b)
        and "about" not in a.value.stated + b.value.stated  # type: ignore[union-attr]
    ):
        return False  # a price ("$2,799", "$2,499"): two models, two tickets, two items
    if a.when is not None and b.when is not None and a.when != b.when:
        return False
    if _says_any(a.sentence, other_times) != _says_any(b.sentence, other_times):
        return False
    if _says_any(a.sentence, wholes) or _says_any(b.sentence, wholes):
        return False  # a total, a rate: maybe of another span than the other figure's
    if min(len((_written_digits(f) or "").rstrip("0")) for f in (a, b)) < 2:
        return False  # "4" and "6": any two figures of one digit differ by one digit
    if a.value.dimension == "count":  # type: ignore[union-attr]
        return bool(a.context & b.context)
    if a.value.dimension == "mass":  # type: ignore[union-attr]
        # a mass that grades a thing ("a 154 kg kick stage") is of that thing: the other
        # source's sentence must name it ("a 145 kg satellite", "the satellite weighs 415 kg")
        for one, other in ((a, b), (b, a)):
            graded = _graded_words(one)
            if graded and graded.isdisjoint(
                _stem(w) for w in _WORDS.findall(other.sentence.lower())
            ):
                return False
    return True


_WORDS = re.compile(r"[a-z]+")
_GRADED = re.compile(r"\s*-?\s*((?:[A-Za-z]+\s+){0,2}[A-Za-z]+)")


def _graded_words(fact: Fact) -> frozenset[str]:
    """The stems of the words a figure grades, right after it ("a 154 kg kick stage": kick,
    stage), up to a stop word; none for a figure no word follows ("weighs 415 kg.")."""
    offset = fact.sentence_offset
    if offset is None:
        return frozenset()
    after = _GRADED.match(fact.sentence, offset + len(fact.text))
    if after is None:
        return frozenset()
    words = []
    for word in after[1].lower().split():
        if word in STOP_WORDS:
            break
        words.append(_stem(word))
    return frozenset(words)
