"""Counts: how many meetings, rounds, victims; a number phrase and the noun it counts."""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Collection
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Span, Token

from checker.extract.context import (
    _DETERMINERS,
    _ORDINAL_DIGITS,
    _Context,
    _mention_at,
    _quiet_words,
    _Tokens,
    _where,
    quantity_lexicon,
    stem,
)
from checker.extract.figures import _fitting_rule, _length, _part_before, _role_fits, _takes, _timed
from checker.extract.mentions import FactMention, TimexMention
from checker.model import Source
from checker.quantities import NumberPhrase, QuantityLexicon, to_amount
from checker.rules import Rule, RuleSet

_COUNT_STOPS = {"and", "or", "of", "than", "to", "in", "on", "at", "for", "with", "by"}
_PREVIOUS = {"previous", "prior", "past", "last", "earlier", "preceding"}


def _counts(ctx: _Context, source: Source, ruleset: RuleSet) -> list[FactMention]:
    """Counts of events in a series: "four working meetings", "a fourth round"."""
    doc = ctx.doc
    facts = []
    count_rule = {
        noun: rule.id for rule in ruleset.of_kind("event_count") for noun in rule.options["nouns"]
    }
    requires = {
        noun: set(words)
        for rule in ruleset.of_kind("event_count")
        for noun, words in rule.options.get("requires", {}).items()
    }
    article_words: set[str] | None = None  # built only when a counted noun needs it
    for cue in ctx.cue_spans:
        if not cue.label_.startswith("count:"):
            continue
        series = cue.label_.split(":", 1)[1]
        sent = cue.sent
        number = form = None
        first = cue.start
        previous = False
        modifiers = 0
        for back in range(1, 8):
            i = cue.start - back
            if i < sent.start:
                break
            token = doc[i]
            lower = token.lower_
            hyphenated = (
                lower == "-"
                or (not token.whitespace_ and doc[i + 1].text == "-")
                or (i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_)
            )
            if lower in _PREVIOUS:
                previous = True
                continue
            if lower in ctx.ordinals or _ORDINAL_DIGITS.match(lower):
                number = ctx.ordinals.get(lower) or int(_ORDINAL_DIGITS.match(lower)[1])
                form, first = "ordinal", i
                break
            if (lower in ctx.cardinals and lower != "both") or lower.isdigit():
                value = ctx.cardinals.get(lower) or int(lower)
                if 0 < value < 1000 and cue.text.lower().endswith("s"):
                    number, form, first = value, "cardinal", i
                for j in range(max(sent.start, i - 2), i):
                    if doc[j].lower_ in _PREVIOUS:
                        previous, first = True, j
                break
            if hyphenated:
                continue
            if lower == "and" and doc[i + 1].lower_ in _LAST_OF_SERIES:
                continue  # "the fourth and final round"
            if token.is_punct or lower in _DETERMINERS or lower in _COUNT_STOPS:
                break  # "third-largest economy hosts the summit": another noun phrase
            modifiers += 1
            if modifiers > 2:
                break
        if number is None:
            continue
        if form == "ordinal" and _since_the(ctx, first):
            continue  # "since the first round": where the series began, not how far it is
        noun_key = next((n for n in requires if stem(n) == stem(cue.text.lower())), None)
        if noun_key is not None:
            needed = requires[noun_key]
            after = [t.lower_ for t in doc[cue.end : min(sent.end, cue.end + 5)]]
            if after[:1] == ["of"] and not needed & set(after[1:]):
                continue  # "300 rounds of ammunition" (but "a round of peace talks")
            if article_words is None:
                article_words = {t.lower_ for t in doc}
            if not (needed & article_words):
                continue  # rounds of a fight, not of talks
        if cue.start > 0 and doc[cue.start - 1].text == "-" and not doc[cue.start - 1].whitespace_:
            continue  # "an eighth-round decision": an adjective
        if previous and form == "cardinal":
            form = "previous"
        noun = cue.text.lower()
        noun_singular = next((n for n in count_rule if noun == n or stem(noun) == stem(n)), None)
        rule_id = count_rule.get(noun_singular or "", next(iter(count_rule.values())))
        tense = ctx.tense(first, cue.end)
        if first > sent.start and ctx.tokens.lower[first - 1] in _DETERMINERS:
            first -= 1  # the phrase quoted takes its article: "the third meeting"
        facts.append(
            FactMention(
                rule=rule_id,
                family="count",
                where=_mention_at(source, ctx.tokens, first, cue.end),
                tense=tense,
                trigger=noun,
                event_class=series,
                context=frozenset(_participants(ctx, sent)),
                number=number,
                count_form=form,
            )
        )
    return facts + _times_counts(ctx, source, ruleset)


_LAST_OF_SERIES = frozenset({"final", "last", "concluding", "decisive"})
"""Words after an ordinal and "and" that name the series' last ("the fourth and final round")."""


def _since_the(ctx: _Context, at: int) -> bool:
    """True when the ordinal at token ``at`` follows "since" (and "the"): "since the first
    round" tells where a series began."""
    lower = ctx.tokens.lower
    k = at - 1
    if k >= 0 and lower[k] == "the":
        k -= 1
    return k >= 0 and lower[k] == "since"


def _participants(ctx: _Context, sent: Span) -> set[str]:
    """The names of a sentence that may take part in a series, lower-cased and stemmed:
    its ``proper_nouns`` but the speaker's, told beside a reporting verb ("Ridgewell
    said council had held two meetings": the council's, not Ridgewell's)."""
    names = ctx.proper_nouns(sent)
    t = ctx.tokens
    speakers: set[str] = set()
    for cue in ctx.cues_at(sent.start, "reporting"):
        i = cue.start - 1  # "Mayor Ana Harlow said"
        while i >= sent.start and t.title[i]:
            speakers.add(stem(t.lower[i]))
            i -= 1
        i = cue.end  # "said Ana Harlow"
        while i < sent.end and t.title[i]:
            speakers.add(stem(t.lower[i]))
            i += 1
    return names - speakers


def _times_counts(ctx: _Context, source: Source, ruleset: RuleSet) -> list[FactMention]:
    """Counts of a series told as how often its verb happened: "the council met three
    times" is three meetings (an ``event_count`` rule's ``times_verbs``: verb to series)."""
    verbs = {
        verb: (rule.id, series)
        for rule in ruleset.of_kind("event_count")
        for verb, series in rule.options.get("times_verbs", {}).items()
    }
    t = ctx.tokens
    if not verbs or "times" not in t.lower:
        return []
    facts = []
    for i in _where(map("times".__eq__, t.lower)):
        verb = i - 2
        if verb < t.sent_start[i] or t.lower[verb] not in verbs:
            continue
        word = t.lower[i - 1]
        number = ctx.cardinals.get(word) or (int(word) if word.isdigit() else None)
        if number is None or not 1 < number < 100:
            continue
        rule_id, series = verbs[t.lower[verb]]
        sent = ctx.doc[t.sent_start[i] : t.sent_end[i]]
        facts.append(
            FactMention(
                rule=rule_id,
                family="count",
                where=_mention_at(source, t, i - 1, i + 1),  # "three times"
                tense=ctx.tense(verb, i + 1),
                trigger=series,  # the series' noun ("meetings"): how sources' counts align
                event_class=series,
                context=frozenset(_participants(ctx, sent)),
                number=number,
                count_form="cardinal",
            )
        )
    return facts


def _plural(noun: str) -> str:
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    return noun + "s"


