"""The spaCy pipeline: blank English (or an installed trained pipeline) plus rule components.

Two components, both fed from ``rules/``:

* ``checker_timex`` finds temporal expressions (Matcher patterns from
  ``extends: temporal`` rules), joins adjacent pieces that refine each other and
  writes them to ``doc.spans["timex"]``; its label lists the roles found.
* ``checker_cue_ruler`` (spaCy's ``SpanRuler``, with a faster ``match``) finds cue
  words (event nouns, relation verbs, deadline words, tense markers, counted nouns) and
  writes ``doc.spans["cues"]``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import compress
from pathlib import Path
from typing import Any

import numpy
import spacy
import srsly
from spacy.attrs import IS_PUNCT, IS_SPACE, LOWER, ORTH, SENT_START
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import SpanRuler
from spacy.strings import get_string_id
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token

from checker import errors
from checker.rules import RuleSet

TIMEX_KEY = "timex"
CUES_KEY = "cues"
_JOINERS = {",", "(", ")", "of", "the", "-", "on"}
_LEAD_PREPOSITIONS = {"on", "in", "by", "until", "since", "at", "from"}
STANDALONE_ROLES = frozenset({"duration", "offset", "set", "ref", "era", "daytime"})
"""Roles of expressions that are never joined with a neighbour (a duration, a set...)."""
NON_DATE_ROLES = frozenset(
    {"duration", "set", "ref", "era", "offset", "season", "daytime", "holiday"}
)
"""Roles of expressions the checker's date facts do not rest on: no calendar date
(durations, sets...) or a time of day counted from the creation time ("this morning")."""
_APPOSITION_VERBS = (("is",), ("was",), ("will", "be"), ("falls", "on"), ("fell", "on"))
"""Between "which" and a weekday given after its date ("March 31, which is a Tuesday")."""


def _weekday_apposition(gap: list[str]) -> bool:
    """True for the words between a date and its weekday set after it: ", a" ("March 31, a
    Tuesday") or ", which is (a)" ("March 31, which falls on a Tuesday")."""
    if not gap or gap[0] != ",":
        return False
    rest = gap[1:]
    if rest and rest[-1] == "a":
        rest = rest[:-1]
    elif not rest:
        return False  # ", Tuesday" joins as any date and weekday do
    if not rest:
        return True  # ", a"
    return rest[0] in ("which", "that") and tuple(rest[1:]) in _APPOSITION_VERBS


_YEAR_TAKERS = {"month", "mod", "season", "quarter", "holiday"}
"""Roles of a piece a following bare year may join ("June 2012", "early 2011", "summer 2012",
"the third quarter of 2023")."""


@dataclass(frozen=True)
class _Trigger:
    """A cheap test for one required token of a pattern: where it can match, the
    pattern may match nearby (used to run the Matcher on windows, not the whole Doc)."""

    words: frozenset[str] = frozenset()
    regex: re.Pattern | None = None
    on_lower: bool = False
    like_num: bool = False
    shapes: frozenset[str] = frozenset()


def _trigger_of(spec: dict) -> tuple[float, _Trigger] | None:
    """A trigger for one token spec and how selective it is (higher is better), or None."""
    if spec.get("LIKE_NUM") is True:
        # any number: rarer than a one-letter word, commoner than a list of unit words
        # ("day", "yr"), which then triggers the pattern instead (a third of the matching time)
        return 1.9, _Trigger(like_num=True)
    for key in ("LOWER", "ORTH", "TEXT"):
        value = spec.get(key)
        if isinstance(value, str):
            return float(len(value)), _Trigger(words=frozenset({value, value.lower()}))
        if isinstance(value, dict) and isinstance(value.get("IN"), list) and value["IN"]:
            words = frozenset(str(w) for w in value["IN"]) | {str(w).lower() for w in value["IN"]}
            return float(min(len(w) for w in words)), _Trigger(words=words)
        if isinstance(value, dict) and "REGEX" in value and "NOT_IN" not in value:
            return 3.5, _Trigger(regex=re.compile(value["REGEX"]), on_lower=key == "LOWER")
    shape = spec.get("SHAPE")
    if isinstance(shape, str):
        return 3.5, _Trigger(shapes=frozenset({shape}))
    if isinstance(shape, dict) and isinstance(shape.get("IN"), list):
        return 3.5, _Trigger(shapes=frozenset(shape["IN"]))
    return None


REACH_CACHE_SIZE = 200_000
"""Words whose trigger answers are kept (then the cache starts again)."""


class _Triggers:
    """Every pattern group's trigger, indexed for one pass over the tokens: for each
    token, which groups may match around it and how far before and after."""

    def __init__(self) -> None:
        self.words: dict[str, list[tuple[int, int, int]]] = {}
        self.shapes: dict[str, list[tuple[int, int, int]]] = {}
        self.like_num: list[tuple[int, int, int]] = []
        self.regexes: list[tuple[re.Pattern, bool, tuple[int, int, int]]] = []
        self._any_regex: dict[bool, re.Pattern] = {}
        self._by_orth: dict[int, list[tuple[int, int, int]]] = {}
        """Answers of ``reach`` by lexeme: they depend only on the word's own attributes."""
        self._passing: set[int] = set()
        """The lexemes of ``_by_orth`` whose answer is not empty."""

    def add(self, trigger: _Trigger, group: int, before: int, after: int) -> None:
        """Record that ``group``'s patterns may match from ``before`` tokens ahead of a
        token passing ``trigger`` to ``after`` tokens behind it."""
        reach = (group, before, after)
        self.clear_cache()
        for word in trigger.words:
            self.words.setdefault(word, []).append(reach)
        for shape in trigger.shapes:
            self.shapes.setdefault(shape, []).append(reach)
        if trigger.like_num:
            self.like_num.append(reach)
        if trigger.regex is not None:
            self.regexes.append((trigger.regex, trigger.on_lower, reach))
            self._any_regex = {
                on_lower: re.compile(
                    "|".join(f"(?:{r.pattern})" for r, low, _ in self.regexes if low == on_lower)
                    or "(?!)"
                )
                for on_lower in (False, True)
            }

    def clear_cache(self) -> None:
        """Forget the answers cached by lexeme."""
        self._by_orth.clear()
        self._passing.clear()

    def reach(self, token: Token) -> list[tuple[int, int, int]]:
        """(group, before, after) for every group whose trigger ``token`` passes."""
        known = self._by_orth.get(token.orth)
        if known is None:
            known = self._learn(token.orth, token)
        return known

    def _learn(self, orth: int, token: Token) -> list[tuple[int, int, int]]:
        """Answer ``reach`` for a word not met before and keep the answer by its lexeme."""
        known = self._by_orth[orth] = self._reach(token)
        if known:
            self._passing.add(orth)
        return known

    def reach_all(
        self, doc: Doc, orths: list[int] | None = None
    ) -> list[tuple[int, list[tuple[int, int, int]]]]:
        """``(i, reach(doc[i]))`` for every token that passes some trigger, read by lexeme
        (``orths``, the lexeme of each token, from ``Doc.to_array`` when not given); a Token
        object is made only for a word not met before."""
        known = self._by_orth
        if len(known) >= REACH_CACHE_SIZE:
            self.clear_cache()  # a long run meets ever more words: keep memory flat
        if orths is None:
            orths = doc.to_array(ORTH).tolist()
        unknown = set(orths).difference(known)
        if unknown:
            # where each word first stands (the last index written for it is its smallest)
            first = dict(zip(reversed(orths), range(len(orths) - 1, -1, -1), strict=True))
            for orth in unknown:
                self._learn(orth, doc[first[orth]])
        # the tokens that pass some trigger (a tenth of a text), picked at C speed
        hits = compress(range(len(orths)), map(self._passing.__contains__, orths))
        return [(i, known[orths[i]]) for i in hits]

    def _reach(self, token: Token) -> list[tuple[int, int, int]]:
        text, lower = token.text, token.lower_
        found = list(self.words.get(lower, ()))
        if text != lower:
            found.extend(self.words.get(text, ()))
        if self.shapes:
            found.extend(self.shapes.get(token.shape_, ()))
        if self.like_num and token.like_num:
            found.extend(self.like_num)
        if self.regexes and (
            self._any_regex[False].search(text) or self._any_regex[True].search(lower)
        ):
            for regex, on_lower, reach in self.regexes:
                if regex.search(lower if on_lower else text):
                    found.append(reach)
        return found


class _Requirements:
    """The triggers of every required token of every pattern. A pattern can match in a
    window only if each of its required tokens' triggers passes some token of the window:
    a window where no pattern of its group has them all is not given to the Matcher (most
    windows: "year" with no number or "last" before it)."""

    def __init__(self) -> None:
        self._triggers = _Triggers()
        self._ids: dict[_Trigger, int] = {}
        self._by_group: list[list[frozenset[int]]] = []
        self._by_orth: dict[int, frozenset[int]] = {}
        """The triggers each word passes, by lexeme."""
        self._always: set[int] = set()
        """Groups with a pattern that requires no word but the group's own trigger: a window
        around that trigger may always match (its words need not be looked at)."""
        self._answers: dict[tuple[int, frozenset[int]], bool] = {}
        """Answers of ``may_match`` by group and triggers present."""

    def add(self, group: int, pattern: list[dict], anchor: _Trigger | None = None) -> None:
        """Record the triggers of ``pattern``'s required tokens under ``group`` (``anchor``:
        the trigger whose tokens the group's windows are built around)."""
        ids = set()
        for spec in pattern:
            found = _trigger_of(spec) if _min_tokens(spec) else None
            if found is None:
                continue  # optional or negated, or no cheap test: no requirement
            trigger = found[1]
            if trigger not in self._ids:
                self._ids[trigger] = len(self._ids)
                self._triggers.add(trigger, self._ids[trigger], 0, 0)
            ids.add(self._ids[trigger])
        while len(self._by_group) <= group:
            self._by_group.append([])
        self._by_group[group].append(frozenset(ids))
        if anchor is not None and ids <= {self._ids.get(anchor)}:
            self._always.add(group)
        self._by_orth.clear()
        self._answers.clear()

    def always(self, group: int) -> bool:
        """True when any window of ``group`` (built around its trigger) may match."""
        return group in self._always

    def clear_cache(self) -> None:
        """Forget the answers cached by lexeme."""
        self._by_orth.clear()

    def passing(self, doc: Doc, orths: list[int]) -> list[frozenset[int]]:
        """The triggers each token of ``doc`` passes (``orths``: each token's lexeme)."""
        known = self._by_orth
        if len(known) >= REACH_CACHE_SIZE:
            known.clear()  # a long run meets ever more words: keep memory flat
        unknown = set(orths).difference(known)
        if unknown:
            first = dict(zip(reversed(orths), range(len(orths) - 1, -1, -1), strict=True))
            for orth in unknown:
                known[orth] = frozenset(r[0] for r in self._triggers._reach(doc[first[orth]]))
        return list(map(known.__getitem__, orths))

    def present(self, doc: Doc, orths: list[int], low: int, high: int) -> frozenset[int]:
        """The triggers some token of the window [low, high) passes (``orths``: each token's
        lexeme): ``passing`` for the window's words only, most of a text being in no window."""
        known = self._by_orth
        window = orths[low:high]
        for orth in set(window).difference(known):
            token = doc[low + window.index(orth)]
            known[orth] = frozenset(r[0] for r in self._triggers._reach(token))
        return frozenset().union(*map(known.__getitem__, window))

    def may_match(self, group: int, present: frozenset[int]) -> bool:
        """True when some pattern of ``group`` has every required trigger in ``present``."""
        key = (group, present)
        known = self._answers.get(key)
        if known is None:
            if len(self._answers) >= REACH_CACHE_SIZE:
                self._answers.clear()
            known = self._answers[key] = any(ids <= present for ids in self._by_group[group])
        return known


def _max_tokens(spec: dict) -> int | None:
    """The most tokens one spec can take (None: no bound, "+", "*", "{2,}")."""
    op = spec.get("OP", "1")
    if op in ("+", "*"):
        return None
    if op.startswith("{") and op.endswith("}"):
        upper = op[1:-1].split(",")[-1].strip()
        return int(upper) if upper else None
    return 1


def _min_tokens(spec: dict) -> int:
    """The fewest tokens one spec must take: 0 for "?", "*", "!", "{0,n}"."""
    op = spec.get("OP", "1")
    if op in ("?", "*", "!"):
        return 0
    if op.startswith("{") and op.endswith("}"):
        lower = op[1:-1].split(",")[0].strip()
        return int(lower) if lower else 0
    return 1


def _pattern_trigger(pattern: list[dict]) -> tuple[_Trigger, int, int] | None:
    """The most selective trigger among a pattern's required tokens, with how many tokens
    the pattern can reach before and after it; None when no required token can serve
    or the pattern has no bounded length."""
    lengths = [_max_tokens(spec) for spec in pattern]
    if any(length is None for length in lengths):
        return None
    best: tuple[float, int, _Trigger] | None = None
    for index, spec in enumerate(pattern):
        if _min_tokens(spec) == 0:
            continue  # optional or negated: a match need not contain such a token
        found = _trigger_of(spec)
        if found is not None and (best is None or found[0] >= best[0]):
            best = (found[0], index, found[1])
    if best is None:
        return None
    _score, index, trigger = best
    before = sum(length or 0 for length in lengths[:index])
    after = sum(length or 0 for length in lengths[index:]) - 1
    return trigger, before, after


SHORT_WINDOW = 2
"""Longest window whose matches ``TimexRuler`` keeps by its words: a pattern's words with
nothing around them ("today", "2012", "on Monday"), met again in most texts."""
_LEXEME_ATTRS = frozenset(
    {
        *("OP", "ORTH", "TEXT", "LOWER", "LENGTH", "SHAPE", "PREFIX", "SUFFIX"),
        *("IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE"),
        *("IS_PUNCT", "IS_SPACE", "IS_STOP", "IS_CURRENCY", "IS_BRACKET", "IS_QUOTE"),
        *("IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL"),
    }
)
"""Pattern keys whose value belongs to the word, not to its place in a text (not NORM, which
a token may override, nor sentence starts, tags or extensions)."""


class TimexRuler:
    """Find temporal expressions with token patterns and join adjacent pieces.

    Matching (``match``) and writing (``set_annotations``) are separate steps, so
    matching can be tested without changing a Doc.
    """

    def __init__(
        self, nlp: Language, name: str = "checker_timex", *, spans_key: str = TIMEX_KEY
    ) -> None:
        """Create the component.

        Args:
            nlp (Language): the pipeline it belongs to.
            name (str): component name. Defaults to "checker_timex".
            spans_key (str): key of ``doc.spans`` written. Defaults to "timex".
        """
        self.name = name
        self.spans_key = spans_key
        self.matcher = Matcher(nlp.vocab, validate=True)
        """Patterns no window can serve (no selective required token), run on the whole Doc."""
        self.patterns: list[dict] = []
        self._triggers = _Triggers()
        self._requirements = _Requirements()
        self._groups: dict[_Trigger, int] = {}
        self._matchers: list[tuple[Matcher, int, int]] = []
        """One Matcher per trigger, with the widest reach of its patterns."""
        self._lexical = True
        """Every pattern reads only word attributes (``_LEXEME_ATTRS``)."""
        self._short_windows: dict[tuple[int, ...], list[tuple[int, int, int]]] = {}
        self._roles_of: dict[int, frozenset[str]] = {}
        """The roles of each match id's label ("day+month" -> {"day", "month"})."""
        """Matches of short windows by (group, the window's lexemes): ``_window_matches``."""

    def add_patterns(self, patterns: Iterable[dict]) -> None:
        """Add patterns, each a dict with ``label`` (roles joined by ``+``), ``pattern`` and ``id``."""
        self._short_windows.clear()
        for entry in patterns:
            self.patterns.append(entry)
            self._lexical = self._lexical and all(
                key in _LEXEME_ATTRS for spec in entry["pattern"] for key in spec
            )
            found = _pattern_trigger(entry["pattern"])
            if found is None:
                self.matcher.add(entry["label"], [entry["pattern"]])
                continue
            trigger, before, after = found
            group = self._groups.setdefault(trigger, len(self._groups))
            if group == len(self._matchers):
                self._matchers.append((Matcher(self.matcher.vocab, validate=True), 0, 0))
                self._triggers.add(trigger, group, 0, 0)
            self._requirements.add(group, entry["pattern"], trigger)
            group_matcher, widest_before, widest_after = self._matchers[group]
            group_matcher.add(entry["label"], [entry["pattern"]])
            self._matchers[group] = (
                group_matcher,
                max(widest_before, before),
                max(widest_after, after),
            )

    def clear_cache(self) -> None:
        """Forget the per-word trigger answers and short-window matches of earlier documents."""
        self._triggers.clear_cache()
        self._requirements.clear_cache()
        self._short_windows.clear()

    def _raw_matches(self, doc: Doc) -> list[Span]:
        """All pattern matches, as Spans labelled by their match ids (``_raw_triples``)."""
        return [Span(doc, start, end, label=label) for start, end, label in self._raw_triples(doc)]

    def _raw_triples(self, doc: Doc) -> list[tuple[int, int, int]]:
        """All pattern matches, as (start, end, match id). Patterns are grouped by their most
        selective required token (a word list, a regular expression); each group's Matcher
        runs only on windows around the tokens that pass its test: the same matches as
        running every pattern over the whole Doc, at a fraction of the cost."""
        windows: list[list[list[int]]] = [[] for _ in self._matchers]
        size = len(doc)
        orths = doc.to_array(ORTH).tolist()
        for i, reach in self._triggers.reach_all(doc, orths):
            for group, _before, _after in reach:
                _matcher, before, after = self._matchers[group]
                low, high = max(0, i - before), min(size, i + after + 1)
                spans = windows[group]
                if spans and low <= spans[-1][1]:
                    spans[-1][1] = max(spans[-1][1], high)
                else:
                    spans.append([low, high])
        found = [(s, e, m) for m, s, e in self.matcher(doc)] if len(self.matcher) else []
        requirements = self._requirements
        if len(requirements._by_orth) >= REACH_CACHE_SIZE:
            requirements.clear_cache()  # a long run meets ever more words: keep memory flat
        for group, spans in enumerate(windows):
            always = requirements.always(group)
            for low, high in spans:
                if not always and not requirements.may_match(
                    group, requirements.present(doc, orths, low, high)
                ):
                    continue  # some required word of every pattern is missing: no match here
                for match_id, start, end in self._window_matches(doc, orths, group, low, high):
                    found.append((low + start, low + end, match_id))
        return found

    def _window_matches(
        self, doc: Doc, orths: list[int], group: int, low: int, high: int
    ) -> list[tuple[int, int, int]]:
        """``group``'s Matcher on the window [low, high): (match id, start, end), offsets
        within the window. A window of at most ``SHORT_WINDOW`` tokens ("on Monday",
        "2012", "today") is matched once per run for each sequence of words: when every
        pattern reads only the words themselves (``_LEXEME_ATTRS``), its matches depend
        on nothing else."""
        group_matcher = self._matchers[group][0]
        if high - low > SHORT_WINDOW or not self._lexical:
            return group_matcher(Span(doc, low, high))
        key = (group, *orths[low:high])
        known = self._short_windows.get(key)
        if known is None:
            if len(self._short_windows) >= REACH_CACHE_SIZE:
                self._short_windows.clear()
            known = self._short_windows[key] = group_matcher(Span(doc, low, high))
        return known

    def __call__(self, doc: Doc) -> Doc:
        if not self.patterns:
            import warnings

            warnings.warn(
                f"{errors.W001} {self.name} has no patterns: no temporal expression is found",
                stacklevel=2,
            )
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Span]:
        """Return the joined temporal expressions of ``doc``, labelled with their roles."""
        if not self.patterns:
            return []
        pieces = _filter_triples(self._raw_triples(doc))
        joined: list[tuple[int, int, frozenset[str]]] = []
        roles_of = self._roles_of
        for piece_start, piece_end, label in pieces:
            roles = roles_of.get(label)
            if roles is None:
                roles = roles_of[label] = frozenset(doc.vocab.strings[label].split("+"))
            if joined:
                start, end, prev_roles = joined[-1]
                year_ok = roles != {"year"} or bool(_YEAR_TAKERS & prev_roles)
                bare_year_before = prev_roles == {"year"}
                if (
                    not (roles & prev_roles)
                    and not (roles | prev_roles) & STANDALONE_ROLES
                    and year_ok
                    and not bare_year_before
                    and piece_start - end <= 2  # the gap: no Span made for it
                    and all(doc[k].lower_ in _JOINERS for k in range(end, piece_start))
                    and not any(doc[k].is_sent_start for k in range(start + 1, piece_start + 1))
                ):
                    joined[-1] = (start, piece_end, prev_roles | roles)
                    continue
                if (
                    roles == {"weekday"}
                    and "day" in prev_roles
                    and "weekday" not in prev_roles
                    and _weekday_apposition([doc[k].lower_ for k in range(end, piece_start)])
                    and not any(doc[k].is_sent_start for k in range(start + 1, piece_start + 1))
                ):
                    # "March 31, a Tuesday", "on March 31, which is a Tuesday": one date, its
                    # weekday given after it
                    joined[-1] = (start, piece_end, prev_roles | roles)
                    continue
            joined.append((piece_start, piece_end, roles))
        spans = []
        for start, end, roles in joined:
            if roles <= {"mod", "daypart"}:
                continue  # "the end of", "late", "the morning" with no day or period to them
            if (
                roles == {"holiday"}
                and end < len(doc)
                and doc[end].is_alpha
                and doc[end].is_lower
                and not doc[end].is_stop
            ):
                continue  # "a Christmas tree": the holiday names a kind of thing, not a day
            after = doc[end] if end < len(doc) else None
            if (
                roles == {"year"}
                and after is not None
                and _OLDER_YEAR.match(doc[end - 1].text)
                and (
                    (after.is_alpha and after.is_lower and not after.is_stop)
                    or after.text in ("%", "-")
                )
            ):
                continue  # "in 1500 homes", "in 1200-metre": a count, not a year
            if (
                "ref" in roles
                and start > 0
                and doc[start - 1].lower_ == "as"
                and end < len(doc)
                and doc[end].lower_ == "as"
            ):
                continue  # "as soon as": a comparison, not a time
            if (
                roles == {"deictic"}
                and end < len(doc)
                and doc[end].lower_ in ("'s", "\u2019s")
                and start > 0
                and doc[start - 1].lower_ in ("in", "of")
            ):
                continue  # "in today's markets": no particular day
            while end > start and doc[end - 1].text in {",", "-", "(", "of", "the"}:
                end -= 1
            text = doc[start:end].text
            if text.count("(") > text.count(")") and end < len(doc) and doc[end].text == ")":
                end += 1
            if (
                start > 0
                and doc[start - 1].lower_ in _LEAD_PREPOSITIONS
                and doc[start].lower_ not in _LEAD_PREPOSITIONS
            ):
                start -= 1
            spans.append(Span(doc, start, end, label="+".join(sorted(roles))))
        return spans

    def set_annotations(self, doc: Doc, spans: list[Span]) -> None:
        """Write ``spans`` to ``doc.spans[spans_key]``."""
        doc.spans[self.spans_key] = spans

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the patterns as JSONL (one pattern a line), like spaCy's SpanRuler."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / "patterns.jsonl", self.patterns)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> TimexRuler:
        """Load patterns saved by ``to_disk``."""
        self.matcher = Matcher(self.matcher.vocab, validate=True)
        self.patterns = []
        self._triggers, self._groups, self._matchers = _Triggers(), {}, []
        self._requirements = _Requirements()
        self._lexical = True
        self.add_patterns(srsly.read_jsonl(Path(path) / "patterns.jsonl"))
        return self


