"""Dated happenings and deadlines: which event a date belongs to, and its relation to it."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Span

from checker.extract.context import (
    _DEFINITE,
    _DETERMINERS,
    _INDEFINITE,
    _MAIN_REACH,
    _ORDINAL_DIGITS,
    _POSSESSIVE,
    _Context,
    _mention_at,
    stem,
)
from checker.extract.mentions import Extraction, FactMention, Mention, TimexMention
from checker.model import Source, Tense
from checker.nlp import MAX_SENTENCE_TOKENS
from checker.rules import Rule, RuleSet
from checker.temporal import TimexParts

_POSITIONS = {
    "next": "next",
    "upcoming": "next",
    "following": "next",
    "previous": "previous",
    "prior": "previous",
    "preceding": "previous",
}


def _lead_end(ctx: _Context, sentences: int) -> int:
    """Token index where the lead ends: after the body's first ``sentences`` sentences (a
    headline, a byline or a header line, which end in no full stop, are not counted). A
    text with no full stop (a pasted crawl on one line, cut into ``MAX_SENTENCE_TOKENS``
    pieces) has a lead of at most ``sentences`` such pieces: else every date of it would be
    a lead date, and each one's words the text before it (work growing with the square of
    the text's length)."""
    t = ctx.tokens
    size = min(len(t.text), sentences * MAX_SENTENCE_TOKENS)
    i = counted = 0
    while i < size and counted < sentences:
        end = t.sent_end[i]
        last = end - 1
        while last > i and t.text[last] in ('"', "\u201d", "'", "\u2019", ")"):
            last -= 1
        if t.text[last] in (".", "!", "?") and end - i >= 6:
            counted += 1
        i = end
    return i


def _after_not_after(ctx: _Context, span: Span, options: dict) -> bool:
    """True when date ``span`` opens with or follows a ``not_after`` word ("since Monday",
    "until Friday"); not the last part of a hyphenated word ("gave the go-ahead on
    Wednesday")."""
    t = ctx.tokens
    words = options.get("not_after", ())
    if span.start == 0:
        return False
    if t.lower[span.start] in words:
        return True
    return t.lower[span.start - 1] in words and not (
        span.start > 1 and t.text[span.start - 2] == "-"
    )


def _lead_event(
    ctx: _Context, span: Span, tense: Tense, rule: Rule
) -> tuple[Span, str, Tense] | None:
    """The main event a lead date belongs to: (event word, class) of the nearest event
    word in the date's clause ("crashed ... on Wednesday evening", "the decision on Tuesday
    to put ..."), the clause widened over a "when" clause that follows ("were killed on
    Saturday when an avalanche swept ..."), with the tense the date is read in. None for a
    date that is not the event's."""
    t = ctx.tokens
    lower = t.lower
    options = rule.options
    if _after_not_after(ctx, span, options):
        return None  # "since Monday", "until Friday": not when it happened
    if (
        span.start > 1
        and lower[span.start - 1] in ("and", "or")
        and span.start - 2 in ctx.timex_tokens
    ):
        return None  # "on Monday and Tuesday": the second day of a list has no event of its own
    left, right = ctx.joined_clause(span.start, span.end)
    sent_end = t.sent_end[span.start]
    after = right + (right < sent_end and t.text[right] == ",")
    if after < sent_end and lower[after] == "when":
        right = ctx.clause(after + 1, min(after + 2, sent_end))[1]
    best: tuple[int, Span, str] | None = None
    unless = set(options.get("unless_before", ()))
    opens_clause = _opens_clause(ctx, span)
    for cue in ctx.cues_at(t.sent_start[span.start], ""):
        label = cue.label_
        if not label.startswith(("event:", "lead:")) or not left <= cue.start < right:
            continue
        if opens_clause and cue.start < span.start:
            continue  # "saw her off in the quarter-final, and on Wednesday she trained"
        if span.start <= cue.start < span.end or _inside_name(ctx, cue.start):
            continue
        if ctx.attributive_at(cue.start, cue.end):
            continue  # "boarded the hijacked tanker on Sunday": not the hijacking's day
        if _describes_noun(ctx, cue):
            continue  # "the ruling Liberal Party on Saturday elected": no ruling's day
        if _phrasal_verb(ctx, cue):
            continue  # "floodwater cut them off last Thursday": no rate cut's day
        if _after_past_plan(ctx, cue):
            continue  # "the ministers were to meet on Friday but the talks were called off"
        if any(
            lower[i] in unless and i not in ctx.timex_tokens
            for i in range(max(left, cue.start - 3), cue.start)
        ):
            return None  # "a second blast on Friday": another event of the class
        between = (
            range(cue.end, span.start) if cue.end <= span.start else range(span.end, cue.start)
        )
        if any(i in ctx.timex_tokens for i in between):
            continue  # "crashed on Tuesday ... gathered today": the nearer date is the event's
        if _figure_between(ctx, cue, span):
            continue  # "taken ill after a wedding rose to 58 on Monday": the count's day
        if cue.end <= span.start and _agent_before_passive(ctx, cue, span):
            continue  # "hikers trapped by a storm were rescued on Saturday": the rescue's day
        distance = len(between)
        if best is None or distance < best[0]:
            best = (distance, cue, label.split(":", 1)[1])
    if best is None:
        return None
    distance, cue, event_class = best
    if tense in ("past", "none"):
        return cue, event_class, tense
    ahead = any(
        left <= c.start < span.start for c in ctx.cues_at(t.sent_start[span.start], "tense:future")
    )
    if distance <= 1 and not ahead:
        # "the decision on Tuesday to put the bank under curatorship": the event noun's own
        # date, not the tense of the clause's infinitive; the nearest such day
        return cue, event_class, "none"
    return None


_PASSIVE_AUXILIARIES = frozenset({"was", "were", "is", "are", "been", "be"})


def _after_past_plan(ctx: _Context, cue: Span) -> bool:
    """True when the event word is the verb of a plan told in the past ("the ministers were
    to meet on Friday", "was due to meet"): the plan may have failed."""
    t = ctx.tokens
    if cue.start < 2 or t.lower[cue.start - 1] != "to":
        return False
    first = max(t.sent_start[cue.start], cue.start - 3)
    return any(ctx.past_plan_at(i) for i in range(first, cue.start - 1))


_OBJECT_PRONOUNS = frozenset({"them", "him", "her", "it", "us", "me", "you"})


def _phrasal_verb(ctx: _Context, cue: Span) -> bool:
    """True when a one-word event word is the verb of a phrasal verb with "off" ("floodwater
    cut them off", "cavers cut off by floodwater"): another verb than the event's ("a rate
    cut", "the central bank cut rates"); not "off" before a place ("capsized off the
    coast")."""
    t = ctx.tokens
    if cue.end - cue.start != 1:
        return False
    if cue.start > t.sent_start[cue.start] and t.lower[cue.start - 1] in _DETERMINERS:
        return False  # "called the match off": the event word is a noun, the verb before it
    k, end = cue.end, t.sent_end[cue.start]
    if k < end and t.lower[k] in _OBJECT_PRONOUNS:
        k += 1
    if not (k < end and t.lower[k] == "off"):
        return False
    # "capsized off the coast", "sank off Valdoria": "off" opens a place, no particle
    return not (k + 1 < end and (t.lower[k + 1] in _DETERMINERS or t.title[k + 1]))


def _agent_before_passive(ctx: _Context, cue: Span, span: Span) -> bool:
    """True when the event word is the agent of a participle ("trapped by a storm", "pinned
    down by the storm high on the peak") and a passive verb of its own stands between it
    and the date ("were rescued on Saturday"): the date is what befell the subject later."""
    t = ctx.tokens
    first = t.sent_start[cue.start]
    k = cue.start - 1
    while k > first and k >= cue.start - 2 and t.alpha[k] and t.lowercase[k] and t.lower[k] != "by":
        k -= 1  # "by a sudden storm": over a determiner and a describing word
    if k < first or t.lower[k] != "by":
        return False
    return any(
        t.lower[i] in _PASSIVE_AUXILIARIES
        and t.alpha[i + 1]
        and t.lower[i + 1].endswith(("ed", "en"))
        and t.lower[i - 1] not in ("that", "which")  # "a landslide that was triggered"
        for i in range(cue.end, span.start - 1)
    )


def _main_clause(ctx: _Context, span: Span) -> tuple[int, int]:
    """The clause a main-event date belongs to: its own, or, for a date set off by commas
    ("wrecked a block in Lindvale, France, on Tuesday, killing two"), the clause before it."""
    t = ctx.tokens
    left, right = ctx.joined_clause(span.start, span.end)
    first = t.sent_start[span.start]
    # over the commas before it, as long as only names stand between ("in Lindvale, France,"),
    # or a place's phrase ("near Lindvale, in northern France,")
    for _ in range(3):
        if left - 1 <= first or any(
            t.lowercase[i] and t.alpha[i] and not _place_phrase_word(ctx, i, left)
            for i in range(left, span.start)
        ):
            break
        left = ctx.joined_clause(left - 2, left - 1)[0]
    # a bounded reach: a text with no full stop is one long clause
    return max(left, span.start - _MAIN_REACH), min(right, span.end + _MAIN_REACH)


_PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "off"})


def _place_phrase_word(ctx: _Context, i: int, left: int) -> bool:
    """True when lower-case token ``i`` belongs to a place's phrase set off by commas that
    opens at ``left``: its preposition ("in", "near") or an adjective of place before a
    name ("in northern France")."""
    t = ctx.tokens
    if i == left:
        return t.lower[i] in _PLACE_PREPOSITIONS
    return t.lower[i] in ctx.place_adjectives and i + 1 < len(t.lower) and t.title[i + 1]


_RELATIVE_PRONOUNS = frozenset(
    {"that", "which", "who", "whose", "whom", "how", "why", "whether", "where"}
)
"""Words that open a clause of its own after a date: a verb after them is not the date's
("on Monday to survivors of a quake that killed 10", "trying on Monday to find out how a
gang stripped the gallery")."""


