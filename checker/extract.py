"""Read facts off an annotated Doc: dated events, deadlines, counts, words to spell-check.

Everything a later stage needs is copied out of the Doc here (offsets, line and
column, the sentence, the exact words), so nothing downstream re-reads the text.
Values are not normalized yet: that needs the publication date (``normalize``).
"""

from __future__ import annotations

import itertools
import math
import operator
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import overload

import numpy
import regex
from spacy.attrs import (
    IDX,
    ORTH,
    SENT_START,
    SPACY,
)
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from checker.folding import fold_accents
from checker.model import Dateline, Source, Tense
from checker.nlp import NON_DATE_ROLES, TIMEX_KEY, cue_spans
from checker.quantities import (
    NumberPhrase,
    QuantityLexicon,
    find_numbers,
    may_start_number,
    number_starters,
    to_amount,
)
from checker.rules import Rule, RuleSet
from checker.temporal import TimexParts, parts_of

_ORDINAL_DIGITS = re.compile(r"^(\d{1,2})(st|nd|rd|th)$")
_DEFINITE = {"the", "this", "that", "its", "their", "his", "her", "our", "these", "those"}
_INDEFINITE = {"a", "an", "another"}
_DETERMINERS = frozenset(_DEFINITE | _INDEFINITE)
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
_COUNT_STOPS = {"and", "or", "of", "than", "to", "in", "on", "at", "for", "with", "by"}
_POSITIONS = {
    "next": "next",
    "upcoming": "next",
    "following": "next",
    "previous": "previous",
    "prior": "previous",
    "preceding": "previous",
}
_JOINERS = {"-", "'", "\u2019", "_", "/", "@", ".", "#"}
_AUXILIARIES = {
    *("be", "being", "is", "are", "am", "will", "would", "to"),
    *("must", "should", "shall", "can", "could", "may", "might"),  # "must set": no past
}
_LEADS = {"on", "in", "by", "until", "since", "at", "from"}
_POSSESSIVE = frozenset({"'s", "\u2019s"})
_MAIN_REACH = 40
"""Tokens on either side of a main-event date its clause may reach (``_main_clause``)."""
_YEAR_LEADS = {"in", "since", "during", "until"}
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they"})
"""A sentence opening with one of these is about someone the sentence before names."""
_PREVIOUS = {"previous", "prior", "past", "last", "earlier", "preceding"}


@dataclass(slots=True, unsafe_hash=True)
class Mention:
    """Where some words stand: offsets, file position, the exact words and their sentence.

    Treated as immutable, but not a frozen dataclass: a frozen one sets each field through
    ``object.__setattr__`` and takes five times as long to build, and every word of every
    article gets a Mention (``unsafe_hash`` keeps it hashable, by value).
    """

    start: int
    """Character offset in the source text."""
    end: int
    """End offset (exclusive)."""
    line: int
    """1-based line in the file."""
    column: int
    """1-based column in the file."""
    text: str
    """The exact words."""
    sentence: str
    """The sentence they are in."""
    sentence_offset: int = 0
    """Offset of the words within ``sentence``."""


@dataclass(frozen=True)
class TimexMention:
    """A temporal expression found in a source, not yet anchored."""

    where: Mention
    """Its words and position."""
    words: tuple[str, ...]
    """Its tokens, for the normalizer."""
    roles: frozenset[str]
    """Roles matched (weekday, month, day, year, relative, mod...)."""
    tense: Tense
    """Tense of its clause."""
    reported: bool = False
    """True when it dates a report ("said on Sunday") rather than an event."""
    governor: str = ""
    """The word before the expression, lower case ("due" in "due Nov. 17")."""


@dataclass(frozen=True)
class FactMention:
    """A fact candidate: a dated event, a deadline or a count, with its context."""

    rule: str
    """Id of the rule that produced it."""
    family: str
    """``date`` (event dates), ``lead`` (the main event's date in a lead), ``deadline`` or
    ``count``."""
    where: Mention
    """The fact's words: the date expression, or the count phrase."""
    tense: Tense
    """Tense of the clause."""
    trigger: str
    """Event word, deadline word or counted noun (lower case)."""
    event_class: str
    """Event class or counted series."""
    context: frozenset[str]
    """Content words identifying what the fact is about."""
    chain: int = -1
    """In-article chain of mentions of one event (-1: none)."""
    ordinal: int | None = None
    """Ordinal of the event named (``the third meeting`` -> 3)."""
    timex: TimexMention | None = None
    """The date expression, for date and deadline facts."""
    number: int | None = None
    """The number stated, for count facts."""
    count_form: str | None = None
    """``cardinal``, ``ordinal`` or ``previous`` (the N previous rounds), for count facts."""
    subject: str | None = None
    """What the fact is about, in the source's words ("publish revised fishing quotas")."""
    amount: NumberPhrase | None = None
    """The number phrase, for quantity facts."""
    role: str | None = None
    """``level``, ``change`` or ``from``, for quantity facts."""
    place: str | None = None
    """The place name as written, for place facts."""
    offset_days: int | None = None
    """For a deadline a period sets ("declared a 30-day curfew on Tuesday"): the days
    from the date ``timex`` states to the period's end."""
    names: frozenset[str] = frozenset()
    """Names in the sentence (stemmed, lower case), for quantity facts: what a figure is of."""


@dataclass(slots=True, unsafe_hash=True)
class WordMention:
    """An alphabetic word, for spelling checks (immutable by convention, like ``Mention``)."""

    where: Mention
    """Its position."""
    sentence_initial: bool
    """First word of its sentence (capitalised by position, not because it is a name)."""
    in_name: bool = False
    """Part of a run of capitalised words (a name)."""
    in_compound: bool = False
    """Joined to a neighbour by a hyphen or an apostrophe ("Bab-el-Mandab", "couldn ’ t")."""


class Words(Sequence[WordMention]):
    """A source's alphabetic words of three letters or more, kept column-wise: their texts,
    start offsets and flags in lists, and a ``WordMention`` made only for a word asked for
    (``words[k]``, each once). The spelling checks read the columns and ask for the few
    words they may report: building a Mention for every word of every article took a
    tenth of a run.

    Args:
        texts (list[str]): each word as written.
        starts (list[int]): each word's character offset in the source text.
        sentence_initial (list[bool]): each word's ``WordMention.sentence_initial``.
        in_name (list[bool]): each word's ``WordMention.in_name``.
        in_compound (list[bool]): each word's ``WordMention.in_compound``.
        sentences (list[int]): each word's sentence, a key of ``bounds``.
        bounds (dict[int, tuple[int, int]]): each sentence's first and end character.
        source (Source | None): the source the offsets are in (None when every word's
            mention is given, ``from_mentions``).
    """

    __slots__ = (
        "texts",
        "starts",
        "sentence_initial",
        "in_name",
        "in_compound",
        "_sentences",
        "_bounds",
        "_source",
        "_made",
        "_sentence_texts",
    )

    def __init__(
        self,
        texts: list[str],
        starts: list[int],
        sentence_initial: list[bool],
        in_name: list[bool],
        in_compound: list[bool],
        sentences: list[int],
        bounds: dict[int, tuple[int, int]],
        source: Source | None,
    ) -> None:
        self.texts = texts
        self.starts = starts
        self.sentence_initial = sentence_initial
        self.in_name = in_name
        self.in_compound = in_compound
        self._sentences = sentences
        self._bounds = bounds
        self._source = source
        self._made: list[WordMention | None] = [None] * len(texts)
        self._sentence_texts: dict[int, tuple[str, int]] = {}

    @classmethod
    def from_mentions(cls, mentions: Iterable[WordMention]) -> Words:
        """Words whose mentions are already made (a list of ``WordMention``)."""
        made = list(mentions)
        words = cls(
            [w.where.text for w in made],
            [w.where.start for w in made],
            [w.sentence_initial for w in made],
            [w.in_name for w in made],
            [w.in_compound for w in made],
            [0] * len(made),
            {},
            None,
        )
        words._made = list(made)
        return words

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, k: int) -> WordMention: ...

    @overload
    def __getitem__(self, k: slice) -> list[WordMention]: ...

    def __getitem__(self, k: int | slice) -> WordMention | list[WordMention]:
        if isinstance(k, slice):
            return [self[j] for j in range(*k.indices(len(self)))]
        made = self._made[k]
        if made is None:
            made = self._made[k] = self._mention(k % len(self))
        return made

    def __iter__(self) -> Iterator[WordMention]:
        return (self[k] for k in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Words | list):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Words({self.texts!r})"

    def __getstate__(self) -> dict:
        return {name: getattr(self, name) for name in self.__slots__}

    def __setstate__(self, state: dict) -> None:
        for name, value in state.items():
            setattr(self, name, value)

    def sentence_texts(self) -> list[str]:
        """The text of each sentence the words stand in (``WordMention.where.sentence``),
        once per sentence, in order: read from the columns, no mention made."""
        if self._source is None:  # made from mentions
            return list(dict.fromkeys(w.where.sentence for w in self._made if w is not None))
        return [self._sentence(key)[0] for key in dict.fromkeys(self._sentences)]

    def _mention(self, k: int) -> WordMention:
        """The ``WordMention`` of word ``k``, made from the columns and the source text."""
        assert self._source is not None, "words made from mentions have them all"
        sentence, base = self._sentence(self._sentences[k])
        start, text = self.starts[k], self.texts[k]
        line, column = self._source.position(start)
        where = Mention(start, start + len(text), line, column, text, sentence, start - base)
        return WordMention(where, self.sentence_initial[k], self.in_name[k], self.in_compound[k])

    def _sentence(self, key: int) -> tuple[str, int]:
        """The text of sentence ``key``, stripped, and the offset of its first character."""
        found = self._sentence_texts.get(key)
        if found is None:
            assert self._source is not None
            start_char, end_char = self._bounds[key]
            raw = self._source.text[start_char:end_char]
            lead = len(raw) - len(raw.lstrip())
            found = self._sentence_texts[key] = (raw.strip(), start_char + lead)
        return found


