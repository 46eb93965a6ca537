"""Per-document tables every extractor reads: tokens, lower-cased words, stems, sentences."""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy.attrs import (
    IDX,
    ORTH,
    SENT_START,
    SPACY,
)
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from checker.extract.mentions import Mention
from checker.folding import fold_accents
from checker.model import Dateline, Source, Tense
from checker.nlp import SLOTS, TIMEX_KEY, cue_spans
from checker.quantities import (
    NumberPhrase,
    QuantityLexicon,
    cased_words,
    find_numbers,
    may_start_number,
)
from checker.rules import RuleSet, event_stage_words
from checker.temporal import TimexParts, parts_of

_ORDINAL_DIGITS = re.compile(r"^(\d{1,2})(st|nd|rd|th)$")
_DEFINITE = {"the", "this", "that", "its", "their", "his", "her", "our", "these", "those"}
_INDEFINITE = {"a", "an", "another"}
_DETERMINERS = frozenset(_DEFINITE | _INDEFINITE)
_RELATIVE_VERB_FOLLOWERS = frozenset(
    {
        "on",
        "in",
        "at",
        "near",
        "during",
        "late",
        "early",
        "shortly",
        "overnight",
        "last",
        "yesterday",
        "today",
        "after",
        "before",
        "when",
        "as",
        "across",
        "through",
        "into",
        "from",
        "off",
        "out",
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "its",
        "more",
        "about",
        "nearly",
        "some",
        "almost",
        "around",
    }
)
"""Words that never follow an adjective before its noun: after "that" and a word in "-ed",
they make the word a relative clause's verb ("the clashes that erupted at the port", "a blast
that killed 12"), not a determiner's adjective ("that updated forecast")."""
_BEFORE_ATTRIBUTES = frozenset(
    {"'s", "\u2019s", "behind", "with", "without", "under", "into", "in", "at", "of", "for", "from"}
)
"""Words after which a past participle before a noun is an adjective ("Acme's scrapped
plan", "behind closed doors"), as after a determiner."""
_NOT_NOUNS = frozenset(
    {
        "near",
        "off",
        "outside",
        "inside",
        "beside",
        "past",
        "overnight",
        "early",
        "late",
        "shortly",
        "just",
        "today",
        "yesterday",
        "tonight",
    }
)
"""Words after a participle that show it is a verb, not an adjective before its noun."""
_AUXILIARIES = {
    *("be", "being", "is", "are", "am", "will", "would", "to"),
    *("must", "should", "shall", "can", "could", "may", "might"),  # "must set": no past
}
_POSSESSIVE = frozenset({"'s", "\u2019s"})
PRESENT_REACH = 3
"""Words that may stand between a present-tense verb of a scheduled happening and the date
it governs ("reopens to the public on Thursday")."""
_NOT_PRESENT = frozenset(
    {*_AUXILIARIES, "do", "does", "did", "not", "n't", "never", "'s", "\u2019s", "would", "may"}
)
"""Words after which a verb of ``present_markers`` is no simple present ("did not end")."""
_MAIN_REACH = 40
"""Tokens on either side of a main-event date its clause may reach (``_main_clause``)."""
LATER_INSTANCE = "*later"
"""In a main-event date's context: its lead or headline tells of a later instance of
something ("Second pollution incident on the river", option ``later_words``)."""
LIGHT_VERB = "*light"
"""In a main-event date's context: its verb is a light verb ("began", "erupted"), which
tells no happening; the words before it tell what happened (``same_happening``)."""


_JOINING_WORDS = frozenset({"and", "or", "which", "who", "that"})
"""Words that join a clause to the one before it, whose words it shares ("joined_clause")."""


PARTS_KEPT = 50_000
"""Distinct expressions whose ``parts_of`` ``_Context.timex_parts`` keeps."""


STEMS_KEPT = 100_000
"""Words whose stems ``stem`` keeps: a run meets the same words in every document."""


