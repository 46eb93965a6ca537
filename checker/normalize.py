"""Normalize extracted facts: anchor dates on publication dates, counts to series lengths,
quantities to ranges in base units.

Sources without a publication date get one inferred from their own text when it
can be (a dateline, a weekday stated with its date, explicit full dates), with
the evidence recorded; every relative expression is then resolved against its
own source's date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from checker.extract import (
    Extraction,
    FactMention,
    Mention,
    NameMention,
    TimexMention,
    WordMention,
    quantity_lexicon,
)
from checker.gazetteer import Gazetteer, comparable, load_gazetteer
from checker.model import Amount, Fact, Interval, Place, Source, Tense
from checker.quantities import QuantityLexicon, to_amount
from checker.rules import RuleSet
from checker.temporal import WEEKDAY_DATE_REACH, TimexParts, parts_of, resolve

BACKGROUND_DAYS = 60
"""An event that ended this many days before publication is background, not the news."""


@dataclass(frozen=True)
class ResolvedTimex:
    """A temporal expression with its parts and, when it could be anchored, its value."""

    mention: TimexMention
    """The expression as extracted."""
    parts: TimexParts
    """What it states."""
    value: Interval | None
    """The interval it names, anchored on the source's publication date."""
    anchor: dt.date | None = None
    """The date it was resolved against (publication date, or a full date in its sentence)."""


@dataclass
class NormalizedSource:
    """One source after normalization: its facts with values, its dates, its words."""

    source: Source
    """The source (publication date filled in where it could be inferred)."""
    facts: list[Fact] = field(default_factory=list)
    """Facts with normalized values."""
    timexes: list[ResolvedTimex] = field(default_factory=list)
    """Every temporal expression, resolved."""
    words: Sequence[WordMention] = field(default_factory=list)
    """Words for spelling checks (the extraction's ``Words``)."""
    chain_context: dict[int, frozenset[str]] = field(default_factory=dict)
    """Context words of each in-article chain."""
    chain_ordinal: dict[int, int] = field(default_factory=dict)
    """Ordinal of each in-article chain's event."""
    chain_position: dict[int, str] = field(default_factory=dict)
    """``next``/``previous`` for chains about another occurrence of a recurring event."""
    names: list[NameMention] = field(default_factory=list)
    """Runs of capitalised words that may name people."""
    lead_facts: list[Fact] = field(default_factory=list)
    """The main event's dates as the lead gives them (``lead_date`` rules): compared across
    sources only, never shown as facts of their own (each is some other fact's date too)."""


FORWARD_WORDS = frozenset({"to", "by", "for"})
"""Words before a month and day that point ahead of the clause's verb, whatever its tense
(not "until": "the walkout ran until August 3" lasted to a day gone by):
"moved the sentencing hearing to January 24", "directed the defence to file by January 10", "set
for March 3". Such a date in a past clause is the nearest one, not the last one gone."""
_RANGE_BEFORE = re.compile(
    r"(?:\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)\s*(?:to|till|until)\s*$",
    re.IGNORECASE,
)
"""A date before "to" ("from January 3 to January 24"): the second is a range's end."""


def _forward_tense(timex: TimexMention, parts: TimexParts, tense: Tense) -> Tense:
    """``tense``, or "none" (the nearest date) for a month and day with no year after one
    of ``FORWARD_WORDS`` in a past clause ("moved the sentencing hearing to January 24"), not the
    end of a range ("from January 3 to January 24")."""
    if tense != "past" or parts.year or not (parts.month and parts.day):
        return tense
    if timex.governor not in FORWARD_WORDS:
        return tense
    before = timex.where.sentence[: timex.where.sentence_offset]
    if _RANGE_BEFORE.search(before):
        return tense
    return "none"


def anchor_label(source: Source) -> str:
    """What a source's relative dates rest on, for evidence: ``published 2019-12-26 (metadata)``."""
    if source.published is None:
        return "no publication date"
    return f"published {source.published.isoformat()} ({source.published_from})"


def _date_of(parts: TimexParts, year: int) -> dt.date | None:
    if not (parts.month and parts.day):
        return None
    try:
        return dt.date(year, parts.month, parts.day)
    except ValueError:
        return None


