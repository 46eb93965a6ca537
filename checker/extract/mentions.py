"""What extraction hands on: timexes, facts, words and names, each with its place in the source."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload

from checker.model import Source, Tense
from checker.quantities import (
    NumberPhrase,
)


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
    qualifier: str | None = None
    """The wider place or nationality a place fact's name is qualified by, as written
    ("Ontario" of "London, Ontario", "Scottish" of "the Scottish city of Perth")."""
    venue_city: str | None = None
    """The place named right after a venue, as written ("York" of "the Crown Court
    in York"): where the venue is."""
    qualifier_stands: bool = False
    """True when a qualifier the gazetteer cannot place is itself the place (a main
    place: "in Yida, Ruritania" is somewhere in Ruritania)."""
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
    chains_made: int = 0
    """Chain ids handed out so far (``new_chain``)."""

    def new_chain(self) -> int:
        """A chain id no other chain of this source has. Event chains, deadlines and places
        all draw from this one counter: no range of ids set aside per kind of fact, which a
        long article (a thousand event words) would overrun into the next kind's."""
        self.chains_made += 1
        return self.chains_made - 1
