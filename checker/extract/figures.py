"""Figures: amounts tied to what they measure ("revenue of $3bn", "a 40% rise")."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Span

from checker.extract.context import (
    _Context,
    _mention_at,
    _quiet_words,
    _unit_words,
    quantity_lexicon,
    stem,
)
from checker.extract.mentions import FactMention, TimexMention
from checker.model import Source
from checker.quantities import (
    NumberPhrase,
    QuantityLexicon,
    to_amount,
)
from checker.rules import RuleSet

_LATER_STEP = frozenset({"before"})
"""A guard word that, before a verb's -ing form, tells what the subject did next ("winds of
185 km/h before weakening inland"): the sentence's figure is still the story's own."""


def _part_before(ctx: _Context, sent_start: int, start: int, lexicon: QuantityLexicon) -> bool:
    """True when a part word stands after a word before the figure at ``start`` in its
    sentence ("In the north alone, 300 homes were lost"): the figure is a part of the story's
    total, not the total ("let alone 300" is none: ``not_part_after``)."""
    t = ctx.tokens
    return any(
        t.lower[k] in lexicon.part_words
        and t.alpha[k - 1]
        and t.lower[k - 1] not in lexicon.not_part_after
        for k in range(sent_start + 1, start)
    )


_FIGURE_DETERMINERS = frozenset(
    {"a", "an", "the", "its", "their", "his", "her", "our", "each", "'s", "\u2019s"}
)
"""Words before a figure that describes the noun after it ("a \u20ac40 rebate", "the insurer's
\u20ac100,000 reward")."""
"""Words before a figure that make it describe the noun after it ("a \u20ac5 credit")."""
_FIGURE_LINKS = frozenset({"of", "at", "to", "for", "just", "only", "now", "currently"})
"""Words between a figure and the word before it that says what it is ("the limit of 60 km/h")."""
_FIGURE_PREPOSITIONS = frozenset(
    {"of", "for", "on", "in", "at", "along", "across", "with", "under", "over", "near", "from"}
    | {"between", "into", "to", "by", "through", "within", "around", "inside", "outside"}
)
_NO_CHANGE_VERBS = frozenset({"by", "up", "down"})
_AUXILIARIES = frozenset({"will", "would", "can", "could", "should", "may", "might", "to", "be"})
"""Words between a subject and the copula that measures it ("the plant will produce")."""
_COMPOUND_REACH = 3
"""Most words in the compound a figure describes ("a 600-megawatt solar power plant")."""
"""Change words that are no verb: they say a change only before a figure ("by $2")."""
_FIGURE_RATES = frozenset(
    {"year", "month", "week", "day", "night", "season", "hour", "minute", "second", "annually"}
    | {"apiece", "each", "yearly", "monthly", "weekly", "daily", "hourly", "annual"}
)
"""Words after a figure (or after "a", "per") that make it a rate over time ("a year")."""
_PERIODS = {
    "annually": "year",
    "yearly": "year",
    "annual": "year",
    "monthly": "month",
    "weekly": "week",
    "daily": "day",
    "hourly": "hour",
    "apiece": "each",
}
"""The period a rate word names ("annually": a year), so "$4 million a year" and "$4 million
annually" are rates of one key."""
_PARTICLES = frozenset({"aside", "up", "out", "off", "down", "back", "away", "over"})
"""The second word of a phrasal verb a figure may follow ("set aside $4 million", "put up
$2 million"): the figure is tied to the verb, and quoted without the particle."""
_FIGURE_QUOTES = frozenset({'"', "\u201c", "\u201d", "\u00ab", "\u00bb"})


def figure_key(word: str) -> str:
    """The key of a figure's head word: its crude stem without a final "e", so "raise",
    "raising" and "raised" meet ("rais"), and "price" and "priced"; a three-letter verb's
    "-ing" form its verb ("paying": "pay")."""
    key = stem(word)
    if key.endswith("ing") and len(key) == 6:
        return key[:3]  # "paying" and "pay", "buying" and "buy" (short stems ``stem`` keeps)
    return key[:-1] if key.endswith("e") and len(key) > 3 else key


