"""Align the same fact across the sources of a story.

Dates and deadlines are grouped per source into units (one rule, one in-article
chain of the same event); units of different sources are aligned when their
events are of one class, their ordinals do not conflict ("the second summit" is
not "the third meeting") and their context words (participants, organisation,
place, what the deadline is for) overlap enough. Counts are aligned by series.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.lang.en.stop_words import STOP_WORDS

from checker.extract import FROM_MAIN_DAY, LATER_INSTANCE, LIGHT_VERB, MAIN_PLACE_CHAIN, stem
from checker.extract.context import _quiet_words, quantity_lexicon
from checker.model import Amount, Fact
from checker.normalize import NormalizedSource
from checker.rules import RuleSet
from checker.temporal import intervals_agree

MIN_SHARED_WORDS = 2
"""Context words two units must share to be the same event."""
MIN_SHARED_BACKGROUND = 3
"""Context words two background events (well before publication) must share."""
MIN_SHARED_MAIN = 3
"""Words two sources' lead sentences (and headlines) share before their main-event dates
(``lead_date`` rules with ``main``, no event class) are compared."""
MOST_MAIN_SOURCES = 50
"""Sources above which a story's main event is not read across them (``main`` rules): a
story is told by a handful of outlets, and pairing every lead with every other grows with
the square of their number."""
MIN_SHARED_CLAUSE = 3
"""Words two sources' happening clauses (``lead_date`` rules with ``clause``) share: the
subject's head and the verb's family that key them, and one more."""
_MAIN_KEY = "lead:main:"
_CLAUSE_KEY = "lead:clause:"
_YEAR_KEY = "lead:year:"
_MAIN_PLACE_KEY = f"chain:{MAIN_PLACE_CHAIN}:"


@dataclass(frozen=True)
class Unit:
    """The facts one source states about one event under one rule."""

    source_id: str
    """The source."""
    rule: str
    """Rule id (fact kind)."""
    key: str
    """Chain or series the facts belong to."""
    facts: tuple[Fact, ...]
    """The facts, in text order."""
    context: frozenset[str]
    """Context words of the event."""
    event_class: str
    """Event class, deadline word or series name."""
    ordinal: int | None
    """Ordinal of the event, if stated."""
    position: str = "this"
    """``next``, ``previous`` or ``this``: which occurrence of a recurring event."""
    names: frozenset[str] = frozenset()
    """The names among the context words (quantity units)."""
    split: bool = False
    """One of a source's several different figures for one measure (quantity units)."""
    one_subject: bool = False
    """The measure's rule says it is stated of the story's one subject (``one_subject``)."""
    named: bool = False
    """The measure is told of a named one among several (a defendant's sentence, a player's
    contract: ``named_measures`` in its rule): compared only with a unit naming the same."""
    others: frozenset[str] = frozenset()
    """For a split unit, the context words of the source's other figures for the measure."""
    siblings: tuple[Fact, ...] = ()
    """For a deadline unit, the facts of its source's other deadlines of one predicate."""
    other_actors: frozenset[str] = frozenset()
    """For a deadline unit, who must act by its source's other deadlines ("defence")."""
    sentence_words: frozenset[str] = frozenset()
    """For a quantity unit, the content words of its facts' sentences (``_sentence_words``)."""
    events: frozenset[str] = frozenset()
    """For a quantity unit, the event words (``events.yml``, stemmed) of those sentences."""
    sequel: bool = False
    """For a date unit, a happening its source dates ahead while it dates another of its
    class in the past (a new launch attempt after a scrubbed one: ``_mark_sequels``)."""
    published: dt.date | None = None
    """The source's day of publication."""


@dataclass(frozen=True)
class Alignment:
    """Units from two or more sources stating the same fact."""

    rule: str
    """Rule id."""
    family: str
    """``date``, ``deadline`` or ``count``."""
    units: tuple[Unit, ...]
    """One unit per source."""
    pairs: tuple[tuple[int, int], ...] = ()
    """Indexes into ``units`` of the pairs aligned directly (the group is their closure)."""


MIN_SHARED_EVENT_SENTENCE = 2
"""Words two sources' sentences must share, an event word among them, for their one
figures of a measure to be one when their clauses share none."""
MIN_SHARED_SENTENCE = 3
"""Words two sources' sentences must share for their one figures of a measure to be one
when their clauses share none."""

MIN_SPLIT_SHARED = 2
"""Words a figure must share with another source's when its own source gives the measure
two different figures (which one is the other's is told only by its words, and only when
the source's other figures share none)."""


def _family(ruleset: RuleSet, rule_id: str) -> str:
    extends = ruleset.rules[rule_id].extends if rule_id in ruleset.rules else "event_date"
    return {
        "event_date": "date",
        "deadline": "deadline",
        "event_count": "count",
        "quantity": "quantity",
        "event_place": "place",
        "ranked_place": "place",
        "home_place": "place",
        "route_place": "place",
        "paired_count": "paired",
        "noun_count": "paired",
        "figure_slip": "paired",
        "lead_date": "date",
    }.get(extends, "date")