def _streaks(ctx: _Context, source: Source, ruleset: RuleSet) -> list[FactMention]:
    """The place of an event in a run of them, of any noun: "a fourth straight monthly
    fall", "a second consecutive defeat", "the fifth month in a row". An ordinal before
    one of the rule's ``streak_words`` and up to three words, or before up to three words and
    one of its ``streak_ends``; the last of those words is the noun counted (a noun the
    rule's ``nouns`` count already is left to them). Compared as a count of that noun's run."""
    rules = [r for r in ruleset.of_kind("event_count") if r.options.get("streak_words")]
    if not rules:
        return []
    rule = rules[0]
    streak_words = frozenset(rule.options["streak_words"])
    ends = [tuple(e.split()) for e in rule.options.get("streak_ends", [])]
    counted = {stem(n) for r in ruleset.of_kind("event_count") for n in r.options["nouns"]}
    t = ctx.tokens
    facts = []
    present = set(t.lower)
    if streak_words.isdisjoint(present) and not any(e[-1] in present for e in ends):
        return []  # no run word in the article: one set lookup, no walk
    ordinals = ctx.ordinals
    for i, lower in enumerate(t.lower):
        if lower not in ordinals and not (lower[:1].isdigit() and _ORDINAL_DIGITS.match(lower)):
            continue
        number = ordinals.get(lower) or int(_ORDINAL_DIGITS.match(lower)[1])
        sent_end = t.sent_end[i]
        k = i + 1
        streak = k < sent_end and t.lower[k] in streak_words
        if streak:
            k += 1
        nouns = []
        while (
            k < sent_end
            and len(nouns) < 3
            and t.alpha[k]
            and t.lowercase[k]
            and t.lower[k] not in STOP_WORDS
            and t.lower[k] not in streak_words
        ):
            nouns.append(k)
            k += 1
        if not nouns:
            continue
        if not streak:
            if not any(tuple(t.lower[k : k + len(e)]) == e for e in ends):
                continue
        noun = t.lower[nouns[-1]]
        if stem(noun) in counted or number < 2:
            continue
        first = i - 1 if i > t.sent_start[i] and t.lower[i - 1] in _DETERMINERS else i
        sent = ctx.doc[t.sent_start[i] : sent_end]
        facts.append(
            FactMention(
                rule=rule.id,
                family="count",
                where=_mention_at(source, t, first, nouns[-1] + 1),
                tense=ctx.tense(i, nouns[-1] + 1),
                trigger=f"{_plural(noun)} in a row",
                event_class=f"{_plural(noun)} in a row",
                context=frozenset(ctx.proper_nouns(sent)),
                number=number,
                count_form="ordinal",
            )
        )
    return facts


_REFERRING_BACK = frozenset({"the", "these", "those", "both"})
"""Words before a number that refer back to things already named ("the two countries")."""

_QUANTITY_GAP = 3
"""Words allowed between a number and the measure word that names what it counts."""


def _quantities(
    ctx: _Context, source: Source, ruleset: RuleSet, timexes: list[TimexMention]
) -> list[FactMention]:
    """Quantities of a declared measure: "killed 45 people", "cases have reached 12,400",
    "cut its benchmark rate by 25 basis points to 4.75%"."""
    if not ruleset.of_kind("quantity"):
        return []
    doc = ctx.doc
    lexicon = quantity_lexicon(ruleset)
    timex_tokens = ctx.timex_tokens
    timex_at = {t.where.start: t for t in timexes}
    timex_by_sent: dict[int, list[Span]] = {}  # a sentence's dates, looked up
    for span in ctx.timex_spans:
        if span.start_char in timex_at:
            timex_by_sent.setdefault(ctx.tokens.sent_start[span.start], []).append(span)
    dateline = source.dateline
    quiet = ruleset.derived("quantity_quiet_words", lambda: _quiet_words(ruleset, lexicon))
    nouns_only = ruleset.derived("quantity_counted_nouns", lambda: _counted_nouns(ruleset))
    role_bound = ruleset.derived(
        "quantity_role_bound",
        lambda: frozenset(r.id for r in ruleset.of_kind("quantity") if r.options.get("roles")),
    )
    facts = []
    measured = sorted(  # the sentences with a measure word: no other has a quantity
        start
        for start, cues in ctx.cues_by_sent.items()
        if any(cue.label_.startswith("measure:") for cue in cues)
    )
    for sent_start in measured:
        sent = doc[sent_start : ctx.tokens.sent_end[sent_start]]
        measures = ctx.cues(sent, "measure:")
        words = ctx.tokens.lower[sent.start : sent.end]
        phrases = ctx.numbers_at(sent.start, lexicon)
        opening = ctx.opening(sent, dateline)  # the sentence proper, after a dateline
        wholes = _wholes(words, phrases, lexicon)
        for n, phrase in enumerate(phrases):
            start, end = sent.start + phrase.start, sent.start + phrase.end
            if any(i in timex_tokens for i in range(start, end)) and not _timed(phrase, lexicon):
                continue  # a date, not a quantity ("won by 12 seconds": a time taken)
            whole = wholes.get(n)
            if whole is not None:
                # "took 34 of the 101 seats": the part counts what the whole counts
                part_end = end
                start, end = sent.start + whole.start, sent.start + whole.end
            elif not _counts_alone(
                ctx,
                sent,
                start,
                end,
                phrase,
                measures,
                _after_unit_figure(words, phrases, n),
                opening=opening,
                money=phrase.unit is not None and _is_money(phrase, lexicon),
            ):
                continue
            if dateline and dateline.start <= doc[start].idx < dateline.end:
                continue
            before = doc[start - 1].lower_ if start > sent.start else ""
            # "came down 800 metres from": before a length, "up" and "down" say which way
            direction = before in ("up", "down") and _length(phrase, lexicon)
            role = (
                "total"  # the whole of a part: "34 of the [101] seats"
                if n - 1 in wholes
                else "change"
                if before in lexicon.change_words and not direction
                else "from"
                if before in lexicon.from_words
                else "part"
                if _part_before(ctx, sent.start, start, lexicon)
                else "level"
            )
            # a measure word of a rule that takes no such figure names none: "sending 46
            # people to hospital" is no spill, though "sending" names one in barrels
            candidates = [
                c
                for c in measures
                if (
                    c.label_.split(":", 2)[1] not in role_bound
                    or _role_fits(ruleset, c.label_.split(":", 2)[1], role, phrase, lexicon)
                )
                and _takes(ruleset, c.label_.split(":", 2)[1], phrase, lexicon)
            ]
            found = _measure_of(
                ctx, sent, start, end, whole or phrase, candidates, lexicon, nouns_only
            )
            if found is None:
                continue
            whole_end = end
            if whole is not None:
                start, end = sent.start + phrase.start, part_end
            cue, rule_id, measure = _fitting_rule(ruleset, lexicon, phrase, candidates, found)
            if whole is not None and cue.start >= end and cue.text.lower().endswith("ed"):
                # "reached nine of the twelve miners trapped": a participle after the whole
                # tells the whole (the twelve were trapped), not the part
                continue
            if _remaining(ctx, sent, (start, end), cue, ruleset.rules[rule_id]):
                measure = f"still {measure}"  # "three remain trapped": those not yet out
            if severity := _severity(ctx, sent, end, cue, ruleset.rules[rule_id], measure):
                measure = f"{severity} {measure}"  # "three were seriously hurt": a part
            tally = ruleset.rules[rule_id].options.get("tally")
            if tally and measure in tally:
                role = "level"  # "passed by 82 votes to 61": two sides, no change
                if measure == tally[0] and cue.end == start:
                    measure = tally[1]  # "votes to 61": the other side
            if (
                _noun_only(cue, nouns_only)
                and start > sent.start
                and doc[start - 1].lower_ in _REFERRING_BACK
                and phrase.unit is None
            ):
                # "the two countries": things already named, not a count reported (but "the
                # 14-hour blackout" describes one thing by its length)
                continue
            shown = _shown_end(
                ctx, sent, whole_end, cue, measure, lexicon.counted_people, lexicon.staff_nouns
            )  # a part is quoted with its whole: "34 of the 101 seats"
            # a bare count is quoted with its measure word: "injuring 23", "78 were injured"
            bare = shown == end and phrase.unit is None
            quoted = cue.start if bare and cue.end == start else start
            if (
                bare
                and cue.start > end
                and all(ctx.tokens.lower[k] in _BEFORE_PARTICIPLE for k in range(end, cue.start))
            ):
                shown = cue.end
            left, right = ctx.clause(start, end)
            if _guarded(ctx, left, right, ruleset.rules[rule_id].options.get("guard_words")):
                continue  # "shares have lost a third this year": not the day's move
            when = min(
                (span for span in timex_by_sent.get(sent.start, ()) if left <= span.start < right),
                key=lambda span: abs(span.start - start),
                default=None,
            )
            names = ctx.quantity_names(sent, source.dateline) - quiet
            context = (ctx.content_words(left, right, skip=(start, end)) - quiet) | names
            kind = _kind_of(ctx, sent, end, cue, ruleset.rules[rule_id].options.get("kinds"))
            if kind is not None:
                context |= {f"kind:{kind}"}  # "a magnitude 5.8 aftershock": not the main shock
            if role == "change" and before in lexicon.change_words and before != "by":
                # "jumped 27%" and "fell 3%": two moves, one up and one down
                context |= {"kind:down" if before in lexicon.falls else "kind:up"}
            facts.append(
                FactMention(
                    rule=rule_id,
                    family="quantity",
                    where=_mention_at(source, ctx.tokens, quoted, shown),
                    tense=ctx.tense(start, end),
                    trigger=cue.text.lower(),
                    event_class=measure,
                    context=frozenset(context),
                    timex=timex_at[when.start_char] if when is not None else None,
                    amount=phrase,
                    role=role,
                    names=frozenset(names),
                )
            )
            part = _severity_part(
                ctx, sent, phrases, n, max(end, cue.end), ruleset.rules[rule_id], measure
            )
            if part is not None:
                # "injuring 31 people, four of them seriously": the seriously injured
                part_phrase, severity, part_end = part
                part_start = sent.start + part_phrase.start
                facts.append(
                    replace(
                        facts[-1],
                        where=_mention_at(source, ctx.tokens, part_start, part_end),
                        event_class=f"{severity} {measure}",
                        amount=part_phrase,
                        role="level",
                    )
                )
    return facts