def _main_event(
    ctx: _Context, span: Span, tense: Tense, rule: Rule
) -> tuple[Span, str, Tense] | None:
    """The main event a lead date belongs to when no event class names it (a ``main``
    rule): the word that dates it is the nearest verb in the past or event word before the
    date in its clause ("debuted last Tuesday"), else the noun a possessive date is the day
    of ("last Saturday's final"), else the first such word after it. Which event it is, is
    told by what two sources' leads share (``align.pair_score``). None for a date that
    looks ahead, one after a `not_after` word ("since Monday"), beside an `unless_before`
    word ("a second rise on Friday"), the second day of a list, or a clause with no
    word of a happening."""
    t = ctx.tokens
    lower = t.lower
    options = rule.options
    if tense not in ("past", "none"):
        return None
    if _after_not_after(ctx, span, options):
        return None
    if (
        span.start > 1
        and lower[span.start - 1] in ("and", "or")
        and span.start - 2 in ctx.timex_tokens
    ):
        return None
    left, right = _main_clause(ctx, span)
    unless = set(options.get("unless_before", ()))
    # the words that tell a happening: verbs in the past ("debuted", "rose") and event
    # words, but no auxiliary or reporting verb ("was", "said")
    plain = set(options.get("not_events", ()))
    marked = {
        c.start for c in ctx.cues_at(t.sent_start[span.start], "tense:past") if c.end - c.start == 1
    }
    happenings = [
        i
        for i in range(left, right)
        if not span.start <= i < span.end
        and i not in ctx.timex_tokens
        and lower[i] not in plain
        and (ctx.past_at(i) or i in marked or lower[i] in ctx.event_words)
        and not ctx.attributive_at(i, i + 1)
        and not (
            lower[i] in ctx.adjective_event_words and _describes_noun(ctx, Span(ctx.doc, i, i + 1))
        )  # "the ruling party"
        and not _gives_figure(ctx, i)  # "rose to 58": a figure's day, not a happening's
    ]
    before = [i for i in happenings if i < span.start]
    possessive = next(
        (i + 1 for i in (span.end - 1, span.end) if i < right and lower[i] in _POSSESSIVE),
        None,
    )
    if possessive is not None:
        # "finished second in last Saturday's final": the noun the date is the day of
        nouns = [i for i in range(possessive, right) if t.alpha[i] and lower[i] not in STOP_WORDS]
        if not nouns:
            return None
        at = nouns[0]
        while at + 1 < right and t.alpha[at + 1] and lower[at + 1] not in STOP_WORDS:
            at += 1  # "cup final": the head is the last noun of the run
    elif before:
        # "debuted last Wednesday", "a poisoning at a wedding on Saturday": the nearest
        # word of a happening before the date
        at = before[-1]
        if _figure_between(ctx, ctx.doc[at : at + 1], span):
            return None  # "taken ill after a wedding rose to 58 on Monday": the count's day
    elif after := [
        i
        for i in happenings
        if i > span.start
        and lower[i] not in ctx.event_words
        and not _RELATIVE_PRONOUNS.intersection(lower[span.end : i])
    ]:
        # "On Monday, the bridge was reopened": a verb after its date, not one of a
        # relative clause ("Monday to survivors of a quake that killed 10": the quake's)
        at = after[0]
    else:
        return None
    if any(
        lower[i] in unless or ctx.ordinals.get(lower[i], 1) > 1
        for i in range(max(left, at - 3), at)
        if i not in ctx.timex_tokens
    ):
        return None  # "the sixth aftershock shook", "a second rise": another event
    if not set(options.get("unless_after", ())).isdisjoint(lower[at + 1 : min(right, at + 4)]):
        return None  # "violence flared up again on Saturday": a later instance
    return ctx.doc[at : at + 1], "main", tense


_CLAUSE_AUXILIARIES = frozenset(
    {"was", "were", "is", "are", "be", "been", "has", "have", "had", "will", "would"}
)
"""Auxiliaries between a happening clause's subject and its verb ("was closed", "will be")."""
_CLAUSE_OPENERS = frozenset({"that", "when", "after", "and", "as", "but", "while", "before"})
"""Words a happening clause's subject may follow ("officials said that the plant closed")."""
_CLAUSE_REACH = 12
"""Tokens at most between a happening clause's verb and its date."""
_QUOTES = frozenset({'"', "\u201c", "\u201d"})


def verb_family(word: str, forms: dict[str, str]) -> str:
    """The family of a verb or its inflection: "closed", "closes", "close" and "closing" are
    "clos"; "shipped" is "ship"; a form whose word or family ``forms`` lists is the family
    it is listed under (irregular forms, and verbs that tell one happening)."""
    word = word.lower()
    if word in forms:
        return forms[word]
    base = word
    for suffix in ("ing", "ed", "es", "s", "e"):
        if base.endswith(suffix) and len(base) - len(suffix) >= 3:
            base = base[: -len(suffix)]
            break
    if len(base) >= 4 and base[-1] == base[-2] and base[-1] not in "aeiousl":
        base = base[:-1]  # "shipped": "ship"
    return forms.get(base, base)


def _verb_forms(rule: Rule) -> dict[str, str]:
    """A ``clause`` rule's `verb_forms`, each form and its family read as ``verb_family``."""
    listed = rule.options.get("verb_forms", {})
    out: dict[str, str] = {}
    for family, forms in listed.items():
        name = verb_family(family, {})
        for form in (family, *forms):
            out[form.lower()] = name
            out[verb_family(form, {})] = name
    return out


def _clause_happening(
    ctx: _Context, span: Span, rule: Rule
) -> tuple[int, int, tuple[str, ...]] | None:
    """The happening a date tells in its clause with no event rule's word (a ``clause``
    rule): (subject start, verb index, subject head) of "the regional council voted on
    Tuesday", "Ortega Mining will close the plant at 7 p.m. on Sunday", "the bridge was
    closed on Monday". The verb is the nearest before the date in its clause; its subject
    the name or definite noun phrase just before it (over auxiliaries). None for a date
    after a `not_after` word, in a list or span of days, beside a `repeat_words` word,
    inside quotation marks, dated by a `not_events` word ("said on Monday"), or whose
    subject is a pronoun or an indefinite phrase."""
    t = ctx.tokens
    lower = t.lower
    options = rule.options
    first, last = t.sent_start[span.start], t.sent_end[span.start]
    while first < span.start and t.text[first].isspace():
        first += 1  # a sentence may open with the blank line before it
    not_after = options.get("not_after", ())
    if lower[span.start] in not_after or (
        span.start > first and lower[span.start - 1] in not_after
    ):
        return None
    # a list or span of days: "on Monday and Tuesday", "Monday to Wednesday"
    for i in (span.start - 2, span.end + 1):
        if first <= i < last and i in ctx.timex_tokens:
            between = lower[min(i + 1, span.end) : max(i, span.start)]
            if any(w in ("and", "or", "to", "through", "-", "until", "till") for w in between):
                return None
    if sum(1 for i in range(first, span.start) if t.text[i] in _QUOTES) % 2:
        return None  # a quoted statement's date
    left, right = ctx.clause(span.start, span.end)
    repeat = set(options.get("repeat_words", ()))
    plain = set(options.get("not_events", ()))
    sentence = t.sent_start[span.start]
    marked = {c.start for c in ctx.cues_at(sentence, "tense:past") if c.end - c.start == 1}
    # irregular forms the rule lists ("shut", "held"): a verb after an auxiliary ("was shut")
    listed = {form.lower() for forms in options.get("verb_forms", {}).values() for form in forms}
    planned = set(options.get("plan_words", ()))

    def plan_to(i: int) -> bool:
        """Token ``i`` is the "to" of a plan still held: "is due to", "are scheduled to",
        "are to", "plans to"; not of one told in the past ("was due to dock on Monday but
        was held at anchor", "had been expected to sail"), which may not have happened."""
        if i - 1 <= first or lower[i] != "to":
            return False
        word = lower[i - 1]
        if word in ("is", "are", "plans"):
            return True
        return word in planned and i - 2 > first and lower[i - 2] in ("is", "are")

    def is_verb(i: int) -> bool:
        if i in ctx.timex_tokens or not t.alpha[i] or not t.lowercase[i]:
            return False
        previous = lower[i - 1] if i > first else ""
        return (
            ctx.past_at(i)
            or i in marked
            or previous in ("will", "would")
            or (previous == "to" and plan_to(i - 1) and lower[i] not in STOP_WORDS)
            or (previous in _CLAUSE_AUXILIARIES and (lower[i].endswith("ed") or lower[i] in listed))
        )

    verb = next(
        (
            i
            for i in range(span.start - 1, max(left, span.start - _CLAUSE_REACH) - 1, -1)
            if is_verb(i)
        ),
        None,
    )
    if verb is None and left - 1 > first and lower[left - 1] in ("and", "or"):
        # "was shut to vehicles and pedestrians last Wednesday": two nouns joined, not two
        # clauses; the verb is before the first
        if lower[left - 2] != ",":
            joined = ctx.joined_clause(span.start, span.end)[0]
            verb = next(
                (
                    i
                    for i in range(left - 2, max(joined, span.start - _CLAUSE_REACH) - 1, -1)
                    if is_verb(i)
                ),
                None,
            )
    after = span.end + (span.end < last and lower[span.end] == ",")
    if verb is None and (span.start == first or after == span.end):
        # a date before its verb: "On Monday, the council voted", "the council on Monday
        # voted"; the verb the first after the date and its subject's words
        for i in range(after, min(last, after + 6)):
            if ctx.breaks_at(i) or is_verb(i):
                verb = i if is_verb(i) else None
                break
    if verb is None or lower[verb] in plain:
        return None
    # the subject: over the auxiliaries before the verb, a run of words that is a name or
    # follows a definite article ("the Kessin ferry", "Ortega Mining"); over a relative
    # word ("the airport, which closed") and a place after it ("the airport in Lindvale")
    end = verb
    while end > first:
        if lower[end - 1] in _CLAUSE_AUXILIARIES:
            end -= 1  # "was closed", "will be flown"
        elif plan_to(end - 1):
            end -= 1 + (lower[end - 2] in planned)  # "is due to vote", "are to be flown"
        else:
            break
    if end - 1 > first and lower[end - 1] == "and":
        # "the passengers were put up in hotels and will be flown home on Sunday": the
        # second of two verbs one subject shares, the subject the one that opens the sentence
        opening = next(
            (k for k in range(first, end - 1) if lower[k] in _CLAUSE_AUXILIARIES or is_verb(k)),
            None,
        )
        if opening is not None and opening > first:
            if lower[opening] in plain and lower[opening] not in _CLAUSE_AUXILIARIES:
                return None  # "officials said the airport was flooded and will reopen"
            end = opening
    if end == span.end:
        end = span.start  # "the council on Monday voted"
    relative = (
        end - 2 > first and lower[end - 1] in ("which", "that", "who") and lower[end - 2] == ","
    )
    if relative:
        end -= 2
    if end - 1 > first and lower[end - 1] == ",":
        # "Lena Varga Holt, 61, the owner of a sawmill, was released": the name that
        # opens the sentence, set off by a comma
        named = first
        while named < end and (t.title[named] or t.upper[named]) and t.alpha[named]:
            named += 1
        if named - first < 2 or lower[named] != ",":
            return None
        end = named
    subject = _clause_phrase(ctx, first, end)
    if subject is None:
        # "Valdoria on Friday opened its largest plant": a one-word name opening the
        # sentence, the date between it and the verb, may be no name and keys no
        # happening; what the verb acts on does ("the plant opened on Saturday")
        one_name = (
            end == span.start == first + 1
            and span.end <= verb
            and t.title[first]
            and lower[first] not in STOP_WORDS
        )
        objects = _clause_objects(ctx, verb, span, right) if one_name else []
        if not objects or any(
            lower[i] in repeat and i not in ctx.timex_tokens
            for i in range(max(first, min(left, verb) - 2), right)
        ):
            return None
        return verb, verb, tuple(dict.fromkeys(stem(h) for h in objects))
    start, head = subject
    for _ in range(_CLAUSE_PHRASES):
        if not (start - 1 > first and lower[start - 1] in _CLAUSE_PLACE_WORDS):
            break
        # "the airport in Lindvale": the head is the phrase before the place; "Justice Ana
        # Harlow of the Supreme Court of Corvale": before each such phrase
        if (outer := _clause_phrase(ctx, first, start - 1)) is not None:
            start, head = outer
        elif lower[start - 1] != "for":
            return None  # (a name after "for" may be the subject: "10 rebounds for Drake,
            # which reached the final")
        else:
            break
    if any(
        lower[i] in repeat and i not in ctx.timex_tokens
        for i in range(max(first, min(left, start) - 2), right)
    ):
        return None  # "voted again on Monday", "a second vote on Friday", "the third rise"
    before = start - 1
    if (
        not relative
        and before >= first
        and not (ctx.breaks_at(before) or lower[before] in _CLAUSE_OPENERS)
    ):
        # "officials at the plant closed": the subject starts further back; not so for the
        # phrase a relative clause is set after ("a crack in the bridge, which was shut")
        return None
    heads = [head, *_name_words(ctx, start, end), *_clause_objects(ctx, verb, span, right)]
    return start, verb, tuple(dict.fromkeys(stem(h) for h in heads))