@lru_cache(maxsize=STEMS_KEPT)
def stem(word: str) -> str:
    """A crude stem so "concluded"/"conclude", "talks"/"talk", "notified"/"notify" and
    "travelling"/"traveling" meet in context sets (kept per word: the extractors stem each
    word of a context set, story after story); accents folded, as wires drop them
    ("Ozoliņš" meets "Ozolins")."""
    word = fold_accents(word.lower().strip("'\u2019"))
    for suffix, keep in (
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            if suffix == "es" and not word.endswith(_ES_PLURALS):
                return word[:-1]  # "landslides" as "landslide", "cases" as "case"
            root = word[: -len(suffix)]
            if suffix in ("ing", "ed") and len(root) >= 6 and root.endswith("ell"):
                root = root[:-1]  # British "travelled", "cancelling": "travel", "cancel"
            return root + keep
    if len(word) == 4 and word.endswith("s") and word[-2] not in "suiew'":
        return word[:-1]  # "runs", "ends", "wins" (not "news", "gas", "this")
    return word


_ES_PLURALS = ("ses", "xes", "zes", "ches", "shes", "oes")
"""Endings whose "-es" is a plural's own ("buses", "boxes", "churches"): "es" goes; after
any other letter the word ended in "e" ("landslides", "cases") and only the "s" goes."""


def _mention_at(source: Source, table: _Tokens, start: int, end: int) -> Mention:
    """``_mention`` of tokens [start, end), read from the token table (no Span, no sentence
    search): the sentence is the one the first token is in, as ``Span.sent`` has it."""
    first, last = table.sent_start[start], table.sent_end[start]
    start_char = table.idx[start]
    end_char = table.idx[end - 1] + len(table.text[end - 1])
    sent_start_char = table.idx[first]
    sent_text = source.text[sent_start_char : table.idx[last - 1] + len(table.text[last - 1])]
    line, column = source.position(start_char)
    lead = len(sent_text) - len(sent_text.lstrip())
    return Mention(
        start_char,
        end_char,
        line,
        column,
        source.text[start_char:end_char],
        sent_text.strip(),
        start_char - sent_start_char - lead,
    )


@dataclass
class _Tokens:
    """Token attributes copied into lists in one pass: ``doc[i]`` builds a Token object on
    every call, and walking neighbours that way dominated the run time."""

    text: list[str]
    lower: list[str]
    alpha: list[bool]
    title: list[bool]
    upper: list[bool]
    lowercase: list[bool]
    spaced: list[bool]
    wordlike: list[bool]
    idx: list[int]
    sent_start: list[int]
    sent_end: list[int]

    @classmethod
    def of(cls, doc: Doc) -> _Tokens:
        """The table of ``doc``: the token attributes from one ``Doc.to_array`` call, the word
        attributes from ``_LexemeTable`` (no Token objects)."""
        columns = doc.to_array(_TABLE_ATTRS)
        orth = columns[:, 0].tolist()
        text, lower, alpha, title, upper, lowercase, wordlike = _LEXEMES.read(doc.vocab, orth)
        table = cls(
            text=text,
            lower=lower,
            alpha=alpha,
            title=title,
            upper=upper,
            lowercase=lowercase,
            spaced=columns[:, 1].astype(bool).tolist(),
            wordlike=wordlike,
            idx=columns[:, 2].tolist(),
            sent_start=[],
            sent_end=[],
        )
        bounds = numpy.array(_sentence_bounds(doc, columns[:, 3]), dtype=numpy.int64)
        if len(bounds):
            lengths = bounds[:, 1] - bounds[:, 0]
            table.sent_start = numpy.repeat(bounds[:, 0], lengths).tolist()
            table.sent_end = numpy.repeat(bounds[:, 1], lengths).tolist()
        return table


_TABLE_ATTRS = [ORTH, SPACY, IDX, SENT_START]
"""Columns of ``Doc.to_array`` read by ``_Tokens.of``, in that order."""


LEXEMES_KEPT = 200_000
"""Words whose attributes ``_LexemeTable`` keeps (then it starts again)."""


class _LexemeTable:
    """The attributes ``_Tokens`` reads that belong to the word, not to its place (text,
    lower case, alphabetic, title case, upper case, lower case, word-like), kept by lexeme
    for the whole run: a run meets the same few thousand words in every document, and
    reading them once per word is cheaper than once per token."""

    def __init__(self) -> None:
        self._vocab: Vocab | None = None
        self._rows: dict[int, tuple[str, str, bool, bool, bool, bool, bool]] = {}

    def read(self, vocab: Vocab, orths: list[int]) -> tuple[list, ...]:
        """Seven lists, one per attribute, each with one value per token of ``orths``."""
        rows = self._rows
        if vocab is not self._vocab or len(rows) >= LEXEMES_KEPT:
            rows.clear()  # another pipeline's words, or a long run's: keep memory flat
            self._vocab = vocab
        for orth in set(orths).difference(rows):
            lex = vocab[orth]
            rows[orth] = (
                lex.orth_,
                lex.lower_,
                lex.is_alpha,
                lex.is_title,
                lex.is_upper,
                lex.is_lower,
                lex.is_alpha or lex.like_num,
            )
        if not orths:
            return tuple([] for _ in range(7))
        return tuple(map(list, zip(*map(rows.__getitem__, orths), strict=True)))


_LEXEMES = _LexemeTable()


def _sentence_bounds(doc: Doc, sent_starts: numpy.ndarray) -> list[tuple[int, int]]:
    """(start, end) of each sentence, as ``doc.sents`` has them: a sentence starts at the
    first token and at every token whose ``SENT_START`` (the column ``sent_starts``) is 1."""
    if "sents" in doc.user_hooks:
        return [(sent.start, sent.end) for sent in doc.sents]
    if not doc.has_annotation("SENT_START"):
        list(doc.sents)  # raises spaCy's own error about missing sentence boundaries
    starts = [0, *(numpy.flatnonzero(sent_starts[1:] == 1) + 1).tolist()]
    return [(a, b) for a, b in zip(starts, [*starts[1:], len(sent_starts)], strict=True) if a < b]


@dataclass(frozen=True)
class _WordSets:
    """The rules' word sets the extractors look words up in, built once per rule set."""

    breaks: frozenset[str]
    not_past: frozenset[str]
    present_markers: dict[str, tuple[tuple[str, ...], ...]]
    """The ``present_markers`` phrases (lower case, split) by their last word."""
    present_copulas: frozenset[str]
    plan_participles: frozenset[str]
    series_next_words: frozenset[str]
    calendar_words: frozenset[str]
    honorifics: frozenset[str]
    honorific_stems: frozenset[str]
    event_words: frozenset[str]
    adjective_event_words: frozenset[str]
    attributive_nouns: frozenset[str]
    event_kinds: frozenset[str]
    place_nouns: frozenset[str]
    region_nouns: frozenset[str]
    place_adjectives: frozenset[str]
    superlatives: frozenset[str]
    district_nouns: frozenset[str]
    facilities: frozenset[str]
    venue_words: frozenset[str]
    """The words of every place rule's ``venues`` ("stadium", "centre"), lower case."""
    figure_verbs: frozenset[str]
    event_stages: dict[str, str]
    """Each word of the lexicon's ``event_stages`` (lower case) and the stage it names."""

    @classmethod
    def of(cls, ruleset: RuleSet) -> _WordSets:
        """The word sets of ``ruleset``'s lexicons and rules."""
        lex = ruleset.lexicons
        honorifics = frozenset(lex.get("honorifics", []))
        return cls(
            breaks=frozenset(lex.get("clause_breaks", [])),
            not_past=frozenset(lex.get("not_past", [])),
            present_markers=_by_last_word(lex.get("present_markers", [])),
            present_copulas=frozenset(w.lower() for w in lex.get("present_copulas", [])),
            plan_participles=frozenset(w.lower() for w in lex.get("plan_participles", [])),
            series_next_words=frozenset(w.lower() for w in lex.get("series_next_words", [])),
            calendar_words=frozenset(
                set(lex["months"])
                | set(lex["weekdays"])
                | set(lex["relatives"])
                | set(lex["units"])
            ),
            honorifics=honorifics,
            honorific_stems=frozenset(h.rstrip(".") for h in honorifics),
            event_words=frozenset(ruleset.event_classes),
            adjective_event_words=frozenset(lex.get("adjective_event_words", [])),
            event_kinds=frozenset(lex.get("event_kinds", [])),
            place_nouns=frozenset(lex.get("place_nouns", [])),
            region_nouns=frozenset(lex.get("region_nouns", [])),
            place_adjectives=frozenset(lex.get("place_adjectives", [])),
            superlatives=frozenset(lex.get("superlatives", [])),
            district_nouns=frozenset(lex.get("place_nouns", []))
            | set(lex.get("district_nouns", [])),
            facilities=frozenset(lex.get("place_facilities", [])),
            venue_words=frozenset(
                v.lower()
                for r in ruleset.of_kind("event_place")
                for v in r.options.get("venues", [])
            ),
            figure_verbs=frozenset(lex.get("figure_verbs", [])),
            event_stages=event_stage_words(lex),
            attributive_nouns=frozenset(
                {w for r in ruleset.of_kind("deadline") for w in r.options["triggers"]} | {"date"}
            ),
        )


def _by_last_word(phrases: Iterable[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """``phrases`` lower-cased and split, grouped by their last word, longest first."""
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted({tuple(p.lower().split()) for p in phrases}, key=lambda p: (-len(p), p)):
        if phrase:
            grouped.setdefault(phrase[-1], []).append(phrase)
    return {last: tuple(found) for last, found in grouped.items()}


class _Context:
    """Per-document helpers shared by the extractors."""

    def __init__(self, doc: Doc, ruleset: RuleSet, *, prefilter: bool = True) -> None:
        self.doc = doc
        self.prefilter = prefilter
        """Extractors skip what their trigger words show cannot match (False: try all;
        the tests compare both ways)."""
        lex = ruleset.lexicons
        words = ruleset.derived("extract_word_sets", lambda: _WordSets.of(ruleset))
        self.breaks = words.breaks
        self.not_past = words.not_past
        self.present_markers = words.present_markers
        self.present_copulas = words.present_copulas
        self.plan_participles = words.plan_participles
        self.series_next_words = words.series_next_words
        self.calendar_words = words.calendar_words
        self.cardinals = lex.get("cardinals", {})
        self.ordinals = lex.get("ordinals", {})
        self.honorifics = words.honorifics
        self.honorific_stems = words.honorific_stems
        self.event_words = words.event_words
        self.adjective_event_words = words.adjective_event_words
        self.event_kinds = words.event_kinds
        self.place_nouns = words.place_nouns
        self.region_nouns = words.region_nouns
        self.place_adjectives = words.place_adjectives
        self.superlatives = words.superlatives
        self.district_nouns = words.district_nouns
        self.facilities = words.facilities
        self.venue_words = words.venue_words
        self.figure_verbs = words.figure_verbs
        self.event_stages = words.event_stages
        self.attributive_nouns = words.attributive_nouns
        self.tokens = _Tokens.of(doc)
        self.cues_by_sent: dict[int, list[Span]] = {}
        # a SpanGroup makes new Span objects at every pass: read each group once
        self.cue_spans: list[Span] = cue_spans(doc)
        self.timex_spans: list[Span] = list(doc.spans[TIMEX_KEY])
        self.timex_tokens = {i for span in self.timex_spans for i in range(span.start, span.end)}
        self.timex_by_sent: dict[int, list[Span]] = {}
        """Each sentence's temporal expressions (by its first token), in text order: a
        sentence's dates are looked up, not sought among the whole article's."""
        for span in self.timex_spans:
            self.timex_by_sent.setdefault(self.tokens.sent_start[span.start], []).append(span)
        for cue in self.cue_spans:
            self.cues_by_sent.setdefault(self.tokens.sent_start[cue.start], []).append(cue)
        self.has_tags = doc.has_annotation("TAG")
        self._lexicons = lex
        self._parts_known: dict[tuple[str, ...], TimexParts] = ruleset.derived("timex_parts", dict)
        self._past_words: dict[int, bool] = {}
        self._past_by_sent: dict[int, list[int]] = {}
        self._marked_by_sent: dict[int, frozenset[int]] = {}
        self._cues: dict[tuple[int, str], list[Span]] = {}
        self._proper_nouns: dict[int, set[str]] = {}
        self._story_names: frozenset[str] | None = None
        self._numbers: dict[int, list[NumberPhrase]] = {}
        self._number_starts: list[int] | None = None
        self._number_candidates: dict[int, list[int]] | None = None
        self._unit_sentences: set[int] | None = None
        self._break_list: list[int] | None = None

    def timex_parts(self, words: tuple[str, ...]) -> TimexParts:
        """``parts_of(words, lexicons)`` of the rule set, kept per rule set with the parts
        ``normalize`` keeps (the same key): the same expressions ("on Monday", "last year")
        are read again by several extractors and in article after article."""
        known = self._parts_known
        parts = known.get(words)
        if parts is None:
            if len(known) >= PARTS_KEPT:
                known.clear()  # a long run meets ever more expressions: keep memory flat
            parts = known[words] = parts_of(words, self._lexicons)
        return parts

    def is_break(self, token: Token) -> bool:
        if token.text == "-":
            return (
                bool(token.whitespace_) and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)
            )
        return token.lower_ in self.breaks

    def breaks_at(self, i: int) -> bool:
        """``is_break`` for token ``i``, read from the token table."""
        t = self.tokens
        if t.text[i] == "-":
            return t.spaced[i] and i > 0 and t.spaced[i - 1]
        return t.lower[i] in self.breaks

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """Token bounds of the clause around tokens [start, end): from the token after the
        last break before ``start`` to the first break from ``end`` on, within the sentence
        (read from ``_breaks``, not walked: a 200-token piece of a text with no full stop
        would be walked for every date and word asked about in it)."""
        first, last = self.tokens.sent_start[start], self.tokens.sent_end[start]
        breaks = self._breaks()
        before = bisect.bisect_left(breaks, start)  # the breaks before token ``start``
        left = max(first, breaks[before - 1] + 1) if before else first
        if end >= last:
            return left, end
        following = bisect.bisect_left(breaks, end)  # the first break from ``end`` on
        return left, min(last, breaks[following]) if following < len(breaks) else last

    def _breaks(self) -> list[int]:
        """The tokens that are breaks (``breaks_at``), ascending: found once per document,
        the words looked up at C speed (no Python step per token) and a hyphen's spaces
        read for each hyphen."""
        if self._break_list is None:
            t = self.tokens
            text, spaced = t.text, t.spaced
            found = _where(map(self.breaks.__contains__, t.lower))
            if "-" in text:  # a hyphen is a break only with a space on either side
                found = [i for i in found if text[i] != "-"]
                found += [
                    i
                    for i in _where(map("-".__eq__, text))
                    if spaced[i] and i > 0 and spaced[i - 1]
                ]
                found.sort()
            self._break_list = found
        return self._break_list

    def joined_clause(self, start: int, end: int) -> tuple[int, int]:
        """``clause`` widened leftwards over the clauses it is joined to by a coordinating
        or relative word: "ordered the owners to submit a plan and a schedule by Friday",
        "the campaign, which runs until May 2" (the words that say what the clause is about)."""
        left, right = self.clause(start, end)
        first = self.tokens.sent_start[start]
        lower = self.tokens.lower
        while left > first and lower[left - 1] in _JOINING_WORDS:
            before = left - 1
            if before > first and lower[before - 1] == ",":
                before -= 1
            if before <= first:
                break
            left = self.clause(before - 1, before)[0]
        return left, right

    def cues(self, sent: Span, prefix: str) -> list[Span]:
        """The cues of sentence ``sent`` whose label starts with ``prefix``."""
        return self.cues_at(sent.start, prefix)

    def cues_at(self, sent_start: int, prefix: str) -> list[Span]:
        """``cues`` of the sentence starting at token ``sent_start``."""
        key = (sent_start, prefix)  # asked again for every fact of the sentence
        if key not in self._cues:
            self._cues[key] = [
                c for c in self.cues_by_sent.get(sent_start, []) if c.label_.startswith(prefix)
            ]
        return self._cues[key]

    def attributive_at(self, start: int, end: int) -> bool:
        """True when the one word [start, end) is a past participle standing before its
        noun ("the hijacked tanker", "a ruptured pipeline", "the abandoned game", "behind
        closed doors"): it names a state of a thing, not a happening the sentence dates."""
        t = self.tokens
        if end - start != 1 or start == t.sent_start[start] or end >= t.sent_end[start]:
            return False
        word, before, after = t.lower[start], t.lower[start - 1], t.lower[end]
        return (
            word.endswith("ed")
            and (before in _DETERMINERS or before in _BEFORE_ATTRIBUTES)
            and before != "that"  # "the plane that crashed": a relative clause's verb
            and t.alpha[end]
            and after not in STOP_WORDS
            and after not in _NOT_NOUNS
            and after not in self.calendar_words
        )

    def hyphen_joined_at(self, end: int) -> bool:
        """True when the word before token ``end`` is joined by a hyphen to the next, with
        no space ("payments start-up Kikupay"): a compound's word, no verb."""
        t = self.tokens
        return (
            end + 1 < t.sent_end[end - 1]
            and t.lower[end] == "-"
            and not t.spaced[end - 1]
            and not t.spaced[end]
        )

    def past_word(self, token: Token) -> bool:
        return self.past_at(token.i)

    def past_at(self, i: int) -> bool:
        """True when token ``i`` is a verb in the past ("resumed"), not an adjective or passive."""
        known = self._past_words.get(i)  # each clause's tense scans its sentence again
        if known is None:
            known = self._past_words[i] = self._is_past_word(i)
        return known

    def _is_past_word(self, i: int) -> bool:
        if self.has_tags:
            return self.doc[i].tag_ in ("VBD", "VBN")
        t = self.tokens
        text = t.lower[i]
        if not (t.alpha[i] and len(text) >= 5 and text.endswith("ed")):
            return False
        sent_start = t.sent_start[i]
        previous = t.lower[i - 1] if i > sent_start else ""
        return (
            text not in self.not_past
            and not (t.title[i] and i != sent_start)
            and (previous not in _DETERMINERS or self._relative_verb_at(i))
            and not self._compound_end_at(i)  # "its so-called golden share": an adjective
            and not self._after_auxiliary_at(i)  # "will be resolved": passive, not past
        )

    def _relative_verb_at(self, i: int) -> bool:
        """True when token ``i`` follows "that" as a relative clause's verb ("the clashes that
        erupted at the port", "a blast that killed 12"): the word after it is a preposition,
        a determiner, a number or a mark, never the noun an adjective would describe ("the
        updated forecasts", "that detailed report"); or "that" follows an event word ("a
        court ruling that halted construction")."""
        t = self.tokens
        if t.lower[i - 1] != "that" or i + 1 >= t.sent_end[i]:
            return False
        if i - 2 >= t.sent_start[i] and t.lower[i - 2] in self.event_words:
            return True  # "a court ruling that halted construction": the ruling's verb
        following = t.lower[i + 1]
        return following in _RELATIVE_VERB_FOLLOWERS or not following.isalpha()

    def _compound_end_at(self, i: int) -> bool:
        """True when token ``i`` ends a hyphenated compound written without spaces
        ("so-called", "state-owned", "long-awaited"): a modifier, never a verb of its own."""
        t = self.tokens
        return (
            i - 2 >= t.sent_start[i]
            and t.lower[i - 1] == "-"
            and not t.spaced[i - 1]
            and not t.spaced[i - 2]
        )

    def tense(self, start: int, end: int) -> Tense:
        """Tense of the clause around tokens [start, end).

        The nearest marker inside the clause wins (a declared marker such as
        "will" or "was", or a verb ending in -ed). Outside the clause, declared
        markers of the sentence count before -ed words, which are often adjectives.
        """
        t = self.tokens
        sent_start, sent_end = t.sent_start[start], t.sent_end[start]
        future_spans = self.cues_at(sent_start, "tense:future")
        reporting = {c.start for c in self.cues_at(sent_start, "reporting")}
        fallback: Tense | None = None
        for scope, (left, right) in enumerate(
            (self.clause(start, end), (sent_start, self._report_start(end, sent_end, reporting)))
        ):
            best: tuple[int, int, Tense] | None = None
            for cue in self.cues_at(sent_start, "tense:"):
                if (
                    cue.start in reporting
                ):  # "she said": the report's tense, used only if nothing else
                    if cue.start >= left and cue.end <= right:
                        fallback = fallback or cue.label_.split(":")[1]  # type: ignore[assignment]
                    continue
                if cue.label_ == "tense:past" and self._after_auxiliary_at(cue.start):
                    continue  # "will be held": passive, not past
                if cue.start in self.timex_tokens and not start <= cue.start < end:
                    continue  # the "next" of another date ("is next Thursday") dates that one
                if scope and self._quoted_at(cue.start, sent_start):
                    continue  # 'directed them to review it, stating that "we should look"
                if (
                    cue.start >= left
                    and cue.end <= right
                    and not (cue.start >= start and cue.end <= end)
                ):
                    position = cue.start if cue.start >= end else cue.end - 1
                    told = cue.label_.split(":")[1]
                    if told == "future" and self._plan_told_in_past(cue.start, sent_start):
                        told = "past"  # "was due to dock on Monday": a plan told in the past
                    key = (0, self._distance(position, start, end), told)
                    if best is None or key[:2] < best[:2]:
                        best = key  # type: ignore[assignment]
            if scope == 0 and (reach := self._scheduled_present(left, start)) is not None:
                # "the talks end on Friday", "the vote is on Thursday": the simple present
                # of a scheduled happening looks ahead
                if best is None or reach < best[1]:
                    best = (0, reach, "future")
            markers = range(left, right) if self.has_tags else self._past_in(sent_start)
            for i in markers:
                if start <= i < end or not left <= i < right:
                    continue
                if (
                    self.has_tags
                    and t.lower[i] in ("will", "'ll", "shall")
                    and self.doc[i].tag_ == "MD"
                ):
                    tense: Tense = "future"
                elif self.past_at(i) and not any(c.start <= i < c.end for c in future_spans):
                    tense = "past"
                else:
                    continue
                key = (1 if scope else 0, self._distance(i, start, end), tense)
                if best is None or key[:2] < best[:2]:
                    best = key  # type: ignore[assignment]
            if best is not None:
                return best[2]
        return fallback or "none"

    def _quoted_at(self, i: int, sent_start: int) -> bool:
        """True when token ``i`` stands inside a quotation opened in its sentence."""
        lower = self.tokens.lower
        marks = lower[sent_start:i]
        straight = marks.count('"')
        return straight % 2 == 1 or marks.count("\u201c") > marks.count("\u201d")

    def _plan_told_in_past(self, i: int, sent_start: int) -> bool:
        """True when the future marker at token ``i`` follows a plan told in the past: "was
        due to dock", "had been scheduled to take place", "were expected to" (a
        ``plan_participles`` word between), "was to": the day planned is in the past, and
        the plan may not have happened."""
        lower = self.tokens.lower
        k = i - 1
        if k > sent_start and lower[k] in self.plan_participles:
            k -= 1
        return k >= sent_start and lower[k] in ("was", "were", "been")

    def past_plan_at(self, i: int) -> bool:
        """True when token ``i`` opens a plan told in the past: "was due to", "had been
        scheduled to", "were expected to" (a ``plan_participles`` word or "due", then "to"),
        "were to"."""
        lower = self.tokens.lower
        if i + 1 < len(lower) and lower[i] in ("was", "were") and lower[i + 1] == "to":
            return True  # "the ministers were to meet on Friday"
        return (
            i + 2 < len(lower)
            and lower[i] in ("was", "were", "been")
            and (lower[i + 1] in self.plan_participles or lower[i + 1] == "due")
            and lower[i + 2] == "to"
        )

    def _report_start(self, end: int, sent_end: int, reporting: set[int]) -> int:
        """Where the words a reporting verb after token ``end`` reports begin: right after
        it, when a word follows it ("delegates, gathered in Tallinn, said the quota
        would stay": "would" tells the quota, not the gathering); ``sent_end`` when there
        is none, or the verb and its own words stand between commas ("the summit,
        officials said, will open"; "the strike on Monday, a leader said at a rally, would
        be the first": what follows the second comma is the sentence's own)."""
        t = self.tokens
        for i in sorted(reporting):
            if end <= i and i + 1 < sent_end and t.alpha[i + 1]:
                if "," in t.text[end:i] and "," in t.text[i + 1 : sent_end]:
                    continue  # a report set off by commas inside the sentence
                return i + 1
        return sent_end

    def _scheduled_present(self, left: int, start: int) -> int | None:
        """The distance from a date at token ``start`` back to a present-tense verb of a
        scheduled happening that governs it in its clause (from token ``left``): a
        ``present_markers`` phrase ending at most ``PRESENT_REACH`` words before the date
        ("the talks end on Friday", "the museum reopens to the public on Thursday"), or a
        ``present_copulas`` word right before it ("the vote is on Thursday"). Not after a
        modal, "to", "not" or a determiner ("did not end", "at the close"), nor with a verb,
        a tense or reporting word or another date between. None when there is none."""
        t = self.tokens
        lower = t.lower
        sent_start = t.sent_start[start]
        if start - 1 >= left and lower[start - 1] in self.present_copulas:
            return 1 if not self._present_blocked(start - 1, sent_start) else None
        marked = self._verb_cue_tokens(sent_start)
        for last in range(start - 1, max(left, start - 1 - PRESENT_REACH) - 1, -1):
            for phrase in self.present_markers.get(lower[last], ()):
                first = last - len(phrase) + 1
                if first >= left and tuple(lower[first : last + 1]) == phrase:
                    return None if self._present_blocked(first, sent_start) else start - last
            if (
                last in marked
                or last in self.timex_tokens
                or self.past_at(last)
                or lower[last].endswith("ed")
                or lower[last] in self.present_copulas
            ):
                return None  # another verb or date stands between
        return None

    def _verb_cue_tokens(self, sent_start: int) -> frozenset[int]:
        """The tokens of the tense and reporting cues of the sentence at ``sent_start``
        (found once per sentence: every date of it asks)."""
        found = self._marked_by_sent.get(sent_start)
        if found is None:
            found = self._marked_by_sent[sent_start] = frozenset(
                i
                for c in self.cues_at(sent_start, "")
                if c.label_.startswith(("tense:", "reporting"))
                for i in range(c.start, c.end)
            )
        return found

    def _present_blocked(self, i: int, sent_start: int) -> bool:
        """True when the word before token ``i`` makes it no present-tense verb: a modal or
        auxiliary ("did not end", "to open"), a negation or a determiner ("the close")."""
        lower = self.tokens.lower
        before = lower[i - 1] if i > sent_start else ""
        if before == "that" and i - 1 > sent_start and lower[i - 2].isalpha():
            return False  # "a stoppage that starts on Wednesday": a relative clause's verb
        return before in _NOT_PRESENT or before in _DETERMINERS or before in _POSSESSIVE

    def _past_in(self, sent_start: int) -> list[int]:
        """The tokens of the sentence starting at ``sent_start`` that ``past_at`` takes for
        past verbs, in order (each fact's ``tense`` walks its sentence: found once)."""
        found = self._past_by_sent.get(sent_start)
        if found is None:
            words: Iterable[int] = range(sent_start, self.tokens.sent_end[sent_start])
            if not self.has_tags:
                lower = self.tokens.lower  # untagged, a past verb ends in -ed: test that first
                words = [i for i in words if lower[i].endswith("ed")]
            found = self._past_by_sent[sent_start] = [i for i in words if self.past_at(i)]
        return found

    def _after_auxiliary_at(self, i: int) -> bool:
        """An auxiliary ("will", "is", "be") among the three words before token ``i``; the
        month in a date is none ("a jury on May 22 convicted")."""
        lower = self.tokens.lower
        return any(
            lower[j] in _AUXILIARIES and j not in self.timex_tokens
            for j in range(max(self.tokens.sent_start[i], i - 3), i)
        )

    @staticmethod
    def _distance(position: int, start: int, end: int) -> int:
        return start - position if position < start else position - end + 1

    def content_words(self, left: int, right: int, skip: tuple[int, int] = (0, 0)) -> set[str]:
        words = set()
        t = self.tokens
        for i in range(left, right):
            if skip[0] <= i < skip[1]:
                continue
            lower = t.lower[i]
            if (
                not t.alpha[i]
                or lower in STOP_WORDS
                or lower in self.calendar_words
                or (lower in self.honorifics and i + 1 < len(t.text) and t.title[i + 1])
                or len(lower) < 2
            ):
                continue  # a title before a name ("President Ruiz") is not the subject
            words.add(stem(lower))
        return words

    def numbers_at(self, sent_start: int, lexicon: QuantityLexicon) -> list[NumberPhrase]:
        """``find_numbers`` of the sentence starting at token ``sent_start`` (the quantity,
        paired-count and single-count readers all walk the sentences with numbers: found
        once). ``lexicon`` is the rule set's, the same for every call on a document. Only
        the words a number may start at are tried (``_numbers_by_sent``); a sentence with
        none has no number."""
        found = self._numbers.get(sent_start)
        if found is None:
            starts = self._numbers_by_sent(lexicon).get(sent_start)
            if starts is None:
                found = []
            else:
                t = self.tokens
                end = t.sent_end[sent_start]
                glued = [not spaced for spaced in t.spaced[sent_start:end]]
                found = find_numbers(
                    cased_words(t.text[sent_start:end], t.lower[sent_start:end], lexicon),
                    lexicon,
                    glued=glued,
                    starts=[i - sent_start for i in starts],
                )
            self._numbers[sent_start] = found
        return found

    def _numbers_by_sent(self, lexicon: QuantityLexicon) -> dict[int, list[int]]:
        """The tokens a number phrase may start at (``may_start_number``), by the start of
        their sentence: found once per document, looked up once per distinct word."""
        if self._number_candidates is None:
            lower = self.tokens.lower
            # ``may_start_number`` of every distinct word, each answered once per run
            may_start = _word_test(lexicon, "may_start_number", may_start_number).select(lower)
            sent_start = self.tokens.sent_start
            by_sent: dict[int, list[int]] = {}
            for i in _where(map(may_start.__contains__, lower)):
                by_sent.setdefault(sent_start[i], []).append(i)
            self._number_candidates = by_sent
        return self._number_candidates

    def unit_sentences(self, lexicon: QuantityLexicon, unit_words: frozenset[str]) -> set[int]:
        """The first tokens of the sentences whose numbers may carry a unit or a currency
        (the trigger pass of ``_figures``): a sentence with a number and a word of a unit's
        or a currency sign's name ("percent", "km", "usd", "$"), or a word joining digits
        to other characters or holding a currency symbol ("45km", "\u20b5400", "1:30:00",
        "nt\u20b5"): ``find_numbers`` gives a unit to no number of any other sentence.
        ``unit_words``: ``_unit_words`` of ``lexicon``. Every sentence with a number when
        ``prefilter`` is off."""
        numbered = self._numbers_by_sent(lexicon)
        if not self.prefilter:
            return set(numbered)
        if self._unit_sentences is None:
            lower = self.tokens.lower
            carry = _word_test(lexicon, "may_carry_unit", lambda w, _lexicon: _may_carry_unit(w))
            triggers = unit_words.intersection(lower) | carry.select(lower)
            end = self.tokens.sent_end
            self._unit_sentences = {
                first for first in numbered if not triggers.isdisjoint(lower[first : end[first]])
            }
        return self._unit_sentences

    def number_starts(self, lexicon: QuantityLexicon) -> list[int]:
        """The tokens a number may start at: a digit or a number word of ``lexicon`` (the
        rule set's, the same for every call on a document). Looked up once per distinct
        word; the paired and single counts both start from them."""
        if self._number_starts is None:
            lower = self.tokens.lower
            # a digit has no case: the lower-case form starts with a digit where the text does
            may_start = _word_test(lexicon, "number_start", _number_start).select(lower)
            self._number_starts = _where(map(may_start.__contains__, lower))
        return self._number_starts

    def proper_nouns(self, sent: Span) -> set[str]:
        """Names and acronyms of the sentence ("Colombia", "FUP"), lower-cased and stemmed."""
        return self.proper_nouns_at(sent.start)

    def proper_nouns_at(self, sent_start: int) -> set[str]:
        """``proper_nouns`` of the sentence starting at token ``sent_start``."""
        if sent_start not in self._proper_nouns:  # asked again for every fact of the sentence
            self._proper_nouns[sent_start] = self._find_proper_nouns(sent_start)
        return set(self._proper_nouns[sent_start])

    def opening(self, sent: Span, dateline: Dateline | None) -> int:
        """The first token of ``sent`` after the dateline, when the sentence holds it
        ("OSLO, May 3 (Wire) - All 11 crew ...": "All" opens the sentence proper); else the
        sentence's first token."""
        first = sent.start
        if dateline is not None and sent.start_char <= dateline.start < sent.end_char:
            while first < sent.end and self.doc[first].idx < dateline.end:
                first += 1
        return first

    def quantity_names(self, sent: Span, dateline: Dateline | None) -> set[str]:
        """The names a quantity's sentence gives its subject: ``proper_nouns`` after the
        dateline (the city and outlet say where the copy was filed, not what the figure is
        of), and the name of a name joined to a figure ("Orion-3"); without accents, as
        many wires write them ("Sao Paulo" for "São Paulo")."""
        t = self.tokens
        first = self.opening(sent, dateline)
        if first > sent.start:
            if first >= sent.end:
                return set()
            found = self._find_proper_nouns(first)
        else:
            found = self.proper_nouns(sent)
        for i in range(first + 1, sent.end):
            if not t.alpha[i] and (match := _NAME_AND_FIGURE.match(t.text[i])):
                found.add(stem(match[1].lower()))
        return {fold_accents(name) for name in found}

    def story_names(self) -> frozenset[str]:
        """The names the text repeats in at least half of its sentences (of three or more):
        the story's one company or country, which tells nothing of which of its facts a
        clause states ("Acme must have the plant running by March", "Acme must restore a
        wetland by 2031")."""
        if self._story_names is None:
            t = self.tokens
            counts: dict[str, int] = {}
            sentences = 0
            for first in sorted(set(t.sent_start)):
                if not any(t.alpha[i] for i in range(first, t.sent_end[first])):
                    continue  # a blank line
                sentences += 1
                names = self.proper_nouns_at(first)
                if t.alpha[first] and t.title[first] and t.lower[first] not in STOP_WORDS:
                    names.add(stem(t.lower[first]))  # "Acme said on Monday..."
                for name in names:
                    counts[name] = counts.get(name, 0) + 1
            self._story_names = frozenset(
                name for name, n in counts.items() if sentences >= 3 and 2 * n >= sentences
            )
        return self._story_names

    def _find_proper_nouns(self, sent_start: int) -> set[str]:
        t = self.tokens
        return {
            stem(t.lower[i])
            for i in range(sent_start + 1, t.sent_end[sent_start])
            if (t.title[i] or (t.upper[i] and len(t.text[i]) >= 2))
            and t.alpha[i]
            and t.lower[i] not in STOP_WORDS
            and t.lower[i] not in self.calendar_words
            and t.lower[i] not in self.honorifics
        }


def _unit_words(lexicon: QuantityLexicon) -> frozenset[str]:
    """Every word of the names of ``lexicon``'s units and currency signs ("per", "cent",
    "km", "us", "$"): a number takes a unit or a sign only from these words (or from a word
    ``_may_carry_unit``)."""
    return frozenset(
        word for name in (*lexicon.units, *lexicon.currency_signs) for word in name.split(" ")
    )


def _may_carry_unit(word: str) -> bool:
    """True when ``word`` joins a digit to other characters ("45km", "\u20b5400", "1:30:00",
    "1,200") or holds a currency symbol (Unicode's Sc: "nt\u20b5"): a unit or a sign
    written on the number itself, as ``find_numbers`` reads them."""
    if word.isalpha() or word.isdigit():
        return False
    return any(c.isdigit() for c in word) or any(unicodedata.category(c) == "Sc" for c in word)


def _number_start(word: str, lexicon: QuantityLexicon) -> bool:
    """True when ``word`` (lower case) starts with a digit or is a number word or a vague
    number of ``lexicon`` (``number_starts``)."""
    return word[:1].isdigit() or word in lexicon.number_words or word in lexicon.vague


WORDS_KEPT = 200_000
"""Words whose answers a ``_WordTest`` keeps (then it starts again)."""


class _WordTest:
    """A test of a lower-case word under a lexicon, answered once per distinct word for the
    whole run: a run meets the same few thousand words in every document, and the trigger
    passes ask about every distinct word of each."""

    def __init__(self, lexicon: QuantityLexicon, test: Callable[[str, QuantityLexicon], bool]):
        self.lexicon = lexicon
        self.test = test
        self.known: dict[str, bool] = {}

    def select(self, words: Iterable[str]) -> set[str]:
        """The distinct ``words`` that pass the test."""
        known = self.known
        if len(known) >= WORDS_KEPT:
            known.clear()  # a long run meets ever more words: keep memory flat
        distinct = list(set(words))
        for word in set(distinct).difference(known):
            known[word] = self.test(word, self.lexicon)
        return set(itertools.compress(distinct, map(known.__getitem__, distinct)))


_WORD_TESTS: dict[tuple[int, str], _WordTest] = {}


def _word_test(
    lexicon: QuantityLexicon, name: str, test: Callable[[str, QuantityLexicon], bool]
) -> _WordTest:
    """The ``_WordTest`` named ``name`` of ``lexicon`` (one per lexicon and name)."""
    found = _WORD_TESTS.get((id(lexicon), name))
    if found is None or found.lexicon is not lexicon:
        if len(_WORD_TESTS) >= 64:
            _WORD_TESTS.clear()  # lexicons of rule sets no longer in use
        found = _WORD_TESTS[(id(lexicon), name)] = _WordTest(lexicon, test)
    return found


def _where(flags: Iterable[bool]) -> list[int]:
    """The indexes of the true values of ``flags``, in one pass at C speed (a document's
    tokens: no Python step per token)."""
    return list(itertools.compress(itertools.count(), flags))


_NAME_AND_FIGURE = re.compile(r"([A-Z][a-z]{2,})-\d+[A-Za-z]?$")
"""A name joined to a figure ("Orion-3", "Falcon-9"): the name is one of the sentence's."""


def quantity_lexicon(ruleset: RuleSet) -> QuantityLexicon:
    """The rules' ``quantities`` word lists, built once per rule set."""
    return ruleset.derived(
        "quantity_lexicon", lambda: QuantityLexicon.from_lexicons(ruleset.lexicons)
    )


def _quiet_words(ruleset: RuleSet, lexicon: QuantityLexicon) -> frozenset[str]:
    """Words that say nothing about which figure it is: cue words, units, reporting verbs."""
    measure_words = {
        w
        for r in ruleset.of_kind("quantity")
        for words in r.options["measures"].values()
        for phrase in words
        for w in phrase.split()
        if w not in SLOTS
    }
    quiet = {stem(w) for w in measure_words}
    names = ruleset.lexicons.get("currency_names") or {}
    quiet |= {stem(w) for phrase in lexicon.units if phrase not in names for w in phrase.split()}
    quiet |= {stem(phrase.split()[-1]) for phrase in names}
    quiet |= {stem(w) for w in lexicon.counted_people | set(lexicon.number_words)}
    quiet |= {stem(w) for w in ruleset.lexicons.get("reporting_verbs", [])}
    quiet |= {stem(w) for w in lexicon.hedges} | {"said", "say", "says"}
    # an event's own noun tells which event a figure is of, though a measure word may
    # share its stem ("the area flooded": "killed in the floods" is said of the floods)
    quiet -= {
        stem(w) for w in ruleset.event_classes if measure_words.isdisjoint((w, w + "s", w + "es"))
    }
    return frozenset(quiet)