_PART_REACH = 2
"""Words at most between a count and a part of it after a comma ("31 people, four of")."""


def _severity_part(
    ctx: _Context,
    sent: Span,
    phrases: list[NumberPhrase],
    n: int,
    end: int,
    rule: Rule,
    measure: str,
) -> tuple[NumberPhrase, str, int] | None:
    """The part of a count told after it (and its measure word, both ending at ``end``) by
    how badly, as (its number, the ``severity_words`` class, the token after the class's
    word): "injuring 31 people, four of them seriously", "12 were hurt, two of them
    critically". Only for a whole count of one of ``severity_measures``."""
    classes = rule.options.get("severity_words")
    if (
        not classes
        or n + 1 >= len(phrases)
        or measure not in rule.options.get("severity_measures", ())
    ):
        return None
    lower = ctx.tokens.lower
    part = phrases[n + 1]
    part_start, part_end = sent.start + part.start, sent.start + part.end
    between = lower[end:part_start]
    if not between or between[-1] != "," or len(between) > _PART_REACH + 1:
        return None
    if not all(ctx.tokens.alpha[i] for i in range(end, part_start - 1)):
        return None
    if lower[part_end : part_end + 2] != ["of", "them"] or part_end + 2 >= sent.end:
        return None
    word = lower[part_end + 2]
    for name, words in classes.items():
        if word in words:
            return part, name, part_end + 3
    return None


REMAINING_REACH = 2
"""Words before a measure word a ``remaining_words`` word may stand."""


def _remaining(ctx: _Context, sent: Span, number: tuple[int, int], cue: Span, rule: Rule) -> bool:
    """True when a ``remaining_words`` word of ``rule`` ("remain", "still", "remaining")
    stands between the number at tokens ``number`` and its measure word ``cue``, just
    before the measure word, or before the number in its clause: "three miners remain
    trapped", "the remaining four missing", "still trying to reach three miners trapped"
    count those still so, not all there were."""
    words = rule.options.get("remaining_words")
    if not words:
        return False
    start, end = number
    lower = ctx.tokens.lower
    left, _right = ctx.clause(start, end)
    near = set(range(max(sent.start, cue.start - REMAINING_REACH), cue.start))
    near |= set(range(min(left, start), start))
    if end <= cue.start:
        near |= set(range(end, cue.start))
    return any(lower[i] in words for i in near)


def _severity(
    ctx: _Context, sent: Span, end: int, cue: Span, rule: Rule, measure: str
) -> str | None:
    """The ``severity_words`` class of ``rule`` whose word stands between the number ending
    at ``end`` and its measure word ``cue``, within ``REMAINING_REACH`` words before the
    measure word: "three people were seriously hurt", "24 suffered minor injuries" count a
    part of the injured by how badly, not all of them. Only for ``severity_measures``, and
    never a word before the number ("a severe storm injured 40": the storm's)."""
    classes = rule.options.get("severity_words")
    if not classes or measure not in rule.options.get("severity_measures", ()):
        return None
    if end > cue.start:
        return None
    lower = ctx.tokens.lower
    first = max(sent.start, cue.start - REMAINING_REACH, end)
    for i in range(first, cue.start):
        for name, words in classes.items():
            if lower[i] in words:
                return name
    return None


_PAIRED_BEFORE_STOPS = frozenset({"and", "or", "nor", "than", "per", "no", "-", "first", "last"})
"""Words before a number that make it no count of its own: a coordination ("a man and two
women"), a comparison ("rather than 12"), a rate ("per 100 people"), part of a name ("AK-47
rifles") or a share ("his first 17 passes")."""


def _pairable_sentences(
    t: _Tokens, number_starts: list[int], people: frozenset[str], ignored: frozenset[str]
) -> set[int]:
    """The first tokens of the sentences where ``_paired_counts`` may find two counts: two
    words that may start a number (a digit, a number word) and two different nouns a count
    may be of (a people word, all of them one, or a plural not ignored). A sentence with
    two numbers is checked by a walk over its words; the rest, most, by a set lookup.
    ``number_starts``: the tokens a number may start at (``_Context.number_starts``)."""
    numbers = Counter([t.sent_start[i] for i in number_starts])
    pairable = set()
    for first, count in numbers.items():
        if count < 2:
            continue
        nouns = set()
        for i in range(first, t.sent_end[first]):
            lower = t.lower[i]
            if not (t.alpha[i] and t.lowercase[i]) or lower in _NO_PAIRED_NOUN or lower in ignored:
                continue
            if lower in people:
                nouns.add("people")
            elif lower.endswith("s") and not lower.endswith("ss"):
                nouns.add(lower)
        if len(nouns) >= 2:
            pairable.add(first)
    return pairable


def _paired_counts(ctx: _Context, source: Source, ruleset: RuleSet) -> list[FactMention]:
    """Counts of two kinds of things in one sentence: "2,412 patients at 31 hospitals",
    "more than 4,000 people from 12 communities". Each is a count of its plural noun (the
    people words all count "people"); ``compare.paired_findings`` compares a count only
    with another source's sentence that counts the same two nouns, one of them alike.
    A number that is one of a list, an increment ("two more"), a rate ("12 a day"), an age,
    part of a name or of a date, or a noun counted twice in the sentence, counts nothing."""
    rules = ruleset.of_kind("paired_count")
    if not rules:
        return []
    rule = rules[0]
    ignored = frozenset(rule.options.get("ignore", []))
    list_ignored = ignored | frozenset(rule.options.get("list_ignore", []))
    linking = tuple(sorted((p.split() for p in rule.options.get("prepositions", [])), key=len))
    lexicon = quantity_lexicon(ruleset)
    doc, t = ctx.doc, ctx.tokens
    facts = []
    # two counts need two numbers and two kinds of things counted: most sentences have not
    starts = ctx.number_starts(lexicon)
    pairable = _pairable_sentences(t, starts, lexicon.counted_people, ignored)
    # a list of two counts may count a noun that is no plural ("five crew")
    numbered = Counter(t.sent_start[i] for i in starts)
    for first in sorted(pairable | {s for s, count in numbered.items() if count >= 2}):
        sent = doc[first : t.sent_end[first]]
        for counted, start, end, phrase in _listed_pair(ctx, sent, lexicon, list_ignored):
            facts.append(_paired_mention(rule, source, ctx, (start, end), counted, phrase, ""))
        if first not in pairable:
            continue
        found = [
            ("people" if noun in lexicon.counted_people else noun, start, end, phrase, link)
            for noun, start, end, phrase, link in _noun_counts(
                ctx,
                sent,
                lexicon,
                ignored,
                linking,
                noun_compounds=True,
                opening=ctx.opening(sent, source.dateline),
            )
        ]
        nouns = [f[0] for f in found]
        single = [f for f in found if nouns.count(f[0]) == 1]
        if len(single) < 2:
            continue  # one kind of thing counted (or one counted twice): nothing to pair
        for counted, start, end, phrase, link in single:
            facts.append(
                _paired_mention(rule, source, ctx, (start, end), counted, phrase, link, "level")
            )
    return facts