def _figure_head(
    ctx: _Context,
    left: int,
    start: int,
    end: int,
    phrase: NumberPhrase,
    copulas: frozenset[str],
    compound: bool = False,
) -> tuple[str, int] | None:
    """The word that says what a figure in a unit measures, and its token: the noun it
    describes ("a \u20ac40 rebate"; with ``compound``, the last word of that noun's compound:
    "a 600-megawatt solar plant": "plant"), else the word before it ("raising \u20a62 billion",
    "the limit of 60 km/h"), else, after a copula, the head of the subject ("the height
    limit under the bridge is 4 metres": "limit"; auxiliaries between allowed: "the plant
    will produce 900 megawatts"). None when no such word is found."""
    t = ctx.tokens
    k = end + 1 if phrase.hyphenated else end
    before = t.lower[start - 1] if start > left else ""

    def describable(j: int) -> bool:
        return (
            j < len(t.lower)
            and t.sent_start[j] == t.sent_start[start]
            and t.alpha[j]
            and t.lowercase[j]
            and t.lower[j] not in STOP_WORDS
        )

    if before in _FIGURE_DETERMINERS and describable(k):
        if compound:
            while (
                describable(k + 1)
                and t.lower[k + 1] not in _FIGURE_PREPOSITIONS
                and k + 1 - end < _COMPOUND_REACH
            ):
                k += 1
        return t.lower[k], k
    i = start - 1
    while i >= left and t.lower[i] in _FIGURE_LINKS:
        i -= 1
    sent_start = t.sent_start[start]
    if i < left:
        if start - 1 > sent_start and t.lower[start - 1] == ",":
            # "The fresco, some 80 square metres, ...": a figure set beside the sentence's
            # subject measures it
            return _subject_head(ctx, sent_start, start - 1, whole=True)
        return None
    if t.lower[i] in copulas:
        verb = i
        while verb - 1 > left and t.lower[verb - 1] in _AUXILIARIES:
            verb -= 1  # "the plant will produce": the subject ends before "will"
        head = _subject_head(ctx, left, verb)
        if head is None and left - 1 > sent_start and t.lower[left - 1] == ",":
            # "The fresco, found last year, covers about 120 square metres": the subject
            # before the words set between commas
            opening = next((j for j in range(left - 2, sent_start, -1) if t.lower[j] == ","), None)
            if opening is not None:
                head = _subject_head(ctx, sent_start, opening, whole=True)
        return head
    if t.alpha[i] and t.lower[i] not in STOP_WORDS and len(t.lower[i]) > 2:
        if t.lowercase[i]:
            return t.lower[i], i
        if (
            t.title[i]
            and i + 2 == start
            and t.lower[i + 1] == "of"
            and not any(t.text[j].strip() for j in range(sent_start, i))
        ):
            return t.lower[i], i  # "Gusts of 60 km/h": the sentence's first word
    return None


def _opens_with_the(ctx: _Context, sent_start: int, head_at: int) -> bool:
    """True when the sentence opens with "the" and the word at ``head_at`` at most three
    words after it, all words ("The floor mosaic"): the subject is a thing the story knows."""
    t = ctx.tokens
    first = sent_start
    while first < head_at and t.text[first].isspace():
        first += 1
    return (
        t.lower[first] == "the"
        and head_at - first <= 3
        and all(t.alpha[k] for k in range(first, head_at + 1))
    )


_EACH = frozenset({"each", "every"})
"""Words before a figure in its sentence that make it each one's share ("every adult will
receive $600", "will each get S$600"): keyed apart from a total of the same word."""


UP_TO_HEDGE = "le"
"""The hedge of a cap ("up to", lexicon ``hedges``)."""


def _hedge_allowed(phrase: NumberPhrase, lexicon: QuantityLexicon, hedged: frozenset[str]) -> bool:
    """True for an estimate ("about 120 square metres", "some 80 square metres") of a
    dimension of ``hedged``: its range, some 10% either side, is compared."""
    return phrase.hedge == "approx" and to_amount(phrase, lexicon).dimension.split(":")[0] in hedged


def _subject_head(
    ctx: _Context, left: int, verb: int, *, whole: bool = False
) -> tuple[str, int] | None:
    """The head of the subject before the verb at token ``verb``: from the first determiner
    of the words before it to its first preposition, the last word ("the height limit under
    the bridge is": "limit"). None when the subject has no determiner or holds a name; with
    ``whole``, also when the subject does not start at ``left`` (the sentence's start)."""
    t = ctx.tokens
    first = None
    for j in range(verb - 1, max(left, verb - 9) - 1, -1):
        if t.lower[j] in _FIGURE_DETERMINERS:
            first = j
    if first is None or (whole and any(not t.text[j].isspace() for j in range(left, first))):
        return None
    head = None
    for j in range(first + 1, verb):
        if t.lower[j] in _FIGURE_PREPOSITIONS:
            break
        if not (t.alpha[j] and t.lowercase[j]) or t.lower[j] in STOP_WORDS:
            return None
        head = j
    return (t.lower[head], head) if head is not None else None


