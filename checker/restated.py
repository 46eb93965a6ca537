"""Restated dates: one statement told by two sources in nearly the same words, each with one
day, and the days differ ("The port authority reopened the northern terminal on Tuesday" /
"The northern terminal was reopened by the port authority on Wednesday").

The readers of dated events need an event word, a deadline marker or a subject and verb
they can key across sources. Outlets often restate one sentence of a wire story with its
words shuffled; what two such sentences share is most of their words. This comparator
keys a date on its sentence's content words, whatever the sentence says, and compares a
pair only when:

* each sentence holds one day and no other resolved date nor an offset from it (a sentence
  with two dates, or "began on Monday and was escalated a week later", tells two things,
  and which is which is the readers' work);
* the sentences share ``min_shared`` content words, and ``min_overlap`` of all the content
  words of the two (a stemmed word, no stop word, no calendar word or figure): "A jury
  found the sect leader guilty on both assault charges on Thursday" and "The sect leader
  was sentenced to life on Tuesday following his conviction on assault charges" share
  five words of twenty, and tell two happenings;
* the sentences share a verb when both have one (a content word after an auxiliary,
  in -ed or one of the rule's irregular ``verb_forms``: "was called off" and "will be played" tell two happenings of one final);
* the dates stand after prepositions of one class (``on``/none, ``by``/``before``,
  ``until``, ``since``/``from``): "filed on Friday" is no restatement of "must file by
  Friday";
* neither date is a report's ("said on Monday"), a recalled one, or in a quotation;
* each is the other's best match, both ways.

A finding is told only when no other rule tells a conflict over either statement, and
not when another rule found either statement to agree with a statement of the other
source (``compare._without_repeats`` and ``restated_findings``' ``agreements``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from checker.extract.context import stem
from checker.model import Agreement, Evidence, Finding, Interval
from checker.nlp import NON_DATE_ROLES
from checker.normalize import NormalizedSource, ResolvedTimex
from checker.rules import Rule

_WORD = re.compile(r"[^\W\d_]{3,}")
_CALENDAR = frozenset(
    {
        *(d.lower() for d in ("Monday Tuesday Wednesday Thursday Friday Saturday Sunday").split()),
        *(
            m.lower()
            for m in (
                "January February March April May June July August September October "
                "November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
            ).split()
        ),
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
        "week",
        "month",
        "year",
        "day",
        "morning",
        "afternoon",
        "evening",
        "night",
        "last",
        "next",
        "this",
        "earlier",
        "later",
    }
)
_GOVERNOR_CLASSES = {
    "": "point",
    "on": "point",
    "at": "point",
    "by": "deadline",
    "before": "deadline",
    "until": "end",
    "till": "end",
    "through": "end",
    "since": "start",
    "from": "start",
}


_AUXILIARIES = frozenset(
    "will would was were is are be been being has have had to did does do shall should "
    "could can may might must".split()
)


@dataclass(frozen=True)
class _Candidate:
    """A sentence's one day, with the sentence's content words and its verbs."""

    timex: ResolvedTimex
    value: Interval
    words: frozenset[str]
    governor: str
    verbs: frozenset[str]
    stages: frozenset[str] = frozenset()
    """The competition stages the sentence names (lexicon ``event_stages``)."""


def _verbs(sentence: str, forms: dict[str, str] | None = None) -> frozenset[str]:
    """The stems of the sentence's words that read as verbs with no tagger: a content word
    after an auxiliary ("will be played", "was called off"), in -ed ("reopened"), or one of
    the rule's irregular ``forms`` ("struck"), each read as its family (form -> family:
    "struck" and "hit" one verb)."""
    forms = forms or {}
    words = _WORD.findall(sentence.lower())
    return frozenset(
        forms.get(word) or stem(word)
        for k, word in enumerate(words)
        if word not in STOP_WORDS
        and word not in _CALENDAR
        and (
            (k and words[k - 1] in _AUXILIARIES)
            or (word.endswith("ed") and len(word) > 4)
            or word in forms
        )
    )


@lru_cache(maxsize=16)
def _verb_forms(listed: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, str]:
    """A rule's ``verb_forms`` (family -> forms) as form -> the family's stem ("will strike"
    and "struck" meet), made once per rule."""
    return {form.lower(): stem(family) for family, forms in listed for form in forms}


_STAGE_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def _stages(sentence: str, stages: dict[str, str]) -> frozenset[str]:
    """The stages of ``stages`` (word -> stage) the sentence names ("semi-final", "final")."""
    if not stages:
        return frozenset()
    return frozenset(
        stages[word] for word in _STAGE_WORD.findall(sentence.lower()) if word in stages
    )


def _content_words(sentence: str) -> frozenset[str]:
    words = set()
    for word in _WORD.findall(sentence.lower()):
        if word not in STOP_WORDS and word not in _CALENDAR:
            words.add(stem(word))
    return frozenset(words)


def past_plan_pattern(participles: Iterable[str]) -> re.Pattern[str]:
    """A plan told in the past, before a sentence's date: "was due to", "had been scheduled
    to", "were expected to" (the lexicon's ``plan_participles`` and "due"), "were to"."""
    words = "|".join(sorted({re.escape(w.lower()) for w in participles} | {"due"}))
    return re.compile(rf"\b(?:(?:was|were|been)\s+(?:{words})|was|were)\s+to\b", re.IGNORECASE)