def _paired_mention(
    rule: Rule,
    source: Source,
    ctx: _Context,
    span: tuple[int, int],
    counted: str,
    phrase: NumberPhrase,
    trigger: str,
    role: str = "listed",
) -> FactMention:
    """A count of ``counted`` for the paired-count rule, over tokens ``span``: one of a
    list of two (role "listed") or one of a sentence's counts of two kinds ("level")."""
    start, end = span
    return FactMention(
        rule=rule.id,
        family="quantity",
        where=_mention_at(source, ctx.tokens, start, end),
        tense=ctx.tense(start, end),
        trigger=trigger,
        event_class=counted,
        context=frozenset(),
        amount=phrase,
        role=role,
    )


def _listed_pair(
    ctx: _Context, sent: Span, lexicon: QuantityLexicon, ignored: frozenset[str]
) -> list[tuple[str, int, int, NumberPhrase]]:
    """The two counts of a list of two, each right before its own noun ("23 traders
    and 14 firms", "61 passengers and five crew", "(5 crew, 61 passengers)"): (noun,
    start, end, phrase) for each, the people words all counting "people". A longer list,
    a count in a unit, a vague or hedged count, or one noun counted twice gives none;
    ``compare.paired_findings`` compares the two only with another source's list of the
    same two nouns."""
    t = ctx.tokens
    phrases = [
        p
        for p in ctx.numbers_at(sent.start, lexicon)
        if not any(i in ctx.timex_tokens for i in range(sent.start + p.start, sent.start + p.end))
    ]
    found: list[tuple[str, int, int, NumberPhrase]] = []
    for first, second in itertools.pairwise(phrases):
        a, b = sent.start + first.end, sent.start + second.start
        if b - a != 2 or t.lower[a + 1] not in ("and", ","):
            continue  # "N things and M things": one noun and the joining word between
        items = []
        for phrase, noun_at in ((first, a), (second, sent.start + second.end)):
            if (
                noun_at >= sent.end
                or phrase.unit is not None
                or phrase.value is None
                or phrase.hedge is not None
                or phrase.hyphenated
                or not (t.alpha[noun_at] and t.lowercase[noun_at])
            ):
                break
            noun = t.lower[noun_at]
            if (
                noun in STOP_WORDS
                or noun in ignored
                or noun in _HOW_OFTEN
                or _is_modifier(ctx.doc[noun_at])
            ):
                break
            counted = "people" if noun in lexicon.counted_people else noun
            items.append((counted, sent.start + phrase.start, noun_at + 1, phrase))
        if len(items) < 2 or items[0][0] == items[1][0]:
            continue
        start, end = items[0][1], items[1][2]
        before = t.lower[start - 1] if start > sent.start else ""
        after = t.lower[end] if end < sent.end else ""
        if (
            before in (",", "and")
            or after in (",", "and")
            and end + 1 < sent.end
            and (t.text[end + 1][:1].isdigit() or t.lower[end + 1] in lexicon.number_words)
        ):
            continue  # one of a longer list
        found.extend(items)
    nouns = [f[0] for f in found]
    return [f for f in found if nouns.count(f[0]) == 1]


def _single_counts(
    ctx: _Context, source: Source, ruleset: RuleSet, taken: list[FactMention]
) -> list[FactMention]:
    """Counts of a thing no declared measure names: "power was cut to 4.8 million
    customers", "a party of seven skiers" (the ``noun_count`` rule). Each counts its plural
    noun as written; a number a declared measure already took ("five workers were killed")
    is left to it. ``compare.single_count_findings`` compares them across sources."""
    rules = ruleset.of_kind("noun_count")
    if not rules:
        return []
    rule = rules[0]
    ignored = frozenset(rule.options.get("ignore", []))
    kept = frozenset(str(c).lower() for c in rule.options.get("compounds", []))
    same_nouns = {
        str(k).lower(): str(v).lower() for k, v in rule.options.get("same_nouns", {}).items()
    }
    lexicon = quantity_lexicon(ruleset)
    quiet = ruleset.derived("quantity_quiet_words", lambda: _quiet_words(ruleset, lexicon))
    # a figure a declared measure took; not one a paired count read ("1.6 million
    # customers, holding 2.1 million accounts"), which tells only against the same pair
    paired = {r.id for r in ruleset.of_kind("paired_count")}
    covered = [
        (f.where.start, f.where.end)
        for f in taken
        if f.family == "quantity" and f.rule not in paired
    ]
    t = ctx.tokens
    timex_tokens = ctx.timex_tokens
    facts = []
    # a count starts with a digit or a number word outside a date: most sentences have none
    firsts = {t.sent_start[i] for i in ctx.number_starts(lexicon) if i not in timex_tokens}
    for first in sorted(firsts):
        sent = ctx.doc[first : t.sent_end[first]]
        opening = ctx.opening(sent, source.dateline)
        for noun, start, end, phrase, _link in _noun_counts(
            ctx, sent, lexicon, ignored, compounds=True, opening=opening, kept=kept
        ):
            where = _mention_at(source, t, start, end)
            if any(a < where.end and where.start < b for a, b in covered):
                continue  # a declared measure's figure
            before = t.lower[sent.start + phrase.start - 1] if phrase.start else ""
            if before == "," and phrase.start >= 2:
                # "In all, 240 prisoners": the word before the comma says it is a whole
                before = t.lower[sent.start + phrase.start - 2]
            names = ctx.quantity_names(sent, source.dateline) - quiet
            # the sentence's words: a relative clause tells what the counted did ("the 8.4
            # million customers who lost power")
            context = (ctx.content_words(sent.start, sent.end, skip=(start, end)) - quiet) | names
            facts.append(
                FactMention(
                    rule=rule.id,
                    family="quantity",
                    where=where,
                    tense=ctx.tense(start, end),
                    trigger=before,
                    event_class=same_nouns.get(noun, noun),  # "vessels": the ships
                    context=frozenset(context),
                    amount=phrase,
                    role="level",
                    names=frozenset(names),
                )
            )
    return facts


NAMES_BEFORE_NOUN = 4
"""Most words of names (and "and" between them) between a number and the noun it counts."""


def _after_names(t: _Tokens, k: int, sent_end: int) -> int:
    """The token after the capitalised names from token ``k`` ("Arden and Vista" in
    "83,410 Arden and Vista vehicles"), when a lower-case word follows them within
    ``NAMES_BEFORE_NOUN`` words; ``k`` otherwise."""
    i = k
    while i < min(sent_end, k + NAMES_BEFORE_NOUN) and (
        t.title[i] or (i > k and t.lower[i] in ("and", "&") and i + 1 < sent_end and t.title[i + 1])
    ):
        i += 1
    if k < i < sent_end and t.alpha[i] and t.lowercase[i]:
        return i
    return k