def as_words(words: Sequence[WordMention]) -> Words:
    """``words`` as a ``Words`` (a list of ``WordMention`` is read into one)."""
    return words if isinstance(words, Words) else Words.from_mentions(words)


@dataclass(slots=True, unsafe_hash=True)
class NameMention:
    """A run of capitalised words that may name a person ("Mr Osei", "Amara Osei").

    Immutable by convention, like ``Mention`` (a frozen dataclass is slower to build, and
    every run of capitalised words gets one)."""

    where: Mention
    """The name's words (the honorific left out)."""
    tokens: tuple[str, ...]
    """The name's words, hyphenated parts split ("Ji-hoon" -> "Ji", "hoon")."""
    honorific: str | None = None
    """The title or honorific before it ("Mr", "Dr.", "President"), lower case."""
    speaker: bool = False
    """Next to a reporting verb ("Osei said", "said Dr. Haddad")."""


@dataclass
class Extraction:
    """Everything extracted from one source."""

    source: Source
    """The source."""
    timexes: list[TimexMention] = field(default_factory=list)
    """Every temporal expression."""
    facts: list[FactMention] = field(default_factory=list)
    """Fact candidates."""
    words: Words = field(default_factory=lambda: Words.from_mentions([]))
    """Alphabetic words."""
    chain_context: dict[int, frozenset[str]] = field(default_factory=dict)
    """Context words of each in-article event chain."""
    chain_ordinal: dict[int, int] = field(default_factory=dict)
    """Ordinal stated for a chain's event, if any."""
    chain_position: dict[int, str] = field(default_factory=dict)
    """``next``/``previous`` for chains about another occurrence ("the next round")."""
    names: list[NameMention] = field(default_factory=list)
    """Runs of capitalised words that may name people."""


_JOINING_WORDS = frozenset({"and", "or", "which", "who", "that"})
"""Words that join a clause to the one before it, whose words it shares ("joined_clause")."""


STEMS_KEPT = 100_000
"""Words whose stems ``stem`` keeps: a run meets the same words in every document."""