def _clause_objects(ctx: _Context, verb: int, span: Span, right: int) -> list[str]:
    """What a happening clause's verb acts on: the head and names of a definite phrase
    right after it, before the date ("shut the west wing to visitors on Tuesday") or, for
    a date before the verb, before the clause's end ("on Friday opened its largest plant");
    none for anything else."""
    t = ctx.tokens
    lower = t.lower
    stop = span.start if span.start > verb else right
    at = verb + 1
    if at < stop and lower[at] in _CLAUSE_OBJECT_DETERMINERS:
        at += 1
    run = at
    while run < stop and t.alpha[run] and lower[run] not in STOP_WORDS:
        run += 1
    if (
        at < run <= at + 4
        and run - 1 not in ctx.timex_tokens
        and lower[at - 1] in _CLAUSE_OBJECT_DETERMINERS
    ):
        return [lower[run - 1], *_name_words(ctx, at, run)]
    return []


def _year_happening(ctx: _Context, span: Span, verb: int, rule: Rule) -> str:
    """The meaning of a happening told once in a thing's life and dated by its year ("the
    galleon sank in 1631", "the ship went down in 1613"): the ``year_verbs`` family whose
    words open the clause at its verb, a few words before "in" and the year; "" for any
    other."""
    lower = ctx.tokens.lower
    at = span.start if lower[span.start] == "in" else span.start - 1
    if at <= verb or lower[at] != "in":
        return ""
    if at - verb > _YEAR_REACH:
        return ""
    said = f"{' '.join(lower[verb:at])} "
    return next(
        (
            meaning
            for meaning, phrases in rule.options.get("year_verbs", {}).items()
            if any(said.startswith(f"{phrase} ") for phrase in phrases)
        ),
        "",
    )


_YEAR_REACH = 6
"""Words from a ``year_verbs`` verb to the "in" of its year ("sank off the cape in 1631")."""


def _year_fact(
    ctx: _Context, span: Span, timex: TimexMention, tense: Tense, rule: Rule, meaning: str
) -> FactMention:
    """A ``_year_happening`` as a lead-family fact keyed ``year:<meaning>``; its context the
    sentence's words but the names the story repeats throughout (``story_names``)."""
    t = ctx.tokens
    first, last = t.sent_start[span.start], t.sent_end[span.start]
    context = (
        ctx.content_words(first, last, skip=(span.start, span.end)) | ctx.proper_nouns_at(first)
    ) - ctx.story_names()
    return FactMention(
        rule=rule.id,
        family="lead",
        where=timex.where,
        tense=tense,
        trigger=meaning,
        event_class="clause",
        context=frozenset(context),
        timex=timex,
        subject=f"year:{meaning}",
        role="held",
    )


def _name_words(ctx: _Context, start: int, end: int) -> list[str]:
    """The capitalised words of tokens [start, end) but a sentence's first word and an
    honorific: "Edith Corran International Airport" is also "edith" and "corran" (and a
    shorter name of it another source writes), "Mr Tamsin" is "tamsin"."""
    t = ctx.tokens
    return [
        t.lower[i]
        for i in range(start, end)
        if t.title[i]
        and len(t.lower[i]) >= 3
        and i != t.sent_start[i]
        and t.lower[i] not in ctx.honorifics
        and t.lower[i] not in STOP_WORDS
    ]


_CLAUSE_OBJECT_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our"})
"""Determiners of a definite object a happening clause's verb acts on ("closed its plant")."""
_CLAUSE_POSSESSIVES = frozenset({"'s", "\u2019s", "'", "\u2019"})
"""A possessive before a happening clause's subject ("the dockers' union")."""
_CLAUSE_PHRASES = 3
"""Most such phrases read back over to a subject's head."""
_CLAUSE_PLACE_WORDS = frozenset({"in", "at", "near", "of", "outside", "for"})
"""Words between a subject's head and a place or a thing that follows it ("the airport in
Lindvale", "the evacuation order for the town")."""


def _clause_phrase(ctx: _Context, first: int, end: int) -> tuple[int, str] | None:
    """The noun phrase ending before token ``end``: (first token, head word) of a name
    (every word capitalised; one word only if not the sentence's first) or of words after
    "the" or a name's possessive (the article or name included); None for anything else (a
    pronoun, "a plant")."""
    t = ctx.tokens
    lower = t.lower
    start = end
    hyphens = 0
    while start > first and start - 1 not in ctx.timex_tokens:
        if t.alpha[start - 1] and lower[start - 1] not in STOP_WORDS:
            start -= 1
        elif (
            t.text[start - 1] == "-"
            and start < end
            and start - 2 >= first
            and t.alpha[start - 2]
            and not t.spaced[start - 2]
            and not t.spaced[start - 1]
        ):
            start -= 2  # "the concrete box-girder bridge": a compound's two halves
            hyphens += 1
        else:
            break
    if start == end or end - start - hyphens > 4:
        return None
    words = range(start, end)
    if start > first and lower[start - 1] == "the":
        return start - 1, lower[end - 1]
    if start - 1 > first and lower[start - 1] in _CLAUSE_POSSESSIVES:
        # "Ruritania's Tellur lunar lander", "the dockers' union": after a possessive, as
        # after "the"
        if (owner := _clause_phrase(ctx, first, start - 1)) is not None:
            return owner[0], lower[end - 1]
        owner_start = start - 1
        while owner_start > first and t.alpha[owner_start - 1] and t.title[owner_start - 1]:
            owner_start -= 1
        return (owner_start, lower[end - 1]) if owner_start < start - 1 else None
    if not all(t.title[i] or t.upper[i] for i in words):
        named = start
        while named < end and (t.title[named] or t.upper[named]):
            named += 1
        if start < named < end and all(t.lowercase[i] for i in range(named, end)):
            # "Kessin airport reopened", "Orlen refinery workers": a name before a noun;
            # not a common word opening the sentence ("Police officers arrested")
            if named - start == 1 and start == first:
                from checker.spelling import zipf  # (spelling reads the extractors' words)

                if zipf(lower[start]) >= COMMON_OPENER_ZIPF:
                    return None
            return start, lower[end - 1]
        return None
    if end - start == 1 and start == first:
        return None
    return start, lower[end - 1]


COMMON_OPENER_ZIPF = 3.5
"""A capitalised word opening a sentence this common in English (Zipf) is no name: "Police
officers arrested", "Fire crews reached"."""