def _candidates(
    normalized: NormalizedSource,
    stages: dict[str, str] | None = None,
    forms: dict[str, str] | None = None,
    plans: re.Pattern[str] | None = None,
) -> list[_Candidate]:
    """The source's sentences that hold one day and no other resolved date."""
    by_sentence: dict[int, list[ResolvedTimex]] = defaultdict(list)
    for timex in normalized.timexes:
        where = timex.mention.where
        by_sentence[where.start - where.sentence_offset].append(timex)
    published = normalized.source.published
    out = []
    for timexes in by_sentence.values():
        dated = [
            t for t in timexes if t.value is not None and not (t.mention.roles & NON_DATE_ROLES)
        ]
        if len(dated) != 1 or any("offset" in t.mention.roles for t in timexes):
            continue  # (an offset, "and was escalated a week later", dates a second thing)
        timex = dated[0]
        value = timex.value
        assert value is not None
        mention = timex.mention
        governor = _GOVERNOR_CLASSES.get(mention.governor)
        if (
            value.granularity != "day"
            or value.start != value.end
            or value.also is not None  # "next Thursday": one of two days
            or not value.year_known
            or mention.reported
            or governor is None
        ):
            continue
        if published is not None and abs((published - value.end).days) > 31:
            continue  # a recalled day, or one far ahead: not the news both tell
        sentence = mention.where.sentence
        before = sentence[: max(0, mention.where.sentence_offset)]
        if before.count('"') % 2 or before.count("\u201c") > before.count("\u201d"):
            continue  # inside a quotation
        if plans is not None and plans.search(before):
            continue  # "was due to dock on Monday but storms held it": a plan that failed
        out.append(
            _Candidate(
                timex,
                value,
                _content_words(sentence),
                governor,
                _verbs(sentence, forms),
                _stages(sentence, stages or {}),
            )
        )
    return out


@lru_cache(maxsize=16)
def _stems(words: tuple[str, ...]) -> frozenset[str]:
    """The stems of a rule's word list, made once per list (not once per pair scored)."""
    return frozenset(stem(word) for word in words)


def _score(a: _Candidate, b: _Candidate, rule: Rule) -> int:
    """The content words two candidates' sentences share, 0 unless they restate one
    statement: ``min_shared`` words and ``min_overlap`` of all their words (shared over
    either's)."""
    if a.governor != b.governor:
        return 0
    if a.verbs and b.verbs and a.verbs.isdisjoint(b.verbs):
        return 0  # "the final was called off on Saturday", "the final will be played on Tuesday"
    if a.stages and b.stages and a.stages.isdisjoint(b.stages):
        return 0  # "beat X in the semi-final on Friday", "won the final on Sunday"
    progress = _stems(tuple(rule.options.get("progress_words", ())))
    if not progress.isdisjoint(a.words | b.words):
        return 0  # "with 94.1% of ballots counted on Monday": how far a count had got
    shared = len(a.words & b.words)
    if shared < int(rule.options.get("min_shared", 4)):
        return 0
    if shared / len(a.words | b.words) < float(rule.options.get("min_overlap", 0.4)):
        return 0
    return shared