def _figure_config(ruleset: RuleSet) -> tuple | None:
    """The options of the first ``generic`` quantity rule ``_figures`` reads, as sets, read
    once per rule set: the rule, its dimensions, described dimensions, change nouns,
    copulas, hedged, compound dimensions, guard words, same heads and dimension keys. None
    when no rule is ``generic``."""
    rules = [r for r in ruleset.of_kind("quantity") if r.options.get("generic")]
    if not rules:
        return None
    rule = rules[0]
    return (
        rule,
        rule.options.get("dimensions") or (),
        # dimensions compared only for a figure that describes the noun after it ("a 12%
        # stake"), never one of the ``change_nouns`` ("a 5% rise")
        frozenset(rule.options.get("described_dimensions", ())),
        frozenset(rule.options.get("change_nouns", ())),
        frozenset(rule.options.get("copulas", ())),
        frozenset(rule.options.get("hedged_dimensions", ())),
        frozenset(rule.options.get("compound_dimensions", ())),
        frozenset(rule.options.get("guard_words", ())),
        {
            figure_key(word): figure_key(head)
            for word, head in rule.options.get("same_heads", {}).items()
        },
        # dimensions whose figures are keyed by a word of their own, whatever word they are
        # tied to ("reached 44C", "hit 46 degrees Celsius": temperature)
        rule.options.get("dimension_keys", {}),
    )