def _clause_facts(
    ctx: _Context,
    span: Span,
    timex: TimexMention,
    tense: Tense,
    rule: Rule,
    happening: tuple[int, int, tuple[str, ...]],
    forms: dict[str, str],
) -> list[FactMention]:
    """The lead-family facts of a happening clause (``_clause_happening``), one for its
    subject and one for what its verb acts on: ``clause:<head>:<verb family>`` keys each
    across sources ("the museum shut the west wing" and "the west wing was shut" meet at the
    wing), its context the clause's words and the sentence's names."""
    start, verb, heads = happening
    family = verb_family(ctx.tokens.lower[verb], forms)
    left, right = ctx.clause(span.start, span.end)
    # what the clause says after its verb, marked "+" ("voted to sell the site", "voted to
    # raise rents": two votes)
    told = ctx.content_words(verb + 1, max(right, verb + 1), skip=(span.start, span.end))
    # the sentence's words: what else it tells of the happening ("hours after a routine
    # inspection found the fault", "after a crack was spotted during an inspection")
    sent_start, sent_end = ctx.tokens.sent_start[span.start], ctx.tokens.sent_end[span.start]
    context = (
        ctx.content_words(min(left, start), right, skip=(span.start, span.end))
        | ctx.content_words(sent_start, sent_end, skip=(span.start, span.end))
        | ctx.proper_nouns_at(sent_start)
        | {family, *heads}
        | {"+" + w for w in told - set(heads)}
    )
    return [
        FactMention(
            rule=rule.id,
            family="lead",
            where=timex.where,
            tense=tense,
            trigger=ctx.tokens.lower[verb],
            event_class="clause",
            context=frozenset(context),
            timex=timex,
            subject=f"clause:{head}:{family}",
            role="held",
        )
        for head in heads
    ]


def _lead_relation(ctx: _Context, span: Span, cue: Span, ruleset: RuleSet) -> str:
    """The rule of a relation verb ("began", "ended", "called off") standing between the
    event word and its date, or just before the event word: "the talks, which began on
    Monday", "called off the launch on Wednesday"; else ``held`` ("walked off the job on
    Tuesday at the start of a strike" is the walkout's own day)."""
    lo, hi = (cue.end, span.start) if cue.end <= span.start else (span.end, cue.start)
    best: tuple[int, str] | None = None
    for relation_cue in ctx.cues_at(ctx.tokens.sent_start[span.start], "relation:"):
        if ctx.attributive_at(relation_cue.start, relation_cue.end) or ctx.hyphen_joined_at(
            relation_cue.end
        ):
            continue  # "the abandoned game will be replayed", "a start-up": nothing dated
        between = lo <= relation_cue.start and relation_cue.end <= hi
        # the verb whose object the event word is: "called off the rocket's launch"
        before = (
            relation_cue.end <= cue.start <= relation_cue.end + 4
            and cue.end <= span.start
            and not any(ctx.breaks_at(i) for i in range(relation_cue.end, cue.start))
        )
        rule_id = relation_cue.label_.split(":", 1)[1]
        if (between or before) and rule_id in ruleset.rules:
            if ruleset.rules[rule_id].options.get("default"):
                rule_id = "held"  # "took place", "was held": the event's own day
            distance = abs(span.start - relation_cue.end)
            if best is None or distance < best[0]:
                best = (distance, rule_id)
    return best[1] if best else "held"


_PAST_DEICTICS = frozenset({"last", "yesterday"})


def _timex_tense(ctx: _Context, span: Span) -> Tense:
    """Tense that places a date: "since" looks back; a date before its noun ("a Nov. 15
    hearing", "the March 31 deadline") is not governed by the clause's verb."""
    lower = ctx.tokens.lower
    if lower[span.start] == "since":
        return "past"
    if (
        span.start > 0
        and lower[span.start] in _PAST_DEICTICS
        and lower[span.start - 1] in (ctx.event_words)
    ):
        # "the ruling last Friday will be studied": an event noun's past date, whatever
        # the clause's verb
        return "past"
    following = lower[span.end] if span.end < len(lower) else None
    if following is not None and (
        following in ctx.event_words or following in ctx.attributive_nouns
    ):
        return "none"
    return ctx.tense(span.start, span.end)


_COARSE_WORDS = frozenset({"year", "month", "decade", "century", "season"})
_SUPERLATIVE_REACH = 10
"""Tokens at most between a superlative and the year or month that bounds it."""


def _superlative_scope(ctx: _Context, span: Span) -> bool:
    """True when a year or month bounds a superlative before it in its clause ("the most
    serious accident on a regional line this year", "the deadliest fire since 2010"): it
    dates no event. A day is never such a bound ("the biggest rally on Saturday")."""
    t = ctx.tokens
    roles = set(span.label_.split("+"))
    if not roles <= {"year", "month", "relative"}:
        return False
    if roles == {"relative"} and t.lower[span.end - 1] not in _COARSE_WORDS:
        return False
    left = max(ctx.clause(span.start, span.end)[0], span.start - _SUPERLATIVE_REACH)
    return any(
        t.lower[i] in ctx.superlatives and i > 0 and t.lower[i - 1] in ("the", "its", "their")
        for i in range(left, span.start)
    )


def _is_report_date(ctx: _Context, span: Span) -> bool:
    """A date right next to "said"/"reported" dates the report, not the event."""
    left, right = ctx.clause(span.start, span.end)
    sent_start = ctx.tokens.sent_start[span.start]
    # "were released on Friday": a reporting word inside an event phrase reports nothing
    in_events = {i for c in ctx.cues_at(sent_start, "event:") for i in range(c.start, c.end)}
    # "said it would be replayed on Wednesday": the date is the replay's, not the report's
    relations = {i for c in ctx.cues_at(sent_start, "relation:") for i in range(c.start, c.end)}
    for cue in ctx.cues_at(sent_start, "reporting"):
        if cue.start in in_events:
            continue
        close_after = 0 <= cue.start - span.end <= 1
        before_in_clause = cue.end <= span.start and cue.start >= left
        if close_after or before_in_clause:
            lower = ctx.tokens.lower
            between = range(min(cue.end, span.end), max(cue.start, span.start))
            if not any(
                lower[i] in ctx.event_words or ctx.past_at(i) or i in relations for i in between
            ):
                return True
    return False


def _deadline_of(
    ctx: _Context, span: Span, tense: Tense, rules: dict
) -> tuple[str, str, bool, bool | None] | None:
    """If the date states a deadline, return (rule id, trigger word, definite mention,
    looks ahead): a marker in a past clause ("ordered them to pay by Friday") is a
    deadline only before an infinitive, which looks ahead of the clause's past, or before
    a month and day, when they lie after publication (looks ahead None: normalize tells)."""
    lower = ctx.tokens.lower
    for cue in ctx.cues_at(ctx.tokens.sent_start[span.start], "deadline:"):
        rule_id = cue.label_.split(":", 1)[1]
        after = 0 <= cue.start - span.end <= 2  # "a year-end deadline", "December 31 target"
        before = 0 <= span.start - cue.end <= 2 and all(
            lower[i] in ("of", "for", "on", "is", "was") for i in range(cue.end, span.start)
        )
        if after or before or _linked(ctx, cue, span, rules[rule_id].options):
            head = span.start if after else cue.start
            definite = any(
                lower[i] in _DEFINITE
                for i in range(max(ctx.tokens.sent_start[span.start], head - 2), head)
            )
            return rule_id, cue.text.lower(), definite, False
    for cue in ctx.cues_at(ctx.tokens.sent_start[span.start], "marker:"):
        rule_id = cue.label_.split(":", 1)[1]
        marker = cue.text.lower()
        if marker in rules[rule_id].options.get("closing_markers", ()) and (
            cue.start < span.start <= cue.end
        ):
            # "an auction closing on June 12": a deadline when the day lies after
            # publication, whatever the clause's tense (normalize tells); a marker in the
            # present ("the plant closes on Friday, the company said") looks ahead of a
            # reporting verb's past
            if marker.split()[0].endswith("es"):
                return rule_id, marker, False, True
            return rule_id, marker, False, None
        if (
            cue.start == span.start
            or cue.end == span.start
            or _hedged(ctx, cue, span, rules[rule_id].options)
        ):
            term_events = rules[rule_id].options.get("term_events", ())
            if term_events and marker in rules[rule_id].options.get("lasting_markers", ()):
                first = min(cue.start, span.start)
                if any(
                    c.label_.split(":", 1)[1] in term_events and 0 <= first - c.end <= 2
                    for c in ctx.cues_at(ctx.tokens.sent_start[span.start], "event:")
                ):
                    continue  # "a contract running until June 2029": the term's end
            left, _right = ctx.joined_clause(span.start, span.end)
            size = len(lower)
            after = span.end + (span.end < size and ctx.tokens.text[span.end] == ",")
            infinitive = any(lower[i] == "to" for i in range(left, span.start)) or (
                after < size and lower[after] == "to"  # "until May 2, to reply"
            )
            if tense != "past" or infinitive:
                return rule_id, cue.text.lower(), False, True
            roles = span.label_.split("+")
            options = rules[rule_id].options
            lasting = options.get("lasting_markers", ())
            directives = options.get("directive_words", ())
            directed = any(
                lower[i] in directives for i in range(ctx.tokens.sent_start[span.start], cue.start)
            )
            if (cue.text.lower() in lasting or directed) and "month" in roles and "day" in roles:
                # "extended the permit until May 14", "ordered that both firms lodge their
                # written arguments by January 10": a past clause's month-day that lies after
                # publication still looks ahead (normalize keeps it only then: "the road
                # was closed until March 2" stays a past fact)
                return rule_id, cue.text.lower(), False, None
    return None


def _hedged(ctx: _Context, cue: Span, span: Span, options: dict) -> bool:
    """True when only a hedge of ``marker_hedges`` stands between a marker and its date:
    "would remain closed until at least December 1"."""
    between = " ".join(ctx.tokens.lower[cue.end : span.start])
    return bool(between) and between in options.get("marker_hedges", ())


