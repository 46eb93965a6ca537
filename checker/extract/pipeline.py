"""Read facts off an annotated Doc: dated events, deadlines, counts, words to spell-check.

Everything a later stage needs is copied out of the Doc here (offsets, line and
column, the sentence, the exact words), so nothing downstream re-reads the text.
Values are not normalized yet: that needs the publication date (``normalize``).
"""

from __future__ import annotations

import re
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from checker.extract.context import (
    _MAIN_REACH,
    _POSSESSIVE,
    LATER_INSTANCE,
    LIGHT_VERB,
    _Context,
    _mention_at,
    stem,
)
from checker.extract.counts import _counts, _paired_counts, _quantities, _single_counts, _streaks
from checker.extract.events import (
    _clause_facts,
    _clause_happening,
    _deadline_of,
    _deadline_predicate,
    _deadline_scope,
    _deadline_stance,
    _deadline_subject,
    _event_chains,
    _event_of,
    _is_report_date,
    _lead_end,
    _lead_event,
    _lead_relation,
    _main_event,
    _period_deadlines,
    _relation_of,
    _starts_from,
    _superlative_scope,
    _timex_tense,
    _unique_scopes,
    _verb_forms,
    _within_deadlines,
    _year_fact,
    _year_happening,
)
from checker.extract.figures import _anchored_changes, _figures
from checker.extract.loose import _loose_amounts
from checker.extract.mentions import Extraction, FactMention, TimexMention
from checker.extract.places import (
    _frame_places,
    _home_places,
    _places,
    _ranked_places,
    _route_places,
)
from checker.extract.scores import _scorelines
from checker.extract.words import _names, _words
from checker.model import Source, Tense
from checker.nlp import NON_DATE_ROLES
from checker.rules import RuleSet

_LEADS = {"on", "in", "by", "until", "since", "at", "from"}
_YEAR_LEADS = {"in", "since", "during", "until"}
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they"})
"""A sentence opening with one of these is about someone the sentence before names."""


_ACTOR_ENDS = frozenset({"has", "have", "had", "must"})
"""Words that end the subject of a deadline's clause ("Prosecutors have until June 5")."""
_ACTOR_SKIPPED = frozenset({"the", "his", "her", "its", "their", "a", "an"})


def _deadline_actor(ctx: _Context, left: int, end: int) -> frozenset[str]:
    """The words of who must act by a deadline: the subject that opens its own clause, before
    "has", "have", "had" or "must" ("Prosecutors have until June 5 to file", "the defence
    must file its submissions by July 4"), or before "to" in a clause joined by "and" that
    leaves out the verb ("..., and the defence to respond by July 4"); none otherwise."""
    t = ctx.tokens
    i = left
    while i < end and (t.text[i].isspace() or t.lower[i] == ","):
        i += 1  # (a sentence may open with the blank line before it)
    elliptic = (i < end and t.lower[i] == "and") or (left > 0 and t.lower[left - 1] == "and")
    i += i < end and t.lower[i] == "and"
    while i < end and t.lower[i] in _ACTOR_SKIPPED:
        i += 1
    words = []
    while i < end and t.alpha[i] and t.lower[i] not in _ACTOR_ENDS and len(words) < 3:
        if i in ctx.timex_tokens or t.lower[i] == "to":
            break
        words.append(t.lower[i])
        i += 1
    ends = _ACTOR_ENDS | ({"to"} if elliptic else set())
    if not words or i >= end or t.lower[i] not in ends:
        return frozenset()
    return frozenset(w for w in words if w not in STOP_WORDS)


_CAUSE_WORDS = frozenset({"after", "over", "following"})
_RELATIVES = frozenset({"that", "which", "who"})
_ARTICLES = frozenset({"a", "an", "the", "its", "their", "this"})
_OBJECT_PREPOSITIONS = frozenset(
    {
        "at",
        "of",
        "over",
        "into",
        "on",
        "about",
        "against",
        "to",
        "for",
        "in",
        "by",
        "from",
        "with",
        "near",
        "outside",
        "inside",
        "off",
        "beside",
        "amid",
    }
)
"""Prepositions whose object is not what a light verb dates ("protests over the blackout
began", "an investigation into the theft began", "a riot at X jail began": the riot)."""
"""Words after which a light verb's sentence names what the happening answered."""