def _figures(
    ctx: _Context,
    source: Source,
    ruleset: RuleSet,
    timexes: list[TimexMention],
    found: list[FactMention],
) -> list[FactMention]:
    """Figures in a unit or currency no declared measure takes ("a \u20ac40 rebate", "raising
    \u20a62 billion", "the limit of 60 km/h"), for a quantity rule with ``generic``: each
    keyed by its head word (``_figure_head``) and compared with another source's figure of
    the same key and dimension. Left out: a bound or an estimate ("about", "more than"), a
    range, one of a list, a change or its earlier value ("rose by", "from"), the value a
    change led to ("rose 5% to"), a rate ("a litre") unless both sources give it, a figure
    of a sentence with a quotation or with one of the rule's ``guard_words`` (an earlier
    figure, a comparison), and every figure of a key a source gives two different values."""
    config = ruleset.derived("figure_config", lambda: _figure_config(ruleset))
    if config is None:
        return []
    rule, allowed, described, change_heads, copulas, hedged, compound, guards = config[:8]
    same_heads, dimension_keys = config[8:]
    lexicon = quantity_lexicon(ruleset)
    doc, t = ctx.doc, ctx.tokens
    taken = [
        (m.where.start, m.where.end) for m in found if m.family in ("quantity", "count", "paired")
    ]
    quiet = ruleset.derived("quantity_quiet_words", lambda: _quiet_words(ruleset, lexicon))
    timex_tokens = ctx.timex_tokens
    dateline = source.dateline
    by_key: dict[str, list[tuple[float, float, FactMention]]] = defaultdict(list)
    # every figure of a dimension keyed by its own word, told in a sentence not guarded
    every: dict[str, list[tuple[float, float]]] = defaultdict(list)
    # a figure has a unit or a currency: only the sentences that may give one
    unit_words = ruleset.derived("unit_words", lambda: _unit_words(lexicon))
    for sent_start in sorted(ctx.unit_sentences(lexicon, unit_words)):
        sent_end = t.sent_end[sent_start]
        words = t.lower[sent_start:sent_end]
        phrases = ctx.numbers_at(sent_start, lexicon)
        # a guard word inside a figure's own unit ("60 kilometres per hour") guards nothing
        in_units = {k for p in phrases if p.unit is not None for k in range(p.start, p.end)}
        # nor a "per" right after a figure: its price per unit ("342 dirhams per share")
        in_units |= {
            p.end
            for p in phrases
            if p.unit is not None and p.end + 1 < len(words) and words[p.end] == "per"
        }
        if _FIGURE_QUOTES.intersection(words) or any(
            w in guards
            and k not in in_units
            and not (k and f"{words[k - 1]} {w}" in lexicon.hedges)
            and not (w in _LATER_STEP and k + 1 < len(words) and words[k + 1].endswith("ing"))
            for k, w in enumerate(words)
        ):
            continue  # "more than" is a hedge of its own figure, no comparison
        # a figure's first word, or its number after a currency sign; a count with no unit
        # says no change ("backed by 25 aircraft")
        starts = {sent_start + p.start for p in phrases if p.unit is not None} | {
            sent_start + p.start + 1 for p in phrases if p.hedge is None and p.unit is not None
        }
        # "a $60 rebate, up from $45": a sentence that gives an earlier value
        changed = {p.unit for p in phrases if p.start and words[p.start - 1] in lexicon.from_words}
        heads: list[tuple[str, int, int, int, NumberPhrase]] = []
        unit_ends: dict[int, int] = {}  # a price per unit's end: "342 dirhams per share"
        for phrase in phrases:
            if dimension_keys and phrase.unit is not None and phrase.value is not None:
                amount = to_amount(phrase, lexicon)
                own = dimension_keys.get(amount.dimension.split(":")[0])
                if own is not None:  # every one counts against another: "lows of 25C"
                    every[f"{own}:{amount.dimension}"].append((amount.low, amount.high))
            bound = phrase.hedge == UP_TO_HEDGE and phrase.value is not None
            if bound:
                # "up to NZ$500 million a week": a cap, set against another source's cap of
                # the same key only, by the figures capped
                phrase = replace(phrase, hedge=None)
            if (
                phrase.unit is None
                or phrase.value is None
                or (phrase.hedge is not None and not _hedge_allowed(phrase, lexicon, hedged))
                or phrase.listed
                or phrase.vague is not None
            ):
                continue
            start, end = sent_start + phrase.start, sent_start + phrase.end
            if any(i in timex_tokens for i in range(start, end)):
                continue
            if dateline and dateline.start <= doc[start].idx < dateline.end:
                continue
            first, last = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
            if any(a < last and first < b for a, b in taken):
                continue  # a declared measure's figure
            if (
                end < sent_end
                and t.alpha[end]
                and t.lower[end] not in STOP_WORDS
                and to_amount(phrase, lexicon).dimension == "mass"
            ):
                # "a 250 kg bomb", "10 mg tablets", "a 400 oz gold bar": a mass that grades
                # a kind of thing; two outlets' may be two things ("seized 12 kg of" is one)
                continue
            left, right = ctx.clause(start, end)
            before = t.lower[start - 1] if start > sent_start else ""
            if before in lexicon.change_words or before in lexicon.from_words:
                continue
            if phrase.unit in changed:
                continue  # "a $60 rebate, up from $45": the sentence tells a change
            change = next(
                (
                    i
                    for i in range(start - 2, sent_start - 1, -1)
                    if t.lower[i] in lexicon.change_words
                    and (t.lower[i] not in _NO_CHANGE_VERBS or i + 1 in starts)
                ),
                None,
            )
            if change is not None:
                # "the fare for adults rose by $2 to $9": the level the change led to, of
                # the change's subject ("fare"); none without a subject with a determiner
                # ("Acme shares fell $2 to close at $40": a name's)
                verb = change
                while verb - 1 > sent_start and t.lower[verb - 1] in lexicon.change_words:
                    verb -= 1  # "rose by", "went up by"
                if t.lower[verb] in _NO_CHANGE_VERBS and verb - 1 > sent_start:
                    verb -= 1  # "went up"
                head = _subject_head(ctx, ctx.clause(verb, verb + 1)[0], verb)
            else:
                head = _figure_head(
                    ctx,
                    left,
                    start,
                    end,
                    phrase,
                    copulas,
                    to_amount(phrase, lexicon).dimension in compound,
                )
            if head is None:
                continue
            key = figure_key(head[0])
            key = same_heads.get(key, key)  # "costs" and "the price": one key
            key = dimension_keys.get(to_amount(phrase, lexicon).dimension.split(":")[0], key)
            after_at = head[1] + 1 if head[1] >= end else end  # "a $5 rebate a year"
            after = t.lower[after_at : min(sent_end, after_at + 2)]
            if after[:1] and after[0] in _FIGURE_RATES:
                # "$4 million annually", "$5 apiece": a rate, set only against a rate of
                # the same period
                key += "/" + _PERIODS.get(after[0], after[0])
                unit_ends[start] = after_at + 1
            elif after[:1] in (["a"], ["an"], ["per"]) and len(after) > 1:
                # "9,500 riel a kilo", "$9,850 a month": a price per unit or a rate, no total
                key += "/" + _PERIODS.get(after[1], after[1])
                unit_ends[start] = after_at + 2  # quoted with its unit
            elif head[1] < start and _EACH.intersection(t.lower[ctx.clause(start, end)[0] : start]):
                # "every adult will receive $600": each one's, no total (not a figure that
                # names its thing: "every household would get a €40 rebate")
                key += "/each"
            if bound:
                key += "/up to"
            heads.append((key, start, end, head[1], phrase))
        keys = Counter(h[0] for h in heads)
        for key, start, end, head_at, phrase in heads:
            if keys[key] > 1:
                continue  # two figures of one key in a sentence: of two things
            amount = to_amount(phrase, lexicon)
            dimension = amount.dimension.split(":")[0]
            if dimension in described:
                if head_at < end or t.lower[head_at] in change_heads:
                    continue  # "rose 5%", "a 5% rise": a change, no figure of a thing
            elif dimension not in allowed:
                continue
            sent = doc[sent_start:sent_end]
            names = ctx.quantity_names(sent, dateline) - quiet
            context = (
                ctx.content_words(sent_start, sent_end, skip=(start, end)) - quiet - {key}
            ) - {stem(t.lower[head_at])}
            if amount.dimension in compound:
                # "a 600-megawatt solar plant", "the plant will produce 900 megawatts": a
                # power keyed by its noun is that thing's, whatever else the sentences say
                context.add("the " + key)
            elif head_at < start and _opens_with_the(ctx, sent_start, head_at):
                # "The fresco, some 80 square metres, ...", "The fresco covers 120 square
                # metres": a measure of the thing the story knows, told as the subject
                context.add("the " + key)
            # quoted with its word when near ("raised ₦2.4 billion", "a €40 rebate"), else
            # with the word before it ("to 9,800 riel", "is 4 metres")
            near = head_at >= end or (start - head_at <= 3 and "," not in t.lower[head_at:start])
            shown_start = (
                min(start, head_at)
                if near
                else max(sent_start, start - 1)
                if start > sent_start and t.alpha[start - 1]
                else start
            )
            shown_end = max(end, head_at + 1, unit_ends.get(start, 0))
            trigger = key if key in dimension_keys.values() else t.lower[head_at]
            if head_at == start - 1 and t.lower[head_at] in _PARTICLES:
                # "set aside C$24 million": the figure alone is quoted, tied to "set aside"
                shown_start = start
                if head_at > sent_start and t.alpha[head_at - 1]:
                    trigger = f"{t.lower[head_at - 1]} {trigger}"
            mention = FactMention(
                rule=rule.id,
                family="quantity",
                where=_mention_at(source, t, shown_start, shown_end),
                tense=ctx.tense(start, end),
                trigger=trigger,
                event_class=key,
                context=frozenset(context | names),
                amount=phrase,
                role="level",
                names=frozenset(names),
            )
            by_key[f"{key}:{amount.dimension}"].append((amount.low, amount.high, mention))
    facts = []
    for name, figures in by_key.items():
        first_low, first_high = figures[0][:2]
        if all(
            lo <= first_high and first_low <= hi
            for lo, hi in [f[:2] for f in figures] + every.get(name, [])
        ):
            facts.extend(m for _lo, _hi, m in figures)  # else several different values
    return facts