def _is_lead(ruleset: RuleSet, rule_id: str) -> bool:
    return rule_id in ruleset.rules and ruleset.rules[rule_id].extends == "lead_date"


def units_of(sources: list[NormalizedSource], ruleset: RuleSet) -> list[Unit]:
    """Group each source's facts into units: (rule, chain) for dates, (rule, series) for counts."""
    units = []
    lexicon = quantity_lexicon(ruleset)
    quiet = ruleset.derived("quantity_quiet_words", lambda: _quiet_words(ruleset, lexicon))
    event_stems = ruleset.derived(
        "event_word_stems", lambda: frozenset(stem(w) for w in ruleset.event_classes)
    )
    for normalized in sources:
        grouped: dict[tuple[str, str], list[Fact]] = defaultdict(list)
        for fact in normalized.facts + normalized.lead_facts:
            family = _family(ruleset, fact.kind)
            if family == "paired":
                continue  # compared by ``compare.paired_findings`` and ``single_count_findings``
            if _is_lead(ruleset, fact.kind):
                # the main event's day, as the lead gives it (a recalled event is not it)
                if not (fact.subject or "").startswith("year:") and (
                    fact.background or getattr(fact.value, "granularity", "") != "day"
                ):
                    continue  # (a happening dated by its year is the one of its kind told)
                key = f"lead:{fact.subject}:{fact.role}"
            elif family == "count":
                key = f"series:{_series(ruleset, fact)}"
            elif family == "quantity":  # a level is never compared with a change
                dimension = getattr(fact.value, "dimension", "")
                if dimension.startswith("currency:"):
                    dimension = "currency"  # one sum in two currencies is one measure
                key = f"measure:{fact.subject}:{fact.role}:{dimension}"
            else:  # a chain's recalled past and its news are never one unit
                key = f"chain:{fact.chain}:{'background' if fact.background else 'news'}"
            grouped[(fact.kind, key)].append(fact)
        pieces = []
        for (rule, key), facts in grouped.items():
            if key.startswith("lead:") and not _one_day(facts):
                news = [f for f in facts if not _told_as_beginning(f)]
                if news and len(news) < len(facts) and _one_day(news):
                    facts = news  # "plucked them off on Friday, ending an ordeal that began
                    # when a storm hit last Wednesday": the ordeal's start is no news
                else:
                    facts = _before_publication(facts, normalized.source.published)
                if not facts:
                    continue  # a lead that gives its event two days says nothing sure of either
            if _family(ruleset, rule) == "quantity" and not _univocal(facts):
                # two different figures for one measure ("a magnitude 6.4 quake", "the
                # strongest aftershock, of magnitude 4.1"): each stands alone, and is
                # compared only with a figure whose clause shares its words
                # (each distinct figure's words gathered once: the facts that give it)
                words_of: dict[Amount, frozenset[str]] = {}
                for fact in facts:
                    value = fact.value
                    assert isinstance(value, Amount)
                    words_of[value] = words_of.get(value, frozenset()) | fact.context
                for fact in facts:
                    # the words of its other figures (a headline repeating it is none)
                    others = frozenset().union(
                        *(
                            words
                            for value, words in words_of.items()
                            if not value.overlaps(fact.value)  # type: ignore[arg-type]
                        )
                    )
                    pieces.append(((rule, key), [fact], others))
            else:
                pieces.append(((rule, key), facts, None))
        mates = _sentence_mates(normalized.facts, ruleset)
        for (rule, key), facts, others in pieces:
            family = _family(ruleset, rule)
            context = frozenset().union(*(f.context | mates.get(id(f), frozenset()) for f in facts))
            if family in ("count", "quantity"):
                event_class = key.split(":", 1)[1]
                ordinal = None
            else:
                event_class = _event_class(ruleset, facts[0])
                ordinal = normalized.chain_ordinal.get(facts[0].chain)
            names = frozenset().union(*(f.names for f in facts))
            one_subject = _one_subject(ruleset, rule, facts[0].subject) or (
                event_class in _one_subject_classes(ruleset, rule)
            )
            units.append(
                Unit(
                    normalized.source.id,
                    rule,
                    key,
                    tuple(facts),
                    context,
                    event_class,
                    ordinal,
                    names=names,
                    split=others is not None,
                    one_subject=one_subject,
                    named=family == "quantity" and _named_measure(ruleset, rule, facts[0].subject),
                    others=others or frozenset(),
                    sentence_words=(words := _sentence_words(facts, quiet))
                    if family == "quantity"
                    else frozenset(),
                    events=words & event_stems if family == "quantity" else frozenset(),
                    published=normalized.source.published,
                )
            )
    return _mark_sequels(units)