@lru_cache(maxsize=STEMS_KEPT)
def stem(word: str) -> str:
    """A crude stem so "concluded"/"conclude" and "talks"/"talk" meet in context sets
    (kept per word: the extractors stem each word of a context set, story after story)."""
    word = word.lower().strip("'\u2019")
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + keep
    if len(word) == 4 and word.endswith("s") and word[-2] not in "suiew'":
        return word[:-1]  # "runs", "ends", "wins" (not "news", "gas", "this")
    return word


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
    calendar_words: frozenset[str]
    honorifics: frozenset[str]
    honorific_stems: frozenset[str]
    event_words: frozenset[str]
    adjective_event_words: frozenset[str]
    attributive_nouns: frozenset[str]
    event_kinds: frozenset[str]
    place_nouns: frozenset[str]
    facilities: frozenset[str]

    @classmethod
    def of(cls, ruleset: RuleSet) -> _WordSets:
        """The word sets of ``ruleset``'s lexicons and rules."""
        lex = ruleset.lexicons
        honorifics = frozenset(lex.get("honorifics", []))
        return cls(
            breaks=frozenset(lex.get("clause_breaks", [])),
            not_past=frozenset(lex.get("not_past", [])),
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
            facilities=frozenset(lex.get("place_facilities", [])),
            attributive_nouns=frozenset(
                {w for r in ruleset.of_kind("deadline") for w in r.options["triggers"]} | {"date"}
            ),
        )


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
        self.calendar_words = words.calendar_words
        self.cardinals = lex.get("cardinals", {})
        self.ordinals = lex.get("ordinals", {})
        self.honorifics = words.honorifics
        self.honorific_stems = words.honorific_stems
        self.event_words = words.event_words
        self.adjective_event_words = words.adjective_event_words
        self.event_kinds = words.event_kinds
        self.place_nouns = words.place_nouns
        self.facilities = words.facilities
        self.attributive_nouns = words.attributive_nouns
        self.tokens = _Tokens.of(doc)
        self.cues_by_sent: dict[int, list[Span]] = {}
        # a SpanGroup makes new Span objects at every pass: read each group once
        self.cue_spans: list[Span] = cue_spans(doc)
        self.timex_spans: list[Span] = list(doc.spans[TIMEX_KEY])
        self.timex_tokens = {i for span in self.timex_spans for i in range(span.start, span.end)}
        for cue in self.cue_spans:
            self.cues_by_sent.setdefault(self.tokens.sent_start[cue.start], []).append(cue)
        self.has_tags = doc.has_annotation("TAG")
        self._past_words: dict[int, bool] = {}
        self._past_by_sent: dict[int, list[int]] = {}
        self._cues: dict[tuple[int, str], list[Span]] = {}
        self._proper_nouns: dict[int, set[str]] = {}
        self._numbers: dict[int, list[NumberPhrase]] = {}
        self._number_starts: list[int] | None = None
        self._number_candidates: dict[int, list[int]] | None = None
        self._unit_sentences: set[int] | None = None

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
        """Token bounds of the clause around tokens [start, end)."""
        first, last = self.tokens.sent_start[start], self.tokens.sent_end[start]
        left = start
        while left > first and not self.breaks_at(left - 1):
            left -= 1
        right = end
        while right < last and not self.breaks_at(right):
            right += 1
        return left, right

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
            and previous not in _DETERMINERS  # "the updated forecasts": an adjective
            and not self._compound_end_at(i)  # "its so-called golden share": an adjective
            and not self._after_auxiliary_at(i)  # "will be resolved": passive, not past
        )

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
        for scope, (left, right) in enumerate((self.clause(start, end), (sent_start, sent_end))):
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
                if (
                    cue.start >= left
                    and cue.end <= right
                    and not (cue.start >= start and cue.end <= end)
                ):
                    position = cue.start if cue.start >= end else cue.end - 1
                    key = (
                        0,
                        self._distance(position, start, end),
                        cue.label_.split(":")[1],
                    )
                    if best is None or key[:2] < best[:2]:
                        best = key  # type: ignore[assignment]
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
        """An auxiliary ("will", "is", "be") among the three words before token ``i``."""
        lower = self.tokens.lower
        return any(
            lower[j] in _AUXILIARIES for j in range(max(self.tokens.sent_start[i], i - 3), i)
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
                    t.lower[sent_start:end],
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
            # ``may_start_number`` of every distinct word, as set operations
            words = set(lower)
            may_start = words & number_starters(lexicon)
            may_start.update(w for w in words if w[:1].isdigit())
            # a figure with its currency sign glued on ("gh\u00a2630"): few words are not letters
            may_start.update(
                w for w in words - may_start if not w.isalpha() and may_start_number(w, lexicon)
            )
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
            triggers = {w for w in set(lower) if w in unit_words or _may_carry_unit(w)}
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
            starters = lexicon.number_words.keys() | lexicon.vague.keys()
            lower = self.tokens.lower
            # a digit has no case: the lower-case form starts with a digit where the text does
            may_start = {w for w in set(lower) if w[:1].isdigit() or w in starters}
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

    def quantity_names(self, sent: Span, dateline: Dateline | None) -> set[str]:
        """The names a quantity's sentence gives its subject: ``proper_nouns`` after the
        dateline (the city and outlet say where the copy was filed, not what the figure is
        of), and the name of a name joined to a figure ("Orion-3"); without accents, as
        many wires write them ("Sao Paulo" for "São Paulo")."""
        t = self.tokens
        first = sent.start
        if dateline is not None and sent.start_char <= dateline.start < sent.end_char:
            while first < sent.end and self.doc[first].idx < dateline.end:
                first += 1
            if first >= sent.end:
                return set()
            found = self._find_proper_nouns(first)
        else:
            found = self.proper_nouns(sent)
        for i in range(first + 1, sent.end):
            if not t.alpha[i] and (match := _NAME_AND_FIGURE.match(t.text[i])):
                found.add(stem(match[1].lower()))
        return {fold_accents(name) for name in found}

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


def _where(flags: Iterable[bool]) -> list[int]:
    """The indexes of the true values of ``flags``, in one pass at C speed (a document's
    tokens: no Python step per token)."""
    return list(itertools.compress(itertools.count(), flags))


_NAME_AND_FIGURE = re.compile(r"([A-Z][a-z]{2,})-\d+[A-Za-z]?$")
"""A name joined to a figure ("Orion-3", "Falcon-9"): the name is one of the sentence's."""


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

    def main_words(span: Span, cue: Span) -> frozenset[str]:
        """The words of a main-event date's sentence and all before it (the headline, a
        dateline) and the metadata's headline: two sources' leads that share enough of them
        tell of one event, whatever verb each dates it with. The words after the date's
        verb are added marked with "@" (what it acts on: "condemned the bombing on
        Friday", "called on Monday for the ruling to be overturned")."""
        end = ctx.tokens.sent_end[span.start]
        # a bounded reach: a text with no full stop is one long "sentence"
        after = ctx.content_words(
            cue.end, min(end, cue.end + _MAIN_REACH), skip=(span.start, span.end)
        )
        return head_words(end) | {"@" + w for w in after} | same_happening(cue)

    main_rule = next((r for r in lead_rules if r.options.get("main")), None)
    happenings = main_rule.options.get("same_happenings", {}) if main_rule else {}

    def same_happening(cue: Span) -> set[str]:
        """ "~" and the meaning of the words the date's verb starts ("entered passenger
        service" and "opened" mean "open"; the main rule's `same_happenings`)."""
        if not happenings:
            return set()
        said = " ".join(ctx.tokens.lower[cue.start : cue.start + 4]) + " "
        return {
            "~" + stem(meaning)
            for meaning, phrases in happenings.items()
            if any(said.startswith(phrase + " ") for phrase in phrases)
        }

    @cache
    def head_words(end: int) -> frozenset[str]:
        """The words of the text up to token ``end`` and of the metadata's headline."""
        return frozenset(ctx.content_words(0, end) | _title_words(source, ctx))

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
        deadline = _deadline_of(ctx, span, tense, deadline_rules)
        if deadline is not None:
            rule_id, trigger, definite, ahead = deadline
            left, right = ctx.joined_clause(span.start, span.end)
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
            else:
                chain = len(chains) + len(deadline_chains) + 1000
                deadline_chains[key] = chain
            out.chain_context[chain] = out.chain_context.get(chain, frozenset()) | frozenset(
                context
            )
            # A deadline looks ahead: "gave the December 31 deadline" is this year's
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
                            context=main_words(span, cue)
                            if rule.options.get("main")
                            else lead_words(rule.id),
                            timex=timex,
                            subject=event_class,
                            role=relation,
                        )
                    )
        if reported or default_event_rule is None:
            continue
        if timex.roles == {"year"} and lower[span.start] not in _YEAR_LEADS:
            continue  # "forecasts for 2026", "the 2025 edition": a year that is not when

        event = _event_of(ctx, span, chains)
        if event is None:
            continue
        cue, chain = event
        rule_id = _relation_of(ctx, span, cue) or default_event_rule
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
            )
        )
    if facts:
        out.facts.extend(_counts(ctx, source, ruleset))
        out.facts.extend(_streaks(ctx, source, ruleset))
        out.facts.extend(_quantities(ctx, source, ruleset, out.timexes))
        out.facts.extend(_figures(ctx, source, ruleset, out.timexes, out.facts))
        out.facts.extend(_anchored_changes(ctx, source, ruleset, out.facts))
        out.facts.extend(_paired_counts(ctx, source, ruleset))
        out.facts.extend(_single_counts(ctx, source, ruleset, out.facts))
        out.facts.extend(_places(ctx, source, ruleset, chains, out, main_dates))
        out.facts.extend(_ranked_places(ctx, source, ruleset, len(chains)))
        out.facts.extend(_home_places(ctx, source, ruleset, len(chains)))
        out.facts.extend(_frame_places(ctx, source, ruleset, len(chains)))
        out.facts.extend(_period_deadlines(ctx, source, ruleset, out))
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


def _lead_end(ctx: _Context, sentences: int) -> int:
    """Token index where the lead ends: after the body's first ``sentences`` sentences (a
    headline, a byline or a header line, which end in no full stop, are not counted)."""
    t = ctx.tokens
    size = len(t.text)
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
    if span.start > 0 and (
        lower[span.start] in options.get("not_after", ())
        or lower[span.start - 1] in options.get("not_after", ())
    ):
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
    for cue in ctx.cues_at(t.sent_start[span.start], ""):
        label = cue.label_
        if not label.startswith(("event:", "lead:")) or not left <= cue.start < right:
            continue
        if span.start <= cue.start < span.end or _inside_name(ctx, cue.start):
            continue
        if ctx.attributive_at(cue.start, cue.end):
            continue  # "boarded the hijacked tanker on Sunday": not the hijacking's day
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