def restated_findings(
    sources: list[NormalizedSource],
    rule: Rule,
    story: str,
    anchors: dict[str, str],
    agreements: list[Agreement],
    stages: dict[str, str] | None = None,
    plans: re.Pattern[str] | None = None,
) -> list[Finding]:
    """Findings of one statement restated by sources with different days (see the module's
    docstring for when two sentences are one statement): one finding for each statement,
    with every source that restates it."""
    from checker.compare import render_message

    agreed: dict[tuple[str, int, int], set[str]] = defaultdict(set)
    for agreement in agreements:
        judged = agreement.judged or agreement.evidence
        for evidence in judged:
            others = {e.source for e in judged} - {evidence.source}
            agreed[(evidence.source, evidence.line, evidence.column)] |= others
    listed = rule.options.get("verb_forms", {})
    forms = _verb_forms(tuple((family, tuple(f)) for family, f in listed.items()))
    per_source = [(n, _candidates(n, stages, forms, plans)) for n in sources]
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(node: tuple[int, int]) -> tuple[int, int]:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    # sources whose one candidate reads alike (words, verbs, governor) restate it alike:
    # each joins the first of them, and only the first is paired with the rest (a desk's
    # folder of thousands of briefs need not be compared pair by pair)
    paired: list[int] = []
    first_of: dict[tuple, int] = {}
    alike: list[tuple[int, int]] = []  # (source, the first source of its reading)
    for i, (_source, cands) in enumerate(per_source):
        if len(cands) == 1:
            (c,) = cands
            sign = (c.words, c.verbs, c.governor)
            if sign in first_of:
                alike.append((i, first_of[sign]))
                continue
            first_of[sign] = i
        paired.append(i)
    for n, i in enumerate(paired):
        cands_a = per_source[i][1]
        for j in paired[n + 1 :]:
            cands_b = per_source[j][1]
            scores = {
                (x, y): score
                for x, a in enumerate(cands_a)
                for y, b in enumerate(cands_b)
                if (score := _score(a, b, rule)) > 0
            }
            for (x, y), score in scores.items():
                best_a = max(s for (xx, _), s in scores.items() if xx == x)
                best_b = max(s for (_, yy), s in scores.items() if yy == y)
                ties = sum(
                    1 for (xx, yy), s in scores.items() if (xx == x or yy == y) and s == score
                )
                if score == best_a == best_b and ties == 1:  # each the other's one best match
                    parent[find((i, x))] = find((j, y))
    for i, first in alike:
        # paired with any other source, it fares as the first does; with the first, its
        # one candidate restates the first's when the two share enough words
        (c,) = per_source[i][1]
        if (first, 0) in parent or _score(c, c, rule) > 0:
            parent[find((i, 0))] = find((first, 0))
    components: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for node in list(parent):
        components[find(node)].append(node)
    findings = []
    for nodes in components.values():
        nodes.sort()
        if len({i for i, _ in nodes}) != len(nodes):
            continue  # two statements of one source in one restatement: no one statement
        stated = [(per_source[i][0], per_source[i][1][x]) for i, x in nodes]
        stated.sort(key=lambda nc: (nc[0].source.id, nc[1].timex.mention.where.start))
        if len({c.value for _, c in stated}) < 2:
            continue
        value_of = {n.source.id: c.value for n, c in stated}
        if any(
            value_of.get(other, c.value) != c.value
            for n, c in stated
            for other in agreed[
                (n.source.id, c.timex.mention.where.line, c.timex.mention.where.column)
            ]
        ):
            continue  # another rule found a statement to agree with one told another day
        groups: dict[str, list[str]] = defaultdict(list)
        for n, c in stated:
            groups[c.value.label()].append(n.source.id.rsplit("/", 1)[-1])
        values = " vs ".join(f"{label} ({', '.join(names)})" for label, names in groups.items())
        findings.append(
            Finding(
                kind="discrepancy",
                rule=rule.id,
                severity=rule.level,  # type: ignore[arg-type]
                story=story,
                message=render_message(rule.message, values=values),
                evidence=tuple(_evidence(n, c, anchors) for n, c in stated),
            )
        )
    return findings


def _evidence(normalized: NormalizedSource, candidate: _Candidate, anchors: dict) -> Evidence:
    where = candidate.timex.mention.where
    return Evidence(
        normalized.source.id,
        where.line,
        where.column,
        where.text,
        candidate.value.label(),
        where.sentence,
        anchors.get(normalized.source.id),
        where.sentence_offset,
    )
