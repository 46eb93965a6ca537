"""Scorelines: the result of a match told as its two scores ("won the final 4-2", "beat
them 4\u20131", "by four goals to two")."""

from __future__ import annotations

import re
from dataclasses import replace

from checker.extract.context import _Context, _mention_at, _quiet_words, quantity_lexicon
from checker.extract.mentions import FactMention
from checker.model import Source
from checker.quantities import SCORELINE_UNIT, NumberPhrase
from checker.rules import Rule, RuleSet

_SCORE = re.compile(r"^(\d{1,3})[-\u2013\u2014](\d{1,3})$")
"""A scoreline written as one token ("4-2", "4\u20132")."""
_DASHES = frozenset({"-", "\u2013", "\u2014"})
_SMALL_NUMBERS = {
    w: n
    for n, w in enumerate(
        "nil one two three four five six seven eight nine ten eleven twelve".split()
    )
} | {"zero": 0, "none": 0}
"""Number words of a scoreline written out ("four goals to two")."""
_NEAR = 4
"""Words either side of a scoreline in which a ``near_guards`` word makes it no result."""
_MAX_SCORE = 200
"""Highest score of one side (basketball's "102-98"); above it, the figures are no score."""
_NOT_AFTER = frozenset({"%", "percent", "per", "pct", "votes", "vote"})
"""Words after two figures joined by a dash that make them no score ("52-48 percent")."""
_NOT_BEFORE = frozenset(
    {"$", "\u20ac", "\u00a3", "aged", "ages", "from", "between", "route", "(", ","}
)
"""Words before two figures joined by a dash that make them no score ("aged 18-25"); a
bracket or a comma before them sets them beside a name, a record ("Ruiz, 31-2, ...")."""


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _SMALL_NUMBERS.get(word)


def _scorelines_in(
    ctx: _Context,
    sent_start: int,
    sent_end: int,
    goal_words: frozenset[str],
    not_after: frozenset[str] = _NOT_AFTER,
    to_after: frozenset[str] = frozenset(),
):
    """(start, end, high, low) of every scoreline in the sentence: "4-2" as one token or
    three ("4", "-", "2" with no spaces), "four goals to two", and "11 to 2" right after one
    of ``to_after`` ("voted 11 to 2"); none before one of ``not_after``."""
    t = ctx.tokens
    found = []
    k = sent_start
    while k < sent_end:
        match = _SCORE.match(t.lower[k])
        span = None
        if match:
            span = (k, k + 1, int(match.group(1)), int(match.group(2)))
        elif (
            k + 2 < sent_end
            and t.lower[k].isdigit()
            and t.lower[k + 1] in _DASHES
            and t.lower[k + 2].isdigit()
            and not t.spaced[k]
            and not t.spaced[k + 1]
        ):
            span = (k, k + 3, int(t.lower[k]), int(t.lower[k + 2]))
        elif (
            k + 3 < sent_end
            and t.lower[k + 1] in goal_words
            and t.lower[k + 2] == "to"
            and _number(t.lower[k]) is not None
            and _number(t.lower[k + 3]) is not None
        ):
            span = (k, k + 4, _number(t.lower[k]), _number(t.lower[k + 3]))
        elif (
            to_after
            and k > sent_start
            and t.lower[k - 1] in to_after
            and k + 2 < sent_end
            and t.lower[k + 1] == "to"
            and _number(t.lower[k]) is not None
            and _number(t.lower[k + 2]) is not None
        ):
            span = (k, k + 3, _number(t.lower[k]), _number(t.lower[k + 2]))
        if span is None:
            k += 1
            continue
        start, end, a, b = span
        before = t.lower[start - 1] if start > sent_start else ""
        after = t.lower[end] if end < sent_end else ""
        if (
            max(a, b) <= _MAX_SCORE  # type: ignore[type-var]
            and before not in _NOT_BEFORE
            and after not in not_after
            and not (end < sent_end and t.lower[end] in _DASHES and not t.spaced[end - 1])
        ):
            found.append((start, end, max(a, b), min(a, b)))  # type: ignore[type-var]
        k = end
    return found


