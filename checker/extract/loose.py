"""Loose amounts: a sum of money no rule's measure word took ("the bill came to €63 million")."""

from __future__ import annotations

from checker.extract.context import _Context, _mention_at, _quiet_words, quantity_lexicon
from checker.extract.mentions import FactMention
from checker.model import Source
from checker.quantities import lexicon_unit_factor
from checker.rules import RuleSet


def _loose_amounts(
    ctx: _Context, source: Source, ruleset: RuleSet, taken: list[FactMention]
) -> list[FactMention]:
    """Figures in one of the ``figure_slip`` rule's ``amounts`` dimensions (a currency) that no
    other reader took: each one a fact of that rule with no measure of its own, compared by
    ``compare.slip_findings`` with the one figure of its dimension another source gives.
    Left out: a figure in the dateline or a date, one of a range or list, a bound or a change
    ("rose by", "from", "up to"), whose role another reader would have to tell, and a rate or
    a total (one of the rule's ``whole_words`` right after it: "$4 million a year")."""
    rules = [r for r in ruleset.of_kind("figure_slip") if r.options.get("amounts")]
    if not rules:
        return []
    rule = rules[0]
    dimensions = frozenset(rule.options["amounts"])
    wholes = rule.options.get("whole_words", ())
    lexicon = quantity_lexicon(ruleset)
    quiet = ruleset.derived("quantity_quiet_words", lambda: _quiet_words(ruleset, lexicon))
    covered = [(m.where.start, m.where.end) for m in taken]
    t = ctx.tokens
    dateline = source.dateline
    facts = []
    firsts = sorted({t.sent_start[i] for i in ctx.number_starts(lexicon)})
    for first in firsts:
        sent = ctx.doc[first : t.sent_end[first]]
        for phrase in ctx.numbers_at(sent.start, lexicon):
            if (
                phrase.unit is None
                or phrase.value is None
                or phrase.listed
                or phrase.hedge not in (None, "approx")
            ):
                continue
            if lexicon_unit_factor(phrase.unit, lexicon)[1].split(":")[0] not in dimensions:
                continue
            start, end = sent.start + phrase.start, sent.start + phrase.end
            if any(i in ctx.timex_tokens for i in range(start, end)):
                continue
            if dateline and dateline.start <= ctx.doc[start].idx < dateline.end:
                continue
            before = t.lower[start - 1] if start > sent.start else ""
            if (
                before in lexicon.change_words
                or before in lexicon.from_words
                or before in ("by", "up", "down", "than", "and", "or")
            ):
                continue
            following = " ".join(t.lower[end : min(sent.end, end + 3)]) + " "
            if any(following.startswith(words + " ") for words in wholes):
                continue  # a rate ("$4 million a year"), a total ("in total")
            where = _mention_at(source, t, start, end)
            if any(a < where.end and where.start < b for a, b in covered):
                continue
            left, right = ctx.clause(start, end)
            names = ctx.quantity_names(sent, dateline) - quiet
            context = (ctx.content_words(left, right, skip=(start, end)) - quiet) | names
            facts.append(
                FactMention(
                    rule=rule.id,
                    family="quantity",
                    where=where,
                    tense=ctx.tense(start, end),
                    trigger=before,
                    event_class="",
                    context=frozenset(context),
                    amount=phrase,
                    role="level",
                    names=frozenset(names),
                )
            )
    return facts