def _mark_sequels(units: list[Unit]) -> list[Unit]:
    """Mark the sequels among date units: of one source's units of one event class in its
    chains' news, those dated only ahead, when another is dated only in the past ("the
    launch was called off on Tuesday", "the next attempt is set for the 21st").
    Another source's past happening of the class is the past one, never the one to come."""
    by_class: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for k, unit in enumerate(units):
        if unit.key.startswith("chain:") and unit.key.endswith(":news"):
            by_class[(unit.source_id, unit.rule, unit.event_class)].append(k)
    for k, unit in enumerate(units):
        if (
            unit.key.startswith("chain:")
            and unit.published is not None
            and {f.timing for f in unit.facts} == {"future"}
            and min(f.value.start for f in unit.facts) - unit.published  # type: ignore[union-attr]
            > dt.timedelta(days=SEQUEL_DAYS)
        ):
            units[k] = replace(unit, sequel=True)  # "the 2027 edition will be held on ..."
    for members in by_class.values():
        if len(members) < 2:
            continue
        timings = [{f.timing for f in units[k].facts} for k in members]
        if any(t and t <= _DONE for t in timings) and {"future"} in timings:
            for k, timing in zip(members, timings, strict=True):
                if timing == {"future"}:
                    units[k] = replace(units[k], sequel=True)
    return units


SEQUEL_DAYS = 180
"""A happening a source dates only ahead, this many days or more after its publication, is
a later occurrence ("the 2027 edition will be held on October 10, 2027"): another source's
past happening of its class is never it."""

_DONE = frozenset({"past", "present"})
"""Timings of a date on or before its source's day of publication."""


def _before_sequel(sequel: Unit, other: Unit) -> bool:
    """True when ``sequel`` is a sequel (``_mark_sequels``) and ``other`` a happening its
    source told as past before the sequel's day came: the earlier one, not the next
    (a source published after the next launch's day may tell of it in the past)."""
    if not sequel.sequel or not _all_past(other):
        return False
    first = min(f.value.start for f in sequel.facts)  # type: ignore[union-attr]
    return other.published is None or other.published < first


def _all_past(unit: Unit) -> bool:
    """True when every date of ``unit`` falls on or before its source's publication."""
    return all(f.timing in _DONE for f in unit.facts)


def _done_before_told_ahead(ahead: Unit, done: Unit) -> bool:
    """True when ``ahead`` tells a happening only to come and ``done``, published no later,
    one its source dates before ``ahead``'s source was published: "lawmakers are expected
    to vote on Thursday" and "lawmakers voted on Monday", both published Tuesday, tell two
    votes, for both were written when the one done had been done. (A source published
    after the planned day may misdate it: that is compared.)"""
    if (
        ahead.published is None
        or done.published is None
        or done.published > ahead.published
        or not all(f.timing == "future" for f in ahead.facts)
    ):
        return False
    return _all_past(done) and all(
        f.value.end < ahead.published  # type: ignore[union-attr]
        or (f.value.end == ahead.published and f.tense == "past")  # type: ignore[union-attr]
        for f in done.facts
    )


_WORD = re.compile(r"[^\W\d_]{3,}")


def _sentence_words(facts: Sequence[Fact], quiet: frozenset[str]) -> frozenset[str]:
    """The content words of the sentences a unit's facts stand in, stemmed: no stop word,
    figure or word of ``quiet`` (the rules' measure words and units, reporting verbs)."""
    words = set()
    for fact in facts:
        for word in _WORD.findall(fact.sentence.lower()):
            if word not in STOP_WORDS and (stemmed := stem(word)) not in quiet:
                words.add(stemmed)
    return frozenset(words)


def _sentence_mates(facts: list[Fact], ruleset: RuleSet) -> dict[int, frozenset[str]]:
    """For each quantity fact, a word for each other measure of its rule stated in its
    sentence, with that figure ("five workers were killed and 32 people were injured":
    the injured count gets ``=killed=5``). Two sources' figures told beside one same figure
    of another measure are told of one incident, though their clauses share no word."""
    by_sentence: dict[tuple[int, str], list[Fact]] = defaultdict(list)
    for fact in facts:
        if _family(ruleset, fact.kind) == "quantity" and isinstance(fact.value, Amount):
            by_sentence[(fact.start - fact.sentence_offset, fact.sentence)].append(fact)
    mates: dict[int, frozenset[str]] = {}
    for together in by_sentence.values():
        for fact in together:
            measure = (fact.subject or "").split(" (")[0]
            words = set()
            for other in together:
                other_measure = (other.subject or "").split(" (")[0]
                if other.kind != fact.kind or other_measure == measure:
                    continue
                value = other.value
                assert isinstance(value, Amount)
                words.add(f"={other_measure}={value.low:g}:{value.high:g}")
            if words:
                mates[id(fact)] = frozenset(words)
    return mates