def _anchored_changes(
    ctx: _Context, source: Source, ruleset: RuleSet, found: list[FactMention]
) -> list[FactMention]:
    """Percentage changes told beside a figure they start from or end at ("up 7% from 1.4
    million", "against 1.4 million ..., an increase of 17%"), for a quantity rule with
    ``anchored``: each keyed "change" with that figure in its context, so two sources'
    changes are compared only when told beside one same figure (the anchor: at least 100,
    no date, no percentage). A change is a percentage right after a change word ("up",
    "rose") or after one of the rule's ``change_nouns`` and "of" ("an increase of 17%"); a
    sentence with two such changes, or a change a declared measure took, gives none."""
    rules = [r for r in ruleset.of_kind("quantity") if r.options.get("anchored")]
    if not rules:
        return []
    rule = rules[0]
    nouns = frozenset(rule.options.get("change_nouns", ()))
    if not nouns:
        return []
    lexicon = quantity_lexicon(ruleset)
    t = ctx.tokens
    taken = [(m.where.start, m.where.end) for m in found if m.family == "quantity"]
    facts = []
    # a change is a percentage: only the sentences whose numbers may carry a unit
    unit_words = ruleset.derived("unit_words", lambda: _unit_words(lexicon))
    for sent_start in sorted(ctx.unit_sentences(lexicon, unit_words)):
        phrases = [
            p
            for p in ctx.numbers_at(sent_start, lexicon)
            if not any(
                i in ctx.timex_tokens for i in range(sent_start + p.start, sent_start + p.end)
            )
        ]
        changes = []
        for p in phrases:
            start = sent_start + p.start
            if p.unit != "percent" or p.value is None or p.hedge is not None or p.listed:
                continue
            if start - 1 >= sent_start and t.lower[start - 1] in lexicon.change_words:
                changes.append((p, start - 1))  # "up 11%", "rose 11%"
            elif (
                start - 2 >= sent_start
                and t.lower[start - 1] == "of"
                and t.lower[start - 2] in nouns
            ):
                changes.append((p, start - 2))  # "an increase of 17%"
        if len(changes) != 1:
            continue
        phrase, word_at = changes[0]
        start, end = sent_start + phrase.start, sent_start + phrase.end
        anchors = [
            q
            for q in phrases
            if q is not phrase
            and q.value is not None
            and q.value >= 100
            and q.unit != "percent"
            and q.vague is None
        ]
        if not anchors:
            continue
        first = ctx.doc[word_at].idx
        last = ctx.doc[end - 1].idx + len(ctx.doc[end - 1])
        if any(a < last and first < b for a, b in taken):
            continue  # a declared measure's change
        context = frozenset(f"={q.value:g}:{q.unit or 'count'}" for q in anchors)
        near = min(anchors, key=lambda q: abs(q.start - phrase.start))  # "up 7% from 1.4m"
        anchor = ctx.doc[sent_start + near.start : sent_start + near.number_end].text
        facts.append(
            FactMention(
                rule=rule.id,
                family="quantity",
                where=_mention_at(source, t, word_at, end),
                tense=ctx.tense(start, end),
                trigger=anchor,
                event_class="change",
                context=context,
                amount=phrase,
                role="change",
            )
        )
    return facts