def _filter_triples(found: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """``spacy.util.filter_spans`` on (start, end, label) triples, sorted by start: of
    overlapping matches the (first) longest is kept, with no Span made for any."""
    ordered = sorted(found, key=lambda m: (m[1] - m[0], -m[0]), reverse=True)
    kept = []
    seen: set[int] = set()
    for match in ordered:
        start, end = match[0], match[1]
        if start not in seen and end - 1 not in seen:
            kept.append(match)
            seen.update(range(start, end))
    return sorted(kept, key=lambda m: m[0])


class Sentencizer(spacy.pipeline.Sentencizer):
    """spaCy's rule-based sentencizer, the same boundaries, with ``predict`` reading each
    token's text and punctuation flag from one ``Doc.to_array`` call instead of making a
    Token object per token (a tenth of the pipeline's time)."""

    def predict(self, docs: Iterable[Doc]) -> list[list[bool]]:
        """Sentence starts of each doc, as ``spacy.pipeline.Sentencizer.predict`` finds them."""
        punct_ids = {get_string_id(char) for char in self.punct_chars}
        guesses = []
        for doc in docs:
            guesses.append(_sentence_starts(doc, punct_ids) if len(doc) else [])
        return guesses


def _sentence_starts(doc: Doc, punct_ids: set[int]) -> list[bool]:
    """A sentence starts at the first token, at the first token after a sentence-final
    character ("." "?" "!") that is neither punctuation nor such a character, and at a blank
    line: a headline or a header line ends with no full stop, and is no part of the
    paragraph after it (the blank line opens the next sentence, as after a full stop).

    Read with array operations: among the tokens that are sentence-final characters or
    plain (neither punctuation nor final), a plain token right after a final one starts a
    sentence (the punctuation between them, closing quotes and brackets, is passed over)."""
    columns = doc.to_array([ORTH, IS_PUNCT, IS_SPACE])
    orths = columns[:, 0]
    final = numpy.zeros(len(orths), dtype=bool)
    for punct_id in punct_ids:  # a few characters: one comparison each beats numpy.isin
        final |= orths == punct_id
    plain = ~final & (columns[:, 1] == 0)
    starts = numpy.zeros(len(orths), dtype=bool)
    starts[0] = True
    marked = numpy.flatnonzero(final | plain)  # the tokens the rule reads, in order
    if len(marked) > 1:
        after_final = marked[1:][final[marked[:-1]] & plain[marked[1:]]]
        starts[after_final] = True
    spaces = numpy.flatnonzero(columns[:, 2])
    if len(spaces):
        strings = doc.vocab.strings
        blank = {o for o in set(orths[spaces].tolist()) if strings[o].count("\n") >= 2}
        if blank:
            # "Ferry sinks off coast\n\nA ferry capsized on Tuesday."
            space_orths = orths[spaces]
            for orth in blank:
                starts[spaces[space_orths == orth]] = True
    return starts.tolist()


@Language.factory(
    "checker_sentencizer",
    assigns=["token.is_sent_start", "doc.sents"],
    default_config={"punct_chars": None, "overwrite": False},
)
def make_sentencizer(
    nlp: Language, name: str, punct_chars: list[str] | None, overwrite: bool
) -> Sentencizer:
    """Factory of the sentencizer (``spacy.pipeline.Sentencizer`` with a faster ``predict``)."""
    return Sentencizer(name, punct_chars=punct_chars, overwrite=overwrite)


MAX_SENTENCE_TOKENS = 200
"""Longest sentence the rule components see; news sentences stay far below it (ECB+: 145)."""


@Language.component("checker_sentence_cap", assigns=["token.is_sent_start"])
def cap_sentences(doc: Doc) -> Doc:
    """Split "sentences" longer than ``MAX_SENTENCE_TOKENS`` tokens (a crawled page with no
    full stops, a 1 MB single line) so per-sentence work stays bounded, never quadratic.
    The new starts are written into the sentence starts' column at once: spaCy's
    ``Token.is_sent_start`` setter reads every token of the document (``has_annotation``),
    so setting one start per cut would cost the text's length times the number of cuts."""
    long = _long_sentences(doc)
    if not long:
        return doc
    if "sents" in doc.user_hooks or doc.has_annotation("DEP"):
        for start, end in long:  # spaCy's own setter, with its checks and errors
            for i in range(start + MAX_SENTENCE_TOKENS, end, MAX_SENTENCE_TOKENS):
                doc[i].is_sent_start = True
        return doc
    starts = doc.to_array(SENT_START)
    for start, end in long:
        starts[start + MAX_SENTENCE_TOKENS : end : MAX_SENTENCE_TOKENS] = 1
    doc.from_array([SENT_START], starts)
    return doc


def _long_sentences(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of the sentences of ``doc`` longer than ``MAX_SENTENCE_TOKENS`` tokens,
    read from the sentence starts' column (no Span per sentence, as ``doc.sents`` makes)."""
    if "sents" in doc.user_hooks or not len(doc) or not doc.has_annotation("SENT_START"):
        bounds = [(sent.start, sent.end) for sent in doc.sents]  # spaCy's own rules and errors
    else:
        starts = numpy.flatnonzero(doc.to_array(SENT_START) == 1)
        if not len(starts) or starts[0] != 0:
            starts = numpy.insert(starts, 0, 0)  # the first token starts a sentence
        ends = numpy.append(starts[1:], len(doc))
        long = numpy.flatnonzero(ends - starts > MAX_SENTENCE_TOKENS)  # mostly none
        bounds = list(zip(starts[long].tolist(), ends[long].tolist(), strict=True))
    return [(start, end) for start, end in bounds if end - start > MAX_SENTENCE_TOKENS]


@Language.factory(
    "checker_timex",
    assigns=["doc.spans"],
    default_config={"spans_key": TIMEX_KEY},
)
def make_timex_ruler(nlp: Language, name: str, spans_key: str) -> TimexRuler:
    """Factory of the temporal-expression ruler (``checker_timex``)."""
    return TimexRuler(nlp, name, spans_key=spans_key)


class CueRuler(SpanRuler):
    """spaCy's ``SpanRuler``, the same spans in the same order, with ``match`` ordering the
    matches as (start, end, label, id) tuples before making Span objects: the stock one
    sorts a set of Spans, each comparison building two tuples (half the component's time)."""

    def __init__(self, nlp: Language, name: str, **config: Any) -> None:
        super().__init__(nlp, name, **config)
        self._hashes: dict[int, tuple[int, int]] = {}
        """Label and id hashes of each match id (a match id is the hash of both: never stale)."""

    def add_patterns(self, patterns: list[dict]) -> None:
        """``SpanRuler.add_patterns`` with every component off while it makes the phrase
        patterns' Docs: phrases match on lower-case text, which the tokenizer alone gives
        (the stock one runs the components before it, the timex ruler included, on each of
        the some 700 phrases: a fifth of the pipeline's start-up)."""
        self._openers_known = False
        with self.nlp.select_pipes(enable=[]):
            super().add_patterns(patterns)

    def clear(self) -> None:
        """``SpanRuler.clear``, forgetting the token patterns' first words."""
        self._openers_known = False
        super().clear()

    def remove(self, label: str) -> None:
        """``SpanRuler.remove``, forgetting the token patterns' first words."""
        self._openers_known = False
        super().remove(label)

    def remove_by_id(self, pattern_id: str) -> None:
        """``SpanRuler.remove_by_id``, forgetting the token patterns' first words."""
        self._openers_known = False
        super().remove_by_id(pattern_id)

    def _openers(self) -> frozenset[int] | None:
        """The lower-case forms (as hashes) of which every match of a token pattern begins
        with one: each pattern's first token, when it is a required plain lower-case word
        ("taken" of "taken to NAME hospital"); None when some pattern's first token is not."""
        if not self._openers_known:
            found: set[int] | None = set()
            for entry in self._patterns:
                pattern = entry["pattern"]
                if not isinstance(pattern, list):
                    continue  # a phrase: the phrase matcher's
                first = pattern[0] if pattern else {}
                word = first.get("LOWER")
                if set(first) - {"LOWER", "OP"} or first.get("OP", "1") not in ("1", "+"):
                    word = None  # another attribute, or a first token a match may lack
                if not isinstance(word, str):
                    found = None
                    break
                found.add(get_string_id(word))
            self._opener_hashes = None if found is None else frozenset(found)
            self._openers_known = True
        return self._opener_hashes

    def _may_match_tokens(self, doc: Doc) -> bool:
        """False when no token pattern can match ``doc``: none of its words is the first
        word of one (most texts: the Matcher's pass over every token is then saved)."""
        if not len(self.matcher):
            return False  # a matcher without patterns finds nothing (and warns W036)
        openers = self._openers()
        return openers is None or not openers.isdisjoint(doc.to_array(LOWER).tolist())

    def match(self, doc: Doc) -> list[Span]:
        """The distinct matches of ``doc`` as ``SpanRuler.match`` returns them."""
        self._require_patterns()
        matches = [
            *(self.matcher(doc) if self._may_match_tokens(doc) else ()),
            *(self.phrase_matcher(doc) if len(self.phrase_matcher) else ()),
        ]
        keys = {
            (start, end, *self._label_and_id(match_id))
            for match_id, start, end in matches
            if start != end
        }
        # Spans order by (start char, end char, label, kb id, id); token offsets order alike
        return [
            Span(doc, start, end, label=label, span_id=span_id)
            for start, end, label, span_id in sorted(keys)
        ]

    def set_annotations(self, doc: Doc, matches: list[Span]) -> None:
        """``SpanRuler.set_annotations``; the Spans made for ``doc.spans["cues"]`` are also
        handed to the extractors (``cue_spans``), which would otherwise make them a second
        time from the group (some 40 thousand Span objects per 300 thousand words)."""
        super().set_annotations(doc, matches)
        if len(doc.spans[CUES_KEY]) == len(matches):  # the group holds these Spans alone
            doc.user_data[_CUE_SPANS] = matches

    def _label_and_id(self, match_id: int) -> tuple[int, int]:
        """The label and pattern id of a match id, as string-store hashes."""
        found = self._hashes.get(match_id)
        if found is None:
            names = self._match_label_id_map[match_id]
            strings = self.nlp.vocab.strings
            found = (strings.add(names["label"]), strings.add(names["id"]))
            self._hashes[match_id] = found
        return found


_CUE_SPANS = ("checker", "cue_spans")
"""Key of ``Doc.user_data`` under which the cue ruler hands its Spans to ``cue_spans``."""


def cue_spans(doc: Doc) -> list[Span]:
    """The Spans of ``doc.spans["cues"]``: those the cue ruler made, when it handed them
    over (taken, so the Doc no longer refers to them), else made from the group."""
    handed = doc.user_data.pop(_CUE_SPANS, None)
    group = doc.spans[CUES_KEY]
    if handed is not None and len(handed) == len(group):
        return handed
    return list(group)


@Language.factory("checker_cue_ruler", assigns=["doc.spans"])
def make_cue_ruler(nlp: Language, name: str) -> CueRuler:
    """Factory of the cue ruler: a ``span_ruler`` writing ``doc.spans["cues"]``, phrase
    patterns matched on lower-case text."""
    return CueRuler(
        nlp,
        name,
        spans_key=CUES_KEY,
        phrase_matcher_attr="LOWER",
        validate=False,
        overwrite=False,
    )


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


NAME_SLOT = "NAME"
"""In a rule's cue phrase, one or more capitalised words: "taken to NAME hospital" is
"taken to hospital" said of a named one ("taken to Brannock General Hospital")."""
WORDS_SLOT = "WORDS"
"""In a rule's cue phrase, up to ``WORDS_SLOT_MOST`` words of any kind, none a mark that
ends a clause: "expects WORDS profit" reads "expects profit", "expects full-year profit"
and "expects underlying pre-tax profit" ("pre-tax" is three tokens)."""
WORDS_SLOT_MOST = 4
SLOTS = frozenset({NAME_SLOT, WORDS_SLOT})
"""The words of a cue phrase that stand for words of the text, not for themselves."""
_CLAUSE_MARKS = [",", ".", ";", ":", "!", "?", "(", ")", '"', "\n"]


def _phrase_pattern(phrase: str) -> str | list[dict]:
    """A cue phrase as the cue ruler's pattern: the phrase itself (matched on lower-case
    text), or, with a slot, token patterns: each word by its lower-case form, a
    ``NAME_SLOT`` by one or more title-case words, a ``WORDS_SLOT`` by up to
    ``WORDS_SLOT_MOST`` words."""
    words = phrase.split()
    if SLOTS.isdisjoint(words):
        return phrase
    pattern: list[dict] = []
    for word in words:
        if word == NAME_SLOT:
            pattern.append({"IS_TITLE": True, "OP": "+"})
        elif word == WORDS_SLOT:
            slot = {"TEXT": {"NOT_IN": _CLAUSE_MARKS}, "IS_SPACE": False, "OP": "?"}
            pattern.extend(dict(slot) for _ in range(WORDS_SLOT_MOST))
        else:
            pattern.append({"LOWER": word.lower()})
    return pattern


def cue_patterns(ruleset: RuleSet) -> list[dict]:
    """Phrase patterns for every cue word the rules declare, labelled by role.

    Labels: ``event:<class>``, ``lead:<class>``, ``relation:<rule id>``, ``deadline:<rule id>``,
    ``marker:<rule id>``, ``count:<series>``, ``measure:<rule id>:<measure>``,
    ``tense:future``, ``tense:past``,
    ``reporting``.
    """
    patterns: list[dict] = []

    def add(label: str, phrase: str) -> None:
        patterns.append({"label": label, "pattern": _phrase_pattern(phrase)})

    for word, event_class in ruleset.event_classes.items():
        add(f"event:{event_class}", word)
    for rule in ruleset.of_kind("lead_date"):
        for event_class, words in rule.options.get("classes", {}).items():
            for word in words:
                add(f"lead:{event_class}", word)
    for rule in ruleset.of_kind("event_date"):
        for verb in rule.options["verbs"]:
            add(f"relation:{rule.id}", verb)
    for rule in ruleset.of_kind("deadline"):
        for trigger in rule.options["triggers"]:
            add(f"deadline:{rule.id}", trigger)
        for marker in (*rule.options["markers"], *rule.options.get("closing_markers", ())):
            add(f"marker:{rule.id}", marker)
    for rule in ruleset.of_kind("event_count"):
        for noun, series in rule.options["nouns"].items():
            add(f"count:{series}", noun)
            add(f"count:{series}", _plural(noun))
    for rule in ruleset.of_kind("quantity"):
        for measure, words in rule.options["measures"].items():
            for word in words:
                add(f"measure:{rule.id}:{measure}", word)
    for marker in ruleset.lexicons.get("future_markers", []):
        add("tense:future", marker)
    for marker in ruleset.lexicons.get("past_markers", []):
        add("tense:past", marker)
    for verb in ruleset.lexicons.get("reporting_verbs", []):
        add("reporting", verb)
    return patterns


LONGEST_MARK_RUN = 50
"""Runs of punctuation marks longer than this are cut by a space before tokenizing: spaCy
strips prefixes and suffixes one mark at a time, so its time grows with the cube of a run
('"' * 2,000 takes 1.7 s, 20,000 minutes). Prose never has such runs; pasted data may."""
_MARK_RUN = re.compile(rf"[^\w\s]{{{LONGEST_MARK_RUN + 1},}}")


def _cut_mark_run(match: re.Match) -> str:
    run = list(match.group())
    run[LONGEST_MARK_RUN :: LONGEST_MARK_RUN + 1] = " " * len(
        run[LONGEST_MARK_RUN :: LONGEST_MARK_RUN + 1]
    )
    return "".join(run)


_SCALE_STOP = re.compile(r"\d[a-z]\.(?!\w)")
"""A figure's scale or unit letter right before a full stop ("lost £35m. Its shares")."""


def _split_scale_stops(doc: Doc) -> None:
    """Split the full stop off a lower-case letter glued to a figure ("35", "m.": spaCy's
    special case for an initial "m." swallows the stop that ends the sentence, joining two
    sentences and giving the figure a stop). A letter standing alone keeps its stop ("a. m."
    in crawled text): it follows a space, not a digit."""
    glued = [
        token
        for token in doc[1:]
        if len(token.text) == 2
        and token.text[1] == "."
        and token.text[0].islower()
        and token.nbor(-1).text[-1:].isdigit()
        and not token.nbor(-1).whitespace_
    ]
    if glued:
        with doc.retokenize() as retokenizer:
            for token in glued:
                retokenizer.split(token, [token.text[0], "."], heads=[(token, 0), (token, 0)])


class MarkRunTokenizer:
    """spaCy's tokenizer for text whose long runs of marks are cut (``LONGEST_MARK_RUN``):
    a mark becomes a space, so every offset stays that of the source text."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        if _MARK_RUN.search(text):
            text = _MARK_RUN.sub(_cut_mark_run, text)
        doc = self.tokenizer(text)
        if _SCALE_STOP.search(text):
            _split_scale_stops(doc)
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterable[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.tokenizer, name)


def build_pipeline(ruleset: RuleSet, *, model: str | None = None) -> Language:
    """Build the pipeline: ``spacy.blank("en")`` (or ``model``), a sentencizer, and the rule components.

    Args:
        ruleset (RuleSet): loaded rules the components take their patterns from.
        model (str | None): an installed trained pipeline to start from. Defaults to None.
    """
    if model:
        try:
            nlp = spacy.load(model, exclude=["lemmatizer"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            from checker.errors import UsageError

            # spaCy's config and validation errors are ValueErrors, some many lines long
            reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            state = "is not installed" if isinstance(exc, OSError) else "could not be loaded"
            raise UsageError(errors.E301, f"spaCy pipeline {model!r} {state} ({reason})") from None
    else:
        tokenizer = {"@tokenizers": "checker.tokenizer.v1", "prefixes": _currency_prefixes(ruleset)}
        nlp = spacy.blank("en", config={"nlp": {"tokenizer": tokenizer}})
    nlp.tokenizer.max_cache_size = TOKENIZER_CACHE_SIZE
    if (
        not nlp.has_pipe("parser")
        and not nlp.has_pipe("senter")
        and not nlp.has_pipe("sentencizer")
    ):
        nlp.add_pipe(
            "checker_sentencizer",
            name="sentencizer",
            config={"punct_chars": [".", "!", "?", "\n"]},
        )
        nlp.add_pipe("checker_sentence_cap")
    timex = nlp.add_pipe("checker_timex")
    timex.add_patterns(ruleset.temporal_patterns)
    cues = nlp.add_pipe("checker_cue_ruler", name="checker_cues")
    cues.add_patterns(cue_patterns(ruleset))
    if model:
        _split_currency_signs(nlp, ruleset)
    nlp.tokenizer = MarkRunTokenizer(nlp.tokenizer)
    return nlp


_OLDER_YEAR = re.compile(r"^(1[0-8]\d\d|19[0-4]\d)$")
"""A year the tagger reads only after "in" (``temporal.yml``): dropped before a noun."""

TOKENIZER_CACHE_SIZE = 200_000
"""Distinct chunks of text (the strings between spaces: "word", "(word,") whose tokens
spaCy's tokenizer keeps. Its default, 10,000, is reached within a few hundred articles;
every chunk first met after that went through the prefix, suffix and infix search at
each occurrence (a seventh of the tokenizer's time on one pass of ECB+). A kept chunk
costs some 50 bytes."""


def _currency_prefixes(ruleset: RuleSet) -> list[str]:
    """Prefix patterns for every declared currency sign ending in "$" (letters and "$"): spaCy
    splits "US$5" and "A$5" but leaves "HK$312.4" and "NZ$40" whole, so the quantity reader
    never saw their amounts. Longest first, in capitals and as declared."""
    signs = ruleset.lexicons.get("currency_signs", {})
    letters = sorted(
        {str(sign) for sign in signs if str(sign).endswith("$") and str(sign)[:-1].isalpha()},
        key=len,
        reverse=True,
    )
    return [re.escape(sign.upper()) for sign in letters] + [re.escape(s) for s in letters]


PART_OF_YEAR_INFIX = (
    r"(?:(?<=[Mm]id)|(?<=[Ee]arly)|(?<=[Ll]ate)|(?<=[Ee]nd))-(?=(?:1[6-9]|20)\d\d(?![\w']))"
)
"""The hyphen of "mid-2028", "early-2027", "end-2026": split as spaCy splits "mid-March", so
the tagger reads a part of a year ("mid-2020s", a decade, stays one word)."""


@spacy.registry.tokenizers("checker.tokenizer.v1")
def make_tokenizer(prefixes: list[str]) -> Callable[[Language], Tokenizer]:
    """spaCy's tokenizer of the language's defaults, with ``prefixes`` split off before its
    own (``_currency_prefixes``). Built with them at once: setting ``prefix_search`` on a
    made tokenizer loads its 2,700 special cases a second time (0.17 s of every start)."""

    def tokenizer_factory(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        return Tokenizer(
            nlp.vocab,
            rules=defaults.tokenizer_exceptions,
            prefix_search=spacy.util.compile_prefix_regex([*prefixes, *defaults.prefixes]).search,
            suffix_search=spacy.util.compile_suffix_regex(defaults.suffixes).search,
            infix_finditer=spacy.util.compile_infix_regex(
                [*defaults.infixes, PART_OF_YEAR_INFIX]
            ).finditer,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )

    return tokenizer_factory


def _split_currency_signs(nlp: Language, ruleset: RuleSet) -> None:
    """Let a loaded model's tokenizer split the currency signs ``_currency_prefixes`` names."""
    patterns = _currency_prefixes(ruleset)
    if not patterns:
        return
    prefixes = [*patterns, *nlp.Defaults.prefixes]
    nlp.tokenizer.prefix_search = spacy.util.compile_prefix_regex(prefixes).search