_LINKED_REACH = 4
"""Most words between a deadline's "for" and the words linking it to its date."""


def _linked(ctx: _Context, cue: Span, span: Span, options: dict) -> bool:
    """True when a deadline's trigger is linked to the date after it across what it is for:
    "the deadline for bids is March 31" (``linking_words`` after "for" and at most
    ``_LINKED_REACH`` words)."""
    t = ctx.tokens
    gap = t.lower[cue.end : span.start]
    if not gap or gap[0] != "for" or not all(t.alpha[i] for i in range(cue.end, span.start)):
        return False
    said = " ".join(gap)
    return any(
        said.endswith(" " + link) and 1 <= len(gap) - 1 - len(link.split()) <= _LINKED_REACH
        for link in options.get("linking_words", ())
    )


_PERIOD_DAYS = {"D": 1, "W": 7}
"""Days in a unit of a period that sets a deadline ("a 30-day curfew", "a two-week ban")."""
_FOLLOW_UPS = frozenset(
    {
        "extend",
        "extends",
        "extended",
        "extending",
        "renew",
        "renews",
        "renewed",
        "renewing",
        "lift",
        "lifts",
        "lifted",
        "lifting",
        "ended",
        "ends",
        "revoked",
        "another",
        "second",
        "new",
        "further",
        "additional",
    }
)
"""Words of a clause that tells a step after a period's start ("extended a 90-day ban on
Friday", "a second 30-day ban"): its date starts no period."""
_NOT_A_START = frozenset({"by", "until", "till", "before", "after", "since", "through"})
"""Words before a date that make it no start of a period: "until May 2" is its end."""


def _period_deadlines(
    ctx: _Context, source: Source, ruleset: RuleSet, out: Extraction
) -> list[FactMention]:
    """Deadlines a period sets from the day it starts: "declared a 30-day curfew on
    Tuesday" ends 90 days after that Tuesday. The period is a hyphened number of days or
    weeks before a noun ("a 30-day curfew", "a two-week ban"); its start, the one date
    of a day in its clause (none after "until", "by" or "since"). Compared as deadlines."""
    rules = ruleset.of_kind("deadline")
    if not rules:
        return []
    rule_id = rules[0].id
    t = ctx.tokens
    dateline = source.dateline
    facts = []
    spans = ctx.timex_spans
    for span in spans:
        if (
            span.end - span.start != 3
            or t.text[span.start + 1] != "-"
            or span.end >= len(t.lower)
            or not (t.alpha[span.end] and t.lowercase[span.end])
            or t.lower[span.end] in STOP_WORDS
            or (span.end + 1 < len(t.text) and t.text[span.end + 1] == "-")
            or span.start == 0
            or t.lower[span.start - 1] not in ("a", "an")  # "the 90-day ban": one set before
        ):
            continue
        parts = ctx.timex_parts(tuple(t.text[span.start : span.end]))
        if parts.kind != "duration" or parts.amount is None or parts.span_unit not in _PERIOD_DAYS:
            continue
        left, right = ctx.joined_clause(span.start, span.end + 1)
        starts = [
            other
            for other in spans
            if other is not span
            and left <= other.start
            and other.end <= right
            and not (
                dateline and other.start_char < dateline.end and other.end_char > dateline.start
            )
            and t.lower[other.start] not in _NOT_A_START
            and (other.start == 0 or t.lower[other.start - 1] not in _NOT_A_START)
            and _is_day(ctx.timex_parts(tuple(t.text[other.start : other.end])))
        ]
        if len(starts) != 1 or not _FOLLOW_UPS.isdisjoint(t.lower[left:right]):
            continue  # "extended a 90-day ban on Friday": a later step, not its start
        start = starts[0]
        tense = _timex_tense(ctx, start)
        noun_end = span.end + 1  # "a 30-day fishing ban": the period's nouns
        while (
            noun_end < min(right, span.end + 3)
            and t.alpha[noun_end]
            and t.lowercase[noun_end]
            and t.lower[noun_end] not in STOP_WORDS
            and noun_end not in ctx.timex_tokens
        ):
            noun_end += 1
        where = _mention_at(source, t, span.start, noun_end)
        context = ctx.content_words(left, right, skip=(start.start, start.end)) | (
            ctx.proper_nouns_at(t.sent_start[span.start])
        )
        facts.append(
            _period_fact(
                ctx,
                source,
                out,
                rule_id,
                where,
                start,
                tense,
                context,
                subject=t.lower[noun_end - 1],
                parts=parts,
            )
        )
    return facts


def _period_fact(
    ctx: _Context,
    source: Source,
    out: Extraction,
    rule_id: str,
    where: Mention,
    start: Span,
    tense: Tense,
    context: set[str],
    *,
    subject: str,
    parts: TimexParts,
) -> FactMention:
    """A deadline a span of days sets from the day ``start`` names, a chain of its own: what
    ``_period_deadlines`` and ``_within_deadlines`` both make."""
    t = ctx.tokens
    chain = out.new_chain()
    out.chain_context[chain] = frozenset(context)
    return FactMention(
        rule=rule_id,
        family="deadline",
        where=where,
        tense=tense,
        trigger="period",
        event_class="deadline",
        context=frozenset(context),
        chain=chain,
        timex=TimexMention(
            _mention_at(source, t, start.start, start.end),
            tuple(t.text[start.start : start.end]),
            frozenset(start.label_.split("+")),
            tense,
        ),
        subject=subject,
        offset_days=int(parts.amount * _PERIOD_DAYS[parts.span_unit]),
    )


def _obligation_verb(
    ctx: _Context, left: int, end: int, obligations: tuple[str, ...]
) -> int | None:
    """The verb an obligation governs in tokens [left, end): the first word after the last
    of ``obligations`` there ("must submit", "has to file"), else None."""
    lower = ctx.tokens.lower
    phrases = [tuple(o.split()) for o in obligations]
    for i in range(end - 1, left - 1, -1):
        for phrase in phrases:
            if tuple(lower[i : i + len(phrase)]) == phrase:
                at = i + len(phrase)
                while at < end and lower[at] in _OBLIGATION_PARTS:
                    at += 1  # "required to", "must also", "will have to be"
                if at < end and ctx.tokens.alpha[at] and lower[at] not in STOP_WORDS:
                    return at
                return None
    return None


_OBLIGATION_PARTS = frozenset({"to", "be", "also", "now", "first", "then"})
"""Words between an obligation and the verb it governs."""


FROM_MAIN_DAY = "@from-main-day"
"""Context mark of a deadline counted from the day of the source's main event ("must submit
a plan within 60 days"): compared only with a deadline of the same task (``align``)."""


def _within_deadlines(
    ctx: _Context,
    source: Source,
    ruleset: RuleSet,
    out: Extraction,
    main_day: Span | None = None,
) -> list[FactMention]:
    """Deadlines a span of days or weeks sets from a day it names: "must submit a plan
    within 90 days of the January 15 ruling", "has 30 days from March 2 to appeal" end that
    many days after that day. Compared as deadlines, keyed by their predicate as any. An
    obligation "within" a span that names no day ("must submit a plan within 60 days")
    counts from ``main_day``, the date of the source's main event (the ruling it reports),
    when the source gives one before it (``obligation_words`` of the rule)."""
    rules = ruleset.of_kind("deadline")
    if not rules:
        return []
    rule = rules[0]
    t = ctx.tokens
    spans = ctx.timex_spans
    by_start = {span.start: span for span in spans}
    facts = []
    obligations = tuple(rule.options.get("obligation_words", ()))
    promises = tuple(rule.options.get("promise_words", ()))
    for span in spans:
        at = span.end
        within = t.lower[span.start] == "within" or (
            span.start > 0 and t.lower[span.start - 1] == "within"
        )
        named = at < len(t.lower) and t.lower[at] in ("of", "from")
        if not named and not (within and main_day is not None and obligations):
            continue  # (tested first: most expressions are followed by neither)
        words = tuple(t.text[span.start : span.end])
        if words and words[0].lower() == "within":
            words = words[1:]
        parts = ctx.timex_parts(words)
        if parts.kind != "duration" or parts.amount is None or parts.span_unit not in _PERIOD_DAYS:
            continue
        if named:
            at += 1
            if at < len(t.lower) and t.lower[at] == "the":
                at += 1
            start = by_start.get(at)
            if start is None or not _is_day(
                ctx.timex_parts(tuple(t.text[start.start : start.end]))
            ):
                continue
            left, right = ctx.joined_clause(span.start, start.end)
        else:
            assert main_day is not None
            if main_day.start >= span.start:
                continue
            left, right = ctx.joined_clause(span.start, span.end)
            obliged = _obligation_verb(ctx, left, span.start, obligations)
            if obliged is None:
                # "would publish preliminary findings within 30 days": a promise, read only
                # where no obligation governs the span ("must submit a plan showing how it
                # will meet the conditions within 90 days" is the plan's)
                obliged = _obligation_verb(ctx, left, span.start, promises)
            if obliged is None:
                continue  # "prices rose within 60 days": no task set
            start = main_day
        if not _FOLLOW_UPS.isdisjoint(t.lower[left:right]):
            continue  # "extended the deadline by 30 days from Friday": a later step
        predicates = rule.options.get("predicates", {})
        if named:
            predicate = _deadline_predicate(ctx, span, left, predicates)
        else:
            # "must submit a plan showing how it will meet the conditions within 90 days":
            # the task is what the obligation governs, not the nearest verb
            predicate = next(
                (m for m, phrases in predicates.items() if t.lower[obliged] in phrases),
                "~" + stem(t.lower[obliged]),
            )
        sent_start, sent_end = t.sent_start[span.start], t.sent_end[span.start]
        context = (
            ctx.content_words(left, right, skip=(start.start, start.end))
            | ctx.proper_nouns_at(sent_start)
        ) - ctx.story_names()
        if predicate:
            context.add(f"^{predicate}")
        elif not named:
            continue  # a span counted from the main event's day is compared by its task only
        if not named:
            context.add(FROM_MAIN_DAY)
        rest = ctx.content_words(sent_start, sent_end, skip=(start.start, start.end))
        context |= {"&" + w for w in rest - context - ctx.story_names()}
        # the day counted from is told, not planned: the nearest of its name ("the January
        # 15 ruling" read in a clause about the future is still the past January 15); the
        # main event's day is read as its own clause reads it
        tense: Tense = "none" if named else _timex_tense(ctx, start)
        first = span.start - (span.start > 0 and t.lower[span.start - 1] == "within")
        facts.append(
            _period_fact(
                ctx,
                source,
                out,
                rule.id,
                _mention_at(source, t, first, start.end if named else span.end),
                start,
                tense,
                context,
                # what must be done, as written ("released", not the stem "releas")
                subject=(
                    t.lower[obliged]
                    if predicate.startswith("~") and not named
                    else predicate.lstrip("~")
                )
                or "period",
                parts=parts,
            )
        )
    return facts