def infer_publication_date(
    extraction: Extraction, ruleset: RuleSet, *, story_dates: list[dt.date] | None = None
) -> tuple[dt.date, str] | None:
    """Infer when an undated source was published, from its own text.

    Evidence, strongest first: a dateline's month-day; the latest weekday stated
    with its date ("on Sunday (Dec 29)"); the latest explicit full date in a
    past-tense clause. The year comes from years stated in the text, weekday-date
    pairs that only fit some years, and the other sources of the story.

    Args:
        extraction (Extraction): the source's extracted expressions.
        ruleset (RuleSet): rules (for the lexicons).
        story_dates (list[date] | None): publication dates of the story's other sources. Defaults to None.

    Returns (date, evidence) or None when the text gives nothing to go on.
    """
    story_dates = story_dates or []
    lex = ruleset.lexicons
    year_votes: Counter[int] = Counter()
    full_dates: list[tuple[dt.date, str]] = []
    weekday_pairs: list[tuple[TimexParts, str]] = []
    past_days: list[tuple[TimexParts, str]] = []  # "On June 9, the government invoked"
    for timex in extraction.timexes:
        parts = _parts_of(timex.words, ruleset)
        if parts.year and timex.tense != "future":
            year_votes[parts.year] += 1
            full = _date_of(parts, parts.year)
            if full:
                full_dates.append((full, timex.where.text))
        elif parts.weekday is not None and parts.month and parts.day and not parts.year:
            weekday_pairs.append((parts, timex.where.text))
        elif (
            parts.month
            and parts.day
            and not parts.year
            and timex.tense == "past"
            and timex.governor not in _NOT_A_DAY_TOLD  # "ordered back to work by June 11"
        ):
            past_days.append((parts, timex.where.text))
    for day in story_dates:
        year_votes[day.year] += 2
    if year_votes:
        low, high = min(year_votes) - 1, max(year_votes) + 1
    else:
        low = high = None
    # a weekday stated with its date picks the year only when no other source dates the
    # story: beside dated sources the pair may be the very slip the weekday check is for
    candidates = range(low, high + 1) if low is not None and not story_dates else range(0)
    for parts, _text in weekday_pairs:
        for year in candidates:
            day = _date_of(parts, year)
            if day and day.weekday() == parts.weekday:
                year_votes[year] += 3
    dateline = extraction.source.dateline
    dateline_parts = (
        parts_of(tuple(dateline.date_text.replace(",", " , ").split()), lex)
        if dateline and dateline.date_text
        else None
    )
    if dateline_parts and dateline_parts.year:
        day = _date_of(dateline_parts, dateline_parts.year)
        if day:
            return day, f"dateline '{dateline.date_text}'"
    if not year_votes:
        return None
    best_year = max(year_votes, key=lambda y: (year_votes[y], y))
    year_note = (
        f"year {best_year} from the text"
        if sum(year_votes.values()) > 2 * len(story_dates)
        else f"year {best_year} from the story's other sources"
    )
    if dateline_parts and dateline_parts.month and dateline_parts.day:
        year = best_year
        if story_dates:  # the year that puts the dateline nearest the other outlets' dates
            middle = sorted(story_dates)[len(story_dates) // 2]
            options = [
                d
                for y in (middle.year - 1, middle.year, middle.year + 1)
                if (d := _date_of(dateline_parts, y))
            ]
            if options:
                nearest = min(options, key=lambda d: abs((d - middle).days))
                if abs((nearest - middle).days) <= 31:
                    year = nearest.year
                    year_note = f"year {year} from the story's other sources"
        day = _date_of(dateline_parts, year)
        if day:
            return day, f"dateline '{dateline.date_text}', {year_note}"
    paired = []
    for parts, text in weekday_pairs:
        day = _date_of(parts, best_year)
        if day and day.weekday() == parts.weekday:
            paired.append((day, text))
    if paired:
        day, text = max(paired)
        # a later day the text tells in the past ("began on Monday, June 1 ... On June 9,
        # the government invoked"): written that day or after
        later = [
            (d, t)
            for parts, t in past_days
            if (d := _date_of(parts, best_year)) and 0 < (d - day).days <= MOST_DAYS_LATER
        ]
        if later:
            latest, latest_text = max(later)
            return latest, (
                f"latest day told in the past '{latest_text}', after weekday with date "
                f"'{text}', {year_note}"
            )
        return day, f"weekday with date '{text}', {year_note}"
    if full_dates:
        day, text = max(full_dates)
        if story_dates:
            # an undated piece of the story, whose last full date is a recalled one ("since
            # their abduction on October 14, 2025"): it was written when the story's other
            # sources were, after that date
            middle = sorted(story_dates)[len(story_dates) // 2]
            if 0 < (min(story_dates) - day).days <= MOST_DAYS_BEFORE_STORY:
                return middle, (
                    f"the story's other sources' date, after the latest full date in the "
                    f"text '{text}'"
                )
        return day, f"latest full date in the text '{text}'"
    return None


_NOT_A_DAY_TOLD = frozenset({"by", "until", "till", "before", "ahead", "within", "from", "to"})
"""Words before a date that make it a limit or a span's end, no day a text tells of."""
MOST_DAYS_LATER = 60
"""Days at most between a weekday stated with its date and a later day the text tells in
the past for the later day to date the text (further on, it may be another year's)."""
MOST_DAYS_BEFORE_STORY = 366
"""An undated source's latest full date this many days before the story's other sources
at most is a recalled date of the story: the source is dated as they are."""


PARTS_CACHE_SIZE = 50_000
"""Distinct expressions whose parts are kept (then the cache starts again: memory stays flat)."""


def _parts_of(words: tuple[str, ...], ruleset: RuleSet) -> TimexParts:
    """``parts_of(words, ruleset.lexicons)``, remembered per rule set: the same expressions
    ("on Monday", "last year") come back in article after article."""
    known: dict[tuple[str, ...], TimexParts] = ruleset.derived("timex_parts", dict)
    parts = known.get(words)
    if parts is None:
        if len(known) >= PARTS_CACHE_SIZE:
            known.clear()
        parts = known[words] = parts_of(words, ruleset.lexicons)
    return parts


def _count_value(mention: FactMention) -> tuple[int, str]:
    """Series length a count states, and how: "three meetings" 3, "the three previous rounds" 4."""
    number = mention.number or 0
    if mention.count_form == "previous":
        return number + 1, f"{number} previous + this one"
    if mention.count_form == "ordinal":
        if mention.tense == "future":
            return number - 1, f"the next is number {number}"
        return number, f"number {number} in the series"
    return number, f"{number} in all"


_OFFSET_DAYS = {"Y": 365, "M": 30, "W": 7, "D": 1}
"""Days in a unit of an offset ("a year ago", "two months earlier")."""


def _after_figure(where: Mention, lexicon: QuantityLexicon) -> bool:
    """True when the words just before ``where`` end a number phrase: "$350 million",
    "5.2%", "12,000 tonnes" (a date there dates that figure, not its sentence)."""
    words = where.sentence[: where.sentence_offset].lower().split()
    if not words:
        return False
    last, previous = words[-1], words[-2] if len(words) > 1 else ""
    if last[-1].isdigit() or last.endswith("%"):
        return True
    unit = last.rstrip(".") in lexicon.scales or last in lexicon.units
    return unit and any(c.isdigit() for c in previous)


_DESCRIBED = re.compile(r"(?:\b(?:a|an|the|its|his|her|their|our)|'s) $", re.IGNORECASE)


def _describing_year(where: Mention) -> bool:
    """True for a year written between a determiner and a lower-case word: "a 1931 bronze
    horse", "the 2019 model" (it tells what the thing is)."""
    after = where.sentence[where.sentence_offset + len(where.text) :]
    return (
        where.text.isdigit()
        and len(where.text) == 4
        and _DESCRIBED.search(where.sentence[: where.sentence_offset]) is not None
        and len(after) > 1
        and after[0] == " "
        and after[1].islower()
    )


_PERIOD_FOR = re.compile(
    r"(?:\bfor(?: the)?(?: \w+ ?(?:-|\u2013|to|through) ?)?|\b(?:between|since|from)(?: \w+)?) ?$"
)


def _covered_period(where: Mention) -> bool:
    """True for the period a figure is for: "for the April-June period", "for 2025" (both
    ends of a range: "April" and "June"), or the start of a period running to now ("sold
    between March 2024 and May 2026", "sold since 2024", "its first such move since 2022")."""
    return (
        where.text.lower().startswith("since ")
        or _PERIOD_FOR.search(where.sentence[: where.sentence_offset].lower()) is not None
    )


def _nearest_tense(parts: TimexParts, anchor: dt.date | None, tense: Tense) -> Tense:
    """The tense that resolves a bare weekday to the nearer of its past and coming days
    ("a strike from Thursday" told on a Tuesday is two days on, told on a Saturday two days
    back); ``tense`` for any other date."""
    if anchor is None or parts.weekday is None or parts.month is not None or parts.relative:
        return tense
    ahead = (parts.weekday - anchor.weekday()) % 7
    return "future" if ahead <= 3 else "past"


def _tense_note(tense: str) -> str:
    return {"past": "past tense", "future": "future tense", "none": "no tense marker"}[tense]


def _story_year_anchor(parts: TimexParts, story_date: dt.date | None) -> dt.date | None:
    """``story_date`` when the month-day of ``parts`` lies within ``WEEKDAY_DATE_REACH`` days
    of it: an undated source's "Thursday, September 25" is then in the year the other outlets
    were published. Farther off, or with no dated outlet, its year stays unknown."""
    if story_date is None:
        return None
    options = [
        day
        for year in (story_date.year - 1, story_date.year, story_date.year + 1)
        if (day := _date_of(parts, year)) is not None
    ]
    if options and min(abs((day - story_date).days) for day in options) <= WEEKDAY_DATE_REACH:
        return story_date
    return None


def gazetteer_of(ruleset: RuleSet) -> Gazetteer:
    """The gazetteer with the rules' country aliases (built once per process, and found
    again by the rules: their aliases are not sorted again for every source)."""

    def load() -> Gazetteer:
        aliases = ruleset.lexicons.get("country_aliases", {})
        return load_gazetteer(tuple(sorted(aliases.items())))

    return ruleset.derived("gazetteer", load)


def _word_before(text: str, end: int, word: str) -> bool:
    """True when ``text`` before offset ``end``, spaces aside, ends with ``word`` (lower
    case), whatever its case: read back from ``end``, not over the whole text before it."""
    k = end
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return text[max(0, k - len(word) - 8) : k].lower().endswith(word)


def _with_qualifier(where: Mention, qualifier: str) -> Mention:
    """``where`` taken on over the qualifier written right after it ("in Dunmore Springs"
    of "in Dunmore Springs, Ohio"): the words that tell the place apart are the evidence. ``where``
    as it is when the qualifier does not follow it."""
    after = where.sentence_offset + len(where.text)
    match = re.match(r",\s*" + re.escape(qualifier), where.sentence[after:])
    if match is None:
        return where
    return replace(
        where,
        end=where.end + match.end(),
        text=where.text + match.group(),
    )


def _qualifier_words(ruleset: RuleSet) -> dict[str, str]:
    """The provinces, states, nations and nationality adjectives that qualify a place
    (lexicons ``place_regions`` and ``nationality_adjectives``), lower case."""
    return ruleset.derived(
        "qualifier_words",
        lambda: {
            str(k).lower(): str(v)
            for name in ("place_regions", "nationality_adjectives")
            for k, v in ruleset.lexicons.get(name, {}).items()
        },
    )


def _qualified_places(
    extraction: Extraction, gazetteer: Gazetteer | None, ruleset: RuleSet
) -> tuple[Callable[[str], tuple[str, str] | None], dict[str, set[tuple[str, str]]]]:
    """How a source qualifies its places: the scope (``Gazetteer.scope``) of a qualifier,
    and, by the name's lower case, the scopes its dateline ("LONDON, Ontario -") and its
    qualified place facts ("near Brest, France") give a name: the same name written bare
    elsewhere in the source is the same place ("a crash in London" under that dateline)."""
    words = _qualifier_words(ruleset)

    def scope_of(qualifier: str) -> tuple[str, str] | None:
        if gazetteer is None:
            return None
        found = gazetteer.scope(qualifier, words)
        if found is None and " " in qualifier:  # "the French Atlantic port of Brest"
            scopes = {gazetteer.scope(w, words) for w in qualifier.split()} - {None}
            found = next(iter(scopes)) if len(scopes) == 1 else None
        return found

    qualified: dict[str, set[tuple[str, str]]] = {}
    if gazetteer is None:
        return scope_of, qualified
    dateline = extraction.source.dateline
    if dateline and dateline.place and dateline.region and (found := scope_of(dateline.region)):
        qualified.setdefault(dateline.place.lower(), set()).add(found)
    for mention in extraction.facts:
        if mention.family == "place" and mention.place and mention.qualifier:
            if (found := scope_of(mention.qualifier)) is not None:
                qualified.setdefault(mention.place.lower(), set()).add(found)
    return scope_of, qualified


def normalize(
    extraction: Extraction,
    ruleset: RuleSet,
    *,
    story_date: dt.date | None = None,
    dated_story: dt.date | None = None,
) -> NormalizedSource:
    """Resolve every date and count of one source against its publication date.

    The source's ``published`` must already be final (see ``infer_publication_date``).

    Args:
        extraction (Extraction): what was extracted from the source.
        ruleset (RuleSet): the rules.
        story_date (date | None): when the story's other sources were published, to tell
            background events in a source without a date of its own. Defaults to None.
        dated_story (date | None): when the story's sources with a date in their metadata
            were published: the year of an undated source's month-days. Defaults to None.
    """
    source = extraction.source
    anchor = source.published
    reference = anchor or story_date
    out = NormalizedSource(
        source=source,
        words=extraction.words,
        names=extraction.names,
        chain_context=extraction.chain_context,
        chain_ordinal=extraction.chain_ordinal,
        chain_position=extraction.chain_position,
    )
    # A full date stated in a sentence is the reference time of its other dates:
    # "killed June 24, 2005 while investigating a June 20 shooting" is June 20, 2005.
    stated: dict[str, dt.date] = {}
    for timex in extraction.timexes:
        parts = _parts_of(timex.words, ruleset)
        if parts.year and parts.month and parts.day and (day := _date_of(parts, parts.year)):
            stated.setdefault(timex.where.sentence, day)

    def anchor_of(mention: TimexMention, parts: TimexParts) -> dt.date | None:
        if parts.month and not parts.year and mention.where.sentence in stated:
            return stated[mention.where.sentence]
        if anchor is None and parts.month and parts.day and not parts.year:
            return _story_year_anchor(parts, dated_story)
        return anchor

    for timex in extraction.timexes:
        parts = _parts_of(timex.words, ruleset)
        reference_day = anchor_of(timex, parts)
        tense = _forward_tense(timex, parts, timex.tense)
        out.timexes.append(
            ResolvedTimex(timex, parts, resolve(parts, reference_day, tense), reference_day)
        )
    quantities = quantity_lexicon(ruleset)
    gazetteer = (
        gazetteer_of(ruleset) if any(m.family == "place" for m in extraction.facts) else None
    )
    scope_of, qualified = _qualified_places(extraction, gazetteer, ruleset)
    # A sentence dated well before publication recalls the past: its figures are not the news.
    # A date right after a figure ("from $350 million a year earlier") dates that figure only;
    # a period a figure covers ("profit for the April-June period") is not a recalled event.
    # A year that describes a thing ("a 1931 bronze horse sold for ... on Tuesday") dates
    # the thing, not a sentence that also dates its news.
    # A deadline's day is read ahead of its clause ("told pupils to stay home until May 5"):
    # it recalls no past, whatever the day would be read as alone; one given its year ("a
    # deadline of June 30, 2023" a year on) is read as written.
    deadline_days = {
        m.timex.where.start
        for m in extraction.facts
        if m.family == "deadline" and m.timex is not None and "year" not in m.timex.roles
    }
    dated = [
        (timex, (reference - timex.value.end).days)
        for timex in out.timexes
        if reference is not None
        and timex.value is not None
        and timex.value.year_known
        and timex.mention.where.start not in deadline_days
    ]
    recent = {timex.mention.where.sentence for timex, ago in dated if abs(ago) <= BACKGROUND_DAYS}
    background_sentences = {
        timex.mention.where.sentence
        for timex, ago in dated
        if ago > BACKGROUND_DAYS
        and not _after_figure(timex.mention.where, quantities)
        and not _covered_period(timex.mention.where)
        and not (timex.mention.where.sentence in recent and _describing_year(timex.mention.where))
    }
    # A place told in a sentence that dates nothing recent and names an earlier time ("the
    # worst since a 2019 fire at a warehouse in Leeds") is the place of a recalled event; not
    # a year after "since", which measures the news against it ("the worst since 1961").
    recalled_sentences = {
        timex.mention.where.sentence
        for timex, ago in dated
        if ago > BACKGROUND_DAYS
        and not timex.mention.where.text.lower().startswith("since")
        and not _word_before(source.text, timex.mention.where.start, "since")
    } - recent
    for mention in extraction.facts:
        explicit_year = background = False
        timing = "unknown"
        when = None
        where = mention.where
        if mention.family == "count":
            value, how = _count_value(mention)
            if value <= 0:
                continue
            if mention.count_form == "ordinal" and mention.tense == "future":
                timing = "future"  # the one it numbers is still to come
            fact_value: Interval | int | Amount | Place = value
            note = how
        elif mention.family == "place":
            assert mention.place is not None and gazetteer is not None
            rule = ruleset.rules[mention.rule]
            venue_words = frozenset(rule.options.get("venues", []))
            region_words = ruleset.derived(
                "region_nouns", lambda: frozenset(ruleset.lexicons.get("region_nouns", ()))
            )
            within = (
                scope_of(mention.qualifier)
                if mention.qualifier
                else next(iter(qualified[key]))
                if len(qualified.get(key := mention.place.lower(), ())) == 1
                else None
            )
            fact_value = gazetteer.resolve(
                mention.place, venue_words=venue_words, within=within, region_words=region_words
            )
            if (
                mention.qualifier
                and mention.qualifier_stands
                and (within is None or fact_value.kind != "city")
            ):
                # "in Yida, Ruritania", a name not known there, or "in East Vale, Elmtown", a
                # wider place no qualifier of the rules: somewhere in the wider place
                fact_value = (
                    replace(fact_value, name=mention.qualifier)
                    if within is not None and within[1] and within[0] != "US"
                    else gazetteer.resolve(mention.qualifier, venue_words=venue_words)
                )
            if fact_value.kind == "venue" and mention.venue_city and not fact_value.coordinates:
                # "the Crown Court in York": the venue lies in that city
                city = gazetteer.resolve(mention.venue_city)
                if city.kind == "city":
                    fact_value = replace(
                        city,
                        name=f"{fact_value.name} in {mention.venue_city}",
                        kind="venue",
                        qualified=False,
                    )
            if fact_value.kind == "unknown" and not rule.options.get("unknown_places"):
                continue  # a name the gazetteer does not know says nothing either way
            placed_local = (
                within is not None
                and fact_value.kind in ("region", "country")
                and fact_value.name == mention.place
            )  # "Dunmore Springs, Ohio": a local name the gazetteer lacks, in its state
            if placed_local and mention.qualifier:
                fact_value = replace(fact_value, name=f"{mention.place}, {mention.qualifier}")
                where = _with_qualifier(where, mention.qualifier)
            if (
                not rule.options.get("known_places", True)
                and comparable(fact_value, fact_value)
                and not placed_local
            ):
                continue  # (a rule of local names only: a city or country it leaves to others)
            # where a firm is based is no event: never a recalled past
            background = (
                mention.where.sentence in recalled_sentences and rule.extends != "home_place"
            )
            note = {
                "unknown": "not in the gazetteer",
                "venue": "venue",
                "city": "city",
                "country": "country",
                "region": "state",
            }[fact_value.kind]
        elif mention.family == "quantity":
            assert mention.amount is not None
            if mention.where.sentence in background_sentences and not ruleset.rules[
                mention.rule
            ].options.get("anchored"):
                continue  # (a change told beside its figure recalls the earlier time)
            amount = to_amount(mention.amount, quantities)
            options = ruleset.rules[mention.rule].options
            allowed = options.get("dimensions")
            if allowed and amount.dimension.split(":")[0] not in (
                *allowed,
                *options.get("described_dimensions", ()),  # read so by extraction alone
            ):
                continue  # "killed" with a sum of money: not a casualty count
            fact_value = amount
            if mention.timex is not None:
                parts = _parts_of(mention.timex.words, ruleset)
                when = resolve(parts, anchor_of(mention.timex, parts), mention.timex.tense)
                if (
                    when is not None
                    and (parts.year or when.year_known)  # "in May 2021", "a year ago"
                    and reference is not None
                    and (reference - when.end).days > BACKGROUND_DAYS
                    and mention.timex.where.start >= mention.where.start
                    and _after_figure(mention.timex.where, quantities)
                ):
                    continue  # "reached an altitude of 90 km in May 2021": an old figure
                if (
                    parts.kind == "offset"
                    and parts.direction == -1
                    and parts.amount is not None
                    and parts.amount * _OFFSET_DAYS.get(parts.span_unit or "", 0) > BACKGROUND_DAYS
                    and 0 <= mention.timex.where.start - mention.where.end <= 1
                ):
                    continue  # "was at 62% of capacity a year ago": an old figure
            note = f"{mention.event_class}, {mention.role}" + (
                f", {when.label()}" if when is not None else ""
            )
        else:
            assert mention.timex is not None
            parts = _parts_of(mention.timex.words, ruleset)
            tense = _forward_tense(mention.timex, parts, mention.tense)
            if tense != mention.tense:
                mention = replace(mention, tense=tense)
            if mention.role == "nearest":
                tense = _nearest_tense(parts, anchor_of(mention.timex, parts), tense)
                mention = replace(mention, tense=tense)
            interval = resolve(parts, anchor_of(mention.timex, parts), tense)
            if interval is None:
                continue
            if mention.offset_days is not None:
                if interval.start != interval.end:
                    continue  # a period's start must be one day
                # "a 30-day curfew" declared on a day ends 30 days on, or 29 counting
                # that day as the first
                # either day, as "next Thursday" is either of two: two such ends agree
                # when they share a day ("a three-day strike" from Wednesday or Thursday)
                last = interval.end + dt.timedelta(days=mention.offset_days)
                interval = replace(
                    interval,
                    start=last,
                    end=last,
                    also=last - dt.timedelta(days=1),
                )
            if mention.role == "after publication" and (
                reference is None or not interval.year_known or interval.start <= reference
            ):
                continue  # a past clause's "until March 2" on or before publication: no deadline
            fact_value = interval
            explicit_year = parts.year is not None
            # Where the source has no date, the story's date tells background from news.
            probe = (
                interval
                if interval.year_known or reference is None
                else resolve(parts, reference, mention.tense)
            )
            if reference is not None and mention.family in ("date", "lead") and probe is not None:
                interval_for_timing = probe
                background = (reference - interval_for_timing.end).days > BACKGROUND_DAYS
                timing = (
                    "future"
                    if interval_for_timing.start > reference
                    else "past"
                    if interval_for_timing.end < reference
                    else "present"
                )
            if timing == "future" and mention.trigger in ruleset.rules[mention.rule].options.get(
                "unforeseeable", ()
            ):
                continue  # "earthquake experts in the papers tomorrow": no quake is dated ahead
            note = (
                "explicit date"
                if explicit_year
                else f"{_tense_note(mention.tense)}, {anchor_label(source)}"
                if anchor
                else "no publication date: month and day only"
            )
        (out.lead_facts if mention.family == "lead" else out.facts).append(
            Fact(
                kind=mention.rule,
                source_id=source.id,
                start=where.start,
                end=where.end,
                line=where.line,
                column=where.column,
                text=where.text,
                sentence=where.sentence,
                sentence_offset=where.sentence_offset,
                value=fact_value,
                tense=mention.tense,
                trigger=mention.trigger,
                context=mention.context
                if mention.family in ("count", "quantity")
                else extraction.chain_context.get(mention.chain, mention.context),
                names=mention.names,
                chain=mention.chain,
                ordinal=mention.ordinal,
                note=note,
                explicit_year=explicit_year,
                background=background,
                subject=mention.event_class if mention.family == "quantity" else mention.subject,
                timing=timing,
                role=mention.role,
                when=when,
            )
        )
    # A place belongs to its event's time: the place of a recalled event is background too.
    dated: dict[int, list[bool]] = {}
    for fact in out.facts:
        if isinstance(fact.value, Interval) and fact.chain >= 0:
            dated.setdefault(fact.chain, []).append(fact.background)
    recalled = {chain for chain, backgrounds in dated.items() if all(backgrounds)}
    out.facts = [
        replace(f, background=True) if isinstance(f.value, Place) and f.chain in recalled else f
        for f in out.facts
    ]
    return out


def normalize_story(extractions: list[Extraction], ruleset: RuleSet) -> list[NormalizedSource]:
    """Infer missing publication dates (using the story's dated sources), then normalize each source."""
    known = [e.source.published for e in extractions if e.source.published is not None]
    for extraction in extractions:
        source = extraction.source
        if source.published is None:
            inferred = infer_publication_date(extraction, ruleset, story_dates=known)
            if inferred is not None:
                source.published, source.published_evidence = inferred
                source.published_from = "text"
    dated = sorted(e.source.published for e in extractions if e.source.published is not None)
    story_date = dated[len(dated) // 2] if dated else None
    firm = sorted(
        e.source.published
        for e in extractions
        if e.source.published is not None and e.source.published_from == "metadata"
    )
    dated_story = firm[len(firm) // 2] if firm else None
    normalized = [
        normalize(e, ruleset, story_date=story_date, dated_story=dated_story) for e in extractions
    ]
    return _shared_places(_shared_currencies(_bare_dollars(normalized, ruleset), ruleset), ruleset)


def _dollar_signs(ruleset: RuleSet) -> list[tuple[re.Pattern[str], str]]:
    """The lexicon's signs and codes of the ``bare_dollar`` dollars ("A$", "US$", "CAD"),
    each as a pattern of the sign before a figure, with the dollar it writes.

    No letter may stand before the sign. That test is written after the sign, as a look
    back over it (the same matches as a look back written first): a pattern opening
    with its literal sign lets the regular expression engine skip ahead to each place
    the sign's first letter stands, where one opening with a look back is tried at every
    character of the text (twice as slow, over each article of a story with a dollar)."""
    settings = ruleset.lexicons.get("bare_dollar") or {}
    dollars = {str(settings.get("us", "")), *map(str, settings.get("locals", ()))}
    signs = ruleset.lexicons.get("currency_signs") or {}
    return [
        (
            re.compile(
                rf"{re.escape(str(sign))}(?<![A-Za-z](?s:.{{{len(str(sign))}}}))\s?\d",
                re.IGNORECASE,
            ),
            str(unit),
        )
        for sign, unit in signs.items()
        if str(unit) in dollars and str(sign) != "$"
    ]


def _bare_dollars(normalized: list[NormalizedSource], ruleset: RuleSet) -> list[NormalizedSource]:
    """Settle each dollar written with no country ("$1,500") as the lexicon's ``bare_dollar``
    says: the US dollar, unless its source writes a US dollar beside it (then the story's
    one local dollar), or its source writes no other dollar while the story names one local
    dollar and no US dollar (a local outlet's "$1,500" beside the wire's "C$2,000")."""
    settings = ruleset.lexicons.get("bare_dollar") or {}
    if not settings:
        return normalized
    bare = f"currency:{str(settings['unit']).upper()}"
    us = str(settings["us"]).lower()
    locals_ = {str(code).lower() for code in settings.get("locals", ())}
    signs = ruleset.derived("dollar_signs", lambda: _dollar_signs(ruleset))

    def written(n: NormalizedSource) -> set[str]:
        """The dollars a source writes with a sign or code of their own."""
        found = {
            f.value.dimension.split(":")[1].lower()
            for f in n.facts
            if isinstance(f.value, Amount) and f.value.dimension.startswith("currency:")
        }
        text = n.source.text
        found |= {unit for pattern, unit in signs if unit not in found and pattern.search(text)}
        return found & (locals_ | {us})

    if not any(
        isinstance(f.value, Amount) and f.value.dimension == bare
        for n in normalized
        for f in n.facts
    ):
        return normalized
    each = [written(n) for n in normalized]
    story_locals = set().union(*each) & locals_
    story_us = any(us in w for w in each)
    one_local = next(iter(story_locals)) if len(story_locals) == 1 else None
    labels = {
        str(k).lower(): str(v) for k, v in (ruleset.lexicons.get("currency_labels") or {}).items()
    }
    old = labels.get(bare.split(":")[1].lower(), bare.split(":")[1])
    for n, own in zip(normalized, each, strict=True):
        if own & locals_ and us not in own:
            # "A$5.40 a share" and "$2.6 billion": the wire's US dollar; but a bare figure
            # the source also gives in its local dollar ("$48.6m" in a headline over
            # "A$48.6 million") tells that the bare dollar is the local one
            local = [
                f.value
                for f in n.facts
                if isinstance(f.value, Amount)
                and f.value.dimension.partition(":")[2].lower() in own
            ]
            bare_values = [
                f.value
                for f in n.facts
                if isinstance(f.value, Amount) and f.value.dimension == bare
            ]
            both = any(x.low <= y.high and y.low <= x.high for x in bare_values for y in local)
            code = next(iter(own & locals_)) if both and len(own & locals_) == 1 else us
        elif us in own:
            code = one_local or us  # "US$6.8 billion" and "$9.1 billion": a local dollar
        else:
            code = one_local if one_local and not story_us else us
        dimension = f"currency:{code.upper()}"
        facts = []
        for fact in n.facts:
            value = fact.value
            if isinstance(value, Amount) and value.dimension == bare:
                stated = (
                    code.upper() + value.stated[len(old) :]
                    if value.stated.startswith(old)
                    else value.stated
                )
                fact = replace(fact, value=replace(value, dimension=dimension, stated=stated))
            facts.append(fact)
        n.facts = facts
    return normalized


def _shared_places(normalized: list[NormalizedSource], ruleset: RuleSet) -> list[NormalizedSource]:
    """The story's places read as the story reads them: a bare namesake as its qualified
    statements or its other places place it (``_narrow_namesakes``), and one place written
    two ways as one value (``_one_name_per_place``)."""
    places = [f.value for n in normalized for f in n.facts if isinstance(f.value, Place)]
    if places:
        _narrow_namesakes(normalized, places, ruleset)
    return _one_name_per_place(normalized)


def _one_name_per_place(normalized: list[NormalizedSource]) -> list[NormalizedSource]:
    """Give the places the gazetteer finds to be one city or one country under several
    names ("Geneva" and "Genève", "Britain" and "the United Kingdom") the name the story
    writes most often (of equals, the first written): one value, not two that agree."""
    counts: dict[tuple, Counter[str]] = {}
    for n in normalized:
        for f in n.facts:
            if (key := _place_key(f.value)) is not None:
                counts.setdefault(key, Counter())[f.value.name] += 1
    names = {
        key: names.most_common(1)[0][0]
        for key, names in counts.items()
        if len({name.lower() for name in names}) > 1
    }
    if not names:
        return normalized
    for n in normalized:
        n.facts = [
            replace(f, value=replace(f.value, name=names[key]))
            if (key := _place_key(f.value)) in names
            else f
            for f in n.facts
        ]
    return normalized


def _place_key(value: object) -> tuple | None:
    """What makes two places one for ``_one_name_per_place``: the same likeliest city (its
    label's: "Geneva" may also be a smaller US town, "Genève" not), or the same country;
    None for any other value."""
    if not isinstance(value, Place):
        return None
    if value.kind == "city" and value.coordinates:
        return ("city", value.coordinates[0])
    if value.kind == "country" and not value.qualified:
        return ("country", value.countries)
    return None


def _narrow_namesakes(
    normalized: list[NormalizedSource], places: list[Place], ruleset: RuleSet
) -> None:
    """Read a city name the gazetteer finds in several countries ("Brest": Belarus and
    France) as the story reads it: as the cities of that name the story's qualified
    statements of it allow ("near Brest, France"), all in one scope; with none, in the one
    of its countries the story's other places lie in ("in France"). Otherwise it stays
    every city of that name."""
    ambiguous = {
        p.name.lower()
        for p in places
        if p.kind == "city" and not p.qualified and len(p.countries) > 1
    }
    if not ambiguous:
        return
    pinned: dict[str, set[Place]] = {}
    for p in places:
        if p.qualified and p.kind == "city" and p.name.lower() in ambiguous:
            pinned.setdefault(p.name.lower(), set()).add(replace(p, name=""))
    wider = {
        c
        for p in places
        if p.kind in ("country", "region") or (p.qualified and len(p.countries) == 1)
        for c in p.countries
    }
    gazetteer = gazetteer_of(ruleset)
    chosen: dict[str, Place] = {}
    for name in ambiguous:
        if name in pinned:
            if len(pinned[name]) == 1:
                chosen[name] = next(iter(pinned[name]))
            continue
        candidates = {p.countries for p in places if p.name.lower() == name and not p.qualified}
        countries = frozenset().union(*candidates) & wider
        if len(candidates) == 1 and len(countries) == 1:
            found = gazetteer.resolve(name, within=(next(iter(countries)), ""))
            if found.kind == "city":
                chosen[name] = replace(found, name="")
    if not chosen:
        return
    for n in normalized:
        n.facts = [
            replace(f, value=replace(chosen[key], name=f.value.name, qualified=False))
            if isinstance(f.value, Place)
            and not f.value.qualified
            and f.value.kind == "city"
            and (key := f.value.name.lower()) in chosen
            else f
            for f in n.facts
        ]


def _shared_currencies(
    normalized: list[NormalizedSource], ruleset: RuleSet
) -> list[NormalizedSource]:
    """State a figure in a currency name several countries use ("13 billion crowns") in
    the one of its currencies the story's other figures name ("SEK 31 billion"): the
    lexicon's ``shared_currency_names``. With none, or two of them, it stays its own."""
    shared = ruleset.lexicons.get("shared_currency_names") or {}
    if not shared:
        return normalized
    named = {
        fact.value.dimension
        for n in normalized
        for fact in n.facts
        if isinstance(fact.value, Amount) and fact.value.dimension.startswith("currency:")
    }
    chosen = {}
    for name, codes in shared.items():
        dimension = f"currency:{name.upper()}"
        candidates = {f"currency:{code.upper()}" for code in codes} & named
        if dimension in named and len(candidates) == 1:
            chosen[dimension] = candidates.pop()
    if not chosen:
        return normalized
    for n in normalized:
        facts = []
        for fact in n.facts:
            value = fact.value
            if isinstance(value, Amount) and value.dimension in chosen:
                dimension = chosen[value.dimension]
                old, new = value.dimension.split(":")[1], dimension.split(":")[1]
                stated = (
                    new + value.stated[len(old) :] if value.stated.startswith(old) else value.stated
                )
                fact = replace(fact, value=replace(value, dimension=dimension, stated=stated))
            facts.append(fact)
        n.facts = facts
    return normalized