def _univocal(facts: list[Fact]) -> bool:
    """True when a source's figures for one measure can all be one quantity (or are dated
    apart: "4.8% in September", "5.2% in August").

    Each distinct (figure, date) is compared once, so an article repeating one figure
    many times costs as much as one that gives it once. Figures of two kinds (a rule's
    ``kinds``: a quake's main shock and an aftershock) are two, dated apart or not."""
    kinds = {word for fact in facts for word in fact.context if word.startswith("kind:")}
    if len(kinds) > 1:
        return False
    told = list(dict.fromkeys((fact.value, fact.when) for fact in facts))
    for n, (a, a_when) in enumerate(told):
        for b, b_when in told[n + 1 :]:
            dated_apart = (
                a_when is not None and b_when is not None and not intervals_agree(a_when, b_when)
            )
            if (
                not dated_apart
                and not a.overlaps(b)  # type: ignore[union-attr]
                and not _in_two_currencies(a, b)  # type: ignore[arg-type]
            ):
                return False
    return True


def _in_two_currencies(a: Amount, b: Amount) -> bool:
    """True for two sums in two currencies ("R310 million ($18 million)"): one sum, converted."""
    return (
        a.dimension != b.dimension
        and a.dimension.startswith("currency:")
        and b.dimension.startswith("currency:")
    )


def _before_publication(facts: list[Fact], published: dt.date | None) -> list[Fact]:
    """Of a lead's dates on two days, those before the day of publication, when they fall
    on one day and the rest on that day: "Investigators were still searching on Monday for
    the hackers who breached the port's systems on Saturday", told on Monday, tells what
    the hackers did on Saturday and what the day of the report brought. Else none."""
    if published is None:
        return []
    today = [f for f in facts if f.value.start == published == f.value.end]  # type: ignore[union-attr]
    earlier = [f for f in facts if f.value.end < published]  # type: ignore[union-attr]
    if not today or len(today) + len(earlier) != len(facts) or not _one_day(earlier):
        return []
    if {f.trigger for f in earlier} & {f.trigger for f in today}:
        # "was charged on Monday over a stabbing on Saturday": both read with "charged",
        # the earlier day is no happening of its own
        return []
    if any(_told_as_cause(f) for f in earlier):
        # "sacked the manager on Monday, two days after a 4-0 defeat on Saturday": the
        # report's day is the news, the earlier day what led to it
        return []
    return earlier