def _noun_counts(
    ctx: _Context,
    sent: Span,
    lexicon: QuantityLexicon,
    ignored: frozenset[str],
    linking: tuple[list[str], ...] = (),
    *,
    compounds: bool = False,
    noun_compounds: bool = False,
    opening: int | None = None,
    kept: frozenset[str] = frozenset(),
) -> list[tuple[str, int, int, NumberPhrase, str]]:
    """The plain counts of a sentence, each with the plural noun it counts ("2,412
    patients", "four crew"): (noun, start, end after the noun, number phrase, the linking
    words of ``linking`` just before it). With ``compounds`` or ``noun_compounds``, a noun
    may stand before the plural it modifies ("seven backcountry skiers", "3,900 health
    workers"); with ``compounds``, hyphenated counts and names before the noun too. ``opening``: the first
    token of the sentence proper after a dateline, where a count may follow the dateline's
    dash ("OSLO (Wire) - Four climbers"). See ``_paired_counts`` for what counts nothing."""
    doc, t = ctx.doc, ctx.tokens
    found: list[tuple[str, int, int, NumberPhrase, str]] = []
    for phrase in ctx.numbers_at(sent.start, lexicon):
        start, end = sent.start + phrase.start, sent.start + phrase.end
        if (
            phrase.unit is not None
            or phrase.value is None
            or (phrase.hyphenated and not compounds)
            or phrase.listed
            or any(i in ctx.timex_tokens for i in range(start, end))
        ):
            continue
        if (
            start > sent.start
            and start != opening
            and (
                t.lower[start - 1] in _PAIRED_BEFORE_STOPS
                or (
                    (t.title[start - 1] or t.upper[start - 1])
                    and not (phrase.hyphenated and t.lower[start - 1] in _SENTENCE_ARTICLES)
                )
            )
        ):
            continue  # "a man and two women", "aged 61", "Route 52" (not "The 12-storey")
        if phrase.hyphenated:
            noun = _hyphen_noun(ctx, sent, end + 1, lexicon, ignored)
            if noun is not None:
                found.append((noun, start, end + 2, phrase, ""))
            continue
        k, modifiers = end, 0
        while k < sent.end and modifiers < 2 and t.alpha[k]:
            if _hyphenated_modifier(ctx, k, sent.end):
                k, modifiers = k + 3, modifiers + 1  # "23 low-lying communities"
            elif _is_modifier(doc[k]):
                k, modifiers = k + 1, modifiers + 1
            else:
                break
        if compounds and k < sent.end and t.title[k]:
            if k == end and t.lower[k].endswith("s") and not t.lower[k].endswith("ss"):
                continue  # "Four Seasons hotels", "Seven Oaks residents": the number names
            k = _after_names(t, k, sent.end)  # "the 83,410 Arden and Vista vehicles"
        if k >= sent.end or not (t.alpha[k] and t.lowercase[k]):
            continue
        if (
            (compounds or noun_compounds)
            and not t.lower[k].endswith("s")
            and t.lower[k] not in STOP_WORDS
            and k + 1 < sent.end
            and t.alpha[k + 1]
            and t.lowercase[k + 1]
            and t.lower[k + 1].endswith("s")
        ):
            k += 1  # "seven backcountry skiers"
        # a kept compound after one more noun: "nine emergency rest centres"
        k = next(
            (
                j + 1
                for j in (k, k + 1)
                if j + 1 < sent.end and f"{t.lower[j]} {t.lower[j + 1]}" in kept
            ),
            k,
        )
        noun = t.lower[k]
        if k > start and f"{t.lower[k - 1]} {noun}" in kept:
            # "saved two match points": a compound counted whole, though its last word
            # ("points") is ignored alone
            found.append((f"{t.lower[k - 1]} {noun}", start, k + 1, phrase, ""))
            continue
        if (
            noun in STOP_WORDS
            or noun in _INCREMENT
            or noun in ignored
            or noun in _HOW_OFTEN
            or (
                noun not in lexicon.counted_people
                and noun not in lexicon.invariable_plurals
                and (not noun.endswith("s") or noun.endswith("ss"))
            )
        ):
            continue
        after = t.lower[k + 1 : min(sent.end, k + 4)]
        if (
            "also" in after
            or after[:1] in (["each"], ["per"], ["apiece"])
            or (after[:1] == ["of"] and after[1:2] and after[1] in _PARTIAL_OF)
        ):
            continue  # "two villages each", "three patients of them"
        if after[:2] in (["a", "year"], ["a", "day"], ["a", "week"], ["a", "month"]):
            continue  # a rate, not a total
        # the words that link it to the sentence's other count: "at 31 hospitals"
        link = next(
            (
                " ".join(words)
                for words in reversed(linking)
                if start - len(words) >= sent.start and t.lower[start - len(words) : start] == words
            ),
            "",
        )
        found.append((noun, start, k + 1, phrase, link))
    return found


def _hyphen_noun(
    ctx: _Context, sent: Span, k: int, lexicon: QuantityLexicon, ignored: frozenset[str]
) -> str | None:
    """The plural of the noun a hyphenated count joins to the word it describes ("a
    10-storey building": storeys, "a 500-bed hospital": beds), or None: no noun after it
    ("a 12-strong team", "a 40-year-old man", "a 6.1-magnitude quake": ``ignored`` holds
    the words that count no part of a thing, singular and plural)."""
    t = ctx.tokens
    if k + 1 >= sent.end or not (t.alpha[k] and t.lowercase[k] and t.alpha[k + 1]):
        return None  # "a 5.8-metric-ton cargo", "the 12-storey." : no noun after the word
    word = t.lower[k]
    if (
        word in STOP_WORDS
        or word in ignored
        or word in lexicon.number_words
        or word.endswith(("ed", "s"))
        or not t.lowercase[k + 1]
        or t.lower[k + 1] in STOP_WORDS
    ):
        return None
    plural = word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s"
    return None if plural in ignored else plural


def _shown_end(
    ctx: _Context,
    sent: Span,
    end: int,
    cue: Span,
    measure: str,
    people: frozenset[str] = frozenset(),
    bodies: frozenset[str] = frozenset(),
) -> int:
    """Where a count's quoted words end: with the noun it counts ("18 crew", "nine villages",
    "54 people", "2,600 cabin crew": ``bodies``), so the quote says what is counted; else
    with the number phrase."""
    if cue.start == end:
        return cue.end
    t = ctx.tokens
    if (
        end < cue.start <= end + _QUANTITY_GAP
        and (_plural_noun(t.lower[cue.end - 1]) or t.lower[cue.end - 1] in bodies)
        and all(t.alpha[k] and t.lower[k] not in STOP_WORDS for k in range(end, cue.start))
    ):
        return cue.end  # "74 measles cases": the measure noun and the words describing it
    if end < sent.end and ctx.tokens.lower[end] in people:
        return end + 1
    noun = measure[measure.rfind("(") + 1 : -1] if measure.endswith(")") else ""
    if noun.isalpha():  # a noun counted: "nine villages", "2 million toasters", "1,200 sheep"
        for k in range(end, min(sent.end, end + _QUANTITY_GAP + 1)):
            if ctx.tokens.lower[k] == noun:
                return k + 1
    return end


_PARTIAL_OF = {
    "the",
    "them",
    "those",
    "these",
    "whom",
    "which",
    "my",
    "his",
    "her",
    "their",
    "its",
    "our",
    "your",
}
"""Words after "of" that make a count part of a whole already named ("three of them",
"two of whom", "five of the victims")."""
_SENTENCE_ARTICLES = frozenset({"a", "an", "the", "its", "their", "his", "her", "our"})
"""Capitalised words before a hyphenated count that are no name ("The 12-storey block")."""
_INCREMENT = {"more", "additional", "further", "other", "others", "new", "extra"}
"""Words after a number that make it an increment, not a total ("12 more cases")."""
_CLAUSE_VERBS = frozenset({"were", "was", "have", "has", "had", "are", "is"})
"""Forms of "be" and "have" that start a clause's verb after a bare count."""
_BEFORE_PARTICIPLE = {
    "were",
    "was",
    "have",
    "has",
    "had",
    "been",
    "are",
    "is",
    "be",
    "being",
    "also",
    "all",
    "now",
    "later",
    "since",
    "reportedly",
    "already",
    "so",
    "far",
}
"""Words that may stand between a count and the participle or verb it goes with
("12 people were reportedly killed", "40 homes have so far been lost"): auxiliaries and
adverbs of time or hedging."""


_PART_OF = (["of", "the"], ["of", "its"], ["of", "their"], ["out", "of"], ["out", "of", "the"])
"""The words between a part and its whole: "34 of the 101 seats", "9 out of 10 schools"."""


def _part_of(between: list[str]) -> bool:
    """True for the words between a part and its whole (``_PART_OF``), a possessive's
    included: "four of the train's six cars", "two of Kerala's five dams"."""
    if between in _PART_OF:
        return True
    return (
        len(between) in (3, 4)
        and between[0] == "of"
        and between[-1] in ("'s", "\u2019s")
        and (len(between) == 3 or between[1] == "the")
        and between[-2].isalpha()
    )


