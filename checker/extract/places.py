"""Places: where a happening took place, from place frames, datelines and ranked names."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Span

from checker.extract.context import _Context, _mention_at, _where, stem
from checker.extract.events import _is_day, _main_clause
from checker.extract.mentions import Extraction, FactMention
from checker.model import Source
from checker.rules import Rule, RuleSet

_NAME_LINKS = {"de", "del", "della", "des", "du", "da", "do", "dos", "la", "le", "of", "upon"}
_PLACE_GAP = 8
"""Most words between an event word and the place phrase after it ("talks ... in Vienna")."""


def _places(
    ctx: _Context,
    source: Source,
    ruleset: RuleSet,
    chains: dict[int, tuple[int, str]],
    out: Extraction,
    main_dates: list[tuple[Span, Span, frozenset[str]]] = (),  # type: ignore[assignment]
) -> list[FactMention]:
    """Where events took place: "a round of talks in Vienna", "the final at the National
    Stadium". A city or country follows its event word in the same clause; a venue's name
    is specific enough to belong to the nearest event word before it in the sentence.
    ``main_dates`` are the lead's main-event dates (date, dating word, context) whose
    clauses a ``main`` rule reads places in."""
    doc = ctx.doc
    facts = []
    timex_tokens = ctx.timex_tokens
    dateline = source.dateline
    for rule in ruleset.of_kind("event_place"):
        if not rule.options.get("prepositions"):
            continue  # a rule of place frames only
        if rule.options.get("main"):
            facts.extend(_main_places(ctx, source, rule, main_dates))
            continue
        class_prepositions = {
            p.lower(): {c.lower() for c in classes}
            for p, classes in rule.options.get("class_prepositions", {}).items()
        }
        general = {p.lower() for p in rule.options["prepositions"]}
        prepositions = general | set(class_prepositions)
        venues = {v.lower() for v in rule.options.get("venues", [])}
        t = ctx.tokens
        for at in _event_sentence_words(ctx, chains, prepositions):
            if at in timex_tokens:
                continue
            named = _name_after(ctx, at + 1, dateline)
            if named is None:
                continue
            start, end = named
            name_span = doc[start:end]
            token = doc[at]
            is_venue = any(t.lower_ in venues for t in name_span)
            event = _event_before(ctx, token.i, chains, sentence_wide=is_venue)
            if event is None:
                continue
            city = _venue_city(ctx, start, end, venues, dateline) if is_venue else None
            cue, chain = event
            event_class = cue.label_.split(":", 1)[1]
            if t.lower[at] not in general and event_class not in class_prepositions[t.lower[at]]:
                continue  # "delegates from Malawi" at a summit: not where it was
            facts.append(
                FactMention(
                    rule=rule.id,
                    family="place",
                    where=_mention_at(source, ctx.tokens, token.i, city[1] if city else end),
                    tense=ctx.tense(token.i, end),
                    trigger=cue.text.lower(),
                    event_class=event_class,
                    context=out.chain_context.get(chain, frozenset()),
                    chain=chain,
                    ordinal=out.chain_ordinal.get(chain),
                    place=name_span.text,
                    qualifier=_qualifier(ctx, start, end, dateline),
                    venue_city=doc[city[0] : city[1]].text if city else None,
                )
            )
    return facts


def _event_sentence_words(
    ctx: _Context, chains: dict[int, tuple[int, str]], words: set[str]
) -> list[int]:
    """The tokens that are one of ``words`` (lower case), in a sentence with an event word
    of ``chains`` (the trigger pass of ``_places``: ``_event_before`` finds a place's event
    only among the event words of its own sentence). In every sentence when ``prefilter``
    is off."""
    t = ctx.tokens
    found = _where(map(words.__contains__, t.lower))
    if not ctx.prefilter:
        return found
    eventful = {t.sent_start[start] for start in chains}
    return [i for i in found if t.sent_start[i] in eventful]


MAIN_PLACE_CHAIN = -1
"""The chain of a source's main-event places (``event_place`` rules with ``main``): one
unit per source."""


def _main_places(
    ctx: _Context,
    source: Source,
    rule: Rule,
    main_dates: list[tuple[Span, Span, frozenset[str]]],
) -> list[FactMention]:
    """Where the story's main event took place when no event word names it: the names
    after the rule's prepositions in the clause of a main-event date of the lead ("after
    eating at a banquet in the port city of Zenda on Saturday"), not the dateline's. A
    name qualified by a wider one ("in Yida, Ruritania") gives the wider. The fact takes
    the date's dating word and context: two sources' places are compared when their
    dates would be (``align.pair_score``)."""
    t = ctx.tokens
    prepositions = {p.lower() for p in rule.options["prepositions"]}
    facts = []
    for span, cue, context in main_dates:
        left, right = _main_clause(ctx, span)
        left = min(left, ctx.clause(cue.start, cue.end)[0])
        right = max(right, ctx.clause(cue.start, cue.end)[1])
        for at in range(left, right):
            if t.lower[at] not in prepositions or at in ctx.timex_tokens:
                continue
            named = _name_after(ctx, at + 1, source.dateline)
            if named is None:
                continue
            start, end = named
            qualifier = _qualifier(ctx, start, end, source.dateline)
            name_end = end
            if end + 1 < t.sent_end[at] and t.text[end] == "," and t.title[end + 1]:
                wider = _name_after(ctx, end + 1, source.dateline)
                if wider is None:
                    continue
                end = wider[1]  # "in Yida, Ruritania": the city is somewhere in it
                qualifier = ctx.doc[wider[0] : wider[1]].text
            facts.append(
                FactMention(
                    rule=rule.id,
                    family="place",
                    where=_mention_at(source, t, at, end),
                    tense=ctx.tense(at, end),
                    trigger=cue.text.lower(),
                    event_class="main event",
                    context=context,
                    chain=MAIN_PLACE_CHAIN,
                    place=ctx.doc[start:name_end].text,
                    qualifier=qualifier,
                    qualifier_stands=name_end != end,
                )
            )
    return facts


def _venue_follows(ctx: _Context, i: int, sent_end: int) -> bool:
    """True when the capitalised words from token ``i`` on end in a venue word: an event
    word inside a venue's name ("the Morvane International Convention Centre")."""
    t = ctx.tokens
    while i + 1 < sent_end and t.title[i + 1] and t.alpha[i + 1]:
        i += 1
        if t.lower[i] in ctx.venue_words:
            return True
    return False