_CAUSE_MARKS = re.compile(r"\b(?:after|following|since|over)\b", re.IGNORECASE)
_RELATIVE_BEFORE = re.compile(r"\b(?:that|which|who|how|whether)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _told_as_cause(fact: Fact) -> bool:
    """True when a lead's earlier date is read with a verb after "after", "following" or
    "since" in its sentence, outside a relative clause of its own: what led to the news,
    not the news ("evacuated on Monday, two days after a landslide hit on Saturday"; but
    "was fragile on Friday, after outages that started on Monday" dates the outages)."""
    before = fact.sentence[: fact.sentence_offset]
    trigger = (fact.trigger or "").lower()
    at = before.lower().rfind(trigger) if trigger else -1
    if at < 0:
        return False
    if not _CAUSE_MARKS.search(before[:at]):
        return False
    return not _RELATIVE_BEFORE.search(before[:at])


_BEGINNING_BEFORE = re.compile(
    r"\b(?:that|which)\s+(?:had\s+)?(?:began|begun|started)\b(?:\s+[\w'-]+){0,5}\s*$",
    re.IGNORECASE,
)


_ENDING_BEFORE = re.compile(r"\b(?:end|ends|ended|ending|concluding|concluded)\b", re.IGNORECASE)


def _told_as_beginning(fact: Fact) -> bool:
    """True when a lead's date is read with a verb in a clause that tells when something
    the news ends began ("ending an ordeal that began when a storm slammed into the Alps
    last Wednesday"): a start recalled, not the news."""
    before = fact.sentence[: fact.sentence_offset]
    trigger = (fact.trigger or "").lower()
    at = before.lower().rfind(trigger) if trigger else -1
    if at < 0:
        return False
    if trigger in ("began", "begun", "started"):
        at += len(trigger)  # the light verb itself: "which began on Monday"
    began = _BEGINNING_BEFORE.search(before[:at])
    # only what the news ends: "protests that started when police shot a student on
    # Thursday turned violent on Friday" tells two days of one story, both news
    return began is not None and bool(_ENDING_BEFORE.search(before[: began.start()]))


def _one_day(facts: list[Fact]) -> bool:
    """True when a source's lead dates for one event class all fall on one day (each
    distinct date compared once)."""
    days = list(dict.fromkeys(fact.value for fact in facts))
    return all(intervals_agree(a, b) for a in days for b in days)  # type: ignore[arg-type]


def _one_subject(ruleset: RuleSet, rule: str, measure: str) -> bool:
    """A measure stated of the story's one subject: every measure of a rule with
    ``one_subject``, or the measures it lists in ``one_subject_measures`` (how many were
    rescued from the one accident a story reports)."""
    options = ruleset.rules[rule].options if rule in ruleset.rules else {}
    return bool(options.get("one_subject")) or measure in options.get("one_subject_measures", ())


def _named_measure(ruleset: RuleSet, rule: str, measure: str) -> bool:
    """True when ``rule`` lists ``measure`` in ``named_measures``: a figure told of one of
    several people or things a story names (each defendant's sentence)."""
    return measure in ruleset.rules[rule].options.get("named_measures", ())


def _one_subject_classes(ruleset: RuleSet, rule: str) -> tuple[str, ...]:
    """Event classes a story tells once, of its one subject (``one_subject_classes``: a
    player's medical): compared though their sentences share no word."""
    options = ruleset.rules[rule].options if rule in ruleset.rules else {}
    return tuple(options.get("one_subject_classes", ()))


def _series(ruleset: RuleSet, fact: Fact) -> str:
    rule = ruleset.rules.get(fact.kind)
    nouns = rule.options.get("nouns", {}) if rule else {}
    trigger = (fact.trigger or "").lower()
    for noun, series in nouns.items():
        if trigger in (noun, noun + "s", noun + "es"):
            return series
    return trigger


def _event_class(ruleset: RuleSet, fact: Fact) -> str:
    if _family(ruleset, fact.kind) == "deadline":
        return "deadline"
    if _is_lead(ruleset, fact.kind):
        return fact.subject or ""
    if fact.chain == MAIN_PLACE_CHAIN:
        return "main event"  # whatever word dates it: the lead's main event
    return ruleset.event_classes.get((fact.trigger or "").lower(), fact.trigger or "")


SCORE_CLASS = "the score"
"""The event class of a match's scoreline (``extract.scores``): its sentence names the teams."""


def pair_score(a: Unit, b: Unit) -> int:
    """How strongly two units look like the same event; 0 when they cannot be."""
    if a.event_class != b.event_class:
        return 0
    if _before_sequel(a, b) or _before_sequel(b, a):
        return 0  # a launch still to come is not another source's past launch
    if a.ordinal is not None and b.ordinal is not None and a.ordinal != b.ordinal:
        return 0
    kinds_a = {w for w in a.context if w.startswith("kind:")}
    kinds_b = {w for w in b.context if w.startswith("kind:")}
    if kinds_a and kinds_b and kinds_a.isdisjoint(kinds_b):
        return 0  # "a bail hearing" and "the sentencing hearing": two hearings
    shared = len(a.context & b.context)
    if a.one_subject and b.one_subject and a.rule == b.rule and a.key.startswith("chain:"):
        # the story's one agreement of a kind (a player's contract, its buy-back option),
        # told in sentences that may share no word, each dated in full
        if all(f.background for f in a.facts) != all(f.background for f in b.facts):
            return 0  # a contract recalled is not the one signed now
        return max(shared, 1)
    if a.key.startswith("measure:"):
        if (a.named or b.named) and not a.names & b.names:
            return 0  # "Harlow was jailed for nine years", "Kelsall was jailed for four"
        # Two figures are one if their clauses share a word or a name ("confirmed cases",
        # "Healdsburg"): the same measure of another incident shares none. A measure of
        # the story's one subject (a ship's crew, a vote's turnout: ``one_subject`` in its
        # rule) needs no shared word, unless each names something the other does not; at
        # the lowest score, so a unit that shares words is preferred.
        if (
            a.event_class.partition(":")[0] == SCORE_CLASS
            and a.names
            and b.names
            and a.names.isdisjoint(b.names)
        ):
            return 0  # "beat Kelso Town 3-1" and "won 2-0 at Brill Rovers": two matches
        if a.split or b.split:
            # a source's other figure for the measure must share none of these words
            # ("the strongest aftershock" shares no word with "the quake struck the coast")
            events = a.events | b.events  # an event noun says which incident no more
            if (a.others & b.context) - events or (b.others & a.context) - events:
                return 0
            if kinds_a and kinds_a == kinds_b:
                return max(shared, MIN_SPLIT_SHARED)  # "a magnitude 7.1 quake": the main one
            return shared if shared >= MIN_SPLIT_SHARED else 0
        if (
            shared
            and not a.one_subject
            and a.names
            and b.names
            and a.names.isdisjoint(b.names)
            and (a.context & b.context) <= (a.events | b.events)
        ):
            return 0  # "floods in Ardmore killed four", "floods in Kessling killed six"
        if shared or not a.one_subject or (a.names and b.names):
            if (
                not shared
                and len(a.sentence_words & b.sentence_words) >= MIN_SHARED_SENTENCE
                and not (a.names and b.names and a.names.isdisjoint(b.names))
            ):
                # clauses that share no word in sentences that tell one happening ("41
                # people were hurt when the bus overturned near the town", "the bus
                # overturned near the town, injuring 44"): one figure each, so one measure
                return 1
            if (
                not shared
                and not (a.split or b.split)
                and a.events & b.events
                and len(a.sentence_words & b.sentence_words) >= MIN_SHARED_EVENT_SENTENCE
                and not (a.names and b.names and a.names.isdisjoint(b.names))
            ):
                # each source's one figure, told in a sentence of the same event ("the
                # floods have killed four people, among them a driver buried by a mudslide",
                # "flash floods and mudslides have left six people dead"): the story's own
                return 1
            return shared
        return 1
    if a.key.startswith("lead:"):
        # the leads' dates of the main event: the event class is the evidence (its words
        # differ from outlet to outlet: "crashed", "the crash"; "the blast", "an explosion"),
        # its relation the same (a start date is not an end date), and the leads share
        # words (a party congress and a summit are two events of one class)
        if a.key != b.key:
            return 0
        if a.key.startswith(_MAIN_KEY):
            return _main_score(a, b)
        if a.key.startswith(_YEAR_KEY):
            # a happening told once of a thing, dated by its year: "the galleon sank in
            # 1631", "the ship went down in 1613"; the sentences share three words (what
            # sank, and how: "storm", "crew", "silver")
            return shared if shared >= MIN_SHARED_BACKGROUND else 0
        if a.key.startswith(_CLAUSE_KEY):
            if _done_before_told_ahead(a, b) or _done_before_told_ahead(b, a):
                return 0  # "is set to open its terminal on Thursday", "opened a hub on Monday"
            # a subject's happening: the key's two words and one more (what it acts on, a
            # name), and, where both clauses say more after the verb, a word of what one says
            # among the other's words
            told_a = {w[1:] for w in a.context if w[0] == "+"}
            told_b = {w[1:] for w in b.context if w[0] == "+"}
            if told_a and told_b and told_a.isdisjoint(b.context) and told_b.isdisjoint(a.context):
                return 0  # "voted to sell the site", "voted to raise rents": two votes
            shared -= len({"+" + w for w in told_a & told_b})
            return shared if shared >= MIN_SHARED_CLAUSE else 0
        return shared if shared >= MIN_SHARED_WORDS else 0
    if a.key.startswith("series:"):
        # One series per story unless both name participants and none are shared.
        return 1 + shared if (shared or not a.context or not b.context) else 0
    # one task's deadline in two sources' words, each dated in full ("by the end of 2027",
    # "by mid-2028"); not when the other's date is that of another deadline of the
    # predicate in the source ("the first phase", "the whole line": ``_task_siblings``)
    if a.event_class == "deadline":
        stances_a = {w for w in a.context if w[0] == "!"}
        stances_b = {w for w in b.context if w[0] == "!"}
        if stances_a and stances_b and stances_a.isdisjoint(stances_b):
            return 0  # a regulator's limit and the bank's own expected date: two deadlines
        if _another_partys(a, b) or _another_partys(b, a):
            return 0  # "Prosecutors have until June 5", "the defence ... by July 4"
    scoped = _same_scope(a, b) if a.event_class == "deadline" else None
    if scoped is False:
        return 0  # "the first trams" and "the full fleet": two steps, two deadlines
    same_task = (
        a.event_class == "deadline"
        and (scoped or bool({w for w in a.context & b.context if w[0] == "^"}) or _one_thing(a, b))
        and not any(
            intervals_agree(x.value, y.value)  # type: ignore[arg-type]
            for one, other in ((a, b), (b, a))
            for x in one.siblings
            for y in other.facts
        )
    )
    if (
        not same_task
        and all(f.explicit_year for f in a.facts + b.facts)
        and not any(
            intervals_agree(x.value, y.value)
            for x in a.facts
            for y in b.facts  # type: ignore[arg-type]
        )
    ):
        # "in 2004" and "in May 2012": two events, each dated in full (not two deadlines
        # for one task: "to complete the reservoir by the end of 2027" and "by mid-2028")
        return 0
    if a.key.startswith(_MAIN_PLACE_KEY):
        # the places of the leads' main-event dates: compared as the dates would be (a
        # recalled event's place is not the news's)
        return _main_score(a, b) if a.key == b.key else 0
    if a.event_class == "deadline":
        # what must happen by it ("^operate", "^restore"): two deadlines of one story's
        # company, one to run a plant and one to restore a wetland, are two deadlines
        # (listed meanings only: "to deliver its findings" and "due to report" are one task)
        predicates_a = {w for w in a.context if w[0] == "^" and w[1:2] != "~"}
        predicates_b = {w for w in b.context if w[0] == "^" and w[1:2] != "~"}
        if predicates_a and predicates_b and predicates_a.isdisjoint(predicates_b):
            return 0
        if (FROM_MAIN_DAY in a.context or FROM_MAIN_DAY in b.context) and {
            w for w in a.context & b.context if w[0] == "^"
        } == set():
            return 0  # "within 60 days" of the ruling: only the same task's deadline
        # the rest of their sentences ("&") counts only for one listed task
        rest = len({w for w in a.context & b.context if w[0] == "&"})
        shared -= 0 if predicates_a & predicates_b else rest
        shared += _actors_in_other_spelling(a, b)  # "the defence", "defense lawyers"
    a_background, b_background = (
        all(f.background for f in a.facts),
        all(f.background for f in b.facts),
    )
    if a_background != b_background:
        return 0  # one outlet's news is not another's recalled past event
    needed = 1 if scoped else MIN_SHARED_WORDS
    if a_background:
        needed = MIN_SHARED_BACKGROUND
        if {f.trigger for f in a.facts}.isdisjoint(f.trigger for f in b.facts):
            return 0
    return shared if shared >= needed else 0


def _one_thing(a: Unit, b: Unit) -> bool:
    """True when two deadlines, one with no predicate, are for one thing: their clauses share
    ``MIN_SHARED_WORDS`` plain words ("an extension to Kelsall is planned by 2032", "the
    extension to Kelsall, which the government aims to complete by 2030")."""
    if any(w[0] == "^" for w in a.context) and any(w[0] == "^" for w in b.context):
        return False
    return len({w for w in a.context & b.context if w[0].isalpha()}) >= MIN_SHARED_WORDS


def _actors_in_other_spelling(a: Unit, b: Unit) -> int:
    """1 when the two deadlines' actors share a word only in British and American spelling
    ("*defence", "*defense"): a shared word the context does not count; else 0."""
    actors_a, actors_b = _actors(a), _actors(b)
    return int(not actors_a & actors_b and _one_party(actors_a, actors_b))


def _actors(unit: Unit) -> set[str]:
    """Who must act by a deadline unit's date ("*prosecutors", "*defence"), as words."""
    return {w[1:] for w in unit.context if w[0] == "*"}


def _one_party(words: set[str] | frozenset[str], others: set[str] | frozenset[str]) -> bool:
    """True when two sets of actor words share a word, British and American spellings of one
    word being one ("defence", "defense")."""
    from checker.spelling import is_spelling_variant

    return bool(words & others) or any(is_spelling_variant(x, y) for x in words for y in others)


def _another_partys(a: Unit, b: Unit) -> bool:
    """True when ``a`` and ``b`` name different parties who must act, and ``a``'s source gives
    ``b``'s party a deadline of its own ("Prosecutors have until June 5 ..., and the defence
    until June 27" against "the defence must file by July 4"): ``a`` is the other party's."""
    actors_a, actors_b = _actors(a), _actors(b)
    return (
        bool(actors_a and actors_b)
        and not _one_party(actors_a, actors_b)
        and _one_party(actors_b, a.other_actors)
    )


def _same_scope(a: Unit, b: Unit) -> bool | None:
    """Whether two deadlines are for one scope of their task ("the first trams", "all 60
    buses"; extraction marks them "%first", "%all", and "%first?" where the source gave
    that scope two dates): True for one scope each source gives one date, whose
    predicates, where both say one, are one ("must open" and "must pay" are two tasks);
    False for two scopes; None where either says none (other evidence decides)."""
    scopes_a = {w.rstrip("?") for w in a.context if w[0] == "%"}
    scopes_b = {w.rstrip("?") for w in b.context if w[0] == "%"}
    if not scopes_a or not scopes_b:
        return None
    if scopes_a.isdisjoint(scopes_b):
        return False
    sure = {w for w in a.context & b.context if w[0] == "%" and not w.endswith("?")}
    predicates_a = {w for w in a.context if w[0] == "^"}
    predicates_b = {w for w in b.context if w[0] == "^"}
    if not sure or (predicates_a and predicates_b and predicates_a.isdisjoint(predicates_b)):
        return None
    return True


def _meanings(unit: Unit) -> set[str]:
    """The meanings (``same_happenings``) of the words that date a unit's main event."""
    return {w[1:] for w in unit.context if w[0] == "~"}


def _happenings(unit: Unit) -> set[str]:
    """The stems of the words that date a unit's main event, and their meanings ("~open" of
    "entered service", rule option ``same_happenings``); not a light verb's ("began":
    the words before it tell what began)."""
    meanings = _meanings(unit)
    if LIGHT_VERB in unit.context:
        return meanings
    return {stem(f.trigger or "") for f in unit.facts} | meanings


MIN_SHARED_MEANING = 6
"""Words two leads must share when a light verb's meaning alone (``same_happenings``)
links them ("spilled" and "a leak began")."""


def _main_score(a: Unit, b: Unit) -> int:
    """``pair_score`` of two units of the story's main event read from the leads with no
    event class (a ``main`` rule's dates or places). The leads must share
    ``MIN_SHARED_MAIN`` words, and the word one source dates the event with must be in the
    other's lead or headline ("debuted last Tuesday" and a headline's "debut"), or the two
    words must tell one happening (``same_happenings``: "pulled" and "brought to the
    surface" a rescue); not when
    one source's dating verb acts on the other's event ("condemned the bombing on
    Friday", "called on Monday for the ruling to be overturned"): that dates a reaction
    or a later step, not the event."""
    events_a, events_b = _happenings(a), _happenings(b)
    if not events_a or not events_b:
        return 0  # a light verb whose words tell no happening ("protests over X began")
    if (LATER_INSTANCE in a.context) != (LATER_INSTANCE in b.context):
        return 0  # "Second pollution incident on the river": not the first one
    # one word in the other's lead, or two dating words of one meaning ("pulled" and
    # "brought to the surface": a rescue)
    same_meaning = any(w[0] == "~" for w in a.context & b.context)
    # a dating word itself in the other's lead (not only its meaning's name: "spilled"
    # means "leak", and a lead that says "a leak began" elsewhere may tell another spill)
    words_a, words_b = events_a - _meanings(a), events_b - _meanings(b)
    direct = bool(words_a & b.context or words_b & a.context)
    linked = direct or same_meaning or bool(events_a & b.context or events_b & a.context)
    reaction = bool(
        {"@" + w for w in events_b - events_a} & a.context
        or {"@" + w for w in events_a - events_b} & b.context
    )
    shared = len({w for w in a.context & b.context if not w.startswith(("@", "~", "*"))})
    # a light verb's meaning alone ("spilled" and "a leak began") links leads that share
    # more: two spills on one river in a week are two
    light = LIGHT_VERB in a.context or LIGHT_VERB in b.context
    needed = MIN_SHARED_MEANING if light and not direct else MIN_SHARED_MAIN
    return shared if shared >= needed and linked and not reaction else 0


def _group(units: list[Unit]) -> list[tuple[list[int], list[tuple[int, int]]]]:
    """Greedy grouping: best-scoring pairs first; a group never holds two units of one source.

    Returns each group of two or more units with the pairs that joined it.
    """
    pairs = sorted(
        (-score, i, j)
        for i, a in enumerate(units)
        for j in range(i + 1, len(units))
        if a.source_id != units[j].source_id and (score := pair_score(a, units[j])) > 0
    )
    group_of = list(range(len(units)))
    members: dict[int, set[int]] = {i: {i} for i in range(len(units))}
    edges: list[tuple[int, int]] = []

    def find(i: int) -> int:
        while group_of[i] != i:
            group_of[i] = group_of[group_of[i]]
            i = group_of[i]
        return i

    for _negative_score, i, j in pairs:
        gi, gj = find(i), find(j)
        if gi == gj:
            continue
        if {units[k].source_id for k in members[gi]} & {units[k].source_id for k in members[gj]}:
            continue  # a source states each event once: never two of its units in one group
        group_of[gj] = gi
        members[gi] |= members.pop(gj)
        edges.append((i, j))
    groups = []
    for group in members.values():
        if len(group) >= 2:
            order = sorted(group, key=lambda k: (units[k].source_id, units[k].facts[0].start))
            groups.append((order, [(i, j) for i, j in edges if i in group]))
    return sorted(groups)


def _task_siblings(units: list[Unit]) -> list[Unit]:
    """Give each deadline unit the facts of its source's other deadline units of one
    predicate ("^operate"): "the first phase must be operational by 2027" and "the whole
    line by 2030" are two deadlines of one predicate, and another source's "by 2030" is the
    second's, not a different date for the first."""
    by_task: dict[tuple[str, str], list[Unit]] = defaultdict(list)
    actors_of: dict[str, list[Unit]] = defaultdict(list)
    for unit in units:
        if unit.event_class == "deadline":
            actors_of[unit.source_id].append(unit)
            for word in unit.context:
                if word[0] == "^":
                    by_task[(unit.source_id, word)].append(unit)
    out = []
    for unit in units:
        siblings = {
            id(fact): fact
            for word in unit.context
            if word[0] == "^" and unit.event_class == "deadline"
            for other in by_task[(unit.source_id, word)]
            if other is not unit
            for fact in other.facts
        }
        if siblings:
            unit = replace(unit, siblings=tuple(siblings.values()))
        if unit.event_class == "deadline":
            others = {
                w
                for other in actors_of[unit.source_id]
                if other is not unit
                for w in _actors(other)
            } - _actors(unit)
            if others:
                unit = replace(unit, other_actors=frozenset(others))
        out.append(unit)
    return out


def align(sources: list[NormalizedSource], ruleset: RuleSet) -> list[Alignment]:
    """Align units of the same rule across sources (see ``_group``)."""
    by_rule: dict[str, list[Unit]] = defaultdict(list)
    for unit in _task_siblings(units_of(sources, ruleset)):
        by_rule[unit.rule].append(unit)
    alignments = []
    for rule, rule_units in sorted(by_rule.items()):
        if ruleset.rules[rule].options.get("main") and len(rule_units) > MOST_MAIN_SOURCES:
            continue  # a folder of hundreds of briefs is no one story with one main event
        for order, edges in _group(rule_units):
            position = {k: n for n, k in enumerate(order)}
            direct = tuple(sorted((position[i], position[j]) for i, j in edges))
            units = tuple(rule_units[k] for k in order)
            alignments.append(Alignment(rule, _family(ruleset, rule), units, direct))
    return alignments