def _is_day(parts: TimexParts) -> bool:
    """True when a date expression names one day: a weekday, a month and day, "yesterday"."""
    return parts.kind is None and (
        parts.weekday is not None or parts.day is not None or parts.deictic is not None
    )


_MODALS = frozenset({"must", "should", "would", "will", "shall", "could", "can", "may", "might"})
"""Words before what must happen by a deadline ("must restore", "should open")."""
_PREDICATE_SKIP = frozenset(
    {
        "be",
        "been",
        "being",
        "have",
        "get",
        "remain",
        "stay",
        "continue",
        "fully",
        "completely",
        "entirely",
        "also",
        "still",
    }
)
"""Words between a modal or "to" and the predicate ("must be fully operational", "will
remain closed", "will stay closed")."""
_NOT_INFINITIVE = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that"})
"""Words after a "to" that make it a preposition ("next to the plant", "to a site")."""


def _deadline_predicate(
    ctx: _Context,
    span: Span,
    left: int,
    predicates: dict[str, list[str]],
    triggers: Collection[str] = (),
) -> str:
    """What must happen by a deadline, as one word: the meaning of a listed predicate word
    right after the nearest "to" or modal before the date ("to restore online payments by
    Monday": "restore"), else of the listed word nearest the date between them ("must have
    the plant fully operational by March": "operate"), else "~" and the stem of the word after that
    "to" or modal ("required to deliver its findings by Friday": "~deliver"); "" when none
    ("the December 31 deadline", "results are due by Friday"). A date before one of
    ``triggers`` and "for" reads the words after "for" as the "to" after a date ("a May 22
    deadline for an agreement": "agree")."""
    t = ctx.tokens
    lower = t.lower
    anchor = None
    for i in range(span.start - 1, left - 1, -1):
        after = i + 1
        if i in ctx.timex_tokens:
            break  # "must be completed by December 31, and ... has until March 31 to": that
            # modal governs the other date
        if lower[i] in _MODALS or (
            lower[i] == "to"
            and after < span.start
            and t.alpha[after]
            and t.lowercase[after]
            and lower[after] not in _NOT_INFINITIVE
        ):
            anchor = i
            break
    end = span.start
    if anchor is None:
        # "has until the end of July to file", "allowed both parties until January 31 to
        # reach a deal": the time given, then what must be done in it
        last = t.sent_end[span.start]
        at = span.end + (span.end < last and lower[span.end] == ",")
        if at + 2 < last and lower[at] in triggers and lower[at + 1] == "for":
            at += 1  # "a May 22 deadline for an agreement"
        if not (
            at + 1 < last
            and lower[at] in ("to", "for")
            and t.alpha[at + 1]
            and (
                lower[at] == "for" or (t.lowercase[at + 1] and lower[at + 1] not in _NOT_INFINITIVE)
            )
        ):
            return ""
        if lower[at] == "for" and lower[at - 1] not in triggers:
            return ""
        anchor, end = at, min(last, at + 1 + _PREDICATE_AFTER)
    words = lower[anchor + 1 : end]
    said = f" {' '.join(words)} "
    reach = len(said)  # where a listed phrase may start
    if end != span.start:
        # a phrase that starts in those words may end past them ("to ask the court of
        # appeal to review")
        said = f" {' '.join(lower[anchor + 1 : min(t.sent_end[span.start], end + _PHRASE_MORE)])} "
    found = [
        # the listed words nearest the date (a longer phrase over a word inside it)
        (
            (said.rfind(f" {phrase} ") if end == span.start else -said.find(f" {phrase} ")),
            len(phrase),
            meaning,
            phrase,
        )
        for meaning, phrases in predicates.items()
        for phrase in phrases
        if f" {phrase} " in said and said.find(f" {phrase} ") < reach - 1
    ]
    # a listed phrase whose own "to" was read as the anchor ("do not return to work by Monday")
    wide = f" {' '.join(lower[max(left, anchor - 2) : end])} "
    spanning = [
        (len(phrase), meaning)
        for meaning, phrases in predicates.items()
        for phrase in phrases
        if " to " in f" {phrase} " and f" {phrase} " in wide
    ]
    if spanning and lower[anchor] == "to":
        return max(spanning)[1]
    at = anchor + 1
    while at < end and lower[at] in _PREDICATE_SKIP:
        at += 1
    head = f" {' '.join(lower[at:end])} "
    verb = [
        (len(phrase), meaning)
        for meaning, phrases in predicates.items()
        for phrase in phrases
        if head.startswith(f" {phrase} ")
    ]
    nearest = max(found) if found else None
    if verb and (nearest is None or nearest[3].endswith(_NOUN_ENDINGS)):
        return max(verb)[1]  # "to restore online payments by Monday": the verb's, not its object's
    if nearest is not None:
        return nearest[2]
    if at < end and t.alpha[at] and t.lowercase[at] and lower[at] not in STOP_WORDS:
        return "~" + stem(lower[at])  # a word of no listed meaning: "~deliver"
    return ""


_NOUN_ENDINGS = ("ion", "ions", "ment", "ments")
"""Endings of a listed predicate word that make it a noun ("payments", "operation"): the
object of the verb after "to" ("to restore online payments"), not what must be done."""

_PREDICATE_AFTER = 4
"""Words after the "to" that follows a deadline's date read for its predicate ("until
January 31 to reach a deal")."""
_PHRASE_MORE = 3
"""Words further on that a listed phrase starting in those may take ("to ask the court of
appeal")."""


def _deadline_scope(ctx: _Context, span: Span, scopes: dict[str, list[str]]) -> str:
    """How much of a task a deadline is for, as the meaning of a listed word in its own
    clause before the date: "the first ferries should reach the island by the end of 2027"
    (first), "the full order should be in operation by 2027", "all eight to be running by
    June" (all); "" when none is said ("for the first time" is no scope)."""
    lower = ctx.tokens.lower
    left = ctx.clause(span.start, span.end)[0]
    found = {
        meaning
        for i in range(left, span.start)
        for meaning, words in scopes.items()
        if lower[i] in words and not (i + 1 < span.start and lower[i + 1] == "time")
    }
    return found.pop() if len(found) == 1 else ""


def _deadline_stance(ctx: _Context, span: Span, stances: dict[str, list[str]]) -> str:
    """Who holds a deadline, as the meaning of a listed word in its sentence before the
    date: a limit someone imposes ("the regulator ordered the bank to restore all services
    by Friday": imposed) or a date its doer expects to keep ("the bank expected to restore
    full services by Monday": expected); "" when neither or both are said."""
    lower = ctx.tokens.lower
    first = ctx.tokens.sent_start[span.start]
    found = {
        meaning
        for i in range(first, span.start)
        for meaning, words in stances.items()
        if lower[i] in words
    }
    return found.pop() if len(found) == 1 else ""


_LEAD_WORDS = frozenset({"by", "until", "till", "before", "on", "in", "the", "no", "later", "than"})
"""Words before a deadline's date that say nothing of which day it is."""


def _unique_scopes(out: Extraction) -> None:
    """Mark a scope ``_deadline_scope`` gave two deadlines of one source on different dates
    ("%first?"): the source has two first steps (of two tasks), so its scope says nothing
    sure of either."""
    dates: dict[str, set[tuple[str, ...]]] = {}
    for fact in out.facts:
        if fact.family == "deadline" and fact.timex is not None:
            for word in fact.context:
                if word[0] == "%":
                    said = tuple(
                        w.lower() for w in fact.timex.words if w.lower() not in _LEAD_WORDS
                    )
                    dates.setdefault(word, set()).add(said)
    unsure = {word for word, found in dates.items() if len(found) > 1}
    if not unsure:
        return

    def mark(words: frozenset[str]) -> frozenset[str]:
        return frozenset(f"{w}?" if w in unsure else w for w in words)

    for j, fact in enumerate(out.facts):
        if fact.family == "deadline" and fact.context & unsure:
            out.facts[j] = replace(fact, context=mark(fact.context))
            if fact.chain in out.chain_context:
                out.chain_context[fact.chain] = mark(out.chain_context[fact.chain])