def _name_after(ctx: _Context, start: int, dateline: Span | None) -> tuple[int, int] | None:
    """Token bounds of the capitalised name that starts at token ``start`` (after a
    preposition: "in Vienna", "at the National Stadium"), or None when none does or it is
    not a place itself ("at Teixeira's home", "in the Somerset town", a date, the dateline)."""
    t = ctx.tokens
    if start >= len(t.text):
        return None
    sent_end = t.sent_end[start]
    if t.lower[start] in ctx.place_adjectives and start + 1 < sent_end and t.title[start + 1]:
        start += 1  # "to hotels in nearby Leeds", "a warehouse in eastern Leeds"
    after_the = t.lower[start] == "the"
    if after_the:
        start += 1
        named = _place_noun_of(ctx, start, sent_end)
        if named is not None:  # "in the Ruritanian port city of Zenda": Zenda
            return _name_after(ctx, named, dateline) if t.lower[named] != "the" else None
    end = start
    while end < sent_end:
        if (
            (t.title[end] or (t.upper[end] and len(t.text[end]) >= 2))
            and t.alpha[end]
            and t.lower[end] not in ctx.calendar_words
            and (t.lower[end] not in ctx.event_words or _venue_follows(ctx, end, sent_end))
        ):
            end += 1
        elif (
            (t.lower[end] in _NAME_LINKS or t.text[end] == "-")
            and end > start
            and end + 1 < sent_end
            and t.title[end + 1]
            and t.lower[end + 1] not in ctx.calendar_words
        ):
            end += 1
        else:
            break
    if end == start or any(i in ctx.timex_tokens for i in range(start, end)):
        return None
    if dateline and dateline.start <= t.idx[start] < dateline.end:
        return None
    if after_the and end < sent_end and t.lower[end] in ctx.facilities:
        return start, end  # "near the Lagos refinery": the refinery is in or by Lagos
    if after_the and end < sent_end and t.lower[end] in ctx.region_nouns:
        return start, end + 1  # "in the Harlow region": the region, named with its noun
    if end < sent_end and t.lower[end] in ("'s", "\u2019s") and _district_after(ctx, end + 1):
        return start, end  # "a kiosk in Leeds's Headingley district": in Leeds
    if end < sent_end and (
        t.lower[end] in ("'s", "\u2019s", "'", "\u2019")
        or (after_the and t.lowercase[end] and t.alpha[end] and t.lower[end] not in STOP_WORDS)
    ):
        return None  # "at Teixeira's home", "in the Somerset town": not the place itself
    return start, end


_LIST_WORDS = ("and", "or", "&")
_LIST_REACH = 6
"""Most words after a qualifier to a list's "and" ("in Leeds, York, Hull and Derby")."""


def _qualifier(ctx: _Context, start: int, end: int, dateline: Span | None) -> str | None:
    """The words that qualify the place name at tokens ``start:end`` with a wider place or
    a nationality, as written: the capitalised words between "the" and a place noun before
    it ("the Scottish city of Perth", "the Ontario town of Elm"), or the name after its
    comma ("London, Ontario", "Brest, France"), not one that goes on into a list ("in
    Leeds, York and Hull"). None when there is none."""
    t = ctx.tokens
    sent_start, sent_end = t.sent_start[start], t.sent_end[start]
    if start - 2 >= sent_start and t.lower[start - 1] == "of":
        i = start - 2
        while i > sent_start and t.alpha[i] and t.lowercase[i] and t.lower[i] != "the":
            i -= 1  # the place noun and its lower-case words ("port city")
        last = i
        while i > sent_start and t.alpha[i] and t.title[i]:
            i -= 1
        if i < last and t.lower[i] == "the" and t.lower[start - 2] in ctx.place_nouns:
            return ctx.doc[i + 1 : last + 1].text
        return None
    if end + 1 >= sent_end or t.text[end] != "," or not t.title[end + 1]:
        return None
    wider = _name_after(ctx, end + 1, dateline)
    if wider is None:
        return None
    for i in range(wider[1], min(sent_end, wider[1] + _LIST_REACH)):
        if t.lower[i] in _LIST_WORDS:
            if i + 1 < sent_end and not t.title[i + 1]:
                break  # "in Dunmore Springs, Ohio, and the vans in Mexico": a clause goes on
            return None
        if not (t.text[i] == "," or t.title[i]):
            break
    return ctx.doc[wider[0] : wider[1]].text


def _venue_city(
    ctx: _Context, start: int, end: int, venues: set[str], dateline: Span | None
) -> tuple[int, int] | None:
    """Token bounds of the name after "in" right after the venue at tokens ``start:end``
    ("the Crown Court in York": York); None when the name is no venue
    or no name follows."""
    t = ctx.tokens
    if not any(t.lower[i] in venues for i in range(start, end)):
        return None
    if end + 1 >= t.sent_end[start] or t.lower[end] != "in":
        return None
    named = _name_after(ctx, end + 1, dateline)
    if named is None or any(t.lower[i] in venues for i in range(*named)):
        return None
    return named


def _district_after(ctx: _Context, start: int) -> bool:
    """True when a part of a place follows a name's "'s" at token ``start``: a district
    noun (lexicon ``district_nouns`` and ``place_nouns``) within four words, capitalised
    words or adjectives before it ("Headingley district", "northern suburbs", "old
    town")."""
    t = ctx.tokens
    for i in range(start, min(t.sent_end[start], start + 4)):
        if not t.alpha[i] or (t.lower[i] in STOP_WORDS and not t.title[i]):
            return False
        if t.lower[i] in ctx.district_nouns:
            return True
    return False


def _place_noun_of(ctx: _Context, start: int, sent_end: int) -> int | None:
    """Where the name starts in "the [Ruritanian] [port] city of X" (from the word after
    "the"): capitalised then lower-case words, up to four, the last a place noun (lexicon
    ``place_nouns``) before "of"; None otherwise."""
    t = ctx.tokens
    i = start
    while i < min(sent_end, start + 4) and t.alpha[i] and t.title[i]:
        i += 1
    first_lower = i
    while (
        i < min(sent_end, first_lower + 3) and t.alpha[i] and t.lowercase[i] and t.lower[i] != "of"
    ):
        i += 1
    if (
        i == first_lower
        or t.lower[i - 1] not in ctx.place_nouns
        or i + 1 >= sent_end
        or t.lower[i] != "of"
    ):
        return None
    return i + 1


FRAMES_KEPT = 256
"""Place frames whose pattern and first words are kept (a rule pack has a few dozen)."""


@lru_cache(maxsize=FRAMES_KEPT)
def _frame_pattern(words: tuple[str, ...]) -> regex.Pattern:
    """The words of one place frame, a space or hyphen between the words of a phrase
    ("burned out", "burned-out")."""
    spelled = sorted((regex.escape(w).replace(r"\ ", "[- ]+") for w in words), key=len)
    return regex.compile(
        r"(?<![\p{L}\p{N}-])(?:" + "|".join(reversed(spelled)) + r")(?![\p{L}\p{N}-])",
        regex.IGNORECASE,
    )


_FOLDS_APART = ("\u0130", "\u017f")
"""Letters a case-blind pattern matches with an ASCII letter that ``str.lower`` keeps apart
("\u0130" matches "i" but lowers to two characters, "\u017f" matches "s")."""