def _wholes(
    words: list[str], phrases: list[NumberPhrase], lexicon: QuantityLexicon
) -> dict[int, NumberPhrase]:
    """The number phrases that are a part of the next one, a whole ("took 34 of the 101
    seats"), by index: the part is a count of what the whole counts. Not when the whole
    counts people ("12 of the 40 passengers died": the part are the dead; "1,900 of the
    carrier's 2,600 cabin crew": a word may stand before the people's noun)."""
    people = lexicon.counted_people | lexicon.staff_nouns
    found = {}
    for n, (part, whole) in enumerate(itertools.pairwise(phrases)):
        if (
            part.unit is None
            and whole.unit is None
            and part.value is not None
            and whole.value is not None
            and part.value < whole.value
            and _part_of(words[part.end : whole.start])
            and whole.end < len(words)
            and words[whole.end] not in lexicon.counted_people
            and not people.intersection(words[whole.end : whole.end + 2])
        ):
            found[n] = whole
    return found


def _after_unit_figure(words: list[str], phrases: list[NumberPhrase], n: int) -> bool:
    """True when a count follows "and" after a figure in a unit, in one clause ("took 28%
    and 37 seats"): it is a figure of its own, not one of a pair of counts."""
    phrase = phrases[n]
    if phrase.unit is not None or phrase.start == 0 or words[phrase.start - 1] != "and":
        return False
    return any(
        other.unit is not None
        and other.end < phrase.start
        and not any(w in (",", ";") for w in words[other.end : phrase.start])
        for other in phrases[:n]
    )


def _opened(before: Token, sent: Span, opening: int | None) -> int:
    """Where the words before a capitalised ``before`` start: the sentence proper after a
    dateline (``opening``) when ``before`` is a small word that opens it ("HAVANA - All 11
    crew": "All"), else the sentence ("MIAMI - Flight 447 passengers": a name)."""
    if opening is not None and before.lower_ in STOP_WORDS:
        return max(sent.start, opening)
    return sent.start


def _counts_alone(
    ctx: _Context,
    sent: Span,
    start: int,
    end: int,
    phrase: NumberPhrase,
    measures: list[Span],
    after_unit_figure: bool = False,
    *,
    opening: int | None = None,
    money: bool = False,
) -> bool:
    """False for numbers that are not a total of their own: one of a list ("magnitude 2.9
    and 2.2"), part of a coordination ("a man and two women"), a share ("two of them"), an
    age ("at 77", "aged 61"), part of a name ("Route 52") or of something else ("a mother of 12").
    ``opening`` is the first token of the sentence proper (after a dateline): a small word
    there opens the sentence and names nothing ("HAVANA - All 11 crew")."""
    doc = ctx.doc
    if phrase.listed:
        return False
    before = doc[start - 1] if start > sent.start else None
    lower_before = before.lower_ if before is not None else ""
    if before is not None:
        lower = before.lower_
        # ", and eight villages were evacuated": the number opens a clause of its own
        # "five were killed and 32 people were injured": a measure word ends the clause before
        joins_clauses = after_unit_figure or (
            lower == "and"
            and start - 2 >= sent.start
            and (doc[start - 2].text == "," or any(c.end == start - 1 for c in measures))
            and any(t.lower_ in _CLAUSE_VERBS for t in doc[end : min(sent.end, end + 3)])
        )
        if lower in ("and", "or", "nor", "plus") and not joins_clauses:  # (an age: ``_is_age``)
            return False  # "a man and two women", "life in prison plus 20 years"
        if lower == "at" and phrase.unit is None:
            return False
        total = start - 2 > sent.start and doc[start - 2].lower_ == "total"
        if (
            lower == "of"
            and not total
            and not any(c.end in (start - 1, start) for c in measures)
            and not (money and _period_before_of(ctx, sent, start - 1, measures))
        ):
            # "two of the victims", but "a total of 62 people", "a term of 4 years", and a
            # sum after a measure word and the period it is for ("expects operating profit
            # for the half ending June of €9m")
            return False
        if (
            (before.is_title or (before.is_alpha and not before.is_lower and not before.is_upper))
            and phrase.unit is None
            and not _GROUPED_DIGITS.fullmatch(doc[start].text)
            and any(not doc[i].is_space for i in range(_opened(before, sent, opening), before.i))
            and not any(c.start <= before.i < c.end for c in measures)
        ):
            return False  # "Route 52", "the Kettle 5", not "gave Harlow 4,312 votes"
    if doc[start].lower_ == "one" and (
        end >= sent.end or not doc[end].is_alpha or doc[end].lower_ in STOP_WORDS
    ):
        return False  # "when one is killed": a pronoun
    after = [t.lower_ for t in doc[end : min(sent.end, end + 3)]]
    if (
        after[:1] == ["of"]
        and after[1:2]
        and after[1] in _PARTIAL_OF
        # "40,000 litres of the solution": what the figure measures (not a sum: "$281
        # million of the purchase price" is a part)
        and (phrase.unit is None or money)
        and not any(c.start == end for c in measures)  # "within 80 metres of its target"
    ):
        return False  # "two of them": a share
    # "the diversion of 71 others": "others" are things other than the sentence's figure
    # before, counted by the measure word right before (an "of" between allowed)
    named = any(c.end == start for c in measures) or (
        lower_before == "of" and any(c.end == start - 1 for c in measures)
    )
    if after[:1] and after[0] in _INCREMENT and not (after[0] == "others" and named):
        return False  # "two more victims", "55 others": an increment, not a total
    if "also" in after:
        return False  # "three people also died in a second strike": another count
    lowers = ctx.tokens.lower  # the word after first: a Token made only before a "more"
    if any(lowers[i + 1] == "more" and doc[i].like_num for i in range(end, sent.end - 1)):
        return False  # "six were treated in hospital, and eight more at the scene": a part
    crew = [t.lower_ for t in doc[end + 3 : min(sent.end, end + 5)]]
    if (
        len(after) == 3
        and after[0].isalpha()
        and after[1] in ("and", "plus")
        and (after[2][:1].isdigit() or after[2] in ctx.cardinals)
        and crew[:1] in (["crew"], ["staff"], ["crewmen"], ["crewmembers"])
    ):
        return False  # "141 passengers and seven crew": a part of a total the list makes
    # the words after the number, and after the noun it counts ("42 flights a day")
    later = [t.lower_ for t in doc[end : min(sent.end, end + 4)]]
    counted = later[1:] if later[:1] and later[0].isalpha() and later[0] not in STOP_WORDS else []
    return not any(
        words[:1] in (["per"], ["annually"], ["apiece"], ["each"])
        or words[:2]
        in (["a", "year"], ["a", "season"], ["a", "month"], ["a", "week"], ["a", "day"])
        or (words[:2] == ["-", "per"])
        for words in (later, counted)
    )  # "$4 million a year", "about 35 departures a day": a rate, not a total


_PERIOD_WORDS = frozenset(
    {
        "for", "the", "a", "its", "this", "next", "current", "year", "years", "full",
        "financial", "fiscal", "quarter", "half", "period", "months", "weeks", "-", "to",
        "ending", "ended", "january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december",
    }
)  # fmt: skip
"""Words of the period a company's figure is for ("for the half ending June")."""


def _period_before_of(ctx: _Context, sent: Span, of: int, measures: list[Span]) -> bool:
    """True when the words from a measure word to the "of" at ``of`` name only the period
    the figure is for: "expects operating profit for the half ending June of €9m" (not
    "offered a reward of €40,000": the reward is what the sum is)."""
    cue_end = max((c.end for c in measures if sent.start <= c.start and c.end < of), default=None)
    if cue_end is None or ctx.tokens.lower[cue_end] != "for":
        return False
    return all(
        ctx.tokens.lower[k] in _PERIOD_WORDS or ctx.tokens.lower[k].isdigit()
        for k in range(cue_end, of)
    )


_GROUPED_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+")
"""A figure written with thousands separators ("4,312"): never part of a name, as a model
number is ("Route 52")."""