def _deadline_subject(ctx: _Context, span: Span, trigger: str) -> str:
    """What must happen by the deadline: "publish revised fishing quotas" (from "due to
    publish revised fishing quotas by July 15"), or the words after "deadline for"."""
    doc = ctx.doc
    left, right = ctx.clause(span.start, span.end)
    to_positions = [i for i in range(left, span.start) if doc[i].lower_ == "to"]
    # "to finish a pipeline to the town of Ormsby by 2026": the infinitive's "to", not the
    # preposition's
    infinitives = [i for i in to_positions if doc[i + 1].lower_ not in _NOT_INFINITIVE]
    if infinitives and to_positions[-1] != infinitives[-1]:
        to_positions = infinitives
    if to_positions:
        words = doc[to_positions[-1] + 1 : span.start]
    else:
        cue_end = next(
            (
                i + 1
                for i in range(span.end, min(right, span.end + 3))
                if doc[i].lower_ == trigger.split()[-1]
            ),
            None,
        )
        words = (
            doc[cue_end : min(right, cue_end + 10)]
            if cue_end is not None
            else doc[span.end : span.end]
        )
    text = " ".join(t.text for t in words if not t.is_punct).strip()
    if not text:
        # "must be in full commercial operation by December 31": the words after the modal
        modal = next(
            (i for i in range(span.start - 1, left - 1, -1) if doc[i].lower_ in _MODALS), None
        )
        if modal is not None:
            text = " ".join(t.text for t in doc[modal + 1 : span.start] if not t.is_punct)
            if text.lower() in _PREDICATE_SKIP:
                text = ""  # "would have until the end of April to register": no more said
    return text if 0 < len(text) <= 80 else trigger


def _event_chains(ctx: _Context, out: Extraction) -> dict[int, tuple[int, str]]:
    """Group event-word mentions of one article into chains (simple coreference).

    An indefinite or numbered mention ("a meeting", "the second summit") starts a
    chain; a definite or bare one joins the latest chain with the same word, or
    else the latest of the same class. Returns token index -> (chain id, class).
    """
    t = ctx.tokens
    by_token: dict[int, tuple[int, str]] = {}
    chains_by_word: dict[str, set[int]] = {}
    mentions_by_class: dict[str, dict[int, int]] = {}
    chain_kinds: dict[int, frozenset[str]] = {}
    for cue in sorted(ctx.cue_spans, key=lambda c: c.start):
        if (
            not cue.label_.startswith("event:")
            or _inside_name(ctx, cue.start)
            or _describes_noun(ctx, cue)
        ):
            continue
        event_class = cue.label_.split(":", 1)[1]
        word = stem(cue.text.lower())
        sent_start, sent_end = t.sent_start[cue.start], t.sent_end[cue.start]
        window_start = max(sent_start, cue.start - 4)
        window = t.lower[window_start : cue.start]  # the words before the event word
        determiner = next((w for w in reversed(window) if w in _DETERMINERS), None)
        ordinal = next(
            (
                ctx.ordinals.get(w) or int(_ORDINAL_DIGITS.match(w)[1])
                for w in window
                if w in ctx.ordinals or _ORDINAL_DIGITS.match(w)
            ),
            None,
        )
        is_plural_count = cue.text.lower().endswith("s") and any(
            w in ctx.cardinals or w.isdigit() for w in window[-3:]
        )
        if is_plural_count:
            continue  # "three meetings" is a count, not a mention of one event
        np_right = cue.end
        while (
            np_right < sent_end
            and np_right - cue.end < 8
            and not ctx.breaks_at(np_right)
            and not ctx.past_at(np_right)
        ):
            np_right += 1
        context = ctx.content_words(
            window_start, np_right, skip=(cue.start, cue.end)
        ) | ctx.proper_nouns_at(sent_start)
        context -= ctx.event_words
        position = next((_POSITIONS[w] for w in window if w in _POSITIONS), None)
        kinds = _event_kinds(ctx, cue.start)
        if stage := ctx.event_stages.get(word):
            kinds |= {stage}  # "the semi-final" and "the final": two matches of one class
        if kinds:
            context |= {f"kind:{k}" for k in kinds}
        after = t.lower[cue.end : min(sent_end, cue.end + 2)]
        if (
            ctx.series_next_words.intersection(after)
            and event_class in mentions_by_class
            and determiner not in _INDEFINITE
        ):
            # "met on Monday ... and will meet again on Thursday": the next of the series
            # told before, one chain with it (compared on the other source's side of
            # publication)
            counts = mentions_by_class[event_class]
            chain = max(counts, key=lambda c: (counts[c], -c))
        elif determiner in _INDEFINITE or ordinal is not None or position is not None:
            chain = None  # "a meeting", "the second summit": a new event
        elif (
            kinds
            and word in chains_by_word
            and not any(chain_kinds.get(c, kinds) == kinds for c in chains_by_word[word])
        ):
            chain = None  # "the sentencing hearing" after "a bail hearing": another hearing
        elif word in chains_by_word:
            # "the quake" after "a massive quake struck in 2004": the story's own quake,
            # the most mentioned one, not the latest background one
            counts = {c: mentions_by_class[event_class].get(c, 0) for c in chains_by_word[word]}
            chain = max(counts, key=lambda c: (counts[c], -c))
        elif determiner in _DEFINITE and event_class in mentions_by_class:
            # "the session" after "a board meeting": the class's most mentioned event (not
            # one of another kind: "the final" after "the semi-final")
            counts = {
                c: n
                for c, n in mentions_by_class[event_class].items()
                if not kinds or chain_kinds.get(c, kinds) == kinds
            }
            chain = max(counts, key=lambda c: (counts[c], -c)) if counts else None
        else:
            chain = None
        if chain is None:
            chain = out.new_chain()
        mentions_by_class.setdefault(event_class, {}).setdefault(chain, 0)
        mentions_by_class[event_class][chain] += 1
        chains_by_word.setdefault(word, set()).add(chain)
        out.chain_context[chain] = out.chain_context.get(chain, frozenset()) | frozenset(context)
        if ordinal is not None:
            out.chain_ordinal.setdefault(chain, ordinal)
        if position is not None:
            out.chain_position.setdefault(chain, position)
        if kinds:
            chain_kinds.setdefault(chain, kinds)
        for i in range(cue.start, cue.end):
            by_token[i] = (chain, event_class)
    return by_token


def _event_kinds(ctx: _Context, start: int) -> frozenset[str]:
    """The kinds (lexicon ``event_kinds``) among the lower-case words right before an event
    word: "a bail hearing", "a plea and case management hearing" (up to four words, back
    to a determiner or anything but a lower-case word)."""
    if not ctx.event_kinds:
        return frozenset()
    t = ctx.tokens
    first = max(t.sent_start[start], start - 4)
    kinds = set()
    i = start - 1
    while i >= first and t.alpha[i] and t.lower[i] not in _DETERMINERS:
        if t.lower[i] in ctx.event_kinds:
            kinds.add(t.lower[i])
        i -= 1
    return frozenset(kinds)


def _describes_noun(ctx: _Context, cue: Span) -> bool:
    """True for an event word that is also an adjective, used as one: followed by a noun
    ("a primary health centre", "its final offer", "the ruling Liberal Party", "the
    ruling ANC")."""
    if cue.text.lower() not in ctx.adjective_event_words:
        return False
    t = ctx.tokens
    after = cue.end
    return (
        after < t.sent_end[cue.start]
        and t.alpha[after]
        and (t.lowercase[after] or t.title[after] or t.upper[after])
        and t.lower[after] not in STOP_WORDS
        and t.lower[after] not in ctx.calendar_words
        and t.lower[after] not in ctx.event_words
    )


def _inside_name(ctx: _Context, i: int) -> bool:
    """True for a capitalised word ``i`` inside a name or title ("Catching Fire", "Policy
    Report") or opening one ("the Medical Association"; not before a date: "the Summit
    Tuesday")."""
    t = ctx.tokens
    if not t.title[i] or i == t.sent_start[i]:
        return False
    before, after = i - 1, i + 1
    return (
        t.title[before]
        and t.alpha[before]
        and before != t.sent_start[before]
        or (t.upper[before] and len(t.text[before]) > 1)
        or (
            after < t.sent_end[i]
            and t.title[after]
            and t.alpha[after]
            and after not in ctx.timex_tokens
        )
    )


def _event_of(
    ctx: _Context, span: Span, chains: dict[int, tuple[int, str]]
) -> tuple[Span, int] | None:
    """The event word a date belongs to: the nearest one in its sentence (same clause first).
    None when a figure's verb stands between the event word and the date (``_figure_between``)."""
    left, right = ctx.clause(span.start, span.end)
    best: tuple[tuple[int, int], Span, int] | None = None
    for cue in ctx.cues_at(ctx.tokens.sent_start[span.start], "event:"):
        if cue.start in chains and not (span.start <= cue.start < span.end):
            in_clause = left <= cue.start < right
            if not in_clause and cue.start > span.start:
                continue  # "killed on June 24, while investigating an attack": not the attack's date
            if not in_clause and _dated_between(ctx, cue, span):
                continue  # "his trial began last Thursday, spoke ... Friday": Thursday's
            gap = (
                range(cue.end, span.start) if cue.end <= span.start else range(span.end, cue.start)
            )
            key = (0 if in_clause else 1, _plain_words(ctx, gap))
            if best is None or key < best[0]:
                best = (key, cue, chains[cue.start][0])
    if best is None or (best[0][0] == 1 and best[0][1] > 12):
        return None
    cue = best[1]
    if best[0][0] == 1 and cue.start < span.start and _opens_clause(ctx, span):
        return None  # "beat her in the quarter-final, and on Sunday she was calmer still"
    if not _names_the_event(ctx, cue, dated_before=span.end <= cue.start) or _phrasal_verb(
        ctx, cue
    ):
        return None
    between = range(cue.end, span.start) if cue.end <= span.start else range(span.end, cue.start)
    relation_tokens = {
        i
        for c in ctx.cues_at(ctx.tokens.sent_start[span.start], "relation:")
        for i in range(c.start, c.end)
    }
    reporting = {
        i
        for c in ctx.cues_at(ctx.tokens.sent_start[span.start], "reporting")
        for i in range(c.start, c.end)
    }
    if any(ctx.past_plan_at(i) for i in between) or _after_past_plan(ctx, cue):
        # "the vote had been scheduled to take place on Sunday but was postponed", "the
        # ministers were to meet on Friday but the talks were called off"
        return None
    if any(
        (ctx.past_at(i) or _progressive_at(ctx, i)) and i not in relation_tokens | reporting
        for i in between
    ) or _figure_between(ctx, cue, span):
        # "a constitution approved in September", "two men on Tuesday were discussing the
        # shooting": the date is the approval's, the discussion's; "called the match off and
        # said it would be replayed on Wednesday" reports the match's date
        return None
    return cue, best[2]