@lru_cache(maxsize=FRAMES_KEPT)
def _first_pieces(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """The lower-cased first word of each of ``words`` ("set" of "set sail"), which starts
    every match of their ``_frame_pattern``; None when a word is not plain ASCII (another
    script's letters may match letters ``str.lower`` does not give)."""
    if not all(w.isascii() for w in words):
        return None
    return tuple(sorted({w.lower().split(" ")[0] for w in words}))


def _frame_matches(
    pattern: regex.Pattern,
    words: tuple[str, ...],
    text: str,
    lowered: str,
    present: set[str] | None = None,
) -> Iterator[regex.Match]:
    """``pattern.finditer(text)`` for the ``_frame_pattern`` of ``words`` (or a route
    pattern), tried only where ``lowered`` (``text.lower()``) holds the first word of one
    of them standing as a word of its own (``_piece_finder``): the case-blind pattern is
    slow to try at every character, and most texts hold few of the words. ``present``:
    the first words the text holds (``_pieces_present``), when known."""
    return _matches_at_pieces(pattern, _first_pieces(words), text, lowered, present)


def _matches_at_pieces(
    pattern: regex.Pattern,
    pieces: tuple[str, ...] | None,
    text: str,
    lowered: str,
    present: set[str] | None = None,
) -> Iterator[regex.Match]:
    """``_frame_matches`` of words whose ``_first_pieces`` are ``pieces``."""
    if pieces is None or len(lowered) != len(text) or any(c in text for c in _FOLDS_APART):
        yield from pattern.finditer(text)
        return
    starts = []
    for piece in pieces if present is None else present.intersection(pieces):
        starts.extend(
            at
            for m in _piece_finder(piece).finditer(lowered)
            if not (at := m.start()) or lowered[at - 1] not in _BEFORE_PIECE
        )
    end = 0
    for at in sorted(starts):
        if at >= end and (found := pattern.match(text, at)) is not None:
            yield found  # the pattern's look-behind still reads the text before ``at``
            end = found.end()


@lru_cache(maxsize=1024)
def _piece_finder(piece: str) -> re.Pattern:
    """Where the lower-cased text holds ``piece`` (a frame's or a route's first word) not
    before an ASCII letter or a digit; ``_frame_matches`` keeps those not after one or a
    hyphen (``_BEFORE_PIECE``; a look-behind would make the search try every character):
    every match of a pattern that opens with ``(?<![\\p{L}\\p{N}-])`` and this word, and
    then a space, a hyphen or a character that is no letter or digit, starts at one of
    them (a few more are tried for nothing: a letter outside ASCII is no bound)."""
    return re.compile(re.escape(piece) + r"(?![a-z0-9])")


_BEFORE_PIECE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")
"""Characters no frame's or route's first word stands after (``_piece_finder``)."""


def _frame_pieces(ruleset: RuleSet) -> frozenset[str] | None:
    """The first words (``_first_pieces``) of every place frame of ``ruleset``: a frame
    matches only where one of its own is in the text. None when a frame has a word that is
    not plain ASCII (``_frame_matches`` then tries its pattern everywhere)."""
    pieces: set[str] = set()
    for rule in ruleset.of_kind("event_place"):
        for spec in rule.options.get("frames", {}).values():
            first = _first_pieces(_frame_words(spec))
            if first is None:
                return None
            pieces.update(first)
    return frozenset(pieces)


def _frame_words(spec: dict) -> tuple[str, ...]:
    """The words of a place frame that its pattern matches: its words and its objects."""
    return tuple(spec["words"]) + tuple(spec.get("objects", []))


def _pieces_present(ctx: _Context, ruleset: RuleSet, text: str, lowered: str) -> set[str] | None:
    """The trigger pass of the place frames: which frames' first words ``lowered`` (the
    lower-cased ``text``) holds, the text's words read once per document rather than
    searched once per frame word: a first word of letters only is a match's only where it
    is a run of ASCII letters of its own; any other is looked for in the text. None when
    ``_frame_matches`` would not read its matches from the first words (a frame word or
    a letter of the text outside ASCII's case rules): then every frame is tried, as when
    ``ctx.prefilter`` is off."""
    pieces = ruleset.derived("frame_pieces", lambda: _frame_pieces(ruleset))
    if (
        not ctx.prefilter
        or pieces is None
        or len(lowered) != len(text)
        or any(c in text for c in _FOLDS_APART)
    ):
        return None
    lettered, other = ruleset.derived("frame_pieces_split", lambda: _split_pieces(pieces))
    present = set(lettered.intersection(_ASCII_WORDS.findall(lowered)))
    present.update(piece for piece in other if piece in lowered)
    return present


_ASCII_WORDS = re.compile(r"[a-z]+")
"""The runs of ASCII letters of a lower-cased text (``_pieces_present``)."""


def _split_pieces(pieces: frozenset[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    """``pieces`` of ASCII letters only, and the others ("jackpot-winning")."""
    lettered = frozenset(p for p in pieces if p.isascii() and p.isalpha())
    return lettered, tuple(sorted(pieces - lettered))


def _pieces_may_match(pieces: tuple[str, ...] | None, present: set[str] | None) -> bool:
    """False when the trigger pass (``present``, from ``_pieces_present``) shows that no
    first word of a frame (its ``_first_pieces``, ``pieces``) is in the text:
    ``_matches_at_pieces`` would find nothing."""
    return present is None or pieces is None or not present.isdisjoint(pieces)


def _chain_of(chains: dict[Any, int], key: Any, new_chain: Callable[[], int]) -> int:
    """The chain of ``key`` among a rule's place chains, made (``new_chain``) on first use."""
    if key not in chains:
        chains[key] = new_chain()
    return chains[key]


@dataclass
class _FramePlan:
    """One place frame of an ``event_place`` rule, its word sets read from the rule once
    per rule set (``_frame_plans``), not once per document; its pattern compiled at the
    first text that may hold one of its words (``pattern``)."""

    spec: dict
    words: tuple[str, ...]
    pieces: tuple[str, ...] | None
    frame: str
    n: int
    facilities: list[str]
    per_word: bool
    unless_after: set[str]
    joins: set[str]
    stops: set[str]
    prepositions: set[str]
    objects: set[str]
    gap: int
    unless: tuple[str, ...]
    with_events: set[str]
    with_words: set[str]
    compiled: regex.Pattern | None = None

    @property
    def pattern(self) -> regex.Pattern:
        """The frame's ``_frame_pattern``."""
        if self.compiled is None:
            self.compiled = _frame_pattern(self.words)
        return self.compiled


def _frame_plans(ruleset: RuleSet) -> list[tuple[Rule, set[str], list[_FramePlan]]]:
    """Each ``event_place`` rule with its venues and its frames (``_FramePlan``), in the
    order ``_frame_places`` reads them."""
    plans = []
    for rule in ruleset.of_kind("event_place"):
        venues = {v.lower() for v in rule.options.get("venues", [])}
        frames = rule.options.get("frames", {})
        # frames ``compared_as`` one are one kind of happening told with other words
        kinds = sorted({spec.get("compared_as", frame) for frame, spec in frames.items()})
        # the facilities of `per_word` frames, each compared with itself only
        facilities = sorted(
            {
                spec.get("as_word", word).lower()
                for spec in frames.values()
                if spec.get("per_word")
                for word in spec["words"]
            }
        )
        rule_plans = []
        for frame, spec in sorted(frames.items()):
            frame = spec.get("compared_as", frame)
            rule_plans.append(
                _FramePlan(
                    spec=spec,
                    words=_frame_words(spec),
                    pieces=_first_pieces(_frame_words(spec)),
                    frame=frame,
                    n=kinds.index(frame),
                    facilities=facilities,
                    per_word=bool(spec.get("per_word")),
                    unless_after={w.lower() for w in spec.get("unless_after", [])},
                    joins={w.lower() for w in spec.get("joins", [])},
                    stops={w.lower() for w in spec.get("stops", [])},
                    prepositions={p.lower() for p in spec.get("prepositions", [])},
                    objects={w.lower() for w in spec.get("objects", [])},
                    gap=int(spec.get("gap", _PLACE_GAP)),
                    unless=tuple(w.lower() for w in spec.get("unless_followed_by", [])),
                    with_events={f"event:{c}" for c in spec.get("with_events", [])},
                    with_words={w.lower() for w in spec.get("with_words", [])},
                )
            )
        plans.append((rule, venues, rule_plans))
    return plans


def _frame_places(
    ctx: _Context, source: Source, ruleset: RuleSet, new_chain: Callable[[], int]
) -> list[FactMention]:
    """Places a word of their own ties to one kind of happening (``frames`` of an
    ``event_place`` rule): "had left Dover at dawn", "made landfall near
    Tacloban", "were arrested on Friday near Split", "at Leeds Crown Court". The place is
    the first name after the frame word in its clause, behind one of the frame's
    prepositions and close by (or right after a word that takes it as object: "left
    Dover", followed by a date, a full stop or "for"); a venue's name may stand anywhere
    later in the sentence. A source's places of one frame are one fact."""
    facts: list[FactMention] = []
    t = ctx.tokens
    text = source.text  # the doc's text (``doc.text`` joins every token)
    lowered = text.lower()
    dateline = source.dateline
    seen: set[tuple[str, tuple[int, int, int]]] = set()
    present = _pieces_present(ctx, ruleset, text, lowered)
    for rule, venues, frames in ruleset.derived("frame_plans", lambda: _frame_plans(ruleset)):
        frame_chains: dict[tuple[int, int], int] = {}  # (kind, facility) -> its chain
        for plan in frames:
            if not _pieces_may_match(plan.pieces, present):
                continue  # none of its words in the text
            spec, frame, n, facilities = plan.spec, plan.frame, plan.n, plan.facilities
            per_word, unless_after, joins = plan.per_word, plan.unless_after, plan.joins
            stops, prepositions, objects = plan.stops, plan.prepositions, plan.objects
            gap, unless, with_events = plan.gap, plan.unless, plan.with_events
            with_words = plan.with_words
            for found in _matches_at_pieces(plan.pattern, plan.pieces, text, lowered, present):
                following = text[found.end() : found.end() + 40].lstrip().lower() + " "
                if any(following.startswith(w + " ") for w in unless):
                    continue  # "caught fire near Split": no arrest
                span = ctx.doc.char_span(found.start(), found.end(), alignment_mode="expand")
                if span is None or (dateline and dateline.start <= found.start() < dateline.end):
                    continue
                if with_events and not any(
                    c.label_ in with_events for c in ctx.cues_at(t.sent_start[span.start], "event:")
                ):
                    continue  # "its plant in Lyon" in a sentence about no fire or attack
                if with_words and with_words.isdisjoint(
                    t.lower[t.sent_start[span.start] : t.sent_end[span.start]]
                ):
                    continue  # "its data centre in Leeds" in a sentence about no intrusion
                sent_end = t.sent_end[span.start]
                word = found.group(0).lower()
                unless_before = spec.get("unless_before")
                if unless_before and not {w.lower() for w in unless_before}.isdisjoint(
                    t.lower[max(t.sent_start[span.start], span.start - 3) : span.start]
                ):
                    continue  # "a replacement coach left Leeds": another departure
                if per_word and (
                    (
                        not found.group(0).islower()
                        and (span.start == 0 or not t.title[span.start - 1])
                    )
                    or not unless_after.isdisjoint(
                        t.lower[max(t.sent_start[span.start], span.start - 3) : span.start]
                    )
                ):
                    # "Port of Spain" is a name (not "the Zenda River": a name's last word);
                    # "bound for the port of Zenda" is a destination
                    continue
                word = spec.get("as_word", word).lower()  # "the Zenda River at X": a gauge
                place = None
                if word in objects:
                    named = _name_after(ctx, span.end, dateline)
                    if named and _ends_object(ctx, named[1], spec.get("object_ends", [])):
                        place = (span.start, *named)
                starts = [span.end]
                if spec.get("after_with_words"):
                    # "the ticket, which was sold at a kiosk in Leeds": read on from the
                    # word that places the object too
                    starts += [i + 1 for i in range(span.end, sent_end) if t.lower[i] in with_words]
                for at in starts:
                    if place is not None:
                        break
                    words = 0
                    in_clause = True
                    while place is None and at < sent_end:
                        if t.lower[at] in stops:
                            break  # "the ticket was bought by a man born in Leeds": his place
                        if ctx.breaks_at(at) and t.lower[at] not in joins:
                            in_clause = False  # (`joins`: "to workers and journalists")
                        elif at not in ctx.timex_tokens:
                            words += 1
                        if t.lower[at] in prepositions and at not in ctx.timex_tokens:
                            named = _name_after(ctx, at + 1, dateline)
                            if named is not None:
                                is_venue = any(t.lower[i] in venues for i in range(*named))
                                if (in_clause and words <= gap) or (is_venue and not per_word):
                                    place = (at, *named)
                                elif not in_clause:
                                    break
                        if not in_clause and not venues:
                            break
                        at += 1
                if place is None and per_word:
                    place = _name_before(ctx, span.start, dateline)  # "the Zenda gauge"
                if place is None and spec.get("place_before"):
                    place = _place_before(ctx, span.start, prepositions, with_words, gap, dateline)
                if (
                    place is not None
                    and (per_word or spec.get("speakers") or spec.get("news_only"))
                    and _years_before(ctx, source, t.sent_start[span.start], ruleset)
                ):
                    continue  # "seized at the port of Zenda in 2019": another, earlier event
                kind = frame if not per_word else f"{frame} at the {word}"
                if per_word and spec.get("word_kind"):
                    kind = f"the {word}"  # "Sources disagree on where the sandbank is"
                if place is None or (kind, place) in seen:
                    continue  # "caught at a checkpoint outside Split": one place, two words
                seen.add((kind, place))
                context = {f"frame:{kind}", kind}
                if spec.get("speakers"):
                    # "the minister told a briefing in Leeds": another source's briefing is
                    # this one only when it names one of its people (its place set aside)
                    place_words = {
                        stem(w.lower()) for w in ctx.doc[place[1] : place[2]].text.split()
                    }
                    context = (
                        {f"frame:{frame}"}
                        | (ctx.proper_nouns_at(t.sent_start[span.start]) - place_words)
                        | _days_said(ctx, t.sent_start[span.start], dateline, ruleset)
                    )
                for where, start, end in _with_listed_places(ctx, place, dateline):
                    city = _venue_city(ctx, start, end, venues, dateline)
                    facts.append(
                        FactMention(
                            rule=rule.id,
                            family="place",
                            where=_mention_at(source, t, where, city[1] if city else end),
                            tense=ctx.tense(where, end),
                            trigger=kind,
                            event_class=kind,
                            context=frozenset(context),
                            chain=_chain_of(
                                frame_chains,
                                (n, facilities.index(word) + 1 if per_word else 0),
                                new_chain,
                            ),
                            subject=kind,
                            place=ctx.doc[start:end].text,
                            qualifier=_qualifier(ctx, start, end, dateline),
                            venue_city=ctx.doc[city[0] : city[1]].text if city else None,
                        )
                    )
    return facts


def _years_before(ctx: _Context, source: Source, sent_start: int, ruleset: RuleSet) -> bool:
    """True when the sentence starting at token ``sent_start`` names a year before the
    source's (any year, when the source has no date): it recalls an earlier event."""
    t = ctx.tokens
    sent_end = t.sent_end[sent_start]
    published = source.published
    for span in ctx.timex_by_sent.get(sent_start, ()):
        if sent_start <= span.start < sent_end and "since" not in (
            t.lower[span.start],
            t.lower[span.start - 1],
        ):  # "its lowest since 1961" compares with a year, recalls no event of it
            year = ctx.timex_parts(tuple(t.text[span.start : span.end])).year
            if year is not None and (published is None or year < published.year):
                return True
    return False


def _days_said(ctx: _Context, sent_start: int, dateline: Span | None, ruleset: RuleSet) -> set[str]:
    """A "kind:" word for each day the sentence starting at token ``sent_start`` names, as
    written ("on Monday", "March 3"): one speaker's briefing "in Leeds on Monday" and
    another "in York on Tuesday" are two briefings, never compared (``align.pair_score``).
    The same day written two ways ("on Monday", "yesterday") keeps them apart too."""
    t = ctx.tokens
    sent_end = t.sent_end[sent_start]
    days = set()
    for span in ctx.timex_by_sent.get(sent_start, ()):
        if not sent_start <= span.start < sent_end:
            continue
        if dateline and span.start_char < dateline.end and span.end_char > dateline.start:
            continue
        parts = ctx.timex_parts(tuple(t.text[span.start : span.end]))
        if _is_day(parts):
            days.add(f"kind:day {parts.weekday} {parts.month} {parts.day} {parts.deictic}")
    return days


def _name_before(ctx: _Context, end: int, dateline: Span | None) -> tuple[int, int, int] | None:
    """(where its words start, where the name starts and ends) of the capitalised name right
    before token ``end`` after "the", "a" or a preposition ("at Zenda port", "the Zenda
    gauge"); None when there is none."""
    t = ctx.tokens
    start = end
    first = t.sent_start[end]
    while (
        start - 1 > first
        and t.alpha[start - 1]
        and t.title[start - 1]
        and t.lower[start - 1] not in ctx.calendar_words
        and start - 1 not in ctx.timex_tokens
    ):
        start -= 1
    if start == end or start - 1 < first or t.lower[start - 1] not in _BEFORE_NAME:
        return None
    if dateline and dateline.start <= t.idx[start] < dateline.end:
        return None
    return start - 1, start, end


def _place_before(
    ctx: _Context,
    end: int,
    prepositions: set[str],
    verbs: set[str],
    gap: int,
    dateline: Span | None,
) -> tuple[int, int, int] | None:
    """(where its words start, where the name starts and ends) of the place named before
    token ``end`` in its clause, behind one of ``prepositions``, with one of ``verbs``
    between the two and at most ``gap`` words in all ("a kiosk in Leeds sold the winning
    ticket"); None when there is none."""
    t = ctx.tokens
    first = t.sent_start[end]
    verb = False
    at = end - 1
    while at > first and end - at <= gap + 4:
        if ctx.breaks_at(at):
            return None
        verb = verb or t.lower[at] in verbs
        if verb and t.lower[at - 1] in prepositions and at - 1 not in ctx.timex_tokens:
            named = _name_after(ctx, at, dateline)
            if named is not None and named[1] <= end:
                between = [i for i in range(named[1], end) if i not in ctx.timex_tokens]
                if len(between) <= gap and any(t.lower[i] in verbs for i in between):
                    return at - 1, *named
        at -= 1
    return None


_BEFORE_NAME = frozenset({"the", "a", "an", "at", "in", "near", "outside", "by"})
"""Words a facility's name may follow: "the Zenda gauge", "at Zenda port"."""


def _with_listed_places(
    ctx: _Context, place: tuple[int, int, int], dateline: Span | None
) -> list[tuple[int, int, int]]:
    """``place`` (where its words start, where its name starts and ends) and the names listed
    after it ("in Leeds, York and Hull"): a source that names several states each of them."""
    t = ctx.tokens
    places = [place]
    end = place[2]
    closed = 1  # the places up to the list's "and" or "or"
    while end + 1 < t.sent_end[end - 1] and t.lower[end] in (",", "and", "or"):
        link = end + 1 if t.lower[end + 1] not in ("and", "or") else end + 2
        named = _name_after(ctx, link, dateline)
        if named is None or t.lower[named[0] - 1] == "the":
            break
        places.append((named[0], *named))
        if link > end + 1 or t.lower[end] != ",":
            closed = len(places)
        end = named[1]
    # "in Mutare, Tomas Vidal said": a name after a comma is listed only when an "and"
    # or "or" closes the list
    return places[:closed]


def _ends_object(ctx: _Context, end: int, ends: list[str]) -> bool:
    """True when the name ending before token ``end`` is the whole object of its verb: the
    sentence or clause ends, a date follows, or one of ``ends`` ("for", "shortly"), where
    "left Lagos without power" leaves a place in a state, not behind."""
    t = ctx.tokens
    return (
        end >= t.sent_end[end - 1]
        or ctx.breaks_at(end)
        or t.text[end] in (".", "!", "?")
        or end in ctx.timex_tokens
        or t.lower[end] in {e.lower() for e in ends}
    )


_PLACE_NAME = (
    r"\p{Lu}[\p{L}'\u2019.-]*"
    r"(?:(?:[ \t]+(?:de|di|del|la|le|of|upon))?[ \t]+\p{Lu}[\p{L}'\u2019.-]*)*"
)
"""A capitalised place name of one or more words ("Forest Hills", "Vila Nova de Gaia")."""


@lru_cache(maxsize=16)
def _ranked_place_patterns(
    ranks: tuple[str, ...], nouns: tuple[str, ...], links: tuple[str, ...]
) -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    """(the ranked noun phrase, a name after it, a name before it) for one rule."""

    def words(options: tuple[str, ...]) -> str:
        spelled = sorted((regex.escape(o).replace(r"\-", "[- ]?") for o in options), key=len)
        return "(?:" + "|".join(reversed(spelled)).replace(r"\ ", "[- ]") + ")"

    phrase = regex.compile(
        rf"\bthe[ \t]+(?P<rank>{words(ranks)})[ \t]+(?P<noun>{words(nouns)})\b",
        regex.IGNORECASE,
    )
    link = words(links)
    after = regex.compile(rf"^[ \t]+{link}[ \t]+(?:the[ \t]+)?(?P<name>{_PLACE_NAME})")
    before = regex.compile(
        rf"^(?:The[ \t]+)?(?P<name>{_PLACE_NAME})(?:,[^,]{{1,120}},)?[ \t]+{link}[ \t]+$"
    )
    return phrase, after, before


@lru_cache(maxsize=16)
def _rank_spellings(ranks: tuple[str, ...]) -> tuple[str, ...]:
    """Every spelling, case-folded, that the ranked phrase's ``rank`` group accepts:
    "worst-hit" is also "worst hit" and "worsthit", "most affected" also "most-affected".
    A text holding none of them holds no ranked phrase (a plain substring test is far
    cheaper than the case-insensitive pattern)."""
    spellings = []
    for rank in ranks:
        pieces = regex.split(r"([- ])", rank.casefold())
        joints = [("-", " ", "") if joint == "-" else ("-", " ") for joint in pieces[1::2]]
        for chosen in itertools.product(*joints):
            spellings.append(
                "".join(w + j for w, j in zip(pieces[::2], [*chosen, ""], strict=True))
            )
    return tuple(spellings)


def _ranked_places(
    ctx: _Context, source: Source, ruleset: RuleSet, new_chain: Callable[[], int]
) -> list[FactMention]:
    """The place a story ranks first among places of a kind: "the worst-hit city is
    Ghent", "Bruges, where the river burst its banks, was the hardest-hit town". The name
    is the subject or the complement of the ranked noun phrase, joined by a link verb."""
    facts = []
    t = ctx.tokens
    folded = source.text.casefold()  # the doc's text (``doc.text`` joins every token)
    for rule in ruleset.of_kind("ranked_place"):
        ranks = tuple(rule.options["ranks"])
        if not any(spelling in folded for spelling in _rank_spellings(ranks)):
            continue
        phrase, after, before = _ranked_place_patterns(
            ranks, tuple(rule.options["nouns"]), tuple(rule.options["links"])
        )
        chains: dict[str, int] = {}
        for sent in ctx.doc.sents:
            text = sent.text.lstrip()
            base = sent.start_char + len(sent.text) - len(text)
            for found in phrase.finditer(text):
                named = after.match(text[found.end() :]) or before.match(text[: found.start()])
                if named is None:
                    continue
                offset = found.end() if named.re is after else 0
                name = named["name"].rstrip(".")  # "... is Utrecht.": the full stop ends it
                name_start = base + offset + named.start("name")
                name_end = name_start + len(name)
                span = _place_span(ctx, name_start, name_end, contract_first=True)
                if span is None:
                    continue
                noun = found["noun"].lower()
                chain = _chain_of(chains, noun, new_chain)
                facts.append(
                    FactMention(
                        rule=rule.id,
                        family="place",
                        where=_mention_at(source, t, span.start, span.end),
                        tense=ctx.tense(span.start, span.end),
                        trigger=noun,
                        event_class=noun,
                        context=frozenset({"ranked-first", stem(noun)}),
                        chain=chain,
                        subject=f"{found['rank'].lower()} {noun}",
                        place=name,
                    )
                )
    return facts


def _place_span(
    ctx: _Context, start: int, end: int, *, contract_first: bool = False
) -> Span | None:
    """The tokens of a place name found at characters [start, end) of the text, or None when
    they hold a month or weekday ("in May" is no place)."""
    span = ctx.doc.char_span(start, end, alignment_mode="contract") if contract_first else None
    span = span or ctx.doc.char_span(start, end, alignment_mode="expand")
    lower = ctx.tokens.lower
    if span is None or any(lower[i] in ctx.calendar_words for i in range(span.start, span.end)):
        return None
    return span


_ORG_NAME = r"\p{Lu}[\p{L}\p{N}&'\u2019.-]*(?:[ \t]+(?:&[ \t]+)?\p{Lu}[\p{L}\p{N}&'\u2019.-]*){0,4}"
"""An organisation's name: one to five capitalised words ("Acme Pharma", "Lee & Moss")."""


@lru_cache(maxsize=16)
def _home_place_pattern(suffixes: tuple[str, ...], descriptors: int) -> regex.Pattern:
    """ "<place>-based [up to ``descriptors`` lower-case words] <Organisation>" for one rule."""
    suffix = "|".join(regex.escape(s) for s in sorted(suffixes, key=len, reverse=True))
    return regex.compile(
        rf"(?<![\p{{L}}\p{{N}}'\u2019-])(?P<place>{_PLACE_NAME})-(?:{suffix})[ \t]+"
        rf"(?:\p{{Ll}}[\p{{L}}-]*[ \t]+){{0,{descriptors}}}(?P<org>{_ORG_NAME})"
    )


@lru_cache(maxsize=16)
def _home_group_pattern(
    suffixes: tuple[str, ...], descriptors: int, groups: tuple[str, ...]
) -> regex.Pattern:
    """ "the <place>-based [lower-case words] <group>" for one rule: a group the story names
    by its kind only ("the Lyon-based smuggling ring"), never followed by a name."""
    suffix = "|".join(regex.escape(s) for s in sorted(suffixes, key=len, reverse=True))
    group = "|".join(regex.escape(g) for g in sorted(groups, key=len, reverse=True))
    return regex.compile(
        rf"(?<![\p{{L}}\p{{N}}'\u2019-])(?:[Tt]he|[Aa]n?)[ \t]+(?P<place>{_PLACE_NAME})-"
        rf"(?:{suffix})[ \t]+(?:\p{{Ll}}[\p{{L}}-]*[ \t]+){{0,{descriptors}}}"
        rf"(?P<org>{group})(?![\p{{L}}\p{{N}}-])(?![ \t]+\p{{Lu}})"
    )


@lru_cache(maxsize=16)
def _seat_pattern(seats: tuple[str, ...]) -> regex.Pattern:
    """ "the <Name> <Seat> in <place>" for one rule: an institution named with one of
    ``seats`` as its last word ("the Federal Court in Perth", "the Harlow General Hospital
    in Kelsall"), placed in a city."""
    seat = "|".join(regex.escape(s) for s in sorted(seats, key=len, reverse=True))
    return regex.compile(
        rf"(?<![\p{{L}}\p{{N}}'\u2019-])[Tt]he[ \t]+"
        rf"(?P<org>(?:\p{{Lu}}[\p{{L}}'\u2019.-]*[ \t]+){{1,4}}(?:{seat}))"
        rf"[ \t]+in[ \t]+(?P<place>{_PLACE_NAME})"
    )


_NAME_START = r"(?<![\p{L}\p{N}'\u2019&.-])(?<!\p{Lu}[\p{L}\p{N}'\u2019&.-]*[ \t]+)"
"""Where an organisation's name may start: not inside a word, nor after another
capitalised word (the name's whole run of capitals is taken)."""


@lru_cache(maxsize=16)
def _home_after_pattern(suffixes: tuple[str, ...], descriptors: int) -> regex.Pattern:
    """ "<Organisation>, [which is | a <lower-case words>] <suffix> in <place>" and
    "<Organisation> is <suffix> in <place>" for one rule: "Acme, based in Lyon", "Acme, a
    drugmaker headquartered in Lyon", "Acme is based in Lyon"."""
    suffix = "|".join(regex.escape(s) for s in sorted(suffixes, key=len, reverse=True))
    return regex.compile(
        rf"{_NAME_START}"
        rf"(?P<org>{_ORG_NAME})"
        rf"(?:,[ \t]+(?:which[ \t]+is[ \t]+|an?[ \t]+(?:\p{{Ll}}[\p{{L}}-]*[ \t]+){{1,{descriptors}}})?"
        rf"|[ \t]+is[ \t]+)(?:{suffix})[ \t]+in[ \t]+(?P<place>{_PLACE_NAME})"
    )


@lru_cache(maxsize=16)
def _home_apposition_pattern(suffixes: tuple[str, ...]) -> regex.Pattern:
    """ "<Organisation>, a <place>-based ..." for one rule: "Kiku Marsh, a Derby-based
    engineering consultancy"."""
    suffix = "|".join(regex.escape(s) for s in sorted(suffixes, key=len, reverse=True))
    return regex.compile(
        rf"{_NAME_START}"
        rf"(?P<org>{_ORG_NAME}),[ \t]+an?[ \t]+(?P<place>{_PLACE_NAME})-(?:{suffix})"
        rf"(?![\p{{L}}-])"
    )


_SENTENCE_END = regex.compile(r"(?<=\p{Ll}{2})\.[ \t]+(?=\p{Lu})")
"""A full stop that ends a sentence inside a run of capitalised words."""

HOME_NAME_MAX_ZIPF = 3.5
"""An organisation named by one word this common ("Police, based in Leeds", a sentence's
first word) is no name."""


def _home_key(org: str) -> str:
    """What tells one organisation from another across sources: its first word when that is
    no common word ("Kiku" of "Kiku Pharma" and of "Kiku, based in ..."), else
    its whole name ("the network", "General Dynamics")."""
    from checker.spelling import zipf  # (spelling reads the extractors' words)

    first = org.split()[0]
    if first[:1].isupper() and zipf(first.lower()) < HOME_NAME_MAX_ZIPF:
        return first.lower()
    return org.lower()


def _home_places(
    ctx: _Context, source: Source, ruleset: RuleSet, new_chain: Callable[[], int]
) -> list[FactMention]:
    """The city an organisation is based in, as a compound before its name says: "the
    Lyon-based drugmaker Acme Pharma". Facts about one organisation share a chain and the
    organisation's name as context, so only the same organisation's homes are compared.
    A group the story names by its kind alone (``groups``: "the Lyon-based smuggling
    ring") is compared with another source's group of that kind."""
    facts = []
    t = ctx.tokens
    text = source.text  # the doc's text (``doc.text`` joins every token)
    for rule in ruleset.of_kind("home_place"):
        suffixes = tuple(rule.options["suffixes"])
        descriptors = int(rule.options.get("descriptors", 3))
        pattern = _home_place_pattern(suffixes, descriptors)
        groups = tuple(g.lower() for g in rule.options.get("groups", []))
        needles = [f"-{suffix}" for suffix in suffixes]
        matches = [
            (found, org)
            for found in _matches_in_lines(pattern, text, needles)
            if "\n" not in found.group(0)
            and (org := regex.sub(r"(?:['\u2019]s?|\.)$", "", found["org"])).lower()
            not in ctx.calendar_words
        ]
        if groups:
            named = {found.start("place") for found, _org in matches}
            group_pattern = _home_group_pattern(suffixes, descriptors, groups)
            for found in _matches_in_lines(group_pattern, text, needles):
                between = text[found.end("place") : found.start("org")].split()[1:]
                if found.start("place") in named or any(w in STOP_WORDS for w in between):
                    continue  # "a Lyon-based analyst said the ring": the ring is not based
                matches.append((found, f"the {found['org'].lower()}"))
        # "Acme, based in Lyon": the organisation's name before the suffix
        from checker.spelling import zipf  # (spelling reads the extractors' words)

        after_name = itertools.chain(
            _matches_in_lines(
                _home_after_pattern(suffixes, descriptors), text, [f" {x} in " for x in suffixes]
            ),
            _matches_in_lines(_home_apposition_pattern(suffixes), text, needles),
        )
        for found in after_name:
            org = regex.sub(r"(?:['\u2019]s?|\.)$", "", found["org"])
            words = org.split()
            while words and words[0].lower() in STOP_WORDS:
                words = words[1:]  # "The Kiku Group is based in ..."
            if not words or (len(words) == 1 and zipf(words[0].lower()) >= HOME_NAME_MAX_ZIPF):
                continue
            if any(w.lower() in ctx.calendar_words for w in words):
                continue
            matches.append((found, " ".join(words)))
        seats = tuple(rule.options.get("seats", []))
        if seats:
            # "the Federal Court in Perth": a named institution's city
            for found in _matches_in_lines(_seat_pattern(seats), text, [" in "]):
                org = found["org"]
                if not any(w.lower() in ctx.calendar_words for w in org.split()):
                    matches.append((found, f"the {org}"))
        chains: dict[str, int] = {}
        for found, org in matches:
            place_start, place_end = found.span("place")
            place = found["place"]
            if place.endswith(".") and place[-2:-1].islower():
                place, place_end = place[:-1], place_end - 1  # "is based in Kyoto."
            while (first := place.split(maxsplit=1))[0].lower() in STOP_WORDS and len(first) > 1:
                place_start += len(place) - len(first[1])  # "The New York-based ...", "In ..."
                place = first[1]
            span = _place_span(ctx, place_start, place_end)
            if span is None:
                continue
            org = _SENTENCE_END.split(org, maxsplit=1)[0]  # "Acme Structures. Its report"
            key = _home_key(org)
            chain = _chain_of(chains, key, new_chain)
            facts.append(
                FactMention(
                    rule=rule.id,
                    family="place",
                    where=_mention_at(source, t, span.start, span.end),
                    tense=ctx.tense(span.start, span.end),
                    trigger="based",
                    event_class="based",
                    context=frozenset({"based-in", key}),
                    chain=chain,
                    subject=org,
                    place=place,
                    qualifier=_qualifier(ctx, span.start, span.end, source.dateline),
                )
            )
    return facts


def _matches_in_lines(
    pattern: regex.Pattern, text: str, needles: list[str]
) -> Iterator[regex.Match]:
    """``pattern.finditer(text)`` for a pattern whose matches never span a line break and
    always hold one of ``needles``: only the lines holding a needle are searched (the
    pattern is slow to try at every capital of a long text). Positions are the text's."""
    start = 0
    while True:
        at = min((found for n in needles if (found := text.find(n, start)) >= 0), default=-1)
        if at < 0:
            return
        line_start = text.rfind("\n", 0, at) + 1
        line_end = text.find("\n", at)
        line_end = len(text) if line_end < 0 else line_end
        yield from pattern.finditer(text, line_start, line_end)
        start = line_end


def _event_before(
    ctx: _Context, position: int, chains: dict[int, tuple[int, str]], *, sentence_wide: bool
) -> tuple[Span, int] | None:
    """The event word a place phrase at ``position`` belongs to: the nearest one before it,
    in its clause and close by (anywhere before it in the sentence for a venue)."""
    sent_start = ctx.tokens.sent_start[position]
    left, _right = ctx.clause(position, position + 1)
    # "the final, played on Sunday, in Lagos": a verb such as "played" or "held" in the
    # place's clause ties it to the event named earlier in the sentence
    sentence_wide = sentence_wide or any(
        0 < position - c.end <= _PLACE_GAP + 2 for c in ctx.cues_at(sent_start, "relation:")
    )
    best: Span | None = None
    for cue in ctx.cues_at(sent_start, "event:"):
        if cue.start not in chains or cue.end > position:
            continue
        if not sentence_wide and (cue.start < left or position - cue.end > _PLACE_GAP):
            continue
        if best is None or cue.start > best.start:
            best = cue
    if best is None:
        return None
    relation_tokens = {
        i for c in ctx.cues_at(sent_start, "relation:") for i in range(c.start, c.end)
    }
    if any(ctx.past_at(i) and i not in relation_tokens for i in range(best.end, position)):
        return None  # "the quake jolted several cities in ...": the place is the cities'
    return best, chains[best.start][0]


@lru_cache(maxsize=16)
def _route_patterns(
    patterns: tuple[str, ...], place_nouns: tuple[str, ...]
) -> tuple[tuple[regex.Pattern, tuple[str, str], tuple[str, ...] | None], ...]:
    """The ``patterns`` of a ``route_place`` rule, compiled: ``{origin}``, ``{destination}``
    and ``{end}`` stand for a capitalised place name (after "the [Ghanaian] port of", a
    place noun of ``place_nouns``), ``{words}`` for up to four words (a date between: "left
    Lagos on Tuesday bound for Accra"). Case-blind but for the names. Each pattern comes
    with its two name groups: ("origin", "destination"), or ("end0", "end1") for two ends
    in no order ("between X and Y"), and the words every match starts with
    (``_route_first_words``)."""
    nouns = "|".join(regex.escape(n) for n in sorted(place_nouns, key=len, reverse=True))
    described = (
        rf"(?:the[ \t]+(?:(?-i:\p{{Lu}})\p{{L}}+[ \t]+)?(?:\p{{Ll}}+[ \t]+)?(?:{nouns})[ \t]+of[ \t]+)?"
        if nouns
        else ""
    )
    compiled = []
    for pattern in patterns:
        pieces = regex.split(r"\{(origin|destination|end|words)\}", pattern.replace(" ", r"[ \t]+"))
        groups: list[str] = []
        spelled = ""
        for n, piece in enumerate(pieces):
            if n % 2 == 0:
                spelled += piece
            elif piece == "words":
                spelled += r"(?:,?(?:[ \t]+[\p{L}\p{N}'\u2019-]+){0,4}?,?)"
            else:
                group = piece if piece != "end" else f"end{len(groups)}"
                groups.append(group)
                spelled += rf"{described}(?P<{group}>(?-i:{_PLACE_NAME}))"
        if sorted(groups) not in (["destination", "origin"], ["end0", "end1"]):
            raise ValueError(f"route pattern {pattern!r}: an origin and a destination, or two ends")
        compiled.append(
            (
                regex.compile(
                    rf"(?<![\p{{L}}\p{{N}}-]){spelled}(?![\p{{L}}\p{{N}}'\u2019-])", regex.I
                ),
                (groups[0], groups[1]),
                _route_first_words(pattern),
            )
        )
    return tuple(compiled)


_ROUTE_OPENING = regex.compile(
    r"(?:\(\?:(?P<words>[A-Za-z]+(?:\|[A-Za-z]+)*)\)|(?P<word>[A-Za-z]+)) "
)
"""A route pattern's first word, or its alternatives in a group: "from ", "(?:left|departed) "."""


def _route_first_words(pattern: str) -> tuple[str, ...] | None:
    """The words one of which starts every match of a route ``pattern`` ("from" of "from
    {origin} to {destination}", "left" and "departed" of "(?:left|departed) {origin} ..."):
    ``_route_places`` tries the pattern only where one of them stands. None when the
    pattern opens otherwise (it is then tried everywhere)."""
    opening = _ROUTE_OPENING.match(pattern)
    if opening is None or "\\" in pattern:
        return None
    depth = 0
    for char in pattern[opening.end() :]:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth <= 0:
            return None  # "from {origin} to {destination}|to ...": another opening
    return tuple((opening["words"] or opening["word"]).split("|"))


def _route_plans(ruleset: RuleSet) -> list[tuple[Rule, set[str], tuple]]:
    """Each ``route_place`` rule with its words and its ``_route_patterns`` (the first words
    of each as ``_first_pieces`` gives them), read once per rule set."""
    nouns = tuple(sorted(ruleset.lexicons.get("place_nouns", [])))
    return [
        (
            rule,
            {w.lower() for w in rule.options["words"]},
            tuple(
                (pattern, groups, _first_pieces(first) if first is not None else None)
                for pattern, groups, first in _route_patterns(
                    tuple(rule.options["patterns"]), nouns
                )
            ),
        )
        for rule in ruleset.of_kind("route_place")
    ]


def _route_places(
    ctx: _Context, source: Source, ruleset: RuleSet, new_chain: Callable[[], int]
) -> list[FactMention]:
    """The two ends of a route ("sailed from Lagos to Accra", "flights between Lagos and
    Accra", "bound for Accra from Lagos"), in a sentence holding one of the rule's
    ``words`` and naming no year before the source's. Each end is keyed by the other and
    its role: a destination by the route's origin ("the route from Lagos" ends in Accra),
    an origin by its destination ("the route to Accra"), so an origin is never compared
    with a destination, a route's next leg ("from Accra to Lome") is not its last one, and
    a route one source gives with only one end is not compared at all. Two ends in no
    order ("between Lagos and Accra") are each keyed by the other, and compared only with
    two ends in no order (a stretch of line "between" two stations is no journey's route)."""
    facts: list[FactMention] = []
    t = ctx.tokens
    text = source.text
    lowered = text.lower()
    dateline = source.dateline
    for rule, words, patterns in ruleset.derived("route_plans", lambda: _route_plans(ruleset)):
        if ctx.prefilter and words.isdisjoint(t.lower):
            continue  # a route is told in a sentence with one of the words: none in the text
        chains: dict[str, int] = {}
        seen: set[tuple[str, int]] = set()
        for pattern, groups, first_words in patterns:
            found_all = (
                _matches_at_pieces(pattern, first_words, text, lowered)
                if first_words is not None
                else pattern.finditer(text)
            )  # ``finditer``'s matches, the pattern tried only where its first word stands
            for found in found_all:
                if "\n" in found.group(0):
                    continue
                spans = []
                names = []
                for group in sorted(groups, key=("origin", "destination", "end0", "end1").index):
                    name = found[group].rstrip(".")
                    start = found.start(group)
                    while (first := name.split(maxsplit=1))[0].lower() in STOP_WORDS and len(
                        first
                    ) > 1:
                        start += len(name) - len(first[1])  # "The Lagos-Accra road"
                        name = first[1]
                    span = _place_span(ctx, start, start + len(name), contract_first=True)
                    if span is None or (dateline and dateline.start <= start < dateline.end):
                        break
                    spans.append(span)  # (the token "Lagos-Accra" holds both ends)
                    names.append(name)
                if len(spans) < 2 or names[0].lower() == names[1].lower():
                    continue
                sent_start = t.sent_start[spans[0].start]
                if t.sent_start[spans[1].start] != sent_start or words.isdisjoint(
                    t.lower[sent_start : t.sent_end[sent_start]]
                ):
                    continue  # "from Lagos to Accra, prices rose": no journey
                if _years_before(ctx, source, sent_start, ruleset):
                    continue  # "moved from Lagos to Accra in 2009": another, earlier move
                # (the first is the origin, the second the destination, or two ends)
                ends = list(zip(names, spans, strict=True))
                keyed = [("from", ends[0][0], ends[1]), ("to", ends[1][0], ends[0])]
                if "end0" in groups:  # compared only with two ends in no order
                    keyed = [("between", ends[0][0], ends[1]), ("between", ends[1][0], ends[0])]
                for role, other, (name, end) in keyed:
                    key = f"with one end in {other}" if role == "between" else f"{role} {other}"
                    if (key.lower(), name.lower(), end.start) in seen:
                        continue
                    seen.add((key.lower(), name.lower(), end.start))
                    chain = _chain_of(chains, key.lower(), new_chain)
                    # the words start at the preposition before the name ("from Lagos"), as
                    # a departure frame's place does: one statement, told by one finding
                    where = end.start - 1 if end.start > sent_start else end.start
                    facts.append(
                        FactMention(
                            rule=rule.id,
                            family="place",
                            where=_mention_at(source, t, where, end.end),
                            tense=ctx.tense(where, end.end),
                            trigger=key,
                            event_class=f"route at {key}",
                            context=frozenset({"route", f"route:{key.lower()}"}),
                            chain=chain,
                            subject=key,
                            place=name,
                        )
                    )
    return facts