def _measure_of(
    ctx: _Context,
    sent: Span,
    start: int,
    end: int,
    phrase: NumberPhrase,
    measures: list[Span],
    lexicon: QuantityLexicon,
    nouns_only: frozenset[str] = frozenset(),
) -> tuple[Span, str, str] | None:
    """The measure word that says what a number counts, with its rule id and measure name.

    The noun right after the number decides first ("four deaths"; "a 15-run win" counts
    runs, so nothing); a word that only counts people ("45 people") leaves it to the
    clause: a measure word just before ("killing 45"), just after ("45 were killed"),
    then anywhere before the number in its clause ("the death toll rose to 45").
    """
    doc = ctx.doc

    def label(cue: Span) -> tuple[Span, str, str]:
        _prefix, rule_id, measure = cue.label_.split(":", 2)
        return cue, rule_id, measure

    # the longest measure word at a word wins: "61 votes against" is no plain "votes"
    cue_at = {c.start: c for c in sorted(measures, key=lambda c: c.end - c.start)}
    just_before = [c for c in measures if c.end == start]
    value = phrase.value
    # (written with decimals: "a magnitude 7.0 quake" is no count of quakes)
    fraction = (
        value is not None
        and math.isfinite(value)
        and (value != int(value) or (phrase.decimals > 0 and phrase.scale == 1))
    )
    if just_before and phrase.unit is None and fraction:
        return label(just_before[0])  # "a magnitude 6.4 earthquake": a fraction counts no noun
    if (label_cue := _dash_label(ctx, sent, start, end, cue_at)) is not None:
        return label(label_cue)
    right_limit = min(sent.end, end + _QUANTITY_GAP + 1)
    k = end + 1 if phrase.hyphenated else end
    while k < right_limit:
        if k in cue_at:
            return label(cue_at[k])
        token = doc[k]
        if not token.is_alpha or token.lower_ in STOP_WORDS or ctx.is_break(token):
            break
        if token.lower_ in lexicon.counted_people:
            k += 1
            break
        if phrase.hyphenated:
            return None  # "a 15-run win": the number counts something else
        if phrase.unit is not None and _hyphenated_modifier(ctx, k, sent.end):
            k += 3  # "a 900 km sun-synchronous orbit": a compound describes the measure
            continue
        if not _is_modifier(token):
            return _counting_noun(
                ctx, sent, start, k, measures, cue_at, phrase.unit, lexicon.staff_nouns
            )
        k += 1
    left, right = ctx.clause(start, end)
    # a rule's counted nouns (``counted_noun``, ``noun_words``) name only the number before them
    clause_cues = [c for c in measures if not _noun_only(c, nouns_only)]
    cue_at = {c.start: c for c in sorted(clause_cues, key=lambda c: c.end - c.start)}
    before = [c for c in clause_cues if left <= c.start and c.end <= start]
    near = [c for c in before if start - c.end <= _QUANTITY_GAP]
    if near:
        return label(max(near, key=lambda c: c.end))
    # "57.8% against 42.2% for "No"": a measure word after "for", in quotes or not
    if k < right and doc[k].lower_ == "for":
        j = k + 1
        while j < right and doc[j].is_quote:
            j += 1
        # the measure word ends its phrase: "for no change" names no measure
        if j in cue_at and (cue_at[j].end >= right or not doc[cue_at[j].end].is_alpha):
            return label(cue_at[j])
    # "an estimated 40,000 litres of the solution escaped": a figure in a unit, then "of"
    # what it measures, then the measure word
    if (
        phrase.unit is not None
        and not _is_money(phrase, lexicon)  # "$281 million of the purchase price": a part
        and k < right
        and doc[k].lower_ == "of"
    ):
        j = k + 1
        while j < min(right, k + 1 + _OF_PHRASE) and j not in cue_at and not doc[j].is_punct:
            j += 1
        if j < right and j in cue_at:
            return label(cue_at[j])
    # "45 people were killed", "two villagers slightly injured": a passive verb after
    # ("11 were fatally injured": a measure word may start with the adverb)
    while (
        k < right
        and k not in cue_at
        and (doc[k].lower_ in _BEFORE_PARTICIPLE or doc[k].lower_.endswith("ly"))
    ):
        k += 1
    if k < right and k in cue_at:
        return label(cue_at[k])
    # "three passengers were treated for minor injuries", "two suffered serious injuries":
    # a verb whose object is the measure word, two describing words at most between
    verb_end = _object_verb_end(ctx, k, right, lexicon.object_verbs)
    if verb_end is not None:
        k = verb_end
        while (
            k < min(right, verb_end + 2)
            and k not in cue_at
            and doc[k].is_alpha
            and doc[k].lower_ not in STOP_WORDS
        ):
            k += 1
        if k < right and k in cue_at:
            return label(cue_at[k])
    if before:
        return label(max(before, key=lambda c: c.end))
    return None


def _guarded(ctx: _Context, left: int, right: int, guards: list[str] | None) -> bool:
    """True when the clause at tokens ``left:right`` holds one of a rule's ``guard_words``
    (words or phrases, lower case)."""
    if not guards:
        return False
    said = f" {' '.join(ctx.tokens.lower[left:right])} "
    return any(f" {guard} " in said for guard in guards)


def _kind_of(
    ctx: _Context, sent: Span, end: int, cue: Span, kinds: dict[str, list[str]] | None
) -> str | None:
    """Which of a measure's kinds (a rule's ``kinds``) the figure ending at token ``end``
    measures, by the noun right after it or after its measure word ("a magnitude 7.1
    earthquake", "a 5.8-magnitude aftershock"); None when no kind's word stands there."""
    if not kinds:
        return None
    lower = ctx.tokens.lower
    k = cue.end if end <= cue.start <= end + 1 else end
    while k < sent.end and lower[k] in ("-", "\u2013"):
        k += 1
    for kind, words in kinds.items():
        for word in words:
            parts = word.lower().split()
            if lower[k : k + len(parts)] == parts:
                return kind
    return None


def _counted_nouns(ruleset: RuleSet) -> frozenset[str]:
    """The ids of the rules whose measure words are all counted nouns (``counted_noun``),
    and "<rule id> <word>" for each of a rule's ``noun_words`` ("a four-year prison term")."""
    rules = ruleset.of_kind("quantity")
    return frozenset(r.id for r in rules if r.options.get("counted_noun")) | frozenset(
        f"{r.id} {word.lower()}" for r in rules for word in r.options.get("noun_words", ())
    )


def _noun_only(cue: Span, nouns_only: frozenset[str]) -> bool:
    """True when the measure word ``cue`` names only the number right before it."""
    rule_id = cue.label_.split(":", 2)[1]
    return rule_id in nouns_only or f"{rule_id} {cue.text.lower()}" in nouns_only


def _is_money(phrase: NumberPhrase, lexicon: QuantityLexicon) -> bool:
    """True for a sum of money ("$281 million", "12 million euros")."""
    return to_amount(phrase, lexicon).dimension.startswith("currency")


_OF_PHRASE = 6
"""Most words in the "of" phrase between a figure in a unit and its measure word ("40,000
litres of the caustic solution escaped")."""


def _object_verb_end(ctx: _Context, k: int, right: int, verbs: frozenset[str]) -> int | None:
    """The index after the words of ``verbs`` ("treated for", "sustained") that start at
    token ``k`` and end before ``right``; None when none does."""
    lower = ctx.tokens.lower
    for verb in verbs:
        words = verb.split()
        if k + len(words) <= right and lower[k : k + len(words)] == words:
            return k + len(words)
    return None


_MARKUP = frozenset({"*", "**", "_", "#"})
_DASHES = frozenset({"-", "\u2013", "\u2014", "--"})


def _dash_label(
    ctx: _Context, sent: Span, start: int, end: int, cue_at: dict[int, Span]
) -> Span | None:
    """The measure word of a figure set out as a heading: "**2:07:15** - the winner's
    time, a record", "42 -- the number of crew on board". The figure opens its line and a
    dash follows it; the words up to the first comma say what it is."""
    t = ctx.tokens
    if any(t.lower[i] not in _MARKUP and t.text[i].strip() for i in range(sent.start, start)):
        return None
    k = end
    while k < sent.end and t.lower[k] in _MARKUP:
        k += 1
    if k >= sent.end or t.lower[k] not in _DASHES:
        return None
    k += 1
    while k < sent.end and t.lower[k] not in (",", ".", ";", ":"):
        if k in cue_at:
            return cue_at[k]
        k += 1
    return None


_HOW_OFTEN = frozenset({"times", "time", "fold", "occasions"})
"""Nouns after a number that say how often, not how many."""