def _role_fits(
    ruleset: RuleSet, rule_id: str, role: str, phrase: NumberPhrase, lexicon: QuantityLexicon
) -> bool:
    """True when a rule with ``roles`` takes the number: its role is one of them and its
    unit one of the rule's dimensions ("won by 12 seconds"). Its cue words name no other
    number ("won 52% of the vote" is left to the rules that measure votes)."""
    return role in ruleset.rules[rule_id].options["roles"] and _takes(
        ruleset, rule_id, phrase, lexicon
    )


def _length(phrase: NumberPhrase, lexicon: QuantityLexicon) -> bool:
    """True for a distance: a number of metres, kilometres or miles."""
    return phrase.unit is not None and to_amount(phrase, lexicon).dimension == "length"


def _timed(phrase: NumberPhrase, lexicon: QuantityLexicon) -> bool:
    """True for a number of seconds, minutes or hours: a time taken, not a date."""
    return phrase.unit is not None and to_amount(phrase, lexicon).dimension == "time"


def _fitting_rule(
    ruleset: RuleSet,
    lexicon: QuantityLexicon,
    phrase: NumberPhrase,
    measures: list[Span],
    found: tuple[Span, str, str],
) -> tuple[Span, str, str]:
    """The measure of ``found``'s cue word in the rule whose dimensions take the number's
    unit, when two rules share the word: "offered 7.25%" is a pay offer in percent, "offered
    $5 million" a sum of money. Else ``found`` as it is."""
    cue, rule_id, measure = found
    siblings = [
        c for c in measures if c.start == cue.start and c.end == cue.end and c.label_ != cue.label_
    ]
    if not siblings or _takes(ruleset, rule_id, phrase, lexicon):
        return found
    for sibling in siblings:
        _prefix, other, other_measure = sibling.label_.split(":", 2)
        if _takes(ruleset, other, phrase, lexicon):
            noun = measure[measure.rfind(" (") :] if measure.endswith(")") else ""
            return sibling, other, other_measure + noun
    return found


def _takes(ruleset: RuleSet, rule_id: str, phrase: NumberPhrase, lexicon: QuantityLexicon) -> bool:
    """True when the rule's ``dimensions`` (all when it has none) take the number's unit."""
    allowed = ruleset.rules[rule_id].options.get("dimensions")
    return not allowed or to_amount(phrase, lexicon).dimension.split(":")[0] in allowed