def _dated_between(ctx: _Context, cue: Span, span: Span) -> bool:
    """True when another date of the calendar dates event word ``cue`` in its own clause
    before the date ``span``, words apart from it ("who had been silent since her trial
    began last Thursday, spoke for the first time on Friday": the trial is Thursday's);
    not one beside it ("this morning, 16th August"), nor a duration ("with 6:00 minutes
    remaining in the third quarter"), nor one in a clause set in after the event word ("the
    talks, which began on Monday, ended on Wednesday")."""
    t = ctx.tokens
    sent_start = t.sent_start[span.start]
    for other in ctx.timex_by_sent.get(sent_start, ()):
        if not (cue.end <= other.start and other.end <= span.start):
            continue
        if _DATE_PARTS.isdisjoint(other.label_.split("+")):
            continue
        left, right = ctx.clause(other.start, other.end)
        if left <= cue.start < right <= span.start and any(
            t.alpha[i] for i in range(other.end, span.start)
        ):
            return True
    return False


def _plain_words(ctx: _Context, between: range) -> int:
    """How many tokens stand in ``between``, a name's words left out (a date's words count:
    they are no name): "talks between Harlow Mining and the Kelsall Miners' Union (KMU)
    collapsed on Wednesday" has eight tokens from the talks to the date."""
    t = ctx.tokens
    return sum(1 for i in between if not (t.alpha[i] and t.title[i]) or i in ctx.timex_tokens)


def _opens_clause(ctx: _Context, span: Span) -> bool:
    """True when date ``span`` opens a clause that goes on after it ("..., and on Sunday
    she was calmer still"): it dates what that clause tells, not an event word before it."""
    left, right = ctx.clause(span.start, span.end)
    return span.start == left and right > span.end


def _figure_between(ctx: _Context, cue: Span, span: Span) -> bool:
    """True when, between event word ``cue`` and the date ``span`` after it, a verb gives a
    figure (``_gives_figure``): the date is the figure's ("the number taken ill after a
    wedding rose to 58 on Monday" tells no wedding's day)."""
    return cue.end <= span.start and any(_gives_figure(ctx, i) for i in range(cue.end, span.start))


def _gives_figure(ctx: _Context, i: int) -> bool:
    """True when token ``i`` is a verb of the lexicon's ``figure_verbs`` telling the level
    a figure reached: a number (no clock time) after "to" or "at" ("rose to 58", "stood at
    1,200"); not a change ("rose 20%": the rise is a happening of its own), nor what the
    verb acts on ("hit four provinces"), nor an hour ("struck at 2 a.m.")."""
    t = ctx.tokens
    if t.lower[i] not in ctx.figure_verbs:
        return False
    end = t.sent_end[i]
    at = i + 1
    if at >= end or t.lower[at] not in ("to", "at"):
        return False
    return any(
        (any(ch.isdigit() for ch in t.lower[j]) or t.lower[j] in ctx.cardinals)
        and j not in ctx.timex_tokens
        for j in range(at + 1, min(at + 3, end))
    )


_EARLIER_INSTANCE = frozenset({"recent", "earlier", "previous", "prior", "preceding"})
"""Before an event word: another, earlier instance of the event ("the earlier hearing")."""
_WITHIN_EVENT = frozenset({"during", "throughout", "amid", "amidst"})
"""Before an event word: a moment inside the event ("shown on Thursday during the trial")."""
_OBJECT_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "their", "its", "our"})
"""After an -ing event word: its object, so a verb ("hearing an argument"); not "that",
which opens a clause about the event ("a meeting that opened on Monday")."""
_PROGRESSIVE_AUXILIARIES = frozenset({"is", "are", "am", "was", "were", "be", "been", "being"})


def _names_the_event(ctx: _Context, cue: Span, *, dated_before: bool) -> bool:
    """False when event word ``cue`` is no name of the event a date nearby dates: a verb
    ("after hearing an argument"), an earlier instance ("at the earlier hearing on Monday"),
    or, after the date, the span of time it falls in ("on Thursday during the trial")."""
    lower = ctx.tokens.lower
    if (
        cue.end < len(lower)
        and lower[cue.end - 1].endswith("ing")
        and lower[cue.end] in _OBJECT_DETERMINERS
    ):
        return False
    first = max(ctx.tokens.sent_start[cue.start], cue.start - 3)
    before = set(lower[first : cue.start])
    if _EARLIER_INSTANCE & set(lower[max(first, cue.start - 2) : cue.start]):
        return False
    return not (dated_before and _WITHIN_EVENT & before)


def _progressive_at(ctx: _Context, i: int) -> bool:
    """True for an -ing verb after a form of "be" ("were discussing")."""
    lower = ctx.tokens.lower
    return (
        lower[i].endswith("ing")
        and i > ctx.tokens.sent_start[i]
        and lower[i - 1] in _PROGRESSIVE_AUXILIARIES
    )


def _starts_from(ctx: _Context, span: Span, event: Span, markers: frozenset[str]) -> bool:
    """True when a date is the first day of the event word before it, set off by a start
    marker and no verb: "a 24-hour strike from Monday", "a two-day walkout by dock workers
    starting on Friday", "a curfew beginning Monday". Not the first day of a span ("from
    Monday to Wednesday", "from Monday until Friday"), nor a date a verb between dates ("the
    strike was called off from Friday")."""
    t = ctx.tokens
    lower = t.lower
    at = span.start
    if lower[at] == "from":
        marker = at
        if at > 0 and lower[at - 1] in markers:
            marker = at - 1  # "starting from Monday"
    elif at > 0 and lower[at - 1] in markers:
        marker = at - 1
    elif at > 1 and lower[at - 1] in ("on", "from") and lower[at - 2] in markers:
        marker = at - 2  # "starting on Friday" with "on" outside the date
    else:
        return False
    last = t.sent_end[span.start]
    if span.end < last and lower[span.end] in _SPAN_ENDS:
        return False  # "from Monday to Wednesday": a span, not a start
    if event.end > marker or marker - event.end > _START_REACH:
        return False
    left, _ = ctx.clause(marker, span.end)
    if event.start < left:
        return False
    durations = set()
    for other in ctx.timex_by_sent.get(t.sent_start[span.start], ()):
        if _DATE_PARTS.isdisjoint(other.label_.split("+")) and other.start <= marker:
            if other.end >= marker and not (
                other.start > 0 and "for" in (lower[other.start], lower[other.start - 1])
            ):
                return False  # "a week from Monday": a day a week on, no first day
            durations.update(range(other.start, other.end))
    # "walk off the job for 24 hours from Monday": a duration after "for" dates nothing
    return not any(
        ctx.past_at(i)
        or (i in ctx.timex_tokens and i not in durations)
        or t.text[i] in (";", ":", "(", ")")
        for i in range(event.end, marker)
    )


_SPAN_ENDS = frozenset({"to", "until", "till", "through", "thru", "-", "\u2013", "and", "or"})
"""Words after a "from" date that make it the start of a span of days."""
_START_REACH = 8
"""Tokens at most between an event word and the start marker of its first day."""


def _relation_of(ctx: _Context, span: Span, event: Span) -> str | None:
    """The rule id of the relation verb nearest the date (``event.start_date``...), if any."""
    left, right = ctx.clause(span.start, span.end)
    lo, hi = min(left, event.start), max(right, event.end)
    best: tuple[int, str] | None = None
    t = ctx.tokens
    for cue in ctx.cues_at(t.sent_start[span.start], "relation:"):
        if ctx.attributive_at(cue.start, cue.end) or ctx.hyphen_joined_at(cue.end):
            continue  # "the abandoned game will be replayed on Thursday": no calling off
        if t.title[cue.start] and cue.start > t.sent_start[cue.start] and t.alpha[cue.start - 1]:
            continue  # "to win the Harlow Open on Sunday": a name's word, no verb
        if lo <= cue.start < hi and not (span.start <= cue.start < span.end):
            if _claimed_by_other_date(ctx, span, cue):
                continue  # "gathered yesterday for a summit that ends today": today's end
            distance = span.start - cue.end if cue.end <= span.start else cue.start - span.end
            if best is None or distance < best[0]:
                best = (distance, cue.label_.split(":", 1)[1])
    return best[1] if best else None


_DATE_PARTS = frozenset(
    {
        "weekday",
        "month",
        "day",
        "year",
        "relative",
        "holiday",
        "deictic",
        "offset",
        "season",
        "quarter",
    }
)
"""Parts of a temporal expression's label that name a day or a period of the calendar (not a
duration, a clock time or a recurrence)."""


def _claimed_by_other_date(ctx: _Context, span: Span, cue: Span) -> bool:
    """True when relation verb ``cue`` dates another date of its sentence, not ``span``:
    a date lies between the two ("ends today, the fourth this year": "this year" is no
    end), or the verb comes after ``span`` with its own date right after it ("gathered
    yesterday for a summit that ends today": "yesterday" is no end)."""
    sent_start, sent_end = ctx.tokens.sent_start[span.start], ctx.tokens.sent_end[span.start]
    lo, hi = (cue.end, span.start) if cue.end <= span.start else (span.end, cue.start)
    for other in ctx.timex_by_sent.get(sent_start, ()):
        if other.start == span.start or not (sent_start <= other.start < sent_end):
            continue
        if _DATE_PARTS.isdisjoint(other.label_.split("+")):
            continue  # "will begin a three-day visit on Monday": a duration dates nothing
        if lo <= other.start and other.end <= hi:
            return True
        if span.end <= cue.start and cue.end <= other.start <= cue.end + 2:
            return True
    return False