_NO_PAIRED_NOUN = frozenset(STOP_WORDS | _INCREMENT | _HOW_OFTEN)
"""Words after a number that are never the noun of a paired count."""


def _measure_over_date(ctx: _Context, sent: Span, start: int, measures: list[Span]) -> Span | None:
    """The measure word a date stands between and the number, with the number's own "on"
    (or "to") after the date ("convicted on Monday on 37 counts", "convicted on November 14
    on 37 counts": the measure "convicted on" takes the date's "on"; "pleaded guilty in April
    to 12 charges"), or None."""
    t = ctx.tokens
    k = start - 1
    if k <= sent.start or t.lower[k] not in ("on", "of", "with", "to"):
        return None
    j = k - 1
    while j > sent.start and j in ctx.timex_tokens:
        j -= 1
    if j == k - 1:
        return None  # no date between
    return next((c for c in measures if c.start <= j < c.end <= k), None)


def _counting_noun(
    ctx: _Context,
    sent: Span,
    start: int,
    noun_at: int,
    measures: list[Span],
    cue_at: dict[int, Span],
    unit: str | None = None,
    bodies: frozenset[str] = frozenset(),
) -> tuple[Span, str, str] | None:
    """A number that counts things, not people ("evacuated 11 villages", "a recall of 1.2
    million air fryers", "eight villages were evacuated"): its measure only when the measure
    word stands right before the number (an "of" between allowed) or right after the noun
    (a passive "were" between allowed), and the noun is named in the measure ("displaced
    (villages)"), so only counts of the same things are compared. Else None: "nine
    countries" in a sentence about casualties counts no casualty."""
    doc, t = ctx.doc, ctx.tokens
    end = noun_at
    while (
        end < sent.end
        and (t.alpha[end] or doc[end].like_num)
        and t.lower[end] not in STOP_WORDS
        and not ctx.is_break(doc[end])
        and end not in cue_at
    ):
        # "23 low-lying hamlets": a hyphenated compound describes the noun after it
        end += 3 if _hyphenated_modifier(ctx, end, sent.end) else 1
    nouns = [t.lower[i] for i in range(noun_at, end) if t.alpha[i] and not t.title[i]]
    if not nouns:
        return None
    # the head is the first plural ("air fryers", "villages near the coast"), else the last word
    noun = next((w for w in nouns if w.endswith("s") and not w.endswith("ss")), nouns[-1])
    if noun in _HOW_OFTEN:
        return None  # "arrested four times": how often, not how many
    cue = next((c for c in measures if c.end == start), None)
    if cue is None and start - 1 > sent.start and t.lower[start - 1] == "of":
        cue = next((c for c in measures if c.end == start - 1), None)
    if cue is None:
        cue = _measure_over_date(ctx, sent, start, measures)
    described = False
    if cue is None and _counted_where(ctx, sent, start) is not None:
        return None  # "1,400 appointments at the network's seven hospitals were called off"
    if cue is None:
        after = _after_owner(ctx, sent, end, cue_at)
        after = _counted_where(ctx, sent, after, ahead=True) or after
        while after < sent.end and t.lower[after] in _BEFORE_PARTICIPLE:
            after += 1
        cue = cue_at.get(after)
        # "74 measles cases", "12 flu deaths": the words before a plural measure noun right
        # after them describe it, and the number counts the measure's own noun; so does a
        # word before a body of people (``bodies``: "2,600 cabin crew")
        described = (
            cue is not None
            and after == end == noun_at + 1
            and (_plural_noun(t.lower[cue.end - 1]) or t.lower[cue.end - 1] in bodies)
            and not t.lower[noun_at].endswith(_ADJECTIVE_ENDINGS)
        )
    if cue is None:
        return None
    _prefix, rule_id, measure = cue.label_.split(":", 2)
    if unit is not None or described:
        return cue, rule_id, measure  # "offered 9.25% spread over three years": no count
    return cue, rule_id, f"{measure} ({noun})"


_ADJECTIVE_ENDINGS = ("ent", "ant", "ic", "ful", "less", "ish", "ary", "ible", "able", "ern", "ing")
"""Endings of a word before a measure noun that describe it as an adjective would ("33
different countries"): not the kind of thing counted."""


def _plural_noun(word: str) -> bool:
    """A plural noun by its ending ("cases", "deaths"), not a verb form ("killed")."""
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


_OWNER_GAP = 6
"""Most words in a name that owns the counted things ("of the Northern Line Express")."""


_STUFF_GAP = 2
"""Most words after "of" that say what counted things are ("pieces of jewellery")."""


def _after_owner(ctx: _Context, sent: Span, i: int, cues: Collection[int] = ()) -> int:
    """The index after "of" and a name at ``i`` ("six carriages of the Coastal Express left
    the rails": the name owns the carriages) or a word or two of what the things are ("nine
    pieces of jewellery stolen"; never past a measure word at one of ``cues``), else ``i``."""
    t = ctx.tokens
    if i >= sent.end or t.lower[i] != "of":
        return i
    k = i + 1
    if k < sent.end and t.lower[k] in ("the", "a", "an"):
        k += 1
    name_start = k
    while k < min(sent.end, name_start + _OWNER_GAP) and t.alpha[k] and t.title[k]:
        k += 1
    if k == name_start:
        # "the nine pieces of jewellery stolen": what the counted things are made of
        while (
            k < min(sent.end, name_start + _STUFF_GAP)
            and t.alpha[k]
            and t.lowercase[k]
            and t.lower[k] not in STOP_WORDS
            and k not in cues
        ):
            k += 1
    return k if k > name_start else i


_WHERE_PREPOSITIONS = frozenset({"at", "in", "across"})
_WHERE_GAP = 5
"""Most words in a count of the places counted things are at ("at the network's seven
hospitals")."""


def _counted_where(ctx: _Context, sent: Span, i: int, ahead: bool = False) -> int | None:
    """Where counted things are, told by a count of places in a preposition's phrase ("1,400
    appointments at the network's seven hospitals were called off"): ahead, the index after
    that phrase when it starts at token ``i`` and a plural noun ends it; else whether the
    number at ``i`` stands in such a phrase right after another count's plural noun (the
    index of its preposition, or None)."""
    t = ctx.tokens
    if ahead:
        if i >= sent.end or t.lower[i] not in _WHERE_PREPOSITIONS:
            return None
        k, seen_number = i + 1, False
        while k < min(sent.end, i + 1 + _WHERE_GAP):
            if ctx.doc[k].like_num:
                seen_number = True
            elif seen_number and t.alpha[k]:
                return k + 1 if _plural_noun(t.lower[k]) else None
            elif not _where_word(t, k):
                return None
            k += 1
        return None
    for k in range(i - 1, max(sent.start, i - _WHERE_GAP) - 1, -1):
        word = t.lower[k]
        if word in _WHERE_PREPOSITIONS:
            before = k - 1
            return (
                k
                if before > sent.start
                and _plural_noun(t.lower[before])
                and ctx.doc[before - 1].like_num
                else None
            )
        if not _where_word(t, k):
            return None
    return None


def _where_word(t: _Tokens, k: int) -> bool:
    """A word of the owner in a count of places ("the", "network", "'s")."""
    word = t.lower[k]
    return word in ("the", "its", "their", "'s", "\u2019s") or (
        t.alpha[k] and word not in STOP_WORDS
    )


def _hyphenated_modifier(ctx: _Context, k: int, end: int) -> bool:
    """True when tokens ``k`` to ``k + 2`` are a lower-case compound written with a hyphen
    and no spaces, followed by another word ("low-lying", "well-armed"): a modifier."""
    t = ctx.tokens
    return (
        k + 3 < end
        and t.lower[k + 1] == "-"
        and not t.spaced[k]
        and not t.spaced[k + 1]
        and t.lowercase[k]
        and t.alpha[k + 2]
        and t.lowercase[k + 2]
    )


def _is_modifier(token: Token) -> bool:
    """A word that can stand between a number and its noun ("12,000 confirmed cases",
    "120 new police officers")."""
    return token.lower_.endswith(("ed", "al", "ive", "ous")) or token.lower_ in _PLAIN_MODIFIERS


_PLAIN_MODIFIERS = frozenset({"new", "young", "small", "large", "big"})
"""Adjectives of no modifier ending that stand between a number and its noun."""