def _scorelines(ctx: _Context, source: Source, ruleset: RuleSet) -> list[FactMention]:
    """The result of a match ("won the final 4-2", "beat them 4-1", "drew 1-1", "by four
    goals to two"), for a quantity rule with ``scorelines``: a scoreline in a sentence with
    one of the rule's ``score_words`` (a win, a defeat, a draw), keyed as the story's score,
    the higher figure first whoever is named first ("lost 1-4" is 4-1). Left out: a sentence
    with two scorelines (sets, legs, other matches), a quotation, a year (another season's
    match) or one of the rule's ``guard_words`` (an earlier meeting), and a scoreline with
    one of its ``near_guards`` within four words (half-time, aggregate, penalties, a series
    "in games")."""
    facts = []
    for rule in ruleset.of_kind("quantity"):
        if rule.options.get("scorelines"):
            facts.extend(_rule_scorelines(ctx, source, ruleset, rule))
    return facts


def _rule_scorelines(
    ctx: _Context, source: Source, ruleset: RuleSet, rule: Rule
) -> list[FactMention]:
    """``_scorelines`` for one rule: a match's score, or a vote's tally ("voted 5-2", a
    rule with its own ``score_words``, ``not_after`` and ``to_after``), keyed by the rule's
    ``measure`` ("the score" unless it says)."""
    score_words = frozenset(rule.options.get("score_words", ()))
    guards = frozenset(rule.options.get("guard_words", ()))
    goal_words = frozenset(rule.options.get("goal_words", ()))
    near_guards = frozenset(rule.options.get("near_guards", ()))
    not_after = frozenset(rule.options.get("not_after", _NOT_AFTER))
    to_after = frozenset(rule.options.get("to_after", ()))
    measure = str(rule.options.get("measure", "the score"))
    side_options = rule.options.get("sides", {})
    side_rule = str(side_options.get("rule", ""))
    sides = tuple(side_options.get("measures", ())) if side_rule in ruleset.rules else ()
    side_guards = frozenset(side_options.get("unless", ()))
    if not score_words:
        return []
    lexicon = quantity_lexicon(ruleset)
    quiet = ruleset.derived("quantity_quiet_words", lambda: _quiet_words(ruleset, lexicon))
    t = ctx.tokens
    doc = ctx.doc
    timex_tokens = ctx.timex_tokens
    facts = []
    sent_start = 0
    while sent_start < len(t.lower):
        sent_end = t.sent_end[sent_start]
        words = t.lower[sent_start:sent_end]
        here = sent_start
        sent_start = sent_end
        if score_words.isdisjoint(words) or guards.intersection(words):
            continue
        if any(w in ('"', "\u201c", "\u201d", "\u00ab", "\u00bb") for w in words):
            continue  # a quotation: a score someone predicted or recalled
        if any(w.isdigit() and len(w) == 4 and w[:2] in ("19", "20") for w in words):
            continue  # "their 3-0 win in 2019": another year's match
        found = _scorelines_in(ctx, here, sent_end, goal_words, not_after, to_after)
        if len(found) != 1:
            continue
        start, end, high, low = found[0]
        window = t.lower[max(here, start - _NEAR) : min(sent_end, end + _NEAR)]
        if any(w in near_guards for word in window for w in word.split("-")):
            continue  # "led 2-1 at half-time", "3-2 on aggregate", "won the series 4-1"
        if any(i in timex_tokens for i in range(start, end)) and not (
            start > here and t.lower[start - 1] in to_after
        ):
            continue  # (not "voted 10-3": no October 3)
        sent = doc[here:sent_end]
        names = ctx.quantity_names(sent, source.dateline) - quiet
        context = ctx.content_words(here, sent_end, skip=(start, end)) - quiet
        phrase = NumberPhrase(
            start=start - here,
            end=end - here,
            number_end=end - here,
            value=float(high * 1000 + low),
            unit=SCORELINE_UNIT,
        )
        facts.append(
            FactMention(
                rule=rule.id,
                family="quantity",
                where=_mention_at(source, t, start, end),
                tense=ctx.tense(start, end),
                trigger="score",
                event_class=measure,
                context=frozenset(context | names),
                amount=phrase,
                role="level",
                names=frozenset(names),
            )
        )
        if sides and not side_guards.intersection(words):
            # "voted 104 to 89": 104 votes for and 89 against, as another source may count
            # them ("with 114 votes in favour")
            tally = facts[-1]
            for side, value in zip(sides, (high, low), strict=True):
                facts.append(
                    replace(
                        tally,
                        rule=side_rule,
                        event_class=side,
                        amount=replace(phrase, value=float(value), unit=None),
                    )
                )
    return facts