def extract(
    doc: Doc, source: Source, ruleset: RuleSet, *, facts: bool = True, prefilter: bool = True
) -> Extraction:
    """Extract temporal expressions, fact candidates and words from an annotated ``doc``.

    Args:
        doc (Doc): the source text run through ``nlp.build_pipeline``.
        source (Source): the source the text belongs to.
        ruleset (RuleSet): the rules whose cues annotated ``doc``.
        facts (bool): also extract facts and words; False gives the temporal
            expressions only (the temporal tagger). Defaults to True.
        prefilter (bool): let extractors skip what none of their trigger words is in
            (the same facts, found sooner); False tries everything, for tests that
            compare the two. Defaults to True.
    """
    ctx = _Context(doc, ruleset, prefilter=prefilter)
    out = Extraction(source)
    chains = _event_chains(ctx, out) if facts else []
    deadline_rules = {r.id: r for r in ruleset.of_kind("deadline")}
    event_rules = ruleset.of_kind("event_date")
    default_event_rule = next((r.id for r in event_rules if r.options.get("default")), None)
    default_not_after = (
        frozenset(ruleset.rules[default_event_rule].options.get("not_after", ()))
        if default_event_rule
        else frozenset()
    )
    start_rule = next((r.id for r in event_rules if r.options.get("start_markers")), None)
    start_markers = (
        frozenset(ruleset.rules[start_rule].options["start_markers"]) if start_rule else frozenset()
    )
    # a date after "until" of an event of these classes: when a contract runs out
    until_rules = [
        (r.id, frozenset(r.options["until_words"]), frozenset(r.options.get("classes", ())))
        for r in event_rules
        if r.options.get("until_words")
    ]
    deadline_chains: dict[str, int] = {}
    lead_rules = ruleset.of_kind("lead_date") if facts else []
    clause_rules = [rule for rule in lead_rules if rule.options.get("clause")]
    lead_rules = [rule for rule in lead_rules if not rule.options.get("clause")]
    clause_forms = ruleset.derived(
        "clause_verb_forms", lambda: {r.id: _verb_forms(r) for r in ruleset.of_kind("lead_date")}
    )
    lead_ends = {rule.id: _lead_end(ctx, rule.options.get("sentences", 2)) for rule in lead_rules}

    @cache
    def lead_words(rule_id: str) -> frozenset[str]:
        """The words of the lead and the headline, a lead date's context: made at the first
        lead date of ``rule_id`` (most sources have none)."""
        return frozenset(ctx.content_words(0, lead_ends[rule_id]) | _title_words(source, ctx))

    def stage_kind(cue: Span) -> frozenset[str]:
        """The competition stage an event word names ("kind:semifinal"), if any; a word
        after a hyphen is read with the word before it ("semi-final": not the final)."""
        word = cue.text.lower()
        at = cue.start
        if at >= 2 and ctx.tokens.text[at - 1] == "-" and not ctx.tokens.spaced[at - 2]:
            word = f"{ctx.tokens.lower[at - 2]}-{word}"
        stage = ctx.event_stages.get(word)
        return frozenset({f"kind:{stage}"}) if stage else frozenset()

    def main_words(span: Span, cue: Span) -> frozenset[str]:
        """The words of a main-event date's sentence and all before it (the headline, a
        dateline) and the metadata's headline: two sources' leads that share enough of them
        tell of one event, whatever verb each dates it with. The words after the date's
        verb are added marked with "@" (what it acts on: "condemned the bombing on
        Friday", "called on Monday for the ruling to be overturned")."""
        end = ctx.tokens.sent_end[span.start]
        # a bounded reach: a text with no full stop is one long "sentence"; what the verb
        # acts on ends at a comma before a participle that tells the same act again
        # (`restating_participles`: "blocked the extradition on Thursday, ruling that
        # ..."), not at one before another ("rallied on Monday, demanding justice for the
        # reporter who was shot": a reaction)
        reach = min(end, cue.end + _MAIN_REACH)
        lower = ctx.tokens.lower
        reach = next(
            (
                i
                for i in range(max(cue.end, span.end), reach - 1)
                if lower[i] in (",", ";") and lower[i + 1] in restating
            ),
            reach,
        )
        meanings = same_happening(cue)
        start = cue.end
        if LIGHT_VERB in meanings:
            # "began", "erupted" act on nothing: only what follows "after" or "over" is
            # what they answer ("protests erupted on Sunday after the leader was jailed")
            start = next((i + 1 for i in range(cue.end, reach) if lower[i] in _CAUSE_WORDS), reach)
        after = ctx.content_words(start, reach, skip=(span.start, span.end))
        head = head_words(end)
        if not later_words.isdisjoint(head):
            meanings = meanings | {LATER_INSTANCE}  # "Second pollution incident on the river"
        return head | {"@" + w for w in after} | meanings

    main_rule = next((r for r in lead_rules if r.options.get("main")), None)
    happenings = main_rule.options.get("same_happenings", {}) if main_rule else {}
    light_verbs = main_rule.options.get("light_verbs", ()) if main_rule else ()
    restating = frozenset(main_rule.options.get("restating_participles", ())) if main_rule else ()
    later_words = frozenset(main_rule.options.get("later_words", ())) if main_rule else frozenset()

    def same_happening(cue: Span) -> set[str]:
        """ "~" and the meaning of the words the date's verb starts ("entered passenger
        service" and "opened" mean "open"; the main rule's `same_happenings`). A light verb
        (`light_verbs`: "began", "erupted", "broke out") tells no happening of its own: the
        meanings are those of the words right before it in its clause ("a mutiny aboard
        the ferry that began at dawn", "the clashes that erupted at the port": "mutiny")."""
        if not happenings:
            return set()
        # the words as written, a hyphenated word whole ("gave the go-ahead")
        t = ctx.tokens
        said = (
            "".join(
                t.lower[i] + (" " if t.spaced[i] else "")
                for i in range(cue.start, min(cue.start + 6, len(t.lower)))
            ).rstrip()
            + " "
        )
        meanings = {
            "~" + stem(meaning)
            for meaning, phrases in happenings.items()
            if any(said.startswith(phrase + " ") for phrase in phrases)
        }
        if any(said.startswith(verb + " ") for verb in light_verbs):
            # what began: the words right before the verb in its clause, over a relative
            # pronoun, names and small words ("the unrest that erupted", "a riot at the X
            # Centre near Y that began"), two words at most
            before: list[str] = []
            first = ctx.tokens.sent_start[cue.start]
            # after "that" or "which", the noun it stands for: the head before its own
            # phrases ("in a riot at X jail near Y that began": riot); else the clause's
            # subject ("protests over the blackout began": protests)
            relative = cue.start > first and ctx.tokens.lower[cue.start - 1] in _RELATIVES
            for i in range(cue.start - 1, first - 1, -1):
                word = ctx.tokens.lower[i]
                if word in (",", ";", ":") or len(before) == 2:
                    break
                if relative and before and word in _ARTICLES:
                    break
                if word in _OBJECT_PREPOSITIONS:
                    before.clear()  # "protests over the blackout began": not the blackout
                    continue
                if not ctx.tokens.alpha[i] or word in STOP_WORDS:
                    continue
                if ctx.tokens.title[i] and i != first:
                    continue  # a name ("Valden", "Osmark")
                before.insert(0, word)
            said_before = f" {' '.join(before)} "
            meanings |= {
                "~" + stem(meaning)
                for meaning, phrases in happenings.items()
                if any(f" {phrase} " in said_before for phrase in phrases)
            }
            meanings.add(LIGHT_VERB)
        return meanings

    @cache
    def head_words(end: int) -> frozenset[str]:
        """The words of the text up to token ``end`` and of the metadata's headline."""
        return frozenset(ctx.content_words(0, end) | _title_words(source, ctx))

    deadline_starts = {
        other.start
        for other in ctx.timex_spans
        if any(
            ctx.tokens.lower[other.start] in rule.options["markers"]
            for rule in deadline_rules.values()
        )
    }

    def other_deadline(i: int) -> bool:
        """True when token ``i`` starts a date after a deadline marker ("by December 31")."""
        return i in deadline_starts

    main_dates: list[tuple[Span, Span, frozenset[str]]] = []
    dateline = source.dateline
    for span in ctx.timex_spans:
        if dateline and span.start_char < dateline.end and span.end_char > dateline.start:
            continue  # the dateline dates the story, not an event in it
        tense = _timex_tense(ctx, span)
        reported = _is_report_date(ctx, span)
        lower = ctx.tokens.lower
        lead = (
            span.start
            if lower[span.start] in _LEADS
            else (span.start - 1 if span.start > 0 else None)
        )
        timex = TimexMention(
            where=_mention_at(source, ctx.tokens, span.start, span.end),
            words=tuple(ctx.tokens.text[span.start : span.end]),
            roles=frozenset(span.label_.split("+")),
            tense=tense,
            reported=reported,
            governor=lower[lead] if lead is not None else "",
        )
        out.timexes.append(timex)
        if not facts or timex.roles & NON_DATE_ROLES:
            continue  # a duration, set, era or vague reference dates no event
        if _superlative_scope(ctx, span):
            continue  # "the worst accident this year": the comparison's bound
        deadline = _deadline_of(ctx, span, tense, deadline_rules)
        if deadline is not None:
            rule_id, trigger, definite, ahead = deadline
            left, right = ctx.joined_clause(span.start, span.end)
            own_left = ctx.clause(span.start, span.end)[0]
            if any(other_deadline(i) for i in range(left, own_left)):
                # "construction must be completed by December 31, and the developer has
                # until March 31 to ...": the clause joined before is another deadline's
                left = own_left
            options = ruleset.rules[rule_id].options
            earlier = options.get("earlier_words", ())
            if any(lower[i] in earlier for i in range(left, span.start)):
                continue  # "had originally promised it would be running by 2025": moved since
            predicate = _deadline_predicate(
                ctx, span, left, options.get("predicates", {}), options.get("triggers", ())
            )
            if left >= span.start - 1 and right <= span.end:
                # "now has 60 days, until May 2, to set the price": a date set off by commas
                # is about the clauses on either side of it
                first, last = ctx.tokens.sent_start[span.start], ctx.tokens.sent_end[span.start]
                if left - 1 > first:
                    left = ctx.clause(left - 2, left - 1)[0]
                if right + 1 < last:
                    right = ctx.clause(right + 1, right + 2)[1]
            # the clause's words and the sentence's names: "X Airport, the main gateway, will
            # stay closed until Friday" names what is closed outside the deadline's clause
            sent_start = ctx.tokens.sent_start[span.start]
            context = (
                ctx.content_words(left, right, skip=(span.start, span.end))
                | ctx.proper_nouns_at(sent_start)
            ) - {trigger}
            # a name the story repeats in half its sentences tells no deadline from another
            context -= ctx.story_names()
            if predicate:
                context.add(f"^{predicate}")  # what must happen: "^operate", "^restore"
            if scope := _deadline_scope(ctx, span, options.get("scopes", {})):
                context.add(f"%{scope}")  # "the first ferries", "the full order"
            if stance := _deadline_stance(ctx, span, options.get("stances", {})):
                context.add(f"!{stance}")  # "ordered the bank to", "expected to"
            # who must act: "Prosecutors have until June 5", "the defence to respond by"
            context |= {f"*{w}" for w in _deadline_actor(ctx, own_left, span.start)}
            # the rest of the sentence, marked "&": counted only for deadlines of one listed
            # task ("allowed both parties until January 31 to reach a deal", "asked them to
            # resolve the dispute by the end of March")
            rest = ctx.content_words(
                sent_start, ctx.tokens.sent_end[span.start], skip=(span.start, span.end)
            )
            context |= {"&" + w for w in rest - context - ctx.story_names() - {trigger}}
            clause_text = f" {' '.join(ctx.tokens.lower[left:right])} "
            for meaning, phrases in ruleset.rules[rule_id].options.get("same_words", {}).items():
                if any(f" {phrase} " in clause_text for phrase in phrases):
                    context.add(f"={meaning}")  # "remain in place", "stay in force"
            opening = sent_start
            while opening < span.start and ctx.tokens.text[opening].isspace():
                opening += 1  # a sentence may open with the blank line before it
            if ctx.tokens.lower[opening] in _SUBJECT_PRONOUNS and sent_start > 0:
                # "She has been given 45 days, until April 30": who is given the time is
                # named in the sentence before
                before = sent_start - 1
                while before > 0 and ctx.tokens.text[before].isspace():
                    before -= 1  # the blank line between paragraphs
                context |= ctx.proper_nouns_at(ctx.tokens.sent_start[before])
            key = f"{rule_id}:{trigger}"
            if definite and key in deadline_chains:
                chain = deadline_chains[key]
            else:  # a new chain: "by 2031" after "by March" is another deadline
                chain = out.new_chain()
                deadline_chains[key] = chain
            out.chain_context[chain] = out.chain_context.get(chain, frozenset()) | frozenset(
                context
            )
            # A deadline looks ahead: "gave the March 31 deadline" is this year's
            # December 31, so a past clause only means "the nearest", never "last year's";
            # "ordered them to submit a plan by Friday" is the coming Friday.
            deadline_tense: Tense = "none" if tense == "past" and not ahead else "future"
            # role "after publication": a deadline only if its date lies after publication
            out.facts.append(
                FactMention(
                    rule=rule_id,
                    family="deadline",
                    where=timex.where,
                    tense=deadline_tense,
                    trigger=trigger,
                    event_class="deadline",
                    context=frozenset(context),
                    chain=chain,
                    timex=TimexMention(timex.where, timex.words, timex.roles, deadline_tense),
                    subject=_deadline_subject(ctx, span, trigger),
                    role="after publication" if ahead is None else None,
                )
            )
            continue
        if not reported:
            for rule in clause_rules:
                if happening := _clause_happening(ctx, span, rule):
                    forms = clause_forms[rule.id]
                    out.facts.extend(_clause_facts(ctx, span, timex, tense, rule, happening, forms))
                    if timex.roles == {"year"} and (
                        meaning := _year_happening(ctx, span, happening[1], rule)
                    ):
                        out.facts.append(_year_fact(ctx, span, timex, tense, rule, meaning))
            for rule in lead_rules:
                reader = _main_event if rule.options.get("main") else _lead_event
                if span.end <= lead_ends[rule.id] and (lead := reader(ctx, span, tense, rule)):
                    cue, event_class, lead_tense = lead
                    # "the talks, which began on Monday" and "talks that ended on Thursday"
                    # date the event's two ends: a lead date is compared only with one of
                    # its relation (start, end, or the event itself)
                    relation = _lead_relation(ctx, span, cue, ruleset)
                    where = timex.where
                    if rule.options.get("main"):
                        main_dates.append((span, cue, main_words(span, cue)))
                    if (
                        rule.options.get("main")
                        and span.end <= cue.start <= span.end + 3
                        and _POSSESSIVE & set(lower[span.end - 1 : span.end + 1])
                    ):
                        # "last Saturday's final": the date quoted with what it dates
                        where = _mention_at(source, ctx.tokens, span.start, cue.end)
                    out.facts.append(
                        FactMention(
                            rule=rule.id,
                            family="lead",
                            where=where,
                            tense=lead_tense,
                            trigger=cue.text.lower(),
                            event_class=event_class,
                            context=(
                                main_words(span, cue)
                                if rule.options.get("main")
                                else lead_words(rule.id)
                            )
                            | stage_kind(cue),
                            timex=timex,
                            subject=event_class,
                            role=relation,
                        )
                    )
        if reported or default_event_rule is None:
            continue
        if timex.roles == {"year"} and lower[span.start] not in _YEAR_LEADS:
            continue  # "forecasts for 2026", "the 2025 edition": a year that is not when

        if span.start > 0 and lower[span.start - 1] in default_not_after:
            continue  # "well into September": how long, not when
        event = _event_of(ctx, span, chains)
        if event is None:
            continue
        cue, chain = event
        rule_id = _relation_of(ctx, span, cue) or default_event_rule
        event_class = cue.label_.split(":", 1)[1]
        for until_rule, until_words, classes in until_rules:
            if lower[span.start] in until_words and event_class in classes:
                rule_id = until_rule  # "has signed a contract until June 2030"
        role = None
        if (
            start_rule is not None
            and rule_id in (default_event_rule, start_rule)
            and _starts_from(ctx, span, cue, start_markers)
        ):
            # "called a 24-hour strike from Monday": the strike's first day, whatever
            # the tense of the call; a weekday is the nearest such day to publication.
            # Not so when the clause looks ahead ("will walk off the job from Tuesday")
            # or the event word is itself the past verb ("walked off the job from
            # Thursday"): the tense tells which Tuesday, which Thursday
            told_by_tense = tense == "future" or ctx.past_at(cue.start)
            rule_id, role = start_rule, None if told_by_tense else "nearest"
        out.facts.append(
            FactMention(
                rule=rule_id,
                family="date",
                where=timex.where,
                tense=tense,
                trigger=cue.text.lower(),
                event_class=cue.label_.split(":", 1)[1],
                context=out.chain_context.get(chain, frozenset()),
                chain=chain,
                ordinal=out.chain_ordinal.get(chain),
                timex=timex,
                role=role,
            )
        )
    if facts:
        _unique_scopes(out)
        out.facts.extend(_counts(ctx, source, ruleset))
        out.facts.extend(_streaks(ctx, source, ruleset))
        out.facts.extend(_quantities(ctx, source, ruleset, out.timexes))
        out.facts.extend(_figures(ctx, source, ruleset, out.timexes, out.facts))
        out.facts.extend(_anchored_changes(ctx, source, ruleset, out.facts))
        out.facts.extend(_scorelines(ctx, source, ruleset))
        out.facts.extend(_paired_counts(ctx, source, ruleset))
        out.facts.extend(_single_counts(ctx, source, ruleset, out.facts))
        out.facts.extend(_loose_amounts(ctx, source, ruleset, out.facts))
        out.facts.extend(_places(ctx, source, ruleset, chains, out, main_dates))
        out.facts.extend(_ranked_places(ctx, source, ruleset, out.new_chain))
        out.facts.extend(_home_places(ctx, source, ruleset, out.new_chain))
        out.facts.extend(_frame_places(ctx, source, ruleset, out.new_chain))
        out.facts.extend(_route_places(ctx, source, ruleset, out.new_chain))
        out.facts.extend(_period_deadlines(ctx, source, ruleset, out))
        main_day = main_dates[0][0] if main_dates else None
        out.facts.extend(_within_deadlines(ctx, source, ruleset, out, main_day))
        out.words = _words(doc, source, ctx.tokens)
        out.names = _names(ctx, source)
    return out


def _title_words(source: Source, ctx: _Context) -> set[str]:
    """Content words of the headline the source's metadata gives (not in its text)."""
    if not source.title:
        return set()
    return {
        stem(word)
        for word in re.findall(r"[^\W\d_]+", source.title.lower())
        if len(word) >= 2 and word not in STOP_WORDS and word not in ctx.calendar_words
    }
