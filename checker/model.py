"""Typed value objects shared by every stage: sources, intervals, facts, findings.

Later stages only ever read these; nothing downstream of ``extract`` re-reads an
article's text.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any, Literal

DateOrigin = Literal["metadata", "text", "none"]
Severity = Literal["error", "warning", "info"]
FindingKind = Literal["discrepancy", "inconsistency", "typo"]
Granularity = Literal["day", "week", "month", "quarter", "year"]
Tense = Literal["past", "future", "none"]

SEVERITIES: tuple[str, ...] = ("error", "warning", "info")


@dataclass(frozen=True)
class Dateline:
    """The opening ``PLACE, Mon DD (Credit) -`` of a wire story."""

    place: str | None
    """The place in capitals, e.g. ``OSLO``."""
    date_text: str | None
    """The month-day as written, e.g. ``Oct 21``; None when the dateline has no date."""
    credit: str | None
    """The wire credit in brackets, e.g. ``AFP``."""
    line: int
    """1-based line of the dateline in the file."""
    start: int = 0
    """Character offset of the dateline in the article text."""
    end: int = 0
    """End offset of the dateline (up to and including its dash)."""
    region: str | None = None
    """The state, province or country after the place, as written ("Ontario" of
    ``LONDON, Ontario, Sept 15 -``); None when there is none."""


@dataclass(frozen=True)
class Suppression:
    """Lines of a file where some rules (or all) are not reported."""

    first_line: int
    """First file line covered (1-based)."""
    last_line: int
    """Last file line covered."""
    rules: frozenset[str] | None
    """Rule ids or families ignored there; None for all."""

    def ignores(self, rule_id: str) -> bool:
        """True when ``rule_id`` is ignored here (a family such as ``typo`` covers its rules)."""
        return rules_cover(self.rules, rule_id)


def rules_cover(rules: frozenset[str] | tuple[str, ...] | None, rule_id: str) -> bool:
    """True when ``rules`` (ids, families or ``*``; None for all) take in ``rule_id``."""
    if rules is None:
        return True
    return any(r in ("*", rule_id) or rule_id.startswith(r + ".") for r in rules)


@dataclass
class Source:
    """One article: its text and what is known about it before any NLP."""

    id: str
    """Stable identifier: the path as given (or ``path#id`` for a JSONL record)."""
    story: str
    """Name of the story the article belongs to."""
    path: str
    """File the article was read from."""
    text: str
    """The article body, without front matter or header lines."""
    line_offset: int = 0
    """Number of file lines before ``text`` starts (front matter, headers)."""
    column_offset: int = 0
    """Characters before ``text`` on its first line (a header on the same line)."""
    record_line: int | None = None
    """File line of the JSONL record the article is, or None for an article file; the
    evidence's lines and columns then count inside the record's text."""
    outlet: str | None = None
    """Publishing outlet, from metadata, the dateline credit, or None."""
    title: str | None = None
    """Headline from metadata, if any."""
    published: dt.date | None = None
    """Publication date (the anchor of relative expressions)."""
    published_from: DateOrigin = "none"
    """Where ``published`` came from."""
    published_evidence: str | None = None
    """Why that date: the header line, or the words it was inferred from."""
    dateline: Dateline | None = None
    """The dateline, when the text opens with one."""
    suppressions: list[Suppression] = field(default_factory=list)
    """Where the article's comments ask for findings to be ignored."""
    warnings: list[Any] = field(default_factory=list)
    """Problems met reading the file that did not stop it being checked
    (``errors.CheckerError`` with a ``W`` code), reported on standard error."""

    _line_starts: list[int] | None = field(default=None, repr=False, compare=False)

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based (line, column) in the file of character ``offset`` of ``text``."""
        if self._line_starts is None:
            starts = [0]
            index = self.text.find("\n")
            while index >= 0:
                starts.append(index + 1)
                index = self.text.find("\n", index + 1)
            self._line_starts = starts
        line_in_text = bisect.bisect_right(self._line_starts, offset) - 1
        column = offset - self._line_starts[line_in_text] + 1
        if line_in_text == 0:
            column += self.column_offset
        return self.line_offset + line_in_text + 1, column


@dataclass(frozen=True)
class Interval:
    """A date value as a closed interval of days, with the granularity it was stated at."""

    start: dt.date
    """First day covered."""
    end: dt.date
    """Last day covered (inclusive)."""
    granularity: Granularity
    """How precisely the text stated it."""
    year_known: bool = True
    """False when no year could be fixed (no publication date): compare month and day only."""
    also: dt.date | None = None
    """Another day the words may name, for a single day: "next Thursday" said on a Wednesday
    is the coming Thursday or the Thursday of the week after (style guides differ); a date
    that is either agrees."""

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"interval end {self.end} is before its start {self.start}")

    def label(self) -> str:
        """Render as a TIMEX-style value: ``2019-12-28``, ``2019-12``, ``2019-W52``, ``2019-Q1``, ``2019``."""
        import calendar

        year = f"{self.start.year:04d}" if self.year_known else "XXXX"
        first, last = self.start, self.end
        whole_months = first.day == 1 and last.day == calendar.monthrange(last.year, last.month)[1]
        if first == last:
            return f"{year}-{first.month:02d}-{first.day:02d}"
        if self.granularity == "week" and first.weekday() == 0 and (last - first).days == 6:
            iso_year, week, _ = first.isocalendar()
            return f"{iso_year:04d}-W{week:02d}" if self.year_known else f"XXXX-W{week:02d}"
        if whole_months and first.year == last.year:
            if first.month == last.month:
                return f"{year}-{first.month:02d}"
            if (first.month, last.month) == (1, 12):
                return year
            if first.month % 3 == 1 and last.month == first.month + 2:
                return f"{year}-Q{(first.month + 2) // 3}"
        end_year = f"{last.year:04d}" if self.year_known else "XXXX"
        return (
            f"{year}-{first.month:02d}-{first.day:02d}/{end_year}-{last.month:02d}-{last.day:02d}"
        )


@dataclass(frozen=True)
class Amount:
    """A quantity as a range in base units ("more than 12,000" is 12,000 to infinity)."""

    low: float
    """Lowest value the words allow, in the dimension's base unit."""
    high: float
    """Highest value the words allow (``math.inf`` when unbounded)."""
    dimension: str
    """``count``, ``percent``, ``rate_change``, ``currency:USD``, ``area``, ``length``..."""
    stated: str
    """The value as stated, normalized: ``more than 12,000``, ``4.75 percent``, ``USD 2.5e9``."""
    estimate: tuple[float, str] | None = None
    """For an "about" figure, the figure as written (in its scale: "about 1.2 million" is
    1,200,000) and its unit as written ("" for a count): two estimates are compared on these
    (``compare._estimates_apart``)."""
    ends: tuple[tuple[float, float], ...] = ()
    """The figures the words set as the amount's ends, each as the range its rounding
    allows, in base units: a stated maximum's ("up to 24 months", "as many as 300", "could
    rise to €15m"), or a stated range's two ("between £31m and £35m"). Two amounts that
    each state such ends are one only when each pair of ends is: two maxima both start at
    zero, yet "up to 18 months" is not "up to 24 months"."""

    def __post_init__(self) -> None:
        if self.high < self.low:
            raise ValueError(f"amount high {self.high} is below its low {self.low}")

    def overlaps(self, other: Amount) -> bool:
        """True when both can be the same quantity: same dimension, ranges that meet. Two
        ranges that only touch ("7.6" is 7.55-7.65, "7.7" is 7.65-7.75) are two figures
        rounded alike, not one: they must share more than their edge."""
        if self.dimension != other.dimension:
            return False
        if self.ends and len(self.ends) == len(other.ends):
            # two maxima, or two ranges: each end must be one ("£31m to £35m" is not
            # "£28m to £35m", though the two ranges meet)
            return all(
                replace(self, low=a[0], high=a[1], ends=()).overlaps(
                    replace(other, low=b[0], high=b[1], ends=())
                )
                for a, b in zip(self.ends, other.ends, strict=True)
            )
        if self.low < self.high and other.low < other.high:
            return self.low < other.high * (1 - 1e-9) and other.low < self.high * (1 - 1e-9)
        return self.low <= other.high * (1 + 1e-9) and other.low <= self.high * (1 + 1e-9)

    def label(self) -> str:
        """Render for reports: the stated value."""
        return self.stated


@dataclass(frozen=True)
class Place:
    """A place, resolved in the gazetteer where it could be."""

    name: str
    """The name as stated (``the Lagos National Stadium``, ``Vienna``)."""
    kind: str
    """``venue``, ``city``, ``region``, ``country`` or ``unknown``."""
    countries: frozenset[str] = frozenset()
    """ISO codes of the countries it may lie in (empty when unknown)."""
    cities: frozenset[str] = frozenset()
    """Gazetteer ids of the cities it may be or lie in."""
    coordinates: tuple[tuple[float, float], ...] = ()
    """Latitude and longitude of each city it may be."""
    country: str = ""
    """ISO code of the likeliest country (of the most populous city of that name)."""
    population: int = 0
    """Population of the most populous city of that name (0 for countries and unknowns)."""
    divisions: frozenset[str] = frozenset()
    """First-level divisions ("PE.08": country code and the gazetteer's admin1 code) of the
    cities it may be or lie in; for a region named after its chief city ("the Harlow
    region"), that city's."""
    qualified: bool = False
    """Placed by a qualifier in its source ("London, Ontario", "the French port of Brest"):
    only the cities of that name the qualifier allows. A name the gazetteer lacks in the
    qualifier's place is the qualifier's country (``kind`` ``country``)."""

    def label(self) -> str:
        """Render for reports: the name and, where known, its country."""
        if self.kind in ("city", "venue") and self.country:
            return f"{self.name} ({self.country})"
        return self.name


@dataclass(frozen=True)
class Fact:
    """One statement of a fact in one source, with all the evidence a reader needs."""

    kind: str
    """Fact kind, the id of the rule that extracted it (``event.start_date``, ``deadline``...)."""
    source_id: str
    """Id of the source it was read from."""
    start: int
    """Character offset of the fact's words in the source text."""
    end: int
    """End offset (exclusive) of the fact's words."""
    line: int
    """1-based line in the file."""
    column: int
    """1-based column in the file."""
    text: str
    """The exact words of the fact as they stand in the source."""
    sentence: str
    """The sentence the fact is stated in."""
    sentence_offset: int
    """Offset of the fact's words within ``sentence``."""
    value: Interval | int | Amount | Place | None
    """Normalized value: an Interval for dates, an int for counts, an Amount, a Place."""
    tense: Tense = "none"
    """Tense of the clause the fact is stated in."""
    trigger: str | None = None
    """The event or deadline word the fact is about (``meeting``, ``deadline``)."""
    context: frozenset[str] = field(default_factory=frozenset)
    """Content words that identify the event (participants, organisation, place)."""
    names: frozenset[str] = field(default_factory=frozenset)
    """The names among them, for quantity facts."""
    chain: int = -1
    """Id of the in-article chain of mentions of the same event (-1: none)."""
    ordinal: int | None = None
    """Ordinal of the event in its series (``the third meeting`` -> 3), if stated."""
    note: str | None = None
    """How the value was obtained (``weekday, past tense, anchored on 2019-12-26``)."""
    explicit_year: bool = False
    """The text states the year ("in May 2012"), so the value does not rest on the anchor."""
    background: bool = False
    """An earlier event recalled for background: it ended well before publication."""
    subject: str | None = None
    """What the fact is about: a deadline's task in the source's words, a quantity's measure."""
    timing: str = "unknown"
    """``past``, ``present`` or ``future``: where the value lies against the publication date."""
    role: str | None = None
    """For quantities: ``level`` ("to 4.75%"), ``change`` ("by 25 basis points") or ``from``."""
    when: Interval | None = None
    """For quantities: the date its clause states ("in September"), if any."""

    def value_label(self) -> str:
        """Render the normalized value for reports."""
        if isinstance(self.value, Interval) and self.value.also is not None:
            return f"{self.value.label()} or {self.value.also.isoformat()}"
        if isinstance(self.value, (Interval, Amount, Place)):
            return self.value.label()
        return "" if self.value is None else str(self.value)


@dataclass(frozen=True)
class Evidence:
    """One quoted piece of evidence behind a finding."""

    source: str
    """Source id (the file path)."""
    line: int
    """1-based line in the file."""
    column: int
    """1-based column in the file."""
    text: str
    """Exact words in the source."""
    normalized: str | None
    """Normalized value as a string, if the words carry one."""
    sentence: str
    """The sentence the words are in."""
    anchor: str | None = None
    """What the value rests on, e.g. ``published 2019-12-26 (metadata)``."""
    sentence_offset: int | None = None
    """Offset of ``text`` within ``sentence``, for highlighting."""

    @classmethod
    def of(cls, fact: Fact, anchor: str | None = None) -> Evidence:
        """Build the evidence of ``fact``."""
        return cls(
            source=fact.source_id,
            line=fact.line,
            column=fact.column,
            text=fact.text,
            normalized=fact.value_label() or None,
            sentence=fact.sentence,
            anchor=anchor,
            sentence_offset=fact.sentence_offset,
        )


@dataclass(frozen=True)
class Finding:
    """A problem to report: what rule, how bad, what it says and the evidence."""

    kind: FindingKind
    """``discrepancy`` across sources, ``inconsistency`` inside one, or ``typo``."""
    rule: str
    """Stable rule id such as ``event.start_date``."""
    severity: Severity
    """``error``, ``warning`` or ``info``."""
    story: str
    """The story it belongs to."""
    message: str
    """One sentence naming the values that disagree."""
    evidence: tuple[Evidence, ...]
    """The quoted words behind it, one per source statement."""
    suggestion: str | None = None
    """The correction, for typos."""

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(
                f"invalid severity, expected one of {SEVERITIES} (not {self.severity!r})"
            )


@dataclass(frozen=True)
class Agreement:
    """Facts from several statements that were aligned and agree."""

    rule: str
    """Rule id of the aligned facts."""
    story: str
    """The story."""
    summary: str
    """One line: what agrees and on what value."""
    evidence: tuple[Evidence, ...]
    """The statements that agree (none when the comparison found its statements
    consistent but none states another's value: see ``judged``); only these are reported."""
    judged: tuple[Evidence, ...] = ()
    """The statements the comparison found consistent, those a tolerance or an update let
    pass included (two days one apart across a zone): rules that yield to a comparison
    read these, never the report."""


@dataclass
class StoryResult:
    """Everything the checker concluded about one story."""

    story: str
    """Story name."""
    sources: list[Source]
    """The sources read for it."""
    facts: list[Fact]
    """Every fact extracted."""
    findings: list[Finding]
    """Problems found."""
    agreements: list[Agreement]
    """Aligned facts that agree."""
    people: list[Any] = field(default_factory=list)
    """People named, each with the forms its sources use (``people.Person``)."""
    dropped_facts: int = 0
    """Facts let go after checking to keep a long run's memory flat (counted, not kept)."""
    hidden: list[Finding] = field(default_factory=list)
    """Findings ``--min-level`` keeps out of the report: not shown, but ``--fail-on`` still
    counts them."""

    @property
    def fact_count(self) -> int:
        """How many facts were extracted, kept or let go."""
        return len(self.facts) + self.dropped_facts