def _main_clause(ctx: _Context, span: Span) -> tuple[int, int]:
    """The clause a main-event date belongs to: its own, or, for a date set off by commas
    ("wrecked a block in Lindvale, France, on Tuesday, killing two"), the clause before it."""
    t = ctx.tokens
    left, right = ctx.joined_clause(span.start, span.end)
    first = t.sent_start[span.start]
    # over the commas before it, as long as only names stand between ("in Lindvale, France,")
    for _ in range(3):
        if left - 1 <= first or any(t.lowercase[i] and t.alpha[i] for i in range(left, span.start)):
            break
        left = ctx.joined_clause(left - 2, left - 1)[0]
    # a bounded reach: a text with no full stop is one long clause
    return max(left, span.start - _MAIN_REACH), min(right, span.end + _MAIN_REACH)


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
    if span.start > 0 and (
        lower[span.start] in options.get("not_after", ())
        or lower[span.start - 1] in options.get("not_after", ())
    ):
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
    elif after := [i for i in happenings if i > span.start and lower[i] not in ctx.event_words]:
        at = after[0]  # "On Monday, the bridge was reopened": a verb after its date
    else:
        return None
    if any(
        lower[i] in unless or ctx.ordinals.get(lower[i], 1) > 1
        for i in range(max(left, at - 3), at)
        if i not in ctx.timex_tokens
    ):
        return None  # "the sixth aftershock shook", "a second rise": another event
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

    def is_verb(i: int) -> bool:
        if i in ctx.timex_tokens or not t.alpha[i] or not t.lowercase[i]:
            return False
        previous = lower[i - 1] if i > first else ""
        return (
            ctx.past_at(i)
            or i in marked
            or previous in ("will", "would")
            or (previous in _CLAUSE_AUXILIARIES and lower[i].endswith("ed"))
        )

    verb = next(
        (
            i
            for i in range(span.start - 1, max(left, span.start - _CLAUSE_REACH) - 1, -1)
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
    while end > first and lower[end - 1] in _CLAUSE_AUXILIARIES:
        end -= 1
    if end == span.end:
        end = span.start  # "the council on Monday voted"
    if end - 2 > first and lower[end - 1] in ("which", "that", "who") and lower[end - 2] == ",":
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
        return None
    start, head = subject
    if start - 1 > first and lower[start - 1] in _CLAUSE_PLACE_WORDS:
        # "the airport in Lindvale": the head is the phrase before the place
        if (outer := _clause_phrase(ctx, first, start - 1)) is None:
            return None
        start, head = outer
    if any(
        lower[i] in repeat and i not in ctx.timex_tokens
        for i in range(max(first, min(left, start) - 2), right)
    ):
        return None  # "voted again on Monday", "a second vote on Friday", "the third rise"
    before = start - 1
    if before >= first and not (ctx.breaks_at(before) or lower[before] in _CLAUSE_OPENERS):
        return None  # "officials at the plant closed": the subject starts further back
    heads = [head, *_name_words(ctx, start, end)]
    # what the verb acts on: "shut the west wing to visitors on Tuesday"
    at = verb + 1
    if at < span.start and lower[at] in _CLAUSE_OBJECT_DETERMINERS:
        at += 1
    run = at
    while run < span.start and t.alpha[run] and lower[run] not in STOP_WORDS:
        run += 1
    if (
        at < run <= at + 4
        and run - 1 not in ctx.timex_tokens
        and lower[at - 1] in _CLAUSE_OBJECT_DETERMINERS
    ):
        heads.append(lower[run - 1])
        heads.extend(_name_words(ctx, at, run))
    return start, verb, tuple(dict.fromkeys(stem(h) for h in heads))


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
_CLAUSE_PLACE_WORDS = frozenset({"in", "at", "near", "of", "outside"})
"""Words between a subject's head and a place that follows it ("the airport in Lindvale")."""


def _clause_phrase(ctx: _Context, first: int, end: int) -> tuple[int, str] | None:
    """The noun phrase ending before token ``end``: (first token, head word) of a name
    (every word capitalised; one word only if not the sentence's first) or of words after
    "the" or a name's possessive (the article or name included); None for anything else (a
    pronoun, "a plant")."""
    t = ctx.tokens
    lower = t.lower
    start = end
    while (
        start > first
        and t.alpha[start - 1]
        and lower[start - 1] not in STOP_WORDS
        and start - 1 not in ctx.timex_tokens
    ):
        start -= 1
    if start == end or end - start > 4:
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
        return None
    if end - start == 1 and start == first:
        return None
    return start, lower[end - 1]


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
    context = (
        ctx.content_words(min(left, start), right, skip=(span.start, span.end))
        | ctx.proper_nouns_at(ctx.tokens.sent_start[span.start])
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
        if ctx.attributive_at(relation_cue.start, relation_cue.end):
            continue  # "the abandoned game will be replayed": no calling off dated
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


def _timex_tense(ctx: _Context, span: Span) -> Tense:
    """Tense that places a date: "since" looks back; a date before its noun ("a Nov. 15
    hearing", "the December 31 deadline") is not governed by the clause's verb."""
    lower = ctx.tokens.lower
    if lower[span.start] == "since":
        return "past"
    following = lower[span.end] if span.end < len(lower) else None
    if following is not None and (
        following in ctx.event_words or following in ctx.attributive_nouns
    ):
        return "none"
    return ctx.tense(span.start, span.end)


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
        if after or before:
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
            # publication, whatever the clause's tense (normalize tells)
            return rule_id, marker, False, None
        if cue.start == span.start or cue.end == span.start:  # "by July 15", "until Friday"
            left, _right = ctx.joined_clause(span.start, span.end)
            size = len(lower)
            after = span.end + (span.end < size and ctx.tokens.text[span.end] == ",")
            infinitive = any(lower[i] == "to" for i in range(left, span.start)) or (
                after < size and lower[after] == "to"  # "until May 2, to reply"
            )
            if tense != "past" or infinitive:
                return rule_id, cue.text.lower(), False, True
            roles = span.label_.split("+")
            lasting = rules[rule_id].options.get("lasting_markers", ())
            if cue.text.lower() in lasting and "month" in roles and "day" in roles:
                # "extended the permit until May 14": a past clause's
                # month-day that lies after publication still looks ahead (normalize keeps
                # it only then: "the road was closed until March 2" stays a past fact)
                return rule_id, cue.text.lower(), False, None
    return None


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
    lexicons = ruleset.lexicons
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
        words = tuple(t.text[span.start : span.end])
        parts = parts_of(words, lexicons)
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
            and _is_day(parts_of(tuple(t.text[other.start : other.end]), lexicons))
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
        chain = 3000 + len(facts)
        out.chain_context[chain] = frozenset(context)
        facts.append(
            FactMention(
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
                subject=t.lower[noun_end - 1],
                offset_days=int(parts.amount * _PERIOD_DAYS[parts.span_unit]),
            )
        )
    return facts


def _is_day(parts: TimexParts) -> bool:
    """True when a date expression names one day: a weekday, a month and day, "yesterday"."""
    return parts.kind is None and (
        parts.weekday is not None or parts.day is not None or parts.deictic is not None
    )


def _deadline_subject(ctx: _Context, span: Span, trigger: str) -> str:
    """What must happen by the deadline: "publish revised fishing quotas" (from "due to
    publish revised fishing quotas by July 15"), or the words after "deadline for"."""
    doc = ctx.doc
    left, right = ctx.clause(span.start, span.end)
    to_positions = [i for i in range(left, span.start) if doc[i].lower_ == "to"]
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
    next_id = 0
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
        if kinds:
            context |= {f"kind:{k}" for k in kinds}
        if determiner in _INDEFINITE or ordinal is not None or position is not None:
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
            # "the session" after "a board meeting": the class's most mentioned event
            counts = mentions_by_class[event_class]
            chain = max(counts, key=lambda c: (counts[c], -c))
        else:
            chain = None
        if chain is None:
            chain = next_id
            next_id += 1
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
    """True for an event word that is also an adjective, used as one: followed by a
    lower-case noun ("a primary health centre", "its final offer")."""
    if cue.text.lower() not in ctx.adjective_event_words:
        return False
    t = ctx.tokens
    after = cue.end
    return (
        after < t.sent_end[cue.start]
        and t.alpha[after]
        and t.lowercase[after]
        and t.lower[after] not in STOP_WORDS
        and t.lower[after] not in ctx.calendar_words
        and t.lower[after] not in ctx.event_words
    )


def _inside_name(ctx: _Context, i: int) -> bool:
    """True for a capitalised word ``i`` inside a name or title ("Catching Fire", "Policy Report")."""
    t = ctx.tokens
    if not t.title[i] or i == t.sent_start[i]:
        return False
    before = i - 1
    return (
        t.title[before]
        and t.alpha[before]
        and before != t.sent_start[before]
        or (t.upper[before] and len(t.text[before]) > 1)
    )


def _event_of(
    ctx: _Context, span: Span, chains: dict[int, tuple[int, str]]
) -> tuple[Span, int] | None:
    """The event word a date belongs to: the nearest one in its sentence (same clause first)."""
    left, right = ctx.clause(span.start, span.end)
    best: tuple[tuple[int, int], Span, int] | None = None
    for cue in ctx.cues_at(ctx.tokens.sent_start[span.start], "event:"):
        if cue.start in chains and not (span.start <= cue.start < span.end):
            in_clause = left <= cue.start < right
            if not in_clause and cue.start > span.start:
                continue  # "killed on June 24, while investigating an attack": not the attack's date
            distance = span.start - cue.end if cue.end <= span.start else cue.start - span.end
            key = (0 if in_clause else 1, distance)
            if best is None or key < best[0]:
                best = (key, cue, chains[cue.start][0])
    if best is None or (best[0][0] == 1 and best[0][1] > 12):
        return None
    cue = best[1]
    if not _names_the_event(ctx, cue, dated_before=span.end <= cue.start):
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
    if any(
        (ctx.past_at(i) or _progressive_at(ctx, i)) and i not in relation_tokens | reporting
        for i in between
    ):
        # "a constitution approved in September", "two men on Tuesday were discussing the
        # shooting": the date is the approval's, the discussion's; "called the match off and
        # said it would be replayed on Wednesday" reports the match's date
        return None
    return cue, best[2]


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


def _relation_of(ctx: _Context, span: Span, event: Span) -> str | None:
    """The rule id of the relation verb nearest the date (``event.start_date``...), if any."""
    left, right = ctx.clause(span.start, span.end)
    lo, hi = min(left, event.start), max(right, event.end)
    best: tuple[int, str] | None = None
    for cue in ctx.cues_at(ctx.tokens.sent_start[span.start], "relation:"):
        if ctx.attributive_at(cue.start, cue.end):
            continue  # "the abandoned game will be replayed on Thursday": no calling off
        if lo <= cue.start < hi and not (span.start <= cue.start < span.end):
            distance = span.start - cue.end if cue.end <= span.start else cue.start - span.end
            if best is None or distance < best[0]:
                best = (distance, cue.label_.split(":", 1)[1])
    return best[1] if best else None


def _counts(ctx: _Context, source: Source, ruleset: RuleSet) -> list[FactMention]:
    """Counts of events in a series: "three face-to-face meetings", "a fourth round"."""
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
            if token.is_punct or lower in _DETERMINERS or lower in _COUNT_STOPS:
                break  # "third-largest economy hosts the summit": another noun phrase
            modifiers += 1
            if modifiers > 2:
                break
        if number is None:
            continue
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
                context=frozenset(ctx.proper_nouns(sent)),
                number=number,
                count_form=form,
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


NAME_PARTICLES = frozenset(
    {"de", "da", "del", "van", "von", "der", "bin", "ibn", "al", "le", "la", "di"}
)
"""Lower-case words inside a person's name ("Pieter van der Hoeven")."""

_ELIDED_NAME = re.compile(r"[A-Z]['\u2019][A-Z][a-z]{2,}")
"""A name with an elided prefix, one token ("O'Driscoll", "D'Souza", "N'Diaye")."""


def _words(doc: Doc, source: Source, table: _Tokens) -> Words:
    """Every alphabetic word of three letters or more, and every name with an elided prefix
    ("O'Driscoll"), read column-wise from the token table (``Words``: no Mention is made
    here)."""
    texts, alpha, title, spaced = table.text, table.alpha, table.title, table.spaced
    wordlike, sent_start, sent_end = table.wordlike, table.sent_start, table.sent_end
    size = len(texts)

    def joined(i: int) -> bool:
        """A hyphen, slash, dot or apostrophe glues word ``i`` to its neighbour."""
        if i + 1 < size:
            if texts[i + 1] in ("'", "\u2019"):
                return True  # "couldn ’ t", even with the stray spaces of crawled text
            if (
                texts[i + 1] in _JOINERS
                and not spaced[i]
                and not spaced[i + 1]
                and i + 2 < size
                and wordlike[i + 2]
            ):
                return True
        return (
            i >= 2
            and texts[i - 1] in _JOINERS
            and not spaced[i - 1]
            and not spaced[i - 2]
            and wordlike[i - 2]
        )

    def in_name(i: int) -> bool:
        """A capitalised word next to another in its sentence."""
        return (i > sent_start[i] and title[i - 1] and alpha[i - 1]) or (
            i + 1 < sent_end[i] and title[i + 1] and alpha[i + 1]
        )

    index = [
        i
        for i, (a, text) in enumerate(zip(alpha, texts, strict=True))
        if (a and len(text) > 2) or (title[i] and _ELIDED_NAME.fullmatch(text))
    ]
    firsts = [sent_start[i] for i in index]
    bounds = {
        first: (table.idx[first], table.idx[sent_end[first] - 1] + len(texts[sent_end[first] - 1]))
        for first in dict.fromkeys(firsts)
    }
    return Words(
        texts=[texts[i] for i in index],
        starts=[table.idx[i] for i in index],
        sentence_initial=[i == first for i, first in zip(index, firsts, strict=True)],
        in_name=[title[i] and in_name(i) for i in index],
        # a joiner next to the word: a quick test before ``joined``
        in_compound=[
            ((i + 1 < size and texts[i + 1] in _JOINERS) or (i >= 2 and texts[i - 1] in _JOINERS))
            and joined(i)
            for i in index
        ],
        sentences=firsts,
        bounds=bounds,
        source=source,
    )


_KNOWN = frozenset({"the", "these", "those", "both"})
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
    timex_spans = [s for s in ctx.timex_spans if s.start_char in timex_at]
    dateline = source.dateline
    quiet = ruleset.derived("quantity_quiet_words", lambda: _quiet_words(ruleset, lexicon))
    nouns_only = ruleset.derived(
        "quantity_counted_nouns",
        lambda: frozenset(
            r.id for r in ruleset.of_kind("quantity") if r.options.get("counted_noun")
        ),
    )
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
                ctx, sent, start, end, phrase, measures, _after_unit_figure(words, phrases, n)
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
            tally = ruleset.rules[rule_id].options.get("tally")
            if tally and measure in tally:
                role = "level"  # "passed by 82 votes to 61": two sides, no change
                if measure == tally[0] and cue.end == start:
                    measure = tally[1]  # "votes to 61": the other side
            if rule_id in nouns_only and start > sent.start and doc[start - 1].lower_ in _KNOWN:
                continue  # "the two countries": things already named, not a count reported
            shown = _shown_end(
                ctx, sent, whole_end, cue, measure, lexicon.counted_people
            )  # a part is quoted with its whole: "34 of the 101 seats"
            # a bare count is quoted with its measure word: "injuring 23", "78 were injured"
            bare = shown == end and phrase.unit is None
            quoted = cue.start if bare and cue.end == start else start
            if (
                bare
                and cue.start > end
                and all(ctx.tokens.lower[k] in _PASSIVE for k in range(end, cue.start))
            ):
                shown = cue.end
            left, right = ctx.clause(start, end)
            when = min(
                (
                    span
                    for span in timex_spans
                    if left <= span.start < right
                    and ctx.tokens.sent_start[span.start] == sent.start
                ),
                key=lambda span: abs(span.start - start),
                default=None,
            )
            names = ctx.quantity_names(sent, source.dateline) - quiet
            context = (ctx.content_words(left, right, skip=(start, end)) - quiet) | names
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
    return facts


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


_FIGURE_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "each"})
"""Words before a figure that make it describe the noun after it ("a \u20ac5 credit")."""
_FIGURE_LINKS = frozenset({"of", "at", "to", "for", "just", "only", "now", "currently"})
"""Words between a figure and the word before it that says what it is ("the limit of 60 km/h")."""
_FIGURE_PREPOSITIONS = frozenset(
    {"of", "for", "on", "in", "at", "along", "across", "with", "under", "over", "near", "from"}
    | {"between", "into", "to", "by", "through", "within", "around", "inside", "outside"}
)
_NO_CHANGE_VERBS = frozenset({"by", "up", "down"})
"""Change words that are no verb: they say a change only before a figure ("by $2")."""
_FIGURE_RATES = frozenset(
    {"year", "month", "week", "day", "night", "season", "hour", "minute", "second", "annually"}
    | {"apiece", "each", "yearly", "monthly", "weekly", "daily", "hourly", "annual"}
)
"""Words after a figure (or after "a", "per") that make it a rate over time ("a year")."""
_FIGURE_QUOTES = frozenset({'"', "\u201c", "\u201d", "\u00ab", "\u00bb"})


def figure_key(word: str) -> str:
    """The key of a figure's head word: its crude stem without a final "e", so "raise",
    "raising" and "raised" meet ("rais"), and "price" and "priced"."""
    key = stem(word)
    return key[:-1] if key.endswith("e") and len(key) > 3 else key


def _figure_head(
    ctx: _Context, left: int, start: int, end: int, phrase: NumberPhrase, copulas: frozenset[str]
) -> tuple[str, int] | None:
    """The word that says what a figure in a unit measures, and its token: the noun it
    describes ("a \u20ac40 rebate"), else the word before it ("raising \u20a62 billion", "the limit
    of 60 km/h"), else, after a copula, the head of the subject ("the height limit under
    the bridge is 4 metres": "limit"). None when no such word is found."""
    t = ctx.tokens
    k = end + 1 if phrase.hyphenated else end
    before = t.lower[start - 1] if start > left else ""
    if (
        before in _FIGURE_DETERMINERS
        and k < len(t.lower)
        and t.sent_start[k] == t.sent_start[start]
        and t.alpha[k]
        and t.lowercase[k]
        and t.lower[k] not in STOP_WORDS
    ):
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
        head = _subject_head(ctx, left, i)
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
    rules = [r for r in ruleset.of_kind("quantity") if r.options.get("generic")]
    if not rules:
        return []
    rule = rules[0]
    lexicon = quantity_lexicon(ruleset)
    doc, t = ctx.doc, ctx.tokens
    allowed = rule.options.get("dimensions") or ()
    # dimensions compared only for a figure that describes the noun after it ("a 12%
    # stake"), never one of the ``change_nouns`` ("a 5% rise")
    described = frozenset(rule.options.get("described_dimensions", ()))
    change_heads = frozenset(rule.options.get("change_nouns", ()))
    copulas = frozenset(rule.options.get("copulas", ()))
    hedged = frozenset(rule.options.get("hedged_dimensions", ()))
    guards = frozenset(rule.options.get("guard_words", ()))
    same_heads = {
        figure_key(word): figure_key(head)
        for word, head in rule.options.get("same_heads", {}).items()
    }
    # dimensions whose figures are keyed by a word of their own, whatever word they are tied
    # to ("reached 44C", "hit 46 degrees Celsius": temperature)
    dimension_keys = rule.options.get("dimension_keys", {})
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
        if _FIGURE_QUOTES.intersection(words) or any(
            w in guards
            and k not in in_units
            and not (k and f"{words[k - 1]} {w}" in lexicon.hedges)
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
        for phrase in phrases:
            if dimension_keys and phrase.unit is not None and phrase.value is not None:
                amount = to_amount(phrase, lexicon)
                own = dimension_keys.get(amount.dimension.split(":")[0])
                if own is not None:  # every one counts against another: "lows of 25C"
                    every[f"{own}:{amount.dimension}"].append((amount.low, amount.high))
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
                head = _figure_head(ctx, left, start, end, phrase, copulas)
            if head is None:
                continue
            key = figure_key(head[0])
            key = same_heads.get(key, key)  # "costs" and "the price": one key
            key = dimension_keys.get(to_amount(phrase, lexicon).dimension.split(":")[0], key)
            after_at = head[1] + 1 if head[1] >= end else end  # "a $5 rebate a year"
            after = t.lower[after_at : min(sent_end, after_at + 2)]
            if after[:1] and after[0] in _FIGURE_RATES:
                continue  # "$4 million a year", "$5 apiece": a rate of its own
            if after[:1] in (["a"], ["an"], ["per"]) and len(after) > 1:
                if after[1] in _FIGURE_RATES:
                    continue
                key += "/" + after[1]  # "9,500 riel a kilo": a price per unit, no total
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
            if head_at < start and _opens_with_the(ctx, sent_start, head_at):
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
            shown_end = max(end, head_at + 1)
            mention = FactMention(
                rule=rule.id,
                family="quantity",
                where=_mention_at(source, t, shown_start, shown_end),
                tense=ctx.tense(start, end),
                trigger=key if key in dimension_keys.values() else t.lower[head_at],
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
            for noun, start, end, phrase, link in _noun_counts(ctx, sent, lexicon, ignored, linking)
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
    lexicon = quantity_lexicon(ruleset)
    quiet = ruleset.derived("quantity_quiet_words", lambda: _quiet_words(ruleset, lexicon))
    covered = [(f.where.start, f.where.end) for f in taken if f.family == "quantity"]
    t = ctx.tokens
    timex_tokens = ctx.timex_tokens
    facts = []
    # a count starts with a digit or a number word outside a date: most sentences have none
    firsts = {t.sent_start[i] for i in ctx.number_starts(lexicon) if i not in timex_tokens}
    for first in sorted(firsts):
        sent = ctx.doc[first : t.sent_end[first]]
        for noun, start, end, phrase, _link in _noun_counts(
            ctx, sent, lexicon, ignored, compounds=True
        ):
            where = _mention_at(source, t, start, end)
            if any(a < where.end and where.start < b for a, b in covered):
                continue  # a declared measure's figure
            before = t.lower[sent.start + phrase.start - 1] if phrase.start else ""
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
                    event_class=noun,
                    context=frozenset(context),
                    amount=phrase,
                    role="level",
                    names=frozenset(names),
                )
            )
    return facts


def _noun_counts(
    ctx: _Context,
    sent: Span,
    lexicon: QuantityLexicon,
    ignored: frozenset[str],
    linking: tuple[list[str], ...] = (),
    *,
    compounds: bool = False,
) -> list[tuple[str, int, int, NumberPhrase, str]]:
    """The plain counts of a sentence, each with the plural noun it counts ("2,412
    patients", "four crew"): (noun, start, end after the noun, number phrase, the linking
    words of ``linking`` just before it). With ``compounds``, a noun may stand before the
    plural it modifies ("seven backcountry skiers" counts skiers). See ``_paired_counts``
    for what counts nothing."""
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
        if start > sent.start and (
            t.lower[start - 1] in _PAIRED_BEFORE_STOPS
            or t.lower[start - 1] in _AGE_WORDS
            or (
                (t.title[start - 1] or t.upper[start - 1])
                and not (phrase.hyphenated and t.lower[start - 1] in _SENTENCE_ARTICLES)
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
        if k >= sent.end or not (t.alpha[k] and t.lowercase[k]):
            continue
        if (
            compounds
            and not t.lower[k].endswith("s")
            and t.lower[k] not in STOP_WORDS
            and k + 1 < sent.end
            and t.alpha[k + 1]
            and t.lowercase[k + 1]
            and t.lower[k + 1].endswith("s")
        ):
            k += 1  # "seven backcountry skiers"
        noun = t.lower[k]
        if (
            noun in STOP_WORDS
            or noun in _INCREMENT
            or noun in ignored
            or noun in _HOW_OFTEN
            or (
                noun not in lexicon.counted_people
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
) -> int:
    """Where a count's quoted words end: with the noun it counts ("18 crew", "nine villages",
    "54 people"), so the quote says what is counted; else with the number phrase."""
    if cue.start == end:
        return cue.end
    if end < sent.end and ctx.tokens.lower[end] in people:
        return end + 1
    noun = measure[measure.rfind("(") + 1 : -1] if measure.endswith(")") else ""
    if noun.isalpha():  # a noun counted: "nine villages", "2 million toasters", "1,200 sheep"
        for k in range(end, min(sent.end, end + _QUANTITY_GAP + 1)):
            if ctx.tokens.lower[k] == noun:
                return k + 1
    return end


def quantity_lexicon(ruleset: RuleSet) -> QuantityLexicon:
    """The rules' ``quantities`` word lists, built once per rule set."""
    return ruleset.derived(
        "quantity_lexicon", lambda: QuantityLexicon.from_lexicons(ruleset.lexicons)
    )


def _quiet_words(ruleset: RuleSet, lexicon: QuantityLexicon) -> frozenset[str]:
    """Words that say nothing about which figure it is: cue words, units, reporting verbs."""
    quiet = {
        stem(w)
        for r in ruleset.of_kind("quantity")
        for words in r.options["measures"].values()
        for phrase in words
        for w in phrase.split()
    }
    names = ruleset.lexicons.get("currency_names") or {}
    quiet |= {stem(w) for phrase in lexicon.units if phrase not in names for w in phrase.split()}
    quiet |= {stem(phrase.split()[-1]) for phrase in names}
    quiet |= {stem(w) for w in lexicon.counted_people | set(lexicon.number_words)}
    quiet |= {stem(w) for w in ruleset.lexicons.get("reporting_verbs", [])}
    quiet |= {stem(w) for w in lexicon.hedges} | {"said", "say", "says"}
    return frozenset(quiet)


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
_AGE_WORDS = {"age", "aged", "ages"}
_SENTENCE_ARTICLES = frozenset({"a", "an", "the", "its", "their", "his", "her", "our"})
"""Capitalised words before a hyphenated count that are no name ("The 12-storey block")."""
_INCREMENT = {"more", "additional", "further", "other", "others", "new", "extra"}
_CLAUSE_VERBS = frozenset({"were", "was", "have", "has", "had", "are", "is"})
_PASSIVE = {
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


_PART_OF = (["of", "the"], ["of", "its"], ["of", "their"], ["out", "of"], ["out", "of", "the"])
"""The words between a part and its whole: "34 of the 101 seats", "9 out of 10 schools"."""


def _wholes(
    words: list[str], phrases: list[NumberPhrase], lexicon: QuantityLexicon
) -> dict[int, NumberPhrase]:
    """The number phrases that are a part of the next one, a whole ("took 34 of the 101
    seats"), by index: the part is a count of what the whole counts. Not when the whole
    counts people ("12 of the 40 passengers died": the part are the dead)."""
    found = {}
    for n, (part, whole) in enumerate(itertools.pairwise(phrases)):
        if (
            part.unit is None
            and whole.unit is None
            and part.value is not None
            and whole.value is not None
            and part.value < whole.value
            and words[part.end : whole.start] in _PART_OF
            and whole.end < len(words)
            and words[whole.end] not in lexicon.counted_people
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


def _counts_alone(
    ctx: _Context,
    sent: Span,
    start: int,
    end: int,
    phrase: NumberPhrase,
    measures: list[Span],
    after_unit_figure: bool = False,
) -> bool:
    """False for numbers that are not a total of their own: one of a list ("magnitude 2.9
    and 2.2"), part of a coordination ("a man and two women"), a share ("two of them"), an
    age ("at 77", "aged 61"), part of a name ("Route 52") or of something else ("a mother of 12")."""
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
        if (lower in ("and", "or", "nor") and not joins_clauses) or lower in _AGE_WORDS:
            return False  # "a man and two women"
        if lower == "at" and phrase.unit is None:
            return False
        total = start - 2 > sent.start and doc[start - 2].lower_ == "total"
        if lower == "of" and not total and not any(c.end == start - 1 for c in measures):
            return False  # "two of the victims", but "a total of 62 people"
        if (
            (before.is_title or (before.is_alpha and not before.is_lower and not before.is_upper))
            and phrase.unit is None
            and any(not doc[i].is_space for i in range(sent.start, before.i))
            and not any(c.start <= before.i < c.end for c in measures)
        ):
            return False
    if doc[start].lower_ == "one" and (
        end >= sent.end or not doc[end].is_alpha or doc[end].lower_ in STOP_WORDS
    ):
        return False  # "when one is killed": a pronoun
    after = [t.lower_ for t in doc[end : min(sent.end, end + 3)]]
    if (
        after[:1] == ["of"]
        and after[1:2]
        and after[1] in _PARTIAL_OF
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
    return not (
        after[:1] in (["per"], ["annually"], ["apiece"], ["each"])
        or after[:2]
        in (["a", "year"], ["a", "season"], ["a", "month"], ["a", "week"], ["a", "day"])
        or (after[:2] == ["-", "per"])
    )  # "$4 million a year": a rate, not a total


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
    fraction = value is not None and math.isfinite(value) and value != int(value)
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
            return _counting_noun(ctx, sent, start, k, measures, cue_at, phrase.unit)
        k += 1
    left, right = ctx.clause(start, end)
    # a rule's counted nouns (``counted_noun``) name only the number before them
    clause_cues = [c for c in measures if c.label_.split(":", 2)[1] not in nouns_only]
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
    # "45 people were killed", "two villagers slightly injured": a passive verb after
    # ("11 were fatally injured": a measure word may start with the adverb)
    while (
        k < right
        and k not in cue_at
        and (doc[k].lower_ in _PASSIVE or doc[k].lower_.endswith("ly"))
    ):
        k += 1
    if k < right and k in cue_at:
        return label(cue_at[k])
    if before:
        return label(max(before, key=lambda c: c.end))
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


def _counting_noun(
    ctx: _Context,
    sent: Span,
    start: int,
    noun_at: int,
    measures: list[Span],
    cue_at: dict[int, Span],
    unit: str | None = None,
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
        end += 1
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
        after = _after_owner(ctx, sent, end)
        while after < sent.end and t.lower[after] in _PASSIVE:
            after += 1
        cue = cue_at.get(after)
    if cue is None:
        return None
    _prefix, rule_id, measure = cue.label_.split(":", 2)
    if unit is not None:
        return cue, rule_id, measure  # "offered 9.25% spread over three years": no count
    return cue, rule_id, f"{measure} ({noun})"


_OWNER_GAP = 6
"""Most words in a name that owns the counted things ("of the Northern Line Express")."""


def _after_owner(ctx: _Context, sent: Span, i: int) -> int:
    """The index after "of" and a name at ``i`` ("six carriages of the Coastal Express left
    the rails": the name owns the carriages), else ``i``."""
    t = ctx.tokens
    if i >= sent.end or t.lower[i] != "of":
        return i
    k = i + 1
    if k < sent.end and t.lower[k] in ("the", "a", "an"):
        k += 1
    name_start = k
    while k < min(sent.end, name_start + _OWNER_GAP) and t.alpha[k] and t.title[k]:
        k += 1
    return k if k > name_start else i


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
            cue, chain = event
            event_class = cue.label_.split(":", 1)[1]
            if t.lower[at] not in general and event_class not in class_prepositions[t.lower[at]]:
                continue  # "delegates from Malawi" at a summit: not where it was
            facts.append(
                FactMention(
                    rule=rule.id,
                    family="place",
                    where=_mention_at(source, ctx.tokens, token.i, end),
                    tense=ctx.tense(token.i, end),
                    trigger=cue.text.lower(),
                    event_class=event_class,
                    context=out.chain_context.get(chain, frozenset()),
                    chain=chain,
                    ordinal=out.chain_ordinal.get(chain),
                    place=name_span.text,
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
            if end + 1 < t.sent_end[at] and t.text[end] == "," and t.title[end + 1]:
                wider = _name_after(ctx, end + 1, source.dateline)
                if wider is None:
                    continue
                start, end = wider  # "in Yida, Ruritania": the city is somewhere in it
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
                    place=ctx.doc[start:end].text,
                )
            )
    return facts


def _name_after(ctx: _Context, start: int, dateline: Span | None) -> tuple[int, int] | None:
    """Token bounds of the capitalised name that starts at token ``start`` (after a
    preposition: "in Vienna", "at the National Stadium"), or None when none does or it is
    not a place itself ("at Teixeira's home", "in the Somerset town", a date, the dateline)."""
    t = ctx.tokens
    if start >= len(t.text):
        return None
    sent_end = t.sent_end[start]
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
            and t.lower[end] not in ctx.event_words
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
    if end < sent_end and (
        t.lower[end] in ("'s", "\u2019s", "'", "\u2019")
        or (after_the and t.lowercase[end] and t.alpha[end] and t.lower[end] not in STOP_WORDS)
    ):
        return None  # "at Teixeira's home", "in the Somerset town": not the place itself
    return start, end


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
    """``pattern.finditer(text)`` for the ``_frame_pattern`` of ``words``, tried only where
    ``lowered`` (``text.lower()``) holds the first word of one of them: the case-blind
    pattern is slow to try at every character, and most texts hold few of the words.
    ``present``: the first words the text holds (``_pieces_present``), when known."""
    pieces = _first_pieces(words)
    if pieces is None or len(lowered) != len(text) or any(c in text for c in _FOLDS_APART):
        yield from pattern.finditer(text)
        return
    starts = []
    for piece in pieces if present is None else present.intersection(pieces):
        at = lowered.find(piece)
        while at >= 0:
            starts.append(at)
            at = lowered.find(piece, at + 1)
    end = 0
    for at in sorted(starts):
        if at >= end and (found := pattern.match(text, at)) is not None:
            yield found  # the pattern's look-behind still reads the text before ``at``
            end = found.end()


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
    lower-cased ``text``) holds, each looked for once per document rather than once per
    frame. None when ``_frame_matches`` would not read its matches from the first words
    (a frame word or a letter of the text outside ASCII's case rules): then every frame
    is tried, as when ``ctx.prefilter`` is off."""
    pieces = ruleset.derived("frame_pieces", lambda: _frame_pieces(ruleset))
    if (
        not ctx.prefilter
        or pieces is None
        or len(lowered) != len(text)
        or any(c in text for c in _FOLDS_APART)
    ):
        return None
    return {piece for piece in pieces if piece in lowered}


def _frame_may_match(words: tuple[str, ...], present: set[str] | None) -> bool:
    """False when the trigger pass (``present``, from ``_pieces_present``) shows that no
    word of a frame is in the text: ``_frame_matches`` would find nothing."""
    if present is None:
        return True
    pieces = _first_pieces(words)
    return pieces is None or not present.isdisjoint(pieces)


def _frame_places(
    ctx: _Context, source: Source, ruleset: RuleSet, chain_base: int
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
        for frame, spec in sorted(frames.items()):
            frame_words = _frame_words(spec)
            if not _frame_may_match(frame_words, present):
                continue  # none of its words in the text
            frame = spec.get("compared_as", frame)
            n = kinds.index(frame)
            per_word = bool(spec.get("per_word"))
            unless_after = {w.lower() for w in spec.get("unless_after", [])}
            joins = {w.lower() for w in spec.get("joins", [])}
            prepositions = {p.lower() for p in spec.get("prepositions", [])}
            objects = {w.lower() for w in spec.get("objects", [])}
            gap = int(spec.get("gap", _PLACE_GAP))
            pattern = _frame_pattern(frame_words)
            unless = tuple(w.lower() for w in spec.get("unless_followed_by", []))
            with_events = {f"event:{c}" for c in spec.get("with_events", [])}
            with_words = {w.lower() for w in spec.get("with_words", [])}
            for found in _frame_matches(pattern, frame_words, text, lowered, present):
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
                words = 0
                in_clause = True
                at = span.end
                while place is None and at < sent_end:
                    if ctx.breaks_at(at) and t.lower[at] not in joins:
                        in_clause = False  # (the frame's `joins`: "to workers and journalists")
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
                if (
                    place is not None
                    and (per_word or spec.get("speakers"))
                    and _years_before(ctx, source, t.sent_start[span.start], ruleset)
                ):
                    continue  # "seized at the port of Zenda in 2019": another, earlier event
                kind = f"{frame} at the {word}" if per_word else frame
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
                    facts.append(
                        FactMention(
                            rule=rule.id,
                            family="place",
                            where=_mention_at(source, t, where, end),
                            tense=ctx.tense(where, end),
                            trigger=kind,
                            event_class=kind,
                            context=frozenset(context),
                            chain=chain_base
                            + 4000
                            + 100 * n
                            + (facilities.index(word) + 1 if per_word else 0),
                            subject=kind,
                            place=ctx.doc[start:end].text,
                        )
                    )
    return facts


def _years_before(ctx: _Context, source: Source, sent_start: int, ruleset: RuleSet) -> bool:
    """True when the sentence starting at token ``sent_start`` names a year before the
    source's (any year, when the source has no date): it recalls an earlier event."""
    t = ctx.tokens
    sent_end = t.sent_end[sent_start]
    published = source.published
    for span in ctx.timex_spans:
        if sent_start <= span.start < sent_end and "since" not in (
            t.lower[span.start],
            t.lower[span.start - 1],
        ):  # "its lowest since 1961" compares with a year, recalls no event of it
            year = parts_of(tuple(t.text[span.start : span.end]), ruleset.lexicons).year
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
    for span in ctx.timex_spans:
        if not sent_start <= span.start < sent_end:
            continue
        if dateline and span.start_char < dateline.end and span.end_char > dateline.start:
            continue
        parts = parts_of(tuple(t.text[span.start : span.end]), ruleset.lexicons)
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
    ctx: _Context, source: Source, ruleset: RuleSet, chain_base: int
) -> list[FactMention]:
    """The place a story ranks first among places of a kind: "the worst-hit city is
    Ghent", "Bruges, where the river burst its banks, was the hardest-hit town". The name
    is the subject or the complement of the ranked noun phrase, joined by a link verb."""
    facts = []
    t = ctx.tokens
    folded = source.text.casefold()  # the doc's text (``doc.text`` joins every token)
    for n, rule in enumerate(ruleset.of_kind("ranked_place")):
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
                chain = chains.setdefault(noun, chain_base + 2000 + 100 * n + len(chains))
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


def _home_places(
    ctx: _Context, source: Source, ruleset: RuleSet, chain_base: int
) -> list[FactMention]:
    """The city an organisation is based in, as a compound before its name says: "the
    Lyon-based drugmaker Acme Pharma". Facts about one organisation share a chain and the
    organisation's name as context, so only the same organisation's homes are compared.
    A group the story names by its kind alone (``groups``: "the Lyon-based smuggling
    ring") is compared with another source's group of that kind."""
    facts = []
    t = ctx.tokens
    text = source.text  # the doc's text (``doc.text`` joins every token)
    for n, rule in enumerate(ruleset.of_kind("home_place")):
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
        chains: dict[str, int] = {}
        for found, org in matches:
            place_start, place_end = found.span("place")
            place = found["place"]
            while (first := place.split(maxsplit=1))[0].lower() in STOP_WORDS and len(first) > 1:
                place_start += len(place) - len(first[1])  # "The New York-based ...", "In ..."
                place = first[1]
            span = _place_span(ctx, place_start, place_end)
            if span is None:
                continue
            key = org.lower()
            chain = chains.setdefault(key, chain_base + 3000 + 100 * n + len(chains))
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


_NAME_PARTICLES = NAME_PARTICLES
_MAX_NAME = 4
"""Most words in a person's name."""


def _names(ctx: _Context, source: Source) -> list[NameMention]:
    """Runs of one to four capitalised words, with the honorific before them and whether a
    reporting verb stands next to them. Which runs are people is decided across the story
    (``people.group_people``)."""
    reporting = {
        i for cue in ctx.cue_spans if cue.label_ == "reporting" for i in range(cue.start, cue.end)
    }
    names = []
    t = ctx.tokens
    honorifics = ctx.honorific_stems
    size = len(t.text)
    position = 0  # where the next name may start: after the last run read
    capitalised = _where(map(operator.and_, t.title, t.alpha))
    for i in capitalised:
        if (
            i < position
            or t.lower[i] in ctx.calendar_words
            or (i == t.sent_start[i] and t.lower[i] in STOP_WORDS)  # "But Mr Osei"
        ):
            continue
        sent_start, sent_end = t.sent_start[i], t.sent_end[i]
        start = i
        honorific = None
        while start < size and t.lower[start].rstrip(".") in honorifics:
            honorific = t.lower[start].rstrip(".")
            start += 1
            if start < size and t.text[start] == ".":
                start += 1
        if honorific is None and i > 0 and t.lower[i - 1].rstrip(".") in honorifics:
            honorific = t.lower[i - 1].rstrip(".")
        end = start
        parts: list[str] = []
        while end < sent_end and len(parts) < _MAX_NAME + 2:
            if t.lower[end].rstrip(".") in honorifics and end > start:
                break  # "Mr Osei and Mr Park": two names
            if t.title[end] and t.alpha[end] and t.lower[end] not in ctx.calendar_words:
                parts.append(t.text[end])
                end += 1
            elif (
                t.text[end] == "-"
                and not t.spaced[end - 1]
                and not t.spaced[end]
                and end > start
                and end + 1 < size
                and t.alpha[end + 1]
                and (t.lowercase[end + 1] or len(parts) >= 2)  # "Ji-hoon", not "Osei-Park"
            ):
                parts.append(t.text[end + 1])  # "Ji-hoon"
                end += 2
            elif (
                t.lower[end] in _NAME_PARTICLES
                and end > start
                and end + 1 < size
                and t.title[end + 1]
            ):
                parts.append(t.text[end])
                end += 1
            else:
                break
        if not parts or len(parts) > _MAX_NAME or end == start:
            position = max(end, i + 1)
            continue
        speaker = (
            (end < size and end in reporting)
            or (start > 0 and start - 1 in reporting)
            or (end + 1 < size and t.text[end] == "," and end + 1 in reporting)
        )
        if len(parts) == 1 and start == sent_start and honorific is None and not speaker:
            position = end
            continue  # a lone capitalised word opening a sentence
        names.append(
            NameMention(
                _mention_at(source, ctx.tokens, start, end), tuple(parts), honorific, speaker
            )
        )
        position = end
    return names
